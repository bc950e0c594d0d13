//! Turning ring packets into what the sink sees: the cooked header built from the
//! ring's `sockaddr_ll`, the stripped VLAN tag put back, the direction (`-Q`) and
//! userspace filter applied, the snapshot length enforced — and copied into a
//! [`Batch`], the unit the capture thread hands to the output thread.

use super::ring::RingPacket;
use crate::bpf::Insn;
use crate::bpf::vm::{self, Ancillary};
use crate::cli::Direction;
use crate::packet::{PacketRef, Timestamp};

/// Many packets in one reusable buffer: one channel message per ring block.
#[derive(Debug, Default)]
pub struct Batch {
    data: Vec<u8>,
    meta: Vec<Meta>,
}

#[derive(Clone, Copy, Debug)]
struct Meta {
    ts: Timestamp,
    wire_len: u32,
    start: usize,
    end: usize,
}

impl Batch {
    /// An empty batch with room for `bytes` of packet data before it reallocates.
    pub fn with_capacity(bytes: usize) -> Batch {
        Batch {
            data: Vec::with_capacity(bytes),
            meta: Vec::with_capacity(bytes / 64),
        }
    }

    /// Empties the batch, keeping its buffers for reuse.
    pub fn clear(&mut self) {
        self.data.clear();
        self.meta.clear();
    }

    /// Number of packets held.
    pub fn len(&self) -> usize {
        self.meta.len()
    }

    /// Whether no packet is held.
    pub fn is_empty(&self) -> bool {
        self.meta.is_empty()
    }

    /// The packets, in capture order.
    pub fn iter(&self) -> impl Iterator<Item = PacketRef<'_>> + '_ {
        self.meta.iter().map(|m| PacketRef {
            ts: m.ts,
            wire_len: m.wire_len,
            data: self.data.get(m.start..m.end).unwrap_or(&[]),
        })
    }
}

/// Link-layer framing of the capture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// The packet as the socket gives it (Ethernet or raw IP); `vlan_offset` is
    /// where a stripped 802.1Q tag goes back (12 for Ethernet).
    AsIs {
        /// Byte offset of the EtherType a stripped tag is inserted before; `None`
        /// when tags are not put back.
        vlan_offset: Option<usize>,
    },
    /// LINUX_SLL: 16-byte header before the network-layer packet.
    Sll,
    /// LINUX_SLL2: 20-byte header.
    Sll2,
}

const PACKET_OUTGOING: u8 = 4;
const VLAN_TAG_LEN: usize = 4;

/// Everything needed to turn a ring packet into a sink packet.
#[derive(Clone, Debug)]
pub struct Framer {
    /// The link-layer header the sink expects.
    pub framing: Framing,
    /// Packets are cut to this many bytes (after the cooked header or VLAN tag is added).
    pub snaplen: u32,
    /// `-Q`: which directions to keep (`None`: all).
    pub direction: Option<Direction>,
    /// Outgoing copies on loopback are skipped (each packet is seen twice there).
    pub lo_ifindex: Option<i32>,
    /// Program to run here because the kernel could not (or would not) run it.
    pub userspace_filter: Option<Vec<Insn>>,
}

impl Framer {
    fn wanted_direction(&self, p: &RingPacket<'_>) -> bool {
        let outgoing = p.link.pkttype == PACKET_OUTGOING;
        if outgoing && self.lo_ifindex == Some(p.link.ifindex) {
            return false;
        }
        match self.direction {
            Some(Direction::In) => !outgoing,
            Some(Direction::Out) => outgoing,
            Some(Direction::Inout) | None => true,
        }
    }

    /// Appends `p` to `batch` if it passes; returns whether it did.
    pub fn push(&self, p: &RingPacket<'_>, batch: &mut Batch) -> bool {
        if !self.wanted_direction(p) {
            return false;
        }
        let start = batch.data.len();
        let buf = &mut batch.data;
        let mut wire_len = p.wire_len;
        let vlan_offset = match self.framing {
            Framing::AsIs { vlan_offset } => vlan_offset,
            Framing::Sll => {
                let l = &p.link;
                buf.extend_from_slice(&u16::from(l.pkttype).to_be_bytes());
                buf.extend_from_slice(&l.hatype.to_be_bytes());
                buf.extend_from_slice(&u16::from(l.halen).to_be_bytes());
                buf.extend_from_slice(&l.addr);
                buf.extend_from_slice(&l.protocol.to_be_bytes());
                wire_len = wire_len.saturating_add(16);
                Some(14)
            }
            Framing::Sll2 => {
                let l = &p.link;
                buf.extend_from_slice(&l.protocol.to_be_bytes());
                buf.extend_from_slice(&[0, 0]);
                buf.extend_from_slice(&l.ifindex.to_be_bytes());
                buf.extend_from_slice(&l.hatype.to_be_bytes());
                buf.push(l.pkttype);
                buf.push(l.halen);
                buf.extend_from_slice(&l.addr);
                wire_len = wire_len.saturating_add(20);
                None
            }
        };
        buf.extend_from_slice(p.data);

        if let Some(prog) = &self.userspace_filter {
            // The program sees the packet as the kernel would have: tag stripped,
            // tag in the ancillary data.
            let anc = Ancillary {
                pkttype: u32::from(p.link.pkttype),
                ifindex: p.link.ifindex as u32,
                vlan_tci: p.vlan_valid().then_some(p.vlan_tci),
                vlan_tpid: p.vlan_tpid(),
                protocol: p.link.protocol,
                hatype: p.link.hatype,
                ..Ancillary::default()
            };
            let pkt = buf.get(start..).unwrap_or(&[]);
            if vm::run_with_ancillary(prog, pkt, wire_len, &anc) == 0 {
                buf.truncate(start);
                return false;
            }
        }

        if let Some(off) = vlan_offset
            && p.vlan_valid()
            && buf.len() - start >= off
        {
            let mut tag = [0u8; VLAN_TAG_LEN];
            tag[..2].copy_from_slice(&p.vlan_tpid().to_be_bytes());
            tag[2..].copy_from_slice(&p.vlan_tci.to_be_bytes());
            let at = start + off;
            buf.splice(at..at, tag);
            wire_len = wire_len.saturating_add(VLAN_TAG_LEN as u32);
        }

        let caplen = (buf.len() - start).min(self.snaplen as usize);
        buf.truncate(start + caplen);
        batch.meta.push(Meta {
            ts: Timestamp {
                sec: i64::from(p.sec),
                nsec: i64::from(p.nsec),
            },
            wire_len,
            start,
            end: start + caplen,
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bpf::insn::*;
    use crate::capture::ring::LinkInfo;

    fn pkt<'a>(data: &'a [u8], pkttype: u8, vlan: Option<u16>) -> RingPacket<'a> {
        RingPacket {
            sec: 5,
            nsec: 6000,
            wire_len: data.len() as u32 + 100,
            status: if vlan.is_some() {
                libc::TP_STATUS_VLAN_VALID
            } else {
                0
            },
            vlan_tci: vlan.unwrap_or(0),
            vlan_tpid: 0,
            link: LinkInfo {
                protocol: 0x0800,
                ifindex: 7,
                hatype: 1,
                pkttype,
                halen: 6,
                addr: [1, 2, 3, 4, 5, 6, 0, 0],
            },
            data,
        }
    }

    fn framer(framing: Framing) -> Framer {
        Framer {
            framing,
            snaplen: 262144,
            direction: None,
            lo_ifindex: None,
            userspace_filter: None,
        }
    }

    fn eth_frame() -> Vec<u8> {
        let mut f = vec![0xaa; 6];
        f.extend([0xbb; 6]);
        f.extend([0x08, 0x00]);
        f.extend(b"payload");
        f
    }

    #[test]
    fn ethernet_vlan_tag_is_reinserted() {
        let f = framer(Framing::AsIs {
            vlan_offset: Some(12),
        });
        let frame = eth_frame();
        let mut b = Batch::default();
        assert!(f.push(&pkt(&frame, 0, Some(100)), &mut b));
        assert!(f.push(&pkt(&frame, 0, None), &mut b));
        let got: Vec<_> = b.iter().collect();
        assert_eq!(&got[0].data[..12], &frame[..12]);
        assert_eq!(&got[0].data[12..16], &[0x81, 0x00, 0x00, 100]);
        assert_eq!(&got[0].data[16..], &frame[12..]);
        assert_eq!(got[0].wire_len, frame.len() as u32 + 104);
        assert_eq!(got[0].ts, Timestamp { sec: 5, nsec: 6000 });
        assert_eq!(got[1].data, &frame[..]);
        assert_eq!(got[1].wire_len, frame.len() as u32 + 100);
    }

    #[test]
    fn cooked_headers() {
        let payload = b"\x45rest";
        let mut b = Batch::default();
        assert!(framer(Framing::Sll).push(&pkt(payload, 4, None), &mut b));
        assert!(framer(Framing::Sll2).push(&pkt(payload, 0, None), &mut b));
        let got: Vec<_> = b.iter().collect();
        assert_eq!(
            got[0].data,
            b"\x00\x04\x00\x01\x00\x06\x01\x02\x03\x04\x05\x06\x00\x00\x08\x00\x45rest"
        );
        assert_eq!(got[0].wire_len, payload.len() as u32 + 100 + 16);
        assert_eq!(
            got[1].data,
            b"\x08\x00\x00\x00\x00\x00\x00\x07\x00\x01\x00\x06\x01\x02\x03\x04\x05\x06\x00\x00\x45rest"
        );
        assert_eq!(got[1].wire_len, payload.len() as u32 + 100 + 20);
    }

    #[test]
    fn sll_vlan_goes_before_the_protocol_field() {
        let mut b = Batch::default();
        assert!(framer(Framing::Sll).push(&pkt(b"\x45", 0, Some(5)), &mut b));
        let d = b.iter().next().unwrap().data.to_vec();
        assert_eq!(&d[14..20], &[0x81, 0x00, 0x00, 0x05, 0x08, 0x00]);
    }

    #[test]
    fn snaplen_direction_and_loopback() {
        let frame = eth_frame();
        let mut f = framer(Framing::AsIs {
            vlan_offset: Some(12),
        });
        f.snaplen = 10;
        let mut b = Batch::default();
        assert!(f.push(&pkt(&frame, 0, None), &mut b));
        assert_eq!(b.iter().next().unwrap().data, &frame[..10]);

        f.direction = Some(Direction::In);
        assert!(!f.push(&pkt(&frame, PACKET_OUTGOING, None), &mut b));
        assert!(f.push(&pkt(&frame, 3, None), &mut b));
        f.direction = Some(Direction::Out);
        assert!(f.push(&pkt(&frame, PACKET_OUTGOING, None), &mut b));
        assert!(!f.push(&pkt(&frame, 0, None), &mut b));
        f.direction = None;
        f.lo_ifindex = Some(7);
        assert!(!f.push(&pkt(&frame, PACKET_OUTGOING, None), &mut b));
        assert_eq!(b.len(), 3);
    }

    #[test]
    fn userspace_filter_sees_the_untagged_packet_and_ancillary_tag() {
        // "vlan 100" the way live capture compiles it: ancillary loads.
        let prog = vec![
            Insn::stmt(
                BPF_LD | BPF_B | BPF_ABS,
                SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT,
            ),
            Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, 0, 3, 0),
            Insn::stmt(BPF_LD | BPF_H | BPF_ABS, SKF_AD_OFF + SKF_AD_VLAN_TAG),
            Insn::stmt(BPF_ALU | BPF_AND | BPF_K, 0x0fff),
            Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, 100, 1, 0),
            Insn::stmt(BPF_RET | BPF_K, 0),
            Insn::stmt(BPF_RET | BPF_K, 262144),
        ];
        let mut f = framer(Framing::AsIs {
            vlan_offset: Some(12),
        });
        f.userspace_filter = Some(prog);
        let frame = eth_frame();
        let mut b = Batch::default();
        assert!(!f.push(&pkt(&frame, 0, None), &mut b));
        assert!(!f.push(&pkt(&frame, 0, Some(200)), &mut b));
        assert!(f.push(&pkt(&frame, 0, Some(100)), &mut b));
        assert_eq!(b.len(), 1);
        assert_eq!(b.iter().next().unwrap().data.len(), frame.len() + 4);
    }
}
