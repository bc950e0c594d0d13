//! Golden tests for more differences a differential probe found between
//! rfilter and tcpdump: PPI headers around every link type tcpdump has a
//! printer for; Linux cooked captures from radiotap interfaces (ARPHRD 803);
//! IPv6 with a payload length of 0 before a mobility header (and other
//! extension headers). Packets are built here and each is compared with the
//! tcpdump binary, line by line, whole and cut at many lengths.
mod print_support;

use print_support::build::{self, Ip4, MAC_A, MAC_B, Pseudo};
use print_support::{assert_same_recs, cut_rec, rec, with_cuts};
use rfilter::LinkType;

const DIR: &str = "probe2";

const A4: [u8; 4] = [10, 0, 0, 1];
const B4: [u8; 4] = [10, 0, 0, 2];

fn ipv4_udp(payload: &[u8]) -> Vec<u8> {
    let ps = Pseudo::V4(A4, B4);
    Ip4::new(A4, B4, 17).build(&build::udp(&ps, 1234, 5678, payload, false))
}

/// A PPI header with no fields, naming the link type `dlt`, then `payload`.
fn ppi(dlt: u32, payload: &[u8]) -> Vec<u8> {
    let mut v = vec![0, 0, 8, 0];
    v.extend_from_slice(&dlt.to_le_bytes());
    v.extend_from_slice(payload);
    v
}

/// PPI hands the packet after its header to the printer of the link type it
/// names (tcpdump's printer table, by DLT value), and prints the header and
/// hex for a DLT it has no printer for; -e shows the header first. The short
/// headers of some inner link types end the whole packet (tcpdump's longjmp):
/// -x then dumps it all, PPI header included.
#[test]
fn ppi_inner_link_types() {
    // The DLTs of tcpdump's printer table on Linux, and some it lacks
    // (13, 14 and 101 are raw IP on other systems or in savefiles only).
    let dlts: &[u32] = &[
        0, 1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 50, 51, 99, 101, 104, 105, 107, 108, 109,
        112, 113, 114, 117, 119, 122, 123, 127, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138,
        147, 163, 164, 166, 167, 168, 178, 179, 180, 181, 182, 189, 192, 195, 201, 220, 226, 228,
        229, 230, 239, 240, 241, 242, 258, 271, 276, 281, 282, 283, 284, 285, 1000,
    ];
    let udp = ipv4_udp(b"data");
    let eth = build::ether(MAC_B, MAC_A, 0x0800, &udp);
    let counting: Vec<u8> = (0..64).collect();
    let mut chdlc = vec![0x0f, 0, 8, 0];
    chdlc.extend_from_slice(&udp);
    let mut null = 2u32.to_ne_bytes().to_vec();
    null.extend_from_slice(&udp);
    let mut recs = Vec::new();
    for &dlt in dlts {
        for (i, p) in [&udp, &eth, &counting, &chdlc, &null]
            .into_iter()
            .enumerate()
        {
            let f = ppi(dlt, p);
            recs.push(rec(recs.len(), f.clone()));
            if i == 0 {
                for n in [8, 9, 12, 16, 24] {
                    recs.push(cut_rec(recs.len(), &f, n));
                }
            }
        }
    }
    let flags: &[&[&str]] = &[
        &["-n"],
        &["-ne"],
        &["-nq"],
        &["-neq"],
        &["-nv"],
        &["-nx"],
        &["-nxx"],
        &["-nA"],
        &["-nXe"],
    ];
    assert_same_recs(DIR, "ppi.pcap", LinkType::Other(192), &recs, flags);
}

/// A minimal radiotap header (flags and rate) before an 802.11 beacon.
fn radiotap_beacon() -> Vec<u8> {
    let mut v = vec![0, 0, 10, 0, 0x06, 0, 0, 0, 0x00, 0x04];
    v.extend_from_slice(&[0x80, 0, 0, 0]);
    v.extend_from_slice(&[0xff; 6]);
    v.extend_from_slice(&MAC_A);
    v.extend_from_slice(&MAC_A);
    v.extend_from_slice(&[0, 0]);
    v.extend_from_slice(&[0; 8]);
    v.extend_from_slice(&[0x64, 0, 0x02, 0]);
    v.extend_from_slice(&[0, 3, b'N', b'e', b't']);
    v
}

/// Linux cooked captures (v1 and v2) from an interface of ARPHRD type 803:
/// tcpdump decodes the payload as radiotap and 802.11 whatever the protocol
/// field says; other hardware types keep the protocol's decoding.
#[test]
fn sll_radiotap_hardware_type() {
    let payloads = [radiotap_beacon(), ipv4_udp(b"data"), vec![0, 0, 10, 0, 6]];
    let mut v1 = Vec::new();
    let mut v2 = Vec::new();
    for hatype in [803u16, 801, 802, 1, 824, 0xffff] {
        for proto in [0x0800u16, 0x0003, 0x0004, 0x8100, 0x0019] {
            for p in &payloads {
                let mut f = build::sll(0, proto, p);
                f[2..4].copy_from_slice(&hatype.to_be_bytes());
                v1.push(f);
                let mut f = build::sll2(0, proto, 1, p);
                f[8..10].copy_from_slice(&hatype.to_be_bytes());
                v2.push(f);
            }
        }
    }
    let flags: &[&[&str]] = &[&["-n"], &["-ne"], &["-nq"], &["-nv"], &["-nx"]];
    assert_same_recs(
        DIR,
        "sll.pcap",
        LinkType::LinuxSll,
        &with_cuts(&v1, 1, 7),
        flags,
    );
    assert_same_recs(
        DIR,
        "sll2.pcap",
        LinkType::LinuxSll2,
        &with_cuts(&v2, 1, 7),
        flags,
    );
}

const SRC6: &str = "2001:db8::1";
const DST6: &str = "2001:db8::2";

/// An IPv6 header with the payload length field `plen`, whatever follows.
fn ip6_plen(plen: u16, nh: u8, payload: &[u8]) -> Vec<u8> {
    let mut v = build::ip6(build::v6(SRC6), build::v6(DST6), nh, 64, payload);
    v[4..6].copy_from_slice(&plen.to_be_bytes());
    v
}

/// IPv6 with a payload length of 0: the extension headers (and a mobility
/// header, decoded among them) read the captured bytes; what follows them
/// is empty unless a Jumbo Payload option gives its length, and extension
/// headers without that option are a truncation.
#[test]
fn ipv6_zero_payload_length() {
    let bu = [59u8, 1, 5, 0, 0, 0, 0, 7, 0x80, 0, 0, 4, 1, 2, 0, 0];
    let brr = [59u8, 0, 0, 0, 0, 0, 0, 0];
    let udp = {
        let ps = Pseudo::V6(build::v6(SRC6), build::v6(DST6));
        build::udp(&ps, 1234, 5678, b"data", false)
    };
    let icmp = [128u8, 0, 0, 0, 0, 1, 0, 1];
    let jumbo = |nh: u8, j: u32| {
        let mut v = vec![nh, 0, 0xc2, 4];
        v.extend_from_slice(&j.to_be_bytes());
        v
    };
    let dstopt = |nh: u8| vec![nh, 0, 1, 4, 0, 0, 0, 0];
    let frag = |nh: u8| vec![nh, 0, 0, 0, 0, 0, 0, 1];
    let routing = |nh: u8| {
        let mut v = vec![nh, 2, 0, 1, 0, 0, 0, 0];
        v.extend_from_slice(&build::v6(DST6));
        v
    };
    let cat = |a: Vec<u8>, b: &[u8]| {
        let mut v = a;
        v.extend_from_slice(b);
        v
    };
    let mut frames = Vec::new();
    for (nh, p) in [
        (135u8, &bu[..]),
        (62, &bu[..]),
        (135, &brr[..]),
        (135, &bu[..6]),
        (17, &udp[..]),
        (58, &icmp[..]),
        (59, &[][..]),
    ] {
        let n = p.len() as u16;
        for plen in [0, n, 4, 100] {
            frames.push(ip6_plen(plen, nh, p));
        }
        frames.push(ip6_plen(0, 60, &cat(dstopt(nh), p)));
        frames.push(ip6_plen(n + 8, 60, &cat(dstopt(nh), p)));
        frames.push(ip6_plen(0, 44, &cat(frag(nh), p)));
        frames.push(ip6_plen(0, 43, &cat(routing(nh), p)));
        frames.push(ip6_plen(0, 0, &cat(jumbo(nh, u32::from(n) + 8), p)));
        frames.push(ip6_plen(
            0,
            0,
            &cat(cat(jumbo(60, u32::from(n) + 16), &dstopt(nh)), p),
        ));
        frames.push(ip6_plen(0, 0, &cat(jumbo(nh, 2), p)));
        frames.push(ip6_plen(0, 0, &cat(jumbo(nh, 1000), p)));
        frames.push(ip6_plen(0, 0, &cat(dstopt(nh), p)));
    }
    let flags: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]];
    assert_same_recs(
        DIR,
        "ip6.pcap",
        LinkType::Ipv6,
        &with_cuts(&frames, 40, 3),
        flags,
    );
}
