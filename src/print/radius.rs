//! RADIUS (UDP 1645/1646/1700/1812/1813/3799) with its attributes, and the EAP
//! messages RADIUS carries, as tcpdump 4.99 prints them: code, id and length at
//! the default verbosity; the authenticator and every attribute with `-v`, and
//! each attribute's bytes in hex with `-vv`.

use super::out::Put;
use super::ppp::unknown_data;
use super::{Ctx, R, be16, be32, bytes, u8_at};

const CODES: &[(u8, &str)] = &[
    (1, "Access-Request"),
    (2, "Access-Accept"),
    (3, "Access-Reject"),
    (4, "Accounting-Request"),
    (5, "Accounting-Response"),
    (11, "Access-Challenge"),
    (12, "Status-Server"),
    (13, "Status-Client"),
    (40, "Disconnect-Request"),
    (41, "Disconnect-ACK"),
    (42, "Disconnect-NAK"),
    (43, "CoA-Request"),
    (44, "CoA-ACK"),
    (45, "CoA-NAK"),
    (255, "Reserved"),
];

/// How tcpdump prints an attribute's value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    None,
    Str,
    Num,
    Addr,
    Addr6,
    Netmask6,
    Vendor,
    Time,
    Strange,
    Vector64,
    Mip6Prefix,
    OperatorName,
    LocationInfo,
    LocationData,
    PolicyRules,
}

/// Standard values of a numeric attribute and the value the table starts at.
type Values = (&'static [&'static str], u32);

const SERV_TYPE: Values = (
    &[
        "Login",
        "Framed",
        "Callback Login",
        "Callback Framed",
        "Outbound",
        "Administrative",
        "NAS Prompt",
        "Authenticate Only",
        "Callback NAS Prompt",
        "Call Check",
        "Callback Administrative",
        "Voice",
        "Fax",
        "Modem Relay",
        "IAPP-Register",
        "IAPP-AP-Check",
        "Authorize Only",
        "Framed-Management",
        "Additional-Authorization",
    ],
    1,
);
const FRM_PROTO: Values = (
    &[
        "PPP",
        "SLIP",
        "ARAP",
        "Gandalf proprietary",
        "Xylogics IPX/SLIP",
        "X.75 Synchronous",
        "GPRS PDP Context",
    ],
    1,
);
const FRM_ROUTING: Values = (&["None", "Send", "Listen", "Send&Listen"], 0);
const FRM_COMP: Values = (&["None", "VJ TCP/IP", "IPX", "Stac-LZS"], 0);
const LOGIN_SERV: Values = (
    &[
        "Telnet",
        "Rlogin",
        "TCP Clear",
        "PortMaster(proprietary)",
        "LAT",
        "X.25-PAD",
        "X.25-T3POS",
        "Unassigned",
        "TCP Clear Quiet",
    ],
    0,
);
const TERM_ACTION: Values = (&["Default", "RADIUS-Request"], 0);
const INGRESS_FILTERS: Values = (&["Enabled", "Disabled"], 1);
const NAS_PORT_TYPE: Values = (
    &[
        "Async",
        "Sync",
        "ISDN Sync",
        "ISDN Async V.120",
        "ISDN Async V.110",
        "Virtual",
        "PIAFS",
        "HDLC Clear Channel",
        "X.25",
        "X.75",
        "G.3 Fax",
        "SDSL",
        "ADSL-CAP",
        "ADSL-DMT",
        "ISDN-DSL",
        "Ethernet",
        "xDSL",
        "Cable",
        "Wireless - Other",
        "Wireless - IEEE 802.11",
        "Token-Ring",
        "FDDI",
        "Wireless - CDMA200",
        "Wireless - UMTS",
        "Wireless - 1X-EV",
        "IAPP",
        "FTTP",
        "Wireless - IEEE 802.16",
        "Wireless - IEEE 802.20",
        "Wireless - IEEE 802.22",
        "PPPoA",
        "PPPoEoA",
        "PPPoEoE",
        "PPPoEoVLAN",
        "PPPoEoQinQ",
        "xPON",
        "Wireless - XGP",
        "WiMAX Pre-Release 8 IWK Function",
        "WIMAX-WIFI-IWK",
        "WIMAX-SFF",
        "WIMAX-HA-LMA",
        "WIMAX-DHCP",
        "WIMAX-LBS",
        "WIMAX-WVS",
    ],
    0,
);
const ACCT_STATUS: Values = (
    &[
        "Start",
        "Stop",
        "Interim-Update",
        "Unassigned",
        "Unassigned",
        "Unassigned",
        "Accounting-On",
        "Accounting-Off",
        "Tunnel-Start",
        "Tunnel-Stop",
        "Tunnel-Reject",
        "Tunnel-Link-Start",
        "Tunnel-Link-Stop",
        "Tunnel-Link-Reject",
        "Failed",
    ],
    1,
);
const ACCT_AUTH: Values = (&["RADIUS", "Local", "Remote", "Diameter"], 1);
const ACCT_TERM: Values = (
    &[
        "User Request",
        "Lost Carrier",
        "Lost Service",
        "Idle Timeout",
        "Session Timeout",
        "Admin Reset",
        "Admin Reboot",
        "Port Error",
        "NAS Error",
        "NAS Request",
        "NAS Reboot",
        "Port Unneeded",
        "Port Preempted",
        "Port Suspended",
        "Service Unavailable",
        "Callback",
        "User Error",
        "Host Request",
        "Supplicant Restart",
        "Reauthentication Failure",
        "Port Reinitialized",
        "Port Administratively Disabled",
        "Lost Power",
    ],
    1,
);
const TUNNEL_TYPE: Values = (
    &[
        "PPTP",
        "L2F",
        "L2TP",
        "ATMP",
        "VTP",
        "AH",
        "IP-IP",
        "MIN-IP-IP",
        "ESP",
        "GRE",
        "DVS",
        "IP-in-IP Tunneling",
        "VLAN",
    ],
    1,
);
const TUNNEL_MEDIUM: Values = (
    &[
        "IPv4",
        "IPv6",
        "NSAP",
        "HDLC",
        "BBN 1822",
        "802",
        "E.163",
        "E.164",
        "F.69",
        "X.121",
        "IPX",
        "Appletalk",
        "Decnet IV",
        "Banyan Vines",
        "E.164 with NSAP subaddress",
    ],
    1,
);
const ARAP_ZONE: Values = (
    &[
        "Only access to dfl zone",
        "Use zone filter inc.",
        "Not used",
        "Use zone filter exc.",
    ],
    1,
);
const PROMPT: Values = (&["No Echo", "Echo"], 0);

/// tcpdump's attribute table: name, printer and standard values, by type.
fn attr_type(t: u8) -> Option<(&'static str, Kind, Option<Values>)> {
    use Kind::*;
    let (name, kind, vals) = match t {
        1 => ("User-Name", Str, Option::None),
        2 => ("User-Password", None, Option::None),
        3 => ("CHAP-Password", None, Option::None),
        4 => ("NAS-IP-Address", Addr, Option::None),
        5 => ("NAS-Port", Num, Option::None),
        6 => ("Service-Type", Num, Some(SERV_TYPE)),
        7 => ("Framed-Protocol", Num, Some(FRM_PROTO)),
        8 => ("Framed-IP-Address", Addr, Option::None),
        9 => ("Framed-IP-Netmask", Addr, Option::None),
        10 => ("Framed-Routing", Num, Some(FRM_ROUTING)),
        11 => ("Filter-Id", Str, Option::None),
        12 => ("Framed-MTU", Num, Option::None),
        13 => ("Framed-Compression", Num, Some(FRM_COMP)),
        14 => ("Login-IP-Host", Addr, Option::None),
        15 => ("Login-Service", Num, Some(LOGIN_SERV)),
        16 => ("Login-TCP-Port", Num, Option::None),
        17 | 21 | 54 | 93 => ("Unassigned", None, Option::None),
        18 => ("Reply-Message", Str, Option::None),
        19 => ("Callback-Number", Str, Option::None),
        20 => ("Callback-Id", Str, Option::None),
        22 => ("Framed-Route", Str, Option::None),
        23 => ("Framed-IPX-Network", Num, Option::None),
        24 => ("State", Str, Option::None),
        25 => ("Class", Str, Option::None),
        26 => ("Vendor-Specific", Vendor, Option::None),
        27 => ("Session-Timeout", Num, Option::None),
        28 => ("Idle-Timeout", Num, Option::None),
        29 => ("Termination-Action", Num, Some(TERM_ACTION)),
        30 => ("Called-Station-Id", Str, Option::None),
        31 => ("Calling-Station-Id", Str, Option::None),
        32 => ("NAS-Identifier", Str, Option::None),
        33 => ("Proxy-State", Str, Option::None),
        34 => ("Login-LAT-Service", Str, Option::None),
        35 => ("Login-LAT-Node", Str, Option::None),
        36 => ("Login-LAT-Group", Str, Option::None),
        37 => ("Framed-AppleTalk-Link", Num, Option::None),
        38 => ("Framed-AppleTalk-Network", Num, Option::None),
        39 => ("Framed-AppleTalk-Zone", Str, Option::None),
        40 => ("Acct-Status-Type", Num, Some(ACCT_STATUS)),
        41 => ("Acct-Delay-Time", Num, Option::None),
        42 => ("Acct-Input-Octets", Num, Option::None),
        43 => ("Acct-Output-Octets", Num, Option::None),
        44 => ("Acct-Session-Id", Str, Option::None),
        45 => ("Acct-Authentic", Num, Some(ACCT_AUTH)),
        46 => ("Acct-Session-Time", Num, Option::None),
        47 => ("Acct-Input-Packets", Num, Option::None),
        48 => ("Acct-Output-Packets", Num, Option::None),
        49 => ("Acct-Terminate-Cause", Num, Some(ACCT_TERM)),
        50 => ("Acct-Multi-Session-Id", Str, Option::None),
        51 => ("Acct-Link-Count", Num, Option::None),
        52 => ("Acct-Input-Gigawords", Num, Option::None),
        53 => ("Acct-Output-Gigawords", Num, Option::None),
        55 => ("Event-Timestamp", Time, Option::None),
        56 => ("Egress-VLANID", Num, Option::None),
        57 => ("Ingress-Filters", Num, Some(INGRESS_FILTERS)),
        58 => ("Egress-VLAN-Name", Str, Option::None),
        59 => ("User-Priority-Table", None, Option::None),
        60 => ("CHAP-Challenge", Str, Option::None),
        61 => ("NAS-Port-Type", Num, Some(NAS_PORT_TYPE)),
        62 => ("Port-Limit", Num, Option::None),
        63 => ("Login-LAT-Port", Str, Option::None),
        64 => ("Tunnel-Type", Num, Some(TUNNEL_TYPE)),
        65 => ("Tunnel-Medium-Type", Num, Some(TUNNEL_MEDIUM)),
        66 => ("Tunnel-Client-Endpoint", Str, Option::None),
        67 => ("Tunnel-Server-Endpoint", Str, Option::None),
        68 => ("Acct-Tunnel-Connection", Str, Option::None),
        69 => ("Tunnel-Password", Str, Option::None),
        70 => ("ARAP-Password", Strange, Option::None),
        71 => ("ARAP-Features", Strange, Option::None),
        72 => ("ARAP-Zone-Access", Num, Some(ARAP_ZONE)),
        73 => ("ARAP-Security", Str, Option::None),
        74 => ("ARAP-Security-Data", Str, Option::None),
        75 => ("Password-Retry", Num, Option::None),
        76 => ("Prompt", Num, Some(PROMPT)),
        77 => ("Connect-Info", Str, Option::None),
        78 => ("Configuration-Token", Str, Option::None),
        79 => ("EAP-Message", Str, Option::None),
        80 => ("Message-Authenticator", Str, Option::None),
        81 => ("Tunnel-Private-Group-ID", Str, Option::None),
        82 => ("Tunnel-Assignment-ID", Str, Option::None),
        83 => ("Tunnel-Preference", Num, Option::None),
        84 => ("ARAP-Challenge-Response", Strange, Option::None),
        85 => ("Acct-Interim-Interval", Num, Option::None),
        86 => ("Acct-Tunnel-Packets-Lost", Num, Option::None),
        87 => ("NAS-Port-Id", Str, Option::None),
        88 => ("Framed-Pool", Str, Option::None),
        89 => ("CUI", Str, Option::None),
        90 => ("Tunnel-Client-Auth-ID", Str, Option::None),
        91 => ("Tunnel-Server-Auth-ID", Str, Option::None),
        92 => ("NAS-Filter-Rule", Str, Option::None),
        94 => ("Originating-Line-Info", None, Option::None),
        95 => ("NAS-IPv6-Address", Addr6, Option::None),
        96 => ("Framed-Interface-ID", None, Option::None),
        97 => ("Framed-IPv6-Prefix", Netmask6, Option::None),
        98 => ("Login-IPv6-Host", Addr6, Option::None),
        99 => ("Framed-IPv6-Route", Str, Option::None),
        100 => ("Framed-IPv6-Pool", Str, Option::None),
        101 => ("Error-Cause", Strange, Option::None),
        102 => ("EAP-Key-Name", None, Option::None),
        103 => ("Digest-Response", Str, Option::None),
        104 => ("Digest-Realm", Str, Option::None),
        105 => ("Digest-Nonce", Str, Option::None),
        106 => ("Digest-Response-Auth", Str, Option::None),
        107 => ("Digest-Nextnonce", Str, Option::None),
        108 => ("Digest-Method", Str, Option::None),
        109 => ("Digest-URI", Str, Option::None),
        110 => ("Digest-Qop", Str, Option::None),
        111 => ("Digest-Algorithm", Str, Option::None),
        112 => ("Digest-Entity-Body-Hash", Str, Option::None),
        113 => ("Digest-CNonce", Str, Option::None),
        114 => ("Digest-Nonce-Count", Str, Option::None),
        115 => ("Digest-Username", Str, Option::None),
        116 => ("Digest-Opaque", Str, Option::None),
        117 => ("Digest-Auth-Param", Str, Option::None),
        118 => ("Digest-AKA-Auts", Str, Option::None),
        119 => ("Digest-Domain", Str, Option::None),
        120 => ("Digest-Stale", Str, Option::None),
        121 => ("Digest-HA1", Str, Option::None),
        122 => ("SIP-AOR", Str, Option::None),
        123 => ("Delegated-IPv6-Prefix", Netmask6, Option::None),
        124 => ("MIP6-Feature-Vector", Vector64, Option::None),
        125 => ("MIP6-Home-Link-Prefix", Mip6Prefix, Option::None),
        126 => ("Operator-Name", OperatorName, Option::None),
        127 => ("Location-Information", LocationInfo, Option::None),
        128 => ("Location-Data", LocationData, Option::None),
        129 => ("Basic-Location-Policy-Rules", PolicyRules, Option::None),
        _ => return Option::None,
    };
    Some((name, kind, vals))
}

/// SMI private enterprise numbers tcpdump names (its smi_values table).
const SMI: &[(u32, &str)] = &[
    (0, "IETF (reserved)"),
    (5, "ACC"),
    (9, "Cisco"),
    (11, "Hewlett Packard"),
    (42, "Sun Microsystems"),
    (61, "Merit"),
    (74, "AT&T"),
    (161, "Motorola"),
    (166, "Shiva"),
    (193, "Ericsson AB"),
    (255, "Cisco VPN 5000"),
    (307, "Livingston"),
    (311, "Microsoft"),
    (429, "3Com"),
    (529, "Ascend"),
    (1584, "Bay Networks"),
    (1991, "Foundry"),
    (2180, "Versanet"),
    (2352, "Redback"),
    (2636, "Juniper Networks"),
    (2637, "Aptis"),
    (2937, "Deutsche Telekom AG"),
    (3054, "Ixia Communications"),
    (3076, "Cisco VPN 3000"),
    (3085, "CoSine Communications"),
    (3199, "Shasta"),
    (3224, "Netscreen"),
    (3309, "Nomadix"),
    (3414, "T-Mobile"),
    (3561, "The Broadband Forum"),
    (3902, "ZTE"),
    (4329, "Siemens"),
    (4491, "CableLabs"),
    (4874, "Unisphere Networks"),
    (5263, "Cisco BBSM"),
    (5535, "3rd Generation Partnership Project 2 (3GPP2)"),
    (5806, "SK Telecom"),
    (5925, "ipUnplugged"),
    (5948, "Issanni Communications"),
    (5951, "Netscaler"),
    (6490, "T-Mobile"),
    (6618, "Quintum"),
    (6728, "Interlink"),
    (7951, "CNCTC"),
    (8164, "Starent Networks"),
    (8744, "Colubris"),
    (10415, "3GPP"),
    (10529, "Gemtek-Systems"),
    (10704, "Barracuda Networks"),
    (10923, "Ericsson AB - Packet Core Networks"),
    (11665, "dacom"),
    (11862, "Columbia University"),
    (12356, "Fortinet"),
    (12951, "Verizon Wireless"),
    (13745, "Plixer"),
    (14122, "Wi-Fi Alliance"),
    (16787, "T-Systems Nova"),
    (20942, "China Telecom - Guangzhou Research Institute"),
    (26866, "Gigamon Systems"),
    (32622, "CACE Technologies"),
    (35632, "ntop"),
    (46098, "Ericsson Canada"),
];

const ERROR_CAUSES: &[(u32, &str)] = &[
    (201, "Residual Session Context Removed"),
    (202, "Invalid EAP Packet (Ignored)"),
    (401, "Unsupported Attribute"),
    (402, "Missing Attribute"),
    (403, "NAS Identification Mismatch"),
    (404, "Invalid Request"),
    (405, "Unsupported Service"),
    (406, "Unsupported Extension"),
    (407, "Invalid Attribute Value"),
    (501, "Administratively Prohibited"),
    (502, "Request Not Routable (Proxy)"),
    (503, "Session Context Not Found"),
    (504, "Session Context Not Removable"),
    (505, "Other Proxy Processing Error"),
    (506, "Resources Unavailable"),
    (507, "Request Initiated"),
    (508, "Multiple Session Selection Unsupported"),
    (509, "Location Info Required"),
];

const MIP6_FEATURES: &[(u64, &str)] = &[
    (0x0000_0000_0000_0001, "MIP6_INTEGRATED"),
    (0x0000_0000_0000_0002, "LOCAL_HOME_AGENT_ASSIGNMENT"),
    (0x0000_0100_0000_0000, "PMIP6_SUPPORTED"),
    (0x0000_0200_0000_0000, "IP4_HOA_SUPPORTED"),
    (0x0000_0400_0000_0000, "LOCAL_MAG_ROUTING_SUPPORTED"),
    (0x0000_0800_0000_0000, "ASSIGN_LOCAL_IP"),
    (0x0000_1000_0000_0000, "MIP4_SUPPORTED"),
    (0x0000_2000_0000_0000, "OPTIMIZED_IDLE_MODE_MOBILITY"),
    (0x0000_4000_0000_0000, "GTPv2_SUPPORTED"),
    (0x0000_8000_0000_0000, "IP4_TRANSPORT_SUPPORTED"),
    (0x0001_0000_0000_0000, "IP4_HOA_ONLY_SUPPORTED"),
    (0x0002_0000_0000_0000, "INTER_MAG_ROUTING_SUPPORTED"),
];

/// Basic-Location-Policy-Rules flags, in tcpdump's table order.
const BLPR_FLAGS: &[(u16, &str)] = &[
    (0x0001, "MBZ-15"),
    (0x0002, "MBZ-14"),
    (0x0004, "MBZ-13"),
    (0x0008, "MBZ-12"),
    (0x0010, "MBZ-11"),
    (0x0020, "MBZ-10"),
    (0x0040, "MBZ-9"),
    (0x0080, "MBZ-8"),
    (0x0100, "MBZ-7"),
    (0x0200, "MBZ-6"),
    (0x0400, "MBZ-5"),
    (0x0800, "MBZ-4"),
    (0x1000, "MBZ-3"),
    (0x2000, "MBZ-2"),
    (0x4000, "MBZ-1"),
    (0x8000, "Retransmission Allowed"),
];

fn lookup<K: PartialEq + Copy>(tab: &[(K, &'static str)], k: K) -> Option<&'static str> {
    tab.iter().find(|(v, _)| *v == k).map(|(_, n)| *n)
}

/// Bytes as printable ASCII, `.` for the rest.
fn ascii_dot(c: &mut Ctx, b: &[u8]) {
    for &x in b {
        c.o.push(if (0x20..=0x7e).contains(&x) { x } else { b'.' });
    }
}

/// tcpdump's nd_printn: every byte with fn_print_char.
fn printn(c: &mut Ctx, b: &[u8]) {
    for &x in b {
        super::tcp::print_char(c, x);
    }
}

/// Upper-case hex of `n` bytes from `off` (tcpdump's PRINT_HEX).
fn hex_upper(c: &mut Ctx, d: &[u8], off: usize, n: usize) -> R {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for i in 0..n {
        let b = u8_at(d, off + i)?;
        c.o.push(HEX[usize::from(b >> 4)]);
        c.o.push(HEX[usize::from(b & 0xf)]);
    }
    Ok(())
}

/// A RADIUS message of `length` bytes (the captured ones in `d`).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "radius";
    if d.len() < 20 {
        c.trunc_mark();
        return Ok(());
    }
    let mut len = usize::from(be16(d, 2)?);
    if len < 20 {
        c.trunc_mark();
        return Ok(());
    }
    len = len.min(length);
    let code = d[0];
    let code_name = lookup(CODES, code).unwrap_or("Unknown Command");
    if c.opts.verbose == 0 {
        c.s("RADIUS, ");
        c.s(code_name);
        c.s(" (");
        c.dec(code);
        c.s("), id: 0x");
        c.o.hexw(u64::from(d[1]), 2);
        c.s(" length: ");
        c.dec(len as u64);
        return Ok(());
    }
    c.s("RADIUS, length: ");
    c.dec(len as u64);
    c.s("\n\t");
    c.s(code_name);
    c.s(" (");
    c.dec(code);
    c.s("), id: 0x");
    c.o.hexw(u64::from(d[1]), 2);
    c.s(", Authenticator: ");
    for b in &d[4..20] {
        c.o.hexw(u64::from(*b), 2);
    }
    if len > 20 {
        attrs(c, d, 20, len - 20)?;
    }
    Ok(())
}

fn attrs(c: &mut Ctx, d: &[u8], mut p: usize, mut length: usize) -> R {
    while length > 0 {
        if length < 2 || d.len() < p + 2 {
            c.trunc_mark();
            return Ok(());
        }
        let t = d[p];
        let len = usize::from(d[p + 1]);
        let entry = if t != 0 { attr_type(t) } else { None };
        c.s("\n\t  ");
        c.s(entry.map_or("Unknown", |e| e.0));
        c.s(" Attribute (");
        c.dec(t);
        c.s("), length: ");
        c.dec(len as u64);
        if len < 2 {
            c.s(" (bogus, must be >= 2)");
            return Ok(());
        }
        if len > length {
            c.s(" (bogus, goes past end of packet)");
            return Ok(());
        }
        c.s(", Value: ");
        if let Some((_, kind, vals)) = entry
            && len > 2
        {
            value(c, d, p + 2, len - 2, t, kind, vals)?;
        }
        if c.opts.verbose > 1 {
            unknown_data(c, d, p + 2, "\n\t    ", len - 2);
        }
        length -= len;
        p += len;
    }
    Ok(())
}

/// One attribute's value of `n` bytes at `off`.
fn value(
    c: &mut Ctx,
    d: &[u8],
    off: usize,
    n: usize,
    t: u8,
    kind: Kind,
    vals: Option<Values>,
) -> R {
    match kind {
        Kind::None => Ok(()),
        Kind::Str => string(c, d, off, n, t),
        Kind::Num => num(c, d, off, n, t, vals),
        Kind::Addr => {
            if n != 4 {
                return err_len(c, n, " != 4");
            }
            let v = be32(d, off)?;
            if (t == 8 || t == 14) && v == 0xffff_ffff {
                c.s("User Selected");
            } else if (t == 8 || t == 14) && v == 0xffff_fffe {
                c.s("NAS Select");
            } else {
                c.ipaddr(bytes(d, off, 4)?);
            }
            Ok(())
        }
        Kind::Addr6 => {
            if n != 16 {
                return err_len(c, n, " != 16");
            }
            c.ip6addr(bytes(d, off, 16)?);
            Ok(())
        }
        Kind::Netmask6 => {
            if !(2..=18).contains(&n) {
                return err_len(c, n, " not in range (2..18)");
            }
            let Ok(b) = bytes(d, off, n) else {
                c.trunc_mark();
                return Ok(());
            };
            let plen = b[1];
            if plen > 128 {
                c.s("ERROR: netmask ");
                c.dec(plen);
                c.s(" not in range (0..128)");
                return Ok(());
            }
            let mut a = [0u8; 16];
            a[..n - 2].copy_from_slice(&b[2..]);
            c.ip6addr(&a);
            c.s("/");
            c.dec(plen);
            if usize::from(plen) > 8 * (n - 2) {
                c.s(" (inconsistent prefix length)");
            }
            Ok(())
        }
        Kind::Mip6Prefix => {
            if n != 17 {
                return err_len(c, n, " != 17");
            }
            let Ok(b) = bytes(d, off, n) else {
                c.trunc_mark();
                return Ok(());
            };
            if b[0] > 128 {
                c.s("ERROR: netmask ");
                c.dec(b[0]);
                c.s(" not in range (0..128)");
                return Ok(());
            }
            c.ip6addr(&b[1..17]);
            c.s("/");
            c.dec(b[0]);
            Ok(())
        }
        Kind::Vendor => vendor(c, d, off, n),
        Kind::Time => {
            if n != 4 {
                return err_len(c, n, " != 4");
            }
            ctime(c, be32(d, off)?);
            Ok(())
        }
        Kind::Vector64 => {
            if n != 8 {
                return err_len(c, n, " != 8");
            }
            c.s("[");
            let v = (u64::from(be32(d, off)?) << 32) | u64::from(be32(d, off + 4)?);
            let mut sep = "";
            for (bit, nm) in MIP6_FEATURES {
                if v & bit != 0 {
                    c.s(sep);
                    c.s(nm);
                    sep = ", ";
                }
            }
            c.s("]");
            Ok(())
        }
        Kind::Strange => strange(c, d, off, n, t),
        Kind::OperatorName => {
            let Ok(b) = bytes(d, off, n) else {
                c.trunc_mark();
                return Ok(());
            };
            if n < 2 {
                return err_len(c, n, " < 2");
            }
            c.s("[");
            match b[0] {
                0x30 => c.s("TADIG"),
                0x31 => c.s("REALM"),
                0x32 => c.s("E212"),
                0x33 => c.s("ICC"),
                x => {
                    c.s("unknown namespace ");
                    c.dec(x);
                }
            }
            c.s("] ");
            printn(c, &b[1..]);
            Ok(())
        }
        Kind::LocationInfo => {
            let Ok(b) = bytes(d, off, n) else {
                c.trunc_mark();
                return Ok(());
            };
            if n < 21 {
                return err_len(c, n, " < 21");
            }
            c.s("index ");
            c.dec(be16(b, 0)?);
            c.s(", code ");
            match b[2] {
                0 => c.s("Civic"),
                1 => c.s("Geospatial"),
                x => {
                    c.s("Unknown (");
                    c.dec(x);
                    c.s(")");
                }
            }
            c.s(", entity ");
            match b[3] {
                0 => c.s("User"),
                1 => c.s("RADIUS"),
                x => {
                    c.s("Unknown (");
                    c.dec(x);
                    c.s(")");
                }
            }
            c.s(", sighting time ");
            super::misc::ntp_time(c, b, 4)?;
            c.s(", time to live ");
            super::misc::ntp_time(c, b, 12)?;
            c.s(", method \"");
            printn(c, &b[20..]);
            c.s("\"");
            Ok(())
        }
        Kind::LocationData => {
            let Ok(b) = bytes(d, off, n) else {
                c.trunc_mark();
                return Ok(());
            };
            if n < 3 {
                return err_len(c, n, " < 3");
            }
            c.s("index ");
            c.dec(be16(b, 0)?);
            c.s(", location");
            super::hex::hex_and_ascii(&mut c.o, "\n\t    ", &b[2..], 0);
            Ok(())
        }
        Kind::PolicyRules => {
            let Ok(b) = bytes(d, off, n) else {
                c.trunc_mark();
                return Ok(());
            };
            if n < 10 {
                return err_len(c, n, " < 10");
            }
            let flags = be16(b, 0)?;
            c.s("flags [");
            let mut sep = "";
            for (bit, nm) in BLPR_FLAGS {
                if flags & bit != 0 {
                    c.s(sep);
                    c.s(nm);
                    sep = ", ";
                }
            }
            if sep.is_empty() {
                c.s("none");
            }
            c.s("], retention expires ");
            super::misc::ntp_time(c, b, 2)?;
            if n > 10 {
                c.s(", note well \"");
                printn(c, &b[10..]);
                c.s("\"");
            }
            Ok(())
        }
    }
}

/// `ERROR: length N<what>`.
fn err_len(c: &mut Ctx, n: usize, what: &str) -> R {
    c.s("ERROR: length ");
    c.dec(n as u64);
    c.s(what);
    Ok(())
}

/// `Tag[N] ` or `Tag[Unused] `.
fn tag(c: &mut Ctx, t: u8) {
    if t == 0 {
        c.s("Tag[Unused] ");
    } else {
        c.s("Tag[");
        c.dec(t);
        c.s("] ");
    }
}

/// RFC 4675's tagged/untagged byte: `Tagged (0x31) `.
fn vlan_tag(c: &mut Ctx, t: u8) {
    c.s(match t {
        0x31 => "Tagged",
        0x32 => "Untagged",
        _ => "Unknown tag",
    });
    c.s(" (0x");
    c.o.hexw(u64::from(t), 2);
    c.s(") ");
}

fn string(c: &mut Ctx, d: &[u8], off: usize, n: usize, t: u8) -> R {
    let Ok(b) = bytes(d, off, n) else {
        c.trunc_mark();
        return Ok(());
    };
    let mut b = b;
    match t {
        69 => {
            if b.len() < 3 {
                c.trunc_mark();
                return Ok(());
            }
            tag(c, if b[0] <= 0x1f { b[0] } else { 0 });
            c.s("Salt ");
            c.dec(be16(b, 1)?);
            c.s(" ");
            b = &b[3..];
        }
        66 | 67 | 81 | 82 | 90 | 91 if b[0] <= 0x1f => {
            tag(c, b[0]);
            b = &b[1..];
        }
        58 => {
            vlan_tag(c, b[0]);
            b = &b[1..];
        }
        // tcpdump's EAP printer reads the EAP header in place, past a value
        // shorter than it when the packet goes on.
        79 => return eap(c, &d[off..], n),
        _ => {}
    }
    let end = b.iter().position(|&x| x == 0).unwrap_or(b.len());
    ascii_dot(c, &b[..end]);
    Ok(())
}

fn num(c: &mut Ctx, d: &[u8], off: usize, n: usize, t: u8, vals: Option<Values>) -> R {
    if n != 4 {
        return err_len(c, n, " != 4");
    }
    if let Some((names, first)) = vals {
        let v = if t == 64 || t == 65 {
            tag(c, u8_at(d, off)?);
            be32(d, off)? & 0xff_ffff
        } else {
            be32(d, off)?
        };
        match v.checked_sub(first).and_then(|i| names.get(i as usize)) {
            Some(nm) => c.s(nm),
            None => {
                c.s("#");
                c.dec(v);
            }
        }
        return Ok(());
    }
    // The tag byte of these is printed before the rest is read.
    if t == 83 || t == 56 {
        let b0 = u8_at(d, off)?;
        if t == 83 {
            tag(c, b0);
        } else {
            vlan_tag(c, b0);
        }
        c.dec(be32(d, off)? & 0xff_ffff);
        return Ok(());
    }
    let v = be32(d, off)?;
    match t {
        23 if v == 0xffff_fffe => c.s("NAS Select"),
        27 | 28 | 41 | 46 | 85 => {
            if v < 60 {
                c.o.decw(u64::from(v), 2);
                c.s(" secs");
            } else if v < 3600 {
                c.o.decw(u64::from(v / 60), 2);
                c.s(":");
                c.o.decw(u64::from(v % 60), 2);
                c.s(" min");
            } else {
                c.o.decw(u64::from(v / 3600), 2);
                c.s(":");
                c.o.decw(u64::from((v % 3600) / 60), 2);
                c.s(":");
                c.o.decw(u64::from(v % 60), 2);
                c.s(" hours");
            }
        }
        37 if v == 0 => c.s("Unnumbered"),
        38 if v == 0 => c.s("NAS assigned"),
        _ => c.dec(v),
    }
    Ok(())
}

fn vendor(c: &mut Ctx, d: &[u8], mut off: usize, mut n: usize) -> R {
    if n < 4 {
        c.trunc_mark();
        return Ok(());
    }
    let id = be32(d, off)?;
    off += 4;
    n -= 4;
    c.s("Vendor: ");
    c.s(lookup(SMI, id).unwrap_or("Unknown"));
    c.s(" (");
    c.dec(id);
    c.s(")");
    while n >= 2 {
        let vt = u8_at(d, off)?;
        let vl = usize::from(u8_at(d, off + 1)?);
        if vl < 2 {
            c.s("\n\t    Vendor Attribute: ");
            c.dec(vt);
            c.s(", Length: ");
            c.dec(vl as u64);
            c.s(" (bogus, must be >= 2)");
            return Ok(());
        }
        if vl > n {
            c.s("\n\t    Vendor Attribute: ");
            c.dec(vt);
            c.s(", Length: ");
            c.dec(vl as u64);
            c.s(" (bogus, goes past end of vendor-specific attribute)");
            return Ok(());
        }
        off += 2;
        let vl = vl - 2;
        n -= 2;
        let Ok(b) = bytes(d, off, vl) else {
            c.trunc_mark();
            return Ok(());
        };
        c.s("\n\t    Vendor Attribute: ");
        c.dec(vt);
        c.s(", Length: ");
        c.dec(vl as u64);
        c.s(", Value: ");
        ascii_dot(c, b);
        off += vl;
        n -= vl;
    }
    Ok(())
}

fn strange(c: &mut Ctx, d: &[u8], off: usize, n: usize, t: u8) -> R {
    match t {
        70 => {
            if n != 16 {
                return err_len(c, n, " != 16");
            }
            c.s("User_challenge (");
            hex_upper(c, d, off, 8)?;
            c.s(") User_resp(");
            hex_upper(c, d, off + 8, 8)?;
            c.s(")");
        }
        71 => {
            if n != 14 {
                return err_len(c, n, " != 14");
            }
            c.s(if u8_at(d, off)? != 0 {
                "User can change password"
            } else {
                "User cannot change password"
            });
            let min = u8_at(d, off + 1)?;
            c.s(", Min password length: ");
            c.dec(min);
            c.s(", created at: ");
            hex_upper(c, d, off + 2, 4)?;
            c.s(", expires in: ");
            hex_upper(c, d, off + 6, 4)?;
            c.s(", Current Time: ");
            hex_upper(c, d, off + 10, 4)?;
        }
        84 => {
            if n < 8 {
                return err_len(c, n, " != 8");
            }
            hex_upper(c, d, off, 8)?;
        }
        _ => {
            if n != 4 {
                c.s("Error: length ");
                c.dec(n as u64);
                c.s(" != 4");
                return Ok(());
            }
            let v = be32(d, off)?;
            c.s("Error cause ");
            c.dec(v);
            c.s(": ");
            match lookup(ERROR_CAUSES, v) {
                Some(nm) => c.s(nm),
                None => {
                    c.s("Error-Cause ");
                    c.dec(v);
                    c.s(" not known");
                }
            }
        }
    }
    Ok(())
}

/// ctime(3) without its newline, in the local time zone.
fn ctime(c: &mut Ctx, secs: u32) {
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let Some(tm) = crate::capture::os::local_time(i64::from(secs)) else {
        return;
    };
    c.s(DAYS.get(tm.weekday as usize).copied().unwrap_or("???"));
    c.s(" ");
    c.s(MONTHS.get(tm.month as usize).copied().unwrap_or("???"));
    c.s(" ");
    if tm.day < 10 {
        c.s(" ");
    }
    c.dec(tm.day.max(0) as u64);
    c.s(" ");
    c.o.decw(tm.hour.max(0) as u64, 2);
    c.s(":");
    c.o.decw(tm.minute.max(0) as u64, 2);
    c.s(":");
    c.o.decw(tm.second.max(0) as u64, 2);
    c.s(" ");
    c.dec(tm.year.max(0) as u64);
}

const EAP_TYPES: &[(u8, &str)] = &[
    (0, "No proposed"),
    (1, "Identity"),
    (2, "Notification"),
    (3, "Nak"),
    (4, "MD5-challenge"),
    (5, "OTP"),
    (6, "GTC"),
    (13, "TLS"),
    (18, "SIM"),
    (21, "TTLS"),
    (23, "AKA"),
    (43, "FAST"),
    (254, "Expanded types"),
    (255, "Experimental"),
];

const EAP_AKA_SUBTYPES: &[(u8, &str)] = &[
    (1, "Challenge"),
    (2, "Auth reject"),
    (4, "Sync failure"),
    (5, "Identity"),
    (10, "Start"),
    (11, "Challenge"),
    (12, "Notification"),
    (13, "Reauth"),
    (14, "Client error"),
];

/// tcpdump's nd_printjnp: characters up to the first NUL.
fn printjnp(c: &mut Ctx, b: &[u8]) {
    for &x in b {
        if x == 0 {
            break;
        }
        super::tcp::print_char(c, x);
    }
}

/// An EAP packet of `length` bytes (tcpdump's eap_print).
/// (tcpdump 4.99 leaves the truncation mark to the caller's protocol.)
pub(crate) fn eap(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let code = u8_at(d, 0)?;
    let len = usize::from(be16(d, 2)?);
    if len != length {
        c.s("EAP fragment?");
        return Ok(());
    }
    let id = u8_at(d, 1)?;
    c.s(match code {
        1 => "Request",
        2 => "Response",
        3 => "Success",
        4 => "Failure",
        _ => "unknown",
    });
    c.s(" (");
    c.dec(code);
    c.s("), id ");
    c.dec(id);
    c.s(", len ");
    c.dec(len as u64);
    if len < 4 {
        c.s(" (too short for EAP header)");
        return Ok(());
    }
    let Ok(b) = bytes(d, 0, len) else {
        c.trunc_mark();
        return Ok(());
    };
    if code != 1 && code != 2 {
        return Ok(());
    }
    if len < 5 {
        c.s(" (too short for EAP request/response)");
        return Ok(());
    }
    let sub = b[4];
    c.s("\n\t\t Type ");
    c.s(lookup(EAP_TYPES, sub).unwrap_or("unknown"));
    c.s(" (");
    c.dec(sub);
    c.s(")");
    match sub {
        1 if len > 5 => {
            c.s(", Identity: ");
            printjnp(c, &b[5..]);
        }
        2 => {
            if len < 6 {
                c.s(" (too short for EAP Notification request/response)");
                return Ok(());
            }
            c.s(", Notification: ");
            printjnp(c, &b[5..]);
        }
        3 => {
            if len < 6 {
                c.s(" (too short for EAP Legacy NAK request/response)");
                return Ok(());
            }
            let mut sep = "";
            for &x in &b[5..] {
                c.s(sep);
                c.s(" ");
                c.s(lookup(EAP_TYPES, x).unwrap_or("unknown"));
                c.s(" (");
                c.dec(x);
                c.s(")");
                sep = ",";
            }
        }
        13 | 21 | 43 => {
            let what = if sub == 43 { "FAST" } else { "TLS/TTLS" };
            if len < 6 {
                c.s(" (too short for EAP ");
                c.s(what);
                c.s(" request/response)");
                return Ok(());
            }
            let f = b[5];
            if sub == 21 {
                c.s(" TTLSv");
                c.dec(f & 7);
            } else if sub == 43 {
                c.s(" FASTv");
                c.dec(f & 7);
            }
            c.s(" flags [");
            let mut sep = "";
            for (bit, nm) in [
                (0x80, "L bit"),
                (0x40, "More fragments bit"),
                (0x20, "Start bit"),
            ] {
                if f & bit != 0 {
                    c.s(sep);
                    c.s(nm);
                    sep = ", ";
                }
            }
            if sep.is_empty() {
                c.s("none");
            }
            c.s("] 0x");
            c.o.hexw(u64::from(f), 2);
            if f & 0x80 != 0 {
                if len < 10 {
                    c.s(" (too short for EAP ");
                    c.s(what);
                    c.s(" request/response with length)");
                    return Ok(());
                }
                c.s(", len ");
                c.dec(be32(b, 6)?);
            }
        }
        18 | 23 => {
            if len < 6 {
                c.s(" (too short for EAP SIM/AKA request/response)");
                return Ok(());
            }
            c.s(" subtype [");
            c.s(lookup(EAP_AKA_SUBTYPES, b[5]).unwrap_or("unknown"));
            c.s("] 0x");
            c.o.hexw(u64::from(b[5]), 2);
        }
        _ => {}
    }
    Ok(())
}
