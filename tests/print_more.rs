//! Golden tests for the VXLAN-GPE/NSH, LISP control, MSDP, RPKI-RTR and zephyr
//! printers: rfilter against the tcpdump binary, line by line, over the captures
//! in tests/data/more/ (written by tests/data/make_more.py), over every truncation of each of their
//! packets, over lowered UDP lengths, and over mutated packets (which must never
//! panic).
mod print_support;

use print_support::{Rec, assert_same, read_pcap, tmpdir, write_pcap};
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
];

/// Flags for the truncated variants (each record cut at every length).
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]];

/// The hand-built captures in tests/data/more/.
const NAMES: &[&str] = &["gpe", "lisp", "msdp", "rpki", "zephyr", "ahcp", "babel"];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/more")
        .join(format!("{name}.pcap"))
}

/// Where the application payload starts: past the UDP or TCP header of IPv4
/// or IPv6 (no extension headers) in an Ethernet frame, past the link header
/// otherwise; never past the frame's end.
fn payload_start(lt: LinkType, d: &[u8]) -> usize {
    let link = match lt {
        LinkType::LinuxSll => 16,
        LinkType::LinuxSll2 => 20,
        LinkType::Ppp => 4,
        _ => 14,
    };
    if lt != LinkType::En10mb {
        return link.min(d.len());
    }
    let (l4, proto) = match d.get(14) {
        Some(v) if v >> 4 == 4 => (14 + usize::from(v & 0xf) * 4, d.get(23).copied()),
        Some(v) if v >> 4 == 6 => (14 + 40, d.get(20).copied()),
        _ => (14, None),
    };
    let end = match proto {
        Some(17) => l4 + 8,
        Some(6) => l4 + d.get(l4 + 12).map_or(20, |v| usize::from(v >> 4) * 4),
        _ => l4,
    };
    end.min(d.len())
}

/// Offset of the UDP length field, if the frame is IPv4/IPv6 UDP.
fn udp_len_at(d: &[u8]) -> Option<usize> {
    match d.get(14) {
        Some(v) if v >> 4 == 4 && d.get(23) == Some(&17) => Some(14 + usize::from(v & 0xf) * 4 + 4),
        Some(v) if v >> 4 == 6 && d.get(20) == Some(&17) => Some(14 + 40 + 4),
        _ => None,
    }
}

/// Every record of `name` cut to each length from the start of its payload to
/// one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let (lt, recs) = read_pcap(&data(name));
    let mut out = Vec::new();
    for r in &recs {
        for n in payload_start(lt, &r.data)..r.data.len() {
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: r.data[..n].to_vec(),
            });
        }
    }
    let path = tmpdir("more").join(format!("{name}-cut.pcap"));
    write_pcap(&path, lt, &out, false);
    path
}

/// Every UDP record of `name` with its UDP length field lowered to each value
/// from 8 (no payload) to one byte short of the payload it carries: the
/// printers must stop at the UDP length, not at the end of the capture.
fn short_udp_variants(name: &str) -> PathBuf {
    let (lt, recs) = read_pcap(&data(name));
    let mut out = Vec::new();
    for r in &recs {
        let Some(at) = udp_len_at(&r.data) else {
            continue;
        };
        let end = at + 4;
        if end > r.data.len() {
            continue;
        }
        let ulen = usize::from(u16::from_be_bytes([r.data[at], r.data[at + 1]]));
        for new in 8..ulen.min(r.data.len() - end + 8) {
            let mut d = r.data.clone();
            d[at..at + 2].copy_from_slice(&(new as u16).to_be_bytes());
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: d,
            });
        }
    }
    let path = tmpdir("more").join(format!("{name}-udplen.pcap"));
    write_pcap(&path, lt, &out, false);
    path
}

fn golden(name: &str) {
    let (c1, m1) = assert_same(&data(name), FLAGS);
    let (c2, m2) = assert_same(&cut_variants(name), CUT_FLAGS);
    let (c3, m3) = assert_same(&short_udp_variants(name), CUT_FLAGS);
    eprintln!(
        "{name}: {} of {} lines identical to tcpdump",
        m1 + m2 + m3,
        c1 + c2 + c3
    );
}

/// VXLAN-GPE with each next protocol (IPv4, IPv6, Ethernet, NSH, unknown),
/// every flag, short headers; NSH with MD types 1 and 2 (TLVs, padding, bad
/// lengths), every next protocol, other versions; NSH on ethertype 0x894f.
#[test]
fn vxlan_gpe_nsh() {
    golden("gpe");
}

/// LISP control: Map-Request, Map-Reply, ECM, reserved and unknown types;
/// Map-Register and Map-Notify with every flag, authentication data, IPv4 and
/// IPv6 EIDs and locators, xTR-ID and site ID, LCAF and unknown AFIs, zero or
/// missing records and locators, a 16-bit offset that wraps, trailing data.
#[test]
fn lisp() {
    golden("lisp");
}

/// MSDP: SA (with entries and with an encapsulated packet), SA-Response,
/// SA-Request, Keepalive, Notification and unknown TLVs, several TLVs a
/// segment, segments that do not start a message, long and short TLV lengths.
#[test]
fn msdp() {
    golden("msdp");
}

/// RPKI-RTR: every PDU type, IPv4 and IPv6 prefixes, error reports with
/// encapsulated (and nested) PDUs and text, unknown types and versions, PDU,
/// encapsulated-PDU and text lengths that do not fit.
#[test]
fn rpki_rtr() {
    golden("rpki");
}

/// Zephyr: messages, every notice kind (hex with signs, prefixes and
/// overflow), acks and naks, location, admin and control classes and
/// opcodes, other versions, missing fields, escaped bytes, long fields.
#[test]
fn zephyr() {
    golden("zephyr");
}

/// AHCP: every message type and option, bad option, body and header
/// lengths, other versions and magic numbers, over IPv6 and IPv4.
#[test]
fn ahcp() {
    golden("ahcp");
}

/// Babel: every TLV type (hello, IHU, router id, next hop, updates with
/// omitted bytes and remembered prefixes, requests, source-specific TLVs, MAC,
/// PC, challenges), sub-TLVs, trailers, and each length check.
#[test]
fn babel() {
    golden("babel");
}

/// HNCP: DNCP node endpoints, network and node state with nested HNCP TLVs
/// (version, external connections, delegated and assigned prefixes, prefix
/// policies, DHCPv4/DHCPv6 data, addresses, zones, names, PSK), the in-line
/// summary at low verbosity, and each length check.
#[test]
fn hncp() {
    golden("hncp");
}

/// These ports against each other and against the ports rfilter decodes, both
/// ways, over UDP and TCP: the printer chosen follows tcpdump's order.
#[test]
fn port_precedence() {
    let (c, m) = assert_same(&data("ports"), &[&["-n"], &["-nv"], &["-nq"]]);
    eprintln!("ports: {m} of {c} lines identical to tcpdump");
}

/// Without -n: addresses and ports by name (tcpdump's resolver waits on DNS, so
/// this is one run per capture).
#[test]
fn names_without_n() {
    for name in NAMES {
        assert_same(&data(name), &[&["-ttv"]]);
    }
}

/// A small deterministic generator for the mutation tests.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Each record of every capture `copies` times with random byte changes past
/// the transport header (the ports stay, so the packets stay with these
/// printers), cut at a random length.
fn mutated(rng: &mut Rng, copies: usize) -> Vec<(LinkType, Rec)> {
    let mut out = Vec::new();
    for name in NAMES {
        let (lt, recs) = read_pcap(&data(name));
        for r in &recs {
            for _ in 0..copies {
                let mut d = r.data.clone();
                let start = payload_start(lt, &d);
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
                out.push((
                    lt,
                    Rec {
                        ts: r.ts,
                        wire_len: r.wire_len,
                        data: d,
                    },
                ));
            }
        }
    }
    out
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let all = mutated(&mut rng, 30);
    let recs: Vec<Rec> = all
        .iter()
        .filter(|(l, _)| *l == LinkType::En10mb)
        .map(|(_, r)| r.clone())
        .collect();
    assert!(!recs.is_empty(), "no mutated records");
    let path = tmpdir("more").join("mutated.pcap");
    write_pcap(&path, LinkType::En10mb, &recs, false);
    let (c, m) = assert_same(&path, &[&["-n"], &["-nv"], &["-nvv"], &["-nvvv"]]);
    eprintln!("mutated: {m} of {c} lines identical to tcpdump");
}

fn opts(flags: &[&str]) -> PrintOptions {
    use clap::Parser;
    let mut argv = vec!["rfilter"];
    argv.extend_from_slice(flags);
    PrintOptions::from_args(&rfilter::cli::Args::try_parse_from(argv).unwrap())
}

/// Many more mutated packets, printed with each flag set: the printers must not
/// panic.
#[test]
fn mutated_packets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let flag_sets: Vec<PrintOptions> = FLAGS.iter().map(|f| opts(f)).collect();
    let mut printed = 0usize;
    for (lt, r) in mutated(&mut rng, 300) {
        for o in &flag_sets {
            let pkt = PacketRef {
                ts: r.ts,
                wire_len: r.wire_len,
                data: &r.data,
            };
            let s = format_one(o.clone(), lt, &pkt);
            assert!(s.ends_with('\n'));
            printed += 1;
        }
    }
    assert!(printed > 10000, "only {printed} packets printed");
}
