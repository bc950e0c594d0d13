//! The code generator's intermediate form: a control-flow graph of basic blocks.
//!
//! Each [`Block`] holds straight-line statements (loads, stores, ALU, `tax`/`txa`:
//! every classic BPF instruction that neither jumps nor returns) and ends in a
//! [`Term`]: a conditional jump to two successor blocks, or a return. Blocks live in
//! one vector and refer to each other by [`BlockId`], so passes can walk, rewrite and
//! drop blocks without ownership puzzles. The graph must be acyclic (classic BPF only
//! jumps forward); [`Cfg::topo_order`] checks that and gives an emission order.
//! `protochain`'s loop is one statement of a block ([`super::chainloop`]), expanded
//! only when the program is emitted.

use super::chainloop::{self, ChainLoop};
use crate::bpf::Insn;
use crate::bpf::insn::{BPF_JMP, BPF_K, BPF_X};

/// Index of a block in [`Cfg::blocks`].
pub type BlockId = usize;

/// A jump target not yet known while a fragment is being built.
pub const UNSET: BlockId = usize::MAX;

/// How a block ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Term {
    /// `ret #k`.
    Ret(u32),
    /// Continue with another block: nothing when it is laid out next, else `ja`.
    Goto(BlockId),
    /// `code` is `BPF_JMP | op | src` with op one of `BPF_JEQ`, `BPF_JGT`, `BPF_JGE`,
    /// `BPF_JSET` and src `BPF_K` (compare with `k`) or `BPF_X`.
    Branch {
        /// The jump opcode (`BPF_JMP | op | src`).
        code: u16,
        /// The constant compared with A when the source is `BPF_K`.
        k: u32,
        /// Where control goes when the comparison holds.
        jt: BlockId,
        /// Where control goes when it does not.
        jf: BlockId,
    },
}

impl Term {
    /// A conditional jump comparing A with the constant `k`; `op` is e.g. `BPF_JEQ`.
    pub fn cmp_k(op: u16, k: u32) -> Term {
        Term::Branch {
            code: BPF_JMP | op | BPF_K,
            k,
            jt: UNSET,
            jf: UNSET,
        }
    }
    /// `jeq #k` to `jt` when A equals `k`, else to `jf`.
    pub fn jeq(k: u32, jt: BlockId, jf: BlockId) -> Term {
        Term::Branch {
            code: BPF_JMP | crate::bpf::insn::BPF_JEQ | BPF_K,
            k,
            jt,
            jf,
        }
    }
    /// For `jeq #k` with distinct exits: `(k, jt, jf)`.
    pub fn as_jeq(&self) -> Option<(u32, BlockId, BlockId)> {
        match *self {
            Term::Branch { code, k, jt, jf }
                if code == BPF_JMP | crate::bpf::insn::BPF_JEQ | BPF_K && jt != jf =>
            {
                Some((k, jt, jf))
            }
            _ => None,
        }
    }
    /// A conditional jump comparing A with X.
    pub fn cmp_x(op: u16) -> Term {
        Term::Branch {
            code: BPF_JMP | op | BPF_X,
            k: 0,
            jt: UNSET,
            jf: UNSET,
        }
    }
    /// The successors (true first), none for a return.
    pub fn successors(&self) -> Succs {
        match *self {
            Term::Ret(_) => Succs {
                ids: [0; 2],
                len: 0,
            },
            Term::Goto(t) => Succs {
                ids: [t; 2],
                len: 1,
            },
            Term::Branch { jt, jf, .. } => Succs {
                ids: [jt, jf],
                len: 2,
            },
        }
    }
}

/// A block's successors, without allocating (the passes ask for them in their
/// inner loops).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Succs {
    ids: [BlockId; 2],
    len: usize,
}

impl Succs {
    /// Drops the second successor when it repeats the first.
    pub fn dedup(&mut self) {
        if self.len == 2 && self.ids[0] == self.ids[1] {
            self.len = 1;
        }
    }

    /// Keeps the successors `keep` accepts.
    pub fn retain(&mut self, keep: impl Fn(BlockId) -> bool) {
        let mut n = 0;
        for i in 0..self.len {
            if keep(self.ids[i]) {
                self.ids[n] = self.ids[i];
                n += 1;
            }
        }
        self.len = n;
    }
}

impl std::ops::Deref for Succs {
    type Target = [BlockId];
    fn deref(&self) -> &[BlockId] {
        &self.ids[..self.len]
    }
}

impl std::ops::DerefMut for Succs {
    fn deref_mut(&mut self) -> &mut [BlockId] {
        &mut self.ids[..self.len]
    }
}

impl IntoIterator for Succs {
    type Item = BlockId;
    type IntoIter = std::iter::Take<std::array::IntoIter<BlockId, 2>>;
    fn into_iter(self) -> Self::IntoIter {
        self.ids.into_iter().take(self.len)
    }
}

/// Straight-line statements followed by a terminator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Loads, stores, ALU and register moves, run in order.
    pub stmts: Vec<Insn>,
    /// The jump or return that ends the block.
    pub term: Term,
}

/// A whole program: blocks and the entry block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cfg {
    /// Every block, indexed by [`BlockId`]; some may be unreachable.
    pub blocks: Vec<Block>,
    /// The block the program starts in.
    pub entry: BlockId,
    /// `protochain` loops, which blocks hold as one pseudo-statement each
    /// ([`super::chainloop`]) so that the graph itself stays acyclic.
    pub loops: Vec<ChainLoop>,
}

impl Cfg {
    /// An empty graph (entry 0, no blocks yet).
    pub fn new() -> Cfg {
        Cfg::default()
    }

    /// Adds a block and returns its id.
    pub fn add(&mut self, stmts: Vec<Insn>, term: Term) -> BlockId {
        self.blocks.push(Block { stmts, term });
        self.blocks.len() - 1
    }

    /// Records `l` and returns the pseudo-statement standing for it.
    pub fn add_loop(&mut self, l: ChainLoop) -> Insn {
        self.loops.push(l);
        chainloop::pseudo(self.loops.len() - 1, &l)
    }

    /// Sets one exit of the branch ending block `b` (`taken`: the true exit).
    pub fn set_target(&mut self, b: BlockId, taken: bool, target: BlockId) {
        if let Some(Block {
            term: Term::Branch { jt, jf, .. },
            ..
        }) = self.blocks.get_mut(b)
        {
            if taken {
                *jt = target;
            } else {
                *jf = target;
            }
        }
    }

    /// Blocks reachable from the entry in a topological order (every jump goes to a
    /// later block): libpcap's layout, the reverse postorder of a depth-first walk
    /// that visits the false successor before the true one, so that unoptimized
    /// programs list like libpcap's. `Err` if a target is unset or out of range, or
    /// the graph has a cycle.
    pub fn topo_order(&self) -> Result<Vec<BlockId>, String> {
        let n = self.blocks.len();
        if self.entry >= n {
            return Err("entry block out of range".into());
        }
        const NEW: u8 = 0;
        const OPEN: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; n];
        let mut post = Vec::new();
        // (block, successors still to visit, false first).
        let mut stack: Vec<(BlockId, Vec<BlockId>)> = Vec::new();
        let succ = |b: BlockId| -> Vec<BlockId> {
            match self.blocks[b].term {
                Term::Ret(_) => Vec::new(),
                Term::Goto(t) => vec![t],
                // Popped from the end: true last, so false is visited first.
                Term::Branch { jt, jf, .. } => vec![jt, jf],
            }
        };
        state[self.entry] = OPEN;
        stack.push((self.entry, succ(self.entry)));
        while let Some((b, pending)) = stack.last_mut() {
            let b = *b;
            match pending.pop() {
                Some(s) => {
                    if s >= n {
                        return Err(format!("block {b} jumps to an unset or missing block"));
                    }
                    match state[s] {
                        NEW => {
                            state[s] = OPEN;
                            stack.push((s, succ(s)));
                        }
                        OPEN => return Err("the control-flow graph has a cycle".into()),
                        _ => {}
                    }
                }
                None => {
                    state[b] = DONE;
                    post.push(b);
                    stack.pop();
                }
            }
        }
        post.reverse();
        Ok(post)
    }
}
