#!/usr/bin/env python3
"""Writes tests/data/fixes2/*.pcap: ForCES messages (RFC 5810) in SCTP DATA
chunks (forces.pcap) covering every message type, LFB-select / operation /
PATH-DATA TLVs, FULLDATA, SPARSEDATA, RESULT, KEYINFO, table ranges and
appends, RCommit, redirect metadata, teardown and association results, and
malformed lengths. Run once; the pcaps are committed."""
import os
import struct

import pktgen

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixes2")


def pcap(pkts, name, linktype=1):
    pktgen.write_pcap(os.path.join(OUT, name), linktype, pkts)


def ip4(proto, payload, ttl=64, src=(10, 0, 0, 1), dst=(10, 0, 0, 2)):
    return pktgen.eth(0x0800, pktgen.ip4(proto, payload, src, dst, ttl))


def sctp_data(payload, ppid=21, sport=6704, dport=6704):
    pad = (-len(payload)) % 4
    chunk = struct.pack(">BBHIHHI", 0, 3, 16 + len(payload), 1, 0, 0, ppid) + payload + bytes(pad)
    return ip4(132, struct.pack(">HHII", sport, dport, 1, 0) + chunk)


def align(b):
    return b + bytes((-len(b)) % 4)


def tlv(t, data, length=None):
    return align(struct.pack(">HH", t, 4 + len(data) if length is None else length) + data)


def ilv(t, data, length=None):
    return align(struct.pack(">II", t, 8 + len(data) if length is None else length) + data)


def msg(tom, body, flags=0xF8400000, sid=0x40000001, did=0x2, cor=7, lenw=None, ver=1):
    n = 24 + len(body)
    return struct.pack(">BBHIIQI", ver << 4, tom, n // 4 if lenw is None else lenw,
                       sid, did, cor, flags) + body


def pathdata(ids, rest=b"", flags=0, cnt=None):
    return (struct.pack(">HH", flags, len(ids) if cnt is None else cnt)
            + b"".join(struct.pack(">I", i) for i in ids) + rest)


def oper(op, pd):
    return tlv(op, pd)


def lfb(cls, inst, *ops):
    return tlv(0x1000, struct.pack(">II", cls, inst) + b"".join(ops))


FULL = tlv(0x112, bytes(range(1, 11)))
FULL4 = tlv(0x112, struct.pack(">I", 1))
RES = lambda code: tlv(0x114, bytes([code, 0, 0, 0]))
SPARSE = tlv(0x113, ilv(1, b"\x01\x02\x03") + ilv(2, struct.pack(">I", 9)))

msgs = [
    # Query / query response, as in a real session.
    msg(4, lfb(1, 1, oper(7, tlv(0x110, pathdata([1]))))),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], FULL))))),
    msg(0x14, lfb(2, 1, oper(10, tlv(0x110, pathdata([2, 3], FULL4))))),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], RES(0))))), flags=0x38400000),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], RES(0x0b)))))),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], RES(0xff)))))),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], RES(0x30)))))),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], SPARSE))))),
    # Config: set with full data, set-prop, delete, commit, several LFBs.
    msg(3, lfb(3, 1, oper(2, tlv(0x110, pathdata([60, 1], FULL4))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1, 2, 3], FULL))),
               oper(5, tlv(0x110, pathdata([4]))))),
    msg(3, lfb(3, 2, oper(12, bytes(8)), oper(14, bytes(8)))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], SPARSE))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], RES(0)))))),
    msg(3, lfb(0xffffffff, 5, oper(1, tlv(0x110, pathdata([1], FULL4))))),
    # Table append, table range, key info.
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([7], FULL4, flags=4))))),
    msg(4, lfb(3, 1, oper(7, tlv(0x110, pathdata([7], struct.pack(">HHII", 0x117, 12, 2, 9), flags=2))))),
    msg(4, lfb(3, 1, oper(7, tlv(0x110, pathdata([7], struct.pack(">IHH", 5, 0x112, 8) + b"abcd", flags=1))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([7], struct.pack(">IHH", 5, 0x112, 8) + b"abcd" + FULL4, flags=1))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([7], struct.pack(">IHH", 5, 0x112, 8) + b"abcd"
                                                   + tlv(0x111, struct.pack(">I", 3) + FULL4), flags=1))))),
    msg(4, lfb(3, 1, oper(7, tlv(0x110, pathdata([7], struct.pack(">IHH", 5, 0x112, 2), flags=1))))),
    msg(4, lfb(3, 1, oper(7, tlv(0x110, pathdata([7], b"", flags=3))))),
    msg(4, lfb(3, 1, oper(7, tlv(0x110, pathdata([7], bytes(4), flags=2))))),
    # Nested path data.
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], tlv(0x110, pathdata([2, 3], FULL4))))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], tlv(0x110, pathdata([2], tlv(0x110, pathdata([9], FULL))))))))),
    # Config responses, RCommit.
    msg(0x13, lfb(3, 1, oper(3, tlv(0x110, pathdata([1], RES(0)))), oper(6, tlv(0x110, pathdata([2], RES(7)))))),
    msg(0x13, lfb(3, 1, oper(13, tlv(0x110, pathdata([1], RES(0)))))),
    msg(0x13, lfb(3, 1, oper(13, tlv(0x999, pathdata([1], RES(0)))))),
    msg(0x13, lfb(3, 1, oper(13, struct.pack(">HH", 0x110, 200) + bytes(8)))),
    # Bad data encodings and contents.
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], RES(0)))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], tlv(0x200, b"zzzz")))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], struct.pack(">HH", 0x112, 100) + bytes(4)))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], struct.pack(">HH", 0x112, 0) + bytes(4)))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1, 2], cnt=5))))),
    msg(3, lfb(3, 1, oper(1, tlv(0x110, pathdata([1], tlv(0x112, b"abc")))))),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], tlv(0x114, bytes(6))))))),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], tlv(0x113, ilv(1, b"x", length=40))))))),
    msg(0x14, lfb(1, 1, oper(9, tlv(0x110, pathdata([2], tlv(0x113, b"ab")))))),
    # Operations not allowed / unknown / too short.
    msg(4, lfb(1, 1, oper(1, tlv(0x110, pathdata([1]))))),
    msg(4, lfb(1, 1, oper(0x8001, tlv(0x110, pathdata([1]))))),
    msg(4, lfb(1, 1, oper(7, b"\0\0\0\0"))),
    msg(4, lfb(1, 1, oper(0x8001, b"\0\0"))),
    msg(4, lfb(1, 1, struct.pack(">HH", 7, 100) + bytes(8))),
    msg(4, lfb(1, 1, oper(7, tlv(0x110, pathdata([1]))), b"\0\x07")),
    msg(4, lfb(1, 1)),
    msg(4, tlv(0x1000, bytes(12))),
    # Association setup / response / teardown.
    msg(1, b""),
    msg(1, lfb(1, 1, oper(11, tlv(0x110, pathdata([1], FULL4))))),
    msg(1, lfb(1, 1, oper(11, tlv(0x110, pathdata([1], FULL4)))) + lfb(2, 1, oper(11, tlv(0x110, pathdata([3], FULL4))))),
    msg(0x11, tlv(0x10, struct.pack(">I", 0)), sid=2, did=0x40000001),
    msg(0x11, tlv(0x10, struct.pack(">I", 2))),
    msg(0x11, tlv(0x10, struct.pack(">I", 9))),
    msg(0x11, tlv(0x10, struct.pack(">II", 0, 0))),
    msg(2, tlv(0x11, struct.pack(">I", 1))),
    msg(2, tlv(0x11, struct.pack(">I", 4))),
    msg(2, tlv(0x11, struct.pack(">I", 77))),
    msg(2, tlv(0x11, struct.pack(">I", 300))),
    msg(2, b""),
    # Event notification, redirect.
    msg(5, lfb(1, 1, oper(11, tlv(0x110, pathdata([5], FULL))))),
    msg(6, tlv(0x1, tlv(0x115, ilv(7, b"meta") + ilv(8, struct.pack(">I", 1))) + tlv(0x116, b"packet-bytes"))),
    msg(6, tlv(0x1, tlv(0x115, ilv(7, b"meta", length=3)) + tlv(0x77, b"abcd"))),
    msg(6, tlv(0x1, tlv(0x116, bytes(20)) + struct.pack(">HH", 0x116, 80))),
    msg(6, tlv(0x1, bytes(4))),
    # Heartbeats, bad headers, unknown types.
    msg(0xf, b"", flags=0xC0400000, cor=2),
    msg(0xf, bytes(8)),
    msg(0xf, b"", flags=0x07FFFFFF, sid=0xC0000001, did=0xFFFFFFFD),
    msg(0xf, b"", sid=0xFFFFFFFE, did=0xFFFFFFFF, ver=2),
    msg(0xf, b"", sid=0xFFFFFFF5, did=0x80000000),
    msg(0x12, bytes(8)),
    msg(0x9, bytes(8)),
    msg(0, b""),
    msg(3, b""),
    msg(3, lfb(1, 1, oper(1, tlv(0x110, pathdata([1], FULL4)))), lenw=3),
    msg(3, lfb(1, 1, oper(1, tlv(0x110, pathdata([1], FULL4)))), lenw=40),
    msg(3, tlv(0x77, bytes(16))),
    msg(3, struct.pack(">HH", 0x1000, 300) + bytes(16)),
    msg(3, b"".join(lfb(i, 1, oper(1, tlv(0x110, pathdata([i], FULL4)))) for i in range(1, 18))),
    b"\x10\x03\x00",
]

pkts = [sctp_data(m) for m in msgs]
# ForCES recognised by its PPID alone, and by its port alone; other channels.
pkts.append(sctp_data(msgs[0], ppid=22, sport=5000, dport=5001))
pkts.append(sctp_data(msgs[1], ppid=0, sport=6705, dport=5001))
pkts.append(sctp_data(msgs[2], ppid=23, sport=5000, dport=6706))
pcap(pkts, "forces.pcap")


def vrrp(ver, body_len, cap_extra=b"", auth=1, naddrs=1, src=b"\x00\x10\x18\x00\x00\x01"):
    """A VRRP advertisement whose IP length says `body_len` bytes while the
    frame carries the whole message (plus `cap_extra`)."""
    if ver == 2:
        body = struct.pack(">BBBBBBH", 0x21, 7, 100, naddrs, auth, 1, 0)
    else:
        body = struct.pack(">BBBBHH", 0x31, 7, 100, naddrs, 100, 0)
    body += bytes([10, 0, 0, 9]) * naddrs
    if ver == 2:
        body += b"secret\0\0"
    h = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + body_len, 1, 0, 255, 112, 0,
                    bytes([10, 0, 0, 1]), bytes([224, 0, 0, 18]))
    h = h[:10] + struct.pack(">H", pktgen.inet_sum(h)) + h[12:]
    return b"\x01\x00\x5e\x00\x00\x12" + src + b"\x08\x00" + h + body + cap_extra


misc = []
for ver in (2, 3):
    full = len(vrrp(ver, 0)) - 34
    for n in range(0, full + 1):
        misc.append(vrrp(ver, n))
misc.append(vrrp(2, 20, src=b"\x00\xe0\x04\x00\x00\x01"))
misc.append(vrrp(3, 12, src=b"\xd0\xf0\xdb\x00\x00\x01"))
pcap(misc, "misc.pcap")


def bpdu_frame(bpdu):
    llc = b"\x42\x42\x03" + bpdu
    return (b"\x01\x80\xc2\x00\x00\x00\x00\x10\x18\x00\x00\x02"
            + struct.pack(">H", len(llc)) + llc)


def spb_bpdu(nmsti=0, v4len=85, name=b"IEEE802.1 SPB Default", agr=0xB4, fmt=0x21, con=0x2F,
             tail=b""):
    base = struct.pack(">HBBB", 0, 4, 2, 0x7c) + bytes.fromhex("8000001018000001") + struct.pack(">I", 20)
    base += bytes.fromhex("8000001018000002") + struct.pack(">H", 0x8001) + struct.pack(">HHHH", 256, 5120, 512, 3840)
    base += b"\x00"  # v1 length
    mstp = (b"\x00" + name.ljust(32, b"\0")[:32] + struct.pack(">H", 3) + bytes(range(16))
            + struct.pack(">I", 2000) + bytes.fromhex("8000001018000003") + b"\x14")
    for i in range(nmsti):
        mstp += bytes([0x7c]) + struct.pack(">H", 0x8000 | (i + 1)) + bytes(6) + struct.pack(">I", 7) + b"\x80\x80\x10"
    v3 = struct.pack(">H", len(mstp)) + mstp
    spb = (struct.pack(">H", v4len) + b"\x00" + name.ljust(32, b"\0")[:32] + struct.pack(">H", 9)
           + bytes(range(0x20, 0x30)) + bytes([agr, 0, fmt, con]) + struct.pack(">H", 32) + bytes(8)
           + bytes(range(0x40, 0x54)))
    return bpdu_frame(base + v3 + spb + tail)


stp = [
    spb_bpdu(),
    spb_bpdu(nmsti=2),
    spb_bpdu(v4len=84),
    spb_bpdu(v4len=200),
    spb_bpdu(name=b"\x01odd\xffname-that-fills-all-32-bytes!!", agr=0xFF, fmt=0xFF, con=0),
    spb_bpdu(tail=b"\x00" * 6),
]
pcap(stp, "stp.pcap")


# Frame Relay (DLT_FRELAY): unknown NLPIDs and unknown SNAP types, whose
# default hex dump ends the packet when the capture is short.
fr = [
    b"\x18\x41\x03\x11" + bytes(range(0x40, 0x60)),
    b"\x18\x41\x03\x11",
    b"\x18\x41\x03\x80\x00\x00\x00\x12\x34" + bytes(range(0x30, 0x48)),
    b"\x18\x41\x03\x80\x00\x00\x0c\x20\x00" + bytes(range(0x30, 0x48)),
    b"\x18\x41\x00\x03\x11" + bytes(range(0x40, 0x50)),
]
pcap(fr, "fr.pcap", linktype=107)


def ip6(nh, payload):
    return pktgen.eth(0x86DD, pktgen.ip6(nh, payload))


# IPv6 routing headers (type 0 with two addresses, type 4 segment routing),
# with UDP after them; the cuts stop the capture right after the IPv6 header.
udp6 = struct.pack(">HHHH", 5000, 5001, 12, 0) + b"abcd"
rh0 = struct.pack(">BBBBI", 17, 4, 0, 2, 0) + bytes(15) + b"\x03" + bytes(15) + b"\x04"
rh4 = struct.pack(">BBBBBBH", 17, 4, 4, 1, 1, 0, 0) + bytes(15) + b"\x05" + bytes(15) + b"\x06"
ip6rt = [ip6(43, rh0 + udp6), ip6(43, rh4 + udp6), ip6(0, struct.pack(">BB", 43, 0) + bytes([1, 4, 0, 0, 0, 0]) + rh0 + udp6)]
pcap(ip6rt, "ip6rt.pcap")


# ICMPv6 neighbour discovery with options (source link-layer address, prefix
# information, MTU, RDNSS, DNSSL, route information, unknown), and MLDv2
# queries and reports; the cuts end the capture inside every field.
def icmp6(t, code, body):
    return ip6(58, struct.pack(">BBH", t, code, 0) + body)


a16 = bytes(range(0x20, 0x30))
opt_sll = b"\x01\x01\x00\x11\x22\x33\x44\x55"
opt_pfx = struct.pack(">BBBBIII", 3, 4, 64, 0xc0, 2592000, 604800, 0) + a16
opt_mtu = struct.pack(">BBHI", 5, 1, 0, 1500)
opt_rdnss = struct.pack(">BBHI", 25, 3, 0, 600) + a16
opt_dnssl = struct.pack(">BBHI", 31, 2, 0, 600) + b"\x03abc\x00\x00\x00\x00"
opt_rti = struct.pack(">BBBBI", 24, 2, 48, 0x08, 1800) + a16[:8]
opt_unk = struct.pack(">BB", 99, 1) + b"\xaa\xbb\xcc\xdd\xee\xff"
opts = opt_sll + opt_pfx + opt_mtu + opt_rdnss + opt_dnssl + opt_rti + opt_unk
nd = [
    icmp6(133, 0, bytes(4) + opt_sll),
    icmp6(134, 0, struct.pack(">BBHII", 64, 0xc8, 1800, 30000, 1000) + opts),
    icmp6(135, 0, bytes(4) + a16 + opt_sll),
    icmp6(136, 0, struct.pack(">I", 0xe0000000) + a16 + struct.pack(">BB", 2, 1) + b"\x00\x11\x22\x33\x44\x55"),
    icmp6(137, 0, bytes(4) + a16 + a16 + opt_sll),
    icmp6(134, 0, struct.pack(">BBHII", 64, 0, 1800, 0, 0) + b"\x01\x00" + bytes(6)),
    icmp6(130, 0, struct.pack(">HH", 1000, 0) + a16 + struct.pack(">BBH", 0x0a, 125, 2) + a16 + a16),
    icmp6(143, 0, struct.pack(">HH", 0, 2) + struct.pack(">BBH", 4, 0, 1) + a16 + a16
          + struct.pack(">BBH", 2, 0, 0) + a16),
]
pcap(nd, "icmp6nd.pcap")
nd.append(icmp6(130, 0, struct.pack(">HH", 1000, 0) + a16))
nd.append(icmp6(131, 0, struct.pack(">HH", 0, 0) + a16))
nd.append(icmp6(132, 0, struct.pack(">HH", 0, 0) + a16))
pcap(nd, "icmp6nd.pcap")
