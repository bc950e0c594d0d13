//! Link types libpcap filters on beyond rfilter's core set: SLIP (and BSD/OS
//! SLIP), Frame Relay, Juniper's pseudo-headers, ARCnet, the 802.2 LLC links
//! (Token Ring, FDDI, ATM RFC 1483 and CLIP, IP over Fibre Channel), BSD/OS
//! PPP, OpenBSD enc, LocalTalk, BACnet MS/TP, the links with an Ethernet type
//! at a fixed place (Symantec firewall, Apple IP over IEEE 1394), NetBSD HDLC
//! and Hilscher netANALYZER. Their offsets (libpcap's `init_linktype` values,
//! "not set" ones included: loads relative to those wrap around as libpcap's
//! do) and their protocol tests.

use super::link::*;
use super::misc::{ISO8473_CLNP, ISO9542_ESIS, ISO10589_ISIS};
use super::offsets::{Dlt, OffRel};
use super::{Frag, Gen};
use crate::bpf::insn::*;
use crate::filter::ast::{AddrQual, Arith, ArithKind, Dir, ProtoQual, Qualifiers, RelOp, Span};
use crate::filter::error::FilterError;

/// libpcap's OFFSET_NOT_SET: the link type has no such offset.
pub const NOT_SET: u32 = u32::MAX;

/// The fixed layout of a link type: where the type field is (`None`: it has
/// none), where the payload starts, and the network header's offset in the
/// payload with and without SNAP.
pub struct Layout {
    pub dlt: Dlt,
    /// Where the link header starts (past netANALYZER's pseudo-header).
    pub linkhdr: u32,
    pub linktype: Option<u32>,
    pub linkpl: u32,
    pub nl: u32,
    pub nosnap: u32,
}

/// DLT (= LINKTYPE) values of Juniper's pseudo-headers libpcap compiles
/// protocol tests for, with their type-field and payload offsets and the network
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

/// The 802.2 LLC link types: where their MAC addresses are, if they have any.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LlcLink {
    TokenRing,
    Fddi,
    AtmRfc1483,
    AtmClip,
    IpOverFc,
}

impl LlcLink {
    /// Offsets of the (source, destination) MAC addresses in the link header.
    pub fn mac_offsets(self) -> Option<(u32, u32)> {
        match self {
            LlcLink::TokenRing => Some((8, 2)),
            LlcLink::Fddi => Some((7, 1)),
            LlcLink::IpOverFc => Some((10, 2)),
            LlcLink::AtmRfc1483 | LlcLink::AtmClip => None,
        }
    }
}

/// BACnet MS/TP's preamble.
const BACNET_PREAMBLE: u32 = 0x55ff_0000;

/// PPP protocols BSD/OS PPP's `ip` also accepts: Van Jacobson compressed and
/// uncompressed TCP/IP.
const PPP_IP: u32 = 0x0021;
const PPP_VJC: u32 = 0x002d;
const PPP_VJNC: u32 = 0x002f;

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

/// The layout of a link type this module handles, by its DLT value (so that
/// savefile LINKTYPE values and the DLT values libpcap reports for them, e.g.
/// 100 and 11 for ATM RFC 1483, give the same filters).
pub fn layout(dlt: i32) -> Option<Layout> {
    let l = |dlt, linktype, linkpl, nl, nosnap| Layout {
        dlt,
        linkhdr: 0,
        linktype,
        linkpl,
        nl,
        nosnap,
    };
    Some(match dlt {
        // SLIP's 16-byte header (BSD/OS's 24) says nothing of the protocol.
        8 => l(Dlt::Slip, None, 16, 0, 0),
        15 => l(Dlt::Slip, None, 24, 0, 0),
        // libpcap reads Frame Relay's network header from the frame's start.
        107 => l(Dlt::Frelay, None, 0, 0, 0),
        7 => l(Dlt::Arcnet, Some(2), 6, 0, 0),
        129 => l(Dlt::Arcnet, Some(4), 8, 0, 0),
        // The LLC header at the "type field"; 8 bytes of LLC/SNAP before the
        // network header, 3 without SNAP.
        6 => l(Dlt::Llc(LlcLink::TokenRing), Some(14), 14, 8, 3),
        10 => l(Dlt::Llc(LlcLink::Fddi), Some(13), 13, 8, 3),
        11 => l(Dlt::Llc(LlcLink::AtmRfc1483), Some(0), 0, 8, 3),
        19 => l(Dlt::Llc(LlcLink::AtmClip), Some(0), 0, 8, 3),
        122 => l(Dlt::Llc(LlcLink::IpOverFc), Some(16), 16, 8, 3),
        16 => l(Dlt::PppBsdos, Some(5), 24, 0, 0),
        // A 4-byte address family in host byte order, as DLT_NULL's.
        109 => l(Dlt::Null, Some(0), 12, 0, 0),
        114 => l(Dlt::Ltalk, None, 0, 0, 0),
        99 => l(Dlt::TypeField, Some(6), 44, 0, 0),
        138 => l(Dlt::TypeField, Some(16), 18, 0, 0),
        112 => l(Dlt::CHdlc, Some(2), 4, 0, 0),
        165 => l(Dlt::Bacnet, None, NOT_SET, NOT_SET, NOT_SET),
        // The LLC header after the 4-byte pseudo-header.
        123 => l(
            Dlt::SunAtm,
            Some(super::atm::OFF_PAYLOAD),
            super::atm::OFF_PAYLOAD,
            8,
            3,
        ),
        // Ethernet behind a 4-byte pseudo-header (and, transparent, the
        // preamble and start delimiter).
        240 => Layout {
            linkhdr: 4,
            ..l(Dlt::En10mb, Some(16), 18, 0, 3)
        },
        241 => Layout {
            linkhdr: 12,
            ..l(Dlt::En10mb, Some(24), 26, 0, 3)
        },
        v => {
            let &(_, lt, pl, nl, nosnap) = JUNIPER.iter().find(|j| i32::from(j.0) == v)?;
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
            Dlt::Bacnet => self.mcmp(OffRel::LinkHdr, 0, BPF_W, BACNET_PREAMBLE, 0xffff_0000),
            Dlt::Llc(_) => self.llc_linktype(proto),
            Dlt::SunAtm => self.sunatm_linktype(proto),
            Dlt::Ltalk => self.uncond(proto == ETHERTYPE_ATALK),
            // Assumed to be an Ethernet type, as libpcap does.
            Dlt::TypeField => self.cmp(OffRel::LinkType, 0, BPF_H, proto),
            Dlt::PppBsdos if proto == ETHERTYPE_IP => {
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, PPP_IP);
                let b1 = self.cmp(OffRel::LinkType, 0, BPF_H, PPP_VJC);
                let b1 = self.or(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, PPP_VJNC);
                self.or(b1, b0)
            }
            Dlt::PppBsdos => {
                let ppp = ethertype_to_ppptype(proto);
                self.cmp(OffRel::LinkType, 0, BPF_H, ppp)
            }
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
            Dlt::Slip if self.opts.linktype.dlt() == 8 => {
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

    /// MAC address offsets (source, destination) of the link type, Ethernet's
    /// included; `None` if it has no 48-bit MAC addresses.
    pub fn mac_offsets(&self) -> Option<(u32, u32)> {
        match self.link.dlt {
            Dlt::En10mb => Some((6, 0)),
            Dlt::Llc(l) => l.mac_offsets(),
            _ => None,
        }
    }

    /// An ARCnet address `$xx` (libpcap's `gen_acode`): only on the ARCnet link
    /// types, only as a link-layer host; the source address is the header's
    /// first byte, the destination its second.
    pub fn acode(&mut self, q: Qualifiers, addr: u8, span: Span) -> Result<Frag, FilterError> {
        if self.link.dlt != Dlt::Arcnet {
            return Err(FilterError::new(
                "ARCnet addresses ('$xx') are supported only on ARCnet link types",
                span,
            ));
        }
        if !matches!(q.addr, None | Some(AddrQual::Host)) || q.proto != Some(ProtoQual::Link) {
            return Err(FilterError::new(
                "ARCnet address used in non-arc expression",
                span,
            ));
        }
        let (a, k) = (OffRel::LinkHdr, u32::from(addr));
        Ok(match q.dir {
            Some(Dir::Src) => self.cmp(a, 0, BPF_B, k),
            Some(Dir::Dst) => self.cmp(a, 1, BPF_B, k),
            Some(Dir::SrcAndDst) => {
                let s = self.cmp(a, 0, BPF_B, k);
                let d = self.cmp(a, 1, BPF_B, k);
                self.and(s, d)
            }
            None | Some(Dir::SrcOrDst) => {
                let s = self.cmp(a, 0, BPF_B, k);
                let d = self.cmp(a, 1, BPF_B, k);
                self.or(s, d)
            }
            Some(d) => return Err(wlan_dir_error(d, span)),
        })
    }

    /// ARCnet `broadcast`/`multicast`: destination address 0.
    pub fn arcnet_broadcast(&mut self) -> Option<Frag> {
        (self.link.dlt == Dlt::Arcnet).then(|| self.cmp(OffRel::LinkHdr, 1, BPF_B, 0))
    }
}
