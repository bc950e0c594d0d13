//! The 802.11 corpus: data frames (every To DS / From DS combination, QoS and
//! not, protected, null) carrying the network packets of the Ethernet corpus in
//! LLC/SNAP or other LLC payloads, management and control frames of every common
//! subtype, reserved types; each behind the radio header of the link type:
//! radiotap of several lengths (flags with and without FCS and data padding, TSFT,
//! extended presence bitmaps), Prism (and AVS behind Prism's link type), AVS, PPI
//! (carrying 802.11 or not).

use super::{MACS, V4, all_net, be16, geneve_payloads, ipv4, llc_payloads, pppoe, tcp};

/// LINKTYPE values of the 802.11 family.
pub const WLAN_LINKTYPES: [u16; 5] = [105, 127, 119, 163, 192];

/// LINKTYPE_IPNET (Solaris ipnet) and LINKTYPE_PFLOG, whose corpora are here too.
pub const IPNET: u16 = 226;
pub const PFLOG: u16 = 117;

/// OpenBSD pf log frames: `struct pfloghdr` (length byte of 61, 64, 48 or 0; the
/// address family; action; reason; interface and ruleset names; rule numbers;
/// direction), padded to its rounded length, then the network packet.
pub fn pflog_frames() -> Vec<(String, Vec<u8>)> {
    let ifnames: [&[u8]; 4] = [b"eth0", b"em0", b"pflog0", b"a-very-long-if15"];
    let rulesets: [&[u8]; 3] = [b"", b"foo", b"main/anchor"];
    let mut out = Vec::new();
    for (i, n) in all_net().iter().enumerate() {
        let len: u8 = [61, 61, 64, 48, 0, 61][i % 6];
        let family: u8 = match (n.ethertype, i % 13) {
            (_, 12) => 24,
            (0x0800, _) => 2,
            (0x86dd, _) => 10,
            _ => (i % 30) as u8,
        };
        let mut h = vec![len, family, (i % 12) as u8, (i % 17) as u8];
        let mut name = ifnames[i % ifnames.len()].to_vec();
        name.resize(16, 0);
        h.extend(name);
        let mut rs = rulesets[i % rulesets.len()].to_vec();
        rs.resize(16, 0);
        h.extend(rs);
        h.extend((i as u32 % 7).to_be_bytes());
        h.extend((i as u32 % 3).to_be_bytes());
        h.extend([0u8; 16]);
        h.extend([(i % 3) as u8, 0, 0, 0]);
        // The payload starts where the length byte, rounded up, says.
        h.truncate((usize::from(len) + 3) & !3);
        h.extend(&n.bytes);
        out.push((
            format!("pflog len {len} af {family} dir {} {}", i % 3, n.label),
            h,
        ));
    }
    out
}

/// Solaris ipnet frames: version 2, the address family (2 IPv4, 26 IPv6, others),
/// direction (1 in, 2 out, 0), lengths and zones, then the network packet.
pub fn ipnet_frames() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in all_net().iter().enumerate() {
        let family: u8 = match (n.ethertype, i % 9) {
            (_, 8) => 7,
            (0x0800, _) => 2,
            (0x86dd, _) => 26,
            _ => (i % 30) as u8,
        };
        let mut h = vec![2, family];
        h.extend(be16((i % 3) as u16));
        h.extend((n.bytes.len() as u32).to_be_bytes());
        h.extend((i as u32 % 4 + 1).to_be_bytes());
        h.extend([0u8; 12]);
        h.extend(&n.bytes);
        out.push((format!("ipnet af {family} dir {} {}", i % 3, n.label), h));
    }
    out
}

/// Frame control first byte: type and subtype.
const DATA: u8 = 0x08;
const QOS_DATA: u8 = 0x88;
const NULL_DATA: u8 = 0x48;
const QOS_NULL: u8 = 0xc8;
const DATA_CF_ACK: u8 = 0x18;

/// One 802.11 frame before its radio header.
struct Frame {
    label: String,
    bytes: Vec<u8>,
    /// Length of the MAC header (where a driver would pad for alignment), for
    /// data frames only.
    data_hdr_len: Option<usize>,
}

fn mac(i: usize) -> [u8; 6] {
    MACS[i % MACS.len()]
}

/// A data frame header: `fc0` type/subtype, `fc1` flags, addresses rotating
/// through [`MACS`] from `i`; a fourth address when both DS bits are set, a QoS
/// control field for QoS subtypes.
fn data_header(fc0: u8, fc1: u8, i: usize) -> Vec<u8> {
    let mut h = vec![fc0, fc1, 0x2c, 0x00];
    h.extend(mac(i));
    h.extend(mac(i + 1));
    h.extend(mac(i * 3 + 2));
    h.extend([(i as u8) << 4, (i >> 4) as u8]);
    if fc1 & 0x03 == 0x03 {
        h.extend(mac(i + 4));
    }
    if fc0 & 0x80 != 0 {
        h.extend([(i % 8) as u8, 0]);
    }
    h
}

fn snap(ethertype: u16, payload: &[u8]) -> Vec<u8> {
    let mut b = vec![0xaa, 0xaa, 0x03, 0, 0, 0];
    b.extend(be16(ethertype));
    b.extend_from_slice(payload);
    b
}

fn data_frame(label: String, fc0: u8, fc1: u8, i: usize, body: &[u8]) -> Frame {
    let mut bytes = data_header(fc0, fc1, i);
    let hdr = bytes.len();
    bytes.extend_from_slice(body);
    Frame {
        label,
        bytes,
        data_hdr_len: Some(hdr),
    }
}

fn other_frame(label: &str, bytes: Vec<u8>) -> Frame {
    Frame {
        label: label.to_owned(),
        bytes,
        data_hdr_len: None,
    }
}

/// Management frame `fc0` with addresses from `i` and a body.
fn mgt(fc0: u8, fc1: u8, i: usize, body: &[u8]) -> Vec<u8> {
    let mut h = vec![fc0, fc1, 0x3a, 0x01];
    h.extend(mac(i));
    h.extend(mac(i + 1));
    h.extend(mac(i + 2));
    h.extend([0x10, 0x00]);
    h.extend_from_slice(body);
    h
}

/// The 802.11 frames (no radio header).
fn frames() -> Vec<Frame> {
    let mut out = Vec::new();
    // Network packets in data frames, cycling through the DS bits, QoS and not,
    // and now and then the protected, retry and more-data flags.
    let kinds = [
        (DATA, "data"),
        (QOS_DATA, "qos-data"),
        (DATA_CF_ACK, "data-cf-ack"),
    ];
    for (i, n) in all_net().iter().enumerate() {
        let (fc0, kind) = kinds[i % kinds.len()];
        let mut fc1 = (i % 4) as u8;
        if i % 11 == 5 {
            fc1 |= 0x40;
        }
        if i % 7 == 3 {
            fc1 |= 0x08 | 0x20;
        }
        let label = format!("wlan {kind} ds{} fc1 {fc1:#04x} {}", i % 4, n.label);
        out.push(data_frame(label, fc0, fc1, i, &snap(n.ethertype, &n.bytes)));
    }
    // Other LLC payloads (STP, IPX, NetBEUI, ISO, SNAP of other kinds, LLC
    // control), with three-address headers and, for some, four.
    for (i, (label, llc)) in llc_payloads().into_iter().enumerate() {
        let fc0 = if i % 2 == 0 { DATA } else { QOS_DATA };
        let fc1 = (i % 3) as u8;
        out.push(data_frame(
            format!("wlan llc {label}"),
            fc0,
            fc1,
            i + 3,
            &llc,
        ));
        if i % 4 == 0 {
            out.push(data_frame(format!("wlan llc ds3 {label}"), fc0, 3, i, &llc));
        }
    }
    // Encapsulations in SNAP: VLAN tags (and QinQ), PPPoE session and discovery,
    // Geneve over UDP/IPv4.
    let v4tcp = ipv4(V4[0], V4[1], 6, &tcp(1024, 80, 0x02, b""));
    for (i, (tags, label)) in [
        (vec![(0x8100u16, 300u16)], "vlan 300"),
        (vec![(0x8100, 10)], "vlan 10"),
        (vec![(0x88a8, 20), (0x8100, 10)], "qinq 20/10"),
        (vec![(0x9100, 5)], "vlan 0x9100 5"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut body = Vec::new();
        for (k, &(_, tci)) in tags.iter().enumerate() {
            body.extend(be16(tci));
            let next = tags.get(k + 1).map_or(0x0800, |t| t.0);
            body.extend(be16(next));
        }
        body.extend(&v4tcp);
        let fc0 = if i % 2 == 0 { DATA } else { QOS_DATA };
        out.push(data_frame(
            format!("wlan snap {label} ip tcp"),
            fc0,
            (i % 3) as u8,
            i,
            &snap(tags[0].0, &body),
        ));
    }
    for (i, (code, session, ppp)) in [
        (0x00u8, 1u16, 0x0021u16),
        (0x00, 7, 0x0057),
        (0x00, 1, 0xc021),
    ]
    .into_iter()
    .enumerate()
    {
        let mut payload = be16(ppp).to_vec();
        payload.extend(&v4tcp);
        out.push(data_frame(
            format!("wlan snap pppoes {session} proto {ppp:#06x}"),
            DATA,
            (i % 3) as u8,
            i + 1,
            &snap(0x8864, &pppoe(code, session, &payload)),
        ));
    }
    out.push(data_frame(
        "wlan snap pppoed padi".into(),
        QOS_DATA,
        1,
        2,
        &snap(0x8863, &pppoe(0x09, 0, &[1, 1, 0, 0])),
    ));
    for (i, (label, udp_bytes)) in geneve_payloads().into_iter().enumerate() {
        let ip = ipv4(V4[i % 3], V4[4], 17, &udp_bytes);
        out.push(data_frame(
            format!("wlan snap {label}"),
            DATA,
            (i % 2) as u8,
            i,
            &snap(0x0800, &ip),
        ));
    }
    // Addresses all alike: for `src and dst`, broadcast beacons.
    let mut same = data_header(DATA, 0, 0);
    same[10..16].copy_from_slice(&MACS[0]);
    same[16..22].copy_from_slice(&MACS[0]);
    let hdr = same.len();
    same.extend(snap(0x0800, &v4tcp));
    out.push(Frame {
        label: "wlan data same addrs".into(),
        bytes: same,
        data_hdr_len: Some(hdr),
    });
    for i in 0..4 {
        let mut b = mgt(0x80, 0, i, &[0u8; 24]);
        b[4..10].copy_from_slice(&[0xff; 6]);
        if i % 2 == 0 {
            b[16..22].copy_from_slice(&[0xff; 6]);
        }
        out.push(other_frame(&format!("wlan mgt beacon broadcast {i}"), b));
    }

    // Data frames without payload, and a few with every DS combination twice.
    for (i, fc0) in [NULL_DATA, QOS_NULL, 0x58, 0xe8].into_iter().enumerate() {
        for ds in 0..4u8 {
            out.push(data_frame(
                format!("wlan nodata {fc0:#04x} ds{ds}"),
                fc0,
                ds,
                i + ds as usize,
                b"",
            ));
        }
    }
    let tcp80 = all_net()
        .into_iter()
        .find(|n| n.label == "ipv4 tcp 80 flags 0x2")
        .map(|n| snap(n.ethertype, &n.bytes))
        .unwrap_or_default();
    for ds in 0..4u8 {
        for fc0 in [DATA, QOS_DATA] {
            for i in [0usize, 2, 5] {
                out.push(data_frame(
                    format!("wlan http {fc0:#04x} ds{ds} addrs {i}"),
                    fc0,
                    ds,
                    i,
                    &tcp80,
                ));
            }
        }
    }
    // Management frames of every common subtype, some with DS bits set anyway.
    let mgt_kinds: [(u8, &str); 12] = [
        (0x00, "assoc-req"),
        (0x10, "assoc-resp"),
        (0x20, "reassoc-req"),
        (0x30, "reassoc-resp"),
        (0x40, "probe-req"),
        (0x50, "probe-resp"),
        (0x80, "beacon"),
        (0x90, "atim"),
        (0xa0, "disassoc"),
        (0xb0, "auth"),
        (0xc0, "deauth"),
        (0xd0, "action"),
    ];
    for (i, (fc0, name)) in mgt_kinds.into_iter().enumerate() {
        let body: Vec<u8> = (0..(i * 3 + 12)).map(|k| (k * 7 + i) as u8).collect();
        out.push(other_frame(
            &format!("wlan mgt {name}"),
            mgt(fc0, 0, i, &body),
        ));
        out.push(other_frame(
            &format!("wlan mgt {name} fc1 3"),
            mgt(fc0, 0x03, i + 3, &body),
        ));
    }
    // Control frames: RTS, PS-Poll, BAR, BA, CF-End carry two addresses; CTS and
    // ACK one.
    for (i, (fc0, name)) in [
        (0xb4u8, "rts"),
        (0xa4, "ps-poll"),
        (0x84, "bar"),
        (0x94, "ba"),
        (0xe4, "cf-end"),
        (0xf4, "cf-end-ack"),
    ]
    .into_iter()
    .enumerate()
    {
        let mut f = vec![fc0, 0, 0x10, 0];
        f.extend(mac(i));
        f.extend(mac(i + 1));
        if fc0 == 0x84 || fc0 == 0x94 {
            f.extend([0x04, 0x00, 0x10, 0x00]);
        }
        out.push(other_frame(&format!("wlan ctl {name}"), f));
    }
    for (i, (fc0, name)) in [(0xc4u8, "cts"), (0xd4, "ack")].into_iter().enumerate() {
        for j in 0..3 {
            let mut f = vec![fc0, 0, 0x10, 0];
            f.extend(mac(i + j));
            // Trailing bytes where a second address would be.
            if j > 0 {
                f.extend(mac(i + j + 1));
            }
            out.push(other_frame(&format!("wlan ctl {name} {j}"), f));
        }
    }
    // Reserved type, and an extension frame.
    out.push(other_frame(
        "wlan reserved type",
        mgt(0x0c, 0, 1, &[0u8; 20]),
    ));
    out.push(other_frame(
        "wlan extension type",
        mgt(0x1c, 0x03, 4, &[0u8; 30]),
    ));
    out
}

/// Little-endian radiotap header: `present` words, then `fields`.
fn radiotap(present: &[u32], fields: &[u8]) -> Vec<u8> {
    let len = 4 + 4 * present.len() + fields.len();
    let mut h = vec![0, 0];
    h.extend((len as u16).to_le_bytes());
    for w in present {
        h.extend(w.to_le_bytes());
    }
    h.extend_from_slice(fields);
    h
}

/// Radiotap variants: the header and its flags byte (if any).
fn radiotap_variants() -> Vec<(String, Vec<u8>, u8)> {
    const FCS: u8 = 0x10;
    const PAD: u8 = 0x20;
    let tsft = [1, 2, 3, 4, 5, 6, 7, 8];
    let mut v = vec![
        ("rtap empty".to_owned(), radiotap(&[0], &[]), 0),
        (
            "rtap rate+channel".to_owned(),
            // rate (bit 2), channel (bit 3, aligned to 2).
            radiotap(&[0x0c], &[0x6c, 0, 0x6c, 0x09, 0xa0, 0x00]),
            0,
        ),
    ];
    for flags in [0u8, FCS, PAD, FCS | PAD, 0x02] {
        v.push((
            format!("rtap flags {flags:#04x}"),
            radiotap(&[0x02], &[flags, 0x02]),
            flags,
        ));
        let mut f = tsft.to_vec();
        f.extend([flags, 0x0c]);
        v.push((
            format!("rtap tsft flags {flags:#04x}"),
            radiotap(&[0x03], &f),
            flags,
        ));
    }
    // Extended presence bitmaps: the flags are not where libpcap looks.
    v.push((
        "rtap ext flags pad".to_owned(),
        radiotap(&[0x8000_0002, 0x0000_0000], &[PAD, 0x02, 0, 0]),
        PAD,
    ));
    v.push((
        "rtap ext tsft flags pad".to_owned(),
        radiotap(&[0x8000_0003, 0x2000_0000, 0], &{
            let mut f = vec![0u8; 4];
            f.extend(tsft);
            f.extend([PAD, 0]);
            f
        }),
        PAD,
    ));
    // A longer header (antenna signal, noise, antenna, rx flags...).
    v.push((
        "rtap long".to_owned(),
        radiotap(&[0x0000_486e], &{
            let mut f = vec![PAD, 0x02, 0x6c, 0x09, 0xa0, 0x00, 0xc4, 0xa0, 0x01, 0, 0, 0];
            f.extend([0u8; 12]);
            f
        }),
        PAD,
    ));
    v
}

/// Prism (144 bytes) and AVS-in-Prism headers.
fn prism_variants() -> Vec<(String, Vec<u8>)> {
    let mut prism = vec![0x44, 0, 0, 0, 144, 0, 0, 0];
    prism.extend(b"wlan0\0\0\0\0\0\0\0\0\0\0\0");
    while prism.len() < 144 {
        let k = prism.len();
        prism.push((k * 13) as u8);
    }
    let mut out = vec![("prism".to_owned(), prism.clone())];
    let mut odd = prism;
    odd[0] = 0x41;
    out.push(("prism msgcode 0x41".to_owned(), odd));
    for (name, v) in avs_variants() {
        out.push((format!("prism-dlt {name}"), v));
    }
    out
}

/// AVS headers: version cookie and big-endian length.
fn avs_variants() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (cookie, len) in [
        (0x8021_1001u32, 64u32),
        (0x8021_1002, 64),
        (0x8021_1001, 72),
    ] {
        let mut h = cookie.to_be_bytes().to_vec();
        h.extend(len.to_be_bytes());
        while h.len() < len as usize {
            let k = h.len();
            h.push((k * 5) as u8);
        }
        out.push((format!("avs {cookie:#x} len {len}"), h));
    }
    out
}

/// PPI headers: version, flags, little-endian length and DLT.
fn ppi_variants() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (dlt, fields) in [(105u32, 0usize), (105, 24), (1, 0), (127, 8)] {
        let len = 8 + fields;
        let mut h = vec![0, 0];
        h.extend((len as u16).to_le_bytes());
        h.extend(dlt.to_le_bytes());
        if fields > 0 {
            // One field: type 2 (802.11-common), length fields - 4.
            h.extend(2u16.to_le_bytes());
            h.extend(((fields - 4) as u16).to_le_bytes());
            h.extend((0..fields - 4).map(|k| k as u8));
        }
        out.push((format!("ppi dlt {dlt} len {len}"), h));
    }
    out
}

/// The frames of 802.11 link type `linktype`, with labels.
pub fn wlan_frames(linktype: u16) -> Vec<(String, Vec<u8>)> {
    let frames = frames();
    let mut out = Vec::new();
    match linktype {
        105 => {
            for f in frames {
                out.push((f.label, f.bytes));
            }
        }
        127 => {
            let variants = radiotap_variants();
            for (i, f) in frames.into_iter().enumerate() {
                // Each frame behind one radiotap variant, some behind two.
                let picks = if i % 5 == 0 { 2 } else { 1 };
                for p in 0..picks {
                    let (name, hdr, flags) = &variants[(i + p * 7) % variants.len()];
                    let mut b = hdr.clone();
                    let mut body = f.bytes.clone();
                    if flags & 0x20 != 0
                        && let Some(h) = f.data_hdr_len
                    {
                        // The driver pads the MAC header to a multiple of 4.
                        let pad = (4 - (hdr.len() + h) % 4) % 4;
                        body.splice(h..h, std::iter::repeat_n(0u8, pad));
                    }
                    b.extend(body);
                    if flags & 0x10 != 0 {
                        b.extend([0xde, 0xad, 0xbe, 0xef]);
                    }
                    out.push((format!("{name} {}", f.label), b));
                }
            }
        }
        119 | 163 | 192 => {
            let variants = match linktype {
                119 => prism_variants(),
                163 => avs_variants(),
                _ => ppi_variants(),
            };
            for (i, f) in frames.into_iter().enumerate() {
                let (name, hdr) = &variants[i % variants.len()];
                let mut b = hdr.clone();
                b.extend(&f.bytes);
                out.push((format!("{name} {}", f.label), b));
            }
        }
        _ => {}
    }
    out
}
