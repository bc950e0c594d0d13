//! BIND 9's lightweight resolver protocol (UDP port 921): the opcode and, per
//! opcode, the names, addresses and record data of queries and responses as
//! tcpdump 4.99 prints them.

use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};
use std::fmt::Write as _;

/// The fixed packet header.
const HDR_LEN: usize = 28;

const NOOP: u32 = 0;
const GETADDRSBYNAME: u32 = 0x0001_0001;
const GETNAMEBYADDR: u32 = 0x0001_0002;
const GETRDATABYNAME: u32 = 0x0001_0003;

/// Why decoding stopped early: truncation unwinds (in tcpdump 4.99 both its
/// ND_TCHECK and GET_ macros do here), an invalid address ends the line.
enum Stop {
    Jump,
    /// tcpdump's `goto invalid`: ` (invalid)` and nothing more.
    Invalid,
}

impl From<Trunc> for Stop {
    fn from(_: Trunc) -> Stop {
        Stop::Jump
    }
}

type S<T = ()> = Result<T, Stop>;

/// tcpdump's ND_TCHECK_LEN: `n` bytes at `p` were captured.
fn tcheck(d: &[u8], p: usize, n: usize) -> S {
    bytes(d, p, n).map(|_| ())?;
    Ok(())
}

/// The lwres payload of a UDP datagram, `length` bytes long.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "lwres";
    match packet(c, d, length) {
        Ok(()) => Ok(()),
        Err(Stop::Jump) => Err(Trunc),
        Err(Stop::Invalid) => {
            c.invalid();
            Ok(())
        }
    }
}

fn packet(c: &mut Ctx, d: &[u8], length: usize) -> S {
    tcheck(d, 0, HDR_LEN)?;
    c.s(" lwres");
    let version = be16(d, 4)?;
    if c.opts.verbose > 0 || version != 0 {
        c.s(" v");
        c.dec(version);
    }
    let pkt_len = be32(d, 0)?;
    let mut unsupported = false;
    // Where decoding ended, to spot bytes left over.
    let end: u64 = if version != 0 {
        u64::from(pkt_len)
    } else {
        let flags = be16(d, 6)?;
        let response = flags & 1 != 0;
        let op = be32(d, 12)?;
        c.s(" ");
        match op {
            NOOP => c.s("noop"),
            GETADDRSBYNAME => c.s("getaddrsbyname"),
            GETNAMEBYADDR => c.s("getnamebyaddr"),
            GETRDATABYNAME => c.s("getrdatabyname"),
            _ => {
                let _ = write!(c, "#0x{op:x}");
            }
        }
        if !response {
            c.s("?");
        }
        if flags & !1 != 0 {
            let _ = write!(c, "[0x{flags:x}]");
        }
        if c.opts.verbose > 1 {
            let (serial, result, recvlen) = (be32(d, 8)?, be32(d, 16)?, be32(d, 20)?);
            let _ = write!(
                c,
                " (serial:0x{serial:x} result:0x{result:x} recvlen:{recvlen}"
            );
            if c.opts.verbose > 2 {
                let (atype, alen) = (be16(d, 24)?, be16(d, 26)?);
                let _ = write!(c, " authtype:0x{atype:x} authlen:{alen}");
            }
            c.s(")");
        }
        let p = HDR_LEN;
        let s = if response {
            response_body(c, d, op, p, &mut unsupported)?
        } else {
            query_body(c, d, op, p, &mut unsupported)?
        };
        s as u64
    };
    if pkt_len as usize != length {
        let _ = write!(c, " [len: {pkt_len} != {length}]");
    }
    if !unsupported && end < u64::from(pkt_len) {
        c.s("[extra]");
    }
    Ok(())
}

/// Flags, printed only with `-vvv` (BIND 9.10 does not use them).
fn flags(c: &mut Ctx, d: &[u8], p: usize) -> S {
    if c.opts.verbose > 2 {
        let f = be32(d, p)?;
        let _ = write!(c, " flags:0x{f:x}");
    }
    Ok(())
}

/// A record type, and its class unless IN.
fn type_class(c: &mut Ctx, d: &[u8], class_at: usize, type_at: usize) -> S {
    let t = be16(d, type_at)?;
    c.s(" ");
    super::dns::put_type(c, t);
    let cl = be16(d, class_at)?;
    if cl != 1 {
        c.s(" ");
        match super::dns::class_name(cl) {
            Some(n) => c.s(n),
            None => {
                c.s("Class");
                c.dec(cl);
            }
        }
    }
    Ok(())
}

fn query_body(c: &mut Ctx, d: &[u8], op: u32, p: usize, unsupported: &mut bool) -> S<usize> {
    Ok(match op {
        NOOP => p,
        GETADDRSBYNAME => {
            tcheck(d, p + 8, 2)?;
            flags(c, d, p)?;
            let v = be32(d, p + 4)?;
            match v & 3 {
                1 => c.s(" IPv4"),
                2 => c.s(" IPv6"),
                3 => c.s(" IPv4/6"),
                _ => {}
            }
            if v & !3 != 0 {
                let _ = write!(c, "[0x{v:x}]");
            }
            let l = usize::from(be16(d, p + 8)?);
            let s = p + 10;
            s + name(c, d, l, s)?
        }
        GETNAMEBYADDR => {
            tcheck(d, p, 4)?;
            flags(c, d, p)?;
            let s = p + 4;
            s + addr(c, d, s)?
        }
        GETRDATABYNAME => {
            tcheck(d, p + 8, 2)?;
            flags(c, d, p)?;
            type_class(c, d, p + 4, p + 6)?;
            let l = usize::from(be16(d, p + 8)?);
            let s = p + 10;
            s + name(c, d, l, s)?
        }
        _ => {
            *unsupported = true;
            p
        }
    })
}

fn response_body(c: &mut Ctx, d: &[u8], op: u32, p: usize, unsupported: &mut bool) -> S<usize> {
    Ok(match op {
        NOOP => p,
        GETADDRSBYNAME => {
            tcheck(d, p + 8, 2)?;
            flags(c, d, p)?;
            let (naliases, naddrs) = (be16(d, p + 4)?, be16(d, p + 6)?);
            let _ = write!(c, " {naliases}/{naddrs}");
            let l = usize::from(be16(d, p + 8)?);
            let mut s = p + 10;
            s += name(c, d, l, s)?;
            for _ in 0..naliases {
                s += name_len(c, d, s)?;
            }
            for _ in 0..naddrs {
                s += addr(c, d, s)?;
            }
            s
        }
        GETNAMEBYADDR => {
            tcheck(d, p + 6, 2)?;
            flags(c, d, p)?;
            let naliases = be16(d, p + 4)?;
            c.s(" ");
            c.dec(naliases);
            let l = usize::from(be16(d, p + 6)?);
            let mut s = p + 8;
            s += name(c, d, l, s)?;
            for _ in 0..naliases {
                s += name_len(c, d, s)?;
            }
            s
        }
        GETRDATABYNAME => {
            tcheck(d, p + 14, 2)?;
            flags(c, d, p)?;
            type_class(c, d, p + 4, p + 6)?;
            c.s(" TTL ");
            let ttl = be32(d, p + 8)?;
            super::dns::relts(c, ttl);
            let (nrdatas, nsigs) = (be16(d, p + 12)?, be16(d, p + 14)?);
            let _ = write!(c, " {nrdatas}/{nsigs}");
            let mut s = p + 16;
            s += name_len(c, d, s)?;
            for _ in 0..u32::from(nrdatas) + u32::from(nsigs) {
                s += bin_len(c, d, s)?;
            }
            s
        }
        _ => {
            *unsupported = true;
            p
        }
    })
}

/// A name of `l` bytes and its terminating NUL at `p`; returns its size.
fn name(c: &mut Ctx, d: &[u8], l: usize, p: usize) -> S<usize> {
    c.s(" ");
    for i in 0..l {
        super::tcp::print_char(c, u8_at(d, p + i)?);
    }
    if u8_at(d, p + l)? != 0 {
        c.s(" (not NUL-terminated!)");
    }
    Ok(l + 1)
}

/// A length-prefixed name.
fn name_len(c: &mut Ctx, d: &[u8], p: usize) -> S<usize> {
    let l = usize::from(be16(d, p)?);
    Ok(2 + name(c, d, l, p + 2)?)
}

/// Length-prefixed binary data, in hex.
fn bin_len(c: &mut Ctx, d: &[u8], p: usize) -> S<usize> {
    let l = usize::from(be16(d, p)?);
    for i in 0..l {
        let b = u8_at(d, p + 2 + i)?;
        let _ = write!(c, "{b:02x}");
    }
    Ok(2 + l)
}

/// An address: family, length and bytes; returns its size, or `Invalid` when
/// it is too short for its family.
fn addr(c: &mut Ctx, d: &[u8], p: usize) -> S<usize> {
    let l = usize::from(be16(d, p + 4)?);
    let a = p + 6;
    tcheck(d, a, l)?;
    let family = be32(d, p)?;
    let used = match family {
        1 => {
            if l < 4 {
                return Err(Stop::Invalid);
            }
            c.s(" ");
            c.ipaddr(bytes(d, a, 4)?);
            4
        }
        2 => {
            if l < 16 {
                return Err(Stop::Invalid);
            }
            c.s(" ");
            c.ip6addr(bytes(d, a, 16)?);
            16
        }
        _ => {
            let _ = write!(c, " {family}/");
            for i in 0..l {
                let b = u8_at(d, a + i)?;
                let _ = write!(c, "{b:02x}");
            }
            l
        }
    };
    Ok(6 + used)
}
