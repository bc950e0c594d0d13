//! The programs live capture attaches (`CompileOptions::for_kernel`): the kernel
//! refuses backward jumps, so `protochain` is unrolled there and loops everywhere
//! else. Tests check the kernel's rules on the kernel form and verdicts on both.

use rfilter::bpf::{Insn, verify};
use rfilter::filter::{self, CompileOptions};

/// Whether `prog` has a backward `ja` (k wraps past the end, as libpcap writes
/// negative offsets).
pub fn has_backward_jump(prog: &[Insn]) -> bool {
    prog.iter().enumerate().any(|(i, insn)| {
        insn.code == 0x05 && (i as u64 + 1 + u64::from(insn.k)) > prog.len() as u64
    })
}

/// Checks the kernel's rules on what live capture would attach for `expr`, given
/// `prog`, its program compiled with `opts` (not for the kernel). Only `protochain`
/// (and loads at offsets wrapped into the ancillary area) compile differently
/// for the kernel: for such expressions the kernel form is compiled, checked and
/// returned (callers compare its verdicts too); otherwise `prog` itself is
/// checked. `allow_too_long`: a program over the kernel's size limit is fine
/// (live capture then filters in user space).
pub fn check_kernel_form(
    expr: &str,
    opts: &CompileOptions,
    prog: &[Insn],
    allow_too_long: bool,
) -> Result<Option<Vec<Insn>>, String> {
    let check = |p: &[Insn]| match verify::verify(p) {
        Err(e) if !(allow_too_long && e.rule == verify::Rule::TooLong) => Err(e.to_string()),
        _ => Ok(()),
    };
    if !expr.contains("protochain") {
        if has_backward_jump(prog) {
            return Err("backward jump in a program without protochain".into());
        }
        // Loads wrapped into the ancillary area (libpcap's unset Juniper
        // offsets) are moved for the kernel too: check that form instead.
        let wrapped = matches!(
            verify::verify(prog),
            Err(e) if e.rule == verify::Rule::UnknownAncillary
        );
        if !wrapped {
            return check(prog).map(|()| None);
        }
    }
    let kopts = CompileOptions {
        for_kernel: true,
        ..opts.clone()
    };
    let kprog = filter::compile(expr, &kopts)
        .map_err(|e| format!("the kernel form is refused: {}", e.message))?;
    check(&kprog)?;
    Ok(Some(kprog))
}
