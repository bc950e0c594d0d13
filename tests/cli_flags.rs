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
        // -n: reverse lookups of the test addresses would only slow this down.
        for flags in ["-bn", "-bnv", "-bnvv", "-bnvvv", "-nvvv", "-bnevvv"] {
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

/// Captures on `lo` in a network and mount namespace of their own (root, as in
/// CI): `lo` up with 127.0.0.1/8 and a second address 10.99.0.1/32, /etc/hosts
/// naming both. tcpdump and rfilter run side by side with `flags`, while one UDP
/// datagram goes 10.99.0.1 → 10.99.0.1 and one 127.0.0.1 → 127.0.0.1. Returns
/// both standard outputs (tcpdump's, rfilter's) after checking the statuses and
/// the first stderr lines agree.
fn capture_in_namespace(tag: &str, flags: &[&str]) -> (String, String) {
    require("tcpdump");
    require("unshare");
    require("ip");
    assert!(
        is_root(),
        "this test needs root (network and mount namespaces)"
    );
    let dir = temp_dir(tag);
    let hosts = write(
        &dir,
        "hosts",
        b"127.0.0.1 localhost\n10.99.0.1 farhost.example\n",
    );
    let script = r#"
set -e
mount --bind "$HOSTS" /etc/hosts
ip link set lo up
ip addr add 10.99.0.1/32 dev lo
timeout 10 tcpdump -Z root "$@" -l -c 2 -i lo udp > "$OUT/t.out" 2> "$OUT/t.err" &
t=$!
timeout 10 "$RFILTER" "$@" -l -c 2 -i lo udp > "$OUT/r.out" 2> "$OUT/r.err" &
r=$!
sleep 2
echo far > /dev/udp/10.99.0.1/9999
echo near > /dev/udp/127.0.0.1/9999
set +e
wait $t; echo "status $?" >> "$OUT/t.err"
wait $r; echo "status $?" >> "$OUT/r.err"
"#;
    let out = std::process::Command::new("unshare")
        .args(["-n", "-m", "bash", "-c", script, "capture"])
        .args(flags)
        .env("HOSTS", &hosts)
        .env("OUT", &dir)
        .env("RFILTER", RFILTER)
        .output()
        .unwrap();
    assert!(out.status.success(), "namespace script: {}", stderr(&out));
    let read = |f: &str| std::fs::read_to_string(dir.join(f)).unwrap();
    let (t_err, r_err) = (read("t.err"), read("r.err"));
    let first_two = |s: &str| s.lines().take(2).collect::<Vec<_>>().join("\n");
    assert_eq!(
        first_two(&r_err).replace("rfilter:", "tcpdump:"),
        first_two(&t_err)
    );
    assert_eq!(r_err.lines().last(), Some("status 0"), "rfilter: {r_err}");
    assert_eq!(t_err.lines().last(), Some("status 0"), "tcpdump: {t_err}");
    let result = (read("t.out"), read("r.out"));
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// `-f`: foreign IPv4 addresses (outside the capture interface's network) print
/// numerically, local ones by name; refused with -r and -V, as tcpdump refuses it.
#[test]
fn foreign_addresses_as_tcpdump() {
    let (theirs, ours) = capture_in_namespace("flagsf", &["-f", "-t"]);
    assert_eq!(ours, theirs, "-f");
    assert!(
        ours.contains("IP 10.99.0.1.") && ours.contains("IP localhost."),
        "{ours}"
    );
    let (theirs, ours) = capture_in_namespace("flagsnof", &["-t"]);
    assert_eq!(ours, theirs, "without -f");
    assert!(ours.contains("IP farhost.example."), "{ours}");
    let sample = data("sample.pcap");
    compare(&["-f", "-r", &sample]);
    compare(&["-f", "-d", "-r", &sample]);
    compare(&["-f", "-V", &sample]);
}

/// `-u`: NFS file handles undecoded (big-endian words in hex), requests and
/// replies, v2 and v3, on the NFS capture of the print suite.
#[test]
fn raw_nfs_handles_as_tcpdump() {
    let nfs = data("print-app/nfs.pcap");
    for flags in ["-u", "-uv", "-uvv", "-uvvv", "-unv"] {
        let out = compare(&[flags, "-r", &nfs]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(text.matches(" fh[").count() > 50, "{flags}: few handles");
    }
    // Without -u the handles are decoded.
    let plain = rfilter(&["-v", "-r", &nfs]);
    assert!(!String::from_utf8_lossy(&plain.stdout).contains(" fh["));
}

/// Waits (up to 10 s) until `path` holds at least `lines` lines, then a moment
/// more so that extra lines would show; returns its lines sorted (the commands
/// run in the background, in any order).
fn settled_lines(path: &std::path::Path, lines: usize) -> Vec<String> {
    let read = || std::fs::read_to_string(path).unwrap_or_default();
    for _ in 0..100 {
        if read().lines().count() >= lines {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut all: Vec<String> = read().lines().map(str::to_string).collect();
    all.sort();
    all
}

/// `-z CMD`: each file a `-C` rotation closes is handed to `CMD FILE` (not the
/// last one); the same files as tcpdump's, with and without `-W`; nothing without
/// rotation; a command that cannot be started is reported as tcpdump reports it.
#[test]
fn postrotate_command_as_tcpdump() {
    let dir = temp_dir("flagsz");
    let pkts: Vec<Pkt> = (0..3000u32)
        .map(|i| Pkt {
            sec: 1_700_000_000 + i,
            frac: 0,
            wire_len: 1000,
            data: udp_frame(i as u16, 958),
        })
        .collect();
    let input = write(&dir, "in.pcap", &pcap_file(false, false, &pkts));
    let script = dir.join("post.sh");
    std::fs::write(&script, "#!/bin/sh\necho \"$1\" >> \"$LOG\"\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let script = script.to_str().unwrap();
    for extra in [vec!["-C", "1"], vec!["-C", "1", "-W", "2"], vec![]] {
        let mut logs = Vec::new();
        for tool in ["tcpdump", "rfilter"] {
            let out_dir = dir.join(tool);
            std::fs::create_dir_all(&out_dir).unwrap();
            let log = dir.join(format!("{tool}.log"));
            let _ = std::fs::remove_file(&log);
            let w = out_dir.join("out");
            let mut cmd = std::process::Command::new(if tool == "tcpdump" {
                "tcpdump"
            } else {
                RFILTER
            });
            if tool == "tcpdump" && is_root() {
                cmd.args(["-Z", "root"]);
            }
            let out = cmd
                .args(["-r", &input, "-w", w.to_str().unwrap(), "-z", script])
                .args(&extra)
                .env("LOG", &log)
                .output()
                .unwrap();
            assert!(out.status.success(), "{tool} {extra:?}: {}", stderr(&out));
            let expected = if extra.is_empty() { 0 } else { 3 };
            let lines = settled_lines(&log, expected);
            // The names relative to each tool's directory.
            let prefix = format!("{}/", out_dir.display());
            logs.push(
                lines
                    .iter()
                    .map(|l| l.replace(&prefix, ""))
                    .collect::<Vec<_>>(),
            );
        }
        assert_eq!(logs[1], logs[0], "{extra:?}");
        assert_eq!(logs[0].is_empty(), extra.is_empty(), "{extra:?}: {logs:?}");
    }
    // A command that does not exist: tcpdump's message, and the run goes on.
    let missing = dir.join("no-such-command").display().to_string();
    let w = dir.join("m").display().to_string();
    let args = ["-r", &input, "-C", "1", "-w", &w, "-z", &missing];
    let theirs = tcpdump(&args);
    let ours = rfilter(&args);
    assert!(ours.status.success(), "{}", stderr(&ours));
    let failures = |s: String| -> Vec<String> {
        s.lines()
            .filter(|l| l.starts_with("compress_savefile"))
            .map(str::to_string)
            .collect()
    };
    let (t, o) = (failures(stderr(&theirs)), failures(stderr(&ours)));
    assert_eq!(o.len(), 3, "{o:?}");
    // tcpdump's children report in any order, and tcpdump itself trips over its
    // failed children (they share its input file): every message it printed must
    // be one of ours.
    assert!(!t.is_empty(), "tcpdump reported no failure");
    for line in &t {
        assert!(o.contains(line), "{line:?} not in {o:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `-J`, `-j` and `-I` on `lo`, `any`, the default interface and one that does not
/// exist, alone and with `-D`, `-L`, `-d`, `-r`: tcpdump's lists, warnings, errors
/// and statuses, and which flag wins.
#[test]
fn time_stamp_types_and_monitor_mode_as_tcpdump() {
    let sample = data("sample.pcap");
    let cases: &[&[&str]] = &[
        &["-J", "-i", "lo"],
        &["-J"],
        &["-J", "-i", "any"],
        &["-J", "-i", "nosuch0"],
        &["-J", "-j", "Host_HiPrec_Unsynced", "-i", "lo"],
        &["-J", "-d", "-i", "lo", "ip"],
        &["-J", "-d", "ip"],
        &["-J", "-L", "-i", "lo"],
        &["-J", "-r", &sample, "-c", "2"],
        &["-j", "foo", "-D"],
        &["-j", "foo", "-r", &sample],
        &["-j", "adapter", "-r", &sample, "-c", "2"],
        &["-j", "adapter", "-d", "-i", "lo", "ip"],
        &["-j", "ADAPTER", "-L", "-i", "lo"],
        &["-j", "host", "-L", "-i", "lo"],
        &["-j", "host_lowprec", "-d", "-i", "any", "tcp"],
        &["-I", "-i", "lo"],
        &["-I", "-i", "any"],
        &["-I", "-L", "-i", "lo"],
        &["-I", "-J", "-i", "lo"],
        &["-I", "-j", "adapter", "-i", "lo"],
        &["-I", "-d", "ip"],
        &["-I", "-d", "-i", "lo", "ip"],
        &["-I", "-r", &sample, "-c", "2"],
    ];
    let mut failures = 0;
    for args in cases {
        let out = compare(args);
        failures += usize::from(!out.status.success());
        assert!(
            !out.stdout.is_empty() || !out.stderr.is_empty(),
            "{args:?}: no output at all"
        );
    }
    assert_eq!(failures, 7, "the refused cases");
    // A live capture with a type lo does not offer: the warning, then as usual.
    let (theirs, ours) = capture_in_namespace("flagsj", &["-j", "adapter", "-n", "-t"]);
    assert_eq!(ours, theirs);
    assert_eq!(ours.lines().count(), 2, "{ours}");
}

/// `-H`: 802.11s mesh control headers in QoS data frames (each address
/// extension, each DS direction), not in other data frames nor where reserved
/// bits are set, and frames cut short in and after the mesh header.
#[test]
fn mesh_headers_as_tcpdump() {
    let mesh = data("flags/mesh.pcap");
    for flags in ["-Hn", "-He", "-Henv", "-Henvvv", "-HenX", "-en", "-env"] {
        let out = compare(&[flags, "-r", &mesh]);
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            text.lines().count() >= 30,
            "{flags}: one line or more a frame"
        );
        let expected = if flags.starts_with("-He") { 18 } else { 0 };
        assert!(flags == "-Hn" || flags.contains('e'), "{flags}");
        assert_eq!(text.matches("MeshData (AE").count(), expected, "{flags}");
    }
    // Without -H the mesh header is read as the LLC header: the output differs.
    assert_ne!(
        rfilter(&["-Hn", "-r", &mesh]).stdout,
        rfilter(&["-n", "-r", &mesh]).stdout
    );
    // The 802.11 captures of the wifi suite, with -H as without.
    for file in ["wifi", "radiotap", "prism", "avs", "ppi"] {
        compare(&["-Hen", "-r", &data(&format!("wifi/{file}.pcap"))]);
    }
}

/// `-z` with `-G`: packets arrive on standard input 1.1 s apart, so that each one
/// after the first starts a new file; both tools hand the same number of closed
/// files to the command (the names hold the time, so only their count and
/// existence are compared), with and without a `-W` limit.
#[test]
fn postrotate_command_with_time_rotation_as_tcpdump() {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    use std::process::{Command, Stdio};
    let dir = temp_dir("flagszg");
    let script = dir.join("post.sh");
    std::fs::write(&script, "#!/bin/sh\necho \"$1\" >> \"$LOG\"\n").unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let pkts = sample_packets(3);
    let file = pcap_file(false, false, &pkts);
    let header_len = 24;
    let record = |i: usize| {
        let start = header_len + pkts[..i].iter().map(|p| 16 + p.data.len()).sum::<usize>();
        file[start..start + 16 + pkts[i].data.len()].to_vec()
    };
    for extra in [vec!["-G", "1"], vec!["-G", "1", "-W", "2"]] {
        let mut children = Vec::new();
        for tool in ["tcpdump", "rfilter"] {
            let out_dir = dir.join(format!("{tool}{}", extra.len()));
            std::fs::create_dir_all(&out_dir).unwrap();
            let mut cmd = Command::new(if tool == "tcpdump" {
                "tcpdump"
            } else {
                RFILTER
            });
            if tool == "tcpdump" && is_root() {
                cmd.args(["-Z", "root"]);
            }
            let pattern = out_dir.join("out-%s-");
            let child = cmd
                .args(["-r", "-", "-w", pattern.to_str().unwrap()])
                .args(["-z", script.to_str().unwrap()])
                .args(&extra)
                .env("LOG", dir.join(format!("{tool}{}.log", extra.len())))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            children.push(child);
        }
        for i in 0..3 {
            for child in &mut children {
                let stdin = child.stdin.as_mut().unwrap();
                if i == 0 {
                    stdin.write_all(&file[..header_len]).unwrap();
                }
                // A tool that has stopped (-W) no longer reads.
                let _ = stdin.write_all(&record(i)).and_then(|()| stdin.flush());
            }
            std::thread::sleep(std::time::Duration::from_millis(1100));
        }
        let outs: Vec<_> = children
            .into_iter()
            .map(|mut c| {
                drop(c.stdin.take());
                c.wait_with_output().unwrap()
            })
            .collect();
        let mut counts = Vec::new();
        for (tool, out) in ["tcpdump", "rfilter"].iter().zip(&outs) {
            assert!(out.status.success(), "{tool} {extra:?}: {}", stderr(out));
            let lines = settled_lines(&dir.join(format!("{tool}{}.log", extra.len())), 2);
            for name in &lines {
                assert!(std::path::Path::new(name).exists(), "{tool}: {name}");
            }
            counts.push(lines.len());
        }
        assert_eq!(counts[1], counts[0], "{extra:?}: files handed over");
        assert_eq!(counts[0], 2, "{extra:?}");
        // tcpdump goes on to print "pcap_stats: Statistics aren't available from
        // savefiles" after the limit message: compare the limit message only.
        let limit = |o: &std::process::Output| {
            stderr(o)
                .lines()
                .filter(|l| l.starts_with("Maximum file limit"))
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(limit(&outs[1]), limit(&outs[0]), "{extra:?}: stderr");
        assert_eq!(limit(&outs[0]).len(), usize::from(extra.len() == 4));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
