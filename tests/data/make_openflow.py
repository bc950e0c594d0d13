#!/usr/bin/env python3
"""Writes tests/data/openflow/*.pcap for tests/print_openflow.rs (needs scapy).

openflow.pcap: messages whose output rfilter matches at every verbosity
(HELLO and ECHO data, bodiless types, unknown versions and types, bad
lengths, several messages per segment, segments ending inside a header).
openflow-types.pcap: every 1.0 and 1.3 message type with body lengths around
its size rule, printed at default verbosity only (rfilter does not decode the
bodies tcpdump decodes with -v).
"""
import os
import struct
from scapy.all import IP, IPv6, TCP, Ether, Raw, wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "openflow")


def msg(ver, kind, body=b"", xid=0x1234, length=None):
    n = 8 + len(body) if length is None else length
    return struct.pack(">BBHI", ver, kind, n, xid) + body


def seg(payload, sport=40000, dport=6653, v6=False, seq=1):
    ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src="10.0.0.1", dst="10.0.0.2")
    return Ether() / ip / TCP(sport=sport, dport=dport, flags="PA", seq=seq, ack=7) / Raw(payload)


def body(n, salt=0):
    return bytes((i * 13 + salt) & 0xFF for i in range(n))


def safe():
    pkts = []
    # Data-carrying types of 1.0 (HELLO, ECHO) and 1.3 (ECHO), short and long.
    for ver, kinds in ((1, (0, 2, 3)), (4, (2, 3))):
        for kind in kinds:
            for n in (0, 1, 5, 16, 17, 40):
                pkts.append(seg(msg(ver, kind, body(n, kind), xid=n)))
    # Types without a body in 1.0 and 1.3, right and wrong sizes.
    for ver, kinds in ((1, (5, 7, 18, 19)), (4, (5, 7, 20, 21, 26))):
        for kind in kinds:
            for n in (0, 4):
                pkts.append(seg(msg(ver, kind, body(n))))
    # Fixed and minimum sizes broken: "(invalid)" before any decoding.
    for ver, kind, n in ((1, 8, 3), (1, 9, 5), (1, 11, 79), (1, 14, 63), (1, 6, 23),
                         (4, 6, 25), (4, 12, 71), (4, 17, 7), (4, 24, 15), (4, 4, 7)):
        pkts.append(seg(msg(ver, kind, body(n))))
    # Unknown versions and types.
    for ver in (0, 2, 3, 5, 6, 7, 0x81):
        pkts.append(seg(msg(ver, 0, body(6))))
    for ver, kind in ((1, 22), (1, 0xFF), (4, 30), (4, 0x80)):
        pkts.append(seg(msg(ver, kind, body(4))))
    # Header lengths below 8, and lengths past the segment.
    for n in (0, 4, 7):
        pkts.append(seg(msg(1, 2, body(8), length=n) + msg(1, 0)))
    pkts.append(seg(msg(1, 2, body(8), length=200)))
    pkts.append(seg(msg(4, 3, body(8), length=60) + msg(4, 2)))
    # Several messages in one segment, ending inside a header at each offset.
    train = msg(1, 0) + msg(1, 2, b"ping") + msg(4, 3, b"pong!") + msg(1, 5)
    pkts.append(seg(train))
    for cut in range(1, 8):
        pkts.append(seg(train + msg(1, 3, b"x")[:cut]))
    for cut in range(1, 8):
        pkts.append(seg(msg(4, 2)[:cut]))
    # Both ports, either direction, IPv6, and the port chosen before HTTP's.
    pkts.append(seg(msg(1, 2, b"old"), sport=6633, dport=51000))
    pkts.append(seg(msg(1, 3, b"old"), sport=51001, dport=6633))
    pkts.append(seg(msg(4, 2, b"six"), sport=6653, dport=51002, v6=True))
    pkts.append(seg(msg(1, 0), sport=80, dport=6653))
    pkts.append(seg(msg(1, 0), sport=6633, dport=8080))
    for i, p in enumerate(pkts):
        p.time = 1700000000 + i / 8
    wrpcap(os.path.join(OUT, "openflow.pcap"), pkts)


def types():
    pkts = []
    lengths = (0, 1, 3, 4, 5, 7, 8, 9, 10, 11, 16, 23, 24, 25, 32, 55, 56, 57, 63, 64, 71, 72, 79, 80, 81)
    for ver in (1, 4):
        for kind in range(0, 32):
            for n in lengths:
                pkts.append(seg(msg(ver, kind, body(n, kind), xid=kind << 8 | n)))
    for ver in (2, 3, 5, 6):
        for kind in (0, 5, 13):
            pkts.append(seg(msg(ver, kind, body(4))))
    for i, p in enumerate(pkts):
        p.time = 1700000100 + i / 16
    wrpcap(os.path.join(OUT, "openflow-types.pcap"), pkts)


def mac(i):
    return bytes([0x00, 0x1b, 0x21, 0x3c, 0x4d, i & 0xFF])


def ipv4(a, b, c, d):
    return bytes([a, b, c, d])


def name(s, n):
    return s.encode()[:n].ljust(n, b"\0")


def phy_port(no, i, state=0x200, config=0, curr=0x2a0, adv=0x6bf, supp=0xfff, peer=0):
    return (struct.pack(">H", no) + mac(i) + name("eth%d" % i, 16)
            + struct.pack(">IIIIII", config, state, curr, adv, supp, peer))


def of_match(wildcards, in_port=1, src=None, dst=None, vlan=0xFFFF, pcp=0, dl_type=0x0800,
             tos=0, proto=6, nw_src=ipv4(10, 0, 0, 1), nw_dst=ipv4(10, 0, 0, 2), tp_src=1234, tp_dst=80):
    return (struct.pack(">IH", wildcards, in_port) + (src or mac(1)) + (dst or mac(2))
            + struct.pack(">HBBHBBH", vlan, pcp, 0, dl_type, tos, proto, 0)
            + nw_src + nw_dst + struct.pack(">HH", tp_src, tp_dst))


def action(kind, payload):
    return struct.pack(">HH", kind, 4 + len(payload)) + payload


def output(port, max_len=0):
    return action(0, struct.pack(">HH", port, max_len))


def frame():
    """A small Ethernet/IPv4/UDP frame, as a switch hands it to a controller."""
    from scapy.all import UDP
    return bytes(Ether(src="00:1b:21:3c:4d:01", dst="00:1b:21:3c:4d:02") /
                 IP(src="192.168.1.10", dst="192.168.1.20") / UDP(sport=5353, dport=53) / Raw(b"abcdefgh"))


def arp_frame():
    from scapy.all import ARP
    return bytes(Ether(src="00:1b:21:3c:4d:03", dst="ff:ff:ff:ff:ff:ff") / ARP(psrc="192.168.1.1", pdst="192.168.1.2"))


def all_actions():
    acts = [
        output(3), output(0xFFFD, 128), output(0xFFFB), output(0xFF00),
        action(1, struct.pack(">HH", 100, 0)), action(1, struct.pack(">HH", 0xFFFF, 0)),
        action(1, struct.pack(">HH", 0, 0)), action(1, struct.pack(">HH", 0x1000, 0)),
        action(2, struct.pack(">B3x", 5)), action(2, struct.pack(">B3x", 9)),
        action(3, b"\0" * 4),
        action(4, mac(7) + b"\0" * 6), action(5, mac(8) + b"\0" * 6),
        action(6, ipv4(172, 16, 0, 1)), action(7, ipv4(172, 16, 0, 2)),
        action(8, struct.pack(">B3x", 0xb8)),
        action(9, struct.pack(">HH", 8080, 0)), action(10, struct.pack(">HH", 443, 0)),
        action(11, struct.pack(">H6xI", 2, 7)), action(11, struct.pack(">H6xI", 0xFFFE, 0xFFFFFFFF)),
        action(0xFFFF, struct.pack(">I", 0x002320) + b"nicira!\0" + b"\0" * 4),
        action(0xFFFF, struct.pack(">II", 0x5c16c7, 1) + struct.pack(">IIB3x", 12, 0x81002064, 1)),
        action(0xFFFF, struct.pack(">II", 0x5c16c7, 1) + struct.pack(">IIB3x", 12, 0, 7)),
        action(0xFFFF, struct.pack(">II", 0x5c16c7, 1) + struct.pack(">IIB3x", 12, 0x88a80001, 0)),
        action(0xFFFF, struct.pack(">II", 0x5c16c7, 2) + b"\0" * 4),
        action(0xFFFF, struct.pack(">II", 0x5c16c7, 1) + b"\0" * 4),
        action(0xFFFF, struct.pack(">I", 0xff000002) + b"\0" * 4),
    ]
    return acts


def flow_mod(match, command=0, actions=b"", idle=10, hard=0, prio=0x8000, buf=0xFFFFFFFF,
             out_port=0xFFFF, flags=1, cookie=0x0123456789abcdef):
    return match + struct.pack(">QHHHHIHH", cookie, command, idle, hard, prio, buf, out_port, flags) + actions


def bsn(sub, payload=b""):
    return struct.pack(">II", 0x5c16c7, sub) + payload


def v10():
    """OpenFlow 1.0 messages of every type tcpdump decodes with -v, with real
    field values, odd values tcpdump marks, and malformed inner lengths."""
    m = []
    # ERROR: every type with a known and an unknown code, unknown type, data.
    for et, codes in ((0, 2), (1, 9), (2, 9), (3, 6), (4, 2), (5, 3)):
        for code in (0, codes - 1, codes):
            m.append(msg(1, 1, struct.pack(">HH", et, code) + msg(1, 14, b"\0" * 8)))
    m.append(msg(1, 1, struct.pack(">HH", 6, 0)))
    m.append(msg(1, 1, struct.pack(">HH", 0xFFFF, 3) + b"x"))
    # VENDOR: Nicira, ONF and unknown ids, Big Switch subtypes.
    m.append(msg(1, 4, struct.pack(">I", 0x002320) + b"\0\0\0\x0a" + b"\x01" * 12))
    m.append(msg(1, 4, struct.pack(">I", 0x4f4e4600)))
    for v in (0xff000001, 0xff000007, 0xff000008, 0x00123456, 0x80000000):
        m.append(msg(1, 4, struct.pack(">I", v) + b"abc"))
    m += [
        msg(1, 4, bsn(0, struct.pack(">B3x", 3) + ipv4(255, 255, 255, 0))),
        msg(1, 4, bsn(1, struct.pack(">B7x", 2))),
        msg(1, 4, bsn(2, struct.pack(">B3x", 1) + ipv4(255, 255, 0, 0))),
        msg(1, 4, bsn(3, b"\x01\0\0\0")), msg(1, 4, bsn(4, b"\x00\0\0\0")),
        msg(1, 4, bsn(5, b"\x07\0\0\0")),
        msg(1, 4, bsn(6, struct.pack(">I", 1) + b"show version\n")),
        msg(1, 4, bsn(7, b"Switch OS 2.1\x00\x7f\xe9")),
        msg(1, 4, bsn(8, struct.pack(">I", 0xdeadbeef))),
        msg(1, 4, bsn(9)), msg(1, 4, bsn(13)), msg(1, 4, bsn(19)), msg(1, 4, bsn(21)), msg(1, 4, bsn(27)),
        msg(1, 4, bsn(17, struct.pack(">I", 42))),
        msg(1, 4, bsn(10, b"\0" * 12)), msg(1, 4, bsn(29, b"\0" * 4)), msg(1, 4, bsn(35)),
        msg(1, 4, bsn(36, b"zz")), msg(1, 4, struct.pack(">I", 0x5c16c7) + b"\0\0"),
        # Big Switch subtypes with the wrong sizes.
        msg(1, 4, bsn(0, b"\0" * 4)), msg(1, 4, bsn(1, b"\0" * 9)), msg(1, 4, bsn(3)),
        msg(1, 4, bsn(9, b"\0")), msg(1, 4, bsn(17, b"\0" * 5)), msg(1, 4, bsn(6, b"\0")),
        msg(1, 4, bsn(8, b"\0" * 3)),
    ]
    # FEATURES_REPLY: no ports, ports with every bit, bogus bits, a short port.
    feat = struct.pack(">QIB3xII", 0x00000a0b0c0d0e0f, 256, 254, 0xC7, 0xFFF)
    m.append(msg(1, 6, feat))
    m.append(msg(1, 6, feat + phy_port(1, 1) + phy_port(0xFFFE, 2, state=0x301, config=0x7F)
                 + phy_port(3, 3, state=0x100, curr=0, adv=0, supp=0, peer=0xFFFF)))
    m.append(msg(1, 6, struct.pack(">QIB3xII", 1, 0, 1, 0xFFFFFFFF, 0xFFFFFFFF)
                 + phy_port(4, 4, state=0x10200, config=0x80)))
    m.append(msg(1, 6, struct.pack(">QIB3xII", 1, 0, 1, 0x10, 0x1000) + phy_port(5, 5)[:40]))
    # GET_CONFIG_REPLY, SET_CONFIG.
    for flags in (0, 1, 2, 3):
        m.append(msg(1, 8 + (flags & 1), struct.pack(">HH", flags, 128 * flags)))
    # PACKET_IN: buffered and not, each reason, an ARP and a UDP frame, no data.
    m.append(msg(1, 10, struct.pack(">IHHBx", 0x1234, len(frame()), 1, 0) + frame()))
    m.append(msg(1, 10, struct.pack(">IHHBx", 0xFFFFFFFF, 60, 0xFFFE, 1) + arp_frame()))
    m.append(msg(1, 10, struct.pack(">IHHBx", 7, 0, 2, 2)))
    m.append(msg(1, 10, struct.pack(">IHHBx", 7, 4, 2, 9) + b"\x00\x1b\x21\x3c"))
    # FLOW_REMOVED: each reason, match fields, zero and non-zero timers.
    m.append(msg(1, 11, of_match(0) + struct.pack(">QHBxIIH2xQQ", 0xfeed, 100, 0, 3600, 500, 30, 12345, 999999)))
    m.append(msg(1, 11, of_match(0x3FFFFF) + struct.pack(">QHBxIIH2xQQ", 0, 0, 1, 1, 2, 0, 0, 0)))
    m.append(msg(1, 11, of_match(0x38F0EF) + struct.pack(">QHBxIIH2xQQ", 1, 1, 2, 1, 2, 3, 4, 5)))
    m.append(msg(1, 11, of_match(0x400000) + struct.pack(">QHBxIIH2xQQ", 1, 1, 3, 1, 2, 3, 4, 5)))
    # PORT_STATUS: each reason.
    for reason in (0, 1, 2, 3):
        m.append(msg(1, 12, struct.pack(">B7x", reason) + phy_port(reason + 1, reason + 10, state=reason << 8)))
    # PACKET_OUT: actions and data, no actions, bad actions_len.
    acts = output(0xFFFB) + action(1, struct.pack(">HH", 10, 0))
    m.append(msg(1, 13, struct.pack(">IHH", 0xFFFFFFFF, 0xFFFD, len(acts)) + acts + frame()))
    m.append(msg(1, 13, struct.pack(">IHH", 42, 1, 8) + output(2)))
    m.append(msg(1, 13, struct.pack(">IHH", 42, 1, 0) + arp_frame()))
    m.append(msg(1, 13, struct.pack(">IHH", 42, 1, 16) + output(2)))
    # FLOW_MOD: each command, every action, wildcard combinations.
    for cmd in range(6):
        m.append(msg(1, 14, flow_mod(of_match(0x3820F0 if cmd & 1 else 0), command=cmd,
                                     actions=output(cmd + 1), prio=cmd * 100, hard=cmd)))
    m.append(msg(1, 14, flow_mod(of_match(0x3FFFFF), actions=b"".join(all_actions()))))
    m.append(msg(1, 14, flow_mod(of_match(0x0000, dl_type=0x0806, proto=1, vlan=0, pcp=9),
                                 actions=output(1))))
    m.append(msg(1, 14, flow_mod(of_match(0x0000, dl_type=0x0800, proto=1, tp_src=8, tp_dst=0, vlan=4095))))
    m.append(msg(1, 14, flow_mod(of_match(0x0010 | 0x0800 | 0x1c000, dl_type=0x0800, proto=1))))
    m.append(msg(1, 14, flow_mod(of_match(0xFFC00000), flags=0xFF)))
    m.append(msg(1, 14, flow_mod(of_match(0x3FFFFF), flags=0x0008)))
    # Actions with bad lengths: short, past the list, wrong for the type, unknown type.
    for bad in (output(1)[:6], struct.pack(">HH", 0, 4) + b"\0" * 4, struct.pack(">HH", 0, 64) + b"\0" * 4,
                struct.pack(">HH", 4, 8) + b"\0" * 4 + output(1), struct.pack(">HH", 0, 16) + b"\0" * 12,
                struct.pack(">HH", 0xFFFF, 12) + b"\0" * 8 + b"\0" * 4, struct.pack(">HH", 12, 8) + b"\0" * 4 + output(9),
                struct.pack(">HH", 0xFFFF, 8) + struct.pack(">I", 0x5c16c7)):
        m.append(msg(1, 14, flow_mod(of_match(0x3FFFFF), actions=bad)))
    # PORT_MOD.
    m.append(msg(1, 15, struct.pack(">H", 3) + mac(3) + struct.pack(">IIIxxxx", 0x11, 0x7F, 0x0A0)))
    m.append(msg(1, 15, struct.pack(">H", 0xFFF8) + mac(4) + struct.pack(">IIIxxxx", 0, 0x100, 0x1000)))
    # STATS_REQUEST of every type, bogus flags, wrong sizes.
    m += [
        msg(1, 16, struct.pack(">HH", 0, 0)), msg(1, 16, struct.pack(">HH", 3, 1)),
        msg(1, 16, struct.pack(">HH", 0, 0) + b"\0"),
        msg(1, 16, struct.pack(">HH", 1, 0) + of_match(0x3FFFFF) + struct.pack(">BxH", 0xFF, 0xFFFF)),
        msg(1, 16, struct.pack(">HH", 2, 0) + of_match(0x3000FE, in_port=6) + struct.pack(">BxH", 0xFE, 3)),
        msg(1, 16, struct.pack(">HH", 1, 0) + of_match(0x3FFFFF) + struct.pack(">Bx", 1)),
        msg(1, 16, struct.pack(">HH", 4, 0) + struct.pack(">H6x", 0xFFFF)),
        msg(1, 16, struct.pack(">HH", 4, 0) + struct.pack(">H2x", 1)),
        msg(1, 16, struct.pack(">HH", 5, 0) + struct.pack(">H2xI", 0xFFFC, 0xFFFFFFFF)),
        msg(1, 16, struct.pack(">HH", 5, 0) + struct.pack(">H2xI", 2, 5)),
        msg(1, 16, struct.pack(">HH", 5, 0) + struct.pack(">H2x", 2)),
        msg(1, 16, struct.pack(">HH", 0xFFFF, 0) + struct.pack(">I", 0x002320) + b"vendor data"),
        msg(1, 16, struct.pack(">HH", 0xFFFF, 0) + b"\0\0"),
        msg(1, 16, struct.pack(">HH", 9, 0) + b"\0" * 6),
    ]
    # STATS_REPLY of every type.
    desc = (name("Nicira, Inc.", 256) + name("Open vSwitch", 256) + name("2.17.9", 256)
            + name("None", 32) + name("br0\x01\xff", 256))
    m.append(msg(1, 17, struct.pack(">HH", 0, 0) + desc))
    m.append(msg(1, 17, struct.pack(">HH", 0, 1) + desc[:100]))
    flow_entry = lambda acts, wc: (struct.pack(">HBx", 88 + len(acts), 0) + of_match(wc)
                                   + struct.pack(">IIHHH6xQQQ", 60, 5000, 100, 10, 0, 0xabc, 12, 3456) + acts)
    m.append(msg(1, 17, struct.pack(">HH", 1, 1) + flow_entry(output(2), 0x3FFFFF)
                 + flow_entry(b"", 0) + flow_entry(output(0xFFFD, 64) + output(3), 0x3820F0)))
    m.append(msg(1, 17, struct.pack(">HH", 1, 0) + flow_entry(b"", 0)[:60]))
    m.append(msg(1, 17, struct.pack(">HH", 1, 0) + struct.pack(">HBx", 200, 0) + flow_entry(b"", 0)[4:]))
    m.append(msg(1, 17, struct.pack(">HH", 1, 0) + struct.pack(">HBx", 80, 0) + flow_entry(b"", 0)[4:]))
    m.append(msg(1, 17, struct.pack(">HH", 2, 0) + struct.pack(">QQI4x", 1000, 64000, 12)))
    m.append(msg(1, 17, struct.pack(">HH", 2, 0) + struct.pack(">QQI", 1, 2, 3)))
    table = lambda tid, wc: struct.pack(">B3x", tid) + name("classifier", 32) + struct.pack(">IIIQQ", wc, 1000000, 12, 99999, 88888)
    m.append(msg(1, 17, struct.pack(">HH", 3, 0) + table(0, 0x3FFFFF) + table(0xFE, 0x400001) + table(7, 0)
                 + table(3, 0x0FFF00) + table(4, 0x1003F00)))
    m.append(msg(1, 17, struct.pack(">HH", 3, 0) + table(0, 0x3FFFFF)[:32]))
    port = lambda no: struct.pack(">H6x", no) + struct.pack(">12Q", *range(no, no + 12))
    m.append(msg(1, 17, struct.pack(">HH", 4, 0) + port(1) + port(0xFFFE)))
    m.append(msg(1, 17, struct.pack(">HH", 4, 0) + port(1)[:50]))
    queue = lambda no, q: struct.pack(">H2xIQQQ", no, q, 100, 200, 300)
    m.append(msg(1, 17, struct.pack(">HH", 5, 0) + queue(1, 0) + queue(0xFFFA, 0xFFFFFFFF)))
    m.append(msg(1, 17, struct.pack(">HH", 5, 0) + queue(1, 0)[:20]))
    m.append(msg(1, 17, struct.pack(">HH", 0xFFFF, 0) + struct.pack(">I", 0x5c16c7) + b"\x01\x02"))
    m.append(msg(1, 17, struct.pack(">HH", 0xFFFF, 0) + b"\x01"))
    m.append(msg(1, 17, struct.pack(">HH", 6, 2) + b"\x01\x02\x03"))
    # QUEUE_GET_CONFIG_REQUEST and REPLY: queues with properties, bad lengths.
    m.append(msg(1, 20, struct.pack(">H2x", 1)))
    m.append(msg(1, 20, struct.pack(">H2x", 0xFF00)))
    props = struct.pack(">HH4x", 0, 8) + struct.pack(">HH4xH6x", 1, 16, 500) + struct.pack(">HH4xH6x", 1, 16, 1001)
    q = lambda qid, p: struct.pack(">IH2x", qid, 8 + len(p)) + p
    m.append(msg(1, 21, struct.pack(">H6x", 1) + q(1, props) + q(2, b"") + q(3, struct.pack(">HH4x", 7, 8))))
    m.append(msg(1, 21, struct.pack(">H6x", 2) + q(1, struct.pack(">HH4x", 0, 16) + b"\0" * 8)))
    m.append(msg(1, 21, struct.pack(">H6x", 2) + q(1, struct.pack(">HH4x", 1, 8))))
    m.append(msg(1, 21, struct.pack(">H6x", 2) + q(1, struct.pack(">HH4x", 1, 40))))
    m.append(msg(1, 21, struct.pack(">H6x", 2) + q(1, struct.pack(">HH", 1, 4))))
    m.append(msg(1, 21, struct.pack(">H6x", 2) + struct.pack(">IH2x", 1, 4)))
    m.append(msg(1, 21, struct.pack(">H6x", 2) + struct.pack(">IH2x", 1, 99)))
    m.append(msg(1, 21, struct.pack(">H6x", 2) + b"\0" * 5))
    pkts = [seg(x, sport=6653, dport=40000 + i % 7) for i, x in enumerate(m)]
    # Several messages per segment, and a message running past the segment.
    pkts.append(seg(m[0] + m[40] + msg(1, 2, b"hi") + m[-1]))
    pkts.append(seg(msg(1, 14, flow_mod(of_match(0)), length=200)))
    for i, p in enumerate(pkts):
        p.time = 1700000200 + i / 8
    wrpcap(os.path.join(OUT, "openflow-v10.pcap"), pkts)


def port13(no, i, state=4, config=0, curr=0x2820, adv=0x282f, supp=0xffff, peer=0, speed=10000000):
    return (struct.pack(">I4x", no) + mac(i) + b"\0\0" + name("s1-eth%d" % i, 16)
            + struct.pack(">8I", config, state, curr, adv, supp, peer, speed, speed * 4))


def v13():
    """OpenFlow 1.3 messages: the types tcpdump 4.99 decodes with -v, with real
    and odd field values and malformed HELLO elements, and the types it does
    not decode (packet-in/out, flow-mod, multipart) as real switches send them."""
    m = []
    # HELLO: no elements, a version bitmap (OVS offers 1.0-1.3), odd bitmaps,
    # unknown elements, bad element lengths.
    elem = lambda t, payload, n=None: struct.pack(">HH", t, 4 + len(payload) if n is None else n) + payload
    m += [
        msg(4, 0), msg(4, 0, elem(1, struct.pack(">I", 0x1e))), msg(4, 0, elem(1, struct.pack(">I", 0x12))),
        msg(4, 0, elem(1, struct.pack(">I", 0x7f))), msg(4, 0, elem(1, struct.pack(">I", 0xffffff80))),
        msg(4, 0, elem(1, struct.pack(">I", 0))), msg(4, 0, elem(1, struct.pack(">II", 0x10, 0))),
        msg(4, 0, elem(1, b"")), msg(4, 0, elem(2, b"abcd") + elem(1, struct.pack(">I", 2))),
        msg(4, 0, elem(0xffff, b"")), msg(4, 0, elem(1, b"", n=3)), msg(4, 0, elem(1, b"\0" * 4, n=12)),
        msg(4, 0, elem(1, struct.pack(">I", 0x10)) + b"\0\0"),
    ]
    # ERROR: every type, known, last and unknown codes; EXPERIMENTER; data.
    for et, codes in ((0, 2), (1, 14), (2, 16), (3, 9), (4, 12), (5, 8), (6, 15), (7, 5), (8, 3), (9, 3),
                      (10, 3), (11, 3), (12, 12), (13, 6)):
        for code in (0, codes - 1, codes):
            m.append(msg(4, 1, struct.pack(">HH", et, code) + msg(4, 14, b"\0" * 4)))
    m += [msg(4, 1, struct.pack(">HH", 14, 0)), msg(4, 1, struct.pack(">HH", 0xFFFF, 0) + b"exp"),
          msg(4, 1, struct.pack(">HH", 0xFFFE, 1))]
    # EXPERIMENTER: Nicira, ONF, NoviFlow, unknown; with and without data.
    for exp, typ, data in ((0x002320, 20, b"\0" * 8), (0x4f4e4600, 2300, b""), (0xff000002, 1, b"novi"),
                           (0xff000009, 7, b"\x01"), (0x00aabbcc, 0xffffffff, b"")):
        m.append(msg(4, 4, struct.pack(">II", exp, typ) + data))
    # FEATURES_REPLY.
    m += [msg(4, 6, struct.pack(">QIBB2xII", 0x0000000000000001, 256, 254, 0, 0x4f, 0)),
          msg(4, 6, struct.pack(">QIBB2xII", 0xffffffffffffffff, 0, 1, 3, 0xffffffff, 7)),
          msg(4, 6, struct.pack(">QIBB2xII", 2, 0, 1, 0, 0x10, 0))]
    # GET_CONFIG_REPLY, SET_CONFIG.
    for flags, miss in ((0, 0xffe5), (1, 0xffff), (2, 128), (3, 0)):
        m.append(msg(4, 8 + flags % 2, struct.pack(">HH", flags, miss)))
    # PORT_STATUS: each reason and an unknown one.
    for reason in range(4):
        m.append(msg(4, 12, struct.pack(">B7x", reason) + port13(reason + 1, reason + 1, state=reason)))
    m.append(msg(4, 12, struct.pack(">B7x", 0) + port13(0xfffffffe, 9, state=0xff, config=0xff, curr=0x10000)))
    # PORT_MOD, TABLE_MOD.
    m += [msg(4, 16, struct.pack(">I4x", 3) + mac(3) + b"\0\0" + struct.pack(">III4x", 1, 0x65, 0x2820)),
          msg(4, 16, struct.pack(">I4x", 0xffffff00) + mac(4) + b"\0\0" + struct.pack(">III4x", 2, 0x80, 0x10000))]
    for tid, cfg in ((0, 0), (0xfe, 3), (0xff, 0xffffffff)):
        m.append(msg(4, 17, struct.pack(">B3xI", tid, cfg)))
    # QUEUE_GET_CONFIG_REQUEST, ROLE_REQUEST/REPLY, GET_ASYNC_REPLY, SET_ASYNC.
    m += [msg(4, 22, struct.pack(">I4x", 1)), msg(4, 22, struct.pack(">I4x", 0xffffffff))]
    for role in (0, 1, 2, 3, 4):
        m.append(msg(4, 24 + role % 2, struct.pack(">I4xQ", role, 0x0102030405060708 * role)))
    m += [msg(4, 27, struct.pack(">6I", 3, 1, 7, 7, 15, 0)), msg(4, 28, struct.pack(">6I", 0, 0, 0, 0, 0, 0)),
          msg(4, 28, struct.pack(">6I", 8, 0xffffffff, 1, 2, 4, 9))]
    # Types tcpdump 4.99 does not decode, as switches and controllers send them.
    pin = struct.pack(">IHBBQ", 0xffffffff, len(frame()), 0, 0, 0x1234) + struct.pack(">HH", 1, 12) \
        + struct.pack(">HBBI", 0x8000, 0, 4, 1) + b"\0" * 4 + b"\0\0" + frame()
    m += [msg(4, 10, pin), msg(4, 13, struct.pack(">IIH6x", 0xffffffff, 0xfffffffd, 16)
                                     + struct.pack(">HHIH6x", 0, 16, 0xfffffffb, 0xffff) + frame()),
          msg(4, 14, struct.pack(">QQBBHHHIIIH2x", 0, 0, 0, 0, 0, 0, 0, 0xffffffff, 0xffffffff, 0xffffffff, 0)
              + struct.pack(">HH", 1, 4) + b"\0" * 4),
          msg(4, 18, struct.pack(">HH4x", 13, 0)), msg(4, 19, struct.pack(">HH4x", 0, 0) + b"\0" * 40),
          msg(4, 11, b"\0" * 40), msg(4, 15, b"\0" * 8), msg(4, 23, b"\0" * 8), msg(4, 29, b"\0" * 8)]
    pkts = [seg(x, sport=6653, dport=41000 + i % 5) for i, x in enumerate(m)]
    pkts.append(seg(m[1] + m[20] + msg(4, 2, b"ping") + m[-12]))
    pkts.append(seg(msg(4, 12, struct.pack(">B7x", 0) + port13(1, 1), length=120)))
    for i, p in enumerate(pkts):
        p.time = 1700000400 + i / 8
    wrpcap(os.path.join(OUT, "openflow-v13.pcap"), pkts)


def random_bodies():
    """1.0 and 1.3 messages of random types with seeded random bodies: random
    bytes, small numbers where counts and lengths sit, packet-in/out frames cut
    anywhere; a few messages followed by another."""
    import random
    rnd = random.Random(20261127)
    frames = (frame(), arp_frame())
    pkts = []
    for i in range(1500):
        ver = rnd.choice((1, 1, 1, 4))
        kind = rnd.randrange(22 if ver == 1 else 30)
        n = rnd.choice((0, 4, 8, 12, 16, 24, 40, 48, 56, 64, 72, 80, 88, 100, rnd.randrange(300)))
        pick = (0, 0, 0xFF, 1, 2)
        body = bytes(rnd.choice(pick) if rnd.random() < 0.5 else rnd.randrange(256) for _ in range(n))
        if rnd.random() < 0.3 and n >= 16:
            body = struct.pack(">HH", rnd.randrange(7), rnd.choice((8, 16, 12, 4, 0, 24, 88, n - 4))) + body[4:]
        if ver == 1 and kind in (10, 13) and rnd.random() < 0.5:
            head = struct.pack(">IHHBx", 5, 60, 1, 0) if kind == 10 else struct.pack(">IHH", 1, 2, 0)
            body = head + rnd.choice(frames)[:rnd.randrange(70)]
        x = msg(ver, kind, body, xid=i)
        if rnd.random() < 0.1:
            x += msg(1, 2, b"z")
        pkts.append(seg(x, sport=6633, dport=50000 + i % 11))
    for i, p in enumerate(pkts):
        p.time = 1700000600 + i / 16
    wrpcap(os.path.join(OUT, "openflow-random.pcap"), pkts)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    safe()
    types()
    v10()
    v13()
    random_bodies()
