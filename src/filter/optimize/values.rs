//! Value numbering: every value a register can hold gets a number, equal numbers
//! meaning equal values on every packet; and facts about values learnt from the
//! branches taken on the way (`A == 0x800`, `A > 5`, bit 0x1fff clear…).
//!
//! Values are hash-consed expressions over the packet (`P[k:4]`, `len`, constants,
//! ALU results), so two loads of the same bytes anywhere in the program get the
//! same number; values are immutable, so a fact about one holds for the rest of the
//! path it was learnt on.

use super::fxhash::FxHashMap;
use crate::bpf::insn::*;

/// A value number.
pub type Val = u32;

/// What a value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Expr {
    Const(u32),
    /// `code` is the load's size|mode bits; `x` the index value for `BPF_IND`.
    Load {
        code: u16,
        k: u32,
        x: Val,
    },
    Len,
    Alu {
        op: u16,
        a: Val,
        b: Val,
    },
    Neg(Val),
    /// Something unknown: a register meeting different values, scratch memory at
    /// entry, a random number.
    Opaque(u32),
}

/// The table of value numbers.
#[derive(Default)]
pub struct Values {
    ids: FxHashMap<Expr, Val>,
    exprs: Vec<Expr>,
    /// Per value: whether computing it loads packet bytes (which may be missing).
    loads: Vec<bool>,
    opaque: u32,
}

/// No value (no index register for an absolute load).
const NONE: Val = Val::MAX;

impl Values {
    fn intern(&mut self, e: Expr) -> Val {
        let next = self.exprs.len() as Val;
        let v = *self.ids.entry(e).or_insert(next);
        if v == next {
            let of = |x: Val| self.loads.get(x as usize).copied().unwrap_or(false);
            let loads = match e {
                Expr::Load { .. } => true,
                Expr::Alu { a, b, .. } => of(a) || of(b),
                Expr::Neg(a) => of(a),
                Expr::Const(_) | Expr::Len | Expr::Opaque(_) => false,
            };
            self.exprs.push(e);
            self.loads.push(loads);
        }
        v
    }
    /// Whether computing `v` loads packet bytes: a test of it decided only by the
    /// range such a load can have must still run the load (it rejects a packet
    /// too short for it, here as in the unoptimized program).
    pub fn reads_packet(&self, v: Val) -> bool {
        self.loads.get(v as usize).copied().unwrap_or(false)
    }
    pub fn constant(&mut self, c: u32) -> Val {
        self.intern(Expr::Const(c))
    }
    /// A packet load; `x` is the index value for `BPF_IND` loads, ignored otherwise.
    pub fn load(&mut self, code: u16, k: u32, x: Val) -> Val {
        let x = if code & 0xe0 == BPF_IND { x } else { NONE };
        self.intern(Expr::Load {
            code: code & 0xf8,
            k,
            x,
        })
    }
    pub fn len(&mut self) -> Val {
        self.intern(Expr::Len)
    }
    /// A fresh value equal to no other.
    pub fn opaque(&mut self) -> Val {
        self.opaque += 1;
        let n = self.opaque;
        self.intern(Expr::Opaque(n))
    }
    /// `(base, c)` when `v` is `base + c` for a constant `c`.
    pub fn split_add(&self, v: Val) -> Option<(Val, u32)> {
        match self.exprs.get(v as usize) {
            Some(&Expr::Alu { op: BPF_ADD, a, b }) => match (self.as_const(a), self.as_const(b)) {
                (None, Some(c)) => Some((a, c)),
                (Some(c), None) => Some((b, c)),
                _ => None,
            },
            _ => None,
        }
    }
    /// One `ldx` instruction that loads `v` into X, if there is one.
    pub fn ldx_for(&self, v: Val) -> Option<crate::bpf::Insn> {
        use crate::bpf::Insn;
        match self.exprs.get(v as usize) {
            Some(&Expr::Const(c)) => Some(Insn::stmt(BPF_LDX | BPF_IMM, c)),
            Some(&Expr::Load { code, k, .. }) if code & 0xe0 == BPF_MSH => {
                Some(Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, k))
            }
            Some(Expr::Len) => Some(Insn::stmt(BPF_LDX | BPF_LEN, 0)),
            _ => None,
        }
    }
    pub fn as_const(&self, v: Val) -> Option<u32> {
        match self.exprs.get(v as usize) {
            Some(Expr::Const(c)) => Some(*c),
            _ => None,
        }
    }
    /// `a op b`, folded when both are constants. `None` when folding would divide
    /// by zero (the instruction must stay: it rejects the packet).
    pub fn alu(&mut self, op: u16, a: Val, b: Val) -> Option<Val> {
        match (self.as_const(a), self.as_const(b)) {
            (Some(x), Some(y)) => fold(op, x, y).map(|c| self.constant(c)),
            // Absorbing elements: the result does not depend on the other operand.
            (Some(0), _) | (_, Some(0)) if op == BPF_MUL || op == BPF_AND => Some(self.constant(0)),
            (Some(u32::MAX), _) | (_, Some(u32::MAX)) if op == BPF_OR => {
                Some(self.constant(u32::MAX))
            }
            (_, Some(0)) if op == BPF_DIV || op == BPF_MOD => None,
            _ => Some(self.intern(Expr::Alu { op, a, b })),
        }
    }
    pub fn neg(&mut self, a: Val) -> Val {
        match self.as_const(a) {
            Some(c) => self.constant(c.wrapping_neg()),
            None => self.intern(Expr::Neg(a)),
        }
    }

    /// What the value's form alone says about it (a byte is below 256…).
    pub fn intrinsic(&self, v: Val) -> Fact {
        let mut f = Fact::ANY;
        match self.exprs.get(v as usize) {
            Some(&Expr::Const(c)) => return Fact::exactly(c),
            Some(&Expr::Load { code, .. }) => {
                if code & 0xe0 == BPF_MSH {
                    f.hi = 60;
                    f.zero = !0x3c;
                } else if code & 0x18 == BPF_B {
                    f.hi = 0xff;
                    f.zero = !0xff;
                } else if code & 0x18 == BPF_H {
                    f.hi = 0xffff;
                    f.zero = !0xffff;
                }
            }
            Some(&Expr::Alu { op, a, b }) => {
                let fa = self.intrinsic(a);
                if let Some(m) = self.as_const(b) {
                    match op {
                        BPF_AND => {
                            f.zero = fa.zero | !m;
                            f.hi = fa.hi.min(m);
                        }
                        BPF_RSH if m < 32 => {
                            f.hi = fa.hi >> m;
                            f.zero = fa.zero >> m | !(u32::MAX >> m);
                        }
                        BPF_LSH if m < 32 => {
                            f.zero = fa.zero << m | ((1u32 << m) - 1);
                        }
                        BPF_OR => {
                            f.one = m;
                            f.lo = m;
                        }
                        BPF_MOD if m > 0 => f.hi = m - 1,
                        BPF_DIV if m > 0 => f.hi = u32::MAX / m,
                        _ => {}
                    }
                }
                f.hi = f.hi.min(!f.zero);
            }
            _ => {}
        }
        f
    }
}

/// Folds a constant ALU operation as classic BPF computes it; `None` for a
/// division or remainder by zero.
pub fn fold(op: u16, a: u32, b: u32) -> Option<u32> {
    Some(match op {
        BPF_ADD => a.wrapping_add(b),
        BPF_SUB => a.wrapping_sub(b),
        BPF_MUL => a.wrapping_mul(b),
        BPF_DIV => a.checked_div(b)?,
        BPF_MOD => a.checked_rem(b)?,
        BPF_OR => a | b,
        BPF_AND => a & b,
        BPF_XOR => a ^ b,
        // Linux and libpcap shift by the full 32-bit count; only the low 5 bits
        // matter to the CPU, but values >= 32 give 0 in libpcap's interpreter.
        BPF_LSH => {
            if b >= 32 {
                return None;
            }
            a << b
        }
        BPF_RSH => {
            if b >= 32 {
                return None;
            }
            a >> b
        }
        _ => return None,
    })
}

/// What is known about a value: bounds, bits known clear or set, constants it is
/// known to differ from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fact {
    pub lo: u32,
    pub hi: u32,
    /// Bits known to be 0.
    pub zero: u32,
    /// Bits known to be 1.
    pub one: u32,
    /// A mask of which at least one bit is known set (a `jset` taken), or 0.
    pub some: u32,
    /// Constants the value is known to differ from (first `nne` entries).
    ne: [u32; NE_MAX],
    nne: u8,
}

/// How many "differs from" constants a fact keeps: enough for the tests a filter
/// repeats, small enough that facts copy cheaply along long chains.
const NE_MAX: usize = 4;

impl Fact {
    pub const ANY: Fact = Fact {
        lo: 0,
        hi: u32::MAX,
        zero: 0,
        one: 0,
        some: 0,
        ne: [0; NE_MAX],
        nne: 0,
    };
    pub fn exactly(c: u32) -> Fact {
        Fact {
            lo: c,
            hi: c,
            zero: !c,
            one: c,
            ..Fact::ANY
        }
    }
    fn ne_list(&self) -> &[u32] {
        &self.ne[..self.nne as usize]
    }
    /// Both facts hold.
    pub fn and(&self, o: &Fact) -> Fact {
        let mut f = Fact {
            lo: self.lo.max(o.lo),
            hi: self.hi.min(o.hi),
            zero: self.zero | o.zero,
            one: self.one | o.one,
            some: if self.some != 0 { self.some } else { o.some },
            ..*self
        };
        for &c in o.ne_list() {
            f.add_ne(c);
        }
        f
    }
    /// What holds when either does (the meet of two paths).
    pub fn or(&self, o: &Fact) -> Fact {
        let mut f = Fact {
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
            zero: self.zero & o.zero,
            one: self.one & o.one,
            some: if self.some == o.some { self.some } else { 0 },
            ..Fact::ANY
        };
        for &c in self.ne_list() {
            if o.excludes(c) {
                f.add_ne(c);
            }
        }
        for &c in o.ne_list() {
            if self.excludes(c) {
                f.add_ne(c);
            }
        }
        f
    }
    fn add_ne(&mut self, c: u32) {
        if self.ne_list().contains(&c) || (self.nne as usize) >= NE_MAX {
            return;
        }
        self.ne[self.nne as usize] = c;
        self.nne += 1;
    }
    /// The value cannot be `c`.
    pub fn excludes(&self, c: u32) -> bool {
        c < self.lo
            || c > self.hi
            || c & self.zero != 0
            || (self.some != 0 && c & self.some == 0)
            || !c & self.one != 0
            || self.ne_list().contains(&c)
    }
    /// Nothing is known.
    pub fn is_any(&self) -> bool {
        self.lo == 0
            && self.hi == u32::MAX
            && self.zero == 0
            && self.one == 0
            && self.some == 0
            && self.nne == 0
    }

    /// The outcome of `jmp op #k` on a value with this fact, if it is decided.
    pub fn decide(&self, op: u16, k: u32) -> Option<bool> {
        match op {
            BPF_JEQ => {
                if self.lo == self.hi && self.lo == k {
                    Some(true)
                } else if self.excludes(k) {
                    Some(false)
                } else {
                    None
                }
            }
            BPF_JGT => {
                if self.lo > k {
                    Some(true)
                } else if self.hi <= k {
                    Some(false)
                } else {
                    None
                }
            }
            BPF_JGE => {
                if self.lo >= k {
                    Some(true)
                } else if self.hi < k {
                    Some(false)
                } else {
                    None
                }
            }
            BPF_JSET => {
                if k & self.one != 0 || (self.some != 0 && self.some & !k & !self.zero == 0) {
                    Some(true)
                } else if k & !self.zero == 0 {
                    Some(false)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// What the outcome `taken` of `jmp op #k` teaches.
    pub fn learn(op: u16, k: u32, taken: bool) -> Fact {
        let mut f = Fact::ANY;
        match (op, taken) {
            (BPF_JEQ, true) => f = Fact::exactly(k),
            (BPF_JEQ, false) => f.add_ne(k),
            (BPF_JGT, true) => f.lo = k.saturating_add(1),
            (BPF_JGT, false) => f.hi = k,
            (BPF_JGE, true) => f.lo = k,
            (BPF_JGE, false) => f.hi = k.saturating_sub(1),
            (BPF_JSET, true) if k.is_power_of_two() => f.one = k,
            (BPF_JSET, true) => f.some = k,
            (BPF_JSET, false) => f.zero = k,
            _ => {}
        }
        // jge #0 false cannot happen; keep the fact consistent rather than inverted.
        if op == BPF_JGE && !taken && k == 0 {
            return Fact::ANY;
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_expressions_share_a_number() {
        let mut v = Values::default();
        let a = v.load(BPF_LD | BPF_ABS | BPF_H, 12, 0);
        let b = v.load(BPF_LD | BPF_ABS | BPF_H, 12, 7);
        assert_eq!(a, b, "an absolute load ignores X");
        let c = v.load(BPF_LD | BPF_ABS | BPF_W, 12, 0);
        assert_ne!(a, c);
        let m = v.constant(0xff00);
        assert_eq!(v.alu(BPF_AND, a, m), v.alu(BPF_AND, a, m));
        assert_ne!(v.opaque(), v.opaque());
    }

    #[test]
    fn constants_fold_and_division_by_zero_stays() {
        let mut v = Values::default();
        let (six, seven) = (v.constant(6), v.constant(7));
        let p = v.alu(BPF_MUL, six, seven).unwrap();
        assert_eq!(v.as_const(p), Some(42));
        let zero = v.constant(0);
        assert_eq!(v.alu(BPF_DIV, six, zero), None);
        let l = v.len();
        assert_eq!(v.alu(BPF_MOD, l, zero), None);
        assert_eq!(fold(BPF_LSH, 1, 40), None);
        let p = v.alu(BPF_MUL, l, zero).unwrap();
        assert_eq!(v.as_const(p), Some(0), "len * 0");
    }

    #[test]
    fn facts_decide_branches() {
        let eq = Fact::learn(BPF_JEQ, 0x800, true);
        assert_eq!(eq.decide(BPF_JEQ, 0x800), Some(true));
        assert_eq!(eq.decide(BPF_JEQ, 0x86dd), Some(false));
        assert_eq!(eq.decide(BPF_JGT, 0x5dc), Some(true));
        let ne = Fact::learn(BPF_JEQ, 0x800, false);
        assert_eq!(ne.decide(BPF_JEQ, 0x800), Some(false));
        assert_eq!(ne.decide(BPF_JEQ, 0x806), None);
        let set = Fact::learn(BPF_JSET, 0x1fff, true);
        assert_eq!(set.decide(BPF_JSET, 0x1fff), Some(true));
        assert_eq!(set.decide(BPF_JSET, 0x3fff), Some(true));
        assert_eq!(set.decide(BPF_JSET, 0x0fff), None);
        assert_eq!(set.decide(BPF_JEQ, 0), Some(false));
        let clear = Fact::learn(BPF_JSET, 0x1fff, false);
        assert_eq!(clear.decide(BPF_JSET, 0x1fff), Some(false));
        assert_eq!(clear.decide(BPF_JSET, 0x0100), Some(false));
        assert_eq!(clear.decide(BPF_JSET, 0x2000), None);
        let gt = Fact::learn(BPF_JGT, 100, true);
        assert_eq!(gt.decide(BPF_JGE, 101), Some(true));
        assert_eq!(gt.decide(BPF_JEQ, 50), Some(false));
        let le = Fact::learn(BPF_JGT, 100, false);
        assert_eq!(le.decide(BPF_JGT, 200), Some(false));
    }

    #[test]
    fn meeting_paths_keeps_only_common_knowledge() {
        let a = Fact::exactly(0x800);
        let b = Fact::exactly(0x806);
        let m = a.or(&b);
        assert_eq!(m.decide(BPF_JEQ, 0x86dd), Some(false), "both exclude it");
        assert_eq!(m.decide(BPF_JEQ, 0x800), None);
        let n1 = Fact::learn(BPF_JEQ, 5, false);
        assert_eq!(n1.or(&Fact::ANY).decide(BPF_JEQ, 5), None);
        assert_eq!(n1.or(&Fact::exactly(9)).decide(BPF_JEQ, 5), Some(false));
    }

    #[test]
    fn intrinsic_ranges() {
        let mut v = Values::default();
        let b = v.load(BPF_LD | BPF_ABS | BPF_B, 23, 0);
        assert_eq!(v.intrinsic(b).decide(BPF_JGT, 255), Some(false));
        let m = v.constant(0xf0);
        let masked = v.alu(BPF_AND, b, m).unwrap();
        assert_eq!(v.intrinsic(masked).decide(BPF_JSET, 0x0f), Some(false));
        let x = v.load(BPF_LDX | BPF_MSH | BPF_B, 14, 0);
        assert_eq!(v.intrinsic(x).decide(BPF_JGT, 60), Some(false));
    }
}
