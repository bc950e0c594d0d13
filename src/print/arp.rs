//! ARP and RARP (Ethernet/IPv4 in detail; other hardware and protocol types in
//! tcpdump's generic form).

use super::ether::ethertype_name;
use super::out::Put;
use super::{Ctx, R, be16, bytes, u8_at};

fn hrd_name(h: u16) -> Option<&'static str> {
    Some(match h {
        1 => "Ethernet",
        2 => "Experimental Ethernet",
        3 => "AX.25 Packet Radio",
        4 => "ProNET",
        5 => "Chaos",
        6 => "TokenRing",
        7 => "ARCNet",
        8 => "Hyperchannel",
        11 => "LocalTalk",
        15 => "FrameRelay",
        16 => "ATM",
        19 => "ATM",
        20 => "Serial",
        24 => "IEEE1394",
        27 => "EUI-64",
        32 => "InfiniBand",
        _ => return None,
    })
}

fn linkaddr(c: &mut Ctx, a: &[u8]) {
    if a.len() == 6 {
        c.etheraddr(a);
    } else if a.is_empty() {
        c.s("<empty>");
    } else {
        for (i, b) in a.iter().enumerate() {
            if i > 0 {
                c.s(":");
            }
            c.o.hexw(u64::from(*b), 2);
        }
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "arp";
    let hrd = be16(d, 0)?;
    let pro = be16(d, 2)?;
    let hln = usize::from(u8_at(d, 4)?);
    let pln = usize::from(u8_at(d, 5)?);
    let op = be16(d, 6)?;
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
        match hrd_name(hrd) {
            Some(n) => c.s(n),
            None => {
                c.s("Unknown Hardware (");
                c.dec(hrd);
                c.s(")");
            }
        }
        c.s(" (len ");
        c.dec(hln as u64);
        c.s("), ");
        match ethertype_name(pro) {
            Some(n) => c.s(n),
            None => {
                c.s("Unknown Protocol (0x");
                c.o.hexw(u64::from(pro), 4);
                c.s(")");
            }
        }
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
                linkaddr(c, t);
                c.s(")");
            }
            c.s(" tell ");
            proto_addr(c, spa)?;
        }
        2 => {
            proto_addr(c, spa)?;
            c.s(" is-at ");
            linkaddr(c, bytes(d, sha, hln)?);
        }
        3 | 8 => {
            c.s("who-is ");
            linkaddr(c, bytes(d, tha, hln)?);
            c.s(" tell ");
            linkaddr(c, bytes(d, sha, hln)?);
        }
        4 => {
            linkaddr(c, bytes(d, tha, hln)?);
            c.s(" at ");
            proto_addr(c, tpa)?;
        }
        9 => {
            linkaddr(c, bytes(d, sha, hln)?);
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
