//! Savefiles: reading pcap and pcapng (`-r`), writing pcap (`-w`) and rotating
//! output files (`-C`, `-G`, `-W`), with tcpdump's names and limits.
//!
//! All parsing is rfilter's own: a large buffer ([`input::Input`]) is filled by
//! big reads and packets are handed out as slices of it.

pub mod input;
pub mod pcap;
pub mod pcapng;
pub mod reader;
pub mod rotate;
pub mod writer;

pub use reader::Reader;
pub use rotate::{RotateOptions, RotatingWriter};
pub use writer::PcapWriter;

use std::fmt;
use std::io;

/// The largest captured length accepted for one packet (libpcap's maximum
/// snapshot length): a record claiming more is damage, not data.
pub const MAX_SNAPLEN: u32 = 262_144;

/// Timestamp precision of a pcap file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Precision {
    /// Microseconds (magic 0xa1b2c3d4).
    Micro,
    /// Nanoseconds (magic 0xa1b23c4d).
    Nano,
}

/// Why a savefile could not be read. Displayed without the file name; the caller
/// puts `rfilter: FILE: ` in front.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused (missing file, permission, I/O error).
    Io(io::Error),
    /// The bytes are not a capture file rfilter can read, or are damaged.
    Format(String),
}

impl ReadError {
    pub(crate) fn format(msg: impl Into<String>) -> ReadError {
        ReadError::Format(msg.into())
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{}", io_message(e)),
            ReadError::Format(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// The system's message for an I/O error without Rust's " (os error N)" suffix,
/// as tcpdump prints it ("No such file or directory").
pub fn io_message(e: &io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
