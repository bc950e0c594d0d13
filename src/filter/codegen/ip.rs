//! IPv4 and IPv6: hosts and networks, protocol numbers, fragments, protochain.

use super::link::*;
use super::offsets::OffRel;
use super::{Frag, Gen};
use crate::bpf::insn::{BPF_B, BPF_H, BPF_JSET, BPF_W};
use crate::filter::ast::{Dir, ProtoQual, Span};
use crate::filter::cfg::Term;
use crate::filter::chainloop::ChainLoop;
use crate::filter::error::FilterError;

pub const IPPROTO_ICMP: u32 = 1;
pub const IPPROTO_IGMP: u32 = 2;
pub const IPPROTO_TCP: u32 = 6;
pub const IPPROTO_IGRP: u32 = 9;
pub const IPPROTO_UDP: u32 = 17;
pub const IPPROTO_FRAGMENT: u32 = 44;
pub const IPPROTO_ESP: u32 = 50;
pub const IPPROTO_AH: u32 = 51;
pub const IPPROTO_ICMPV6: u32 = 58;
pub const IPPROTO_PIM: u32 = 103;
pub const IPPROTO_VRRP: u32 = 112;
pub const IPPROTO_CARP: u32 = 112;
pub const IPPROTO_SCTP: u32 = 132;

/// The keyword a protocol qualifier is written as, for messages.
pub fn proto_name(q: ProtoQual) -> &'static str {
    use ProtoQual::*;
    match q {
        Link => "link",
        Ip => "ip",
        Arp => "arp",
        Rarp => "rarp",
        Sctp => "sctp",
        Tcp => "tcp",
        Udp => "udp",
        Icmp => "icmp",
        Igmp => "igmp",
        Igrp => "igrp",
        Atalk => "atalk",
        Aarp => "aarp",
        Decnet => "decnet",
        Lat => "lat",
        Sca => "sca",
        Moprc => "moprc",
        Mopdl => "mopdl",
        Ip6 => "ip6",
        Icmp6 => "icmp6",
        Ah => "ah",
        Esp => "esp",
        Pim => "pim",
        Vrrp => "vrrp",
        Carp => "carp",
        Iso => "iso",
        Esis => "esis",
        Isis => "isis",
        Clnp => "clnp",
        Stp => "stp",
        Ipx => "ipx",
        Netbeui => "netbeui",
        L1 => "l1",
        L2 => "l2",
        Iih => "iih",
        Lsp => "lsp",
        Snp => "snp",
        Csnp => "csnp",
        Psnp => "psnp",
        Radio => "radio",
    }
}

/// libpcap's message for an 802.11-only direction on an IP address or a port.
pub fn wlan_dir_misuse(d: Dir, what: &str, span: Span) -> FilterError {
    let q = match d {
        Dir::Addr1 => "'addr1' and 'address1' are not valid qualifiers",
        Dir::Addr2 => "'addr2' and 'address2' are not valid qualifiers",
        Dir::Addr3 => "'addr3' and 'address3' are not valid qualifiers",
        Dir::Addr4 => "'addr4' and 'address4' are not valid qualifiers",
        Dir::Ra => "'ra' is not a valid qualifier",
        Dir::Ta => "'ta' is not a valid qualifier",
        _ => "not a valid qualifier",
    };
    FilterError::new(format!("{q} for {what}"), span)
}

const FOR_ADDRS: &str = "addresses other than 802.11 MAC addresses";

impl Gen<'_> {
    /// An IPv4-sized address test at `src_off`/`dst_off` of a `proto` payload.
    #[allow(clippy::too_many_arguments)]
    fn hostop(
        &mut self,
        addr: u32,
        mask: u32,
        dir: Option<Dir>,
        proto: u32,
        src_off: u32,
        dst_off: u32,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let one = |g: &mut Self, off: u32| {
            let b0 = g.linktype(proto);
            let b1 = g.mcmp(OffRel::LinkPl, off, BPF_W, addr, mask);
            g.and(b0, b1)
        };
        Ok(match dir {
            Some(Dir::Src) => one(self, src_off),
            Some(Dir::Dst) => one(self, dst_off),
            Some(Dir::SrcAndDst) => {
                let a = one(self, src_off);
                let b = one(self, dst_off);
                self.and(a, b)
            }
            None | Some(Dir::SrcOrDst) => {
                let a = one(self, src_off);
                let b = one(self, dst_off);
                self.or(a, b)
            }
            Some(d) => return Err(wlan_dir_misuse(d, FOR_ADDRS, span)),
        })
    }

    /// libpcap's `gen_host`: an IPv4 host or network for the given protocol.
    pub fn host4(
        &mut self,
        addr: u32,
        mask: u32,
        proto: Option<ProtoQual>,
        dir: Option<Dir>,
        is_net: bool,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let what = if is_net { "net" } else { "host" };
        match proto {
            None => {
                let b0 = self.host4(addr, mask, Some(ProtoQual::Ip), dir, is_net, span)?;
                // Under MPLS only IPv4 is looked for.
                if self.link.label_stack_depth > 0 {
                    return Ok(b0);
                }
                let b1 = self.host4(addr, mask, Some(ProtoQual::Arp), dir, is_net, span)?;
                let b1 = self.or(b0, b1);
                let b0 = self.host4(addr, mask, Some(ProtoQual::Rarp), dir, is_net, span)?;
                Ok(self.or(b1, b0))
            }
            Some(ProtoQual::Ip) => self.hostop(addr, mask, dir, ETHERTYPE_IP, 12, 16, span),
            Some(ProtoQual::Arp) => self.hostop(addr, mask, dir, ETHERTYPE_ARP, 14, 24, span),
            Some(ProtoQual::Rarp) => self.hostop(addr, mask, dir, ETHERTYPE_REVARP, 14, 24, span),
            Some(ProtoQual::Link) => Err(FilterError::new(
                format!("link-layer modifier applied to {what}"),
                span,
            )),
            Some(ProtoQual::Ip6) => Err(FilterError::new(
                format!("'ip6' modifier applied to ip {what}"),
                span,
            )),
            Some(ProtoQual::Decnet) => self.dnhost(addr, dir, span),
            Some(q) => Err(FilterError::new(
                format!("'{}' modifier applied to {what}", proto_name(q)),
                span,
            )),
        }
    }

    /// libpcap's `gen_host6`: an IPv6 host or network.
    pub fn host6(
        &mut self,
        addr: &[u8; 16],
        mask: &[u8; 16],
        proto: Option<ProtoQual>,
        dir: Option<Dir>,
        is_net: bool,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let what = if is_net { "net" } else { "host" };
        match proto {
            None | Some(ProtoQual::Ip6) => {}
            Some(ProtoQual::Link) => {
                return Err(FilterError::new(
                    format!("link-layer modifier applied to ip6 {what}"),
                    span,
                ));
            }
            Some(q) => {
                return Err(FilterError::new(
                    format!("'{}' modifier applied to ip6 {what}", proto_name(q)),
                    span,
                ));
            }
        }
        let one = |g: &mut Self, off: u32| {
            let word = |b: &[u8; 16], i: usize| {
                u32::from_be_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]])
            };
            let mut acc = g.mcmp(
                OffRel::LinkPl,
                off + 12,
                BPF_W,
                word(addr, 3),
                word(mask, 3),
            );
            for i in (0..3).rev() {
                let b0 = g.mcmp(
                    OffRel::LinkPl,
                    off + 4 * i as u32,
                    BPF_W,
                    word(addr, i),
                    word(mask, i),
                );
                acc = g.and(b0, acc);
            }
            let b0 = g.linktype(ETHERTYPE_IPV6);
            g.and(b0, acc)
        };
        Ok(match dir {
            Some(Dir::Src) => one(self, 8),
            Some(Dir::Dst) => one(self, 24),
            Some(Dir::SrcAndDst) => {
                let a = one(self, 8);
                let b = one(self, 24);
                self.and(a, b)
            }
            None | Some(Dir::SrcOrDst) => {
                let a = one(self, 8);
                let b = one(self, 24);
                self.or(a, b)
            }
            Some(d) => return Err(wlan_dir_misuse(d, FOR_ADDRS, span)),
        })
    }

    /// Not a non-first IPv4 fragment (fragment offset zero).
    pub fn ipfrag(&mut self) -> Frag {
        let s = self.load(OffRel::LinkPl, 6, BPF_H);
        let f = self.test(s, Term::cmp_k(BPF_JSET, 0x1fff));
        Frag::negate(f)
    }

    /// IPv4 with protocol field `v`.
    pub fn ip_proto(&mut self, v: u32) -> Frag {
        let b0 = self.linktype(ETHERTYPE_IP);
        let b1 = self.cmp(OffRel::LinkPl, 9, BPF_B, v);
        self.and(b0, b1)
    }

    /// IPv6 with next header `v`, directly or after one fragment header.
    pub fn ip6_proto(&mut self, v: u32) -> Frag {
        let b0 = self.linktype(ETHERTYPE_IPV6);
        let b2 = self.cmp(OffRel::LinkPl, 6, BPF_B, IPPROTO_FRAGMENT);
        let b1 = self.cmp(OffRel::LinkPl, 40, BPF_B, v);
        let b1 = self.and(b2, b1);
        let b2 = self.cmp(OffRel::LinkPl, 6, BPF_B, v);
        let b1 = self.or(b2, b1);
        self.and(b0, b1)
    }

    /// IPv4 or IPv6 carrying protocol `v` (`proto v`).
    pub fn ip_or_ip6_proto(&mut self, v: u32) -> Frag {
        let a = self.ip_proto(v);
        let b = self.ip6_proto(v);
        self.or(a, b)
    }
}

/// Extension headers followed before giving up when the loop is unrolled for the
/// kernel (which refuses libpcap's backward jump); real packets have far fewer.
const PROTOCHAIN_DEPTH: usize = 12;
const IPPROTO_NONE: u32 = 59;
const IPPROTO_HOPOPTS: u32 = 0;
const IPPROTO_DSTOPTS: u32 = 60;
const IPPROTO_ROUTING: u32 = 43;

impl Gen<'_> {
    /// `[ip|ip6] protochain P`: P anywhere in the chain of IPv6 extension headers
    /// and AH headers. libpcap's loop, as one loop statement ([`crate::filter::chainloop`]);
    /// for the kernel, unrolled `PROTOCHAIN_DEPTH` times, each step computing what
    /// libpcap's does (including its AH length arithmetic).
    pub fn protochain(
        &mut self,
        v: u32,
        proto: Option<ProtoQual>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let v6 = match proto {
            None => {
                // libpcap allocates its scratch register before looking at the
                // qualifier and never frees this one: both halves use the next.
                self.alloc_reg(span)?;
                let b0 = self.protochain(v, Some(ProtoQual::Ip), span)?;
                let b1 = self.protochain(v, Some(ProtoQual::Ip6), span)?;
                return Ok(self.or(b0, b1));
            }
            Some(ProtoQual::Ip) => false,
            Some(ProtoQual::Ip6) => true,
            Some(_) => {
                return Err(FilterError::new(
                    "bad protocol applied for 'protochain'",
                    span,
                ));
            }
        };
        if self.link.off_linkpl.variable || self.link.off_linkpl.reg.is_some() {
            return Err(FilterError::new(
                "'protochain' not supported with variable length headers",
                span,
            ));
        }
        use super::offsets::stmt;
        use crate::bpf::insn::*;
        // libpcap's optimizer does not take its loop.
        self.libpcap_no_optimize = true;
        let base = self.link.off_linkpl.constant.wrapping_add(self.link.off_nl);
        let reg2 = self.alloc_reg(span)?;
        let b0 = self.linktype(if v6 { ETHERTYPE_IPV6 } else { ETHERTYPE_IP });
        let first = if v6 {
            vec![
                stmt(BPF_LD | BPF_ABS | BPF_B, base.wrapping_add(6)),
                stmt(BPF_LDX | BPF_IMM, 40),
            ]
        } else {
            vec![
                stmt(BPF_LD | BPF_ABS | BPF_B, base.wrapping_add(9)),
                stmt(BPF_LDX | BPF_MSH | BPF_B, base),
            ]
        };
        if !self.opts.for_kernel {
            // The walk, then `add #0` (libpcap's) and the test of what it found.
            let mut stmts = first;
            stmts.push(self.cfg.add_loop(ChainLoop {
                v6,
                base,
                proto: v,
                cell: reg2,
                keep_cell: true,
            }));
            stmts.push(stmt(BPF_ALU | BPF_ADD | BPF_K, 0));
            let end = self.cfg.add(stmts, Term::cmp_k(BPF_JEQ, v));
            self.free_reg(reg2);
            let chain = Frag {
                entry: end,
                t: vec![(end, true)],
                f: vec![(end, false)],
            };
            return Ok(self.and(b0, chain));
        }
        // end: A holds the protocol found; the verdict is A == v.
        let end = self.cfg.add(
            vec![stmt(BPF_ALU | BPF_ADD | BPF_K, 0)],
            Term::cmp_k(BPF_JEQ, v),
        );
        let entry = self.cfg.add(first, Term::cmp_k(BPF_JEQ, v));
        self.cfg.set_target(entry, true, end);
        // Each pending block's false exit continues with the next step.
        let mut pending = entry;
        for _ in 0..PROTOCHAIN_DEPTH {
            let none = self.cfg.add(Vec::new(), Term::cmp_k(BPF_JEQ, IPPROTO_NONE));
            self.cfg.set_target(pending, false, none);
            self.cfg.set_target(none, true, end);
            let ahcheck = self.cfg.add(Vec::new(), Term::cmp_k(BPF_JEQ, IPPROTO_AH));
            self.cfg.set_target(ahcheck, false, end);
            let ah = self.cfg.add(
                vec![
                    stmt(BPF_MISC | BPF_TXA, 0),
                    stmt(BPF_LD | BPF_IND | BPF_B, base),
                    stmt(BPF_ST, reg2),
                    stmt(BPF_MISC | BPF_TXA, 0),
                    stmt(BPF_ALU | BPF_ADD | BPF_K, 1),
                    stmt(BPF_MISC | BPF_TAX, 0),
                    stmt(BPF_LD | BPF_IND | BPF_B, base),
                    stmt(BPF_ALU | BPF_ADD | BPF_K, 2),
                    stmt(BPF_ALU | BPF_MUL | BPF_K, 4),
                    stmt(BPF_MISC | BPF_TAX, 0),
                    stmt(BPF_LD | BPF_MEM, reg2),
                ],
                Term::cmp_k(BPF_JEQ, v),
            );
            self.cfg.set_target(ahcheck, true, ah);
            self.cfg.set_target(ah, true, end);
            if v6 {
                let adv = self.cfg.add(
                    vec![
                        stmt(BPF_LD | BPF_IND | BPF_B, base),
                        stmt(BPF_ST, reg2),
                        stmt(BPF_LD | BPF_IND | BPF_B, base.wrapping_add(1)),
                        stmt(BPF_ALU | BPF_ADD | BPF_K, 1),
                        stmt(BPF_ALU | BPF_MUL | BPF_K, 8),
                        stmt(BPF_ALU | BPF_ADD | BPF_X, 0),
                        stmt(BPF_MISC | BPF_TAX, 0),
                        stmt(BPF_LD | BPF_MEM, reg2),
                    ],
                    Term::cmp_k(BPF_JEQ, v),
                );
                self.cfg.set_target(adv, true, end);
                let mut prev = none;
                for (i, hdr) in [
                    IPPROTO_HOPOPTS,
                    IPPROTO_DSTOPTS,
                    IPPROTO_ROUTING,
                    IPPROTO_FRAGMENT,
                ]
                .into_iter()
                .enumerate()
                {
                    let t = self.cfg.add(Vec::new(), Term::cmp_k(BPF_JEQ, hdr));
                    self.cfg.set_target(prev, false, t);
                    self.cfg.set_target(t, true, adv);
                    if i == 3 {
                        self.cfg.set_target(t, false, ahcheck);
                    }
                    prev = t;
                }
                // Both advancing blocks continue with the next step.
                let next = self.cfg.add(Vec::new(), Term::cmp_k(BPF_JEQ, v));
                self.cfg.set_target(adv, false, next);
                self.cfg.set_target(ah, false, next);
                self.cfg.set_target(next, true, end);
                pending = next;
            } else {
                self.cfg.set_target(none, false, ahcheck);
                pending = ah;
            }
        }
        // Out of unrolled steps: decide on what was found so far.
        self.cfg.set_target(pending, false, end);
        self.free_reg(reg2);
        let chain = Frag {
            entry,
            t: vec![(end, true)],
            f: vec![(end, false)],
        };
        Ok(self.and(b0, chain))
    }
}

impl Gen<'_> {
    /// `decnet [dir] host AREA.NODE` (`addr` = area << 10 | node).
    pub fn dnhost(&mut self, addr: u32, dir: Option<Dir>, span: Span) -> Result<Frag, FilterError> {
        let (sh, lh) = match dir {
            Some(Dir::Dst) => (1, 7),
            Some(Dir::Src) => (3, 15),
            Some(Dir::SrcAndDst) => {
                let b0 = self.dnhost(addr, Some(Dir::Src), span)?;
                let b1 = self.dnhost(addr, Some(Dir::Dst), span)?;
                return Ok(self.and(b0, b1));
            }
            None | Some(Dir::SrcOrDst) => {
                let b0 = self.dnhost(addr, Some(Dir::Src), span)?;
                let b1 = self.dnhost(addr, Some(Dir::Dst), span)?;
                return Ok(self.or(b0, b1));
            }
            Some(d) => return Err(wlan_dir_misuse(d, FOR_ADDRS, span)),
        };
        // DECnet addresses are little-endian on the wire.
        let a = u32::from((addr as u16).swap_bytes());
        let b0 = self.linktype(ETHERTYPE_DN);
        // Short header without and with padding, then long header without and with.
        let cases: [(u16, u32, u32, u32); 4] = [
            (BPF_B, 0x02, 0x07, 2 + sh),
            (BPF_H, 0x8102, 0xff07, 2 + 1 + sh),
            (BPF_B, 0x06, 0x07, 2 + lh),
            (BPF_H, 0x8106, 0xff07, 2 + 1 + lh),
        ];
        let mut acc: Option<Frag> = None;
        for (size, flags, mask, off) in cases {
            let tmp = self.mcmp(OffRel::LinkPl, 2, size, flags, mask);
            let b = self.cmp(OffRel::LinkPl, off, BPF_H, a);
            let b = self.and(tmp, b);
            acc = Some(match acc {
                Some(x) => self.or(x, b),
                None => b,
            });
        }
        let b1 = acc.expect("four cases");
        Ok(self.and(b0, b1))
    }
}
