//! LocalTalk: LLAP frames (DLT_LTALK, with long and short DDP headers) and
//! LLAP in UDP (KIP), as tcpdump prints them. The DDP payloads (NBP, ATP, …)
//! and DDP with its long header everywhere else (Ethernet, SNAP, ARCnet, BSD
//! loopback) are `l2proto::atalk`'s.

use super::l2proto::atalk as ddp;
use super::{Ctx, R, be16, u8_at};

/// Long DDP header: length, checksum, destination and source network,
/// node and socket, type.
const DDP_LEN: usize = ddp::DDP_SIZE;
/// Short DDP header (LocalTalk, same network): length, sockets, type.
const SHORT_DDP_LEN: usize = 5;
/// LLAP header: destination and source node, type.
const LAP_LEN: usize = 3;

/// DLT_LTALK (114): one LLAP frame.
pub(crate) fn ltalk(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ltalk";
    let h = llap(c, d, length)?;
    // A frame cut short by the capture counts wholly as link header.
    Ok(if h == 0 { d.len() } else { h })
}

/// An LLAP frame (LocalTalk, or UDP-encapsulated KIP); returns its header
/// length, 0 when the capture cut it short.
pub(crate) fn llap(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "llap";
    if length < LAP_LEN {
        c.s(" [|llap ");
        c.dec(length as u64);
        c.s("]");
        return Ok(length);
    }
    if d.len() < LAP_LEN {
        c.trunc_mark();
        return Ok(0);
    }
    let dst = u8_at(d, 0)?;
    let src = u8_at(d, 1)?;
    let lap_type = u8_at(d, 2)?;
    let p = &d[LAP_LEN..];
    let length = length - LAP_LEN;
    match lap_type {
        1 => {
            if length < SHORT_DDP_LEN {
                c.s(" [|sddp ");
                c.dec(length as u64);
                c.s("]");
                return Ok(length);
            }
            if p.len() < SHORT_DDP_LEN {
                c.s(" [|sddp]");
                return Ok(0);
            }
            let (dskt, sskt, t) = (u8_at(p, 2)?, u8_at(p, 3)?, u8_at(p, 4)?);
            ddp::ataddr(c, 0, src);
            c.s(".");
            ddp::socket(c, sskt);
            c.s(" > ");
            ddp::ataddr(c, 0, dst);
            c.s(".");
            ddp::socket(c, dskt);
            c.s(":");
            let body = &p[SHORT_DDP_LEN..];
            ddp::payload(c, body, length - SHORT_DDP_LEN, t, (0, src, sskt))?;
            Ok(LAP_LEN + SHORT_DDP_LEN)
        }
        2 => {
            if length < DDP_LEN {
                c.s(" [|ddp ");
                c.dec(length as u64);
                c.s("]");
                return Ok(length);
            }
            if p.len() < DDP_LEN {
                c.s(" [|ddp]");
                return Ok(0);
            }
            let snet = be16(p, 6)?;
            let (snode, sskt, t) = (u8_at(p, 9)?, u8_at(p, 11)?, u8_at(p, 12)?);
            ddp::ataddr(c, snet, snode);
            c.s(".");
            ddp::socket(c, sskt);
            c.s(" > ");
            ddp::ataddr(c, be16(p, 4)?, u8_at(p, 8)?);
            c.s(".");
            ddp::socket(c, u8_at(p, 10)?);
            // tcpdump's llap_print: no blank after the colon here.
            c.s(":");
            ddp::payload(c, &p[DDP_LEN..], length - DDP_LEN, t, (snet, snode, sskt))?;
            Ok(LAP_LEN + DDP_LEN)
        }
        _ => {
            c.dec(src);
            c.s(" > ");
            c.dec(dst);
            c.s(" at-lap#");
            c.dec(lap_type);
            c.s(" ");
            c.dec(length as u64);
            Ok(LAP_LEN)
        }
    }
}

/// UDP ports of AppleTalk in UDP (KIP): 200-327, 768-895 and 16512-16639.
pub(crate) fn kip_port(sport: u16, dport: u16) -> bool {
    let at = |p: u16| matches!(p, 200..=327 | 768..=895 | 16512..=16639);
    at(sport) || at(dport)
}

/// An LLAP frame in UDP (tcpdump shows "kip" with -v).
pub(crate) fn kip(c: &mut Ctx, d: &[u8], length: usize) -> R {
    if c.opts.verbose > 0 {
        c.s("kip ");
    }
    llap(c, d, length)?;
    Ok(())
}
