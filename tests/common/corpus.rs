//! A packet corpus built in code, for every link type rfilter knows: the packets
//! the differential tests run filters over.
//!
//! Network-layer packets (IPv4, IPv6, ARP, …) are built once and framed for each
//! link type; Ethernet adds VLAN/QinQ, MPLS, PPPoE, Geneve and 802.2 LLC/SNAP
//! frames. Addresses come from small sets (see [`V4`], [`V6`], [`MACS`]) that the
//! expression corpus in grammar/examples/ names, so host and net filters both hit
//! and miss. Every packet also appears truncated at several lengths (captured
//! bytes shorter than the wire length), and random-byte packets are added. All of
//! it is deterministic.

// A child module (it builds on the private builders here); the path keeps it
// found when this file is included from elsewhere with `#[path]`.
#[path = "wlan_corpus.rs"]
mod wlan;

pub use wlan::{IPNET, PFLOG, WLAN_LINKTYPES};

// SLIP, Frame Relay, Juniper and ARCnet frames, built the same way.
#[path = "link_corpus.rs"]
pub mod links;

use etherparse::PacketBuilder;
use rfilter::linktype::LinkType;
use std::collections::HashSet;

/// One corpus packet: a label saying what it is (for failure reports), the captured
/// bytes and the length on the wire.
#[derive(Clone, Debug)]
pub struct Sample {
    pub label: String,
    pub data: Vec<u8>,
    pub wire_len: u32,
}

/// IPv4 addresses packets use (expressions in grammar/examples/ name them).
pub const V4: [[u8; 4]; 12] = [
    [10, 0, 0, 1],
    [10, 0, 0, 2],
    [192, 168, 1, 1],
    [192, 168, 1, 255],
    [172, 16, 5, 4],
    [8, 8, 8, 8],
    [224, 0, 0, 1],
    [239, 255, 255, 250],
    [255, 255, 255, 255],
    [0, 0, 0, 0],
    [127, 0, 0, 1],
    [10, 1, 2, 3],
];

/// IPv6 addresses packets use.
pub const V6: [[u16; 8]; 9] = [
    [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1],
    [0x2001, 0xdb8, 0, 0, 0, 0, 0, 2],
    [0xfe80, 0, 0, 0, 0, 0, 0, 1],
    [0xff02, 0, 0, 0, 0, 0, 0, 1],
    [0xff02, 0, 0, 0, 0, 1, 0xff00, 1],
    [0, 0, 0, 0, 0, 0, 0, 1],
    [0x2001, 0xdb8, 1, 0, 0, 0, 0, 5],
    [0, 0, 0, 0, 0, 0, 0, 0],
    [0xff05, 0, 0, 0, 0, 0, 0, 2],
];

/// MAC addresses frames use: unicast, broadcast, IPv4/IPv6 multicast, STP.
pub const MACS: [[u8; 6]; 7] = [
    [0x00, 0x11, 0x22, 0x33, 0x44, 0x55],
    [0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb],
    [0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    [0x01, 0x00, 0x5e, 0x00, 0x00, 0x01],
    [0x33, 0x33, 0x00, 0x00, 0x00, 0x01],
    [0x01, 0x80, 0xc2, 0x00, 0x00, 0x00],
    [0x02, 0xfc, 0x00, 0x00, 0x00, 0x01],
];

// ---------------------------------------------------------------------------
// Byte builders.

fn be16(v: u16) -> [u8; 2] {
    v.to_be_bytes()
}

fn v6bytes(a: [u16; 8]) -> [u8; 16] {
    let mut out = [0u8; 16];
    for (i, w) in a.iter().enumerate() {
        out[2 * i..2 * i + 2].copy_from_slice(&w.to_be_bytes());
    }
    out
}

fn checksum(bytes: &[u8]) -> u16 {
    let mut sum = 0u32;
    for c in bytes.chunks(2) {
        let w = u32::from(c[0]) << 8 | u32::from(*c.get(1).unwrap_or(&0));
        sum += w;
    }
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    !(sum as u16)
}

/// IPv4 header fields beyond addresses and protocol.
#[derive(Clone, Default)]
struct V4Opts {
    options: Vec<u8>,
    /// Fragment offset in 8-byte units.
    frag: u16,
    more_frags: bool,
    dont_frag: bool,
    tos: u8,
    ttl: u8,
}

fn ipv4_with(src: [u8; 4], dst: [u8; 4], proto: u8, payload: &[u8], o: &V4Opts) -> Vec<u8> {
    let mut opts = o.options.clone();
    while !opts.len().is_multiple_of(4) {
        opts.push(0);
    }
    let ihl = 5 + opts.len() / 4;
    let total = ihl * 4 + payload.len();
    let mut h = Vec::with_capacity(total);
    h.push(0x40 | ihl as u8);
    h.push(o.tos);
    h.extend(be16(total as u16));
    h.extend(be16(0x1c46));
    let flags = (u16::from(o.dont_frag) << 14) | (u16::from(o.more_frags) << 13) | o.frag;
    h.extend(be16(flags));
    h.push(if o.ttl == 0 { 64 } else { o.ttl });
    h.push(proto);
    h.extend([0, 0]);
    h.extend(src);
    h.extend(dst);
    h.extend(&opts);
    let c = checksum(&h);
    h[10..12].copy_from_slice(&be16(c));
    h.extend(payload);
    h
}

fn ipv4(src: [u8; 4], dst: [u8; 4], proto: u8, payload: &[u8]) -> Vec<u8> {
    ipv4_with(src, dst, proto, payload, &V4Opts::default())
}

fn ipv6(src: [u16; 8], dst: [u16; 8], next: u8, payload: &[u8]) -> Vec<u8> {
    let mut h = vec![0x60, 0x00, 0x00, 0x00];
    h.extend(be16(payload.len() as u16));
    h.push(next);
    h.push(64);
    h.extend(v6bytes(src));
    h.extend(v6bytes(dst));
    h.extend(payload);
    h
}

/// A hop-by-hop, routing or destination-options header (8 bytes of body padding).
fn ext(next: u8, units: u8, inner: &[u8]) -> Vec<u8> {
    let mut h = vec![next, units];
    h.extend(std::iter::repeat_n(0u8, 6 + 8 * usize::from(units)));
    h.extend(inner);
    h
}

/// An IPv6 fragment header.
fn frag6(next: u8, offset_units: u16, more: bool, inner: &[u8]) -> Vec<u8> {
    let mut h = vec![next, 0];
    h.extend(be16((offset_units << 3) | u16::from(more)));
    h.extend([0xde, 0xad, 0xbe, 0xef]);
    h.extend(inner);
    h
}

const FIN: u8 = 0x01;
const SYN: u8 = 0x02;
const RST: u8 = 0x04;
const PSH: u8 = 0x08;
const ACK: u8 = 0x10;
const URG: u8 = 0x20;
const ECE: u8 = 0x40;
const CWR: u8 = 0x80;

fn tcp(sport: u16, dport: u16, flags: u8, payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::new();
    h.extend(be16(sport));
    h.extend(be16(dport));
    h.extend(0x0102_0304u32.to_be_bytes());
    h.extend(if flags & ACK != 0 { 0x0a0b_0c0du32 } else { 0 }.to_be_bytes());
    h.push(0x50);
    h.push(flags);
    h.extend(be16(0xffff));
    h.extend([0, 0]);
    h.extend(be16(if flags & URG != 0 { 7 } else { 0 }));
    h.extend(payload);
    h
}

fn udp(sport: u16, dport: u16, payload: &[u8]) -> Vec<u8> {
    let mut h = Vec::new();
    h.extend(be16(sport));
    h.extend(be16(dport));
    h.extend(be16(8 + payload.len() as u16));
    h.extend([0, 0]);
    h.extend(payload);
    h
}

fn icmp(ty: u8, code: u8) -> Vec<u8> {
    let mut h = vec![ty, code, 0, 0, 0x12, 0x34, 0x00, 0x01];
    h.extend(b"abcdefgh");
    let c = checksum(&h);
    h[2..4].copy_from_slice(&be16(c));
    h
}

fn sctp(sport: u16, dport: u16) -> Vec<u8> {
    let mut h = Vec::new();
    h.extend(be16(sport));
    h.extend(be16(dport));
    h.extend([0, 0, 0, 1, 0, 0, 0, 0]);
    // INIT chunk.
    h.extend([1, 0, 0, 20]);
    h.extend([0u8; 16]);
    h
}

fn ethernet(dst: [u8; 6], src: [u8; 6], ethertype: u16, payload: &[u8]) -> Vec<u8> {
    let mut f = Vec::with_capacity(14 + payload.len());
    f.extend(dst);
    f.extend(src);
    f.extend(be16(ethertype));
    f.extend(payload);
    f
}

/// An 802.3 frame: a length field instead of an EtherType, then `llc`.
fn ieee8023(dst: [u8; 6], src: [u8; 6], llc: &[u8]) -> Vec<u8> {
    ethernet(dst, src, llc.len() as u16, llc)
}

fn vlan_tag(tpid: u16, tci: u16) -> [u8; 4] {
    let mut t = [0u8; 4];
    t[..2].copy_from_slice(&be16(tpid));
    t[2..].copy_from_slice(&be16(tci));
    t
}

/// An Ethernet frame with VLAN tags `tags` (outermost first) around `ethertype`.
fn tagged(tags: &[(u16, u16)], ethertype: u16, payload: &[u8], i: usize) -> Vec<u8> {
    let mut f = Vec::new();
    f.extend(MACS[i % MACS.len()]);
    f.extend(MACS[(i + 1) % MACS.len()]);
    for &(tpid, tci) in tags {
        f.extend(vlan_tag(tpid, tci));
    }
    f.extend(be16(ethertype));
    f.extend(payload);
    f
}

fn mpls_stack(labels: &[(u32, bool)], inner: &[u8]) -> Vec<u8> {
    let mut f = Vec::new();
    for &(label, bos) in labels {
        let word = (label << 12) | (u32::from(bos) << 8) | 64;
        f.extend(word.to_be_bytes());
    }
    f.extend(inner);
    f
}

fn pppoe(code: u8, session: u16, payload: &[u8]) -> Vec<u8> {
    let mut f = vec![0x11, code];
    f.extend(be16(session));
    f.extend(be16(payload.len() as u16));
    f.extend(payload);
    f
}

fn geneve(opt_words: u8, proto: u16, vni: u32, inner: &[u8]) -> Vec<u8> {
    let mut g = vec![opt_words & 0x3f, 0];
    g.extend(be16(proto));
    g.extend(&(vni << 8).to_be_bytes());
    for _ in 0..opt_words {
        g.extend([0x01, 0x02, 0x03, 0x04]);
    }
    g.extend(inner);
    g
}

// ---------------------------------------------------------------------------
// Network-layer packets.

/// A network-layer packet and the EtherType that carries it.
struct Net {
    label: String,
    ethertype: u16,
    bytes: Vec<u8>,
}

fn net(label: impl Into<String>, ethertype: u16, bytes: Vec<u8>) -> Net {
    Net {
        label: label.into(),
        ethertype,
        bytes,
    }
}

fn v4pair(i: usize) -> ([u8; 4], [u8; 4]) {
    (V4[i % V4.len()], V4[(i * 5 + 3) % V4.len()])
}

fn v6pair(i: usize) -> ([u16; 8], [u16; 8]) {
    (V6[i % V6.len()], V6[(i * 4 + 1) % V6.len()])
}

const TCP_PORTS: [(u16, u16); 16] = [
    (1024, 80),
    (80, 1024),
    (50000, 443),
    (22, 60000),
    (1025, 22),
    (20, 21),
    (8080, 3128),
    (53, 53),
    (25, 1234),
    (179, 179),
    (65535, 0),
    (0, 65535),
    (443, 8443),
    (23, 110),
    (513, 514),
    (6000, 8080),
];

const TCP_FLAGS: [u8; 11] = [
    SYN,
    SYN | ACK,
    ACK,
    FIN | ACK,
    RST,
    PSH | ACK,
    URG | ACK,
    ECE | CWR | SYN,
    0,
    0xff,
    RST | ACK,
];

const UDP_PORTS: [(u16, u16); 15] = [
    (5353, 53),
    (53, 40000),
    (68, 67),
    (67, 68),
    (123, 123),
    (161, 162),
    (514, 514),
    (40000, 4789),
    (1900, 1900),
    (137, 138),
    (500, 500),
    (2049, 1023),
    (5060, 5060),
    (33434, 33435),
    (0, 7),
];

const ICMP_TYPES: [(u8, u8); 16] = [
    (0, 0),
    (8, 0),
    (3, 3),
    (3, 1),
    (11, 0),
    (5, 1),
    (13, 0),
    (14, 0),
    (17, 0),
    (18, 0),
    (9, 0),
    (10, 0),
    (4, 0),
    (12, 0),
    (15, 0),
    (16, 0),
];

const ICMP6_TYPES: [(u8, u8); 14] = [
    (128, 0),
    (129, 0),
    (133, 0),
    (134, 0),
    (135, 0),
    (136, 0),
    (1, 4),
    (2, 0),
    (3, 0),
    (4, 1),
    (130, 0),
    (131, 0),
    (143, 0),
    (137, 0),
];

/// A Geneve packet over UDP port 6081, with an inner Ethernet/IPv4/TCP frame.
fn geneve_payloads() -> Vec<(String, Vec<u8>)> {
    let inner_v4 = ipv4(V4[0], V4[4], 6, &tcp(1024, 80, SYN, &[]));
    let inner_eth = ethernet(MACS[0], MACS[1], 0x0800, &inner_v4);
    let inner_arp = ethernet(MACS[2], MACS[1], 0x0806, &arp(1, V4[0], V4[1]));
    let mut out = Vec::new();
    for (vni, opts) in [(0u32, 0u8), (100, 0), (100, 2), (0xff_ffff, 1)] {
        out.push((
            format!("geneve vni {vni} opts {opts} eth/ip/tcp"),
            udp(40000, 6081, &geneve(opts, 0x6558, vni, &inner_eth)),
        ));
    }
    let mut inner_vlan = ethernet(MACS[0], MACS[1], 0x8100, &[0x00, 0x0a, 0x08, 0x00]);
    inner_vlan.extend(&inner_v4);
    out.push((
        "geneve eth/vlan 10/ip/tcp".into(),
        udp(40005, 6081, &geneve(0, 0x6558, 100, &inner_vlan)),
    ));
    out.push((
        "geneve eth/arp".into(),
        udp(40001, 6081, &geneve(0, 0x6558, 7, &inner_arp)),
    ));
    out.push((
        "geneve ipv4 direct".into(),
        udp(40002, 6081, &geneve(0, 0x0800, 7, &inner_v4)),
    ));
    // Version 1 (unknown) and a critical-option flag.
    let mut bad = geneve(0, 0x6558, 5, &inner_eth);
    bad[0] |= 0x40;
    out.push(("geneve version 1".into(), udp(40003, 6081, &bad)));
    out.push((
        "vxlan".into(),
        udp(40004, 4789, &[0x08, 0, 0, 0, 0, 0, 0x64, 0]),
    ));
    out
}

fn arp(op: u16, spa: [u8; 4], tpa: [u8; 4]) -> Vec<u8> {
    let mut a = Vec::new();
    a.extend(be16(1));
    a.extend(be16(0x0800));
    a.push(6);
    a.push(4);
    a.extend(be16(op));
    a.extend(MACS[0]);
    a.extend(spa);
    a.extend(if op == 1 || op == 3 { [0; 6] } else { MACS[1] });
    a.extend(tpa);
    a
}

fn ipv4_packets() -> Vec<Net> {
    let mut out = Vec::new();
    let mut i = 0usize;
    let mut next = || {
        i += 1;
        i
    };
    for (n, &(sp, dp)) in TCP_PORTS.iter().enumerate() {
        let flags = TCP_FLAGS[n % TCP_FLAGS.len()];
        let (s, d) = v4pair(next());
        let payload: &[u8] = if n % 3 == 0 {
            b""
        } else {
            b"GET / HTTP/1.1\r\n"
        };
        out.push(net(
            format!("ipv4 tcp {sp}>{dp} flags {flags:#x}"),
            0x0800,
            ipv4(s, d, 6, &tcp(sp, dp, flags, payload)),
        ));
    }
    // Every flag combination that matters for tcpflags tests, on port 80.
    for flags in TCP_FLAGS {
        let (s, d) = v4pair(next());
        out.push(net(
            format!("ipv4 tcp 80 flags {flags:#x}"),
            0x0800,
            ipv4(s, d, 6, &tcp(40000, 80, flags, b"")),
        ));
    }
    for &(sp, dp) in &UDP_PORTS {
        let (s, d) = v4pair(next());
        out.push(net(
            format!("ipv4 udp {sp}>{dp}"),
            0x0800,
            ipv4(s, d, 17, &udp(sp, dp, b"\x12\x34\x01\x00")),
        ));
    }
    for &(t, c) in &ICMP_TYPES {
        let (s, d) = v4pair(next());
        out.push(net(
            format!("ipv4 icmp {t}/{c}"),
            0x0800,
            ipv4(s, d, 1, &icmp(t, c)),
        ));
    }
    for (proto, name, payload) in [
        (2u8, "igmp v2 report", vec![0x16, 0, 0, 0, 224, 0, 0, 1]),
        (2, "igmp query", vec![0x11, 100, 0, 0, 0, 0, 0, 0]),
        (103, "pim hello", vec![0x20, 0, 0, 0, 0, 1, 0, 2, 0, 105]),
        (
            112,
            "vrrp advert",
            vec![0x21, 1, 100, 1, 0, 1, 0, 0, 10, 0, 0, 254],
        ),
        (51, "ah tcp", {
            let mut ah = vec![6, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
            ah.extend([0u8; 12]);
            ah.extend(tcp(1024, 80, SYN, b""));
            ah
        }),
        (
            50,
            "esp",
            vec![0, 0, 1, 0, 0, 0, 0, 1, 0xaa, 0xbb, 0xcc, 0xdd],
        ),
        (132, "sctp 80", sctp(5000, 80)),
        (132, "sctp 3868", sctp(3868, 3868)),
        (47, "gre ipv4", {
            let mut g = vec![0, 0, 0x08, 0];
            g.extend(ipv4(V4[0], V4[1], 17, &udp(1, 2, b"")));
            g
        }),
        (89, "ospf hello", vec![2, 1, 0, 44, 10, 0, 0, 1, 0, 0, 0, 0]),
        (88, "eigrp", vec![2, 5, 0, 0]),
        (
            4,
            "ipip tcp 80",
            ipv4(V4[1], V4[2], 6, &tcp(1024, 80, ACK, b"")),
        ),
        (
            41,
            "ipv6-in-ipv4 udp 53",
            ipv6(V6[0], V6[1], 17, &udp(5353, 53, b"")),
        ),
        (136, "udplite", udp(1, 53, b"")),
        (0, "proto 0", vec![0; 8]),
        (255, "proto 255", vec![0xff; 8]),
        (17, "udp empty", udp(53, 53, b"")),
    ] {
        let (s, d) = v4pair(next());
        out.push(net(
            format!("ipv4 {name}"),
            0x0800,
            ipv4(s, d, proto, &payload),
        ));
    }
    // Header options: the transport header moves.
    for (ihl_opts, name) in [
        (vec![1, 1, 1, 0], "ipv4 options nop"),
        (
            vec![
                7, 39, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ],
            "ipv4 options record-route max",
        ),
        (vec![0x94, 4, 0, 0], "ipv4 options router-alert"),
    ] {
        let o = V4Opts {
            options: ihl_opts,
            ..V4Opts::default()
        };
        out.push(net(
            format!("{name} tcp 80"),
            0x0800,
            ipv4_with(V4[0], V4[2], 6, &tcp(2000, 80, SYN, b""), &o),
        ));
        out.push(net(
            format!("{name} udp 53"),
            0x0800,
            ipv4_with(V4[2], V4[0], 17, &udp(53, 2000, b""), &o),
        ));
        out.push(net(
            format!("{name} icmp echo"),
            0x0800,
            ipv4_with(V4[3], V4[0], 1, &icmp(8, 0), &o),
        ));
    }
    // Fragments: the first carries the TCP header; later ones carry bytes that look
    // like one, which port filters must not match.
    let t = tcp(1024, 80, SYN, b"0123456789abcdef");
    for (frag, more, name) in [
        (0u16, true, "first"),
        (185, true, "middle"),
        (370, false, "last"),
        (1, false, "offset 1"),
    ] {
        let o = V4Opts {
            frag,
            more_frags: more,
            ..V4Opts::default()
        };
        out.push(net(
            format!("ipv4 fragment {name} tcp-like"),
            0x0800,
            ipv4_with(V4[0], V4[1], 6, &t, &o),
        ));
        out.push(net(
            format!("ipv4 fragment {name} udp-like"),
            0x0800,
            ipv4_with(V4[1], V4[0], 17, &udp(53, 53, b"xx"), &o),
        ));
    }
    let o = V4Opts {
        dont_frag: true,
        tos: 0xb8,
        ttl: 1,
        ..V4Opts::default()
    };
    out.push(net(
        "ipv4 df tos 0xb8 ttl 1 tcp 443",
        0x0800,
        ipv4_with(V4[4], V4[5], 6, &tcp(443, 50000, ACK, b""), &o),
    ));
    // Odd headers: IHL below 5, and the version field saying 6.
    let mut odd = ipv4(V4[0], V4[1], 6, &tcp(80, 80, SYN, b""));
    odd[0] = 0x44;
    out.push(net("ipv4 ihl 4", 0x0800, odd.clone()));
    odd[0] = 0x65;
    out.push(net("ipv4 header version 6", 0x0800, odd));
    // Same source and destination; syslog from a named host.
    out.push(net(
        "ipv4 tcp 10.0.0.1 to itself",
        0x0800,
        ipv4(V4[0], V4[0], 6, &tcp(1024, 80, ACK, b"")),
    ));
    out.push(net(
        "ipv4 udp 514 from 10.0.0.1",
        0x0800,
        ipv4(V4[0], V4[4], 17, &udp(514, 514, b"<13>hi")),
    ));
    // TCP options (data offset 8): MSS, SACK permitted, window scale.
    let mut opts_tcp = tcp(50000, 80, SYN, b"");
    opts_tcp[12] = 0x80;
    opts_tcp.extend([2, 4, 5, 0xb4, 4, 2, 1, 1, 1, 3, 3, 7]);
    out.push(net(
        "ipv4 tcp syn with options",
        0x0800,
        ipv4(V4[2], V4[5], 6, &opts_tcp),
    ));
    // Big packets: lengths past 256, 512 and 1500.
    for (size, proto) in [(1400usize, 6u8), (484, 17), (1480, 17)] {
        let body = vec![0x61u8; size];
        let l4 = if proto == 6 {
            tcp(443, 50001, PSH | ACK, &body)
        } else {
            udp(4500, 4500, &body)
        };
        out.push(net(
            format!("ipv4 big {proto} {size}"),
            0x0800,
            ipv4(V4[5], V4[2], proto, &l4),
        ));
    }
    // etherparse builds a few reference packets with correct checksums.
    for (i, (sp, dp)) in [(1234u16, 80u16), (53, 5353), (22, 2222)]
        .into_iter()
        .enumerate()
    {
        let (s, d) = v4pair(next());
        let mut bytes = Vec::new();
        let payload = [0x55u8; 12];
        if i == 1 {
            PacketBuilder::ipv4(s, d, 32)
                .udp(sp, dp)
                .write(&mut bytes, &payload)
                .expect("build udp");
        } else {
            PacketBuilder::ipv4(s, d, 32)
                .tcp(sp, dp, 7, 1024)
                .syn()
                .write(&mut bytes, &payload)
                .expect("build tcp");
        }
        out.push(net(format!("ipv4 etherparse {sp}>{dp}"), 0x0800, bytes));
    }
    for (label, g) in geneve_payloads() {
        let (s, d) = v4pair(next());
        out.push(net(format!("ipv4 {label}"), 0x0800, ipv4(s, d, 17, &g)));
    }
    out
}

fn ipv6_packets() -> Vec<Net> {
    let mut out = Vec::new();
    let mut i = 0usize;
    let mut next = || {
        i += 1;
        i
    };
    for (n, &(sp, dp)) in TCP_PORTS.iter().enumerate() {
        let flags = TCP_FLAGS[n % TCP_FLAGS.len()];
        let (s, d) = v6pair(next());
        out.push(net(
            format!("ipv6 tcp {sp}>{dp}"),
            0x86dd,
            ipv6(s, d, 6, &tcp(sp, dp, flags, b"data")),
        ));
    }
    for &(sp, dp) in UDP_PORTS.iter() {
        let (s, d) = v6pair(next());
        out.push(net(
            format!("ipv6 udp {sp}>{dp}"),
            0x86dd,
            ipv6(s, d, 17, &udp(sp, dp, b"x")),
        ));
    }
    for &(t, c) in &ICMP6_TYPES {
        let (s, d) = v6pair(next());
        out.push(net(
            format!("ipv6 icmp6 {t}/{c}"),
            0x86dd,
            ipv6(s, d, 58, &icmp(t, c)),
        ));
    }
    let t80 = tcp(1024, 80, SYN, b"");
    out.push(net(
        "ipv6 tcp 80 from 2001:db8::1",
        0x86dd,
        ipv6(V6[0], V6[6], 6, &t80),
    ));
    out.push(net(
        "ipv6 big udp 1300",
        0x86dd,
        ipv6(V6[1], V6[0], 17, &udp(4500, 4500, &[0x62; 1300])),
    ));
    let u53 = udp(5353, 53, b"q");
    let chains: Vec<(&str, u8, Vec<u8>)> = vec![
        ("hbh tcp 80", 0, ext(6, 0, &t80)),
        ("hbh icmp6 mld", 0, ext(58, 0, &icmp(143, 0))),
        ("dstopts udp 53", 60, ext(17, 1, &u53)),
        ("routing tcp 80", 43, ext(6, 2, &t80)),
        ("fragment first tcp 80", 44, frag6(6, 0, true, &t80)),
        ("fragment later tcp-like", 44, frag6(6, 100, false, &t80)),
        (
            "fragment first icmp6 echo",
            44,
            frag6(58, 0, true, &icmp(128, 0)),
        ),
        (
            "hbh dst routing fragment udp 53",
            0,
            ext(60, 0, &ext(43, 0, &ext(44, 0, &frag6(17, 0, false, &u53)))),
        ),
        ("dst dst tcp 80", 60, ext(60, 0, &ext(6, 0, &t80))),
        ("no next header", 59, vec![]),
        ("esp", 50, vec![0, 0, 1, 0, 0, 0, 0, 1]),
        ("ah tcp 80", 51, {
            let mut ah = vec![6, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
            ah.extend([0u8; 12]);
            ah.extend(&t80);
            ah
        }),
        ("sctp", 132, sctp(80, 9)),
        ("pim", 103, vec![0x20, 0, 0, 0]),
        ("vrrp", 112, vec![0x31, 1, 100, 1, 0, 0, 0, 0]),
        ("ipv6-in-ipv6 tcp 80", 41, ipv6(V6[1], V6[0], 6, &t80)),
        ("ipv4-in-ipv6 udp 53", 4, ipv4(V4[0], V4[1], 17, &u53)),
        ("gre", 47, vec![0, 0, 0x86, 0xdd]),
        ("ospf", 89, vec![3, 1, 0, 16]),
        ("igmp (proto 2)", 2, vec![0x16, 0, 0, 0]),
        ("icmp (v4 proto 1)", 1, icmp(8, 0)),
        (
            "hbh ah tcp",
            0,
            ext(51, 0, &{
                let mut ah = vec![6, 1, 0, 0, 0, 0, 1, 0];
                ah.extend([0u8; 4]);
                ah.extend(&t80);
                ah
            }),
        ),
    ];
    for (name, nh, payload) in chains {
        let (s, d) = v6pair(next());
        out.push(net(
            format!("ipv6 {name}"),
            0x86dd,
            ipv6(s, d, nh, &payload),
        ));
    }
    {
        let (s, d) = v6pair(next());
        let mut bytes = Vec::new();
        PacketBuilder::ipv6(v6bytes(s), v6bytes(d), 32)
            .udp(123, 123)
            .write(&mut bytes, &[1, 2, 3])
            .expect("build udp6");
        out.push(net("ipv6 etherparse udp 123", 0x86dd, bytes));
    }
    for (label, g) in geneve_payloads().into_iter().take(3) {
        let (s, d) = v6pair(next());
        out.push(net(format!("ipv6 {label}"), 0x86dd, ipv6(s, d, 17, &g)));
    }
    out
}

fn arp_packets() -> Vec<Net> {
    vec![
        net("arp request", 0x0806, arp(1, V4[0], V4[1])),
        net("arp reply", 0x0806, arp(2, V4[1], V4[0])),
        net("arp gratuitous", 0x0806, arp(1, V4[2], V4[2])),
        net("arp 172.16", 0x0806, arp(2, V4[4], V4[11])),
        net("rarp request", 0x8035, arp(3, V4[9], V4[9])),
        net("rarp reply", 0x8035, arp(4, V4[0], V4[1])),
    ]
}

/// DECnet routing headers: short and long forms, with and without one pad byte.
fn decnet_packets() -> Vec<Net> {
    let mut out = Vec::new();
    // Addresses 1.2, 1.3 and 63.1023 as DECnet little-endian words.
    let addrs: [u16; 3] = [(1 << 10) | 2, (1 << 10) | 3, (63 << 10) | 1023];
    for (n, &src) in addrs.iter().enumerate() {
        let dst = addrs[(n + 1) % addrs.len()];
        for pad in [false, true] {
            let mut short = vec![];
            if pad {
                short.push(0x81);
            }
            short.push(0x02);
            short.extend(dst.to_le_bytes());
            short.extend(src.to_le_bytes());
            short.push(0);
            short.extend(b"nsp-data");
            let mut long = vec![];
            if pad {
                long.push(0x81);
            }
            long.push(0x26);
            long.extend([0, 0, 0xaa, 0, 4, 0]);
            long.extend(dst.to_le_bytes());
            long.extend([0, 0, 0xaa, 0, 4, 0]);
            long.extend(src.to_le_bytes());
            long.extend([0, 0, 0, 0]);
            long.extend(b"nsp-data");
            for (form, body) in [("short", short), ("long", long)] {
                let mut b = Vec::new();
                b.extend((body.len() as u16).to_le_bytes());
                b.extend(body);
                out.push(net(
                    format!("decnet {form} pad {pad} src {src:#x}"),
                    0x6003,
                    b,
                ));
            }
        }
    }
    out
}

fn other_ethertypes() -> Vec<Net> {
    let body = b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09".to_vec();
    let mut out = vec![
        net("ipx ethernet-ii", 0x8137, {
            let mut b = vec![0xff, 0xff, 0, 30, 0, 4];
            b.extend([0u8; 24]);
            b
        }),
        net("appletalk ethernet-ii", 0x809b, body.clone()),
        net("aarp ethernet-ii", 0x80f3, body.clone()),
        net("lat", 0x6004, body.clone()),
        net("mop dl", 0x6001, body.clone()),
        net("mop rc", 0x6002, body.clone()),
        net("sca", 0x6007, body.clone()),
        net("lldp", 0x88cc, body.clone()),
        net("macsec", 0x88e5, body.clone()),
        net("wake-on-lan", 0x0842, body.clone()),
        net("ethertype 0x0600", 0x0600, body.clone()),
        net("ethertype 0x9000", 0x9000, body.clone()),
        net("ethertype 0xffff", 0xffff, body.clone()),
    ];
    out.extend(decnet_packets());
    out
}

/// 802.2 LLC payloads (what follows an 802.3 length field, or an SLL header with
/// protocol 0x0004).
fn llc_payloads() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let stp = {
        let mut b = vec![0x42, 0x42, 0x03, 0, 0, 0, 0, 0];
        b.extend([0u8; 32]);
        b
    };
    out.push(("llc stp bpdu".into(), stp));
    out.push(("llc ipx".into(), {
        let mut b = vec![0xe0, 0xe0, 0x03, 0xff, 0xff, 0, 30];
        b.extend([0u8; 27]);
        b
    }));
    out.push((
        "llc netbeui".into(),
        vec![0xf0, 0xf0, 0x03, 0x2c, 0x00, 0xff, 0xef, 0, 0, 0, 0, 0],
    ));
    out.push((
        "llc netbeui f0 f1".into(),
        vec![0xf0, 0xf1, 0x03, 0x2c, 0, 0, 0, 0],
    ));
    for (nlpid, name) in [(0x81u8, "clnp"), (0x82, "esis"), (0x83, "isis")] {
        let mut b = vec![0xfe, 0xfe, 0x03, nlpid, 27, 1, 0, 0];
        b.extend([0u8; 20]);
        out.push((format!("llc iso {name}"), b));
    }
    for pdu in [15u8, 16, 17, 18, 20, 24, 25, 26, 27, 99] {
        let mut b = vec![0xfe, 0xfe, 0x03, 0x83, 27, 1, 0, pdu, 1, 0];
        b.extend([0u8; 20]);
        out.push((format!("llc isis pdu {pdu}"), b));
    }
    for (oui, et, name) in [
        ([0u8, 0, 0], 0x0800u16, "snap ipv4"),
        ([0, 0, 0], 0x8137, "snap ipx"),
        ([0, 0, 0], 0x80f3, "snap aarp"),
        ([0, 0, 0], 0x86dd, "snap ipv6"),
        ([8, 0, 7], 0x809b, "snap appletalk"),
        ([0, 0, 0x0c], 0x2000, "snap cisco cdp"),
        ([0, 0, 0], 0x809b, "snap appletalk wrong oui"),
    ] {
        let mut b = vec![0xaa, 0xaa, 0x03];
        b.extend(oui);
        b.extend(be16(et));
        if et == 0x0800 {
            b.extend(ipv4(V4[0], V4[1], 6, &tcp(1024, 80, SYN, b"")));
        } else {
            b.extend([0u8; 16]);
        }
        out.push((name.into(), b));
    }
    // LLC control fields: I, S (RR/RNR/REJ) and U (UI, UA, DISC, DM, SABME, TEST,
    // XID, FRMR) frames, some with the poll/final bit.
    for (ctrl, name) in [
        (vec![0x00, 0x02], "i"),
        (vec![0x01, 0x00], "rr"),
        (vec![0x05, 0x01], "rnr"),
        (vec![0x09, 0x00], "rej"),
        (vec![0x03], "ui"),
        (vec![0x13], "ui poll"),
        (vec![0x63], "ua"),
        (vec![0x73], "ua final"),
        (vec![0x43], "disc"),
        (vec![0x0f], "dm"),
        (vec![0x6f], "sabme"),
        (vec![0x7f], "sabme poll"),
        (vec![0xe3], "test"),
        (vec![0xaf], "xid"),
        (vec![0xbf], "xid poll"),
        (vec![0x87], "frmr"),
    ] {
        let mut b = vec![0x06, 0x06];
        b.extend(ctrl);
        b.extend(b"payload!");
        out.push((format!("llc {name}"), b));
    }
    out.push(("novell raw 802.3".into(), {
        let mut b = vec![0xff, 0xff, 0, 30, 0, 4];
        b.extend([0u8; 24]);
        b
    }));
    out
}

// ---------------------------------------------------------------------------
// Link-layer framing.

fn all_net() -> Vec<Net> {
    let mut v = ipv4_packets();
    v.extend(ipv6_packets());
    v.extend(arp_packets());
    v.extend(other_ethertypes());
    v
}

fn en10mb_frames() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let nets = all_net();
    for (i, n) in nets.iter().enumerate() {
        // Rotate through MAC pairs so ether host/broadcast/multicast filters hit and miss.
        let dst = MACS[i % MACS.len()];
        let src = MACS[(i * 3 + 1) % MACS.len()];
        let mut f = ethernet(dst, src, n.ethertype, &n.bytes);
        // Most short frames carry the padding to Ethernet's 60-byte minimum.
        if f.len() < 60 && i % 3 != 0 {
            f.resize(60, 0);
        }
        out.push((format!("eth {}", n.label), f));
    }
    // A sample of network packets in VLAN tags, QinQ, MPLS and PPPoE.
    let v4 = ipv4_packets();
    let v6 = ipv6_packets();
    let arps = arp_packets();
    let mut inner: Vec<&Net> = Vec::new();
    inner.extend(v4.iter().step_by(7));
    inner.extend(v6.iter().step_by(6));
    inner.push(&arps[0]);
    // Make sure the usual suspects are inside: DNS over IPv4 and IPv6, HTTP.
    for wanted in [
        "ipv4 udp 5353>53",
        "ipv6 udp 5353>53",
        "ipv4 tcp 80 flags 0x2",
        "ipv6 tcp 80 from 2001:db8::1",
    ] {
        inner.extend(v4.iter().chain(v6.iter()).filter(|n| n.label == wanted));
    }
    let tag_sets: [&[(u16, u16)]; 9] = [
        &[(0x8100, 300)],
        &[(0x8100, 10)],
        &[(0x8100, 20 | 0xa000)],
        &[(0x8100, 0)],
        &[(0x8100, 4095 | 0x1000)],
        &[(0x88a8, 100), (0x8100, 10)],
        &[(0x9100, 200), (0x8100, 20)],
        &[(0x8100, 10), (0x8100, 20)],
        &[(0x88a8, 100), (0x8100, 10), (0x8100, 300)],
    ];
    for (i, n) in inner.iter().enumerate() {
        let tags = tag_sets[i % tag_sets.len()];
        out.push((
            format!("vlan {tags:x?} {}", n.label),
            tagged(tags, n.ethertype, &n.bytes, i),
        ));
        let tags2 = tag_sets[(i + 3) % tag_sets.len()];
        out.push((
            format!("vlan {tags2:x?} {}", n.label),
            tagged(tags2, n.ethertype, &n.bytes, i + 1),
        ));
    }
    // VLAN around LLC (length field after the tag) and around non-IP.
    let llcs = llc_payloads();
    for (i, (label, llc)) in llcs.iter().enumerate().step_by(5) {
        out.push((
            format!("vlan 10 {label}"),
            tagged(&[(0x8100, 10)], llc.len() as u16, llc, i),
        ));
    }
    // MPLS stacks of one to three labels.
    let stacks: [&[(u32, bool)]; 7] = [
        &[(200, false), (100, true)],
        &[(100, true)],
        &[(100, false), (200, true)],
        &[(16, false), (17, false), (18, true)],
        &[(0, true)],
        &[(1048575, true)],
        &[(100, false), (200, false), (300, false)],
    ];
    for (i, n) in inner.iter().enumerate() {
        let stack = stacks[i % stacks.len()];
        let et = if i % 5 == 4 { 0x8848 } else { 0x8847 };
        out.push((
            format!("mpls {stack:?} {}", n.label),
            ethernet(MACS[0], MACS[1], et, &mpls_stack(stack, &n.bytes)),
        ));
    }
    // VLAN then MPLS.
    let t = &v4[0];
    out.push((
        format!("vlan 10 mpls 100 {}", t.label),
        tagged(
            &[(0x8100, 10)],
            0x8847,
            &mpls_stack(&[(100, true)], &t.bytes),
            0,
        ),
    ));
    // PPPoE discovery and session.
    for (code, session) in [
        (0x09u8, 0u16),
        (0x07, 0),
        (0x19, 0),
        (0x65, 0x1234),
        (0xa7, 0x1234),
    ] {
        out.push((
            format!("pppoed code {code:#x}"),
            ethernet(
                MACS[2],
                MACS[0],
                0x8863,
                &pppoe(code, session, &[0x01, 0x01, 0, 0]),
            ),
        ));
    }
    for (i, n) in inner.iter().enumerate() {
        let session = [0x0001u16, 0x1234, 0xffff][i % 3];
        let proto: u16 = match n.ethertype {
            0x0800 => 0x0021,
            0x86dd => 0x0057,
            _ => 0xc021,
        };
        let mut ppp = be16(proto).to_vec();
        ppp.extend(&n.bytes);
        out.push((
            format!("pppoes {session:#x} {}", n.label),
            ethernet(MACS[1], MACS[0], 0x8864, &pppoe(0, session, &ppp)),
        ));
    }
    out.push((
        "pppoes lcp".into(),
        ethernet(
            MACS[1],
            MACS[0],
            0x8864,
            &pppoe(0, 0x1234, &[0xc0, 0x21, 1, 1, 0, 4]),
        ),
    ));
    // PPP carrying MPLS (protocol 0x0281) over PPPoE.
    let mut ppp_mpls = vec![0x02, 0x81];
    ppp_mpls.extend(mpls_stack(&[(100, true)], &v4[0].bytes));
    out.push((
        "pppoes mpls 100 ipv4".into(),
        ethernet(MACS[1], MACS[0], 0x8864, &pppoe(0, 0x1234, &ppp_mpls)),
    ));
    // QinQ around MPLS.
    out.push((
        "qinq mpls 100 ipv4".into(),
        tagged(
            &[(0x88a8, 100), (0x8100, 10)],
            0x8847,
            &mpls_stack(&[(100, true)], &v4[0].bytes),
            3,
        ),
    ));
    out.push((
        "vlan 10 pppoes ipv4".into(),
        tagged(
            &[(0x8100, 10)],
            0x8864,
            &pppoe(0, 0x1234, &{
                let mut p = vec![0x00, 0x21];
                p.extend(&v4[0].bytes);
                p
            }),
            2,
        ),
    ));
    // 802.3 frames with LLC.
    for (i, (label, llc)) in llcs.iter().enumerate() {
        let dst = if label.contains("stp") {
            MACS[5]
        } else {
            MACS[i % MACS.len()]
        };
        out.push((format!("802.3 {label}"), ieee8023(dst, MACS[0], llc)));
    }
    // Length/type boundary values.
    out.push((
        "802.3 length 1500".into(),
        ethernet(MACS[0], MACS[1], 1500, &[0x42, 0x42, 3, 0]),
    ));
    out.push((
        "ethertype 1501".into(),
        ethernet(MACS[0], MACS[1], 1501, &[0x42, 0x42, 3, 0]),
    ));
    out
}

/// The SLL/SLL2 protocol field and payload for each network packet, plus LLC.
fn cooked_payloads() -> Vec<(String, u16, Vec<u8>)> {
    let mut out: Vec<(String, u16, Vec<u8>)> = all_net()
        .into_iter()
        .map(|n| (n.label, n.ethertype, n.bytes))
        .collect();
    for (label, llc) in llc_payloads() {
        // ETH_P_802_2 for LLC, ETH_P_802_3 for Novell raw.
        let proto = if label.starts_with("novell") {
            0x0001
        } else {
            0x0004
        };
        out.push((label, proto, llc));
    }
    // PPPoE over a cooked link.
    out.push((
        "pppoed padi".into(),
        0x8863,
        pppoe(0x09, 0, &[0x01, 0x01, 0, 0]),
    ));
    out.push((
        "pppoes ipv4 tcp 80".into(),
        0x8864,
        pppoe(0, 0x1234, &{
            let mut p = vec![0x00, 0x21];
            p.extend(ipv4(V4[0], V4[1], 6, &tcp(1024, 80, SYN, b"")));
            p
        }),
    ));
    out.push((
        "pppoes lcp".into(),
        0x8864,
        pppoe(0, 0x1234, &[0xc0, 0x21, 1, 1, 0, 4]),
    ));
    // libpcap tests the protocol field itself against LLC SAPs on LINUX_SLL2:
    // protocol values equal to SAPs.
    for (proto, dsap) in [
        (0x0042u16, 0x42u8),
        (0x00e0, 0xe0),
        (0xf0f0, 0xf0),
        (0xfefe, 0xfe),
        (0x00aa, 0xaa),
    ] {
        let mut llc = vec![dsap, dsap, 0x03, 0x83, 0, 0, 0, 0];
        llc.extend([0u8; 16]);
        out.push((format!("protocol {proto:#06x} llc"), proto, llc));
    }
    out.push(("sll vlan-tagged ethertype".into(), 0x8100, {
        let mut b = be16(10).to_vec();
        b.extend(be16(0x0800));
        b.extend(ipv4(V4[0], V4[1], 6, &tcp(1, 80, SYN, b"")));
        b
    }));
    out
}

/// Packet types (`sll_pkttype`): host, broadcast, multicast, other host, outgoing.
const PKTTYPES: [u8; 5] = [0, 1, 2, 3, 4];

fn sll_frames() -> Vec<(String, Vec<u8>)> {
    cooked_payloads()
        .into_iter()
        .enumerate()
        .map(|(i, (label, proto, payload))| {
            let mut f = Vec::new();
            f.extend(be16(u16::from(PKTTYPES[i % PKTTYPES.len()])));
            f.extend(be16(if i % 11 == 10 { 772 } else { 1 })); // ARPHRD_ETHER, sometimes loopback
            f.extend(be16(6));
            f.extend(MACS[i % MACS.len()]);
            f.extend([0, 0]);
            f.extend(be16(proto));
            f.extend(payload);
            (
                format!("sll pkttype {} {label}", PKTTYPES[i % PKTTYPES.len()]),
                f,
            )
        })
        .collect()
}

fn sll2_frames() -> Vec<(String, Vec<u8>)> {
    cooked_payloads()
        .into_iter()
        .enumerate()
        .map(|(i, (label, proto, payload))| {
            let mut f = Vec::new();
            f.extend(be16(proto));
            f.extend([0, 0]);
            f.extend(((i % 4) as u32 + 1).to_be_bytes()); // ifindex
            f.extend(be16(1));
            f.push(PKTTYPES[i % PKTTYPES.len()]);
            f.push(6);
            f.extend(MACS[i % MACS.len()]);
            f.extend([0, 0]);
            f.extend(payload);
            (
                format!("sll2 pkttype {} {label}", PKTTYPES[i % PKTTYPES.len()]),
                f,
            )
        })
        .collect()
}

fn ip_only() -> Vec<Net> {
    let mut v = ipv4_packets();
    v.extend(ipv6_packets());
    v
}

fn raw_frames() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> =
        ip_only().into_iter().map(|n| (n.label, n.bytes)).collect();
    // Non-IP bytes on a raw link: an ARP body and a version-5 header.
    out.push(("raw arp bytes".into(), arp(1, V4[0], V4[1])));
    out.push(("raw version 5".into(), vec![0x50; 40]));
    out
}

/// BSD loopback address families: AF_INET 2, and AF_INET6 as Linux (10), NetBSD/
/// OpenBSD (24), FreeBSD (28) and Darwin (30) number it; also ISO (7) and IPX (23).
fn loopback_frames(network_order: bool) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in ip_only().into_iter().enumerate() {
        // Every packet with the Linux family number in the link's byte order; every
        // fourth also with another OS's IPv6 number and in the other byte order.
        let (af, other) = if n.ethertype == 0x0800 {
            (2u32, 2u32)
        } else {
            (10, [24, 28, 30][i % 3])
        };
        let order = |v: u32, swapped: bool| {
            if network_order != swapped {
                v.to_be_bytes()
            } else {
                v.to_le_bytes()
            }
        };
        let mut variants = vec![(af, false)];
        if i % 4 == 0 {
            if other != af {
                variants.push((other, false));
            }
            variants.push((af, true));
        }
        for (family, swapped) in variants {
            let mut f = order(family, swapped).to_vec();
            f.extend(&n.bytes);
            let tag = if swapped { " swapped" } else { "" };
            out.push((format!("af {family}{tag} {}", n.label), f));
        }
    }
    for af in [7u32, 23, 0, 0xffff_ffff] {
        let mut f = if network_order {
            af.to_be_bytes()
        } else {
            af.to_le_bytes()
        }
        .to_vec();
        f.extend(ipv4(V4[0], V4[1], 6, &tcp(1, 80, SYN, b"")));
        out.push((format!("af {af} with ipv4 bytes"), f));
    }
    out
}

/// The PPP protocol number libpcap maps an Ethernet type to (its
/// `ethertype_to_ppptype`); other types are carried as they are.
fn ppp_protocol(ethertype: u16) -> u16 {
    match ethertype {
        0x0800 => 0x0021,
        0x86dd => 0x0057,
        0x6003 => 0x0027,
        0x809b => 0x0029,
        0x0600 => 0x0025,
        other => other,
    }
}

/// PPP protocol fields and payloads: every network packet under its PPP number
/// (and a sample under the raw Ethernet type, which libpcap's `ether proto` tests
/// look for), OSI with CLNP/ES-IS/IS-IS, bridged STP, IPX, MPLS stacks, PPPoE
/// inside PPP, control protocols and LLC SAP values as protocol numbers.
fn ppp_payloads() -> Vec<(String, u16, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in all_net().into_iter().enumerate() {
        let proto = ppp_protocol(n.ethertype);
        if proto != n.ethertype && i % 9 == 0 {
            out.push((
                format!("raw type {}", n.label),
                n.ethertype,
                n.bytes.clone(),
            ));
        }
        out.push((n.label, proto, n.bytes));
    }
    for (nlpid, name) in [(0x81u8, "clnp"), (0x82, "esis"), (0x83, "isis")] {
        let mut b = vec![nlpid, 27, 1, 0, 0];
        b.extend([0u8; 20]);
        out.push((format!("osi {name}"), 0x0023, b));
    }
    for pdu in [15u8, 16, 17, 18, 20, 24, 25, 26, 27, 99] {
        let mut b = vec![0x83, 27, 1, 0, pdu, 1, 0];
        b.extend([0u8; 20]);
        out.push((format!("osi isis pdu {pdu}"), 0x0023, b));
    }
    let stp = {
        let mut b = vec![0, 0, 0, 0, 0];
        b.extend([0u8; 30]);
        b
    };
    out.push(("bridged stp".into(), 0x0031, stp.clone()));
    out.push(("ipx".into(), 0x002b, vec![0xff, 0xff, 0, 30, 0, 4, 0, 0]));
    let v4 = ipv4_packets();
    let v6 = ipv6_packets();
    for (stack, inner) in [
        (&[(100u32, true)][..], &v4[0]),
        (&[(100, false), (200, true)][..], &v4[3]),
        (&[(5, true)][..], &v6[0]),
        (&[(7, false), (8, false), (9, true)][..], &v6[2]),
    ] {
        out.push((
            format!("mpls {stack:?} {}", inner.label),
            0x0281,
            mpls_stack(stack, &inner.bytes),
        ));
    }
    for (i, n) in v4.iter().step_by(9).chain(v6.iter().step_by(8)).enumerate() {
        let mut ppp = be16(ppp_protocol(n.ethertype)).to_vec();
        ppp.extend(&n.bytes);
        let session = [0x1234u16, 1, 0][i % 3];
        out.push((
            format!("pppoes {session:#x} {}", n.label),
            0x8864,
            pppoe(0, session, &ppp),
        ));
    }
    out.push(("pppoed".into(), 0x8863, pppoe(0x09, 0, &[1, 1, 0, 0])));
    out.push(("lcp".into(), 0xc021, vec![1, 1, 0, 8, 1, 4, 5, 0xdc]));
    out.push(("ipcp".into(), 0x8021, vec![1, 1, 0, 10, 3, 6, 10, 0, 0, 1]));
    for sap in [0x42u16, 0xe0, 0xf0, 0xfe, 0x06, 0xfefe, 0x8035] {
        out.push((
            format!("protocol {sap:#06x}"),
            sap,
            vec![0x83, 0, 0, 0, 0, 0, 0, 0],
        ));
    }
    out
}

/// Address and control bytes: mostly RFC 1662's ff 03, some pppd direction
/// bytes and Cisco addresses (filters look at the protocol field whatever they are).
const PPP_ADDR_CTRL: [[u8; 2]; 5] = [
    [0xff, 0x03],
    [0xff, 0x03],
    [0x00, 0x03],
    [0x01, 0x03],
    [0x0f, 0x00],
];

fn ppp_frames() -> Vec<(String, Vec<u8>)> {
    ppp_payloads()
        .into_iter()
        .enumerate()
        .map(|(i, (label, proto, payload))| {
            let mut f = PPP_ADDR_CTRL[i % PPP_ADDR_CTRL.len()].to_vec();
            f.extend(be16(proto));
            f.extend(payload);
            (format!("ppp {proto:#06x} {label}"), f)
        })
        .collect()
}

/// Cisco HDLC: every network packet under its Ethernet type, OSI (type 0xfefe)
/// with and without the fudge byte, MPLS, SLARP and LLC SAP values as types.
fn chdlc_frames() -> Vec<(String, Vec<u8>)> {
    let mut payloads: Vec<(String, u16, Vec<u8>)> = all_net()
        .into_iter()
        .map(|n| (n.label, n.ethertype, n.bytes))
        .collect();
    for (nlpid, name) in [(0x81u8, "clnp"), (0x82, "esis"), (0x83, "isis")] {
        let mut b = vec![0, nlpid, 27, 1, 0, 0];
        b.extend([0u8; 20]);
        payloads.push((format!("osi fudge {name}"), 0xfefe, b.clone()));
        payloads.push((format!("osi {name}"), 0xfefe, b[1..].to_vec()));
    }
    for pdu in [15u8, 17, 18, 24, 26, 27] {
        let mut b = vec![0, 0x83, 27, 1, pdu, pdu, 1, 0];
        b.extend([0u8; 20]);
        payloads.push((format!("osi isis pdu {pdu}"), 0xfefe, b));
    }
    let v4 = ipv4_packets();
    payloads.push((
        "mpls".into(),
        0x8847,
        mpls_stack(&[(100, false), (16, true)], &v4[0].bytes),
    ));
    payloads.push((
        "mpls one label".into(),
        0x8847,
        mpls_stack(&[(5, true)], &v4[2].bytes),
    ));
    payloads.push(("slarp request".into(), 0x8035, vec![0; 18]));
    for sap in [0x42u16, 0xe0, 0xf0, 0xfe, 0x0021, 0x0281] {
        payloads.push((
            format!("type {sap:#06x}"),
            sap,
            vec![0x83, 0, 0, 0, 0, 0, 0, 0],
        ));
    }
    payloads
        .into_iter()
        .enumerate()
        .map(|(i, (label, proto, payload))| {
            let mut f = vec![if i % 4 == 3 { 0x8f } else { 0x0f }, 0];
            f.extend(be16(proto));
            f.extend(payload);
            (format!("chdlc {proto:#06x} {label}"), f)
        })
        .collect()
}

/// PPPoE without an Ethernet header: session packets carrying every PPP payload,
/// and discovery packets.
fn ppp_ether_frames() -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = ppp_payloads()
        .into_iter()
        .enumerate()
        .map(|(i, (label, proto, payload))| {
            let mut ppp = be16(proto).to_vec();
            ppp.extend(payload);
            let session = [0x1234u16, 0x0001, 0xffff][i % 3];
            (
                format!("pppoe {session:#x} {proto:#06x} {label}"),
                pppoe(0, session, &ppp),
            )
        })
        .collect();
    for code in [0x09u8, 0x07, 0x19, 0x65, 0xa7] {
        out.push((
            format!("pppoe discovery {code:#x}"),
            pppoe(
                code,
                if code == 0xa7 { 0x1234 } else { 0 },
                &[0x01, 0x01, 0, 0],
            ),
        ));
    }
    out
}

// ---------------------------------------------------------------------------
// Truncation and random packets.

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Offsets where headers commonly end or fields start: truncating there catches
/// loads that read one byte too far.
const CUT_POINTS: [usize; 28] = [
    0, 1, 3, 4, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22, 23, 24, 26, 30, 33, 34, 36, 37, 38, 40, 42,
    47, 54, 58,
];

fn with_truncations(frames: Vec<(String, Vec<u8>)>, seed: u64) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut seen: HashSet<Vec<u8>> = HashSet::new();
    let n_frames = frames.len();
    for (idx, (label, data)) in frames.into_iter().enumerate() {
        let wire = data.len() as u32;
        // Every length for a handful of packets spread through the list, a sample
        // of lengths for the rest.
        let lengths: Vec<usize> = if idx % (n_frames / 6).max(1) == 0 && data.len() <= 160 {
            (0..data.len()).collect()
        } else {
            let mut l: Vec<usize> = (0..4)
                .map(|_| CUT_POINTS[rng.below(CUT_POINTS.len())])
                .collect();
            l.push(rng.below(data.len().max(1)));
            l.push(data.len().saturating_sub(1));
            l.retain(|&n| n < data.len());
            l.sort_unstable();
            l.dedup();
            l
        };
        for len in lengths {
            let cut = data[..len].to_vec();
            if seen.insert(cut.clone()) {
                out.push(Sample {
                    label: format!("{label} [truncated to {len}]"),
                    data: cut,
                    wire_len: wire,
                });
            }
        }
        seen.insert(data.clone());
        out.push(Sample {
            label,
            data,
            wire_len: wire,
        });
    }
    for k in 0..60 {
        let len = rng.below(120);
        let data: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        // Wire length sometimes larger than captured, as with a snapshot length.
        let wire = if k % 2 == 0 {
            len as u32
        } else {
            len as u32 + rng.below(1500) as u32
        };
        out.push(Sample {
            label: format!("random {k}"),
            data,
            wire_len: wire,
        });
    }
    out
}

/// The corpus for a link type, with labels.
pub fn samples(lt: LinkType) -> Vec<Sample> {
    let frames = match lt {
        LinkType::En10mb => en10mb_frames(),
        LinkType::LinuxSll => sll_frames(),
        LinkType::LinuxSll2 => sll2_frames(),
        LinkType::Raw | LinkType::Ipv4 | LinkType::Ipv6 => raw_frames(),
        LinkType::Null => loopback_frames(false),
        LinkType::Loop => loopback_frames(true),
        LinkType::Ppp | LinkType::PppSerial | LinkType::PppPppd => ppp_frames(),
        LinkType::CHdlc => chdlc_frames(),
        LinkType::PppEther => ppp_ether_frames(),
        LinkType::Other(v) if WLAN_LINKTYPES.contains(&v) => wlan::wlan_frames(v),
        LinkType::Other(IPNET) => wlan::ipnet_frames(),
        LinkType::Other(PFLOG) => wlan::pflog_frames(),
        LinkType::Other(v) if links::frames(v).is_some() => links::frames(v).unwrap_or_default(),
        // A header rfilter does not parse: any bytes will do for `len` and `link[...]`.
        LinkType::Other(_) => {
            let mut frames = en10mb_frames();
            frames.extend(raw_frames());
            frames
        }
    };
    with_truncations(frames, lt.dlt() as u64 + 1)
}

/// The corpus for a link type: (captured bytes, wire length) pairs.
pub fn packets(lt: LinkType) -> Vec<(Vec<u8>, u32)> {
    samples(lt)
        .into_iter()
        .map(|s| (s.data, s.wire_len))
        .collect()
}
