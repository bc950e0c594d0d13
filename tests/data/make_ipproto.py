#!/usr/bin/env python3
"""Writes the captures of tests/print_ipproto.rs into tests/data/ipproto/: one pcap per
protocol family (SCTP, OSPF, PIM, RSVP, IGMP, SNMP, syslog, mDNS/LLMNR), normal and
malformed packets. Deterministic (fixed timestamps). Needs scapy; the tests only read
the files and compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_ipproto.py tests/data/ipproto
"""
import os
import struct
import sys
from scapy.all import Ether, IP, IPv6, UDP, Raw, IPOption
from scapy.layers.sctp import (SCTP, SCTPChunkInit, SCTPChunkInitAck, SCTPChunkCookieEcho,
                               SCTPChunkCookieAck, SCTPChunkData, SCTPChunkSACK,
                               SCTPChunkHeartbeatReq, SCTPChunkHeartbeatAck, SCTPChunkAbort,
                               SCTPChunkShutdown, SCTPChunkShutdownAck,
                               SCTPChunkShutdownComplete, SCTPChunkError,
                               SCTPChunkParamIPv4Addr, SCTPChunkParamHeartbeatInfo)

from pktgen import inet_sum
from pktgen_scapy import E, A, B, ip, write


def sctp():
    s = SCTP(sport=2905, dport=2905, tag=0x1234)
    e = E / ip()
    hdr = bytes.fromhex("0b590b5900001234abcdabcd")
    raw = E / ip(132)
    p = [
        e / s / SCTPChunkInit(init_tag=1, a_rwnd=65535, n_out_streams=10, n_in_streams=10,
                              init_tsn=100, params=[SCTPChunkParamIPv4Addr(addr=A)]),
        e / s / SCTPChunkInitAck(init_tag=2, a_rwnd=65535, n_out_streams=10, n_in_streams=10,
                                 init_tsn=200),
        e / s / SCTPChunkCookieEcho(cookie=b"abcd"),
        e / s / SCTPChunkCookieAck(),
        e / s / SCTPChunkData(tsn=101, stream_id=1, stream_seq=3, proto_id=46, data=b"hel",
                              unordered=1),
        e / s / SCTPChunkData(tsn=102, stream_id=2, stream_seq=4, proto_id=18,
                              data=b"0123456789abcdefghij", beginning=1, ending=1),
        e / s / SCTPChunkSACK(cumul_tsn_ack=100, a_rwnd=1000, n_gap_ack=2, n_dup_tsn=1,
                              gap_ack_list=["1:2", "4:5"], dup_tsn_list=[99]),
        e / s / SCTPChunkHeartbeatReq(params=[SCTPChunkParamHeartbeatInfo(data=b"12345678")]),
        e / s / SCTPChunkHeartbeatAck(params=[SCTPChunkParamHeartbeatInfo(data=b"12345678")]),
        e / s / SCTPChunkAbort(),
        e / s / SCTPChunkShutdown(cumul_tsn_ack=5),
        e / s / SCTPChunkShutdownAck(),
        e / s / SCTPChunkShutdownComplete(),
        e / s / SCTPChunkError(),
        e / s / SCTPChunkData(tsn=1, data=b"ab") / SCTPChunkData(tsn=2, data=b"cd")
        / SCTPChunkSACK(cumul_tsn_ack=1),
        # Every chunk type tcpdump names, and unknown ones.
        e / s / SCTPChunkData(tsn=1, data=b"ab") / Raw(bytes([
            0xc1, 0, 0, 8, 0, 0, 0, 1, 0x80, 0, 0, 4, 0xc0, 0, 0, 8, 0, 0, 0, 3, 0x82, 0, 0, 4,
            0x40, 0, 0, 4, 0x0c, 0, 0, 8, 0, 0, 0, 1, 0x0d, 0, 0, 4, 0x0e, 0, 0, 4, 0x0f, 0, 0,
            4, 0xff, 0, 0, 4, 0xc2, 0, 0, 4, 0x10, 0, 0, 4])),
        # Malformed: short descriptor, bad lengths, chunks too short for their type.
        raw / Raw(hdr + bytes([0, 0, 0, 2])),
        raw / Raw(hdr + bytes([0, 0, 0, 30, 0, 0, 0, 1])),
        raw / Raw(hdr + bytes([0, 3, 0])),
        raw / Raw(hdr + bytes([0, 0, 0, 16, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])),
        raw / Raw(hdr + bytes([0, 0, 0, 8, 0, 0, 0, 1])),
        raw / Raw(hdr + bytes([1, 0, 0, 8, 0, 0, 0, 1])),
        raw / Raw(hdr + bytes([2, 0, 0, 19] + [0] * 15)),
        raw / Raw(hdr + bytes([3, 0, 0, 8, 0, 0, 0, 1])),
        raw / Raw(hdr + bytes([3, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5, 0, 0, 0, 1, 0, 2])),
        raw / Raw(hdr + bytes([3, 0, 0, 22, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 2,
                               0, 9, 0, 0])),
        raw / Raw(hdr + bytes([3, 0, 0, 26, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 2, 0, 1, 0, 2,
                               0, 0, 0, 9, 1, 2, 0, 0])),
        raw / Raw(hdr + bytes([0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9])),
        raw / Raw(hdr + bytes([0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0,
                               6, 0, 0, 4])),
        raw / Raw(hdr + bytes([0, 7, 0, 19, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0])),
        raw / Raw(hdr + bytes([6, 0, 0, 4, 0])),
        raw / Raw(hdr[:8]),
        raw / Raw(hdr[:11]),
        raw / Raw(hdr),
        # ForCES channel ports are labelled.
        e / SCTP(sport=6704, dport=6706) / SCTPChunkInit(),
        e / SCTP(sport=6704, dport=5) / SCTPChunkData(data=b"abcd") / SCTPChunkAbort(),
        e / SCTP(sport=5, dport=6705) / SCTPChunkData(data=bytes(24)) / SCTPChunkAbort(),
        e / SCTP(sport=5, dport=5) / SCTPChunkData(proto_id=22, data=bytes([0x10, 0x7f]) + bytes(30)),
        e / SCTP(sport=5, dport=5) / SCTPChunkData(proto_id=23, data=b"xy"),
        E / IPv6(src="fd00::1", dst="fd00::2") / s
        / SCTPChunkInit(init_tag=1, a_rwnd=65535, n_out_streams=10, n_in_streams=10,
                        init_tsn=100),
        # A later fragment is not decoded.
        E / ip(132, frag=10) / Raw(hdr),
    ]
    # M3UA messages (decoded with -vv).
    def m3ua(cls, t, params, ver=1, length=None):
        body = b"".join(params)
        n = 8 + len(body) if length is None else length
        return bytes([ver, 0, cls, t]) + n.to_bytes(4, "big") + body

    def prm(tag, val):
        pad = (4 - len(val) % 4) % 4
        return tag.to_bytes(2, "big") + (4 + len(val)).to_bytes(2, "big") + val + bytes(pad)

    for m in [
        m3ua(1, 1, [prm(0x0200, bytes(4)), prm(0x0006, (7).to_bytes(4, "big")),
                    prm(0x0210, bytes(range(13))), prm(0x0013, (9).to_bytes(4, "big"))]),
        m3ua(3, 1, [prm(0x0011, (5).to_bytes(4, "big")), prm(0x0004, b"hello")]),
        m3ua(3, 4, []), m3ua(3, 3, [prm(0x0009, b"beat")]), m3ua(4, 1, [prm(0x000b, bytes(4))]),
        m3ua(4, 3, []), m3ua(2, 1, [prm(0x0012, bytes(4))]), m3ua(2, 9, []), m3ua(0, 0, []),
        m3ua(0, 1, [prm(0x000d, bytes(4))]), m3ua(9, 2, []), m3ua(7, 1, []),
        m3ua(1, 1, [prm(0x0006, b"ab")]), m3ua(1, 1, [prm(0x9999, b"")]),
        m3ua(1, 1, [], length=40), m3ua(1, 1, [], ver=2),
        m3ua(1, 1, [bytes([0, 6, 0, 2])]), m3ua(1, 1, [bytes([0, 6])]),
        m3ua(1, 1, [bytes([0, 6, 0, 7, 0, 0, 0])]),
    ]:
        p.append(e / s / SCTPChunkData(tsn=9, proto_id=3, data=m))

    # Payload protocol identifiers with names (M3UA and ForCES excepted: tcpdump
    # decodes those payloads).
    for ppid in [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 24, 25, 26,
                 27, 28, 0xffffffff]:
        p.append(e / s / SCTPChunkData(tsn=ppid, proto_id=ppid, data=b"x"))
    return p


def ospf():
    from scapy.contrib.ospf import (OSPF_Hdr, OSPF_Hello, OSPF_DBDesc, OSPF_LSReq,
                                    OSPF_LSReq_Item, OSPF_LSUpd, OSPF_LSAck, OSPF_LSA_Hdr,
                                    OSPF_Router_LSA, OSPF_Link, OSPF_Network_LSA,
                                    OSPF_SummaryIP_LSA, OSPF_SummaryASBR_LSA,
                                    OSPF_External_LSA, OSPF_NSSA_External_LSA)
    e = Ether(src="02:00:00:00:00:01", dst="01:00:5e:00:00:05") / IP(src=A, dst="224.0.0.5",
                                                                       ttl=1, proto=89)

    def fix(b):
        """The OSPF length field set to the whole of `b`."""
        return Raw(b[:2] + len(b).to_bytes(2, "big") + b[4:])
    h = OSPF_Hdr(src="1.1.1.1", area="0.0.0.0")
    hello = OSPF_Hello(mask="255.255.255.0", hellointerval=10, options=0x02, prio=1,
                       deadinterval=40, router="10.0.0.1", backup="10.0.0.2",
                       neighbors=["2.2.2.2", "3.3.3.3"])
    lls = bytes.fromhex("fff60009") + bytes.fromhex("0001000400000001") + \
        bytes.fromhex("00020014") + bytes(range(20))
    lsh = OSPF_LSA_Hdr
    p = [
        e / h / hello,
        e / OSPF_Hdr(src="1.1.1.1", area="0.0.0.1", authtype=1,
                     authdata=0x61626364656667ff) / OSPF_Hello(mask="255.255.255.0"),
        e / OSPF_Hdr(src="1.1.1.1", area="0.0.0.1", authtype=1,
                     authdata=0x6162000000000000) / OSPF_Hello(mask="255.255.255.0"),
        e / OSPF_Hdr(src="1.1.1.1", authtype=3) / OSPF_Hello(),
        # LLS after a Hello and a DD, and with an MD5 trailer.
        e / Raw(bytes(h / OSPF_Hello(options=0x12, router="10.0.0.1")) + lls),
        e / Raw(bytes(h / OSPF_DBDesc(options=0x52, mtu=0, dbdescr=0x08)) + lls),
        e / Raw(bytes(OSPF_Hdr(src="1.1.1.1", authtype=2, keyid=1, authdatalen=16,
                               seq=77) / OSPF_Hello(options=0x12)) + bytes(16) + lls),
        e / Raw(bytes(h / OSPF_Hello(options=0x12)) + bytes.fromhex("fff6")),
        e / OSPF_Hdr(src="1.1.1.1", authtype=2, keyid=5, authdatalen=16, seq=0x1234)
        / OSPF_Hello() / Raw(bytes(range(16))),
        e / h / OSPF_DBDesc(mtu=1500, options=0x42, dbdescr=0x07, ddseq=1234, lsaheaders=[
            lsh(type=1, id="1.1.1.1", adrouter="1.1.1.1", seq=0x80000001),
            lsh(type=2, id="10.0.0.1", adrouter="1.1.1.1", seq=0x80000002, age=3600),
            lsh(type=10, id="4.0.0.7", adrouter="1.1.1.1", options=0xff),
            lsh(type=99, id="1.2.3.4", adrouter="1.1.1.1")]),
        e / h / OSPF_DBDesc(lsaheaders=[lsh(type=1, len=19), lsh(type=2)]),
        e / h / OSPF_LSReq(requests=[
            OSPF_LSReq_Item(type=1, id="1.1.1.1", adrouter="1.1.1.1"),
            OSPF_LSReq_Item(type=5, id="10.1.0.0", adrouter="2.2.2.2"),
            OSPF_LSReq_Item(type=9, id="3.0.1.2", adrouter="2.2.2.2"),
            OSPF_LSReq_Item(type=77, id="3.0.1.2", adrouter="2.2.2.2")]),
        e / h / OSPF_LSUpd(lsalist=[
            OSPF_Router_LSA(id="1.1.1.1", adrouter="1.1.1.1", flags=0x9f, linklist=[
                OSPF_Link(id="2.2.2.2", data="10.0.0.1", type=1, metric=10),
                OSPF_Link(id="10.0.0.2", data="10.0.0.1", type=2, metric=10),
                OSPF_Link(id="10.0.1.0", data="255.255.255.0", type=3, metric=1),
                OSPF_Link(id="9.9.9.9", data="10.0.9.1", type=4, metric=5)]),
            OSPF_Network_LSA(id="10.0.0.2", adrouter="2.2.2.2", mask="255.255.255.0",
                             routerlist=["1.1.1.1", "2.2.2.2"]),
            OSPF_SummaryIP_LSA(id="10.2.0.0", adrouter="1.1.1.1", mask="255.255.0.0",
                               metric=20),
            OSPF_SummaryASBR_LSA(id="3.3.3.3", adrouter="1.1.1.1", metric=30),
            OSPF_External_LSA(id="10.3.0.0", adrouter="1.1.1.1", mask="255.255.0.0", ebit=1,
                              metric=40, fwdaddr="10.0.0.9", tag=5),
            OSPF_External_LSA(id="10.5.0.0", adrouter="1.1.1.1", mask="255.255.0.0",
                              metric=0xffffff),
            OSPF_NSSA_External_LSA(id="10.4.0.0", adrouter="1.1.1.1", mask="255.255.0.0",
                                   metric=50)]),
        e / h / OSPF_LSUpd(lsalist=[OSPF_Router_LSA(linklist=[
            OSPF_Link(id="2.2.2.2", data="10.0.0.1", type=7, metric=10)])]),
        e / h / OSPF_LSAck(lsaheaders=[lsh(type=1, id="1.1.1.1", adrouter="1.1.1.1",
                                           seq=0x80000001)]),
        e / h / OSPF_LSAck(lsaheaders=[lsh(type=1, len=20), lsh(type=2, len=0)]),
        e / OSPF_Hdr(type=9, src="1.1.1.1") / Raw(bytes(8)),
        e / OSPF_Hdr(version=3, src="1.1.1.1") / OSPF_Hello(),
        e / OSPF_Hdr(src="1.1.1.1", len=30) / OSPF_Hello(),
        e / OSPF_Hdr(src="1.1.1.1", len=100) / OSPF_Hello(),
    ]
    # Hand-built LSAs: group, opaque (router information, grace, TE, unknown),
    # unknown type; in one update each.
    def lsa(t, lsid, body, opts=0):
        hdr = bytes([0, 1, opts, t]) + bytes(lsid) + bytes([1, 1, 1, 1]) + \
            bytes.fromhex("80000001") + b"\0\0" + (20 + len(body)).to_bytes(2, "big")
        return hdr + body
    bodies = [
        lsa(1, [1, 1, 1, 1], bytes.fromhex("01000002" "0a0000020a00000102020010" "01000005020000ff"
                                           "0a0001000a00000103000001")),
        lsa(6, [10, 0, 0, 0], bytes.fromhex("00000001010101010000000202020202000000090303030303")[:24]),
        lsa(10, [4, 0, 0, 1], bytes.fromhex("0001000400000170") + bytes.fromhex("00050003616263") + b"\0"),
        lsa(10, [4, 0, 0, 1], bytes.fromhex("000100050000017000")),
        lsa(9, [3, 0, 0, 0], bytes.fromhex("0001000400000078" "0002000101000000" "000300040a000001"
                                           "00090002abcd0000")),
        lsa(9, [3, 0, 0, 0], bytes.fromhex("0001000300000078")),
        lsa(9, [3, 0, 0, 0], bytes.fromhex("0002000401000000")),
        lsa(11, [7, 0, 0, 9], bytes.fromhex("0102030405060708")),
        lsa(12, [1, 2, 3, 4], bytes.fromhex("01020304")),
    ]
    def tlv16(t, v):
        pad = (4 - len(v) % 4) % 4
        return t.to_bytes(2, "big") + len(v).to_bytes(2, "big") + v + bytes(pad)

    bw = lambda x: struct.pack(">f", x)  # noqa: E731
    link = (tlv16(1, bytes([2])) + tlv16(2, bytes([10, 0, 0, 9])) + tlv16(3, bytes([10, 0, 0, 1])) +
            tlv16(4, bytes([10, 0, 0, 2])) + tlv16(5, (10).to_bytes(4, "big")) +
            tlv16(6, bw(1.25e9)) + tlv16(7, bw(1e8)) +
            tlv16(8, b"".join(bw(1.25e6 * i) for i in range(8))) +
            tlv16(9, (0x11).to_bytes(4, "big")) + tlv16(11, bytes([0, 0, 0, 1, 0, 0, 0, 2])) +
            tlv16(14, bytes([0x0a, 0, 0, 0])) +
            tlv16(15, bytes([1, 1, 0, 0]) + b"".join(bw(12345.678 * i) for i in range(8))) +
            tlv16(16, (5).to_bytes(4, "big") + (6).to_bytes(4, "big")) +
            tlv16(17, bytes([0, 0, 0, 0]) + bw(1e6) + bw(2e6)) + tlv16(99, b"abc") +
            tlv16(6, bytes.fromhex("ffc00001")) + tlv16(7, bytes.fromhex("7fc00000")) +
            tlv16(6, bytes.fromhex("ff800000")) + tlv16(7, bytes.fromhex("7f800000")))
    bodies += [
        lsa(10, [1, 0, 0, 5], tlv16(1, bytes([1, 1, 1, 1])) + tlv16(2, link)),
        lsa(10, [1, 0, 0, 6], tlv16(2, tlv16(1, bytes([1, 2])))),
        lsa(10, [1, 0, 0, 6], tlv16(2, tlv16(6, bytes.fromhex("ffc00001")) +
                                    tlv16(7, bytes.fromhex("7fc00000")) +
                                    tlv16(6, bytes.fromhex("ff800000")) +
                                    tlv16(7, bytes.fromhex("7f800000")))),
        lsa(10, [1, 0, 0, 7], tlv16(2, tlv16(17, bytes([1, 0, 0, 0]) + bytes(3)))),
        lsa(10, [1, 0, 0, 7], tlv16(2, tlv16(17, bytes([254, 0, 0, 0]) + bytes(36)))),
        lsa(10, [1, 0, 0, 8], tlv16(2, tlv16(8, bytes(8)))),
        lsa(10, [1, 0, 0, 8], tlv16(2, tlv16(0, bytes(4)))),
        lsa(10, [1, 0, 0, 8], tlv16(2, bytes([0, 1, 0, 9, 0, 0, 0, 0]))),
        lsa(10, [1, 0, 0, 8], tlv16(2, bytes([0, 1]))),
        lsa(10, [1, 0, 0, 9], tlv16(1, bytes([1, 1])) + tlv16(7, b"xyz")),
        lsa(10, [1, 0, 0, 9], tlv16(0, b"") + tlv16(1, bytes(4))),
        lsa(10, [1, 0, 0, 9], bytes([0, 1, 0, 9]) + bytes(4)),
        lsa(10, [1, 0, 0, 9], bytes([0, 1, 0, 6]) + bytes(8)),
        lsa(10, [1, 0, 0, 9], bytes([0, 2])),
        lsa(10, [1, 0, 0, 9], tlv16(2, tlv16(2, bytes(4)) + tlv16(6, bytes(2)) + tlv16(14, bytes(5)))),
        lsa(10, [1, 0, 0, 9], tlv16(2, tlv16(9, bytes(2)))),
        lsa(10, [1, 0, 0, 9], tlv16(2, tlv16(16, bytes(5)))),
        lsa(10, [1, 0, 0, 9], tlv16(2, tlv16(15, bytes(20)))),
        lsa(10, [1, 0, 0, 9], tlv16(2, tlv16(5, bytes(3)))),
        lsa(10, [1, 0, 0, 9], tlv16(2, tlv16(11, bytes(6)))),
    ]
    for b in bodies:
        p.append(e / fix(bytes(h / OSPF_LSUpd(lsacount=2)) + b + bodies[-1]))
    for raw in [bytes(h / OSPF_LSUpd(lsacount=1)) + bytes.fromhex("00010201010101010101010180000001000000"
                                                                   "0f")]:
        p.append(e / fix(raw))
    return p


def ospf6():
    e = Ether(src="02:00:00:00:00:01", dst="33:33:00:00:00:05") / IPv6(
        src="fe80::1", dst="ff02::5", hlim=1, nh=89)

    def pkt(t, body, area=0, inst=0, trailer=b"", ver=3, length=None):
        n = 16 + len(body) if length is None else length
        hdr = bytes([ver, t]) + n.to_bytes(2, "big") + bytes([1, 1, 1, 1]) + \
            area.to_bytes(4, "big") + b"\0\0" + bytes([inst, 0])
        return e / Raw(hdr + body + trailer)

    def lshdr(t, lsid, length=20, age=1, seq=0x80000001):
        return age.to_bytes(2, "big") + t.to_bytes(2, "big") + bytes(lsid) + \
            bytes([1, 1, 1, 1]) + seq.to_bytes(4, "big") + b"\0\0" + length.to_bytes(2, "big")

    def lsa(t, lsid, body):
        return lshdr(t, lsid, 20 + len(body)) + body

    def pfx(plen, opt, metric, addr):
        words = (plen + 31) // 32
        return bytes([plen, opt]) + metric.to_bytes(2, "big") + bytes(addr[:words * 4])

    v6a = bytes.fromhex("20010db8000100020003000400050006")
    hello = (5).to_bytes(4, "big") + bytes([1, 0, 0x07, 0x3f]) + (10).to_bytes(2, "big") + \
        (40).to_bytes(2, "big") + bytes([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4])
    hello_lls = (5).to_bytes(4, "big") + bytes([1, 0, 0x02, 0x13]) + bytes(12)
    dd = bytes([0, 0, 0x06, 0x13]) + (1500).to_bytes(2, "big") + bytes([0, 0x17]) + \
        (5).to_bytes(4, "big")
    at = (1).to_bytes(2, "big") + (32).to_bytes(2, "big") + b"\0\0" + (7).to_bytes(2, "big") + \
        bytes.fromhex("0000000100000002") + bytes(range(16))
    router = lsa(0x2001, [0, 0, 0, 0], bytes([0x1f, 0, 0, 0x33]) +
                 bytes([1, 0, 0, 10]) + (5).to_bytes(4, "big") + (6).to_bytes(4, "big") +
                 bytes([2, 2, 2, 2]) +
                 bytes([2, 0, 0, 20]) + (7).to_bytes(4, "big") + (8).to_bytes(4, "big") +
                 bytes([3, 3, 3, 3]) +
                 bytes([4, 0, 0, 30]) + (9).to_bytes(4, "big") + (10).to_bytes(4, "big") +
                 bytes([4, 4, 4, 4]))
    router_bad = lsa(0x2001, [0, 0, 0, 1], bytes([0, 0, 0, 0]) + bytes([9, 0, 0, 1]) + bytes(12))
    network = lsa(0x2002, [0, 0, 0, 5], bytes([0, 0, 0, 0x13, 1, 1, 1, 1, 2, 2, 2, 2]))
    inter_ap = lsa(0x2003, [0, 0, 0, 1], (0x00000040).to_bytes(4, "big") +
                   pfx(48, 0x3f, 0, v6a) + pfx(0, 0, 0, v6a) + pfx(128, 0, 0, v6a))
    ase = lsa(0x4005, [0, 0, 0, 2], (0x83000064).to_bytes(4, "big") +
              bytes([64, 0, 0, 1]) + v6a[:8] + v6a + bytes([9, 9, 9, 9]) + bytes([7, 7, 7, 7]))
    ase2 = lsa(0x4005, [0, 0, 0, 3], (0x00000064).to_bytes(4, "big") + pfx(64, 0, 0, v6a))
    link = lsa(0x0008, [0, 0, 0, 5], bytes([1, 0, 0, 0x13]) +
               bytes.fromhex("fe800000000000000000000000000001") + (2).to_bytes(4, "big") +
               pfx(64, 0, 0, v6a) + pfx(96, 2, 0, v6a))
    intra = lsa(0x2009, [0, 0, 0, 0], (1).to_bytes(2, "big") + (0x2001).to_bytes(2, "big") +
                bytes([0, 0, 0, 0, 1, 1, 1, 1]) + pfx(64, 0, 10, v6a))
    grace = lsa(0x000b, [0, 0, 0, 0], bytes.fromhex("0001000400000078" "0002000101000000"))
    unknown = lsa(0xa00f, [1, 2, 3, 4], bytes.fromhex("0102030405"))
    te = lsa(0x000a, [0, 0, 0, 1], bytes.fromhex("0001000401010101" "0002000c" "0005000400000007"
                                                 "0009000400000003"))
    te_bad = lsa(0x000a, [0, 0, 0, 2], bytes.fromhex("0001000901010101"))
    bogus = lsa(0x2003, [0, 0, 0, 1], (1).to_bytes(4, "big") + bytes([200, 0, 0, 0]) + bytes(16))

    def lsu(*lsas, count=None):
        n = len(lsas) if count is None else count
        return n.to_bytes(4, "big") + b"".join(lsas)

    p = [
        pkt(1, hello),
        pkt(1, hello, area=7, inst=3),
        pkt(1, hello_lls, trailer=bytes.fromhex("ffee000c") + bytes(8)),
        pkt(1, hello_lls, trailer=bytes.fromhex("ffee0002")),
        pkt(1, hello_lls, trailer=bytes.fromhex("ffee")),
        pkt(1, hello_lls, trailer=bytes.fromhex("ffee0008") + bytes(4) + at),
        pkt(1, hello, trailer=at),
        pkt(1, hello, trailer=at[:12]),
        pkt(1, hello, trailer=bytes.fromhex("0002001000000001") + bytes(8)),
        pkt(1, hello, trailer=bytes.fromhex("0001004000000001") + bytes(8)),
        pkt(2, dd + lshdr(0x2001, [0, 0, 0, 0]) + lshdr(0x4005, [0, 0, 0, 9], 10) +
            lshdr(0xa00f, [1, 2, 3, 4])),
        pkt(2, dd + lshdr(0x2001, [0, 0, 0, 0])[:10]),
        pkt(2, dd, trailer=bytes.fromhex("ffee0008") + bytes(4)),
        pkt(3, bytes([0, 0, 0x20, 0x01, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0x40, 0x05, 0, 0, 0, 9,
                      2, 2, 2, 2])),
        pkt(3, bytes([0, 0, 0x20, 0x01, 0, 0, 0, 0])),
        pkt(4, lsu(router, network, inter_ap, ase, ase2, link, intra, grace, unknown)),
        pkt(4, lsu(router_bad, network)),
        pkt(4, lsu(te, te_bad, network)),
        pkt(4, lsu(bogus, network)),
        pkt(4, lsu(network, count=5)),
        pkt(4, lsu(lshdr(0x2002, [0, 0, 0, 1], 8), network)),
        pkt(4, lsu(lshdr(0x2002, [0, 0, 0, 1], 200), network)),
        pkt(4, lsu(lsa(0x2002, [0, 0, 0, 1], bytes([0, 0, 0, 0, 1, 1])))),
        pkt(4, lsu(lsa(0x2001, [0, 0, 0, 1], bytes([0, 0])))),
        pkt(4, lsu(lsa(0x2009, [0, 0, 0, 1], bytes([0, 5, 0x20, 1, 0, 0, 0, 0, 1, 1, 1, 1])))),
        pkt(4, lsu(lsa(0x0008, [0, 0, 0, 1], bytes(24) + (3).to_bytes(4, "big")))),
        pkt(5, lshdr(0x2001, [0, 0, 0, 0]) + lshdr(0x2009, [0, 0, 0, 1])),
        pkt(5, lshdr(0x2001, [0, 0, 0, 0]) + bytes(5)),
        pkt(9, bytes(4)),
        pkt(1, hello, length=100),
        pkt(1, hello, ver=2),
    ]
    return p


def pim():
    e = Ether(src="02:00:00:00:00:01", dst="01:00:5e:00:00:0d") / IP(src=A, dst="224.0.0.13",
                                                                       ttl=1, proto=103)
    e6 = Ether(src="02:00:00:00:00:01", dst="33:33:00:00:00:0d") / IPv6(
        src="fe80::1", dst="ff02::d", hlim=1, nh=103)

    def msg(t, body, ver=2, rsv=0, ck=True, sum_len=None):
        b = bytes([(ver << 4) | t, rsv, 0, 0]) + body
        if ck:
            n = len(b) if sum_len is None else sum_len
            c = inet_sum(b[:n])
            b = b[:2] + c.to_bytes(2, "big") + b[4:]
        return b

    def ucast(a):
        return bytes([1, 0]) + bytes(a)

    def grp(a, mlen=32, flags=0):
        return bytes([1, 0, flags, mlen]) + bytes(a)

    def src(a, mlen=32, flags=4):
        return bytes([1, 0, flags, mlen]) + bytes(a)

    def opt(t, v):
        return t.to_bytes(2, "big") + len(v).to_bytes(2, "big") + v

    hello = (opt(1, (105).to_bytes(2, "big")) + opt(2, bytes.fromhex("81f409c4")) +
             opt(19, (1).to_bytes(4, "big")) + opt(20, bytes.fromhex("12345678")) +
             opt(21, bytes([1, 60, 0, 0])) + opt(21, bytes([1, 0, 0x12, 0x34])) + opt(22, b"") +
             opt(24, ucast([10, 0, 0, 9]) + ucast([10, 0, 0, 10])) +
             opt(65001, ucast([10, 0, 0, 11])) + opt(18, b"") + opt(99, b"xyz"))
    inner = bytes(IP(src="10.9.9.9", dst="239.1.1.1", proto=17) / UDP(sport=5000, dport=6000) /
                  Raw(b"data"))
    jp = (ucast([10, 0, 0, 2]) + bytes([0, 2]) + (210).to_bytes(2, "big") +
          grp([239, 1, 1, 1]) + (2).to_bytes(2, "big") + (1).to_bytes(2, "big") +
          src([10, 9, 9, 9]) + src([10, 9, 9, 8], 24, 7) + src([10, 9, 9, 7], 32, 0x0c) +
          grp([239, 2, 0, 0], 16, 0x80) + (0).to_bytes(2, "big") + (0).to_bytes(2, "big"))
    bsr = ((0x1234).to_bytes(2, "big") + bytes([30, 100]) + ucast([10, 0, 0, 1]) +
           grp([224, 0, 0, 0], 4) + bytes([2, 2, 0, 0]) + ucast([10, 0, 0, 3]) +
           (150).to_bytes(2, "big") + bytes([5, 0]) + ucast([10, 0, 0, 4]) +
           (150).to_bytes(2, "big") + bytes([6, 0]))
    p = [
        e / Raw(msg(0, hello)),
        e / Raw(msg(0, opt(1, (0xffff).to_bytes(2, "big")), ck=False)),
        e / Raw(msg(0, opt(1, bytes(3)))),
        e / Raw(msg(0, opt(2, bytes(2)))),
        e / Raw(msg(0, opt(19, bytes(2)))),
        e / Raw(msg(0, opt(20, bytes(2)))),
        e / Raw(msg(0, opt(21, bytes(2)))),
        e / Raw(msg(0, opt(1, bytes(2)) + b"\0\1")),
        e / Raw(msg(0, opt(1, bytes(8)))[:-4]),
        e / Raw(msg(1, bytes(4) + inner, sum_len=8)),
        e / Raw(msg(1, bytes.fromhex("40000000") + inner)),
        e / Raw(msg(1, bytes.fromhex("80000000") + bytes(IPv6(src="2001:db8::1",
                                                              dst="ff0e::1") /
                                                         UDP(sport=7, dport=9)))),
        e / Raw(msg(1, bytes(4) + bytes([0] * 12) + bytes([10, 1, 1, 1, 239, 1, 1, 1]))),
        e / Raw(msg(1, bytes(4) + bytes([0x50]) + bytes(19))),
        e / Raw(msg(1, bytes(4))),
        e / Raw(msg(1, bytes(4) + inner)[:-2] + b"\1\2"),
        e / Raw(msg(2, grp([239, 1, 1, 1]) + ucast([10, 9, 9, 9]))),
        e / Raw(msg(3, jp)),
        e / Raw(msg(6, jp)),
        e / Raw(msg(7, jp[6:])),
        e / Raw(msg(3, ucast([10, 0, 0, 2]) + bytes([0, 1, 0xff, 0xff]) + grp([239, 1, 1, 1]) +
                    bytes([0, 3, 0, 0]) + src([1, 1, 1, 1]))),
        e / Raw(msg(3, bytes([9, 0, 1, 2, 3, 4]))),
        e / Raw(msg(4, bsr)),
        e / Raw(msg(5, grp([239, 1, 1, 1]) + ucast([10, 9, 9, 9]) +
                    bytes.fromhex("8000006400000010"))),
        e / Raw(msg(5, grp([239, 1, 1, 1]) + ucast([10, 9, 9, 9]) + bytes.fromhex("00000064"))),
        e / Raw(msg(8, bytes([2, 5]) + (75).to_bytes(2, "big") + ucast([10, 0, 0, 1]) +
                    grp([239, 0, 0, 0], 8) + grp([238, 0, 0, 0], 8))),
        e / Raw(msg(9, ucast([10, 9, 9, 9]) + grp([239, 1, 1, 1]) + ucast([10, 0, 0, 1]) +
                    (60).to_bytes(2, "big"))),
        e / Raw(msg(10, bytes(12))),
        e / Raw(msg(10, ucast([10, 0, 0, 1]) + bytes.fromhex("0000000a00000014"), rsv=0x10)),
        e / Raw(msg(10, ucast([10, 0, 0, 1]) + bytes.fromhex("0000000a00000014"), rsv=0x20)),
        e / Raw(msg(10, ucast([10, 0, 0, 1]) + bytes.fromhex("0000000a00000014") +
                    ucast([10, 0, 0, 2]) + bytes.fromhex("0000000b0000001e0064"), rsv=0x30)),
        e / Raw(msg(10, ucast([10, 0, 0, 1]) + bytes.fromhex("0000000a00000014") +
                    ucast([10, 0, 0, 2]) + bytes.fromhex("0000000b0000001e"), rsv=0x40)),
        e / Raw(msg(10, ucast([10, 0, 0, 1]) + bytes.fromhex("0000000a"), rsv=0x10)),
        e / Raw(msg(11, bytes(12))),
        e / Raw(msg(12, bytes(4))),
        e / Raw(msg(0, opt(24, bytes([4, 4, 10, 0, 0, 1])), rsv=4)),
        e / Raw(msg(2, bytes([10, 0, 0, 1, 10, 0, 0, 2]), rsv=4)),
        e / Raw(msg(2, bytes([10, 0, 0, 1, 10, 0, 0, 2]), rsv=5)),
        e / Raw(msg(2, bytes([7, 0, 0, 0, 10, 0, 0, 2]))),
        e / Raw(msg(0, b"", ck=False)[:2]),
        e / Raw(msg(0, b"", ck=False)[:3]),
        e / Raw(msg(0, b"")),
        e / Raw(msg(3, b"", ver=1)),
        e / Raw(msg(3, b"", ver=3)),
        e / Raw(bytes([0x20, 0, 0x12, 0x34, 0, 1, 0, 2, 0x11, 0x22])),
    ]
    # IPv6 (pseudo-header checksum; left unverified here) and IPv6 addresses.
    u6 = bytes([2, 0]) + bytes.fromhex("20010db8000000000000000000000009")
    g6 = bytes([2, 0, 0, 128]) + bytes.fromhex("ff0e0000000000000000000000000001")
    s6 = bytes([2, 0, 4, 64]) + bytes.fromhex("20010db8000000000000000000000000")
    p.append(e6 / Raw(msg(0, opt(1, (105).to_bytes(2, "big")) + opt(24, u6), ck=False)))
    p.append(e6 / Raw(msg(3, u6 + bytes([0, 1, 0, 210]) + g6 + bytes([0, 1, 0, 0]) + s6,
                          ck=False)))
    p.append(e6 / Raw(msg(3, u6 + bytes([0, 1, 0, 210]) + g6 + bytes([0, 1, 0, 0]) + s6)))
    # A correct IPv6 checksum (pseudo-header included).
    body = msg(0, opt(1, (105).to_bytes(2, "big")), ck=False)
    src6 = bytes.fromhex("fe800000000000000000000000000001")
    dst6 = bytes.fromhex("ff02000000000000000000000000000d")
    pseudo = src6 + dst6 + len(body).to_bytes(4, "big") + bytes([0, 0, 0, 103])
    ck = inet_sum(pseudo + body)
    p.append(e6 / Raw(body[:2] + ck.to_bytes(2, "big") + body[4:]))
    return p


def igmp():
    e = Ether(src="02:00:00:00:00:01", dst="01:00:5e:00:00:01")

    def ip4(dst="224.0.0.1", ra=True):
        opts = [IPOption(b"\x94\x04\x00\x00")] if ra else []
        return IP(src=A, dst=dst, ttl=1, proto=2, options=opts)

    def msg(t, code, rest, fix=True):
        b = bytes([t, code, 0, 0]) + rest
        if fix:
            c = inet_sum(b)
            b = b[:2] + c.to_bytes(2, "big") + b[4:]
        return b

    g = bytes([239, 1, 2, 3])
    q3 = lambda mrc, qqic, srcs, s_qrv=0x02, grp=bytes(4): msg(  # noqa: E731
        0x11, mrc, grp + bytes([s_qrv, qqic]) + len(srcs).to_bytes(2, "big") +
        b"".join(bytes(x) for x in srcs))

    def rec(rt, grp, srcs, aux=b""):
        return bytes([rt, len(aux) // 4]) + len(srcs).to_bytes(2, "big") + bytes(grp) + \
            b"".join(bytes(x) for x in srcs) + aux

    def r3(*recs, n=None):
        k = len(recs) if n is None else n
        return msg(0x22, 0, bytes(2) + k.to_bytes(2, "big") + b"".join(recs))

    p = [
        msg(0x11, 100, bytes(4)),
        msg(0x11, 0, bytes(4)),
        msg(0x11, 50, g),
        msg(0x11, 100, g + b"\0\0"),
        q3(100, 125, []),
        q3(20, 60, [], grp=g),
        q3(0x8f, 0x90, [[10, 0, 0, 1], [10, 0, 0, 2]], grp=g),
        q3(0xff, 0xff, [[10, 0, 0, 1]], s_qrv=0x0f, grp=g),
        q3(100, 125, [[10, 0, 0, 1]] * 3, grp=g)[:-4],
        msg(0x12, 0, g),
        msg(0x12, 0, g + b"\0\0\0\0"),
        msg(0x16, 0, g),
        msg(0x16, 5, g + b"xx"),
        msg(0x17, 0, g),
        r3(rec(1, g, [[10, 0, 0, 1]]), rec(2, g, []), rec(3, g, [[1, 1, 1, 1], [2, 2, 2, 2]]),
           rec(4, g, []), rec(5, g, [[3, 3, 3, 3]]), rec(6, g, [[4, 4, 4, 4]]),
           rec(9, g, []), rec(1, g, [], b"auxd")),
        r3(rec(1, g, [[10, 0, 0, 1]]), n=3),
        r3(rec(1, g, [[10, 0, 0, 1]] * 2)[:-4]),
        r3(),
        msg(0x13, 0, bytes(4)),
        msg(0x13, 1, bytes([0, 0, 0, 3])),
        msg(0x13, 2, bytes([0, 0, 3, 0xff])),
        msg(0x13, 5, bytes(4)),
        msg(0x13, 7, bytes(4) + bytes([10, 0, 0, 5, 239, 1, 1, 1, 255, 255, 0, 0])),
        msg(0x13, 8, bytes(4)),
        msg(0x14, 0, bytes([0x10, 0, 0, 0, 0x20, 0, 0, 105])),
        msg(0x14, 2, bytes([0x10, 0, 0, 0]) + bytes([10, 0, 0, 1, 239, 1, 1, 1])),
        msg(0x14, 9, bytes([0x20, 0, 0, 0])),
        # DVMRP bodies.
        msg(0x13, 1, bytes(4) + bytes([0, 0, 0, 7, 10, 0, 0, 2, 10, 0, 0, 3])),
        msg(0x13, 1, bytes(4) + bytes([0, 0, 0, 7, 10, 0])),
        msg(0x13, 2, bytes(4) + bytes([255, 0, 0, 10, 3, 0x05, 0x80]) +
            bytes([255, 255, 0, 10, 1, 1, 0x81]) + bytes([255, 255, 255, 10, 1, 2, 3, 0x82]) +
            bytes([255, 255, 255, 10, 1, 2])),
        msg(0x13, 2, bytes(4) + bytes([0, 0, 0, 10, 0x05, 0x01, 0x80, 7])),
        msg(0x13, 2, bytes(4) + bytes([255, 0])),
        msg(0x13, 4, bytes(4) + bytes([10, 0, 0, 1, 3, 4, 2, 10, 0, 0, 2, 10, 0, 0, 3]) +
            bytes([10, 0, 0, 9, 1, 1, 1, 10])),
        msg(0x13, 4, bytes(4) + bytes([10, 0, 0, 1, 3])),
        msg(0x13, 6, bytes([0, 0, 0xff, 3]) + bytes([10, 0, 0, 1, 3, 4, 0x73, 2, 10, 0, 0, 2,
                                                    10, 0, 0, 3, 10, 0, 0, 4, 1, 1, 0, 3,
                                                    10, 0, 0, 5])),
        msg(0x13, 6, bytes([0, 0, 0xff, 3]) + bytes([10, 0, 0, 1, 3, 4, 0, 0, 1])),
        msg(0x13, 9, bytes(4) + bytes([10, 0, 0, 5, 239, 1, 1, 1])),
        # PIMv1 bodies.
        msg(0x14, 0, bytes([0x10, 0, 0, 0, 0x10, 0, 0, 105])),
        msg(0x14, 0, bytes([0x10, 0, 0, 0, 0x30, 0])),
        msg(0x14, 0, bytes([0x10, 0, 0])),
        msg(0x14, 1, bytes([0x10, 0, 0, 0]) + bytes(bytes(IP(src="10.5.5.5",
                                                                          dst="239.9.9.9"))) +
            b"payload"),
        msg(0x14, 1, bytes([0x10, 0, 0, 0]) + bytes(10)),
        msg(0x14, 3, bytes([0x10, 0, 0, 0]) +
            bytes([10, 0, 0, 1, 0, 0, 0, 180, 0, 0, 0, 1, 239, 1, 1, 1, 255, 255, 255, 255,
                   0, 1, 0, 0, 1, 0x88, 10, 9, 9, 9])),
        msg(0x14, 3, bytes([0x10, 0, 0, 0]) +
            bytes([10, 0, 0, 1, 0, 0, 0, 100, 0, 0, 0, 1, 239, 1, 1, 1, 255, 255, 0, 0,
                   0, 0, 0, 1, 0, 0x60, 10, 9, 9, 9])),
        msg(0x14, 6, bytes([0x20, 0, 0, 0]) +
            bytes([10, 0, 0, 1, 0, 0, 0, 100, 0, 0, 0, 2, 239, 1, 1, 1, 255, 255, 255, 255,
                   0, 1, 0, 1, 1, 0xc8, 10, 9, 9, 9, 0, 0x20, 10, 9, 9, 8,
                   239, 2, 2, 2, 255, 255, 0, 0, 0, 0, 0, 0])),
        msg(0x14, 7, bytes([0x10, 0, 0, 0]) +
            bytes([10, 0, 0, 1, 0, 0, 0, 100, 0, 0, 0, 1, 239, 1, 1, 1, 255, 255, 255, 255,
                   0, 2, 0, 0, 1, 0x88, 10, 9])),
        msg(0x14, 3, bytes([0x10, 0, 0, 0]) + bytes([10, 0])),
        msg(0x14, 3, bytes([0x10, 0, 0, 0])),
        msg(0x14, 4, bytes([0x10, 0, 0, 0, 239, 1, 1, 1, 255, 255, 0, 0, 10, 0, 0,
                                       1, 0, 0, 0, 90])),
        msg(0x14, 5, bytes([0x10, 0, 0, 0, 239, 1, 1, 1, 255, 255, 255, 0, 10, 0,
                                       0, 9, 0x80, 0, 0, 10, 0, 0, 0, 20])),
        msg(0x1e, 5, g + bytes([10, 0, 0, 9, 10, 0, 0, 1, 10, 0, 0, 7, 0x40, 0, 0, 9])),
        msg(0x1f, 5, g + bytes([10, 0, 0, 9, 10, 0, 0, 1, 10, 0, 0, 7, 0x40, 0, 0, 9]) +
            bytes(32)),
        msg(0x1e, 5, g + bytes(8)),
        msg(0x99, 0, g),
        msg(0x11, 100, bytes(4), fix=False),
        msg(0x16, 0, g, fix=False),
        msg(0x22, 0, bytes(2) + bytes([0, 1]) + rec(1, g, []), fix=False),
        bytes([0x11]),
        bytes([0x11, 100, 0, 0, 0, 0]),
        bytes([0x22, 0, 0, 0, 0, 0]),
    ]
    out = [e / ip4() / Raw(b) for b in p]
    out.append(e / ip4(ra=False) / Raw(msg(0x16, 0, g)))
    return out


def ber_len(n):
    if n < 128:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(t, v):
    return bytes([t]) + ber_len(len(v)) + v


def ber_int(v):
    n = 1
    while not -(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1)):
        n += 1
    return tlv(2, v.to_bytes(n, "big", signed=True))


def ber_oid(text):
    comps = [int(x) for x in text.split(".")]
    out = bytearray()
    for i, c in enumerate([comps[0] * 40 + comps[1]] + comps[2:]):
        parts = [c & 0x7f]
        c >>= 7
        while c:
            parts.append(0x80 | (c & 0x7f))
            c >>= 7
        out += bytes(reversed(parts))
    return tlv(6, bytes(out))


def snmp():
    e = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src=A, dst=B)
    null = b"\x05\x00"

    def vb(oid, val=null):
        return tlv(0x30, ber_oid(oid) + val)

    def vbl(*vbs):
        return tlv(0x30, b"".join(vbs))

    def pdu(tag, reqid, err, idx, vbs):
        return tlv(tag, ber_int(reqid) + ber_int(err) + ber_int(idx) + vbs)

    def msg(version, community, body):
        return tlv(0x30, ber_int(version) + tlv(4, community) + body)

    def q(payload, dport=161, sport=40000):
        return e / UDP(sport=sport, dport=dport) / Raw(payload)

    sysdescr = "1.3.6.1.2.1.1.1.0"
    values = [
        tlv(4, b"Linux box"), tlv(4, b"\x00\x01\xff"), tlv(4, b""), ber_int(-72), ber_int(0),
        ber_int(2 ** 31 - 1), tlv(0x40, bytes([10, 0, 0, 1])), tlv(0x40, bytes([10, 0, 0])),
        tlv(0x41, (99).to_bytes(2, "big")), tlv(0x42, (5).to_bytes(1, "big")),
        tlv(0x43, (12345).to_bytes(3, "big")), tlv(0x46, (2 ** 40 + 3).to_bytes(6, "big")),
        tlv(0x44, b"\x01\x02"), tlv(0x45, b"\x07"), tlv(0x80, b""), tlv(0x81, b""),
        tlv(0x82, b""), tlv(0x83, b""), ber_oid("1.3.6.1.4.1.8072.3.2.10"),
        tlv(0x30, b""), tlv(0x01, b"\x01"), tlv(0x03, b"\x00\x01"), tlv(0xc0, b"\x09"),
        tlv(0x61, b"\x01"), tlv(0xe0, b"\x02"), tlv(0x31, b""),
    ]
    resp = vbl(*[vb("1.3.6.1.2.1.1.%d.0" % (i + 1), v) for i, v in enumerate(values)])
    oids = ["1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.2.1.10.7", "1.3.6.1.2.1.4.20.1.1.10.0.0.1",
            "1.3.6.1.4.1.9.9.13.1", "1.3.6.1.4.1.2021.4.5.0", "1.3.6.1.3.94.1", "1.3.6.1.6.3.15.1.1.4.0",
            "1.3.6.1.6.3.1.1.5.3", "1.3.6.1.5.5.7", "1.3.6.1.2", "1.3.6.1.2.1", "1.3.6.1.4.1",
            "1.3.6.1", "1.3", "0.0", "2.5.4.3", "2.999.1", "1.3.6.1.2.1.300.1", "1.3.6.1.2.1.1.1.4294967295",
            "1.3.6.1.2.1.25.1.1.0", "1.3.6.1.2.1.31.1.1.1.6.2", "1.3.6.1.2.1.10.7.2.1.19"]
    p = [
        msg(0, b"public", pdu(0xa0, 1, 0, 0, vbl(vb(sysdescr), *[vb(o) for o in oids]))),
        msg(1, b"public", pdu(0xa2, 1, 0, 0, resp)),
        msg(0, b"private", pdu(0xa1, 2, 0, 0, vbl(vb("1.3.6.1.2.1")))),
        msg(0, b"s\x01cret", pdu(0xa3, 3, 0, 0, vbl(vb("1.3.6.1.2.1.1.4.0", tlv(4, b"me"))))),
        msg(1, b"public", pdu(0xa5, 4, 0, 10, vbl(vb("1.3.6.1.2.1.2")))),
        msg(1, b"public", pdu(0xa6, 5, 0, 0, vbl(vb("1.3.6.1.2.1.1.3.0", tlv(0x43, b"\x05"))))),
        msg(1, b"public", pdu(0xa7, 6, 0, 0, vbl(vb("1.3.6.1.2.1.1.3.0", tlv(0x43, b"\x05")),
                                                 vb("1.3.6.1.6.3.1.1.4.1.0",
                                                    ber_oid("1.3.6.1.6.3.1.1.5.3"))))),
        msg(1, b"public", pdu(0xa8, 7, 0, 0, vbl(vb("1.3.6.1.6.3.15.1.1.4.0",
                                                    tlv(0x41, b"\x03"))))),
        msg(0, b"public", pdu(0xa2, 8, 2, 1, vbl(vb(sysdescr)))),
        msg(0, b"public", pdu(0xa2, 8, 5, 0, vbl(vb(sysdescr)))),
        msg(0, b"public", pdu(0xa2, 8, 0, 3, vbl(vb(sysdescr)))),
        msg(0, b"public", pdu(0xa2, 8, 40, 1, vbl(vb(sysdescr)))),
        msg(0, b"public", pdu(0xa2, 8, -1, 1, vbl(vb(sysdescr)))),
        msg(0, b"public", pdu(0xa0, 9, 3, 2, vbl(vb(sysdescr, ber_int(1))))),
        msg(1, b"public", pdu(0xa7, 9, 99, 2, vbl())),
        msg(0, b"public", tlv(0xa4, ber_oid("1.3.6.1.4.1.9") + tlv(0x40, bytes([10, 0, 0, 1])) +
                              ber_int(6) + ber_int(3) + tlv(0x43, b"\x64") +
                              vbl(vb(sysdescr, tlv(4, b"x"))))),
        msg(0, b"public", tlv(0xa4, ber_oid("1.3.6.1.4.1.9") + tlv(0x40, bytes([10, 0, 0, 1])) +
                              ber_int(2) + ber_int(3) + tlv(0x43, b"\x64") + vbl())),
        msg(0, b"public", tlv(0xa4, ber_oid("1.3.6.1.4.1.9") + tlv(0x40, bytes([10, 0, 0, 1])) +
                              ber_int(9) + ber_int(0) + tlv(0x43, b"\x64") + vbl())),
        msg(0, b"public", tlv(0xa4, ber_int(1))),
        msg(0, b"public", tlv(0xa4, ber_oid("1.3.6.1.4.1.9") + ber_int(1))),
        msg(0, b"public", tlv(0xa4, ber_oid("1.3.6.1.4.1.9") + tlv(0x40, bytes(4)) + tlv(4, b""))),
        msg(0, b"public", tlv(0xa4, ber_oid("1.3.6.1.4.1.9") + tlv(0x40, bytes(4)) + ber_int(0) +
                              tlv(4, b""))),
        msg(0, b"public", tlv(0xa4, ber_oid("1.3.6.1.4.1.9") + tlv(0x40, bytes(4)) + ber_int(0) +
                              ber_int(0) + ber_int(5))),
        msg(1, b"public", tlv(0xa4, b"")),
        msg(0, b"public", pdu(0xa5, 1, 0, 0, vbl())),
        msg(0, b"public", pdu(0xa8, 1, 0, 0, vbl())),
        msg(0, b"public", pdu(0xa0, 1, 0, 0, vbl()) + b"\x00\x00"),
        msg(0, b"public", pdu(0xa0, 1, 0, 0, vbl() + b"\x05\x00")),
        msg(0, b"public", pdu(0xa0, 1, 0, 0, tlv(4, b"x"))),
        msg(0, b"public", pdu(0xa0, 1, 0, 0, vbl(tlv(4, b"x")))),
        msg(0, b"public", pdu(0xa0, 1, 0, 0, vbl(tlv(0x30, ber_int(3) + null)))),
        msg(0, b"public", tlv(0xa0, tlv(4, b"x"))),
        msg(0, b"public", tlv(0xa0, ber_int(1) + tlv(4, b"x"))),
        msg(0, b"public", tlv(0xa0, ber_int(1) + ber_int(0) + tlv(4, b"x"))),
        msg(0, b"public", tlv(0x30, b"")),
        msg(0, b"public", b""),
        msg(5, b"public", b""),
        tlv(0x30, tlv(4, b"x")),
        tlv(0x30, ber_int(0) + ber_int(1)),
        tlv(4, b"x"),
        tlv(0x30, ber_int(0) + tlv(4, b"public")) + b"\x01\x02",
        b"",
        b"\x30",
        b"\x30\x84\x00\x00\x00\x03\x02\x01\x00",
        b"\x30\x82\x00",
        b"\x30\x05\x02\x01",
        b"\x30\x03\x02\x00",
        b"\x3f\x81\x05\x00",
        b"\x3f\x81",
        b"\x1f\x00\x00",
        b"\x7f\x20\x00",
        b"\xa9\x00",
        b"\x30\x03\x02\x01\x00\x00",
    ]
    # SNMPv3: header, USM parameters, scoped PDU; then malformed variants.
    usm = tlv(0x30, tlv(4, bytes.fromhex("80001f8880")) + ber_int(3) + ber_int(1234) +
              tlv(4, b"alice") + tlv(4, bytes(12)) + tlv(4, b""))
    scoped = tlv(0x30, tlv(4, bytes.fromhex("80001f8880")) + tlv(4, b"") +
                 pdu(0xa0, 11, 0, 0, vbl(vb(sysdescr))))
    header = lambda flags, model=3: tlv(0x30, ber_int(1) + ber_int(65507) +  # noqa: E731
                                        tlv(4, bytes([flags])) + ber_int(model))
    p += [
        tlv(0x30, ber_int(3) + header(4) + tlv(4, usm) + scoped),
        tlv(0x30, ber_int(3) + header(7) + tlv(4, usm) + tlv(4, b"encrypted")),
        tlv(0x30, ber_int(3) + header(2) + tlv(4, usm) + scoped),
        tlv(0x30, ber_int(3) + header(4, 2) + tlv(4, usm) + scoped),
        tlv(0x30, ber_int(3) + tlv(0x30, ber_int(1) + ber_int(1) + tlv(4, b"\x00\x00")) + scoped),
        tlv(0x30, ber_int(3) + tlv(4, b"x")),
        tlv(0x30, ber_int(3) + header(4) + tlv(4, tlv(4, b"x")) + scoped),
        tlv(0x30, ber_int(3) + header(4) + tlv(4, usm) + tlv(4, b"x")),
        tlv(0x30, ber_int(3) + header(4) + ber_int(5)),
    ]
    out = [q(x) for x in p]
    out.append(q(p[0], dport=162))
    out.append(q(p[0], sport=161, dport=53))
    out.append(q(p[0], sport=5353, dport=161))
    return out


def rsvp():
    e = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src=A, dst=B, proto=46)
    e6 = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IPv6(
        src="fd00::1", dst="fd00::2", nh=46)

    def obj(cls, ct, body):
        return (4 + len(body)).to_bytes(2, "big") + bytes([cls, ct]) + body

    def msg(t, objs, flags=1, ttl=64, length=None, ver=1):
        body = b"".join(objs)
        n = 8 + len(body) if length is None else length
        return bytes([(ver << 4) | flags, t, 0x12, 0x34, ttl, 0]) + n.to_bytes(2, "big") + body

    a4 = bytes([10, 0, 0, 2])
    a6 = bytes.fromhex("fd000000000000000000000000000002")
    path = [
        obj(1, 7, a4 + bytes([0, 0, 0, 5]) + bytes([10, 0, 0, 1])),
        obj(3, 1, bytes([10, 0, 0, 1, 0, 0, 0, 7])),
        obj(5, 1, (30000).to_bytes(4, "big")),
        obj(19, 1, bytes([0, 0, 8, 0])),
        obj(207, 7, bytes([7, 7, 0x06, 6]) + b"tunnel" + b"\0\0"),
        obj(11, 7, bytes([10, 0, 0, 1, 0, 0, 0, 1])),
        obj(12, 2, bytes.fromhex("000000070100000600000000") + bytes.fromhex("7f000005")
            + struct.pack(">fffII", 125000.0, 1000.0, 1.5e9, 64, 1500)),
        obj(9, 2, bytes.fromhex("0000000a0200000900000000") + bytes.fromhex("7f000005")
            + struct.pack(">fffII", 3.3e-7, 0.1, float("inf"), 64, 1500)
            + bytes.fromhex("82000002") + struct.pack(">fI", 2.5e20, 7)),
        obj(13, 2, bytes.fromhex("0000001301000012") + bytes.fromhex("04000001") + bytes(4) +
            bytes.fromhex("06000001") + struct.pack(">f", 1e6) +
            bytes.fromhex("08000001ffffffff") + bytes.fromhex("0a00000100000500") +
            bytes.fromhex("8500000100000001") + bytes.fromhex("63000001") + b"abcd" +
            bytes.fromhex("0400000200000001") + bytes.fromhex("0500000000000000")),
        obj(13, 2, bytes.fromhex("0000000f0100000f") + bytes.fromhex("7f000009")),
        obj(20, 1, bytes.fromhex("0108") + a4 + bytes([32, 0]) + bytes.fromhex("8108") + a4 +
            bytes([32, 0x0b])),
        obj(21, 1, bytes.fromhex("0308010100000010") + bytes.fromhex("0308000100000011") +
            bytes.fromhex("2004fde8")),
        obj(19, 1, bytes([0, 0, 0x86, 0xdd, 0, 0, 0x12, 0x34])),
    ]
    resv = [
        obj(1, 1, a4 + bytes([17, 0x01, 0x13, 0x88])),
        obj(1, 2, a6 + bytes([6, 0, 0, 80])),
        obj(3, 2, a6 + bytes([0, 0, 0, 9])),
        obj(3, 1, bytes([10, 0, 0, 1, 0, 0, 0, 7]) + bytes(4)),
        obj(8, 1, bytes([0, 0, 0, 10])),
        obj(8, 1, bytes([0, 0, 0, 18])),
        obj(8, 1, bytes([3, 0, 0, 99])),
        obj(10, 1, bytes([10, 0, 0, 1, 0, 0, 0x13, 0x89])),
        obj(10, 2, a6 + bytes([0, 0, 0, 22])),
        obj(10, 7, bytes([10, 0, 0, 1, 0, 0, 0, 3])),
        obj(11, 1, bytes([10, 0, 0, 1, 0, 0, 0x13, 0x89])),
        obj(11, 2, a6 + bytes([0, 0, 0, 21])),
        obj(16, 1, (3).to_bytes(4, "big") + (16).to_bytes(4, "big")),
        obj(16, 2, (77).to_bytes(4, "big")),
        obj(16, 3, (1).to_bytes(4, "big") + (2).to_bytes(4, "big") + (3).to_bytes(4, "big")),
        obj(129, 1, (5).to_bytes(4, "big")),
        obj(35, 2, (6).to_bytes(4, "big")),
        obj(34, 1, (7).to_bytes(4, "big")),
        obj(15, 1, a4),
        obj(15, 2, a6),
        obj(195, 1, a4),
        obj(195, 2, a6),
        obj(22, 1, bytes.fromhex("0000000100000002")),
        obj(22, 2, bytes.fromhex("0000000300000004")),
        obj(131, 1, (1000).to_bytes(4, "big") + (2000).to_bytes(4, "big")),
        obj(134, 1, (5).to_bytes(4, "big")),
        obj(134, 1, (0x105).to_bytes(4, "big")),
        obj(207, 7, bytes([1, 2, 0, 3]) + b"a\x01b" + b"\0"),
        obj(5, 9, bytes(4)),
        obj(7, 1, bytes(8)),
        obj(99, 1, bytes(4)),
        obj(200, 1, bytes(4)),
        obj(0xc5, 1, bytes(4)),
        obj(6, 1, a4 + bytes([1, 24, 0, 5])),
        obj(6, 1, a4 + bytes([0, 28, 0, 3])),
        obj(6, 3, a4 + bytes([0, 125, 0, 99])),
        obj(6, 1, a4 + bytes([0, 1, 0, 2])),
        obj(6, 2, a6 + bytes([0, 24, 0, 2])),
        obj(6, 4, a6 + bytes([0, 28, 0, 2])),
        obj(23, 1, bytes([1, 0, 0, 9]) + (77).to_bytes(4, "big")),
        obj(24, 1, bytes([0, 0, 1, 0]) + (0xdeadbeef).to_bytes(4, "big") + (5).to_bytes(4, "big")),
        obj(25, 2, bytes([0, 0, 0, 1])),
        obj(63, 7, a4 + bytes([10, 0, 0, 9]) + a4),
        obj(66, 1, bytes([0, 0, 0, 0x0b])),
        obj(125, 1, bytes([0, 0, 0, 3])),
        obj(196, 1, bytes([0x80, 0, 0, 0x07])),
        obj(196, 1, bytes(4)),
        obj(36, 1, bytes([0, 0, 0, 0x42]) + (1).to_bytes(4, "big") + (2).to_bytes(4, "big")),
        obj(36, 1, bytes([2, 0, 0, 0x02]) + (10).to_bytes(4, "big") + (20).to_bytes(4, "big")),
        obj(50, 1, a4),
        obj(50, 2, a6),
        obj(229, 1, bytes([0, 8, 1, 1]) + a4 + bytes([0, 20, 2, 2]) + a6 +
            bytes([0, 8, 1, 3, 1, 2, 3, 4]) + bytes([0, 8, 1, 25, 1, 2, 3, 4]) +
            bytes([0, 4, 3, 0]) + bytes([0, 16, 4, 0, 0x80, 0, 0, 0x12, 0, 0, 0, 5, 0, 0, 0, 6]) +
            bytes([0, 8, 5, 0, 7, 0, 0, 0])),
        obj(229, 1, bytes([0, 8, 3, 0]) + bytes(4)),
        obj(229, 1, bytes([0, 8, 9, 196]) + bytes(4)),
        obj(4, 1, bytes([0x80, 0]) + bytes(range(1, 31))),
        obj(4, 1, bytes([0x00, 0]) + bytes(range(1, 31)) + bytes(4)),
        obj(1, 8, a6 + bytes([0, 0, 0, 9]) + a6),
        obj(1, 14, bytes([0, 0, 0, 5, 0, 0, 0, 6]) + a6 + bytes(2)),
        obj(1, 13, a4 + bytes([0, 0, 0, 6]) + a4),
        obj(11, 13, a6 + bytes([0, 0, 0, 3]) + a6 + bytes([0, 0, 0, 4])),
        obj(10, 12, a4 + bytes([0, 0, 0, 3]) + a4 + bytes([0, 0, 0, 4])),
        obj(10, 3, a6 + bytes([0, 0x0a, 0xbc, 0xde])),
        obj(10, 8, a6 + bytes([0, 0, 0, 7])),
        obj(19, 2, bytes([0, 0, 0x08, 0x00, 0x80, 0x01, 0x00, 0x20, 0x00, 0x02, 0x0f, 0xff])),
        obj(19, 3, bytes([0, 0, 0x08, 0x00, 0x01, 0x00, 0x00, 0x10, 0x00, 0x7f, 0xff, 0xff])),
        obj(19, 3, bytes([0, 0, 0x12, 0x34, 0x00, 0x00, 0x00, 0x10, 0x00, 0x7f, 0xff, 0xff])),
        obj(19, 4, bytes([2, 51, 0, 33])),
        obj(19, 4, bytes([99, 9, 0, 200])),
        obj(205, 1, bytes([7, 7, 16, 0]) + struct.pack(">f", 1.25e7) + bytes.fromhex("000000010000000200000003")),
        obj(205, 7, bytes([1, 2, 3, 0]) + struct.pack(">f", 3.3) + bytes.fromhex("0000000a0000000b")),
        obj(204, 1, bytes([0, 2, 0, 2]) + bytes([1, 3, 9, 2, 4, 0xaa, 0xbb, 0xcc, 0, 0])),
        obj(204, 1, bytes([0, 1, 0, 0]) + bytes([8, 1, 0, 0])),
    ]
    p = [
        e / Raw(msg(1, path)),
        e / Raw(msg(2, resv)),
        e / Raw(msg(20, [obj(22, 1, bytes.fromhex("0000000100000000"))], flags=0)),
    ]
    for t in [3, 4, 5, 6, 7, 8, 13, 14, 15, 99]:
        p.append(e / Raw(msg(t, [obj(1, 1, a4 + bytes([17, 0, 0, 1]))])))
    p += [
        e / Raw(msg(12, [msg(1, [obj(1, 1, a4 + bytes([17, 0, 0, 1]))]),
                         msg(2, [obj(5, 1, bytes(4))])])),
        e / Raw(msg(12, [msg(1, [obj(1, 1, a4 + bytes([17, 0, 0, 1]))], length=40)])),
        e / Raw(msg(12, [msg(1, [], length=4)])),
        e / Raw(msg(12, [msg(1, [], ver=2)])),
        e / Raw(msg(1, [], length=4)),
        e / Raw(msg(1, [], ver=2)),
        e / Raw(msg(1, [obj(1, 1, a4)])),
        e / Raw(msg(1, [bytes([0, 6, 1, 1, 0, 0])])),
        e / Raw(msg(1, [bytes([0, 2, 1, 1])])),
        e / Raw(msg(1, [bytes([0, 40, 1, 1]) + bytes(4)])),
        e / Raw(msg(1, [obj(207, 7, bytes([1, 2, 0, 9]) + b"ab")])),
        e / Raw(msg(1, [obj(3, 1, bytes(4))])),
        e / Raw(msg(1, [obj(5, 1, b"")])),
        e / Raw(msg(1, [obj(1, 1, a4 + bytes(4))] + [bytes(3)])),
        e6 / Raw(msg(2, resv[:3])),
        e / Raw(msg(1, [obj(20, 1, bytes.fromhex("0107") + a4 + bytes([32]))])),
        e / Raw(msg(3, [obj(6, 1, a4)])),
        e / Raw(msg(1, [obj(229, 1, bytes([0, 6, 1, 1]) + bytes(2))])),
        e / Raw(msg(1, [obj(229, 1, bytes([0, 8, 1, 2]) + bytes(4))])),
        e / Raw(msg(1, [obj(229, 1, bytes([0, 8, 4, 0]) + bytes(4))])),
        e / Raw(msg(1, [obj(229, 1, bytes([0, 4, 5, 0]))])),
        e / Raw(msg(1, [obj(229, 1, bytes([0, 2, 5, 0]))])),
        e / Raw(msg(1, [obj(229, 1, bytes([0, 4, 1, 1, 0, 2, 0, 0]))])),
        e / Raw(msg(1, [obj(36, 1, bytes([3, 0, 0, 1]))])),
        e / Raw(msg(1, [obj(23, 1, b"")])),
        e / Raw(msg(1, [obj(204, 1, bytes([0, 1, 0, 0]) + bytes([8, 9, 0, 0]))])),
        e / Raw(msg(1, [obj(205, 1, bytes(16))])),
        e / Raw(msg(1, [obj(20, 1, bytes.fromhex("0108") + a4 + bytes([24, 0]))])),
        e / Raw(msg(1, [obj(20, 1, bytes.fromhex("0100") + a4 + bytes([32, 0]))])),
        e / Raw(msg(1, [obj(20, 1, bytes.fromhex("010c") + a4 + bytes([32, 0]))])),
        e / Raw(msg(1, [obj(20, 1, bytes.fromhex("0304") + a4 + bytes([32, 0]))])),
        e / Raw(bytes([0x10, 1, 0, 0, 1])),
    ]
    return p


def udpsvc():
    """Syslog, LLMNR (not decoded by tcpdump 4.99) and mDNS."""
    from scapy.all import DNS, DNSQR, DNSRR
    e = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") / IP(src=A, dst=B)
    e6 = Ether(src="02:00:00:00:00:01", dst="33:33:00:01:00:03") / IPv6(src="fe80::1",
                                                                     dst="ff02::1:3")
    p = [e / UDP(sport=514, dport=514) / Raw(m) for m in [
        b"<34>Oct 11 22:14:15 mymachine su: 'su root' failed", b"<0>x", b"<191>hello\x01\xff",
        b"<999>bad", b"<13", b"13>", b"<>x", b"<1234>x", b"", b"<", b"<5",
        b"<165>1 2003-10-11T22:14:15.003Z host app - ID47 - msg"]]
    p += [
        e / UDP(sport=5355, dport=5355) / DNS(id=5, qd=DNSQR(qname="host.local", qtype="A")),
        e / UDP(sport=5355, dport=40000) / DNS(id=5, qr=1, qd=DNSQR(qname="host"),
                                               an=DNSRR(rrname="host", rdata="10.0.0.9")),
        e6 / UDP(sport=5355, dport=5355) / DNS(id=5, qd=DNSQR(qname="wpad", qtype="AAAA")),
        e / UDP(sport=5353, dport=5353) / DNS(id=0, qr=1, aa=1, an=DNSRR(
            rrname="_http._tcp.local", type="PTR", rclass=0x8001, rdata="my._http._tcp.local")),
        e / UDP(sport=5353, dport=5353) / DNS(id=0, qd=DNSQR(
            qname="_services._dns-sd._udp.local", qtype="PTR", unicastresponse=1)),
        e6 / UDP(sport=5353, dport=5353) / DNS(id=0, qd=DNSQR(qname="printer.local",
                                                              qtype="AAAA")),
        e / UDP(sport=5353, dport=5353) / Raw(b"ab"),
    ]
    return p


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/data/ipproto"
    os.makedirs(out, exist_ok=True)
    for name, gen in [("sctp", sctp), ("ospf", ospf), ("ospf6", ospf6), ("pim", pim), ("igmp", igmp), ("snmp", snmp), ("rsvp", rsvp), ("udpsvc", udpsvc)]:
        write(out, name, gen(), usec_step=1237)


if __name__ == "__main__":
    main()
