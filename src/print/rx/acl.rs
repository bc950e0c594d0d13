//! AFS access control lists as the fs service sends them: a text block
//! "POS NEG\n" then POS lines "USER RIGHTS\n" and NEG more. tcpdump reads it
//! with sscanf, so this follows the C library's rules: numbers and names may be
//! separated by any whitespace, a number is read as a long and cut to an int,
//! and parsing stops at the first thing that does not match.

use super::super::Ctx;
use super::super::tcp::print_char;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

struct Scan<'a> {
    s: &'a [u8],
    at: usize,
}

impl<'a> Scan<'a> {
    fn skip_space(&mut self) {
        while self.s.get(self.at).is_some_and(|&b| is_space(b)) {
            self.at += 1;
        }
    }

    /// `%d`: optional sign and decimal digits, as strtol into a long then
    /// truncated to an int.
    fn int(&mut self) -> Option<i32> {
        self.skip_space();
        let neg = match self.s.get(self.at) {
            Some(b'-') => {
                self.at += 1;
                true
            }
            Some(b'+') => {
                self.at += 1;
                false
            }
            _ => false,
        };
        let start = self.at;
        let mut v: i128 = 0;
        while let Some(&b) = self.s.get(self.at).filter(|b| b.is_ascii_digit()) {
            if v <= i128::from(i64::MAX) + 1 {
                v = v * 10 + i128::from(b - b'0');
            }
            self.at += 1;
        }
        if self.at == start {
            return None;
        }
        let v = if neg { -v } else { v };
        let long = v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
        Some(long as i32)
    }

    /// `%1024s`: a run of non-space bytes.
    fn word(&mut self) -> Option<&'a [u8]> {
        self.skip_space();
        let start = self.at;
        while self.at - start < 1024 && self.s.get(self.at).is_some_and(|&b| !is_space(b)) {
            self.at += 1;
        }
        if self.at == start {
            None
        } else {
            Some(&self.s[start..self.at])
        }
    }
}

/// Prints the entries of the ACL text `text` (already cut at its first NUL).
pub(crate) fn print(c: &mut Ctx, text: &[u8]) {
    let mut sc = Scan { s: text, at: 0 };
    let (Some(pos), Some(neg)) = (sc.int(), sc.int()) else {
        return;
    };
    sc.skip_space();
    for (count, sign) in [(pos, " +{"), (neg, " -{")] {
        for _ in 0..count.max(0) {
            let Some(user) = sc.word() else {
                return;
            };
            let Some(rights) = sc.int() else {
                return;
            };
            sc.skip_space();
            c.s(sign);
            for &b in user {
                print_char(c, b);
            }
            c.s(" ");
            for (bit, ch) in [
                (1, "r"),
                (8, "l"),
                (4, "i"),
                (16, "d"),
                (2, "w"),
                (32, "k"),
                (64, "a"),
            ] {
                if rights & bit != 0 {
                    c.s(ch);
                }
            }
            c.s("}");
        }
    }
}
