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

/// Which block cipher a packet is encrypted with.
#[derive(Clone, Copy)]
enum Alg {
    Tdes,
    /// Two-key triple DES (`des-ede`).
    Tdes2,
    Aes(usize),
}

/// How blocks chain (OpenSSL's modes).
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Ecb,
    Cbc,
    Cfb,
    Cfb8,
    Ofb,
    Ctr,
    Gcm,
}

impl Alg {
    fn block(self) -> usize {
        match self {
            Alg::Tdes | Alg::Tdes2 => 8,
            Alg::Aes(_) => 16,
        }
    }
    fn encrypt_block(self, key: &[u8], b: &mut [u8]) {
        match self {
            Alg::Tdes => des::TdesEde3::new_from_slice(&key[..24])
                .unwrap()
                .encrypt_block(Block::<des::TdesEde3>::from_mut_slice(b)),
            Alg::Tdes2 => des::TdesEde2::new_from_slice(&key[..16])
                .unwrap()
                .encrypt_block(Block::<des::TdesEde2>::from_mut_slice(b)),
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

/// Encrypts `pt` in place with `iv` (written here from the standards, and
/// checked by tcpdump's OpenSSL decrypting it).
fn encrypt(alg: Alg, mode: Mode, key: &[u8], iv: &[u8], pt: &mut [u8]) {
    let bs = alg.block();
    let keystream = |b: &mut Vec<u8>| alg.encrypt_block(key, b);
    match mode {
        Mode::Ecb => pt
            .chunks_exact_mut(bs)
            .for_each(|b| alg.encrypt_block(key, b)),
        Mode::Cbc => {
            let mut prev = iv.to_vec();
            for b in pt.chunks_exact_mut(bs) {
                b.iter_mut().zip(&prev).for_each(|(x, p)| *x ^= p);
                alg.encrypt_block(key, b);
                prev = b.to_vec();
            }
        }
        Mode::Cfb => {
            let mut prev = iv.to_vec();
            for b in pt.chunks_mut(bs) {
                keystream(&mut prev);
                b.iter_mut().zip(&prev).for_each(|(x, k)| *x ^= k);
                prev = b.to_vec();
            }
        }
        Mode::Cfb8 => {
            let mut reg = iv.to_vec();
            for x in pt.iter_mut() {
                let mut k = reg.clone();
                keystream(&mut k);
                *x ^= k[0];
                reg.remove(0);
                reg.push(*x);
            }
        }
        Mode::Ofb => {
            let mut k = iv.to_vec();
            for b in pt.chunks_mut(bs) {
                keystream(&mut k);
                b.iter_mut().zip(&k).for_each(|(x, k)| *x ^= k);
            }
        }
        Mode::Ctr | Mode::Gcm => {
            // CTR counts with the whole block; GCM with the last 32 bits of
            // IV || 2 (its counter 1 encrypts the tag).
            let mut counter = iv.to_vec();
            let low = if mode == Mode::Gcm {
                counter.extend_from_slice(&2u32.to_be_bytes());
                12
            } else {
                0
            };
            for b in pt.chunks_mut(bs) {
                let mut k = counter.clone();
                keystream(&mut k);
                b.iter_mut().zip(&k).for_each(|(x, k)| *x ^= k);
                for byte in counter[low..].iter_mut().rev() {
                    *byte = byte.wrapping_add(1);
                    if *byte != 0 {
                        break;
                    }
                }
            }
        }
    }
}

/// An ESP payload: SPI, sequence, IV, the encrypted `inner` + padding + pad
/// length + next header, and `icv` bytes of (fake) integrity check value.
fn esp(spi: u32, seq: u32, alg: Alg, key: &[u8], nh: u8, inner: &[u8], icv: usize) -> Vec<u8> {
    esp_mode(spi, seq, alg, Mode::Cbc, key, nh, inner, icv)
}

#[allow(clippy::too_many_arguments)] // the ESP fields, one by one
fn esp_mode(
    spi: u32,
    seq: u32,
    alg: Alg,
    mode: Mode,
    key: &[u8],
    nh: u8,
    inner: &[u8],
    icv: usize,
) -> Vec<u8> {
    // Block modes pad to whole blocks, the others to 4 bytes (RFC 4303).
    let unit = if matches!(mode, Mode::Ecb | Mode::Cbc) {
        alg.block()
    } else {
        4
    };
    let mut pt = inner.to_vec();
    let mut pad = 1u8;
    while !(pt.len() + 2).is_multiple_of(unit) {
        pt.push(pad);
        pad += 1;
    }
    pt.push(pad - 1);
    pt.push(nh);
    let iv_len = match mode {
        Mode::Ecb => 0,
        Mode::Gcm => 12,
        _ => alg.block(),
    };
    let iv: Vec<u8> = (0..iv_len as u8)
        .map(|i| i.wrapping_mul(37) ^ seq as u8)
        .collect();
    encrypt(alg, mode, key, &iv, &mut pt);
    let mut out = spi.to_be_bytes().to_vec();
    out.extend_from_slice(&seq.to_be_bytes());
    out.extend_from_slice(&iv);
    out.extend_from_slice(&pt);
    out.extend((0..icv).map(|i| 0xa0 + i as u8));
    out
}

/// The modes beyond CBC and ECB, by the name `-E` gives them (SPI 0x1100 and
/// on, in this order). tcpdump cuts `-cbc` off a name before OpenSSL looks it
/// up, so two-key triple DES in CBC mode cannot be named.
const MODES: [(Alg, Mode, &str, &str); 11] = [
    (Alg::Aes(128), Mode::Ctr, "aes-128-ctr", KEY128),
    (Alg::Aes(256), Mode::Ctr, "AES-256-CTR", KEY256),
    (Alg::Aes(192), Mode::Ofb, "aes-192-ofb", KEY192),
    (Alg::Aes(128), Mode::Cfb, "aes-128-cfb", KEY128),
    (Alg::Aes(256), Mode::Cfb8, "aes-256-cfb8", KEY256),
    (Alg::Aes(128), Mode::Gcm, "aes-128-gcm", KEY128),
    (Alg::Aes(256), Mode::Gcm, "id-aes256-GCM", KEY256),
    (Alg::Tdes, Mode::Cfb, "des-ede3-cfb", KEY3DES),
    (Alg::Tdes, Mode::Ofb, "des-ede3-ofb", KEY3DES),
    (Alg::Tdes2, Mode::Ecb, "des-ede", KEY3DES),
    (Alg::Tdes2, Mode::Ofb, "des-ede-ofb", KEY3DES),
];

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
        &esp_mode(0x1004, 5, Alg::Tdes, Mode::Ecb, &k3, 4, &inner_ping(5), 0),
    ));
    // The other modes, each under its own SPI (see `MODES`).
    for (n, &(alg, mode, _, key)) in MODES.iter().enumerate() {
        let seq = 100 + n as u32;
        let inner = inner_ping(seq as u16);
        pkts.push(ether_ip4(
            50,
            &esp_mode(0x1100 + n as u32, seq, alg, mode, &hex(key), 4, &inner, 12),
        ));
    }
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

/// Standard output, standard error (the program's name taken off each line's
/// start) and success.
fn run(program: &str, path: &Path, flags: &[&str]) -> (String, String, bool) {
    let out = Command::new(program)
        .env("TZ", "UTC")
        .arg("-n")
        .arg("-r")
        .arg(path)
        .args(flags)
        .output()
        .unwrap_or_else(|e| panic!("{program} must be installed: {e}"));
    let name = Path::new(program).file_name().unwrap().to_string_lossy();
    let err = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(|l| l.strip_prefix(&*name).unwrap_or(l).to_string() + "\n")
        .collect();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        err,
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
    let modes: Vec<String> = MODES
        .iter()
        .enumerate()
        .map(|(n, (_, _, name, key))| format!("{:#x}@192.1.2.45 {name}-hmac96:{key}", 0x1100 + n))
        .collect();
    let file_arg = format!("file {}", secrets_file.display());
    let cases: Vec<Vec<String>> = vec![
        vec![],
        vec!["-E".into(), all.clone()],
        vec!["-E".into(), all.clone(), "-v".into()],
        vec!["-E".into(), all.clone(), "-vvv".into(), "-e".into()],
        vec!["-E".into(), file_arg],
        vec!["-E".into(), modes.join(","), "-v".into()],
        // The modes' packets misread as CBC with the default association.
        vec!["-E".into(), format!("aes256-hmac96:{KEY256}")],
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
        let (theirs, t_err, t_ok) = run("tcpdump", &path, &flags);
        let (ours, o_err, o_ok) = run(env!("CARGO_BIN_EXE_rfilter"), &path, &flags);
        // Warnings too: unknown algorithms, ciphertexts not whole blocks.
        assert_eq!(o_err, t_err, "{flags:?}: standard error");
        assert!(
            t_ok && o_ok,
            "{flags:?}: tcpdump ok {t_ok}, rfilter ok {o_ok}"
        );
        for (n, (t, o)) in theirs.lines().zip(ours.lines()).enumerate() {
            assert_eq!(o, t, "{flags:?} line {}", n + 1);
        }
        assert_eq!(ours.lines().count(), theirs.lines().count(), "{flags:?}");
        if flags.get(1) == Some(&modes.join(",").as_str()) {
            // Each mode's packet really decrypts (the encryption here agrees
            // with tcpdump's OpenSSL), not only to the same garbage.
            for (n, (_, _, name, _)) in MODES.iter().enumerate() {
                let ping = format!("ICMP echo request, id 4660, seq {}, ", 100 + n);
                assert!(theirs.contains(&ping), "{name}: {theirs}");
            }
        }
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

/// Every algorithm name rfilter knows, and some it does not, on tcpdump's own
/// ESP captures with a key that is not theirs: what the wrong plaintext
/// decodes to, and every warning, as tcpdump prints them. Each mode's
/// keystream decides the pad length and next header read, so a mode computed
/// differently shows.
#[test]
fn every_algorithm_name_as_tcpdump_with_a_wrong_key() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tcpdump-src/tests");
    let captures = [
        "02-sunrise-sunset-esp.pcap",
        "08-sunrise-sunset-esp2.pcap",
        "espudp1.pcap",
    ];
    let names = [
        "3des",
        "des3",
        "aes128",
        "aes192",
        "aes256-hmac96",
        "aes-128-ecb",
        "aes-192-cbc-cbc",
        "aes-128-cfb",
        "aes-192-cfb1",
        "aes-256-cfb8",
        "aes-128-ofb",
        "aes-192-ctr",
        "aes-256-ctr",
        "aes-128-gcm",
        "id-aes192-gcm",
        "des-ede",
        "des-ede-cbc",
        "des-ede-cfb",
        "des-ede-ofb",
        "des-ede3",
        "des-ede3-cfb",
        "des-ede3-cfb1",
        "des-ede3-cfb8",
        "des-ede3-ofb",
        "DES-EDE3-OFB",
        "des-ede-cfb8",
        "aes128-ctr",
        "nonsense",
    ];
    let mut runs = 0;
    for cap in captures {
        let path = dir.join(cap);
        assert!(
            path.exists(),
            "{} missing: run .ci/install-deps to fetch tcpdump's tests",
            path.display()
        );
        for name in names {
            let flags = [
                "-E",
                &format!("{name}:0x0123456789abcdef0123456789abcdef01234567"),
            ];
            let (theirs, t_err, _) = run("tcpdump", &path, &flags);
            let (ours, o_err, _) = run(env!("CARGO_BIN_EXE_rfilter"), &path, &flags);
            assert_eq!(ours, theirs, "{cap} {name}");
            assert_eq!(o_err, t_err, "{cap} {name}: standard error");
            runs += 1;
        }
    }
    eprintln!("esp names: {runs} runs identical");
}

/// tcpdump reads the secrets at the first ESP or ISAKMP packet it prints: a
/// capture without one gets no warnings about bad items.
#[test]
fn warnings_wait_for_the_first_esp_packet() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sample.pcap");
    let flags = ["-E", "garbage,nonsense:0x00,1.2.3.4 3des:0x00"];
    let (theirs, t_err, _) = run("tcpdump", &path, &flags);
    let (ours, o_err, _) = run(env!("CARGO_BIN_EXE_rfilter"), &path, &flags);
    assert_eq!(ours, theirs);
    assert_eq!(o_err, t_err);
    assert!(!o_err.contains("WARNING"), "{o_err}");
}
