//! The command line as users type it: dispatch, `-F`, `-d` with `-r`, option
//! checks and exit statuses.

mod savefile_support;

use savefile_support::*;
use std::process::Output;

/// A bad option value is one line on standard error and exit status 1, as in
/// tcpdump, in tcpdump's words where tcpdump checks the value itself (with a
/// hint after them for some); a value
/// may start with '-', as getopt takes any next word.
#[test]
fn bad_option_values_as_tcpdump() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");
    for case in [
        "-c -1",
        "-c x",
        "-c 0",
        "-s -1",
        "-s 262145",
        "-s 1x",
        "-C -1",
        "-C 5x",
        "-C 0",
        "-C 99999999999999",
        "-G -1",
        "-W -1",
        "-W x",
        "-B -1",
        "-B 0",
        "-T -x",
        "-j -x",
        "-Z nosuchuser",
        "-tttttt",
        "-ttt -ttt",
    ] {
        let mut args: Vec<&str> = case.split(' ').collect();
        args.extend(["-r", sample]);
        let (ours, theirs) = (rfilter(&args), tcpdump(&args));
        assert_eq!(ours.status.code(), Some(1), "{case}: {}", stderr(&ours));
        assert_eq!(theirs.status.code(), Some(1), "{case}: {}", stderr(&theirs));
        let message = |out: &Output, name: &str| -> Vec<String> {
            stderr(out)
                .lines()
                .filter(|l| !l.starts_with("reading from file"))
                .map(|l| l.strip_prefix(name).unwrap_or(l).to_string())
                .collect()
        };
        // tcpdump's message, and rfilter's hint after it for some.
        let (ours, theirs) = (message(&ours, "rfilter"), message(&theirs, "tcpdump"));
        assert_eq!(ours.len(), theirs.len(), "{case}: {ours:?} {theirs:?}");
        for (o, t) in ours.iter().zip(&theirs) {
            assert!(
                o == t || o.starts_with(&format!("{t} (")),
                "{case}: {o} / {t}"
            );
        }
    }
    // Values tcpdump reads with atoi or strtol: `-c 2x` is 2, `-s 0x40` is 64.
    for (case, lines) in [("-c 2x", 2), ("-s 0x40 -c 1 -x", 3), ("-G x -c 1", 1)] {
        let mut args: Vec<&str> = case.split(' ').collect();
        args.extend(["-r", sample]);
        let (ours, theirs) = (rfilter(&args), tcpdump(&args));
        assert!(ours.status.success(), "{case}: {}", stderr(&ours));
        assert_eq!(ours.stdout, theirs.stdout, "{case}");
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout).lines().count(),
            lines,
            "{case}"
        );
    }
    // Unknown options and missing arguments: one line naming the option
    // (tcpdump adds its usage text).
    for (args, named) in [
        (&["--no-such-option"][..], "--no-such-option"),
        (&["-r", sample, "-c"], "-c"),
        (&["-Q", "sideways", "-d", "tcp"], "sideways"),
    ] {
        let out = rfilter(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("rfilter: ") && err.contains(named), "{err}");
    }
    assert!(rfilter(&["-s", "262144", "-d", "tcp"]).status.success());
}

#[test]
fn dump_with_a_file_compiles_for_its_link_type_and_snapshot_length() {
    let dir = temp_dir("clidump");
    // Linux cooked capture, snapshot length 1500, big-endian.
    let input = write(&dir, "sll.pcap", &pcap_header(true, false, 1500, 113));
    for flag in ["-d", "-dd", "-ddd"] {
        let theirs = tcpdump(&["-r", &input, flag]);
        let ours = rfilter(&["-r", &input, flag]);
        assert!(ours.status.success(), "{}", stderr(&ours));
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "{flag}"
        );
        assert_eq!(
            stderr(&ours),
            stderr(&theirs),
            "{flag}: the 'reading from file' line"
        );
    }
    assert_eq!(
        String::from_utf8_lossy(&rfilter(&["-r", &input, "-d"]).stdout),
        "(000) ret      #1500\n"
    );
}

#[test]
fn filter_file_comments_are_ignored_and_errors_are_one_line() {
    let dir = temp_dir("clif");
    let pkts = sample_packets(5);
    let input = write(&dir, "in.pcap", &pcap_file(false, false, &pkts));
    let f = write(
        &dir,
        "filter",
        b"# nothing but a comment\n   # and another\n",
    );
    let out = rfilter(&["-r", &input, "-F", &f, "-w", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(out.stdout, pcap_file(false, false, &pkts));
    // A NUL byte ends the expression, as tcpdump's C string.
    let nul = write(&dir, "nul", b"udp # a comment\n or arp\0 junk");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");
    let (ours, theirs) = (
        rfilter(&["-n", "-r", sample, "-F", &nul]),
        tcpdump(&["-n", "-r", sample, "-F", &nul]),
    );
    assert!(ours.status.success(), "{}", stderr(&ours));
    assert_eq!(ours.stdout, theirs.stdout);
    assert!(String::from_utf8_lossy(&ours.stdout).lines().count() > 2);
    let missing = format!("{}/nope", dir.display());
    assert_error(
        &rfilter(&["-r", &input, "-F", &missing, "-w", "-"]),
        &format!("rfilter: {missing}: No such file or directory"),
    );
}

#[test]
fn invalid_counts_are_refused_as_tcpdump_does() {
    let dir = temp_dir("clicount");
    let input = write(
        &dir,
        "in.pcap",
        &pcap_file(false, false, &sample_packets(2)),
    );
    for (args, msg) in [
        (
            vec!["-c", "0"],
            "rfilter: invalid packet count 0 (-c wants at least 1)",
        ),
        (
            vec!["-C", "0", "-w", "/dev/null"],
            "rfilter: invalid file size 0 (-C wants a number of million bytes, at least 1)",
        ),
        (
            vec!["-W", "0", "-C", "1", "-w", "/dev/null"],
            "rfilter: invalid number of output files 0 (-W wants at least 1)",
        ),
    ] {
        let mut all = vec!["-r", input.as_str()];
        all.extend(args);
        let out = rfilter(&all);
        assert_error(&out, msg);
        assert_eq!(stderr(&out).lines().count(), 1, "refused before reading");
    }
}

/// rfilter and tcpdump on the same command line print the same thing.
fn assert_same_output(args: &[&str]) {
    let theirs = tcpdump(args);
    let ours = rfilter(args);
    assert!(
        theirs.status.success(),
        "tcpdump {args:?}: {}",
        stderr(&theirs)
    );
    assert!(ours.status.success(), "rfilter {args:?}: {}", stderr(&ours));
    assert!(!theirs.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout),
        "{args:?}"
    );
    assert_eq!(stderr(&ours), stderr(&theirs), "{args:?}: stderr");
}

#[test]
fn reading_a_file_prints_as_tcpdump() {
    let dir = temp_dir("cliprint");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");
    assert_same_output(&["-r", sample]);
    assert_same_output(&["-n", "-r", sample, "-c", "3"]);
    // Plain UDP (the odd-numbered sample packets), so that this checks the -r
    // pipeline and timestamps rather than protocol decoders.
    let plain: Vec<Pkt> = sample_packets(24).into_iter().skip(1).step_by(2).collect();
    let ns = write(&dir, "ns.pcap", &pcap_file(true, true, &plain));
    assert_same_output(&["-n", "-r", &ns]);
    assert_same_output(&["-n", "-r", &ns, "--time-stamp-precision=nano"]);
}

#[test]
fn print_while_writing() {
    let dir = temp_dir("cliboth");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");
    let ours_file = dir.join("ours.pcap");
    let theirs_file = dir.join("theirs.pcap");
    let ours = rfilter(&["-r", sample, "--print", "-w", ours_file.to_str().unwrap()]);
    let theirs = tcpdump(&["-r", sample, "--print", "-w", theirs_file.to_str().unwrap()]);
    assert!(ours.status.success(), "{}", stderr(&ours));
    assert!(!ours.stdout.is_empty());
    assert_eq!(ours.stdout, theirs.stdout);
    assert_eq!(
        std::fs::read(&ours_file).unwrap(),
        std::fs::read(&theirs_file).unwrap()
    );
    // Without --print, -w prints nothing.
    let quiet = rfilter(&["-r", sample, "-w", ours_file.to_str().unwrap()]);
    assert!(quiet.status.success() && quiet.stdout.is_empty());
}

#[test]
fn dump_without_a_file_compiles_for_the_interface_link_type() {
    // `-i any` is cooked (LINUX_SLL2), and said so on stderr; no interface means
    // Ethernet, with tcpdump's warning.
    for args in [
        vec!["-d", "-i", "any", "ip"],
        vec!["-d", "ip"],
        vec!["-d", "-y", "LINUX_SLL", "ip"],
    ] {
        let theirs = tcpdump(&args);
        let ours = rfilter(&args);
        assert!(ours.status.success(), "{args:?}: {}", stderr(&ours));
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "{args:?}"
        );
        assert_eq!(
            stderr(&ours).replace("rfilter:", "tcpdump:"),
            stderr(&theirs),
            "{args:?}"
        );
    }
    // Without a file or an interface the netmask is 0, as in tcpdump, so
    // `ip broadcast` compiles.
    let out = rfilter(&["-d", "ip broadcast"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_error(
        &rfilter(&["-d", "-i", "no-such-if0", "ip"]),
        "rfilter: no-such-if0: No such device exists",
    );
}

/// Runs `program args`, reads the start of its standard output and closes the
/// pipe, as `| head -c 64` does; returns the exit status and standard error.
fn run_until_reader_leaves(program: &str, args: &[&str]) -> (Option<i32>, String) {
    use std::io::Read;
    let mut cmd = std::process::Command::new(program);
    if program == "tcpdump" && is_root() {
        cmd.args(["-Z", "root"]);
    }
    let mut child = cmd
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader is gone here: the writer's next block fails with EPIPE.
    let out = child.wait_with_output().unwrap();
    (out.status.code(), stderr(&out))
}

#[test]
fn closed_or_full_standard_output_ends_as_tcpdump_does() {
    require("tcpdump");
    let dir = temp_dir("clipipe");
    // Far more output than a pipe buffers, so the writer meets the closed pipe.
    let input = write(
        &dir,
        "many.pcap",
        &pcap_file(false, false, &sample_packets(20_000)),
    );
    for args in [vec!["-n", "-r", &input], vec!["-l", "-r", &input]] {
        let theirs = run_until_reader_leaves("tcpdump", &args);
        let ours = run_until_reader_leaves(RFILTER, &args);
        assert_eq!(theirs.0, Some(14), "tcpdump {args:?}: {}", theirs.1);
        assert_eq!(ours.0, theirs.0, "{args:?}: {}", ours.1);
        let last = |s: &str| s.lines().last().unwrap_or("").replace("tcpdump: ", "");
        assert_eq!(
            last(&ours.1).replace("rfilter: ", ""),
            last(&theirs.1),
            "{args:?}"
        );
    }
    // A savefile on a closed pipe: tcpdump ends with status 0 and no message.
    let args = ["-r", &input, "-w", "-"];
    let theirs = run_until_reader_leaves("tcpdump", &args);
    let ours = run_until_reader_leaves(RFILTER, &args);
    assert_eq!(theirs.0, Some(0), "{}", theirs.1);
    assert_eq!(ours, theirs);
    // A full disk under printed output: the same message and status 14.
    let full = std::fs::File::create("/dev/full").unwrap();
    let ours = std::process::Command::new(RFILTER)
        .args(["-n", "-r", &input])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(ours.status.code(), Some(14));
    assert!(
        stderr(&ours).ends_with("rfilter: Unable to write output: No space left on device\n"),
        "{}",
        stderr(&ours)
    );
}

/// `-N` cuts resolved host names at their first dot, as tcpdump's does. The names
/// come from a private /etc/hosts, bind-mounted in a mount namespace of their
/// own (root, as in CI), so that both tools resolve the same way.
#[test]
fn names_without_domain_as_tcpdump() {
    require("tcpdump");
    require("unshare");
    assert!(
        is_root(),
        "this test needs root (a mount namespace with its own /etc/hosts)"
    );
    let dir = temp_dir("clinames");
    let hosts = write(
        &dir,
        "hosts",
        b"192.168.1.1 gw.example.com\n192.168.1.10 host10.lab.example.org\n",
    );
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");
    for flags in ["-N", "-Nv", "", "-Ne"] {
        let run = |program: &str| {
            let script =
                format!("mount --bind {hosts} /etc/hosts && exec {program} {flags} -r {sample}");
            let out = std::process::Command::new("unshare")
                .args(["-m", "sh", "-c", &script])
                .output()
                .unwrap();
            assert!(out.status.success(), "{program}: {}", stderr(&out));
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let theirs = run("tcpdump -Z root");
        let ours = run(RFILTER);
        assert!(theirs.contains("gw"), "names were not resolved:\n{theirs}");
        assert_eq!(ours, theirs, "flags {flags:?}");
    }
}

/// `--count` prints only the number of matching packets; a -w file is still
/// written, and `--print` still prints, as tcpdump does.
#[test]
fn count_only_as_tcpdump() {
    let dir = temp_dir("clicount");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");
    for filter in ["", "udp", "ether[0] = 7", "arp"] {
        let mut args = vec!["--count", "-r", sample];
        if !filter.is_empty() {
            args.push(filter);
        }
        let theirs = tcpdump(&args);
        let ours = rfilter(&args);
        assert!(ours.status.success(), "{}", stderr(&ours));
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "{filter}"
        );
    }
    let (a, b) = (dir.join("a.pcap"), dir.join("b.pcap"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let theirs = tcpdump(&["--count", "-r", sample, "-w", a, "udp"]);
    let ours = rfilter(&["--count", "-r", sample, "-w", b, "udp"]);
    assert_eq!(ours.stdout, theirs.stdout);
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    // With --print too, each packet is printed and the count comes last.
    let theirs = tcpdump(&["--count", "--print", "-n", "-r", sample, "-w", a, "udp"]);
    let ours = rfilter(&["--count", "--print", "-n", "-r", sample, "-w", b, "udp"]);
    assert_eq!(
        String::from_utf8_lossy(&ours.stdout),
        String::from_utf8_lossy(&theirs.stdout)
    );
    assert!(String::from_utf8_lossy(&ours.stdout).lines().count() > 2);
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

/// Flags may be repeated, as with tcpdump's getopt: `-nn`, `-ee`, `-qq`.
#[test]
fn repeated_flags_are_accepted() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/sample.pcap");
    for flags in ["-nn", "-nnee", "-qq", "-nnvv", "-ll", "-nnS"] {
        let theirs = tcpdump(&[flags, "-r", sample]);
        let ours = rfilter(&[flags, "-r", sample]);
        assert!(ours.status.success(), "{flags}: {}", stderr(&ours));
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "{flags}"
        );
    }
}

/// `-L` lists the link types an interface offers, in tcpdump's words.
#[test]
fn data_link_types_as_tcpdump() {
    for device in ["lo", "any"] {
        let theirs = tcpdump(&["-L", "-i", device]);
        let ours = rfilter(&["-L", "-i", device]);
        assert!(ours.status.success(), "{}", stderr(&ours));
        assert_eq!(stderr(&ours), stderr(&theirs), "{device}");
        assert_eq!(ours.stdout, theirs.stdout, "{device}");
    }
}

/// `-V LIST` reads each savefile LIST names, as tcpdump does: one output for all,
/// `-c` per file, a file of another link type printed with its own decoder but
/// refused by `-w`, errors in tcpdump's words (compared with tcpdump itself).
#[test]
fn file_lists_as_tcpdump() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let dir = temp_dir("filelist");
    let list = |name: &str, text: String| -> String {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let same = list(
        "same",
        format!("{data}/sample.pcap\n{data}/mixed/dnsnames.pcap\n"),
    );
    let mixed = list(
        "mixed",
        format!("{data}/sample.pcap\n{data}/linkppp/ppp.pcap\n{data}/sample.pcap"),
    );
    let blank = list(
        "blank",
        format!("{data}/sample.pcap\n\n{data}/sample.pcap\n"),
    );
    let empty = list("empty", String::new());
    let missing = dir.join("no-such-list").display().to_string();
    let compare = |args: &[&str]| {
        let theirs = tcpdump(args);
        let ours = rfilter(args);
        let what = args.join(" ");
        assert_eq!(
            ours.status.code(),
            theirs.status.code(),
            "{what}: {}",
            stderr(&ours)
        );
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "{what}"
        );
        assert_eq!(
            stderr(&ours).replace("rfilter:", "tcpdump:"),
            stderr(&theirs),
            "{what}"
        );
        ours
    };
    for l in [&same, &mixed] {
        let out = compare(&["-n", "-V", l]);
        assert!(out.stdout.len() > 1000, "{l}: little output");
        compare(&["-n", "-c", "3", "-V", l]);
        compare(&["-ttt", "-nev", "-V", l, "udp"]);
    }
    compare(&["-n", "-V", &blank]);
    compare(&["-n", "-V", &empty]);
    compare(&["-n", "-V", &missing]);
    // A name with a NUL byte ends there, as a C string does.
    let nul = list("nul", format!("{data}/sample.pcap\0junk\n"));
    compare(&["-n", "-V", &nul]);
    compare(&["-n", "-V", &same, "-r", &format!("{data}/sample.pcap")]);
    // One -w file from files of one link type; another link type is refused.
    let (a, b) = (dir.join("ours.pcap"), dir.join("theirs.pcap"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let ours = rfilter(&["-V", &same, "-w", a]);
    let theirs = tcpdump(&["-V", &same, "-w", b]);
    assert!(ours.status.success(), "{}", stderr(&ours));
    assert!(theirs.status.success(), "{}", stderr(&theirs));
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    let ours = rfilter(&["-V", &mixed, "-w", a]);
    assert_eq!(ours.status.code(), Some(1));
    assert!(
        stderr(&ours).ends_with(&format!(
            "rfilter: {data}/linkppp/ppp.pcap: new dlt does not match original\n"
        )),
        "{}",
        stderr(&ours)
    );
    let theirs = tcpdump(&["-V", &mixed, "-w", b]);
    assert_eq!(theirs.status.code(), Some(1));
    // What the first file gave stays written.
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Savefiles of link types rfilter does not decode are read, printed as tcpdump
/// prints link types it has no printer for, filtered with `len`/`link[...]` and
/// copied; protocol filters are refused on them, as libpcap refuses them.
#[test]
fn unparsed_link_types_as_tcpdump() {
    let dir = temp_dir("unparsed");
    // 147: a DLT libpcap has no name for; 227 and 256 are named (CAN and
    // Bluetooth LE), and tcpdump 4.99 has no printer for either.
    for linktype in [147u32, 227, 256] {
        let mut file = pcap_header(false, false, 65_535, linktype);
        for (i, len) in [15usize, 0, 1, 40, 16, 300].into_iter().enumerate() {
            let data: Vec<u8> = (0..len).map(|b| (b * 7 + i) as u8).collect();
            let p = Pkt {
                sec: 1_000 + i as u32,
                frac: 5,
                wire_len: len as u32 + 3,
                data,
            };
            pcap_record(&mut file, false, &p);
        }
        let path = write(&dir, &format!("lt{linktype}.pcap"), &file);
        for flags in [
            "-n", "-nx", "-nxx", "-nX", "-nA", "-ne", "-nv", "-nq", "-tttt",
        ] {
            let args = [flags, "-r", &path];
            let (ours, theirs) = (rfilter(&args), tcpdump(&args));
            assert_eq!(ours.status.code(), theirs.status.code(), "{args:?}");
            assert!(ours.stdout.len() > 100, "{args:?}: little output");
            assert_eq!(
                String::from_utf8_lossy(&ours.stdout),
                String::from_utf8_lossy(&theirs.stdout),
                "{args:?}"
            );
            assert_eq!(stderr(&ours), stderr(&theirs), "{args:?}: stderr");
        }
        // A copy through a filter on the length and the first byte is the same file.
        let (a, b) = (dir.join("ours.pcap"), dir.join("theirs.pcap"));
        let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
        let filter = "len > 10 and link[0] != 3";
        let ours = rfilter(&["-r", &path, "-w", a, filter]);
        let theirs = tcpdump(&["-r", &path, "-w", b, filter]);
        assert!(ours.status.success(), "{}", stderr(&ours));
        assert!(theirs.status.success(), "{}", stderr(&theirs));
        let copied = std::fs::read(a).unwrap();
        assert_eq!(
            copied,
            std::fs::read(b).unwrap(),
            "{linktype}: -w copies differ"
        );
        assert!(copied.len() > 300, "{linktype}: nothing copied");
        // Protocols need a parsed link header: both refuse, rfilter in one line.
        let ours = rfilter(&["-r", &path, "tcp port 80"]);
        let theirs = tcpdump(&["-r", &path, "tcp port 80"]);
        assert_eq!(ours.status.code(), Some(1));
        assert_eq!(theirs.status.code(), Some(1));
        // tcpdump's message, word for word, then rfilter's hint.
        let want = stderr(&theirs)
            .lines()
            .last()
            .unwrap_or_default()
            .replace("tcpdump: ", "rfilter: ");
        assert!(
            want.ends_with("link-layer type filtering not implemented"),
            "{want}"
        );
        assert!(
            stderr(&ours).lines().any(|l| l.starts_with(&want)),
            "{}",
            stderr(&ours)
        );
    }
}

/// A pcap file (little-endian, snapshot length 65535) of one 60-byte packet,
/// with `linktype_field` as its header's link-type field.
fn one_packet_file(linktype_field: u32) -> Vec<u8> {
    let mut file = pcap_header(false, false, 65_535, linktype_field);
    let p = Pkt {
        sec: 1_000,
        frac: 5,
        wire_len: 60,
        data: (0..60).map(|b| b as u8).collect(),
    };
    pcap_record(&mut file, false, &p);
    file
}

/// A savefile whose link type libpcap's code generator does not know (below 104
/// and not one it handles, or past 289; 14, OpenBSD's raw IP, among them) cannot
/// be read by tcpdump: compiling even the empty filter fails, before the first
/// packet. A LINUX_SLL2 file is read with a warning about interface names.
/// Standard error, output and status as tcpdump's.
#[test]
fn unknown_link_types_and_sll2_warnings_as_tcpdump() {
    let dir = temp_dir("unknownlt");
    for linktype in [2u32, 14, 98, 290, 1000, 276, 113] {
        let file = one_packet_file(linktype);
        let path = write(&dir, &format!("lt{linktype}.pcap"), &file);
        for args in [
            vec!["-n", "-r", &path],
            vec!["-n", "-r", &path, "len > 10"],
            vec!["-d", "-r", &path, "len > 10"],
        ] {
            let (ours, theirs) = (rfilter(&args), tcpdump(&args));
            assert_eq!(ours.status.code(), theirs.status.code(), "{args:?}");
            assert_eq!(
                String::from_utf8_lossy(&ours.stdout),
                String::from_utf8_lossy(&theirs.stdout),
                "{args:?}"
            );
            let theirs = stderr(&theirs).replace("tcpdump: ", "rfilter: ");
            assert_eq!(stderr(&ours), theirs, "{args:?}: stderr");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A pcap header's link-type field is 26 bits of link type and 6 of FCS
/// information, as libpcap reads it: a damaged header whose link type is above
/// 16 bits is refused with tcpdump's message (and no copy is started), and the
/// FCS bits pass into a copy unchanged.
#[test]
fn link_type_field_is_read_as_libpcap_reads_it() {
    let dir = temp_dir("ltfield");
    for field in [0x00eb_0001u32, 0x0001_0001, 0x03ff_ffff] {
        let file = one_packet_file(field);
        let path = write(&dir, &format!("lt{field:x}.pcap"), &file);
        let (copy_ours, copy_theirs) = (
            format!("{}/ours{field:x}.pcap", dir.display()),
            format!("{}/theirs{field:x}.pcap", dir.display()),
        );
        let ours = rfilter(&["-n", "-r", &path, "-w", &copy_ours]);
        let theirs = tcpdump(&["-n", "-r", &path, "-w", &copy_theirs]);
        assert_eq!(ours.status.code(), Some(1), "{field:#x}");
        assert_eq!(theirs.status.code(), Some(1), "{field:#x}");
        let last = |s: String| s.lines().last().unwrap_or_default().to_string();
        // tcpdump's message, after the file's name as every read error has it.
        assert_eq!(
            last(stderr(&ours)),
            last(stderr(&theirs)).replace("tcpdump: ", &format!("rfilter: {path}: ")),
            "{field:#x}"
        );
        assert!(last(stderr(&ours)).contains("unknown data link type"));
        assert!(!std::path::Path::new(&copy_ours).exists(), "{field:#x}");
        assert!(!std::path::Path::new(&copy_theirs).exists(), "{field:#x}");
    }
    // FCS present, 4 bytes (bit 26 and the length in bits 28-31), on Ethernet.
    let field = 0x4400_0001u32;
    let path = write(&dir, "fcs.pcap", &one_packet_file(field));
    let (copy_ours, copy_theirs) = (
        format!("{}/ours.pcap", dir.display()),
        format!("{}/theirs.pcap", dir.display()),
    );
    let ours = rfilter(&["-n", "-r", &path, "-w", &copy_ours]);
    let theirs = tcpdump(&["-n", "-r", &path, "-w", &copy_theirs]);
    assert_eq!(ours.status.code(), Some(0), "{}", stderr(&ours));
    assert_eq!(theirs.status.code(), Some(0));
    let (a, b) = (
        std::fs::read(&copy_ours).expect("rfilter's copy"),
        std::fs::read(&copy_theirs).expect("tcpdump's copy"),
    );
    assert_eq!(a, b);
    assert_eq!(a[20..24], field.to_le_bytes());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A packet's direction and interface index are known only to a live Linux
/// socket: on a savefile tcpdump refuses `inbound`, `outbound` and `ifindex`
/// (except where the link header holds them, as Linux cooked headers do), and
/// with `-d` too. rfilter says the same, and still compiles them without a file.
#[test]
fn live_only_primitives_are_refused_on_savefiles_as_tcpdump() {
    let dir = temp_dir("clilive");
    let eth = write(
        &dir,
        "eth.pcap",
        &pcap_file(false, false, &sample_packets(3)),
    );
    for expr in ["inbound", "outbound", "ifindex 2", "udp or not inbound"] {
        for dump in [false, true] {
            let mut args = vec!["-n", "-r", eth.as_str()];
            if dump {
                args.push("-d");
            }
            args.push(expr);
            let theirs = tcpdump(&args);
            let ours = rfilter(&args);
            assert_eq!(theirs.status.code(), Some(1), "tcpdump {args:?}");
            let want = stderr(&theirs)
                .lines()
                .last()
                .unwrap_or_default()
                .replace("tcpdump: ", "rfilter: ");
            assert!(want.contains("when reading savefiles"), "{want}");
            // tcpdump's message, then (as for every filter error) where in the
            // expression, on the same line.
            assert_eq!(ours.status.code(), Some(1), "{args:?}");
            assert!(ours.stdout.is_empty());
            let err = stderr(&ours);
            let last = err.lines().last().unwrap_or_default();
            assert!(
                last.starts_with(&format!("{want} (at character ")),
                "{args:?}: {err}"
            );
            assert!(!err.contains("panicked"), "{err}");
        }
        // Unoptimized, the listing is libpcap's instruction for instruction.
        let theirs = tcpdump(&["-O", "-d", expr]);
        let ours = rfilter(&["-O", "-d", expr]);
        assert!(
            theirs.status.success() && ours.status.success(),
            "-d {expr}"
        );
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout),
            String::from_utf8_lossy(&theirs.stdout),
            "-O -d {expr}"
        );
    }
    // Linux cooked headers carry the direction: filtered as tcpdump does.
    let mut sll = pcap_header(false, false, 262_144, 113);
    for (n, kind) in [0u16, 4, 0, 4].into_iter().enumerate() {
        let mut data = Vec::new();
        data.extend_from_slice(&kind.to_be_bytes());
        data.extend_from_slice(&[0, 1, 0, 6, 2, 0, 0, 0, 0, n as u8, 0, 0, 0x08, 0x00]);
        let eth = udp_frame(n as u16, 10);
        data.extend_from_slice(&eth[14..]);
        pcap_record(
            &mut sll,
            false,
            &Pkt {
                sec: 1_700_000_000,
                frac: n as u32,
                wire_len: data.len() as u32,
                data,
            },
        );
    }
    let sll = write(&dir, "sll.pcap", &sll);
    for expr in ["inbound", "outbound"] {
        assert_same_output(&["-n", "-r", sll.as_str(), expr]);
    }
}
