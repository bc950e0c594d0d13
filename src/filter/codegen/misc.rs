//! Protocol names standing alone, ISO/IS-IS and LLC tests, broadcast/multicast,
//! packet length, `byte`, direction and interface index.

use super::ip::*;
use super::link::*;
use super::linkmore::LlcLink;
use super::offsets::{Dlt, OffRel, stmt};
use super::{Frag, Gen};
use crate::bpf::insn::*;
use crate::filter::ast::{ByteOp, LlcKind, ProtoQual, Span};
use crate::filter::cfg::Term;
use crate::filter::error::FilterError;

pub const ISO8473_CLNP: u32 = 0x81;
pub const ISO9542_ESIS: u32 = 0x82;
pub const ISO10589_ISIS: u32 = 0x83;

// IS-IS PDU types.
const L1_LAN_IIH: u32 = 15;
const L2_LAN_IIH: u32 = 16;
const PTP_IIH: u32 = 17;
const L1_LSP: u32 = 18;
const L2_LSP: u32 = 20;
const L1_CSNP: u32 = 24;
const L2_CSNP: u32 = 25;
const L1_PSNP: u32 = 26;
const L2_PSNP: u32 = 27;

/// Linux `PACKET_OUTGOING` / `LINUX_SLL_OUTGOING`.
const PACKET_OUTGOING: u32 = 4;
/// Direction bytes of DLT_PPP_PPPD.
const PPP_PPPD_IN: u32 = 0x00;
const PPP_PPPD_OUT: u32 = 0x01;

impl Gen<'_> {
    /// OSI over 802.2 with network-layer protocol id `v`.
    pub fn iso_proto(&mut self, v: u32) -> Frag {
        if self.link.dlt == Dlt::Frelay {
            // The UI control byte and this NLPID (what `iso` tests for each).
            return self.cmp(OffRel::LinkHdr, 2, BPF_H, (0x03 << 8) | v);
        }
        let b0 = self.linktype(LLCSAP_ISONS);
        // Cisco HDLC puts a fudge byte before the protocol id.
        let at = u32::from(self.link.dlt == Dlt::CHdlc);
        let b1 = self.cmp(OffRel::LinkPlNoSnap, at, BPF_B, v);
        self.and(b0, b1)
    }

    /// IS-IS with PDU type `v`.
    pub fn isis_proto(&mut self, v: u32) -> Frag {
        let b0 = self.iso_proto(ISO10589_ISIS);
        let b1 = self.cmp(OffRel::LinkPlNoSnap, 4, BPF_B, v);
        self.and(b0, b1)
    }

    /// Any of the IS-IS PDU types, tested in the order given.
    fn isis_any(&mut self, types: &[u32]) -> Frag {
        let mut frags: Vec<Frag> = types.iter().map(|&t| self.isis_proto(t)).collect();
        let mut acc = frags.pop().expect("non-empty PDU type list");
        while let Some(f) = frags.pop() {
            acc = self.or(f, acc);
        }
        acc
    }

    /// A protocol name standing alone (libpcap's `gen_proto_abbrev`).
    pub fn proto_abbrev(&mut self, q: ProtoQual, span: Span) -> Result<Frag, FilterError> {
        use ProtoQual::*;
        Ok(match q {
            Sctp => self.ip_or_ip6_proto(IPPROTO_SCTP),
            Tcp => self.ip_or_ip6_proto(IPPROTO_TCP),
            Udp => self.ip_or_ip6_proto(IPPROTO_UDP),
            Icmp => self.ip_proto(IPPROTO_ICMP),
            Igmp => self.ip_proto(IPPROTO_IGMP),
            Igrp => self.ip_proto(IPPROTO_IGRP),
            Pim => self.ip_or_ip6_proto(IPPROTO_PIM),
            Vrrp => self.ip_proto(IPPROTO_VRRP),
            Carp => self.ip_proto(IPPROTO_CARP),
            Ah => self.ip_or_ip6_proto(IPPROTO_AH),
            Esp => self.ip_or_ip6_proto(IPPROTO_ESP),
            Icmp6 => self.ip6_proto(IPPROTO_ICMPV6),
            Ip => self.linktype(ETHERTYPE_IP),
            Ip6 => self.linktype(ETHERTYPE_IPV6),
            Arp => self.linktype(ETHERTYPE_ARP),
            Rarp => self.linktype(ETHERTYPE_REVARP),
            Atalk => self.linktype(ETHERTYPE_ATALK),
            Aarp => self.linktype(ETHERTYPE_AARP),
            Decnet => self.linktype(ETHERTYPE_DN),
            Sca => self.linktype(ETHERTYPE_SCA),
            Lat => self.linktype(ETHERTYPE_LAT),
            Mopdl => self.linktype(ETHERTYPE_MOPDL),
            Moprc => self.linktype(ETHERTYPE_MOPRC),
            Iso => self.linktype(LLCSAP_ISONS),
            Esis => self.iso_proto(ISO9542_ESIS),
            Isis => self.iso_proto(ISO10589_ISIS),
            Clnp => self.iso_proto(ISO8473_CLNP),
            Stp => self.linktype(LLCSAP_8021D),
            Ipx => self.linktype(LLCSAP_IPX),
            Netbeui => self.linktype(LLCSAP_NETBEUI),
            L1 => self.isis_any(&[L1_PSNP, L1_CSNP, L1_LSP, L1_LAN_IIH, PTP_IIH]),
            L2 => self.isis_any(&[L2_PSNP, L2_CSNP, L2_LSP, L2_LAN_IIH, PTP_IIH]),
            Iih => self.isis_any(&[PTP_IIH, L1_LAN_IIH, L2_LAN_IIH]),
            Lsp => self.isis_any(&[L1_LSP, L2_LSP]),
            Snp => self.isis_any(&[L2_PSNP, L1_PSNP, L1_CSNP, L2_CSNP]),
            Csnp => self.isis_any(&[L1_CSNP, L2_CSNP]),
            Psnp => self.isis_any(&[L1_PSNP, L2_PSNP]),
            Link => {
                return Err(FilterError::new(
                    "link layer applied in wrong context",
                    span,
                ));
            }
            Radio => {
                return Err(FilterError::new(
                    "'radio' is not a valid protocol type",
                    span,
                ));
            }
        })
    }

    /// `[ether|ip|ip6] broadcast`.
    pub fn broadcast(&mut self, q: Option<ProtoQual>, span: Span) -> Result<Frag, FilterError> {
        match q {
            None | Some(ProtoQual::Link) => self.ether_broadcast(span),
            Some(ProtoQual::Ip) => {
                if self.opts.netmask == crate::filter::NETMASK_UNKNOWN {
                    return Err(FilterError::new(
                        "netmask not known, so 'ip broadcast' not supported",
                        span,
                    ));
                }
                let b0 = self.linktype(ETHERTYPE_IP);
                let hostmask = !self.opts.netmask;
                let b1 = self.mcmp(OffRel::LinkPl, 16, BPF_W, 0, hostmask);
                let b2 = self.mcmp(OffRel::LinkPl, 16, BPF_W, hostmask, hostmask);
                let b2 = self.or(b1, b2);
                Ok(self.and(b0, b2))
            }
            Some(_) => Err(FilterError::new(
                "only link-layer/IP broadcast filters supported",
                span,
            )),
        }
    }

    /// `[ether|ip|ip6] multicast`.
    pub fn multicast(&mut self, q: Option<ProtoQual>, span: Span) -> Result<Frag, FilterError> {
        match q {
            None | Some(ProtoQual::Link) => self.ether_multicast(span),
            Some(ProtoQual::Ip) => {
                let b0 = self.linktype(ETHERTYPE_IP);
                let b1 = self.cmp_ge(OffRel::LinkPl, 16, BPF_B, 224);
                Ok(self.and(b0, b1))
            }
            Some(ProtoQual::Ip6) => {
                let b0 = self.linktype(ETHERTYPE_IPV6);
                let b1 = self.cmp(OffRel::LinkPl, 24, BPF_B, 255);
                Ok(self.and(b0, b1))
            }
            Some(_) => Err(FilterError::new(
                "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel",
                span,
            )),
        }
    }

    /// `less N`: wire length ≤ N.
    pub fn less(&mut self, n: u32) -> Frag {
        let f = self.test(
            vec![stmt(BPF_LD | BPF_LEN | BPF_W, 0)],
            Term::cmp_k(BPF_JGT, n),
        );
        Frag::negate(f)
    }

    /// `greater N`: wire length ≥ N.
    pub fn greater(&mut self, n: u32) -> Frag {
        self.test(
            vec![stmt(BPF_LD | BPF_LEN | BPF_W, 0)],
            Term::cmp_k(BPF_JGE, n),
        )
    }

    /// `byte IDX OP VAL`, IDX from the start of the link-layer header (libpcap 1.10
    /// does so, whatever pcap-filter(7) says). As in libpcap, `&` and `|` do not load the byte: they test
    /// whatever the accumulator holds.
    pub fn byteop(&mut self, op: ByteOp, idx: u32, val: u32) -> Frag {
        match op {
            ByteOp::Eq => self.cmp(OffRel::LinkHdr, idx, BPF_B, val),
            ByteOp::Lt => self.cmp_lt(OffRel::LinkHdr, idx, BPF_B, val),
            ByteOp::Gt => self.cmp_gt(OffRel::LinkHdr, idx, BPF_B, val),
            ByteOp::And | ByteOp::Or => {
                let alu = if op == ByteOp::And { BPF_AND } else { BPF_OR };
                let f = self.test(
                    vec![stmt(BPF_ALU | alu | BPF_K, val)],
                    Term::cmp_k(BPF_JEQ, 0),
                );
                Frag::negate(f)
            }
        }
    }

    /// `inbound` (`inbound == true`) / `outbound`.
    pub fn direction(&mut self, inbound: bool, span: Span) -> Result<Frag, FilterError> {
        if let Some(f) = self.more_direction(inbound, span) {
            return f;
        }
        if self.link.dlt == Dlt::Pflog {
            return Ok(self.pflog_direction(inbound));
        }
        if self.link.dlt == Dlt::Ipnet {
            // IPNET_INBOUND 2, IPNET_OUTBOUND 1 (anything else is neither).
            let v = if inbound { 2 } else { 1 };
            return Ok(self.cmp(OffRel::LinkHdr, 2, BPF_H, v));
        }
        if self.link.dlt == Dlt::PppPppd {
            // pppd's address byte: 0 received, 1 sent (anything else is neither).
            let v = if inbound { PPP_PPPD_IN } else { PPP_PPPD_OUT };
            return Ok(self.cmp(OffRel::LinkHdr, 0, BPF_B, v));
        }
        let outgoing = match self.link.dlt {
            Dlt::LinuxSll => self.cmp(OffRel::LinkHdr, 0, BPF_H, PACKET_OUTGOING),
            Dlt::LinuxSll2 => self.cmp(OffRel::LinkHdr, 10, BPF_B, PACKET_OUTGOING),
            _ => {
                self.live_only("inbound/outbound", span)?;
                self.ancillary_cmp(SKF_AD_PKTTYPE, BPF_H, PACKET_OUTGOING)
            }
        };
        Ok(if inbound {
            Frag::negate(outgoing)
        } else {
            outgoing
        })
    }

    /// Compares Linux ancillary data `SKF_AD_OFF + what`. libpcap adds the link
    /// header offset, which after `pppoes`/`geneve` makes an offset the kernel
    /// refuses; the metadata has no offset, so we load it absolutely.
    fn ancillary_cmp(&mut self, what: u32, size: u16, v: u32) -> Frag {
        self.test(
            vec![stmt(BPF_LD | BPF_ABS | size, SKF_AD_OFF + what)],
            Term::cmp_k(BPF_JEQ, v),
        )
    }

    /// `ifindex N`.
    pub fn ifindex(&mut self, n: u32, span: Span) -> Result<Frag, FilterError> {
        Ok(match self.link.dlt {
            Dlt::LinuxSll2 => self.cmp(OffRel::LinkHdr, 4, BPF_W, n),
            _ => {
                self.live_only("ifindex", span)?;
                self.ancillary_cmp(SKF_AD_IFINDEX, BPF_W, n)
            }
        })
    }

    /// libpcap refuses, when reading a file, what only a live Linux socket
    /// knows (the kernel's ancillary data, which a savefile does not hold).
    fn live_only(&self, what: &str, span: Span) -> Result<(), FilterError> {
        match self.opts.savefile {
            Some(_) => Err(FilterError::new(
                format!(
                    "{what} not supported on {} when reading savefiles",
                    self.opts.linktype.description()
                ),
                span,
            )),
            None => Ok(()),
        }
    }

    /// `llc [kind]` (802.2 LLC frames, Ethernet only here).
    pub fn llc(&mut self, kind: Option<LlcKind>, span: Span) -> Result<Frag, FilterError> {
        if self.is_wlan(true) {
            // 802.11 data frames carry an LLC header.
            let llc = self.wlan_data_frame();
            return Ok(match kind {
                None => llc,
                Some(k) => {
                    let b1 = self.llc_control(k);
                    self.and(llc, b1)
                }
            });
        }
        let llc_links = matches!(
            self.link.dlt,
            Dlt::Llc(LlcLink::TokenRing | LlcLink::Fddi | LlcLink::AtmRfc1483)
        );
        if llc_links || self.link.dlt == Dlt::SunAtm {
            // libpcap takes every frame of the LLC links for LLC; SunATM says
            // so in its pseudo-header.
            let llc = if llc_links {
                self.gen_true()
            } else {
                self.atm_llc()
            };
            return Ok(match kind {
                None => llc,
                Some(k) => {
                    let b1 = self.llc_control(k);
                    self.and(llc, b1)
                }
            });
        }
        // netANALYZER frames are Ethernet, but libpcap has no `llc` for them
        // (unless inside Geneve, which makes the link layer Ethernet).
        let netanalyzer = matches!(self.opts.linktype.dlt(), 240 | 241) && !self.link.is_geneve;
        if self.link.dlt != Dlt::En10mb || netanalyzer {
            return Err(FilterError::new(
                format!(
                    "'llc' not supported for {}",
                    if self.link.dlt == Dlt::Ppp {
                        "PPP"
                    } else {
                        self.opts.linktype.description()
                    }
                ),
                span,
            ));
        }
        let b0 = self.cmp_gt(OffRel::LinkType, 0, BPF_H, 1500);
        let b0 = Frag::negate(b0);
        let b1 = self.cmp(OffRel::Llc, 0, BPF_H, 0xffff);
        let b1 = Frag::negate(b1);
        let llc = self.and(b0, b1);
        let Some(kind) = kind else {
            return Ok(llc);
        };
        let b1 = self.llc_control(kind);
        Ok(self.and(llc, b1))
    }

    /// The LLC control byte says frame kind `kind`.
    fn llc_control(&mut self, kind: LlcKind) -> Frag {
        match kind {
            LlcKind::I => {
                let s = self.load(OffRel::Llc, 2, BPF_B);
                Frag::negate(self.test(s, Term::cmp_k(BPF_JSET, 0x01)))
            }
            LlcKind::S => self.mcmp(OffRel::Llc, 2, BPF_B, 0x01, 0x03),
            LlcKind::U => self.mcmp(OffRel::Llc, 2, BPF_B, 0x03, 0x03),
            LlcKind::SSubtype(v) => self.mcmp(OffRel::Llc, 2, BPF_B, u32::from(v), 0x0f),
            LlcKind::USubtype(v) => self.mcmp(OffRel::Llc, 2, BPF_B, u32::from(v), 0xef),
        }
    }
}
