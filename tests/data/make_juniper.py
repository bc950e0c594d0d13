#!/usr/bin/env python3
"""Writes tests/data/juniper/*.pcap: one capture per Juniper link type
(DLT_JUNIPER_*), each packet behind the common Juniper header (magic, flags,
extension TLVs) and the PIC's cookie, carrying what that PIC captures:
Ethernet, PPP, Cisco HDLC, Frame Relay, ATM OAM cells and AAL5 frames,
multilink bundles, IPsec SAs, GGSN, services and monitoring packets. Also
the header's corner cases: bad magic, no-L2 packets, every extension TLV type
and size, invalid TLV lengths, oversized cookies. Run once; the pcaps are
committed."""
import os
import struct

import pktgen
from pktgen import crc10, eth, inet_sum, ip6, udp, write_pcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "juniper")

DLT = {
    "mlppp": 130, "mlfr": 131, "es": 132, "ggsn": 133, "mfr": 134, "atm2": 135,
    "services": 136, "atm1": 137, "monitor": 164, "pppoe": 167, "pppoe_atm": 168,
    "ether": 178, "ppp": 179, "frelay": 180, "chdlc": 181,
}


def pcap(name, pkts):
    write_pcap(os.path.join(OUT, name + ".pcap"), DLT[name], pkts, usec_step=1000)


def ip4(proto, payload, src=(10, 0, 0, 1), dst=(10, 0, 0, 2)):
    return pktgen.ip4(proto, payload, src, dst, ident=7)


def udp4(payload=b"hello juniper", sport=1234, dport=5678):
    return ip4(17, udp(sport, dport, payload))


def icmp4(seq=1):
    body = struct.pack(">BBHHH", 8, 0, 0, 0x42, seq) + b"abcdefgh"
    body = body[:2] + struct.pack(">H", inet_sum(body)) + body[4:]
    return ip4(1, body)


def udp6(payload=b"six"):
    return ip6(17, udp(1000, 2000, payload))


def arp():
    return struct.pack(">HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, b"\x66\x77\x88\x99\xaa\xbb",
                       bytes([10, 0, 0, 1]), bytes(6), bytes([10, 0, 0, 2]))


def lcp_echo():
    return b"\xc0\x21" + struct.pack(">BBHI", 9, 1, 8, 0x01020304)


def pppoe_session(ppp):
    return struct.pack(">BBHH", 0x11, 0, 0x1234, len(ppp)) + ppp


def pppoe_padi():
    tags = struct.pack(">HH", 0x0101, 0) + struct.pack(">HH4s", 0x0103, 4, b"\x01\x02\x03\x04")
    return struct.pack(">BBHH", 0x11, 0x09, 0, len(tags)) + tags


def snap_ip(payload):
    return b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + payload


def isis_iih():
    """An IS-IS point-to-point hello: area, protocols, interface address."""
    tlvs = (b"\x01\x04\x03\x49\x00\x01" + b"\x81\x01\xcc" + b"\x84\x04\x0a\x00\x00\x01")
    fixed = b"\x03" + b"\x19\x21\x68\x00\x10\x01" + b"\x00\x1e"
    length = 8 + len(fixed) + 3 + len(tlvs)
    return (b"\x83\x14\x01\x00\x11\x01\x00\x00" + fixed + struct.pack(">H", length)
            + b"\x01" + tlvs)


def hdr(flags=0x01, tlvs=None, raw_ext=None):
    """The common header: "MGC", flags, then the extensions (flag 0x80)."""
    h = b"MGC" + bytes([flags])
    if raw_ext is not None:
        h += struct.pack(">H", len(raw_ext)) + raw_ext
    elif tlvs is not None:
        ext = b"".join(bytes([t, len(v)]) + v for t, v in tlvs)
        h += struct.pack(">H", len(ext)) + ext
    return h


# Every TLV type, little- and big-endian values of 1 to 4 bytes, and lengths
# the printer shows no value for.
TLVS_A = [(1, b"\x05\x00\x00\x00"), (2, b"ge-0/0/0"), (3, b"\x01"), (4, b"\x10\x00"),
          (5, b"\x07"), (6, b"\x0e\x00"), (7, b"\x21"), (8, b"\x40")]
TLVS_B = [(3, b"\x3c"), (6, b"\x13"), (3, b"\x15"), (8, b"\x99"), (129, b"\x00\x00\x01\x00"),
          (200, b"\x01\x02\x03"), (4, b"\xff\xff\xff\xff"), (5, b"\x01\x02\x03\x04\x05"),
          (1, b"\xfe\xff\xff")]


def common_cases(payload):
    """Header variants around one good payload (for PICs without cookies)."""
    return [
        hdr(0x01) + payload,
        hdr(0x00) + payload,
        hdr(0xc5, TLVS_A) + payload,
        hdr(0x80, TLVS_B) + payload,
        # a zero type ends the TLV walk; trailing bytes are skipped as extension
        hdr(0x81, raw_ext=b"\x01\x01\x02\x00\x05\x09\x09") + payload,
        hdr(0x81, raw_ext=b"\x01\x00\x03\x01\x01") + payload,
        # a TLV longer than what is left: invalid
        hdr(0x81, raw_ext=b"\x01\x01\x02\x04\x09\x09") + payload,
        hdr(0x80, raw_ext=b"\x05") + payload,
        hdr(0x80, raw_ext=b"") + payload,
        b"MGD\x01" + payload,
        b"XYZ\x00" + payload,
    ]


def no_l2_cases():
    """No link layer: four bytes after the header, then IPv4, IPv6 or neither."""
    return [
        hdr(0x03) + b"\x00\x00\x00\x00" + icmp4(),
        hdr(0x02) + b"\x01\x02\x03\x04" + udp6(),
        hdr(0x83, [(1, b"\x02")]) + b"\x00\x00\x00\x00" + udp4(),
        hdr(0x03) + b"\x00\x00\x00\x00" + b"\x12\x34\x56",
    ]


def ether():
    f = eth(0x0800, udp4())
    pkts = common_cases(f) + no_l2_cases()
    pkts += [
        hdr(0x01) + eth(0x86DD, udp6()),
        hdr(0x00) + eth(0x0806, arp(), dst=b"\xff" * 6),
        hdr(0x01) + eth(0x8100, struct.pack(">HH", 0x2064, 0x0800) + icmp4()),
        hdr(0x01) + eth(0x0012, snap_ip(udp4())[:18]),
        hdr(0x01) + eth(0x88B5, b"\x01\x02\x03\x04"),
        hdr(0x01) + eth(0x8864, pppoe_session(b"\x00\x21" + udp4())),
        # the first bytes look like cookies of other PICs: no cookie here
        hdr(0x01) + eth(0x0800, udp4(), dst=b"\x54\x00\x00\x00\x00\x01"),
        hdr(0x01) + eth(0x0800, udp4(), dst=b"\x47\x00\x00\x00\x00\x01"),
        hdr(0x01) + eth(3 + len(isis_iih()), b"\xfe\xfe\x03" + isis_iih(),
                        dst=b"\x09\x00\x2b\x00\x00\x05"),
        hdr(0x01) + b"\x00\x11\x22",
    ]
    pcap("ether", pkts)


def pppoe():
    pkts = [hdr(0x01) + eth(0x8863, pppoe_padi(), dst=b"\xff" * 6),
            hdr(0x00) + eth(0x8864, pppoe_session(b"\x00\x21" + icmp4())),
            hdr(0x01) + eth(0x8864, pppoe_session(lcp_echo())),
            hdr(0x81, TLVS_A) + eth(0x0800, udp4()),
            # cookie bytes of the other PICs: PPPoE has a zero-length cookie,
            # which these stretch to 2 and 8 bytes
            hdr(0x01) + b"\x54\x00" + eth(0x0800, udp4()),
            hdr(0x01) + b"\x47\x01\x02\x03\x04\x05\x06\x07" + eth(0x0800, udp4())]
    pcap("pppoe", pkts + no_l2_cases())


def pppoe_atm():
    pkts = [hdr(0x01) + b"\x88\x64" + pppoe_session(b"\x00\x21" + udp4()),
            hdr(0x00) + b"\x88\x63" + pppoe_padi(),
            hdr(0x01) + b"\x08\x00" + icmp4(),
            hdr(0x01) + b"\x86\xdd" + udp6(),
            hdr(0x01) + b"\x12\x34" + b"\x00\x01\x02",
            hdr(0x01) + b"\x47\x00\x00\x00\x00\x00\x00\x00\x08\x00" + udp4(),
            hdr(0xc1, TLVS_B) + b"\x88\x64" + pppoe_session(lcp_echo())]
    pcap("pppoe_atm", pkts)


def ppp():
    f = b"\xff\x03\x00\x21" + udp4()
    pkts = common_cases(f) + no_l2_cases()
    pkts += [hdr(0x01) + b"\xff\x03" + lcp_echo(),
             hdr(0x00) + b"\x00\x57" + udp6(),
             hdr(0x01) + b"\xff\x03\x02\x81" + b"\x00\x01\x01\x40" + udp4(),
             hdr(0x01) + b"\xff\x03\x00\x23" + isis_iih(),
             hdr(0x01) + b"\xff\x03\x12\x34\x00"]
    pcap("ppp", pkts)


def chdlc():
    f = b"\x0f\x00\x08\x00" + udp4()
    pkts = common_cases(f)
    pkts += [hdr(0x00) + b"\x8f\x00\x86\xdd" + udp6(),
             hdr(0x01) + b"\x8f\x00\x80\x35" + struct.pack(">IIIH", 0, 0x0a000001, 0xffffff00, 0),
             hdr(0x01) + b"\x0f\x00\x88\x47" + b"\x00\x01\x01\x40" + icmp4(),
             hdr(0x01) + b"\x0f\x00\xfe\xfe\x03" + isis_iih(),
             hdr(0x01) + b"\x0f\x00\x12\x34\x00\x00"]
    pcap("chdlc", pkts)


def frelay():
    f = b"\x18\x41\x03\xcc" + udp4()
    pkts = common_cases(f)
    pkts += [hdr(0x00) + b"\x18\x41\x03\x8e" + udp6(),
             hdr(0x01) + b"\x18\x41\x03\x00\x80" + b"\x00\x00\x00\x08\x00" + icmp4(),
             hdr(0x01) + b"\x18\x41\x08\x00" + udp4(),
             hdr(0x01) + b"\x18\x41\x03\xcf\x00\x21" + udp4(),
             hdr(0x01) + b"\x18\x41\x03" + isis_iih(),
             hdr(0x01) + b"\x18\x41\x03\x55\x01\x02"]
    pcap("frelay", pkts)


def oam_cell(vpi, vci, pti, types, body, good=True):
    """A cell header without HEC and a 48-byte OAM payload with its CRC-10."""
    head = struct.pack(">I", (vpi << 20) | (vci << 4) | (pti << 1))
    body = (bytes([types]) + body + bytes(45))[:46]
    pay = body + b"\x00\x00"
    c = crc10(pay)
    # the CRC-10 makes the remainder over the whole payload zero
    for v in range(0x400):
        trial = body + struct.pack(">H", v)
        if crc10(trial) == 0:
            c = v
            break
    if not good:
        c ^= 0x155
    return head + body + struct.pack(">H", c)


# A configuration BPDU.
BPDU = (b"\x00\x00\x00\x00\x00\x80\x00\x00\x11\x22\x33\x44\x55\x00\x00\x00\x04"
        b"\x80\x00\x00\x11\x22\x33\x44\x55\x80\x01\x00\x00\x14\x00\x02\x00\x0f\x00")
LOOPBACK = b"\x01" + b"\xde\xad\xbe\xef" + bytes(range(1, 13)) + bytes(range(0x21, 0x2d))
AIS = b"\x6a" + bytes(range(0x40, 0x50))


def oam_cells():
    return [
        oam_cell(1, 32, 4, 0x18, LOOPBACK),
        oam_cell(0, 3, 5, 0x18, b"\x00" + LOOPBACK[1:], good=False),
        oam_cell(2, 4, 0, 0x10, AIS),
        oam_cell(3, 100, 5, 0x11, AIS, good=False),
        oam_cell(4, 101, 6, 0x14, b""),
        oam_cell(5, 102, 7, 0x21, b"\x01\x02"),
        oam_cell(6, 103, 2, 0x81, b""),
        oam_cell(7, 104, 3, 0xf3, b""),
        oam_cell(8, 105, 1, 0x3f, b""),
        oam_cell(9, 106, 1, 0x18, LOOPBACK)[:20],
    ]


def atm1():
    pkts = [hdr(0x01) + b"\x80\x00\x00\x01" + c for c in oam_cells()]
    pkts += [
        hdr(0x01) + b"\x00\x00\x10\x20" + snap_ip(udp4()),
        hdr(0x00) + b"\x00\x00\x10\x20" + b"\xaa\xaa\x03\x00\x00\x00\x86\xdd" + udp6(),
        # Cisco-bridged SNAP: the protocol id is an Ethernet type
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\xaa\xaa\x03\x00\x00\xf8\x08\x00" + icmp4(),
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\xaa\xaa\x03\x00\x00\xf8\x88\xb5" + bytes(6),
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\x03\xcc" + icmp4(),
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\x03\x8e" + udp6(),
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\x03\xcf\x00\x21" + udp4(),
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\x03\x00\x01\x02",
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\x03\x77\x01\x02\x03",
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\x03\x08\x00\x75\x95\x01\x01\x01\x03\x02\x01\x00",
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\x03" + isis_iih(),
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\xfe\xfe\x03" + isis_iih(),
        hdr(0x00) + b"\x00\x00\x10\x20" + udp4(),
        hdr(0x01) + b"\x00\x00\x10\x20" + udp6(),
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\x12\x34\x56\x78",
        # link services cookie (two more bytes) and adaptive services cookie (8)
        hdr(0x01) + b"\x54\x00\x10\x20\x30\x40" + udp4(),
        hdr(0x01) + b"\x47\x01\x02\x03\x04\x05\x06\x07" + snap_ip(icmp4()),
        hdr(0xc1, TLVS_A) + b"\x00\x00\x10\x20" + udp4(),
        hdr(0x80, TLVS_B) + b"\x80\x00\x00\x01" + oam_cells()[0],
        hdr(0x01) + b"\x00\x00\x10\x20" + b"\xaa",
    ]
    pcap("atm1", pkts + no_l2_cases())


def atm2():
    pkts = []
    for cw in (b"\x00\x00\x00\x00", b"\x08\x00\x00\x00", b"\x08\x38\x00\x00"):
        pkts.append(hdr(0x01) + b"\x00\x00\x00\x00\x00\x00\x00\x10" + cw + oam_cells()[0])
    pkts += [hdr(0x01) + b"\x00\x00\x00\x00\x00\x00\x00\x20" + c for c in oam_cells()]
    pkts += [
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + snap_ip(udp4()),
        hdr(0x00) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + snap_ip(icmp4()),
        # outgoing with a gap count: Ethernet over ATM
        hdr(0x00) + b"\x00\x01\x00\x05\x00\x00\x00\x00" + eth(0x0800, udp4()),
        hdr(0x01) + b"\x00\x01\x00\x05\x00\x00\x00\x00" + b"\x00\x21" + udp4(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x03\xcc" + udp4(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x03" + isis_iih(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x00\x23" + isis_iih(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + lcp_echo(),
        hdr(0x00) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x00\x57" + udp6(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x80\x21" + struct.pack(">BBH", 1, 1, 4),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x02\x81" + b"\x00\x01\x01\x40" + udp4(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + udp4(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + udp6(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x99\x88\x77\x66",
        # an LS cookie would be 10 bytes: invalid
        hdr(0x01) + b"\x54\x01\x02\x03\x04\x05\x06\x07\x08\x09" + udp4(),
        hdr(0x01) + b"\x47\x01\x02\x03\x04\x05\x06\x00" + udp4(),
        hdr(0x81, TLVS_A) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + udp4(),
        hdr(0x01) + b"\x00\x01\x00\x00\x00\x00\x00\x00" + b"\x45\x00",
    ]
    pcap("atm2", pkts + no_l2_cases())


def es_hdr(sa, ttl, t, spi=0x1000, src=(192, 0, 2, 1), dst=(198, 51, 100, 2)):
    return struct.pack(">HBBI4s4s", sa, ttl, t, spi, bytes(src), bytes(dst))


def es():
    pkts = [
        hdr(0x01) + es_hdr(1, 64, 1) + udp4(),
        hdr(0x00) + es_hdr(2, 63, 2) + icmp4(),
        hdr(0x01) + es_hdr(3, 62, 3) + bytes(16) + udp4(),
        hdr(0x01) + es_hdr(4, 61, 4, spi=0xFFFFFFF0) + bytes(16) + icmp4(),
        hdr(0x00) + es_hdr(5, 60, 5) + bytes(16) + udp4(),
        hdr(0x01) + es_hdr(6, 59, 9) + udp4(),
        hdr(0x01) + b"\x54\x00" + es_hdr(7, 58, 1) + udp4(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x00\x00\x00" + es_hdr(8, 57, 2) + udp4(),
        hdr(0xc1, TLVS_A) + es_hdr(9, 56, 1) + udp4(),
        hdr(0x01) + es_hdr(10, 55, 1)[:10],
    ]
    pcap("es", pkts + no_l2_cases())


def ggsn():
    def cookie(proto, vlan):
        return struct.pack(">BBBBHH", 0x11, 0x22, proto, 0x33, vlan, 0)
    pkts = [hdr(0x01) + cookie(2, 100) + udp4(),
            hdr(0x00) + cookie(6, 200) + udp6(),
            hdr(0x01) + cookie(1, 300) + udp4(),
            hdr(0x01) + cookie(9, 4095) + udp4(),
            hdr(0x01) + b"\x47\x00\x02\x00\x00\x05\x00\x00" + icmp4(),
            hdr(0x01) + b"\x54\x00\x02\x00\x00\x05\x00\x00\x00\x00" + icmp4(),
            hdr(0xc1, TLVS_B) + cookie(2, 7) + icmp4()]
    pcap("ggsn", pkts + no_l2_cases())


def monitor_like(name, cookie_first):
    cookie = bytes([cookie_first]) + b"\x01\x02\x03\x04\x05\x06\x07"
    pkts = [hdr(0x01) + cookie + udp4(),
            hdr(0x00) + cookie + icmp4(),
            hdr(0x01) + cookie + udp6(),
            hdr(0x01) + cookie + b"\x01\x00\x00\x05\x00\x00\x00\x09" + udp4(),
            hdr(0x01) + b"\x47\x01\x02\x03\x04\x05\x06\x07" + udp4(),
            hdr(0x01) + b"\x54\x01\x02\x03\x04\x05\x06\x07\x08\x09" + udp4(),
            hdr(0xc1, TLVS_A) + cookie + udp4(),
            hdr(0x01) + cookie + b"\x45\x00\x00\x20"]
    pcap(name, pkts + no_l2_cases())


def mlppp():
    pkts = [
        # a 2-byte cookie; the bundle is its first byte
        hdr(0x01) + b"\x07\x00" + b"\xff\x03\x00\x21" + udp4(),
        hdr(0x00) + b"\x09\x01" + b"\x00\x21" + icmp4(),
        # cookies that are really the PPP header of a child link
        hdr(0x01) + b"\xff\x03" + b"\x00\x21" + udp4(),
        hdr(0x01) + b"\x00\x23" + isis_iih(),
        hdr(0x01) + b"\x47\x00\x00\x00\x0c\x00\x01\x58" + b"\xff\x03\x00\x23" + isis_iih(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x30\x02\x08" + isis_iih(),
        hdr(0x01) + b"\x01\x00" + lcp_echo(),
        # protocol fields that look like LSQ protocols
        hdr(0x01) + b"\x05\x05" + b"\x00\x00" + udp4(),
        hdr(0x01) + b"\x05\x05" + b"\x00\x10" + udp6(),
        hdr(0x01) + b"\x05\x05" + b"\x00\x20" + b"\x00\x01\x01\x40" + udp4(),
        hdr(0x01) + b"\x05\x05" + b"\x00\x30" + b"\xcc" + udp4(),
        # link services cookie: 4 bytes, the bundle in the second
        hdr(0x01) + b"\x54\x21\x00\x00" + b"\xff\x03\x00\x57" + udp6(),
        # adaptive services cookies: protocol and bundle in the cookie
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x00\x01\x58" + udp4(),
        hdr(0x01) + b"\x47\x00\x00\x00\x0c\x00\x01\x58" + b"\xff\x03\x00\x21" + udp4(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x10\x02\x08" + udp6(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x20\x02\x08" + b"\x00\x01\x01\x40" + icmp4(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x30\x02\x08" + b"\x8e" + udp6(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x40\x02\x08" + b"\x00\x21" + udp4(),
        hdr(0x81, TLVS_A) + b"\x07\x00" + b"\xff\x03\x00\x21" + udp4(),
    ]
    pcap("mlppp", pkts + no_l2_cases())


def mfr():
    pkts = [
        # child links: FRF.16 frames, no cookie
        hdr(0x01) + b"\xe1\x00\x01" + b"\x01\x04\x00\x00\x00\x07" + b"\x02\x06link01",
        hdr(0x00) + b"\xc1\x00\x04\x05\x06\x00\x00\x00\x10",
        hdr(0x01) + b"\xc0\x01",
        # a 4-byte cookie, then the protocol field starting the payload
        hdr(0x01) + b"\x00\x00\x00\x01" + b"\x03\xcc" + udp4(),
        hdr(0x01) + b"\x03\x00\x00\x02" + b"\x03\x8e" + udp6(),
        hdr(0x01) + b"\x03\x00\x00\x02" + b"\x03\xcf\x00\x21" + udp4(),
        hdr(0x01) + b"\x03\x00\x00\x02" + b"\xfe\xfe\x00\x99",
        hdr(0x01) + b"\x03\x00\x00\x02" + b"\xfe\xfe" + isis_iih(),
        hdr(0x01) + b"\x54\x15\x00\x00\x00\x00" + b"\xfe\xfe" + b"\x03" + isis_iih(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x30\x00\x58" + isis_iih(),
        hdr(0x01) + b"\x03\x00\x00\x02" + b"\x12\x34\x00\x00",
        # link services cookies: 6 bytes and the protocol
        hdr(0x01) + b"\x54\x11\x00\x00\x00\x00" + b"\x03\xcc" + icmp4(),
        hdr(0x00) + b"\x54\x12\x00\x00\x00\x00" + b"\xfe\xfe" + b"\x03\xcc" + udp4(),
        hdr(0x01) + b"\x54\x13\x00\x00\x00\x00" + b"\x03\x08" + b"\x00\x75\x95\x01\x01\x01",
        hdr(0x01) + b"\x54\x14\x00\x00\x00\x00" + b"\x55\x66" + b"\x00",
        # adaptive services cookies
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x00\x00\x58" + udp4(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x10\x00\x58" + udp6(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x20\x00\x58" + b"\x00\x01\x01\x40" + udp4(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x40\x00\x58" + udp4(),
        hdr(0x81, TLVS_B) + b"\x00\x00\x00\x01" + b"\x03\xcc" + udp4(),
    ]
    pcap("mfr", pkts + no_l2_cases())


def mlfr():
    pkts = [
        # 2-byte cookie, then the protocol field (part of the header)
        hdr(0x01) + b"\x05\x00" + b"\x03\xcc" + udp4(),
        hdr(0x00) + b"\x00\x00" + b"\x03\x8e" + udp6(),
        hdr(0x01) + b"\x05\x00" + b"\x03\xcf" + b"\x00\x21" + udp4(),
        hdr(0x01) + b"\x05\x00" + b"\x00\x03" + b"\xcc" + icmp4(),
        hdr(0x01) + b"\x05\x00" + b"\x03\x00" + b"\x8e" + udp6(),
        hdr(0x01) + b"\x05\x00" + b"\x03\x00" + b"\x00\x01\x02",
        hdr(0x01) + b"\x05\x00" + b"\x03\x08" + b"\x00\x75\x95\x01\x01\x01",
        hdr(0x01) + b"\x05\x00" + b"\x03\x00" + isis_iih(),
        hdr(0x01) + b"\x05\x00" + b"\x00\x03" + b"\x82\x0a\x01\x00\x02\x00\x1e\x00\x00\x00",
        hdr(0x01) + b"\x05\x00" + b"\x77\x88" + b"\x00",
        # link services: 4-byte cookie, the bundle in its second byte
        hdr(0x01) + b"\x54\x33\x00\x00" + b"\x03\xcc" + udp4(),
        # adaptive services: the protocol in the cookie
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x00\x00\x58" + udp4(),
        hdr(0x01) + b"\x47\x00\x00\x00\x00\x10\x00\x58" + udp6(),
        hdr(0x81, TLVS_A) + b"\x05\x00" + b"\x03\xcc" + udp4(),
    ]
    pcap("mlfr", pkts + no_l2_cases())


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    ether()
    pppoe()
    pppoe_atm()
    ppp()
    chdlc()
    frelay()
    atm1()
    atm2()
    es()
    ggsn()
    monitor_like("monitor", 0x45)
    monitor_like("services", 0x46)
    mlppp()
    mfr()
    mlfr()
