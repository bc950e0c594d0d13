//! MPLS LSP ping (RFC 4379, UDP 3503) as tcpdump 4.99 prints it: the message
//! type and sequence number by default; with `-v` the header, its NTP
//! timestamps and the TLVs (target FEC stack sub-TLVs, downstream mapping,
//! BFD discriminator, vendor enterprise code); unknown TLVs, and every TLV with
//! `-vv`, as hex.

use super::misc::ntp_time;
use super::out::Put;
use super::ppp::unknown_data;
use super::{Ctx, R, be16, be32, bytes, u8_at};

const HDR_LEN: usize = 32;

fn msg_type(t: u8) -> Option<&'static str> {
    match t {
        1 => Some("MPLS Echo Request"),
        2 => Some("MPLS Echo Reply"),
        _ => None,
    }
}

fn reply_mode(m: u8) -> &'static str {
    match m {
        1 => "Do not reply",
        2 => "Reply via an IPv4/IPv6 UDP packet",
        3 => "Reply via an IPv4/IPv6 UDP packet with Router Alert",
        4 => "Reply via application level control channel",
        _ => "unknown",
    }
}

fn return_code(r: u8) -> &'static str {
    match r {
        0 => "No return code or return code contained in the Error Code TLV",
        1 => "Malformed echo request received",
        2 => "One or more of the TLVs was not understood",
        3 => "Replying router is an egress for the FEC at stack depth",
        4 => "Replying router has no mapping for the FEC at stack depth",
        5..=7 => "Reserved",
        8 => "Label switched at stack-depth",
        9 => "Label switched but no MPLS forwarding at stack-depth",
        10 => "Mapping for this FEC is not the given label at stack depth",
        11 => "No label entry at stack-depth",
        12 => "Protocol not associated with interface at FEC stack depth",
        13 => "Premature termination of ping due to label stack shrinking to a single label",
        _ => "unknown",
    }
}

fn tlv_name(t: u16) -> &'static str {
    match t {
        1 => "Target FEC Stack",
        2 => "Downstream Mapping",
        3 => "Pad",
        5 => "Vendor Enterprise Code",
        7 => "Interface Label Stack",
        9 => "Error Code",
        10 => "Reply TOS Byte",
        15 => "BFD Discriminator",
        0xfc00 => "Vendor Private Code",
        _ => "Unknown",
    }
}

fn subtlv_name(t: u16) -> &'static str {
    match t {
        1 => "LDP IPv4 prefix",
        2 => "LDP IPv6 prefix",
        3 => "RSVP IPv4 Session Query",
        4 => "RSVP IPv6 Session Query",
        5 => "Reserved",
        6 => "VPN IPv4 prefix",
        7 => "VPN IPv6 prefix",
        8 => "L2 VPN endpoint",
        9 => "FEC 128 pseudowire (old)",
        10 => "FEC 128 pseudowire",
        12 => "BGP labeled IPv4 prefix",
        13 => "BGP labeled IPv6 prefix",
        _ => "Unknown",
    }
}

/// Pseudowire types (tcpdump's l2vpn table).
pub(crate) fn pw_type(t: u16) -> &'static str {
    match t {
        0 => "Reserved",
        1 => "Frame Relay DLCI (Martini Mode)",
        2 => "ATM AAL5 SDU VCC transport",
        3 => "ATM transparent cell transport",
        4 => "Ethernet VLAN",
        5 => "Ethernet",
        6 => "Cisco-HDLC",
        7 => "PPP",
        8 => "SONET/SDH Circuit Emulation Service over MPLS",
        9 => "ATM n-to-one VCC cell transport",
        10 => "ATM n-to-one VPC cell transport",
        11 => "IP Layer2 Transport",
        12 => "ATM one-to-one VCC Cell Mode",
        13 => "ATM one-to-one VPC Cell Mode",
        14 => "ATM AAL5 PDU VCC transport",
        15 => "Frame-Relay Port mode",
        16 => "SONET/SDH Circuit Emulation over Packet",
        17 => "Structure-agnostic E1 over Packet",
        18 => "Structure-agnostic T1 (DS1) over Packet",
        19 => "Structure-agnostic E3 over Packet",
        20 => "Structure-agnostic T3 (DS3) over Packet",
        21 => "CESoPSN basic mode",
        22 => "TDMoIP basic mode",
        23 => "CESoPSN TDM with CAS",
        24 => "TDMoIP TDM with CAS",
        25 => "Frame Relay DLCI",
        64 => "IP-interworking",
        _ => "unknown",
    }
}

/// SMI private enterprise numbers tcpdump names.
fn smi_name(v: u32) -> &'static str {
    match v {
        0 => "IETF (reserved)",
        5 => "ACC",
        9 => "Cisco",
        11 => "Hewlett Packard",
        42 => "Sun Microsystems",
        61 => "Merit",
        74 => "AT&T",
        161 => "Motorola",
        166 => "Shiva",
        193 => "Ericsson AB",
        255 => "Cisco VPN 5000",
        307 => "Livingston",
        311 => "Microsoft",
        429 => "3Com",
        529 => "Ascend",
        1584 => "Bay Networks",
        1991 => "Foundry",
        2180 => "Versanet",
        2352 => "Redback",
        2636 => "Juniper Networks",
        2637 => "Aptis",
        2937 => "Deutsche Telekom AG",
        3054 => "Ixia Communications",
        3076 => "Cisco VPN 3000",
        3085 => "CoSine Communications",
        3199 => "Shasta",
        3224 => "Netscreen",
        3309 => "Nomadix",
        3414 => "T-Mobile",
        3561 => "The Broadband Forum",
        3902 => "ZTE",
        4329 => "Siemens",
        4491 => "CableLabs",
        4874 => "Unisphere Networks",
        5263 => "Cisco BBSM",
        5535 => "3rd Generation Partnership Project 2 (3GPP2)",
        5806 => "SK Telecom",
        5925 => "ipUnplugged",
        5948 => "Issanni Communications",
        5951 => "Netscaler",
        6490 => "T-Mobile",
        6618 => "Quintum",
        6728 => "Interlink",
        7951 => "CNCTC",
        8164 => "Starent Networks",
        8744 => "Colubris",
        10415 => "3GPP",
        10529 => "Gemtek-Systems",
        10704 => "Barracuda Networks",
        10923 => "Ericsson AB - Packet Core Networks",
        11665 => "dacom",
        11862 => "Columbia University",
        12356 => "Fortinet",
        12951 => "Verizon Wireless",
        13745 => "Plixer",
        14122 => "Wi-Fi Alliance",
        16787 => "T-Systems Nova",
        20942 => "China Telecom - Guangzhou Research Institute",
        26866 => "Gigamon Systems",
        32622 => "CACE Technologies",
        35632 => "ntop",
        46098 => "Ericsson Canada",
        _ => "Unknown",
    }
}

/// A BGP route distinguisher (8 bytes at `off`), as tcpdump's bgp_vpn_rd_print.
fn rd(c: &mut Ctx, d: &[u8], off: usize) -> R {
    let b = bytes(d, off, 8)?;
    let dotted = |c: &mut Ctx, a: &[u8]| {
        c.o.ipv4(a);
    };
    let u16at = |i: usize| u16::from_be_bytes([b[i], b[i + 1]]);
    let u32at = |i: usize| u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
    match u16at(0) {
        0 => {
            c.dec(u16at(2));
            c.s(":");
            c.dec(u32at(4));
            c.s(" (= ");
            dotted(c, &b[4..8]);
            c.s(")");
        }
        1 => {
            dotted(c, &b[2..6]);
            c.s(":");
            c.dec(u16at(6));
        }
        2 => {
            c.dec(u32at(2));
            c.s(":");
            c.dec(u16at(6));
            c.s(" (");
            dotted(c, &b[2..6]);
            c.s(":");
            c.dec(u16at(6));
            c.s(")");
        }
        _ => c.s("unknown RD format"),
    }
    Ok(())
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], len: usize) -> R {
    c.proto = "lspping";
    if len < HDR_LEN {
        c.s("\n\t\t packet is too short");
        return Ok(());
    }
    bytes(d, 0, HDR_LEN)?;
    let version = be16(d, 0)?;
    if version != 1 {
        c.s("LSP-PING version ");
        c.dec(version);
        c.s(" packet not supported");
        return Ok(());
    }
    let mtype = u8_at(d, 4)?;
    if c.opts.verbose < 1 {
        c.s("LSP-PINGv1, ");
        match msg_type(mtype) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown (");
                c.dec(mtype);
                c.s(")");
            }
        }
        c.s(", seq ");
        c.dec(be32(d, 12)?);
        c.s(", length: ");
        c.dec(len as u64);
        return Ok(());
    }
    let mode = u8_at(d, 5)?;
    c.s("\n\tLSP-PINGv1, msg-type: ");
    c.s(msg_type(mtype).unwrap_or("unknown"));
    c.s(" (");
    c.dec(mtype);
    c.s("), length: ");
    c.dec(len as u64);
    c.s("\n\t  reply-mode: ");
    c.s(reply_mode(mode));
    c.s(" (");
    c.dec(mode);
    c.s(")");
    let (code, sub) = (u8_at(d, 6)?, u8_at(d, 7)?);
    c.s("\n\t  Return Code: ");
    c.s(return_code(code));
    if matches!(code, 3 | 4 | 8 | 10 | 11 | 12) {
        c.s(" ");
        c.dec(sub);
    }
    c.s(" (");
    c.dec(code);
    c.s(")\n\t  Return Subcode: (");
    c.dec(sub);
    c.s(")\n\t  Sender Handle: 0x");
    c.o.hexw(u64::from(be32(d, 8)?), 8);
    c.s(", Sequence: ");
    c.dec(be32(d, 12)?);
    c.s("\n\t  Sender Timestamp: ");
    ntp_time(c, d, 16)?;
    c.s(" Receiver Timestamp: ");
    if be32(d, 24)? == 0 && be32(d, 28)? == 0 {
        c.s("no timestamp");
    } else {
        ntp_time(c, d, 24)?;
    }

    let mut p = HDR_LEN;
    let mut tlen = len - HDR_LEN;
    while tlen != 0 {
        if tlen < 4 {
            c.s("\n\t\t packet is too short");
            return Ok(());
        }
        let ttype = be16(d, p)?;
        let tl = usize::from(be16(d, p + 2)?);
        c.s("\n\t  ");
        c.s(tlv_name(ttype));
        c.s(" TLV (");
        c.dec(ttype);
        c.s("), length: ");
        c.dec(tl as u64);
        if tl == 0 {
            p += 4;
            tlen -= 4;
            continue;
        }
        if tlen < tl + 4 {
            c.s("\n\t\t packet is too short");
            return Ok(());
        }
        bytes(d, p + 4, tl)?;
        let hexdump = match tlv(c, d, p + 4, tl, ttype)? {
            Tlv::Done(h) => h,
            Tlv::Stop => return Ok(()),
        };
        if c.opts.verbose > 1 || hexdump {
            unknown_data(c, d, p + 4, "\n\t    ", tl);
        }
        let mut padded = tl;
        if tl % 4 != 0 {
            padded += 4 - tl % 4;
            if tlen < padded + 4 {
                c.s("\n\t\t packet is too short");
                return Ok(());
            }
        }
        p += padded + 4;
        tlen -= padded + 4;
    }
    Ok(())
}

/// How a TLV's decoding ended: with or without its hex dump, or with the whole
/// packet's decoding stopped.
enum Tlv {
    Done(bool),
    Stop,
}

fn too_short(c: &mut Ctx) -> R<Tlv> {
    c.s("\n\t      TLV is too short");
    Ok(Tlv::Done(true))
}

fn tlv(c: &mut Ctx, d: &[u8], p: usize, tl: usize, ttype: u16) -> R<Tlv> {
    match ttype {
        1 => fec_stack(c, d, p, tl),
        2 => downstream(c, d, p, tl),
        15 => {
            if tl < 4 {
                return too_short(c);
            }
            c.s("\n\t    BFD Discriminator 0x");
            c.o.hexw(u64::from(be32(d, p)?), 8);
            Ok(Tlv::Done(false))
        }
        5 => {
            if tl < 4 {
                return too_short(c);
            }
            let v = be32(d, p)?;
            c.s("\n\t    Vendor: ");
            c.s(smi_name(v));
            c.s(" (0x");
            c.o.hexw(u64::from(v), 4);
            c.s(")");
            Ok(Tlv::Done(false))
        }
        _ => {
            if c.opts.verbose <= 1 {
                unknown_data(c, d, p, "\n\t    ", tl);
            }
            Ok(Tlv::Done(false))
        }
    }
}

fn downstream(c: &mut Ctx, d: &[u8], p: usize, tl: usize) -> R<Tlv> {
    if tl < 4 {
        return too_short(c);
    }
    bytes(d, p, 4)?;
    let atype = u8_at(d, p + 2)?;
    c.s("\n\t    MTU: ");
    c.dec(be16(d, p)?);
    c.s(", Address-Type: ");
    c.s(match atype {
        1 => "IPv4",
        2 => "Unnumbered IPv4",
        3 | 4 => "IPv6",
        _ => "unknown",
    });
    c.s(" (");
    c.dec(atype);
    c.s(")");
    let mut q = p;
    let mut rest = tl;
    let size = match atype {
        1 | 2 => 12,
        3 => 36,
        4 => 24,
        _ => 0,
    };
    if size > 0 {
        if rest < size {
            return too_short(c);
        }
        bytes(d, q, size)?;
        let alen = if atype <= 2 { 4 } else { 16 };
        let ip = bytes(d, q + 4, alen)?;
        c.s("\n\t    Downstream IP: ");
        if alen == 4 {
            c.ipaddr(ip);
        } else {
            c.ip6addr(ip);
        }
        if atype == 1 || atype == 3 {
            let ifa = bytes(d, q + 4 + alen, alen)?;
            c.s("\n\t    Downstream Interface IP: ");
            if alen == 4 {
                c.ipaddr(ifa);
            } else {
                c.ip6addr(ifa);
            }
        } else {
            c.s("\n\t    Downstream Interface Index: 0x");
            c.o.hexw(u64::from(be32(d, q + 4 + alen)?), 8);
        }
        q += size;
        rest -= size;
    }
    if rest < 4 {
        return too_short(c);
    }
    bytes(d, q, 4)?;
    Ok(Tlv::Done(true))
}

fn fec_stack(c: &mut Ctx, d: &[u8], p: usize, tl: usize) -> R<Tlv> {
    let mut q = p;
    let mut rest = tl;
    while rest != 0 {
        if rest < 4 {
            return too_short(c);
        }
        let stype = be16(d, q)?;
        let sl = usize::from(be16(d, q + 2)?);
        if rest < sl + 4 {
            return too_short(c);
        }
        bytes(d, q + 4, sl)?;
        c.s("\n\t    ");
        c.s(subtlv_name(stype));
        c.s(" subTLV (");
        c.dec(stype);
        c.s("), length: ");
        c.dec(sl as u64);
        let hexdump = subtlv(c, d, q + 4, sl, stype)?;
        if c.opts.verbose > 1 || hexdump {
            unknown_data(c, d, q + 4, "\n\t      ", sl);
        }
        let mut padded = sl;
        if sl % 4 != 0 {
            padded += 4 - sl % 4;
            if rest < padded + 4 {
                c.s("\n\t\t TLV is too short");
                return Ok(Tlv::Stop);
            }
        }
        q += padded;
        rest -= padded + 4;
    }
    Ok(Tlv::Done(false))
}

/// One target FEC sub-TLV; true when it is to be dumped in hex.
fn subtlv(c: &mut Ctx, d: &[u8], s: usize, sl: usize, stype: u16) -> R<bool> {
    let want = match stype {
        1 | 12 => 5,
        2 | 13 => 17,
        3 => 20,
        4 => 56,
        6 => 13,
        7 => 25,
        8 => 14,
        9 => 10,
        10 => 14,
        _ => return Ok(true),
    };
    if sl != want {
        c.s("\n\t      invalid subTLV length, should be ");
        c.dec(want as u64);
        return Ok(true);
    }
    match stype {
        1 | 12 => {
            let a = bytes(d, s, 4)?;
            let plen = u8_at(d, s + 4)?;
            c.s("\n\t      ");
            c.ipaddr(a);
            c.s("/");
            c.dec(plen);
        }
        2 | 13 => {
            let a = bytes(d, s, 16)?;
            let plen = u8_at(d, s + 16)?;
            c.s("\n\t      ");
            c.ip6addr(a);
            c.s("/");
            c.dec(plen);
        }
        3 | 4 => {
            let alen = if stype == 3 { 4 } else { 16 };
            let end = bytes(d, s, alen)?;
            let tunnel_id = be16(d, s + alen + 2)?;
            let ext = bytes(d, s + alen + 4, alen)?;
            let sender = bytes(d, s + 2 * alen + 4, alen)?;
            let lsp = be16(d, s + 3 * alen + 6)?;
            let addr = |c: &mut Ctx, a: &[u8]| {
                if alen == 4 {
                    c.ipaddr(a);
                } else {
                    c.ip6addr(a);
                }
            };
            c.s("\n\t      tunnel end-point ");
            addr(c, end);
            c.s(", tunnel sender ");
            addr(c, sender);
            c.s(", lsp-id 0x");
            c.o.hexw(u64::from(lsp), 4);
            c.s("\n\t      tunnel-id 0x");
            c.o.hexw(u64::from(tunnel_id), 4);
            c.s(", extended tunnel-id ");
            addr(c, ext);
        }
        6 | 7 => {
            let alen = if stype == 6 { 4 } else { 16 };
            bytes(d, s, 9 + alen)?;
            c.s("\n\t      RD: ");
            rd(c, d, s)?;
            c.s(", ");
            let a = bytes(d, s + 8, alen)?;
            if alen == 4 {
                c.ipaddr(a);
            } else {
                c.ip6addr(a);
            }
            c.s("/");
            c.dec(u8_at(d, s + 8 + alen)?);
        }
        8 => {
            bytes(d, s, 14)?;
            c.s("\n\t      RD: ");
            rd(c, d, s)?;
            let enc = be16(d, s + 12)?;
            c.s(", Sender VE ID: ");
            c.dec(be16(d, s + 8)?);
            c.s(", Receiver VE ID: ");
            c.dec(be16(d, s + 10)?);
            c.s("\n\t      Encapsulation Type: ");
            c.s(pw_type(enc));
            c.s(" (");
            c.dec(enc);
            c.s(")");
        }
        9 | 10 => {
            let base = if stype == 9 { s } else { s + 4 };
            bytes(d, s, want)?;
            let pw = be16(d, base + 8)?;
            if stype == 10 {
                let sender = bytes(d, s, 4)?;
                c.s("\n\t      Sender PE: ");
                c.ipaddr(sender);
                c.s(", Remote PE: ");
            } else {
                c.s("\n\t      Remote PE: ");
            }
            let remote = bytes(d, base, 4)?;
            c.ipaddr(remote);
            c.s("\n\t      PW ID: 0x");
            c.o.hexw(u64::from(be32(d, base + 4)?), 8);
            c.s(", PW Type: ");
            c.s(pw_type(pw));
            c.s(" (");
            c.dec(pw);
            c.s(")");
        }
        _ => {}
    }
    Ok(false)
}
