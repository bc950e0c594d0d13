//! BGP-4 (TCP port 179) as tcpdump 4.99 prints it: `BGP` alone by default; with -v
//! every message of the segment (found by its all-ones marker): OPEN with its
//! optional parameters and capabilities, UPDATE with withdrawn routes, path
//! attributes (`attr`: AS paths with 2- or 4-byte ASes, communities, extended and
//! large communities, multiprotocol reach/unreach, PMSI, AIGP, attribute sets) and
//! NLRI (`nlri`: IPv4/IPv6, labeled, VPN, RT-constraint, MDT, multicast-VPN, L2VPN,
//! CLNP; add-path detected as tcpdump guesses it), NOTIFICATION with its codes,
//! KEEPALIVE, ROUTE-REFRESH; -vv adds hex dumps of attributes and capabilities.
//!
//! Every slice handed around here starts at a message (or field) and runs to the
//! end of the captured segment, not of the message: tcpdump bounds its reads by
//! the capture, so a length field that overruns its message reads on into the next
//! one. `Err(Trunc)` is tcpdump's longjmp on a read past the capture (the caller
//! prints ` [|bgp]` and stops); `trunc_here` is its local `goto trunc`, which
//! prints the mark and lets the enclosing printer carry on.

use super::af::af_name;
use super::hex::hex_only;
use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, Trunc, be16, be32, bytes, cut, u8_at};

mod attr;
mod names;
mod nlri;

use attr::*;
use names::*;
use nlri::*;

const MARKER: [u8; 16] = [0xff; 16];

const HDR: usize = 19;

/// `name (n)` with tcpdump's fallback word for unknown values.
fn named(c: &mut Ctx, name: Option<&str>, unknown: &str, v: u64) {
    c.s(name.unwrap_or(unknown));
    c.s(" (");
    c.dec(v);
    c.s(")");
}

fn afi_safi(c: &mut Ctx, afi: u16, safi: u8) {
    c.s("AFI ");
    named(c, af_name(afi), "Unknown", afi.into());
    c.s(", SAFI ");
    named(c, safi_name(safi), "Unknown", safi.into());
}

/// An AS number as tcpdump's as_printf writes it: decimal, or with -b ASDOT
/// notation (`high.low`) for numbers above 65535.
pub(super) fn as_text(asdot: bool, asn: u32) -> String {
    if asdot && asn > 0xffff {
        format!("{}.{}", asn >> 16, asn & 0xffff)
    } else {
        asn.to_string()
    }
}

/// Prints an AS number (see [`as_text`]).
pub(super) fn as_num(c: &mut Ctx, asn: u32) {
    if c.opts.asdot && asn > 0xffff {
        c.dec(asn >> 16);
        c.s(".");
        c.dec(asn & 0xffff);
    } else {
        c.dec(asn);
    }
}

fn trunc_here(c: &mut Ctx) {
    c.trunc_mark();
}

/// Whether `n` bytes from `off` were captured (tcpdump's ND_TTEST_LEN).
fn have(d: &[u8], off: usize, n: usize) -> bool {
    off.checked_add(n).is_some_and(|e| e <= d.len())
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "bgp";
    c.s(": BGP");
    if c.opts.verbose < 1 {
        return Ok(());
    }
    let d = cut(d, length);
    let mut p = 0usize;
    let mut start = 0usize;
    while p < d.len() {
        if d[p] != 0xff {
            p += 1;
            continue;
        }
        let Some(m) = d.get(p..p + 16) else { break };
        if m != MARKER {
            p += 1;
            continue;
        }
        if !have(d, p, HDR) {
            trunc_here(c);
            return Ok(());
        }
        if start != p {
            trunc_here(c);
        }
        let hlen = usize::from(be16(d, p + 16)?);
        if hlen < HDR {
            c.s("\nmessage length ");
            c.dec(hlen as u64);
            c.s(" < 19");
            c.invalid();
            break;
        }
        if have(d, p, hlen) {
            pdu(c, &d[p..], hlen)?;
            p += hlen;
            start = p;
        } else {
            c.s("\n[|BGP ");
            c.s(msg_name(d[p + 18]).unwrap_or("Unknown Message Type"));
            c.s("]");
            break;
        }
    }
    Ok(())
}

/// One message, all `length` bytes of it captured.
fn pdu(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let t = u8_at(d, 18)?;
    c.s("\n\t");
    c.s(msg_name(t).unwrap_or("Unknown"));
    c.s(" Message (");
    c.dec(t);
    c.s("), length: ");
    c.dec(length as u64);
    match t {
        1 => open(c, d, length),
        2 => update(c, d, length),
        3 => notification(c, d, length),
        4 => Ok(()),
        5 => route_refresh(c, d, length),
        _ => {
            c.s("\n\t  no Message ");
            c.dec(t);
            c.s(" decoder");
            unknown_data(c, d, 0, "\n\t  ", length);
            Ok(())
        }
    }
}

fn open(c: &mut Ctx, d: &[u8], length: usize) -> R {
    const OPEN: usize = 29;
    if !have(d, 0, OPEN) || length < OPEN {
        trunc_here(c);
        return Ok(());
    }
    c.s("\n\t  Version ");
    c.dec(d[19]);
    c.s(", my AS ");
    as_num(c, be16(d, 20)?.into());
    c.s(", Holdtime ");
    c.dec(be16(d, 22)?);
    c.s("s, ID ");
    c.ipaddr(&d[24..28]);
    let optslen = usize::from(d[28]);
    c.s("\n\t  Optional parameters, length: ");
    c.dec(optslen as u64);
    let length = length - OPEN;
    let mut i = 0usize;
    while i < optslen {
        if !have(d, OPEN + i, 2) || length < 2 + i {
            trunc_here(c);
            return Ok(());
        }
        let t = d[OPEN + i];
        let len = usize::from(d[OPEN + i + 1]);
        if 2 + i + len > optslen {
            c.s("\n\t     Option ");
            c.dec(t);
            c.s(", length: ");
            c.dec(len as u64);
            c.s(", goes past the end of the options");
            break;
        }
        c.s("\n\t    Option ");
        let name = match t {
            1 => Some("Authentication Information"),
            2 => Some("Capabilities Advertisement"),
            _ => None,
        };
        named(c, name, "Unknown", t.into());
        c.s(", length: ");
        c.dec(len as u64);
        if t == 2 {
            capabilities(c, d, OPEN + 2 + i, len)?;
        } else {
            c.s("\n\t      no decoder for option ");
            c.dec(t);
        }
        i += 2 + len;
    }
    Ok(())
}

fn capabilities(c: &mut Ctx, d: &[u8], off: usize, caps_len: usize) -> R {
    let mut i = 0usize;
    while i < caps_len {
        let at = off + i;
        if !have(d, at, 2) {
            trunc_here(c);
            return Ok(());
        }
        let t = d[at];
        let len = usize::from(d[at + 1]);
        c.s("\n\t      ");
        named(c, cap_name(t), "Unknown", t.into());
        c.s(", length: ");
        c.dec(len as u64);
        if !have(d, at + 2, len) {
            trunc_here(c);
            return Ok(());
        }
        let v = at + 2;
        match t {
            1 => {
                if len < 4 {
                    c.s(" (too short, < 4)");
                    return Ok(());
                }
                c.s("\n\t\t");
                afi_safi(c, be16(d, v)?, u8_at(d, v + 3)?);
            }
            8 => {
                let mut k = 0;
                while len - k >= 4 {
                    c.s("\n\t\t");
                    afi_safi(c, be16(d, v + k)?, u8_at(d, v + k + 2)?);
                    c.s(", Count: ");
                    c.dec(u8_at(d, v + k + 3)?);
                    k += 4;
                }
            }
            64 => {
                if len < 2 {
                    c.s(" (too short, < 2)");
                    return Ok(());
                }
                c.s("\n\t\tRestart Flags: [");
                c.s(if d[v] & 0x80 != 0 { "R" } else { "none" });
                c.s("], Restart Time ");
                c.dec(be16(d, v)? & 0xfff);
                c.s("s");
                let mut k = 2;
                while len - k >= 4 {
                    c.s("\n\t\t  ");
                    afi_safi(c, be16(d, v + k)?, u8_at(d, v + k + 2)?);
                    c.s(", Forwarding state preserved: ");
                    c.s(if u8_at(d, v + k + 3)? & 0x80 != 0 {
                        "yes"
                    } else {
                        "no"
                    });
                    k += 4;
                }
            }
            2 | 71 | 128 => {}
            65 => {
                if len < 4 {
                    c.s(" (too short, < 4)");
                    return Ok(());
                }
                c.s("\n\t\t 4 Byte AS ");
                as_num(c, be32(d, v)?);
            }
            69 => {
                if len == 0 {
                    c.s(" (bogus)");
                } else {
                    let mut k = 0;
                    while k != len {
                        if len - k < 4 {
                            c.invalid();
                            break;
                        }
                        c.s("\n\t\t");
                        afi_safi(c, be16(d, v + k)?, u8_at(d, v + k + 2)?);
                        c.s(", Send/Receive: ");
                        match u8_at(d, v + k + 3)? {
                            1 => c.s("Receive"),
                            2 => c.s("Send"),
                            3 => c.s("Both"),
                            b => {
                                c.s("Bogus (0x");
                                c.o.hexw(b.into(), 2);
                                c.s(")");
                            }
                        }
                        k += 4;
                    }
                }
            }
            _ => {
                c.s("\n\t\tno decoder for Capability ");
                c.dec(t);
                if c.opts.verbose <= 1 {
                    unknown_data(c, d, v, "\n\t\t", len);
                }
            }
        }
        if c.opts.verbose > 1 && len != 0 {
            unknown_data(c, d, v, "\n\t\t", len);
        }
        i += 2 + len;
    }
    Ok(())
}

fn update(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let mut p = HDR;
    let mut length = length - HDR;
    if !have(d, p, 2) || length < 2 {
        trunc_here(c);
        return Ok(());
    }
    let mut wlen = usize::from(be16(d, p)?);
    p += 2;
    length -= 2;
    if !have(d, p, wlen) || length < wlen {
        trunc_here(c);
        return Ok(());
    }
    if wlen > 1 {
        c.s("\n\t  Withdrawn routes:");
        let add_path = check_add_path(d, p, wlen, 32);
        while wlen != 0 {
            let mut path_id = 0;
            if add_path {
                if wlen < 4 {
                    p += wlen;
                    length -= wlen;
                    break;
                }
                path_id = be32(d, p)?;
                p += 4;
                length -= 4;
                wlen -= 4;
            }
            match prefix(c, d, p, wlen, 4, "\n\t    ")? {
                Err(-1) => {
                    c.s("\n\t    (illegal prefix length)");
                    break;
                }
                Err(_) => {
                    trunc_here(c);
                    return Ok(());
                }
                Ok(n) => {
                    if add_path {
                        c.s("   Path Id: ");
                        c.dec(path_id);
                    }
                    p += n;
                    length -= n;
                    wlen -= n;
                }
            }
        }
    } else {
        p += wlen;
        length -= wlen;
    }
    if !have(d, p, 2) || length < 2 {
        trunc_here(c);
        return Ok(());
    }
    let mut len = usize::from(be16(d, p)?);
    p += 2;
    length -= 2;
    if wlen == 0 && len == 0 && length == 0 {
        c.s("\n\t  End-of-Rib Marker (empty NLRI)");
        return Ok(());
    }
    if len != 0 {
        if length < len {
            trunc_here(c);
            return Ok(());
        }
        while len != 0 {
            if !have(d, p, 2) || length < 2 {
                trunc_here(c);
                return Ok(());
            }
            if len < 2 {
                c.s("\n\t  [path attrs too short]");
                p += len;
                length -= len;
                break;
            }
            let flags = d[p];
            let t = d[p + 1];
            p += 2;
            len -= 2;
            length -= 2;
            let lenlen = if flags & 0x10 != 0 { 2 } else { 1 };
            if !have(d, p, lenlen) || length < lenlen {
                trunc_here(c);
                return Ok(());
            }
            if len < lenlen {
                c.s("\n\t  [path attrs too short]");
                p += len;
                length -= len;
                break;
            }
            let alen = if lenlen == 2 {
                usize::from(be16(d, p)?)
            } else {
                usize::from(d[p])
            };
            p += lenlen;
            len -= lenlen;
            length -= lenlen;
            c.s("\n\t  ");
            named(c, attr_name(t), "Unknown Attribute", t.into());
            c.s(", length: ");
            c.dec(alen as u64);
            if flags != 0 {
                flags_text(c, flags);
                c.s(": ");
            }
            if len < alen {
                c.s(" [path attrs too short]");
                p += len;
                length -= len;
                break;
            }
            if length < alen || !attr(c, t, d, p, alen)? {
                trunc_here(c);
                return Ok(());
            }
            p += alen;
            len -= alen;
            length -= alen;
        }
    }
    if length != 0 {
        let add_path = check_add_path(d, p, length, 32);
        c.s("\n\t  Updated routes:");
        while length != 0 {
            let mut path_id = 0;
            if add_path {
                if !have(d, p, 4) || length < 4 {
                    trunc_here(c);
                    return Ok(());
                }
                path_id = be32(d, p)?;
                p += 4;
                length -= 4;
            }
            match prefix(c, d, p, length, 4, "\n\t    ")? {
                Err(-1) => {
                    c.s("\n\t    (illegal prefix length)");
                    break;
                }
                Err(_) => {
                    trunc_here(c);
                    return Ok(());
                }
                Ok(n) => {
                    if add_path {
                        c.s("   Path Id: ");
                        c.dec(path_id);
                    }
                    p += n;
                    length -= n;
                }
            }
        }
    }
    Ok(())
}

fn notification(c: &mut Ctx, d: &[u8], length: usize) -> R {
    const NOTIF: usize = 21;
    if !have(d, 0, NOTIF) {
        trunc_here(c);
        return Ok(());
    }
    if length < NOTIF {
        return Ok(());
    }
    let major = d[19];
    let minor = d[20];
    c.s(", ");
    let major_name = match major {
        1 => Some("Message Header Error"),
        2 => Some("OPEN Message Error"),
        3 => Some("UPDATE Message Error"),
        4 => Some("Hold Timer Expired"),
        5 => Some("Finite State Machine Error"),
        6 => Some("Cease"),
        7 => Some("Capability Message Error"),
        _ => None,
    };
    named(c, major_name, "Unknown Error", major.into());
    match major {
        1 | 2 | 3 | 6 => c.s(", subcode "),
        5 | 7 => c.s(" subcode "),
        _ => return Ok(()),
    }
    named(c, minor_name(major, minor), "Unknown", minor.into());
    if major != 6 {
        return Ok(());
    }
    if minor == 1 && length >= NOTIF + 7 {
        c.s(", ");
        afi_safi(c, be16(d, NOTIF)?, u8_at(d, NOTIF + 2)?);
        c.s(", Max Prefixes: ");
        c.dec(be32(d, NOTIF + 3)?);
    }
    if (minor == 2 || minor == 4) && length > NOTIF {
        let clen = usize::from(u8_at(d, NOTIF)?);
        let mut rest_off = 0;
        if clen > length - (NOTIF + 1) {
            c.s(", invalid Shutdown Communication length");
        } else if clen == 0 {
            c.s(", empty Shutdown Communication");
            rest_off = 1;
        } else {
            c.s(", Shutdown Communication (length: ");
            c.dec(clen as u64);
            c.s("): \"");
            for &b in d.iter().skip(NOTIF + 1).take(clen) {
                print_char(c, b);
            }
            c.s("\"");
            rest_off = clen + 1;
        }
        let rest = length - (rest_off + NOTIF);
        if rest > 0 {
            c.s(", Data: (length: ");
            c.dec(rest as u64);
            c.s(")");
            let data = bytes(d, NOTIF + rest_off, rest)?;
            hex_only(&mut c.o, "\n\t\t", data, 0);
        }
    }
    Ok(())
}

fn route_refresh(c: &mut Ctx, d: &[u8], length: usize) -> R {
    const RR: usize = 23;
    if !have(d, 0, RR) {
        trunc_here(c);
        return Ok(());
    }
    if length < RR {
        return Ok(());
    }
    c.s("\n\t  ");
    afi_safi(c, be16(d, 19)?, d[22]);
    if c.opts.verbose > 1 {
        if !have(d, 0, length) {
            return Err(Trunc);
        }
        unknown_data(c, d, 0, "\n\t  ", length);
    }
    Ok(())
}
