//! Radio headers in front of 802.11 frames: radiotap (DLT_IEEE802_11_RADIO),
//! Prism (DLT_PRISM_HEADER) and AVS (DLT_IEEE802_11_RADIO_AVS), as tcpdump
//! 4.99 prints them.

use super::frame;
use super::tables::ht_rate_tenths;
use super::{le16, le32};
use crate::print::out::Put;
use crate::print::{Ctx, R, be32};

/// Radiotap presence bits tcpdump decodes.
const TSFT: u32 = 0;
const FLAGS: u32 = 1;
const RATE: u32 = 2;
const CHANNEL: u32 = 3;
const FHSS: u32 = 4;
const DBM_ANTSIGNAL: u32 = 5;
const DBM_ANTNOISE: u32 = 6;
const LOCK_QUALITY: u32 = 7;
const TX_ATTENUATION: u32 = 8;
const DB_TX_ATTENUATION: u32 = 9;
const DBM_TX_POWER: u32 = 10;
const ANTENNA: u32 = 11;
const DB_ANTSIGNAL: u32 = 12;
const DB_ANTNOISE: u32 = 13;
const RX_FLAGS: u32 = 14;
const XCHANNEL: u32 = 18;
const MCS: u32 = 19;
const AMPDU_STATUS: u32 = 20;
const VHT: u32 = 21;
/// Bits with the same meaning in every presence word.
const NAMESPACE: u32 = 29;
const VENDOR_NAMESPACE: u32 = 30;
const EXT: u32 = 31;

/// Radiotap flags.
const F_CFP: u8 = 0x01;
const F_SHORTPRE: u8 = 0x02;
const F_WEP: u8 = 0x04;
const F_FRAG: u8 = 0x08;
const F_FCS: u8 = 0x10;
const F_DATAPAD: u8 = 0x20;
const F_BADFCS: u8 = 0x40;

/// Channel flags.
const CHAN_TURBO: u32 = 0x00010;
const CHAN_CCK: u32 = 0x00020;
const CHAN_OFDM: u32 = 0x00040;
const CHAN_2GHZ: u32 = 0x00080;
const CHAN_5GHZ: u32 = 0x00100;
const CHAN_DYN: u32 = 0x00400;
const CHAN_GFSK: u32 = 0x00800;
const CHAN_HALF: u32 = 0x04000;
const CHAN_QUARTER: u32 = 0x08000;
const CHAN_HT20: u32 = 0x10000;
const CHAN_HT40U: u32 = 0x20000;
const CHAN_HT40D: u32 = 0x40000;

/// Fields of a radiotap header, each aligned to its size from the start of the
/// header (tcpdump's cpack): a read past the header's length fails.
struct Fields<'a> {
    hdr: &'a [u8],
    next: usize,
}

impl Fields<'_> {
    /// Offset of `size` aligned bytes, if the header holds them (the cursor
    /// does not move).
    fn aligned(&self, size: usize) -> Option<usize> {
        let at = self.next.div_ceil(size) * size;
        (at + size <= self.hdr.len()).then_some(at)
    }
    fn take(&mut self, size: usize) -> Option<&[u8]> {
        let at = self.aligned(size)?;
        self.next = at + size;
        self.hdr.get(at..at + size)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8).map(|b| {
            let mut a = [0u8; 8];
            a.copy_from_slice(b);
            u64::from_le_bytes(a)
        })
    }
    fn advance(&mut self, n: usize) -> bool {
        if self.next + n > self.hdr.len() {
            return false;
        }
        self.next += n;
        true
    }
}

/// A field stopped the header's decoding: cut short (marked), or a field of
/// unknown size.
struct Stop;

/// `%2.1f` of half `v` (rates are in units of 500 kb/s).
fn half(c: &mut Ctx, v: u8) {
    c.dec(v / 2);
    c.s(if v.is_multiple_of(2) { ".0" } else { ".5" });
}

/// `%.1f` of a value in tenths.
fn tenths(c: &mut Ctx, v: u32) {
    c.dec(v / 10);
    c.s(".");
    c.dec(v % 10);
}

fn chaninfo(c: &mut Ctx, freq: u16, flags: u32, present: u32) {
    c.dec(freq);
    c.s(" MHz");
    let is = |m: u32| flags & m == m;
    if present & (1 << MCS) != 0 {
        // An MCS field makes it 11n whatever the channel flags say.
        c.s(" 11n");
    } else {
        if is(CHAN_2GHZ | CHAN_GFSK) {
            c.s(" FHSS");
        }
        if is(CHAN_5GHZ | CHAN_OFDM) {
            c.s(if flags & CHAN_HALF != 0 {
                " 11a/10Mhz"
            } else if flags & CHAN_QUARTER != 0 {
                " 11a/5Mhz"
            } else {
                " 11a"
            });
        }
        if is(CHAN_2GHZ | CHAN_OFDM) || is(CHAN_2GHZ | CHAN_DYN) {
            c.s(if flags & CHAN_HALF != 0 {
                " 11g/10Mhz"
            } else if flags & CHAN_QUARTER != 0 {
                " 11g/5Mhz"
            } else {
                " 11g"
            });
        } else if is(CHAN_2GHZ | CHAN_CCK) {
            c.s(" 11b");
        }
        if flags & CHAN_TURBO != 0 {
            c.s(" Turbo");
        }
    }
    if flags & CHAN_HT20 != 0 {
        c.s(" ht/20");
    } else if flags & CHAN_HT40D != 0 {
        c.s(" ht/40-");
    } else if flags & CHAN_HT40U != 0 {
        c.s(" ht/40+");
    }
    c.s(" ");
}

const HT_BANDWIDTH: [&str; 4] = ["20 MHz", "40 MHz", "20 MHz (L)", "20 MHz (U)"];

const VHT_BANDWIDTH: [&str; 32] = [
    "20 MHz",
    "40 MHz",
    "20 MHz (L)",
    "20 MHz (U)",
    "80 MHz",
    "80 MHz (L)",
    "80 MHz (U)",
    "80 MHz (LL)",
    "80 MHz (LU)",
    "80 MHz (UL)",
    "80 MHz (UU)",
    "160 MHz",
    "160 MHz (L)",
    "160 MHz (U)",
    "160 MHz (LL)",
    "160 MHz (LU)",
    "160 MHz (UL)",
    "160 MHz (UU)",
    "160 MHz (LLL)",
    "160 MHz (LLU)",
    "160 MHz (LUL)",
    "160 MHz (UUU)",
    "160 MHz (ULL)",
    "160 MHz (ULU)",
    "160 MHz (UUL)",
    "160 MHz (UUU)",
    "unknown (26)",
    "unknown (27)",
    "unknown (28)",
    "unknown (29)",
    "unknown (30)",
    "unknown (31)",
];

/// One radiotap field (tcpdump's print_radiotap_field).
fn field(
    c: &mut Ctx,
    f: &mut Fields<'_>,
    bit: u32,
    flags: &mut u8,
    present: u32,
) -> Result<(), Stop> {
    match field_inner(c, f, bit, flags, present) {
        Some(r) => r,
        None => {
            c.trunc_mark();
            Err(Stop)
        }
    }
}

fn field_inner(
    c: &mut Ctx,
    f: &mut Fields<'_>,
    bit: u32,
    flags: &mut u8,
    present: u32,
) -> Option<Result<(), Stop>> {
    match bit {
        TSFT => {
            let v = f.u64()?;
            c.dec(v);
            c.s("us tsft ");
        }
        FLAGS => {
            let v = f.u8()?;
            *flags = v;
            for (m, name) in [
                (F_CFP, "cfp "),
                (F_SHORTPRE, "short preamble "),
                (F_WEP, "wep "),
                (F_FRAG, "fragmented "),
                (F_BADFCS, "bad-fcs "),
            ] {
                if v & m != 0 {
                    c.s(name);
                }
            }
        }
        RATE => {
            let v = f.u8()?;
            if (0x80..=0x8f).contains(&v) {
                c.s("MCS ");
                c.dec(v & 0x7f);
                c.s(" ");
            } else {
                half(c, v);
                c.s(" Mb/s ");
            }
        }
        CHANNEL => {
            let freq = f.u16()?;
            let cflags = f.u16()?;
            if present & (1 << XCHANNEL) == 0 {
                chaninfo(c, freq, u32::from(cflags), present);
            }
        }
        FHSS => {
            let set = f.u8()?;
            let pat = f.u8()?;
            c.s("fhset ");
            c.dec(set);
            c.s(" fhpat ");
            c.dec(pat);
            c.s(" ");
        }
        DBM_ANTSIGNAL | DBM_ANTNOISE | DBM_TX_POWER => {
            let v = f.u8()? as i8;
            c.o.dec_i(i64::from(v));
            c.s(match bit {
                DBM_ANTSIGNAL => "dBm signal ",
                DBM_ANTNOISE => "dBm noise ",
                _ => "dBm tx power ",
            });
        }
        LOCK_QUALITY => {
            let v = f.u16()?;
            c.dec(v);
            c.s(" sq ");
        }
        TX_ATTENUATION => {
            let v = f.u16()? as i16;
            c.o.dec_i(-i64::from(v));
            c.s(" tx power ");
        }
        DB_TX_ATTENUATION => {
            // tcpdump reads this 16-bit field as one signed byte.
            let v = f.u8()? as i8;
            c.o.dec_i(-i64::from(v));
            c.s("dB tx attenuation ");
        }
        ANTENNA => {
            let v = f.u8()?;
            c.s("antenna ");
            c.dec(v);
            c.s(" ");
        }
        DB_ANTSIGNAL | DB_ANTNOISE => {
            let v = f.u8()?;
            c.dec(v);
            c.s(if bit == DB_ANTSIGNAL {
                "dB signal "
            } else {
                "dB noise "
            });
        }
        RX_FLAGS => {
            f.u16()?;
        }
        XCHANNEL => {
            let xflags = f.u32()?;
            let freq = f.u16()?;
            f.u8()?;
            f.u8()?;
            chaninfo(c, freq, xflags, present);
        }
        MCS => {
            let known = f.u8()?;
            let mflags = f.u8()?;
            let index = f.u8()?;
            mcs(c, known, mflags, index);
        }
        AMPDU_STATUS => {
            f.u32()?;
            f.u16()?;
            f.u8()?;
            f.u8()?;
        }
        VHT => {
            let known = f.u16()?;
            let vflags = f.u8()?;
            let bw = f.u8()?;
            let mut mcs_nss = [0u8; 4];
            for m in &mut mcs_nss {
                *m = f.u8()?;
            }
            let coding = f.u8()?;
            f.u8()?;
            f.u16()?;
            for (i, m) in mcs_nss.iter().enumerate() {
                if m & 0x0f == 0 {
                    continue;
                }
                c.s("User ");
                c.dec(i as u64);
                c.s(" MCS ");
                c.dec(m >> 4);
                c.s(if coding & (1 << i) != 0 {
                    " LDPC FEC "
                } else {
                    " BCC FEC "
                });
            }
            if known & 0x0040 != 0 {
                c.s(VHT_BANDWIDTH[usize::from(bw & 0x1f)]);
                c.s(" ");
            }
            if known & 0x0004 != 0 {
                c.s(if vflags & 0x04 != 0 {
                    "short GI "
                } else {
                    "long GI "
                });
            }
        }
        _ => {
            // A field of unknown size: nothing after it can be found.
            c.s("[bit ");
            c.dec(bit);
            c.s("] ");
            return Some(Err(Stop));
        }
    }
    Some(Ok(()))
}

/// The MCS field: rate (when the index, and bandwidth or guard interval, are
/// known), bandwidth, guard interval, HT format, FEC type, STBC streams.
fn mcs(c: &mut Ctx, known: u8, flags: u8, index: u8) {
    if known & 0x02 != 0 {
        let rate = if index <= 76 && known & (0x01 | 0x04) != 0 {
            ht_rate_tenths(index, flags & 0x03 == 1, flags & 0x04 != 0)
        } else {
            0
        };
        if rate != 0 {
            tenths(c, rate);
            c.s(" Mb/s ");
        }
        c.s("MCS ");
        c.dec(index);
        c.s(" ");
    }
    if known & 0x01 != 0 {
        c.s(HT_BANDWIDTH[usize::from(flags & 0x03)]);
        c.s(" ");
    }
    if known & 0x04 != 0 {
        c.s(if flags & 0x04 != 0 {
            "short GI "
        } else {
            "long GI "
        });
    }
    if known & 0x08 != 0 {
        c.s(if flags & 0x08 != 0 {
            "greenfield "
        } else {
            "mixed "
        });
    }
    if known & 0x10 != 0 {
        c.s(if flags & 0x10 != 0 {
            "LDPC FEC "
        } else {
            "BCC FEC "
        });
    }
    if known & 0x20 != 0 {
        c.s("RX-STBC");
        c.dec((flags & 0x60) >> 5);
        c.s(" ");
    }
}

/// The fields of one presence word in the radiotap namespace, lowest bit first,
/// up to the namespace bits.
fn namespace(
    c: &mut Ctx,
    f: &mut Fields<'_>,
    flags: &mut u8,
    present: u32,
    bit0: u32,
) -> Result<(), Stop> {
    for bitno in 0..NAMESPACE {
        if present & (1 << bitno) != 0 {
            field(c, f, bit0.wrapping_add(bitno), flags, present)?;
        }
    }
    Ok(())
}

/// DLT_IEEE802_11_RADIO: the radiotap header, then the 802.11 frame (its
/// padding and FCS as the radiotap flags say).
pub(crate) fn radiotap(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "802.11_radio";
    let caplen = d.len();
    if caplen < 8 {
        c.trunc_mark();
        return Ok(caplen);
    }
    let len = usize::from(le16(d, 2)?);
    if len < 8 || caplen < len {
        c.trunc_mark();
        return Ok(caplen);
    }
    let hdr = &d[..len];
    let mut f = Fields { hdr, next: 8 };
    // Presence words: the first, and one more while bit 31 is set.
    let mut last = 4;
    while last + 4 <= len && le32(hdr, last)? & (1 << EXT) != 0 {
        f.advance(4);
        last += 4;
    }
    if last + 4 > len {
        c.trunc_mark();
        return Ok(caplen);
    }
    let mut bit0: u32 = 0;
    let mut vendor = false;
    let mut skip: u16 = 0;
    let mut flags: u8 = 0;
    for w in (4..=last).step_by(4) {
        let present = le32(hdr, w)?;
        if vendor {
            // Vendor namespaces are skipped whole.
            if !f.advance(usize::from(skip)) {
                break;
            }
            skip = 0;
        } else if namespace(c, &mut f, &mut flags, present, bit0).is_err() {
            break;
        }
        match present & ((1 << NAMESPACE) | (1 << VENDOR_NAMESPACE)) {
            0 => bit0 = bit0.wrapping_add(32),
            x if x == 1 << NAMESPACE => {
                bit0 = 0;
                vendor = false;
                skip = 0;
            }
            x if x == 1 << VENDOR_NAMESPACE => {
                bit0 = 0;
                vendor = true;
                let header = f.aligned(2).and_then(|_| {
                    for _ in 0..4 {
                        f.u8()?;
                    }
                    f.u16()
                });
                match header {
                    Some(n) => skip = n,
                    None => c.trunc_mark(),
                }
            }
            _ => {}
        }
    }
    let pad = flags & F_DATAPAD != 0;
    let fcslen = if flags & F_FCS != 0 { 4 } else { 0 };
    let h = frame::print(c, &d[len..], length - len, pad, fcslen)?;
    Ok(len + h)
}

/// The AVS capture header: a version cookie and the header's length.
fn avs_print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "802.11_radio_avs";
    let caplen = d.len();
    if caplen < 8 {
        c.trunc_mark();
        return Ok(caplen);
    }
    let hlen = be32(d, 4)? as usize;
    if hlen < 8 || caplen < hlen {
        c.trunc_mark();
        return Ok(caplen);
    }
    let h = frame::print(c, &d[hlen..], length - hlen, false, 0)?;
    Ok(hlen + h)
}

/// DLT_IEEE802_11_RADIO_AVS.
pub(crate) fn avs(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    avs_print(c, d, length)
}

const PRISM_HDR_LEN: usize = 144;
const WLANCAP_MAGIC_COOKIE_V1: u32 = 0x8021_1001;
const WLANCAP_MAGIC_COOKIE_V2: u32 = 0x8021_1002;

/// DLT_PRISM_HEADER: a 144-byte Prism header (not decoded), or an AVS header
/// where the packet starts with an AVS cookie.
pub(crate) fn prism(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "prism";
    let caplen = d.len();
    if caplen < 4 {
        c.trunc_mark();
        return Ok(caplen);
    }
    let code = be32(d, 0)?;
    if code == WLANCAP_MAGIC_COOKIE_V1 || code == WLANCAP_MAGIC_COOKIE_V2 {
        return avs_print(c, d, length);
    }
    if caplen < PRISM_HDR_LEN {
        c.trunc_mark();
        return Ok(caplen);
    }
    let h = frame::print(c, &d[PRISM_HDR_LEN..], length - PRISM_HDR_LEN, false, 0)?;
    Ok(PRISM_HDR_LEN + h)
}
