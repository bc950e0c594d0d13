//! The `-r` pipeline: read a savefile, keep the packets the filter accepts (run in
//! rfilter's own BPF interpreter, compiled for the file's link type and snapshot
//! length), hand them to the sink. One thread: reading and filtering are cheap
//! enough that a channel would cost more than it saves.

use crate::bpf::Insn;
use crate::bpf::vm;
use crate::cli::Args;
use crate::filter::{self, CompileOptions};
use crate::output;
use crate::packet::{PacketRef, Sink};
use crate::savefile::Reader;
use crate::stop;
use anyhow::{Result, anyhow};
use std::path::Path;
use std::process::ExitCode;

/// Opens `path` (timestamps at the precision asked for, as tcpdump opens
/// files) and prints tcpdump's "reading from file" line on stderr, and for
/// the first file of a run its warning that a LINUX_SLL2 file's interface
/// names (looked up by index on this machine) may be wrong.
fn open(args: &Args, path: &Path, first: bool) -> Result<(Reader, String)> {
    let name = path.display().to_string();
    let reader = Reader::open_with_precision(path, args.savefile_precision())
        .map_err(|e| anyhow!("{name}: {e}"))?;
    let lt = reader.linktype();
    eprintln!(
        "reading from file {name}, link-type {}, snapshot length {}",
        lt.header_text(),
        reader.snaplen()
    );
    if first && lt == crate::linktype::LinkType::LinuxSll2 {
        eprintln!("Warning: interface names might be incorrect");
    }
    Ok((reader, name))
}

/// What the filter is compiled for when reading `reader`. tcpdump takes the
/// netmask of a file as 0, so `ip broadcast` means all-zeros or all-ones.
fn compile_options(args: &Args, reader: &Reader) -> CompileOptions {
    CompileOptions {
        linktype: reader.linktype(),
        snaplen: reader.snaplen(),
        optimize: !args.no_optimize,
        netmask: 0,
        for_kernel: false,
        savefile: Some(reader.swapped()),
        ..CompileOptions::default()
    }
}

fn compile(expr: &str, opts: &CompileOptions) -> Result<Vec<Insn>> {
    filter::compile(expr, opts).map_err(|e| anyhow!("{}", e.render(expr)))
}

/// `-d` with `-r`: the program for the file's link type.
pub fn dump(args: &Args, path: &Path, expr: &str) -> Result<ExitCode> {
    let (reader, _) = open(args, path, true)?;
    let prog = compile(expr, &compile_options(args, &reader))?;
    print!("{}", crate::bpf::dump::dump(&prog, args.dump));
    Ok(ExitCode::SUCCESS)
}

/// `-r FILE [-w OUT] [EXPR]`.
pub fn run(args: &Args, path: &Path, expr: &str) -> Result<ExitCode> {
    let (mut reader, name) = open(args, path, true)?;
    let prog = compile(expr, &compile_options(args, &reader))?;
    // tcpdump gives up root here too, once the file is open and the filter
    // compiled.
    if let Some(user) = &args.user {
        crate::capture::socket::relinquish_privileges(user)?;
    }
    let mut sink = output::sink_for_file(args, &reader)?;
    let pumped = pump(&mut reader, &name, &prog, sink.as_mut(), args.count);
    // Finish whatever happened, so the output holds every packet accepted.
    let finished = sink.finish();
    let sink_error = match &pumped {
        Err(e) => e.downcast_ref::<std::io::Error>(),
        Ok(()) => finished.as_ref().err(),
    };
    if let Some(code) = sink_error.and_then(|e| output::write_failure_exit(args, e)) {
        return Ok(code);
    }
    pumped?;
    finished?;
    Ok(ExitCode::SUCCESS)
}

/// `-V LIST [-w OUT] [EXPR]`: each savefile named in LIST in turn, as tcpdump
/// reads them: one name a line (only the newline is stripped), `-c` counting per
/// file, the filter compiled again for each file, one output for all. A file of
/// another link type is printed with its own decoder but cannot join a `-w` file.
pub fn run_list(args: &Args, list: &Path, expr: &str) -> Result<ExitCode> {
    let text = if list.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| anyhow!("Unable to open file: {}", crate::savefile::io_message(&e)))?;
        buf
    } else {
        std::fs::read(list)
            .map_err(|e| anyhow!("Unable to open file: {}", crate::savefile::io_message(&e)))?
    };
    let mut names: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
    if names.last().is_some_and(|n| n.is_empty()) {
        names.pop();
    }
    if names.is_empty() {
        anyhow::bail!("Nothing in {}", list.display());
    }
    if args.dump > 0 {
        return dump(args, &path_of(names[0]), expr);
    }
    let mut sink: Option<(Box<dyn Sink + Send>, crate::linktype::LinkType)> = None;
    let mut result = Ok(());
    for name in names {
        if stop::requested() {
            break;
        }
        result = (|| -> Result<()> {
            let (mut reader, name) = open(args, &path_of(name), sink.is_none())?;
            let prog = compile(expr, &compile_options(args, &reader))?;
            let lt = reader.linktype();
            let (s, first_lt) = match &mut sink {
                Some(s) => s,
                None => {
                    // As in `run`: root is given up after the first file's
                    // filter, so the later files are opened as the user.
                    if let Some(user) = &args.user {
                        crate::capture::socket::relinquish_privileges(user)?;
                    }
                    sink.insert((output::sink_for_file(args, &reader)?, lt))
                }
            };
            if lt != *first_lt {
                if args.write.is_some() {
                    anyhow::bail!("{name}: new dlt does not match original");
                }
                s.set_linktype(lt);
                *first_lt = lt;
            }
            pump(&mut reader, &name, &prog, s.as_mut(), args.count)?;
            s.flush()?;
            Ok(())
        })();
        if result.is_err() {
            break;
        }
    }
    // A file that cannot be opened or filtered ends the run as tcpdump's error()
    // does: what was written stays, but no total is printed.
    let counting_only = args.count_only && args.write.is_none();
    let finished = match &mut sink {
        Some((s, _)) if !(result.is_err() && counting_only) => s.finish(),
        _ => Ok(()),
    };
    let sink_error = match &result {
        Err(e) => e.downcast_ref::<std::io::Error>(),
        Ok(()) => finished.as_ref().err(),
    };
    if let Some(code) = sink_error.and_then(|e| output::write_failure_exit(args, e)) {
        return Ok(code);
    }
    result?;
    finished?;
    Ok(ExitCode::SUCCESS)
}

/// A name from a `-V` list as a path (bytes as they are: names need not be
/// UTF-8). tcpdump's C string ends at a NUL byte, so the name does too (a list
/// that is really a binary file names a file that is not there, rather than an
/// error about the NUL).
fn path_of(name: &[u8]) -> std::path::PathBuf {
    use std::os::unix::ffi::OsStrExt;
    let name = name.split(|&b| b == 0).next().unwrap_or(name);
    std::path::PathBuf::from(std::ffi::OsStr::from_bytes(name))
}

/// Reads, filters and delivers packets until the file ends, `-c` is reached, a
/// stop is requested or something fails.
fn pump(
    reader: &mut Reader,
    name: &str,
    prog: &[Insn],
    sink: &mut dyn Sink,
    count: Option<u64>,
) -> Result<()> {
    let limit = count.unwrap_or(u64::MAX);
    let mut accepted = 0u64;
    while !stop::requested() {
        let pkt = match reader.next_packet() {
            Ok(Some(pkt)) => pkt,
            Ok(None) => break,
            // A read cut short by Ctrl-C is a stop, not damage.
            Err(_) if stop::requested() => break,
            Err(e) => return Err(anyhow!("{name}: {e}")),
        };
        let keep = vm::run(prog, pkt.data, pkt.wire_len);
        if keep == 0 {
            continue;
        }
        let cut = PacketRef {
            data: pkt.data.get(..keep as usize).unwrap_or(pkt.data),
            ..pkt
        };
        sink.packet(&cut)?;
        accepted += 1;
        if accepted >= limit {
            break;
        }
    }
    Ok(())
}
