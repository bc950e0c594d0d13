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
from scapy.all import Ether, IP, IPv6, UDP, TCP, Raw, Dot1Q

from pktgen_scapy import E, A, B, A6, B6, write


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


def bgpmsg(typ, body=b"", length=None):
    n = 19 + len(body) if length is None else length
    return b"\xff" * 16 + struct.pack("!HB", n, typ) + body


def cap(code, val=b""):
    return struct.pack("!BB", code, len(val)) + val


def bgp_open(asn, hold, ident, params):
    opt = b"".join(params)
    return bgpmsg(1, struct.pack("!BHH4sB", 4, asn, hold, bytes(map(int, ident.split("."))),
                                 len(opt)) + opt)


def capparam(*caps):
    c = b"".join(caps)
    return struct.pack("!BB", 2, len(c)) + c


def attr(flags, typ, val):
    if flags & 0x10:
        return struct.pack("!BBH", flags, typ, len(val)) + val
    return struct.pack("!BBB", flags, typ, len(val)) + val


def pfx(p):
    addr, plen = p.split("/")
    plen = int(plen)
    b = bytes(map(int, addr.split(".")))
    return bytes([plen]) + b[:(plen + 7) // 8]


def pfx6(p):
    import ipaddress
    n = ipaddress.ip_network(p, strict=False)
    return bytes([n.prefixlen]) + n.network_address.packed[:(n.prefixlen + 7) // 8]


def update(withdrawn=b"", attrs=b"", nlri=b""):
    return bgpmsg(2, struct.pack("!H", len(withdrawn)) + withdrawn +
                  struct.pack("!H", len(attrs)) + attrs + nlri)


def ip4(a):
    return bytes(map(int, a.split(".")))


def notification(major, minor, data=b""):
    return bgpmsg(3, bytes([major, minor]) + data)


def bgp():
    import ipaddress
    v6 = lambda a: ipaddress.ip_address(a).packed
    caps = capparam(cap(1, b"\x00\x01\x00\x01"), cap(1, b"\x00\x02\x00\x01"), cap(2),
                    cap(128), cap(65, struct.pack("!I", 4200000000)),
                    cap(64, b"\x80\x78\x00\x01\x01\x80\x00\x02\x01\x00"),
                    cap(69, b"\x00\x01\x01\x03\x00\x02\x01\x01"), cap(70),
                    cap(71, b"\x00\x01\x01\x80\x00\x00\x3c"))
    # One capability per parameter, as Cisco IOS sends them.
    split = [capparam(cap(1, b"\x00\x01\x00\x01")), capparam(cap(128)), capparam(cap(2)),
             capparam(cap(65, struct.pack("!I", 65001)))]
    odd = capparam(cap(5, b"\x00\x01\x00\x01\x00\x02"), cap(8, b"\x00\x01\x04\x02"),
                   cap(3, b"\x00\x01\x00\x01\x01\x40\x02"), cap(4), cap(67, b"\x01"),
                   cap(68), cap(73, b"\x04host\x07example"), cap(200, b"\xde\xad"),
                   cap(64, b"\x00\x5a"), cap(69, b"\x00\x01\x01\x07"), cap(69), cap(1, b"\x00\x19\x00\x41"),
                   cap(1, b"\x00\x01\x00\x80"), cap(1, b"\x00\x01\x00\x85"))
    a2 = attr(0x40, 1, b"\x00") + attr(0x40, 2, b"\x02\x03" + struct.pack("!HHH", 65001, 65002, 3356)) \
        + attr(0x40, 3, ip4("10.0.0.1")) + attr(0x80, 4, struct.pack("!I", 100)) \
        + attr(0x40, 5, struct.pack("!I", 200)) + attr(0x40, 6, b"") \
        + attr(0xc0, 7, struct.pack("!H", 65001) + ip4("192.0.2.1")) \
        + attr(0xc0, 8, struct.pack("!IIII", (65001 << 16) | 100, 0xffffff01, 0xffffff02, 0xffffff03) + struct.pack("!I", (3356 << 16) | 7))
    nl = pfx("192.0.2.0/24") + pfx("198.51.100.0/22") + pfx("10.0.0.0/8") + pfx("203.0.113.7/32") \
        + pfx("0.0.0.0/0") + pfx("172.16.255.0/23")
    wd = pfx("192.168.0.0/16") + pfx("10.1.2.0/24")
    a4 = attr(0x40, 1, b"\x02") \
        + attr(0x50, 2, b"\x02\x02" + struct.pack("!II", 4200000000, 65536) + b"\x01\x02" + struct.pack("!II", 1, 2)) \
        + attr(0x40, 3, ip4("10.0.0.2")) \
        + attr(0xc0, 7, struct.pack("!I", 4200000001) + ip4("192.0.2.2")) \
        + attr(0xc0, 17, b"\x02\x01" + struct.pack("!I", 4200000002)) \
        + attr(0xc0, 18, struct.pack("!I", 4200000003) + ip4("192.0.2.3")) \
        + attr(0x80, 9, ip4("1.1.1.1")) + attr(0x80, 10, ip4("2.2.2.2") + ip4("3.3.3.3")) \
        + attr(0xc0, 16, b"\x00\x02" + struct.pack("!HI", 65001, 100)
               + b"\x01\x02" + ip4("10.0.0.1") + struct.pack("!H", 7)
               + b"\x02\x03" + struct.pack("!IH", 4200000000, 9)
               + b"\x01\x07" + ip4("10.9.9.9") + b"\x00\x00"
               + b"\x00\x05" + ip4("10.8.8.8") + b"\x00\x00"
               + b"\x03\x06" + ip4("0.0.0.1") + b"\x05\x01"
               + b"\x03\x0c" + b"\x00\x00\x00\x00\x00\x08"
               + b"\x00\x09" + struct.pack("!HI", 65001, 5)
               + b"\x01\x0b" + ip4("10.0.0.3") + b"\x00\x01"
               + b"\x00\x0a" + struct.pack("!HI", 65001, 6)
               + b"\x08\x00" + b"\x00" * 6
               + b"\x43\x00" + b"\x01\x02\x03\x04\x05\x06") \
        + attr(0xc0, 32, struct.pack("!III", 4200000000, 1, 2) + struct.pack("!III", 65001, 3, 4)) \
        + attr(0xd0, 99, b"\x01\x02\x03\x04\x05") + attr(0xcf, 100, b"") \
        + attr(0x40, 2, b"\x01\x02" + struct.pack("!HH", 10, 20) + b"\x03\x01" + struct.pack("!H", 30)
               + b"\x04\x02" + struct.pack("!HH", 40, 50))
    mp6 = attr(0x80, 14, b"\x00\x02\x01\x20" + v6("2001:db8::1") + v6("fe80::1") + b"\x00"
               + pfx6("2001:db8:1::/48") + pfx6("2001:db8:2:3::/64") + pfx6("::/0")) \
        + attr(0x40, 1, b"\x00") + attr(0x40, 2, b"\x02\x01" + struct.pack("!H", 65001))
    mp6b = attr(0x80, 14, b"\x00\x02\x01\x10" + v6("2001:db8::1") + b"\x00" + pfx6("2001:db8:9::/48"))
    unreach6 = attr(0x80, 15, b"\x00\x02\x01" + pfx6("2001:db8:1::/48"))
    eor6 = attr(0x80, 15, b"\x00\x02\x01")
    mp4 = attr(0x80, 14, b"\x00\x01\x01\x04" + ip4("10.0.0.9") + b"\x00" + pfx("10.20.0.0/16")) \
        + attr(0x80, 15, b"\x00\x01\x02" + pfx("10.30.0.0/16"))
    mpodd = attr(0x80, 14, b"\x00\x01\x05\x04" + ip4("10.0.0.9") + b"\x00") \
        + attr(0x80, 15, b"\x40\x00\x01\x00")
    bad = attr(0x40, 1, b"\x00\x01") + attr(0x40, 1, b"\x07") + attr(0x40, 2, b"\x02") \
        + attr(0x40, 3, b"\x01\x02") + attr(0x40, 4, b"") + attr(0x40, 6, b"\x00") \
        + attr(0xc0, 7, b"\x00") + attr(0xc0, 8, b"\x00\x00\x00") + attr(0x80, 9, b"") \
        + attr(0x80, 10, b"\x01") + attr(0xc0, 16, b"\x00") + attr(0xc0, 32, b"") \
        + attr(0xc0, 18, b"\x00") + attr(0x40, 2, b"")
    rd0 = struct.pack("!HHI", 0, 65001, 100)
    rd1 = struct.pack("!H", 1) + ip4("10.0.0.1") + struct.pack("!H", 7)
    rd2 = struct.pack("!HIH", 2, 4200000000, 9)
    lbl = lambda v, bos=1: struct.pack("!I", (v << 4 | bos))[1:]
    vpn4 = attr(0x90, 14, b"\x00\x01\x80\x0c" + rd0 + ip4("10.0.0.9") + b"\x00"
                + bytes([88 + 24]) + lbl(16) + rd0 + ip4("192.168.1.0")[:3]
                + bytes([88 + 32]) + lbl(17, 0) + rd1 + ip4("192.168.2.1")
                + bytes([88 + 20]) + lbl(18) + rd2 + ip4("172.16.0.0")[:3]
                + bytes([88 + 16]) + lbl(19) + struct.pack("!HHI", 7, 1, 2) + b"\x0a\x01")
    vpn6 = attr(0x90, 14, b"\x00\x02\x80\x18" + rd0 + v6("::ffff:10.0.0.9") + b"\x00"
                + bytes([88 + 64]) + lbl(20) + rd0 + v6("2001:db8:1::")[:8])
    lab4 = attr(0x90, 14, b"\x00\x01\x04\x04" + ip4("10.0.0.9") + b"\x00"
                + bytes([24 + 24]) + lbl(3) + ip4("10.9.8.0")[:3] + bytes([24 + 32]) + lbl(100) + ip4("10.9.9.9"))
    lab6 = attr(0x90, 14, b"\x00\x02\x04\x10" + v6("2001:db8::9") + b"\x00"
                + bytes([24 + 48]) + lbl(2) + v6("2001:db8:5::")[:6])
    unr_vpn = attr(0x90, 15, b"\x00\x01\x80" + bytes([88 + 24]) + lbl(0x80000) + rd1 + ip4("192.168.3.0")[:3])
    rtc = attr(0x90, 14, b"\x00\x01\x84\x04" + ip4("10.0.0.9") + b"\x00" + b"\x00"
               + bytes([96]) + struct.pack("!I", 65001) + b"\x00\x02" + struct.pack("!HI", 65001, 100)
               + bytes([96]) + struct.pack("!I", 65001) + b"\x01\x02" + ip4("10.1.1.1") + b"\x00\x05"
               + bytes([80]) + struct.pack("!I", 4200000000) + b"\x02\x02" + struct.pack("!I", 7)
               + bytes([40]) + struct.pack("!I", 65001) + b"\x00"
               + bytes([64]) + struct.pack("!I", 65001) + b"\x09\x09\x00\x01"
               + bytes([20]))
    mdt = attr(0x90, 14, b"\x00\x01\x42\x04" + ip4("10.0.0.9") + b"\x00"
               + bytes([128]) + rd0 + ip4("10.0.0.1") + ip4("239.1.1.1") + bytes([64]))
    lab_bad = attr(0x90, 14, b"\x00\x01\x04\x04" + ip4("10.0.0.9") + b"\x00" + bytes([10]) + b"\x00" * 3)
    pmsi = lambda tt, rest: attr(0xc0, 22, bytes([1, tt]) + lbl(5) + rest)
    pmsis = pmsi(3, ip4("10.0.0.1") + ip4("239.0.0.1")) + pmsi(4, ip4("10.0.0.2") + ip4("239.0.0.2")) \
        + pmsi(6, ip4("10.0.0.3")) + pmsi(2, ip4("10.0.0.4") + struct.pack("!I", 77)) \
        + pmsi(1, ip4("10.0.0.5") + struct.pack("!I", 78)) + pmsi(9, b"\x01\x02") + attr(0xc0, 22, b"\x00\x06")
    aigp = attr(0x80, 26, b"\x01\x00\x0b" + struct.pack("!Q", 1000)) \
        + attr(0x80, 26, b"\x05\x00\x05\xaa\xbb" + b"\x01\x00\x0b" + struct.pack("!Q", 7))
    aigp_bad = attr(0x80, 26, b"\x01\x00\x02")
    inner = attr(0x40, 1, b"\x00") + attr(0x40, 2, b"\x02\x01" + struct.pack("!H", 65001)) + attr(0, 5, struct.pack("!I", 9))
    aset = attr(0xc0, 128, struct.pack("!I", 65001) + inner)
    nest = attr(0x40, 1, b"\x01")
    for i in range(12):
        nest = attr(0xd0, 128, struct.pack("!I", 100 + i) + nest)
    aset_short = attr(0xc0, 128, struct.pack("!I", 65001) + b"\x40\x01\x05\x00")
    lbw = attr(0xc0, 16, b"\x40\x04" + struct.pack("!Hf", 65001, 125000000.0)
               + b"\x40\x04" + struct.pack("!Hf", 1, 1234.5678))
    mv = lambda t, body: bytes([t, len(body)]) + body
    sg4 = b"\x20" + ip4("10.1.1.1") + b"\x20" + ip4("232.1.1.1")
    sg6 = b"\x80" + v6("2001:db8::1") + b"\x80" + v6("ff3e::1")
    mvpn = attr(0x90, 14, b"\x00\x01\x05\x04" + ip4("10.0.0.9") + b"\x00"
                + mv(1, rd0 + ip4("10.0.0.1")) + mv(1, rd2 + v6("2001:db8::5")) + mv(1, rd1 + b"\x01\x02")
                + mv(2, rd0 + struct.pack("!I", 65002)) + mv(3, rd0 + sg4 + ip4("10.0.0.7"))
                + mv(4, b"\x01\x02\x03") + mv(5, rd1 + sg4) + mv(6, rd2 + struct.pack("!I", 4200000000) + sg6)
                + mv(7, rd0 + struct.pack("!I", 1) + b"\x00\x00") + mv(9, b"zz"))
    mvpn_bad = attr(0x90, 14, b"\x00\x01\x05\x04" + ip4("10.0.0.9") + b"\x00" + mv(1, b"\x00\x01"))
    l2 = lambda body: struct.pack("!H", len(body)) + body
    vpls = attr(0x90, 14, b"\x00\x19\x41\x04" + ip4("10.0.0.9") + b"\x00"
                + l2(rd0 + ip4("10.0.0.8"))
                + l2(rd1 + struct.pack("!HH", 3, 8) + lbl(800000)[:3] + b"\x01\x00\x10\xaa\x55"
                     + b"\x07\x00\x08\x01")
                + l2(rd2 + struct.pack("!HH", 1, 0) + lbl(16)[:3] + b"\x01\x00\x40" + b"\xff" * 8))
    l2vpn = attr(0x90, 15, b"\x00\xc4\x80" + l2(rd0 + struct.pack("!HH", 9, 9) + lbl(5)[:3] + b"\x02\x00\xff"))
    l2bad = attr(0x90, 15, b"\x00\xc4\x80" + l2(b"\x00" * 14))
    l2info = attr(0xc0, 16, b"\x80\x0a\x13\x05\x05\xdc\x00\x00" + b"\x80\x0a\x63\x00\x23\x28\x00\x00")
    nsap_a = bytes.fromhex("470005800000000000000000001921680000100100")[:20]
    clns = attr(0x90, 14, b"\x00\x03\x01\x14" + nsap_a + b"\x00"
                + b"\x48\x00\x00\x00" + bytes.fromhex("4900010000000001")
                + b"\x98\x00\x00\x00" + bytes(range(1, 20)) + b"\xa0")
    clns_vpn = attr(0x90, 14, b"\x00\x03\x80\x14" + rd0 + bytes.fromhex("470006010a000009") + b"\x00" * 4
                    + b"\x00" + bytes([88 + 40]) + lbl(21) + rd0 + bytes.fromhex("4900010203"))
    clns_vpn6 = attr(0x90, 14, b"\x00\x03\x80\x1b" + rd0 + b"\x35\x00\x00" + v6("2001:db8::7") + b"\x00")
    clns_bad = attr(0x90, 14, b"\x00\x03\x81\x04" + b"\x00" * 4 + b"\x00" + bytes([20]))
    # Found by mutant soaks: the origin AS is read before the RT length check,
    # printf's NaN, and an I-PMSI route shorter than its RD.
    rtc_long = attr(0x90, 14, b"\x00\x01\x84\x04" + ip4("10.0.0.9") + b"\x00" + b"\xff")
    nan_bw = attr(0xc0, 16, b"\x40\x04\x00\x01\xff\xc0\x00\x00" + b"\x40\x04\x00\x01\x7f\x80\x00\x00"
                  + b"\x40\x04\x00\x01\xff\x80\x00\x00" + b"\x40\x04\x00\x01\x80\x00\x00\x00")
    mvpn_short = attr(0x90, 14, b"\x00\x01\x05\x04" + ip4("10.0.0.9") + b"\x00" + mv(1, b"\x00\x09") + rd0)
    p = [
        update(b"", rtc_long), update(b"", nan_bw), update(b"", mvpn_short),
        update(b"", clns), update(b"", clns_vpn), update(b"", clns_vpn6), update(b"", clns_bad),
        update(b"", vpls), update(b"", l2vpn), update(b"", l2bad), update(b"", l2info),
        update(b"", mvpn), update(b"", mvpn_bad),
        update(b"", vpn4), update(b"", vpn6), update(b"", lab4), update(b"", lab6), update(b"", unr_vpn),
        update(b"", rtc), update(b"", mdt), update(b"", lab_bad), update(b"", pmsis),
        update(b"", aigp), update(b"", aigp_bad), update(b"", aset), update(b"", nest), update(b"", aset_short),
        update(b"", lbw),
        bgp_open(65001, 180, "10.0.0.1", [caps]),
        bgp_open(65002, 90, "10.0.0.2", split),
        bgp_open(23456, 0, "10.0.0.3", [odd, struct.pack("!BB", 1, 3) + b"abc", b"\x09\x00"]),
        bgp_open(65003, 30, "10.0.0.4", [struct.pack("!BB", 2, 40) + cap(2)]),
        # RFC 9072 extended optional parameters (which tcpdump 4.99 does not know).
        bgpmsg(1, struct.pack("!BHH4sBBH", 4, 65001, 90, ip4("10.0.0.5"), 255, 255, 8)
               + struct.pack("!BH", 2, 5) + cap(65, struct.pack("!I", 65001))[:5]),
        bgpmsg(4),
        update(wd, a2, nl),
        update(b"", a4, pfx("100.64.0.0/10")),
        update(),
        update(wd),
        update(b"", mp6), update(b"", mp6b), update(b"", unreach6), update(b"", eor6),
        update(b"", mp4), update(b"", mpodd),
        update(b"", bad),
        update(pfx("10.0.0.0/8")[:1] + b"\x21\x01\x02\x03\x04\x05", b"", b""),
        update(b"", b"", b"\x18\x0a\x00"),
        update(b"", b"", b"\x21\x0a\x00\x00\x00\x00"),
        update(b"\x00", b"", b""),
        update(b"", attr(0x40, 1, b"\x00")[:2], b""),
        update(b"", attr(0x40, 5, struct.pack("!I", 7))[:5], b""),
        # Add-path NLRI (path identifiers before each prefix).
        update(b"\x00\x00\x00\x01" + pfx("10.1.0.0/16"), attr(0x40, 1, b"\x00"),
               b"\x00\x00\x00\x01" + pfx("10.2.0.0/16") + b"\x00\x00\x00\x02" + pfx("0.0.0.0/0")),
        notification(1, 2, b"\x00\x05"), notification(1, 9), notification(2, 2),
        notification(2, 7), notification(3, 11), notification(3, 99), notification(4, 0),
        notification(5, 1), notification(5, 3), notification(7, 4),
        notification(6, 1, b"\x00\x01\x01\x00\x00\x03\xe8"), notification(6, 1),
        notification(6, 2, b"\x0bmaintenance"), notification(6, 4, b"\x00"),
        notification(6, 2, b"\x05bye\x01\x02\x03"), notification(6, 2, b"\x40short"),
        notification(6, 3), notification(6, 7), notification(6, 9), notification(9, 1),
        bgpmsg(3, b"\x06"),
        bgpmsg(5, b"\x00\x01\x00\x01"), bgpmsg(5, b"\x00\x02\x01\x80"), bgpmsg(5, b"\x00\x01"),
        bgpmsg(6, b"\x01\x02\x03\x04"), bgpmsg(0), bgpmsg(1, b"\x04"),
    ]
    pkts = []
    seq = 1000
    for m in p:
        pkts.append(tcp(179, 50123, m, seq=seq))
        seq += len(m)
    # Several messages in one segment.
    multi = bgpmsg(4) + update(wd, a2, nl) + bgpmsg(4) + notification(6, 2)
    pkts.append(tcp(50123, 179, multi, seq=5000))
    # Garbage before the first marker; a message cut by the segment's end.
    pkts.append(tcp(179, 50123, b"\x00\x01\xff\x02" + bgpmsg(4) + update(wd, a2, nl)[:40], seq=seq))
    pkts.append(tcp(179, 50123, bgpmsg(4, length=10) + bgpmsg(4), seq=seq))
    pkts.append(tcp(179, 50123, bgpmsg(2, length=200), seq=seq))
    pkts.append(tcp(179, 50123, b"\xff" * 15, seq=seq))
    pkts.append(tcp(179, 50123, b"hello, not BGP", seq=seq))
    pkts.append(tcp(179, 50123, bgp_open(65001, 180, "10.0.0.1", [caps]), v6=True))
    # Dispatch order: BGP wins over later ports.
    pkts.append(tcp(179, 1723, bgpmsg(4)))
    pkts.append(tcp(179, 80, bgpmsg(4)))
    pkts.append(tcp(179, 22, bgpmsg(4)))
    pkts.append(tcp(179, 2049, bgpmsg(4)))
    pkts.append(udp(179, 179, bgpmsg(4)))
    return pkts


def eapol():
    pae = "01:80:c2:00:00:03"
    sta = "00:11:22:33:44:55"
    ap = "00:aa:bb:cc:dd:ee"

    def frame(body, src=sta, ver=1, typ=0, length=None, vlan=None):
        n = len(body) if length is None else length
        pl = struct.pack("!BBH", ver, typ, n) + body
        if vlan is not None:
            return Ether(src=src, dst=pae, type=0x8100) / Dot1Q(vlan=vlan, type=0x888e) / Raw(pl)
        return Ether(src=src, dst=pae, type=0x888e) / Raw(pl)

    def eap(code, ident, data=b"", length=None):
        n = 4 + len(data) if length is None else length
        return struct.pack("!BBH", code, ident, n) + data

    key = bytes([2]) + struct.pack("!HHQ", 0x008a, 16, 1) + b"\x11" * 32 + b"\x00" * 16 \
        + b"\x00" * 8 + b"\x00" * 8 + b"\x00" * 16 + struct.pack("!H", 0)
    p = [
        frame(b"", typ=1),
        frame(b"", typ=1, ver=2),
        frame(b"", typ=2),
        frame(key, typ=3, ver=2, src=ap),
        frame(b"\x01\x02", typ=4),
        frame(b"", typ=9),
        frame(eap(1, 1, b"\x01"), src=ap),
        frame(eap(2, 1, b"\x01user@example.com")),
        frame(eap(1, 2, b"\x02Please log in"), src=ap),
        frame(eap(1, 2, b"\x02"), src=ap),
        frame(eap(2, 2, b"\x03\x19\x0d\x15"), ver=2),
        frame(eap(2, 2, b"\x03")),
        frame(eap(1, 3, b"\x04\x10" + b"\x42" * 16 + b"name"), src=ap),
        frame(eap(1, 4, b"\x0d\x20"), src=ap),
        frame(eap(2, 4, b"\x0d\x80" + struct.pack("!I", 1200) + b"\x16\x03\x01")),
        frame(eap(2, 4, b"\x0d\xc0" + struct.pack("!I", 3000) + b"\x16\x03\x01")),
        frame(eap(2, 4, b"\x0d\x00")),
        frame(eap(1, 5, b"\x15\x21"), src=ap),
        frame(eap(2, 5, b"\x15\x80\x00\x00\x01\x00\x16")),
        frame(eap(1, 6, b"\x19\x21"), src=ap),
        frame(eap(1, 7, b"\x2b\x81\x00\x00\x00\x10"), src=ap),
        frame(eap(1, 8, b"\x12\x0a\x00\x00"), src=ap),
        frame(eap(1, 8, b"\x17\x01\x00\x00"), src=ap),
        frame(eap(2, 8, b"\x17\x0e\x00\x00")),
        frame(eap(2, 8, b"\x17\x63")),
        frame(eap(1, 9, b"\x05otp"), src=ap),
        frame(eap(1, 9, b"\x06gtc"), src=ap),
        frame(eap(1, 9, b"\xfe\x00\x00\x00\x00\x00\x00\x01"), src=ap),
        frame(eap(1, 9, b"\xff"), src=ap),
        frame(eap(1, 9, b"\x63"), src=ap),
        frame(eap(1, 9, b"\x00"), src=ap),
        frame(eap(3, 9), src=ap),
        frame(eap(4, 9), src=ap),
        frame(eap(5, 9, b"\x01"), src=ap),
        frame(eap(1, 10, b"\x01"), length=4, src=ap),
        frame(eap(1, 10, b"\x01", length=9), src=ap),
        frame(eap(1, 10, b"", length=2), src=ap),
        frame(eap(1, 10, b""), src=ap),
        frame(eap(1, 10, b"\x01", length=3), length=3, src=ap),
        frame(eap(2, 11, b"\x01ab\x01\xffc\x00d")),
        frame(b"", length=0),
        frame(eap(2, 12, b"\x01vlan-user"), vlan=10),
        Ether(src=sta, dst=pae, type=0x888e) / Raw(b"\x01"),
    ]
    return p


def rpc_call(xid, proc, body=b"", vers=3, prog=100003, cred=None, verf=b"\x00" * 8, rpcvers=2):
    if cred is None:
        mach = b"client\x00\x00"
        unix = struct.pack("!I", 1234) + struct.pack("!I", 6) + mach + struct.pack("!IIII", 1000, 1000, 1, 1000)
        cred = struct.pack("!II", 1, len(unix)) + unix
    return struct.pack("!IIIIII", xid, 0, rpcvers, prog, vers, proc) + cred + verf + body


def rpc_reply(xid, body=b"", astat=0, verf=b"\x00" * 8):
    return struct.pack("!III", xid, 1, 0) + verf + struct.pack("!I", astat) + body


def fattr3(ftype=1, mode=0o644, size=4096, fileid=1234):
    return struct.pack("!IIIII", ftype, mode, 1, 1000, 1000) + struct.pack("!QQII", size, 8192, 0, 0) \
        + struct.pack("!QQ", 0x1234, fileid) + struct.pack("!IIIIII", 1700000000, 1, 1700000001, 2, 1700000002, 3)


def fattr2():
    return struct.pack("!IIIIIIIIIIIIIIIII", 2, 0o40755, 2, 0, 0, 512, 4096, 0, 1, 7, 99,
                       1700000000, 0, 1700000001, 0, 1700000002, 0)


def xdr_str(b):
    return struct.pack("!I", len(b)) + b + b"\x00" * ((4 - len(b) % 4) % 4)


def nfs():
    rec = lambda m, last=True: struct.pack("!I", (0x80000000 if last else 0) | len(m)) + m
    LINUX_FH = bytes.fromhex("01000701") + bytes(range(1, 25))
    BSD_FH = bytes.fromhex("05070000" "0a000000" "00000000" "d2040000") + b"\x00" * 16
    SUN_FH = bytes.fromhex("00800001" "00000002" "000a0000" "00001234") + b"\x00" * 16
    AUSPEX_FH = b"\x00" * 6 + b"\x03\x04" + b"\x00" * 4 + bytes.fromhex("0000abcd") + b"\x00" * 16
    OSF_FH = bytes.fromhex("01002000" "07000000" "0c000000" "39300000") + b"\x00" * 16
    UCX_FH = b"\x01DKA0 \x00\x00\x00\x00\x00\x00\x00\x00" + b"\x00" * 8 + b"\x05\x06\x00\x00\x07\x08\x00\x00"
    fh3 = lambda fh=LINUX_FH: xdr_str(fh)
    post = lambda: struct.pack("!I", 1) + fattr3()
    pre = lambda: struct.pack("!I", 1) + struct.pack("!QIIII", 4096, 1700000000, 5, 1700000001, 6)
    wcc = lambda: pre() + post()
    calls = [
        (0, b""), (1, fh3()), (1, fh3(BSD_FH)), (1, fh3(SUN_FH)), (1, fh3(AUSPEX_FH)), (1, fh3(OSF_FH)),
        (1, fh3(UCX_FH)), (1, xdr_str(b"\x01\x02\x03\x04")),
        (2, fh3() + struct.pack("!IIIIIIII", 1, 0o600, 1, 7, 0, 0, 0, 0) + b"\x00" * 4),
        (3, fh3() + xdr_str(b"file.txt")),
        (4, fh3() + struct.pack("!I", 0x1f)), (4, fh3() + struct.pack("!I", 0x3f)),
        (4, fh3() + struct.pack("!I", 0x12)), (4, fh3() + struct.pack("!I", 0x40)),
        (4, fh3() + struct.pack("!I", 0)),
        (5, fh3()),
        (6, fh3() + struct.pack("!QI", 65536, 32768)),
        (7, fh3() + struct.pack("!QIII", 8192, 512, 2, 512) + b"x" * 512),
        (7, fh3() + struct.pack("!QIII", 0, 4, 0, 4) + b"abcd"),
        (7, fh3() + struct.pack("!QIII", 0, 4, 7, 4) + b"abcd"),
        (8, fh3() + xdr_str(b"new") + struct.pack("!I", 0) + struct.pack("!IIIIIIII", 1, 0o644, 0, 0, 0, 0, 0, 0)),
        (9, fh3() + xdr_str(b"dir") + struct.pack("!IIIIIIII", 1, 0o755, 0, 0, 0, 0, 0, 0)),
        (10, fh3() + xdr_str(b"link") + struct.pack("!IIIIIIIIII", 1, 0o777, 1, 5, 1, 6, 0, 2, 100, 200) + xdr_str(b"target")),
        (11, fh3() + xdr_str(b"dev") + struct.pack("!I", 4) + struct.pack("!IIIIII", 1, 0o600, 0, 0, 0, 0) + struct.pack("!II", 8, 1)),
        (12, fh3() + xdr_str(b"old.txt")),
        (13, fh3() + xdr_str(b"dir")),
        (14, fh3() + xdr_str(b"a") + fh3(BSD_FH) + xdr_str(b"b")),
        (15, fh3() + fh3() + xdr_str(b"hard")),
        (16, fh3() + struct.pack("!QQI", 0, 0x0102030405060708, 4096)),
        (17, fh3() + struct.pack("!QQII", 5, 0x0102030405060708, 4096, 32768)),
        (18, fh3()), (19, fh3()), (20, fh3()),
        (21, fh3() + struct.pack("!QI", 0, 0)),
        (22, b""), (99, b""),
    ]
    replies = {
        0: b"",
        1: struct.pack("!I", 0) + fattr3(),
        2: struct.pack("!I", 0) + wcc(),
        3: struct.pack("!I", 0) + fh3() + post() + post(),
        4: struct.pack("!I", 0) + post() + struct.pack("!I", 0x1f),
        5: struct.pack("!I", 0) + post() + xdr_str(b"/target"),
        6: struct.pack("!I", 0) + post() + struct.pack("!II", 4, 1) + xdr_str(b"data"),
        7: struct.pack("!I", 0) + wcc() + struct.pack("!II", 512, 2) + struct.pack("!Q", 0xdeadbeef),
        8: struct.pack("!I", 0) + struct.pack("!I", 1) + fh3() + post() + wcc(),
        9: struct.pack("!I", 0) + struct.pack("!I", 1) + fh3() + post() + wcc(),
        10: struct.pack("!I", 0) + struct.pack("!I", 0) + wcc(),
        11: struct.pack("!I", 0) + struct.pack("!I", 1) + fh3() + struct.pack("!I", 0) + wcc(),
        12: struct.pack("!I", 0) + wcc(),
        13: struct.pack("!I", 0) + struct.pack("!I", 0) + struct.pack("!I", 0),
        14: struct.pack("!I", 0) + wcc() + wcc(),
        15: struct.pack("!I", 0) + post() + wcc(),
        16: struct.pack("!I", 0) + post() + struct.pack("!Q", 0x1122334455667788) + struct.pack("!I", 0) + struct.pack("!I", 1),
        17: struct.pack("!I", 0) + post() + struct.pack("!Q", 0x1122334455667788) + struct.pack("!I", 0) + struct.pack("!I", 1),
        18: struct.pack("!I", 0) + post() + struct.pack("!QQQQQQI", 10 ** 12, 10 ** 11, 10 ** 10, 1000, 1020, 1010, 0),
        19: struct.pack("!I", 0) + post() + struct.pack("!IIIIIIIQIII", 65536, 65536, 4096, 65536, 65536, 4096, 8192, 2 ** 63, 0, 1, 27),
        20: struct.pack("!I", 0) + post() + struct.pack("!IIIIII", 32000, 255, 1, 1, 0, 1),
        21: struct.pack("!I", 0) + wcc() + struct.pack("!Q", 0xfeedface),
        22: b"", 99: b"",
    }
    errors = [(1, 2), (3, 2), (3, 70), (4, 13), (6, 5), (7, 28), (8, 17), (9, 10004), (12, 13), (16, 10003),
              (18, 70), (19, 70), (20, 70), (5, 22), (17, 12345), (2, 1), (14, 18), (15, 31), (21, 5),
              (10, 63), (11, 10007), (13, 66)]
    pkts = []
    xid = 0x1000
    for proc, body in calls:
        xid += 1
        pkts.append(udp(1010, 2049, rpc_call(xid, proc, body)))
        pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(rpc_reply(xid, replies[proc])))
    for proc, err in errors:
        xid += 1
        pkts.append(udp(1010, 2049, rpc_call(xid, proc, fh3() + b"\x00" * 16)))
        body = struct.pack("!I", err) + struct.pack("!I", 1) + fattr3() + b"\x00" * 8
        pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(rpc_reply(xid, body)))
    # NFSv2 calls and replies.
    fh2 = LINUX_FH + b"\x00" * 4
    v2 = [(1, fh2, struct.pack("!I", 0) + fattr2()), (4, fh2 + xdr_str(b"x"), struct.pack("!I", 0) + fh2 + fattr2()),
          (6, fh2 + struct.pack("!III", 0, 1024, 0), struct.pack("!I", 0) + fattr2() + xdr_str(b"dd")),
          (8, fh2 + struct.pack("!IIII", 0, 0, 4, 4) + b"abcd", struct.pack("!I", 0) + fattr2()),
          (16, fh2 + struct.pack("!II", 0, 1024), struct.pack("!I", 0) + struct.pack("!III", 0, 0, 1)),
          (17, fh2, struct.pack("!I", 0) + struct.pack("!IIIII", 8192, 4096, 1000, 500, 400)),
          (5, fh2, struct.pack("!I", 0) + xdr_str(b"/t")), (3, fh2, b""), (9, fh2 + xdr_str(b"c"), struct.pack("!I", 2)),
          (11, fh2 + xdr_str(b"a") + fh2 + xdr_str(b"b"), struct.pack("!I", 0)),
          (25, b"", b"")]
    for proc, body, rep in v2:
        xid += 1
        pkts.append(udp(1011, 2049, rpc_call(xid, proc, body, vers=2)))
        pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1011) / Raw(rpc_reply(xid, rep)))
    # Well-formed symlink and mknod calls, a long unknown handle, odd attributes.
    sattr = struct.pack("!IIIIIIIIIIIII", 1, 0o755, 1, 10, 1, 20, 0, 2, 100, 200, 2, 300, 400)
    more = [(10, fh3() + xdr_str(b"ln") + sattr + xdr_str(b"../target"), replies[10]),
            (11, fh3() + xdr_str(b"blk") + struct.pack("!I", 3) + sattr + struct.pack("!II", 8, 16),
             replies[11]),
            (11, fh3() + xdr_str(b"fifo") + struct.pack("!I", 6) + sattr, replies[11]),
            (11, fh3() + xdr_str(b"fifo7") + struct.pack("!I", 7) + sattr, replies[11]),
            (11, fh3() + xdr_str(b"odd") + struct.pack("!I", 9) + sattr, replies[11]),
            (1, fh3(bytes(range(100, 140))), struct.pack("!I", 0) + fattr3(ftype=9, mode=0o4755)),
            (1, fh3(b"\x00\x00\x01\x02" + b"\x07\x00\x00\x00" + b"\x0c\x00" + b"\x00" * 20), struct.pack("!I", 0) + fattr3()),
            (1, fh3(b"\x00\x00\x01\x02" + b"\x00\x08\x00\x00" + b"\x00\x00\x00\x05" + b"\x00" * 20), struct.pack("!I", 0)),
            (1, fh3(b"\x01\x02\x00\x00" + b"\x00\x01\x02\x03" + b"\x00" * 16 + b"\x01\x00\x02\x00"), struct.pack("!I", 0)),
            (1, fh3(b"\x01\x02\x03\x04" + b"\x00\x00\x00\x00" + b"\x00\x0a" + b"\x00" * 22), struct.pack("!I", 0)),
            (1, fh3(b"\x01\x02\x00\x00" + b"\x00\x01\x02\x03" + b"\x00\x0a" + b"\x00" * 6), struct.pack("!I", 0)),
            (3, fh3() + xdr_str(b"x"), struct.pack("!I", 2) + struct.pack("!I", 1) + fattr3()),
            (3, fh3() + xdr_str(b"y"), struct.pack("!I", 0) + fh3() + struct.pack("!I", 0) + struct.pack("!I", 0)),
            (8, fh3() + xdr_str(b"z") + struct.pack("!I", 0) + b"\x00" * 24, struct.pack("!I", 0) + struct.pack("!I", 0)),
            (8, fh3() + xdr_str(b"z") + struct.pack("!I", 0) + b"\x00" * 24, struct.pack("!I", 17) + struct.pack("!I", 0) + struct.pack("!I", 0)),
            (7, fh3() + struct.pack("!QIII", 0, 4, 1, 4) + b"abcd", struct.pack("!I", 28) + struct.pack("!I", 0) + struct.pack("!I", 0)),
            (6, fh3() + struct.pack("!QI", 0, 4), struct.pack("!I", 0) + struct.pack("!I", 0) + struct.pack("!II", 4, 0) + xdr_str(b"dddd")),
            (16, fh3() + struct.pack("!QQI", 0, 0, 4096), struct.pack("!I", 0) + struct.pack("!I", 0) + struct.pack("!Q", 1)),
            (18, fh3(), struct.pack("!I", 0) + struct.pack("!I", 0) + b"\x00" * 10),
            (19, fh3(), struct.pack("!I", 0) + struct.pack("!I", 0) + b"\x00" * 10),
            (20, fh3(), struct.pack("!I", 0) + struct.pack("!I", 0) + b"\x00" * 10),
            (1, fh3(), struct.pack("!I", 0) + fattr3()[:40]),
            (1, fh3(), struct.pack("!I", 0) + fattr3()[:12])]
    for proc, body, rep in more:
        xid += 1
        pkts.append(udp(1010, 2049, rpc_call(xid, proc, body)))
        pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(rpc_reply(xid, rep)))
    # NFSv4 COMPOUND calls and replies (tcpdump reads them with the v2 table).
    xid += 1
    pkts.append(udp(1012, 2049, rpc_call(xid, 1, b"\x00" * 40, vers=4)))
    compound = xdr_str(b"") + struct.pack("!III", 1, 2, 53) + b"\x01" * 40 + struct.pack("!I", 22) + fh3() \
        + struct.pack("!II", 9, 2) + struct.pack("!II", 0x0010011a, 0x00b0a23a)
    for proc, body in ((0, b""), (1, compound)):
        xid += 1
        pkts.append(tcp(1020, 2049, rec(rpc_call(xid, proc, body, vers=4))))
        rep = struct.pack("!I", 0) + xdr_str(b"") + struct.pack("!I", 3) + struct.pack("!II", 53, 0) + b"\x02" * 40
        pkts.append(E / IP(src=B, dst=A) / TCP(sport=2049, dport=1020, seq=9000, ack=1100, flags="PA")
                    / Raw(rec(rpc_reply(xid, rep if proc else b""))))
    # A read reply carrying data, and a call with a Kerberos-sized verifier.
    xid += 1
    pkts.append(udp(1010, 2049, rpc_call(xid, 6, fh3() + struct.pack("!QI", 0, 1200))))
    pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010)
                / Raw(rpc_reply(xid, struct.pack("!I", 0) + post() + struct.pack("!II", 1200, 0) + xdr_str(b"z" * 1200))))
    xid += 1
    pkts.append(udp(1010, 2049, rpc_call(xid, 1, fh3(), verf=struct.pack("!II", 6, 24) + b"v" * 24)))
    # RPC-level failures and odd replies.
    xid += 1
    pkts.append(udp(1010, 2049, rpc_call(xid, 1, fh3())))
    pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(rpc_reply(xid, astat=1)))
    for a in (2, 3, 4, 5, 9):
        pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(rpc_reply(xid, astat=a)))
    pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(struct.pack("!IIIIII", xid, 1, 1, 0, 2, 2)))
    for why in (1, 2, 3, 4, 5, 6, 7, 13):
        pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(struct.pack("!IIIII", xid, 1, 1, 1, why)))
    pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(struct.pack("!IIII", xid, 1, 1, 7)))
    pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(struct.pack("!III", xid, 1, 5)))
    pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(rpc_reply(0x7777, struct.pack("!I", 0) + fattr3())))
    pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(rpc_reply(xid, b"", verf=struct.pack("!II", 0, 400))))
    # Odd credentials, directions and ports.
    pkts.append(udp(1010, 2049, rpc_call(0x9001, 1, fh3(), cred=struct.pack("!II", 1, 1000))))
    pkts.append(udp(1010, 2049, rpc_call(0x9002, 1, fh3(), verf=struct.pack("!II", 0, 1000))))
    pkts.append(udp(1010, 2049, rpc_call(0x9003, 1, b"", cred=struct.pack("!II", 0, 0), verf=b"")))
    pkts.append(udp(1010, 2049, rpc_call(0x9004, 3, fh3() + struct.pack("!I", 0xfffffffe))))
    pkts.append(udp(1010, 2049, rpc_call(0x9005, 3, fh3() + xdr_str(b"ctl\x01\x7f\xffname"))))
    pkts.append(udp(1010, 2049, rpc_call(0x9006, 1, struct.pack("!I", 200) + LINUX_FH)))
    pkts.append(udp(1010, 2049, rpc_reply(0x9007, b"")))
    pkts.append(udp(2049, 1010, rpc_call(0x9008, 1, fh3())))
    pkts.append(udp(2049, 2049, rpc_call(0x9009, 1, fh3())))
    pkts.append(udp(1010, 2049, b"\x00\x00\x00\x01\x00\x00"))
    pkts.append(udp(1010, 2049, struct.pack("!II", 0x900a, 0)))
    pkts.append(udp(1010, 2049, struct.pack("!IIIIII", 0x900b, 0, 2, 100003, 3, 1) + b"\x00\x00\x00\x01"))
    pkts.append(udp(53, 2049, rpc_call(0x900c, 1, fh3())))
    # An 8 KiB-style write over UDP in IP fragments (NFS over UDP), and its reply.
    from scapy.all import fragment
    big = rpc_call(0x5555, 7, fh3() + struct.pack("!QIII", 0, 4000, 2, 4000) + b"w" * 4000)
    for f in fragment(IP(src=A, dst=B, id=77) / UDP(sport=1010, dport=2049) / Raw(big), fragsize=1480):
        pkts.append(E / f)
    pkts.append(E / IP(src=B, dst=A) / UDP(sport=2049, dport=1010) / Raw(rpc_reply(
        0x5555, struct.pack("!I", 0) + struct.pack("!II", 0, 0) + struct.pack("!II", 4000, 2) + struct.pack("!Q", 1))))
    # NFS over TCP: record marking, and two calls in one segment.
    pkts.append(tcp(1020, 2049, rec(rpc_call(0xa001, 1, fh3()))))
    pkts.append(E / IP(src=B, dst=A) / TCP(sport=2049, dport=1020, seq=5000, ack=1100, flags="PA")
                / Raw(rec(rpc_reply(0xa001, struct.pack("!I", 0) + fattr3()))))
    pkts.append(tcp(1020, 2049, rec(rpc_call(0xa002, 6, fh3() + struct.pack("!QI", 0, 4096)), last=False)))
    pkts.append(tcp(1020, 2049, struct.pack("!I", 0x80000400) + rpc_call(0xa003, 4, fh3() + struct.pack("!I", 1))))
    pkts.append(tcp(1020, 2049, rec(rpc_call(0xa004, 3, fh3() + xdr_str(b"a"))) + rec(rpc_call(0xa005, 1, fh3()))))
    pkts.append(tcp(1020, 2049, b"\x80\x00"))
    pkts.append(tcp(2049, 1020, rec(rpc_call(0xa006, 1, fh3()))))
    pkts.append(tcp(1020, 2049, rec(rpc_call(0xa007, 1, fh3())), v6=True))
    pkts.append(E / IPv6(src=B6, dst=A6) / TCP(sport=2049, dport=1020, seq=5000, ack=1100, flags="PA")
                / Raw(rec(rpc_reply(0xa007, struct.pack("!I", 0) + fattr3()))))
    pkts.append(udp(1010, 2049, rpc_call(0xa008, 3, fh3() + xdr_str(b"v6")), v6=True))
    return pkts


def eapol_sll():
    """EAPOL as captured on "any" (Linux cooked headers)."""
    from scapy.layers.l2 import CookedLinux
    sll = lambda t, body: CookedLinux(pkttype=t, lladdrtype=1, lladdrlen=6,
                                      src=b"\x00\x11\x22\x33\x44\x55\x00\x00", proto=0x888e) / Raw(body)
    return [sll(4, b"\x01\x01\x00\x00"), sll(0, b"\x02\x00\x00\x05\x01\x01\x00\x05\x01"),
            sll(4, b"\x02\x00\x00\x0e\x02\x01\x00\x0e\x01host/user"),
            sll(0, b"\x02\x00\x00\x06\x01\x02\x00\x06\x0d\x20"), sll(0, b"\x02\x00\x00\x04\x03\x02\x00\x04"),
            sll(4, b"\x02\x03\x00\x05\x02\x01\x00\x00\x00"), sll(4, b"\x02")]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, gen in [("sip", sip), ("bgp", bgp), ("eapol", eapol), ("eapol_sll", eapol_sll), ("nfs", nfs)]:
        write(out, name, gen())


if __name__ == "__main__":
    main()
