//! Golden tests for the Ethernet-level protocols reached by their ethertype:
//! ATA over Ethernet, MACsec, Arista's timestamp header, CFM (802.1ag /
//! Y.1731), TIPC, GeoNetworking, CALM FAST (also over Frame Relay), Realtek's
//! protocols, AppleTalk ARP and DDP, 802.1aq (SPB) BPDUs, and a frame of every
//! ethertype tcpdump names: rfilter against the tcpdump binary, line by line,
//! over the captures in tests/data/ethertypes/ (written by
//! tests/data/make_ethertypes.py), over every truncation of each packet, and
//! over mutated packets (which must never panic).
mod print_support;

use print_support::assert_same;
use print_support::suite::Suite;
use rfilter::LinkType;

/// The hand-built captures in tests/data/ethertypes/; these are also mutated
/// and printed without -n.
const SUITE: Suite = Suite {
    dir: "ethertypes",
    names: &[
        "aoe", "macsec", "arista", "cfm", "tipc", "geonet", "spb", "named", "realtek", "aarp",
        "atalk",
    ],
};

/// Flags that change these printers' output beyond the harness's set: the link
/// header together with -v or -q, and the hex dump of the whole frame.
const MORE_FLAGS: &[&[&str]] = &[&["-nev"], &["-neq"], &["-nxx"], &["-neX"]];

fn golden(name: &str) {
    SUITE.golden(name);
    let (c, m) = assert_same(&SUITE.data(name), MORE_FLAGS);
    eprintln!("{name} (-e with -v/-q, -xx, -eX): {m} of {c} lines identical to tcpdump");
}

/// AoE v1: every command (ATA issue, query config with config strings and
/// every CCmd, MAC mask lists with directives, reserve/release), every flag
/// and error code, argument lengths too short or inconsistent, other versions.
#[test]
fn aoe() {
    golden("aoe");
}

/// MACsec SecTAGs: every TCI flag combination with and without an SCI,
/// encrypted and changed payloads (dumped), integrity-only payloads decoded
/// after the ICV is cut off, short lengths valid, shorter and longer than the
/// data, version bit and bad short-length bits, VLAN tags, LLC and nested
/// SecTAGs after it, frames too short for the SecTAG or the ICV.
#[test]
fn macsec() {
    golden("macsec");
}

/// Arista timestamp headers: 64-bit and 48-bit formats, every timescale and
/// hardware value, second overflows, unknown subtypes and formats, followed
/// by IPv4, VLAN tags, MPLS, ARP, another Arista header, MACsec, LLC and
/// unknown types; Arista after a VLAN tag.
#[test]
fn arista() {
    golden("arista");
}

/// CFM: CCMs at every interval with and without RDI, every MD and MA name
/// format and bad name lengths; LTM, LTR (every flag and reply action), LBM,
/// LBR and unknown opcodes; every TLV type, Sender ID TLVs of every chassis ID
/// type with network and management addresses, TLVs too short or too long,
/// other versions, first TLV offsets out of range.
#[test]
fn cfm() {
    golden("cfm");
}

/// TIPC: every user with short and long headers and every message type;
/// neighbor detection, internal and payload messages cut short.
#[test]
fn tipc() {
    golden("tipc");
}

/// GeoNetworking (both ethertypes): every header type and subtype, every next
/// header with BTP and ITS PDU headers of each message type, extended headers
/// that do not fit, short common headers; CALM FAST of every length.
#[test]
fn geonet() {
    golden("geonet");
}

/// CALM FAST, GeoNetworking, TIPC, CFM and AoE behind Frame Relay's
/// Cisco-style ethertype (no link-layer source address to show).
#[test]
fn frame_relay() {
    golden("frelay");
}

/// 802.1aq (SPB) BPDUs: the v4 part with every agreement field, valid and
/// too-short v4 lengths.
#[test]
fn spb() {
    golden("spb");
}

/// A frame of every ethertype tcpdump names (and a few it does not): names
/// with -e and -q, and the printer each one reaches.
#[test]
fn named_ethertypes() {
    golden("named");
}

/// Realtek's protocols: RRCP hello, get and set queries and replies, unknown
/// opcodes, REP, RLDP and the switch tags; short frames.
#[test]
fn realtek() {
    golden("realtek");
}

/// AppleTalk ARP: request, reply and probe, unknown operations and address
/// formats, short and truncated packets, AARP in SNAP.
#[test]
fn aarp() {
    golden("aarp");
}

/// AppleTalk DDP: NBP lookups, broadcasts and replies (names of every
/// length, anomalies, truncation), ATP requests, responses and releases with
/// every control flag and bitmap, the other DDP types, short headers, DDP in
/// SNAP under Apple's OUI.
#[test]
fn atalk() {
    golden("atalk");
}

/// Without -n: addresses by name.
#[test]
fn names_without_n() {
    SUITE.names_without_n();
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    SUITE.mutated_vs_tcpdump(
        &[LinkType::En10mb],
        &[&["-n"], &["-nv"], &["-nvv"], &["-ne"]],
    );
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}
