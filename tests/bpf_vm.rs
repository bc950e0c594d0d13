//! Our interpreter against libpcap's `bpf_filter`, called directly: libpcap's own
//! programs for the expression corpus over the packet corpus (with wire lengths
//! larger than the captured bytes too, which `pcap_offline_filter` cannot show),
//! and random and mutated programs that libpcap's `bpf_validate` and our
//! `verify` both accept.

mod common;

use common::corpus::{self, Rng, Sample};
use common::examples;
use common::ffi;
use common::reference::libpcap_program;
use rfilter::bpf::insn::*;
use rfilter::bpf::{Insn, verify, vm};
use rfilter::linktype::LinkType;
use std::collections::HashMap;

fn first_mismatch(prog: &[Insn], samples: &[Sample], extra_wire: u32) -> Option<String> {
    for s in samples {
        let wire = s.wire_len.saturating_add(extra_wire);
        let ours = vm::run(prog, &s.data, wire);
        let theirs = ffi::filter(prog, &s.data, wire);
        if ours != theirs {
            return Some(format!(
                "packet {} (captured {}, wire {wire}): ours {ours}, libpcap {theirs}\n{}",
                s.label,
                s.data.len(),
                rfilter::bpf::dump::dump(prog, 1)
            ));
        }
    }
    None
}

#[test]
fn vm_matches_bpf_filter_on_libpcap_programs() {
    let corpora: HashMap<LinkType, Vec<Sample>> = LinkType::ALL
        .iter()
        .map(|&lt| (lt, corpus::samples(lt)))
        .collect();
    let mut failures = Vec::new();
    let (mut programs, mut runs) = (0usize, 0usize);
    for (i, ex) in examples::valid().iter().enumerate() {
        for &lt in &ex.linktypes {
            // The differential harness already checks every program with wire
            // length as recorded; here a third of them with longer wire lengths.
            for optimize in [false, true] {
                if (i + usize::from(optimize)) % 3 != 0 {
                    continue;
                }
                let Ok(prog) = libpcap_program(&ex.expr, lt, optimize) else {
                    continue;
                };
                programs += 1;
                let samples = &corpora[&lt];
                for extra in [1u32, 1000] {
                    runs += samples.len();
                    if let Some(m) = first_mismatch(&prog, samples, extra) {
                        failures.push(format!("`{}` on {lt} optimize {optimize}: {m}", ex.expr));
                    }
                }
            }
        }
    }
    println!(
        "vm vs bpf_filter: {programs} libpcap programs, {runs} runs, {} mismatches",
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{}",
        failures
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// A random instruction from the opcodes both libpcap and the kernel know.
fn random_insn(rng: &mut Rng, len: usize, at: usize) -> Insn {
    let codes: Vec<u16> = (0..0x100u16)
        .filter(|&c| verify::opcode_allowed(c))
        .collect();
    let code = codes[rng.below(codes.len())];
    let room = (len - at - 1).min(255);
    let k = match code {
        0x60 | 0x61 | 0x02 | 0x03 => rng.below(16) as u32,
        0x05 => rng.below(room.max(1)) as u32,
        0x20 | 0x28 | 0x30 | 0x40 | 0x48 | 0x50 | 0xb1 => {
            if rng.below(8) == 0 {
                SKF_AD_OFF + 4 * rng.below(16) as u32
            } else {
                rng.below(80) as u32
            }
        }
        0x64 | 0x74 => rng.below(32) as u32,
        _ => match rng.below(4) {
            0 => rng.next_u64() as u32,
            1 => 0,
            _ => rng.below(300) as u32 + 1,
        },
    };
    let jt = rng.below(room.max(1)) as u8;
    let jf = rng.below(room.max(1)) as u8;
    Insn { code, jt, jf, k }
}

#[test]
fn vm_matches_bpf_filter_on_random_programs() {
    let mut rng = Rng::new(2024);
    let samples: Vec<Sample> = corpus::samples(LinkType::En10mb)
        .into_iter()
        .step_by(10)
        .collect();
    let (mut tried, mut run) = (0, 0);
    let mut failures = Vec::new();
    while run < 3000 && tried < 200_000 {
        tried += 1;
        let len = 2 + rng.below(14);
        let mut prog: Vec<Insn> = (0..len - 1)
            .map(|i| random_insn(&mut rng, len, i))
            .collect();
        prog.push(Insn::stmt(
            if rng.below(2) == 0 {
                BPF_RET | BPF_A
            } else {
                BPF_RET | BPF_K
            },
            96,
        ));
        // bpf_filter trusts its input: only programs libpcap validates, and only
        // those our verify accepts too (libpcap does not zero scratch memory, so
        // loads before stores would read garbage there).
        if !ffi::validate(&prog) || verify::verify(&prog).is_err() {
            continue;
        }
        run += 1;
        for extra in [0u32, 77] {
            if let Some(m) = first_mismatch(&prog, &samples, extra) {
                failures.push(m);
            }
        }
    }
    println!(
        "vm vs bpf_filter: {run} random programs of {tried} generated, {} mismatches",
        failures.len()
    );
    assert!(run >= 3000, "only {run} random programs were valid");
    assert!(
        failures.is_empty(),
        "{}",
        failures
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Shift counts at and past the register width, where C leaves the result
/// undefined: ours must equal what libpcap's interpreter does here.
#[test]
fn vm_matches_bpf_filter_on_wide_shifts() {
    let mut failures = Vec::new();
    for op in [BPF_LSH, BPF_RSH] {
        for count in (0u32..=130).chain([255, 256, 0x7fff_ffff, 0xffff_ffff]) {
            let prog = [
                Insn::stmt(BPF_LD | BPF_IMM, 0x8000_00ff),
                Insn::stmt(BPF_LDX | BPF_IMM, count),
                Insn::stmt(BPF_ALU | op | BPF_X, 0),
                Insn::stmt(BPF_RET | BPF_A, 0),
            ];
            let (ours, theirs) = (vm::run(&prog, &[], 0), ffi::filter(&prog, &[], 0));
            if ours != theirs {
                failures.push(format!(
                    "op {op:#x} count {count}: ours {ours:#x}, libpcap {theirs:#x}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
