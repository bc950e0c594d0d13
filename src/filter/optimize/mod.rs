//! The optimizer: small passes over the code generator's control-flow graph
//! ([`crate::filter::cfg`]), each linear or n log n in the size of the graph, so
//! that filters of thousands of terms compile in milliseconds (libpcap's optimizer
//! iterates to a fixpoint with quadratic passes: minutes for 1000 hosts).
//!
//! - `forward`: value numbering, redundant loads, constant folding, jump threading;
//! - `liveness`: dead statements;
//! - `cleanup`: empty jumps, merging, identical blocks and tails, layout;
//! - `peephole`: mask-and-compare to `jset`;
//! - `ranges`: two comparisons with constants that pick out one value become one;
//! - `orgroup`: or-chains of compound terms grouped by the value their guards test;
//! - `conjuncts`: conjunctions that reject on failure test their most selective
//!   conjunct first (fewer instructions run; kept only when no longer);
//! - `order`: IPv4 tested before IPv6 (likely cases first);
//! - `sets`: search trees for long chains of comparisons with constants;
//! - `twins`: fixed-offset regions (IPv6) jump into their indexed twins (IPv4);
//! - `crossjump`: blocks that end alike share their common end;
//! - `fuse`: two rejecting tests on bytes within one word become one;
//! - `narrow`: a load masked to one or two whole bytes loads only those;
//! - `layout`: emission in the optimizer's block order.

mod cleanup;
mod conjuncts;
mod cost;
mod crossjump;
mod forward;
mod fuse;
mod fxhash;
mod layout;
mod liveness;
mod narrow;
mod order;
mod orgroup;
mod peephole;
mod ranges;
mod sets;
mod state;
mod twins;
mod values;

use crate::bpf::Insn;
use crate::bpf::insn::{BPF_IMM, BPF_LD, BPF_ST};
use crate::filter::cfg::{Cfg, Term};

/// Optimizes `cfg` and emits it in the optimizer's layout: libpcap's (true exits
/// fall through), or false exits falling through when that is shorter (big search
/// trees need fewer long-jump trampolines that way).
///
/// A third layout explores the likelier exit of each branch first
/// (`cleanup::compact_likely_first`); it is taken when it is no longer and runs
/// fewer `ja` on likely paths (an IPv4 port test then falls into the tail it
/// shares with IPv6 instead of jumping to it).
///
/// The graph with its conjunctions reordered is taken when its program is no
/// longer than the other's (reordering can cost the IPv4 and IPv6 branches the
/// tail they shared).
pub fn compile(cfg: &Cfg) -> Result<Vec<Insn>, String> {
    let (plain, reordered) = optimize_variants(cfg);
    let plain = emit_best(&plain)?;
    let best = match reordered {
        Some(r) => {
            let r = emit_best(&r)?;
            // Fewer instructions run, at the price of one more instruction in the
            // program only when that saves at least one run per packet (the
            // shared IPv4/IPv6 port test of `twins` is one shorter, but tests the
            // port after the protocol and fragment).
            let trade = r.len() == plain.len() + 1
                && cost::expected_run(&plain) - cost::expected_run(&r) >= RUN_PER_INSN;
            if r.len() <= plain.len() || trade {
                r
            } else {
                plain
            }
        }
        None => plain,
    };
    Ok(zero_unstored_scratch(best))
}

/// Instructions run per packet (by [`cost::expected_run`]'s guess) that one more
/// instruction in the program must save to be taken.
const RUN_PER_INSN: f64 = 1.0;

/// The shortest of the layouts of an optimized graph.
fn emit_best(opt: &Cfg) -> Result<Vec<Insn>, String> {
    let libpcap_like = cleanup::compact(opt, false);
    let a = layout::emit(&libpcap_like)?;
    let b = layout::emit(&cleanup::compact(opt, true))?;
    let likely = cleanup::compact_likely_first(opt, &layout::likelihoods(opt));
    let c = layout::emit(&likely)?;
    Ok(
        if c.len() <= a.len()
            && c.len() <= b.len()
            && layout::jump_cost(&likely) < layout::jump_cost(&libpcap_like) - 1e-9
        {
            c
        } else if b.len() < a.len() {
            b
        } else {
            a
        },
    )
}

/// Prepends `ld #0; st M[k]` for every scratch cell some path reads before storing.
///
/// The passes treat scratch memory as zero at entry, as the interpreters do, and so
/// may drop the zeroing stores code generation put there (`geneve` offsets); the
/// kernel refuses such reads. A is zero at entry, and jumps are relative, so the
/// prefix changes no verdict and no jump.
fn zero_unstored_scratch(prog: Vec<Insn>) -> Vec<Insn> {
    let cells = crate::bpf::verify::unstored_scratch_reads(&prog);
    if cells == 0 {
        return prog;
    }
    let mut out = vec![Insn::stmt(BPF_LD | BPF_IMM, 0)];
    out.extend(
        (0..16u32)
            .filter(|k| cells & (1 << k) != 0)
            .map(|k| Insn::stmt(BPF_ST, k)),
    );
    out.extend(prog);
    out
}

/// Optimizes `cfg` (not yet laid out: see [`compile`]). The result gives the same
/// verdict on every whole packet. Like libpcap's optimizer, the passes treat packet
/// loads as pure: a load whose value cannot change the verdict goes, and or-chains
/// are regrouped, so on a packet cut short the verdict may be the one the whole
/// packet gets where the unoptimized program would have rejected it (tests check
/// exactly that: the unoptimized verdict on the packet completed with other bytes).
pub fn optimize(cfg: &Cfg) -> Cfg {
    let (plain, reordered) = optimize_variants(cfg);
    reordered.unwrap_or(plain)
}

/// The optimized graph, and a second one with conjunctions reordered
/// ([`conjuncts`]) when that pass finds anything to move.
fn optimize_variants(cfg: &Cfg) -> (Cfg, Option<Cfg>) {
    let mut cfg = cfg.clone();
    // The passes know one form of unconditional jump: a branch whose exits agree.
    for b in &mut cfg.blocks {
        if let Term::Goto(t) = b.term {
            b.term = Term::Branch {
                code: crate::bpf::insn::BPF_JMP | crate::bpf::insn::BPF_JEQ,
                k: 0,
                jt: t,
                jf: t,
            };
        }
    }
    let mut values = values::Values::default();
    // A later round sees what the previous one's dead statements hid (a store and
    // reload of the same value once the statements in between are gone); a round
    // that changes nothing ends them.
    for round in 0..3 {
        let before = (round > 0).then(|| cfg.clone());
        forward::run(&mut cfg, &mut values);
        // Threading leaves most of a big filter's blocks unreachable; the
        // passes after it then walk a third of the ids.
        cleanup::drop_unreachable(&mut cfg);
        liveness::remove_dead(&mut cfg);
        tidy(&mut cfg);
        // `sub #6; jeq #0` → `jeq #6` lets the next round see the tested value.
        peephole::run(&mut cfg);
        if ranges::run(&mut cfg) {
            tidy(&mut cfg);
        }
        // Unreachable blocks would make a round that changed nothing differ.
        cleanup::drop_unreachable(&mut cfg);
        if before.is_some_and(|b| b == cfg) {
            break;
        }
    }
    if orgroup::run(&mut cfg) {
        // Rests the regrouping made identical become one (a set's tests then
        // share their hit).
        cleanup::share_identical(&mut cfg);
    }
    let mut reordered = cfg.clone();
    let moved = conjuncts::run(&mut reordered);
    let finish = |mut cfg: Cfg| {
        // Before the search trees, which then compare the narrowed value.
        narrow::run(&mut cfg);
        order::run(&mut cfg);
        // Last: the trees' exit copies must not be shared or skipped again.
        sets::run(&mut cfg);
        twins::run(&mut cfg);
        // Blocks that end alike share their end (the IPv4 and ARP halves of
        // `net 10/8` mask and compare one loaded word).
        crossjump::run(&mut cfg);
        fuse::run(&mut cfg);
        liveness::release_loop_cells(&mut cfg);
        cfg
    };
    let plain = finish(cfg);
    (plain, moved.then(|| finish(reordered)))
}

/// Cleanup rounds; each is linear, two catch what one round's merges expose.
fn tidy(cfg: &mut Cfg) {
    for _ in 0..2 {
        cleanup::fold_uniform(cfg);
        cleanup::skip_empty_jumps(cfg);
        cleanup::share_identical(cfg);
        cleanup::merge_jumps(cfg);
    }
}

/// Each block's distinct predecessors among the blocks of `order` (in `order`'s
/// order; an unconditional branch counts once).
fn predecessors(
    cfg: &Cfg,
    order: &[crate::filter::cfg::BlockId],
) -> Vec<Vec<crate::filter::cfg::BlockId>> {
    let mut preds = vec![Vec::new(); cfg.blocks.len()];
    for &b in order {
        let mut s = cfg.blocks[b].term.successors();
        s.dedup();
        for t in s {
            preds[t].push(b);
        }
    }
    preds
}

/// The reachable blocks in a topological order (reverse postorder of a depth-first
/// walk, linear). `Err` if a target is out of range or the graph has a cycle.
fn topo(cfg: &Cfg) -> Result<Vec<crate::filter::cfg::BlockId>, ()> {
    let n = cfg.blocks.len();
    if cfg.entry >= n {
        return Err(());
    }
    let mut seen = vec![false; n];
    let mut post = Vec::new();
    let mut stack = vec![(cfg.entry, 0usize)];
    seen[cfg.entry] = true;
    while let Some(&mut (b, ref mut i)) = stack.last_mut() {
        let succ = cfg.blocks[b].term.successors();
        if let Some(&s) = succ.get(*i) {
            *i += 1;
            if s >= n {
                return Err(());
            }
            if !seen[s] {
                seen[s] = true;
                stack.push((s, 0));
            }
        } else {
            post.push(b);
            stack.pop();
        }
    }
    post.reverse();
    let mut pos = vec![usize::MAX; n];
    for (i, &b) in post.iter().enumerate() {
        pos[b] = i;
    }
    let forward = post.iter().all(|&b| {
        cfg.blocks[b]
            .term
            .successors()
            .iter()
            .all(|&s| pos[s] > pos[b])
    });
    if forward { Ok(post) } else { Err(()) }
}
