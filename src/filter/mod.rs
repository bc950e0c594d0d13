//! The filter compiler: pcap-filter(7) text to classic BPF.
//!
//! Pipeline: [`parser`] (text → [`ast::Expr`] with spans) → [`codegen`] (AST →
//! control-flow graph → optimization → linear [`Insn`]s).

pub mod ast;
pub mod cfg;
pub mod chainloop;
pub mod codegen;
pub mod emit;
pub mod error;
pub mod names;
pub mod optimize;
pub mod parser;
mod rejects_all;

use crate::bpf::Insn;
use crate::linktype::LinkType;
pub use error::FilterError;

/// libpcap's "netmask unknown" value (`PCAP_NETMASK_UNKNOWN`): `ip broadcast` is
/// refused without a netmask.
pub const NETMASK_UNKNOWN: u32 = 0xffff_ffff;

/// Default snapshot length, and so the accept value of compiled programs.
pub const DEFAULT_SNAPLEN: u32 = 262_144;

/// What a program is compiled for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// Link-layer type of the packets: decides the header offsets.
    pub linktype: LinkType,
    /// Accept value of the program (`ret #snaplen`).
    pub snaplen: u32,
    /// Run the optimizer (`-O` turns it off).
    pub optimize: bool,
    /// IPv4 netmask of the capture interface, for `ip broadcast`.
    pub netmask: u32,
    /// Live Linux capture: the kernel strips VLAN tags, so `vlan` is compiled with the
    /// ancillary loads `SKF_AD_VLAN_TAG_PRESENT`/`SKF_AD_VLAN_TAG` (libpcap's
    /// `BPF_SPECIAL_VLAN_HANDLING`).
    pub linux_vlan_ancillary: bool,
    /// The program will be attached with `SO_ATTACH_FILTER`: no backward jumps, so
    /// `protochain` is unrolled (a bounded number of headers) instead of looping.
    pub for_kernel: bool,
    /// Compiling for a savefile (`-r`): `Some(swapped)`, true when the file's
    /// byte order is not this machine's. libpcap then checks every BSD value of
    /// AF_INET6 in loopback headers, byte-swaps DLT_NULL families, and refuses
    /// what only a live socket knows (`inbound`, `ifindex`).
    pub savefile: Option<bool>,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            linktype: LinkType::En10mb,
            snaplen: DEFAULT_SNAPLEN,
            optimize: true,
            netmask: NETMASK_UNKNOWN,
            linux_vlan_ancillary: false,
            for_kernel: false,
            savefile: None,
        }
    }
}

/// Stack for the compiler thread: deep nesting (thousands of parentheses or `not`s)
/// recurses through parser, code generator and drop glue.
const COMPILER_STACK: usize = 512 << 20;

/// Compiles `expr` to a classic BPF program. An empty expression accepts everything.
///
/// Runs on a thread of its own with a large stack so that no expression, however
/// deeply nested, can overflow the caller's stack.
pub fn compile(expr: &str, opts: &CompileOptions) -> Result<Vec<Insn>, FilterError> {
    let text = expr.to_owned();
    let opts_owned = opts.clone();
    let worker = std::thread::Builder::new()
        .name("rfilter-compile".into())
        .stack_size(COMPILER_STACK)
        .spawn(move || compile_here(&text, &opts_owned));
    match worker {
        Ok(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(FilterError::internal("the compiler thread panicked"))),
        Err(e) => Err(FilterError::internal(&format!(
            "cannot start the compiler thread: {e}"
        ))),
    }
}

/// DLT values below libpcap's "matching" range (104 to 289, where any value is
/// taken and only `link[...]` filters compile) that its code generator knows.
const DLTS_BELOW_MATCHING: [i32; 15] = [0, 1, 6, 7, 8, 9, 10, 11, 12, 15, 16, 19, 50, 51, 99];

/// libpcap refuses every filter, the empty one too, for a link type its code
/// generator does not know, before it reads the expression; tcpdump then stops
/// before the first packet of such a file.
fn known_to_libpcap(lt: LinkType) -> Result<(), FilterError> {
    let dlt = lt.dlt();
    if (104..=289).contains(&dlt) || DLTS_BELOW_MATCHING.contains(&dlt) {
        Ok(())
    } else {
        Err(FilterError::whole(format!(
            "unknown data link type {dlt} (min 104, max 289)"
        )))
    }
}

/// Compiles on the current thread (callers must have a large enough stack).
pub fn compile_here(expr: &str, opts: &CompileOptions) -> Result<Vec<Insn>, FilterError> {
    known_to_libpcap(opts.linktype)?;
    let ast = parser::parse(expr)?;
    codegen::generate(ast.as_ref(), opts)
}
