//! The code generator against libpcap: generated expressions over every link type,
//! libpcap's error messages, long jumps, and live-capture VLAN handling.

mod codegen_support;
mod common;

use codegen_support::{Outcome, PRIMITIVES, check, combinations, without_register_init};
use common::corpus::{self, Sample};
use common::kernel::check_kernel_form;
use common::reference::{libpcap_program, rfilter_options as options};
use rfilter::bpf::insn::{BPF_JA, BPF_JMP};
use rfilter::bpf::{verify, vm};
use rfilter::filter::{self, CompileOptions};
use rfilter::linktype::LinkType;
use std::collections::HashMap;

fn corpora() -> HashMap<LinkType, Vec<Sample>> {
    LinkType::ALL
        .iter()
        .map(|&lt| (lt, corpus::samples(lt)))
        .collect()
}

/// Runs `exprs` on every link type; returns (pairs compared, both refused, verdicts).
fn run_all(exprs: &[String], corpora: &HashMap<LinkType, Vec<Sample>>) -> (usize, usize, usize) {
    let (mut pairs, mut refused, mut verdicts) = (0, 0, 0);
    let mut failures = Vec::new();
    for e in exprs {
        for lt in LinkType::ALL {
            match check(e, lt, &corpora[&lt]) {
                Ok(Outcome::Agreed(n)) => {
                    pairs += 1;
                    verdicts += n;
                }
                Ok(Outcome::BothRefused) => refused += 1,
                Err(report) => failures.push(report),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    (pairs, refused, verdicts)
}

#[test]
fn primitives_match_libpcap_on_every_link_type() {
    let corpora = corpora();
    let exprs: Vec<String> = PRIMITIVES.iter().map(|s| s.to_string()).collect();
    let (pairs, refused, verdicts) = run_all(&exprs, &corpora);
    println!(
        "{} primitives: {pairs} compiled pairs, {refused} refused by both, {verdicts} verdicts",
        exprs.len()
    );
    assert!(
        pairs > 700,
        "only {pairs} expression/link-type pairs compiled"
    );
}

#[test]
fn combinations_and_encapsulations_match_libpcap() {
    let corpora = corpora();
    let exprs = combinations();
    let (pairs, refused, verdicts) = run_all(&exprs, &corpora);
    println!(
        "{} combinations: {pairs} compiled pairs, {refused} refused by both, {verdicts} verdicts",
        exprs.len()
    );
    assert!(
        pairs > 300,
        "only {pairs} expression/link-type pairs compiled"
    );
}

/// Semantic errors carry libpcap's message (and the primitive's span).
#[test]
fn semantic_errors_match_libpcap_messages() {
    let cases: &[(&str, LinkType)] = &[
        ("tcp port 99999", LinkType::En10mb),
        ("udp src port ftp", LinkType::En10mb),
        ("ip host 1.2.3.4/24", LinkType::En10mb),
        ("net 1.2.3.4/24", LinkType::En10mb),
        ("ip6 net ::1/24", LinkType::En10mb),
        ("tcp host 1.2.3.4", LinkType::En10mb),
        ("ip6 host 1.2.3.4", LinkType::En10mb),
        ("ip host ::1", LinkType::En10mb),
        ("tcp proto 6", LinkType::En10mb),
        ("arp proto 6", LinkType::En10mb),
        ("ip[0]/0=1", LinkType::En10mb),
        ("ip[0]%0=1", LinkType::En10mb),
        ("ip[0]<<32=1", LinkType::En10mb),
        ("ah[0]=1", LinkType::En10mb),
        ("icmp broadcast", LinkType::En10mb),
        ("tcp multicast", LinkType::En10mb),
        ("vlan 5000", LinkType::En10mb),
        ("mpls 1048576", LinkType::En10mb),
        ("pppoes 65536", LinkType::En10mb),
        ("geneve 16777216", LinkType::En10mb),
        ("tcp portrange 1-70000", LinkType::En10mb),
        ("gateway foo", LinkType::En10mb),
        ("gateway 1.2.3.4", LinkType::En10mb),
        ("net 10.1.2.3 mask 255.0.0.0", LinkType::En10mb),
        ("addr1 host 1.2.3.4", LinkType::En10mb),
        ("addr1 port 3", LinkType::En10mb),
        ("host foo.invalid", LinkType::En10mb),
        ("port foo", LinkType::En10mb),
        ("ip proto foo", LinkType::En10mb),
        ("ether proto foo", LinkType::En10mb),
        ("net foo", LinkType::En10mb),
        ("ether host foo", LinkType::En10mb),
        ("ip src port 1", LinkType::En10mb),
        ("mpls and arp", LinkType::En10mb),
        ("mpls and vlan", LinkType::En10mb),
        ("pppoes and vlan", LinkType::En10mb),
        ("host 1.2.3.0/24", LinkType::En10mb),
        ("ip6 host 1::/16", LinkType::En10mb),
        ("vlan", LinkType::LinuxSll),
        ("mpls", LinkType::Raw),
        ("llc", LinkType::LinuxSll),
        ("ether host 1:2:3:4:5:6", LinkType::LinuxSll2),
        ("ether broadcast", LinkType::Ipv4),
        ("multicast", LinkType::Null),
        ("ip broadcast", LinkType::En10mb),
        ("radio[0]=1", LinkType::En10mb),
        ("radio", LinkType::En10mb),
        ("aarp proto 1", LinkType::En10mb),
        ("atalk proto 1", LinkType::En10mb),
        ("decnet proto 1", LinkType::En10mb),
        ("lat proto 1", LinkType::En10mb),
        ("sca proto 1", LinkType::En10mb),
        ("moprc proto 1", LinkType::En10mb),
        ("rarp proto 1", LinkType::En10mb),
        ("clnp proto 1", LinkType::En10mb),
        ("icmp6 proto 1", LinkType::En10mb),
        ("tcp protochain 1", LinkType::En10mb),
        ("ether addr1 1:2:3:4:5:6", LinkType::En10mb),
        ("wlan ra 1:2:3:4:5:6", LinkType::En10mb),
        ("addr3 net 10.0.0.0/8", LinkType::En10mb),
        ("addr4 portrange 1-2", LinkType::En10mb),
        ("ta port 3", LinkType::En10mb),
        ("ip6 src port 80", LinkType::En10mb),
        ("portrange http", LinkType::En10mb),
        ("ip portrange 1-2", LinkType::En10mb),
        ("udp portrange ftp-ftp", LinkType::En10mb),
        ("mpls and iso", LinkType::En10mb),
        ("iso[0]=1", LinkType::En10mb),
    ];
    let mut failures = Vec::new();
    for &(expr, lt) in cases {
        let opts = CompileOptions {
            linktype: lt,
            for_kernel: false,
            ..CompileOptions::default()
        };
        // `ip broadcast` is refused for want of a netmask (libpcap through the pcap
        // crate passes netmask 0, so check the message by hand).
        let theirs = if expr == "ip broadcast" {
            Err("netmask not known, so 'ip broadcast' not supported".to_string())
        } else {
            libpcap_program(expr, lt, false).map(|_| ())
        };
        let ours = filter::compile(expr, &opts);
        match (theirs, ours) {
            (Err(t), Err(o)) => {
                if t != o.message {
                    failures.push(format!(
                        "`{expr}` on {lt}: libpcap says {t:?}, we say {:?}",
                        o.message
                    ));
                }
                if o.span.is_none() {
                    failures.push(format!("`{expr}`: error without a place"));
                }
            }
            (t, o) => failures.push(format!(
                "`{expr}` on {lt}: libpcap {t:?}, rfilter {:?}",
                o.map(|p| p.len())
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Far targets go through `ja`; the program stays valid and correct.
#[test]
fn long_programs_use_ja_and_stay_correct() {
    let hosts: Vec<String> = (1..=40).map(|i| format!("host 10.0.{i}.1")).collect();
    let expr = format!("({}) and tcp", hosts.join(" or "));
    let prog = filter::compile(&expr, &options(LinkType::En10mb, false)).expect("compiles");
    assert!(prog.len() > 600, "program of {} instructions", prog.len());
    assert!(
        prog.iter().any(|i| i.code == BPF_JMP | BPF_JA),
        "no ja in a {}-instruction program",
        prog.len()
    );
    verify::verify(&prog).expect("valid program");
    let corpora = corpora();
    match check(&expr, LinkType::En10mb, &corpora[&LinkType::En10mb]) {
        Ok(Outcome::Agreed(n)) => assert!(n > 0),
        Ok(Outcome::BothRefused) => panic!("refused"),
        Err(e) => panic!("{e}"),
    }
}

fn ether_ipv4_udp(vlan: Option<u16>) -> Vec<u8> {
    let mut p = vec![0xff; 6];
    p.extend([0, 1, 2, 3, 4, 5]);
    if let Some(tci) = vlan {
        p.extend([0x81, 0x00]);
        p.extend(tci.to_be_bytes());
    }
    p.extend([0x08, 0x00]);
    // IPv4, 20-byte header, UDP 10.0.0.1 -> 10.0.0.2, ports 1000 -> 53.
    p.extend([
        0x45, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
    ]);
    p.extend([0x03, 0xe8, 0, 53, 0, 8, 0, 0]);
    p
}

/// Live capture: the kernel strips the outer tag and reports it as ancillary data;
/// an inline tag still counts and shifts the offsets after it.
#[test]
fn vlan_with_ancillary_data() {
    let opts = CompileOptions {
        linux_vlan_ancillary: true,
        snaplen: 65535,
        for_kernel: true,
        ..CompileOptions::default()
    };
    let anc = |tci: Option<u16>| vm::Ancillary {
        vlan_tci: tci,
        vlan_tpid: 0x8100,
        ..vm::Ancillary::default()
    };
    let cases: &[(&str, Option<u16>, Option<u16>, bool)] = &[
        // (expression, stripped tag, inline tag, accepted)
        ("vlan", Some(100), None, true),
        ("vlan", None, Some(100), true),
        ("vlan", None, None, false),
        ("vlan 100", Some(100), None, true),
        ("vlan 100", Some(200), None, false),
        ("vlan 100", None, Some(100), true),
        ("vlan 100 and udp port 53", Some(100), None, true),
        ("vlan 100 and udp port 53", None, Some(100), true),
        ("vlan 100 and udp port 54", None, Some(100), false),
        ("vlan and ip host 10.0.0.2", Some(7), None, true),
        ("vlan and ip host 10.0.0.2", None, Some(7), true),
        ("vlan and vlan", Some(7), Some(8), true),
        ("vlan and vlan 8 and udp", Some(7), Some(8), true),
        ("vlan and vlan", None, Some(8), false),
        // libpcap shifts the offsets before testing for an inline tag, so after a
        // failed `vlan` later tests look 4 bytes further (libpcap 1.10 behaviour).
        ("not vlan and udp port 53", None, None, false),
        ("not vlan", None, None, true),
    ];
    let mut failures = Vec::new();
    for &(expr, stripped, inline, want) in cases {
        let prog = filter::compile(expr, &opts).expect("compiles");
        verify::verify(&prog).unwrap_or_else(|e| panic!("`{expr}`: {e}"));
        let pkt = ether_ipv4_udp(inline);
        let got = vm::run_with_ancillary(&prog, &pkt, pkt.len() as u32, &anc(stripped)) != 0;
        if got != want {
            failures.push(format!(
                "`{expr}` stripped {stripped:?} inline {inline:?}: got {got}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `less`/`greater`/`len` use the wire length, and the accept value is the snaplen.
#[test]
fn accept_value_is_the_snaplen() {
    let opts = CompileOptions {
        snaplen: 1234,
        for_kernel: false,
        ..CompileOptions::default()
    };
    let prog = filter::compile("greater 10", &opts).expect("compiles");
    let pkt = ether_ipv4_udp(None);
    assert_eq!(vm::run(&prog, &pkt, 100), 1234);
    assert_eq!(vm::run(&prog, &pkt[..5], 5), 0);
}

/// Deep nesting and long chains compile without overflow or quadratic blowup.
#[test]
fn deep_and_long_expressions_compile() {
    let nots = format!("{}ip", "not ".repeat(20000));
    let prog = filter::compile(&nots, &CompileOptions::default()).expect("compiles");
    verify::verify(&prog).expect("valid");
    let parens = format!("{}tcp{}", "(".repeat(5000), ")".repeat(5000));
    filter::compile(&parens, &CompileOptions::default()).expect("compiles");
    let chain = vec!["ip"; 3000].join(" or ");
    let plain = CompileOptions {
        optimize: false,
        for_kernel: false,
        ..CompileOptions::default()
    };
    let start = std::time::Instant::now();
    let prog = filter::compile(&chain, &plain).expect("compiles");
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    assert!(
        prog.len() > 4096,
        "a program too long for the kernel is still produced"
    );
    // Jump threading sees that every `ip` after the first repeats its test.
    let start = std::time::Instant::now();
    let prog = filter::compile(&chain, &CompileOptions::default()).expect("compiles");
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    assert_eq!(prog.len(), 4, "{prog:?}");
}

/// Random and/or/not trees over primitives, encapsulations and accumulator-reading
/// tests (`byte 1 & 3` reads whatever the previous test left in A), on every link
/// type.
#[test]
fn random_expressions_match_libpcap() {
    let pool: Vec<&str> = PRIMITIVES
        .iter()
        .copied()
        .filter(|p| !p.contains("localhost"))
        .collect();
    // RFILTER_RANDOM_SEED / RFILTER_RANDOM_COUNT explore further than the default.
    let env = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let mut rng = corpus::Rng::new(env("RFILTER_RANDOM_SEED", 0x5eed_c0de));
    let count = env("RFILTER_RANDOM_COUNT", 400) as usize;
    fn tree(rng: &mut corpus::Rng, pool: &[&str], depth: u32) -> String {
        let leaf = depth == 0 || rng.below(3) == 0;
        if leaf {
            return pool[rng.below(pool.len())].to_string();
        }
        let a = tree(rng, pool, depth - 1);
        let b = tree(rng, pool, depth - 1);
        match rng.below(4) {
            0 => format!("({a}) and ({b})"),
            1 => format!("({a}) or ({b})"),
            2 => format!("not ({a}) and {b}"),
            _ => format!("{a} or not {b}"),
        }
    }
    let exprs: Vec<String> = (0..count).map(|_| tree(&mut rng, &pool, 3)).collect();
    let corpora = corpora();
    let (pairs, refused, verdicts) = run_all(&exprs, &corpora);
    println!(
        "{} random expressions: {pairs} compiled pairs, {refused} refused by both, {verdicts} verdicts",
        exprs.len()
    );
    assert!(
        pairs > 300,
        "only {pairs} expression/link-type pairs compiled"
    );
}

/// Unoptimized, our programs are libpcap's instruction for instruction (same tests,
/// same loads, same layout), except where we deliberately differ: registers that
/// some path reads before storing are zeroed at entry (`geneve or vlan`; the kernel
/// refuses libpcap's program). protochain's loop is libpcap's too (with its
/// backward `ja`): only programs for the kernel unroll it.
#[test]
fn unoptimized_programs_are_libpcaps() {
    let mut same = 0;
    let mut failures = Vec::new();
    for ex in common::examples::valid() {
        for &lt in &ex.linktypes {
            let Ok(theirs) = libpcap_program(&ex.expr, lt, false) else {
                continue;
            };
            match filter::compile(&ex.expr, &options(lt, false)) {
                Ok(ours) if ours == theirs || without_register_init(&ours) == theirs.as_slice() => {
                    same += 1
                }
                Ok(_) => failures.push(format!(
                    "{} `{}` on {lt}: listing differs",
                    ex.origin, ex.expr
                )),
                Err(e) => failures.push(format!(
                    "{} `{}` on {lt}: {}",
                    ex.origin, ex.expr, e.message
                )),
            }
        }
    }
    println!("{same} unoptimized programs identical to libpcap's");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(same > 3000, "only {same} programs compared");
}

/// With optimization on, known tests are bypassed, reloads of what A or X hold
/// dropped and identical blocks merged: common filters come out as short as
/// libpcap's optimizer makes them.
#[test]
fn cleanups_shrink_programs() {
    // Sizes of libpcap's optimized programs for these.
    let cases: &[(&str, usize)] = &[
        ("host 1.2.3.4", 14),
        ("tcp port 80", 20),
        ("port 80", 24),
        ("ip and udp and port 53", 13),
        ("net 10.0.0.0/8 and not port 22", 29),
    ];
    for &(expr, most) in cases {
        let plain = filter::compile(expr, &options(LinkType::En10mb, false)).expect("compiles");
        let opt = filter::compile(expr, &options(LinkType::En10mb, true)).expect("compiles");
        assert!(
            opt.len() <= most && opt.len() < plain.len(),
            "`{expr}`: {} instructions optimized, {} plain",
            opt.len(),
            plain.len()
        );
    }
}

/// Token soup: whatever the parser accepts, code generation never panics or
/// reports an internal error, on any link type and with either option set.
#[test]
fn token_soup_never_breaks_the_generator() {
    const WORDS: &[&str] = &[
        "ip",
        "ip6",
        "arp",
        "tcp",
        "udp",
        "icmp",
        "sctp",
        "ether",
        "link",
        "host",
        "net",
        "port",
        "portrange",
        "proto",
        "protochain",
        "src",
        "dst",
        "and",
        "or",
        "not",
        "(",
        ")",
        "[",
        "]",
        ":",
        "vlan",
        "mpls",
        "pppoes",
        "pppoed",
        "geneve",
        "llc",
        "iso",
        "isis",
        "l1",
        "broadcast",
        "multicast",
        "less",
        "greater",
        "len",
        "byte",
        "+",
        "-",
        "*",
        "/",
        "%",
        "&",
        "|",
        "^",
        "<<",
        ">>",
        "=",
        "!=",
        "<",
        ">",
        "<=",
        ">=",
        "0",
        "1",
        "4",
        "80",
        "255",
        "4096",
        "65536",
        "0xffffffff",
        "10.0.0.1",
        "10.1",
        "10.0.0.0/8",
        "::1",
        "2001:db8::/32",
        "00:11:22:33:44:55",
        "http",
        "inbound",
        "outbound",
        "ifindex",
        "decnet",
        "1.2",
        "gateway",
        "mask",
        "255.0.0.0",
        "\\tcp",
        "tcpflags",
        "tcp-syn",
        "icmp-echo",
        "stp",
        "ipx",
        "atalk",
        "esp",
        "ah",
    ];
    let mut rng = corpus::Rng::new(0xfeed);
    let mut accepted = 0;
    let mut failures = Vec::new();
    for _ in 0..2000 {
        let n = 1 + rng.below(9);
        let expr: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        let expr = expr.join(" ");
        for lt in LinkType::ALL {
            for ancillary in [false, true] {
                let opts = CompileOptions {
                    linktype: lt,
                    optimize: ancillary,
                    linux_vlan_ancillary: ancillary,
                    netmask: 0xffff_ff00,
                    // Live capture's options, and offline's.
                    for_kernel: ancillary,
                    ..CompileOptions::default()
                };
                match filter::compile(&expr, &opts) {
                    Ok(prog) => {
                        accepted += 1;
                        if let Err(e) = check_kernel_form(&expr, &opts, &prog, false) {
                            failures.push(format!("`{expr}` on {lt}: {e}"));
                        }
                    }
                    Err(e) if e.message.contains("internal error") => {
                        failures.push(format!("`{expr}` on {lt}: {}", e.message));
                    }
                    Err(_) => {}
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(accepted > 1000, "only {accepted} compiled");
}
