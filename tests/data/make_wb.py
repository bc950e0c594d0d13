#!/usr/bin/env python3
"""Writes tests/data/zep/wb.pcap: LBL whiteboard (wb) packets to UDP port 4567,
every message type with drawing operations, bad lengths and unknown types; and
wb-ports.pcap: a wb packet from each port rfilter decodes. Run once; the pcaps
are committed. Builds on pktgen.py."""
import os
import struct

from pktgen import eth_udp as udp, write_pcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zep")


def pcap(pkts, name):
    write_pcap(os.path.join(OUT, name), 1, pkts)


IP = lambda a: bytes(a)
A1, A2, A3 = IP([10, 0, 0, 1]), IP([192, 168, 1, 7]), IP([224, 2, 127, 254])


def hdr(t, flags=0, src=A1):
    return src + struct.pack(">IHBB", 123456, 1, t, flags)


def page(sid, uid):
    return sid + struct.pack(">I", uid)


def dop(ts, t, body=b""):
    d = struct.pack(">IHBB", ts, len(body), 0, t) + body
    return d + bytes((-len(d)) % 4)


def W(payload, sport=40001):
    return udp(payload, sport, 4567)


dops_ok = dop(10, 2, b"\x00\x01\x00\x02\x00\x03\x00\x04") + dop(11, 3, b"ab") + dop(12, 9, b"hello") + dop(13, 20)
pkts = [
    W(hdr(4)),
    W(hdr(4, 1)),
    W(hdr(0) + page(A2, 3) + struct.pack(">II", 10, 13) + dops_ok),
    W(hdr(0, 2) + page(A2, 3) + struct.pack(">II", 10, 10) + dop(10, 10)),
    W(hdr(0) + page(A2, 3) + struct.pack(">II", 20, 30) + dop(25, 14) + dop(30, 3)),
    W(hdr(0) + page(A2, 3) + struct.pack(">II", 20, 30) + dop(15, 15) + dop(30, 3)),
    W(hdr(0) + page(A2, 3) + struct.pack(">II", 20, 30) + dop(40, 14) + dop(30, 3)),
    W(hdr(0) + page(A2, 3) + struct.pack(">II", 5, 4)),
    W(hdr(0) + page(A2, 3) + struct.pack(">II", 1, 3) + dop(1, 8, b"x")),
    W(hdr(0) + page(A2, 3)),
    W(hdr(1) + struct.pack(">I", 4) + page(A2, 9) + struct.pack(">I", 2) + page(A3, 7) + struct.pack(">HH", 2, 0)
      + page(A1, 100) + page(A2, 200) + b"site.example.org\x00"),
    W(hdr(1) + struct.pack(">I", 4) + page(A2, 9) + struct.pack(">I", 2) + page(A3, 7) + struct.pack(">HH", 0, 0) + b"no\x01nul\xff"),
    W(hdr(1) + struct.pack(">I", 4) + page(A2, 9) + struct.pack(">I", 2) + page(A3, 7) + struct.pack(">HH", 5, 0) + page(A1, 1)),
    W(hdr(1) + struct.pack(">I", 4) + page(A2, 9)),
    W(hdr(2) + A2 + page(A3, 4) + struct.pack(">II", 100, 200)),
    W(hdr(2) + A2 + page(A3, 4)),
    W(hdr(3) + A2 + page(A3, 4) + struct.pack(">II", 1, 3) + dop(1, 3, b"abcd") + dop(2, 4) + dop(3, 5, b"z")),
    W(hdr(3) + A2 + page(A3, 4) + struct.pack(">II", 1, 5) + dop(1, 3)),
    W(hdr(3) + A2 + page(A3, 4)),
    W(hdr(5) + page(A2, 6) + struct.pack(">II", 7, 9)),
    W(hdr(5) + page(A2, 6)),
    W(hdr(7) + struct.pack(">I", 2) + struct.pack(">I", 1) + page(A2, 2) + struct.pack(">HH", 0x0200, 0) + page(A1, 5) + page(A3, 6)
      + struct.pack(">I", 3) + page(A3, 4) + struct.pack(">HH", 0, 0)),
    W(hdr(7) + struct.pack(">I", 0)),
    W(hdr(7) + struct.pack(">I", 5) + struct.pack(">I", 1) + page(A2, 2) + struct.pack(">HH", 0, 0)),
    W(hdr(7)),
    W(hdr(6)),
    W(hdr(200, 0xff)),
    W(hdr(4)[:11]),
    W(b""),
    udp(hdr(4), 4567, 40001),
    udp(hdr(4), 53, 4567),
    udp(hdr(4), 30490, 4567),
    udp(hdr(4), 49152, 4567),
    udp(hdr(2) + A2 + page(A3, 4) + struct.pack(">II", 100, 200), 40001, 4567, v6=True),
]
pcap(pkts, "wb.pcap")
print(len(pkts), "packets")

# A wb kill message from each port rfilter decodes to port 4567: which printer
# wins follows tcpdump's order.
PORTS = [53, 525, 69, 67, 68, 520, 654, 500, 4500, 7500, 161, 162, 123, 88, 750, 1701, 2103, 2104,
         521, 546, 547, 5359, 6696, 8231, 496, 1985, 921, 646, 698, 3503, 49152, 701, 1589, 6343,
         12223, 12222, 5060, 514, 5353, 8472, 4789, 6081, 4342, 4790, 6635, 319, 320, 30490, 17754,
         137, 138, 111, 2049, 3784]
pcap([udp(hdr(4), p, 4567) for p in PORTS], "wb-ports.pcap")
