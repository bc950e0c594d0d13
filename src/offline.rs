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

/// Opens `path` and prints tcpdump's "reading from file" line on stderr.
fn open(path: &Path) -> Result<(Reader, String)> {
    let name = path.display().to_string();
    let reader = Reader::open(path).map_err(|e| anyhow!("{name}: {e}"))?;
    let lt = reader.linktype();
    eprintln!(
        "reading from file {name}, link-type {} ({}), snapshot length {}",
        lt.name(),
        lt.description(),
        reader.snaplen()
    );
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
        ..CompileOptions::default()
    }
}

fn compile(expr: &str, opts: &CompileOptions) -> Result<Vec<Insn>> {
    filter::compile(expr, opts).map_err(|e| anyhow!("{}", e.render(expr)))
}

/// `-d` with `-r`: the program for the file's link type.
pub fn dump(args: &Args, path: &Path, expr: &str) -> Result<ExitCode> {
    let (reader, _) = open(path)?;
    let prog = compile(expr, &compile_options(args, &reader))?;
    print!("{}", crate::bpf::dump::dump(&prog, args.dump));
    Ok(ExitCode::SUCCESS)
}

/// `-r FILE [-w OUT] [EXPR]`.
pub fn run(args: &Args, path: &Path, expr: &str) -> Result<ExitCode> {
    let (mut reader, name) = open(path)?;
    let prog = compile(expr, &compile_options(args, &reader))?;
    let mut sink = output::sink_with_snaplen(args, reader.linktype(), reader.snaplen())?;
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
