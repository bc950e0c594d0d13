//! The harness differential_links.rs and differential_wlan.rs share: every
//! expression on each of their link types against libpcap, random combinations
//! of those expressions, and how well a corpus tells the expressions apart.

use super::compare::{Reference, compare};
use super::corpus::{self, Sample};
use super::examples;
use super::kernel::check_kernel_form;
use super::reference::{REJECTS_ALL, libpcap_program, reference_programs, rfilter_options};
use rfilter::bpf::{Insn, vm};
use rfilter::filter;
use rfilter::linktype::LinkType;

/// Every expression: the corpus's, valid and rejected, and `extra` (the test
/// file's own).
pub fn all_expressions(extra: &[&str]) -> Vec<String> {
    let mut exprs: Vec<String> = examples::valid()
        .into_iter()
        .chain(examples::rejected())
        .map(|ex| ex.expr)
        .chain(extra.iter().map(|e| e.to_string()))
        .collect();
    exprs.sort();
    exprs.dedup();
    exprs
}

/// What the checks of many expressions came to.
#[derive(Default)]
pub struct Tally {
    pub compiled: usize,
    pub refused: usize,
    pub verdicts: usize,
    pub failures: Vec<String>,
}

/// `expr` on `lt` against libpcap, both compilations.
pub fn check(expr: &str, lt: LinkType, samples: &[Sample], t: &mut Tally) {
    let reference = reference_programs(expr, lt);
    for optimize in [true, false] {
        let what = if optimize { "rfilter" } else { "rfilter -O" };
        let ours = filter::compile(expr, &rfilter_options(lt, optimize));
        match (&reference, ours) {
            (Err(_), Err(e)) if !e.message.trim().is_empty() => t.refused += 1,
            (Err(_), Err(_)) => t
                .failures
                .push(format!("`{expr}` on {lt}: refused with an empty message")),
            (Err(e), Ok(p)) => t.failures.push(format!(
                "`{expr}` on {lt}: libpcap refuses ({e}), {what} accepts ({} instructions)",
                p.len()
            )),
            (Ok((opt, _)), Err(e))
                if optimize && opt.is_none() && e.message.contains(REJECTS_ALL) =>
            {
                t.refused += 1
            }
            (Ok(_), Err(e)) => t.failures.push(format!(
                "`{expr}` on {lt}: {what} refuses what libpcap accepts: {}",
                e.render(expr)
            )),
            (Ok((opt, unopt)), Ok(prog)) => {
                t.compiled += 1;
                let reference = Reference::new(opt.clone(), unopt.clone(), samples);
                let opts = rfilter_options(lt, optimize);
                let kernel = match check_kernel_form(expr, &opts, &prog, false) {
                    Ok(k) => k,
                    Err(e) => {
                        t.failures.push(format!(
                            "`{expr}` on {lt}: {what} program for the kernel fails verify: {e}"
                        ));
                        None
                    }
                };
                for p in std::iter::once(&prog).chain(kernel.as_ref()) {
                    match compare(expr, lt, what, p, &reference, samples) {
                        Ok(n) => t.verdicts += n,
                        Err(report) => t.failures.push(report),
                    }
                }
            }
        }
    }
}

/// Every expression of `exprs` on every link type of `lts`, each on its
/// corpus; returns the tally and how many packets the corpora hold.
pub fn check_all(exprs: &[String], lts: &[LinkType]) -> (Tally, usize) {
    let mut t = Tally::default();
    let mut packets = 0;
    for &lt in lts {
        let samples = corpus::samples(lt);
        packets += samples.len();
        for expr in exprs {
            check(expr, lt, &samples, &mut t);
        }
    }
    (t, packets)
}

/// Checks `lt`'s corpus: at least `min` packets, a third or more of them
/// truncated, an empty one, and one labelled with each of `kinds`.
pub fn check_corpus(lt: LinkType, min: usize, kinds: &[&str]) {
    let s = corpus::samples(lt);
    let truncated = s
        .iter()
        .filter(|p| (p.data.len() as u32) < p.wire_len)
        .count();
    println!("corpus {lt}: {} packets, {truncated} truncated", s.len());
    assert!(s.len() >= min, "{lt}: only {} packets", s.len());
    assert!(truncated * 3 >= s.len(), "{lt}: only {truncated} truncated");
    assert!(s.iter().any(|p| p.data.is_empty()), "{lt}: no empty packet");
    for kind in kinds {
        assert!(
            s.iter().any(|p| p.label.contains(kind)),
            "{lt}: no `{kind}` frame"
        );
    }
}

/// Of the pairs of an expression of `exprs` and a link type of `lts` that
/// libpcap compiles (optimized): how many, and those for which every full
/// packet of the link type's corpus matches or none does.
pub fn flat_expressions(exprs: &[&str], lts: &[LinkType]) -> (usize, Vec<String>) {
    let mut considered = 0;
    let mut flat = Vec::new();
    for &lt in lts {
        let samples = corpus::samples(lt);
        for expr in exprs {
            let Ok((Some(opt), _)) = reference_programs(expr, lt) else {
                continue;
            };
            considered += 1;
            let full: Vec<bool> = samples
                .iter()
                .filter(|s| s.data.len() as u32 == s.wire_len)
                .map(|s| vm::run(&opt, &s.data, s.wire_len) != 0)
                .collect();
            if full.iter().all(|&m| m) || !full.iter().any(|&m| m) {
                flat.push(format!("`{expr}` on {lt}"));
            }
        }
    }
    (considered, flat)
}

/// `count` random combinations per link type of `lts` (the `n`th drawn from
/// seed `seed + n`) of the expressions of `exprs` libpcap accepts there, joined
/// with and/or/not and parentheses, each checked on the link type's corpus.
/// Half the atoms come from `own`, the test file's expressions, so that they
/// weigh as much as the rest of the corpus.
pub fn check_random(
    exprs: &[String],
    own: &[&str],
    lts: &[LinkType],
    count: usize,
    seed: u64,
) -> Tally {
    let mut t = Tally::default();
    for (n, &lt) in lts.iter().enumerate() {
        let samples = corpus::samples(lt);
        let atoms: Vec<&String> = exprs
            .iter()
            .filter(|e| libpcap_program(e, lt, false).is_ok())
            .collect();
        let ours: Vec<&String> = atoms
            .iter()
            .copied()
            .filter(|e| own.contains(&e.as_str()))
            .collect();
        let mut rng = corpus::Rng::new(seed + n as u64);
        let mut pick = |rng: &mut corpus::Rng| {
            let from = if rng.below(2) == 0 { &ours } else { &atoms };
            from[rng.below(from.len())].clone()
        };
        fn build(
            rng: &mut corpus::Rng,
            pick: &mut dyn FnMut(&mut corpus::Rng) -> String,
            depth: usize,
        ) -> String {
            if depth == 0 || rng.below(10) < 3 {
                return format!("({})", pick(rng));
            }
            match rng.below(4) {
                0 => format!("not {}", build(rng, pick, depth - 1)),
                1 => format!(
                    "{} or {}",
                    build(rng, pick, depth - 1),
                    build(rng, pick, depth - 1)
                ),
                _ => format!(
                    "{} and {}",
                    build(rng, pick, depth - 1),
                    build(rng, pick, depth - 1)
                ),
            }
        }
        for _ in 0..count {
            let expr = build(&mut rng, &mut pick, 3);
            check(&expr, lt, &samples, &mut t);
        }
    }
    t
}

/// The number of failures and the first `shown` of them.
pub fn summarize(failures: &[String], shown: usize) -> String {
    let shown: Vec<&str> = failures.iter().take(shown).map(String::as_str).collect();
    format!(
        "{} failures:\n{}{}",
        failures.len(),
        shown.join("\n"),
        if failures.len() > 20 { "\n..." } else { "" }
    )
}

/// `prog` without the `ld #0; st M[k]…` prefix rfilter adds.
pub fn without_register_init(prog: &[Insn]) -> &[Insn] {
    if prog.first() != Some(&Insn::stmt(0x00, 0)) {
        return prog;
    }
    let stores = prog[1..].iter().take_while(|i| i.code == 0x02).count();
    &prog[1 + stores..]
}

/// The value of the environment variable `name`, or `default`.
pub fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
