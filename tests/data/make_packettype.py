#!/usr/bin/env python3
"""Writes tests/data/packettype/packettype.pcap for tests/print_packettype.rs
(needs scapy): UDP, TCP, VRRP/CARP and PGM packets on ports no printer claims,
whose payloads are what each `-T TYPE` interprets them as — RTP v1/v2 with
options and extensions, RTCP SR/RR/SDES/BYE/APP compounds, NetFlow v1/v5/v6/v7,
vat, wb, Sun RPC calls and replies, SNMP, TFTP, AODV, RADIUS, VXLAN, LMP, PTP,
SOME/IP, DNS, ZMTP/1.0 frames, RESP — plus short and odd payloads, IPv6, and a
few packets on well-known ports (-T overrides the port)."""
import os
import struct
from scapy.all import IP, IPv6, TCP, UDP, Ether, Raw, wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "packettype")
pkts = []


def udp(payload, sport=30000, dport=30001, v6=False):
    ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src="10.1.0.1", dst="10.1.0.2")
    pkts.append(Ether() / ip / UDP(sport=sport, dport=dport) / Raw(payload))


def tcp(payload, sport=30002, dport=30003):
    pkts.append(Ether() / IP(src="10.1.0.1", dst="10.1.0.2") / TCP(sport=sport, dport=dport, flags="PA", seq=5, ack=9) / Raw(payload))


def be32(*v):
    return b"".join(struct.pack(">I", x & 0xFFFFFFFF) for x in v)


# Short payloads every type must cope with.
for n in (0, 1, 2, 3, 4, 7, 8, 11, 12, 13):
    udp(bytes((i * 37 + 5) & 0xFF for i in range(n)))
# RTP v2: plain, marker, extension, H.261 payload type 31, CSRC count.
for first, ext in ((0x80000000 | 0x00600000 | 1234, b""), (0x80000000 | 0x00E00000 | 7, b""),
                   (0x90000000 | 0x00080000 | 9, be32(0xBEDE0002, 1, 2)), (0x80000000 | 0x001F0000 | 3, b""),
                   (0x90000000 | 0x001F0000 | 4, be32(0x00000001, 5)), (0x90000000 | 0x00000000 | 5, be32(0x00000009))):
    udp(be32(first, 0x11223344, 0xCAFEBABE) + ext + be32(0x12345678, 0x9ABCDEF0))
# RTP v1 with options (the last option has its top bit set), and a bad option length.
udp(be32(0x40800000 | 0x00050000 | 77, 0x01020304, 0x00020000, 0x00000000, 0x80010000, 0x55))
udp(be32(0x40800000 | 0x00050000 | 78, 0x01020304, 0x00000000, 0x0))
# RTCP compounds: SR with two reports, RR, SDES, BYE, APP, a bad length, truncated.
rr = be32(0x01010101, 0x05000003, 100, 7, 0x00018000, 0x00004000)
sr = struct.pack(">HHI", 0x82C8, 6 + 12 - 1, 0xAABBCCDD) + be32(3900000000, 0x80000000, 160, 12, 3400) + rr + rr
udp(sr + struct.pack(">HHI", 0x81C9, 7 - 1, 0x11111111) + rr)
udp(struct.pack(">HHI", 0x81CA, 3, 0x22222222) + b"\x01\x04abcd\x00\x00\x00\x00")
udp(struct.pack(">HHI", 0x81CB, 1, 0x33333333) + struct.pack(">HHI", 0x80CC, 2, 0x44444444) + b"NAME")
udp(struct.pack(">HHI", 0x81C9, 9, 0x11111111) + rr)
udp(struct.pack(">HHI", 0x82C8, 12, 0xAABBCCDD) + be32(1, 2))
# NetFlow v1, v5, v6, v7 (cnfp) with records, and an unknown version.
def nf(ver, count, rec_len, extra=b""):
    hdr = struct.pack(">HHIII", ver, count, 123456, 1700000000, 5000) + extra
    recs = b""
    for i in range(count):
        r = bytes([10, 0, 0, i + 1, 10, 0, 1, i + 1, 10, 0, 2, 1]) + struct.pack(">HHIIII", 3, 4, 10 + i, 1500, 100000, 200000)
        r += struct.pack(">HH", 1024 + i, 80) + bytes([0, 0x1B, 6, 0x10]) + struct.pack(">HHBB", 65001, 65002, 24, 16)
        r = (r + bytes(64))[:rec_len]
        recs += r
    return hdr + recs
udp(nf(1, 2, 48, bytes(4)))
udp(nf(5, 2, 48, struct.pack(">IBBH", 77, 0, 1, 0x4001)))
udp(nf(6, 1, 52, struct.pack(">IBBH", 78, 0, 1, 0)))
udp(nf(7, 2, 52, struct.pack(">IBBH", 79, 0, 0, 0)))
udp(nf(9, 1, 20))
udp(nf(5, 30, 48, struct.pack(">IBBH", 77, 0, 1, 0))[:200])
# vat and vt.
udp(be32(0x00810012, 0x01020304) + bytes(20))
udp(be32(0x3C05F061) + bytes(8))
# wb: a page-request-like header.
udp(bytes([0x01, 0x00, 0x00, 0x03]) + be32(0x0A010001, 0x00000005) + bytes(24))
# Sun RPC: a call (NFS v3 GETATTR program), a reply, a portmapper call.
udp(be32(0x1234, 0, 2, 100003, 3, 1, 0, 0, 0, 0, 8) + b"\x01" * 8)
udp(be32(0x1234, 1, 0, 0, 0, 0, 0, 2) + bytes(84))
udp(be32(0x99, 0, 2, 100000, 2, 3, 0, 0, 0, 0, 100003, 3, 17, 0))
# Portmapper calls cut around the 32 bytes tcpdump needs, and every procedure.
call = be32(0x77, 0, 2, 100000, 2, 3, 0, 0, 0, 0, 100003, 3, 17, 0)
for n in (24, 31, 32, 40):
    udp(call[:n])
for proc in (0, 1, 2, 4, 5, 6, 0x1000):
    udp(be32(0x78 + proc, 0, 2 if proc else 3, 100005, 1, proc, 0, 0, 0, 0))
# SNMP get-request (v1), TFTP read request, AODV RREQ, RADIUS access-request.
udp(bytes.fromhex("302602010004067075626c6963a019020101020100020100300e300c06082b060102010101000500"))
udp(b"\x00\x01file.txt\x00octet\x00")
udp(bytes([1, 0, 0, 3]) + be32(7, 0x0A000001, 9, 0x0A000002, 11))
udp(bytes([1, 9, 0, 26]) + bytes(16) + bytes([1, 6]) + b"fred")
# VXLAN carrying an Ethernet/IPv4/ICMP frame; LMP config; PTP sync (v2); SOME/IP.
inner = bytes(Ether() / IP(src="192.0.2.1", dst="192.0.2.2") / b"\x08\x00\xf7\xff\x00\x00\x00\x00")
udp(bytes([0x08, 0, 0, 0, 0, 0, 0x2A, 0]) + inner)
udp(bytes([0x10, 0, 0, 1]) + struct.pack(">HH", 32, 0) + bytes([1, 1, 0, 8]) + be32(0x0A000001) + bytes([0x80 | 6, 6, 0, 8]) + be32(5))
udp(bytes([0x00, 0x02, 0x00, 0x2C]) + bytes(30) + struct.pack(">HBB", 7, 0, 0) + bytes(8))
udp(struct.pack(">HHIHHBBBB", 0x1234, 0x8001, 16, 1, 2, 1, 1, 0, 0) + b"DATADATA")
# DNS query.
udp(struct.pack(">HHHHHH", 0x4242, 0x0100, 1, 0, 0, 0) + b"\x07example\x03com\x00\x00\x01\x00\x01")
# On well-known ports: -T wins over the port.
udp(struct.pack(">HHHHHH", 0x4343, 0x0100, 1, 0, 0, 0) + b"\x01a\x00\x00\x01\x00\x01", sport=30010, dport=53)
udp(be32(0x80000000 | 0x00600000 | 1, 2, 3), sport=30011, dport=161)
udp(be32(0x80000000 | 0x00600000 | 1, 2, 3), v6=True)
# TCP payloads: ZMTP/1.0 frames, RESP, DNS over TCP, other bytes.
tcp(b"\x05\x01HELO\x03\x00hi" + b"\xff" + struct.pack(">Q", 12) + b"\x00" + b"long-msg-xx")
tcp(b"\x01\x00" + b"\x02\x01a")
tcp(b"*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n")
tcp(struct.pack(">H", 29) + struct.pack(">HHHHHH", 0x4444, 0x0100, 1, 0, 0, 0) + b"\x07example\x03com\x00\x00\x01\x00\x01")
tcp(b"\x00\x01\x02\x03 arbitrary bytes")
# VRRP/CARP (IP protocol 112): a VRRPv2 advertisement / CARP announcement.
pkts.append(Ether() / IP(src="10.1.0.1", dst="224.0.0.18", proto=112, ttl=255) /
            Raw(bytes([0x21, 7, 100, 1, 0, 1, 0x12, 0x34]) + be32(0x0A010064) + bytes(8)))
pkts.append(Ether() / IP(src="10.1.0.1", dst="224.0.0.18", proto=112, ttl=255) /
            Raw(bytes([0x21, 7, 0, 0, 0, 1, 0x12, 0x34]) + bytes(28)))
pkts.append(Ether() / IPv6(src="fe80::1", dst="ff02::12", nh=112, hlim=255) /
            Raw(bytes([0x21, 7, 100, 1, 0, 1, 0x12, 0x34]) + bytes(28)))
# VRRPv3 over IPv6 (its addresses are IPv6 ones), with a TTL other than 255.
pkts.append(Ether() / IPv6(src="fe80::1", dst="ff02::12", nh=112, hlim=255) /
            Raw(bytes([0x31, 9, 100, 2, 0, 100, 0, 0]) + bytes.fromhex("fe80" + "00" * 13 + "01") + bytes.fromhex("fe80" + "00" * 13 + "02")))
pkts.append(Ether() / IPv6(src="fe80::1", dst="ff02::12", nh=112, hlim=64) /
            Raw(bytes([0x21, 9, 100, 1, 1, 1, 0, 0]) + bytes.fromhex("fe80" + "00" * 13 + "01") + b"secret!!"))
# PGM ODATA (IP protocol 113) whose data is a ZMTP/1.0 datagram.
pgm = struct.pack(">HHBBHIH", 3055, 3056, 4, 0, 0, 0x01020304, 0x0506) + struct.pack(">H", 14)
pgm += be32(1, 1) + struct.pack(">HH", 0, 0) + b"\x05\x01HELO"
pkts.append(Ether() / IP(src="10.1.0.1", dst="239.1.1.1", proto=113) / Raw(pgm))
udp(pgm, sport=30020, dport=30021)

for i, p in enumerate(pkts):
    p.time = 1700000000 + i / 4
os.makedirs(OUT, exist_ok=True)
wrpcap(os.path.join(OUT, "packettype.pcap"), pkts)
