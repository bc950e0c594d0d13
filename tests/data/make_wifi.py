#!/usr/bin/env python3
"""Writes the 802.11 captures of tests/print_wifi.rs into tests/data/wifi/:

  wifi.pcap      DLT_IEEE802_11 (105): management, control and data frames
  radiotap.pcap  DLT_IEEE802_11_RADIO (127): radiotap headers of every field
                 tcpdump decodes, extended and vendor presence words, FCS and
                 padding flags, each in front of a frame
  prism.pcap     DLT_PRISM_HEADER (119): Prism headers, and AVS headers behind
                 the Prism link type
  avs.pcap       DLT_IEEE802_11_RADIO_AVS (163)
  ppi.pcap       DLT_PPI (192): PPI headers in front of 802.11, radiotap,
                 Ethernet and other frames, of link types with and without a
                 printer, nested, too short or too long

Frames are built by hand (struct) so that every field is under control; no
scapy needed. Run from the repository root: python3 tests/data/make_wifi.py
"""
import os
import struct
import zlib

import pktgen

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wifi")


def pcap(name, linktype, frames):
    pktgen.write_pcap(os.path.join(OUT, name), linktype, frames, usec_step=1237, snaplen=262144)


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


AP = mac("00:11:22:33:44:55")
STA = mac("a4:c3:f0:12:34:56")
STA2 = mac("3c:22:fb:9a:bc:de")
BCAST = mac("ff:ff:ff:ff:ff:ff")
MCAST = mac("01:00:5e:00:00:fb")
CISCO = mac("00:00:0c:07:ac:01")
ZERO = bytes(6)


def fc(ftype, subtype, flags=0):
    return struct.pack("<H", (ftype << 2) | (subtype << 4) | (flags << 8))


def seqctl(n, frag=0):
    return struct.pack("<H", (n << 4) | frag)


def mgmt(subtype, body, da=BCAST, sa=AP, bssid=AP, flags=0, dur=0, seq=100):
    return fc(0, subtype, flags) + struct.pack("<H", dur) + da + sa + bssid + seqctl(seq) + body


def ie(eid, payload):
    return bytes([eid, len(payload)]) + payload


RATES_BG = bytes([0x82, 0x84, 0x8B, 0x96, 0x0C, 0x12, 0x18, 0x24])
RATES_EXT = bytes([0x30, 0x48, 0x60, 0x6C])
RSN = bytes.fromhex("0100000fac040100000fac040100000fac020000")
HT_CAP = bytes(26)
TIM = bytes([0, 1, 0, 0])
WMM = bytes.fromhex("0050f2020101000003a4000027a4000042435e0062322f00")


def beacon_body(cap=0x0411, elems=b"", interval=100, ts=0x123456789A):
    return struct.pack("<QHH", ts, interval, cap) + elems


def std_elems(ssid=b"HomeNet", channel=6, rates=RATES_BG):
    return (ie(0, ssid) + ie(1, rates) + ie(3, bytes([channel])) + ie(5, TIM)
            + ie(42, b"\x00") + ie(48, RSN) + ie(50, RATES_EXT) + ie(45, HT_CAP)
            + ie(221, WMM))


def llc_snap(ethertype, payload):
    return b"\xaa\xaa\x03\x00\x00\x00" + struct.pack(">H", ethertype) + payload


def ipv4_udp(src, dst, sport, dport, payload, ttl=64):
    return pktgen.ip4(17, pktgen.udp(sport, dport, payload), pktgen.v4(src), pktgen.v4(dst),
                      ttl, ident=0x1234, frag=0x4000)


def ipv4_icmp_echo(src, dst, ident=0x1c2d, seq=1):
    icmp = struct.pack(">BBHHH", 8, 0, 0, ident, seq) + b"abcdefghijklmnop"
    icmp = icmp[:2] + struct.pack(">H", pktgen.inet_sum(icmp)) + icmp[4:]
    return pktgen.ip4(1, icmp, pktgen.v4(src), pktgen.v4(dst), ident=0x4321)


def arp_request():
    return struct.pack(">HHBBH", 1, 0x0800, 6, 4, 1) + STA + bytes([192, 168, 1, 23]) + ZERO + bytes([192, 168, 1, 1])


def ipv6_udp():
    payload = b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x05local\x00\x00\x01\x00\x01"
    return pktgen.ip6(17, pktgen.udp(5353, 5353, payload), pktgen.v6("fe80::211:2233:4455:6677"),
                      pktgen.v6("ff02::fb"), hlim=255)


DNS_Q = b"\xab\xcd\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01"
EAPOL_KEY = bytes.fromhex("0203005f02008a00100000000000000001") + bytes(32 + 16 + 8 + 8 + 16) + b"\x00\x00"

PAYLOADS = [
    llc_snap(0x0800, ipv4_udp("192.168.1.23", "8.8.8.8", 53123, 53, DNS_Q)),
    llc_snap(0x0806, arp_request()),
    llc_snap(0x86DD, ipv6_udp()),
    llc_snap(0x888E, EAPOL_KEY),
    llc_snap(0x0800, ipv4_icmp_echo("192.168.1.23", "192.168.1.1")),
    b"\x42\x42\x03" + bytes(35),  # STP BPDU in plain LLC
    llc_snap(0x88B5, b"local experimental"),  # unknown ethertype
    b"\xe0\xe0\x03" + bytes(30),  # IPX over 802.2
    b"\xf0\xf0\x03hello netbios",  # an LLC SAP tcpdump does not decode
    b"\xaa\xaa\x03\x00\x00\x0c\x20\x00" + bytes(12),  # Cisco CDP (short)
]


def data_frame(subtype=0, ds=0, payload=b"", flags=0, dur=44, qos=0x0000, a=(AP, STA, AP, STA2)):
    fl = ds | flags
    hdr = fc(2, subtype, fl) + struct.pack("<H", dur) + a[0] + a[1] + a[2] + seqctl(7)
    if ds == 3:
        hdr += a[3]
    if subtype & 8:
        hdr += struct.pack("<H", qos)
    return hdr + payload


def ctrl(subtype, rest, flags=0, dur=200):
    return fc(1, subtype, flags) + struct.pack("<H", dur) + rest


# ---------------------------------------------------------------- 802.11 frames

def frames_80211():
    out = []
    # Beacons and probe responses
    out.append(mgmt(8, beacon_body(elems=std_elems())))
    out.append(mgmt(8, beacon_body(cap=0x0401, elems=std_elems(b"Cafe Free WiFi", 11))))
    out.append(mgmt(8, beacon_body(cap=0x0002, elems=std_elems(b"adhoc", 1))))
    out.append(mgmt(8, beacon_body(elems=ie(0, b"") + ie(1, RATES_BG) + ie(3, b"\x24"))))  # hidden SSID
    out.append(mgmt(8, beacon_body(elems=ie(0, b"caf\xc3\xa9\x01\x7f") + ie(3, b"\x01"))))
    out.append(mgmt(8, beacon_body(elems=ie(0, b"ab\x00cd") + ie(1, RATES_BG))))
    out.append(mgmt(8, beacon_body(elems=ie(0, b"A" * 32) + ie(1, RATES_BG))))
    out.append(mgmt(8, beacon_body(elems=ie(0, b"B" * 33) + ie(1, RATES_BG))))  # SSID too long
    out.append(mgmt(8, beacon_body(elems=ie(0, b"x") + ie(1, bytes(range(0x80, 0x91))))))  # 17 rates
    out.append(mgmt(8, beacon_body(elems=ie(1, b"") + ie(0, b"first") + ie(0, b"second") + ie(1, b"\x02\x04") + ie(1, b"\x0b"))))
    out.append(mgmt(8, beacon_body(elems=ie(3, b"\x01\x02") + ie(3, b"\x09") + ie(3, b"\x0a"))))  # odd DS
    out.append(mgmt(8, beacon_body(elems=ie(4, bytes([1, 2, 3, 4, 5, 6])) + ie(4, b"\x01") + ie(0, b"cf"))))
    out.append(mgmt(8, beacon_body(elems=ie(5, bytes(255)) + ie(0, b"bigtim"))))
    out.append(mgmt(8, beacon_body(elems=ie(5, bytes(200)) + ie(0, b"tim") + ie(5, b"\x00\x01"))))
    out.append(mgmt(8, beacon_body(elems=ie(16, bytes(253)) + ie(0, b"chal"))))
    out.append(mgmt(8, beacon_body(elems=ie(16, bytes(254)) + ie(0, b"chal2"))))
    out.append(mgmt(8, beacon_body(elems=ie(0, b"cut") + b"\x01\x08\x82\x84")))  # element past the end
    out.append(mgmt(8, beacon_body(elems=ie(0, b"odd") + b"\x07")))  # lone element id
    out.append(mgmt(8, beacon_body(cap=0x0010, elems=b"")))
    out.append(mgmt(8, bytes(11)))  # short fixed fields
    out.append(mgmt(5, beacon_body(elems=std_elems(b"probe-resp", 36)), da=STA))
    out.append(mgmt(5, beacon_body(cap=0x0001, elems=ie(0, b"open") + ie(1, b"\x02\x04\x0b\x16")), da=STA))
    out.append(mgmt(5, beacon_body(cap=0x0011), da=STA))
    # Probe requests
    out.append(mgmt(4, ie(0, b"") + ie(1, RATES_BG) + ie(50, RATES_EXT), sa=STA, bssid=BCAST))
    out.append(mgmt(4, ie(0, b"HomeNet") + ie(1, b"\x02\x04\x0b\x16"), sa=STA, bssid=BCAST))
    out.append(mgmt(4, b"", sa=STA, bssid=BCAST))
    # Association
    out.append(mgmt(0, struct.pack("<HH", 0x0431, 10) + ie(0, b"HomeNet") + ie(1, RATES_BG) + ie(48, RSN), da=AP, sa=STA))
    out.append(mgmt(0, struct.pack("<HH", 0x0431, 10), da=AP, sa=STA))
    out.append(mgmt(0, b"\x31", da=AP, sa=STA))
    for code in list(range(0, 110)) + [0xFFFF]:
        cap = 0x0411 if code % 2 else 0x0401
        out.append(mgmt(1, struct.pack("<HHH", cap, code, 0xC000 | ((code + 1) & 0x3FFF)) + ie(1, RATES_BG), da=STA))
    out.append(mgmt(3, struct.pack("<HHH", 0x0411, 0, 0xC005) + ie(1, RATES_BG), da=STA))
    out.append(mgmt(1, struct.pack("<HH", 0x0411, 0), da=STA))
    out.append(mgmt(2, struct.pack("<HH", 0x0431, 10) + mac("00:11:22:33:44:66") + ie(0, b"HomeNet") + ie(1, RATES_BG), da=AP, sa=STA))
    out.append(mgmt(2, struct.pack("<HH", 0x0431, 10) + mac("00:11:22:33:44:66"), da=AP, sa=STA))
    out.append(mgmt(2, struct.pack("<HH", 0x0431, 10) + b"\x00\x11", da=AP, sa=STA))
    # Disassociation and deauthentication, every reason code
    for code in list(range(0, 70)) + [0xFFFF]:
        out.append(mgmt(10, struct.pack("<H", code), da=STA))
        out.append(mgmt(12, struct.pack("<H", code), da=STA, sa=AP))
    out.append(mgmt(10, b"\x01", da=STA))
    out.append(mgmt(12, b"", da=STA))
    # Authentication
    for alg in (0, 1, 2, 3, 0xFFFF):
        for seq in (1, 2, 3, 4, 0x11):
            out.append(mgmt(11, struct.pack("<HHH", alg, seq, (seq * 7) % 20), da=AP, sa=STA))
    out.append(mgmt(11, struct.pack("<HHH", 1, 2, 0) + ie(16, bytes(range(128))), da=STA))
    out.append(mgmt(11, struct.pack("<HHH", 1, 3, 200) + ie(16, bytes(128)), da=STA))
    out.append(mgmt(11, struct.pack("<HH", 0, 1), da=AP, sa=STA))
    out.append(mgmt(11, struct.pack("<HHH", 3, 1, 0) + bytes.fromhex("1300") + bytes(32), da=AP, sa=STA))  # SAE
    out.append(mgmt(11, bytes.fromhex("12345680") + bytes(140), da=STA, flags=0x40))  # protected (shared key)
    out.append(mgmt(11, bytes.fromhex("123456"), da=STA, flags=0x40))
    # Action frames
    acts = [(0, 4), (1, 0), (2, 1), (3, 0), (3, 1), (3, 2), (3, 3), (4, 0), (5, 1), (7, 0), (7, 1), (7, 2),
            (9, 0), (10, 2), (13, 0), (13, 1), (13, 5), (13, 10), (13, 11), (14, 0), (14, 1), (14, 2),
            (15, 0), (15, 1), (15, 3), (15, 5), (15, 6), (126, 0), (127, 9), (128, 0), (255, 255)]
    for cat, act in acts:
        out.append(mgmt(13, bytes([cat, act]) + bytes(7), da=AP, sa=STA))
    out.append(mgmt(13, b"\x03", da=AP, sa=STA))
    out.append(mgmt(13, bytes.fromhex("0400") + bytes(4), da=AP, sa=STA, flags=0x40))  # protected action
    out.append(mgmt(14, b"", da=AP, sa=STA))  # action no ack
    # Other management subtypes
    out.append(mgmt(9, b"", da=STA))
    for st in (6, 7, 15):
        out.append(mgmt(st, b"\x01\x02\x03\x04", da=STA))
    out.append(mgmt(8, beacon_body(elems=std_elems()), flags=0x08 | 0x10 | 0x20 | 0x80, dur=314))
    out.append(mgmt(8, beacon_body(elems=std_elems()), flags=0x04, dur=0xFFFF))
    # Control frames
    out.append(ctrl(11, STA + AP))  # RTS
    out.append(ctrl(12, STA))  # CTS
    out.append(ctrl(13, STA, dur=0))  # ACK
    out.append(fc(1, 10, 0x10) + struct.pack("<H", 0xC001) + AP + STA)  # PS-Poll
    out.append(ctrl(14, BCAST + AP, dur=0))  # CF-End
    out.append(ctrl(15, BCAST + AP, dur=0))  # CF-End+CF-Ack
    out.append(ctrl(9, STA + AP + struct.pack("<HH", 0x0005, 0x1230) + bytes(8)))  # BA
    out.append(ctrl(8, STA + AP + struct.pack("<HH", 0x0004, 0x0450)))  # BAR
    out.append(ctrl(7, STA + struct.pack("<H", 0x00B4) + bytes(4) + AP))  # control wrapper
    for st in range(0, 7):
        out.append(ctrl(st, STA + AP))
    out.append(ctrl(11, STA + AP, flags=0x08 | 0x10))
    out.append(ctrl(12, STA[:4]))  # short CTS
    out.append(ctrl(8, STA + AP + b"\x04"))  # short BAR
    # Data frames, every subtype and To/From DS combination
    for ds in range(4):
        for st in range(16):
            pl = PAYLOADS[(ds * 16 + st) % len(PAYLOADS)]
            out.append(data_frame(st, ds, pl, qos=0x0006 if st & 8 else 0))
    for i, pl in enumerate(PAYLOADS):
        out.append(data_frame(8, 2, pl, qos=0x0080))
        out.append(data_frame(0, 1, pl, a=(MCAST, AP, STA, ZERO)))
    # Frame control flags and durations for -v -e
    out.append(data_frame(0, 1, PAYLOADS[0], flags=0x04 | 0x08 | 0x10 | 0x20 | 0x80, dur=1234))
    out.append(data_frame(4, 1, b"", flags=0x10, dur=0))
    out.append(data_frame(12, 1, b"", flags=0x20))
    # Protected data (CCMP, TKIP, WEP IVs)
    out.append(data_frame(8, 1, bytes.fromhex("a1b2002000000000") + bytes(40) + bytes(8), flags=0x40))
    out.append(data_frame(0, 2, bytes.fromhex("1a2b3c60deadbeef") + bytes(30), flags=0x40))
    out.append(data_frame(0, 3, bytes.fromhex("0000007f") + bytes(20), flags=0x40))
    out.append(data_frame(0, 0, bytes.fromhex("123456c0") + bytes(20), flags=0x40))
    out.append(data_frame(8, 1, bytes.fromhex("a1b200"), flags=0x40))
    out.append(data_frame(0, 2, bytes(), flags=0x40))
    # Short data frames and bodies
    out.append(data_frame(0, 2, b"\xaa\xaa"))
    out.append(data_frame(0, 2, b"\xaa\xaa\x03\x00\x00"))
    out.append(data_frame(0, 2, b""))
    out.append(data_frame(0, 3, b"")[:26])
    out.append(data_frame(8, 2, b"")[:25])
    # Reserved frame type, versions
    out.append(fc(3, 0) + bytes(22))
    out.append(fc(3, 5) + bytes(2))
    out.append(b"\x01\x00" + bytes(22))  # version 1 "management"
    out.append(b"\x80")
    out.append(b"\x80\x00")
    out.append(mgmt(8, beacon_body(elems=std_elems()))[:23])
    # Wire length longer than captured (snaplen)
    full = data_frame(8, 1, PAYLOADS[0], qos=0)
    out.append((full[:40], len(full)))
    return out


# ---------------------------------------------------------------- radiotap

def radiotap(fields, words=None, extra=b"", length=None, pad_to=None):
    """fields: list of (alignment, bytes) in order; words: presence words."""
    nwords = len(words)
    body = bytearray(b"\0" * (4 + 4 * nwords))
    for al, data in fields:
        while len(body) % al:
            body.append(0)
        body += data
    body += extra
    if pad_to:
        while len(body) < pad_to:
            body.append(0)
    hdr_len = len(body) if length is None else length
    struct.pack_into("<BBH", body, 0, 0, 0, hdr_len)
    for i, w in enumerate(words):
        struct.pack_into("<I", body, 4 + 4 * i, w)
    return bytes(body)


def bits(*ns):
    v = 0
    for n in ns:
        v |= 1 << n
    return v


def f_tsft(v):
    return (8, struct.pack("<Q", v))


def f_u8(v):
    return (1, bytes([v & 0xFF]))


def f_i8(v):
    return (1, struct.pack("<b", v))


def f_u16(v):
    return (2, struct.pack("<H", v))


def f_chan(freq, flags):
    return (2, struct.pack("<HH", freq, flags))


def f_xchan(flags, freq, ch, pwr):
    return (4, struct.pack("<IHBB", flags, freq, ch, pwr))


def f_mcs(known, flags, idx):
    return (1, bytes([known, flags, idx]))


def f_ampdu(ref, flags):
    return (4, struct.pack("<IHBB", ref, flags, 0, 0))


def f_vht(known, flags, bw, mcs_nss, coding, gid, paid):
    return (2, struct.pack("<HBB4sBBH", known, flags, bw, bytes(mcs_nss), coding, gid, paid))


BEACON = mgmt(8, beacon_body(elems=std_elems(b"rtap-net", 6)))
QOS_DATA = data_frame(8, 1, PAYLOADS[0], qos=0)
ACK = ctrl(13, STA, dur=0)
RTS = ctrl(11, STA + AP)
DATA_TODS = data_frame(0, 1, PAYLOADS[4])


def fcs(frame):
    return frame + struct.pack("<I", zlib.crc32(frame) & 0xFFFFFFFF)


def frames_radiotap():
    out = []
    frames = [BEACON, QOS_DATA, ACK, RTS, DATA_TODS]
    # The common Linux mac80211 header: flags, rate, channel, signal, antenna, rx flags
    common = [f_u8(0x00), f_u8(0x02), f_chan(2412, 0x00A0), f_i8(-69), f_u8(1), f_u16(0)]
    w = bits(1, 2, 3, 5, 11, 14)
    for fr in frames:
        out.append(radiotap(common, [w]) + fr)
    # Every channel flag combination tcpdump names
    chans = [(2412, 0x00A0), (2437, 0x00C0), (2462, 0x0480), (5180, 0x0140), (5200, 0x4140), (5220, 0x8140),
             (2417, 0x40C0), (2422, 0x80C0), (5745, 0x0150), (2442, 0x0490), (2402, 0x0880), (2484, 0x0000),
             (907, 0x1000), (5300, 0x2140), (2412, 0x08A0), (2412, 0xFFFF)]
    for i, (freq, fl) in enumerate(chans):
        out.append(radiotap([f_u8(2 * (i + 1)), f_chan(freq, fl)], [bits(2, 3)]) + frames[i % len(frames)])
    # Rates: legacy, FreeBSD-style MCS values, odd values
    for r in (0, 1, 2, 11, 22, 108, 0x7F, 0x80, 0x87, 0x8F, 0x90, 0xFF):
        out.append(radiotap([f_u8(r)], [bits(2)]) + ACK)
    # TSFT (8-byte aligned after the flags byte), every flag bit
    for fl in (0x01, 0x02, 0x04, 0x08, 0x40, 0x80, 0x4F):
        out.append(radiotap([f_tsft(0x0000000123456789 + fl), f_u8(fl), f_u8(12)], [bits(0, 1, 2)]) + BEACON)
    # FCS present (with and without flag), Atheros padding
    out.append(radiotap([f_u8(0x10), f_u8(2)], [bits(1, 2)]) + fcs(BEACON))
    out.append(radiotap([f_u8(0x10), f_u8(2)], [bits(1, 2)]) + fcs(QOS_DATA))
    out.append(radiotap([f_u8(0x10)], [bits(1)]) + fcs(ACK))
    out.append(radiotap([f_u8(0x10)], [bits(1)]) + ACK[:3])
    out.append(radiotap([f_u8(0x10)], [bits(1)]) + ACK[:1])
    qos_hdr = data_frame(8, 1, b"", qos=0)
    out.append(radiotap([f_u8(0x20)], [bits(1)]) + qos_hdr + b"\0\0" + PAYLOADS[0])
    out.append(radiotap([f_u8(0x30)], [bits(1)]) + fcs(qos_hdr + b"\0\0" + PAYLOADS[1]))
    out.append(radiotap([f_u8(0x20)], [bits(1)]) + ACK)
    out.append(radiotap([f_u8(0x20)], [bits(1)]) + qos_hdr + b"\0")
    # Every simple field
    simple = [
        (4, [f_u8(3), f_u8(7)]),  # FHSS
        (5, [f_i8(-40)]), (5, [f_i8(5)]), (6, [f_i8(-95)]), (7, [f_u16(77)]),
        (8, [f_u16(3)]), (8, [f_u16(0x8000)]), (9, [f_u8(6)]), (9, [f_u8(0xFA)]),
        (10, [f_i8(20)]), (10, [f_i8(-3)]), (11, [f_u8(0)]), (11, [f_u8(255)]),
        (12, [f_u8(60)]), (13, [f_u8(11)]), (14, [f_u16(0x0002)]),
        (20, [f_ampdu(0x1234, 0x003F)]),
    ]
    for bit, fl in simple:
        out.append(radiotap([f_u8(0x02)] + fl, [bits(1, bit)]) + ACK)
    # Everything in one header
    allf = [f_tsft(987654321), f_u8(0x12), f_u8(108), f_chan(5180, 0x0140), f_u8(1), f_u8(2), f_i8(-50), f_i8(-92),
            f_u16(90), f_u16(2), f_u8(3), f_i8(15), f_u8(2), f_u8(45), f_u8(5), f_u16(0)]
    out.append(radiotap(allf, [bits(*range(0, 15))]) + fcs(BEACON))
    # XCHANNEL (alone and with CHANNEL, HT flags)
    for xf in (0x000100C0, 0x00010140, 0x00020140, 0x00040140, 0x000000A0, 0x00060480, 0x00070000):
        out.append(radiotap([f_u8(0), f_chan(2412, 0x00A0), f_xchan(xf, 5200, 40, 30)], [bits(1, 3, 18)]) + ACK)
        out.append(radiotap([f_xchan(xf, 2437, 6, 30)], [bits(18)]) + ACK)
    # MCS: every index with known bandwidth and guard interval, both widths and GIs
    for idx in list(range(0, 78)) + [127, 255]:
        for bw, sgi in ((0, 0), (1, 4), (1, 0), (0, 4)):
            out.append(radiotap([f_chan(5180, 0x0140), f_mcs(0x07, bw | sgi, idx)], [bits(3, 19)]) + ACK)
    # MCS: every known bit and flag combination
    for known in (0x00, 0x01, 0x02, 0x03, 0x04, 0x06, 0x08, 0x10, 0x20, 0x3F, 0x7F, 0xFF):
        for flags in (0x00, 0x01, 0x02, 0x03, 0x04, 0x08, 0x10, 0x20, 0x40, 0x60, 0x7F):
            out.append(radiotap([f_u8(0), f_mcs(known, flags, 7)], [bits(2, 19)]) + ACK)
    # VHT: users, coding, bandwidths, guard intervals
    for bw in range(0, 32):
        out.append(radiotap([f_vht(0x0044, 0x04 if bw % 2 else 0, bw, [0x91, 0, 0, 0], 0, 0, 0)], [bits(21)]) + ACK)
    for known, flags, nss, coding in ((0x0000, 0, [0x12, 0x34, 0x56, 0x78], 0x05), (0x0004, 0x04, [0, 0x21, 0, 0x93], 0x0A),
                                      (0x01FF, 0xFF, [0xF1, 0xF2, 0xF3, 0xF4], 0x0F), (0x0040, 0, [0, 0, 0, 0], 0)):
        out.append(radiotap([f_u8(0x10), f_vht(known, flags, 4, nss, coding, 3, 0x1FF)], [bits(1, 21)]) + fcs(QOS_DATA))
    # An 11ac capture as mac80211 writes it: TSFT, flags, channel, signal, rx flags, AMPDU, VHT
    out.append(radiotap([f_tsft(1122334455), f_u8(0x10), f_chan(5180, 0x0140), f_i8(-58), f_u16(0),
                         f_ampdu(42, 0), f_vht(0x0044, 0x04, 4, [0x92, 0, 0, 0], 0x01, 0, 0)],
                        [bits(0, 1, 3, 5, 14, 20, 21)]) + fcs(QOS_DATA))
    # Unknown fields stop the decoding: TX flags, RTS/data retries, timestamp, HE, bit 28
    for unk in (15, 16, 17, 22, 23, 24, 25, 26, 27, 28):
        out.append(radiotap([f_u8(0x02), f_u8(4), f_u16(0), f_i8(-70)], [bits(1, 2, unk, 5)]) + BEACON)
    out.append(radiotap([f_u16(0x0000)], [bits(15, 17, 19)], extra=bytes(8)) + QOS_DATA)
    # Extended presence words: mac80211 with two antennas (radiotap namespace again)
    ext_ns = bits(29, 31)
    out.append(radiotap([f_tsft(555), f_u8(0x10), f_u8(2), f_chan(2437, 0x00A0), f_i8(-45), f_u16(0),
                         f_i8(-47), f_u8(0), f_i8(-46), f_u8(1)],
                        [bits(0, 1, 2, 3, 5, 14) | ext_ns, bits(5, 11) | ext_ns, bits(5, 11)]) + fcs(BEACON))
    # Two presence words: the TSFT after them is padded from offset 12 to 16
    out.append(radiotap([f_tsft(0xFEDCBA9876543210), f_u8(0x02), f_i8(-33)],
                        [bits(0, 1, 5) | ext_ns, bits(5)]) + ACK)
    out.append(radiotap([f_u8(0x02), f_i8(-33), f_tsft(7)],
                        [bits(1, 5) | ext_ns, bits(0)]) + ACK)
    # XChannel with an MCS field: 11n whatever the channel flags
    out.append(radiotap([f_xchan(0x000200C0, 5180, 36, 30), f_mcs(0x1F, 0x11, 15)], [bits(18, 19)]) + ACK)
    out.append(radiotap([f_chan(2412, 0x00A0), f_xchan(0x00010480, 2412, 1, 30), f_mcs(0x07, 0x04, 3)],
                        [bits(3, 18, 19)]) + ACK)
    # A second word in the same namespace: bits 32 and up are not known
    out.append(radiotap([f_u8(0x02), f_u8(1)], [bits(1, 31), bits(0)]) + ACK)
    out.append(radiotap([f_u8(0x02)], [bits(1, 31), 0]) + ACK)
    out.append(radiotap([f_u8(0x02)], [bits(1, 31), bits(31), bits(3)]) + ACK)
    # Vendor namespace: skipped by its length, then back to radiotap
    vendor = (2, b"\x00\x11\x22\x01" + struct.pack("<H", 6) + b"VENDOR")
    out.append(radiotap([f_u8(0x02), f_u8(4), vendor, f_i8(-60)],
                        [bits(1, 2, 30, 31), bits(0, 1, 29, 31), bits(5)]) + BEACON)
    out.append(radiotap([f_u8(0x02), vendor],
                        [bits(1, 30, 31), bits(0, 1)]) + ACK)
    out.append(radiotap([f_u8(0x02), (2, b"\x00\x11\x22\x01" + struct.pack("<H", 40))],
                        [bits(1, 30, 31), bits(0, 29, 31), bits(1)]) + ACK)
    out.append(radiotap([f_u8(0x02), (2, b"\x00\x11")],
                        [bits(1, 30, 31), bits(0)]) + ACK)
    out.append(radiotap([f_u8(0x02)], [bits(1, 29, 30)]) + ACK)  # both namespace bits
    # Headers whose fields do not fit in it_len
    out.append(radiotap([f_u8(0x02), f_u8(4)], [bits(1, 2, 3)]) + ACK)
    out.append(radiotap([f_tsft(1)], [bits(0)], length=12) + bytes(4) + ACK)
    out.append(radiotap([], [bits(19)]) + ACK)
    out.append(radiotap([f_u8(1)], [bits(1, 31)]) + ACK)  # extension word past the header
    out.append(radiotap([], [bits(31)], length=8) + ACK)
    out.append(radiotap([], [0], length=4) + ACK)
    out.append(radiotap([], [0], length=40) + ACK)  # header longer than the packet
    out.append(radiotap([], [0]) + b"")
    out.append(radiotap([], [0])[:6])
    out.append(radiotap([], [0]) + b"\xd4")
    out.append(radiotap([f_u8(0x02)], [bits(1)]) + fc(3, 1) + bytes(10))
    out.append(radiotap([f_u8(0x02)], [bits(1)]) + ctrl(3, STA))
    # iwlwifi-style headers: three presence words, per-chain signal, and an HE
    # frame (bit 23, a field tcpdump does not know)
    iwl0 = bits(1, 2, 3, 5, 7, 14) | ext_ns
    iwl = [f_u8(0x10), f_u8(0x0C), f_chan(2462, 0x00C0), f_i8(-52), f_u16(0), f_u16(0),
           f_i8(-52), f_u8(0), f_i8(-55), f_u8(1)]
    out.append(radiotap(iwl, [iwl0, bits(5, 11) | ext_ns, bits(5, 11)]) + fcs(QOS_DATA))
    he = [f_tsft(42), f_u8(0x10), f_chan(5500, 0x0140), f_i8(-61), f_u16(0), (2, bytes(12))]
    out.append(radiotap(he, [bits(0, 1, 3, 5, 14, 23)]) + fcs(BEACON))
    # QoS data with the Order bit (an HT Control field tcpdump does not skip)
    out.append(radiotap(common, [w]) + data_frame(8, 1, bytes.fromhex("0c000000") + PAYLOADS[0], flags=0x80))
    # FCS cut short by the snapshot length
    framed = radiotap([f_u8(0x10)], [bits(1)]) + fcs(QOS_DATA)
    out.append((framed[:-2], len(framed)))
    # Wire length past the capture
    full = radiotap(common, [w]) + QOS_DATA
    out.append((full[:60], len(full)))
    return out


# ---------------------------------------------------------------- Prism and AVS

def prism_header(channel=6, rssi=40, rate=22):
    h = struct.pack("<II16s", 0x00000041, 144, b"wlan0".ljust(16, b"\0"))
    for did, val in ((0x1041, 0x12345678), (0x2041, 0), (0x3041, channel), (0x4041, rssi), (0x5041, 0),
                     (0x6041, rssi - 90), (0x7041, rate), (0x8041, 0), (0x9041, 0), (0xA041, 0)):
        h += struct.pack("<IHHI", did, 0, 4, val & 0xFFFFFFFF)
    assert len(h) == 144, len(h)
    return h


def avs_header(cookie=0x80211001, hlen=64):
    h = struct.pack(">IIQQIIIIiiIII", cookie, hlen, 123456789, 987654321, 1, 6, 2, 22, -40, -95, 2, 0, 1)
    return (h + bytes(max(0, hlen - len(h))))[:max(hlen, 8)]


def frames_prism():
    out = []
    for fr in (BEACON, QOS_DATA, ACK, RTS, DATA_TODS, mgmt(12, b"\x03\x00", da=STA)):
        out.append(prism_header() + fr)
    out.append(prism_header() + fcs(BEACON)[:40])
    out.append(prism_header()[:100])
    out.append(prism_header()[:3])
    out.append(prism_header())
    out.append(avs_header() + BEACON)
    out.append(avs_header(0x80211002) + QOS_DATA)
    out.append(avs_header(0x80211001, 4) + ACK)
    out.append(avs_header(0x80211001, 200)[:64] + ACK)
    out.append(avs_header()[:7])
    return out


def frames_avs():
    out = []
    for fr in (BEACON, QOS_DATA, ACK, RTS, DATA_TODS):
        out.append(avs_header() + fr)
    out.append(avs_header(0x80211002, 72) + BEACON)
    out.append(avs_header(0x12345678, 8) + ACK)
    out.append(avs_header(0x80211001, 7) + ACK)
    out.append(avs_header(0x80211001, 100)[:64] + ACK)
    out.append(avs_header()[:5])
    out.append(avs_header())
    return out


def ppi(dlt, payload, fields=b"", ln=None, version=0, flags=0):
    hlen = 8 + len(fields) if ln is None else ln
    return struct.pack("<BBHI", version, flags, hlen, dlt) + fields + payload


# PPI 802.11-Common field: TSF, flags, rate, channel frequency and flags, FHSS, dBm
PPI_COMMON = struct.pack("<HH", 2, 20) + struct.pack("<QHHHHBBbb", 123456789, 0x0001, 22, 2437, 0x00A0, 0, 0, -60, -95)
# 802.11n MAC+PHY extension
PPI_MACPHY = struct.pack("<HH", 5, 48) + bytes(48)


def ethernet(dst, src, ethertype, payload):
    return dst + src + struct.pack(">H", ethertype) + payload


def frames_ppi():
    out = []
    eth_arp = ethernet(BCAST, STA, 0x0806, arp_request())
    eth_ip = ethernet(AP, STA, 0x0800, ipv4_udp("192.168.1.23", "8.8.8.8", 53123, 53, DNS_Q))
    icmp = ipv4_icmp_echo("10.0.0.1", "10.0.0.2")
    out.append(ppi(105, BEACON, PPI_COMMON))
    out.append(ppi(105, QOS_DATA, PPI_COMMON + PPI_MACPHY))
    out.append(ppi(105, ACK))
    out.append(ppi(105, DATA_TODS, PPI_COMMON, flags=1))
    out.append(ppi(105, mgmt(12, b"\x07\x00", da=STA)))
    out.append(ppi(127, radiotap([f_u8(0x10), f_u8(4)], [bits(1, 2)]) + fcs(BEACON)))
    out.append(ppi(119, prism_header() + RTS))
    out.append(ppi(163, avs_header() + ACK))
    out.append(ppi(1, eth_arp))
    out.append(ppi(1, eth_ip))
    out.append(ppi(0, struct.pack("<I", 2) + icmp))
    out.append(ppi(108, struct.pack(">I", 2) + icmp))
    out.append(ppi(108, struct.pack(">I", 0x00FF0002) + icmp))  # both halves set: shown swapped
    out.append(ppi(0, struct.pack("<I", 0x02000000) + icmp))
    out.append(ppi(12, icmp))
    out.append(ppi(228, icmp))
    out.append(ppi(229, ipv6_udp()))
    out.append(ppi(113, struct.pack(">HHH", 0, 1, 6) + STA + b"\0\0" + b"\x08\x00" + icmp))
    out.append(ppi(9, b"\xff\x03\x00\x21" + icmp))
    out.append(ppi(104, b"\x0f\x00\x08\x00" + icmp))
    out.append(ppi(192, ppi(105, ACK)))
    out.append(ppi(192, ppi(192, ppi(1, eth_arp))))
    # Link types without a printer: the header and the bytes
    for dlt in (14, 101, 147, 200, 0xFFFFFFFF):
        out.append(ppi(dlt, b"\x01\x02\x03\x04payload"))
    out.append(ppi(105, ACK, version=1))
    # Bad and short headers
    out.append(ppi(105, ACK, ln=4))
    out.append(ppi(105, ACK, ln=7))
    out.append(ppi(105, ACK, ln=65533))
    out.append(ppi(105, ACK, ln=65532))
    out.append(ppi(105, ACK, ln=200))
    out.append(ppi(105, b"")[:6])
    out.append(ppi(105, b""))
    out.append(ppi(105, QOS_DATA)[:40])
    full = ppi(1, eth_ip)
    out.append((full[:50], len(full)))
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    pcap("wifi.pcap", 105, frames_80211())
    pcap("radiotap.pcap", 127, frames_radiotap())
    pcap("prism.pcap", 119, frames_prism())
    pcap("avs.pcap", 163, frames_avs())
    pcap("ppi.pcap", 192, frames_ppi())


if __name__ == "__main__":
    main()
