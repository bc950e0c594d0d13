//! Golden tests for the LDP, OLSR, LMP, IPX and lwres printers: rfilter against
//! the tcpdump binary, line by line, over the captures in tests/data/ldp/
//! (written by tests/data/make_ldp.py), over every truncation of each of their
//! packets, over lowered UDP lengths, and over mutated packets (which must never
//! panic).
mod print_support;

use print_support::assert_same;
use print_support::suite::Suite;
use rfilter::LinkType;

/// The hand-built captures in tests/data/ldp/.
const SUITE: Suite = Suite {
    dir: "ldp",
    names: &[
        "ldp", "olsr", "lmp", "ipx", "lwres", "ipx_sll", "ipx_sll2", "ipx_ppp",
    ],
};

/// LDP over UDP (hellos) and TCP (session messages): every message type, every
/// TLV tcpdump decodes, IPv4/IPv6 prefix and Martini VC FECs, short and
/// overlong TLVs, messages and PDUs, several PDUs in one segment.
#[test]
fn ldp() {
    SUITE.golden("ldp");
}

/// OLSR over IPv4 and IPv6: hello and hello-LQ links, TC and TC-LQ, MID, HNA
/// (with smart gateways and odd masks), name service, unknown messages, bad and
/// zero message lengths, short packets.
#[test]
fn olsr() {
    SUITE.golden("olsr");
}

/// LMP: every message type, every object class and C-type tcpdump decodes
/// (data link subobjects, channel status, UNI service config), wrong sizes,
/// unknown C-types and classes, bad object and message lengths.
#[test]
fn lmp() {
    SUITE.golden("lmp");
}

/// IPX over Ethernet II, raw 802.3, 802.2 LLC and SNAP: SAP requests and
/// responses (service names without -n), RIP, NetBIOS, NCP, diagnostics,
/// NWLink, EIGRP and unknown sockets, bad IPX lengths, short entries.
#[test]
fn ipx() {
    SUITE.golden("ipx");
}

/// IPX in Linux cooked captures v1 and v2 (raw 802.3, 802.2 LLC and
/// ethertype, each also behind an 802.1Q tag), with every cut of each record
/// (the cooked header included).
#[test]
fn ipx_sll() {
    SUITE.golden("ipx_sll");
    SUITE.golden("ipx_sll2");
}

/// IPX over PPP, with every cut of each record.
#[test]
fn ipx_ppp() {
    SUITE.golden("ipx_ppp");
}

/// lwres: noop and every query and response opcode, address families, names
/// without their NUL, record types and classes, unknown opcodes, flags,
/// versions and length mismatches.
#[test]
fn lwres() {
    SUITE.golden("lwres");
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
        &[
            LinkType::En10mb,
            LinkType::LinuxSll,
            LinkType::LinuxSll2,
            LinkType::Ppp,
        ],
        &[&["-n"], &["-nv"], &["-nvv"]],
    );
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}
