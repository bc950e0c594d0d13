//! The memory-mapped `TPACKET_V3` receive ring: geometry, mapping, block ownership
//! hand-over, and the (safe, bounds-checked) parsing of a block's packets.
//!
//! The kernel fills one block at a time with variable-length packets and hands it
//! to us by setting `block_status` to `TP_STATUS_USER` (when full, or when the
//! retire timeout expires); we hand it back by writing `TP_STATUS_KERNEL`.

use super::socket::PacketSocket;
use std::io;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Offset of `hdr.bh1.block_status` in `struct tpacket_block_desc`.
const BLOCK_STATUS_OFF: usize = 8;
const BLOCK_NUM_PKTS_OFF: usize = 12;
const BLOCK_FIRST_PKT_OFF: usize = 16;
const BLOCK_SEQ_OFF: usize = 24;

/// Offsets in `struct tpacket3_hdr` (48 bytes, followed by `struct sockaddr_ll`).
const TP_NEXT_OFFSET: usize = 0;
const TP_SEC: usize = 4;
const TP_NSEC: usize = 8;
const TP_SNAPLEN: usize = 12;
const TP_LEN: usize = 16;
const TP_STATUS: usize = 20;
const TP_MAC: usize = 24;
const TP_VLAN_TCI: usize = 32;
const TP_VLAN_TPID: usize = 36;
/// `TPACKET_ALIGN(sizeof(struct tpacket3_hdr))`: where the sockaddr_ll starts.
const SLL_OFF: usize = 48;

/// Ring geometry (`struct tpacket_req3`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    pub block_size: u32,
    pub block_nr: u32,
    /// Retire timeout: a partly filled block is handed over after this many ms.
    pub retire_ms: u32,
}

/// Smallest block: must hold the largest packet the kernel may hand us
/// (64 KiB GSO/GRO packets, loopback's 64 KiB MTU) plus headers.
const MIN_BLOCK: u32 = 128 << 10;
/// Largest block: bigger blocks mean fewer hand-overs (wake-ups, channel messages)
/// per packet, but coarser units of buffer space.
const MAX_BLOCK: u32 = 512 << 10;
const PAGE: u32 = 4096;

impl Geometry {
    /// Splits a buffer of `buffer_bytes` into at least 4 blocks, each a power of two
    /// between 128 KiB and 512 KiB (libpcap's 2 MiB default gives 4
    /// blocks of 512 KiB, as libpcap's own geometry for a 262144-byte snaplen).
    pub fn for_buffer(buffer_bytes: u64, retire_ms: u32) -> Geometry {
        let quarter = (buffer_bytes / 4).clamp(u64::from(MIN_BLOCK), u64::from(MAX_BLOCK));
        // Round down to a power of two (a multiple of the page size).
        let block_size = 1u32 << (63 - quarter.leading_zeros());
        let nr = (buffer_bytes / u64::from(block_size)).clamp(4, 1 << 16) as u32;
        Geometry {
            block_size,
            block_nr: nr,
            retire_ms: retire_ms.max(1),
        }
    }

    pub fn req(&self) -> libc::tpacket_req3 {
        // tp_frame_size only has to divide the block for TPACKET_V3; packets are
        // variable-length inside a block.
        let frame = 2048;
        libc::tpacket_req3 {
            tp_block_size: self.block_size,
            tp_block_nr: self.block_nr,
            tp_frame_size: frame,
            tp_frame_nr: self.block_size / frame * self.block_nr,
            tp_retire_blk_tov: self.retire_ms,
            tp_sizeof_priv: 0,
            tp_feature_req_word: 0,
        }
    }

    fn total(&self) -> usize {
        debug_assert_eq!(self.block_size % PAGE, 0);
        self.block_size as usize * self.block_nr as usize
    }
}

/// The mapped ring. Unmapped on drop (before the socket closes).
#[derive(Debug)]
pub struct Ring {
    base: *mut u8,
    geo: Geometry,
}

// SAFETY: the mapping is plain shared memory; `Ring` is used by one thread at a time.
unsafe impl Send for Ring {}

impl Ring {
    /// Sets up `PACKET_RX_RING` on `sock` and maps it.
    pub fn new(sock: &PacketSocket, geo: Geometry) -> io::Result<Ring> {
        sock.set_rx_ring(&geo.req())?;
        // SAFETY: maps the ring the kernel just allocated for this socket; the length
        // is exactly the ring's size.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                geo.total(),
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED | libc::MAP_LOCKED,
                sock.fd(),
                0,
            )
        };
        let p = if p == libc::MAP_FAILED {
            // MAP_LOCKED needs RLIMIT_MEMLOCK room; without it map unlocked.
            // SAFETY: as above.
            let p = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    geo.total(),
                    libc::PROT_READ | libc::PROT_WRITE,
                    libc::MAP_SHARED,
                    sock.fd(),
                    0,
                )
            };
            if p == libc::MAP_FAILED {
                return Err(io::Error::last_os_error());
            }
            p
        } else {
            p
        };
        Ok(Ring {
            base: p.cast(),
            geo,
        })
    }

    pub fn geometry(&self) -> Geometry {
        self.geo
    }

    fn status_word(&self, block: u32) -> &AtomicU32 {
        assert!(block < self.geo.block_nr);
        let off = block as usize * self.geo.block_size as usize + BLOCK_STATUS_OFF;
        // SAFETY: `off` is inside the mapping and 4-byte aligned (blocks are
        // page-aligned); the kernel and we access it only atomically.
        unsafe { AtomicU32::from_ptr(self.base.add(off).cast()) }
    }

    /// Whether block `block` has been handed to us.
    pub fn is_ours(&self, block: u32) -> bool {
        self.status_word(block).load(Ordering::Acquire) & libc::TP_STATUS_USER != 0
    }

    /// Whether the kernel has put packets into block `block`, which it still owns,
    /// since it opened it as block number `seq` (they come out when the block is
    /// retired). A block the kernel has not reopened yet still holds its previous
    /// round's number and count, hence the check of the number.
    pub fn kernel_block_has_packets(&self, block: u32, seq: u64) -> bool {
        assert!(block < self.geo.block_nr);
        let base = block as usize * self.geo.block_size as usize;
        // SAFETY: both fields are inside the mapping and naturally aligned (blocks are
        // page-aligned); the kernel writes them while it fills the block, so they are
        // only read atomically.
        let (n, s) = unsafe {
            (
                AtomicU32::from_ptr(self.base.add(base + BLOCK_NUM_PKTS_OFF).cast()),
                AtomicU64::from_ptr(self.base.add(base + BLOCK_SEQ_OFF).cast()),
            )
        };
        s.load(Ordering::Acquire) == seq && n.load(Ordering::Acquire) != 0
    }

    /// The sequence number of block `block`, which must be ours: the kernel numbers
    /// the blocks it opens 1, 2, 3 …
    pub fn seq(&self, block: u32) -> u64 {
        let b = self.block(block);
        b.get(BLOCK_SEQ_OFF..BLOCK_SEQ_OFF + 8)
            .and_then(|s| s.try_into().ok())
            .map_or(0, u64::from_ne_bytes)
    }

    /// The bytes of block `block`, which must be ours ([`Ring::is_ours`]). The kernel
    /// does not write a block while we own it.
    pub fn block(&self, block: u32) -> &[u8] {
        assert!(block < self.geo.block_nr);
        let bs = self.geo.block_size as usize;
        // SAFETY: the range is inside the mapping, and the block is user-owned so
        // the kernel leaves it alone until `release`, which needs `&mut self`.
        unsafe { std::slice::from_raw_parts(self.base.add(block as usize * bs), bs) }
    }

    /// Hands block `block` back to the kernel.
    pub fn release(&mut self, block: u32) {
        self.status_word(block)
            .store(libc::TP_STATUS_KERNEL, Ordering::Release);
    }
}

impl Drop for Ring {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the region mapped in `new`.
        unsafe { libc::munmap(self.base.cast(), self.geo.total()) };
    }
}

/// The `struct sockaddr_ll` the kernel stores after each packet header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LinkInfo {
    /// Ethertype, host order.
    pub protocol: u16,
    pub ifindex: i32,
    pub hatype: u16,
    pub pkttype: u8,
    pub halen: u8,
    pub addr: [u8; 8],
}

/// One packet as the ring holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RingPacket<'a> {
    pub sec: u32,
    pub nsec: u32,
    /// Length on the wire (without a stripped VLAN tag).
    pub wire_len: u32,
    pub status: u32,
    pub vlan_tci: u16,
    pub vlan_tpid: u16,
    pub link: LinkInfo,
    /// Captured bytes (`tp_snaplen` of them from `tp_mac`).
    pub data: &'a [u8],
}

impl RingPacket<'_> {
    /// A VLAN tag was stripped and is in `vlan_tci` (libpcap also trusts a
    /// non-zero TCI without the flag, for old kernels).
    pub fn vlan_valid(&self) -> bool {
        self.vlan_tci != 0 || self.status & libc::TP_STATUS_VLAN_VALID != 0
    }

    /// The stripped tag's TPID (802.1Q unless the kernel says otherwise).
    pub fn vlan_tpid(&self) -> u16 {
        if self.vlan_tpid != 0 || self.status & libc::TP_STATUS_VLAN_TPID_VALID != 0 {
            self.vlan_tpid
        } else {
            libc::ETH_P_8021Q as u16
        }
    }
}

fn u16_at(b: &[u8], off: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(b.get(off..off + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], off: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(off..off + 4)?.try_into().ok()?))
}

/// Iterates over the packets of a user-owned block. A malformed header (which only
/// a kernel bug could produce) ends the iteration instead of reading out of bounds.
pub fn packets(block: &[u8]) -> BlockIter<'_> {
    let n = u32_at(block, BLOCK_NUM_PKTS_OFF).unwrap_or(0);
    let first = u32_at(block, BLOCK_FIRST_PKT_OFF).unwrap_or(0) as usize;
    BlockIter {
        block,
        left: n,
        off: first,
    }
}

/// Iterator returned by [`packets`].
pub struct BlockIter<'a> {
    block: &'a [u8],
    left: u32,
    off: usize,
}

impl<'a> Iterator for BlockIter<'a> {
    type Item = RingPacket<'a>;

    fn next(&mut self) -> Option<RingPacket<'a>> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let hdr = self.block.get(self.off..)?;
        let pkt = parse_packet(hdr);
        let next = u32_at(hdr, TP_NEXT_OFFSET)? as usize;
        if pkt.is_none() || next == 0 {
            self.left = 0;
        }
        self.off += next;
        pkt
    }
}

fn parse_packet(h: &[u8]) -> Option<RingPacket<'_>> {
    let snaplen = u32_at(h, TP_SNAPLEN)? as usize;
    let mac = usize::from(u16_at(h, TP_MAC)?);
    let sll = h.get(SLL_OFF..SLL_OFF + 20)?;
    let mut addr = [0u8; 8];
    addr.copy_from_slice(sll.get(12..20)?);
    Some(RingPacket {
        sec: u32_at(h, TP_SEC)?,
        nsec: u32_at(h, TP_NSEC)?,
        wire_len: u32_at(h, TP_LEN)?,
        status: u32_at(h, TP_STATUS)?,
        vlan_tci: u32_at(h, TP_VLAN_TCI)? as u16,
        vlan_tpid: u16_at(h, TP_VLAN_TPID)?,
        link: LinkInfo {
            protocol: u16::from_be_bytes([*sll.get(2)?, *sll.get(3)?]),
            ifindex: i32::from_ne_bytes(sll.get(4..8)?.try_into().ok()?),
            hatype: u16_at(sll, 8)?,
            pkttype: *sll.get(10)?,
            halen: *sll.get(11)?,
            addr,
        },
        data: h.get(mac..mac.checked_add(snaplen)?)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a block as the kernel lays it out, with the given packets.
    fn fake_block(pkts: &[(&[u8], u32, u32)]) -> Vec<u8> {
        let mut b = vec![0u8; 4096];
        b[BLOCK_NUM_PKTS_OFF..BLOCK_NUM_PKTS_OFF + 4]
            .copy_from_slice(&(pkts.len() as u32).to_ne_bytes());
        let first = 48usize;
        b[BLOCK_FIRST_PKT_OFF..BLOCK_FIRST_PKT_OFF + 4]
            .copy_from_slice(&(first as u32).to_ne_bytes());
        let mut off = first;
        for (i, (data, status, tci)) in pkts.iter().enumerate() {
            let mac = 80usize;
            let size = (mac + data.len()).next_multiple_of(16);
            let next = if i + 1 == pkts.len() { 0 } else { size as u32 };
            let h = &mut b[off..];
            h[TP_NEXT_OFFSET..4].copy_from_slice(&next.to_ne_bytes());
            h[TP_SEC..TP_SEC + 4].copy_from_slice(&(100 + i as u32).to_ne_bytes());
            h[TP_NSEC..TP_NSEC + 4].copy_from_slice(&7u32.to_ne_bytes());
            h[TP_SNAPLEN..TP_SNAPLEN + 4].copy_from_slice(&(data.len() as u32).to_ne_bytes());
            h[TP_LEN..TP_LEN + 4].copy_from_slice(&(data.len() as u32 + 10).to_ne_bytes());
            h[TP_STATUS..TP_STATUS + 4].copy_from_slice(&status.to_ne_bytes());
            h[TP_MAC..TP_MAC + 2].copy_from_slice(&(mac as u16).to_ne_bytes());
            h[TP_VLAN_TCI..TP_VLAN_TCI + 4].copy_from_slice(&tci.to_ne_bytes());
            h[SLL_OFF + 2..SLL_OFF + 4].copy_from_slice(&0x0800u16.to_be_bytes());
            h[SLL_OFF + 10] = 4;
            h[mac..mac + data.len()].copy_from_slice(data);
            off += size;
        }
        b
    }

    #[test]
    fn parses_every_packet_of_a_block() {
        let b = fake_block(&[(b"abc", 1, 0), (b"defgh", 1 | 0x10, 100)]);
        let got: Vec<_> = packets(&b).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].data, b"abc");
        assert_eq!(got[0].sec, 100);
        assert_eq!(got[0].wire_len, 13);
        assert!(!got[0].vlan_valid());
        assert_eq!(got[1].data, b"defgh");
        assert_eq!(got[1].sec, 101);
        assert!(got[1].vlan_valid());
        assert_eq!(got[1].vlan_tci, 100);
        assert_eq!(got[1].vlan_tpid(), 0x8100);
        assert_eq!(got[1].link.protocol, 0x0800);
        assert_eq!(got[1].link.pkttype, 4);
    }

    #[test]
    fn malformed_block_stops_without_panicking() {
        let mut b = fake_block(&[(b"abc", 1, 0)]);
        // Claim more packets than there are and a snaplen past the end.
        b[BLOCK_NUM_PKTS_OFF..BLOCK_NUM_PKTS_OFF + 4].copy_from_slice(&5u32.to_ne_bytes());
        let h = 48;
        b[h + TP_SNAPLEN..h + TP_SNAPLEN + 4].copy_from_slice(&1_000_000u32.to_ne_bytes());
        assert_eq!(packets(&b).count(), 0);
        let short = &b[..20];
        assert_eq!(packets(short).count(), 0);
    }

    #[test]
    fn geometry_is_accepted_shape() {
        for (kib, block_kib, nr) in [
            (2048u64, 512u32, 4u32),
            (4096, 512, 8),
            (256, 128, 4),
            (1000, 128, 7),
            (1 << 20, 512, 2048),
        ] {
            let g = Geometry::for_buffer(kib << 10, 100);
            assert_eq!(
                (g.block_size >> 10, g.block_nr),
                (block_kib, nr),
                "{kib} KiB"
            );
            assert_eq!(g.block_size % PAGE, 0);
            let r = g.req();
            assert_eq!(
                r.tp_frame_nr * r.tp_frame_size,
                r.tp_block_size * r.tp_block_nr
            );
        }
        assert_eq!(Geometry::for_buffer(1 << 20, 0).retire_ms, 1);
    }
}
