//! The forward pass: one walk over the blocks in topological order that does value
//! numbering, redundant-load elimination, constant folding and jump threading.
//!
//! Each block is entered with the meet of the states its predecessors leave it
//! (register values equal on every path in, facts true on every path in). Its
//! statements run symbolically on that state: a load of a value already in its
//! register is dropped, constant arithmetic becomes `ld #c`, and a run of loads and
//! ALU operations that rebuilds the value A held before it goes (libpcap #110). A
//! branch decided by the facts becomes unconditional. Then each exit edge is
//! threaded: while the block it leads to decides its branch from the state on the
//! edge, and the registers that block would change are dead where its branch goes,
//! the edge skips the block.
//!
//! Linear: every block is visited once; each edge threads through at most
//! [`MAX_HOPS`] blocks; states carry a bounded number of facts.

use super::liveness;
use super::state::{A, Effect, State, X, has_side_effect, mem_slot, uses_defs};
use super::values::Values;
use crate::bpf::Insn;
use crate::bpf::insn::{
    BPF_ABS, BPF_ALU, BPF_IMM, BPF_IND, BPF_LD, BPF_LDX, BPF_MEM, BPF_MISC, BPF_TAX, BPF_TXA,
    BPF_X, SKF_AD_OFF,
};
use crate::filter::cfg::{BlockId, Cfg, Term};

/// How many blocks one edge may skip (bounds the work on pathological graphs).
const MAX_HOPS: usize = 64;

/// Runs the pass over `cfg` in place.
pub fn run(cfg: &mut Cfg, values: &mut Values) {
    let Ok(order) = super::topo(cfg) else {
        return;
    };
    let live_in = liveness::live_in(cfg, &order);
    let mut incoming: Vec<Option<State>> = vec![None; cfg.blocks.len()];
    incoming[cfg.entry] = Some(State::entry(values));
    for &b in &order {
        let Some(mut st) = incoming[b].take() else {
            continue; // every edge into it was threaded past it
        };
        st.resolve(values);
        let entry_regs = st.regs;
        let stmts = std::mem::take(&mut cfg.blocks[b].stmts);
        let term = cfg.blocks[b].term;
        let x_live_after = term
            .successors()
            .iter()
            .any(|&s| live_in[s] & (1 << X) != 0)
            || matches!(term, Term::Branch { code, .. } if code & BPF_X != 0);
        let Some(simple) = simplify(&stmts, &mut st, values, x_live_after) else {
            // A load past any packet: the block rejects every packet.
            cfg.blocks[b].term = Term::Ret(0);
            continue;
        };
        cfg.blocks[b].stmts = simple;
        let Term::Branch {
            mut code,
            mut k,
            jt,
            jf,
        } = cfg.blocks[b].term
        else {
            continue;
        };
        // A comparison with X holding a known constant compares with the constant.
        if code & BPF_X != 0
            && let Some(c) = values.as_const(st.regs[X])
        {
            code &= !BPF_X;
            k = c;
        }
        // A test decided by the range of a value this block loads may go when it
        // goes to a rejection: a packet too short for the load is rejected
        // either way (`ip proto 256`).
        let rejects =
            |t: BlockId| cfg.blocks[t].stmts.is_empty() && cfg.blocks[t].term == Term::Ret(0);
        let by_range = || {
            let d = st.decide_by_range(values, code, k)?;
            let in_block = !entry_regs.contains(&st.regs[A]);
            (in_block && rejects(if d { jt } else { jf })).then_some(d)
        };
        let (jt, jf) = match if jt == jf {
            Some(true)
        } else {
            st.decide(values, code, k).or_else(by_range)
        } {
            Some(true) => (jt, jt),
            Some(false) => (jf, jf),
            None => (jt, jf),
        };
        let (jt, jf) = if jt == jf {
            let t = thread(cfg, values, &live_in, jt, &mut st);
            merge_into(&mut incoming, t, st);
            (t, t)
        } else {
            let mut st_t = st.clone();
            st_t.learn_branch(values, code, k, true);
            let t = thread(cfg, values, &live_in, jt, &mut st_t);
            merge_into(&mut incoming, t, st_t);
            let mut st_f = st;
            st_f.learn_branch(values, code, k, false);
            let f = thread(cfg, values, &live_in, jf, &mut st_f);
            merge_into(&mut incoming, f, st_f);
            (t, f)
        };
        cfg.blocks[b].term = Term::Branch { code, k, jt, jf };
    }
}

fn merge_into(incoming: &mut [Option<State>], b: BlockId, st: State) {
    match &mut incoming[b] {
        Some(acc) => acc.meet(&st),
        slot => *slot = Some(st),
    }
}

/// Follows `target` past every block whose branch is decided on entry with
/// `state` and whose statements only change registers dead at the branch's
/// destination. Returns the final target.
fn thread(
    cfg: &Cfg,
    values: &mut Values,
    live_in: &[u32],
    mut target: BlockId,
    state: &mut State,
) -> BlockId {
    for _ in 0..MAX_HOPS {
        let block = &cfg.blocks[target];
        let Term::Branch { code, k, jt, jf } = block.term else {
            break;
        };
        if block.stmts.iter().any(has_side_effect) {
            break;
        }
        // A bare branch changes nothing: decide it on the edge's state.
        // Loads in a skipped block go unexecuted, as libpcap's jump threading
        // skips them: their values decide nothing where the edge lands.
        let after = if block.stmts.is_empty() {
            None
        } else {
            let mut after = state.clone();
            for s in &block.stmts {
                after.exec(values, s);
            }
            Some(after)
        };
        let decider = after.as_ref().unwrap_or(state);
        let outcome = if jt == jf {
            Some(true)
        } else {
            decider.decide(values, code, k)
        };
        let Some(taken) = outcome else { break };
        let next = if taken { jt } else { jf };
        let changed = (0..decider.regs.len())
            .filter(|&r| decider.regs[r] != state.regs[r])
            .fold(0u32, |m, r| m | 1 << r);
        if changed & live_in[next] != 0 {
            break;
        }
        if changed == 0 && jt != jf {
            state.learn_branch(values, code, k, taken);
        }
        target = next;
    }
    target
}

/// A statement that only computes a new A from A, X, constants, memory or the
/// packet: the A values before it feed nothing else.
fn writes_only_a(s: &Insn) -> bool {
    match s.class() {
        BPF_LD => !(s.code & 0xe0 == BPF_ABS && s.k >= SKF_AD_OFF),
        BPF_ALU => !has_side_effect(s),
        BPF_MISC => s.code & 0xf8 == BPF_TXA,
        _ => false,
    }
}

/// For `tax` with A = `base + c`, where `base` can be loaded into X by one
/// instruction and X is read afterwards only by indexed loads (until X is set
/// again): that instruction and the offset `c` to add to those loads. The code
/// generator's `ld #c; ldxb 4*([k]&0xf); add x; tax; ldb [x+k2]` so becomes
/// `ldxb 4*([k]&0xf); ldb [x+k2+c]` once the dead statements go.
fn offset_into_loads(
    values: &Values,
    st: &State,
    rest: &[Insn],
    x_live_after: bool,
) -> Option<(Insn, u32)> {
    let (base, c) = values.split_add(st.regs[A])?;
    let ldx = values.ldx_for(base)?;
    // `add #c` wraps around 32 bits, an indexed load's `x + k` does not: only an
    // offset that cannot wrap moves (`udp[-20]` adds 0xffffffec to the IP header
    // length, which wraps to a small offset).
    values.intrinsic(base).hi.checked_add(c)?;
    for t in rest {
        let (u, d) = uses_defs(t);
        if u & (1 << X) != 0 {
            if !(t.class() == BPF_LD && t.code & 0xe0 == BPF_IND) {
                return None;
            }
            t.k.checked_add(c)?;
        }
        if d & (1 << X) != 0 {
            return Some((ldx, c));
        }
    }
    (!x_live_after).then_some((ldx, c))
}

/// Runs `stmts` on `st`, returning the statements still needed (`x_live_after`:
/// X is read after the block's statements), or `None` when one of them is an
/// indexed load whose known offset ends past 4 GiB, which no packet has (`fddi[-1]`:
/// the block then rejects, as the unoptimized program does, instead of the load
/// being dropped as dead).
fn simplify(
    stmts: &[Insn],
    st: &mut State,
    values: &mut Values,
    x_live_after: bool,
) -> Option<Vec<Insn>> {
    let mut out: Vec<Insn> = Vec::with_capacity(stmts.len());
    // The current run of A-only statements: (index in `out`, A before it).
    let mut run: Vec<(usize, u32)> = Vec::new();
    // An offset moved from X into the indexed loads that follow.
    let mut x_offset: Option<u32> = None;
    for (i, s) in stmts.iter().enumerate() {
        let mut s = *s;
        if s.class() == BPF_MISC && s.code & 0xf8 != BPF_TXA {
            if let Some((ldx, c)) = offset_into_loads(values, st, &stmts[i + 1..], x_live_after) {
                s = ldx;
                x_offset = Some(c);
            }
        } else if let Some(c) = x_offset {
            if s.class() == BPF_LD && s.code & 0xe0 == BPF_IND {
                s.k += c;
            } else if uses_defs(&s).1 & (1 << X) != 0 {
                x_offset = None;
            }
        }
        // A reload from memory of the value the other register holds is a move,
        // which may leave the store dead (`st M[k]; ldx M[k]` is `tax`).
        if s.code & 0xe0 == BPF_MEM
            && let Some(m) = mem_slot(s.k)
        {
            if s.class() == BPF_LDX && st.regs[m] == st.regs[A] {
                s = Insn::stmt(BPF_MISC | BPF_TAX, 0);
            } else if s.class() == BPF_LD && st.regs[m] == st.regs[X] {
                s = Insn::stmt(BPF_MISC | BPF_TXA, 0);
            }
        }
        if s.class() == BPF_LD
            && s.code & 0xe0 == BPF_IND
            && let Some(x) = values.as_const(st.regs[X])
        {
            let size = match s.code & 0x18 {
                0x00 => 4,
                0x08 => 2,
                _ => 1,
            };
            if u64::from(x) + u64::from(s.k) + size > u64::from(u32::MAX) {
                return None;
            }
        }
        let s = &s;
        let before = st.regs[A];
        let effect = st.exec(values, s);
        let kept = match effect {
            Effect::Redundant => continue,
            Effect::ConstA(c) => Insn::stmt(BPF_LD | BPF_IMM, c),
            Effect::WithK(c) => Insn::stmt(s.code & !BPF_X, c),
            Effect::Absolute(k) => Insn::stmt(BPF_LD | BPF_ABS | (s.code & 0x18), k),
            Effect::Keep => *s,
        };
        if !writes_only_a(s) {
            run.clear();
            out.push(kept);
            continue;
        }
        run.push((out.len(), before));
        out.push(kept);
        // A run that gives A back the value it had before it is useless.
        if let Some(i) = run.iter().position(|&(_, v)| v == st.regs[A]) {
            out.truncate(run[i].0);
            run.truncate(i);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::*;

    fn ld(code: u16, k: u32) -> Insn {
        Insn::stmt(code, k)
    }

    #[test]
    fn rebuilding_a_masked_word_is_dropped() {
        // libpcap #110: the second `ld [26]; and #0xffffff00` recomputes A.
        let mut v = Values::default();
        let mut st = State::entry(&mut v);
        let first = [
            ld(BPF_LD | BPF_ABS | BPF_W, 26),
            ld(BPF_ALU | BPF_AND | BPF_K, 0xffff_ff00),
        ];
        assert_eq!(simplify(&first, &mut st, &mut v, false).unwrap().len(), 2);
        assert!(simplify(&first, &mut st, &mut v, false).unwrap().is_empty());
    }

    #[test]
    fn a_run_restoring_a_goes_but_the_store_stays() {
        let mut v = Values::default();
        let mut st = State::entry(&mut v);
        let s = [
            ld(BPF_LD | BPF_ABS | BPF_W, 26),
            ld(BPF_ST, 1),
            ld(BPF_LD | BPF_ABS | BPF_H, 12),
            ld(BPF_LD | BPF_ABS | BPF_W, 26),
        ];
        let out = simplify(&s, &mut st, &mut v, false).unwrap();
        assert_eq!(
            out,
            vec![ld(BPF_LD | BPF_ABS | BPF_W, 26), ld(BPF_ST, 1)],
            "A ends as it was after the first load"
        );
    }

    #[test]
    fn the_ethertype_is_tested_once() {
        // ldh [12]; jeq 0x800 → (ldh [12]; jeq 0x800 → accept | reject) | reject
        let mut cfg = Cfg::new();
        let acc = cfg.add(vec![], Term::Ret(1));
        let rej = cfg.add(vec![], Term::Ret(0));
        let second = cfg.add(
            vec![ld(BPF_LD | BPF_ABS | BPF_H, 12)],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 0x800,
                jt: acc,
                jf: rej,
            },
        );
        let first = cfg.add(
            vec![ld(BPF_LD | BPF_ABS | BPF_H, 12)],
            Term::Branch {
                code: BPF_JMP | BPF_JEQ | BPF_K,
                k: 0x800,
                jt: second,
                jf: rej,
            },
        );
        cfg.entry = first;
        let mut v = Values::default();
        run(&mut cfg, &mut v);
        match cfg.blocks[first].term {
            Term::Branch { jt, jf, .. } => assert_eq!((jt, jf), (acc, rej)),
            t => panic!("{t:?}"),
        }
    }
}
