#!/usr/bin/env python3
"""Writes the captures of tests/print_more.rs into tests/data/more/: one pcap per
protocol (VXLAN-GPE with NSH, LISP control, MSDP, RPKI-RTR, zephyr, ...),
realistic and malformed packets, plus ports.pcap (port pairs, for the dispatch
order). Deterministic (fixed timestamps). Needs scapy; the tests only read the
files and compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_more.py tests/data/more
"""
import os
import struct
import sys
from scapy.all import Ether, Dot1Q, IP, IPv6, UDP, ICMP, Raw

from pktgen import u8, u16, u32, v4, v6
from pktgen_scapy import tcp4, tcp6, udp4, udp6, write


# ---------------------------------------------------------------- VXLAN-GPE / NSH
INNER_ETH = bytes(Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb") /
                  IP(src="192.168.1.1", dst="192.168.1.2") / ICMP(id=7, seq=1) / Raw(b"ping"))
INNER_IP4 = bytes(IP(src="172.16.0.1", dst="172.16.0.2") / UDP(sport=1000, dport=2000) / Raw(b"data"))
INNER_IP6 = bytes(IPv6(src="2001:db8:1::1", dst="2001:db8:1::2") / ICMP())
INNER_IP6 = bytes(IPv6(src="2001:db8:1::1", dst="2001:db8:1::2", nh=59))


def gpe(flags, nxt, vni, body, rsvd=0):
    return u8(flags) + b"\0\0" + u8(nxt) + u32((vni << 8) | rsvd) + body


def nsh(words, md, nxt, spi, si, ctx=b"", body=b"", ver=0, o=0, u=0, ttl=63):
    base = (ver << 30) | (o << 29) | (u << 28) | (ttl << 22) | ((words & 0x3f) << 16) | (md << 8) | nxt
    return u32(base) + u32((spi << 8) | si) + ctx + body


def md2(*tlvs):
    """MD type 2 context headers: (class, type, value bytes), each padded to 4."""
    out = b""
    for cls, typ, val in tlvs:
        pad = (-len(val)) % 4
        out += u16(cls) + u8(typ) + u8(len(val)) + val + b"\0" * pad
    return out


def gpe_packets():
    p = []
    # the four next protocols, realistic flags
    p.append(udp4(40000, 4790, gpe(0x0c, 3, 263430, INNER_ETH)))
    p.append(udp4(40001, 4790, gpe(0x0c, 1, 100, INNER_IP4)))
    p.append(udp6(40002, 4790, gpe(0x0c, 2, 0xffffff, INNER_IP6)))
    ctx1 = u32(1) + u32(0xdeadbeef) + u32(3) + u32(0xffffffff)
    p.append(udp4(40003, 4790, gpe(0x0c, 4, 5000, nsh(6, 1, 3, 0x123456, 255, ctx1, INNER_ETH))))
    # NSH MD type 2 with TLVs (odd lengths, padding, empty), carrying IPv4 and IPv6
    ctx = md2((0x0101, 7, b"\x01\x02\x03\x04\x05"), (0, 0x80, b""), (0xffff, 1, b"\x09\x08\x07\x06"))
    words = 2 + len(ctx) // 4
    p.append(udp4(40004, 4790, gpe(0x0c, 4, 7, nsh(words, 2, 1, 1, 254, ctx, INNER_IP4, o=1))))
    p.append(udp4(40005, 4790, gpe(0x0c, 4, 7, nsh(2, 2, 2, 0xabcdef, 1, b"", INNER_IP6, u=1, ttl=1))))
    # TLV length past the header, TLV length with the high bit, cut TLV padding
    ctx = md2((1, 2, b"\x01" * 12))
    p.append(udp4(40006, 4790, gpe(0x0c, 4, 8, nsh(4, 2, 3, 2, 3, ctx[:12], INNER_ETH))))
    ctx = u16(1) + u8(2) + u8(0x81) + b"\xaa\0\0\0"
    p.append(udp4(40006, 4790, gpe(0x0c, 4, 8, nsh(4, 2, 3, 2, 3, ctx, INNER_ETH))))
    ctx = md2((1, 2, b"\x01" * 5))
    p.append(udp4(40006, 4790, gpe(0x0c, 4, 8, nsh(4, 2, 3, 2, 3, ctx[:9]))))
    # MD type 1 with the wrong length, reserved and experimental MD types, unknown ones
    p.append(udp4(40007, 4790, gpe(0x0c, 4, 8, nsh(3, 1, 3, 2, 3, u32(5), INNER_ETH, o=1, u=1))))
    p.append(udp4(40007, 4790, gpe(0x0c, 4, 8, nsh(3, 0, 3, 2, 3, u32(5), INNER_ETH))))
    p.append(udp4(40007, 4790, gpe(0x0c, 4, 8, nsh(3, 0xf, 3, 2, 3, u32(5), INNER_ETH))))
    p.append(udp4(40007, 4790, gpe(0x0c, 4, 8, nsh(3, 9, 3, 2, 3, u32(5), INNER_ETH))))
    # next protocols NSH, MPLS, experimental, unknown
    for nxt in (4, 5, 0xfe, 0xff, 0x43, 0):
        p.append(udp4(40008, 4790, gpe(0x0c, 4, 8, nsh(2, 1, nxt, 2, 3, b"", b"xxxx"))))
    # NSH lengths: 0, 1, past the packet; other versions
    p.append(udp4(40009, 4790, gpe(0x0c, 4, 9, nsh(0, 1, 1, 2, 3, b"", INNER_IP4))))
    p.append(udp4(40009, 4790, gpe(0x0c, 4, 9, nsh(1, 1, 1, 2, 3, b"", INNER_IP4))))
    p.append(udp4(40009, 4790, gpe(0x0c, 4, 9, nsh(60, 1, 1, 2, 3, b"", INNER_IP4))))
    p.append(udp4(40009, 4790, gpe(0x0c, 4, 9, nsh(63, 15, 0xff, 2, 3, b"", INNER_IP4, ver=3, o=1, u=1))))
    p.append(udp4(40009, 4790, gpe(0x0c, 4, 9, nsh(2, 1, 1, 2, 3, b"", INNER_IP4, ver=1))))
    p.append(udp4(40009, 4790, gpe(0x0c, 4, 9, b"\0\x02\x01")))
    # flags: none, O, every bit, reserved bits; unknown protocols; MPLS (5)
    p.append(udp4(40010, 4790, gpe(0x00, 3, 1, INNER_ETH)))
    p.append(udp4(40011, 4790, gpe(0x0d, 3, 263430, INNER_ETH)))
    p.append(udp4(40012, 4790, gpe(0xff, 1, 2, INNER_IP4, rsvd=0x55)))
    p.append(udp4(40013, 4790, gpe(0x0e, 1, 2, INNER_IP4)))
    p.append(udp4(40014, 4790, gpe(0x0c, 5, 3, b"\x00\x01\x01\x40" + INNER_IP4)))
    p.append(udp4(40015, 4790, gpe(0x0c, 0, 3, INNER_ETH)))
    p.append(udp4(40016, 4790, gpe(0x0c, 0xff, 3, INNER_ETH)))
    # short headers, source port 4790, empty payload
    p.append(udp4(40017, 4790, b"\x0c\0\0"))
    p.append(udp4(40018, 4790, b""))
    p.append(udp4(4790, 40019, gpe(0x0c, 1, 4, b"")))
    p.append(udp4(4790, 40019, gpe(0x0c, 1, 4, INNER_IP4)))
    # NSH straight on Ethernet (ethertype 0x894f)
    ctx = md2((0x0101, 1, b"\xaa\xbb\xcc"))
    p.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02", type=0x894f) /
             Raw(nsh(2 + len(ctx) // 4, 2, 3, 0x42, 9, ctx, INNER_ETH)))
    p.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02", type=0x894f) /
             Raw(nsh(6, 1, 1, 0x42, 9, u32(1) * 4, INNER_IP4)))
    p.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02", type=0x894f) /
             Raw(b"\0\x02"))
    # behind an 802.1Q tag
    p.append(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / Dot1Q(vlan=5, type=0x894f) /
             Raw(nsh(2, 1, 1, 0x42, 9, b"", INNER_IP4)))
    return p


# ---------------------------------------------------------------- LISP control
def lisp_hdr(ty, flags, records, nonce, key_id, auth, rsv2=0):
    w = (ty << 28) | (flags << 24) | (rsv2 << 8) | records
    return u32(w) + struct.pack(">Q", nonce) + u16(key_id) + u16(len(auth)) + auth


def eid_rec(ttl, locs, mask, act, auth_bit, version, afi, eid, loc_count=None):
    body = (u32(ttl) + u8(len(locs) if loc_count is None else loc_count) + u8(mask) +
            u8((act << 5) | (auth_bit << 4)) + u8(0) + u16(version) + u16(afi) + eid)
    for prio, weight, mp, mw, flags, lafi, laddr in locs:
        body += u8(prio) + u8(weight) + u8(mp) + u8(mw) + u16(flags) + u16(lafi) + laddr
    return body


def lisp_packets():
    p = []
    L = lambda payload, sport=4342, dport=4342: udp4(sport, dport, payload)
    # Map-Request, Map-Reply, ECM, reserved and unknown types: the type only
    p.append(L(u32(0x18000001) + struct.pack(">Q", 0x1122334455667788) + u16(1) + v4("10.1.1.1") +
               u16(1) + v4("10.2.2.2") + u16(0x0020) + u16(1) + v4("192.0.2.0"), 40000, 4342))
    p.append(L(u32(0x20000001) + struct.pack(">Q", 7) + eid_rec(1440, [], 24, 0, 1, 0, 1, v4("192.0.2.0")), 4342, 40000))
    p.append(L(u32(0x80000000) + bytes(IP(src="1.1.1.1", dst="2.2.2.2") / UDP(sport=4342, dport=4342)), 40001, 4342))
    p.append(L(u32(0x00000000) + b"\0" * 12))
    for t in (5, 6, 7, 9, 15):
        p.append(L(u32(t << 28) + b"\0" * 12))
    # Map-Register: IPv4 EID, two locators, SHA1 auth, want-map-notify
    sha1 = bytes(range(20))
    locs = [(1, 100, 255, 0, 0x0005, 1, v4("198.51.100.1")),
            (2, 50, 255, 0, 0x0003, 2, v6("2001:db8::99"))]
    p.append(L(lisp_hdr(3, 0x0, 1, 0xdeadbeefcafe, 1, sha1, rsv2=1) +
               eid_rec(1440, locs, 24, 0, 1, 5, 1, v4("192.0.2.0")), 40002, 4342))
    # Map-Register with every flag, xTR-ID and site ID, SHA256, two records (IPv6 EID)
    sha256 = bytes(range(32))
    recs = (eid_rec(60, locs[:1], 24, 1, 0, 0xfff, 1, v4("192.0.2.0")) +
            eid_rec(0xffffffff, locs[1:], 48, 3, 1, 1, 2, v6("2001:db8:1::")))
    xtr = bytes(range(0x10, 0x20)) + struct.pack(">Q", 18446744073709551615)
    p.append(L(lisp_hdr(3, 0xf, 2, 1, 2, sha256, rsv2=1) + recs + xtr, 40003, 4342))
    # Map-Notify (with and without xTR-ID), action values, unknown locator AFIs
    locs3 = [(255, 255, 1, 1, 0xfff8, 0, b""), (0, 0, 0, 0, 0, 16387, b""), (3, 4, 5, 6, 7, 1, v4("203.0.113.9"))]
    p.append(L(lisp_hdr(4, 0x0, 1, 99, 1, sha1) + eid_rec(10, locs3, 32, 2, 0, 3, 1, v4("192.0.2.1")), 4342, 40004))
    p.append(L(lisp_hdr(4, 0x8, 1, 99, 0, b"") + eid_rec(10, [], 32, 4, 1, 3, 1, v4("192.0.2.1")) + xtr, 4342, 40004))
    p.append(L(lisp_hdr(4, 0xc, 1, 99, 7, b"\xab\xcd\xef") + eid_rec(10, [], 32, 7, 1, 3, 1, v4("192.0.2.1")), 4342, 40004))
    # zero records, LCAF EID (tcpdump stops), trailing data, missing xTR-ID
    p.append(L(lisp_hdr(3, 0, 0, 1, 1, sha1), 40005, 4342))
    p.append(L(lisp_hdr(3, 0, 2, 1, 0, b"") + eid_rec(10, [], 32, 0, 0, 0, 16387, b"\0\x01\0\0\0\x08" + v4("1.2.3.4")), 40005, 4342))
    p.append(L(lisp_hdr(3, 0, 1, 1, 0, b"") + eid_rec(10, [], 8, 0, 0, 0, 1, v4("10.0.0.0")) + b"trailing data!!", 40005, 4342))
    p.append(L(lisp_hdr(3, 2, 1, 1, 0, b"") + eid_rec(10, [], 8, 0, 0, 0, 1, v4("10.0.0.0")) + b"short", 40005, 4342))
    # more records announced than present; more locators than present; huge auth length
    p.append(L(lisp_hdr(3, 0, 5, 1, 0, b"") + eid_rec(10, [], 8, 0, 0, 0, 1, v4("10.0.0.0")), 40006, 4342))
    p.append(L(lisp_hdr(3, 0, 1, 1, 0, b"") + eid_rec(10, locs[:1], 8, 0, 0, 0, 1, v4("10.0.0.0"), loc_count=3), 40006, 4342))
    p.append(L(lisp_hdr(3, 0, 1, 1, 1, b"") [:-2] + u16(0xfff4) + eid_rec(10, [], 8, 0, 0, 0, 1, v4("10.0.0.0")), 40006, 4342))
    p.append(L(lisp_hdr(4, 0, 1, 1, 1, b"") [:-2] + u16(400) + b"\x01" * 30, 40006, 4342))
    # short headers, over IPv6
    p.append(L(b"\x30\0\0\x01\0\0", 40007, 4342))
    p.append(L(b"", 40007, 4342))
    p.append(udp6(4342, 4342, lisp_hdr(3, 0, 1, 5, 1, sha1) + eid_rec(1440, locs, 64, 0, 1, 5, 2, v6("2001:db8:5::"))))
    return p


# ---------------------------------------------------------------- MSDP
def msdp_tlv(t, body, length=None):
    return u8(t) + u16(len(body) + 3 if length is None else length) + body


def sa_body(rp, entries, data=b"", count=None):
    body = u8(len(entries) if count is None else count) + v4(rp)
    for plen, grp, src in entries:
        body += b"\0\0\0" + u8(plen) + v4(grp) + v4(src)
    return body + data


def msdp_packets():
    p = []
    T = lambda payload, sport=40000, dport=639, seq=1000: tcp4(sport, dport, payload, seq)
    ents = [(32, "239.1.1.1", "192.0.2.10"), (32, "239.1.1.2", "192.0.2.11")]
    inner = bytes(IP(src="192.0.2.10", dst="239.1.1.1", ttl=5) / UDP(sport=5000, dport=6000) / Raw(b"video"))
    p.append(T(msdp_tlv(1, sa_body("10.9.9.9", ents))))
    p.append(T(msdp_tlv(1, sa_body("10.9.9.9", ents[:1], inner)), 639, 40000))
    p.append(T(msdp_tlv(3, sa_body("10.9.9.9", ents))))
    p.append(T(msdp_tlv(3, sa_body("10.9.9.9", [], inner))))
    p.append(T(msdp_tlv(2, b"\0" + v4("239.1.1.1"))))
    p.append(T(msdp_tlv(4, b"")))
    p.append(T(msdp_tlv(4, b"\0\0")))
    p.append(T(msdp_tlv(5, b"\x82\x01\x02\x03")))
    p.append(T(msdp_tlv(6, b"\x01\x02")))
    p.append(T(msdp_tlv(7, b"")))
    # several TLVs in one segment (keepalives after an SA)
    p.append(T(msdp_tlv(4, b"") + msdp_tlv(1, sa_body("10.9.9.9", ents)) + msdp_tlv(4, b"") + msdp_tlv(9, b"zz")))
    # not the start of a message: type 0, type 8, length 2, length 1501
    p.append(T(msdp_tlv(0, b"")))
    p.append(T(msdp_tlv(8, b"")))
    p.append(T(msdp_tlv(4, b"", length=2)))
    p.append(T(msdp_tlv(1, sa_body("10.9.9.9", ents), length=1501)))
    # long TLV lengths (printed), TLV longer than the segment, short second TLV
    big = sa_body("10.9.9.9", ents * 60)
    p.append(T(msdp_tlv(1, big)))
    p.append(T(msdp_tlv(1, sa_body("10.9.9.9", ents), length=200)))
    p.append(T(msdp_tlv(4, b"") + msdp_tlv(4, b"", length=1)))
    p.append(T(msdp_tlv(4, b"") + b"\x04"))
    # entry count past the TLV, SA-Request cut short, data with a bad IP header
    p.append(T(msdp_tlv(1, sa_body("10.9.9.9", ents, count=200))))
    p.append(T(msdp_tlv(2, b"\0\xef")))
    p.append(T(msdp_tlv(1, sa_body("10.9.9.9", [], b"\x45\0\0"))))
    p.append(T(msdp_tlv(1, sa_body("10.9.9.9", [], b"\x60" + b"\0" * 40))))
    p.append(tcp6(40001, 639, msdp_tlv(4, b"")))
    return p


# ---------------------------------------------------------------- RPKI-RTR
def rtr(t, sess, body=b"", length=None, ver=0):
    return u8(ver) + u8(t) + u16(sess) + u32(8 + len(body) if length is None else length) + body


def rtr_v4(flags, plen, maxlen, pfx, asn):
    return rtr(4, 0, u8(flags) + u8(plen) + u8(maxlen) + u8(0) + v4(pfx) + u32(asn))


def rtr_v6(flags, plen, maxlen, pfx, asn):
    return rtr(6, 0, u8(flags) + u8(plen) + u8(maxlen) + u8(0) + v6(pfx) + u32(asn))


def rtr_err(code, encap, text, encap_len=None, text_len=None):
    body = u32(len(encap) if encap_len is None else encap_len) + encap
    body += u32(len(text) if text_len is None else text_len) + text
    return rtr(10, code, body)


def rpki_packets():
    p = []
    T = lambda payload, sport=40000, dport=323: tcp4(sport, dport, payload)
    p.append(T(rtr(2, 0)))
    p.append(T(rtr(1, 0x1234, u32(77))))
    p.append(T(rtr(3, 0x1234) + rtr_v4(1, 24, 24, "192.0.2.0", 64496) + rtr_v4(0, 16, 24, "198.51.100.0", 4200000000) +
               rtr_v6(1, 32, 48, "2001:db8::", 65551) + rtr(7, 0x1234, u32(78)), 323, 40000))
    p.append(T(rtr(0, 0xbeef, u32(0xffffffff)), 323, 40000))
    p.append(T(rtr(8, 0), 323, 40000))
    # error reports: with an encapsulated PDU and text, nested error report, bad codes
    p.append(T(rtr_err(4, rtr(1, 5, u32(1), ver=0), b"unsupported version")))
    p.append(T(rtr_err(5, rtr(9, 5, b"xyzw"), b"")))
    p.append(T(rtr_err(0, rtr_err(1, rtr(2, 0), b"inner"), b"outer")))
    p.append(T(rtr_err(99, b"", b"text with \x01 ctrl and \xe9 high bytes")))
    p.append(T(rtr_err(2, rtr(1, 5, u32(1), ver=1), b"v1 inside")))
    p.append(T(rtr_err(3, rtr(1, 5, u32(1), length=40), b"bad inner length")))
    p.append(T(rtr_err(6, b"", b"", encap_len=100)))
    p.append(T(rtr_err(7, b"", b"abc", text_len=50)))
    p.append(T(rtr(10, 0, b"\0\0")))
    p.append(T(rtr(10, 0, u32(0))))
    # unknown types (hex dump), other versions, bad lengths
    p.append(T(rtr(5, 1, b"\x01\x02\x03\x04\x05")))
    p.append(T(rtr(11, 1)))
    p.append(T(rtr(2, 0, ver=1) + rtr(2, 0)))
    p.append(T(rtr(2, 0, b"\0\0\0\0")))
    p.append(T(rtr(1, 0x1234, u32(77), length=8)))
    p.append(T(rtr(1, 0x1234, u32(77), length=4)))
    p.append(T(rtr(1, 0x1234, u32(77), length=100)))
    p.append(T(rtr(3, 1, b"\0\0")))
    p.append(T(rtr(4, 0, b"\0" * 8)))
    p.append(T(rtr(6, 0, b"\0" * 8)))
    p.append(T(rtr(2, 0) + b"\0\x02\0"))
    p.append(tcp6(40001, 323, rtr(2, 0) + rtr(3, 7)))
    return p


# ---------------------------------------------------------------- zephyr
def zn(kind, cls, inst, opcode, sender="kolya@ATHENA.MIT.EDU", recipient="", version="ZEPH0.2",
       extra=(), nfields=None, fmt="Class $class, Instance $instance:\nTo: @bold($recipient)\n$message"):
    fields = [version, "%x" % (17 if nfields is None else nfields), kind,
              "0x12345678 0x9abcdef0 0x0", "0x0", "0x1", "0x0", "", cls, inst, opcode,
              sender, recipient, fmt, "0x1234abcd", "0", "0x12345678 0x9abcdef0 0x0"]
    fields += list(extra)
    return b"".join((f.encode("latin-1") if isinstance(f, str) else f) + b"\0" for f in fields)


def zephyr_packets():
    p = []
    Z = lambda payload, sport=2104, dport=2103: udp4(sport, dport, payload)
    # ordinary messages (classes and instances), personal and broadcast
    p.append(Z(zn("0x2", "MESSAGE", "personal", "", recipient="alice@ATHENA.MIT.EDU", extra=["hi", "there"])))
    p.append(Z(zn("1", "MESSAGE", "white-magic", "PING", sender="")))
    p.append(Z(zn("2", "help", "PERSONAL", "AUTO", recipient="bob")))
    # acks and naks
    p.append(Z(zn("5", "MESSAGE", "personal", "", extra=["SENT"]), 2103, 2104))
    p.append(Z(zn("5", "MESSAGE", "personal", "", extra=["LOST"]), 2103, 2104))
    p.append(Z(zn("5", "MESSAGE", "personal", ""), 2103, 2104))
    p.append(Z(zn("6", "MESSAGE", "personal", "", extra=["NOT_SENT"]), 2103, 2104))
    for k in ("0", "3", "4", "7", "8", "9", "ff", "-1", "0x7fffffffffffffffff", "zz", " 12", "+a", "0x", "-0x10"):
        p.append(Z(zn(k, "MESSAGE", "i", "op")))
    # location service
    p.append(Z(zn("2", "USER_LOCATE", "alice@ATHENA.MIT.EDU", "LOCATE")))
    p.append(Z(zn("2", "USER_LOCATE", "alice", "USER_HIDE")))
    p.append(Z(zn("2", "USER_LOCATE", "alice", "USER_UNHIDE")))
    # admin and control
    p.append(Z(zn("2", "ZEPHYR_ADMIN", "", "BDUMP_Request")))
    for op in ("SUBSCRIBE", "SUBSCRIBE_NODEFS", "UNSUBSCRIBE"):
        p.append(Z(zn("2", "ZEPHYR_CTL", "CLIENT", op, extra=["message", "personal", ""])))
        p.append(Z(zn("5", "ZEPHYR_CTL", "CLIENT", op, extra=["SENT", "message", "personal", "x"])))
    p.append(Z(zn("2", "ZEPHYR_CTL", "CLIENT", "SUBSCRIBE", extra=["message", "personal"])))
    for op in ("GIMME", "GIMMEDEFS", "CLEARSUB", "FlushLocs"):
        p.append(Z(zn("2", "ZEPHYR_CTL", "CLIENT", op)))
    p.append(Z(zn("2", "ZEPHYR_CTL", "HM", "HM_BOOT")))
    for op in ("ADD_SUBSCRIBE", "REQ_SUBSCRIBE", "RLM_SUBSCRIBE", "RLM_UNSUBSCRIBE", "OTHER"):
        p.append(Z(zn("2", "ZEPHYR_CTL", "REALM", op)))
    p.append(Z(zn("2", "ZEPHYR_CTL", "OTHER", "X")))
    p.append(Z(zn("4", "HM_CTL", "SERVER_SHUTDOWN", "FLUSH")))
    p.append(Z(zn("2", "HM_STAT", "HMST_CLIENT", "GIMMESTATS")))
    p.append(Z(zn("2", "HM_STAT", "HMST_CLIENT", "OTHER")))
    p.append(Z(zn("2", "WG_CTL", "WG_Instance", "WG_REREAD")))
    for op in ("USER_FLUSH", "NONE", "OPSTAFF", "REALM-VISIBLE", "REALM-ANNOUNCED", "NET-VISIBLE", "NET-ANNOUNCED", "USER_LOGIN"):
        p.append(Z(zn("2", "LOGIN", "alice@ATHENA.MIT.EDU", op)))
    # other versions, not zephyr, too few fields, odd bytes, long fields
    p.append(Z(zn("2", "MESSAGE", "i", "op", version="ZEPH0.1")))
    p.append(Z(zn("2", "MESSAGE", "i", "op", version="ZEPH")))
    p.append(Z(zn("2", "MESSAGE", "i", "op", version="ZEPH0.2extra")))
    p.append(Z(zn("2", "MESSAGE", "i", "op", version="ZEPX0.2")))
    p.append(Z(zn("2", "MESSAGE", "i", "op", version="ZEP")))
    p.append(Z(zn("2", "MESSAGE", "i", "op")[:60]))
    p.append(Z(b"ZEPH0.2"))
    p.append(Z(b""))
    p.append(Z(zn("2", "MESS\x01AGE", "\xe9t\xe9", "op\x7f", sender="s\x80\xff", recipient="r\x1b")))
    p.append(Z(zn("2", "C" * 200, "I" * 100, "op", recipient="R" * 50)))
    p.append(Z(zn("2", "ZEPHYR_ADMIN", "", "Op" * 200)))
    p.append(Z(zn("2", "MESSAGE", "i", "O" * 300, sender="S" * 300)))
    p.append(udp6(2103, 2104, zn("2", "MESSAGE", "personal", "", recipient="carol")))
    return p


# ---------------------------------------------------------------- dispatch order
UDP_PORTS = [53, 67, 68, 69, 88, 123, 161, 162, 319, 320, 496, 500, 514, 520, 521, 525, 546, 547, 646,
             654, 698, 701, 750, 921, 1589, 1645, 1646, 1700, 1701, 1812, 1813, 1985, 3456, 3503, 3784,
             3785, 3799, 4500, 4784, 4789, 5060, 5353, 6081, 6343, 6635, 6784, 7500, 8472,
             8500, 12222, 12223, 30490, 49152, 1812, 2049, 111, 5359, 6696, 6697, 8231]
# (rx 7000-7009, wb 4567, OpenFlow 6633 and BEEP 10288 are not decoded by rfilter.)
TCP_PORTS = [21, 22, 23, 25, 43, 53, 80, 139, 179, 445, 554, 646, 1723, 2049, 6379, 8080, 8554]


def ports_packets():
    p = []
    udp_payload = gpe(0x0c, 1, 4, INNER_IP4)
    for mine in (4790, 4342, 2103, 2104, 5359, 6696, 6697, 8231):
        for other in UDP_PORTS + [4790, 4342, 2103, 2104]:
            p.append(udp4(mine, other, udp_payload))
            p.append(udp4(other, mine, udp_payload))
    tcp_payload = rtr(2, 0)
    for mine in (639, 323):
        for other in TCP_PORTS + [639, 323]:
            p.append(tcp4(mine, other, tcp_payload))
            p.append(tcp4(other, mine, tcp_payload))
    return p


# ---------------------------------------------------------------- AHCP
def ahcp(body, ver=1, hop=3, ohop=5, nonce=0xdeadbeef, magic=43):
    return (u8(magic) + u8(ver) + u8(hop) + u8(ohop) + u32(nonce) + bytes(range(1, 9)) +
            b"\xff" * 8 + body)


def ahcp_body(t, opts, mbz=0, length=None):
    return u8(t) + u8(mbz) + u16(len(opts) if length is None else length) + opts


def aopt(no, val=None, length=None):
    if val is None:
        return u8(no)
    return u8(no) + u8(len(val) if length is None else length) + val


def ahcp_packets():
    p = []
    A = lambda payload, sport=5359, dport=5359: udp6(sport, dport, payload)
    p.append(A(ahcp(ahcp_body(0, aopt(1) + aopt(0) + aopt(12, b"")))))
    full = (aopt(1) + aopt(2, u32(1700000000)) + aopt(3, u32(3600)) + aopt(4, v6("2001:db8::5")) +
            aopt(5, v4("10.1.1.5")) + aopt(6, v6("2001:db8:1::") + u8(64) + v6("2001:db8:2::") + u8(48)) +
            aopt(7, v4("10.1.0.0") + u8(16)) + aopt(8, v6("2001:db8::6") + v6("2001:db8::7")) +
            aopt(9, v4("10.1.1.9")) + aopt(10, v6("2001:db8:3::") + u8(56)) + aopt(11, v4("10.2.0.0") + u8(24)) +
            aopt(12, v6("2001:db8::53")) + aopt(13, v6("2001:db8::123")) + aopt(14, b"xyz") + aopt(200, b""))
    p.append(A(ahcp(ahcp_body(1, full))))
    for t in (2, 3, 4, 5, 6, 255):
        p.append(A(ahcp(ahcp_body(t, aopt(3, u32(60)), mbz=t & 1))))
    # bad option lengths, option length past the body, missing option length
    p.append(A(ahcp(ahcp_body(3, aopt(2, u32(0) + b"\0")))))
    p.append(A(ahcp(ahcp_body(3, aopt(3, b"\0\0")))))
    p.append(A(ahcp(ahcp_body(3, aopt(4, v6("2001:db8::5")[:10])))))
    p.append(A(ahcp(ahcp_body(3, aopt(5, v4("10.1.1.5") + b"\1")))))
    p.append(A(ahcp(ahcp_body(3, aopt(6, v6("2001:db8::") + u8(64) + b"\1\2")))))
    p.append(A(ahcp(ahcp_body(3, aopt(11, v4("10.0.0.0"))))))
    p.append(A(ahcp(ahcp_body(3, aopt(9, v4("10.1.1.5"), length=9)))))
    p.append(A(ahcp(ahcp_body(3, aopt(1) + u8(9)))))
    p.append(A(ahcp(ahcp_body(3, aopt(2, u32(0xffffffff)) + aopt(2, u32(0))))))
    # body length past the packet, short body, extra data after the body
    p.append(A(ahcp(ahcp_body(3, aopt(3, u32(60)), length=40))))
    p.append(A(ahcp(b"\3\0")))
    p.append(A(ahcp(b"")))
    p.append(A(ahcp(ahcp_body(3, aopt(3, u32(60))) + b"extra")))
    # other versions, bad magic, short headers
    p.append(A(ahcp(ahcp_body(3, b""), ver=2)))
    p.append(A(ahcp(ahcp_body(3, b""), ver=0)))
    p.append(A(ahcp(ahcp_body(3, b""), magic=42)))
    p.append(A(ahcp(b"")[:20]))
    p.append(A(b"\x2b"))
    p.append(A(b""))
    p.append(udp4(5359, 5359, ahcp(ahcp_body(2, aopt(5, v4("10.1.1.5"))))))
    return p


# ---------------------------------------------------------------- babel
def btlv(t, body, length=None):
    if t == 0:
        return b"\0"
    return u8(t) + u8(len(body) if length is None else length) + body


def babel(tlvs, trailer=b"", ver=2, magic=42, blen=None):
    body = b"".join(tlvs)
    return u8(magic) + u8(ver) + u16(len(body) if blen is None else blen) + body + trailer


def sub(t, body):
    return b"\0" if t == 0 else u8(t) + u8(len(body)) + body


RID = bytes([0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55])


def babel_packets():
    p = []
    B = lambda payload, sport=6696, dport=6696: udp6(sport, dport, payload)
    # a realistic hello/IHU exchange and a full update with router id and next hop
    p.append(B(babel([btlv(4, u16(0) + u16(100) + u16(400)),
                      btlv(5, u8(3) + u8(0) + u16(96) + u16(1200) + v6("fe80::1")[8:])])))
    p.append(B(babel([btlv(4, u16(0x8000) + u16(7) + u16(0) + sub(3, u32(123456789)) + sub(0, b"") + sub(1, b"\0\0")),
                      btlv(5, u8(2) + u8(0) + u16(0xffff) + u16(0) + v6("2001:db8::9") + sub(3, u32(1) + u32(4000000000))),
                      btlv(5, u8(1) + u8(0) + u16(256) + u16(5) + v4("10.0.0.9")),
                      btlv(5, u8(0) + u8(0) + u16(256) + u16(5))])))
    p.append(B(babel([btlv(6, u16(0) + RID),
                      btlv(7, u8(1) + u8(0) + v4("192.0.2.1")),
                      btlv(7, u8(2) + u8(0) + v6("2001:db8::1")),
                      btlv(7, u8(3) + u8(0) + v6("fe80::1")[8:]),
                      btlv(7, u8(0) + u8(0)),
                      btlv(8, u8(1) + u8(0x80) + u8(24) + u8(0) + u16(400) + u16(12) + u16(96) + v4("10.1.2.0")[:3]),
                      btlv(8, u8(1) + u8(0x40) + u8(32) + u8(3) + u16(400) + u16(12) + u16(96) + b"\x09"),
                      btlv(8, u8(2) + u8(0xc0) + u8(64) + u8(0) + u16(0xffff) + u16(13) + u16(0xffff) + v6("2001:db8:1:2::")[:8]),
                      btlv(8, u8(2) + u8(0x3f) + u8(80) + u8(8) + u16(0) + u16(13) + u16(100) + b"\xaa\xbb" + sub(2, b"\x01\x00\xff") + sub(0x85, b"zz")),
                      btlv(8, u8(0) + u8(0) + u8(0) + u8(0) + u16(400) + u16(14) + u16(0xffff)),
                      btlv(8, u8(3) + u8(0) + u8(128) + u8(0) + u16(400) + u16(14) + u16(5) + v6("fe80::5")[8:])])))
    # requests
    p.append(B(babel([btlv(9, u8(0) + u8(0)),
                      btlv(9, u8(1) + u8(24) + v4("10.1.2.0")[:3]),
                      btlv(9, u8(2) + u8(48) + v6("2001:db8:5::")[:6]),
                      btlv(10, u8(1) + u8(16) + u16(77) + u8(64) + u8(0) + RID + v4("10.9.0.0")[:2]),
                      btlv(10, u8(0) + u8(0) + u16(77) + u8(64) + u8(0) + RID),
                      btlv(2, u16(0) + u16(0xabcd) + u16(150)),
                      btlv(3, u16(0xabcd)),
                      btlv(1, b"\0\0\0"), btlv(0, b""),
                      btlv(11, u16(5) + u32(1700000000)),
                      btlv(12, u16(1) + bytes(range(20))),
                      btlv(16, bytes(range(16))),
                      btlv(17, u32(99) + b"idx1"),
                      btlv(18, b"\1" * 8), btlv(19, b"\2" * 8),
                      btlv(18, b"\1" * 193), btlv(99, b"xyz")])))
    # source-specific TLVs
    p.append(B(babel([btlv(13, u8(2) + u8(56) + u8(64) + u8(0) + u16(400) + u16(3) + u16(10) +
                           v6("2001:db8:7::")[:8] + v6("2001:db8:8::")[:7] + sub(2, b"\x05")),
                      btlv(13, u8(1) + u8(16) + u8(24) + u8(0) + u16(0xffff) + u16(3) + u16(10) + v4("10.7.7.0")[:3] + v4("10.8.0.0")[:2]),
                      btlv(14, u8(2) + u8(48) + u8(56) + v6("2001:db8:7::")[:6] + v6("2001:db8:8::")[:7]),
                      btlv(14, u8(0) + u8(0) + u8(0)),
                      btlv(15, u8(2) + u8(48) + u16(9) + u8(3) + u8(56) + RID + v6("2001:db8:7::")[:6] + v6("2001:db8:8::")[:7])])))
    # trailer after the body; verbose-only errors; bad lengths
    p.append(B(babel([btlv(4, u16(0) + u16(1) + u16(100))], trailer=btlv(1, b"") + btlv(17, u32(5)))))
    p.append(B(babel([btlv(2, u16(0) + u16(1)), btlv(4, u16(0) + u16(1) + u16(100))])))
    p.append(B(babel([btlv(3, b"")])))
    p.append(B(babel([btlv(4, u16(0) + u16(1))])))
    p.append(B(babel([btlv(5, u8(1) + u8(0) + u16(1) + u16(1) + b"\1\2")])))
    p.append(B(babel([btlv(5, u8(9) + u8(0) + u16(1) + u16(1)), btlv(4, u16(0) + u16(1) + u16(100))])))
    p.append(B(babel([btlv(6, u16(0) + RID[:4])])))
    p.append(B(babel([btlv(7, u8(1) + u8(0) + b"\1")])))
    p.append(B(babel([btlv(8, u8(1) + u8(0) + u8(24))])))
    p.append(B(babel([btlv(8, u8(1) + u8(0) + u8(40) + u8(0) + u16(1) + u16(1) + u16(1) + b"\1" * 5)])))
    p.append(B(babel([btlv(8, u8(1) + u8(0) + u8(24) + u8(2) + u16(1) + u16(1) + u16(1) + b"\1")])))
    p.append(B(babel([btlv(8, u8(2) + u8(0) + u8(200) + u8(0) + u16(1) + u16(1) + u16(1) + b"\1" * 16)])))
    p.append(B(babel([btlv(8, u8(7) + u8(0) + u8(8) + u8(0) + u16(1) + u16(1) + u16(1) + b"\1")])))
    p.append(B(babel([btlv(9, u8(1))])))
    p.append(B(babel([btlv(10, u8(1) + u8(16) + u16(77))])))
    p.append(B(babel([btlv(11, u16(1))])))
    p.append(B(babel([btlv(12, u16(1) + b"\1" * 10)])))
    p.append(B(babel([btlv(12, u16(1) + b"\1" * 16)])[:-2] + b"\1\1"))
    p.append(B(babel([btlv(13, u8(2) + u8(0) + u8(0))])))
    p.append(B(babel([btlv(14, u8(2))])))
    p.append(B(babel([btlv(15, u8(2) + u8(0))])))
    p.append(B(babel([btlv(17, u16(1))])))
    p.append(B(babel([btlv(4, u16(0) + u16(1) + u16(100) + sub(3, b"\1\2")),
                      btlv(4, u16(0) + u16(1) + u16(100) + u8(3)),
                      btlv(4, u16(0) + u16(1) + u16(100) + u8(1) + u8(9)),
                      btlv(5, u8(0) + u8(0) + u16(1) + u16(1) + sub(3, u32(1))),
                      btlv(6, u16(0) + RID + sub(2, b"\1")),
                      btlv(8, u8(1) + u8(0) + u8(0) + u8(0) + u16(1) + u16(1) + u16(1) + sub(3, u32(1)) + sub(2, b""))])))
    # TLV past the body, body past the packet, short packets, other versions
    p.append(B(babel([btlv(4, u16(0) + u16(1) + u16(100), length=50)])))
    p.append(B(babel([btlv(4, u16(0) + u16(1) + u16(100))], blen=30)))
    p.append(B(babel([btlv(4, u16(0) + u16(1) + u16(100))], blen=3)))
    p.append(B(babel([u8(4)])))
    p.append(B(babel([], ver=1)))
    p.append(B(babel([], magic=41)))
    p.append(B(b"\x2a\x02\x00"))
    p.append(B(b""))
    p.append(udp4(6697, 6697, babel([btlv(4, u16(0) + u16(1) + u16(100)),
                                      btlv(8, u8(1) + u8(0x80) + u8(24) + u8(0) + u16(400) + u16(12) + u16(96) + v4("10.1.2.0")[:3])])))
    return p


# ---------------------------------------------------------------- HNCP
def ht(t, body, length=None):
    pad = (-len(body)) % 4
    return u16(t) + u16(len(body) if length is None else length) + body + b"\0" * pad


def hpfx6(plen, addr):
    return u8(plen) + v6(addr)[:(plen + 7) // 8]


def hpfx4(plen, addr):
    return u8(plen + 96) + b"\0" * 10 + b"\xff\xff" + v4(addr)[:(plen + 7) // 8]


def dname(*labels):
    return b"".join(u8(len(l)) + l.encode() for l in labels) + b"\0"


NID = b"\x11\x22\x33\x44"


def hncp_node_data():
    dhcp4 = u8(6) + u8(8) + v4("192.0.2.53") + v4("192.0.2.54") + u8(42) + u8(4) + v4("192.0.2.123") + \
        u8(119) + u8(9) + dname("home", "arpa")[:9] + u8(99) + u8(1) + b"x"
    dhcp6 = u16(23) + u16(16) + v6("2001:db8::53") + u16(24) + u16(11) + dname("home", "arpa") + \
        u16(31) + u16(16) + v6("2001:db8::123") + u16(99) + u16(0)
    ext = ht(33, ht(34, u32(3600000) + u32(1800000) + hpfx6(48, "2001:db8:100::") + b"\0" * 3 +
                     ht(43, u8(0)) + ht(43, hpfx6(0, "::")) + ht(43, u8(129) + dname("example", "com")) +
                     ht(43, u8(130) + b"opaque") + ht(43, u8(131)) + ht(43, u8(200))) +
                 ht(34, u32(0xffffffff) + u32(0) + hpfx4(24, "198.51.100.0")) +
                 ht(37, dhcp4) + ht(38, dhcp6))
    return (ht(32, u16(0) + u16(0x1234) + b"hnetd/1.0") + ext +
            ht(35, u32(7) + u8(0x02) + hpfx6(64, "2001:db8:100:1::") + ht(40, dname("home"))) +
            ht(35, u32(8) + u8(0x0f) + hpfx4(24, "10.0.1.0")) +
            ht(36, u32(7) + v6("2001:db8:100:1::1") + ht(41, v6("::") + u8(0))) +
            ht(36, u32(8) + b"\0" * 10 + b"\xff\xff" + v4("10.0.1.1")) +
            ht(39, v6("2001:db8:100:1::1") + u8(7) + dname("r1", "home")) +
            ht(40, dname("home")) +
            ht(41, v6("2001:db8:100:1::1") + u8(7) + b"router1") +
            ht(42, bytes(range(32))) +
            ht(8, NID + u32(1) + u32(2)) + ht(9, u32(0) + u32(20000)) +
            ht(10, u8(1) + b"\0\0\0" + bytes(range(32)) + b"common-name") +
            ht(0, b"") + ht(100, b"xx") + ht(800, b"") + ht(6, b"") + ht(2000, b"abc"))


def hncp_packets():
    p = []
    H = lambda payload, sport=8231, dport=8231: udp6(sport, dport, payload)
    p.append(H(ht(3, NID + u32(1)) + ht(4, bytes(range(8)))))
    p.append(H(ht(3, NID + u32(1)) + ht(1, b"") + ht(2, NID)))
    p.append(H(ht(3, NID + u32(1)) + ht(5, NID + u32(9) + u32(123456) + bytes(range(8)) + hncp_node_data())))
    p.append(H(ht(3, NID + u32(1)) + ht(4, bytes(8)) + ht(5, NID + u32(1) + u32(0) + bytes(8)) +
               ht(5, NID + u32(2) + u32(1) + bytes(8)) + ht(5, NID + u32(3) + u32(2) + bytes(8))))
    # invalid lengths for each fixed-size TLV
    p.append(H(ht(1, b"x") + ht(2, b"abc") + ht(3, NID) + ht(4, b"1234") + ht(5, NID) + ht(8, NID) +
               ht(9, NID) + ht(10, b"\0" * 36) + ht(32, b"1234") + ht(34, b"\0" * 8) + ht(43, b"") +
               ht(43, u8(0) + b"x") + ht(43, u8(131) + b"x") + ht(37, b"") + ht(38, b"") + ht(35, b"\0" * 5) +
               ht(36, b"\0" * 19) + ht(39, b"\0" * 16) + ht(40, b"") + ht(41, b"\0" * 16) +
               ht(41, b"\0" * 16 + u8(20)) + ht(41, b"\0" * 16 + u8(70) + b"n" * 70) + ht(42, b"\0" * 31)))
    p.append(H(ht(5, NID + u32(1) + u32(0) + bytes(8) +
                  ht(34, u32(1) + u32(1) + u8(129) + b"\0" * 17) +
                  ht(34, u32(1) + u32(1) + u8(130) + b"\0\0\0\0\0\0\0\0\0\0\xff\xff" + b"\0" * 5) +
                  ht(34, u32(1) + u32(1) + u8(48) + b"\1\2") +
                  ht(43, u8(129) + b"\x05ab") + ht(43, u8(129) + b"\x02ab") +
                  ht(43, u8(140) + b"\0" * 2) + ht(35, u32(1) + u8(0) + u8(200) + b"\0" * 25) +
                  ht(39, v6("::1") + u8(0) + b"\x03abc") +
                  ht(37, u8(6) + u8(3) + b"abc") + ht(37, u8(6)) + ht(37, u8(6) + u8(9) + b"abc") +
                  ht(38, u16(23) + u16(3) + b"abc") + ht(38, u16(23)) + ht(38, u16(24) + u16(3) + b"\x05ab") +
                  ht(2, NID))))
    # TLV past the packet, truncated TLV header, odd trailing bytes
    p.append(H(ht(3, NID + u32(1)) + u16(4) + u16(100) + b"\0" * 8))
    p.append(H(ht(3, NID + u32(1)) + b"\0\4"))
    p.append(H(ht(5, NID + u32(1) + u32(0) + bytes(8) + ht(3, NID + u32(1)) + b"\0")))
    p.append(H(b""))
    p.append(udp4(8231, 8231, ht(3, NID + u32(1)) + ht(4, bytes(range(8)))))
    return p


def main():
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    write(d, "gpe", gpe_packets())
    write(d, "lisp", lisp_packets())
    write(d, "msdp", msdp_packets())
    write(d, "rpki", rpki_packets())
    write(d, "zephyr", zephyr_packets())
    write(d, "ahcp", ahcp_packets())
    write(d, "babel", babel_packets())
    write(d, "hncp", hncp_packets())
    write(d, "ports", ports_packets())


if __name__ == "__main__":
    main()
