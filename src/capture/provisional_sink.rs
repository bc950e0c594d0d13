//! Stand-in sinks so that `rfilter -i` works end to end before the output module
//! (`rfilter::output::sink_from_args`, printer and savefile writer) is merged:
//! `-w FILE` writes a classic microsecond pcap file, otherwise one summary line per
//! packet is printed (`seconds.micros length caplen`). main.rs switches to the real
//! sinks when they land; nothing else depends on this module.

use crate::cli::Args;
use crate::linktype::LinkType;
use crate::packet::{PacketRef, Sink};
use std::fs::File;
use std::io::{self, BufWriter, Write};

/// A pcap writer (magic 0xa1b2c3d4, version 2.4, host byte order).
pub struct PcapFileSink {
    out: BufWriter<Box<dyn Write + Send>>,
    flush_each: bool,
}

impl PcapFileSink {
    pub fn new(
        out: Box<dyn Write + Send>,
        linktype: LinkType,
        snaplen: u32,
        flush_each: bool,
    ) -> io::Result<Self> {
        let mut out = BufWriter::with_capacity(1 << 20, out);
        let mut hdr = Vec::with_capacity(24);
        hdr.extend_from_slice(&0xa1b2_c3d4u32.to_ne_bytes());
        hdr.extend_from_slice(&2u16.to_ne_bytes());
        hdr.extend_from_slice(&4u16.to_ne_bytes());
        hdr.extend_from_slice(&0i32.to_ne_bytes());
        hdr.extend_from_slice(&0u32.to_ne_bytes());
        hdr.extend_from_slice(&snaplen.to_ne_bytes());
        hdr.extend_from_slice(&linktype.linktype().to_ne_bytes());
        out.write_all(&hdr)?;
        Ok(PcapFileSink { out, flush_each })
    }
}

impl Sink for PcapFileSink {
    fn packet(&mut self, pkt: &PacketRef<'_>) -> io::Result<()> {
        let mut rec = [0u8; 16];
        rec[0..4].copy_from_slice(&(pkt.ts.sec as u32).to_ne_bytes());
        rec[4..8].copy_from_slice(&(pkt.ts.nsec / 1000).to_ne_bytes());
        rec[8..12].copy_from_slice(&(pkt.data.len() as u32).to_ne_bytes());
        rec[12..16].copy_from_slice(&pkt.wire_len.to_ne_bytes());
        self.out.write_all(&rec)?;
        self.out.write_all(pkt.data)?;
        if self.flush_each {
            self.out.flush()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// One line per packet on standard output.
pub struct SummarySink {
    out: BufWriter<io::Stdout>,
    line_buffered: bool,
}

impl Sink for SummarySink {
    fn packet(&mut self, pkt: &PacketRef<'_>) -> io::Result<()> {
        writeln!(
            self.out,
            "{}.{:06} length {} caplen {}",
            pkt.ts.sec,
            pkt.ts.nsec / 1000,
            pkt.wire_len,
            pkt.data.len()
        )?;
        if self.line_buffered {
            self.out.flush()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The stand-in for `output::sink_from_args`.
pub fn sink_from_args(args: &Args, linktype: LinkType) -> anyhow::Result<Box<dyn Sink + Send>> {
    let snaplen = match args.snaplen {
        None | Some(0) => crate::filter::DEFAULT_SNAPLEN,
        Some(n) => n,
    };
    Ok(match &args.write {
        Some(path) if path.as_os_str() == "-" => Box::new(PcapFileSink::new(
            Box::new(io::stdout()),
            linktype,
            snaplen,
            args.packet_buffered,
        )?),
        Some(path) => {
            let f = File::create(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            Box::new(PcapFileSink::new(
                Box::new(f),
                linktype,
                snaplen,
                args.packet_buffered,
            )?)
        }
        None => Box::new(SummarySink {
            out: BufWriter::new(io::stdout()),
            line_buffered: args.line_buffered,
        }),
    })
}
