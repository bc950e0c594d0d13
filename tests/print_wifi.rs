//! Golden tests for the IEEE 802.11 link types: bare frames (DLT_IEEE802_11),
//! radiotap (DLT_IEEE802_11_RADIO), Prism (DLT_PRISM_HEADER), AVS
//! (DLT_IEEE802_11_RADIO_AVS) and PPI (DLT_PPI) — rfilter against the tcpdump
//! binary, line by line, over the captures in tests/data/wifi/ (written by
//! tests/data/make_wifi.py), over every truncation of each packet from its
//! first byte, and over mutated packets (which must never panic).
mod print_support;

use print_support::suite::{CUT_FLAGS, Suite};
use print_support::{Rec, assert_same, read_pcap, tmpdir, write_pcap};
use rfilter::LinkType;

const SUITE: Suite = Suite {
    dir: "wifi",
    names: &["wifi", "radiotap", "prism", "avs", "ppi"],
};

/// The link types of the captures, for the mutation tests.
const LINK_TYPES: [LinkType; 5] = [
    LinkType::Other(105),
    LinkType::Other(127),
    LinkType::Other(119),
    LinkType::Other(163),
    LinkType::Other(192),
];

/// Every record of `name` cut to each length from 1 byte to one short of
/// complete (the shared suite cuts from byte 14 on), printed with the cut
/// flags and with -e.
fn every_cut(name: &str) -> (usize, usize) {
    let (lt, recs) = read_pcap(&SUITE.data(name));
    let mut out = Vec::new();
    for r in &recs {
        for n in 1..r.data.len() {
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: r.data[..n].to_vec(),
            });
        }
    }
    let path = tmpdir("wifi").join(format!("{name}-every-cut.pcap"));
    write_pcap(&path, lt, &out, false);
    let mut flags: Vec<&[&str]> = CUT_FLAGS.to_vec();
    flags.push(&["-ne"]);
    flags.push(&["-nevv"]);
    assert_same(&path, &flags)
}

fn golden(name: &str) {
    SUITE.golden(name);
    let (c, m) = every_cut(name);
    eprintln!("{name} (cut from byte 1): {m} of {c} lines identical to tcpdump");
}

/// Beacons and probe responses (SSID with odd bytes, rates, channel, TIM, CF,
/// challenge text, elements too long or cut short), probe requests,
/// (re)association requests and responses with every status code,
/// disassociation and deauthentication with every reason code,
/// authentication of every algorithm and sequence number, protected
/// management frames, action frames of every category tcpdump names; every
/// control subtype; data frames of every subtype and To/From DS combination
/// carrying IPv4, IPv6, ARP, EAPOL, STP, IPX and other LLC payloads, protected
/// data frames (IV, pad, key id), null frames, frame control flags for -v -e;
/// reserved frame types and short frames.
#[test]
fn ieee802_11() {
    golden("wifi");
}

/// Radiotap headers: every field tcpdump decodes (TSFT, flags, rate, channel
/// with every channel flag, FHSS, signal and noise, attenuation, power,
/// antenna, RX flags, XChannel, MCS with every index, bandwidth and guard
/// interval, A-MPDU, VHT), alignment of each field, FCS and Atheros padding,
/// fields of unknown size, extended presence words in the radiotap and vendor
/// namespaces, headers whose fields or presence words overrun their length.
#[test]
fn radiotap() {
    golden("radiotap");
}

/// Prism headers, and AVS headers behind the Prism link type.
#[test]
fn prism() {
    golden("prism");
}

/// AVS headers of both versions, odd header lengths.
#[test]
fn avs() {
    golden("avs");
}

/// PPI headers in front of 802.11, radiotap, Prism, AVS, Ethernet, cooked,
/// loopback, raw IP, PPP and Cisco HDLC frames, nested PPI, link types
/// without a printer, bad lengths.
#[test]
fn ppi() {
    golden("ppi");
}

/// Without -n: addresses with their vendor (OUI) names.
#[test]
fn names_without_n() {
    SUITE.names_without_n();
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    SUITE.mutated_vs_tcpdump(&LINK_TYPES, &[&["-n"], &["-nv"], &["-nevv"]]);
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    SUITE.mutated_never_panic();
}
