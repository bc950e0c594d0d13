#!/usr/bin/env python3
"""Writes tests/data/links/*.pcap for tests/print_links.rs: SLIP with every kind
of link-level header (IP, uncompressed and Van Jacobson compressed TCP, bad
directions and types), SunATM and RFC 1483 ATM (signalling, OAM cells, ILMI,
LANE, LLC/SNAP, Cisco NLPID, 802.6 headers) and AppleTalk (DDP with NBP, ATP
and other payloads, AARP) over Ethernet, 802.2 SNAP, LocalTalk, BSD loopback
and ARCnet. Run once; the pcaps are committed. Needs only the standard library."""
import os
import struct

import pktgen

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "links")


def pcap(name, linktype, pkts):
    pktgen.write_pcap(os.path.join(OUT, name + ".pcap"), linktype, pkts, usec_step=1000)


def ipv4(proto, payload, src=(10, 0, 0, 1), dst=(10, 0, 0, 2)):
    return pktgen.ip4(proto, payload, src, dst)


def udp(payload, sport=1234, dport=5678):
    return ipv4(17, pktgen.udp(sport, dport, payload))


def tcp(payload=b"", flags=0x18, seq=1000, ack=2000, win=8192):
    t = struct.pack(">HHIIBBHHH", 1025, 23, seq, ack, 5 << 4, flags, win, 0, 0)
    return ipv4(6, t + payload)


def ipv6_udp(payload):
    return pktgen.ip6(17, pktgen.udp(1111, 2222, payload))


# ---------------------------------------------------------------- SLIP
def slip_hdr(direction, chdr_bytes):
    h = bytes([direction]) + chdr_bytes
    return (h + bytes(16))[:16]


def slip():
    pkts = []
    # Plain IP both ways.
    pkts.append(slip_hdr(0, b"\x45") + udp(b"hello"))
    pkts.append(slip_hdr(1, b"\x45") + tcp(b"abc"))
    # Uncompressed TCP: the copied IP header carries the slot in its protocol byte.
    for conn, d in [(3, 0), (7, 1), (200, 0)]:
        ip = tcp(b"x" * (10 + conn % 5))
        pkts.append(slip_hdr(d, bytes([0x70 | 0x05]) + ip[1:9] + bytes([conn])) + ip)
    # Compressed TCP: change masks with each field, 1- and 3-byte encodings.
    def ctcp(direction, mask, rest, payload):
        ip = tcp(payload)
        return slip_hdr(direction, bytes([0x80 | mask]) + rest) + ip
    pkts.append(ctcp(0, 0x40 | 0x0f, bytes([3]) + b"\x12\x34", b"y" * 4))  # SPECIAL_D, new conn
    pkts.append(ctcp(0, 0x0b, b"\x12\x34", b"z" * 9))  # SPECIAL_I
    pkts.append(ctcp(1, 0x40 | 0x01 | 0x02 | 0x04 | 0x08 | 0x20, bytes([7]) + b"\xab\xcd" + b"\x05\x10\x20\x30\x40", b"q"))
    pkts.append(ctcp(1, 0x02 | 0x04, b"\x00\x00" + b"\x00\xff\x00" + b"\x00\x01\x00", b""))
    pkts.append(ctcp(0, 0x02, b"\x00\x00" + b"\x00\x80\x01", b"neg"))  # negative window
    pkts.append(ctcp(0, 0x20 | 0x08, b"\x00\x00" + b"\x00\x12\x34" + b"\x09", b"data"))
    pkts.append(ctcp(1, 0x0b, b"\x00\x00", b"k" * 3))
    pkts.append(ctcp(0, 0x0f, b"\x00\x00", b"k" * 2))
    # Other link-level types, bad directions, odd IP versions, IPv6.
    pkts.append(slip_hdr(0, b"\x00") + udp(b"t"))
    pkts.append(slip_hdr(1, b"\x23") + udp(b"t"))
    pkts.append(slip_hdr(9, b"\x45") + udp(b"bad dir"))
    pkts.append(slip_hdr(2, b"\x70" + bytes(8) + b"\x05") + tcp(b"x"))
    pkts.append(slip_hdr(255, b"\x8f\x00\x00") + tcp(b"x"))
    pkts.append(slip_hdr(0, b"\x60") + ipv6_udp(b"six"))
    pkts.append(slip_hdr(1, b"\x45") + b"\x20" + bytes(25))
    pkts.append(slip_hdr(0, b"\x45") + b"\x45")
    pcap("slip", 8, pkts)


# ---------------------------------------------------------------- ATM
def oam_cell(vpi, vci, pt, clp, cell, func, body, good=True):
    hdr = struct.pack(">I", (vpi << 20) | (vci << 4) | (pt << 1) | clp)
    payload = bytearray(bytes([(cell << 4) | func]) + (body + bytes(45))[:45] + b"\0\0")
    if good:
        for v in range(1024):
            payload[46] = v >> 8
            payload[47] = v & 0xFF
            if pktgen.crc10(bytes(payload)) == 0:
                break
    else:
        payload[47] = 0x55
    return b"\x00" + hdr + bytes(payload)


def llc_snap(et, payload, oui=0):
    return b"\xaa\xaa\x03" + struct.pack(">I", oui)[1:] + struct.pack(">H", et) + payload


def sunatm_hdr(direction, traffic, vpi, vci):
    return bytes([direction | traffic, vpi]) + struct.pack(">H", vci)


def ddp(dnet, snet, dnode, snode, dskt, sskt, t, payload):
    return struct.pack(">HHHHBBBBB", (13 + len(payload)) & 0x3FF, 0, dnet, snet, dnode, snode,
                       dskt, sskt, t) + payload


def q2931(msg, callref=0x123456):
    return bytes([0x09, 0x03]) + struct.pack(">I", callref)[1:] + bytes([msg, 0x80, 0, 0])


def snmp_get():
    # GetRequest for 1.3.6.1.2.1.1.1.0, community "public"
    oid = b"\x06\x08\x2b\x06\x01\x02\x01\x01\x01\x00"
    vb = b"\x30" + bytes([len(oid) + 2]) + oid + b"\x05\x00"
    vbl = b"\x30" + bytes([len(vb)]) + vb
    pdu = b"\x02\x01\x01\x02\x01\x00\x02\x01\x00" + vbl
    pdu = b"\xa0" + bytes([len(pdu)]) + pdu
    msg = b"\x02\x01\x00\x04\x06public" + pdu
    return b"\x30" + bytes([len(msg)]) + msg


def ether(dst, src, et, payload):
    return dst + src + struct.pack(">H", et) + payload


MAC1 = b"\x00\x11\x22\x33\x44\x55"
MAC2 = b"\x08\x00\x07\x66\x77\x88"


def sunatm():
    pkts = []
    pkts.append(sunatm_hdr(0x00, 2, 1, 100) + llc_snap(0x0800, udp(b"atm")))
    pkts.append(sunatm_hdr(0x80, 2, 1, 100) + llc_snap(0x0806, bytes(28)))
    pkts.append(sunatm_hdr(0x80, 0, 2, 33) + b"\x06\x06\x03" + udp(b"ip-sap"))
    pkts.append(sunatm_hdr(0x00, 1, 3, 40) + b"\xff\x00\x01\x02\x00\x06" + bytes(10))
    pkts.append(sunatm_hdr(0x00, 1, 3, 40) + b"\xff\x00\x01\x01\x01\x55" + bytes(10))
    pkts.append(sunatm_hdr(0x80, 1, 3, 41) + b"\x00\x07" + ether(MAC1, MAC2, 0x0800, udp(b"lane")))
    pkts.append(sunatm_hdr(0x80, 1, 3, 41) + b"\x00\x07" + ether(MAC1, MAC2, 0x9999, b"unknown type"))
    pkts.append(sunatm_hdr(0x80, 1, 3, 41) + b"\x00\x07" + MAC1 + MAC2[:3])
    for m in (0x05, 0x07, 0x4d, 0x5a, 0x84, 0x33):
        pkts.append(sunatm_hdr(0x00, 0, 0, 5) + q2931(m))
    pkts.append(sunatm_hdr(0x00, 0, 0, 5) + bytes([0x07]) + bytes(8))
    pkts.append(sunatm_hdr(0x00, 0, 0, 2) + bytes(8))
    pkts.append(sunatm_hdr(0x80, 0, 0, 1) + bytes(8))
    pkts.append(sunatm_hdr(0x00, 0, 0, 16) + snmp_get())
    cells = [
        (1, 8, b"\x01\x00\x00\x00\x2a" + bytes(range(1, 25))),
        (1, 8, b"\x00\xde\xad\xbe\xef" + bytes(range(30, 54))),
        (1, 0, b"\x07" + bytes(range(100, 116))),
        (1, 1, b"\x09" + bytes(range(200, 216))),
        (1, 4, b""),
        (1, 5, b""),
        (2, 0, b""),
        (2, 1, b""),
        (2, 2, b""),
        (2, 7, b""),
        (8, 0, b""),
        (8, 1, b""),
        (8, 3, b""),
        (15, 1, b""),
        (6, 6, b""),
    ]
    for i, (cell, func, body) in enumerate(cells):
        vci = 3 + (i % 2)
        pkts.append(sunatm_hdr(0, 0, 0, vci) + oam_cell(i, vci if i % 3 else 77, i % 8, i % 2, cell, func, body))
    pkts.append(sunatm_hdr(0, 0, 0, 3) + oam_cell(0, 3, 0, 0, 1, 8, b"\x01", good=False))
    pkts.append(sunatm_hdr(0, 0, 0, 4) + oam_cell(0, 4, 5, 1, 1, 0, b"\x01")[:30])
    pkts.append(sunatm_hdr(0x80, 2, 0, 77) + b"\x42\x42\x03" + bytes(35))
    pkts.append(sunatm_hdr(0x00, 2, 5, 99) + b"\xf0\xf0\x03" + b"netbios")
    pkts.append(sunatm_hdr(0x00, 2, 5, 99) + llc_snap(0x809b, ddp(5, 6, 7, 8, 2, 253, 2,
                b"\x21\x05" + struct.pack(">HBBB", 6, 8, 253, 0) + b"\x03abc\x04type\x01*"), oui=0x080007))
    pcap("sunatm", 123, pkts)


def rfc1483():
    pkts = []
    pkts.append(llc_snap(0x0800, udp(b"rfc1483")))
    pkts.append(llc_snap(0x86dd, ipv6_udp(b"v6")))
    pkts.append(b"\x06\x06\x03" + udp(b"sap6"))
    pkts.append(b"\x03\xcc" + udp(b"cnlpid ip"))
    pkts.append(b"\x03\x8e" + ipv6_udp(b"cnlpid ip6"))
    pkts.append(b"\x03\x00" + bytes(6))
    pkts.append(b"\x03\x77" + bytes(9))
    pkts.append(b"\x03\x77")
    pkts.append(bytes(range(16)) + b"\x00\x00\x00\x00" + llc_snap(0x0800, udp(b"802.6")))
    pkts.append(bytes(range(40, 59)))
    pkts.append(b"\xe0\xe0\x03" + bytes(30))
    pkts.append(llc_snap(0x809b, ddp(1, 2, 3, 4, 6, 6, 6, b"\x05\x01zip"), oui=0x080007))
    pkts.append(llc_snap(0x80f3, struct.pack(">HHBBH", 1, 0x809b, 6, 4, 1) + MAC1 + b"\x00\x00\x07\x09" + bytes(6) + b"\x00\x00\x07\x0a"))
    # RFC 2684 bridged frames (two bytes of padding after the SNAP header).
    eth = ether(MAC1, MAC2, 0x0800, udp(b"bridged"))
    pkts.append(llc_snap(0x0007, b"\0\0" + eth, oui=0x0080c2))
    pkts.append(llc_snap(0x0001, b"\0\0" + eth + b"\x11\x22\x33\x44", oui=0x0080c2))
    pkts.append(llc_snap(0x000e, b"\x00\x00\x00\x80" + bytes(31), oui=0x0080c2))
    pkts.append(llc_snap(0x0007, b"\0\0" + eth[:10], oui=0x0080c2))
    pkts.append(llc_snap(0x000b, b"\0\0" + bytes(20), oui=0x0080c2))
    pkts.append(llc_snap(0x0800, udp(b"cisco90"), oui=0xf8))
    pcap("rfc1483", 100, pkts)


# ---------------------------------------------------------------- AppleTalk
def nbp(control, nid, tuples):
    out = bytes([control, nid])
    for (net, node, skt, enum, obj, typ, zone) in tuples:
        out += struct.pack(">HBBB", net, node, skt, enum)
        for s in (obj, typ, zone):
            out += bytes([len(s)]) + s
    return out


def atp(control, bitmap, tid, user=0, payload=b""):
    return struct.pack(">BBHI", control, bitmap, tid, user) + payload


def atalk_payloads():
    """(type, payload, source net, node, socket) of DDP datagrams."""
    p = []
    p.append((2, nbp(0x21, 7, [(100, 5, 253, 0, b"Printer", b"LaserWriter", b"*")]), 100, 5, 253))
    p.append((2, nbp(0x22, 8, [(101, 6, 250, 3, b"x", b"y", b"Zone\xe9\x01")]), 100, 5, 253))
    p.append((2, nbp(0x11, 9, [(100, 5, 253, 0, b"=", b"AFPServer", b"*")]), 100, 5, 253))
    p.append((2, nbp(0x33, 10, [(100, 5, 253, 1, b"A", b"B", b"C"), (100, 5, 128, 2, b"D", b"E", b"F"),
                                  (99, 1, 253, 1, b"G", b"H", b"I")]), 100, 5, 253))
    p.append((2, nbp(0x32, 11, [(100, 5, 253, 1, b"long", b"x" * 33, b"z")]), 100, 5, 253))
    p.append((2, nbp(0x41, 12, [(1, 2, 3, 4, b"a", b"b", b"c")]), 100, 5, 253))
    p.append((2, b"\x21\x01\x00", 100, 5, 253))
    p.append((2, b"\x21", 100, 5, 253))
    p.append((3, atp(0x40, 0xff, 1234), 1, 2, 3))
    p.append((3, atp(0x60 | 0x10, 0x01, 1235, 0xdeadbeef, b"req data"), 1, 2, 3))
    p.append((3, atp(0x48, 0x05, 1236), 1, 2, 3))
    p.append((3, atp(0x58, 0x00, 1237), 1, 2, 3))
    p.append((3, atp(0x90, 3, 1238, 0, b"response data"), 1, 2, 3))
    p.append((3, atp(0xa8, 4, 1239, 1), 1, 2, 3))
    p.append((3, atp(0x80 | 0x20, 5, 1240), 1, 2, 3))
    p.append((3, atp(0x88, 6, 1241), 1, 2, 3))
    p.append((3, atp(0xc0, 0x0f, 1242), 1, 2, 3))
    p.append((3, atp(0xc0 | 0x38, 0x82, 1243, 0, b"xx"), 1, 2, 3))
    p.append((3, atp(0xd0, 0x00, 1244), 1, 2, 3))
    p.append((3, atp(0x00 | 0x12, 0, 1245, 7, b"odd"), 1, 2, 3))
    p.append((3, b"\x40\x01\x00", 1, 2, 3))
    for t in (1, 4, 5, 6, 22, 23, 0x4b, 99, 0):
        p.append((t, b"\x01\x02\x03\x04", 1, 2, 3))
    return p


def aarp_pkts():
    out = []
    base = lambda op, ht=1, pt=0x809b, hl=6, pl=4: struct.pack(">HHBBH", ht, pt, hl, pl, op)
    out.append(base(1) + MAC1 + b"\x00\x00\x64\x05" + bytes(6) + b"\x00\x00\x64\x09")
    out.append(base(2) + MAC1 + b"\x00\x01\x00\x05" + MAC2 + b"\x00\x00\x64\xff")
    out.append(base(3) + MAC1 + b"\x00\xff\xff\x05" + bytes(6) + b"\x00\xff\xff\x05")
    out.append(base(4) + MAC1 + bytes(4) + MAC2 + bytes(4))
    out.append(base(1, ht=6) + MAC1 + bytes(4) + MAC2 + bytes(4))
    out.append(base(1, pt=0) + MAC1 + bytes(4) + MAC2 + bytes(4))
    out.append(base(2, pl=5) + MAC1 + bytes(4) + MAC2 + bytes(4))
    out.append(base(1)[:8] + MAC1)
    return out


def ethertalk():
    pkts = []
    for i, (t, payload, snet, snode, sskt) in enumerate(atalk_payloads()):
        d = ddp(200 + i, snet, 255 if i % 4 == 0 else 9, snode, 2 if i % 3 else 128, sskt, t, payload)
        pkts.append(ether(MAC1, MAC2, 0x809b, d))
    # 802.3 with Apple's SNAP OUI, and AARP under the zero OUI.
    d = ddp(1, 2, 3, 4, 4, 4, 4, b"\x01echo")
    llc = llc_snap(0x809b, d, oui=0x080007)
    pkts.append(MAC1 + MAC2 + struct.pack(">H", len(llc)) + llc)
    for a in aarp_pkts():
        pkts.append(ether(b"\xff" * 6, MAC1, 0x80f3, a))
        llc = llc_snap(0x80f3, a)
        pkts.append(b"\x09\x00\x07\xff\xff\xff" + MAC1 + struct.pack(">H", len(llc)) + llc)
    pkts.append(ether(MAC1, MAC2, 0x809b, ddp(1, 2, 3, 4, 5, 6, 7, b"")[:12]))
    pkts.append((ether(MAC1, MAC2, 0x809b, ddp(1, 2, 3, 4, 5, 6, 2, b"\x21\x01" + bytes(20))), 60))
    pcap("ethertalk", 1, pkts)


def ltalk():
    pkts = []
    for i, (t, payload, snet, snode, sskt) in enumerate(atalk_payloads()):
        if i % 2:
            pkts.append(bytes([9, snode, 1]) + struct.pack(">HBBB", 5 + len(payload), 2 + i % 3, sskt, t) + payload)
        else:
            pkts.append(bytes([255, snode, 2]) + ddp(0, snet, 255, snode, 2, sskt, t, payload))
    pkts.append(bytes([1, 2, 0x4b]) + b"klap")
    pkts.append(bytes([1, 2, 7]))
    pkts.append(bytes([1, 2]))
    pkts.append(bytes([1, 2, 1, 0]))
    pkts.append(bytes([1, 2, 2]) + bytes(12))
    pkts.append((bytes([1, 2, 1, 0]), 9))
    pkts.append((bytes([1, 2, 2]) + bytes(5), 40))
    pcap("ltalk", 114, pkts)
    # BSD loopback (AF 16) and ARCnet (type 221).
    loop = []
    arc = []
    for i, (t, payload, snet, snode, sskt) in enumerate(atalk_payloads()[:12]):
        d = ddp(7, snet, 8, snode, 9, sskt, t, payload)
        loop.append(struct.pack("<I", 16) + d)
        arc.append(bytes([0x10, 0x20, 0, 0, 221, 0, 0, 0]) + d)
    pcap("null-atalk", 0, loop)
    pcap("arcnet-atalk", 129, arc)


# ---------------------------------------------------------------- DECnet
def decnet():
    DN = lambda a, n: (a << 10) | n
    mac = b"\xaa\x00\x04\x00\x01\x04"

    def frame(body, pad=0, declen=None):
        if pad:
            body = bytes([0x80 | pad]) + bytes(pad - 1) + body
        n = len(body) if declen is None else declen
        return ether(mac, mac, 0x6003, struct.pack("<H", n) + body)

    def short(nsp, flags=0x02 | 0x20, dst=DN(1, 2), src=DN(3, 4), visits=5):
        return struct.pack("<BHHB", flags, dst, src, visits) + nsp

    def long(nsp, flags=0x06 | 0x08 | 0x10):
        return (bytes([flags, 0, 0]) + b"\xaa\x00\x04\x00" + struct.pack("<H", DN(2, 7)) + bytes(2)
                + b"\xaa\x00\x04\x00" + struct.pack("<H", DN(5, 9)) + bytes([0, 3, 0, 0]) + nsp)

    def nsp(flags, dst=8195, src=8196, rest=b""):
        return struct.pack("<BHH", flags, dst, src) + rest

    w = lambda *v: struct.pack("<%dH" % len(v), *v)
    pkts = []
    nsps = [
        nsp(0x60, rest=w(0x8000 | 5, 0xa000 | 2, 7) + b"data"),
        nsp(0x20, rest=w(0x9000 | 5, 0xb000 | 2, 7)),
        nsp(0x00, rest=w(0x8001, 0x0003)),
        nsp(0x40, rest=w(0x0009)),
        nsp(0x40, rest=b"\x01"),
        nsp(0x30, rest=w(0x8000 | 1, 0xa000 | 1, 4)),
        nsp(0x30, rest=w(0x0004)),
        nsp(0x10, rest=w(0x8000 | 1, 0xa000 | 2, 3) + b"\x00\x00"),
        nsp(0x10, rest=w(0x9000 | 1, 0xb000 | 2, 3) + b"\x01\x05"),
        nsp(0x10, rest=w(0x0003, 0, 0) + b"\x02\x05"),
        nsp(0x10, rest=w(0x0003, 0, 0) + b"\x03\x05"),
        nsp(0x10, rest=w(0x0003, 0, 0) + b"\x04\x07"),
        nsp(0x10, rest=w(0x0003, 0, 0) + b"\x0c\x07"),
        nsp(0x10, rest=w(0x0003)),
        nsp(0x50, rest=w(1)),
        nsp(0x04, rest=w(0x8000 | 9, 0xa000 | 2)),
        nsp(0x04, rest=w(0x9000 | 9, 0xb000 | 2)),
        nsp(0x14, rest=w(0x8000 | 3, 0xa000 | 21)),
        nsp(0x14, rest=w(0x0003, 0)),
        nsp(0x24),
        nsp(0x34),
        nsp(0x04, rest=w(0x8000)),
        nsp(0x18, dst=0, rest=b"\x01\x03" + w(16403) + b"obj"),
        nsp(0x68, dst=0, rest=b"\x05\x02" + w(1000)),
        nsp(0x28, rest=b"\x09\x00" + w(16403) + b"\x00"),
        nsp(0x28, rest=b"\x01\x01" + w(500) + b"\x03abc"),
        nsp(0x38, rest=w(0) + b"\x00"),
        nsp(0x38, rest=w(38) + b"\x02xy"),
        nsp(0x38, rest=w(77) + b"\x00"),
        nsp(0x48, rest=w(42)),
        nsp(0x48, rest=w(41)),
        nsp(0x08),
        nsp(0x0c),
        b"\x60\x01",
    ]
    for i, n in enumerate(nsps):
        pkts.append(frame(short(n, visits=i)))
    pkts.append(frame(long(nsps[0])))
    pkts.append(frame(long(nsps[15]), pad=3))
    pkts.append(frame(short(nsps[2], flags=0x02 | 0x08 | 0x10 | 0x20), pad=1))
    pkts.append(frame(bytes([0x42]) + bytes(10)))
    pkts.append(frame(bytes([0x04]) + bytes(10)))
    pkts.append(frame(long(b"")[:15]))
    # Routing control messages.
    pkts.append(frame(b"\x01" + w(DN(1, 5)) + b"\x07" + w(1498) + b"\x02\x00\x00" + w(15) + b"\x00"))
    pkts.append(frame(b"\x01" + w(DN(1, 5)) + b"\x0a" + w(1498) + b"\x02\x00\x00" + w(15) + b"\x00"))
    pkts.append(frame(b"\x01" + w(DN(1, 5))))
    pkts.append(frame(b"\x03" + w(DN(1, 6)) + b"\x11\x00\x00"))
    pkts.append(frame(b"\x05" + w(DN(1, 7)) + b"\xaa\xaa\xaa"))
    pkts.append(frame(b"\x13" + w(DN(1, 7)) + b"\x0a\x00\x00"))
    pkts.append(frame(b"\x05\x00"))
    routes = w(3, 1, (2 << 10) | 4) + w(2000, 9, 5) + w(1, 1, 1)
    pkts.append(frame(b"\x07" + w(DN(1, 8)) + b"\x00" + w(3, 1, (2 << 10) | 4, 1, 10, 7) + w(0xffff)))
    pkts.append(frame(b"\x09" + w(DN(1, 9)) + b"\x00" + routes + w(0xffff)))
    pkts.append(frame(b"\x0b\x02\x00\x00" + mac[:4] + w(DN(1, 10)) + b"\x21" + w(1498) + b"\x40\x00" + w(15) + b"\x00" + b"elist"))
    pkts.append(frame(b"\x0b\x02\x00\x00" + mac[:4] + w(DN(1, 10)) + b"\x46" + w(1498) + b"\x40\x00" + w(15) + b"\x00"))
    pkts.append(frame(b"\x0d\x02\x00\x00" + mac[:4] + w(DN(1, 1)) + b"\x03" + w(16434) + b"\x00" + bytes(8) + mac[:4] + w(DN(1, 3)) + w(10) + b"\x00\x02"))
    pkts.append(frame(b"\x0d\x02\x00\x00" + mac[:4]))
    pkts.append(frame(b"\x0f" + bytes(9)))
    pkts.append(frame(b"\x0f" + bytes(9), declen=40))
    f = frame(b"\x0f" + bytes(30))
    pkts.append((f[:30], len(f)))
    f = frame(b"\x0b\x02\x00\x00" + mac[:4] + w(DN(1, 10)) + b"\x21" + w(1498) + b"\x40\x00" + w(15) + b"\x00")
    pkts.append((f[:28], len(f)))
    pkts.append(frame(b"\x02", declen=3))
    pkts.append(frame(short(b"")[:5], declen=20))
    pcap("decnet", 1, pkts)


# ---------------------------------------------------------------- PKTAP
def pktap():
    def hdr(dlt, rectype=1, hdrlen=108):
        h = struct.pack("<III", hdrlen, rectype, dlt) + b"en0".ljust(24, b"\0")
        h += struct.pack("<IIIII", 0, 2, 14, 0, 321) + b"curl".ljust(20, b"\0")
        h += struct.pack("<IHHI", 0, 6, 0, 321) + b"curl".ljust(20, b"\0")
        return h + bytes(hdrlen - 108)

    pkts = []
    pkts.append(hdr(1) + ether(MAC1, MAC2, 0x0800, udp(b"pktap")))
    pkts.append(hdr(0) + struct.pack("<I", 2) + udp(b"null"))
    pkts.append(hdr(12) + udp(b"raw"))
    pkts.append(hdr(12, hdrlen=112) + udp(b"raw, longer header"))
    pkts.append(hdr(147) + b"user0 data")
    pkts.append(hdr(999) + b"no such dlt")
    pkts.append(hdr(1, rectype=0))
    pkts.append(hdr(1, rectype=7) + b"x")
    pkts.append(hdr(1, hdrlen=108)[:8] + struct.pack("<I", 1) + bytes(10))
    pkts.append(struct.pack("<III", 50, 1, 1) + bytes(120))
    pkts.append(struct.pack("<III", 500, 1, 1) + bytes(120))
    pkts.append(hdr(258) + hdr(1) + ether(MAC1, MAC2, 0x0806, bytes(28)))
    pkts.append(hdr(8) + bytes([0, 0x45]) + bytes(14) + udp(b"slip"))
    pcap("pktap", 258, pkts)


# ---------------------------------------------------------------- ENC
def enc():
    def hdr(af, flags, spi=0x1234abcd, big=False):
        e = ">" if big else "<"
        return struct.pack(e + "I", af) + struct.pack(">I", spi) + struct.pack(e + "I", flags)

    pkts = []
    for af, flags, big in [(2, 0, False), (2, 0x0400, False), (2, 0x0800, False), (2, 0x0c00, False),
                           (2, 0x1c00, False), (2, 0x1000, False), (24, 0x0400, False), (28, 0x0800, True),
                           (2, 0x0c00, True), (30, 0, True), (99, 0x0400, False)]:
        payload = ipv6_udp(b"six") if af in (24, 28, 30) else udp(b"enc")
        pkts.append(hdr(af, flags, big=big) + payload)
    pkts.append(hdr(2, 0)[:11])
    pcap("enc", 109, pkts)


# ---------------------------------------------------------------- KIP
def kip():
    pkts = []
    for i, (t, payload, snet, snode, sskt) in enumerate(atalk_payloads()[:14]):
        llap = bytes([9, snode, 2]) + ddp(5, snet, 9, snode, 2, sskt, t, payload)
        sport, dport = [(200, 1000), (1000, 327), (768, 895), (16512, 5000), (16639, 16639), (319, 319), (328, 767)][i % 7]
        pkts.append(ether(MAC1, MAC2, 0x0800, udp(llap, sport, dport)))
    pkts.append(ether(MAC1, MAC2, 0x0800, udp(bytes([9, 1, 1]) + b"short ddp", 200, 200)))
    pkts.append(ether(MAC1, MAC2, 0x0800, udp(bytes([9, 1, 2]) + b"short", 200, 200)))
    pkts.append(ether(MAC1, MAC2, 0x0800, udp(bytes([9, 1]), 200, 200)))
    pcap("kip", 1, pkts)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    slip()
    sunatm()
    rfc1483()
    ethertalk()
    ltalk()
    decnet()
    pktap()
    enc()
    kip()
