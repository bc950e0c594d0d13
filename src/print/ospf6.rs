//! OSPFv3 (IP protocol 89 over IPv6): tcpdump's summary line; with `-v` the
//! header, Hello and DD fields and the LLS / authentication trailers; with `-vv`
//! also neighbor lists, LSA headers and LS-Update contents.
//!
//! tcpdump stops this printer in two ways: a failed bounds check inside the
//! decoder prints ` [|ospf3]` and returns normally (`Ok(true)` here, "soft"),
//! a failed read macro aborts the packet (`Err`).

use super::hex::hex_only;
use super::ospf::{bits, packet_name, router_and_area};
use super::out::Put;
use super::{Ctx, R, be16, be32, bytes, u8_at};

/// Soft truncation: tcpdump's `goto trunc` in this printer.
type Soft = R<bool>;

const OPTIONS: &[(u32, &str)] = &[
    (0x01, "V6"),
    (0x02, "External"),
    (0x04, "Deprecated"),
    (0x08, "NSSA"),
    (0x10, "Router"),
    (0x20, "Demand Circuit"),
    (0x100, "AFs Support"),
    (0x200, "LLS"),
    (0x400, "Authentication Trailer"),
];

const RLA_FLAGS: &[(u32, &str)] = &[
    (0x01, "ABR"),
    (0x02, "External"),
    (0x04, "Virtual-Link Endpoint"),
    (0x08, "Deprecated"),
    (0x10, "NSSA Translator"),
];

const ASLA_FLAGS: &[(u32, &str)] = &[
    (0x8000_0000, "External Type 2"),
    (0x0200_0000, "Forwarding"),
    (0x0100_0000, "Tag"),
];

const DD_FLAGS: &[(u32, &str)] = &[
    (0x04, "Init"),
    (0x02, "More"),
    (0x01, "Master"),
    (0x10, "IPv6 MTU"),
];

const PREFIX_OPTIONS: &[(u32, &str)] = &[
    (0x01, "No Unicast"),
    (0x02, "Local address"),
    (0x04, "Deprecated"),
    (0x08, "Propagate"),
    (0x10, "Down"),
    (0x20, "N-bit"),
];

fn lsa_name(t: u16) -> &'static str {
    match t {
        1 => "Router",
        2 => "Network",
        3 => "Inter-Area Prefix",
        4 => "Inter-Area Router",
        5 => "External",
        6 => "Deprecated",
        7 => "NSSA",
        8 => "Link",
        9 => "Intra-Area Prefix",
        10 => "Intra-Area TE",
        11 => "Grace",
        12 => "Router Information",
        13 => "Inter-AS-TE",
        14 => "Layer 1 VPN",
        _ => "Unknown",
    }
}

fn ls_type(c: &mut Ctx, d: &[u8], t: u16, id_off: usize) -> R {
    let id = bytes(d, id_off, 4)?;
    c.s("\n\t    ");
    c.s(lsa_name(t & 0x1fff));
    c.s(" LSA (");
    c.dec(t & 0x1fff);
    c.s("), ");
    c.s(match t & 0x6000 {
        0 => "Link Local",
        0x2000 => "Area Local",
        0x4000 => "Domain Wide",
        _ => "Unknown",
    });
    c.s(" Scope");
    if t & 0x8000 != 0 {
        c.s(", transitive");
    }
    c.s(", LSA-ID ");
    c.ipaddr(id);
    Ok(())
}

fn lshdr(c: &mut Ctx, d: &[u8], off: usize, dataend: usize) -> Soft {
    if off + 20 > dataend {
        return Ok(true);
    }
    let router = bytes(d, off + 8, 4)?;
    let seq = be32(d, off + 12)?;
    let age = be16(d, off)?;
    let len = be16(d, off + 18)?;
    c.s("\n\t  Advertising Router ");
    c.ipaddr(router);
    c.s(", seq 0x");
    c.o.hexw(u64::from(seq), 8);
    c.s(", age ");
    c.dec(age);
    c.s("s, length ");
    // A size_t subtraction in tcpdump: short lengths wrap around.
    c.dec(u64::from(len).wrapping_sub(20));
    let t = be16(d, off + 2)?;
    ls_type(c, d, t, off + 4)?;
    Ok(false)
}

/// One address prefix; its size, or None where tcpdump gives up (soft).
fn prefix(c: &mut Ctx, d: &[u8], off: usize, mut rem: usize) -> R<Option<usize>> {
    if rem < 4 {
        return Ok(None);
    }
    rem -= 4;
    if bytes(d, off, 4).is_err() {
        return Ok(None);
    }
    let plen = u8_at(d, off)?;
    let words = usize::from(plen).div_ceil(32);
    if words * 4 > 16 {
        c.s(" bogus prefixlen /");
        c.dec(plen);
        return Ok(None);
    }
    if rem < words * 4 {
        return Ok(None);
    }
    let mut a = [0u8; 16];
    a[..words * 4].copy_from_slice(bytes(d, off + 4, words * 4)?);
    c.s("\n\t\t");
    c.o.ipv6(&a);
    c.s("/");
    c.dec(plen);
    let opt = u8_at(d, off + 1)?;
    if opt != 0 {
        c.s(", Options [");
        bits(c, PREFIX_OPTIONS, u32::from(opt), "none");
        c.s("]");
    }
    let metric = be16(d, off + 2)?;
    c.s(", metric ");
    c.dec(metric);
    Ok(Some(4 + words * 4))
}

/// `count` prefixes (or until `rem` runs out when `count` is None).
fn prefixes(c: &mut Ctx, d: &[u8], mut off: usize, mut rem: usize, count: Option<u32>) -> Soft {
    let mut left = count;
    loop {
        match left {
            Some(0) => return Ok(false),
            None if rem == 0 => return Ok(false),
            _ => {}
        }
        let Some(n) = prefix(c, d, off, rem)? else {
            return Ok(true);
        };
        rem -= n;
        off += n;
        if let Some(l) = left.as_mut() {
            *l -= 1;
        }
    }
}

fn options(c: &mut Ctx, d: &[u8], off: usize, lead: &str) -> R {
    let o = be32(d, off)?;
    c.s(lead);
    c.s("Options [");
    bits(c, OPTIONS, o, "none");
    c.s("]");
    Ok(())
}

fn lsa(c: &mut Ctx, d: &[u8], off: usize, dataend: usize) -> Soft {
    if lshdr(c, d, off, dataend)? {
        return Ok(true);
    }
    let length = usize::from(be16(d, off + 18)?);
    if length < 20 || off + length > dataend {
        return Ok(true);
    }
    let mut rem = length - 20;
    let body = off + 20;
    match be16(d, off + 2)? {
        0x2001 => {
            if rem < 4 {
                return Ok(true);
            }
            rem -= 4;
            options(c, d, body, "\n\t      ")?;
            let fl = u8_at(d, body)?;
            c.s(", RLA-Flags [");
            bits(c, RLA_FLAGS, u32::from(fl), "none");
            c.s("]");
            let mut l = body + 4;
            while rem != 0 {
                if rem < 16 {
                    return Ok(true);
                }
                rem -= 16;
                if bytes(d, l, 16).is_err() {
                    return Ok(true);
                }
                let lt = u8_at(d, l)?;
                let what = match lt {
                    4 => "Virtual Link: Neighbor Router-ID ",
                    1 => "Neighbor Router-ID ",
                    2 => "Neighbor Network-ID ",
                    _ => {
                        c.s("\n\t      Unknown Router Links Type 0x");
                        c.o.hexw(u64::from(lt), 2);
                        return Ok(false);
                    }
                };
                c.s("\n\t      ");
                c.s(what);
                c.ipaddr(&d[l + 12..l + 16]);
                c.s("\n\t      Neighbor Interface-ID ");
                c.ipaddr(&d[l + 8..l + 12]);
                c.s(", Interface ");
                c.ipaddr(&d[l + 4..l + 8]);
                c.s(", metric ");
                c.dec(be16(d, l + 2)?);
                l += 16;
            }
        }
        0x2002 => {
            if rem < 4 {
                return Ok(true);
            }
            rem -= 4;
            options(c, d, body, "\n\t      ")?;
            c.s("\n\t      Connected Routers:");
            let mut a = body + 4;
            while rem != 0 {
                if rem < 4 {
                    return Ok(true);
                }
                rem -= 4;
                let r = bytes(d, a, 4)?;
                c.s("\n\t\t");
                c.ipaddr(r);
                a += 4;
            }
        }
        0x2003 => {
            if rem < 4 {
                return Ok(true);
            }
            rem -= 4;
            let m = be32(d, body)?;
            c.s(", metric ");
            c.dec(m & 0x00ff_ffff);
            return prefixes(c, d, body + 4, rem, None);
        }
        0x4005 => {
            if rem < 4 {
                return Ok(true);
            }
            rem -= 4;
            let f = be32(d, body)?;
            c.s("\n\t     Flags [");
            bits(c, ASLA_FLAGS, f, "none");
            c.s("]");
            c.s(" metric ");
            c.dec(f & 0x00ff_ffff);
            let p = body + 4;
            let Some(n) = prefix(c, d, p, rem)? else {
                return Ok(true);
            };
            rem -= n;
            let mut t = p + n;
            if f & 0x0200_0000 != 0 {
                if rem < 16 {
                    return Ok(true);
                }
                rem -= 16;
                let a = bytes(d, t, 16)?;
                c.s(" forward ");
                c.ip6addr(a);
                t += 16;
            }
            if f & 0x0100_0000 != 0 {
                if rem < 4 {
                    return Ok(true);
                }
                rem -= 4;
                let a = bytes(d, t, 4)?;
                c.s(" tag ");
                c.ipaddr(a);
                t += 4;
            }
            if u8_at(d, p + 2)? != 0 {
                if rem < 4 {
                    return Ok(true);
                }
                let a = bytes(d, t, 4)?;
                c.s(" RefLSID: ");
                c.ipaddr(a);
            }
        }
        0x0008 => {
            if rem < 4 {
                return Ok(true);
            }
            rem -= 4;
            if bytes(d, body, 4).is_err() {
                return Ok(true);
            }
            options(c, d, body, "\n\t      ")?;
            if rem < 20 {
                return Ok(true);
            }
            rem -= 20;
            let n = be32(d, body + 20)?;
            let pri = u8_at(d, body)?;
            let ll = bytes(d, body + 4, 16)?;
            c.s("\n\t      Priority ");
            c.dec(pri);
            c.s(", Link-local address ");
            c.ip6addr(ll);
            c.s(", Prefixes ");
            c.dec(n);
            c.s(":");
            return prefixes(c, d, body + 24, rem, Some(n));
        }
        0x2009 => {
            if rem < 4 {
                return Ok(true);
            }
            rem -= 4;
            if bytes(d, body + 8, 4).is_err() {
                return Ok(true);
            }
            let t = be16(d, body + 2)?;
            ls_type(c, d, t, body + 4)?;
            if rem < 2 {
                return Ok(true);
            }
            rem -= 2;
            let n = be16(d, body)?;
            c.s("\n\t      Prefixes ");
            c.dec(n);
            c.s(":");
            return prefixes(c, d, body + 12, rem, Some(u32::from(n)));
        }
        0x000b => {
            if !super::ospf::grace_tlvs(c, d, body, rem)? {
                return Ok(true);
            }
        }
        0x000a => {
            if !super::ospf::te_tlvs(c, d, body, rem)? {
                return Ok(true);
            }
        }
        _ => {
            let avail = d.get(body..).unwrap_or(&[]);
            if avail.is_empty() && body > d.len() {
                return Ok(true);
            }
            let m = rem.min(avail.len());
            hex_only(&mut c.o, "\n\t      ", &avail[..m], 0);
        }
    }
    Ok(false)
}

fn decode_v3(c: &mut Ctx, d: &[u8], dataend: usize) -> Soft {
    let vv = c.opts.verbose > 1;
    match u8_at(d, 1)? {
        1 => {
            options(c, d, 20, "\n\t")?;
            let (hi, dead) = (be16(d, 24)?, be16(d, 26)?);
            let ifid = bytes(d, 16, 4)?;
            let pri = u8_at(d, 20)?;
            c.s("\n\t  Hello Timer ");
            c.dec(hi);
            c.s("s, Dead Timer ");
            c.dec(dead);
            c.s("s, Interface-ID ");
            c.ipaddr(ifid);
            c.s(", Priority ");
            c.dec(pri);
            if be32(d, 28)? != 0 {
                c.s("\n\t  Designated Router ");
                c.ipaddr(&d[28..32]);
            }
            if be32(d, 32)? != 0 {
                c.s(", Backup Designated Router ");
                c.ipaddr(&d[32..36]);
            }
            if vv {
                c.s("\n\t  Neighbor List:");
                let mut a = 36;
                while a < dataend {
                    let n = bytes(d, a, 4)?;
                    c.s("\n\t    ");
                    c.ipaddr(n);
                    a += 4;
                }
            }
        }
        2 => {
            options(c, d, 16, "\n\t")?;
            let f = u8_at(d, 23)?;
            c.s(", DD Flags [");
            bits(c, DD_FLAGS, u32::from(f), "none");
            c.s("]");
            let (mtu, seq) = (be16(d, 20)?, be32(d, 24)?);
            c.s(", MTU ");
            c.dec(mtu);
            c.s(", DD-Sequence 0x");
            c.o.hexw(u64::from(seq), 8);
            if vv {
                let mut h = 28;
                while h < dataend {
                    if lshdr(c, d, h, dataend)? {
                        return Ok(true);
                    }
                    h += 20;
                }
            }
        }
        3 if vv => {
            let mut r = 16;
            while r < dataend {
                if bytes(d, r, 12).is_err() {
                    return Ok(true);
                }
                c.s("\n\t  Advertising Router ");
                c.ipaddr(&d[r + 8..r + 12]);
                let t = be16(d, r + 2)?;
                ls_type(c, d, t, r + 4)?;
                r += 12;
            }
        }
        4 if vv => {
            let mut i = be32(d, 16)?;
            let mut l = 20;
            while l < dataend && i > 0 {
                i -= 1;
                if lsa(c, d, l, dataend)? {
                    return Ok(true);
                }
                l += usize::from(be16(d, l + 18)?);
            }
        }
        5 if vv => {
            let mut h = 16;
            while h < dataend {
                if lshdr(c, d, h, dataend)? {
                    return Ok(true);
                }
                h += 20;
            }
        }
        _ => {}
    }
    Ok(false)
}

/// The link-local signalling block; its length, or None (soft truncation).
fn lls(c: &mut Ctx, d: &[u8], cp: usize, len: usize) -> R<Option<usize>> {
    if len == 0 {
        return Ok(Some(0));
    }
    if len < 4 {
        return Ok(None);
    }
    let ck = be16(d, cp)?;
    c.s("\n\tLLS Checksum 0x");
    c.o.hexw(u64::from(ck), 4);
    let l = usize::from(be16(d, cp + 2)?);
    c.s(", Data Length ");
    c.dec(l as u64);
    if l < 4 || l > len {
        return Ok(None);
    }
    if bytes(d, cp + 4, l - 4).is_err() {
        return Ok(None);
    }
    Ok(Some(l))
}

/// The authentication trailer (RFC 6506).
fn auth_trailer(c: &mut Ctx, d: &[u8], cp: usize, len: usize) -> Soft {
    if len == 0 {
        return Ok(false);
    }
    if len < 16 {
        return Ok(true);
    }
    let t = be16(d, cp)?;
    c.s("\n\tAuthentication Type ");
    if t == 1 {
        c.s("HMAC");
    } else {
        c.s("unknown (0x");
        c.o.hexw(u64::from(t), 4);
        c.s(")");
    }
    let l = usize::from(be16(d, cp + 2)?);
    c.s(", Length ");
    c.dec(l as u64);
    if l < 16 || l > len {
        return Ok(true);
    }
    let said = be16(d, cp + 6)?;
    c.s(", SAID ");
    c.dec(said);
    let hi = be32(d, cp + 8)?;
    c.s(", CSN 0x");
    c.o.hexw(u64::from(hi), 8);
    let lo = be32(d, cp + 12)?;
    c.s(":");
    c.o.hexw(u64::from(lo), 8);
    let Ok(data) = bytes(d, cp + 16, l - 16) else {
        return Ok(true);
    };
    if c.opts.verbose > 1 {
        hex_only(&mut c.o, "\n\tAuthentication Data ", data, 0);
    }
    Ok(false)
}

fn trailer(c: &mut Ctx, d: &[u8], cp: usize, len: usize) -> Soft {
    let has_lls = match u8_at(d, 1)? {
        1 => be32(d, 20)? & 0x200 != 0,
        2 => be32(d, 16)? & 0x200 != 0,
        _ => false,
    };
    let mut l = 0;
    if has_lls {
        match lls(c, d, cp, len)? {
            Some(n) => l = n,
            None => return Ok(true),
        }
    }
    auth_trailer(c, d, cp + l, len - l)
}

/// An OSPFv3 packet of `length` bytes.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "ospf3";
    let t = u8_at(d, 1)?;
    let ver = u8_at(d, 0)?;
    let name = packet_name(t);
    c.s("OSPFv");
    c.dec(ver);
    c.s(", ");
    if name.is_empty() {
        c.s("unknown packet type (");
        c.dec(t);
        c.s(")");
    } else {
        c.s(name);
    }
    c.s(", length ");
    c.dec(length as u64);
    if name.is_empty() || c.opts.verbose == 0 {
        return Ok(());
    }
    let datalen = usize::from(be16(d, 2)?);
    if datalen > length {
        c.s(" [len ");
        c.dec(datalen as u64);
        c.s("]");
        return Ok(());
    }
    router_and_area(c, d)?;
    let inst = u8_at(d, 14)?;
    if inst != 0 {
        c.s(", Instance ");
        c.dec(inst);
    }
    if ver == 3 && (decode_v3(c, d, datalen)? || trailer(c, d, datalen, length - datalen)?) {
        c.trunc_mark();
    }
    Ok(())
}
