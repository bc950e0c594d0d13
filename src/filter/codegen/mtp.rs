//! SS7 over MTP2 (DLT_MTP2, DLT_MTP2_WITH_PHDR, and ERF records, which may
//! carry it): the signal unit type from the MTP2 length indicator, and the
//! MTP3 service information octet and routing label fields, as libpcap's
//! `gen_mtp2type_abbrev` and `gen_mtp3field_code` test them. The
//! high-speed-link forms read a 9-bit length indicator two bytes further on
//! and MTP3 fields three bytes further on.

use super::offsets::OffRel;
use super::{Frag, Gen};
use crate::bpf::insn::*;
use crate::filter::ast::{Mtp3Field, MtpTest, RelOp, SignalUnit, Span};
use crate::filter::error::FilterError;

/// Where the fields lie, from the start of the packet.
struct Layout {
    /// The length indicator (low 6 bits of a byte).
    li: u32,
    /// The high-speed-link length indicator (top 9 bits of a 16-bit word).
    li_hsl: u32,
    sio: u32,
    /// The routing label's originating and destination point codes and
    /// signalling link selection.
    opc: u32,
    dpc: u32,
    sls: u32,
}

/// The field layout of a link type that carries MTP2, by DLT.
fn layout(dlt: i32) -> Option<Layout> {
    // Behind the 2-byte MTP2 header's sequence numbers; DLT_MTP2_WITH_PHDR
    // puts a 4-byte pseudo-header first, ERF its 16-byte record header and
    // 4-byte MC header.
    let before = match dlt {
        140 => 0,
        139 => 4,
        197 => 20,
        _ => return None,
    };
    Some(Layout {
        li: before + 2,
        li_hsl: before + 4,
        sio: before + 3,
        opc: before + 4,
        dpc: before + 4,
        sls: before + 7,
    })
}

/// How far the high-speed-link forms of the MTP3 fields lie beyond the others.
const HSL_SHIFT: u32 = 3;

/// The largest value of each MTP3 field.
fn max_value(field: Mtp3Field) -> u32 {
    match field {
        Mtp3Field::Sio => 255,
        Mtp3Field::Opc | Mtp3Field::Dpc => 16383,
        Mtp3Field::Sls => 15,
    }
}

/// A point code or link selection as its bits stand in the routing label read
/// as a big-endian word (or byte, for `sls`), with the mask that picks them.
fn label_bits(field: Mtp3Field, v: u32) -> (u32, u32) {
    match field {
        Mtp3Field::Sio => (v, 0xffff_ffff),
        // The 14-bit OPC follows the DPC in the little-endian label: its low 2
        // bits, middle 8 and top 4 land in the word's second, third and last
        // bytes.
        Mtp3Field::Opc => (
            ((v & 0x3c00) >> 10) | ((v & 0x03fc) << 6) | ((v & 0x3) << 22),
            0x00c0_ff0f,
        ),
        // The DPC's low 8 bits are the first byte, its top 6 the second's low bits.
        Mtp3Field::Dpc => (((v & 0xff) << 24) | ((v & 0x3f00) << 8), 0xff3f_0000),
        Mtp3Field::Sls => (v << 4, 0xf0),
    }
}

impl Gen<'_> {
    /// An SS7 test; libpcap's message on other link types and for values that
    /// do not fit their field.
    pub fn mtp_test(&mut self, t: &MtpTest, span: Span) -> Result<Frag, FilterError> {
        let layout = layout(self.opts.linktype.dlt());
        match t {
            MtpTest::Unit { kind, hsl } => {
                let Some(l) = layout else {
                    let word = match kind {
                        SignalUnit::Fisu => "fisu",
                        SignalUnit::Lssu => "lssu",
                        SignalUnit::Msu => "msu",
                    };
                    let (h, link) = if *hsl {
                        ("h", "MTP2_HSL")
                    } else {
                        ("", "MTP2")
                    };
                    return Err(FilterError::new(
                        format!("'{h}{word}' supported only on {link}"),
                        span,
                    ));
                };
                Ok(self.signal_unit(&l, *kind, *hsl))
            }
            MtpTest::Field { field, hsl, tests } => {
                let word = match field {
                    Mtp3Field::Sio => "sio",
                    Mtp3Field::Opc => "opc",
                    Mtp3Field::Dpc => "dpc",
                    Mtp3Field::Sls => "sls",
                };
                let mut acc: Option<Frag> = None;
                for &(op, v) in tests {
                    // libpcap checks the link type, then the value, for each number.
                    let Some(l) = &layout else {
                        return Err(FilterError::new(
                            format!("'{word}' supported only on SS7"),
                            span,
                        ));
                    };
                    let max = max_value(*field);
                    if v > max {
                        return Err(FilterError::new(
                            format!("{word} value {v} too big; max value = {max}"),
                            span,
                        ));
                    }
                    let (off, size) = match field {
                        Mtp3Field::Sio => (l.sio, BPF_B),
                        Mtp3Field::Opc => (l.opc, BPF_W),
                        Mtp3Field::Dpc => (l.dpc, BPF_W),
                        Mtp3Field::Sls => (l.sls, BPF_B),
                    };
                    let off = if *hsl { off + HSL_SHIFT } else { off };
                    let (jop, reverse) = match op {
                        // libpcap 1.10's `gen_ncmp` negates only `jgt`/`jge`
                        // tests, so `sio != N` compiles as `sio = N`.
                        RelOp::Eq | RelOp::Ne => (BPF_JEQ, false),
                        RelOp::Gt => (BPF_JGT, false),
                        RelOp::Ge => (BPF_JGE, false),
                        RelOp::Lt => (BPF_JGE, true),
                        RelOp::Le => (BPF_JGT, true),
                    };
                    let (bits, mask) = label_bits(*field, v);
                    let f = self.ncmp(OffRel::Packet, off, size, mask, jop, reverse, bits);
                    acc = Some(match acc {
                        Some(a) => self.or(a, f),
                        None => f,
                    });
                }
                Ok(acc.unwrap_or_else(|| self.gen_false()))
            }
        }
    }

    /// The signal unit type from the length indicator: 0 for a FISU, 1 or 2
    /// for an LSSU, 3 or more for an MSU (in the high-speed form, the same
    /// counts in the top 9 bits of a 16-bit word).
    fn signal_unit(&mut self, l: &Layout, kind: SignalUnit, hsl: bool) -> Frag {
        let (off, size, mask, one) = if hsl {
            (l.li_hsl, BPF_H, 0xff80, 0x80)
        } else {
            (l.li, BPF_B, 0x3f, 1)
        };
        match kind {
            SignalUnit::Fisu => self.ncmp(OffRel::Packet, off, size, mask, BPF_JEQ, false, 0),
            SignalUnit::Lssu => {
                let not_more = self.ncmp(OffRel::Packet, off, size, mask, BPF_JGT, true, 2 * one);
                let some = self.ncmp(OffRel::Packet, off, size, mask, BPF_JGT, false, 0);
                self.and(some, not_more)
            }
            SignalUnit::Msu => self.ncmp(OffRel::Packet, off, size, mask, BPF_JGT, false, 2 * one),
        }
    }
}
