//! Arithmetic: values computed into scratch registers, packet accessors
//! `proto[off:size]`, and relations between values.
//!
//! The statement sequences are libpcap's (every value lands in a scratch register;
//! operands move through X and A), so that the accumulator holds what libpcap's
//! would after a relation. As in libpcap 1.10, the protocol checks of a binary
//! operation's right operand are dropped; relations keep both sides' checks.

use super::offsets::{Dlt, OffRel, Which, WlanHdr, size_code, stmt};
use super::{Frag, Gen};
use crate::bpf::Insn;
use crate::bpf::insn::*;
use crate::filter::ast::{Arith, ArithKind, ArithOp, ProtoQual, RelOp, Span};
use crate::filter::cfg::Term;
use crate::filter::error::FilterError;

/// A computed value: the statements that compute it, the register holding it, and
/// the tests that must pass before it is meaningful (protocol checks of loads).
pub struct Value {
    stmts: Vec<Insn>,
    reg: u32,
    check: Option<Frag>,
}

impl Gen<'_> {
    fn arith(&mut self, a: &Arith) -> Result<Value, FilterError> {
        match &a.kind {
            ArithKind::Num(v) => {
                let reg = self.alloc_reg(a.span)?;
                Ok(Value {
                    stmts: vec![stmt(BPF_LD | BPF_IMM, *v), stmt(BPF_ST, reg)],
                    reg,
                    check: None,
                })
            }
            ArithKind::Len => {
                let reg = self.alloc_reg(a.span)?;
                Ok(Value {
                    stmts: vec![stmt(BPF_LD | BPF_LEN | BPF_W, 0), stmt(BPF_ST, reg)],
                    reg,
                    check: None,
                })
            }
            ArithKind::Load {
                proto,
                offset,
                size,
            } => {
                let inst = self.arith(offset)?;
                self.packet_load(*proto, inst, *size, a.span)
            }
            ArithKind::Binary { op, lhs, rhs } => {
                let a0 = self.arith(lhs)?;
                let a1 = self.arith(rhs)?;
                self.binary(*op, a0, a1, a.span)
            }
            ArithKind::Neg(x) => {
                let mut v = self.arith(x)?;
                v.stmts.push(stmt(BPF_LD | BPF_MEM, v.reg));
                v.stmts.push(stmt(BPF_ALU | BPF_NEG, 0));
                v.stmts.push(stmt(BPF_ST, v.reg));
                Ok(v)
            }
        }
    }

    /// X = the index value plus a variable header offset, if any.
    fn index_to_x(&self, var_reg: Option<u32>, inst_reg: u32) -> Vec<Insn> {
        match var_reg {
            Some(r) => vec![
                stmt(BPF_LDX | BPF_MEM, r),
                stmt(BPF_LD | BPF_MEM, inst_reg),
                stmt(BPF_ALU | BPF_ADD | BPF_X, 0),
                stmt(BPF_MISC | BPF_TAX, 0),
            ],
            None => vec![stmt(BPF_LDX | BPF_MEM, inst_reg)],
        }
    }

    /// `proto[inst : size]` (libpcap's `gen_load`).
    fn packet_load(
        &mut self,
        proto: ProtoQual,
        mut inst: Value,
        size: u32,
        span: Span,
    ) -> Result<Value, FilterError> {
        let reg = self.alloc_reg(span)?;
        self.free_reg(inst.reg);
        if !matches!(size, 1 | 2 | 4) {
            return Err(FilterError::new("data size must be 1, 2, or 4", span));
        }
        let sz = size_code(size);
        use ProtoQual::*;
        match proto {
            Link => {
                let hdr = self.abs_off(Which::Hdr);
                let mut s = self.index_to_x(hdr.reg, inst.reg);
                s.push(stmt(BPF_LD | BPF_IND | sz, hdr.constant));
                inst.stmts.extend(s);
            }
            Ip | Arp | Rarp | Atalk | Decnet | Sca | Lat | Moprc | Mopdl | Ip6 => {
                let pl = self.abs_off(Which::Payload);
                let mut s = self.index_to_x(pl.reg, inst.reg);
                s.push(stmt(
                    BPF_LD | BPF_IND | sz,
                    pl.constant.wrapping_add(self.link.off_nl),
                ));
                inst.stmts.extend(s);
                let b = self.proto_abbrev(proto, span)?;
                inst.check = Some(match inst.check.take() {
                    Some(c) => self.and(c, b),
                    None => b,
                });
            }
            Sctp | Tcp | Udp | Icmp | Igmp | Igrp | Pim | Vrrp | Carp => {
                let mut s = self.loadx_iphdrlen();
                s.push(stmt(BPF_LD | BPF_MEM, inst.reg));
                s.push(stmt(BPF_ALU | BPF_ADD | BPF_X, 0));
                s.push(stmt(BPF_MISC | BPF_TAX, 0));
                s.push(stmt(
                    BPF_LD | BPF_IND | sz,
                    self.link.off_linkpl.constant.wrapping_add(self.link.off_nl),
                ));
                inst.stmts.extend(s);
                let p = self.proto_abbrev(proto, span)?;
                let frag = self.ipfrag();
                let mut b = self.and(p, frag);
                if let Some(c) = inst.check.take() {
                    b = self.and(c, b);
                }
                let ip = self.proto_abbrev(Ip, span)?;
                inst.check = Some(self.and(ip, b));
            }
            Icmp6 => {
                let b0 = self.linktype(super::link::ETHERTYPE_IPV6);
                let b1 = self.cmp(OffRel::LinkPl, 6, BPF_B, super::ip::IPPROTO_ICMPV6);
                let mut b = self.and(b0, b1);
                if let Some(c) = inst.check.take() {
                    b = self.and(c, b);
                }
                inst.check = Some(b);
                let pl = self.abs_off(Which::Payload);
                let mut s = self.index_to_x(pl.reg, inst.reg);
                s.push(stmt(
                    BPF_LD | BPF_IND | sz,
                    pl.constant.wrapping_add(self.link.off_nl).wrapping_add(40),
                ));
                inst.stmts.extend(s);
            }
            // Offsets from the start of the packet, where the radio header is.
            Radio
                if matches!(
                    self.link.dlt,
                    Dlt::Wlan(WlanHdr::Radiotap | WlanHdr::Prism | WlanHdr::Avs)
                ) =>
            {
                inst.stmts.push(stmt(BPF_LDX | BPF_MEM, inst.reg));
                inst.stmts.push(stmt(BPF_LD | BPF_IND | sz, 0));
            }
            Radio => {
                return Err(FilterError::new(
                    "radio information not present in capture",
                    span,
                ));
            }
            _ => return Err(FilterError::new("unsupported index operation", span)),
        }
        inst.reg = reg;
        inst.stmts.push(stmt(BPF_ST, reg));
        Ok(inst)
    }

    /// `a0 op a1` (libpcap's `gen_arth`).
    fn binary(
        &mut self,
        op: ArithOp,
        mut a0: Value,
        a1: Value,
        span: Span,
    ) -> Result<Value, FilterError> {
        let code = match op {
            ArithOp::Add => BPF_ADD,
            ArithOp::Sub => BPF_SUB,
            ArithOp::Mul => BPF_MUL,
            ArithOp::Div => BPF_DIV,
            ArithOp::Mod => BPF_MOD,
            ArithOp::And => BPF_AND,
            ArithOp::Or => BPF_OR,
            ArithOp::Xor => BPF_XOR,
            ArithOp::Shl => BPF_LSH,
            ArithOp::Shr => BPF_RSH,
        };
        // libpcap looks at the first statement of the right operand only.
        if let Some(first) = a1.stmts.first()
            && first.code == BPF_LD | BPF_IMM
        {
            let msg = match code {
                BPF_DIV if first.k == 0 => Some("division by zero"),
                BPF_MOD if first.k == 0 => Some("modulus by zero"),
                BPF_LSH | BPF_RSH if first.k > 31 => Some("shift by more than 31 bits"),
                _ => None,
            };
            if let Some(m) = msg {
                return Err(FilterError::new(m, span));
            }
        }
        a0.stmts.extend(a1.stmts);
        a0.stmts.push(stmt(BPF_LDX | BPF_MEM, a1.reg));
        a0.stmts.push(stmt(BPF_LD | BPF_MEM, a0.reg));
        a0.stmts.push(stmt(BPF_ALU | BPF_X | code, 0));
        self.free_reg(a0.reg);
        self.free_reg(a1.reg);
        let reg = self.alloc_reg(span)?;
        a0.reg = reg;
        a0.stmts.push(stmt(BPF_ST, reg));
        // a1.check is dropped, as libpcap 1.10 drops it.
        Ok(a0)
    }

    /// `lhs op rhs` (libpcap's `gen_relation`).
    pub fn relation(&mut self, op: RelOp, lhs: &Arith, rhs: &Arith) -> Result<Frag, FilterError> {
        let a0 = self.arith(lhs)?;
        let a1 = self.arith(rhs)?;
        Ok(self.relation_values(op, a0, a1))
    }

    /// As [`Self::relation`], with the right side's registers allocated first
    /// (libpcap's relations built in C argument order, as SLIP's direction).
    pub fn relation_rhs_first(
        &mut self,
        op: RelOp,
        lhs: &Arith,
        rhs: &Arith,
    ) -> Result<Frag, FilterError> {
        let a1 = self.arith(rhs)?;
        let a0 = self.arith(lhs)?;
        Ok(self.relation_values(op, a0, a1))
    }

    fn relation_values(&mut self, op: RelOp, a0: Value, a1: Value) -> Frag {
        let (jop, reversed) = match op {
            RelOp::Eq => (BPF_JEQ, false),
            RelOp::Ne => (BPF_JEQ, true),
            RelOp::Gt => (BPF_JGT, false),
            RelOp::Ge => (BPF_JGE, false),
            RelOp::Lt => (BPF_JGE, true),
            RelOp::Le => (BPF_JGT, true),
        };
        let mut s = a0.stmts;
        s.extend(a1.stmts);
        s.push(stmt(BPF_LDX | BPF_MEM, a1.reg));
        s.push(stmt(BPF_LD | BPF_MEM, a0.reg));
        let term = if jop == BPF_JEQ {
            s.push(stmt(BPF_ALU | BPF_SUB | BPF_X, 0));
            Term::cmp_k(BPF_JEQ, 0)
        } else {
            Term::cmp_x(jop)
        };
        self.free_reg(a0.reg);
        self.free_reg(a1.reg);
        let b = self.test(s, term);
        let b = if reversed { Frag::negate(b) } else { b };
        let tmp = match (a0.check, a1.check) {
            (Some(c0), Some(c1)) => Some(self.and(c0, c1)),
            (c0, c1) => c0.or(c1),
        };
        match tmp {
            Some(t) => self.and(t, b),
            None => b,
        }
    }
}
