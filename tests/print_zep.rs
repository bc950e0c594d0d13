//! Golden tests for the ZEP printer (UDP port 17754) with the IEEE 802.15.4
//! frames it carries, wb (UDP port 4567), BEEP (TCP port 10288) and the AFS
//! rx header (UDP ports 7000-7009): rfilter against the tcpdump binary, line
//! by line, over the captures in tests/data/zep/ (written by
//! tests/data/make_zep.py, make_wb.py, make_beep.py and make_rx.py), over
//! every truncation of each packet, over lowered UDP lengths, and over mutated
//! packets (which must never panic).
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

/// The hand-built captures in tests/data/zep/ (make_zep.py, make_wb.py).
const NAMES: &[&str] = &["zep", "wb"];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/zep")
        .join(format!("{name}.pcap"))
}

/// End of the UDP header of an Ethernet frame carrying IPv4 or IPv6 (no
/// extension headers), or the frame's length.
fn udp_end(d: &[u8]) -> usize {
    let end = match d.get(14) {
        Some(v) if v >> 4 == 4 => 14 + usize::from(v & 0xf) * 4 + 8,
        Some(v) if v >> 4 == 6 => 14 + 40 + 8,
        _ => d.len(),
    };
    end.min(d.len())
}

/// Every record of `name` cut to each length from the end of the UDP header to
/// one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let (lt, recs) = read_pcap(&data(name));
    let mut out = Vec::new();
    for r in &recs {
        for n in udp_end(&r.data)..r.data.len() {
            out.push(Rec {
                ts: r.ts,
                wire_len: r.wire_len,
                data: r.data[..n].to_vec(),
            });
        }
    }
    let path = tmpdir("zep").join(format!("{name}-cut.pcap"));
    write_pcap(&path, lt, &out, false);
    path
}

/// Every record of `name` with its UDP length field lowered to each value from 8
/// (no payload) to one byte short of the payload it carries: the printers must
/// stop at the UDP length, not at the end of the capture.
fn short_udp_variants(name: &str) -> PathBuf {
    let (lt, recs) = read_pcap(&data(name));
    let mut out = Vec::new();
    for r in &recs {
        let end = udp_end(&r.data);
        if end < 8 || end > r.data.len() {
            continue;
        }
        let at = end - 4;
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
    let path = tmpdir("zep").join(format!("{name}-udplen.pcap"));
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

/// ZEP v1 and v2 (data, ack, odd versions, short headers, bad preambles, odd
/// timestamps, inner lengths past the packet) carrying 802.15.4 beacons, data,
/// acks, every MAC command tcpdump decodes and multipurpose frames, with and
/// without a valid FCS, every addressing mode and PAN ID compression rule,
/// auxiliary security headers of every key id mode, header and payload IEs,
/// malformed frames.
#[test]
fn zep() {
    golden("zep");
}

/// wb (UDP destination port 4567): kill, announcement, repair request and
/// reply, drawing operations (every type, skips and holes), page requests and
/// replies, unknown types, short messages.
#[test]
fn wb() {
    golden("wb");
}

/// A wb message from each port rfilter decodes: the printer chosen follows
/// tcpdump's order.
#[test]
fn wb_port_precedence() {
    let (c, m) = assert_same(&data("wb-ports"), &[&["-n"], &["-nv"], &["-nq"]]);
    eprintln!("wb-ports: {m} of {c} lines identical to tcpdump");
}

/// BEEP (TCP port 10288): every frame keyword, near misses (three-letter
/// keywords without their NUL, lower case, short segments), port precedence
/// against the TCP printers; each segment also cut at every length.
#[test]
fn beep() {
    let (c1, m1) = assert_same(&data("beep"), FLAGS);
    let (c2, m2) = assert_same(&cut_variants("beep"), CUT_FLAGS);
    eprintln!(
        "beep: {} of {} lines identical to tcpdump",
        m1 + m2,
        c1 + c2
    );
}

/// AFS rx headers (ports 7000-7009) of the packets whose line rfilter prints in
/// full: every type but acks and first data packets, every flag, short
/// headers; cut at every length and with lowered UDP lengths.
#[test]
fn rx() {
    golden("rx");
}

/// An rx packet from and to each port rfilter decodes: the printer chosen
/// follows tcpdump's order.
#[test]
fn rx_port_precedence() {
    let (c, m) = assert_same(&data("rx-ports"), &[&["-n"], &["-nv"], &["-nq"]]);
    eprintln!("rx-ports: {m} of {c} lines identical to tcpdump");
}

/// Without -n: addresses and ports by name (one run; tcpdump's resolver waits
/// on DNS).
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

/// Each record of every capture `copies` times with random byte changes past the
/// UDP header (the ports stay, so the packets stay with these printers), cut at a
/// random length.
fn mutated(rng: &mut Rng, copies: usize) -> Vec<(LinkType, Rec)> {
    let mut out = Vec::new();
    for name in NAMES {
        let (lt, recs) = read_pcap(&data(name));
        for r in &recs {
            for _ in 0..copies {
                let mut d = r.data.clone();
                let start = udp_end(&d);
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
    let recs: Vec<Rec> = mutated(&mut rng, 30).into_iter().map(|(_, r)| r).collect();
    let path = tmpdir("zep").join("mutated.pcap");
    write_pcap(&path, LinkType::En10mb, &recs, false);
    let (c, m) = assert_same(&path, &[&["-n"], &["-nv"], &["-nvv"]]);
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
