#!/usr/bin/env python3
"""Writes the captures of tests/print_linkmore.rs into tests/data/linkmore/: one pcap per
link type (NFLOG, USB_LINUX, USB_LINUX_MMAPPED, IPOIB, VSOCK, BLUETOOTH_HCI_H4_WITH_PHDR,
PFLOG, IPNET, IEEE802_15_4 with and without FCS and TAP, the DSA switch tags,
NETANALYZER, APPLE_IP_OVER_IEEE1394, ATM_CLIP, LINUX_SLL with SNAP, ARCNET (BSD),
SYMANTEC_FIREWALL and PPP_BSDOS) with realistic
frames of every kind tcpdump names, odd and short ones. Deterministic (fixed
timestamps). Needs scapy for the IP payloads, reads tests/data/zep/zep.pcap for
the 802.15.4 frames and tests/data/linkppp/c_hdlc.pcap for chdlc112.pcap; the
tests only read the files and compare rfilter's output with tcpdump's.

nflog_real.pcap is not written here: it is a real capture (`tcpdump -i nflog:5 -w
nflog_real.pcap` while an nftables rule `oifname "lo" log prefix "lmtest " group 5`
logged loopback TCP, UDP and ICMP over IPv4 and IPv6).

usage: python3 tests/data/make_linkmore.py tests/data/linkmore
"""
import os
import struct
import sys
from scapy.all import IP, IPv6, TCP, UDP, ICMP, ARP, Raw
from scapy.layers.inet6 import ICMPv6EchoRequest, ICMPv6ND_NS
from scapy.layers.dns import DNS, DNSQR

from pktgen import write_pcap

A, B = "192.168.1.10", "93.184.216.34"
A6, B6 = "2001:db8::10", "2001:db8:1::53"


def ip4():
    return [
        bytes(IP(src=A, dst=B, id=0x1234, ttl=64, flags="DF") / TCP(sport=43210, dport=443, flags="S",
                                                                     seq=1000, options=[("MSS", 1460)])),
        bytes(IP(src=B, dst=A, id=7) / TCP(sport=80, dport=43211, flags="PA", seq=5, ack=9)
              / Raw(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")),
        bytes(IP(src=A, dst="8.8.8.8", id=3) / UDP(sport=51000, dport=53)
              / DNS(id=0x4242, qd=DNSQR(qname="example.org"))),
        bytes(IP(src=A, dst=B, id=4) / ICMP(type=8, id=77, seq=1) / Raw(b"\0" * 16)),
    ]


def ip6():
    return [
        bytes(IPv6(src=A6, dst=B6) / UDP(sport=40000, dport=53) / DNS(id=9, qd=DNSQR(qname="a.example"))),
        bytes(IPv6(src=A6, dst=B6, hlim=64) / TCP(sport=50000, dport=22, flags="S", seq=77)),
        bytes(IPv6(src="fe80::1", dst="ff02::1:ff00:2", hlim=255) / ICMPv6ND_NS(tgt="fe80::2")),
        bytes(IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=1, seq=2)),
    ]


def pcap(path, linktype, frames, snap=262144):
    write_pcap(path, linktype, frames, usec_step=1000, snaplen=snap)


# ---- NFLOG (DLT 239): 4-byte header (family, version, resource id BE), then TLVs
# with host-order (little-endian here) length and type, padded to 4 bytes.
def tlv(t, v, pad=True, length=None):
    n = 4 + len(v) if length is None else length
    body = struct.pack("<HH", n, t) + v
    if pad and len(body) % 4:
        body += b"\0" * (4 - len(body) % 4)
    return body


def nflog(family, group, tlvs, version=0):
    return struct.pack(">BBH", family, version, group) + b"".join(tlvs)


def nflog_std(family, payload, hook=0, prefix=b"IN=eth0 DROP\0", group=5):
    hwproto = 0x0800 if family == 2 else 0x86dd
    return nflog(family, group, [
        tlv(1, struct.pack(">HBB", hwproto, hook, 0)),
        tlv(2, struct.pack(">I", 0x100)),
        tlv(3, struct.pack(">QQ", 1700000000, 123456)),
        tlv(4, struct.pack(">I", 2)),
        tlv(15, struct.pack(">H", 1)),
        tlv(16, bytes.fromhex("005056c00008000c29aabbcc0800")),
        tlv(17, struct.pack(">H", 14)),
        tlv(8, struct.pack(">H", 6) + b"\0\0" + bytes.fromhex("000c29aabbcc0000")),
        tlv(10, prefix),
        tlv(11, struct.pack(">I", 1000)),
        tlv(14, struct.pack(">I", 1000)),
        tlv(12, struct.pack(">I", 17)),
        tlv(9, payload),
    ])


def nflog_frames():
    out = []
    for p in ip4():
        out.append(nflog_std(2, p))
    for p in ip6():
        out.append(nflog_std(10, p, hook=3, prefix=b"v6 out\0"))
    p4, p6 = ip4()[0], ip6()[0]
    out += [
        # The minimal form the kernel sends: packet header, outdev, payload.
        nflog(2, 0, [tlv(1, struct.pack(">HBB", 0x0800, 3, 0)), tlv(5, struct.pack(">I", 3)), tlv(9, p4)]),
        # Odd-length prefix: its padding is not counted in the length field.
        nflog(2, 65535, [tlv(10, b"odd\0"), tlv(10, b"x\0"), tlv(9, p4)]),
        # Families tcpdump does not decode (bridge, ARP family, unspecified).
        nflog(7, 1, [tlv(1, struct.pack(">HBB", 0x0806, 0, 0)), tlv(9, bytes(ARP(psrc=A, pdst=B)))]),
        nflog(0, 2, [tlv(9, b"\x01\x02\x03\x04\x05")]),
        nflog(3, 2, [tlv(11, struct.pack(">I", 0))]),
        # IPv6 payload labelled IPv4 and the reverse.
        nflog(2, 9, [tlv(9, p6)]),
        nflog(10, 9, [tlv(9, p4)]),
        # No payload TLV at all.
        nflog(2, 3, [tlv(1, struct.pack(">HBB", 0x0800, 1, 0)), tlv(4, struct.pack(">I", 1))]),
        nflog(10, 3, []),
        # Unknown versions.
        nflog(2, 1, [tlv(9, p4)], version=1),
        nflog(2, 1, [tlv(9, p4)], version=255),
        # A TLV length shorter than its header, and zero.
        nflog(2, 4, [struct.pack("<HH", 3, 1) + b"\0" * 4, tlv(9, p4)]),
        nflog(2, 4, [struct.pack("<HH", 0, 1), tlv(9, p4)]),
        # A TLV longer than the frame.
        nflog(2, 4, [struct.pack("<HH", 200, 10) + b"abcd"]),
        # A payload TLV whose length field disagrees with the packet (ignored).
        nflog(2, 6, [tlv(9, p4, length=8)]),
        # Big-endian TLV header (a capture from another host): looks huge.
        nflog(2, 6, [struct.pack(">HH", 8, 1) + b"\x08\x00\x01\x00", tlv(9, p4)]),
        # Payload TLV first, then trailing TLVs never reached.
        nflog(2, 8, [tlv(9, p4), tlv(10, b"after\0")]),
        # Payload captured short of the wire length (snaplen).
        (nflog_std(2, ip4()[1])[:120], len(nflog_std(2, ip4()[1]))),
        # Wire length past what the TLVs claim.
        (nflog(2, 1, [tlv(1, b"\x08\x00\x00\x00")]), 40),
        # Header only, and shorter.
        nflog(2, 1, []),
        b"\x02\x00\x00",
        b"\x02",
    ]
    return out


# ---- USB_LINUX (189, 48-byte header) and USB_LINUX_MMAPPED (220, 64 bytes): the
# usbmon header in host byte order (little-endian here), then the URB data.
def usb_hdr(ev, xfer, ep, dev, bus, setup_flag, data_flag, status, urb_len, data_len,
            setup=b"\0" * 8, mmapped=False, interval=0, start_frame=0, xfer_flags=0, ndesc=0,
            urb_id=0xffff88810a2b3c00):
    h = struct.pack("<QBBBBHBBqiiII", urb_id, ord(ev), xfer, ep, dev, bus, setup_flag, data_flag,
                    1700000000, 250000, status, urb_len, data_len) + setup
    if mmapped:
        h += struct.pack("<iiII", interval, start_frame, xfer_flags, ndesc)
    return h


DEVICE_DESC = bytes.fromhex("12010002000000400b05a0170001010203 01".replace(" ", ""))


def usb_frames(mmapped):
    m = dict(mmapped=mmapped)
    get_desc = bytes.fromhex("8006000100001200")
    set_conf = bytes.fromhex("0009010000000000")
    out = [
        # Control: GET_DESCRIPTOR (device) submitted and completed, SET_CONFIGURATION.
        usb_hdr("S", 2, 0x80, 1, 1, 0, ord("<"), -115, 18, 0, get_desc, **m),
        usb_hdr("C", 2, 0x80, 1, 1, ord("-"), 0, 0, 18, 18, **m) + DEVICE_DESC,
        usb_hdr("S", 2, 0x00, 5, 2, 0, ord("<"), -115, 0, 0, set_conf, **m),
        usb_hdr("C", 2, 0x00, 5, 2, ord("-"), ord(">"), 0, 0, 0, **m),
        # Bulk OUT and IN (mass storage CBW and data).
        usb_hdr("S", 3, 0x02, 4, 2, ord("-"), 0, -115, 31, 31, **m) + b"USBC" + b"\x11" * 27,
        usb_hdr("C", 3, 0x02, 4, 2, ord("-"), ord(">"), 0, 31, 0, **m),
        usb_hdr("S", 3, 0x81, 4, 2, ord("-"), ord("<"), -115, 512, 0, **m),
        usb_hdr("C", 3, 0x81, 4, 2, ord("-"), 0, 0, 13, 13, **m) + b"USBS" + b"\0" * 9,
        # Interrupt IN (a keyboard report), submitted and completed.
        usb_hdr("S", 1, 0x81, 3, 1, ord("-"), ord("<"), -115, 8, 0, interval=8, **m),
        usb_hdr("C", 1, 0x81, 3, 1, ord("-"), 0, 0, 8, 8, interval=8, **m) + bytes([0, 0, 4, 0, 0, 0, 0, 0]),
        # Isochronous IN (audio), with its descriptors in the mmapped form.
        usb_hdr("S", 0, 0x84, 7, 3, ord("-"), ord("<"), -115, 192, 0,
                setup=struct.pack("<ii", 0, 2), interval=1, start_frame=100, ndesc=2, **m)
        + (struct.pack("<iII4x", -18, 0, 96) * 2 if mmapped else b""),
        usb_hdr("C", 0, 0x84, 7, 3, ord("-"), 0, 0, 192, 32 + 16,
                setup=struct.pack("<ii", 0, 2), interval=1, start_frame=100, ndesc=2, **m)
        + (struct.pack("<iII4x", 0, 0, 96) * 2 if mmapped else b"") + b"\x7f" * 16,
        # An error event, a device disconnected mid-transfer.
        usb_hdr("E", 3, 0x81, 4, 2, ord("-"), ord("<"), -108, 512, 0, **m),
        usb_hdr("C", 3, 0x81, 4, 2, ord("-"), ord("<"), -71, 512, 0, **m),
        # Bus numbers past one byte, device 127, endpoint 15.
        usb_hdr("S", 3, 0x0f, 127, 300, ord("-"), 0, -115, 4, 4, **m) + b"abcd",
        # Unknown transfer and event types.
        usb_hdr("S", 7, 0x01, 1, 1, ord("-"), 0, 0, 0, 0, **m),
        usb_hdr("X", 3, 0x01, 1, 1, ord("-"), 0, 0, 0, 0, **m),
        usb_hdr("C", 0x83, 0x81, 1, 1, ord("-"), 0, 0, 0, 0, **m),
        # Captured short of the URB data (snaplen).
        (usb_hdr("C", 3, 0x81, 4, 2, ord("-"), 0, 0, 512, 512, **m) + b"\xee" * 40,
         (64 if mmapped else 48) + 512),
    ]
    return out


# ---- IPOIB (242): 40 bytes of hardware addresses, the ethertype, 2 reserved bytes.
def ipoib(ethertype, payload, dst=None):
    dst = dst or bytes.fromhex("00000048fe800000000000000002c90300a1b2c3")
    src = bytes.fromhex("00000048fe800000000000000002c90300d4e5f6")
    return dst + src[:20] + struct.pack(">HH", ethertype, 0) + payload


def ipoib_frames():
    arp = bytes.fromhex("00200800140401") + bytes(1) + bytes(20) + bytes([10, 0, 0, 1]) \
        + bytes(20) + bytes([10, 0, 0, 2])
    out = [ipoib(0x0800, p) for p in ip4()] + [ipoib(0x86dd, p) for p in ip6()]
    arp_ok = bytes.fromhex("002008001404" "0001") + bytes(20) + bytes([10, 0, 0, 1]) \
        + bytes(20) + bytes([10, 0, 0, 2])
    out += [
        ipoib(0x0806, arp_ok),
        ipoib(0x0806, arp),
        ipoib(0x0806, bytes(ARP(op=2, psrc="10.0.0.2", pdst="10.0.0.1"))),
        ipoib(0x88cc, b"\x02\x07\x04\x00\x11\x22\x33\x44\x55\x00\x00"),
        ipoib(0x8847, struct.pack(">I", (100 << 12) | 0x100 | 64) + ip4()[0]),
        ipoib(0x1234, b"opaque payload bytes"),
        ipoib(0x0000, b"\x01\x02"),
        ipoib(0x0800, b""),
        ipoib(0x0800, ip4()[0])[:50],
        (ipoib(0x86dd, ip6()[1])[:70], len(ipoib(0x86dd, ip6()[1]))),
        b"\x00" * 43,
    ]
    return out


# ---- VSOCK (271): the af_vsockmon header (little-endian), a virtio transport
# header, then the payload.
def vsock(op, transport, src, dst, payload=b"", vop=None, vtype=1, flags=0, tlen=None, hdr_len=None):
    virtio = b""
    if transport == 2:
        vop = vop if vop is not None else 5
        virtio = struct.pack("<QQIIIHHIII", src[0], dst[0], src[1], dst[1], len(payload), vtype, vop,
                             flags, 262144, 4096)
    n = len(virtio) if hdr_len is None else hdr_len
    return struct.pack("<QQIIHHH2x", src[0], dst[0], src[1], dst[1], op, transport, n) + virtio + payload


def vsock_frames():
    h, g = (2, 1024), (3, 22)
    out = [
        vsock(1, 2, h, g, vop=1),
        vsock(1, 2, g, h, vop=2),
        vsock(4, 2, h, g, b"SSH-2.0-OpenSSH_9.6\r\n"),
        vsock(4, 2, g, h, bytes(range(48))),
        vsock(3, 2, h, g, vop=6),
        vsock(3, 2, g, h, vop=7),
        vsock(2, 2, h, g, vop=4, flags=3),
        vsock(2, 2, g, h, vop=3),
        vsock(4, 2, h, g, b"", vop=5),
        vsock(0, 2, h, g, vop=0),
        vsock(4, 2, h, g, b"x", vop=9, vtype=2),
        vsock(4, 1, h, g, b"no transport header"),
        vsock(1, 1, (0xffffffff, 0xffffffff), (2**64 - 1, 1)),
        vsock(4, 0, h, g, b"unknown"),
        vsock(7, 5, h, g, b"odd"),
        vsock(4, 2, h, g, b"abc")[:50],
        (vsock(4, 2, h, g, b"payload cut by snaplen")[:80], 98),
        vsock(4, 2, h, g)[:76],
        vsock(1, 2, h, g)[:31],
    ]
    return out


# ---- BLUETOOTH_HCI_H4_WITH_PHDR (201): a 4-byte direction (network order, bit 0
# set for received), the H4 packet type, then the HCI packet.
def bt_frames():
    return [
        struct.pack(">I", 0) + bytes.fromhex("01030c00"),  # HCI Reset
        struct.pack(">I", 1) + bytes.fromhex("040e0401030c00"),  # Command Complete
        struct.pack(">I", 0) + bytes.fromhex("0105040d") + bytes(13),  # Create Connection
        struct.pack(">I", 1) + bytes.fromhex("023e3e0a000201") + bytes(8),
        struct.pack(">I", 1) + bytes.fromhex("022a2010000c000400") + b"\x0b\x00" + bytes(10),  # ACL
        struct.pack(">I", 0) + bytes.fromhex("03010003") + b"\x11\x22\x33",  # SCO
        struct.pack(">I", 0xfffffffe) + bytes.fromhex("04ff00"),
        struct.pack(">I", 3),
        struct.pack(">I", 1)[:3],
        (struct.pack(">I", 1) + bytes.fromhex("040e04"), 30),
    ]


# ---- PFLOG (117): OpenBSD's pfloghdr (length, af, action, reason, interface,
# ruleset, rule numbers, uid/pid, direction), padded to 4 bytes, then the packet.
def pflog(af, action, reason, ifname, payload, rulenr=3, subrulenr=0xffffffff, ruleset=b"",
          direction=1, uid=0xffffffff, length=61, rule_uid=0, pid=0):
    h = struct.pack(">BBBB16s16sII", length, af, action, reason, ifname, ruleset, rulenr, subrulenr)
    h += struct.pack("<I", uid) + struct.pack(">iIiB3x", pid, rule_uid, 0, direction)
    h = h[:length] + bytes(max(0, length - len(h)))
    if len(h) % 4:
        h += bytes(4 - len(h) % 4)
    return h + payload


def pflog_frames():
    p4, p6 = ip4(), ip6()
    out = [
        pflog(2, 1, 0, b"em0", p4[0]),
        pflog(2, 0, 0, b"em0", p4[1], direction=2),
        pflog(24, 1, 0, b"vio0", p6[0], rulenr=12, subrulenr=4, ruleset=b"anchor/sub"),
        pflog(28, 0, 1, b"lo0", p6[1]),
        pflog(30, 2, 4, b"pflog0", p6[3], direction=0),
        pflog(2, 1, 3, b"em1", p4[2], uid=1000),
        pflog(2, 1, 0, b"em1", p4[2], uid=0, rule_uid=0, pid=1234),
        pflog(2, 1, 0, b"em\x01\xe9", p4[2], subrulenr=0, ruleset=b"r\x7f\x80\x1bset"),
        pflog(2, 1, 0, b"", p4[2], subrulenr=0xfffffffe, ruleset=b"x" * 16),
        pflog(2, 8, 2, b"re0", p4[3]),
    ]
    for action in range(0, 16):
        out.append(pflog(2, action, action, b"em0", p4[0], direction=action % 5))
    out += [
        pflog(17, 1, 0, b"em0", b"\x01\x02\x03\x04"),
        pflog(0, 1, 0, b"em0", b""),
        pflog(2, 1, 0, b"a" * 16, p4[0]),
        pflog(2, 1, 0, b"em0", p4[0], length=64),
        pflog(2, 1, 0, b"em0", p4[0], length=45),
        pflog(2, 1, 0, b"em0", p4[0], length=100),
        pflog(2, 1, 0, b"em0", p4[0], length=44),
        pflog(2, 1, 0, b"em0", p4[0], length=255),
        pflog(2, 1, 0, b"em0", p4[0])[:60],
        (pflog(2, 1, 0, b"em0", p4[1])[:90], len(pflog(2, 1, 0, b"em0", p4[1]))),
        b"\x3d",
    ]
    return out


# ---- IPNET (226): Solaris ipnet's 24-byte header (network order), then the packet.
def ipnet(family, payload, zsrc=0, zdst=0, version=1, htype=0):
    return struct.pack(">BBHIIIii", version, family, htype, len(payload), 2, 0, zsrc, zdst) + payload


def ipnet_frames():
    p4, p6 = ip4(), ip6()
    out = [ipnet(2, p) for p in p4] + [ipnet(26, p, zsrc=1, zdst=2) for p in p6]
    out += [
        ipnet(2, p4[0], zsrc=-1, zdst=0x7fffffff),
        ipnet(1, b"\x01\x02\x03"),
        ipnet(0, b""),
        ipnet(26, p4[0]),
        ipnet(2, p4[0], version=2),
        ipnet(2, p4[0])[:30],
        (ipnet(26, p6[0])[:60], len(ipnet(26, p6[0]))),
        ipnet(2, b"")[:23],
    ]
    return out


# ---- IEEE802_15_4 (195), IEEE802_15_4_NOFCS (230), IEEE802_15_4_TAP (283): the
# 802.15.4 frames ZEP carries in tests/data/zep/zep.pcap (make_zep.py), bare.
def wpan_frames(zep_pcap):
    b = open(zep_pcap, "rb").read()
    off, out = 24, []
    while off + 16 <= len(b):
        cap = struct.unpack("<I", b[off + 8:off + 12])[0]
        d = b[off + 16:off + 16 + cap]
        off += 16 + cap
        et = struct.unpack(">H", d[12:14])[0]
        if et == 0x0800:
            l4 = 14 + (d[14] & 15) * 4
        elif et == 0x86dd:
            l4 = 14 + 40
        else:
            continue
        z = d[l4 + 8:]
        if z[:2] != b"EX" or len(z) < 4 or (z[2] != 1 and z[3] == 2):
            continue
        h = 16 if z[2] == 1 else 32
        if len(z) > h:
            out.append(z[h:])
    return out


def tap(frame, tlvs=b"", version=0, length=None):
    n = 4 + len(tlvs) if length is None else length
    return struct.pack("<BBH", version, 0, n) + tlvs + frame


def wpan_tap_frames(frames):
    # TLVs: FCS type (0), channel assignment (3), RSS (1).
    tlvs = struct.pack("<HHB3x", 0, 1, 1) + struct.pack("<HHHB1x", 3, 3, 11, 0) + struct.pack("<HHf", 1, 4, -60.0)
    out = [tap(f, tlvs) for f in frames[:12]] + [tap(f) for f in frames[12:20]]
    out += [
        tap(frames[0], version=1),
        tap(frames[0], length=3),
        tap(frames[0], length=200),
        tap(b""),
        tap(b"\x41"),
        b"\x00\x00\x04",
    ]
    return out


# ---- Switch tags (Linux DSA): DSA_TAG_DSA (284) and DSA_TAG_EDSA (285) between
# the source address and the type, DSA_TAG_BRCM (281) likewise, and
# DSA_TAG_BRCM_PREPEND (282) before the frame.
MAC_DST = bytes.fromhex("001122334455")
MAC_SRC = bytes.fromhex("02aabbccddee")


def eth_payloads():
    """(type or length, payload) pairs an Ethernet frame carries."""
    p4, p6 = ip4(), ip6()
    llc_stp = bytes.fromhex("424203000000000080000011223344550000000a8000001122334455800100001400020000")
    return [
        (0x0800, p4[0]), (0x0800, p4[2]), (0x86dd, p6[0]), (0x86dd, p6[2]),
        (0x0806, bytes(ARP(psrc="10.0.0.1", pdst="10.0.0.2"))),
        (0x8100, struct.pack(">HH", 0x2064, 0x0800) + p4[3]),
        (len(llc_stp), llc_stp),
        (0x88cc, bytes.fromhex("0207040011223344550403056574683006020078") + b"\0\0"),
        (0x9999, b"unknown ethertype payload"),
    ]


def dsa_tag(mode, dev, port, vid=1, tagged=False, b18=False, cfi=False, pri=0, code=0):
    b0 = (mode << 6) | (0x20 if tagged else 0) | (dev & 0x1f)
    b1 = (port << 3) | (0x04 if b18 else 0) | ((code >> 1) & 3) << 1 | (1 if cfi else 0)
    b2 = (pri << 5) | ((code & 1) << 4) | ((vid >> 8) & 0xf)
    return bytes([b0, b1, b2, vid & 0xff])


def dsa_tags():
    out = []
    for mode in range(4):
        for i, (b18, tagged, cfi) in enumerate([(False, False, False), (True, True, True)]):
            out.append(dsa_tag(mode, 1 + i, 4 + i, vid=100 + i, tagged=tagged, b18=b18, cfi=cfi, pri=i * 5,
                               code=(mode * 3 + i) % 8))
    out += [dsa_tag(0, 0, 0, code=c) for c in range(8)]
    out.append(dsa_tag(3, 31, 31, vid=0xfff, pri=7))
    return out


def tagged_frames(tag_of, tag_len):
    out = []
    tags = tag_of()
    for i, (t, payload) in enumerate(eth_payloads()):
        for tag in tags[i * 2 % len(tags):i * 2 % len(tags) + 2]:
            out.append(MAC_DST + MAC_SRC + tag + struct.pack(">H", t) + payload)
    for tag in tags:
        out.append(MAC_DST + MAC_SRC + tag + struct.pack(">H", 0x0800) + ip4()[1])
    out += [
        b"\xff" * 6 + MAC_SRC + tags[0] + struct.pack(">H", 0x0806) + bytes(ARP(pdst="10.0.0.9")),
        MAC_DST + MAC_SRC + tags[1] + struct.pack(">H", 0x0800),
        MAC_DST + MAC_SRC + tags[2][:tag_len - 1],
        (MAC_DST + MAC_SRC + tags[3] + struct.pack(">H", 0x0800) + ip4()[1][:30], 14 + tag_len + len(ip4()[1])),
    ]
    return out


def edsa_tags():
    return [struct.pack(">HBB", 0xdada, 0, 0) + t for t in dsa_tags()] + [
        struct.pack(">HBB", 0x0800, 1, 2) + dsa_tag(1, 2, 3), struct.pack(">HBB", 0x1234, 0, 0) + dsa_tag(2, 0, 1)]


def brcm_tags():
    out = []
    for rc in [0, 1, 2, 4, 8, 16, 32, 3, 64]:
        out.append(bytes([0, rc % 13, rc, (rc % 8) << 5 | 8]))
    for te in range(4):
        out.append(bytes([0x20, te | (te << 2) | (0x80 if te & 1 else 0), 1, 0xff]))
    out += [bytes([0x40, 1, 2, 3]), bytes([0x3f, 0xff, 0xff, 0xff])]
    return out


def brcm_prepend_frames():
    out = []
    for i, (t, payload) in enumerate(eth_payloads()):
        tag = brcm_tags()[i % len(brcm_tags())]
        out.append(tag + MAC_DST + MAC_SRC + struct.pack(">H", t) + payload)
    out += [brcm_tags()[9] + MAC_DST + MAC_SRC + b"\x08", brcm_tags()[0][:3]]
    return out


# ---- NETANALYZER (240) and NETANALYZER_TRANSPARENT (241): a 4-byte pseudo-header
# (status bits, port, length), in the transparent form the preamble and SFD, then
# the Ethernet frame with its FCS.
def netanalyzer_frames(transparent):
    out = []
    for i, (t, payload) in enumerate(eth_payloads()):
        frame = MAC_DST + MAC_SRC + struct.pack(">H", t) + payload
        frame += struct.pack("<I", 0x12345678 + i)
        hdr = struct.pack("<I", (len(frame) << 16) | (i % 4) << 8 | 0x01)
        pre = b"\x55" * 7 + b"\xd5" if transparent else b""
        out.append(hdr + pre + frame)
    skip = 12 if transparent else 4
    out += [out[0][:skip + 10], out[0][:skip], out[0][:skip - 1], out[1][:2]]
    return out


# ---- APPLE_IP_OVER_IEEE1394 (138): destination and source EUI-64s, the ethertype.
def ap1394_frames():
    dst, src = bytes.fromhex("0011223344556677"), bytes.fromhex("0a0b0c0d0e0f1011")
    arp1394 = struct.pack(">HHBBH", 24, 0x0800, 16, 4, 1) + src + bytes([0x0a, 0x12, 4, 0]) \
        + bytes([0, 0, 0, 0, 0, 0]) + bytes([10, 0, 0, 1]) + bytes([10, 0, 0, 2])
    out = [dst + src + struct.pack(">H", t) + p for t, p in eth_payloads() if t > 1500]
    out += [
        b"\xff" * 8 + src + struct.pack(">H", 0x0806) + arp1394,
        dst + src + struct.pack(">H", 0x0800),
        dst + src[:5],
    ]
    return out


# ---- ATM_CLIP (LINKTYPE 106, Linux Classical IP over ATM): LLC/SNAP and the
# ethertyped payload, or a bare IPv4 packet.
def cip_frames():
    snap = bytes.fromhex("aaaa03000000")
    out = [snap + struct.pack(">H", t) + p for t, p in eth_payloads() if t > 1500]
    out += [p for p in ip4()]
    out += [
        bytes.fromhex("aaaa03") + bytes.fromhex("0080c2") + struct.pack(">H", 7) + b"\0" * 20,
        bytes.fromhex("fefe03cc") + b"\x45" + b"\0" * 10,
        bytes.fromhex("424203000000000080"),
        ip6()[0],
        snap + b"\x08",
        snap[:4],
        ip4()[0][:5],
    ]
    return out


# ---- LINUX_SLL (113) with 802.2 payloads: SNAP with an unknown ethertype and OUI.
def sll_snap_frames():
    sll = struct.pack(">HHH8sH", 0, 1, 6, bytes.fromhex("02aabbccddee0000"), 4)
    return [
        sll + bytes.fromhex("aaaa03000000") + struct.pack(">H", 0x9999) + b"payload",
        sll + bytes.fromhex("aaaa03000000") + struct.pack(">H", 0x8100) + b"\0\x05\x08\x00",
        sll + bytes.fromhex("aaaa03123456") + struct.pack(">H", 0x0001) + b"other oui",
    ]


# ---- FDDI (10): frame control, destination, source (not bit-swapped on Linux),
# then LLC for asynchronous LLC frames.
def fddi_frames():
    snap = bytes.fromhex("aaaa03000000")
    out = [bytes([0x50 | (i % 8)]) + MAC_DST + MAC_SRC + snap + struct.pack(">H", t) + p
           for i, (t, p) in enumerate(eth_payloads()) if t > 1500]
    stp = bytes.fromhex("424203") + bytes.fromhex("0000000000800000112233445500000000800000112233445580010000140002000f00")
    out += [
        bytes([0x54]) + b"\xff" * 6 + MAC_SRC + stp,
        bytes([0x57]) + MAC_DST + MAC_SRC + bytes.fromhex("e0e003") + b"\xff\xff\x00\x1e" + bytes(26),
        bytes([0x50]) + MAC_DST + MAC_SRC + bytes.fromhex("aaaa03123456") + b"\x00\x01data",
        bytes([0x41]) + MAC_DST + MAC_SRC + bytes(20),
        bytes([0x4f]) + MAC_DST + MAC_SRC + bytes(10),
        bytes([0x45]) + MAC_DST + MAC_SRC + bytes(10),
    ]
    for fc in [0x40, 0x80, 0xc0, 0xc2, 0xc3, 0xc5, 0xd1, 0x62, 0xe3, 0x00, 0x13, 0x2f]:
        out.append(bytes([fc]) + MAC_DST + MAC_SRC + b"\x01\x02\x03")
    out += [bytes([0x50]) + MAC_DST + MAC_SRC, bytes([0x50]) + MAC_DST + MAC_SRC + b"\xaa",
            bytes([0x50]) + MAC_DST]
    return out


# ---- IEEE802 (6, Token Ring): access control, frame control, destination, source
# (top bit set when source routing follows), routing information, then LLC.
def token_frames():
    snap = bytes.fromhex("aaaa03000000")
    out = []
    for i, (t, p) in enumerate(eth_payloads()):
        if t <= 1500:
            continue
        out.append(bytes([0x10, 0x40]) + MAC_DST + MAC_SRC + snap + struct.pack(">H", t) + p)
    routed_src = bytes([MAC_SRC[0] | 0x80]) + MAC_SRC[1:]
    for rcf, segs in [(0x0630, [0x0011, 0x0022]), (0x8270, []), (0xc8b0, [0x1231, 0x4562, 0x7893]),
                      (0x0200, []), (0x0380, [0xabcd]), (0x0000, []), (0x0100, [])]:
        rif = struct.pack(">H", rcf) + b"".join(struct.pack(">H", s) for s in segs)
        rif_len = (rcf >> 8) & 0x1f
        rif = (rif + bytes(32))[:max(rif_len, 2)]
        out.append(bytes([0x10, 0x40]) + MAC_DST + routed_src + rif + snap + b"\x08\x00" + ip4()[0])
    stp = bytes.fromhex("424203") + bytes.fromhex("0000000000800000112233445500000000800000112233445580010000140002000f00")
    out += [
        bytes([0x10, 0x40]) + b"\xc0\x00\xff\xff\xff\xff" + MAC_SRC + stp,
        bytes([0x10, 0x40]) + MAC_DST + MAC_SRC + bytes.fromhex("f0f003") + b"netbios",
        bytes([0x10, 0x00]) + MAC_DST + MAC_SRC + b"\x00\x0e\x02\x00mac frame",
        bytes([0x10, 0x81]) + MAC_DST + MAC_SRC + b"odd",
        bytes([0x10, 0xc1]) + MAC_DST + MAC_SRC + b"odd",
        bytes([0x10, 0x40]) + MAC_DST + routed_src + b"\x1f",
        bytes([0x10, 0x40]) + MAC_DST + routed_src + b"\x1f\x00" + bytes(10),
        bytes([0x10, 0x40]) + MAC_DST + MAC_SRC,
        bytes([0x10, 0x40]) + MAC_DST,
    ]
    return out


# ---- ARCNET_LINUX (129): source, destination, offset, system code, and for RFC 1201
# codes the split flag and sequence id.
def arcnet_frames():
    arp = bytes(ARP(psrc="10.0.0.1", pdst="10.0.0.2"))
    ipx = bytes.fromhex("ffff001e0004000000010000000000010453000000020000000000020453")
    new = lambda t, p, s=0x11, d=0x22, off=0, flag=0, seq=0x1234: \
        struct.pack(">BBHBBH", s, d, off, t, flag, seq) + p
    old = lambda t, p, s=0x11, d=0x22, off=0: struct.pack(">BBHB", s, d, off, t) + p
    out = [new(212, p) for p in ip4()] + [new(0xc4, p) for p in ip6()]
    out += [
        new(213, arp), new(214, arp), new(250, ipx),
        old(240, ip4()[0]), old(241, arp), old(0x80, b"diagnostic"),
        new(212, ip4()[1], off=0xd400), new(212, ip4()[2], off=0x1234, flag=3, seq=0xbeef),
        new(247, b"vines"), new(0x99, b"unknown code"),
        new(212, b""), old(240, b"\x45"),
        new(212, b"")[:7], old(240, b"")[:4], b"\x11",
    ]
    return out


# ---- ARCNET (7), BSD's raw frames: source, destination, system code, and for RFC 1201
# codes a split flag and sequence id (exception frames: flag 0xff, two pad bytes, then
# the system code, flag and sequence id again).
def arcnet_bsd_frames():
    arp = bytes(ARP(psrc="10.0.0.1", pdst="10.0.0.2"))
    ipx = bytes.fromhex("ffff001e0004000000010000000000010453000000020000000000020453")
    new = lambda t, p, s=0x11, d=0x22, flag=0, seq=0x1234: struct.pack(">BBBBH", s, d, t, flag, seq) + p
    exc = lambda t, p, flag=0, seq=0x4321: struct.pack(">BBBBHBBH", 0x11, 0x22, t, 0xff, 0xffff, t, flag, seq) + p
    old = lambda t, p, s=0x11, d=0x22: struct.pack(">BBB", s, d, t) + p
    out = [new(212, p) for p in ip4()] + [new(0xc4, p) for p in ip6()]
    out += [
        new(213, arp), new(214, arp), new(250, ipx),
        old(240, ip4()[0]), old(241, arp), old(0x80, b"diagnostic"),
        new(212, ip4()[1], flag=1, seq=0xbeef), new(212, ip4()[1], flag=5, seq=0xbeef),
        new(212, b"second fragment", flag=2, seq=0xbeef), new(212, b"fourth", flag=6),
        exc(212, ip4()[2]), exc(212, ip4()[3], flag=3), exc(212, b"middle", flag=4),
        exc(0x99, b"exception, unknown code"),
        new(247, b"vines"), new(0x99, b"unknown code"), new(0xd4, b"", s=0xff, d=0),
        new(212, b""), old(240, b"\x45"), old(240, b""),
        new(212, b"")[:5], new(212, b"")[:4], exc(212, b"")[:9], exc(212, b"")[:6],
        old(241, b"")[:2], b"\x11",
    ]
    return out


# ---- SYMANTEC_FIREWALL (99): 44 bytes of which only the ethertype at offset 6 is
# known, then the Ethernet payload.
def symantec_frames():
    hdr = lambda t: bytes(range(1, 7)) + struct.pack(">H", t) + bytes(range(100, 136))
    out = [hdr(t) + p for t, p in eth_payloads()]
    out += [
        hdr(0x0800) + ip4()[1], hdr(0x05dc) + b"length, not type", hdr(0x0600) + b"XNS",
        hdr(0x0800), hdr(0x9999), hdr(0x0800)[:43], hdr(0x0800)[:8], b"\x01",
    ]
    return out


# ---- PPP_BSDOS (16, and 103 in savefiles): BSD/OS's 24-byte PPP pseudo-header
# (direction, link-level and compressed header lengths, headers), then the packet.
# tcpdump decodes it only when built on BSD/OS.
def ppp_bsdos_frames():
    def frame(direction, payload, llh=b"\xff\x03\x00\x21"):
        return struct.pack(">BBB", direction, len(llh), 0) + llh + bytes(20 - len(llh) + 1) + payload
    return [frame(0, ip4()[0]), frame(1, ip4()[2]), frame(1, ip6()[0], b"\xff\x03\x00\x57"),
            frame(0, b"", b""), frame(0, ip4()[0])[:10], b"\x00"]


# ---- IP_OVER_FC (122): NAA and MAC address of destination and source, then LLC.
def ipfc_frames():
    snap = bytes.fromhex("aaaa03000000")
    dst, src = b"\x10\x00" + MAC_DST, b"\x10\x00" + MAC_SRC
    out = [dst + src + snap + struct.pack(">H", t) + p for t, p in eth_payloads() if t > 1500]
    out += [
        b"\x10\x00" + b"\xff" * 6 + src + bytes.fromhex("424203") + bytes(35),
        dst + src + bytes.fromhex("aaaa03123456") + b"\x00\x01data",
        dst + src + bytes.fromhex("e0e003") + bytes(30),
        dst + src, dst + src + b"\xaa", dst + src[:3],
    ]
    return out


# ---- FRELAY (107): a Q.922 address, then UI + NLPID (IPv4, IPv6, SNAP, PPP, FRF.15,
# Q.933 LMI in its ANSI and CCITT forms) or a Cisco ethertype.
def q922(dlci, cr=0, fecn=0, becn=0, de=0, size=2):
    if size == 2:
        return bytes([(dlci >> 4) << 2 | cr << 1, (dlci & 0xf) << 4 | fecn << 3 | becn << 2 | de << 1 | 1])
    if size == 3:
        return bytes([(dlci >> 10) << 2 | cr << 1, ((dlci >> 6) & 0xf) << 4 | fecn << 3 | becn << 2 | de << 1,
                      (dlci & 0x3f) << 2 | 1])
    return bytes([(dlci >> 17) << 2 | cr << 1, ((dlci >> 13) & 0xf) << 4 | fecn << 3 | becn << 2 | de << 1,
                  ((dlci >> 6) & 0x7f) << 1, (dlci & 0x3f) << 2 | 1])


def lmi(msg, ies, ansi=True, call_ref=b"\x01\x00"):
    body = call_ref + bytes([msg]) + (b"\x95" if ansi else b"") + b"".join(ies)
    return q922(0) + b"\x03\x08" + body


def ie(code, value):
    return bytes([code, len(value)]) + value


def fr_frames():
    a = q922(100)
    snap = bytes.fromhex("000000")
    out = [a + b"\x03\xcc" + p for p in ip4()] + [a + b"\x03\x8e" + p for p in ip6()[:2]]
    out += [
        q922(16, cr=1, fecn=1) + b"\x03\xcc" + ip4()[0],
        q922(17, becn=1, de=1) + b"\x03\x00\xcc" + ip4()[2],
        q922(300, size=3) + b"\x03\x00\xcc" + ip4()[0],
        q922(300, size=3) + b"\x03\xcc" + ip4()[0],
        q922(70000, size=4) + b"\x03\xcc" + ip4()[3],
        a + b"\x08\x00" + ip4()[0],
        a + b"\x86\xdd" + ip6()[0],
        a + b"\x08\x06" + bytes(ARP(psrc="10.0.0.1", pdst="10.0.0.2")),
        a + b"\x12\x34\xcc" + b"x",
        a + b"\x03\x00\x80" + snap + b"\x08\x00" + ip4()[0],
        a + b"\x03\x80" + snap + b"\x86\xdd" + ip6()[0],
        a + b"\x03\x80" + snap + b"\x99\x99" + b"unknown",
        a + b"\x03\xcf" + b"\x00\x21" + ip4()[0],
        a + b"\x03\xcf" + b"\xc0\x21" + bytes([9, 1, 0, 8, 1, 2, 3, 4]),
        a + b"\x03\xb1" + b"\xc1\x05" + b"fragment",
        a + b"\x03\xb1" + b"\x40\x05",
        a + b"\x03\xb1" + b"\x00",
        a + b"\x03\x09" + b"\x00\x75\x01\x01\x01",
        a + b"\x03\x42" + b"whatever",
        # Q.933 LMI: ANSI Annex D (locking shift to codeset 5) and CCITT Annex A.
        lmi(0x75, [ie(0x01, b"\x01"), ie(0x03, b"\x05\x04")]),
        lmi(0x7d, [ie(0x01, b"\x01"), ie(0x03, b"\x06\x05")]),
        lmi(0x75, [ie(0x01, b"\x00"), ie(0x03, b"\x07\x06")]),
        lmi(0x7d, [ie(0x01, b"\x00"), ie(0x03, b"\x08\x07"), ie(0x07, b"\x01\x00\x82"),
                   ie(0x07, b"\x06\x40\x8a"), ie(0x07, b"\x01\x08\x80")]),
        lmi(0x75, [ie(0x51, b"\x01"), ie(0x53, b"\xff\x00")], ansi=False),
        lmi(0x7d, [ie(0x51, b"\x00"), ie(0x53, b"\x0a\x09"), ie(0x57, b"\x01\x00\x82"),
                   ie(0x57, b"\x01\x00\x00\x82"), ie(0x57, b"\x01\x00\x00\x00\x82")], ansi=False),
        lmi(0x7d, [ie(0x07, b"\x81\x00\x82"), ie(0x07, b"\x01\x80\x82"), ie(0x07, b"\x01\x00"),
                   ie(0x07, b"\x01\x00\x02"), ie(0x07, bytes(6) + b"\x80"), ie(0x03, b"\x01"),
                   ie(0x01, b"\x07")]),
        lmi(0x75, [ie(0x19, b"\x01\x02"), ie(0x44, b"\xaa\xbb"), b"\xa1", b"\x9d", ie(0x01, b"\x01"),
                   ie(0x03, b"\x01\x02")]),
        lmi(0x75, [b"\x96", ie(0x01, b"\x01")], ansi=False),
        lmi(0x33, [], call_ref=b"\x02\x12\x34"),
        lmi(0x05, [ie(0x01, b"")], call_ref=b"\x01\x07"),
        lmi(0x05, [ie(0x00, b"\x01")], call_ref=b"\x00"),
        lmi(0x75, [b"\x03\x09\x01"]),
        lmi(0x75, [b"\x03"]),
        q922(0) + b"\x03\x08",
        q922(0) + b"\x03\x08\x03\x00",
        q922(0) + b"\x03\x08\x01\x00\x75",
        # Invalid and short addresses and headers.
        b"\x01\x03\xcc" + ip4()[0],
        q922(300, size=3)[:2] + b"\x00\x03\xcc" + ip4()[0],
        a + b"\x03",
        a + b"\x03\x00",
        a[:1] + b"\x00\x00",
        a,
    ]
    return out


# ---- MFR (182): FRF.16 control frames with their IEs, and fragments (the first
# carrying a Frame Relay frame).
def mfr_frames():
    a = q922(100)
    ctrl = lambda msg, ies: bytes([0xe1, 0x00, msg]) + b"".join(bytes([t, len(v) + 2]) + v for t, v in ies)
    out = [
        ctrl(1, [(1, b"bundle0\0"), (2, b"link-a"), (3, b"\x12\x34\x56\x78")]),
        ctrl(2, [(1, b"bundle0"), (2, b"link\x01\xfe"), (3, b"\x00\x00\x00\x01")]),
        ctrl(3, [(7, b"\x05"), (6, b"\x00\x01\x02")]),
        ctrl(4, [(3, b"\x01\x02")]),
        ctrl(5, []), ctrl(6, [(1, b"b")]), ctrl(7, [(2, b"")]), ctrl(9, [(0, b"\x01")]),
        ctrl(4, [(9, b"\xaa\xbb\xcc")]),
        bytes([0xe1, 0x00, 0x04, 0x03, 0x09, 0x00]),
        bytes([0xc1, 0x05]) + a + b"\x03\xcc" + ip4()[0],
        bytes([0x81, 0x06]) + a + b"\x03\x8e" + ip6()[0],
        bytes([0x41, 0x07]) + b"last fragment",
        bytes([0x01, 0x08]) + b"middle",
        bytes([0xe1, 0x01, 0x04]) + b"not control",
        bytes([0xe1, 0x00, 0x04]),
        bytes([0xe1, 0x00]),
        bytes([0xe1]),
    ]
    return out


# ---- Cisco HDLC under BSD/OS's link-type number (112): the frames of
# tests/data/linkppp/c_hdlc.pcap (make_linkppp.py) with the header's link type changed.
def chdlc112(d):
    b = bytearray(open(os.path.join(os.path.dirname(d.rstrip("/")), "linkppp", "c_hdlc.pcap"), "rb").read())
    b[20:24] = struct.pack("<I", 112)
    return bytes(b)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "tests/data/linkmore"
    os.makedirs(d, exist_ok=True)
    pcap(os.path.join(d, "nflog.pcap"), 239, nflog_frames())
    pcap(os.path.join(d, "usb_linux.pcap"), 189, usb_frames(False))
    pcap(os.path.join(d, "usb_linux_mmapped.pcap"), 220, usb_frames(True))
    pcap(os.path.join(d, "ipoib.pcap"), 242, ipoib_frames())
    pcap(os.path.join(d, "vsock.pcap"), 271, vsock_frames())
    pcap(os.path.join(d, "bluetooth.pcap"), 201, bt_frames())
    pcap(os.path.join(d, "pflog.pcap"), 117, pflog_frames())
    pcap(os.path.join(d, "ipnet.pcap"), 226, ipnet_frames())
    frames = wpan_frames(os.path.join(os.path.dirname(d.rstrip("/")), "zep", "zep.pcap"))
    pcap(os.path.join(d, "wpan.pcap"), 230, frames)
    pcap(os.path.join(d, "wpan_fcs.pcap"), 195, frames[:40])
    pcap(os.path.join(d, "wpan_tap.pcap"), 283, wpan_tap_frames(frames))
    pcap(os.path.join(d, "dsa.pcap"), 284, tagged_frames(dsa_tags, 4))
    pcap(os.path.join(d, "edsa.pcap"), 285, tagged_frames(edsa_tags, 8))
    pcap(os.path.join(d, "brcm.pcap"), 281, tagged_frames(brcm_tags, 4))
    pcap(os.path.join(d, "brcm_prepend.pcap"), 282, brcm_prepend_frames())
    pcap(os.path.join(d, "netanalyzer.pcap"), 240, netanalyzer_frames(False))
    pcap(os.path.join(d, "netanalyzer_transparent.pcap"), 241, netanalyzer_frames(True))
    pcap(os.path.join(d, "ap1394.pcap"), 138, ap1394_frames())
    pcap(os.path.join(d, "atm_clip.pcap"), 106, cip_frames())
    pcap(os.path.join(d, "sll_snap.pcap"), 113, sll_snap_frames())
    pcap(os.path.join(d, "fddi.pcap"), 10, fddi_frames())
    pcap(os.path.join(d, "token_ring.pcap"), 6, token_frames())
    pcap(os.path.join(d, "arcnet_linux.pcap"), 129, arcnet_frames())
    pcap(os.path.join(d, "arcnet_bsd.pcap"), 7, arcnet_bsd_frames())
    pcap(os.path.join(d, "symantec.pcap"), 99, symantec_frames())
    pcap(os.path.join(d, "ppp_bsdos.pcap"), 16, ppp_bsdos_frames())
    pcap(os.path.join(d, "ppp_bsdos_103.pcap"), 103, ppp_bsdos_frames())
    pcap(os.path.join(d, "ip_over_fc.pcap"), 122, ipfc_frames())
    pcap(os.path.join(d, "frelay.pcap"), 107, fr_frames())
    pcap(os.path.join(d, "mfr.pcap"), 182, mfr_frames())
    with open(os.path.join(d, "chdlc112.pcap"), "wb") as f:
        f.write(chdlc112(d))


if __name__ == "__main__":
    main()
