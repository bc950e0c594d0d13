//! Golden tests over mixed traffic: DNS names at the length limit and with
//! reserved label types, the rarer ICMPv6 messages (node information, router
//! renumbering, RPL, mobile IPv6 discovery), text protocols on TCP, and
//! scapy-fuzzed common protocols.
//! rfilter against the tcpdump binary, line by line, over the captures in
//! tests/data/mixed/ (written by tests/data/make_mixed.py) and over every
//! truncation of the DNS and ICMPv6 packets.
mod print_support;

use print_support::assert_same;
use print_support::suite::{self, Suite, cut_variants_of};
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
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), "mixed", &file, |_, d| from.min(d.len()))
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

/// Captures of tests/data/make_fixes1.py: DNS records and EDNS options, ARP of
/// every hardware type, DHCP, MPTCP v1, IP options cut short, ICMP extension
/// objects and RPL options. Mutated and printed without -n too.
const FIXES: Suite = Suite {
    dir: "mixed",
    names: &[
        "dnsrr", "arpmore", "mptcp1", "ipopts", "icmpext", "rplopts", "icmp6nd", "ip6ext",
    ],
};

/// DNS records of every type tcpdump decodes (A6, URI, UNSPECA, TSIG, SOA, SRV
/// ...), EDNS options (algorithm lists, CHAIN, EXPIRE, ECS valid or not),
/// extended response codes, bit-string and unknown label types, names past 255
/// characters followed by bad labels or pointers.
#[test]
fn dns_records() {
    FIXES.golden("dnsrr");
}

/// ARP of every hardware type, Frame Relay (DLCI) and ATM (RFC 2225) ARP of
/// every operation, odd address lengths.
#[test]
fn arp_hardware_types() {
    FIXES.golden("arpmore");
}

/// DHCP message types (leasequery too) and every option code at several
/// lengths (not cut: the capture is large).
#[test]
fn dhcp_options() {
    let (c, m) = assert_same(&FIXES.data("dhcpmore"), suite::FLAGS);
    eprintln!("dhcpmore: {m} of {c} lines identical to tcpdump");
}

/// MPTCP MP_CAPABLE of versions 0, 1 and others at every length and TCP flag
/// combination.
#[test]
fn mptcp_capable() {
    FIXES.golden("mptcp1");
}

/// Record-route, source-route and timestamp options whose hops run past the
/// header.
#[test]
fn ip_options_cut() {
    FIXES.golden("ipopts");
}

/// ICMP errors with RFC 4884 extensions: MPLS label stacks, interface
/// identification objects, unknown classes, bad lengths and checksums.
#[test]
fn icmp_extensions() {
    FIXES.golden("icmpext");
}

/// RPL DIO, DAO and DAO-ACK with pad1, padN and other options, short ones.
#[test]
fn rpl_options() {
    FIXES.golden("rplopts");
}

/// ICMPv6 of every type with short bodies, unreachable-port quotes of every
/// next header, neighbour-discovery options of every type and length.
#[test]
fn icmp6_nd_options() {
    FIXES.golden("icmp6nd");
}

/// IPv6 hop-by-hop and destination options of every kind (home address,
/// jumbo twice, router alert), routing headers of types 0, 2, 3 and 4 at every
/// length.
#[test]
fn ip6_extension_headers() {
    FIXES.golden("ip6ext");
}

#[test]
fn fixes_mutated_vs_tcpdump() {
    FIXES.mutated_vs_tcpdump(&[LinkType::En10mb], &[&["-n"], &["-nv"], &["-nvv"]]);
}

#[test]
fn fixes_mutated_never_panic() {
    FIXES.mutated_never_panic();
}

#[test]
fn fixes_without_n() {
    FIXES.names_without_n();
}
