//! Packet printing in tcpdump 4.99's format.
//!
//! Decoded as tcpdump prints them (`-n`/`-v`…`-vvv`/`-e`/`-q`/`-x`/`-X`/`-A`, checked
//! line by line against the tcpdump binary by `tests/print_golden.rs` and
//! `tests/print_encap.rs`): Ethernet, 802.1Q/802.1ad, LLC/SNAP, STP, Linux cooked
//! v1/v2, BSD/OpenBSD loopback, raw IP; ARP/RARP; IPv4 (options, fragments); IPv6
//! (hop-by-hop, destination, routing, fragment headers); TCP (relative sequence
//! numbers, every option kind including MPTCP, HTTP/SSH first lines); UDP; ICMP; ICMPv6
//! (ND options, MLD); DNS and mDNS (EDNS options); NTP; IGMP (with DVMRP, PIMv1,
//! mtrace), VRRP, ESP, GRE, syslog, Broadcom LI; SCTP (M3UA), OSPFv2/v3, PIM, RSVP,
//! SNMP (also `tests/print_ipproto.rs`); PPPoE discovery and sessions with PPP (LCP/IPCP/IPv6CP/CCP/BACP
//! options, PAP, CHAP); MPLS label stacks; VXLAN and Geneve with their inner frames;
//! BOOTP/DHCP (RFC 1048 options) and LLDP (every TLV, organization-specific ones
//! included); CDP, DTP, UDLD, VTP and PVST+ under Cisco's SNAP OUI, the slow
//! protocols (LACP, Marker, OAM), the loopback protocol, EIGRP, EGP,
//! IGRP, PGM, IPComp, Mobile IP, DCCP, PTP, the IPv6 mobility header and GRE
//! source routes (`tests/print_l2misc.rs`); AH, ISAKMP/IKEv1/IKEv2 and NAT-T, RADIUS,
//! L2TP and Kerberos (`tests/print_vpn.rs`); DHCPv6, RIP/RIPng, HSRP, BFD and TFTP
//! (`tests/print_udpa.rs`); SIP, BGP, EAPOL/EAP and Sun RPC/NFS (`tests/print_app.rs`);
//! telnet options, PPTP and RESP/Redis (`tests/print_tcpsvc.rs`); SMTP, FTP, WHOIS and
//! RTSP first lines, and the rarer ICMPv6 messages (node
//! information, router renumbering, RPL) (`tests/print_mixed.rs`); PPP, Cisco HDLC and
//! the other serial link types (`tests/print_linkppp.rs`); sFlow, LSP ping, OTV,
//! AODV, Cisco auto-RP, timed, SOME/IP, vat, VQP and LWAPP (`tests/print_udpsvc2.rs`);
//! LDP, OLSR, LMP, lwres and IPX with its SAP and RIP (`tests/print_ldp.rs`);
//! VXLAN-GPE with NSH, LISP control, MSDP, RPKI-RTR, zephyr, AHCP, babel and HNCP
//! (`tests/print_more.rs`);
//! other protocols get tcpdump's generic fallbacks (`ip-proto-N`, `ethertype
//! Unknown`, `UDP, length N`), which differ from tcpdump where tcpdump has a dedicated
//! printer.
//!
//! [`Printer`] is a [`Sink`]: it takes each packet, decodes it with the protocol
//! printers in this module (one file per protocol family) and appends tcpdump's text
//! to a large reused buffer that is written out in big chunks (or per line with `-l`).
//! Decoders never index untrusted bytes directly: every read goes through `Ctx`'s
//! bounds-checked getters, which fail with `Trunc` — printed as tcpdump's
//! ` [|proto]` mark — when the capture ends early.

mod af;
mod ah;
mod ahcp;
mod aodv;
mod arp;
mod atalk;
mod atm;
mod autorp;
mod babel;
mod beep;
mod bfd;
mod bgp;
mod bootp;
mod cdp;
mod cisco;
mod cnfp;
mod decnet;
mod dhcp6;
mod dns;
mod dns_name;
mod eapol;
mod eigrp;
mod enc;
mod esp_cipher;
pub mod esp_sa;
mod ether;
mod forces;
mod gpe;
mod hex;
mod hncp;
mod hsrp;
mod icmp;
mod icmp6;
mod icmp6_info;
mod igmp;
mod ip;
mod ip6;
mod ipmisc;
mod ipx;
mod isakmp;
mod isis_ext;
mod krb;
mod l2misc;
mod l2proto;
mod l2tp;
mod ldp;
mod link;
mod linkmore;
mod lisp;
mod llc;
mod lldp;
mod lmp;
mod lspping;
mod lwapp;
mod lwres;
mod misc;
mod mpls;
mod msdp;
mod names;
mod nfs;
mod olsr;
mod openflow;
mod osi;
mod ospf;
mod ospf6;
mod otv;
pub mod out;
mod overlay;
pub mod packettype;
mod pim;
mod pktap;
mod ppp;
mod pppoe;
mod radius;
mod rip;
mod rpki;
mod rsvp;
mod rtp;
mod rx;
mod sctp;
mod serial;
mod sflow;
mod sip;
mod slip;
mod slow;
mod snmp;
mod snmp_mib;
mod someip;
mod stp;
mod tcp;
mod tcpsvc;
mod tftp;
mod time;
mod timed;
mod udp;
mod vat;
mod vqp;
mod wb;
mod wifi;
mod write_fmt;
mod zep;
mod zephyr;
mod zmtp1;

// The Juniper link types (DLT_JUNIPER_*).
mod juniper;

use crate::cli::{Args, TsPrecision};
use crate::linktype::LinkType;
use crate::packet::{PacketRef, Sink};
use std::io::Write;

pub use out::Put;

/// tcpdump's MAXIMUM_SNAPLEN: larger caplen/len values mark an invalid record.
const MAXIMUM_SNAPLEN: u32 = 262144;

/// What to print and how (the output flags of the command line).
#[derive(Clone, Debug, Default)]
pub struct PrintOptions {
    /// `-n`: no address/port/protocol name lookups.
    pub numeric: bool,
    /// `-e`: print the link-level header.
    pub link_header: bool,
    /// `-v` count.
    pub verbose: u8,
    /// `-q`: quieter output.
    pub quiet: bool,
    /// `-t` count: 0 time of day, 1 none, 2 epoch seconds, 3 delta to previous,
    /// 4 date and time, 5 delta to first.
    pub timestamp: u8,
    /// Print nanoseconds (`--time-stamp-precision nano`).
    pub nano: bool,
    /// `-x` count.
    pub hex: u8,
    /// `-X` count.
    pub hex_ascii: u8,
    /// `-A` count (-AA: including the link header).
    pub ascii: u8,
    /// `-#`.
    pub number: bool,
    /// `-S`: absolute TCP sequence numbers.
    pub absolute_seq: bool,
    /// `-l`: flush after every packet.
    pub line_buffered: bool,
    /// `-K`: do not verify checksums.
    pub no_checksums: bool,
    /// `-N`: host names without their domain (`nic`, not `nic.ddn.mil`).
    pub no_domain: bool,
    /// `-f`: the capture interface's IPv4 network and mask (host order); other
    /// ("foreign") IPv4 addresses print numerically, as tcpdump's do.
    pub localnet: Option<(u32, u32)>,
    /// `-H`: look for 802.11s mesh control headers in QoS data frames.
    pub mesh_headers: bool,
    /// `-u`: NFS file handles printed undecoded.
    pub nfs_raw_handles: bool,
    /// `-b`: BGP AS numbers above 65535 in ASDOT notation.
    pub asdot: bool,
    /// `-T TYPE`: payloads read as TYPE whatever their ports.
    pub packet_type: Option<packettype::PacketType>,
    /// `-E`: ESP security associations to decrypt with.
    pub esp: Option<std::sync::Arc<esp_sa::EspSecrets>>,
}

impl PrintOptions {
    /// The print options the command line asks for.
    pub fn from_args(args: &Args) -> PrintOptions {
        PrintOptions {
            numeric: args.numeric,
            link_header: args.link_header,
            verbose: args.verbose,
            quiet: args.quiet,
            timestamp: args.timestamp,
            nano: args.time_stamp_precision() == TsPrecision::Nano,
            hex: args.hex,
            hex_ascii: args.hex_ascii,
            ascii: args.ascii,
            number: args.number,
            absolute_seq: args.absolute_seq,
            line_buffered: args.line_buffered,
            no_checksums: args.no_checksums,
            no_domain: args.no_domain,
            packet_type: args.packet_type,
            asdot: args.asdot,
            localnet: None,
            nfs_raw_handles: args.nfs_raw_handles,
            mesh_headers: args.mesh_headers,
            esp: None,
        }
    }

    /// tcpdump suppresses its default hex print of unknown payloads when the user
    /// asked for a hex dump of the whole packet anyway, and with -q.
    pub(crate) fn suppress_default_print(&self) -> bool {
        self.hex > 0 || self.hex_ascii > 0 || self.quiet
    }
}

/// The capture ended before the bytes a printer needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Trunc;

pub(crate) type R<T = ()> = Result<T, Trunc>;

/// Bounds-checked big-endian reads on untrusted bytes.
#[inline]
pub(crate) fn u8_at(d: &[u8], off: usize) -> R<u8> {
    d.get(off).copied().ok_or(Trunc)
}

#[inline]
pub(crate) fn be16(d: &[u8], off: usize) -> R<u16> {
    match d.get(off..off.wrapping_add(2)) {
        Some(b) => Ok(u16::from_be_bytes([b[0], b[1]])),
        None => Err(Trunc),
    }
}

#[inline]
pub(crate) fn be32(d: &[u8], off: usize) -> R<u32> {
    match d.get(off..off.wrapping_add(4)) {
        Some(b) => Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]])),
        None => Err(Trunc),
    }
}

#[inline]
pub(crate) fn bytes(d: &[u8], off: usize, n: usize) -> R<&[u8]> {
    d.get(off..off.checked_add(n).ok_or(Trunc)?).ok_or(Trunc)
}

/// `d` cut to at most `n` bytes (tcpdump's "push snapend").
#[inline]
pub(crate) fn cut(d: &[u8], n: usize) -> &[u8] {
    &d[..d.len().min(n)]
}

/// Decoding state for one packet plus what persists between packets.
pub(crate) struct Ctx {
    pub o: Vec<u8>,
    pub opts: PrintOptions,
    /// Name of the protocol being decoded, for the ` [|proto]` truncation mark.
    pub proto: &'static str,
    pub tcp: tcp::SeqTable,
    /// ISAKMP initiator cookies seen so far (tcpdump's cookie cache).
    pub isakmp: isakmp::Cookies,
    pub names: names::Names,
    /// Link-layer header length known so far (what `-x` skips if a printer above
    /// the link layer stops at a truncation).
    pub ll_hdr_len: usize,
    /// Recent NFS calls, to decode their replies.
    pub nfs: nfs::XidMap,
    /// Recent AFS rx calls, to decode their replies.
    pub rx: rx::CallCache,
    /// Nesting depth of network-layer printers (IP in IP, GRE, ICMP quotes), capped
    /// so that a crafted packet cannot exhaust the stack.
    pub depth: u32,
    /// SLIP's Van Jacobson header state (tcpdump keeps it across packets).
    pub slip: slip::VjState,
}

/// Deepest encapsulation printed; deeper layers show as truncated.
pub(crate) const MAX_DEPTH: u32 = 100;

impl Ctx {
    #[inline]
    pub fn s(&mut self, s: &str) {
        self.o.s(s);
    }
    #[inline]
    pub fn dec<T: Into<u64>>(&mut self, v: T) {
        self.o.dec(v.into());
    }
    /// ` [|proto]`.
    pub fn trunc_mark(&mut self) {
        self.o.s(" [|");
        self.o.s(self.proto);
        self.o.s("]");
    }
    /// tcpdump's ` (invalid)`.
    pub fn invalid(&mut self) {
        self.o.s(" (invalid)");
    }
    pub fn ipaddr(&mut self, a: &[u8]) {
        if self.opts.numeric || self.foreign(a) {
            self.o.ipv4(a);
        } else {
            self.names.ipv4(&mut self.o, a);
        }
    }
    /// Whether `-f` says IPv4 address `a` is foreign: outside the local network.
    fn foreign(&self, a: &[u8]) -> bool {
        let (Some((net, mask)), Ok(b)) = (self.opts.localnet, <[u8; 4]>::try_from(a)) else {
            return false;
        };
        u32::from_be_bytes(b) & mask != net
    }
    pub fn ip6addr(&mut self, a: &[u8]) {
        if self.opts.numeric {
            self.o.ipv6(a);
        } else {
            self.names.ipv6(&mut self.o, a);
        }
    }
    pub fn etheraddr(&mut self, a: &[u8]) {
        if !self.opts.numeric && a == [0xff; 6] {
            self.o.s("Broadcast");
            return;
        }
        self.o.mac(a);
        if !self.opts.numeric && a.len() == 6 {
            self.o.s(" (oui ");
            self.o.s(names::oui_name(a));
            self.o.s(")");
        }
    }
    pub fn tcpport(&mut self, p: u16) {
        if self.opts.numeric {
            self.o.dec(u64::from(p));
        } else {
            self.names.port(&mut self.o, p, true);
        }
    }
    pub fn udpport(&mut self, p: u16) {
        if self.opts.numeric {
            self.o.dec(u64::from(p));
        } else {
            self.names.port(&mut self.o, p, false);
        }
    }
    /// tcpdump's default print of undecoded bytes (hex and ASCII), unless a dump of
    /// the whole packet was requested.
    pub fn default_print(&mut self, d: &[u8]) {
        if !self.opts.suppress_default_print() {
            hex::hex_and_ascii(&mut self.o, "\n\t", d, 0);
        }
    }
}

/// Prints packets in tcpdump's format to `out`.
pub struct Printer<W: Write> {
    ctx: Ctx,
    linktype: LinkType,
    out: W,
    count: u64,
    clock: time::Clock,
}

/// Buffered output is written out once it holds this much.
const FLUSH_AT: usize = 1 << 16;

impl<W: Write> Printer<W> {
    /// A printer for packets of `linktype` writing to `out`. Text is collected here
    /// and written in chunks of about 64 KiB (after every packet with
    /// `-l`), so `out` needs no buffer of its own.
    pub fn new(opts: PrintOptions, linktype: LinkType, out: W) -> Self {
        let clock = time::Clock::new(opts.timestamp, opts.nano);
        let names = names::Names::new(opts.numeric, opts.no_domain);
        Printer {
            ctx: Ctx {
                o: Vec::with_capacity(FLUSH_AT + 4096),
                opts,
                proto: "",
                tcp: tcp::SeqTable::default(),
                isakmp: isakmp::Cookies::default(),
                names,
                ll_hdr_len: 0,
                nfs: nfs::XidMap::default(),
                rx: rx::CallCache::default(),
                depth: 0,
                slip: slip::VjState::default(),
            },
            linktype,
            out,
            count: 0,
            clock,
        }
    }

    /// Appends one packet's text to the buffer.
    fn format(&mut self, pkt: &PacketRef<'_>) {
        self.count += 1;
        let c = &mut self.ctx;
        if c.opts.number {
            let start = c.o.len();
            c.o.dec(self.count);
            let n = c.o.len() - start;
            if n < 5 {
                // right-align in 5 columns ("%5u")
                c.o.splice(start..start, std::iter::repeat_n(b' ', 5 - n));
            }
            c.o.s("  ");
        }
        let caplen = pkt.data.len() as u32;
        let len = pkt.wire_len;
        if caplen == 0
            || len == 0
            || len < caplen
            || caplen > MAXIMUM_SNAPLEN
            || len > MAXIMUM_SNAPLEN
        {
            let mut first = true;
            let item = |o: &mut Vec<u8>, first: &mut bool| {
                if *first {
                    o.s("[Invalid header:");
                    *first = false;
                } else {
                    o.s(",");
                }
            };
            if caplen == 0 {
                c.o.s("[Invalid header: caplen==0");
                first = false;
            }
            if len == 0 {
                item(&mut c.o, &mut first);
                c.o.s(" len==0");
            } else if len < caplen {
                item(&mut c.o, &mut first);
                c.o.s(" len(");
                c.o.dec(u64::from(len));
                c.o.s(") < caplen(");
                c.o.dec(u64::from(caplen));
                c.o.s(")");
            }
            if caplen > MAXIMUM_SNAPLEN {
                item(&mut c.o, &mut first);
                c.o.s(" caplen(");
                c.o.dec(u64::from(caplen));
                c.o.s(") > 262144");
            }
            if len > MAXIMUM_SNAPLEN {
                item(&mut c.o, &mut first);
                c.o.s(" len(");
                c.o.dec(u64::from(len));
                c.o.s(") > 262144");
            }
            c.o.s("]\n");
            return;
        }
        self.clock.print(&mut c.o, pkt.ts);
        c.proto = "";
        c.ll_hdr_len = 0;
        c.depth = 0;
        let data = pkt.data;
        let res = link::print(c, self.linktype, data, len as usize);
        let hdrlen = match res {
            Ok(h) => h,
            Err(Trunc) => {
                // tcpdump's longjmp on truncation dumps the whole packet with -x.
                c.trunc_mark();
                0
            }
        };
        let o = &c.opts;
        let (x, xx, a) = (o.hex_ascii, o.hex, o.ascii);
        if x > 0 {
            if x > 1 {
                hex::hex_and_ascii(&mut c.o, "\n\t", data, 0);
            } else if data.len() > hdrlen {
                hex::hex_and_ascii(&mut c.o, "\n\t", &data[hdrlen..], 0);
            }
        } else if xx > 0 {
            if xx > 1 {
                hex::hex_only(&mut c.o, "\n\t", data, 0);
            } else if data.len() > hdrlen {
                hex::hex_only(&mut c.o, "\n\t", &data[hdrlen..], 0);
            }
        } else if a > 1 {
            hex::ascii(&mut c.o, data);
        } else if a > 0 && data.len() > hdrlen {
            hex::ascii(&mut c.o, &data[hdrlen..]);
        }
        c.o.push(b'\n');
    }

    fn drain(&mut self) -> std::io::Result<()> {
        if !self.ctx.o.is_empty() {
            self.out.write_all(&self.ctx.o)?;
            self.ctx.o.clear();
        }
        Ok(())
    }
}

impl<W: Write> Sink for Printer<W> {
    fn packet(&mut self, pkt: &PacketRef<'_>) -> std::io::Result<()> {
        self.format(pkt);
        if self.ctx.opts.line_buffered {
            self.drain()
                .and_then(|()| self.out.flush())
                .map_err(write_error)
        } else if self.ctx.o.len() >= FLUSH_AT {
            self.drain().map_err(write_error)
        } else {
            Ok(())
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.drain()
            .and_then(|()| self.out.flush())
            .map_err(write_error)
    }

    fn set_linktype(&mut self, linktype: LinkType) {
        self.linktype = linktype;
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.finish()
    }
}

/// A failed write of printed output, in tcpdump's words ("Unable to write
/// output: Broken pipe"); the kind is kept so that callers can tell a reader that
/// went away from a full disk.
fn write_error(e: std::io::Error) -> std::io::Error {
    let message = format!(
        "Unable to write output: {}",
        crate::savefile::io_message(&e)
    );
    std::io::Error::new(e.kind(), PrintWriteError(message))
}

/// The payload of the printer's write errors, so that callers can tell them
/// from the savefile writer's (tcpdump ends them differently).
#[derive(Debug)]
pub struct PrintWriteError(String);

impl std::fmt::Display for PrintWriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PrintWriteError {}

/// True for an error of the printer's writes (`Unable to write output: …`).
pub fn is_print_write_error(e: &std::io::Error) -> bool {
    e.get_ref()
        .is_some_and(|inner| inner.is::<PrintWriteError>())
}

/// Formats one packet on its own (a fresh printer; no TCP or time state carried
/// over), for tests and fuzzing.
pub fn format_one(opts: PrintOptions, linktype: LinkType, pkt: &PacketRef<'_>) -> String {
    let mut p = Printer::new(opts, linktype, Vec::new());
    p.format(pkt);
    String::from_utf8_lossy(&p.ctx.o).into_owned()
}

impl<W: Write> Printer<W> {
    /// The writer, after flushing buffered output into it.
    pub fn into_inner(mut self) -> W {
        let _ = self.drain();
        self.out
    }
}
