//! LBL whiteboard (wb) packets, UDP destination port 4567: the transport header
//! and each message type tcpdump names, with the drawing operations under -v.

use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

/// Size of the wb transport header.
const HDR: usize = 12;

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "wb";
    if len < HDR {
        c.invalid();
        return Ok(());
    }
    bytes(d, 0, HDR)?;
    let len = len - HDR;
    if u8_at(d, 11)? != 0 {
        c.s("*");
    }
    let ty = u8_at(d, 10)?;
    let body = d.get(HDR..).unwrap_or(&[]);
    let ok = match ty {
        4 => {
            c.s(" wb-kill");
            return Ok(());
        }
        0 => drawop(c, body, len)?,
        1 => id(c, body, len)?,
        2 => rreq(c, body, len)?,
        3 => rrep(c, body, len)?,
        5 => preq(c, body, len)?,
        7 => prep(c, body, len)?,
        _ => {
            c.s(" wb-");
            c.dec(ty);
            c.s("!");
            false
        }
    };
    if !ok {
        c.invalid();
    }
    Ok(())
}

/// `addr:uid`, both fetched before anything is printed.
fn page(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let a = bytes(d, off, 4)?;
    let uid = be32(d, off + 4)?;
    c.ipaddr(a);
    c.s(":");
    c.dec(uid);
    Ok(())
}

/// tcpdump's nd_printjnp: up to `n` characters, stopping at a NUL.
fn printjnp(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        if b == 0 {
            break;
        }
        super::tcp::print_char(c, b);
    }
    Ok(())
}

fn id(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    c.s(" wb-id:");
    if len < 28 {
        return Ok(false);
    }
    let len = len - 28;
    let (slot, mslot) = (be32(d, 12)?, be32(d, 0)?);
    bytes(d, 16, 8)?;
    bytes(d, 4, 8)?;
    c.s(" ");
    c.dec(slot);
    c.s("/");
    page(c, d, 16)?;
    c.s(" (max ");
    c.dec(mslot);
    c.s("/");
    page(c, d, 4)?;
    c.s(") ");
    bytes(d, 0, 28)?;
    let nid = usize::from(be16(d, 24)?);
    if len < 8 * nid {
        return Ok(false);
    }
    let len = len - 8 * nid;
    let mut sep = "<";
    for i in 0..nid {
        let off = 28 + i * 8;
        bytes(d, off, 8)?;
        c.s(sep);
        page(c, d, off)?;
        sep = ",";
    }
    c.s("> \"");
    printjnp(c, d, 28 + 8 * nid, len)?;
    c.s("\"");
    Ok(true)
}

fn rreq(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    c.s(" wb-rreq:");
    if len < 20 {
        return Ok(false);
    }
    let head = bytes(d, 0, 20)?;
    c.s(" please repair ");
    c.ipaddr(&head[..4]);
    c.s(" ");
    page(c, d, 4)?;
    seqs(c, d, 12)?;
    Ok(true)
}

/// `<sseq:eseq>` at `off`.
fn seqs(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let (s, e) = (be32(d, off)?, be32(d, off + 4)?);
    c.s("<");
    c.dec(s);
    c.s(":");
    c.dec(e);
    c.s(">");
    Ok(())
}

fn preq(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    c.s(" wb-preq:");
    if len < 16 {
        return Ok(false);
    }
    let low = be32(d, 8)?;
    bytes(d, 0, 8)?;
    c.s(" need ");
    c.dec(low);
    c.s("/");
    page(c, d, 0)?;
    bytes(d, 0, 16)?;
    Ok(true)
}

fn prep(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    c.s(" wb-prep:");
    if len < 4 {
        return Ok(false);
    }
    let mut n = be32(d, 0)?;
    let mut ps = 4usize;
    while n != 0 {
        let slot = be32(d, ps)?;
        bytes(d, ps + 4, 8)?;
        c.s(" ");
        c.dec(slot);
        c.s("/");
        page(c, d, ps + 4)?;
        bytes(d, ps, 16)?;
        // tcpdump reads one byte of the 16-bit count.
        let nid = usize::from(u8_at(d, ps + 12)?);
        let mut io = ps + 16;
        let mut sep = "<";
        for _ in 0..nid {
            bytes(d, io, 8)?;
            c.s(sep);
            page(c, d, io)?;
            sep = ",";
            io += 8;
        }
        c.s(">");
        ps = io;
        n -= 1;
    }
    Ok(true)
}

fn dop_name(t: u8) -> Option<&'static str> {
    Some(match t {
        2 => "RECT",
        3 => "LINE",
        4 => "ML",
        5 => "DEL",
        6 => "XFORM",
        7 => "ELL",
        8 => "CHAR",
        9 => "STR",
        10 => "NOP",
        11 => "PSCODE",
        12 => "PSCOMP",
        13 => "REF",
        14 => "SKIP",
        15 => "HOLE",
        _ => return None,
    })
}

/// The drawing operations from `dh`, sequence numbers `ss` to `es`.
fn dops(c: &mut Ctx, d: &[u8], mut dh: usize, mut ss: u32, es: u32) -> R {
    c.s(" <");
    while ss <= es {
        let t = u8_at(d, dh + 7)?;
        c.s(" ");
        match dop_name(t) {
            Some(n) => c.s(n),
            None => {
                c.s("dop-");
                c.dec(t);
                c.s("!");
            }
        }
        if t == 14 || t == 15 {
            let ts = be32(d, dh)?;
            c.dec(ts.wrapping_sub(ss).wrapping_add(1));
            if ss > ts || ts > es {
                c.s("[|]");
                if ts < ss {
                    return Ok(());
                }
            }
            ss = ts;
        }
        let step = (usize::from(be16(d, dh + 4)?) + 8 + 3) & !3;
        dh = dh.checked_add(step).ok_or(Trunc)?;
        // Every step moves at least 8 bytes on, so a read fails before long.
        ss = ss.wrapping_add(1);
    }
    c.s(" >");
    Ok(())
}

fn rrep(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    c.s(" wb-rrep:");
    if len < 20 {
        return Ok(false);
    }
    let head = bytes(d, 0, 20)?;
    c.s(" for ");
    c.ipaddr(&head[..4]);
    c.s(" ");
    page(c, d, 4)?;
    seqs(c, d, 12)?;
    if c.opts.verbose > 0 {
        dops(c, d, 20, be32(d, 12)?, be32(d, 16)?)?;
    }
    Ok(true)
}

fn drawop(c: &mut Ctx, d: &[u8], len: usize) -> R<bool> {
    c.s(" wb-dop:");
    if len < 16 {
        return Ok(false);
    }
    bytes(d, 0, 16)?;
    c.s(" ");
    page(c, d, 0)?;
    seqs(c, d, 8)?;
    if c.opts.verbose > 0 {
        dops(c, d, 16, be32(d, 8)?, be32(d, 12)?)?;
    }
    Ok(true)
}
