//! Golden tests for differences a differential probe found between rfilter and
//! tcpdump: which truncations end a packet with tcpdump's longjmp (-x/-A then
//! dump the whole frame) and which with its `goto trunc` (the usual dump from
//! the network header) in MPLS and BOOTP; the TCP MD5 option of a segment not
//! wholly captured; NTP's special strata; IPX behind the BSD loopback headers;
//! NFS calls whose credential or verifier length is near 2^32; the TTLs of
//! ICMPv6 node addresses; RADIUS EAP messages shorter than an EAP header;
//! the names of BGP's layer-2 encapsulation types.
//! Packets are built here and each is compared with the tcpdump binary, line by
//! line, whole and cut at every length.
mod print_support;

use print_support::build::{self, Ip4, MAC_A, MAC_B, Pseudo, Tcp};
use print_support::{assert_same_recs, cut_rec, rec, with_cuts};
use rfilter::LinkType;

const DIR: &str = "probe";

const A4: [u8; 4] = [10, 0, 0, 1];
const B4: [u8; 4] = [10, 0, 0, 2];

fn ipv4_udp(sport: u16, dport: u16, payload: &[u8]) -> Vec<u8> {
    let ps = Pseudo::V4(A4, B4);
    Ip4::new(A4, B4, 17).build(&build::udp(&ps, sport, dport, payload, false))
}

fn eth(ty: u16, payload: &[u8]) -> Vec<u8> {
    build::ether(MAC_B, MAC_A, ty, payload)
}

/// MPLS label stacks over payloads no printer takes: tcpdump's hex dump of a
/// payload the capture cut short ends the packet by longjmp, so -A and -x
/// then show the whole frame, link header included.
#[test]
fn mpls_default_print_cut() {
    let entry = |label: u32, bos: bool, ttl: u8| {
        ((label << 12) | (u32::from(bos) << 8) | u32::from(ttl)).to_be_bytes()
    };
    let mut frames = Vec::new();
    for first in [0x01u8, 0x41, 0x7f, 0xff] {
        let mut p = entry(16, true, 63).to_vec();
        p.push(first);
        p.extend_from_slice(b"\x3fABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        frames.push(eth(0x8847, &p));
    }
    let mut p = entry(100, false, 1).to_vec();
    p.extend_from_slice(&entry(200, true, 2));
    p.extend_from_slice(b"\x00\x01payload of two labels");
    frames.push(eth(0x8848, &p));
    // IPv4 under the explicit-null label, for the other kind of stop.
    let mut p = entry(0, true, 64).to_vec();
    p.extend_from_slice(&ipv4_udp(1000, 2000, b"data"));
    frames.push(eth(0x8847, &p));
    let recs = with_cuts(&frames, 14, 1);
    let flags: &[&[&str]] = &[
        &["-n"],
        &["-nv"],
        &["-nA"],
        &["-nAA"],
        &["-nvA"],
        &["-nx"],
        &["-nX"],
        &["-nXX"],
        &["-neA"],
    ];
    assert_same_recs(DIR, "mpls.pcap", LinkType::En10mb, &recs, flags);
}

/// A BOOTP message of `body` (from the op field on) to the server port.
fn bootp(body: &[u8]) -> Vec<u8> {
    eth(0x0800, &ipv4_udp(68, 67, body))
}

/// The fixed part of a BOOTP request (236 bytes) from 02:00:00:00:00:01.
fn bootp_fixed(sname: &[u8], file: &[u8]) -> Vec<u8> {
    let mut b = vec![1, 1, 6, 0];
    b.extend_from_slice(&0x1234u32.to_be_bytes());
    b.extend_from_slice(&[0, 3, 0x80, 0]);
    b.extend_from_slice(&[0; 4]);
    b.extend_from_slice(&[192, 168, 1, 9]);
    b.extend_from_slice(&[0; 8]);
    let mut chaddr = MAC_A.to_vec();
    chaddr.resize(16, 0);
    b.extend_from_slice(&chaddr);
    let mut s = sname.to_vec();
    s.resize(64, 0);
    b.extend_from_slice(&s[..64]);
    let mut f = file.to_vec();
    f.resize(128, 0);
    b.extend_from_slice(&f[..128]);
    assert_eq!(b.len(), 236);
    b
}

/// BOOTP fields tcpdump checks with ND_TCHECK (the vendor area, the server
/// and file names, the RFC 1048 options and the CMU area) end the packet with
/// its own mark and the usual -x dump from the IP header; the fields it reads
/// with its GET macros end it by longjmp, whole frame dumped.
#[test]
fn bootp_cuts() {
    let mut frames = vec![
        // No vendor area at all.
        bootp(&bootp_fixed(b"", b"")),
        bootp(&bootp_fixed(b"bootsrv", b"/boot/pxelinux.0")),
        // Names filling their fields with no NUL.
        bootp(&bootp_fixed(&[b'n'; 64], &[b'f'; 128])),
    ];
    let mut rfc = bootp_fixed(b"srv", b"");
    rfc.extend_from_slice(&[0x63, 0x82, 0x53, 0x63]);
    rfc.extend_from_slice(&[53, 1, 3, 12, 5]);
    rfc.extend_from_slice(b"host1");
    rfc.extend_from_slice(&[55, 4, 1, 3, 6, 15, 61, 7, 1]);
    rfc.extend_from_slice(&MAC_A);
    rfc.extend_from_slice(&[
        81, 6, 0, 0, 0, b'a', b'.', b'b', 82, 6, 1, 4, b'c', b'i', b'r', b'c',
    ]);
    rfc.extend_from_slice(&[50, 4, 192, 168, 1, 9, 0, 0, 255]);
    frames.push(bootp(&rfc));
    let mut cmu = bootp_fixed(b"", b"");
    cmu.extend_from_slice(&[0x43, 0x4d, 0x55, 0x00, 0, 0, 0, 1]);
    for i in 1..=8u8 {
        cmu.extend_from_slice(&[10, 0, 0, i]);
    }
    frames.push(bootp(&cmu));
    let recs = with_cuts(&frames, 42, 1);
    let flags: &[&[&str]] = &[
        &["-n"],
        &["-nv"],
        &["-nvx"],
        &["-nvX"],
        &["-nvA"],
        &["-nvvx"],
        &["-nvvvX"],
        &["-nvXX"],
    ];
    assert_same_recs(DIR, "bootp.pcap", LinkType::En10mb, &recs, flags);
}

/// A TCP segment to BGP's port with an MD5 signature option (and two NOPs).
fn md5_segment(payload: &[u8], ps: &Pseudo) -> Vec<u8> {
    let mut t = Tcp::new(1234, 179, 0x18, 1, 1);
    t.win = 8192;
    let mut opt = vec![19, 18];
    opt.extend_from_slice(&[0x5a; 16]);
    opt.extend_from_slice(&[1, 1]);
    t.options = opt;
    t.build(ps, payload)
}

/// The MD5 signature option can be checked only when the whole segment was
/// captured: "snaplen too short" when the capture or the frame ends before
/// the IP length does, over IPv4 and IPv6; otherwise tcpdump (without -M)
/// has no secret.
#[test]
fn tcp_md5_signature() {
    let payload = [0x41u8; 20];
    let v4 = {
        let ps = Pseudo::V4(A4, B4);
        Ip4::new(A4, B4, 6).build(&md5_segment(&payload, &ps))
    };
    let (s6, d6) = (build::v6("2001:db8::1"), build::v6("2001:db8::2"));
    let v6 = build::ip6(s6, d6, 6, 64, &md5_segment(&payload, &Pseudo::V6(s6, d6)));
    let mut recs = Vec::new();
    for (ty, ip) in [(0x0800u16, &v4), (0x86dd, &v6)] {
        let frame = eth(ty, ip);
        // Whole; cut by the snapshot length; cut inside the option.
        recs.push(rec(recs.len(), frame.clone()));
        for cut in [
            frame.len() - 1,
            frame.len() - 10,
            frame.len() - payload.len(),
        ] {
            recs.push(cut_rec(recs.len(), &frame, cut));
        }
        // A frame shorter than the IP length says (captured whole).
        recs.push(rec(recs.len(), frame[..frame.len() - 10].to_vec()));
    }
    let flags: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nx"], &["-nS"]];
    assert_same_recs(DIR, "md5.pcap", LinkType::En10mb, &recs, flags);
}

/// An NTPv4 client message of stratum `stratum` with reference ID `refid`.
fn ntp(stratum: u8, refid: [u8; 4], extra: &[u8]) -> Vec<u8> {
    let mut b = vec![0x23, stratum, 10, 0xec];
    b.extend_from_slice(&[0, 0, 1, 0x80, 0, 0, 2, 0]);
    b.extend_from_slice(&refid);
    for t in [0xeeb5_21a7u32, 0, 0xeeb5_21a6, 0xeeb5_21a7] {
        b.extend_from_slice(&t.to_be_bytes());
        b.extend_from_slice(&0x112b_f000u32.to_be_bytes());
    }
    b.extend_from_slice(extra);
    eth(0x0800, &ipv4_udp(123, 123, &b))
}

/// The reference ID by stratum: "(unspec)" for 0, characters for 1, an
/// address followed by INFO_QUERY or INFO_REPLY (and nothing more) for 62 and
/// 63, a hex number for the others.
#[test]
fn ntp_strata() {
    let mut frames = Vec::new();
    for stratum in [0u8, 1, 2, 15, 16, 61, 62, 63, 64, 255] {
        frames.push(ntp(stratum, [127, 0, 0, 1], &[]));
        frames.push(ntp(stratum, *b"GPS\0", &[0, 0, 0, 7]));
    }
    let mut recs = Vec::new();
    for f in &frames {
        recs.push(rec(recs.len(), f.clone()));
        // Cut inside the reference ID and inside the timestamps.
        for n in [55, 57, 58, 60, 70] {
            recs.push(cut_rec(recs.len(), f, n));
        }
    }
    let flags: &[&[&str]] = &[&["-n"], &["-nv"], &["-nvv"], &["-nev"], &["-nvx"]];
    assert_same_recs(DIR, "ntp.pcap", LinkType::En10mb, &recs, flags);
}

/// An IPX packet (no checksum, one hop) from socket 0x0452 to 0x0451 with
/// `data` after the 30-byte header.
fn ipx(data: &[u8]) -> Vec<u8> {
    let mut b = vec![0xff, 0xff];
    b.extend_from_slice(&((30 + data.len()) as u16).to_be_bytes());
    b.extend_from_slice(&[0, 0]);
    b.extend_from_slice(&[0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0x04, 0x51]);
    b.extend_from_slice(&[0, 2, 0, 0, 0, 0, 0, 0, 0, 2, 0x04, 0x52]);
    b.extend_from_slice(data);
    b
}

/// DLT_NULL (in both byte orders) and DLT_LOOP with every address family
/// tcpdump decodes (IPv4, the three IPv6 numbers, OSI, AppleTalk and IPX) and
/// some it does not.
#[test]
fn null_and_loop_families() {
    let v4 = ipv4_udp(1000, 2000, b"data");
    let (s6, d6) = (build::v6("2001:db8::1"), build::v6("2001:db8::2"));
    let ps6 = Pseudo::V6(s6, d6);
    let v6 = build::ip6(
        s6,
        d6,
        17,
        64,
        &build::udp(&ps6, 1000, 2000, b"data", false),
    );
    let ipx = ipx(b"ipx data");
    // An ES-IS ESH (OSI) and an AppleTalk DDP long header with an NBP lookup.
    let osi = [
        0x82, 0x0f, 0x01, 0x00, 0x02, 0x00, 0x20, 0x00, 0x00, 0x01, 0x06, 0x49, 0, 1, 2, 3,
    ];
    let ddp = [
        0x00, 0x17, 0x00, 0x00, 0xff, 0x00, 0x00, 0x01, 0x01, 0xff, 0x02, 0xfd, 0x02, 0x21, 0x00,
        0x01, 0x01, 0x02, 0xfd, 0x00, 0x01, 0x3d, 0x01,
    ];
    let families: Vec<(u32, &[u8])> = vec![
        (2, &v4),
        (24, &v6),
        (28, &v6),
        (30, &v6),
        (7, &osi),
        (16, &ddp),
        (23, &ipx),
        (23, &ipx[..20]),
        (6, &ipx),
        (99, b"unknown family"),
    ];
    let flags: &[&[&str]] = &[&["-n"], &["-ne"], &["-nq"], &["-neq"], &["-nv"], &["-nx"]];
    for (lt, name) in [(LinkType::Null, "null"), (LinkType::Loop, "loop")] {
        let mut recs = Vec::new();
        for &(af, p) in &families {
            let orders: &[bool] = if lt == LinkType::Null {
                &[false, true]
            } else {
                &[true]
            };
            for &be in orders {
                let mut f = if be {
                    af.to_be_bytes().to_vec()
                } else {
                    af.to_le_bytes().to_vec()
                };
                f.extend_from_slice(p);
                recs.push(rec(recs.len(), f));
            }
        }
        assert_same_recs(DIR, &format!("{name}.pcap"), lt, &recs, flags);
    }
}

/// An NFS call (RPC header, credentials and verifier of `cred` and `verf`
/// bytes whose length fields say `cred_len` and `verf_len`, then `args`) over
/// UDP to port 2049.
fn nfs_call(
    vers: u32,
    proc_: u32,
    cred_len: u32,
    cred: &[u8],
    verf_len: u32,
    verf: &[u8],
    args: &[u8],
) -> Vec<u8> {
    let mut m = Vec::new();
    for w in [0x4567_1756u32, 0, 2, 100_003, vers, proc_, 1, cred_len] {
        m.extend_from_slice(&w.to_be_bytes());
    }
    m.extend_from_slice(cred);
    m.extend_from_slice(&0u32.to_be_bytes());
    m.extend_from_slice(&verf_len.to_be_bytes());
    m.extend_from_slice(verf);
    m.extend_from_slice(args);
    eth(0x0800, &ipv4_udp(800, 2049, &m))
}

/// NFS calls whose credential or verifier length is near 2^32: tcpdump rounds
/// it up in 32 bits (0xffffffff becomes 0, which passes its capture check) but
/// steps past it in full, far beyond the capture, and its next read there
/// (a GET macro) ends the packet by longjmp: -x and -A dump the whole frame.
/// Lengths that stay large fail the check instead (its `goto trunc`).
#[test]
fn nfs_huge_credential_lengths() {
    let fh3 = {
        let mut a = 32u32.to_be_bytes().to_vec();
        a.extend_from_slice(&[0xab; 32]);
        a
    };
    let mut rdp = fh3.clone();
    rdp.extend_from_slice(&[0; 16]);
    rdp.extend_from_slice(&[0, 0, 0x10, 0, 0, 0, 0x20, 0]);
    let mut frames = Vec::new();
    for cred_len in [
        0xffff_ffffu32,
        0xffff_fffe,
        0xffff_fffd,
        0xffff_fffc,
        0x8000_0001,
        8,
    ] {
        // v3 readdirplus and getattr, v2 getattr (fixed-size handle).
        frames.push(nfs_call(3, 17, cred_len, &[0; 8], 0, &[], &rdp));
        frames.push(nfs_call(3, 1, cred_len, &[0; 8], 0, &[], &fh3));
        frames.push(nfs_call(2, 1, cred_len, &[0; 8], 0, &[], &[0xcd; 32]));
    }
    for verf_len in [0xffff_ffffu32, 0xffff_fffd, 0xffff_fffc, 4] {
        frames.push(nfs_call(3, 17, 8, &[0; 8], verf_len, &[1, 2, 3, 4], &rdp));
        frames.push(nfs_call(
            2,
            4,
            8,
            &[0; 8],
            verf_len,
            &[1, 2, 3, 4],
            &[0xcd; 40],
        ));
    }
    let recs = with_cuts(&frames, 58, 3);
    let flags: &[&[&str]] = &[
        &["-n"],
        &["-nv"],
        &["-nx"],
        &["-nX"],
        &["-nA"],
        &["-nXX"],
        &["-nvvvx"],
    ];
    assert_same_recs(DIR, "nfs_cred.pcap", LinkType::En10mb, &recs, flags);
}

/// ICMPv6 node information replies with node addresses: tcpdump prints each
/// address's TTL as an unsigned number (TTLs with the top bit set too), and a
/// reply cut inside an entry ends with its longjmp.
#[test]
fn icmp6_node_addresses_ttl() {
    let (src, dst) = (build::v6("2001:db8::1"), build::v6("2001:db8::2"));
    let ps = Pseudo::V6(src, dst);
    let mut frames = Vec::new();
    for (ttls, flags) in [
        ([0u32, 0x8000_0000, 0xffff_ffff], 0x003fu16),
        ([0x7fff_ffff, 0xc700_0000, 1], 0),
        ([0xfe00_0000, 30, 0x8000_0001], 0x0002),
    ] {
        // qtype 3 (node addresses), flags, nonce, then TTL + address entries.
        let mut rest = 3u16.to_be_bytes().to_vec();
        rest.extend_from_slice(&flags.to_be_bytes());
        let mut body = vec![1, 2, 3, 4, 5, 6, 7, 8];
        for (i, ttl) in ttls.iter().enumerate() {
            body.extend_from_slice(&ttl.to_be_bytes());
            body.extend_from_slice(&build::v6(&format!("2001:db8:{i}::1")));
        }
        let icmp = build::icmp(&ps, 140, 0, &rest, &body);
        frames.push(eth(0x86dd, &build::ip6(src, dst, 58, 64, &icmp)));
    }
    let recs = with_cuts(&frames, 62, 1);
    let flags: &[&[&str]] = &[&["-n"], &["-nv"], &["-nx"], &["-nvA"]];
    assert_same_recs(DIR, "icmp6_ni.pcap", LinkType::En10mb, &recs, flags);
}

/// RADIUS EAP-Message attributes shorter than an EAP header: tcpdump's EAP
/// printer reads the header's length field in place, from the attributes
/// after it when the packet goes on ("EAP fragment?" then the next
/// attribute), and past the capture only at the end of the packet.
#[test]
fn radius_short_eap_message() {
    let attr = |t: u8, v: &[u8]| {
        let mut a = vec![t, v.len() as u8 + 2];
        a.extend_from_slice(v);
        a
    };
    let radius = |attrs: &[Vec<u8>]| {
        let body: Vec<u8> = attrs.concat();
        let mut m = vec![1, 7];
        m.extend_from_slice(&(20 + body.len() as u16).to_be_bytes());
        m.extend_from_slice(&[0x5a; 16]);
        m.extend_from_slice(&body);
        eth(0x0800, &ipv4_udp(40000, 1812, &m))
    };
    let name = attr(1, b"alice");
    let mut frames = Vec::new();
    for v in [
        &[2u8][..],
        &[2, 9],
        &[2, 9, 0],
        &[1, 9, 0, 4],
        &[1, 9, 0, 5, 1],
        &[2, 9, 0, 6, 1, 0x61],
    ] {
        frames.push(radius(&[attr(79, v), name.clone()]));
        frames.push(radius(&[name.clone(), attr(79, v)]));
        frames.push(radius(&[attr(79, v), attr(27, &[0, 0, 0, 30])]));
    }
    // A first attribute of length 1 (bogus) right after a one-byte message.
    frames.push(radius(&[attr(79, &[3]), vec![1, 1]]));
    let recs = with_cuts(&frames, 62, 1);
    let flags: &[&[&str]] = &[&["-nv"], &["-nvv"], &["-nvx"], &["-nvvvA"]];
    assert_same_recs(DIR, "radius_eap.pcap", LinkType::En10mb, &recs, flags);
}

/// BGP layer-2 info extended communities (type 0x800a) with every
/// encapsulation type tcpdump names and some it does not: its names are
/// those of RFC 6624's registry, not the pseudowire types'.
#[test]
fn bgp_l2info_encapsulations() {
    let ps = Pseudo::V4(A4, B4);
    let mut frames = Vec::new();
    for first in (0u8..=50).step_by(10) {
        let mut comms = Vec::new();
        for t in first..first + 10 {
            comms.extend_from_slice(&[0x80, 0x0a, t, 0xac, 0x11, 0x00, 0, 0]);
        }
        // Path attributes: ORIGIN, then extended communities (optional, transitive).
        let mut attrs = vec![0x40, 1, 1, 0, 0xc0, 16, comms.len() as u8];
        attrs.extend_from_slice(&comms);
        let mut m = vec![0xff; 16];
        let len = 19 + 2 + 2 + attrs.len();
        m.extend_from_slice(&(len as u16).to_be_bytes());
        m.push(2);
        m.extend_from_slice(&0u16.to_be_bytes());
        m.extend_from_slice(&(attrs.len() as u16).to_be_bytes());
        m.extend_from_slice(&attrs);
        let mut t = Tcp::new(1234, 179, 0x18, 1, 1);
        t.win = 8192;
        frames.push(eth(0x0800, &Ip4::new(A4, B4, 6).build(&t.build(&ps, &m))));
    }
    let recs: Vec<_> = frames
        .into_iter()
        .enumerate()
        .map(|(i, f)| rec(i, f))
        .collect();
    let flags: &[&[&str]] = &[&["-nv"], &["-nvvv"]];
    assert_same_recs(DIR, "bgp_l2info.pcap", LinkType::En10mb, &recs, flags);
}
