//! Live capture end to end: rfilter runs inside a network namespace and captures on
//! a veth whose peer (in another namespace) sends known frames from a raw socket.
//! Needs root (CI runs as root); fails loudly when it cannot set up.

mod live_support;

use live_support::*;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

const BROADCAST: [u8; 6] = [0xff; 6];

fn frames(n: u32, vlan: Option<u16>) -> Vec<Vec<u8>> {
    // Sizes from tiny to full MTU, deterministic.
    (0..n)
        .map(|i| udp_frame(MAC_B, i, (i as usize * 97) % 1400 + 4, vlan, 9000))
        .collect()
}

fn w_path(dir: &Path) -> String {
    dir.join("out.pcap").to_string_lossy().into_owned()
}

#[test]
fn writes_exactly_the_frames_sent() {
    let net = VethPair::new();
    let dir = temp_dir("exact");
    let out = w_path(&dir);
    let sent = frames(40, None);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-c", "40", "-w", &out]);
    net.send_from_a(&sent);
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let (dlt, recs) = read_pcap(Path::new(&out));
    assert_eq!(dlt, 1);
    assert_eq!(recs.len(), sent.len());
    for (rec, frame) in recs.iter().zip(&sent) {
        assert_eq!(&rec.data, frame);
        assert_eq!(rec.len as usize, frame.len());
        assert_eq!(rec.caplen as usize, frame.len());
    }
    assert_eq!(f.stat("captured"), 40);
    assert_eq!(f.stat("received by filter"), 40);
    assert_eq!(f.stat("dropped by kernel"), 0);
    assert!(
        f.stderr.starts_with(&format!(
            "rfilter: listening on {}, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n",
            net.if_b
        )),
        "{}",
        f.stderr
    );
}

#[test]
fn count_stops_after_n_packets_and_snaplen_cuts() {
    let net = VethPair::new();
    let dir = temp_dir("count");
    let out = w_path(&dir);
    let sent = frames(10, None);
    let mut r = net.rfilter_in(
        &net.ns_b,
        &["-i", &net.if_b, "-c", "4", "-s", "50", "-w", &out],
    );
    net.send_from_a(&sent);
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let (_, recs) = read_pcap(Path::new(&out));
    assert_eq!(recs.len(), 4);
    for (rec, frame) in recs.iter().zip(&sent) {
        let keep = frame.len().min(50);
        assert_eq!(rec.data, frame[..keep]);
        assert_eq!(rec.len as usize, frame.len());
    }
    assert_eq!(f.stat("captured"), 4);
    assert!(
        f.stderr.contains("snapshot length 50 bytes"),
        "{}",
        f.stderr
    );
}

#[test]
fn sigint_mid_capture_keeps_every_packet_received() {
    let net = VethPair::new();
    let dir = temp_dir("sigint");
    let out = w_path(&dir);
    let sent = frames(30, None);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-w", &out]);
    // A first lot, handed over by the block timeout (so the ring has moved on to a
    // later block), then a second lot and the signal at once: those packets are
    // still in the kernel's partly filled block.
    net.send_from_a(&sent[..10]);
    std::thread::sleep(Duration::from_millis(400));
    net.send_from_a(&sent[10..]);
    r.signal("INT");
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let (_, recs) = read_pcap(Path::new(&out));
    assert_eq!(
        recs.into_iter().map(|r| r.data).collect::<Vec<_>>(),
        sent,
        "{}",
        f.stderr
    );
    assert_eq!(f.stat("captured"), 30);
    assert_eq!(f.stat("received by filter"), 30);
    // With -w nothing goes to stdout.
    assert!(f.stdout.is_empty());
}

#[test]
fn sigterm_stops_a_printing_run_like_tcpdump() {
    let net = VethPair::new();
    let sent = frames(3, None);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b]);
    net.send_from_a(&sent);
    std::thread::sleep(Duration::from_millis(300));
    r.signal("TERM");
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    assert_eq!(f.stat("captured"), 3);
    // tcpdump ends an interrupted printing run with an empty line on stdout, and
    // starts with the "verbose output suppressed" line.
    assert!(
        f.stdout.ends_with(b"\n\n") || f.stdout == b"\n",
        "{:?}",
        String::from_utf8_lossy(&f.stdout)
    );
    let mut lines = f.stderr.lines();
    assert_eq!(
        lines.next(),
        Some("rfilter: verbose output suppressed, use -v[v]... for full protocol decode")
    );
    let rest: Vec<&str> = lines.collect();
    assert_eq!(
        rest,
        [
            format!(
                "listening on {}, link-type EN10MB (Ethernet), snapshot length 262144 bytes",
                net.if_b
            )
            .as_str(),
            "3 packets captured",
            "3 packets received by filter",
            "0 packets dropped by kernel",
        ]
    );
}

#[test]
fn stripped_vlan_tags_are_put_back() {
    let net = VethPair::new();
    let dir = temp_dir("vlan");
    let out = w_path(&dir);
    let mut sent = frames(5, Some(100));
    sent.extend(frames(5, Some(200)));
    sent.extend(frames(5, None));
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-c", "15", "-w", &out]);
    net.send_from_a(&sent);
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let (_, recs) = read_pcap(Path::new(&out));
    assert_eq!(recs.len(), 15);
    for (rec, frame) in recs.iter().zip(&sent) {
        assert_eq!(&rec.data, frame, "VLAN tag not restored byte for byte");
        assert_eq!(rec.len as usize, frame.len());
    }
}

#[test]
fn any_captures_cooked_sll2_by_default_and_sll_with_y() {
    let net = VethPair::new();
    let sent: Vec<Vec<u8>> = (0..6)
        .map(|i| udp_frame(BROADCAST, i, 100 + i as usize, None, 9000))
        .collect();
    let out = Command::new("ip")
        .args(["-n", &net.ns_b, "-o", "link", "show", &net.if_b])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let ifindex: u32 = text.split(':').next().unwrap().trim().parse().unwrap();

    for (linktype, dlt) in [(None, 276), (Some("LINUX_SLL"), 113)] {
        let dir = temp_dir("any");
        let path = w_path(&dir);
        let mut args = vec!["-i", "any", "-c", "6", "-w", &path];
        if let Some(y) = linktype {
            args.extend(["-y", y]);
        }
        let mut r = net.rfilter_in(&net.ns_b, &args);
        net.send_from_a(&sent);
        let f = r.finish_within(Duration::from_secs(10));
        assert_eq!(f.code, Some(0), "{f:?}");
        let name = if dlt == 276 {
            "LINUX_SLL2"
        } else {
            "LINUX_SLL"
        };
        assert!(
            f.stderr
                .starts_with(&format!("rfilter: data link type {name}\n")),
            "{}",
            f.stderr
        );
        let (got_dlt, recs) = read_pcap(Path::new(&path));
        assert_eq!(got_dlt, dlt);
        assert_eq!(recs.len(), 6);
        for (rec, frame) in recs.iter().zip(&sent) {
            let payload = &frame[14..];
            if dlt == 276 {
                assert_eq!(rec.data.len(), 20 + payload.len());
                assert_eq!(&rec.data[0..2], &[0x08, 0x00], "protocol");
                assert_eq!(&rec.data[4..8], &ifindex.to_be_bytes(), "ifindex");
                assert_eq!(&rec.data[8..10], &[0, 1], "ARPHRD_ETHER");
                assert_eq!(rec.data[10], 1, "PACKET_BROADCAST");
                assert_eq!(rec.data[11], 6, "address length");
                assert_eq!(&rec.data[12..18], &MAC_A, "source address");
                assert_eq!(&rec.data[20..], payload);
            } else {
                assert_eq!(rec.data.len(), 16 + payload.len());
                assert_eq!(&rec.data[0..2], &[0, 1], "PACKET_BROADCAST");
                assert_eq!(&rec.data[2..4], &[0, 1], "ARPHRD_ETHER");
                assert_eq!(&rec.data[4..6], &[0, 6]);
                assert_eq!(&rec.data[6..12], &MAC_A);
                assert_eq!(&rec.data[14..16], &[0x08, 0x00]);
                assert_eq!(&rec.data[16..], payload);
            }
            assert_eq!(rec.len as usize, rec.data.len());
        }
    }
}

#[test]
fn direction_in_and_out() {
    let net = VethPair::new();
    let sent = frames(5, None);
    // On the sending side, -Q out sees our frames...
    let dir = temp_dir("qout");
    let path = w_path(&dir);
    let mut out_side = net.rfilter_in(
        &net.ns_a,
        &["-i", &net.if_a, "-Q", "out", "-c", "5", "-w", &path],
    );
    // ...and -Q in sees none of them.
    let mut in_side = net.rfilter_in(&net.ns_a, &["-i", &net.if_a, "-Q", "in"]);
    net.send_from_a(&sent);
    let f = out_side.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let (_, recs) = read_pcap(Path::new(&path));
    assert_eq!(
        recs.iter().map(|r| r.data.clone()).collect::<Vec<_>>(),
        sent
    );
    std::thread::sleep(Duration::from_millis(200));
    in_side.signal("INT");
    let g = in_side.finish_within(Duration::from_secs(10));
    assert_eq!(g.code, Some(0), "{g:?}");
    assert_eq!(g.stat("captured"), 0);
}

#[test]
fn default_interface_is_the_first_up_non_loopback_one() {
    let net = VethPair::new();
    let dir = temp_dir("default");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(&net.ns_b, &["-c", "2", "-w", &path]);
    net.send_from_a(&frames(2, None));
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    assert!(
        f.stderr.contains(&format!("listening on {},", net.if_b)),
        "{}",
        f.stderr
    );
}

#[test]
fn list_interfaces_matches_tcpdump() {
    let net = VethPair::new();
    let ours = Command::new("ip")
        .args(["netns", "exec", &net.ns_b, RFILTER, "-D"])
        .output()
        .unwrap();
    assert!(ours.status.success(), "{ours:?}");
    let theirs = Command::new("ip")
        .args(["netns", "exec", &net.ns_b, "tcpdump", "-D"])
        .output()
        .unwrap();
    assert!(
        theirs.status.success(),
        "tcpdump -D failed (is tcpdump installed?): {theirs:?}"
    );
    let strip = |l: &str| l.split_once('.').map(|(_, r)| r.to_string()).unwrap();
    let ours: Vec<String> = String::from_utf8_lossy(&ours.stdout)
        .lines()
        .map(strip)
        .collect();
    let theirs: Vec<String> = String::from_utf8_lossy(&theirs.stdout)
        .lines()
        .map(strip)
        .collect();
    // rfilter lists the devices it can capture on: tcpdump's lines for those, in order.
    let expected: Vec<String> = theirs
        .into_iter()
        .filter(|l| {
            let name = l.split([' ', '(']).next().unwrap();
            name == "any" || name == "lo" || name == net.if_b
        })
        .collect();
    assert_eq!(ours, expected);
    assert_eq!(ours.len(), 3);
}

#[test]
fn unknown_and_down_interfaces_are_one_line_errors() {
    let net = VethPair::with_state(false);
    let cases = [
        ("nosuchif0", "rfilter: nosuchif0: No such device exists\n"),
        (net.if_b.as_str(), ""),
    ];
    for (dev, expected) in cases {
        let out = Command::new("ip")
            .args(["netns", "exec", &net.ns_b, RFILTER, "-i", dev])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        if expected.is_empty() {
            assert_eq!(err, format!("rfilter: {dev}: That device is not up\n"));
        } else {
            assert_eq!(err, expected);
        }
    }
    // `-L` activates the device first, as tcpdump does.
    let run_in_b = |prog: &str| {
        Command::new("ip")
            .args(["netns", "exec", &net.ns_b, prog, "-L", "-i", &net.if_b])
            .output()
            .unwrap()
    };
    let (ours, theirs) = (run_in_b(RFILTER), run_in_b("tcpdump"));
    assert_eq!(theirs.status.code(), Some(1), "{theirs:?}");
    assert_eq!(ours.status.code(), Some(1), "{ours:?}");
    assert_eq!(
        String::from_utf8_lossy(&ours.stderr).replacen("rfilter:", "tcpdump:", 1),
        String::from_utf8_lossy(&theirs.stderr)
    );
}

#[test]
fn deleted_interface_ends_the_run_with_what_was_captured() {
    let net = VethPair::new();
    let dir = temp_dir("deleted");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-w", &path]);
    net.send_from_a(&frames(5, None));
    std::thread::sleep(Duration::from_millis(300));
    let del = Command::new("ip")
        .args(["-n", &net.ns_b, "link", "del", &net.if_b])
        .output()
        .unwrap();
    assert!(del.status.success(), "{del:?}");
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(1), "{f:?}");
    assert!(
        f.stderr.contains(&format!(
            "rfilter: {}: The interface disappeared\n",
            net.if_b
        )),
        "{}",
        f.stderr
    );
    assert_eq!(f.stat("captured"), 5);
    let (_, recs) = read_pcap(Path::new(&path));
    assert_eq!(recs.len(), 5);
}

#[test]
fn without_cap_net_raw_one_line_names_the_capability() {
    let mut cmd = Command::new("setpriv");
    cmd.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
    ])
    .args([RFILTER, "-i", "lo"]);
    let out = cmd.output().expect("setpriv (util-linux) is needed");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("CAP_NET_RAW") && err.starts_with("rfilter: lo: "),
        "{err}"
    );
}

#[test]
fn cap_net_raw_alone_is_enough_and_z_drops_privileges() {
    let net = VethPair::new();
    let dir = temp_dir("caps");
    std::fs::set_permissions(&dir, std::os::unix::fs::PermissionsExt::from_mode(0o777)).unwrap();
    // CAP_NET_RAW only, as an unprivileged user.
    let path = w_path(&dir);
    let mut cmd = Command::new("ip");
    cmd.args([
        "netns",
        "exec",
        &net.ns_b,
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
    ])
    .args(["--inh-caps=-all,+net_raw", "--ambient-caps=-all,+net_raw"])
    .args([RFILTER, "-i", &net.if_b, "-c", "3", "-w", &path]);
    let mut r = Rfilter::spawn(cmd, true);
    net.send_from_a(&frames(3, None));
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    assert_eq!(read_pcap(Path::new(&path)).1.len(), 3);

    // As root with -Z nobody: the file is created after the switch.
    let path2 = dir.join("z.pcap").to_string_lossy().into_owned();
    let mut r = net.rfilter_in(
        &net.ns_b,
        &["-i", &net.if_b, "-Z", "nobody", "-c", "3", "-w", &path2],
    );
    net.send_from_a(&frames(3, None));
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let meta = std::fs::metadata(&path2).unwrap();
    assert_eq!(std::os::unix::fs::MetadataExt::uid(&meta), 65534);
}

#[test]
fn slow_output_makes_the_kernel_drop_and_count_not_rfilter_grow() {
    let net = VethPair::new();
    // -w - into a pipe nobody reads until the burst is over: output blocks at once.
    let mut cmd = Command::new("ip");
    cmd.args([
        "netns", "exec", &net.ns_b, RFILTER, "-i", &net.if_b, "-B", "256", "-w", "-",
    ]);
    let mut r = Rfilter::spawn(cmd, true);
    let burst: Vec<Vec<u8>> = (0..6000)
        .map(|i| udp_frame(MAC_B, i, 1000, None, 9000))
        .collect();
    net.send_from_a(&burst);
    std::thread::sleep(Duration::from_millis(300));
    let rss_kib = std::fs::read_to_string(format!("/proc/{}/status", r.pid()))
        .unwrap()
        .lines()
        .find_map(|l| {
            l.strip_prefix("VmRSS:")
                .map(|v| v.trim().trim_end_matches(" kB").parse::<u64>().unwrap())
        })
        .unwrap();
    assert!(
        rss_kib < 64 * 1024,
        "RSS {rss_kib} KiB with a blocked output"
    );
    r.signal("INT");
    let t0 = std::time::Instant::now();
    let f = r.finish_within(Duration::from_secs(20));
    // Stopping after an overload hands over what the ring holds and ends; it does
    // not wait out the drain deadline.
    let took = t0.elapsed();
    assert!(took < Duration::from_millis(1000), "exit took {took:?}");
    assert_eq!(f.code, Some(0), "{f:?}");
    let captured = f.stat("captured");
    let received = f.stat("received by filter");
    let dropped = f.stat("dropped by kernel");
    assert_eq!(received, 6000);
    assert!(dropped > 0, "{}", f.stderr);
    assert_eq!(captured + dropped, received, "{}", f.stderr);
    // And what was captured is a valid pcap stream with that many records.
    let tmp = temp_dir("slow").join("s.pcap");
    std::fs::write(&tmp, &f.stdout).unwrap();
    assert_eq!(read_pcap(&tmp).1.len() as u64, captured);
}

/// Frames to ports 9000 and 9001, interleaved.
fn mixed_ports(n: u32) -> Vec<Vec<u8>> {
    (0..n)
        .map(|i| {
            udp_frame(
                MAC_B,
                i,
                40 + (i as usize * 13) % 300,
                None,
                9000 + (i % 2) as u16,
            )
        })
        .collect()
}

fn dport(frame: &[u8]) -> u16 {
    // Untagged Ethernet + 20-byte IPv4 header.
    u16::from_be_bytes([frame[36], frame[37]])
}

#[test]
fn kernel_filter_keeps_exactly_the_matching_frames() {
    let net = VethPair::new();
    let dir = temp_dir("filter");
    let path = w_path(&dir);
    let sent = mixed_ports(40);
    let wanted: Vec<Vec<u8>> = sent.iter().filter(|f| dport(f) == 9001).cloned().collect();
    let mut r = net.rfilter_in(
        &net.ns_b,
        &["-i", &net.if_b, "-w", &path, "udp", "dst", "port", "9001"],
    );
    net.send_from_a(&sent);
    r.signal("INT");
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let (_, recs) = read_pcap(Path::new(&path));
    assert_eq!(recs.into_iter().map(|r| r.data).collect::<Vec<_>>(), wanted);
    // The kernel ran the filter: only matching packets reached the socket.
    assert_eq!(f.stat("received by filter"), 20);
    assert!(!f.stderr.contains("warning"), "{}", f.stderr);
}

/// `protochain` loops backwards in libpcap's program (and in ours offline), which
/// the kernel refuses: tcpdump then filters in user space. Live capture compiles
/// it unrolled, so the kernel runs it: no warning, and only matching frames reach
/// the socket.
#[test]
fn protochain_is_filtered_in_the_kernel() {
    let net = VethPair::new();
    // UDP (no TCP anywhere), TCP right after IPv4, and AH whose next header is TCP.
    let sent: Vec<Vec<u8>> = (0..30u32)
        .map(|i| {
            let mut f = udp_frame(MAC_B, i, 40 + i as usize, None, 9000);
            match i % 3 {
                1 => f[23] = 6,
                2 => {
                    f[23] = 51;
                    f[34] = 6; // AH next header
                    f[35] = 4; // AH length
                }
                _ => {}
            }
            f
        })
        .collect();
    let wanted: Vec<Vec<u8>> = sent.iter().filter(|f| f[23] != 17).cloned().collect();
    let dir = temp_dir("protochain");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(
        &net.ns_b,
        &["-i", &net.if_b, "-w", &path, "protochain", "6"],
    );
    net.send_from_a(&sent);
    r.signal("INT");
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let (_, recs) = read_pcap(Path::new(&path));
    assert_eq!(recs.into_iter().map(|r| r.data).collect::<Vec<_>>(), wanted);
    assert_eq!(f.stat("received by filter"), 20, "{}", f.stderr);
    assert!(!f.stderr.contains("warning"), "{}", f.stderr);

    // `-d -i` lists what the capture attaches: no backward jump.
    let out = Command::new("ip")
        .args([
            "netns",
            "exec",
            &net.ns_b,
            RFILTER,
            "-d",
            "-i",
            &net.if_b,
            "protochain 6",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let listing = String::from_utf8_lossy(&out.stdout);
    for line in listing.lines() {
        // "(012) ja       17": the target must come after the jump.
        let fields: Vec<&str> = line.split_whitespace().collect();
        if let [pc, "ja", target] = fields.as_slice() {
            let pc: usize = pc.trim_matches(|c| c == '(' || c == ')').parse().unwrap();
            let target: usize = target.parse().unwrap();
            assert!(target > pc, "backward jump: {line}\n{listing}");
        }
    }
    assert!(listing.lines().count() > 100, "not unrolled:\n{listing}");
}

#[test]
fn vlan_filter_matches_kernel_stripped_tags() {
    let net = VethPair::new();
    let mut sent = Vec::new();
    for i in 0..5 {
        sent.push(udp_frame(MAC_B, i, 64, Some(100), 9000));
        sent.push(udp_frame(MAC_B, i, 64, Some(200), 9000));
        sent.push(udp_frame(MAC_B, i, 64, None, 9000));
        sent.push(udp_frame(MAC_B, i, 64, Some(100), 9001));
    }
    for (expr, keep) in [
        (
            "vlan 100",
            &(|f: &Vec<u8>| f[12] == 0x81 && f[15] == 100) as &dyn Fn(&Vec<u8>) -> bool,
        ),
        ("vlan 100 and udp dst port 9001", &|f: &Vec<u8>| {
            f[15] == 100 && f[12] == 0x81 && f[41] == 0x29
        }),
        ("not vlan", &|f: &Vec<u8>| f[12] != 0x81),
    ] {
        let dir = temp_dir("vlanf");
        let path = w_path(&dir);
        let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-w", &path, expr]);
        net.send_from_a(&sent);
        r.signal("INT");
        let f = r.finish_within(Duration::from_secs(10));
        assert_eq!(f.code, Some(0), "{expr}: {f:?}");
        let wanted: Vec<Vec<u8>> = sent.iter().filter(|f| keep(f)).cloned().collect();
        let (_, recs) = read_pcap(Path::new(&path));
        assert_eq!(
            recs.into_iter().map(|r| r.data).collect::<Vec<_>>(),
            wanted,
            "{expr}"
        );
    }
}

#[test]
fn any_with_filter_fixed_up_for_the_kernel() {
    let net = VethPair::new();
    let sent = mixed_ports(30);
    for y in ["LINUX_SLL", "LINUX_SLL2"] {
        let dir = temp_dir("anyf");
        let path = w_path(&dir);
        let mut r = net.rfilter_in(
            &net.ns_b,
            &[
                "-i",
                "any",
                "-y",
                y,
                "-w",
                &path,
                "udp dst port 9001 and ip",
            ],
        );
        net.send_from_a(&sent);
        r.signal("INT");
        let f = r.finish_within(Duration::from_secs(10));
        assert_eq!(f.code, Some(0), "{f:?}");
        let hdr = if y == "LINUX_SLL" { 16 } else { 20 };
        let got: Vec<Vec<u8>> = read_pcap(Path::new(&path))
            .1
            .into_iter()
            .map(|r| r.data[hdr..].to_vec())
            .collect();
        let wanted: Vec<Vec<u8>> = sent
            .iter()
            .filter(|f| dport(f) == 9001)
            .map(|f| f[14..].to_vec())
            .collect();
        assert_eq!(got, wanted, "{y}");
        // Filtered in the kernel (the program was fixed up, not punted).
        assert_eq!(f.stat("received by filter"), 15, "{y}: {}", f.stderr);
    }
}

#[test]
fn programs_the_kernel_cannot_run_are_run_in_userspace_with_the_same_result() {
    let net = VethPair::new();
    let sent = mixed_ports(30);
    // 1. `len` on a cooked capture: the kernel's length lacks the cooked header, so
    //    the program runs here (silently, as libpcap punts such programs).
    let dir = temp_dir("user1");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", "any", "-w", &path, "len >= 200"]);
    net.send_from_a(&sent);
    r.signal("INT");
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let got: Vec<Vec<u8>> = read_pcap(Path::new(&path))
        .1
        .into_iter()
        .map(|r| r.data[20..].to_vec())
        .collect();
    let wanted: Vec<Vec<u8>> = sent
        .iter()
        .filter(|f| f.len() - 14 + 20 >= 200)
        .map(|f| f[14..].to_vec())
        .collect();
    assert!(!wanted.is_empty() && wanted.len() < sent.len());
    assert_eq!(got, wanted);
    assert!(!f.stderr.contains("warning"), "{}", f.stderr);

    // 2. Longer than the kernel's 4096 instructions: one warning, same packets.
    //    Unoptimized (-O): the optimizer makes this port list a search tree of
    //    about 2200 instructions, which the kernel runs.
    let ports: Vec<String> = (0..1200)
        .map(|p| format!("udp dst port {}", 10_000 + p))
        .collect();
    let expr = format!("{} or udp dst port 9001", ports.join(" or "));
    let dir = temp_dir("user2");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(&net.ns_b, &["-O", "-i", &net.if_b, "-w", &path, &expr]);
    net.send_from_a(&sent);
    r.signal("INT");
    let f = r.finish_within(Duration::from_secs(20));
    assert_eq!(f.code, Some(0), "{f:?}");
    let warnings = f.stderr.lines().filter(|l| l.contains("warning")).count();
    assert_eq!(warnings, 1, "{}", f.stderr);
    assert!(f.stderr.contains("filtering in userspace"), "{}", f.stderr);
    let got: Vec<Vec<u8>> = read_pcap(Path::new(&path))
        .1
        .into_iter()
        .map(|r| r.data)
        .collect();
    let wanted: Vec<Vec<u8>> = sent.iter().filter(|f| dport(f) == 9001).cloned().collect();
    assert_eq!(got, wanted);
    assert_eq!(f.stat("captured"), 15);
    assert_eq!(f.stat("received by filter"), 30);
}

#[test]
fn inbound_and_outbound_use_the_packet_type() {
    let net = VethPair::new();
    let sent = frames(4, None);
    let dir = temp_dir("outbound");
    let path = w_path(&dir);
    let mut out_side = net.rfilter_in(
        &net.ns_a,
        &["-i", &net.if_a, "-c", "4", "-w", &path, "outbound"],
    );
    let mut in_side = net.rfilter_in(&net.ns_a, &["-i", &net.if_a, "inbound"]);
    net.send_from_a(&sent);
    let f = out_side.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    assert_eq!(
        read_pcap(Path::new(&path))
            .1
            .into_iter()
            .map(|r| r.data)
            .collect::<Vec<_>>(),
        sent
    );
    in_side.signal("INT");
    let g = in_side.finish_within(Duration::from_secs(10));
    assert_eq!(g.stat("captured"), 0, "{}", g.stderr);
    assert_eq!(g.stat("received by filter"), 0, "{}", g.stderr);
}

#[test]
fn bad_filter_is_a_one_expression_error_before_capturing() {
    let net = VethPair::new();
    let out = Command::new("ip")
        .args([
            "netns", "exec", &net.ns_b, RFILTER, "-i", &net.if_b, "udp port",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with("rfilter: "), "{err}");
    assert!(!err.contains("listening"), "{err}");
}

/// rfilter and tcpdump capturing side by side in B's namespace with `args`
/// while A sends `sent`; both must end on their own (`-c`) with status 0.
fn beside_tcpdump(net: &VethPair, args: &[&str], sent: &[Vec<u8>]) -> (Finished, Finished) {
    let mut ours = net.rfilter_in(&net.ns_b, args);
    let mut cmd = Command::new("ip");
    cmd.args(["netns", "exec", &net.ns_b, "tcpdump"]).args(args);
    let mut theirs = Rfilter::spawn(cmd, true);
    net.send_from_a(sent);
    let a = ours.finish_within(Duration::from_secs(10));
    let b = theirs.finish_within(Duration::from_secs(10));
    assert_eq!(a.code, Some(0), "{a:?}");
    assert_eq!(b.code, Some(0), "tcpdump: {b:?}");
    (a, b)
}

#[test]
fn printed_lines_match_tcpdump_capturing_the_same_frames() {
    let net = VethPair::new();
    let mut sent = mixed_ports(12);
    sent.extend(frames(4, Some(100)));
    let n = sent.len().to_string();
    for dev in [net.if_b.as_str(), "any"] {
        let (a, b) = beside_tcpdump(&net, &["-i", dev, "-n", "-t", "-c", &n], &sent);
        let a_out = String::from_utf8_lossy(&a.stdout);
        let b_out = String::from_utf8_lossy(&b.stdout);
        assert_eq!(a_out.lines().count(), sent.len(), "{dev}");
        assert_eq!(a_out, b_out, "{dev}");
        // All of stderr too (start lines and counters), with tcpdump's name replaced.
        assert_eq!(a.stderr, b.stderr.replace("tcpdump:", "rfilter:"), "{dev}");
    }
}

fn promiscuity(ns: &str, ifname: &str) -> u32 {
    let out = Command::new("ip")
        .args(["-n", ns, "-d", "link", "show", ifname])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let rest = text
        .split("promiscuity ")
        .nth(1)
        .unwrap_or_else(|| panic!("no promiscuity in {text}"));
    rest.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn promiscuous_mode_unless_p() {
    let net = VethPair::new();
    assert_eq!(promiscuity(&net.ns_b, &net.if_b), 0);
    for (args, expected) in [(vec![], 1), (vec!["-p"], 0)] {
        let mut full = vec!["-i", net.if_b.as_str()];
        full.extend(args);
        let mut r = net.rfilter_in(&net.ns_b, &full);
        assert_eq!(promiscuity(&net.ns_b, &net.if_b), expected, "{full:?}");
        r.signal("INT");
        assert_eq!(r.finish_within(Duration::from_secs(10)).code, Some(0));
        // Membership ends with the socket.
        assert_eq!(promiscuity(&net.ns_b, &net.if_b), 0);
    }
}

#[test]
fn loopback_packets_are_seen_once() {
    let net = VethPair::new();
    let sent: Vec<Vec<u8>> = (0..5)
        .map(|i| udp_frame([0; 6], i, 50, None, 9000))
        .collect();
    let dir = temp_dir("lo");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", "lo", "-w", &path]);
    send_frames(&net.ns_b, "lo", &sent);
    r.signal("INT");
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let got: Vec<Vec<u8>> = read_pcap(Path::new(&path))
        .1
        .into_iter()
        .map(|r| r.data)
        .collect();
    assert_eq!(got, sent);
    // The kernel hands over both the outgoing and the looped-back copy, as tcpdump's
    // counters show.
    assert_eq!(f.stat("received by filter"), 10);
}

#[test]
fn filter_file_with_comments() {
    let net = VethPair::new();
    let dir = temp_dir("ffile");
    let path = w_path(&dir);
    let ffile = dir.join("filter.txt");
    std::fs::write(
        &ffile,
        "udp dst port 9001 # the odd frames\n  and ip # IPv4 only\n",
    )
    .unwrap();
    let sent = mixed_ports(10);
    let ffile = ffile.to_string_lossy().into_owned();
    let mut r = net.rfilter_in(
        &net.ns_b,
        &["-i", &net.if_b, "-c", "5", "-w", &path, "-F", &ffile],
    );
    net.send_from_a(&sent);
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let got: Vec<Vec<u8>> = read_pcap(Path::new(&path))
        .1
        .into_iter()
        .map(|r| r.data)
        .collect();
    let wanted: Vec<Vec<u8>> = sent.iter().filter(|f| dport(f) == 9001).cloned().collect();
    assert_eq!(got, wanted);
}

#[test]
fn a_failing_output_is_one_line_with_the_counters() {
    let net = VethPair::new();
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-c", "3", "-w", "/dev/full"]);
    net.send_from_a(&frames(3, None));
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(1), "{f:?}");
    let errors: Vec<&str> = f
        .stderr
        .lines()
        .filter(|l| l.contains("No space left on device"))
        .collect();
    assert_eq!(
        errors,
        ["rfilter: /dev/full: No space left on device"],
        "{}",
        f.stderr
    );
    assert_eq!(f.stat("captured"), 3);
}

#[test]
fn an_interface_taken_down_and_up_again_keeps_the_capture_going() {
    let net = VethPair::new();
    let dir = temp_dir("downup");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-c", "6", "-w", &path]);
    net.send_from_a(&frames(3, None));
    std::thread::sleep(Duration::from_millis(200));
    for state in ["down", "up"] {
        let out = Command::new("ip")
            .args(["-n", &net.ns_b, "link", "set", &net.if_b, state])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    // Wait for the carrier again, then send the rest.
    for _ in 0..250 {
        let out = Command::new("ip")
            .args(["-n", &net.ns_b, "-o", "link", "show", &net.if_b])
            .output()
            .unwrap();
        if String::from_utf8_lossy(&out.stdout).contains("LOWER_UP") {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    net.send_from_a(&frames(3, None));
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    assert_eq!(read_pcap(Path::new(&path)).1.len(), 6);
}

#[test]
fn any_with_linux_sll_puts_vlan_tags_back_before_the_protocol() {
    let net = VethPair::new();
    let sent = vec![
        udp_frame(MAC_B, 1, 80, Some(100), 9000),
        udp_frame(MAC_B, 2, 80, None, 9000),
    ];
    let dir = temp_dir("anyvlan");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(
        &net.ns_b,
        &["-i", "any", "-y", "LINUX_SLL", "-c", "2", "-w", &path],
    );
    net.send_from_a(&sent);
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let recs = read_pcap(Path::new(&path)).1;
    assert_eq!(recs.len(), 2);
    // Tagged: SLL header up to the protocol, the tag, then 0x0800 and the IP packet.
    assert_eq!(&recs[0].data[14..20], &[0x81, 0x00, 0x00, 100, 0x08, 0x00]);
    assert_eq!(&recs[0].data[20..], &sent[0][18..]);
    assert_eq!(recs[0].len as usize, 16 + 4 + sent[0].len() - 18);
    assert_eq!(&recs[1].data[14..16], &[0x08, 0x00]);
    assert_eq!(&recs[1].data[16..], &sent[1][14..]);
}

#[test]
fn ip_broadcast_uses_the_interface_netmask() {
    let net = VethPair::new();
    let add = Command::new("ip")
        .args([
            "-n",
            &net.ns_b,
            "addr",
            "add",
            "10.0.0.2/24",
            "dev",
            &net.if_b,
        ])
        .output()
        .unwrap();
    assert!(add.status.success(), "{add:?}");
    let mut to_bcast = udp_frame(BROADCAST, 1, 40, None, 9000);
    // Destination address 10.0.0.255 (and a checksum that no one checks here).
    to_bcast[30..34].copy_from_slice(&[10, 0, 0, 255]);
    let to_host = udp_frame(MAC_B, 2, 40, None, 9000);
    let dir = temp_dir("bcast");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &net.if_b, "-w", &path, "ip broadcast"]);
    net.send_from_a(&[to_host.clone(), to_bcast.clone(), to_host]);
    r.signal("INT");
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let got: Vec<Vec<u8>> = read_pcap(Path::new(&path))
        .1
        .into_iter()
        .map(|r| r.data)
        .collect();
    assert_eq!(got, vec![to_bcast]);
}

#[test]
fn unsupported_link_type_is_refused_as_tcpdump_does() {
    let net = VethPair::new();
    for y in ["RAW", "LINUX_SLL"] {
        let ours = Command::new("ip")
            .args([
                "netns", "exec", &net.ns_b, RFILTER, "-i", &net.if_b, "-y", y,
            ])
            .output()
            .unwrap();
        let theirs = Command::new("ip")
            .args([
                "netns", "exec", &net.ns_b, "tcpdump", "-i", &net.if_b, "-y", y,
            ])
            .output()
            .unwrap();
        assert_eq!(ours.status.code(), Some(1), "{ours:?}");
        assert_eq!(theirs.status.code(), Some(1), "tcpdump: {theirs:?}");
        let theirs = String::from_utf8_lossy(&theirs.stderr).replacen("tcpdump:", "rfilter:", 1);
        assert_eq!(String::from_utf8_lossy(&ours.stderr), theirs);
    }
}

#[test]
fn an_interface_can_be_given_by_its_d_number() {
    let net = VethPair::new();
    let list = Command::new("ip")
        .args(["netns", "exec", &net.ns_b, RFILTER, "-D"])
        .output()
        .unwrap();
    let list = String::from_utf8_lossy(&list.stdout).into_owned();
    let number = list
        .lines()
        .find_map(|l| {
            let (n, rest) = l.split_once('.')?;
            rest.starts_with(&format!("{} ", net.if_b))
                .then(|| n.to_string())
        })
        .unwrap_or_else(|| panic!("{} not in -D list:\n{list}", net.if_b));
    let dir = temp_dir("number");
    let path = w_path(&dir);
    let mut r = net.rfilter_in(&net.ns_b, &["-i", &number, "-c", "2", "-w", &path]);
    net.send_from_a(&frames(2, None));
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    assert!(
        f.stderr.contains(&format!("listening on {},", net.if_b)),
        "{}",
        f.stderr
    );
    for bad in ["0", "99"] {
        let out = Command::new("ip")
            .args(["netns", "exec", &net.ns_b, RFILTER, "-i", bad])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "rfilter: Invalid adapter index\n"
        );
    }
}

#[test]
fn immediate_mode_and_inout_capture_everything() {
    let net = VethPair::new();
    let dir = temp_dir("immediate");
    let path = w_path(&dir);
    let sent = frames(8, None);
    let mut r = net.rfilter_in(
        &net.ns_b,
        &[
            "-i",
            &net.if_b,
            "--immediate-mode",
            "-Q",
            "inout",
            "-c",
            "8",
            "-w",
            &path,
        ],
    );
    net.send_from_a(&sent);
    let f = r.finish_within(Duration::from_secs(10));
    assert_eq!(f.code, Some(0), "{f:?}");
    let got: Vec<Vec<u8>> = read_pcap(Path::new(&path))
        .1
        .into_iter()
        .map(|r| r.data)
        .collect();
    assert_eq!(got, sent);
}

/// `--count` on a live capture prints nothing on standard output (tcpdump
/// prints the count only after reading files); the counters on standard error
/// are tcpdump's.
#[test]
fn count_only_live_prints_no_total_as_tcpdump() {
    let net = VethPair::new();
    let sent = mixed_ports(6);
    let n = sent.len().to_string();
    let args = ["-i", net.if_b.as_str(), "-n", "--count", "-c", &n];
    let (a, b) = beside_tcpdump(&net, &args, &sent);
    assert_eq!(a.stdout, b.stdout);
    assert!(a.stdout.is_empty(), "{:?}", a.stdout);
    assert_eq!(a.stat("captured"), sent.len() as u64, "{}", a.stderr);
    assert_eq!(a.stderr, b.stderr.replace("tcpdump:", "rfilter:"));
}
