//! `-d`, `-dd` and `-ddd` listings against the real tcpdump: our dump of
//! libpcap's own program must be byte-identical to what `tcpdump -d -y LINKTYPE
//! EXPR` prints for the same expression (tcpdump 4.99 compiles with a dead handle
//! when given `-d` and no interface, so no capture device is needed).

mod common;

use common::examples;
use common::reference::{REFERENCE_SNAPLEN, libpcap_program};
use rfilter::bpf::dump::dump;
use rfilter::linktype::LinkType;
use std::process::Command;

/// tcpdump's listing at `level` (1..=3), or its error output.
fn tcpdump(level: u8, lt: LinkType, expr: &str, optimize: bool) -> Result<String, String> {
    let mut cmd = Command::new("tcpdump");
    cmd.arg(format!("-{}", "d".repeat(usize::from(level))))
        .arg("-s")
        .arg(REFERENCE_SNAPLEN.to_string())
        .arg("-y")
        .arg(lt.name());
    if !optimize {
        cmd.arg("-O");
    }
    cmd.arg("--").arg(expr);
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run tcpdump (it must be installed for this test): {e}"));
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// Compares one (expression, link type, level, optimize) case; returns a report on
/// mismatch.
fn check(expr: &str, lt: LinkType, level: u8, optimize: bool) -> Option<String> {
    let ours = libpcap_program(expr, lt, optimize).map(|p| dump(&p, level));
    let theirs = tcpdump(level, lt, expr, optimize);
    match (ours, theirs) {
        (Ok(a), Ok(b)) if a == b => None,
        (Ok(a), Ok(b)) => {
            let first = a.lines().zip(b.lines()).position(|(x, y)| x != y);
            Some(format!(
                "`{expr}` on {lt}, level {level}, optimize {optimize}: listings differ (first differing line {first:?})\n--- ours\n{a}--- tcpdump\n{b}"
            ))
        }
        // Both refuse (e.g. "expression rejects all packets"): nothing to dump.
        (Err(e), Err(t)) if t.contains(&e) => None,
        (Err(e), Err(t)) => Some(format!(
            "`{expr}` on {lt}: different refusals: libpcap `{e}`, tcpdump `{t}`"
        )),
        (Ok(_), Err(t)) => Some(format!("`{expr}` on {lt}: tcpdump refuses: {t}")),
        (Err(e), Ok(_)) => Some(format!(
            "`{expr}` on {lt}: libpcap refuses ({e}) but tcpdump dumps"
        )),
    }
}

#[test]
fn dump_matches_tcpdump_on_the_expression_corpus() {
    let all = examples::valid();
    let mut failures = Vec::new();
    let mut cases = 0;
    for (i, ex) in all.iter().enumerate() {
        // Every expression at -d on its first link type; a rotating sample of the
        // other link types, of -dd/-ddd, and of unoptimized programs.
        let mut runs: Vec<(LinkType, u8, bool)> = vec![(ex.linktypes[0], 1, true)];
        if i % 6 == 0 {
            runs.extend(ex.linktypes.iter().skip(1).map(|&lt| (lt, 1, true)));
        }
        if i % 5 == 0 {
            runs.push((ex.linktypes[i % ex.linktypes.len()], 2, true));
        }
        if i % 5 == 1 {
            runs.push((ex.linktypes[i % ex.linktypes.len()], 3, true));
        }
        if i % 8 == 0 {
            runs.push((ex.linktypes[(i / 8) % ex.linktypes.len()], 1, false));
        }
        for (lt, level, optimize) in runs {
            cases += 1;
            if let Some(f) = check(&ex.expr, lt, level, optimize) {
                failures.push(f);
            }
        }
    }
    println!(
        "dump: {cases} listings compared with tcpdump, {} mismatches",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(cases > all.len());
}

#[test]
fn dump_matches_tcpdump_for_special_forms() {
    // Ancillary loads ([ifidx], [type]), backward ja (protochain), txa/tax with
    // empty operands, the empty filter, hex and negative-looking constants.
    let cases: [(&str, LinkType); 12] = [
        ("", LinkType::En10mb),
        ("ifindex 3", LinkType::En10mb),
        ("inbound", LinkType::En10mb),
        ("outbound", LinkType::Raw),
        ("ip6 protochain 17", LinkType::En10mb),
        ("protochain 6", LinkType::Raw),
        ("geneve 100 and tcp", LinkType::En10mb),
        ("ip[0:4] = 0xffffffff", LinkType::Ipv4),
        ("len - 4294967295 > 0", LinkType::En10mb),
        ("ip[2:2] - ((ip[0] & 0xf) << 2) % 3 = 1", LinkType::LinuxSll),
        ("-len < 0 and len ^ 3 = 1 and len | 8 = 9", LinkType::Null),
        ("ifindex 2", LinkType::LinuxSll2),
    ];
    let mut failures = Vec::new();
    for (expr, lt) in cases {
        for level in 1..=3 {
            for optimize in [true, false] {
                if let Some(f) = check(expr, lt, level, optimize) {
                    failures.push(f);
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every opcode (including ones libpcap never generates: unimp, mod, xor, neg,
/// ancillary offsets, negative constants) against libpcap's `bpf_image` itself.
#[test]
fn image_matches_libpcap_bpf_image_for_every_opcode() {
    use rfilter::bpf::Insn;
    use rfilter::bpf::dump::image;
    use rfilter::bpf::insn::SKF_AD_OFF;
    let ks = [
        0u32,
        1,
        7,
        16,
        255,
        0x800,
        0x8000_0000,
        0xffff_ffff,
        SKF_AD_OFF,
        SKF_AD_OFF + 4,
        SKF_AD_OFF + 44,
        SKF_AD_OFF + 60,
        SKF_AD_OFF + 64,
        SKF_AD_OFF - 1,
    ];
    let mut failures = Vec::new();
    let mut checked = 0;
    for code in 0..=0xffffu16 {
        let ks: &[u32] = if code < 0x100 { &ks } else { &ks[..2] };
        for &k in ks {
            for (n, jt, jf) in [(0usize, 0u8, 0u8), (5, 3, 255), (999, 1, 0), (1234, 0, 7)] {
                let insn = Insn { code, jt, jf, k };
                checked += 1;
                let ours = image(&insn, n);
                let theirs = common::ffi::image(&insn, n as i32);
                if ours != theirs && failures.len() < 30 {
                    failures.push(format!(
                        "{insn:?} at {n}:\n  ours    {ours:?}\n  libpcap {theirs:?}"
                    ));
                }
            }
        }
    }
    println!("bpf_image: {checked} instructions compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// rfilter's own `protochain` programs: unoptimized, the listing is `tcpdump -O -d`'s
/// byte for byte (libpcap's loop with its backward `ja`, its scratch register); optimized,
/// never longer than `tcpdump -d`'s (libpcap leaves any filter with protochain
/// unoptimized).
#[test]
fn protochain_listings_are_tcpdumps_and_optimized_no_longer() {
    use rfilter::filter::{self, CompileOptions};
    let exprs = [
        "protochain 6",
        "ip protochain 6",
        "ip6 protochain 6",
        "ip6 protochain 17 and tcp",
        "protochain 51 or udp port 53",
        "not protochain 59",
        "vlan and protochain 17",
        "protochain 1000",
        "ip6 protochain 44 and ip[0] + 1 = 2",
    ];
    let lts = [
        LinkType::En10mb,
        LinkType::Raw,
        LinkType::LinuxSll,
        LinkType::LinuxSll2,
        LinkType::Ipv4,
        LinkType::Ipv6,
        LinkType::Null,
        LinkType::Loop,
    ];
    let mut failures = Vec::new();
    let mut compared = 0;
    for expr in exprs {
        for lt in lts {
            let opts = |optimize| CompileOptions {
                linktype: lt,
                snaplen: REFERENCE_SNAPLEN,
                optimize,
                netmask: 0,
                linux_vlan_ancillary: false,
                for_kernel: false,
                savefile: None,
            };
            let theirs = tcpdump(1, lt, expr, false);
            let ours = filter::compile(expr, &opts(false)).map(|p| dump(&p, 1));
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) if a == b => compared += 1,
                (Err(_), Err(_)) => {}
                _ => failures.push(format!(
                    "`{expr}` on {lt}, unoptimized:\n--- ours\n{ours:?}\n--- tcpdump -O\n{theirs:?}"
                )),
            }
            let lib_opt = tcpdump(1, lt, expr, true);
            let ours_opt = filter::compile(expr, &opts(true));
            if let (Ok(o), Ok(l)) = (&ours_opt, &lib_opt) {
                let l = l.lines().count();
                if o.len() > l {
                    failures.push(format!(
                        "`{expr}` on {lt}: optimized {} instructions, libpcap {l}",
                        o.len()
                    ));
                }
            }
        }
    }
    println!("protochain: {compared} unoptimized listings identical to tcpdump -O -d");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(compared > 40, "only {compared} compared");
}
