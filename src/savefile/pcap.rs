//! The classic pcap format (pcap-savefile(5)): a 24-byte file header, then
//! records of a 16-byte header and the captured bytes. Either byte order,
//! microsecond or nanosecond timestamps.

use super::input::Input;
use super::{MAX_SNAPLEN, Precision, ReadError};
use crate::linktype::LinkType;
use crate::packet::{PacketRef, Timestamp};

/// File magic of microsecond-timestamp files, as a number in the file's byte order.
pub(crate) const MAGIC_MICRO: u32 = 0xa1b2_c3d4;
/// File magic of nanosecond-timestamp files.
pub(crate) const MAGIC_NANO: u32 = 0xa1b2_3c4d;
/// Alexey Kuznetzov's patched libpcap: 8 more bytes in each record header.
const MAGIC_KUZNETZOV: u32 = 0xa1b2_cd34;

/// Length of the file header: magic, version, reserved fields, snaplen, linktype.
pub(crate) const FILE_HEADER_LEN: usize = 24;

/// How the caplen and len fields of a record are ordered (they were exchanged in
/// format version 2.3, and some writers kept the old order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LengthOrder {
    Normal,
    Swapped,
    /// Version 2.3: swapped when caplen > len.
    Maybe,
}

/// The state of a classic pcap stream after its file header.
#[derive(Debug)]
pub struct PcapFormat {
    /// The file's byte order.
    pub big_endian: bool,
    /// Timestamp precision, from the magic.
    pub precision: Precision,
    /// The precision the reader hands timestamps over in (libpcap's
    /// `pcap_open_offline_with_tstamp_precision`): a nanosecond file read at
    /// microsecond precision has its fractions divided down as libpcap does.
    wanted: Precision,
    record_header_len: usize,
    lengths: LengthOrder,
    /// Link type of every record, from the file header.
    pub linktype: LinkType,
    /// Snapshot length from the file header; longer records are cut to it.
    pub snaplen: u32,
    /// The upper 6 bits of the header's link-type field (the FCS length and
    /// its flag), which libpcap writes back into copies.
    pub linktype_ext: u32,
    /// Records read so far, for error messages.
    count: u64,
}

/// Byte order of a pcap file from its first four bytes, if they are a pcap magic.
pub fn detect(first4: [u8; 4]) -> Option<(bool, u32)> {
    let le = u32::from_le_bytes(first4);
    let be = u32::from_be_bytes(first4);
    for magic in [MAGIC_MICRO, MAGIC_NANO, MAGIC_KUZNETZOV] {
        if le == magic {
            return Some((false, magic));
        }
        if be == magic {
            return Some((true, magic));
        }
    }
    None
}

#[inline(always)]
fn u32_at(b: &[u8], off: usize, big_endian: bool) -> u32 {
    let bytes = [b[off], b[off + 1], b[off + 2], b[off + 3]];
    if big_endian {
        u32::from_be_bytes(bytes)
    } else {
        u32::from_le_bytes(bytes)
    }
}

fn u16_at(b: &[u8], off: usize, big_endian: bool) -> u16 {
    let bytes = [b[off], b[off + 1]];
    if big_endian {
        u16::from_be_bytes(bytes)
    } else {
        u16::from_le_bytes(bytes)
    }
}

impl PcapFormat {
    /// Reads the file header (the magic has been recognized by [`detect`]).
    /// `wanted` is the precision timestamps are wanted in.
    pub fn open(
        input: &mut Input,
        big_endian: bool,
        magic: u32,
        wanted: Precision,
    ) -> Result<PcapFormat, ReadError> {
        let have = input.fill(FILE_HEADER_LEN)?;
        if have < FILE_HEADER_LEN {
            return Err(ReadError::format(format!(
                "truncated pcap file header: {FILE_HEADER_LEN} bytes needed, only {have} present"
            )));
        }
        let h = input.consume(FILE_HEADER_LEN);
        let major = u16_at(h, 4, big_endian);
        let minor = u16_at(h, 6, big_endian);
        let snaplen = u32_at(h, 16, big_endian);
        let raw_linktype = u32_at(h, 20, big_endian);
        let lengths = match (major, minor) {
            (2, 0..=2) | (543, 0) => LengthOrder::Swapped,
            (2, 3) => LengthOrder::Maybe,
            (2, 4) => LengthOrder::Normal,
            (0 | 1, _) => {
                return Err(ReadError::format("archaic pcap savefile format"));
            }
            _ => {
                return Err(ReadError::format(format!(
                    "unsupported pcap savefile version {major}.{minor}"
                )));
            }
        };
        // The upper 6 bits hold FCS information; the link type is the other 26,
        // as libpcap reads it. No link type above 16 bits exists, so such a
        // value (a damaged header) is refused in tcpdump's words.
        let linktype_value = raw_linktype & 0x03ff_ffff;
        if linktype_value > 0xffff {
            return Err(ReadError::format(format!(
                "unknown data link type {linktype_value} (min 104, max 289)"
            )));
        }
        let linktype = link_type_from_file(linktype_value)?;
        // libpcap keeps a larger snapshot length as the file gives it (it
        // reports it, compiles filters and writes copies with it); only a zero
        // or negative one becomes the maximum. Records longer than the maximum
        // are refused on their own.
        let snaplen = if snaplen as i32 <= 0 {
            MAX_SNAPLEN
        } else {
            snaplen
        };
        Ok(PcapFormat {
            big_endian,
            precision: if magic == MAGIC_NANO {
                Precision::Nano
            } else {
                Precision::Micro
            },
            wanted,
            record_header_len: if magic == MAGIC_KUZNETZOV { 24 } else { 16 },
            lengths,
            linktype,
            snaplen,
            linktype_ext: raw_linktype & 0xfc00_0000,
            count: 0,
        })
    }

    /// The next packet, `None` at a clean end of file.
    #[inline]
    pub fn next<'a>(&mut self, input: &'a mut Input) -> Result<Option<PacketRef<'a>>, ReadError> {
        let hl = self.record_header_len;
        let have = input.fill(hl)?;
        if have < hl {
            if have == 0 {
                return Ok(None);
            }
            return Err(self.truncated(
                input,
                format!("record header: {hl} bytes needed, only {have} present"),
            ));
        }
        let h = &input.available()[..hl];
        let be = self.big_endian;
        let sec = u32_at(h, 0, be);
        let frac = u32_at(h, 4, be);
        let mut caplen = u32_at(h, 8, be);
        let mut len = u32_at(h, 12, be);
        if self.lengths == LengthOrder::Swapped
            || (self.lengths == LengthOrder::Maybe && caplen > len)
        {
            std::mem::swap(&mut caplen, &mut len);
        }
        if caplen > MAX_SNAPLEN {
            return Err(ReadError::format(format!(
                "packet {} (at byte {}) claims {caplen} captured bytes, more than the maximum of {MAX_SNAPLEN}: the file is damaged",
                self.count + 1,
                input.offset()
            )));
        }
        let total = hl + caplen as usize;
        let have = input.fill(total)?;
        if have < total {
            let got = have - hl;
            return Err(self.truncated(
                input,
                format!("{caplen} captured bytes needed, only {got} present"),
            ));
        }
        self.count += 1;
        let record = input.consume(total);
        // A record longer than the file's snapshot length is cut to it, as libpcap does.
        let keep = caplen.min(self.snaplen) as usize;
        let data = &record[hl..hl + keep];
        // libpcap takes both time fields as signed 32-bit numbers in a file of
        // this machine's byte order, but as unsigned ones when it swaps the
        // bytes; a damaged file's values keep that form through printing and
        // copying.
        let field = |v: u32| -> i64 {
            if be == cfg!(target_endian = "big") {
                i64::from(v as i32)
            } else {
                i64::from(v)
            }
        };
        let (sec, frac) = (field(sec), field(frac));
        let nsec = match (self.precision, self.wanted) {
            (Precision::Nano, Precision::Nano) => frac,
            // Divided down as in C: rounded toward zero.
            (Precision::Nano, Precision::Micro) => frac / 1000 * 1000,
            (Precision::Micro, _) => frac * 1000,
        };
        Ok(Some(PacketRef {
            ts: Timestamp { sec, nsec },
            wire_len: len,
            data,
        }))
    }

    fn truncated(&self, input: &Input, what: String) -> ReadError {
        ReadError::format(format!(
            "truncated capture file: packet {} (at byte {}): {what}",
            self.count + 1,
            input.offset()
        ))
    }
}

/// The link type of a savefile's LINKTYPE field, or the error naming it.
pub fn link_type_from_file(value: u32) -> Result<LinkType, ReadError> {
    LinkType::from_value(value)
        .ok_or_else(|| ReadError::format(format!("invalid link type {value} in the file header")))
}
