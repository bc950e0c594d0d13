//! Filtered copies: `rfilter -r IN -w - EXPR` must write exactly the bytes
//! `tcpdump -r IN -w - EXPR` writes (same packets kept, same snapshot handling).

mod savefile_support;

use rfilter::packet::PacketRef;
use rfilter::savefile::{PcapWriter, Precision, Reader};
use savefile_support::*;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");

/// Expressions over everything the sample holds: ARP, DNS, HTTP, ICMP, IPv6,
/// 802.1Q.
const FILTERS: &[&str] = &[
    "",
    "tcp",
    "udp",
    "tcp port 80 or udp port 53",
    "port 53",
    "arp",
    "icmp",
    "ip6",
    "ip6 and tcp",
    "icmp6",
    "vlan",
    "vlan 100 and udp",
    "host 192.168.1.10",
    "src host 93.184.216.34",
    "net 192.168.1.0/24",
    "dst net 2001:db8::/32",
    "ether broadcast",
    "ether host 02:00:00:00:00:01",
    "less 80",
    "greater 200",
    "tcp[tcpflags] & tcp-syn != 0",
    "tcp[tcpflags] & (tcp-fin|tcp-ack) = tcp-fin|tcp-ack",
    "ip[8] = 64",
    "not ip",
    "portrange 44000-44400",
    "tcp dst port 443 or icmp",
    "ip proto 17 and not port 53",
    // A file's netmask is taken as 0: broadcast means all-zeros or all-ones.
    "ip broadcast or ip multicast",
];

/// The sample with every packet cut to `snaplen` bytes, so that filters meet
/// loads past the end of the captured data.
fn cut_sample(snaplen: u32) -> Vec<u8> {
    let mut r = Reader::open(std::path::Path::new(SAMPLE)).unwrap();
    let lt = r.linktype();
    let mut out = Vec::new();
    {
        let mut w = PcapWriter::new(&mut out, "cut", lt, snaplen, Precision::Micro, false).unwrap();
        while let Some(p) = r.next_packet().unwrap() {
            let keep = p.data.len().min(snaplen as usize);
            w.write_packet(&PacketRef {
                data: &p.data[..keep],
                ..p
            })
            .unwrap();
        }
        w.finish().unwrap();
    }
    out
}

#[test]
fn filtered_copies_are_identical_to_tcpdumps() {
    let dir = temp_dir("filter");
    let cut = write(&dir, "cut.pcap", &cut_sample(60));
    for input in [SAMPLE, cut.as_str()] {
        for expr in FILTERS {
            let theirs = tcpdump(&["-r", input, "-w", "-", expr]);
            assert!(
                theirs.status.success(),
                "tcpdump {expr:?}: {}",
                stderr(&theirs)
            );
            let ours = rfilter(&["-r", input, "-w", "-", expr]);
            assert!(ours.status.success(), "rfilter {expr:?}: {}", stderr(&ours));
            assert!(
                ours.stdout == theirs.stdout,
                "{input} {expr:?}: rfilter kept {} bytes, tcpdump {}",
                ours.stdout.len(),
                theirs.stdout.len()
            );
        }
    }
}

#[test]
fn filter_errors_are_reported_with_a_caret_and_exit_1() {
    let out = rfilter(&["-r", SAMPLE, "-w", "-", "tcp port"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing written for a bad filter");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.starts_with("reading from file "), "{err}");
    assert!(
        err.lines().nth(1).unwrap_or("").starts_with("rfilter: "),
        "{err}"
    );
    assert!(
        err.lines().any(|l| l.trim_start().starts_with('^')),
        "a caret line: {err}"
    );
}
