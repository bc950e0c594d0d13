//! Cisco's VLAN Query Protocol (VMPS, UDP 1589): requests and responses and,
//! with `-v`, their objects (client address, port, VLAN and VTP domain names,
//! MAC addresses).

use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, be16, be32, bytes, u8_at};

const HDR_LEN: usize = 8;

fn msg_type(c: &mut Ctx, t: u8) {
    match t {
        1 => c.s("Request, Join Port"),
        2 => c.s("Response, VLAN"),
        3 => c.s("Request, Reconfirm"),
        4 => c.s("Response, Reconfirm"),
        _ => {
            c.s("unknown (");
            c.dec(t);
            c.s(")");
        }
    }
}

fn error_code(e: u8) -> &'static str {
    match e {
        0 => "No error",
        3 => "Access denied",
        4 => "Shutdown port",
        5 => "Wrong VTP domain",
        _ => "unknown",
    }
}

fn obj_name(t: u32) -> &'static str {
    match t {
        0x0c01 => "Client IP Address",
        0x0c02 => "Port Name",
        0x0c03 => "VLAN Name",
        0x0c04 => "VTP Domain",
        0x0c05 => "Ethernet Packet",
        0x0c06 => "MAC Null",
        0x0c08 => "MAC Address",
        _ => "Unknown",
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "vqp";
    bytes(d, 0, HDR_LEN)?;
    if len < HDR_LEN {
        c.invalid();
        return Ok(());
    }
    let version = u8_at(d, 0)?;
    if version != 1 {
        c.s("VQP version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(());
    }
    let (t, err) = (u8_at(d, 1)?, u8_at(d, 2)?);
    if c.opts.verbose < 1 {
        c.s("VQPv1 ");
        msg_type(c, t);
        c.s(" Message, error-code ");
        c.s(error_code(err));
        c.s(" (");
        c.dec(err);
        c.s("), length ");
        c.dec(len as u64);
        return Ok(());
    }
    let mut nitems = u8_at(d, 3)?;
    c.s("\n\tVQPv1, ");
    msg_type(c, t);
    c.s(" Message, error-code ");
    c.s(error_code(err));
    c.s(" (");
    c.dec(err);
    c.s("), seq 0x");
    c.o.hexw(u64::from(be32(d, 4)?), 8);
    c.s(", items ");
    c.dec(nitems);
    c.s(", length ");
    c.dec(len as u64);
    let mut p = HDR_LEN;
    let mut tlen = len - HDR_LEN;
    while nitems != 0 && tlen != 0 {
        bytes(d, p, 6)?;
        if tlen < 6 {
            c.invalid();
            return Ok(());
        }
        let otype = be32(d, p)?;
        let olen = usize::from(be16(d, p + 4)?);
        p += 6;
        tlen -= 6;
        c.s("\n\t  ");
        c.s(obj_name(otype));
        c.s(" Object (0x");
        c.o.hexw(u64::from(otype), 8);
        c.s("), length ");
        c.dec(olen as u64);
        c.s(", value: ");
        if otype == 0 || olen == 0 {
            return Ok(());
        }
        bytes(d, p, olen)?;
        if olen > tlen {
            c.invalid();
            return Ok(());
        }
        match otype {
            0x0c01 => {
                if olen != 4 {
                    c.invalid();
                    return Ok(());
                }
                let a = bytes(d, p, 4)?;
                c.ipaddr(a);
                c.s(" (0x");
                c.o.hexw(u64::from(be32(d, p)?), 8);
                c.s(")");
            }
            0x0c02..=0x0c05 => {
                for i in 0..olen {
                    let b = u8_at(d, p + i)?;
                    if b == 0 {
                        break;
                    }
                    print_char(c, b);
                }
            }
            0x0c06 | 0x0c08 => {
                if olen != 6 {
                    c.invalid();
                    return Ok(());
                }
                let m = bytes(d, p, 6)?;
                c.etheraddr(m);
            }
            _ => {
                if c.opts.verbose <= 1 {
                    unknown_data(c, d, p, "\n\t    ", olen);
                }
            }
        }
        p += olen;
        tlen -= olen;
        nitems -= 1;
    }
    Ok(())
}
