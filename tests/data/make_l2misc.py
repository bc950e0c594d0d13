#!/usr/bin/env python3
"""Writes the captures of tests/print_l2misc.rs into tests/data/l2misc/: CDP, the
slow protocols (LACP, Marker, OAM), EIGRP, and smaller IP protocols (GRE with
source routes, IPComp, EGP, PGM, VRRP, EtherIP, cut NTP). Realistic and malformed
packets; deterministic (fixed timestamps). Needs scapy; the tests only read the
files and compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_l2misc.py tests/data/l2misc
"""
import os
import struct
import sys
from scapy.all import Ether, IP, IPv6, UDP, Raw

from pktgen import inet_sum
from pktgen_scapy import write

CDP_DST = "01:00:0c:cc:cc:cc"
SRC = "00:11:22:33:44:55"


def llc_snap(oui, pid):
    return bytes([0xAA, 0xAA, 0x03]) + oui.to_bytes(3, "big") + struct.pack(">H", pid)


def dot3(dst, payload):
    """An 802.3 frame (length field) carrying `payload` (LLC and up)."""
    return Ether(dst=dst, src=SRC, type=len(payload)) / Raw(payload)


def tlv(t, v, length=None):
    return struct.pack(">HH", t, len(v) + 4 if length is None else length) + v


def cdp(tlvs, ver=2, ttl=180, ck=0xB9F2, pid=0x2000):
    body = struct.pack(">BBH", ver, ttl, ck) + b"".join(tlvs)
    return dot3(CDP_DST, llc_snap(0x00000C, pid) + body)


IP4 = struct.pack(">BBBH", 1, 1, 0xCC, 4)
IP6 = struct.pack(">BB", 2, 8) + bytes.fromhex("aaaa0300000086dd") + struct.pack(">H", 16)


def addrs(*recs, num=None):
    return struct.pack(">I", len(recs) if num is None else num) + b"".join(recs)


def v4(a):
    return IP4 + bytes(int(x) for x in a.split("."))


def v6(a):
    import ipaddress
    return IP6 + ipaddress.IPv6Address(a).packed


def cdp_packets():
    version = (b"Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 12.2(55)SE5, "
               b"RELEASE SOFTWARE (fc1)\nTechnical Support: http://www.cisco.com/techsupport\n"
               b"Copyright (c) 1986-2012 by Cisco Systems, Inc.\nCompiled Thu 09-Feb-12 18:36 by prod_rel_team")
    switch = cdp([
        tlv(1, b"sw-access-01.example.net"),
        tlv(2, addrs(v4("192.168.10.2"))),
        tlv(3, b"GigabitEthernet0/24"),
        tlv(4, struct.pack(">I", 0x28)),
        tlv(5, version),
        tlv(6, b"cisco WS-C2960-24TT-L"),
        tlv(8, bytes.fromhex("00000c011200000000ffffffff010221ff000000000000001e4a7c3b80ff0000")),
        tlv(9, b"CORP"),
        tlv(10, struct.pack(">H", 10)),
        tlv(11, b"\x01"),
        tlv(0x16, addrs(v4("192.168.10.2"))),
    ])
    phone = cdp([
        tlv(1, b"SEP001122334455"),
        tlv(2, addrs(v4("10.20.30.40"), v6("2001:db8::40"))),
        tlv(3, b"Port 1"),
        tlv(4, struct.pack(">I", 0x490)),
        tlv(5, b"SIP75.8-5-3S"),
        tlv(6, b"Cisco IP Phone 7975"),
        tlv(0x0f, b"\x20\x00"),
        tlv(0x10, struct.pack(">H", 12000)),
        tlv(0x11, struct.pack(">I", 1500)),
        tlv(0x12, b"\x00"),
        tlv(0x13, b"\x00"),
        tlv(0x17, b"\x00"),
        tlv(0x0b, b"\x00"),
    ], ttl=180)
    router = cdp([
        tlv(1, b"rtr1"),
        tlv(5, b"Cisco IOS XE Software\n"),
        tlv(6, b"cisco ISR4331/K9"),
        tlv(7, bytes([10, 0, 0, 0, 8, 192, 168, 1, 0, 24, 172, 16, 0, 0, 12])),
        tlv(0x0e, b"\x01\x00\x64"),
        tlv(0x14, b"rtr1-sysname"),
        tlv(0x15, bytes.fromhex("060a2b060104010903")),
        tlv(0x17, b"\x01Building 1, Floor 2"),
        tlv(0x1a, struct.pack(">HHII", 1, 2, 15400, 30000)),
        tlv(0x1f, b"xyz"),
        tlv(0x00, b"ab"),
        tlv(0x0c, b"cd"),
        tlv(0x0d, b""),
    ], ver=1, ttl=60)
    odd_addrs = cdp([
        tlv(1, b"odd\x01\xffname\n"),
        tlv(2, addrs(struct.pack(">BB", 1, 1) + b"\x81" + struct.pack(">H", 3) + b"abc",
                     struct.pack(">BB", 2, 8) + bytes(8) + struct.pack(">H", 16) + bytes(16),
                     v4("1.2.3.4") + b"\x00\x01")),
        tlv(2, addrs(v4("1.2.3.4"), num=3)),
        tlv(2, addrs(struct.pack(">BB", 1, 5) + b"ab")),
        tlv(2, addrs(struct.pack(">BB", 1, 1) + b"\xcc" + struct.pack(">H", 4) + b"\x01\x02")),
        tlv(2, addrs(struct.pack(">BB", 9, 0) + struct.pack(">H", 6) + b"\x01\x02")),
        tlv(2, b"\x00\x00"),
        tlv(2, addrs(v4("1.2.3.4"), num=0) + b"\x01"),
        tlv(0x16, b"\x00\x00\x00"),
        tlv(7, bytes(7)),
        tlv(4, b"\x00\x00\x00"),
        tlv(10, b"\x00"),
        tlv(11, b"\x00\x00"),
        tlv(0x0e, b"\x00\x00"),
        tlv(0x0f, b"\x00\x00\x00\x00"),
        tlv(0x10, b""),
        tlv(0x10, b"\x01\x02\x03\x04"),
        tlv(0x11, b"\x00"),
        tlv(0x12, b""),
        tlv(0x17, b""),
    ])
    power = [cdp([tlv(1, b"p"), tlv(0x10, v)]) for v in (
        b"\x7d", struct.pack(">H", 375), struct.pack(">H", 625), struct.pack(">H", 875),
        struct.pack(">H", 1005), struct.pack(">H", 2675), b"\xff\xff\xff", b"\x00")]
    bad = [
        cdp([tlv(1, b"short", length=3)]),
        cdp([tlv(0x33, b"", length=1)]),
        cdp([tlv(1, b"long", length=200)]),
        cdp([tlv(1, b"x"), b"\x00\x01\x00"]),
        dot3(CDP_DST, llc_snap(0x00000C, 0x2000) + b"\x02\xb4"),
        cdp([]),
        cdp([tlv(5, b"line1\n\tline2\r\n\x80\x7f")]),
    ]
    # The 802.3 length counts past the CDP TLVs: trailing pad.
    pad = cdp([tlv(1, b"pad")])
    pad = Ether(bytes(pad) + bytes(20))
    return [switch, phone, router, odd_addrs] + power + bad + [pad]


SLOW_DST = "01:80:c2:00:00:02"


def slow(body):
    return Ether(dst=SLOW_DST, src=SRC, type=0x8809) / Raw(body)


def actor(t, sys_pri, sys, key, port_pri, port, state, length=20):
    mac = bytes.fromhex(sys.replace(":", ""))
    return struct.pack(">BBH", t, length, sys_pri) + mac + struct.pack(">HHHB", key, port_pri, port, state) + bytes(3)


def lacp(a_state=0x3D, p_state=0x3F, extra=b"", version=1):
    body = (bytes([1, version]) + actor(1, 32768, "00:11:22:33:44:55", 13, 32768, 0x0107, a_state)
            + actor(2, 32768, "00:aa:bb:cc:dd:ee", 29, 32768, 0x0021, p_state)
            + struct.pack(">BBH", 3, 16, 50) + bytes(12) + extra + b"\x00\x00" + bytes(50))
    return slow(body)


def marker(resp=False):
    return slow(bytes([2, 1]) + struct.pack(">BBH", 2 if resp else 1, 16, 0x0107)
                + bytes.fromhex("001122334455") + struct.pack(">I", 0x1234ABCD) + bytes(2)
                + b"\x00\x00" + bytes(90))


def oam_info(t, state=0, config=0x1D, pdu=1518, oui=0x00000C, vp=0x01020304, length=16):
    return struct.pack(">BBBHBBH", t, length, 1, 7, state, config, pdu) + oui.to_bytes(3, "big") + struct.pack(">I", vp)


def oam(flags, code, body):
    return slow(struct.pack(">BHB", 3, flags, code) + body)


def link_event(t, length=40):
    return (struct.pack(">BBH", t, length, 5) + struct.pack(">QQQQI", 1000, 1, 3, 12345678901234, 7))


def slow_packets():
    return [
        lacp(),
        lacp(a_state=0x47, p_state=0x00),
        lacp(a_state=0xFF, p_state=0x80, extra=struct.pack(">BB", 0x33, 4) + b"ab"),
        lacp(version=2),
        slow(bytes([1, 1]) + actor(1, 1, "00:00:00:00:00:01", 1, 1, 1, 1, length=22) + bytes(2) + bytes(4)),
        slow(bytes([1, 1]) + struct.pack(">BBH", 3, 10, 1) + bytes(6) + b"\x00\x00"),
        slow(bytes([1, 1]) + struct.pack(">BB", 1, 1) + bytes(10)),
        slow(bytes([1, 1]) + struct.pack(">BB", 1, 200) + bytes(40)),
        marker(),
        marker(resp=True),
        slow(bytes([2, 1]) + struct.pack(">BB", 1, 12) + bytes(10) + bytes(40)),
        slow(bytes([2, 3]) + bytes(40)),
        oam(0x0050, 0, oam_info(1) + oam_info(2, state=5, config=0, oui=0x0080C2) + b"\x00\x00" + bytes(20)),
        oam(0x0008, 0, oam_info(1, state=6, config=0xFF, pdu=0xFFFF, oui=0x123456) + struct.pack(">BB", 0xFE, 7) + b"\x00\x12\x0f\x01\x02" + bytes(10)),
        oam(0x0007, 0, oam_info(1, length=10) + bytes(6) + struct.pack(">BB", 9, 3) + b"z" + bytes(10)),
        oam(0x0000, 0, struct.pack(">BB", 1, 1) + bytes(20)),
        oam(0x0000, 0, struct.pack(">BB", 1, 100) + bytes(20)),
        oam(0x0001, 1, struct.pack(">H", 42) + link_event(1) + link_event(2) + link_event(3) + link_event(4)
            + struct.pack(">BB", 0xFE, 6) + b"\x00\x12\x0f\xaa" + b"\x00\x00"),
        oam(0x0001, 1, struct.pack(">H", 43) + link_event(1, length=30) + bytes(10) + struct.pack(">BB", 7, 2)),
        oam(0x0001, 1, b"\x00"),
        oam(0x0000, 4, b"\x01" + bytes(40)),
        oam(0x0000, 4, b"\x02" + bytes(40)),
        oam(0x0000, 4, b"\x07"),
        oam(0x0000, 2, bytes.fromhex("07000200") + bytes(38)),
        oam(0x0000, 3, bytes.fromhex("0700020104") + bytes(37)),
        oam(0x0000, 0xFE, bytes.fromhex("00120f0102") + bytes(37)),
        oam(0x0000, 0x99, bytes(4)),
        slow(b"\x03\x00"),
        slow(bytes([9, 1, 2, 3]) + bytes(40)),
        slow(b"\x01"),
        slow(b"\x02"),
        slow(b""),
    ]


def eigrp_hdr(op, flags=0, seq=0, ack=0, asn=100, vrid=0, ver=2, ck=0x1234):
    return struct.pack(">BBHIIIHH", ver, op, ck, flags, seq, ack, vrid, asn)


def etlv(t, v, length=None):
    return struct.pack(">HH", t, len(v) + 4 if length is None else length) + v


def params(k=(1, 0, 1, 0, 0), hold=15):
    return etlv(1, bytes(k) + b"\x00" + struct.pack(">H", hold))


SWVER = etlv(4, bytes([12, 4, 1, 2]))


def metric(delay=2560000, bw=256, mtu=1500, hop=0, rel=255, load=1):
    return struct.pack(">II", delay, bw) + mtu.to_bytes(3, "big") + bytes([hop, rel, load]) + bytes(2)


def dest(plen, addr):
    n = (plen + 7) // 8
    return bytes([plen]) + bytes(int(x) for x in addr.split("."))[:n]


def ip_int(nh, plen, addr, **kw):
    return etlv(0x102, bytes(int(x) for x in nh.split(".")) + metric(**kw) + dest(plen, addr))


def ip_ext(nh, plen, addr, origin="10.9.9.9", asn=65000, tag=0x11, ext_metric=20, proto=6, flags=0, **kw):
    return etlv(0x103, bytes(int(x) for x in nh.split(".")) + bytes(int(x) for x in origin.split("."))
                + struct.pack(">IIIHBB", asn, tag, ext_metric, 0, proto, flags) + metric(**kw) + dest(plen, addr))


def at_int(nh=b"\x00\x00\x00\x00", start=100, end=110):
    return etlv(0x202, nh + metric() + struct.pack(">HH", start, end))


def at_ext(nh=b"\x00\x0a\x00\x01"):
    return etlv(0x203, nh + struct.pack(">IIIBBH", 7, 8, 9, 2, 0x40, 33) + metric() + struct.pack(">HH", 5, 6))


def eigrp(payload, dst="224.0.0.10", src="10.0.0.1"):
    return Ether(src=SRC, dst="01:00:5e:00:00:0a") / IP(src=src, dst=dst, ttl=2, proto=88) / Raw(payload)


def eigrp6(payload):
    return Ether(src=SRC, dst="33:33:00:00:00:0a") / IPv6(src="fe80::1", dst="ff02::a", nh=88, hlim=2) / Raw(payload)


def eigrp_packets():
    return [
        eigrp(eigrp_hdr(5) + params() + SWVER),
        eigrp(eigrp_hdr(5, ack=7) + params(k=(1, 1, 1, 1, 1), hold=180) + SWVER),
        eigrp(eigrp_hdr(1, flags=1, seq=1), dst="10.0.0.2"),
        eigrp(eigrp_hdr(1, flags=8, seq=5, ack=4) + ip_int("0.0.0.0", 24, "192.168.1.0")
              + ip_int("10.0.0.9", 32, "10.1.2.3", hop=1) + ip_int("0.0.0.0", 0, "0.0.0.0")
              + ip_int("0.0.0.0", 17, "172.16.128.0", delay=0xFFFFFFFF)
              + ip_ext("0.0.0.0", 8, "10.0.0.0") + ip_ext("10.0.0.3", 28, "203.0.113.16", proto=0x0b, flags=3)
              + ip_ext("0.0.0.0", 16, "10.5.0.0", proto=0x33)),
        eigrp(eigrp_hdr(3, seq=9) + ip_int("0.0.0.0", 24, "192.168.2.0", delay=0xFFFFFFFF)),
        eigrp(eigrp_hdr(4, seq=10, ack=9) + ip_int("0.0.0.0", 24, "192.168.2.0")),
        eigrp(eigrp_hdr(6) + etlv(0x302, bytes(20))),
        eigrp(eigrp_hdr(7) + etlv(0x303, bytes(8))),
        eigrp(eigrp_hdr(9, flags=0xF6) + etlv(2, bytes.fromhex("00020010") + bytes(16)) + etlv(3, b"\x04\x0a\x00\x00\x02")
              + etlv(5, struct.pack(">I", 77)) + etlv(0x999, b"xyz")),
        eigrp(eigrp_hdr(1, seq=2) + at_int() + at_int(nh=b"\x00\x0a\x00\x02") + at_ext() + at_ext(nh=bytes(4))
              + etlv(0x204, struct.pack(">HHI", 10, 20, 12345))),
        eigrp(eigrp_hdr(1) + etlv(0x102, bytes(18)) + etlv(0x103, bytes(30)) + etlv(0x202, bytes(10))
              + etlv(0x203, bytes(10)) + etlv(0x204, bytes(4)) + etlv(1, bytes(4)) + etlv(4, bytes(2))),
        eigrp(eigrp_hdr(1) + etlv(0x102, bytes(20) + b"\x21\x0a")),
        eigrp(eigrp_hdr(1) + etlv(0x103, bytes(40) + b"\x40\x0a")),
        eigrp(eigrp_hdr(1) + etlv(0x102, bytes(4) + metric() + b"\x18\x0a\x01")),
        eigrp(eigrp_hdr(5) + etlv(1, bytes(8), length=2) + bytes(8)),
        eigrp(eigrp_hdr(5) + etlv(1, bytes(8), length=50)),
        eigrp(eigrp_hdr(5) + b"\x00\x01"),
        eigrp(eigrp_hdr(5, ver=1) + params()),
        eigrp(eigrp_hdr(5)[:12]),
        eigrp6(eigrp_hdr(5, asn=1) + params() + SWVER),
        eigrp6(eigrp_hdr(1, flags=1) + etlv(0x402, bytes(30))),
    ]


A4, B4 = "10.0.0.1", "10.0.0.2"
ETH = dict(src=SRC, dst="00:66:77:88:99:aa")


def ipp(proto, payload, **kw):
    return Ether(**ETH) / IP(src=A4, dst=B4, proto=proto, **kw) / Raw(payload)


def ip6p(nh, payload):
    return Ether(**ETH) / IPv6(src="fd00::1", dst="fd00::2", nh=nh) / Raw(payload)


def sre(af, off, entries):
    return struct.pack(">HBB", af, off, len(entries)) + entries


SRE_END = struct.pack(">HBB", 0, 0, 0)


def gre_r(flags, entries, proto=0x0800, extra=b"", inner=None):
    if inner is None:
        inner = bytes(IP(src="192.0.2.1", dst="192.0.2.2") / UDP(sport=1, dport=2))
    return ipp(47, struct.pack(">HH", flags, proto) + struct.pack(">HH", 0xABCD, 4) + extra + entries + inner)


def addrs4(*a):
    return b"".join(bytes(int(x) for x in s.split(".")) for s in a)


def egp(ty, code, status, a=0, b=0, net="10.0.0.0", asn=65001, seq=7, ver=2, extra=b""):
    return ipp(8, struct.pack(">BBBBHHHBB", ver, ty, code, status, 0, asn, seq, a, b) + addrs4(net) + extra)


def vrrp(first, rest=b"", ttl=255):
    return ipp(112, bytes([first]) + rest, ttl=ttl)


def ntp(first, body_len=47, stratum=2, extra=b""):
    body = bytes([first, stratum, 6, 0xEC]) + bytes(range(8, 8 + body_len - 3))[: body_len - 3] + extra
    return Ether(**ETH) / IP(src=A4, dst=B4) / UDP(sport=123, dport=123) / Raw(body)


def ipmisc_packets():
    pk = [
        # GRE with routing: IP and ASN source routes, unknown families, the
        # checks on offsets and lengths, and the null entry cut short.
        gre_r(0xC000, sre(0x0800, 4, addrs4("1.2.3.4", "5.6.7.8", "9.9.9.9")) + SRE_END),
        gre_r(0x4000, sre(0x0800, 0, addrs4("1.2.3.4")) + sre(0xFFFE, 2, struct.pack(">HHH", 100, 0xFDE8, 7)) + SRE_END),
        gre_r(0x4000, sre(0xC200, 0, bytes(4)) + SRE_END),
        gre_r(0x6000, sre(0x0800, 2, addrs4("1.2.3.4", "5.6.7.8")) + SRE_END, extra=struct.pack(">I", 0x1234)),
        gre_r(0x5000, sre(0x0800, 0, bytes(6)) + SRE_END, extra=struct.pack(">I", 99)),
        gre_r(0x4000, sre(0x0800, 8, addrs4("1.2.3.4", "5.6.7.8")) + SRE_END),
        gre_r(0x4000, sre(0xFFFE, 1, bytes(4)) + SRE_END),
        gre_r(0x4000, sre(0xFFFE, 0, bytes(3)) + SRE_END),
        gre_r(0x4000, sre(0xFFFE, 4, bytes(4)) + SRE_END),
        gre_r(0x4000, sre(0x0800, 0, addrs4("1.2.3.4")) + SRE_END, proto=0x86DD,
              inner=bytes(IPv6(src="fd00::9", dst="fd00::a") / UDP(sport=1, dport=2))),
        gre_r(0x4000, sre(0x0800, 0, addrs4("1.2.3.4")) + SRE_END, proto=0x1234, inner=b"abcd"),
        gre_r(0x4000, struct.pack(">HBB", 0x0800, 0, 40) + addrs4("1.2.3.4"), inner=b""),
        gre_r(0x4000, struct.pack(">HBB", 0x0800, 0, 8) + addrs4("1.2.3.4"), inner=b""),
        gre_r(0x4000, sre(0x0800, 0, addrs4("1.2.3.4")), inner=b"\x00\x00"),
        gre_r(0x4000, sre(0x0800, 0, addrs4("1.2.3.4")), inner=b""),
        # IPComp over IPv4 and IPv6, and cut short.
        ipp(108, struct.pack(">BBH", 4, 0, 0x1234) + bytes(20)),
        ipp(108, struct.pack(">BBH", 6, 1, 2) + bytes(40)),
        ipp(108, b"\x04\x00\x00"),
        ip6p(108, struct.pack(">BBH", 6, 0, 0xFFFF) + bytes(20)),
        # EGP: every message type, code and status tcpdump names, and bad ones.
        egp(3, 0, 0, 0, 30, extra=b"\x00\x78"),
        egp(3, 1, 1),
        egp(3, 0, 2),
        egp(3, 1, 5),
        egp(3, 2, 3),
        egp(3, 3, 5),
        egp(3, 4, 7),
        egp(3, 2, 1),
        egp(3, 9, 0),
        egp(5, 0, 1),
        egp(5, 1, 2),
        egp(5, 1, 9),
        egp(5, 7, 0),
        egp(2, 0, 0, net="192.168.1.0"),
        egp(2, 0, 4, net="172.16.0.0"),
        egp(8, 0, 1, 0, 3),
        egp(8, 0, 2, 0, 6),
        egp(8, 0, 5, 1, 0),
        egp(9, 0, 0),
        egp(2, 0, 0, ver=3),
        # Updates: the class of the source network decides how many bytes of
        # each gateway address follow.
        egp(1, 0, 1, 1, 1, net="0.0.0.10",
            extra=bytes([1, 2, 3, 2, 1, 2, 10, 20, 5, 1, 130]) + bytes([4, 5, 6, 1, 3, 2, 192, 168, 1, 172, 16])),
        egp(1, 0, 0x81, 2, 0, net="0.0.0.150",
            extra=bytes([7, 8, 1, 0, 1, 10]) + bytes([9, 9, 0])),
        egp(1, 0, 2, 1, 0, net="0.0.0.200", extra=bytes([7, 1, 1, 1, 200, 1, 2])),
        egp(1, 0, 9, 1, 0, net="0.0.0.250", extra=bytes([7, 7, 7, 7, 0])),
        egp(1, 0, 1, 3, 0, net="0.0.0.10", extra=bytes([1, 2, 3, 2, 1, 2, 10])),
        egp(1, 0, 1, 1, 0, net="0.0.0.10", extra=bytes([1, 2])),
        egp(1, 0, 1, 1, 0, net="0.0.0.10", extra=bytes([1, 2, 3, 1, 5, 1])),
        egp(1, 0, 1, 1, 0, net="0.0.0.10", extra=bytes([1, 2, 3, 1, 5, 1, 200, 1])),
        ipp(8, bytes([2, 3, 0, 0]) + bytes(8)),
        # VRRP of unknown types and versions.
        vrrp(0x25, bytes([1, 100, 1, 0, 1, 0, 0]) + addrs4("10.0.0.9")),
        vrrp(0x20, bytes(7)),
        vrrp(0x3F, bytes(11)),
        vrrp(0x17, bytes(11)),
        vrrp(0x21, bytes([1, 100, 1, 0, 1, 0, 0]) + addrs4("10.0.0.9"), ttl=64),
        # EtherIP (tcpdump 4.99 has no printer for it).
        ipp(97, struct.pack(">H", 0x3000) + bytes(Ether(src=SRC, dst="00:00:5e:00:01:01") / IP() / UDP())),
        # NTP: too short for a time message (and captured shorter still), a
        # stratum 1 reference, key id and digest, control messages.
        ntp(0xE3, body_len=30),
        ntp(0x1B, stratum=1),
        ntp(0x24, stratum=0),
        ntp(0x1C, stratum=16, extra=bytes([0, 0, 0, 5])),
        ntp(0x1C, stratum=3, extra=bytes([0, 0, 0, 5]) + bytes(range(16))),
        ntp(0x1C, stratum=3, extra=bytes(12)),
        ntp(0x1C, stratum=3, extra=bytes([0, 0, 0, 5]) + bytes(range(20))),
        ntp(0x1C, stratum=3, extra=bytes(1)),
    ]
    # IGRP updates and requests, bad counts; Mobile IP with and without the
    # old source; Sun ND; Ethernet over IPv6 (and over IPv4, which tcpdump refuses).
    rte = lambda net, dly, bw: bytes(net) + dly.to_bytes(3, "big") + bw.to_bytes(3, "big") + struct.pack(">HBBB", 1500, 255, 1, 2)
    igrp_hdr = lambda op, ni, ns, nx: struct.pack(">BBHHHHH", 0x10 | op, 3, 100, ni, ns, nx, 0xBEEF)
    pk.append(ipp(9, igrp_hdr(1, 1, 1, 1) + rte([1, 2, 3], 100, 1544) + rte([10, 0, 0], 2000, 0) + rte([172, 16, 0], 0xFFFFFF, 0xFFFFFF)))
    pk.append(ipp(9, igrp_hdr(2, 0, 0, 0)))
    pk.append(ipp(9, igrp_hdr(1, 2, 0, 0) + rte([1, 2, 3], 1, 1)))
    pk.append(ipp(9, igrp_hdr(1, 0, 0, 0) + rte([1, 2, 3], 1, 1) + b"xx"))
    pk.append(ipp(9, igrp_hdr(7, 1, 0, 0)[:8]))
    mob = lambda proto, osrc: struct.pack(">HH", proto, 0) + addrs4("192.0.2.9") + (addrs4("198.51.100.7") if osrc else b"")
    def mob_ck(proto, osrc):
        b = bytearray(mob(proto, osrc))
        from scapy.utils import checksum
        ck = checksum(bytes(b))
        b[2:4] = struct.pack(">H", ck)
        return bytes(b)
    pk.append(ipp(55, mob_ck(0x0600, False) + bytes(20)))
    pk.append(ipp(55, mob_ck(0x1180, True) + bytes(20)))
    pk.append(ipp(55, mob(0x0680, True)))
    pk.append(ipp(55, mob(0x0600, False)))
    pk.append(ipp(55, mob(0x0600, False)[:6]))
    pk.append(ipp(77, bytes(12)))
    pk.append(ip6p(143, bytes(Ether(src=SRC, dst="00:00:5e:00:01:01") / IP(src="192.0.2.1", dst="192.0.2.2") / UDP(sport=1, dport=2))))
    pk.append(ipp(143, bytes(20)))
    # IPv6 mobility headers: every message type, options, short headers.
    def mh(ty, body, nh=135, pp=59, hlen=None):
        body = body + bytes((-(6 + len(body))) % 8)
        ln = (6 + len(body)) // 8 - 1 if hlen is None else hlen
        return ip6p(nh, struct.pack(">BBBBH", pp, ln, ty, 0, 0) + body)
    pk += [
        mh(0, b"\x00\x00"), mh(1, b"\x00\x00" + bytes(range(8))), mh(2, b"\x00\x00" + bytes(range(8))),
        mh(3, struct.pack(">H", 5) + bytes(range(16))), mh(4, struct.pack(">H", 6) + bytes(range(16))),
        mh(5, struct.pack(">HBBH", 9, 0xC0, 0, 100) + bytes([1, 2, 0, 0, 2, 2, 0, 5, 3, 16]) + bytes(16)
           + bytes([4, 4, 0, 1, 0, 2, 5, 10]) + bytes(10) + bytes([0, 9, 0])),
        mh(5, struct.pack(">HBBH", 9, 0x00, 0, 100)),
        mh(6, struct.pack(">BBHH", 0, 0x80, 9, 100) + bytes([2, 2, 0, 1])),
        mh(7, struct.pack(">BB", 1, 0) + bytes(15) + b"\x01"),
        mh(9, bytes(10)), mh(5, b"", hlen=0), mh(5, struct.pack(">HBBH", 9, 0x30, 0, 100), pp=6),
        mh(0, b"\x00\x00", nh=62),
        mh(6, struct.pack(">BBHH", 0, 0, 9, 100) + bytes([3, 16]) + bytes(4)),
        mh(6, struct.pack(">BBHH", 0, 0, 9, 100) + bytes([2, 1, 0])),
    ]
    # NTP control messages: with data, a count past the end, too short.
    pk.append(ntp(0x16, body_len=11, stratum=0x82, extra=b"\x00\x04abcd"))
    pk.append(ntp(0x16, body_len=11, stratum=0x02, extra=b"\x00\x40abcd"))
    pk.append(ntp(0x1E, body_len=8, stratum=0x02))
    cut = ntp(0xE3, body_len=30)
    pk.append(Ether(bytes(cut)[:60]))
    return pk


def pgm_hdr(ty, opts=0, sport=7500, dport=7500, tsdu=0, gsid=bytes.fromhex("0a0b0c0d0e0f")):
    return struct.pack(">HHBBH", sport, dport, ty, opts, 0) + gsid + struct.pack(">H", tsdu)


def nla4(a):
    return struct.pack(">HH", 1, 0) + addrs4(a)


def nla6(a):
    import ipaddress
    return struct.pack(">HH", 2, 0) + ipaddress.IPv6Address(a).packed


def popt(t, body, end=False):
    return bytes([t | (0x80 if end else 0), len(body) + 2]) + body


def opts(*o):
    body = b"".join(o)
    return bytes([0, 4]) + struct.pack(">H", len(body) + 4) + body


def pgm(ty, body, o=b"", v6=False, **kw):
    payload = pgm_hdr(ty, opts=1 if o else 0, **kw) + body + o
    if v6:
        return ip6p(113, payload)
    return ipp(113, payload)


def pgm_packets():
    spm = struct.pack(">III", 100, 90, 110)
    data = struct.pack(">II", 1234, 1200)
    nak = struct.pack(">I", 55)
    return [
        pgm(0, spm + nla4("10.0.0.1")),
        pgm(0, spm + nla6("fd00::1"), v6=True),
        pgm(0, spm + struct.pack(">HH", 9, 0) + bytes(4)),
        pgm(1, struct.pack(">IHH", 7, 2, 1) + nla4("10.0.0.1") + struct.pack(">III", 1000, 0xDEADBEEF, 0xFF00)),
        pgm(1, struct.pack(">IHH", 7, 2, 2) + nla6("fd00::5") + struct.pack(">III", 1, 2, 3)),
        pgm(2, struct.pack(">IHH", 7, 2, 0)),
        pgm(4, data + b"hello world", tsdu=11),
        pgm(5, data + b"again", tsdu=5),
        pgm(8, nak + nla4("10.0.0.1") + nla4("239.1.1.1")),
        pgm(9, nak + nla4("10.0.0.1") + struct.pack(">HH", 1, 0) + b"\x00\x01\x00\x00"),
        pgm(10, nak + nla6("fd00::1") + struct.pack(">HH", 2, 0) + b"\x00\x02" + bytes(14)),
        pgm(8, nak + struct.pack(">HH", 3, 0) + bytes(8)),
        pgm(11, struct.pack(">II", 99, 0xFFFF0000)),
        pgm(12, b""),
        pgm(0x33, bytes(8)),
        # Options.
        pgm(4, data, o=opts(popt(1, bytes(2) + struct.pack(">III", 5, 6, 7)), popt(3, bytes(2) + struct.pack(">I", 8), end=True)), tsdu=0),
        pgm(5, data, o=opts(popt(4, bytes(2) + struct.pack(">II", 9, 10)), popt(5, bytes(2) + struct.pack(">II", 11, 12)),
                            popt(8, bytes(2) + struct.pack(">I", 13)), popt(9, bytes(2) + struct.pack(">I", 14)),
                            popt(10, bytes(2) + struct.pack(">I", 15)), popt(11, bytes(2)), popt(13, bytes(2)),
                            popt(14, bytes(2)), popt(15, bytes(2)), popt(17, bytes(2), end=True))),
        pgm(8, nak + nla4("10.0.0.1") + nla4("239.1.1.1"), o=opts(popt(2, bytes(2) + struct.pack(">II", 56, 57), end=True))),
        pgm(0, spm + nla4("10.0.0.1"), o=opts(popt(7, bytes(2) + nla4("10.9.9.9")), popt(0x12, bytes(2) + struct.pack(">I", 77) + nla4("10.8.8.8")),
                                              popt(0x13, bytes(2) + struct.pack(">I", 78) + nla6("fd00::8"), end=True))),
        pgm(4, data, o=opts(popt(0x0C, bytes(6)), popt(0x10, bytes(6)), popt(0x20, bytes(2)), popt(0, bytes(2), end=True))),
        pgm(4, data, o=opts(popt(0, bytes(2)), popt(0x7f, bytes(2), end=True))),
        pgm(4, data, o=bytes([1, 4, 0, 8]) + bytes(4)),
        pgm(4, data, o=bytes([0, 5, 0, 8]) + bytes(4)),
        pgm(4, data, o=bytes([0, 4, 0, 2])),
        pgm(4, data, o=opts(bytes([3, 2, 0, 0]))),
        pgm(4, data, o=bytes([0, 4, 0, 6]) + bytes([3, 8, 0, 0])),
        pgm(4, data, o=opts(popt(1, bytes(6)))),
        pgm(4, data, o=opts(popt(3, bytes(6)), popt(4, bytes(2)), popt(5, bytes(2)), popt(8, bytes(6)))),
        pgm(4, data, o=opts(popt(7, bytes(2)))),
        pgm(4, data, o=opts(popt(7, bytes(2) + struct.pack(">HH", 1, 0) + bytes(8)))),
        pgm(4, data, o=opts(popt(7, bytes(2) + struct.pack(">HH", 5, 0) + bytes(4)))),
        pgm(4, data, o=opts(popt(0x12, bytes(6)))),
        pgm(4, data, o=opts(popt(0x13, bytes(6)))),
        pgm(4, data, o=opts(popt(0x13, bytes(2) + struct.pack(">I", 1) + nla4("1.1.1.1") + bytes(4)))),
        pgm(4, data, o=opts(popt(2, bytes(2) + b"\x00\x00\x00"))),
        pgm(4, data, o=opts(popt(0x0B, bytes(4)))),
        pgm(12, b"", o=b""),
        pgm(0x44, bytes(4), o=b"\x00"),
        ipp(113, pgm_hdr(4)[:10]),
        ipp(113, b"\x1d\x4c"),
        ip6p(60, bytes([113, 0, 1, 4, 0, 0, 0, 0]) + pgm_hdr(4) + data),
    ]


def cisco_snap(pid, body, dst=CDP_DST):
    return dot3(dst, llc_snap(0x00000C, pid) + body)


def dtp(*tlvs, ver=1):
    return cisco_snap(0x2004, bytes([ver]) + b"".join(tlvs))


def udld(code, flags, *tlvs, ver=1):
    return cisco_snap(0x0111, bytes([(ver << 5) | code, flags]) + b"\x12\x34" + b"".join(tlvs))


def vtp_hdr(ty, third, domain=b"CORP", ver=1, mlen=None):
    return bytes([ver, ty, third, len(domain) if mlen is None else mlen]) + domain.ljust(32, b"\x00")


def vlan_info(vid, name, status=0, vtype=1, mtu=1500, tlvs=b"", length=None):
    padded = name.ljust((len(name) + 3) // 4 * 4, b"\x00")
    body = bytes([status, vtype, len(name)]) + struct.pack(">HHI", vid, mtu, 0x100000 + vid) + padded + tlvs
    return bytes([len(body) + 1 if length is None else length]) + body


def cisco_packets():
    mac = bytes.fromhex("001122334455")
    vt = lambda t, v: bytes([t, 1]) + struct.pack(">H", v)
    return [
        # PVST+ (STP under Cisco's OUI) and the VLAN bridge PID.
        cisco_snap(0x010B, bytes.fromhex("000000000080010011223344550000000080010011223344558001000014000200000f00")
                   + bytes.fromhex("00000002000a"), dst="01:00:0c:cc:cc:cd"),
        cisco_snap(0x010B, bytes.fromhex("0000020231a000001122334455000000000000001122334455800100000014000200000f0000"),
                   dst="01:00:0c:cc:cc:cd"),
        cisco_snap(0x010C, bytes.fromhex("00000080"), dst="01:00:0c:cd:cd:ce"),
        # DTP.
        dtp(tlv(1, b"CORP\x00"), tlv(2, b"\x03"), tlv(3, b"\xa5"), tlv(4, mac)),
        dtp(tlv(1, b"CORP\x00"), tlv(2, b"\x03"), tlv(3, b"\xa5"), tlv(4, mac), bytes(4)),
        dtp(tlv(1, b"\x01\x80x"), tlv(9, b"zz")),
        dtp(tlv(2, b"\x03\x00")),
        dtp(tlv(4, mac[:5])),
        dtp(tlv(1, b"CORP", length=50)),
        dtp(tlv(1, b"CORP", length=2)),
        dtp(b"\x00\x01\x00"),
        dtp(ver=2),
        cisco_snap(0x2004, b""),
        # UDLD.
        udld(1, 0, tlv(1, b"FOC1234X5YZ"), tlv(2, b"Gi0/1"), tlv(3, struct.pack(">I", 1) + b"FOC9\x00Gi0/2"),
             tlv(4, b"\x0f"), tlv(5, b"\x05"), tlv(6, b"sw1\x00\x00"), tlv(7, struct.pack(">I", 77))),
        udld(2, 3, tlv(1, b"dev"), tlv(9, b"xyz")),
        udld(3, 0xFC, tlv(4, b"\x0f\x00")),
        udld(1, 0, tlv(7, b"\x00\x01")),
        udld(1, 0, tlv(1, b"", length=4)),
        udld(1, 0, tlv(1, b"abc", length=40)),
        udld(1, 0, b"\x00\x01"),
        udld(0x1F, 0, ver=7),
        cisco_snap(0x0111, b"\x21\x00\x00"),
        # VTP.
        cisco_snap(0x2003, vtp_hdr(1, 1) + struct.pack(">I", 0x2A) + addrs4("10.0.0.1") + b"930301000000"
                   + bytes(range(16))),
        cisco_snap(0x2003, vtp_hdr(2, 1) + struct.pack(">I", 0x2A)
                   + vlan_info(1, b"default") + vlan_info(1002, b"fddi-default", vtype=2, mtu=1500,
                                                          tlvs=vt(1, 7) + vt(2, 8) + vt(3, 2) + vt(4, 9) + vt(5, 10) + vt(6, 1)
                                                          + vt(7, 1) + vt(8, 7) + vt(9, 7) + vt(10, 1) + vt(11, 3))
                   + vlan_info(20, b"users", status=1) + b"\x00"),
        cisco_snap(0x2003, vtp_hdr(2, 2) + struct.pack(">I", 1) + vlan_info(5, b"v", length=8)),
        cisco_snap(0x2003, vtp_hdr(2, 2) + struct.pack(">I", 1) + vlan_info(5, b"vvvvvvvv", length=16)),
        cisco_snap(0x2003, vtp_hdr(2, 2) + struct.pack(">I", 1) + vlan_info(5, b"v", tlvs=bytes([6, 2, 0, 1, 0, 0]))),
        cisco_snap(0x2003, vtp_hdr(2, 2) + struct.pack(">I", 1) + vlan_info(5, b"v", tlvs=bytes([6, 9, 0, 1]))),
        cisco_snap(0x2003, vtp_hdr(2, 2) + struct.pack(">I", 1) + vlan_info(5, b"v", tlvs=bytes([6]))),
        cisco_snap(0x2003, vtp_hdr(3, 0) + struct.pack(">I", 10)),
        cisco_snap(0x2003, vtp_hdr(4, 0) + bytes(8)),
        cisco_snap(0x2003, vtp_hdr(9, 0)),
        cisco_snap(0x2003, vtp_hdr(1, 1, mlen=0) + bytes(36)),
        cisco_snap(0x2003, vtp_hdr(1, 1, mlen=40) + bytes(36)),
        cisco_snap(0x2003, vtp_hdr(1, 1)[:20]),
    ]


def eapol(ty, body=b"", ver=2, length=None):
    return Ether(src=SRC, dst="01:80:c2:00:00:03", type=0x888E) / Raw(
        struct.pack(">BBH", ver, ty, len(body) if length is None else length) + body)


def eap(code, ident, data=b"", length=None):
    return struct.pack(">BBH", code, ident, 4 + len(data) if length is None else length) + data


def loop(body, dst=SRC):
    return Ether(src=SRC, dst=dst, type=0x9000) / Raw(body)


def ether_packets():
    return [
        # EAPOL: start, logoff, key, ASF alert, and EAP packets of every type
        # tcpdump names (identity, notification, NAK, TLS/TTLS/FAST flags,
        # SIM/AKA subtypes), success and failure, bad lengths.
        eapol(1, ver=1),
        eapol(2, ver=1),
        eapol(3, bytes([2]) + bytes(94)),
        eapol(4, bytes(8)),
        eapol(9, bytes(4)),
        eapol(0, eap(1, 1, b"\x01")),
        eapol(0, eap(2, 1, b"\x01alice@example.com")),
        eapol(0, eap(1, 2, b"\x02please\x00log in")),
        eapol(0, eap(1, 2, b"\x02")),
        eapol(0, eap(2, 3, b"\x03\x0d\x15\x19")),
        eapol(0, eap(2, 3, b"\x03")),
        eapol(0, eap(1, 4, b"\x04\x10" + bytes(16))),
        eapol(0, eap(1, 5, b"\x0d\x20")),
        eapol(0, eap(2, 5, b"\x0d\xc0\x00\x00\x10\x00" + bytes(20))),
        eapol(0, eap(2, 5, b"\x0d\x80\x00")),
        eapol(0, eap(1, 6, b"\x15\x21")),
        eapol(0, eap(1, 6, b"\x2b\x81\x00\x00\x00\x08" + bytes(8))),
        eapol(0, eap(1, 6, b"\x0d")),
        eapol(0, eap(1, 7, b"\x12\x0a\x00\x00")),
        eapol(0, eap(1, 7, b"\x17\x01\x00\x00")),
        eapol(0, eap(1, 7, b"\x17")),
        eapol(0, eap(1, 8, b"\xfe\x00\x00\x00")),
        eapol(0, eap(3, 9)),
        eapol(0, eap(4, 9)),
        eapol(0, eap(7, 9, b"x")),
        eapol(0, eap(1, 9, b"", length=2)),
        eapol(0, eap(1, 9, b"\x01abc", length=20), length=20),
        eapol(0, eap(1, 9, b"\x01abc"), length=4),
        eapol(0, eap(1, 9, b"")),
        eapol(0, b"", length=0),
        Ether(src=SRC, dst="01:80:c2:00:00:03", type=0x888E) / Raw(b"\x02\x00"),
        # Loopback (configuration testing protocol), as Cisco keepalives.
        loop(struct.pack("<HHH", 0, 1, 0) + bytes(40)),
        loop(struct.pack("<HH", 0, 2) + bytes.fromhex("001122334455") + struct.pack("<HH", 1, 7) + bytes(30), dst="cf:00:00:00:00:00"),
        loop(struct.pack("<H", 8) + bytes(8) + struct.pack("<HH", 1, 9)),
        loop(struct.pack("<H", 3) + bytes(3) + struct.pack("<HH", 1, 9)),
        loop(struct.pack("<H", 80) + bytes(8)),
        loop(struct.pack("<HH", 0, 5) + bytes(4)),
        loop(struct.pack("<HH", 0, 1) + b"\x01"),
        loop(struct.pack("<HH", 0, 2) + bytes(4)),
        loop(struct.pack("<HB", 0, 1)),
        loop(b"\x00"),
    ] + ptp_packets() + other_packets()


def mpcp(op, body, ts=123456):
    return Ether(src=SRC, dst="01:80:c2:00:00:01", type=0x8808) / Raw(struct.pack(">HI", op, ts) + body)


def other_packets():
    nlb = lambda prio, vip, hip: Ether(src="02:bf:0a:00:00:05", dst="03:bf:0a:00:00:64", type=0x886F) / Raw(
        bytes(8) + struct.pack("<I", prio) + addrs4(vip) + addrs4(hip) + bytes(20))
    return [
        nlb(1, "10.0.0.100", "10.0.0.5"),
        nlb(0xFFFFFFFF, "192.168.1.10", "192.168.1.11"),
        Ether(src=SRC, dst="03:bf:0a:00:00:64", type=0x886F) / Raw(bytes(14)),
        mpcp(1, struct.pack(">H", 100) + bytes(34)),
        mpcp(2, bytes([0x0B]) + struct.pack(">IH", 1000, 50) * 3 + struct.pack(">H", 7) + bytes(10)),
        mpcp(2, bytes([0x00]) + struct.pack(">H", 7)),
        mpcp(2, bytes([0xF8]) + struct.pack(">H", 7)),
        mpcp(3, bytes([3, 0x05]) + struct.pack(">HH", 10, 20) + bytes([0x80]) + struct.pack(">H", 30) + bytes(10)),
        mpcp(3, bytes([1]) + bytes(10)),
        mpcp(3, bytes([2, 0])),
        mpcp(4, bytes([1, 4])),
        mpcp(4, bytes([3, 4])),
        mpcp(4, bytes([8, 4])),
        mpcp(5, struct.pack(">HBHB", 7, 3, 99, 2)),
        mpcp(5, struct.pack(">HBHB", 7, 0, 99, 2)),
        mpcp(5, struct.pack(">HBHB", 7, 6, 99, 2)),
        mpcp(6, struct.pack(">BHH", 1, 7, 99)),
        mpcp(6, struct.pack(">BHH", 0, 7, 99)),
        mpcp(6, struct.pack(">BHH", 2, 7, 99)),
        mpcp(9, bytes(12)),
        Ether(src=SRC, dst="01:80:c2:00:00:01", type=0x8808) / Raw(bytes(4)),
    ]


def ptp(msgtype, body, ver=2, flags=0x0200, domain=0, corr=0, seq=1, ctrl=0, logint=0, first=None):
    b0 = msgtype if first is None else first
    hdr = (struct.pack(">BBHBBHQI", b0, ver, 34 + len(body), domain, 0, flags, corr, 0)
           + bytes.fromhex("0011223344556677") + struct.pack(">HHBb", 1, seq, ctrl, logint))
    return Ether(src=SRC, dst="01:1b:19:00:00:00", type=0x88F7) / Raw(hdr + body)


def ptp_packets():
    ts = struct.pack(">HII", 0, 1700000000, 500)
    clock = bytes.fromhex("a0b0c0fffed0e0f0")
    announce = ts + struct.pack(">hBBBBHB", 37, 0, 128, 248, 0xFE, 0xFFFF, 128) + clock + struct.pack(">HB", 1, 0xA0)
    return [
        ptp(0, ts),
        ptp(0, ts, flags=0x0000, logint=-3, domain=24, corr=0x123456789A),
        ptp(1, ts, ctrl=1, logint=0x7F),
        ptp(2, ts + clock + b"\x00\x02", ctrl=5),
        ptp(3, ts + clock + b"\x00\x02", ctrl=5),
        ptp(8, ts, ctrl=2, flags=0x7FFF),
        ptp(9, ts + clock + b"\x00\x03", ctrl=3),
        ptp(0xA, ts + clock + b"\x00\x02", ctrl=5),
        ptp(0xB, announce, ctrl=5, logint=1, flags=0x003C),
        ptp(0xC, clock + b"\x00\x04" + bytes(10), ctrl=5),
        ptp(0xD, clock + b"\x00\x04" + bytes([3, 2, 1, 0]) + bytes(8), ctrl=4),
        ptp(5, bytes(10)),
        ptp(0xF, bytes(10)),
        ptp(0, ts, first=0x10),
        ptp(0, ts, ver=1),
        ptp(0, ts, ver=3),
        ptp(0, b""),
        Ether(src=SRC, dst="01:1b:19:00:00:00", type=0x88F7) / Raw(bytes(20)),
    ]


def sll_packets():
    """Layer-2 protocols as a Linux "any" capture shows them (cooked v1)."""
    from scapy.layers.l2 import CookedLinux
    out = []
    for p in cdp_packets()[:3] + cisco_packets()[3:5] + slow_packets()[:2] + ether_packets()[:6] + ptp_packets()[:2]:
        raw = bytes(p)
        ty = struct.unpack(">H", raw[12:14])[0]
        proto, payload = (4, raw[14:14 + ty]) if ty <= 1500 else (ty, raw[14:])
        out.append(CookedLinux(pkttype=0, lladdrtype=1, lladdrlen=6, src=raw[6:12] + b"\x00\x00", proto=proto) / Raw(payload))
    return out


def dccp(ty, x=True, seq=0x123456789A, body=b"", opts=b"", payload=b"", cscov=0, ccval=0, sport=5001, dport=5002,
         v6=False, good=True, doff=None):
    if x:
        hdr = struct.pack(">HHBBHBB", sport, dport, 0, (ccval << 4) | cscov, 0, (ty << 1) | 1, 0) + seq.to_bytes(6, "big")
    else:
        hdr = struct.pack(">HHBBHB", sport, dport, 0, (ccval << 4) | cscov, 0, ty << 1) + (seq & 0xFFFFFF).to_bytes(3, "big")
    opts = opts + bytes((-(len(hdr) + len(body) + len(opts))) % 4)
    h = len(hdr) + len(body) + len(opts)
    seg = bytearray(hdr + body + opts + payload)
    seg[4] = h // 4 if doff is None else doff
    cov = len(seg) if cscov == 0 else min(len(seg), (seg[4] + cscov - 1) * 4)
    if v6:
        import ipaddress
        ph = ipaddress.IPv6Address("fd00::1").packed + ipaddress.IPv6Address("fd00::2").packed + struct.pack(">IxxxB", len(seg), 33)
    else:
        ph = addrs4(A4) + addrs4(B4) + struct.pack(">xBH", 33, len(seg))
    ck = inet_sum(ph + bytes(seg[:cov]))
    seg[6:8] = struct.pack(">H", ck if good else ck ^ 0x1111)
    return ip6p(33, bytes(seg)) if v6 else ipp(33, bytes(seg))


def dccp_packets():
    ack48 = lambda n: struct.pack(">H", 0) + n.to_bytes(6, "big")
    ack24 = lambda n: b"\x00" + n.to_bytes(3, "big")
    return [
        dccp(0, body=struct.pack(">I", 42), opts=bytes([32, 4, 1, 2, 0, 34, 3, 2])),
        dccp(1, body=ack48(77) + struct.pack(">I", 42), opts=bytes([36, 6, 1, 2, 3, 4, 41, 6, 0, 0, 1, 0])),
        dccp(3, body=ack48(78), opts=bytes([38, 4, 0xC0, 0x01, 42, 8, 0, 0, 1, 0, 0, 7, 43, 4, 0, 9])),
        dccp(4, body=ack48(79), payload=b"data!", cscov=1, ccval=3),
        dccp(2, payload=b"hello", opts=bytes([0, 1, 2, 37, 3, 5])),
        dccp(5, body=ack48(80)),
        dccp(6, body=ack48(81), opts=bytes([43, 6, 0, 0, 0, 9, 42, 10, 0, 0, 0, 1, 0, 0, 0, 2])),
        dccp(7, body=ack48(82) + bytes([2, 0, 0, 0])),
        dccp(7, body=ack48(82) + bytes([99, 0, 0, 0])),
        dccp(8, body=ack48(83), opts=bytes([39, 3, 5, 40, 4, 1, 2, 44, 6, 1, 2, 3, 4])),
        dccp(9, body=ack48(84), opts=bytes([128, 4, 0, 5, 129, 6, 0, 0, 0, 6, 130, 3, 1, 200, 2])),
        dccp(3, x=False, seq=0xABCDEF, body=ack24(5), opts=bytes([41, 4, 0, 0, 42, 7, 0, 0, 0, 0, 0])),
        dccp(4, x=False, seq=5, body=ack24(6), payload=b"xy", cscov=15),
        dccp(12, body=ack48(85)),
        dccp(0, body=struct.pack(">I", 1), opts=bytes([32, 2, 33, 3, 12, 60, 1])),
        dccp(0, body=struct.pack(">I", 1), opts=bytes([32, 9, 1])),
        dccp(0, body=struct.pack(">I", 1), opts=bytes([200, 1])),
        dccp(0, body=struct.pack(">I", 1), opts=bytes([44, 0])),
        dccp(3, body=ack48(78), good=False),
        dccp(3, body=ack48(78), v6=True),
        dccp(1, body=ack48(7) + struct.pack(">I", 5), v6=True, good=False),
        dccp(3, body=ack48(78), doff=40),
        dccp(1, body=ack48(77)[:4]),
        dccp(3, body=b""),
        ipp(33, struct.pack(">HHBBHB", 1, 2, 3, 0, 0, 1) + b"\x00"),
        ipp(33, struct.pack(">HHBBHB", 1, 2, 3, 0, 0, 1)[:9]),
    ]


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "l2misc")
    os.makedirs(outdir, exist_ok=True)
    write(outdir, "cdp", cdp_packets())
    write(outdir, "slow", slow_packets())
    write(outdir, "eigrp", eigrp_packets())
    write(outdir, "ipmisc", ipmisc_packets())
    write(outdir, "pgm", pgm_packets())
    write(outdir, "cisco", cisco_packets())
    write(outdir, "ether", ether_packets())
    write(outdir, "sll", sll_packets())
    write(outdir, "dccp", dccp_packets())


if __name__ == "__main__":
    main()
