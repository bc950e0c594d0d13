#!/usr/bin/env python3
"""Writes the captures of tests/print_ipproto.rs into tests/data/ipproto/: one pcap per
protocol family (SCTP, OSPF, PIM, RSVP, IGMP, SNMP, syslog, mDNS/LLMNR), normal and
malformed packets. Deterministic (fixed timestamps). Needs scapy; the tests only read
the files and compare rfilter's output with tcpdump's.

usage: python3 tests/data/make_ipproto.py tests/data/ipproto
"""
import os
import sys
from scapy.all import Ether, IP, IPv6, UDP, Raw, wrpcap
from scapy.layers.sctp import (SCTP, SCTPChunkInit, SCTPChunkInitAck, SCTPChunkCookieEcho,
                               SCTPChunkCookieAck, SCTPChunkData, SCTPChunkSACK,
                               SCTPChunkHeartbeatReq, SCTPChunkHeartbeatAck, SCTPChunkAbort,
                               SCTPChunkShutdown, SCTPChunkShutdownAck,
                               SCTPChunkShutdownComplete, SCTPChunkError,
                               SCTPChunkParamIPv4Addr, SCTPChunkParamHeartbeatInfo)

E = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
A, B = "10.0.0.1", "10.0.0.2"


def ip(proto=None, **kw):
    if proto is None:
        return IP(src=A, dst=B, **kw)
    return IP(src=A, dst=B, proto=proto, **kw)


def sctp():
    s = SCTP(sport=2905, dport=2905, tag=0x1234)
    e = E / ip()
    hdr = bytes.fromhex("0b590b5900001234abcdabcd")
    raw = E / ip(132)
    p = [
        e / s / SCTPChunkInit(init_tag=1, a_rwnd=65535, n_out_streams=10, n_in_streams=10,
                              init_tsn=100, params=[SCTPChunkParamIPv4Addr(addr=A)]),
        e / s / SCTPChunkInitAck(init_tag=2, a_rwnd=65535, n_out_streams=10, n_in_streams=10,
                                 init_tsn=200),
        e / s / SCTPChunkCookieEcho(cookie=b"abcd"),
        e / s / SCTPChunkCookieAck(),
        e / s / SCTPChunkData(tsn=101, stream_id=1, stream_seq=3, proto_id=46, data=b"hel",
                              unordered=1),
        e / s / SCTPChunkData(tsn=102, stream_id=2, stream_seq=4, proto_id=18,
                              data=b"0123456789abcdefghij", beginning=1, ending=1),
        e / s / SCTPChunkSACK(cumul_tsn_ack=100, a_rwnd=1000, n_gap_ack=2, n_dup_tsn=1,
                              gap_ack_list=["1:2", "4:5"], dup_tsn_list=[99]),
        e / s / SCTPChunkHeartbeatReq(params=[SCTPChunkParamHeartbeatInfo(data=b"12345678")]),
        e / s / SCTPChunkHeartbeatAck(params=[SCTPChunkParamHeartbeatInfo(data=b"12345678")]),
        e / s / SCTPChunkAbort(),
        e / s / SCTPChunkShutdown(cumul_tsn_ack=5),
        e / s / SCTPChunkShutdownAck(),
        e / s / SCTPChunkShutdownComplete(),
        e / s / SCTPChunkError(),
        e / s / SCTPChunkData(tsn=1, data=b"ab") / SCTPChunkData(tsn=2, data=b"cd")
        / SCTPChunkSACK(cumul_tsn_ack=1),
        # Every chunk type tcpdump names, and unknown ones.
        e / s / SCTPChunkData(tsn=1, data=b"ab") / Raw(bytes([
            0xc1, 0, 0, 8, 0, 0, 0, 1, 0x80, 0, 0, 4, 0xc0, 0, 0, 8, 0, 0, 0, 3, 0x82, 0, 0, 4,
            0x40, 0, 0, 4, 0x0c, 0, 0, 8, 0, 0, 0, 1, 0x0d, 0, 0, 4, 0x0e, 0, 0, 4, 0x0f, 0, 0,
            4, 0xff, 0, 0, 4, 0xc2, 0, 0, 4, 0x10, 0, 0, 4])),
        # Malformed: short descriptor, bad lengths, chunks too short for their type.
        raw / Raw(hdr + bytes([0, 0, 0, 2])),
        raw / Raw(hdr + bytes([0, 0, 0, 30, 0, 0, 0, 1])),
        raw / Raw(hdr + bytes([0, 3, 0])),
        raw / Raw(hdr + bytes([0, 0, 0, 16, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0])),
        raw / Raw(hdr + bytes([0, 0, 0, 8, 0, 0, 0, 1])),
        raw / Raw(hdr + bytes([1, 0, 0, 8, 0, 0, 0, 1])),
        raw / Raw(hdr + bytes([2, 0, 0, 19] + [0] * 15)),
        raw / Raw(hdr + bytes([3, 0, 0, 8, 0, 0, 0, 1])),
        raw / Raw(hdr + bytes([3, 0, 0, 20, 0, 0, 0, 1, 0, 0, 0, 1, 0, 5, 0, 0, 0, 1, 0, 2])),
        raw / Raw(hdr + bytes([3, 0, 0, 22, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 2,
                               0, 9, 0, 0])),
        raw / Raw(hdr + bytes([3, 0, 0, 26, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 2, 0, 1, 0, 2,
                               0, 0, 0, 9, 1, 2, 0, 0])),
        raw / Raw(hdr + bytes([0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9])),
        raw / Raw(hdr + bytes([0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0,
                               6, 0, 0, 4])),
        raw / Raw(hdr + bytes([0, 7, 0, 19, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0])),
        raw / Raw(hdr + bytes([6, 0, 0, 4, 0])),
        raw / Raw(hdr[:8]),
        raw / Raw(hdr[:11]),
        raw / Raw(hdr),
        # ForCES channel ports are labelled.
        e / SCTP(sport=6704, dport=6706) / SCTPChunkInit(),
        E / IPv6(src="fd00::1", dst="fd00::2") / s
        / SCTPChunkInit(init_tag=1, a_rwnd=65535, n_out_streams=10, n_in_streams=10,
                        init_tsn=100),
        # A later fragment is not decoded.
        E / ip(132, frag=10) / Raw(hdr),
    ]
    # Payload protocol identifiers with names (M3UA and ForCES excepted: tcpdump
    # decodes those payloads).
    for ppid in [1, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 19, 20, 24, 25, 26,
                 27, 28, 0xffffffff]:
        p.append(e / s / SCTPChunkData(tsn=ppid, proto_id=ppid, data=b"x"))
    return p


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/data/ipproto"
    os.makedirs(out, exist_ok=True)
    for name, gen in [("sctp", sctp)]:
        pkts = gen()
        for i, pk in enumerate(pkts):
            pk.time = 1700000000 + i + (i * 1237 % 1000000) / 1e6
        wrpcap(os.path.join(out, name + ".pcap"), pkts)


if __name__ == "__main__":
    main()
