//! Golden tests for the IP-level and UDP-service printers (SCTP, OSPF, PIM, RSVP,
//! IGMP, SNMP, syslog, mDNS/LLMNR): rfilter against the tcpdump binary, line by
//! line, over the captures in tests/data/ipproto/ (written by
//! tests/data/make_ipproto.py), over every truncation of each of their packets,
//! and over mutated packets (which must never panic).
mod print_support;

use print_support::mutate::{Rng, mutated_capture, opts_each, print_all};
use print_support::suite::cut_variants_of;
use print_support::{Rec, assert_same, assert_same_recs};
use rfilter::LinkType;
use std::path::PathBuf;

const FLAGS: &[&[&str]] = &[
    &["-n"],
    &["-nv"],
    &["-nvv"],
    &["-nvvv"],
    &["-ne"],
    &["-nq"],
    &["-nx"],
    &["-nvX"],
    &["-nA"],
    &["-nxx"],
];

/// Flags for the truncated variants (each record cut at every length).
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"], &["-nvA"]];

/// The captures in tests/data/ipproto/.
const NAMES: [&str; 8] = [
    "sctp", "ospf", "ospf6", "pim", "igmp", "snmp", "rsvp", "udpsvc",
];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ipproto")
        .join(format!("{name}.pcap"))
}

/// Every record of `name` cut to each length from the end of the Ethernet and
/// IP headers (34 bytes) to one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), "ipproto", &file, |_, d| 34.min(d.len()))
}

fn golden(name: &str) {
    assert_same(&data(name), FLAGS);
    assert_same(&cut_variants(name), CUT_FLAGS);
}

#[test]
fn sctp() {
    golden("sctp");
}

#[test]
fn ospf() {
    golden("ospf");
}

#[test]
fn ospf6() {
    golden("ospf6");
}

#[test]
fn pim() {
    golden("pim");
}

#[test]
fn igmp() {
    golden("igmp");
}

#[test]
fn snmp() {
    golden("snmp");
    // Object names from tcpdump's compiled-in MIB (no -n).
    assert_same(&data("snmp"), &[&["-tt"], &["-ttv"]]);
}

#[test]
fn rsvp() {
    golden("rsvp");
}

/// Syslog, LLMNR (which tcpdump 4.99 does not decode) and mDNS.
#[test]
fn udp_services() {
    golden("udpsvc");
}

/// Without -n: addresses and ports by name (tcpdump's resolver waits on DNS, so
/// this is one run per capture).
#[test]
fn names_without_n() {
    for name in NAMES {
        assert_same(&data(name), &[&["-ttv"]]);
    }
}

/// Where the mutations of a packet of capture `name` start: past the network
/// header (and a UDP service's ports), so that the packets stay with this
/// module's printers.
fn mutation_start(name: &str, d: &[u8]) -> usize {
    let ip_end = match d.get(14) {
        Some(v) if v >> 4 == 4 => 14 + usize::from(v & 0xf) * 4,
        _ => 54,
    };
    let ports = if name == "snmp" || name == "udpsvc" {
        4
    } else {
        0
    };
    (ip_end + ports).min(d.len())
}

/// The captures with random byte changes past the link and IPv4 headers.
fn mutated(rng: &mut Rng, copies: usize) -> Vec<Rec> {
    let mut out = Vec::new();
    for name in NAMES {
        let (_, recs) = mutated_capture(rng, &data(name), copies, |_, d| mutation_start(name, d));
        out.extend(recs);
    }
    out
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let recs = mutated(&mut rng, 40);
    let flags: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]];
    assert_same_recs("ipproto", "mutated.pcap", LinkType::En10mb, &recs, flags);
}

/// Random byte changes past the IP header of every packet of every capture,
/// printed with each flag set: the printers must not panic.
#[test]
fn mutated_packets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let names = ["sctp", "ospf", "ospf6", "pim", "igmp", "snmp", "rsvp"];
    let flag_sets = opts_each(FLAGS);
    let mut printed = 0usize;
    for name in names {
        let (lt, recs) =
            mutated_capture(&mut rng, &data(name), 200, |_, d| mutation_start(name, d));
        assert_eq!(lt, LinkType::En10mb);
        printed += print_all(lt, &recs, &flag_sets);
    }
    assert!(printed > 1000, "only {printed} packets printed");
}
