//! Encapsulations: VLAN tags, MPLS labels, PPPoE, Geneve. Each tests its own header
//! and then moves the offsets so that later primitives look inside it.

use super::link::*;
use super::offsets::{AbsOff, Dlt, OffRel, WlanHdr, stmt};
use super::ports::PortProto;
use super::{Frag, Gen};
use crate::bpf::insn::*;
use crate::filter::ast::{Dir, Span};
use crate::filter::cfg::{Term, UNSET};
use crate::filter::error::FilterError;

const PPPOE_HDRLEN: u32 = 6;
const PPP_MPLS_UCAST: u32 = 0x0281;
const GENEVE_PORT: u32 = 6081;
const IPPROTO_UDP: u32 = 17;

impl Gen<'_> {
    fn link_description(&self) -> &'static str {
        if self.link.dlt == Dlt::Ppp {
            "PPP"
        } else {
            self.opts.linktype.description()
        }
    }

    /// 802.1Q, 802.1ad or QinQ outer type.
    fn vlan_tpid_test(&mut self) -> Frag {
        let b0 = self.linktype(ETHERTYPE_8021Q);
        let b1 = self.linktype(ETHERTYPE_8021AD);
        let b1 = self.or(b0, b1);
        let b0 = self.linktype(ETHERTYPE_8021QINQ);
        self.or(b1, b0)
    }

    fn vlan_vid_test(&mut self, vid: u32) -> Frag {
        self.mcmp(OffRel::LinkPl, 0, BPF_H, vid, 0x0fff)
    }

    /// `vlan [id]`.
    pub fn vlan(&mut self, id: Option<u32>, span: Span) -> Result<Frag, FilterError> {
        if self.link.label_stack_depth > 0 {
            return Err(FilterError::new("no VLAN match after MPLS", span));
        }
        // libpcap tags 802.11 payloads too (not behind PPI), never with metadata.
        let wlan = matches!(self.link.dlt, Dlt::Wlan(w) if w != WlanHdr::Ppi);
        if self.link.dlt != Dlt::En10mb && !wlan {
            return Err(FilterError::new(
                format!("no VLAN support for {}", self.link_description()),
                span,
            ));
        }
        if let Some(v) = id
            && v > 0x0fff
        {
            return Err(FilterError::new(
                format!("VLAN tag {v} greater than maximum 4095"),
                span,
            ));
        }
        let outermost = !wlan
            && self.link.vlan_depth == 0
            && self.link.off_linkhdr.reg.is_none()
            && self.link.off_linkhdr.constant == 0;
        let f = if self.opts.linux_vlan_ancillary && outermost {
            // libpcap's optimizer proves nothing about the live VLAN code (it
            // patches offsets inside blocks; it even fails on some): never
            // "rejects all packets" there (tests/live_vlan.rs).
            self.libpcap_no_optimize = true;
            self.vlan_ancillary(id, span)?
        } else {
            let b0 = self.vlan_tpid_test();
            let b0 = match id {
                Some(v) => {
                    let b1 = self.vlan_vid_test(v);
                    self.and(b0, b1)
                }
                None => b0,
            };
            self.link.off_linkpl.constant += 4;
            if let Some(lt) = self.link.off_linktype.as_mut() {
                lt.constant += 4;
            }
            b0
        };
        self.link.vlan_depth += 1;
        Ok(f)
    }

    /// Live Linux capture: the kernel strips the outer tag and reports it as
    /// ancillary data; a tag still in the packet (e.g. not stripped) shifts later
    /// offsets at run time, kept in scratch registers.
    fn vlan_ancillary(&mut self, id: Option<u32>, span: Span) -> Result<Frag, FilterError> {
        let present = self.test(
            vec![stmt(
                BPF_LD | BPF_B | BPF_ABS,
                SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT,
            )],
            Term::cmp_k(BPF_JEQ, 1),
        );
        // Both tests are built with the offsets as they were before this tag.
        let tpid = self.vlan_tpid_test();
        let vid = id.map(|v| self.vlan_vid_test_ancillary(v));
        // Shift the offsets by 4 at run time when the tag is found inline.
        let mut bump = Vec::new();
        for which in [true, false] {
            let reg = {
                let off = if which {
                    self.link.off_linkpl
                } else {
                    self.link.off_linktype.unwrap_or(AbsOff::fixed(0))
                };
                match off.reg {
                    Some(r) => r,
                    None => self.alloc_offset_reg(span)?,
                }
            };
            if which {
                self.link.off_linkpl.reg = Some(reg);
                self.link.off_linkpl.variable = true;
            } else if let Some(lt) = self.link.off_linktype.as_mut() {
                lt.reg = Some(reg);
                lt.variable = true;
            }
            bump.push(stmt(BPF_LD | BPF_MEM, reg));
            bump.push(stmt(BPF_ALU | BPF_ADD | BPF_K, 4));
            bump.push(stmt(BPF_ST, reg));
        }
        let head = &mut self.cfg.blocks[tpid.entry].stmts;
        bump.append(head);
        *head = bump;
        let b0 = self.or(present, tpid);
        Ok(match vid {
            Some(v) => self.and(b0, v),
            None => b0,
        })
    }

    /// A scratch register for a run-time VLAN offset. The bumps add 4 to it and
    /// later loads add it, trusting it to hold 0 from program entry; so no code
    /// built before this `vlan` (which runs before it) may have stored to it.
    /// libpcap's round-robin choice reuses the register an earlier arithmetic
    /// expression just freed (`len > 100 and vlan and tcp` then reads TCP at offset
    /// 100 + 14 and rejects every stripped-tag packet: libpcap 1.10's live-capture
    /// bug). rfilter keeps libpcap's choice when it is clean, so listings stay
    /// libpcap's. Otherwise it takes the highest free register nothing stored to
    /// and keeps libpcap's choice reserved too, so that later allocations get the
    /// registers libpcap gives them.
    fn alloc_offset_reg(&mut self, span: Span) -> Result<u32, FilterError> {
        let stored: u32 = self
            .cfg
            .blocks
            .iter()
            .flat_map(|b| b.stmts.iter())
            .filter(|i| i.class() == BPF_ST || i.class() == BPF_STX)
            .fold(0, |m, i| m | 1u32.checked_shl(i.k).unwrap_or(0));
        let r = self.alloc_reg(span)?;
        if stored & (1 << r) == 0 {
            return Ok(r);
        }
        let clean = (0..BPF_MEMWORDS)
            .rev()
            .find(|&c| self.regused.get(c as usize) == Some(&false) && stored & (1 << c) == 0);
        match clean {
            Some(c) => {
                self.regused[c as usize] = true;
                Ok(c)
            }
            None => Err(FilterError::new(
                "too many registers needed to evaluate expression",
                span,
            )),
        }
    }

    /// The VID of the outer tag: from the ancillary data when the kernel reports
    /// a tag, else from the frame (the TCI just after the type field, at offsets
    /// taken before this tag moves them). As libpcap lays it out, both loads meet
    /// at one `and #0xfff; jeq`:
    ///
    /// ```text
    ///   ldb [vlanp]; jeq #1 -> meta, packet
    ///   meta:   ldb [vlan_tci]; ja test
    ///   packet: ldh [14]
    ///   test:   and #0xfff; jeq #vid
    /// ```
    ///
    /// The TCI is loaded with `ldb` as libpcap 1.10 does, so `-d` listings are
    /// libpcap's: the kernel (and rfilter's interpreter) load the whole 16-bit
    /// ancillary value whatever the size in the opcode.
    fn vlan_vid_test_ancillary(&mut self, vid: u32) -> Frag {
        let check = self.test(
            vec![stmt(
                BPF_LD | BPF_B | BPF_ABS,
                SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT,
            )],
            Term::cmp_k(BPF_JEQ, 1),
        );
        let from_meta = self.cfg.add(
            vec![stmt(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_VLAN_TAG)],
            Term::Goto(UNSET),
        );
        let tci = self.load(OffRel::LinkPl, 0, BPF_H);
        let from_packet = self.cfg.add(tci, Term::Goto(UNSET));
        let test = self.test(
            vec![stmt(BPF_ALU | BPF_AND | BPF_K, 0x0fff)],
            Term::cmp_k(BPF_JEQ, vid),
        );
        self.cfg.blocks[from_meta].term = Term::Goto(test.entry);
        self.cfg.blocks[from_packet].term = Term::Goto(test.entry);
        self.patch(&check.t, from_meta);
        self.patch(&check.f, from_packet);
        Frag {
            entry: check.entry,
            t: test.t,
            f: test.f,
        }
    }

    /// `mpls [label]`.
    pub fn mpls(&mut self, label: Option<u32>, span: Span) -> Result<Frag, FilterError> {
        let b0 = if self.link.label_stack_depth > 0 {
            // Inner label: the previous one must not be the bottom of the stack.
            self.mcmp(OffRel::PrevMplsHdr, 2, BPF_B, 0, 0x01)
        } else {
            match self.link.dlt {
                Dlt::En10mb | Dlt::CHdlc => self.linktype(ETHERTYPE_MPLS),
                Dlt::Ppp => self.linktype(PPP_MPLS_UCAST),
                _ => {
                    return Err(FilterError::new(
                        format!("no MPLS support for {}", self.link_description()),
                        span,
                    ));
                }
            }
        };
        let b0 = match label {
            Some(l) => {
                if l > 0xfffff {
                    return Err(FilterError::new(
                        format!("MPLS label {l} greater than maximum 1048575"),
                        span,
                    ));
                }
                let b1 = self.mcmp(OffRel::LinkPl, 0, BPF_W, l << 12, 0xffff_f000);
                self.and(b0, b1)
            }
            None => b0,
        };
        self.link.off_nl_nosnap = self.link.off_nl_nosnap.wrapping_add(4);
        self.link.off_nl = self.link.off_nl.wrapping_add(4);
        self.link.label_stack_depth += 1;
        Ok(b0)
    }

    /// `pppoed`: PPPoE discovery.
    pub fn pppoed(&mut self) -> Frag {
        self.linktype(ETHERTYPE_PPPOED)
    }

    /// `pppoes [session]`: PPPoE session; later tests look at the PPP payload.
    pub fn pppoes(&mut self, id: Option<u32>, span: Span) -> Result<Frag, FilterError> {
        let b0 = self.linktype(ETHERTYPE_PPPOES);
        let b0 = match id {
            Some(s) => {
                if s > 0xffff {
                    return Err(FilterError::new(
                        format!("PPPoE session number {s} greater than maximum 65535"),
                        span,
                    ));
                }
                let b1 = self.mcmp(OffRel::LinkPl, 0, BPF_W, s, 0x0000_ffff);
                self.and(b0, b1)
            }
            None => b0,
        };
        let pl = self.link.off_linkpl;
        let hdr = AbsOff {
            constant: pl
                .constant
                .wrapping_add(self.link.off_nl)
                .wrapping_add(PPPOE_HDRLEN),
            ..pl
        };
        self.link.dlt = Dlt::Ppp;
        self.link.off_linkhdr = hdr;
        self.link.off_linktype = Some(hdr);
        self.link.off_linkpl = AbsOff {
            constant: hdr.constant.wrapping_add(2),
            ..pl
        };
        self.link.off_nl = 0;
        self.link.off_nl_nosnap = 0;
        Ok(b0)
    }

    /// Geneve over UDP/IPv4 (`v6 == false`) or IPv6 to port 6081, version 0, optional
    /// VNI; leaves A = X = the IP header length.
    fn geneve_family(
        &mut self,
        v6: bool,
        vni: Option<u32>,
        span: Span,
    ) -> Result<Frag, FilterError> {
        let b0 = self.port_single_family(
            v6,
            GENEVE_PORT,
            PortProto::One(IPPROTO_UDP),
            Some(Dir::Dst),
            span,
        )?;
        let tran = if v6 {
            OffRel::TranIpv6
        } else {
            OffRel::TranIpv4
        };
        let b1 = self.mcmp(tran, 8, BPF_B, 0, 0xc0);
        let mut b0 = self.and(b0, b1);
        if let Some(v) = vni {
            let b1 = self.mcmp(tran, 12, BPF_W, v << 8, 0xffff_ff00);
            b0 = self.and(b0, b1);
        }
        let s = if v6 {
            // A = X = 40 plus the variable part of the payload offset, if any.
            match self.link.off_linkpl.reg {
                Some(r) => vec![
                    stmt(BPF_LDX | BPF_MEM, r),
                    stmt(BPF_LD | BPF_IMM, 40),
                    stmt(BPF_ALU | BPF_ADD | BPF_X, 0),
                    stmt(BPF_MISC | BPF_TAX, 0),
                ],
                None => vec![stmt(BPF_LD | BPF_IMM, 40), stmt(BPF_MISC | BPF_TAX, 0)],
            }
        } else {
            let mut s = self.loadx_iphdrlen();
            s.push(stmt(BPF_MISC | BPF_TXA, 0));
            s
        };
        let b1 = self.test(s, Term::cmp_x(BPF_JEQ));
        Ok(self.and(b0, b1))
    }

    /// `geneve [vni]`; later tests look at the encapsulated frame.
    pub fn geneve(&mut self, vni: Option<u32>, span: Span) -> Result<Frag, FilterError> {
        if let Some(v) = vni
            && v > 0x00ff_ffff
        {
            return Err(FilterError::new(
                format!("Geneve VNI {v} greater than maximum 16777215"),
                span,
            ));
        }
        // libpcap's Geneve code has bare jumps its optimizer cannot take.
        self.libpcap_no_optimize = true;
        let b0 = self.geneve_family(false, vni, span)?;
        let b1 = self.geneve_family(true, vni, span)?;
        let b0 = self.or(b0, b1);

        // Offsets of the encapsulated frame, computed from A = X = IP header length.
        let r_type = self.alloc_reg(span)?;
        let mut s = vec![
            stmt(
                BPF_ALU | BPF_ADD | BPF_K,
                self.link
                    .off_linkpl
                    .constant
                    .wrapping_add(self.link.off_nl)
                    .wrapping_add(8),
            ),
            stmt(BPF_MISC | BPF_TAX, 0),
            stmt(BPF_ALU | BPF_ADD | BPF_K, 2),
            stmt(BPF_ST, r_type),
            stmt(BPF_LD | BPF_IND | BPF_B, 0),
            stmt(BPF_ALU | BPF_AND | BPF_K, 0x3f),
            stmt(BPF_ALU | BPF_MUL | BPF_K, 4),
            stmt(BPF_ALU | BPF_ADD | BPF_K, 8),
            stmt(BPF_ALU | BPF_ADD | BPF_X, 0),
        ];
        let r_hdr = self.alloc_reg(span)?;
        s.push(stmt(BPF_ST, r_hdr));
        s.push(stmt(BPF_LD | BPF_IND | BPF_H, 2));
        s.push(stmt(BPF_LDX | BPF_MEM, r_hdr));
        let is_teb = self.cfg.add(s, Term::cmp_k(BPF_JEQ, ETHERTYPE_TEB));
        // Ethernet inside: the type field is 12 bytes in, the payload 14.
        let teb = self.cfg.add(
            vec![
                stmt(BPF_MISC | BPF_TXA, 0),
                stmt(BPF_ALU | BPF_ADD | BPF_K, 12),
                stmt(BPF_ST, r_type),
                stmt(BPF_ALU | BPF_ADD | BPF_K, 2),
                stmt(BPF_MISC | BPF_TAX, 0),
            ],
            Term::Goto(UNSET),
        );
        let r_pl = self.alloc_reg(span)?;
        let join = self.cfg.add(
            vec![stmt(BPF_STX, r_pl), stmt(BPF_LD | BPF_IMM, 0)],
            Term::cmp_k(BPF_JEQ, 0),
        );
        self.cfg.blocks[teb].term = Term::Goto(join);
        self.cfg.set_target(is_teb, true, teb);
        self.cfg.set_target(is_teb, false, join);
        let offsets = Frag {
            entry: is_teb,
            t: vec![(join, true)],
            f: vec![(join, false)],
        };
        let f = self.and(b0, offsets);

        self.link.dlt = Dlt::En10mb;
        self.link.off_linktype = Some(AbsOff::in_reg(Some(r_type), 0));
        self.link.off_linkhdr = AbsOff::in_reg(Some(r_hdr), 0);
        self.link.off_linkpl = AbsOff::in_reg(Some(r_pl), 0);
        self.link.off_nl = 0;
        self.link.is_geneve = true;
        Ok(f)
    }

    /// After `geneve`: the encapsulated frame has an Ethernet header (libpcap's
    /// `gen_geneve_ll_check`); `None` elsewhere.
    pub fn prevlinkhdr_check(&mut self) -> Option<Frag> {
        if !self.link.is_geneve {
            return self.lane_data_check();
        }
        let (Some(h), Some(p)) = (self.link.off_linkhdr.reg, self.link.off_linkpl.reg) else {
            return None;
        };
        let b = self.test(
            vec![stmt(BPF_LD | BPF_MEM, h), stmt(BPF_LDX | BPF_MEM, p)],
            Term::cmp_x(BPF_JEQ),
        );
        Some(Frag::negate(b))
    }
}
