#!/usr/bin/env python3
"""Writes the captures of tests/print_udpsvc2.rs into tests/data/udpsvc2/: one pcap
per protocol (sFlow, LSP-PING, OTV, AFS RX, AODV, Cisco auto-RP, timed), realistic
and malformed packets, plus ports.pcap (port pairs, for the dispatch order).
Deterministic (fixed timestamps). Needs scapy; the tests only read the files and
compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_udpsvc2.py tests/data/udpsvc2
"""
import os
import struct
import sys
from scapy.all import Ether, IP, UDP, Raw

from pktgen import u8, u16, u32, u64, v4, v6
from pktgen_scapy import udp4, udp4_port_pairs, udp6, write


# ---------------------------------------------------------------- sFlow
def sf_rec(fmt, body, length=None):
    return u32(fmt) + u32(len(body) if length is None else length) + body


def sf_sample(fmt, body, length=None):
    return u32(fmt) + u32(len(body) if length is None else length) + body


def sf_dgram(samples, nsamples=None, version=5, ipver=1, agent=v4("192.0.2.1"), seq=77):
    return (u32(version) + u32(ipver) + agent + u32(3) + u32(seq) + u32(123456)
            + u32(len(samples) if nsamples is None else nsamples) + b"".join(samples))


def sflow():
    raw_hdr = bytes.fromhex("0200000000020200000000010800") + bytes(range(64))
    raw = sf_rec(1, u32(1) + u32(1514) + u32(4) + u32(len(raw_hdr)) + raw_hdr)
    eth = sf_rec(2, u32(1514) + bytes.fromhex("0200000000010000") + bytes.fromhex("0200000000020000") + u32(0x0800))
    sw = sf_rec(1001, u32(10) + u32(0) + u32(20) + u32(5))
    ipv4d = sf_rec(3, u32(100) + u32(6) + v4("10.1.1.1") + v4("10.1.1.2") + u32(80) + u32(1234) + u32(0x18) + u32(0))
    router = sf_rec(1002, u32(1) + v4("10.0.0.254") + u32(24) + u32(24))
    unk = sf_rec(2000, b"\x01\x02\x03\x04\x05\x06")
    ent = sf_rec((9 << 12) | 5, b"\xaa" * 8)
    flow = (u32(1) + u8(0) + b"\x00\x00\x05" + u32(512) + u32(100000) + u32(0) + u32(5) + u32(7))
    flow_s = sf_sample(1, flow + u32(7) + raw + eth + sw + ipv4d + router + unk + ent)
    xflow = (u32(2) + u32(0) + u32(17) + u32(1024) + u32(20000) + u32(3) + u32(0) + u32(17)
             + u32(0) + u32(18))
    xflow_s = sf_sample(3, xflow + u32(2) + raw + sw)

    gen = (u32(5) + u32(6) + u64(1000000000) + u32(1) + u32(3) + u64(123456789012) + u32(1) + u32(2)
           + u32(3) + u32(4) + u32(5) + u32(6) + u64(98765432109) + u32(7) + u32(8) + u32(9) + u32(10)
           + u32(11) + u32(0))
    ethc = b"".join(u32(i) for i in range(13))
    basevg = (u32(1) + u64(2) + u32(3) + u64(4) + u32(5) + u32(6) + u32(7) + u32(8) + u32(9) + u64(10)
              + u32(11) + u64(12) + u64(13) + u64(14))
    vlan = u32(100) + u64(5555) + u32(1) + u32(2) + u32(3) + u32(4)
    proc = u32(10) + u32(20) + u32(30) + u64(8 << 30) + u64(3 << 30)
    crecs = [sf_rec(1, gen), sf_rec(2, ethc), sf_rec(3, b"\0" * 8), sf_rec(4, basevg), sf_rec(5, vlan),
             sf_rec(1001, proc), sf_rec(9, b"\x11\x22\x33"), sf_rec((1 << 20) | 2, b"\0" * 4)]
    cnt_s = sf_sample(2, u32(9) + u8(0) + b"\x00\x00\x05" + u32(len(crecs)) + b"".join(crecs))
    xcnt_s = sf_sample(4, u32(10) + u32(0) + u32(6) + u32(2) + sf_rec(1, gen) + sf_rec(2, ethc))
    unk_s = sf_sample(7, b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09")
    ent_s = sf_sample((4300 << 12) | 1, b"\x00" * 12)

    p = [
        udp4(50000, 6343, sf_dgram([flow_s, cnt_s])),
        udp4(50000, 6343, sf_dgram([xflow_s, xcnt_s, unk_s])),
        udp4(6343, 50000, sf_dgram([ent_s, cnt_s])),
        udp4(50000, 6343, sf_dgram([])),
        udp4(50000, 6343, sf_dgram([], version=4)),
        udp4(50000, 6343, sf_dgram([flow_s], ipver=2)),
        udp6(50000, 6343, sf_dgram([cnt_s], ipver=2, agent=v6("2001:db8::99")[:4])),
        # more samples announced than present, fewer announced than present
        udp4(50000, 6343, sf_dgram([cnt_s], nsamples=3)),
        udp4(50000, 6343, sf_dgram([cnt_s, flow_s], nsamples=1)),
        # zero type, zero length, sample longer than the datagram
        udp4(50000, 6343, sf_dgram([sf_sample(0, b"\0" * 8)])),
        udp4(50000, 6343, sf_dgram([sf_sample(1, b"", length=0)])),
        udp4(50000, 6343, sf_dgram([sf_sample(2, b"\0" * 12, length=400)])),
        # samples too short for their header, records too long for the sample
        udp4(50000, 6343, sf_dgram([sf_sample(1, b"\0" * 20)])),
        udp4(50000, 6343, sf_dgram([sf_sample(2, b"\0" * 8)])),
        udp4(50000, 6343, sf_dgram([sf_sample(3, b"\0" * 40)])),
        udp4(50000, 6343, sf_dgram([sf_sample(4, b"\0" * 12)])),
        udp4(50000, 6343, sf_dgram([sf_sample(2, u32(1) + u32(5) + u32(2) + sf_rec(1, gen, length=200))])),
        udp4(50000, 6343, sf_dgram([sf_sample(2, u32(1) + u32(5) + u32(1) + sf_rec(1, gen[:40]))])),
        udp4(50000, 6343, sf_dgram([sf_sample(2, u32(1) + u32(5) + u32(1) + sf_rec(2, ethc[:20])),
                                    cnt_s])),
        udp4(50000, 6343, sf_dgram([sf_sample(1, flow[:28] + u32(2) + sf_rec(2, b"\0" * 10)
                                              + sf_rec(1, b"\0" * 8))])),
        # short datagrams
        udp4(50000, 6343, sf_dgram([])[:20]),
        udp4(50000, 6343, u32(5)),
        udp4(50000, 6343, b""),
    ]
    # a UDP length shorter than the sFlow header, with the rest still captured
    short = udp4(50000, 6343, sf_dgram([cnt_s]))
    short[UDP].len = 8 + 20
    p.append(short)
    return p


# ---------------------------------------------------------------- OTV
def otv():
    inner_ip = (Ether(src="00:11:22:33:44:55", dst="00:66:77:88:99:aa") / IP(src="192.168.1.1", dst="192.168.1.2")
                / UDP(sport=1234, dport=53) / Raw(b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x03www\x07example\x03com\x00\x00\x01\x00\x01"))
    inner_arp = bytes.fromhex("ffffffffffff001122334455080600010800060400010011223344550a0000010000000000000a000002")
    hdr = lambda flags, ov, inst: u8(flags) + struct.pack(">I", ov)[1:] + struct.pack(">I", inst)[1:] + b"\0"
    return [
        udp4(8472, 8472, hdr(0x08, 1, 100) + bytes(inner_ip)),
        udp4(50000, 8472, hdr(0x08, 0xffffff, 0xabcdef) + inner_arp),
        udp4(8472, 50000, hdr(0x00, 2, 3) + inner_arp),
        udp6(50000, 8472, hdr(0xff, 2, 3) + bytes(inner_ip)),
        udp4(50000, 8472, hdr(0x08, 1, 1)),
        udp4(50000, 8472, hdr(0x08, 1, 1)[:5]),
        udp4(50000, 8472, b""),
    ]


# ---------------------------------------------------------------- LSP-PING
def lsp_hdr(mtype=1, mode=2, code=0, sub=0, handle=0x1234, seq=1, sent=(0xe8f1a2b3, 0x80000000),
            rcvd=(0, 0), version=1):
    return (u16(version) + u16(0) + u8(mtype) + u8(mode) + u8(code) + u8(sub) + u32(handle) + u32(seq)
            + u32(sent[0]) + u32(sent[1]) + u32(rcvd[0]) + u32(rcvd[1]))


def tlv(t, body, length=None):
    pad = b"\0" * (-len(body) % 4)
    return u16(t) + u16(len(body) if length is None else length) + body + pad


def rdv(kind):
    if kind == 0:
        return u16(0) + u16(65000) + u32(100)
    if kind == 1:
        return u16(1) + v4("192.0.2.1") + u16(7)
    if kind == 2:
        return u16(2) + u32(4200000000) + u16(9)
    return u16(9) + b"\0" * 6


def lspping():
    fec = b"".join([
        tlv(1, v4("10.9.9.9") + u8(32)),
        tlv(2, v6("2001:db8::9") + u8(128)),
        tlv(3, v4("10.1.1.1") + u16(0) + u16(0x1234) + v4("10.2.2.2") + v4("10.3.3.3") + u16(0) + u16(7)),
        tlv(4, v6("2001:db8::1") + u16(0) + u16(0x55) + v6("2001:db8::2") + v6("2001:db8::3") + u16(0)
            + u16(9)),
        tlv(6, rdv(0) + v4("172.16.0.0") + u8(16)),
        tlv(7, rdv(1) + v6("2001:db8:1::") + u8(48)),
        tlv(8, rdv(2) + u16(1) + u16(2) + u16(5)),
        tlv(9, v4("10.4.4.4") + u32(100) + u16(4)),
        tlv(10, v4("10.5.5.5") + v4("10.6.6.6") + u32(200) + u16(64)),
        tlv(12, v4("10.7.0.0") + u8(16)),
        tlv(13, v6("2001:db8:7::") + u8(64)),
        tlv(6, rdv(7) + v4("172.16.0.0") + u8(16)),
        tlv(11, b"\x01\x02\x03"),
        tlv(16, u32(3)),
        tlv(1, v4("10.9.9.9") + u8(32) + b"\0"),
    ])
    ds4 = u16(1500) + u8(1) + u8(0) + v4("10.8.8.8") + v4("10.8.8.9") + u8(0) + u8(0) + u16(0) + u32(0x00012100)
    ds4u = u16(1500) + u8(2) + u8(0) + v4("10.8.8.8") + u32(7) + u8(0) + u8(0) + u16(0) + u32(0x00012100)
    ds6 = u16(9000) + u8(3) + u8(0) + v6("2001:db8::8") + v6("2001:db8::9") + u8(0) + u8(0) + u16(0)
    ds6u = u16(9000) + u8(4) + u8(0) + v6("2001:db8::8") + u32(8) + u8(0) + u8(0) + u16(0)
    dsx = u16(1500) + u8(9) + u8(0) + u8(0) + u8(0) + u16(0)
    req = lsp_hdr() + tlv(1, fec) + tlv(3, u8(1) + b"\0" * 7) + tlv(15, u32(0xdeadbeef)) + tlv(5, u32(9))
    rep = (lsp_hdr(mtype=2, code=3, sub=1, rcvd=(0xe8f1a2b4, 0x1000)) + tlv(2, ds4) + tlv(2, ds4u)
           + tlv(2, ds6) + tlv(2, ds6u) + tlv(2, dsx) + tlv(5, u32(2636)) + tlv(5, u32(123456))
           + tlv(7, u32(0x00012100)) + tlv(9, u8(1) + u8(2) + u16(0)) + tlv(10, u8(0xc0) + b"\0\0\0")
           + tlv(0xfc00, u32(9) + b"abc") + tlv(0x8001, b"xyz"))
    p = [
        udp4(3503, 3503, req),
        udp4(3503, 3503, rep),
        udp6(49152, 3503, lsp_hdr(mode=3, seq=2) + tlv(1, tlv(2, v6("2001:db8::9") + u8(128)))),
        udp4(3503, 40000, lsp_hdr(mtype=7, mode=9, code=13, sub=2, rcvd=(0, 5))),
        udp4(40000, 3503, lsp_hdr(mtype=2, code=99, rcvd=(7, 0))),
        udp4(40000, 3503, lsp_hdr(version=2)),
        # malformed: wrong sub-TLV lengths, short TLVs, zero lengths, odd padding
        udp4(40000, 3503, lsp_hdr() + tlv(1, tlv(1, v4("10.9.9.9") + u8(32) + b"\0\0\0")
                                          + tlv(3, b"\0" * 8) + tlv(8, b"\0" * 10))),
        udp4(40000, 3503, lsp_hdr() + tlv(1, u16(1) + u16(20) + b"\0" * 8)),
        udp4(40000, 3503, lsp_hdr() + tlv(1, b"\0\1")),
        udp4(40000, 3503, lsp_hdr() + tlv(2, b"\0\0")),
        udp4(40000, 3503, lsp_hdr() + tlv(2, u16(1500) + u8(1) + u8(0) + b"\0" * 4)),
        udp4(40000, 3503, lsp_hdr() + tlv(2, u16(1500) + u8(1) + u8(0) + b"\0" * 8)),
        udp4(40000, 3503, lsp_hdr() + tlv(15, b"\0\0") + tlv(5, b"\0")),
        udp4(40000, 3503, lsp_hdr() + u16(1) + u16(0) + tlv(3, b"\0" * 4)),
        udp4(40000, 3503, lsp_hdr() + u16(1) + u16(40) + b"\0" * 8),
        udp4(40000, 3503, lsp_hdr() + u16(3) + u16(3) + b"\0\0\0"),
        udp4(40000, 3503, lsp_hdr() + u16(3)),
        udp4(40000, 3503, lsp_hdr() + tlv(1, u16(1) + u16(3) + b"\0\0\0")),
        udp4(40000, 3503, lsp_hdr()[:20]),
        udp4(40000, 3503, b""),
    ]
    return p


# ---------------------------------------------------------------- AODV
def aodv():
    rreq4 = lambda t, ext=b"": (u8(t) + u8(0) + u8(0) + u8(3) + u32(0x11223344) + v4("10.1.0.1") + u32(5)
                                + v4("10.1.0.2") + u32(6) + ext)
    rrep4 = lambda t, ext=b"": (u8(t) + u8(0) + u8(0x1f) + u8(2) + v4("10.1.0.1") + u32(7) + v4("10.1.0.2")
                                + u32(3000) + ext)
    rreq6 = lambda t: (u8(t) + u8(0) + u8(0) + u8(1) + u32(9) + v6("2001:db8::a") + u32(5)
                       + v6("2001:db8::b") + u32(6))
    rrep6 = lambda t: (u8(t) + u8(0) + u8(8) + u8(2) + v6("2001:db8::a") + u32(7) + v6("2001:db8::b")
                       + u32(3000))
    rerr = lambda n, items, a=v4: (u8(3) + u8(0x80) + u8(0) + u8(n)
                                   + b"".join(a(x) + u32(i) for i, x in enumerate(items)))
    hello = u8(1) + u8(4) + u32(1000)
    p = [
        udp4(654, 654, rreq4(1)),
        udp4(654, 654, rreq4(1, hello)),
        udp4(654, 654, rreq4(0xf9, u8(1) + u8(2) + u32(5))),
        udp4(654, 654, rreq4(1, u8(7) + u8(3))),
        udp4(654, 654, rreq4(1, u8(1) + u8(4) + u16(1))),
        udp4(654, 654, rrep4(2)),
        udp4(654, 654, rrep4(0xc2, hello)),
        udp4(654, 654, rerr(2, ["10.2.0.1", "10.2.0.2"])),
        udp4(654, 654, rerr(3, ["10.2.0.1"])),
        udp4(654, 654, u8(4) + u8(0)),
        udp4(654, 654, u8(9) + u8(0) + u16(0)),
        udp4(654, 654, rreq4(1)[:20]),
        udp4(654, 654, rrep4(2)[:10]),
        udp4(654, 654, rerr(0, [])[:3]),
        udp4(654, 654, b""),
        udp6(654, 654, rreq6(1)),
        udp6(654, 654, rreq6(1) + hello),
        udp6(654, 654, rrep6(2)),
        udp6(654, 654, rerr(2, ["2001:db8::1", "2001:db8::2"], v6)),
        udp6(654, 654, u8(4) + u8(0)),
        udp6(654, 654, rreq6(16)),
        udp6(654, 654, u8(17) + u8(0) + u8(8) + u8(2) + u32(7) + v6("2001:db8::a") + v6("2001:db8::b")
             + u32(3000)),
        udp6(654, 654, rerr(1, ["2001:db8::1"], v6)[:4] + v6("2001:db8::1") + u32(1)),
        udp6(654, 654, u8(18) + u8(0) + u8(0) + u8(1) + v6("2001:db8::1") + u32(1)),
        udp6(654, 654, u8(19) + u8(0)),
        udp4(654, 654, rreq6(16)),
        udp6(654, 654, rreq4(1)),
        udp4(40000, 654, rrep4(2)),
    ]
    return p


# ---------------------------------------------------------------- Cisco auto-RP
def autorp():
    ent = lambda flags, mask, a: u8(flags) + u8(mask) + v4(a)
    rp = lambda a, ver, ents: v4(a) + u8(ver) + u8(len(ents)) + b"".join(ents)
    hdr = lambda t, n, hold: u8(t) + u8(n) + u16(hold) + u32(0)
    both = rp("10.0.0.9", 3, [ent(0, 4, "224.0.0.0"), ent(1, 24, "239.1.1.0"), ent(2, 8, "232.0.0.0")])
    p = [
        udp4(496, 496, hdr(0x11, 1, 181) + rp("10.0.0.9", 2, [ent(0, 4, "224.0.0.0")])),
        udp4(496, 496, hdr(0x12, 2, 0) + both + rp("10.0.0.10", 0xfd, [ent(0xfe, 16, "239.2.0.0")])),
        udp4(496, 496, hdr(0x13, 0, 65535)),
        udp4(496, 496, hdr(0x11, 1, 60) + rp("10.0.0.9", 1, [])),
        udp4(496, 496, hdr(0x11, 2, 60) + rp("10.0.0.9", 1, [])),
        udp4(496, 496, hdr(0x11, 1, 60) + v4("10.0.0.9") + u8(1)),
        udp4(496, 496, hdr(0x11, 1, 60) + rp("10.0.0.9", 1, [ent(0, 8, "224.0.0.0")])[:-2]),
        udp4(496, 496, hdr(0x11, 1, 60)[:6]),
        udp4(40000, 496, hdr(0x12, 1, 3600) + rp("10.0.0.11", 2, [ent(0, 4, "224.0.0.0")])),
    ]
    return p


# ---------------------------------------------------------------- timed (TSP)
def timed():
    def tsp(t, vers=1, seq=7, u=b"\0" * 8, name=b"host.example\0"):
        return u8(t) + u8(vers) + u16(seq) + u + name
    neg = lambda s, us: struct.pack(">ii", s, us)
    p = [udp4(525, 525, tsp(t, seq=t)) for t in range(0, 26)]
    p += [
        udp4(525, 525, tsp(24, u=u8(5) + b"\0" * 7)),
        udp4(525, 525, tsp(5, u=neg(1700000000, 250000))),
        udp4(525, 525, tsp(1, u=neg(-1, 500000))),
        udp4(525, 525, tsp(1, u=neg(-5, 500000))),
        udp4(525, 525, tsp(22, u=neg(-3, 0))),
        udp4(525, 525, tsp(23, u=neg(3, -1))),
        udp4(525, 525, tsp(1, u=neg(-2, 2000000))),
        udp4(525, 525, tsp(1, u=neg(-2, 999995))),
        udp4(525, 525, tsp(1, u=neg(-2, 1000003))),
        udp4(525, 525, tsp(0xff, vers=3, seq=65535, name=b"odd\x01\x7f\xe9name\0")),
        udp4(525, 525, tsp(8, name=b"x" * 300)),
        udp4(525, 525, tsp(8, name=b"noterm")),
        udp4(40000, 525, tsp(2)),
        udp6(525, 40000, tsp(3)),
        udp4(525, 525, b"\x05\x01"),
        udp4(525, 525, b""),
    ]
    short = udp4(525, 525, tsp(5, u=neg(10, 20)))
    short[UDP].len = 8 + 4
    p.append(short)
    return p


# ---------------------------------------------------------------- SOME/IP
def someip():
    hdr = lambda mid, ln, req, pv, iv, mt, rc: u32(mid) + u32(ln) + u32(req) + u8(pv) + u8(iv) + u8(mt) + u8(rc)
    p = [udp4(30490, 30490, hdr(0x12340001 + t, 8 + 4, 0x00010002, 1, 1, t, t & 0x1f) + b"\xaa" * 4)
         for t in [0, 1, 2, 0x80, 0x81, 0x20, 0x21, 0x22, 0xa0, 0xa1, 0x03]]
    p += [
        udp4(40000, 30490, hdr(0xffff8100, 20, 0, 1, 1, 2, 0) + b"\0" * 12),
        udp4(30490, 40000, hdr(0x43218001, 8, 0xffffffff, 2, 9, 0x80, 0x10)),
        udp6(30490, 30490, hdr(1, 8, 2, 1, 1, 0, 0)),
        udp4(30490, 30490, hdr(1, 8, 2, 1, 1, 0, 0)[:15]),
        udp4(30490, 30490, b""),
    ]
    short = udp4(30490, 30490, hdr(1, 8, 2, 1, 1, 0, 0))
    short[UDP].len = 8 + 10
    p.append(short)
    return p


# ---------------------------------------------------------------- vat / vt
def vat():
    p = [
        udp4(40000, 3456, u32(0x00000102) + u32(123456) + b"\x11" * 160),
        udp4(40000, 3456, u32(0x3f9f0102) + u32(7) + b"\x11" * 20),
        udp4(40000, 3456, u32(0x00800000) + u32(0xffffffff)),
        udp4(40000, 3456, u16(0x8123) + b"\0" * 30),
        udp4(40000, 3456, u16(0x0040) + b"\0" * 2),
        udp4(40000, 3456, u32(0)[:3]),
        udp4(40000, 3456, b"\0"),
        udp4(40000, 3456, b""),
        udp4(3456, 40000, u32(0x00000102) + u32(1)),
        udp6(40000, 3456, u32(0x00010102) + u32(1)),
    ]
    short = udp4(40000, 3456, u32(0x00000102) + u32(1) + b"\0" * 8)
    short[UDP].len = 8 + 6
    p.append(short)
    return p


# ---------------------------------------------------------------- VQP
def vqp():
    obj = lambda t, v, l=None: u32(t) + u16(len(v) if l is None else l) + v
    hdr = lambda t, err, n, seq=0x1234: u8(1) + u8(t) + u8(err) + u8(n) + u32(seq)
    mac = bytes.fromhex("001122334455")
    req = (obj(0x0c01, v4("10.1.2.3")) + obj(0x0c02, b"Fa0/1") + obj(0x0c03, b"") + obj(0x0c04, b"corp\0x")
           + obj(0x0c05, b"\x01\x02abc") + obj(0x0c06, mac) + obj(0x0c08, mac))
    p = [
        udp4(40000, 1589, hdr(1, 0, 7) + req),
        udp4(1589, 40000, hdr(2, 0, 2) + obj(0x0c03, b"engineering") + obj(0x0c08, mac)),
        udp4(40000, 1589, hdr(3, 3, 2) + obj(0x0c04, b"corp") + obj(0x0c06, b"\xff" * 6)),
        udp4(1589, 40000, hdr(4, 4, 1) + obj(0x0c04, b"corp")),
        udp4(1589, 40000, hdr(9, 7, 1) + obj(0x0c04, b"corp")),
        udp4(1589, 40000, hdr(2, 5, 3) + obj(0x0c01, b"\0" * 5) + obj(0x0c09, b"\xab" * 5)),
        udp4(1589, 40000, hdr(2, 0, 2) + obj(0x0c09, b"\xab" * 5) + obj(0x0c08, mac[:5])),
        udp4(1589, 40000, hdr(2, 0, 3) + obj(0x0c03, b"vl", 9)),
        udp4(1589, 40000, hdr(2, 0, 3) + obj(0, b"vl")),
        udp4(1589, 40000, hdr(2, 0, 3) + u32(0x0c03)),
        udp4(1589, 40000, hdr(2, 0, 0) + obj(0x0c03, b"vl")),
        udp4(1589, 40000, u8(2) + hdr(1, 0, 0)[1:]),
        udp4(1589, 40000, hdr(1, 0, 0)[:6]),
        udp6(1589, 1589, hdr(1, 0, 1) + obj(0x0c02, b"Gi1/0/1")),
    ]
    return p


# ---------------------------------------------------------------- LWAPP
def lwapp():
    ap = bytes.fromhex("00aabbccddee")
    tr = lambda v, frag, ln, st=0: u8(v) + u8(frag) + u16(ln) + u16(st)
    msg = lambda t, seq, body, sess=0x01020304: u8(t) + u8(seq) + u16(len(body)) + u32(sess) + body
    msgs = msg(1, 1, b"\x01\x00\x02ab") + msg(2, 2, b"") + msg(99, 3, b"xyz")
    p = [
        udp4(40000, 12223, ap + tr(0x04 | 0x08, 0, len(msgs)) + msgs),
        udp4(12223, 40000, tr(0x05, 2, len(msgs)) + msgs),
        udp4(12223, 40000, tr(0x06, 2, 8) + msg(22, 9, b"")),
        udp4(40000, 12223, ap + tr(0x04, 0, 20) + msg(3, 1, b"\0" * 4)),
        udp4(40000, 12223, ap + tr(0x04, 0, 6) + msg(3, 1, b"\0" * 4)),
        udp4(40000, 12223, ap + tr(0x04, 0, 12) + msg(3, 1, b"\0" * 8)[:12]),
        udp4(12223, 40000, tr(0x44, 0, 8) + msg(3, 1, b"")),
        udp4(40000, 12222, tr(0x03 | 0x10, 7, 6 + 24) + bytes(range(24))),
        udp4(12222, 40000, tr(0x00, 7, 4) + bytes(range(8))),
        udp4(12222, 40000, tr(0x00, 7, 200) + bytes(range(8))),
        udp4(12222, 40000, tr(0xc0, 7, 6)),
        udp4(12222, 40000, tr(0x00, 7, 6)[:4]),
        udp4(40000, 12223, ap[:4]),
        udp6(40000, 12223, ap + tr(0x04, 0, 8) + msg(5, 1, b"")),
    ]
    return p


# ---------------------------------------------------------------- port pairs
# (AFS RX 7000-7009 and wb 4567 come before several of these ports in
# tcpdump but have no printer in rfilter yet, so they are left out.)
MINE = [6343, 3503, 8472, 654, 496, 525, 30490, 3456, 1589, 12222, 12223]
OTHERS = [53, 5353, 69, 67, 68, 520, 500, 4500, 7500, 8500, 161, 162, 123, 88, 750, 1701, 521, 546, 547,
          1645, 1646, 1700, 1812, 1813, 3799, 1985, 49152, 3784, 4784, 6784, 3785, 5060, 514, 4789, 6081,
          6635, 319, 320, 2049]


def ports():
    body = bytes([5, 1, 0, 7]) + bytes(range(8, 72))
    p = udp4_port_pairs(MINE, OTHERS, body)
    p.append(udp6(654, 521, body))
    p.append(udp6(546, 654, body))
    return p


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/data/udpsvc2"
    os.makedirs(out, exist_ok=True)
    write(out, "sflow", sflow())
    write(out, "otv", otv())
    write(out, "lspping", lspping())
    write(out, "aodv", aodv())
    write(out, "autorp", autorp())
    write(out, "timed", timed())
    write(out, "someip", someip())
    write(out, "vat", vat())
    write(out, "vqp", vqp())
    write(out, "lwapp", lwapp())
    write(out, "ports", ports())


if __name__ == "__main__":
    main()


