//! Golden tests for the Juniper link types (DLT_JUNIPER_*): rfilter against
//! the tcpdump binary, line by line, over the captures in tests/data/juniper/
//! (written by tests/data/make_juniper.py, one per link type), at every flag
//! set, over every truncation of each packet (from its first byte: the
//! Juniper header is what is being tested), and over mutated packets (compared
//! with tcpdump, and many more that must never panic).
mod print_support;

use print_support::mutate::{Rng, change_bytes, cut, mutants, opts_each, print_captures};
use print_support::suite::{CUT_FLAGS, FLAGS, Suite, cut_variants_of};
use print_support::{Rec, assert_same, assert_same_recs, read_pcap};

const SUITE: Suite = Suite {
    dir: "juniper",
    names: &[
        "ether",
        "pppoe",
        "pppoe_atm",
        "ppp",
        "chdlc",
        "frelay",
        "atm1",
        "atm2",
        "es",
        "ggsn",
        "monitor",
        "services",
        "mlppp",
        "mfr",
        "mlfr",
    ],
};

/// Extra flag sets for the Juniper header: extensions print with -vv, the
/// cookie and direction with -e, and -xx dumps the header too.
const MORE_FLAGS: &[&[&str]] = &[&["-nevv"], &["-nevvv"], &["-nxx"], &["-neX"], &["-neq"]];

/// Every record of capture `name` cut to every length from 1 byte to one byte
/// short of complete.
fn cuts(name: &str) -> std::path::PathBuf {
    let file = format!("{name}-cut-all.pcap");
    cut_variants_of(&SUITE.data(name), SUITE.dir, &file, |_, _| 1)
}

/// Capture `name` at every flag set, and cut at every length.
fn golden(name: &str) {
    let mut flags: Vec<&[&str]> = FLAGS.to_vec();
    flags.extend_from_slice(MORE_FLAGS);
    let (c1, m1) = assert_same(&SUITE.data(name), &flags);
    let mut cut_flags: Vec<&[&str]> = CUT_FLAGS.to_vec();
    cut_flags.push(&["-ne"]);
    let (c2, m2) = assert_same(&cuts(name), &cut_flags);
    eprintln!(
        "{name}: {} of {} lines identical to tcpdump",
        m1 + m2,
        c1 + c2
    );
}

/// Ethernet frames (IPv4, IPv6, ARP, VLAN, 802.3, PPPoE) behind every header
/// variant: both directions, every extension TLV type and size, zero types,
/// invalid TLV lengths, bad magic, packets without a layer 2 header.
#[test]
fn ether() {
    golden("ether");
}

/// PPPoE discovery and sessions as Ethernet frames; cookie bytes of other PICs.
#[test]
fn pppoe() {
    golden("pppoe");
}

/// PPPoE over ATM: an Ethernet type, then PPPoE, IPv4, IPv6 or an unknown type.
#[test]
fn pppoe_atm() {
    golden("pppoe_atm");
}

/// PPP frames with and without address and control bytes.
#[test]
fn ppp() {
    golden("ppp");
}

/// Cisco HDLC: IPv4, IPv6, SLARP, MPLS, unknown types.
#[test]
fn chdlc() {
    golden("chdlc");
}

/// Frame Relay: NLPID IPv4/IPv6/PPP, SNAP, Cisco ethertype, unknown NLPID.
#[test]
fn frelay() {
    golden("frelay");
}

/// ATM1 PIC: OAM cells of every cell and function type (right and wrong
/// CRC-10), SNAP, Cisco NLPID (IPv4, IPv6, PPP, null, unknown, Q.933), bare
/// IPv4/IPv6, link services and adaptive services cookies.
#[test]
fn atm1() {
    golden("atm1");
}

/// ATM2 PIC: control words, OAM cells, SNAP, Ethernet over ATM, Cisco NLPID,
/// PPP by its protocol field, bare IP, oversized cookies.
#[test]
fn atm2() {
    golden("atm2");
}

/// Encryption services PIC: every SA type (with and without the rewritten
/// header), an invalid type, cookies.
#[test]
fn es() {
    golden("es");
}

/// GGSN PIC: IPv4, IPv6, null and unknown protocols in the cookie.
#[test]
fn ggsn() {
    golden("ggsn");
}

/// Monitoring PIC: its header and the IP packet guessed from the same bytes.
#[test]
fn monitor() {
    golden("monitor");
}

/// Services PIC, as the monitoring one.
#[test]
fn services() {
    golden("services");
}

/// Multilink PPP: plain, child-link, link services and adaptive services
/// cookies, the LSQ protocols (IPv4, IPv6, MPLS, ISO, IS-IS to the RE).
#[test]
fn mlppp() {
    golden("mlppp");
}

/// Multilink Frame Relay (FRF.16): child links, bundles with each cookie
/// type and each protocol field.
#[test]
fn mfr() {
    golden("mfr");
}

/// Multilink Frame Relay from the LSQ PICs.
#[test]
fn mlfr() {
    golden("mlfr");
}

/// Each record of `name` `copies` times with up to four bytes changed
/// anywhere in its first 40 bytes (the Juniper header, cookie and the start of
/// the payload), the magic kept so that the header is decoded, cut at a
/// random length.
fn mutated(name: &str, rng: &mut Rng, copies: usize) -> (rfilter::LinkType, Vec<Rec>) {
    let (lt, recs) = read_pcap(&SUITE.data(name));
    let out = mutants(&recs, copies, |d| {
        let span = d.len().min(40);
        if span <= 3 {
            return false;
        }
        change_bytes(rng, d, 3, span - 3);
        cut(rng, d, 1);
        true
    });
    (lt, out)
}

/// The captures whose mutations are compared with tcpdump.
const VS_TCPDUMP: &[&str] = &[
    "ether",
    "pppoe",
    "pppoe_atm",
    "ppp",
    "chdlc",
    "frelay",
    "atm1",
    "atm2",
    "es",
    "ggsn",
    "monitor",
    "services",
    "mlppp",
    "mfr",
    "mlfr",
];

/// Mutated packets against tcpdump: every line agrees.
#[test]
fn mutated_packets_vs_tcpdump() {
    let (mut c, mut m) = (0, 0);
    for (i, name) in VS_TCPDUMP.iter().enumerate() {
        // One generator per capture, so that each capture's mutations stay
        // the same whichever others are listed.
        let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ ((i as u64 + 1) * 0x9e37_79b9));
        let (lt, recs) = mutated(name, &mut rng, 40);
        let file = format!("mutated-{name}.pcap");
        let flags: &[&[&str]] = &[&["-n"], &["-nevv"], &["-nx"]];
        let (c1, m1) = assert_same_recs(SUITE.dir, &file, lt, &recs, flags);
        c += c1;
        m += m1;
    }
    eprintln!("mutated: {m} of {c} lines identical to tcpdump");
}

/// Many more mutated packets of every Juniper link type, printed with each
/// flag set: the printers must not panic.
#[test]
fn mutated_packets_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut flags: Vec<&[&str]> = FLAGS.to_vec();
    flags.extend_from_slice(MORE_FLAGS);
    let flag_sets = opts_each(&flags);
    let captures = SUITE.names.iter().map(|name| mutated(name, &mut rng, 150));
    let printed = print_captures(captures, &flag_sets);
    assert!(printed > 10000, "only {printed} packets printed");
}
