//! Golden tests for the OSI printer (IS-IS, CLNP, ES-IS and the NLPID
//! dispatch): rfilter against the tcpdump binary, line by line, over the
//! captures in tests/data/osi/ (written by tests/data/make_osi.py), over every
//! truncation of each packet, and over mutated packets (against tcpdump, and
//! many more that must only never panic). The captures carry the PDUs on
//! 802.3/LLC frames and on every link that hands OSI over: ethertype 0xfefe
//! (also under SNAP), GRE, MPLS, Cisco HDLC, Frame Relay, PPP and BSD loopback.
mod print_support;

use print_support::suite::Suite;
use rfilter::LinkType;

/// The LLC captures are also mutated and printed without -n.
const SUITE: Suite = Suite {
    dir: "osi",
    names: &["isis", "isisx", "clnp", "esis"],
};

/// IS-IS: LAN and point-to-point hellos, LSPs, CSNPs and PSNPs with every
/// classic TLV (area addresses, IS and ES neighbors, IS reachability, IPv4
/// reachability with contiguous and odd masks, interface addresses, hostname,
/// TE router ID, SRLG, LSP entries, checksum, purge originator, restart
/// signaling, instance ID, authentication of each kind, IDRP, partition DIS,
/// prefix neighbors, vendor private, unknown TLVs), LSP checksums good and
/// bad, short TLVs, and every header check (version, ID length, fixed length,
/// max areas, PDU length, unknown PDU types).
#[test]
fn isis() {
    SUITE.golden("isis");
}

/// CLNP: data, error reports quoting the original PDU (every discard reason
/// class), echo requests and replies, segmentation part, every option (source
/// routing and route recording with bad offsets, QoS, security, priority,
/// padding, unknown), bad options, bad header lengths, short addresses; and the
/// other NLPIDs (null, IPv4, IPv6, unknown).
#[test]
fn clnp() {
    SUITE.golden("clnp");
}

/// ES-IS: ESH, ISH, redirects with 6-byte, odd and empty SNPAs, options
/// (configuration time, protocols supported, others), short bodies, unknown
/// PDU types, bad versions and length indicators.
#[test]
fn esis() {
    SUITE.golden("esis");
}

/// OSI over Ethernet ethertype 0xfefe (also in SNAP), GRE protocol 0x00fe and
/// MPLS (first payload byte 0x81-0x83).
#[test]
fn ether_links() {
    SUITE.golden("ether");
}

/// Cisco HDLC protocol 0xfefe, with and without the byte before the NLPID.
#[test]
fn chdlc() {
    SUITE.golden("chdlc");
}

/// Frame Relay NLPIDs 0x81-0x83.
#[test]
fn frame_relay() {
    SUITE.golden("fr");
}

/// PPP protocol 0x0023.
#[test]
fn ppp() {
    SUITE.golden("ppp");
}

/// BSD loopback address family 7.
#[test]
fn null() {
    SUITE.golden("null");
}

/// Host names instead of numbers.
#[test]
fn without_n() {
    SUITE.names_without_n();
}

/// Mutated LLC captures: every line as tcpdump prints it.
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

/// The extended TLVs (bodies printed by `isis_ext`) inside the TLV loop: the
/// multi-topology IDs of TLVs 222, 229, 235 and 237, entries that run past
/// their TLV ("remaining tlv length"), decoders that stop the PDU, router
/// capability and SPB sub-TLVs.
#[test]
fn isis_extended() {
    SUITE.golden("isisx");
}

/// isis_ext's own captures (tests/data/isisext/, written by
/// tests/data/make_isisext.py) through the real TLV loop.
#[test]
fn isisext_captures() {
    const EXT: Suite = Suite {
        dir: "isisext",
        names: &[],
    };
    EXT.golden("isisext");
    EXT.golden("isisext-edge");
}
