//! Shared helpers for the printer's golden tests: a tiny pcap writer and reader,
//! and running tcpdump and rfilter's Printer over the same file.
#![allow(dead_code)]
pub mod build;
pub mod mutate;
pub mod suite;

use clap::Parser;
use rfilter::LinkType;
use rfilter::cli::Args;
use rfilter::packet::{PacketRef, Sink, Timestamp};
use rfilter::print::{PrintOptions, Printer};
use std::path::{Path, PathBuf};
use std::process::Command;

/// One record: time, wire length and captured bytes.
#[derive(Clone, Debug)]
pub struct Rec {
    pub ts: Timestamp,
    pub wire_len: u32,
    pub data: Vec<u8>,
}

impl Rec {
    /// A record captured in full, at `sec` + `usec` microseconds.
    pub fn full(sec: i64, usec: u32, data: Vec<u8>) -> Rec {
        Rec {
            ts: Timestamp {
                sec,
                nsec: i64::from(usec) * 1000,
            },
            wire_len: data.len() as u32,
            data,
        }
    }
}

/// Record `i` of a generated capture: whole, at a time that grows with `i`.
pub fn rec(i: usize, data: Vec<u8>) -> Rec {
    Rec::full(1_700_000_000 + i as i64, 1000 * i as u32, data)
}

/// Record `i`: `data` captured only to `caplen` bytes of its `data.len()` on
/// the wire.
pub fn cut_rec(i: usize, data: &[u8], caplen: usize) -> Rec {
    let mut r = rec(i, data[..caplen.min(data.len())].to_vec());
    r.wire_len = data.len() as u32;
    r
}

/// Every frame whole and then cut to each length from `from`, in steps of `step`.
pub fn with_cuts(frames: &[Vec<u8>], from: usize, step: usize) -> Vec<Rec> {
    let mut out = Vec::new();
    for f in frames {
        out.push(rec(out.len(), f.clone()));
        for n in (from.min(f.len())..f.len()).step_by(step) {
            out.push(cut_rec(out.len(), f, n));
        }
    }
    out
}

/// Writes a pcap file (microsecond or nanosecond magic).
pub fn write_pcap(path: &Path, lt: LinkType, recs: &[Rec], nano: bool) {
    let mut b = Vec::new();
    let magic: u32 = if nano { 0xa1b23c4d } else { 0xa1b2c3d4 };
    b.extend_from_slice(&magic.to_le_bytes());
    b.extend_from_slice(&2u16.to_le_bytes());
    b.extend_from_slice(&4u16.to_le_bytes());
    b.extend_from_slice(&0i32.to_le_bytes());
    b.extend_from_slice(&0u32.to_le_bytes());
    b.extend_from_slice(&262144u32.to_le_bytes());
    b.extend_from_slice(&lt.linktype().to_le_bytes());
    for r in recs {
        b.extend_from_slice(&(r.ts.sec as u32).to_le_bytes());
        let frac = (if nano { r.ts.nsec } else { r.ts.nsec / 1000 }) as u32;
        b.extend_from_slice(&frac.to_le_bytes());
        b.extend_from_slice(&(r.data.len() as u32).to_le_bytes());
        b.extend_from_slice(&r.wire_len.to_le_bytes());
        b.extend_from_slice(&r.data);
    }
    std::fs::write(path, b).expect("write pcap");
}

/// Reads a little- or big-endian pcap file (µs or ns); returns link type and records.
pub fn read_pcap(path: &Path) -> (LinkType, Vec<Rec>) {
    let b = std::fs::read(path).expect("read pcap");
    let magic_le = u32::from_le_bytes(b[0..4].try_into().unwrap());
    let (le, nano) = match magic_le {
        0xa1b2c3d4 => (true, false),
        0xa1b23c4d => (true, true),
        0xd4c3b2a1 => (false, false),
        0x4d3cb2a1 => (false, true),
        m => panic!("not a pcap file (magic {m:#x})"),
    };
    let u32_at = |o: usize| {
        let x: [u8; 4] = b[o..o + 4].try_into().unwrap();
        if le {
            u32::from_le_bytes(x)
        } else {
            u32::from_be_bytes(x)
        }
    };
    let lt = LinkType::from_value(u32_at(20) & 0x03ff_ffff).expect("supported link type");
    let mut recs = Vec::new();
    let mut off = 24;
    while off + 16 <= b.len() {
        let sec = u32_at(off);
        let frac = u32_at(off + 4);
        let caplen = u32_at(off + 8) as usize;
        let len = u32_at(off + 12);
        off += 16;
        let end = (off + caplen).min(b.len());
        recs.push(Rec {
            ts: Timestamp {
                sec: i64::from(sec),
                nsec: if nano {
                    i64::from(frac)
                } else {
                    i64::from(frac) * 1000
                },
            },
            wire_len: len,
            data: b[off..end].to_vec(),
        });
        off = end;
    }
    (lt, recs)
}

/// Sets TZ=UTC for this process (all tests use the same value).
pub fn utc() {
    // SAFETY: every test sets the same value; no test reads another TZ.
    unsafe { std::env::set_var("TZ", "UTC") };
}

/// tcpdump's output lines for `tcpdump -r FILE FLAGS`. Fails loudly if tcpdump is
/// not installed.
pub fn tcpdump(path: &Path, flags: &[&str]) -> Vec<String> {
    let out = Command::new("tcpdump")
        .env("TZ", "UTC")
        .arg("-r")
        .arg(path)
        .args(flags)
        .output()
        .expect("tcpdump must be installed (apt-get install tcpdump): the golden tests compare against it");
    assert!(
        out.status.success(),
        "tcpdump failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// The options rfilter prints with for `flags` (its command-line flags).
pub fn opts(flags: &[&str]) -> PrintOptions {
    let mut argv = vec!["rfilter"];
    argv.extend_from_slice(flags);
    let args = Args::try_parse_from(argv).expect("flags parse");
    PrintOptions::from_args(&args)
}

/// rfilter's output lines for the same flags.
pub fn ours(path: &Path, flags: &[&str]) -> Vec<String> {
    utc();
    let (lt, recs) = read_pcap(path);
    let mut p = Printer::new(opts(flags), lt, Vec::new());
    for r in &recs {
        p.packet(&PacketRef {
            ts: r.ts,
            wire_len: r.wire_len,
            data: &r.data,
        })
        .unwrap();
    }
    p.finish().unwrap();
    let out = p.into_inner();
    String::from_utf8_lossy(&out)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Result of comparing both outputs line by line.
pub struct Cmp {
    pub compared: usize,
    pub matched: usize,
    pub diffs: Vec<(usize, String, String)>,
}

pub fn compare(path: &Path, flags: &[&str]) -> Cmp {
    let theirs = tcpdump(path, flags);
    let mine = ours(path, flags);
    let n = theirs.len().max(mine.len());
    let mut cmp = Cmp {
        compared: n,
        matched: 0,
        diffs: Vec::new(),
    };
    for i in 0..n {
        let t = theirs.get(i).map(String::as_str).unwrap_or("<none>");
        let m = mine.get(i).map(String::as_str).unwrap_or("<none>");
        if t == m {
            cmp.matched += 1;
        } else {
            cmp.diffs.push((i, t.to_string(), m.to_string()));
        }
    }
    cmp
}

pub fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("rfilter-print-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Compares over every flag set; panics with the differing lines if any.
pub fn assert_same(path: &Path, flag_sets: &[&[&str]]) -> (usize, usize) {
    let (mut compared, mut matched) = (0, 0);
    let mut report = String::new();
    for flags in flag_sets {
        let c = compare(path, flags);
        compared += c.compared;
        matched += c.matched;
        for (i, t, m) in c.diffs.iter().take(20) {
            report.push_str(&format!(
                "{flags:?} line {i}:\n  tcpdump: {t}\n  rfilter: {m}\n"
            ));
        }
    }
    eprintln!("{}: {matched}/{compared} lines identical", path.display());
    assert!(report.is_empty(), "output differs from tcpdump:\n{report}");
    (compared, matched)
}

/// Writes `recs` to `file` in the temporary directory `dir` and compares it over
/// every flag set, as [`assert_same`].
pub fn assert_same_recs(
    dir: &str,
    file: &str,
    lt: LinkType,
    recs: &[Rec],
    flag_sets: &[&[&str]],
) -> (usize, usize) {
    let path = tmpdir(dir).join(file);
    write_pcap(&path, lt, recs, false);
    assert_same(&path, flag_sets)
}

/// Compares over every flag set and requires at least `min_ratio` of the lines to
/// be identical (for corpora that still contain known differences); prints the
/// figures and the first differences.
pub fn assert_mostly_same(path: &Path, flag_sets: &[&[&str]], min_ratio: f64) -> (usize, usize) {
    let (mut compared, mut matched) = (0, 0);
    for flags in flag_sets {
        let c = compare(path, flags);
        compared += c.compared;
        matched += c.matched;
        let shown: usize = std::env::var("PRINT_SHOW")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(3);
        for (i, t, m) in c.diffs.iter().take(shown) {
            eprintln!("{flags:?} line {i}:\n  tcpdump: {t}\n  rfilter: {m}");
        }
    }
    let ratio = matched as f64 / compared.max(1) as f64;
    eprintln!(
        "{}: {matched}/{compared} lines identical ({:.2}%)",
        path.display(),
        ratio * 100.0
    );
    assert!(
        ratio >= min_ratio,
        "only {matched}/{compared} lines identical, need {min_ratio}"
    );
    (compared, matched)
}
