#!/usr/bin/env python3
"""Writes tests/data/rx/*.pcap: AFS sessions over rx (UDP ports 7000-7009) for
rfilter's golden tests against tcpdump. afs.pcap: for each service (fs, cb, pt,
vldb, kauth, vol, bos and the ubik opcodes of the database servers) client
calls with their arguments, then the server's reply or abort, so that the reply
is decoded through tcpdump's call cache; replies with no matching call; IPv6.
ack.pcap: acknowledgement bodies (ranges of acks and nacks, reasons, with and
without the trailing MTU/window words). odd.pcap: malformed bodies (strings
longer than allowed, odd ACL texts, counts past the data, bodies of a bare
header) and more calls than the cache holds. Run once; the pcaps are committed."""
import os
import struct

from pktgen import eth_udp, write_pcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "rx")
os.makedirs(OUT, exist_ok=True)

CLIENT = bytes([10, 1, 0, 5])
SERVER = bytes([10, 1, 0, 9])
CLIENT6 = bytes.fromhex("20010db8000000000000000000000005")
SERVER6 = bytes.fromhex("20010db8000000000000000000000009")


def udp(payload, sport, dport, src=CLIENT, dst=SERVER):
    return eth_udp(payload, sport, dport, len(src) == 16, src, dst)


def pcap(pkts, name):
    write_pcap(os.path.join(OUT, name), 1, pkts)


def rxh(t, flags, seq=1, call=1, svc=1, cid=0x8A1B2C00, serial=1, sec=2):
    return struct.pack(">IIIIIBBBBHH", 0x5F000001, cid, call, seq, serial, t, flags, 0, sec, 0, svc)


U = lambda *v: b"".join(struct.pack(">I", x & 0xFFFFFFFF) for x in v)


def S(s, pad=True):
    b = s.encode() if isinstance(s, str) else s
    return U(len(b)) + b + (bytes(-len(b) % 4) if pad else b"")


def V(s, n):
    b = s.encode() if isinstance(s, str) else s
    return U(*(list(b) + [0] * (n - len(b))))


def FID(a, b, c):
    return U(a, b, c)


def SST(mask, date=1700000000, owner=1001, group=100, mode=0o100644, seg=0):
    return U(mask, date, owner, group, mode, seg)


def UUID(seed):
    return U(0x12345678 + seed, 0xABCD, 0x11EF, *[(seed * 17 + i * 29) & 0xFF for i in range(8)])


pkts = []
state = {"call": 100}


def session(port, op, args=b"", reply=None, abort=None, v6=False, cport=40001, svc=1):
    """A call of `op` to `port`, then the server's reply body and/or abort."""
    state["call"] += 1
    call = state["call"]
    src, dst = (CLIENT6, SERVER6) if v6 else (CLIENT, SERVER)
    pkts.append(udp(rxh(1, 1 | 2 | 4, call=call, svc=svc) + U(op) + args, cport, port, src, dst))
    if reply is not None:
        pkts.append(udp(rxh(1, 4, call=call, svc=svc) + reply, port, cport, dst, src))
    if abort is not None:
        pkts.append(udp(rxh(4, 0, seq=0, call=call, svc=svc) + U(abort), port, cport, dst, src))


T = 1700000000
ACL = b"2 1\nsystem:administrators 127\nsystem:anyuser 9\nbaduser 2\n"

# fs (7000)
session(7000, 130, FID(536870915, 1, 1) + U(0, 65536), reply=b"\x00" * 8)
session(7000, 131, FID(536870915, 2, 3), reply=S(ACL))
session(7000, 132, FID(1, 2, 3), abort=103)
session(7000, 133, FID(1, 4, 5) + SST(0x41F) + U(0, 4096, 4096))
session(7000, 133, FID(1, 4, 5) + SST(0) + U(8192, 10, 8202))
session(7000, 134, FID(1, 1, 1) + S(ACL))
session(7000, 135, FID(7, 8, 9) + SST(0x6, mode=0o40755))
session(7000, 136, FID(1, 1, 1) + S("old.txt"), abort=102)
session(7000, 137, FID(1, 1, 1) + S("new file") + SST(8, mode=0o644), reply=FID(1, 12, 34))
session(7000, 138, FID(1, 1, 1) + S("a") + FID(1, 2, 2) + S("bcd"))
session(7000, 139, FID(1, 1, 1) + S("link") + S("/afs/example.org/target"))
session(7000, 140, FID(1, 1, 1) + S("hard") + FID(1, 5, 6))
session(7000, 141, FID(1, 1, 1) + S("dir") + SST(0x8, mode=0o755), reply=FID(1, 40, 41))
session(7000, 142, FID(1, 1, 1) + S("dir"), abort=0xFFFFFF9C)
session(7000, 143, FID(1, 1, 1))
session(7000, 146, U(1, 2))
session(7000, 148, S("root.cell"))
session(7000, 149, U(536870912), abort=106)
session(7000, 150, U(536870913))
session(7000, 151, b"", reply=S("root.afs"))
session(7000, 153, b"", reply=U(T, 0))
session(7000, 153, b"", reply=U(0x80000000, 0))
session(7000, 154, S("user.alice"))
session(7000, 155, U(3) + FID(1, 1, 1) + FID(1, 2, 2) + FID(1, 3, 3))
session(7000, 155, U(0))
session(7000, 65536, U(1) + FID(9, 9, 9))
session(7000, 65537, FID(1, 2, 3) + U(1, 2, 0, 4096), abort=5)
session(7000, 65538, FID(1, 2, 3) + SST(1) + U(0, 1, 0, 2, 0, 3))
session(7000, 65541, U(0x0A010005))
session(7000, 999, U(1, 2, 3), reply=U(4), abort=112)
session(7000, 159, b"")
# cb (7001)
session(7001, 204, U(2) + FID(1, 2, 3) + FID(4, 5, 6) + U(2) + U(1, T, 1) + U(2, T + 3600, 2), reply=b"", cport=7000)
session(7001, 204, U(0) + U(0), cport=7000)
session(7001, 206, b"", abort=1, cport=7000)
session(7001, 213, U(1), reply=UUID(1), cport=7000)
session(7001, 214, UUID(2), reply=U(0), cport=7000)
session(7001, 65538, U(1, 2), cport=7000)
# pt (7002)
session(7002, 500, S("alice") + U(1001, 0xFFFFFFFF))
session(7002, 501, U(1001), reply=U(7))
session(7002, 502, U(3))
session(7002, 503, U(1001, 0xFFFFFF00), abort=267268)
session(7002, 504, U(2) + V("alice", 64) + V("bob", 64), reply=U(2, 1001, 1002))
session(7002, 504, U(0), reply=U(0))
session(7002, 505, U(3, 1, 2, 3), reply=U(2) + V("alice", 64) + V("system:admin", 64))
session(7002, 505, U(0), reply=U(0))
session(7002, 508, U(1001), reply=U(3, 1001, -101, 1))
session(7002, 509, S("group") + U(2, 1001))
session(7002, 510, b"", reply=U(1200, 0xFFFFFF00))
session(7002, 511, U(5, 1))
session(7002, 513, U(5) + S("renamed") + U(5, 6))
session(7002, 520, U(5) + S("x"))
session(7002, 530, U(5), reply=U(0))
session(7002, 10000, U(1, T) + U(5, 7, 5, 8), reply=b"")
session(7002, 10000, U(0, T) + U(5, 7, 5, 8), abort=T + 60)
session(7002, 20004, b"", reply=U(1, 2))
session(7002, 20002, U(1, 2, 0, 16, 32, 1))
# vldb (7003)
ENTRY8 = (V("root.cell", 65) + U(0) + U(2) + U(0x0A010009, 0x0A01000A) + U(0) * 6
          + U(0, 26) + U(0) * 6 + U(0) * 8 + U(536870912, 536870913, 536870914))
ENTRY13 = (V("user.alice", 65) + U(3) + U(0x0A010009, 0x0A01000A, 0xC0A80001) + U(0) * 10
           + U(1, 27, 2) + U(0) * 10 + U(0) * 13 + U(536870915, 0, 536870917))
ENTRYU = (V("vol.u", 65) + U(2) + UUID(3) + UUID(4) + U(0) * (11 * 11) + U(0) * 13
          + U(3, 4) + U(0) * 11 + U(0) * 13 + U(5, 6, 7))
session(7003, 501, V("new.volume", 65))
session(7003, 502, U(536870912, 0))
session(7003, 503, U(536870912, 1), reply=ENTRY8)
session(7003, 503, U(536870912, 7), abort=363524)
session(7003, 504, S("root.cell"), reply=ENTRY8)
session(7003, 505, U(1), reply=U(536870999))
session(7003, 506, U(536870912, 2) + V("replaced", 65))
session(7003, 508, U(536870912, 0xFFFFFFFF))
session(7003, 510, U(4), reply=U(10, 5) + ENTRY8)
session(7003, 518, U(536870915, 0), reply=ENTRY13)
session(7003, 519, S("user.alice"), reply=ENTRY13)
session(7003, 521, U(0), reply=U(1, 2) + ENTRY13)
session(7003, 529, U(0), reply=U(1, 2) + ENTRY13)
session(7003, 526, U(5, 0), reply=ENTRYU)
session(7003, 527, S("vol.u"), reply=ENTRYU)
session(7003, 520, U(9, 1) + V("x" * 64, 65))
session(7003, 524, S("n"))
session(7003, 20004, b"", reply=U(1700000000, 12))
session(7003, 10003, U(0x0A010009), abort=0)
session(7003, 20006, U(0, 4096, 9, 10))
session(7003, 20012, U(1, 2, 3, 4, 5, 6))
session(7003, 20009, U(1, 2, 0, 100))
session(7003, 20003, U(1, 2, 0, 100))
session(7003, 20005, U(0))
session(7003, 20000, U(1, 2))
session(7003, 10007, b"")
# kauth (7004)
session(7004, 21, S("alice") + S("") + U(1, 2), abort=180490)
session(7004, 22, S("admin") + S("root"))
session(7004, 23, U(5) + S("EXAMPLE.ORG") + S(b"\x01\x02\x03\x04\x05", True) + S("afs") + S(""), reply=U(1, 2))
session(7004, 3, U(5) + S("X") + U(0) + S("afs") + S("cell"))
session(7004, 4, S("bob") + S("") + U(3))
session(7004, 12, S("carol"))
session(7004, 9, U(0))
session(7004, 10001, b"", reply=b"")
# vol (7005)
session(7005, 100, U(1) + S("vol.new") + U(0, 536870912), reply=U(536870999, 42))
session(7005, 101, U(42), abort=-1)
session(7005, 102, U(42, 1))
session(7005, 103, U(42, T, 0x0A010009, 7005, 4, 77))
session(7005, 104, U(42), reply=U(0))
session(7005, 105, U(42, 0, 1) + S("clone.name"), reply=U(536870977))
session(7005, 106, U(42, 8))
session(7005, 107, U(42), reply=U(8))
session(7005, 108, U(536870912, 1, 2), reply=U(43))
session(7005, 109, U(43, T))
session(7005, 110, U(3), reply=U(536870912, 1))
session(7005, 111, U(43, 0x0A01000A))
session(7005, 112, U(43), reply=S("vol.name"))
session(7005, 113, U(43), reply=U(1, 2, 0, 3, 4, 5, 6, 7, 8, 9, T, T + 1, T + 2, 0, T + 3, T + 4))
session(7005, 114, S("vol.sig") + U(1, 2, 3))
session(7005, 115, b"", reply=U(1, 2))
session(7005, 116, U(1, 0), reply=U(2) + V("vol.one", 32) + U(536870912) + U(0) * 21 + V("vol.two", 32) + U(536870913) + U(0) * 21)
session(7005, 117, U(43) + S("vol.ids") + U(0, 1, 2, 3))
session(7005, 119, S("/vicepa"))
session(7005, 120, U(43))
session(7005, 121, U(1, 536870912), reply=U(0))
session(7005, 122, U(1, 536870912))
session(7005, 123, U(43, T))
session(7005, 126, U(43))
session(7005, 128, U(43, T, 2, 1, 2, 3, 4, 5, 6))
session(7005, 128, U(43, T, 0))
session(7005, 65536, U(1, 2))
session(7005, 65537, U(43, T))
session(7005, 655537 & 0xFFFFFFFF, U(43, T))
session(7005, 65538, U(43, T, 1))
# bos (7007)
session(7007, 80, S("simple") + S("ptserver"), reply=b"")
session(7007, 81, S("ptserver"), abort=39430)
session(7007, 82, S("fs") + U(1))
session(7007, 86, S("fs") + U(2))
session(7007, 84, U(0))
session(7007, 105, S("/usr/afs/bin/fileserver") + U(4096, 0, T))
session(7007, 114, S("fs"))
session(7007, 99, b"")
# rmtsys (7009), error (7006) and ubik's own port (7008): header only
session(7006, 1, U(1))
session(7008, 10000, U(1, T))
session(7009, 1, U(1))
# IPv6: the cache keys on header offsets inside the source address
session(7000, 132, FID(1, 2, 3), reply=b"", abort=103, v6=True)
session(7003, 505, U(1), reply=U(9), v6=True)
# replies with no call: not decoded
pkts.append(udp(rxh(1, 4, call=9999) + U(1, 2), 7000, 40001, SERVER, CLIENT))
pkts.append(udp(rxh(4, 0, call=9998) + U(5), 7003, 40001, SERVER, CLIENT))
# a reply with the wrong service id or from the wrong address
state["call"] += 1
pkts.append(udp(rxh(1, 1, call=state["call"], svc=1) + U(132) + FID(1, 1, 1), 40001, 7000))
pkts.append(udp(rxh(1, 0, call=state["call"], svc=2) + U(1), 7000, 40001, SERVER, CLIENT))
pkts.append(udp(rxh(1, 0, call=state["call"], svc=1) + U(1), 7000, 40001, bytes([10, 1, 0, 8]), CLIENT))
pkts.append(udp(rxh(1, 0, call=state["call"], svc=1) + U(1), 7000, 40001, SERVER, CLIENT))
# continuation packets (seq 2) and replies flagged client-init
pkts.append(udp(rxh(1, 1, seq=2, call=5) + U(130), 40001, 7000))
pkts.append(udp(rxh(1, 1, seq=1, call=state["call"]) + U(1), 7000, 40001, SERVER, CLIENT))
pcap(pkts, "afs.pcap")
n_afs = len(pkts)

# acks
pkts = []


def ack(acks, first=1, serial=5, reason=1, trailer=U(1444, 1444, 32, 4), buf=16, skew=3, flags=0):
    body = struct.pack(">HHIIIBB", buf, skew, first, first - 1, serial, reason, len(acks)) + bytes(acks)
    return body + bytes(3) + trailer


for i, (acks, kw) in enumerate([
    ([], {}),
    ([1], {}),
    ([1, 1, 1, 1], {"first": 10}),
    ([0, 0, 1, 1, 0, 1], {"reason": 2}),
    ([1, 0, 1, 0, 1, 0], {"reason": 3}),
    ([1, 1, 0, 0, 1, 1, 1, 0, 1], {"reason": 4}),
    ([0], {"reason": 5, "trailer": b""}),
    ([0, 0, 0], {"reason": 6, "trailer": U(1444)}),
    ([1, 2, 1, 1, 3, 0, 0], {"reason": 7, "trailer": U(1, 2, 3)}),
    ([1] * 255, {"reason": 8, "first": 0xFFFFFF00}),
    ([0, 1] * 20, {"reason": 9}),
    ([1, 1, 1, 0], {"reason": 0}),
    ([0, 1, 1], {"reason": 200, "trailer": U(1, 2, 3, 4, 5)}),
    ([], {"trailer": U(7, 8)}),
]):
    pkts.append(udp(rxh(2, [0, 32, 2, 34][i % 4], seq=0, serial=100 + i) + ack(acks, **kw), 7000 + i % 10, 40001))
pkts.append(udp(rxh(2, 0) + bytes(17), 7001, 40001))
pkts.append(udp(rxh(2, 0) + bytes(18), 7001, 40001))
pcap(pkts, "ack.pcap")

# malformed and edge cases
pkts = []
state["call"] = 5000
session(7000, 136, FID(1, 1, 1) + U(257) + b"x" * 260)
session(7000, 136, FID(1, 1, 1) + U(256) + b"y" * 256)
session(7000, 136, FID(1, 1, 1) + U(20) + b"short")
session(7000, 136, FID(1, 1, 1) + S(b"ctl\x01\x7f\x80\xff\tend"))
session(7000, 136, U(1, 1))
session(7000, 135, FID(1, 1, 1) + U(1, 2, 3))
session(7000, 134, FID(1, 1, 1) + U(100) + b"1 0\nshort")
for text in [b"", b"x", b"1", b"1 x", b"0 0\n", b"-1 -1\n", b" 1   0 u 1 ", b"1 1\nu1 255\nu2 -1\n",
             b"3 0\na 1\nb\n", b"99999999999999999999 1\nz 4\nq 4\n", b"1 0\nname\x00hidden 3\n",
             b"2 0\n\x80\xff 64\n\tt\t32\n", b"+1 +0\nu +8\n", b"1 0\nu 4294967297\n"]:
    session(7000, 131, FID(1, 1, 1), reply=S(text))
session(7000, 131, FID(1, 1, 1), reply=U(2000) + b"1 0\nu 1\n" + bytes(1992))
session(7000, 131, FID(1, 1, 1), reply=U(40) + b"1 0\nu 1\n")
session(7001, 204, U(0x7FFFFFFF) + FID(1, 1, 1))
session(7001, 204, U(1) + FID(1, 1, 1) + U(5) + U(1, 2))
session(7001, 214, UUID(1)[:40])
session(7002, 504, U(1) + V("abc", 10))
session(7002, 500, U(65) + b"z" * 68)
session(7002, 505, U(1000) + U(1, 2))
session(7002, 10000, U(1))
session(7002, 20000, U(1))
session(7003, 503, U(1, 1), reply=V("short", 65)[:100])
session(7003, 503, U(1, 1), reply=ENTRY8[:270])
session(7003, 518, U(1, 1), reply=ENTRY13[:300])
session(7003, 526, U(1, 1), reply=ENTRYU[:500])
session(7003, 526, U(1, 1), reply=ENTRYU[:270])
session(7003, 504, U(66) + b"n" * 68)
session(7003, 510, U(1), reply=U(1))
session(7004, 23, U(5) + S("D") + U(100) + b"t" * 10)
session(7004, 12, U(65) + b"q" * 68)
session(7005, 116, U(1, 0), reply=U(5) + V("a", 32) + U(1))
session(7005, 103, U(42, T, 1, 2))
session(7005, 113, U(43), reply=U(1, 2, 3))
session(7007, 80, S("a") + U(300))
session(7003, 20012, U(1, 2, 3))
# bodies of a bare header: a call of just the opcode, replies of nothing
for port in [7000, 7001, 7002, 7003, 7004, 7005, 7007]:
    session(port, 1, b"", reply=b"", abort=None)
    state["call"] += 1
    pkts.append(udp(rxh(1, 1, call=state["call"]), 40001, port))
    pkts.append(udp(rxh(1, 1, call=state["call"]) + b"\x00\x00", 40001, port))
for port, op in [(7002, 10000), (7003, 20004), (7004, 10000), (7002, 504), (7003, 504)]:
    session(port, op, U(0) * 6, reply=b"", abort=None)
    pkts.append(udp(rxh(4, 0, call=state["call"]), port, 40001, SERVER, CLIENT))
# more calls than the cache holds, then replies to the oldest and newest
first = state["call"] + 1
for i in range(70):
    state["call"] += 1
    pkts.append(udp(rxh(1, 1, call=state["call"]) + U(132) + FID(1, i, 1), 40001, 7000))
for call in [first, first + 5, first + 6, state["call"], state["call"] - 1, first + 6]:
    pkts.append(udp(rxh(1, 0, call=call) + U(7), 7000, 40001, SERVER, CLIENT))
    pkts.append(udp(rxh(4, 0, call=call) + U(101), 7000, 40001, SERVER, CLIENT))
pcap(pkts, "odd.pcap")
print(n_afs, "afs,", len(pkts), "odd packets")

# random.pcap: every opcode of every service with random bodies built from
# values that steer the decoders (small counts, string lengths near their
# limits, printable text, ACL-like text), each followed by a random reply or
# abort; a fixed seed, so the file is reproducible.
import random

rng = random.Random(7000)
OPS = {
    7000: list(range(130, 164)) + [220, 65536, 65537, 65538, 65539, 65540, 65541, 7],
    7001: list(range(204, 219)) + [65536, 65537, 65538, 1],
    7002: list(range(500, 522)) + [530, 10000, 10003, 20002, 20004, 20012, 2],
    7003: list(range(501, 535)) + [10000, 10005, 20000, 20004, 20006, 20009, 3],
    7004: list(range(1, 16)) + [21, 22, 23, 10000, 20004, 99],
    7005: list(range(100, 129)) + [65536, 65537, 65538, 655537, 4],
    7007: list(range(80, 117)) + [5],
}


def word():
    k = rng.randrange(10)
    if k < 3:
        return rng.randrange(4)
    if k < 5:
        return rng.choice([63, 64, 65, 66, 255, 256, 257, 1024, 1025])
    if k < 7:
        return rng.randrange(40)
    if k < 8:
        return rng.choice([0xFFFFFFFF, 0x80000000, 0x7FFFFFFF, 0xFFFFFF9C])
    return rng.getrandbits(32)


def text():
    alphabet = b"abcXYZ019 \t\n+-:.\x00\x01\x7f\x80\xe9\xff"
    return bytes(rng.choice(alphabet) for _ in range(rng.randrange(30)))


def acl_text():
    parts = [b"%d %d\n" % (rng.randrange(-1, 4), rng.randrange(-1, 3))]
    for _ in range(rng.randrange(5)):
        parts.append(rng.choice([b"u%d %d\n" % (rng.randrange(9), rng.randrange(-5, 200)),
                                 b"system:anyuser %d\n" % rng.randrange(128), b"x\n", b" 1 ", b"\t",
                                 b"u\xe9 +%d\n" % rng.randrange(99), b"n 99999999999\n"]))
    return b"".join(parts)


def body():
    out = b""
    for _ in range(rng.randrange(0, 40)):
        k = rng.randrange(12)
        if k < 7:
            out += U(word())
        elif k < 9:
            out += S(text())
        elif k < 10:
            out += S(acl_text())
        elif k < 11:
            out += V(text().replace(b"\x00", b""), rng.choice([32, 64, 65]))
        else:
            out += bytes(rng.randrange(1, 4))
    return out


pkts = []
state["call"] = 20000
for port, ops in OPS.items():
    for op in ops:
        for _ in range(2):
            r = rng.randrange(3)
            session(port, op, body(), reply=body() if r != 1 else None,
                    abort=word() if r != 0 else None, v6=rng.randrange(8) == 0)
# ACL texts: counts and entries in every shape sscanf meets
for _ in range(150):
    t = acl_text()
    if rng.randrange(4) == 0:
        t = t.replace(b"\n", rng.choice([b" ", b"\t", b"\n\n", b""]))
    if rng.randrange(6) == 0:
        t = t[: rng.randrange(len(t) + 1)]
    if rng.randrange(2):
        session(7000, 131, FID(1, 2, 3), reply=S(t))
    else:
        session(7000, 134, FID(1, 2, 3) + S(t))
pcap(pkts, "random.pcap")
print(len(pkts), "random packets")
