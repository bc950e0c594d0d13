//! SunATM (DLT_SUNATM): a 4-byte pseudo-header (flags with the protocol type
//! in the low nibble, VPI, VCI) before AAL5 PDUs. Protocols are tested through
//! LLC encapsulation; `lane` switches the rest of the expression to LANE's
//! emulated Ethernet (libpcap's `gen_atmtype_abbrev`); `vpi`/`vci` and the
//! circuit and signalling abbreviations test the pseudo-header. All loads are
//! relative to the link header, so that after `lane` they look inside it as
//! libpcap's do.

use super::offsets::{AbsOff, Dlt, OffRel, stmt};
use super::{Frag, Gen};
use crate::bpf::insn::*;
use crate::filter::ast::{AtmTest, RelOp, Span};
use crate::filter::cfg::Term;
use crate::filter::error::FilterError;

/// Pseudo-header offsets: protocol type, VPI, VCI, and where the PDU starts.
const OFF_PROTO: u32 = 0;
const OFF_VPI: u32 = 1;
const OFF_VCI: u32 = 2;
pub const OFF_PAYLOAD: u32 = 4;
/// Protocol types (low nibble of the first byte).
const PT_LANE: u32 = 0x01;
const PT_LLC: u32 = 0x02;
/// Q.2931 message type offset in the PDU, and the message types.
const MSG_TYPE_POS: u32 = 5;
const CALL_PROCEED: u32 = 0x02;
const CONNECT: u32 = 0x07;
const CONNECT_ACK: u32 = 0x0f;
const SETUP: u32 = 0x05;
const RELEASE: u32 = 0x4d;
const RELEASE_DONE: u32 = 0x5a;
/// A LANE control frame starts with this marker.
const LE_CONTROL: u32 = 0xff00;

impl Gen<'_> {
    /// The pseudo-header's protocol type is `v`.
    pub fn atm_prototype(&mut self, v: u32) -> Frag {
        self.mcmp(OffRel::LinkHdr, OFF_PROTO, BPF_B, v, 0x0f)
    }

    /// An LLC-encapsulated PDU (`llc` on SunATM).
    pub fn atm_llc(&mut self) -> Frag {
        self.atm_prototype(PT_LLC)
    }

    /// `gen_linktype` on SunATM: LLC encapsulation, then the LLC header.
    pub fn sunatm_linktype(&mut self, proto: u32) -> Frag {
        let b0 = self.atm_prototype(PT_LLC);
        let b1 = self.llc_linktype(proto);
        self.and(b0, b1)
    }

    /// After `lane` straight over SunATM: an Ethernet frame of LANE data, not
    /// an LE control frame (libpcap's `gen_prevlinkhdr_check`, at the outer
    /// header).
    pub fn lane_data_check(&mut self) -> Option<Frag> {
        if !self.link.lane || self.link.is_geneve {
            return None;
        }
        // The outer (SunATM) header starts the packet.
        let f = self.test(
            vec![stmt(BPF_LD | BPF_ABS | BPF_H, OFF_PAYLOAD)],
            Term::cmp_k(BPF_JEQ, LE_CONTROL),
        );
        Some(Frag::negate(f))
    }

    fn vpi(&mut self, v: u32) -> Frag {
        self.cmp(OffRel::LinkHdr, OFF_VPI, BPF_B, v)
    }

    fn vci(&mut self, v: u32) -> Frag {
        self.cmp(OffRel::LinkHdr, OFF_VCI, BPF_H, v)
    }

    /// VPI 0 and VCI `vci`: one of the well-known circuits.
    fn circuit(&mut self, vci: u32) -> Frag {
        let b0 = self.vpi(0);
        let b1 = self.vci(vci);
        self.and(b0, b1)
    }

    /// The Q.2931 message type is one of `types` (ORed in libpcap's order).
    fn messages(&mut self, types: &[u32]) -> Frag {
        let msg =
            |g: &mut Self, t: u32| g.cmp(OffRel::LinkHdr, OFF_PAYLOAD + MSG_TYPE_POS, BPF_B, t);
        let b0 = msg(self, types[0]);
        let b1 = msg(self, types[1]);
        let mut acc = self.or(b0, b1);
        for &t in &types[2..] {
            let b0 = msg(self, t);
            acc = self.or(b0, acc);
        }
        acc
    }

    /// A SunATM test; libpcap's message on other link types.
    pub fn atm_test(&mut self, t: &AtmTest, span: Span) -> Result<Frag, FilterError> {
        let word = match t {
            AtmTest::Abbrev(w) => w.as_str(),
            AtmTest::Field { vci: false, .. } => "vpi",
            AtmTest::Field { vci: true, .. } => "vci",
        };
        if !self.link.atm {
            return Err(FilterError::new(
                format!("'{word}' supported only on raw ATM"),
                span,
            ));
        }
        Ok(match t {
            AtmTest::Field { vci, tests } => {
                let (off, size) = if *vci {
                    (OFF_VCI, BPF_H)
                } else {
                    (OFF_VPI, BPF_B)
                };
                let mut acc: Option<Frag> = None;
                for &(op, v) in tests {
                    let (jop, reverse) = match op {
                        RelOp::Eq => (BPF_JEQ, false),
                        // libpcap 1.10 compiles `vpi != N` as `vpi = N`.
                        RelOp::Ne => (BPF_JEQ, false),
                        RelOp::Gt => (BPF_JGT, false),
                        RelOp::Ge => (BPF_JGE, false),
                        RelOp::Lt => (BPF_JGE, true),
                        RelOp::Le => (BPF_JGT, true),
                    };
                    let f = self.ncmp(OffRel::LinkHdr, off, size, 0xffff_ffff, jop, reverse, v);
                    acc = Some(match acc {
                        Some(a) => self.or(a, f),
                        None => f,
                    });
                }
                acc.unwrap_or_else(|| self.gen_false())
            }
            AtmTest::Abbrev(w) => match w.as_str() {
                "metac" => self.circuit(1),
                "bcc" => self.circuit(2),
                "oamf4sc" => self.circuit(3),
                "oamf4ec" => self.circuit(4),
                "sc" => self.circuit(5),
                "ilmic" => self.circuit(16),
                "oam" | "oamf4" => {
                    let b0 = self.vci(3);
                    let b1 = self.vci(4);
                    let b1 = self.or(b0, b1);
                    let b0 = self.vpi(0);
                    self.and(b0, b1)
                }
                "connectmsg" => {
                    let b1 = self.messages(&[
                        SETUP,
                        CALL_PROCEED,
                        CONNECT,
                        CONNECT_ACK,
                        RELEASE,
                        RELEASE_DONE,
                    ]);
                    let b0 = self.circuit(5);
                    self.and(b0, b1)
                }
                "metaconnect" => {
                    let b1 = self.messages(&[SETUP, CALL_PROCEED, CONNECT, RELEASE, RELEASE_DONE]);
                    let b0 = self.circuit(1);
                    self.and(b0, b1)
                }
                // "lane": LANE PDUs; everything after looks at the emulated
                // Ethernet frame behind the 2-byte LE header.
                _ => {
                    let b = self.atm_prototype(PT_LANE);
                    // (At 6 from the packet's start, however often `lane` is said.)
                    let hdr = OFF_PAYLOAD + 2;
                    // Only LANE straight over SunATM gets the LE control
                    // check (libpcap's previous link type is then SunATM;
                    // after a second `lane` it is Ethernet).
                    self.link.lane = self.link.dlt == Dlt::SunAtm;
                    self.link.dlt = Dlt::En10mb;
                    self.link.off_linkhdr = AbsOff::fixed(hdr);
                    self.link.off_linktype = Some(AbsOff::fixed(hdr + 12));
                    self.link.off_linkpl = AbsOff::fixed(hdr + 14);
                    self.link.off_nl = 0;
                    self.link.off_nl_nosnap = 3;
                    b
                }
            },
        })
    }
}
