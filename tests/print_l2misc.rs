//! Golden tests for the layer-2 and miscellaneous printers (CDP, the slow
//! protocols LACP/Marker/OAM, EIGRP, and smaller IP protocols): rfilter against
//! the tcpdump binary, line by line, over the captures in tests/data/l2misc/
//! (written by tests/data/make_l2misc.py), over every truncation of each of their
//! packets, and over mutated packets (compared with tcpdump too, and printed with
//! every flag set without panicking).
mod print_support;

use print_support::mutate::{Rng, mutated_capture, opts_each, print_captures};
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
    &["-nev"],
    &["-nq"],
    &["-nx"],
    &["-nvX"],
    &["-nA"],
];

/// Flags for the truncated variants (each record cut at every length).
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]];

/// The captures in tests/data/l2misc/.
const NAMES: &[&str] = &[
    "cdp", "cisco", "slow", "ether", "eigrp", "ipmisc", "pgm", "dccp",
];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/l2misc")
        .join(format!("{name}.pcap"))
}

/// Where the protocol under test starts in an Ethernet frame: past the LLC/SNAP
/// header for CDP, the Ethernet header for the slow protocols, the IPv4 or IPv6
/// header for the IP protocols.
fn payload_start(name: &str, d: &[u8]) -> usize {
    let start = match name {
        "cdp" | "cisco" => 22,
        "slow" | "ether" => 14,
        // Past the UDP ports too for NTP.
        _ => match (d.get(14), d.get(23)) {
            (Some(v), Some(17)) if v >> 4 == 4 => 14 + usize::from(v & 0xf) * 4 + 8,
            (Some(v), _) if v >> 4 == 4 => 14 + usize::from(v & 0xf) * 4,
            // Past an IPv6 destination-options header (the IPv6 printer's own
            // tests cover it).
            _ if d.get(20) == Some(&60) => {
                54 + (usize::from(d.get(55).copied().unwrap_or(0)) + 1) * 8
            }
            _ => 54,
        },
    };
    start.min(d.len())
}

/// Every record of `name` cut to each length from the start of the protocol
/// under test to one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), "l2misc", &file, |_, d| payload_start(name, d))
}

fn golden(name: &str) {
    let (c1, m1) = assert_same(&data(name), FLAGS);
    let (c2, m2) = assert_same(&cut_variants(name), CUT_FLAGS);
    eprintln!(
        "{name}: {} of {} lines identical (full and cut packets)",
        m1 + m2,
        c1 + c2
    );
}

/// CDP from a switch, an IP phone and a router, every TLV type tcpdump names,
/// malformed lengths and address records, power values that round.
#[test]
fn cdp() {
    golden("cdp");
}

/// Cisco's other SNAP protocols: PVST+, DTP, UDLD and VTP (summary, subset
/// with VLAN TLVs, requests), with bad lengths.
#[test]
fn cisco() {
    golden("cisco");
}

/// LACP (actor, partner, collector TLVs, every state flag), Marker requests
/// and responses, OAM information, event notification, loopback control and
/// the codes tcpdump only names; bad versions and TLV lengths.
#[test]
fn slow() {
    golden("slow");
}

/// EAPOL (start, logoff, key, EAP of every type tcpdump names; printed by
/// src/print/eapol.rs), the
/// loopback keepalives Cisco switches send, PTP (IEEE 1588) over Ethernet, MS
/// NLB heartbeats and MPCP.
#[test]
fn ether() {
    golden("ether");
}

/// EIGRP hellos, updates, queries and replies over IPv4 and IPv6 with
/// internal, external and AppleTalk routes, prefixes of every length, short
/// and overlong TLVs.
#[test]
fn eigrp() {
    golden("eigrp");
}

/// GRE with source routes (IP and AS entries, bad offsets and lengths),
/// IPComp, EGP of every type (updates with class A, B and C networks), VRRP
/// of unknown types, EtherIP, IGRP, Mobile IP, Sun ND, Ethernet over IPv6, IPv6
/// mobility headers, and
/// NTP messages cut short or with trailers.
#[test]
fn ipmisc() {
    golden("ipmisc");
}

/// PGM: every message type over IPv4 and IPv6, every option tcpdump decodes,
/// bad option lengths, unknown address families.
#[test]
fn pgm() {
    golden("pgm");
}

/// DCCP over IPv4 and IPv6: every packet type, 24- and 48-bit sequence
/// numbers, every option tcpdump names, checksum coverage, bad lengths.
#[test]
fn dccp() {
    golden("dccp");
}

/// The layer-2 protocols in a Linux cooked capture (CDP and DTP as 802.2
/// frames, the rest by Ethernet type).
#[test]
fn cooked() {
    let (c, m) = assert_same(&data("sll"), FLAGS);
    eprintln!("sll: {m} of {c} lines identical");
}

/// Without -n: addresses by name (tcpdump's resolver waits on DNS, so this is
/// one run per capture).
#[test]
fn names_without_n() {
    for name in NAMES {
        assert_same(&data(name), &[&["-ttv"]]);
    }
}

/// Copies of every record of `name` with 1 to 4 random byte changes past the
/// start of the protocol under test, cut at a random length.
fn mutated(rng: &mut Rng, name: &str, copies: usize) -> (LinkType, Vec<Rec>) {
    mutated_capture(rng, &data(name), copies, |_, d| payload_start(name, d))
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for name in NAMES {
        let (lt, recs) = mutated(&mut rng, name, 40);
        let file = format!("{name}-mutated.pcap");
        assert_same_recs("l2misc", &file, lt, &recs, &[&["-n"], &["-nv"], &["-nvv"]]);
    }
}

/// Many more mutated packets, printed with every flag set: the printers must
/// not panic.
#[test]
fn mutated_packets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let captures = NAMES.iter().map(|name| mutated(&mut rng, name, 300));
    let printed = print_captures(captures, &opts_each(FLAGS));
    assert!(printed > 1000, "only {printed} packets printed");
}
