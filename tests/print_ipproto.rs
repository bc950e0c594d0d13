//! Golden tests for the IP-level and UDP-service printers (SCTP, OSPF, PIM, RSVP,
//! IGMP, SNMP, syslog, mDNS/LLMNR): rfilter against the tcpdump binary, line by
//! line, over the captures in tests/data/ipproto/ (written by
//! tests/data/make_ipproto.py), over every truncation of each of their packets,
//! and over mutated packets (which must never panic).
mod print_support;

use print_support::mutate::Rng;
use print_support::{Rec, assert_same, opts, read_pcap, tmpdir, write_pcap};
use rfilter::LinkType;
use rfilter::packet::PacketRef;
use rfilter::print::{PrintOptions, format_one};
use std::path::PathBuf;

const FLAGS: &[&[&str]] = &[
    &["-n"],
    &["-nv"],
    &["-nvv"],
    &["-nvvv"],
    &["-ne"],
    &["-nq"],
    &["-nx"],
    &["-nvX"],
    &["-nA"],
    &["-nxx"],
];

/// Flags for the truncated variants (each record cut at every length).
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"], &["-nvA"]];

/// The captures in tests/data/ipproto/.
const NAMES: [&str; 8] = [
    "sctp", "ospf", "ospf6", "pim", "igmp", "snmp", "rsvp", "udpsvc",
];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ipproto")
        .join(format!("{name}.pcap"))
}

/// Every record of `name` cut to each length from the end of the Ethernet and
/// IP headers (34 bytes) to one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let (lt, recs) = read_pcap(&data(name));
    let mut out = Vec::new();
    for r in &recs {
        for n in 34.min(r.data.len())..r.data.len() {
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: r.data[..n].to_vec(),
            });
        }
    }
    let path = tmpdir("ipproto").join(format!("{name}-cut.pcap"));
    write_pcap(&path, lt, &out, false);
    path
}

fn golden(name: &str) {
    assert_same(&data(name), FLAGS);
    assert_same(&cut_variants(name), CUT_FLAGS);
}

#[test]
fn sctp() {
    golden("sctp");
}

#[test]
fn ospf() {
    golden("ospf");
}

#[test]
fn ospf6() {
    golden("ospf6");
}

#[test]
fn pim() {
    golden("pim");
}

#[test]
fn igmp() {
    golden("igmp");
}

#[test]
fn snmp() {
    golden("snmp");
    // Object names from tcpdump's compiled-in MIB (no -n).
    assert_same(&data("snmp"), &[&["-tt"], &["-ttv"]]);
}

#[test]
fn rsvp() {
    golden("rsvp");
}

/// Syslog, LLMNR (which tcpdump 4.99 does not decode) and mDNS.
#[test]
fn udp_services() {
    golden("udpsvc");
}

/// Without -n: addresses and ports by name (tcpdump's resolver waits on DNS, so
/// this is one run per capture).
#[test]
fn names_without_n() {
    for name in NAMES {
        assert_same(&data(name), &[&["-ttv"]]);
    }
}

/// The captures with random byte changes past the link and IPv4 headers.
fn mutated(rng: &mut Rng, copies: usize) -> Vec<(LinkType, Vec<u8>, Rec)> {
    let mut out = Vec::new();
    for name in NAMES {
        let (lt, recs) = read_pcap(&data(name));
        for r in &recs {
            for _ in 0..copies {
                let mut d = r.data.clone();
                // Past the network header (and a UDP service's ports), so that the
                // packets stay with this module's printers.
                let ip_end = match d.get(14) {
                    Some(v) if v >> 4 == 4 => 14 + usize::from(v & 0xf) * 4,
                    _ => 54,
                };
                let ports = if name == "snmp" || name == "udpsvc" {
                    4
                } else {
                    0
                };
                let start = (ip_end + ports).min(d.len());
                let span = d.len() - start;
                if span == 0 {
                    continue;
                }
                for _ in 0..1 + rng.next() % 4 {
                    let i = start + (rng.next() as usize % span);
                    d[i] = match rng.next() % 4 {
                        0 => 0,
                        1 => 0xff,
                        _ => rng.next() as u8,
                    };
                }
                let cut = start + rng.next() as usize % (span + 1);
                d.truncate(cut);
                out.push((lt, d, r.clone()));
            }
        }
    }
    out
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let recs: Vec<Rec> = mutated(&mut rng, 40)
        .into_iter()
        .map(|(_, d, r)| Rec {
            ts: r.ts,
            wire_len: r.wire_len,
            data: d,
        })
        .collect();
    let path = tmpdir("ipproto").join("mutated.pcap");
    write_pcap(&path, LinkType::En10mb, &recs, false);
    assert_same(&path, &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]]);
}

/// Random byte changes past the IP header of every packet of every capture,
/// printed with each flag set: the printers must not panic.
#[test]
fn mutated_packets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let names = ["sctp", "ospf", "ospf6", "pim", "igmp", "snmp", "rsvp"];
    let flag_sets: Vec<PrintOptions> = FLAGS.iter().map(|f| opts(f)).collect();
    let mut printed = 0usize;
    for name in names {
        let (lt, recs) = read_pcap(&data(name));
        assert_eq!(lt, LinkType::En10mb);
        for r in &recs {
            for _ in 0..200 {
                let mut d = r.data.clone();
                // Past the network header (and a UDP service's ports), so that the
                // packets stay with this module's printers.
                let ip_end = match d.get(14) {
                    Some(v) if v >> 4 == 4 => 14 + usize::from(v & 0xf) * 4,
                    _ => 54,
                };
                let ports = if name == "snmp" || name == "udpsvc" {
                    4
                } else {
                    0
                };
                let start = (ip_end + ports).min(d.len());
                let span = d.len() - start;
                if span == 0 {
                    continue;
                }
                for _ in 0..1 + rng.next() % 4 {
                    let i = start + (rng.next() as usize % span);
                    d[i] = match rng.next() % 4 {
                        0 => 0,
                        1 => 0xff,
                        _ => rng.next() as u8,
                    };
                }
                let cut = start + rng.next() as usize % (span + 1);
                d.truncate(cut);
                for o in &flag_sets {
                    let pkt = PacketRef {
                        ts: r.ts,
                        wire_len: r.wire_len,
                        data: &d,
                    };
                    let s = format_one(o.clone(), lt, &pkt);
                    assert!(s.ends_with('\n'));
                    printed += 1;
                }
            }
        }
    }
    assert!(printed > 1000, "only {printed} packets printed");
}
