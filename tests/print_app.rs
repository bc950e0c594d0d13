//! Golden tests for the application printers of src/print/{sip.rs,bgp/,eapol.rs,nfs/}:
//! rfilter against the tcpdump binary, line by line, over the captures in
//! tests/data/print-app/ (written by tests/data/make_print_app.py), over every
//! truncation of each of their packets, and over mutated packets (compared with
//! tcpdump too, and printed with every flag set, where they must never panic).
//!
//! `cargo test --test print_app -- --nocapture` prints the line counts; a soak run
//! compares more mutants: `APP_MUTANTS=1000 APP_SEED=7 cargo test --release --test print_app`.
mod print_support;

use print_support::mutate::{Rng, mutants, mutate_past, opts_each, print_all};
use print_support::suite::{FLAGS, cut_variants_of};
use print_support::{Rec, assert_same, assert_same_recs, read_pcap};
use rfilter::LinkType;
use std::path::PathBuf;

/// Flags for the truncated and mutated variants.
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"]];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/print-app")
        .join(format!("{name}.pcap"))
}

/// Where a packet's application bytes start: past Ethernet (and VLAN tags), the
/// IPv4/IPv6 header and the transport ports, so that mutations keep the packet on
/// the printer under test.
/// Ports of printers other than this file's (the dispatch-order packets of the
/// captures use them): mutants of those packets would test those printers.
const OTHER_PORTS: &[u16] = &[22, 23, 25, 53, 80, 514, 4789, 5353, 6081, 6635, 49152];

fn payload_start(lt: LinkType, d: &[u8]) -> (usize, Option<(u16, u16)>) {
    let mut off = if lt == LinkType::LinuxSll { 14 } else { 12 };
    let mut et = u16::from_be_bytes([d[off], d[off + 1]]);
    while et == 0x8100 {
        off += 4;
        et = u16::from_be_bytes([d[off], d[off + 1]]);
    }
    off += 2;
    let (proto, l4) = match et {
        0x0800 => (d[off + 9], off + usize::from(d[off] & 0xf) * 4),
        0x86dd => (d[off + 6], off + 40),
        _ => return (off, None),
    };
    let ports = d.get(l4..l4 + 4).map(|p| {
        (
            u16::from_be_bytes([p[0], p[1]]),
            u16::from_be_bytes([p[2], p[3]]),
        )
    });
    match proto {
        // Past the ports and, for TCP, the whole header.
        6 => (
            l4 + usize::from(d.get(l4 + 12).copied().unwrap_or(0x50) >> 4) * 4,
            ports,
        ),
        17 => (l4 + 8, ports),
        _ => (l4, None),
    }
}

/// Every record of `name` cut to each length from the start of its link header's
/// payload to one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), "app", &file, |_, d| 14.min(d.len()))
}

/// `copies` mutants of every record of `name`: a few random bytes of the
/// application payload changed (to 0, 0xff or random), then cut at a random length.
fn mutated(name: &str, rng: &mut Rng, copies: usize) -> (LinkType, Vec<Rec>) {
    let (lt, recs) = read_pcap(&data(name));
    let out = mutants(&recs, copies, |d| {
        let (start, ports) = payload_start(lt, d);
        if ports.is_some_and(|(a, b)| OTHER_PORTS.contains(&a) || OTHER_PORTS.contains(&b)) {
            return false;
        }
        mutate_past(rng, d, start.min(d.len()))
    });
    (lt, out)
}

/// Full packets at every flag set, every truncation, and mutants (vs tcpdump, and
/// with every flag set for panics).
fn golden(name: &str) {
    let (c1, m1) = assert_same(&data(name), FLAGS);
    let (c2, m2) = assert_same(&cut_variants(name), CUT_FLAGS);
    // APP_MUTANTS=N and APP_SEED=S widen the comparison of mutants for a soak run.
    let env = |k: &str, d: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let mut rng = Rng(env("APP_SEED", 0x2545_f491_4f6c_dd1d) ^ name.len() as u64);
    let (lt, recs) = mutated(name, &mut rng, env("APP_MUTANTS", 30) as usize);
    let file = format!("{name}-mutated.pcap");
    let (c3, m3) = assert_same_recs("app", &file, lt, &recs, CUT_FLAGS);
    eprintln!(
        "{name}: {} of {} lines identical to tcpdump",
        m1 + m2 + m3,
        c1 + c2 + c3
    );
    let (lt, recs) = mutated(name, &mut rng, 300);
    print_all(lt, &recs, &opts_each(FLAGS));
}

#[test]
fn sip() {
    golden("sip");
}

#[test]
fn bgp() {
    golden("bgp");
}

#[test]
fn eapol() {
    golden("eapol");
}

/// EAPOL under Linux cooked headers (captures on "any").
#[test]
fn eapol_sll() {
    golden("eapol_sll");
}

#[test]
fn nfs() {
    golden("nfs");
}

/// Without -n: addresses (BGP identifiers and next hops, NFS peers too) and
/// ports by name.
#[test]
fn names_without_n() {
    for name in ["sip", "bgp", "eapol", "eapol_sll", "nfs"] {
        assert_same(&data(name), &[&["-v"]]);
    }
}
