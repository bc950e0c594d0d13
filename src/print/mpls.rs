//! MPLS label stacks (RFC 3032) and the IPv4/IPv6 packets under them.

use super::{Ctx, R, be32, u8_at};

const LABEL_NAMES: [&str; 16] = [
    "IPv4 explicit NULL",
    "router alert",
    "IPv6 explicit NULL",
    "implicit NULL",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
    "rsvd",
];

/// A label stack and its payload (Ethernet types 0x8847/0x8848, PPP).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "mpls";
    if c.depth >= super::MAX_DEPTH {
        c.trunc_mark();
        return Ok(());
    }
    c.depth += 1;
    let r = print_inner(c, d, length);
    c.depth -= 1;
    r
}

fn print_inner(c: &mut Ctx, d: &[u8], mut length: usize) -> R {
    c.s("MPLS");
    let mut p = 0usize;
    let mut depth = 0u32;
    let v = c.opts.verbose > 0;
    let label = loop {
        if length < 4 {
            c.invalid();
            // tcpdump then checks the rest was captured (a longjmp when not).
            if d.len() - p < length {
                return Err(super::Trunc);
            }
            return Ok(());
        }
        let e = be32(d, p)?;
        let label = e >> 12;
        c.s(if depth > 0 && v { "\n\t" } else { " " });
        c.s("(label ");
        c.dec(label);
        depth += 1;
        if v && (label as usize) < LABEL_NAMES.len() {
            c.s(" (");
            c.s(LABEL_NAMES[label as usize]);
            c.s(")");
        }
        c.s(", tc ");
        c.dec((e >> 9) & 7);
        let bos = e & 0x100 != 0;
        if bos {
            c.s(", [S]");
        }
        c.s(", ttl ");
        c.dec(e & 0xff);
        c.s(")");
        p += 4;
        length -= 4;
        if bos {
            break label;
        }
    };
    let payload = &d[p..];
    let v6 = match label {
        0 | 3 => false,
        2 => true,
        _ => {
            if length < 1 {
                return Ok(());
            }
            let b = u8_at(payload, 0)?;
            match b {
                0x45..=0x4f => false,
                0x60..=0x6f => true,
                0x81..=0x83 => {
                    c.s(if v { "\n\t" } else { " " });
                    return super::osi::print(c, payload, length);
                }
                _ => {
                    // tcpdump's hex dump of a payload cut short prints what was
                    // captured and then longjmps: the mark, and -x/-A dump the
                    // whole frame.
                    if !c.opts.suppress_default_print() {
                        c.default_print(super::cut(payload, length));
                        if payload.len() < length {
                            return Err(super::Trunc);
                        }
                    }
                    return Ok(());
                }
            }
        }
    };
    c.s(if v { "\n\t" } else { " " });
    if v6 {
        super::ip6::print(c, payload, length)
    } else {
        super::ip::print(c, payload, length)
    }
}
