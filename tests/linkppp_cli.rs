//! The serial link types (PPP, PPP_PPPD, PPP_SERIAL, PPP_ETHER, C_HDLC) from the command
//! line, against the tcpdump binary: `-y NAME -d` and `-r FILE -d` listings, the
//! unoptimized ones byte-identical; libpcap's refusals word for word; and
//! `-r FILE EXPR` selecting and printing the same packets.

mod common;
mod savefile_support;

use common::examples;
use rfilter::linktype::LinkType;
use savefile_support::{rfilter, stderr, tcpdump};
use std::path::PathBuf;

const SERIAL: [LinkType; 5] = [
    LinkType::Ppp,
    LinkType::PppPppd,
    LinkType::PppSerial,
    LinkType::PppEther,
    LinkType::CHdlc,
];

fn capture(lt: LinkType) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/linkppp")
        .join(format!("{}.pcap", lt.name().to_ascii_lowercase()))
        .to_string_lossy()
        .into_owned()
}

fn out(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The error message without the program name and (ours) the place in the
/// expression that ends the line.
fn message(o: &std::process::Output) -> String {
    let e = stderr(o);
    let first = e.lines().next().unwrap_or("");
    let first = first.split(" (at character ").next().unwrap_or(first);
    first
        .trim_start_matches("tcpdump: ")
        .trim_start_matches("rfilter: ")
        .to_string()
}

/// Every corpus expression valid on a serial link, dumped unoptimized with `-y`
/// (names in both cases): rfilter's listing is tcpdump's, byte for byte; every
/// fourth also with `-r FILE`. (Optimized listings differ: rfilter has its own
/// optimizer, checked by verdicts in tests/differential.rs.)
#[test]
fn dumps_are_tcpdumps() {
    let all = examples::valid();
    let (mut pairs, mut compared) = (0, 0);
    let mut failures = Vec::new();
    for ex in &all {
        for &lt in ex.linktypes.iter().filter(|lt| SERIAL.contains(lt)) {
            pairs += 1;
            // Lower-case names are tcpdump's too; take them for every other example.
            let name = if pairs % 2 == 0 {
                lt.name().to_string()
            } else {
                lt.name().to_ascii_lowercase()
            };
            let file = capture(lt);
            // Reading a savefile, tcpdump refuses the Linux metadata tests that
            // rfilter compiles (on every link type): those with -y only.
            let metadata = ["inbound", "outbound", "ifindex"]
                .iter()
                .any(|m| ex.expr.contains(m));
            let mut sources = vec![["-y", name.as_str()]];
            if pairs % 4 == 0 && !metadata {
                sources.push(["-r", file.as_str()]);
            }
            for source in sources {
                let args = [source[0], source[1], "-d", "-O", "--", &ex.expr];
                let (ours, theirs) = (rfilter(&args), tcpdump(&args));
                compared += 1;
                if !theirs.status.success() || out(&ours) != out(&theirs) {
                    failures.push(format!(
                        "{} `{}` {source:?} -O:\n--- rfilter\n{}{}--- tcpdump\n{}{}",
                        ex.origin,
                        ex.expr,
                        out(&ours),
                        stderr(&ours),
                        out(&theirs),
                        stderr(&theirs)
                    ));
                }
            }
        }
    }
    println!("{compared} unoptimized listings compared with tcpdump's");
    assert!(compared > 1000, "only {compared} listings compared");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// What libpcap refuses on these link types, rfilter refuses (exit status 1);
/// the link-layer refusals (the examples listed for serial links only) with
/// libpcap's very message. (Elsewhere rfilter words some errors better on purpose.)
#[test]
fn refusals_are_libpcaps() {
    let (mut refused, mut worded) = (0, 0);
    for ex in examples::rejected() {
        let link_specific = ex.linktypes.iter().all(|lt| SERIAL.contains(lt));
        for &lt in ex.linktypes.iter().filter(|lt| SERIAL.contains(lt)) {
            let args = ["-y", lt.name(), "-d", "--", &ex.expr];
            let (ours, theirs) = (rfilter(&args), tcpdump(&args));
            assert!(!theirs.status.success(), "tcpdump accepts `{}`", ex.expr);
            assert_eq!(ours.status.code(), Some(1), "`{}` on {lt}", ex.expr);
            refused += 1;
            if link_specific {
                assert_eq!(message(&ours), message(&theirs), "`{}` on {lt}", ex.expr);
                worded += 1;
            }
        }
    }
    println!("{refused} refusals, {worded} with libpcap's message");
    assert!(worded >= 50, "only {worded} messages compared");
}

/// Reading the committed captures with a filter: the same packets, printed the same.
#[test]
fn reading_with_a_filter_selects_as_tcpdump() {
    let exprs = [
        "ip",
        "ip6",
        "tcp",
        "udp port 53",
        "icmp or icmp6",
        "not ip and not ip6",
        "pppoes",
        "pppoed",
        "mpls",
        "link[2:2] = 0x8035",
        "len > 60",
        "host 10.0.0.1",
    ];
    let mut lines = 0;
    for lt in SERIAL {
        let file = capture(lt);
        for e in exprs {
            let args = ["-n", "-r", file.as_str(), e];
            let (ours, theirs) = (rfilter(&args), tcpdump(&args));
            assert_eq!(
                ours.status.success(),
                theirs.status.success(),
                "`{e}` on {lt}: {}",
                stderr(&ours)
            );
            assert_eq!(out(&ours), out(&theirs), "`{e}` on {lt}");
            if theirs.status.success() {
                assert_eq!(stderr(&ours), stderr(&theirs), "`{e}` on {lt}");
            } else {
                assert_eq!(message(&ours), message(&theirs), "`{e}` on {lt}");
            }
            lines += out(&theirs).lines().count();
        }
    }
    println!("{lines} lines of filtered output compared");
    assert!(lines > 100, "only {lines} lines selected");
}

/// Every link type's name, description and DLT value are libpcap's own
/// (`pcap_datalink_val_to_name`, `_description`, `pcap_datalink_name_to_val`),
/// and a savefile's LINKTYPE value reads back as the same link type.
#[test]
fn names_and_values_are_libpcaps() {
    for lt in LinkType::ALL {
        let dlt = pcap::Linktype(lt.dlt());
        assert_eq!(dlt.get_name().expect("libpcap names it"), lt.name());
        assert_eq!(
            dlt.get_description().expect("libpcap describes it"),
            lt.description()
        );
        assert_eq!(
            pcap::Linktype::from_name(&lt.name().to_ascii_lowercase())
                .expect("libpcap knows the name")
                .0,
            lt.dlt()
        );
        assert_eq!(LinkType::from_value(lt.linktype()), Some(lt));
        assert_eq!(lt.name().parse::<LinkType>(), Ok(lt));
    }
}
