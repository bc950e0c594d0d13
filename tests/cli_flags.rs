//! tcpdump's less common flags (`--micro`/`--nano`, `-b`, `-f`, `-u`, `-z`, `-J`/`-j`,
//! `-I`, `-H`), each compared with tcpdump itself: standard output, standard error
//! and exit status.

mod savefile_support;

use savefile_support::*;
use std::process::Output;

fn data(rel: &str) -> String {
    format!("{}/tests/data/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// Runs both tools on `args` and asserts the same status, output and errors (with
/// the program name in messages taken as the same). Returns rfilter's output.
fn compare(args: &[&str]) -> Output {
    let theirs = tcpdump(args);
    let ours = rfilter(args);
    let what = args.join(" ");
    assert_eq!(
        ours.status.code(),
        theirs.status.code(),
        "{what}: status; rfilter stderr: {}",
        stderr(&ours)
    );
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout),
        "{what}: stdout"
    );
    assert_eq!(
        stderr(&ours).replace("rfilter:", "tcpdump:"),
        stderr(&theirs),
        "{what}: stderr"
    );
    ours
}

/// `--micro` and `--nano` are `--time-stamp-precision=micro|nano`; the last of the
/// three given wins, for printing and for `-w`.
#[test]
fn micro_and_nano_as_tcpdump() {
    let dir = temp_dir("flagsprec");
    let plain: Vec<Pkt> = sample_packets(12);
    let ns = write(&dir, "ns.pcap", &pcap_file(false, true, &plain));
    let us = write(&dir, "us.pcap", &pcap_file(false, false, &plain));
    for input in [&ns, &us] {
        for flags in [
            vec!["--nano"],
            vec!["--micro"],
            vec!["--nano", "--micro"],
            vec!["--micro", "--nano"],
            vec!["--time-stamp-precision=micro", "--nano"],
            vec!["--nano", "--time-stamp-precision=micro"],
            vec!["--micro", "-ttt"],
            vec!["--nano", "-tttt"],
        ] {
            let mut args = vec!["-n", "-r", input.as_str()];
            args.extend(flags);
            let out = compare(&args);
            assert!(out.stdout.len() > 200, "{args:?}: little output");
        }
    }
    // The file written has the precision asked for.
    let (a, b) = (dir.join("a.pcap"), dir.join("b.pcap"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    for flag in ["--nano", "--micro"] {
        let ours = rfilter(&["-r", &us, flag, "-w", a]);
        let theirs = tcpdump(&["-r", &us, flag, "-w", b]);
        assert!(ours.status.success() && theirs.status.success());
        let written = std::fs::read(a).unwrap();
        assert_eq!(written, std::fs::read(b).unwrap(), "{flag}");
        let magic = u32::from_le_bytes(written[..4].try_into().unwrap());
        let nano_magic = 0xa1b2_3c4d;
        assert_eq!(magic == nano_magic, flag == "--nano", "{flag}: {magic:x}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-b`: AS numbers above 65535 in ASDOT notation wherever tcpdump's as_printf
/// prints one (AS paths, aggregators, route distinguishers, extended communities,
/// the 4-byte AS capability, RT-constraint and multicast-VPN NLRI, attribute sets).
#[test]
fn asdot_as_tcpdump() {
    let asdot = data("flags/asdot.pcap");
    let bgp = data("print-app/bgp.pcap");
    for input in [&asdot, &bgp] {
        for flags in ["-b", "-bv", "-bvv", "-bvvv", "-bvvvn", "-vvvn"] {
            let out = compare(&[flags, "-r", input]);
            assert!(out.stdout.len() > 1000, "{flags}: little output");
        }
        // The flag changes something: the files hold AS numbers above 65535.
        let plain = rfilter(&["-nv", "-r", input]).stdout;
        let dotted = rfilter(&["-nvb", "-r", input]).stdout;
        assert_ne!(plain, dotted, "{input}: -b changed nothing");
        assert!(String::from_utf8_lossy(&dotted).contains("64086.59904"));
    }
}
