#!/usr/bin/env python3
"""Writes the captures of tests/print_udpa.rs into tests/data/udpa/: one pcap per
protocol (DHCPv6, RIP/RIPng, HSRP, BFD, TFTP), realistic and malformed packets.
Deterministic (fixed timestamps). Needs scapy; the tests only read the files and
compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_udpa.py tests/data/udpa
"""
import os
import struct
import sys
from scapy.all import IP, IPv6, UDP, Raw
from scapy.layers.dhcp6 import (DHCP6_Solicit, DHCP6_Reply, DHCP6OptElapsedTime, DHCP6OptClientId,
                                DHCP6OptServerId, DHCP6OptIA_NA, DHCP6OptIA_PD, DHCP6OptIAAddress,
                                DHCP6OptIAPrefix, DHCP6OptClientFQDN, DHCP6OptVendorClass,
                                DHCP6OptOptReq, DHCP6OptDNSServers, DHCP6OptDNSDomains,
                                DUID_LLT, DUID_LL, VENDOR_CLASS_DATA)

from pktgen import u16, u32, v6
from pktgen_scapy import E, A, B, write

LL1, LL2 = "fe80::1", "fe80::2:3ff:fe04:506"
ALL_DHCP = "ff02::1:2"


def name(*labels):
    b = b""
    for lab in labels:
        b += bytes([len(lab)]) + lab
    return b + b"\0"


def opt(code, data=b"", length=None):
    return u16(code) + u16(len(data) if length is None else length) + data


def dhcp6():
    c2s = E / IPv6(src=LL2, dst=ALL_DHCP) / UDP(sport=546, dport=547)
    s2c = E / IPv6(src=LL1, dst=LL2) / UDP(sport=547, dport=546)
    v4 = E / IP(src=A, dst=B) / UDP(sport=546, dport=547)
    duid_llt = opt(1, u16(1) + u16(1) + u32(0x2a3b4c5d) + bytes.fromhex("020304050607"))
    duid_en = opt(2, u16(2) + u32(9) + bytes.fromhex("0a0b0c0d"))
    duid_ll = opt(1, u16(3) + u16(1) + bytes.fromhex("020304050607"))
    oro = opt(6, u16(23) + u16(24) + u16(17) + u16(39) + u16(82) + u16(31))
    elapsed = opt(8, u16(0))
    iaaddr = opt(5, v6("2001:db8::100") + u32(3600) + u32(7200))
    iaaddr_st = opt(5, v6("2001:db8::101") + u32(0) + u32(0) + opt(13, u16(2) + b"none left"))
    iana = opt(3, u32(0x0e0f1011) + u32(1800) + u32(2880) + iaaddr)
    iapd = opt(25, u32(1) + u32(0) + u32(0) + opt(26, u32(3600) + u32(7200) + bytes([56])
                                               + v6("2001:db8:0:100::")))
    iata = opt(4, u32(7) + iaaddr)
    dns = opt(23, v6("2001:db8::53") + v6("2001:4860:4860::8888"))
    dom = opt(24, name(b"example", b"com") + name(b"corp", b"example", b"net"))
    status = opt(13, u16(0) + b"All good")
    msg = lambda t, xid, body: bytes([t]) + struct.pack(">I", xid)[1:] + body
    long4 = b"".join(bytes([63]) + bytes([97 + i]) * 63 for i in range(4))
    solicit = msg(1, 0xabcdef, duid_llt + elapsed + oro + opt(14) + iana + iapd)
    p = [
        c2s / Raw(solicit),
        s2c / Raw(msg(2, 0xabcdef, duid_llt + duid_en + opt(7, b"\xff") + iana + dns + dom)),
        c2s / Raw(msg(3, 0x123456, duid_llt + duid_en + oro + elapsed + iana)),
        c2s / Raw(msg(4, 0x1, duid_ll + elapsed + iana)),
        c2s / Raw(msg(5, 0x2, duid_ll + duid_en + elapsed + iana + iapd)),
        c2s / Raw(msg(6, 0x3, duid_ll + elapsed + iata)),
        s2c / Raw(msg(7, 0x123456, duid_llt + duid_en + status + iana + dns + dom
                      + opt(14) + opt(32, u32(86400)))),
        c2s / Raw(msg(8, 0x4, duid_ll + duid_en + iana)),
        c2s / Raw(msg(9, 0x5, duid_ll + duid_en + iana)),
        s2c / Raw(msg(10, 0x6, duid_en + duid_ll + opt(19, b"\x05"))),
        c2s / Raw(msg(11, 0x7, duid_ll + oro + elapsed + opt(20))),
        E / IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=547, dport=547) / Raw(
            bytes([12, 0]) + v6("2001:db8:1::1") + v6(LL2) + opt(18, b"eth0/1/2/3-interface")
            + opt(37, u32(9) + b"remote-identifier") + opt(9, solicit)),
        E / IPv6(src="2001:db8::2", dst="2001:db8::1") / UDP(sport=547, dport=547) / Raw(
            bytes([13, 1]) + v6("2001:db8:1::1") + v6(LL2) + opt(18, b"eth0")
            + opt(9, msg(7, 0x99, duid_en + status))),
        c2s / Raw(msg(14, 0x8, duid_ll + opt(44, b"\x01" + v6("2001:db8::9")
                                             + opt(6, u16(23))))),
        s2c / Raw(msg(15, 0x9, duid_en + opt(45, duid_ll + iaaddr + opt(46, u32(33)))
                      + opt(47, v6("2001:db8::7") + b"0123456789abcdef")
                      + opt(48, v6("2001:db8::8")))),
        # What scapy's DHCPv6 layers (modelled on real clients and servers) encode.
        c2s / DHCP6_Solicit(trid=0x1a2b3c) / DHCP6OptElapsedTime()
        / DHCP6OptClientId(duid=DUID_LLT(lladdr="00:11:22:33:44:55", timeval=0x2b0c6a1e))
        / DHCP6OptIA_NA(iaid=0x0c0b0a09) / DHCP6OptClientFQDN(fqdn="host.example.com")
        / DHCP6OptVendorClass(enterprisenum=311, vcdata=[VENDOR_CLASS_DATA(data=b"MSFT 5.0")])
        / DHCP6OptOptReq(reqopts=[17, 23, 24, 39]),
        s2c / DHCP6_Reply(trid=0x1a2b3c)
        / DHCP6OptServerId(duid=DUID_LL(lladdr="00:aa:bb:cc:dd:ee"))
        / DHCP6OptClientId(duid=DUID_LLT(lladdr="00:11:22:33:44:55", timeval=0x2b0c6a1e))
        / DHCP6OptIA_NA(iaid=0x0c0b0a09, T1=43200, T2=69120, ianaopts=[DHCP6OptIAAddress(
            addr="2001:db8::1234", preflft=86400, validlft=172800)])
        / DHCP6OptDNSServers(dnsservers=["2001:db8::53"])
        / DHCP6OptDNSDomains(dnsdomains=["example.com."])
        / DHCP6OptIA_PD(iaid=1, T1=0, T2=0, iapdopt=[DHCP6OptIAPrefix(
            prefix="2001:db8:100::", plen=56, preflft=3600, validlft=7200)]),
        s2c / Raw(msg(16, 0xa, b"")),
        s2c / Raw(msg(255, 0xb, opt(999, b"xyz"))),
        # Every other option tcpdump names.
        s2c / Raw(msg(7, 0xc, opt(11, b"\x02\x01\x00" + bytes(range(8)) + b"realm"
                                  + u32(0x11223344) + bytes(range(16))))
                  + opt(11, b"\x03\x01\x00" + bytes(8) + b"\x01" + bytes(range(16)))
                  + opt(11, b"\x03\x01\x00" + bytes(8) + b"\x02" + bytes(range(16)))
                  + opt(11, b"\x03\x01\x00" + bytes(8) + b"\x07" + bytes(range(16)))
                  + opt(11, b"\x02\x01\x00" + bytes(8))
                  + opt(11, b"\x02\x02\x01" + bytes(8) + b"short")
                  + opt(11, b"\x03\x01\x00" + bytes(8) + b"x")
                  + opt(11, b"\x09\x01\x00" + bytes(8))
                  + opt(11, b"\x02\x01")),
        s2c / Raw(msg(7, 0xd, opt(12, v6("2001:db8::1")) + opt(15, u16(4) + b"abcd" + u16(2) + b"xy")
                  + opt(15, u16(9) + b"ab") + opt(16, u32(311) + u16(3) + b"MSF")
                  + opt(17, u32(311) + u16(1) + u16(2) + b"zz")
                  + opt(21, name(b"sip", b"example", b"com"))
                  + opt(22, v6("2001:db8::5060")) + opt(27, v6("2001:db8::1"))
                  + opt(28, v6("2001:db8::2")) + opt(29, name(b"nis")) + opt(30, b"x")
                  + opt(31, v6("2001:db8::123")) + opt(33, b"") + opt(34, v6("::1"))
                  + opt(36, b"geo") + opt(38, b"subscriber-0123456789")
                  + opt(39, b"\x01" + name(b"host", b"example")) + opt(40, v6("::2")))),
        s2c / Raw(msg(7, 0xe, opt(41, b"EST5EDT4,M3.2.0/02:00,M11.1.0/02:00")
                  + opt(42, b"Europe/Zurich") + opt(42, b"abc") + opt(43, u16(18) + u16(37))
                  + opt(56, opt(1, v6("2001:db8::123")) + opt(2, v6("ff05::101"))
                        + opt(3, name(b"ntp", b"example", b"org")) + opt(4, b"??")
                        + opt(1, b"short"))
                  + opt(59, b"tftp://[2001:db8::69]/boot.efi")
                  + opt(64, name(b"aftr", b"example", b"com")) + opt(64, b"\x09ab")
                  + opt(112, b"https://mud.example.com/x") + opt(136, u16(3) + b"url")
                  + opt(82, u32(3600)) + opt(83, u32(60)))),
        # Malformed: options too short for their type, bad lengths, truncated lists.
        s2c / Raw(msg(7, 0xf, opt(1, b"\x00") + opt(1, u16(1) + b"abc") + opt(1, u16(2) + b"abc")
                  + opt(1, u16(3) + b"a") + opt(2, u16(9) + b"abc") + opt(5, b"short")
                  + opt(6, b"odd") + opt(7, b"") + opt(8, b"123") + opt(13, b"")
                  + opt(13, u16(300)) + opt(13, u16(77)) + opt(3, bytes(11))
                  + opt(4, b"abc") + opt(25, bytes(12)) + opt(26, bytes(24))
                  + opt(23, bytes(17)) + opt(32, b"") + opt(37, b"ab") + opt(44, bytes(16))
                  + opt(44, b"\x07" + bytes(16)) + opt(47, bytes(15)) + opt(56, b"")
                  + opt(64, b"ab") + opt(41, b"abcd") + opt(19, b"") + opt(19, b"\x03"))),
        s2c / Raw(msg(7, 0x10, duid_en + opt(24, b"\x03abc\x05de"))),
        s2c / Raw(msg(7, 0x11, opt(24, b"\x03abc\xc0\x02" + b"\x01z\x00"))),
        s2c / Raw(msg(7, 0x12, opt(24, b"\x41abc") + duid_en)),
        s2c / Raw(msg(7, 0x12, opt(24, b"\x03abc\x83xyz\x00") + duid_en)),
        s2c / Raw(msg(7, 0x12, opt(24, b"\x42abc") + duid_en)),
        # Names longer than tcpdump prints (255 characters with the dots).
        s2c / Raw(msg(7, 0x17, opt(24, name(*[bytes([97 + i]) * 63 for i in range(5)])
                                   + name(b"after", b"long")) + duid_en)),
        s2c / Raw(msg(7, 0x18, opt(24, name(*[bytes([97 + i]) * 63 for i in range(3)], b"x" * 62)
                                   + name(*[bytes([97 + i]) * 63 for i in range(3)], b"y" * 63)
                                   + name(*[bytes([97 + i]) * 63 for i in range(3)], b"z" * 61, b"q")
                                   + name(*[bytes([97 + i]) * 63 for i in range(3)], b"x" * 62, b"w"))
                  + duid_en)),
        s2c / Raw(msg(7, 0x19, opt(21, name(*[bytes([97 + i]) * 63 for i in range(4)]) + b"\xc0\x00")
                  + duid_en)),
        # Too long, and the rest of the name runs past the end of the packet.
        s2c / Raw(msg(7, 0x1a, opt(24, b"".join(bytes([63]) + bytes([97 + i]) * 63 for i in range(4))
                                   + b"\x3feee"))),
        s2c / Raw(msg(7, 0x1b, opt(24, b"".join(bytes([63]) + bytes([97 + i]) * 63 for i in range(3))
                                   + b"\x3e" + b"x" * 62 + b"\x05ww"))),
        # Past the limit: a label cut by it, reserved and extended label types,
        # bit-string labels (printed whole) and a pointer.
        s2c / Raw(msg(7, 0x1c, opt(24, name(*[bytes([97 + i]) * 63 for i in range(3)], b"x" * 56,
                                            b"y" * 10) + name(b"next")) + duid_en)),
        s2c / Raw(msg(7, 0x1d, opt(24, long4 + b"\x80abc\x00") + duid_en)),
        s2c / Raw(msg(7, 0x1e, opt(24, long4 + b"\x42abc\x00") + duid_en)),
        s2c / Raw(msg(7, 0x1f, opt(24, long4 + b"\x41\x08a\x00") + duid_en)),
        s2c / Raw(msg(7, 0x20, opt(24, long4 + b"\xc0\x00") + duid_en)),
        s2c / Raw(msg(7, 0x21, opt(24, long4[:-64] + b"\x3c" + b"x" * 60 + b"\x41\x20abcd\x00")
                  + duid_en)),
        s2c / Raw(msg(7, 0x13, opt(56, opt(1, v6("::1"), length=40)) + duid_en)),
        s2c / Raw(msg(7, 0x14, duid_en + opt(1, b"", length=30))),
        s2c / Raw(msg(7, 0x15, duid_en + b"\x00")),
        s2c / Raw(msg(7, 0x16, opt(3, u32(1) + u32(2) + u32(3) + opt(5, bytes(30))))),
        s2c / Raw(msg(12, 0, opt(9, b"ab"))),
        s2c / Raw(bytes([12, 0]) + v6("2001:db8:1::1") + v6(LL2) + opt(9, bytes([12, 0, 1]) + bytes(20))),
        s2c / Raw(bytes([13, 0]) + v6("2001:db8:1::1")),
        s2c / Raw(b"\x01\x02\x03"),
        s2c / Raw(b""),
        v4 / Raw(solicit),
        E / IP(src=A, dst=B) / UDP(sport=520, dport=547) / Raw(solicit),
    ]
    return p


def rip_entry(afi, tag, addr, mask, nh, metric):
    import socket
    return (u16(afi) + u16(tag) + socket.inet_aton(addr) + socket.inet_aton(mask)
            + socket.inet_aton(nh) + u32(metric))


def rip():
    r = E / IP(src=A, dst="224.0.0.9", ttl=1) / UDP(sport=520, dport=520)
    r1 = E / IP(src=A, dst="10.255.255.255") / UDP(sport=520, dport=520)
    hdr = lambda cmd, ver: bytes([cmd, ver, 0, 0])
    e1 = rip_entry(2, 0, "192.168.1.0", "0.0.0.0", "0.0.0.0", 1)
    e2 = rip_entry(2, 0, "192.168.2.0", "255.255.255.0", "0.0.0.0", 2)
    e3 = rip_entry(2, 0x1234, "172.16.0.0", "255.240.0.0", "10.0.0.254", 16)
    auth_simple = u16(0xffff) + u16(2) + b"secret\0\0\0\0\0\0\0\0\0\0"
    auth_md5 = u16(0xffff) + u16(3) + u16(64) + bytes([1, 16]) + u32(12345) + u32(0) + u32(0)
    trailer = u16(0xffff) + u16(1) + bytes(range(16))
    p = [
        r1 / Raw(hdr(1, 1) + rip_entry(0, 0, "0.0.0.0", "0.0.0.0", "0.0.0.0", 16)),
        r1 / Raw(hdr(2, 1) + e1 + rip_entry(2, 0, "10.1.0.0", "0.0.0.0", "0.0.0.0", 3)),
        r / Raw(hdr(1, 2) + rip_entry(0, 0, "0.0.0.0", "0.0.0.0", "0.0.0.0", 16)),
        r / Raw(hdr(2, 2) + e2 + e3 + rip_entry(2, 7, "10.0.0.0", "255.0.0.0", "0.0.0.0", 1)),
        r / Raw(hdr(2, 2) + auth_simple + e2),
        r / Raw(hdr(2, 2) + auth_md5 + e2 + e3 + trailer),
        r / Raw(hdr(2, 2) + u16(0xffff) + u16(9) + b"unknown-auth-data-here" + e2),
        # RIPv1 oddities: nonzero must-be-zero fields, other families.
        r1 / Raw(hdr(2, 1) + rip_entry(2, 5, "10.2.0.0", "0.0.0.0", "0.0.0.0", 1)
                 + rip_entry(2, 0, "10.3.0.0", "255.0.0.0", "0.0.0.0", 1)
                 + rip_entry(10, 0, "1.2.3.4", "0.0.0.0", "0.0.0.0", 1)
                 + rip_entry(0, 0, "10.4.0.0", "0.0.0.0", "0.0.0.0", 5)),
        r / Raw(hdr(2, 2) + rip_entry(10, 0, "1.2.3.4", "0.0.0.0", "0.0.0.0", 1)
                + rip_entry(0, 0, "10.4.0.0", "255.255.0.0", "0.0.0.0", 5)
                + rip_entry(2, 0, "10.5.0.0", "255.0.255.0", "0.0.0.0", 5)
                + rip_entry(6, 0, "1.2.3.4", "0.0.0.0", "0.0.0.0", 1)
                + rip_entry(7, 0, "1.2.3.4", "0.0.0.0", "0.0.0.0", 1)
                + rip_entry(16, 0, "1.2.3.4", "0.0.0.0", "0.0.0.0", 1)
                + rip_entry(23, 0, "1.2.3.4", "0.0.0.0", "0.0.0.0", 1)
                + rip_entry(28, 0, "1.2.3.4", "0.0.0.0", "0.0.0.0", 1)
                + rip_entry(2, 0, "255.255.255.255", "255.255.255.255", "1.1.1.1", 1)),
        r / Raw(hdr(2, 2) + auth_simple[:-8]),
        r / Raw(hdr(2, 2) + u16(0xffff) + u16(2) + b"0123456789abcdefXYZ"),
        r / Raw(hdr(2, 2) + u16(0xffff) + u16(3) + bytes(15)),
        # Every command, unknown versions and commands, short and odd lengths.
    ] + [r / Raw(hdr(cmd, 2) + e2) for cmd in range(3, 13)] + [
        r / Raw(hdr(1, 0) + e2),
        r / Raw(hdr(2, 3) + e2),
        r / Raw(hdr(99, 2) + e2),
        r / Raw(hdr(2, 2) + e2 + b"\x00\x02\x00\x00\x0a"),
        r1 / Raw(hdr(2, 1) + e1 + b"\x00\x02\x00"),
        r / Raw(hdr(2, 2) + b"\xff\xff\x00\x03\x00\x40"),
        r / Raw(hdr(2, 2) + b"\xff\xff"),
        r / Raw(hdr(2, 2)),
        r / Raw(b"\x02\x02"),
        r / Raw(b""),
    ]
    # RIPng (UDP 521 over IPv6).
    g = E / IPv6(src=LL1, dst="ff02::9", hlim=255) / UDP(sport=521, dport=521)
    rte = lambda pfx, tag, plen, metric: v6(pfx) + u16(tag) + bytes([plen, metric])
    p += [
        g / Raw(bytes([1, 1, 0, 0]) + rte("::", 0, 0, 16)),
        g / Raw(bytes([1, 1, 0, 0]) + rte("2001:db8::", 0, 32, 1) + rte("2001:db8:1::", 0, 48, 0)),
        g / Raw(bytes([2, 1, 0, 0]) + rte("2001:db8:1::", 0, 64, 1) + rte("2001:db8:2::", 7, 64, 2)
                + rte("::", 0, 0, 16) + rte("fe80::1", 0, 128, 0xff)),
        g / Raw(bytes([2, 1, 0, 0])),
        g / Raw(bytes([2, 1, 0, 0]) + rte("2001:db8:1::", 0, 64, 1) + b"abc"),
        g / Raw(bytes([1, 1, 0, 0]) + rte("2001:db8:1::", 0, 64, 1) + b"abc"),
        g / Raw(bytes([1, 1, 0, 0]) + rte("::", 0, 0, 16) + b"x"),
        g / Raw(bytes([3, 1, 0, 0]) + rte("::", 0, 0, 16)),
        g / Raw(bytes([2, 2, 0, 0]) + rte("::", 0, 0, 16)),
        g / Raw(bytes([2, 1, 0])),
        g / Raw(b""),
        E / IP(src=A, dst=B) / UDP(sport=521, dport=521) / Raw(bytes([2, 1, 0, 0]) + rte("2001:db8::", 1, 32, 3)),
    ]
    return p


def hsrp():
    h = E / IP(src=A, dst="224.0.0.2", ttl=1) / UDP(sport=1985, dport=1985)
    msg = lambda ver, op, state, hello, hold, prio, group, res, auth, vip: (
        bytes([ver, op, state, hello, hold, prio, group, res]) + auth
        + bytes(int(x) for x in vip.split(".")))
    p = [h / Raw(msg(0, op, st, 3, 10, 100, 1, 0, b"cisco\0\0\0", "10.0.0.254"))
         for op in (0, 1, 2, 3) for st in (0, 1, 2, 4, 8, 16, 32)]
    p += [
        h / Raw(msg(0, 0, 16, 0, 255, 255, 255, 7, b"12345678", "192.168.0.1")),
        h / Raw(msg(0, 0, 16, 200, 250, 0, 0, 0, b"\x01\x80ab\xffcd\x7f", "0.0.0.0")),
        h / Raw(msg(0, 0, 16, 3, 10, 100, 1, 0, b"cisco\0\0\0", "10.0.0.254") + b"trailer"),
        E / IP(src=A, dst="224.0.0.102", ttl=1) / UDP(sport=1985, dport=1985) / Raw(
            bytes.fromhex("01280002000000000a0000fe00640003e80000271000000000000000000000000000000000"
                          "0000000000000000000000000000")),
        h / Raw(b"\x00\x00\x10"),
        h / Raw(b""),
        E / IP(src=A, dst=B) / UDP(sport=1985, dport=40000) / Raw(msg(0, 0, 16, 3, 10, 100, 1, 0, b"cisco\0\0\0", "10.0.0.254")),
        E / IP(src=A, dst=B) / UDP(sport=40000, dport=1985) / Raw(msg(0, 0, 16, 3, 10, 100, 1, 0, b"cisco\0\0\0", "10.0.0.254")),
        E / IPv6(src=LL1, dst="ff02::66") / UDP(sport=2029, dport=1985) / Raw(msg(0, 0, 16, 3, 10, 100, 1, 0, b"cisco\0\0\0", "10.0.0.254")),
    ]
    return p


def bfd():
    def ctl(ver, diag, sta, flags, mult, my, your, tx, rx, echo, length=24, auth=b""):
        b0 = (ver << 5) | diag
        b1 = (sta << 6) | flags if ver == 1 else flags
        body = bytes([b0, b1, mult, length]) + u32(my) + u32(your) + u32(tx) + u32(rx) + u32(echo)
        return body + auth
    b = E / IP(src=A, dst=B, ttl=255) / UDP(sport=49160, dport=3784)
    mh = E / IP(src=A, dst=B) / UDP(sport=49153, dport=4784)
    lag = E / IP(src=A, dst=B, ttl=255) / UDP(sport=49154, dport=6784)
    echo = E / IP(src=A, dst=A, ttl=255) / UDP(sport=3785, dport=3785)
    b6 = E / IPv6(src=LL1, dst=LL2, hlim=255) / UDP(sport=50000, dport=3784)
    p = [b / Raw(ctl(1, 0, st, 0, 3, 0x11, 0, 1000000, 1000000, 0)) for st in range(4)]
    p += [
        b / Raw(ctl(1, 3, 3, 0x20, 3, 0x11, 0x22, 300000, 300000, 50000)),
        b / Raw(ctl(1, 1, 1, 0x10 | 0x08 | 0x02 | 0x01, 5, 1, 2, 50000, 50000, 0)),
        b6 / Raw(ctl(1, 0, 3, 0, 3, 0x11, 0x22, 300000, 300000, 0)),
        mh / Raw(ctl(1, 7, 0, 0, 3, 1, 0, 1000000, 0, 0)),
        lag / Raw(ctl(1, 5, 3, 0, 3, 1, 2, 100000, 100000, 0)),
    ]
    p += [b / Raw(ctl(1, d, 1, 0, 3, 1, 2, 1000, 999, 1)) for d in range(9, 32, 11)]
    p += [b / Raw(ctl(1, d, 1, 0, 3, 1, 2, 1000, 999, 1)) for d in range(2, 9)]
    # Authentication sections.
    p += [
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 32,
                    bytes([1, 8, 5]) + b"passw")),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 48,
                    bytes([2, 24, 1, 0]) + u32(0x1234) + bytes(range(16)))),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 48,
                    bytes([3, 24, 1, 0]) + u32(0x1235) + bytes(range(16)))),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 52,
                    bytes([4, 28, 2, 0]) + u32(7) + bytes(range(20)))),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 52,
                    bytes([5, 28, 2, 0]) + u32(8) + bytes(range(20)))),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 28, bytes([9, 4, 1, 0]))),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 28, bytes([1, 3, 1, 0]))),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 44, bytes([1, 20, 1]) + b"x" * 17)),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 28, bytes([2, 20, 1, 0]))),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 28, bytes([4, 24, 1, 0]))),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 28, bytes([1, 19, 1]) + b"\x01\x80\xff")),
        b / Raw(ctl(1, 0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0, 24)),
        # Version 0 (draft), other versions, odd multipliers, short packets.
        b / Raw(ctl(0, 0, 0, 0xc0, 3, 1, 2, 1000000, 1000000, 0)),
        b / Raw(ctl(0, 2, 0, 0xff, 3, 1, 2, 1000000, 1000000, 0, 28, bytes([1, 4, 1]) + b"p")),
        b / Raw(ctl(0, 1, 0, 0x00, 255, 1, 2, 0xffffffff, 0xffffffff, 0xffffffff)),
        b / Raw(ctl(2, 0, 0, 0, 3, 1, 2, 1000000, 1000000, 0)),
        b / Raw(ctl(7, 0, 0, 0, 3, 1, 2, 1000000, 1000000, 0)),
        b / Raw(ctl(1, 0, 3, 0, 3, 1, 2, 1000000, 1000000, 0)[:20]),
        b / Raw(b""),
        echo / Raw(b"\x01\x02\x03\x04echo-payload-from-vendor"),
        echo / Raw(b""),
        E / IP(src=A, dst=B) / UDP(sport=3784, dport=49152) / Raw(ctl(1, 0, 3, 0, 3, 1, 2, 1, 1, 0)),
        E / IP(src=A, dst=B) / UDP(sport=49152, dport=3784) / Raw(ctl(1, 0, 3, 0, 3, 1, 2, 1, 1, 0)),
        E / IP(src=A, dst=B) / UDP(sport=3785, dport=3784) / Raw(ctl(1, 0, 3, 0, 3, 1, 2, 1, 1, 0)),
        E / IP(src=A, dst=B) / UDP(sport=3784, dport=3785) / Raw(ctl(1, 0, 3, 0, 3, 1, 2, 1, 1, 0)),
    ]
    return p


def tftp():
    c = E / IP(src=A, dst=B) / UDP(sport=40000, dport=69)
    s = E / IP(src=B, dst=A) / UDP(sport=40001, dport=40000)
    t = E / IP(src=A, dst=B) / UDP(sport=69, dport=40000)
    p = [
        c / Raw(u16(1) + b"pxelinux.0\0octet\0"),
        c / Raw(u16(1) + b"boot/grub.cfg\0netascii\0tsize\x000\0blksize\x001468\0timeout\x005\0"),
        c / Raw(u16(2) + b"router-confg\0octet\0"),
        s / Raw(u16(6) + b"tsize\x0012345\0blksize\x001468\0"),
        s / Raw(u16(3) + u16(1) + bytes(range(256)) * 2),
        c / Raw(u16(4) + u16(1)),
        s / Raw(u16(3) + u16(2) + b"last block"),
        c / Raw(u16(4) + u16(65535)),
        t / Raw(u16(5) + u16(1) + b"File not found\0"),
        # Servers that answer from port 69 itself.
        t / Raw(u16(6) + b"blksize\x001468\0tsize\x00999\0"),
        t / Raw(u16(3) + u16(7) + bytes(range(64))),
        t / Raw(u16(6) + b"\0\0"),
    ]
    p += [t / Raw(u16(5) + u16(code) + b"msg\0") for code in (0, 2, 3, 4, 5, 6, 7, 8, 300)]
    p += [
        # Malformed: missing NULs, fields cut short, empty strings, unknown opcodes.
        c / Raw(u16(1) + b"noterminator"),
        c / Raw(u16(1) + b"file\0"),
        c / Raw(u16(1) + b"file\0mode"),
        c / Raw(u16(1) + b"file\0mode\0opt"),
        c / Raw(u16(1) + b"\0\0\0\0"),
        c / Raw(u16(1) + b"f\x01\x80\xff\0m\0"),
        c / Raw(u16(1)),
        c / Raw(u16(2) + b"x"),
        s / Raw(u16(6)),
        s / Raw(u16(6) + b"a\0\0b"),
        s / Raw(u16(3) + b"\x01"),
        s / Raw(u16(3)),
        c / Raw(u16(4)),
        t / Raw(u16(5)),
        t / Raw(u16(5) + u16(1)),
        t / Raw(u16(5) + u16(1) + b"no nul"),
        t / Raw(u16(5) + u16(9) + b"x\0"),
        c / Raw(u16(0) + b"zero"),
        c / Raw(u16(7) + b"x"),
        c / Raw(u16(0x0102)),
        c / Raw(b"\x00"),
        c / Raw(b""),
        E / IPv6(src=LL1, dst=LL2) / UDP(sport=50000, dport=69) / Raw(u16(1) + b"ipv6.cfg\0octet\0"),
        E / IP(src=A, dst=B) / UDP(sport=69, dport=67) / Raw(u16(4) + u16(3)),
        E / IP(src=A, dst=B) / UDP(sport=520, dport=69) / Raw(u16(4) + u16(3)),
        E / IP(src=A, dst=B) / UDP(sport=161, dport=69) / Raw(u16(4) + u16(3)),
    ]
    return p


def dhcp6_random():
    """Random but well-framed DHCPv6 messages: every option code tcpdump knows
    (and some it does not), nested IA and relay options, domain names with
    pointers and odd label types, lengths a little off."""
    import random
    rng = random.Random(6)
    codes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
             24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 36, 37, 38, 39, 40, 41, 42, 43, 44,
             45, 46, 47, 48, 56, 59, 64, 82, 112, 136, 200]

    def rbytes(n):
        return bytes(rng.randrange(256) for _ in range(n))

    def rname():
        out = b""
        for _ in range(rng.randint(0, 3)):
            lab = rng.choice([0, 1, 3, 5, 63, 64, 0xc0, 0xc1, 0x41, 0x80])
            if lab & 0xc0 == 0xc0:
                return out + bytes([lab, rng.randrange(256)])
            if lab == 0x41:
                out += bytes([0x41, rng.choice([0, 1, 7, 8, 9, 16, 97])]) + rbytes(rng.randint(0, 6))
                continue
            out += bytes([lab]) + bytes(rng.choice(b"abcxyz\x00\x7f\xff")
                                        for _ in range(min(lab, rng.randint(0, 8))))
        return out + b"\0" * rng.randint(0, 1)

    def ropt(depth):
        c = rng.choice(codes)
        if c in (21, 24):
            body = b"".join(rname() for _ in range(rng.randint(1, 3)))
        elif c in (3, 25, 4, 5, 26, 44, 45) and depth < 3:
            fixed = {3: 12, 25: 12, 4: 4, 5: 24, 26: 25, 44: 17, 45: 0}[c]
            body = rbytes(max(0, fixed - rng.choice([0, 0, 0, 1])))
            body += b"".join(ropt(depth + 1) for _ in range(rng.randint(0, 3)))
        elif c == 9 and depth < 3:
            body = rmsg(depth + 1)
        elif c == 56:
            body = b""
            for _ in range(rng.randint(0, 3)):
                sc = rng.choice([1, 2, 3, 4])
                sb = rname() if sc == 3 else bytes(rng.randint(0, 20))
                slen = len(sb) + rng.choice([0, 0, 0, 1, -1]) if sb else 0
                body += struct.pack(">HH", sc, slen) + sb
        elif c in (1, 2):
            body = u16(rng.choice([1, 2, 3, 4])) + rbytes(rng.randint(0, 14))
        elif c == 11:
            body = (bytes([rng.choice([2, 3, 4]), rng.choice([1, 2]), rng.choice([0, 1])])
                    + bytes(8) + rbytes(rng.choice([0, 5, 17, 20, 25, 16])))
        else:
            body = rbytes(rng.choice([0, 1, 2, 3, 4, 5, 16, 17, 32]))
        length = len(body)
        if rng.random() < 0.1:
            length = max(0, length + rng.choice([-2, -1, 1, 5]))
        return struct.pack(">HH", c, length) + body

    def rmsg(depth=0):
        t = rng.choice(list(range(0, 17)) + [12, 13, 1, 7])
        if t in (12, 13):
            h = bytes([t, rng.randrange(256)]) + rbytes(32)
        else:
            h = bytes([t]) + rbytes(3)
        return h + b"".join(ropt(depth) for _ in range(rng.randint(0, 5)))

    u = E / IPv6(src=LL2, dst=ALL_DHCP) / UDP(sport=546, dport=547)
    return [u / Raw(rmsg()) for _ in range(400)]


def ports():
    """One small message between each port of these printers and every port
    rfilter decodes, both ways: which printer wins follows tcpdump's order."""
    mine = [69, 520, 521, 546, 547, 1985, 3784, 3785, 4784, 6784]
    others = [53, 5353, 67, 68, 161, 162, 123, 514, 4789, 6081, 6635, 49152, 40000, 500, 4500, 7500,
              8500, 88, 750, 1701, 1645, 1646, 1700, 1812, 1813, 3799]
    body = bytes([2, 2, 0, 0]) + bytes(40)
    p = []
    for m in mine:
        for o in others + mine:
            if o != m:
                p.append(E / IP(src=A, dst=B) / UDP(sport=o, dport=m) / Raw(body))
                p.append(E / IP(src=A, dst=B) / UDP(sport=m, dport=o) / Raw(body))
    # The Broadcom LI shim (sport 49152) against syslog and the tunnels.
    for o in (514, 4789, 6081, 6635, 5353):
        p.append(E / IP(src=A, dst=B) / UDP(sport=49152, dport=o) / Raw(body))
    return p


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/data/udpa"
    os.makedirs(out, exist_ok=True)
    for nm, gen in [("dhcp6", dhcp6), ("rip", rip), ("hsrp", hsrp), ("bfd", bfd), ("tftp", tftp), ("dhcp6rand", dhcp6_random), ("ports", ports)]:
        write(out, nm, gen(), usec_step=1237)


if __name__ == "__main__":
    main()
