//! Golden tests for the OpenFlow printer (TCP ports 6653 and 6633): rfilter
//! against the tcpdump binary, line by line, over the captures in
//! tests/data/openflow/ (written by tests/data/make_openflow.py).
mod print_support;

use print_support::suite::{FLAGS, Suite};
use print_support::{Rec, assert_same, read_pcap, tmpdir, write_pcap};
use rfilter::LinkType;

const SUITE: Suite = Suite {
    dir: "openflow",
    names: &["openflow", "openflow-v10", "openflow-v13"],
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

/// OpenFlow 1.0 bodies as tcpdump decodes them with -v, -vv and -vvv: errors,
/// vendor messages with the Big Switch subtypes, features with ports, configs,
/// packet-in and packet-out with their frames, flow messages with matches and
/// every action, port and queue messages, statistics of every type; bogus
/// values and malformed inner lengths. Every segment is also cut at every
/// length.
#[test]
fn openflow_v10() {
    SUITE.golden("openflow-v10");
}

/// OpenFlow 1.3 bodies as tcpdump 4.99 decodes them: HELLO elements (version
/// bitmaps, unknown and malformed elements), errors of every type,
/// experimenter messages, features, switch configs, port status and port mod,
/// table mod, queue config request, roles, async configs; and the types its
/// 1.3 decoder leaves undecoded (packet-in/out, flow-mod, multipart, ...).
/// Every segment is also cut at every length.
#[test]
fn openflow_v13() {
    SUITE.golden("openflow-v13");
}

/// The 1.0 capture cut at every length past the TCP header, at -vvv (nested
/// frames decoded, and cut) and -vvvv: a frame cut short leaves tcpdump's
/// verbosity three levels lower for the packets after it, as rfilter's.
#[test]
fn openflow_v10_cuts_vvv() {
    let (lt, recs) = read_pcap(&SUITE.data("openflow-v10"));
    let mut out = Vec::new();
    for r in &recs {
        // Ethernet, IPv4 and TCP headers without options.
        for n in 54..r.data.len() {
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: r.data[..n].to_vec(),
            });
        }
        out.push(r.clone());
    }
    let path = tmpdir("openflow").join("openflow-v10-cut-vvv.pcap");
    write_pcap(&path, lt, &out, false);
    let (c, m) = assert_same(&path, &[&["-nvvv"], &["-nevvvv"]]);
    eprintln!("openflow-v10 cuts at -vvv: {m} of {c} lines identical to tcpdump");
}

/// Every 1.0 and 1.3 message type with body lengths around its size rule (the
/// bodies are patterned bytes, so the -v decoders meet odd values and
/// lengths everywhere), and types of the versions whose types tcpdump does not
/// name, at every flag set of the suite.
#[test]
fn every_message_type() {
    let (c, m) = assert_same(&SUITE.data("openflow-types"), FLAGS);
    eprintln!("openflow-types: {m} of {c} lines identical to tcpdump");
}

/// 1.0 and 1.3 messages of random types with seeded random bodies, at every
/// flag set of the suite.
#[test]
fn random_bodies() {
    let (c, m) = assert_same(&SUITE.data("openflow-random"), FLAGS);
    eprintln!("openflow-random: {m} of {c} lines identical to tcpdump");
}

/// Without -n: addresses and ports by name.
#[test]
fn names_without_n() {
    SUITE.names_without_n();
}

/// Mutated packets against tcpdump at every flag set of the suite: every line
/// agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    SUITE.mutated_vs_tcpdump(&[LinkType::En10mb], FLAGS);
}

/// Many more mutated packets: the printer never panics.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}
