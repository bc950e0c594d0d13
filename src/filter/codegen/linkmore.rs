//! Serial and WAN link types libpcap filters on beyond rfilter's core set: SLIP
//! (and BSD/OS SLIP), Frame Relay, Juniper's pseudo-headers and ARCnet. Their
//! offsets (libpcap's `init_linktype` values, "not set" ones included: loads
//! relative to those wrap around as libpcap's do) and their protocol tests.

use super::link::*;
use super::misc::{ISO8473_CLNP, ISO9542_ESIS, ISO10589_ISIS};
use super::offsets::{Dlt, OffRel};
use super::{Frag, Gen};
use crate::bpf::insn::*;
use crate::filter::ast::{Arith, ArithKind, ProtoQual, RelOp, Span};
use crate::filter::error::FilterError;

/// libpcap's OFFSET_NOT_SET: the link type has no such offset.
pub const NOT_SET: u32 = u32::MAX;

/// The fixed layout of a link type: where the type field is (`None`: it has
/// none), where the payload starts, and the network header's offset in the
/// payload with and without SNAP.
pub struct Layout {
    pub dlt: Dlt,
    pub linktype: Option<u32>,
    pub linkpl: u32,
    pub nl: u32,
    pub nosnap: u32,
}

/// LINKTYPE values of Juniper's pseudo-headers libpcap compiles protocol
/// tests for, with their type-field and payload offsets and the network
/// header offsets (with and without SNAP) in the payload.
const JUNIPER: &[(u16, u32, u32, u32, u32)] = &[
    // MLPPP, MLFR, MFR, PPP, FRELAY, CHDLC: a 4-byte cookie.
    (130, 4, 4, 0, NOT_SET),
    (131, 4, 4, 0, NOT_SET),
    (134, 4, 4, 0, NOT_SET),
    (179, 4, 4, 0, NOT_SET),
    (180, 4, 4, 0, NOT_SET),
    (181, 4, 4, 0, NOT_SET),
    // ATM1, ATM2: 4 and 8 bytes (really variable).
    (137, 4, 4, 0, 10),
    (135, 8, 8, 0, 10),
    // PPPOE, ETHER: Ethernet frames.
    (167, 16, 14, 18, 21),
    (178, 16, 14, 18, 21),
    // PPPOE_ATM, GGSN, MONITOR.
    (168, 4, 6, 0, NOT_SET),
    (133, 6, 12, 0, NOT_SET),
    (164, 12, 12, 0, NOT_SET),
    // ES, SERVICES, VP, ST, ISM, VS, SRX_E2E, FIBRECHANNEL, ATM_CEMIC: no
    // network layer libpcap knows where to find.
    (132, 6, NOT_SET, NOT_SET, NOT_SET),
    (136, 12, NOT_SET, NOT_SET, NOT_SET),
    (183, 18, NOT_SET, NOT_SET, NOT_SET),
    (200, 18, NOT_SET, NOT_SET, NOT_SET),
    (194, 8, NOT_SET, NOT_SET, NOT_SET),
    (232, 8, NOT_SET, NOT_SET, NOT_SET),
    (233, 8, NOT_SET, NOT_SET, NOT_SET),
    (234, 8, NOT_SET, NOT_SET, NOT_SET),
    (238, 8, NOT_SET, NOT_SET, NOT_SET),
];

/// Juniper's "MGC" magic, in the first three bytes of every pseudo-header.
const JUNIPER_MAGIC: u32 = 0x4d47_4300;

/// ARCnet system codes: RFC 1201's, and RFC 1051's older ones for IPv4 and ARP.
const ARCTYPE_IP_OLD: u32 = 0xf0;
const ARCTYPE_ARP_OLD: u32 = 0xf1;
const ARCTYPE_IP: u32 = 0xd4;
const ARCTYPE_ARP: u32 = 0xd5;
const ARCTYPE_REVARP: u32 = 0xd6;
const ARCTYPE_ATALK: u32 = 0xdd;
const ARCTYPE_INET6: u32 = 0xc4;

/// Frame Relay: the UI control byte, then the NLPID, after the 2-byte address.
const FR_UI: u32 = 0x03;
const NLPID_IP: u32 = 0xcc;
const NLPID_IP6: u32 = 0x8e;

/// The layout of a LINKTYPE value this module handles.
pub fn layout(linktype: u16) -> Option<Layout> {
    let l = |dlt, linktype, linkpl, nl, nosnap| Layout {
        dlt,
        linktype,
        linkpl,
        nl,
        nosnap,
    };
    Some(match linktype {
        // SLIP's 16-byte header (BSD/OS's 24) says nothing of the protocol.
        8 => l(Dlt::Slip, None, 16, 0, 0),
        102 => l(Dlt::Slip, None, 24, 0, 0),
        // libpcap reads Frame Relay's network header from the frame's start.
        107 => l(Dlt::Frelay, None, 0, 0, 0),
        7 => l(Dlt::Arcnet, Some(2), 6, 0, 0),
        129 => l(Dlt::Arcnet, Some(4), 8, 0, 0),
        v => {
            let &(_, lt, pl, nl, nosnap) = JUNIPER.iter().find(|j| j.0 == v)?;
            l(Dlt::Juniper, Some(lt), pl, nl, nosnap)
        }
    })
}

impl Gen<'_> {
    /// `gen_linktype` for the link types of this module.
    pub fn more_linktype(&mut self, proto: u32) -> Frag {
        match self.link.dlt {
            // No type field: the IP version nibble.
            Dlt::Slip => match proto {
                ETHERTYPE_IP => self.mcmp(OffRel::LinkHdr, 0, BPF_B, 0x40, 0xf0),
                ETHERTYPE_IPV6 => self.mcmp(OffRel::LinkHdr, 0, BPF_B, 0x60, 0xf0),
                _ => self.gen_false(),
            },
            Dlt::Frelay => {
                let nlpid =
                    |g: &mut Self, id: u32| g.cmp(OffRel::LinkHdr, 2, BPF_H, (FR_UI << 8) | id);
                match proto {
                    ETHERTYPE_IP => nlpid(self, NLPID_IP),
                    ETHERTYPE_IPV6 => nlpid(self, NLPID_IP6),
                    LLCSAP_ISONS => {
                        let b0 = nlpid(self, ISO8473_CLNP);
                        let b1 = nlpid(self, ISO9542_ESIS);
                        let b2 = nlpid(self, ISO10589_ISIS);
                        let b2 = self.or(b1, b2);
                        self.or(b0, b2)
                    }
                    _ => self.gen_false(),
                }
            }
            // libpcap checks only the magic, whatever the protocol.
            Dlt::Juniper => self.mcmp(OffRel::LinkHdr, 0, BPF_W, JUNIPER_MAGIC, 0xffff_ff00),
            Dlt::Arcnet => {
                let sc = |g: &mut Self, v: u32| g.cmp(OffRel::LinkType, 0, BPF_B, v);
                match proto {
                    ETHERTYPE_IP => {
                        let b0 = sc(self, ARCTYPE_IP);
                        let b1 = sc(self, ARCTYPE_IP_OLD);
                        self.or(b0, b1)
                    }
                    ETHERTYPE_ARP => {
                        let b0 = sc(self, ARCTYPE_ARP);
                        let b1 = sc(self, ARCTYPE_ARP_OLD);
                        self.or(b0, b1)
                    }
                    ETHERTYPE_IPV6 => sc(self, ARCTYPE_INET6),
                    ETHERTYPE_REVARP => sc(self, ARCTYPE_REVARP),
                    ETHERTYPE_ATALK => sc(self, ARCTYPE_ATALK),
                    _ => self.gen_false(),
                }
            }
            _ => self.gen_false(),
        }
    }

    /// `inbound`/`outbound` where the link header records the direction;
    /// `None` for the other link types.
    pub fn more_direction(
        &mut self,
        inbound: bool,
        span: Span,
    ) -> Option<Result<Frag, FilterError>> {
        match self.link.dlt {
            // libpcap compiles SLIP's (not BSD/OS SLIP's) as the relation
            // `link[0] = 0` (SLIPDIR_IN), negated for outbound.
            Dlt::Slip if self.opts.linktype == crate::linktype::LinkType::Other(8) => {
                let num = |n| Arith {
                    kind: ArithKind::Num(n),
                    span,
                };
                let lhs = Arith {
                    kind: ArithKind::Load {
                        proto: ProtoQual::Link,
                        offset: Box::new(num(0)),
                        size: 1,
                    },
                    span,
                };
                let f = self.relation_rhs_first(RelOp::Eq, &lhs, &num(0));
                Some(if inbound { f } else { f.map(Frag::negate) })
            }
            // The flags byte after the magic: bit 0 set on packets received.
            Dlt::Juniper => Some(Ok(self.mcmp(
                OffRel::LinkHdr,
                3,
                BPF_B,
                u32::from(inbound),
                0x01,
            ))),
            _ => None,
        }
    }

    /// ARCnet `broadcast`/`multicast`: destination address 0.
    pub fn arcnet_broadcast(&mut self) -> Option<Frag> {
        (self.link.dlt == Dlt::Arcnet).then(|| self.cmp(OffRel::LinkHdr, 1, BPF_B, 0))
    }
}
