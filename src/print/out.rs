//! Allocation-free text formatting into the output buffer: decimal and hex numbers,
//! IPv4/IPv6/MAC addresses, as tcpdump prints them.

/// Appends text pieces to a byte buffer without going through `fmt`.
pub trait Put {
    /// Appends `s` verbatim.
    fn s(&mut self, s: &str);
    /// Unsigned decimal (`%u`).
    fn dec(&mut self, v: u64);
    /// Signed decimal (`%d`).
    fn dec_i(&mut self, v: i64);
    /// Lower-case hex, no padding (`%x`).
    fn hex(&mut self, v: u64);
    /// Lower-case hex zero-padded to `width` digits (`%0Nx`).
    fn hexw(&mut self, v: u64, width: usize);
    /// Decimal zero-padded to `width` digits (`%0Nu`).
    fn decw(&mut self, v: u64, width: usize);
    /// Dotted-quad IPv4 address from the first 4 bytes of `a`.
    fn ipv4(&mut self, a: &[u8]);
    /// IPv6 address from 16 bytes (missing bytes count as 0), compressed as
    /// `inet_ntop` does: the longest run of zero words becomes `::`, and
    /// IPv4-compatible and IPv4-mapped addresses end in dotted quads.
    fn ipv6(&mut self, a: &[u8]);
    /// Colon-separated lower-case hex bytes (`00:1b:21:0a:0b:0c`), any length.
    fn mac(&mut self, a: &[u8]);
}

const HEX: &[u8; 16] = b"0123456789abcdef";

impl Put for Vec<u8> {
    #[inline]
    fn s(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }

    #[inline]
    fn dec(&mut self, mut v: u64) {
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        loop {
            i -= 1;
            tmp[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        self.extend_from_slice(&tmp[i..]);
    }

    fn dec_i(&mut self, v: i64) {
        if v < 0 {
            self.push(b'-');
        }
        self.dec(v.unsigned_abs());
    }

    fn hex(&mut self, v: u64) {
        self.hexw(v, 1);
    }

    fn hexw(&mut self, mut v: u64, width: usize) {
        let mut tmp = [b'0'; 16];
        let mut i = tmp.len();
        loop {
            i -= 1;
            tmp[i] = HEX[(v & 0xf) as usize];
            v >>= 4;
            if v == 0 {
                break;
            }
        }
        let start = i.min(16usize.saturating_sub(width));
        if width > 16 {
            for _ in 0..width - 16 {
                self.push(b'0');
            }
        }
        self.extend_from_slice(&tmp[start..]);
    }

    fn decw(&mut self, v: u64, width: usize) {
        let mut tmp = [0u8; 20];
        let mut i = tmp.len();
        let mut x = v;
        loop {
            i -= 1;
            tmp[i] = b'0' + (x % 10) as u8;
            x /= 10;
            if x == 0 {
                break;
            }
        }
        let digits = tmp.len() - i;
        for _ in digits..width {
            self.push(b'0');
        }
        self.extend_from_slice(&tmp[i..]);
    }

    fn ipv4(&mut self, a: &[u8]) {
        for (i, b) in a.iter().take(4).enumerate() {
            if i > 0 {
                self.push(b'.');
            }
            self.dec(u64::from(*b));
        }
    }

    fn ipv6(&mut self, a: &[u8]) {
        let mut w = [0u16; 8];
        for (i, x) in w.iter_mut().enumerate() {
            *x = u16::from_be_bytes([
                a.get(2 * i).copied().unwrap_or(0),
                a.get(2 * i + 1).copied().unwrap_or(0),
            ]);
        }
        // Longest run (first one on ties) of two or more zero words becomes "::".
        let (mut best, mut best_len) = (usize::MAX, 0usize);
        let mut i = 0;
        while i < 8 {
            if w[i] == 0 {
                let start = i;
                while i < 8 && w[i] == 0 {
                    i += 1;
                }
                if i - start > best_len {
                    best = start;
                    best_len = i - start;
                }
            } else {
                i += 1;
            }
        }
        if best_len < 2 {
            best = usize::MAX;
        }
        let mut i = 0;
        while i < 8 {
            if i == best {
                self.push(b':');
                i += best_len;
                if i >= 8 {
                    self.push(b':');
                }
                continue;
            }
            if i != 0 {
                self.push(b':');
            }
            // IPv4-compatible (::a.b.c.d) and IPv4-mapped (::ffff:a.b.c.d) forms.
            if i == 6 && best == 0 && (best_len == 6 || (best_len == 5 && w[5] == 0xffff)) {
                self.ipv4(&a[12..16]);
                break;
            }
            self.hex(u64::from(w[i]));
            i += 1;
        }
    }

    fn mac(&mut self, a: &[u8]) {
        for (i, b) in a.iter().enumerate() {
            if i > 0 {
                self.push(b':');
            }
            self.push(HEX[(b >> 4) as usize]);
            self.push(HEX[(b & 0xf) as usize]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v6(s: &str) -> String {
        let a: std::net::Ipv6Addr = s.parse().unwrap();
        let mut o = Vec::new();
        o.ipv6(&a.octets());
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn ipv6_forms() {
        assert_eq!(v6("fd00::1"), "fd00::1");
        assert_eq!(v6("::"), "::");
        assert_eq!(v6("::1"), "::1");
        assert_eq!(v6("1::"), "1::");
        assert_eq!(v6("1:0:2:0:0:3:0:0"), "1:0:2::3:0:0");
        assert_eq!(v6("::ffff:1.2.3.4"), "::ffff:1.2.3.4");
        assert_eq!(v6("1:2:3:4:5:6:7:8"), "1:2:3:4:5:6:7:8");
        assert_eq!(v6("1:0:3:4:5:6:7:8"), "1:0:3:4:5:6:7:8");
    }

    #[test]
    fn numbers() {
        let mut o = Vec::new();
        o.dec(0);
        o.s(" ");
        o.dec(4294967295);
        o.s(" ");
        o.hexw(0xab, 4);
        o.s(" ");
        o.hex(0);
        o.s(" ");
        o.decw(7, 6);
        assert_eq!(String::from_utf8(o).unwrap(), "0 4294967295 00ab 0 000007");
    }
}
