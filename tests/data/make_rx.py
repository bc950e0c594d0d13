#!/usr/bin/env python3
"""Writes tests/data/zep/rx.pcap and rx-ports.pcap: AFS rx headers on UDP ports
7000-7009 of every packet type whose line rfilter prints in full (not first
client data packets, acks or replies tcpdump matches to calls), every flag,
short headers; and an rx packet against each port rfilter decodes.
Run once; the pcaps are committed. Builds on pktgen.py."""
import os
import struct

from pktgen import eth_udp as udp, write_pcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zep")


def pcap(pkts, name):
    write_pcap(os.path.join(OUT, name), 1, pkts)


def rx(t, flags=0, seq=5, sec=2, svc=1, cid=0x0A1B2C3C, call=7, serial=9):
    return struct.pack(">IIIIIBBBBHH", 0x5F000001, cid, call, seq, serial, t, flags, 0, sec, 0, svc)


pkts = []
for i, t in enumerate([3, 5, 6, 7, 8, 9, 13, 0, 10, 14, 20, 255]):
    pkts.append(udp(rx(t, flags=(1 << (i % 6)) | 2, seq=i) + b"body" * (i % 3), 40001 + i, 7000 + i % 10))
for f in range(0, 64, 3):
    pkts.append(udp(rx(1, flags=f, seq=2 + f), 7000, 7001))
    pkts.append(udp(rx(1, flags=f & ~1, seq=3), 7003, 40001))
pkts += [
    udp(rx(1, flags=0x20 | 4, seq=7, sec=0, svc=0xFFFF, cid=0xFFFFFFFF, call=0xFFFFFFFF, serial=0) + bytes(64), 7000, 7000),
    udp(rx(6, seq=0, sec=255), 7004, 40001),
    udp(rx(3)[:27], 40001, 7005),
    udp(rx(3)[:10], 40001, 7006),
    udp(b"", 40001, 7007),
    udp(rx(9), 7009, 7010),
    udp(rx(9), 6999, 7010),
    udp(rx(9), 40001, 7008, v6=True),
]
pcap(pkts, "rx.pcap")

PORTS = [53, 525, 69, 67, 68, 520, 654, 500, 4500, 7500, 161, 162, 123, 88, 750, 1701, 2103, 2104,
         521, 546, 547, 5359, 6696, 8231, 496, 1985, 921, 646, 698, 3503, 49152, 701, 1589, 6343,
         12223, 12222, 5060, 514, 5353, 8472, 4789, 6081, 4342, 4790, 6635, 319, 320, 30490, 17754,
         4567, 137, 138, 111, 2049, 3784]
pcap([udp(rx(3), p, 7001) for p in PORTS] + [udp(rx(3), 7003, p) for p in PORTS], "rx-ports.pcap")
print(len(pkts), "packets")
