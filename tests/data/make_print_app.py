#!/usr/bin/env python3
"""Writes the captures of tests/print_app.rs into tests/data/print-app/: one pcap per
application protocol (SIP, BGP, EAPOL, Sun RPC/NFS), realistic and malformed packets.
Deterministic (fixed timestamps). Needs scapy; the tests only read the files and
compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_print_app.py tests/data/print-app
"""
import os
import struct
import sys
from scapy.all import Ether, IP, IPv6, UDP, TCP, Raw, Dot1Q, wrpcap

E = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
A, B = "10.0.0.1", "10.0.0.2"
A6, B6 = "2001:db8::1", "2001:db8::2"


def udp(sport, dport, payload, v6=False):
    ip = IPv6(src=A6, dst=B6) if v6 else IP(src=A, dst=B)
    return E / ip / UDP(sport=sport, dport=dport) / Raw(payload)


def tcp(sport, dport, payload, seq=1000, ack=2000, flags="PA", v6=False):
    ip = IPv6(src=A6, dst=B6) if v6 else IP(src=A, dst=B)
    return E / ip / TCP(sport=sport, dport=dport, seq=seq, ack=ack, flags=flags) / Raw(payload)


def crlf(*lines):
    return ("\r\n".join(lines) + "\r\n").encode()


SDP = ("v=0\r\no=alice 2890844526 2890844526 IN IP4 10.0.0.1\r\ns=-\r\n"
       "c=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n")


def sip():
    inv = crlf("INVITE sip:bob@example.com SIP/2.0",
               "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776asdhds",
               "Max-Forwards: 70",
               "To: Bob <sip:bob@example.com>",
               "From: Alice <sip:alice@example.com>;tag=1928301774",
               "Call-ID: a84b4c76e66710@10.0.0.1",
               "CSeq: 314159 INVITE",
               "Contact: <sip:alice@10.0.0.1>",
               "Content-Type: application/sdp",
               "Content-Length: %d" % len(SDP), "") + SDP.encode()
    resp = lambda code: crlf("SIP/2.0 " + code,
                             "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK776asdhds",
                             "Call-ID: a84b4c76e66710@10.0.0.1",
                             "CSeq: 314159 INVITE", "Content-Length: 0", "")
    p = [udp(5060, 5060, inv),
         udp(5060, 5060, resp("100 Trying")),
         udp(5060, 5060, resp("180 Ringing")),
         udp(5060, 5060, resp("200 OK")),
         udp(5060, 5060, resp("401 Unauthorized")),
         udp(5060, 5060, crlf("ACK sip:bob@10.0.0.2 SIP/2.0", "CSeq: 314159 ACK", "")),
         udp(5060, 5060, crlf("BYE sip:bob@10.0.0.2 SIP/2.0", "CSeq: 314160 BYE", "")),
         udp(49152, 5060, crlf("REGISTER sip:example.com SIP/2.0", "Expires: 3600", "")),
         udp(5060, 40000, crlf("OPTIONS sip:x SIP/2.0", "")),
         udp(5060, 5060, crlf("SUBSCRIBE sip:x SIP/2.0", "Event: presence", ""), v6=True),
         udp(5060, 5060, crlf("notify sip:x SIP/2.0", "")),
         udp(5060, 5060, b"CANCEL sip:x SIP/2.0\nNo-CR: here\n\n"),
         udp(5060, 5060, b"INFO sip:x SIP/2.0\r\nBad\rLine\r\n"),
         udp(5060, 5060, b"PRACK sip:x SIP/2.0\r\nCtl\x01char\r\n"),
         udp(5060, 5060, b"MESSAGE sip:x SIP/2.0\r\nno end"),
         udp(5060, 5060, b"UPDATE\r\n"),
         udp(5060, 5060, b"SIP/2.0 20 short\r\n"),
         udp(5060, 5060, b"HELLO world\r\n"),
         udp(5060, 5060, b"\r\n\r\n"),
         udp(5060, 5060, b""),
         udp(5060, 5060, b"\x00\x01\x02\x03binary"),
         udp(5060, 5060, b"REFER " + b"x" * 140 + b" SIP/2.0\r\n"),
         # Dispatch order: which port wins when both match a printer.
         udp(53, 5060, b"INVITE sip:x SIP/2.0\r\n"),
         udp(5060, 514, b"INVITE sip:x SIP/2.0\r\n"),
         udp(5353, 5060, b"INVITE sip:x SIP/2.0\r\n"),
         udp(5060, 4789, b"INVITE sip:x SIP/2.0\r\n"),
         udp(6081, 5060, b"INVITE sip:x SIP/2.0\r\n"),
         udp(5060, 6635, b"INVITE sip:x SIP/2.0\r\n"),
         udp(5060, 2049, b"INVITE sip:x SIP/2.0\r\n"),
         tcp(5060, 40001, inv),
         tcp(40001, 5060, resp("200 OK")),
         ]
    return p


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, gen in [("sip", sip)]:
        pkts = gen()
        for i, p in enumerate(pkts):
            p.time = 1700000000 + i
        wrpcap(os.path.join(out, name + ".pcap"), pkts)


if __name__ == "__main__":
    main()
