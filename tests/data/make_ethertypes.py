#!/usr/bin/env python3
"""Writes the captures of tests/print_ethertypes.rs into tests/data/ethertypes/:
Ethernet-level protocols reached by their ethertype (AoE, MACsec, Arista's
timestamp header, CFM, TIPC, GeoNetworking, CALM FAST, SPB BPDUs, and one
frame of every ethertype tcpdump names). Plain Python, no dependencies; the
output is deterministic."""

import os
import random
import struct

import pktgen

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ethertypes")
DST = bytes.fromhex("0180c2000003")
SRC = bytes.fromhex("00163e112233")
rng = random.Random(1731)


def pcap(name, frames, linktype=1):
    os.makedirs(OUT, exist_ok=True)
    pktgen.write_pcap(os.path.join(OUT, name + ".pcap"), linktype, frames, usec_step=1000)


def eth(etype, payload, dst=DST, src=SRC):
    return dst + src + struct.pack(">H", etype) + payload


def rnd(n):
    return bytes(rng.randrange(256) for _ in range(n))


def ipv4_udp(payload=b"hello"):
    return pktgen.ip4(17, pktgen.udp(1234, 5678, payload))


ARP = bytes.fromhex("0001080006040001") + SRC + bytes([10, 0, 0, 1]) + bytes(6) + bytes([10, 0, 0, 2])


# --- AoE ---------------------------------------------------------------------
def aoe_hdr(ver=1, flags=0, err=0, major=0x0102, minor=3, cmd=0, tag=0x11223344):
    return struct.pack(">BBHBBI", (ver << 4) | flags, err, major, minor, cmd, tag)


def aoe():
    f = []
    for flags in (0, 0x8, 0x4, 0xC, 0x3, 0xF):
        for err in (0, 1, 6, 7):
            f.append(eth(0x88A2, aoe_hdr(flags=flags, err=err, cmd=0) +
                         bytes([0x53, 0, 1, 0x25, 1, 2, 3, 4, 5, 6, 0, 0]) + rnd(8)))
    for af in (0, 0x40, 0x11, 0xFF, 0xA4):
        f.append(eth(0x88A2, aoe_hdr(cmd=0) + bytes([af, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 0])))
    f.append(eth(0x88A2, aoe_hdr(cmd=0) + bytes(11)))  # short issue arg
    # query config: config strings, ccmds, too long
    for ccmd in (0, 1, 2, 3, 4, 5, 0xF):
        cs = b"config \x01\xff str"
        f.append(eth(0x88A2, aoe_hdr(flags=8, cmd=1) +
                     struct.pack(">HHBBH", 16, 0x4019, 2, 0x10 | ccmd, len(cs)) + cs))
    f.append(eth(0x88A2, aoe_hdr(cmd=1) + struct.pack(">HHBBH", 1, 2, 3, 0x21, 0)))
    f.append(eth(0x88A2, aoe_hdr(cmd=1) + struct.pack(">HHBBH", 1, 2, 3, 0x21, 40) + b"short"))
    f.append(eth(0x88A2, aoe_hdr(cmd=1) + struct.pack(">HHBBH", 1, 2, 3, 0x21, 1100) + bytes(1100)))
    f.append(eth(0x88A2, aoe_hdr(cmd=1) + bytes(7)))
    # mac mask list
    for mcmd, merr, dirs in ((0, 0, []), (1, 1, [(0, SRC), (1, DST), (2, SRC), (9, DST)]),
                             (2, 3, [(1, SRC)]), (7, 9, [])):
        body = bytes([0, mcmd, merr, len(dirs)])
        for dc, a in dirs:
            body += bytes([0, dc]) + a
        f.append(eth(0x88A2, aoe_hdr(cmd=2) + body))
    f.append(eth(0x88A2, aoe_hdr(cmd=2) + bytes([0, 1, 0, 3]) + bytes(10)))  # dircount too big
    f.append(eth(0x88A2, aoe_hdr(cmd=2) + bytes(3)))
    # reserve/release
    for rcmd, macs in ((0, []), (1, [SRC]), (2, [SRC, DST, SRC]), (5, [DST])):
        f.append(eth(0x88A2, aoe_hdr(cmd=3) + bytes([rcmd, len(macs)]) + b"".join(macs)))
    f.append(eth(0x88A2, aoe_hdr(cmd=3) + bytes([1, 2]) + SRC))  # count mismatch
    f.append(eth(0x88A2, aoe_hdr(cmd=3) + bytes([1, 1]) + SRC + b"\x00"))  # not a multiple
    f.append(eth(0x88A2, aoe_hdr(cmd=3) + bytes([1])))
    f.append(eth(0x88A2, aoe_hdr(cmd=9) + rnd(6)))
    f.append(eth(0x88A2, aoe_hdr(ver=2) + rnd(6)))
    f.append(eth(0x88A2, aoe_hdr()[:9]))
    f.append(eth(0x88A2, b""))
    return f


# --- MACsec ------------------------------------------------------------------
def sectag(tci, sl=0, pn=7, sci=None):
    b = struct.pack(">BBI", tci, sl, pn)
    if sci is not None:
        b += sci
    return b


SCI = bytes.fromhex("00163e1122330001")


def macsec():
    f = []
    icv = bytes(range(16))
    inner = struct.pack(">H", 0x0800) + ipv4_udp(b"macsec payload")
    for tci in (0x2C, 0x28, 0x24, 0x20, 0x21, 0x23, 0x60, 0x30, 0x0C, 0x08, 0x04, 0x00, 0x40, 0x10, 0x7F & ~0x80):
        sci = SCI if tci & 0x20 else None
        f.append(eth(0x88E5, sectag(tci, 0, 100 + tci, sci) + inner + icv))
    # short lengths
    short = struct.pack(">H", 0x0800) + ipv4_udp(b"ab")[:30]
    for sl in (len(short), len(short) - 4, len(short) + 6, 1, 2):
        f.append(eth(0x88E5, sectag(0x20, sl, 5, SCI) + short + icv))
    f.append(eth(0x88E5, sectag(0x20, 0x40, 5, SCI) + inner + icv))  # SL high bits
    f.append(eth(0x88E5, sectag(0xA0, 0, 5, SCI) + inner + icv))  # version bit
    f.append(eth(0x88E5, sectag(0x20, 0, 5, SCI) + b"\x08"))  # short
    f.append(eth(0x88E5, sectag(0x00, 0, 5) + icv[:10]))  # shorter than ICV
    f.append(eth(0x88E5, sectag(0x00, 0, 5) + struct.pack(">H", 0x0806) + ARP + icv))
    f.append(eth(0x88E5, sectag(0x00, 0, 5) + struct.pack(">HH", 0x8100, 0x2005) + inner + icv))
    f.append(eth(0x88E5, sectag(0x00, 0, 5) + struct.pack(">H", 40) + bytes.fromhex("aaaa0300000008") + bytes(33) + icv))
    f.append(eth(0x88E5, sectag(0x00, 0, 5) + struct.pack(">H", 0x1234) + rnd(20) + icv))
    f.append(eth(0x88E5, sectag(0x00, 0, 5) + struct.pack(">H", 0x88E5) + sectag(0x2C, 0, 1, SCI) + rnd(20) + icv))
    f.append(eth(0x88E5, sectag(0x20, 0, 5, SCI)[:10]))
    f.append(eth(0x88E5, sectag(0x00, 0, 5)[:4]))
    # VLAN then MACsec: tcpdump decodes MACsec only right after the addresses
    f.append(eth(0x8100, struct.pack(">HH", 0x0010, 0x88E5) + sectag(0x00, 0, 5) + inner + icv))
    return f


# --- Arista ------------------------------------------------------------------
def arista():
    f = []
    ip = struct.pack(">H", 0x0800) + ipv4_udp(b"arista")
    for scale in (0, 1, 2):
        for hw in (0, 1, 5):
            f.append(eth(0xD28B, struct.pack(">HBBII", 1, scale, 0x10 | hw, 1559162199, 944724424) + ip))
    f.append(eth(0xD28B, struct.pack(">HBBII", 1, 0, 0x10, 0xFFFFFFFF, 3999999999) + ip))
    f.append(eth(0xD28B, struct.pack(">HBBII", 1, 0, 0x10, 0, 0) + ip))
    f.append(eth(0xD28B, struct.pack(">HBBHI", 1, 0, 0x20, 513, 944724424) + ip))
    f.append(eth(0xD28B, struct.pack(">HBBHI", 1, 1, 0x21, 65535, 4294967295) + ip))
    f.append(eth(0xD28B, struct.pack(">HBBI", 1, 0, 0x30, 5) + ip))  # unknown format
    f.append(eth(0xD28B, struct.pack(">HBB", 2, 0, 0x10) + ip))  # unknown subtype
    ts = struct.pack(">HBBII", 1, 0, 0x10, 1559162199, 5)
    f.append(eth(0xD28B, ts + struct.pack(">HHH", 0x8100, 0x6064, 0x0800) + ipv4_udp()))
    f.append(eth(0xD28B, ts + struct.pack(">H", 0x8847) + bytes.fromhex("004001ff") + ipv4_udp()))
    f.append(eth(0xD28B, ts + struct.pack(">H", 0x0806) + ARP))
    f.append(eth(0xD28B, ts + struct.pack(">H", 0xD28B) + ts + struct.pack(">H", 0x0800) + ipv4_udp()))
    f.append(eth(0xD28B, ts + struct.pack(">H", 0x88E5) + sectag(0x2C, 0, 3, SCI) + rnd(30)))
    f.append(eth(0xD28B, ts + struct.pack(">H", 0x4321) + rnd(12)))
    f.append(eth(0xD28B, ts + struct.pack(">H", 46) + bytes.fromhex("424203") + bytes(43)))
    f.append(eth(0xD28B, ts))
    f.append(eth(0xD28B, b"\x00"))
    f.append(eth(0x8100, struct.pack(">HH", 0x0007, 0xD28B) + ts + struct.pack(">H", 0x0800) + ipv4_udp()))
    return f


# --- CFM ---------------------------------------------------------------------
def tlv(t, v):
    return struct.pack(">BH", t, len(v)) + v


def ccm_body(md_fmt, md_name, ma_fmt, ma_name, seq=0x1234, mep=7):
    names = bytes([md_fmt])
    if md_fmt != 1:
        names += bytes([len(md_name)]) + md_name
    names += bytes([ma_fmt, len(ma_name)]) + ma_name
    names = (names + bytes(48))[:48]
    return struct.pack(">IH", seq, mep) + names + bytes(16)


def cfm_hdr(op, flags, first, level=5, ver=0):
    return struct.pack(">BBBB", (level << 5) | ver, op, flags, first)


def cfm():
    f = []
    end = b"\x00"
    for iv in range(8):
        for rdi in (0, 0x80):
            f.append(eth(0x8902, cfm_hdr(1, rdi | iv, 70) + ccm_body(4, b"md-name", 2, b"ma-name") + end))
    mds = [(0, b"\x01\x02\x03"), (1, b""), (2, b"example.com"), (3, SRC + b"\x00\x09"),
           (3, SRC), (3, b"\x01\x02"), (4, b"char\x00x"), (9, b"\xaa\xbb"), (4, bytes(44)), (4, b"a" * 43)]
    mas = [(0, b"\x01"), (1, b"\x00\x64"), (2, b"ma\x00y"), (3, b"\x00\x05"), (4, b"\x01\x02\x03\x04\x05\x06\x07"),
           (7, b"zz"), (2, b"m" * 30)]
    for md in mds:
        for ma in mas[:3] if md[0] != 4 else mas:
            body = ccm_body(md[0], md[1], ma[0], ma[1])
            f.append(eth(0x8902, cfm_hdr(1, 4, 70) + body + tlv(2, b"\x02") + end))
    # MA name too long for what is left
    nm = bytes([2, 10]) + b"x" * 10 + bytes([2, 40]) + b"y" * 34
    f.append(eth(0x8902, cfm_hdr(1, 1, 70) + struct.pack(">IH", 1, 2) + nm + bytes(16) + end))
    f.append(eth(0x8902, cfm_hdr(1, 1, 60) + bytes(80)))  # first TLV offset too small
    f.append(eth(0x8902, cfm_hdr(1, 1, 70) + bytes(60)))  # too short
    # LTM, LTR
    for fl in (0, 0x80, 0x7F):
        f.append(eth(0x8902, cfm_hdr(5, fl, 17) + struct.pack(">IB", 0xDEADBEEF, 64) + SRC + DST + end))
    for fl in (0, 0x80, 0x40, 0x20, 0xE0):
        for ra in (1, 2, 3, 4):
            f.append(eth(0x8902, cfm_hdr(4, fl, 6) + struct.pack(">IBB", 0x01020304, 63, ra) +
                         tlv(5, bytes([1]) + SRC + bytes([2]) + bytes(8)) + tlv(6, rnd(9)) + end))
    f.append(eth(0x8902, cfm_hdr(5, 0, 10) + bytes(20)))
    f.append(eth(0x8902, cfm_hdr(4, 0, 5) + bytes(20)))
    f.append(eth(0x8902, cfm_hdr(5, 0, 17) + bytes(10)))
    # LBM/LBR/unknown opcodes with various TLVs
    tl = [tlv(2, b"\x01"), tlv(2, b"\x05")] + [tlv(3, bytes([s])) for s in range(0, 9)]
    f.append(eth(0x8902, cfm_hdr(3, 0, 4) + struct.pack(">I", 99) + b"".join(tl) + end))
    f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 99) + tlv(4, rnd(21)) + end))
    for oui in (0x00000C, 0x0080C2, 0x123456):
        f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 1) +
                     tlv(31, struct.pack(">I", oui << 8 | 7) + rnd(5)) + end))
    f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 1) + tlv(31, b"\x00\x01") + end))
    f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 1) + tlv(2, b"") + end))
    f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 1) + tlv(3, b"") + end))
    f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 1) + tlv(77, rnd(3)) + tlv(4, b"") + end))
    f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 1) + b"\x04\x00"))  # short TLV header
    f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 1) + b"\x04\x00\x30abc"))  # TLV too long
    f.append(eth(0x8902, cfm_hdr(2, 0, 4) + struct.pack(">I", 1) + tlv(4, b"ab")))  # no end TLV
    # Sender ID TLVs
    senders = [
        b"",
        b"\x00",
        b"\x06",
        b"\x06\x04" + SRC,
        b"\x03\x04" + SRC,
        b"\x06\x04" + SRC + b"\x00",
        b"\x05\x05\x01\x0a\x01\x02\x03",
        b"\x11\x05\x02" + bytes(range(16)),
        b"\x05\x05\x01\x0a\x01\x02",
        b"\x03\x05\x02\x01\x02",
        b"\x03\x05\x09\x01\x02",
        b"\x01\x05",
        b"\x00\x05",
        b"\x04\x01eth0",
        b"\x04\x02ali\x00",
        b"\x04\x03port",
        b"\x04\x06if\x01\xff",
        b"\x04\x07loca",
        b"\x04\x00\x00\x00",
        b"\x04\x09abcd",
        b"\x00\x03\x2b\x06\x01\x04\x0a\x00\x00\x01",
        b"\x00\x03\x2b\x06\x01",
        b"\x00\x03\x2b\x06\x01\x00",
        b"\x00\x03\x2b\x06\x01\x07\x01",
        b"\x00\x08\x2b\x06",
        b"\x04\x07loca\x02\x01\x02\x01\x09",
    ]
    for s in senders:
        f.append(eth(0x8902, cfm_hdr(3, 0, 4) + struct.pack(">I", 5) + tlv(1, s) + tlv(2, b"\x02") + end))
    f.append(eth(0xABCD, cfm_hdr(3, 0, 4) + struct.pack(">I", 5) + end))
    f.append(eth(0x8902, cfm_hdr(3, 0, 4, ver=1) + bytes(8)))
    f.append(eth(0x8902, cfm_hdr(3, 0, 4, ver=31, level=7) + bytes(8)))
    f.append(eth(0x8902, cfm_hdr(0x2F, 0, 4) + bytes(4) + end))
    f.append(eth(0x8902, cfm_hdr(3, 0, 200) + bytes(8)))
    f.append(eth(0x8902, cfm_hdr(3, 0, 4)[:3]))
    f.append(eth(0x8902, cfm_hdr(3, 0, 0) + tlv(2, b"\x01") + end))
    return f


# --- TIPC --------------------------------------------------------------------
def tipc_w0(ver, user, hsize, msize):
    return (ver << 29) | (user << 25) | (hsize << 21) | msize


def tipc():
    f = []
    words = [0x01001002, 0x11112222, 0x12345678, 0x02002003, 0x00000400, 0x03003004, 0x04004005,
             0x05005006, 0xABCDEF01, 0x00090002, 0x55667788]
    for user in range(16):
        for hsize in (6, 8, 10):
            for mtype in (0, 1, 2, 3, 5):
                w = [tipc_w0(2, user, hsize, 40 + user), (mtype << 29) | (0x0123 << 16) | 0x0456] + words[2:]
                f.append(eth(0x88CA, struct.pack(">11I", *w) + rnd(4)))
    f.append(eth(0x88CA, struct.pack(">I", tipc_w0(2, 0, 6, 24)) + bytes(10)))
    f.append(eth(0x88CA, struct.pack(">I", tipc_w0(2, 0, 8, 24)) + bytes(24)))
    f.append(eth(0x88CA, struct.pack(">I", tipc_w0(2, 7, 10, 24)) + bytes(30)))
    f.append(eth(0x88CA, struct.pack(">I", tipc_w0(2, 13, 10, 24)) + bytes(14)))
    f.append(eth(0x88CA, b"\x00\x00"))
    return f


# --- GeoNetworking and CALM FAST ---------------------------------------------
def geonet_common(nh, ht, hst, payload=0, hop=1, ver=0):
    return (struct.pack(">BBBBHBB", (ver << 4) | nh, (ht << 4) | hst, 0, 0, payload, 0, hop) +
            bytes.fromhex("00000000") + SRC[:4] + struct.pack(">III", 7, 514769562, 56597275)) + bytes(8)


def geonet():
    f = []
    for ht in range(8):
        for hst in (0, 1, 2, 3):
            for nh in (0, 1, 2, 3, 5):
                body = geonet_common(nh, ht, hst, 24, hop=ht + 1) + bytes(32 if (ht, hst) == (5, 1) else 0)
                body += struct.pack(">HH", 2001, 0) + bytes([1, [0, 1, 101, 107, 150, 3][(ht + nh) % 6]]) + rnd(6)
                f.append(eth(0x8947, body))
    f.append(eth(0x0707, geonet_common(1, 1, 0) + struct.pack(">HH", 2002, 7)))
    f.append(eth(0x8947, geonet_common(1, 1, 0) + struct.pack(">HH", 2002, 7) + b"\x02"))
    f.append(eth(0x8947, geonet_common(2, 5, 0) + b"\x00\x01"))
    f.append(eth(0x8947, geonet_common(1, 5, 1) + bytes(20)))
    f.append(eth(0x8947, geonet_common(0, 1, 0)[:35]))
    f.append(eth(0x8947, geonet_common(0, 1, 0)[:20]))
    f.append((eth(0x8947, geonet_common(1, 1, 0) + struct.pack(">HH", 1, 2) + b"\x01\x00" + bytes(10)), 100))
    f.append(eth(0x8947, geonet_common(0, 0, 0, ver=12)))
    for n in (0, 1, 2, 3, 10):
        f.append(eth(0x1111, bytes([1, 2]) + rnd(n)[: max(0, n - 2)] if n >= 2 else rnd(n)))
    f.append(eth(0x1111, bytes([0x30, 0x31]) + b"calm fast payload"))
    f.append((eth(0x1111, bytes([7, 8]) + bytes(6)), 40))
    return f


# --- Frame Relay: CALM FAST and GeoNet after a Cisco-style ethertype -------
def frelay():
    q922 = bytes([0x18, 0x41])  # DLCI 97
    return [
        q922 + struct.pack(">H", 0x1111) + bytes([3, 4]) + b"fr calm",
        q922 + struct.pack(">H", 0x1111) + b"\x05",
        q922 + struct.pack(">H", 0x8947) + geonet_common(1, 1, 0) + struct.pack(">HH", 9, 8) + b"\x01\x01",
        q922 + struct.pack(">H", 0x88CA) + struct.pack(">11I", tipc_w0(2, 13, 10, 40), 1 << 29, *range(9)),
        q922 + struct.pack(">H", 0x8902) + cfm_hdr(3, 0, 4) + struct.pack(">I", 5) + b"\x00",
        q922 + struct.pack(">H", 0x88A2) + aoe_hdr(cmd=3) + bytes([1, 1]) + SRC,
    ]


# --- SPB BPDUs (802.1aq), STP version 4 over LLC ---------------------------
def spb():
    f = []
    bid = struct.pack(">H", 0x8000) + SRC
    for v4len, agr, fmt, con in ((85, 0x00, 0x00, 0x20), (85, 0xFC, 0x5A, 0xA5), (86, 0x44, 0x11, 0x22),
                                 (84, 0, 0, 0)):
        bpdu = struct.pack(">HBBB", 0, 4, 2, 0x7C) + bid + struct.pack(">I", 20000) + bid + struct.pack(">H", 0x8001)
        bpdu += struct.pack(">HHHH", 256, 5120, 512, 3840) + b"\x00"
        mst = bytes([1]) + b"SPB region".ljust(32, b"\x00") + struct.pack(">H", 3) + rnd(16)
        mst += struct.pack(">I", 1000) + bid + b"\x14"
        msti = bytes([0x7C]) + bid + struct.pack(">I", 55) + bytes([0x80, 0x90, 20])
        mst += msti
        bpdu += struct.pack(">H", len(mst)) + mst
        v4 = bytes([0]) + b"IEEE802.1 SPB Default".ljust(32, b"\x00") + struct.pack(">H", 0) + rnd(16)
        v4 += bytes([agr, 0, fmt, con]) + struct.pack(">H", 32) + bytes(8) + rnd(20)
        v4 = (v4 + bytes(max(0, v4len - len(v4))))[:v4len]
        bpdu += struct.pack(">H", v4len) + v4
        llc = bytes.fromhex("424203") + bpdu
        f.append(DST[:5] + b"\x00" + SRC + struct.pack(">H", len(llc)) + llc)
    return f


# --- every ethertype tcpdump names, and a few it does not ----------------
NAMED = [0x0800, 0x8847, 0x8848, 0x86DD, 0x8100, 0x9100, 0x88A8, 0x9200, 0x88E5, 0x0200, 0x0806,
         0x8035, 0x0600, 0x0500, 0x1000, 0x6001, 0x6002, 0x6004, 0x6007, 0x6558, 0x8038, 0x803C,
         0x803E, 0x805B, 0x805C, 0x80F3, 0x8137, 0x880B, 0x8808, 0x8809, 0x8863, 0x8864,
         0x888E, 0x886F, 0x8870, 0x894F, 0x9000, 0x00FE, 0xABCD, 0x8902, 0x893A, 0x88CC,
         0x88CA, 0x0707, 0x8947, 0x1111, 0x88A2, 0x88F7, 0xD28B, 0x3C12, 0x3C13, 0x0601, 0x05DC,
         0x05DD, 0x1234, 0xFFFF, 0x88B5, 0x8899]


def named():
    f = [eth(t, bytes(2) + rnd(30)) for t in NAMED]
    # the same printers reached through 802.3 + SNAP, which passes the addresses on
    gn = geonet_common(1, 1, 0) + struct.pack(">HH", 2001, 0) + b"\x01\x00"
    for oui, t, body in ((0, 0x8947, gn), (0, 0x1111, b"\x01\x02abc"), (0xF8, 0x8899, b"\x02"),
                         (0, 0x88A2, aoe_hdr(cmd=3) + b"\x00\x00"), (0, 0x88CA, bytes(40)),
                         (0, 0x8902, cfm_hdr(3, 0, 4) + bytes(5)), (0x80C2, 0x8947, gn),
                         (0x080007, 0x80F3, bytes(28)), (0x080007, 0x8947, gn), (0xF8, 0x1234, b"xy")):
        snap = bytes.fromhex("aaaa03") + struct.pack(">I", oui)[1:] + struct.pack(">H", t) + body
        f.append(DST + SRC + struct.pack(">H", len(snap)) + snap)
    return f


pcap("aoe", aoe())
pcap("macsec", macsec())
pcap("arista", arista())
pcap("cfm", cfm())
pcap("tipc", tipc())
pcap("geonet", geonet())
pcap("frelay", frelay(), linktype=107)
pcap("spb", spb())
pcap("named", named())

# --- Realtek (0x8899) and AppleTalk ARP (0x80f3) ----------------------------
def realtek():
    f = []
    for op in (0x00, 0x80, 0x01, 0x81, 0x02, 0x82, 0x05, 0x85, 0x7F):
        body = bytes([1, op]) + struct.pack(">H", 0x2379) + bytes([3, 7]) + SRC + struct.pack(">HI", 0x8316, 0x12345678)
        body += struct.pack(">I", 0xCAFEF00D) + rnd(4)
        f.append(eth(0x8899, body))
    f.append(eth(0x8899, bytes([1, 0x80, 0x23, 0x79, 1, 2, 3])))
    f.append(eth(0x8899, bytes([1, 0x01, 0x23, 0x79, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])))
    for p in (2, 3, 0x23, 4, 0x90, 0x9F, 0xA0, 0xA5, 0x05, 0xFF, 0x00):
        f.append(eth(0x8899, bytes([p]) + rnd(12)))
    f.append(eth(0x8899, b""))
    return f


def aarp():
    f = []
    def pkt(op, htype=1, ptype=0x809B, halen=6, palen=4, ps=b"\x00\x12\x34\x05", pd=b"\x00\x12\x34\xff"):
        return struct.pack(">HHBBH", htype, ptype, halen, palen, op) + SRC + ps + DST + pd
    for op in (1, 2, 3, 4, 0):
        f.append(eth(0x80F3, pkt(op)))
    f.append(eth(0x80F3, pkt(2, ps=b"\x00\xff\xff\xff")))
    f.append(eth(0x80F3, pkt(1, htype=2)))
    f.append(eth(0x80F3, pkt(1, ptype=0)))
    f.append(eth(0x80F3, pkt(1, ptype=0x800)))
    f.append(eth(0x80F3, pkt(1, halen=8)))
    f.append(eth(0x80F3, pkt(3, palen=5)))
    f.append(eth(0x80F3, pkt(1)[:20]))
    # an AARP request in 802.3 + SNAP, as AppleTalk sends it
    snap = bytes.fromhex("aaaa03000000") + struct.pack(">H", 0x80F3) + pkt(1)
    f.append(DST + SRC + struct.pack(">H", len(snap)) + snap)
    return f


pcap("realtek", realtek())
pcap("aarp", aarp())


# --- AppleTalk DDP (0x809b) with ATP and NBP ---------------------------------
def ddp(t, body, dnet=0x1234, snet=0x0102, dnode=5, snode=9, dskt=2, sskt=253, length=None):
    n = 13 + len(body) if length is None else length
    return struct.pack(">HHHHBBBBB", n, 0, dnet, snet, dnode, snode, dskt, sskt, t) + body


def nbp_tuple(net, node, skt, enum, obj, typ, zone):
    b = struct.pack(">HBBB", net, node, skt, enum)
    for s_ in (obj, typ, zone):
        b += bytes([len(s_)]) + s_
    return b


def atalk():
    f = []
    src = (0x0102, 9, 253)
    for ctl in (0x21, 0x11, 0x22, 0x10):
        f.append(eth(0x809B, ddp(2, bytes([ctl, 7]) + nbp_tuple(*src, 0, b"obj", b"LaserWriter", b"*"))))
    f.append(eth(0x809B, ddp(2, bytes([0x21, 7]) + nbp_tuple(0x0103, 9, 250, 3, b"o", b"t", b"z"))))
    f.append(eth(0x809B, ddp(2, bytes([0x21, 7]) + nbp_tuple(*src, 0, b"x" * 33, b"t", b"z"))))
    f.append(eth(0x809B, ddp(2, bytes([0x21, 7]) + nbp_tuple(*src, 0, b"\x01\xff", b"t\x80", b"z"))))
    f.append(eth(0x809B, ddp(2, bytes([0x21, 7]) + nbp_tuple(*src, 0, b"obj", b"type", b"zone")[:12])))
    tuples = (nbp_tuple(*src, 1, b"a", b"b", b"c") + nbp_tuple(0x0102, 9, 4, 2, b"dd", b"ee", b"ff") +
              nbp_tuple(0x0555, 255, 253, 1, b"g", b"h", b"i"))
    for ctl in (0x33, 0x31, 0x35, 0x30):
        f.append(eth(0x809B, ddp(2, bytes([ctl, 9]) + tuples)))
    f.append(eth(0x809B, ddp(2, bytes([0x32, 9]) + tuples[:14])))
    f.append(eth(0x809B, ddp(2, bytes([0x40, 1]) + bytes(8))))
    f.append(eth(0x809B, ddp(2, bytes([0x21, 1]) + bytes(3))))
    f.append(eth(0x809B, ddp(2, bytes([0x21]))))
    for ctl in (0x40, 0x60, 0x50, 0x48, 0x58, 0x78, 0x80, 0x90, 0xA0, 0x88, 0xA8, 0xB8, 0xC0, 0xE0, 0xD8,
                0xF8, 0x00, 0x3F):
        for bm, data in ((0xFF, 0), (0x01, 5), (0x05, 0), (0x00, 0xDEADBEEF), (0x80, 1)):
            f.append(eth(0x809B, ddp(3, struct.pack(">BBHI", ctl, bm, 0x1234, data) + rnd(ctl & 3))))
    f.append(eth(0x809B, ddp(3, struct.pack(">BBH", 0x40, 1, 2))))
    f.append(eth(0x809B, ddp(3, struct.pack(">BBHI", 0x40, 1, 2, 3), length=18)))
    for t in (1, 5, 4, 22, 23, 0x4B, 99, 0):
        f.append(eth(0x809B, ddp(t, rnd(6), dskt=t, sskt=6)))
    f.append(eth(0x809B, ddp(1, b"", dnode=255, snode=255, dskt=1, sskt=4)))
    f.append(eth(0x809B, ddp(1, b"")[:12]))
    f.append(eth(0x809B, ddp(1, b"", length=5)[:13]))
    f.append(eth(0x809B, b""))
    snap = bytes.fromhex("aaaa03080007") + struct.pack(">H", 0x809B) + ddp(3, struct.pack(">BBHI", 0x40, 3, 9, 0))
    f.append(DST + SRC + struct.pack(">H", len(snap)) + snap)
    return f


pcap("atalk", atalk())
