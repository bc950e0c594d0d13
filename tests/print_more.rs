//! Golden tests for the VXLAN-GPE/NSH, LISP control, MSDP, RPKI-RTR and zephyr
//! printers: rfilter against the tcpdump binary, line by line, over the captures
//! in tests/data/more/ (written by tests/data/make_more.py), over every truncation of each of their
//! packets, over lowered UDP lengths, and over mutated packets (which must never
//! panic).
mod print_support;

use print_support::assert_same;
use print_support::suite::Suite;
use rfilter::LinkType;

/// The hand-built captures in tests/data/more/.
const SUITE: Suite = Suite {
    dir: "more",
    names: &["gpe", "lisp", "msdp", "rpki", "zephyr", "ahcp", "babel"],
};

/// VXLAN-GPE with each next protocol (IPv4, IPv6, Ethernet, NSH, unknown),
/// every flag, short headers; NSH with MD types 1 and 2 (TLVs, padding, bad
/// lengths), every next protocol, other versions; NSH on ethertype 0x894f.
#[test]
fn vxlan_gpe_nsh() {
    SUITE.golden("gpe");
}

/// LISP control: Map-Request, Map-Reply, ECM, reserved and unknown types;
/// Map-Register and Map-Notify with every flag, authentication data, IPv4 and
/// IPv6 EIDs and locators, xTR-ID and site ID, LCAF and unknown AFIs, zero or
/// missing records and locators, a 16-bit offset that wraps, trailing data.
#[test]
fn lisp() {
    SUITE.golden("lisp");
}

/// MSDP: SA (with entries and with an encapsulated packet), SA-Response,
/// SA-Request, Keepalive, Notification and unknown TLVs, several TLVs a
/// segment, segments that do not start a message, long and short TLV lengths.
#[test]
fn msdp() {
    SUITE.golden("msdp");
}

/// RPKI-RTR: every PDU type, IPv4 and IPv6 prefixes, error reports with
/// encapsulated (and nested) PDUs and text, unknown types and versions, PDU,
/// encapsulated-PDU and text lengths that do not fit.
#[test]
fn rpki_rtr() {
    SUITE.golden("rpki");
}

/// Zephyr: messages, every notice kind (hex with signs, prefixes and
/// overflow), acks and naks, location, admin and control classes and
/// opcodes, other versions, missing fields, escaped bytes, long fields.
#[test]
fn zephyr() {
    SUITE.golden("zephyr");
}

/// AHCP: every message type and option, bad option, body and header
/// lengths, other versions and magic numbers, over IPv6 and IPv4.
#[test]
fn ahcp() {
    SUITE.golden("ahcp");
}

/// Babel: every TLV type (hello, IHU, router id, next hop, updates with
/// omitted bytes and remembered prefixes, requests, source-specific TLVs, MAC,
/// PC, challenges), sub-TLVs, trailers, and each length check.
#[test]
fn babel() {
    SUITE.golden("babel");
}

/// HNCP: DNCP node endpoints, network and node state with nested HNCP TLVs
/// (version, external connections, delegated and assigned prefixes, prefix
/// policies, DHCPv4/DHCPv6 data, addresses, zones, names, PSK), the in-line
/// summary at low verbosity, and each length check.
#[test]
fn hncp() {
    SUITE.golden("hncp");
}

/// These ports against each other and against the ports rfilter decodes, both
/// ways, over UDP and TCP: the printer chosen follows tcpdump's order.
#[test]
fn port_precedence() {
    let (c, m) = assert_same(&SUITE.data("ports"), &[&["-n"], &["-nv"], &["-nq"]]);
    eprintln!("ports: {m} of {c} lines identical to tcpdump");
}

/// Without -n: addresses and ports by name.
#[test]
fn names_without_n() {
    SUITE.names_without_n();
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    SUITE.mutated_vs_tcpdump(
        &[LinkType::En10mb],
        &[&["-n"], &["-nv"], &["-nvv"], &["-nvvv"]],
    );
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}
