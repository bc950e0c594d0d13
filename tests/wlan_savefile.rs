//! Savefiles of the 802.11 link types, pflog and ipnet, filtered end to end:
//! `rfilter -r IN -w - EXPR` must keep exactly the packets
//! `tcpdump -r IN -w - EXPR` keeps (same bytes out), on files holding the
//! differential corpus of each link type (truncated packets included), and on
//! the 802.11 captures of tests/data/wifi/.

mod common;
mod savefile_support;

use common::corpus::{self, IPNET, PFLOG, WLAN_LINKTYPES};
use savefile_support::*;

/// Filters over what the corpora hold; each link type's refusals are checked to
/// be refusals on both sides.
const FILTERS: &[&str] = &[
    "",
    "tcp port 80",
    "udp port 53 or icmp",
    "ip6 and tcp",
    "arp or rarp",
    "host 10.0.0.1",
    "net 192.168.1.0/24",
    "wlan host 00:11:22:33:44:55",
    "wlan addr2 66:77:88:99:aa:bb",
    "type mgt subtype beacon",
    "type data and not subtype null",
    "dir tods",
    "wlan broadcast",
    "vlan and ip",
    "pppoes and tcp",
    "link[0] & 0xc = 8",
    "radio[4:4] & 2 != 0",
    "on eth0",
    "reason 3 or action block",
    "ip[9] = 17",
    "len > 100",
];

#[test]
fn filtered_copies_are_identical_to_tcpdumps() {
    require("tcpdump");
    let dir = temp_dir("wlan-filter");
    let mut compared = 0;
    let mut refused = 0;
    let linktypes = WLAN_LINKTYPES.iter().copied().chain([PFLOG, IPNET]);
    for lt in linktypes {
        let samples = corpus::samples(rfilter::linktype::LinkType::Other(lt));
        let mut file = pcap_header(false, false, 65_535, u32::from(lt));
        for (i, s) in samples.iter().enumerate() {
            pcap_record(
                &mut file,
                false,
                &Pkt {
                    sec: 1_700_000_000 + i as u32,
                    frac: 0,
                    wire_len: s.wire_len,
                    data: s.data.clone(),
                },
            );
        }
        let path = write(&dir, &format!("lt{lt}.pcap"), &file);
        for expr in FILTERS {
            let theirs = tcpdump(&["-r", &path, "-w", "-", expr]);
            let ours = rfilter(&["-r", &path, "-w", "-", expr]);
            if stderr(&theirs).contains("expression rejects all packets") {
                // Refused as tcpdump refuses it, before anything is written.
                assert_rejects_all(&ours, &theirs, &format!("{lt} {expr:?}"));
                refused += 1;
                continue;
            }
            if !theirs.status.success() {
                assert_eq!(
                    ours.status.code(),
                    Some(1),
                    "{lt} {expr:?}: rfilter accepts"
                );
                assert!(stderr(&ours).contains("rfilter: "), "{}", stderr(&ours));
                refused += 1;
                continue;
            }
            assert!(ours.status.success(), "{lt} {expr:?}: {}", stderr(&ours));
            assert!(
                ours.stdout == theirs.stdout,
                "{lt} {expr:?}: rfilter kept {} bytes, tcpdump {}",
                ours.stdout.len(),
                theirs.stdout.len()
            );
            compared += 1;
        }
    }
    println!("{compared} filtered copies identical, {refused} refused by both");
    assert!(compared > 80 && refused > 10);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The 802.11 captures in tests/data/wifi/ (bare, radiotap, Prism, AVS, PPI):
/// filtered copies are tcpdump's.
#[test]
fn wifi_captures_filter_as_tcpdump() {
    require("tcpdump");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/wifi");
    let extra = [
        "wlan host a4:c3:f0:12:34:56",
        "wlan ra a4:c3:f0:12:34:56",
        "wlan ta a4:c3:f0:12:34:56 or wlan addr3 a4:c3:f0:12:34:56",
        "type ctl subtype ack",
        "subtype probe-req or subtype probe-resp",
        "type data and udp port 53",
        "dst host 8.8.8.8",
        "not type mgt",
    ];
    let mut compared = 0;
    for name in ["wifi", "radiotap", "prism", "avs", "ppi"] {
        let path = format!("{dir}/{name}.pcap");
        for expr in FILTERS.iter().chain(extra.iter()) {
            let theirs = tcpdump(&["-r", &path, "-w", "-", expr]);
            let ours = rfilter(&["-r", &path, "-w", "-", expr]);
            if stderr(&theirs).contains("expression rejects all packets") {
                assert_rejects_all(&ours, &theirs, &format!("{name} {expr:?}"));
                continue;
            }
            if !theirs.status.success() {
                assert_eq!(
                    ours.status.code(),
                    Some(1),
                    "{name} {expr:?}: rfilter accepts"
                );
                continue;
            }
            assert!(ours.status.success(), "{name} {expr:?}: {}", stderr(&ours));
            assert!(
                ours.stdout == theirs.stdout,
                "{name} {expr:?}: rfilter kept {} bytes, tcpdump {}",
                ours.stdout.len(),
                theirs.stdout.len()
            );
            compared += 1;
        }
    }
    println!("{compared} filtered copies of the wifi captures identical");
    assert!(compared > 80);
}

/// rfilter refuses a filter libpcap's optimizer proves never matches as tcpdump
/// does: status 1, its message, the same (empty) output.
fn assert_rejects_all(ours: &std::process::Output, theirs: &std::process::Output, what: &str) {
    assert_eq!(theirs.status.code(), Some(1), "tcpdump {what}");
    assert_eq!(ours.status.code(), Some(1), "{what}: {}", stderr(ours));
    assert!(
        stderr(ours).contains("rfilter: expression rejects all packets"),
        "{what}: {}",
        stderr(ours)
    );
    assert_eq!(ours.stdout, theirs.stdout, "{what}: output");
}
