//! Cisco Discovery Protocol (SNAP OUI 0x00000c, PID 0x2000), as tcpdump 4.99
//! prints it: the version, TTL and Device-ID on one line, every TLV with `-v`.
//! Without `-v` tcpdump still hex-dumps every TLV other than the Device-ID.

use super::ospf::bits;
use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

const CAPS: &[(u32, &str)] = &[
    (0x01, "Router"),
    (0x02, "Transparent Bridge"),
    (0x04, "Source Route Bridge"),
    (0x08, "L2 Switch"),
    (0x10, "L3 capable"),
    (0x20, "IGMP snooping"),
    (0x40, "L1 capable"),
];

/// How a known TLV's value is shown.
#[derive(Clone, Copy)]
enum Kind {
    Str,
    Addr,
    Caps,
    Version,
    Prefixes,
    /// Named, but tcpdump prints nothing of its value.
    Silent,
    U16,
    Duplex,
    Ata186,
    Power,
    Mtu,
    U8x,
    PhysLoc,
}

/// tcpdump's TLV table (types 0 to 0x17): name, printer, minimum and maximum
/// value length (0 = no bound). Types inside the table without a name print as
/// "unknown field type" but, like named ones, without a hex dump under -v.
fn tlv_info(t: u16) -> Option<(Option<&'static str>, Kind, usize, usize)> {
    use Kind::*;
    let (name, kind, min, max) = match t {
        0x01 => ("Device-ID", Str, 0, 0),
        0x02 => ("Address", Addr, 0, 0),
        0x03 => ("Port-ID", Str, 0, 0),
        0x04 => ("Capability", Caps, 4, 4),
        0x05 => ("Version String", Version, 0, 0),
        0x06 => ("Platform", Str, 0, 0),
        0x07 => ("Prefixes", Prefixes, 0, 0),
        0x08 => ("Protocol-Hello option", Silent, 0, 0),
        0x09 => ("VTP Management Domain", Str, 0, 0),
        0x0a => ("Native VLAN ID", U16, 2, 2),
        0x0b => ("Duplex", Duplex, 1, 1),
        0x0e => ("ATA-186 VoIP VLAN assignment", Ata186, 3, 3),
        0x0f => ("ATA-186 VoIP VLAN request", Ata186, 2, 3),
        0x10 => ("power consumption", Power, 1, 3),
        0x11 => ("MTU", Mtu, 4, 4),
        0x12 => ("AVVID trust bitmap", U8x, 1, 1),
        0x13 => ("AVVID untrusted ports CoS", U8x, 1, 1),
        0x14 => ("System Name", Str, 0, 0),
        0x15 => ("System Object ID (not decoded)", Silent, 0, 0),
        0x16 => ("Management Addresses", Addr, 4, 0),
        0x17 => ("Physical Location", PhysLoc, 1, 0),
        0x00 | 0x0c | 0x0d => return Some((None, Silent, 0, 0)),
        _ => return None,
    };
    Some((Some(name), kind, min, max))
}

fn plural(c: &mut Ctx, n: usize) {
    if n != 1 {
        c.s("s");
    }
}

/// tcpdump's nd_printn: each byte shown as fn_print_char does, stopping at the
/// end of the capture.
fn chars(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        print_char(c, b);
    }
    Ok(())
}

fn quoted(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    c.s("'");
    chars(c, d, off, n)?;
    c.s("'");
    Ok(())
}

/// Checks that `n` bytes from `off` were captured (tcpdump's ND_TCHECK_LEN).
fn check(d: &[u8], off: usize, n: usize) -> R {
    bytes(d, off, n).map(|_| ())
}

/// The CDP PDU; `d` starts at the version byte.
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "cdp";
    let v = c.opts.verbose > 0;
    if length < 4 {
        c.s(" (packet length ");
        c.dec(length as u64);
        c.s(" < 4)");
        c.invalid();
        return check(d, 0, length);
    }
    let version = u8_at(d, 0)?;
    let ttl = u8_at(d, 1)?;
    c.s("CDPv");
    c.dec(version);
    c.s(", ttl: ");
    c.dec(ttl);
    c.s("s");
    let sum = be16(d, 2)?;
    if v {
        c.s(", checksum: 0x");
        c.o.hexw(u64::from(sum), 4);
        c.s(" (unverified), length ");
        c.dec(length as u64);
    }
    let mut p = 4usize;
    let mut rem = length - 4;
    while rem > 0 {
        if rem < 4 {
            c.s(" (remaining packet length ");
            c.dec(rem as u64);
            c.s(" < 4)");
            c.invalid();
            return check(d, p, rem);
        }
        let ty = be16(d, p)?;
        let tlen = usize::from(be16(d, p + 2)?);
        let info = tlv_info(ty);
        let name = info.and_then(|i| i.0).unwrap_or("unknown field type");
        if tlen < 4 {
            if v {
                c.s("\n\t");
                c.s(name);
                c.s(" (0x");
                c.o.hexw(u64::from(ty), 2);
                c.s("), TLV length: ");
                c.dec(tlen as u64);
                c.s(" byte");
                plural(c, tlen);
                c.s(" (too short)");
            } else {
                c.s(", ");
                c.s(name);
                c.s(" TLV length ");
                c.dec(tlen as u64);
                c.s(" too short");
            }
            c.invalid();
            return check(d, p, rem);
        }
        if tlen > rem {
            c.s(" (TLV length ");
            c.dec(tlen as u64);
            c.s(" > ");
            c.dec(rem as u64);
            c.s(")");
            c.invalid();
            return check(d, p, rem);
        }
        p += 4;
        rem -= 4;
        let len = tlen - 4;
        if !v && ty == 1 {
            c.s(", Device-ID ");
        } else if v {
            c.s("\n\t");
            c.s(name);
            c.s(" (0x");
            c.o.hexw(u64::from(ty), 2);
            c.s("), value length: ");
            c.dec(len as u64);
            c.s(" byte");
            plural(c, len);
            c.s(": ");
        }
        let mut covered = false;
        if let Some((_, kind, min, max)) = info {
            if (min > 0 && len < min) || (max > 0 && len > max) {
                c.s(" (malformed TLV)");
            } else if v || ty == 1 {
                value(c, kind, d, p, len)?;
                covered = true;
            }
        }
        if !covered {
            check(d, p, len)?;
            unknown_data(c, d, p, "\n\t  ", len);
        }
        p += len;
        rem -= len;
    }
    if !v {
        c.s(", length ");
        c.dec(length as u64);
    }
    Ok(())
}

fn value(c: &mut Ctx, kind: Kind, d: &[u8], p: usize, len: usize) -> R {
    match kind {
        Kind::Str => quoted(c, d, p, len)?,
        Kind::Addr => addresses(c, d, p, len)?,
        Kind::Caps => {
            let caps = be32(d, p)?;
            c.s("(0x");
            c.o.hexw(u64::from(caps), 8);
            c.s("): ");
            bits(c, CAPS, caps, "none");
        }
        Kind::Version => {
            c.s("\n\t  ");
            for i in 0..len {
                let b = u8_at(d, p + i)?;
                if b == b'\n' {
                    c.s("\n\t  ");
                } else {
                    print_char(c, b);
                }
            }
        }
        Kind::Prefixes => prefixes(c, d, p, len)?,
        Kind::Silent => check(d, p, len)?,
        Kind::U16 => c.dec(be16(d, p)?),
        Kind::Duplex => c.s(if u8_at(d, p)? != 0 { "full" } else { "half" }),
        Kind::Ata186 => {
            if len == 2 {
                let x = be16(d, p)?;
                c.s("unknown 0x");
                c.o.hexw(u64::from(x), 4);
            } else {
                let app = u8_at(d, p)?;
                let vlan = be16(d, p + 1)?;
                c.s("app ");
                c.dec(app);
                c.s(", vlan ");
                c.dec(vlan);
            }
        }
        Kind::Power => {
            let mut mw = 0u32;
            for i in 0..len {
                mw = (mw << 8) | u32::from(u8_at(d, p + i)?);
            }
            // printf's "%1.2f" of the watts: both round the exact binary value.
            let watts = format!("{:.2}", f64::from(mw) / 1000.0);
            c.s(&watts);
            c.s("W");
        }
        Kind::Mtu => {
            let mtu = be32(d, p)?;
            c.dec(mtu);
            c.s(" bytes");
        }
        Kind::U8x => {
            let x = u8_at(d, p)?;
            c.s("0x");
            c.o.hexw(u64::from(x), 2);
        }
        Kind::PhysLoc => {
            let x = u8_at(d, p)?;
            c.s("0x");
            c.o.hexw(u64::from(x), 2);
            if len > 1 {
                c.s("/");
                chars(c, d, p + 1, len - 1)?;
            }
        }
    }
    Ok(())
}

/// The Address and Management Addresses TLVs: a count, then (protocol type,
/// protocol, address) triples; IPv4 and IPv6 are decoded, others shown raw.
fn addresses(c: &mut Ctx, d: &[u8], mut p: usize, mut l: usize) -> R {
    if l < 4 {
        c.s(" (not enough space for num)");
        return check(d, p, l);
    }
    let mut num = be32(d, p)?;
    p += 4;
    l -= 4;
    while num > 0 {
        if l < 2 {
            c.s(" (not enough space for PT+PL)");
            return check(d, p, l);
        }
        let pt = u8_at(d, p)?;
        let pl = usize::from(u8_at(d, p + 1)?);
        p += 2;
        l -= 2;
        if l < pl + 2 {
            c.s(" (not enough space for P+AL)");
            return check(d, p, l);
        }
        let al = usize::from(be16(d, p + pl)?);
        const LLC_IPV6: [u8; 8] = [0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd];
        let ipv4 = pt == 1 && pl == 1 && u8_at(d, p)? == 0xcc && al == 4;
        let ipv6 = !ipv4 && pt == 2 && pl == 8 && bytes(d, p, 8)? == LLC_IPV6 && al == 16;
        if ipv4 || ipv6 {
            p += pl + 2;
            l -= pl + 2;
            if l < al {
                c.s(" (not enough space for A)");
                return check(d, p, l);
            }
            let a = bytes(d, p, al)?;
            if ipv4 {
                c.s("IPv4 (");
                c.dec(num);
                c.s(") ");
                c.ipaddr(a);
            } else {
                c.s("IPv6 (");
                c.dec(num);
                c.s(") ");
                c.ip6addr(a);
            }
            p += al;
            l -= al;
        } else {
            c.s("pt=0x");
            c.o.hexw(u64::from(pt), 2);
            c.s(", pl=");
            c.dec(pl as u64);
            c.s(", pb=");
            for _ in 0..pl {
                let b = u8_at(d, p)?;
                c.s(" ");
                c.o.hexw(u64::from(b), 2);
                p += 1;
                l -= 1;
            }
            c.s(", al=");
            c.dec(al as u64);
            c.s(", a=");
            p += 2;
            l -= 2;
            if l < al {
                c.s(" (not enough space for A)");
                return check(d, p, l);
            }
            for _ in 0..al {
                let b = u8_at(d, p)?;
                c.s(" ");
                c.o.hexw(u64::from(b), 2);
                p += 1;
                l -= 1;
            }
        }
        num -= 1;
        if num > 0 {
            c.s(" ");
        }
    }
    if l > 0 {
        c.s(" (");
        c.dec(l as u64);
        c.s(" bytes of stray data)");
    }
    Ok(())
}

fn prefixes(c: &mut Ctx, d: &[u8], mut p: usize, mut l: usize) -> R {
    if !l.is_multiple_of(5) {
        c.s(" [length ");
        c.dec(l as u64);
        c.s(" is not a multiple of 5]");
        return check(d, p, l);
    }
    c.s(" IPv4 Prefixes (");
    c.dec((l / 5) as u64);
    c.s("):");
    while l > 0 {
        let b = bytes(d, p, 5).map_err(|_| Trunc)?;
        c.s(" ");
        c.o.ipv4(b);
        c.s("/");
        c.dec(b[4]);
        l -= 5;
        p += 5;
    }
    Ok(())
}
