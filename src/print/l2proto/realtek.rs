//! Realtek layer-2 protocols (ethertype 0x8899): RRCP, REP, RLDP and the
//! switch tags that share the type.

use super::super::out::Put;
use super::super::{Ctx, R, be16, be32, bytes, u8_at};

fn le16(d: &[u8], off: usize) -> R<u16> {
    let b = bytes(d, off, 2)?;
    Ok(u16::from_le_bytes([b[0], b[1]]))
}

fn le32(d: &[u8], off: usize) -> R<u32> {
    let b = bytes(d, off, 4)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn rrcp(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "rrcp";
    let b = u8_at(d, 1)?;
    let (op, reply) = (b & 0x7f, b & 0x80 != 0);
    c.s("RRCP ");
    c.s(if reply { "reply" } else { "query" });
    c.s(": ");
    match op {
        0 => c.s("hello"),
        1 => c.s("get"),
        2 => c.s("set"),
        _ => {
            c.s("unknown opcode (0x");
            c.o.hexw(u64::from(op), 2);
            c.s(")");
        }
    }
    let getset = op == 1 || op == 2;
    if getset {
        let (addr, data) = (le16(d, 4)?, le32(d, 6)?);
        c.s(" addr=0x");
        c.o.hexw(u64::from(addr), 4);
        c.s(", data=0x");
        c.o.hexw(u64::from(data), 8);
    }
    let auth = be16(d, 2)?;
    c.s(", auth=0x");
    c.o.hexw(u64::from(auth), 4);
    if op == 0 && reply {
        let (down, up, mac) = (u8_at(d, 4)?, u8_at(d, 5)?, bytes(d, 6, 6)?);
        let (vendor, chip) = (be32(d, 14)?, be16(d, 12)?);
        c.s(" downlink_port=");
        c.dec(down);
        c.s(", uplink_port=");
        c.dec(up);
        c.s(", uplink_mac=");
        c.etheraddr(mac);
        c.s(", vendor_id=");
        c.o.hexw(u64::from(vendor), 8);
        c.s(" ,chip_id=");
        c.o.hexw(u64::from(chip), 4);
        c.s(" ");
    } else if getset {
        let (c2, c1) = (be32(d, 14)?, be32(d, 10)?);
        c.s(", cookie=0x");
        c.o.hexw(u64::from(c2), 8);
        c.o.hexw(u64::from(c1), 8);
        c.s(" ");
    }
    Ok(())
}

/// `addrs` are the frame's source and destination addresses, if the link
/// has them.
pub(crate) fn print(c: &mut Ctx, d: &[u8], addrs: Option<(&[u8], &[u8])>) -> R {
    c.proto = "rtl";
    if let Some((src, dst)) = addrs {
        c.etheraddr(src);
        c.s(" > ");
        c.etheraddr(dst);
        c.s(", ");
    }
    let p = u8_at(d, 0)?;
    match p {
        0x01 => rrcp(c, d)?,
        0x02 => c.s("REP"),
        0x03 | 0x23 => c.s("RLDP"),
        0x04 => c.s("Realtek 8-byte DSA tag"),
        _ if p & 0xf0 == 0x90 => c.s("Realtek RTL8306 4-byte DSA tag"),
        _ if p & 0xf0 == 0xa0 => c.s("Realtek RTL8366RB 4-byte DSA tag"),
        _ => {
            c.s("Realtek unknown type 0x");
            c.o.hexw(u64::from(p), 2);
        }
    }
    Ok(())
}
