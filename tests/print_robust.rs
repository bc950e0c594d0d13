//! Robustness: mutated and truncated packets, on every link type and flag set,
//! must print without panicking; and mutated captures are compared with tcpdump.
mod print_support;

use print_support::build::*;
use print_support::mutate::{Xorshift64Star, mutate_frame};
use print_support::{Rec, opts, tmpdir, write_pcap};
use rfilter::LinkType;
use rfilter::packet::{PacketRef, Timestamp};
use rfilter::print::format_one;

fn seeds() -> Vec<Vec<u8>> {
    let a = [10, 0, 0, 1];
    let b = [10, 0, 0, 2];
    let ps = Pseudo::V4(a, b);
    let s6 = v6("fd00::1");
    let d6 = v6("fd00::2");
    let ps6 = Pseudo::V6(s6, d6);
    let mut t = Tcp::new(40000, 80, 0x18, 1, 1);
    t.options = vec![
        2, 4, 5, 0xb4, 1, 3, 3, 7, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2, 5, 10, 0, 0, 0, 1, 0, 0, 0,
        2,
    ];
    vec![
        Ip4::new(a, b, 6).build(&t.build(&ps, b"GET / HTTP/1.0\r\n\r\n")),
        Ip4::new(a, b, 17).build(&udp(
            &ps,
            5353,
            53,
            &dns_query(1, "a.example.com", 1, 0x0100, 1),
            false,
        )),
        Ip4::new(a, b, 17).build(&udp(
            &ps,
            53,
            5353,
            &dns_response(
                1,
                "a.example.com",
                15,
                0,
                &[(15, vec![0, 1, 0xc0, 12]), (16, b"\x03abc".to_vec())],
            ),
            false,
        )),
        Ip4::new(a, b, 1).build(&icmp(
            &Pseudo::None,
            3,
            3,
            &[0; 4],
            &Ip4::new(b, a, 17).build(&udp(&Pseudo::V4(b, a), 1, 2, b"", false)),
        )),
        ip6(
            s6,
            d6,
            58,
            255,
            &icmp(
                &ps6,
                135,
                0,
                &[0; 4],
                &[&d6[..], &[1, 1, 2, 0, 0, 0, 0, 1]].concat(),
            ),
        ),
        ip6(
            s6,
            d6,
            0,
            1,
            &[
                &[17u8, 0, 5, 2, 0, 0, 1, 0][..],
                &udp(&ps6, 1, 53, &dns_query(9, "x.y", 28, 0, 0), false),
            ]
            .concat(),
        ),
        ip6(
            s6,
            d6,
            44,
            64,
            &[
                &[6u8, 0, 0, 1, 0, 0, 0, 9][..],
                &Tcp::new(1, 22, 0x18, 1, 1).build(&ps6, b"SSH-2.0-x\r\n"),
            ]
            .concat(),
        ),
        arp(1, MAC_A, a, [0; 6], b),
        // IP-level protocols of src/print (SCTP INIT, OSPF hello, PIM hello,
        // RSVP path, IGMPv3 report, SNMP get).
        Ip4::new(a, b, 132).build(&[
            0x0b, 0x59, 0x0b, 0x59, 0, 0, 0x12, 0x34, 0, 0, 0, 0, 1, 0, 0, 20, 0, 0, 0, 1, 0, 0,
            0xff, 0xff, 0, 10, 0, 10, 0, 0, 0, 100,
        ]),
        Ip4::new(a, [224, 0, 0, 5], 89).build(&[
            2, 1, 0, 48, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255,
            0, 0, 10, 0x12, 1, 0, 0, 0, 40, 10, 0, 0, 1, 0, 0, 0, 0, 2, 2, 2, 2,
        ]),
        Ip4::new(a, [224, 0, 0, 13], 103).build(&[
            0x20, 0, 0, 0, 0, 1, 0, 2, 0, 105, 0, 20, 0, 4, 0x12, 0x34, 0x56, 0x78,
        ]),
        Ip4::new(a, b, 46).build(&[
            0x10, 1, 0, 0, 64, 0, 0, 28, 0, 12, 1, 1, 10, 0, 0, 2, 17, 0, 0, 1, 0, 8, 5, 1, 0, 0,
            0x75, 0x30,
        ]),
        Ip4::new(a, [224, 0, 0, 22], 2).build(&[
            0x22, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 239, 1, 2, 3, 10, 0, 0, 1,
        ]),
        Ip4::new(a, b, 17).build(&udp(
            &ps,
            40000,
            161,
            &[
                0x30, 0x1a, 2, 1, 0, 4, 6, b'p', b'u', b'b', b'l', b'i', b'c', 0xa0, 0x0d, 2, 1, 1,
                2, 1, 0, 2, 1, 0, 0x30, 2, 0x30, 0,
            ],
            false,
        )),
        // DHCP with options, VXLAN and Geneve carrying Ethernet frames.
        Ip4::new(a, b, 17).build(&udp(&ps, 68, 67, &dhcp_discover(), false)),
        Ip4::new(a, b, 17).build(&udp(
            &ps,
            40000,
            4789,
            &[
                &[8u8, 0, 0, 0, 0, 0, 42, 0][..],
                &ether(
                    MAC_A,
                    MAC_B,
                    0x0800,
                    &Ip4::new(b, a, 1).build(&[8, 0, 0xf7, 0xff, 0, 0, 0, 0]),
                ),
            ]
            .concat(),
            false,
        )),
        Ip4::new(a, b, 17).build(&udp(
            &ps,
            40000,
            6081,
            &[
                &[1u8, 0x40, 0x65, 0x58, 0, 0, 7, 0, 1, 2, 0x80, 0, 9, 9, 9, 9][..],
                &ether(MAC_A, MAC_B, 0x86dd, &ip6(s6, d6, 59, 64, b"")),
            ]
            .concat(),
            false,
        )),
    ]
}

/// A DHCP Discover with a few common options.
fn dhcp_discover() -> Vec<u8> {
    let mut v = vec![1u8, 1, 6, 0, 0x39, 0x03, 0xf3, 0x26];
    v.extend_from_slice(&[0; 20]);
    v.extend_from_slice(&MAC_A);
    v.extend_from_slice(&[0; 202]);
    v.extend_from_slice(&[99, 130, 83, 99, 53, 1, 1, 61, 7, 1]);
    v.extend_from_slice(&MAC_A);
    v.extend_from_slice(&[55, 4, 1, 3, 6, 15, 12, 4, b'h', b'o', b's', b't', 255]);
    v
}

fn frame(lt: LinkType, ip: &[u8], r: &mut Xorshift64Star) -> Vec<u8> {
    let is6 = ip.first().map(|v| v >> 4) == Some(6);
    let et = if ip.len() == 28 {
        0x0806
    } else if is6 {
        0x86dd
    } else {
        0x0800
    };
    match lt {
        LinkType::En10mb => match r.below(4) {
            0 => ether(MAC_B, MAC_A, 0x8100, &vlan(r.next() as u16, et, ip)),
            1 => ether(
                MAC_B,
                MAC_A,
                ip.len() as u16,
                &[&[0xaa, 0xaa, 3, 0, 0, 0][..], &et.to_be_bytes(), ip].concat(),
            ),
            _ => ether(MAC_B, MAC_A, et, ip),
        },
        LinkType::LinuxSll => sll(r.below(6) as u16, et, ip),
        LinkType::LinuxSll2 => sll2(r.below(6) as u8, et, 1, ip),
        LinkType::Null => [&(if is6 { 30u32 } else { 2 }).to_le_bytes()[..], ip].concat(),
        LinkType::Loop => [&(if is6 { 30u32 } else { 2 }).to_be_bytes()[..], ip].concat(),
        _ => ip.to_vec(),
    }
}

const FLAGS: &[&[&str]] = &[
    &["-n"],
    &["-nvvv"],
    &["-ne"],
    &["-nxx"],
    &["-nXX"],
    &["-nA"],
    &["-nq"],
    &["-nS", "-ttt"],
];

/// No input panics: 2 500 mutated packets per link type and flag set
/// (PRINT_FUZZ_ROUNDS and PRINT_FUZZ_SEED for longer runs).
#[test]
fn mutated_packets_never_panic() {
    let rounds: usize = std::env::var("PRINT_FUZZ_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2500);
    let seed: u64 = std::env::var("PRINT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut r = Xorshift64Star(seed | 1);
    let seeds = seeds();
    let mut count = 0;
    for lt in LinkType::ALL {
        for flags in FLAGS {
            let o = opts(flags);
            for _ in 0..rounds {
                let s = &seeds[r.below(seeds.len())];
                let f = frame(lt, s, &mut r);
                let (d, wire) = mutate_frame(f, &mut r, 0);
                let pkt = PacketRef {
                    ts: Timestamp {
                        sec: 1_700_000_000,
                        nsec: 0,
                    },
                    wire_len: wire,
                    data: &d,
                };
                let _ = format_one(o.clone(), lt, &pkt);
                count += 1;
            }
        }
    }
    // Random bytes of every length up to 128.
    for lt in LinkType::ALL {
        for len in 0..128 {
            let d: Vec<u8> = (0..len).map(|_| r.next() as u8).collect();
            let pkt = PacketRef {
                ts: Timestamp::default(),
                wire_len: len as u32 + r.below(3) as u32,
                data: &d,
            };
            let _ = format_one(opts(&["-nvvv", "-e"]), lt, &pkt);
            count += 1;
        }
    }
    eprintln!("{count} packets printed without panic");
}

/// Mutated captures against tcpdump: a guard on how often both agree.
#[test]
fn mutated_packets_vs_tcpdump() {
    let dir = tmpdir("mut");
    let mut r = Xorshift64Star(12345);
    let seeds = seeds();
    let mut total = (0, 0);
    for lt in [LinkType::En10mb, LinkType::LinuxSll, LinkType::Raw] {
        let mut recs = Vec::new();
        for i in 0..600 {
            let s = &seeds[r.below(seeds.len())];
            let f = frame(lt, s, &mut r);
            let (d, wire) = mutate_frame(f, &mut r, 0);
            if d.is_empty() {
                continue;
            }
            let mut rec = Rec::full(1_700_000_000 + i, 0, d);
            rec.wire_len = wire;
            recs.push(rec);
        }
        let path = dir.join(format!("{}.pcap", lt.name()));
        write_pcap(&path, lt, &recs, false);
        let (c, m) = print_support::assert_mostly_same(
            &path,
            &[&["-n"], &["-nv"], &["-ne"], &["-nx"], &["-nvvv"]],
            0.0,
        );
        total.0 += c;
        total.1 += m;
    }
    eprintln!("mutated: {}/{} lines identical", total.1, total.0);
    assert!(
        total.1 as f64 >= 0.80 * total.0 as f64,
        "{}/{}",
        total.1,
        total.0
    );
}

/// Deeply nested encapsulations (IPv4 in IPv4, IPv6 in IPv6, Ethernet in GRE)
/// print without exhausting a thread stack of the default 2 MiB (debug build).
#[test]
fn deep_nesting_is_bounded() {
    let a = [10, 0, 0, 1];
    let b = [10, 0, 0, 2];
    let mut v4 = Ip4::new(a, b, 17).build(&udp(&Pseudo::V4(a, b), 1, 2, b"", false));
    for _ in 0..3000 {
        v4 = Ip4::new(a, b, 4).build(&v4);
    }
    let s6 = v6("fd00::1");
    let mut p6 = ip6(s6, s6, 59, 64, b"");
    for _ in 0..1500 {
        p6 = ip6(s6, s6, 41, 64, &p6);
    }
    let mut teb = ether(MAC_B, MAC_A, 0x0800, &Ip4::new(a, b, 59).build(b""));
    for _ in 0..1000 {
        let gre = [&[0u8, 0, 0x65, 0x58][..], &teb].concat();
        teb = ether(MAC_B, MAC_A, 0x0800, &Ip4::new(a, b, 47).build(&gre));
    }
    let handle = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || {
            let mut n = 0;
            for (lt, d) in [
                (LinkType::Raw, v4),
                (LinkType::Raw, p6),
                (LinkType::En10mb, teb),
            ] {
                for flags in FLAGS {
                    let pkt = PacketRef {
                        ts: Timestamp::default(),
                        wire_len: d.len() as u32,
                        data: &d,
                    };
                    n += format_one(opts(flags), lt, &pkt).len();
                }
            }
            n
        })
        .unwrap();
    assert!(handle.join().expect("no stack overflow") > 0);
}
