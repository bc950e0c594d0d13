//! AODV, Ad hoc On-Demand Distance Vector routing (RFC 3561, UDP 654): route
//! requests, replies, errors and acknowledgements over IPv4 and IPv6, the IPv6
//! draft's message types, and the hello extension.
//!
//! As tcpdump 4.99 does, the request and reply flags are read from the message
//! type byte, not from the flags byte.

use super::out::Put;
use super::{Ctx, R, Trunc, be32, bytes, u8_at};

/// How a message's decoding ended short: tcpdump's own check of a structure
/// (its mark, no longjmp) or a failed read (the caller's longjmp mark).
enum Stop {
    Mark,
    Jump,
}

impl From<Trunc> for Stop {
    fn from(_: Trunc) -> Stop {
        Stop::Jump
    }
}

type S<T = ()> = Result<T, Stop>;

/// The structure of `size` bytes must have been captured.
fn check(d: &[u8], size: usize) -> S {
    if d.len() < size {
        Err(Stop::Mark)
    } else {
        Ok(())
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize, v6: bool) -> R {
    c.proto = "aodv";
    let t = u8_at(d, 0)?;
    c.s(" aodv");
    let r = match t {
        1 if v6 => rreq(c, d, len, " v6 rreq ", 16, [8, 24, 28, 44], 48),
        1 => rreq(c, d, len, " rreq ", 4, [8, 12, 16, 20], 24),
        2 if v6 => rrep(c, d, len, 16, [4, 20, 24, 40], 44),
        2 => rrep(c, d, len, 4, [4, 8, 12, 16], 20),
        3 => rerr(c, d, len, if v6 { 16 } else { 4 }),
        4 => {
            c.s(" rrep-ack ");
            c.dec(len as u64);
            Ok(())
        }
        16 => rreq(c, d, len, " rreq ", 16, [16, 8, 32, 12], 48),
        17 => rrep(c, d, len, 16, [8, 4, 24, 40], 44),
        18 => rerr(c, d, len, 16),
        19 => {
            c.s(" rrep-ack ");
            c.dec(len as u64);
            Ok(())
        }
        _ => {
            c.s(" type ");
            c.dec(t);
            c.s(" ");
            c.dec(len as u64);
            Ok(())
        }
    };
    match r {
        Ok(()) => Ok(()),
        Err(Stop::Mark) => {
            c.trunc_mark();
            Ok(())
        }
        Err(Stop::Jump) => Err(Trunc),
    }
}

fn addr(c: &mut Ctx, a: &[u8]) {
    if a.len() == 4 {
        c.ipaddr(a);
    } else {
        c.ip6addr(a);
    }
}

/// A route request; `at` holds the offsets of the destination address, its
/// sequence number, the originator address and its sequence number.
fn rreq(
    c: &mut Ctx,
    d: &[u8],
    len: usize,
    label: &str,
    alen: usize,
    at: [usize; 4],
    size: usize,
) -> S {
    check(d, size)?;
    if len < size {
        return Err(Stop::Mark);
    }
    let t = u8_at(d, 0)?;
    c.s(label);
    c.dec(len as u64);
    c.s(" ");
    for (bit, name) in [(0x80, "[J]"), (0x40, "[R]"), (0x20, "[G]"), (0x10, "[D]")] {
        if t & bit != 0 {
            c.s(name);
        }
    }
    c.s(if t & 0x08 != 0 { "[U] " } else { " " });
    c.s("hops ");
    c.dec(u8_at(d, 3)?);
    c.s(" id 0x");
    c.o.hexw(u64::from(be32(d, 4)?), 8);
    c.s("\n\tdst ");
    addr(c, bytes(d, at[0], alen)?);
    c.s(" seq ");
    c.dec(be32(d, at[1])?);
    c.s(" src ");
    addr(c, bytes(d, at[2], alen)?);
    c.s(" seq ");
    c.dec(be32(d, at[3])?);
    extension(c, d, size, len)
}

/// A route reply; `at` as for [`rreq`], the last offset being the lifetime.
fn rrep(c: &mut Ctx, d: &[u8], len: usize, alen: usize, at: [usize; 4], size: usize) -> S {
    check(d, size)?;
    if len < size {
        return Err(Stop::Mark);
    }
    let t = u8_at(d, 0)?;
    c.s(" rrep ");
    c.dec(len as u64);
    c.s(" ");
    if t & 0x80 != 0 {
        c.s("[R]");
    }
    c.s(if t & 0x40 != 0 { "[A] " } else { " " });
    c.s("prefix ");
    c.dec(u8_at(d, 2)? & 0x1f);
    c.s(" hops ");
    c.dec(u8_at(d, 3)?);
    c.s("\n\tdst ");
    addr(c, bytes(d, at[0], alen)?);
    c.s(" dseq ");
    c.dec(be32(d, at[1])?);
    c.s(" src ");
    addr(c, bytes(d, at[2], alen)?);
    c.s(" ");
    c.dec(be32(d, at[3])?);
    c.s(" ms");
    extension(c, d, size, len)
}

fn rerr(c: &mut Ctx, d: &[u8], len: usize, alen: usize) -> S {
    check(d, 4)?;
    if len < 4 {
        return Err(Stop::Mark);
    }
    let flags = u8_at(d, 1)?;
    let count = u8_at(d, 3)?;
    c.s(" rerr ");
    c.s(if flags & 0x80 != 0 { "[D]" } else { "" });
    c.s(" [items ");
    c.dec(count);
    c.s("] [");
    c.dec(len as u64);
    c.s("]:");
    let item = alen + 4;
    let mut p = 4;
    let mut rest = len - 4;
    for _ in 0..count {
        check(d, p + item)?;
        if rest < item {
            return Err(Stop::Mark);
        }
        c.s(" {");
        addr(c, bytes(d, p, alen)?);
        c.s("}(");
        c.dec(be32(d, p + alen)?);
        c.s(")");
        p += item;
        rest -= item;
    }
    Ok(())
}

/// The extension after a request or reply of `size` bytes, if there is room
/// for one.
fn extension(c: &mut Ctx, d: &[u8], size: usize, len: usize) -> S {
    let rest = len - size;
    if rest < 2 {
        return Ok(());
    }
    check(d, size + 2)?;
    let t = u8_at(d, size)?;
    let l = u8_at(d, size + 1)?;
    if t == 1 {
        check(d, size + 6)?;
        if rest < 6 {
            return Err(Stop::Mark);
        }
        if l < 4 {
            c.s("\n\text HELLO - bad length ");
            c.dec(l);
        } else {
            c.s("\n\text HELLO ");
            c.dec(be32(d, size + 2)?);
            c.s(" ms");
        }
    } else {
        c.s("\n\text ");
        c.dec(t);
        c.s(" ");
        c.dec(l);
    }
    Ok(())
}
