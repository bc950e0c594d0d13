//! libpcap as the reference: its program for an expression, through the pcap crate.

use rfilter::bpf::Insn;
use rfilter::filter::CompileOptions;
use rfilter::linktype::LinkType;
use std::sync::Mutex;

/// `pcap::Capture::dead` opens handles with this snapshot length, so libpcap's
/// programs accept with `ret #65535`; compile rfilter's with the same.
pub const REFERENCE_SNAPLEN: u32 = 65535;

/// The netmask the pcap crate passes to `pcap_compile` (0): `ip broadcast` then
/// means "all ones or all zeros".
pub const REFERENCE_NETMASK: u32 = 0;

/// libpcap's compiler keeps global state in older versions and its error buffer
/// lives in the handle: one compilation at a time.
static LIBPCAP: Mutex<()> = Mutex::new(());

/// libpcap's message when the optimizer proves a filter never matches; it refuses
/// such filters only when optimizing.
pub const REJECTS_ALL: &str = "expression rejects all packets";

/// libpcap's program for `expr` on `lt`, or its error message.
pub fn libpcap_program(expr: &str, lt: LinkType, optimize: bool) -> Result<Vec<Insn>, String> {
    let _guard = LIBPCAP
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let cap = pcap::Capture::dead(pcap::Linktype(lt.dlt()))
        .map_err(|e| format!("pcap_open_dead: {e}"))?;
    let prog = cap.compile(expr, optimize).map_err(|e| match e {
        pcap::Error::PcapError(msg) => msg,
        other => other.to_string(),
    })?;
    prog.get_instructions()
        .iter()
        .map(|i| parse_insn(&i.to_string()))
        .collect::<Option<Vec<Insn>>>()
        .ok_or_else(|| "cannot read libpcap's instructions".to_string())
}

/// libpcap's programs for an example on one link type, optimized and not.
/// libpcap's optimizer refuses filters it proves never match ("expression
/// rejects all packets"): `None` then.
pub fn reference_programs(
    expr: &str,
    lt: LinkType,
) -> Result<(Option<Vec<Insn>>, Vec<Insn>), String> {
    let unopt = libpcap_program(expr, lt, false)?;
    let opt = match libpcap_program(expr, lt, true) {
        Ok(p) => Some(p),
        Err(e) if e.contains(REJECTS_ALL) => None,
        Err(e) => return Err(format!("optimizing: {e}")),
    };
    Ok((opt, unopt))
}

/// rfilter's options for compiling like the reference: libpcap's snapshot
/// length and netmask, no Linux VLAN ancillary data, not for the kernel.
pub fn rfilter_options(lt: LinkType, optimize: bool) -> CompileOptions {
    CompileOptions {
        linktype: lt,
        snaplen: REFERENCE_SNAPLEN,
        optimize,
        netmask: REFERENCE_NETMASK,
        linux_vlan_ancillary: false,
        for_kernel: false,
        savefile: None,
    }
}

/// The pcap crate only shows instructions as "code jt jf k".
fn parse_insn(text: &str) -> Option<Insn> {
    let mut it = text.split_whitespace();
    let code = it.next()?.parse().ok()?;
    let jt = it.next()?.parse().ok()?;
    let jf = it.next()?.parse().ok()?;
    let k = it.next()?.parse().ok()?;
    Some(Insn { code, jt, jf, k })
}
