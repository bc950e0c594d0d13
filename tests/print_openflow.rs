//! Golden tests for the OpenFlow printer (TCP ports 6653 and 6633): rfilter
//! against the tcpdump binary, line by line, over the captures in
//! tests/data/openflow/ (written by tests/data/make_openflow.py).
mod print_support;

use print_support::assert_same;
use print_support::suite::Suite;
use rfilter::LinkType;

const SUITE: Suite = Suite {
    dir: "openflow",
    names: &["openflow"],
};

/// Messages rfilter prints in full at every verbosity: HELLO and ECHO data,
/// bodiless types, unknown versions and types, lengths that break the type's
/// size rule or run past the segment, several messages per segment, segments
/// ending inside a header; both ports, IPv6, and OpenFlow chosen before HTTP.
/// Every segment is also cut at every length.
#[test]
fn openflow() {
    SUITE.golden("openflow");
}

/// Every 1.0 and 1.3 message type with body lengths around its size rule, and
/// types of the versions whose types tcpdump does not name, at the verbosities
/// where tcpdump prints the message headers only.
#[test]
fn every_message_type() {
    let flags: &[&[&str]] = &[&["-n"], &["-ne"], &["-nq"], &["-nx"], &["-nA"]];
    let (c, m) = assert_same(&SUITE.data("openflow-types"), flags);
    eprintln!("openflow-types: {m} of {c} lines identical to tcpdump");
}

/// Without -n: addresses and ports by name.
#[test]
fn names_without_n() {
    SUITE.names_without_n();
}

/// Mutated packets against tcpdump, at default verbosity (a mutated type may
/// have a body tcpdump decodes with -v): every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    SUITE.mutated_vs_tcpdump(&[LinkType::En10mb], &[&["-n"], &["-ne"]]);
}

/// Many more mutated packets: the printer never panics.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}
