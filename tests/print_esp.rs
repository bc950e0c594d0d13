//! `-E`: ESP payloads decrypted with the user's security associations and the
//! packets inside printed, compared line by line with tcpdump (built with
//! OpenSSL, as Debian's is). The packets are encrypted here, with keys of our
//! own, in every mode rfilter supports; then wrong keys, unknown algorithms,
//! ciphertexts that are not whole blocks, bad padding and cuts at every length.

mod print_support;

use aes::cipher::{Block, BlockEncrypt, KeyInit};
use print_support::build::{Ip4, Pseudo, icmp, ip6, udp, v6};
use print_support::{Rec, tmpdir, write_pcap};
use rfilter::LinkType;
use std::path::Path;
use std::process::Command;

const KEY3DES: &str = "0x4043434545464649494a4a4c4c4f4f515152525454575758";
const KEY128: &str = "0x00112233445566778899aabbccddeeff";
const KEY192: &str = "0x00112233445566778899aabbccddeeff0011223344556677";
const KEY256: &str = "0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

fn hex(s: &str) -> Vec<u8> {
    let s = s.trim_start_matches("0x");
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// Which cipher and mode a packet is encrypted with.
#[derive(Clone, Copy)]
enum Alg {
    Tdes,
    TdesEcb,
    Aes(usize),
}

impl Alg {
    fn block(self) -> usize {
        match self {
            Alg::Tdes | Alg::TdesEcb => 8,
            Alg::Aes(_) => 16,
        }
    }
    fn cbc(self) -> bool {
        !matches!(self, Alg::TdesEcb)
    }
    fn encrypt_block(self, key: &[u8], b: &mut [u8]) {
        match self {
            Alg::Tdes | Alg::TdesEcb => des::TdesEde3::new_from_slice(&key[..24])
                .unwrap()
                .encrypt_block(Block::<des::TdesEde3>::from_mut_slice(b)),
            Alg::Aes(128) => aes::Aes128::new_from_slice(&key[..16])
                .unwrap()
                .encrypt_block(Block::<aes::Aes128>::from_mut_slice(b)),
            Alg::Aes(192) => aes::Aes192::new_from_slice(&key[..24])
                .unwrap()
                .encrypt_block(Block::<aes::Aes192>::from_mut_slice(b)),
            Alg::Aes(_) => aes::Aes256::new_from_slice(&key[..32])
                .unwrap()
                .encrypt_block(Block::<aes::Aes256>::from_mut_slice(b)),
        }
    }
}

/// An ESP payload: SPI, sequence, IV, the encrypted `inner` + padding + pad
/// length + next header, and `icv` bytes of (fake) integrity check value.
fn esp(spi: u32, seq: u32, alg: Alg, key: &[u8], nh: u8, inner: &[u8], icv: usize) -> Vec<u8> {
    let bs = alg.block();
    let mut pt = inner.to_vec();
    let mut pad = 1u8;
    while !(pt.len() + 2).is_multiple_of(bs) {
        pt.push(pad);
        pad += 1;
    }
    pt.push(pad - 1);
    pt.push(nh);
    let iv: Vec<u8> = if alg.cbc() {
        (0..bs as u8)
            .map(|i| i.wrapping_mul(37) ^ seq as u8)
            .collect()
    } else {
        Vec::new()
    };
    let mut prev = iv.clone();
    for block in pt.chunks_exact_mut(bs) {
        if alg.cbc() {
            for (b, p) in block.iter_mut().zip(&prev) {
                *b ^= p;
            }
        }
        alg.encrypt_block(key, block);
        prev = block.to_vec();
    }
    let mut out = spi.to_be_bytes().to_vec();
    out.extend_from_slice(&seq.to_be_bytes());
    out.extend_from_slice(&iv);
    out.extend_from_slice(&pt);
    out.extend((0..icv).map(|i| 0xa0 + i as u8));
    out
}

const SRC: [u8; 4] = [192, 1, 2, 23];
const DST: [u8; 4] = [192, 1, 2, 45];

/// An inner IPv4 ICMP echo request (tunnel mode).
fn inner_ping(n: u16) -> Vec<u8> {
    let ps = Pseudo::V4([10, 0, 2, 1], [10, 0, 1, 1]);
    let body: Vec<u8> = (0..56).map(|i| i as u8).collect();
    let mut rest = 0x1234u16.to_be_bytes().to_vec();
    rest.extend_from_slice(&n.to_be_bytes());
    Ip4::new([10, 0, 2, 1], [10, 0, 1, 1], 1).build(&icmp(&ps, 8, 0, &rest, &body))
}

fn ether_ip4(payload_proto: u8, payload: &[u8]) -> Vec<u8> {
    let ip = Ip4::new(SRC, DST, payload_proto).build(payload);
    print_support::build::ether([2, 0, 0, 0, 0, 2], [2, 0, 0, 0, 0, 1], 0x0800, &ip)
}

/// The capture: ESP over IPv4 and IPv6 and in UDP 4500, each algorithm, SPIs
/// with and without an association, transport-mode UDP, damaged packets.
#[allow(clippy::vec_init_then_push)] // one commented packet at a time
fn capture(dir: &Path) -> std::path::PathBuf {
    let k3 = hex(KEY3DES);
    let (k128, k192, k256) = (hex(KEY128), hex(KEY192), hex(KEY256));
    let mut pkts = Vec::new();
    // Tunnel mode, each cipher, with a 12-byte ICV.
    pkts.push(ether_ip4(
        50,
        &esp(0x1000, 1, Alg::Tdes, &k3, 4, &inner_ping(1), 12),
    ));
    pkts.push(ether_ip4(
        50,
        &esp(0x1001, 2, Alg::Aes(128), &k128, 4, &inner_ping(2), 12),
    ));
    pkts.push(ether_ip4(
        50,
        &esp(0x1002, 3, Alg::Aes(192), &k192, 4, &inner_ping(3), 12),
    ));
    pkts.push(ether_ip4(
        50,
        &esp(0x1003, 4, Alg::Aes(256), &k256, 4, &inner_ping(4), 12),
    ));
    pkts.push(ether_ip4(
        50,
        &esp(0x1004, 5, Alg::TdesEcb, &k3, 4, &inner_ping(5), 0),
    ));
    // Transport mode: UDP printed with the outer addresses.
    let ps = Pseudo::V4(SRC, DST);
    let dns = udp(&ps, 5353, 53, b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x03www\x07example\x03com\x00\x00\x01\x00\x01", false);
    pkts.push(ether_ip4(50, &esp(0x1000, 6, Alg::Tdes, &k3, 17, &dns, 12)));
    // No association for this SPI: the default one (AES-128) is tried.
    pkts.push(ether_ip4(
        50,
        &esp(0x9999, 7, Alg::Aes(128), &k128, 4, &inner_ping(7), 12),
    ));
    // Wrong key: garbage, a bad pad length or an odd next header.
    for seq in 8..14 {
        pkts.push(ether_ip4(
            50,
            &esp(
                0x1001,
                seq,
                Alg::Aes(128),
                &k256,
                4,
                &inner_ping(seq as u16),
                12,
            ),
        ));
    }
    // Not whole blocks once the ICV is off.
    let mut odd = esp(0x1000, 14, Alg::Tdes, &k3, 4, &inner_ping(14), 12);
    odd.push(0);
    pkts.push(ether_ip4(50, &odd));
    // Too short for IV and ICV.
    pkts.push(ether_ip4(50, &[0, 0, 0x10, 0, 0, 0, 0, 15, 1, 2, 3]));
    // IPv6 outer header.
    let inner6 = ip6(v6("2001:db8::1"), v6("2001:db8::2"), 59, 64, &[]);
    let e6 = esp(0x2000, 1, Alg::Aes(256), &k256, 41, &inner6, 12);
    let o6 = ip6(v6("2001:db8:1::1"), v6("2001:db8:1::2"), 50, 64, &e6);
    pkts.push(print_support::build::ether(
        [2, 0, 0, 0, 0, 2],
        [2, 0, 0, 0, 0, 1],
        0x86dd,
        &o6,
    ));
    // ESP in UDP (RFC 3948).
    let natt = udp(
        &ps,
        4500,
        4500,
        &esp(0x1000, 15, Alg::Tdes, &k3, 4, &inner_ping(15), 12),
        false,
    );
    pkts.push(ether_ip4(17, &natt));

    let mut recs = Vec::new();
    for (i, p) in pkts.iter().enumerate() {
        recs.push(Rec::full(1_700_000_000 + i as i64, 0, p.clone()));
        // Every cut of the first packets (the harness's cuts need a flag-free
        // printer; these go through the binary).
        if i < 2 || i == pkts.len() - 1 {
            for cut in (14..p.len()).step_by(3) {
                let mut r = Rec::full(1_700_000_000 + i as i64, 0, p[..cut].to_vec());
                r.wire_len = p.len() as u32;
                recs.push(r);
            }
        }
    }
    let path = dir.join("esp.pcap");
    write_pcap(&path, LinkType::En10mb, &recs, false);
    path
}

fn run(program: &str, path: &Path, flags: &[&str]) -> (String, bool) {
    let out = Command::new(program)
        .env("TZ", "UTC")
        .arg("-n")
        .arg("-r")
        .arg(path)
        .args(flags)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed: {e}"));
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.success(),
    )
}

#[test]
fn esp_decrypts_as_tcpdump() {
    let dir = tmpdir("esp");
    let path = capture(&dir);
    let secrets_file = dir.join("secrets.txt");
    std::fs::write(
        &secrets_file,
        format!(
            "# a comment\n\n0x1000@192.1.2.45 3des-cbc-hmac96:{KEY3DES}\n0x1002@192.1.2.45 aes192-cbc-hmac96:{KEY192}\n0x2000@2001:db8:1::2 aes256-cbc-hmac96:{KEY256}\n"
        ),
    )
    .unwrap();
    let all = format!(
        "0x1000@192.1.2.45 3des-cbc-hmac96:{KEY3DES},0x1001@192.1.2.45 aes128-cbc-hmac96:{KEY128},\
         0x1002@192.1.2.45 aes192-cbc-hmac96:{KEY192},0x1003@192.1.2.45 aes256-cbc-hmac96:{KEY256},\
         0x1004@192.1.2.45 des-ede3-cbc:{KEY3DES},0x2000@2001:db8:1::2 aes256-cbc-hmac96:{KEY256},\
         aes128-cbc-hmac96:{KEY128}"
    );
    let file_arg = format!("file {}", secrets_file.display());
    let cases: Vec<Vec<String>> = vec![
        vec![],
        vec!["-E".into(), all.clone()],
        vec!["-E".into(), all.clone(), "-v".into()],
        vec!["-E".into(), all.clone(), "-vvv".into(), "-e".into()],
        vec!["-E".into(), file_arg],
        // Only a default association, 3DES without ICV (misreads the others).
        vec!["-E".into(), format!("3des-cbc:{KEY3DES}")],
        // A short key, a key given as text, an unknown algorithm, junk.
        vec![
            "-E".into(),
            "0x1000@192.1.2.45 3des-cbc-hmac96:0x4043".into(),
        ],
        vec!["-E".into(), "aes128-cbc-hmac96:0123456789abcdef".into()],
        vec![
            "-E".into(),
            format!("aes-128-cbc:{KEY128},garbage,1.2.3.4 3des:0x00"),
        ],
    ];
    let (mut lines, mut sets) = (0, 0);
    for flags in &cases {
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
        let (theirs, t_ok) = run("tcpdump", &path, &flags);
        let (ours, o_ok) = run(env!("CARGO_BIN_EXE_rfilter"), &path, &flags);
        assert!(
            t_ok && o_ok,
            "{flags:?}: tcpdump ok {t_ok}, rfilter ok {o_ok}"
        );
        for (n, (t, o)) in theirs.lines().zip(ours.lines()).enumerate() {
            assert_eq!(o, t, "{flags:?} line {}", n + 1);
        }
        assert_eq!(ours.lines().count(), theirs.lines().count(), "{flags:?}");
        lines += theirs.lines().count();
        sets += 1;
    }
    eprintln!("esp: {lines} lines identical over {sets} flag sets");
}

#[test]
fn bad_secrets_are_one_line_errors() {
    let dir = tmpdir("esp-bad");
    let path = capture(&dir);
    for (arg, what) in [
        ("3des-cbc:0xzz", "invalid hex digit z in espsecret"),
        (
            "file /nonexistent/esp-secrets",
            "can't open ESP secrets file /nonexistent/esp-secrets",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_rfilter"))
            .args(["-n", "-r"])
            .arg(&path)
            .args(["-E", arg])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{arg}: {err}");
        assert!(err.contains(what), "{arg}: {err}");
        assert_eq!(
            err.lines().filter(|l| l.starts_with("rfilter:")).count(),
            1,
            "{err}"
        );
    }
}
