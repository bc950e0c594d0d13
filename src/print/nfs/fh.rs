//! NFS file handles as tcpdump prints them: the file system and inode its
//! server-OS heuristics (parsenfsfh) find, or the handle in hex.

use super::*;

/// tcpdump's nfs_printfh: the file system and inode its server-OS heuristics
/// find in the handle, or the handle in hex when none fits.
pub(super) fn print_fh(c: &mut Ctx, fh: &[u8], words: usize) {
    if c.opts.nfs_raw_handles {
        // -u: the handle undecoded, as big-endian 32-bit words in hex.
        c.s(" fh[");
        for (i, w) in fh.chunks_exact(4).take(words).enumerate() {
            if i > 0 {
                c.s(":");
            }
            let v = u32::from_be_bytes([w[0], w[1], w[2], w[3]]);
            c.s(&format!("{v:x}"));
        }
        c.s("]");
        return;
    }
    let b = |i: usize| fh.get(i).copied().unwrap_or(0);
    let be32at = |i: usize| u32::from_be_bytes([b(i), b(i + 1), b(i + 2), b(i + 3)]);
    let le32at = |i: usize| u32::from_le_bytes([b(i), b(i + 1), b(i + 2), b(i + 3)]);
    enum Kind {
        Unknown,
        Auspex,
        Bsd44,
        DecOsf,
        Irix4,
        SunOs4,
        SunOs5,
        Ultrix,
        VmsUcx,
        HpUx9,
    }
    let kind = if words < 4 {
        Kind::Unknown
    } else if b(0) == 0 && b(1) == 0 {
        if b(2) == 0 && b(3) == 0 {
            Kind::Auspex
        } else if b(4) != 0 && b(5) == 0 && b(8) == 12 && b(9) == 0 {
            Kind::DecOsf
        } else if b(4) == 0 && b(5) == 8 && b(6) == 0 && b(7) == 0 {
            Kind::Irix4
        } else {
            Kind::SunOs4
        }
    } else if b(2) == 0 && b(3) == 0 {
        if b(6) == 0 && b(7) == 0 {
            Kind::Bsd44
        } else if words >= 6 && b(21) == 0 && b(23) == 0 {
            Kind::Ultrix
        } else if b(9) == 10 {
            Kind::SunOs5
        } else {
            Kind::Unknown
        }
    } else if b(8) == 12 && b(9) == 0 {
        Kind::DecOsf
    } else if b(8) == 0 && b(9) == 10 {
        if b(4) == 0 && b(5) == 0 && b(6) == 0 && b(7) == 0 {
            Kind::HpUx9
        } else {
            Kind::SunOs5
        }
    } else if is_ucx(fh, words) {
        Kind::VmsUcx
    } else {
        Kind::Unknown
    };
    // (major, minor, inode)
    let (major, minor, ino) = match kind {
        Kind::Auspex => (b(6).into(), b(7).into(), be32at(12)),
        Kind::Bsd44 => (b(1).into(), b(0).into(), le32at(12)),
        Kind::DecOsf => {
            let t = le32at(0);
            ((t >> 20) & 0xfff, t & 0xfffff, le32at(12))
        }
        Kind::Irix4 => (b(2).into(), b(3).into(), be32at(8)),
        Kind::SunOs4 => (b(2).into(), b(3).into(), be32at(12)),
        Kind::SunOs5 => {
            let major = (u32::from(be16(fh, 0).unwrap_or(0)) >> 2) & 0x3fff;
            let minor = (u32::from(b(1)) << 16 | u32::from(b(2)) << 8 | u32::from(b(3))) & 0x3ffff;
            (major, minor, be32at(12))
        }
        Kind::Ultrix => (b(1).into(), b(0).into(), le32at(4)),
        Kind::HpUx9 => (
            b(0).into(),
            u32::from(b(1)) << 16 | u32::from(b(2)) << 8 | u32::from(b(3)),
            be32at(12),
        ),
        Kind::VmsUcx => {
            // The exported device name, cut at the first blank.
            let ino = u32::from(b(26)) << 24
                | u32::from(b(27)) << 16
                | u32::from(b(23)) << 8
                | u32::from(b(22));
            c.s(" fh ");
            for &ch in fh.iter().skip(1).take(words.min(64)) {
                if ch == 0 || ch == b' ' {
                    break;
                }
                print_char(c, ch);
            }
            c.s("/");
            c.dec(ino);
            return;
        }
        Kind::Unknown => {
            // "Unknown" cut to the handle's length in words, then the handle in hex.
            c.s(" fh ");
            c.s(&"Unknown"[..words.min(7)]);
            c.s("/");
            for &ch in fh.iter().take(32) {
                c.o.push(b"0123456789ABCDEF"[usize::from(ch >> 4)]);
                c.o.push(b"0123456789ABCDEF"[usize::from(ch & 15)]);
            }
            return;
        }
    };
    c.s(" fh ");
    c.dec(major);
    c.s(",");
    c.dec(minor);
    c.s("/");
    c.dec(ino);
}

/// A VMS UCX handle: printable device name, then NULs, in bytes 1..14.
pub(super) fn is_ucx(fh: &[u8], words: usize) -> bool {
    if words < 7 {
        return false;
    }
    let mut seen_null = false;
    for &ch in &fh[1..14] {
        if (0x20..0x7f).contains(&ch) {
            if seen_null {
                return false;
            }
        } else if ch == 0 {
            seen_null = true;
        } else {
            return false;
        }
    }
    true
}
