//! One expression on one link type: rfilter (optimized and not) against libpcap
//! (optimized and not), by acceptance and by verdicts over the packet corpus.

use crate::common::compare::{Reference, completed_verdict_matches, verdicts};
use crate::common::corpus::Sample;
use crate::common::reference::{REJECTS_ALL, libpcap_program, rfilter_options as options};
use rfilter::bpf::verify::{self, Rule};
use rfilter::bpf::{Insn, dump};
use rfilter::filter::{self, CompileOptions, FilterError};
use rfilter::linktype::LinkType;

/// The compiler under test: rfilter's, or a deliberately broken one for the
/// harness's own negative controls.
pub type Compiler = fn(&str, &CompileOptions) -> Result<Vec<Insn>, FilterError>;

pub fn rfilter_compiler(expr: &str, opts: &CompileOptions) -> Result<Vec<Insn>, FilterError> {
    filter::compile(expr, opts)
}

/// How rfilter disagrees with libpcap. Two failures are "the same" for the shrinker
/// when their kinds are equal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailKind {
    /// The compiler panicked (caught on its thread) or reported an internal error.
    Panic,
    /// libpcap compiles it, rfilter refuses.
    RefusesValid { optimize: bool },
    /// libpcap refuses it, rfilter compiles it.
    AcceptsInvalid { optimize: bool },
    /// Refused, but with an empty message.
    EmptyMessage,
    /// rfilter's program breaks a kernel rule.
    NotKernelValid { optimize: bool },
    /// A packet where rfilter's verdict is neither libpcap's optimized one nor its
    /// unoptimized one.
    Verdict { optimize: bool },
}

/// Known libpcap bugs: where libpcap's own programs are wrong, so a difference is
/// libpcap's fault, not rfilter's. Each is named in the run's summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KnownBug {
    /// libpcap 1.10's `geneve` code loads scratch memory cells no path has stored
    /// to (gen_geneve_offsets/gen_geneve_check reuse registers across the
    /// alternatives of `geneve and …`), so its verdict depends on whatever the
    /// cells hold; the kernel refuses such programs (check_load_and_stores).
    /// Detected by running libpcap's program through our kernel-rule check: a
    /// verdict difference is put down to this bug only when libpcap's program
    /// breaks the load-before-store rule.
    UnsetScratch,
}

impl KnownBug {
    pub fn name(self) -> &'static str {
        match self {
            KnownBug::UnsetScratch => "libpcap reads unset scratch memory (geneve)",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Failure {
    pub kind: FailKind,
    /// What went wrong, with the programs when verdicts differ.
    pub detail: String,
    /// The packet (index into the samples) where verdicts differ.
    pub packet: Option<usize>,
}

#[derive(Clone, Debug)]
pub enum Outcome {
    /// Both compiled it; this many verdicts agreed.
    Agreed(usize),
    /// Both refused it (rfilter with a message).
    BothRefused,
    /// Verdicts differ but libpcap's programs are known to be wrong here.
    Known(KnownBug),
    Failed(Failure),
}

fn fail(kind: FailKind, detail: String) -> Outcome {
    Outcome::Failed(Failure {
        kind,
        detail,
        packet: None,
    })
}

fn reads_unset_scratch(prog: &[Insn]) -> bool {
    matches!(verify::verify(prog), Err(e) if e.rule == Rule::LoadBeforeStore)
}

fn compile_ours(
    compiler: Compiler,
    expr: &str,
    lt: LinkType,
    optimize: bool,
) -> Result<Vec<Insn>, FilterError> {
    compiler(expr, &options(lt, optimize))
}

/// An internal error: a panic on the compiler thread or a broken invariant.
fn is_panic(e: &FilterError) -> bool {
    e.message.starts_with("internal error")
}

/// Compares rfilter with libpcap for `expr` on `lt` over `samples`.
pub fn check(compiler: Compiler, expr: &str, lt: LinkType, samples: &[Sample]) -> Outcome {
    let theirs_unopt = libpcap_program(expr, lt, false);
    let ours = [false, true].map(|optimize| compile_ours(compiler, expr, lt, optimize));
    for r in &ours {
        if let Err(e) = r {
            if is_panic(e) {
                return fail(FailKind::Panic, e.message.clone());
            }
            if e.message.trim().is_empty() {
                return fail(FailKind::EmptyMessage, "empty error message".into());
            }
        }
    }
    let theirs_unopt = match theirs_unopt {
        Err(msg) => {
            // libpcap refuses: so must we, both ways.
            for (optimize, r) in [false, true].into_iter().zip(&ours) {
                if let Ok(p) = r {
                    return fail(
                        FailKind::AcceptsInvalid { optimize },
                        format!(
                            "libpcap refuses ({msg}); rfilter (optimize {optimize}) accepts with {} instructions",
                            p.len()
                        ),
                    );
                }
            }
            return Outcome::BothRefused;
        }
        Ok(p) => p,
    };
    let theirs_opt = match libpcap_program(expr, lt, true) {
        Ok(p) => Some(p),
        Err(e) if e.contains(REJECTS_ALL) => None,
        // libpcap's optimizer failing otherwise (it has limits of its own) leaves
        // only the unoptimized program as the reference.
        Err(_) => Some(theirs_unopt.clone()),
    };
    let rejects_all = theirs_opt.is_none();
    let reference = Reference::new(theirs_opt, theirs_unopt, samples);
    let mut compared = 0;
    // rfilter's unoptimized verdicts, for judging the optimized program.
    let mut ours_unopt: Option<Vec<u32>> = None;
    for (optimize, r) in [false, true].into_iter().zip(ours) {
        let prog = match r {
            Ok(p) => p,
            // Refusing a filter that never matches, when optimizing, is what
            // libpcap does.
            Err(e) if optimize && rejects_all && e.message.contains(REJECTS_ALL) => continue,
            Err(e) => {
                return fail(
                    FailKind::RefusesValid { optimize },
                    format!(
                        "libpcap accepts; rfilter (optimize {optimize}) refuses:\n{}",
                        e.render(expr)
                    ),
                );
            }
        };
        // What live capture attaches must pass the kernel's rules: the program
        // itself, or for protochain (which loops backwards elsewhere) its unrolled
        // kernel form. Longer than the kernel takes is allowed: live capture then
        // filters in user space (tests/live.rs checks that); every other rule is a
        // bug.
        let kernel_prog = if expr.contains("protochain") {
            let kopts = CompileOptions {
                for_kernel: true,
                ..options(lt, optimize)
            };
            match compiler(expr, &kopts) {
                Ok(p) => p,
                Err(e) => {
                    return fail(
                        FailKind::RefusesValid { optimize },
                        format!(
                            "rfilter (optimize {optimize}) refuses the kernel form:\n{}",
                            e.render(expr)
                        ),
                    );
                }
            }
        } else {
            prog.clone()
        };
        if let Err(e) = verify::verify(&kernel_prog).or_else(|e| match e.rule {
            Rule::TooLong => Ok(()),
            _ => Err(e),
        }) {
            return fail(
                FailKind::NotKernelValid { optimize },
                format!(
                    "rfilter (optimize {optimize}) breaks a kernel rule: {e}\n{}",
                    dump::dump(&kernel_prog, 1)
                ),
            );
        }
        let mine = verdicts(&prog, samples);
        let bad: Vec<usize> = (0..samples.len())
            .filter(|&i| {
                mine[i] != reference.opt_verdicts[i]
                    && mine[i] != reference.unopt_verdicts[i]
                    && !completed_verdict_matches(&reference.unoptimized, &samples[i], mine[i])
            })
            .collect();
        let Some(&first) = bad.first() else {
            compared += samples.len();
            if !optimize {
                ours_unopt = Some(mine);
            }
            continue;
        };
        // A known libpcap bug explains a difference only where libpcap's program
        // shows it, and, for our optimized program, only where it agrees with our
        // unoptimized one (which the unoptimized comparison already vouched for):
        // otherwise the optimizer may be at fault.
        let ours_consistent = match &ours_unopt {
            Some(u) if optimize => bad.iter().all(|&i| u[i] == mine[i]),
            _ => true,
        };
        if ours_consistent
            && (reads_unset_scratch(&reference.unoptimized)
                || reads_unset_scratch(&reference.optimized))
        {
            return Outcome::Known(KnownBug::UnsetScratch);
        }
        let s = &samples[first];
        return Outcome::Failed(Failure {
            kind: FailKind::Verdict { optimize },
            detail: format!(
                "{} of {} packets differ; first: {} (captured {}, wire {}): rfilter {} libpcap -O {} libpcap {}\n\
                 rfilter (optimize {optimize}):\n{}libpcap -O:\n{}libpcap:\n{}",
                bad.len(),
                samples.len(),
                s.label,
                s.data.len(),
                s.wire_len,
                mine[first],
                reference.opt_verdicts[first],
                reference.unopt_verdicts[first],
                dump::dump(&prog, 1),
                dump::dump(&reference.optimized, 1),
                dump::dump(&reference.unoptimized, 1),
            ),
            packet: Some(first),
        });
    }
    Outcome::Agreed(compared)
}
