//! Link-layer tests: "is the payload of type P" for each link type, and Ethernet
//! addresses.

use super::offsets::{Dlt, OffRel};
use super::{Frag, Gen};
use crate::bpf::insn::{BPF_B, BPF_H, BPF_W};
use crate::filter::ast::{Dir, Span};
use crate::filter::error::FilterError;

pub const ETHERTYPE_IP: u32 = 0x0800;
pub const ETHERTYPE_IPV6: u32 = 0x86dd;
pub const ETHERTYPE_ARP: u32 = 0x0806;
pub const ETHERTYPE_REVARP: u32 = 0x8035;
pub const ETHERTYPE_ATALK: u32 = 0x809b;
pub const ETHERTYPE_AARP: u32 = 0x80f3;
pub const ETHERTYPE_DN: u32 = 0x6003;
pub const ETHERTYPE_LAT: u32 = 0x6004;
pub const ETHERTYPE_SCA: u32 = 0x6007;
pub const ETHERTYPE_MOPRC: u32 = 0x6002;
pub const ETHERTYPE_MOPDL: u32 = 0x6001;
pub const ETHERTYPE_IPX: u32 = 0x8137;
pub const ETHERTYPE_NS: u32 = 0x0600;
pub const ETHERTYPE_PPPOED: u32 = 0x8863;
pub const ETHERTYPE_PPPOES: u32 = 0x8864;
pub const ETHERTYPE_MPLS: u32 = 0x8847;
pub const ETHERTYPE_8021Q: u32 = 0x8100;
pub const ETHERTYPE_8021AD: u32 = 0x88a8;
pub const ETHERTYPE_8021QINQ: u32 = 0x9100;
pub const ETHERTYPE_TEB: u32 = 0x6558;

pub const LLCSAP_ISONS: u32 = 0xfe;
pub const LLCSAP_IP: u32 = 0x06;
pub const LLCSAP_NETBEUI: u32 = 0xf0;
pub const LLCSAP_IPX: u32 = 0xe0;
pub const LLCSAP_8021D: u32 = 0x42;

/// Largest 802.3 length field; larger values are Ethernet II types.
const ETHERMTU: u32 = 1500;
const LINUX_SLL_P_802_3: u32 = 0x0001;
const LINUX_SLL_P_802_2: u32 = 0x0004;

/// Linux address families as the loopback headers carry them.
const AF_INET: u32 = 2;
const AF_INET6: u32 = 10;
/// AF_INET6 of NetBSD, OpenBSD and BSD/OS; of FreeBSD; of macOS.
const BSD_AF_INET6_BSD: u32 = 24;
const BSD_AF_INET6_FREEBSD: u32 = 28;
const BSD_AF_INET6_DARWIN: u32 = 30;

const NOT_ETHER: &str =
    "ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel";

/// How libpcap names a link type it cannot filter on: a family name for some
/// (every USB or IEEE 802.15.4 variant), its description for the others.
fn unfilterable_name(lt: crate::linktype::LinkType) -> &'static str {
    match lt.dlt() {
        139 | 140 => "MTP2",
        144 => "IrDA",
        177 => "LAPD",
        182 => "Multi-link Frame Relay",
        186 | 189 | 220 | 249 => "USB",
        187 | 201 => "Bluetooth",
        190 | 227 => "CAN",
        191 | 195 | 215 | 230 | 283 => "IEEE 802.15.4",
        193 => "IEEE 802.16",
        196 => "SITA",
        197 => "ERF",
        198 => "RAIF1",
        199 | 209 => "IPMB",
        202 => "AX.25",
        239 => "NFLOG",
        246 => "PFSYNC",
        _ => lt.description(),
    }
}

impl Gen<'_> {
    /// A loopback header holding address family `af`. DLT_NULL (and DLT_ENC)
    /// hold it in the byte order of the machine that wrote it: this one's
    /// (little endian) unless the savefile is byte-swapped; DLT_LOOP in
    /// network order.
    fn loopback_family(&mut self, af: u32) -> Frag {
        let v = if self.link.dlt == Dlt::Null {
            match self.opts.savefile {
                Some(true) => af,
                _ => af.swap_bytes(),
            }
        } else {
            af
        };
        self.cmp(OffRel::LinkHdr, 0, BPF_W, v)
    }

    /// libpcap's `gen_linktype`: the link layer says the payload is `proto` (an
    /// Ethernet type, or an LLC SAP when ≤ 1500).
    pub fn linktype(&mut self, proto: u32) -> Frag {
        if self.link.label_stack_depth > 0 {
            // Under MPLS: bottom of stack set on the last label, then the IP version.
            let version = match proto {
                ETHERTYPE_IP => 0x40,
                ETHERTYPE_IPV6 => 0x60,
                _ => {
                    self.defer_error("unsupported protocol over mpls");
                    return self.gen_false();
                }
            };
            let b0 = self.mcmp(OffRel::LinkPl, 2u32.wrapping_neg(), BPF_B, 0x01, 0x01);
            let b1 = self.mcmp(OffRel::LinkPl, 0, BPF_B, version, 0xf0);
            return self.and(b0, b1);
        }
        match self.link.dlt {
            Dlt::En10mb => {
                let b1 = self.ether_linktype(proto);
                match self.lane_data_check() {
                    Some(b0) => self.and(b0, b1),
                    None => b1,
                }
            }
            Dlt::LinuxSll => self.sll_linktype(proto),
            // libpcap 1.10 compares the protocol field directly, LLC SAPs included.
            Dlt::LinuxSll2 => self.cmp(OffRel::LinkType, 0, BPF_H, proto),
            Dlt::Raw => match proto {
                ETHERTYPE_IP => self.mcmp(OffRel::LinkHdr, 0, BPF_B, 0x40, 0xf0),
                ETHERTYPE_IPV6 => self.mcmp(OffRel::LinkHdr, 0, BPF_B, 0x60, 0xf0),
                _ => self.gen_false(),
            },
            Dlt::Ipv4 => self.uncond(proto == ETHERTYPE_IP),
            Dlt::Ipv6 => self.uncond(proto == ETHERTYPE_IPV6),
            Dlt::Null | Dlt::Loop => match proto {
                ETHERTYPE_IP => self.loopback_family(AF_INET),
                // The BSDs disagree on AF_INET6: a file may hold any of their
                // values (`30 or (24 or 28)`, libpcap's order); a live Linux
                // capture holds Linux's.
                ETHERTYPE_IPV6 if self.opts.savefile.is_some() => {
                    let bsd = self.loopback_family(BSD_AF_INET6_BSD);
                    let freebsd = self.loopback_family(BSD_AF_INET6_FREEBSD);
                    let b1 = self.or(bsd, freebsd);
                    let darwin = self.loopback_family(BSD_AF_INET6_DARWIN);
                    self.or(darwin, b1)
                }
                ETHERTYPE_IPV6 => self.loopback_family(AF_INET6),
                _ => self.gen_false(),
            },
            Dlt::Ppp | Dlt::PppSerial | Dlt::PppEther | Dlt::PppPppd => {
                let ppp = ethertype_to_ppptype(proto);
                self.cmp(OffRel::LinkType, 0, BPF_H, ppp)
            }
            // Cisco's type field is an Ethernet type; OSI has the lookalike 0xfefe,
            // other LLC SAPs are compared as they are (as libpcap does).
            Dlt::CHdlc => {
                let v = if proto == LLCSAP_ISONS {
                    (LLCSAP_ISONS << 8) | LLCSAP_ISONS
                } else {
                    proto
                };
                self.cmp(OffRel::LinkType, 0, BPF_H, v)
            }
            Dlt::Wlan(_) => self.wlan_linktype(proto),
            Dlt::Pflog => self.pflog_linktype(proto),
            // Solaris ipnet's own address family values.
            Dlt::Ipnet => match proto {
                ETHERTYPE_IP => self.cmp(OffRel::LinkType, 0, BPF_B, 2),
                ETHERTYPE_IPV6 => self.cmp(OffRel::LinkType, 0, BPF_B, 26),
                _ => self.gen_false(),
            },
            Dlt::Slip
            | Dlt::Frelay
            | Dlt::Juniper
            | Dlt::Arcnet
            | Dlt::Llc(_)
            | Dlt::PppBsdos
            | Dlt::Ltalk
            | Dlt::TypeField
            | Dlt::Bacnet
            | Dlt::SunAtm => self.more_linktype(proto),
            Dlt::Opaque => {
                // libpcap's message, then what rfilter can do there.
                let what = unfilterable_name(self.opts.linktype);
                let tests = if matches!(self.opts.linktype.dlt(), 139 | 140 | 197) {
                    "len, link[...] and the SS7 tests"
                } else {
                    "len and link[...]"
                };
                self.defer_error(&format!(
                    "{what} link-layer type filtering not implemented (rfilter filters this link type only with {tests})"
                ));
                self.gen_false()
            }
        }
    }

    /// Not an Ethernet II frame (length field ≤ 1500).
    fn is_8023(&mut self) -> Frag {
        let f = self.cmp_gt(OffRel::LinkType, 0, BPF_H, ETHERMTU);
        Frag::negate(f)
    }

    /// An 802.2 SNAP header with organisation code `org` and type `ptype`.
    fn snap(&mut self, org: u32, ptype: u32) -> Frag {
        let b = [
            0xaa,
            0xaa,
            0x03,
            (org >> 16) as u8,
            (org >> 8) as u8,
            org as u8,
            (ptype >> 8) as u8,
            ptype as u8,
        ];
        self.bcmp(OffRel::Llc, 0, &b)
    }

    fn ether_linktype(&mut self, proto: u32) -> Frag {
        match proto {
            LLCSAP_ISONS | LLCSAP_IP | LLCSAP_NETBEUI => {
                let b0 = self.is_8023();
                let b1 = self.cmp(OffRel::Llc, 0, BPF_H, (proto << 8) | proto);
                self.and(b0, b1)
            }
            LLCSAP_IPX => {
                let sap = self.cmp(OffRel::Llc, 0, BPF_B, LLCSAP_IPX);
                let raw = self.cmp(OffRel::Llc, 0, BPF_H, 0xffff);
                let b1 = self.or(sap, raw);
                let snap = self.snap(0, ETHERTYPE_IPX);
                let b1 = self.or(snap, b1);
                let b0 = self.is_8023();
                let b1 = self.and(b0, b1);
                let e2 = self.cmp(OffRel::LinkType, 0, BPF_H, ETHERTYPE_IPX);
                self.or(e2, b1)
            }
            ETHERTYPE_ATALK | ETHERTYPE_AARP => {
                let b0 = self.is_8023();
                let b1 = if proto == ETHERTYPE_ATALK {
                    self.snap(0x080007, ETHERTYPE_ATALK)
                } else {
                    self.snap(0, ETHERTYPE_AARP)
                };
                let b1 = self.and(b0, b1);
                let e2 = self.cmp(OffRel::LinkType, 0, BPF_H, proto);
                self.or(e2, b1)
            }
            _ if proto <= ETHERMTU => {
                let b0 = self.is_8023();
                let b1 = self.cmp(OffRel::LinkType, 2, BPF_B, proto);
                self.and(b0, b1)
            }
            _ => self.cmp(OffRel::LinkType, 0, BPF_H, proto),
        }
    }

    fn sll_linktype(&mut self, proto: u32) -> Frag {
        match proto {
            LLCSAP_ISONS | LLCSAP_IP | LLCSAP_NETBEUI => {
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, LINUX_SLL_P_802_2);
                let b1 = self.cmp(OffRel::LinkPl, 0, BPF_H, (proto << 8) | proto);
                self.and(b0, b1)
            }
            LLCSAP_IPX => {
                let sap = self.cmp(OffRel::LinkPl, 0, BPF_B, LLCSAP_IPX);
                let snap = self.snap(0, ETHERTYPE_IPX);
                let b1 = self.or(sap, snap);
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, LINUX_SLL_P_802_2);
                let b1 = self.and(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, LINUX_SLL_P_802_3);
                let b1 = self.or(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, ETHERTYPE_IPX);
                self.or(b0, b1)
            }
            ETHERTYPE_ATALK | ETHERTYPE_AARP => {
                let b1 = if proto == ETHERTYPE_ATALK {
                    self.snap(0x080007, ETHERTYPE_ATALK)
                } else {
                    self.snap(0, ETHERTYPE_AARP)
                };
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, LINUX_SLL_P_802_2);
                let b1 = self.and(b0, b1);
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, proto);
                self.or(b0, b1)
            }
            _ if proto <= ETHERMTU => {
                let b0 = self.cmp(OffRel::LinkType, 0, BPF_H, LINUX_SLL_P_802_2);
                let b1 = self.cmp(OffRel::LinkPl, 0, BPF_B, proto);
                self.and(b0, b1)
            }
            _ => self.cmp(OffRel::LinkType, 0, BPF_H, proto),
        }
    }

    /// The current link layer has Ethernet addresses (802.11's included).
    pub fn require_ether(&self, span: Span) -> Result<(), FilterError> {
        if self.mac_offsets().is_some() || self.is_wlan(true) {
            Ok(())
        } else {
            Err(FilterError::new(NOT_ETHER, span))
        }
    }

    /// `ether [dir] host MAC`.
    pub fn ehostop(
        &mut self,
        mac: &[u8; 6],
        dir: Option<Dir>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        self.require_ether(span)?;
        if self.is_wlan(true) {
            return Ok(self.wlan_hostop(mac, dir));
        }
        let (src, dst) = self.mac_offsets().unwrap_or((6, 0));
        Ok(match dir {
            Some(Dir::Src) => self.bcmp(OffRel::LinkHdr, src, mac),
            Some(Dir::Dst) => self.bcmp(OffRel::LinkHdr, dst, mac),
            Some(Dir::SrcAndDst) => {
                let a = self.bcmp(OffRel::LinkHdr, src, mac);
                let b = self.bcmp(OffRel::LinkHdr, dst, mac);
                self.and(a, b)
            }
            None | Some(Dir::SrcOrDst) => {
                let a = self.bcmp(OffRel::LinkHdr, src, mac);
                let b = self.bcmp(OffRel::LinkHdr, dst, mac);
                self.or(a, b)
            }
            Some(d) => return Err(wlan_dir_error(d, span)),
        })
    }

    /// `ether broadcast` / `broadcast`.
    pub fn ether_broadcast(&mut self, span: Span) -> Result<Frag, FilterError> {
        if self.is_wlan(true) {
            return Ok(self.wlan_hostop(&[0xff; 6], Some(Dir::Dst)));
        }
        if let Some(f) = self.arcnet_broadcast() {
            return Ok(f);
        }
        if let (Dlt::Llc(_), Some((_, dst))) = (self.link.dlt, self.mac_offsets()) {
            return Ok(self.bcmp(OffRel::LinkHdr, dst, &[0xff; 6]));
        }
        if self.link.dlt != Dlt::En10mb {
            return Err(FilterError::new("not a broadcast link", span));
        }
        let pre = self.prevlinkhdr_check();
        let b = self.bcmp(OffRel::LinkHdr, 0, &[0xff; 6]);
        Ok(match pre {
            Some(p) => self.and(p, b),
            None => b,
        })
    }

    /// `ether multicast` / `multicast`: the group bit of the destination.
    pub fn ether_multicast(&mut self, span: Span) -> Result<Frag, FilterError> {
        if self.is_wlan(true) {
            return Ok(self.wlan_multicast());
        }
        if let Some(f) = self.arcnet_broadcast() {
            return Ok(f);
        }
        if let (Dlt::Llc(_), Some((_, dst))) = (self.link.dlt, self.mac_offsets()) {
            let s = self.load(OffRel::LinkHdr, dst, BPF_B);
            return Ok(self.test(
                s,
                crate::filter::cfg::Term::cmp_k(crate::bpf::insn::BPF_JSET, 1),
            ));
        }
        if self.link.dlt != Dlt::En10mb {
            return Err(FilterError::new(
                "link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel",
                span,
            ));
        }
        let pre = self.prevlinkhdr_check();
        let s = self.load(OffRel::LinkHdr, 0, BPF_B);
        let b = self.test(
            s,
            crate::filter::cfg::Term::cmp_k(crate::bpf::insn::BPF_JSET, 1),
        );
        Ok(match pre {
            Some(p) => self.and(p, b),
            None => b,
        })
    }
}

/// The message libpcap gives for 802.11 direction qualifiers on other addresses.
pub fn wlan_dir_error(d: Dir, span: Span) -> FilterError {
    let name = match d {
        Dir::Addr1 => "'addr1' and 'address1' are",
        Dir::Addr2 => "'addr2' and 'address2' are",
        Dir::Addr3 => "'addr3' and 'address3' are",
        Dir::Addr4 => "'addr4' and 'address4' are",
        Dir::Ra => "'ra' is",
        Dir::Ta => "'ta' is",
        _ => "that direction is",
    };
    FilterError::new(
        format!("{name} only supported on 802.11 with 802.11 headers"),
        span,
    )
}

/// The PPP protocol number for an Ethernet type (libpcap's `ethertype_to_ppptype`).
pub fn ethertype_to_ppptype(proto: u32) -> u32 {
    match proto {
        ETHERTYPE_IP => 0x0021,
        ETHERTYPE_IPV6 => 0x0057,
        ETHERTYPE_DN => 0x0027,
        ETHERTYPE_ATALK => 0x0029,
        ETHERTYPE_NS => 0x0025,
        LLCSAP_ISONS => 0x0023,
        LLCSAP_8021D => 0x0031,
        LLCSAP_IPX => 0x002b,
        other => other,
    }
}
