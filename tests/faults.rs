//! Fault tests: what rfilter does when the world misbehaves.
//!
//! - the disk fills up under `-w` (/dev/full, and a 64 KiB tmpfs mounted here):
//!   one error line, exit 1, the file a valid prefix of what was read;
//! - standard output is closed early (`rfilter -r FILE | head -1`): quiet, no
//!   panic, no error line;
//! - the capture interface is deleted mid-capture (a veth in a network
//!   namespace): one error line, exit 1, the `-w` file whole and holding what the
//!   statistics count;
//! - SIGTERM arrives while packets are being written: the file whole, holding
//!   exactly as many packets as "packets captured" says.
//!
//! - inputs the cargo-fuzz targets once crashed on (tests/data/fuzz_crashes/)
//!   go through the same code without a panic.
//!
//! Needs root (mount, network namespaces); CI runs as root. A test that cannot set
//! up FAILS with the reason; none is skipped.

mod live_support;

#[allow(dead_code)]
#[path = "fuzz_support/targets.rs"]
mod fuzz_targets;

#[allow(dead_code)]
#[path = "common/corpus.rs"]
mod corpus;

use live_support::{MAC_B, Rfilter, VethPair, send_frames, temp_dir, udp_frame};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const RFILTER: &str = env!("CARGO_BIN_EXE_rfilter");

// ---------------------------------------------------------------------------
// Pcap files: writing the input, reading the output strictly.

/// A pcap record as read back.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Rec {
    sec: u32,
    frac: u32,
    len: u32,
    data: Vec<u8>,
}

/// A microsecond little-endian pcap file of `n` Ethernet/IPv4/UDP packets of
/// varied sizes (deterministic).
fn make_pcap(n: u32) -> (Vec<u8>, Vec<Rec>) {
    let mut out = Vec::new();
    for v in [0xa1b2_c3d4u32, 0x0004_0002, 0, 0, 65535, 1] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    let mut recs = Vec::new();
    for i in 0..n {
        let data = udp_frame(MAC_B, i, (i as usize * 37) % 300 + 4, None, 9000);
        let rec = Rec {
            sec: 1_700_000_000 + i / 1000,
            frac: (i % 1000) * 1000,
            len: data.len() as u32,
            data,
        };
        for v in [rec.sec, rec.frac, rec.data.len() as u32, rec.len] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&rec.data);
        recs.push(rec);
    }
    (out, recs)
}

/// A pcap file split into its whole records and the length of a cut-off record
/// at the end (0 when the file ends on a record boundary). Panics unless the
/// header is rfilter's: little-endian microseconds, version 2.4, `linktype`.
fn parse_pcap(bytes: &[u8], linktype: u32) -> (Vec<Rec>, usize) {
    let word = |at: usize| -> Option<u32> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    assert!(
        bytes.len() >= 24,
        "no whole pcap header: {} bytes",
        bytes.len()
    );
    assert_eq!(word(0), Some(0xa1b2_c3d4), "magic");
    assert_eq!(word(4), Some(0x0004_0002), "version");
    assert_eq!(word(20), Some(linktype), "link type");
    let snaplen = word(16).unwrap();
    let mut recs = Vec::new();
    let mut at = 24;
    while at < bytes.len() {
        let (Some(sec), Some(frac), Some(caplen), Some(len)) =
            (word(at), word(at + 4), word(at + 8), word(at + 12))
        else {
            return (recs, bytes.len() - at);
        };
        assert!(frac < 1_000_000, "record at {at}: bad microseconds {frac}");
        assert!(
            caplen <= snaplen && caplen <= len,
            "record at {at}: caplen {caplen} len {len} snaplen {snaplen}"
        );
        let Some(data) = bytes.get(at + 16..at + 16 + caplen as usize) else {
            return (recs, bytes.len() - at);
        };
        recs.push(Rec {
            sec,
            frac,
            len,
            data: data.to_vec(),
        });
        at += 16 + caplen as usize;
    }
    (recs, 0)
}

fn read_whole_pcap(path: &Path, linktype: u32) -> Vec<Rec> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (recs, tail) = parse_pcap(&bytes, linktype);
    assert_eq!(
        tail,
        0,
        "{}: ends in a cut-off record ({tail} bytes) after {} whole ones",
        path.display(),
        recs.len()
    );
    // And libpcap agrees.
    let mut cap = pcap::Capture::from_file(path).expect("libpcap opens it");
    let mut n = 0;
    loop {
        match cap.next_packet() {
            Ok(_) => n += 1,
            Err(pcap::Error::NoMorePackets) => break,
            Err(e) => panic!("{}: libpcap: {e} after {n} records", path.display()),
        }
    }
    assert_eq!(n, recs.len(), "libpcap reads a different number of records");
    recs
}

/// stderr lines that report an error: everything but tcpdump's informational lines.
fn error_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            !(l.starts_with("reading from file ")
                || l.contains("listening on ")
                || l.contains("verbose output suppressed")
                || l.ends_with("packets captured")
                || l.ends_with("packet captured")
                || l.contains("received by filter")
                || l.contains("dropped by kernel"))
        })
        .collect()
}

fn assert_no_panic(stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "rfilter panicked:\n{stderr}"
    );
}

struct Output {
    status: ExitStatus,
    stderr: String,
}

/// Runs rfilter to the end (10 s at most).
fn run_rfilter(args: &[&str]) -> Output {
    let mut child = Command::new(RFILTER)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start rfilter");
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let status = wait_within(&mut child, Duration::from_secs(10));
    Output {
        status,
        stderr: reader.join().unwrap(),
    }
}

fn wait_within(child: &mut std::process::Child, limit: Duration) -> ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(st) = child.try_wait().expect("wait") {
            return st;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rfilter did not exit within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// A pcap file of `n` packets in a fresh directory.
fn input_file(tag: &str, n: u32) -> (PathBuf, Vec<Rec>) {
    let dir = temp_dir(tag);
    let (bytes, recs) = make_pcap(n);
    let path = dir.join("in.pcap");
    std::fs::write(&path, bytes).expect("write input");
    (path, recs)
}

// ---------------------------------------------------------------------------
// Disk full.

/// A tmpfs of `size` mounted on a fresh directory, unmounted on drop.
struct SmallTmpfs {
    dir: PathBuf,
}

impl SmallTmpfs {
    fn mount(size: &str) -> SmallTmpfs {
        let dir = temp_dir("tmpfs");
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run mount (fault tests need root): {e}"));
        assert!(
            out.status.success(),
            "cannot mount a tmpfs on {} (fault tests need root): {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        SmallTmpfs { dir }
    }
}

impl Drop for SmallTmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).output();
        let _ = std::fs::remove_dir(&self.dir);
    }
}

#[test]
fn disk_full_on_dev_full_is_one_line_and_exit_1() {
    let (input, _) = input_file("devfull", 5000);
    let out = run_rfilter(&["-r", input.to_str().unwrap(), "-w", "/dev/full"]);
    assert_no_panic(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    assert_eq!(
        error_lines(&out.stderr),
        ["rfilter: /dev/full: No space left on device"],
        "{}",
        out.stderr
    );
}

#[test]
fn disk_full_on_a_small_tmpfs_keeps_a_valid_prefix() {
    let fs = SmallTmpfs::mount("64k");
    let (input, sent) = input_file("tmpfs-in", 5000);
    let path = fs.dir.join("out.pcap");
    let out = run_rfilter(&["-r", input.to_str().unwrap(), "-w", path.to_str().unwrap()]);
    assert_no_panic(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{}", out.stderr);
    let errors = error_lines(&out.stderr);
    assert_eq!(errors.len(), 1, "{}", out.stderr);
    assert!(
        errors[0].starts_with("rfilter: ") && errors[0].ends_with(": No space left on device"),
        "{}",
        out.stderr
    );
    // Everything up to where the disk filled is the input, record for record; the
    // last record may be cut where the space ran out, as with tcpdump.
    let bytes = std::fs::read(&path).expect("the output file exists");
    assert!(bytes.len() > 60_000, "only {} bytes written", bytes.len());
    let (recs, tail) = parse_pcap(&bytes, 1);
    assert!(recs.len() > 100, "only {} records", recs.len());
    assert_eq!(recs, sent[..recs.len()], "the records are not the input's");
    let next = 16 + sent[recs.len()].data.len();
    assert!(tail < next, "{tail} trailing bytes, more than a record");
    println!(
        "disk full: {} whole records, {tail} bytes of a cut-off one",
        recs.len()
    );
}

// ---------------------------------------------------------------------------
// Standard output closed early.

/// `rfilter ARGS | head -c N`: reads `keep` bytes of stdout, closes the pipe, and
/// returns how rfilter ended.
fn close_stdout_after(args: &[&str], keep: usize) -> Output {
    let mut child = Command::new(RFILTER)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start rfilter");
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    {
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut got = Vec::new();
        while got.len() < keep {
            let buf = stdout.fill_buf().expect("read stdout");
            if buf.is_empty() {
                break;
            }
            let n = buf.len().min(keep - got.len());
            got.extend_from_slice(&buf[..n]);
            stdout.consume(n);
        }
        assert_eq!(got.len(), keep, "rfilter wrote less than {keep} bytes");
        // Dropping the reader closes the pipe.
    }
    let status = wait_within(&mut child, Duration::from_secs(10));
    Output {
        status,
        stderr: reader.join().unwrap(),
    }
}

/// Quiet: exit 0 and no error line (tcpdump's ending for a savefile on `-`).
fn assert_quiet_end(out: &Output) {
    assert_no_panic(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "status {:?}, stderr:\n{}",
        out.status,
        out.stderr
    );
    assert_eq!(
        error_lines(&out.stderr),
        Vec::<&str>::new(),
        "{}",
        out.stderr
    );
}

/// tcpdump's ending for printing that cannot be written: one line and status 14
/// (tests/cli.rs checks the same ending against tcpdump itself).
fn assert_write_failure_end(out: &Output) {
    assert_no_panic(&out.stderr);
    assert_eq!(out.status.code(), Some(14), "{}", out.stderr);
    assert_eq!(
        error_lines(&out.stderr),
        vec!["rfilter: Unable to write output: Broken pipe"],
        "{}",
        out.stderr
    );
}

#[test]
fn printing_into_a_closed_pipe_ends_as_tcpdump_does() {
    let (input, _) = input_file("pipe-print", 20000);
    let out = close_stdout_after(&["-r", input.to_str().unwrap()], 40);
    assert_write_failure_end(&out);
    // And with a filter and verbose output, the other printing path.
    let out = close_stdout_after(&["-r", input.to_str().unwrap(), "-v", "-n", "udp"], 1);
    assert_write_failure_end(&out);
}

#[test]
fn writing_pcap_into_a_closed_pipe_ends_quietly() {
    let (input, _) = input_file("pipe-pcap", 20000);
    let out = close_stdout_after(&["-r", input.to_str().unwrap(), "-w", "-"], 24);
    assert_quiet_end(&out);
}

// ---------------------------------------------------------------------------
// Live capture: the interface goes away; SIGTERM while writing.

/// Sends frames from namespace a in batches until stopped; returns how many.
struct Traffic {
    stop: Arc<AtomicBool>,
    sender: Option<std::thread::JoinHandle<u32>>,
}

impl Traffic {
    fn start(net: &VethPair) -> Traffic {
        let stop = Arc::new(AtomicBool::new(false));
        let (ns, ifname, flag) = (net.ns_a.clone(), net.if_a.clone(), stop.clone());
        let sender = std::thread::spawn(move || {
            let mut seq = 0u32;
            while !flag.load(Ordering::Relaxed) {
                let batch: Vec<Vec<u8>> = (seq..seq + 50)
                    .map(|i| udp_frame(MAC_B, i, (i as usize * 53) % 900 + 4, None, 9000))
                    .collect();
                // The interface may vanish under the sender (a test deletes it):
                // send_frames then panics on its own thread (its message shows in
                // the test output) and the traffic stops.
                let (ns, ifname) = (ns.clone(), ifname.clone());
                let sent = std::thread::spawn(move || send_frames(&ns, &ifname, &batch))
                    .join()
                    .is_ok();
                if !sent {
                    break;
                }
                seq += 50;
                std::thread::sleep(Duration::from_millis(2));
            }
            seq
        });
        Traffic {
            stop,
            sender: Some(sender),
        }
    }

    fn stop(mut self) -> u32 {
        self.stop.store(true, Ordering::Relaxed);
        self.sender.take().unwrap().join().expect("sender")
    }
}

impl Drop for Traffic {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(s) = self.sender.take() {
            let _ = s.join();
        }
    }
}

/// Records hold frames the sender built, in the order sent (sequence numbers in the
/// UDP payload strictly increase).
fn assert_sent_frames_in_order(recs: &[Rec]) {
    let mut last = None;
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r.len as usize, r.data.len(), "record {i} cut");
        let seq = r
            .data
            .get(42..46)
            .map(|b| u32::from_be_bytes(b.try_into().unwrap()))
            .unwrap_or_else(|| panic!("record {i} is not a test frame"));
        let expected = udp_frame(MAC_B, seq, (seq as usize * 53) % 900 + 4, None, 9000);
        assert_eq!(
            r.data, expected,
            "record {i} (seq {seq}) is not the frame sent"
        );
        assert!(last < Some(seq), "record {i}: seq {seq} after {last:?}");
        last = Some(seq);
    }
}

#[test]
fn interface_deleted_mid_capture_is_one_line_and_the_file_is_whole() {
    let net = VethPair::new();
    let dir = temp_dir("faults-del");
    let path = dir.join("out.pcap");
    let mut r = Rfilter::start(&net.ns_b, &["-i", &net.if_b, "-w", path.to_str().unwrap()]);
    let traffic = Traffic::start(&net);
    std::thread::sleep(Duration::from_millis(300));
    let del = Command::new("ip")
        .args(["-n", &net.ns_b, "link", "del", &net.if_b])
        .output()
        .expect("ip link del");
    assert!(del.status.success(), "{del:?}");
    let f = r.finish_within(Duration::from_secs(10));
    let sent = traffic.stop();
    assert_no_panic(&f.stderr);
    assert_eq!(f.code, Some(1), "{f:?}");
    assert_eq!(
        error_lines(&f.stderr),
        [format!("rfilter: {}: The interface disappeared", net.if_b)],
        "{}",
        f.stderr
    );
    let recs = read_whole_pcap(&path, 1);
    assert_eq!(recs.len() as u64, f.stat("captured"), "{}", f.stderr);
    assert!(!recs.is_empty(), "nothing captured of {sent} frames");
    assert_sent_frames_in_order(&recs);
}

#[test]
fn interface_deleted_while_printing_is_one_line() {
    let net = VethPair::new();
    let mut r = Rfilter::start(&net.ns_b, &["-i", &net.if_b, "-n"]);
    let traffic = Traffic::start(&net);
    std::thread::sleep(Duration::from_millis(200));
    let del = Command::new("ip")
        .args(["-n", &net.ns_b, "link", "del", &net.if_b])
        .output()
        .expect("ip link del");
    assert!(del.status.success(), "{del:?}");
    let f = r.finish_within(Duration::from_secs(10));
    drop(traffic);
    assert_no_panic(&f.stderr);
    assert_eq!(f.code, Some(1), "{f:?}");
    assert_eq!(
        error_lines(&f.stderr),
        [format!("rfilter: {}: The interface disappeared", net.if_b)],
        "{}",
        f.stderr
    );
    let printed = String::from_utf8_lossy(&f.stdout)
        .lines()
        .filter(|l| l.contains(" > "))
        .count() as u64;
    assert_eq!(printed, f.stat("captured"), "{}", f.stderr);
}

#[test]
fn sigterm_while_writing_leaves_exactly_the_counted_packets() {
    let net = VethPair::new();
    let dir = temp_dir("faults-term");
    let path = dir.join("out.pcap");
    let mut r = Rfilter::start(&net.ns_b, &["-i", &net.if_b, "-w", path.to_str().unwrap()]);
    let traffic = Traffic::start(&net);
    std::thread::sleep(Duration::from_millis(400));
    // Mid-stream: frames are in flight, in the ring and in the write buffer.
    r.signal("TERM");
    let f = r.finish_within(Duration::from_secs(10));
    let sent = traffic.stop();
    assert_no_panic(&f.stderr);
    assert_eq!(f.code, Some(0), "{f:?}");
    assert_eq!(error_lines(&f.stderr), Vec::<String>::new(), "{}", f.stderr);
    let recs = read_whole_pcap(&path, 1);
    assert_eq!(recs.len() as u64, f.stat("captured"), "{}", f.stderr);
    assert!(
        recs.len() > 50,
        "only {} of {sent} frames captured",
        recs.len()
    );
    assert_sent_frames_in_order(&recs);
}

#[test]
fn sigterm_while_writing_a_file_read_leaves_a_whole_prefix() {
    let (input, sent) = input_file("term-offline", 300_000);
    let dir = temp_dir("term-offline-out");
    let path = dir.join("out.pcap");
    let mut child = Command::new(RFILTER)
        .args(["-r", input.to_str().unwrap(), "-w", path.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start rfilter");
    // Once the output has begun (its header is on disk), stop it.
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::metadata(&path).map_or(0, |m| m.len()) == 0 {
        assert!(Instant::now() < deadline, "rfilter never wrote its output");
        std::thread::sleep(Duration::from_millis(1));
    }
    // SAFETY: plain system call on our child's pid.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let mut stderr = String::new();
    let _ = child.stderr.take().unwrap().read_to_string(&mut stderr);
    let status = wait_within(&mut child, Duration::from_secs(10));
    assert_no_panic(&stderr);
    assert!(
        status.code() == Some(0),
        "status {status:?}, stderr:\n{stderr}"
    );
    assert_eq!(error_lines(&stderr), Vec::<&str>::new(), "{stderr}");
    let recs = read_whole_pcap(&path, 1);
    assert_eq!(recs, sent[..recs.len()], "the records are not the input's");
    println!("SIGTERM after {} of {} records", recs.len(), sent.len());
}

// ---------------------------------------------------------------------------
// Crashes the cargo-fuzz targets found, replayed.

/// Packets (captured bytes, wire length) of every link type.
type Corpora = std::collections::HashMap<rfilter::linktype::LinkType, Vec<(Vec<u8>, u32)>>;

/// The corpus packets of a link type, built once.
fn corpus_packets(lt: rfilter::linktype::LinkType) -> &'static [(Vec<u8>, u32)] {
    static CORPORA: std::sync::OnceLock<Corpora> = std::sync::OnceLock::new();
    &CORPORA.get_or_init(|| {
        rfilter::linktype::LinkType::ALL
            .iter()
            .map(|&lt| (lt, corpus::packets(lt)))
            .collect()
    })[&lt]
}

/// Every file in tests/data/fuzz_crashes/TARGET/ goes through what the fuzz target
/// does with it (tests/fuzz_support/targets.rs), without a panic.
#[test]
fn inputs_that_crashed_the_fuzz_targets_do_not() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz_crashes");
    let mut replayed = 0;
    for (target, run) in [
        (
            "compile",
            (|d: &[u8]| fuzz_targets::compile(d, &corpus_packets)) as fn(&[u8]),
        ),
        ("print", |d: &[u8]| {
            let _ = fuzz_targets::print(d);
        }),
        ("savefile", |d: &[u8]| {
            let _ = fuzz_targets::savefile(d);
        }),
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for e in entries {
            let path = e.expect("directory entry").path();
            let data = std::fs::read(&path).expect("read crash input");
            println!("{target}: {}", path.display());
            run(&data);
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no crash inputs under {}", root.display());
}
