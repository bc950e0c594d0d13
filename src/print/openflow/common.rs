//! What the OpenFlow versions' body decoders share: a view of a structure's
//! declared bytes inside the captured segment, opaque data, bitmaps, port
//! numbers, strings and vendor names as tcpdump prints them.

use super::{Ctx, R, Trunc};
use crate::print::out::Put;
use crate::print::tcp::print_char;

/// A structure of `len` declared bytes at offset `p` of the captured segment
/// `d`. Reads past the capture fail as truncated; the declared length may run
/// past the capture (the bytes are then checked when they are needed).
#[derive(Clone, Copy)]
pub(super) struct Body<'a> {
    pub d: &'a [u8],
    pub p: usize,
    pub len: usize,
}

impl<'a> Body<'a> {
    pub fn new(d: &'a [u8], p: usize, len: usize) -> Self {
        Body { d, p, len }
    }
    /// `n` captured bytes at `off` past the start.
    pub fn bytes(&self, off: usize, n: usize) -> R<&'a [u8]> {
        let start = self.p.checked_add(off).ok_or(Trunc)?;
        let end = start.checked_add(n).ok_or(Trunc)?;
        self.d.get(start..end).ok_or(Trunc)
    }
    pub fn u8(&self, off: usize) -> R<u8> {
        Ok(self.bytes(off, 1)?[0])
    }
    pub fn u16(&self, off: usize) -> R<u16> {
        let b = self.bytes(off, 2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }
    pub fn u32(&self, off: usize) -> R<u32> {
        let b = self.bytes(off, 4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }
    pub fn u64(&self, off: usize) -> R<u64> {
        let mut v = [0u8; 8];
        v.copy_from_slice(self.bytes(off, 8)?);
        Ok(u64::from_be_bytes(v))
    }
    /// Fails unless `n` bytes at `off` were captured.
    pub fn check(&self, off: usize, n: usize) -> R {
        let start = self.p.checked_add(off).ok_or(Trunc)?;
        match start.checked_add(n) {
            Some(end) if end <= self.d.len() => Ok(()),
            _ => Err(Trunc),
        }
    }
    /// Fails unless the rest of the declared bytes were captured.
    pub fn check_rest(&self) -> R {
        self.check(0, self.len)
    }
    /// Steps over `n` declared bytes.
    pub fn fwd(&mut self, n: usize) {
        self.p = self.p.saturating_add(n);
        self.len = self.len.saturating_sub(n);
    }
    /// Steps over `n` bytes that must have been captured.
    pub fn chk_fwd(&mut self, n: usize) -> R {
        self.check(0, n)?;
        self.fwd(n);
        Ok(())
    }
    /// The first `n` declared bytes as a structure of their own.
    pub fn sub(&self, n: usize) -> Body<'a> {
        Body { len: n, ..*self }
    }
}

/// Opaque data: its length, and its bytes with -vv.
pub(super) fn data(c: &mut Ctx, b: Body) -> R {
    if b.len == 0 {
        return Ok(());
    }
    c.s("\n\t data (");
    c.dec(b.len as u64);
    c.s(" octets)");
    if c.opts.verbose >= 2 {
        let end = b.p.saturating_add(b.len).min(b.d.len());
        let bytes = b.d.get(b.p..end).unwrap_or(&[]);
        crate::print::hex::hex_and_ascii(&mut c.o, "\n\t  ", bytes, 0);
    }
    b.check_rest()
}

/// The names of the bits set in `v` in parentheses when any bit of `known`
/// is set (then every named bit is listed, known or not, and the parentheses
/// may stay empty), and a mark when bits outside `known` are set.
pub(super) fn bitmap(c: &mut Ctx, v: u32, names: &[(u32, &str)], known: u32) {
    if v & known != 0 {
        c.s(" (");
        let mut sep = "";
        for &(bit, name) in names {
            if v & bit != 0 {
                c.s(sep);
                c.s(name);
                sep = ", ";
            }
        }
        c.s(")");
    }
    if v & !known != 0 {
        c.s(" (bogus)");
    }
}

/// `label` and a decimal number. Callers read the number first: tcpdump's
/// bounds check of a field runs before the field's text is printed.
pub(super) fn num(c: &mut Ctx, label: &str, v: impl Into<u64>) {
    c.s(label);
    c.dec(v.into());
}

/// `label`, " 0x%08x" and the bit names of `v`.
pub(super) fn bits32(c: &mut Ctx, label: &str, v: u32, names: &[(u32, &str)], known: u32) {
    c.s(label);
    c.s(" 0x");
    c.o.hexw(u64::from(v), 8);
    bitmap(c, v, names, known);
}

/// tcpdump's "invalid (0x%04x)".
pub(super) fn hex_invalid(c: &mut Ctx, v: u16) {
    c.s("invalid (0x");
    c.o.hexw(u64::from(v), 4);
    c.s(")");
}

/// An ERROR message: its type and code named from `errors` (type names, each
/// with its code names), and the data it carries. `experimenter` is the type
/// number a version names EXPERIMENTER outside its table, if any.
pub(super) fn error(
    c: &mut Ctx,
    mut b: Body,
    errors: &[(&str, &[&str])],
    experimenter: Option<u16>,
) -> R {
    let kind = b.u16(0)?;
    b.fwd(2);
    c.s("\n\t type ");
    let entry = errors.get(usize::from(kind));
    match entry {
        Some((name, _)) => c.s(name),
        None if Some(kind) == experimenter => c.s("EXPERIMENTER"),
        None => hex_invalid(c, kind),
    }
    let code = b.u16(0)?;
    b.fwd(2);
    c.s(", code ");
    match entry.and_then(|(_, codes)| codes.get(usize::from(code))) {
        Some(name) => c.s(name),
        None => hex_invalid(c, code),
    }
    data(c, b)
}

/// A port's four feature bitmaps (current, advertised, supported, peer's),
/// 32-bit words from `off`.
pub(super) fn port_features(
    c: &mut Ctx,
    b: &Body,
    off: usize,
    names: &[(u32, &str)],
    known: u32,
) -> R {
    let labels = [
        "\n\t   curr",
        "\n\t   advertised",
        "\n\t   supported",
        "\n\t   peer",
    ];
    for (i, label) in labels.into_iter().enumerate() {
        let v = b.u32(off + 4 * i)?;
        bits32(c, label, v, names, known);
    }
    Ok(())
}

/// A 1.0 port number: its reserved name or the number.
pub(super) fn port16(c: &mut Ctx, v: u16) {
    let name = match v {
        0xff00 => "MAX",
        0xfff8 => "IN_PORT",
        0xfff9 => "TABLE",
        0xfffa => "NORMAL",
        0xfffb => "FLOOD",
        0xfffc => "ALL",
        0xfffd => "CONTROLLER",
        0xfffe => "LOCAL",
        0xffff => "NONE",
        _ => return c.dec(v),
    };
    c.s(name);
}

/// tcpdump's nd_printjnp: up to `n` characters at `off`, stopping at a NUL.
pub(super) fn printjnp(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = *d.get(off.saturating_add(i)).ok_or(Trunc)?;
        if b == 0 {
            break;
        }
        print_char(c, b);
    }
    Ok(())
}

/// tcpdump's nd_printn: `n` characters at `off`, NULs included.
pub(super) fn printn(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = *d.get(off.saturating_add(i)).ok_or(Trunc)?;
        print_char(c, b);
    }
    Ok(())
}

/// A vendor or experimenter id: an OUI in the low 24 bits, or one of the
/// ONF-assigned experimenter ids.
pub(super) fn vendor_name(v: u32) -> &'static str {
    let name = if v & 0xff00_0000 == 0 {
        crate::print::names::oui_lookup(v)
    } else {
        match v {
            0x4f4e_4600 => Some("ONF Extensions"),
            0xff00_0001 => Some("Budapest University of Technology and Economics"),
            0xff00_0002 => Some("NoviFlow"),
            0xff00_0003 => Some("L3+ Extensions, Vendor Neutral"),
            0xff00_0004 => Some("L4-L7 Extensions"),
            0xff00_0005 => Some("Wireless and Mobility Extensions"),
            0xff00_0006 => Some("Forwarding Abstractions Extensions"),
            0xff00_0007 => Some("Optical Transport Extensions"),
            0xff00_0008 => Some("Network Benchmarking Lab, NCTU"),
            0xff00_0009 => Some("Mobile Packet Core Extensions"),
            0xff00_000a => Some("MPLS-TP OpenFlow Extensions for SPTN"),
            _ => None,
        }
    };
    name.unwrap_or("unknown")
}
