//! Golden tests for fixes to existing printers found by running tcpdump's own
//! test captures with extra flags: the ForCES decoder (SCTP DATA chunks with a
//! ForCES PPID or port), VRRP, OUI names, STP SPB, -AA, Frame Relay default dumps, IPv6 routing header cuts, ICMPv6 options, rfilter against the tcpdump binary line by line over
//! the captures in tests/data/fixes2/ (written by tests/data/make_fixes2.py),
//! over every truncation of each packet, and over mutated packets (which must
//! never panic).
mod print_support;

use print_support::assert_same;
use print_support::suite::Suite;
use rfilter::LinkType;

const SUITE: Suite = Suite {
    dir: "fixes2",
    names: &["forces"],
};

/// ForCES: every message type, LFB-select, operation and PATH-DATA TLVs with
/// FULLDATA, SPARSEDATA, RESULT and KEYINFO contents, table ranges and
/// appends, nested path data, RCommit, redirect metadata, teardown and
/// association results, and malformed lengths at every level.
#[test]
fn forces() {
    SUITE.golden("forces");
    // -vvvv adds the raw message dump.
    let (c, m) = assert_same(&SUITE.data("forces"), &[&["-nvvvv"], &["-nvvvv", "-x"]]);
    eprintln!("forces -vvvv: {m} of {c} lines identical to tcpdump");
    let cut = SUITE.cut_variants("forces");
    let (c, m) = assert_same(&cut, &[&["-nvvv"], &["-nvvvv"]]);
    eprintln!("forces cut -vvv/-vvvv: {m} of {c} lines identical to tcpdump");
}

/// VRRP v2 and v3 advertisements whose IP length stops anywhere inside the
/// message (tcpdump reads the checksum field before it reports a bad checksum),
/// and source MACs with the OUIs tcpdump names (Broadcom, PMC-Sierra,
/// Ericsson).
#[test]
fn vrrp_and_ouis() {
    SUITE.golden("misc");
    let (c, m) = assert_same(&SUITE.data("misc"), &[&["-tte"], &["-ttev"]]);
    eprintln!("misc without -n: {m} of {c} lines identical to tcpdump");
}

/// STP 802.1aq (SPB) BPDUs: the SPB part after the MSTP one with -v, short
/// and long v4 lengths, odd names, MSTIs.
#[test]
fn stp_spb() {
    SUITE.golden("stp");
}

/// -AA prints the whole frame, link header included, in ASCII.
#[test]
fn ascii_with_link_header() {
    for name in ["misc", "stp", "forces"] {
        let (c, m) = assert_same(&SUITE.data(name), &[&["-nAA"], &["-nvAA"], &["-neA"]]);
        eprintln!("{name} -AA: {m} of {c} lines identical to tcpdump");
    }
}

/// Frame Relay with unknown NLPIDs and SNAP types: the default hex dump of a
/// short capture ends the packet as truncated, so -X then dumps the whole
/// frame.
#[test]
fn frame_relay_default_dump() {
    SUITE.golden("fr");
    let cut = SUITE.cut_variants("fr");
    let (c, m) = assert_same(&cut, &[&["-nX"], &["-nXX"], &["-nA"], &["-ne"]]);
    eprintln!("fr cut -X/-A: {m} of {c} lines identical to tcpdump");
}

/// IPv6 routing headers (type 0, type 4, after hop-by-hop options); the cuts
/// include a capture that ends right after the IPv6 header, which tcpdump
/// marks as IPv6's truncation.
#[test]
fn ip6_routing_header_cuts() {
    SUITE.golden("ip6rt");
}

/// ICMPv6 neighbour discovery options and MLDv2: a short or malformed option is
/// tcpdump's own stop (` [|icmp6]`, -x from the network header), a field cut
/// by the capture abandons the packet (-x of the whole frame).
#[test]
fn icmp6_nd_options() {
    SUITE.golden("icmp6nd");
    let cut = SUITE.cut_variants("icmp6nd");
    let (c, m) = assert_same(&cut, &[&["-nvvv"], &["-nveX"]]);
    eprintln!("icmp6nd cut -vvv/-veX: {m} of {c} lines identical to tcpdump");
}

/// Without -n: addresses and ports by name.
#[test]
fn names_without_n() {
    SUITE.names_without_n();
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    SUITE.mutated_vs_tcpdump(&[LinkType::En10mb], &[&["-n"], &["-nvv"], &["-nvvv"]]);
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}
