//! Differential check of rfilter's filter compiler against libpcap on a list of
//! expressions, over real captures and the synthetic test corpus.
//!
//! ```text
//! cargo run --release --example diffcheck -- EXPRS.tsv [PCAP...]
//! ```
//!
//! EXPRS.tsv has one expression a line: `DLT<TAB>expression[<TAB>expected[<TAB>notes]]`
//! (`#` starts a comment line). DLT is a tcpdump link-type name (EN10MB, RAW, …).
//! In the expression `%25`, `%09`, `%0A` and `%0D` stand for `%`, tab, newline and
//! carriage return, so multi-line expressions fit on one line. `expected` (accept or
//! reject) is what the list's author expected; it is reported, not enforced: the
//! reference is the libpcap this program is linked with.
//!
//! For each line the expression is compiled by rfilter (optimized and with `-O`) and
//! by libpcap (`pcap::Capture::dead(..).compile(..)`, optimized and not). Checked:
//!
//! - both accept or both reject; when libpcap rejects, rfilter rejects with a
//!   message (not an internal error);
//! - no panic in rfilter (compiling, verifying, running);
//! - every rfilter program for the kernel (`for_kernel`) passes the kernel rules
//!   (`rfilter::bpf::verify`);
//! - on every packet each rfilter program's verdict equals the verdict of
//!   libpcap's optimized OR unoptimized program (both run in rfilter's
//!   interpreter, scratch memory zeroed; libpcap's optimizer drops dead loads, so
//!   the two legitimately differ on some truncated packets), or, on a truncated
//!   packet, the unoptimized program's verdict on the packet completed with zeros
//!   or 0xff bytes (rfilter's optimizer drops dead loads libpcap's keeps, e.g. the
//!   load of `byte 1 < 256`).
//!
//! Also counted (not a failure): how many of the optimized program's verdicts equal
//! libpcap's optimized program's alone, which is what tcpdump decides
//! (`DIFFCHECK_STRICT=1` lists the expressions that differ on some packet).
//!
//! Packets: the capture files given whose link type is the line's (pcap or pcapng,
//! read with the pcap crate), plus the synthetic corpus of tests/common/corpus.rs
//! for the link type (every header the language touches, truncations, random bytes).
//!
//! libpcap compiles through the pcap crate, which opens dead handles with a 65535
//! snapshot length and passes netmask 0; rfilter is compiled with the same, so the
//! verdicts are comparable byte for byte. The list's own snaplen/netmask notes are
//! therefore not applied.
//!
//! Prints per-link-type counts, the agreement rate, every mismatching expression with
//! one packet that shows it, panics and kernel-invalid programs. Exits 1 if anything
//! disagrees.

#[path = "../tests/common/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use rfilter::bpf::{Insn, dump, verify, vm};
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::ExitCode;
use std::time::Instant;

/// The snapshot length and netmask the pcap crate compiles with.
const SNAPLEN: u32 = 65535;
const NETMASK: u32 = 0;

/// libpcap's optimizer refuses filters it proves never match, with this message.
const REJECTS_ALL: &str = "expression rejects all packets";

/// One line of the expression list.
struct Line {
    number: usize,
    linktype: LinkType,
    expr: String,
    expected: String,
}

/// One packet to run programs over.
struct Packet {
    origin: String,
    data: Vec<u8>,
    wire_len: u32,
}

fn decode(field: &str) -> String {
    field
        .replace("%0A", "\n")
        .replace("%09", "\t")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

fn read_lines(path: &str) -> Result<Vec<Line>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.starts_with('#') || raw.trim().is_empty() {
            continue;
        }
        let mut fields = raw.split('\t');
        let dlt = fields.next().unwrap_or_default();
        let Some(expr) = fields.next() else {
            return Err(format!("{path}:{}: no expression field", i + 1));
        };
        let linktype: LinkType = dlt.parse().map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        lines.push(Line {
            number: i + 1,
            linktype,
            expr: decode(expr),
            expected: fields.next().unwrap_or("").to_string(),
        });
    }
    Ok(lines)
}

/// Packets of a capture file, by link type; files of other link types are skipped.
fn read_capture(path: &str, limit: usize) -> Result<(LinkType, Vec<Packet>), String> {
    let mut cap = pcap::Capture::from_file(path).map_err(|e| format!("{path}: {e}"))?;
    let dlt = cap.get_datalink().0;
    let linktype = u32::try_from(dlt)
        .ok()
        .and_then(LinkType::from_value)
        .ok_or_else(|| format!("{path}: link type {dlt} is not one rfilter supports"))?;
    let mut packets = Vec::new();
    let mut n = 0usize;
    while packets.len() < limit {
        match cap.next_packet() {
            Ok(p) => {
                n += 1;
                packets.push(Packet {
                    origin: format!("{path} #{n}"),
                    data: p.data.to_vec(),
                    wire_len: p.header.len,
                });
            }
            Err(pcap::Error::NoMorePackets) => break,
            Err(e) => return Err(format!("{path}: {e}")),
        }
    }
    Ok((linktype, packets))
}

/// libpcap's program for an expression, or its error message.
fn libpcap(expr: &str, lt: LinkType, optimize: bool) -> Result<Vec<Insn>, String> {
    let cap = pcap::Capture::dead(pcap::Linktype(lt.dlt())).map_err(|e| e.to_string())?;
    let prog = cap.compile(expr, optimize).map_err(|e| match e {
        pcap::Error::PcapError(msg) => msg,
        other => other.to_string(),
    })?;
    prog.get_instructions()
        .iter()
        .map(|i| {
            // The pcap crate shows an instruction only as "code jt jf k".
            let v: Vec<u32> = i
                .to_string()
                .split_whitespace()
                .filter_map(|f| f.parse().ok())
                .collect();
            match v.as_slice() {
                &[code, jt, jf, k] => Some(Insn {
                    code: u16::try_from(code).ok()?,
                    jt: u8::try_from(jt).ok()?,
                    jf: u8::try_from(jf).ok()?,
                    k,
                }),
                _ => None,
            }
        })
        .collect::<Option<Vec<Insn>>>()
        .ok_or_else(|| "cannot read libpcap's instructions".to_string())
}

/// What rfilter made of an expression in one mode.
enum Ours {
    Program(Vec<Insn>),
    Rejected(String),
    Panicked(String),
}

fn rfilter(expr: &str, lt: LinkType, optimize: bool) -> Ours {
    rfilter_for(expr, lt, optimize, false)
}

/// As [`rfilter`]; `for_kernel`: as live capture compiles (protochain unrolled).
fn rfilter_for(expr: &str, lt: LinkType, optimize: bool, for_kernel: bool) -> Ours {
    let opts = CompileOptions {
        linktype: lt,
        snaplen: SNAPLEN,
        optimize,
        netmask: NETMASK,
        linux_vlan_ancillary: false,
        for_kernel,
        savefile: None,
    };
    // compile() already runs on a thread of its own and turns a panic there into an
    // internal error; catch_unwind covers the calling side.
    match catch_unwind(AssertUnwindSafe(|| filter::compile(expr, &opts))) {
        Ok(Ok(p)) => Ours::Program(p),
        Ok(Err(e)) if e.message.contains("panicked") => Ours::Panicked(e.message),
        Ok(Err(e)) => Ours::Rejected(e.render(expr)),
        Err(_) => Ours::Panicked("compile() panicked".into()),
    }
}

/// Verdicts of a program on every packet; `None` if the interpreter panicked.
fn run_all(prog: &[Insn], packets: &[&Packet]) -> Option<Vec<u32>> {
    catch_unwind(AssertUnwindSafe(|| {
        packets
            .iter()
            .map(|p| vm::run(prog, &p.data, p.wire_len))
            .collect()
    }))
    .ok()
}

/// Whether `verdict` is `unoptimized`'s on the packet completed with zeros or with
/// 0xff bytes (`vm::run_completed`): the verdict an optimizer may give on a
/// truncated packet when it drops loads whose values cannot change the outcome.
fn completed_verdict_matches(unoptimized: &[Insn], p: &Packet, verdict: u32) -> bool {
    [0u8, 0xff]
        .iter()
        .any(|&fill| vm::run_completed(unoptimized, &p.data, p.wire_len, fill) == verdict)
}

fn hex(data: &[u8], max: usize) -> String {
    let mut s = String::new();
    for b in data.iter().take(max) {
        let _ = write!(s, "{b:02x}");
    }
    if data.len() > max {
        s.push('…');
    }
    s
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Default)]
struct PerLink {
    lines: usize,
    libpcap_accepts: usize,
    libpcap_rejects: usize,
    rfilter_accepts: usize,
    rfilter_rejects: usize,
    rejections_matched: usize,
    /// Refused when optimizing as "expression rejects all packets" by both.
    rejects_all_matched: usize,
    agree: usize,
    expected_differs: usize,
    verdicts: u64,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(list) = args.first() else {
        eprintln!("usage: diffcheck EXPRS.tsv [PCAP...]");
        return ExitCode::from(2);
    };
    let limit: usize = std::env::var("DIFFCHECK_MAX_PACKETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let started = Instant::now();
    let lines = match read_lines(list) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("diffcheck: {e}");
            return ExitCode::from(2);
        }
    };

    // Packets per link type: capture files, then the synthetic corpus.
    let mut packets: HashMap<LinkType, Vec<Packet>> = HashMap::new();
    let mut sources: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for path in &args[1..] {
        match read_capture(path, limit) {
            Ok((lt, ps)) => {
                sources
                    .entry(lt.name())
                    .or_default()
                    .push(format!("{path} ({} packets)", ps.len()));
                packets.entry(lt).or_default().extend(ps);
            }
            Err(e) => {
                eprintln!("diffcheck: {e}");
                return ExitCode::from(2);
            }
        }
    }
    for lt in LinkType::ALL {
        let synthetic: Vec<Packet> = corpus::samples(lt)
            .into_iter()
            .map(|s| Packet {
                origin: format!("corpus: {}", s.label),
                data: s.data,
                wire_len: s.wire_len,
            })
            .collect();
        sources
            .entry(lt.name())
            .or_default()
            .push(format!("synthetic corpus ({} packets)", synthetic.len()));
        packets.entry(lt).or_default().extend(synthetic);
    }

    let mut per: BTreeMap<&'static str, PerLink> = BTreeMap::new();
    let mut mismatches: Vec<String> = Vec::new();
    let mut panics: Vec<String> = Vec::new();
    let mut invalid: Vec<String> = Vec::new();
    let mut expected_notes: Vec<String> = Vec::new();
    let mut verdicts_total: u64 = 0;
    let mut verdicts_agree: u64 = 0;
    // rfilter's optimized verdicts against tcpdump's (libpcap -O) alone.
    let (mut strict_total, mut strict_same): (u64, u64) = (0, 0);
    let mut strict_exprs: Vec<String> = Vec::new();

    for line in &lines {
        let lt = line.linktype;
        let stats = per.entry(lt.name()).or_default();
        stats.lines += 1;
        let shown = one_line(&line.expr);
        let tag = format!("line {} [{}] `{}`", line.number, lt.name(), shown);

        let reference_unopt = libpcap(&line.expr, lt, false);
        let raw_opt = libpcap(&line.expr, lt, true);
        let libpcap_rejects_all = matches!(&raw_opt, Err(e) if e.contains(REJECTS_ALL));
        let reference_opt = match raw_opt {
            Err(e) if e.contains(REJECTS_ALL) => Ok(vec![Insn::stmt(0x06, 0)]),
            other => other,
        };
        let ours = [
            ("rfilter", rfilter(&line.expr, lt, true)),
            ("rfilter -O", rfilter(&line.expr, lt, false)),
        ];

        let libpcap_accepts = reference_unopt.is_ok();
        if libpcap_accepts {
            stats.libpcap_accepts += 1;
        } else {
            stats.libpcap_rejects += 1;
        }
        let expected_accept = match line.expected.as_str() {
            "accept" => Some(true),
            "reject" => Some(false),
            _ => None,
        };
        if expected_accept.is_some_and(|e| e != libpcap_accepts) {
            stats.expected_differs += 1;
            expected_notes.push(format!(
                "{tag}: list says {}, this libpcap {}",
                line.expected,
                match &reference_unopt {
                    Ok(_) => "accepts".to_string(),
                    Err(e) => format!("rejects: {e}"),
                }
            ));
        }

        let mut ok = true;
        let mut ours_accepts = true;
        for (what, result) in &ours {
            match result {
                Ours::Panicked(m) => {
                    panics.push(format!("{tag}: {what}: {m}"));
                    ok = false;
                }
                // Optimizing, both refuse a filter libpcap's optimizer proves
                // never matches (tcpdump's "expression rejects all packets").
                Ours::Rejected(msg)
                    if *what == "rfilter" && libpcap_rejects_all && msg.contains(REJECTS_ALL) =>
                {
                    stats.rejects_all_matched += 1;
                }
                Ours::Rejected(msg) => {
                    ours_accepts = false;
                    if libpcap_accepts {
                        ok = false;
                        mismatches.push(format!(
                            "{tag}: {what} rejects what libpcap accepts: {}",
                            one_line(msg)
                        ));
                    } else if msg.trim().is_empty() || msg.starts_with("internal error") {
                        ok = false;
                        mismatches.push(format!(
                            "{tag}: {what} rejects without a proper message: {msg}"
                        ));
                    }
                }
                Ours::Program(_) if *what == "rfilter" && libpcap_rejects_all => {
                    ok = false;
                    mismatches.push(format!(
                        "{tag}: libpcap's optimizer refuses it ({REJECTS_ALL}), rfilter's accepts"
                    ));
                }
                Ours::Program(prog) => {
                    // The kernel rules apply to what live capture attaches: for
                    // protochain, the unrolled form (the default one loops).
                    let kernel_form = match rfilter_for(&line.expr, lt, *what == "rfilter", true) {
                        Ours::Program(k) => k,
                        _ => prog.clone(),
                    };
                    match catch_unwind(|| verify::verify(&kernel_form)) {
                        Ok(Ok(())) => {}
                        Ok(Err(e)) => {
                            invalid.push(format!("{tag}: {what}: {e}"));
                            ok = false;
                        }
                        Err(_) => {
                            panics.push(format!("{tag}: {what}: the verifier panicked"));
                            ok = false;
                        }
                    }
                    if let Err(e) = &reference_unopt {
                        ok = false;
                        mismatches
                            .push(format!("{tag}: {what} accepts what libpcap rejects ({e})"));
                    }
                }
            }
        }
        if ours_accepts {
            stats.rfilter_accepts += 1;
        } else {
            stats.rfilter_rejects += 1;
            if !libpcap_accepts {
                stats.rejections_matched += 1;
            }
        }

        // Verdicts, where both sides have programs.
        if let (Ok(unopt), Ok(opt)) = (&reference_unopt, &reference_opt) {
            let pkts: Vec<&Packet> = packets.get(&lt).map_or(Vec::new(), |v| v.iter().collect());
            let ref_unopt = run_all(unopt, &pkts).unwrap_or_default();
            let ref_opt = if opt == unopt {
                ref_unopt.clone()
            } else {
                run_all(opt, &pkts).unwrap_or_default()
            };
            for (what, result) in &ours {
                let Ours::Program(prog) = result else {
                    continue;
                };
                let mine = if prog == opt {
                    ref_opt.clone()
                } else if prog == unopt {
                    ref_unopt.clone()
                } else {
                    match run_all(prog, &pkts) {
                        Some(v) => v,
                        None => {
                            panics.push(format!("{tag}: {what}: the interpreter panicked"));
                            ok = false;
                            continue;
                        }
                    }
                };
                if *what == "rfilter" {
                    let same = (0..pkts.len()).filter(|&i| mine[i] == ref_opt[i]).count();
                    strict_total += pkts.len() as u64;
                    strict_same += same as u64;
                    if same < pkts.len() {
                        strict_exprs.push(format!("{tag}: {} packets", pkts.len() - same));
                    }
                }
                let mut first_bad = None;
                let mut bad = 0usize;
                for i in 0..pkts.len() {
                    verdicts_total += 1;
                    stats.verdicts += 1;
                    if mine[i] == ref_opt[i]
                        || mine[i] == ref_unopt[i]
                        || completed_verdict_matches(unopt, pkts[i], mine[i])
                    {
                        verdicts_agree += 1;
                    } else {
                        bad += 1;
                        first_bad.get_or_insert(i);
                    }
                }
                if let Some(i) = first_bad {
                    ok = false;
                    let p = pkts[i];
                    let mut r = format!(
                        "{tag}: {what}: {bad} of {} packets differ; e.g. {} (captured {}, wire {}): \
                         {what} {} vs libpcap -O {} / libpcap {}\n      hex {}",
                        pkts.len(),
                        p.origin,
                        p.data.len(),
                        p.wire_len,
                        mine[i],
                        ref_opt[i],
                        ref_unopt[i],
                        hex(&p.data, 96)
                    );
                    if std::env::var_os("DIFFCHECK_VERBOSE").is_some() {
                        let _ = write!(
                            r,
                            "\n    {what}:\n{}    libpcap:\n{}",
                            dump::dump(prog, 1),
                            dump::dump(unopt, 1)
                        );
                    }
                    mismatches.push(r);
                }
            }
        }
        if ok {
            stats.agree += 1;
        }
    }

    // Report.
    println!("diffcheck: {} expressions from {list}", lines.len());
    println!("packets:");
    for (name, srcs) in &sources {
        println!("  {name:<10} {}", srcs.join(", "));
    }
    println!();
    println!(
        "{:<10} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7} {:>8} {:>12}",
        "DLT",
        "exprs",
        "pcap-acc",
        "pcap-rej",
        "ours-acc",
        "ours-rej",
        "rej-match",
        "agree",
        "agree%",
        "verdicts"
    );
    let mut total = PerLink::default();
    for (name, s) in &per {
        println!(
            "{:<10} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7} {:>7.2}% {:>12}",
            name,
            s.lines,
            s.libpcap_accepts,
            s.libpcap_rejects,
            s.rfilter_accepts,
            s.rfilter_rejects,
            s.rejections_matched,
            s.agree,
            100.0 * s.agree as f64 / s.lines.max(1) as f64,
            s.verdicts
        );
        total.lines += s.lines;
        total.libpcap_accepts += s.libpcap_accepts;
        total.libpcap_rejects += s.libpcap_rejects;
        total.rfilter_accepts += s.rfilter_accepts;
        total.rfilter_rejects += s.rfilter_rejects;
        total.rejections_matched += s.rejections_matched;
        total.rejects_all_matched += s.rejects_all_matched;
        total.agree += s.agree;
        total.expected_differs += s.expected_differs;
        total.verdicts += s.verdicts;
    }
    println!(
        "{:<10} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>7} {:>7.2}% {:>12}",
        "total",
        total.lines,
        total.libpcap_accepts,
        total.libpcap_rejects,
        total.rfilter_accepts,
        total.rfilter_rejects,
        total.rejections_matched,
        total.agree,
        100.0 * total.agree as f64 / total.lines.max(1) as f64,
        total.verdicts
    );
    println!();
    println!(
        "expressions with identical behaviour: {} / {} = {:.2}%",
        total.agree,
        total.lines,
        100.0 * total.agree as f64 / total.lines.max(1) as f64
    );
    println!(
        "packet verdicts agreeing:             {verdicts_agree} / {verdicts_total} = {:.4}%",
        100.0 * verdicts_agree as f64 / verdicts_total.max(1) as f64
    );
    println!(
        "optimized verdicts equal to libpcap -O's (tcpdump's): {strict_same} / {strict_total} = {:.4}% \
         ({} expressions differ on some packet)",
        100.0 * strict_same as f64 / strict_total.max(1) as f64,
        strict_exprs.len()
    );
    if std::env::var_os("DIFFCHECK_STRICT").is_some() {
        for e in &strict_exprs {
            println!("  differs from libpcap -O: {e}");
        }
    }
    println!(
        "libpcap rejections rejected by rfilter with a message: {} / {}",
        total.rejections_matched, total.libpcap_rejects
    );
    println!(
        "refused by both optimizers as \"{REJECTS_ALL}\": {}",
        total.rejects_all_matched
    );
    println!("panics: {}", panics.len());
    println!("kernel-invalid programs: {}", invalid.len());
    println!(
        "lines where the list's expected verdict differs from the libpcap linked here: {}",
        total.expected_differs
    );
    for (title, items) in [
        ("MISMATCHES", &mismatches),
        ("PANICS", &panics),
        ("KERNEL-INVALID", &invalid),
    ] {
        if !items.is_empty() {
            println!("\n{title} ({}):", items.len());
            for m in items.iter() {
                println!("  {m}");
            }
        }
    }
    if std::env::var_os("DIFFCHECK_VERBOSE").is_some() && !expected_notes.is_empty() {
        println!(
            "\nEXPECTED VERDICT DIFFERS FROM LIBPCAP ({}):",
            expected_notes.len()
        );
        for n in &expected_notes {
            println!("  {n}");
        }
    }
    println!("\n({:.1} s)", started.elapsed().as_secs_f64());
    if total.agree == total.lines {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
