#!/usr/bin/env python3
"""Writes the captures of tests/print_mixed.rs into tests/data/mixed/:
- dnsnames.pcap: DNS names at and past the 255-character limit (plain, compressed,
  several questions), reserved label types, every response code;
- icmp6rare.pcap: the rarer ICMPv6 messages (node information, router renumbering,
  RPL, mobile IPv6 discovery, unassigned types), well-formed and random;
- services.pcap: text protocols on TCP (SMTP, FTP, WHOIS, RTSP, HTTP: commands,
  responses, binary data, lines without CRLF), BOOTP with full sname/file fields,
  ICMP errors quoting short or empty datagrams, PTP on UDP against other ports;
- ip6len.pcap: IPv6 payload lengths of 0 (Jumbo Payload options valid or not) and
  shorter than the header chain;
- fuzzmix2.pcap: IP options, IPv6 extension headers, GRE, QinQ, STP/LLC/SNAP, IGMP,
  DHCP, SNMP, NTP, text protocols, ICMP, random IP protocols and ethertypes, partly fuzzed;
- fuzzmix.pcap: scapy's fuzz() over the common protocols (TCP, UDP, ICMP, DNS, ARP,
  ICMPv6 neighbour discovery, DHCP), seeded so the file is reproducible.
The tests only read the files and compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_mixed.py tests/data/mixed   (needs scapy)
"""
import os
import random
import struct
import sys
from scapy.all import (Ether, IP, IPv6, UDP, TCP, ICMP, ARP, DNS, DNSQR, DNSRR, Dot1Q,
                       BOOTP, DHCP, Raw, IPOption_RR, IPOption_Timestamp, IPOption_NOP,
                       IPOption_Security, GRE, IGMP, SNMP, fuzz, wrpcap)
from scapy.layers.ntp import NTP
from scapy.layers.l2 import STP, LLC, SNAP, Dot3
from scapy.layers.inet6 import (IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt, IPv6ExtHdrRouting,
                                IPv6ExtHdrFragment, PadN, ICMPv6NDOptRouteInfo,
                                ICMPv6NDOptDNSSL, ICMPv6MLQuery2, ICMPv6MLReport2,
                                ICMPv6MLDMultAddrRec)
from scapy.layers.inet6 import (ICMPv6Unknown, ICMPv6EchoRequest, ICMPv6DestUnreach,
                                ICMPv6ND_NA, ICMPv6ND_RS, ICMPv6ND_RA, ICMPv6NDOptSrcLLAddr,
                                ICMPv6NDOptDstLLAddr, ICMPv6NDOptMTU, ICMPv6NDOptPrefixInfo,
                                ICMPv6NDOptRDNSS, ICMPv6NIQueryNOOP, ICMPv6NIQueryName,
                                ICMPv6NIQueryIPv6, ICMPv6NIQueryIPv4, ICMPv6NIReplyName,
                                ICMPv6NIReplyIPv6, ICMPv6NIReplyRefuse, ICMPv6NIReplyUnknown,
                                ICMPv6NIReplyNOOP)

MAC = dict(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb")


def stamp(pkts):
    for i, p in enumerate(pkts):
        p.time = 1700000000 + i
    return pkts


def dns_packet(qd, body, flags=0x0100, an=0):
    dns = struct.pack(">HHHHHH", 1, flags, qd, an, 0, 0) + body
    return Ether(**MAC) / IP(src="1.1.1.1", dst="2.2.2.2") / UDP(sport=1000, dport=53) / Raw(dns)


def encode(labels, tail=b"\0"):
    return b"".join(bytes([len(l)]) + l for l in labels) + tail


def dnsnames():
    out = []
    question = b"\0\1\0\1"
    # Names of 240..265 bytes, and names of 1..5 maximal labels.
    for total in range(240, 266):
        labels, rest = [], total
        while rest > 0:
            n = min(63, rest)
            labels.append(b"a" * n)
            rest -= n
        out.append(dns_packet(1, encode(labels) + question))
    for n in range(1, 6):
        out.append(dns_packet(1, encode([b"b" * 63] * n) + question))
    # Cut in the middle of a label, then a second question.
    for lens in ([63, 63, 63, 10, 63], [63, 63, 63, 10, 63, 5], [63, 63, 63, 62, 1],
                 [63, 63, 63, 60, 3], [63, 63, 63, 61, 3]):
        name = encode([bytes([97 + i]) * l for i, l in enumerate(lens)])
        out.append(dns_packet(2, name + question + encode([b"x"]) + b"\0\x1c\0\1"))
    # Compressed names crossing the limit through a pointer.
    first = encode([b"a" * 63] * 3) + question
    for lens in ([63], [62], [61], [63, 20]):
        second = encode([b"y" * l for l in lens], b"\xc0\x0c") + question
        out.append(dns_packet(2, first + second))
    # A long question name, then an answer pointing at it (printed at -v).
    answer = b"\xc0\x0c\0\1\0\1\0\0\0\1\0\4\1\2\3\4"
    out.append(dns_packet(1, encode([b"a" * 63] * 4) + question + answer, 0x8180, 1))
    # The reserved label type (top bits 10) in questions and answers.
    q = b"\1x\0\0\1\0\1"
    out.append(dns_packet(1, b"\x85abcde\0" + question))
    out.append(dns_packet(1, q + b"\x85abcde\0\0\1\0\1\0\0\0\1\0\4\1\2\3\4", 0x8180, 1))
    out.append(dns_packet(1, q + b"\1a\x85abcde\0\0\1\0\1\0\0\0\1\0\4\1\2\3\4", 0x8180, 1))
    # Every response code, and opcodes with odd bits.
    for rcode in range(16):
        out.append(dns_packet(1, q, 0x8180 | rcode))
    for opcode in range(16):
        out.append(dns_packet(1, q, 0x8000 | (opcode << 11) | 0x0f))
    return stamp(out)


def icmp6rare():
    rng = random.Random(3)
    head = lambda: Ether(**MAC) / IPv6(src="fe80::1", dst="fe80::2")
    out = [
        head() / ICMPv6NIQueryNOOP(),
        head() / ICMPv6NIQueryName(data="ff02::1"),
        head() / ICMPv6NIQueryName(data="www.example.com"),
        head() / ICMPv6NIQueryIPv6(data="fe80::5"),
        head() / ICMPv6NIQueryIPv4(data="fe80::5"),
        # A DNS-name reply with a TTL: qtype 2, flags 1, nonce, TTL, name.
        head() / ICMPv6Unknown(type=140, code=0)
        / Raw(b"\0\2\0\1" + bytes(8) + b"\0\0\0\x0a\4host\7example\3com\0"),
        head() / ICMPv6NIReplyIPv6(data=[(30, "fe80::1"), (40, "2001:db8::1")]),
        head() / ICMPv6NIReplyRefuse(),
        head() / ICMPv6NIReplyUnknown(),
        head() / ICMPv6NIReplyNOOP(),
    ]
    for t in (5, 100, 127, 144, 145, 146, 147, 148, 150, 151, 152, 153, 154, 155, 156,
              160, 200, 201, 202, 255):
        out.append(head() / ICMPv6Unknown(type=t, code=0) / Raw(bytes(24)))
    for _ in range(200):
        t = rng.choice([138, 139, 140, 144, 145, 146, 147, 155])
        code = rng.choice([0, 1, 2, 3, 4, 255, 0x80, rng.randint(0, 255)])
        size = rng.choice([4, 8, 12, 16, 20, 24, 28, 36, 40, 60, 80])
        body = bytes(rng.randint(0, 255) for _ in range(size))
        if t in (139, 140) and rng.random() < 0.5:
            body = bytes([0, rng.choice([0, 1, 2, 3, 4]), 0, rng.randint(0, 63)]) + bytes(8) + body
        if t == 155 and rng.random() < 0.6:
            code = rng.choice([0, 1, 2, 3])
        out.append(head() / ICMPv6Unknown(type=t, code=code) / Raw(body))
    return stamp(out)


def services():
    rng = random.Random(5)
    a, b = "10.0.0.1", "10.0.0.2"
    e = lambda: Ether(**MAC)
    texts = [b"GET / HTTP/1.1\r\nHost: a\r\n\r\n", b"POST /x HTTP/1.0\r\n", b"USER anon\r\n",
             b"EHLO x\r\n", b"220 mail.example.com ESMTP\r\n250-SIZE 1000\r\n250 OK\r\n",
             b"HTTP/1.1 404 Not Found\r\n\r\n", b"OPTIONS rtsp://a RTSP/1.0\r\nCSeq: 1\r\n\r\n",
             b"RTSP/1.0 200 OK\r\n\r\n", b"PLAY rtsp://a/s RTSP/1.0\r\n", b"no line end",
             b"example.com\r\n", b"\r\n", b"a\tb\x7fc\r\n", b"x" * 300 + b"\r\n"]
    out = []
    for port in (25, 21, 43, 554, 8554, 80):
        for text in texts:
            for sport, dport in ((40000, port), (port, 40000)):
                out.append(e() / IP(src=a, dst=b) / TCP(sport=sport, dport=dport, flags="PA") / Raw(text))
        for _ in range(6):
            data = bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 60)))
            out.append(e() / IP(src=a, dst=b) / TCP(sport=40000, dport=port, flags="PA") / Raw(data))
    for sname, file in ((b"s" * 64, b""), (b"srv", b"f" * 128), (b"x" * 63, b"y" * 127)):
        out.append(e() / IP(src=a, dst=b) / UDP(sport=68, dport=67)
                   / BOOTP(chaddr=b"\x00\x11\x22\x33\x44\x55", sname=sname, file=file)
                   / DHCP(options=[("message-type", "request"), "end"]))
    for ver in (0, 4, 6):
        for iplen in (0, 10, 19, 20, 28, 60):
            inner = (bytes([ver << 4 | 5, 0]) + struct.pack(">H", iplen) + bytes(4)
                     + bytes([64, 17, 0, 0, 10, 0, 0, 2, 10, 0, 0, 9]) + bytes(8))
            out.append(e() / IP(src=a, dst=b) / ICMP(type=rng.choice([3, 4, 5, 11, 12])) / Raw(inner))
    # PTP on UDP 319/320, against ports whose printers tcpdump tries first or after.
    ptp = bytes([0x00, 0x02, 0, 44, 0, 0, 0x02, 0] + [0] * 12
                + [0, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55, 0, 1] + [0, 5, 0, 0x7f] + [0] * 10)
    for other in (319, 320, 514, 5060, 4789, 6081, 6635, 5353, 1985, 3784, 53, 123, 40000):
        for sport, dport in ((319, other), (other, 319), (320, other)):
            out.append(e() / IP(src=a, dst=b) / UDP(sport=sport, dport=dport) / Raw(ptp))
    return stamp(out)


def ip6len():
    """IPv6 payload lengths of 0 (jumbograms, valid or not) and shorter than the
    header chain, over every next header kind."""
    out = []
    udp = bytes([0, 1, 0, 2, 0, 18, 0, 0]) + bytes(10)

    def six(nh, plen, body):
        return Ether(**MAC) / IPv6(src="2001:db8::1", dst="2001:db8::2", plen=plen, nh=nh) / Raw(body)

    for plen in (0, 4):
        out.append(six(17, plen, udp))
        out.append(six(6, plen, bytes([0, 1, 0, 2]) + bytes(8) + bytes([0x50, 2, 0x20, 0]) + bytes(4) + bytes(10)))
        out.append(six(58, plen, bytes([128, 0, 0, 0, 0, 1, 0, 1]) + bytes(10)))
        out.append(six(60, plen, bytes([17, 0, 1, 4, 0, 0, 0, 0]) + udp))
        out.append(six(44, plen, bytes([17, 0, 0, 0, 0, 0, 0, 1]) + udp))
        out.append(six(59, plen, bytes(10)))
        out.append(six(0, plen, bytes([17, 0, 1, 4, 0, 0, 0, 0]) + udp))
    # Hop-by-hop Jumbo Payload options: too small, valid (65536, 70000), two of them,
    # one in a destination options header.
    for value in (26, 65535, 65536, 70000):
        out.append(six(0, 0, bytes([17, 0, 0xc2, 4]) + value.to_bytes(4, "big") + udp))
    out.append(six(0, 0, bytes([17, 1, 0xc2, 4, 0, 1, 0, 0, 0xc2, 4, 0, 1, 0, 0, 1, 0]) + udp))
    out.append(six(0, 26, bytes([17, 0, 0xc2, 4, 0, 1, 0, 0]) + udp))
    out.append(six(60, 0, bytes([17, 0, 0xc2, 4, 0, 1, 0, 0]) + udp))
    # The same inside GRE.
    out.append(Ether(**MAC) / IP(src="10.0.0.1", dst="10.0.0.2") / GRE(proto=0x86dd)
               / IPv6(src="2001:db8::1", dst="2001:db8::2", plen=0) / UDP(sport=1, dport=2) / Raw(bytes(10)))
    return stamp(out)


def fuzzmix():
    random.seed(7)  # fuzz() draws from the random module
    e = lambda: Ether(**MAC)
    a, b = "10.0.0.1", "10.0.0.2"
    gens = [
        lambda: e() / fuzz(IP()) / fuzz(TCP()),
        lambda: e() / IP(src=a, dst=b) / fuzz(TCP()),
        lambda: e() / IP(src=a, dst=b) / fuzz(UDP()),
        lambda: e() / IP(src=a, dst=b) / fuzz(ICMP()),
        lambda: e() / IP(src=a, dst=b) / UDP(sport=53, dport=3333) / fuzz(DNS()),
        lambda: e() / IP(src=a, dst=b) / UDP(sport=3333, dport=53) / DNS(
            qd=DNSQR(qname="a.example.com", qtype=random.choice([1, 28, 15, 16, 33, 12, 255, 6, 2]))),
        lambda: e() / fuzz(ARP()),
        lambda: e() / IPv6(src="fe80::1", dst="fe80::2") / fuzz(ICMPv6EchoRequest()),
        lambda: e() / IPv6(src="fe80::1", dst="fe80::2") / fuzz(TCP()),
        lambda: e() / fuzz(IPv6()) / fuzz(UDP()),
        lambda: e() / IP(src=a, dst=b, options=[IPOption_RR(routers=["1.1.1.1"])]) / TCP(
            options=[("MSS", 1460), ("SAckOK", b""), ("Timestamp", (1, 2)), ("NOP", None), ("WScale", 7)]),
        lambda: e() / IP(src=a, dst=b, flags="MF", frag=random.randint(0, 100)) / UDP() / Raw(bytes(30)),
        lambda: e() / Dot1Q(vlan=random.randint(0, 4095)) / IP(src=a, dst=b) / TCP(
            flags=random.choice(["S", "SA", "A", "FA", "R", "PA", "U"])),
        lambda: e() / IP(src=a, dst=b) / ICMP(type=random.choice([3, 5, 11, 12]), code=random.randint(0, 5))
        / IP(src=b, dst="10.0.0.9") / TCP(),
        lambda: e() / IPv6(src="fe80::1", dst="fe80::2") / ICMPv6DestUnreach() / IPv6() / UDP(),
        lambda: e() / IPv6(src="fe80::1", dst="ff02::1") / ICMPv6ND_NA(tgt="fe80::1", R=1, S=0, O=1)
        / ICMPv6NDOptDstLLAddr(lladdr="00:11:22:33:44:55"),
        lambda: e() / IPv6(src="fe80::1", dst="ff02::2") / ICMPv6ND_RS() / ICMPv6NDOptSrcLLAddr(lladdr="00:11:22:33:44:55"),
        lambda: e() / IPv6(src="fe80::1", dst="ff02::1") / ICMPv6ND_RA(routerlifetime=1800) / ICMPv6NDOptMTU()
        / ICMPv6NDOptPrefixInfo(prefix="2001:db8::") / ICMPv6NDOptRDNSS(dns=["2001:db8::53"]),
        lambda: e() / IP(src=a, dst="224.0.0.251") / UDP(sport=5353, dport=5353) / DNS(
            qd=DNSQR(qname="_http._tcp.local", qtype=12)),
        lambda: e() / IP(src=a, dst="10.0.0.255") / UDP(sport=68, dport=67)
        / BOOTP(chaddr=b"\x00\x11\x22\x33\x44\x55")
        / DHCP(options=[("message-type", "discover"), ("hostname", b"pc"), ("param_req_list", [1, 3, 6, 15]), "end"]),
    ]
    out = []
    while len(out) < 1200:
        try:
            raw = bytes(random.choice(gens)())
        except Exception:
            continue
        out.append(Ether(raw))
    return stamp(out)


def fuzzmix2():
    """Link-layer, IP-option, tunnel and service packets, partly fuzzed."""
    random.seed(11)  # fuzz() draws from the random module
    e = lambda: Ether(**MAC)
    a, b = "10.0.0.1", "10.0.0.2"
    gens=[
     lambda: e()/IP(src=a,dst=b)/UDP(sport=123,dport=123)/fuzz(NTP()),
     lambda: e()/IP(src=a,dst=b)/fuzz(TCP(options=[('MSS',1460),('SAckOK',b''),('Timestamp',(1,2)),('WScale',3),('SAck',(1,2))])),
     lambda: e()/fuzz(IP(src=a,dst=b,options=[IPOption_RR(),IPOption_Timestamp(),IPOption_NOP(),IPOption_Security()]))/ICMP(),
     lambda: e()/IPv6(src="2001:db8::1",dst="2001:db8::2")/IPv6ExtHdrHopByHop(options=[PadN(optdata=b'\0\0')])/IPv6ExtHdrDestOpt()/IPv6ExtHdrRouting(addresses=["2001:db8::3"])/UDP(sport=1,dport=2),
     lambda: e()/IPv6(src="2001:db8::1",dst="2001:db8::2")/fuzz(IPv6ExtHdrFragment())/Raw(bytes(20)),
     lambda: e()/IPv6(src="2001:db8::1",dst="2001:db8::2")/fuzz(IPv6ExtHdrHopByHop())/UDP(),
     lambda: e()/IP(src=a,dst=b)/fuzz(GRe())/IP(src="1.1.1.1",dst="2.2.2.2")/ICMP(),
     lambda: e()/Dot1Q(vlan=5)/Dot1Q(vlan=6)/IP(src=a,dst=b)/UDP(),
     lambda: Dot3(src="00:11:22:33:44:55",dst="01:80:c2:00:00:00")/LLC()/fuzz(STP()),
     lambda: Dot3(src="00:11:22:33:44:55",dst="66:77:88:99:aa:bb")/fuzz(LLC())/Raw(bytes(random.randint(0,20))),
     lambda: Dot3(src="00:11:22:33:44:55",dst="66:77:88:99:aa:bb")/LLC(dsap=0xaa,ssap=0xaa,ctrl=3)/fuzz(SNAP())/Raw(bytes(20)),
     lambda: e()/IP(src=a,dst=b)/fuzz(IGMP()),
     lambda: e()/IP(src=a,dst=b)/UDP(sport=68,dport=67)/fuzz(BOOTP())/DHCP(options=[("message-type",random.randint(1,10)),("lease_time",random.randint(0,99999)),("router","1.2.3.4"),("name_server","8.8.8.8"),("domain",b"example.com"),("client_id",b"\x01abcdef"),"end"]),
     lambda: e()/IP(src=a,dst=b)/UDP(sport=161,dport=random.choice([161,162]))/fuzz(SNMP()),
     lambda: e()/IP(src=a,dst=b)/TCP(sport=random.choice([80,21,25,110,143,23,554,179,22]),dport=40000,flags="PA")/Raw(bytes(random.randint(32,126) for _ in range(random.randint(0,60)))),
     lambda: e()/IP(src=a,dst=b)/TCP(sport=40000,dport=random.choice([80,8080,21,25,554,22]),flags="PA")/Raw(random.choice([b"GET / HTTP/1.1\r\nHost: a\r\n\r\n",b"POST /x HTTP/1.0\r\n",b"USER anon\r\n",b"EHLO x\r\n",b"SSH-2.0-OpenSSH_8.9\r\n",b"HTTP/1.1 404 Not Found\r\n\r\n",b"OPTIONS rtsp://a RTSP/1.0\r\n"])),
     lambda: e()/fuzz(ARP(hwlen=6,plen=4)),
     lambda: e()/IPv6(src="fe80::1",dst="ff02::1")/fuzz(ICMPv6ND_RA())/ICMPv6NDOptPrefixInfo()/ICMPv6NDOptRouteInfo()/ICMPv6NDOptDNSSL(searchlist=["example.com"]),
     lambda: e()/IPv6(src="fe80::1",dst="ff02::1")/fuzz(ICMPv6MLQuery2()),
     lambda: e()/IPv6(src="fe80::1",dst="ff02::1")/ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(sources=["2001:db8::5"])]),
     lambda: e()/IP(src=a,dst=b)/ICMP(type=random.choice([0,8,13,14,15,16,17,18,9,10,4,30,40]),code=random.randint(0,3))/Raw(bytes(random.randint(0,40))),
     lambda: e()/IP(src=a,dst=b,proto=random.randint(0,255))/Raw(bytes(random.randint(0,40))),
     lambda: E(type=random.choice([0x8035,0x809b,0x80f3,0x8137,0x6003,0x88cc,0x8847,0x8863,0x8864,0x88a8,0x9000,0x0800,0x86dd,0x22f3,0x893f,0x88e5,0x8809]))/Raw(bytes(random.randint(0,255) for _ in range(random.randint(0,60)))),
    ]
    out = []
    while len(out) < 1500:
        try:
            raw = bytes(random.choice(gens)())
        except Exception:
            continue
        out.append(Ether(raw))
    return stamp(out)


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else "tests/data/mixed"
    os.makedirs(outdir, exist_ok=True)
    for name, make in (("dnsnames", dnsnames), ("icmp6rare", icmp6rare), ("services", services),
                       ("ip6len", ip6len),
                       ("fuzzmix", fuzzmix), ("fuzzmix2", fuzzmix2)):
        wrpcap(os.path.join(outdir, name + ".pcap"), make())


if __name__ == "__main__":
    main()
