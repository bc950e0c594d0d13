#!/usr/bin/env python3
"""Writes tests/data/osi/*.pcap: OSI PDUs (IS-IS, CLNP, ES-IS and the other
NLPIDs) on 802.3/LLC frames, and the same PDUs on every link rfilter hands OSI
from (ethertype 0xfefe, Cisco HDLC, Frame Relay, PPP, BSD loopback, GRE, MPLS).
Well-formed PDUs with valid checksums as well as every malformation tcpdump's
print-isoclns.c reports. Run once; the pcaps are committed."""
import os
import struct

from pktgen import write_pcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "osi")


def pcap(pkts, name, linktype=1):
    write_pcap(os.path.join(OUT, name), linktype, pkts)


def osi_cksum(pdu, off):
    """Fills the Fletcher checksum at off so that it verifies (ISO 8473)."""
    b = bytearray(pdu)
    b[off:off + 2] = b"\x00\x00"
    c0 = c1 = 0
    for v in b:
        c0 = (c0 + v) % 255
        c1 = (c1 + c0) % 255
    n = len(b)
    x = ((n - off - 1) * c0 - c1) % 255
    y = (c1 - (n - off) * c0) % 255
    if x == 0:
        x = 255
    if y == 0:
        y = 255
    b[off] = x
    b[off + 1] = y
    return bytes(b)


MAC1 = bytes.fromhex("0180c2000014")
MAC2 = bytes.fromhex("00005e0053ab")


def llc(pdu, dst=MAC1):
    """802.3 frame with LLC SAP 0xfe UI."""
    body = b"\xfe\xfe\x03" + pdu
    return dst + MAC2 + struct.pack(">H", len(body)) + body


def tlv(t, v):
    return bytes([t, len(v)]) + v


SYS1 = bytes.fromhex("192168001001")
SYS2 = bytes.fromhex("192168001002")


def isis_hdr(pdu_type, hdr, tlvs, fixed=None, version=1, idlen=0, pdu_v=1, max_area=0, pdu_len_fix=None):
    fixed_len = 8 + len(hdr) if fixed is None else fixed
    common = bytes([0x83, fixed_len, version, idlen, pdu_type, pdu_v, 0, max_area])
    return common + hdr, tlvs


def iih_lan(level, tlvs, prio=64, **kw):
    hdr_wo = bytes([level]) + SYS1 + struct.pack(">H", 30)
    total = 8 + 19 + len(tlvs)
    hdr = hdr_wo + struct.pack(">H", kw.pop("pdu_len", total)) + bytes([prio]) + SYS2 + b"\x01"
    c, t = isis_hdr(14 + level, hdr, tlvs, **kw)
    return c + t


def iih_p2p(tlvs, circ=3, **kw):
    total = 8 + 12 + len(tlvs)
    hdr = bytes([circ]) + SYS1 + struct.pack(">H", 30) + struct.pack(">H", kw.pop("pdu_len", total)) + b"\x07"
    c, t = isis_hdr(17, hdr, tlvs, **kw)
    return c + t


def lsp(level, tlvs, seq=0x1e2, life=1199, typeblock=0x03, good_ck=True, **kw):
    total = 8 + 19 + len(tlvs)
    pdu_len = kw.pop("pdu_len", total)
    hdr = struct.pack(">HH", pdu_len, life) + SYS1 + b"\x00\x00" + struct.pack(">IH", seq, 0) + bytes([typeblock])
    c, t = isis_hdr(18 if level == 1 else 20, hdr, tlvs, **kw)
    p = c + t
    if good_ck:
        # the checksum covers the PDU from the LSP ID on
        body = osi_cksum(p[12:], 12)
        p = p[:12] + body
    else:
        p = p[:24] + b"\x12\x34" + p[26:]
    return p


def csnp(level, tlvs, **kw):
    total = 8 + 25 + len(tlvs)
    hdr = struct.pack(">H", kw.pop("pdu_len", total)) + SYS1 + b"\x00" + bytes(8) + b"\xff" * 8
    c, t = isis_hdr(23 + level, hdr, tlvs, **kw)
    return c + t


def psnp(level, tlvs, **kw):
    total = 8 + 9 + len(tlvs)
    hdr = struct.pack(">H", kw.pop("pdu_len", total)) + SYS1 + b"\x00"
    c, t = isis_hdr(25 + level, hdr, tlvs, **kw)
    return c + t


AREA = tlv(1, b"\x03\x49\x00\x01" + b"\x07\x39\x84\x0f\x80\x00\x00\x01")
PROTOS = tlv(129, b"\xcc\x8e\x81\x55")
IPIF = tlv(132, bytes([10, 0, 0, 1, 10, 0, 0, 2]))
IP6IF = tlv(232, bytes.fromhex("fe800000000000000200000000000001"))
HOST = tlv(137, b"router-1\x01\xff")
TE = tlv(134, bytes([1, 1, 1, 1]))
MB = bytes([10, 0x80, 0x80, 0x80])
MB_ALL = bytes([0x4a, 0x05, 0x46, 0x07])
ISREACH = tlv(2, b"\x00" + MB + SYS2 + b"\x01" + MB_ALL + SYS2 + b"\x02")
ESN = tlv(3, MB + SYS1 + MB_ALL + SYS2)
IPREACH = tlv(128, MB + bytes([10, 1, 0, 0, 255, 255, 0, 0]) + bytes([0xca, 0x85, 0x80, 0x03]) +
              bytes([192, 168, 1, 0, 255, 0, 255, 0]) + bytes([0, 0x80, 0x80, 0x80]) + bytes([0, 0, 0, 0, 0, 0, 0, 0]))
IPEXT = tlv(130, MB + bytes([172, 16, 0, 0, 255, 240, 0, 0]) + bytes([1, 2]))
LSPENT = tlv(9, struct.pack(">H", 1199) + SYS1 + b"\x00\x00" + struct.pack(">IH", 7, 0xabcd) +
             struct.pack(">H", 0) + SYS2 + b"\x01\x02" + struct.pack(">IH", 0xffffffff, 0))


pkts = []
# LAN hellos, every classic hello TLV
pkts.append(llc(iih_lan(1, AREA + tlv(6, MAC1 + MAC2) + PROTOS + IPIF + IP6IF + tlv(8, bytes(20)))))
pkts.append(llc(iih_lan(2, AREA + tlv(211, b"\x01") + tlv(211, b"\x07\x00\x1e") + tlv(211, b"\x02\x00\x1e" + SYS2) +
                           tlv(211, b"\x00\x00") + tlv(211, b"") + tlv(7, b"\x00\x05\x00\x01\x00\x02") +
                           tlv(7, b"\x00\x05\x00") + tlv(241, b"\x00\x00\x01\x00") + tlv(241, b"\x01"), prio=0xc0)))
# authentication of every kind
pkts.append(llc(iih_lan(1, tlv(10, b"\x01secret\x00x") + tlv(10, b"\x36" + bytes(range(16))) +
                           tlv(10, b"\x36" + bytes(5)) + tlv(10, b"\x03\x00\x07" + bytes(range(8))) +
                           tlv(10, b"\x03\x00") + tlv(10, b"\xff\x01\x02\x03") + tlv(10, b"\x09abc") + tlv(10, b""))))
# point-to-point hellos, adjacency states
for adj in [b"\x00", b"\x01\x00\x00\x00\x05", b"\x02\x00\x00\x00\x05" + SYS2,
            b"\x00\x00\x00\x00\x05" + SYS2 + b"\x00\x00\x00\x09", b"\x07\x00\x00", b""]:
    pkts.append(llc(iih_p2p(AREA + tlv(240, adj) + PROTOS)))
pkts.append(llc(iih_p2p(tlv(129, b""), circ=9)))
# LSPs: reachability, names, checksums, flags
pkts.append(llc(lsp(2, AREA + PROTOS + HOST + TE + IPIF + ISREACH + ESN + IPREACH + IPEXT)))
pkts.append(llc(lsp(1, tlv(2, b"\x05" + MB + SYS2 + b"\x00" + b"\x01") + tlv(2, b"") + tlv(3, MB + SYS1[:3]),
                    typeblock=0xff, good_ck=False)))
pkts.append(llc(lsp(2, tlv(128, MB + bytes(5)) + TE, typeblock=0x04)))
pkts.append(llc(lsp(1, tlv(138, SYS2 + b"\x01" + b"\x01" + bytes([10, 0, 0, 1, 10, 0, 0, 2]) + b"\x00\x00\x00\x05\x00\x00\x00\x06") +
                    tlv(138, SYS2 + b"\x00\x00" + bytes([10, 0, 0, 1])) + tlv(138, SYS2 + b"\x01" + bytes(8) + b"\x01\x02") +
                    tlv(138, b"\x01") + tlv(138, SYS2 + b"\x01" + b"\x00"), typeblock=0x38)))
pkts.append(llc(lsp(2, tlv(12, b"\x00\x00") + tlv(12, b"\x12\x34") + tlv(12, b"\x01") + tlv(14, b"\x05\xdc") + tlv(14, b"\x05") +
                    tlv(4, SYS2 + SYS1) + tlv(4, SYS2[:4]) + tlv(131, b"\x02\xfd\xe8") + tlv(131, b"\x01\xaa\xbb") +
                    tlv(131, b"\x07") + tlv(131, b"\x02\x01") + tlv(131, b""), typeblock=0x43)))
pkts.append(llc(lsp(1, tlv(5, MB_ALL + b"\x08\x49\x00\x01\x02" + b"\x01") + tlv(5, MB + b"\x06\x49\x00") +
                    tlv(5, MB + b"\x08\x49") + tlv(5, MB[:2]) + tlv(13, b"\x01" + SYS2) + tlv(13, b"\x02" + SYS2 + SYS1) +
                    tlv(13, b"\x00") + tlv(13, b"\x02" + SYS2 + SYS1[:2]) + tlv(13, b""), life=0, seq=0xffffffff)))
pkts.append(llc(lsp(2, tlv(242, bytes([1, 2, 3, 4, 3])) + tlv(242, bytes([1, 2, 3])) + tlv(250, b"\x00\x00\x0c\x01\x02\x03") +
                    tlv(250, b"\x00\x90\x69") + tlv(250, b"\x00") + tlv(42, b"\x01\x02\x03") + tlv(66, b"") + tlv(200, b"\xaa" * 20) +
                    tlv(143, b"\x10\x05") + tlv(144, b"\x90\x01") + tlv(143, b"\x01") + tlv(144, b""))))
pkts.append(llc(lsp(1, tlv(1, b"\x05\x49") + tlv(1, b"\x00") + tlv(1, b"\x15" + bytes(21)) + tlv(6, MAC1[:4]) + tlv(232, bytes(15)) +
                    tlv(132, bytes(3)) + tlv(134, bytes(3)) + tlv(7, b"\x00\x01") + tlv(9, bytes(10)))))
# sequence number PDUs
pkts.append(llc(csnp(1, LSPENT)))
pkts.append(llc(csnp(2, LSPENT + tlv(9, bytes(16)))))
pkts.append(llc(psnp(1, LSPENT)))
pkts.append(llc(psnp(2, tlv(9, bytes(20)))))
# header problems
pkts.append(llc(iih_lan(1, AREA, version=2)))
pkts.append(llc(iih_lan(1, AREA, idlen=3)))
pkts.append(llc(iih_lan(1, AREA, idlen=6)))
pkts.append(llc(iih_lan(1, AREA, pdu_v=2)))
pkts.append(llc(iih_lan(1, AREA, fixed=200)))
pkts.append(llc(iih_lan(1, AREA, fixed=5)))
pkts.append(llc(iih_lan(1, AREA, max_area=255)))
pkts.append(llc(iih_lan(1, AREA, max_area=4)))
pkts.append(llc(iih_lan(1, AREA, fixed=26)))
pkts.append(llc(iih_p2p(AREA, fixed=27)))
pkts.append(llc(lsp(1, AREA, fixed=20, good_ck=False)))
pkts.append(llc(csnp(1, AREA, fixed=20)))
pkts.append(llc(psnp(1, AREA, fixed=20)))
pkts.append(llc(iih_lan(1, AREA, pdu_len=10)))
pkts.append(llc(iih_lan(1, AREA + HOST, pdu_len=40)))
pkts.append(llc(lsp(2, AREA + HOST, pdu_len=30)))
pkts.append(llc(lsp(2, AREA + HOST, pdu_len=0, good_ck=False)))
pkts.append(llc(iih_lan(1, AREA + b"\x81\x10\xcc")))
pkts.append(llc(iih_lan(1, AREA + b"\x81")))
pkts.append(llc(b"\x83\x08\x01\x00\x13\x01\x00\x00" + AREA))
pkts.append(llc(b"\x83\x08\x01\x00\x13\x01\x00"))
pkts.append(llc(b"\x83\x1b\x01\x00\x10\x01\x00\x00" + bytes(8)))
pcap(pkts, "isis.pcap")

# ---- CLNP ----
NSAP_D = bytes.fromhex("490001192168001001" + "00")
NSAP_S = bytes.fromhex("47000580ffff000000000100001921680010020" + "0")


def clnp(ptype, opts=b"", data=b"", flags=0x80, seg=True, dst=NSAP_D, src=NSAP_S, version=1, li=None, lifetime=0x21,
         good_ck=True):
    addr = bytes([len(dst)]) + dst + bytes([len(src)]) + src
    segp = struct.pack(">HHH", 0x1234, 0, 0) if seg and flags & 0x80 else b""
    hl = 9 + len(addr) + len(segp) + len(opts)
    total = hl + len(data)
    if segp:
        segp = struct.pack(">HHH", 0x1234, 0, total)
    hdr = bytes([0x81, hl if li is None else li, version, lifetime, flags | ptype]) + struct.pack(">HH", total, 0)
    p = hdr + addr + segp + opts + data
    if good_ck:
        p = osi_cksum(p[:hl], 7) + p[hl:] if li is None else p
    else:
        p = p[:7] + b"\xbe\xef" + p[9:]
    return p


def opt(t, v):
    return bytes([t, len(v)]) + v


cl = []
cl.append(llc(clnp(28, data=b"hello world, this is data")))
cl.append(llc(clnp(28, opts=opt(205, b"\x0e") + opt(195, b"\xff") + opt(195, b"\x41") + opt(197, b"\xc0\x05") + opt(204, b"\x00\x00"),
                   data=b"\x01\x02", flags=0xe0)))
cl.append(llc(clnp(30, opts=opt(200, b"\x00\x03" + b"\x03\x49\x00\x01") + opt(203, b"\x01\x01\x02\x49\x00") +
                   opt(200, b"\x00\x00") + opt(200, b"\x00\x09\x00") + opt(200, b"\x00\x01\x05\x49") + opt(200, b"\x02\x01\x00"),
                   data=b"echo", flags=0x00)))
for rfd in [0x00, 0x07, 0x08, 0x81, 0x93, 0xa1, 0xb4, 0xc0, 0x50, 0xf3, 0x0f]:
    cl.append(llc(clnp(1, opts=opt(193, bytes([rfd])), data=clnp(28, data=b"orig"), flags=0x00)))
cl.append(llc(clnp(1, data=b"\x55not clnp")))
cl.append(llc(clnp(31, data=clnp(30, data=b"q"))))
cl.append(llc(clnp(31, data=b"pong")))
cl.append(llc(clnp(29, data=b"md") + b"x"))
cl.append(llc(clnp(17, opts=opt(99, b"\x01\x02\x03"), data=b"")))
cl.append(llc(clnp(28, opts=opt(205, b"") , data=b"")))
cl.append(llc(clnp(28, opts=opt(195, b""))))
cl.append(llc(clnp(28, opts=opt(197, b"\x40"))))
cl.append(llc(clnp(28, opts=opt(193, b""))))
cl.append(llc(clnp(28, opts=opt(203, b"\x00"))))
cl.append(llc(clnp(28, opts=b"\xcd")))
cl.append(llc(clnp(28, opts=b"\xcd\x05\x01")))
cl.append(llc(clnp(28, version=2)))
cl.append(llc(clnp(28, li=200)))
cl.append(llc(clnp(28, li=5)))
cl.append(llc(clnp(28, good_ck=False, dst=b"", src=bytes(21))))
cl.append(llc(bytes([0x81, 9, 1, 0x10, 28, 0, 9, 0, 0])))
cl.append(llc(bytes([0x81, 10, 1, 0x10, 28, 0, 10, 0, 0, 5, 1, 2])))
cl.append(llc(bytes([0x81, 12, 1, 0x10, 28, 0, 12, 0, 0, 1, 0x49, 5, 1, 2, 3])))
cl.append(llc(bytes([0x81, 13, 1, 0x10, 0x9c, 0, 13, 0, 0, 1, 0x49, 1, 0x49, 0, 0])))
cl.append(llc(bytes([0x81, 11, 1, 0x10, 28, 0, 11, 0, 0, 1, 0x49])))
# other NLPIDs
cl.append(llc(b"\x00\x01\x02\x03"))
cl.append(llc(b"\x55\x01\x02\x03\x04"))
cl.append(llc(b"\x55"))
cl.append(llc(b"\xcc" + bytes.fromhex("4500001c000100004001f7ce0a0000010a000002") + bytes.fromhex("0800f7ff00000000")))
cl.append(llc(b"\x8e" + bytes.fromhex("6000000000083a40") + bytes(15) + b"\x01" + bytes(15) + b"\x02" + bytes.fromhex("8000000000000000")))
pcap(cl, "clnp.pcap")

# ---- ES-IS ----


def esis(ptype, body, opts=b"", hold=30, version=1, li=None, good_ck=True):
    hl = 9 + len(body) + len(opts)
    p = bytes([0x82, hl if li is None else li, version, 0, ptype]) + struct.pack(">HH", hold, 0) + body + opts
    if good_ck and li is None:
        p = osi_cksum(p, 7)
    return p


es = []
es.append(llc(esis(2, b"\x02" + bytes([len(NSAP_D)]) + NSAP_D + bytes([len(NSAP_S)]) + NSAP_S,
                   opt(198, b"\x00\x3c") + opt(198, b"\x01") + opt(129, b"\xcc\x81\x99") + opt(197, b"\x01\x02"))))
es.append(llc(esis(4, bytes([len(NSAP_D)]) + NSAP_D, opt(129, b"") + opt(226, b"\xff\xff"))))
es.append(llc(esis(6, bytes([len(NSAP_D)]) + NSAP_D + b"\x06" + MAC2 + bytes([len(NSAP_S)]) + NSAP_S)))
es.append(llc(esis(6, bytes([len(NSAP_D)]) + NSAP_D + b"\x04\x0a\x00\x00\x01" + b"\x00")))
es.append(llc(esis(6, bytes([len(NSAP_D)]) + NSAP_D + b"\x00" + b"\x00", good_ck=False)))
es.append(llc(esis(6, b"\x03\x49\x00\x01")))
es.append(llc(esis(6, b"\x03\x49\x00\x01\x02\x01\x02")))
es.append(llc(esis(6, b"\x09\x49\x00")))
es.append(llc(esis(2, b"\x03" + b"\x01\x49")))
es.append(llc(esis(2, b"\x01\x05\x49\x00")))
es.append(llc(esis(4, b"\x05\x49\x00")))
es.append(llc(esis(4, b"\x01\x49", opts=b"\x01")))
es.append(llc(esis(4, b"\x01\x49", opts=b"\x81\x09\xcc")))
es.append(llc(esis(9, b"\x01\x02\x03")))
es.append(llc(esis(9, b"")))
es.append(llc(esis(4, b"\x01\x49", version=3)))
es.append(llc(esis(4, b"\x01\x49", li=100)))
es.append(llc(esis(4, b"\x01\x49", li=10)))
es.append(llc(b"\x82\x0b"))
es.append(llc(b"\x82\x0b\x01\x00\x04\x00"))
pcap(es, "esis.pcap")

# ---- the same PDUs on other links ----
SAMPLE = [iih_lan(1, AREA + PROTOS), lsp(2, AREA + HOST + ISREACH), csnp(1, LSPENT),
          clnp(28, data=b"data"), esis(4, bytes([len(NSAP_D)]) + NSAP_D), b"\x00\x01\x02"]


def ether(et, payload):
    return MAC1 + MAC2 + struct.pack(">H", et) + payload


eth = [ether(0xfefe, b"\x00" + p) for p in SAMPLE]
eth.append(ether(0xfefe, b"\x00"))
eth.append(ether(0xfefe, b""))
# SNAP with ethertype 0xfefe
eth += [MAC1 + MAC2 + struct.pack(">H", 8 + 1 + len(p)) + b"\xaa\xaa\x03\x00\x00\x00\xfe\xfe\x00" + p for p in SAMPLE[:2]]


def ipv4(proto, payload):
    return struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), 1, 0, 64, proto, 0,
                       bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])) + payload


# GRE carrying OSI (protocol 0x00fe)
eth += [ether(0x0800, ipv4(47, b"\x00\x00\x00\xfe" + p)) for p in SAMPLE]
# MPLS, OSI spotted by its first byte
eth += [ether(0x8847, struct.pack(">I", (100 << 12) | 0x100 | 64) + p) for p in SAMPLE]
pcap(eth, "ether.pcap")

pcap([b"\x0f\x00\xfe\xfe\x00" + p for p in SAMPLE] + [b"\x0f\x00\xfe\xfe" + p for p in SAMPLE] +
     [b"\x8f\x00\xfe\xfe\x83", b"\x8f\x00\xfe\xfe"], "chdlc.pcap", 104)
pcap([b"\x18\x41\x03" + p for p in SAMPLE[:5]] + [b"\x18\x41\x03\x83"], "fr.pcap", 107)
pcap([b"\xff\x03\x00\x23" + p for p in SAMPLE], "ppp.pcap", 9)
pcap([struct.pack("<I", 7) + p for p in SAMPLE], "null.pcap", 0)

# ---- extended TLVs inside the TLV loop (bodies printed by isis_ext) ----
EXTIS = SYS2 + b"\x01" + b"\x00\x00\x0a" + b"\x00"
EXTIS_SUB = SYS2 + b"\x02" + b"\x00\x00\x14" + b"\x0c" + b"\x06\x04\x0a\x00\x00\x01" + b"\x08\x04\x0a\x00\x00\x02"
EXTIP = b"\x00\x00\x00\x0a" + b"\x18" + b"\x0a\x01\x02"
EXTIP_SUB = b"\x00\x00\x00\x14" + b"\x60" + b"\x0a\x01\x02\x03" + b"\x06\x01\x04\x00\x00\x00\x07"
EXTIP6 = b"\x00\x00\x00\x0a" + b"\x00" + b"\x40" + bytes.fromhex("20010db800000001")
x = []
x.append(llc(lsp(2, tlv(22, EXTIS + EXTIS_SUB) + tlv(222, b"\x00\x02" + EXTIS) + tlv(222, b"\x40\x00") +
                 tlv(135, EXTIP + EXTIP_SUB) + tlv(235, b"\x80\x02" + EXTIP) + tlv(236, EXTIP6) + tlv(237, b"\x00\x02" + EXTIP6) +
                 tlv(222, b"\x01"))))
x.append(llc(lsp(1, tlv(229, b"\x00\x00\x40\x02\x8f\xff") + tlv(229, b"\x00\x02\x00") + tlv(229, b"\x00") +
                 tlv(242, bytes([1, 2, 3, 4, 1]) + b"\x02\x09\xc0\x00\x00\x64\x01\x03\x00\x3e\x80") + tlv(22, EXTIS[:5]))))
for stop in [tlv(135, EXTIP[:6]), tlv(22, EXTIS + b"\x01"), tlv(235, b"\x00"), tlv(237, b"\x00\x02" + EXTIP6 + b"\x01"),
             tlv(24, SYS2 + b"\x01")]:
    x.append(llc(lsp(2, AREA + stop)))
x.append(llc(iih_lan(1, tlv(229, b"\x00\x02") + tlv(143, b"\x00\x01" + b"\x06\x04\x00\x01\x00\x02") +
                        tlv(144, b"\x80\x01" + b"\x01\x13" + bytes(19)))))
x.append(llc(lsp(2, tlv(135, EXTIP + b"\x00\x00\x00\x0a\x20\x0a\x01\x02") + tlv(236, EXTIP6[:5]))))
pcap(x, "isisx.pcap")
