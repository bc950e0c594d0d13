//! Golden tests for the UDP printers of DHCPv6, RIP/RIPng, HSRP, BFD and TFTP:
//! rfilter against the tcpdump binary, line by line, over the captures in
//! tests/data/udpa/ (written by tests/data/make_udpa.py), over every truncation of
//! each of their packets, and over mutated packets (which must never panic).
mod print_support;

use print_support::mutate::{Rng, mutated_capture, opts_each, print_captures};
use print_support::suite::{FLAGS, cut_variants_of, short_udp_variants_of};
use print_support::{Rec, assert_same, assert_same_recs};
use rfilter::LinkType;
use std::path::PathBuf;

/// Flags for the truncated variants (each record cut at every length).
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]];

/// The hand-built captures in tests/data/udpa/ (dhcp6rand.pcap, random messages,
/// has its own test: its random addresses would keep tcpdump's resolver busy in
/// the test without -n).
const NAMES: &[&str] = &["dhcp6", "rip", "hsrp", "bfd", "tftp"];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/udpa")
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

/// Every record of `name` cut to each length from the end of the Ethernet and
/// IPv4 headers (34 bytes) to one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), "udpa", &file, |_, d| 34.min(d.len()))
}

/// Every record of `name` with its UDP length field lowered to each value from 8
/// (no payload) to one byte short of the payload it carries: the printers must
/// stop at the UDP length, not at the end of the capture.
fn short_udp_variants(name: &str) -> PathBuf {
    let file = format!("{name}-udplen.pcap");
    short_udp_variants_of(&data(name), "udpa", &file, |d| {
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

#[test]
fn dhcp6() {
    golden("dhcp6");
}

/// BFD control (versions 0 and 1, every authentication type) and echo packets.
#[test]
fn bfd() {
    golden("bfd");
}

/// TFTP requests with options, data, acknowledgements, errors and option
/// acknowledgements.
#[test]
fn tftp() {
    golden("tftp");
}

/// HSRP version 0 (every op code and state) and later versions.
#[test]
fn hsrp() {
    golden("hsrp");
}

/// These ports against each other and against every port rfilter decodes, both
/// ways: the printer chosen follows tcpdump's order.
#[test]
fn port_precedence() {
    assert_same(&data("ports"), &[&["-n"], &["-nv"], &["-nq"]]);
}

/// Random well-framed DHCPv6 messages (every option tcpdump knows, nested
/// options, odd domain names, lengths a little off).
#[test]
fn dhcp6_random() {
    assert_same(&data("dhcp6rand"), &[&["-n"], &["-nv"], &["-nvv"]]);
    assert_same(&cut_variants("dhcp6rand"), &[&["-nv"]]);
}

/// RIPv1, RIPv2 (with authentication entries) and RIPng.
#[test]
fn rip() {
    golden("rip");
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
    assert_same_recs(
        "udpa",
        "mutated.pcap",
        LinkType::En10mb,
        &recs,
        &[&["-n"], &["-nv"], &["-nvv"]],
    );
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let printed = print_captures(mutated(&mut rng, 300), &opts_each(FLAGS));
    assert!(printed > 10000, "only {printed} packets printed");
}
