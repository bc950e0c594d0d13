//! Corpora for SLIP, Frame Relay, Juniper and ARCnet: the network packets of
//! the Ethernet corpus behind each of their link headers, in every header
//! variant the filters tell apart (direction bytes, NLPIDs, system codes,
//! cookie lengths, a right or wrong Juniper magic), plus OSI and LLC payloads.
//! libpcap reads these links at fixed offsets that often miss the real
//! network header (Frame Relay's at 0, Juniper's past a 4-byte cookie): the
//! verdicts compared are libpcap's whatever they mean.

use super::{Net, V4, all_net, be16, chdlc_frames, en10mb_frames, ipv4, llc_payloads, tcp};

/// LINKTYPE values of SLIP, BSD/OS SLIP, Frame Relay, ARCnet (BSD, Linux).
pub const SLIP: u16 = 8;
pub const SLIP_BSDOS: u16 = 102;
pub const FRELAY: u16 = 107;
pub const ARCNET: u16 = 7;
pub const ARCNET_LINUX: u16 = 129;

/// LINKTYPE values of the Juniper pseudo-headers libpcap compiles filters for.
pub const JUNIPER_LINKTYPES: [u16; 22] = [
    130, 131, 132, 133, 134, 135, 136, 137, 164, 167, 168, 178, 179, 180, 181, 183, 194, 200, 232,
    233, 234, 238,
];

/// Link types on which libpcap has no payload offset (Juniper ES, SERVICES,
/// VP, ST, ISM, VS, SRX_E2E, FIBRECHANNEL, ATM_CEMIC; BACnet MS/TP): its
/// network-layer loads wrap around to fixed nonsense offsets, so they never
/// tell packets apart.
pub const NO_NETWORK: [u16; 10] = [132, 136, 183, 200, 194, 232, 233, 234, 238, 165];

/// LINKTYPE values of the 802.2 LLC links: Token Ring, FDDI, ATM RFC 1483,
/// ATM CLIP, IP over Fibre Channel.
pub const LLC_LINKTYPES: [u16; 5] = [6, 10, 100, 106, 122];

/// BSD/OS PPP, OpenBSD enc, LocalTalk, Symantec firewall, Apple IP over IEEE
/// 1394, NetBSD HDLC, BACnet MS/TP, netANALYZER and netANALYZER transparent,
/// SunATM.
pub const OTHER_LINKTYPES: [u16; 10] = [103, 109, 114, 99, 138, 112, 165, 240, 241, 123];
/// SS7 over MTP2: bare, behind the 4-byte pseudo-header, in ERF records.
pub const MTP2_LINKTYPES: [u16; 3] = [140, 139, 197];

/// Every link type of this corpus.
pub fn more_linktypes() -> Vec<u16> {
    let mut v = vec![SLIP, SLIP_BSDOS, FRELAY, ARCNET, ARCNET_LINUX];
    v.extend(JUNIPER_LINKTYPES);
    v.extend(LLC_LINKTYPES);
    v.extend(OTHER_LINKTYPES);
    v.extend(MTP2_LINKTYPES);
    v
}

/// The corpus for a LINKTYPE value of this module.
pub fn frames(linktype: u16) -> Option<Vec<(String, Vec<u8>)>> {
    Some(match linktype {
        SLIP => slip_frames(16),
        SLIP_BSDOS => slip_frames(24),
        FRELAY => frelay_frames(),
        ARCNET => arcnet_frames(false),
        ARCNET_LINUX => arcnet_frames(true),
        v if JUNIPER_LINKTYPES.contains(&v) => juniper_frames(v),
        v if LLC_LINKTYPES.contains(&v) => llc_link_frames(v),
        103 => ppp_bsdos_frames(),
        109 => enc_frames(),
        114 => ltalk_frames(),
        99 => type_field_frames(6, 44),
        138 => type_field_frames(16, 18),
        112 => chdlc_frames(),
        165 => bacnet_frames(),
        123 => sunatm_frames(),
        240 => netanalyzer_frames(4),
        241 => netanalyzer_frames(12),
        140 => mtp2_frames(&[]),
        139 => mtp2_frames(&[0x01, 0x00, 0x00, 0x03]),
        // An ERF record header (type 5, MC HDLC) and its multichannel header.
        197 => mtp2_frames(&[
            0x5f, 0x3a, 0x10, 0x00, 0x12, 0x34, 0x56, 0x78, 0x05, 0x04, 0x00, 0x30, 0x00, 0x00,
            0x00, 0x1c, 0x00, 0x00, 0x00, 0x02,
        ]),
        _ => return None,
    })
}

/// Network packets plus some that are neither IP nor ARP.
fn payloads() -> Vec<Net> {
    let mut v = all_net();
    for (label, bytes) in llc_payloads() {
        v.push(Net {
            label,
            ethertype: 0,
            bytes,
        });
    }
    v
}

/// SLIP: direction byte (0 in, 1 out, others), the rest of the `hdrlen`-byte
/// header (compressed-header bytes), then the packet. libpcap takes the IP
/// version from the header's first byte, so some have 0x45 or 0x60 there.
fn slip_frames(hdrlen: usize) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in payloads().into_iter().enumerate() {
        let dir = [0u8, 0x45, 1, 0x60, 0x45, 0, 0x65, 1, 2, 0x60, 0xff][i % 11];
        let mut f = vec![dir];
        f.extend((1..hdrlen).map(|k| (k * 7 + i) as u8));
        f.extend(&n.bytes);
        out.push((format!("slip dir {dir} {}", n.label), f));
    }
    out
}

/// Frame Relay: a 2-byte Q.922 address, control (UI mostly), the NLPID for
/// IPv4, IPv6 and OSI, SNAP (0x80) for everything else; some with a wrong
/// control byte, a padding byte or an unknown NLPID.
fn frelay_frames() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in payloads().into_iter().enumerate() {
        let addr = [[0x18u8, 0x41], [0x04, 0x01], [0xfc, 0xf1]][i % 3];
        let ctrl = if i % 11 == 5 { 0x13 } else { 0x03 };
        let mut f = addr.to_vec();
        f.push(ctrl);
        let kind = match n.ethertype {
            0x0800 => {
                f.push(0xcc);
                "ip"
            }
            0x86dd => {
                f.push(0x8e);
                "ip6"
            }
            0 if n.label.contains("iso") || n.label.contains("isis") => {
                // The LLC header's NLPID byte follows fe fe 03.
                f.extend(n.bytes.get(3..4).unwrap_or(&[0x81]));
                f.extend(n.bytes.get(4..).unwrap_or(&[]));
                out.push((format!("fr osi {}", n.label), f));
                continue;
            }
            0 => {
                f.push([0x00, 0x77][i % 2]);
                "other"
            }
            et => {
                f.extend([0x00, 0x80, 0, 0, 0]);
                f.extend(be16(et));
                "snap"
            }
        };
        f.extend(&n.bytes);
        out.push((format!("fr {kind} ctrl {ctrl:#x} {}", n.label), f));
    }
    // libpcap reads the network header from offset 0: IP packets whose bytes 2
    // and 3 read as UI and the NLPID, as if the packet were its own header.
    for (i, n) in all_net().into_iter().enumerate() {
        let nlpid = match n.ethertype {
            0x0800 => 0xcc,
            0x86dd => 0x8e,
            _ => continue,
        };
        if i % 2 == 0 && n.bytes.len() >= 4 {
            let mut f = n.bytes.clone();
            f[2] = 0x03;
            f[3] = nlpid;
            out.push((format!("fr ip at 0 {}", n.label), f));
        }
    }
    // Every OSI NLPID, padded or not, and an IPv4 packet under each NLPID.
    for nlpid in [0x81u8, 0x82, 0x83, 0xcc, 0x8e, 0x80, 0x00, 0x08] {
        let mut f = vec![0x18, 0x41, 0x03, nlpid];
        f.extend(ipv4(V4[0], V4[1], 6, &tcp(1024, 80, 0x02, b"")));
        out.push((format!("fr nlpid {nlpid:#x} with ipv4"), f));
        let mut f = vec![0x18, 0x41, 0x03, 0x00, nlpid, 27, 1, 0, 15, 1, 0];
        f.extend([0u8; 24]);
        out.push((format!("fr padded nlpid {nlpid:#x}"), f));
    }
    out
}

/// ARCnet: source and destination addresses (broadcast 0 among them), Linux's
/// 2-byte offset, the system code (RFC 1201's and RFC 1051's for IPv4, ARP,
/// RARP, AppleTalk, IPv6, and unknown ones), split flag and sequence number,
/// then the packet.
fn arcnet_frames(linux: bool) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in payloads().into_iter().enumerate() {
        let sc: u8 = match (n.ethertype, i % 4) {
            (0x0800, 3) => 0xf0,
            (0x0800, _) => 0xd4,
            (0x0806, 3) => 0xf1,
            (0x0806, _) => 0xd5,
            (0x8035, _) => 0xd6,
            (0x86dd, _) => 0xc4,
            (0x809b, _) => 0xdd,
            _ => [0xcd, 0xe8, 0xfa, 0x00][i % 4],
        };
        let src = (i * 13) as u8;
        // Now and then a destination in 0xd0..=0xdf, the bytes libpcap 1.10's
        // `$x` ARCnet addresses compare with.
        let dst = if i % 7 == 6 {
            0xd0 | (i / 7) as u8 & 0x0f
        } else {
            [0u8, 1, 0xff, 0x42][i % 4]
        };
        let mut f = vec![src, dst];
        if linux {
            f.extend([0, 0]);
        }
        f.push(sc);
        f.extend([0, (i >> 8) as u8, i as u8]);
        f.extend(&n.bytes);
        out.push((format!("arcnet sc {sc:#x} dst {dst} {}", n.label), f));
    }
    out
}

/// Juniper: the "MGC" magic (a wrong one now and then), the flags byte (bit 0
/// the direction, 0x80 "no cookie"), a cookie
/// of 0 to 28 bytes, then the payload: raw IP (mostly), an Ethernet frame, PPP
/// or LLC, so that every fixed offset libpcap assumes (4, 6, 8, 12, 32) lands
/// on a network header somewhere.
fn juniper_frames(linktype: u16) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in payloads().into_iter().enumerate() {
        // A third of the packets per link type keeps 22 link types affordable.
        if (i + usize::from(linktype)) % 2 != 0 {
            continue;
        }
        let magic: [u8; 3] = if i % 17 == 4 { *b"MGD" } else { *b"MGC" };
        let flags: u8 = [0x01, 0x00, 0x81, 0x80, 0x41][i % 5];
        let mut f = magic.to_vec();
        f.push(flags);
        // Half the packets put the network header where libpcap looks for it.
        let cookie = if i % 4 < 2 {
            juniper_network_offset(linktype) - 4
        } else {
            [0usize, 2, 8, 28, 4, 1][(i / 4) % 6]
        };
        f.extend((0..cookie).map(|k| (k + i) as u8));
        let framing = match if i % 4 < 2 { 0 } else { i % 5 } {
            0 | 3 => {
                f.extend(&n.bytes);
                "raw"
            }
            1 => {
                f.extend([0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77]);
                f.extend([0x88, 0x99, 0xaa, 0xbb]);
                f.extend(be16(n.ethertype));
                f.extend(&n.bytes);
                "ether"
            }
            2 => {
                f.extend([0xff, 0x03]);
                f.extend(be16(match n.ethertype {
                    0x0800 => 0x0021,
                    0x86dd => 0x0057,
                    et => et,
                }));
                f.extend(&n.bytes);
                "ppp"
            }
            _ => {
                f.extend([0xaa, 0xaa, 0x03, 0, 0, 0]);
                f.extend(be16(n.ethertype));
                f.extend(&n.bytes);
                "snap"
            }
        };
        out.push((
            format!(
                "juniper {} flags {flags:#x} cookie {cookie} {framing} {}",
                String::from_utf8_lossy(&magic),
                n.label
            ),
            f,
        ));
    }
    out
}

/// Where libpcap reads the network header on a Juniper link type (its payload
/// offset plus network offset; 4 where it has none), for placing packets.
fn juniper_network_offset(linktype: u16) -> usize {
    match linktype {
        135 => 8,
        167 | 178 => 32,
        168 => 6,
        133 | 164 => 12,
        _ => 4,
    }
}

/// The LLC header of a network packet: SNAP with its Ethernet type, or the
/// LLC payload itself.
fn llc_of(n: &Net) -> Vec<u8> {
    if n.ethertype == 0 {
        return n.bytes.clone();
    }
    let mut f = vec![0xaa, 0xaa, 0x03, 0, 0, 0];
    f.extend(be16(n.ethertype));
    f.extend(&n.bytes);
    f
}

/// MAC addresses the frames use (those the expressions name among them).
const MACS6: [[u8; 6]; 4] = [
    [0x00, 0x11, 0x22, 0x33, 0x44, 0x55],
    [0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb],
    [0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
    [0x01, 0x00, 0x5e, 0x00, 0x00, 0x01],
];

/// Token Ring (AC, FC, addresses), FDDI (FC, addresses), ATM (nothing) and IP
/// over Fibre Channel (16-byte header, addresses at 2 and 10) before an LLC
/// header: SNAP for network packets, the LLC corpus's payloads as they are.
fn llc_link_frames(linktype: u16) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in payloads().into_iter().enumerate() {
        let dst = MACS6[i % 4];
        let src = MACS6[(i / 4 + 1) % 4];
        let mut f = match linktype {
            6 => vec![0x10, 0x40],
            10 => vec![0x50],
            122 => vec![0, 0],
            _ => Vec::new(),
        };
        if linktype != 100 && linktype != 106 {
            f.extend(dst);
            if linktype == 122 {
                f.extend([0, 0]);
            }
            f.extend(src);
        }
        f.extend(llc_of(&n));
        out.push((format!("llc link {}", n.label), f));
    }
    out
}

/// BSD/OS PPP: a 24-byte header with the PPP protocol at 5 (IP, compressed
/// and uncompressed VJ TCP, the others as libpcap maps Ethernet types).
fn ppp_bsdos_frames() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in payloads().into_iter().enumerate() {
        let proto: u16 = match (n.ethertype, i % 3) {
            (0x0800, 1) => 0x002d,
            (0x0800, 2) => 0x002f,
            (0x0800, _) => 0x0021,
            (0x86dd, _) => 0x0057,
            (0x6003, _) => 0x0027,
            (0x809b, _) => 0x0029,
            (0, _) => 0x0023,
            (et, _) => et,
        };
        let mut f = vec![(i % 2) as u8, 0xff, 0x03, 0, 0];
        f.extend(be16(proto));
        f.resize(24, 0);
        f.extend(&n.bytes);
        out.push((format!("ppp bsdos {proto:#06x} {}", n.label), f));
    }
    out
}

/// OpenBSD enc: address family (host byte order), SPI, flags, then the packet.
fn enc_frames() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for (i, n) in payloads().into_iter().enumerate() {
        let af: u32 = match (n.ethertype, i % 5) {
            (_, 4) => 24,
            (0x0800, _) => 2,
            (0x86dd, _) => 10,
            _ => 7,
        };
        let mut f = af.to_le_bytes().to_vec();
        f.extend((i as u32).to_be_bytes());
        f.extend([0, 0, 0, (i % 3) as u8]);
        f.extend(&n.bytes);
        out.push((format!("enc af {af} {}", n.label), f));
    }
    out
}

/// LocalTalk: LLAP destination, source and type, then whatever follows.
fn ltalk_frames() -> Vec<(String, Vec<u8>)> {
    payloads()
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let mut f = vec![(i % 256) as u8, 0x42, [1u8, 2, 0x81][i % 3]];
            f.extend(&n.bytes);
            (format!("ltalk {}", n.label), f)
        })
        .collect()
}

/// A header of `hdrlen` bytes with the Ethernet type at `at`, then the packet.
fn type_field_frames(at: usize, hdrlen: usize) -> Vec<(String, Vec<u8>)> {
    payloads()
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let mut f: Vec<u8> = (0..hdrlen).map(|k| (k + i) as u8).collect();
            let et = if n.ethertype == 0 {
                0xfefe
            } else {
                n.ethertype
            };
            f[at..at + 2].copy_from_slice(&be16(et));
            f.extend(&n.bytes);
            (format!("type {et:#06x} {}", n.label), f)
        })
        .collect()
}

/// BACnet MS/TP: the 55 ff preamble (a wrong one now and then), frame type,
/// addresses, length, CRC, then bytes libpcap may read as a network header.
fn bacnet_frames() -> Vec<(String, Vec<u8>)> {
    payloads()
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            let pre: [u8; 2] = if i % 7 == 3 {
                [0x55, 0xfe]
            } else {
                [0x55, 0xff]
            };
            let mut f = pre.to_vec();
            f.extend([(i % 8) as u8, 0x01, 0x7f, 0, 0x20, 0xaa]);
            f.extend(&n.bytes);
            (
                format!("bacnet {:02x}{:02x} {}", pre[0], pre[1], n.label),
                f,
            )
        })
        .collect()
}

/// netANALYZER: a 4-byte pseudo-header (plus preamble and start delimiter
/// when transparent) before every other Ethernet frame of the corpus.
fn netanalyzer_frames(prefix: usize) -> Vec<(String, Vec<u8>)> {
    en10mb_frames()
        .into_iter()
        .step_by(2)
        .map(|(label, frame)| {
            let mut f = vec![0x01, 0x00, 0x00, 0x00];
            f.resize(prefix - 1, 0x55);
            if prefix > 4 {
                f.push(0xd5);
            } else {
                f.push(0x00);
            }
            f.extend(frame);
            (format!("netanalyzer {label}"), f)
        })
        .collect()
}

/// SunATM: flags with the protocol type (LLC 2, LANE 1, others) in the low
/// nibble, VPI, VCI (the signalling and OAM circuits among them), then an LLC
/// PDU, a LANE frame (LE header 0000 before an Ethernet frame, or an ff00 LE
/// control frame), or a Q.2931 message.
fn sunatm_frames() -> Vec<(String, Vec<u8>)> {
    const CIRCUITS: [(u8, u16); 10] = [
        (0, 1),
        (0, 2),
        (0, 3),
        (0, 4),
        (0, 5),
        (0, 16),
        (1, 32),
        (2, 5),
        (0, 100),
        (7, 3),
    ];
    let mut out = Vec::new();
    let ether = en10mb_frames();
    for (i, n) in payloads().into_iter().enumerate() {
        let (vpi, vci) = CIRCUITS[i % CIRCUITS.len()];
        let mut f = vec![0x82, vpi];
        f.extend(vci.to_be_bytes());
        f.extend(llc_of(&n));
        out.push((format!("sunatm llc vpi {vpi} vci {vci} {}", n.label), f));
    }
    for (i, (label, frame)) in ether.into_iter().enumerate().step_by(3) {
        let (vpi, vci) = CIRCUITS[i % CIRCUITS.len()];
        let le: [u8; 2] = if i % 5 == 2 {
            [0xff, 0x00]
        } else {
            [0x00, 0x00]
        };
        let mut f = vec![0x01, vpi];
        f.extend(vci.to_be_bytes());
        f.extend(le);
        f.extend(frame);
        out.push((
            format!("sunatm lane le {:02x}{:02x} {label}", le[0], le[1]),
            f,
        ));
    }
    // Q.2931 signalling: every message type on the signalling circuits.
    for (i, msg) in [0x05u8, 0x02, 0x07, 0x0f, 0x4d, 0x5a, 0x01, 0x6e]
        .iter()
        .enumerate()
    {
        for &(vpi, vci) in &CIRCUITS[..6] {
            let proto = [0x00u8, 0x03, 0x05][i % 3];
            let mut f = vec![proto, vpi];
            f.extend(vci.to_be_bytes());
            f.extend([0x09, 0x03, 0x00, 0x00, 0x01, *msg, 0x80, 0x00, 0x05]);
            out.push((format!("sunatm q2931 msg {msg:#x} vpi {vpi} vci {vci}"), f));
        }
    }
    out
}

/// SS7 signal units after `prefix`: for each combination below, an MTP2
/// header (sequence numbers, then the length indicator with its spare bits)
/// or a high-speed-link one (two 16-bit sequence words, then a 16-bit word
/// with a 9-bit length indicator), the service information octet, and an ITU
/// routing label (14-bit DPC and OPC, 4-bit SLS, little-endian) with a few
/// bytes of payload.
fn mtp2_frames(prefix: &[u8]) -> Vec<(String, Vec<u8>)> {
    const LIS: [u16; 8] = [0, 1, 2, 3, 4, 20, 63, 0x1ff];
    const SIOS: [u8; 15] = [
        0x03, 0x83, 0xd2, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0x41, 73, 74, 75, 0x00, 0xff, 0xa0,
    ];
    const POINT_CODES: [u16; 14] = [
        0x31d6, 0x1273, 0x1274, 0x1275, 0x1276, 0x3b35, 0x607, 0x608, 0x0ab5, 0x3aba, 0, 0x3fff, 1,
        0x60a,
    ];
    let mut out = Vec::new();
    for i in 0..360usize {
        let hsl = i % 4 == 3;
        let li = LIS[(i + i / 4) % LIS.len()];
        let li = if hsl { li } else { li & 0x3f };
        let spare = [0x00u8, 0x40, 0xc0][i % 3];
        let sio = SIOS[i % SIOS.len()];
        let dpc = POINT_CODES[(i + i / 4) % POINT_CODES.len()];
        let opc = POINT_CODES[(i / 3 + 5) % POINT_CODES.len()];
        let sls = (i % 17) as u8 & 0x0f;
        let mut f = prefix.to_vec();
        if hsl {
            f.extend([0x80, 0x12, 0x00, 0x34]);
            f.extend((li << 7 | u16::from(spare >> 2)).to_be_bytes());
        } else {
            f.extend([0x85, 0x91, li as u8 | spare]);
        }
        f.push(sio);
        f.extend([
            (dpc & 0xff) as u8,
            (dpc >> 8) as u8 & 0x3f | ((opc & 3) << 6) as u8,
            (opc >> 2) as u8,
            (opc >> 10) as u8 & 0x0f | sls << 4,
        ]);
        f.extend([0x01, 0x02, 0x03, 0x04, 0x05][..i % 6].iter());
        let form = if hsl { "mtp2 hsl" } else { "mtp2" };
        out.push((
            format!("{form} li {li} sio {sio:#x} dpc {dpc:#x} opc {opc:#x} sls {sls}"),
            f,
        ));
    }
    out
}
