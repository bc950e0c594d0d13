//! Opening a savefile (or standard input) and reading its packets, whatever the
//! format: the first bytes say pcap or pcapng.

use super::input::Input;
use super::pcap::{self, PcapFormat};
use super::pcapng::{self, PcapngFormat};
use super::{Precision, ReadError};
use crate::linktype::LinkType;
use crate::packet::PacketRef;
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::AsFd;
use std::path::Path;

enum Format {
    Pcap(PcapFormat),
    Pcapng(PcapngFormat),
}

/// A capture file being read, packet by packet. Packets borrow the reader's
/// buffer, so each must be used before the next is read.
pub struct Reader {
    input: Input,
    format: Format,
}

impl Reader {
    /// Opens `path` (`-` for standard input) and reads the file header.
    /// Timestamps come at the file's own precision (nanoseconds kept).
    pub fn open(path: &Path) -> Result<Reader, ReadError> {
        Reader::open_with_precision(path, Precision::Nano)
    }

    /// As [`Reader::open`], with timestamps handed over at `wanted` precision,
    /// as libpcap's `pcap_open_offline_with_tstamp_precision`: a nanosecond
    /// pcap file read at microsecond precision has its fractions divided down.
    pub fn open_with_precision(path: &Path, wanted: Precision) -> Result<Reader, ReadError> {
        if path.as_os_str() == "-" {
            // A handle of our own on fd 0, so the reader owns a plain File.
            let stdin = io::stdin().as_fd().try_clone_to_owned()?;
            return Reader::from_read_with_precision(Box::new(File::from(stdin)), wanted);
        }
        let file = File::open(path)?;
        if file.metadata()?.is_dir() {
            return Err(ReadError::format("is a directory, not a capture file"));
        }
        Reader::from_read_with_precision(Box::new(file), wanted)
    }

    /// Reads the file header from `src`; timestamps at the file's own precision.
    pub fn from_read(src: Box<dyn Read + Send>) -> Result<Reader, ReadError> {
        Reader::from_read_with_precision(src, Precision::Nano)
    }

    /// Reads the file header from `src`; timestamps at `wanted` precision.
    pub fn from_read_with_precision(
        src: Box<dyn Read + Send>,
        wanted: Precision,
    ) -> Result<Reader, ReadError> {
        let mut input = Input::new(src);
        let have = input.fill(4)?;
        if have == 0 {
            return Err(ReadError::format("empty file, not a capture file"));
        }
        if have < 4 {
            return Err(ReadError::format(format!(
                "truncated capture file: only {have} bytes, too short for a file header"
            )));
        }
        let a = input.available();
        let first4 = [a[0], a[1], a[2], a[3]];
        let format = if let Some((big_endian, magic)) = pcap::detect(first4) {
            Format::Pcap(PcapFormat::open(&mut input, big_endian, magic, wanted)?)
        } else if u32::from_le_bytes(first4) == pcapng::SHB {
            Format::Pcapng(PcapngFormat::open(&mut input)?)
        } else {
            return Err(ReadError::format(format!(
                "not a pcap or pcapng capture file (it starts with {:02x} {:02x} {:02x} {:02x})",
                first4[0], first4[1], first4[2], first4[3]
            )));
        };
        Ok(Reader { input, format })
    }

    /// The link type of the packets (for pcapng, the first interface's; every
    /// other interface must have the same).
    pub fn linktype(&self) -> LinkType {
        match &self.format {
            Format::Pcap(f) => f.linktype,
            Format::Pcapng(f) => f.linktype,
        }
    }

    /// The upper 16 bits of a pcap file's link-type field (FCS length and its
    /// flag), for the header of a copy, as libpcap writes it; 0 for pcapng.
    pub fn linktype_ext(&self) -> u32 {
        match &self.format {
            Format::Pcap(f) => f.linktype_ext,
            Format::Pcapng(_) => 0,
        }
    }

    /// The snapshot length from the file header (pcapng: the first interface's).
    pub fn snaplen(&self) -> u32 {
        match &self.format {
            Format::Pcap(f) => f.snaplen,
            Format::Pcapng(f) => f.snaplen,
        }
    }

    /// The timestamp precision the file was written with (pcapng: nanoseconds,
    /// as every resolution is converted to them).
    pub fn precision(&self) -> Precision {
        match &self.format {
            Format::Pcap(f) => f.precision,
            Format::Pcapng(_) => Precision::Nano,
        }
    }

    /// Whether the file was written in the other byte order than this
    /// machine's (libpcap's `swapped`; pcapng: of the section read last).
    pub fn swapped(&self) -> bool {
        let big = match &self.format {
            Format::Pcap(f) => f.big_endian,
            Format::Pcapng(f) => f.big_endian,
        };
        big != cfg!(target_endian = "big")
    }

    /// True for pcapng input.
    pub fn is_pcapng(&self) -> bool {
        matches!(self.format, Format::Pcapng(_))
    }

    /// The next packet; `Ok(None)` at the end of the file. After an error the
    /// reader should not be used again.
    #[inline]
    pub fn next_packet(&mut self) -> Result<Option<PacketRef<'_>>, ReadError> {
        match &mut self.format {
            Format::Pcap(f) => f.next(&mut self.input),
            Format::Pcapng(f) => f.next(&mut self.input),
        }
    }
}
