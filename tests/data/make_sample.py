#!/usr/bin/env python3
"""Writes tests/data/sample.pcap: a small, realistic Ethernet capture for README's first
command and for the tests (HTTP over TCP with handshake and teardown, DNS over UDP, ARP,
ICMP echo, IPv6 TCP, an 802.1Q-tagged frame). Deterministic: fixed timestamps.

usage: python3 tests/data/make_sample.py tests/data/sample.pcap   (needs scapy)
"""
import sys
from scapy.all import (Ether, Dot1Q, IP, IPv6, TCP, UDP, ICMP, ARP, DNS, DNSQR, DNSRR,
                       ICMPv6EchoRequest, Raw, wrpcap)

C_MAC, S_MAC, GW_MAC = "02:00:00:00:00:0c", "02:00:00:00:00:05", "02:00:00:00:00:01"
C, S, NS = "192.168.1.10", "93.184.216.34", "192.168.1.1"


def http_session(sport, cseq, sseq):
    c = Ether(src=C_MAC, dst=GW_MAC) / IP(src=C, dst=S, id=100, ttl=64)
    s = Ether(src=GW_MAC, dst=C_MAC) / IP(src=S, dst=C, id=200, ttl=54)
    req = b"GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl/8.0\r\nAccept: */*\r\n\r\n"
    body = b"<html><body>Example Domain</body></html>\n"
    resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n"
            % len(body)) + body
    opts = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1000, 0)), ("NOP", None), ("WScale", 7)]
    ts = [("NOP", None), ("NOP", None), ("Timestamp", (1001, 5000))]
    return [
        c / TCP(sport=sport, dport=80, flags="S", seq=cseq, window=64240, options=opts),
        s / TCP(sport=80, dport=sport, flags="SA", seq=sseq, ack=cseq + 1, window=65160,
                options=[("MSS", 1400), ("SAckOK", b""), ("Timestamp", (5000, 1000)),
                         ("NOP", None), ("WScale", 9)]),
        c / TCP(sport=sport, dport=80, flags="A", seq=cseq + 1, ack=sseq + 1, window=502, options=ts),
        c / TCP(sport=sport, dport=80, flags="PA", seq=cseq + 1, ack=sseq + 1, window=502,
                options=ts) / Raw(req),
        s / TCP(sport=80, dport=sport, flags="A", seq=sseq + 1, ack=cseq + 1 + len(req), window=128,
                options=ts),
        s / TCP(sport=80, dport=sport, flags="PA", seq=sseq + 1, ack=cseq + 1 + len(req),
                window=128, options=ts) / Raw(resp),
        c / TCP(sport=sport, dport=80, flags="A", seq=cseq + 1 + len(req),
                ack=sseq + 1 + len(resp), window=501, options=ts),
        c / TCP(sport=sport, dport=80, flags="FA", seq=cseq + 1 + len(req),
                ack=sseq + 1 + len(resp), window=501, options=ts),
        s / TCP(sport=80, dport=sport, flags="FA", seq=sseq + 1 + len(resp),
                ack=cseq + 2 + len(req), window=128, options=ts),
        c / TCP(sport=sport, dport=80, flags="A", seq=cseq + 2 + len(req),
                ack=sseq + 2 + len(resp), window=501, options=ts),
    ]


def main():
    pkts = []
    pkts.append(Ether(src=C_MAC, dst="ff:ff:ff:ff:ff:ff") / ARP(op=1, hwsrc=C_MAC, psrc=C, pdst=NS))
    pkts.append(Ether(src=GW_MAC, dst=C_MAC) / ARP(op=2, hwsrc=GW_MAC, psrc=NS, hwdst=C_MAC, pdst=C))
    pkts.append(Ether(src=C_MAC, dst=GW_MAC) / IP(src=C, dst=NS, id=1) / UDP(sport=51000, dport=53)
                / DNS(id=0x1234, rd=1, qd=DNSQR(qname="example.com")))
    pkts.append(Ether(src=GW_MAC, dst=C_MAC) / IP(src=NS, dst=C, id=2) / UDP(sport=53, dport=51000)
                / DNS(id=0x1234, qr=1, rd=1, ra=1, qd=DNSQR(qname="example.com"),
                      an=DNSRR(rrname="example.com", ttl=300, rdata=S)))
    pkts += http_session(44321, 1000000, 2000000)
    pkts.append(Ether(src=C_MAC, dst=GW_MAC) / IP(src=C, dst=S, id=3) / ICMP(type=8, id=7, seq=1)
                / Raw(b"abcdefghijklmnopqrstuvwabcdefghi"))
    pkts.append(Ether(src=GW_MAC, dst=C_MAC) / IP(src=S, dst=C, id=4) / ICMP(type=0, id=7, seq=1)
                / Raw(b"abcdefghijklmnopqrstuvwabcdefghi"))
    pkts.append(Ether(src=C_MAC, dst=GW_MAC) / IPv6(src="2001:db8::10", dst="2001:db8::80")
                / TCP(sport=44400, dport=443, flags="S", seq=77, window=64800))
    pkts.append(Ether(src=C_MAC, dst=GW_MAC) / IPv6(src="2001:db8::10", dst="2001:db8::1")
                / ICMPv6EchoRequest(id=9, seq=1))
    pkts.append(Ether(src=C_MAC, dst=GW_MAC) / Dot1Q(vlan=100) / IP(src="10.100.0.5", dst="10.100.0.1")
                / UDP(sport=40000, dport=9999) / Raw(b"hello vlan"))
    pkts += http_session(44322, 3000000, 4000000)
    t = 1700000000.0
    for i, p in enumerate(pkts):
        p.time = t + i * 0.0125
    wrpcap(sys.argv[1], pkts)


if __name__ == "__main__":
    main()
