//! Test harness for live capture: a pair of network namespaces joined by a veth
//! pair, a raw-socket frame sender that runs inside a namespace, and a runner for
//! the rfilter binary inside a namespace.
//!
//! Everything needs root. A test that cannot set up FAILS (panics) with the reason:
//! these tests are never skipped.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const RFILTER: &str = env!("CARGO_BIN_EXE_rfilter");
pub const MAC_A: [u8; 6] = [0x02, 0, 0, 0, 0, 0x0a];
pub const MAC_B: [u8; 6] = [0x02, 0, 0, 0, 0, 0x0b];

static SEQ: AtomicU32 = AtomicU32::new(0);

fn run(cmd: &[&str]) {
    let out = Command::new(cmd[0])
        .args(&cmd[1..])
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?} (live tests need iproute2 and root): {e}"));
    assert!(
        out.status.success(),
        "setup command {cmd:?} failed (live tests need root): {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Two namespaces, `a` and `b`, joined by veth `if_a` (in a) — `if_b` (in b), both up,
/// IPv6 off so that no stray neighbour-discovery frames disturb exact counts.
pub struct VethPair {
    pub ns_a: String,
    pub ns_b: String,
    pub if_a: String,
    pub if_b: String,
}

impl VethPair {
    pub fn new() -> VethPair {
        Self::with_state(true)
    }

    /// `up`: whether to bring the interfaces up.
    pub fn with_state(up: bool) -> VethPair {
        let n = SEQ.fetch_add(1, Ordering::SeqCst);
        let pid = std::process::id() % 100_000;
        let p = VethPair {
            ns_a: format!("rfl-{pid}-{n}-a"),
            ns_b: format!("rfl-{pid}-{n}-b"),
            if_a: format!("rfa{pid}x{n}"),
            if_b: format!("rfb{pid}x{n}"),
        };
        // From here on Drop cleans up, even if a later step fails.
        run(&["ip", "netns", "add", &p.ns_a]);
        run(&["ip", "netns", "add", &p.ns_b]);
        for ns in [&p.ns_a, &p.ns_b] {
            run(&[
                "ip",
                "netns",
                "exec",
                ns,
                "sysctl",
                "-qw",
                "net.ipv6.conf.all.disable_ipv6=1",
                "net.ipv6.conf.default.disable_ipv6=1",
            ]);
        }
        run(&[
            "ip",
            "-n",
            &p.ns_a,
            "link",
            "add",
            &p.if_a,
            "address",
            "02:00:00:00:00:0a",
            "type",
            "veth",
            "peer",
            "name",
            &p.if_b,
            "address",
            "02:00:00:00:00:0b",
            "netns",
            &p.ns_b,
        ]);
        if up {
            run(&["ip", "-n", &p.ns_a, "link", "set", &p.if_a, "up"]);
            run(&["ip", "-n", &p.ns_b, "link", "set", &p.if_b, "up"]);
            run(&["ip", "-n", &p.ns_b, "link", "set", "lo", "up"]);
            // Wait for the carrier so that the first frames are not lost.
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline {
                let out = Command::new("ip")
                    .args(["-n", &p.ns_b, "-o", "link", "show", &p.if_b])
                    .output()
                    .expect("ip link show");
                if String::from_utf8_lossy(&out.stdout).contains("LOWER_UP") {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        p
    }

    /// Sends `frames` out of `if_a` from inside namespace a.
    pub fn send_from_a(&self, frames: &[Vec<u8>]) {
        send_frames(&self.ns_a, &self.if_a, frames);
    }

    /// Starts rfilter inside namespace `ns` with `args`; returns once it has
    /// printed its "listening on" line.
    pub fn rfilter_in(&self, ns: &str, args: &[&str]) -> Rfilter {
        Rfilter::start(ns, args)
    }
}

impl Drop for VethPair {
    fn drop(&mut self) {
        // Deleting the namespaces deletes the veth ends in them.
        for ns in [&self.ns_a, &self.ns_b] {
            let _ = Command::new("ip").args(["netns", "del", ns]).output();
        }
    }
}

/// A running rfilter.
pub struct Rfilter {
    child: Option<Child>,
    stderr_lines: mpsc::Receiver<String>,
    pub stderr_seen: Vec<String>,
}

/// What a finished rfilter left.
#[derive(Debug)]
pub struct Finished {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Finished {
    /// The number before `what` in tcpdump's end-of-run lines ("packets captured" …).
    pub fn stat(&self, what: &str) -> u64 {
        self.stderr
            .lines()
            .find_map(|l| {
                let (n, rest) = l.split_once(' ')?;
                (rest == format!("packets {what}") || rest == format!("packet {what}"))
                    .then(|| n.parse().ok())?
            })
            .unwrap_or_else(|| panic!("no '{what}' line in stderr:\n{}", self.stderr))
    }
}

impl Rfilter {
    pub fn start(ns: &str, args: &[&str]) -> Rfilter {
        let mut cmd = Command::new("ip");
        cmd.args(["netns", "exec", ns, RFILTER]).args(args);
        Self::spawn(cmd, true)
    }

    /// Starts `cmd`; with `wait_listening`, returns once "listening on" appeared
    /// (or panics if the process ends or 10 s pass first).
    pub fn spawn(mut cmd: Command, wait_listening: bool) -> Rfilter {
        let mut child = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start rfilter");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut r = Rfilter {
            child: Some(child),
            stderr_lines: rx,
            stderr_seen: Vec::new(),
        };
        if wait_listening {
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                match r.stderr_lines.recv_timeout(left) {
                    Ok(line) => {
                        let done = line.contains("listening on");
                        r.stderr_seen.push(line);
                        if done {
                            break;
                        }
                    }
                    Err(_) => {
                        let f = r.finish_within(Duration::from_secs(2));
                        panic!("rfilter did not start listening: {f:?}");
                    }
                }
            }
            // The socket is bound before the line is printed; give the capture
            // thread a moment to reach poll().
            std::thread::sleep(Duration::from_millis(50));
        }
        r
    }

    pub fn pid(&self) -> i32 {
        self.child.as_ref().unwrap().id() as i32
    }

    pub fn signal(&self, sig: &str) {
        run(&["kill", &format!("-{sig}"), &self.pid().to_string()]);
    }

    /// Waits for the process to end (panics after `limit`, killing it).
    pub fn finish_within(&mut self, limit: Duration) -> Finished {
        let mut child = self.child.take().expect("already finished");
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout.read_to_end(&mut buf);
            buf
        });
        let deadline = Instant::now() + limit;
        let status = loop {
            if let Some(st) = child.try_wait().expect("wait") {
                break st;
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "rfilter did not exit within {limit:?}; stderr so far: {:?}",
                    self.stderr_seen
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        let stdout = reader.join().unwrap();
        while let Ok(line) = self.stderr_lines.recv_timeout(Duration::from_millis(500)) {
            self.stderr_seen.push(line);
        }
        let mut stderr = self.stderr_seen.join("\n");
        stderr.push('\n');
        Finished {
            code: status.code(),
            stdout,
            stderr,
        }
    }
}

impl Drop for Rfilter {
    fn drop(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Sends raw frames out of interface `ifname` of namespace `ns`, from a thread that
/// joins the namespace (network namespaces are per thread).
pub fn send_frames(ns: &str, ifname: &str, frames: &[Vec<u8>]) {
    let ns_path = PathBuf::from("/run/netns").join(ns);
    let ifname = ifname.to_string();
    let frames = frames.to_vec();
    std::thread::spawn(move || send_here(&ns_path, &ifname, &frames))
        .join()
        .expect("sender thread panicked");
}

fn send_here(ns_path: &Path, ifname: &str, frames: &[Vec<u8>]) {
    let nsfile =
        std::fs::File::open(ns_path).unwrap_or_else(|e| panic!("{}: {e}", ns_path.display()));
    // SAFETY: setns on an open namespace file, for this thread only.
    let rc = unsafe { libc::setns(nsfile.as_raw_fd(), libc::CLONE_NEWNET) };
    assert_eq!(rc, 0, "setns: {}", std::io::Error::last_os_error());
    let cname = std::ffi::CString::new(ifname).unwrap();
    // SAFETY: NUL-terminated name.
    let ifindex = unsafe { libc::if_nametoindex(cname.as_ptr()) };
    assert_ne!(ifindex, 0, "no interface {ifname}");
    // SAFETY: plain system call.
    let fd = unsafe { libc::socket(libc::AF_PACKET, libc::SOCK_RAW, 0) };
    assert!(
        fd >= 0,
        "packet socket: {}",
        std::io::Error::last_os_error()
    );
    for f in frames {
        // SAFETY: all-zero sockaddr_ll, then filled; pointers to live values.
        let rc = unsafe {
            let mut sll: libc::sockaddr_ll = std::mem::zeroed();
            sll.sll_family = libc::AF_PACKET as u16;
            sll.sll_ifindex = ifindex as i32;
            sll.sll_halen = 6;
            libc::sendto(
                fd,
                f.as_ptr().cast(),
                f.len(),
                0,
                (&sll as *const libc::sockaddr_ll).cast(),
                std::mem::size_of::<libc::sockaddr_ll>() as u32,
            )
        };
        assert_eq!(
            rc,
            f.len() as isize,
            "sendto: {}",
            std::io::Error::last_os_error()
        );
    }
    // SAFETY: closing the descriptor opened above.
    unsafe { libc::close(fd) };
}

/// An Ethernet/IPv4/UDP frame to `dst` with a payload of `payload_len` bytes that
/// encodes `seq`, optionally with an 802.1Q tag.
pub fn udp_frame(
    dst: [u8; 6],
    seq: u32,
    payload_len: usize,
    vlan: Option<u16>,
    dport: u16,
) -> Vec<u8> {
    let mut f = Vec::new();
    f.extend_from_slice(&dst);
    f.extend_from_slice(&MAC_A);
    if let Some(v) = vlan {
        f.extend_from_slice(&[0x81, 0x00]);
        f.extend_from_slice(&v.to_be_bytes());
    }
    f.extend_from_slice(&[0x08, 0x00]);
    let total = 20 + 8 + payload_len;
    let mut ip = vec![
        0x45, 0, 0, 0, 0, 0, 0x40, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
    ];
    ip[2..4].copy_from_slice(&(total as u16).to_be_bytes());
    ip[4..6].copy_from_slice(&(seq as u16).to_be_bytes());
    let mut sum: u32 = ip
        .chunks(2)
        .map(|c| u32::from(u16::from_be_bytes([c[0], c[1]])))
        .sum();
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    ip[10..12].copy_from_slice(&(!(sum as u16)).to_be_bytes());
    f.extend_from_slice(&ip);
    f.extend_from_slice(&4000u16.to_be_bytes());
    f.extend_from_slice(&dport.to_be_bytes());
    f.extend_from_slice(&((8 + payload_len) as u16).to_be_bytes());
    f.extend_from_slice(&[0, 0]);
    let mut payload: Vec<u8> = (0..payload_len)
        .map(|i| (i as u32 ^ seq.wrapping_mul(31)) as u8)
        .collect();
    if payload_len >= 4 {
        payload[..4].copy_from_slice(&seq.to_be_bytes());
    }
    f.extend_from_slice(&payload);
    f
}

/// A record of a pcap file.
#[derive(Debug, PartialEq, Eq)]
pub struct Record {
    pub caplen: u32,
    pub len: u32,
    pub data: Vec<u8>,
}

/// Reads a pcap file with libpcap (the pcap crate): link type and records.
pub fn read_pcap(path: &Path) -> (i32, Vec<Record>) {
    let mut cap =
        pcap::Capture::from_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dlt = cap.get_datalink().0;
    let mut out = Vec::new();
    while let Ok(p) = cap.next_packet() {
        out.push(Record {
            caplen: p.header.caplen,
            len: p.header.len,
            data: p.data.to_vec(),
        });
    }
    (dlt, out)
}

/// A fresh directory for output files.
pub fn temp_dir(tag: &str) -> PathBuf {
    let n = SEQ.fetch_add(1, Ordering::SeqCst);
    let d = std::env::temp_dir().join(format!("rfilter-live-{tag}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}
