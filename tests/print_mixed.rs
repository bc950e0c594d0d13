//! Golden tests over mixed traffic: DNS names at the length limit and with
//! reserved label types, the rarer ICMPv6 messages (node information, router
//! renumbering, RPL, mobile IPv6 discovery), text protocols on TCP, and
//! scapy-fuzzed common protocols.
//! rfilter against the tcpdump binary, line by line, over the captures in
//! tests/data/mixed/ (written by tests/data/make_mixed.py) and over every
//! truncation of the DNS and ICMPv6 packets.
mod print_support;

use print_support::{Rec, assert_same, read_pcap, tmpdir, write_pcap};
use std::path::PathBuf;

const FLAGS: &[&[&str]] = &[
    &["-n"],
    &["-nv"],
    &["-nvv"],
    &["-nvvv"],
    &["-ne"],
    &["-nq"],
    &["-nx"],
    &["-nA"],
];

/// Flags for the truncated variants (each record cut at every length).
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"]];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/mixed")
        .join(format!("{name}.pcap"))
}

/// Every record of `name` cut to each length past `from` bytes.
fn cut_variants(name: &str, from: usize) -> PathBuf {
    let (lt, recs) = read_pcap(&data(name));
    let mut out = Vec::new();
    for r in &recs {
        for n in from.min(r.data.len())..r.data.len() {
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: r.data[..n].to_vec(),
            });
        }
    }
    let path = tmpdir("mixed").join(format!("{name}-cut.pcap"));
    write_pcap(&path, lt, &out, false);
    path
}

#[test]
fn dns_names() {
    assert_same(&data("dnsnames"), FLAGS);
    // Past the Ethernet, IPv4 and UDP headers.
    assert_same(&cut_variants("dnsnames", 42), CUT_FLAGS);
}

#[test]
fn icmp6_rare_messages() {
    assert_same(&data("icmp6rare"), FLAGS);
    // Past the Ethernet and IPv6 headers.
    assert_same(&cut_variants("icmp6rare", 54), CUT_FLAGS);
}

/// Text protocols on TCP, BOOTP name fields, ICMP quotes of short datagrams.
#[test]
fn services() {
    assert_same(&data("services"), FLAGS);
    assert_same(&cut_variants("services", 34), CUT_FLAGS);
}

/// IPv6 payload lengths of 0 (jumbograms) and shorter than the header chain.
#[test]
fn ip6_payload_lengths() {
    assert_same(&data("ip6len"), FLAGS);
    assert_same(&cut_variants("ip6len", 54), CUT_FLAGS);
}

#[test]
fn fuzzed_common_protocols() {
    assert_same(&data("fuzzmix"), FLAGS);
    assert_same(&data("fuzzmix2"), FLAGS);
}
