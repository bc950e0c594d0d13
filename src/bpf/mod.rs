//! Classic BPF: the instruction set, an interpreter, the kernel's validity rules and
//! tcpdump's `-d`/`-dd`/`-ddd` dump formats.

pub mod dump;
pub mod insn;
pub mod verify;
pub mod vm;

pub use insn::Insn;
