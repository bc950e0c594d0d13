//! Golden tests for the IS-IS extended TLV printers (src/print/isis_ext.rs,
//! called from the OSI TLV loop): rfilter against the tcpdump binary, line by
//! line, over the LSPs in tests/data/isisext/ (written by
//! tests/data/make_isisext.py), over every truncation of each packet, and over
//! mutated packets (against tcpdump, and many more that must only never panic).
mod print_support;

use print_support::suite::Suite;
use rfilter::LinkType;

const SUITE: Suite = Suite {
    dir: "isisext",
    names: &["isisext", "isisext-edge"],
};

/// Well-formed extended TLVs: extended IS reachability (22, 24 alias, 222 with
/// every MT ID kind) with each traffic-engineering sub-TLV (admin groups, link
/// identifiers, interface and neighbor addresses, bandwidths including inf and
/// NaN, unreserved bandwidth, TE metric, link attribute, link protection,
/// bandwidth constraints in the MAM, RDM and extended models, SPB metric,
/// interface switching capability of each class, LAN Adj-SID with label, index
/// and invalid flags, unknown and Cisco-reserved sub-TLVs); extended IPv4 and
/// IPv6 reachability (135, 235, 236, 237) with admin tags, prefix SIDs and
/// colors; router capability (242) with SR capabilities; SPB port capability
/// (143: MCID, digest, BVID) and MT capability (144: SPB instance with trees,
/// SPBM service identifiers).
#[test]
fn well_formed() {
    SUITE.golden("isisext");
}

/// Lies and short data: sub-TLV sums longer than the TLV or shorter than a
/// sub-TLV, entries running past their TLV, bad prefix lengths, sub-TLV sums
/// that wrap, short prefix SIDs, router capability sub-TLVs past the TLV and
/// SR capabilities shorter than their header, SPB sub-TLVs too short or too
/// long and trees past their sub-TLV, a PDU length shorter than the TLVs.
#[test]
fn edge_cases() {
    SUITE.golden("isisext-edge");
}

/// Host names instead of numbers.
#[test]
fn without_n() {
    SUITE.names_without_n();
}

/// Mutated packets: every line as tcpdump prints it.
#[test]
fn mutated_vs_tcpdump() {
    SUITE.mutated_vs_tcpdump(
        &[LinkType::En10mb],
        &[&["-n"], &["-nv"], &["-nvv"], &["-ne"]],
    );
}

/// Many more mutated packets: no panic at any verbosity.
#[test]
fn mutated_never_panic() {
    SUITE.mutated_never_panic();
}
