//! OpenBSD pf logs (DLT_PFLOG): the header's own length (first byte, rounded up
//! to a multiple of 4) gives the payload offset at run time, its second byte the
//! address family; the `on`/`rset`/`rnr`/`srnr`/`reason`/`action` tests read its
//! fields.

use super::offsets::{Dlt, OffRel, stmt};
use super::{Frag, Gen};
use crate::bpf::insn::*;
use crate::filter::ast::{PfTest, Span};
use crate::filter::cfg::{BlockId, Term};
use crate::filter::error::FilterError;

/// Offsets in `struct pfloghdr`.
const OFF_AF: u32 = 1;
const OFF_ACTION: u32 = 2;
const OFF_REASON: u32 = 3;
const OFF_IFNAME: u32 = 4;
const OFF_RULESET: u32 = 20;
const OFF_RULENR: u32 = 36;
const OFF_SUBRULENR: u32 = 40;
const OFF_DIR: u32 = 60;
/// Size of the name fields (NUL included).
const NAME_SIZE: usize = 16;
/// Linux address families, as libpcap built on Linux compares them.
const AF_INET: u32 = 2;
const AF_INET6: u32 = 10;

impl Gen<'_> {
    /// `gen_linktype` on pflog: the address family of IPv4 and IPv6, nothing else.
    pub fn pflog_linktype(&mut self, proto: u32) -> Frag {
        match proto {
            super::link::ETHERTYPE_IP => self.cmp(OffRel::LinkHdr, OFF_AF, BPF_B, AF_INET),
            super::link::ETHERTYPE_IPV6 => self.cmp(OffRel::LinkHdr, OFF_AF, BPF_B, AF_INET6),
            _ => self.gen_false(),
        }
    }

    /// `inbound` (PF_IN, 1) / `outbound` (PF_OUT, 2).
    pub fn pflog_direction(&mut self, inbound: bool) -> Frag {
        self.cmp(OffRel::LinkHdr, OFF_DIR, BPF_B, if inbound { 1 } else { 2 })
    }

    /// A pf header test; libpcap's messages elsewhere and for over-long names.
    pub fn pf_test(&mut self, t: &PfTest, span: Span) -> Result<Frag, FilterError> {
        let what = match t {
            PfTest::Ifname(_) => "ifname",
            PfTest::Ruleset(_) => "ruleset",
            PfTest::Rnr(_) => "rnr",
            PfTest::Srnr(_) => "srnr",
            PfTest::Reason(_) => "reason",
            PfTest::Action(_) => "action",
        };
        if self.link.dlt != Dlt::Pflog {
            return Err(FilterError::new(
                format!("{what} supported only on PF linktype"),
                span,
            ));
        }
        Ok(match t {
            PfTest::Ifname(name) | PfTest::Ruleset(name) => {
                if name.len() >= NAME_SIZE {
                    let field = if what == "ifname" {
                        "ifname interface names"
                    } else {
                        "ruleset names"
                    };
                    return Err(FilterError::new(
                        format!("{field} can only be {} characters", NAME_SIZE - 1),
                        span,
                    ));
                }
                let off = if what == "ifname" {
                    OFF_IFNAME
                } else {
                    OFF_RULESET
                };
                self.bcmp(OffRel::LinkHdr, off, name.as_bytes())
            }
            PfTest::Rnr(n) => self.cmp(OffRel::LinkHdr, OFF_RULENR, BPF_W, *n),
            PfTest::Srnr(n) => self.cmp(OffRel::LinkHdr, OFF_SUBRULENR, BPF_W, *n),
            PfTest::Reason(n) => self.cmp(OffRel::LinkHdr, OFF_REASON, BPF_B, *n),
            PfTest::Action(n) => self.cmp(OffRel::LinkHdr, OFF_ACTION, BPF_B, *n),
        })
    }

    /// The header length into the payload offset's register (and X), then
    /// `next`; `None` when nothing loads relative to the payload.
    pub fn pflog_prefix(&mut self, next: BlockId) -> Option<BlockId> {
        let r = self.link.off_linkpl.reg?;
        Some(self.cfg.add(
            vec![
                stmt(BPF_LD | BPF_B | BPF_ABS, 0),
                stmt(BPF_ALU | BPF_ADD | BPF_K, 3),
                stmt(BPF_ALU | BPF_AND | BPF_K, !3u32),
                stmt(BPF_ST, r),
                stmt(BPF_MISC | BPF_TAX, 0),
            ],
            Term::Goto(next),
        ))
    }
}
