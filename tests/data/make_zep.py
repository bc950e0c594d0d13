#!/usr/bin/env python3
"""Writes tests/data/zep/*.pcap: ZEP v1/v2 over UDP 17754 carrying IEEE 802.15.4
frames (beacons, data, acks, every MAC command tcpdump decodes), with and
without a valid FCS, plus malformed headers. Run once; the pcaps are committed."""
import os
import struct

from pktgen import eth_udp, write_pcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zep")


def pcap(pkts, name):
    write_pcap(os.path.join(OUT, name), 1, pkts)


def udp(payload, sport=17754, dport=17754, v6=False):
    return eth_udp(payload, sport, dport, v6)


def crc16(d):
    crc = 0
    for b in d:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


def fcs(frame):
    return frame + struct.pack("<H", crc16(frame))


def v2(inner, typ=1, ch=11, dev=0x1234, crc=0, lqi=200, ts=(3900000000, 0x80000000), seq=7, ilen=None):
    return (b"EX" + bytes([2, typ, ch]) + struct.pack(">H", dev) + bytes([crc, lqi])
            + struct.pack(">II", *ts) + struct.pack(">I", seq) + bytes(10)
            + bytes([len(inner) if ilen is None else ilen]) + inner)


def v1(inner, ch=11, dev=0x1234, crc=1, lqi=5, ilen=None):
    return (b"EX" + bytes([1, ch]) + struct.pack(">H", dev) + bytes([crc, lqi]) + bytes(7)
            + bytes([len(inner) if ilen is None else ilen]) + inner)


def fc(ftype, dst=2, src=2, comp=0, ver=0, sec=0, pend=0, ar=0, seqsup=0, ie=0):
    return (ftype | sec << 3 | pend << 4 | ar << 5 | comp << 6 | seqsup << 8 | ie << 9
            | dst << 10 | ver << 12 | src << 14)


def mac(f, seq, *parts):
    return struct.pack("<HB", f, seq) + b"".join(parts)


def mac_noseq(f, *parts):
    return struct.pack("<H", f) + b"".join(parts)


S = lambda v: struct.pack("<H", v)
EXT = bytes([0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07])
EXT2 = bytes([0x10, 0x32, 0x54, 0x76, 0x98, 0xBA, 0xDC, 0xFE])

frames = [
    # data frames, typical ZigBee NWK payload, PAN ID compression, short addrs
    fcs(mac(fc(1, comp=1, ar=1), 0x33, S(0x1AAA), S(0x0000), S(0x796F), b"\x08\x02\xfc\xff\x00\x00\x1e\xe4")),
    mac(fc(1, comp=1), 0x34, S(0xABCD), S(0xFFFF), S(0x0001), b"hello"),
    fcs(mac(fc(1, dst=3, src=3, comp=1, ver=1), 0x35, S(0x1AAA), EXT, EXT2, b"payload bytes")),
    fcs(mac(fc(1, dst=3, src=2, comp=0, pend=1), 0x36, S(0x1AAA), EXT, S(0x2BBB), S(0x0002), b"\x01\x02")),
    fcs(mac(fc(1, dst=0, src=2, comp=0), 0x37, S(0x1AAA), S(0x0003), b"\xaa")),
    fcs(mac(fc(1, dst=2, src=0, comp=0), 0x38, S(0x1AAA), S(0x0004), b"\xbb")),
    fcs(mac(fc(1, dst=2, src=0, comp=1), 0x39, S(0x1AAA), S(0x0004), b"\xbb")),
    # frame version 2 PAN ID rules
    fcs(mac(fc(1, dst=3, src=3, comp=0, ver=2), 0x40, S(0x1AAA), EXT, EXT2, b"x")),
    fcs(mac(fc(1, dst=3, src=3, comp=1, ver=2), 0x41, EXT, EXT2, b"x")),
    fcs(mac(fc(1, dst=0, src=0, comp=1, ver=2), 0x42, S(0x1AAA), b"x")),
    fcs(mac(fc(1, dst=2, src=0, comp=1, ver=2), 0x43, S(0x0005), b"x")),
    fcs(mac(fc(1, dst=2, src=3, comp=0, ver=2), 0x44, S(0x1AAA), S(0x0006), S(0x2BBB), EXT, b"x")),
    fcs(mac_noseq(fc(1, comp=1, ver=2, seqsup=1), S(0x1AAA), S(0x0007), S(0x0008), b"nos")),
    fcs(mac_noseq(fc(1, comp=1, ver=0, seqsup=1), S(0x1AAA), S(0x0007), S(0x0008), b"nos")),
    # invalid address modes
    fcs(mac(fc(1, dst=1, src=2), 0x45, S(0x1AAA), S(1), S(2))),
    fcs(mac(fc(1, dst=2, src=1), 0x46, S(0x1AAA), S(1), S(2))),
    # truncated addressing
    mac(fc(1, dst=3, src=3), 0x47, S(0x1AAA), EXT[:5]),
    mac(fc(1, dst=2, src=2), 0x48, b"\x01"),
    mac(fc(1, dst=2, src=2), 0x49, S(0x1AAA), S(1), b"\x02"),
    mac(fc(1, dst=2, src=2), 0x49, S(0x1AAA), S(1), S(0x1AAA)),
    # acks
    fcs(mac(fc(2, dst=0, src=0), 0x50)),
    mac(fc(2, dst=0, src=0, pend=1), 0x51),
    # beacons
    fcs(mac(fc(0, dst=0, src=2), 0x01, S(0xABCD), S(0x0000), S(0xCFFF), b"\x00", b"\x00",
            b"\x00\x22\x84\xfe\xca\xef\x01\x00\xff\xff\xff\x00")),
    fcs(mac(fc(0, dst=0, src=3), 0x02, S(0xABCD), EXT, S(0x5F3A), b"\x82\x05", S(0x1111), b"\x21", S(0x2222), b"\x43",
            b"\x12", S(0x3333), EXT2, b"\xde\xad")),
    fcs(mac(fc(0, dst=0, src=2), 0x03, S(0xABCD), S(0x0000), S(0x0fff), b"\x00", b"\x77",
            S(1), S(2), S(3), S(4), S(5), S(6), S(7), EXT * 7)),
    fcs(mac(fc(0, dst=0, src=2), 0x04, S(0xABCD), S(0x0000), S(0x1fff), b"\x03\x01", S(1), b"\x11")),
    fcs(mac(fc(0, dst=0, src=2), 0x05, S(0xABCD), S(0x0000), S(0x1fff), b"\x00", b"\x22", S(1))),
    fcs(mac(fc(0, dst=0, src=2), 0x06, S(0xABCD), S(0x0000), S(0x1fff), b"\x00")),
    fcs(mac(fc(0, dst=0, src=2), 0x07, S(0xABCD), S(0x0000), S(0x1fff))),
    fcs(mac(fc(0, dst=0, src=2), 0x08, S(0xABCD), S(0x0000), b"\x1f")),
    mac(fc(0, dst=0, src=2), 0x09, S(0xABCD), S(0x0000), S(0xCFFF), b"\x00\x00"),
    fcs(mac(fc(0, dst=0, src=2, ver=2), 0x0a, S(0xABCD), S(0x0000), b"\x00\x01\x02")),
    # MAC commands
    fcs(mac(fc(3, dst=2, src=3, comp=0), 0x60, S(0xFFFF), S(0x0000), S(0xFFFE), EXT, b"\x01\x8e")),
    fcs(mac(fc(3, dst=2, src=3, comp=0), 0x61, S(0xFFFF), S(0x0000), S(0xFFFE), EXT, b"\x01\x00")),
    fcs(mac(fc(3, dst=2, src=3, comp=0), 0x62, S(0xFFFF), S(0x0000), S(0xFFFE), EXT, b"\x01\x8e\x00")),
    fcs(mac(fc(3, dst=3, src=3, comp=1), 0x63, S(0x1AAA), EXT2, EXT, b"\x02", S(0x1234), b"\x00")),
    fcs(mac(fc(3, dst=3, src=3, comp=1), 0x64, S(0x1AAA), EXT2, EXT, b"\x02", S(0x1234), b"\x01")),
    fcs(mac(fc(3, dst=3, src=3, comp=1), 0x65, S(0x1AAA), EXT2, EXT, b"\x02", S(0x1234), b"\x02")),
    fcs(mac(fc(3, dst=3, src=3, comp=1), 0x66, S(0x1AAA), EXT2, EXT, b"\x02", S(0x1234), b"\x03")),
    fcs(mac(fc(3, dst=3, src=3, comp=1), 0x67, S(0x1AAA), EXT2, EXT, b"\x02", S(0x1234), b"\x80")),
    fcs(mac(fc(3, dst=3, src=3, comp=1), 0x68, S(0x1AAA), EXT2, EXT, b"\x02", S(0x1234), b"\x55")),
    fcs(mac(fc(3, dst=3, src=3, comp=1), 0x69, S(0x1AAA), EXT2, EXT, b"\x02", S(0x1234))),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x6a, S(0x1AAA), S(0), S(1), b"\x03\x01")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x6b, S(0x1AAA), S(0), S(1), b"\x03\x02")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x6c, S(0x1AAA), S(0), S(1), b"\x03\x00")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x6d, S(0x1AAA), S(0), S(1), b"\x03\x09")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x6e, S(0x1AAA), S(0), S(1), b"\x03\x01\x02")),
    fcs(mac(fc(3, dst=2, src=3, comp=1, ar=1), 0x6f, S(0x1AAA), S(0), EXT, b"\x04")),
    fcs(mac(fc(3, dst=2, src=3, comp=1), 0x70, S(0x1AAA), S(0), EXT, b"\x05")),
    fcs(mac(fc(3, dst=2, src=3, comp=0), 0x71, S(0xFFFF), S(0xFFFF), S(0xFFFF), EXT, b"\x06")),
    fcs(mac(fc(3, dst=2, src=0), 0x72, S(0xFFFF), S(0xFFFF), b"\x07")),
    mac(fc(3, dst=2, src=0), 0x73, S(0xFFFF), S(0xFFFF), b"\x07"),
    fcs(mac(fc(3, dst=3, src=2, comp=0), 0x74, S(0xFFFF), EXT, S(0x1AAA), S(0), b"\x08", S(0x1AAA), S(0), b"\x0f", S(0x0009))),
    fcs(mac(fc(3, dst=3, src=2, comp=0), 0x75, S(0xFFFF), EXT, S(0x1AAA), S(0), b"\x08", S(0x1AAA), S(0), b"\x0f", S(0x0009), b"\x00")),
    fcs(mac(fc(3, dst=3, src=2, comp=0), 0x76, S(0xFFFF), EXT, S(0x1AAA), S(0), b"\x08", S(0x1AAA), S(0), b"\x0f", S(0x0009), b"\x83")),
    fcs(mac(fc(3, dst=3, src=2, comp=0), 0x77, S(0xFFFF), EXT, S(0x1AAA), S(0), b"\x08", S(0x1AAA), S(0))),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x78, S(0x1AAA), S(0), S(1), b"\x09\x34")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x79, S(0x1AAA), S(0), S(1), b"\x09\x0f")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x7a, S(0x1AAA), S(0), S(1), b"\x09")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x7b, S(0x1AAA), S(0), S(1), b"\x0a\x01\x02\x03")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x7c, S(0x1AAA), S(0), S(1), b"\x24\x00\x50\xc2\x99")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x7d, S(0x1AAA), S(0), S(1), b"\x0c")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x7e, S(0x1AAA), S(0), S(1), b"\x30\x01")),
    fcs(mac(fc(3, dst=2, src=2, comp=1), 0x7f, S(0x1AAA), S(0), S(1))),
    # auxiliary security headers (every key id mode, frame counter suppressed)
    fcs(mac(fc(1, comp=1, sec=1, ver=1), 0x80, S(0x1AAA), S(1), S(2), b"\x05", struct.pack("<I", 0x1234), b"encrypted-data", b"MIC!")),
    fcs(mac(fc(1, comp=1, sec=1, ver=1), 0x81, S(0x1AAA), S(1), S(2), b"\x0e", struct.pack("<I", 77), b"\x01", b"data", bytes(range(8)))),
    fcs(mac(fc(1, comp=1, sec=1, ver=1), 0x82, S(0x1AAA), S(1), S(2), b"\x17", struct.pack("<I", 78), S(0xBEEF), S(0x0102), b"\x03", b"data", bytes(range(16)))),
    fcs(mac(fc(1, comp=1, sec=1, ver=1), 0x83, S(0x1AAA), S(1), S(2), b"\x1c", struct.pack("<I", 79), EXT2, b"\x04", b"data")),
    fcs(mac(fc(1, comp=1, sec=1, ver=2), 0x84, S(0x1AAA), S(1), S(2), b"\x2d", b"\x05", b"data", b"MIC!")),
    fcs(mac(fc(1, comp=1, sec=1, ver=1), 0x85, S(0x1AAA), S(1), S(2), b"\x0d", b"\x00\x01")),
    fcs(mac(fc(1, comp=1, sec=1, ver=1), 0x86, S(0x1AAA), S(1), S(2), b"\x07", struct.pack("<I", 1), b"ab")),
    fcs(mac(fc(1, comp=1, sec=1, ver=1), 0x87, S(0x1AAA), S(1), S(2))),
    # information elements (6TiSCH enhanced beacon / data with IEs)
    fcs(mac(fc(0, dst=2, src=3, comp=1, ver=2, ie=1), 0x90, S(0x1AAA), S(0xFFFF), EXT,
            S(0x3F00), S(0x881A), bytes([0x1A, 0x19, 0x00, 0x00, 0x00, 0x00, 0x00]), b"beacon")),
    fcs(mac(fc(1, dst=2, src=2, comp=1, ver=2, ie=1), 0x91, S(0x1AAA), S(1), S(2),
            S(0x0D02) , b"\x10\x20", S(0x3F80), S(0x9003), b"\x01\x02\x03", S(0xF800), b"payload")),
    fcs(mac(fc(1, dst=2, src=2, comp=1, ver=2, ie=1), 0x92, S(0x1AAA), S(1), S(2),
            S(0x3F80), S(0x2802), b"\x05\x06", S(0x8000), b"x")),
    fcs(mac(fc(1, dst=2, src=2, comp=1, ver=2, ie=1), 0x93, S(0x1AAA), S(1), S(2), S(0x8000 | 0x7F00 | 3), b"\x01")),
    fcs(mac(fc(1, dst=2, src=2, comp=1, ver=2, ie=1), 0x94, S(0x1AAA), S(1), S(2), b"\x05")),
    fcs(mac(fc(1, dst=2, src=2, comp=1, ver=2, ie=1, sec=1), 0x95, S(0x1AAA), S(1), S(2), b"\x25", b"\x01", S(0x3F00), b"enc", b"MIC!")),
    fcs(mac(fc(1, dst=2, src=2, comp=1, ver=2, ie=1, sec=1), 0x96, S(0x1AAA), S(1), S(2), b"\x21", b"\x01", S(0x3F00), S(0x8802), b"ab", b"MIC!")),
    fcs(mac(fc(1, dst=2, src=2, comp=1, ver=2, ie=1), 0x97, S(0x1AAA), S(1), S(2), S(0x3F00), S(0x0805), b"ab")),
    # multipurpose frames, short and long frame control
    fcs(struct.pack("<HB", 0x0025 | 2 << 4 | 2 << 6, 0x11)[:1] + b"\x11" + S(1) + S(2) + b"mp short"),
    fcs(mac(0x0D | 2 << 4 | 3 << 6 | 1 << 8, 0x12, S(0x1AAA), S(3), EXT, b"mp long")),
    fcs(mac(0x0D | 2 << 4 | 2 << 6 | 1 << 8 | 1 << 15, 0x13, S(0x1AAA), S(3), S(4), S(0x3F00), b"mp ie")),
    fcs(mac(0x0D | 2 << 4 | 2 << 6 | 1 << 9, 0x14, S(3), S(4), b"\x05", struct.pack("<I", 9), b"enc", b"MIC!")),
    mac_noseq(0x0D | 2 << 4 | 0 << 6 | 1 << 10, S(3), b"nos"),
    fcs(mac(0x0D | 1 << 4 | 2 << 6, 0x15, S(3), S(4))),
    # reserved, fragment and extended frame types
    fcs(mac(fc(4), 0x16, S(1), S(2), S(3))),
    fcs(mac(fc(6), 0x17, S(1), S(2), S(3))),
    fcs(mac(fc(7), 0x18, S(1), S(2), S(3))),
    # short frames
    b"\x41",
    b"\x41\x88",
    fcs(b"\x41\x88"),
    b"\x41\x88\x01",
]

pkts = []
for i, f in enumerate(frames):
    pkts.append(udp(v2(f, seq=i, crc=i % 2, lqi=100 + i)))
for f in frames[:6] + frames[20:24]:
    pkts.append(udp(v1(f, crc=0, lqi=77)))
    pkts.append(udp(v1(f, crc=1)))
pkts += [
    # ZEP headers
    udp(v2(frames[0], ts=(0, 0))),
    udp(v2(frames[0], ts=(0xFFFFFFFF, 0xFFFFFFFF))),
    udp(v2(frames[0], ts=(1000, 0x00000001))),
    udp(v2(frames[0], ts=(2208988800, 0x40000000), typ=3, ch=26, dev=0xFFFF)),
    udp(v2(b"", ts=(3900000000, 0x12345678))),
    udp(v2(frames[0], ilen=200)),
    udp(v2(frames[0], ilen=5)),
    udp(v2(frames[0] + b"trailing", ilen=len(frames[0]))),
    udp(v1(frames[1], ilen=3)),
    udp(v1(b"")),
    udp(b"EX\x02\x02" + struct.pack(">I", 99)),
    udp(b"EX\x02\x02" + struct.pack(">I", 99) + b"extra"),
    udp(b"EX\x02\x02\x00\x00"),
    udp(b"EX\x01" + bytes(10)),
    udp(b"EX\x02\x01" + bytes(20)),
    udp(b"EX\x03\x01" + bytes(28) + b"\x03\x02\x00\x00"),
    udp(b"EX\x00\x05" + bytes(28) + b"\x00"),
    udp(b"\x01\x02rest"),
    udp(b"ex\x02"),
    udp(b"\xc5\x80"),
    udp(b"E"),
    udp(b""),
    udp(v2(frames[0]), sport=40001),
    udp(v2(frames[1]), dport=40002),
    udp(v2(frames[22]), v6=True),
]
os.makedirs(OUT, exist_ok=True)
pcap(pkts, "zep.pcap")
print(len(pkts), "packets")
