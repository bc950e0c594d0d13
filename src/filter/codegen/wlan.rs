//! 802.11 link types (bare, radiotap, Prism, AVS, PPI): libpcap's tests of the
//! frame control field and addresses, protocols through the LLC/SNAP header of
//! data frames, and the code at program entry that computes the run-time lengths
//! of the radio header and of the 802.11 header.
//!
//! As libpcap does, the radio header's length goes into the register of the
//! link-header offset and the 802.11 header's end (radio header included) into the
//! register of the payload offset; each is computed only if some test loads
//! relative to it. The 802.11 header is taken to be 24 bytes, 26 for QoS data
//! frames (libpcap ignores the fourth address), rounded up to a multiple of 4 when
//! a radiotap header says the driver padded it.

use super::link::*;
use super::offsets::{Dlt, OffRel, WlanHdr, stmt};
use super::{Frag, Gen};
use crate::bpf::insn::*;
use crate::filter::ast::{Dir, Span};
use crate::filter::cfg::{BlockId, Term};
use crate::filter::error::FilterError;

/// Frame control, first byte: type and subtype fields.
const FC0_TYPE_CTL: u32 = 0x04;
const FC0_TYPE_MASK: u32 = 0x0c;
const FC0_SUBTYPE_MASK: u32 = 0xf0;
const FC0_SUBTYPE_CTS: u32 = 0xc0;
const FC0_SUBTYPE_ACK: u32 = 0xd0;
/// Frame control, second byte: the To DS / From DS bits.
const FC1_DIR_MASK: u32 = 0x03;
const FC1_DIR_DSTODS: u32 = 0x03;
/// LINKTYPE_IEEE802_11 as a PPI header's little-endian DLT field loads.
const PPI_DLT_80211: u32 = 0x6900_0000;

impl Gen<'_> {
    /// The link type is one of the 802.11 family (`ppi`: PPI included).
    pub fn is_wlan(&self, ppi: bool) -> bool {
        matches!(self.link.dlt, Dlt::Wlan(w) if ppi || w != WlanHdr::Ppi)
    }

    /// `link[off] & bit` is set.
    fn fc_bit(&mut self, off: u32, bit: u32) -> Frag {
        let s = self.load(OffRel::LinkHdr, off, BPF_B);
        self.test(s, Term::cmp_k(BPF_JSET, bit))
    }

    /// A data frame: type bits `10` (libpcap's `gen_check_802_11_data_frame`).
    pub fn wlan_data_frame(&mut self) -> Frag {
        let b0 = self.fc_bit(0, 0x08);
        let b1 = Frag::negate(self.fc_bit(0, 0x04));
        self.and(b1, b0)
    }

    /// libpcap's `gen_llc_linktype`: the LLC header says the payload is `proto`.
    pub fn llc_linktype(&mut self, proto: u32) -> Frag {
        match proto {
            LLCSAP_IP | LLCSAP_ISONS | LLCSAP_NETBEUI => {
                self.cmp(OffRel::Llc, 0, BPF_H, (proto << 8) | proto)
            }
            LLCSAP_IPX => self.cmp(OffRel::Llc, 0, BPF_B, LLCSAP_IPX),
            ETHERTYPE_ATALK => {
                let b = [0xaa, 0xaa, 0x03, 0x08, 0x00, 0x07, 0x80, 0x9b];
                self.bcmp(OffRel::Llc, 0, &b)
            }
            p if p <= 1500 => self.cmp(OffRel::Llc, 0, BPF_B, p),
            p => self.cmp(OffRel::Llc, 6, BPF_H, p),
        }
    }

    /// `gen_linktype` on 802.11: a data frame whose LLC header says `proto`.
    pub fn wlan_linktype(&mut self, proto: u32) -> Frag {
        let b0 = self.wlan_data_frame();
        let b1 = self.llc_linktype(proto);
        self.and(b0, b1)
    }

    /// The address at `off` is `mac` when `link[1] & bit` is `set`.
    fn addr_if_ds(&mut self, bit: u32, set: bool, off: u32, mac: &[u8; 6]) -> Frag {
        let c = self.fc_bit(1, bit);
        let c = if set { c } else { Frag::negate(c) };
        let a = self.bcmp(OffRel::LinkHdr, off, mac);
        self.and(c, a)
    }

    /// Management frames have the address at `mgt_off`; data frames where
    /// `data` says; control frames none (libpcap's SA/DA tests).
    fn sa_da(&mut self, data: Frag, mgt_off: u32, mac: &[u8; 6]) -> Frag {
        let is_data = self.fc_bit(0, 0x08);
        let b0 = self.and(is_data, data);
        let is_mgt = Frag::negate(self.fc_bit(0, 0x08));
        let b1 = self.bcmp(OffRel::LinkHdr, mgt_off, mac);
        let b1 = self.and(is_mgt, b1);
        let b0 = self.or(b1, b0);
        let not_ctl = Frag::negate(self.fc_bit(0, 0x04));
        self.and(not_ctl, b0)
    }

    /// Not a CTS or ACK control frame (the frames without a second address).
    fn has_addr2(&mut self) -> Frag {
        let b0 = self.mcmp(OffRel::LinkHdr, 0, BPF_B, FC0_TYPE_CTL, FC0_TYPE_MASK);
        let b0 = Frag::negate(b0);
        let b1 = self.mcmp(OffRel::LinkHdr, 0, BPF_B, FC0_SUBTYPE_CTS, FC0_SUBTYPE_MASK);
        let b1 = Frag::negate(b1);
        let b2 = self.mcmp(OffRel::LinkHdr, 0, BPF_B, FC0_SUBTYPE_ACK, FC0_SUBTYPE_MASK);
        let b2 = Frag::negate(b2);
        let b2 = self.and(b1, b2);
        self.or(b0, b2)
    }

    /// libpcap's `gen_wlanhostop`: an 802.11 address test.
    pub fn wlan_hostop(&mut self, mac: &[u8; 6], dir: Option<Dir>) -> Frag {
        match dir {
            Some(Dir::Src) => {
                // From DS: SA at 24 (To DS too) or 16; else at 10.
                let b0 = self.addr_if_ds(0x01, true, 24, mac);
                let b1 = self.addr_if_ds(0x01, false, 16, mac);
                let b0 = self.or(b1, b0);
                let from_ds = self.fc_bit(1, 0x02);
                let b0 = self.and(from_ds, b0);
                let b1 = self.addr_if_ds(0x02, false, 10, mac);
                let data = self.or(b1, b0);
                self.sa_da(data, 10, mac)
            }
            Some(Dir::Dst) => {
                // To DS: DA at 16; else at 4.
                let b0 = self.addr_if_ds(0x01, true, 16, mac);
                let b1 = self.addr_if_ds(0x01, false, 4, mac);
                let data = self.or(b1, b0);
                self.sa_da(data, 4, mac)
            }
            Some(Dir::SrcAndDst) => {
                let a = self.wlan_hostop(mac, Some(Dir::Src));
                let b = self.wlan_hostop(mac, Some(Dir::Dst));
                self.and(a, b)
            }
            None | Some(Dir::SrcOrDst) => {
                let a = self.wlan_hostop(mac, Some(Dir::Src));
                let b = self.wlan_hostop(mac, Some(Dir::Dst));
                self.or(a, b)
            }
            Some(Dir::Addr1) => self.bcmp(OffRel::LinkHdr, 4, mac),
            Some(Dir::Addr2) => {
                let b0 = self.has_addr2();
                let b1 = self.bcmp(OffRel::LinkHdr, 10, mac);
                self.and(b0, b1)
            }
            Some(Dir::Addr3) => {
                let b0 = self.mcmp(OffRel::LinkHdr, 0, BPF_B, FC0_TYPE_CTL, FC0_TYPE_MASK);
                let b0 = Frag::negate(b0);
                let b1 = self.bcmp(OffRel::LinkHdr, 16, mac);
                self.and(b0, b1)
            }
            Some(Dir::Addr4) => {
                let b0 = self.mcmp(OffRel::LinkHdr, 1, BPF_B, FC1_DIR_DSTODS, FC1_DIR_MASK);
                let b1 = self.bcmp(OffRel::LinkHdr, 24, mac);
                self.and(b0, b1)
            }
            Some(Dir::Ra) => {
                let b1 = self.fc_bit(0, 0x08);
                let b0 = self.bcmp(OffRel::LinkHdr, 4, mac);
                self.and(b1, b0)
            }
            Some(Dir::Ta) => {
                let b2 = self.has_addr2();
                let b1 = self.fc_bit(0, 0x08);
                let b2 = self.and(b1, b2);
                let b1 = self.bcmp(OffRel::LinkHdr, 10, mac);
                self.and(b2, b1)
            }
        }
    }

    /// `multicast` on 802.11: the group bit of the destination address.
    pub fn wlan_multicast(&mut self) -> Frag {
        let group = |g: &mut Self, off: u32| g.fc_bit(off, 1);
        let to_ds = self.fc_bit(1, 0x01);
        let m = group(self, 16);
        let b0 = self.and(to_ds, m);
        let not_to_ds = Frag::negate(self.fc_bit(1, 0x01));
        let m = group(self, 4);
        let b1 = self.and(not_to_ds, m);
        let b0 = self.or(b1, b0);
        let is_data = self.fc_bit(0, 0x08);
        let b0 = self.and(is_data, b0);
        let is_mgt = Frag::negate(self.fc_bit(0, 0x08));
        let m = group(self, 4);
        let b1 = self.and(is_mgt, m);
        let b0 = self.or(b1, b0);
        let not_ctl = Frag::negate(self.fc_bit(0, 0x04));
        self.and(not_ctl, b0)
    }

    /// `type T [subtype S]` / `subtype S`: frame control bits under `mask`.
    pub fn p80211_type(&mut self, value: u32, mask: u32, span: Span) -> Result<Frag, FilterError> {
        if !self.is_wlan(false) {
            return Err(FilterError::new(
                "802.11 link-layer types supported only on 802.11",
                span,
            ));
        }
        Ok(self.mcmp(OffRel::LinkHdr, 0, BPF_B, value, mask))
    }

    /// `dir D`: the To DS / From DS bits.
    pub fn p80211_dir(&mut self, dir: u32, span: Span) -> Result<Frag, FilterError> {
        if !self.is_wlan(false) {
            return Err(FilterError::new(
                "frame direction supported only with 802.11 headers",
                span,
            ));
        }
        Ok(self.mcmp(OffRel::LinkHdr, 1, BPF_B, dir, FC1_DIR_MASK))
    }

    /// Prefixes `entry` with the code computing the variable offsets some test
    /// used (libpcap's `insert_compute_vloffsets`: the radio and 802.11 header
    /// lengths here, pflog's header length in [`super::pflog`]), and, on PPI, the
    /// check that the packet carries 802.11 (which libpcap puts first whatever
    /// the filter). Returns the new entry block; `reject` is where the PPI check
    /// fails to.
    pub fn finish_vloffsets(&mut self, entry: BlockId, reject: BlockId) -> BlockId {
        // The entry code is that of the outermost header, whatever encapsulation
        // tests made of `link.dlt` since.
        let kind = match super::offsets::LinkState::new(self.opts.linktype).dlt {
            Dlt::Wlan(kind) => kind,
            Dlt::Pflog => return self.pflog_prefix(entry).unwrap_or(entry),
            _ => return entry,
        };
        let mut entry = entry;
        if self.link.off_linkpl.reg.is_some()
            && self.link.off_linkhdr.variable
            && self.link.off_linkhdr.reg.is_none()
        {
            // The payload offset includes the radio header's length.
            self.abs_off(super::offsets::Which::Hdr);
        }
        // Code run in order: radio header length (X = it), 802.11 header length.
        let hdr_len = self
            .link
            .off_linkpl
            .reg
            .map(|pl| self.header_len_blocks(kind, pl, entry));
        let after_prefix = hdr_len.unwrap_or(entry);
        let prefix = self.prefix_len_blocks(kind, after_prefix);
        match (prefix, hdr_len) {
            (Some(p), _) => entry = p,
            (None, Some(h)) => {
                // No radio header: the 802.11 header starts the packet.
                let b = self
                    .cfg
                    .add(vec![stmt(BPF_LDX | BPF_IMM, 0)], Term::Goto(h));
                entry = b;
            }
            (None, None) => {}
        }
        if self.link.dlt == Dlt::Wlan(WlanHdr::Ppi) {
            let check = self.cfg.add(
                vec![stmt(BPF_LD | BPF_W | BPF_ABS, 4)],
                Term::jeq(PPI_DLT_80211, entry, reject),
            );
            entry = check;
        }
        entry
    }

    /// The radio header's length into its register and X, then `next`; `None`
    /// when nothing loads relative to the link header.
    fn prefix_len_blocks(&mut self, kind: WlanHdr, next: BlockId) -> Option<BlockId> {
        let r = self.link.off_linkhdr.reg?;
        let store = vec![stmt(BPF_ST, r), stmt(BPF_MISC | BPF_TAX, 0)];
        Some(match kind {
            WlanHdr::Bare => return None,
            WlanHdr::Radiotap | WlanHdr::Ppi => {
                // The length is little-endian at offset 2.
                let mut s = vec![
                    stmt(BPF_LD | BPF_B | BPF_ABS, 3),
                    stmt(BPF_ALU | BPF_LSH | BPF_K, 8),
                    stmt(BPF_MISC | BPF_TAX, 0),
                    stmt(BPF_LD | BPF_B | BPF_ABS, 2),
                    stmt(BPF_ALU | BPF_OR | BPF_X, 0),
                ];
                s.extend(store);
                self.cfg.add(s, Term::Goto(next))
            }
            WlanHdr::Avs => {
                let mut s = vec![stmt(BPF_LD | BPF_W | BPF_ABS, 4)];
                s.extend(store);
                self.cfg.add(s, Term::Goto(next))
            }
            WlanHdr::Prism => {
                // An AVS header behind DLT_PRISM_HEADER: its cookie, then its length.
                // Branches again: unoptimized, as libpcap leaves it.
                self.no_optimize = true;
                let join = self.cfg.add(store, Term::Goto(next));
                let avs = self
                    .cfg
                    .add(vec![stmt(BPF_LD | BPF_W | BPF_ABS, 4)], Term::Goto(join));
                let prism = self
                    .cfg
                    .add(vec![stmt(BPF_LD | BPF_W | BPF_IMM, 144)], Term::Goto(join));
                self.cfg.add(
                    vec![
                        stmt(BPF_LD | BPF_W | BPF_ABS, 0),
                        stmt(BPF_ALU | BPF_AND | BPF_K, 0xffff_f000),
                    ],
                    Term::jeq(0x8021_1000, avs, prism),
                )
            }
        })
    }

    /// With X = the radio header's length: the end of the 802.11 header into
    /// register `pl`, then `next` (libpcap's `gen_load_802_11_header_len`).
    fn header_len_blocks(&mut self, kind: WlanHdr, pl: u32, next: BlockId) -> BlockId {
        // libpcap does not optimize programs with this code; neither do we (its
        // registers are overwritten by arithmetic that reuses them, as libpcap's
        // are, which the optimizer does not expect).
        self.no_optimize = true;
        let branch = |code: u16, k: u32, jt: BlockId, jf: BlockId| Term::Branch {
            code: BPF_JMP | code | BPF_K,
            k,
            jt,
            jf,
        };
        // After a data frame's length: radiotap's "data pad" flag, if it can be
        // found (flags present, one presence word); TSFT, if present, comes first.
        // libpcap decides this (and the PPI check) on the link type in force at
        // the end of the filter, which `pppoes` changes.
        let pad_check = if kind == WlanHdr::Radiotap && self.link.dlt == Dlt::Wlan(kind) {
            let round = self.cfg.add(
                vec![
                    stmt(BPF_LD | BPF_MEM, pl),
                    stmt(BPF_ALU | BPF_ADD | BPF_K, 3),
                    stmt(BPF_ALU | BPF_AND | BPF_K, !3u32),
                    stmt(BPF_ST, pl),
                ],
                Term::Goto(next),
            );
            let no_tsft = self.cfg.add(
                vec![stmt(BPF_LD | BPF_ABS | BPF_B, 8)],
                branch(BPF_JSET, 0x20, round, next),
            );
            let tsft = self.cfg.add(
                vec![stmt(BPF_LD | BPF_ABS | BPF_B, 16)],
                branch(BPF_JSET, 0x20, round, next),
            );
            let has_tsft = self
                .cfg
                .add(Vec::new(), branch(BPF_JSET, 0x0100_0000, tsft, no_tsft));
            let ext = self
                .cfg
                .add(Vec::new(), branch(BPF_JSET, 0x80, next, has_tsft));
            self.cfg.add(
                vec![stmt(BPF_LD | BPF_ABS | BPF_W, 4)],
                branch(BPF_JSET, 0x0200_0000, ext, next),
            )
        } else {
            next
        };
        let qos = self.cfg.add(
            vec![
                stmt(BPF_LD | BPF_MEM, pl),
                stmt(BPF_ALU | BPF_ADD | BPF_K, 2),
                stmt(BPF_ST, pl),
            ],
            Term::Goto(pad_check),
        );
        let is_qos = self
            .cfg
            .add(Vec::new(), branch(BPF_JSET, 0x80, qos, pad_check));
        let not_ctl = self
            .cfg
            .add(Vec::new(), branch(BPF_JSET, 0x04, next, is_qos));
        self.cfg.add(
            vec![
                stmt(BPF_MISC | BPF_TXA, 0),
                stmt(BPF_ALU | BPF_ADD | BPF_K, 24),
                stmt(BPF_ST, pl),
                stmt(BPF_LD | BPF_IND | BPF_B, 0),
            ],
            branch(BPF_JSET, 0x08, not_ctl, next),
        )
    }
}
