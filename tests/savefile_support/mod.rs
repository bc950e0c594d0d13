//! Shared helpers for the savefile and CLI tests: building capture files byte by
//! byte (so every format variant is exercised without external generators),
//! running rfilter and the reference tools.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const RFILTER: &str = env!("CARGO_BIN_EXE_rfilter");

/// A fresh, empty directory for one test.
pub fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "rfilter-test-{}-{}-{}",
        std::process::id(),
        tag,
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Fails the test loudly when a reference tool is missing.
pub fn require(tool: &str) {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(
        found,
        "{tool} is not installed: these tests need it (apt-get install tcpdump tshark)"
    );
}

pub fn rfilter(args: &[&str]) -> Output {
    Command::new(RFILTER).args(args).output().unwrap()
}

pub fn rfilter_stdin(args: &[&str], stdin: &[u8]) -> Output {
    run_with_stdin(Command::new(RFILTER).args(args), stdin)
}

pub fn run_with_stdin(cmd: &mut Command, stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

/// tcpdump, with privileges kept when running as root (it would otherwise switch
/// to its own user, which cannot write into our temporary directories).
pub fn tcpdump(args: &[&str]) -> Output {
    require("tcpdump");
    let mut cmd = Command::new("tcpdump");
    if is_root() {
        cmd.args(["-Z", "root"]);
    }
    cmd.args(args).output().unwrap()
}

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts rfilter failed the way every error must: exit 1, no panic, and the
/// last stderr line is exactly `expected` (an optional "reading from file" line
/// may come before it).
pub fn assert_error(out: &Output, expected: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "exit status; stderr: {err}");
    assert!(!err.contains("panicked"), "panic: {err}");
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        !lines.is_empty() && lines.len() <= 2,
        "expected one error line: {err}"
    );
    if lines.len() == 2 {
        assert!(lines[0].starts_with("reading from file "), "{err}");
    }
    assert_eq!(lines.last().copied(), Some(expected), "stderr: {err}");
}

// ---- Packets ----

/// A small Ethernet/IPv4/UDP frame with `payload` bytes of payload, numbered so
/// that frames differ.
pub fn udp_frame(n: u16, payload: usize) -> Vec<u8> {
    let mut f = vec![
        0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00, // Ethernet
    ];
    let total = 20 + 8 + payload as u16;
    f.extend_from_slice(&[
        0x45,
        0,
        (total >> 8) as u8,
        total as u8,
        (n >> 8) as u8,
        n as u8,
        0,
        0,
        64,
        17,
        0,
        0,
    ]);
    f.extend_from_slice(&[10, 0, 0, 1, 10, 0, 0, 2]);
    let udp_len = 8 + payload as u16;
    let dport: u16 = if n.is_multiple_of(2) { 53 } else { 5004 };
    f.extend_from_slice(&[
        0xc3,
        0x50,
        (dport >> 8) as u8,
        dport as u8,
        (udp_len >> 8) as u8,
        udp_len as u8,
        0,
        0,
    ]);
    f.extend((0..payload).map(|i| (i as u8).wrapping_add(n as u8)));
    f
}

/// One packet of a test file: seconds, fraction (µs or ns as the file says),
/// length on the wire, captured bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pkt {
    pub sec: u32,
    pub frac: u32,
    pub wire_len: u32,
    pub data: Vec<u8>,
}

/// `count` packets of varied sizes, one every 0.25 s from 2023-11-14.
pub fn sample_packets(count: usize) -> Vec<Pkt> {
    (0..count)
        .map(|i| {
            let data = udp_frame(i as u16, (i * 37) % 300);
            Pkt {
                sec: 1_700_000_000 + (i / 4) as u32,
                frac: (i % 4) as u32 * 250_000 + 17,
                wire_len: data.len() as u32 + (i % 3) as u32,
                data,
            }
        })
        .collect()
}

// ---- Classic pcap ----

fn put32(out: &mut Vec<u8>, v: u32, be: bool) {
    out.extend_from_slice(&if be { v.to_be_bytes() } else { v.to_le_bytes() });
}

fn put16(out: &mut Vec<u8>, v: u16, be: bool) {
    out.extend_from_slice(&if be { v.to_be_bytes() } else { v.to_le_bytes() });
}

pub fn pcap_header(be: bool, nano: bool, snaplen: u32, linktype: u32) -> Vec<u8> {
    let mut out = Vec::new();
    put32(&mut out, if nano { 0xa1b2_3c4d } else { 0xa1b2_c3d4 }, be);
    put16(&mut out, 2, be);
    put16(&mut out, 4, be);
    put32(&mut out, 0, be);
    put32(&mut out, 0, be);
    put32(&mut out, snaplen, be);
    put32(&mut out, linktype, be);
    out
}

pub fn pcap_record(out: &mut Vec<u8>, be: bool, p: &Pkt) {
    put32(out, p.sec, be);
    put32(out, p.frac, be);
    put32(out, p.data.len() as u32, be);
    put32(out, p.wire_len, be);
    out.extend_from_slice(&p.data);
}

/// A whole pcap file (Ethernet, snaplen 262144).
pub fn pcap_file(be: bool, nano: bool, pkts: &[Pkt]) -> Vec<u8> {
    let mut out = pcap_header(be, nano, 262_144, 1);
    for p in pkts {
        pcap_record(&mut out, be, p);
    }
    out
}

// ---- pcapng ----

fn block(out: &mut Vec<u8>, be: bool, kind: u32, body: &[u8]) {
    let mut padded = body.to_vec();
    while !padded.len().is_multiple_of(4) {
        padded.push(0);
    }
    let len = 12 + padded.len() as u32;
    put32(out, kind, be);
    put32(out, len, be);
    out.extend_from_slice(&padded);
    put32(out, len, be);
}

pub fn ng_section(out: &mut Vec<u8>, be: bool) {
    let mut body = Vec::new();
    put32(&mut body, 0x1a2b_3c4d, be);
    put16(&mut body, 1, be);
    put16(&mut body, 0, be);
    body.extend_from_slice(&[0xff; 8]); // section length unknown
    block(out, be, 0x0a0d_0d0a, &body);
}

/// An Interface Description Block; `tsresol` is the raw if_tsresol byte.
pub fn ng_interface(out: &mut Vec<u8>, be: bool, linktype: u16, snaplen: u32, tsresol: Option<u8>) {
    let mut body = Vec::new();
    put16(&mut body, linktype, be);
    put16(&mut body, 0, be);
    put32(&mut body, snaplen, be);
    if let Some(r) = tsresol {
        put16(&mut body, 9, be);
        put16(&mut body, 1, be);
        body.extend_from_slice(&[r, 0, 0, 0]);
        put16(&mut body, 0, be);
        put16(&mut body, 0, be);
    }
    block(out, be, 1, &body);
}

/// An Enhanced Packet Block with a timestamp of `units` (interface resolution).
pub fn ng_packet(out: &mut Vec<u8>, be: bool, iface: u32, units: u64, wire_len: u32, data: &[u8]) {
    let mut body = Vec::new();
    put32(&mut body, iface, be);
    put32(&mut body, (units >> 32) as u32, be);
    put32(&mut body, units as u32, be);
    put32(&mut body, data.len() as u32, be);
    put32(&mut body, wire_len, be);
    body.extend_from_slice(data);
    block(out, be, 6, &body);
}

/// A Simple Packet Block (no timestamp; captured length from the block size).
pub fn ng_simple_packet(out: &mut Vec<u8>, be: bool, wire_len: u32, data: &[u8]) {
    let mut body = Vec::new();
    put32(&mut body, wire_len, be);
    body.extend_from_slice(data);
    block(out, be, 3, &body);
}

/// The obsolete Packet Block.
pub fn ng_old_packet(
    out: &mut Vec<u8>,
    be: bool,
    iface: u16,
    units: u64,
    wire_len: u32,
    data: &[u8],
) {
    let mut body = Vec::new();
    put16(&mut body, iface, be);
    put16(&mut body, 0, be);
    put32(&mut body, (units >> 32) as u32, be);
    put32(&mut body, units as u32, be);
    put32(&mut body, data.len() as u32, be);
    put32(&mut body, wire_len, be);
    body.extend_from_slice(data);
    block(out, be, 2, &body);
}

/// A block rfilter does not know (a Name Resolution Block): skipped.
pub fn ng_other(out: &mut Vec<u8>, be: bool) {
    block(out, be, 4, &[0, 0, 0, 0]);
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_string()
}
