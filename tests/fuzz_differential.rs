//! Differential fuzzing of the filter compiler against libpcap.
//!
//! Random valid expressions (tests/fuzz_support/generate.rs, following
//! grammar/filter.ebnf) are compiled by rfilter and libpcap, each optimized and
//! unoptimized. Where libpcap refuses, rfilter must refuse with a message; where
//! libpcap compiles, rfilter must too, its programs for the kernel must pass the
//! kernel's rules, and on every corpus packet its verdict must be libpcap's
//! optimized or unoptimized one (protochain loops like libpcap's, so deep header
//! chains agree too). A failure is shrunk to a small expression and one packet and
//! printed as a line for tests/data/fuzz_regressions.txt, which every run replays.
//!
//! Known libpcap bugs are excluded only where libpcap's program shows them (see
//! `KnownBug` in tests/fuzz_support/check.rs): reads of unset scratch memory
//! (geneve).
//!
//! Bounded by default; a long run:
//!   RFILTER_FUZZ_EXPRS=100000 cargo test --release --test fuzz_differential -- --nocapture
//! (RFILTER_FUZZ_SEED picks another sequence.)

mod common;
mod fuzz_support;

use common::corpus::{self, Sample};
use common::reference::libpcap_program;
use fuzz_support::check::{self, Compiler, FailKind, KnownBug, Outcome, rfilter_compiler};
use fuzz_support::generate::Gen;
use fuzz_support::regressions;
use fuzz_support::shrink::shrink;
use rfilter::bpf::Insn;
use rfilter::filter::{CompileOptions, FilterError};
use rfilter::linktype::LinkType;
use std::collections::{BTreeMap, BTreeSet, HashMap};

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
        Err(_) => default,
    }
}

fn corpora() -> HashMap<LinkType, Vec<Sample>> {
    LinkType::ALL
        .iter()
        .map(|&lt| (lt, corpus::samples(lt)))
        .collect()
}

/// The link type an expression is tried on: Ethernet, where most primitives
/// apply, half the time; every other link type otherwise.
fn pick_linktype(g: &mut Gen) -> LinkType {
    if g.below(2) == 0 {
        LinkType::En10mb
    } else {
        LinkType::ALL[g.below(LinkType::ALL.len())]
    }
}

#[derive(Default)]
struct Stats {
    exprs: usize,
    agreed: usize,
    both_refused: usize,
    verdicts: usize,
    known: BTreeMap<KnownBug, usize>,
    /// Shrunk failures, one per distinct regression line.
    failures: BTreeMap<String, String>,
    failed: usize,
}

/// Generates `count` expressions from `seed` and checks each with `compiler`;
/// failures are shrunk (the first `max_shrunk` distinct ones).
fn run(compiler: Compiler, seed: u64, count: usize, max_shrunk: usize) -> Stats {
    let corpora = corpora();
    let mut g = Gen::new(seed);
    let mut stats = Stats::default();
    for _ in 0..count {
        let expr = g.expression().join(" ");
        let lt = pick_linktype(&mut g);
        let samples = &corpora[&lt];
        stats.exprs += 1;
        match check::check(compiler, &expr, lt, samples) {
            Outcome::Agreed(n) => {
                stats.agreed += 1;
                stats.verdicts += n;
            }
            Outcome::BothRefused => stats.both_refused += 1,
            Outcome::Known(bug) => *stats.known.entry(bug).or_default() += 1,
            Outcome::Failed(f) => {
                stats.failed += 1;
                if stats.failures.len() < max_shrunk {
                    let s = shrink(compiler, &expr, lt, samples, f.kind);
                    let line = s.regression_line(lt);
                    stats.failures.entry(line).or_insert_with(|| {
                        format!(
                            "{:?} on {lt}\n  generated: {expr}\n  shrunk:    {}\n{}",
                            s.kind, s.expr, s.detail
                        )
                    });
                }
            }
        }
    }
    stats
}

fn report(stats: &Stats) -> String {
    let known: Vec<String> = stats
        .known
        .iter()
        .map(|(bug, n)| format!("{n} x {} ({bug:?})", bug.name()))
        .collect();
    format!(
        "{} expressions: {} compiled by both and agreed ({} verdicts), {} refused by both, \
         known libpcap bugs: [{}], {} failures",
        stats.exprs,
        stats.agreed,
        stats.verdicts,
        stats.both_refused,
        known.join(", "),
        stats.failed
    )
}

#[test]
fn random_expressions_agree_with_libpcap() {
    let count = env_u64("RFILTER_FUZZ_EXPRS", 2000) as usize;
    let seed = env_u64("RFILTER_FUZZ_SEED", 0xf122_5eed);
    let stats = run(rfilter_compiler, seed, count, 20);
    println!("fuzz (seed {seed:#x}): {}", report(&stats));
    if !stats.failures.is_empty() {
        let mut text = String::new();
        for (line, detail) in &stats.failures {
            text.push_str(&format!("{detail}\n  regression line:\n{line}\n\n"));
        }
        panic!(
            "{}\n\nShrunk failures (add the regression lines to tests/data/fuzz_regressions.txt):\n\n{text}",
            report(&stats)
        );
    }
    // The generator must mostly write what libpcap accepts, or the run compares
    // little.
    assert!(
        stats.agreed * 2 >= stats.exprs,
        "only {} of {} expressions compiled by both",
        stats.agreed,
        stats.exprs
    );
    assert!(
        stats.both_refused > 0,
        "no refused expressions were compared"
    );
}

/// Every recorded regression agrees with libpcap now, on the corpus and on its
/// recorded packet.
#[test]
fn regressions_replay() {
    let list = regressions::load().expect("tests/data/fuzz_regressions.txt");
    assert!(!list.is_empty(), "the regression list is empty");
    let corpora = corpora();
    let mut failures = Vec::new();
    for r in &list {
        let mut samples = corpora[&r.linktype].clone();
        samples.extend(r.packet.clone());
        match check::check(rfilter_compiler, &r.expr, r.linktype, &samples) {
            Outcome::Agreed(_) | Outcome::BothRefused => {}
            Outcome::Known(bug) => failures.push(format!(
                "{} `{}` on {}: put down to {} — a regression must not be a known libpcap bug",
                r.origin,
                r.expr,
                r.linktype,
                bug.name()
            )),
            Outcome::Failed(f) => failures.push(format!(
                "{} `{}` on {}: {:?}\n{}",
                r.origin, r.expr, r.linktype, f.kind, f.detail
            )),
        }
    }
    println!("{} regressions replayed", list.len());
    assert!(
        failures.is_empty(),
        "{} regressions fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The generator covers the language: every kind of primitive, qualifier and
/// operator shows up in a bounded run, and most of it is valid.
#[test]
fn generator_covers_the_grammar() {
    let mut g = Gen::new(7);
    let mut seen = BTreeSet::new();
    let mut valid = 0;
    let mut refusals: BTreeMap<String, usize> = BTreeMap::new();
    let n = 1500;
    for _ in 0..n {
        let toks = g.expression();
        match libpcap_program(&toks.join(" "), LinkType::En10mb, false) {
            Ok(_) => valid += 1,
            Err(e) => {
                // Messages without the quoted specifics, to count reasons.
                let reason = e.split('\'').next().unwrap_or_default().to_string();
                *refusals.entry(reason).or_default() += 1;
            }
        }
        seen.extend(toks);
    }
    let mut reasons: Vec<_> = refusals.into_iter().collect();
    reasons.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    println!("libpcap's reasons for refusing generated expressions: {reasons:?}");
    let required = [
        "and",
        "or",
        "&&",
        "||",
        "not",
        "!",
        "(",
        ")",
        "src",
        "dst",
        "host",
        "net",
        "port",
        "portrange",
        "proto",
        "protochain",
        "mask",
        "ip",
        "ip6",
        "ether",
        "tcp",
        "udp",
        "arp",
        "broadcast",
        "multicast",
        "less",
        "greater",
        "byte",
        "inbound",
        "ifindex",
        "vlan",
        "mpls",
        "pppoed",
        "pppoes",
        "geneve",
        "llc",
        "len",
        "[",
        "]",
        ":",
        "+",
        "-",
        "*",
        "/",
        "%",
        "&",
        "|",
        "^",
        "<<",
        ">>",
        "=",
        "==",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "tcpflags",
        "icmptype",
        "ra",
        "addr1",
        "length",
    ];
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|t| !seen.contains(*t))
        .collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
    let spelled = |pred: &dyn Fn(&str) -> bool| seen.iter().any(|t| pred(t));
    assert!(spelled(&|t| t.starts_with("0x")), "no hex numbers");
    assert!(
        spelled(&|t| t.len() > 1 && t.starts_with('0') && t.bytes().all(|b| b.is_ascii_digit())),
        "no octal numbers"
    );
    assert!(spelled(&|t| t.contains("::")), "no IPv6 addresses");
    assert!(spelled(&|t| t.contains('/')), "no prefixes");
    assert!(
        spelled(&|t| t.matches(':').count() == 5),
        "no MAC addresses"
    );
    assert!(
        valid * 10 >= n * 6,
        "only {valid} of {n} generated expressions valid for libpcap on EN10MB"
    );
    println!("{valid} of {n} valid; {} distinct tokens", seen.len());
}

/// A compiler that is wrong about port 80 (it tests for 81): the fuzzer must find
/// it and the shrinker must reduce it to a tiny expression.
fn off_by_one_port_80(expr: &str, opts: &CompileOptions) -> Result<Vec<Insn>, FilterError> {
    let mut prog = rfilter_compiler(expr, opts)?;
    for insn in &mut prog {
        if insn.code == 0x15 && insn.k == 80 {
            insn.k = 81;
        }
    }
    Ok(prog)
}

/// A compiler whose `>` is `>=` (jgt becomes jge): wrong on boundaries only.
fn greater_is_greater_or_equal(
    expr: &str,
    opts: &CompileOptions,
) -> Result<Vec<Insn>, FilterError> {
    let mut prog = rfilter_compiler(expr, opts)?;
    for insn in &mut prog {
        if insn.code == 0x25 {
            insn.code = 0x35;
        }
    }
    Ok(prog)
}

/// A compiler that accepts everything, whatever libpcap refuses.
fn accepts_anything(expr: &str, opts: &CompileOptions) -> Result<Vec<Insn>, FilterError> {
    rfilter_compiler(expr, opts).or_else(|_| Ok(vec![Insn::stmt(0x06, 65535)]))
}

#[test]
fn shrinker_reduces_a_planted_bug() {
    let lt = LinkType::En10mb;
    let samples = corpus::samples(lt);
    let expr = "( tcp or udp ) and ( host 10.0.0.1 or 10.0.0.2 or ( port 0x50 and not icmp ) ) && len >= 0";
    let Outcome::Failed(f) = check::check(off_by_one_port_80, expr, lt, &samples) else {
        panic!("the planted bug went unnoticed");
    };
    let s = shrink(off_by_one_port_80, expr, lt, &samples, f.kind);
    println!("shrunk to `{}`: {}", s.expr, s.regression_line(lt));
    assert_eq!(s.expr, "port 80", "{}", s.detail);
    let packet = s.packet.clone().expect("one packet shows the difference");
    // The regression line round-trips.
    let back = regressions::parse_line(&s.regression_line(lt), "test".into()).expect("parses");
    assert_eq!(back.expr, "port 80");
    assert_eq!(back.packet.map(|p| p.data), Some(packet.data));
}

#[test]
fn fuzzer_finds_planted_bugs() {
    let stats = run(greater_is_greater_or_equal, 11, 400, 3);
    assert!(stats.failed > 0, "jgt as jge: {}", report(&stats));
    assert!(
        stats.failures.values().all(|d| d.starts_with("Verdict")),
        "{:?}",
        stats.failures
    );
    let stats = run(accepts_anything, 11, 200, 1);
    assert!(stats.failed > 0, "accept-anything: {}", report(&stats));
    let detail = stats.failures.values().next().expect("shrunk");
    assert!(detail.starts_with("AcceptsInvalid"), "{detail}");
    // The shrunk form of a refused expression is short.
    let line = stats.failures.keys().next().expect("shrunk");
    let expr = line.split('\t').nth(1).unwrap_or_default();
    assert!(expr.split(' ').count() <= 3, "not shrunk: {line}");
    let _ = FailKind::Panic;
}
