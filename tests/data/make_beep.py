#!/usr/bin/env python3
"""Writes tests/data/zep/beep.pcap: BEEP (TCP port 10288) segments with every
frame keyword tcpdump names, near misses and short segments. Run once; the
pcap is committed. Uses pktgen.py's pcap writer and IPv4 header."""
import os
import struct

from pktgen import IP4_A, IP4_B, eth, inet_sum, ip4, write_pcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zep")


def tcp(payload, sport=40001, dport=10288, flags=0x18, seq=1000):
    t = struct.pack(">HHIIBBHHH", sport, dport, seq, 5000, 5 << 4, flags, 512, 0, 0) + payload
    pseudo = IP4_A + IP4_B + struct.pack(">BBH", 0, 6, len(t))
    t = t[:16] + struct.pack(">H", inet_sum(pseudo + t)) + t[18:]
    return eth(0x0800, ip4(6, t, frag=0x4000))


pkts = [
    tcp(b"MSG 0 1 . 0 120\r\nContent-Type: application/beep+xml\r\n\r\n<start number='1'/>\r\nEND\r\n"),
    tcp(b"RPY 0 0 . 0 110\r\n\r\n<greeting><profile uri='http://iana.org/beep/TLS'/></greeting>\r\nEND\r\n", 10288, 40001),
    tcp(b"ERR 0 1 . 110 80\r\n\r\n<error code='550'>no profiles</error>\r\nEND\r\n", 10288, 40001),
    tcp(b"ANS 1 2 * 0 10 0\r\nhellohello\r\nEND\r\n", 10288, 40001),
    tcp(b"NUL 1 2 . 10 0\r\nEND\r\n", 10288, 40001),
    tcp(b"SEQ 1 0 4096\r\n"),
    tcp(b"MSG\0binary"),
    tcp(b"END\0"),
    tcp(b"END\r\n"),
    tcp(b"MSG"),
    tcp(b"RPY"),
    tcp(b"msg 0 1 . 0 0\r\n"),
    tcp(b"\x16\x03\x01\x00\x05hello"),
    tcp(b"RP"),
    tcp(b"", flags=0x10),
    tcp(b"MSG 0 1 . 0 0\r\n", 10288, 10288),
    tcp(b"RPY 0 0 . 0 0\r\n", 23, 10288),
    tcp(b"RPY 0 0 . 0 0\r\n", 10288, 80),
    tcp(b"RPY 0 0 . 0 0\r\n", 10288, 22),
    tcp(b"RPY 0 0 . 0 0\r\n", 10288, 21),
    tcp(b"RPY 0 0 . 0 0\r\n", 10288, 6633),
    tcp(b"RPY 0 0 . 0 0\r\n", 10288, 1723),
    tcp(b"RPY 0 0 . 0 0\r\n", 10288, 179),
]
write_pcap(os.path.join(OUT, "beep.pcap"), 1, pkts)
print(len(pkts), "packets")
