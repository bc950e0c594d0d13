//! Throughput driver for benches/print_bench.sh (not a timing assertion): prints a
//! capture with rfilter's Printer and with tcpdump, both to /dev/null, and reports
//! the CPU seconds of each.
//! `PRINT_BENCH_PCAP=big.pcap PRINT_BENCH_FLAGS=-n cargo test --release --test print_bench -- --ignored --nocapture`

use clap::Parser;
use rfilter::LinkType;
use rfilter::cli::Args;
use rfilter::packet::{PacketRef, Sink, Timestamp};
use rfilter::print::{PrintOptions, Printer};
use std::process::Command;

fn cpu_self() -> f64 {
    // SAFETY: getrusage fills the struct we pass.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    ru.ru_utime.tv_sec as f64
        + ru.ru_utime.tv_usec as f64 / 1e6
        + ru.ru_stime.tv_sec as f64
        + ru.ru_stime.tv_usec as f64 / 1e6
}

#[test]
#[ignore = "benchmark driver; run through benches/print_bench.sh"]
fn print_throughput() {
    let path = std::env::var("PRINT_BENCH_PCAP").expect("set PRINT_BENCH_PCAP");
    let flags = std::env::var("PRINT_BENCH_FLAGS").unwrap_or_else(|_| "-n".into());
    let flags: Vec<&str> = flags.split_whitespace().collect();
    let limit: usize = std::env::var("PRINT_BENCH_COUNT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let b = std::fs::read(&path).expect("read pcap");
    assert_eq!(
        &b[0..4],
        &0xa1b2c3d4u32.to_le_bytes(),
        "little-endian microsecond pcap expected"
    );
    let lt = LinkType::from_value(u32::from_le_bytes(b[20..24].try_into().unwrap())).unwrap();
    let mut argv = vec!["rfilter"];
    argv.extend_from_slice(&flags);
    let opts = PrintOptions::from_args(&Args::try_parse_from(argv).unwrap());
    let out = std::fs::File::create("/dev/null").unwrap();
    let t0 = cpu_self();
    let mut p = Printer::new(opts, lt, out);
    let (mut off, mut n) = (24usize, 0usize);
    while off + 16 <= b.len() && n < limit {
        let w = |o: usize| u32::from_le_bytes(b[o..o + 4].try_into().unwrap());
        let (sec, usec, caplen, len) = (w(off), w(off + 4), w(off + 8) as usize, w(off + 12));
        off += 16;
        let data = &b[off..(off + caplen).min(b.len())];
        off += caplen;
        p.packet(&PacketRef {
            ts: Timestamp {
                sec: i64::from(sec),
                nsec: i64::from(usec) * 1000,
            },
            wire_len: len,
            data,
        })
        .unwrap();
        n += 1;
    }
    p.finish().unwrap();
    let ours = cpu_self() - t0;
    // tcpdump over the same packets (-c limits the count).
    let mut cmd = Command::new("sh");
    let count = if limit == usize::MAX {
        String::new()
    } else {
        format!("-c {limit}")
    };
    cmd.arg("-c").arg(format!(
        "TZ=UTC /usr/bin/time -f '%U %S' tcpdump -r '{path}' {count} {} > /dev/null 2>/tmp/print_bench_tcpdump.err; tail -1 /tmp/print_bench_tcpdump.err",
        flags.join(" ")
    ));
    let o = cmd
        .output()
        .expect("tcpdump and /usr/bin/time must be installed");
    let s = String::from_utf8_lossy(&o.stdout);
    let theirs: f64 = s
        .split_whitespace()
        .filter_map(|x| x.parse::<f64>().ok())
        .sum();
    println!(
        "packets {n}  rfilter {ours:.3} s CPU  tcpdump {theirs:.3} s CPU  ratio {:.3}",
        ours / theirs.max(1e-9)
    );
}
