//! Verdict comparison between a program under test and libpcap's programs, with a
//! report that says what differs and where.

use super::corpus::Sample;
use rfilter::bpf::{Insn, dump, vm};
use rfilter::linktype::LinkType;
use std::fmt::Write;

/// Verdicts of `prog` on every sample, in order (scratch memory zeroed each run).
pub fn verdicts(prog: &[Insn], samples: &[Sample]) -> Vec<u32> {
    samples
        .iter()
        .map(|s| vm::run(prog, &s.data, s.wire_len))
        .collect()
}

/// Whether `verdict` on sample `s` is one an optimizer may give when it drops loads
/// whose values cannot change the outcome (libpcap's does, and so does rfilter's):
/// `unoptimized`'s verdict on the packet completed with some bytes. If the optimized
/// program loads nothing past the captured bytes, its verdict is the same on every
/// completion of the packet, where it must equal the unoptimized one's; if it does,
/// it rejects like the unoptimized program. Two completions are tried: zeros, and
/// 0xff bytes (zeros make endless IPv6 hop-by-hop chains for `protochain`).
pub fn completed_verdict_matches(unoptimized: &[Insn], s: &Sample, verdict: u32) -> bool {
    [0u8, 0xff]
        .iter()
        .any(|&fill| vm::run_completed(unoptimized, &s.data, s.wire_len, fill) == verdict)
}

/// libpcap's two programs for one expression and link type, with their verdicts.
pub struct Reference {
    pub optimized: Vec<Insn>,
    pub unoptimized: Vec<Insn>,
    pub opt_verdicts: Vec<u32>,
    pub unopt_verdicts: Vec<u32>,
}

impl Reference {
    /// `optimized` is `None` when libpcap's optimizer refused the filter as
    /// rejecting everything; it then stands for `ret #0`.
    pub fn new(
        optimized: Option<Vec<Insn>>,
        unoptimized: Vec<Insn>,
        samples: &[Sample],
    ) -> Reference {
        let optimized = optimized.unwrap_or_else(|| vec![Insn::stmt(0x06, 0)]);
        let opt_verdicts = verdicts(&optimized, samples);
        let unopt_verdicts = if unoptimized == optimized {
            opt_verdicts.clone()
        } else {
            verdicts(&unoptimized, samples)
        };
        Reference {
            optimized,
            unoptimized,
            opt_verdicts,
            unopt_verdicts,
        }
    }
}

fn hex(data: &[u8]) -> String {
    let mut s = String::with_capacity(data.len() * 2);
    for b in data {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("      {l}\n")).collect()
}

/// Checks that on every sample `ours` (named `what`, e.g. "rfilter -O") gives the
/// verdict of libpcap's unoptimized OR optimized program (libpcap's optimizer drops
/// dead loads, so the two legitimately differ on some truncated packets), or, on a
/// truncated packet, the verdict of libpcap's unoptimized program on the completed
/// packet ([`completed_verdict_matches`]: rfilter's optimizer drops dead loads
/// libpcap's keeps). Returns the number of verdicts compared, or a report of the mismatches.
pub fn compare(
    expr: &str,
    lt: LinkType,
    what: &str,
    ours: &[Insn],
    reference: &Reference,
    samples: &[Sample],
) -> Result<usize, String> {
    let mine: Vec<u32> = if ours == reference.optimized.as_slice() {
        reference.opt_verdicts.clone()
    } else if ours == reference.unoptimized.as_slice() {
        reference.unopt_verdicts.clone()
    } else {
        verdicts(ours, samples)
    };
    let mut bad = Vec::new();
    for (i, &v) in mine.iter().enumerate() {
        if v != reference.opt_verdicts[i]
            && v != reference.unopt_verdicts[i]
            && !completed_verdict_matches(&reference.unoptimized, &samples[i], v)
        {
            bad.push(i);
        }
    }
    if bad.is_empty() {
        return Ok(samples.len());
    }
    let mut r = String::new();
    let _ = writeln!(
        r,
        "MISMATCH: {what} on {lt}, expression `{expr}`: {} of {} packets differ",
        bad.len(),
        samples.len()
    );
    for &i in bad.iter().take(4) {
        let s = &samples[i];
        let _ = writeln!(
            r,
            "  packet {i}: {} (captured {}, wire {})",
            s.label,
            s.data.len(),
            s.wire_len
        );
        let _ = writeln!(r, "    hex: {}", hex(&s.data));
        let _ = writeln!(
            r,
            "    {what}: {}   libpcap -O: {}   libpcap: {}",
            mine[i], reference.opt_verdicts[i], reference.unopt_verdicts[i]
        );
    }
    let _ = writeln!(r, "  {what} program:\n{}", indent(&dump::dump(ours, 1)));
    let _ = writeln!(
        r,
        "  libpcap optimized program:\n{}",
        indent(&dump::dump(&reference.optimized, 1))
    );
    let _ = writeln!(
        r,
        "  libpcap unoptimized program:\n{}",
        indent(&dump::dump(&reference.unoptimized, 1))
    );
    Err(r)
}
