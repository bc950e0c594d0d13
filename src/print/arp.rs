//! ARP and RARP (Ethernet/IPv4 in detail; other hardware and protocol types in
//! tcpdump's generic form).

use super::ether::ethertype_name;
use super::out::Put;
use super::{Ctx, R, be16, bytes, u8_at};

/// Hardware type names tcpdump knows (print-arp.c's arphrd_values).
fn hrd_name(h: u16) -> Option<&'static str> {
    Some(match h {
        1 => "Ethernet",
        6 => "TokenRing",
        7 => "ArcNet",
        15 => "FrameRelay",
        19 => "ATM",
        23 => "Strip",
        24 => "IEEE 1394",
        32 => "InfiniBand",
        _ => return None,
    })
}

const HRD_FRELAY: u16 = 15;
const HRD_ATM2225: u16 = 19;

fn put_hrd(c: &mut Ctx, hrd: u16) {
    match hrd_name(hrd) {
        Some(n) => c.s(n),
        None => {
            c.s("Unknown Hardware (");
            c.dec(hrd);
            c.s(")");
        }
    }
}

fn put_pro(c: &mut Ctx, pro: u16) {
    match ethertype_name(pro) {
        Some(n) => c.s(n),
        None => {
            c.s("Unknown Protocol (0x");
            c.o.hexw(u64::from(pro), 4);
            c.s(")");
        }
    }
}

fn put_op(c: &mut Ctx, op: u16) {
    match op {
        1 => c.s("Request"),
        2 => c.s("Reply"),
        3 => c.s("Reverse Request"),
        4 => c.s("Reverse Reply"),
        8 => c.s("Inverse Request"),
        9 => c.s("Inverse Reply"),
        10 => c.s("NACK Reply"),
        _ => {
            c.s("Unknown (");
            c.dec(op);
            c.s(")");
        }
    }
}

/// The DLCI of a Q.922 address, as tcpdump's q922_string shows a Frame
/// Relay ARP hardware address.
fn q922_string(c: &mut Ctx, a: &[u8]) {
    const EA: u8 = 0x01;
    let dlci = (|| -> Result<Option<u32>, ()> {
        let b0 = *a.first().ok_or(())?;
        if b0 & EA != 0 {
            return Ok(None);
        }
        let b1 = *a.get(1).ok_or(())?;
        let mut dlci = (u32::from(b0 & 0xfc) << 2) | u32::from(b1 >> 4);
        if b1 & EA != 0 {
            return Ok(Some(dlci));
        }
        let mut i = 2;
        let mut b = *a.get(i).ok_or(())?;
        if b & EA == 0 {
            dlci = (dlci << 7) | u32::from(b >> 1);
            i += 1;
            b = *a.get(i).ok_or(())?;
        }
        if b & EA == 0 {
            return Ok(None);
        }
        Ok(Some((dlci << 6) | u32::from(b >> 2)))
    })();
    match dlci {
        Ok(Some(d)) => {
            c.s("DLCI ");
            c.dec(d);
        }
        Ok(None) => c.s("<Invalid DLCI>"),
        Err(()) => c.s("<Truncated>"),
    }
}

/// tcpdump's linkaddr_string for an ARP hardware address.
fn linkaddr_for(c: &mut Ctx, hrd: u16, a: &[u8]) {
    if !a.is_empty() && hrd == HRD_FRELAY {
        q922_string(c, a);
    } else {
        linkaddr(c, a);
    }
}

fn linkaddr(c: &mut Ctx, a: &[u8]) {
    if a.len() == 6 {
        c.etheraddr(a);
    } else {
        hexaddr(c, a);
    }
}

/// Colon-separated hex, `<empty>` for none.
fn hexaddr(c: &mut Ctx, a: &[u8]) {
    if a.is_empty() {
        c.s("<empty>");
    }
    for (i, b) in a.iter().enumerate() {
        if i > 0 {
            c.s(":");
        }
        c.o.hexw(u64::from(*b), 2);
    }
}

/// ATM ARP (RFC 2225): variable-length ATM numbers and subaddresses.
fn atmarp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let hrd = be16(d, 0)?;
    let pro = be16(d, 2)?;
    let len6 = |i: usize| -> R<usize> { Ok(usize::from(u8_at(d, i)? & 0x3f)) };
    let shtl = len6(4)?;
    let sstl = len6(5)?;
    let op = be16(d, 6)?;
    let spln = usize::from(u8_at(d, 8)?);
    let thtl = len6(9)?;
    let tstl = len6(10)?;
    let tpln = usize::from(u8_at(d, 11)?);
    let sha = 12;
    let ssa = sha + shtl;
    let spa = ssa + sstl;
    let tha = spa + spln;
    let tsa = tha + thtl;
    let tpa = tsa + tstl;
    bytes(d, tpa, tpln)?;
    if !c.opts.link_header {
        c.s("ARP, ");
    }
    let v = c.opts.verbose > 0;
    let ip_like = pro == 0x0800 || pro == 0x1000;
    if !ip_like || spln != 4 || tpln != 4 || v {
        put_hrd(c, hrd);
        c.s(", ");
        put_pro(c, pro);
        c.s(" (len ");
        c.dec(spln as u64);
        c.s("/");
        c.dec(tpln as u64);
        c.s(")");
        if !v {
            c.s(", length ");
            c.dec(length as u64);
            return Ok(());
        }
        c.s(", ");
    }
    put_op(c, op);
    c.s(" ");
    let proto_addr = |c: &mut Ctx, off: usize, plen: usize, bad: &str| -> R {
        if !ip_like {
            c.s("<wrong proto type>");
        } else if plen != 4 {
            c.s(bad);
        } else {
            c.ipaddr(bytes(d, off, 4)?);
        }
        Ok(())
    };
    let atm_addr = |c: &mut Ctx, ha: usize, hl: usize, sa: usize, sl: usize| -> R {
        if hl == 0 {
            c.s("<No address>");
        } else {
            hexaddr(c, bytes(d, ha, hl)?);
            if sl != 0 {
                c.s(",");
                hexaddr(c, bytes(d, sa, sl)?);
            }
        }
        Ok(())
    };
    match op {
        1 => {
            c.s("who-has ");
            proto_addr(c, tpa, tpln, "<wrong tplen>")?;
            if thtl != 0 {
                c.s(" (");
                atm_addr(c, tha, thtl, tsa, tstl)?;
                c.s(")");
            }
            c.s(" tell ");
            proto_addr(c, spa, spln, "<wrong splen>")?;
        }
        2 => {
            proto_addr(c, spa, spln, "<wrong splen>")?;
            c.s(" is-at ");
            atm_addr(c, sha, shtl, ssa, sstl)?;
        }
        8 => {
            c.s("who-is ");
            atm_addr(c, tha, thtl, tsa, tstl)?;
            c.s(" tell ");
            atm_addr(c, sha, shtl, ssa, sstl)?;
        }
        9 => {
            atm_addr(c, sha, shtl, ssa, sstl)?;
            // No space before "at": tcpdump's own spelling.
            c.s("at ");
            proto_addr(c, spa, spln, "<wrong splen>")?;
        }
        10 => {
            c.s("for ");
            proto_addr(c, spa, spln, "<wrong splen>")?;
        }
        _ => {
            super::hex::hex_and_ascii(&mut c.o, "\n\t", d, 0);
            return Ok(());
        }
    }
    c.s(", length ");
    c.dec(length as u64);
    Ok(())
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "arp";
    let hrd = be16(d, 0)?;
    let pro = be16(d, 2)?;
    let hln = usize::from(u8_at(d, 4)?);
    let pln = usize::from(u8_at(d, 5)?);
    let op = be16(d, 6)?;
    if hrd == HRD_ATM2225 {
        return atmarp(c, d, length);
    }
    let sha = 8;
    let spa = sha + hln;
    let tha = spa + pln;
    let tpa = tha + hln;
    if d.len() < tpa + pln {
        return Err(super::Trunc);
    }
    if !c.opts.link_header {
        c.s("ARP, ");
    }
    let v = c.opts.verbose > 0;
    let ip_like = pro == 0x0800 || pro == 0x1000;
    if !ip_like || pln != 4 || hln == 0 || v {
        put_hrd(c, hrd);
        c.s(" (len ");
        c.dec(hln as u64);
        c.s("), ");
        put_pro(c, pro);
        c.s(" (len ");
        c.dec(pln as u64);
        c.s(")");
        if !v {
            c.s(", length ");
            c.dec(length as u64);
            return Ok(());
        }
    }
    if v {
        c.s(", ");
    }
    put_op(c, op);
    c.s(" ");
    let proto_addr = |c: &mut Ctx, off: usize| -> R {
        if !ip_like {
            c.s("<wrong proto type>");
        } else if pln != 4 {
            c.s("<wrong len>");
        } else {
            c.ipaddr(bytes(d, off, 4)?);
        }
        Ok(())
    };
    match op {
        1 => {
            c.s("who-has ");
            proto_addr(c, tpa)?;
            let t = bytes(d, tha, hln)?;
            if t.iter().any(|&b| b != 0) {
                c.s(" (");
                linkaddr_for(c, hrd, t);
                c.s(")");
            }
            c.s(" tell ");
            proto_addr(c, spa)?;
        }
        2 => {
            proto_addr(c, spa)?;
            c.s(" is-at ");
            linkaddr_for(c, hrd, bytes(d, sha, hln)?);
        }
        3 | 8 => {
            c.s("who-is ");
            linkaddr_for(c, hrd, bytes(d, tha, hln)?);
            c.s(" tell ");
            linkaddr_for(c, hrd, bytes(d, sha, hln)?);
        }
        4 => {
            linkaddr_for(c, hrd, bytes(d, tha, hln)?);
            c.s(" at ");
            proto_addr(c, tpa)?;
        }
        9 => {
            linkaddr_for(c, hrd, bytes(d, sha, hln)?);
            c.s(" at ");
            proto_addr(c, spa)?;
        }
        _ => {
            // tcpdump's ND_DEFAULTPRINT here is not subject to -x suppression.
            super::hex::hex_and_ascii(&mut c.o, "\n\t", d, 0);
            return Ok(());
        }
    }
    c.s(", length ");
    c.dec(length as u64);
    Ok(())
}
