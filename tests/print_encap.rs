//! Golden tests for the encapsulation printers (PPPoE and PPP, MPLS, VXLAN,
//! Geneve), BOOTP/DHCP and LLDP: rfilter against the tcpdump binary, line by
//! line, over hand-built captures, each flag set, and every frame cut at every
//! length. tcpdump must be installed (the tests fail otherwise).
mod print_support;

use print_support::build::*;
use print_support::mutate::{Xorshift64Star, mutate_frame};
use print_support::{Rec, assert_same, opts, tmpdir, write_pcap};
use rfilter::LinkType;

const A4: [u8; 4] = [10, 0, 0, 1];
const B4: [u8; 4] = [10, 0, 0, 2];

fn recs(frames: &[Vec<u8>]) -> Vec<Rec> {
    frames
        .iter()
        .enumerate()
        .map(|(i, d)| {
            Rec::full(
                1_700_000_000 + i as i64,
                (i as u32 * 7919) % 1_000_000,
                d.clone(),
            )
        })
        .collect()
}

/// Every frame cut at every length below its size (wire length kept).
fn cuts(frames: &[Vec<u8>]) -> Vec<Rec> {
    let mut out = Vec::new();
    for (i, f) in frames.iter().enumerate() {
        for cut in 1..f.len() {
            let mut r = Rec::full(1_700_000_000 + i as i64, cut as u32, f[..cut].to_vec());
            r.wire_len = f.len() as u32;
            out.push(r);
        }
    }
    out
}

fn check(name: &str, frames: &[Vec<u8>], flags: &[&[&str]], cut_flags: &[&[&str]]) {
    let dir = tmpdir(name);
    let path = dir.join(format!("{name}.pcap"));
    write_pcap(&path, LinkType::En10mb, &recs(frames), false);
    assert_same(&path, flags);
    if !cut_flags.is_empty() {
        let path = dir.join(format!("{name}-cuts.pcap"));
        write_pcap(&path, LinkType::En10mb, &cuts(frames), false);
        assert_same(&path, cut_flags);
    }
}

const FLAGS: &[&[&str]] = &[
    &["-n"],
    &["-nv"],
    &["-nvv"],
    &["-nvvv"],
    &["-ne"],
    &["-nev"],
    &["-nx"],
    &["-nq"],
    &[],
    &["-v"],
];
const CUT_FLAGS: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-ne"], &["-nx"]];

fn ipv4_udp(payload: &[u8], sport: u16, dport: u16) -> Vec<u8> {
    Ip4::new(A4, B4, 17).build(&udp(&Pseudo::V4(A4, B4), sport, dport, payload, false))
}

fn ipv4_icmp() -> Vec<u8> {
    Ip4::new(A4, B4, 1).build(&icmp(&Pseudo::None, 8, 0, &[0, 1, 0, 2], b"ping"))
}

fn ipv6_udp() -> Vec<u8> {
    let s = v6("fd00::1");
    let d = v6("fd00::2");
    ip6(
        s,
        d,
        17,
        64,
        &udp(&Pseudo::V6(s, d), 1000, 2000, b"hello", false),
    )
}

// ---------------------------------------------------------------- PPPoE / PPP

fn pppoe(code: u8, sid: u16, payload: &[u8]) -> Vec<u8> {
    let mut v = vec![0x11, code];
    v.extend_from_slice(&sid.to_be_bytes());
    v.extend_from_slice(&(payload.len() as u16).to_be_bytes());
    v.extend_from_slice(payload);
    v
}

fn tag(t: u16, v: &[u8]) -> Vec<u8> {
    let mut o = t.to_be_bytes().to_vec();
    o.extend_from_slice(&(v.len() as u16).to_be_bytes());
    o.extend_from_slice(v);
    o
}

/// A control-protocol packet: code, id, length, data.
fn cp(code: u8, id: u8, data: &[u8]) -> Vec<u8> {
    let mut v = vec![code, id];
    v.extend_from_slice(&(data.len() as u16 + 4).to_be_bytes());
    v.extend_from_slice(data);
    v
}

fn ppp(proto: u16, body: &[u8]) -> Vec<u8> {
    let mut v = proto.to_be_bytes().to_vec();
    v.extend_from_slice(body);
    v
}

fn session(p: &[u8]) -> Vec<u8> {
    ether(MAC_B, MAC_A, 0x8864, &pppoe(0, 0x1234, p))
}

fn pppoe_frames() -> Vec<Vec<u8>> {
    let disc = |code, sid, p: &[u8]| ether(MAC_B, MAC_A, 0x8863, &pppoe(code, sid, p));
    let mut f = vec![
        disc(
            0x09,
            0,
            &[tag(0x0101, b""), tag(0x0103, &[1, 2, 3, 4])].concat(),
        ),
        disc(
            0x07,
            0,
            &[
                tag(0x0102, b"access-concentrator-1"),
                tag(0x0101, b"internet"),
                tag(0x0104, &[0xde, 0xad, 0xbe, 0xef, 0, 1, 2, 3]),
                tag(0x0103, &[1, 2, 3, 4]),
            ]
            .concat(),
        ),
        disc(
            0x19,
            0,
            &[tag(0x0101, b"internet"), tag(0x0120, &[5, 0xdc])].concat(),
        ),
        disc(0x65, 0x0042, &tag(0x0101, b"internet")),
        disc(0xa7, 0x0042, &tag(0x0203, b"session closed\x01")),
        disc(0xa7, 0x0042, b""),
        disc(
            0x33,
            0,
            &[tag(0x0777, b"ab"), tag(0x0105, &[0, 0, 0x0d, 0xe9, 1])].concat(),
        ),
        disc(
            0x09,
            0,
            &[
                tag(0x0101, &[b'x'; 100]),
                tag(0, b""),
                tag(0x0102, b"after-eol"),
            ]
            .concat(),
        ),
        disc(
            0x09,
            0,
            &[tag(0x0201, b"a\x01\x02b"), tag(0x0110, b"abc\x80")].concat(),
        ),
    ];
    // Version/type not 1, length beyond the frame, huge PADI length.
    let mut odd = pppoe(0x09, 0, &tag(0x0101, b""));
    odd[0] = 0x23;
    f.push(ether(MAC_B, MAC_A, 0x8863, &odd));
    let mut long = pppoe(0x07, 0, &tag(0x0102, b"ac"));
    long[5] = 0x40;
    f.push(ether(MAC_B, MAC_A, 0x8863, &long));
    let mut huge = pppoe(0x09, 0, &tag(0x0101, b""));
    huge[4] = 0x06;
    f.push(ether(MAC_B, MAC_A, 0x8863, &huge));
    f.push(ether(MAC_B, MAC_A, 0x8863, &[0x11, 0x09, 0, 0]));

    // LCP.
    let lcp_opts = [
        &[1u8, 4, 0x05, 0xd4][..],
        &[2, 6, 0, 0, 0, 0],
        &[3, 5, 0xc2, 0x23, 5],
        &[5, 6, 0x12, 0x34, 0x56, 0x78],
        &[7, 2],
        &[8, 2],
    ]
    .concat();
    let lcp = |code, data: &[u8]| session(&ppp(0xc021, &cp(code, 7, data)));
    f.push(lcp(1, &lcp_opts));
    f.push(lcp(2, &lcp_opts));
    f.push(lcp(3, &[3, 4, 0xc0, 0x23]));
    f.push(lcp(
        4,
        &[13, 3, 6, 17, 4, 0x05, 0xdc, 19, 7, 2, 10, 0, 0, 1],
    ));
    f.push(lcp(
        1,
        &[
            3, 5, 0xc2, 0x23, 0x81, 3, 5, 0xc2, 0x23, 0x80, 3, 5, 0xc2, 0x23, 9,
        ],
    ));
    f.push(lcp(
        1,
        &[
            3, 4, 0xc2, 0x27, 3, 4, 0xc0, 0x27, 3, 6, 0x12, 0x34, 1, 2, 4, 4, 0xc0, 0x25,
        ],
    ));
    f.push(lcp(
        1,
        &[
            4, 8, 0x80, 0x25, 0, 0, 0, 1, 23, 4, 0, 9, 19, 9, 3, 2, 0, 0, 0, 0, 1,
        ],
    ));
    f.push(lcp(
        1,
        &[
            19, 3, 0, 19, 3, 1, 19, 4, 4, 1, 19, 3, 5, 19, 3, 9, 19, 4, 2, 1,
        ],
    ));
    f.push(lcp(1, &[0, 8, 0, 0, 0x0c, 1, 2, 3, 11, 4, 1, 2, 40, 3, 1]));
    f.push(lcp(1, &[1, 5, 0, 0, 0, 5, 4, 0, 0, 0, 0]));
    f.push(lcp(1, &[2, 4, 0, 0, 3, 3, 0, 4, 3, 0]));
    f.push(lcp(1, &[13, 2, 17, 3, 0, 23, 3, 0]));
    f.push(lcp(1, &[19, 2]));
    f.push(lcp(1, &[1, 1]));
    f.push(lcp(1, &[200, 1]));
    f.push(lcp(1, &[1, 4, 0x05, 0xd4, 5, 9]));
    f.push(lcp(1, b""));
    f.push(lcp(5, b"bye"));
    f.push(lcp(6, b""));
    f.push(lcp(7, &cp(33, 1, b"")));
    f.push(lcp(8, &[0x80, 0x57, 1, 2, 0, 4]));
    f.push(lcp(8, &[0x12, 0x34]));
    f.push(lcp(9, &[0, 0, 0, 1]));
    f.push(lcp(10, &[0, 0, 0, 1, 0xaa, 0xbb, 0xcc]));
    f.push(lcp(11, &[0, 0, 0, 2]));
    f.push(lcp(12, b"\x00\x00\x00\x03hello\x01"));
    f.push(lcp(13, &[0, 0, 0, 4, 0, 0, 0x0e, 0x10]));
    f.push(lcp(0, &[0, 0, 0, 5, 0, 0, 0x0c, 1, 2]));
    f.push(lcp(20, &[1, 2, 3, 4]));
    f.push(lcp(9, &[0, 0]));
    // Encoded length too short / too long.
    f.push(session(&ppp(0xc021, &[1, 1, 0, 2, 0, 0])));
    f.push(session(&ppp(0xc021, &[1, 1, 0, 40, 0, 0])));
    f.push(session(&ppp(0xc021, &[1, 1])));
    // IPCP.
    let ipcp = |code, data: &[u8]| session(&ppp(0x8021, &cp(code, 3, data)));
    f.push(ipcp(
        1,
        &[
            3, 6, 10, 0, 0, 1, 129, 6, 8, 8, 8, 8, 131, 6, 8, 8, 4, 4, 130, 6, 1, 1, 1, 1, 132, 6,
            1, 1, 1, 2,
        ],
    ));
    f.push(ipcp(
        3,
        &[
            2, 6, 0, 0x2d, 0x0f, 1, 1, 10, 10, 0, 0, 1, 10, 0, 0, 2, 4, 6, 1, 2, 3, 4,
        ],
    ));
    f.push(ipcp(
        1,
        &[
            2, 18, 0, 0x61, 0, 15, 0, 15, 0, 255, 0, 5, 0, 168, 1, 2, 2, 2,
        ],
    ));
    f.push(ipcp(
        1,
        &[
            2, 20, 0, 0x61, 0, 15, 0, 15, 0, 255, 0, 5, 0, 168, 1, 2, 2, 4, 0, 0,
        ],
    ));
    f.push(ipcp(1, &[2, 10, 0, 0x61, 0, 15, 0, 15, 0, 255]));
    f.push(ipcp(
        1,
        &[
            2, 6, 0x12, 0x34, 0, 0, 3, 4, 0, 0, 1, 8, 0, 0, 0, 0, 0, 0, 99, 3, 7,
        ],
    ));
    f.push(ipcp(1, &[2, 3, 0, 3, 1, 0, 3, 2]));
    // IPv6CP.
    let ip6cp = |code, data: &[u8]| session(&ppp(0x8057, &cp(code, 4, data)));
    f.push(ip6cp(
        1,
        &[1, 10, 0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55],
    ));
    f.push(ip6cp(2, &[1, 6, 1, 2, 3, 4, 2, 4, 9, 9]));
    f.push(ip6cp(1, &[1, 1]));
    // CCP and BACP.
    f.push(session(&ppp(
        0x80fd,
        &cp(
            1,
            5,
            &[
                26, 4, 0x78, 0, 21, 3, 0x2f, 24, 4, 0xe5, 3, 18, 6, 0, 0, 0, 1, 21, 2, 26, 2,
            ],
        ),
    )));
    f.push(session(&ppp(0x80fd, &cp(14, 5, b""))));
    f.push(session(&ppp(0x80fd, &cp(15, 5, &[1]))));
    f.push(session(&ppp(
        0xc02b,
        &cp(1, 6, &[1, 6, 0, 0, 0, 7, 1, 4, 0, 0, 2, 3, 0]),
    )));
    // PAP.
    f.push(session(&ppp(0xc023, &cp(1, 1, b"\x04user\x06secret"))));
    f.push(session(&ppp(
        0xc023,
        &cp(2, 1, b"\x0bLogin ok\x01\x80\xff"),
    )));
    f.push(session(&ppp(0xc023, &cp(3, 1, b"\x0cLogin failed"))));
    f.push(session(&ppp(0xc023, &cp(1, 1, b"\x04us"))));
    f.push(session(&ppp(0xc023, &cp(1, 1, b"\x04user\x09sec"))));
    f.push(session(&ppp(0xc023, &cp(1, 1, b""))));
    f.push(session(&ppp(0xc023, &cp(2, 1, b""))));
    f.push(session(&ppp(0xc023, &cp(9, 1, b"x"))));
    f.push(session(&ppp(0xc023, &[1, 1, 0, 50, 1, 2])));
    f.push(session(&ppp(0xc023, &[1, 1, 0, 2, 1, 2])));
    f.push(session(&ppp(0xc023, &[1, 1])));
    f.push(session(&ppp(0xc023, &[1])));
    // CHAP.
    f.push(session(&ppp(
        0xc223,
        &cp(1, 2, b"\x04\x01\x02\x03\x04server"),
    )));
    f.push(session(&ppp(
        0xc223,
        &cp(2, 2, b"\x10ABCDEFGHIJKLMNOPclient"),
    )));
    f.push(session(&ppp(0xc223, &cp(3, 2, b"Welcome"))));
    f.push(session(&ppp(0xc223, &cp(4, 2, b"Denied\n"))));
    f.push(session(&ppp(0xc223, &cp(9, 2, b""))));
    f.push(session(&ppp(0xc223, &cp(1, 2, b"\x09\x01"))));
    f.push(session(&ppp(0xc223, &[1, 2])));
    // Payloads: IPv4, IPv6, address/control, compressed protocol field,
    // MPLS, MLPPP, compressed data, unknown protocols.
    f.push(session(&ppp(0x0021, &ipv4_icmp())));
    f.push(session(&ppp(0x0057, &ipv6_udp())));
    f.push(session(
        &[&[0xff, 0x03][..], &ppp(0x0021, &ipv4_icmp())].concat(),
    ));
    f.push(session(&[&[0x21][..], &ipv4_icmp()].concat()));
    f.push(session(&ppp(
        0x0281,
        &[&[0, 0x06, 0x41, 0x40][..], &ipv4_icmp()].concat(),
    )));
    f.push(session(&ppp(0x003d, &[0x80, 0x05, 1, 2])));
    f.push(session(&ppp(0x003d, &[0xc0, 0x05])));
    f.push(session(&ppp(0x003d, &[0x0f])));
    f.push(session(&ppp(0x00fd, &[1, 2, 3])));
    f.push(session(&ppp(0x8023, &cp(1, 1, &[1, 2]))));
    f.push(session(&ppp(0x0031, &[1, 2, 3])));
    f.push(session(&ppp(0x4321, &[1, 2, 3, 4, 5])));
    f.push(session(&ppp(0xc02d, &[1, 2])));
    f.push(session(&ppp(0x0800, &ipv4_icmp())));
    f.push(session(&[0x00, 0x03, 0xc0, 0x21, 9, 1, 0, 8, 0, 0, 0, 1]));
    f.push(session(&[0x01, 0x03, 0xc0, 0x21, 10, 1, 0, 8, 0, 0, 0, 1]));
    f.push(session(&[0xff]));
    f.push(session(&[0xff, 0x03, 0xc0]));
    // Frames still carrying RFC 1662 octet stuffing (protocol 0x7eXX).
    f.push(session(&[
        0x7e, 0xff, 0x7d, 0x23, 0xc0, 0x21, 9, 1, 0, 8, 0, 0, 0, 1,
    ]));
    f.push(session(&[&[0x7e, 0x21][..], &ipv4_icmp()].concat()));
    f.push(session(&[&[0x7e, 0x57][..], &ipv6_udp()].concat()));
    f.push(session(&[0x7e, 0x80, 0x21, 1, 1, 0, 4]));
    f.push(session(&[0x7e, 0x7d]));
    f.push(session(&[0x7e, 0x7e, 0x7e, 0x7e]));
    f.push(session(&[0x7e, 0xff, 0x03, 0x7e, 0x11, 0x22, 0x33]));
    f.push(session(&[0x7e, 0x6e, 0x06, 0x01, 0x00, 0x04]));
    // Ethernet type 0x880b: PPP directly.
    f.push(ether(MAC_B, MAC_A, 0x880b, &ppp(0x0021, &ipv4_icmp())));
    f.push(ether(
        MAC_B,
        MAC_A,
        0x880b,
        &[0xff, 0x03, 0xc0, 0x21, 9, 1, 0, 8, 0, 0, 0, 1],
    ));
    f
}

/// Every option number of every control protocol at many lengths, every
/// control code with short and long data, every PAP and CHAP code.
#[test]
fn ppp_every_option_and_code() {
    let mut r = Xorshift64Star(0x00dd_ba11_0000_0005);
    let mut bytes = |n: usize| (0..n).map(|_| r.next() as u8).collect::<Vec<u8>>();
    let mut f = Vec::new();
    for (proto, max_opt) in [
        (0xc021u16, 40u8),
        (0x8021, 135),
        (0x8057, 5),
        (0x80fd, 30),
        (0xc02b, 4),
        (0x8023, 3),
        (0x8281, 3),
    ] {
        for opt in 0..max_opt {
            if proto == 0x8021 && (5..128).contains(&opt) {
                continue;
            }
            let mut opts = Vec::new();
            for l in [2usize, 3, 4, 5, 6, 7, 8, 10, 14, 16, 18] {
                opts.push(opt);
                opts.push(l as u8);
                opts.extend(bytes(l - 2));
            }
            for code in 1..=4 {
                f.push(session(&ppp(proto, &cp(code, 1, &opts))));
            }
        }
        for code in 0..17 {
            for l in [0usize, 1, 3, 4, 6, 8, 12] {
                f.push(session(&ppp(proto, &cp(code, 2, &bytes(l)))));
            }
        }
    }
    for proto in [0xc023u16, 0xc223] {
        for code in 0..6 {
            for l in [0usize, 1, 2, 3, 5, 8, 12] {
                f.push(session(&ppp(proto, &cp(code, 3, &bytes(l)))));
            }
            f.push(session(&ppp(proto, &cp(code, 3, b"\x04abcd\x03xyz"))));
        }
    }
    check(
        "ppp-sweep",
        &f,
        &[&["-n"], &["-nv"], &["-nvv"], &["-ne"]],
        &[],
    );
}

#[test]
fn pppoe_and_ppp() {
    check("pppoe", &pppoe_frames(), FLAGS, CUT_FLAGS);
}

// ---------------------------------------------------------------------- MPLS

fn label(l: u32, exp: u32, bos: bool, ttl: u32) -> [u8; 4] {
    ((l << 12) | (exp << 9) | (u32::from(bos) << 8) | ttl).to_be_bytes()
}

fn mpls_frames() -> Vec<Vec<u8>> {
    let m = |labels: &[[u8; 4]], payload: &[u8]| {
        let mut v: Vec<u8> = labels.concat();
        v.extend_from_slice(payload);
        ether(MAC_B, MAC_A, 0x8847, &v)
    };
    vec![
        m(&[label(100, 0, true, 64)], &ipv4_icmp()),
        m(
            &[label(16, 5, false, 255), label(2000, 0, true, 63)],
            &ipv6_udp(),
        ),
        m(&[label(0, 0, true, 1)], &ipv4_udp(b"abc", 1, 2)),
        m(&[label(2, 0, true, 1)], &ipv6_udp()),
        m(&[label(3, 7, true, 9)], &ipv4_icmp()),
        m(
            &[
                label(1, 0, false, 1),
                label(15, 0, false, 1),
                label(16, 1, true, 2),
            ],
            &ipv4_icmp(),
        ),
        m(&[label(1_048_575, 0, true, 0)], &[0x99, 1, 2, 3, 4, 5]),
        m(&[label(20, 0, true, 0)], b""),
        m(&[label(20, 0, false, 0)], &[0, 0]),
        ether(
            MAC_B,
            MAC_A,
            0x8848,
            &[label(30, 0, true, 5).to_vec(), ipv4_icmp()].concat(),
        ),
    ]
}

#[test]
fn mpls_label_stacks() {
    check("mpls", &mpls_frames(), FLAGS, CUT_FLAGS);
}

// ------------------------------------------------------------ VXLAN / Geneve

fn inner_frame() -> Vec<u8> {
    ether(
        [0x02, 0, 0, 0, 0, 0x0b],
        [0x02, 0, 0, 0, 0, 0x0a],
        0x0800,
        &ipv4_icmp(),
    )
}

fn overlay_frames() -> Vec<Vec<u8>> {
    let outer = |sport, dport, p: &[u8]| ether(MAC_B, MAC_A, 0x0800, &ipv4_udp(p, sport, dport));
    let vx = |flags: u8, vni: u32, inner: &[u8]| {
        let mut v = vec![flags, 0, 0, 0];
        v.extend_from_slice(&(vni << 8).to_be_bytes());
        v.extend_from_slice(inner);
        v
    };
    let geneve = |opt: &[u8], flags: u8, proto: u16, vni: u32, rsvd: u8, inner: &[u8]| {
        let mut v = vec![(opt.len() / 4) as u8, flags];
        v.extend_from_slice(&proto.to_be_bytes());
        v.extend_from_slice(&((vni << 8) | u32::from(rsvd)).to_be_bytes());
        v.extend_from_slice(opt);
        v.extend_from_slice(inner);
        v
    };
    let opts = [
        &[0x01u8, 0x02, 0x80, 0x01, 0, 0, 0, 7][..],
        &[0x00, 0x10, 0x05, 0x00],
        &[0xff, 0xf5, 0x01, 0x02, 1, 2, 3, 4, 5, 6, 7, 8],
        &[0x12, 0x34, 0x01, 0x00],
    ]
    .concat();
    let mut f = vec![
        outer(50000, 4789, &vx(0x08, 42, &inner_frame())),
        outer(4789, 4789, &vx(0x00, 0xffffff, &inner_frame())),
        outer(
            50000,
            4789,
            &vx(0x08, 1, &ether(MAC_A, MAC_B, 0x86dd, &ipv6_udp())),
        ),
        outer(
            50000,
            4789,
            &vx(0x08, 1, &ether(MAC_A, MAC_B, 0x1234, b"xyz")),
        ),
        outer(50000, 4789, &vx(0x08, 7, b"")),
        outer(50000, 4789, &[8, 0, 0]),
        outer(50000, 6081, &geneve(b"", 0, 0x6558, 10, 0, &inner_frame())),
        outer(
            50000,
            6081,
            &geneve(&opts, 0xc0, 0x6558, 0x123456, 0, &inner_frame()),
        ),
        outer(50000, 6081, &geneve(b"", 0x3f, 0x0800, 1, 9, &ipv4_icmp())),
        outer(50000, 6081, &geneve(b"", 0x80, 0x86dd, 1, 0, &ipv6_udp())),
        outer(50000, 6081, &geneve(b"", 0, 0x4444, 1, 0, b"abcd")),
        outer(
            50000,
            6081,
            &geneve(
                &[0x01, 0x02, 0x03, 0x05, 0, 0, 0, 0],
                0,
                0x6558,
                1,
                0,
                &inner_frame(),
            ),
        ),
        outer(50000, 6081, &[0x40, 0, 0x65, 0x58, 0, 0, 1, 0]),
        outer(50000, 6081, &[0x05, 0, 0x65, 0x58, 0, 0, 1, 0, 1, 2]),
    ];
    // IPv6 outer.
    let s = v6("fd00::1");
    let d = v6("fd00::2");
    f.push(ether(
        MAC_B,
        MAC_A,
        0x86dd,
        &ip6(
            s,
            d,
            17,
            64,
            &udp(&Pseudo::V6(s, d), 1, 4789, &vx(8, 5, &inner_frame()), false),
        ),
    ));
    f
}

#[test]
fn vxlan_and_geneve() {
    check("overlay", &overlay_frames(), FLAGS, CUT_FLAGS);
}

// ------------------------------------- MPLS and PPP inside GRE, MPLS over UDP

fn gre_frames() -> Vec<Vec<u8>> {
    let ipgre = |gre: &[u8]| ether(MAC_B, MAC_A, 0x0800, &Ip4::new(A4, B4, 47).build(gre));
    let mpls = [label(77, 2, true, 9).to_vec(), ipv4_icmp()].concat();
    // PPTP: GRE version 1 with key (payload length, call id), sequence and ack.
    let pptp = |ppp_frame: &[u8], ack: bool| {
        let mut g = vec![0x30, if ack { 0x81 } else { 0x01 }, 0x88, 0x0b];
        g.extend_from_slice(&(ppp_frame.len() as u16).to_be_bytes());
        g.extend_from_slice(&[0, 7, 0, 0, 0, 1]);
        if ack {
            g.extend_from_slice(&[0, 0, 0, 2]);
        }
        g.extend_from_slice(ppp_frame);
        g
    };
    vec![
        ipgre(&[&[0u8, 0, 0x88, 0x47][..], &mpls].concat()),
        ipgre(&[&[0u8, 0, 0x88, 0x48][..], &mpls].concat()),
        ipgre(&pptp(
            &[&[0xff, 0x03][..], &ppp(0x0021, &ipv4_icmp())].concat(),
            true,
        )),
        ipgre(&pptp(
            &[0xff, 0x03, 0xc0, 0x21, 1, 1, 0, 8, 1, 4, 5, 0xdc],
            false,
        )),
        ipgre(&pptp(&[0x21, 0x45], true)),
        ether(MAC_B, MAC_A, 0x0800, &ipv4_udp(&mpls, 40000, 6635)),
        // GREv1 without the key flag: no call ID is read.
        ipgre(
            &[
                &[0x10u8, 0x81, 0x88, 0x0b, 0, 0, 0, 5, 0, 0, 0, 4, 0xff, 0x03][..],
                &ppp(0x0021, &ipv4_icmp()),
            ]
            .concat(),
        ),
        ipgre(&[0x00u8, 0x81, 0x88, 0x0b, 0, 0, 0, 4]),
    ]
}

#[test]
fn gre_and_udp_carry_mpls_and_ppp() {
    check("gre", &gre_frames(), FLAGS, CUT_FLAGS);
}

// ---------------------------------------------------------------- BOOTP/DHCP

struct Bootp {
    op: u8,
    htype: u8,
    hlen: u8,
    hops: u8,
    xid: u32,
    secs: u16,
    flags: u16,
    addrs: [[u8; 4]; 4],
    sname: &'static [u8],
    file: &'static [u8],
    vend: Vec<u8>,
}

impl Bootp {
    fn new(op: u8) -> Bootp {
        Bootp {
            op,
            htype: 1,
            hlen: 6,
            hops: 0,
            xid: 0x3903_f326,
            secs: 0,
            flags: 0,
            addrs: [[0; 4]; 4],
            sname: b"",
            file: b"",
            vend: Vec::new(),
        }
    }
    fn build(&self) -> Vec<u8> {
        let mut v = vec![self.op, self.htype, self.hlen, self.hops];
        v.extend_from_slice(&self.xid.to_be_bytes());
        v.extend_from_slice(&self.secs.to_be_bytes());
        v.extend_from_slice(&self.flags.to_be_bytes());
        for a in &self.addrs {
            v.extend_from_slice(a);
        }
        let mut ch = [0u8; 16];
        ch[..6].copy_from_slice(&[0x00, 0x0b, 0x82, 0x01, 0xfc, 0x42]);
        v.extend_from_slice(&ch);
        let mut sname = [0u8; 64];
        sname[..self.sname.len()].copy_from_slice(self.sname);
        v.extend_from_slice(&sname);
        let mut file = [0u8; 128];
        file[..self.file.len()].copy_from_slice(self.file);
        v.extend_from_slice(&file);
        v.extend_from_slice(&self.vend);
        v
    }
}

fn dhcp_opts(opts: &[(u8, &[u8])]) -> Vec<u8> {
    let mut v = vec![99, 130, 83, 99];
    for (t, d) in opts {
        v.push(*t);
        v.push(d.len() as u8);
        v.extend_from_slice(d);
    }
    v.push(255);
    v
}

fn bootp_frames() -> Vec<Vec<u8>> {
    let frame =
        |b: &Bootp, sport, dport| ether(MAC_B, MAC_A, 0x0800, &ipv4_udp(&b.build(), sport, dport));
    let mut f = Vec::new();
    let mut disc = Bootp::new(1);
    disc.vend = dhcp_opts(&[
        (53, &[1]),
        (61, &[1, 0x00, 0x0b, 0x82, 0x01, 0xfc, 0x42]),
        (50, &[192, 168, 0, 10]),
        (55, &[1, 3, 6, 42, 15, 119, 121, 249, 252, 44, 46, 47, 200]),
        (57, &[5, 0xdc]),
        (12, b"laptop"),
        (60, b"MSFT 5.0"),
        (81, &[0x05, 0, 0, b'h', b'o', b's', b't']),
        (77, &[4, b'a', b'b', b'c', b'd', 2, b'x', b'y']),
    ]);
    disc.vend.extend_from_slice(&[0; 8]);
    f.push(frame(&disc, 68, 67));
    let mut offer = Bootp::new(2);
    offer.hops = 1;
    offer.secs = 9;
    offer.flags = 0x8000;
    offer.addrs = [[0; 4], [192, 168, 0, 10], [192, 168, 0, 1], [10, 1, 1, 1]];
    offer.sname = b"bootserver";
    offer.file = b"pxelinux.0";
    offer.vend = dhcp_opts(&[
        (53, &[2]),
        (54, &[192, 168, 0, 1]),
        (51, &[0, 1, 0x51, 0x80]),
        (58, &[0, 0, 0xa8, 0xc0]),
        (59, &[0, 1, 0x27, 0x50]),
        (1, &[255, 255, 255, 0]),
        (3, &[192, 168, 0, 1, 192, 168, 0, 2]),
        (6, &[8, 8, 8, 8]),
        (15, b"example.org"),
        (28, &[192, 168, 0, 255]),
        (2, &[0xff, 0xff, 0xf1, 0xf0]),
        (19, &[0, 1, 2]),
        (33, &[10, 0, 0, 0, 192, 168, 0, 1]),
        (46, &[8]),
        (52, &[3]),
        (
            121,
            &[
                24, 10, 1, 2, 192, 168, 0, 1, 0, 192, 168, 0, 254, 32, 1, 2, 3, 4, 5, 6, 7, 8,
            ],
        ),
        (249, &[8, 10, 192, 168, 0, 1]),
        (
            82,
            &[
                1, 4, b'e', b't', b'h', b'1', 2, 3, 1, 2, 3, 9, 2, 0xaa, 0xbb, 6, 1, b's',
            ],
        ),
        (43, &[1, 2, 3, 4]),
        (116, &[1]),
        (13, &[0, 4]),
        (200, &[1, 2, 3]),
        (201, &[1, 2]),
        (202, &[1, 2, 3, 4, 5, 6, 7, 8]),
        (126, &[0, 1, 0, 2, 9]),
        (42, &[1, 2, 3]),
    ]);
    f.push(frame(&offer, 67, 68));
    let mut req = Bootp::new(1);
    req.addrs = [[192, 168, 0, 10], [0; 4], [0; 4], [0; 4]];
    req.vend = dhcp_opts(&[
        (53, &[3]),
        (61, &[0, b'c', b'l', b'i', 1]),
        (61, &[0x20, 1, 2]),
        (61, b""),
        (81, &[0, 1, 2, b'x']),
        (81, &[1]),
        (121, &[1, 2]),
        (121, &[33, 1, 2, 3, 4]),
        (121, &[32, 1, 2, 3, 4]),
        (77, &[0, 1]),
        (77, &[5, 1]),
        (77, &[1]),
        (82, &[1, 9, 1]),
        (46, b""),
        (46, &[3]),
        (52, &[7]),
        (53, &[9]),
        (53, &[1, 2]),
    ]);
    f.push(frame(&req, 68, 67));
    for m in 4..=8u8 {
        let mut b = Bootp::new(if m == 4 || m == 7 || m == 8 { 1 } else { 2 });
        b.vend = dhcp_opts(&[(53, &[m]), (56, b"message\x01text")]);
        f.push(frame(&b, 68, 67));
    }
    // Pads and END at -vvv, an option running past the capture.
    let mut pads = Bootp::new(1);
    pads.vend = vec![99, 130, 83, 99, 0, 0, 0, 53, 1, 1, 0, 255, 0, 0];
    f.push(frame(&pads, 68, 67));
    let mut over = Bootp::new(1);
    over.vend = vec![99, 130, 83, 99, 12, 40, b'a', b'b'];
    f.push(frame(&over, 68, 67));
    // Other hardware types, CMU and unknown vendor areas, unknown op.
    let mut tr = Bootp::new(1);
    tr.htype = 6;
    tr.hlen = 8;
    tr.vend = vec![0x12, 0x34, 0x56, 0x78];
    f.push(frame(&tr, 68, 67));
    let mut cmu = Bootp::new(2);
    cmu.hlen = 4;
    let mut v = b"CMU\0".to_vec();
    v.extend_from_slice(&[0, 0, 0, 3]);
    for i in 0..8u8 {
        v.extend_from_slice(&[10, 0, i, if i % 2 == 0 { 1 } else { 0 }]);
    }
    v.extend_from_slice(&[0; 24]);
    cmu.vend = v;
    f.push(frame(&cmu, 67, 68));
    let mut unk = Bootp::new(9);
    unk.vend = vec![0; 64];
    f.push(frame(&unk, 67, 68));
    // Non-printable sname and file.
    let mut np = Bootp::new(2);
    np.sname = b"a\x01b\xffc";
    np.file = b"/boot/\x7f";
    f.push(frame(&np, 67, 68));
    f
}

/// Every option tag 1..254 (but the parameter list) at lengths 0..12 with
/// varied bytes, and a parameter request list naming every tag.
#[test]
fn dhcp_every_option_and_length() {
    let mut r = Xorshift64Star(0x0bad_cafe_f00d_0001);
    let mut f = Vec::new();
    for len in [0usize, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12] {
        let mut b = Bootp::new(2);
        let mut v = vec![99, 130, 83, 99];
        for tag in 1..=254u8 {
            if tag == 55 {
                continue;
            }
            v.push(tag);
            v.push(len as u8);
            v.extend((0..len).map(|_| r.next() as u8));
        }
        v.push(255);
        b.vend = v;
        f.push(ether(MAC_B, MAC_A, 0x0800, &ipv4_udp(&b.build(), 67, 68)));
    }
    let mut b = Bootp::new(1);
    b.vend = [
        &[99u8, 130, 83, 99, 55, 254][..],
        &(1..=254u8).collect::<Vec<_>>(),
        &[255],
    ]
    .concat();
    f.push(ether(MAC_B, MAC_A, 0x0800, &ipv4_udp(&b.build(), 68, 67)));
    check("dhcp-tags", &f, &[&["-nv"], &["-nvv"], &["-nvvv"]], &[]);
}

#[test]
fn bootp_dhcp() {
    check(
        "bootp",
        &bootp_frames(),
        FLAGS,
        &[&["-n"], &["-nv"], &["-nvvv"]],
    );
}

// ---------------------------------------------------------------------- LLDP

fn tlv(ty: u16, v: &[u8]) -> Vec<u8> {
    let mut o = ((ty << 9) | v.len() as u16).to_be_bytes().to_vec();
    o.extend_from_slice(v);
    o
}

fn org(oui: [u8; 3], sub: u8, v: &[u8]) -> Vec<u8> {
    tlv(127, &[&oui[..], &[sub], v].concat())
}

fn lldp_frames() -> Vec<Vec<u8>> {
    let dst = [0x01, 0x80, 0xc2, 0, 0, 0x0e];
    let l = |tlvs: &[Vec<u8>]| ether(dst, MAC_A, 0x88cc, &[tlvs.concat(), vec![0, 0]].concat());
    const D1: [u8; 3] = [0x00, 0x80, 0xc2];
    const D3: [u8; 3] = [0x00, 0x12, 0x0f];
    const TIA: [u8; 3] = [0x00, 0x12, 0xbb];
    const DCBX: [u8; 3] = [0x00, 0x1b, 0x21];
    const IANA: [u8; 3] = [0x00, 0x00, 0x5e];
    let base = vec![
        tlv(1, &[4, 0x00, 0x1b, 0x21, 0x0a, 0x0b, 0x0c]),
        tlv(2, &[5, b'e', b't', b'h', b'0']),
        tlv(3, &[0, 120]),
    ];
    let mut f = vec![l(&[
        base.clone(),
        vec![
            tlv(4, b"uplink port"),
            tlv(5, b"switch1"),
            tlv(6, b"Linux 6.1 x86_64\x01"),
            tlv(7, &[0, 0x14, 0, 0x10]),
            tlv(8, &[5, 1, 192, 168, 1, 1, 2, 0, 0, 0, 3, 0]),
            tlv(
                8,
                &[
                    17, 2, 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 0, 0, 0, 9, 4,
                    1, 3, 6, 1,
                ],
            ),
            tlv(8, &[7, 6, 0, 0x1b, 0x21, 1, 2, 3, 1, 0, 0, 0, 1]),
            tlv(8, &[3, 9, 1, 2, 7, 0, 0, 0, 0, 0]),
        ],
    ]
    .concat())];
    // Every chassis and port ID subtype.
    f.push(l(&[
        tlv(1, &[1, b'c', b'h']),
        tlv(1, &[2, b'a', b'l']),
        tlv(1, &[3, b'p', b'c']),
        tlv(1, &[5, 1, 10, 0, 0, 1]),
        tlv(
            1,
            &[5, 2, 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        ),
        tlv(1, &[5, 6, 0, 1, 2, 3, 4, 5]),
        tlv(1, &[5, 12, 1, 2]),
        tlv(1, &[6, b'e', b'0', 0, b'x']),
        tlv(1, &[7, b'l', b'o']),
        tlv(1, &[9, 1, 2]),
        tlv(2, &[1, b'a']),
        tlv(2, &[2, b'p']),
        tlv(2, &[3, 0, 1, 2, 3, 4, 5]),
        tlv(2, &[4, 1, 10, 0, 0, 2]),
        tlv(2, &[6, b'c']),
        tlv(2, &[7, b'l']),
        tlv(2, &[0, 1]),
        tlv(9, &[1, 2, 3]),
        tlv(3, &[0xff, 0xff]),
        tlv(7, &[0xff, 0xff, 0, 0]),
    ]));
    // IEEE 802.1 organization TLVs.
    f.push(l(&[
        base.clone(),
        vec![
            org(D1, 1, &[0, 10]),
            org(D1, 2, &[6, 0, 20]),
            org(D1, 3, &[0, 30, 5, b'v', b'l', b'a', b'n', b'x']),
            org(D1, 4, &[3, 0x88, 0x8e, 0]),
            org(D1, 8, &[0x81, 0x42]),
            org(
                D1,
                9,
                &[
                    0x83, 0x01, 0x23, 0x45, 0x67, 10, 20, 30, 40, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0,
                    0, 2,
                ],
            ),
            org(
                D1,
                10,
                &[
                    0, 0x76, 0x54, 0x32, 0x10, 50, 50, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2,
                ],
            ),
            org(D1, 11, &[0xc8, 0x18]),
            org(D1, 12, &[0, 0x61, 0x0c, 0xbc, 0x83, 0x12, 0x34]),
            org(D1, 13, &[0xff, 0xff, 0x87, 0x65, 0x43]),
            org(
                D1,
                14,
                &[0x88, 0, 0x01, 0x23, 0x00, 0x10, 0x05, 0x01, 0x20, 0x06],
            ),
            org(D1, 7, &[1, 2, 3]),
            org(D1, 7, &[3, 0, 0, 1, 2]),
            org(D1, 5, &[3, 0, 0, 1, 2]),
            org(D1, 1, &[0]),
            org(D1, 12, &[0, 1, 2]),
        ],
    ]
    .concat()));
    // IEEE 802.3, TIA LLDP-MED, IANA, DCBX, unknown OUI.
    f.push(l(&[
        base.clone(),
        vec![
            org(D3, 1, &[0x03, 0x6c, 0x03, 0x00, 0x10]),
            org(D3, 1, &[0x00, 0x00, 0x00, 0x00, 0x99]),
            org(D3, 2, &[0x0f, 1, 5]),
            org(D3, 3, &[0x03, 0, 0, 0, 7]),
            org(D3, 4, &[0x05, 0xee]),
            org(D3, 9, &[1]),
            org(TIA, 1, &[0x00, 0x33, 0x03]),
            org(TIA, 2, &[0x01, 0x40, 0x64, 0xb8]),
            org(
                TIA,
                3,
                &[
                    1, 0x41, 0x12, 0x34, 0x56, 0x78, 0x81, 0x23, 0x45, 0x67, 0x89, 0x10, 0x00,
                    0x00, 0x00, 0x12, 1,
                ],
            ),
            org(
                TIA,
                3,
                &[
                    2, 12, 2, b'U', b'S', 1, 2, b'C', b'A', 3, 3, b'S', b'F', b'O',
                ],
            ),
            org(TIA, 3, &[3, b'1', b'2', b'3']),
            org(TIA, 3, &[9, 1, 2]),
            org(TIA, 4, &[0x52, 0x00, 0x3c]),
            org(TIA, 4, &[0x13, 0x07, 0xd0]),
            org(TIA, 5, b"rev A"),
            org(TIA, 8, b"SN123"),
            org(TIA, 11, b"asset"),
            org(TIA, 20, &[1]),
            org(IANA, 1, b"https://example.com/mud"),
            org(
                DCBX,
                2,
                &[
                    0x02, 0x0a, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0x04, 0x11, 0, 0, 0x80, 0, 0x01,
                    0x23, 0x45, 0x67, 10, 20, 30, 40, 0, 0, 0, 0, 8, 0x06, 0x06, 0, 0, 0xc0, 0,
                    0x0f, 8, 0x08, 0x0a, 0, 0, 0x80, 0, 0x89, 0x06, 0x00, 0x1b, 0x21, 0x08, 0x0a,
                    0x02, 1, 2,
                ],
            ),
            org(DCBX, 1, &[1, 2]),
            org([0x00, 0x01, 0x42], 1, &[1, 2, 3]),
        ],
    ]
    .concat()));
    // Malformed: short TLVs, a TLV past the frame, no End TLV.
    f.push(l(&[tlv(1, &[4, 1, 2]), tlv(3, &[1])]));
    f.push(l(&[tlv(2, &[3])]));
    f.push(l(&[tlv(7, &[0, 1])]));
    f.push(l(&[tlv(8, &[9, 1, 2])]));
    f.push(l(&[tlv(8, &[5, 1, 1, 2, 3, 4, 2, 0])]));
    f.push(l(&[tlv(8, &[5, 1, 1, 2, 3, 4, 2, 0, 0, 0, 1, 9, 1])]));
    f.push(l(&[tlv(127, &[0, 0x80])]));
    f.push(ether(
        dst,
        MAC_A,
        0x88cc,
        &[
            0x02, 0x07, 0x04, 0x02, 0, 0, 0, 0, 0x01, 0x04, 0x03, 0x05, b'e', b't', b'h', b'0',
        ],
    ));
    f.push(ether(dst, MAC_A, 0x88cc, &[0x02]));
    f.push(ether(dst, MAC_A, 0x88cc, &[0x0a, 0x03, b'a', b'b', b'c']));
    f
}

/// Every organization subtype 0..15 of every decoded OUI (and an unknown one)
/// at many lengths with varied bytes; every chassis/port/other TLV subtype
/// likewise; management addresses of several families and trailers.
#[test]
fn lldp_every_subtype_and_length() {
    let mut r = Xorshift64Star(0x11d9_5eed_0000_0003);
    let mut bytes = |n: usize| (0..n).map(|_| r.next() as u8).collect::<Vec<u8>>();
    let dst = [0x01, 0x80, 0xc2, 0, 0, 0x0e];
    let lens = [0usize, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 21, 25, 30];
    let mut f = Vec::new();
    for oui in [
        [0x00, 0x80, 0xc2],
        [0x00, 0x12, 0x0f],
        [0x00, 0x12, 0xbb],
        [0x00, 0x00, 0x5e],
        [0x00, 0x1b, 0x21],
        [0x00, 0x01, 0x42],
    ] {
        for sub in 0..16u8 {
            let mut body = Vec::new();
            for &l in &lens {
                body.extend(org(oui, sub, &bytes(l)));
            }
            body.extend_from_slice(&[0, 0]);
            f.push(ether(dst, MAC_A, 0x88cc, &body));
        }
    }
    for ty in 1..=8u16 {
        let mut body = Vec::new();
        for st in 0..10u8 {
            for l in [0usize, 1, 2, 4, 5, 6, 7, 9, 17, 20] {
                body.extend(tlv(ty, &[&[st][..], &bytes(l)].concat()));
            }
        }
        body.extend_from_slice(&[0, 0]);
        f.push(ether(dst, MAC_A, 0x88cc, &body));
    }
    let mut body = Vec::new();
    for (af, al) in [
        (1u8, 4usize),
        (2, 16),
        (6, 6),
        (0, 4),
        (3, 5),
        (25, 3),
        (196, 2),
        (99, 2),
    ] {
        for extra in [
            &[][..],
            &[2, 0, 0, 0, 5],
            &[3, 0, 0, 0, 5, 0],
            &[1, 0, 0, 0, 5, 3, 0x2b, 6, 1],
        ] {
            let v = [&[al as u8 + 1, af][..], &bytes(al), extra].concat();
            body.extend(tlv(8, &v));
        }
    }
    body.extend_from_slice(&[0, 0]);
    f.push(ether(dst, MAC_A, 0x88cc, &body));
    check("lldp-sweep", &f, &[&["-n"], &["-nv"], &["-nvv"]], &[]);
}

#[test]
fn lldp_tlvs() {
    check("lldp", &lldp_frames(), FLAGS, CUT_FLAGS);
}

// ---------------------------------------------------------------- robustness

fn all_frames() -> Vec<Vec<u8>> {
    let mut v = pppoe_frames();
    v.extend(mpls_frames());
    v.extend(overlay_frames());
    v.extend(bootp_frames());
    v.extend(lldp_frames());
    v.extend(gre_frames());
    v
}

/// No panic on mutated frames of every protocol here, with every flag set.
#[test]
fn mutated_frames_never_panic() {
    use rfilter::packet::{PacketRef, Timestamp};
    use rfilter::print::format_one;
    let rounds: usize = std::env::var("PRINT_FUZZ_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10000);
    let frames = all_frames();
    let mut r = Xorshift64Star(0x1234_5678_9abc_def1);
    let mut n = 0;
    for flags in [
        &["-n"][..],
        &["-nvvv"],
        &["-nev"],
        &["-nxx"],
        &["-nq"],
        &["-nvv", "-e"],
    ] {
        let o = opts(flags);
        for _ in 0..rounds {
            let f = frames[r.below(frames.len())].clone();
            let (d, wire) = mutate_frame(f, &mut r, 14);
            let pkt = PacketRef {
                ts: Timestamp::default(),
                wire_len: wire,
                data: &d,
            };
            n += format_one(o.clone(), LinkType::En10mb, &pkt).len();
        }
    }
    assert!(n > 0);
}

/// Mutated frames against tcpdump: a guard on how often both agree.
#[test]
fn mutated_frames_vs_tcpdump() {
    let frames = all_frames();
    let seed: u64 = std::env::var("PRINT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0xfeed_f00d_1234_5679);
    let mut r = Xorshift64Star(seed | 1);
    let mut recs = Vec::new();
    let n: i64 = std::env::var("PRINT_MUT_RECORDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500);
    for i in 0..n {
        let f = frames[r.below(frames.len())].clone();
        let (d, wire) = mutate_frame(f, &mut r, 14);
        if d.is_empty() {
            continue;
        }
        let mut rec = Rec::full(1_700_000_000 + i, 0, d);
        rec.wire_len = wire;
        recs.push(rec);
    }
    let dir = tmpdir("encap-mut");
    let path = dir.join("mut.pcap");
    write_pcap(&path, LinkType::En10mb, &recs, false);
    let (mut total, mut same) = (0, 0);
    for flags in [&["-n"][..], &["-nv"], &["-nvvv"], &["-ne"]] {
        let theirs = packets(print_support::tcpdump(&path, flags));
        let mine = packets(print_support::ours(&path, flags));
        assert_eq!(theirs.len(), mine.len(), "{flags:?}: packet count");
        for (t, m) in theirs.iter().zip(&mine) {
            total += 1;
            if t == m {
                same += 1;
            } else if std::env::var("PRINT_SHOW").is_ok() {
                eprintln!("{flags:?}\n  tcpdump: {t:?}\n  rfilter: {m:?}");
            }
        }
    }
    eprintln!("mutated encapsulations: {same}/{total} packets printed identically");
    assert!(same as f64 >= 0.97 * total as f64, "{same}/{total}");
}

/// Output lines grouped per packet (a packet's text starts with its timestamp),
/// so that one differing packet does not shift the comparison of the rest.
fn packets(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in lines {
        let b = l.as_bytes();
        let starts = b.len() > 9 && b[2] == b':' && b[5] == b':' && b[8] == b'.';
        match out.last_mut() {
            Some(last) if !starts => {
                last.push('\n');
                last.push_str(&l);
            }
            _ => out.push(l),
        }
    }
    out
}

/// Deep tunnel nesting (VXLAN in VXLAN, MPLS over PPPoE over VXLAN) prints
/// without exhausting a 2 MiB stack.
#[test]
fn deep_tunnels_are_bounded() {
    use rfilter::packet::{PacketRef, Timestamp};
    use rfilter::print::{PrintOptions, format_one};
    let mut f = inner_frame();
    for i in 0..800 {
        let vx = [&[8u8, 0, 0, 0, 0, 0, 1, 0][..], &f].concat();
        f = if i % 2 == 0 {
            ether(MAC_B, MAC_A, 0x0800, &ipv4_udp(&vx, 1, 4789))
        } else {
            let ip = ipv4_udp(&vx, 1, 4789);
            let m = [&label(16, 0, true, 1)[..], &ip].concat();
            session(&ppp(0x0281, &m))
        };
    }
    let h = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let pkt = PacketRef {
                ts: Timestamp::default(),
                wire_len: f.len() as u32,
                data: &f,
            };
            let o = PrintOptions {
                verbose: 3,
                numeric: true,
                ..Default::default()
            };
            format_one(o, LinkType::En10mb, &pkt).len()
        })
        .unwrap();
    assert!(h.join().expect("no stack overflow") > 0);
}
