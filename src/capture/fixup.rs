//! Adjusts a program compiled for a cooked link type (LINUX_SLL, LINUX_SLL2) to what
//! a filter on a `SOCK_DGRAM` packet socket sees.
//!
//! The kernel runs the filter on the packet *without* the cooked header (that header
//! is built by us, in userspace, from the ring's `sockaddr_ll`). So loads past the
//! header move back by the header length, and loads of the header fields the kernel
//! knows become ancillary loads (`SKF_AD_OFF + …`). Any other use of the header, or
//! of the packet length (which would differ by the header length), cannot be
//! expressed: the caller then filters in userspace.

use crate::bpf::Insn;
use crate::bpf::insn::*;
use crate::linktype::LinkType;

const SLL_HDR_LEN: u32 = 16;
const SLL2_HDR_LEN: u32 = 20;

/// The kernel-side version of `prog` (compiled for `linktype`), or `None` when the
/// program must run in userspace on the full cooked packet instead.
pub fn for_cooked_socket(prog: &[Insn], linktype: LinkType) -> Option<Vec<Insn>> {
    let hdr_len = match linktype {
        LinkType::LinuxSll => SLL_HDR_LEN,
        LinkType::LinuxSll2 => SLL2_HDR_LEN,
        _ => return Some(prog.to_vec()),
    };
    prog.iter()
        .map(|insn| fix_insn(*insn, linktype, hdr_len))
        .collect()
}

fn fix_insn(mut insn: Insn, linktype: LinkType, hdr_len: u32) -> Option<Insn> {
    let class = insn.class();
    if class != BPF_LD && class != BPF_LDX {
        return Some(insn);
    }
    let mode = insn.code & 0xe0;
    let size = insn.code & 0x18;
    match mode {
        // Packet length: the kernel's excludes the cooked header.
        BPF_LEN => None,
        BPF_ABS | BPF_IND | BPF_MSH => {
            if mode == BPF_ABS && insn.k >= SKF_AD_OFF {
                // Already an ancillary load (e.g. `vlan`, `inbound`): keep it.
                return Some(insn);
            }
            if insn.k >= hdr_len {
                insn.k -= hdr_len;
                return Some(insn);
            }
            if mode != BPF_ABS || class != BPF_LD {
                return None;
            }
            let field = match (linktype, insn.k, size) {
                (LinkType::LinuxSll, 0, BPF_H) => SKF_AD_PKTTYPE,
                (LinkType::LinuxSll, 14, BPF_H) => SKF_AD_PROTOCOL,
                (LinkType::LinuxSll2, 0, BPF_H) => SKF_AD_PROTOCOL,
                (LinkType::LinuxSll2, 4, BPF_W) => SKF_AD_IFINDEX,
                (LinkType::LinuxSll2, 10, BPF_B) => SKF_AD_PKTTYPE,
                _ => return None,
            };
            // Ancillary loads always yield a 32-bit value, whatever the size bits;
            // the values equal what the header field holds.
            insn.k = SKF_AD_OFF + field;
            Some(insn)
        }
        _ => Some(insn),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(size: u16, k: u32) -> Insn {
        Insn::stmt(BPF_LD | size | BPF_ABS, k)
    }

    #[test]
    fn payload_loads_shift_and_header_fields_become_ancillary() {
        let prog = vec![
            ld(BPF_H, 14),
            Insn::jump(BPF_JMP | BPF_JEQ | BPF_K, 0x0800, 0, 3),
            ld(BPF_B, 25),
            Insn::stmt(BPF_LDX | BPF_B | BPF_MSH, 16),
            Insn::stmt(BPF_LD | BPF_H | BPF_IND, 18),
            ld(BPF_H, 0),
            ld(BPF_W, SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT),
            Insn::stmt(BPF_RET | BPF_K, 262144),
        ];
        let fixed = for_cooked_socket(&prog, LinkType::LinuxSll).unwrap();
        assert_eq!(fixed[0], ld(BPF_H, SKF_AD_OFF + SKF_AD_PROTOCOL));
        assert_eq!(fixed[1], prog[1]);
        assert_eq!(fixed[2], ld(BPF_B, 9));
        assert_eq!(fixed[3], Insn::stmt(BPF_LDX | BPF_B | BPF_MSH, 0));
        assert_eq!(fixed[4], Insn::stmt(BPF_LD | BPF_H | BPF_IND, 2));
        assert_eq!(fixed[5], ld(BPF_H, SKF_AD_OFF + SKF_AD_PKTTYPE));
        assert_eq!(fixed[6], prog[6]);
        assert_eq!(fixed[7], prog[7]);
    }

    #[test]
    fn sll2_fields() {
        let prog = vec![ld(BPF_H, 0), ld(BPF_W, 4), ld(BPF_B, 10), ld(BPF_B, 29)];
        let fixed = for_cooked_socket(&prog, LinkType::LinuxSll2).unwrap();
        assert_eq!(fixed[0].k, SKF_AD_OFF + SKF_AD_PROTOCOL);
        assert_eq!(fixed[1].k, SKF_AD_OFF + SKF_AD_IFINDEX);
        assert_eq!(fixed[2].k, SKF_AD_OFF + SKF_AD_PKTTYPE);
        assert_eq!(fixed[3].k, 9);
    }

    #[test]
    fn unfixable_programs_go_to_userspace() {
        // A hardware-address byte of the SLL header.
        assert!(for_cooked_socket(&[ld(BPF_B, 6)], LinkType::LinuxSll).is_none());
        // The packet length.
        let len = Insn::stmt(BPF_LD | BPF_W | BPF_LEN, 0);
        assert!(for_cooked_socket(&[len], LinkType::LinuxSll).is_none());
        // An indexed load inside the header.
        let ind = Insn::stmt(BPF_LD | BPF_B | BPF_IND, 3);
        assert!(for_cooked_socket(&[ind], LinkType::LinuxSll2).is_none());
        // The protocol field read byte-wise is not the ancillary value.
        assert!(for_cooked_socket(&[ld(BPF_B, 14)], LinkType::LinuxSll).is_none());
    }

    #[test]
    fn non_cooked_programs_are_untouched() {
        let prog = vec![ld(BPF_H, 12), Insn::stmt(BPF_RET | BPF_K, 96)];
        assert_eq!(for_cooked_socket(&prog, LinkType::En10mb).unwrap(), prog);
    }
}
