//! AppleTalk as tcpdump prints it where rfilter reaches it outside
//! Ethernet: DDP datagrams over BSD loopback (AF 16), LocalTalk LLAP frames
//! (DLT_LTALK, with long and short DDP headers) and LLAP in UDP (KIP), with
//! the DDP payloads tcpdump decodes: NBP (name binding) and ATP
//! (transactions); the others (RTMP, ZIP, echo, …) show as their type and
//! length. DDP over Ethernet, SNAP and ARCnet and AARP are printed by
//! `l2proto::atalk` and `l2proto::aarp`.

use super::out::Put;
use super::{Ctx, R, be16, be32, u8_at};

/// Long DDP header: length, checksum, destination and source network,
/// node and socket, type.
const DDP_LEN: usize = 13;
/// Short DDP header (LocalTalk, same network): length, sockets, type.
const SHORT_DDP_LEN: usize = 5;
/// LLAP header: destination and source node, type.
const LAP_LEN: usize = 3;

const DDP_NBP: u8 = 2;
const DDP_ATP: u8 = 3;
const DDP_EIGRP: u8 = 88;

/// DLT_LTALK (114): one LLAP frame.
pub(crate) fn ltalk(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ltalk";
    let h = llap(c, d, length)?;
    // A frame cut short by the capture counts wholly as link header.
    Ok(if h == 0 { d.len() } else { h })
}

/// An AppleTalk network/node address: "net.node", or just the network for
/// the broadcast node 255.
fn addr(c: &mut Ctx, net: u16, node: u8) {
    c.dec(net);
    if node != 255 {
        c.s(".");
        c.dec(node);
    }
}

/// A DDP socket, named for the well-known ones unless `-n`.
fn socket(c: &mut Ctx, skt: u8) {
    let name = match skt {
        1 => Some("rtmp"),
        2 => Some("nis"),
        4 => Some("echo"),
        6 => Some("zip"),
        _ => None,
    };
    match name {
        Some(n) if !c.opts.numeric => c.s(n),
        _ => c.dec(skt),
    }
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
            addr(c, 0, src);
            c.s(".");
            socket(c, sskt);
            c.s(" > ");
            addr(c, 0, dst);
            c.s(".");
            socket(c, dskt);
            c.s(":");
            let body = &p[SHORT_DDP_LEN..];
            ddp(c, body, length - SHORT_DDP_LEN, t, 0, src, sskt)?;
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
            let (snet, snode, sskt, t) = ddp_header(c, p)?;
            c.s(":");
            ddp(c, &p[DDP_LEN..], length - DDP_LEN, t, snet, snode, sskt)?;
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

/// "SNET.SNODE.SSKT > DNET.DNODE.DSKT" of a long DDP header; returns the
/// source network, node and socket and the DDP type.
fn ddp_header(c: &mut Ctx, p: &[u8]) -> R<(u16, u8, u8, u8)> {
    let snet = be16(p, 6)?;
    let snode = u8_at(p, 9)?;
    let sskt = u8_at(p, 11)?;
    addr(c, snet, snode);
    c.s(".");
    socket(c, sskt);
    c.s(" > ");
    addr(c, be16(p, 4)?, u8_at(p, 8)?);
    c.s(".");
    socket(c, u8_at(p, 10)?);
    Ok((snet, snode, sskt, u8_at(p, 12)?))
}

/// A DDP datagram with its long header (tcpdump's atalk_print).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "atalk";
    if !c.opts.link_header {
        c.s("AT ");
    }
    if length < DDP_LEN {
        c.s(" [|ddp ");
        c.dec(length as u64);
        c.s("]");
        return Ok(());
    }
    if d.len() < DDP_LEN {
        c.s(" [|ddp]");
        return Ok(());
    }
    let (snet, snode, sskt, t) = ddp_header(c, d)?;
    c.s(": ");
    ddp(c, &d[DDP_LEN..], length - DDP_LEN, t, snet, snode, sskt)
}

/// The DDP payload by type.
fn ddp(c: &mut Ctx, d: &[u8], length: usize, t: u8, snet: u16, snode: u8, skt: u8) -> R {
    match t {
        DDP_NBP => nbp(c, d, length, snet, snode, skt),
        DDP_ATP => atp(c, d, length),
        DDP_EIGRP => super::eigrp::print(c, d, length),
        _ => {
            c.s(" at-");
            match t {
                1 => c.s("rtmp"),
                5 => c.s("rtmpReq"),
                4 => c.s("echo"),
                22 => c.s("IP"),
                23 => c.s("ARP"),
                0x4b => c.s("KLAP"),
                _ => {
                    c.s("#");
                    c.dec(t);
                }
            }
            c.s(" ");
            c.dec(length as u64);
            Ok(())
        }
    }
}

/// ATP: request, response or release, with the transaction id and bitmap.
fn atp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    if d.len() < 8 {
        c.trunc_mark();
        return Ok(());
    }
    if length < 8 {
        c.s(" [|atp ");
        c.dec(length as u64);
        c.s("]");
        return Ok(());
    }
    let length = length - 8;
    let control = u8_at(d, 0)?;
    let bitmap = u8_at(d, 1)?;
    let tid = be16(d, 2)?;
    const XO: u8 = 0x20;
    const EOM: u8 = 0x10;
    const STS: u8 = 0x08;
    let flags = |c: &mut Ctx, a: u8, an: &str, b: u8, bn: &str| {
        let set: Vec<&str> = [(a, an), (b, bn)]
            .iter()
            .filter(|(bit, _)| control & bit != 0)
            .map(|&(_, n)| n)
            .collect();
        if !set.is_empty() {
            c.s(" [");
            c.s(&set.join(","));
            c.s("]");
        }
    };
    match control & 0xc0 {
        0x40 => {
            c.s(" atp-req");
            c.s(if control & XO != 0 { " " } else { "*" });
            c.s(" ");
            c.dec(tid);
            atp_bitmap(c, bitmap);
            if length != 0 {
                c.s(" [len=");
                c.dec(length as u64);
                c.s("]");
            }
            flags(c, EOM, "EOM", STS, "STS");
        }
        0x80 => {
            c.s(" atp-resp");
            c.s(if control & EOM != 0 { "*" } else { " " });
            c.dec(tid);
            c.s(":");
            c.dec(bitmap);
            c.s(" (");
            c.dec(length as u64);
            c.s(")");
            flags(c, XO, "XO", STS, "STS");
        }
        0xc0 => {
            c.s(" atp-rel  ");
            c.dec(tid);
            atp_bitmap(c, bitmap);
            if length != 0 {
                c.s(" [len=");
                c.dec(length as u64);
                c.s("]");
            }
            let set: Vec<&str> = [(XO, "XO"), (EOM, "EOM"), (STS, "STS")]
                .iter()
                .filter(|(bit, _)| control & bit != 0)
                .map(|&(_, n)| n)
                .collect();
            if !set.is_empty() {
                c.s("[");
                c.s(&set.join(","));
                c.s("]");
            }
        }
        _ => {
            c.s(" atp-0x");
            c.o.hex(u64::from(control));
            c.s("  ");
            c.dec(tid);
            c.s(" (");
            c.dec(length as u64);
            c.s(")");
        }
    }
    let data = be32(d, 4)?;
    if data != 0 {
        c.s(" 0x");
        c.o.hex(u64::from(data));
    }
    Ok(())
}

/// The packets of a response a bitmap asks for: a range from 0 when the
/// bits are contiguous from bit 0, else a list.
fn atp_bitmap(c: &mut Ctx, bm: u8) {
    let contiguous = (u16::from(bm) + 1) & u16::from(bm) == 0;
    if !contiguous {
        let mut sep = "<";
        for i in 0..8 {
            if bm & (1 << i) != 0 {
                c.s(sep);
                c.dec(i as u64);
                sep = ",";
            }
        }
        c.s(">");
    } else {
        let n = 8 - bm.leading_zeros();
        if n > 1 {
            c.s("<0-");
            c.dec(u64::from(n - 1));
            c.s(">");
        } else {
            c.s("<0>");
        }
    }
}

/// NBP: lookups and broadcast requests with their one tuple, replies with
/// all of theirs.
fn nbp(c: &mut Ctx, d: &[u8], length: usize, snet: u16, snode: u8, skt: u8) -> R {
    if length < 2 {
        c.s(" truncated-nbp ");
        c.dec(length as u64);
        return Ok(());
    }
    if length - 2 < 8 {
        c.s(" truncated-nbp ");
        c.dec(length as u64);
        return Ok(());
    }
    if d.len() < 2 {
        c.trunc_mark();
        return Ok(());
    }
    let control = u8_at(d, 0)?;
    let id = u8_at(d, 1)?;
    let kind = control & 0xf0;
    match kind {
        0x10 | 0x20 => {
            c.s(if kind == 0x20 {
                " nbp-lkup "
            } else {
                " nbp-brRq "
            });
            c.dec(id);
            c.s(":");
            if d.len() < 2 + 5 {
                c.trunc_mark();
                return Ok(());
            }
            name(c, d, 2);
            if control & 0xf != 1 {
                c.s(" [ntup=");
                c.dec(control & 0xf);
                c.s("]");
            }
            let enumerator = u8_at(d, 6)?;
            if enumerator != 0 {
                c.s(" [enum=");
                c.dec(enumerator);
                c.s("]");
            }
            let (net, node, tskt) = (be16(d, 2)?, u8_at(d, 4)?, u8_at(d, 5)?);
            if net != snet || node != snode || tskt != skt {
                c.s(" [addr=");
                addr(c, net, node);
                c.s(".");
                c.dec(tskt);
                c.s("]");
            }
        }
        0x30 => {
            c.s(" nbp-reply ");
            c.dec(id);
            c.s(":");
            let mut at = Some(2);
            let mut n = control & 0xf;
            while n != 0 {
                let Some(t) = at else { break };
                at = tuple(c, d, t, snet, snode, skt)?;
                n -= 1;
            }
        }
        _ => {
            c.s(" nbp-0x");
            c.o.hex(u64::from(control));
            c.s("  ");
            c.dec(id);
            c.s(" (");
            c.dec((length - 2) as u64);
            c.s(")");
        }
    }
    Ok(())
}

/// One tuple of a reply: the name, then what differs from the sender.
/// Returns where the next tuple starts, None when this one was cut short.
fn tuple(c: &mut Ctx, d: &[u8], at: usize, snet: u16, snode: u8, skt: u8) -> R<Option<usize>> {
    if d.len() < at + 5 {
        c.trunc_mark();
        return Ok(None);
    }
    let next = name(c, d, at);
    let enumerator = u8_at(d, at + 4)?;
    if enumerator != 1 {
        c.s("(");
        c.dec(enumerator);
        c.s(")");
    }
    let tskt = u8_at(d, at + 3)?;
    if tskt != skt {
        c.s(" ");
        c.dec(tskt);
    }
    let (net, node) = (be16(d, at)?, u8_at(d, at + 2)?);
    if net != snet || node != snode {
        c.s(" [addr=");
        addr(c, net, node);
        c.s("]");
    }
    Ok(next)
}

/// The entity name of the tuple at `at` ("object:type@zone", quoted);
/// returns the offset after it, None if it was cut short or malformed.
fn name(c: &mut Ctx, d: &[u8], at: usize) -> Option<usize> {
    c.s(" \"");
    let mut p = at + 5;
    for sep in [":", "@", "\""] {
        p = counted_string(c, d, p)?;
        c.s(sep);
    }
    Some(p)
}

/// A length-prefixed string of at most 32 characters.
fn counted_string(c: &mut Ctx, d: &[u8], at: usize) -> Option<usize> {
    let Some(&n) = d.get(at) else {
        c.trunc_mark();
        return None;
    };
    if n > 32 {
        c.s("[len=");
        c.dec(n);
        c.s("]");
        return None;
    }
    let mut p = at + 1;
    for _ in 0..n {
        let Some(&b) = d.get(p) else {
            c.trunc_mark();
            return None;
        };
        super::tcp::print_char(c, b);
        p += 1;
    }
    Some(p)
}
