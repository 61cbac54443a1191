//! The wasm build's memory allocator: power-of-two size classes, one free list each.
//!
//! Why not the standard library's (dlmalloc): it is about 2 KB of the gzipped download, and
//! this app's allocations are simple: one thread, strings and vectors that grow by doubling, a
//! plan of a few megabytes at most. Here every request is rounded up to a power of two (at
//! least 8 bytes) and served from that size's free list, or else cut from fresh memory at the
//! end of the heap; a freed block goes back on its size's list. Nothing is ever split or merged,
//! so every operation takes the same few steps; the price is up to half of each block unused,
//! and memory freed in one size is reused only for that size. Measured against dlmalloc with
//! the large plan: import as fast, saving 2–3 ms slower (a growing string moves at every
//! doubling, where dlmalloc often extends it in place), both far inside their budgets; the
//! wasm's memory about twice as large (40 MiB against 19 after opening every screen and 20
//! saves, and steady there).
//!
//! Blocks are aligned to their own size (up to a 64 KiB page, then to the page): any layout
//! whose alignment is at most its rounded size is met, which is every layout once the size is
//! taken as at least the alignment.
//!
//! The logic is [`Heap`], over plain addresses, so `cargo test` checks it natively against a
//! model of memory (live blocks aligned and disjoint, freed blocks reused, exhaustion); the wasm
//! build wraps one in the `#[global_allocator]`, grows it with `memory.grow`, and reallocates by
//! keeping the block when the size class stays the same, else allocating, copying and freeing.

/// Smallest block: room for the free list's link on wasm32 and 64-bit hosts alike.
const MIN_CLASS: u32 = 3;
/// Blocks of up to this size are aligned to their size; larger ones to this (a wasm page).
const PAGE: usize = 65536;

/// A heap over addresses handed out by [`Memory::grow`]. The free lists' links live in the free
/// blocks themselves, read and written through [`Memory`] (in tests, a model of memory).
pub struct Heap {
    /// First free address of the fresh region, and its end.
    next: usize,
    end: usize,
    /// All the memory taken so far, in bytes.
    taken: usize,
    /// Head of each size class's free list (class n holds blocks of 2^n bytes), 0 when empty.
    free: [usize; usize::BITS as usize],
}

/// Where a heap gets fresh memory and keeps its links.
pub trait Memory {
    /// Makes at least `bytes` more bytes available and returns the start of the new memory,
    /// or `None` when there is no more; new memory need not follow on from the last.
    fn grow(&mut self, bytes: usize) -> Option<usize>;
    fn read_link(&self, at: usize) -> usize;
    fn write_link(&mut self, at: usize, link: usize);
}

/// The size class (log2 of the block size) for `size` bytes aligned to `align`, or `None` when
/// no block that large could exist.
pub fn class_of(size: usize, align: usize) -> Option<u32> {
    let size = size.max(align).max(1 << MIN_CLASS);
    let rounded = size.checked_next_power_of_two()?;
    Some(rounded.trailing_zeros())
}

impl Heap {
    pub const fn new() -> Heap {
        Heap {
            next: 0,
            end: 0,
            taken: 0,
            free: [0; usize::BITS as usize],
        }
    }

    /// A block of `2^class` bytes, or 0 when memory is exhausted.
    #[inline]
    pub fn alloc(&mut self, class: u32, memory: &mut impl Memory) -> usize {
        let head = self.free[class as usize];
        if head != 0 {
            self.free[class as usize] = memory.read_link(head);
            return head;
        }
        self.alloc_fresh(class, memory)
    }

    /// A block cut from fresh memory (none of its size is free).
    #[inline(never)]
    fn alloc_fresh(&mut self, class: u32, memory: &mut impl Memory) -> usize {
        let size = 1usize << class;
        let align = size.min(PAGE);
        loop {
            // Rounded up to the alignment (a power of two); usize::MAX when that overflows.
            let start = self
                .next
                .checked_add(align - 1)
                .map_or(usize::MAX, |n| n & !(align - 1));
            if start != 0 && start <= self.end && self.end - start >= size {
                // The gap skipped for alignment is not lost: it is cut into the aligned blocks
                // it is made of, smallest first, each put on its list.
                self.give_back(self.next, start, memory);
                self.next = start + size;
                return start;
            }
            // Not enough fresh memory: keep what is left (as blocks) and take more, at least
            // a quarter as much again as the heap has (and 1 MiB), so that memory grows a few
            // times rather than a page at a time (each growth makes the JavaScript side renew
            // its views of the memory).
            let Some(need) = size
                .checked_add(align)
                .and_then(|n| n.checked_next_multiple_of(PAGE))
            else {
                return 0;
            };
            let want = need
                .max((self.taken / 4).next_multiple_of(PAGE))
                .max(16 * PAGE);
            let (base, got) = match memory.grow(want) {
                Some(base) => (base, want),
                // Not that much to be had: perhaps enough for this block alone.
                None => match memory.grow(need) {
                    Some(base) => (base, need),
                    None => return 0,
                },
            };
            if base != self.end {
                self.give_back(self.next, self.end, memory);
                self.next = base;
            }
            self.taken += got;
            self.end = base + got;
        }
    }

    /// Puts a block of `2^class` bytes at `at` back on its list.
    pub fn dealloc(&mut self, at: usize, class: u32, memory: &mut impl Memory) {
        memory.write_link(at, self.free[class as usize]);
        self.free[class as usize] = at;
    }

    /// Cuts `[from, to)` into naturally aligned power-of-two blocks and frees them.
    fn give_back(&mut self, mut from: usize, to: usize, memory: &mut impl Memory) {
        while from < to {
            // The largest block that starts at `from`, is aligned to its size and fits.
            let mut class = from.trailing_zeros().min(usize::BITS - 1);
            while class > 0 && (1usize << class) > to - from {
                class -= 1;
            }
            if class >= MIN_CLASS {
                self.dealloc(from, class, memory);
            }
            from += 1 << class;
        }
    }
}

impl Default for Heap {
    fn default() -> Heap {
        Heap::new()
    }
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::{class_of, Heap, Memory, PAGE};
    use core::alloc::{GlobalAlloc, Layout};
    use core::cell::UnsafeCell;

    /// The wasm module's linear memory, grown a page at a time.
    struct Linear;

    impl Memory for Linear {
        fn grow(&mut self, bytes: usize) -> Option<usize> {
            let pages = bytes.div_ceil(PAGE);
            let before = core::arch::wasm32::memory_grow(0, pages);
            (before != usize::MAX).then(|| before * PAGE)
        }
        fn read_link(&self, at: usize) -> usize {
            // SAFETY: `at` is a free block of at least 8 bytes, aligned to 8, owned by the heap.
            unsafe { (at as *const usize).read() }
        }
        fn write_link(&mut self, at: usize, link: usize) {
            // SAFETY: as above; the block was just given back and nobody else holds it.
            unsafe { (at as *mut usize).write(link) }
        }
    }

    struct Global(UnsafeCell<Heap>);

    // SAFETY: the wasm build has one thread; nothing else ever touches the heap.
    unsafe impl Sync for Global {}

    unsafe impl GlobalAlloc for Global {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            match class_of(layout.size(), layout.align()) {
                Some(class) => (*self.0.get()).alloc(class, &mut Linear) as *mut u8,
                None => core::ptr::null_mut(),
            }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            if let Some(class) = class_of(layout.size(), layout.align()) {
                (*self.0.get()).dealloc(ptr as usize, class, &mut Linear);
            }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let (Some(old), Some(new)) = (
                class_of(layout.size(), layout.align()),
                class_of(new_size, layout.align()),
            ) else {
                return core::ptr::null_mut();
            };
            // Growing within the rounded size (a string doubling into its block) moves nothing.
            if old == new {
                return ptr;
            }
            let heap = &mut *self.0.get();
            let moved = heap.alloc(new, &mut Linear) as *mut u8;
            if !moved.is_null() {
                core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                heap.dealloc(ptr as usize, old, &mut Linear);
            }
            moved
        }
    }

    #[global_allocator]
    static HEAP: Global = Global(UnsafeCell::new(Heap::new()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    /// A model address space: grows by whole pages, sometimes leaving a hole first (as another
    /// user of `memory.grow` would), and keeps links in a map.
    struct Model {
        top: usize,
        holes: Vec<bool>,
        links: BTreeMap<usize, usize>,
        limit: usize,
    }

    impl Memory for Model {
        fn grow(&mut self, bytes: usize) -> Option<usize> {
            if self.holes.pop().unwrap_or(false) {
                self.top += PAGE;
            }
            let base = self.top;
            let bytes = bytes.next_multiple_of(PAGE);
            if base + bytes > self.limit {
                return None;
            }
            self.top += bytes;
            Some(base)
        }
        fn read_link(&self, at: usize) -> usize {
            self.links[&at]
        }
        fn write_link(&mut self, at: usize, link: usize) {
            self.links.insert(at, link);
        }
    }

    fn model(holes: Vec<bool>) -> Model {
        // Address 0 is never handed out (it means "none"); start at the first page, like wasm's
        // heap after the data segments.
        Model {
            top: PAGE,
            holes,
            links: BTreeMap::new(),
            limit: 1 << 32,
        }
    }

    #[test]
    fn classes_round_up_to_powers_of_two_and_cover_alignment() {
        assert_eq!(class_of(0, 1), Some(3));
        assert_eq!(class_of(1, 1), Some(3));
        assert_eq!(class_of(8, 8), Some(3));
        assert_eq!(class_of(9, 1), Some(4));
        assert_eq!(class_of(3, 64), Some(6));
        assert_eq!(class_of(100_000, 8), Some(17));
        assert_eq!(class_of(usize::MAX, 1), None);
    }

    #[test]
    fn freed_blocks_are_reused_for_their_size() {
        let mut m = model(vec![]);
        let mut h = Heap::new();
        let a = h.alloc(5, &mut m);
        let b = h.alloc(5, &mut m);
        assert_ne!(a, b);
        h.dealloc(a, 5, &mut m);
        assert_eq!(h.alloc(5, &mut m), a);
    }

    #[test]
    fn large_blocks_are_page_aligned_and_exhaustion_returns_zero() {
        let mut m = model(vec![]);
        m.limit = 8 * PAGE;
        let mut h = Heap::new();
        let big = h.alloc(18, &mut m); // 256 KiB
        assert_ne!(big, 0);
        assert_eq!(big % PAGE, 0);
        assert_eq!(h.alloc(22, &mut m), 0, "4 MiB does not fit in 8 pages");
        // What is left still serves small blocks.
        assert_ne!(h.alloc(4, &mut m), 0);
    }

    #[derive(Debug, Clone)]
    enum Op {
        Alloc(u32),
        Free(usize),
    }

    fn ops() -> impl Strategy<Value = Vec<Op>> {
        prop::collection::vec(
            prop_oneof![
                3 => (3u32..18).prop_map(Op::Alloc),
                2 => any::<usize>().prop_map(Op::Free),
            ],
            1..300,
        )
    }

    proptest! {
        /// Live blocks never overlap, each is aligned to its size (or the page), and none is 0,
        /// whatever the order of allocations and frees and however memory grows.
        #[test]
        fn live_blocks_are_aligned_and_disjoint(ops in ops(), holes in prop::collection::vec(any::<bool>(), 0..20)) {
            let mut m = model(holes);
            let mut h = Heap::new();
            let mut live: Vec<(usize, u32)> = Vec::new();
            for op in ops {
                match op {
                    Op::Alloc(class) => {
                        let at = h.alloc(class, &mut m);
                        prop_assert_ne!(at, 0);
                        let size = 1usize << class;
                        prop_assert_eq!(at % size.min(PAGE), 0);
                        prop_assert!(at + size <= m.top);
                        for &(b, c) in &live {
                            let other = 1usize << c;
                            prop_assert!(at + size <= b || b + other <= at, "{at:#x}+{size} overlaps {b:#x}+{other}");
                        }
                        live.push((at, class));
                    }
                    Op::Free(pick) if !live.is_empty() => {
                        let (at, class) = live.swap_remove(pick % live.len());
                        h.dealloc(at, class, &mut m);
                    }
                    Op::Free(_) => {}
                }
            }
        }
    }
}
