//! Golden tests for the ZEP printer (UDP port 17754) with the IEEE 802.15.4
//! frames it carries, wb (UDP port 4567), BEEP (TCP port 10288) and the AFS
//! rx header (UDP ports 7000-7009): rfilter against the tcpdump binary, line
//! by line, over the captures in tests/data/zep/ (written by
//! tests/data/make_zep.py, make_wb.py, make_beep.py and make_rx.py), over
//! every truncation of each packet, over lowered UDP lengths, and over mutated
//! packets (which must never panic).
mod print_support;

use print_support::assert_same;
use print_support::suite::Suite;
use rfilter::LinkType;

/// The hand-built captures in tests/data/zep/ (make_zep.py, make_wb.py); these
/// two are also mutated and printed without -n.
const SUITE: Suite = Suite {
    dir: "zep",
    names: &["zep", "wb"],
};

/// ZEP v1 and v2 (data, ack, odd versions, short headers, bad preambles, odd
/// timestamps, inner lengths past the packet) carrying 802.15.4 beacons, data,
/// acks, every MAC command tcpdump decodes and multipurpose frames, with and
/// without a valid FCS, every addressing mode and PAN ID compression rule,
/// auxiliary security headers of every key id mode, header and payload IEs,
/// malformed frames.
#[test]
fn zep() {
    SUITE.golden("zep");
}

/// wb (UDP destination port 4567): kill, announcement, repair request and
/// reply, drawing operations (every type, skips and holes), page requests and
/// replies, unknown types, short messages.
#[test]
fn wb() {
    SUITE.golden("wb");
}

/// A wb message from each port rfilter decodes: the printer chosen follows
/// tcpdump's order.
#[test]
fn wb_port_precedence() {
    let (c, m) = assert_same(&SUITE.data("wb-ports"), &[&["-n"], &["-nv"], &["-nq"]]);
    eprintln!("wb-ports: {m} of {c} lines identical to tcpdump");
}

/// BEEP (TCP port 10288): every frame keyword, near misses (three-letter
/// keywords without their NUL, lower case, short segments), port precedence
/// against the TCP printers; each segment also cut at every length.
#[test]
fn beep() {
    SUITE.golden("beep");
}

/// AFS rx headers (ports 7000-7009) of the packets whose line rfilter prints in
/// full: every type but acks and first data packets, every flag, short
/// headers; cut at every length and with lowered UDP lengths.
#[test]
fn rx() {
    SUITE.golden("rx");
}

/// An rx packet from and to each port rfilter decodes: the printer chosen
/// follows tcpdump's order.
#[test]
fn rx_port_precedence() {
    let (c, m) = assert_same(&SUITE.data("rx-ports"), &[&["-n"], &["-nv"], &["-nq"]]);
    eprintln!("rx-ports: {m} of {c} lines identical to tcpdump");
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
