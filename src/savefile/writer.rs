//! Writing classic pcap files (`-w`): what Wireshark, tshark and tcpdump read.
//!
//! The header carries the link type and snapshot length; records are written in
//! host byte order, as libpcap does. Output goes through one large buffer; `-U`
//! flushes it after every packet, and [`PcapWriter::finish`] (called on every way
//! out: end of input, `-c`, Ctrl-C, errors) flushes the rest, so the file on disk
//! always ends on a whole record.

use super::Precision;
use super::io_message;
use super::pcap::{MAGIC_MICRO, MAGIC_NANO};
use crate::linktype::LinkType;
use crate::packet::{PacketRef, Sink};
use std::io::{self, Write};

const BUFFER: usize = 1 << 20;

/// Size of the pcap file header, the first bytes of every file written.
pub const FILE_HEADER_LEN: u64 = 24;

/// A pcap file being written to `W` (a file, standard output, a test buffer).
pub struct PcapWriter<W: Write> {
    out: W,
    buf: Vec<u8>,
    precision: Precision,
    flush_each: bool,
    /// Bytes written so far, buffered ones included (tcpdump's `ftell`).
    written: u64,
    /// Name for error messages ("out.pcap", "standard output").
    name: String,
    /// After an error nothing more is written (and Drop does not retry).
    failed: bool,
}

impl<W: Write> PcapWriter<W> {
    /// Starts a file: writes the header (buffered) for `linktype` and `snaplen`.
    pub fn new(
        out: W,
        name: &str,
        linktype: LinkType,
        snaplen: u32,
        precision: Precision,
        flush_each: bool,
    ) -> io::Result<PcapWriter<W>> {
        PcapWriter::with_linktype_ext(out, name, linktype, 0, snaplen, precision, flush_each)
    }

    /// As [`PcapWriter::new`], with `linktype_ext` (the upper 16 bits of the
    /// header's link-type field: FCS length and flag) copied from the file read.
    pub fn with_linktype_ext(
        out: W,
        name: &str,
        linktype: LinkType,
        linktype_ext: u32,
        snaplen: u32,
        precision: Precision,
        flush_each: bool,
    ) -> io::Result<PcapWriter<W>> {
        let mut w = PcapWriter {
            out,
            buf: Vec::with_capacity(BUFFER),
            precision,
            flush_each,
            written: 0,
            name: name.to_string(),
            failed: false,
        };
        let magic = match precision {
            Precision::Micro => MAGIC_MICRO,
            Precision::Nano => MAGIC_NANO,
        };
        w.buf.extend_from_slice(&magic.to_ne_bytes());
        w.buf.extend_from_slice(&2u16.to_ne_bytes());
        w.buf.extend_from_slice(&4u16.to_ne_bytes());
        w.buf.extend_from_slice(&0i32.to_ne_bytes()); // thiszone: always 0
        w.buf.extend_from_slice(&0u32.to_ne_bytes()); // sigfigs: always 0
        w.buf.extend_from_slice(&snaplen.to_ne_bytes());
        let field = linktype.linktype() | (linktype_ext & 0xffff_0000);
        w.buf.extend_from_slice(&field.to_ne_bytes());
        w.written = FILE_HEADER_LEN;
        if flush_each {
            w.flush_buffer()?;
        }
        Ok(w)
    }

    /// Appends one record.
    #[inline]
    pub fn write_packet(&mut self, pkt: &PacketRef<'_>) -> io::Result<()> {
        if self.failed {
            return Err(io::Error::other(format!(
                "{}: earlier write failed",
                self.name
            )));
        }
        // The low 32 bits, as libpcap writes its (possibly negative or out of
        // range) fraction.
        let frac = match self.precision {
            Precision::Micro => (pkt.ts.nsec / 1000) as u32,
            Precision::Nano => pkt.ts.nsec as u32,
        };
        let caplen = pkt.data.len();
        let mut header = [0u8; 16];
        // Seconds are 32 bits in the format; unsigned, so good until 2106.
        header[0..4].copy_from_slice(&(pkt.ts.sec as u32).to_ne_bytes());
        header[4..8].copy_from_slice(&frac.to_ne_bytes());
        header[8..12].copy_from_slice(&(caplen as u32).to_ne_bytes());
        header[12..16].copy_from_slice(&pkt.wire_len.to_ne_bytes());
        if self.buf.len() + 16 + caplen > self.buf.capacity() {
            self.flush_buffer()?;
        }
        self.buf.extend_from_slice(&header);
        self.buf.extend_from_slice(pkt.data);
        self.written += 16 + caplen as u64;
        if self.flush_each {
            self.flush_buffer()?;
        }
        Ok(())
    }

    /// Bytes in the file so far, header included, as tcpdump's `-C` measures.
    pub fn bytes_written(&self) -> u64 {
        self.written
    }

    /// The name used in error messages.
    pub fn name(&self) -> &str {
        &self.name
    }

    fn flush_buffer(&mut self) -> io::Result<()> {
        if self.failed {
            return Err(io::Error::other(format!(
                "{}: earlier write failed",
                self.name
            )));
        }
        let res = self
            .out
            .write_all(&self.buf)
            .and_then(|()| self.out.flush());
        self.buf.clear();
        res.map_err(|e| {
            self.failed = true;
            io::Error::new(e.kind(), format!("{}: {}", self.name, io_message(&e)))
        })
    }

    /// Writes out everything buffered.
    pub fn finish(&mut self) -> io::Result<()> {
        if self.buf.is_empty() && !self.failed {
            return Ok(());
        }
        self.flush_buffer()
    }
}

impl<W: Write> Drop for PcapWriter<W> {
    /// Best effort for a writer dropped without `finish` (a bug elsewhere):
    /// keep the records already accepted.
    fn drop(&mut self) {
        if !self.failed && !self.buf.is_empty() {
            let _ = self.flush_buffer();
        }
    }
}

impl<W: Write + Send> Sink for PcapWriter<W> {
    fn packet(&mut self, pkt: &PacketRef<'_>) -> io::Result<()> {
        self.write_packet(pkt)
    }

    fn finish(&mut self) -> io::Result<()> {
        PcapWriter::finish(self)
    }
}
