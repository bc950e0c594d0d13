//! verify.rs against the running Linux kernel: a program passes `verify` exactly
//! when the kernel accepts it with `SO_ATTACH_FILTER` (on a UDP socket, which needs
//! no privileges and runs the same classic-BPF checks as a packet socket).
//!
//! Cases: every libpcap program for the expression corpus (optimized and not;
//! protochain's backward jumps are refused by both), thousands of mutations of
//! them, random programs, and the size limits.

mod common;

use common::corpus::Rng;
use common::examples;
use common::reference::libpcap_program;
use rfilter::bpf::insn::*;
use rfilter::bpf::{Insn, verify};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};

/// What the kernel says about a program.
#[derive(Debug, PartialEq, Eq)]
enum Kernel {
    Accepts,
    /// EINVAL: the classic-BPF checker refused it.
    Refuses,
}

fn udp_socket() -> OwnedFd {
    // SAFETY: socket(2) with constant arguments; the result is checked before use
    // and owned (closed on drop) by the OwnedFd.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_DGRAM, 0) };
    assert!(fd >= 0, "socket: {}", std::io::Error::last_os_error());
    // SAFETY: fd is a freshly opened descriptor that nothing else owns.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

/// Attaches `prog` to `sock` and reports the kernel's verdict. Any error other than
/// EINVAL fails the test: it would mean the check did not run.
fn kernel(sock: &OwnedFd, prog: &[Insn]) -> Kernel {
    let mut filter: Vec<libc::sock_filter> = prog
        .iter()
        .map(|i| libc::sock_filter {
            code: i.code,
            jt: i.jt,
            jf: i.jf,
            k: i.k,
        })
        .collect();
    let fprog = libc::sock_fprog {
        len: u16::try_from(filter.len()).expect("program length fits in u16"),
        filter: filter.as_mut_ptr(),
    };
    // SAFETY: fprog points at `filter`, which outlives the call; the kernel copies
    // the instructions and does not keep the pointer.
    let rc = unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_ATTACH_FILTER,
            (&fprog as *const libc::sock_fprog).cast(),
            std::mem::size_of::<libc::sock_fprog>() as libc::socklen_t,
        )
    };
    if rc == 0 {
        return Kernel::Accepts;
    }
    let err = std::io::Error::last_os_error();
    assert_eq!(
        err.raw_os_error(),
        Some(libc::EINVAL),
        "SO_ATTACH_FILTER failed unexpectedly: {err}"
    );
    Kernel::Refuses
}

fn ours(prog: &[Insn]) -> Kernel {
    match verify::verify(prog) {
        Ok(()) => Kernel::Accepts,
        Err(_) => Kernel::Refuses,
    }
}

fn disagreement(prog: &[Insn], k: &Kernel, context: &str) -> String {
    format!(
        "{context}: kernel {k:?}, verify {:?}\n{}",
        verify::verify(prog),
        rfilter::bpf::dump::dump(prog, 1)
    )
}

/// libpcap's programs for a sample of the expression corpus on every link type.
fn libpcap_programs() -> Vec<(String, Vec<Insn>)> {
    let mut out = Vec::new();
    for ex in examples::valid() {
        for &lt in &ex.linktypes {
            for optimize in [true, false] {
                if let Ok(p) = libpcap_program(&ex.expr, lt, optimize) {
                    out.push((format!("`{}` on {lt} optimize {optimize}", ex.expr), p));
                }
            }
        }
    }
    out
}

#[test]
fn verify_agrees_with_the_kernel_on_libpcap_programs() {
    let sock = udp_socket();
    let progs = libpcap_programs();
    let mut failures = Vec::new();
    let (mut accepted, mut refused) = (0, 0);
    for (what, prog) in &progs {
        let k = kernel(&sock, prog);
        if k == Kernel::Accepts {
            accepted += 1
        } else {
            refused += 1
        }
        if k != ours(prog) {
            failures.push(disagreement(prog, &k, what));
        }
    }
    println!(
        "kernel: {} libpcap programs, {accepted} accepted, {refused} refused, {} disagreements",
        progs.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // protochain loops backwards: the kernel refuses those, so both outcomes occur.
    assert!(accepted > 1000 && refused > 0);
}

/// rfilter's `protochain` programs: those compiled for the kernel (unrolled) attach;
/// the default ones (libpcap's loop, with a backward `ja`) are refused, and `verify`
/// says so for both.
#[test]
fn protochain_for_the_kernel_attaches_and_the_loop_does_not() {
    use rfilter::filter::{self, CompileOptions};
    use rfilter::linktype::LinkType;
    let sock = udp_socket();
    let mut failures = Vec::new();
    let mut attached = 0;
    for expr in [
        "protochain 6",
        "ip protochain 51",
        "ip6 protochain 17 and tcp",
        "protochain 58 or port 53",
    ] {
        for lt in [LinkType::En10mb, LinkType::Raw, LinkType::LinuxSll2] {
            for optimize in [true, false] {
                for for_kernel in [true, false] {
                    let opts = CompileOptions {
                        linktype: lt,
                        optimize,
                        for_kernel,
                        ..CompileOptions::default()
                    };
                    let prog = filter::compile(expr, &opts).expect("compiles");
                    let k = kernel(&sock, &prog);
                    let want = if for_kernel {
                        Kernel::Accepts
                    } else {
                        Kernel::Refuses
                    };
                    let what =
                        format!("`{expr}` on {lt} optimize {optimize} for_kernel {for_kernel}");
                    if k != want || ours(&prog) != want {
                        failures.push(disagreement(&prog, &k, &what));
                    }
                    attached += usize::from(k == Kernel::Accepts);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(attached, 4 * 3 * 2);
}

/// One random change to a program, aimed at the rules: opcodes, constants (shift
/// widths, divisors, scratch indexes, ancillary offsets), jump offsets, the final
/// ret, scratch loads and stores.
fn mutate(prog: &mut Vec<Insn>, rng: &mut Rng) {
    let n = prog.len();
    let i = rng.below(n);
    let interesting_k = [
        0u32,
        1,
        15,
        16,
        31,
        32,
        0xffff_ffff,
        SKF_AD_OFF,
        SKF_AD_OFF + 4,
        SKF_AD_OFF + 2,
        SKF_AD_OFF + 60,
        SKF_AD_OFF + 64,
        0xfff0_0000,
    ];
    match rng.below(9) {
        0 => prog[i].code = rng.below(0x100) as u16,
        1 => prog[i].k = interesting_k[rng.below(interesting_k.len())],
        2 => prog[i].jt = prog[i].jt.wrapping_add(1 + rng.below(3) as u8),
        3 => prog[i].jf = (n - i) as u8,
        4 => {
            prog.pop();
        }
        5 => prog.insert(
            i,
            Insn::stmt(
                [BPF_LD | BPF_MEM, BPF_LDX | BPF_MEM][rng.below(2)],
                rng.below(17) as u32,
            ),
        ),
        6 => prog.insert(
            i,
            Insn::stmt([BPF_ST, BPF_STX][rng.below(2)], rng.below(17) as u32),
        ),
        7 => {
            let ops = [BPF_DIV, BPF_MOD, BPF_LSH, BPF_RSH, BPF_XOR, BPF_NEG];
            prog.insert(
                i,
                Insn::stmt(
                    BPF_ALU | ops[rng.below(ops.len())] | BPF_K,
                    interesting_k[rng.below(5)],
                ),
            );
        }
        _ => prog.insert(i, Insn::stmt(BPF_JMP | BPF_JA, rng.below(n + 1 - i) as u32)),
    }
}

#[test]
fn verify_agrees_with_the_kernel_on_mutated_programs() {
    let sock = udp_socket();
    let progs = libpcap_programs();
    let mut rng = Rng::new(7);
    let mut failures = Vec::new();
    let (mut total, mut accepted) = (0, 0);
    for (what, base) in progs.iter().step_by(3) {
        for _ in 0..6 {
            let mut p = base.clone();
            for _ in 0..=rng.below(2) {
                if p.is_empty() {
                    break;
                }
                mutate(&mut p, &mut rng);
            }
            total += 1;
            let k = kernel(&sock, &p);
            if k == Kernel::Accepts {
                accepted += 1;
            }
            if k != ours(&p) && failures.len() < 20 {
                failures.push(disagreement(&p, &k, &format!("mutation of {what}")));
            }
        }
    }
    println!(
        "kernel: {total} mutated programs, {accepted} accepted, {} disagreements",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        accepted > total / 10 && accepted < total,
        "mutations should land on both sides"
    );
}

#[test]
fn verify_agrees_with_the_kernel_on_random_programs() {
    let sock = udp_socket();
    let mut rng = Rng::new(99);
    let mut failures = Vec::new();
    let codes: Vec<u16> = (0..0x100u16)
        .filter(|&c| verify::opcode_allowed(c))
        .collect();
    for _ in 0..20_000 {
        let len = 1 + rng.below(8);
        let mut p: Vec<Insn> = (0..len)
            .map(|_| {
                let code = if rng.below(10) == 0 {
                    rng.below(0x100) as u16
                } else {
                    codes[rng.below(codes.len())]
                };
                let k = if rng.below(2) == 0 {
                    rng.below(20) as u32
                } else {
                    rng.next_u64() as u32
                };
                Insn {
                    code,
                    jt: rng.below(4) as u8,
                    jf: rng.below(4) as u8,
                    k,
                }
            })
            .collect();
        if rng.below(4) != 0 {
            p.push(Insn::stmt(BPF_RET | BPF_K, 1));
        }
        let k = kernel(&sock, &p);
        if k != ours(&p) && failures.len() < 20 {
            failures.push(disagreement(&p, &k, "random program"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn verify_agrees_with_the_kernel_on_size_limits() {
    let sock = udp_socket();
    let ret = Insn::stmt(BPF_RET | BPF_K, 1);
    assert_eq!(kernel(&sock, &[]), Kernel::Refuses);
    assert_eq!(ours(&[]), Kernel::Refuses);
    for len in [1usize, 2, 4095, 4096, 4097, 5000] {
        let mut p = vec![Insn::stmt(BPF_LD | BPF_IMM, 0); len - 1];
        p.push(ret);
        let k = kernel(&sock, &p);
        assert_eq!(k, ours(&p), "{len} instructions");
        assert_eq!(
            k == Kernel::Accepts,
            len <= BPF_MAXINSNS,
            "{len} instructions"
        );
    }
}
