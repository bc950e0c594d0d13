//! IPv6 with its extension headers (hop-by-hop, destination options, routing,
//! fragment).

use super::ip::{IpInfo, demux, proto_name};
use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, bytes, cut, u8_at};

fn opt_print(c: &mut Ctx, d: &[u8]) -> R {
    let mut i = 0;
    while i < d.len() {
        let t = d[i];
        if t == 0 {
            c.s("(pad1)");
            i += 1;
            continue;
        }
        let l = usize::from(u8_at(d, i + 1)?);
        if i + 2 + l > d.len() {
            c.s("[trunc]");
            return Err(Trunc);
        }
        match t {
            1 => c.s("(padn)"),
            5 => {
                if l != 2 {
                    c.s("(rtalert: invalid len ");
                    c.dec(l as u64);
                    c.s(")");
                } else {
                    c.s("(rtalert: 0x");
                    c.o.hexw(u64::from(be16(d, i + 2)?), 4);
                    c.s(") ");
                }
            }
            0xc2 => {
                if l != 4 {
                    c.s("(jumbo: invalid len ");
                    c.dec(l as u64);
                    c.s(")");
                } else {
                    c.s("(jumbo: ");
                    c.dec(be32(d, i + 2)?);
                    c.s(") ");
                }
            }
            _ => {
                c.s("(type 0x");
                c.o.hexw(u64::from(t), 2);
                c.s(": len=");
                c.dec(l as u64);
                c.s(")");
            }
        }
        i += 2 + l;
    }
    Ok(())
}

/// Hop-by-hop or destination options header; returns its length.
fn opts_header(c: &mut Ctx, d: &[u8], name: &'static str, proto: &'static str) -> R<usize> {
    c.proto = proto;
    let len = (usize::from(u8_at(d, 1)?) + 1) << 3;
    let h = bytes(d, 0, len)?;
    c.s(name);
    if c.opts.verbose > 0 {
        opt_print(c, &h[2..])?;
        c.s(" ");
    }
    Ok(len)
}

fn routing(c: &mut Ctx, d: &[u8]) -> R<usize> {
    c.proto = "rt6";
    let len = usize::from(u8_at(d, 1)?);
    let ty = u8_at(d, 2)?;
    let segleft = u8_at(d, 3)?;
    c.s("srcrt (len=");
    c.dec(len as u64);
    c.s(", type=");
    c.dec(ty);
    c.s(", segleft=");
    c.dec(segleft);
    match ty {
        0 | 2 => {
            let rsv = be32(d, 4)?;
            if rsv != 0 {
                c.s(", rsv=0x");
                c.o.hex(u64::from(rsv));
            }
            let n = len / 2;
            for i in 0..n {
                let a = bytes(d, 8 + 16 * i, 16)?;
                c.s(", [");
                c.dec(i as u64);
                c.s("]");
                c.ip6addr(a);
            }
            c.s(") ");
            Ok((len + 1) << 3)
        }
        _ => {
            c.s(") ");
            Ok(usize::MAX)
        }
    }
}

/// An IPv6 packet of claimed length `length` (captured bytes in `d`).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "ip6";
    if d.len() < 40 {
        c.trunc_mark();
        return Ok(());
    }
    if length < 40 {
        c.s("truncated-ip6 ");
        c.dec(length as u64);
        return Ok(());
    }
    if !c.opts.link_header {
        c.s("IP6 ");
    }
    let v = d[0] >> 4;
    if v != 6 {
        c.s("version error: ");
        c.dec(v);
        c.s(" != 6");
        return Ok(());
    }
    let plen = usize::from(be16(d, 4)?);
    let mut len = if plen != 0 {
        let l = plen + 40;
        if length < l {
            c.s("truncated-ip6 - ");
            c.dec((l - length) as u64);
            c.s(" bytes missing!");
        }
        l
    } else {
        length
    };
    let mut nh = d[6];
    if c.opts.verbose > 0 {
        let flow = be32(d, 0)?;
        c.s("(");
        if flow & 0x0ff0_0000 != 0 {
            c.s("class 0x");
            c.o.hexw(u64::from((flow & 0x0ff0_0000) >> 20), 2);
            c.s(", ");
        }
        if flow & 0x000f_ffff != 0 {
            c.s("flowlabel 0x");
            c.o.hexw(u64::from(flow & 0x000f_ffff), 5);
            c.s(", ");
        }
        c.s("hlim ");
        c.dec(d[7]);
        c.s(", next-header ");
        c.s(proto_name(nh).unwrap_or("unknown"));
        c.s(" (");
        c.dec(nh);
        c.s(") payload length: ");
        c.dec(plen as u64);
        c.s(") ");
    }
    let d = cut(d, len);
    let src = &d[8..24];
    let dst = &d[24..40];
    let mut pos = 0usize;
    let mut advance = 40usize;
    let mut fragmented = false;
    while pos < d.len() {
        if len < advance {
            return Err(Trunc);
        }
        pos += advance;
        len -= advance;
        if pos == 40 && !matches!(nh, 6 | 17 | 33 | 132) {
            c.ip6addr(src);
            c.s(" > ");
            c.ip6addr(dst);
            c.s(": ");
        }
        // An extension header's length can point past the captured bytes.
        let cp = d.get(pos..).ok_or(Trunc)?;
        match nh {
            0 => {
                advance = opts_header(c, cp, "HBH ", "hbhopt")?;
                nh = u8_at(cp, 0)?;
            }
            60 => {
                advance = opts_header(c, cp, "DSTOPT ", "dstopt")?;
                nh = u8_at(cp, 0)?;
            }
            44 => {
                c.proto = "frag6";
                let offlg = be16(cp, 2)?;
                let ident = be32(cp, 4)?;
                let fraglen = (40 + plen).wrapping_sub(pos).wrapping_sub(8);
                c.s("frag (");
                if c.opts.verbose > 0 {
                    c.s("0x");
                    c.o.hexw(u64::from(ident), 8);
                    c.s(":");
                }
                c.dec(offlg & 0xfff8);
                c.s("|");
                c.dec(fraglen as u64);
                c.s(")");
                if offlg & 0xfff8 != 0 {
                    return Ok(());
                }
                c.s(" ");
                advance = 8;
                if d.len() <= pos + advance {
                    return Ok(());
                }
                nh = u8_at(cp, 0)?;
                fragmented = true;
            }
            43 => {
                let a = routing(c, cp)?;
                if a == usize::MAX {
                    return Ok(());
                }
                advance = a;
                nh = u8_at(cp, 0)?;
            }
            _ => {
                let info = IpInfo {
                    v6: true,
                    src,
                    dst,
                    ck_dst: dst,
                    hdr_proto: d[6],
                };
                return demux(c, cp, len, &info, fragmented, nh);
            }
        }
    }
    Ok(())
}
