//! Raw dumps: `-x` (hex), `-X` (hex and ASCII), `-A` (ASCII), and tcpdump's
//! default print of undecoded payloads.

use super::out::Put;

fn graph(c: u8) -> bool {
    c > 0x20 && c <= 0x7e
}

/// tcpdump's hex_print_with_offset: 8 groups of 2 bytes per line.
pub(crate) fn hex_only(o: &mut Vec<u8>, indent: &str, d: &[u8], mut off: usize) {
    let mut i = 0usize;
    let mut chunks = d.chunks_exact(2);
    for pair in &mut chunks {
        if i.is_multiple_of(8) {
            o.s(indent);
            o.s("0x");
            o.hexw(off as u64, 4);
            o.s(": ");
            off += 16;
        }
        i += 1;
        o.push(b' ');
        o.hexw(u64::from(pair[0]), 2);
        o.hexw(u64::from(pair[1]), 2);
    }
    if let [b] = chunks.remainder() {
        if i.is_multiple_of(8) {
            o.s(indent);
            o.s("0x");
            o.hexw(off as u64, 4);
            o.s(": ");
        }
        o.push(b' ');
        o.hexw(u64::from(*b), 2);
    }
}

/// tcpdump's hex_and_ascii_print_with_offset: hex left-justified in 40 columns,
/// two spaces, then the printable characters ('.' for the rest).
pub(crate) fn hex_and_ascii(o: &mut Vec<u8>, indent: &str, d: &[u8], mut off: usize) {
    for line in d.chunks(16) {
        o.s(indent);
        o.s("0x");
        o.hexw(off as u64, 4);
        o.s(": ");
        let start = o.len();
        for pair in line.chunks(2) {
            o.push(b' ');
            for b in pair {
                o.hexw(u64::from(*b), 2);
            }
        }
        let w = o.len() - start;
        for _ in w..40 {
            o.push(b' ');
        }
        o.s("  ");
        for &b in line {
            o.push(if graph(b) { b } else { b'.' });
        }
        off += 16;
    }
}

/// tcpdump's ascii_print (`-A`).
pub(crate) fn ascii(o: &mut Vec<u8>, d: &[u8]) {
    o.push(b'\n');
    for (i, &c) in d.iter().enumerate() {
        if c == b'\r' {
            // A CR right before LF is dropped, and so (as in tcpdump) is one of
            // the last two bytes; elsewhere it shows as '.'.
            if d.len() - i > 2 && d.get(i + 1) != Some(&b'\n') {
                o.push(b'.');
            }
        } else if !graph(c) && c != b'\t' && c != b' ' && c != b'\n' {
            o.push(b'.');
        } else {
            o.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_lines() {
        let mut o = Vec::new();
        hex_only(&mut o, "\n\t", &[0x45, 0, 0, 0x28, 0xaa], 0);
        assert_eq!(String::from_utf8(o).unwrap(), "\n\t0x0000:  4500 0028 aa");
        let mut o = Vec::new();
        hex_and_ascii(&mut o, "\n\t", b"zzz", 0);
        assert_eq!(
            String::from_utf8(o).unwrap(),
            "\n\t0x0000:  7a7a 7a                                  zzz"
        );
    }
}
