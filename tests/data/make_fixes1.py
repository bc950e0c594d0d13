#!/usr/bin/env python3
"""Writes captures of tests/print_mixed.rs (the `fixes1` tests) into tests/data/mixed/:
- dnsrr.pcap: DNS resource records of every type tcpdump decodes (A6, URI, UNSPECA,
  TSIG, SOA, SRV, ...), EDNS options of every kind (algorithm lists, CHAIN, EXPIRE,
  ECS valid and not), extended response codes, bit-string and unknown extended labels,
  long names followed by bad labels or pointers;
- arpmore.pcap: ARP of every hardware type tcpdump names, Frame Relay (DLCI) and
  ATM (RFC 2225) ARP of every operation, odd lengths;
- dhcpmore.pcap: DHCP of every message type (leasequery included) and options;
- mptcp1.pcap: MPTCP v0/v1 MP_CAPABLE of every length and flag combination;
- ipopts.pcap: IPv4 record-route, source-route and timestamp options whose hops run
  past the captured header;
- icmpext.pcap: ICMP errors with RFC 4884 extensions: MPLS label stacks (RFC 4950),
  interface identification objects (RFC 5837), unknown classes, bad lengths;
- rplopts.pcap: RPL DIO/DAO/DAO-ACK with pad1, padN and other options, short ones;
- icmp6nd.pcap: ICMPv6 of every type with short bodies, unreachable-port quotes of
  every next header, neighbour-discovery options of every type and length;
- ip6ext.pcap: IPv6 hop-by-hop and destination options of every kind, routing
  headers of types 0, 2, 3 and 4 at every length.
The tests only read the files and compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_fixes1.py tests/data/mixed   (needs scapy)
"""
import os
import random
import struct
import sys
from scapy.all import Ether, IP, UDP, TCP, ICMP, Raw, wrpcap
from scapy.layers.inet6 import IPv6, ICMPv6Unknown

from pktgen_scapy import stamp

MAC = dict(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb")


def name(s):
    if s in ("", "."):
        return b"\0"
    return b"".join(bytes([len(l)]) + l.encode() for l in s.strip(".").split(".")) + b"\0"


def rr(nm, typ, rdata, cls=1, ttl=3600):
    return nm + struct.pack(">HHIH", typ, cls, ttl, len(rdata)) + rdata


def dns(body, qd=1, an=0, ns=0, ar=0, flags=0x8180, ident=7, sport=53, dport=1000):
    msg = struct.pack(">HHHHHH", ident, flags, qd, an, ns, ar) + body
    return Ether(**MAC) / IP(src="1.1.1.1", dst="2.2.2.2") / UDP(sport=sport, dport=dport) / Raw(msg)


Q = name("example.com") + b"\0\1\0\1"
PTR = b"\xc0\x0c"


def dnsrr():
    out = []
    a6 = []
    for pbit, suffix, pname in ((0, bytes(range(16)), b""), (64, bytes(range(8)), name("pfx.example.")),
                                (65, bytes(range(8)), name("odd.example.")), (128, b"", name("all.example.")),
                                (200, b"", b""), (127, b"\1", name("x."))):
        a6.append(rr(PTR, 38, bytes([pbit]) + suffix + pname))
    for rec in a6:
        out.append(dns(Q + rec, an=1))
    tsig = name("key.example.") + name("hmac-sha256.") + struct.pack(">IH", 0, 1700000000 & 0xffff) \
        + struct.pack(">HH", 300, 4) + b"\xaa" * 4 + struct.pack(">HHH", 0x1234, 0, 0)
    recs = [
        rr(PTR, 1, bytes([10, 0, 0, 1])),
        rr(PTR, 2, name("ns1.example.com")),
        rr(PTR, 5, name("alias.example.com")),
        rr(PTR, 6, name("ns.example.com") + name("hostmaster.example.com") + struct.pack(">5I", 1, 2, 3, 4, 5)),
        rr(PTR, 12, name("ptr.example.com")),
        rr(PTR, 15, b"\0\x0a" + name("mx.example.com")),
        rr(PTR, 16, b"\5hello\0\5world"),
        rr(PTR, 28, bytes(range(16))),
        rr(PTR, 33, struct.pack(">HHH", 1, 2, 5060) + name("sip.example.com")),
        rr(PTR, 39, name("dname.example.net")),
        rr(PTR, 256, struct.pack(">HH", 10, 5) + b"http://www.example.com:8000/"),
        rr(PTR, 256, struct.pack(">HH", 1, 2)),
        rr(PTR, 104, b"unspecified ascii \x01\xff"),
        rr(PTR, 250, tsig),
        rr(PTR, 250, name("short.key.")),
        rr(PTR, 13, b"\3CPU\2OS"),
        rr(PTR, 99, b"\x0bv=spf1 -all"),
        rr(PTR, 47, name("next.example.com") + b"\0\1\x40"),
        rr(PTR, 43, b"\x12\x34\x08\x02" + bytes(32)),
        rr(PTR, 65, b"\0\1\0"),
        rr(PTR, 257, b"\0\5issueca.example"),
        rr(PTR, 4000, b"\1\2\3"),
    ]
    for rec in recs:
        out.append(dns(Q + rec, an=1))
    out.append(dns(Q + b"".join(recs[:10]), an=10))
    # Records in the authority and additional sections (-vv), with class CHAOS.
    out.append(dns(Q + recs[0] + rr(PTR, 2, name("ns.example"), cls=3) + rr(PTR, 1, b"\1\2\3\4", cls=4),
                   an=1, ns=1, ar=1))
    # URI with a length shorter than its fixed part, then more bytes.
    out.append(dns(Q + PTR + struct.pack(">HHIH", 256, 1, 1, 2) + b"\0\1abc", an=1))
    out.append(dns(Q + PTR + struct.pack(">HHIH", 256, 1, 1, 0), an=1))

    # EDNS options in a query's OPT record.
    def opt(opts, flags=0x8000, ext_rcode=0, dflags=0x0100, size=4096):
        rd = b"".join(struct.pack(">HH", c, len(v)) + v for c, v in opts)
        o = b"\0" + struct.pack(">HHBBHH", 41, size, ext_rcode, 0, flags, len(rd)) + rd
        return dns(Q + o, an=0, ar=1, flags=dflags, sport=1000, dport=53)
    for opts in (
        [(5, bytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 252, 253, 254, 255]))],
        [(6, bytes([0, 1, 2, 3, 4, 5]))],
        [(7, bytes([0, 1, 2]))],
        [(13, name("foo.example.com"))],
        [(13, b"\3foo\xc0\x0c")],
        [(13, b"\0")],
        [(9, struct.pack(">I", 1209600))],
        [(9, b"\1\2")],
        [(9, b"")],
        [(2, struct.pack(">I", 3600))],
        [(2, struct.pack(">IIII", 1, 2, 3, 4))],
        [(11, b"\0\x64")],
        [(11, b"\0\x07")],
        [(11, b"\0")],
        [(12, bytes(4))],
        [(14, b"\0\1\0\2")],
        [(14, b"\0\1\0")],
        [(10, bytes(range(8)))],
        [(10, bytes(range(24)))],
        [(10, bytes(range(10)))],
        [(8, b"\0\1\x18\0\xc0\xa8\1")],
        [(8, b"\0\1\x20\x10\xc0\xa8\1\2")],
        [(8, b"\0\1\x18\0\xc0\xa8")],
        [(8, b"\0\1\x21\0\xc0\xa8\1\2")],
        [(8, b"\0\1\x18\x21\xc0\xa8\1")],
        [(8, b"\0\2\x38\0" + bytes(7))],
        [(8, b"\0\2\x40\0" + bytes(7))],
        [(8, b"\0\3\x18\0\1\2\3")],
        [(8, b"\0\1\x18")],
        [(3, b"nsid"), (16, b"\1"), (17, b""), (1, b"\0\1\0\2"), (65001, b"\xde\xad")],
    ):
        out.append(opt(opts))
    # Extended response codes via the OPT record, in responses.
    for ext in (0, 1, 2):
        for rc in (0, 1, 5, 7, 11, 15):
            rd = b""
            o = b"\0" + struct.pack(">HHBBHH", 41, 1232, ext, 0, 0, 0)
            out.append(dns(Q + o, an=0, ar=1, flags=0x8180 | rc))
    o = b"\0" + struct.pack(">HHBBHH", 41, 1232, 255, 0, 0, 0)
    out.append(dns(Q + o, an=0, ar=1, flags=0x818f))
    # Bit-string labels (RFC 2673), unknown extended label types, reserved types.
    for lab in (b"\x41\x00" + bytes(range(32)), b"\x41\x08\xab", b"\x41\x0c\xab\xcd",
                b"\x41\x03\xe0", b"\x41\x05\xf8", b"\x41\x10\x12\x34", b"\x42\x01", b"\x7f",
                b"\x80\x01a"):
        nm = b"\3www" + lab + b"\0"
        out.append(dns(nm + b"\0\1\0\1", flags=0x0100, sport=1000, dport=53))
        out.append(dns(Q + rr(PTR, 5, nm), an=1))
    # Names past 255 characters then a bad label type, a bad pointer, a bit label.
    long = b"".join(b"\x3f" + b"a" * 63 for _ in range(4))
    for tail in (b"\x80", b"\xc0\x40", b"\x41\x08\xff\0", b"\x05abcde\0", b"\x42"):
        out.append(dns(long + tail + b"\0\1\0\1", flags=0x0100, sport=1000, dport=53))
        out.append(dns(Q + rr(PTR, 5, long + tail), an=1))
    return stamp(out)


def arp(hrd, pro, hln, pln, op, sha, spa, tha, tpa, trailer=b""):
    body = struct.pack(">HHBBH", hrd, pro, hln, pln, op) + sha + spa + tha + tpa + trailer
    return Ether(src=MAC["src"], dst="ff:ff:ff:ff:ff:ff", type=0x0806) / Raw(body)


def atmarp(op, pro=0x0800, sha=b"\x47" * 20, ssa=b"", spa=b"\x0a\0\0\1", tha=b"", tsa=b"",
           tpa=b"\x0a\0\0\2", e164=0):
    body = struct.pack(">HHBBHBBBB", 19, pro, len(sha) | e164, len(ssa), op, len(spa), len(tha),
                       len(tsa), len(tpa)) + sha + ssa + spa + tha + tsa + tpa
    return Ether(src=MAC["src"], dst="ff:ff:ff:ff:ff:ff", type=0x0806) / Raw(body)


def arpmore():
    out = []
    mac1, mac2 = bytes.fromhex("001122334455"), bytes.fromhex("0a0b0c0d0e0f")
    ip1, ip2 = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    for hrd in (0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 15, 16, 19, 20, 23, 24, 27, 32, 256, 0xffff):
        if hrd == 19 or hrd == 15:
            continue
        out.append(arp(hrd, 0x0800, 6, 4, 1, mac1, ip1, bytes(6), ip2))
    for op in (1, 2, 3, 4, 8, 9, 10, 11):
        out.append(arp(1, 0x0800, 6, 4, op, mac1, ip1, mac2, ip2))
        # Frame Relay: 2-, 3- and 4-byte Q.922 addresses, invalid ones.
        for dl in (b"\x18\x41", b"\x18\x40\x01", b"\x18\x40\x80\x01", b"\x19\x41", b"\x18\x40\x80\x80",
                   b"\x18"):
            out.append(arp(15, 0x0800, len(dl), 4, op, dl, ip1, dl, ip2))
        out.append(atmarp(op))
        out.append(atmarp(op, tha=b"\x39" * 20, tsa=b"\x01\x02"))
        out.append(atmarp(op, sha=b"", ssa=b"", tha=b"\x45" * 8, e164=0x40))
        out.append(atmarp(op, sha=b"\x45" * 8, ssa=b"\xaa\xbb"))
    for kw in (dict(pro=0x86dd), dict(spa=b"\1\2"), dict(tpa=b""), dict(spa=b"\1\2\3\4\5"),
               dict(pro=0x1000)):
        out.append(atmarp(1, **kw))
        out.append(atmarp(2, **kw))
        out.append(atmarp(10, **kw))
    # Hardware addresses of other lengths, zero length, IPv6 protocol.
    out.append(arp(6, 0x0800, 8, 4, 1, b"\1" * 8, ip1, b"\2" * 8, ip2))
    out.append(arp(32, 0x0800, 20, 4, 2, b"\1" * 20, ip1, b"\2" * 20, ip2))
    out.append(arp(1, 0x0800, 0, 4, 1, b"", ip1, b"", ip2))
    out.append(arp(1, 0x86dd, 6, 16, 1, mac1, bytes(16), mac2, bytes(16)))
    out.append(arp(24, 0x0800, 16, 4, 1, b"\3" * 16, ip1, bytes(16), ip2))
    return stamp(out)


def dhcp(msgtype_opts, op=1):
    bootp = struct.pack(">BBBBIHH4s4s4s4s16s64s128s", op, 1, 6, 0, 0x12345678, 0, 0x8000,
                        bytes(4), bytes(4), bytes(4), bytes(4), bytes.fromhex("001122334455") + bytes(10),
                        b"", b"") + b"\x63\x82\x53\x63" + msgtype_opts + b"\xff"
    return Ether(**MAC) / IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=68, dport=67) / Raw(bootp)


def dhcpmore():
    out = []
    for t in range(0, 20):
        out.append(dhcp(bytes([53, 1, t])))
    out.append(dhcp(bytes([53, 2, 1, 2])))
    rng = random.Random(7)
    # Every option code with lengths 0..9 of varied content.
    for code in range(1, 255):
        for ln in (0, 1, 4, 5):
            data = bytes(rng.randint(0, 255) if ln % 3 else 0x41 + (i % 26) for i in range(ln))
            out.append(dhcp(bytes([53, 1, 10, code, ln]) + data))
    return stamp(out)


def mptcp1():
    out = []
    head = lambda fl: Ether(**MAC) / IP(src="10.0.0.1", dst="10.0.0.2") / TCP(sport=40000, dport=80, flags=fl)
    for ver in (0, 1, 2, 15):
        for flags in (0x00, 0x01, 0x80, 0x81):
            for ln, tcpfl in ((4, "S"), (4, "SA"), (4, "A"), (12, "S"), (12, "SA"), (12, "A"), (20, "A"),
                              (20, "SA"), (22, "A"), (22, "S"), (22, "PA"), (24, "A"), (3, "S"), (8, "S")):
                body = bytes([ver, flags]) + bytes(range(1, ln - 3))
                o = bytes([30, ln]) + body
                o += b"\1" * (-len(o) % 4)
                out.append(head(tcpfl) / Raw(b"") if False else
                           Ether(**MAC) / IP(src="10.0.0.1", dst="10.0.0.2")
                           / TCP(sport=40000, dport=80, flags=tcpfl, options=[]) / Raw(b""))
                t = out[-1][TCP]
                t.remove_payload()
                t.dataofs = 5 + len(o) // 4
                out[-1] = Ether(bytes(out[-1])[:14 + 20 + 20] + o)
                p = out[-1]
                p[IP].len = 20 + 20 + len(o)
                p[TCP].dataofs = 5 + len(o) // 4
                del p[IP].chksum
                del p[TCP].chksum
                out[-1] = Ether(bytes(p))
    return stamp(out)


def ipv4(opts, proto=1, payload=b"\x08\0\xf7\xff\0\0\0\0", cut=None):
    ihl = 5 + (len(opts) + 3) // 4
    opts = opts + b"\0" * (ihl * 4 - 20 - len(opts))
    hdr = struct.pack(">BBHHHBBH4s4s", 0x40 | ihl, 0, ihl * 4 + len(payload), 1, 0, 64, proto, 0,
                      bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])) + opts
    pkt = Ether(**MAC) / IP(hdr + payload)
    del pkt[IP].chksum
    raw = bytes(Ether(bytes(pkt)))
    return Ether(raw[:cut] if cut else raw)


def ipopts():
    out = []
    addrs = b"".join(bytes([10, 1, 1, i]) for i in range(1, 10))
    for code in (7, 131, 137):
        for ln in (3, 7, 11, 15, 19, 25, 39):
            for ptr in (4, 8, 12, 40, 0):
                o = bytes([code, ln, ptr]) + addrs[:ln - 3]
                out.append(ipv4(o))
                # The header as long as the option claims, the hops cut by the header end.
                out.append(ipv4(bytes([1, code, ln, ptr]) + addrs[:max(0, ln - 7)]))
    for flags in (0, 1, 3, 2, 0x11):
        for ln in (4, 8, 12, 14, 20, 36, 40):
            for ptr in (5, 9, 13, 21, 0):
                o = bytes([68, ln, ptr, flags]) + bytes(range(100, 100 + ln - 4))
                out.append(ipv4(o))
                out.append(ipv4(bytes([1, 68, ln, ptr, flags]) + bytes(range(100, 96 + ln - 4))))
    return stamp(out)


def icmp_ext(objs, icmp_type=11, code=0, length_field=None, version=2, good_sum=True, quote_len=128):
    inner = IP(src="10.0.0.2", dst="10.9.9.9", ttl=1) / UDP(sport=33434, dport=33435) / Raw(bytes(100))
    q = bytes(inner)[:quote_len]
    q = q + bytes(128 - len(q)) if len(q) < 128 else q
    ext_body = b"".join(objs)
    hdr = bytes([version << 4, 0]) + b"\0\0"
    ext = hdr + ext_body
    if good_sum:
        s = 0
        data = ext + (b"\0" if len(ext) % 2 else b"")
        for i in range(0, len(data), 2):
            s += (data[i] << 8) | data[i + 1]
        while s >> 16:
            s = (s & 0xffff) + (s >> 16)
        ext = hdr[:2] + struct.pack(">H", ~s & 0xffff) + ext_body
    lf = 32 if length_field is None else length_field
    rest = bytes([0, lf, 0, 0]) if icmp_type != 12 else bytes([20, lf, 0, 0])
    body = bytes([icmp_type, code, 0, 0]) + rest + q + ext
    s = 0
    data = body + (b"\0" if len(body) % 2 else b"")
    for i in range(0, len(data), 2):
        s += (data[i] << 8) | data[i + 1]
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    body = body[:2] + struct.pack(">H", ~s & 0xffff) + body[4:]
    return Ether(**MAC) / IP(src="10.0.0.254", dst="10.0.0.2", proto=1) / Raw(body)


def obj(cls, ctype, data, length=None):
    ln = len(data) + 4 if length is None else length
    return struct.pack(">HBB", ln, cls, ctype) + data


def label(l, tc=0, s=1, ttl=1):
    return struct.pack(">I", (l << 12) | (tc << 9) | (s << 8) | ttl)


def icmpext():
    out = []
    ifid = b"\0\0\0\x0f" + b"\0\1\0\0" + bytes([10, 10, 10, 10]) + b"\x08eth0/1\0"
    for objs in (
        [obj(1, 1, label(100704))],
        [obj(1, 1, label(16, 5, 0, 255) + label(17))],
        [obj(1, 2, label(100))],
        [obj(2, 14, ifid)],
        [obj(2, 14, ifid), obj(1, 1, label(3))],
        [obj(3, 1, b"\1\2\3\4")],
        [obj(0, 1, b"\1\2\3\4")],
        [obj(1, 1, b"", length=2)],
        [obj(1, 1, label(7), length=40)],
        [obj(1, 1, b"\1\2")],
        [obj(4, 9, b"")],
        [],
    ):
        for t, code in ((11, 0), (3, 3), (12, 0), (3, 0), (5, 0)):
            out.append(icmp_ext(objs, t, code))
        out.append(icmp_ext(objs, 11, 0, length_field=0))
        out.append(icmp_ext(objs, 11, 0, length_field=0, good_sum=False))
        out.append(icmp_ext(objs, 11, 0, version=1))
    return stamp(out)


def rpl(code, base, opts):
    return Ether(**MAC) / IPv6(src="fe80::1", dst="ff02::1a") / ICMPv6Unknown(type=155, code=code) \
        / Raw(base + opts)


def rplopts():
    out = []
    dio = bytes([1, 0, 1, 0, 0x88, 5, 0, 0]) + bytes(range(16))
    dao_d = bytes([42, 0x40, 0, 10]) + bytes(range(16))
    dao = bytes([42, 0x80, 0, 10])
    ack = bytes([42, 0x80, 10, 0]) + bytes(range(16))
    for opts in (b"", b"\0", b"\0\0\0", b"\1\2\0\0", b"\5\x12\0\x80" + bytes(16) + b"\0\0",
                 b"\2\0", b"\4\x0e" + bytes(14), b"\x08\3\1\2\3\0", b"\x09\4\1\2\3\4", b"\x63\1\1",
                 b"\5", b"\5\x20\1\2", b"\0\5\4\1\2\3"):
        out.append(rpl(1, dio, opts))
        out.append(rpl(2, dao_d, opts))
        out.append(rpl(2, dao, opts))
        out.append(rpl(3, ack, opts))
    return stamp(out)


def icmp6nd():
    rng = random.Random(11)
    out = []
    head = lambda: Ether(**MAC) / IPv6(src="fe80::1", dst="ff02::1")
    # Every type with short and random bodies (MLD cut short, unreachable port
    # quoting other protocols, redirects shorter than their addresses).
    for t in list(range(0, 5)) + list(range(128, 148)) + [200, 201, 255]:
        for code in (0, 1, 2, 3, 4, 5):
            for n in (0, 4, 20, 36, 60):
                body = bytes(rng.randint(0, 255) for _ in range(n))
                out.append(head() / ICMPv6Unknown(type=t, code=code) / Raw(body))
    inner = bytes(IPv6(src="2001:db8::1", dst="2001:db8::2", nh=17)) + struct.pack(">HHHH", 1, 53, 8, 0)
    for nh in (6, 17, 0, 60, 43, 44, 51, 58, 59, 132):
        ext = bytes([17, 0]) + bytes(6) if nh in (0, 60, 43, 44) else bytes([17, 1]) + bytes(10) if nh == 51 else b""
        q = bytes(inner[:6]) + bytes([nh]) + inner[7:40] + ext + struct.pack(">HHHH", 1, 53, 8, 0)
        out.append(head() / ICMPv6Unknown(type=1, code=4) / Raw(bytes(4) + q))
    # Every option type at lengths 0..5 in RS, RA, NS, NA, redirect, MPA.
    bases = {133: b"\0" * 4, 134: b"\x40\x00\x07\x08" + b"\0\0\0\1\0\0\0\2", 135: bytes(20),
             136: b"\xe0\0\0\0" + bytes(16), 137: bytes(36), 147: b"\0\1\xc0\0"}
    for ot in list(range(0, 33)) + [253]:
        for ln in (0, 1, 2, 3, 4, 5):
            data = bytes(rng.randint(0, 255) for _ in range(ln * 8 - 2 if ln else 6))
            opt = bytes([ot, ln]) + data
            for t, base in bases.items():
                out.append(head() / ICMPv6Unknown(type=t, code=0) / Raw(base + opt + b"\1\1" + bytes(6)))
    # Well-formed options: MTU, prefix, RDNSS, DNSSL, route info of each length.
    good = [b"\5\1\0\0\0\0\5\xdc", b"\5\2\0\0\0\0\5\xdc" + bytes(8),
            b"\3\4\x40\xc0" + b"\0\1\0\0\0\0\xff\xff" + bytes(4) + bytes.fromhex("20010db8000000000000000000000000"),
            b"\x19\5\0\0\0\0\x0e\x10" + bytes(range(32)),
            b"\x1f\3\0\0\0\0\0\x3c\7example\3com\0",
            b"\x18\1\0\x08\0\0\1\0", b"\x18\2\x40\x18\0\0\1\0" + bytes(range(8)),
            b"\x18\3\x80\x10\xff\xff\xff\xff" + bytes(range(16)),
            b"\7\1\0\0\0\0\3\xe8", b"\x08\1\0\0\0\5\0\x10",
            b"\4\2" + bytes(14)]
    for o in good:
        for t, base in bases.items():
            out.append(head() / ICMPv6Unknown(type=t, code=0) / Raw(base + o))
    return stamp(out)


def ip6ext():
    rng = random.Random(2)
    out = []

    def pkt(nh, ext, payload=b"\0\x14\0\x50" + bytes(16)):
        ip = struct.pack(">IHBB16s16s", 0x60000000, len(ext) + len(payload), nh, 64,
                         bytes(15) + b"\1", bytes(15) + b"\2")
        return Ether(dst=MAC["dst"], src=MAC["src"], type=0x86dd) / Raw(ip + ext + payload)
    # Hop-by-hop and destination options of every kind tcpdump knows (home
    # address with sub-options, jumbo twice, router alert), valid or not.
    opts = [b"\0", b"\1\0", b"\1\4\0\0\0\0", b"\5\2\0\0", b"\5\3\0\0\0", b"\xc2\4\0\1\0\0",
            b"\xc2\4\0\0\1\0", b"\xc9\x10" + bytes(range(16)), b"\xc9\x14" + bytes(range(16)) + b"\0\1\0\0",
            b"\xc9\x13" + bytes(range(16)) + b"\x07\1\1", b"\xc9\x0e" + bytes(14), b"\x63\4\1\2\3\4",
            b"\x04\1\5", b"\xee\2\0\0", b"\x7f"]
    for nh in (0, 60):
        for _ in range(150):
            body = b"".join(rng.choice(opts) for _ in range(rng.randint(1, 4)))
            pad = -(2 + len(body)) % 8
            body += (b"\1" + bytes([pad - 2]) + bytes(pad - 2)) if pad >= 2 else b"\0" * pad
            out.append(pkt(nh, bytes([6, (2 + len(body)) // 8 - 1]) + body))
    # Routing headers of types 0, 2, 3 and 4 (segment routing) of every length.
    for ty in (0, 2, 4, 3):
        for ln in (0, 1, 2, 3, 4, 6):
            for seg in (0, 1, 5):
                out.append(pkt(43, bytes([6, ln, ty, seg]) + bytes([2, 0x80, 0x12, 0x34]) + bytes(range(8 * ln))))
    return stamp(out)


def main():
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    for fn in (dnsrr, arpmore, dhcpmore, mptcp1, ipopts, icmpext, rplopts, icmp6nd, ip6ext):
        wrpcap(os.path.join(outdir, fn.__name__ + ".pcap"), fn())


if __name__ == "__main__":
    main()
