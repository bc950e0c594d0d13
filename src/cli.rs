//! Command-line definition: tcpdump's option letters and meanings.
//!
//! This is the one place the options are declared; the man page and the shell
//! completions are generated from [`command`] (see `tests/docs_drift.rs`).

use crate::linktype::LinkType;
use crate::print::packettype::PacketType;
use clap::{ArgAction, CommandFactory, Parser, ValueEnum};
use std::path::PathBuf;

const CAPTURE: &str = "Capture";
const FILTER: &str = "Filter";
const OUTPUT: &str = "Output";
const FILES: &str = "Files";

/// Direction of packets to capture (`-Q`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Direction {
    /// Only packets received by this host
    In,
    /// Only packets sent by this host
    Out,
    /// Packets in both directions (the default)
    Inout,
}

/// Timestamp precision (`--time-stamp-precision`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TsPrecision {
    /// Microseconds (the default)
    Micro,
    /// Nanoseconds
    Nano,
}

/// rfilter: capture, filter, print and save packets, the way tcpdump does.
#[derive(Debug, Parser)]
#[command(
    name = "rfilter",
    version,
    disable_version_flag = true,
    // As with tcpdump's getopt, a flag may be repeated: `-nn`, `-ee`, `-qq`.
    args_override_self = true,
    about = "Capture, filter, print and save network packets, the tcpdump way",
    long_about = "rfilter captures packets from a network interface or reads them from a \
                  savefile, keeps those that match a pcap-filter(7) expression, and prints \
                  them in tcpdump's format or writes them to a pcap file. Its filter compiler \
                  and optimizer are its own.",
    after_help = "The expression follows pcap-filter(7), e.g. 'tcp port 80 and host 10.0.0.1'. \
                  See rfilter(1)."
)]
pub struct Args {
    // ---- Capture ----
    /// Capture on INTERFACE ('any' for all interfaces, cooked)
    #[arg(short = 'i', allow_hyphen_values = true, long = "interface", value_name = "INTERFACE", help_heading = CAPTURE)]
    pub interface: Option<String>,

    /// List the interfaces available for capture and exit
    #[arg(short = 'D', long = "list-interfaces", help_heading = CAPTURE)]
    pub list_interfaces: bool,

    /// List the data link types the interface offers (for -y) and exit
    #[arg(short = 'L', long = "list-data-link-types", help_heading = CAPTURE)]
    pub list_data_link_types: bool,

    /// Do not put the interface into promiscuous mode
    #[arg(short = 'p', long = "no-promiscuous-mode", help_heading = CAPTURE)]
    pub no_promisc: bool,

    /// Capture packets received (in), sent (out) or both (inout)
    #[arg(short = 'Q', allow_hyphen_values = true, long = "direction", value_enum, value_name = "DIRECTION", help_heading = CAPTURE)]
    pub direction: Option<Direction>,

    /// Kernel capture buffer size, in KiB
    #[arg(short = 'B', allow_hyphen_values = true, long = "buffer-size", value_name = "KIB", value_parser = parse_buffer_kib, help_heading = CAPTURE)]
    pub buffer_kib: Option<u32>,

    /// List the time stamp types the interface offers (for -j) and exit
    #[arg(short = 'J', long = "list-time-stamp-types", help_heading = CAPTURE)]
    pub list_tstamp_types: bool,

    /// Time stamp type: host, host_lowprec, host_hiprec, adapter, adapter_unsynced or
    /// host_hiprec_unsynced (Linux interfaces offer host; others give a warning)
    #[arg(short = 'j', allow_hyphen_values = true, long = "time-stamp-type", value_name = "TYPE", help_heading = CAPTURE)]
    pub tstamp_type: Option<String>,

    /// Monitor mode (802.11); refused, as by tcpdump, on interfaces that cannot do it
    #[arg(short = 'I', long = "monitor-mode", help_heading = CAPTURE)]
    pub monitor_mode: bool,

    /// Exit after receiving COUNT packets
    #[arg(short = 'c', allow_hyphen_values = true, value_name = "COUNT", value_parser = parse_count, help_heading = CAPTURE)]
    pub count: Option<u64>,

    /// Print only the number of packets that match, instead of the packets
    #[arg(long = "count", help_heading = OUTPUT)]
    pub count_only: bool,

    /// Deliver packets as soon as they arrive, without buffering
    #[arg(long = "immediate-mode", help_heading = CAPTURE)]
    pub immediate: bool,

    /// Snapshot length: keep at most SNAPLEN bytes of each packet (0 means 262144)
    #[arg(short = 's', allow_hyphen_values = true, long = "snapshot-length", value_name = "SNAPLEN", value_parser = parse_snaplen, help_heading = CAPTURE)]
    pub snaplen: Option<u32>,

    /// Run as USER (when started as root) once the capture socket or file is open
    #[arg(short = 'Z', allow_hyphen_values = true, long = "relinquish-privileges", value_name = "USER", help_heading = CAPTURE)]
    pub user: Option<String>,

    // ---- Filter ----
    /// Dump the compiled filter program as text (-dd: as C, -ddd: as decimal) and exit
    #[arg(short = 'd', action = ArgAction::Count, help_heading = FILTER)]
    pub dump: u8,

    /// Do not optimize the compiled filter program
    #[arg(short = 'O', long = "no-optimize", help_heading = FILTER)]
    pub no_optimize: bool,

    /// Read the filter expression from FILE (the command-line expression is ignored)
    #[arg(short = 'F', allow_hyphen_values = true, value_name = "FILE", help_heading = FILTER)]
    pub filter_file: Option<PathBuf>,

    /// Link-layer type to compile for without an interface or file (EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6, NULL, LOOP, PPP, PPP_PPPD, PPP_SERIAL, PPP_ETHER, C_HDLC)
    #[arg(short = 'y', allow_hyphen_values = true, long = "linktype", value_name = "LINKTYPE", value_parser = parse_linktype, help_heading = FILTER)]
    pub linktype: Option<LinkType>,

    // ---- Output ----
    /// Do not convert addresses, ports and protocols to names
    #[arg(short = 'n', help_heading = OUTPUT)]
    pub numeric: bool,

    /// With name resolution, print IPv4 addresses outside the capture interface's
    /// network ("foreign" ones) numerically; not with -r or -V
    #[arg(short = 'f', help_heading = OUTPUT)]
    pub foreign: bool,

    /// Print host names without their domain ('nic' for 'nic.ddn.mil')
    #[arg(short = 'N', help_heading = OUTPUT)]
    pub no_domain: bool,

    /// Print the link-level header on each line
    #[arg(short = 'e', help_heading = OUTPUT)]
    pub link_header: bool,

    /// Decrypt IPsec ESP with SECRET: "SPI@ADDR ALGO:KEY" or "ALGO:KEY" (the
    /// default) items separated by commas, or "file NAME" (one item a line).
    /// ALGO: an OpenSSL name of AES or triple DES (3des-cbc, aes128-cbc,
    /// aes-256-ctr, aes-128-gcm, des-ede3-cfb, ...), with -hmac96 when a 12-byte
    /// ICV follows; KEY: 0x and hex digits, or the key itself
    #[arg(short = 'E', allow_hyphen_values = true, value_name = "SECRET", help_heading = OUTPUT)]
    pub esp_secret: Option<String>,

    /// More verbose output; -vv and -vvv for more still (checksums, options)
    #[arg(short = 'v', action = ArgAction::Count, help_heading = OUTPUT)]
    pub verbose: u8,

    /// Quieter output: less protocol information
    #[arg(short = 'q', help_heading = OUTPUT)]
    pub quiet: bool,

    /// Timestamps: -t none, -tt seconds since the epoch, -ttt delta to the previous packet, -tttt date and time, -ttttt delta to the first packet
    #[arg(short = 't', action = ArgAction::Count, help_heading = OUTPUT)]
    pub timestamp: u8,

    /// Timestamp precision to print and to write with -w
    #[arg(long = "time-stamp-precision", allow_hyphen_values = true, value_enum, value_name = "PRECISION", overrides_with_all = ["micro", "nano"], help_heading = OUTPUT)]
    pub ts_precision: Option<TsPrecision>,

    /// Same as --time-stamp-precision=micro
    #[arg(long = "micro", overrides_with_all = ["ts_precision", "nano"], help_heading = OUTPUT)]
    pub micro: bool,

    /// Same as --time-stamp-precision=nano
    #[arg(long = "nano", overrides_with_all = ["ts_precision", "micro"], help_heading = OUTPUT)]
    pub nano: bool,

    /// Print each packet in hex (-xx: including the link header)
    #[arg(short = 'x', action = ArgAction::Count, help_heading = OUTPUT)]
    pub hex: u8,

    /// Print each packet in hex and ASCII (-XX: including the link header)
    #[arg(short = 'X', action = ArgAction::Count, help_heading = OUTPUT)]
    pub hex_ascii: u8,

    /// Print each packet in ASCII (-AA: including the link header)
    #[arg(short = 'A', action = ArgAction::Count, help_heading = OUTPUT)]
    pub ascii: u8,

    /// Print a packet number at the start of each line
    #[arg(short = '#', long = "number", help_heading = OUTPUT)]
    pub number: bool,

    /// Print BGP AS numbers above 65535 in ASDOT notation (high.low)
    #[arg(short = 'b', help_heading = OUTPUT)]
    pub asdot: bool,

    /// Detect 802.11s mesh control headers in 802.11 QoS data frames
    #[arg(short = 'H', help_heading = OUTPUT)]
    pub mesh_headers: bool,

    /// Print NFS file handles undecoded, in hex
    #[arg(short = 'u', help_heading = OUTPUT)]
    pub nfs_raw_handles: bool,

    /// Print absolute TCP sequence numbers
    #[arg(short = 'S', long = "absolute-tcp-sequence-numbers", help_heading = OUTPUT)]
    pub absolute_seq: bool,

    /// Line-buffer standard output
    #[arg(short = 'l', help_heading = OUTPUT)]
    pub line_buffered: bool,

    /// Do not verify IP, TCP or UDP checksums
    #[arg(short = 'K', long = "dont-verify-checksums", help_heading = OUTPUT)]
    pub no_checksums: bool,

    /// Interpret UDP and TCP payloads as TYPE whatever their ports: aodv, carp (IP
    /// protocol 112), cnfp, domain, lmp, pgm, pgm_zmtp1, ptp, radius, resp, rpc, rtcp,
    /// rtp, snmp, someip, tftp, vat, vxlan, wb, zmtp1
    #[arg(short = 'T', allow_hyphen_values = true, value_name = "TYPE", value_parser = parse_packet_type, help_heading = OUTPUT)]
    pub packet_type: Option<PacketType>,

    // ---- Files ----
    /// Read packets from FILE (pcap or pcapng; '-' for standard input)
    #[arg(short = 'r', allow_hyphen_values = true, value_name = "FILE", help_heading = FILES)]
    pub read: Option<PathBuf>,

    /// Read packets from each savefile named in FILE, one name a line ('-' for
    /// standard input); -c counts per file
    #[arg(short = 'V', allow_hyphen_values = true, value_name = "FILE", help_heading = FILES)]
    pub read_list: Option<PathBuf>,

    /// Write raw packets to FILE (pcap; '-' for standard output) instead of printing them
    #[arg(short = 'w', allow_hyphen_values = true, value_name = "FILE", help_heading = FILES)]
    pub write: Option<PathBuf>,

    /// With -w, also print packets
    #[arg(long = "print", help_heading = FILES)]
    pub print: bool,

    /// With -w, flush the file after each packet
    #[arg(short = 'U', long = "packet-buffered", help_heading = FILES)]
    pub packet_buffered: bool,

    /// With -w, start a new file when the current one exceeds MB million bytes
    #[arg(short = 'C', allow_hyphen_values = true, value_name = "MB", value_parser = parse_file_size, help_heading = FILES)]
    pub file_size_mb: Option<u64>,

    /// With -w, start a new file every SECONDS seconds (strftime(3) in the file name)
    #[arg(short = 'G', allow_hyphen_values = true, value_name = "SECONDS", value_parser = parse_seconds, help_heading = FILES)]
    pub rotate_seconds: Option<u64>,

    /// With -C or -G, keep at most COUNT files
    #[arg(short = 'W', allow_hyphen_values = true, value_name = "COUNT", value_parser = parse_file_count, help_heading = FILES)]
    pub file_count: Option<u32>,

    /// With -C or -G, run COMMAND FILE on each file a rotation closes (e.g. gzip)
    #[arg(short = 'z', allow_hyphen_values = true, value_name = "COMMAND", help_heading = FILES)]
    pub postrotate: Option<std::ffi::OsString>,

    /// Print version information and exit
    #[arg(long = "version", action = ArgAction::Version)]
    pub version: Option<bool>,

    /// Filter expression (pcap-filter(7)); several arguments are joined with spaces
    #[arg(value_name = "EXPRESSION")]
    pub expression: Vec<String>,
}

fn parse_linktype(s: &str) -> Result<LinkType, String> {
    s.parse()
}

/// Largest snapshot length tcpdump accepts (its `MAXIMUM_SNAPLEN`).
pub const MAX_SNAPLEN: u32 = 262_144;

fn parse_packet_type(s: &str) -> Result<PacketType, String> {
    s.parse()
}

// The numeric options read their arguments as tcpdump does (`atoi` where it
// uses atoi, so `-c 5x` is 5) and are refused in its words (with a hint where
// the rule is not plain).

fn parse_snaplen(s: &str) -> Result<u32, String> {
    match crate::c_number::strtol_whole(s, 0) {
        Some(n) if (0..=i64::from(MAX_SNAPLEN)).contains(&n) => Ok(n as u32),
        _ => Err(format!(
            "invalid snaplen {s} (must be >= 0 and <= {MAX_SNAPLEN})"
        )),
    }
}

fn parse_count(s: &str) -> Result<u64, String> {
    match crate::c_number::atoi(s) {
        n if n > 0 => Ok(n as u64),
        _ => Err(format!("invalid packet count {s} (-c wants at least 1)")),
    }
}

fn parse_buffer_kib(s: &str) -> Result<u32, String> {
    // tcpdump multiplies by 1024 in an int and refuses what is not positive.
    match crate::c_number::atoi(s) {
        kib if kib > 0 && kib <= i32::MAX / 1024 => Ok(kib as u32),
        _ => Err(format!("invalid packet buffer size {s}")),
    }
}

fn parse_file_size(s: &str) -> Result<u64, String> {
    match crate::c_number::strtol_whole(s, 10) {
        // A value strtol saturated (errno ERANGE to tcpdump).
        Some(n) if n == i64::MAX || n == i64::MIN => Err(format!("invalid file size {s}")),
        Some(n) if n > i64::MAX / 1_000_000 => Err(format!("file size {s} is too large")),
        Some(n) if n > 0 => Ok(n as u64),
        _ => Err(format!(
            "invalid file size {s} (-C wants a number of million bytes, at least 1)"
        )),
    }
}

fn parse_seconds(s: &str) -> Result<u64, String> {
    match crate::c_number::atoi(s) {
        n if n >= 0 => Ok(n as u64),
        _ => Err(format!("invalid number of seconds {s}")),
    }
}

fn parse_file_count(s: &str) -> Result<u32, String> {
    match crate::c_number::atoi(s) {
        n if n > 0 => Ok(n as u32),
        _ => Err(format!(
            "invalid number of output files {s} (-W wants at least 1)"
        )),
    }
}

impl Args {
    /// The timestamp precision in effect: the last of `--time-stamp-precision`,
    /// `--micro` and `--nano` given (as tcpdump), micro when none is.
    pub fn time_stamp_precision(&self) -> TsPrecision {
        if self.nano {
            TsPrecision::Nano
        } else if self.micro {
            TsPrecision::Micro
        } else {
            self.ts_precision.unwrap_or(TsPrecision::Micro)
        }
    }

    /// The same precision, as savefiles are read and written in it.
    pub fn savefile_precision(&self) -> crate::savefile::Precision {
        match self.time_stamp_precision() {
            TsPrecision::Nano => crate::savefile::Precision::Nano,
            TsPrecision::Micro => crate::savefile::Precision::Micro,
        }
    }

    /// The snapshot length in effect: `-s`, where 0 or none means 262144.
    pub fn snaplen(&self) -> u32 {
        match self.snaplen {
            None | Some(0) => MAX_SNAPLEN,
            Some(n) => n,
        }
    }

    /// The filter expression: from `-F FILE`, where `#` starts a comment to the end
    /// of the line as in tcpdump, or the trailing arguments joined with spaces.
    pub fn filter_expression(&self) -> anyhow::Result<String> {
        let Some(path) = &self.filter_file else {
            return Ok(self.expression.join(" "));
        };
        let mut bytes = std::fs::read(path).map_err(|e| {
            anyhow::anyhow!("{}: {}", path.display(), crate::savefile::io_message(&e))
        })?;
        // tcpdump reads the file into a C string, which ends at a NUL byte.
        if let Some(nul) = bytes.iter().position(|&b| b == 0) {
            bytes.truncate(nul);
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            anyhow::anyhow!("{}: the filter file is not UTF-8 text", path.display())
        })?;
        let lines: Vec<&str> = text
            .lines()
            .map(|line| line.split_once('#').map_or(line, |(before, _)| before))
            .collect();
        Ok(lines.join(" "))
    }
}

/// The clap command, for the man page and completion generators.
pub fn command() -> clap::Command {
    Args::command()
}
