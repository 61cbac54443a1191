//! A stand-in for send_wrapper 0.6, used in its place through the `[patch]` in the app's
//! Cargo.toml, with the same API.
//!
//! `SendWrapper<T>` lets Leptos keep browser objects (which are not `Send`) in places that ask
//! for `Send`, and checks at run time that they are only used on the thread that made them. The
//! app's wasm has exactly one thread, so that check can never fail; but asking std for the
//! current thread links std's thread handles (2.9 KB of the gzipped wasm) and, with them,
//! std's own allocator beside the app's (src/heap.rs). Without threads, the wrapper is the
//! value itself. It refuses to build for a target that has threads, where the check would
//! matter.
#[cfg(not(all(target_arch = "wasm32", not(target_feature = "atomics"))))]
compile_error!("this send_wrapper stand-in is only sound on single-threaded wasm32");

use std::fmt;
use std::ops::{Deref, DerefMut};

pub struct SendWrapper<T> {
    data: T,
}

impl<T> SendWrapper<T> {
    pub fn new(data: T) -> SendWrapper<T> {
        SendWrapper { data }
    }

    /// Always true: there is only one thread.
    pub fn valid(&self) -> bool {
        true
    }

    pub fn take(self) -> T {
        self.data
    }
}

// SAFETY: single-threaded wasm32 only (see the compile_error above): no value can reach
// another thread.
unsafe impl<T> Send for SendWrapper<T> {}
unsafe impl<T> Sync for SendWrapper<T> {}

impl<T> Deref for SendWrapper<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T> DerefMut for SendWrapper<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.data
    }
}

impl<T: fmt::Debug> fmt::Debug for SendWrapper<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendWrapper").field("data", &self.data).finish()
    }
}

impl<T: Clone> Clone for SendWrapper<T> {
    fn clone(&self) -> Self {
        Self::new(self.data.clone())
    }
}

#[cfg(feature = "futures")]
mod futures {
    use super::SendWrapper;
    use futures_core::Stream;
    use std::future::Future;
    use std::pin::Pin;
    use std::task::{Context, Poll};

    // Pinning is structural: the wrapped value is never moved out while pinned (as in the
    // original, `take` needs the wrapper by value).
    impl<F: Future> Future for SendWrapper<F> {
        type Output = F::Output;
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
            // SAFETY: see above.
            unsafe { self.map_unchecked_mut(|w| &mut w.data) }.poll(cx)
        }
    }

    impl<S: Stream> Stream for SendWrapper<S> {
        type Item = S::Item;
        fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
            // SAFETY: see above.
            unsafe { self.map_unchecked_mut(|w| &mut w.data) }.poll_next(cx)
        }
        fn size_hint(&self) -> (usize, Option<usize>) {
            self.data.size_hint()
        }
    }
}
