//! BGP-4 (TCP port 179) as tcpdump 4.99 prints it: `BGP` alone by default; with -v
//! every message of the segment (found by its all-ones marker): OPEN with its
//! optional parameters and capabilities, UPDATE with withdrawn routes, path
//! attributes (AS paths with 2- or 4-byte ASes, communities, extended and large
//! communities, multiprotocol reach/unreach for IPv4 and IPv6 unicast/multicast)
//! and IPv4 NLRI (add-path detected as tcpdump guesses it), NOTIFICATION with its
//! codes, KEEPALIVE, ROUTE-REFRESH; -vv adds hex dumps of attributes and
//! capabilities.
//!
//! Every slice handed around here starts at a message (or field) and runs to the
//! end of the captured segment, not of the message: tcpdump bounds its reads by
//! the capture, so a length field that overruns its message reads on into the next
//! one. `Err(Trunc)` is tcpdump's longjmp on a read past the capture (the caller
//! prints ` [|bgp]` and stops); `trunc_here` is its local `goto trunc`, which
//! prints the mark and lets the enclosing printer carry on.

use super::hex::hex_only;
use super::out::Put;
use super::ppp::unknown_data;
use super::tcp::print_char;
use super::{Ctx, R, Trunc, be16, be32, bytes, cut, u8_at};

const MARKER: [u8; 16] = [0xff; 16];
const HDR: usize = 19;

fn msg_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Open",
        2 => "Update",
        3 => "Notification",
        4 => "Keepalive",
        5 => "Route Refresh",
        _ => return None,
    })
}

/// tcpdump's af_values (address family numbers).
fn afi_name(af: u16) -> Option<&'static str> {
    Some(match af {
        0 => "Reserved",
        1 => "IPv4",
        2 => "IPv6",
        3 => "NSAP",
        4 => "HDLC",
        5 => "BBN 1822",
        6 => "802",
        7 => "E.163",
        8 => "E.164",
        9 => "F.69",
        10 => "X.121",
        11 => "Novell IPX",
        12 => "Appletalk",
        13 => "Decnet IV",
        14 => "Banyan Vines",
        15 => "E.164 with NSAP subaddress",
        25 => "VPLS",
        196 => "Layer-2 VPN",
        _ => return None,
    })
}

fn safi_name(safi: u8) -> Option<&'static str> {
    Some(match safi {
        0 => "Reserved",
        1 => "Unicast",
        2 => "Multicast",
        3 => "Unicast+Multicast",
        4 => "labeled Unicast",
        5 => "Multicast VPN",
        64 => "Tunnel",
        65 => "VPLS",
        66 => "MDT",
        70 => "EVPN",
        128 => "labeled VPN Unicast",
        129 => "labeled VPN Multicast",
        130 => "labeled VPN Unicast+Multicast",
        132 => "Route Target Routing Information",
        _ => return None,
    })
}

fn cap_name(code: u8) -> Option<&'static str> {
    Some(match code {
        1 => "Multiprotocol Extensions",
        2 => "Route Refresh",
        3 => "Cooperative Route Filtering",
        4 => "Multiple Routes to a Destination",
        5 => "Extended Next Hop Encoding",
        8 => "Multiple Labels",
        64 => "Graceful Restart",
        65 => "32-Bit AS Number",
        67 => "Dynamic Capability",
        68 => "Multisession BGP",
        69 => "Multiple Paths",
        70 => "Enhanced Route Refresh",
        71 => "Long-lived Graceful Restart",
        128 => "Route Refresh (Cisco)",
        _ => return None,
    })
}

fn attr_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Origin",
        2 => "AS Path",
        3 => "Next Hop",
        4 => "Multi Exit Discriminator",
        5 => "Local Preference",
        6 => "Atomic Aggregate",
        7 => "Aggregator",
        8 => "Community",
        9 => "Originator ID",
        10 => "Cluster List",
        11 => "DPA",
        12 => "Advertisers",
        13 => "RCID Path / Cluster ID",
        14 => "Multi-Protocol Reach NLRI",
        15 => "Multi-Protocol Unreach NLRI",
        16 => "Extended Community",
        17 => "AS4 Path",
        18 => "Aggregator4",
        22 => "PMSI Tunnel",
        23 => "Tunnel Encapsulation",
        24 => "Traffic Engineering",
        25 => "IPv6 Extended Community",
        26 => "Accumulated IGP Metric",
        27 => "PE Distinguisher Label",
        28 => "Entropy Label",
        32 => "Large Community",
        128 => "Attribute Set",
        255 => "Reserved for development",
        _ => return None,
    })
}

/// Notification subcode names for the major codes that have them.
fn minor_name(major: u8, minor: u8) -> Option<&'static str> {
    Some(match (major, minor) {
        (1, 1) => "Connection Not Synchronized",
        (1, 2) => "Bad Message Length",
        (1, 3) => "Bad Message Type",
        (2, 1) => "Unsupported Version Number",
        (2, 2) => "Bad Peer AS",
        (2, 3) => "Bad BGP Identifier",
        (2, 4) => "Unsupported Optional Parameter",
        (2, 5) => "Authentication Failure",
        (2, 6) => "Unacceptable Hold Time",
        (2, 7) => "Capability Message Error",
        (3, 1) => "Malformed Attribute List",
        (3, 2) => "Unrecognized Well-known Attribute",
        (3, 3) => "Missing Well-known Attribute",
        (3, 4) => "Attribute Flags Error",
        (3, 5) => "Attribute Length Error",
        (3, 6) => "Invalid ORIGIN Attribute",
        (3, 7) => "AS Routing Loop",
        (3, 8) => "Invalid NEXT_HOP Attribute",
        (3, 9) => "Optional Attribute Error",
        (3, 10) => "Invalid Network Field",
        (3, 11) => "Malformed AS_PATH",
        (5, 0) => "Unspecified Error",
        (5, 1) => "In OpenSent State",
        (5, 2) => "In OpenConfirm State",
        (5, 3) => "In Established State",
        (6, 1) => "Maximum Number of Prefixes Reached",
        (6, 2) => "Administrative Shutdown",
        (6, 3) => "Peer Unconfigured",
        (6, 4) => "Administrative Reset",
        (6, 5) => "Connection Rejected",
        (6, 6) => "Other Configuration Change",
        (6, 7) => "Connection Collision Resolution",
        (7, 1) => "Invalid Action Value",
        (7, 2) => "Invalid Capability Length",
        (7, 3) => "Malformed Capability Value",
        (7, 4) => "Unsupported Capability Code",
        _ => return None,
    })
}

fn ext_comm_name(t: u16) -> Option<&'static str> {
    Some(match t {
        0x0002 | 0x0102 | 0x0202 => "target",
        0x0003 | 0x0103 | 0x0203 => "origin",
        0x4004 => "link-BW",
        0x0005 | 0x0105 | 0x0205 | 0x8005 => "ospf-domain",
        0x0306 | 0x8000 => "ospf-route-type",
        0x030c => "encapsulation",
        0x0107 | 0x8001 => "ospf-router-id",
        0x800a => "layer2-info",
        0x8800 => "eigrp-general-route (flag, tag)",
        0x8801 => "eigrp-route-metric (AS, delay)",
        0x8802 => "eigrp-route-metric (reliability, nexthop, bandwidth)",
        0x8803 => "eigrp-route-metric (load, MTU)",
        0x8804 => "eigrp-external-route (remote-AS, remote-ID)",
        0x8805 => "eigrp-external-route (remote-proto, remote-metric)",
        0x0009 => "source-AS",
        0x010b => "vrf-route-import",
        0x000a | 0xf10a => "l2vpn-id",
        _ => return None,
    })
}

/// RFC 6624 layer-2 encapsulation types (tcpdump's l2vpn_encaps_values).
fn l2_encaps_name(t: u8) -> Option<&'static str> {
    Some(match t {
        0 => "Reserved",
        1 => "Frame Relay",
        2 => "ATM AAL5 VCC transport",
        3 => "ATM transparent cell transport",
        4 => "Ethernet VLAN",
        5 => "Ethernet",
        6 => "Cisco-HDLC",
        7 => "PPP",
        8 => "SONET/SDH Circuit Emulation Service over MPLS",
        9 => "ATM n-to-one VCC cell transport",
        10 => "ATM n-to-one VPC cell transport",
        11 => "IP Layer2 Transport",
        15 => "Frame-Relay Port mode",
        17 => "Structure-agnostic E1 over Packet",
        18 => "Structure-agnostic T1 (DS1) over Packet",
        19 => "VPLS",
        20 => "Structure-agnostic T3 (DS3) over Packet",
        21 => "Nx64kbit/s Basic Service using Structure-aware",
        25 => "Frame Relay DLCI",
        _ => return None,
    })
}

fn tunnel_name(t: u16) -> Option<&'static str> {
    Some(match t {
        1 => "L2TPv3 over IP",
        2 => "GRE",
        3 => "Transmit Tunnel",
        4 => "IPsec",
        5 => "IP in IP with IPsec",
        6 => "MPLS in IP with IPsec",
        7 => "IP in IP",
        8 => "VXLAN",
        9 => "NVGRE",
        10 => "MPLS",
        11 => "MPLS in GRE",
        12 => "VXLAN GPE",
        13 => "MPLS in UDP",
        14 => "IPv6",
        15 => "SR TE",
        16 => "Bare",
        17 => "SR",
        _ => return None,
    })
}

fn ospf_rtype_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "Router",
        2 => "Network",
        3 => "Summary",
        5 => "External",
        7 => "NSSA External",
        129 => "MPLS-VPN Sham",
        _ => return None,
    })
}

/// `name (n)` with tcpdump's fallback word for unknown values.
fn named(c: &mut Ctx, name: Option<&str>, unknown: &str, v: u64) {
    c.s(name.unwrap_or(unknown));
    c.s(" (");
    c.dec(v);
    c.s(")");
}

fn afi_safi(c: &mut Ctx, afi: u16, safi: u8) {
    c.s("AFI ");
    named(c, afi_name(afi), "Unknown", afi.into());
    c.s(", SAFI ");
    named(c, safi_name(safi), "Unknown", safi.into());
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
    c.dec(be16(d, 20)?);
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
                c.dec(be32(d, v)?);
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

/// A prefix of the family whose address is `alen` bytes: Ok(Ok(bytes used)), or
/// Ok(Err(-1)) for an illegal length, Ok(Err(-2)) when `itemlen` is too short;
/// `Err` when the capture ends. Prints `\n\t<indent>addr/len` on success.
fn prefix(
    c: &mut Ctx,
    d: &[u8],
    p: usize,
    itemlen: usize,
    alen: usize,
    indent: &str,
) -> R<Result<usize, i32>> {
    if itemlen < 1 {
        return Ok(Err(-2));
    }
    let plen = usize::from(u8_at(d, p)?);
    if plen > alen * 8 {
        return Ok(Err(-1));
    }
    let nbytes = plen.div_ceil(8);
    if itemlen - 1 < nbytes {
        return Ok(Err(-2));
    }
    let src = bytes(d, p + 1, nbytes)?;
    let mut a = [0u8; 16];
    a[..nbytes].copy_from_slice(src);
    if !plen.is_multiple_of(8) {
        a[nbytes - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    c.s(indent);
    if alen == 4 {
        c.ipaddr(&a[..4]);
    } else {
        c.ip6addr(&a);
    }
    c.s("/");
    c.dec(plen as u64);
    Ok(Ok(1 + nbytes))
}

/// tcpdump's check_add_path: whether the NLRI at `p` (`length` bytes) parses
/// only with a 4-byte path identifier before each prefix.
fn check_add_path(d: &[u8], p: usize, length: usize, max: usize) -> bool {
    if length < 5 {
        return false;
    }
    let mut off = 0usize;
    while off < length {
        off += 4;
        let Some(&pl) = d.get(p + off) else { break };
        let pl = usize::from(pl);
        if pl > max {
            return false;
        }
        off += 1 + pl.div_ceil(8);
    }
    if off > length {
        return false;
    }
    off = 0;
    while off < length {
        let Some(&pl) = d.get(p + off) else { break };
        let pl = usize::from(pl);
        if pl < 1 || pl > max {
            return true;
        }
        off += 1 + pl.div_ceil(8);
    }
    off > length
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

/// `, Flags [OTPE+x]` of a path attribute.
fn flags_text(c: &mut Ctx, flags: u8) {
    c.s(", Flags [");
    for (bit, ch) in [(0x80, "O"), (0x40, "T"), (0x20, "P"), (0x10, "E")] {
        if flags & bit != 0 {
            c.s(ch);
        }
    }
    if flags & 0xf != 0 {
        c.s("+");
        c.o.push(b"0123456789abcdef"[usize::from(flags & 0xf)]);
    }
    c.s("]");
}

/// The AS number width of an AS_PATH: 2 when its segments parse exactly with
/// 2-byte ASes, else 4 (tcpdump's guess; AS4_PATH is always 4).
fn as_size(d: &[u8], t: u8, p: usize, len: usize) -> R<usize> {
    if t == 17 {
        return Ok(4);
    }
    let mut q = p;
    while q < p + len {
        let st = u8_at(d, q)?;
        if !(1..=4).contains(&st) {
            return Ok(4);
        }
        q += 2 + usize::from(u8_at(d, q + 1)?) * 2;
    }
    Ok(if q == p + len { 2 } else { 4 })
}

fn is_v4_nh(af: u16, safi: u8) -> bool {
    af == 1 && matches!(safi, 1..=5 | 66 | 132)
}

/// AFI/SAFI pairs tcpdump has NLRI decoders for (bgp_mp_af_print's list).
fn af_known(af: u16, safi: u8) -> bool {
    match af {
        1 => matches!(safi, 1..=5 | 66 | 128..=130 | 132),
        2 => matches!(safi, 1..=4 | 128..=130),
        3 => matches!(safi, 1..=3 | 128..=130),
        196 => matches!(safi, 128..=130),
        25 => safi == 65,
        _ => false,
    }
}

/// tcpdump's bgp_mp_af_print: Ok(Some((af, safi))) to go on decoding.
fn mp_af(c: &mut Ctx, d: &[u8], p: usize, tlen: usize) -> R<Result<(u16, u8), bool>> {
    let af = be16(d, p)?;
    let safi = u8_at(d, p + 2)?;
    c.s("\n\t    AFI: ");
    named(c, afi_name(af), "Unknown AFI", af.into());
    c.s(", ");
    if safi > 128 {
        c.s("vendor specific ");
    }
    c.s("SAFI: ");
    named(c, safi_name(safi), "Unknown SAFI", safi.into());
    if af_known(af, safi) {
        return Ok(Ok((af, safi)));
    }
    if !have(d, p, tlen) {
        return Ok(Err(true));
    }
    c.s("\n\t    no AFI ");
    c.dec(af);
    c.s(" / SAFI ");
    c.dec(safi);
    c.s(" decoder");
    if c.opts.verbose <= 1 {
        unknown_data(c, d, p, "\n\t    ", tlen);
    }
    Ok(Err(false))
}

/// One NLRI entry of an MP attribute; tcpdump's bgp_nlri_print return value.
fn nlri(
    c: &mut Ctx,
    d: &[u8],
    af: u16,
    safi: u8,
    p: usize,
    len: usize,
    add_path: (bool, bool),
) -> R<i64> {
    let plain = matches!(safi, 1..=3) && (af == 1 || af == 2);
    if !plain {
        return special_nlri(c, d, af, safi, p, len);
    }
    let (add, alen) = if af == 1 {
        (add_path.0, 4)
    } else {
        (add_path.1, 16)
    };
    let mut q = p;
    let mut path_id = 0;
    if add {
        path_id = be32(d, q)?;
        q += 4;
    }
    let mut advance: i64 = match prefix(c, d, q, len, alen, "\n\t      ")? {
        Ok(n) => n as i64,
        Err(-1) => {
            c.s("\n\t    (illegal prefix length)");
            -1
        }
        Err(e) => return Ok(e.into()),
    };
    if add {
        c.s("   Path Id: ");
        c.dec(path_id);
        advance += 4;
    }
    Ok(advance)
}

/// An address of `alen` bytes from a prefix of `plen` bits at `off` (the rest
/// zero, the last byte masked); `Err` when the capture ends inside it.
fn masked(d: &[u8], off: usize, plen: usize) -> R<[u8; 16]> {
    let n = plen.div_ceil(8);
    let mut a = [0u8; 16];
    a[..n].copy_from_slice(bytes(d, off, n)?);
    if !plen.is_multiple_of(8) {
        a[n - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    Ok(a)
}

fn addr(c: &mut Ctx, a: &[u8], v6: bool) {
    if v6 {
        c.ip6addr(a);
    } else {
        c.ipaddr(&a[..4]);
    }
}

/// ", label:N (bottom)" from the 3 label bytes at `off`.
fn label(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let l = (u32::from(be16(d, off)?) << 8 | u32::from(u8_at(d, off + 2)?)) >> 4;
    let bottom = u8_at(d, off + 2)? & 1 != 0;
    c.s(", label:");
    c.dec(l);
    c.s(if bottom {
        " (bottom)"
    } else {
        " (BOGUS: Bottom of Stack NOT set!)"
    });
    Ok(())
}

/// An RFC 4364 route distinguisher (8 bytes at `off`); everything is read first.
fn rd(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let t = be16(d, off)?;
    let b = bytes(d, off, 8)?;
    let dq = |c: &mut Ctx, a: &[u8]| {
        for (i, x) in a.iter().enumerate() {
            if i > 0 {
                c.s(".");
            }
            c.dec(*x);
        }
    };
    match t {
        0 => {
            c.dec(u16::from_be_bytes([b[2], b[3]]));
            c.s(":");
            c.dec(u32::from_be_bytes([b[4], b[5], b[6], b[7]]));
            c.s(" (= ");
            dq(c, &b[4..8]);
            c.s(")");
        }
        1 => {
            dq(c, &b[2..6]);
            c.s(":");
            c.dec(u16::from_be_bytes([b[6], b[7]]));
        }
        2 => {
            c.dec(u32::from_be_bytes([b[2], b[3], b[4], b[5]]));
            c.s(":");
            c.dec(u16::from_be_bytes([b[6], b[7]]));
            c.s(" (");
            dq(c, &b[2..6]);
            c.s(":");
            c.dec(u16::from_be_bytes([b[6], b[7]]));
            c.s(")");
        }
        _ => c.s("unknown RD format"),
    }
    Ok(())
}

/// Labeled, VPN, RT-constraint and MDT NLRI (tcpdump's decode_* helpers); the
/// bytes used, or tcpdump's negative codes. Multicast-VPN, L2VPN/VPLS and CLNP
/// NLRI are not decoded: the attribute stops there.
fn special_nlri(c: &mut Ctx, d: &[u8], af: u16, safi: u8, p: usize, len: usize) -> R<i64> {
    let v6 = af == 2;
    let alen: usize = if v6 { 16 } else { 4 };
    match (af, safi) {
        (1 | 2, 4) => {
            if !have(d, p, 4) {
                return Ok(-2);
            }
            if len < 4 {
                return Ok(-3);
            }
            let plen = usize::from(d[p]);
            if plen < 24 || plen - 24 > alen * 8 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            let plen = plen - 24;
            let n = plen.div_ceil(8);
            if !v6 && len - 4 < n {
                return Ok(-3);
            }
            let a = masked(d, p + 4, plen)?;
            c.s("\n\t      ");
            addr(c, &a, v6);
            c.s("/");
            c.dec(plen as u64);
            label(c, d, p + 1)?;
            Ok((4 + n) as i64)
        }
        (1 | 2, 128..=130) => {
            let plen = usize::from(u8_at(d, p)?);
            if plen < 88 || plen - 88 > alen * 8 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            let plen = plen - 88;
            let a = masked(d, p + 12, plen)?;
            // The RD and label are read before anything is printed.
            bytes(d, p + 1, 11)?;
            c.s("\n\t      RD: ");
            rd(c, d, p + 4)?;
            c.s(", ");
            addr(c, &a, v6);
            c.s("/");
            c.dec(plen as u64);
            label(c, d, p + 1)?;
            Ok((12 + plen.div_ceil(8)) as i64)
        }
        (1, 132) => {
            let plen = usize::from(u8_at(d, p)?);
            if plen == 0 {
                c.s("\n\t      default route target");
                return Ok(1);
            }
            if plen < 32 {
                c.s("\n\t      (illegal prefix length)");
                return Ok(-1);
            }
            // tcpdump reads the origin AS before it checks the upper bound.
            let origin = be32(d, p + 1)?;
            if plen - 32 > 64 {
                c.s("\n\t      (illegal prefix length)");
                return Ok(-1);
            }
            let plen = plen - 32;
            let n = plen.div_ceil(8);
            let mut rt = [0u8; 8];
            rt[..n].copy_from_slice(bytes(d, p + 5, n)?);
            if !plen.is_multiple_of(8) {
                rt[n - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
            }
            c.s("\n\t      origin AS: ");
            c.dec(origin);
            c.s(", ");
            let text = rt_prefix(&rt, plen);
            // tcpdump formats it into a 61-byte buffer.
            c.s(&text[..text.len().min(60)]);
            Ok((5 + n) as i64)
        }
        (1, 66) => {
            if u8_at(d, p)? != 128 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            if !have(d, p + 1, 8) {
                return Ok(-2);
            }
            bytes(d, p + 9, 8)?;
            c.s("\n\t      RD: ");
            rd(c, d, p + 1)?;
            c.s(", VPN IP Address: ");
            c.ipaddr(&d[p + 9..p + 13]);
            c.s(", MC Group Address: ");
            c.ipaddr(&d[p + 13..p + 17]);
            Ok(17)
        }
        (3, 1..=3) => {
            let plen = usize::from(u8_at(d, p)?);
            if plen > 152 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            // tcpdump reads the prefix 4 bytes in, past its length octet.
            let a = clnp_prefix(d, p + 4, plen)?;
            c.s("\n\t      ");
            nsap(c, &a);
            c.s("/");
            c.dec(plen as u64);
            Ok((1 + a.len()) as i64)
        }
        (3, 128..=130) => {
            let plen = usize::from(u8_at(d, p)?);
            if plen < 88 || plen - 88 > 152 {
                c.s("\n\t    (illegal prefix length)");
                return Ok(-1);
            }
            let plen = plen - 88;
            let a = clnp_prefix(d, p + 12, plen)?;
            bytes(d, p + 1, 11)?;
            c.s("\n\t      RD: ");
            rd(c, d, p + 4)?;
            c.s(", ");
            nsap(c, &a);
            c.s("/");
            c.dec(plen as u64);
            label(c, d, p + 1)?;
            Ok((12 + a.len()) as i64)
        }
        (25, 65) | (196, 128..=130) => {
            let Some(text) = vpn_l2(c, d, p)? else {
                return Ok(-2);
            };
            c.s("\n\t      ");
            c.s(&text);
            Ok(i64::from(be16(d, p)?) + 2)
        }
        (1, 5) => {
            let Some(text) = mvpn(c, d, p)? else {
                return Ok(-2);
            };
            // tcpdump formats it into a buffer of MAXHOSTNAMELEN + 100 bytes.
            c.s("\n\t      ");
            c.s(&text[..floor_char(&text, 163)]);
            Ok(i64::from(u8_at(d, p + 1)?) + 2)
        }
        _ => Ok(-4),
    }
}

/// A text buffer of tcpdump's fixed size: appends stop once it is full.
struct FixedBuf {
    s: String,
    room: usize,
}

impl FixedBuf {
    fn new(room: usize) -> Self {
        FixedBuf {
            s: String::new(),
            room,
        }
    }
    fn full(&self) -> bool {
        self.room == 0
    }
    /// snprintf into what is left: the text is cut to fit (leaving room for the
    /// NUL), and a cut marks the buffer full.
    fn push(&mut self, t: &str) {
        if self.room == 0 {
            return;
        }
        if t.len() >= self.room {
            self.s.push_str(&t[..floor_char(t, self.room - 1)]);
            self.room = 0;
        } else {
            self.s.push_str(t);
            self.room -= t.len();
        }
    }
}

/// An L2VPN/VPLS NLRI as text (tcpdump's decode_labeled_vpn_l2); None for its
/// truncation code.
fn vpn_l2(c: &mut Ctx, d: &[u8], p: usize) -> R<Option<String>> {
    let plen = usize::from(be16(d, p)?);
    let mut q = p + 2;
    let mut buf = FixedBuf::new(164);
    if plen == 12 {
        if !have(d, q, 12) {
            return Ok(None);
        }
        let rd = rd_text(c, d, q)?;
        let nh = vpn_ip(c, d, q + 8, 32)?;
        buf.push(&format!("RD: {rd}, BGPNH: {nh}"));
        return Ok(Some(buf.s));
    }
    if plen <= 17 {
        return Ok(None);
    }
    if !have(d, q, 15) {
        return Ok(None);
    }
    let rd = rd_text(c, d, q)?;
    let base = (u32::from(be16(d, q + 12)?) << 8 | u32::from(d[q + 14])) >> 4;
    buf.push(&format!(
        "RD: {rd}, CE-ID: {}, Label-Block Offset: {}, Label Base {base}",
        be16(d, q + 8)?,
        be16(d, q + 10)?
    ));
    q += 15;
    let mut tlen = plen - 15;
    while tlen != 0 {
        if tlen < 3 {
            buf.push("\n\t\tran past the end");
            return Ok(Some(buf.s));
        }
        let t = u8_at(d, q)?;
        let bits = be16(d, q + 1)?;
        let mut bytes_left = usize::from(bits).div_ceil(8);
        q += 3;
        if t == 1 {
            buf.push(&format!(
                "\n\t\tcircuit status vector ({t}) length: {bits}: 0x"
            ));
            while bytes_left != 0 {
                if tlen < 1 {
                    buf.push(" (ran past the end)");
                    return Ok(Some(buf.s));
                }
                if !have(d, q, 1) {
                    return Ok(None);
                }
                if !buf.full() {
                    buf.push(&format!("{:02x}", d[q]));
                    q += 1;
                }
                bytes_left -= 1;
                tlen -= 1;
            }
        } else {
            buf.push(&format!("\n\t\tunknown TLV #{t}, length: {bits}"));
            if tlen < bytes_left {
                buf.push(" (ran past the end)");
                return Ok(Some(buf.s));
            }
            tlen -= bytes_left;
        }
    }
    Ok(Some(buf.s))
}

/// tcpdump's isonsap_string: hex pairs, a dot after the first byte and after
/// every second one from there.
fn nsap(c: &mut Ctx, a: &[u8]) {
    if a.is_empty() || a.len() > 20 {
        c.s("isonsap_string: illegal length");
        return;
    }
    for (i, b) in a.iter().enumerate() {
        c.o.hexw((*b).into(), 2);
        if i % 2 == 0 && i + 1 < a.len() {
            c.s(".");
        }
    }
}

/// An NSAP next hop of `len` bytes (SAFI 128-130: with a route distinguisher,
/// and the IPv4 or IPv6 address an RFC 986/1888 NSAP maps); false where tcpdump
/// gives up on the attribute.
fn nsap_next_hop(c: &mut Ctx, d: &[u8], tp: usize, len: usize, safi: u8) -> R<bool> {
    if safi <= 3 {
        let a = bytes(d, tp, len)?;
        nsap(c, a);
        return Ok(true);
    }
    if len < 9 {
        c.s("invalid len");
        return Ok(true);
    }
    if !have(d, tp, len) {
        return Ok(false);
    }
    c.s("RD: ");
    rd(c, d, tp)?;
    c.s(", ");
    nsap(c, &d[tp + 8..tp + len]);
    if be32(d, tp + 8)? == 0x4700_0601 {
        let a = bytes(d, tp + 12, 4)?;
        c.s(" = ");
        c.ipaddr(a);
    } else if bytes(d, tp + 8, 3)? == [0x35, 0, 0] {
        let a = bytes(d, tp + 11, 16)?;
        c.s(" = ");
        c.ip6addr(a);
    }
    Ok(true)
}

/// A CLNP prefix of `plen` bits at `off`, masked.
fn clnp_prefix(d: &[u8], off: usize, plen: usize) -> R<Vec<u8>> {
    let n = plen.div_ceil(8);
    let mut a = bytes(d, off, n)?.to_vec();
    if !plen.is_multiple_of(8) {
        a[n - 1] &= ((0xff00u32 >> (plen % 8)) & 0xff) as u8;
    }
    Ok(a)
}

/// The longest prefix of `s` of at most `n` bytes that ends on a char boundary.
fn floor_char(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

/// Text of an address of `bits` bits at `off` (tcpdump's bgp_vpn_ip_print).
fn vpn_ip(c: &mut Ctx, d: &[u8], off: usize, bits: u32) -> R<String> {
    let start = c.o.len();
    let r = match bits {
        32 => bytes(d, off, 4).map(|a| c.ipaddr(a)),
        128 => bytes(d, off, 16).map(|a| c.ip6addr(a)),
        _ => {
            c.s("bogus address length ");
            c.dec(bits);
            Ok(())
        }
    };
    let text = String::from_utf8_lossy(&c.o[start..]).into_owned();
    c.o.truncate(start);
    r.map(|()| text)
}

/// Text of a route distinguisher at `off`.
fn rd_text(c: &mut Ctx, d: &[u8], off: usize) -> R<String> {
    let start = c.o.len();
    let r = rd(c, d, off);
    let text = String::from_utf8_lossy(&c.o[start..]).into_owned();
    c.o.truncate(start);
    r.map(|()| text)
}

/// tcpdump's bgp_vpn_sg_print: source and group appended to `buf`; the bytes
/// used (what was counted before a capture check failed).
fn vpn_sg(c: &mut Ctx, d: &[u8], mut p: usize, buf: &mut String) -> R<usize> {
    let mut total = 0;
    for what in [", Source ", ", Group "] {
        let bits = usize::from(u8_at(d, p)?);
        p += 1;
        if !have(d, p, bits >> 3) {
            return Ok(total);
        }
        total += (bits >> 3) + 1;
        if bits != 0 {
            buf.push_str(what);
            buf.push_str(&vpn_ip(c, d, p, bits as u32)?);
            p += bits >> 3;
        }
    }
    Ok(total)
}

/// A multicast-VPN NLRI as text (tcpdump's decode_multicast_vpn); None where
/// it returns its truncation code.
fn mvpn(c: &mut Ctx, d: &[u8], p: usize) -> R<Option<String>> {
    let rtype = u8_at(d, p)?;
    let rlen = usize::from(u8_at(d, p + 1)?);
    let q = p + 2;
    let name = match rtype {
        1 => "Intra-AS I-PMSI",
        2 => "Inter-AS I-PMSI",
        3 => "S-PMSI",
        4 => "Intra-AS Segment-Leaf",
        5 => "Source-Active",
        6 => "Shared Tree Join",
        7 => "Source Tree Join",
        _ => "Unknown",
    };
    let mut buf = format!("Route-Type: {name} ({rtype}), length: {rlen}");
    match rtype {
        1 => {
            // tcpdump 4.99 does not check the length against the RD's.
            if !have(d, q, 8) {
                return Ok(None);
            }
            let rd = rd_text(c, d, q)?;
            let ip = vpn_ip(c, d, q + 8, (rlen as u32).wrapping_sub(8) << 3)?;
            buf.push_str(&format!(", RD: {rd}, Originator {ip}"));
        }
        2 | 6 | 7 => {
            if !have(d, q, 12) {
                return Ok(None);
            }
            let rd = rd_text(c, d, q)?;
            let asn = be32(d, q + 8)?;
            buf.push_str(&format!(", RD: {rd}, Source-AS {asn}"));
            if rtype != 2 {
                vpn_sg(c, d, q + 12, &mut buf)?;
            }
        }
        3 | 5 => {
            if !have(d, q, 8) {
                return Ok(None);
            }
            let rd = rd_text(c, d, q)?;
            buf.push_str(&format!(", RD: {rd}"));
            let sg = vpn_sg(c, d, q + 8, &mut buf)?;
            if rtype == 3 {
                let alen = rlen.wrapping_sub(sg);
                if !have(d, q + 8, alen) {
                    return Ok(None);
                }
                let ip = vpn_ip(c, d, q + 8, (alen as u32) << 3)?;
                buf.push_str(&format!(", Originator {ip}"));
            }
        }
        _ => {}
    }
    Ok(Some(buf))
}

/// tcpdump's bgp_rt_prefix_print for a route-target prefix of `plen` bits.
fn rt_prefix(rt: &[u8; 8], plen: usize) -> String {
    use std::fmt::Write as _;
    if plen == 0 {
        return "route-target: 0:0/0".to_string();
    }
    let n = plen.div_ceil(8);
    let mut hex = String::new();
    for (i, b) in rt[..n].iter().enumerate() {
        let _ = write!(hex, "{b:02x}");
        if i % 2 == 1 && i + 1 < n {
            hex.push(' ');
        }
    }
    if plen < 16 {
        return format!("route-target: partial-type: ({hex}/{plen})");
    }
    let u16at = |o: usize| u16::from_be_bytes([rt[o], rt[o + 1]]);
    let u32at = |o: usize| u32::from_be_bytes([rt[o], rt[o + 1], rt[o + 2], rt[o + 3]]);
    match u16at(0) {
        0x0002 => format!("route-target: {}:{}/{plen} ({hex})", u16at(2), u32at(4)),
        0x0102 => format!(
            "route-target: {}.{}.{}.{}:{}/{plen} ({hex})",
            rt[2],
            rt[3],
            rt[4],
            rt[5],
            u16at(6)
        ),
        0x0202 => format!("route-target: {}:{}/{plen} ({hex})", u32at(2), u16at(6)),
        t => format!("route target: unknown-type({t:04x}) ({hex}/{plen})"),
    }
}

fn nlri_list(
    c: &mut Ctx,
    d: &[u8],
    af: u16,
    safi: u8,
    start: usize,
    mut q: usize,
    len: usize,
) -> R<bool> {
    let rest = len.saturating_sub(q - start);
    let add_path = (
        check_add_path(d, q, rest, 32),
        check_add_path(d, q, rest, 128),
    );
    while q < start + len {
        let adv = nlri(c, d, af, safi, q, len, add_path)?;
        if adv == -2 {
            return Ok(false);
        }
        if adv < 0 {
            break;
        }
        q += adv as usize;
    }
    Ok(true)
}

/// One path attribute's value; Ok(false) where tcpdump's bgp_attr_print fails
/// (the update printer then prints the truncation mark and stops).
fn attr(c: &mut Ctx, t: u8, d: &[u8], p: usize, len: usize) -> R<bool> {
    attr_at(c, t, d, p, len, 0)
}

/// Attribute sets nest at most this deep (tcpdump's limit).
const MAX_ATTR_SET_LEVEL: u32 = 10;

fn attr_at(c: &mut Ctx, t: u8, d: &[u8], p: usize, mut len: usize, level: u32) -> R<bool> {
    let mut tp = p;
    let mut tlen = len;
    match t {
        1 => {
            if len != 1 {
                c.s("invalid len");
            } else {
                c.s(match u8_at(d, p)? {
                    0 => "IGP",
                    1 => "EGP",
                    2 => "Incomplete",
                    _ => "Unknown Origin Typecode",
                });
            }
        }
        2 | 17 => {
            if !len.is_multiple_of(2) {
                c.s("invalid len");
            } else if len == 0 {
                c.s("empty");
            } else {
                let size = as_size(d, t, p, len)?;
                while tp < p + len {
                    let st = u8_at(d, tp)?;
                    c.s(match st {
                        1 => "{ ",
                        2 => "",
                        3 => "( ",
                        4 => "({ ",
                        _ => "?",
                    });
                    let n = usize::from(u8_at(d, tp + 1)?) * size;
                    let mut i = 0;
                    while i < n {
                        if !have(d, tp + 2 + i, size) {
                            return Ok(false);
                        }
                        if size == 2 {
                            c.dec(be16(d, tp + 2 + i)?);
                        } else {
                            c.dec(be32(d, tp + 2 + i)?);
                        }
                        c.s(" ");
                        i += size;
                    }
                    c.s(match st {
                        1 => "}",
                        2 => "",
                        3 => ")",
                        4 => "})",
                        _ => "?",
                    });
                    tp += 2 + n;
                }
            }
        }
        3 | 9 => {
            if len != 4 {
                c.s("invalid len");
            } else {
                c.ipaddr(bytes(d, p, 4)?);
            }
        }
        4 | 5 => {
            if len != 4 {
                c.s("invalid len");
            } else {
                c.dec(be32(d, p)?);
            }
        }
        6 => {
            if len != 0 {
                c.s("invalid len");
            }
        }
        7 | 18 => {
            if len != 8 && (t == 18 || len != 6) {
                c.s("invalid len");
            } else {
                if !have(d, p, len) {
                    return Ok(false);
                }
                c.s(" AS #");
                if len == 6 {
                    c.dec(be16(d, p)?);
                } else {
                    c.dec(be32(d, p)?);
                }
                c.s(", origin ");
                c.ipaddr(&d[p + len - 4..p + len]);
            }
        }
        8 => {
            if !len.is_multiple_of(4) {
                c.s("invalid len");
            } else {
                while tlen != 0 {
                    if !have(d, tp, 4) {
                        return Ok(false);
                    }
                    let comm = be32(d, tp)?;
                    match comm {
                        0xffff_ff01 => c.s(" NO_EXPORT"),
                        0xffff_ff02 => c.s(" NO_ADVERTISE"),
                        0xffff_ff03 => c.s(" NO_EXPORT_SUBCONFED"),
                        _ => {
                            c.dec(comm >> 16);
                            c.s(":");
                            c.dec(comm & 0xffff);
                            if tlen > 4 {
                                c.s(", ");
                            }
                        }
                    }
                    tlen -= 4;
                    tp += 4;
                }
            }
        }
        10 => {
            if !len.is_multiple_of(4) {
                c.s("invalid len");
            } else {
                while tlen != 0 {
                    c.ipaddr(bytes(d, tp, 4)?);
                    if tlen > 4 {
                        c.s(", ");
                    }
                    tlen -= 4;
                    tp += 4;
                }
            }
        }
        14 => {
            if !have(d, p, 3) || tlen < 3 {
                return Ok(false);
            }
            match mp_af(c, d, p, tlen)? {
                Err(true) => return Ok(false),
                Err(false) => {}
                Ok((af, safi)) => {
                    tp += 3;
                    tlen -= 3;
                    if !have(d, tp, 1) || tlen < 1 {
                        return Ok(false);
                    }
                    let nhlen = usize::from(d[tp]);
                    tp += 1;
                    tlen -= 1;
                    if nhlen != 0 {
                        if tlen < nhlen {
                            return Ok(false);
                        }
                        c.s("\n\t    nexthop: ");
                        let mut left = nhlen;
                        let mut first = true;
                        while left != 0 {
                            if !first {
                                c.s(", ");
                            }
                            first = false;
                            if af == 3 {
                                if !nsap_next_hop(c, d, tp, left, safi)? {
                                    return Ok(false);
                                }
                                tp += left;
                                tlen -= left;
                                left = 0;
                                continue;
                            }
                            let vpn = matches!(safi, 128..=130) && (af == 1 || af == 2);
                            if vpn {
                                let need = if af == 1 { 12 } else { 24 };
                                if left < need {
                                    c.s("invalid len");
                                    tp += left;
                                    tlen -= left;
                                    left = 0;
                                } else {
                                    let a = bytes(d, tp + 8, need - 8)?;
                                    c.s("RD: ");
                                    rd(c, d, tp)?;
                                    c.s(", ");
                                    addr(c, a, af == 2);
                                    tp += need;
                                    tlen -= need;
                                    left -= need;
                                }
                                continue;
                            }
                            let alen = if is_v4_nh(af, safi) || af == 25 || af == 196 {
                                4
                            } else if af == 2 && matches!(safi, 1..=4) {
                                16
                            } else {
                                // VPN, L2VPN and NSAP next hops are not decoded.
                                c.s("invalid len");
                                tp += left;
                                tlen -= left;
                                break;
                            };
                            if left < alen {
                                c.s("invalid len");
                                tp += left;
                                tlen -= left;
                                left = 0;
                            } else {
                                let a = bytes(d, tp, alen)?;
                                if alen == 4 {
                                    c.ipaddr(a);
                                } else {
                                    c.ip6addr(a);
                                }
                                tp += alen;
                                tlen -= alen;
                                left -= alen;
                            }
                        }
                    }
                    c.s(", nh-length: ");
                    c.dec(nhlen as u64);
                    if tlen < 1 {
                        return Ok(false);
                    }
                    let snpa = u8_at(d, tp)?;
                    tp += 1;
                    tlen -= 1;
                    if snpa != 0 {
                        c.s("\n\t    ");
                        c.dec(snpa);
                        c.s(" SNPA");
                        for _ in 0..snpa {
                            if tlen < 1 {
                                return Ok(false);
                            }
                            let sl = usize::from(u8_at(d, tp)?);
                            c.s("\n\t      ");
                            c.dec(sl as u64);
                            c.s(" bytes");
                            tp += 1;
                            tlen -= 1;
                            if tlen < sl || !have(d, tp, sl) {
                                return Ok(false);
                            }
                            tp += sl;
                            tlen -= sl;
                        }
                    } else {
                        c.s(", no SNPA");
                    }
                    if !nlri_list(c, d, af, safi, p, tp, len)? {
                        return Ok(false);
                    }
                }
            }
        }
        15 => {
            if !have(d, p, 3) {
                return Ok(false);
            }
            match mp_af(c, d, p, tlen)? {
                Err(true) => return Ok(false),
                Err(false) => {}
                Ok((af, safi)) => {
                    if len == 3 {
                        c.s("\n\t      End-of-Rib Marker (empty NLRI)");
                    }
                    if !nlri_list(c, d, af, safi, p, p + 3, len)? {
                        return Ok(false);
                    }
                }
            }
        }
        16 => {
            if !len.is_multiple_of(8) {
                c.s("invalid len");
            } else {
                while tlen != 0 {
                    if !have(d, tp, 8) {
                        return Ok(false);
                    }
                    let et = be16(d, tp)?;
                    c.s("\n\t    ");
                    c.s(ext_comm_name(et).unwrap_or("unknown extd community typecode"));
                    c.s(" (0x");
                    c.o.hexw(et.into(), 4);
                    c.s("), Flags [");
                    match (et & 0x8000 != 0, et & 0x4000 != 0) {
                        (false, false) => c.s("none"),
                        (true, false) => c.s("vendor-specific"),
                        (false, true) => c.s("non-transitive"),
                        (true, true) => c.s("vendor-specific, non-transitive"),
                    }
                    c.s("]: ");
                    ext_community(c, &d[tp..tp + 8], et);
                    tlen -= 8;
                    tp += 8;
                }
            }
        }
        22 => {
            if !have(d, tp, 5) || tlen < 5 {
                return Ok(false);
            }
            let flags = d[tp];
            let tt = d[tp + 1];
            let lbl = (u32::from(be16(d, tp + 2)?) << 8 | u32::from(d[tp + 4])) >> 4;
            c.s("\n\t    Tunnel-type ");
            let name = match tt {
                1 => Some("RSVP-TE P2MP LSP"),
                2 => Some("LDP P2MP LSP"),
                3 => Some("PIM-SSM Tree"),
                4 => Some("PIM-SM Tree"),
                5 => Some("PIM-Bidir Tree"),
                6 => Some("Ingress Replication"),
                7 => Some("LDP MP2MP LSP"),
                _ => None,
            };
            named(c, name, "Unknown", tt.into());
            c.s(", Flags [");
            c.s(if flags & 1 != 0 {
                "Leaf Information required"
            } else {
                "none"
            });
            c.s("], MPLS Label ");
            c.dec(lbl);
            tp += 5;
            tlen -= 5;
            match tt {
                3..=5 => {
                    let (a, b) = (bytes(d, tp, 4)?, bytes(d, tp + 4, 4)?);
                    c.s(if tt == 3 {
                        "\n\t      Root-Node "
                    } else {
                        "\n\t      Sender "
                    });
                    c.ipaddr(a);
                    c.s(", P-Group ");
                    c.ipaddr(b);
                }
                6 => {
                    let a = bytes(d, tp, 4)?;
                    c.s("\n\t      Tunnel-Endpoint ");
                    c.ipaddr(a);
                }
                1 | 2 | 7 => {
                    let (a, id) = (bytes(d, tp, 4)?, be32(d, tp + 4)?);
                    c.s(if tt == 1 {
                        "\n\t      Extended-Tunnel-ID "
                    } else {
                        "\n\t      Root-Node "
                    });
                    c.ipaddr(a);
                    c.s(if tt == 1 {
                        ", P2MP-ID 0x"
                    } else {
                        ", LSP-ID 0x"
                    });
                    c.o.hexw(id.into(), 8);
                }
                _ => {
                    if c.opts.verbose <= 1 {
                        unknown_data(c, d, tp, "\n\t      ", tlen);
                    }
                }
            }
        }
        26 => {
            while tlen >= 3 {
                let at = u8_at(d, tp)?;
                let alen = usize::from(be16(d, tp + 1)?);
                tp += 3;
                tlen -= 3;
                c.s("\n\t    ");
                c.s(if at == 1 { "AIGP" } else { "Unknown" });
                c.s(" TLV (");
                c.dec(at);
                c.s("), length ");
                c.dec(alen as u64);
                if alen < 3 {
                    return Ok(false);
                }
                let alen = alen - 3;
                if tlen < alen {
                    return Ok(false);
                }
                if at == 1 {
                    if alen < 8 {
                        return Ok(false);
                    }
                    let m = u64::from(be32(d, tp)?) << 32 | u64::from(be32(d, tp + 4)?);
                    c.s(", metric ");
                    c.dec(m);
                } else if c.opts.verbose <= 1 {
                    unknown_data(c, d, tp, "\n\t      ", alen);
                }
                tp += alen;
                tlen -= alen;
            }
        }
        128 => {
            if !have(d, tp, 4) || len < 4 {
                return Ok(false);
            }
            c.s("\n\t    Origin AS: ");
            c.dec(be32(d, tp)?);
            tp += 4;
            len -= 4;
            while len != 0 {
                if !have(d, tp, 2) {
                    return Ok(false);
                }
                if len < 2 {
                    c.s(" [path attr too short]");
                    break;
                }
                let flags = d[tp];
                let at = d[tp + 1];
                tp += 2;
                len -= 2;
                let lenlen = if flags & 0x10 != 0 { 2 } else { 1 };
                if !have(d, tp, lenlen) {
                    return Ok(false);
                }
                if len < lenlen {
                    c.s(" [path attr too short]");
                    break;
                }
                let alen = if lenlen == 2 {
                    usize::from(be16(d, tp)?)
                } else {
                    usize::from(d[tp])
                };
                tp += lenlen;
                len -= lenlen;
                c.s("\n\t      ");
                named(c, attr_name(at), "Unknown Attribute", at.into());
                c.s(", length: ");
                c.dec(alen as u64);
                if flags != 0 {
                    flags_text(c, flags);
                }
                c.s(": ");
                if len < alen {
                    c.s(" [path attr too short]");
                    break;
                }
                if level == MAX_ATTR_SET_LEVEL {
                    c.s("(too many nested levels, not recursing)");
                } else if !attr_at(c, at, d, tp, alen, level + 1)? {
                    return Ok(false);
                }
                tp += alen;
                len -= alen;
            }
        }
        32 => {
            if len == 0 || !len.is_multiple_of(12) {
                c.s("invalid len");
            } else {
                c.s("\n\t    ");
                while tlen != 0 {
                    c.dec(be32(d, tp)?);
                    c.s(":");
                    c.dec(be32(d, tp + 4)?);
                    c.s(":");
                    c.dec(be32(d, tp + 8)?);
                    if tlen > 12 {
                        c.s(", ");
                    }
                    tp += 12;
                    tlen -= 12;
                }
                // tcpdump counts the attribute's own length down here, so -vv
                // has nothing left to dump.
                return Ok(true);
            }
        }
        _ => {
            if !have(d, p, len) {
                return Ok(false);
            }
            c.s("\n\t    no Attribute ");
            c.dec(t);
            c.s(" decoder");
            if c.opts.verbose <= 1 {
                unknown_data(c, d, p, "\n\t    ", len);
            }
        }
    }
    if c.opts.verbose > 1 && len != 0 {
        if !have(d, p, len) {
            return Ok(false);
        }
        unknown_data(c, d, p, "\n\t    ", len);
    }
    Ok(true)
}

/// The value of one 8-byte extended community `e` of type `t`.
fn ext_community(c: &mut Ctx, e: &[u8], t: u16) {
    let u16at = |o: usize| u16::from_be_bytes([e[o], e[o + 1]]);
    let u32at = |o: usize| u32::from_be_bytes([e[o], e[o + 1], e[o + 2], e[o + 3]]);
    match t {
        0x0002 | 0x0003 | 0x000a => {
            c.dec(u16at(2));
            c.s(":");
            c.dec(u32at(4));
            c.s(" (= ");
            c.ipaddr(&e[4..8]);
            c.s(")");
        }
        0x0102 | 0x0103 | 0xf10a | 0x010b => {
            c.ipaddr(&e[2..6]);
            c.s(":");
            c.dec(u16at(6));
        }
        0x0202 | 0x0203 => {
            c.dec(u32at(2));
            c.s(":");
            c.dec(u16at(6));
        }
        0x4004 => {
            let bw = f32::from_bits(u32at(4)) * 8.0 / 1_000_000.0;
            c.s("bandwidth: ");
            // printf's %.3f: glibc spells the specials nan/-nan/inf/-inf.
            let sign = if bw.is_sign_negative() { "-" } else { "" };
            if bw.is_nan() {
                c.s(sign);
                c.s("nan");
            } else if bw.is_infinite() {
                c.s(sign);
                c.s("inf");
            } else {
                c.s(&format!("{:.3}", f64::from(bw)));
            }
            c.s(" Mbps");
        }
        0x0005 | 0x0105 | 0x0205 | 0x8005 | 0x0107 | 0x8001 => c.ipaddr(&e[2..6]),
        0x0306 | 0x8000 => {
            c.s("area:");
            c.ipaddr(&e[2..6]);
            c.s(", router-type:");
            match ospf_rtype_name(e[6]) {
                Some(n) => c.s(n),
                None => {
                    c.s("unknown (0x");
                    c.o.hexw(e[6].into(), 2);
                    c.s(")");
                }
            }
            c.s(", metric-type:");
            if e[7] & 1 != 0 {
                c.s("E2");
            }
            if e[6] == 5 || e[6] == 7 {
                c.s("E1");
            }
        }
        0x800a => {
            c.s(l2_encaps_name(e[2]).unwrap_or("unknown encaps"));
            c.s(" Control Flags [0x");
            c.o.hexw(e[3].into(), 2);
            c.s("]:MTU ");
            c.dec(u16at(4));
        }
        0x0009 => {
            c.s("AS ");
            c.dec(u16at(2));
        }
        0x030c => {
            c.s("Tunnel type: ");
            c.s(tunnel_name(u16at(6)).unwrap_or("unknown encaps"));
        }
        _ => {
            for &b in &e[2..8] {
                c.o.hexw(b.into(), 2);
            }
        }
    }
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
