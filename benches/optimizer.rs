//! Optimizer benchmark: rfilter's optimizer against libpcap 1.10's, side by side.
//!
//! `cargo bench --bench optimizer` prints
//! 1. program sizes over the expression corpus (grammar/examples, every link type);
//! 2. instructions executed over the packet corpus (tests/common), counted by
//!    `rfilter::bpf::vm::run_counted`;
//! 3. compile time, size and peak memory for big `host`/`port` filters, each
//!    compilation in a child process (rfilter's five times, best and median
//!    shown; libpcap's quadratic optimizer is given a time budget and reported as
//!    "> N s" when it runs out).
//!
//! Options: `--quick` skips libpcap on the big filters; `--budget SECS` sets its
//! time budget (default 60); `--scaling` prints only the big filters; `--exprs FILE`
//! takes the expressions from FILE (`DLT<TAB>expression` lines) instead of
//! grammar/examples, each run over the synthetic corpus of its link type; `--pcap FILE` (repeatable) counts instructions executed over
//! the packets of capture files instead of the synthetic corpus (only expressions
//! for those files' link types are then compared); `--verbose` lists every program
//! longer than libpcap's.

#[path = "../tests/common/mod.rs"]
mod common;

use common::corpus::{self, Sample};
use common::examples;
use common::reference::{REFERENCE_NETMASK, REFERENCE_SNAPLEN, libpcap_program};
use rfilter::bpf::Insn;
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn options(lt: LinkType) -> CompileOptions {
    CompileOptions {
        linktype: lt,
        snaplen: REFERENCE_SNAPLEN,
        optimize: true,
        netmask: REFERENCE_NETMASK,
        linux_vlan_ancillary: false,
        for_kernel: false,
        savefile: None,
    }
}

fn executed(prog: &[Insn], samples: &[Sample]) -> u64 {
    samples
        .iter()
        .map(|s| rfilter::bpf::vm::run_counted(prog, &s.data, s.wire_len).1)
        .sum()
}

/// Expressions from a tab-separated file, one `DLT<TAB>expression` a line (`#`
/// comments; `%25`, `%09`, `%0A`, `%0D` in the expression stand for `%`, tab and
/// line breaks; further columns are ignored), such as a list of libpcap's tests.
fn exprs_from_file(path: &str) -> Vec<examples::Example> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|(n, l)| {
            let mut cols = l.split('\t');
            let lt: LinkType = cols.next()?.trim().parse().ok()?;
            let expr = cols
                .next()?
                .replace("%0A", "\n")
                .replace("%09", "\t")
                .replace("%0D", "\r")
                .replace("%25", "%");
            Some(examples::Example {
                origin: format!("{path}:{}", n + 1),
                expr,
                linktypes: vec![lt],
                discriminating: true,
            })
        })
        .collect()
}

/// The packets of a capture file (`--pcap FILE`), with its link type.
fn capture_samples(path: &str) -> (LinkType, Vec<Sample>) {
    let mut r = rfilter::savefile::reader::Reader::open(std::path::Path::new(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    let lt = r.linktype();
    let mut out = Vec::new();
    while let Some(p) = r.next_packet().unwrap_or_else(|e| panic!("{path}: {e}")) {
        out.push(Sample {
            label: format!("{path} #{}", out.len() + 1),
            data: p.data.to_vec(),
            wire_len: p.wire_len,
        });
    }
    (lt, out)
}

fn corpus_tables(exprs_file: Option<&str>, pcaps: &[String]) {
    let all = match exprs_file {
        Some(path) => exprs_from_file(path),
        None => examples::valid(),
    };
    // Packets: the capture files given, else the synthetic corpus of each link type.
    let mut corpora: Vec<(LinkType, Vec<Sample>)> = Vec::new();
    for path in pcaps {
        let (lt, samples) = capture_samples(path);
        match corpora.iter_mut().find(|(l, _)| *l == lt) {
            Some((_, v)) => v.extend(samples),
            None => corpora.push((lt, samples)),
        }
    }
    if pcaps.is_empty() {
        // Every link type the expressions name, each with its synthetic corpus.
        for ex in &all {
            for &lt in &ex.linktypes {
                if !corpora.iter().any(|(l, _)| *l == lt) {
                    corpora.push((lt, corpus::samples(lt)));
                }
            }
        }
    }
    let (mut ours_total, mut lib_total, mut ours_exec, mut lib_exec) = (0usize, 0usize, 0u64, 0u64);
    let (mut pairs, mut shorter, mut equal) = (0usize, 0usize, 0usize);
    // `protochain` is a loop with a backward jump in both (offline programs; for the
    // kernel, which refuses backward jumps, rfilter unrolls it), and libpcap does not
    // optimize any filter that has one. Totals are also given without it.
    let (mut pc_ours, mut pc_lib, mut pc_ours_exec, mut pc_lib_exec) = (0usize, 0usize, 0u64, 0u64);
    let mut longer: Vec<(isize, String)> = Vec::new();
    let started = Instant::now();
    for ex in &all {
        for &lt in &ex.linktypes {
            let Some((_, samples)) = corpora.iter().find(|(l, _)| *l == lt) else {
                continue;
            };
            let lib = match libpcap_program(&ex.expr, lt, true) {
                Ok(p) => p,
                Err(e) if e.contains("rejects all packets") => vec![Insn::stmt(0x06, 0)],
                Err(_) => continue,
            };
            // Both refuse a filter libpcap's optimizer proves never matches;
            // counted as the one-instruction program it would be.
            let ours = match filter::compile(&ex.expr, &options(lt)) {
                Ok(p) => p,
                Err(e) if e.message.contains("rejects all packets") => vec![Insn::stmt(0x06, 0)],
                Err(_) => continue,
            };
            pairs += 1;
            let (oe, le) = (executed(&ours, samples), executed(&lib, samples));
            if let Some(path) = std::env::var_os("RFILTER_BENCH_PAIRS") {
                use std::io::Write;
                if let Ok(mut f) = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(path)
                {
                    let _ = writeln!(
                        f,
                        "{}\t{}\t{lt}\t{}\t{oe}\t{le}",
                        ours.len(),
                        lib.len(),
                        ex.expr.replace(['\n', '\t'], " ")
                    );
                }
            }
            ours_total += ours.len();
            lib_total += lib.len();
            ours_exec += oe;
            lib_exec += le;
            if ex.expr.contains("protochain") {
                pc_ours += ours.len();
                pc_lib += lib.len();
                pc_ours_exec += oe;
                pc_lib_exec += le;
            }
            match ours.len().cmp(&lib.len()) {
                std::cmp::Ordering::Less => shorter += 1,
                std::cmp::Ordering::Equal => equal += 1,
                std::cmp::Ordering::Greater => longer.push((
                    ours.len() as isize - lib.len() as isize,
                    format!("{} on {lt}: {} vs {}", ex.expr, ours.len(), lib.len()),
                )),
            }
        }
    }
    println!(
        "## Expression corpus: {} expressions, {pairs} expression x link type pairs ({:.1} s)\n",
        all.len(),
        started.elapsed().as_secs_f64()
    );
    println!("| measure | rfilter | libpcap -O | ratio |");
    println!("|---|---:|---:|---:|");
    println!(
        "| instructions, all programs | {ours_total} | {lib_total} | {:.3} |",
        ours_total as f64 / lib_total as f64
    );
    println!(
        "| instructions executed over the packet corpus | {ours_exec} | {lib_exec} | {:.3} |",
        ours_exec as f64 / lib_exec as f64
    );
    let (o, l) = (ours_total - pc_ours, lib_total - pc_lib);
    println!(
        "| instructions, without `protochain` | {o} | {l} | {:.3} |",
        o as f64 / l as f64
    );
    let (o, l) = (ours_exec - pc_ours_exec, lib_exec - pc_lib_exec);
    println!(
        "| instructions executed, without `protochain` | {o} | {l} | {:.3} |",
        o as f64 / l as f64
    );
    println!(
        "\nprograms shorter than libpcap's: {shorter}, as long: {equal}, longer: {}",
        longer.len()
    );
    longer.sort_by_key(|l| std::cmp::Reverse(l.0));
    let verbose = std::env::args().any(|a| a == "--verbose");
    for (_, l) in longer.iter().take(if verbose { usize::MAX } else { 20 }) {
        println!("  longer: {l}");
    }
}

/// `host a or host b or ...` with `n` distinct IPv4 addresses in 10/8, scattered
/// (a stride coprime with 2^24): consecutive ones would be a single range test,
/// which measures nothing.
fn hosts(n: usize) -> String {
    (0..n)
        .map(|i| {
            let a = (i * 40_503 + 7) & 0xff_ffff;
            format!("host 10.{}.{}.{}", a >> 16 & 0xff, a >> 8 & 0xff, a & 0xff)
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// `port a or port b or ...` with `n` distinct ports, scattered as [`hosts`]'s.
fn ports(n: usize) -> String {
    (0..n)
        .map(|i| format!("port {}", (i * 97 + 13) & 0xffff))
        .collect::<Vec<_>>()
        .join(" or ")
}

fn big_expr(kind: &str, n: usize) -> String {
    if kind == "host" { hosts(n) } else { ports(n) }
}

/// Child process: compile once, print "instructions milliseconds".
fn child(which: &str, kind: &str, n: usize) {
    let expr = big_expr(kind, n);
    let t = Instant::now();
    let len = if which == "rfilter" {
        match filter::compile(&expr, &options(LinkType::En10mb)) {
            Ok(p) => p.len().to_string(),
            Err(e) => format!("error:{}", e.message.replace(' ', "_")),
        }
    } else {
        match libpcap_program(&expr, LinkType::En10mb, true) {
            Ok(p) => p.len().to_string(),
            Err(e) => format!("error:{}", e.replace(' ', "_")),
        }
    };
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    // Peak resident memory of this process (the whole compile), in KiB.
    let hwm = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .unwrap_or_else(|| "0".into());
    println!("{len} {ms:.3} {hwm}");
}

/// Runs a child, returns (instructions, ms, peak KiB) or None on timeout.
fn measure(which: &str, kind: &str, n: usize, budget: Duration) -> Option<(String, f64, i64)> {
    let exe = std::env::current_exe().ok()?;
    let mut c = Command::new(exe)
        .args(["--child", which, kind, &n.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let start = Instant::now();
    loop {
        match c.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > budget => {
                let _ = c.kill();
                let _ = c.wait();
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => return None,
        }
    }
    let mut out = String::new();
    use std::io::Read;
    c.stdout.take()?.read_to_string(&mut out).ok()?;
    let mut it = out.split_whitespace();
    let len = it.next()?.to_string();
    let ms: f64 = it.next()?.parse().ok()?;
    let hwm: i64 = it.next()?.parse().ok()?;
    Some((len, ms, hwm))
}

/// Fresh-process compiles per big filter for rfilter: the machines this runs on
/// are small and shared, and one run can take twice as long as the next.
const RFILTER_RUNS: usize = 5;

fn scaling_table(quick: bool, budget: Duration) {
    println!("\n## Big filters (EN10MB), each compiled in a fresh process\n");
    println!(
        "| filter | rfilter insns | rfilter ms, best / median of {RFILTER_RUNS} | rfilter peak MiB* | libpcap peak MiB* | libpcap insns | libpcap ms |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let cases: &[(&str, usize, bool)] = &[
        ("host", 10, true),
        ("host", 100, true),
        ("host", 300, true),
        ("host", 1000, true),
        ("host", 3000, false),
        ("host", 10000, false),
        ("port", 10, true),
        ("port", 100, true),
        ("port", 500, true),
        ("port", 2000, false),
    ];
    for &(kind, n, run_libpcap) in cases {
        let mut runs: Vec<_> = (0..RFILTER_RUNS)
            .filter_map(|_| measure("rfilter", kind, n, Duration::from_secs(600)))
            .collect();
        runs.sort_by(|a, b| a.1.total_cmp(&b.1));
        let ol = runs.first().map_or_else(|| "?".into(), |r| r.0.clone());
        let best = runs.first().map_or(f64::NAN, |r| r.1);
        let median = runs.get(runs.len() / 2).map_or(f64::NAN, |r| r.1);
        let orss = runs.iter().map(|r| r.2).max().unwrap_or(0);
        let lib = if run_libpcap && !quick {
            match measure("libpcap", kind, n, budget) {
                Some((l, ms, hwm)) => {
                    (l, format!("{ms:.1}"), format!("{:.1}", hwm as f64 / 1024.0))
                }
                None => ("?".into(), format!("> {} s", budget.as_secs()), "?".into()),
            }
        } else {
            ("not run".into(), "not run".into(), "".into())
        };
        println!(
            "| {n} x `{kind}` | {ol} | {best:.1} / {median:.1} | {:.1} | {} | {} | {} |",
            orss as f64 / 1024.0,
            lib.2,
            lib.0,
            lib.1
        );
    }
    println!(
        "\n*peak resident memory (VmHWM) of the child process, which includes the test corpus code and libpcap"
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        let which = args.get(i + 1).map(String::as_str).unwrap_or("rfilter");
        let kind = args.get(i + 2).map(String::as_str).unwrap_or("host");
        let n = args.get(i + 3).and_then(|s| s.parse().ok()).unwrap_or(10);
        child(which, kind, n);
        return;
    }
    let quick = args.iter().any(|a| a == "--quick");
    let budget = args
        .iter()
        .position(|a| a == "--budget")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let only_scaling = args.iter().any(|a| a == "--scaling");
    let exprs_file = args
        .iter()
        .position(|a| a == "--exprs")
        .and_then(|i| args.get(i + 1));
    let pcaps: Vec<String> = args
        .windows(2)
        .filter(|w| w[0] == "--pcap")
        .map(|w| w[1].clone())
        .collect();
    if !only_scaling {
        corpus_tables(exprs_file.map(String::as_str), &pcaps);
    }
    scaling_table(quick, Duration::from_secs(budget));
}
