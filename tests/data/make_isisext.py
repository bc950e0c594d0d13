#!/usr/bin/env python3
"""Writes tests/data/isisext/*.pcap: IS-IS LSPs (802.3 + LLC 0xfefe) carrying
the extended TLVs that src/print/isis_ext.rs decodes: extended IS reachability
(22, 24 alias, 222) with every sub-TLV tcpdump knows, extended IP reachability
(135, 235, 236, 237) with their sub-TLVs, router capability (242) with SR
sub-TLVs, and the SPB TLVs 143/144; plus bad lengths of every kind.
Run once; the pcaps are committed. Needs only the Python standard library."""
import os
import struct

from pktgen import write_pcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "isisext")
os.makedirs(OUT, exist_ok=True)


def pcap(pkts, name):
    write_pcap(os.path.join(OUT, name), 1, pkts)


SRC_MAC = bytes([0x00, 0x1B, 0x21, 0x3C, 0x4D, 0x5E])
L1_ALL = bytes([0x01, 0x80, 0xC2, 0x00, 0x00, 0x14])


def frame(isis):
    llc = b"\xfe\xfe\x03" + isis
    return L1_ALL + SRC_MAC + struct.pack(">H", len(llc)) + llc


def lsp(tlvs, pdu_len=None, ptype=18):
    """An L1 (18) or L2 (20) LSP; checksum 0 (tcpdump leaves it unverified)."""
    body = b"".join(tlvs)
    n = 27 + len(body) if pdu_len is None else pdu_len
    common = bytes([0x83, 27, 1, 0, ptype, 1, 0, 0])
    hdr = struct.pack(">HH", n, 1199) + bytes.fromhex("1921680010010000") + struct.pack(">IHB", 0x2A, 0, 0x03)
    return frame(common + hdr + body)


def tlv(t, v):
    return bytes([t, len(v) & 0xFF]) + v


def tlv_len(t, n, v):
    """A TLV whose length field says `n` whatever the value holds."""
    return bytes([t, n]) + v


def st(t, v):
    return bytes([t, len(v) & 0xFF]) + v


def f32(x):
    return struct.pack(">f", x)


def u24(x):
    return struct.pack(">I", x)[1:]


NID = bytes.fromhex("19216800200201")
NID2 = bytes.fromhex("aabbccddeeff00")


def is_entry(nid, metric, subs, alias=False, sumlen=None):
    s = b"".join(subs)
    n = len(s) if sumlen is None else sumlen
    return nid + (b"" if alias else u24(metric)) + bytes([n]) + s


INF = struct.pack(">I", 0x7F800000)
NINF = struct.pack(">I", 0xFF800000)
NAN = struct.pack(">I", 0x7FC00000)
NNAN = struct.pack(">I", 0xFFC00000)

te_subs = [
    st(3, struct.pack(">I", 0x000000F0)),
    st(4, struct.pack(">II", 7, 9)),
    st(4, struct.pack(">I", 11)),
    st(5, struct.pack(">I", 0xDEADBEEF)),
    st(5, b"\x01\x02"),
    st(6, bytes([10, 1, 2, 1])),
    st(8, bytes([10, 1, 2, 2])),
    st(6, bytes([10, 1])),
    st(9, f32(1.25e9)),
    st(10, f32(1e8 / 8)),
    st(9, INF),
    st(10, NAN),
    st(9, b"\x00"),
    st(11, b"".join(f32(x) for x in (1e9, 9e8, 8e8, 7e8, 0.0, 1.5, 123456.789, 1e-3))),
    st(11, f32(1.0) * 4),
    st(18, u24(1000)),
    st(18, u24(0xFFFFFF) + b"\x00"),
    st(18, b"\x01"),
    st(19, struct.pack(">H", 0x0005)),
    st(19, struct.pack(">H", 0x0100)),
    st(19, struct.pack(">I", 1)),
    st(20, bytes([0x12, 3])),
    st(20, bytes([0xC0, 7, 9])),
    st(20, bytes([0x00, 0])),
    st(20, b"\x01"),
]

bc_subs = [
    st(22, bytes([1]) + b"".join(f32(x) for x in (1e9, 5e8, 2.5e8))),
    st(22, bytes([0]) + f32(1e9) + b"\x01\x02"),
    st(22, bytes([254])),
    st(22, b""),
    st(12, bytes([7]) + f32(3e6) + NINF),
    st(29, u24(20) + bytes([5]) + struct.pack(">H", 4000)),
    st(29, u24(20) + bytes([5])),
    st(250, b"\x01\x02\x03"),
    st(255, b""),
    st(7, b"\xaa\xbb\xcc\xdd\xee\xff\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xab"),
]


def iscd(cap, enc, extra):
    return st(21, bytes([cap, enc, 0, 0]) + b"".join(f32(1e9 / (i + 1)) for i in range(8)) + extra)


iscd_subs = [
    iscd(1, 1, f32(1e6) + struct.pack(">H", 1500)),
    iscd(4, 2, f32(2e6)),
    iscd(100, 5, f32(155e6) + bytes([1, 0, 0, 0])),
    iscd(100, 5, f32(155e6) + bytes([0, 0, 0, 0])),
    iscd(100, 5, f32(155e6) + bytes([9, 0, 0, 0])),
    iscd(51, 2, b""),
    iscd(150, 8, b"\x01\x02\x03\x04\x05"),
    st(21, bytes([1, 1, 0, 0]) + f32(1.0) * 7),
]

adj_subs = [
    st(32, bytes([0x30, 10]) + bytes.fromhex("192168003003") + u24(16001)),
    st(32, bytes([0x00, 0]) + bytes.fromhex("192168003004") + struct.pack(">I", 70000)),
    st(32, bytes([0x20, 1]) + bytes.fromhex("192168003005") + u24(3)),
    st(32, bytes([0xFC, 255]) + bytes.fromhex("192168003006") + struct.pack(">I", 5)),
    st(32, bytes([0x10, 2]) + bytes.fromhex("192168003007")),
    st(32, bytes([0x30, 2]) + bytes.fromhex("1921680030")),
]


def ip4_entry(metric, plen, prefix, subs=None, down=False, sublen=None):
    status = plen | (0x80 if down else 0) | (0x40 if subs is not None else 0)
    nb = (plen + 7) // 8
    e = struct.pack(">IB", metric, status) + prefix[:nb]
    if subs is not None:
        s = b"".join(subs)
        e += bytes([len(s) if sublen is None else sublen]) + s
    return e


def ip6_entry(metric, plen, prefix, subs=None, down=False, ext=False, sublen=None):
    status = (0x80 if down else 0) | (0x40 if ext else 0) | (0x20 if subs is not None else 0)
    nb = (plen + 7) // 8
    e = struct.pack(">IBB", metric, status, plen) + prefix[:nb]
    if subs is not None:
        s = b"".join(subs)
        e += bytes([len(s) if sublen is None else sublen]) + s
    return e


V4A = bytes([10, 20, 30, 40])
V6A = bytes.fromhex("20010db8000100020003000400050006")

ip_subs = [
    st(1, struct.pack(">II", 100, 0xFFFFFFFF)),
    st(1, struct.pack(">I", 5) + b"\x01\x02"),
    st(2, struct.pack(">QQ", 0x0102030405060708, 0xFFFFFFFFFFFFFFFF)),
    st(2, b"\x01\x02\x03"),
    st(117, struct.pack(">I", 42)),
    st(3, bytes([0x40, 0]) + struct.pack(">I", 101)),
    st(3, bytes([0x0C, 1]) + u24(16005)),
    st(3, bytes([0xF0, 2]) + struct.pack(">I", 0)),
    st(3, bytes([0x00, 0])),
    st(3, bytes([0x08, 0, 0, 1])),
    st(99, b"\x11\x22\x33"),
]


def mtid(mt, flags=0):
    return struct.pack(">H", (mt & 0x0FFF) | flags)


def sr_cap(flags, rng, sids):
    return st(2, bytes([flags]) + u24(rng) + b"".join(sids))


def rtr_cap(rid, flags, subs):
    return tlv(242, rid + bytes([flags]) + b"".join(subs))


def mcid(fmt, name, lvl, digest):
    return bytes([fmt]) + name.ljust(32, b"\x00")[:32] + struct.pack(">H", lvl) + digest


def port_cap(mt, subs, res=0):
    return tlv(143, struct.pack(">H", (res << 12) | mt) + b"".join(subs))


def mt_cap(mt, subs, o=0, res=0):
    return tlv(144, struct.pack(">H", (o << 15) | (res << 12) | mt) + b"".join(subs))


def spb_inst(trees, ntrees=None, extra=b""):
    body = bytes.fromhex("8000001122334455") + struct.pack(">IH", 0x10, 0x8000)
    body += struct.pack(">I", 0x0005_0123 | 0x0010_0000 | 0xA0000000)
    body += bytes([len(trees) if ntrees is None else ntrees])
    for u, m, a, res, ect, bvid, spvid in trees:
        body += bytes([(u << 7) | (m << 6) | (a << 5) | res]) + struct.pack(">I", ect)
        body += u24((bvid << 12) | spvid)
    return st(1, body + extra)


def spbm_si(bmac, vid, isids, res=0):
    body = bmac + struct.pack(">H", (res << 12) | vid)
    for t, r, rs, isid in isids:
        body += struct.pack(">I", (t << 31) | (r << 30) | (rs << 24) | isid)
    return st(3, body)


# ---- main capture: well-formed TLVs ----
main = [
    lsp([tlv(22, is_entry(NID, 10, te_subs[:12]))]),
    lsp([tlv(22, is_entry(NID, 0xABCDEF, te_subs[12:]))]),
    lsp([tlv(22, is_entry(NID2, 1, bc_subs))]),
    lsp([tlv(22, is_entry(NID, 5, iscd_subs[:4]))]),
    lsp([tlv(22, is_entry(NID, 5, iscd_subs[4:]))]),
    lsp([tlv(22, is_entry(NID, 20, adj_subs))]),
    lsp([tlv(22, is_entry(NID, 10, []) + is_entry(NID2, 20, []) + is_entry(NID, 30, [st(18, u24(3))]))]),
    lsp([tlv(24, is_entry(NID, 0, [], alias=True) + is_entry(NID2, 0, [st(3, b"\0\0\0\1")], alias=True))]),
    lsp([tlv(222, mtid(2) + is_entry(NID, 10, [st(6, V4A)])),
         tlv(222, mtid(0, 0xC000) + is_entry(NID2, 7, [])),
         tlv(222, mtid(4095, 0x4000) + is_entry(NID2, 7, [])),
         tlv(222, mtid(77, 0x8000) + is_entry(NID2, 7, [])),
         tlv(222, mtid(3, 0x3000))]),
    lsp([tlv(135, ip4_entry(10, 24, V4A) + ip4_entry(0xFFFFFFFF, 32, V4A, down=True)
             + ip4_entry(1, 0, b"") + ip4_entry(7, 9, bytes([172, 16, 0, 0])))]),
    lsp([tlv(135, ip4_entry(10, 32, V4A, ip_subs[:6]) + ip4_entry(11, 8, V4A, []))]),
    lsp([tlv(135, ip4_entry(10, 30, V4A, ip_subs[6:]))]),
    lsp([tlv(235, mtid(0) + ip4_entry(10, 16, V4A, ip_subs[5:6])),
         tlv(235, mtid(1, 0x8000) + ip4_entry(99, 12, V4A, down=True))]),
    lsp([tlv(236, ip6_entry(10, 64, V6A) + ip6_entry(20, 128, V6A, down=True, ext=True)
             + ip6_entry(30, 0, b"") + ip6_entry(40, 61, V6A, ext=True))]),
    lsp([tlv(236, ip6_entry(10, 128, V6A, ip_subs[:4], ext=True) + ip6_entry(10, 48, V6A, ip_subs[4:8]))]),
    lsp([tlv(237, mtid(2) + ip6_entry(10, 64, V6A, [st(3, bytes([0x40, 0]) + struct.pack(">I", 7))])),
         tlv(237, mtid(2, 0x4000) + ip6_entry(5, 127, V6A, down=True))]),
    lsp([rtr_cap(bytes([10, 0, 0, 1]), 0x03, [sr_cap(0xC0, 8000, [st(1, u24(16000))])]),
         rtr_cap(bytes([10, 0, 0, 2]), 0x00, [sr_cap(0x80, 100, [st(1, struct.pack(">I", 900000))]),
                                               st(19, b"\x00\x01"), st(2, b"\x40\x00\x00\x10"),
                                               sr_cap(0x00, 5, [st(1, b"\x01\x02"), st(2, b"\xaa\xbb\xcc")])]),
         rtr_cap(bytes([10, 0, 0, 3]), 0x01, []),
         rtr_cap(bytes([10, 0, 0, 4]), 0x02, [sr_cap(0x40, 1, [st(1, b"\x00\x00\x01\x02\x03\x04\x05")])])]),
    lsp([port_cap(1, [st(4, mcid(0, b"region-one", 3, bytes(range(16))) + mcid(1, b"aux\x01\xffname", 0xFFFF, bytes(range(16, 32))))]),
         port_cap(0xFFF, [st(5, bytes([0xB6]) + b"".join(struct.pack(">I", 0x11111111 * (i + 1)) for i in range(8)))], res=0xA),
         port_cap(2, [st(6, struct.pack(">IH", 0x0080C201, (100 << 4) | 0x8) + struct.pack(">IH", 0x0080C202, (4094 << 4) | 0x4)),
                      st(9, b"\x01\x02\x03")])]),
    lsp([mt_cap(1, [spb_inst([(1, 0, 1, 3, 0x0080C201, 100, 200), (0, 1, 0, 0x1F, 0x0080C202, 4095, 1)])], o=1, res=5),
         mt_cap(2, [spbm_si(bytes.fromhex("0a0b0c0d0e0f"), 100, [(1, 0, 0, 0xFFFFFF), (0, 1, 0x3F, 1)], res=3),
                    st(7, b"\x01")]),
         mt_cap(3, [spb_inst([])])]),
]

# odd floats: negative zero, tiny negatives, huge values, subnormals
odd_bw = [struct.pack(">I", v) for v in (0x80000000, 0xB0000000, 0x7F7FFFFF, 0x70000000, 0x00000001, 0x3E99999A,
                                           0xFF7FFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 0x4B189680, 0x49742400)]
main.append(lsp([tlv(22, is_entry(NID, 1, [st(9, b) for b in odd_bw]))]))
main.append(lsp([tlv(22, is_entry(NID, 1, [st(11, b"".join(odd_bw[:8])), st(22, bytes([1]) + b"".join(odd_bw[3:]))]))]))

# ---- edge capture: bad lengths, short sub-TLVs, lies ----
edge = [
    # sub-TLV sum longer than the TLV, sub-TLV longer than the sum
    lsp([tlv(22, is_entry(NID, 10, [st(3, b"\0\0\0\1")], sumlen=40))]),
    lsp([tlv(22, is_entry(NID, 10, [st(3, b"\0\0\0\1")], sumlen=4))]),
    lsp([tlv(22, is_entry(NID, 10, [st(3, b"\0\0\0\1")], sumlen=7))]),
    lsp([tlv(22, is_entry(NID, 10, [st(3, b"\0\0\0\1"), b"\x03"], sumlen=7))]),
    lsp([tlv(22, is_entry(NID, 10, [st(3, b"\0\0\0\1")]) + b"\x01")]),
    lsp([tlv(22, NID + b"\x00\x00")]),
    lsp([tlv(22, NID[:5])]),
    lsp([tlv(22, NID + u24(4))]),
    lsp([tlv(24, NID)]),
    lsp([tlv(222, b"\x00")]),
    lsp([tlv(222, mtid(0) + NID)]),
    # sub-TLVs whose own decoders step past the sub-TLV (unreserved BW, BC)
    lsp([tlv(22, is_entry(NID, 10, [st(11, f32(1.0) * 8), st(22, bytes([1]) + f32(2.0))])),
         tlv(22, is_entry(NID, 10, [st(11, f32(1.0) * 8)]) + is_entry(NID2, 1, []))]),
    # extended IP reachability: bad prefix lengths, sub-TLV sums that lie
    lsp([tlv(135, ip4_entry(10, 33, V4A))]),
    lsp([tlv(135, struct.pack(">IB", 1, 0x3F) + V4A)]),
    lsp([tlv(236, struct.pack(">IBB", 1, 0, 129) + V6A)]),
    lsp([tlv(236, struct.pack(">IBB", 1, 0, 255) + V6A)]),
    lsp([tlv(135, ip4_entry(10, 24, V4A) + b"\x00\x00")]),
    lsp([tlv(135, ip4_entry(10, 24, V4A, [st(1, b"\0\0\0\1")], sublen=3))]),
    lsp([tlv(135, ip4_entry(10, 24, V4A, [st(1, b"\0\0\0\1")], sublen=20))]),
    lsp([tlv(135, ip4_entry(10, 24, V4A, [st(1, b"\0\0\0\1")], sublen=5)), tlv(200, b"\x01\x49")]),
    lsp([tlv_len(135, 9, ip4_entry(10, 24, V4A, [st(200, b"\0\0\0\1")]))]),
    lsp([tlv(236, ip6_entry(10, 64, V6A, [st(3, bytes([0x08, 0, 1]))]))]),
    lsp([tlv(236, ip6_entry(10, 64, V6A, [st(3, bytes([0x00, 0, 1, 2, 3]))]))]),
    lsp([tlv(237, b"\x00")]),
    lsp([tlv(235, mtid(0) + struct.pack(">IB", 3, 0x40 | 8) + b"\x0a")]),
    # router capability: short, sub-TLV longer than the TLV, SR cap shorter than 4
    lsp([tlv(242, bytes([10, 0, 0, 1]))]),
    lsp([tlv(242, bytes([10, 0, 0, 1, 0]) + b"\x02")]),
    lsp([tlv(242, bytes([10, 0, 0, 1, 0]) + st(2, b"\x80\x00\x00\x05") + b"\x02\x30\x00")]),
    lsp([tlv(242, bytes([10, 0, 0, 1, 0]) + st(2, b"\x80\x00") + bytes(12))]),
    lsp([tlv(242, bytes([10, 0, 0, 1, 0]) + st(2, b"\x80\x00\x00\x05\x01\x09\x00\x00\x00"))]),
    # SPB: too short, too long, trees past the sub-TLV
    lsp([port_cap(1, [st(4, bytes(101))])]),
    lsp([port_cap(1, [st(5, bytes(32))])]),
    lsp([port_cap(1, [st(6, struct.pack(">I", 1))])]),
    lsp([port_cap(1, [st(6, struct.pack(">IHI", 1, 2, 3))])]),
    lsp([port_cap(1, [b"\x06\x20\x00\x00"])]),
    lsp([port_cap(1, [b"\x06"])]),
    lsp([tlv(143, b"\x00")]),
    lsp([mt_cap(1, [st(1, bytes(18))])]),
    lsp([mt_cap(1, [spb_inst([(1, 1, 1, 1, 1, 1, 1)], ntrees=3)])]),
    lsp([mt_cap(1, [st(3, bytes(7))])]),
    lsp([mt_cap(1, [b"\x01\x40" + bytes(10)])]),
    lsp([tlv(144, b"\x80")]),
    # PDU length shorter than the TLVs: everything stops at the capture anyway
    lsp([tlv(22, is_entry(NID, 10, te_subs[:3])), tlv(135, ip4_entry(1, 24, V4A))], pdu_len=40),
    # an L2 LSP with a little of everything
    lsp([tlv(22, is_entry(NID, 10, [st(6, V4A), st(8, bytes([10, 20, 30, 41]))])),
         tlv(135, ip4_entry(10, 24, V4A, [st(3, bytes([0x40, 0]) + struct.pack(">I", 1))])),
         tlv(236, ip6_entry(10, 64, V6A)),
         rtr_cap(bytes([10, 0, 0, 9]), 0, [sr_cap(0xC0, 8000, [st(1, u24(16000))])])], ptype=20),
]

pcap(main, "isisext.pcap")
pcap(edge, "isisext-edge.pcap")
