#!/usr/bin/env python3
"""Writes the captures of tests/cli_flags.rs into tests/data/flags/. asdot.pcap: BGP messages
with 4-byte AS numbers above 65535 in every place tcpdump's -b changes (AS paths,
AGGREGATOR/AS4_AGGREGATOR, route distinguishers, extended communities, the 4-byte
AS capability, RT-constraint origin AS and route target, multicast-VPN source AS,
attribute-set origin AS). mesh.pcap: 802.11 data frames (QoS or not, every
DS direction) with and without 802.11s mesh control headers of each address
extension, reserved flag bits, and cut short, for -H. Deterministic. Needs scapy (reuses make_print_app.py's
helpers); the tests only read the files and compare rfilter with tcpdump.

usage: python3 tests/data/make_flags.py tests/data/flags
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_print_app import attr, bgp_open, bgpmsg, cap, capparam, ip4, pfx, tcp, update  # noqa: E402
from pktgen import write_pcap  # noqa: E402
from pktgen_scapy import write  # noqa: E402

BIG = [65535, 65536, 4200000000, 4294967295, 131071]


def asdot():
    pkts = []
    for asn in BIG:
        pkts.append(tcp(179, 50123, bgp_open(23456, 90, "10.0.0.1",
                                             [capparam(cap(65, struct.pack("!I", asn)))])))
    aspath = attr(0x50, 2, bytes([2, len(BIG)]) + b"".join(struct.pack("!I", a) for a in BIG)
                  + bytes([1, 2]) + struct.pack("!II", 70000, 12))
    as4path = attr(0xd0, 17, bytes([2, 2]) + struct.pack("!II", 4200000000, 65536))
    aggr = attr(0xc0, 7, struct.pack("!I", 4200000001) + ip4("192.0.2.2"))
    as4aggr = attr(0xc0, 18, struct.pack("!I", 65537) + ip4("192.0.2.3"))
    ext = attr(0xc0, 16, b"\x02\x02" + struct.pack("!IH", 4200000000, 7)
               + b"\x02\x03" + struct.pack("!IH", 65536, 8)
               + b"\x02\x02" + struct.pack("!IH", 100, 9))
    attrs = attr(0x40, 1, b"\x00") + aspath + as4path + aggr + as4aggr + ext
    pkts.append(tcp(179, 50123, update(b"", attrs, pfx("10.1.0.0/16"))))
    rtc = attr(0x90, 14, b"\x00\x01\x84\x04" + ip4("10.0.0.9") + b"\x00"
               + bytes([96]) + struct.pack("!I", 4200000000) + b"\x02\x02" + struct.pack("!IH", 70000, 5)
               + bytes([96]) + struct.pack("!I", 65536) + b"\x00\x02" + struct.pack("!HI", 1, 70000))
    pkts.append(tcp(179, 50123, update(b"", rtc)))
    rd2 = b"\x00\x02" + struct.pack("!IH", 4200000000, 9)
    mv = lambda t, body: bytes([t, len(body)]) + body
    sg4 = b"\x20" + ip4("10.1.1.1") + b"\x20" + ip4("232.1.1.1")
    mvpn = attr(0x90, 14, b"\x00\x01\x05\x04" + ip4("10.0.0.9") + b"\x00"
                + mv(1, rd2 + ip4("10.0.0.1")) + mv(2, rd2 + struct.pack("!I", 65536))
                + mv(6, rd2 + struct.pack("!I", 4200000000) + sg4)
                + mv(7, rd2 + struct.pack("!I", 70000) + sg4))
    pkts.append(tcp(179, 50123, update(b"", mvpn)))
    vpn = attr(0x90, 14, b"\x00\x01\x80\x0c" + b"\x00" * 8 + ip4("10.0.0.9") + b"\x00"
               + bytes([88 + 24]) + b"\x00\x01\x01" + rd2 + ip4("192.168.3.0")[:3])
    pkts.append(tcp(179, 50123, update(b"", vpn)))
    aset = attr(0xc0, 128, struct.pack("!I", 4200000005) + attr(0x40, 1, b"\x00"))
    pkts.append(tcp(179, 50123, update(b"", attr(0x40, 1, b"\x00") + aset)))
    return pkts


def mesh(out):
    from make_wifi import AP, STA, STA2, data_frame, ipv4_udp, llc_snap, mac
    a4, a5, a6 = mac("02:aa:00:00:00:04"), mac("02:aa:00:00:00:05"), mac("02:aa:00:00:00:06")
    body = llc_snap(0x0800, ipv4_udp("10.0.0.1", "10.0.0.2", 5000, 53, b"\x12\x34\x01\x00\x00\x01"
                                                              b"\x00\x00\x00\x00\x00\x00\x01a\x00\x00\x01\x00\x01"))
    frames = []
    for ds in range(4):
        for ae, addrs in enumerate([b"", a4, a4 + a5, a4 + a5 + a6]):
            meshctl = bytes([ae, 31 + ae]) + struct.pack("<I", 70000 + ds * 10 + ae) + addrs
            frames.append(data_frame(8, ds, meshctl + body, qos=0x0100))
        # Reserved bits set: no mesh header, the LLC header follows at once.
        frames.append(data_frame(8, ds, body, qos=0x0000))
        # Not QoS data: never a mesh header.
        frames.append(data_frame(0, ds, bytes([0, 5, 1, 0, 0, 0]) + body))
    full = data_frame(8, 2, bytes([2, 9]) + struct.pack("<I", 5) + a4 + a5 + body, qos=0x0100)
    hdr = len(data_frame(8, 2, b"", qos=0x0100))
    for cut in [hdr, hdr + 1, hdr + 10, hdr + 17, hdr + 18, hdr + 20]:
        frames.append((full[:cut], len(full)))
    write_pcap(os.path.join(out, "mesh.pcap"), 105, frames, usec_step=1000, snaplen=262144)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    mesh(out)
    for name, gen in [("asdot", asdot)]:
        write(out, name, gen())


if __name__ == "__main__":
    main()
