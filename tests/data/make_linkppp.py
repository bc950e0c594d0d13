#!/usr/bin/env python3
"""Writes the captures of tests/print_linkppp.rs into tests/data/linkppp/: one pcap per
serial link type (PPP, PPP_SERIAL, C_HDLC, PPP_ETHER, PPP_PPPD) carrying IPv4, IPv6, the PPP
control protocols, PAP/CHAP, MPLS, Cisco SLARP and odd or short frames. Deterministic
(fixed timestamps). Needs scapy; the tests only read the files and compare rfilter's
output with tcpdump's.

usage: python3 tests/data/make_linkppp.py tests/data/linkppp
"""
import os
import struct
import sys
from scapy.all import IP, IPv6, TCP, UDP, ICMP, Raw, wrpcap
from scapy.layers.inet6 import ICMPv6EchoRequest
from scapy.layers.dns import DNS, DNSQR

A, B = "10.0.0.1", "10.0.0.2"
A6, B6 = "2001:db8::1", "2001:db8::2"

LINKTYPES = {"ppp": 9, "ppp_serial": 50, "ppp_ether": 51, "c_hdlc": 104, "ppp_pppd": 166}


def ip_packets():
    """Network-layer packets (bytes) and whether each is IPv6."""
    return [
        (bytes(IP(src=A, dst=B, id=1) / TCP(sport=1024, dport=80, flags="S", seq=100)), False),
        (bytes(IP(src=B, dst=A, id=2) / TCP(sport=80, dport=1024, flags="SA", seq=7, ack=101)
               / Raw(b"HTTP/1.1 200 OK\r\n\r\n")), False),
        (bytes(IP(src=A, dst=B, id=3) / UDP(sport=5353, dport=53)
               / DNS(id=7, qd=DNSQR(qname="example.com"))), False),
        (bytes(IP(src=A, dst="224.0.0.1", ttl=1, id=4) / ICMP(type=8, id=1, seq=2)), False),
        (bytes(IPv6(src=A6, dst=B6) / TCP(sport=2000, dport=22, flags="S")), True),
        (bytes(IPv6(src=A6, dst=B6, hlim=1) / ICMPv6EchoRequest(id=5, seq=6)), True),
        (bytes(IPv6(src=B6, dst=A6) / UDP(sport=4000, dport=5000) / Raw(b"\x23" + b"\0" * 47)), True),
    ]


def mpls(label, inner):
    return struct.pack(">I", (label << 12) | 0x100 | 64) + inner


def ppp_payloads():
    """(protocol, payload) pairs for PPP frames."""
    ips = ip_packets()
    out = [(0x0057 if v6 else 0x0021, p) for p, v6 in ips]
    out += [
        # LCP Conf-Request: MRU, ACCM, Auth-Prot PAP, Magic-Num, PFC, ACFC.
        (0xc021, bytes([1, 1, 0, 28, 1, 4, 0x05, 0xd4, 2, 6, 0, 0, 0, 0, 3, 4, 0xc0, 0x23,
                        5, 6, 0x12, 0x34, 0x56, 0x78, 7, 2, 8, 2])),
        (0xc021, bytes([9, 2, 0, 8, 0x12, 0x34, 0x56, 0x78])),  # Echo-Request
        (0xc021, bytes([5, 3, 0, 4])),  # Term-Request
        # IPCP Conf-Request: IP-Addr, Pri-DNS.
        (0x8021, bytes([1, 1, 0, 16, 3, 6, 10, 0, 0, 1, 0x81, 6, 8, 8, 8, 8])),
        # IPV6CP Conf-Request: interface identifier.
        (0x8057, bytes([1, 1, 0, 14, 1, 10, 0, 0, 0, 0, 0, 0, 0, 1])),
        (0x80fd, bytes([1, 1, 0, 4])),  # CCP
        (0xc023, bytes([1, 1, 0, 14, 4]) + b"user" + bytes([4]) + b"pass"),  # PAP
        (0xc223, bytes([1, 1, 0, 13, 4, 1, 2, 3, 4]) + b"host"),  # CHAP challenge
        (0x0281, mpls(100, ips[0][0])),
        (0x00fd, b"\x01\x02\x03\x04"),
        (0x003d, bytes([0x80, 0x01, 0x00, 0x21]) + ips[0][0][:20]),  # MLPPP
        (0x802b, bytes([1, 1, 0, 4])),  # IPXCP: named, printed as hex
        (0x1234, b"unknown protocol bytes"),
    ]
    return out


def ppp_frames():
    """DLT_PPP frames: HDLC-like framing, compressed address/control and protocol
    fields, pppd's direction bytes, escaped frames and short captures."""
    ips = ip_packets()
    out = [b"\xff\x03" + struct.pack(">H", proto) + p for proto, p in ppp_payloads()]
    out += [
        b"\x21" + ips[0][0],  # ACFC and PFC
        b"\x00\x21" + ips[2][0],  # ACFC only
        b"\x00\x03\x00\x21" + ips[1][0],  # pppd inbound
        b"\x01\x03\x00\x57" + ips[4][0],  # pppd outbound
        b"\xff\x03\x7d\x21\x45\x00",  # octet-stuffed protocol
        b"\xff\x03\x00",  # 3 bytes
        b"\xff",
    ]
    return out


def pppd_frames():
    """DLT_PPP_PPPD frames: pppd's direction byte (0 in, 1 out) for the address."""
    ips = ip_packets()
    out = [bytes([i % 2, 3]) + struct.pack(">H", proto) + p
           for i, (proto, p) in enumerate(ppp_payloads())]
    out += [
        b"\x02\x03\x00\x21" + ips[0][0],  # neither direction
        b"\xff\x03\x00\x21" + ips[2][0],
        b"\x00\x03\x00",
        b"\x01",
    ]
    return out


def serial_frames():
    """DLT_PPP_SERIAL frames: RFC 1662 framing, Cisco HDLC frames (which tcpdump
    decodes as such) and unknown addresses."""
    ips = ip_packets()
    out = [b"\xff\x03" + struct.pack(">H", proto) + p for proto, p in ppp_payloads()]
    out += [
        b"\x0f\x00\x08\x00" + ips[0][0],
        b"\x8f\x00\x80\x35" + slarp(0, b"\0" * 10),
        b"\x01\x02\x00\x21" + ips[0][0],  # unknown address
        b"\xff\x03\x00",
        b"\x0f",
    ]
    return out


def slarp(code, rest):
    return struct.pack(">I", code) + rest


def chdlc_frames():
    ips = ip_packets()
    out = [(b"\x0f\x00" + (b"\x86\xdd" if v6 else b"\x08\x00")) + p for p, v6 in ips]
    out += [
        b"\x8f\x00\x80\x35" + slarp(0, b"\0" * 10),  # request
        b"\x8f\x00\x80\x35" + slarp(1, bytes([10, 0, 0, 1, 255, 255, 255, 252]) + b"\0\0"),
        b"\x8f\x00\x80\x35" + slarp(2, struct.pack(">IIH", 5, 4, 0xffff)),  # no uptime
        b"\x8f\x00\x80\x35" + slarp(2, struct.pack(">IIHI", 5, 4, 0xffff, 93784000)),
        b"\x8f\x00\x80\x35" + slarp(2, struct.pack(">IIHI", 1, 2, 3, 4000) + b"junk"),
        b"\x8f\x00\x80\x35" + slarp(7, b"\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a"),
        b"\x8f\x00\x80\x35" + slarp(2, b"\0\0"),  # too short
        b"\x0f\x00\x88\x47" + mpls(16, ips[0][0]),
        b"\x0f\x00\x08\x06" + b"\0" * 28,  # ARP: not decoded on Cisco HDLC
        b"\x0f\x00\x12\x34" + b"data",
        b"\x42\x00\x08\x00" + ips[2][0],  # odd address byte
        b"\x0f\x00\x08",
    ]
    return out


def pppoe(code, session, payload):
    return struct.pack(">BBHH", 0x11, code, session, len(payload)) + payload


def tag(t, v):
    return struct.pack(">HH", t, len(v)) + v


def ppp_ether_frames():
    ips = ip_packets()
    out = [pppoe(0, 0x1234, (b"\x00\x57" if v6 else b"\x00\x21") + p) for p, v6 in ips]
    out += [
        pppoe(0x09, 0, tag(0x0101, b"") + tag(0x0103, b"\x01\x02\x03\x04")),  # PADI
        pppoe(0x07, 0, tag(0x0101, b"isp") + tag(0x0102, b"ac-name") + tag(0, b"")),  # PADO
        pppoe(0xa7, 0x1234, b""),  # PADT
        pppoe(0, 0x1234, b"\xc0\x21" + bytes([9, 2, 0, 8, 0x12, 0x34, 0x56, 0x78])),
        pppoe(0, 0x1234, b"\x80\x21" + bytes([1, 1, 0, 10, 3, 6, 0, 0, 0, 0])),
        b"\x11\x00\x12",  # shorter than the PPPoE header
    ]
    return out


def write(path, linktype, frames):
    pkts = []
    for i, f in enumerate(frames):
        p = Raw(f)
        p.time = 1700000000 + i + 0.000125
        pkts.append(p)
    wrpcap(path, pkts, linktype=linktype)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/data/linkppp"
    os.makedirs(out, exist_ok=True)
    for name, frames in [("ppp", ppp_frames()), ("ppp_serial", serial_frames()),
                         ("c_hdlc", chdlc_frames()), ("ppp_ether", ppp_ether_frames()),
                         ("ppp_pppd", pppd_frames())]:
        write(os.path.join(out, name + ".pcap"), LINKTYPES[name], frames)


if __name__ == "__main__":
    main()
