//! AFS rx (UDP ports 7000-7009): the rx header tcpdump prints. The AFS service
//! decodes of first data packets and acknowledgement bodies are not done yet.

use super::{Ctx, Put, R, be16, be32, u8_at};

/// Size of the rx header.
const HDR: usize = 28;

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "rx";
    if d.len() < HDR {
        c.s(" [|rx] (");
        c.dec(len as u64);
        c.s(")");
        return Ok(());
    }
    let ty = u8_at(d, 20)?;
    c.s(" rx ");
    match ty {
        1 => c.s("data"),
        2 => c.s("ack"),
        3 => c.s("busy"),
        4 => c.s("abort"),
        5 => c.s("ackall"),
        6 => c.s("challenge"),
        7 => c.s("response"),
        8 => c.s("debug"),
        9 => c.s("params"),
        13 => c.s("version"),
        _ => {
            c.s("type ");
            c.dec(ty);
        }
    }
    let flags = u8_at(d, 21)?;
    let v = c.opts.verbose;
    if v > 0 {
        if v > 1 {
            c.s(" cid ");
            c.o.hexw(u64::from(be32(d, 4)?), 8);
            c.s(" call# ");
            c.dec(be32(d, 8)?);
        }
        c.s(" seq ");
        c.dec(be32(d, 12)?);
        c.s(" ser ");
        c.dec(be32(d, 16)?);
        if v > 2 {
            c.s(" secindex ");
            c.dec(u8_at(d, 23)?);
            c.s(" serviceid ");
            c.dec(be16(d, 26)?);
        }
        if v > 1 {
            let mut first = true;
            for (bit, only, name) in [
                (1u8, 0u8, "client-init"),
                (2, 0, "req-ack"),
                (4, 0, "last-pckt"),
                (8, 0, "more-pckts"),
                (16, 0, "free-pckt"),
                (32, 2, "slow-start"),
                (32, 1, "jumbogram"),
            ] {
                if flags & bit != 0 && (only == 0 || ty == only) {
                    c.s(if first { " " } else { "," });
                    first = false;
                    c.s("<");
                    c.s(name);
                    c.s(">");
                }
            }
        }
    }
    c.s(" (");
    c.dec(len as u64);
    c.s(")");
    Ok(())
}
