//! Differential tests: rfilter's compiler against libpcap's, by verdicts over the
//! packet corpus (tests/common/corpus.rs) for every expression in grammar/examples/
//! and every link type it applies to.
//!
//! The harness itself is checked against libpcap (its optimized and unoptimized
//! programs through the same comparison path, and our interpreter against
//! libpcap's `pcap_offline_filter`), so a mismatch reported for rfilter is
//! rfilter's.

mod common;

use common::compare::{Reference, compare};
use common::corpus::{self, Sample};
use common::examples::{self, Example};
use common::ffi;
use common::kernel::check_kernel_form;
use common::reference::{
    REFERENCE_SNAPLEN, REJECTS_ALL, libpcap_program, reference_programs, rfilter_options,
};
use rfilter::bpf::{Insn, vm};
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use std::collections::HashMap;

/// The first failures in full and a count of the rest: thousands of reports would
/// hide the first one, which is usually the one to fix.
fn summarize(failures: &[String]) -> String {
    const SHOWN: usize = 30;
    let mut text = failures
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    if failures.len() > SHOWN {
        text.push_str(&format!(
            "\n... and {} more failures",
            failures.len() - SHOWN
        ));
    }
    format!("{} failures:\n{text}", failures.len())
}

/// The corpus of every link type, built once per test.
fn corpora() -> HashMap<LinkType, Vec<Sample>> {
    LinkType::ALL
        .iter()
        .map(|&lt| (lt, corpus::samples(lt)))
        .collect()
}

#[test]
fn expression_corpus_is_large_and_valid_for_libpcap() {
    let all = examples::valid();
    let mut failures = Vec::new();
    let mut pairs = 0;
    for ex in &all {
        for &lt in &ex.linktypes {
            pairs += 1;
            if let Err(e) = reference_programs(&ex.expr, lt) {
                failures.push(format!(
                    "{} `{}` on {lt}: libpcap refuses: {e}",
                    ex.origin, ex.expr
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} invalid corpus entries:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        all.len() >= 400,
        "only {} expressions in grammar/examples/",
        all.len()
    );
    // No file lists an expression twice.
    let mut seen = HashMap::new();
    for ex in &all {
        let file = ex.origin.split(':').next().unwrap_or("").to_string();
        if let Some(prev) = seen.insert((file, ex.expr.clone()), ex.origin.clone()) {
            panic!("`{}` listed twice: {prev} and {}", ex.expr, ex.origin);
        }
    }
    println!(
        "expression corpus: {} expressions, {pairs} expression x link type pairs",
        all.len()
    );
}

#[test]
fn rejected_corpus_is_rejected_by_libpcap() {
    let rejected = examples::rejected();
    assert!(
        rejected.len() >= 20,
        "only {} rejected expressions",
        rejected.len()
    );
    let mut failures = Vec::new();
    for ex in &rejected {
        for &lt in &ex.linktypes {
            for optimize in [false, true] {
                if let Ok(p) = libpcap_program(&ex.expr, lt, optimize) {
                    failures.push(format!(
                        "{} `{}` on {lt} (optimize {optimize}): libpcap accepts it ({} instructions)",
                        ex.origin,
                        ex.expr,
                        p.len()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

#[test]
fn corpus_has_every_link_type_and_truncations() {
    for lt in LinkType::ALL {
        let s = corpus::samples(lt);
        let truncated = s
            .iter()
            .filter(|p| (p.data.len() as u32) < p.wire_len)
            .count();
        let empty = s.iter().filter(|p| p.data.is_empty()).count();
        println!("corpus {lt}: {} packets, {truncated} truncated", s.len());
        assert!(s.len() >= 150, "{lt}: only {} packets", s.len());
        assert!(
            truncated * 2 >= s.len(),
            "{lt}: only {truncated} truncated packets"
        );
        assert!(empty >= 1, "{lt}: no empty packet");
    }
}

/// The harness against libpcap itself: libpcap's optimized and unoptimized
/// programs must agree through `compare` (each equals itself, and each is within
/// "optimized OR unoptimized"), and our interpreter must give libpcap's own
/// interpreter's verdicts on libpcap's programs.
#[test]
fn harness_self_check_against_libpcap() {
    let corpora = corpora();
    let all = examples::valid();
    let (mut exprs, mut verdicts, mut vm_checks, mut opt_unopt_differ) =
        (0usize, 0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for ex in &all {
        for &lt in &ex.linktypes {
            let samples = &corpora[&lt];
            let Ok((opt, unopt)) = reference_programs(&ex.expr, lt) else {
                continue; // reported by expression_corpus_is_large_and_valid_for_libpcap
            };
            exprs += 1;
            let reference = Reference::new(opt.clone(), unopt, samples);
            for (what, prog) in [
                ("libpcap -O", &reference.optimized),
                ("libpcap", &reference.unoptimized),
            ] {
                match compare(&ex.expr, lt, what, prog, &reference, samples) {
                    Ok(n) => verdicts += n,
                    Err(report) => failures.push(report),
                }
            }
            opt_unopt_differ += reference
                .opt_verdicts
                .iter()
                .zip(&reference.unopt_verdicts)
                .filter(|(a, b)| a != b)
                .count();
            // The verdicts the harness computed with our interpreter must be
            // libpcap's own interpreter's (bpf_filter, exact values).
            for (name, prog, mine) in [
                ("libpcap -O", &reference.optimized, &reference.opt_verdicts),
                ("libpcap", &reference.unoptimized, &reference.unopt_verdicts),
            ] {
                if name == "libpcap -O" && opt.is_none() {
                    continue; // stands for ret #0, not a libpcap program
                }
                for (s, &v) in samples.iter().zip(mine.iter()) {
                    vm_checks += 1;
                    let theirs = ffi::filter(prog, &s.data, s.wire_len);
                    if v != theirs {
                        failures.push(format!(
                            "VM MISMATCH {} `{}` on {lt} ({name}) packet {}: ours {v}, bpf_filter {theirs}",
                            ex.origin, ex.expr, s.label
                        ));
                        break;
                    }
                }
            }
        }
    }
    println!(
        "harness self-check: {exprs} expression x link type pairs, {verdicts} verdicts compared, \
         {vm_checks} interpreter checks against bpf_filter, {opt_unopt_differ} packets where \
         libpcap -O and libpcap differ, {} mismatches",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

#[test]
fn rfilter_matches_libpcap() {
    let corpora = corpora();
    let all = examples::valid();
    let (mut pairs, mut verdicts) = (0usize, 0usize);
    let mut failures = Vec::new();
    for ex in &all {
        for &lt in &ex.linktypes {
            let samples = &corpora[&lt];
            let Ok((opt, unopt)) = reference_programs(&ex.expr, lt) else {
                failures.push(format!(
                    "{} `{}` on {lt}: libpcap refuses it",
                    ex.origin, ex.expr
                ));
                continue;
            };
            pairs += 1;
            let rejects_all = opt.is_none();
            let reference = Reference::new(opt, unopt, samples);
            for optimize in [true, false] {
                let what = if optimize { "rfilter" } else { "rfilter -O" };
                let ours = match filter::compile(&ex.expr, &rfilter_options(lt, optimize)) {
                    Ok(p) => p,
                    // Refusing a never-matching filter when optimizing is what libpcap does.
                    Err(e) if optimize && rejects_all && e.message.contains(REJECTS_ALL) => {
                        continue;
                    }
                    Err(e) => {
                        failures.push(format!(
                            "{} `{}` on {lt}: {what} refuses what libpcap accepts: {}",
                            ex.origin,
                            ex.expr,
                            e.render(&ex.expr)
                        ));
                        continue;
                    }
                };
                let opts = rfilter_options(lt, optimize);
                let kernel = match check_kernel_form(&ex.expr, &opts, &ours, false) {
                    Ok(k) => k,
                    Err(e) => {
                        failures.push(format!(
                            "{} `{}` on {lt}: {what} program for the kernel fails verify: {e}",
                            ex.origin, ex.expr
                        ));
                        None
                    }
                };
                for prog in std::iter::once(&ours).chain(kernel.as_ref()) {
                    match compare(&ex.expr, lt, what, prog, &reference, samples) {
                        Ok(n) => verdicts += n,
                        Err(report) => failures.push(format!("{}: {report}", ex.origin)),
                    }
                }
            }
        }
    }
    let packets: usize = corpora.values().map(Vec::len).sum();
    println!(
        "differential: {} expressions x {} link types, {packets} packets, {pairs} expression x link type pairs, \
         {verdicts} verdicts compared, {} mismatches",
        all.len(),
        LinkType::ALL.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

#[test]
fn rfilter_rejects_what_libpcap_rejects() {
    let mut failures = Vec::new();
    let rejected: Vec<Example> = examples::rejected();
    for ex in &rejected {
        for &lt in &ex.linktypes {
            for optimize in [true, false] {
                match filter::compile(&ex.expr, &rfilter_options(lt, optimize)) {
                    Ok(p) => failures.push(format!(
                        "{} `{}` on {lt}: rfilter accepts ({} instructions), libpcap refuses: {}",
                        ex.origin,
                        ex.expr,
                        p.len(),
                        libpcap_program(&ex.expr, lt, optimize)
                            .err()
                            .unwrap_or_default()
                    )),
                    Err(e) if e.message.trim().is_empty() => failures.push(format!(
                        "{} `{}` on {lt}: refused with an empty message",
                        ex.origin, ex.expr
                    )),
                    Err(_) => {}
                }
            }
        }
    }
    println!(
        "rejected: {} expressions, {} failures",
        rejected.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// Link types whose headers rfilter does not parse (savefiles of them are read and
/// written): libpcap compiles only `len` and `link[...]` for these, and so must rfilter.
const OPAQUE_LINK_TYPES: [u16; 9] = [147, 189, 201, 220, 227, 239, 242, 253, 271];

#[test]
fn opaque_link_types_agree_with_libpcap() {
    let mut exprs: Vec<String> = examples::valid()
        .into_iter()
        .chain(examples::rejected())
        .map(|ex| ex.expr)
        .collect();
    exprs.extend(
        [
            "len > 10",
            "link[0] = 1 and len <= 100",
            "link[2:2] & 0xff00 != 0 or greater 50",
            "less 40",
            "link[len - 1] = 0",
        ]
        .map(String::from),
    );
    exprs.sort();
    exprs.dedup();
    let (mut accepted, mut refused, mut verdicts) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for v in OPAQUE_LINK_TYPES {
        let lt = LinkType::Other(v);
        let samples = corpus::samples(lt);
        for expr in &exprs {
            let reference = reference_programs(expr, lt);
            for optimize in [true, false] {
                let ours = filter::compile(expr, &rfilter_options(lt, optimize));
                match (&reference, ours) {
                    (Err(_), Err(_)) => refused += 1,
                    (Err(e), Ok(_)) => failures.push(format!(
                        "`{expr}` on {lt}: libpcap refuses ({e}), rfilter accepts"
                    )),
                    (Ok((opt, _)), Err(e))
                        if optimize && opt.is_none() && e.message.contains(REJECTS_ALL) =>
                    {
                        refused += 1
                    }
                    (Ok(_), Err(e)) => failures.push(format!(
                        "`{expr}` on {lt}: rfilter refuses what libpcap accepts: {}",
                        e.message
                    )),
                    (Ok((opt, unopt)), Ok(prog)) => {
                        accepted += 1;
                        let reference = Reference::new(opt.clone(), unopt.clone(), &samples);
                        let what = if optimize { "rfilter" } else { "rfilter -O" };
                        match compare(expr, lt, what, &prog, &reference, &samples) {
                            Ok(n) => verdicts += n,
                            Err(report) => failures.push(report),
                        }
                    }
                }
            }
        }
    }
    println!(
        "opaque link types: {} link types x {} expressions: {accepted} compiled by both, \
         {refused} refused by both, {verdicts} verdicts compared, {} failures",
        OPAQUE_LINK_TYPES.len(),
        exprs.len(),
        failures.len()
    );
    assert!(accepted > 0 && refused > 0);
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// Negative control: the comparison must catch a wrong program and say where.
#[test]
fn comparison_reports_a_wrong_program() {
    let lt = LinkType::En10mb;
    let samples = corpus::samples(lt);
    let (opt, unopt) = reference_programs("tcp port 80", lt).expect("libpcap compiles it");
    let reference = Reference::new(opt, unopt, &samples);
    let accept_all = [Insn::stmt(0x06, REFERENCE_SNAPLEN)];
    let report = compare(
        "tcp port 80",
        lt,
        "accept-all",
        &accept_all,
        &reference,
        &samples,
    )
    .expect_err("accept-all must differ from tcp port 80");
    assert!(
        report.contains("MISMATCH: accept-all on EN10MB"),
        "{report}"
    );
    assert!(report.contains("hex: "), "{report}");
    assert!(report.contains("libpcap optimized program"), "{report}");
    // Dropping the port check accepts too much: also caught.
    let udp = libpcap_program("udp port 80", lt, true).expect("libpcap compiles it");
    assert!(compare("tcp port 80", lt, "udp", &udp, &reference, &samples).is_err());
}

/// The corpus must exercise the expressions: for nearly every expression and link
/// type where libpcap's filter can match at all, some packets match and some do not.
#[test]
fn corpus_discriminates_the_expressions() {
    let corpora = corpora();
    let all = examples::valid();
    let mut never = Vec::new();
    let mut always = Vec::new();
    let mut considered = 0;
    for ex in all.iter().filter(|e| e.discriminating) {
        for &lt in &ex.linktypes {
            let Ok((Some(opt), _)) = reference_programs(&ex.expr, lt) else {
                continue;
            };
            considered += 1;
            let samples = &corpora[&lt];
            // Full packets only: truncation alone must not be what makes a filter fail.
            let full: Vec<bool> = samples
                .iter()
                .filter(|s| s.data.len() as u32 == s.wire_len)
                .map(|s| vm::run(&opt, &s.data, s.wire_len) != 0)
                .collect();
            if !full.iter().any(|&m| m) {
                never.push(format!("{} `{}` on {lt}", ex.origin, ex.expr));
            }
            if full.iter().all(|&m| m) {
                always.push(format!("{} `{}` on {lt}", ex.origin, ex.expr));
            }
        }
    }
    println!("never match ({}):\n{}", never.len(), never.join("\n"));
    println!("always match ({}):\n{}", always.len(), always.join("\n"));
    assert!(
        never.len() * 20 <= considered,
        "{} of {considered} pairs never match",
        never.len()
    );
    assert!(
        always.len() * 20 <= considered,
        "{} of {considered} pairs always match",
        always.len()
    );
}

/// Random expressions built from the corpus: atoms valid on a link type joined
/// with and/or/not and parentheses. libpcap decides validity; on what it accepts
/// rfilter must give its verdicts, on what it refuses rfilter must refuse too.
fn random_expressions(lt: LinkType, count: usize, seed: u64) -> Vec<String> {
    let atoms: Vec<String> = examples::valid()
        .into_iter()
        .filter(|e| e.linktypes.contains(&lt))
        .map(|e| e.expr)
        .collect();
    let mut rng = corpus::Rng::new(seed);
    fn build(rng: &mut corpus::Rng, atoms: &[String], depth: usize) -> String {
        if depth == 0 || rng.below(10) < 3 {
            let a = &atoms[rng.below(atoms.len())];
            return if rng.below(10) < 7 {
                format!("({a})")
            } else {
                a.clone()
            };
        }
        match rng.below(5) {
            0 => format!("not {}", build(rng, atoms, depth - 1)),
            1 | 2 => format!(
                "{} and {}",
                build(rng, atoms, depth - 1),
                build(rng, atoms, depth - 1)
            ),
            3 => format!(
                "{} or {}",
                build(rng, atoms, depth - 1),
                build(rng, atoms, depth - 1)
            ),
            _ => format!(
                "({} or {})",
                build(rng, atoms, depth - 1),
                build(rng, atoms, depth - 1)
            ),
        }
    }
    (0..count).map(|_| build(&mut rng, &atoms, 3)).collect()
}

#[test]
fn rfilter_matches_libpcap_on_random_expressions() {
    let corpora = corpora();
    let mut failures = Vec::new();
    let (mut accepted, mut refused, mut verdicts) = (0usize, 0usize, 0usize);
    // RFILTER_FUZZ_COUNT / RFILTER_FUZZ_SEED run a longer or different search.
    let env = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let count = env("RFILTER_FUZZ_COUNT", 150) as usize;
    let seed = env("RFILTER_FUZZ_SEED", 1000);
    for (n, lt) in LinkType::ALL.into_iter().enumerate() {
        let samples = &corpora[&lt];
        for expr in random_expressions(lt, count, seed + n as u64) {
            match reference_programs(&expr, lt) {
                Err(lib_err) => {
                    refused += 1;
                    for optimize in [true, false] {
                        if let Ok(p) = filter::compile(&expr, &rfilter_options(lt, optimize)) {
                            failures.push(format!(
                                "`{expr}` on {lt}: rfilter accepts ({} instructions), libpcap refuses: {lib_err}",
                                p.len()
                            ));
                        }
                    }
                }
                Ok((opt, unopt)) => {
                    accepted += 1;
                    let rejects_all = opt.is_none();
                    let reference = Reference::new(opt, unopt, samples);
                    for optimize in [true, false] {
                        let what = if optimize { "rfilter" } else { "rfilter -O" };
                        match filter::compile(&expr, &rfilter_options(lt, optimize)) {
                            Err(e)
                                if optimize && rejects_all && e.message.contains(REJECTS_ALL) => {}
                            Err(e) => failures.push(format!(
                                "`{expr}` on {lt}: {what} refuses what libpcap accepts: {}",
                                e.render(&expr)
                            )),
                            Ok(ours) => {
                                let opts = rfilter_options(lt, optimize);
                                let kernel = match check_kernel_form(&expr, &opts, &ours, false) {
                                    Ok(k) => k,
                                    Err(e) => {
                                        failures.push(format!(
                                                "`{expr}` on {lt}: {what} program for the kernel fails verify: {e}"
                                            ));
                                        None
                                    }
                                };
                                for prog in std::iter::once(&ours).chain(kernel.as_ref()) {
                                    match compare(&expr, lt, what, prog, &reference, samples) {
                                        Ok(n) => verdicts += n,
                                        Err(report) => failures.push(report),
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    println!(
        "random expressions: {accepted} accepted and {refused} refused by libpcap, {verdicts} verdicts compared, {} failures",
        failures.len()
    );
    assert!(
        accepted > 500,
        "only {accepted} random expressions were valid"
    );
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// Ethernet frames carrying IPv6 or IPv4 with chains of 0 to 30 extension / AH
/// headers before a transport header, whole and cut at random points.
fn header_chains(rng: &mut corpus::Rng) -> Vec<Sample> {
    const EXT: [u8; 5] = [0, 60, 43, 44, 51];
    const LAST: [u8; 6] = [6, 17, 58, 59, 1, 132];
    let mut out = Vec::new();
    for n in 0..2000 {
        let v6 = n % 2 == 0;
        let depth = rng.below(31);
        let mut chain: Vec<u8> = (0..depth)
            .map(|_| if v6 { EXT[rng.below(EXT.len())] } else { 51 })
            .collect();
        chain.push(LAST[rng.below(LAST.len())]);
        let mut f = vec![0u8; 12];
        f.extend_from_slice(if v6 { &[0x86, 0xdd] } else { &[0x08, 0x00] });
        if v6 {
            let mut ip = vec![0u8; 40];
            ip[0] = 0x60;
            ip[6] = chain[0];
            f.extend(ip);
        } else {
            let mut ip = vec![0u8; 20];
            ip[0] = 0x45;
            ip[9] = chain[0];
            f.extend(ip);
        }
        // Each header names the next; extension headers are 8 bytes long, AH's
        // length field points libpcap's walk (which measures AH from the IP
        // header) somewhere along the chain.
        for (i, &h) in chain.iter().enumerate() {
            let next = chain.get(i + 1).copied().unwrap_or(59);
            if h == 51 {
                f.extend_from_slice(&[next, rng.below(16) as u8, 0, 0, 0, 0, 0, 0]);
            } else if EXT.contains(&h) {
                f.extend_from_slice(&[next, 0, 0, 0, 0, 0, 0, 0]);
            } else {
                f.extend_from_slice(&[0x12, 0x34, 0x00, 0x35, 0, 8, 0, 0]);
            }
        }
        let wire = f.len() as u32;
        let cut = if rng.below(4) == 0 {
            rng.below(f.len() + 1)
        } else {
            f.len()
        };
        f.truncate(cut);
        out.push(Sample {
            label: format!("v6 {v6} chain {chain:?} cut {cut}"),
            data: f,
            wire_len: wire,
        });
    }
    out
}

/// protochain loops as libpcap's does, so verdicts agree however long the header
/// chain (the unrolled form for the kernel follows 12 headers only; its verdicts
/// may differ past that, which live capture accepts to filter in the kernel).
#[test]
fn protochain_agrees_with_libpcap_on_deep_header_chains() {
    let mut rng = corpus::Rng::new(0xc4a1);
    let samples = header_chains(&mut rng);
    let mut failures = Vec::new();
    let mut verdicts = 0;
    let mut kernel_differs = 0;
    for expr in [
        "protochain 6",
        "protochain 17",
        "ip6 protochain 58",
        "ip protochain 6",
        "ip6 protochain 44",
        "protochain 51 and not protochain 59",
        "ip6 protochain 17 or tcp",
    ] {
        let lt = LinkType::En10mb;
        let (opt, unopt) = reference_programs(expr, lt).expect("libpcap compiles it");
        let reference = Reference::new(opt, unopt, &samples);
        for optimize in [true, false] {
            let what = if optimize { "rfilter" } else { "rfilter -O" };
            let ours = filter::compile(expr, &rfilter_options(lt, optimize)).expect("compiles");
            match compare(expr, lt, what, &ours, &reference, &samples) {
                Ok(n) => verdicts += n,
                Err(report) => failures.push(report),
            }
            let kernel = CompileOptions {
                for_kernel: true,
                ..rfilter_options(lt, optimize)
            };
            let kprog = filter::compile(expr, &kernel).expect("compiles for the kernel");
            kernel_differs += samples
                .iter()
                .filter(|s| {
                    vm::run(&kprog, &s.data, s.wire_len) != vm::run(&ours, &s.data, s.wire_len)
                })
                .count();
        }
    }
    println!("deep chains: {verdicts} verdicts agree; the kernel form differs on {kernel_differs}");
    assert!(failures.is_empty(), "{}", summarize(&failures));
    // The chains are deep enough to tell a loop from 12 unrolled steps.
    assert!(kernel_differs > 0);
}
