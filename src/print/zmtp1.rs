//! ZMTP/1.0 (ZeroMQ), printed only under `-T zmtp1` (a TCP stream of frames)
//! and `-T pgm_zmtp1` (a datagram in PGM data): tcpdump's frame lines.

use super::out::Put;
use super::{Ctx, R, Trunc, be16, u8_at};

/// Body bytes shown with -v (all of them with -vv).
const VBYTES: usize = 128;

/// The frames of a TCP segment of `len` bytes.
pub(crate) fn stream(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "zmtp1";
    c.s(": ZMTP/1.0");
    frames(c, d, 0, len.min(d.len()))
}

/// A ZeroMQ datagram of `len` bytes: the offset of its first frame, the tail of
/// a message before it, then frames.
pub(crate) fn datagram(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "zmtp1";
    let end = len.min(d.len());
    let first = be16(d, 0)?;
    c.s("\n\t frame offset 0x");
    c.o.hexw(u64::from(first), 4);
    let remaining = d.len() - 2;
    let offset = if first == 0xffff {
        // tcpdump's unsigned `len - 2`.
        (len as u32).wrapping_sub(2) as usize
    } else if 2 + usize::from(first) > len {
        c.s(" (exceeds datagram declared length)");
        return Err(Trunc);
    } else {
        usize::from(first)
    };
    if offset != 0 {
        c.s("\n\t frame intermediate part, ");
        c.dec(offset as u64);
        c.s(" bytes");
        if offset > remaining {
            c.s(" (");
            c.dec(remaining as u64);
            c.s(" captured)");
        }
        if c.opts.verbose > 0 {
            let mut shown = offset.min(remaining);
            if c.opts.verbose == 1 {
                shown = shown.min(VBYTES);
            }
            if shown > 1 {
                c.s(", first ");
                c.dec(shown as u64);
                c.s(" byte(s):");
                super::hex::hex_and_ascii(&mut c.o, "\n\t ", &d[2..2 + shown], 0);
            }
        }
    }
    frames(c, d, 2usize.saturating_add(offset), end)
}

/// Frames from `p` while they start before `end`.
fn frames(c: &mut Ctx, d: &[u8], mut p: usize, end: usize) -> R {
    while p < end {
        p = frame(c, d, p, end)?;
    }
    Ok(())
}

/// One frame at `p`; returns where the next one starts.
fn frame(c: &mut Ctx, d: &[u8], p: usize, end: usize) -> R<usize> {
    c.s("\n\t");
    let (header, declared) = if u8_at(d, p)? != 0xff {
        let n = u8_at(d, p)?;
        c.s(" frame flags+body  (8-bit) length ");
        c.dec(n);
        (1usize, u64::from(n))
    } else {
        c.s(" frame flags+body (64-bit) length");
        let b = d.get(p + 1..p + 9).ok_or(Trunc)?;
        let n = u64::from_be_bytes(b.try_into().unwrap_or([0; 8]));
        c.s(" ");
        c.dec(n);
        (9, n)
    };
    if declared == 0 {
        return Ok(p + header);
    }
    let flags = u8_at(d, p + header)?;
    // tcpdump's unsigned difference: huge when the header passes the end.
    let captured = end.checked_sub(p + header).map_or(u64::MAX, |n| n as u64);
    if declared > captured {
        c.s(" (");
        c.dec(captured);
        c.s(" captured)");
    }
    c.s(", flags 0x");
    c.o.hexw(u64::from(flags), 2);
    if c.opts.verbose > 0 {
        c.s(" (");
        for (i, bit) in [0x80u8, 0x40, 0x20, 0x10, 0x08, 0x04, 0x02]
            .into_iter()
            .enumerate()
        {
            if i > 0 {
                c.s("|");
            }
            c.s(if flags & bit != 0 { "MBZ" } else { "-" });
        }
        c.s(if flags & 1 != 0 { "|MORE)" } else { "|-)" });
        let mut shown = captured.min(declared);
        if c.opts.verbose == 1 {
            shown = shown.min(VBYTES as u64 + 1);
        }
        if shown > 1 {
            c.s(", first ");
            c.dec(shown - 1);
            c.s(" byte(s) of body:");
            let from = p + header + 1;
            let to = from.saturating_add(shown as usize - 1).min(d.len());
            super::hex::hex_and_ascii(&mut c.o, "\n\t ", d.get(from..to).unwrap_or(&[]), 0);
        }
    }
    let body = p + header;
    let next = usize::try_from(declared)
        .ok()
        .and_then(|n| body.checked_add(n))
        .filter(|&n| n <= d.len())
        .ok_or(Trunc)?;
    Ok(next)
}
