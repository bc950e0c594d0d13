use clap::Parser;
use rfilter::bpf::dump;
use rfilter::cli::Args;
use rfilter::filter::{self, CompileOptions, DEFAULT_SNAPLEN};
use rfilter::linktype::LinkType;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("rfilter: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(args: Args) -> anyhow::Result<ExitCode> {
    let expr = match &args.filter_file {
        Some(path) => {
            std::fs::read_to_string(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
        None => args.expression.join(" "),
    };
    let snaplen = match args.snaplen {
        None | Some(0) => DEFAULT_SNAPLEN,
        Some(n) => n,
    };
    let opts = CompileOptions {
        linktype: args.linktype.unwrap_or(LinkType::En10mb),
        snaplen,
        optimize: !args.no_optimize,
        ..CompileOptions::default()
    };
    if args.dump > 0 {
        let prog =
            filter::compile(&expr, &opts).map_err(|e| anyhow::anyhow!("{}", e.render(&expr)))?;
        print!("{}", dump::dump(&prog, args.dump));
        return Ok(ExitCode::SUCCESS);
    }
    anyhow::bail!("only -d is implemented so far")
}
