//! libpcap's public BPF helpers called directly: `bpf_image` (one `-d` line),
//! `bpf_filter` (its interpreter) and `bpf_validate` (its program check). They take
//! arbitrary programs, which the pcap crate cannot hand over.
//!
//! The only unsafe code in the tests besides the socket calls in bpf_kernel.rs:
//! plain FFI calls with pointers to locals that outlive them.

use rfilter::bpf::Insn;
use std::ffi::{c_char, c_int, c_uint};
use std::sync::Mutex;

/// libpcap's `struct bpf_insn`.
#[repr(C)]
struct CInsn {
    code: u16,
    jt: u8,
    jf: u8,
    k: u32,
}

#[link(name = "pcap")]
unsafe extern "C" {
    fn bpf_image(insn: *const CInsn, n: c_int) -> *const c_char;
    fn bpf_filter(prog: *const CInsn, pkt: *const u8, wirelen: c_uint, buflen: c_uint) -> c_uint;
    fn bpf_validate(prog: *const CInsn, len: c_int) -> c_int;
}

fn to_c(prog: &[Insn]) -> Vec<CInsn> {
    prog.iter()
        .map(|i| CInsn {
            code: i.code,
            jt: i.jt,
            jf: i.jf,
            k: i.k,
        })
        .collect()
}

/// bpf_image writes into one static buffer: one caller at a time.
static IMAGE: Mutex<()> = Mutex::new(());

/// libpcap's rendering of instruction number `n`.
pub fn image(insn: &Insn, n: i32) -> String {
    let _guard = IMAGE.lock().unwrap_or_else(|p| p.into_inner());
    let c = to_c(std::slice::from_ref(insn));
    // SAFETY: `c` holds one valid bpf_insn for the call; the returned pointer is
    // libpcap's static NUL-terminated buffer, copied out under the lock.
    unsafe { std::ffi::CStr::from_ptr(bpf_image(c.as_ptr(), n)) }
        .to_string_lossy()
        .into_owned()
}

/// Does libpcap's `bpf_validate` accept the program?
pub fn validate(prog: &[Insn]) -> bool {
    let c = to_c(prog);
    let Ok(len) = c_int::try_from(c.len()) else {
        return false;
    };
    // SAFETY: `c` holds `len` valid instructions for the duration of the call.
    unsafe { bpf_validate(c.as_ptr(), len) != 0 }
}

/// libpcap's interpreter on a packet of `data.len()` captured bytes and `wire_len`
/// bytes on the wire. The program must be one libpcap generated or one
/// [`validate`] accepts: bpf_filter trusts its input.
pub fn filter(prog: &[Insn], data: &[u8], wire_len: u32) -> u32 {
    let c = to_c(prog);
    let buflen = c_uint::try_from(data.len()).expect("packet length fits in u32");
    // SAFETY: `c` and `data` outlive the call; the caller guarantees the program
    // is well formed (generated or validated by libpcap), so bpf_filter reads only
    // within `c` and the first `buflen` bytes of `data`.
    unsafe { bpf_filter(c.as_ptr(), data.as_ptr(), wire_len, buflen) }
}
