#!/usr/bin/env python3
"""Writes the captures of tests/print_tcpsvc.rs into tests/data/tcpsvc/:
- telnet.pcap: option negotiation (DO/DONT/WILL/WONT of every named option and
  unnamed ones), sub-negotiations (TERMINAL TYPE IS/SEND, TSPEED, NAWS,
  AUTHENTICATION and ENCRYPT with named and unnamed types, unknown qualifiers),
  bare commands (NOP, GA, AYT, IAC IAC), commands followed by text, unterminated
  and malformed sub-negotiations, and random IAC-led payloads;
- pptp.pcap: every PPTP control message (SCCRQ .. SLI) well formed, with bad magic
  cookies, non-zero reserved fields, unknown message and control types, every
  result/error code, long and unterminated strings, and short messages;
- resp.pcap: Redis RESP requests and replies (arrays of bulk strings, simple
  strings, errors, integers, null and empty values, pipelined commands, inline
  commands), bad and huge lengths, deep nesting, and random bytes;
- netbios.pcap: NetBIOS name service and datagram service on UDP 137/138, NetBIOS
  session service on TCP 139 and SMB over TCP 445 (for the -v/-vv/-vvv checks).
The tests only read the files and compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_tcpsvc.py tests/data/tcpsvc   (needs scapy)
"""
import os
import random
import struct
import sys
from scapy.all import Ether, IP, IPv6, TCP, UDP, Raw

from pktgen_scapy import write

MAC = dict(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb")
R = random.Random(4242)


def tcp(port, payload, client=True, v6=False, flags="PA"):
    ip = IPv6(src="2001:db8::1", dst="2001:db8::2") if v6 else IP(src="10.0.0.1", dst="10.0.0.2")
    t = TCP(sport=40000, dport=port, flags=flags, seq=1000, ack=2000) if client else \
        TCP(sport=port, dport=40000, flags=flags, seq=5000, ack=6000)
    return Ether(**MAC) / ip / t / Raw(payload)


IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240


def telnet():
    out = []
    t = lambda b, client=True: out.append(tcp(23, bytes(b), client))
    # A real session start.
    t([IAC, DO, 24, IAC, DO, 32, IAC, DO, 35, IAC, DO, 39])
    t([IAC, WILL, 24, IAC, WILL, 32, IAC, WILL, 35, IAC, WILL, 39], False)
    t([IAC, SB, 32, 1, IAC, SE, IAC, SB, 39, 1, IAC, SE])
    t([IAC, SB, 32, 0] + list(b"38400,38400") + [IAC, SE, IAC, SB, 39, 0, 0] + list(b"DISPLAY") +
      [1] + list(b"host:0") + [IAC, SE], False)
    t([IAC, SB, 24, 1, IAC, SE])
    t([IAC, SB, 24, 0] + list(b"XTERM-256COLOR") + [IAC, SE], False)
    t([IAC, DO, 3, IAC, WILL, 1, IAC, WONT, 34, IAC, DONT, 31])
    t([IAC, SB, 31, 0, 80, 0, 24, IAC, SE])
    t(list(b"login: "), False)
    t([IAC, DO, 1] + list(b"Password:"), False)
    # Every option with every negotiation command, and unnamed options.
    for cmd in (DONT, DO, WONT, WILL):
        t(sum(([IAC, cmd, o] for o in range(0, 42)), []))
        t([IAC, cmd, 254, IAC, cmd, 255, IAC, cmd, 100])
    # Bare commands, IAC IAC, unknown commands.
    t(sum(([IAC, c] for c in range(236, 250)), []))
    t([IAC, IAC, IAC, 241, IAC, 249])
    t([IAC, 200, IAC, DO, 1])
    t([IAC, 0])
    t([IAC, 241] + list(b"text") + [IAC, 241])
    # Sub-negotiations of AUTHENTICATION and ENCRYPT.
    for q in range(0, 6):
        for typ in (0, 1, 2, 5, 8, 9, 15, 16, 200):
            t([IAC, SB, 37, q, typ, 2, 3, IAC, SE])
            t([IAC, SB, 38, q, typ, 7, IAC, SE])
    t([IAC, SB, 37, IAC, SE, IAC, SB, 38, 1, IAC, SE, IAC, SB, 37, 0, IAC, SE])
    for q in range(0, 5):
        t([IAC, SB, 5, q, 1, 2, 3, IAC, SE])
    t([IAC, SB, 200, 0, 1, IAC, SE])
    t([IAC, SB, 24, IAC, SE])
    # Unterminated or odd sub-negotiations.
    t([IAC, SB, 24, 0] + list(b"VT100"))
    t([IAC, SB, 24, 0, IAC])
    t([IAC, SB, 24, 0, 1, 2, IAC])
    t([IAC, SB, 24])
    t([IAC, SB])
    t([IAC, DO])
    t([IAC])
    t([IAC, SB, 24, 0, IAC, IAC, SE])
    t([IAC, SB, 24, 0, IAC, SE, IAC, SE])
    t([IAC, SB, 24, IAC, 1, IAC, SE])
    # Text first (tcpdump looks only at leading commands), CR NUL, long sessions.
    t(list(b"ls -l\r\n") + [IAC, DO, 1])
    t([IAC, WILL, 1, IAC, WILL, 3] + list(b"\r\nDebian GNU/Linux 12\r\nhost login: "), False)
    t([IAC, 241] * 40)
    t([IAC, SB, 24, 0] + list(b"X" * 300) + [IAC, SE])
    out.append(Ether(**MAC) / IP(src="10.0.0.1", dst="10.0.0.2") /
               TCP(sport=23, dport=40000, flags="PA", options=[("NOP", None), ("NOP", None),
                                                             ("Timestamp", (1, 2))]) /
               Raw(bytes([IAC, DO, 24, IAC, SB, 24, 1, IAC, SE])))
    # IPv6, and a segment followed by Ethernet padding bytes.
    out.append(tcp(23, bytes([IAC, DO, 24, IAC, WILL, 1]), v6=True))
    p = tcp(23, bytes([IAC, SB, 24, 0, IAC]))
    out.append(Ether(bytes(p) + bytes([SE, IAC, 241, 0, 0])))
    p = tcp(23, bytes([IAC, DO, 1, IAC]))
    out.append(Ether(bytes(p) + bytes([DO, 3, 0, 0])))
    # Random IAC-led payloads.
    for _ in range(150):
        n = R.randint(1, 24)
        b = [IAC]
        for _ in range(n):
            b.append(R.choice([IAC, IAC, SB, SE, DO, WILL, R.randint(0, 255), R.randint(236, 255),
                               R.randint(0, 40)]))
        t(b, R.random() < 0.5)
    return out


MAGIC = 0x1a2b3c4d


def pptp_msg(ctrl, body, magic=MAGIC, mtype=1, reserved=0, length=None):
    n = 12 + len(body) if length is None else length
    return struct.pack(">HHIHH", n, mtype, magic, ctrl, reserved) + body


def name(s, n=64):
    return s.ljust(n, b"\0")[:n]


def pptp():
    out = []
    p = lambda b, client=True: out.append(tcp(1723, b, client))
    sccrq = struct.pack(">HHIIHH", 0x0100, 0, 1, 1, 0, 0x0a28) + name(b"") + name(b"Microsoft")
    p(pptp_msg(1, sccrq))
    sccrp = struct.pack(">HBBIIHH", 0x0100, 1, 0, 3, 3, 1, 1) + name(b"local") + name(b"linux")
    p(pptp_msg(2, sccrp), False)
    for rc in range(0, 7):
        for ec in (0, 3, 6, 7, 255):
            p(pptp_msg(2, struct.pack(">HBBIIHH", 0x0203, rc, ec, 0, 2, 65535, 7) +
                       name(b"h\x01\x7f\x80\xffname") + name(b"v" * 64)), False)
    p(pptp_msg(1, struct.pack(">HHIIHH", 0x0100, 5, 2, 2, 3, 4) + name(b"host") + name(b"vendor")))
    for reason in range(0, 5):
        p(pptp_msg(3, struct.pack(">BBH", reason, reason & 1, reason * 7)))
    for rc in range(0, 4):
        p(pptp_msg(4, struct.pack(">BBH", rc, rc * 2, rc)), False)
    p(pptp_msg(5, struct.pack(">I", 0xdeadbeef)))
    for rc in range(0, 4):
        p(pptp_msg(6, struct.pack(">IBBH", 77, rc, 1, rc)), False)
    ocrq = struct.pack(">HHIIIIHHHH", 0x4000, 1, 300, 100000000, 3, 3, 64, 0, 10, 0) + \
        name(b"5551234567") + name(b"")
    p(pptp_msg(7, ocrq))
    for bt, ft, plen in ((1, 1, 0), (2, 2, 3), (0, 4, 200), (9, 0, 64), (3, 3, 65)):
        p(pptp_msg(7, struct.pack(">HHIIIIHHHH", 1, 2, 3, 4, bt, ft, 5, 6, plen, 1) +
                   name(b"0123456789" * 7) + name(b"sub\taddr")))
    for rc in range(0, 9):
        p(pptp_msg(8, struct.pack(">HHBBHIHHI", 0x4000, 0x1234, rc, rc % 7, 5, 64000, 16, 0, 9)),
          False)
    p(pptp_msg(9, struct.pack(">HHIIHH", 7, 8, 1, 12, 4, 20) + name(b"1234") +
               name(b"01234567890123456789x") + name(b"s")))
    p(pptp_msg(9, struct.pack(">HHIIHH", 7, 8, 3, 12, 100, 0) + name(b"9" * 64) + name(b"") +
               name(b"")))
    for rc in range(0, 5):
        p(pptp_msg(10, struct.pack(">HHBBHHH", 1, 2, rc, 0, 8, 0, rc)), False)
    for ft in range(0, 5):
        p(pptp_msg(11, struct.pack(">HHIHHI", 3, ft, 115200, 64, 28, ft)))
    p(pptp_msg(12, struct.pack(">HH", 99, 0)))
    p(pptp_msg(12, struct.pack(">HH", 99, 1)))
    for rc in range(0, 6):
        p(pptp_msg(13, struct.pack(">HBBHH", 5, rc, 2, 3, rc) + name(b"stats: 1 2 3", 128)),
          False)
    p(pptp_msg(14, struct.pack(">HHIIIIII", 1, 0, 1, 2, 3, 4, 5, 4294967295)))
    p(pptp_msg(15, struct.pack(">HHII", 1, 2, 0xffffffff, 0)))
    # Header oddities: bad magic, management and unknown message types, unknown
    # control types, reserved field set, zero length.
    p(pptp_msg(5, struct.pack(">I", 1), magic=0x12345678))
    p(pptp_msg(5, struct.pack(">I", 1), mtype=2))
    p(pptp_msg(5, struct.pack(">I", 1), mtype=7, length=0))
    for ctrl in (0, 16, 17, 65535):
        p(pptp_msg(ctrl, b"\0" * 16))
    p(pptp_msg(6, struct.pack(">IBBH", 1, 1, 0, 0), reserved=3))
    # Two messages in one segment (tcpdump prints the first), a continuation
    # segment, and a message split over two segments.
    p(pptp_msg(5, struct.pack(">I", 1)) + pptp_msg(6, struct.pack(">IBBH", 1, 1, 0, 0)))
    p(b"continued data")
    cdn = pptp_msg(13, struct.pack(">HBBHH", 5, 1, 0, 0, 0) + name(b"stats", 128))
    p(cdn[:40], False)
    p(cdn[40:], False)
    # Short messages (the capture is whole; the message is not).
    for ctrl in range(1, 16):
        p(pptp_msg(ctrl, b"\x01\x02\x03"))
    # Random bodies after a valid header.
    for _ in range(60):
        ctrl = R.randint(0, 16)
        body = bytes(R.randint(0, 255) for _ in range(R.randint(0, 180)))
        p(pptp_msg(ctrl, body), R.random() < 0.5)
    return out


def bulk(s):
    return b"$%d\r\n%s\r\n" % (len(s), s)


def arr(*items):
    return b"*%d\r\n" % len(items) + b"".join(items)


def resp():
    out = []
    r = lambda b, client=True: out.append(tcp(6379, b, client))
    r(arr(bulk(b"SET"), bulk(b"key"), bulk(b"value")))
    r(b"+OK\r\n", False)
    r(arr(bulk(b"GET"), bulk(b"key")))
    r(bulk(b"value"), False)
    r(b"$-1\r\n", False)
    r(b"$0\r\n\r\n", False)
    r(b"*0\r\n", False)
    r(b"*-1\r\n", False)
    r(b":1000\r\n", False)
    r(b":-42\r\n", False)
    r(b"-ERR unknown command 'FOO'\r\n", False)
    r(b"-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", False)
    r(arr(bulk(b"INCR"), bulk(b"z")) * 3)
    r(b"PING\r\n")
    r(b"PING\r\nPING\r\nPING\r\n")
    r(b"\r\n\r\nPING\n")
    r(b"PING")
    r(b"\nSET a b\r\n")
    r(arr(bulk(b"MGET"), bulk(b"a"), bulk(b"b")), True)
    r(arr(bulk(b"x"), b"$-1\r\n", b":5\r\n", arr(b"+a\r\n", b"-b\r\n"), b"*0\r\n"), False)
    r(arr(bulk(b"bin\x00\x01\x7f\x80\xff\r\nx")), False)
    r(b"+\r\n-\r\n:\r\n", False)
    # Bad lengths.
    for ln in (b"-2", b"-0", b"-1x", b"-", b"x", b"", b"12a", b"2147483647", b"2147483648",
               b"99999999999", b"-99999999999", b"3\n", b"3\rx", b"3\r", b"3"):
        r(b"$" + ln + b"\r\nabc\r\n")
        r(b"*" + ln + b"\r\n:1\r\n")
    r(b"$5\r\nab\r\n")
    r(b"$3\r\nabcdef\r\n")
    r(b"$3\r\nabc")
    r(b"$3\r\nabc\r")
    r(b"*3\r\n:1\r\n")
    r(b"+OK")
    r(b"+OK\r")
    r(b"+OK\n\r\n")
    r(b"-")
    # A reply split over segments: the second starts inside a bulk string.
    big = bulk(b"x" * 120 + b"\r\n" + b"y" * 50)
    r(big[:60], False)
    r(big[60:], False)
    r(b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n")
    r(b"$1\r\nv\r\n")
    r(arr(bulk(b"HELLO"), bulk(b"3")) + b"PING\r\n" + b":7\r\n")
    r(b"%2\r\n+a\r\n:1\r\n_\r\n#t\r\n,1.5\r\n", False)
    # Deep nesting.
    r(b"*1\r\n" * 300 + b":1\r\n")
    r(b"*2\r\n" * 30 + b":1\r\n" * 31)
    r(b"*1\r\n" * 300)
    # Random bytes, and random RESP-ish text.
    for _ in range(80):
        if R.random() < 0.5:
            b = bytes(R.randint(0, 255) for _ in range(R.randint(1, 40)))
        else:
            b = b"".join(R.choice([b"*", b"$", b"+", b"-", b":", b"\r\n", b"\r", b"\n", b"1",
                                   b"2", b"0", b"-1", b"abc", b" "])
                         for _ in range(R.randint(1, 25)))
        r(b, R.random() < 0.5)
    out.append(tcp(6379, bulk(b"v6"), v6=True))
    return out


def nb_name(n, suffix=0x20):
    raw = n.ljust(15)[:15].encode() + bytes([suffix])
    return b"\x20" + b"".join(bytes([0x41 + (c >> 4), 0x41 + (c & 15)]) for c in raw) + b"\0"


def netbios():
    """tcpdump 4.99.3 as packaged is built without its SMB printers: NetBIOS and
    SMB traffic prints as plain UDP/TCP at every verbosity, which rfilter must match."""
    out = []
    u = lambda sport, dport, b: out.append(Ether(**MAC) / IP(src="10.0.0.1", dst="10.0.0.255") /
                                           UDP(sport=sport, dport=dport) / Raw(b))
    # Name service: query, positive response, registration, node status.
    u(137, 137, struct.pack(">HHHHHH", 0x1234, 0x0110, 1, 0, 0, 0) + nb_name("WORKGROUP", 0x1d) +
      b"\0\x20\0\x01")
    u(137, 137, struct.pack(">HHHHHH", 0x1234, 0x8500, 0, 1, 0, 0) + nb_name("HOST") +
      b"\0\x20\0\x01" + struct.pack(">IH", 300000, 6) + b"\x00\x00\x0a\x00\x00\x05")
    u(137, 137, struct.pack(">HHHHHH", 0x1, 0x2910, 1, 0, 0, 1) + nb_name("HOST") +
      b"\0\x20\0\x01" + b"\xc0\x0c\0\x20\0\x01" + struct.pack(">IH", 300000, 6) + b"\0\0\x0a\0\0\x01")
    u(137, 137, struct.pack(">HHHHHH", 0x2, 0x0000, 1, 0, 0, 0) + nb_name("*", 0) + b"\0\x21\0\x01")
    u(40000, 137, b"\x12")
    # Datagram service: direct group datagram carrying an SMB browser announcement.
    smb = b"\xffSMB\x25" + b"\0" * 27 + b"\x11" + b"\0" * 40 + b"\\MAILSLOT\\BROWSE\0"
    dgm = struct.pack(">BBHIHHH", 0x11, 0x02, 0x8001, 0x0a000001, 138, 32 + 34 * 2 + len(smb), 0) + \
        nb_name("HOST") + nb_name("WORKGROUP", 0x1d) + smb
    u(138, 138, dgm)
    u(138, 138, struct.pack(">BBHIHH", 0x14, 0x02, 1, 0x0a000001, 138, 0) + b"\x20")
    # Session service on 139 and SMB/SMB2 over 445.
    t = lambda port, b, client=True: out.append(tcp(port, b, client))
    t(139, b"\x81\x00\x00\x44" + nb_name("SERVER") + nb_name("CLIENT"))
    t(139, b"\x82\x00\x00\x00", False)
    t(139, b"\x83\x00\x00\x01\x80", False)
    t(139, b"\x85\x00\x00\x00")
    neg = b"\xffSMBr" + b"\0" * 4 + b"\x18\x53\xc8" + b"\0" * 20 + b"\x00\x0c\x00\x02NT LM 0.12\x00"
    t(139, struct.pack(">I", len(neg)) + neg)
    t(445, struct.pack(">I", len(neg)) + neg)
    smb2 = b"\xfeSMB" + struct.pack("<HHIHHI", 64, 0, 0, 0, 1, 0) + b"\0" * 44 + b"\x24\x00\x01\x00"
    t(445, struct.pack(">I", len(smb2)) + smb2)
    t(445, struct.pack(">I", len(smb2)) + smb2, False)
    t(445, b"\x00\x00", False)
    return out


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "tests/data/tcpsvc"
    os.makedirs(d, exist_ok=True)
    for name_, f in (("telnet", telnet), ("pptp", pptp), ("resp", resp),
                     ("netbios", netbios)):
        write(d, name_, f())


if __name__ == "__main__":
    main()
