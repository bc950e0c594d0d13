//! Golden tests for the AFS rx service decoders (UDP ports 7000-7009):
//! rfilter against the tcpdump binary, line by line, over the captures in
//! tests/data/rx/ (written by tests/data/make_rx2.py), over every truncation of
//! each packet, over lowered UDP lengths, and over mutated packets (which must
//! never panic). Calls and replies sit in one capture so that replies are
//! decoded through the call cache, as tcpdump does.
mod print_support;

use print_support::suite::Suite;
use rfilter::LinkType;

const SUITE: Suite = Suite {
    dir: "rx",
    names: &["afs", "ack", "odd"],
};

/// AFS sessions: calls of every service (fs, cb, pt, vldb, kauth, vol, bos,
/// ubik) with their arguments, then replies and aborts decoded by the call's
/// opcode; replies with no call or a mismatched key; IPv6.
#[test]
fn afs_sessions() {
    SUITE.golden("afs");
}

/// Acknowledgement bodies: ack and nack ranges, every reason, with and
/// without the trailing MTU and window words, short bodies.
#[test]
fn acks() {
    SUITE.golden("ack");
}

/// Malformed bodies: strings over their limit or cut short, odd ACL texts,
/// counts past the data, bare headers, and more calls than the cache holds.
#[test]
fn malformed() {
    SUITE.golden("odd");
}

/// Without -n: addresses and ports by name.
#[test]
fn names_without_n() {
    SUITE.names_without_n();
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    SUITE.mutated_vs_tcpdump(&[LinkType::En10mb], &[&["-n"], &["-nv"], &["-nvv"]]);
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}

/// Every opcode of every service with random bodies and random replies and
/// aborts (make_rx2.py's fixed seed), at the main flag sets.
#[test]
fn random_bodies() {
    let (c, m) = print_support::assert_same(
        &SUITE.data("random"),
        &[&["-n"], &["-nv"], &["-nvv"], &["-nvvv"], &["-nX"]],
    );
    eprintln!("random: {m} of {c} lines identical to tcpdump");
}
