//! Output rotation (`-C`, `-G`, `-W`), `-U`, and stopping by signal: the files
//! rfilter leaves behind must have tcpdump's names and be complete.

mod savefile_support;

use rfilter::linktype::LinkType;
use rfilter::packet::{PacketRef, Sink, Timestamp};
use rfilter::savefile::rotate::FileParams;
use rfilter::savefile::{Precision, Reader, RotateOptions, RotatingWriter};
use savefile_support::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Every file in `dir` with its contents.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn packet_count(bytes: Vec<u8>) -> usize {
    let mut r = Reader::from_read(Box::new(std::io::Cursor::new(bytes))).unwrap();
    let mut n = 0;
    while r.next_packet().unwrap().is_some() {
        n += 1;
    }
    n
}

/// 3,000 packets of about 1 KB: three million-byte files and a bit.
fn big_input(dir: &Path) -> String {
    let pkts: Vec<Pkt> = (0..3000u32)
        .map(|i| {
            let data = udp_frame(i as u16, 960 + (i % 7) as usize);
            Pkt {
                sec: 1_700_000_000 + i / 100,
                frac: i % 100 * 10_000,
                wire_len: data.len() as u32,
                data,
            }
        })
        .collect();
    write(dir, "in.pcap", &pcap_file(false, false, &pkts))
}

/// rfilter and tcpdump, each writing into a directory of its own, must leave the
/// same files with the same bytes.
fn assert_rotation_matches_tcpdump(extra: &[&str]) {
    let dir = temp_dir("rot");
    let input = big_input(&dir);
    let ours = dir.join("ours");
    let theirs = dir.join("theirs");
    std::fs::create_dir_all(&ours).unwrap();
    std::fs::create_dir_all(&theirs).unwrap();
    let run = |out_dir: &Path, tcp: bool| {
        let out = out_dir.join("out.pcap");
        let mut args = vec!["-r", input.as_str(), "-w", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let res = if tcp { tcpdump(&args) } else { rfilter(&args) };
        assert!(res.status.success(), "{extra:?}: {}", stderr(&res));
    };
    run(&theirs, true);
    run(&ours, false);
    let (a, b) = (files(&ours), files(&theirs));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "{extra:?}: file names"
    );
    assert!(a.len() > 1, "{extra:?}: the test should rotate");
    for (name, bytes) in &a {
        assert!(
            bytes == &b[name],
            "{extra:?}: {name} differs from tcpdump's"
        );
    }
}

#[test]
fn size_rotation_names_and_contents_match_tcpdump() {
    assert_rotation_matches_tcpdump(&["-C", "1"]);
    assert_rotation_matches_tcpdump(&["-C", "1", "-W", "2"]);
    assert_rotation_matches_tcpdump(&["-C", "1", "-W", "11"]);
    assert_rotation_matches_tcpdump(&["-C", "1", "-W", "5", "-c", "1500"]);
}

#[test]
fn every_packet_lands_in_exactly_one_file() {
    let dir = temp_dir("rotall");
    let input = big_input(&dir);
    let out = dir.join("o").join("x");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let r = rfilter(&["-r", &input, "-w", out.to_str().unwrap(), "-C", "1"]);
    assert!(r.status.success());
    let all = files(out.parent().unwrap());
    assert_eq!(
        all.keys().cloned().collect::<Vec<_>>(),
        ["x", "x1", "x2", "x3"]
    );
    let total: usize = all.into_values().map(packet_count).sum();
    assert_eq!(total, 3000);
}

fn packet(sec: i64) -> (Timestamp, Vec<u8>) {
    (Timestamp { sec, nsec: 0 }, udp_frame(sec as u16, 100))
}

fn feed(w: &mut RotatingWriter, sec: i64) {
    let (ts, data) = packet(sec);
    w.packet(&PacketRef {
        ts,
        wire_len: data.len() as u32,
        data: &data,
    })
    .unwrap();
}

/// A clock the test moves by hand.
fn clock() -> (Arc<Mutex<i64>>, rfilter::savefile::rotate::Clock) {
    let now = Arc::new(Mutex::new(1_700_000_000i64));
    let shared = now.clone();
    (now, Box::new(move || *shared.lock().unwrap()))
}

fn params() -> FileParams {
    FileParams {
        linktype: LinkType::En10mb,
        linktype_ext: 0,
        snaplen: 262_144,
        precision: Precision::Micro,
        flush_each: false,
    }
}

#[test]
fn time_rotation_expands_strftime_per_period() {
    let dir = temp_dir("gflag");
    let (now, clock) = clock();
    let opts = RotateOptions {
        seconds: Some(10),
        ..RotateOptions::default()
    };
    let mut w = RotatingWriter::with_clock(&dir.join("g-%s.pcap"), opts, params(), clock).unwrap();
    feed(&mut w, 1);
    *now.lock().unwrap() += 9; // still the first period
    feed(&mut w, 2);
    *now.lock().unwrap() += 1; // 10 s: a new file
    feed(&mut w, 3);
    *now.lock().unwrap() += 25; // one new file, however many periods passed
    feed(&mut w, 4);
    feed(&mut w, 5);
    w.finish().unwrap();
    let all = files(&dir);
    let counts: Vec<(String, usize)> = all.into_iter().map(|(n, b)| (n, packet_count(b))).collect();
    assert_eq!(
        counts,
        [
            ("g-1700000000.pcap".to_string(), 2),
            ("g-1700000010.pcap".to_string(), 1),
            ("g-1700000035.pcap".to_string(), 2),
        ]
    );
}

#[test]
fn time_and_size_rotation_number_within_each_period() {
    let dir = temp_dir("gcflag");
    let (now, clock) = clock();
    let opts = RotateOptions {
        seconds: Some(60),
        max_bytes: Some(300),
        count: Some(3),
    };
    let mut w = RotatingWriter::with_clock(&dir.join("t%s-"), opts, params(), clock).unwrap();
    // Each packet is 16 + 142 bytes: a file is over 300 bytes after two.
    for i in 0..5 {
        feed(&mut w, i);
    }
    *now.lock().unwrap() += 60;
    feed(&mut w, 10);
    w.finish().unwrap();
    let counts: Vec<(String, usize)> = files(&dir)
        .into_iter()
        .map(|(n, b)| (n, packet_count(b)))
        .collect();
    // -W 3: one digit; numbering restarts in the new period.
    assert_eq!(
        counts,
        [
            ("t1700000000-0".to_string(), 2),
            ("t1700000000-1".to_string(), 2),
            ("t1700000000-2".to_string(), 1),
            ("t1700000060-0".to_string(), 1),
        ]
    );
}

#[test]
fn time_rotation_with_a_file_limit_stops_the_run() {
    // Checked through the binary, as the limit ends the whole run.
    let dir = temp_dir("glimit");
    let out = dir.join("lim.pcap");
    let mut child = Command::new(RFILTER)
        .args(["-r", "-", "-G", "1", "-W", "1", "-w", out.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let pkts = sample_packets(4);
    stdin
        .write_all(&pcap_file(false, false, &pkts[..2]))
        .unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(2100));
    // Two seconds later the next packet closes the file and ends the run.
    let mut rest = Vec::new();
    for p in &pkts[2..] {
        pcap_record(&mut rest, false, p);
    }
    let _ = stdin.write_all(&rest);
    drop(stdin);
    let res = child.wait_with_output().unwrap();
    let err = stderr(&res);
    assert!(res.status.success(), "{err}");
    assert_eq!(err.lines().last(), Some("Maximum file limit reached: 1"));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        pcap_file(false, false, &pkts[..2])
    );
}

/// Starts `rfilter -r - -U -w OUT`, feeds it `n` packets and waits until -U has
/// put them all in the file.
fn running_writer(
    out: &Path,
    n: usize,
) -> (std::process::Child, std::process::ChildStdin, Vec<u8>) {
    let mut child = Command::new(RFILTER)
        .args(["-r", "-", "-U", "-w", out.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let file = pcap_file(false, false, &sample_packets(n));
    stdin.write_all(&file).unwrap();
    stdin.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let len = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
        if len == file.len() as u64 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "-U: the file has {len} of {} bytes while rfilter waits for more input",
            file.len()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, stdin, file)
}

#[test]
fn packet_buffered_output_and_signals_leave_complete_files() {
    for signal in ["INT", "TERM"] {
        let dir = temp_dir("sig");
        let out = dir.join("sig.pcap");
        let (child, stdin, file) = running_writer(&out, 7);
        let st = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(st.success());
        let res = child.wait_with_output().unwrap();
        drop(stdin);
        assert!(
            res.status.success(),
            "SIG{signal}: {:?} {}",
            res.status,
            stderr(&res)
        );
        assert_eq!(std::fs::read(&out).unwrap(), file, "SIG{signal}");
    }
}
