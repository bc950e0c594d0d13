//! Where accepted packets go, from the command line: the printer, a pcap file
//! (`-w`, rotated with `-C`/`-G`/`-W`), or both (`-w … --print`).

use crate::cli::Args;
use crate::linktype::LinkType;
use crate::packet::{PacketRef, Sink};
use crate::print::{PrintOptions, Printer, is_print_write_error};
use crate::savefile::rotate::FileParams;
use crate::savefile::{PcapWriter, RotateOptions, RotatingWriter, io_message};
use anyhow::{Result, bail};
use std::fs::File;
use std::io;
use std::os::fd::AsFd;
use std::process::ExitCode;

/// tcpdump's exit status when printed output cannot be written
/// (`S_ERR_ND_WRITE_FILE`).
const EXIT_WRITE_FAILED: u8 = 14;

/// How a run ends when a sink failed with `error`, where tcpdump ends it its own
/// way; `None` for any other failure, which the caller reports as usual.
/// - Printing that cannot be written (`rfilter … | head`, a full disk) ends as
///   tcpdump's: "Unable to write output: Broken pipe" and status 14.
/// - A savefile written to `-` whose reader went away ends quietly with status 0,
///   as tcpdump's (which reads on to the end of its input first; rfilter stops at
///   once). A savefile that cannot be written otherwise is an error (status 1),
///   where tcpdump loses the packets silently.
pub fn write_failure_exit(args: &Args, error: &io::Error) -> Option<ExitCode> {
    if is_print_write_error(error) {
        eprintln!("rfilter: {}", io_message(error));
        return Some(ExitCode::from(EXIT_WRITE_FAILED));
    }
    let pcap_on_stdout = args.write.as_ref().is_some_and(|w| w.as_os_str() == "-");
    if pcap_on_stdout && error.kind() == io::ErrorKind::BrokenPipe {
        return Some(ExitCode::SUCCESS);
    }
    None
}

/// The sink for a live capture: printer, writer or both; files written get the
/// `-s` snapshot length in their header.
pub fn sink_from_args(args: &Args, linktype: LinkType) -> Result<Box<dyn Sink + Send>> {
    let header = Header {
        linktype,
        linktype_ext: 0,
        snaplen: args.snaplen(),
    };
    sink(args, header, false)
}

/// The sink for reading a file: as [`sink_from_args`], with the header of the
/// copy as libpcap writes it: the input file's snapshot length and the upper
/// bits of its link-type field.
pub fn sink_for_file(
    args: &Args,
    reader: &crate::savefile::Reader,
) -> Result<Box<dyn Sink + Send>> {
    let header = Header {
        linktype: reader.linktype(),
        linktype_ext: reader.linktype_ext(),
        snaplen: reader.snaplen(),
    };
    sink(args, header, true)
}

/// What a `-w` file's header says.
#[derive(Clone, Copy)]
struct Header {
    linktype: LinkType,
    linktype_ext: u32,
    snaplen: u32,
}

fn sink(args: &Args, header: Header, reading_file: bool) -> Result<Box<dyn Sink + Send>> {
    let linktype = header.linktype;
    if args.count_only {
        // As tcpdump: the count replaces printing; a -w file is still written,
        // and `--print` with it still prints each packet (the count comes last).
        // tcpdump prints the count only after reading files (a live capture
        // has its statistics on standard error).
        let counter = Box::new(Counter {
            packets: 0,
            out: stdout_file()?,
            print_total: reading_file,
        });
        if args.write.is_none() {
            return Ok(counter);
        }
        let mut first = file_writer(args, header)?;
        if args.print {
            first = Box::new(Both {
                first,
                second: printer(args, linktype)?,
            });
        }
        return Ok(Box::new(Both {
            first,
            second: counter,
        }));
    }
    if args.write.is_none() {
        return printer(args, linktype);
    }
    let writer = file_writer(args, header)?;
    if args.print {
        let printer = printer(args, linktype)?;
        return Ok(Box::new(Both {
            first: writer,
            second: printer,
        }));
    }
    Ok(writer)
}

/// tcpdump's checks across options, run by main before anything is opened
/// (each option's own value is checked as it is parsed).
pub fn check_file_options(args: &Args) -> Result<()> {
    if args.timestamp > 5 {
        bail!("only -t, -tt, -ttt, -tttt and -ttttt are supported");
    }
    if args.foreign && (args.read.is_some() || args.read_list.is_some()) {
        bail!("-f can not be used with -V or -r");
    }
    Ok(())
}

/// The packet printer, on standard output (it buffers, and flushes per line
/// with `-l`).
fn printer(args: &Args, linktype: LinkType) -> Result<Box<dyn Sink + Send>> {
    let out = stdout_file()?;
    let mut opts = PrintOptions::from_args(args);
    if args.foreign {
        opts.localnet = Some(localnet(args)?);
    }
    if let Some(secret) = &args.esp_secret {
        let secrets =
            crate::print::esp_sa::EspSecrets::parse(secret).map_err(anyhow::Error::msg)?;
        opts.esp = Some(std::sync::Arc::new(secrets));
    }
    Ok(Box::new(Printer::new(opts, linktype, out)))
}

/// `-f`: the IPv4 network and mask of the capture interface, as tcpdump takes
/// them from pcap_lookupnet; (0, 0), every address local, when it has none.
fn localnet(args: &Args) -> Result<(u32, u32)> {
    let device = match &args.interface {
        Some(name) => crate::capture::interfaces::resolve(name)?,
        None => crate::capture::interfaces::default_interface()?,
    };
    let devices = pcap::Device::list().unwrap_or_default();
    let found = devices
        .iter()
        .filter(|d| d.name == device)
        .flat_map(|d| &d.addresses)
        .find_map(|a| match (a.addr, a.netmask) {
            (std::net::IpAddr::V4(addr), Some(std::net::IpAddr::V4(mask))) => {
                let mask = u32::from(mask);
                Some((u32::from(addr) & mask, mask))
            }
            _ => None,
        });
    Ok(found.unwrap_or((0, 0)))
}

/// Our own handle on fd 1: a plain File, written in large blocks without the
/// line buffering of `std::io::Stdout`.
fn stdout_file() -> Result<File> {
    let fd = io::stdout()
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| anyhow::anyhow!("standard output: {}", io_message(&e)))?;
    Ok(File::from(fd))
}

/// The `-w` writer: standard output for `-`, else a (rotating) file.
fn file_writer(args: &Args, header: Header) -> Result<Box<dyn Sink + Send>> {
    let Header {
        linktype,
        linktype_ext,
        snaplen,
    } = header;
    let Some(path) = &args.write else {
        bail!("no -w file");
    };
    let precision = args.savefile_precision();
    if path.as_os_str() == "-" {
        let w = PcapWriter::with_linktype_ext(
            stdout_file()?,
            "standard output",
            linktype,
            linktype_ext,
            snaplen,
            precision,
            args.packet_buffered,
        )?;
        return Ok(Box::new(w));
    }
    let opts = RotateOptions {
        max_bytes: args.file_size_mb.map(|mb| mb.saturating_mul(1_000_000)),
        // `-G 0` (or `-G x`, which atoi reads as 0) is no rotation, as in tcpdump.
        seconds: args.rotate_seconds.filter(|&s| s > 0),
        count: args.file_count,
    };
    let params = FileParams {
        linktype,
        linktype_ext,
        snaplen,
        precision,
        flush_each: args.packet_buffered,
    };
    let writer = RotatingWriter::create(path, opts, params)?;
    Ok(Box::new(writer.with_postrotate(args.postrotate.clone())))
}

/// `--count`: counts the packets and prints "N packets" at the end.
struct Counter {
    packets: u64,
    out: File,
    /// Whether `finish` prints "N packets".
    print_total: bool,
}

impl Sink for Counter {
    fn packet(&mut self, _pkt: &PacketRef<'_>) -> io::Result<()> {
        self.packets += 1;
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if !self.print_total {
            return Ok(());
        }
        let plural = if self.packets == 1 { "" } else { "s" };
        let line = format!("{} packet{plural}\n", self.packets);
        io::Write::write_all(&mut self.out, line.as_bytes())
    }
}

/// Two sinks in turn: the file first, then the printer, as tcpdump's `--print`.
struct Both {
    first: Box<dyn Sink + Send>,
    second: Box<dyn Sink + Send>,
}

impl Sink for Both {
    fn packet(&mut self, pkt: &PacketRef<'_>) -> io::Result<()> {
        self.first.packet(pkt)?;
        self.second.packet(pkt)
    }

    fn finish(&mut self) -> io::Result<()> {
        let a = self.first.finish();
        let b = self.second.finish();
        a.and(b)
    }

    fn set_linktype(&mut self, linktype: crate::linktype::LinkType) {
        self.first.set_linktype(linktype);
        self.second.set_linktype(linktype);
    }

    fn flush(&mut self) -> io::Result<()> {
        self.first.flush()?;
        self.second.flush()
    }
}
