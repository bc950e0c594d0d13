//! ICMP (v4): every message kind tcpdump names, checksum and quoted datagram (`-v`).

use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, bytes, cut, u8_at};

fn type_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0 => "echo reply",
        3 => "destination unreachable",
        4 => "source quench",
        5 => "redirect",
        8 => "echo request",
        9 => "router advertisement",
        10 => "router solicitation",
        11 => "time exceeded",
        12 => "parameter problem",
        13 => "time stamp request",
        14 => "time stamp reply",
        15 => "information request",
        16 => "information reply",
        17 => "address mask request",
        18 => "address mask reply",
        _ => return None,
    })
}

fn tstamp(c: &mut Ctx, t: u32) {
    let msec = t % 1000;
    let sec = t / 1000;
    let min = sec / 60;
    let hrs = min / 60;
    c.o.decw(u64::from(hrs), 2);
    c.s(":");
    c.o.decw(u64::from(min % 60), 2);
    c.s(":");
    c.o.decw(u64::from(sec % 60), 2);
    c.s(".");
    c.o.decw(u64::from(msec), 3);
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], plen: usize, fragmented: bool) -> R {
    c.proto = "icmp";
    let t = u8_at(d, 0)?;
    let code = u8_at(d, 1)?;
    // The quoted IP header starts at offset 8; its destination at 8 + 16.
    // The message text is built first (tcpdump builds it in a buffer, so a
    // truncation inside prints nothing of it).
    let mark = c.o.len();
    c.s("ICMP ");
    let r: R = (|| {
        match t {
            0 | 8 => {
                c.s("echo ");
                c.s(if t == 8 { "request" } else { "reply" });
                c.s(", id ");
                c.dec(be16(d, 4)?);
                c.s(", seq ");
                c.dec(be16(d, 6)?);
            }
            3 => {
                let dst = bytes(d, 24, 4)?;
                match code {
                    0 | 1 | 6 | 7 | 9 | 10 | 11 | 12 | 13 | 14 | 15 => {
                        let (pre, post) = match code {
                            0 => ("net ", " unreachable"),
                            1 => ("host ", " unreachable"),
                            6 => ("net ", " unreachable - unknown"),
                            7 => ("host ", " unreachable - unknown"),
                            9 => ("net ", " unreachable - admin prohibited"),
                            10 => ("host ", " unreachable - admin prohibited"),
                            11 => ("net ", " unreachable - tos prohibited"),
                            12 => ("host ", " unreachable - tos prohibited"),
                            13 => ("host ", " unreachable - admin prohibited filter"),
                            14 => ("host ", " unreachable - host precedence violation"),
                            _ => ("host ", " unreachable - precedence cutoff"),
                        };
                        c.s(pre);
                        c.ipaddr(dst);
                        c.s(post);
                    }
                    2 => {
                        let p = u8_at(d, 17)?;
                        c.ipaddr(dst);
                        c.s(" protocol ");
                        c.dec(p);
                        c.s(" unreachable");
                    }
                    3 => {
                        let hlen = usize::from(u8_at(d, 8)? & 0xf) * 4;
                        let dport = be16(d, 8 + hlen + 2)?;
                        let p = u8_at(d, 17)?;
                        c.ipaddr(dst);
                        match p {
                            6 => {
                                c.s(" tcp port ");
                                c.tcpport(dport);
                            }
                            17 => {
                                c.s(" udp port ");
                                c.udpport(dport);
                            }
                            _ => {
                                c.s(" protocol ");
                                c.dec(p);
                                c.s(" port ");
                                c.dec(dport);
                            }
                        }
                        c.s(" unreachable");
                    }
                    4 => {
                        let mtu = be16(d, 6)?;
                        c.ipaddr(dst);
                        c.s(" unreachable - need to frag");
                        if mtu != 0 {
                            c.s(" (mtu ");
                            c.dec(mtu);
                            c.s(")");
                        }
                    }
                    5 => {
                        c.ipaddr(dst);
                        c.s(" unreachable - source route failed");
                    }
                    8 => {
                        c.ipaddr(dst);
                        c.s(" unreachable - source host isolated");
                    }
                    _ => {
                        c.ipaddr(dst);
                        c.s(" unreachable - #");
                        c.dec(code);
                    }
                }
            }
            5 => {
                let dst = bytes(d, 24, 4)?;
                let gw = bytes(d, 4, 4)?;
                let (pre, mid) = match code {
                    0 => ("redirect ", " to net "),
                    1 => ("redirect ", " to host "),
                    2 => ("redirect-tos ", " to net "),
                    3 => ("redirect-tos ", " to host "),
                    _ => ("", ""),
                };
                if pre.is_empty() {
                    c.s("redirect-#");
                    c.dec(code);
                    c.s(" ");
                    c.ipaddr(dst);
                    c.s(" to ");
                    c.ipaddr(gw);
                } else {
                    c.s(pre);
                    c.ipaddr(dst);
                    c.s(mid);
                    c.ipaddr(gw);
                }
            }
            9 => {
                c.s("router advertisement lifetime ");
                let lifetime = u32::from(be16(d, 6)?);
                if lifetime < 60 {
                    c.dec(lifetime);
                } else if lifetime < 3600 {
                    c.dec(lifetime / 60);
                    c.s(":");
                    c.o.decw(u64::from(lifetime % 60), 2);
                } else {
                    c.dec(lifetime / 3600);
                    c.s(":");
                    c.o.decw(u64::from((lifetime % 3600) / 60), 2);
                    c.s(":");
                    c.o.decw(u64::from(lifetime % 60), 2);
                }
                let num = u8_at(d, 4)?;
                c.s(" ");
                c.dec(num);
                c.s(":");
                let size = u8_at(d, 5)?;
                if size != 2 {
                    c.s(" [size ");
                    c.dec(size);
                    c.s("]");
                } else {
                    for k in 0..usize::from(num) {
                        let a = bytes(d, 8 + 8 * k, 4)?;
                        let pref = be32(d, 12 + 8 * k)?;
                        c.s(" {");
                        c.ipaddr(a);
                        c.s(" ");
                        c.dec(pref);
                        c.s("}");
                    }
                }
            }
            11 => {
                bytes(d, 24, 4)?;
                match code {
                    0 => c.s("time exceeded in-transit"),
                    1 => c.s("ip reassembly time exceeded"),
                    _ => {
                        c.s("time exceeded-#");
                        c.dec(code);
                    }
                }
            }
            12 => {
                if code != 0 {
                    c.s("parameter problem - code ");
                    c.dec(code);
                } else {
                    c.s("parameter problem - octet ");
                    c.dec(u8_at(d, 4)?);
                }
            }
            18 => {
                c.s("address mask is 0x");
                c.o.hexw(u64::from(be32(d, 8)?), 8);
            }
            13 => {
                c.s("time stamp query id ");
                c.dec(be16(d, 4)?);
                c.s(" seq ");
                c.dec(be16(d, 6)?);
            }
            14 => {
                let (id, seq) = (be16(d, 4)?, be16(d, 6)?);
                let (o, r, x) = (be32(d, 8)?, be32(d, 12)?, be32(d, 16)?);
                c.s("time stamp reply id ");
                c.dec(id);
                c.s(" seq ");
                c.dec(seq);
                c.s(": org ");
                tstamp(c, o);
                c.s(", recv ");
                tstamp(c, r);
                c.s(", xmit ");
                tstamp(c, x);
            }
            _ => match type_name(t) {
                Some(n) => c.s(n),
                None => {
                    c.s("type-#");
                    c.dec(t);
                }
            },
        }
        Ok(())
    })();
    if r.is_err() {
        c.o.truncate(mark);
        // For messages quoting a datagram tcpdump first checks that the quoted
        // destination was captured (a soft truncation); other reads stop the packet.
        if (t == 11 && d.len() < 28)
            || (t == 3 && code == 3 && d.len() < 18)
            || (t == 14 && d.len() < 20)
            || t == 9
        {
            c.trunc_mark();
            return Ok(());
        }
        return r;
    }
    c.s(", length ");
    c.dec(plen as u64);
    if c.opts.verbose > 0 && !fragmented && d.len() >= plen {
        let sum = super::ip::cksum(&[&d[..plen]]);
        if sum != 0 {
            let icmp_sum = be16(d, 2)?;
            c.s(" (wrong icmp cksum ");
            c.o.hex(u64::from(icmp_sum));
            c.s(" (->");
            c.o.hex(u64::from(super::ip::shouldbe(icmp_sum, sum)));
            c.s(")!)");
        }
    }
    if c.opts.verbose > 0 && matches!(t, 3 | 4 | 5 | 11 | 12) {
        c.s("\n\t");
        let inner = &d[8.min(d.len())..];
        let ilen = usize::from(be16(inner, 2)?);
        if ilen < 4 {
            // tcpdump limits the capture to the quoted length first and then
            // reads that length again, past the new limit: the ICMP line ends
            // truncated.
            return Err(Trunc);
        }
        super::ip::print(c, cut(inner, ilen), ilen)?;
    }
    c.proto = "icmp";
    // RFC 4884 multi-part extensions: tcpdump needs the whole fixed part captured
    // and checks the extension checksum when the length field is zero.
    if c.opts.verbose > 0 && plen > 136 && matches!(t, 3 | 11 | 12) {
        if d.len() < 141 {
            c.trunc_mark();
            return Ok(());
        }
        if d[5] == 0 && d.len() >= plen && super::ip::cksum(&[&d[136..plen]]) != 0 {
            return Ok(());
        }
        c.s("\n\tICMP Multi-Part extension v");
        c.dec(d[136] >> 4);
        if d[136] >> 4 != 2 {
            c.s(" packet not supported");
            return Ok(());
        }
        if d.len() >= plen {
            c.s(", checksum 0x");
            c.o.hexw(u64::from(be16(d, 138)?), 4);
            c.s(if super::ip::cksum(&[&d[136..plen]]) != 0 {
                " (incorrect)"
            } else {
                " (correct)"
            });
            c.s(", length ");
            c.dec((plen - 136) as u64);
        }
        // tcpdump's unsigned count wraps for a structure shorter than its header.
        let hlen = ((plen - 136) as u32).wrapping_sub(4);
        ext_objects(c, &d[..plen.min(d.len())], hlen)?;
    }
    Ok(())
}

/// The objects of an RFC 4884 extension structure (after its 4-byte header at
/// offset 136): RFC 4950 MPLS label stack entries decoded, others (e.g. RFC
/// 5837 interface identification) in hex. `hlen` is what the ICMP length
/// leaves for them.
/// A label stack entry cut short stops the whole packet (tcpdump reads it
/// unchecked), a cut object header only the ICMP line.
fn ext_objects(c: &mut Ctx, d: &[u8], mut hlen: u32) -> R {
    let mut p = 140usize;
    while hlen > 4 {
        let (Ok(tlen), Ok(class), Ok(ctype)) = (be16(d, p), u8_at(d, p + 2), u8_at(d, p + 3))
        else {
            c.trunc_mark();
            return Ok(());
        };
        p += 4;
        c.s("\n\t  ");
        c.s(match class {
            1 => "MPLS Stack Entry",
            2 => "Interface Identification",
            _ => "unknown",
        });
        c.s(" Object (");
        c.dec(class);
        c.s("), Class-Type: ");
        c.dec(ctype);
        c.s(", length ");
        c.dec(tlen);
        hlen -= 4;
        // A zero class or a length shorter than the header would loop forever.
        if class == 0 || tlen < 4 {
            return Ok(());
        }
        let tlen = u32::from(tlen) - 4;
        if class == 1 && ctype == 1 {
            let entry = be32(d, p)?;
            c.s("\n\t    label ");
            c.dec(entry >> 12);
            c.s(", tc ");
            c.dec((entry >> 9) & 7);
            if entry & 0x100 != 0 {
                c.s(", [S]");
            }
            c.s(", ttl ");
            c.dec(entry & 0xff);
        } else {
            super::ppp::unknown_data(c, d, p, "\n\t    ", tlen as usize);
        }
        if hlen < tlen {
            break;
        }
        hlen -= tlen;
        p += tlen as usize;
    }
    Ok(())
}
