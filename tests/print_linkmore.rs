//! Golden tests for the printers of the rarer link types (src/print/linkmore/):
//! NFLOG, USB_LINUX and USB_LINUX_MMAPPED, IPOIB, VSOCK,
//! BLUETOOTH_HCI_H4_WITH_PHDR, PFLOG, IPNET, ARCNET, SYMANTEC_FIREWALL and
//! PPP_BSDOS among others. rfilter against the tcpdump
//! binary, line by line, over the captures in tests/data/linkmore/ (written by
//! tests/data/make_linkmore.py), over every truncation of each packet from its
//! first byte, and over mutated packets (against tcpdump, and many more that
//! must only never panic).
mod print_support;

use print_support::mutate::{Rng, cut, mutants, print_all, random_byte};
use print_support::suite::{CUT_FLAGS, FLAGS, cut_variants_of};
use print_support::{Rec, assert_same, assert_same_recs, opts, read_pcap};
use rfilter::print::PrintOptions;
use std::path::PathBuf;

const DIR: &str = "linkmore";

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(DIR)
        .join(format!("{name}.pcap"))
}

/// Flags for the cut and mutated variants: the link header shows with -e.
const LINK_CUT_FLAGS: &[&[&str]] = &[&["-ne"], &["-neq"], &["-nxx"]];

/// Every record of `name` cut to each length from 0 to one byte short of
/// complete (the link headers are short: every field gets cut).
fn cut_variants(name: &str) -> PathBuf {
    let file = format!("{name}-cut.pcap");
    cut_variants_of(&data(name), DIR, &file, |_, _| 1)
}

/// Each record of `name` `copies` times with one to four bytes changed at
/// offsets in the `spans` [start, end) (the link header and what follows), some cut at a
/// random length.
fn mutated(
    name: &str,
    copies: usize,
    seed: u64,
    spans: &[(usize, usize)],
) -> (rfilter::LinkType, Vec<Rec>) {
    let mut rng = Rng(seed);
    let (lt, recs) = read_pcap(&data(name));
    let out = mutants(&recs, copies, |d| {
        if d.is_empty() {
            return false;
        }
        let offsets: Vec<usize> = spans
            .iter()
            .flat_map(|&(start, end)| start..end.min(d.len()))
            .collect();
        if offsets.is_empty() {
            return false;
        }
        for _ in 0..1 + rng.next() % 4 {
            let i = offsets[rng.next() as usize % offsets.len()];
            d[i] = random_byte(&mut rng);
        }
        if rng.next().is_multiple_of(3) {
            cut(&mut rng, d, 1);
        }
        true
    });
    (lt, out)
}

/// Capture `name` at every flag set, its cuts, and mutations of the bytes at
/// `spans`, all against tcpdump.
fn golden(name: &str, spans: &[(usize, usize)]) {
    let (c1, m1) = assert_same(&data(name), FLAGS);
    let (c2, m2) = assert_same(&data(name), &[&["-nev"], &["-neq"], &["-nxx"], &["-nXX"]]);
    let cut = cut_variants(name);
    let (c3, m3) = assert_same(&cut, CUT_FLAGS);
    let (c4, m4) = assert_same(&cut, LINK_CUT_FLAGS);
    let (lt, recs) = mutated(name, 20, 0x2545_f491_4f6c_dd1d, spans);
    let file = format!("{name}-mutated.pcap");
    let flags: &[&[&str]] = &[&["-n"], &["-nvv"], &["-ne"], &["-nx"]];
    let (c5, m5) = assert_same_recs(DIR, &file, lt, &recs, flags);
    eprintln!(
        "{name}: {} of {} lines identical to tcpdump",
        m1 + m2 + m3 + m4 + m5,
        c1 + c2 + c3 + c4 + c5
    );
}

/// Many more mutated packets of `name`, printed with each flag set: the
/// printers must not panic.
fn never_panic(name: &str) {
    let flag_sets: Vec<PrintOptions> = FLAGS
        .iter()
        .chain([&["-ne"][..], &["-neq"], &["-nevv"]].iter())
        .map(|f| opts(f))
        .collect();
    let (lt, recs) = mutated(name, 300, 0x9e37_79b9_7f4a_7c15, &[(0, usize::MAX)]);
    let printed = print_all(lt, &recs, &flag_sets);
    assert!(printed > 10000, "only {printed} packets printed");
}

/// NFLOG: IPv4 and IPv6 payloads behind the TLVs the kernel sends (packet
/// header, mark, timestamp, interfaces, hardware address and header, prefix,
/// uid/gid, sequence numbers), other families, unknown versions, short and
/// oversized TLVs, no payload TLV, snaplen cuts.
#[test]
fn nflog() {
    golden("nflog", &[(0, 64)]);
}

/// NFLOG as the kernel sends it (captured with `tcpdump -i nflog:5` behind an
/// nftables `log group 5` rule on loopback: TCP, UDP and ICMP over IPv4 and
/// IPv6, with the packet header, prefix, interface, uid and gid TLVs).
#[test]
fn nflog_real() {
    golden("nflog_real", &[(0, 56)]);
}

#[test]
fn nflog_never_panics() {
    never_panic("nflog");
}

/// USB_LINUX (48-byte usbmon header): control, bulk, interrupt and
/// isochronous URBs submitted, completed and failed, unknown transfer and
/// event types, wide bus numbers, snaplen cuts.
#[test]
fn usb_linux() {
    golden("usb_linux", &[(0, 48)]);
}

/// USB_LINUX_MMAPPED (64-byte header, isochronous descriptors in the data).
#[test]
fn usb_linux_mmapped() {
    golden("usb_linux_mmapped", &[(0, 64)]);
}

#[test]
fn usb_never_panics() {
    never_panic("usb_linux");
    never_panic("usb_linux_mmapped");
}

/// IPOIB: IPv4, IPv6, ARP (InfiniBand hardware addresses, an unknown
/// operation), LLDP, MPLS and unknown ethertypes; empty and cut payloads; a
/// header one byte short.
#[test]
fn ipoib() {
    // Not the ethertype: tcpdump decodes more of them than the Ethernet
    // printers do.
    golden("ipoib", &[(0, 40), (42, 64)]);
}

#[test]
fn ipoib_never_panics() {
    never_panic("ipoib");
}

/// VSOCK: connect, payload, control and disconnect operations over the virtio
/// transport (every virtio operation, invalid types and operations), the
/// no-info and unknown transports, unknown operations, payloads dumped with
/// -vv, transport headers and payloads cut short.
#[test]
fn vsock() {
    golden("vsock", &[(0, 90)]);
}

#[test]
fn vsock_never_panics() {
    never_panic("vsock");
}

/// BLUETOOTH_HCI_H4_WITH_PHDR: HCI commands, events, ACL and SCO data in
/// both directions, an odd direction word, an empty packet, a short
/// pseudo-header, a snaplen cut.
#[test]
fn bluetooth() {
    golden("bluetooth", &[(0, 12)]);
}

#[test]
fn bluetooth_never_panics() {
    never_panic("bluetooth");
}

/// PFLOG: IPv4 and IPv6 (every BSD value of AF_INET6) passed and blocked,
/// rules in anchors, every action, reason and direction number tcpdump
/// names and the next ones, other families, header lengths at and past the
/// limits, cuts.
#[test]
fn pflog() {
    golden("pflog", &[(0, 70)]);
}

#[test]
fn pflog_never_panics() {
    never_panic("pflog");
}

/// IPNET: IPv4 and IPv6 between zones (ids past 2^31), other families, a
/// family that does not match the packet, an odd version, cuts.
#[test]
fn ipnet() {
    golden("ipnet", &[(0, 30)]);
}

#[test]
fn ipnet_never_panics() {
    never_panic("ipnet");
}

/// IEEE802_15_4_NOFCS (what Linux wpan monitor interfaces capture): the
/// 802.15.4 frames of tests/data/zep/zep.pcap bare (beacons, data, acks,
/// every MAC command, multipurpose frames, security headers, IEs, malformed
/// frames), so -x shows where tcpdump's decoder stopped.
#[test]
fn wpan() {
    golden("wpan", &[(0, 24)]);
}

/// IEEE802_15_4 (with FCS): printed as without.
#[test]
fn wpan_fcs() {
    golden("wpan_fcs", &[(0, 24)]);
}

/// IEEE802_15_4_TAP: the frames behind TAP headers with and without TLVs,
/// odd versions, header lengths too small and past the capture.
#[test]
fn wpan_tap() {
    golden("wpan_tap", &[(0, 40)]);
}

#[test]
fn wpan_never_panics() {
    never_panic("wpan");
    never_panic("wpan_tap");
}

/// DSA_TAG_DSA (Marvell switch tags as Linux DSA captures them): every mode
/// (to and from the CPU, to a sniffer, forward) with trunk, sniff, CFI,
/// tagged and code bits, over IPv4, IPv6, ARP, VLAN, LLC, LLDP and unknown
/// types; short tags and frames.
#[test]
fn dsa() {
    golden("dsa", &[(0, 20)]);
}

/// DSA_TAG_EDSA: the same behind EDSA's ethertype and reserved bytes.
#[test]
fn edsa() {
    golden("edsa", &[(0, 24)]);
}

/// DSA_TAG_BRCM: Broadcom egress tags (every reason code) and ingress tags
/// (every TE value).
#[test]
fn brcm() {
    golden("brcm", &[(0, 20)]);
}

/// DSA_TAG_BRCM_PREPEND: the Broadcom tag before the Ethernet frame.
#[test]
fn brcm_prepend() {
    golden("brcm_prepend", &[(0, 20)]);
}

#[test]
fn switch_tags_never_panic() {
    never_panic("dsa");
    never_panic("edsa");
    never_panic("brcm");
    never_panic("brcm_prepend");
}

/// NETANALYZER: Ethernet frames (with their FCS) of every kind behind the
/// pseudo-header; short ones.
#[test]
fn netanalyzer() {
    golden("netanalyzer", &[(0, 24)]);
}

/// NETANALYZER_TRANSPARENT: the same with the preamble and SFD.
#[test]
fn netanalyzer_transparent() {
    golden("netanalyzer_transparent", &[(0, 32)]);
}

#[test]
fn netanalyzer_never_panics() {
    never_panic("netanalyzer");
    never_panic("netanalyzer_transparent");
}

/// Every capture without -n: addresses, ports and OUIs by name.
#[test]
fn names_without_n() {
    let (mut c, mut m) = (0, 0);
    for name in [
        "nflog",
        "nflog_real",
        "usb_linux",
        "usb_linux_mmapped",
        "ipoib",
        "vsock",
        "bluetooth",
        "pflog",
        "ipnet",
        "wpan",
        "wpan_tap",
        "dsa",
        "edsa",
        "brcm",
        "brcm_prepend",
        "netanalyzer",
        "netanalyzer_transparent",
        "ap1394",
        "atm_clip",
        "fddi",
        "token_ring",
        "arcnet_linux",
        "arcnet_bsd",
        "symantec",
        "ip_over_fc",
        "frelay",
        "mfr",
    ] {
        let (c1, m1) = assert_same(&data(name), &[&["-ttv"], &["-tte"]]);
        c += c1;
        m += m1;
    }
    eprintln!("without -n: {m} of {c} lines identical to tcpdump");
}

/// APPLE_IP_OVER_IEEE1394 (Linux firewire-net): IPv4, IPv6, ARP, VLAN, LLDP
/// and unknown ethertypes behind EUI-64 addresses; short frames.
#[test]
fn ap1394() {
    golden("ap1394", &[(0, 16), (18, 30)]);
}

#[test]
fn ap1394_never_panics() {
    never_panic("ap1394");
}

/// ATM_CLIP (Linux Classical IP over ATM): LLC/SNAP-encapsulated IPv4, IPv6,
/// ARP, VLAN, LLDP and unknown ethertypes, other OUIs and SAPs, bare IPv4
/// (and what is not), short headers.
#[test]
fn atm_clip() {
    golden("atm_clip", &[(0, 20)]);
}

#[test]
fn atm_clip_never_panics() {
    never_panic("atm_clip");
}

/// A Linux cooked capture of an 802.2 SNAP frame with an ethertype nobody
/// decodes: no addresses to show (the LLC printer used to print empty ones).
#[test]
fn sll_snap_unknown() {
    let (c, m) = assert_same(&data("sll_snap"), FLAGS);
    eprintln!("sll_snap: {m} of {c} lines identical to tcpdump");
}

/// FDDI: asynchronous LLC frames (SNAP with IPv4, IPv6, ARP, VLAN, LLDP and
/// unknown types, STP, IPX, other OUIs), SMT frames, tokens, beacons, claims
/// and every other frame-control class; short frames. (OSI over LLC is left
/// out: rfilter has no CLNP printer on any link.)
#[test]
fn fddi() {
    golden("fddi", &[(0, 13)]);
}

#[test]
fn fddi_never_panics() {
    never_panic("fddi");
}

/// IEEE802 (Token Ring): LLC frames (SNAP with IPv4, IPv6, ARP, VLAN, LLDP
/// and unknown types, STP, NetBIOS), source-routed frames with every
/// broadcast indicator, direction and largest-frame code and up to three
/// route segments, odd routing lengths, MAC frames, short headers.
#[test]
fn token_ring() {
    golden("token_ring", &[(0, 24)]);
}

#[test]
fn token_ring_never_panics() {
    never_panic("token_ring");
}

/// ARCNET_LINUX: RFC 1201 IPv4, IPv6, ARP, RARP and IPX, RFC 1051 IP and
/// ARP, diagnostics, unknown codes, split flags, the offset tcpdump names as
/// the type with -e, short headers. (The system code is not mutated: rfilter
/// has no AppleTalk printer.)
#[test]
fn arcnet_linux() {
    golden("arcnet_linux", &[(0, 4), (5, 16)]);
}

#[test]
fn arcnet_linux_never_panics() {
    never_panic("arcnet_linux");
}

/// ARCNET as BSD records it: RFC 1201 IPv4, IPv6, ARP, RARP and IPX, first,
/// middle and last fragments, exception frames, RFC 1051 IP and ARP,
/// diagnostics, unknown codes (dumped even with -x), and headers cut in each
/// part (tcpdump's " phds" and " phds extended" before the truncation).
#[test]
fn arcnet_bsd() {
    golden("arcnet_bsd", &[(0, 12)]);
}

#[test]
fn arcnet_bsd_never_panics() {
    never_panic("arcnet_bsd");
}

/// SYMANTEC_FIREWALL: the Ethernet payloads behind the 44-byte header, type
/// values that are lengths, unknown types, frames shorter than the header.
#[test]
fn symantec() {
    golden("symantec", &[(0, 50)]);
}

#[test]
fn symantec_never_panics() {
    never_panic("symantec");
}

/// PPP_BSDOS under both its numbers (16, and 103 in savefiles): tcpdump
/// decodes it only when built on BSD/OS, so the line is the time alone and -x
/// dumps the whole frame.
#[test]
fn ppp_bsdos() {
    golden("ppp_bsdos", &[(0, 30)]);
    golden("ppp_bsdos_103", &[(0, 30)]);
}

/// IP_OVER_FC: LLC/SNAP with IPv4, IPv6, ARP, VLAN, LLDP and unknown
/// types, STP, IPX and other OUIs behind the RFC 2625 header; short frames.
#[test]
fn ip_over_fc() {
    golden("ip_over_fc", &[(0, 16)]);
}

#[test]
fn ip_over_fc_never_panics() {
    never_panic("ip_over_fc");
}

/// FRELAY: IPv4 and IPv6 behind 2-, 3- and 4-byte Q.922 addresses with every
/// flag, pads and missing pads, Cisco ethertypes, SNAP, PPP, FRF.15, other
/// NLPIDs, and Q.933 LMI (ANSI Annex D and CCITT Annex A status enquiries and
/// replies with report type, link verify and PVC status IEs, valid and not,
/// shifts, call references, unknown messages and IEs, short ones). Not
/// mutated: the UI byte (a Cisco ethertype tcpdump decodes and rfilter does
/// not) and the NLPID (rfilter has no OSI printer).
#[test]
fn frelay() {
    golden("frelay", &[(0, 2), (5, 48)]);
}

#[test]
fn frelay_never_panics() {
    never_panic("frelay");
}

/// MFR (FRF.16): control frames of every message with bundle, link, magic
/// number, cause and vendor IEs (valid, short, unknown, zero), first and
/// only fragments carrying Frame Relay, middle and last fragments, short
/// frames. (The IEs are not mutated: a timestamp IE would need tcpdump's
/// host-order timeval.)
#[test]
fn mfr() {
    golden("mfr", &[(0, 4)]);
}

#[test]
fn mfr_never_panics() {
    never_panic("mfr");
}

/// Link type 112 (BSD/OS Cisco HDLC): the Cisco HDLC frames of
/// tests/data/linkppp/, which tcpdump prints as on C_HDLC.
#[test]
fn chdlc112() {
    golden("chdlc112", &[(0, 2), (4, 24)]);
}
