//! The optimizer against the unoptimized compiler: every expression of the corpus
//! on every link type it applies to must optimize to a program the kernel accepts
//! that gives the unoptimized program's verdict on every packet of the packet
//! corpus and on every packet padded to 4096 bytes. On a truncated packet it may
//! instead give the unoptimized verdict on a completion of the packet (a load
//! whose value cannot change the outcome was dropped, as libpcap's optimizer drops
//! it). The four expressions that broke libpcap's optimizer must compile at once to
//! correct code; big sets become search trees.

mod common;

use common::compare::completed_verdict_matches;
use common::corpus::{self, Sample};
use common::examples;
use common::kernel::check_kernel_form;
use rfilter::bpf::insn::{BPF_ABS, BPF_IMM, BPF_LD, BPF_LDX, BPF_MAXINSNS, BPF_W};
use rfilter::bpf::{Insn, verify, vm};
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use std::sync::mpsc;
use std::time::Duration;

fn options(lt: LinkType, optimize: bool) -> CompileOptions {
    CompileOptions {
        linktype: lt,
        optimize,
        for_kernel: false,
        ..CompileOptions::default()
    }
}

/// As live capture compiles: `protochain` unrolled.
fn kernel_options(lt: LinkType, optimize: bool) -> CompileOptions {
    CompileOptions {
        for_kernel: true,
        ..options(lt, optimize)
    }
}

fn compile(expr: &str, lt: LinkType, optimize: bool) -> Vec<Insn> {
    filter::compile(expr, &options(lt, optimize))
        .unwrap_or_else(|e| panic!("`{expr}` on {lt}: {}", e.render(expr)))
}

/// Compiles on a watchdog: libpcap's optimizer looped forever on some of these, so
/// a hang must fail the test instead of stalling it.
fn compile_terminates(expr: &str, lt: LinkType) -> Vec<Insn> {
    let (tx, rx) = mpsc::channel();
    let text = expr.to_string();
    std::thread::spawn(move || {
        let _ = tx.send(filter::compile(&text, &options(lt, true)));
    });
    match rx.recv_timeout(Duration::from_secs(120)) {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => panic!("`{expr}`: {}", e.render(expr)),
        Err(_) => panic!("`{expr}` did not compile within two minutes"),
    }
}

/// Ethernet + IPv4 (+ 8 bytes of UDP) from `src` to `dst`.
fn ipv4_frame(src: [u8; 4], dst: [u8; 4]) -> Vec<u8> {
    let mut f = vec![0u8; 14 + 20 + 8];
    f[12] = 0x08;
    f[14] = 0x45;
    f[16..18].copy_from_slice(&28u16.to_be_bytes());
    f[22] = 64;
    f[23] = 17;
    f[26..30].copy_from_slice(&src);
    f[30..34].copy_from_slice(&dst);
    f[34..36].copy_from_slice(&1234u16.to_be_bytes());
    f[36..38].copy_from_slice(&53u16.to_be_bytes());
    f
}

/// Instructions executed by `prog` on `data` (wire length = captured length).
fn executed(prog: &[Insn], data: &[u8]) -> usize {
    rfilter::bpf::vm::run_counted(prog, data, data.len() as u32).1 as usize
}

fn full_length(samples: &[Sample]) -> impl Iterator<Item = &Sample> {
    samples.iter().filter(|s| s.data.len() as u32 == s.wire_len)
}

/// The packet with zeros appended up to 4096 bytes (on the wire too): every load
/// at a sane offset succeeds, so no verdict can hinge on a removed load.
fn padded(s: &Sample) -> (Vec<u8>, u32) {
    let mut d = s.data.clone();
    d.resize(d.len().max(4096), 0);
    let n = d.len() as u32;
    (d, n)
}

#[test]
fn every_corpus_expression_optimizes_to_a_valid_equivalent_program() {
    type Padded = Vec<(Vec<u8>, u32)>;
    let corpora: Vec<(LinkType, Vec<Sample>, Padded)> = LinkType::ALL
        .iter()
        .map(|&lt| {
            let s = corpus::samples(lt);
            let p = s.iter().map(padded).collect();
            (lt, s, p)
        })
        .collect();
    let (mut pairs, mut verdicts, mut shorter) = (0usize, 0usize, 0usize);
    let mut failures = Vec::new();
    for ex in examples::valid() {
        for &lt in &ex.linktypes {
            let Ok(plain) = filter::compile(&ex.expr, &options(lt, false)) else {
                continue; // refused either way: the differential tests cover that
            };
            let (opt, refused) = match filter::compile(&ex.expr, &options(lt, true)) {
                Ok(p) => (p, false),
                // Refused as libpcap refuses it: the claim is checked as the
                // program `ret #0` (every packet rejected) below.
                Err(e) if e.message.contains("rejects all packets") => {
                    (vec![rfilter::bpf::Insn::stmt(0x06, 0)], true)
                }
                Err(e) => {
                    failures.push(format!("`{}` on {lt}: {}", ex.expr, e.message));
                    continue;
                }
            };
            pairs += 1;
            if opt.len() < plain.len() {
                shorter += 1;
            }
            if opt.len() > plain.len() {
                failures.push(format!(
                    "`{}` on {lt}: optimized {} > unoptimized {}",
                    ex.expr,
                    opt.len(),
                    plain.len()
                ));
            }
            // The kernel form (protochain unrolled) is optimized and checked too.
            let mut pairs_to_check = vec![(plain, opt.clone())];
            match check_kernel_form(&ex.expr, &options(lt, true), &opt, false) {
                _ if refused => {}
                Ok(None) => {}
                Ok(Some(kopt)) => {
                    let kplain = filter::compile(&ex.expr, &kernel_options(lt, false))
                        .expect("the kernel form compiles unoptimized too");
                    pairs_to_check.push((kplain, kopt));
                }
                Err(e) => {
                    failures.push(format!("`{}` on {lt}: kernel would refuse: {e}", ex.expr));
                }
            }
            let (_, samples, pads) = corpora.iter().find(|c| c.0 == lt).expect("corpus");
            for (plain, opt) in &pairs_to_check {
                // Truncated packets included: where the verdicts differ, the optimizer
                // may only have dropped loads whose values cannot change the outcome,
                // so its verdict is the unoptimized one on a completed packet.
                let whole = samples.iter().map(|s| (&s.data, s.wire_len, Some(s)));
                let pads = pads.iter().zip(samples).map(|(p, _)| (&p.0, p.1, None));
                for (data, wire, sample) in whole.chain(pads) {
                    verdicts += 1;
                    let (a, b) = (vm::run(plain, data, wire), vm::run(opt, data, wire));
                    if a != b && !sample.is_some_and(|s| completed_verdict_matches(plain, s, b)) {
                        let label = sample.map_or("(padded)", |s| s.label.as_str());
                        failures.push(format!(
                            "`{}` on {lt}: packet {label} ({} bytes): unoptimized {a}, optimized {b}",
                            ex.expr,
                            data.len()
                        ));
                        break;
                    }
                }
            }
        }
    }
    println!("{pairs} pairs, {verdicts} verdicts, {shorter} programs made shorter");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        pairs > 4000 && shorter > pairs / 3,
        "{pairs} pairs, {shorter} shorter"
    );
}

/// libpcap #434: the optimizer changed the verdict. `2147483648 & 2147483648` and
/// `0 | 2147483648` are both 2^31, so the filter accepts every length.
#[test]
fn libpcap_434_constant_masks_keep_their_meaning() {
    let expr = "len >= 2147483648 & 2147483648 or len < 0 | 2147483648";
    let prog = compile_terminates(expr, LinkType::En10mb);
    verify::verify(&prog).expect("kernel-valid");
    for wire in [0u32, 1, 60, 0x7fff_ffff, 0x8000_0000, 0x8000_0001, u32::MAX] {
        assert_ne!(vm::run(&prog, &[], wire), 0, "wire length {wire}");
    }
    assert_eq!(prog.len(), 1, "a filter that accepts everything is `ret`");
}

/// libpcap #112: the optimizer looped forever.
#[test]
fn libpcap_112_compiles_and_keeps_its_verdicts() {
    let expr = "(ip[12:4] = 0x0a0a0a0a or ip[16:4] = 0x0a0a0a0a) and \
                (not ((ip[12:4] = 0x0a0a0a0b or ip[16:4] = 0x0a0a0a0b)))";
    let prog = compile_terminates(expr, LinkType::En10mb);
    let plain = compile(expr, LinkType::En10mb, false);
    verify::verify(&prog).expect("kernel-valid");
    let (a, b, c) = ([10, 10, 10, 10], [10, 10, 10, 11], [1, 2, 3, 4]);
    for (src, dst, want) in [
        (a, c, true),
        (c, a, true),
        (a, a, true),
        (a, b, false),
        (b, a, false),
        (b, b, false),
        (c, c, false),
        (b, c, false),
    ] {
        let f = ipv4_frame(src, dst);
        let got = vm::run(&prog, &f, f.len() as u32) != 0;
        assert_eq!(got, want, "{src:?} -> {dst:?}");
        assert_eq!(got, vm::run(&plain, &f, f.len() as u32) != 0);
    }
}

/// libpcap #110: the second `src net` reloaded and re-masked the same word.
#[test]
fn libpcap_110_loads_and_masks_the_address_once() {
    let expr = "src net 10.0.1.0/24 or src net 10.0.2.0/24";
    let prog = compile_terminates(expr, LinkType::En10mb);
    let src_loads = prog
        .iter()
        .filter(|i| i.code == BPF_LD | BPF_ABS | BPF_W && i.k == 26)
        .count();
    // `src net` covers IPv4 and ARP/RARP: one load per family, and the two
    // families share one mask and its comparisons (cross-jumping).
    let masks = prog.iter().filter(|i| i.code == 0x54).count();
    assert_eq!((src_loads, masks), (1, 1), "{prog:?}");
    let libpcap = common::reference::libpcap_program(expr, LinkType::En10mb, true)
        .expect("libpcap compiles it");
    assert!(
        prog.len() < libpcap.len(),
        "{} vs {}",
        prog.len(),
        libpcap.len()
    );
    let plain = compile(expr, LinkType::En10mb, false);
    for src in [[10, 0, 1, 7], [10, 0, 2, 200], [10, 0, 3, 1], [11, 0, 1, 1]] {
        let f = ipv4_frame(src, [1, 1, 1, 1]);
        assert_eq!(
            vm::run(&prog, &f, f.len() as u32),
            vm::run(&plain, &f, f.len() as u32),
            "{src:?}"
        );
    }
}

fn host_list(n: u32) -> (String, Vec<[u8; 4]>) {
    let addrs: Vec<[u8; 4]> = (1..=n)
        .map(|i| [10, (i >> 16) as u8, (i >> 8) as u8, i as u8])
        .collect();
    let expr = addrs
        .iter()
        .map(|a| format!("host {}.{}.{}.{}", a[0], a[1], a[2], a[3]))
        .collect::<Vec<_>>()
        .join(" or ");
    (expr, addrs)
}

/// libpcap #1255: 1000 hosts took libpcap 65 s and produced more than the kernel's
/// 4096 instructions. Here: a valid program, correct verdicts, and a search tree
/// (a lookup runs a logarithmic number of instructions).
#[test]
fn libpcap_1255_a_thousand_hosts_fit_the_kernel_and_search_a_tree() {
    let (expr, addrs) = host_list(1000);
    let prog = compile_terminates(&expr, LinkType::En10mb);
    assert!(prog.len() <= BPF_MAXINSNS, "{} instructions", prog.len());
    verify::verify(&prog).expect("kernel-valid");
    let plain = compile(&expr, LinkType::En10mb, false);
    let outside = [
        [10, 9, 9, 9],
        [192, 168, 0, 1],
        [10, 0, 3, 233],
        [0, 0, 0, 0],
    ];
    let mut worst = 0;
    for (i, &a) in addrs
        .iter()
        .enumerate()
        .step_by(7)
        .chain(addrs.iter().enumerate().rev().take(3))
    {
        let other = outside[i % outside.len()];
        for (src, dst, want) in [(a, other, true), (other, a, true), (other, other, false)] {
            let f = ipv4_frame(src, dst);
            let got = vm::run(&prog, &f, f.len() as u32);
            assert_eq!(got != 0, want, "{src:?} -> {dst:?}");
            assert_eq!(got, vm::run(&plain, &f, f.len() as u32));
            worst = worst.max(executed(&prog, &f));
        }
    }
    // Two loads of a tree of depth about log2(1000/4) plus a leaf of 4 each, and
    // the prefix: far below the thousands a linear chain would run.
    assert!(worst <= 60, "a lookup ran {worst} instructions");
}

#[test]
fn big_port_lists_compile_to_valid_trees() {
    let expr = (1..=500)
        .map(|p| format!("port {p}"))
        .collect::<Vec<_>>()
        .join(" or ");
    let prog = compile_terminates(&expr, LinkType::En10mb);
    assert!(prog.len() <= BPF_MAXINSNS, "{} instructions", prog.len());
    verify::verify(&prog).expect("kernel-valid");
    let samples = corpus::samples(LinkType::En10mb);
    let plain = compile(&expr, LinkType::En10mb, false);
    for s in full_length(&samples) {
        assert_eq!(
            vm::run(&prog, &s.data, s.wire_len),
            vm::run(&plain, &s.data, s.wire_len),
            "{}",
            s.label
        );
    }
}

/// Or-chains whose terms share guard values (the four DECnet address forms, lists
/// of Ethernet addresses) are regrouped: shorter than libpcap's, and the verdict
/// of the unoptimized program on every prefix of every packet (a packet cut short
/// where a load would run past it is rejected by both).
#[test]
fn regrouped_or_chains_keep_their_verdicts_on_every_prefix() {
    let macs: [[u8; 6]; 5] = [
        [0x00, 0x11, 0x22, 0x33, 0x44, 0x55],
        [0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb],
        [0xff; 6],
        [0x66, 0x77, 0x22, 0x33, 0x44, 0x55],
        [0x00, 0x11, 0x22, 0x33, 0x44, 0x56],
    ];
    let mut seed = 0x9e37_79b9u32;
    let mut next = move |n: u32| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed % n
    };
    let mut frames = Vec::new();
    for _ in 0..800 {
        let mut f: Vec<u8> = (0..48).map(|_| next(256) as u8).collect();
        for at in [0usize, 6] {
            if next(3) > 0 {
                f[at..at + 6].copy_from_slice(&macs[next(5) as usize]);
            }
        }
        if next(4) > 0 {
            // DECnet: flags (short or long header, padded or not) and addresses.
            f[12..14].copy_from_slice(&[0x60, 0x03]);
            f[16] = [0x02, 0x06, 0x81, 0x82, 0x0a, 0x0e][next(6) as usize];
            f[17] = [0x02, 0x06, 0x01, 0x81][next(4) as usize];
            let mut at = 17;
            while at + 2 <= f.len() {
                if next(4) == 0 {
                    let addr = [
                        [0x01, 0x04],
                        [0x02, 0x04],
                        [0xff, 0xff],
                        [0x02, 0x08],
                        [0x04, 0x0c],
                    ][next(5) as usize];
                    f[at..at + 2].copy_from_slice(&addr);
                }
                at += 1 + next(2) as usize;
            }
        }
        frames.push(f);
    }
    let exprs = [
        "decnet host 1.1",
        "decnet src 1.2",
        "decnet dst host 63.1023",
        "ether host 00:11:22:33:44:55 or 66:77:88:99:aa:bb or ff:ff:ff:ff:ff:ff",
        "decnet host 1.1 or decnet host 1.2 or decnet src 2.2 or decnet dst 3.4",
        "ether host 00:11:22:33:44:55 or 66:77:22:33:44:55 or 00:11:22:33:44:56 or \
         ff:ff:ff:ff:ff:ff or ether src 66:77:88:99:aa:bb",
    ];
    for expr in exprs {
        let prog = compile(expr, LinkType::En10mb, true);
        let plain = compile(expr, LinkType::En10mb, false);
        verify::verify(&prog).expect("kernel-valid");
        let libpcap = common::reference::libpcap_program(expr, LinkType::En10mb, true)
            .expect("libpcap compiles it");
        assert!(
            prog.len() < libpcap.len(),
            "`{expr}`: {} vs libpcap's {}",
            prog.len(),
            libpcap.len()
        );
        let mut accepted = 0;
        for f in &frames {
            for len in 0..=f.len() {
                let p = &f[..len];
                let v = vm::run(&prog, p, len as u32);
                assert_eq!(v, vm::run(&plain, p, len as u32), "`{expr}` on {p:02x?}");
                accepted += usize::from(v != 0 && len == f.len());
            }
        }
        assert!(accepted > 10, "`{expr}`: only {accepted} frames accepted");
        println!("`{expr}`: {accepted} of {} frames accepted", frames.len());
    }
}

/// 1000 Ethernet addresses of one vendor: libpcap's 9938 instructions do not fit
/// the kernel; regrouped by address word (the shared high halves become one
/// rest, the low words a search tree), they do, with the unoptimized verdicts on
/// whole and cut packets.
#[test]
fn a_thousand_ethernet_addresses_fit_the_kernel() {
    let mac = |i: u32| {
        [
            0x00,
            0x1b,
            0x21,
            (i >> 16) as u8,
            (i >> 8) as u8,
            i as u8 ^ 0x5a,
        ]
    };
    let expr = format!(
        "ether host {}",
        (0..1000u32)
            .map(|i| {
                let m = mac(i * 37);
                format!(
                    "{:x}:{:x}:{:x}:{:x}:{:x}:{:x}",
                    m[0], m[1], m[2], m[3], m[4], m[5]
                )
            })
            .collect::<Vec<_>>()
            .join(" or ")
    );
    let prog = compile_terminates(&expr, LinkType::En10mb);
    assert!(prog.len() <= BPF_MAXINSNS, "{} instructions", prog.len());
    verify::verify(&prog).expect("kernel-valid");
    let plain = compile(&expr, LinkType::En10mb, false);
    let mut frames = Vec::new();
    for i in (0..1000u32).step_by(13).chain([999]) {
        let member = mac(i * 37);
        let stranger = mac(i * 37 + 1);
        for (dst, src) in [(member, stranger), (stranger, member), (stranger, stranger)] {
            let mut f = ipv4_frame([10, 0, 0, 1], [10, 0, 0, 2]);
            f[..6].copy_from_slice(&dst);
            f[6..12].copy_from_slice(&src);
            frames.push(f);
        }
    }
    for f in &frames {
        for len in 0..=14 {
            let p = &f[..len];
            assert_eq!(
                vm::run(&prog, p, len as u32),
                vm::run(&plain, p, len as u32),
                "{p:02x?}"
            );
        }
    }
    let accepted = frames
        .iter()
        .filter(|f| vm::run(&prog, f, f.len() as u32) != 0)
        .count();
    assert_eq!(accepted, 2 * frames.len() / 3);
    // Each address word is looked up in a search tree, not a run of 1000 tests.
    let worst = frames.iter().map(|f| executed(&prog, f)).max().unwrap_or(0);
    assert!(
        prog.len() < 2600 && worst <= 60,
        "{} instructions, a lookup ran {worst}",
        prog.len()
    );
}

/// Port tests on a link type with IPv4 and IPv6. Where both ports are tested, the
/// IPv6 branch sets X to its fixed header length and falls into the IPv4 branch's
/// indexed port tests (whose header-length load moved above the fragment test):
/// shorter than libpcap's, with no `ja`. Where one port is tested, the program
/// tests the port first (no longer than libpcap's, fewer instructions run on a
/// packet for another port) rather than take the one-instruction-shorter form that
/// tests it last. Verdicts: the unoptimized ones on whole frames and, where they
/// differ on a cut one, the unoptimized verdict on a completion of it.
#[test]
fn ipv6_port_tests_share_the_ipv4_ones() {
    let mut frames: Vec<Vec<u8>> = Vec::new();
    for (ihl, proto, frag, sport, dport) in [
        (5u8, 6u8, 0u16, 1234u16, 25u16),
        (5, 6, 0, 25, 80),
        (6, 6, 0, 7, 25),
        (5, 17, 0, 53, 1000),
        (5, 17, 0, 1000, 7),
        (5, 132, 0, 5672, 99),
        (5, 6, 0x0010, 25, 25),
        (5, 6, 0x2000, 7, 25),
        (5, 1, 0, 7, 7),
    ] {
        let mut f = vec![0u8; 14 + 4 * usize::from(ihl) + 20];
        f[12..14].copy_from_slice(&[0x08, 0x00]);
        f[14] = 0x40 | ihl;
        f[20..22].copy_from_slice(&frag.to_be_bytes());
        f[23] = proto;
        let th = 14 + 4 * usize::from(ihl);
        f[th..th + 2].copy_from_slice(&sport.to_be_bytes());
        f[th + 2..th + 4].copy_from_slice(&dport.to_be_bytes());
        frames.push(f);
    }
    for (next, sport, dport) in [
        (6u8, 1234u16, 25u16),
        (6, 25, 80),
        (17, 53, 7),
        (132, 5672, 1),
        (17, 1, 1023),
        (58, 7, 7),
    ] {
        let mut f = vec![0u8; 14 + 40 + 20];
        f[12..14].copy_from_slice(&[0x86, 0xdd]);
        f[14] = 0x60;
        f[20] = next;
        f[54..56].copy_from_slice(&sport.to_be_bytes());
        f[56..58].copy_from_slice(&dport.to_be_bytes());
        frames.push(f);
    }
    let both_ports = [
        "port 7",
        "portrange 1-1023",
        "sctp port 5672",
        "udp port 53",
        "tcp port 25",
    ];
    // With a packet of the protocol tested, for another port: TCP 25 → 80, UDP
    // 1000 → 7.
    let one_port = [
        ("tcp dst port 25", 1),
        ("dst port 7", 1),
        ("udp src port 53", 4),
    ];
    for expr in both_ports.into_iter().chain(one_port.map(|o| o.0)) {
        let prog = compile(expr, LinkType::En10mb, true);
        let plain = compile(expr, LinkType::En10mb, false);
        verify::verify(&prog).expect("kernel-valid");
        let libpcap = common::reference::libpcap_program(expr, LinkType::En10mb, true)
            .expect("libpcap compiles it");
        if both_ports.contains(&expr) {
            assert!(
                prog.len() < libpcap.len(),
                "`{expr}`: {} vs libpcap's {}\n{prog:?}",
                prog.len(),
                libpcap.len()
            );
            // IPv6 sets X to its header length and the ports are read once,
            // indexed, for both families.
            assert!(
                prog.iter()
                    .any(|i| i.code == BPF_LDX | BPF_IMM && i.k == 40),
                "`{expr}`: no ldx #40: {prog:?}"
            );
            assert!(
                prog.iter()
                    .filter(|i| i.class() == BPF_LD && i.code & 0xe0 == BPF_ABS)
                    .all(|i| i.k < 54),
                "`{expr}`: an IPv6 port read at a fixed offset: {prog:?}"
            );
        } else {
            assert!(prog.len() <= libpcap.len(), "`{expr}`: {prog:?}");
            let other = one_port
                .iter()
                .find(|o| o.0 == expr)
                .map(|o| &frames[o.1])
                .expect("listed");
            assert!(
                executed(&prog, other) < executed(&libpcap, other),
                "`{expr}`: {prog:?}"
            );
        }
        let mut accepted = 0;
        for f in &frames {
            for len in 0..=f.len() {
                let s = Sample {
                    label: String::new(),
                    data: f[..len].to_vec(),
                    wire_len: f.len() as u32,
                };
                let v = vm::run(&prog, &s.data, s.wire_len);
                if len == f.len() {
                    assert_eq!(v, vm::run(&plain, f, s.wire_len), "`{expr}` on {f:02x?}");
                    accepted += usize::from(v != 0);
                } else if v != vm::run(&plain, &s.data, s.wire_len) {
                    assert!(
                        completed_verdict_matches(&plain, &s, v),
                        "`{expr}` on {:02x?} (of {})",
                        s.data,
                        f.len()
                    );
                }
            }
        }
        assert!(accepted >= 2, "`{expr}`: only {accepted} frames accepted");
    }
}

/// Conjunctions test their most selective conjunct first: `dst port 7` rejects
/// an IPv4 TCP packet for another port after the port test, where libpcap's
/// program tests the protocol and the fragment offset first. Verdicts agree with
/// the unoptimized program on every prefix of each packet.
#[test]
fn selective_conjuncts_run_first() {
    let expr = "dst port 7";
    let ours = compile(expr, LinkType::En10mb, true);
    let plain = compile(expr, LinkType::En10mb, false);
    let libpcap = common::reference::libpcap_program(expr, LinkType::En10mb, true)
        .expect("libpcap compiles it");
    assert!(
        ours.len() <= libpcap.len(),
        "{} vs {}",
        ours.len(),
        libpcap.len()
    );
    let mut frames = Vec::new();
    for (proto, dport, frag) in [
        (6u8, 80u16, 0u8),
        (6, 7, 0),
        (17, 7, 0),
        (6, 7, 1),
        (1, 7, 0),
    ] {
        let mut f = ipv4_frame([10, 0, 0, 1], [10, 0, 0, 2]);
        f[23] = proto;
        f[20] = frag;
        f[36..38].copy_from_slice(&dport.to_be_bytes());
        frames.push(f);
    }
    // TCP to port 80: the EtherType, the port, the return.
    assert_eq!(executed(&ours, &frames[0]), 6);
    assert_eq!(executed(&libpcap, &frames[0]), 12);
    for f in &frames {
        for len in 0..=f.len() {
            let p = &f[..len];
            assert_eq!(
                vm::run(&ours, p, len as u32),
                vm::run(&plain, p, len as u32),
                "{p:02x?}"
            );
        }
    }
    let accepted: Vec<bool> = frames
        .iter()
        .map(|f| vm::run(&ours, f, f.len() as u32) != 0)
        .collect();
    assert_eq!(accepted, [false, true, true, false, false]);
}
