//! Program fragments: a sub-graph with one entry and open exits.
//!
//! A fragment is what libpcap calls a block list under construction: its true and
//! false exits are not wired yet. `and`/`or`/`not` combine fragments by wiring exits
//! (libpcap's backpatching, kept local to the fragments instead of in global state).

use super::Gen;
use crate::bpf::Insn;
use crate::bpf::insn::{BPF_IMM, BPF_JEQ, BPF_LD, BPF_W};
use crate::filter::cfg::{BlockId, Term};

/// An open exit: block `.0`'s true (`.1 == true`) or false branch.
pub type Exit = (BlockId, bool);

/// A sub-program with entry block `entry`; control leaves through `t` when the
/// fragment's condition holds and through `f` when it does not.
#[derive(Clone, Debug)]
pub struct Frag {
    /// The first block run.
    pub entry: BlockId,
    /// Branches still to be pointed where "condition true" leads.
    pub t: Vec<Exit>,
    /// Branches still to be pointed where "condition false" leads.
    pub f: Vec<Exit>,
}

impl Frag {
    /// Logical negation: swap the exits.
    pub fn negate(self) -> Frag {
        Frag {
            entry: self.entry,
            t: self.f,
            f: self.t,
        }
    }
}

impl Gen<'_> {
    /// Wires every exit in `exits` to `target`.
    pub fn patch(&mut self, exits: &[Exit], target: BlockId) {
        for &(b, taken) in exits {
            self.cfg.set_target(b, taken, target);
        }
    }

    /// One block: `stmts`, then the conditional jump `term`.
    pub fn test(&mut self, stmts: Vec<Insn>, term: Term) -> Frag {
        let b = self.cfg.add(stmts, term);
        Frag {
            entry: b,
            t: vec![(b, true)],
            f: vec![(b, false)],
        }
    }

    /// `a` then, if it holds, `b` (libpcap's `gen_and(a, b)`).
    pub fn and(&mut self, a: Frag, b: Frag) -> Frag {
        self.patch(&a.t, b.entry);
        let mut f = a.f;
        f.extend(b.f);
        Frag {
            entry: a.entry,
            t: b.t,
            f,
        }
    }

    /// `a` then, if it fails, `b` (libpcap's `gen_or(a, b)`).
    pub fn or(&mut self, a: Frag, b: Frag) -> Frag {
        self.patch(&a.f, b.entry);
        let mut t = a.t;
        t.extend(b.t);
        Frag {
            entry: a.entry,
            t,
            f: b.f,
        }
    }

    /// Constant condition, coded as libpcap does (`ld #0|1; jeq #0`): it sets A.
    pub fn uncond(&mut self, value: bool) -> Frag {
        let k = if value { 0 } else { 1 };
        self.test(
            vec![Insn::stmt(BPF_LD | BPF_IMM | BPF_W, k)],
            Term::cmp_k(BPF_JEQ, 0),
        )
    }

    pub fn gen_true(&mut self) -> Frag {
        self.uncond(true)
    }

    pub fn gen_false(&mut self) -> Frag {
        self.uncond(false)
    }
}
