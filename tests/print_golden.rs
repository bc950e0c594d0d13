//! Golden tests: rfilter's printer against the tcpdump binary, line by line, over
//! captures generated here (normal and malformed packets, every link type) and
//! with each flag combination. tcpdump must be installed (the tests fail otherwise).
mod print_support;

use print_support::build::*;
use print_support::{Rec, assert_same, tmpdir, write_pcap};
use rfilter::LinkType;

mod build_mod {
    pub use super::print_support::build;
}

const A4: [u8; 4] = [10, 0, 0, 1];
const B4: [u8; 4] = [10, 0, 0, 2];
const NS4: [u8; 4] = [10, 0, 0, 53];

/// TCP options: mss, sackOK, timestamps, nop, wscale.
fn syn_opts() -> Vec<u8> {
    let mut o = vec![2, 4, 0x05, 0xb4, 4, 2, 8, 10];
    o.extend_from_slice(&1u32.to_be_bytes());
    o.extend_from_slice(&0u32.to_be_bytes());
    o.extend_from_slice(&[1, 3, 3, 7]);
    o
}

/// IPv4 packets (without link header) covering the decoders.
fn ipv4_packets() -> Vec<Vec<u8>> {
    let ps = Pseudo::V4(A4, B4);
    let rps = Pseudo::V4(B4, A4);
    let mut v = Vec::new();
    let tcp = |t: &Tcp, ps: &Pseudo, src, dst, payload: &[u8]| {
        Ip4::new(src, dst, 6).build(&t.build(ps, payload))
    };
    // A connection: handshake, data, SACK, FIN, RST.
    let mut syn = Tcp::new(40000, 443, 0x02, 1000, 0);
    syn.options = syn_opts();
    v.push(tcp(&syn, &ps, A4, B4, b""));
    v.push(tcp(
        &Tcp::new(443, 40000, 0x12, 5000, 1001),
        &rps,
        B4,
        A4,
        b"",
    ));
    v.push(tcp(
        &Tcp::new(40000, 443, 0x10, 1001, 5001),
        &ps,
        A4,
        B4,
        b"",
    ));
    v.push(tcp(
        &Tcp::new(40000, 443, 0x18, 1001, 5001),
        &ps,
        A4,
        B4,
        b"hello world",
    ));
    let mut sack = Tcp::new(443, 40000, 0x10, 5001, 1012);
    sack.options = vec![1, 1, 5, 10];
    sack.options.extend_from_slice(&1100u32.to_be_bytes());
    sack.options.extend_from_slice(&1200u32.to_be_bytes());
    v.push(tcp(&sack, &rps, B4, A4, b""));
    v.push(tcp(
        &Tcp::new(40000, 443, 0x11, 1012, 5001),
        &ps,
        A4,
        B4,
        b"",
    ));
    v.push(tcp(
        &Tcp::new(443, 40000, 0x14, 5001, 1013),
        &rps,
        B4,
        A4,
        b"reset reason text",
    ));
    let mut urg = Tcp::new(40001, 23, 0x38, 7, 9);
    urg.urp = 3;
    v.push(tcp(&urg, &ps, A4, B4, b"abc"));
    let mut ece = Tcp::new(40002, 8443, 0xc2, 77, 0);
    ece.bad_sum = true;
    v.push(tcp(&ece, &ps, A4, B4, b""));
    // Odd options: unknown, md5-ish length, bad length, eol.
    let mut odd = Tcp::new(40003, 443, 0x18, 1, 1);
    odd.options = vec![31, 6, 1, 2, 3, 4, 99, 4, 0xaa, 0xbb, 0, 0];
    v.push(tcp(&odd, &ps, A4, B4, b"x"));
    let mut bad = Tcp::new(40004, 443, 0x10, 1, 1);
    bad.options = vec![2, 9, 0, 0];
    v.push(tcp(&bad, &ps, A4, B4, b""));
    // Multipath TCP options of every subtype, TCP-MD5, fast open, UTO, TCP-AO.
    let mp: &[(u8, &[u8])] = &[
        (0x02, &[0x00, 0x81, 1, 2, 3, 4, 5, 6, 7, 8]),
        (0x12, &[0x10, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4]),
        (0x02, &[0x10, 0x01, 0, 0, 0, 5, 0, 0, 0, 6]),
        (
            0x10,
            &[
                0x10, 0x00, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            ],
        ),
        (
            0x10,
            &[0x20, 0x05, 0, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0, 9, 0, 0x10],
        ),
        (
            0x10,
            &[
                0x20, 0x15, 0, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0, 9, 0, 0x10, 0xab, 0xcd,
            ],
        ),
        (
            0x10,
            &[0x20, 0x01, 0, 0, 0, 1, 0, 0, 0, 2, 0, 4, 0x12, 0x34],
        ),
        // DSS with 8-byte data ack and 8-byte sequence number, then one cut short.
        (
            0x10,
            &[
                0x20, 0x0f, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0, 0, 0, 9, 0,
                0x10, 0xab, 0xcd,
            ],
        ),
        (0x10, &[0x20, 0x03, 1, 2, 3, 4]),
        (0x10, &[0x34, 0x03, 10, 0, 0, 5]),
        (
            0x10,
            &[
                0x31, 0x03, 10, 0, 0, 5, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
            ],
        ),
        (0x10, &[0x40, 1, 2, 3]),
        (0x10, &[0x51, 7]),
        (0x10, &[0x60, 0, 0, 0, 0, 0, 0, 0, 0, 9]),
        (
            0x10,
            &[0x70, 0, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12, 0x12],
        ),
        (0x10, &[0x89, 5]),
        (
            0x10,
            &[0x01, 0x01, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        ),
    ];
    for (fl, body) in mp {
        let mut t = Tcp::new(40020, 5000, *fl, 1, 1);
        t.options = vec![30, body.len() as u8 + 2];
        t.options.extend_from_slice(body);
        while !t.options.len().is_multiple_of(4) {
            t.options.push(0);
        }
        v.push(tcp(&t, &ps, A4, B4, b""));
    }
    for opt in [
        &[
            19u8, 18, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0,
        ][..],
        &[34, 2, 0, 0],
        &[34, 6, 1, 2, 3, 4, 0, 0],
        &[254, 8, 0xf9, 0x89, 1, 2, 3, 4],
        &[28, 4, 0x80, 1],
        &[29, 6, 1, 2, 0xaa, 0xbb, 0, 0],
    ] {
        let mut t = Tcp::new(40021, 179, 0x10, 1, 1);
        t.options = opt.to_vec();
        v.push(tcp(&t, &ps, A4, B4, b""));
    }
    // HTTP request and response lines.
    v.push(tcp(
        &Tcp::new(40010, 80, 0x18, 1, 1),
        &ps,
        A4,
        B4,
        b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n",
    ));
    v.push(tcp(
        &Tcp::new(80, 40010, 0x18, 1, 1),
        &rps,
        B4,
        A4,
        b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
    ));
    v.push(tcp(
        &Tcp::new(40011, 80, 0x18, 1, 1),
        &ps,
        A4,
        B4,
        &[b'G'; 300],
    ));
    // SSH banner.
    v.push(tcp(
        &Tcp::new(22, 40012, 0x18, 1, 1),
        &rps,
        B4,
        A4,
        b"SSH-2.0-OpenSSH_9.0\r\n",
    ));
    // DNS over TCP.
    let q = dns_query(0x1234, "example.com", 1, 0x0100, 0);
    let mut framed = (q.len() as u16).to_be_bytes().to_vec();
    framed.extend_from_slice(&q);
    v.push(tcp(&Tcp::new(40013, 53, 0x18, 1, 1), &ps, A4, B4, &framed));
    // UDP: DNS queries and responses.
    let dps = Pseudo::V4(A4, NS4);
    let rdps = Pseudo::V4(NS4, A4);
    let udp4 = |src, dst, p: Vec<u8>| Ip4::new(src, dst, 17).build(&p);
    v.push(udp4(
        A4,
        NS4,
        udp(
            &dps,
            50000,
            53,
            &dns_query(1, "www.example.com", 1, 0x0100, 0),
            false,
        ),
    ));
    v.push(udp4(
        A4,
        NS4,
        udp(
            &dps,
            50000,
            53,
            &dns_query(2, "example.org", 28, 0x0100, 1),
            false,
        ),
    ));
    v.push(udp4(
        A4,
        NS4,
        udp(
            &dps,
            50000,
            53,
            &dns_query(3, "4.3.2.1.in-addr.arpa", 12, 0x0000, 0),
            false,
        ),
    ));
    v.push(udp4(
        A4,
        NS4,
        udp(
            &dps,
            50000,
            53,
            &dns_query(4, "example.net", 15, 0x0110, 0),
            true,
        ),
    ));
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_response(
                1,
                "www.example.com",
                1,
                0,
                &[(1, vec![1, 2, 3, 4]), (1, vec![5, 6, 7, 8])],
            ),
            false,
        ),
    ));
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_response(2, "example.org", 28, 0, &[(28, v6("2001:db8::1").to_vec())]),
            false,
        ),
    ));
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_response(
                5,
                "www.example.com",
                1,
                0,
                &[(5, vec![3, b'w', b'e', b'b', 0xc0, 16])],
            ),
            false,
        ),
    ));
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_response(
                6,
                "example.com",
                15,
                0,
                &[(15, vec![0, 10, 4, b'm', b'a', b'i', b'l', 0xc0, 12])],
            ),
            false,
        ),
    ));
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_response(
                7,
                "example.com",
                16,
                0,
                &[(16, b"\x05hello\x05world".to_vec())],
            ),
            false,
        ),
    ));
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_response(8, "nx.example.com", 1, 3, &[]),
            false,
        ),
    ));
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_response(
                9,
                "example.com",
                2,
                0,
                &[(2, vec![2, b'n', b's', 0xc0, 12])],
            ),
            false,
        ),
    ));
    // EDNS options (cookie, client subnet, padding, keepalive, unknown) and an
    // NXDOMAIN answer carrying an SOA.
    for opts in [
        vec![(10u16, &b"12345678"[..])],
        vec![(10, &b"1234567890abcdef"[..]), (12, &[0u8; 7][..])],
        vec![(8, &[0, 1, 24, 0, 10, 0, 1][..])],
        vec![(8, &[0, 2, 56, 0, 0x20, 1, 0x0d, 0xb8, 0, 0, 0][..])],
        vec![(11, &[0, 150][..]), (99, &b"ab"[..]), (3, &b""[..])],
        vec![(10, &b"123"[..])],
    ] {
        v.push(udp4(
            A4,
            NS4,
            udp(
                &dps,
                50000,
                53,
                &dns_query_edns(21, "example.com", &opts),
                false,
            ),
        ));
    }
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_nxdomain_soa(22, "nx.example.com"),
            false,
        ),
    ));
    // A bad compression pointer (forward) and a truncated message.
    v.push(udp4(
        NS4,
        A4,
        udp(
            &rdps,
            53,
            50000,
            &dns_response(10, "example.com", 5, 0, &[(5, vec![0xc0, 200])]),
            false,
        ),
    ));
    v.push(udp4(
        A4,
        NS4,
        udp(
            &dps,
            50000,
            53,
            &dns_query(11, "example.com", 1, 0x0100, 0)[..20],
            false,
        ),
    ));
    // Broadcom LI shim on source port 49152 (raw, IPv4 inside, undecided).
    let inner_ip = Ip4::new(B4, A4, 17).build(&udp(&Pseudo::V4(B4, A4), 7, 8, b"li", false));
    for shim in [0x8080_8080u32, 0x6a00_0001, 0x6800_0002, 0x2e40_0003] {
        let mut p = shim.to_be_bytes().to_vec();
        p.extend_from_slice(&inner_ip);
        v.push(udp4(A4, B4, udp(&ps, 49152, 5004, &p, false)));
    }
    v.push(udp4(A4, B4, udp(&ps, 49152, 5004, &[1, 2], false)));
    // Syslog: priorities, a non-printable message byte, malformed headers.
    for msg in [
        &b"<34>Oct 11 22:14:15 host su: test\x01\xff end"[..],
        b"<191>x",
        b"<9999>x",
        b"hello",
        b"<13",
        b"<200>x",
    ] {
        v.push(udp4(A4, B4, udp(&ps, 50000, 514, msg, false)));
    }
    // Plain UDP, zero checksum, bad checksum, lying length.
    v.push(udp4(A4, B4, udp(&ps, 50001, 5004, &[0x80; 160], false)));
    let mut z = udp(&ps, 50002, 9999, b"abcd", false);
    z[6] = 0;
    z[7] = 0;
    v.push(udp4(A4, B4, z));
    v.push(udp4(A4, B4, udp(&ps, 50003, 9999, b"abcd", true)));
    let mut lie = udp(&ps, 50004, 9999, b"abcd", false);
    lie[4..6].copy_from_slice(&100u16.to_be_bytes());
    v.push(udp4(A4, B4, lie));
    let mut short = udp(&ps, 50005, 9999, b"abcd", false);
    short[4..6].copy_from_slice(&4u16.to_be_bytes());
    v.push(udp4(A4, B4, short));
    // ICMP: echo, unreachables, redirect, time exceeded, param problem, others.
    let ips = Pseudo::None;
    let inner = Ip4::new(B4, A4, 17).build(&udp(&Pseudo::V4(B4, A4), 1000, 2000, b"", false));
    let inner_tcp = Ip4::new(B4, A4, 6)
        .build(&Tcp::new(1000, 80, 0x02, 1, 0).build(&Pseudo::V4(B4, A4), b"")[..8]);
    let icmp4 = |p: Vec<u8>| Ip4::new(A4, B4, 1).build(&p);
    v.push(icmp4(icmp(&ips, 8, 0, &[0, 1, 0, 1], &[0x61; 56])));
    v.push(icmp4(icmp(&ips, 0, 0, &[0, 1, 0, 1], &[0x61; 56])));
    for code in 0..16u8 {
        let mtu = if code == 4 { [0, 0, 5, 0xdc] } else { [0; 4] };
        v.push(icmp4(icmp(&ips, 3, code, &mtu, &inner)));
    }
    v.push(icmp4(icmp(&ips, 3, 3, &[0; 4], &inner_tcp)));
    for code in 0..5u8 {
        v.push(icmp4(icmp(&ips, 5, code, &[10, 0, 0, 254], &inner)));
    }
    v.push(icmp4(icmp(&ips, 11, 0, &[0; 4], &inner)));
    v.push(icmp4(icmp(&ips, 11, 1, &[0; 4], &inner)));
    v.push(icmp4(icmp(&ips, 12, 0, &[20, 0, 0, 0], &inner)));
    v.push(icmp4(icmp(&ips, 12, 2, &[0; 4], &inner)));
    v.push(icmp4(icmp(&ips, 4, 0, &[0; 4], &inner)));
    v.push(icmp4(icmp(&ips, 13, 0, &[0, 7, 0, 9], &[0; 12])));
    v.push(icmp4(icmp(
        &ips,
        14,
        0,
        &[0, 7, 0, 9],
        &[0, 0, 0, 1, 0, 0x52, 0x65, 0xc0, 0, 0x52, 0x65, 0xc1],
    )));
    v.push(icmp4(icmp(&ips, 17, 0, &[0, 1, 0, 1], &[0; 4])));
    v.push(icmp4(icmp(&ips, 18, 0, &[0, 1, 0, 1], &[255, 255, 255, 0])));
    v.push(icmp4(icmp(&ips, 10, 0, &[0; 4], b"")));
    v.push(icmp4(icmp(
        &ips,
        9,
        0,
        &[1, 2, 0x07, 0x08],
        &[10, 0, 0, 254, 0, 0, 0, 0],
    )));
    v.push(icmp4(icmp(&ips, 42, 0, &[0; 4], b"")));
    let mut badsum = icmp(&ips, 8, 0, &[0, 2, 0, 3], b"zz");
    badsum[2] ^= 0xff;
    v.push(icmp4(badsum));
    // IPv4: options, fragments, bad checksum, unknown protocol, tos/ECN, DF.
    let mut rr = Ip4::new(A4, B4, 1);
    rr.options = vec![7, 11, 4, 10, 0, 0, 9, 0, 0, 0, 0, 0, 0];
    rr.options.push(0);
    rr.options.extend_from_slice(&[0, 0]);
    v.push(rr.build(&icmp(&ips, 8, 0, &[0, 3, 0, 4], b"")));
    let mut ra = Ip4::new(A4, B4, 253);
    ra.options = vec![148, 4, 0, 0];
    v.push(ra.build(&[0x16, 0, 0xfa, 0x04, 224, 0, 0, 251]));
    let mut ts = Ip4::new(A4, B4, 1);
    ts.options = vec![68, 12, 5, 0, 0, 0, 0, 1, 0, 0, 0, 2];
    v.push(ts.build(&icmp(&ips, 8, 0, &[0, 3, 0, 5], b"")));
    let mut nop = Ip4::new(A4, B4, 6);
    nop.options = vec![1, 1, 1, 0];
    v.push(nop.build(&Tcp::new(1, 2, 0x02, 3, 0).build(&Pseudo::V4(A4, B4), b"")));
    let mut f1 = Ip4::new(A4, B4, 17);
    f1.off = 0x2000;
    f1.id = 777;
    v.push(f1.build(&udp(&ps, 1, 2, &[7; 40], false)[..24]));
    let mut f2 = Ip4::new(A4, B4, 17);
    f2.off = 3;
    f2.id = 777;
    v.push(f2.build(&[7; 24]));
    let mut df = Ip4::new(A4, B4, 6);
    df.off = 0x4000;
    df.tos = 0x12;
    df.ttl = 1;
    v.push(df.build(&Tcp::new(5, 6, 0x02, 3, 0).build(&Pseudo::V4(A4, B4), b"")));
    let mut ce = Ip4::new(A4, B4, 200);
    ce.tos = 0x03;
    ce.bad_sum = true;
    v.push(ce.build(b"abc"));
    v.push(Ip4::new(A4, B4, 41).build(&ip6(v6("fd00::1"), v6("fd00::2"), 59, 64, b"")));
    v.push(Ip4::new(A4, B4, 4).build(&Ip4::new(B4, A4, 253).build(b"in")));
    // IGMP v1/v2/v3, VRRP v2/v3, ESP.
    let igmp = |ty: u8, code: u8, rest: &[u8]| {
        let mut m = vec![ty, code, 0, 0];
        m.extend_from_slice(rest);
        let s = csum(&[&m]);
        m[2..4].copy_from_slice(&s.to_be_bytes());
        m
    };
    let mc = [224, 0, 0, 251];
    v.push(Ip4::new(A4, mc, 2).build(&igmp(0x16, 0, &mc)));
    v.push(Ip4::new(A4, mc, 2).build(&igmp(0x17, 0, &mc)));
    v.push(Ip4::new(A4, mc, 2).build(&igmp(0x12, 0, &mc)));
    v.push(Ip4::new(A4, [224, 0, 0, 1], 2).build(&igmp(0x11, 100, &[0; 4])));
    v.push(Ip4::new(A4, [224, 0, 0, 1], 2).build(&igmp(0x11, 0, &mc)));
    v.push(Ip4::new(A4, [224, 0, 0, 1], 2).build(&igmp(0x11, 20, &[0, 0, 0, 0, 2, 125, 0, 0])));
    v.push(Ip4::new(A4, mc, 2).build(&igmp(
        0x11,
        150,
        &[224, 0, 0, 251, 2, 125, 0, 2, 10, 0, 0, 1, 10, 0, 0, 2],
    )));
    v.push(Ip4::new(A4, [224, 0, 0, 22], 2).build(&igmp(
        0x22,
        0,
        &[
            0, 0, 0, 2, 4, 0, 0, 0, 239, 1, 1, 1, 1, 0, 0, 1, 239, 2, 2, 2, 10, 0, 0, 9,
        ],
    )));
    let mut bad_igmp = igmp(0x16, 0, &mc);
    bad_igmp[3] ^= 0x55;
    v.push(Ip4::new(A4, mc, 2).build(&bad_igmp));
    v.push(Ip4::new(A4, mc, 2).build(&igmp(0x99, 0, &mc)));
    let mut vr = vec![
        0x21, 1, 100, 2, 1, 1, 0, 0, 10, 0, 0, 254, 10, 0, 0, 253, b'p', b'w', 0, 0, 0, 0, 0, 0,
    ];
    let s = csum(&[&vr]);
    vr[6..8].copy_from_slice(&s.to_be_bytes());
    let mut vrrp_ip = Ip4::new(A4, [224, 0, 0, 18], 112);
    vrrp_ip.ttl = 255;
    v.push(vrrp_ip.build(&vr));
    v.push(vrrp_ip.build(&[0x31, 2, 200, 1, 0, 100, 0x12, 0x34, 10, 0, 0, 254]));
    v.push(Ip4::new(A4, B4, 50).build(&[0, 0, 0x10, 1, 0, 0, 0, 5, 0xaa, 0xbb]));
    // GRE: plain IPv4, key+seq+checksum IPv6, keep-alive, Ethernet (TEB), PPTP.
    let gre_inner = Ip4::new([192, 168, 0, 1], [192, 168, 0, 2], 1).build(&icmp(
        &Pseudo::None,
        8,
        0,
        &[0, 1, 0, 1],
        b"",
    ));
    v.push(Ip4::new(A4, B4, 47).build(&[&[0u8, 0, 8, 0][..], &gre_inner].concat()));
    let gre6 = ip6(v6("fd00::1"), v6("fd00::2"), 59, 64, b"");
    v.push(
        Ip4::new(A4, B4, 47).build(
            &[
                &[
                    0xb0u8, 0, 0x86, 0xdd, 0x12, 0x34, 0, 0, 0, 0, 0, 42, 0, 0, 0, 7,
                ][..],
                &gre6,
            ]
            .concat(),
        ),
    );
    v.push(Ip4::new(A4, B4, 47).build(&[0, 0, 0, 0]));
    v.push(
        Ip4::new(A4, B4, 47).build(
            &[
                &[0u8, 0, 0x65, 0x58][..],
                &ether(MAC_B, MAC_A, 0x0800, &gre_inner),
            ]
            .concat(),
        ),
    );
    v.push(Ip4::new(A4, B4, 47).build(&[0x30, 0x81, 0x88, 0x0b, 0, 0, 0, 9, 0, 0, 0, 3]));
    v.push(Ip4::new(A4, B4, 47).build(&[0x20, 0x01, 0x88, 0x0b, 0, 0, 0, 9]));
    v.push(Ip4::new(A4, B4, 47).build(&[0x00, 0x05, 0x08, 0x00]));
    v.push(Ip4::new(A4, B4, 47).build(&[0x00]));
    // Lengths that lie: ip total shorter than header, longer than the frame.
    let mut lie =
        Ip4::new(A4, B4, 6).build(&Tcp::new(1, 2, 0x02, 3, 0).build(&Pseudo::V4(A4, B4), b""));
    lie[2..4].copy_from_slice(&12u16.to_be_bytes());
    v.push(lie);
    let mut long = Ip4::new(A4, B4, 17).build(&udp(&ps, 7, 8, b"xyz", false));
    long[2..4].copy_from_slice(&400u16.to_be_bytes());
    v.push(long);
    let mut hl = Ip4::new(A4, B4, 17).build(&udp(&ps, 7, 8, b"xyz", false));
    hl[0] = 0x44;
    v.push(hl);
    let mut ver = Ip4::new(A4, B4, 17).build(&udp(&ps, 7, 8, b"xyz", false));
    ver[0] = 0x55;
    v.push(ver);
    // TCP header length lies.
    let mut th = Tcp::new(1, 2, 0x10, 3, 4).build(&ps, b"");
    th[12] = 0x30;
    v.push(Ip4::new(A4, B4, 6).build(&th));
    let mut th2 = Tcp::new(1, 2, 0x10, 3, 4).build(&ps, b"");
    th2[12] = 0xf0;
    v.push(Ip4::new(A4, B4, 6).build(&th2));
    v
}

fn ipv6_packets() -> Vec<Vec<u8>> {
    let s = v6("fd00::1");
    let d = v6("fd00::2");
    let ps = Pseudo::V6(s, d);
    let mut v = Vec::new();
    let mut syn = Tcp::new(40000, 443, 0x02, 1, 0);
    syn.options = syn_opts();
    v.push(ip6(s, d, 6, 64, &syn.build(&ps, b"")));
    v.push(ip6(
        d,
        s,
        6,
        64,
        &Tcp::new(443, 40000, 0x12, 9, 2).build(&Pseudo::V6(d, s), b""),
    ));
    v.push(ip6(
        s,
        d,
        6,
        64,
        &Tcp::new(40000, 443, 0x18, 2, 10).build(&ps, &[b'T'; 30]),
    ));
    v.push(ip6(
        s,
        d,
        17,
        64,
        &udp(
            &ps,
            50000,
            53,
            &dns_query(5, "example.org", 28, 0x0100, 0),
            false,
        ),
    ));
    v.push(ip6(s, d, 17, 64, &udp(&ps, 50000, 7777, b"payload", true)));
    v.push(ip6(
        s,
        d,
        58,
        64,
        &icmp(&ps, 128, 0, &[0, 1, 0, 1], b"ping"),
    ));
    v.push(ip6(
        d,
        s,
        58,
        64,
        &icmp(&Pseudo::V6(d, s), 129, 0, &[0, 1, 0, 1], b"ping"),
    ));
    let ll = v6("fe80::1");
    let mc = v6("ff02::1");
    let nps = Pseudo::V6(ll, mc);
    let mut ns_body = v6("fe80::2").to_vec();
    ns_body.extend_from_slice(&[1, 1, 2, 0, 0, 0, 0, 1]);
    v.push(ip6(ll, mc, 58, 255, &icmp(&nps, 135, 0, &[0; 4], &ns_body)));
    let mut na_body = v6("fe80::2").to_vec();
    na_body.extend_from_slice(&[2, 1, 2, 0, 0, 0, 0, 2]);
    v.push(ip6(
        ll,
        mc,
        58,
        255,
        &icmp(&nps, 136, 0, &[0x60, 0, 0, 0], &na_body),
    ));
    v.push(ip6(
        ll,
        v6("ff02::2"),
        58,
        255,
        &icmp(
            &Pseudo::V6(ll, v6("ff02::2")),
            133,
            0,
            &[0; 4],
            &[1, 1, 2, 0, 0, 0, 0, 1],
        ),
    ));
    let mut ra = vec![0, 0, 0, 0, 0, 0, 0, 0];
    ra.extend_from_slice(&[
        3, 4, 64, 0xc0, 0, 0, 0x0e, 0x10, 0, 0, 0x07, 0x08, 0, 0, 0, 0,
    ]);
    ra.extend_from_slice(&v6("2001:db8::"));
    ra.extend_from_slice(&[5, 1, 0, 0, 0, 0, 0x05, 0xdc]);
    v.push(ip6(
        ll,
        mc,
        58,
        255,
        &icmp(&nps, 134, 0, &[64, 0, 0x07, 0x08], &ra),
    ));
    let inner = ip6(
        d,
        s,
        17,
        64,
        &udp(&Pseudo::V6(d, s), 1000, 2000, b"", false),
    );
    for code in 0..5u8 {
        v.push(ip6(s, d, 58, 64, &icmp(&ps, 1, code, &[0; 4], &inner)));
    }
    v.push(ip6(s, d, 58, 64, &icmp(&ps, 2, 0, &[0, 0, 5, 0], &inner)));
    v.push(ip6(s, d, 58, 64, &icmp(&ps, 3, 0, &[0; 4], &inner)));
    v.push(ip6(s, d, 58, 64, &icmp(&ps, 3, 1, &[0; 4], &inner)));
    v.push(ip6(s, d, 58, 64, &icmp(&ps, 4, 1, &[0, 0, 0, 6], &inner)));
    let mut mld = vec![4, 0, 0, 0];
    mld.extend_from_slice(&v6("ff02::fb"));
    v.push(ip6(
        ll,
        v6("ff02::16"),
        58,
        1,
        &icmp(&Pseudo::V6(ll, v6("ff02::16")), 143, 0, &[0, 0, 0, 1], &mld),
    ));
    v.push(ip6(s, d, 58, 64, &icmp(&ps, 200, 0, &[0; 4], b"??")));
    // Extension headers: hop-by-hop with router alert, destination options,
    // fragment (first and later).
    let mut hbh = vec![58, 0, 5, 2, 0, 0, 1, 0];
    hbh.extend_from_slice(&icmp(
        &Pseudo::V6(ll, v6("ff02::16")),
        143,
        0,
        &[0, 0, 0, 1],
        &mld,
    ));
    v.push(ip6(ll, v6("ff02::16"), 0, 1, &hbh));
    let mut dst = vec![17, 0, 1, 4, 0, 0, 0, 0];
    dst.extend_from_slice(&udp(&ps, 3, 4, b"x", false));
    v.push(ip6(s, d, 60, 64, &dst));
    let mut fr = vec![17, 0, 0, 1, 0, 0, 0, 42];
    fr.extend_from_slice(&udp(&ps, 5, 6, &[1; 16], false)[..16]);
    v.push(ip6(s, d, 44, 64, &fr));
    let mut fr2 = vec![17, 0, 0, 16, 0, 0, 0, 42];
    fr2.extend_from_slice(&[1; 8]);
    v.push(ip6(s, d, 44, 64, &fr2));
    v.push(ip6(s, d, 59, 64, b""));
    v.push(ip6(s, d, 99, 64, b"unknown"));
    let mut tc = ip6(s, d, 17, 64, &udp(&ps, 1, 2, b"z", false));
    tc[1] = 0x2f;
    tc[2] = 0x12;
    tc[3] = 0x34;
    v.push(tc);
    let mut lie = ip6(s, d, 17, 64, &udp(&ps, 1, 2, b"z", false));
    lie[4..6].copy_from_slice(&300u16.to_be_bytes());
    v.push(lie);
    v
}

fn frames() -> Vec<Vec<u8>> {
    let mut f = Vec::new();
    for p in ipv4_packets() {
        f.push(ether(MAC_B, MAC_A, 0x0800, &p));
    }
    for p in ipv6_packets() {
        f.push(ether(MAC_B, MAC_A, 0x86dd, &p));
    }
    let bcast = [0xff; 6];
    f.push(ether(bcast, MAC_A, 0x0806, &arp(1, MAC_A, A4, [0; 6], B4)));
    f.push(ether(MAC_A, MAC_B, 0x0806, &arp(2, MAC_B, B4, MAC_A, A4)));
    f.push(ether(bcast, MAC_A, 0x0806, &arp(1, MAC_A, A4, MAC_B, B4)));
    f.push(ether(
        bcast,
        MAC_A,
        0x8035,
        &arp(3, MAC_A, [0; 4], MAC_A, [0; 4]),
    ));
    f.push(ether(bcast, MAC_A, 0x8035, &arp(4, MAC_B, B4, MAC_A, A4)));
    f.push(ether(bcast, MAC_A, 0x0806, &arp(9, MAC_A, A4, MAC_B, B4)));
    f.push(ether(
        bcast,
        MAC_A,
        0x0806,
        &arp(1, MAC_A, A4, [0; 6], B4)[..20],
    ));
    let mut odd = arp(1, MAC_A, A4, [0; 6], B4);
    odd[2] = 0x86;
    odd[3] = 0xdd;
    f.push(ether(bcast, MAC_A, 0x0806, &odd));
    // VLAN tags (802.1Q, QinQ, DEI, priority).
    let ip = Ip4::new(A4, B4, 17).build(&udp(&Pseudo::V4(A4, B4), 1, 2, b"vlan", false));
    f.push(ether(MAC_B, MAC_A, 0x8100, &vlan(100, 0x0800, &ip)));
    f.push(ether(
        MAC_B,
        MAC_A,
        0x88a8,
        &vlan(0x3000 | 10, 0x8100, &vlan(0xa000 | 20, 0x0800, &ip)),
    ));
    f.push(ether(
        MAC_B,
        MAC_A,
        0x8100,
        &vlan(5, 0x0806, &arp(1, MAC_A, A4, [0; 6], B4)),
    ));
    f.push(ether(
        MAC_B,
        MAC_A,
        0x8100,
        &vlan(5, 0x1234, b"unknown inside vlan"),
    ));
    f.push(ether(MAC_B, MAC_A, 0x8100, &[0, 1]));
    // LLDP (summary line; -v TLV details are not reproduced, so only in the
    // non-verbose test below).
    // Unknown ethertypes and 802.3/LLC.
    f.push(ether(MAC_B, MAC_A, 0x1234, &[0x7a; 40]));
    let mut llc = vec![0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x00];
    llc.extend_from_slice(&ip);
    f.push(ether(MAC_B, MAC_A, llc.len() as u16, &llc));
    f.push(ether(MAC_B, MAC_A, 7, &[0xf0, 0xf0, 0x03, 1, 2, 3, 4]));
    f.push(ether(MAC_B, MAC_A, 6, &[0xe0, 0xe1, 0xf3, 0x00, 9, 9]));
    f.push(ether(MAC_B, MAC_A, 4, &[0x04, 0x05, 0x01, 0x02]));
    f.push(ether(MAC_B, MAC_A, 5, &[0x06, 0x06, 0x03, 0x45, 0x00]));
    // Spanning tree: 802.1D config, RSTP, TCN, MSTP with one MSTI, odd ones.
    let stp_mac = [0x01, 0x80, 0xc2, 0, 0, 0];
    let bpdu = |body: &[u8]| {
        let mut l = vec![0x42, 0x42, 0x03];
        l.extend_from_slice(body);
        ether(stp_mac, MAC_A, l.len() as u16, &l)
    };
    let mut cfg = vec![
        0, 0, 0, 0, 0x81, 0x80, 0, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0, 0, 4,
    ];
    cfg.extend_from_slice(&[0x80, 1, 0, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0x80, 1]);
    cfg.extend_from_slice(&[0, 32, 20, 0, 2, 0, 15, 0]);
    f.push(bpdu(&cfg));
    let mut rstp = cfg.clone();
    rstp[2] = 2;
    rstp[3] = 2;
    rstp[4] = 0x3c;
    rstp.push(0);
    f.push(bpdu(&rstp));
    f.push(bpdu(&[0, 0, 0, 0x80]));
    let mut mst = rstp.clone();
    mst[2] = 3;
    mst[4] = 0x7c;
    mst.extend_from_slice(&[0, 80, 0]);
    let mut name = b"region1".to_vec();
    name.resize(32, 0);
    mst.extend_from_slice(&name);
    mst.extend_from_slice(&[0, 1]);
    mst.extend_from_slice(&[0xaa; 16]);
    mst.extend_from_slice(&[0, 0, 0, 7, 0x80, 0, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 20]);
    mst.extend_from_slice(&[
        0x7c, 0x80, 1, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0, 0, 9, 0x80, 0x80, 20,
    ]);
    f.push(bpdu(&mst));
    f.push(bpdu(&[0, 1, 0, 0]));
    f.push(bpdu(&[0, 0, 7, 0]));
    f.push(bpdu(&[0, 0, 0, 0, 1]));
    f.push(bpdu(&[0, 0]));
    // Runt frames.
    f.push(MAC_B[..5].to_vec());
    f.push(ether(MAC_B, MAC_A, 0x0800, b""));
    f.push(ether(MAC_B, MAC_A, 0x86dd, &[0x60, 0, 0]));
    f
}

fn recs(frames: Vec<Vec<u8>>) -> Vec<Rec> {
    frames
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            Rec::full(
                1_700_000_000 + (i as i64) * 37,
                (i as u32 * 7919) % 1_000_000,
                d,
            )
        })
        .collect()
}

const FLAG_SETS: &[&[&str]] = &[
    &["-n"],
    &["-nv"],
    &["-nvv"],
    &["-nvvv"],
    &["-ne"],
    &["-nx"],
    &["-nxx"],
    &["-nX"],
    &["-nXX"],
    &["-nA"],
    &["-nS"],
    &["-nq"],
    &["-nK", "-v"],
    &["-n", "-tt"],
    &["-n", "-ttt"],
    &["-n", "-tttt"],
    &["-n", "-ttttt"],
    &["-n", "-t", "-#"],
    &["-nev"],
];

#[test]
fn ethernet_all_protocols() {
    let dir = tmpdir("ether");
    let path = dir.join("ether.pcap");
    write_pcap(&path, LinkType::En10mb, &recs(frames()), false);
    assert_same(&path, FLAG_SETS);
}

#[test]
fn nanosecond_precision() {
    let dir = tmpdir("nano");
    let path = dir.join("nano.pcap");
    let mut r = recs(frames().into_iter().take(10).collect());
    for (i, x) in r.iter_mut().enumerate() {
        x.ts.nsec = 123_456_789 + i as i64;
    }
    write_pcap(&path, LinkType::En10mb, &r, true);
    assert_same(
        &path,
        &[
            &["-n", "--time-stamp-precision", "nano"],
            &["-n", "-ttt", "--time-stamp-precision=nano"],
        ],
    );
}

/// Every frame cut at every snapshot length up to 80 bytes (wire length intact).
#[test]
fn snaplen_cuts() {
    let dir = tmpdir("cuts");
    let path = dir.join("cuts.pcap");
    let mut out = Vec::new();
    for (i, f) in frames().into_iter().enumerate() {
        for cut in (1..f.len().min(80)).step_by(if i % 3 == 0 { 1 } else { 5 }) {
            let mut r = Rec::full(1_700_000_000 + i as i64, cut as u32, f[..cut].to_vec());
            r.wire_len = f.len() as u32;
            out.push(r);
        }
    }
    write_pcap(&path, LinkType::En10mb, &out, false);
    assert_same(&path, &[&["-n"], &["-nv"], &["-ne"], &["-nx"]]);
}

fn ip_packets() -> Vec<Vec<u8>> {
    let mut v = ipv4_packets();
    v.extend(ipv6_packets());
    v
}

#[test]
fn linux_cooked_v1() {
    let dir = tmpdir("sll");
    let path = dir.join("sll.pcap");
    let mut f = Vec::new();
    for (i, p) in ip_packets().into_iter().enumerate() {
        let proto = if p[0] >> 4 == 6 { 0x86dd } else { 0x0800 };
        f.push(sll((i % 5) as u16, proto, &p));
    }
    f.push(sll(0, 0x0806, &arp(1, MAC_A, A4, [0; 6], B4)));
    f.push(sll(4, 0x1234, b"unknown"));
    f.push(sll(1, 0x0004, &[0xaa, 0xaa, 0x03, 0, 0, 0, 0x08, 0x06]));
    f.push(sll(0, 0x0003, b"raw"));
    f.push(sll(0, 0x8100, &vlan(7, 0x0800, &ip_packets()[0])));
    f.push(vec![0, 0, 0, 1]);
    write_pcap(&path, LinkType::LinuxSll, &recs(f), false);
    assert_same(
        &path,
        &[&["-n"], &["-nv"], &["-ne"], &["-nx"], &["-nq"], &["-neq"]],
    );
}

#[test]
fn linux_cooked_v2() {
    let dir = tmpdir("sll2");
    let path = dir.join("sll2.pcap");
    let mut f = Vec::new();
    for (i, p) in ip_packets().into_iter().enumerate() {
        let proto = if p[0] >> 4 == 6 { 0x86dd } else { 0x0800 };
        f.push(sll2((i % 5) as u8, proto, 1 + i as u32 % 3, &p));
    }
    f.push(sll2(0, 0x0806, 2, &arp(1, MAC_A, A4, [0; 6], B4)));
    f.push(sll2(4, 0x1234, 2, b"unknown"));
    f.push(vec![0, 0, 0, 1]);
    write_pcap(&path, LinkType::LinuxSll2, &recs(f), false);
    assert_same(&path, &[&["-n"], &["-nv"], &["-ne"], &["-nx"]]);
}

#[test]
fn raw_and_loopback() {
    let dir = tmpdir("raw");
    for lt in [
        LinkType::Raw,
        LinkType::Ipv4,
        LinkType::Ipv6,
        LinkType::Null,
        LinkType::Loop,
    ] {
        let path = dir.join(format!("{}.pcap", lt.name()));
        let mut f = Vec::new();
        for p in ip_packets() {
            let is6 = p[0] >> 4 == 6;
            match lt {
                LinkType::Null | LinkType::Loop => {
                    let af: u32 = if is6 { 30 } else { 2 };
                    let mut h = if lt == LinkType::Null {
                        af.to_le_bytes()
                    } else {
                        af.to_be_bytes()
                    }
                    .to_vec();
                    h.extend_from_slice(&p);
                    f.push(h);
                }
                LinkType::Ipv4 if is6 => {}
                LinkType::Ipv6 if !is6 => {}
                _ => f.push(p),
            }
        }
        if matches!(lt, LinkType::Null | LinkType::Loop) {
            f.push(vec![99, 0, 0, 0, 1, 2, 3]);
            f.push(vec![0, 0]);
        } else {
            f.push(vec![0x70, 1, 2]);
        }
        write_pcap(&path, lt, &recs(f), false);
        assert_same(&path, &[&["-n"], &["-nv"], &["-ne"], &["-nx"]]);
    }
}

#[allow(dead_code)]
fn _keep(_: build_mod::build::Pseudo) {}

/// Without -n: host names (reverse lookups through the same resolver tcpdump
/// uses), service and protocol names, "Broadcast" and OUI vendor names.
#[test]
fn names_without_n() {
    let dir = tmpdir("names");
    let path = dir.join("names.pcap");
    write_pcap(&path, LinkType::En10mb, &recs(frames()), false);
    assert_same(&path, &[&[], &["-e"], &["-v"]]);
}

/// NTP (all verbosity levels) and BOOTP/DHCP (the summary line: its -v details are
/// not reproduced).
#[test]
fn ntp_and_bootp() {
    let dir = tmpdir("ntp");
    let path = dir.join("ntp.pcap");
    let ps = Pseudo::V4(A4, B4);
    let mut ntp = vec![0x23u8];
    ntp.extend_from_slice(&[0; 47]);
    let mut ntp_srv = vec![0x24u8];
    ntp_srv.extend_from_slice(&[0; 47]);
    let mut boot = vec![1u8, 1, 6, 0];
    boot.extend_from_slice(&[0; 24]);
    boot.extend_from_slice(&MAC_A);
    boot.extend_from_slice(&[0; 202]);
    let mut reply = boot.clone();
    reply[0] = 2;
    // A server reply with every field set, a primary reference, leap alarm and
    // negative poll/precision, key id and MAC trailers, a short one, control and
    // private modes.
    let mut full = vec![
        0x24u8, 2, 6, 0xec, 0, 0, 1, 0x65, 0, 0, 0, 0xb2, 0xdd, 0xfd, 0x47, 0x29,
    ];
    for ts in [
        0xd9ca_9446_820a_5000u64,
        0xd9ca_9451_938a_3771,
        0xd9ca_9451_94bd_3fff,
        0xd9ca_9451_94bd_4001,
    ] {
        full.extend_from_slice(&ts.to_be_bytes());
    }
    let mut prim = full.clone();
    prim[0] = 0xe4;
    prim[1] = 1;
    prim[2] = 0xfa;
    prim[12..16].copy_from_slice(b"GPS\0");
    let mut back = full.clone();
    back[24..32].copy_from_slice(&0xd9ca_9452_0000_0001u64.to_be_bytes());
    let mut keyed = full.clone();
    keyed.extend_from_slice(&7u32.to_be_bytes());
    let mut macd = keyed.clone();
    macd.extend_from_slice(&[0xab; 16]);
    let control = vec![
        0x1e, 0x82, 0, 5, 6, 0x15, 0, 0, 0, 0, 0, 4, b'a', b'b', b'c', b'd',
    ];
    let f: Vec<Vec<u8>> = [
        udp(&ps, 123, 123, &ntp, false),
        udp(&ps, 123, 40000, &ntp_srv, false),
        udp(&ps, 123, 123, &full, false),
        udp(&ps, 123, 123, &prim, false),
        udp(&ps, 123, 123, &back, false),
        udp(&ps, 123, 123, &keyed, false),
        udp(&ps, 123, 123, &macd, false),
        udp(&ps, 123, 123, &full[..30], false),
        udp(&ps, 123, 123, &control, false),
        udp(&ps, 123, 123, &control[..4], false),
        udp(&ps, 123, 123, &[0x27; 48], false),
        udp(&ps, 68, 67, &boot, false),
        udp(&ps, 67, 68, &reply, false),
        udp(&ps, 68, 67, &boot[..10], false),
    ]
    .into_iter()
    .map(|u| ether(MAC_B, MAC_A, 0x0800, &Ip4::new(A4, B4, 17).build(&u)))
    .collect();
    write_pcap(&path, LinkType::En10mb, &recs(f[..11].to_vec()), false);
    assert_same(
        &path,
        &[&["-n"], &["-ne"], &["-nx"], &["-nq"], &["-nv"], &["-nvvv"]],
    );
    let path = dir.join("bootp.pcap");
    write_pcap(&path, LinkType::En10mb, &recs(f[11..].to_vec()), false);
    assert_same(&path, &[&["-n"], &["-ne"], &["-nx"], &["-nq"]]);
}

/// LLDP summary lines and their truncation check.
#[test]
fn lldp_summaries() {
    let dir = tmpdir("lldp");
    let path = dir.join("lldp.pcap");
    let dst = [0x01, 0x80, 0xc2, 0, 0, 0x0e];
    let good = [
        &[0x02u8, 0x07, 0x04, 0x02, 0, 0, 0, 0, 0x01][..],
        &[0x04, 0x05, 0x05, b'e', b't', b'h', b'0'],
        &[0x06, 0x02, 0x00, 0x78],
        &[0x00, 0x00],
    ]
    .concat();
    let f = vec![
        ether(dst, MAC_A, 0x88cc, &good),
        ether(dst, MAC_A, 0x88cc, &good[..12]),
        ether(
            dst,
            MAC_A,
            0x88cc,
            &[
                0x02, 0x07, 0x04, 0x02, 0, 0, 0, 0, 0x01, 0x04, 0x03, 0x05, b'e', b't', b'h', b'0',
            ],
        ),
        ether(dst, MAC_A, 0x88cc, &[0x02]),
    ];
    write_pcap(&path, LinkType::En10mb, &recs(f), false);
    assert_same(&path, &[&["-n"], &["-ne"], &["-nx"]]);
}
