//! Protocols that often ride along in captures: VRRP, ESP, GRE, NTP, syslog
//! and the Broadcom LI shim.

use super::esp_sa::{Decrypted, EspSecrets};
use super::ip::{IpInfo, cksum};
use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

pub(crate) fn esp(
    c: &mut Ctx,
    d: &[u8],
    len: usize,
    ip: Option<&IpInfo<'_>>,
    fragmented: bool,
) -> R {
    c.proto = "esp";
    // tcpdump wants at least one byte past the 8-byte header.
    if d.len() <= 8 {
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
    let Some(secrets) = c.opts.esp.clone() else {
        return Ok(());
    };
    secrets.warn_once();
    // tcpdump does not decrypt IPv4 fragments: the trailer is in the last one.
    if let Some(ip) = ip
        && (!fragmented || ip.v6)
    {
        esp_decrypted(c, &secrets, d, ip, fragmented)?;
    }
    Ok(())
}

/// `-E`: the decrypted payload, printed by its next-header value with the outer
/// IP header's addresses, as tcpdump does.
fn esp_decrypted(
    c: &mut Ctx,
    secrets: &EspSecrets,
    d: &[u8],
    ip: &IpInfo<'_>,
    fragmented: bool,
) -> R {
    let pt = match secrets.decrypt(d, ip.dst) {
        Decrypted::Nothing => return Ok(()),
        Decrypted::Truncated => {
            c.trunc_mark();
            return Ok(());
        }
        Decrypted::Plain(pt) => pt,
    };
    let n = pt.len();
    let (Some(&padlen), Some(&nh)) = (pt.get(n.wrapping_sub(2)), pt.last()) else {
        c.trunc_mark();
        return Ok(());
    };
    let Some(inner) = n.checked_sub(usize::from(padlen) + 2) else {
        c.trunc_mark();
        return Ok(());
    };
    c.s(": ");
    super::ip::demux(c, &pt[..inner], inner, ip, fragmented, nh)
}

/// CARP (IP protocol 112 under `-T carp`): version, type, and for a version 2
/// advertisement its fields and counter.
pub(crate) fn carp(c: &mut Ctx, d: &[u8], len: usize, ttl: u8) -> R {
    c.proto = "carp";
    let b0 = u8_at(d, 0)?;
    let (version, t) = (b0 >> 4, b0 & 0xf);
    c.s("CARPv");
    c.dec(version);
    c.s(if t == 1 { "-advertise " } else { "-unknown " });
    c.dec(len as u64);
    c.s(": ");
    if ttl != 255 {
        c.s("[ttl=");
        c.dec(ttl);
        c.s("!] ");
    }
    if version != 2 || t != 1 {
        return Ok(());
    }
    let (vhid, advbase, advskew, authlen) =
        (u8_at(d, 1)?, u8_at(d, 5)?, u8_at(d, 2)?, u8_at(d, 3)?);
    c.s("vhid=");
    c.dec(vhid);
    c.s(" advbase=");
    c.dec(advbase);
    c.s(" advskew=");
    c.dec(advskew);
    c.s(" authlen=");
    c.dec(authlen);
    c.s(" ");
    if c.opts.verbose > 0 && d.len() >= len && cksum(&[&d[..len]]) != 0 {
        c.s(" (bad carp cksum ");
        c.o.hex(u64::from(be16(d, 6)?));
        c.s("!)");
    }
    let counter = d.get(8..16).ok_or(super::Trunc)?;
    c.s("counter=");
    c.dec(u64::from_be_bytes(counter.try_into().unwrap_or([0; 8])));
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
        c.s("unknown type (");
        c.dec(t);
        c.s(")");
    }
    if ttl != 255 {
        c.s(", (ttl ");
        c.dec(ttl);
        c.s(")");
    }
    if !(2..=3).contains(&version) || t != 1 {
        return Ok(());
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
            _ => {
                c.s("#");
                c.dec(auth);
            }
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
                // tcpdump reads the checksum field before printing anything.
                let sum = be16(d, 6)?;
                c.s(", (bad vrrp cksum ");
                c.o.hex(u64::from(sum));
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
        // Over IPv6 the addresses are IPv6 ones.
        let width = if ip.v6 { 16 } else { 4 };
        for i in 0..usize::from(naddrs) {
            let a = bytes(d, 8 + width * i, width)?;
            c.s(sep);
            if ip.v6 {
                c.ip6addr(a);
            } else {
                c.ipaddr(a);
            }
            sep = ",";
        }
        if version == 2 && auth == 1 {
            c.s(" auth \"");
            let start = 8 + width * usize::from(naddrs);
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

/// An NTP timestamp: seconds, fraction in billionths, and the UTC date.
pub(crate) fn ntp_time(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let (i, uf) = (be32(d, off)?, be32(d, off + 4)?);
    c.dec(i);
    c.s(".");
    c.o.decw(u64::from(ntp_frac(uf)), 9);
    if i != 0 {
        let Some(tm) = crate::capture::os::utc_time(i64::from(i) - 2_208_988_800) else {
            c.s(" ([timestamp overflow])");
            return Ok(());
        };
        c.s(" (");
        c.o.decw(tm.year.max(0) as u64, 4);
        c.s("-");
        c.o.decw((tm.month + 1) as u64, 2);
        c.s("-");
        c.o.decw(tm.day as u64, 2);
        c.s("T");
        c.o.decw(tm.hour as u64, 2);
        c.s(":");
        c.o.decw(tm.minute as u64, 2);
        c.s(":");
        c.o.decw(tm.second as u64, 2);
        c.s("Z)");
    }
    Ok(())
}

/// A 32-bit binary fraction in billionths, truncated as tcpdump's double maths does.
fn ntp_frac(f: u32) -> u32 {
    (f64::from(f) / 4_294_967_296.0 * 1_000_000_000.0) as u32
}

/// Difference of two NTP timestamps with an explicit sign (tcpdump's p_ntp_delta).
fn ntp_delta(c: &mut Ctx, d: &[u8], old: usize, new: usize) -> R {
    let (u, uf) = (be32(d, new)?, be32(d, new + 4)?);
    let (ou, ouf) = (be32(d, old)?, be32(d, old + 4)?);
    if ou == 0 && ouf == 0 {
        return ntp_time(c, d, new);
    }
    let (neg, i, f) = if u > ou {
        (
            false,
            (u - ou).wrapping_sub(u32::from(ouf > uf)),
            uf.wrapping_sub(ouf),
        )
    } else if u < ou {
        (
            true,
            (ou - u).wrapping_sub(u32::from(uf > ouf)),
            ouf.wrapping_sub(uf),
        )
    } else if uf > ouf {
        (false, 0, uf - ouf)
    } else {
        (true, 0, ouf - uf)
    };
    c.s(if neg { "-" } else { "+" });
    c.dec(i);
    c.s(".");
    c.o.decw(u64::from(ntp_frac(f)), 9);
    Ok(())
}

/// A 16.16 fixed-point value as tcpdump's p_sfix prints it.
fn ntp_sfix(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let (i, f) = (be16(d, off)?, be16(d, off + 2)?);
    c.dec(i);
    c.s(".");
    c.o.decw(u64::from((f64::from(f) / 65536.0 * 1_000_000.0) as u32), 6);
    Ok(())
}

/// NTP control message header (mode 6).
fn ntp_control(c: &mut Ctx, d: &[u8], len: usize) -> R {
    // tcpdump checks that an invalid message was captured whole.
    let invalid = |c: &mut Ctx| {
        c.invalid();
        if d.len() < len {
            c.trunc_mark();
        }
    };
    if len < 12 {
        invalid(c);
        return Ok(());
    }
    let control = u8_at(d, 1)?;
    c.s(if control & 0x80 != 0 {
        ", Response"
    } else {
        ", Request"
    });
    c.s(if control & 0x40 != 0 {
        ", Error"
    } else {
        ", OK"
    });
    c.s(if control & 0x20 != 0 {
        ", More"
    } else {
        ", Last"
    });
    c.s(", OpCode=");
    c.dec(control & 0x1f);
    c.s("\n");
    let sequence = be16(d, 2)?;
    c.s("\tSequence=");
    c.dec(sequence);
    let status = be16(d, 4)?;
    c.s(", Status=");
    if status == 0 {
        c.s("0");
    } else {
        c.s("0x");
        c.o.hex(u64::from(status));
    }
    let assoc = be16(d, 6)?;
    c.s(", Assoc.=");
    c.dec(assoc);
    let offset = be16(d, 8)?;
    c.s(", Offset=");
    c.dec(offset);
    let count = usize::from(be16(d, 10)?);
    c.s(", Count=");
    c.dec(count as u64);
    if 12 + count > len {
        invalid(c);
        return Ok(());
    }
    if count != 0 {
        if bytes(d, 12, count).is_err() {
            c.trunc_mark();
            return Ok(());
        }
        c.s("\n\tTO-BE-DONE: data not interpreted");
    }
    Ok(())
}

/// NTP; with -v the time-protocol fields (control messages are not decoded).
pub(crate) fn ntp(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "ntp";
    let status = u8_at(d, 0)?;
    c.s("NTPv");
    c.dec((status >> 3) & 7);
    c.s(", ");
    let mode = status & 7;
    c.s(match mode {
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
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let li = status & 0xc0;
    c.s("\n\tLeap indicator: ");
    c.s(match li {
        0x00 => "",
        0x40 => "+1s",
        0x80 => "-1s",
        _ => "clock unsynchronized",
    });
    c.s(" (");
    c.dec(li);
    c.s(")");
    match mode {
        0..=5 => {
            if len < 48 {
                c.invalid();
                if d.len() < len {
                    c.trunc_mark();
                }
                return Ok(());
            }
        }
        6 => return ntp_control(c, d, len),
        _ => return Ok(()),
    }
    // tcpdump prints each field once its bytes are known to be there, and
    // checks a field's whole extent before its label.
    macro_rules! need {
        ($off:expr, $n:expr) => {
            if bytes(d, $off, $n).is_err() {
                c.trunc_mark();
                return Ok(());
            }
        };
    }
    let stratum = u8_at(d, 1)?;
    c.s(", Stratum ");
    c.dec(stratum);
    c.s(" (");
    c.s(match stratum {
        0 => "unspecified",
        1 => "primary reference",
        2..=15 => "secondary reference",
        _ => "reserved",
    });
    c.s(")");
    let poll = u8_at(d, 2)? as i8;
    c.s(", poll ");
    c.o.dec_i(i64::from(poll));
    if (0..32).contains(&poll) {
        c.s(" (");
        c.dec(1u64 << poll);
        c.s("s)");
    } else if (-31..0).contains(&poll) {
        c.s(" (1/");
        c.dec(1u64 << -poll);
        c.s("s)");
    }
    let precision = u8_at(d, 3)? as i8;
    c.s(", precision ");
    c.o.dec_i(i64::from(precision));
    need!(4, 4);
    c.s("\n\tRoot Delay: ");
    ntp_sfix(c, d, 4)?;
    need!(8, 4);
    c.s(", Root dispersion: ");
    ntp_sfix(c, d, 8)?;
    need!(12, 4);
    c.s(", Reference-ID: ");
    match stratum {
        0 => c.s("(unspec)"),
        1 => {
            let r = bytes(d, 12, 4)?;
            for &b in r {
                super::tcp::print_char(c, b);
            }
        }
        // Strata 62 and 63 are tcpdump's (implementation-dependent) info query
        // and reply: the reference ID as an address, and nothing after it.
        62 | 63 => {
            let r = bytes(d, 12, 4)?;
            c.ipaddr(r);
            c.s(if stratum == 62 {
                " INFO_QUERY"
            } else {
                " INFO_REPLY"
            });
            return Ok(());
        }
        _ => {
            let r = be32(d, 12)?;
            c.s("0x");
            c.o.hexw(u64::from(r), 8);
        }
    }
    for (label, off) in [
        ("\n\t  Reference Timestamp:  ", 16),
        ("\n\t  Originator Timestamp: ", 24),
        ("\n\t  Receive Timestamp:    ", 32),
        ("\n\t  Transmit Timestamp:   ", 40),
    ] {
        need!(off, 8);
        c.s(label);
        ntp_time(c, d, off)?;
    }
    c.s("\n\t    Originator - Receive Timestamp:  ");
    ntp_delta(c, d, 24, 32)?;
    c.s("\n\t    Originator - Transmit Timestamp: ");
    ntp_delta(c, d, 24, 40)?;
    match len {
        52 => {
            let key = be32(d, 48)?;
            c.s("\n\tKey id: ");
            c.dec(key);
        }
        68 | 72 => {
            let key = be32(d, 48)?;
            c.s("\n\tKey id: ");
            c.dec(key);
            let words = (len - 52) / 4;
            if bytes(d, 52, 4 * words).is_err() {
                c.trunc_mark();
                return Ok(());
            }
            c.s("\n\tAuthentication: ");
            for k in 0..words {
                c.o.hexw(u64::from(be32(d, 52 + 4 * k)?), 8);
            }
        }
        49.. => {
            c.s("\n\t(");
            c.dec((len - 48) as u64);
            c.s(" more bytes after the header)");
        }
        _ => {}
    }
    Ok(())
}

/// Broadcom LI shim (UDP source port 49152).
pub(crate) fn bcm_li(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "bcm_li";
    if length < 4 {
        c.s(" (length ");
        c.dec(length as u64);
        c.s(" < 4)");
        c.invalid();
        return Ok(());
    }
    let shim = be32(d, 0)?;
    let v = c.opts.verbose > 0;
    if v {
        c.s("\n    ");
    }
    c.s("BCM-LI-SHIM: direction ");
    c.s(match (shim >> 29) & 7 {
        1 => "unused",
        2 => "egress",
        3 => "ingress",
        _ => "unknown",
    });
    let pkt_type = (shim >> 25) & 0xf;
    c.s(", pkt-type ");
    c.s(match pkt_type {
        4 => "undecided",
        5 => "ipv4",
        6 => "ipv6",
        7 => "ethernet",
        _ => "unknown",
    });
    c.s(", pkt-subtype ");
    c.s(match (shim >> 22) & 7 {
        1 => "single VLAN tag",
        2 => "double VLAN tag",
        3 => "untagged",
        _ => "unknown",
    });
    c.s(", li-id ");
    c.dec(shim & 0x3f_ffff);
    if !v {
        // tcpdump checks the whole payload was captured.
        if d.len() < length {
            return Err(super::Trunc);
        }
        return Ok(());
    }
    c.s("\n    ");
    let p = &d[4..];
    let len = length - 4;
    match pkt_type {
        7 => {
            super::ether::print(c, p, len)?;
        }
        5 => super::ip::print(c, p, len)?,
        6 => super::ip6::print(c, p, len)?,
        4 => match u8_at(p, 0)? >> 4 {
            4 => super::ip::print(c, p, len)?,
            6 => super::ip6::print(c, p, len)?,
            _ => c.s("unknown payload"),
        },
        _ => c.invalid(),
    }
    Ok(())
}

fn gre_flags(c: &mut Ctx, flags: u16) {
    let mut first = true;
    for (bit, n) in [
        (0x8000u16, "checksum present"),
        (0x4000, "routing present"),
        (0x2000, "key present"),
        (0x1000, "sequence# present"),
        (0x0800, "source routing present"),
        (0x0080, "ack present"),
    ] {
        if flags & bit != 0 {
            if !first {
                c.s(", ");
            }
            c.s(n);
            first = false;
        }
    }
    if first {
        c.s("none");
    }
}

/// GRE versions 0 and 1 (PPTP), and the payload for the protocols rfilter decodes.
pub(crate) fn gre(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "gre";
    if length < 2 || d.len() < 2 {
        c.trunc_mark();
        return Ok(());
    }
    let flags = be16(d, 0)?;
    let vers = flags & 7;
    c.s("GREv");
    c.dec(vers);
    let v = c.opts.verbose > 0;
    let mut len = length - 2;
    let mut p = 2usize;
    // tcpdump 4.99 reports a header that runs past the data as truncated.
    macro_rules! need {
        ($n:expr) => {
            if len < $n || d.len() < p + $n {
                c.trunc_mark();
                return Ok(());
            }
        };
    }
    match vers {
        0 => {
            if v {
                c.s(", Flags [");
                gre_flags(c, flags);
                c.s("]");
            }
            need!(2);
            let prot = be16(d, p)?;
            p += 2;
            len -= 2;
            if flags & 0xc000 != 0 {
                need!(2);
                let sum = be16(d, p)?;
                if v {
                    c.s(", sum 0x");
                    c.o.hex(u64::from(sum));
                }
                p += 2;
                len -= 2;
                need!(2);
                let off = be16(d, p)?;
                c.s(", off 0x");
                c.o.hex(u64::from(off));
                p += 2;
                len -= 2;
            }
            if flags & 0x2000 != 0 {
                need!(4);
                let key = be32(d, p)?;
                p += 4;
                len -= 4;
                c.s(", key=0x");
                c.o.hex(u64::from(key));
            }
            if flags & 0x1000 != 0 {
                need!(4);
                let seq = be32(d, p)?;
                c.s(", seq ");
                c.dec(seq);
                p += 4;
                len -= 4;
            }
            if flags & 0x4000 != 0 {
                match super::ipmisc::gre_routing(c, d, p, len)? {
                    Some((np, nlen)) => (p, len) = (np, nlen),
                    None => return Ok(()),
                }
            }
            if c.opts.link_header {
                c.s(", proto ");
                c.s(super::ether::ethertype_name(prot).unwrap_or("unknown"));
                c.s(" (0x");
                c.o.hexw(u64::from(prot), 4);
                c.s(")");
            }
            c.s(", length ");
            c.dec(length as u64);
            c.s(if v { "\n\t" } else { ": " });
            let payload = &d[p.min(d.len())..];
            match prot {
                0x0800 => super::ip::print(c, payload, len)?,
                0x86dd => super::ip6::print(c, payload, len)?,
                0x6558 => {
                    super::ether::print(c, payload, len)?;
                }
                0x8847 => super::mpls::print(c, payload, len)?,
                0x00fe => super::osi::print(c, payload, len)?,
                _ => {
                    c.s("gre-proto-0x");
                    c.o.hex(u64::from(prot));
                }
            }
        }
        1 => {
            if v {
                c.s(", Flags [");
                gre_flags(c, flags);
                c.s("]");
            }
            need!(2);
            let prot = be16(d, p)?;
            p += 2;
            len -= 2;
            if prot == 0x6400 && (flags & !7) != 0x2000 {
                c.s(" unknown-eoip-flags-");
                c.o.hexw(u64::from(flags), 4);
                c.s("!");
                return Ok(());
            }
            if flags & 0x2000 != 0 {
                need!(2);
                be16(d, p)?;
                p += 2;
                len -= 2;
                need!(2);
                let call = be16(d, p)?;
                c.s(if prot == 0x6400 {
                    ", tunnel-id "
                } else {
                    ", call "
                });
                c.dec(call);
                p += 2;
                len -= 2;
            }
            if flags & 0x1000 != 0 {
                need!(4);
                let seq = be32(d, p)?;
                c.s(", seq ");
                c.dec(seq);
                p += 4;
                len -= 4;
            }
            if flags & 0x0080 != 0 {
                need!(4);
                let ack = be32(d, p)?;
                c.s(", ack ");
                c.dec(ack);
                p += 4;
                len -= 4;
            }
            if prot != 0x6400 && flags & 0x1000 == 0 {
                c.s(", no-payload");
            }
            if c.opts.link_header {
                c.s(", proto ");
                c.s(super::ether::ethertype_name(prot).unwrap_or("unknown"));
                c.s(" (0x");
                c.o.hexw(u64::from(prot), 4);
                c.s(")");
            }
            c.s(", length ");
            c.dec(length as u64);
            if prot != 0x6400 && flags & 0x1000 == 0 {
                return Ok(());
            }
            c.s(if v { "\n\t" } else { ": " });
            let payload = &d[p.min(d.len())..];
            match prot {
                0x6400 => {
                    if len == 0 {
                        c.s("keepalive");
                    } else {
                        super::ether::print(c, payload, len)?;
                    }
                }
                0x880b => {
                    super::ppp::print(c, payload, len)?;
                }
                _ => {
                    c.s("gre-proto-0x");
                    c.o.hex(u64::from(prot));
                }
            }
        }
        _ => c.s(" ERROR: unknown-version"),
    }
    Ok(())
}

const SYSLOG_FACILITIES: [&str; 24] = [
    "kernel", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
    "authpriv", "ftp", "ntp", "security", "console", "cron", "local0", "local1", "local2",
    "local3", "local4", "local5", "local6", "local7",
];

const SYSLOG_SEVERITIES: [&str; 8] = [
    "emergency",
    "alert",
    "critical",
    "error",
    "warning",
    "notice",
    "info",
    "debug",
];

fn syslog_facility(c: &mut Ctx, f: u32) {
    match SYSLOG_FACILITIES.get(f as usize) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown (");
            c.dec(f);
            c.s(")");
        }
    }
}

/// Syslog (UDP port 514): priority, and with -v the message.
pub(crate) fn syslog(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "syslog";
    if u8_at(d, 0)? != b'<' {
        c.invalid();
        return Ok(());
    }
    let mut off = 1;
    let mut pri = 0u32;
    while off <= 3 {
        let ch = u8_at(d, off)?;
        if !ch.is_ascii_digit() {
            break;
        }
        pri = pri * 10 + u32::from(ch - b'0');
        off += 1;
    }
    if u8_at(d, off)? != b'>' {
        c.invalid();
        return Ok(());
    }
    off += 1;
    let facility = (pri & 0x3f8) >> 3;
    let severity = (pri & 7) as usize;
    if c.opts.verbose == 0 {
        c.s("SYSLOG ");
        syslog_facility(c, facility);
        c.s(".");
        c.s(SYSLOG_SEVERITIES[severity]);
        c.s(", length: ");
        c.dec(len as u64);
        return Ok(());
    }
    c.s("SYSLOG, length: ");
    c.dec(len as u64);
    c.s("\n\tFacility ");
    syslog_facility(c, facility);
    c.s(" (");
    c.dec(facility);
    c.s("), Severity ");
    c.s(SYSLOG_SEVERITIES[severity]);
    c.s(" (");
    c.dec(severity as u64);
    c.s(")\n\tMsg: ");
    while off < len {
        let ch = u8_at(d, off)?;
        super::tcp::print_char(c, ch);
        off += 1;
    }
    if c.opts.verbose > 1 {
        super::hex::hex_only(&mut c.o, "\n\t", &d[..len.min(d.len())], 0);
    }
    Ok(())
}
