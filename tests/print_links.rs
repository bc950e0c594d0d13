//! Golden tests for the link types and old protocols of `src/print/slip.rs`,
//! `atm.rs`, `atalk.rs`, `decnet.rs`, `pktap.rs` and `enc.rs`: SLIP (with Van
//! Jacobson compressed and uncompressed TCP headers under -e), SunATM and RFC
//! 1483 ATM (Q.2931 signalling, OAM cells, ILMI, LANE, LLC/SNAP, RFC 2684
//! bridging, Cisco NLPID), AppleTalk (DDP, NBP, ATP, AARP) over Ethernet,
//! SNAP, LocalTalk, BSD loopback and ARCnet, DECnet, Apple's PKTAP and
//! OpenBSD's enc. rfilter against the tcpdump binary, line by line, over the
//! captures in tests/data/links/ (written by tests/data/make_links.py), over
//! every truncation of each packet (from the first byte, so the link headers
//! are cut too), and over mutated packets (against tcpdump, and many more
//! that must only never panic).
mod print_support;

use print_support::mutate::{Rng, change_bytes, cut, mutants, opts_each, print_all};
use print_support::suite::{CUT_FLAGS, FLAGS, Suite, cut_variants_of};
use print_support::{Rec, assert_same, assert_same_recs, read_pcap, tmpdir, write_pcap};

const SUITE: Suite = Suite {
    dir: "links",
    names: &[
        "slip",
        "sunatm",
        "rfc1483",
        "ethertalk",
        "ltalk",
        "null-atalk",
        "arcnet-atalk",
        "decnet",
        "pktap",
        "enc",
        "kip",
    ],
};

/// Flags for the cut and mutated variants: the link header (-e) matters here.
const VARIANT_FLAGS: &[&[&str]] = &[&["-ne"], &["-nev"]];

/// Every record of `name` cut to each length from one byte to one byte short
/// of complete.
fn cut_variants(name: &str) -> std::path::PathBuf {
    let file = format!("{name}-cut-all.pcap");
    cut_variants_of(&SUITE.data(name), SUITE.dir, &file, |_, _| 1)
}

/// Each record of `name` `copies` times with one to four bytes changed within
/// its first `span` bytes (the link and protocol headers these printers
/// read), then cut at a random length.
fn mutated(name: &str, rng: &mut Rng, copies: usize, span: usize) -> Vec<Rec> {
    let (_, recs) = read_pcap(&SUITE.data(name));
    mutants(&recs, copies, |d| {
        let n = d.len().min(span);
        if n == 0 {
            return false;
        }
        change_bytes(rng, d, 0, n);
        cut(rng, d, 1);
        true
    })
}

fn golden(name: &str) {
    let (c1, m1) = assert_same(&SUITE.data(name), FLAGS);
    let (c2, m2) = assert_same(&cut_variants(name), CUT_FLAGS);
    let (c3, m3) = assert_same(&cut_variants(name), VARIANT_FLAGS);
    eprintln!(
        "{name}: {} of {} lines identical to tcpdump",
        m1 + m2 + m3,
        c1 + c2 + c3
    );
}

/// SLIP: IP both ways, uncompressed TCP in several connection slots,
/// compressed TCP with every change-mask field in one- and three-byte form,
/// the special "same as last time" encodings (whose lengths carry over from
/// earlier packets), unknown link-level types, bad directions, IPv6, bad IP
/// versions, short packets.
#[test]
fn slip() {
    golden("slip");
}

/// SunATM: LLC and LANE circuits (control frames, LEC ids before Ethernet
/// frames), Q.2931 messages and SSCOP, broadcast and meta signalling, ILMI
/// (SNMP), OAM F4 cells of every cell and function type with right and wrong
/// CRC-10, AppleTalk behind Apple's SNAP OUI.
#[test]
fn sunatm() {
    golden("sunatm");
}

/// RFC 1483 ATM: LLC/SNAP, the IP SAP, Cisco NLPIDs (IP, IPv6, NULL,
/// unknown), Fore 802.6 headers, RFC 2684 bridged Ethernet (with and without
/// FCS), BPDUs and 802.6 ids, AppleTalk and AARP behind SNAP.
#[test]
fn rfc1483() {
    golden("rfc1483");
}

/// EtherTalk: NBP lookups, broadcast requests and replies (anomalies, long
/// and non-ASCII names), ATP requests, responses and releases (every flag and
/// bitmap form), the other DDP types, AARP (requests, replies, probes, odd
/// hardware and protocol types, short), over Ethernet II and 802.2 SNAP.
#[test]
fn ethertalk() {
    golden("ethertalk");
}

/// LocalTalk: LLAP frames with long and short DDP headers, other LAP types,
/// frames shorter than their headers.
#[test]
fn ltalk() {
    golden("ltalk");
}

/// DDP over BSD loopback (AF 16) and ARCnet (type 221).
#[test]
fn atalk_null_arcnet() {
    golden("null-atalk");
    golden("arcnet-atalk");
}

/// DECnet: short and long data headers with padding and every flag, NSP
/// data, interrupt, link service (every flow control form), acknowledgements,
/// connect and disconnect messages (every reason form), and the routing
/// control messages (init, verification, test, level 1 and 2 routing, router
/// and endnode hellos, unknown), short and truncated ones.
#[test]
fn decnet() {
    golden("decnet");
}

/// PKTAP: Ethernet, loopback, raw IP, SLIP and nested PKTAP packets, DLTs
/// without a printer, records without a packet, bad header lengths.
#[test]
fn pktap() {
    golden("pktap");
}

/// OpenBSD enc: every flag combination, both byte orders of the capturing
/// host, IPv4, IPv6 and other families, a short header.
#[test]
fn enc() {
    golden("enc");
}

/// AppleTalk in UDP (KIP): LLAP frames on each port range, near misses
/// (other LAP types, ports just outside the ranges), short frames.
#[test]
fn kip() {
    golden("kip");
}

/// Mutated link and protocol headers of every capture against tcpdump: every
/// line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (mut c, mut m) = (0, 0);
    for name in SUITE.names {
        let (lt, _) = read_pcap(&SUITE.data(name));
        let recs = mutated(name, &mut rng, 20, 40);
        let file = format!("{name}-mutated.pcap");
        let flags: &[&[&str]] = &[&["-n"], &["-nv"], &["-ne"]];
        let (c1, m1) = assert_same_recs(SUITE.dir, &file, lt, &recs, flags);
        c += c1;
        m += m1;
    }
    eprintln!("mutated: {m} of {c} lines identical to tcpdump");
}

/// Many more mutated packets, anywhere in the packet, printed with each flag
/// set: the printers must not panic.
#[test]
fn mutated_packets_never_panic() {
    let flag_sets = opts_each(FLAGS);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut printed = 0usize;
    for name in SUITE.names {
        let (lt, _) = read_pcap(&SUITE.data(name));
        let recs = mutated(name, &mut rng, 200, usize::MAX);
        printed += print_all(lt, &recs, &flag_sets);
    }
    assert!(printed > 10000, "only {printed} packets printed");
}

/// RFC 1483 ATM with Cisco-style NLPIDs carrying OSI (ES-IS, IS-IS, CLNP),
/// IPv4, the NULL NLPID and an unknown one: the OSI printer decodes them as
/// tcpdump's isoclns_print does.
#[test]
fn rfc1483_cisco_nlpid_osi() {
    let esis = [
        0x82, 0x0f, 0x01, 0x00, 0x04, 0x00, 0x1e, 0x00, 0x00, 0x06, 0x49, 0x00, 0x01, 0x02, 0x03,
        0x04,
    ];
    let mut isis = vec![
        0x83, 0x1b, 0x01, 0x00, 0x11, 0x01, 0x00, 0x00, 0x01, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66,
        0x00, 0x1e, 0x00, 0x30, 0x40, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x01,
    ];
    isis.extend([0u8; 21]);
    let mut clnp = vec![
        0x81, 0x10, 0x01, 0x20, 0x1c, 0x00, 0x20, 0x00, 0x00, 0x03, 0x49, 0x00, 0x01, 0x03, 0x49,
        0x00, 0x02,
    ];
    clnp.extend([0u8; 15]);
    let ip = [
        0xcc, 0x45, 0, 0, 20, 0, 1, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
    ];
    let pdus: [&[u8]; 6] = [&esis, &isis, &clnp, &ip, &[0x00, b'a'], &[0x99, b'x', b'y']];
    let mut recs = Vec::new();
    for (i, pdu) in pdus.iter().enumerate() {
        let mut frame = vec![0x03];
        frame.extend_from_slice(pdu);
        for cut in 1..=frame.len() {
            let mut r = Rec::full(1_700_000_000 + i as i64, 0, frame[..cut].to_vec());
            r.wire_len = frame.len() as u32;
            recs.push(r);
        }
    }
    let path = tmpdir("cnlpid").join("cnlpid.pcap");
    write_pcap(&path, rfilter::LinkType::Other(100), &recs, false);
    assert_same(
        &path,
        &[&["-n"], &["-ne"], &["-nv"], &["-nvv", "-e"], &["-nx"]],
    );
}
