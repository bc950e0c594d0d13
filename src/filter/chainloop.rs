//! `protochain`'s header walk as a loop: one opaque pseudo-statement in the
//! control-flow graph, expanded into classic BPF with a backward `ja` only when the
//! program is laid out.
//!
//! The optimizer's passes assume an acyclic graph, so the loop never appears in it
//! as blocks: a block holds one statement with code [`LOOP_CODE`] (not a classic BPF
//! opcode) whose `k` indexes [`super::cfg::Cfg::loops`]. The statement reads A (the
//! first next-header value) and X (the offset of the header after the IP header,
//! from the link-layer payload), and leaves in A the protocol where the walk
//! stopped, in X the offset reached, and in its scratch cell the last next header
//! it read (untouched if it read none), as libpcap's loop does. It loads
//! packet bytes, so it may reject the packet: the passes never drop or move it
//! (see `optimize/state.rs`).
//!
//! Expanded, the loop is position-independent: its jumps are relative, and every
//! exit lands on the instruction right after it. The kernel refuses backward
//! jumps, so programs for `SO_ATTACH_FILTER` unroll the walk instead
//! (`CompileOptions::for_kernel`, `codegen/ip.rs`).

use crate::bpf::Insn;
use crate::bpf::insn::*;

/// Statement code of the pseudo-statement: class `BPF_RET` with mode bits no
/// return uses, so no pass takes it for a load, store, ALU operation or move.
pub const LOOP_CODE: u16 = 0xf0 | BPF_RET;

const IPPROTO_HOPOPTS: u32 = 0;
const IPPROTO_ROUTING: u32 = 43;
const IPPROTO_FRAGMENT: u32 = 44;
const IPPROTO_AH: u32 = 51;
const IPPROTO_NONE: u32 = 59;
const IPPROTO_DSTOPTS: u32 = 60;

/// What one loop needs to be expanded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChainLoop {
    /// IPv6 (extension headers and AH) or IPv4 (AH only).
    pub v6: bool,
    /// Offset of the IP header in the packet (indexed loads are `[x + base]`).
    pub base: u32,
    /// The protocol looked for: the walk stops on it.
    pub proto: u32,
    /// Scratch cell the walk keeps the next header in.
    pub cell: u32,
    /// Whether the cell must end holding the last next header read, as libpcap's
    /// loop leaves it; the optimizer clears this when nothing reads the cell
    /// after the loop, and the short loop then stores it once per header, not
    /// twice.
    pub keep_cell: bool,
}

/// Whether `s` is the pseudo-statement.
pub fn is_loop(s: &Insn) -> bool {
    s.code == LOOP_CODE
}

/// The pseudo-statement for loop number `index` of the graph. Its `jt` repeats the
/// scratch cell, so that the passes, which see one statement at a time, know which
/// cell it clobbers.
pub fn pseudo(index: usize, l: &ChainLoop) -> Insn {
    Insn::jump(LOOP_CODE, index as u32, l.cell as u8, 0)
}

/// The scratch cell the pseudo-statement `s` writes.
pub fn cell(s: &Insn) -> u32 {
    u32::from(s.jt)
}

/// Builds a position-independent instruction list: jumps to labels, then
/// resolved relative to each jump's position.
struct Asm {
    out: Vec<Insn>,
    /// (instruction index, jt label, jf label) for conditional jumps; (index,
    /// label, label) with equal labels for `ja`.
    fixups: Vec<(usize, usize, usize)>,
    labels: Vec<Option<usize>>,
}

/// The label of the instruction after the loop.
const END: usize = 0;

impl Asm {
    fn new() -> Asm {
        Asm {
            out: Vec::new(),
            fixups: Vec::new(),
            labels: vec![None],
        }
    }
    fn label(&mut self) -> usize {
        self.labels.push(None);
        self.labels.len() - 1
    }
    fn here(&mut self, l: usize) {
        self.labels[l] = Some(self.out.len());
    }
    fn s(&mut self, code: u16, k: u32) {
        self.out.push(Insn::stmt(code, k));
    }
    /// `jeq #k`; `None` falls through to the next instruction.
    fn jeq(&mut self, k: u32, jt: Option<usize>, jf: Option<usize>) {
        let next = self.label();
        self.fixups
            .push((self.out.len(), jt.unwrap_or(next), jf.unwrap_or(next)));
        self.out
            .push(Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, k, 0, 0));
        self.here(next);
    }
    fn ja(&mut self, l: usize) {
        self.fixups.push((self.out.len(), l, l));
        self.out.push(Insn::stmt(BPF_JMP | BPF_JA, 0));
    }
    fn finish(mut self) -> Vec<Insn> {
        let len = self.out.len();
        self.labels[END] = Some(len);
        let at = |l: usize| self.labels[l].unwrap_or(len);
        for &(i, t, f) in &self.fixups {
            let from = i + 1;
            let insn = &mut self.out[i];
            if insn.code == BPF_JMP | BPF_JA {
                // Two's complement: a backward jump is a "negative" k, as libpcap
                // writes it (the interpreter sign-extends).
                insn.k = (at(t) as u32).wrapping_sub(from as u32);
            } else {
                // Conditional jumps only go forward, and within 255.
                insn.jt = (at(t) - from) as u8;
                insn.jf = (at(f) - from) as u8;
            }
        }
        self.out
    }
}

/// The loop as libpcap 1.10 emits it (unoptimized listings are libpcap's,
/// instruction for instruction), including its AH arithmetic: the next offset is
/// `(AH length + 2) * 4` from the IP header, not from the AH header.
pub fn expand_libpcap(l: &ChainLoop) -> Vec<Insn> {
    let mut a = Asm::new();
    let top = a.label();
    let ah = a.label();
    a.here(top);
    a.jeq(l.proto, Some(END), None);
    a.jeq(IPPROTO_NONE, Some(END), None);
    if l.v6 {
        let adv = a.label();
        let ahcheck = a.label();
        a.jeq(IPPROTO_HOPOPTS, Some(adv), None);
        a.jeq(IPPROTO_DSTOPTS, Some(adv), None);
        a.jeq(IPPROTO_ROUTING, Some(adv), None);
        a.jeq(IPPROTO_FRAGMENT, Some(adv), Some(ahcheck));
        a.here(adv);
        a.s(BPF_LD | BPF_IND | BPF_B, l.base);
        a.s(BPF_ST, l.cell);
        a.s(BPF_LD | BPF_IND | BPF_B, l.base.wrapping_add(1));
        a.s(BPF_ALU | BPF_ADD | BPF_K, 1);
        a.s(BPF_ALU | BPF_MUL | BPF_K, 8);
        a.s(BPF_ALU | BPF_ADD | BPF_X, 0);
        a.s(BPF_MISC | BPF_TAX, 0);
        a.s(BPF_LD | BPF_MEM, l.cell);
        a.ja(top);
        a.here(ahcheck);
    } else {
        // libpcap's placeholder where the IPv6 tests go.
        a.s(BPF_ALU | BPF_ADD | BPF_K, 0);
    }
    a.jeq(IPPROTO_AH, Some(ah), Some(END));
    a.here(ah);
    a.s(BPF_MISC | BPF_TXA, 0);
    a.s(BPF_LD | BPF_IND | BPF_B, l.base);
    a.s(BPF_ST, l.cell);
    a.s(BPF_MISC | BPF_TXA, 0);
    a.s(BPF_ALU | BPF_ADD | BPF_K, 1);
    a.s(BPF_MISC | BPF_TAX, 0);
    a.s(BPF_LD | BPF_IND | BPF_B, l.base);
    a.s(BPF_ALU | BPF_ADD | BPF_K, 2);
    a.s(BPF_ALU | BPF_MUL | BPF_K, 4);
    a.s(BPF_MISC | BPF_TAX, 0);
    a.s(BPF_LD | BPF_MEM, l.cell);
    a.ja(top);
    a.finish()
}

/// The same walk, shorter, for optimized programs. Every iteration makes the same
/// loads as libpcap's (possibly in another order: either failing rejects the
/// packet, so the order does not matter), computes the same A and X, and leaves on
/// the same headers:
/// - no test for "no next header" (59): it is neither the protocol looked for
///   (tested first) nor a header the walk follows, so it leaves anyway;
/// - the length arithmetic first, then the next header, so that A need not be
///   copied around X: `ldb [x+base+1]; …; st M; ldb [x+base]; ldx M; st M` (the
///   last store leaves the next header in the cell, as libpcap's loop does; it is
///   left out when nothing reads the cell after the loop, [`ChainLoop::keep_cell`]);
/// - IPv6 extension headers and AH share that tail.
pub fn expand_short(l: &ChainLoop) -> Vec<Insn> {
    let mut a = Asm::new();
    let top = a.label();
    let ah = a.label();
    let tail = a.label();
    a.here(top);
    a.jeq(l.proto, Some(END), None);
    if l.v6 {
        let adv = a.label();
        a.jeq(IPPROTO_HOPOPTS, Some(adv), None);
        a.jeq(IPPROTO_DSTOPTS, Some(adv), None);
        a.jeq(IPPROTO_ROUTING, Some(adv), None);
        a.jeq(IPPROTO_FRAGMENT, Some(adv), None);
        a.jeq(IPPROTO_AH, Some(ah), Some(END));
        a.here(ah);
        a.s(BPF_LD | BPF_IND | BPF_B, l.base.wrapping_add(1));
        a.s(BPF_ALU | BPF_ADD | BPF_K, 2);
        a.s(BPF_ALU | BPF_MUL | BPF_K, 4);
        a.ja(tail);
        a.here(adv);
        a.s(BPF_LD | BPF_IND | BPF_B, l.base.wrapping_add(1));
        a.s(BPF_ALU | BPF_ADD | BPF_K, 1);
        a.s(BPF_ALU | BPF_MUL | BPF_K, 8);
        a.s(BPF_ALU | BPF_ADD | BPF_X, 0);
    } else {
        a.jeq(IPPROTO_AH, Some(ah), Some(END));
        a.here(ah);
        a.s(BPF_LD | BPF_IND | BPF_B, l.base.wrapping_add(1));
        a.s(BPF_ALU | BPF_ADD | BPF_K, 2);
        a.s(BPF_ALU | BPF_MUL | BPF_K, 4);
    }
    a.here(tail);
    a.s(BPF_ST, l.cell);
    a.s(BPF_LD | BPF_IND | BPF_B, l.base);
    a.s(BPF_LDX | BPF_MEM, l.cell);
    if l.keep_cell {
        // The cell ends holding the next header, as libpcap's loop leaves it: a
        // later test may read that cell (libpcap hands the same register to
        // `geneve`).
        a.s(BPF_ST, l.cell);
    }
    a.ja(top);
    a.finish()
}

/// Instructions `s` takes once emitted (`short`: [`expand_short`]), given the
/// graph's loop table.
pub fn emitted_len(s: &Insn, loops: &[ChainLoop], short: bool) -> usize {
    if !is_loop(s) {
        return 1;
    }
    match loops.get(s.k as usize) {
        Some(l) if short => expand_short(l).len(),
        Some(l) => expand_libpcap(l).len(),
        None => 0,
    }
}

/// Appends `stmts` to `out`, expanding loops (`short`: [`expand_short`]). `Err` for
/// a pseudo-statement with no loop in the table.
pub fn emit_stmts(
    stmts: &[Insn],
    loops: &[ChainLoop],
    short: bool,
    out: &mut Vec<Insn>,
) -> Result<(), String> {
    for s in stmts {
        if !is_loop(s) {
            out.push(*s);
            continue;
        }
        let l = loops
            .get(s.k as usize)
            .ok_or("protochain loop missing from the table")?;
        out.extend(if short {
            expand_short(l)
        } else {
            expand_libpcap(l)
        });
    }
    Ok(())
}

/// Instructions `stmts` take once emitted.
pub fn stmts_len(stmts: &[Insn], loops: &[ChainLoop], short: bool) -> usize {
    stmts.iter().map(|s| emitted_len(s, loops, short)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::vm;

    fn wrap(body: Vec<Insn>, v6: bool, proto: u32) -> Vec<Insn> {
        // Raw IP: first next header and X as the code generator sets them, then
        // the loop, then `jeq #proto` → accept.
        let mut p = if v6 {
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 6),
                Insn::stmt(BPF_LDX | BPF_IMM, 40),
            ]
        } else {
            vec![
                Insn::stmt(BPF_LD | BPF_ABS | BPF_B, 9),
                Insn::stmt(BPF_LDX | BPF_MSH | BPF_B, 0),
            ]
        };
        p.extend(body);
        p.push(Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, proto, 0, 1));
        p.push(Insn::stmt(BPF_RET | BPF_K, 1));
        p.push(Insn::stmt(BPF_RET | BPF_K, 0));
        p
    }

    /// A small deterministic generator (no dependency for tests).
    fn next(seed: &mut u64) -> u64 {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed
    }

    /// Random IPv4/IPv6 headers followed by chains of extension headers, some
    /// truncated: both expansions give the same verdict on each.
    #[test]
    fn short_form_agrees_with_libpcaps() {
        let hdrs = [0u8, 60, 43, 44, 51, 59, 6, 17, 58, 99];
        let mut seed = 0x1234_5678_9abc_def0u64;
        let mut checked = 0;
        for _ in 0..4000 {
            let v6 = next(&mut seed) & 1 == 0;
            let mut pkt = vec![0u8; if v6 { 40 } else { 20 }];
            if !v6 {
                pkt[0] = 0x40 | (5 + (next(&mut seed) % 3) as u8);
                pkt.resize(usize::from(pkt[0] & 0xf) * 4, 0);
            }
            let first = hdrs[(next(&mut seed) % hdrs.len() as u64) as usize];
            pkt[if v6 { 6 } else { 9 }] = first;
            for _ in 0..(next(&mut seed) % 6) {
                let nh = hdrs[(next(&mut seed) % hdrs.len() as u64) as usize];
                let len = (next(&mut seed) % 4) as u8;
                pkt.extend_from_slice(&[nh, len, 0, 0, 0, 0, 0, 0]);
                pkt.extend(std::iter::repeat_n(0, usize::from(len) * 8));
            }
            let cut = (next(&mut seed) % (pkt.len() as u64 + 8)) as usize;
            let data = &pkt[..cut.min(pkt.len())];
            for proto in [6, 17, 51, 44, 59, 0] {
                let l = ChainLoop {
                    v6,
                    base: 0,
                    proto,
                    cell: 3,
                    keep_cell: true,
                };
                let long = wrap(expand_libpcap(&l), v6, proto);
                let short = wrap(expand_short(&l), v6, proto);
                assert!(short.len() < long.len());
                let wire = data.len() as u32;
                assert_eq!(
                    vm::run(&long, data, wire),
                    vm::run(&short, data, wire),
                    "v6 {v6} proto {proto} packet {data:02x?}"
                );
                // What the walk leaves in A, X and its cell (another test may
                // read them) is the same too; 1 + value, as 0 means rejected.
                for leaves in [
                    vec![Insn::stmt(BPF_ALU | BPF_ADD | BPF_K, 1)],
                    vec![
                        Insn::stmt(BPF_MISC | BPF_TXA, 0),
                        Insn::stmt(BPF_ALU | BPF_ADD | BPF_K, 1),
                    ],
                    vec![
                        Insn::stmt(BPF_LD | BPF_MEM, 3),
                        Insn::stmt(BPF_ALU | BPF_ADD | BPF_K, 1),
                    ],
                ] {
                    let end = |body: Vec<Insn>| {
                        let mut p = wrap(body, v6, proto);
                        p.truncate(p.len() - 3);
                        p.extend(leaves.iter().copied());
                        p.push(Insn::stmt(BPF_RET | BPF_A, 0));
                        p
                    };
                    assert_eq!(
                        vm::run(&end(expand_libpcap(&l)), data, wire),
                        vm::run(&end(expand_short(&l)), data, wire),
                        "v6 {v6} proto {proto} leaves {leaves:?} packet {data:02x?}"
                    );
                    // Without the cell kept, A and X are still the same.
                    let dead = ChainLoop {
                        keep_cell: false,
                        ..l
                    };
                    if leaves[0].code != BPF_LD | BPF_MEM {
                        assert_eq!(
                            vm::run(&end(expand_libpcap(&l)), data, wire),
                            vm::run(&end(expand_short(&dead)), data, wire),
                            "cell dropped: v6 {v6} proto {proto} leaves {leaves:?}"
                        );
                    }
                }
                checked += 1;
            }
        }
        assert_eq!(checked, 24000);
    }

    /// libpcap's AH arithmetic measures from the IP header, so an AH header of
    /// length 3 right after a 20-byte IPv4 header sends the walk back to itself:
    /// libpcap would loop forever; the interpreter's budget of backward jumps ends
    /// the run with a reject, for both expansions alike.
    #[test]
    fn a_walk_that_does_not_advance_ends_in_a_reject() {
        let mut pkt = vec![
            0x45, 0, 0, 0, 0, 0, 0, 0, 64, 51, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
        ];
        pkt.extend_from_slice(&[51, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let l = ChainLoop {
            v6: false,
            base: 0,
            proto: 6,
            cell: 0,
            keep_cell: true,
        };
        for body in [expand_libpcap(&l), expand_short(&l)] {
            let prog = wrap(body, false, 6);
            assert_eq!(vm::run(&prog, &pkt, pkt.len() as u32), 0);
        }
        // The same header with next header TCP is found.
        pkt[20] = 6;
        let prog = wrap(expand_short(&l), false, 6);
        assert_eq!(vm::run(&prog, &pkt, pkt.len() as u32), 1);
    }

    #[test]
    fn expansions_are_position_independent_loops() {
        for v6 in [false, true] {
            let l = ChainLoop {
                v6,
                base: 14,
                proto: 6,
                cell: 1,
                keep_cell: true,
            };
            for body in [expand_libpcap(&l), expand_short(&l)] {
                let n = body.len();
                for (i, s) in body.iter().enumerate() {
                    if s.code == BPF_JMP | BPF_JA {
                        // Back to the top, or forward inside the loop.
                        let to = (i as u32 + 1).wrapping_add(s.k);
                        assert!(to == 0 || (to as usize) < n, "ja at {i} to {to}");
                    } else if s.class() == BPF_JMP {
                        assert!(i + 1 + usize::from(s.jt) <= n);
                        assert!(i + 1 + usize::from(s.jf) <= n);
                    }
                }
            }
        }
        let l = ChainLoop {
            v6: true,
            base: 14,
            proto: 6,
            cell: 1,
            keep_cell: true,
        };
        assert_eq!(expand_libpcap(&l).len(), 28);
        assert_eq!(expand_short(&l).len(), 19);
        let dead = ChainLoop {
            keep_cell: false,
            ..l
        };
        assert_eq!(expand_short(&dead).len(), 18);
    }
}
