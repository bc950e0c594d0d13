//! `-T TYPE` against the tcpdump binary, line by line: every packet type over
//! tests/data/packettype/packettype.pcap (written by
//! tests/data/make_packettype.py) — payloads of each kind on ports no printer
//! claims, short and odd ones, IP protocol 112 (VRRP or CARP) and PGM — at
//! several flag sets, and over every truncation of each packet.
mod print_support;

use print_support::assert_same;
use print_support::suite::Suite;
use rfilter::print::packettype::PacketType;

const SUITE: Suite = Suite {
    dir: "packettype",
    names: &["packettype"],
};

/// The capture without -T (VRRPv2/v3 over IPv4 and IPv6 among others).
#[test]
fn without_a_packet_type() {
    SUITE.golden("packettype");
}

/// Each type tcpdump knows, over the whole capture and over its cuts.
#[test]
fn every_packet_type() {
    let whole = SUITE.data("packettype");
    let cuts = SUITE.cut_variants("packettype");
    let (mut compared, mut matched) = (0, 0);
    for (_, name) in PacketType::ALL {
        let sets: Vec<Vec<&str>> = ["-n", "-nv", "-nvv", "-nx", "-ne", "-nq", "-nA", "-t"]
            .iter()
            .map(|f| vec![*f, "-T", name])
            .collect();
        let sets: Vec<&[&str]> = sets.iter().map(Vec::as_slice).collect();
        let (c, m) = assert_same(&whole, &sets);
        let cut_sets: Vec<Vec<&str>> = ["-n", "-nv", "-nx"]
            .iter()
            .map(|f| vec![*f, "-T", name])
            .collect();
        let cut_sets: Vec<&[&str]> = cut_sets.iter().map(Vec::as_slice).collect();
        let (c2, m2) = assert_same(&cuts, &cut_sets);
        compared += c + c2;
        matched += m + m2;
    }
    eprintln!("-T: {matched} of {compared} lines identical to tcpdump");
    assert!(compared > 100_000, "only {compared} lines compared");
}

/// Names are matched without regard to case, as tcpdump does; others are refused.
#[test]
fn names_as_tcpdump_spells_them() {
    assert_eq!("RTP".parse::<PacketType>(), Ok(PacketType::Rtp));
    assert_eq!("pgm_zmtp1".parse::<PacketType>(), Ok(PacketType::PgmZmtp1));
    assert_eq!(
        "quic".parse::<PacketType>(),
        Err("unknown packet type `quic'".to_string())
    );
    for (t, name) in PacketType::ALL {
        assert_eq!(name.parse::<PacketType>(), Ok(t));
        assert_eq!(t.to_string(), name);
    }
}

/// Mutated packets printed with each flag set must not panic.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}
