"""Helpers the tests/data/make_*.py scripts share: big-endian packers, the
Internet checksum and ATM's CRC-10, hand-built Ethernet, IPv4, IPv6 and UDP headers, and a
classic pcap writer with fixed timestamps. Standard library only, so the
scripts that need no scapy still need none; what the scapy-based scripts share
on top of it is in pktgen_scapy.py.

The scripts import it by name: run as `python3 tests/data/make_X.py ...`,
a script's own directory is on sys.path.
"""
import socket
import struct

# Packet i of a file is stamped T0 + i seconds.
T0 = 1700000000


def u8(v):
    return struct.pack(">B", v)


def u16(v):
    return struct.pack(">H", v)


def u32(v):
    return struct.pack(">I", v)


def u64(v):
    return struct.pack(">Q", v)


def v4(s):
    """A dotted IPv4 address as 4 bytes."""
    return socket.inet_aton(s)


def v6(s):
    """A textual IPv6 address as 16 bytes."""
    return socket.inet_pton(socket.AF_INET6, s)


def inet_sum(b):
    """The Internet checksum (RFC 1071) of b, padded to an even length."""
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def _crc10_table():
    table = []
    for i in range(256):
        a = i << 2
        for _ in range(8):
            a <<= 1
            if a & 0x400:
                a ^= 0x633
        table.append(a & 0xFFFF)
    return table


_CRC10 = _crc10_table()


def crc10(d):
    """The CRC-10 of ATM OAM cells (generator 0x633) over d."""
    acc = 0
    for b in d:
        acc = ((acc << 8) & 0x3FF) ^ _CRC10[(acc >> 2) & 0xFF] ^ b
    return acc


MAC_A = b"\x00\x11\x22\x33\x44\x55"
MAC_B = b"\x66\x77\x88\x99\xaa\xbb"
IP4_A, IP4_B = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
IP6_A, IP6_B = bytes(15) + b"\x01", bytes(15) + b"\x02"


def eth(ethertype, payload, dst=MAC_A, src=MAC_B):
    return dst + src + struct.pack(">H", ethertype) + payload


def ip4(proto, payload, src=IP4_A, dst=IP4_B, ttl=64, ident=1, frag=0):
    """An option-less IPv4 header with a valid checksum, then payload; the
    addresses are 4 bytes (or 4 numbers)."""
    h = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, frag, ttl, proto, 0,
                    bytes(src), bytes(dst))
    return h[:10] + struct.pack(">H", inet_sum(h)) + h[12:] + payload


def ip6(nh, payload, src=IP6_A, dst=IP6_B, hlim=64):
    """A plain IPv6 header (no traffic class or flow label), then payload."""
    return struct.pack(">IHBB", 0x60000000, len(payload), nh, hlim) + src + dst + payload


def udp(sport, dport, payload):
    """A UDP header with no checksum, then payload."""
    return struct.pack(">HHHH", sport, dport, 8 + len(payload), 0) + payload


def eth_udp(payload, sport, dport, v6=False, src=None, dst=None):
    """UDP over IPv4, or over IPv6 with v6, over Ethernet (MAC_B to MAC_A). The
    addresses default to IP4_A and IP4_B (IP6_A and IP6_B with v6)."""
    u = udp(sport, dport, payload)
    if v6:
        return eth(0x86DD, ip6(17, u, src or IP6_A, dst or IP6_B))
    return eth(0x0800, ip4(17, u, src or IP4_A, dst or IP4_B))


def write_pcap(path, linktype, frames, usec_step=0, snaplen=65535):
    """Writes frames to a classic little-endian pcap file: frame i at T0 + i
    seconds and (i * usec_step) % 1000000 microseconds. A frame is its bytes,
    or (captured bytes, length on the wire) for one cut short."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen, linktype))
        for i, fr in enumerate(frames):
            data, wire = fr if isinstance(fr, tuple) else (fr, len(fr))
            f.write(struct.pack("<IIII", T0 + i, (i * usec_step) % 1000000, len(data), wire))
            f.write(data)
