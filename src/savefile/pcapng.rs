//! The pcapng format: a stream of blocks, each section starting with a Section
//! Header Block that fixes the byte order. Interface Description Blocks give each
//! interface's link type, snapshot length and timestamp resolution; packets come in
//! Enhanced, Simple or (obsolete) Packet Blocks. Other blocks are skipped.
//!
//! As libpcap does, every interface must have the link type of the first one:
//! a pipeline filters and writes for one link type.

use super::input::Input;
use super::pcap::link_type_from_file;
use super::{MAX_SNAPLEN, ReadError};
use crate::linktype::LinkType;
use crate::packet::{PacketRef, Timestamp};

/// Section Header Block type; the same in both byte orders.
pub const SHB: u32 = 0x0a0d_0d0a;
const IDB: u32 = 1;
const OPB: u32 = 2;
const SPB: u32 = 3;
const EPB: u32 = 6;
const BYTE_ORDER_MAGIC: u32 = 0x1a2b_3c4d;

/// No block may claim more than this (libpcap's limit too): a damaged length must
/// not make us allocate gigabytes.
pub const MAX_BLOCK: usize = 16 << 20;

const OPT_END: u16 = 0;
const IF_TSRESOL: u16 = 9;
const IF_TSOFFSET: u16 = 14;

/// Timestamp units of an interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Resolution {
    /// 10^-n seconds (n ≤ 19, so 10^n fits in a u64).
    Decimal(u32),
    /// 2^-n seconds (n ≤ 63).
    Binary(u32),
}

#[derive(Clone, Copy, Debug)]
struct Interface {
    /// The snapshot length as libpcap adjusts it (only 0 and values past
    /// i32::MAX replaced by the maximum), which every interface must share.
    snapshot: u32,
    resolution: Resolution,
    /// if_tsoffset: seconds to add to every timestamp.
    offset_sec: i64,
}

/// The state of a pcapng stream.
#[derive(Debug)]
pub struct PcapngFormat {
    /// Byte order of the current section.
    pub big_endian: bool,
    interfaces: Vec<Interface>,
    /// Link type of the file's first interface.
    pub linktype: LinkType,
    /// The first interface's snapshot length as libpcap keeps it (and reports
    /// it, compiles filters and writes copies with it, however large): no
    /// packet may be longer, and every other interface must have the same.
    pub snaplen: u32,
    /// Packets read so far, for error messages.
    count: u64,
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

/// One block as found in the buffer: its type, total length and where the body
/// lies (offsets into the block).
struct BlockHeader {
    kind: u32,
    len: usize,
}

impl PcapngFormat {
    /// Reads the first section header and the blocks up to the first interface
    /// description, which gives the file's link type (the first four bytes have
    /// been recognized as a Section Header Block).
    pub fn open(input: &mut Input) -> Result<PcapngFormat, ReadError> {
        let mut fmt = PcapngFormat {
            big_endian: false,
            interfaces: Vec::new(),
            linktype: LinkType::En10mb,
            snaplen: MAX_SNAPLEN,
            count: 0,
        };
        let mut seen_interface = false;
        loop {
            let Some(block) = fmt.next_block(input)? else {
                return Err(ReadError::format(
                    "pcapng file has no interface description block",
                ));
            };
            let body = &input.available()[8..block.len - 4];
            match block.kind {
                SHB => fmt.section_header(body)?,
                IDB => {
                    let (linktype, iface) = parse_idb(body, fmt.big_endian)?;
                    fmt.linktype = linktype;
                    fmt.snaplen = iface.snapshot;
                    fmt.interfaces.push(iface);
                    seen_interface = true;
                }
                EPB | SPB | OPB => {
                    return Err(ReadError::format(
                        "pcapng packet block before any interface description block",
                    ));
                }
                _ => {}
            }
            input.consume(block.len);
            if seen_interface {
                return Ok(fmt);
            }
        }
    }

    /// Makes the next whole block available in `input` (not consumed) and returns
    /// its header; `None` at a clean end of file. A Section Header Block sets the
    /// byte order before its length is read.
    fn next_block(&mut self, input: &mut Input) -> Result<Option<BlockHeader>, ReadError> {
        let have = input.fill(12)?;
        if have == 0 {
            return Ok(None);
        }
        if have < 12 {
            return Err(self.truncated(
                input,
                format!("block header: 12 bytes needed, only {have} present"),
            ));
        }
        let head = &input.available()[..12];
        let kind_le = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
        if kind_le == SHB {
            match u32_at(head, 8, false) {
                BYTE_ORDER_MAGIC => self.big_endian = false,
                m if m.swap_bytes() == BYTE_ORDER_MAGIC => self.big_endian = true,
                m => {
                    return Err(ReadError::format(format!(
                        "pcapng section header has a bad byte-order magic 0x{m:08x}"
                    )));
                }
            }
        }
        let kind = u32_at(head, 0, self.big_endian);
        let len = u32_at(head, 4, self.big_endian) as usize;
        if len > MAX_BLOCK {
            return Err(ReadError::format(format!(
                "pcapng block (type {kind}, at byte {}) claims {len} bytes, more than the maximum of {MAX_BLOCK}: the file is damaged",
                input.offset()
            )));
        }
        let min = if kind == SHB { 28 } else { 12 };
        if len < min || !len.is_multiple_of(4) {
            return Err(ReadError::format(format!(
                "pcapng block (type {kind}, at byte {}) has an invalid length {len}",
                input.offset()
            )));
        }
        let have = input.fill(len)?;
        if have < len {
            return Err(self.truncated(input, format!("block of {len} bytes, only {have} present")));
        }
        let block = &input.available()[..len];
        let trailer = u32_at(block, len - 4, self.big_endian) as usize;
        if trailer != len {
            return Err(ReadError::format(format!(
                "pcapng block (type {kind}, at byte {}) has mismatched lengths {len} and {trailer}",
                input.offset()
            )));
        }
        Ok(Some(BlockHeader { kind, len }))
    }

    /// A new section: check the version; its interfaces start afresh.
    fn section_header(&mut self, body: &[u8]) -> Result<(), ReadError> {
        // body: byte-order magic, major, minor, section length, options.
        let major = u16_at(body, 4, self.big_endian);
        let minor = u16_at(body, 6, self.big_endian);
        if major != 1 {
            return Err(ReadError::format(format!(
                "unsupported pcapng savefile version {major}.{minor}"
            )));
        }
        self.interfaces.clear();
        Ok(())
    }

    /// The next packet, `None` at a clean end of file.
    pub fn next<'a>(&mut self, input: &'a mut Input) -> Result<Option<PacketRef<'a>>, ReadError> {
        loop {
            let Some(block) = self.next_block(input)? else {
                return Ok(None);
            };
            let be = self.big_endian;
            let body = &input.available()[8..block.len - 4];
            let (iface_id, ts_units, caplen, wire_len, data_at) = match block.kind {
                EPB => {
                    if body.len() < 20 {
                        return Err(self.short_block(input, "enhanced packet"));
                    }
                    let units =
                        (u64::from(u32_at(body, 4, be)) << 32) | u64::from(u32_at(body, 8, be));
                    (
                        u32_at(body, 0, be),
                        units,
                        u32_at(body, 12, be),
                        u32_at(body, 16, be),
                        20,
                    )
                }
                OPB => {
                    if body.len() < 20 {
                        return Err(self.short_block(input, "packet"));
                    }
                    let units =
                        (u64::from(u32_at(body, 4, be)) << 32) | u64::from(u32_at(body, 8, be));
                    let id = u32::from(u16_at(body, 0, be));
                    (id, units, u32_at(body, 12, be), u32_at(body, 16, be), 20)
                }
                SPB => {
                    if body.len() < 4 {
                        return Err(self.short_block(input, "simple packet"));
                    }
                    let wire = u32_at(body, 0, be);
                    let room = (body.len() - 4) as u32;
                    (
                        0,
                        0,
                        wire.min(room).min(self.snaplen).min(MAX_SNAPLEN),
                        wire,
                        4,
                    )
                }
                IDB => {
                    let (linktype, iface) = parse_idb(body, be)?;
                    if linktype != self.linktype {
                        return Err(ReadError::format(format!(
                            "interface {} has link type {}, the first interface has {}: rfilter reads one link type per file",
                            self.interfaces.len(),
                            linktype.name(),
                            self.linktype.name()
                        )));
                    }
                    // libpcap takes the first interface's snapshot length
                    // for the whole file and refuses an interface with
                    // another (after the same adjustment of 0 and values
                    // past the maximum).
                    if iface.snapshot != self.snaplen {
                        return Err(ReadError::format(format!(
                            "an interface has a snapshot length {} different from the snapshot length of the first interface",
                            u32_at(body, 4, be)
                        )));
                    }
                    self.interfaces.push(iface);
                    input.consume(block.len);
                    continue;
                }
                SHB => {
                    self.section_header(body)?;
                    input.consume(block.len);
                    continue;
                }
                _ => {
                    input.consume(block.len);
                    continue;
                }
            };
            let Some(iface) = self.interfaces.get(iface_id as usize).copied() else {
                return Err(ReadError::format(format!(
                    "pcapng packet {} refers to interface {iface_id}, which is not described",
                    self.count + 1
                )));
            };
            // libpcap refuses a packet longer than the file's snapshot length
            // (the first interface's), in libpcap's words.
            if caplen > self.snaplen {
                return Err(ReadError::format(format!(
                    "invalid packet capture length {caplen}, bigger than snaplen of {}",
                    self.snaplen
                )));
            }
            if caplen > MAX_SNAPLEN {
                return Err(ReadError::format(format!(
                    "packet {} (at byte {}) claims {caplen} captured bytes, more than the maximum of {MAX_SNAPLEN}: the file is damaged",
                    self.count + 1,
                    input.offset()
                )));
            }
            if data_at + caplen as usize > body.len() {
                return Err(ReadError::format(format!(
                    "packet {} (at byte {}) claims {caplen} captured bytes, more than its block holds: the file is damaged",
                    self.count + 1,
                    input.offset()
                )));
            }
            let ts = if block.kind == SPB {
                Timestamp::default()
            } else {
                to_timestamp(ts_units, iface.resolution, iface.offset_sec)
            };
            self.count += 1;
            let keep = caplen as usize;
            let start = 8 + data_at;
            let whole = input.consume(block.len);
            return Ok(Some(PacketRef {
                ts,
                wire_len,
                data: &whole[start..start + keep],
            }));
        }
    }

    fn truncated(&self, input: &Input, what: String) -> ReadError {
        ReadError::format(format!(
            "truncated capture file: after packet {} (at byte {}): {what}",
            self.count,
            input.offset()
        ))
    }

    fn short_block(&self, input: &Input, what: &str) -> ReadError {
        ReadError::format(format!(
            "pcapng {what} block at byte {} is too short: the file is damaged",
            input.offset()
        ))
    }
}

/// Link type and interface properties from an Interface Description Block body.
fn parse_idb(body: &[u8], be: bool) -> Result<(LinkType, Interface), ReadError> {
    if body.len() < 8 {
        return Err(ReadError::format(
            "pcapng interface description block is too short: the file is damaged",
        ));
    }
    let linktype = link_type_from_file(u32::from(u16_at(body, 0, be)))?;
    let raw = u32_at(body, 4, be);
    let snapshot = if raw == 0 || raw > i32::MAX as u32 {
        MAX_SNAPLEN
    } else {
        raw
    };
    let mut iface = Interface {
        snapshot,
        resolution: Resolution::Decimal(6),
        offset_sec: 0,
    };
    let mut opts = &body[8..];
    while opts.len() >= 4 {
        let code = u16_at(opts, 0, be);
        let len = usize::from(u16_at(opts, 2, be));
        if code == OPT_END {
            break;
        }
        let value = opts.get(4..4 + len).ok_or_else(|| {
            ReadError::format("pcapng interface option runs past its block: the file is damaged")
        })?;
        match (code, value) {
            (IF_TSRESOL, [r]) => {
                iface.resolution = if r & 0x80 == 0 {
                    let digits = u32::from(*r);
                    if digits > 19 {
                        return Err(ReadError::format(format!(
                            "unsupported pcapng timestamp resolution 10^-{digits}"
                        )));
                    }
                    Resolution::Decimal(digits)
                } else {
                    let bits = u32::from(r & 0x7f);
                    if bits > 63 {
                        return Err(ReadError::format(format!(
                            "unsupported pcapng timestamp resolution 2^-{bits}"
                        )));
                    }
                    Resolution::Binary(bits)
                };
            }
            (IF_TSOFFSET, v) if v.len() == 8 => {
                let mut b = [0u8; 8];
                b.copy_from_slice(v);
                iface.offset_sec = if be {
                    i64::from_be_bytes(b)
                } else {
                    i64::from_le_bytes(b)
                };
            }
            _ => {}
        }
        let padded = (len + 3) & !3;
        opts = opts.get(4 + padded..).unwrap_or(&[]);
    }
    Ok((linktype, iface))
}

/// Seconds and nanoseconds from a count of `resolution` units.
fn to_timestamp(units: u64, resolution: Resolution, offset_sec: i64) -> Timestamp {
    let (sec, nsec) = match resolution {
        Resolution::Decimal(digits) => {
            let per_sec = 10u64.pow(digits);
            let frac = units % per_sec;
            let nsec = if digits <= 9 {
                frac * 10u64.pow(9 - digits)
            } else {
                frac / 10u64.pow(digits - 9)
            };
            (units / per_sec, nsec)
        }
        Resolution::Binary(bits) => {
            let frac = units & ((1u64 << bits) - 1);
            let nsec = ((u128::from(frac) * 1_000_000_000) >> bits) as u64;
            (units >> bits, nsec)
        }
    };
    Timestamp {
        sec: (sec as i64).saturating_add(offset_sec),
        // Below 10^9, so it fits.
        nsec: nsec as i64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_every_resolution() {
        let t = to_timestamp(1_700_000_000_123_456, Resolution::Decimal(6), 0);
        assert_eq!(
            t,
            Timestamp {
                sec: 1_700_000_000,
                nsec: 123_456_000
            }
        );
        let t = to_timestamp(1_700_000_000_123_456_789, Resolution::Decimal(9), 10);
        assert_eq!(
            t,
            Timestamp {
                sec: 1_700_000_010,
                nsec: 123_456_789
            }
        );
        let t = to_timestamp(5_5, Resolution::Decimal(1), 0);
        assert_eq!(
            t,
            Timestamp {
                sec: 5,
                nsec: 500_000_000
            }
        );
        let t = to_timestamp(12_345_678_901_234, Resolution::Decimal(12), 0);
        assert_eq!(
            t,
            Timestamp {
                sec: 12,
                nsec: 345_678_901
            }
        );
        // 2^-10 seconds: 3.5 s is 3584 units.
        let t = to_timestamp(3584, Resolution::Binary(10), 0);
        assert_eq!(
            t,
            Timestamp {
                sec: 3,
                nsec: 500_000_000
            }
        );
        let t = to_timestamp(u64::MAX, Resolution::Binary(0), 0);
        assert_eq!(t.nsec, 0);
        let t = to_timestamp(u64::MAX, Resolution::Decimal(19), 0);
        assert_eq!(t.sec, 1);
    }
}
