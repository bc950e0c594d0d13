//! Cisco auto-RP (UDP 496): candidate-RP announcements and RP mappings, each
//! RP with its PIM versions and group ranges.

use super::out::Put;
use super::{Ctx, R, be16, bytes, u8_at};

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "cisco_autorp";
    // Lengths that run out are tcpdump's own check (its mark, no longjmp);
    // a capture that runs out fails a read (the caller's mark).
    if !body(c, d, len)? {
        c.trunc_mark();
    }
    Ok(())
}

/// Ok(false) where the UDP length runs out.
fn body(c: &mut Ctx, d: &[u8], mut len: usize) -> R<bool> {
    if len < 8 {
        return Ok(false);
    }
    c.s(" auto-rp ");
    let t = u8_at(d, 0)?;
    match t {
        0x11 => c.s("candidate-advert"),
        0x12 => c.s("mapping"),
        _ => {
            c.s("type-0x");
            c.o.hexw(u64::from(t), 2);
        }
    }
    let mut numrps = u8_at(d, 1)?;
    c.s(" Hold ");
    let hold = be16(d, 2)?;
    if hold != 0 {
        super::dns::relts(c, u32::from(hold));
    } else {
        c.s("FOREVER");
    }
    let mut p = 8;
    len -= 8;
    while numrps != 0 {
        if len < 4 {
            return Ok(false);
        }
        let rp = bytes(d, p, 4)?;
        c.s(" RP ");
        c.ipaddr(rp);
        p += 4;
        len -= 4;
        if len < 1 {
            return Ok(false);
        }
        let v = u8_at(d, p)?;
        c.s(match v & 3 {
            0 => " PIMv?",
            1 => " PIMv1",
            2 => " PIMv2",
            _ => " PIMv1+2",
        });
        if v & 0xfc != 0 {
            c.s(" [rsvd=0x");
            c.o.hexw(u64::from(v & 0xfc), 2);
            c.s("]");
        }
        p += 1;
        len -= 1;
        if len < 1 {
            return Ok(false);
        }
        let mut n = u8_at(d, p)?;
        p += 1;
        len -= 1;
        let mut sep = " ";
        while n != 0 {
            if len < 6 {
                return Ok(false);
            }
            let flags = u8_at(d, p)?;
            let src = bytes(d, p + 2, 4)?;
            let mask = u8_at(d, p + 1)?;
            c.s(sep);
            if flags & 1 != 0 {
                c.s("!");
            }
            c.ipaddr(src);
            c.s("/");
            c.dec(mask);
            if flags & 2 != 0 {
                c.s(" bidir");
            }
            if flags & 0xfc != 0 {
                c.s("[rsvd=0x");
                c.o.hexw(u64::from(flags & 0xfc), 2);
                c.s("]");
            }
            sep = ",";
            p += 6;
            len -= 6;
            n -= 1;
        }
        numrps -= 1;
    }
    Ok(true)
}
