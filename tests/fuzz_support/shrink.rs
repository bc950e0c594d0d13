//! Minimising a failing expression: drop tokens and token ranges, unwrap
//! parentheses, simplify numbers, as long as the same kind of failure remains; then
//! keep only one packet that shows it. The result is printed as a line for
//! tests/data/fuzz_regressions.txt.

use super::check::{Compiler, FailKind, Outcome, check};
use crate::common::corpus::Sample;
use rfilter::linktype::LinkType;
use std::fmt::Write;

/// A minimised failure.
pub struct Shrunk {
    pub expr: String,
    pub kind: FailKind,
    pub detail: String,
    /// The one packet that shows a verdict difference.
    pub packet: Option<Sample>,
}

impl Shrunk {
    /// The regression-file line: `LINKTYPE<TAB>expression[<TAB>hex/wire_len]`.
    pub fn regression_line(&self, lt: LinkType) -> String {
        let mut line = format!("{}\t{}", lt.name(), self.expr);
        if let Some(p) = &self.packet {
            let _ = write!(line, "\t{}/{}", hex(&p.data), p.wire_len);
        }
        line
    }
}

pub fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect()
}

fn same_failure(
    compiler: Compiler,
    tokens: &[String],
    lt: LinkType,
    samples: &[Sample],
    kind: FailKind,
) -> Option<super::check::Failure> {
    if tokens.is_empty() {
        return None;
    }
    match check(compiler, &tokens.join(" "), lt, samples) {
        Outcome::Failed(f) if f.kind == kind => Some(f),
        _ => None,
    }
}

/// Simpler spellings of a number token, simplest first.
fn simpler_numbers(tok: &str) -> Vec<String> {
    let value = if let Some(h) = tok.strip_prefix("0x").or_else(|| tok.strip_prefix("0X")) {
        u32::from_str_radix(h, 16).ok()
    } else if tok.len() > 1 && tok.starts_with('0') {
        u32::from_str_radix(&tok[1..], 8).ok()
    } else {
        tok.parse::<u32>().ok()
    };
    let Some(v) = value else {
        return Vec::new();
    };
    let mut out: Vec<String> = [0, 1, v / 2, v.saturating_sub(1)]
        .iter()
        .filter(|&&c| c < v)
        .map(|c| c.to_string())
        .collect();
    if tok != v.to_string() {
        out.push(v.to_string());
    }
    out.dedup();
    out
}

/// Index of the token closing the bracket opened at `open`.
fn matching(tokens: &[String], open: usize) -> Option<usize> {
    let (o, c) = match tokens[open].as_str() {
        "(" => ("(", ")"),
        "[" => ("[", "]"),
        _ => return None,
    };
    let mut depth = 0;
    for (i, t) in tokens.iter().enumerate().skip(open) {
        if t == o {
            depth += 1;
        } else if t == c {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// Shrinks `expr` (space-separated tokens) while it fails with `kind`.
pub fn shrink(
    compiler: Compiler,
    expr: &str,
    lt: LinkType,
    samples: &[Sample],
    kind: FailKind,
) -> Shrunk {
    let mut tokens: Vec<String> = expr.split(' ').map(String::from).collect();
    let mut last = same_failure(compiler, &tokens, lt, samples, kind);
    // Bounded: each accepted step makes the expression strictly smaller or its
    // numbers strictly simpler.
    let mut progress = true;
    while progress {
        progress = false;
        // Drop ranges of tokens, large ones first.
        // Sizes: halves for long expressions, then every size up to 8.
        let mut sizes: Vec<usize> = std::iter::successors(Some(tokens.len() / 2), |s| Some(s / 2))
            .take_while(|&s| s > 8)
            .collect();
        sizes.extend((1..=8.min(tokens.len().saturating_sub(1))).rev());
        for size in sizes {
            let mut start = 0;
            while start + size <= tokens.len() {
                let mut cand = tokens.clone();
                cand.drain(start..start + size);
                if let Some(f) = same_failure(compiler, &cand, lt, samples, kind) {
                    tokens = cand;
                    last = Some(f);
                    progress = true;
                } else {
                    start += 1;
                }
            }
        }
        // Unwrap parentheses: drop a matching pair.
        let mut i = 0;
        while i < tokens.len() {
            if let Some(j) = matching(&tokens, i).filter(|_| tokens[i] == "(") {
                let mut cand = tokens.clone();
                cand.remove(j);
                cand.remove(i);
                if let Some(f) = same_failure(compiler, &cand, lt, samples, kind) {
                    tokens = cand;
                    last = Some(f);
                    progress = true;
                    continue;
                }
            }
            i += 1;
        }
        // Simplify numbers and spell them in decimal.
        for i in 0..tokens.len() {
            for simpler in simpler_numbers(&tokens[i]) {
                let mut cand = tokens.clone();
                cand[i] = simpler;
                if let Some(f) = same_failure(compiler, &cand, lt, samples, kind) {
                    tokens = cand;
                    last = Some(f);
                    progress = true;
                    break;
                }
            }
        }
        // Plain spellings of operators.
        for i in 0..tokens.len() {
            let plain = match tokens[i].as_str() {
                "&&" => "and",
                "||" => "or",
                "!" => "not",
                "==" => "=",
                "length" => "len",
                _ => continue,
            };
            let mut cand = tokens.clone();
            cand[i] = plain.into();
            if let Some(f) = same_failure(compiler, &cand, lt, samples, kind) {
                tokens = cand;
                last = Some(f);
                progress = true;
            }
        }
    }
    let expr = tokens.join(" ");
    let Some(failure) = last else {
        // Not reproducible (cannot happen with a deterministic compiler): report
        // the expression as it was.
        return Shrunk {
            expr,
            kind,
            detail: "the failure did not reproduce while shrinking".into(),
            packet: None,
        };
    };
    // One packet: the first that differs, if it shows the failure alone.
    let packet = failure.packet.and_then(|i| {
        let one = vec![samples[i].clone()];
        match check(compiler, &expr, lt, &one) {
            Outcome::Failed(f) if f.kind == kind => Some(samples[i].clone()),
            _ => None,
        }
    });
    Shrunk {
        expr,
        kind,
        detail: failure.detail,
        packet,
    }
}
