//! A cursor over an rx packet and the AFS field printers tcpdump's service
//! decoders share (file ids, counted strings, dates, store-status masks, ubik
//! versions, AFS UUIDs, one-character-per-word names).
//!
//! tcpdump stops a decode in two ways, and they print differently: a field read
//! past the capture abandons the whole packet (` [|rx]`, no length), while an
//! explicit bounds check or a string that runs out ends only the service part
//! (` [|fs]` and the like, then the packet's ` (length)`).

use super::super::tcp::print_char;
use super::super::{Ctx, Put};

/// Why a service decode stopped early.
pub(crate) enum Stop {
    /// A read past the capture: the packet ends with ` [|rx]`.
    Jump,
    /// A failed bounds check: ` [|service]`, then the length.
    Local,
}

pub(crate) type F<T = ()> = Result<T, Stop>;

/// The captured rx packet (header included) and the read position.
pub(crate) struct Rd<'a> {
    d: &'a [u8],
    pub at: usize,
}

/// Size of the rx header.
pub(crate) const HDR: usize = 28;

impl<'a> Rd<'a> {
    pub fn new(d: &'a [u8], at: usize) -> Self {
        Rd { d, at }
    }

    /// Bytes captured from the position on (none once past the end).
    pub fn left(&self) -> usize {
        self.d.len().saturating_sub(self.at)
    }

    /// tcpdump's bounds check: `n` bytes captured from here, or a local stop.
    pub fn check(&self, n: usize) -> F {
        if self.left() >= n && self.at <= self.d.len() {
            Ok(())
        } else {
            Err(Stop::Local)
        }
    }

    pub fn skip(&mut self, n: usize) {
        self.at = self.at.saturating_add(n);
    }

    pub fn u32(&mut self) -> F<u32> {
        let end = self.at.checked_add(4).ok_or(Stop::Jump)?;
        let b = self.d.get(self.at..end).ok_or(Stop::Jump)?;
        self.at = end;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn u64(&mut self) -> F<u64> {
        let hi = u64::from(self.u32()?);
        let lo = u64::from(self.u32()?);
        Ok(hi << 32 | lo)
    }

    /// The bytes from the position on, at most `n` (for strings).
    pub fn bytes(&self, n: usize) -> &'a [u8] {
        let start = self.at.min(self.d.len());
        let end = start.saturating_add(n).min(self.d.len());
        &self.d[start..end]
    }
}

/// ` N` of a signed word.
pub(crate) fn int(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    let v = r.u32()? as i32;
    c.s(" ");
    c.o.dec_i(i64::from(v));
    Ok(())
}

/// ` N` of an unsigned word.
pub(crate) fn uint(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    let v = r.u32()?;
    c.s(" ");
    c.dec(v);
    Ok(())
}

pub(crate) fn uint64(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    let v = r.u64()?;
    c.s(" ");
    c.dec(v);
    Ok(())
}

/// `label N` for each label, unsigned.
pub(crate) fn uints(c: &mut Ctx, r: &mut Rd<'_>, labels: &[&str]) -> F {
    for l in labels {
        c.s(l);
        uint(c, r)?;
    }
    Ok(())
}

/// `label N` for each label, signed.
pub(crate) fn ints(c: &mut Ctx, r: &mut Rd<'_>, labels: &[&str]) -> F {
    for l in labels {
        c.s(l);
        int(c, r)?;
    }
    Ok(())
}

/// ` fid VOLUME/VNODE/UNIQUE`.
pub(crate) fn fid(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    r.check(12)?;
    c.s(" fid ");
    c.dec(r.u32()?);
    c.s("/");
    c.dec(r.u32()?);
    c.s("/");
    c.dec(r.u32()?);
    Ok(())
}

/// ` server A:B:C` (a volume server's host, port and service).
pub(crate) fn dest_server(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    r.check(12)?;
    c.s(" server ");
    c.dec(r.u32()?);
    c.s(":");
    c.dec(r.u32()?);
    c.s(":");
    c.dec(r.u32()?);
    Ok(())
}

/// A counted string padded to a word: ` "TEXT"`; longer than `max` or cut by
/// the capture is a local stop (what was captured is printed first).
pub(crate) fn string(c: &mut Ctx, r: &mut Rd<'_>, max: u32) -> F {
    let n = r.u32()?;
    if n > max {
        return Err(Stop::Local);
    }
    c.s(" \"");
    let s = r.bytes(n as usize);
    for &b in s {
        print_char(c, b);
    }
    if s.len() < n as usize {
        return Err(Stop::Local);
    }
    c.s("\"");
    r.skip((n as usize).div_ceil(4) * 4);
    Ok(())
}

/// A name sent one character per 32-bit word, `max` words: ` "TEXT"` up to
/// the first NUL.
pub(crate) fn vec_name(c: &mut Ctx, r: &mut Rd<'_>, max: usize) -> F {
    r.check(max * 4)?;
    let mut chars = Vec::with_capacity(max);
    for _ in 0..max {
        chars.push(r.u32()? as u8);
    }
    c.s(" \"");
    for &b in chars.iter().take_while(|&&b| b != 0) {
        print_char(c, b);
    }
    c.s("\"");
    Ok(())
}

/// A signed seconds-since-1970 word as local `YYYY/MM/DD HH:MM:SS`.
pub(crate) fn date(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    let t = r.u32()? as i32;
    c.s(" ");
    crate::print::time::local_date(&mut c.o, i64::from(t));
    Ok(())
}

/// An AFSStoreStatus: the fields its mask selects.
pub(crate) fn store_status(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    r.check(24)?;
    let mask = r.u32()?;
    if mask != 0 {
        c.s(" StoreStatus");
    }
    if mask & 1 != 0 {
        c.s(" date");
        date(c, r)?;
    } else {
        r.skip(4);
    }
    let owner = r.u32()?;
    if mask & 2 != 0 {
        c.s(" owner ");
        c.dec(owner);
    }
    let group = r.u32()?;
    if mask & 4 != 0 {
        c.s(" group ");
        c.dec(group);
    }
    let mode = r.u32()?;
    if mask & 8 != 0 {
        c.s(" mode ");
        c.s(&format!("{:o}", mode & 0o7777));
    }
    let seg = r.u32()?;
    if mask & 16 != 0 {
        c.s(" segsize ");
        c.dec(seg);
    }
    if mask & 1024 != 0 {
        c.s(" fsync");
    }
    Ok(())
}

/// A ubik version: ` EPOCH.COUNTER`.
pub(crate) fn ubik_version(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    r.check(8)?;
    c.s(" ");
    c.dec(r.u32()?);
    c.s(".");
    c.dec(r.u32()?);
    Ok(())
}

/// An AFS UUID (eleven words).
pub(crate) fn uuid(c: &mut Ctx, r: &mut Rd<'_>) -> F {
    r.check(44)?;
    c.s(" ");
    c.o.hexw(u64::from(r.u32()?), 8);
    c.o.hexw(u64::from(r.u32()?), 4);
    c.o.hexw(u64::from(r.u32()?), 4);
    for _ in 0..8 {
        c.o.hexw(u64::from(r.u32()? as u8), 2);
    }
    Ok(())
}

/// A count, then `each` that many times with commas between, ` <none!>` for
/// none. Every item reads from the packet, so the loop ends with it.
pub(crate) fn list(
    c: &mut Ctx,
    r: &mut Rd<'_>,
    mut each: impl FnMut(&mut Ctx, &mut Rd<'_>) -> F,
    commas: bool,
) -> F {
    let n = r.u32()?;
    for i in 0..n {
        each(c, r)?;
        if commas && i != n - 1 {
            c.s(",");
        }
    }
    if n == 0 {
        c.s(" <none!>");
    }
    Ok(())
}

/// Name of `v` in a table of (value, name), or None.
pub(crate) fn name_of(table: &[(u32, &'static str)], v: u32) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == v).map(|(_, n)| *n)
}

/// The opcode's name, or `op#N`.
pub(crate) fn op_name(c: &mut Ctx, table: &[(u32, &'static str)], op: u32) {
    match name_of(table, op) {
        Some(n) => c.s(n),
        None => {
            c.s("op#");
            c.dec(op);
        }
    }
}
