//! Timestamps as plain numbers. The browser supplies "now" (milliseconds since the Unix epoch);
//! the core only formats and compares, so every rule that depends on time is testable natively.

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = u64;

/// `2026-11-25T17:42:03Z`: the form used in exported files (UTC, second precision).
pub fn iso8601(ms: Millis) -> String {
    let (y, m, d, hh, mm, ss) = civil(ms);
    format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}Z")
}

/// `2026-11-25`: the date part, used in export file names.
pub fn iso_date(ms: Millis) -> String {
    let (y, m, d, ..) = civil(ms);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Splits a UTC instant into calendar fields (Howard Hinnant's `civil_from_days`).
fn civil(ms: Millis) -> (i64, u32, u32, u64, u64, u64) {
    let secs = ms / 1000;
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        // 2000-02-29 (a leap day in a century year divisible by 400)
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_795_628_523_999), "2026-11-25T17:42:03Z");
        assert_eq!(iso_date(1_795_628_523_999), "2026-11-25");
        assert_eq!(iso8601(4_102_444_799_000), "2099-12-31T23:59:59Z");
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, or `None` if it is not a real date.
pub fn parse_date(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let s = text.get(r)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month[(m - 1) as usize] {
        return None;
    }
    // Howard Hinnant's `days_from_civil`.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Days since 1970-01-01 of an instant (UTC).
pub fn day_number(ms: Millis) -> i64 {
    (ms / 86_400_000) as i64
}

#[cfg(test)]
mod date_tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        assert_eq!(
            parse_date("2024-02-29").map(|d| d + 1),
            parse_date("2024-03-01")
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-01-01",
            "2026-1-01",
            "",
            "2026-01-32",
            "+026-01-01",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert_eq!(
            day_number(1_795_628_523_999),
            parse_date("2026-11-25").unwrap_or(0)
        );
    }
}

/// "1 December 2026": a `YYYY-MM-DD` date as people read it. Text that is not a date is
/// returned as it is (it came from a file and is shown rather than lost).
pub fn readable_date(date: &str) -> String {
    parse_date(date).map_or_else(|| date.to_owned(), long_date)
}

/// "1 December 2026": a day number (days since 1970-01-01) as people read it.
pub fn long_date(day: i64) -> String {
    let (y, m, d, ..) = civil(day.max(0) as u64 * 86_400_000);
    crate::lang::date(y as i64, m as u32, d as u32)
}

/// "1 December 2026, 19:53": an instant as people read it, `offset_minutes` east of UTC (the
/// browser's local time zone, from `io`).
pub fn readable(ms: Millis, offset_minutes: i64) -> String {
    let local = (ms as i64 + offset_minutes * 60_000).max(0) as Millis;
    let (y, m, d, hh, mm, _) = civil(local);
    crate::lang::date_time(y as i64, m as u32, d as u32, hh as u32, mm as u32)
}

/// "2026-12-01-1953": the local date and time for file names (sorts, no colons).
pub fn file_stamp(ms: Millis, offset_minutes: i64) -> String {
    let local = (ms as i64 + offset_minutes * 60_000).max(0) as Millis;
    let (y, m, d, hh, mm, _) = civil(local);
    format!("{y:04}-{m:02}-{d:02}-{hh:02}{mm:02}")
}

/// An `iso8601` stamp as people read it, in local time; other text is returned as it is.
pub fn readable_stamp(stamp: &str, offset_minutes: i64) -> String {
    let Some(day) = stamp.get(..10).and_then(parse_date) else {
        return stamp.to_owned();
    };
    let b = stamp.as_bytes();
    let num = |r: std::ops::Range<usize>| stamp.get(r).and_then(|s| s.parse::<u64>().ok());
    match (b.len(), b.get(10), num(11..13), num(14..16), num(17..19)) {
        (20, Some(b'T'), Some(h), Some(m), Some(s))
            if h < 24 && m < 60 && s < 60 && b[19] == b'Z' =>
        {
            readable(
                day as u64 * 86_400_000 + (h * 3600 + m * 60 + s) * 1000,
                offset_minutes,
            )
        }
        _ => stamp.to_owned(),
    }
}

#[cfg(test)]
mod readable_tests {
    use super::*;

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(readable_date("2026-12-01"), "1 December 2026");
        assert_eq!(readable_date("2024-02-29"), "29 February 2024");
        assert_eq!(readable_date("soon"), "soon");
        // 2026-12-01T19:53:44Z
        let t = 1_796_154_824_000;
        assert_eq!(iso8601(t), "2026-12-01T19:53:44Z");
        assert_eq!(readable(t, 0), "1 December 2026, 19:53");
        assert_eq!(readable(t, -7 * 60), "1 December 2026, 12:53");
        assert_eq!(readable(t, 5 * 60), "2 December 2026, 00:53");
        assert_eq!(file_stamp(t, 60), "2026-12-01-2053");
        assert_eq!(
            readable_stamp("2026-12-01T19:53:44Z", 0),
            "1 December 2026, 19:53"
        );
        assert_eq!(readable_stamp("yesterday", 0), "yesterday");
        assert_eq!(
            readable_stamp("2026-12-01T25:00:00Z", 0),
            "2026-12-01T25:00:00Z"
        );
    }
}
