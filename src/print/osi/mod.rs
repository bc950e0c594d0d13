//! OSI network layer as tcpdump 4.99.3 prints it (print-isoclns.c): the NLPID
//! dispatch every link hands OSI frames to (LLC SAP 0xfe, ethertype 0xfefe,
//! Cisco HDLC, Frame Relay and MFR, PPP, BSD loopback, GRE, MPLS), CLNP with its
//! options and error/echo PDUs (`clnp`), ES-IS (`esis`) and IS-IS PDUs with
//! their TLVs (`isis`; the extended TLV bodies live in `super::isis_ext`).
//!
//! Decoders take `d` from their first byte to the end of the capture and the
//! on-the-wire `length`; reads past the capture are `Err(Trunc)`, tcpdump's
//! longjmp to ` [|proto]`.

mod clnp;
mod esis;
pub(crate) mod isis;

use super::out::Put;
use super::{Ctx, R, Trunc, bytes, u8_at};

pub(crate) const NLPID_CLNP: u8 = 0x81;
pub(crate) const NLPID_ESIS: u8 = 0x82;
pub(crate) const NLPID_ISIS: u8 = 0x83;

/// tcpdump's nlpid_values.
pub(crate) fn nlpid_name(v: u8) -> Option<&'static str> {
    Some(match v {
        0x00 => "NULL",
        0x08 => "Q.933",
        0x09 => "LMI",
        0x80 => "SNAP",
        0x81 => "CLNP",
        0x82 => "ES-IS",
        0x83 => "IS-IS",
        0x84 => "CONS",
        0x85 => "IDRP",
        0xc1 => "ISIS_SPB",
        0xb1 => "FRF.15",
        0xcc => "IPv4",
        0xcf => "PPP",
        0x8a => "X25 ES-IS",
        0x8e => "IPv6",
        _ => return None,
    })
}

/// tcpdump's isoclns_print: an OSI PDU starting at its NLPID byte.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "isoclns";
    if c.depth >= super::MAX_DEPTH {
        return Err(Trunc);
    }
    c.depth += 1;
    let r = dispatch(c, d, length);
    c.depth -= 1;
    r
}

fn dispatch(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let nlpid = u8_at(d, 0)?;
    let e = c.opts.link_header;
    if e {
        c.s("OSI NLPID ");
        c.s(nlpid_name(nlpid).unwrap_or("Unknown"));
        c.s(" (0x");
        c.o.hexw(u64::from(nlpid), 2);
        c.s("): ");
    }
    let rest = d.get(1..).unwrap_or(&[]);
    // tcpdump's u_int arithmetic: a zero length wraps to 2^32 - 1
    let rest_len = (length as u32).wrapping_sub(1) as usize;
    match nlpid {
        NLPID_CLNP => {
            if !clnp::print(c, d, length)? {
                unknown_data(c, d, 0, "\n\t", length);
            }
        }
        NLPID_ESIS => esis::print(c, d, length)?,
        NLPID_ISIS => {
            if !isis::print(c, d, length)? {
                unknown_data(c, d, 0, "\n\t", length);
            }
        }
        0x00 => {
            c.s(if e { "" } else { ", " });
            c.s("length: ");
            c.dec(length as u64);
        }
        0x08 => super::linkmore::q933(c, rest, rest_len)?,
        0xcc => super::ip::print(c, rest, rest_len)?,
        0x8e => super::ip6::print(c, rest, rest_len)?,
        0xcf => {
            super::ppp::print(c, rest, rest_len)?;
        }
        _ => {
            if !e {
                c.s("OSI NLPID 0x");
                c.o.hexw(u64::from(nlpid), 2);
                c.s(" unknown");
            }
            c.s(if e { "" } else { ", " });
            c.s("length: ");
            c.dec(length as u64);
            if length > 1 {
                unknown_data(c, d, 0, "\n\t", length);
            }
        }
    }
    Ok(())
}

/// Ethertype 0xfefe (after an Ethernet or SNAP header): one byte of unknown
/// purpose, then the NLPID.
pub(crate) fn ethertype_iso(c: &mut Ctx, d: &[u8], length: usize) -> R {
    if length == 0 || d.is_empty() {
        c.proto = "isoclns";
        c.trunc_mark();
        return Ok(());
    }
    print(c, &d[1..], length - 1)
}

/// Cisco HDLC's protocol 0xfefe: the byte before the NLPID is there only
/// sometimes; tcpdump spots it by the NLPID that follows. False when the
/// frame is too short (tcpdump's truncation exit, which takes the whole frame
/// as header).
pub(crate) fn chdlc_iso(c: &mut Ctx, d: &[u8], length: usize) -> R<bool> {
    if length < 2 {
        c.trunc_mark();
        return Ok(false);
    }
    let second = u8_at(d, 1)?;
    if matches!(second, NLPID_CLNP | NLPID_ESIS | NLPID_ISIS) {
        print(c, &d[1..], length - 1)?;
    } else {
        print(c, d, length)?;
    }
    Ok(true)
}

/// tcpdump's print_unknown_data: a hex dump of what was captured of `len`
/// bytes at `off`; false (after an error line) when `off` is past the capture.
pub(crate) fn unknown_data(c: &mut Ctx, d: &[u8], off: usize, indent: &str, len: usize) -> bool {
    let Some(avail) = d.get(off..) else {
        c.s(indent);
        c.s("Dissector error: print_unknown_data called with pointer past end of packet");
        return false;
    };
    let n = len.min(avail.len());
    super::hex::hex_only(&mut c.o, indent, &avail[..n], 0);
    true
}

/// tcpdump's isonsap_string: the `len` bytes at `off` as an NSAP
/// (`49.0001.1921.6800.1001.00`); truncation is checked before the length.
pub(crate) fn nsap_string(d: &[u8], off: usize, len: usize) -> R<String> {
    let b = bytes(d, off, len)?;
    if !(1..=20).contains(&len) {
        return Ok("isonsap_string: illegal length".to_string());
    }
    let mut s = String::with_capacity(len * 3);
    for (i, v) in b.iter().enumerate() {
        push_hex2(&mut s, *v);
        if i & 1 == 0 && i + 1 < len {
            s.push('.');
        }
    }
    Ok(s)
}

pub(crate) fn nsap(c: &mut Ctx, d: &[u8], off: usize, len: usize) -> R {
    let s = nsap_string(d, off, len)?;
    c.s(&s);
    Ok(())
}

fn push_hex2(s: &mut String, v: u8) {
    const H: &[u8; 16] = b"0123456789abcdef";
    s.push(H[usize::from(v >> 4)] as char);
    s.push(H[usize::from(v & 15)] as char);
}

/// tcpdump's isis_print_id: a system ID (`1921.6800.1001`), with `.nn` for
/// a node ID (7 bytes) and `-nn` for an LSP ID (8 bytes).
pub(crate) fn id_string(d: &[u8], off: usize, id_len: usize) -> R<String> {
    let sys = id_len.min(6);
    let need = sys + usize::from(id_len >= 7) + usize::from(id_len == 8);
    let b = bytes(d, off, need)?;
    let mut s = String::with_capacity(20);
    for (i, v) in b[..sys].iter().enumerate() {
        push_hex2(&mut s, *v);
        if i == 1 || i == 3 {
            s.push('.');
        }
    }
    if id_len >= 7 {
        s.push('.');
        push_hex2(&mut s, b[6]);
    }
    if id_len == 8 {
        s.push('-');
        push_hex2(&mut s, b[7]);
    }
    Ok(s)
}

/// tcpdump's create_osi_cksum: the Fletcher checksum of `d[..length]` taking
/// the two bytes at `off` as zero.
fn osi_cksum(d: &[u8], off: usize, length: usize) -> u16 {
    let (mut c0, mut c1) = (0u32, 0u32);
    for (i, &b) in d.iter().take(length).enumerate() {
        if i != off && i != off + 1 {
            c0 += u32::from(b);
        }
        c1 = c1.wrapping_add(c0);
    }
    let c0 = i64::from(c0 % 255);
    let c1 = i64::from(c1 % 255);
    let mul = (length as i64 - off as i64) * c0;
    let mut x = mul - c0 - c1;
    let mut y = c1 - mul - 1;
    if y >= 0 {
        y += 1;
    }
    if x < 0 {
        x -= 1;
    }
    x %= 255;
    y %= 255;
    if x == 0 {
        x = 255;
    }
    if y == 0 {
        y = 255;
    }
    (((x << 8) | (y & 0xff)) & 0xffff) as u16
}

/// tcpdump's osi_print_cksum: whether `checksum` (at `off` in `d`) matches
/// the first `length` bytes of `d`.
pub(crate) fn print_cksum(c: &mut Ctx, d: &[u8], checksum: u16, off: usize, length: usize) {
    if checksum == 0 || off + 2 > d.len() || off > length || length > d.len() {
        c.s(" (unverified)");
        return;
    }
    let calc = osi_cksum(d, off, length);
    if calc == checksum {
        c.s(" (correct)");
    } else {
        c.s(" (incorrect should be 0x");
        c.o.hexw(u64::from(calc), 4);
        c.s(")");
    }
}

/// tcpdump's nd_printjnp: up to `n` bytes at `off` as text, stopping at NUL.
pub(crate) fn printjnp(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        if b == 0 {
            break;
        }
        super::tcp::print_char(c, b);
    }
    Ok(())
}
