//! Output files with tcpdump's rotation (`-C`, `-G`, `-W`) and naming.
//!
//! tcpdump's rules, which this follows:
//! - `-C MB`: before writing a packet, if the current file already holds more than
//!   MB million bytes, start the next one. The first file is named as given, the
//!   next ones get 1, 2, 3 … appended.
//! - `-W N` with `-C`: numbers wrap after N files and are zero-padded to the width
//!   of N-1 (`-W 10`: `f0` … `f9`; `-W 11`: `f00` … `f10`); the first is numbered too.
//! - `-G S`: the name is a strftime(3) pattern, expanded with the local time when the
//!   file is opened; a new file starts with the first packet at least S seconds
//!   (wall clock) after the current one was opened. With `-C` too, each time period
//!   restarts the numbering at 0.
//! - `-W N` with `-G` (and no `-C`): after N files, "Maximum file limit reached: N"
//!   and the run ends successfully.
//! - `-z CMD`: each file closed by a rotation (not the last one, at the end of the
//!   run) is handed to `CMD FILE`, started in the background and not waited for.

use super::writer::PcapWriter;
use super::{Precision, io_message};
use crate::linktype::LinkType;
use crate::packet::{PacketRef, Sink};
use std::ffi::{CString, OsString};
use std::fs::File;
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

/// `-C`, `-G` and `-W` as given.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RotateOptions {
    /// `-C`: rotate when the file holds more than this many bytes.
    pub max_bytes: Option<u64>,
    /// `-G`: rotate every this many seconds.
    pub seconds: Option<u64>,
    /// `-W`: file count limit.
    pub count: Option<u32>,
}

/// What the file format needs besides the names.
#[derive(Clone, Copy, Debug)]
pub struct FileParams {
    /// Link type written in every file header.
    pub linktype: LinkType,
    /// Upper 16 bits of the header's link-type field (from the file read).
    pub linktype_ext: u32,
    /// Snapshot length written in every file header.
    pub snaplen: u32,
    /// Timestamp precision of the files (`--time-stamp-precision`).
    pub precision: Precision,
    /// `-U`: flush after every packet.
    pub flush_each: bool,
}

/// Seconds since the epoch; replaceable in tests.
pub type Clock = Box<dyn FnMut() -> i64 + Send>;

fn wall_clock() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Digits needed for the numbers 0 … count-1 (tcpdump pads to this width; 0 for a
/// count of 1).
pub fn count_width(count: u32) -> usize {
    let mut last = count.saturating_sub(1);
    let mut digits = 0;
    while last > 0 {
        digits += 1;
        last /= 10;
    }
    digits
}

/// The name of one output file: `pattern` expanded by strftime at `time` (with
/// `-G`), then `index` appended with `width` digits — unless both are 0.
pub fn file_name(
    pattern: &Path,
    time: Option<i64>,
    index: u32,
    width: usize,
) -> io::Result<PathBuf> {
    let mut name = match time {
        Some(t) => strftime_local(pattern.as_os_str().as_bytes(), t)?,
        None => pattern.as_os_str().as_bytes().to_vec(),
    };
    if index != 0 || width != 0 {
        name.extend_from_slice(format!("{index:0width$}").as_bytes());
    }
    Ok(PathBuf::from(OsString::from_vec(name)))
}

/// strftime(3) in the local time zone, as tcpdump expands `-G` names.
fn strftime_local(pattern: &[u8], time: i64) -> io::Result<Vec<u8>> {
    let bad = || {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            "file name pattern is too long or invalid",
        )
    };
    let format = CString::new(pattern).map_err(|_| bad())?;
    let out = crate::capture::os::strftime_local(&format, time, 4096).ok_or_else(bad)?;
    if out.is_empty() && !pattern.is_empty() {
        return Err(bad());
    }
    Ok(out)
}

/// A [`Sink`] writing pcap files, rotating them as `-C`/`-G`/`-W` ask.
pub struct RotatingWriter {
    pattern: PathBuf,
    opts: RotateOptions,
    params: FileParams,
    width: usize,
    current: Option<PcapWriter<File>>,
    /// Number of the current file within its time period (tcpdump's Cflag_count).
    size_index: u32,
    /// Time periods completed (tcpdump's Gflag_count).
    periods: u64,
    /// When the current time period started (tcpdump's Gflag_time).
    period_start: i64,
    clock: Clock,
    /// The `-G`/`-W` limit was reached: further packets are dropped.
    done: bool,
    /// `-z`: the command run on each file a rotation closes.
    postrotate: Option<OsString>,
    /// Postrotate commands started and not yet reaped.
    children: Vec<Child>,
}

impl RotatingWriter {
    /// Opens the first file.
    pub fn create(
        pattern: &Path,
        opts: RotateOptions,
        params: FileParams,
    ) -> io::Result<RotatingWriter> {
        RotatingWriter::with_clock(pattern, opts, params, Box::new(wall_clock))
    }

    /// As [`RotatingWriter::create`], with the time taken from `clock`.
    pub fn with_clock(
        pattern: &Path,
        opts: RotateOptions,
        params: FileParams,
        mut clock: Clock,
    ) -> io::Result<RotatingWriter> {
        let period_start = clock();
        let mut w = RotatingWriter {
            pattern: pattern.to_path_buf(),
            opts,
            params,
            width: opts.count.map_or(0, count_width),
            current: None,
            size_index: 0,
            periods: 0,
            period_start,
            clock,
            done: false,
            postrotate: None,
            children: Vec::new(),
        };
        let width = if opts.max_bytes.is_some() { w.width } else { 0 };
        w.open(0, width)?;
        Ok(w)
    }

    /// Runs `command FILE` on each file closed by a rotation (`-z`).
    pub fn with_postrotate(mut self, command: Option<OsString>) -> RotatingWriter {
        self.postrotate = command;
        self
    }

    /// The file being written now.
    pub fn current_path(&self) -> Option<&str> {
        self.current.as_ref().map(|c| c.name())
    }

    fn open(&mut self, index: u32, width: usize) -> io::Result<()> {
        let time = self.opts.seconds.map(|_| self.period_start);
        let path = file_name(&self.pattern, time, index, width).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("{}: {}", self.pattern.display(), io_message(&e)),
            )
        })?;
        let name = path.display().to_string();
        let file = File::create(&path)
            .map_err(|e| io::Error::new(e.kind(), format!("{name}: {}", io_message(&e))))?;
        let p = self.params;
        self.current = Some(PcapWriter::with_linktype_ext(
            file,
            &name,
            p.linktype,
            p.linktype_ext,
            p.snaplen,
            p.precision,
            p.flush_each,
        )?);
        Ok(())
    }

    fn close(&mut self) -> io::Result<()> {
        match self.current.take() {
            Some(mut w) => w.finish(),
            None => Ok(()),
        }
    }

    /// Closes the current file for a rotation and hands it to the `-z` command,
    /// as tcpdump does: in the background, a failure to start it reported in
    /// tcpdump's words without ending the capture.
    fn close_rotated(&mut self) -> io::Result<()> {
        let name = self.current.as_ref().map(|c| c.name().to_string());
        self.close()?;
        self.children
            .retain_mut(|c| matches!(c.try_wait(), Ok(None)));
        if let (Some(cmd), Some(name)) = (&self.postrotate, name) {
            match Command::new(cmd).arg(&name).stdin(Stdio::null()).spawn() {
                Ok(child) => self.children.push(child),
                Err(e) => eprintln!(
                    "compress_savefile: execlp({}, {name}) failed: {}",
                    Path::new(cmd).display(),
                    io_message(&e)
                ),
            }
        }
        Ok(())
    }

    /// tcpdump's checks before each packet: time first, then size.
    fn rotate_if_due(&mut self) -> io::Result<()> {
        if let Some(seconds) = self.opts.seconds.filter(|&s| s > 0) {
            let now = (self.clock)();
            if now.saturating_sub(self.period_start) >= seconds as i64 {
                self.period_start = now;
                self.periods += 1;
                self.close_rotated()?;
                if let (None, Some(limit)) = (self.opts.max_bytes, self.opts.count)
                    && self.periods >= u64::from(limit)
                {
                    eprintln!("Maximum file limit reached: {limit}");
                    self.done = true;
                    crate::stop::request();
                    return Ok(());
                }
                self.size_index = 0;
                let width = if self.opts.max_bytes.is_some() {
                    self.width
                } else {
                    0
                };
                self.open(0, width)?;
            }
        }
        if let (Some(max), Some(cur)) = (self.opts.max_bytes, &self.current)
            && cur.bytes_written() > max
        {
            self.close_rotated()?;
            self.size_index += 1;
            if self
                .opts
                .count
                .is_some_and(|limit| self.size_index >= limit)
            {
                self.size_index = 0;
            }
            self.open(self.size_index, self.width)?;
        }
        Ok(())
    }
}

impl Sink for RotatingWriter {
    fn packet(&mut self, pkt: &PacketRef<'_>) -> io::Result<()> {
        if self.done {
            return Ok(());
        }
        self.rotate_if_due()?;
        match &mut self.current {
            Some(w) => w.write_packet(pkt),
            None => Ok(()),
        }
    }

    fn finish(&mut self) -> io::Result<()> {
        self.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_is_that_of_the_last_number() {
        assert_eq!(count_width(1), 0);
        assert_eq!(count_width(2), 1);
        assert_eq!(count_width(10), 1);
        assert_eq!(count_width(11), 2);
        assert_eq!(count_width(101), 3);
    }

    #[test]
    fn names_follow_tcpdump() {
        let p = Path::new("out.pcap");
        assert_eq!(file_name(p, None, 0, 0).unwrap(), PathBuf::from("out.pcap"));
        assert_eq!(
            file_name(p, None, 3, 0).unwrap(),
            PathBuf::from("out.pcap3")
        );
        assert_eq!(
            file_name(p, None, 0, 2).unwrap(),
            PathBuf::from("out.pcap00")
        );
        assert_eq!(
            file_name(p, None, 7, 3).unwrap(),
            PathBuf::from("out.pcap007")
        );
    }

    #[test]
    fn strftime_expands_the_pattern() {
        // %s and %% do not depend on the time zone.
        let p = Path::new("dump-%s-%%.pcap");
        assert_eq!(
            file_name(p, Some(1_700_000_000), 0, 0).unwrap(),
            PathBuf::from("dump-1700000000-%.pcap")
        );
    }
}
