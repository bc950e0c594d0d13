//! Numbers read as tcpdump reads them with C's `strtol`, `strtoul` and `atoi`,
//! so that option arguments and `-E` items mean what they mean to tcpdump
//! (`-s 0x100` is 256, `-c 5x` is 5, `-c x` is 0 and refused).

/// What C's strto* functions read from the start of `s` in `base` (0: `0x`
/// hex, a leading `0` octal, else decimal): the sign, the magnitude
/// (`None` past `u64::MAX`) and what follows; `None` when no digit is read.
fn scan(s: &str, base: u32) -> Option<(bool, Option<u64>, &str)> {
    let body = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (negative, body) = match body.as_bytes().first() {
        Some(b'-') => (true, &body[1..]),
        Some(b'+') => (false, &body[1..]),
        _ => (false, body),
    };
    let hex = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X"));
    let (digits, radix) = match (base, hex) {
        // "0x" without a hex digit after it is the number 0 followed by "x".
        (0 | 16, Some(h)) if h.starts_with(|c: char| c.is_ascii_hexdigit()) => (h, 16),
        (0, _) if body.starts_with('0') => (body, 8),
        (0, _) => (body, 10),
        (b, _) => (body, b),
    };
    let end = digits
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(digits.len());
    if end == 0 {
        return None;
    }
    let magnitude = u64::from_str_radix(&digits[..end], radix).ok();
    Some((negative, magnitude, &digits[end..]))
}

/// `strtoul(s, &rest, base)` on a 64-bit C library: the value (saturating at
/// `u64::MAX`; a minus sign negates it, wrapping) and what follows it (all of
/// `s` when there is no number).
pub fn strtoul(s: &str, base: u32) -> (u64, &str) {
    match scan(s, base) {
        None => (0, s),
        Some((_, None, rest)) => (u64::MAX, rest),
        Some((negative, Some(m), rest)) => (if negative { m.wrapping_neg() } else { m }, rest),
    }
}

/// `strtol(s, &rest, base)` on a 64-bit C library: the value (saturating at
/// the `i64` limits) and what follows it (all of `s` when there is no number).
pub fn strtol(s: &str, base: u32) -> (i64, &str) {
    match scan(s, base) {
        None => (0, s),
        Some((negative, magnitude, rest)) => {
            let m = magnitude.unwrap_or(u64::MAX);
            let v = if negative {
                0i64.checked_sub_unsigned(m).unwrap_or(i64::MIN)
            } else {
                i64::try_from(m).unwrap_or(i64::MAX)
            };
            (v, rest)
        }
    }
}

/// A whole string as `strtol` reads it, as tcpdump checks its strict options
/// (`-s`, `-C`): `None` unless there is a number and nothing after it.
pub fn strtol_whole(s: &str, base: u32) -> Option<i64> {
    match strtol(s, base) {
        (v, "") if !s.is_empty() => Some(v),
        _ => None,
    }
}

/// `atoi(s)` as glibc has it: `strtol` in base 10, cut to an `int`.
pub fn atoi(s: &str) -> i32 {
    strtol(s, 10).0 as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_c_reads_them() {
        assert_eq!(strtoul("0x12345678", 0), (0x1234_5678, ""));
        assert_eq!(strtoul("010", 0), (8, ""));
        assert_eq!(strtoul("42", 0), (42, ""));
        assert_eq!(strtoul("x", 0), (0, "x"));
        assert_eq!(strtoul("0x", 0), (0, "x"));
        assert_eq!(strtoul("1.2.3.4", 0), (1, ".2.3.4"));
        assert_eq!(strtoul("-1", 0), (u64::MAX, ""));
        assert_eq!(strtoul("99999999999999999999", 10), (u64::MAX, ""));
        assert_eq!(strtol("0x100", 0), (256, ""));
        assert_eq!(strtol(" -12abc", 10), (-12, "abc"));
        assert_eq!(strtol("99999999999999999999", 10), (i64::MAX, ""));
        assert_eq!(strtol("-99999999999999999999", 10), (i64::MIN, ""));
        assert_eq!(strtol_whole("5x", 10), None);
        assert_eq!(strtol_whole("", 10), None);
        assert_eq!(strtol_whole("077", 0), Some(63));
        assert_eq!(atoi("5x"), 5);
        assert_eq!(atoi("x"), 0);
        assert_eq!(atoi("4294967297"), 1);
        assert_eq!(atoi("-3"), -3);
    }
}
