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
fn filter_errors_are_reported_on_one_line_with_the_place_and_exit_1() {
    let out = rfilter(&["-r", SAMPLE, "-w", "-", "tcp port"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing written for a bad filter");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.starts_with("reading from file "), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    let line = err.lines().nth(1).unwrap_or("");
    assert!(line.starts_with("rfilter: "), "{err}");
    assert!(line.contains("(at character 9"), "{err}");
}

/// Network names resolve as libpcap resolves them: through glibc's getnetbyname,
/// which pads a number of fewer than four parts with zero parts ("10" is
/// 10.0.0.0, which libpcap then compares in full, not as 10/8) and reads octal
/// and hex parts. In a mount namespace of its own (root, as in CI) with an
/// /etc/networks written here, tcpdump and rfilter copy a file of packets from
/// addresses around those networks with `net NAME` filters; the copies must be
/// the same bytes.
#[test]
fn network_names_filter_as_tcpdumps() {
    require("tcpdump");
    require("unshare");
    assert!(is_root(), "this test needs root (a mount namespace)");
    assert!(
        std::path::Path::new("/etc/networks").exists(),
        "this test mounts over /etc/networks, which is missing"
    );
    let dir = temp_dir("filternets");
    let networks = write(
        &dir,
        "networks",
        b"ten 10\nten-twenty 10.20 alias-tt\nthree-parts 10.20.30\nfull 10.20.30.0\n\
          octal-hex 012.0x14\nzero 0\n",
    );
    let sources: [[u8; 4]; 9] = [
        [10, 0, 0, 0],
        [10, 0, 0, 1],
        [10, 1, 2, 3],
        [10, 20, 0, 0],
        [10, 20, 5, 5],
        [10, 20, 30, 0],
        [10, 20, 30, 7],
        [11, 20, 0, 0],
        [0, 0, 0, 0],
    ];
    let packets: Vec<Pkt> = sources
        .iter()
        .enumerate()
        .map(|(i, src)| {
            let mut data = udp_frame(i as u16, 8);
            data[26..30].copy_from_slice(src);
            Pkt {
                sec: 1_700_000_000 + i as u32,
                frac: 0,
                wire_len: data.len() as u32,
                data,
            }
        })
        .collect();
    let input = write(&dir, "nets.pcap", &pcap_file(false, false, &packets));
    let exprs = [
        "net ten",
        "src net ten-twenty",
        "net ALIAS-TT",
        "ip net three-parts",
        "src net full",
        "net octal-hex",
        "not src net ten and not net three-parts",
        "net zero",
    ];
    let script = r#"
set -e
mount --bind "$NETWORKS" /etc/networks
i=0
for e in "$@"; do
    tcpdump -r "$IN" -w "$OUT/t$i" "$e" 2> "$OUT/t$i.err" || echo "status $?" >> "$OUT/t$i.err"
    "$RFILTER" -r "$IN" -w "$OUT/r$i" "$e" 2> "$OUT/r$i.err" || echo "status $?" >> "$OUT/r$i.err"
    i=$((i + 1))
done
"#;
    let out = std::process::Command::new("unshare")
        .args([
            "-m",
            "--propagation",
            "private",
            "bash",
            "-c",
            script,
            "nets",
        ])
        .args(exprs)
        .env("NETWORKS", &networks)
        .env("IN", &input)
        .env("OUT", &dir)
        .env("RFILTER", RFILTER)
        .output()
        .unwrap();
    assert!(out.status.success(), "namespace script: {}", stderr(&out));
    let read = |f: String| std::fs::read(dir.join(f)).unwrap_or_default();
    let mut kept = 0;
    for (i, expr) in exprs.iter().enumerate() {
        let (t_err, r_err) = (read(format!("t{i}.err")), read(format!("r{i}.err")));
        let (t_err, r_err) = (
            String::from_utf8_lossy(&t_err),
            String::from_utf8_lossy(&r_err),
        );
        if *expr == "net zero" {
            // Network 0 is "unknown" to libpcap (it takes 0 for not found).
            assert!(t_err.contains("unknown network 'zero'"), "{t_err}");
            assert!(r_err.contains("unknown network 'zero'"), "{r_err}");
            continue;
        }
        assert!(!t_err.contains("status"), "tcpdump {expr:?}: {t_err}");
        assert!(!r_err.contains("status"), "rfilter {expr:?}: {r_err}");
        let (theirs, ours) = (read(format!("t{i}")), read(format!("r{i}")));
        assert!(
            ours == theirs,
            "{expr:?}: rfilter kept {} bytes, tcpdump {}",
            ours.len(),
            theirs.len()
        );
        kept += theirs.len();
    }
    // The filters keep some packets and drop others.
    assert!(kept > 24 * 7, "the filters kept almost nothing");
    let _ = std::fs::remove_dir_all(&dir);
}
