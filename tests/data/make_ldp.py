#!/usr/bin/env python3
"""Writes the captures of tests/print_ldp.rs into tests/data/ldp/: one pcap per
protocol (LDP over UDP and TCP, OLSR over IPv4 and IPv6, LMP, IPX, lwres),
realistic and malformed packets, plus ports.pcap (port pairs, for the dispatch
order). Deterministic (fixed timestamps). Needs scapy; the tests only read the
files and compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_ldp.py tests/data/ldp
"""
import os
import struct
import sys
from scapy.all import Ether, Raw

from pktgen import u8, u16, u32, v4, v6, write_pcap
from pktgen_scapy import tcp4, udp4, udp4_port_pairs, udp6, write


# ---------------------------------------------------------------- LDP
def tlv(t, body, length=None, u=0, f=0):
    return u16((u << 15) | (f << 14) | t) + u16(len(body) if length is None else length) + body


def msg(t, mid, body, length=None, u=0):
    return u16((u << 15) | t) + u16(4 + len(body) if length is None else length) + u32(mid) + body


def pdu(msgs, lsr="192.0.2.1", space=0, version=1, length=None):
    body = v4(lsr) + u16(space) + b"".join(msgs)
    return u16(version) + u16(len(body) if length is None else length) + body


def fec(elems):
    return tlv(0x0100, b"".join(elems))


def fec_prefix4(p, plen):
    n = (plen + 7) // 8
    return u8(2) + u16(1) + u8(plen) + v4(p)[:n]


def fec_prefix6(p, plen):
    n = (plen + 7) // 8
    return u8(2) + u16(2) + u8(plen) + v6(p)[:n]


def martini(pwtype, cw, group, vcid, params, info_len=None):
    body = u32(vcid) + params if vcid is not None else params
    il = len(body) if info_len is None else info_len
    return u8(0x80) + u16((0x8000 if cw else 0) | pwtype) + u8(il) + u32(group) + body


def ldp_packets():
    hello = pdu([msg(0x0100, 1, tlv(0x0400, u16(15) + u16(0)) +
                     tlv(0x0401, v4("192.0.2.1")) +
                     tlv(0x0402, u32(7)))])
    thello = pdu([msg(0x0100, 2, tlv(0x0400, u16(45) + u16(0xc000)) +
                      tlv(0x0403, v6("2001:db8::1")) +
                      tlv(0x0701, u8(0x60) + b"\0\0\0"))], lsr="192.0.2.9", space=0)
    init = pdu([msg(0x0200, 3, tlv(0x0500, u16(1) + u16(30) + u8(0x40) + u8(0) + u16(4096) +
                                   v4("192.0.2.2") + u16(0)) +
                    tlv(0x0503, u16(0x800f) + u16(0) + u32(120000) + u32(60000), f=1, u=1) +
                    tlv(0x050b, u8(0x80)) +
                    tlv(0x0501, b"\x00\x00\x00\x00\x01\x02\x03\x04"))])
    ka = pdu([msg(0x0201, 4, b"")])
    kas = pdu([msg(0x0201, 5, b""), msg(0x0201, 6, b"")])
    addr = pdu([msg(0x0300, 7, tlv(0x0101, u16(1) + v4("10.1.1.1") + v4("10.2.2.2") + v4("172.16.0.1"))),
                msg(0x0301, 8, tlv(0x0101, u16(2) + v6("2001:db8::5") + v6("fe80::1")))])
    addr_other = pdu([msg(0x0300, 9, tlv(0x0101, u16(11) + b"\x01\x02\x03\x04"))])
    mapping = pdu([msg(0x0400, 10, fec([fec_prefix4("10.1.0.0", 16)]) + tlv(0x0200, u32(16)) +
                       tlv(0x0103, u8(3)) + tlv(0x0104, v4("1.1.1.1") + v4("2.2.2.2") + v4("3.3.3.3")) +
                       tlv(0x0601, u16(1500)))])
    mapping6 = pdu([msg(0x0400, 11, fec([fec_prefix6("2001:db8:1::", 48)]) + tlv(0x0200, u32(0x123456)))])
    odd_prefix = pdu([msg(0x0400, 12, fec([fec_prefix4("10.1.129.0", 17)]) + tlv(0x0200, u32(3)))])
    bad_prefix = pdu([msg(0x0400, 13, fec([u8(2) + u16(1) + u8(33) + v4("1.2.3.4")]) + tlv(0x0200, u32(3)))])
    past_prefix = pdu([msg(0x0400, 14, fec([u8(2) + u16(1) + u8(24) + b"\x0a\x01"]) + tlv(0x0200, u32(3)))])
    past_prefix6 = pdu([msg(0x0400, 15, fec([u8(2) + u16(2) + u8(64) + b"\x20\x01"]) + tlv(0x0200, u32(3)))])
    no_plen = pdu([msg(0x0400, 38, fec([u8(2) + u16(1)]) + tlv(0x0200, u32(3)))])
    other_af = pdu([msg(0x0400, 16, fec([u8(2) + u16(25) + b"\x00"]))])
    wildcard = pdu([msg(0x0402, 17, fec([u8(1)])), msg(0x0403, 18, fec([u8(3)]) + tlv(0x0200, u32(20)))])
    request = pdu([msg(0x0401, 19, fec([fec_prefix4("192.168.0.0", 24)]) + tlv(0x0103, u8(1)))])
    abort = pdu([msg(0x0404, 20, fec([fec_prefix4("0.0.0.0", 0)]) + tlv(0x0600, u32(19)))])
    pw = pdu([msg(0x0400, 21, fec([martini(5, True, 0, 100,
                                           u8(1) + u8(4) + u16(1500) +
                                           u8(3) + u8(7) + b"abcde" +
                                           u8(0x0c) + u8(4) + u8(0x07) + u8(0x06) +
                                           u8(0x0a) + u8(4) + b"\x01\x02")]) +
                      tlv(0x0200, u32(299776)))])
    pw0 = pdu([msg(0x0400, 22, fec([martini(4, False, 7, None, b"", info_len=0)]))])
    pw_short_info = pdu([msg(0x0400, 23, fec([martini(4, False, 7, 9, b"", info_len=2)]))])
    pw_bad_params = pdu([msg(0x0400, 24, fec([martini(99, False, 1, 2, u8(1) + u8(1) + u8(0), info_len=7)]))])
    pw_long_param = pdu([msg(0x0400, 25, fec([martini(5, True, 1, 2, u8(1) + u8(9) + u16(1500))]))])
    notif = pdu([msg(0x0001, 26, tlv(0x0300, u32(0x8000000a) + u32(0x12345678) + u16(0x0200)) +
                     tlv(0x0301, u32(99)) + tlv(0x0302, b"\x00\x01\x00\x02"))])
    notif2 = pdu([msg(0x0001, 27, tlv(0x0300, u32(0x40000019) + u32(0) + u16(0)) +
                      tlv(0x0300, u32(0x3fffffff) + u32(0) + u16(0x3e01)))])
    unknown_msg = pdu([msg(0x3e00, 28, b"\x01\x02\x03\x04\x05", u=1)])
    unknown_tlv = pdu([msg(0x0100, 29, tlv(0x3f01, b"\xde\xad\xbe\xef\x00", u=1, f=1) +
                           tlv(0x0202, b"\x00\x00\x00\x10"))])
    short_tlvs = pdu([msg(0x0100, 30, tlv(0x0400, u16(1)) + tlv(0x0401, b"\x01") +
                          tlv(0x0403, b"\x01" * 8) + tlv(0x0402, b"") + tlv(0x0103, b"") +
                          tlv(0x0104, b"\x01") + tlv(0x0500, b"\x00" * 13) + tlv(0x0100, b"") +
                          tlv(0x0200, b"\x01") + tlv(0x0300, b"\x00" * 9) + tlv(0x0503, b"\x00" * 11) +
                          tlv(0x050b, b"") + tlv(0x0601, b"\x01") + tlv(0x0701, b"\x40") +
                          tlv(0x0101, b"\x00"))])
    short_fec = pdu([msg(0x0400, 31, fec([u8(2) + b"\x00"])), msg(0x0400, 32, fec([u8(0x80) + b"\x00" * 6]))])
    tlv_past = pdu([msg(0x0100, 33, tlv(0x0400, u16(15) + u16(0), length=40))])
    msg_past = pdu([msg(0x0100, 34, tlv(0x0400, u16(15) + u16(0)), length=30)])
    msg_short = pdu([msg(0x0100, 35, b"", length=2)])
    msg_odd = pdu([msg(0x0100, 36, tlv(0x0400, u16(15) + u16(0)) + b"\x01\x02")])
    bad_version = pdu([msg(0x0201, 1, b"")], version=2)
    short_pdu = pdu([msg(0x0201, 1, b"")], length=5)
    long_pdu = pdu([msg(0x0201, 1, b"")], length=40)
    dual = pdu([msg(0x0100, 37, tlv(0x0701, u8(0x40) + b"\0\0\0") + tlv(0x0701, u8(0x11) + b"\0\0\0") +
                    tlv(0x050b, u8(0)) + tlv(0x0503, u16(0x0002) + u16(0) + u32(0) + u32(0)))])
    no_msgs = pdu([])
    garbage = b"\x01\x02" * 20
    two_pdus = kas + hello
    udp = [hello, thello, bad_version, short_pdu, long_pdu, tlv_past, msg_past, msg_short, msg_odd,
           unknown_tlv, short_tlvs, dual, no_msgs, garbage, two_pdus, b"\x00\x01\x00\x0a\x01\x02\x03"]
    tcp = [init, ka, kas, addr, addr_other, mapping, mapping6, odd_prefix, bad_prefix, past_prefix,
           past_prefix6, no_plen, other_af, wildcard, request, abort, pw, pw0, pw_short_info, pw_bad_params,
           pw_long_param, notif, notif2, unknown_msg, short_fec, init + mapping, bad_version]
    pkts = [udp4(646, 646, p) for p in udp]
    pkts.append(udp6(646, 646, thello))
    pkts.append(udp4(40000, 646, hello))
    pkts += [tcp4(646, 11000, p) for p in tcp]
    pkts.append(tcp4(11000, 646, mapping))
    return pkts



# ---------------------------------------------------------------- OLSR
def omsg(t, body, v6=False, orig=None, vtime=0x86, ttl=255, hop=0, seq=1, length=None):
    o = v6addr(orig or "2001:db8::1") if v6 else v4(orig or "10.0.0.1")
    hl = len(o) + 8
    return u8(t) + u8(vtime) + u16(hl + len(body) if length is None else length) + o + u8(ttl) + u8(hop) + u16(seq) + body


def v6addr(s):
    return v6(s)


def opkt(msgs, seq=0x1234, length=None):
    body = b"".join(msgs)
    return u16(4 + len(body) if length is None else length) + u16(seq) + body


def link(code, addrs, length=None):
    body = b"".join(addrs)
    return u8(code) + u8(0) + u16(4 + len(body) if length is None else length) + body


def olsr_packets():
    hello = opkt([omsg(1, u16(0) + u8(0x05) + u8(3) +
                       link(0x06, [v4("10.0.0.2"), v4("10.0.0.3"), v4("10.0.0.4"), v4("10.0.0.5"), v4("10.0.0.6")]) +
                       link(0x0a, [v4("10.0.0.7")]) + link(0x01, []) + link(0x0f, [v4("10.0.0.8")]) +
                       link(0x13, [v4("10.0.0.9")]))])
    hello_bad = opkt([omsg(1, u16(0) + u8(0x05) + u8(3) + link(0x06, [v4("10.0.0.2")], length=40))])
    hello_short = opkt([omsg(1, u16(0))])
    hello_link2 = opkt([omsg(1, u16(0) + u8(0x05) + u8(3) + link(0x06, [v4("10.0.0.2")], length=2))])
    tc = opkt([omsg(2, u16(7) + u16(0) + v4("10.0.1.1") + v4("10.0.1.2") + v4("10.0.1.3"), vtime=0x2c, ttl=200, hop=3, seq=99)])
    tc_short = opkt([omsg(2, u16(7))])
    tc_odd = opkt([omsg(2, u16(7) + u16(0) + v4("10.0.1.1") + b"\x01\x02")])
    mid = opkt([omsg(3, v4("10.1.0.1") + v4("10.2.0.1") + b"\x01")])
    hna = opkt([omsg(4, v4("192.168.1.0") + v4("255.255.255.0") + v4("10.0.0.0") + v4("255.0.0.0") +
                     v4("0.0.0.0") + v4("0.0.0.0") + v4("172.16.0.0") + v4("255.240.0.0") +
                     v4("10.9.0.0") + v4("255.0.255.0") + b"\0\0\0\0" + bytes([0, 0x1f, 0x55, 0xff]) +
                     b"\0\0\0\0" + bytes([0, 0x06, 0x55, 0x10]) + b"\x01\x02\x03")])
    hello_lq = opkt([omsg(201, u16(0) + u8(0x05) + u8(7) +
                          link(0x06, [v4("10.0.0.2") + bytes([255, 128, 0, 0]), v4("10.0.0.3") + bytes([1, 0, 0, 0])]) +
                          link(0x05, [v4("10.0.0.4") + bytes([3, 200, 0, 0]) + b"\x01\x02"]))])
    tc_lq = opkt([omsg(202, u16(8) + u16(0) + v4("10.0.1.1") + bytes([100, 50, 0, 0]) + b"\x09")])
    ns = opkt([omsg(130, u16(1) + u16(2) +
                    u16(0) + u16(5) + v4("10.0.0.1") + b"host1\0\0\0" +
                    u16(1) + u16(8) + v4("10.0.0.2") + b"ab\x01\xffcdef")])
    ns_bad = opkt([omsg(130, u16(1) + u16(9) + b"\0" * 8)])
    ns_bad_entry = opkt([omsg(130, u16(1) + u16(1) + u16(0) + u16(40) + v4("10.0.0.1") + b"x" * 4)])
    ns_pad = opkt([omsg(130, u16(1) + u16(1) + u16(0x123) + u16(5) + v4("10.0.0.1") + b"host1")])
    ns_short = opkt([omsg(130, u16(1))])
    power = opkt([omsg(128, b"\x01\x02\x03\x04\x05")])
    unknown = opkt([omsg(77, b"\xaa\xbb")])
    multi = opkt([omsg(1, u16(0) + u8(0x05) + u8(3) + link(0x06, [v4("10.0.0.2")])),
                  omsg(2, u16(1) + u16(0) + v4("10.0.1.1")), omsg(3, v4("10.1.0.1"))])
    zero_type = opkt([omsg(0, b"\x01\x02\x03\x04"), omsg(3, v4("10.1.0.1"))])
    bad_len = opkt([omsg(3, v4("10.1.0.1"), length=4)])
    long_len = opkt([omsg(3, v4("10.1.0.1"), length=200)])
    short_pkt_len = opkt([omsg(3, v4("10.1.0.1") + v4("10.1.0.2"))], length=20)
    past_msg = opkt([omsg(3, v4("10.1.0.1"), length=16)]) + v4("10.1.0.9") * 3
    tiny = b"\x00\x10\x00"
    v4pkts = [hello, hello_bad, hello_short, hello_link2, tc, tc_short, tc_odd, mid, hna, hello_lq, tc_lq, ns,
              ns_bad, ns_bad_entry, ns_pad, ns_short, power, unknown, multi, zero_type, bad_len, long_len,
              short_pkt_len, past_msg, tiny, b""]
    hello6 = opkt([omsg(1, u16(0) + u8(0x05) + u8(3) + link(0x06, [v4("10.0.0.2"), v4("10.0.0.3")]), v6=True)])
    hello6_lq = opkt([omsg(201, u16(0) + u8(0x05) + u8(3) +
                           link(0x06, [v6("fe80::2") + bytes([255, 255, 0, 0])]), v6=True)])
    tc6_lq = opkt([omsg(202, u16(3) + u16(0) + v6("2001:db8::7") + bytes([10, 20, 0, 0]), v6=True)])
    mid6 = opkt([omsg(3, v6("2001:db8:1::1") + v6("2001:db8:2::1"), v6=True)])
    hna6 = opkt([omsg(4, v6("2001:db8:10::") + v6("ffff:ffff:ffff::") + v6("2001:db8:20::") +
                      v6("ffff:ff0f::") + v6("::") + v6("::"), v6=True)])
    ns6 = opkt([omsg(130, u16(1) + u16(1) + u16(2) + u16(4) + v6("2001:db8::9") + b"node", v6=True)])
    v6pkts = [hello6, hello6_lq, tc6_lq, mid6, hna6, ns6, hello]
    return [udp4(698, 698, p) for p in v4pkts] + [udp6(698, 698, p) for p in v6pkts]



# ---------------------------------------------------------------- LMP
def lobj(cls, ctype, body, neg=False, length=None):
    return u8((0x80 if neg else 0) | ctype) + u8(cls) + u16(4 + len(body) if length is None else length) + body


def lmsg(t, objs, flags=0, version=1, length=None):
    body = b"".join(objs)
    return u8(version << 4) + u8(0) + u8(flags) + u8(t) + u16(8 + len(body) if length is None else length) + u16(0) + body


def f32(v):
    return struct.pack(">f", v)


def lmp_packets():
    cfg = lmsg(1, [lobj(1, 1, u32(5)), lobj(5, 1, u32(77)), lobj(2, 1, v4("192.0.2.1")),
                   lobj(6, 1, u16(150) + u16(500), neg=True)])
    cfg_ack = lmsg(2, [lobj(1, 1, u32(5)), lobj(2, 1, v4("192.0.2.1")), lobj(1, 2, u32(6)),
                       lobj(5, 2, u32(77)), lobj(2, 2, v4("192.0.2.2"))], flags=3)
    cfg_nack = lmsg(3, [lobj(6, 1, u16(150) + u16(500), neg=True)], flags=1)
    hello = lmsg(4, [lobj(7, 1, u32(10) + u32(9))])
    verify = lmsg(5, [lobj(5, 1, u32(1)), lobj(3, 1, v4("10.0.0.1")),
                      lobj(8, 1, u16(3) + u16(500) + u32(4) + u8(5) + u8(0) + u16(0x1f40) + f32(1.25e9) + u32(1550))])
    verify_ack = lmsg(6, [lobj(9, 1, u16(30) + u16(2)), lobj(10, 1, u32(1234))])
    verify_nack = lmsg(7, [lobj(20, 1, u32(0x1f))])
    ls = lmsg(14, [lobj(11, 1, u8(3) + b"\0\0\0" + v4("10.0.0.1") + v4("10.0.0.2")),
                   lobj(11, 2, u8(1) + b"\0\0\0" + v6("2001:db8::1") + v6("2001:db8::2")),
                   lobj(11, 3, u8(0) + b"\0\0\0" + u32(11) + u32(12)),
                   lobj(12, 1, u8(7) + b"\0\0\0" + v4("10.0.0.3") + v4("10.0.0.4") +
                        u8(1) + u8(12) + u8(150) + u8(8) + f32(1.0e6) + f32(2.5e9) +
                        u8(2) + u8(8) + u16(0) + u32(1550))])
    ls2 = lmsg(14, [lobj(12, 2, u8(2) + b"\0\0\0" + v6("2001:db8::3") + v6("2001:db8::4")),
                    lobj(12, 3, u8(4) + b"\0\0\0" + u32(1) + u32(2) + u8(9) + u8(8) + u16(0) + u32(0) +
                         u8(1) + u8(4)),
                    lobj(12, 1, u8(0) + b"\0\0\0" + v4("10.0.0.3") + v4("10.0.0.4") + u8(1) + u8(2) + u16(0)),
                    lobj(12, 1, u8(0) + b"\0\0\0" + v4("10.0.0.3") + v4("10.0.0.4") + u8(1) + u8(6) + u16(0) + u32(0)),
                    lobj(12, 1, u8(0) + b"\0\0\0" + v4("10.0.0.3") + v4("10.0.0.4") + u8(2) + u8(12) + u16(0) + u32(5))])
    ls_nack = lmsg(16, [lobj(20, 2, u32(0x3f)), lobj(20, 2, u32(0)), lobj(20, 3, u32(1))])
    cs = lmsg(17, [lobj(13, 1, v4("10.0.0.5") + u32(0x80000001) + v4("10.0.0.6") + u32(0x40000003) + b"\0\0\0\0"),
                   lobj(13, 2, v6("2001:db8::5") + u32(0xc0000002)),
                   lobj(13, 3, u32(9) + u32(7))])
    csr = lmsg(19, [lobj(14, 1, v4("10.0.0.5") + v4("10.0.0.6")), lobj(14, 2, v6("2001:db8::5")),
                    lobj(14, 3, u32(9) + u32(10))])
    svc = lmsg(50, [lobj(51, 1, u8(3) + u8(1) + u16(0)),
                    lobj(51, 2, u8(5) + u8(8) + u8(7) + u8(1) + u16(1) + u16(4) + u16(2) + u16(3) + v4("10.0.0.9")),
                    lobj(51, 2, u8(6) + u8(12) + u8(0) + u8(0) + u16(1) + u16(4) + u16(2) + u16(3) + v4("10.0.0.9")),
                    lobj(51, 2, u8(7) + u8(12) + u8(0) + u8(0) + u16(1) + u16(4) + u16(2) + u16(3) + v4("10.0.0.9")),
                    lobj(51, 3, u32(3) + u32(1)), lobj(51, 4, u32(7)), lobj(51, 5, u32(7))])
    wrong = lmsg(1, [lobj(1, 1, u32(5) + u32(1)), lobj(3, 1, b""), lobj(3, 3, v4("1.2.3.4")), lobj(3, 5, b""),
                     lobj(5, 1, b""), lobj(5, 2, b""), lobj(2, 1, b""), lobj(6, 1, b""), lobj(7, 1, b""),
                     lobj(11, 1, b""), lobj(11, 2, b""), lobj(12, 1, b""), lobj(12, 2, b""), lobj(8, 1, b""),
                     lobj(9, 1, b""), lobj(10, 1, b""), lobj(20, 1, b""), lobj(20, 2, b""), lobj(51, 1, b""),
                     lobj(51, 2, b""), lobj(51, 3, b""), lobj(51, 4, b"")])
    unknown_ct = lmsg(1, [lobj(1, 9, u32(1)), lobj(2, 9, u32(1)), lobj(3, 9, u32(1)), lobj(5, 3, u32(1)),
                          lobj(6, 2, u32(1)), lobj(7, 2, u32(1)), lobj(8, 2, u32(1)), lobj(9, 2, u32(1)),
                          lobj(10, 2, u32(1)), lobj(11, 4, u32(1)), lobj(12, 4, u32(1)), lobj(13, 4, u32(1)),
                          lobj(14, 4, u32(1)), lobj(20, 3, u32(1)), lobj(51, 9, u32(1)), lobj(99, 1, u32(0xabcdef01))])
    bad_obj = lmsg(1, [lobj(1, 1, u32(5)), lobj(1, 1, u32(5), length=2)])
    odd_obj = lmsg(1, [lobj(1, 1, u32(5)), lobj(1, 1, u32(5) + b"\x01", length=9)])
    long_obj = lmsg(1, [lobj(1, 1, u32(5)), lobj(1, 1, u32(5), length=12)], length=16) + u32(0x01010008) + u32(3)
    short_msg = lmsg(1, [lobj(1, 1, u32(5))], length=6)
    long_msg = lmsg(1, [lobj(1, 1, u32(5))], length=100)
    unknown_msg = lmsg(99, [lobj(1, 1, u32(5))])
    v2 = lmsg(1, [lobj(1, 1, u32(5))], version=2)
    pkts = [cfg, cfg_ack, cfg_nack, hello, verify, verify_ack, verify_nack, ls, ls2, ls_nack, cs, csr, svc, wrong,
            unknown_ct, bad_obj, odd_obj, long_obj, short_msg, long_msg, unknown_msg, v2, b"\x10\x00\x00"]
    for t in (8, 9, 10, 11, 12, 13, 15, 18, 20, 51, 52):
        pkts.append(lmsg(t, [lobj(5, 1, u32(t))]))
    return [udp4(701, 701, p) for p in pkts] + [udp6(701, 701, hello)]



# ---------------------------------------------------------------- IPX
SRC = bytes.fromhex("001122334455")
DST = bytes.fromhex("ffffffffffff")


def ipxhdr(body, dskt, sskt=0x4000, dnet=0, snet=1, dnode=DST, snode=SRC, length=None, ptype=4):
    ln = 30 + len(body) if length is None else length
    return (u16(0xffff) + u16(ln) + u8(0) + u8(ptype) + u32(dnet) + dnode + u16(dskt) +
            u32(snet) + snode + u16(sskt) + body)


def sap_entry(t, name, net, node, sock, hops):
    nm = name.ljust(48, b"\0")[:48]
    return u16(t) + nm + u32(net) + node + u16(sock) + u16(hops)


def eth2(payload):
    return Ether(src="00:11:22:33:44:55", dst="ff:ff:ff:ff:ff:ff", type=0x8137) / Raw(payload)


def raw8023(payload):
    return Ether(src="00:11:22:33:44:55", dst="ff:ff:ff:ff:ff:ff", type=len(payload)) / Raw(payload)


def llc8022(payload):
    p = b"\xe0\xe0\x03" + payload
    return Ether(src="00:11:22:33:44:55", dst="ff:ff:ff:ff:ff:ff", type=len(p)) / Raw(p)


def snap(payload):
    p = b"\xaa\xaa\x03\x00\x00\x00\x81\x37" + payload
    return Ether(src="00:11:22:33:44:55", dst="ff:ff:ff:ff:ff:ff", type=len(p)) / Raw(p)


def ipx_packets():
    node = bytes.fromhex("0a0b0c0d0e0f")
    bodies = [
        ipxhdr(u16(1) + u16(4), 0x452),
        ipxhdr(u16(3) + u16(0x0278), 0x452),
        ipxhdr(u16(1) + u16(0x1234), 0x452),
        ipxhdr(u16(2) + sap_entry(4, b"FS1", 0x100, node, 0x451, 1) +
               sap_entry(0x0640, b"PC-\x01\xe9name", 0x200, node, 0x8060, 2) +
               sap_entry(0x7777, b"x" * 48, 0x300, node, 0x4000, 16), 0x452),
        ipxhdr(u16(4) + sap_entry(0x0107, b"CONSOLE", 0xdeadbeef, node, 0x8104, 3), 0x452),
        ipxhdr(u16(2) + b"".join(sap_entry(4, b"S%d" % i, i, node, 0x451, i) for i in range(9)), 0x452),
        ipxhdr(u16(2) + sap_entry(4, b"FS1", 0x100, node, 0x451, 1)[:30], 0x452),
        ipxhdr(u16(2) + sap_entry(4, b"FS1", 0x100, node, 0x451, 1)[:56], 0x452),
        ipxhdr(u16(2) + sap_entry(4, b"FS1", 0x100, node, 0x451, 1)[:61], 0x452),
        ipxhdr(u16(2) + b"\x00", 0x452),
        ipxhdr(u16(9), 0x452),
        ipxhdr(b"\x00", 0x452),
        ipxhdr(u16(1) + u32(0xffffffff) + u16(0xffff) + u16(0xffff), 0x453),
        ipxhdr(u16(1), 0x453),
        ipxhdr(u16(1) + u32(5), 0x453),
        ipxhdr(u16(2) + u32(0x10) + u16(1) + u16(2) + u32(0x20) + u16(3) + u16(4) + u32(0xabcdef) + u16(16) + u16(700), 0x453),
        ipxhdr(u16(2) + u32(0x10) + u16(1) + u16(2) + b"\x00\x01", 0x453),
        ipxhdr(u16(2) + b"".join(u32(i) + u16(i) + u16(i) for i in range(52)), 0x453),
        ipxhdr(u16(5), 0x453),
        ipxhdr(b"\x00" * 34, 0x455, sskt=0x455),
        ipxhdr(b"\x00" * 130 + b"\xffSMB" + b"\x00" * 40, 0x455, sskt=0x455),
        ipxhdr(b"\x01\x02" * 10, 0x451),
        ipxhdr(b"\x01\x02" * 10, 0x456),
        ipxhdr(b"\x01\x02" * 10, 0x553),
        ipxhdr(b"\x01\x02" * 10, 0x9999),
        ipxhdr(b"\x01\x02" * 10, 0x452, length=20),
        ipxhdr(b"\x01\x02" * 10, 0x452, length=30),
        ipxhdr(u16(1) + u16(4), 0x452, length=33),
        ipxhdr(u16(2) + sap_entry(4, b"FS1", 0x100, node, 0x451, 1), 0x452, length=60),
        ipxhdr(bytes.fromhex("0205ee000000000000000000000000c8000000000000000c"), 0x85be),
    ]
    pkts = [eth2(b) for b in bodies]
    pkts += [raw8023(b) for b in bodies[:6]]
    pkts += [llc8022(b) for b in bodies[:6]]
    pkts += [snap(b) for b in bodies[:4]]
    pkts.append(Ether(bytes(raw8023(ipxhdr(u16(1) + u16(4), 0x452)))[:40]))
    return pkts




def sll_ipx_packets():
    """IPX in Linux cooked captures: protocol 1 (raw 802.3), 4 (802.2 LLC) and
    the IPX ethertype."""
    node = bytes.fromhex("0a0b0c0d0e0f")
    bodies = [ipxhdr(u16(1) + u16(4), 0x452),
              ipxhdr(u16(2) + sap_entry(4, b"FS1", 0x100, node, 0x451, 1), 0x452),
              ipxhdr(u16(2) + u32(0x10) + u16(1) + u16(2), 0x453),
              ipxhdr(b"\x00" * 34, 0x455, sskt=0x455)]
    return [sll_header(proto) + pl for proto, pl in sll_payloads(bodies)]


def sll_payloads(bodies):
    """(protocol, payload) pairs: IPX raw, in LLC, by ethertype, and each of
    those behind an 802.1Q tag; plus LLC frames that are not IPX."""
    out = []
    for b in bodies:
        for proto, pl in ((1, b), (4, b"\xe0\xe0\x03" + b), (0x8137, b)):
            out.append((proto, pl))
        for inner, pl in ((0x8137, b), (len(b) + 3, b"\xe0\xe0\x03" + b), (0x1234, b)):
            out.append((0x8100, u16(5) + u16(inner) + pl))
    out.append((4, b"\xe0\xe0\x04\x01" + b"\x01" * 20))
    out.append((4, b"\x42\x43\x03" + b"\x01" * 20))
    return out


def sll_header(proto):
    return u16(0) + u16(1) + u16(6) + SRC + b"\0\0" + u16(proto)


def sll2_ipx_packets():
    """The same in Linux cooked v2 captures."""
    node = bytes.fromhex("0a0b0c0d0e0f")
    bodies = [ipxhdr(u16(1) + u16(4), 0x452),
              ipxhdr(u16(2) + sap_entry(4, b"FS1", 0x100, node, 0x451, 1), 0x452)]
    return [u16(proto) + u16(0) + u32(2) + u16(1) + u8(0) + u8(6) + SRC + b"\0\0" + pl
            for proto, pl in sll_payloads(bodies)]


def ppp_ipx_packets():
    """IPX over PPP (protocol 0x002b, and the IPX ethertype tcpdump also takes)."""
    node = bytes.fromhex("0a0b0c0d0e0f")
    bodies = [ipxhdr(u16(1) + u16(4), 0x452),
              ipxhdr(u16(2) + sap_entry(4, b"FS1", 0x100, node, 0x451, 1), 0x452),
              ipxhdr(u16(1) + u32(0x10) + u16(1) + u16(2), 0x453)]
    out = []
    for b in bodies:
        out.append(b"\xff\x03\x00\x2b" + b)
        out.append(b"\xff\x03\x81\x37" + b)
    return out


def write_raw(outdir, name, linktype, frames):
    write_pcap(os.path.join(outdir, name + ".pcap"), linktype, frames)


# ---------------------------------------------------------------- lwres
def lwpkt(op, body, response=False, flags=0, version=0, serial=0x1234, result=0, length=None, extra=b""):
    total = 28 + len(body) + len(extra)
    pf = (1 if response else 0) | flags
    return (u32(total if length is None else length) + u16(version) + u16(pf) + u32(serial) + u32(op) +
            u32(result) + u32(1024) + u16(0) + u16(0) + body + extra)


def lwname(n):
    return u16(len(n)) + n + b"\0"


def lwaddr(fam, a):
    return u32(fam) + u16(len(a)) + a


def lwres_packets():
    q = [
        lwpkt(0, b""),
        lwpkt(0, b"", response=True),
        lwpkt(0x10001, u32(0) + u32(3) + lwname(b"www.example.com")),
        lwpkt(0x10001, u32(1) + u32(1) + lwname(b"host")),
        lwpkt(0x10001, u32(0) + u32(2) + lwname(b"host")),
        lwpkt(0x10001, u32(0) + u32(0x13) + lwname(b"h\x01\xff")),
        lwpkt(0x10001, u32(0) + u32(0) + lwname(b"host"), extra=b"\0\0"),
        lwpkt(0x10001, u32(0) + u32(3) + u16(40) + b"short"),
        lwpkt(0x10002, u32(0) + lwaddr(1, v4("192.0.2.7"))),
        lwpkt(0x10002, u32(0) + lwaddr(2, v6("2001:db8::7"))),
        lwpkt(0x10002, u32(0) + lwaddr(7, b"\x01\x02\x03")),
        lwpkt(0x10002, u32(0) + lwaddr(1, b"\x01\x02")),
        lwpkt(0x10002, u32(0) + lwaddr(2, v4("1.2.3.4"))),
        lwpkt(0x10002, u32(0) + u32(1) + u16(30) + b"\x01\x02"),
        lwpkt(0x10003, u32(0) + u16(1) + u16(28) + lwname(b"example.org")),
        lwpkt(0x10003, u32(0) + u16(3) + u16(16) + lwname(b"version.bind")),
        lwpkt(0x10003, u32(0) + u16(77) + u16(65000) + lwname(b"x")),
        lwpkt(0x10004, b"\x01\x02\x03\x04"),
        lwpkt(0x10001, u32(0) + u16(1) + u16(2) + lwname(b"www.example.com") + lwname(b"alias.example.com") +
              lwaddr(1, v4("192.0.2.1")) + lwaddr(2, v6("2001:db8::1")), response=True),
        lwpkt(0x10001, u32(0) + u16(3) + u16(0) + lwname(b"a") + lwname(b"b"), response=True),
        lwpkt(0x10002, u32(0) + u16(1) + lwname(b"host.example") + lwname(b"alias"), response=True),
        lwpkt(0x10003, u32(0) + u16(1) + u16(1) + u32(3700) + u16(2) + u16(1) + lwname(b"example.org") +
              u16(4) + v4("192.0.2.9") + u16(2) + b"\xab\xcd" + u16(3) + b"sig", response=True),
        lwpkt(0x10003, u32(0) + u16(255) + u16(16) + u32(0) + u16(0) + u16(0) + lwname(b"n"), response=True),
        lwpkt(0x10003, u32(0) + u16(1) + u16(1) + u32(1) + u16(1) + u16(0) + lwname(b"n") + u16(9) + b"ab",
              response=True),
        lwpkt(0x10009, b"\x01\x02", response=True),
        lwpkt(0, b"", flags=0x8000),
        lwpkt(0, b"", response=True, flags=0x10),
        lwpkt(0, b"", version=3),
        lwpkt(0, b"", length=100),
        lwpkt(0, b"", length=20),
        lwpkt(0, b"", serial=0xffffffff, result=0x10),
        b"\x00" * 27,
    ]
    return [udp4(921, 921, p) for p in q] + [udp6(40000, 921, q[2]), udp4(921, 40000, q[18])]



# ---------------------------------------------------------------- ports
def ports_packets():
    """Each of these ports against the others and against ports rfilter decodes
    (both directions), over UDP and TCP: the printer chosen shows tcpdump's order."""
    mine = [646, 698, 701, 921]
    others = [53, 67, 69, 123, 161, 500, 514, 520, 521, 525, 547, 654, 1701, 1812, 1985, 3503, 3784,
              4500, 1589, 6343, 12222, 12223, 5060, 5353, 8472, 4789, 6081, 6635, 319, 30490, 3456, 496, 49152]
    payload = bytes(range(1, 61))
    hello = u16(1) + u16(22) + v4("192.0.2.1") + u16(0) + u16(0x0201) + u16(4) + u32(1) + b"\0" * 8
    pkts = udp4_port_pairs(mine, others, payload)
    # (Not 323 or 639: tcpdump decodes RPKI-RTR and MSDP there, which rfilter does not.)
    for b in [21, 22, 23, 25, 43, 53, 80, 139, 179, 445, 554, 1723, 2049, 6379, 8080]:
        pkts.append(tcp4(646, b, hello))
        pkts.append(tcp4(b, 646, hello))
    pkts.append(udp6(698, 654, payload))
    return pkts


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    write(outdir, "ldp", ldp_packets())
    write(outdir, "olsr", olsr_packets())
    write(outdir, "lmp", lmp_packets())
    write(outdir, "ipx", ipx_packets())
    write_raw(outdir, "ipx_sll", 113, sll_ipx_packets())
    write_raw(outdir, "ipx_ppp", 9, ppp_ipx_packets())
    write_raw(outdir, "ipx_sll2", 276, sll2_ipx_packets())
    write(outdir, "lwres", lwres_packets())
    write(outdir, "ports", ports_packets())


if __name__ == "__main__":
    main()
