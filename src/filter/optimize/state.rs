//! The machine state at a program point, symbolically: the value number in each
//! register and the facts known about values. [`State::exec`] runs one statement on
//! it and says whether the statement is redundant.

use super::values::{Fact, Val, Values};
use crate::bpf::Insn;
use crate::bpf::insn::*;
use crate::filter::chainloop;

/// Register slots: A, X, then scratch memory `M[0..16]`.
pub const A: usize = 0;
pub const X: usize = 1;
pub const NREGS: usize = 2 + BPF_MEMWORDS as usize;

/// A register whose value differs between the paths that meet (filled with a fresh
/// value when the block is entered).
pub const CONFLICT: Val = Val::MAX - 1;

/// How many facts a state carries; the oldest values' facts go first.
const FACTS_MAX: usize = 24;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub regs: [Val; NREGS],
    /// Sorted by value number, no `Fact::ANY` entries.
    facts: Vec<(Val, Fact)>,
}

/// What a statement does to the state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// It changes nothing: drop it.
    Redundant,
    /// It computes a constant into A: replace it by `ld #c` (or keep if it is one).
    ConstA(u32),
    /// An operation with X while X holds a known constant: use the constant.
    WithK(u32),
    /// An indexed load while X holds a known constant: the absolute load at this
    /// offset.
    Absolute(u32),
    /// Keep it as is.
    Keep,
}

/// The register slot of `M[k]`, if `k` is in range.
pub fn mem_slot(k: u32) -> Option<usize> {
    (k < BPF_MEMWORDS).then_some(2 + k as usize)
}

impl State {
    /// Program entry: A and X are 0, scratch memory unknown.
    pub fn entry(values: &mut Values) -> State {
        let zero = values.constant(0);
        let mut regs = [zero; NREGS];
        for r in regs.iter_mut().skip(2) {
            *r = values.opaque();
        }
        State {
            regs,
            facts: Vec::new(),
        }
    }

    /// Replaces conflicting registers by fresh values.
    pub fn resolve(&mut self, values: &mut Values) {
        for r in self.regs.iter_mut() {
            if *r == CONFLICT {
                *r = values.opaque();
            }
        }
    }

    /// Keeps what holds on both paths.
    pub fn meet(&mut self, o: &State) {
        for (r, &v) in self.regs.iter_mut().zip(o.regs.iter()) {
            if *r != v {
                *r = CONFLICT;
            }
        }
        let mut out = Vec::with_capacity(self.facts.len().min(o.facts.len()));
        let (mut i, mut j) = (0, 0);
        while i < self.facts.len() && j < o.facts.len() {
            let (va, fa) = self.facts[i];
            let (vb, fb) = o.facts[j];
            if va < vb {
                i += 1;
            } else if vb < va {
                j += 1;
            } else {
                let f = fa.or(&fb);
                if !f.is_any() {
                    out.push((va, f));
                }
                i += 1;
                j += 1;
            }
        }
        self.facts = out;
    }

    /// Everything known about `v`: its form and the facts of the path.
    pub fn fact(&self, values: &Values, v: Val) -> Fact {
        let f = values.intrinsic(v);
        match self.facts.binary_search_by_key(&v, |e| e.0) {
            Ok(i) => f.and(&self.facts[i].1),
            Err(_) => f,
        }
    }

    /// Records that `f` holds for `v`.
    pub fn learn(&mut self, v: Val, f: Fact) {
        if f.is_any() {
            return;
        }
        match self.facts.binary_search_by_key(&v, |e| e.0) {
            Ok(i) => self.facts[i].1 = self.facts[i].1.and(&f),
            Err(i) => {
                self.facts.insert(i, (v, f));
                if self.facts.len() > FACTS_MAX {
                    self.facts.remove(0);
                }
            }
        }
    }

    /// The outcome of the branch `code #k` (or `code x`) in this state, if decided.
    pub fn decide(&self, values: &Values, code: u16, k: u32) -> Option<bool> {
        let k = if code & BPF_X != 0 {
            values.as_const(self.regs[X])?
        } else {
            k
        };
        let v = self.regs[A];
        match self.facts.binary_search_by_key(&v, |e| e.0) {
            // Tested before on every path: its loads have run.
            Ok(_) => self.fact(values, v).decide(code & 0xf0, k),
            // Decided by its range alone: only if that drops no load (`ip[-len]
            // != 256` rejects every packet, as the unoptimized program does).
            Err(_) if values.reads_packet(v) => None,
            Err(_) => values.intrinsic(v).decide(code & 0xf0, k),
        }
    }

    /// The branch's outcome from the range of A's value alone, even when that value
    /// loads packet bytes (the caller must keep what those loads decide).
    pub fn decide_by_range(&self, values: &Values, code: u16, k: u32) -> Option<bool> {
        let k = if code & BPF_X != 0 {
            values.as_const(self.regs[X])?
        } else {
            k
        };
        values.intrinsic(self.regs[A]).decide(code & 0xf0, k)
    }

    /// Records what taking (`taken`) the branch `code #k` teaches.
    pub fn learn_branch(&mut self, values: &Values, code: u16, k: u32, taken: bool) {
        let k = if code & BPF_X != 0 {
            match values.as_const(self.regs[X]) {
                Some(c) => c,
                None => return,
            }
        } else {
            k
        };
        self.learn(self.regs[A], Fact::learn(code & 0xf0, k, taken));
    }

    fn set(&mut self, r: usize, v: Val) -> Effect {
        if self.regs[r] == v {
            Effect::Redundant
        } else {
            self.regs[r] = v;
            Effect::Keep
        }
    }

    /// Runs `s` symbolically.
    pub fn exec(&mut self, values: &mut Values, s: &Insn) -> Effect {
        if chainloop::is_loop(s) {
            // What the walk leaves in A, X and its cell is known only at run time.
            self.regs[A] = values.opaque();
            self.regs[X] = values.opaque();
            if let Some(m) = mem_slot(chainloop::cell(s)) {
                self.regs[m] = values.opaque();
            }
            return Effect::Keep;
        }
        let (a, x) = (self.regs[A], self.regs[X]);
        match s.class() {
            BPF_LD | BPF_LDX => {
                let r = if s.class() == BPF_LD { A } else { X };
                let v = match s.code & 0xe0 {
                    BPF_IMM => values.constant(s.k),
                    BPF_LEN => values.len(),
                    BPF_MEM => match mem_slot(s.k) {
                        Some(m) => self.regs[m],
                        None => {
                            self.regs[r] = values.opaque();
                            return Effect::Keep;
                        }
                    },
                    // Linux ancillary data: kept, never shared (some fields change,
                    // and offline they reject).
                    BPF_ABS if s.k >= SKF_AD_OFF => {
                        self.regs[r] = values.opaque();
                        return Effect::Keep;
                    }
                    BPF_IND if s.class() == BPF_LD => {
                        let abs = values
                            .as_const(x)
                            .and_then(|c| s.k.checked_add(c))
                            .filter(|&k| k < SKF_AD_OFF);
                        match abs {
                            Some(k) => {
                                let code = BPF_LD | BPF_ABS | (s.code & 0x18);
                                let v = values.load(code, k, x);
                                return match self.set(A, v) {
                                    Effect::Redundant => Effect::Redundant,
                                    _ => Effect::Absolute(k),
                                };
                            }
                            None => values.load(s.code, s.k, x),
                        }
                    }
                    BPF_ABS | BPF_IND | BPF_MSH => values.load(s.code, s.k, x),
                    _ => {
                        self.regs[r] = values.opaque();
                        return Effect::Keep;
                    }
                };
                self.set(r, v)
            }
            BPF_ST | BPF_STX => {
                let v = if s.class() == BPF_ST { a } else { x };
                match mem_slot(s.k) {
                    Some(m) => self.set(m, v),
                    None => Effect::Keep,
                }
            }
            BPF_ALU => {
                let op = s.code & 0xf0;
                if op == BPF_NEG {
                    let v = values.neg(a);
                    return self.alu_result(values, v, s);
                }
                let b = if s.code & BPF_X != 0 {
                    x
                } else {
                    values.constant(s.k)
                };
                if let Some(c) = values.as_const(b)
                    && is_identity(op, c)
                {
                    return Effect::Redundant;
                }
                match values.alu(op, a, b) {
                    Some(v) => match self.alu_result(values, v, s) {
                        Effect::Keep if s.code & BPF_X != 0 => match values.as_const(x) {
                            Some(c) if k_form_allowed(op, c) => Effect::WithK(c),
                            _ => Effect::Keep,
                        },
                        e => e,
                    },
                    None => {
                        self.regs[A] = values.opaque();
                        Effect::Keep
                    }
                }
            }
            BPF_MISC => {
                if s.code & 0xf8 == BPF_TXA {
                    self.set(A, x)
                } else {
                    self.set(X, a)
                }
            }
            _ => {
                // Jumps and returns are terminators, never statements.
                self.regs[A] = values.opaque();
                Effect::Keep
            }
        }
    }

    fn alu_result(&mut self, values: &Values, v: Val, s: &Insn) -> Effect {
        match self.set(A, v) {
            Effect::Redundant => Effect::Redundant,
            _ => match values.as_const(v) {
                Some(c) if s.code != (BPF_LD | BPF_IMM) => Effect::ConstA(c),
                _ => Effect::Keep,
            },
        }
    }
}

/// Whether `A op #c` is an instruction the kernel accepts: it refuses constant
/// shifts of 32 or more and constant division or remainder by zero, which the X
/// forms compute at run time.
fn k_form_allowed(op: u16, c: u32) -> bool {
    match op {
        BPF_LSH | BPF_RSH => c < 32,
        BPF_DIV | BPF_MOD => c != 0,
        _ => true,
    }
}

/// `A op c` leaves A unchanged.
fn is_identity(op: u16, c: u32) -> bool {
    matches!(
        (op, c),
        (BPF_ADD | BPF_SUB | BPF_OR | BPF_XOR | BPF_LSH | BPF_RSH, 0)
            | (BPF_MUL | BPF_DIV, 1)
            | (BPF_AND, u32::MAX)
    )
}

/// Registers a statement reads and writes, as bit sets over the slots.
pub fn uses_defs(s: &Insn) -> (u32, u32) {
    const RA: u32 = 1 << A;
    const RX: u32 = 1 << X;
    let mem = |k: u32| mem_slot(k).map_or(0, |m| 1u32 << m);
    if chainloop::is_loop(s) {
        // A protochain loop reads A and X; it writes its cell only if it walks
        // past a header, so the cell counts as read too (its old value may
        // survive).
        let cell = mem(chainloop::cell(s));
        return (RA | RX | cell, RA | RX | cell);
    }
    let src_x = if s.code & BPF_X != 0 { RX } else { 0 };
    match s.class() {
        BPF_LD => match s.code & 0xe0 {
            BPF_MEM => (mem(s.k), RA),
            BPF_IND => (RX, RA),
            // Ancillary loads may read A and X (SKF_AD_ALU_XOR_X).
            BPF_ABS if s.k >= SKF_AD_OFF => (RA | RX, RA),
            _ => (0, RA),
        },
        BPF_LDX => match s.code & 0xe0 {
            BPF_MEM => (mem(s.k), RX),
            _ => (0, RX),
        },
        BPF_ST => (RA, mem(s.k)),
        BPF_STX => (RX, mem(s.k)),
        BPF_ALU => (RA | src_x, RA),
        BPF_MISC => {
            if s.code & 0xf8 == BPF_TXA {
                (RX, RA)
            } else {
                (RA, RX)
            }
        }
        _ => (RA | RX, 0),
    }
}

/// A statement with an effect beyond its destination register, kept even when its
/// result is unused: a division or remainder by X or by zero may reject the packet,
/// and a Linux ancillary load (`ldh [type]`) rejects every packet read from a file
/// (libpcap's optimizer keeps those too). A protochain loop loads packet bytes a
/// variable number of times and may run out the interpreter's budget: no pass
/// drops, skips or moves it.
pub fn has_side_effect(s: &Insn) -> bool {
    if chainloop::is_loop(s) {
        return true;
    }
    match s.class() {
        BPF_ALU => matches!(s.code & 0xf0, BPF_DIV | BPF_MOD) && (s.code & BPF_X != 0 || s.k == 0),
        BPF_LD | BPF_LDX => s.code & 0xe0 == BPF_ABS && s.k >= SKF_AD_OFF,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(code: u16, k: u32) -> Insn {
        Insn::stmt(code, k)
    }

    #[test]
    fn reloading_a_value_is_redundant() {
        let mut v = Values::default();
        let mut s = State::entry(&mut v);
        let l = ld(BPF_LD | BPF_ABS | BPF_H, 12);
        assert_eq!(s.exec(&mut v, &l), Effect::Keep);
        assert_eq!(s.exec(&mut v, &l), Effect::Redundant);
        assert_eq!(s.exec(&mut v, &ld(BPF_ST, 3)), Effect::Keep);
        assert_eq!(s.exec(&mut v, &ld(BPF_LD | BPF_MEM, 3)), Effect::Redundant);
        assert_eq!(
            s.exec(&mut v, &ld(BPF_ALU | BPF_ADD | BPF_K, 0)),
            Effect::Redundant
        );
    }

    #[test]
    fn constants_fold() {
        let mut v = Values::default();
        let mut s = State::entry(&mut v);
        s.exec(&mut v, &ld(BPF_LD | BPF_IMM, 6));
        assert_eq!(
            s.exec(&mut v, &ld(BPF_ALU | BPF_MUL | BPF_K, 7)),
            Effect::ConstA(42)
        );
        assert_eq!(s.exec(&mut v, &ld(BPF_LD | BPF_IMM, 42)), Effect::Redundant);
    }

    #[test]
    fn meet_keeps_common_registers_and_facts() {
        let mut v = Values::default();
        let mut s1 = State::entry(&mut v);
        s1.exec(&mut v, &ld(BPF_LD | BPF_ABS | BPF_H, 12));
        let mut s2 = s1.clone();
        s1.learn_branch(&v, BPF_JMP | BPF_JEQ, 0x800, true);
        s2.learn_branch(&v, BPF_JMP | BPF_JEQ, 0x806, true);
        let mut m = s1.clone();
        m.meet(&s2);
        assert_eq!(m.regs[A], s1.regs[A]);
        assert_eq!(m.decide(&v, BPF_JMP | BPF_JEQ, 0x86dd), Some(false));
        assert_eq!(m.decide(&v, BPF_JMP | BPF_JEQ, 0x800), None);
        s2.exec(&mut v, &ld(BPF_LD | BPF_ABS | BPF_B, 23));
        m.meet(&s2);
        assert_eq!(m.regs[A], CONFLICT);
    }

    #[test]
    fn a_protochain_loop_clobbers_a_x_and_its_cell_and_stays() {
        use crate::filter::chainloop::{ChainLoop, pseudo};
        let l = ChainLoop {
            v6: true,
            base: 14,
            proto: 6,
            cell: 2,
            keep_cell: true,
        };
        let lp = pseudo(0, &l);
        let mut v = Values::default();
        let mut s = State::entry(&mut v);
        s.exec(&mut v, &ld(BPF_LD | BPF_ABS | BPF_B, 20));
        s.exec(&mut v, &ld(BPF_ST, 2));
        s.exec(&mut v, &ld(BPF_ST, 3));
        s.exec(&mut v, &ld(BPF_LDX | BPF_IMM, 40));
        let before = s.regs;
        assert_eq!(s.exec(&mut v, &lp), Effect::Keep);
        for r in [A, X, 2 + 2] {
            assert_ne!(s.regs[r], before[r], "slot {r}");
        }
        assert_eq!(s.regs[2 + 3], before[2 + 3]);
        // Running it again is not redundant: it loads anew.
        assert_eq!(s.exec(&mut v, &lp), Effect::Keep);
        assert!(has_side_effect(&lp));
        let (uses, defs) = uses_defs(&lp);
        let want = 1 << A | 1 << X | 1 << (2 + 2);
        assert_eq!((uses, defs), (want, want));
    }

    #[test]
    fn division_by_x_is_a_side_effect() {
        assert!(has_side_effect(&ld(BPF_ALU | BPF_DIV | BPF_X, 0)));
        assert!(!has_side_effect(&ld(BPF_ALU | BPF_DIV | BPF_K, 4)));
        assert_eq!(
            uses_defs(&ld(BPF_LD | BPF_IND | BPF_B, 2)),
            (1 << X, 1 << A)
        );
    }
}
