//! Golden tests for the TCP service printers of src/print/tcpsvc.rs — telnet
//! option negotiation (port 23), PPTP control messages (1723) and RESP/Redis
//! (6379) — and for NetBIOS/SMB traffic: rfilter against the tcpdump binary, line
//! by line, over the captures in tests/data/tcpsvc/ (written by
//! tests/data/make_tcpsvc.py), over every truncation of each packet's payload,
//! and over mutated packets (compared with tcpdump, and never a panic).
mod print_support;

use print_support::mutate::{Rng, change_bytes, cut, mutants, opts_each, print_captures};
use print_support::suite::cut_variants_of;
use print_support::{Rec, assert_same, assert_same_recs, opts, read_pcap};
use rfilter::LinkType;
use rfilter::packet::PacketRef;
use rfilter::print::format_one;
use std::path::PathBuf;

const FLAGS: &[&[&str]] = &[
    &["-n"],
    &["-nv"],
    &["-nvv"],
    &["-nvvv"],
    &["-ne"],
    &["-nq"],
    &["-nx"],
    &["-nX", "-vvv"],
    &["-nA"],
    &["-nxx"],
];

/// Flags for the truncated and mutated variants.
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"], &["-nX", "-vvv"]];

/// The captures in tests/data/tcpsvc/.
const NAMES: [&str; 3] = ["telnet", "pptp", "resp"];

/// Where the TCP payload starts in the IPv4 packets of the captures (Ethernet,
/// IPv4 and TCP headers without options).
const PAYLOAD: usize = 54;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/tcpsvc")
        .join(format!("{name}.pcap"))
}

/// Every record of `name` cut to each length from the start of the TCP payload
/// to one byte short of complete.
fn cut_variants(name: &str) -> PathBuf {
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), "tcpsvc", &file, |_, d| PAYLOAD.min(d.len()))
}

fn golden(name: &str) {
    assert_same(&data(name), FLAGS);
    assert_same(&cut_variants(name), CUT_FLAGS);
}

/// Without -n: addresses and port names (`telnet`, `pptp`, `redis`) as tcpdump
/// resolves them; one run per capture, since lookups are slow.
#[test]
fn names_without_n() {
    for name in NAMES {
        assert_same(&data(name), &[&["-v"]]);
    }
}

#[test]
fn telnet() {
    golden("telnet");
}

#[test]
fn pptp() {
    golden("pptp");
}

#[test]
fn resp() {
    golden("resp");
}

/// `copies` variants of every packet with random payload bytes changed (to 0,
/// 0xff, or anything) and a random cut past the TCP header.
fn mutated(rng: &mut Rng, name: &str, copies: usize) -> (LinkType, Vec<Rec>) {
    let (lt, recs) = read_pcap(&data(name));
    let out = mutants(&recs, copies, |d| {
        let start = PAYLOAD.min(d.len());
        let span = d.len() - start;
        if span == 0 {
            return false;
        }
        change_bytes(rng, d, start, span);
        if rng.next().is_multiple_of(2) {
            cut(rng, d, start);
        }
        true
    });
    (lt, out)
}

/// Mutated packets of every capture against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    for name in NAMES {
        let (lt, recs) = mutated(&mut rng, name, 8);
        let file = format!("{name}-mutated.pcap");
        assert_same_recs("tcpsvc", &file, lt, &recs, CUT_FLAGS);
    }
}

/// Many more mutations, printed with every flag set: the printers must not panic.
#[test]
fn mutated_packets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let captures = NAMES.iter().map(|name| mutated(&mut rng, name, 60));
    let printed = print_captures(captures, &opts_each(FLAGS));
    assert!(printed > 10000, "only {printed} packets printed");
}

/// RESP arrays nested as deep as a packet allows print without exhausting the
/// stack (tcpdump recurses; rfilter walks them with a list).
#[test]
fn resp_deep_nesting() {
    let (lt, recs) = read_pcap(&data("resp"));
    let mut d = recs[0].data[..PAYLOAD].to_vec();
    let body = b"*1\r\n".repeat(60000);
    d.extend_from_slice(&body);
    let ip_len = (d.len() - 14) as u16;
    d[16..18].copy_from_slice(&ip_len.to_be_bytes());
    let pkt = PacketRef {
        ts: recs[0].ts,
        wire_len: d.len() as u32,
        data: &d,
    };
    let s = format_one(opts(&["-n"]), lt, &pkt);
    assert!(s.ends_with(": RESP [|resp]\n"), "{s}");
}

/// NetBIOS name/datagram service (UDP 137/138), the session service (TCP 139)
/// and SMB/SMB2 over TCP 445. The tcpdump 4.99.3 this project matches is built
/// without its SMB printers, so it prints these as plain UDP/TCP at every
/// verbosity; rfilter must do the same.
#[test]
fn netbios_and_smb() {
    golden("netbios");
}
