"""The scapy half of pktgen.py, for the tests/data/make_*.py scripts that build
their packets with scapy: the hosts they share, UDP and TCP packet builders
between them, and the fixed timestamps the files are written with. Needs scapy
(pktgen.py itself does not).
"""
import os

from scapy.all import Ether, IP, IPv6, UDP, TCP, Raw, wrpcap

from pktgen import T0

E = Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
A, B = "10.0.0.1", "10.0.0.2"
A6, B6 = "2001:db8::1", "2001:db8::2"


def ip(proto=None, **kw):
    """An IPv4 header from A to B (of protocol proto when given)."""
    if proto is None:
        return IP(src=A, dst=B, **kw)
    return IP(src=A, dst=B, proto=proto, **kw)


def udp4(sport, dport, payload):
    return E / IP(src=A, dst=B) / UDP(sport=sport, dport=dport) / Raw(payload)


def udp6(sport, dport, payload):
    return E / IPv6(src=A6, dst=B6) / UDP(sport=sport, dport=dport) / Raw(payload)


def tcp4(sport, dport, payload, seq=1000):
    return (E / IP(src=A, dst=B) /
            TCP(sport=sport, dport=dport, flags="PA", seq=seq, ack=2000, window=8192) /
            Raw(payload))


def tcp6(sport, dport, payload, seq=1000):
    return (E / IPv6(src=A6, dst=B6) /
            TCP(sport=sport, dport=dport, flags="PA", seq=seq, ack=2000, window=8192) /
            Raw(payload))


def udp4_port_pairs(mine, others, payload):
    """For each port a of mine and b of mine + others but a, payload over UDP
    from a to b and from b to a: which printer wins shows the dispatch order."""
    pkts = []
    for a in mine:
        for b in mine + others:
            if a == b:
                continue
            pkts.append(udp4(a, b, payload))
            pkts.append(udp4(b, a, payload))
    return pkts


def stamp(pkts, usec_step=0):
    """Stamps packet i with T0 + i seconds and (i * usec_step) % 1000000
    microseconds; returns pkts."""
    for i, p in enumerate(pkts):
        p.time = (T0 + i + (i * usec_step % 1000000) / 1e6) if usec_step else T0 + i
    return pkts


def write(outdir, name, pkts, usec_step=0):
    """Writes pkts, stamped as stamp() does, to outdir/name.pcap."""
    wrpcap(os.path.join(outdir, name + ".pcap"), stamp(pkts, usec_step))
