//! Savefile reading and writing: round trips, byte-for-byte agreement with
//! tcpdump's own copies, files checked by tshark and capinfos, every error case.

mod savefile_support;

use rfilter::linktype::LinkType;
use rfilter::packet::{PacketRef, Sink, Timestamp};
use rfilter::savefile::{PcapWriter, Precision, Reader};
use savefile_support::*;
use std::io::Cursor;
use std::process::{Command, Output};

/// A packet as read back: timestamp, length on the wire, bytes.
type Read = (Timestamp, u32, Vec<u8>);

/// Every packet of `bytes`, read with rfilter's reader.
fn read_all(bytes: Vec<u8>) -> (LinkType, u32, Vec<Read>) {
    let mut r = Reader::from_read(Box::new(Cursor::new(bytes))).unwrap();
    let mut out = Vec::new();
    while let Some(p) = r.next_packet().unwrap() {
        out.push((p.ts, p.wire_len, p.data.to_vec()));
    }
    (r.linktype(), r.snaplen(), out)
}

fn as_refs(pkts: &[Pkt], nano: bool) -> Vec<Read> {
    pkts.iter()
        .map(|p| {
            let nsec = if nano { p.frac } else { p.frac * 1000 };
            (
                Timestamp {
                    sec: i64::from(p.sec),
                    nsec: nsec.into(),
                },
                p.wire_len,
                p.data.clone(),
            )
        })
        .collect()
}

#[test]
fn reads_pcap_in_both_byte_orders_and_precisions() {
    let pkts = sample_packets(40);
    for be in [false, true] {
        for nano in [false, true] {
            let (lt, snap, got) = read_all(pcap_file(be, nano, &pkts));
            assert_eq!(lt, LinkType::En10mb);
            assert_eq!(snap, 262_144);
            assert_eq!(got, as_refs(&pkts, nano), "be={be} nano={nano}");
        }
    }
}

#[test]
fn write_then_read_gives_the_same_packets() {
    let pkts = sample_packets(100);
    // Whole microseconds, which both precisions keep.
    let refs = as_refs(&pkts, false);
    for precision in [Precision::Micro, Precision::Nano] {
        let mut buf = Vec::new();
        {
            let mut w =
                PcapWriter::new(&mut buf, "test", LinkType::LinuxSll, 9000, precision, false)
                    .unwrap();
            for (ts, wire_len, data) in &refs {
                let p = PacketRef {
                    ts: *ts,
                    wire_len: *wire_len,
                    data,
                };
                w.packet(&p).unwrap();
            }
            Sink::finish(&mut w).unwrap();
        }
        let (lt, snap, got) = read_all(buf);
        assert_eq!(lt, LinkType::LinuxSll);
        assert_eq!(snap, 9000);
        // Microsecond files keep the microseconds (the test fractions are whole µs).
        assert_eq!(got, refs, "{precision:?}");
    }
}

#[test]
fn reads_pcapng_blocks_resolutions_and_sections() {
    let data: Vec<Vec<u8>> = (0..6).map(|i| udp_frame(i, 20 + i as usize)).collect();
    for be in [false, true] {
        let mut f = Vec::new();
        ng_section(&mut f, be);
        ng_other(&mut f, be);
        ng_interface(&mut f, be, 1, 0, None); // µs, snaplen 0 = maximum
        // ns; libpcap takes 262144 for the 0 above, and refuses a file whose
        // interfaces differ in snapshot length.
        ng_interface(&mut f, be, 1, 262_144, Some(9));
        ng_packet(&mut f, be, 0, 1_700_000_000_123_456, 100, &data[0]);
        ng_packet(&mut f, be, 1, 1_700_000_001_123_456_789, 101, &data[1]);
        ng_simple_packet(&mut f, be, data[2].len() as u32, &data[2]);
        ng_old_packet(&mut f, be, 1, 1_700_000_002_000_000_001, 103, &data[3]);
        // A second section in the other byte order, interfaces numbered afresh.
        ng_section(&mut f, !be);
        ng_interface(&mut f, !be, 1, 262_144, Some(0x80 | 20)); // 2^-20 s
        ng_packet(&mut f, !be, 0, (5u64 << 20) | (1 << 19), 104, &data[4]);
        let (lt, snap, got) = read_all(f);
        assert_eq!(lt, LinkType::En10mb);
        assert_eq!(snap, 262_144);
        let ts = |sec, nsec| Timestamp { sec, nsec };
        assert_eq!(
            got,
            vec![
                (ts(1_700_000_000, 123_456_000), 100, data[0].clone()),
                (ts(1_700_000_001, 123_456_789), 101, data[1].clone()),
                (ts(0, 0), data[2].len() as u32, data[2].clone()),
                (ts(1_700_000_002, 1), 103, data[3].clone()),
                (ts(5, 500_000_000), 104, data[4].clone()),
            ],
            "be={be}"
        );
    }
}

/// The same input through `tcpdump -r IN -w -` and `rfilter -r IN -w -` must give
/// the same bytes.
fn assert_copy_matches_tcpdump(input: &str, extra: &[&str]) {
    let mut args = vec!["-r", input, "-w", "-"];
    args.extend_from_slice(extra);
    let theirs = tcpdump(&args);
    assert!(theirs.status.success(), "tcpdump: {}", stderr(&theirs));
    let ours = rfilter(&args);
    assert!(ours.status.success(), "rfilter: {}", stderr(&ours));
    assert!(!theirs.stdout.is_empty());
    assert!(
        ours.stdout == theirs.stdout,
        "{input} {extra:?}: rfilter's copy differs from tcpdump's ({} vs {} bytes)",
        ours.stdout.len(),
        theirs.stdout.len()
    );
    // tcpdump's first stderr line, exactly.
    assert_eq!(
        stderr(&ours).lines().next(),
        stderr(&theirs).lines().next(),
        "the 'reading from file' line"
    );
}

/// Every way tcpdump prints a packet's time (the default and -t … -ttttt).
const TIME_FORMATS: [&[&str]; 6] = [&[], &["-tt"], &["-ttt"], &["-tttt"], &["-ttttt"], &["-t"]];

/// Runs tcpdump and rfilter with `args`: tcpdump must succeed and rfilter
/// print the same standard output. Both outputs are returned for more checks.
fn assert_prints_as_tcpdump(args: &[&str], what: &str) -> (Output, Output) {
    let theirs = tcpdump(args);
    let ours = rfilter(args);
    assert!(theirs.status.success(), "tcpdump: {}", stderr(&theirs));
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout),
        "{what}"
    );
    (ours, theirs)
}

#[test]
fn pcap_copies_match_tcpdump() {
    let dir = temp_dir("pcapcopy");
    let pkts = sample_packets(200);
    for be in [false, true] {
        for nano in [false, true] {
            let name = format!("in-{be}-{nano}.pcap");
            let input = write(&dir, &name, &pcap_file(be, nano, &pkts));
            assert_copy_matches_tcpdump(&input, &[]);
            assert_copy_matches_tcpdump(&input, &["--time-stamp-precision=nano"]);
            assert_copy_matches_tcpdump(&input, &["-c", "7"]);
        }
    }
    // A small snapshot length and another link type travel to the output header.
    let mut f = pcap_header(false, false, 96, 113);
    for p in sample_packets(10) {
        let cut = Pkt {
            data: p.data[..p.data.len().min(96)].to_vec(),
            ..p
        };
        pcap_record(&mut f, false, &cut);
    }
    let input = write(&dir, "sll.pcap", &f);
    assert_copy_matches_tcpdump(&input, &[]);
    // Records longer than the header's snapshot length are cut to it, as libpcap
    // does; a 0 or negative one means the maximum, a larger one stays as given.
    for snaplen in [100, 0, 942_984, 0x8000_0001] {
        let mut f = pcap_header(true, false, snaplen, 1);
        for p in sample_packets(10) {
            pcap_record(&mut f, true, &p);
        }
        let input = write(&dir, &format!("long-{snaplen}.pcap"), &f);
        assert_copy_matches_tcpdump(&input, &[]);
    }
}

#[test]
fn pcapng_copies_match_tcpdump() {
    let dir = temp_dir("ngcopy");
    let data: Vec<Vec<u8>> = (0..8).map(|i| udp_frame(i, 10 * i as usize)).collect();
    for be in [false, true] {
        for tsresol in [None, Some(9), Some(3), Some(0x80 | 20)] {
            let mut f = Vec::new();
            ng_section(&mut f, be);
            ng_interface(&mut f, be, 1, 0, tsresol);
            ng_other(&mut f, be);
            // libpcap wants every interface to have the first one's snapshot length.
            ng_interface(&mut f, be, 1, 0, tsresol);
            for (i, d) in data.iter().enumerate() {
                let units = 1_700_000_000_000u64 * 1_000 + i as u64 * 987_654_321;
                ng_packet(&mut f, be, (i % 2) as u32, units, d.len() as u32 + 4, d);
            }
            ng_simple_packet(&mut f, be, data[3].len() as u32, &data[3]);
            ng_old_packet(&mut f, be, 1, 1_234_567_890_123, 99, &data[5]);
            let input = write(&dir, &format!("in-{be}-{tsresol:?}.pcapng"), &f);
            assert_copy_matches_tcpdump(&input, &[]);
            assert_copy_matches_tcpdump(&input, &["--time-stamp-precision=nano"]);
        }
    }
}

/// A pcapng interface's snapshot length larger than the maximum is kept as
/// the file gives it, as for classic pcap files: libpcap replaces only 0 and
/// values past 2^31-1, and reports the rest, compiles filters with it (-d)
/// and writes it into copies.
#[test]
fn pcapng_large_snapshot_lengths_as_tcpdump() {
    let dir = temp_dir("ngsnap");
    let data: Vec<Vec<u8>> = (0..4).map(|i| udp_frame(i, 20 * i as usize)).collect();
    for be in [false, true] {
        for snaplen in [
            0,
            96,
            65_535,
            262_144,
            262_145,
            16_778_295,
            0x7fff_ffff,
            0x8000_0000,
            0xffff_ffff,
        ] {
            let mut f = Vec::new();
            ng_section(&mut f, be);
            ng_interface(&mut f, be, 1, snaplen, None);
            for (i, d) in data.iter().enumerate() {
                let d = &d[..d.len().min(96)];
                ng_packet(&mut f, be, 0, 1_700_000_000_000_000 + i as u64, 300, d);
            }
            ng_simple_packet(&mut f, be, data[3].len() as u32, &data[3]);
            let input = write(&dir, &format!("snap-{be}-{snaplen}.pcapng"), &f);
            assert_copy_matches_tcpdump(&input, &[]);
            assert_copy_matches_tcpdump(&input, &["udp"]);
            for flags in [&["-d"][..], &["-dd", "udp"], &["-n"]] {
                let mut args = vec!["-r", input.as_str()];
                args.extend_from_slice(flags);
                let (ours, theirs) = assert_prints_as_tcpdump(
                    &args,
                    &format!("be={be} snaplen={snaplen} {flags:?}"),
                );
                assert_eq!(
                    stderr(&ours).lines().next(),
                    stderr(&theirs).lines().next(),
                    "be={be} snaplen={snaplen} {flags:?}"
                );
            }
        }
    }
}

/// pcapng times are 64-bit: seconds past 2^31 are not negative there (pcap's
/// are read as signed 32-bit), so the -ttt delta to them is too large to
/// print and the one back from them is negative, as in tcpdump.
#[test]
fn pcapng_times_past_2038_print_as_tcpdump() {
    let dir = temp_dir("ngtime");
    let data: Vec<Vec<u8>> = (0..5).map(|i| udp_frame(i, 10 * i as usize)).collect();
    let secs = [
        1_480_520_108u64,
        1_480_520_109,
        4_045_955_614,
        2_200_000_000,
        7,
    ];
    let mut f = Vec::new();
    ng_section(&mut f, false);
    ng_interface(&mut f, false, 1, 0, None);
    for (d, sec) in data.iter().zip(secs) {
        ng_packet(
            &mut f,
            false,
            0,
            sec * 1_000_000 + 640_523,
            d.len() as u32,
            d,
        );
    }
    let input = write(&dir, "late.pcapng", &f);
    for flags in [&["-tt"][..], &["-ttt"], &["-ttttt"], &["-tttt"]] {
        let mut args = vec!["-n", "-r", input.as_str()];
        args.extend_from_slice(flags);
        assert_prints_as_tcpdump(&args, &format!("{flags:?}"));
    }
}

#[test]
fn pcapng_from_editcap_and_the_bundled_sample() {
    require("editcap");
    let dir = temp_dir("editcap");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");
    assert_copy_matches_tcpdump(sample, &[]);
    let ng = dir.join("sample.pcapng");
    let ng = ng.to_str().unwrap();
    let st = Command::new("editcap")
        .args(["-F", "pcapng", sample, ng])
        .status()
        .unwrap();
    assert!(st.success());
    assert_copy_matches_tcpdump(ng, &[]);
    // The pcapng copy and the pcap original give the same pcap.
    let a = rfilter(&["-r", sample, "-w", "-"]);
    let b = rfilter(&["-r", ng, "-w", "-"]);
    assert!(a.status.success() && b.status.success());
    assert!(a.stdout == b.stdout);
}

#[test]
fn tshark_and_capinfos_read_what_we_write() {
    require("tshark");
    require("capinfos");
    let dir = temp_dir("tshark");
    let pkts = sample_packets(50);
    for (tag, extra) in [("us", vec![]), ("ns", vec!["--time-stamp-precision=nano"])] {
        let input = write(
            &dir,
            &format!("in-{tag}.pcap"),
            &pcap_file(true, tag == "ns", &pkts),
        );
        let out = dir.join(format!("out-{tag}.pcap"));
        let out = out.to_str().unwrap();
        let mut args = vec!["-r", input.as_str(), "-w", out];
        args.extend(extra.iter().copied());
        let r = rfilter(&args);
        assert!(r.status.success(), "{}", stderr(&r));

        let info = Command::new("capinfos")
            .args(["-M", "-c", "-l", "-E", out])
            .output()
            .unwrap();
        assert!(
            info.status.success(),
            "capinfos: {}",
            String::from_utf8_lossy(&info.stderr)
        );
        let text = String::from_utf8_lossy(&info.stdout);
        assert!(text.contains("Number of packets:   50"), "{text}");
        assert!(
            text.contains("Packet size limit:   file hdr: 262144 bytes"),
            "{text}"
        );
        assert!(text.contains("File encapsulation:  ether"), "{text}");

        let fields = Command::new("tshark")
            .args([
                "-r",
                out,
                "-T",
                "fields",
                "-e",
                "frame.time_epoch",
                "-e",
                "frame.len",
                "-e",
                "frame.cap_len",
            ])
            .output()
            .unwrap();
        assert!(
            fields.status.success(),
            "tshark: {}",
            String::from_utf8_lossy(&fields.stderr)
        );
        let lines: Vec<String> = String::from_utf8_lossy(&fields.stdout)
            .lines()
            .map(String::from)
            .collect();
        let expected: Vec<String> = pkts
            .iter()
            .map(|p| {
                let frac = if tag == "ns" {
                    format!("{:09}", p.frac)
                } else {
                    format!("{:06}000", p.frac)
                };
                format!("{}.{frac}\t{}\t{}", p.sec, p.wire_len, p.data.len())
            })
            .collect();
        assert_eq!(lines, expected);
    }
}

#[test]
fn standard_input_and_output() {
    let pkts = sample_packets(30);
    let file = pcap_file(false, false, &pkts);
    let out = rfilter_stdin(&["-r", "-", "-w", "-"], &file);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        out.stdout == file,
        "a µs little-endian file is copied unchanged"
    );
    assert_eq!(
        stderr(&out).lines().next(),
        Some("reading from file -, link-type EN10MB (Ethernet), snapshot length 262144")
    );
}

#[test]
fn count_stops_after_n_packets() {
    let pkts = sample_packets(30);
    let out = rfilter_stdin(
        &["-r", "-", "-w", "-", "-c", "4"],
        &pcap_file(false, false, &pkts),
    );
    assert!(out.status.success());
    assert_eq!(out.stdout, pcap_file(false, false, &pkts[..4]));
}

// ---- Errors ----

#[test]
fn missing_file_directory_and_non_captures() {
    let dir = temp_dir("errors");
    let d = dir.to_str().unwrap();
    let missing = format!("{d}/nope.pcap");
    assert_error(
        &rfilter(&["-r", &missing, "-w", "-"]),
        &format!("rfilter: {missing}: No such file or directory"),
    );
    assert_error(
        &rfilter(&["-r", d]),
        &format!("rfilter: {d}: is a directory, not a capture file"),
    );
    let text = write(&dir, "hello.txt", b"hello, world\n");
    assert_error(
        &rfilter(&["-r", &text]),
        &format!("rfilter: {text}: not a pcap or pcapng capture file (it starts with 68 65 6c 6c)"),
    );
    let empty = write(&dir, "empty.pcap", b"");
    assert_error(
        &rfilter(&["-r", &empty]),
        &format!("rfilter: {empty}: empty file, not a capture file"),
    );
    let tiny = write(&dir, "tiny.pcap", &[0xd4, 0xc3]);
    assert_error(
        &rfilter(&["-r", &tiny]),
        &format!(
            "rfilter: {tiny}: truncated capture file: only 2 bytes, too short for a file header"
        ),
    );
    let short = write(
        &dir,
        "short.pcap",
        &pcap_header(false, false, 65535, 1)[..10],
    );
    assert_error(
        &rfilter(&["-r", &short]),
        &format!("rfilter: {short}: truncated pcap file header: 24 bytes needed, only 10 present"),
    );
    let mut bad_version = pcap_header(false, false, 65535, 1);
    bad_version[4] = 3;
    let bv = write(&dir, "version.pcap", &bad_version);
    assert_error(
        &rfilter(&["-r", &bv]),
        &format!("rfilter: {bv}: unsupported pcap savefile version 3.4"),
    );
    let stdin_empty = rfilter_stdin(&["-r", "-"], b"");
    assert_error(&stdin_empty, "rfilter: -: empty file, not a capture file");
}

#[test]
fn truncated_file_delivers_what_came_before_the_damage() {
    let dir = temp_dir("trunc");
    let pkts = sample_packets(5);
    let whole = pcap_file(false, false, &pkts);
    let good = pcap_file(false, false, &pkts[..4]);
    // Cut inside the last record's data, then inside its header.
    for (cut, msg) in [
        (
            whole.len() - 3,
            format!(
                "{} captured bytes needed, only {} present",
                pkts[4].data.len(),
                pkts[4].data.len() - 3
            ),
        ),
        (
            good.len() + 5,
            "record header: 16 bytes needed, only 5 present".to_string(),
        ),
    ] {
        let input = write(&dir, "t.pcap", &whole[..cut]);
        let out_path = dir.join("out.pcap");
        let out_path = out_path.to_str().unwrap();
        let out = rfilter(&["-r", &input, "-w", out_path]);
        assert_error(
            &out,
            &format!(
                "rfilter: {input}: truncated capture file: packet 5 (at byte {}): {msg}",
                good.len()
            ),
        );
        assert_eq!(
            std::fs::read(out_path).unwrap(),
            good,
            "the four whole packets were written"
        );
        // And on standard output.
        let out = rfilter(&["-r", &input, "-w", "-"]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(out.stdout, good);
    }
}

#[test]
fn records_claiming_huge_packets_are_rejected_without_allocating() {
    let dir = temp_dir("huge");
    let pkts = sample_packets(2);
    let mut f = pcap_file(false, false, &pkts);
    let at = f.len();
    // caplen 0xffffffff: 4 GiB.
    f.extend_from_slice(&[
        1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    ]);
    let input = write(&dir, "huge.pcap", &f);
    let out = rfilter(&["-r", &input, "-w", "-"]);
    assert_error(
        &out,
        &format!(
            "rfilter: {input}: packet 3 (at byte {at}) claims 4294967295 captured bytes, more than the maximum of 262144: the file is damaged"
        ),
    );
    assert_eq!(out.stdout, pcap_file(false, false, &pkts));

    // A pcapng block claiming 4 GiB.
    let mut g = Vec::new();
    ng_section(&mut g, false);
    ng_interface(&mut g, false, 1, 0, None);
    let at = g.len();
    g.extend_from_slice(&[6, 0, 0, 0, 0xfc, 0xff, 0xff, 0xff]);
    g.extend_from_slice(&[0; 40]);
    let input = write(&dir, "huge.pcapng", &g);
    assert_error(
        &rfilter(&["-r", &input, "-w", "-"]),
        &format!(
            "rfilter: {input}: pcapng block (type 6, at byte {at}) claims 4294967292 bytes, more than the maximum of 16777216: the file is damaged"
        ),
    );
}

#[test]
fn pcapng_damage_and_mixed_link_types() {
    let dir = temp_dir("ngerr");
    let d = udp_frame(1, 10);
    // Two interfaces of different link types.
    let mut f = Vec::new();
    ng_section(&mut f, false);
    ng_interface(&mut f, false, 1, 0, None);
    ng_packet(&mut f, false, 0, 1, d.len() as u32, &d);
    ng_interface(&mut f, false, 113, 0, None);
    let input = write(&dir, "mixed.pcapng", &f);
    let out = rfilter(&["-r", &input, "-w", "-"]);
    assert_error(
        &out,
        &format!(
            "rfilter: {input}: interface 1 has link type LINUX_SLL, the first interface has EN10MB: rfilter reads one link type per file"
        ),
    );
    assert_eq!(
        read_all(out.stdout).2.len(),
        1,
        "the packet before the damage is kept"
    );

    // A packet on an interface never described.
    let mut f = Vec::new();
    ng_section(&mut f, true);
    ng_interface(&mut f, true, 1, 0, None);
    ng_packet(&mut f, true, 3, 1, d.len() as u32, &d);
    let input = write(&dir, "noiface.pcapng", &f);
    assert_error(
        &rfilter(&["-r", &input, "-w", "/dev/null"]),
        &format!("rfilter: {input}: pcapng packet 1 refers to interface 3, which is not described"),
    );

    // No interface at all.
    let mut f = Vec::new();
    ng_section(&mut f, false);
    let input = write(&dir, "empty.pcapng", &f);
    assert_error(
        &rfilter(&["-r", &input]),
        &format!("rfilter: {input}: pcapng file has no interface description block"),
    );

    // Cut in the middle of a block.
    let mut f = Vec::new();
    ng_section(&mut f, false);
    ng_interface(&mut f, false, 1, 0, None);
    let keep = f.len();
    ng_packet(&mut f, false, 0, 1, d.len() as u32, &d);
    f.truncate(f.len() - 6);
    let input = write(&dir, "cut.pcapng", &f);
    let len = f.len() - keep + 6;
    assert_error(
        &rfilter(&["-r", &input, "-w", "/dev/null"]),
        &format!(
            "rfilter: {input}: truncated capture file: after packet 0 (at byte {keep}): block of {len} bytes, only {} present",
            len - 6
        ),
    );

    // Block lengths that disagree.
    let mut f = Vec::new();
    ng_section(&mut f, false);
    ng_interface(&mut f, false, 1, 0, None);
    let at = f.len();
    ng_packet(&mut f, false, 0, 1, d.len() as u32, &d);
    let n = f.len();
    f[n - 4] ^= 0x04;
    let input = write(&dir, "lens.pcapng", &f);
    let out = rfilter(&["-r", &input, "-w", "/dev/null"]);
    let last = stderr(&out).lines().last().unwrap_or("").to_string();
    assert_error(&out, &last);
    assert!(
        last.starts_with(&format!(
            "rfilter: {input}: pcapng block (type 6, at byte {at}) has mismatched lengths"
        )),
        "{last}"
    );
}

#[test]
fn full_disk_and_unwritable_paths() {
    let dir = temp_dir("wfail");
    let input = write(
        &dir,
        "in.pcap",
        &pcap_file(false, false, &sample_packets(20)),
    );
    assert_error(
        &rfilter(&["-r", &input, "-w", "/dev/full"]),
        "rfilter: /dev/full: No space left on device",
    );
    let bad = format!("{}/no/such/dir/out.pcap", dir.display());
    assert_error(
        &rfilter(&["-r", &input, "-w", &bad]),
        &format!("rfilter: {bad}: No such file or directory"),
    );
    // More than one buffer's worth, so the failure comes in the middle of the run.
    let big = write(
        &dir,
        "big.pcap",
        &pcap_file(false, false, &sample_packets(20_000)),
    );
    assert_error(
        &rfilter(&["-r", &big, "-w", "/dev/full"]),
        "rfilter: /dev/full: No space left on device",
    );
}

/// Damaged files of every kind: the reader reports an error or ends, never
/// panics, never loops and never allocates more than the largest record allowed.
#[test]
fn mutated_files_never_panic() {
    let mut seeds: Vec<Vec<u8>> = vec![
        pcap_file(false, false, &sample_packets(6)),
        pcap_file(true, true, &sample_packets(6)),
    ];
    for be in [false, true] {
        let mut f = Vec::new();
        ng_section(&mut f, be);
        ng_interface(&mut f, be, 1, 0, Some(9));
        ng_other(&mut f, be);
        for i in 0..4u16 {
            let d = udp_frame(i, 30);
            ng_packet(&mut f, be, 0, u64::from(i) * 1000, 80, &d);
        }
        ng_simple_packet(&mut f, be, 60, &udp_frame(9, 5));
        ng_section(&mut f, !be);
        ng_interface(&mut f, !be, 1, 100, Some(0x80 | 30));
        ng_old_packet(&mut f, !be, 0, 77, 90, &udp_frame(7, 9));
        seeds.push(f);
    }
    // xorshift: deterministic, no dependency.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..4000 {
        let mut f = seeds[round % seeds.len()].clone();
        let edits = 1 + next() % 4;
        for _ in 0..edits {
            let at = (next() % f.len() as u64) as usize;
            match next() % 4 {
                0 => f[at] = next() as u8,
                1 => f[at] ^= 1 << (next() % 8),
                2 => f.truncate(at),
                _ => f[at] = 0xff,
            }
            if f.is_empty() {
                break;
            }
        }
        if let Ok(mut r) = Reader::from_read(Box::new(Cursor::new(f))) {
            let mut n = 0;
            while let Ok(Some(p)) = r.next_packet() {
                assert!(p.data.len() <= 262_144);
                n += 1;
                assert!(n < 100, "more packets than the file can hold");
            }
        }
    }
}

/// A microsecond file whose fraction field is a million or more (damaged or
/// crafted, as in several of tcpdump's own test captures): tcpdump prints the
/// field as it stands and copies it unchanged, so rfilter does too.
#[test]
fn out_of_range_fractions_print_and_copy_as_tcpdump() {
    let dir = temp_dir("bigfrac");
    let mut pkts = sample_packets(6);
    for (p, frac) in pkts.iter_mut().zip([
        999_999,
        1_000_000,
        808_464_432,
        16_721_442,
        4_294_967_295,
        7,
    ]) {
        p.frac = frac;
    }
    // Seconds with the sign bit of their 32-bit form set: "[Error converting time]".
    let mut late = sample_packets(1).remove(0);
    late.sec = 0x9000_0000;
    pkts.push(late);
    let input = write(&dir, "bigfrac.pcap", &pcap_file(false, false, &pkts));
    assert_copy_matches_tcpdump(&input, &[]);
    for flags in TIME_FORMATS {
        let mut args = vec!["-n", "-r", input.as_str()];
        args.extend_from_slice(flags);
        assert_prints_as_tcpdump(&args, &format!("{flags:?}"));
    }
}

/// Pcap files whose fraction fields are out of range and whose seconds have
/// bit 31 set, nanosecond and microsecond, in both byte orders, read at either
/// precision: libpcap takes both fields as signed 32-bit numbers in a file of
/// the machine's byte order but as unsigned ones in a swapped file, divides a
/// nanosecond fraction by 1000 (toward zero) for microsecond output and
/// multiplies a microsecond one by 1000 for nanosecond output, in a C `long`.
/// tcpdump prints the result as a C `unsigned`, works out -ttt and -ttttt
/// differences with it, and copies its low 32 bits.
#[test]
fn out_of_range_times_in_either_byte_order_print_and_copy_as_tcpdump() {
    let dir = temp_dir("bigfrac2");
    let mut pkts = sample_packets(12);
    for (p, frac) in pkts.iter_mut().zip([
        999_999_999,
        1_000_000_000,
        2_147_483_647,
        2_147_483_648,
        2_147_483_999,
        3_000_000_001,
        16_721_442,
        4_294_967_295,
        1_234,
        0,
        4_294_966_296,
        5,
    ]) {
        p.frac = frac;
    }
    pkts[9].sec = 0x9000_0000;
    pkts[10].sec = 0xffff_fffe;
    for be in [false, true] {
        for nano in [false, true] {
            let input = write(
                &dir,
                &format!("bigfrac-{be}-{nano}.pcap"),
                &pcap_file(be, nano, &pkts),
            );
            assert_copy_matches_tcpdump(&input, &[]);
            assert_copy_matches_tcpdump(&input, &["--micro"]);
            assert_copy_matches_tcpdump(&input, &["--nano"]);
            for precision in [&[][..], &["--nano"]] {
                for flags in TIME_FORMATS {
                    let mut args = vec!["-n", "-r", input.as_str()];
                    args.extend_from_slice(precision);
                    args.extend_from_slice(flags);
                    assert_prints_as_tcpdump(
                        &args,
                        &format!("be={be} nano={nano} {precision:?} {flags:?}"),
                    );
                }
            }
        }
    }
}

/// The reader at microsecond precision (as tcpdump opens files unless asked
/// for nanoseconds) divides a nanosecond file's fractions as libpcap does:
/// taken as signed 32-bit numbers in a file of this machine's byte order,
/// unsigned ones in the other, and rounded toward zero. Seconds are read the
/// same way. At nanosecond precision, and for microsecond files, the fraction
/// is not divided.
#[test]
fn reader_scales_fractions_as_libpcap() {
    let mut pkts = sample_packets(4);
    for (p, frac) in pkts
        .iter_mut()
        .zip([123_456_789, 999, 2_147_483_648, 4_294_967_295])
    {
        p.frac = frac;
    }
    pkts[1].sec = 0x9000_0000;
    let read = |bytes: Vec<u8>, wanted| {
        let mut r = Reader::from_read_with_precision(Box::new(Cursor::new(bytes)), wanted).unwrap();
        let mut out = Vec::new();
        while let Some(p) = r.next_packet().unwrap() {
            out.push((p.ts.sec, p.ts.nsec));
        }
        out
    };
    for be in [false, true] {
        let swapped = be != cfg!(target_endian = "big");
        let late = if swapped { 0x9000_0000 } else { -0x7000_0000 };
        let secs = [0, 1, 2, 3].map(|i| match i {
            1 => late,
            _ => i64::from(pkts[i].sec),
        });
        let with = |fracs: [i64; 4]| -> Vec<(i64, i64)> { secs.into_iter().zip(fracs).collect() };
        let micro = if swapped {
            [123_456_000, 0, 2_147_483_000, 4_294_967_000]
        } else {
            [123_456_000, 0, -2_147_483_000, 0]
        };
        assert_eq!(
            read(pcap_file(be, true, &pkts), Precision::Micro),
            with(micro)
        );
        let nano = if swapped {
            [123_456_789, 999, 2_147_483_648, 4_294_967_295]
        } else {
            [123_456_789, 999, -2_147_483_648, -1]
        };
        assert_eq!(
            read(pcap_file(be, true, &pkts), Precision::Nano),
            with(nano)
        );
        for wanted in [Precision::Micro, Precision::Nano] {
            assert_eq!(
                read(pcap_file(be, false, &pkts), wanted),
                with(nano.map(|f| f * 1000))
            );
        }
    }
}

/// A pcapng time past 2106 (seconds beyond 32 bits): tcpdump's `-tt` prints
/// the seconds as a C `unsigned`, so only their low 32 bits, and refuses those
/// whose bit 31 is set; the dated formats show the real date.
#[test]
fn pcapng_times_past_2106_print_as_tcpdump() {
    let dir = temp_dir("ngtime2106");
    let secs = [
        1u64 << 32,
        4_323_283_200,
        (1 << 32) + 0x8000_0001,
        (1 << 32) - 1,
        (5 << 32) + 86_399,
        1_700_000_000,
    ];
    let mut f = Vec::new();
    ng_section(&mut f, false);
    ng_interface(&mut f, false, 1, 0, None);
    for (i, sec) in secs.iter().enumerate() {
        let d = udp_frame(i as u16, 8 * i);
        ng_packet(
            &mut f,
            false,
            0,
            sec * 1_000_000 + 250_001,
            d.len() as u32,
            &d,
        );
    }
    let input = write(&dir, "late.pcapng", &f);
    assert_copy_matches_tcpdump(&input, &[]);
    for flags in [
        &["-tt"][..],
        &["-tt", "--nano"],
        &["-ttt"],
        &["-ttttt"],
        &["-tttt"],
        &[],
    ] {
        let mut args = vec!["-n", "-r", input.as_str()];
        args.extend_from_slice(flags);
        assert_prints_as_tcpdump(&args, &format!("{flags:?}"));
    }
}

/// Loopback savefiles (BSD DLT_NULL in either byte order, OpenBSD DLT_LOOP)
/// filtered as tcpdump filters them: every BSD's AF_INET6 (24, 28, 30) counts
/// as IPv6 in a file, and DLT_NULL families are read in the file's byte order.
#[test]
fn loopback_files_filter_as_tcpdump() {
    let dir = temp_dir("loopfilter");
    let eth = udp_frame(1, 12);
    let ip4 = eth[14..].to_vec();
    let mut ip6 = vec![0x60, 0, 0, 0, 0, 20, 17, 64];
    ip6.extend_from_slice(&[0; 15]);
    ip6.push(1);
    ip6.extend_from_slice(&[0; 15]);
    ip6.push(1);
    ip6.extend_from_slice(&[0x30, 0x39, 0x00, 0x35, 0, 20, 0, 0]);
    ip6.extend_from_slice(&[7; 12]);
    for (dlt, name) in [(0u32, "null"), (108, "loop")] {
        for be in [false, true] {
            let mut file = pcap_header(be, false, 262_144, dlt);
            let mut n = 0;
            for af in [2u32, 10, 24, 28, 30, 7] {
                for family_be in [false, true] {
                    let mut data = if family_be {
                        af.to_be_bytes().to_vec()
                    } else {
                        af.to_le_bytes().to_vec()
                    };
                    data.extend_from_slice(if af == 2 { &ip4 } else { &ip6 });
                    n += 1;
                    pcap_record(
                        &mut file,
                        be,
                        &Pkt {
                            sec: 1_700_000_000,
                            frac: n,
                            wire_len: data.len() as u32,
                            data,
                        },
                    );
                }
            }
            let input = write(&dir, &format!("{name}-{be}.pcap"), &file);
            for filter in [
                "ip",
                "ip6",
                "udp",
                "ip6 and udp port 53",
                "not ip6",
                "ip or ip6",
            ] {
                assert_copy_matches_tcpdump(&input, &[filter]);
            }
            // The listing is libpcap's, instruction for instruction.
            let args = ["-O", "-d", "-r", input.as_str(), "ip6 or ip"];
            let (theirs, ours) = (tcpdump(&args), rfilter(&args));
            assert!(theirs.status.success() && ours.status.success());
            assert_eq!(
                String::from_utf8_lossy(&ours.stdout),
                String::from_utf8_lossy(&theirs.stdout),
                "{name} be={be}"
            );
        }
    }
}

/// libpcap takes the first interface's snapshot length (0 meaning the
/// maximum) for a whole pcapng file: a packet longer than it, or a later
/// interface with another, ends the read. The packets before are printed and
/// copied as tcpdump does, then the error in libpcap's words, exit 1.
#[test]
fn pcapng_packets_longer_than_the_snapshot_length() {
    require("tcpdump");
    let dir = temp_dir("ngsnap");
    let d = udp_frame(1, 10);
    let wire = d.len() as u32;
    let build = |steps: &[(Option<u32>, usize)]| {
        // (Some(snaplen), _): an interface; (None, n): a packet of n bytes.
        let mut f = Vec::new();
        ng_section(&mut f, false);
        for (i, &(idb, n)) in steps.iter().enumerate() {
            match idb {
                Some(snaplen) => ng_interface(&mut f, false, 1, snaplen, None),
                None => ng_packet(&mut f, false, 0, i as u64, wire, &d[..n]),
            }
        }
        f
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "long.pcapng",
            build(&[(Some(40), 0), (None, 30), (None, 40), (None, d.len())]),
        ),
        (
            "zero.pcapng",
            build(&[
                (Some(0), 0),
                (None, d.len()),
                (Some(262144), 0),
                (None, d.len()),
            ]),
        ),
        (
            "other.pcapng",
            build(&[(Some(40), 0), (None, 30), (Some(0), 0), (None, 30)]),
        ),
        (
            "big.pcapng",
            build(&[(Some(0), 0), (None, 30), (Some(300000), 0), (None, 30)]),
        ),
    ];
    for (name, bytes) in cases {
        let input = write(&dir, name, &bytes);
        for args in [&["-n", "-r", &input][..], &["-r", &input, "-w", "-"][..]] {
            let theirs = tcpdump(args);
            let ours = rfilter(args);
            assert_eq!(ours.status.code(), theirs.status.code(), "{name} {args:?}");
            assert_eq!(ours.stdout, theirs.stdout, "{name} {args:?}");
            let last =
                |o: &std::process::Output| stderr(o).lines().last().unwrap_or("").to_string();
            let (t, o) = (last(&theirs), last(&ours));
            if theirs.status.success() {
                continue;
            }
            assert!(!stderr(&ours).contains("panicked"));
            let msg = t.strip_prefix("tcpdump: pcap_loop: ").unwrap_or(&t);
            assert_eq!(o, format!("rfilter: {input}: {msg}"), "{name} {args:?}");
        }
    }
}
