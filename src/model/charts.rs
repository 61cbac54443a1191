//! Chart geometry: where the bars of the app's own SVG charts go. Plain numbers in a chart's
//! own coordinate space (its `viewBox`), so the drawing rules are tested natively; the screens
//! only turn them into `<rect>`s and always print the numbers beside them.

/// `value` of `max` as a length of at most `full`, rounded to the nearest unit; anything above
/// zero gets at least one unit, so a small count is never drawn as nothing.
pub fn scale(value: u64, max: u64, full: u32) -> u32 {
    if value == 0 || max == 0 {
        return 0;
    }
    let value = value.min(max);
    let len = (u128::from(value) * u128::from(full) * 2 / u128::from(max)).div_ceil(2);
    (len as u32).clamp(1, full)
}

/// A rectangle in a chart's coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

/// Segments stacked bottom-up in a column `width` wide whose top is at 0 and base at `height`,
/// each scaled against `max`; zero segments are left out (`None`).
pub fn stack(values: &[u64], max: u64, x: u32, width: u32, height: u32) -> Vec<Option<Rect>> {
    let mut base = height;
    values
        .iter()
        .map(|&v| {
            let h = scale(v, max, height).min(base);
            (h > 0).then(|| {
                base -= h;
                Rect {
                    x,
                    y: base,
                    w: width,
                    h,
                }
            })
        })
        .collect()
}

/// A funnel step: a bar `width` long centred in `full`.
pub fn centred(value: u64, max: u64, full: u32) -> (u32, u32) {
    let w = scale(value, max, full);
    ((full - w) / 2, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_rounds_and_never_hides_a_count() {
        assert_eq!(scale(0, 10, 100), 0);
        assert_eq!(scale(5, 10, 100), 50);
        assert_eq!(scale(1, 1000, 100), 1, "small but present");
        assert_eq!(scale(2, 3, 100), 67);
        assert_eq!(scale(20, 10, 100), 100, "never past full");
        assert_eq!(scale(3, 0, 100), 0, "no maximum, no bar");
        assert_eq!(scale(u64::MAX, u64::MAX, 100), 100);
    }

    #[test]
    fn stacks_sit_on_the_base_and_fit() {
        let s = stack(&[2, 0, 2], 4, 10, 8, 100);
        assert_eq!(
            s[0],
            Some(Rect {
                x: 10,
                y: 50,
                w: 8,
                h: 50
            })
        );
        assert_eq!(s[1], None);
        assert_eq!(
            s[2],
            Some(Rect {
                x: 10,
                y: 0,
                w: 8,
                h: 50
            })
        );
        let over = stack(&[3, 3], 4, 0, 8, 100);
        let total: u32 = over.iter().flatten().map(|r| r.h).sum();
        assert!(total <= 100);
        assert_eq!(centred(5, 10, 100), (25, 50));
        assert_eq!(centred(10, 10, 100), (0, 100));
    }
}
