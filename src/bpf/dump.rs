//! tcpdump's `-d`, `-dd` and `-ddd` program listings, byte for byte as libpcap's
//! `bpf_dump`/`bpf_image` print them.

use super::Insn;
use super::insn::*;
use std::fmt::Write;

/// The listing for `-d` (level 1), `-dd` (2) or `-ddd` (3 and more); empty for 0.
/// Every line ends with a newline.
pub fn dump(prog: &[Insn], level: u8) -> String {
    let mut out = String::with_capacity(prog.len() * 48 + 8);
    match level {
        0 => {}
        1 => {
            for (n, insn) in prog.iter().enumerate() {
                out.push_str(&image(insn, n));
                out.push('\n');
            }
        }
        2 => {
            for insn in prog {
                let _ = writeln!(
                    out,
                    "{{ 0x{:x}, {}, {}, 0x{:08x} }},",
                    insn.code, insn.jt, insn.jf, insn.k
                );
            }
        }
        _ => {
            let _ = writeln!(out, "{}", prog.len());
            for insn in prog {
                let _ = writeln!(out, "{} {} {} {}", insn.code, insn.jt, insn.jf, insn.k);
            }
        }
    }
    out
}

/// libpcap's names for the Linux ancillary offsets (`SKF_AD_OFF + n`), as
/// `bpf_image` prints them.
fn ancillary_name(k: u32) -> Option<&'static str> {
    Some(match k.checked_sub(SKF_AD_OFF)? {
        SKF_AD_PROTOCOL => "proto",
        SKF_AD_PKTTYPE => "type",
        SKF_AD_IFINDEX => "ifidx",
        SKF_AD_NLATTR => "nla",
        SKF_AD_NLATTR_NEST => "nlan",
        SKF_AD_MARK => "mark",
        SKF_AD_QUEUE => "queue",
        SKF_AD_HATYPE => "hatype",
        SKF_AD_RXHASH => "rxhash",
        SKF_AD_CPU => "cpu",
        SKF_AD_ALU_XOR_X => "xor_x",
        SKF_AD_VLAN_TAG => "vlan_tci",
        SKF_AD_VLAN_TAG_PRESENT => "vlanp",
        SKF_AD_PAY_OFFSET => "poff",
        SKF_AD_RANDOM => "random",
        SKF_AD_VLAN_TPID => "vlan_tpid",
        _ => return None,
    })
}

/// One line of `-d` output for instruction number `n`, without the newline.
pub fn image(insn: &Insn, n: usize) -> String {
    // C's printf("%d") of the unsigned k: libpcap prints most constants signed.
    let sk = insn.k as i32;
    let abs = || match ancillary_name(insn.k) {
        Some(name) => format!("[{name}]"),
        None => format!("[{sk}]"),
    };
    let (op, operand): (&str, String) = match insn.code {
        0x06 => ("ret", format!("#{sk}")),
        0x16 => ("ret", String::new()),
        0x20 => ("ld", abs()),
        0x28 => ("ldh", abs()),
        0x30 => ("ldb", abs()),
        0x80 => ("ld", "#pktlen".into()),
        0x40 => ("ld", format!("[x + {sk}]")),
        0x48 => ("ldh", format!("[x + {sk}]")),
        0x50 => ("ldb", format!("[x + {sk}]")),
        0x00 => ("ld", format!("#0x{:x}", insn.k)),
        0x01 => ("ldx", format!("#0x{:x}", insn.k)),
        0xb1 => ("ldxb", format!("4*([{sk}]&0xf)")),
        0x60 => ("ld", format!("M[{sk}]")),
        0x61 => ("ldx", format!("M[{sk}]")),
        0x02 => ("st", format!("M[{sk}]")),
        0x03 => ("stx", format!("M[{sk}]")),
        // C int arithmetic: n + 1 + k wraps as a 32-bit int.
        0x05 => (
            "ja",
            format!("{}", (n as i32).wrapping_add(1).wrapping_add(sk)),
        ),
        0x25 => ("jgt", format!("#0x{:x}", insn.k)),
        0x35 => ("jge", format!("#0x{:x}", insn.k)),
        0x15 => ("jeq", format!("#0x{:x}", insn.k)),
        0x45 => ("jset", format!("#0x{:x}", insn.k)),
        0x2d => ("jgt", "x".into()),
        0x3d => ("jge", "x".into()),
        0x1d => ("jeq", "x".into()),
        0x4d => ("jset", "x".into()),
        0x0c => ("add", "x".into()),
        0x1c => ("sub", "x".into()),
        0x2c => ("mul", "x".into()),
        0x3c => ("div", "x".into()),
        0x9c => ("mod", "x".into()),
        0x5c => ("and", "x".into()),
        0x4c => ("or", "x".into()),
        0xac => ("xor", "x".into()),
        0x6c => ("lsh", "x".into()),
        0x7c => ("rsh", "x".into()),
        0x04 => ("add", format!("#{sk}")),
        0x14 => ("sub", format!("#{sk}")),
        0x24 => ("mul", format!("#{sk}")),
        0x34 => ("div", format!("#{sk}")),
        0x94 => ("mod", format!("#{sk}")),
        0x54 => ("and", format!("#0x{:x}", insn.k)),
        0x44 => ("or", format!("#0x{:x}", insn.k)),
        0xa4 => ("xor", format!("#0x{:x}", insn.k)),
        0x64 => ("lsh", format!("#{sk}")),
        0x74 => ("rsh", format!("#{sk}")),
        0x84 => ("neg", String::new()),
        0x07 => ("tax", String::new()),
        0x87 => ("txa", String::new()),
        code => ("unimp", format!("0x{code:x}")),
    };
    if insn.class() == BPF_JMP && insn.code & 0xf0 != BPF_JA {
        format!(
            "({n:03}) {op:<8} {operand:<16} jt {}\tjf {}",
            n + 1 + usize::from(insn.jt),
            n + 1 + usize::from(insn.jf)
        )
    } else {
        format!("({n:03}) {op:<8} {operand}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_and_tcp_all_levels() {
        // Checked against `tcpdump -d/-dd/-ddd -y EN10MB 'ip and tcp'` (4.99.3).
        let prog = [
            Insn::stmt(0x28, 12),
            Insn::jump(0x15, 0x800, 0, 3),
            Insn::stmt(0x30, 23),
            Insn::jump(0x15, 6, 0, 1),
            Insn::stmt(0x06, 262144),
            Insn::stmt(0x06, 0),
        ];
        assert_eq!(
            dump(&prog, 1),
            "(000) ldh      [12]\n\
             (001) jeq      #0x800           jt 2\tjf 5\n\
             (002) ldb      [23]\n\
             (003) jeq      #0x6             jt 4\tjf 5\n\
             (004) ret      #262144\n\
             (005) ret      #0\n"
        );
        assert_eq!(
            dump(&prog, 2),
            "{ 0x28, 0, 0, 0x0000000c },\n\
             { 0x15, 0, 3, 0x00000800 },\n\
             { 0x30, 0, 0, 0x00000017 },\n\
             { 0x15, 0, 1, 0x00000006 },\n\
             { 0x6, 0, 0, 0x00040000 },\n\
             { 0x6, 0, 0, 0x00000000 },\n"
        );
        assert_eq!(
            dump(&prog, 3),
            "6\n40 0 0 12\n21 0 3 2048\n48 0 0 23\n21 0 1 6\n6 0 0 262144\n6 0 0 0\n"
        );
        assert_eq!(dump(&prog, 0), "");
    }

    #[test]
    fn operand_forms() {
        let line = |code, k| image(&Insn::stmt(code, k), 7);
        assert_eq!(line(0x16, 0), "(007) ret      ");
        assert_eq!(
            line(0x28, SKF_AD_OFF + SKF_AD_VLAN_TAG),
            "(007) ldh      [vlan_tci]"
        );
        assert_eq!(
            line(0x30, SKF_AD_OFF + SKF_AD_VLAN_TAG_PRESENT),
            "(007) ldb      [vlanp]"
        );
        assert_eq!(line(0x20, SKF_AD_OFF + 2), "(007) ld       [-4094]");
        assert_eq!(line(0x40, 4), "(007) ld       [x + 4]");
        assert_eq!(line(0xb1, 14), "(007) ldxb     4*([14]&0xf)");
        assert_eq!(line(0x05, 3), "(007) ja       11");
        assert_eq!(line(0x14, u32::MAX), "(007) sub      #-1");
        assert_eq!(line(0x00, u32::MAX), "(007) ld       #0xffffffff");
        assert_eq!(line(0xff, 0), "(007) unimp    0xff");
        assert_eq!(
            image(&Insn::jump(0x1d, 0, 0, 2), 1000),
            "(1000) jeq      x                jt 1001\tjf 1003"
        );
    }
}
