//! Where the headers are: libpcap's offset state, and loads relative to it.
//!
//! Offsets start from the link type's fixed layout and move as encapsulation
//! primitives (`vlan`, `mpls`, `pppoes`, `geneve`) are compiled: everything after
//! such a primitive, in expression order, looks further into the packet. An offset
//! may have a variable part kept in a scratch register (after `geneve`).

use super::{Frag, Gen};
use crate::bpf::Insn;
use crate::bpf::insn::*;
use crate::filter::cfg::Term;
use crate::linktype::LinkType;

/// Link-layer header kinds the generator distinguishes; `Ppp` is both DLT_PPP and
/// the payload of a PPPoE session (after `pppoes`, which libpcap compiles as DLT_PPP).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dlt {
    En10mb,
    LinuxSll,
    LinuxSll2,
    Raw,
    Ipv4,
    Ipv6,
    Null,
    Loop,
    Ppp,
    /// PPP in HDLC-like framing: as `Ppp`, but libpcap has no MPLS for it.
    PppSerial,
    /// PPPoE without the Ethernet header.
    PppEther,
    /// Cisco HDLC: an Ethernet type after address and control.
    CHdlc,
    /// PPP from pppd: the address byte is the direction.
    PppPppd,
    /// 802.11, bare or behind a radio header: the 802.11 header length (and the
    /// radio header's) are read from the packet at run time.
    Wlan(WlanHdr),
    /// Solaris ipnet: a 24-byte header whose second byte is the address family.
    Ipnet,
    /// OpenBSD pf log: the payload offset is the header's length byte, rounded.
    Pflog,
    /// SLIP and BSD/OS SLIP: a fixed header, then IPv4 or IPv6 (no type field).
    Slip,
    /// Frame Relay: Q.922 address, UI control, NLPID.
    Frelay,
    /// A Juniper pseudo-header: protocol tests check only its magic.
    Juniper,
    /// ARCnet (BSD or Linux header): a one-byte system code says the protocol.
    Arcnet,
    /// An 802.2 LLC header at the type field (Token Ring, FDDI, ATM, IP over FC).
    Llc(super::linkmore::LlcLink),
    /// BSD/OS PPP: the PPP protocol at 5 (compressed TCP counts as IP).
    PppBsdos,
    /// LocalTalk: AppleTalk and nothing else.
    Ltalk,
    /// An Ethernet type at a fixed offset and nothing else known.
    TypeField,
    /// BACnet MS/TP: protocol tests check only the preamble.
    Bacnet,
    /// SunATM: LLC-encapsulated protocols behind the ATM pseudo-header.
    SunAtm,
    /// A link type whose header rfilter does not parse: only `len` and `link[...]`
    /// compile, as libpcap allows for the link types it cannot filter on.
    Opaque,
}

/// What precedes the 802.11 header (libpcap's DLT_IEEE802_11 family).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WlanHdr {
    /// DLT_IEEE802_11: the 802.11 header starts the packet.
    Bare,
    /// DLT_IEEE802_11_RADIO: a radiotap header, little-endian length at offset 2.
    Radiotap,
    /// DLT_PRISM_HEADER: 144 bytes, or an AVS header behind the same link type.
    Prism,
    /// DLT_IEEE802_11_RADIO_AVS: big-endian length at offset 4.
    Avs,
    /// DLT_PPI: as radiotap, and the packet must say it carries 802.11.
    Ppi,
}

impl WlanHdr {
    /// The 802.11 family member for a LINKTYPE value, if it is one.
    pub fn of_linktype(v: u16) -> Option<WlanHdr> {
        Some(match v {
            105 => WlanHdr::Bare,
            127 => WlanHdr::Radiotap,
            119 => WlanHdr::Prism,
            163 => WlanHdr::Avs,
            192 => WlanHdr::Ppi,
            _ => return None,
        })
    }
}

/// An absolute packet offset: `constant` plus, when `variable`, the value of scratch
/// register `reg`. A variable offset gets its register when code first loads
/// relative to it (libpcap's `gen_abs_offset_varpart`), so that the code computing
/// it at program entry is emitted only when something uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AbsOff {
    pub variable: bool,
    pub reg: Option<u32>,
    pub constant: u32,
}

impl AbsOff {
    pub const fn fixed(constant: u32) -> AbsOff {
        AbsOff {
            variable: false,
            reg: None,
            constant,
        }
    }

    /// `constant` plus the value of register `reg`.
    pub const fn in_reg(reg: Option<u32>, constant: u32) -> AbsOff {
        AbsOff {
            variable: reg.is_some(),
            reg,
            constant,
        }
    }

    /// A variable offset whose register is not allocated yet.
    pub const fn pending(constant: u32) -> AbsOff {
        AbsOff {
            variable: true,
            reg: None,
            constant,
        }
    }
}

/// Which of the link-layer offsets a load is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// The link-layer header.
    Hdr,
    /// The link-layer payload.
    Payload,
    /// The link-layer type field.
    TypeField,
}

/// What an offset is relative to (libpcap's `enum e_offrel`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffRel {
    /// The start of the packet, whatever the link header.
    Packet,
    LinkHdr,
    Llc,
    PrevMplsHdr,
    LinkType,
    LinkPl,
    LinkPlNoSnap,
    TranIpv4,
    TranIpv6,
}

/// libpcap's per-compilation offset state.
#[derive(Clone, Debug)]
pub struct LinkState {
    pub dlt: Dlt,
    pub off_linkhdr: AbsOff,
    /// `None`: the link type has no type field (raw IP).
    pub off_linktype: Option<AbsOff>,
    pub off_linkpl: AbsOff,
    pub off_nl: u32,
    pub off_nl_nosnap: u32,
    /// MPLS labels seen so far (later tests assume IP under the labels).
    pub label_stack_depth: u32,
    /// A `geneve` has been compiled: the type field is that of the inner frame.
    pub is_geneve: bool,
    /// `vlan` primitives compiled so far (only the first may use ancillary data).
    pub vlan_depth: u32,
    /// The link type is SunATM (ATM tests compile, `lane` or not).
    pub atm: bool,
    /// The link layer is LANE's emulated Ethernet straight over SunATM (one
    /// `lane` compiled, not more).
    pub lane: bool,
}

impl LinkState {
    pub fn new(lt: LinkType) -> LinkState {
        let more = match lt {
            LinkType::Other(_) => super::linkmore::layout(lt.dlt()),
            _ => None,
        };
        let (dlt, linktype, linkpl, nosnap) = if let Some(l) = &more {
            (l.dlt, l.linktype, l.linkpl, l.nosnap)
        } else {
            Self::core_layout(lt)
        };
        let (off_linkhdr, off_linkpl, off_nl) = match dlt {
            Dlt::Wlan(WlanHdr::Bare) => (AbsOff::fixed(0), AbsOff::pending(0), 8),
            Dlt::Wlan(_) => (AbsOff::pending(0), AbsOff::pending(0), 8),
            Dlt::Pflog => (AbsOff::fixed(0), AbsOff::pending(0), 0),
            _ => match more {
                Some(l) => (AbsOff::fixed(l.linkhdr), AbsOff::fixed(linkpl), l.nl),
                None => (AbsOff::fixed(0), AbsOff::fixed(linkpl), 0),
            },
        };
        LinkState {
            dlt,
            off_linkhdr,
            off_linktype: linktype.map(AbsOff::fixed),
            off_linkpl,
            off_nl,
            off_nl_nosnap: nosnap,
            label_stack_depth: 0,
            is_geneve: false,
            vlan_depth: 0,
            atm: dlt == Dlt::SunAtm,
            lane: false,
        }
    }

    /// Type-field offset, payload offset and no-SNAP network offset of the core
    /// link types, the 802.11 family, pflog and ipnet.
    fn core_layout(lt: LinkType) -> (Dlt, Option<u32>, u32, u32) {
        match lt {
            LinkType::En10mb => (Dlt::En10mb, Some(12), 14, 3),
            LinkType::LinuxSll => (Dlt::LinuxSll, Some(14), 16, 0),
            LinkType::LinuxSll2 => (Dlt::LinuxSll2, Some(0), 20, 0),
            LinkType::Raw => (Dlt::Raw, None, 0, 0),
            LinkType::Ipv4 => (Dlt::Ipv4, None, 0, 0),
            LinkType::Ipv6 => (Dlt::Ipv6, None, 0, 0),
            LinkType::Null => (Dlt::Null, Some(0), 4, 0),
            LinkType::Loop => (Dlt::Loop, Some(0), 4, 0),
            // Address and control bytes, then the 16-bit protocol or Ethernet type.
            LinkType::Ppp => (Dlt::Ppp, Some(2), 4, 0),
            LinkType::PppSerial => (Dlt::PppSerial, Some(2), 4, 0),
            LinkType::CHdlc => (Dlt::CHdlc, Some(2), 4, 0),
            LinkType::PppPppd => (Dlt::PppPppd, Some(2), 4, 0),
            // The 6-byte PPPoE header, then the PPP protocol.
            LinkType::PppEther => (Dlt::PppEther, Some(6), 8, 0),
            // Family at 1; libpcap has no no-SNAP offset here (it wraps around).
            LinkType::Other(226) => (Dlt::Ipnet, Some(1), 24, u32::MAX),
            LinkType::Other(117) => (Dlt::Pflog, Some(0), 0, 0),
            LinkType::Other(v) => match WlanHdr::of_linktype(v) {
                // The type "field" is where a SNAP header's would be; the payload
                // follows the 802.11 header, whose length is known at run time.
                Some(w) => (Dlt::Wlan(w), Some(24), 0, 3),
                None => (Dlt::Opaque, None, 0, 0),
            },
        }
    }
}

pub fn stmt(code: u16, k: u32) -> Insn {
    Insn::stmt(code, k)
}

/// Load-size bits for a byte count (1, 2 or 4).
pub fn size_code(size: u32) -> u16 {
    match size {
        1 => BPF_B,
        2 => BPF_H,
        _ => BPF_W,
    }
}

impl Gen<'_> {
    /// The offset `which`, with a register allocated for its variable part if it
    /// has one and none was allocated yet.
    pub fn abs_off(&mut self, which: Which) -> AbsOff {
        let slot = match which {
            Which::Hdr => Some(self.link.off_linkhdr),
            Which::Payload => Some(self.link.off_linkpl),
            Which::TypeField => self.link.off_linktype,
        };
        let Some(mut off) = slot else {
            return AbsOff::fixed(0);
        };
        if off.variable && off.reg.is_none() {
            match self.alloc_reg(crate::filter::ast::Span::default()) {
                Ok(r) => off.reg = Some(r),
                Err(e) => {
                    self.defer_error(&e.message);
                    off.reg = Some(0);
                }
            }
            match which {
                Which::Hdr => self.link.off_linkhdr = off,
                Which::Payload => self.link.off_linkpl = off,
                Which::TypeField => self.link.off_linktype = Some(off),
            }
        }
        off
    }

    /// Loads `size` bytes at `abs + offset` into A.
    fn load_abs_rel(&mut self, which: Which, offset: u32, size: u16) -> Vec<Insn> {
        let abs = self.abs_off(which);
        match abs.reg {
            Some(r) => vec![
                stmt(BPF_LDX | BPF_MEM, r),
                stmt(BPF_LD | BPF_IND | size, abs.constant.wrapping_add(offset)),
            ],
            None => vec![stmt(
                BPF_LD | BPF_ABS | size,
                abs.constant.wrapping_add(offset),
            )],
        }
    }

    /// X = IPv4 header length (plus the variable part of the payload offset).
    pub fn loadx_iphdrlen(&mut self) -> Vec<Insn> {
        let pl = self.abs_off(Which::Payload);
        match pl.reg {
            Some(r) => vec![
                stmt(BPF_LDX | BPF_MEM, r),
                stmt(
                    BPF_LD | BPF_IND | BPF_B,
                    pl.constant.wrapping_add(self.link.off_nl),
                ),
                stmt(BPF_ALU | BPF_AND | BPF_K, 0xf),
                stmt(BPF_ALU | BPF_LSH | BPF_K, 2),
                stmt(BPF_ALU | BPF_ADD | BPF_X, 0),
                stmt(BPF_MISC | BPF_TAX, 0),
            ],
            None => vec![stmt(
                BPF_LDX | BPF_MSH | BPF_B,
                pl.constant.wrapping_add(self.link.off_nl),
            )],
        }
    }

    /// Loads `size` (`BPF_B`/`H`/`W`) bytes at `offset` relative to `rel` into A.
    pub fn load(&mut self, rel: OffRel, offset: u32, size: u16) -> Vec<Insn> {
        let nl = self.link.off_nl;
        match rel {
            OffRel::Packet => vec![stmt(BPF_LD | BPF_ABS | size, offset)],
            OffRel::LinkHdr => self.load_abs_rel(Which::Hdr, offset, size),
            OffRel::Llc => self.load_abs_rel(Which::Payload, offset, size),
            OffRel::PrevMplsHdr => self.load_abs_rel(
                Which::Payload,
                nl.wrapping_sub(4).wrapping_add(offset),
                size,
            ),
            OffRel::LinkType => self.load_abs_rel(Which::TypeField, offset, size),
            OffRel::LinkPl => self.load_abs_rel(Which::Payload, nl.wrapping_add(offset), size),
            OffRel::LinkPlNoSnap => {
                let nosnap = self.link.off_nl_nosnap;
                self.load_abs_rel(Which::Payload, nosnap.wrapping_add(offset), size)
            }
            OffRel::TranIpv4 => {
                let mut s = self.loadx_iphdrlen();
                s.push(stmt(
                    BPF_LD | BPF_IND | size,
                    self.link
                        .off_linkpl
                        .constant
                        .wrapping_add(nl)
                        .wrapping_add(offset),
                ));
                s
            }
            OffRel::TranIpv6 => self.load_abs_rel(
                Which::Payload,
                nl.wrapping_add(40).wrapping_add(offset),
                size,
            ),
        }
    }

    /// libpcap's `gen_ncmp`: load, optionally mask, compare with `v` using `op`
    /// (`BPF_JEQ`, `BPF_JGT`, `BPF_JGE`); `reverse` negates.
    #[allow(clippy::too_many_arguments)]
    pub fn ncmp(
        &mut self,
        rel: OffRel,
        offset: u32,
        size: u16,
        mask: u32,
        op: u16,
        reverse: bool,
        v: u32,
    ) -> Frag {
        let mut s = self.load(rel, offset, size);
        if mask != 0xffff_ffff {
            s.push(stmt(BPF_ALU | BPF_AND | BPF_K, mask));
        }
        let f = self.test(s, Term::cmp_k(op, v));
        if reverse { Frag::negate(f) } else { f }
    }

    pub fn cmp(&mut self, rel: OffRel, offset: u32, size: u16, v: u32) -> Frag {
        self.ncmp(rel, offset, size, 0xffff_ffff, BPF_JEQ, false, v)
    }
    pub fn cmp_gt(&mut self, rel: OffRel, offset: u32, size: u16, v: u32) -> Frag {
        self.ncmp(rel, offset, size, 0xffff_ffff, BPF_JGT, false, v)
    }
    pub fn cmp_ge(&mut self, rel: OffRel, offset: u32, size: u16, v: u32) -> Frag {
        self.ncmp(rel, offset, size, 0xffff_ffff, BPF_JGE, false, v)
    }
    pub fn cmp_lt(&mut self, rel: OffRel, offset: u32, size: u16, v: u32) -> Frag {
        self.ncmp(rel, offset, size, 0xffff_ffff, BPF_JGE, true, v)
    }
    pub fn cmp_le(&mut self, rel: OffRel, offset: u32, size: u16, v: u32) -> Frag {
        self.ncmp(rel, offset, size, 0xffff_ffff, BPF_JGT, true, v)
    }
    pub fn mcmp(&mut self, rel: OffRel, offset: u32, size: u16, v: u32, mask: u32) -> Frag {
        self.ncmp(rel, offset, size, mask, BPF_JEQ, false, v)
    }

    /// Compares a byte string, last four-byte word first, as libpcap's `gen_bcmp`.
    pub fn bcmp(&mut self, rel: OffRel, offset: u32, bytes: &[u8]) -> Frag {
        let mut size = bytes.len();
        let mut acc: Option<Frag> = None;
        let push = |g: &mut Self, f: Frag, acc: &mut Option<Frag>| {
            *acc = Some(match acc.take() {
                Some(a) => g.and(a, f),
                None => f,
            });
        };
        while size >= 4 {
            let w = u32::from_be_bytes([
                bytes[size - 4],
                bytes[size - 3],
                bytes[size - 2],
                bytes[size - 1],
            ]);
            let f = self.cmp(rel, offset + size as u32 - 4, BPF_W, w);
            push(self, f, &mut acc);
            size -= 4;
        }
        while size >= 2 {
            let h = u32::from(u16::from_be_bytes([bytes[size - 2], bytes[size - 1]]));
            let f = self.cmp(rel, offset + size as u32 - 2, BPF_H, h);
            push(self, f, &mut acc);
            size -= 2;
        }
        if size > 0 {
            let f = self.cmp(rel, offset, BPF_B, u32::from(bytes[0]));
            push(self, f, &mut acc);
        }
        match acc {
            Some(f) => f,
            None => self.gen_true(),
        }
    }
}
