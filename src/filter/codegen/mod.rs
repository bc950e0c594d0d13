//! Code generation: AST to a control-flow graph ([`super::cfg`]) to classic BPF.
//!
//! The generator follows libpcap 1.10's unoptimized code shape test for test: the
//! same loads in the same order on every path, the same accumulator contents between
//! primitives (some libpcap primitives read whatever the accumulator holds), so that
//! our program gives libpcap's verdict on every packet, truncated ones included (a
//! load past the end of the packet rejects it outright, so the order of loads
//! matters). Unoptimized, the emitted program is libpcap's instruction for
//! instruction, except that registers some path reads before storing are zeroed at
//! entry, ancillary loads are absolute, and, for the kernel (which refuses backward
//! jumps), protochain's loop is unrolled.
//!
//! Submodules, one concern each:
//! - `frag`: program fragments with open true/false exits, and/or/not wiring;
//! - `offsets`: the link-layer offset state and packet loads relative to it;
//! - `link`: link-layer type tests and Ethernet addresses;
//! - `ip`: IPv4/IPv6 hosts and nets, protocols, protochain;
//! - `ports`: port and portrange;
//! - `arith`: arithmetic expressions, packet accessors, relations;
//! - `encap`: vlan, mpls, pppoed/pppoes, geneve;
//! - `misc`: iso/isis/llc, broadcast/multicast, length, direction, interface;
//! - `qualified`: dispatch of `[proto] [dir] [type] id` primitives;
//! - `registers`: zeroing of scratch registers read before any store;
//! - `pflog`: OpenBSD pf log headers;
//! - `atm`: SunATM pseudo-header tests and LANE;
//! - `linkmore`: SLIP, Frame Relay, Juniper and ARCnet headers;
//! - `wlan`: 802.11 frame control and address tests, and the run-time header
//!   lengths of the 802.11 link types.

mod arith;
mod atm;
mod encap;
mod frag;
mod ip;
mod link;
mod linkmore;
mod misc;
mod mtp;
mod offsets;
mod pflog;
mod ports;
mod qualified;
mod registers;
mod wlan;

use super::CompileOptions;
use super::ast::{Expr, Prim, PrimKind};
use super::cfg::{Cfg, Term};
use super::error::FilterError;
use crate::bpf::Insn;
use crate::bpf::insn::{BPF_K, BPF_MEMWORDS, BPF_RET};
pub use frag::Frag;
use offsets::LinkState;

/// Generates the program for `expr` (`None`: accept every packet).
pub fn generate(expr: Option<&Expr>, opts: &CompileOptions) -> Result<Vec<Insn>, FilterError> {
    let Some(expr) = expr else {
        return Ok(vec![Insn::stmt(BPF_RET | BPF_K, opts.snaplen)]);
    };
    let built = build_cfg(expr, opts)?;
    let mut cfg = built.cfg;
    registers::zero_unstored_registers(&mut cfg);
    let prog = if opts.optimize && built.optimizable {
        // The optimizer lays out its own blocks.
        super::optimize::compile(&cfg).map_err(|e| FilterError::internal(&e))?
    } else {
        super::emit::emit(&cfg).map_err(|e| FilterError::internal(&e))?
    };
    // libpcap's optimizer refuses a filter it proves never matches, and tcpdump
    // with it (see `rejects_all`). Asked of big programs only when our optimizer
    // found the same (libpcap simplifies a few things ours does not, `0 / x`).
    let never_matches = prog == [Insn::stmt(BPF_RET | BPF_K, 0)];
    if opts.optimize
        && built.libpcap_optimizes
        && super::emit::emit(&cfg).is_ok_and(|p| {
            (never_matches || p.len() <= REJECTS_ALL_SMALL)
                && super::rejects_all::libpcap_proves_no_match(&p)
        })
    {
        return Err(FilterError::new(REJECTS_ALL, expr_span(expr)));
    }
    Ok(if opts.for_kernel {
        kernel_safe_offsets(prog)
    } else {
        prog
    })
}

/// Offsets libpcap leaves "not set" (some Juniper payloads) wrap around into
/// the ancillary area (`SKF_AD_OFF` and up), where the kernel refuses loads it
/// does not know. Such a load fails on every packet, as one at 0x80000000
/// does (the kernel's negative offsets below `SKF_LL_OFF` read nothing), and
/// that one the kernel accepts.
fn kernel_safe_offsets(mut prog: Vec<Insn>) -> Vec<Insn> {
    use crate::bpf::insn::{BPF_ABS, BPF_LD, SKF_AD_OFF};
    for insn in &mut prog {
        let abs_load = insn.code & 0x07 == BPF_LD && insn.code & 0xe0 == BPF_ABS;
        if abs_load
            && insn.k >= SKF_AD_OFF
            && !crate::bpf::verify::known_ancillary(insn.k - SKF_AD_OFF)
        {
            insn.k = 0x8000_0000;
        }
    }
    prog
}

/// libpcap's message for a filter its optimizer proves never matches.
pub const REJECTS_ALL: &str = "expression rejects all packets";

/// Unoptimized programs up to this long are checked for libpcap's "rejects all
/// packets" even when our optimizer finds they may match.
const REJECTS_ALL_SMALL: usize = 400;

/// A lowered expression.
pub struct Built {
    /// Ends in `ret #snaplen` / `ret #0`.
    pub cfg: Cfg,
    /// Whether the optimizer may run on it (not on the run-time 802.11 header
    /// lengths, which libpcap does not optimize either).
    pub optimizable: bool,
    /// Whether libpcap's optimizer runs on it (not with protochain, Geneve or
    /// the 802.11 header lengths).
    pub libpcap_optimizes: bool,
}

/// Lowers `expr` to a control-flow graph.
pub fn build_cfg(expr: &Expr, opts: &CompileOptions) -> Result<Built, FilterError> {
    let mut g = Gen::new(opts);
    let body = g.expr(expr)?;
    let accept = g.cfg.add(Vec::new(), Term::Ret(opts.snaplen));
    let reject = g.cfg.add(Vec::new(), Term::Ret(0));
    g.patch(&body.t, accept);
    g.patch(&body.f, reject);
    g.cfg.entry = g.finish_vloffsets(body.entry, reject);
    if let Some(msg) = g.deferred.take() {
        return Err(FilterError::new(msg, expr_span(expr)));
    }
    Ok(Built {
        cfg: g.cfg,
        optimizable: !g.no_optimize,
        // On DLT_PRISM_HEADER libpcap always generates its header-length code,
        // and never optimizes.
        libpcap_optimizes: !g.no_optimize && !g.libpcap_no_optimize && opts.linktype.dlt() != 119,
    })
}

/// The span of a whole expression, for errors found after code generation.
fn expr_span(e: &Expr) -> super::ast::Span {
    match e {
        Expr::And(a, b) | Expr::Or(a, b) => expr_span(a).to(expr_span(b)),
        Expr::Not(a) => expr_span(a),
        Expr::Prim(p) => p.span,
    }
}

/// Code generator state for one compilation.
pub(crate) struct Gen<'o> {
    pub cfg: Cfg,
    pub opts: &'o CompileOptions,
    /// Scratch registers in use, and the next one to try (libpcap's round robin, so
    /// that "too many registers" comes at the same point).
    regused: [bool; BPF_MEMWORDS as usize],
    curreg: usize,
    /// Link-layer offsets; changed by vlan/mpls/pppoes/geneve for everything after.
    pub link: LinkState,
    /// An error found deep inside a helper that cannot fail (e.g. a link-type test
    /// under MPLS); reported against the primitive being compiled.
    deferred: Option<String>,
    /// Code libpcap leaves unoptimized was generated (the 802.11 header length).
    pub no_optimize: bool,
    /// Code that makes libpcap skip its optimizer, which ours handles
    /// (protochain's loop, Geneve's jumps).
    pub libpcap_no_optimize: bool,
}

impl<'o> Gen<'o> {
    fn new(opts: &'o CompileOptions) -> Gen<'o> {
        Gen {
            cfg: Cfg::new(),
            opts,
            regused: [false; BPF_MEMWORDS as usize],
            curreg: 0,
            link: LinkState::new(opts.linktype),
            deferred: None,
            no_optimize: false,
            libpcap_no_optimize: false,
        }
    }

    /// Allocates a scratch register.
    pub fn alloc_reg(&mut self, span: super::ast::Span) -> Result<u32, FilterError> {
        for _ in 0..BPF_MEMWORDS {
            if self.regused[self.curreg] {
                self.curreg = (self.curreg + 1) % BPF_MEMWORDS as usize;
            } else {
                self.regused[self.curreg] = true;
                return Ok(self.curreg as u32);
            }
        }
        Err(FilterError::new(
            "too many registers needed to evaluate expression",
            span,
        ))
    }

    pub fn free_reg(&mut self, r: u32) {
        if let Some(u) = self.regused.get_mut(r as usize) {
            *u = false;
        }
    }

    fn expr(&mut self, e: &Expr) -> Result<Frag, FilterError> {
        match e {
            Expr::And(a, b) => {
                let fa = self.expr(a)?;
                let fb = self.expr(b)?;
                Ok(self.and(fa, fb))
            }
            Expr::Or(a, b) => {
                let fa = self.expr(a)?;
                let fb = self.expr(b)?;
                Ok(self.or(fa, fb))
            }
            Expr::Not(a) => {
                let fa = self.expr(a)?;
                Ok(Frag::negate(fa))
            }
            Expr::Prim(p) => self.prim(p),
        }
    }

    /// Records an error to be reported against the current primitive.
    pub fn defer_error(&mut self, msg: &str) {
        if self.deferred.is_none() {
            self.deferred = Some(msg.to_owned());
        }
    }

    fn prim(&mut self, p: &Prim) -> Result<Frag, FilterError> {
        let f = self.prim_inner(p)?;
        match self.deferred.take() {
            Some(msg) => Err(FilterError::new(msg, p.span)),
            None => Ok(f),
        }
    }

    fn prim_inner(&mut self, p: &Prim) -> Result<Frag, FilterError> {
        let span = p.span;
        match &p.kind {
            PrimKind::Qualified { quals, id } => self.qualified(*quals, id, span),
            PrimKind::ProtoAbbrev(q) => self.proto_abbrev(*q, span),
            PrimKind::Relation { op, lhs, rhs } => self.relation(*op, lhs, rhs),
            PrimKind::Broadcast(q) => self.broadcast(*q, span),
            PrimKind::Multicast(q) => self.multicast(*q, span),
            PrimKind::Less(n) => Ok(self.less(*n)),
            PrimKind::Greater(n) => Ok(self.greater(*n)),
            PrimKind::Byte { idx, op, val } => Ok(self.byteop(*op, *idx, *val)),
            PrimKind::Inbound => self.direction(true, span),
            PrimKind::Outbound => self.direction(false, span),
            PrimKind::IfIndex(n) => self.ifindex(*n, span),
            PrimKind::Vlan(id) => self.vlan(*id, span),
            PrimKind::Mpls(label) => self.mpls(*label, span),
            PrimKind::Pppoed => Ok(self.pppoed()),
            PrimKind::Pppoes(id) => self.pppoes(*id, span),
            PrimKind::Geneve(vni) => self.geneve(*vni, span),
            PrimKind::Llc(kind) => self.llc(*kind, span),
            PrimKind::WlanType { value, mask } => self.p80211_type(*value, *mask, span),
            PrimKind::WlanDir(d) => self.p80211_dir(*d, span),
            PrimKind::Pf(t) => self.pf_test(t, span),
            PrimKind::Atm(t) => self.atm_test(t, span),
            PrimKind::Mtp(t) => self.mtp_test(t, span),
        }
    }
}
