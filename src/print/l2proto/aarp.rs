//! AppleTalk ARP (ethertype 0x80f3).

use super::super::out::Put;
use super::super::{Ctx, R, be16, bytes, u8_at};

/// tcpdump's ataddr_string without a names file: "net.node", or "net" for
/// node 255.
fn ataddr(c: &mut Ctx, a: &[u8]) {
    let net = (u16::from(a[1]) << 8) | u16::from(a[2]);
    c.dec(net);
    if a[3] != 255 {
        c.s(".");
        c.dec(a[3]);
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "aarp";
    c.s("aarp ");
    if d.len() < 28 {
        c.trunc_mark();
        return Ok(());
    }
    if length < 28 {
        c.s(" [|aarp ");
        c.dec(length as u64);
        c.s("]");
        return Ok(());
    }
    let (htype, ptype) = (be16(d, 0)?, be16(d, 2)?);
    let (halen, palen, op) = (u8_at(d, 4)?, u8_at(d, 5)?, be16(d, 6)?);
    let (hs, ps, pd) = (bytes(d, 8, 6)?, bytes(d, 14, 4)?, bytes(d, 24, 4)?);
    if htype == 1 && ptype == 0x809b && halen == 6 && palen == 4 {
        match op {
            1 | 3 => {
                c.s(if op == 1 { "who-has " } else { "probe " });
                ataddr(c, pd);
                c.s(" tell ");
                ataddr(c, ps);
                return Ok(());
            }
            2 => {
                c.s("reply ");
                ataddr(c, ps);
                c.s(" is-at ");
                c.etheraddr(hs);
                return Ok(());
            }
            _ => {}
        }
    }
    c.s("len ");
    c.dec(length as u64);
    c.s(" op ");
    c.dec(op);
    c.s(" htype ");
    c.dec(htype);
    c.s(" ptype ");
    if ptype == 0 {
        c.s("0");
    } else {
        c.s("0x");
        c.o.hex(u64::from(ptype));
    }
    c.s(" halen ");
    c.dec(halen);
    c.s(" palen ");
    c.dec(palen);
    Ok(())
}
