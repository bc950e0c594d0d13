//! Short summaries of protocols that often ride along in captures: IGMP, VRRP,
//! ESP, and the first line of NTP and BOOTP/DHCP (rfilter does not decode their
//! `-v` details).

use super::ip::{IpInfo, cksum};
use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

fn relts(c: &mut Ctx, mut secs: u32) {
    if secs == 0 {
        c.s("0s");
        return;
    }
    for (unit, name) in [
        (31536000, "y"),
        (604800, "w"),
        (86400, "d"),
        (3600, "h"),
        (60, "m"),
        (1, "s"),
    ] {
        if secs >= unit {
            c.dec(secs / unit);
            c.s(name);
            secs %= unit;
        }
    }
}

pub(crate) fn igmp(c: &mut Ctx, d: &[u8], len: usize) -> R {
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
                c.s(" v3");
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
                let g = bytes(d, 4, 4)?;
                if g == [0, 0, 0, 0] {
                    return check(c, d, len);
                }
                let nsrcs = usize::from(be16(d, 10)?);
                c.s(" [gaddr ");
                c.ipaddr(g);
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
                let g = bytes(d, 4, 4)?;
                if g != [0, 0, 0, 0] {
                    c.s(" [gaddr ");
                    c.ipaddr(g);
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
            let ngroups = be16(d, 6)?;
            c.s(", ");
            c.dec(ngroups);
            c.s(" group record(s)");
            if c.opts.verbose > 0 {
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
                    if c.opts.verbose == 1 {
                        c.s(", ");
                        c.dec(nsrcs as u64);
                        c.s(" source(s)");
                    } else {
                        c.s(" {");
                        for j in 0..nsrcs {
                            let a = bytes(d, group + 8 + (j << 2), 4)?;
                            c.s(" ");
                            c.ipaddr(a);
                        }
                        c.s(" }");
                    }
                    group += 8 + (nsrcs << 2);
                    c.s("]");
                }
            }
        }
        _ => {
            c.s("igmp-");
            c.dec(t);
        }
    }
    check(c, d, len)
}

fn check(c: &mut Ctx, d: &[u8], len: usize) -> R {
    if c.opts.verbose > 0 && len >= 4 && d.len() >= len && cksum(&[&d[..len]]) != 0 {
        c.s(" bad igmp cksum ");
        c.o.hex(u64::from(be16(d, 2)?));
        c.s("!");
    }
    Ok(())
}

pub(crate) fn esp(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "esp";
    if d.len() < 8 {
        c.trunc_mark();
        return Ok(());
    }
    let spi = be32(d, 0)?;
    c.s("ESP(spi=0x");
    c.o.hexw(u64::from(spi), 8);
    let seq = be32(d, 4)?;
    c.s(",seq=0x");
    c.o.hex(u64::from(seq));
    c.s("), length ");
    c.dec(len as u64);
    Ok(())
}

pub(crate) fn vrrp(c: &mut Ctx, d: &[u8], len: usize, ip: &IpInfo<'_>, ttl: u8) -> R {
    c.proto = "vrrp";
    let Ok(b0) = u8_at(d, 0) else {
        c.s("VRRP");
        return Err(super::Trunc);
    };
    let (version, t) = (b0 >> 4, b0 & 0xf);
    c.s("VRRPv");
    c.dec(version);
    c.s(", ");
    if t == 1 {
        c.s("Advertisement");
    } else {
        c.s("unknown type ");
        c.dec(t);
    }
    if !(2..=3).contains(&version) || t != 1 {
        return Ok(());
    }
    if ttl != 255 {
        c.s(", (ttl ");
        c.dec(ttl);
        c.s(")");
    }
    let (vrid, prio) = (u8_at(d, 1)?, u8_at(d, 2)?);
    c.s(", vrid ");
    c.dec(vrid);
    c.s(", prio ");
    c.dec(prio);
    let mut auth = 0;
    if version == 2 {
        auth = u8_at(d, 4)?;
        c.s(", authtype ");
        match auth {
            0 => c.s("none"),
            1 => c.s("simple"),
            2 => c.s("ah"),
            _ => c.s("#"),
        }
        let intvl = u8_at(d, 5)?;
        c.s(", intvl ");
        c.dec(intvl);
        c.s("s, length ");
        c.dec(len as u64);
    } else {
        let intvl = be16(d, 4)? & 0xfff;
        c.s(", intvl ");
        c.dec(intvl);
        c.s("cs, length ");
        c.dec(len as u64);
    }
    if c.opts.verbose > 0 {
        let naddrs = u8_at(d, 3)?;
        if d.len() >= len {
            let bad = if version == 2 {
                cksum(&[&d[..len]]) != 0
            } else {
                super::ip::next_proto_cksum(ip, 112, &d[..len], len) != 0
            };
            if bad {
                c.s(", (bad vrrp cksum ");
                c.o.hex(u64::from(be16(d, 6)?));
                c.s(")");
            }
        }
        c.s(", addrs");
        if naddrs > 1 {
            c.s("(");
            c.dec(naddrs);
            c.s(")");
        }
        c.s(":");
        let mut sep = " ";
        for i in 0..usize::from(naddrs) {
            let a = bytes(d, 8 + 4 * i, 4)?;
            c.s(sep);
            c.ipaddr(a);
            sep = ",";
        }
        if version == 2 && auth == 1 {
            c.s(" auth \"");
            let start = 8 + 4 * usize::from(naddrs);
            for i in 0..8 {
                let b = u8_at(d, start + i)?;
                if b == 0 {
                    break;
                }
                super::tcp::print_char(c, b);
            }
            c.s("\"");
        }
    }
    Ok(())
}

/// NTP: the summary line only (tcpdump's `-v` details are not reproduced).
pub(crate) fn ntp(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "ntp";
    let status = u8_at(d, 0)?;
    c.s("NTPv");
    c.dec((status >> 3) & 7);
    c.s(", ");
    c.s(match status & 7 {
        0 => "unspecified",
        1 => "symmetric active",
        2 => "symmetric passive",
        3 => "Client",
        4 => "Server",
        5 => "Broadcast",
        6 => "Control Message",
        _ => "Reserved",
    });
    c.s(", length ");
    c.dec(len as u64);
    Ok(())
}

/// BOOTP/DHCP: the summary line only.
pub(crate) fn bootp(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "bootp";
    let op = u8_at(d, 0)?;
    c.s("BOOTP/DHCP, ");
    match op {
        1 => c.s("Request"),
        2 => c.s("Reply"),
        _ => {
            c.s("unknown (0x");
            c.o.hexw(u64::from(op), 2);
            c.s(")");
        }
    }
    let hlen = u8_at(d, 2)?;
    if u8_at(d, 1)? == 1 && hlen == 6 && op == 1 {
        let mac = bytes(d, 28, 6)?;
        c.s(" from ");
        c.etheraddr(mac);
    }
    c.s(", length ");
    c.dec(len as u64);
    Ok(())
}
