#!/usr/bin/env python3
"""Writes tests/data/zep/beep.pcap: BEEP (TCP port 10288) segments with every
frame keyword tcpdump names, near misses and short segments. Run once; the
pcap is committed. Reuses make_zep.py's pcap writer and checksum."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
src = open(os.path.join(HERE, "make_zep.py")).read()
g = {"__file__": os.path.join(HERE, "make_zep.py")}
exec(src[: src.index("S = lambda")], g)
pcap, ipsum = g["pcap"], g["ipsum"]


def tcp(payload, sport=40001, dport=10288, flags=0x18, seq=1000):
    src_ip, dst_ip = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    t = struct.pack(">HHIIBBHHH", sport, dport, seq, 5000, 5 << 4, flags, 512, 0, 0) + payload
    pseudo = src_ip + dst_ip + struct.pack(">BBH", 0, 6, len(t))
    b = pseudo + t + (b"\0" if len(t) % 2 else b"")
    t = t[:16] + struct.pack(">H", ipsum(b)) + t[18:]
    h = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(t), 1, 0x4000, 64, 6, 0, src_ip, dst_ip)
    ip = h[:10] + struct.pack(">H", ipsum(h)) + h[12:]
    return b"\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\x08\x00" + ip + t


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
pcap(pkts, "beep.pcap")
print(len(pkts), "packets")
