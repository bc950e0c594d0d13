//! The `rfilter` command: parse the arguments, then dispatch to listing
//! interfaces (`-D`), dumping the compiled filter (`-d`), reading a file (`-r`) or
//! capturing live. Every error is one line, `rfilter: …`, and exit status 1, as
//! in tcpdump: usage errors too.

use anyhow::{Result, anyhow};
use clap::Parser;
use rfilter::bpf::dump;
use rfilter::cli::Args;
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use rfilter::{offline, output, stop};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return usage_error(e),
    };
    stop::install_signal_handlers();
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rfilter: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// `--help` and `--version` print as clap has them; a usage error is one line
/// (an option's own message, e.g. tcpdump's "invalid packet count x", or
/// clap's first lines joined), exit status 1.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        e.exit();
    }
    let line = match std::error::Error::source(&e) {
        Some(own) if e.kind() == ErrorKind::ValueValidation => own.to_string(),
        _ => e
            .render()
            .to_string()
            .lines()
            .map(str::trim)
            .take_while(|l| !l.starts_with("Usage:") && !l.starts_with("For more information"))
            .filter(|l| !l.is_empty() && !l.starts_with("tip:"))
            .collect::<Vec<_>>()
            .join(" "),
    };
    eprintln!("rfilter: {}", line.trim_start_matches("error: "));
    ExitCode::from(1)
}

fn run(args: &Args) -> Result<ExitCode> {
    rfilter::device_flags::tstamp_type(args)?;
    if args.list_interfaces {
        return list_interfaces();
    }
    if rfilter::device_flags::opens_device(args)
        && let Some(code) = rfilter::device_flags::before_activation(args)?
    {
        return Ok(code);
    }
    if args.list_data_link_types {
        let device = match &args.interface {
            Some(name) => rfilter::capture::interfaces::resolve(name)?,
            None => rfilter::capture::interfaces::default_interface()?,
        };
        rfilter::capture::live::list_data_link_types(&device)?;
        return Ok(ExitCode::SUCCESS);
    }
    output::check_file_options(args)?;
    let expr = args.filter_expression()?;
    if let Some(list) = &args.read_list {
        if args.read.is_some() {
            anyhow::bail!("-V and -r are mutually exclusive.");
        }
        return offline::run_list(args, list, &expr);
    }
    if let Some(path) = &args.read {
        if args.dump > 0 {
            return offline::dump(args, path, &expr);
        }
        return offline::run(args, path, &expr);
    }
    if args.dump > 0 {
        let opts = dump_options(args)?;
        let prog = filter::compile(&expr, &opts).map_err(|e| anyhow!("{}", e.render(&expr)))?;
        print!("{}", dump::dump(&prog, args.dump));
        return Ok(ExitCode::SUCCESS);
    }
    live(args)
}

/// What `-d` compiles for without `-r`: as tcpdump, for the link type a capture
/// on `-i` would have (with Linux's VLAN ancillary loads and the interface's
/// netmask), or for Ethernet (netmask 0) when no interface is named.
fn dump_options(args: &Args) -> Result<CompileOptions> {
    let mut opts = CompileOptions {
        linktype: args.linktype.unwrap_or(LinkType::En10mb),
        snaplen: args.snaplen(),
        optimize: !args.no_optimize,
        netmask: 0,
        for_kernel: false,
        ..CompileOptions::default()
    };
    let Some(device) = &args.interface else {
        if args.linktype.is_none() {
            eprintln!("Warning: assuming Ethernet");
        }
        return Ok(opts);
    };
    if args.linktype.is_none() {
        opts.linktype = rfilter::capture::live::native_linktype(device)?;
    }
    if device == "any" || args.linktype.is_some() {
        eprintln!("rfilter: data link type {}", opts.linktype.name());
    }
    opts.linux_vlan_ancillary = true;
    // The program a capture on the interface would attach to the socket.
    opts.for_kernel = true;
    opts.netmask = if device == "any" {
        0
    } else {
        rfilter::capture::interfaces::netmask(device)
    };
    Ok(opts)
}

/// `-D`.
fn list_interfaces() -> Result<ExitCode> {
    rfilter::capture::list_interfaces()?;
    Ok(ExitCode::SUCCESS)
}

/// Live capture, into the sink the options ask for.
fn live(args: &Args) -> Result<ExitCode> {
    rfilter::capture::run_live(args, &mut |linktype| output::sink_from_args(args, linktype))
}
