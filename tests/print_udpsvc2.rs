//! Golden tests for the UDP printers of sFlow, LSP-PING, OTV, AODV, Cisco auto-RP,
//! timed, SOME/IP, vat, VQP and LWAPP: rfilter against the tcpdump binary, line by line, over the
//! captures in tests/data/udpsvc2/ (written by tests/data/make_udpsvc2.py), over
//! every truncation of each of their packets, over lowered UDP lengths, and over
//! mutated packets (which must never panic).
mod print_support;

use print_support::mutate::{Rng, mutated_capture, opts_each, print_captures};
use print_support::suite::{FLAGS, cut_variants_of, short_udp_variants_of};
use print_support::{Rec, assert_same, assert_same_recs};
use rfilter::LinkType;
use std::path::PathBuf;

/// Flags for the truncated variants (each record cut at every length).
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]];

/// The hand-built captures in tests/data/udpsvc2/.
const NAMES: &[&str] = &[
    "sflow", "otv", "lspping", "aodv", "autorp", "timed", "someip", "vat", "vqp", "lwapp",
];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/udpsvc2")
        .join(format!("{name}.pcap"))
}

/// End of the UDP header of an Ethernet frame carrying IPv4 or IPv6 (no
/// extension headers), or the frame's length.
fn udp_end(d: &[u8]) -> usize {
    let end = match d.get(14) {
        Some(v) if v >> 4 == 4 => 14 + usize::from(v & 0xf) * 4 + 8,
        Some(v) if v >> 4 == 6 => 14 + 40 + 8,
        _ => d.len(),
    };
    end.min(d.len())
}

/// Every record of `name` cut to each length from the end of the UDP header to
/// one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), "udpsvc2", &file, |_, d| udp_end(d))
}

/// Every record of `name` with its UDP length field lowered to each value from 8
/// (no payload) to one byte short of the payload it carries: the printers must
/// stop at the UDP length, not at the end of the capture.
fn short_udp_variants(name: &str) -> PathBuf {
    let file = format!("{name}-udplen.pcap");
    short_udp_variants_of(&data(name), "udpsvc2", &file, |d| {
        let end = udp_end(d);
        if end < 8 { None } else { Some(end - 4) }
    })
}

fn golden(name: &str) {
    let (c1, m1) = assert_same(&data(name), FLAGS);
    let (c2, m2) = assert_same(&cut_variants(name), CUT_FLAGS);
    let (c3, m3) = assert_same(&short_udp_variants(name), CUT_FLAGS);
    eprintln!(
        "{name}: {} of {} lines identical to tcpdump",
        m1 + m2 + m3,
        c1 + c2 + c3
    );
}

/// sFlow v5: flow, counter and expanded samples with every record type tcpdump
/// decodes, unknown samples and records, IPv6 agents, bad lengths.
#[test]
fn sflow() {
    golden("sflow");
}

/// OTV with inner Ethernet frames (IPv4, ARP), odd flags, short headers.
#[test]
fn otv() {
    golden("otv");
}

/// LSP ping requests and replies: every target FEC sub-TLV, downstream
/// mappings of each address type, vendor and BFD TLVs, bad lengths and padding.
#[test]
fn lspping() {
    golden("lspping");
}

/// AODV over IPv4 and IPv6: requests, replies (with hello extensions), errors,
/// acknowledgements, the IPv6 draft's types, unknown types, short messages.
#[test]
fn aodv() {
    golden("aodv");
}

/// Cisco auto-RP announcements and mappings: PIM versions, negative, bidir and
/// reserved group flags, hold times, short messages.
#[test]
fn autorp() {
    golden("autorp");
}

/// timed (TSP): every message type, hop counts, positive and negative times,
/// odd and unterminated host names, short messages.
#[test]
fn timed() {
    golden("timed");
}

/// SOME/IP headers: every message type and return code, events, short messages.
#[test]
fn someip() {
    golden("someip");
}

/// vat and vt audio headers (UDP destination port 3456), short messages.
#[test]
fn vat() {
    golden("vat");
}

/// VQP requests and responses with every object type, bad object lengths,
/// unknown types and versions, short messages.
#[test]
fn vqp() {
    golden("vqp");
}

/// LWAPP control messages both ways (with and without the AP identity) and data
/// frames, messages past the end of the PDU, short headers.
#[test]
fn lwapp() {
    golden("lwapp");
}

/// These ports against each other and against every port rfilter decodes, both
/// ways: the printer chosen follows tcpdump's order.
#[test]
fn port_precedence() {
    let (c, m) = assert_same(&data("ports"), &[&["-n"], &["-nv"], &["-nq"]]);
    eprintln!("ports: {m} of {c} lines identical to tcpdump");
}

/// Without -n: addresses and ports by name (tcpdump's resolver waits on DNS, so
/// this is one run per capture).
#[test]
fn names_without_n() {
    for name in NAMES {
        assert_same(&data(name), &[&["-ttv"]]);
    }
}

/// Each record of every capture `copies` times with random byte changes past the
/// UDP header (the ports stay, so the packets stay with these printers), cut at a
/// random length.
fn mutated(rng: &mut Rng, copies: usize) -> Vec<(LinkType, Vec<Rec>)> {
    NAMES
        .iter()
        .map(|name| mutated_capture(rng, &data(name), copies, |_, d| udp_end(d)))
        .collect()
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let recs: Vec<Rec> = mutated(&mut rng, 30)
        .into_iter()
        .flat_map(|(_, recs)| recs)
        .collect();
    let (c, m) = assert_same_recs(
        "udpsvc2",
        "mutated.pcap",
        LinkType::En10mb,
        &recs,
        &[&["-n"], &["-nv"], &["-nvv"]],
    );
    eprintln!("mutated: {m} of {c} lines identical to tcpdump");
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let printed = print_captures(mutated(&mut rng, 300), &opts_each(FLAGS));
    assert!(printed > 10000, "only {printed} packets printed");
}
