//! AppleTalk over Ethernet (EtherTalk, ethertype 0x809b): the DDP header
//! and the ATP and NBP messages it carries (EIGRP goes to its printer).

use super::super::out::Put;
use super::super::{Ctx, R, be16, be32, u8_at};

/// Length of the long DDP header.
pub(crate) const DDP_SIZE: usize = 13;

/// tcpdump's ataddr_string without a names file: "net.node", or "net" for
/// node 255.
pub(crate) fn ataddr(c: &mut Ctx, net: u16, node: u8) {
    c.dec(net);
    if node != 255 {
        c.s(".");
        c.dec(node);
    }
}

/// A DDP socket: its name for the well-known ones unless -n.
pub(crate) fn socket(c: &mut Ctx, s: u8) {
    let name = match s {
        1 => Some("rtmp"),
        2 => Some("nis"),
        4 => Some("echo"),
        6 => Some("zip"),
        _ => None,
    };
    match name {
        Some(n) if !c.opts.numeric => c.s(n),
        _ => c.dec(s),
    }
}

/// AppleTalk reached by its ethertype (or ARCNET type): "et1 " first with -v.
pub(crate) fn print_et1(c: &mut Ctx, d: &[u8], length: usize) -> R {
    if c.opts.verbose > 0 {
        c.s("et1 ");
    }
    print(c, d, length)
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "atalk";
    if !c.opts.link_header {
        c.s("AT ");
    }
    if length < DDP_SIZE {
        c.s(" [|ddp ");
        c.dec(length as u64);
        c.s("]");
        return Ok(());
    }
    if d.len() < DDP_SIZE {
        c.s(" [|ddp]");
        return Ok(());
    }
    let (dnet, snet) = (be16(d, 4)?, be16(d, 6)?);
    let (dnode, snode, dskt, sskt, ty) = (
        u8_at(d, 8)?,
        u8_at(d, 9)?,
        u8_at(d, 10)?,
        u8_at(d, 11)?,
        u8_at(d, 12)?,
    );
    ataddr(c, snet, snode);
    c.s(".");
    socket(c, sskt);
    c.s(" > ");
    ataddr(c, dnet, dnode);
    c.s(".");
    socket(c, dskt);
    c.s(": ");
    payload(
        c,
        &d[DDP_SIZE..],
        length - DDP_SIZE,
        ty,
        (snet, snode, sskt),
    )
}

/// A DDP payload of type `ty` from `src` (network, node, socket), after a long
/// or (LocalTalk) short DDP header.
pub(crate) fn payload(c: &mut Ctx, body: &[u8], length: usize, ty: u8, src: (u16, u8, u8)) -> R {
    match ty {
        2 => nbp(c, body, length, src),
        3 => atp(c, body, length),
        88 => super::super::eigrp::print(c, body, length),
        _ => {
            c.s(" at-");
            match ty {
                1 => c.s("rtmp"),
                5 => c.s("rtmpReq"),
                4 => c.s("echo"),
                22 => c.s("IP"),
                23 => c.s("ARP"),
                0x4b => c.s("KLAP"),
                _ => {
                    c.s("#");
                    c.dec(ty);
                }
            }
            c.s(" ");
            c.dec(length as u64);
            Ok(())
        }
    }
}

fn bitmap(c: &mut Ctx, bm: u8) {
    let mut bm = u32::from(bm);
    if (bm + 1) & bm != 0 {
        let mut sep = "<";
        let mut i = 0u32;
        while bm != 0 {
            if bm & 1 != 0 {
                c.s(sep);
                c.dec(i);
                sep = ",";
            }
            bm >>= 1;
            i += 1;
        }
        c.s(">");
    } else {
        let mut i = 0u32;
        while bm != 0 {
            bm >>= 1;
            i += 1;
        }
        if i > 1 {
            c.s("<0-");
            c.dec(i - 1);
            c.s(">");
        } else {
            c.s("<0>");
        }
    }
}

/// "[A,B]" of the flags set, as tcpdump lists them.
fn flag_list(c: &mut Ctx, control: u8, flags: &[(u8, &str)]) {
    let mut sep = "[";
    for &(bit, name) in flags {
        if control & bit != 0 {
            c.s(sep);
            c.s(name);
            sep = ",";
        }
    }
    if sep == "," {
        c.s("]");
    }
}

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
    let bm = u8_at(d, 1)?;
    let tid = be16(d, 2)?;
    const XO: u8 = 0x20;
    const EOM: u8 = 0x10;
    const STS: u8 = 0x08;
    match control & 0xc0 {
        0x40 => {
            c.s(" atp-req");
            c.s(if control & XO != 0 { "  " } else { "* " });
            c.dec(tid);
            bitmap(c, bm);
            if length != 0 {
                c.s(" [len=");
                c.dec(length as u64);
                c.s("]");
            }
            c.s(match control & (EOM | STS) {
                EOM => " [EOM]",
                STS => " [STS]",
                0x18 => " [EOM,STS]",
                _ => "",
            });
        }
        0x80 => {
            c.s(" atp-resp");
            c.s(if control & EOM != 0 { "*" } else { " " });
            c.dec(tid);
            c.s(":");
            c.dec(bm);
            c.s(" (");
            c.dec(length as u64);
            c.s(")");
            c.s(match control & (XO | STS) {
                XO => " [XO]",
                STS => " [STS]",
                0x28 => " [XO,STS]",
                _ => "",
            });
        }
        0xc0 => {
            c.s(" atp-rel  ");
            c.dec(tid);
            bitmap(c, bm);
            if length != 0 {
                c.s(" [len=");
                c.dec(length as u64);
                c.s("]");
            }
            flag_list(c, control, &[(XO, "XO"), (EOM, "EOM"), (STS, "STS")]);
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

/// A counted string; false when it ended the name (truncated or too long).
fn cstring(c: &mut Ctx, d: &[u8], at: &mut usize) -> R<bool> {
    if *at >= d.len() {
        c.trunc_mark();
        return Ok(false);
    }
    let n = u8_at(d, *at)?;
    *at += 1;
    if n > 32 {
        c.s("[len=");
        c.dec(n);
        c.s("]");
        return Ok(false);
    }
    for _ in 0..n {
        if *at >= d.len() {
            c.trunc_mark();
            return Ok(false);
        }
        super::super::tcp::print_char(c, u8_at(d, *at)?);
        *at += 1;
    }
    Ok(true)
}

/// ` "object:type@zone"` of the tuple at `t`; where the next tuple starts,
/// if the name was complete.
fn name(c: &mut Ctx, d: &[u8], t: usize) -> R<Option<usize>> {
    let mut at = t + 5;
    c.s(" \"");
    for sep in [":", "@", "\""] {
        if !cstring(c, d, &mut at)? {
            return Ok(None);
        }
        c.s(sep);
    }
    Ok(Some(at))
}

fn nbp(c: &mut Ctx, d: &[u8], length: usize, src: (u16, u8, u8)) -> R {
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
    let t = 2usize;
    match control & 0xf0 {
        k @ (0x10 | 0x20) => {
            c.s(if k == 0x20 {
                " nbp-lkup "
            } else {
                " nbp-brRq "
            });
            c.dec(id);
            c.s(":");
            if d.len() < t + 5 {
                c.trunc_mark();
                return Ok(());
            }
            name(c, d, t)?;
            if control & 0x0f != 1 {
                c.s(" [ntup=");
                c.dec(control & 0x0f);
                c.s("]");
            }
            let e = u8_at(d, t + 4)?;
            if e != 0 {
                c.s(" [enum=");
                c.dec(e);
                c.s("]");
            }
            let (net, node, skt) = (be16(d, t)?, u8_at(d, t + 2)?, u8_at(d, t + 3)?);
            if (net, node, skt) != src {
                c.s(" [addr=");
                ataddr(c, net, node);
                c.s(".");
                c.dec(skt);
                c.s("]");
            }
        }
        0x30 => {
            c.s(" nbp-reply ");
            c.dec(id);
            c.s(":");
            let mut tp = Some(t);
            let mut i = control & 0x0f;
            while i != 0 {
                let Some(at) = tp else { break };
                tp = tuple(c, d, at, src)?;
                i -= 1;
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

fn tuple(c: &mut Ctx, d: &[u8], t: usize, src: (u16, u8, u8)) -> R<Option<usize>> {
    if d.len() < t + 5 {
        c.trunc_mark();
        return Ok(None);
    }
    let next = name(c, d, t)?;
    let e = u8_at(d, t + 4)?;
    if e != 1 {
        c.s("(");
        c.dec(e);
        c.s(")");
    }
    let skt = u8_at(d, t + 3)?;
    if skt != src.2 {
        c.s(" ");
        c.dec(skt);
    }
    let (net, node) = (be16(d, t)?, u8_at(d, t + 2)?);
    if net != src.0 || node != src.1 {
        c.s(" [addr=");
        ataddr(c, net, node);
        c.s("]");
    }
    Ok(next)
}
