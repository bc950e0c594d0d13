//! Whether libpcap's optimizer would prove that a filter matches no packet.
//!
//! libpcap refuses such a filter when optimizing ("expression rejects all
//! packets"), and tcpdump with it. rfilter's optimizer proves more (it knows the
//! range of a loaded byte, so `ip proto 256` never matches), and refusing what
//! tcpdump accepts would be as wrong as accepting what it refuses. So the
//! question is asked with libpcap's knowledge only, on the unoptimized program:
//!
//! It follows the two phases of libpcap's optimizer:
//!
//! 1. Jump threading. Values are numbered as libpcap numbers them (the same
//!    load of the same bytes, the same operation on the same values); only
//!    immediate loads are constants; registers and scratch memory are unknown
//!    at entry and where edges bringing different values meet. An edge moves
//!    past a branch it decides (libpcap's `fold_edge`): the same test made on
//!    an edge that dominates it, or a `jeq` after a taken `jeq` of the same
//!    value with another constant; and past a block whose exits agree. Tests
//!    are read through libpcap's peephole rewrites (`sub x; jeq #0` is `jeq x`,
//!    `and #k; jeq #0` is `jset #k`). Repeated until nothing moves; then
//!    libpcap's `or_pullup`/`and_pullup` may move a test of the value every
//!    edge into an `or` (`and`) chain brings up that chain ([`pullup`]), and
//!    threading goes on.
//! 2. Arithmetic on constants is folded (with libpcap's shortcuts: `0 << x` is
//!    0); a test of a constant then leaves by one exit, but no edge moves.
//!
//! libpcap says "rejects all packets" only when the program's root, past
//! blocks whose exits agree, is `ret #0`; so does this. Too large a program
//! is taken as matching something.

use crate::bpf::Insn;
use crate::bpf::insn::*;
use std::collections::HashMap;

mod pullup;

/// Programs longer than this are not examined.
const MAX_INSNS: usize = 4096;
/// Threading rounds before giving up.
const MAX_ROUNDS: usize = 64;

/// A value: an index into the table of expressions.
type Val = u32;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Expr {
    Const(u32),
    /// Size and mode bits, offset, index value (`u32::MAX`: none).
    Load(u16, u32, Val),
    Len,
    Alu(u16, Val, Val),
    Neg(Val),
    /// Register `r` (0 A, 1 X, 2.. scratch) at entry to block `b`, when the edges
    /// into it disagree (or at the program's entry).
    Entry(usize, usize),
}

#[derive(Default)]
struct Table {
    ids: HashMap<Expr, Val>,
    exprs: Vec<Expr>,
}

impl Table {
    fn val(&mut self, e: Expr) -> Val {
        if let Some(&v) = self.ids.get(&e) {
            return v;
        }
        let v = self.exprs.len() as Val;
        self.exprs.push(e);
        self.ids.insert(e, v);
        v
    }
    fn konst(&mut self, c: u32) -> Val {
        self.val(Expr::Const(c))
    }
    fn constant(&self, v: Val) -> Option<u32> {
        match self.exprs[v as usize] {
            Expr::Const(c) => Some(c),
            _ => None,
        }
    }
    fn expr(&self, v: Val) -> Expr {
        self.exprs[v as usize]
    }
}

/// A, X and the scratch cells.
const REGS: usize = 2 + BPF_MEMWORDS as usize;
type Regs = [Val; REGS];

/// What an edge teaches: the edge (block, exit taken), then its test and
/// outcome (value, jump operation, operand value, outcome). libpcap keeps facts
/// as the edges that dominate a block: two edges that teach the same thing are
/// still two edges, and a merge of them knows neither.
type Fact = (usize, bool, Val, u16, Val, bool);

/// How a block ends.
#[derive(Clone, Copy)]
enum End {
    Ret(Insn),
    /// Conditional jump: the instruction, true and false successor blocks.
    Branch(Insn, usize, usize),
    /// Unconditional (`ja`, or falling into the next block).
    Goto(usize),
}

struct Block {
    stmts: Vec<Insn>,
    end: End,
}

/// True if libpcap's optimizer would find that `prog` (unoptimized, jumps
/// forward) rejects every packet.
pub fn libpcap_proves_no_match(prog: &[Insn]) -> bool {
    if prog.is_empty() || prog.len() > MAX_INSNS {
        return false;
    }
    let Some(mut blocks) = split(prog) else {
        return false;
    };
    let mut t = Table::default();
    // First phase: jump threading, with only immediate loads as constants.
    let mut settled = false;
    for _ in 0..MAX_ROUNDS {
        let Some(flow) = Flow::run(&blocks, &mut t, false) else {
            return false;
        };
        let mut moved = false;
        for b in 0..blocks.len() {
            if !flow.reached[b] {
                continue;
            }
            let End::Branch(i, jt, jf) = blocks[b].end else {
                continue;
            };
            // A test of a constant leaves by one exit.
            let (a, x) = (flow.exit[b][0], flow.exit[b][1]);
            let stmts = peephole_view(&blocks, &flow.a_live_out, b);
            let (jt, jf) = match decide(&mut t, &[], a, x, i, stmts) {
                Some(true) if jf != jt => (jt, jt),
                Some(false) if jf != jt => (jf, jf),
                _ => (jt, jf),
            };
            let mut ends = [jt, jf];
            for (n, taken) in [true, false].into_iter().enumerate() {
                let facts = flow.edge(&blocks, &mut t, b, taken);
                ends[n] = thread(&blocks, &flow, &mut t, &facts, ends[n]);
            }
            if let End::Branch(_, ot, of) = blocks[b].end
                && (ot, of) != (ends[0], ends[1])
            {
                moved = true;
                blocks[b].end = End::Branch(i, ends[0], ends[1]);
            }
        }
        if moved {
            continue;
        }
        // Threading has settled: libpcap's pull-ups may reorder a chain so that
        // it can go on. A's value where libpcap does not know it (edges bringing
        // different values, or the entry) is one value for libpcap: its 0.
        let a_exit: Vec<Option<Val>> = (0..blocks.len())
            .map(|b| {
                let v = flow.exit[b][0];
                (!matches!(t.expr(v), Expr::Entry(..))).then_some(v)
            })
            .collect();
        if !pullup::pull_one(&mut blocks, &a_exit, &flow.reached) {
            settled = true;
            break;
        }
        let Some(ordered) = in_topological_order(&blocks) else {
            return false;
        };
        blocks = ordered;
    }
    if !settled {
        return false;
    }
    // Second phase: arithmetic folded; a test of a constant leaves by one exit,
    // but no jump is threaded any more.
    let Some(flow) = Flow::run(&blocks, &mut t, true) else {
        return false;
    };
    for b in 0..blocks.len() {
        if let End::Branch(i, jt, jf) = blocks[b].end
            && flow.reached[b]
        {
            let stmts = peephole_view(&blocks, &flow.a_live_out, b);
            match test(&mut t, flow.exit[b][0], flow.exit[b][1], i, stmts) {
                Err(true) => blocks[b].end = End::Branch(i, jt, jt),
                Err(false) => blocks[b].end = End::Branch(i, jf, jf),
                Ok(_) => {}
            }
        }
    }
    // libpcap's verdict: the root, past blocks whose exits agree, is `ret #0`.
    let mut b = 0;
    for _ in 0..blocks.len() {
        match blocks[b].end {
            End::Goto(to) => b = to,
            End::Branch(_, jt, jf) if jt == jf => b = jt,
            End::Branch(..) => return false,
            End::Ret(i) => return i.code & 0x18 == BPF_K && i.k == 0,
        }
    }
    false
}

/// Follows `target` past every branch the edge's facts decide, and every block
/// whose exits agree.
fn thread(
    blocks: &[Block],
    flow: &Flow,
    t: &mut Table,
    facts: &[Fact],
    mut target: usize,
) -> usize {
    for _ in 0..blocks.len() {
        let End::Branch(i, jt, jf) = blocks[target].end else {
            return target;
        };
        if jt == jf {
            target = jt;
            continue;
        }
        // A block this round's flow did not reach has no values to decide by
        // (the edge into it is one a fact already closed).
        if !flow.reached[target] {
            return target;
        }
        // The target's own value of A, as libpcap numbers it (from its entry
        // values, common to every edge into it).
        let a = flow.exit[target][0];
        let x = flow.exit[target][1];
        match decide(
            t,
            facts,
            a,
            x,
            i,
            peephole_view(blocks, &flow.a_live_out, target),
        ) {
            Some(true) => target = jt,
            Some(false) => target = jf,
            None => return target,
        }
    }
    target
}

/// The test `i` ending a block with statements `stmts` makes on A = `a` (X =
/// `x`), after libpcap's peephole rewrites: (value, operation, operand,
/// negated), or a decided outcome.
///
/// libpcap rewrites the statement right before the jump, so each rewrite takes
/// the block's last remaining statement, which must be the operation it folds:
/// a value computed earlier and carried through scratch memory is not looked
/// into (`0 - 3 = 0` stores `0 - 3` and reloads it before its `sub x`, so
/// libpcap's first phase never sees a test of constants there).
fn test(
    t: &mut Table,
    a: Val,
    x: Val,
    i: Insn,
    stmts: &[Insn],
) -> Result<(Val, u16, Val, bool), bool> {
    let mut op = i.code & 0xf0;
    let mut operand = if i.code & BPF_X != 0 { x } else { t.konst(i.k) };
    let mut v = a;
    let mut negated = false;
    let mut tail = stmts;
    // Each rewrite may expose another (`and #k; sub #0; jeq #0`).
    for _ in 0..4 {
        let (BPF_JEQ, Some(y), false) = (op, t.constant(operand), negated) else {
            break;
        };
        let Some((last, rest)) = tail.split_last() else {
            break;
        };
        // The value's operation (kept without the class bits) is the statement's.
        let folds = |code: u16| {
            last.code == code && matches!(t.expr(v), Expr::Alu(c, ..) if c == code & 0xf8)
        };
        if !(folds(BPF_ALU | BPF_SUB | BPF_K)
            || folds(BPF_ALU | BPF_SUB | BPF_X)
            || folds(BPF_ALU | BPF_AND | BPF_K))
        {
            break;
        }
        tail = rest;
        match t.expr(v) {
            // `sub #c; jeq #y` is `jeq #(y + c)`; `sub x; jeq #0` is `jeq x`.
            Expr::Alu(code, base, b) if code & 0xf0 == BPF_SUB => {
                if let Some(c) = t.constant(b) {
                    v = base;
                    operand = t.konst(y.wrapping_add(c));
                } else if y == 0 {
                    v = base;
                    operand = b;
                } else {
                    break;
                }
            }
            // `and #k; jeq #0` is `jset #k` with its exits swapped.
            Expr::Alu(code, base, b) if code == BPF_AND | BPF_K && y == 0 => {
                v = base;
                op = BPF_JSET;
                operand = b;
                negated = true;
            }
            _ => break,
        }
    }
    if let (Some(av), Some(k)) = (t.constant(v), t.constant(operand)) {
        let r = match op {
            BPF_JEQ => av == k,
            BPF_JGT => av > k,
            BPF_JGE => av >= k,
            _ => av & k != 0,
        };
        return Err(r != negated);
    }
    if op == BPF_JSET
        && let Some(k) = t.constant(operand)
        && (k == 0 || k == u32::MAX)
    {
        return Err((k != 0) != negated);
    }
    Ok((v, op, operand, negated))
}

/// The outcome of branch `i` given `facts` (libpcap's `fold_edge`): the same
/// test made before, or `jeq` after a `jeq` of the same value with another
/// constant was taken.
fn decide(t: &mut Table, facts: &[Fact], a: Val, x: Val, i: Insn, stmts: &[Insn]) -> Option<bool> {
    let (v, op, operand, negated) = match test(t, a, x, i, stmts) {
        Ok(test) => test,
        Err(outcome) => return Some(outcome),
    };
    for &(_, _, fv, fop, fk, taken) in facts {
        if fv != v || fop != op {
            continue;
        }
        if fk == operand {
            return Some(taken != negated);
        }
        if op == BPF_JEQ && taken && t.constant(fk).is_some() && t.constant(operand).is_some() {
            return Some(negated);
        }
    }
    None
}

/// What one round of data flow found: reachable blocks, and register values at
/// each block's entry and exit; facts holding at each block's entry.
struct Flow {
    reached: Vec<bool>,
    exit: Vec<Regs>,
    facts_in: Vec<Vec<Fact>>,
    /// Per block, whether A is read after it before being set (libpcap's
    /// `out_use`).
    a_live_out: Vec<bool>,
}

impl Flow {
    fn run(blocks: &[Block], t: &mut Table, fold: bool) -> Option<Flow> {
        let n = blocks.len();
        let a_live_out = a_live_out(blocks);
        let mut reached = vec![false; n];
        let mut entry: Vec<Option<Regs>> = vec![None; n];
        let mut facts_in: Vec<Option<Vec<Fact>>> = vec![None; n];
        let mut exit: Vec<Regs> = vec![[0; REGS]; n];
        reached[0] = true;
        entry[0] = Some(std::array::from_fn(|r| t.val(Expr::Entry(0, r))));
        facts_in[0] = Some(Vec::new());
        for b in 0..n {
            if !reached[b] {
                continue;
            }
            let mut regs = entry[b]?;
            for (r, reg) in regs.iter_mut().enumerate() {
                if *reg == Val::MAX {
                    *reg = t.val(Expr::Entry(b, r));
                }
            }
            for &s in &blocks[b].stmts {
                step(t, &mut regs, s, fold)?;
            }
            exit[b] = regs;
            let facts = facts_in[b].clone().unwrap_or_default();
            let mut out = |to: usize, fact: Option<Fact>| -> Option<()> {
                if to <= b || to >= n {
                    return None;
                }
                reached[to] = true;
                let mut f = facts.clone();
                if let Some(x) = fact
                    && !f.contains(&x)
                {
                    f.push(x);
                }
                f.sort_unstable();
                match &mut facts_in[to] {
                    Some(acc) => acc.retain(|x| f.binary_search(x).is_ok()),
                    slot => *slot = Some(f),
                }
                match &mut entry[to] {
                    Some(acc) => {
                        for r in 0..REGS {
                            if acc[r] != regs[r] {
                                acc[r] = Val::MAX;
                            }
                        }
                    }
                    slot => *slot = Some(regs),
                }
                Some(())
            };
            match blocks[b].end {
                End::Ret(_) => {}
                End::Goto(to) => out(to, None)?,
                End::Branch(i, jt, jf) => {
                    // A branch decided by constants leaves by one exit only. One
                    // decided by what the edges in teach still leaves by both until
                    // threading moves those edges: libpcap's edge dominators see the
                    // graph as it stands, so where a path that cannot be taken joins
                    // another, what the other taught is lost there too.
                    let stmts = peephole_view(blocks, &a_live_out, b);
                    match decide(t, &[], regs[0], regs[1], i, stmts) {
                        Some(true) => {
                            out(jt, None)?;
                            continue;
                        }
                        Some(false) => {
                            out(jf, None)?;
                            continue;
                        }
                        None => {}
                    }
                    let (ft, ff) = (
                        edge_fact(t, b, &regs, i, stmts, true),
                        edge_fact(t, b, &regs, i, stmts, false),
                    );
                    if jt == jf {
                        out(jt, None)?;
                    } else {
                        out(jt, ft)?;
                        out(jf, ff)?;
                    }
                }
            }
        }
        Some(Flow {
            reached,
            exit,
            facts_in: facts_in
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect(),
            a_live_out,
        })
    }

    /// Facts on the edge leaving block `b` by its `taken` exit.
    fn edge(&self, blocks: &[Block], t: &mut Table, b: usize, taken: bool) -> Vec<Fact> {
        let mut facts = self.facts_in[b].clone();
        if let End::Branch(i, _, _) = blocks[b].end
            && let Some(f) = edge_fact(
                t,
                b,
                &self.exit[b],
                i,
                peephole_view(blocks, &self.a_live_out, b),
                taken,
            )
        {
            facts.push(f);
        }
        facts
    }
}

/// The statements of block `b` that libpcap's peephole may fold into its test:
/// none when A is read after the block (libpcap rewrites a test only where the
/// value it leaves in A is dead).
fn peephole_view<'a>(blocks: &'a [Block], a_live_out: &[bool], b: usize) -> &'a [Insn] {
    if a_live_out[b] { &[] } else { &blocks[b].stmts }
}

/// Per block, whether a block after it reads A before setting it (jumps go
/// forward, so one backward walk settles it).
fn a_live_out(blocks: &[Block]) -> Vec<bool> {
    let n = blocks.len();
    let mut live_in = vec![false; n];
    let mut live_out = vec![false; n];
    for b in (0..n).rev() {
        let (succs, reads_a_at_end) = match blocks[b].end {
            End::Ret(i) => ([None, None], i.code & 0x18 == BPF_A),
            End::Goto(to) => ([Some(to), None], false),
            End::Branch(_, jt, jf) => ([Some(jt), Some(jf)], true),
        };
        live_out[b] = succs
            .into_iter()
            .flatten()
            .any(|s| live_in.get(s) == Some(&true));
        let mut live = live_out[b] || reads_a_at_end;
        for s in blocks[b].stmts.iter().rev() {
            let (reads, writes) = match s.class() {
                BPF_LD => (false, true),
                BPF_ST | BPF_MISC if s.code & 0xf8 != BPF_TXA => (true, false),
                BPF_MISC => (false, true),
                BPF_ALU => (true, true),
                _ => (false, false),
            };
            live = reads || (live && !writes);
        }
        live_in[b] = live;
    }
    live_out
}

/// What leaving block `b` (registers `regs` at its end) by the `taken` exit of
/// its branch `i` teaches, if the test is not decided by constants.
fn edge_fact(
    t: &mut Table,
    b: usize,
    regs: &Regs,
    i: Insn,
    stmts: &[Insn],
    taken: bool,
) -> Option<Fact> {
    let (v, op, k, negated) = test(t, regs[0], regs[1], i, stmts).ok()?;
    Some((b, taken, v, op, k, taken != negated))
}

/// The blocks the entry reaches, renumbered so that every jump goes to a higher
/// index, the entry first (`None` if the jumps make a cycle).
fn in_topological_order(blocks: &[Block]) -> Option<Vec<Block>> {
    let n = blocks.len();
    let succs = |b: usize| match blocks[b].end {
        End::Branch(_, jt, jf) => vec![jt, jf],
        End::Goto(to) => vec![to],
        End::Ret(_) => Vec::new(),
    };
    // Depth-first postorder, without recursion; 1 on the stack, 2 done.
    let mut state = vec![0u8; n];
    let mut post = Vec::with_capacity(n);
    let mut stack = vec![(0usize, 0usize)];
    state[0] = 1;
    while let Some(&mut (b, ref mut next)) = stack.last_mut() {
        let s = succs(b);
        if let Some(&c) = s.get(*next) {
            *next += 1;
            match state[c] {
                0 => {
                    state[c] = 1;
                    stack.push((c, 0));
                }
                1 => return None,
                _ => {}
            }
        } else {
            state[b] = 2;
            post.push(b);
            stack.pop();
        }
    }
    post.reverse();
    let mut index = vec![usize::MAX; n];
    for (new, &old) in post.iter().enumerate() {
        index[old] = new;
    }
    Some(
        post.iter()
            .map(|&old| Block {
                stmts: blocks[old].stmts.clone(),
                end: match blocks[old].end {
                    End::Branch(i, jt, jf) => End::Branch(i, index[jt], index[jf]),
                    End::Goto(to) => End::Goto(index[to]),
                    end => end,
                },
            })
            .collect(),
    )
}

/// The program's basic blocks (`None` if a jump goes backward or out of range).
fn split(prog: &[Insn]) -> Option<Vec<Block>> {
    let n = prog.len();
    let mut leader = vec![false; n + 1];
    leader[0] = true;
    for (pc, i) in prog.iter().enumerate() {
        match i.class() {
            BPF_JMP => {
                let targets = if i.code & 0xf0 == BPF_JA {
                    vec![pc + 1 + i.k as usize]
                } else {
                    vec![pc + 1 + usize::from(i.jt), pc + 1 + usize::from(i.jf)]
                };
                for to in targets {
                    if to >= n {
                        return None;
                    }
                    leader[to] = true;
                }
                leader[pc + 1] = true;
            }
            BPF_RET => leader[pc + 1] = true,
            _ => {}
        }
    }
    let starts: Vec<usize> = (0..n).filter(|&pc| leader[pc]).collect();
    let block_of = |pc: usize| starts.binary_search(&pc).ok();
    let mut blocks = Vec::with_capacity(starts.len());
    for (bi, &start) in starts.iter().enumerate() {
        let stop = starts.get(bi + 1).copied().unwrap_or(n);
        let last = prog[stop - 1];
        let (stmts, end) = match last.class() {
            BPF_RET => (&prog[start..stop - 1], End::Ret(last)),
            BPF_JMP if last.code & 0xf0 == BPF_JA => (
                &prog[start..stop - 1],
                End::Goto(block_of(stop + last.k as usize)?),
            ),
            BPF_JMP => (
                &prog[start..stop - 1],
                End::Branch(
                    last,
                    block_of(stop + usize::from(last.jt))?,
                    block_of(stop + usize::from(last.jf))?,
                ),
            ),
            _ if stop < n => (&prog[start..stop], End::Goto(bi + 1)),
            _ => return None,
        };
        blocks.push(Block {
            stmts: stmts.to_vec(),
            end,
        });
    }
    Some(blocks)
}

/// Runs one statement as libpcap's value numbering sees it (`None` for an
/// instruction this analysis does not know: nothing is proved then).
fn step(t: &mut Table, regs: &mut Regs, i: Insn, fold: bool) -> Option<()> {
    let cell = |k: u32| (k < BPF_MEMWORDS).then_some(2 + k as usize);
    let (a, x) = (regs[0], regs[1]);
    match i.class() {
        BPF_LD | BPF_LDX => {
            let v = match i.code & 0xe0 {
                BPF_IMM => t.konst(i.k),
                BPF_LEN => t.val(Expr::Len),
                BPF_MEM => regs[cell(i.k)?],
                BPF_ABS | BPF_MSH => t.val(Expr::Load(i.code & 0xf8, i.k, u32::MAX)),
                BPF_IND => t.val(Expr::Load(i.code & 0xf8, i.k, x)),
                _ => return None,
            };
            regs[usize::from(i.class() == BPF_LDX)] = v;
        }
        BPF_ST => regs[cell(i.k)?] = a,
        BPF_STX => regs[cell(i.k)?] = x,
        BPF_ALU => regs[0] = alu(t, i, a, x, fold)?,
        BPF_MISC => {
            if i.code & 0xf8 == BPF_TAX {
                regs[1] = a;
            } else {
                regs[0] = x;
            }
        }
        _ => return None,
    }
    Some(())
}

/// A's value after an ALU instruction, with libpcap's simplifications: constants
/// folded, a zero constant operand or a zero accumulator taken into account.
fn alu(t: &mut Table, i: Insn, a: Val, x: Val, folding: bool) -> Option<Val> {
    let op = i.code & 0xf0;
    if !folding {
        let b = if i.code & BPF_X != 0 { x } else { t.konst(i.k) };
        // libpcap numbers `and x` and `and #k` apart until it rewrites the one
        // into the other (second phase).
        return Some(t.val(if op == BPF_NEG {
            Expr::Neg(a)
        } else {
            Expr::Alu(i.code & (0xf0 | BPF_X), a, b)
        }));
    }
    if op == BPF_NEG {
        return Some(match t.constant(a) {
            Some(c) => t.konst(c.wrapping_neg()),
            None => t.val(Expr::Neg(a)),
        });
    }
    let b = if i.code & BPF_X != 0 { x } else { t.konst(i.k) };
    match (t.constant(a), t.constant(b)) {
        (Some(p), Some(q)) => return fold(op, p, q).map(|c| t.konst(c)),
        (_, Some(0)) => match op {
            // libpcap keeps `sub #0`.
            BPF_ADD | BPF_LSH | BPF_RSH | BPF_OR | BPF_XOR => return Some(a),
            BPF_MUL | BPF_AND => return Some(t.konst(0)),
            // libpcap refuses a division by zero.
            BPF_DIV | BPF_MOD => return None,
            _ => {}
        },
        (Some(0), None) => match op {
            BPF_ADD | BPF_OR | BPF_XOR => return Some(b),
            BPF_MUL | BPF_DIV | BPF_MOD | BPF_AND | BPF_LSH | BPF_RSH => return Some(t.konst(0)),
            _ => {}
        },
        _ => {}
    }
    let src = if t.constant(b).is_some() {
        BPF_K
    } else {
        BPF_X
    };
    Some(t.val(Expr::Alu(op | src, a, b)))
}

fn fold(op: u16, x: u32, y: u32) -> Option<u32> {
    Some(match op {
        BPF_ADD => x.wrapping_add(y),
        BPF_SUB => x.wrapping_sub(y),
        BPF_MUL => x.wrapping_mul(y),
        BPF_DIV => x.checked_div(y)?,
        BPF_MOD => x.checked_rem(y)?,
        BPF_AND => x & y,
        BPF_OR => x | y,
        BPF_XOR => x ^ y,
        BPF_LSH => x.checked_shl(y).unwrap_or(0),
        BPF_RSH => x.checked_shr(y).unwrap_or(0),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(code: u16, k: u32, jt: u8, jf: u8) -> Insn {
        Insn { code, jt, jf, k }
    }

    /// `len != 0 || (false and false)` as libpcap generates it: every exit of
    /// the first test reaches a test of a constant.
    #[test]
    fn tests_of_constants_past_an_open_test() {
        let s = Insn::stmt;
        let prog = vec![
            s(BPF_LD | BPF_W | BPF_LEN, 0),
            s(BPF_ST, 0),
            s(BPF_LD | BPF_IMM, 0),
            s(BPF_ST, 1),
            s(BPF_LDX | BPF_MEM, 1),
            s(BPF_LD | BPF_MEM, 0),
            s(BPF_ALU | BPF_SUB | BPF_X, 0),
            j(BPF_JMP | BPF_JEQ, 0, 0, 2),
            s(BPF_LD | BPF_IMM, 1),
            j(BPF_JMP | BPF_JEQ, 0, 0, 3),
            s(BPF_LD | BPF_IMM, 1),
            j(BPF_JMP | BPF_JEQ, 0, 0, 1),
            s(BPF_RET | BPF_K, 262144),
            s(BPF_RET | BPF_K, 0),
        ];
        assert!(libpcap_proves_no_match(&prog));
    }

    /// `mpls and 0 - 3 = 0` as libpcap generates it: `0 - 3` is stored and
    /// reloaded before the `sub x` that compares it with 0, so libpcap's
    /// first phase folds only that `sub x` into the test, never sees two
    /// constants compared, and accepts the filter (its second phase decides the
    /// test but moves no edge).
    #[test]
    fn values_carried_through_scratch_memory_are_not_folded_into_tests() {
        let s = Insn::stmt;
        let arithmetic = [
            s(BPF_LD | BPF_IMM, 0),
            s(BPF_ST, 0),
            s(BPF_LD | BPF_IMM, 3),
            s(BPF_ST, 1),
            s(BPF_LDX | BPF_MEM, 1),
            s(BPF_LD | BPF_MEM, 0),
            s(BPF_ALU | BPF_SUB | BPF_X, 0),
            s(BPF_ST, 1),
            s(BPF_LD | BPF_IMM, 0),
            s(BPF_ST, 2),
            s(BPF_LDX | BPF_MEM, 2),
            s(BPF_LD | BPF_MEM, 1),
            s(BPF_ALU | BPF_SUB | BPF_X, 0),
            j(BPF_JMP | BPF_JEQ, 0, 0, 1),
            s(BPF_RET | BPF_K, 262144),
            s(BPF_RET | BPF_K, 0),
        ];
        let mut guarded = vec![
            s(BPF_LD | BPF_H | BPF_ABS, 12),
            j(BPF_JMP | BPF_JEQ, 0x8847, 0, arithmetic.len() as u8 - 1),
        ];
        guarded.extend(arithmetic);
        assert!(!libpcap_proves_no_match(&guarded));
        // Alone, the test of constants is the root, and the second phase
        // leaves it one exit: libpcap refuses `0 - 3 = 0`.
        assert!(libpcap_proves_no_match(&arithmetic));
    }

    /// libpcap folds `and #k; jeq #0` into `jset #k` only where A is dead
    /// after the block; where a later block reads A the test stays as it is.
    #[test]
    fn a_read_after_a_block_keeps_its_test_unfolded() {
        let s = Insn::stmt;
        let blocks = split(&[
            s(BPF_LD | BPF_B | BPF_ABS, 0),
            s(BPF_ALU | BPF_AND | BPF_K, 1),
            j(BPF_JMP | BPF_JEQ, 0, 0, 1),
            s(BPF_RET | BPF_A, 0),
            s(BPF_RET | BPF_K, 0),
        ])
        .unwrap();
        assert_eq!(a_live_out(&blocks), vec![true, false, false]);
        assert!(peephole_view(&blocks, &a_live_out(&blocks), 0).is_empty());
    }
}
