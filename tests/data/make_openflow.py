#!/usr/bin/env python3
"""Writes tests/data/openflow/*.pcap for tests/print_openflow.rs (needs scapy).

openflow.pcap: messages whose output rfilter matches at every verbosity
(HELLO and ECHO data, bodiless types, unknown versions and types, bad
lengths, several messages per segment, segments ending inside a header).
openflow-types.pcap: every 1.0 and 1.3 message type with body lengths around
its size rule, printed at default verbosity only (rfilter does not decode the
bodies tcpdump decodes with -v).
"""
import os
import struct
from scapy.all import IP, IPv6, TCP, Ether, Raw, wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "openflow")


def msg(ver, kind, body=b"", xid=0x1234, length=None):
    n = 8 + len(body) if length is None else length
    return struct.pack(">BBHI", ver, kind, n, xid) + body


def seg(payload, sport=40000, dport=6653, v6=False, seq=1):
    ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src="10.0.0.1", dst="10.0.0.2")
    return Ether() / ip / TCP(sport=sport, dport=dport, flags="PA", seq=seq, ack=7) / Raw(payload)


def body(n, salt=0):
    return bytes((i * 13 + salt) & 0xFF for i in range(n))


def safe():
    pkts = []
    # Data-carrying types of 1.0 (HELLO, ECHO) and 1.3 (ECHO), short and long.
    for ver, kinds in ((1, (0, 2, 3)), (4, (2, 3))):
        for kind in kinds:
            for n in (0, 1, 5, 16, 17, 40):
                pkts.append(seg(msg(ver, kind, body(n, kind), xid=n)))
    # Types without a body in 1.0 and 1.3, right and wrong sizes.
    for ver, kinds in ((1, (5, 7, 18, 19)), (4, (5, 7, 20, 21, 26))):
        for kind in kinds:
            for n in (0, 4):
                pkts.append(seg(msg(ver, kind, body(n))))
    # Fixed and minimum sizes broken: "(invalid)" before any decoding.
    for ver, kind, n in ((1, 8, 3), (1, 9, 5), (1, 11, 79), (1, 14, 63), (1, 6, 23),
                         (4, 6, 25), (4, 12, 71), (4, 17, 7), (4, 24, 15), (4, 4, 7)):
        pkts.append(seg(msg(ver, kind, body(n))))
    # Unknown versions and types.
    for ver in (0, 2, 3, 5, 6, 7, 0x81):
        pkts.append(seg(msg(ver, 0, body(6))))
    for ver, kind in ((1, 22), (1, 0xFF), (4, 30), (4, 0x80)):
        pkts.append(seg(msg(ver, kind, body(4))))
    # Header lengths below 8, and lengths past the segment.
    for n in (0, 4, 7):
        pkts.append(seg(msg(1, 2, body(8), length=n) + msg(1, 0)))
    pkts.append(seg(msg(1, 2, body(8), length=200)))
    pkts.append(seg(msg(4, 3, body(8), length=60) + msg(4, 2)))
    # Several messages in one segment, ending inside a header at each offset.
    train = msg(1, 0) + msg(1, 2, b"ping") + msg(4, 3, b"pong!") + msg(1, 5)
    pkts.append(seg(train))
    for cut in range(1, 8):
        pkts.append(seg(train + msg(1, 3, b"x")[:cut]))
    for cut in range(1, 8):
        pkts.append(seg(msg(4, 2)[:cut]))
    # Both ports, either direction, IPv6, and the port chosen before HTTP's.
    pkts.append(seg(msg(1, 2, b"old"), sport=6633, dport=51000))
    pkts.append(seg(msg(1, 3, b"old"), sport=51001, dport=6633))
    pkts.append(seg(msg(4, 2, b"six"), sport=6653, dport=51002, v6=True))
    pkts.append(seg(msg(1, 0), sport=80, dport=6653))
    pkts.append(seg(msg(1, 0), sport=6633, dport=8080))
    for i, p in enumerate(pkts):
        p.time = 1700000000 + i / 8
    wrpcap(os.path.join(OUT, "openflow.pcap"), pkts)


def types():
    pkts = []
    lengths = (0, 1, 3, 4, 5, 7, 8, 9, 10, 11, 16, 23, 24, 25, 32, 55, 56, 57, 63, 64, 71, 72, 79, 80, 81)
    for ver in (1, 4):
        for kind in range(0, 32):
            for n in lengths:
                pkts.append(seg(msg(ver, kind, body(n, kind), xid=kind << 8 | n)))
    for ver in (2, 3, 5, 6):
        for kind in (0, 5, 13):
            pkts.append(seg(msg(ver, kind, body(4))))
    for i, p in enumerate(pkts):
        p.time = 1700000100 + i / 16
    wrpcap(os.path.join(OUT, "openflow-types.pcap"), pkts)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    safe()
    types()
