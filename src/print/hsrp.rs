//! Cisco HSRP (UDP 1985, RFC 2281): version 0 messages in full, the version
//! number of later ones.

use super::dns::relts;
use super::tcp::print_char;
use super::{Ctx, R, bytes, u8_at};

fn state_name(s: u8) -> Option<&'static str> {
    Some(match s {
        0 => "initial",
        1 => "learn",
        2 => "listen",
        4 => "speak",
        8 => "standby",
        16 => "active",
        _ => return None,
    })
}

/// HSRP over UDP: `d` is the captured payload, `len` the UDP payload length.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "hsrp";
    let version = u8_at(d, 0)?;
    c.s("HSRPv");
    c.dec(version);
    if version != 0 {
        return Ok(());
    }
    c.s("-");
    let op = u8_at(d, 1)?;
    match op {
        0 => c.s("hello"),
        1 => c.s("coup"),
        2 => c.s("resign"),
        _ => {
            c.s("unknown (");
            c.dec(op);
            c.s(")");
        }
    }
    c.s(" ");
    c.dec(len as u64);
    c.s(": ");
    let state = u8_at(d, 2)?;
    c.s("state=");
    match state_name(state) {
        Some(n) => c.s(n),
        None => {
            c.s("Unknown (");
            c.dec(state);
            c.s(")");
        }
    }
    c.s(" ");
    let group = u8_at(d, 6)?;
    c.s("group=");
    c.dec(group);
    c.s(" ");
    let reserved = u8_at(d, 7)?;
    if reserved != 0 {
        c.s("[reserved=");
        c.dec(reserved);
        c.s("!] ");
    }
    let addr = bytes(d, 16, 4)?;
    c.s("addr=");
    c.ipaddr(addr);
    if c.opts.verbose > 0 {
        c.s(" hellotime=");
        relts(c, u32::from(u8_at(d, 3)?));
        c.s(" holdtime=");
        relts(c, u32::from(u8_at(d, 4)?));
        c.s(" priority=");
        c.dec(u8_at(d, 5)?);
        c.s(" auth=\"");
        // Zero-padded text (RFC 2281 section 5.1).
        for i in 0..8 {
            let b = u8_at(d, 8 + i)?;
            if b == 0 {
                break;
            }
            print_char(c, b);
        }
        c.s("\"");
    }
    Ok(())
}
