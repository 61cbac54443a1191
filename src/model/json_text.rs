//! JSON text to a `Value` and back: the one parser and the one writer in the build.
//!
//! Written here rather than taken from serde_json's reader and writer, which are generic over
//! every way of reading and formatting and were a tenth of the plan code in the download. Only
//! `serde_json::Value` (a plain enum) is kept. Two things differ from a plain JSON parse on
//! purpose: a key repeated within one object is refused (which of two values was meant cannot
//! be known), and nesting stops at `MAX_DEPTH` (no plan is a tenth as deep; a hostile file
//! could otherwise exhaust the stack).
//!
//! Whole numbers are read exactly; other numbers (which no plan holds) only approximately.

use serde_json::{Map, Number, Value};

/// Deepest nesting of arrays and objects read (as serde_json's default).
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON we read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON, or cut short: the line and column (both from 1) of the first problem.
    Syntax { line: usize, column: usize },
    /// Arrays and objects nested `MAX_DEPTH` deep.
    TooDeep,
    /// An object names the same key twice.
    DuplicateKey(String),
}

/// Parses a JSON text (without a byte order mark) into a value.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut reader = Reader {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.space();
    if reader.i < reader.s.len() {
        return Err(reader.syntax());
    }
    Ok(value)
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

type Read<T> = Result<T, JsonError>;

impl Reader<'_> {
    /// A syntax error at the current position.
    fn syntax(&self) -> JsonError {
        let before = &self.s[..self.i.min(self.s.len())];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        JsonError::Syntax {
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: before.len() - line_start + 1,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    /// Skips white space, then `b` if it is next.
    fn eat(&mut self, b: u8) -> bool {
        self.space();
        let found = self.peek() == Some(b);
        self.i += found as usize;
        found
    }

    fn require(&mut self, b: u8) -> Read<()> {
        if self.eat(b) {
            Ok(())
        } else {
            Err(self.syntax())
        }
    }

    fn value(&mut self) -> Read<Value> {
        self.space();
        match self.peek() {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word(b"true", Value::Bool(true)),
            Some(b'f') => self.word(b"false", Value::Bool(false)),
            Some(b'n') => self.word(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.syntax()),
        }
    }

    fn word(&mut self, word: &[u8], value: Value) -> Read<Value> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(value)
        } else {
            Err(self.syntax())
        }
    }

    /// Reads an array or object (`inner` starts just past its opening bracket).
    fn nested(&mut self, inner: fn(&mut Self) -> Read<Value>) -> Read<Value> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(JsonError::TooDeep);
        }
        self.i += 1;
        let value = inner(self)?;
        self.depth -= 1;
        Ok(value)
    }

    fn array(&mut self) -> Read<Value> {
        let mut items = Vec::new();
        if !self.eat(b']') {
            loop {
                items.push(self.value()?);
                if self.eat(b']') {
                    break;
                }
                self.require(b',')?;
            }
        }
        Ok(Value::Array(items))
    }

    fn object(&mut self) -> Read<Value> {
        let mut fields = Map::new();
        if !self.eat(b'}') {
            loop {
                self.space();
                if self.peek() != Some(b'"') {
                    return Err(self.syntax());
                }
                let key = self.string()?;
                self.require(b':')?;
                let value = self.value()?;
                if fields.contains_key(&key) {
                    return Err(JsonError::DuplicateKey(key));
                }
                fields.insert(key, value);
                if self.eat(b'}') {
                    break;
                }
                self.require(b',')?;
            }
        }
        Ok(Value::Object(fields))
    }

    /// Reads a string, from its opening quote.
    fn string(&mut self) -> Read<String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            // The text is UTF-8 and a run stops only before an ASCII byte, so it is whole.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.syntax())?);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'u') => {
                            self.i += 1;
                            out.push(self.escaped_char()?);
                            continue;
                        }
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        _ => return Err(self.syntax()),
                    };
                    self.i += 1;
                    out.push(c);
                }
                // A raw control character, or the text ends inside the string.
                _ => return Err(self.syntax()),
            }
        }
    }

    /// The character of a `\uXXXX` escape (just past the `u`), joining a surrogate pair.
    fn escaped_char(&mut self) -> Read<char> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if !self.s[self.i..].starts_with(b"\\u") {
                return Err(self.syntax());
            }
            self.i += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.syntax());
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        // A lone low surrogate is not a character.
        char::from_u32(code).ok_or_else(|| self.syntax())
    }

    fn hex4(&mut self) -> Read<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            n = n * 16 + digit.ok_or_else(|| self.syntax())?;
            self.i += 1;
        }
        Ok(n)
    }

    /// Skips digits; at least one must be there.
    fn digits(&mut self) -> Read<()> {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        if self.i == start {
            Err(self.syntax())
        } else {
            Ok(())
        }
    }

    fn number(&mut self) -> Read<Value> {
        let start = self.i;
        let negative = self.eat(b'-');
        if self.peek() == Some(b'0') {
            self.i += 1;
        } else {
            self.digits()?;
        }
        let whole = &self.s[start + negative as usize..self.i];
        let mut fraction: &[u8] = &[];
        if self.peek() == Some(b'.') {
            self.i += 1;
            let from = self.i;
            self.digits()?;
            fraction = &self.s[from..self.i];
        }
        let mut exponent = 0i32;
        let mut has_exponent = false;
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let minus = self.peek() == Some(b'-');
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            let from = self.i;
            self.digits()?;
            for &d in &self.s[from..self.i] {
                exponent = exponent
                    .saturating_mul(10)
                    .saturating_add((d - b'0') as i32);
            }
            if minus {
                exponent = -exponent;
            }
            has_exponent = true;
        }
        if fraction.is_empty() && !has_exponent {
            if let Some(n) = whole_number(whole) {
                if !negative {
                    return Ok(Value::Number(n.into()));
                }
                // "-0" is read as the float -0.0, as serde_json reads it.
                if n <= 1 << 63 && n != 0 {
                    return Ok(Value::Number((n as i64).wrapping_neg().into()));
                }
            }
        }
        // Approximate: the first 19 significant digits as a whole number, scaled by the power
        // of ten (in two steps below 10^-300, so tiny numbers do not round to zero on the way).
        let (mut mantissa, mut digits, mut scale) = (0u64, 0, exponent);
        for (n, &d) in whole.iter().chain(fraction).enumerate() {
            let in_fraction = n >= whole.len();
            if digits < 19 && (digits > 0 || d != b'0') {
                mantissa = mantissa * 10 + (d - b'0') as u64;
                digits += 1;
                scale = scale.saturating_sub(in_fraction as i32);
            } else if digits >= 19 && !in_fraction {
                scale = scale.saturating_add(1);
            } else if digits == 0 && in_fraction {
                scale = scale.saturating_sub(1);
            }
        }
        let mantissa = mantissa as f64;
        let magnitude = if mantissa == 0.0 {
            0.0
        } else if scale < -300 {
            mantissa / 1e300 / 10f64.powi(scale.saturating_add(300).saturating_neg())
        } else if scale < 0 {
            mantissa / 10f64.powi(-scale)
        } else {
            mantissa * 10f64.powi(scale)
        };
        let value = if negative { -magnitude } else { magnitude };
        match Number::from_f64(value) {
            Some(n) if value.is_finite() => Ok(Value::Number(n)),
            // Too large for any number type: refused, as other parsers do.
            _ => {
                self.i = start;
                Err(self.syntax())
            }
        }
    }
}

/// Decimal digits as a `u64`, if they fit.
fn whole_number(digits: &[u8]) -> Option<u64> {
    digits.iter().try_fold(0u64, |n, &d| {
        n.checked_mul(10)?.checked_add((d - b'0') as u64)
    })
}

/// Compact JSON, as `localStorage` wants it.
pub fn write(value: &Value) -> String {
    let mut out = String::new();
    put(value, &mut out, None);
    out
}

/// JSON indented by two spaces, for files people may open in a text editor.
pub fn write_pretty(value: &Value) -> String {
    let mut out = String::new();
    put(value, &mut out, Some(0));
    out
}

/// Writes `value`; `depth` is its nesting level when indenting, `None` when compact.
fn put(value: &Value, out: &mut String, depth: Option<usize>) {
    let inner = depth.map(|d| d + 1);
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number_text(n)),
        Value::String(s) => put_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                next_line(out, i, inner);
                put(item, out, inner);
            }
            close(out, ']', items.is_empty(), depth);
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                next_line(out, i, inner);
                put_string(key, out);
                out.push_str(if depth.is_some() { ": " } else { ":" });
                put(item, out, inner);
            }
            close(out, '}', fields.is_empty(), depth);
        }
    }
}

/// A number as JSON writes it. Whole numbers are exact; others (which no plan holds, so only a
/// message quoting a file might show one) to 15 significant digits, without the standard
/// formatter's tables for the shortest exact form.
pub fn number_text(n: &Number) -> String {
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    let f = n.as_f64().unwrap_or(0.0);
    let mut out = String::new();
    if f < 0.0 {
        out.push('-');
    }
    let mut m = f.abs();
    if m == 0.0 || !m.is_finite() {
        out.push_str("0.0");
        return out;
    }
    // m × 10^-exp, scaled into [1e14, 1e15): its 15 digits, then trailing zeros dropped.
    let mut exp = 14i32;
    while m >= 1e15 {
        m /= 10.0;
        exp += 1;
    }
    while m < 1e14 {
        m *= 10.0;
        exp -= 1;
    }
    let all = (m.round() as u64).to_string();
    if all.len() > 15 {
        exp += 1; // rounded up to 10^15
    }
    let digits = all.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    // Digits before the decimal point.
    let point = exp + 1;
    if (1..=15).contains(&point) {
        let p = point as usize;
        if digits.len() <= p {
            out.push_str(digits);
            out.extend(std::iter::repeat_n('0', p - digits.len()));
            out.push_str(".0");
        } else {
            out.push_str(&digits[..p]);
            out.push('.');
            out.push_str(&digits[p..]);
        }
    } else if (-5..=0).contains(&point) {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', point.unsigned_abs() as usize));
        out.push_str(digits);
    } else {
        out.push_str(&digits[..1]);
        out.push('.');
        out.push_str(if digits.len() > 1 { &digits[1..] } else { "0" });
        out.push('e');
        out.push_str(&exp.to_string());
    }
    out
}

/// The comma before every entry but the first, and the line break and indent before each.
fn next_line(out: &mut String, i: usize, depth: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    indent(out, depth);
}

fn close(out: &mut String, bracket: char, empty: bool, depth: Option<usize>) {
    if !empty {
        indent(out, depth);
    }
    out.push(bracket);
}

fn indent(out: &mut String, depth: Option<usize>) {
    if let Some(d) = depth {
        out.push('\n');
        for _ in 0..d {
            out.push_str("  ");
        }
    }
}

/// A string with JSON's escapes: quote, backslash and control characters only.
fn put_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn reads_every_kind_of_value() {
        let text = r#" {"a": [1, -2, 0, true, false, null, "x\n\u00e9\ud83d\ude00\/"], "b": {}, "c": [], "d": 1.5e1, "e": -0.25, "f": 18446744073709551615, "g": -9223372036854775808} "#;
        assert_eq!(
            parse(text),
            Ok(
                json!({"a": [1, -2, 0, true, false, null, "x\né😀/"], "b": {}, "c": [], "d": 15.0,
                      "e": -0.25, "f": 18446744073709551615u64, "g": i64::MIN})
            )
        );
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "tru",
            "nul",
            "\"a",
            "\"\\x\"",
            "\"\t\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\u12\"",
            "[1] x",
            "{a:1}",
            "{\"a\" 1}",
            "[1 2]",
            "1e400",
            "'a'",
            "\u{a0}1",
        ] {
            assert!(
                matches!(parse(text), Err(JsonError::Syntax { .. })),
                "accepted {text:?}"
            );
        }
    }

    #[test]
    fn reads_long_and_tiny_numbers() {
        let f = |t: &str| parse(t).ok().and_then(|v| v.as_f64());
        assert_eq!(
            f("123456789012345678901234567890"),
            Some(1.2345678901234568e29)
        );
        assert_eq!(f(&format!("0.{}2", "0".repeat(400))), Some(0.0));
        assert_eq!(f(&format!("2{}e-400", "0".repeat(88))), Some(2e-312));
        let tiny = f(&format!("-0.{}25", "0".repeat(30))).unwrap_or(0.0);
        assert!((tiny / -2.5e-31 - 1.0).abs() < 1e-15, "{tiny}");
        assert_eq!(f(&format!("1{}", "0".repeat(400))), None);
        assert_eq!(f("0e+21111"), Some(0.0));
    }

    #[test]
    fn says_where_the_problem_is() {
        assert_eq!(
            parse("{\n  \"a\": tru\n}"),
            Err(JsonError::Syntax { line: 2, column: 8 })
        );
    }

    #[test]
    fn refuses_repeated_keys_and_deep_nesting() {
        assert_eq!(
            parse(r#"{"a": {"k": 1, "k": 2}}"#),
            Err(JsonError::DuplicateKey("k".into()))
        );
        let deep = |n| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH - 1)).is_ok());
        assert_eq!(parse(&deep(MAX_DEPTH)), Err(JsonError::TooDeep));
        assert_eq!(parse(&deep(100_000)), Err(JsonError::TooDeep));
    }

    #[test]
    fn writes_other_numbers_to_fifteen_digits() {
        for (f, text) in [
            (0.5, "0.5"),
            (-0.25, "-0.25"),
            (15.5, "15.5"),
            (0.1, "0.1"),
            (1e-3, "0.001"),
            (123456.789, "123456.789"),
            (2.5e20, "2.5e20"),
            (-1e-7, "-1.0e-7"),
            (1e300, "1.0e300"),
            (99999999999999.9, "99999999999999.9"),
            (99999999999999.99, "100000000000000.0"),
            (9.999999999999999, "10.0"),
        ] {
            assert_eq!(number_text(&Number::from_f64(f).unwrap()), text, "{f}");
            assert_eq!(
                parse(text)
                    .ok()
                    .and_then(|v| v.as_f64())
                    .map(|g| ((g - f) / f).abs() < 1e-14),
                Some(true),
                "{text}"
            );
        }
        assert_eq!(number_text(&Number::from(u64::MAX)), "18446744073709551615");
        assert_eq!(number_text(&Number::from(i64::MIN)), "-9223372036854775808");
    }

    #[test]
    fn writes_as_serde_json_does() {
        let v = json!({"name": "A \"quoted\" \\ line\nbreak\u{1}\u{7f}é", "list": [1, {"x": []}, {}],
                       "n": -3, "f": 0.5, "t": true, "z": null});
        assert_eq!(write(&v), serde_json::to_string(&v).unwrap());
        assert_eq!(write_pretty(&v), serde_json::to_string_pretty(&v).unwrap());
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<u64>().prop_map(|n| json!(n)),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map(any::<String>(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn reads_back_what_it_writes(v in any_value()) {
            prop_assert_eq!(parse(&write(&v)), Ok(v.clone()));
            prop_assert_eq!(parse(&write_pretty(&v)), Ok(v.clone()));
            prop_assert_eq!(write(&v), serde_json::to_string(&v).unwrap());
        }

        #[test]
        fn agrees_with_serde_json_on_any_text(text in "[\\[\\]{}\",:0-9a-z\\\\ .eE+-]{0,24}") {
            let ours = parse(&text);
            let theirs: Result<Value, _> = serde_json::from_str(&text);
            // serde_json keeps the last of two repeated keys; we refuse them.
            if !matches!(ours, Err(JsonError::DuplicateKey(_))) {
                prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "on {:?}", text);
                // Numbers with a fraction or exponent are only approximate here.
                if !text.contains(['.', 'e', 'E']) {
                    prop_assert_eq!(ours.ok(), theirs.ok(), "on {:?}", text);
                }
            }
        }
    }
}
