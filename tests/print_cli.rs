//! The printer through the `rfilter` binary, against tcpdump: local time in
//! several time zones (POSIX TZ strings, so no tzdata is needed), across a DST
//! change; line-buffered output; packet numbers.
mod print_support;

use print_support::build::*;
use print_support::{Rec, tmpdir, write_pcap};
use rfilter::LinkType;
use std::path::Path;
use std::process::Command;

fn run(cmd: &str, tz: &str, path: &Path, flags: &[&str]) -> String {
    let out = Command::new(cmd)
        .env("TZ", tz)
        .arg("-r")
        .arg(path)
        .args(flags)
        .output()
        .unwrap_or_else(|e| panic!("{cmd} must be installed: {e}"));
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn local_time_zones_and_flags() {
    let dir = tmpdir("cli");
    let path = dir.join("tz.pcap");
    let a = [10, 0, 0, 1];
    let b = [10, 0, 0, 2];
    let ping = ether(
        MAC_B,
        MAC_A,
        0x0800,
        &Ip4::new(a, b, 1).build(&icmp(&Pseudo::None, 8, 0, &[0, 1, 0, 1], b"x")),
    );
    // Around the US spring-forward change (2023-03-12 07:00 UTC), a year end, a
    // leap day, and the epoch.
    let times: [(i64, u32); 7] = [
        (1_678_604_399, 999_999),
        (1_678_604_400, 0),
        (1_678_604_401, 500_000),
        (1_704_067_199, 123_456),
        (1_704_067_200, 7),
        (1_709_164_800, 42),
        (0, 1),
    ];
    let recs: Vec<Rec> = times
        .iter()
        .map(|&(s, us)| Rec::full(s, us, ping.clone()))
        .collect();
    write_pcap(&path, LinkType::En10mb, &recs, false);
    let rfilter = env!("CARGO_BIN_EXE_rfilter");
    let mut lines = 0;
    for tz in [
        "UTC",
        "EST5EDT,M3.2.0,M11.1.0",
        "IST-5:30",
        "NZST-12NZDT,M9.5.0,M4.1.0/3",
        "<-0330>3:30",
    ] {
        for flags in [
            &["-n"][..],
            &["-n", "-tttt"],
            &["-n", "-ttt"],
            &["-n", "-ttttt"],
            &["-n", "-tt"],
            &["-nl", "-#"],
        ] {
            let theirs = run("tcpdump", tz, &path, flags);
            let ours = run(rfilter, tz, &path, flags);
            assert_eq!(ours, theirs, "TZ={tz} flags {flags:?}");
            lines += theirs.lines().count();
        }
    }
    eprintln!("{lines} lines identical across time zones and time flags");
}
