//! "expression rejects all packets": when optimizing, rfilter refuses exactly the
//! filters libpcap's optimizer proves never match (tcpdump refuses them), and no
//! others: not those only rfilter's stronger optimizer sees through (`ip proto
//! 256`, a byte compared with 256), nor those libpcap does not optimize
//! (protochain, Geneve). With `-O` every one compiles.
//!
//! Checked against libpcap over the grammar examples on their link types and
//! over random expressions (RFILTER_REJECTS_ALL_EXPRS, default 20000), and
//! against the tcpdump binary on the command line.

mod common;
mod fuzz_support;

use common::examples;
use common::reference::{REJECTS_ALL, libpcap_program, rfilter_options as options};
use fuzz_support::generate::Gen;
use rfilter::filter;
use rfilter::linktype::LinkType;
use std::process::Command;

#[derive(Default)]
struct Counts {
    compiled: usize,
    both_refuse: usize,
    /// libpcap refuses, rfilter accepts: libpcap's optimizer has reasoning
    /// the emulation lacks (tolerated in `random`, see there).
    missed: Vec<String>,
    failures: Vec<String>,
}

/// Compares rfilter with libpcap on one expression (skipped where libpcap's
/// unoptimized compiler refuses it: a plain error, checked elsewhere).
fn check(expr: &str, lt: LinkType, c: &mut Counts) {
    if libpcap_program(expr, lt, false).is_err() {
        return;
    }
    let theirs = match libpcap_program(expr, lt, true) {
        Ok(_) => false,
        Err(e) if e.contains(REJECTS_ALL) => true,
        // libpcap's optimizer gives up for its own reasons ("shift by more than
        // 31 bits"): nothing to compare.
        Err(_) => return,
    };
    let ours = match filter::compile(expr, &options(lt, true)) {
        Ok(_) => false,
        Err(e) if e.message.contains(REJECTS_ALL) => true,
        Err(e) => {
            c.failures
                .push(format!("`{expr}` on {lt}: rfilter refuses: {}", e.message));
            return;
        }
    };
    c.compiled += 1;
    if let Err(e) = filter::compile(expr, &options(lt, false)) {
        c.failures.push(format!(
            "`{expr}` on {lt}: rfilter -O refuses: {}",
            e.message
        ));
    }
    match (theirs, ours) {
        (true, true) => c.both_refuse += 1,
        (false, false) => {}
        (true, false) => c.missed.push(format!(
            "`{expr}` on {lt}: libpcap rejects all packets, rfilter accepts"
        )),
        (false, true) => c.failures.push(format!(
            "`{expr}` on {lt}: rfilter rejects all packets, libpcap accepts"
        )),
    }
}

/// `missed_per_mille`: how many of libpcap's refusals per thousand rfilter may
/// accept.
fn finish(what: &str, c: &Counts, min_refused: usize, missed_per_mille: usize) {
    eprintln!(
        "{what}: {} compiled, {} refused by both as rejecting all packets, {} refused by \
         libpcap only, {} other disagreements",
        c.compiled,
        c.both_refuse,
        c.missed.len(),
        c.failures.len()
    );
    for m in &c.missed {
        eprintln!("  {m}");
    }
    let refused = c.both_refuse + c.missed.len();
    assert!(
        c.missed.len() * 1000 <= refused * missed_per_mille,
        "{}",
        c.missed.join("\n")
    );
    assert!(
        c.failures.is_empty(),
        "{}",
        c.failures[..c.failures.len().min(30)].join("\n")
    );
    assert!(
        c.both_refuse >= min_refused,
        "only {} expressions rejecting all packets",
        c.both_refuse
    );
}

#[test]
fn grammar_examples_agree_with_libpcap() {
    let mut c = Counts::default();
    for ex in examples::valid().into_iter().chain(examples::rejected()) {
        for &lt in &ex.linktypes {
            check(&ex.expr, lt, &mut c);
        }
    }
    finish("examples", &c, 400, 0);
}

#[test]
fn random_expressions_agree_with_libpcap() {
    let count: usize = std::env::var("RFILTER_REJECTS_ALL_EXPRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20000);
    let mut g = Gen::new(0x5eed_0a11);
    let mut c = Counts::default();
    for _ in 0..count {
        let expr = g.expression().join(" ");
        let lt = if g.below(2) == 0 {
            LinkType::En10mb
        } else {
            LinkType::ALL[g.below(LinkType::ALL.len())]
        };
        check(&expr, lt, &mut c);
    }
    // libpcap's optimizer has reasoning the emulation lacks (load-less `byte N &
    // V` tests on some link types): a few refusals per thousand may be missed.
    // Refusing what libpcap accepts is never tolerated.
    finish("random", &c, 1000, 5);
}

/// Filters only one side can see through, each way.
#[test]
fn only_libpcaps_knowledge_refuses() {
    let mut c = Counts::default();
    for expr in [
        "ip and arp",
        "tcp and udp",
        "ip[0] = 1 and ip[0] = 2",
        "len = 5 and len = 6",
        "host 1.1.1.1 and not host 1.1.1.1",
        "(ip or ip6) and arp",
        "ip[0] & 1 = 1 and ip[0] & 1 = 0",
        "len != 0 || link proto 0xfe and 59",
        "icmp-echoreply << len ^ - tcp-ece = icmp-echo",
        "- 16 < icmp-echoreply / ip6[0x23:2] and vrrp",
        // rfilter proves these never match; libpcap does not.
        "ip proto 256",
        "ether proto 70000",
        "ip[0] > 5 and ip[0] < 3",
        "len > 100 and len < 50",
        "-len < 0",
        "ip[0] > 300",
        // Never matches (`len <= x % len`), and rfilter's optimizer sees it, but
        // libpcap's keeps the `icmp` test after `udp[0x1f]`: the IPv6 paths of
        // `udp`'s protocol test join there before threading removes them.
        "host 1.2.3.4 and udp [ 5 ] > 0 || ( port 23 or tcp [ 13 ] == length && \
         udp [ 0x1f ] >= 32 ) && len <= icmp [ 46 ] % len",
        // libpcap does not optimize protochain or Geneve.
        "ip protochain 6 and arp",
        "geneve and arp and ip",
    ] {
        check(expr, LinkType::En10mb, &mut c);
    }
    finish("hand-picked", &c, 7, 0);
}

/// Filters libpcap proves never match only after its `or_pullup` or
/// `and_pullup` moved a test up its chain (found by random expressions on
/// these link types; each accepted by libpcap with the pull-ups switched off).
#[test]
fn pulled_up_tests_refuse_as_libpcaps() {
    let mut c = Counts::default();
    for (lt, expr) in [
        ("ARCNET_LINUX", "icmp and icmp6"),
        ("ARCNET_LINUX", "igmp and tr broadcast and rarp"),
        (
            "ARCNET_LINUX",
            "arp src host 192.168.1.255 and ip6 dst and src net ::/0 or is-is",
        ),
        (
            "ARCNET_LINUX",
            "(ip proto 9) and (link dst $a4) and (ip6 host ::0.0.0.1) and tcp src portrange 25-domain",
        ),
        (
            "IEEE802_11",
            "type management subtype 0x90 or (wlan type management subtype beacon) and \
             greater 100 and (wlan type ctl subtype 0x90)",
        ),
        (
            "IPV6",
            "port not 0104 and 40000 or telnet && dst and src port ! ! 0X17C1",
        ),
        (
            "RAW",
            "ifindex 1 or ip dst or src host 8.8.8.8 and ( 8.8.8.8 and ( 192.168.1.255 and \
             255.255.255.255 ) )",
        ),
        // Not refused: no test moves up (the chain's tests load other values).
        ("ARCNET_LINUX", "icmp or icmp6"),
    ] {
        let lt: LinkType = lt.parse().expect("link type name");
        check(expr, lt, &mut c);
    }
    finish("pulled up", &c, 7, 0);
}

fn run(bin: &str, args: &[&str]) -> std::process::Output {
    Command::new(bin)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {bin}: {e}"))
}

/// As tcpdump: a one-line error and status 1; with -O the program is printed.
#[test]
fn command_line_matches_tcpdump() {
    let rf = env!("CARGO_BIN_EXE_rfilter");
    for expr in ["tcp and udp", "ip and arp and port 80"] {
        let theirs = run("tcpdump", &["-y", "EN10MB", "-d", expr]);
        let ours = run(rf, &["-y", "EN10MB", "-d", expr]);
        assert_eq!(theirs.status.code(), Some(1), "tcpdump on {expr}");
        assert_eq!(ours.status.code(), Some(1), "rfilter on {expr}");
        assert!(ours.stdout.is_empty());
        let err = String::from_utf8_lossy(&ours.stderr);
        assert!(
            String::from_utf8_lossy(&theirs.stderr).contains(REJECTS_ALL),
            "tcpdump: {}",
            String::from_utf8_lossy(&theirs.stderr)
        );
        assert!(
            err.starts_with("rfilter: ") && err.contains(REJECTS_ALL),
            "{err}"
        );
        let theirs = run("tcpdump", &["-y", "EN10MB", "-O", "-d", expr]);
        let ours = run(rf, &["-y", "EN10MB", "-O", "-d", expr]);
        assert!(theirs.status.success() && ours.status.success());
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "-O -d {expr}"
        );
    }
}
