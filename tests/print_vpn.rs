//! Golden tests for the VPN and AAA printers (AH, ISAKMP/IKE, RADIUS, L2TP,
//! Kerberos): rfilter against the tcpdump binary, line by line, over the captures
//! in tests/data/vpn/ (written by tests/data/make_vpn.py), over every truncation of
//! each of their packets, and over mutated packets (compared with tcpdump too, and
//! printed with every flag set without panicking).
mod print_support;

use print_support::mutate::{Rng, change_bytes, cut, mutants, opts_each, print_captures};
use print_support::suite::cut_variants_of;
use print_support::{Rec, assert_same, assert_same_recs, read_pcap};
use rfilter::LinkType;
use std::path::PathBuf;

const FLAGS: &[&[&str]] = &[
    &["-n"],
    &["-nv"],
    &["-nvv"],
    &["-nvvv"],
    &["-nvvvv"],
    &["-ne"],
    &["-nq"],
    &["-nx"],
    &["-nvX"],
    &["-nA"],
];

/// Flags for the truncated variants (each record cut at every length).
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]];

/// The captures in tests/data/vpn/.
const NAMES: &[&str] = &["ah", "isakmp", "radius", "l2tp", "krb"];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/vpn")
        .join(format!("{name}.pcap"))
}

/// Where the protocol under test starts in an Ethernet frame: past the IPv4 or
/// IPv6 header, and past the UDP ports for the UDP services.
fn payload_start(name: &str, d: &[u8]) -> usize {
    let ip_end = match (d.get(14), d.get(20), d.get(55)) {
        (Some(v), _, _) if v >> 4 == 4 => 14 + usize::from(v & 0xf) * 4,
        // Past an IPv6 destination-options header.
        (_, Some(60), Some(n)) => 54 + (usize::from(*n) + 1) * 8,
        _ => 54,
    };
    let ports = if name == "ah" { 0 } else { 4 };
    (ip_end + ports).min(d.len())
}

/// Every record of `name` cut to each length from the start of the protocol
/// under test to one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), "vpn", &file, |_, d| payload_start(name, d))
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

#[test]
fn ah() {
    golden("ah");
}

/// IKEv1 and IKEv2 on UDP 500, 7500 and 8500, and NAT-T on UDP 4500.
#[test]
fn isakmp() {
    golden("isakmp");
}

/// RADIUS authentication, accounting and dynamic authorization, with EAP.
#[test]
fn radius() {
    golden("radius");
}

/// L2TP control messages with their AVPs and data messages carrying PPP.
#[test]
fn l2tp() {
    golden("l2tp");
}

/// Kerberos 4 messages (and Kerberos 5, which tcpdump only names) on UDP 88/750.
#[test]
fn krb() {
    golden("krb");
}

/// Packets whose two ports both have a printer: the one tcpdump tries first
/// prints them.
#[test]
fn dispatch_order() {
    assert_same(&data("ports"), &[&["-n"], &["-nv"], &["-nq"]]);
}

/// Without -n: addresses, ports and protocols by name (tcpdump's resolver waits
/// on DNS, so this is one run per capture).
#[test]
fn names_without_n() {
    for name in NAMES {
        assert_same(&data(name), &[&["-ttv"]]);
    }
}

/// Copies of every record of `name` with 1 to 4 random byte changes past the
/// start of the protocol under test, cut at a random length.
fn mutated(rng: &mut Rng, name: &str, copies: usize) -> (LinkType, Vec<Rec>) {
    let (lt, recs) = read_pcap(&data(name));
    let out = mutants(&recs, copies, |d| {
        let mut start = payload_start(name, d);
        let mut span = d.len() - start;
        if name == "ah" && span > 12 {
            // The AH fields past the next-header byte only: other values
            // there would test other protocols' printers.
            start += 1;
            span = 11;
        }
        if name == "l2tp" && span > 6 {
            // Not the flags (which would turn AVPs into PPP frames), and only
            // the ids of data messages (the PPP printer's own tests cover
            // the rest).
            let control = d[start + 4] & 0x80 != 0;
            start += 6;
            span = if control { span - 6 } else { (span - 6).min(4) };
        }
        if span == 0 {
            return false;
        }
        change_bytes(rng, d, start, span);
        cut(rng, d, start);
        true
    });
    (lt, out)
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for name in NAMES {
        let (lt, recs) = mutated(&mut rng, name, 40);
        let file = format!("{name}-mutated.pcap");
        assert_same_recs("vpn", &file, lt, &recs, &[&["-n"], &["-nv"], &["-nvv"]]);
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
