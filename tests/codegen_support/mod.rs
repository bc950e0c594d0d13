//! Helpers for the code generator's tests: expression generation and the
//! rfilter/libpcap comparison for one expression on one link type.
#![allow(dead_code)]

use crate::common::compare::{Reference, compare};
use crate::common::corpus::Sample;
use crate::common::kernel::check_kernel_form;
use crate::common::reference::{REJECTS_ALL, libpcap_program, rfilter_options as options};
use rfilter::bpf::Insn;
use rfilter::filter;
use rfilter::linktype::LinkType;

/// What happened to one expression on one link type.
pub enum Outcome {
    /// Both compiled; this many verdicts agreed.
    Agreed(usize),
    /// Both refused it.
    BothRefused,
}

/// Compiles `expr` with libpcap and rfilter (optimized and not) and compares
/// acceptance and, when both accept, verdicts on `samples`; every program of ours
/// must also pass the kernel's rules.
pub fn check(expr: &str, lt: LinkType, samples: &[Sample]) -> Result<Outcome, String> {
    let unopt = libpcap_program(expr, lt, false);
    let ours_unopt = filter::compile(expr, &options(lt, false));
    let unopt = match (unopt, &ours_unopt) {
        (Err(_), Err(_)) => return Ok(Outcome::BothRefused),
        (Err(e), Ok(_)) => {
            return Err(format!(
                "`{expr}` on {lt}: libpcap refuses ({e}), rfilter accepts"
            ));
        }
        (Ok(_), Err(e)) => {
            return Err(format!(
                "`{expr}` on {lt}: rfilter refuses what libpcap accepts: {}",
                e.message
            ));
        }
        (Ok(p), Ok(ours)) => {
            // Same instructions as libpcap's unoptimized program (protochain's loop
            // included), except where we deliberately differ: registers zeroed at
            // entry, and direction/interface tests after `pppoes`, where libpcap
            // offsets the ancillary load by the PPPoE header into an offset the
            // kernel refuses.
            let deliberate = (expr.contains("pppoes") || expr.contains("geneve"))
                && ["inbound", "outbound", "ifindex"]
                    .iter()
                    .any(|d| expr.contains(d));
            if !deliberate && *ours != p && without_register_init(ours) != p.as_slice() {
                return Err(format!(
                    "`{expr}` on {lt}: unoptimized program differs from libpcap's"
                ));
            }
            p
        }
    };
    let opt = match libpcap_program(expr, lt, true) {
        Ok(p) => Some(p),
        Err(e) if e.contains(REJECTS_ALL) => None,
        Err(e) => return Err(format!("`{expr}` on {lt}: libpcap optimizer: {e}")),
    };
    let libpcap_rejects_all = opt.is_none();
    let reference = Reference::new(opt, unopt, samples);
    let mut n = 0;
    for optimize in [false, true] {
        let compiled = filter::compile(expr, &options(lt, optimize));
        // Refusing a filter proven never to match is libpcap's optimizer's answer
        // too; refusing one libpcap's optimizer keeps is not.
        if let Err(e) = &compiled
            && optimize
            && e.message == REJECTS_ALL
            && libpcap_rejects_all
        {
            continue;
        }
        let ours = compiled.map_err(|e| {
            format!(
                "`{expr}` on {lt}: rfilter (optimize {optimize}): {}",
                e.message
            )
        })?;
        // What live capture attaches (protochain unrolled) must pass the
        // kernel's rules and give the same verdicts.
        let kernel = check_kernel_form(expr, &options(lt, optimize), &ours, false)
            .map_err(|e| format!("`{expr}` on {lt}: kernel rules: {e}"))?;
        n += compare(expr, lt, "rfilter", &ours, &reference, samples)?;
        if let Some(k) = kernel {
            n += compare(
                expr,
                lt,
                "rfilter (for the kernel)",
                &k,
                &reference,
                samples,
            )?;
        }
    }
    Ok(Outcome::Agreed(n))
}

/// Primitives exercised alone and in combinations; some are refused on some link
/// types, by libpcap and so by us.
pub const PRIMITIVES: &[&str] = &[
    "ip",
    "ip6",
    "arp",
    "rarp",
    "tcp",
    "udp",
    "icmp",
    "icmp6",
    "sctp",
    "igmp",
    "igrp",
    "pim",
    "vrrp",
    "carp",
    "ah",
    "esp",
    "atalk",
    "aarp",
    "decnet",
    "lat",
    "sca",
    "moprc",
    "mopdl",
    "iso",
    "esis",
    "isis",
    "clnp",
    "stp",
    "ipx",
    "netbeui",
    "l1",
    "l2",
    "iih",
    "lsp",
    "snp",
    "csnp",
    "psnp",
    "host 10.0.0.1",
    "src host 10.0.0.1",
    "dst host 10.0.0.2",
    "src and dst host 10.0.0.1",
    "ip host 192.168.1.1",
    "arp host 10.0.0.1",
    "rarp dst host 10.0.0.1",
    "host 10.1",
    "net 10.0.0.0/8",
    "src net 192.168.0.0/16",
    "net 10",
    "net 192.168.1",
    "net 10.0.0.0 mask 255.0.0.0",
    "ip6 host ::1",
    "host 2001:db8::1",
    "src net 2001:db8::/32",
    "ip6 dst net fe80::/10",
    "net ::/0",
    "port 80",
    "tcp port 80",
    "udp port 53",
    "sctp port 9",
    "src port 1024",
    "dst port 443",
    "tcp src or dst port 22",
    "udp src and dst port 53",
    "portrange 6000-6010",
    "tcp portrange 1-1023",
    "udp dst portrange 30000-29000",
    "port domain",
    "tcp port http",
    "port who",
    "udp port syslog",
    "portrange ftp-data-ftp",
    "ip proto 6",
    "ip6 proto 17",
    "proto 1",
    "proto \\tcp",
    "ip proto \\udp",
    "ether proto 0x800",
    "ether proto \\arp",
    "ether proto 0x42",
    "link proto 0x86dd",
    "iso proto \\isis",
    "isis proto 17",
    "ip protochain 6",
    "ip6 protochain 17",
    "protochain 51",
    "protochain 59",
    "ether host 00:11:22:33:44:55",
    "ether src 00:11:22:33:44:55",
    "ether dst ff:ff:ff:ff:ff:ff",
    "ether broadcast",
    "broadcast",
    "ether multicast",
    "multicast",
    "ip multicast",
    "ip6 multicast",
    "ip broadcast",
    "less 60",
    "greater 100",
    "len > 64",
    "len <= 1500",
    "byte 9 = 6",
    "byte 0 > 0x44",
    "byte 0 < 0x46",
    "byte 1 & 3",
    "byte 1 | 3",
    "inbound",
    "outbound",
    "ifindex 2",
    "vlan",
    "vlan 100",
    "mpls",
    "mpls 17",
    "pppoed",
    "pppoes",
    "pppoes 3",
    "geneve",
    "geneve 10",
    "llc",
    "llc i",
    "llc s",
    "llc u",
    "llc rr",
    "llc ui",
    "ip[0] & 0xf > 5",
    "ip[2:2] > 100",
    "tcp[13] & 2 != 0",
    "tcp[tcpflags] & tcp-syn != 0",
    "udp[0:2] = 53",
    "icmp[icmptype] = icmp-echo",
    "ip6[6] = 58",
    "icmp6[0] = 128",
    "ether[12:2] = 0x800",
    "link[0] & 1 = 1",
    "arp[6:2] = 1",
    "tcp[0:2] + tcp[2:2] > 1000",
    "ip[0] * 2 - 3 / 1 % 7 = 3",
    "ip[1] | 4 ^ 2 << 1 >> 1 = 6",
    "-ip[0] != 0",
    "ip[ip[0] & 0xf] = 1",
    "ip[0:4] & 0xffffffff = 0x45000054",
    "len - 14 >= ip[2:2]",
    "host localhost",
    "src host localhost",
    "ip6 host localhost",
    "tcp port login",
    "portrange 1-2-3",
    "portrange 80-http",
    "tcp portrange who-login",
    "ip and not ip",
    "net 10.1.2.0/24 and vlan and net 10.1.2.0/24",
    "udp port who",
];

/// Expressions that combine primitives with `and`/`or`/`not` and encapsulations.
pub fn combinations() -> Vec<String> {
    let inner = [
        "ip",
        "ip6",
        "tcp port 80",
        "udp",
        "host 10.0.0.1",
        "ip6 host 2001:db8::1",
        "arp",
        "ether host 00:11:22:33:44:55",
        "ip[9] = 17",
        "tcp[13] & 2 != 0",
        "icmp",
        "iso",
        "ip protochain 6",
        "vlan 20",
        "net 10.0.0.0/8",
        "portrange 1-1000",
        "ether broadcast",
    ];
    let outer = [
        "vlan",
        "vlan 100",
        "vlan and vlan",
        "mpls",
        "mpls 17 and mpls",
        "pppoes",
        "pppoes 3",
        "geneve",
        "geneve 10",
        "not vlan",
    ];
    let mut v = Vec::new();
    for o in outer {
        for i in inner {
            v.push(format!("{o} and {i}"));
        }
    }
    for (a, b) in [
        ("tcp", "udp"),
        ("ip", "not ip6"),
        ("host 10.0.0.1", "port 53"),
        ("arp", "rarp"),
        ("vlan", "ip"),
        ("ip", "vlan 100 and ip"),
        ("geneve", "vlan"),
        ("mpls", "ip6"),
        ("less 60", "greater 1000"),
        ("byte 9 = 6", "byte 1 & 3"),
        ("inbound", "udp"),
    ] {
        v.push(format!("{a} and {b}"));
        v.push(format!("{a} or {b}"));
        v.push(format!("not {a} and not ({b})"));
        v.push(format!("not ({a} or {b})"));
    }
    v
}

/// `prog` without the `ld #0; st M[r]…` prefix that zeroes registers some path reads
/// before storing (libpcap leaves them unset, which the kernel refuses).
pub fn without_register_init(prog: &[Insn]) -> &[Insn] {
    use rfilter::bpf::insn::{BPF_IMM, BPF_LD, BPF_ST};
    match prog.first() {
        Some(first) if first.code == BPF_LD | BPF_IMM && first.k == 0 => {
            let stores = prog[1..].iter().take_while(|i| i.code == BPF_ST).count();
            if stores > 0 {
                &prog[1 + stores..]
            } else {
                prog
            }
        }
        _ => prog,
    }
}
