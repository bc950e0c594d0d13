//! IGMP (IP protocol 2) as tcpdump 4.99 prints it: v1/v2/v3 queries and
//! reports, leave, and what rides in IGMP: DVMRP, PIMv1 and mtrace.

use super::dns::relts;
use super::ip::cksum;
use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

fn v3_query(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.s(" v3");
    if len < 12 || len & 3 != 0 {
        c.s(" [invalid len ");
        c.dec(len as u64);
        c.s("]");
        return Ok(());
    }
    let mrc = u32::from(u8_at(d, 1)?);
    let mrt = if mrc < 128 {
        mrc
    } else {
        ((mrc & 0x0f) | 0x10) << (((mrc & 0x70) >> 4) + 3)
    };
    if mrc != 100 {
        c.s(" [max resp time ");
        if mrt < 600 {
            c.dec(mrt / 10);
            c.s(".");
            c.dec(mrt % 10);
            c.s("s");
        } else {
            relts(c, mrt / 10);
        }
        c.s("]");
    }
    if be32(d, 4)? == 0 {
        return Ok(());
    }
    c.s(" [gaddr ");
    c.ipaddr(&d[4..8]);
    let nsrcs = usize::from(be16(d, 10)?);
    if nsrcs > 0 {
        if len < 12 + (nsrcs << 2) {
            c.s(" [invalid number of sources]");
        } else if c.opts.verbose > 1 {
            c.s(" {");
            for i in 0..nsrcs {
                let a = bytes(d, 12 + (i << 2), 4)?;
                c.s(" ");
                c.ipaddr(a);
            }
            c.s(" }");
        } else {
            c.s(", ");
            c.dec(nsrcs as u64);
            c.s(" source(s)");
        }
    }
    c.s("]");
    Ok(())
}

fn v3_report(c: &mut Ctx, d: &[u8], len: usize) -> R {
    if len < 16 || len & 3 != 0 {
        c.s(" [invalid len ");
        c.dec(len as u64);
        c.s("]");
        return Ok(());
    }
    let ngroups = be16(d, 6)?;
    c.s(", ");
    c.dec(ngroups);
    c.s(" group record(s)");
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let mut group = 8usize;
    for _ in 0..ngroups {
        if len < group + 8 {
            c.s(" [invalid number of groups]");
            return Ok(());
        }
        let g = bytes(d, group + 4, 4)?;
        c.s(" [gaddr ");
        c.ipaddr(g);
        let rt = u8_at(d, group)?;
        c.s(" ");
        match rt {
            1 => c.s("is_in"),
            2 => c.s("is_ex"),
            3 => c.s("to_in"),
            4 => c.s("to_ex"),
            5 => c.s("allow"),
            6 => c.s("block"),
            _ => {
                c.s(" [v3-report-#");
                c.dec(rt);
                c.s("]");
            }
        }
        let nsrcs = usize::from(be16(d, group + 2)?);
        if len < group + 8 + (nsrcs << 2) {
            c.s(" [invalid number of sources ");
            c.dec(nsrcs as u64);
            c.s("]");
            return Ok(());
        }
        group_sources(c, d, group + 8, nsrcs, 4)?;
        group += 8 + (nsrcs << 2);
        c.s("]");
    }
    Ok(())
}

fn mtrace(c: &mut Ctx, name: &str, d: &[u8], len: usize) -> R {
    if len < 8 + 16 {
        c.s(" [invalid len ");
        c.dec(len as u64);
        c.s("]");
        return Ok(());
    }
    let q = bytes(d, 21, 3)?;
    let qid = u32::from_be_bytes([0, q[0], q[1], q[2]]);
    let src = bytes(d, 8, 4)?;
    let dst = bytes(d, 12, 4)?;
    let raddr = bytes(d, 16, 4)?;
    c.s(name);
    c.s(" ");
    c.dec(qid);
    c.s(": ");
    c.ipaddr(src);
    c.s(" to ");
    c.ipaddr(dst);
    c.s(" reply-to ");
    c.ipaddr(raddr);
    if raddr[0] & 0xf0 == 0xe0 {
        c.s(" with-ttl ");
        c.dec(u8_at(d, 20)?);
    }
    Ok(())
}

/// Four bytes as a dotted quad, never looked up (tcpdump's intoa).
fn quad(c: &mut Ctx, v: u32) {
    c.o.ipv4(&v.to_be_bytes());
}

/// tcpdump's complaint that fewer bytes are left (`len`) than the next part
/// needs: ` [length LEN < NEED]`, and the packet is marked invalid.
fn short(c: &mut Ctx, len: usize, need: usize) -> R {
    c.s(" [length ");
    c.dec(len as u64);
    c.s(" < ");
    c.dec(need as u64);
    c.s("]");
    c.invalid();
    Ok(())
}

fn dvmrp(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "dvmrp";
    if len < 8 {
        return short(c, len, 8);
    }
    let t = u8_at(d, 1)?;
    let mut len = len - 8;
    let mut p = 8;
    c.s(" ");
    match t {
        1 => c.s("Probe"),
        2 => c.s("Report"),
        3 => c.s("Ask-neighbors(old)"),
        4 => c.s("Neighbors(old)"),
        5 => c.s("Ask-neighbors2"),
        6 => c.s("Neighbors2"),
        7 => c.s("Prune"),
        8 => c.s("Graft"),
        9 => c.s("Graft-ACK"),
        _ => {
            c.s("[type ");
            c.dec(t);
            c.s("]");
        }
    }
    let vv = c.opts.verbose > 1;
    match t {
        1 if c.opts.verbose > 0 => {
            if len < 4 {
                c.s(" [full length ");
                c.dec(len as u64);
                c.s(" < 4]");
                c.invalid();
                return Ok(());
            }
            c.s(if vv { "\n\t" } else { " " });
            let g = be32(d, p)?;
            c.s("genid ");
            c.dec(g);
            if !vv {
                return Ok(());
            }
            p += 4;
            len -= 4;
            while len > 0 {
                if len < 4 {
                    c.s("[remaining length ");
                    c.dec(len as u64);
                    c.s(" < 4]");
                    c.invalid();
                    return Ok(());
                }
                let a = bytes(d, p, 4)?;
                c.s("\n\tneighbor ");
                c.ipaddr(a);
                p += 4;
                len -= 4;
            }
        }
        2 if vv => {
            while len > 0 {
                if len < 3 {
                    return short(c, len, 3);
                }
                let m = bytes(d, p, 3)?;
                let mask =
                    0xff00_0000 | u32::from(m[0]) << 16 | u32::from(m[1]) << 8 | u32::from(m[2]);
                let width = if m[2] != 0 {
                    4
                } else if m[1] != 0 {
                    3
                } else if m[0] != 0 {
                    2
                } else {
                    1
                };
                c.s("\n\tMask ");
                quad(c, mask);
                p += 3;
                len -= 3;
                loop {
                    if len < width + 1 {
                        c.s("\n\t  [Truncated Report]");
                        c.invalid();
                        return Ok(());
                    }
                    let mut origin = 0u32;
                    for i in 0..width {
                        origin = origin << 8 | u32::from(u8_at(d, p + i)?);
                    }
                    origin <<= 8 * (4 - width) as u32;
                    let metric = u8_at(d, p + width)?;
                    p += width + 1;
                    c.s("\n\t  ");
                    quad(c, origin);
                    c.s(" metric ");
                    c.dec(metric & 0x7f);
                    len -= width + 1;
                    if metric & 0x80 != 0 {
                        break;
                    }
                }
            }
        }
        4 => {
            while len > 0 {
                if len < 7 {
                    return short(c, len, 7);
                }
                let laddr = p;
                let metric = u8_at(d, p + 4)?;
                let thresh = u8_at(d, p + 5)?;
                let n = u8_at(d, p + 6)?;
                p += 7;
                len -= 7;
                for _ in 0..n {
                    if len < 4 {
                        return short(c, len, 4);
                    }
                    let la = bytes(d, laddr, 4)?;
                    c.s(" [");
                    c.ipaddr(la);
                    c.s(" ->");
                    let a = bytes(d, p, 4)?;
                    c.s(" ");
                    c.ipaddr(a);
                    c.s(", (");
                    c.dec(metric);
                    c.s("/");
                    c.dec(thresh);
                    c.s(")]");
                    p += 4;
                    len -= 4;
                }
            }
        }
        6 => {
            let major = u8_at(d, 7)?;
            let minor = u8_at(d, 6)?;
            c.s(" (v ");
            c.dec(major);
            c.s(".");
            c.dec(minor);
            c.s("):");
            while len > 0 {
                if len < 8 {
                    return short(c, len, 8);
                }
                let laddr = p;
                let metric = u8_at(d, p + 4)?;
                let thresh = u8_at(d, p + 5)?;
                let flags = u8_at(d, p + 6)?;
                let mut n = i32::from(u8_at(d, p + 7)?);
                p += 8;
                len -= 8;
                loop {
                    n -= 1;
                    if n < 0 || len == 0 {
                        break;
                    }
                    if len < 4 {
                        return short(c, len, 4);
                    }
                    let la = bytes(d, laddr, 4)?;
                    c.s(" [");
                    c.ipaddr(la);
                    c.s(" -> ");
                    let a = bytes(d, p, 4)?;
                    c.ipaddr(a);
                    c.s(" (");
                    c.dec(metric);
                    c.s("/");
                    c.dec(thresh);
                    for (bit, name) in [
                        (0x01, "/tunnel"),
                        (0x02, "/srcrt"),
                        (0x40, "/querier"),
                        (0x20, "/disabled"),
                        (0x10, "/down"),
                    ] {
                        if flags & bit != 0 {
                            c.s(name);
                        }
                    }
                    c.s(")]");
                    p += 4;
                    len -= 4;
                }
                if n != -1 {
                    c.s(" [invalid ncount]");
                    c.invalid();
                    return Ok(());
                }
            }
        }
        7..=9 => {
            let s = bytes(d, p, 4)?;
            let g = bytes(d, p + 4, 4)?;
            c.s(" src ");
            c.ipaddr(s);
            c.s(" grp ");
            c.ipaddr(g);
            if t == 7 {
                c.s(" timer ");
                relts(c, be32(d, p + 8)?);
            }
        }
        _ => {}
    }
    Ok(())
}

/// The PIMv1 join/prune body at `b`; Ok(true) on tcpdump's soft truncation.
fn pimv1_join_prune(c: &mut Ctx, d: &[u8], b: usize, mut len: usize) -> R<bool> {
    if bytes(d, b, 30).is_ok() && u8_at(d, b + 11)? == 1 {
        let nj = be16(d, b + 20)?;
        if u32::from(nj) + u32::from(be16(d, b + 22)?) == 1 {
            let rpf = bytes(d, b, 4)?;
            c.s(" RPF ");
            c.ipaddr(rpf);
            c.s(" ");
            let hold = be16(d, b + 6)?;
            if hold != 180 {
                c.s("Hold ");
                relts(c, u32::from(hold));
            }
            let f = u8_at(d, b + 25)?;
            c.s(if nj != 0 { "Join" } else { "Prune" });
            c.s(" (");
            c.ipaddr(&d[b + 26..b + 30]);
            c.s("/");
            c.dec(f & 0x3f);
            c.s(", ");
            c.ipaddr(&d[b + 12..b + 16]);
            if be32(d, b + 16)? != 0xffff_ffff {
                c.s("/");
                c.ipaddr(&d[b + 16..b + 20]);
            }
            c.s(") ");
            c.s(if u8_at(d, b + 24)? & 1 != 0 {
                "Sparse"
            } else {
                "Dense"
            });
            if f & 0x80 != 0 {
                c.s(" WC");
            }
            c.s(if f & 0x40 != 0 { " RP" } else { " SPT" });
            return Ok(false);
        }
    }
    let vv = c.opts.verbose > 1;
    if len < 4 {
        return Ok(true);
    }
    if vv {
        c.s("\n");
    }
    let up = bytes(d, b, 4)?;
    c.s(" Upstream Nbr: ");
    c.ipaddr(up);
    let mut p = b + 4;
    len -= 4;
    if len < 4 {
        return Ok(true);
    }
    if vv {
        c.s("\n");
    }
    c.s(" Hold time: ");
    relts(c, u32::from(be16(d, p + 2)?));
    if !vv {
        return Ok(false);
    }
    p += 4;
    len -= 4;
    if len < 4 {
        return Ok(true);
    }
    let ngroups = u8_at(d, p + 3)?;
    p += 4;
    len -= 4;
    for _ in 0..ngroups {
        if len < 4 {
            return Ok(true);
        }
        let g = bytes(d, p, 4)?;
        c.s("\n\tGroup: ");
        c.ipaddr(g);
        p += 4;
        len -= 4;
        if len < 4 {
            return Ok(true);
        }
        if be32(d, p)? != 0xffff_ffff {
            c.s("/");
            c.ipaddr(&d[p..p + 4]);
        }
        p += 4;
        len -= 4;
        if len < 4 {
            return Ok(true);
        }
        let nj = be16(d, p)?;
        let np = be16(d, p + 2)?;
        c.s(" joined: ");
        c.dec(nj);
        c.s(" pruned: ");
        c.dec(np);
        p += 4;
        len -= 4;
        for k in 0..u32::from(nj) + u32::from(np) {
            if len < 6 {
                return Ok(true);
            }
            let (f0, f1) = (u8_at(d, p)?, u8_at(d, p + 1)?);
            let a = bytes(d, p + 2, 4)?;
            c.s("\n\t");
            c.s(if k < u32::from(nj) { "Join " } else { "Prune" });
            c.s(" ");
            c.s(if f0 & 1 != 0 { "Sparse " } else { "Dense " });
            if f1 & 0x80 != 0 {
                c.s("WC ");
            }
            c.s(if f1 & 0x40 != 0 { "RP " } else { "SPT " });
            c.ipaddr(a);
            c.s("/");
            c.dec(f1 & 0x3f);
            p += 6;
            len -= 6;
        }
    }
    Ok(false)
}

fn pimv1(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "pimv1";
    let t = u8_at(d, 1)?;
    c.s(" ");
    match t {
        0 => c.s("Query"),
        1 => c.s("Register"),
        2 => c.s("Register-Stop"),
        3 => c.s("Join/Prune"),
        4 => c.s("RP-reachable"),
        5 => c.s("Assert"),
        6 => c.s("Graft"),
        7 => c.s("Graft-ACK"),
        _ => {
            c.s("[type ");
            c.dec(t);
            c.s("]");
        }
    }
    let v = c.opts.verbose > 0;
    let pair = |c: &mut Ctx, a: usize, b: usize| -> R {
        let x = bytes(d, a, 4)?;
        let y = bytes(d, b, 4)?;
        c.s(" for ");
        c.ipaddr(x);
        c.s(" > ");
        c.ipaddr(y);
        Ok(())
    };
    match t {
        0 => {
            if let Ok(m) = u8_at(d, 8) {
                match m >> 4 {
                    0 => c.s(" Dense-mode"),
                    1 => c.s(" Sparse-mode"),
                    2 => c.s(" Sparse-Dense-mode"),
                    x => {
                        c.s(" mode-");
                        c.dec(x);
                    }
                }
            }
            if v {
                c.s(" (Hold-time ");
                relts(c, u32::from(be16(d, 10)?));
                c.s(")");
            }
        }
        1 => {
            if bytes(d, 8, 20).is_err() {
                c.trunc_mark();
                return Ok(());
            }
            pair(c, 20, 24)?;
        }
        2 => pair(c, 8, 12)?,
        4 if v => {
            let g = bytes(d, 8, 4)?;
            c.s(" group ");
            c.ipaddr(g);
            if be32(d, 12)? != 0xffff_ffff {
                c.s("/");
                c.ipaddr(&d[12..16]);
            }
            let rp = bytes(d, 16, 4)?;
            c.s(" RP ");
            c.ipaddr(rp);
            c.s(" hold ");
            relts(c, u32::from(be16(d, 22)?));
        }
        5 => {
            pair(c, 16, 8)?;
            if be32(d, 12)? != 0xffff_ffff {
                c.s("/");
                c.ipaddr(&d[12..16]);
            }
            let f = u8_at(d, 20)?;
            let pref = be32(d, 20)? & 0x7fff_ffff;
            let metric = be32(d, 24)?;
            c.s(if f & 0x80 != 0 { " RP-tree" } else { " SPT" });
            c.s(" pref ");
            c.dec(pref);
            c.s(" metric ");
            c.dec(metric);
        }
        3 | 6 | 7 if v => {
            if len < 8 {
                c.trunc_mark();
                return Ok(());
            }
            if pimv1_join_prune(c, d, 8, len - 8)? {
                c.trunc_mark();
            }
        }
        _ => {}
    }
    let ver = u8_at(d, 4)? >> 4;
    if ver != 1 {
        c.s(" [v");
        c.dec(ver);
        c.s("]");
    }
    Ok(())
}

/// An IGMP message of `len` bytes.
pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "igmp";
    if c.opts.quiet {
        c.s("igmp");
        return Ok(());
    }
    let t = u8_at(d, 0)?;
    match t {
        0x11 => {
            c.s("igmp query");
            if len >= 12 {
                v3_query(c, d, len)?;
            } else {
                let code = u8_at(d, 1)?;
                if code != 0 {
                    c.s(" v2");
                    if code != 100 {
                        c.s(" [max resp time ");
                        c.dec(code);
                        c.s("]");
                    }
                } else {
                    c.s(" v1");
                }
                if be32(d, 4)? != 0 {
                    c.s(" [gaddr ");
                    c.ipaddr(&d[4..8]);
                    c.s("]");
                }
                if len != 8 {
                    c.s(" [len ");
                    c.dec(len as u64);
                    c.s("]");
                }
            }
        }
        0x12 | 0x16 | 0x17 => {
            let g = bytes(d, 4, 4)?;
            c.s(match t {
                0x12 => "igmp v1 report ",
                0x16 => "igmp v2 report ",
                _ => "igmp leave ",
            });
            c.ipaddr(g);
            if t == 0x12 && len != 8 {
                c.s(" [len ");
                c.dec(len as u64);
                c.s("]");
            }
        }
        0x22 => {
            c.s("igmp v3 report");
            v3_report(c, d, len)?;
        }
        0x13 => {
            c.s("igmp dvmrp");
            if len < 8 {
                c.s(" [len ");
                c.dec(len as u64);
                c.s("]");
            } else {
                dvmrp(c, d, len)?;
            }
        }
        0x14 => {
            c.s("igmp pimv1");
            pimv1(c, d, len)?;
        }
        0x1e => mtrace(c, "mresp", d, len)?,
        0x1f => mtrace(c, "mtrace", d, len)?,
        _ => {
            c.s("igmp-");
            c.dec(t);
        }
    }
    if c.opts.verbose > 0
        && len >= 4
        && let Some(m) = d.get(..len)
        && cksum(&[m]) != 0
    {
        c.s(" bad igmp cksum ");
        c.o.hex(u64::from(be16(d, 2)?));
        c.s("!");
    }
    Ok(())
}

/// The sources of an IGMPv3 or MLDv2 group record: `, N source(s)` at `-v`, else
/// the `size`-byte addresses (4: IPv4, 16: IPv6) from `at` in braces.
pub(crate) fn group_sources(c: &mut Ctx, d: &[u8], at: usize, n: usize, size: usize) -> R {
    if c.opts.verbose == 1 {
        c.s(", ");
        c.dec(n as u64);
        c.s(" source(s)");
        return Ok(());
    }
    c.s(" {");
    for j in 0..n {
        let a = bytes(d, at + j * size, size)?;
        c.s(" ");
        if size == 4 {
            c.ipaddr(a);
        } else {
            c.ip6addr(a);
        }
    }
    c.s(" }");
    Ok(())
}
