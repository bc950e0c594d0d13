#!/usr/bin/env python3
"""Writes the captures of tests/print_vpn.rs into tests/data/vpn/: one pcap per protocol
(AH, ISAKMP/IKE, RADIUS, L2TP, Kerberos), realistic and malformed packets.
Deterministic (fixed timestamps). Needs scapy; the tests only read the files and
compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_vpn.py tests/data/vpn
"""
import os
import struct
import sys
from scapy.all import IP, IPv6, UDP, TCP, Raw, wrpcap
from scapy.layers.dns import DNS, DNSQR

from pktgen_scapy import E, A, B, ip

A6, B6 = "fd00::1", "fd00::2"


def ah_hdr(nh, spi, seq, icv, words=None, reserved=0):
    if words is None:
        words = (12 + len(icv)) // 4 - 2
    return struct.pack(">BBHII", nh, words, reserved, spi, seq) + icv


def ah():
    icv = bytes(range(12))
    tcp = bytes(TCP(sport=1234, dport=80, flags="S", seq=1))
    udp = bytes(UDP(sport=1234, dport=53) / DNS(qd=DNSQR(qname="a.com")))
    icmp = bytes.fromhex("0800f7ff00000000")
    return [
        E / ip(51) / Raw(ah_hdr(6, 0x1234, 5, icv) + tcp),
        E / ip(51) / Raw(ah_hdr(17, 1, 9, bytes(12), reserved=1) + udp),
        E / ip(51) / Raw(ah_hdr(1, 0xdeadbeef, 0xffffffff, icv) + icmp),
        E / ip(51) / Raw(ah_hdr(50, 0x100, 2, icv) + bytes.fromhex("0000aaaa00000003") + bytes(16)),
        # AH in AH, AH over IP-in-IP, AH with a 16-byte ICV, no ICV at all.
        E / ip(51) / Raw(ah_hdr(51, 1, 1, icv) + ah_hdr(6, 2, 2, icv) + tcp),
        E / ip(51) / Raw(ah_hdr(4, 7, 7, icv) + bytes(IP(src="1.1.1.1", dst="2.2.2.2") / UDP(sport=5, dport=6))),
        E / ip(51) / Raw(ah_hdr(6, 3, 3, bytes(range(16))) + tcp),
        E / ip(51) / Raw(ah_hdr(59, 3, 3, b"")),
        E / ip(51) / Raw(ah_hdr(6, 3, 3, b"", words=0) + tcp),
        # Length past the packet's end; header cut short; unknown next protocol.
        E / ip(51) / Raw(ah_hdr(6, 1, 1, bytes(8), words=100)),
        E / ip(51) / Raw(bytes([6, 100, 0, 0, 0, 0, 0])),
        E / ip(51) / Raw(ah_hdr(200, 3, 3, icv) + b"abcd"),
        # IPv6: AH then TCP, UDP, ICMPv6, ESP, after a destination-options header.
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(6, 0x1234, 5, icv) + tcp),
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(17, 0x1234, 6, icv) + udp),
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(58, 0x1234, 7, icv) + bytes.fromhex("8000000000010001")),
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(50, 0x1234, 8, icv) + bytes(20)),
        E / IPv6(src=A6, dst=B6, nh=60) / Raw(bytes([51, 0, 1, 4, 0, 0, 0, 0]) + ah_hdr(6, 9, 9, icv) + tcp),
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(60, 9, 9, icv) + bytes([6, 0, 1, 4, 0, 0, 0, 0]) + tcp),
    ]


def gen(np, body, crit=0, length=None):
    """An ISAKMP generic payload header (next payload, critical, length) and body."""
    if length is None:
        length = len(body) + 4
    return struct.pack(">BBH", np, crit, length) + body


def chain(*items):
    """Payloads given as (type, body[, crit]) linked by their next-payload fields;
    returns (type of the first, bytes)."""
    out = b""
    for i, it in enumerate(items):
        nxt = items[i + 1][0] if i + 1 < len(items) else 0
        crit = it[2] if len(it) > 2 else 0
        out += gen(nxt, it[1], crit)
    return (items[0][0] if items else 0), out


def ike(ick, rck, first, body, ver=0x10, etype=2, flags=0, msgid=0, length=None):
    if length is None:
        length = 28 + len(body)
    return ick + rck + struct.pack(">BBBBII", first, ver, etype, flags, msgid, length) + body


def ikemsg(ick, rck, items, **kw):
    first, body = chain(*items)
    return ike(ick, rck, first, body, **kw)


def attr_b(t, v):
    return struct.pack(">HH", 0x8000 | t, v)


def attr_v(t, data):
    return struct.pack(">HH", t, len(data)) + data


def v1_t(no, tid, attrs):
    return struct.pack(">BBH", no, tid, 0) + attrs


def v1_p(no, proto, transforms, spi=b""):
    first, body = chain(*[(3, t) for t in transforms])
    return struct.pack(">BBBB", no, proto, len(spi), len(transforms)) + spi + body


def v1_sa(proposals, doi=1, sit=1):
    first, body = chain(*[(2, p) for p in proposals])
    return struct.pack(">II", doi, sit) + body


def v2_t(ttype, tid, attrs=b""):
    return struct.pack(">BBH", ttype, 0, tid) + attrs


def v2_p(no, proto, transforms, spi=b""):
    first, body = chain(*[(3, t) for t in transforms])
    return struct.pack(">BBBB", no, proto, len(spi), len(transforms)) + spi + body


def v2_sa(proposals):
    first, body = chain(*[(2, p) for p in proposals])
    return body


def udp(sport, dport, payload, src=A, dst=B):
    return E / IP(src=src, dst=dst) / UDP(sport=sport, dport=dport) / Raw(payload)


def udp6(sport, dport, payload):
    return E / IPv6(src=A6, dst=B6) / UDP(sport=sport, dport=dport) / Raw(payload)


def isakmp():
    I1, R1 = bytes.fromhex("0102030405060708"), bytes.fromhex("a1a2a3a4a5a6a7a8")
    I2, R2 = bytes.fromhex("1112131415161718"), bytes.fromhex("b1b2b3b4b5b6b7b8")
    Z = bytes(8)
    oakley = (attr_b(1, 5) + attr_b(2, 2) + attr_b(3, 1) + attr_b(4, 2) + attr_b(11, 1)
              + attr_v(12, struct.pack(">I", 28800)))
    oakley2 = (attr_b(1, 7) + attr_b(14, 256) + attr_b(2, 4) + attr_b(3, 3) + attr_b(4, 14)
               + attr_b(4, 18) + attr_b(5, 2) + attr_b(11, 2) + attr_b(12, 1000) + attr_b(99, 7))
    sa1 = v1_sa([v1_p(1, 1, [v1_t(1, 1, oakley), v1_t(2, 1, oakley2)])])
    vid = bytes.fromhex("4a131c81070358455c5728f20e95452f")
    esp_attrs = (attr_b(1, 1) + attr_v(2, struct.pack(">I", 3600)) + attr_b(4, 1) + attr_b(5, 2)
                 + attr_b(3, 2) + attr_b(6, 128) + attr_b(7, 3) + attr_b(4, 3) + attr_b(5, 9))
    sa_q = v1_sa([v1_p(1, 3, [v1_t(1, 3, esp_attrs), v1_t(2, 12, attr_b(6, 256))], spi=b"\x11\x22\x33\x44"),
                  v1_p(2, 2, [v1_t(1, 3, attr_b(5, 2)), v1_t(2, 9, b"")], spi=b"\x55\x66\x77\x88"),
                  v1_p(3, 4, [v1_t(1, 2, attr_b(8, 4)), v1_t(2, 7, b"")], spi=b"\x00\x01"),
                  v1_p(4, 9, [v1_t(1, 5, attr_b(1, 1) + attr_v(2, b"ab"))])])
    idp = lambda t, proto, port, data: struct.pack(">BBH", t, proto, port) + data
    ip4 = lambda s: bytes(int(x) for x in s.split("."))
    ip6b = lambda s: __import__("ipaddress").IPv6Address(s).packed
    nonce = bytes(range(24))
    ke = bytes(range(128))
    n = lambda doi, proto, typ, spi=b"", data=b"": struct.pack(">IBBH", doi, proto, len(spi), typ) + spi + data
    d = lambda doi, proto, spis, size: struct.pack(">IBBH", doi, proto, size, len(spis)) + b"".join(spis)
    p = [
        # IKEv1 main mode between A and B: initiator, responder, then both again.
        udp(500, 500, ikemsg(I1, Z, [(1, sa1), (13, vid), (13, b"\xaf\xca\xd7\x13")])),
        udp(500, 500, ikemsg(I1, R1, [(1, v1_sa([v1_p(1, 1, [v1_t(1, 1, oakley)])])), (13, vid)]),
            src=B, dst=A),
        udp(500, 500, ikemsg(I1, R1, [(4, ke), (10, nonce), (20, bytes(20)), (20, bytes(20))])),
        udp(500, 500, ikemsg(I1, R1, [(4, ke), (10, nonce[:16])]), src=B, dst=A),
        udp(500, 500, ike(I1, R1, 5, bytes(60), flags=1)),
        udp(500, 500, ike(I1, R1, 5, bytes(60), flags=1), src=B, dst=A),
        # From a third address: neither side.
        udp(500, 500, ike(I1, R1, 8, gen(0, bytes(20)), etype=5, msgid=7), src="10.0.0.9"),
        # Quick mode (phase 2) with hash, SA, nonce and identities; commit flag.
        udp(500, 500, ikemsg(I1, R1, [(8, bytes(20)), (1, sa_q), (10, nonce),
                                      (5, idp(4, 17, 500, ip4("10.1.0.0") + ip4("255.255.0.0"))),
                                      (5, idp(1, 0, 0, ip4("10.2.0.1")))],
                             etype=32, msgid=0x12345678, flags=2)),
        udp(500, 500, ikemsg(I1, R1, [(8, bytes(20))], etype=32, msgid=0x12345678, flags=3), src=B, dst=A),
        # Informational: notifications and deletes.
        udp(500, 500, ikemsg(I1, R1, [(8, bytes(20)), (11, n(1, 1, 24578, spi=I1 + R1)),
                                      (12, d(1, 3, [b"\x11\x22\x33\x44", b"\x55\x66\x77\x88"], 4))],
                             etype=5, msgid=0x9abcdef0)),
        udp(500, 500, ikemsg(I1, R1, [(11, n(1, 3, 24576, spi=b"\x11\x22\x33\x44",
                                              data=attr_b(11, 1) + attr_v(12, struct.pack(">I", 3600)))),
                                      (11, n(1, 3, 24577, spi=b"\x11\x22\x33\x44", data=b"\x00\x00\x00\x01")),
                                      (11, n(1, 3, 24577, spi=b"\x11\x22\x33\x44", data=b"\x00\x00\x00\x00")),
                                      (11, n(1, 1, 14)), (11, n(1, 1, 16384)), (11, n(1, 1, 8192)),
                                      (11, n(1, 1, 8200)), (11, n(1, 1, 40000)), (11, n(1, 1, 30)),
                                      (11, n(1, 1, 31)), (11, n(1, 1, 24579, data=bytes(range(40)))),
                                      (11, n(2, 1, 14, spi=b"\x01\x02")), (11, n(2, 1, 9000)),
                                      (11, n(2, 1, 16384)), (11, n(2, 1, 30000)),
                                      (12, d(7, 9, [b"\x01"], 1)), (12, d(1, 1, [I1 + R1], 16))],
                             etype=5, msgid=1)),
        # Identities of every type, good and short.
        udp(500, 500, ikemsg(I2, Z, [(5, idp(1, 17, 500, ip4("192.0.2.1"))),
                                     (5, idp(2, 6, 0, b"vpn.example.com")),
                                     (5, idp(3, 0, 0, b"user@example.com\x01\xff")),
                                     (5, idp(5, 0, 0, ip6b("2001:db8::1"))),
                                     (5, idp(6, 0, 0, ip6b("2001:db8::") + ip6b("ffff:ffff::"))),
                                     (5, idp(7, 0, 0, ip4("10.0.0.1") + ip4("10.0.0.9"))),
                                     (5, idp(8, 0, 0, ip6b("2001:db8::1") + ip6b("2001:db8::9"))),
                                     (5, idp(9, 0, 0, bytes(12))), (5, idp(11, 0, 0, b"key")),
                                     (5, idp(12, 0, 0, b"xx")), (5, idp(1, 0, 0, b"\x01")),
                                     (5, idp(4, 0, 0, bytes(5))), (5, idp(5, 0, 0, bytes(5))),
                                     (5, idp(6, 0, 0, bytes(5))), (5, idp(7, 0, 0, bytes(5))),
                                     (5, idp(8, 0, 0, bytes(5))), (5, idp(2, 0, 0, b""))],
                             etype=4)),
        # Certificates, signatures, an unknown payload, a zero-length one.
        udp(500, 500, ikemsg(I2, R2, [(6, b"\x04" + bytes(30)), (7, b"\x04"), (7, b"\x63abc"), (9, bytes(40)),
                                      (14, b"zz"), (48, b"ee"), (46, b"ff")], etype=4), src=B, dst=A),
        udp(500, 500, ike(I2, R2, 10, gen(13, b"") + gen(0, b"x"), etype=4)),
        # SA variants: another DOI, secrecy situation, unknown protocol; a bad
        # attribute length; flags without E or C; a length mismatch.
        udp(500, 500, ikemsg(I2, R2, [(1, v1_sa([], doi=2, sit=5)), (1, v1_sa([v1_p(1, 1, [v1_t(1, 1, b"")])], sit=6))],
                             etype=2, flags=4)),
        udp(500, 500, ikemsg(I2, R2, [(1, v1_sa([v1_p(1, 1, [v1_t(1, 1, attr_b(1, 5) + struct.pack(">HH", 12, 40))])]))],
                             etype=1, length=500)),
        udp(500, 500, ikemsg(I2, R2, [(1, v1_sa([v1_p(1, 5, [v1_t(1, 1, attr_b(1, 5) + attr_v(2, b"abc"))])]))],
                             etype=7)),
        # Other versions and sizes.
        udp(500, 500, ike(I2, R2, 1, bytes(8), ver=0x30)),
        udp(500, 500, ike(I2, R2, 0, b"", ver=0x11, etype=200)),
        udp(500, 500, (I2 + R2)[:20]),
        udp(7500, 500, ike(I2, R2, 0, b"", etype=3)),
        udp(1234, 8500, ike(I2, R2, 0, b"", etype=33)),
        udp6(500, 500, ikemsg(I2 + b"", Z, [(13, vid)])),
        udp6(500, 500, ikemsg(I2, R2, [(13, vid)])),
    ]
    # IKEv2: IKE_SA_INIT request and response, IKE_AUTH (encrypted and not),
    # CREATE_CHILD_SA, INFORMATIONAL.
    J, K = bytes.fromhex("c0c1c2c3c4c5c6c7"), bytes.fromhex("d0d1d2d3d4d5d6d7")
    sa2 = v2_sa([v2_p(1, 1, [v2_t(1, 12, attr_b(14, 128)), v2_t(2, 2), v2_t(3, 2), v2_t(4, 14),
                             v2_t(1, 20, attr_b(14, 256)), v2_t(3, 12), v2_t(4, 19), v2_t(2, 5)]),
                 v2_p(2, 1, [v2_t(1, 3), v2_t(2, 1), v2_t(3, 1), v2_t(4, 2)])])
    ke2 = struct.pack(">HH", 14, 0) + bytes(range(256)) * 1
    n2 = lambda proto, typ, spi=b"", data=b"": struct.pack(">BBH", proto, len(spi), typ) + spi + data
    id2 = lambda t, data: struct.pack(">BBH", t, 0, 0) + data
    sa_child = v2_sa([v2_p(1, 3, [v2_t(1, 12, attr_b(14, 128)), v2_t(3, 12), v2_t(5, 0), v2_t(5, 1),
                                  v2_t(9, 3), v2_t(3, 99)], spi=b"\xde\xad\xbe\xef")])
    ts = bytes.fromhex("01000000070000100000ffff0a000000 0a0000ff".replace(" ", ""))
    p += [
        udp(500, 500, ikemsg(J, Z, [(33, sa2), (34, ke2), (40, nonce + nonce), (41, n2(0, 16388, data=bytes(20))),
                                    (41, n2(0, 16389, data=bytes(20))), (43, b"RFC 3947 vid\x01")],
                             ver=0x20, etype=34, flags=0x08)),
        udp(500, 500, ikemsg(J, K, [(33, v2_sa([v2_p(1, 1, [v2_t(1, 12, attr_b(14, 128)), v2_t(2, 2), v2_t(3, 2),
                                                         v2_t(4, 14)])])),
                                    (34, ke2), (40, nonce), (38, b"\x04" + bytes(20)), (41, n2(0, 16390, data=bytes(8))),
                                    (41, n2(0, 16390, data=bytes(40)))],
                             ver=0x20, etype=34, flags=0x20), src=B, dst=A),
        udp(500, 500, ikemsg(J, K, [(46, bytes(80))], ver=0x20, etype=35, flags=0x08, msgid=1)),
        udp(500, 500, ikemsg(J, K, [(35, id2(2, b"client.example.com")), (36, id2(1, b"\x0a\x00\x00\x02")),
                                    (39, b"\x02\x00\x00\x00" + bytes(20)), (33, sa_child), (44, ts), (45, ts),
                                    (41, n2(0, 16384)), (47, b"\x01\x00\x00\x00"), (48, b"\x01\x02\x00\x05\x01"),
                                    (37, b"\x04" + bytes(10)), (42, b"\x03\x04\x00\x01" + bytes(4))],
                             ver=0x20, etype=35, flags=0x08, msgid=1)),
        udp(500, 500, ikemsg(J, K, [(36, id2(3, b"a@b\x00")), (35, id2(5, bytes(16))), (35, id2(9, b"dn")),
                                    (35, id2(10, b"gn")), (35, id2(11, b"kid")), (35, id2(77, b"?")),
                                    (39, b"\x01\x00\x00\x00" + bytes(8)), (39, b"\x09\x00\x00\x00"),
                                    (39, b"\x03\x00\x00\x00" + bytes(40))],
                             ver=0x20, etype=35, flags=0x20, msgid=1), src=B, dst=A),
        udp(500, 500, ikemsg(J, K, [(41, n2(3, 7, spi=b"\x01\x02\x03\x04")), (41, n2(3, 9000)), (41, n2(3, 50000)),
                                    (41, n2(3, 16393, spi=b"\x01\x02\x03\x04")), (41, n2(1, 1)), (41, n2(1, 14)),
                                    (41, n2(9, 24)), (41, n2(1, 4, spi=b"\x99")), (41, n2(1, 36)), (41, n2(1, 16395)),
                                    (34, struct.pack(">H", 2)), (34, struct.pack(">HH", 99, 0)), (43, b""),
                                    (42, b"\x01\x00\x00\x00", 0x80), (40, b"nn", 0x80), (1, b"\x00" * 8)],
                             ver=0x20, etype=37, flags=0x10, msgid=2)),
        udp(500, 500, ikemsg(J, K, [(33, v2_sa([v2_p(1, 3, [v2_t(1, 3)], spi=b"\x01\x02\x03\x04"),
                                                v2_p(2, 3, [v2_t(1, 3)])]))],
                             ver=0x20, etype=36, flags=0x28, msgid=3)),
        # Malformed IKEv2 SAs: a proposal longer than the SA, a transform longer
        # than the proposal, a zero-length transform, a bad attribute length.
        udp(500, 500, ike(J, K, 33, gen(0, gen(0, struct.pack(">BBBB", 1, 1, 0, 1) + gen(0, v2_t(1, 3)), length=60)),
                          ver=0x20, etype=34)),
        udp(500, 500, ike(J, K, 33, gen(0, gen(0, struct.pack(">BBBB", 1, 1, 0, 1) + gen(0, v2_t(1, 3), length=40))),
                          ver=0x20, etype=34)),
        udp(500, 500, ike(J, K, 33, gen(0, gen(0, struct.pack(">BBBB", 1, 1, 0, 1) + gen(0, b"", length=4))),
                          ver=0x20, etype=34)),
        udp(500, 500, ike(J, K, 33, gen(0, gen(0, struct.pack(">BBBB", 1, 1, 4, 1) + b"ab")),
                          ver=0x20, etype=34)),
        udp(500, 500, ike(J, K, 33, gen(0, gen(0, struct.pack(">BBBB", 1, 1, 0, 1) + gen(0, v2_t(1, 3, struct.pack(">HH", 14, 50))))),
                          ver=0x20, etype=34)),
        udp(500, 500, ike(J, K, 33, gen(0, gen(0, struct.pack(">BBBB", 1, 1, 0, 2) + gen(7, v2_t(1, 3)) + gen(0, v2_t(1, 3)))
                                          + gen(0, b"xyzw")),
                          ver=0x20, etype=34)),
        udp(500, 500, ike(J, K, 33, gen(0, gen(9, struct.pack(">BBBB", 1, 1, 0, 1) + gen(0, v2_t(1, 3)))
                                          + gen(0, b"xyzw")),
                          ver=0x20, etype=34)),
        udp(500, 500, ike(J, K, 1, gen(0, bytes(8)), ver=0x20, etype=99, flags=0xff)),
        # NAT-T: keep-alive, IKE behind the non-ESP marker, ESP in UDP, short.
        udp(4500, 4500, b"\xff"),
        udp(4500, 4500, b"\x00"),
        udp(4500, 4500, b"\x00\x00"),
        udp(4500, 4500, bytes(4) + ikemsg(J, K, [(46, bytes(40))], ver=0x20, etype=35, flags=0x08, msgid=1)),
        udp(4500, 4500, bytes(4) + ikemsg(I1, R1, [(8, bytes(20))], etype=5, msgid=3, flags=1)),
        udp(4500, 4500, bytes(4) + bytes(10)),
        udp(4500, 4500, bytes.fromhex("0000abcd00000017") + bytes(40)),
        udp(4500, 4500, bytes.fromhex("0000abcd00000017")),
        udp(4500, 4500, bytes.fromhex("0000abcd")),
        udp(1025, 4500, bytes.fromhex("c0ffee0000000001") + bytes(100), src=B, dst=A),
        udp6(4500, 4500, bytes.fromhex("0000abcd00000017") + bytes(40)),
    ]
    # An IKE_AUTH with certificates, fragmented by IP (as real ones often are).
    from scapy.all import fragment
    big = ikemsg(J, K, [(35, id2(9, bytes(60))), (37, b"\x04" + bytes(1500)), (39, b"\x01\x00\x00\x00" + bytes(256))],
                 ver=0x20, etype=35, flags=0x08, msgid=1)
    for f in fragment(IP(src=A, dst=B, id=77) / UDP(sport=500, dport=500) / Raw(big), fragsize=1000):
        p.append(E / f)
    big1 = ikemsg(I1, R1, [(6, b"\x04" + bytes(1400)), (9, bytes(256))], etype=2)
    for f in fragment(IP(src=A, dst=B, id=78) / UDP(sport=500, dport=500) / Raw(big1), fragsize=600):
        p.append(E / f)
    return p


def rattr(t, v):
    return bytes([t, len(v) + 2]) + v


def rad(code, attrs, ident=1, length=None, auth=bytes(range(16))):
    body = b"".join(attrs)
    if length is None:
        length = 20 + len(body)
    return struct.pack(">BBH", code, ident, length) + auth + body


def eap(code, ident, data=b"", length=None):
    if length is None:
        length = 4 + len(data)
    return struct.pack(">BBH", code, ident, length) + data


def radius():
    u32 = lambda v: struct.pack(">I", v)
    ip4 = lambda s: bytes(int(x) for x in s.split("."))
    ip6b = lambda s: __import__("ipaddress").IPv6Address(s).packed
    ntp = struct.pack(">II", 3900000000, 0x80000000)
    req = [rattr(1, b"alice"), rattr(2, bytes(range(16))), rattr(4, ip4("10.0.0.1")), rattr(5, u32(7)),
           rattr(30, b"00-11-22-33-44-55:ssid"), rattr(31, b"66-77-88-99-AA-BB"), rattr(61, u32(19)),
           rattr(6, u32(2)), rattr(12, u32(1400)), rattr(79, eap(2, 0, b"\x01alice")),
           rattr(80, b"\x11\x22abc\x00def\x7fghij12"), rattr(24, b"state\x01")]
    p = [
        udp(51000, 1812, rad(1, req)),
        udp(1812, 51000, rad(11, [rattr(79, eap(1, 1, b"\x0d\x20")), rattr(27, u32(30)), rattr(24, b"xyz"),
                                  rattr(80, bytes(16))]), src=B, dst=A),
        udp(51000, 1812, rad(1, [rattr(1, b"alice"), rattr(79, eap(2, 1, b"\x0d\x80\x00\x00\x01\x00" + bytes(20))),
                                 rattr(79, eap(2, 1, b"\x0d\x40")), rattr(79, eap(2, 1, b"\x0d\xe0\x00\x00"))])),
        udp(1812, 51000, rad(2, [rattr(8, ip4("10.9.0.5")), rattr(9, ip4("255.255.255.0")), rattr(7, u32(1)),
                                 rattr(26, u32(311) + bytes([16, 6]) + b"abcd" + bytes([17, 4, 1, 2])),
                                 rattr(26, u32(9) + bytes([1, 12]) + b"shell:priv"),
                                 rattr(25, b"class-1"), rattr(27, u32(3600)), rattr(28, u32(600)), rattr(29, u32(1)),
                                 rattr(64, b"\x01\x00\x00\x0d"), rattr(65, b"\x00\x00\x00\x06"),
                                 rattr(81, b"\x0110"), rattr(81, b"\x0010"), rattr(81, b"vlan10"),
                                 rattr(18, b"Welcome"), rattr(79, eap(3, 2))], ident=2), src=B, dst=A),
        udp(1812, 51000, rad(3, [rattr(18, b"Denied\n"), rattr(79, eap(4, 3))], ident=3), src=B, dst=A),
        udp(51001, 1813, rad(4, [rattr(40, u32(1)), rattr(44, b"0000001A"), rattr(45, u32(1)), rattr(1, b"bob"),
                                 rattr(55, u32(1700000000)), rattr(41, u32(0)), rattr(8, ip4("10.9.0.5"))])),
        udp(51001, 1813, rad(4, [rattr(40, u32(2)), rattr(46, u32(3725)), rattr(42, u32(123456)),
                                 rattr(43, u32(654321)), rattr(47, u32(10)), rattr(48, u32(20)),
                                 rattr(49, u32(1)), rattr(52, u32(1)), rattr(53, u32(0)), rattr(51, u32(2)),
                                 rattr(50, b"multi"), rattr(85, u32(59)), rattr(86, u32(3))])),
        udp(1813, 51001, rad(5, [], ident=9), src=B, dst=A),
        udp(51002, 3799, rad(40, [rattr(1, b"bob"), rattr(44, b"0000001A")])),
        udp(3799, 51002, rad(41, []), src=B, dst=A),
        udp(3799, 51002, rad(42, [rattr(101, u32(503))]), src=B, dst=A),
        udp(51002, 3799, rad(43, [rattr(11, b"filter"), rattr(101, u32(999)), rattr(101, b"ab")])),
        udp(3799, 51002, rad(44, []), src=B, dst=A),
        udp(3799, 51002, rad(45, [rattr(101, u32(404))]), src=B, dst=A),
        udp(51003, 1812, rad(12, [rattr(80, bytes(range(1, 17)))])),
        udp(51003, 1812, rad(13, [])),
        udp(51003, 1812, rad(99, [rattr(1, b"x")])),
        udp(51003, 1812, rad(255, [])),
        # Addresses, IPv6 and prefixes.
        udp(51004, 1645, rad(2, [rattr(8, u32(0xffffffff)), rattr(8, u32(0xfffffffe)), rattr(14, u32(0xfffffffe)),
                                 rattr(14, ip4("192.0.2.7")), rattr(4, b"\x01\x02"), rattr(95, ip6b("2001:db8::1")),
                                 rattr(95, bytes(4)), rattr(98, ip6b("fe80::1")),
                                 rattr(97, b"\x00\x40" + ip6b("2001:db8:1::")[:8]),
                                 rattr(97, b"\x00\x80" + ip6b("2001:db8:1::")[:4]),
                                 rattr(97, b"\x00\x81"), rattr(97, b"\x00"), rattr(97, bytes(19)),
                                 rattr(123, b"\x00\x38" + ip6b("2001:db8:2::")[:7]), rattr(99, b"2001:db8::/64 :: 1"),
                                 rattr(100, b"pool6"), rattr(88, b"pool4"), rattr(87, b"eth0/1")])),
        # Numbers with special meanings, standard values, bad lengths.
        udp(51004, 1646, rad(4, [rattr(23, u32(0xfffffffe)), rattr(23, u32(5)), rattr(37, u32(0)), rattr(37, u32(4)),
                                 rattr(38, u32(0)), rattr(38, u32(8)), rattr(83, b"\x02\x00\x00\x05"),
                                 rattr(83, b"\x00\x00\x01\x00"), rattr(56, b"\x31\x00\x00\x0a"),
                                 rattr(56, b"\x33\x00\x00\x0a"), rattr(58, b"\x32vlan"), rattr(58, b"\x40x"),
                                 rattr(6, u32(0)), rattr(6, u32(19)), rattr(6, u32(20)), rattr(10, u32(3)),
                                 rattr(13, u32(4)), rattr(15, u32(8)), rattr(40, u32(15)), rattr(40, u32(16)),
                                 rattr(45, u32(4)), rattr(49, u32(23)), rattr(49, u32(24)), rattr(57, u32(2)),
                                 rattr(61, u32(43)), rattr(61, u32(44)), rattr(64, b"\x00\x00\x00\x0e"),
                                 rattr(65, b"\x05\x00\x00\x0f"), rattr(72, u32(4)), rattr(76, u32(1)),
                                 rattr(76, u32(2)), rattr(5, b"\x01\x02"), rattr(6, b"\x01"), rattr(27, u32(59)),
                                 rattr(28, u32(86400 * 3 + 5)), rattr(46, u32(0xffffffff)), rattr(62, u32(2)),
                                 rattr(75, u32(3)), rattr(16, u32(23)), rattr(12, u32(0))])),
        # Tunnel strings with tags, ARAP, the newer attributes.
        udp(51005, 1700, rad(1, [rattr(69, b"\x01\x81\x02secret"), rattr(69, b"\x40\x00\x02x"), rattr(69, b"\x00\x00"),
                                 rattr(66, b"\x0110.0.0.1"), rattr(67, b"\x0010.0.0.2"), rattr(82, b"\x20id"),
                                 rattr(90, b"\x1fcl"), rattr(91, b"srv"), rattr(68, b"conn"),
                                 rattr(70, bytes(range(16))), rattr(70, bytes(3)),
                                 rattr(71, b"\x01\x08" + bytes(range(12))), rattr(71, b"\x00\x06" + bytes(12)),
                                 rattr(71, bytes(2)), rattr(84, bytes(range(8, 16))), rattr(84, bytes(3)),
                                 rattr(73, b"sec"), rattr(74, b"data"), rattr(77, b"CONNECT 54Mbps"),
                                 rattr(78, b"tok"), rattr(60, bytes(16)), rattr(63, b"port"), rattr(89, b"cui"),
                                 rattr(92, b"permit in 1"), rattr(94, b"\x00\x01"), rattr(96, bytes(8)),
                                 rattr(102, b"key"), rattr(59, b"\x00" * 8), rattr(3, bytes(17)), rattr(54, b"u"),
                                 rattr(103, b"digest"), rattr(109, b"/uri"), rattr(121, b"ha1"), rattr(122, b"sip:a@b")])),
        udp(51005, 1812, rad(1, [rattr(124, bytes.fromhex("0003ff0000000003")), rattr(124, bytes(8)), rattr(124, bytes(4)),
                                 rattr(125, b"\x40" + ip6b("2001:db8::")), rattr(125, b"\x90" + bytes(16)),
                                 rattr(125, bytes(5)), rattr(126, b"1example.com"), rattr(126, b"0ABCDE"),
                                 rattr(126, b"9x"), rattr(126, b"3"),
                                 rattr(127, b"\x00\x01\x01\x00" + ntp + ntp + b"GPS"),
                                 rattr(127, b"\x00\x02\x07\x09" + bytes(16) + b"m"), rattr(127, bytes(20)),
                                 rattr(128, b"\x00\x05" + b"location-object-data-0123456789"),
                                 rattr(128, b"\x00\x01"),
                                 rattr(129, b"\x80\x01" + ntp + b"note"), rattr(129, b"\x00\x00" + ntp),
                                 rattr(129, bytes(9)), rattr(55, bytes(3))])),
        # Vendor-specific oddities.
        udp(51006, 1812, rad(1, [rattr(26, u32(2636) + bytes([1, 1])), rattr(26, u32(12356) + bytes([1, 9, 65])),
                                 rattr(26, u32(123456) + bytes([3, 2])), rattr(26, b"\x00\x00"),
                                 rattr(26, u32(14122) + bytes([1, 4, 1, 2, 7])), rattr(26, u32(0))])),
        # EAP variants.
        udp(51007, 1812, rad(1, [rattr(79, eap(2, 5, b"\x02hello")), rattr(79, eap(1, 5, b"\x02")),
                                 rattr(79, eap(2, 5, b"\x03\x04\x0d\x15\x63")), rattr(79, eap(2, 5, b"\x03")),
                                 rattr(79, eap(1, 6, b"\x04\x10" + bytes(16) + b"name")),
                                 rattr(79, eap(1, 7, b"\x15\x21")), rattr(79, eap(1, 7, b"\x15")),
                                 rattr(79, eap(1, 8, b"\x2b\x81\x00\x00\x00\x10")),
                                 rattr(79, eap(1, 8, b"\x2b\x81\x00")), rattr(79, eap(1, 8, b"\x2b")),
                                 rattr(79, eap(1, 9, b"\x12\x0a\x00\x00")), rattr(79, eap(2, 9, b"\x17\x01")),
                                 rattr(79, eap(2, 9, b"\x17\x63")), rattr(79, eap(2, 9, b"\x12")),
                                 rattr(79, eap(2, 9, b"\x05xx")), rattr(79, eap(2, 9, b"\xfe\x00\x00\x00")),
                                 rattr(79, eap(2, 9, b"\x63")), rattr(79, eap(9, 9, b"zz")),
                                 rattr(79, eap(1, 9, b"\x01id", length=40)), rattr(79, eap(1, 9, length=2) + b"ab"),
                                 rattr(79, eap(1, 9)), rattr(79, eap(2, 9, b"\x01ab\x00cd")),
                                 rattr(79, b"\x01")])),
        # Malformed attributes and headers.
        udp(51008, 1812, rad(1, [rattr(1, b"a"), b"\x01\x01", rattr(1, b"b")])),
        udp(51008, 1812, rad(1, [rattr(1, b"a"), b"\x01\x00"])),
        udp(51008, 1812, rad(1, [rattr(1, b"a"), b"\x01\x09ab"])),
        udp(51008, 1812, rad(1, [rattr(0, b"zero"), rattr(200, b"hi"), rattr(130, b""), rattr(1, b""), b"\x01"])),
        udp(51008, 1812, rad(1, [rattr(1, b"abcdef")], length=24)),
        udp(51008, 1812, rad(1, [rattr(1, b"abc")], length=300)),
        udp(51008, 1812, rad(1, [], length=12)),
        udp(51008, 1812, rad(1, [])[:15]),
        udp(1812, 1813, rad(2, [rattr(1, b"both")])),
        udp6(51009, 1812, rad(1, [rattr(1, b"v6user"), rattr(95, ip6b("2001:db8::5"))])),
    ]
    return p


def avp(t, v=b"", m=True, h=False, vendor=0, length=None):
    if length is None:
        length = 6 + len(v)
    flags = (0x8000 if m else 0) | (0x4000 if h else 0) | length
    return struct.pack(">HHH", flags, vendor, t) + v


def l2tp_ctrl(tid, sid, ns, nr, avps, length=None, flags=0xc802):
    body = b"".join(avps)
    if length is None:
        length = 12 + len(body)
    return struct.pack(">HHHHHH", flags, length, tid, sid, ns, nr) + body


def l2tp():
    u16 = lambda v: struct.pack(">H", v)
    u32 = lambda v: struct.pack(">I", v)
    lcp = bytes.fromhex("ff03c0210101000e01040578050600000001")
    ipcp = bytes.fromhex("ff0380210101000a0306c0a80101")
    ip_in = bytes(IP(src="192.168.1.2", dst="192.168.1.1") / UDP(sport=1, dport=2) / Raw(b"x"))
    sccrq = [avp(0, u16(1)), avp(2, u16(0x0100)), avp(3, u32(3)), avp(4, u32(3)), avp(5, bytes(range(8)), m=False),
             avp(6, u16(0x1120), m=False), avp(7, b"lac.example"), avp(8, b"Vendor\x01", m=False),
             avp(9, u16(100)), avp(10, u16(8)), avp(11, bytes(range(16)))]
    p = [
        udp(1701, 1701, l2tp_ctrl(0, 0, 0, 0, sccrq)),
        udp(1701, 1701, l2tp_ctrl(100, 0, 0, 1, [avp(0, u16(2)), avp(2, u16(0x0100)), avp(3, u32(1)),
                                                avp(4, u32(2)), avp(7, b"lns"), avp(9, u16(200)),
                                                avp(13, bytes(16)), avp(11, bytes(8))]), src=B, dst=A),
        udp(1701, 1701, l2tp_ctrl(200, 0, 1, 1, [avp(0, u16(3)), avp(13, bytes(range(16)))])),
        udp(1701, 1701, l2tp_ctrl(100, 0, 1, 2, []), src=B, dst=A),
        udp(1701, 1701, l2tp_ctrl(200, 0, 2, 1, [avp(0, u16(10)), avp(14, u16(5)), avp(15, u32(1234)),
                                                avp(18, u32(1)), avp(21, b"5551234"), avp(22, b"5559876"),
                                                avp(23, b"sub"), avp(25, u32(7)), avp(20, u16(1))])),
        udp(1701, 1701, l2tp_ctrl(100, 5, 2, 3, [avp(0, u16(11)), avp(14, u16(9))]), src=B, dst=A),
        udp(1701, 1701, l2tp_ctrl(200, 9, 3, 3, [avp(0, u16(12)), avp(24, u32(100000000)), avp(19, u32(1)),
                                                avp(38, u32(54000)), avp(26, lcp[2:]), avp(27, lcp[2:]),
                                                avp(28, lcp[2:]), avp(29, u16(2)), avp(30, b"user"),
                                                avp(31, bytes(16)), avp(32, u16(0x1234)), avp(33, bytes(16)),
                                                avp(39), avp(36, bytes(4)), avp(37, b"grp")])),
        # Data messages carrying PPP: LCP, IPCP, IP; with sequence numbers,
        # offsets, the length field and priority.
        udp(1701, 1701, struct.pack(">HHH", 0x0002, 200, 9) + lcp),
        udp(1701, 1701, struct.pack(">HHH", 0x0002, 100, 5) + ipcp, src=B, dst=A),
        udp(1701, 1701, struct.pack(">HHH", 0x0002, 200, 9) + b"\xff\x03\x00\x21" + ip_in),
        udp(1701, 1701, struct.pack(">HHHHH", 0x0802, 200, 9, 4, 5) + b"\x00\x21" + ip_in),
        udp(1701, 1701, struct.pack(">HHHHHH", 0x4b02, 10 + 2 + len(ip_in), 200, 9, 4, 5) + b"\x00\x21" + ip_in),
        udp(1701, 1701, struct.pack(">HHHH", 0x0302, 200, 9, 3) + b"pad" + lcp),
        udp(1701, 1701, struct.pack(">HHHH", 0x0202, 200, 9, 300) + b"pad"),
        udp(1701, 1701, struct.pack(">HHH", 0x0002, 200, 9) + b"\xc0\x23\x01\x01\x00\x0d\x04user\x03pwd"),
        # Teardown: StopCCN, CDN with result codes, WEN, SLI, HELLO, unknown types.
        udp(1701, 1701, l2tp_ctrl(100, 0, 4, 4, [avp(0, u16(4)), avp(9, u16(100)), avp(1, u16(1)),
                                                avp(1, u16(2) + u16(6)), avp(1, u16(2) + u16(6) + b"shut down"),
                                                avp(1, u16(1) + b"x"), avp(1, b"z")])),
        udp(1701, 1701, l2tp_ctrl(100, 9, 5, 4, [avp(0, u16(14)), avp(1, u16(3)), avp(14, u16(9)),
                                                avp(12, u16(16) + b"\x05" + b"normal"), avp(12, u16(16) + b"\x05"),
                                                avp(12, b"\x01"), avp(46, u16(1) + u16(0xc021) + b"\x01" + b"lcp down"),
                                                avp(46, u16(1) + u16(0xc021) + b"\x07"), avp(46, b"\x00")])),
        udp(1701, 1701, l2tp_ctrl(100, 9, 6, 4, [avp(0, u16(15)), avp(34, u16(0) + u32(1) + u32(2) + u32(3) + u32(4) + u32(5) + u32(6)),
                                                avp(34, u16(0) + u32(1)), avp(34, b"\x00")])),
        udp(1701, 1701, l2tp_ctrl(100, 9, 7, 4, [avp(0, u16(16)), avp(35, u16(0) + u32(0xffffffff) + u32(0)),
                                                avp(35, u16(0) + u32(1)), avp(35, b"\x00")])),
        udp(1701, 1701, l2tp_ctrl(100, 0, 8, 4, [avp(0, u16(6))])),
        udp(1701, 1701, l2tp_ctrl(100, 0, 8, 4, [avp(0, u16(5)), avp(0, u16(99)), avp(0, b"\x01"), avp(77, b"??"),
                                                avp(7, b"secret", h=True), avp(9, u16(3), m=False, h=True),
                                                avp(1, b"abcd", vendor=9), avp(5, b"", vendor=311),
                                                avp(2, b"\x01"), avp(3, b"\x00"), avp(4, b"\x00"), avp(5, b"\x00"),
                                                avp(6, b"\x00"), avp(13, b"\x00"), avp(15, b"\x00"), avp(18, b"\x00"),
                                                avp(19, b"\x00"), avp(29, b"\x00"), avp(29, u16(9)), avp(32, b"\x00"),
                                                avp(3, u32(0)), avp(4, u32(0))])),
        # Malformed: bad AVP lengths, lengths past the message, no length field,
        # header longer than the message, L2F and unknown versions.
        udp(1701, 1701, l2tp_ctrl(100, 0, 9, 4, [avp(0, u16(6), length=4), avp(0, u16(6))])),
        udp(1701, 1701, l2tp_ctrl(100, 0, 9, 4, [avp(0, u16(6), length=40)])),
        udp(1701, 1701, l2tp_ctrl(100, 0, 9, 4, [avp(0, u16(6))], length=300)),
        udp(1701, 1701, l2tp_ctrl(100, 0, 9, 4, [avp(0, u16(6))], length=8)),
        udp(1701, 1701, l2tp_ctrl(100, 0, 9, 4, [avp(0, u16(6))], length=16)),
        udp(1701, 1701, struct.pack(">HHHHH", 0x8802, 100, 0, 1, 1) + avp(0, u16(6))),
        udp(1701, 1701, struct.pack(">HHH", 0x0001, 1, 2) + b"l2f"),
        udp(1701, 1701, struct.pack(">HHH", 0x0003, 1, 2)),
        udp(1701, 1701, b"\x00\x02\x00"),
        udp(1701, 1701, b"\x00"),
        udp(1701, 1701, struct.pack(">HH", 0x0002, 1)),
        udp(1701, 1701, struct.pack(">HHH", 0x0002, 200, 9)),
        udp(1701, 1701, struct.pack(">HHH", 0x0002, 200, 9) + b"\xff"),
        udp(1701, 50000, l2tp_ctrl(1, 2, 0, 0, [avp(0, u16(6))])),
        udp6(1701, 1701, l2tp_ctrl(1, 2, 0, 0, [avp(0, u16(6))])),
    ]
    return p


def krb():
    z = b"\x00"
    kdc_req = b"\x04\x02" + b"alice" + z + z + b"ATHENA.MIT.EDU" + z + struct.pack(">I", 0x5f000000) + b"\x60" + b"krbtgt" + z + b"ATHENA.MIT.EDU" + z
    kdc_req_le = b"\x04\x03" + b"bob" + z + b"admin" + z + b"R" + z + bytes(4) + b"\x01" + b"rcmd" + z + b"host\x01" + z
    kdc_rep = b"\x04\x04" + b"alice" + z + z + b"ATHENA.MIT.EDU" + z + bytes(4) + b"\x01" + bytes(4) + b"\x01" + b"\x00\x70" + bytes(112)
    kdc_rep_le = b"\x04\x05" + b"alice" + z + z + b"R" + z + bytes(10) + b"\x70\x00" + bytes(20)
    appl = b"\x04\x06" + b"\x03" + b"ATHENA.MIT.EDU" + z + b"\x40" + b"\x20" + bytes(64)
    err = b"\x04\x0a" + b"alice" + z + z + b"ATHENA" + z + bytes(4) + b"\x00\x08" + bytes(2) + b"Principal unknown" + z
    err_le = b"\x04\x0b" + b"x" + z + z + b"R" + z + bytes(4) + b"\x01\x00\x00\x00" + b"msg" + z
    err_unknown = b"\x04\x0a" + b"x" + z + z + b"R" + z + bytes(4) + b"\x00\x63\x00\x00" + b"m" + z
    as_req5 = bytes.fromhex("6a81a53081a2a103020105a20302010aa31530133011a10402020095a20904073005a0030201")
    as_rep5 = bytes.fromhex("6b8202a0308202") + bytes(40)
    krb_err5 = bytes.fromhex("7e81a0") + bytes(20)
    tgs_req5 = bytes.fromhex("6c82") + bytes(20)
    p = [
        udp(49152, 88, kdc_req), udp(88, 49152, kdc_rep, src=B, dst=A), udp(49153, 88, kdc_req_le),
        udp(88, 49153, kdc_rep_le, src=B, dst=A), udp(49154, 88, appl), udp(88, 49154, err, src=B, dst=A),
        udp(88, 49155, err_le, src=B, dst=A), udp(88, 49155, err_unknown, src=B, dst=A),
        udp(49156, 88, b"\x04\x08" + bytes(10)), udp(49156, 88, b"\x04\x0c" + bytes(10)),
        udp(49156, 88, b"\x04\x0e"), udp(49156, 88, b"\x04\x10"), udp(49156, 88, b"\x04\x7e"),
        udp(49156, 88, b"\x04\x50"), udp(49156, 88, b"\x04\x02abc"), udp(49156, 88, b"\x04\x02a\x00b"),
        udp(49156, 88, b"\x04\x02a\x00b\x00c"), udp(49156, 88, b"\x04\x02a\x00b\x00c\x00\x00\x00"),
        udp(49156, 88, b"\x04\x06\x01R"), udp(49156, 88, b"\x04\x06\x01R\x00\x05"),
        udp(49156, 88, b"\x04\x04a\x00b\x00c\x00" + bytes(5)), udp(49156, 88, b"\x04\x0aa\x00b\x00c\x00" + bytes(9)),
        udp(49156, 88, b"\x04\x0a\xe9\x01\x7f\x00\x00R\x00" + bytes(8) + b"\x80\x00"),
        udp(49156, 88, b"\x04"), udp(49156, 88, b""),
        udp(49157, 88, as_req5), udp(88, 49157, as_rep5, src=B, dst=A), udp(88, 49157, krb_err5, src=B, dst=A),
        udp(49157, 88, tgs_req5), udp(49157, 88, b"\x01\x02"), udp(49157, 88, b"\x02"), udp(49157, 88, b"\x03"),
        udp(49157, 88, b"\x05\x00"), udp(49157, 88, b"\x00"), udp(49157, 88, b"\xff"),
        udp(49158, 750, kdc_req), udp(750, 49158, err, src=B, dst=A), udp(49158, 750, as_req5),
        udp6(49159, 88, as_req5), udp6(49159, 88, kdc_req),
    ]
    return p


def ports():
    """Which printer wins when both ports have one (tcpdump's dispatch order)."""
    mine = [88, 750, 500, 4500, 7500, 8500, 1701, 1645, 1646, 1700, 1812, 1813, 3799]
    others = [53, 67, 68, 123, 161, 162, 514, 4789, 5353, 6081, 6635, 49152] + mine
    payload = bytes.fromhex("04020102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
    return [udp(a, b, payload) for a in mine for b in others if a != b]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, pkts in [("ah", ah()), ("isakmp", isakmp()), ("radius", radius()), ("l2tp", l2tp()), ("krb", krb()), ("ports", ports())]:
        for i, p in enumerate(pkts):
            p.time = 1700000000 + i / 1000
        wrpcap(os.path.join(out, name + ".pcap"), pkts)


if __name__ == "__main__":
    main()
