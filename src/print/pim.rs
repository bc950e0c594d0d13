//! PIM (IP protocol 103): tcpdump's summary line, and with `-v` the PIMv2
//! checksum, Hello options, Register (with the encapsulated packet), Register-Stop,
//! Join/Prune, Graft, Bootstrap, Assert, Candidate-RP and State-Refresh bodies.
//!
//! A failed length or capture check inside the decoder prints ` [|pimv2]` and
//! returns normally (Ok(true) from the helpers); failed reads abort (Err).

use super::dns::relts;
use super::hex::hex_only;
use super::ip::{IpInfo, cksum, next_proto_cksum};
use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

#[derive(Clone, Copy, PartialEq)]
enum Addr {
    Unicast,
    Group,
    Source,
}

fn type_name(t: u8) -> &'static str {
    match t {
        0 => "Hello",
        1 => "Register",
        2 => "Register Stop",
        3 => "Join / Prune",
        4 => "Bootstrap",
        5 => "Assert",
        6 => "Graft",
        7 => "Graft Acknowledgement",
        8 => "Candidate RP Advertisement",
        9 => "Prune Refresh",
        10 => "DF Election",
        11 => "ECMP Redirect",
        _ => "Unknown Type",
    }
}

/// An encoded address; its size, or None (tcpdump's -1: truncated or an unknown
/// family).
fn addr(c: &mut Ctx, d: &[u8], off: usize, len: usize, at: Addr, alen: usize) -> R<Option<usize>> {
    let (v6, hdr, alen) = if alen == 0 {
        if len < 2 {
            return Ok(None);
        }
        let v6 = match u8_at(d, off)? {
            1 => false,
            2 => true,
            _ => return Ok(None),
        };
        if u8_at(d, off + 1)? != 0 {
            return Ok(None);
        }
        (v6, 2, if v6 { 16 } else { 4 })
    } else {
        match alen {
            4 => (false, 0, 4),
            16 => (true, 0, 16),
            _ => return Ok(None),
        }
    };
    let p = off + hdr;
    let len = len - hdr;
    match at {
        Addr::Unicast => {
            if len < alen {
                return Ok(None);
            }
            let Ok(a) = bytes(d, p, alen) else {
                return Ok(None);
            };
            if v6 {
                c.ip6addr(a);
            } else {
                c.ipaddr(a);
            }
            Ok(Some(hdr + alen))
        }
        Addr::Group | Addr::Source => {
            if len < alen + 2 {
                return Ok(None);
            }
            let Ok(b) = bytes(d, p, alen + 2) else {
                return Ok(None);
            };
            let (flags, mlen) = (b[0], b[1]);
            if v6 {
                c.ip6addr(&b[2..]);
            } else {
                c.ipaddr(&b[2..]);
            }
            if usize::from(mlen) != alen * 8 {
                c.s("/");
                c.dec(mlen);
            }
            if flags != 0 {
                if at == Addr::Group {
                    c.s("(0x");
                    c.o.hexw(u64::from(flags), 2);
                    c.s(")");
                } else {
                    c.s("(");
                    if flags & 4 != 0 {
                        c.s("S");
                    }
                    if flags & 2 != 0 {
                        c.s("W");
                    }
                    if flags & 1 != 0 {
                        c.s("R");
                    }
                    if flags & 0xf8 != 0 {
                        c.s("+0x");
                        c.o.hexw(u64::from(flags & 0xf8), 2);
                    }
                    c.s(")");
                }
            }
            Ok(Some(hdr + 2 + alen))
        }
    }
}

/// Moves `(off, len)` past an address, or reports soft truncation.
macro_rules! adv {
    ($c:expr, $d:expr, $off:ident, $len:ident, $at:expr, $alen:expr) => {
        match addr($c, $d, $off, $len, $at, $alen)? {
            Some(n) => {
                $off += n;
                $len -= n;
            }
            None => return Ok(true),
        }
    };
}

fn hello(c: &mut Ctx, d: &[u8], mut off: usize, mut len: usize, alen: usize) -> R<bool> {
    while len > 0 {
        if len < 4 {
            return Ok(true);
        }
        let ot = be16(d, off)?;
        let ol = usize::from(be16(d, off + 2)?);
        c.s("\n\t  ");
        c.s(match ot {
            1 => "Hold Time",
            2 => "LAN Prune Delay",
            18 => "DR Priority (Old)",
            19 => "DR Priority",
            20 => "Generation ID",
            21 => "State Refresh Capability",
            22 => "Bi-Directional Capability",
            24 => "Address List",
            65001 => "Address List (Old)",
            _ => "Unknown",
        });
        c.s(" Option (");
        c.dec(ot);
        c.s("), length ");
        c.dec(ol as u64);
        c.s(", Value: ");
        off += 4;
        len -= 4;
        if len < ol || bytes(d, off, ol).is_err() {
            return Ok(true);
        }
        let bad = |c: &mut Ctx, want: &str| {
            c.s("[option length ");
            c.dec(ol as u64);
            c.s(" != ");
            c.s(want);
            c.s("]");
            c.invalid();
        };
        match ot {
            1 => {
                if ol != 2 {
                    bad(c, "2");
                    return Ok(false);
                }
                relts(c, u32::from(be16(d, off)?));
            }
            2 => {
                if ol != 4 {
                    bad(c, "4");
                    return Ok(false);
                }
                let ld = be16(d, off)?;
                let oi = be16(d, off + 2)?;
                c.s("\n\t    T-bit=");
                c.dec(ld >> 15);
                c.s(", LAN delay ");
                c.dec(ld & 0x7fff);
                c.s("ms, Override interval ");
                c.dec(oi);
                c.s("ms");
            }
            18 | 19 => match ol {
                0 => c.s("Bi-Directional Capability (Old)"),
                4 => c.dec(be32(d, off)?),
                _ => {
                    bad(c, "4");
                    return Ok(false);
                }
            },
            20 => {
                if ol != 4 {
                    bad(c, "4");
                    return Ok(false);
                }
                c.s("0x");
                c.o.hexw(u64::from(be32(d, off)?), 8);
            }
            21 => {
                if ol != 4 {
                    bad(c, "4");
                    return Ok(false);
                }
                c.s("v");
                c.dec(u8_at(d, off)?);
                let iv = u8_at(d, off + 1)?;
                if iv != 0 {
                    c.s(", interval ");
                    relts(c, u32::from(iv));
                }
                let r = be16(d, off + 2)?;
                if r != 0 {
                    c.s(" ?0x");
                    c.o.hexw(u64::from(r), 4);
                    c.s("?");
                }
            }
            22 => {}
            24 | 65001 => {
                if c.opts.verbose > 1 {
                    let mut p = off;
                    let mut pl = len;
                    while p < off + ol {
                        c.s("\n\t    ");
                        match addr(c, d, p, pl, Addr::Unicast, alen)? {
                            Some(n) => {
                                p += n;
                                pl -= n;
                            }
                            None => return Ok(true),
                        }
                    }
                }
            }
            _ => {
                if c.opts.verbose <= 1 {
                    hex_only(&mut c.o, "\n\t    ", &d[off..off + ol], 0);
                }
            }
        }
        if c.opts.verbose > 1 {
            hex_only(&mut c.o, "\n\t    ", &d[off..off + ol], 0);
        }
        off += ol;
        len -= ol;
    }
    Ok(false)
}

/// The PIMv2 body after the summary (`-v`); Ok(true) for a soft truncation.
// `adv!` keeps the cursor current after the last field too.
#[allow(unused_assignments)]
fn v2(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R<bool> {
    c.proto = "pimv2";
    if length < 2 {
        c.s("[length ");
        c.dec(length as u64);
        c.s(" < 2]");
        c.invalid();
        return Ok(false);
    }
    let tv = u8_at(d, 0)?;
    let alen = usize::from(u8_at(d, 1)? & 0x0f);
    if alen != 0 {
        c.s(", RFC2117-encoding");
    }
    if length < 4 {
        c.s("[length ");
        c.dec(length as u64);
        c.s(" < 4]");
        c.invalid();
        return Ok(false);
    }
    let ck = be16(d, 2)?;
    c.s(", cksum 0x");
    c.o.hexw(u64::from(ck), 4);
    c.s(" ");
    let t = tv & 0x0f;
    if ck == 0 {
        c.s("(unverified)");
    } else {
        let check = |n: usize| -> Option<bool> {
            let b = d.get(..n)?;
            Some(if ip.v6 {
                next_proto_cksum(ip, 103, b, n) == 0
            } else {
                cksum(&[b]) == 0
            })
        };
        let mut ok = check(if t == 1 { 8 } else { length });
        if t == 1 && ok == Some(false) {
            ok = check(length);
        }
        c.s(match ok {
            Some(true) => "(correct)",
            Some(false) => "(incorrect)",
            None => "(unverified)",
        });
    }
    let mut off = 4;
    let mut len = length - 4;
    match t {
        0 => return hello(c, d, off, len, alen),
        1 => {
            if len < 4 || bytes(d, off, 4).is_err() {
                return Ok(true);
            }
            let f = be32(d, off)?;
            c.s(", Flags [ ");
            c.s(match f {
                0x8000_0000 => "Border",
                0x4000_0000 => "Null",
                _ => "none",
            });
            c.s(" ]\n\t");
            off += 4;
            len -= 4;
            if len == 0 {
                return Ok(true);
            }
            let inner = &d[off.min(d.len())..];
            match u8_at(d, off)? >> 4 {
                0 => {
                    let s = bytes(d, off + 12, 4)?;
                    let t = bytes(d, off + 16, 4)?;
                    c.s("IP-Null-header ");
                    c.ipaddr(s);
                    c.s(" > ");
                    c.ipaddr(t);
                }
                4 => {
                    super::ip::print(c, inner, len)?;
                    c.proto = "pimv2";
                }
                6 => {
                    super::ip6::print(c, inner, len)?;
                    c.proto = "pimv2";
                }
                v => {
                    c.s("IP ver ");
                    c.dec(v);
                }
            }
        }
        2 => {
            c.s(" group=");
            adv!(c, d, off, len, Addr::Group, alen);
            c.s(" source=");
            adv!(c, d, off, len, Addr::Unicast, alen);
        }
        3 | 6 | 7 => {
            if t != 7 {
                c.s(", upstream-neighbor: ");
                adv!(c, d, off, len, Addr::Unicast, alen);
            }
            if len < 4 || bytes(d, off, 4).is_err() {
                return Ok(true);
            }
            let ng = u8_at(d, off + 1)?;
            let hold = be16(d, off + 2)?;
            c.s("\n\t  ");
            c.dec(ng);
            c.s(" group(s)");
            if t != 7 {
                c.s(", holdtime: ");
                if hold == 0xffff {
                    c.s("infinite");
                } else {
                    relts(c, u32::from(hold));
                }
            }
            off += 4;
            len -= 4;
            for i in 0..ng {
                c.s("\n\t    group #");
                c.dec(i + 1);
                c.s(": ");
                adv!(c, d, off, len, Addr::Group, alen);
                if len < 4 || bytes(d, off, 4).is_err() {
                    return Ok(true);
                }
                let nj = be16(d, off)?;
                let np = be16(d, off + 2)?;
                c.s(", joined sources: ");
                c.dec(nj);
                c.s(", pruned sources: ");
                c.dec(np);
                off += 4;
                len -= 4;
                for j in 0..nj {
                    c.s("\n\t      joined source #");
                    c.dec(j + 1);
                    c.s(": ");
                    adv!(c, d, off, len, Addr::Source, alen);
                }
                for j in 0..np {
                    c.s("\n\t      pruned source #");
                    c.dec(j + 1);
                    c.s(": ");
                    adv!(c, d, off, len, Addr::Source, alen);
                }
            }
        }
        4 => {
            if len < 2 {
                return Ok(true);
            }
            let tag = be16(d, off)?;
            c.s(" tag=");
            c.o.hex(u64::from(tag));
            off += 2;
            len -= 2;
            if len < 1 {
                return Ok(true);
            }
            let hm = u8_at(d, off)?;
            c.s(" hashmlen=");
            c.dec(hm);
            if len < 2 || u8_at(d, off + 2).is_err() {
                return Ok(true);
            }
            let prio = u8_at(d, off + 1)?;
            c.s(" BSRprio=");
            c.dec(prio);
            off += 2;
            len -= 2;
            c.s(" BSR=");
            adv!(c, d, off, len, Addr::Unicast, alen);
            let mut i = 0u32;
            while len > 0 {
                c.s(" (group");
                c.dec(i);
                c.s(": ");
                adv!(c, d, off, len, Addr::Group, alen);
                if len < 1 {
                    return Ok(true);
                }
                let rpc = u8_at(d, off)?;
                c.s(" RPcnt=");
                c.dec(rpc);
                if len < 2 {
                    return Ok(true);
                }
                let frp = u8_at(d, off + 1)?;
                c.s(" FRPcnt=");
                c.dec(frp);
                if len < 4 {
                    return Ok(true);
                }
                off += 4;
                len -= 4;
                let mut j = 0u32;
                while j < u32::from(frp) && len > 0 {
                    c.s(" RP");
                    c.dec(j);
                    c.s("=");
                    adv!(c, d, off, len, Addr::Unicast, alen);
                    if len < 2 {
                        return Ok(true);
                    }
                    c.s(",holdtime=");
                    let h = be16(d, off)?;
                    relts(c, u32::from(h));
                    if len < 3 {
                        return Ok(true);
                    }
                    let p = u8_at(d, off + 2)?;
                    c.s(",prio=");
                    c.dec(p);
                    if len < 4 {
                        return Ok(true);
                    }
                    off += 4;
                    len -= 4;
                    j += 1;
                }
                c.s(")");
                i += 1;
            }
        }
        5 => {
            c.s(" group=");
            adv!(c, d, off, len, Addr::Group, alen);
            c.s(" src=");
            adv!(c, d, off, len, Addr::Unicast, alen);
            if len < 8 || bytes(d, off, 8).is_err() {
                return Ok(true);
            }
            let p = be32(d, off)?;
            if p & 0x8000_0000 != 0 {
                c.s(" RPT");
            }
            c.s(" pref=");
            c.dec(p & 0x7fff_ffff);
            c.s(" metric=");
            c.dec(be32(d, off + 4)?);
        }
        8 => {
            if len < 1 {
                return Ok(true);
            }
            let n = u8_at(d, off)?;
            c.s(" prefix-cnt=");
            c.dec(n);
            if len < 2 {
                return Ok(true);
            }
            let p = u8_at(d, off + 1)?;
            c.s(" prio=");
            c.dec(p);
            if len < 4 {
                return Ok(true);
            }
            c.s(" holdtime=");
            let h = be16(d, off + 2)?;
            relts(c, u32::from(h));
            off += 4;
            len -= 4;
            c.s(" RP=");
            adv!(c, d, off, len, Addr::Unicast, alen);
            let mut i = 0;
            while i < n && len > 0 {
                c.s(" Group");
                c.dec(i);
                c.s("=");
                adv!(c, d, off, len, Addr::Group, alen);
                i += 1;
            }
        }
        9 => {
            c.s(" src=");
            adv!(c, d, off, len, Addr::Unicast, alen);
            c.s(" grp=");
            adv!(c, d, off, len, Addr::Group, alen);
            c.s(" forwarder=");
            adv!(c, d, off, len, Addr::Unicast, alen);
            if len < 2 {
                return Ok(true);
            }
            c.s(" TUNR ");
            let t = be16(d, off)?;
            relts(c, u32::from(t));
        }
        10 => {
            let sub = u8_at(d, 1)? >> 4;
            let name = match sub {
                1 => "Offer",
                2 => "Winner",
                3 => "Backoff",
                4 => "Pass",
                _ => "Unknown",
            };
            c.s("\n\t  ");
            c.s(name);
            c.s(",");
            c.s(" rpa=");
            adv!(c, d, off, len, Addr::Unicast, alen);
            let pref = be32(d, off)?;
            c.s(" sender pref=");
            c.dec(pref);
            let metric = be32(d, off + 4)?;
            c.s(" sender metric=");
            c.dec(metric);
            off += 8;
            len = len.wrapping_sub(8);
            if sub == 3 || sub == 4 {
                let who = if sub == 3 { "offer" } else { "new winner" };
                c.s("\n\t  ");
                c.s(who);
                c.s(" addr=");
                adv!(c, d, off, len, Addr::Unicast, alen);
                let pref = be32(d, off)?;
                c.s(" ");
                c.s(who);
                c.s(" pref=");
                c.dec(pref);
                let metric = be32(d, off + 4)?;
                c.s(" ");
                c.s(who);
                c.s(" metric=");
                c.dec(metric);
                if sub == 3 {
                    let iv = be16(d, off + 8)?;
                    c.s(" interval ");
                    c.dec(iv);
                    c.s("ms");
                }
            }
        }
        _ => {
            c.s(" [type ");
            c.dec(t);
            c.s("]");
        }
    }
    Ok(false)
}

/// A PIM message of `length` bytes.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    c.proto = "pim";
    let tv = u8_at(d, 0)?;
    let ver = tv >> 4;
    c.s("PIMv");
    c.dec(ver);
    if ver != 2 {
        c.s(", length ");
        c.dec(length as u64);
        return Ok(());
    }
    if c.opts.verbose == 0 {
        c.s(", ");
        c.s(type_name(tv & 0x0f));
        c.s(", length ");
        c.dec(length as u64);
        return Ok(());
    }
    c.s(", length ");
    c.dec(length as u64);
    c.s("\n\t");
    c.s(type_name(tv & 0x0f));
    if v2(c, d, length, ip)? {
        c.trunc_mark();
    }
    Ok(())
}
