#!/usr/bin/env python3
"""Writes the captures of tests/print_vpn.rs into tests/data/vpn/: one pcap per protocol
(AH, ISAKMP/IKE, RADIUS, L2TP, Kerberos), realistic and malformed packets.
Deterministic (fixed timestamps). Needs scapy; the tests only read the files and
compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_vpn.py tests/data/vpn
"""
import os
import struct
import sys
from scapy.all import Ether, IP, IPv6, UDP, TCP, Raw, wrpcap
from scapy.layers.dns import DNS, DNSQR

E = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
A, B = "10.0.0.1", "10.0.0.2"
A6, B6 = "fd00::1", "fd00::2"


def ip(proto=None, **kw):
    if proto is None:
        return IP(src=A, dst=B, **kw)
    return IP(src=A, dst=B, proto=proto, **kw)


def ah_hdr(nh, spi, seq, icv, words=None, reserved=0):
    if words is None:
        words = (12 + len(icv)) // 4 - 2
    return struct.pack(">BBHII", nh, words, reserved, spi, seq) + icv


def ah():
    icv = bytes(range(12))
    tcp = bytes(TCP(sport=1234, dport=80, flags="S", seq=1))
    udp = bytes(UDP(sport=1234, dport=53) / DNS(qd=DNSQR(qname="a.com")))
    icmp = bytes.fromhex("0800f7ff00000000")
    return [
        E / ip(51) / Raw(ah_hdr(6, 0x1234, 5, icv) + tcp),
        E / ip(51) / Raw(ah_hdr(17, 1, 9, bytes(12), reserved=1) + udp),
        E / ip(51) / Raw(ah_hdr(1, 0xdeadbeef, 0xffffffff, icv) + icmp),
        E / ip(51) / Raw(ah_hdr(50, 0x100, 2, icv) + bytes.fromhex("0000aaaa00000003") + bytes(16)),
        # AH in AH, AH over IP-in-IP, AH with a 16-byte ICV, no ICV at all.
        E / ip(51) / Raw(ah_hdr(51, 1, 1, icv) + ah_hdr(6, 2, 2, icv) + tcp),
        E / ip(51) / Raw(ah_hdr(4, 7, 7, icv) + bytes(IP(src="1.1.1.1", dst="2.2.2.2") / UDP(sport=5, dport=6))),
        E / ip(51) / Raw(ah_hdr(6, 3, 3, bytes(range(16))) + tcp),
        E / ip(51) / Raw(ah_hdr(59, 3, 3, b"")),
        E / ip(51) / Raw(ah_hdr(6, 3, 3, b"", words=0) + tcp),
        # Length past the packet's end; header cut short; unknown next protocol.
        E / ip(51) / Raw(ah_hdr(6, 1, 1, bytes(8), words=100)),
        E / ip(51) / Raw(bytes([6, 100, 0, 0, 0, 0, 0])),
        E / ip(51) / Raw(ah_hdr(200, 3, 3, icv) + b"abcd"),
        # IPv6: AH then TCP, UDP, ICMPv6, ESP, after a destination-options header.
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(6, 0x1234, 5, icv) + tcp),
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(17, 0x1234, 6, icv) + udp),
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(58, 0x1234, 7, icv) + bytes.fromhex("8000000000010001")),
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(50, 0x1234, 8, icv) + bytes(20)),
        E / IPv6(src=A6, dst=B6, nh=60) / Raw(bytes([51, 0, 1, 4, 0, 0, 0, 0]) + ah_hdr(6, 9, 9, icv) + tcp),
        E / IPv6(src=A6, dst=B6, nh=51) / Raw(ah_hdr(60, 9, 9, icv) + bytes([6, 0, 1, 4, 0, 0, 0, 0]) + tcp),
    ]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, pkts in [("ah", ah())]:
        for i, p in enumerate(pkts):
            p.time = 1700000000 + i / 1000
        wrpcap(os.path.join(out, name + ".pcap"), pkts)


if __name__ == "__main__":
    main()
