//! ISAKMP / IKEv1 and IKEv2 (UDP 500, 7500, 8500) and the RFC 3948 NAT-T
//! encapsulation on UDP 4500 (keep-alives, non-ESP marker, ESP in UDP), as
//! tcpdump 4.99 prints them: the header at every verbosity, the payload tree
//! with `-v` (more of each payload's data with `-vv` and `-vvv`).
//!
//! Offsets are relative to the start of the ISAKMP header; the captured bytes end
//! where tcpdump's snapend is. A read past them that tcpdump does with its
//! longjmp'ing GET macros returns `Err(Trunc)` (the packet ends with
//! ` [|isakmp]`); the checks tcpdump does by hand print the payload's own mark
//! (` [|sa]`) and stop the walk (`Ok(None)`, tcpdump's NULL).

use super::ip::IpInfo;
use super::out::Put;
use super::{Ctx, R, be16, be32, u8_at};

/// tcpdump's cache of initiator cookies, used to tell the initiator (` I`)
/// from the responder (` R`) of an IKEv1 exchange. Lives as long as the printer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cookies {
    entries: [CookieEntry; 20],
    next: usize,
}

#[derive(Clone, Copy, Debug, Default)]
struct CookieEntry {
    cookie: [u8; 8],
    /// IP version of the recorded exchange (0: an unused slot).
    version: u8,
    iaddr: [u8; 16],
    raddr: [u8; 16],
}

impl Cookies {
    /// Unused slots hold an all-zero cookie, which an all-zero cookie matches
    /// (as in tcpdump).
    fn find(&self, ck: &[u8]) -> Option<usize> {
        self.entries.iter().position(|e| e.cookie[..] == *ck)
    }

    fn record(&mut self, ck: &[u8], ip: &IpInfo<'_>) {
        if let Some(i) = self.find(ck) {
            self.next = (i + 1) % self.entries.len();
            return;
        }
        let e = &mut self.entries[self.next];
        let n = if ip.v6 { 16 } else { 4 };
        e.version = if ip.v6 { 6 } else { 4 };
        e.iaddr = [0; 16];
        e.raddr = [0; 16];
        e.iaddr[..n].copy_from_slice(&ip.src[..n]);
        e.raddr[..n].copy_from_slice(&ip.dst[..n]);
        e.cookie.copy_from_slice(ck);
        self.next = (self.next + 1) % self.entries.len();
    }

    /// Whether the packet's source is the recorded initiator (or responder).
    fn side(&self, i: usize, ip: &IpInfo<'_>, initiator: bool) -> bool {
        let e = &self.entries[i];
        let (v, n) = if ip.v6 { (6, 16) } else { (4, 4) };
        if e.version != v {
            return false;
        }
        let a = if initiator { &e.iaddr } else { &e.raddr };
        ip.src.get(..n) == Some(&a[..n])
    }
}

const NP_NAMES: [&str; 49] = [
    "none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash", "sig", "nonce", "n", "d", "vid",
    "pay14", "pay15", "pay16", "pay17", "pay18", "pay19", "pay20", "pay21", "pay22", "pay23",
    "pay24", "pay25", "pay26", "pay27", "pay28", "pay29", "pay30", "pay31", "pay32", "v2sa",
    "v2ke", "v2IDi", "v2IDr", "v2cert", "v2cr", "v2auth", "v2nonce", "v2n", "v2d", "v2vid",
    "v2TSi", "v2TSr", "v2e", "v2cp", "v2eap",
];

const PROTO_IDS: [&str; 5] = ["", "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp"];

const ETYPES: [&str; 38] = [
    "none",
    "base",
    "ident",
    "auth",
    "agg",
    "inf",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "oakley-quick",
    "oakley-newgroup",
    "ikev2_init",
    "ikev2_auth",
    "child_sa",
    "inf2",
];

const IKEV1_P: [&str; 2] = ["", "ike"];
const V2_T_TYPES: [&str; 6] = ["", "encr", "prf", "integ", "dh", "esn"];
const AH_P: [&str; 8] = [
    "",
    "(reserved)",
    "md5",
    "sha",
    "1des",
    "sha2-256",
    "sha2-384",
    "sha2-512",
];
const PRF_P: [&str; 5] = ["", "hmac-md5", "hmac-sha", "hmac-tiger", "aes128_xcbc"];
const INTEG_P: [&str; 6] = [
    "", "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5", "aes-xcbc",
];
const ESN_P: [&str; 2] = ["no-esn", "esn"];
const DH_P: [&str; 19] = [
    "",
    "modp768",
    "modp1024",
    "EC2N 2^155",
    "EC2N 2^185",
    "modp1536",
    "iana-grp06",
    "iana-grp07",
    "iana-grp08",
    "iana-grp09",
    "iana-grp10",
    "iana-grp11",
    "iana-grp12",
    "iana-grp13",
    "modp2048",
    "modp3072",
    "modp4096",
    "modp6144",
    "modp8192",
];
const ESP_P: [&str; 13] = [
    "",
    "1des-iv64",
    "1des",
    "3des",
    "rc5",
    "idea",
    "cast",
    "blowfish",
    "3idea",
    "1des-iv32",
    "rc4",
    "null",
    "aes",
];
const IPCOMP_P: [&str; 4] = ["", "oui", "deflate", "lzs"];
const CERT_TYPES: [&str; 11] = [
    "none", "pkcs7", "pgp", "dns", "x509sign", "x509ke", "kerberos", "crl", "arl", "spki",
    "x509attr",
];
const IPSEC_ID_TYPES: [&str; 12] = [
    "",
    "IPv4",
    "FQDN",
    "user FQDN",
    "IPv4net",
    "IPv6",
    "IPv6net",
    "IPv4range",
    "IPv6range",
    "ASN1 DN",
    "ASN1 GN",
    "keyid",
];
const NOTIFY_ERRORS: [&str; 31] = [
    "",
    "INVALID-PAYLOAD-TYPE",
    "DOI-NOT-SUPPORTED",
    "SITUATION-NOT-SUPPORTED",
    "INVALID-COOKIE",
    "INVALID-MAJOR-VERSION",
    "INVALID-MINOR-VERSION",
    "INVALID-EXCHANGE-TYPE",
    "INVALID-FLAGS",
    "INVALID-MESSAGE-ID",
    "INVALID-PROTOCOL-ID",
    "INVALID-SPI",
    "INVALID-TRANSFORM-ID",
    "ATTRIBUTES-NOT-SUPPORTED",
    "NO-PROPOSAL-CHOSEN",
    "BAD-PROPOSAL-SYNTAX",
    "PAYLOAD-MALFORMED",
    "INVALID-KEY-INFORMATION",
    "INVALID-ID-INFORMATION",
    "INVALID-CERT-ENCODING",
    "INVALID-CERTIFICATE",
    "CERT-TYPE-UNSUPPORTED",
    "INVALID-CERT-AUTHORITY",
    "INVALID-HASH-INFORMATION",
    "AUTHENTICATION-FAILED",
    "INVALID-SIGNATURE",
    "ADDRESS-NOTIFICATION",
    "NOTIFY-SA-LIFETIME",
    "CERTIFICATE-UNAVAILABLE",
    "UNSUPPORTED-EXCHANGE-TYPE",
    "UNEQUAL-PAYLOAD-LENGTHS",
];
const IPSEC_NOTIFY_STATUS: [&str; 3] = ["RESPONDER-LIFETIME", "REPLAY-STATUS", "INITIAL-CONTACT"];
const V2_AUTH: [&str; 4] = ["invalid", "rsasig", "shared-secret", "dsssig"];

/// A data attribute's type name and its value names (tcpdump's struct attrmap).
type AttrMap = [(&'static str, &'static [&'static str])];

/// tcpdump's group-description map names only 18 of the 19 values it lists.
const GROUP_DESC: &[&str] = DH_P.split_at(18).0;

const IPSEC_T_MAP: &AttrMap = &[
    ("", &[]),
    ("lifetype", &["", "sec", "kb"]),
    ("life", &[]),
    ("group desc", GROUP_DESC),
    ("enc mode", &["", "tunnel", "transport"]),
    ("auth", &["", "hmac-md5", "hmac-sha1", "1des-mac", "keyed"]),
    ("keylen", &[]),
    ("rounds", &[]),
    ("dictsize", &[]),
    ("privalg", &[]),
];

const ENCR_T_MAP: &AttrMap = &[
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("", &[]),
    ("keylen", &[]),
];

const OAKLEY_T_MAP: &AttrMap = &[
    ("", &[]),
    (
        "enc",
        &["", "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes"],
    ),
    (
        "hash",
        &[
            "", "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512",
        ],
    ),
    (
        "auth",
        &[
            "",
            "preshared",
            "dss",
            "rsa sig",
            "rsa enc",
            "rsa enc revised",
        ],
    ),
    ("group desc", GROUP_DESC),
    ("group type", &["", "MODP", "ECP", "EC2N"]),
    ("group prime", &[]),
    ("group gen1", &[]),
    ("group gen2", &[]),
    ("group curve A", &[]),
    ("group curve B", &[]),
    ("lifetype", &["", "sec", "kb"]),
    ("lifeduration", &[]),
    ("prf", &[]),
    ("keylen", &[]),
    ("field", &[]),
    ("order", &[]),
];

/// tcpdump's STR_OR_ID: the table's name, or `#N`.
fn name(c: &mut Ctx, tab: &[&str], x: u32) {
    match tab.get(x as usize) {
        Some(s) if !s.is_empty() => c.s(s),
        _ => {
            c.s("#");
            c.dec(x);
        }
    }
}

fn np_name(c: &mut Ctx, np: u8) {
    name(c, &NP_NAMES, u32::from(np));
}

/// ` [|name]`: a payload printer's own truncation mark.
fn np_trunc(c: &mut Ctx, np: u8) {
    c.s(" [|");
    np_name(c, np);
    c.s("]");
}

/// One ISAKMP message: its captured bytes (to tcpdump's snapend).
struct Msg<'a> {
    d: &'a [u8],
}

impl Msg<'_> {
    /// tcpdump's ND_TTEST_LEN from an offset that may lie anywhere.
    fn has(&self, pos: usize, len: usize) -> bool {
        pos.checked_add(len).is_some_and(|e| e <= self.d.len())
    }

    fn ep(&self) -> usize {
        self.d.len()
    }
}

/// tcpdump's rawprint: hex of `len` bytes if all were captured.
fn raw(c: &mut Ctx, m: &Msg<'_>, pos: usize, len: usize) -> bool {
    if !m.has(pos, len) {
        return false;
    }
    for b in &m.d[pos..pos + len] {
        c.o.hexw(u64::from(*b), 2);
    }
    true
}

/// Like [`raw`] for a length computed in tcpdump's unsigned arithmetic, where
/// a negative value is a huge one that never fits.
fn raw_i(c: &mut Ctx, m: &Msg<'_>, pos: usize, len: i64) -> bool {
    usize::try_from(len).is_ok_and(|l| raw(c, m, pos, l))
}

/// With -vvv, a payload's body in hex after a space (nothing for an empty
/// one); false, with the payload's truncation mark, where the capture ends
/// inside it.
fn vvv_body(c: &mut Ctx, m: &Msg<'_>, np: u8, pos: usize, len: usize) -> bool {
    if c.opts.verbose > 2 && len > 0 {
        c.s(" ");
        if !raw(c, m, pos, len) {
            np_trunc(c, np);
            return false;
        }
    }
    true
}

/// tcpdump's ike_show_somedata: the first 10 and the last 20 bytes up to the end
/// of the capture.
fn somedata(c: &mut Ctx, m: &Msg<'_>, cp: usize) -> bool {
    let ep = m.ep() as i64;
    let cp = cp as i64;
    let mut end = ep - 20;
    let mut elen = 20i64;
    let mut len = ep - cp;
    if !(0..=10).contains(&len) {
        len = 10;
    }
    if end < cp + len {
        end = cp + len;
        elen = ep - end;
    }
    c.s(" data=(");
    if !raw_i(c, m, cp as usize, len) {
        return false;
    }
    c.s("...");
    if elen != 0 && (end < 0 || !raw_i(c, m, end as usize, elen)) {
        return false;
    }
    c.s(")");
    true
}

/// Bytes as printable ASCII, `.` for the rest.
fn ascii(c: &mut Ctx, b: &[u8]) {
    for &x in b {
        c.o.push(if (0x20..=0x7e).contains(&x) { x } else { b'.' });
    }
}

/// One data attribute (tcpdump's ikev1_attrmap_print and, with no map,
/// ikev1_attr_print); returns where the next one starts, `ep2 + 1` after a
/// `[|attr]`, or `None` when its value was not captured.
fn attr(c: &mut Ctx, m: &Msg<'_>, p: usize, ep2: usize, map: Option<&AttrMap>) -> R<Option<usize>> {
    let b0 = u8_at(m.d, p)?;
    let totlen = if b0 & 0x80 != 0 {
        4
    } else {
        4 + usize::from(be16(m.d, p + 2)?)
    };
    if ep2 < p + totlen {
        c.s("[|attr]");
        return Ok(Some(ep2 + 1));
    }
    c.s("(");
    let t = usize::from(be16(m.d, p)? & 0x7fff);
    let entry = map.and_then(|mp| mp.get(t));
    match entry {
        Some((n, _)) if !n.is_empty() => {
            c.s("type=");
            c.s(n);
            c.s(" ");
        }
        _ => {
            c.s("type=#");
            c.dec(t as u64);
            c.s(" ");
        }
    }
    if b0 & 0x80 != 0 {
        c.s("value=");
        let v = usize::from(be16(m.d, p + 2)?);
        match entry.and_then(|(_, vals)| vals.get(v)) {
            Some(n) if !n.is_empty() => c.s(n),
            _ => {
                if !raw(c, m, p + 2, 2) {
                    c.s(")");
                    return Ok(None);
                }
            }
        }
    } else {
        c.s("len=");
        c.dec((totlen - 4) as u64);
        c.s(" value=");
        if !raw(c, m, p + 4, totlen - 4) {
            c.s(")");
            return Ok(None);
        }
    }
    c.s(")");
    Ok(Some(p + totlen))
}

/// The attributes of a transform from `cp` to `ep2`; `Ok(None)` when one was cut.
fn attrs(
    c: &mut Ctx,
    m: &Msg<'_>,
    mut cp: usize,
    ep2: usize,
    map: Option<&AttrMap>,
) -> R<Option<usize>> {
    while cp < m.ep() && cp < ep2 {
        match attr(c, m, cp, ep2, map)? {
            Some(n) => cp = n,
            None => return Ok(None),
        }
    }
    if m.ep() < ep2 {
        c.s("...");
    }
    Ok(Some(cp))
}

/// Whether tcpdump's payload table has a printer for `np` (46, the encrypted
/// payload, is handled apart in IKEv2 and printed by name in IKEv1).
fn has_printer(np: u8) -> bool {
    matches!(np, 1..=13 | 33..=45 | 47 | 48)
}

/// Where a payload walk happens: the protocol of the enclosing proposal, the
/// indentation depth, and whether IKEv2 rules apply.
#[derive(Clone, Copy)]
struct Walk {
    v2: bool,
    proto: u8,
    depth: usize,
}

fn indent(c: &mut Ctx, depth: usize) {
    c.s("\n");
    for _ in 0..depth {
        c.s("    ");
    }
}

/// A chain of payloads starting with type `np` at `ext` (tcpdump's
/// ikev1_sub_print / ikev2_sub_print).
fn sub_print(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, w: Walk) -> R<Option<usize>> {
    // SA payloads can nest through proposals' next-payload fields; bound it.
    if c.depth >= super::MAX_DEPTH {
        c.trunc_mark();
        return Ok(None);
    }
    c.depth += 1;
    let r = sub_print_inner(c, m, np, ext, w);
    c.depth -= 1;
    r
}

fn sub_print_inner(
    c: &mut Ctx,
    m: &Msg<'_>,
    mut np: u8,
    mut ext: usize,
    w: Walk,
) -> R<Option<usize>> {
    let mut cp = ext;
    while np != 0 {
        if !m.has(ext, 4) {
            np_trunc(c, np);
            return Ok(None);
        }
        let item_len = usize::from(be16(m.d, ext + 2)?);
        if !m.has(ext, item_len) {
            np_trunc(c, np);
            return Ok(None);
        }
        let inner = Walk {
            depth: w.depth + 1,
            ..w
        };
        indent(c, inner.depth);
        c.s("(");
        let r = sub0(c, m, np, ext, inner)?;
        c.s(")");
        match r {
            Some(n) => cp = n,
            None => return Ok(None),
        }
        np = u8_at(m.d, ext)?;
        ext = cp;
    }
    Ok(Some(cp))
}

/// One payload by type (tcpdump's ike_sub0_print / ikev2_sub0_print).
fn sub0(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, w: Walk) -> R<Option<usize>> {
    if !m.has(ext, 4) {
        c.trunc_mark();
        return Ok(None);
    }
    let item_len = usize::from(be16(m.d, ext + 2)?);
    if item_len <= 4 {
        return Ok(None);
    }
    if w.v2 && np == 46 {
        return v2_e(c, m, np, ext, item_len, w);
    }
    if !has_printer(np) {
        np_name(c, np);
        return Ok(Some(ext + item_len));
    }
    match np {
        1 => v1_sa(c, m, ext, w),
        2 => v1_p(c, m, ext, w),
        3 => v1_t(c, m, ext, item_len, w),
        4 => v1_simple(c, m, 4, " key len=", ext, item_len),
        5 => v1_id(c, m, ext, item_len),
        6 | 7 => v1_cert(c, m, np, ext, item_len),
        8 | 9 | 13 => v1_simple(c, m, np, " len=", ext, item_len),
        10 => v1_nonce(c, m, ext, item_len),
        11 => v1_n(c, m, ext, item_len),
        12 => v1_d(c, m, ext),
        33 => v2_sa(c, m, np, ext, w),
        34 => v2_ke(c, m, np, ext, item_len),
        35 | 36 => v2_id(c, m, np, ext, item_len),
        39 => v2_auth(c, m, np, ext, item_len),
        40 => v2_nonce(c, m, np, ext, item_len),
        41 => v2_n(c, m, ext, item_len),
        43 => v2_vid(c, m, np, ext, item_len),
        _ => v2_gen(c, m, np, ext, item_len),
    }
}

fn v1_sa(c: &mut Ctx, m: &Msg<'_>, ext: usize, w: Walk) -> R<Option<usize>> {
    c.s("sa:");
    if !m.has(ext, 12) {
        np_trunc(c, 1);
        return Ok(None);
    }
    let doi = be32(m.d, ext + 4)?;
    let sit = be32(m.d, ext + 8)?;
    if doi != 1 {
        c.s(" doi=");
        c.dec(doi);
        c.s(" situation=");
        c.dec(sit);
        return Ok(Some(ext + 12));
    }
    c.s(" doi=ipsec situation=");
    let mut t = false;
    if sit & 1 != 0 {
        c.s("identity");
        t = true;
    }
    if sit & 2 != 0 {
        c.s(if t { "+secrecy" } else { "secrecy" });
        t = true;
    }
    if sit & 4 != 0 {
        c.s(if t { "+integrity" } else { "integrity" });
    }
    let mut np = ext + 12;
    if sit != 1 {
        // tcpdump reads the "identifier" 4 bytes into the payload: the DOI.
        let ident = be32(m.d, ext + 4)?;
        c.s(" ident=");
        c.dec(ident);
        np += 4;
    }
    if !m.has(np, 4) {
        np_trunc(c, 1);
        return Ok(None);
    }
    sub_print(c, m, 2, np, w)
}

/// The proposal number, protocol and transform count that IKEv1 and IKEv2
/// proposals share; returns the protocol id.
fn proposal_head(c: &mut Ctx, m: &Msg<'_>, ext: usize) -> R<u8> {
    let (p_no, prot, num_t) = (
        u8_at(m.d, ext + 4)?,
        u8_at(m.d, ext + 5)?,
        u8_at(m.d, ext + 7)?,
    );
    c.s(" #");
    c.dec(p_no);
    c.s(" protoid=");
    name(c, &PROTO_IDS, u32::from(prot));
    c.s(" transform=");
    c.dec(num_t);
    Ok(prot)
}

fn v1_p(c: &mut Ctx, m: &Msg<'_>, ext: usize, w: Walk) -> R<Option<usize>> {
    c.s("p:");
    if !m.has(ext, 8) {
        np_trunc(c, 2);
        return Ok(None);
    }
    let prot = proposal_head(c, m, ext)?;
    let spi_size = usize::from(u8_at(m.d, ext + 6)?);
    if spi_size != 0 {
        c.s(" spi=");
        if !raw(c, m, ext + 8, spi_size) {
            np_trunc(c, 2);
            return Ok(None);
        }
    }
    let t = ext + 8 + spi_size;
    if !m.has(t, 4) {
        np_trunc(c, 2);
        return Ok(None);
    }
    sub_print(c, m, 3, t, Walk { proto: prot, ..w })
}

fn v1_t(c: &mut Ctx, m: &Msg<'_>, ext: usize, item_len: usize, w: Walk) -> R<Option<usize>> {
    c.s("t:");
    if !m.has(ext, 8) {
        np_trunc(c, 3);
        return Ok(None);
    }
    let (ids, map): (&[&str], &AttrMap) = match w.proto {
        1 => (&IKEV1_P, OAKLEY_T_MAP),
        2 => (&AH_P, IPSEC_T_MAP),
        3 => (&ESP_P, IPSEC_T_MAP),
        4 => (&IPCOMP_P, IPSEC_T_MAP),
        _ => (&[], &[]),
    };
    let t_no = u8_at(m.d, ext + 4)?;
    let t_id = u8_at(m.d, ext + 5)?;
    c.s(" #");
    c.dec(t_no);
    c.s(" id=");
    if map.is_empty() {
        c.dec(t_id);
    } else {
        name(c, ids, u32::from(t_id));
    }
    c.s(" ");
    let map = if map.is_empty() { None } else { Some(map) };
    let r = attrs(c, m, ext + 8, ext + item_len, map)?;
    if r.is_none() {
        np_trunc(c, 3);
    }
    Ok(r)
}

/// KE, HASH, SIG and VID: a length and, with -vvv, the data in hex.
fn v1_simple(
    c: &mut Ctx,
    m: &Msg<'_>,
    np: u8,
    label: &str,
    ext: usize,
    item_len: usize,
) -> R<Option<usize>> {
    np_name(c, np);
    c.s(":");
    if !m.has(ext, 4) {
        np_trunc(c, np);
        return Ok(None);
    }
    c.s(label);
    c.dec((item_len - 4) as u64);
    if !vvv_body(c, m, np, ext + 4, item_len - 4) {
        return Ok(None);
    }
    Ok(Some(ext + item_len))
}

fn v1_id(c: &mut Ctx, m: &Msg<'_>, ext: usize, item_len: usize) -> R<Option<usize>> {
    c.s("id:");
    if !m.has(ext, 8) {
        np_trunc(c, 5);
        return Ok(None);
    }
    let (data, mut len) = if item_len > 8 {
        (Some(ext + 8), item_len - 8)
    } else {
        (None, 0)
    };
    // Phase 1 and 2 (the only ones) both use the IPsec DOI layout.
    let ty = u8_at(m.d, ext + 4)?;
    c.s(" idtype=");
    name(c, &IPSEC_ID_TYPES, u32::from(ty));
    let proto_id = u8_at(m.d, ext + 5)?;
    let pname = if !c.opts.numeric && proto_id != 0 {
        c.names.protoname(proto_id)
    } else {
        None
    };
    c.s(" protoid=");
    match pname {
        Some(n) => c.s(&n),
        None => c.dec(proto_id),
    }
    let port = be16(m.d, ext + 6)?;
    c.s(" port=");
    c.dec(port);
    if len != 0 {
        let Some(data) = data else {
            np_trunc(c, 5);
            return Ok(None);
        };
        if !m.has(data, len) {
            np_trunc(c, 5);
            return Ok(None);
        }
        let b = &m.d[data..data + len];
        let bad = |c: &mut Ctx, min: usize| -> bool {
            if len < min {
                c.s(" len=");
                c.dec(len as u64);
                c.s(" [bad: < ");
                c.dec(min as u64);
                c.s("]");
                true
            } else {
                c.s(" len=");
                c.dec(len as u64);
                c.s(" ");
                false
            }
        };
        match ty {
            1 => {
                if !bad(c, 4) {
                    c.ipaddr(&b[..4]);
                }
                len = 0;
            }
            2 | 3 => {
                c.s(" len=");
                c.dec(len as u64);
                c.s(" ");
                for &x in b {
                    super::tcp::print_char(c, x);
                }
                len = 0;
            }
            4 => {
                if !bad(c, 8) {
                    c.ipaddr(&b[..4]);
                    c.s("/");
                    c.o.ipv4(&b[4..8]);
                }
                len = 0;
            }
            5 => {
                if !bad(c, 16) {
                    c.ip6addr(&b[..16]);
                }
                len = 0;
            }
            6 => {
                if !bad(c, 32) {
                    c.ip6addr(&b[..16]);
                    c.s("/0x");
                    for x in &b[16..32] {
                        c.o.hexw(u64::from(*x), 2);
                    }
                }
                len = 0;
            }
            7 => {
                if !bad(c, 8) {
                    c.ipaddr(&b[..4]);
                    c.s("-");
                    c.ipaddr(&b[4..8]);
                }
                len = 0;
            }
            8 => {
                if !bad(c, 32) {
                    c.ip6addr(&b[..16]);
                    c.s("-");
                    c.ip6addr(&b[16..32]);
                }
                len = 0;
            }
            _ => {}
        }
    }
    if let Some(data) = data
        && len != 0
    {
        c.s(" len=");
        c.dec(len as u64);
        if c.opts.verbose > 2 {
            c.s(" ");
            if !raw(c, m, data, len) {
                np_trunc(c, 5);
                return Ok(None);
            }
        }
    }
    Ok(Some(ext + item_len))
}

fn v1_cert(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, item_len: usize) -> R<Option<usize>> {
    np_name(c, np);
    c.s(":");
    if !m.has(ext, 6) {
        np_trunc(c, np);
        return Ok(None);
    }
    c.s(" len=");
    c.dec((item_len - 4) as u64);
    let enc = u8_at(m.d, ext + 4)?;
    c.s(" type=");
    name(c, &CERT_TYPES, u32::from(enc));
    if !vvv_body(c, m, np, ext + 4, item_len - 4) {
        return Ok(None);
    }
    Ok(Some(ext + item_len))
}

fn v1_nonce(c: &mut Ctx, m: &Msg<'_>, ext: usize, item_len: usize) -> R<Option<usize>> {
    c.s("nonce:");
    if !m.has(ext, 4) {
        np_trunc(c, 10);
        return Ok(None);
    }
    c.s(" n len=");
    c.dec((item_len - 4) as u64);
    if item_len > 4 {
        let ok = if c.opts.verbose > 2 {
            c.s(" ");
            raw(c, m, ext + 4, item_len - 4)
        } else if c.opts.verbose > 1 {
            c.s(" ");
            somedata(c, m, ext + 4)
        } else {
            true
        };
        if !ok {
            np_trunc(c, 10);
            return Ok(None);
        }
    }
    Ok(Some(ext + item_len))
}

/// An IKEv1 notification type's name (or `#N`); `ipsec` for the IPsec DOI.
fn v1_notify_type(c: &mut Ctx, ty: u16, ipsec: bool) {
    let t = u32::from(ty);
    match ty {
        0..8192 => name(c, &NOTIFY_ERRORS, t),
        8192..16384 if ipsec => name(c, &["RESERVED"], t - 8192),
        16384..24576 => name(c, &["CONNECTED"], t - 16384),
        24576..32768 if ipsec => name(c, &IPSEC_NOTIFY_STATUS, t - 24576),
        _ => name(c, &[], t),
    }
}

/// The DOI and protocol of an IKEv1 notify or delete payload, names only for
/// the IPsec DOI; returns the DOI.
fn doi_proto(c: &mut Ctx, m: &Msg<'_>, ext: usize) -> R<u32> {
    let doi = be32(m.d, ext + 4)?;
    let proto = u8_at(m.d, ext + 8)?;
    if doi != 1 {
        c.s(" doi=");
        c.dec(doi);
        c.s(" proto=");
        c.dec(proto);
    } else {
        c.s(" doi=ipsec proto=");
        name(c, &PROTO_IDS, u32::from(proto));
    }
    Ok(doi)
}

fn v1_n(c: &mut Ctx, m: &Msg<'_>, ext: usize, item_len: usize) -> R<Option<usize>> {
    c.s("n:");
    if !m.has(ext, 12) {
        np_trunc(c, 11);
        return Ok(None);
    }
    let doi = doi_proto(c, m, ext)?;
    let ty = be16(m.d, ext + 10)?;
    c.s(" type=");
    v1_notify_type(c, ty, doi == 1);
    let spi_size = usize::from(u8_at(m.d, ext + 9)?);
    if spi_size != 0 {
        c.s(" spi=");
        if !raw(c, m, ext + 12, spi_size) {
            np_trunc(c, 11);
            return Ok(None);
        }
    }
    let mut cp = ext + 12 + spi_size;
    if doi != 1 {
        return Ok(Some(cp));
    }
    let ep2 = ext + item_len;
    if cp < m.ep() {
        match ty {
            24576 => {
                c.s(" attrs=(");
                while cp < m.ep() && cp < ep2 {
                    match attr(c, m, cp, ep2, Some(OAKLEY_T_MAP))? {
                        Some(n) => cp = n,
                        None => {
                            c.s(")");
                            np_trunc(c, 11);
                            return Ok(None);
                        }
                    }
                }
                c.s(")");
            }
            24577 => {
                c.s(" status=(");
                let on = be32(m.d, cp)? != 0;
                c.s(if on {
                    "replay detection enabled"
                } else {
                    "replay detection disabled"
                });
                c.s(")");
            }
            _ => {
                let ok = if c.opts.verbose > 3 {
                    c.s(" data=(");
                    let ok = raw(c, m, cp, m.ep() - cp);
                    if ok {
                        c.s(")");
                    }
                    ok
                } else {
                    somedata(c, m, cp)
                };
                if !ok {
                    np_trunc(c, 11);
                    return Ok(None);
                }
            }
        }
    }
    Ok(Some(ext + item_len))
}

fn v1_d(c: &mut Ctx, m: &Msg<'_>, ext: usize) -> R<Option<usize>> {
    c.s("d:");
    if !m.has(ext, 12) {
        np_trunc(c, 12);
        return Ok(None);
    }
    doi_proto(c, m, ext)?;
    let spi_size = usize::from(u8_at(m.d, ext + 9)?);
    c.s(" spilen=");
    c.dec(spi_size as u64);
    let num = be16(m.d, ext + 10)?;
    c.s(" nspi=");
    c.dec(num);
    c.s(" spi=");
    let mut q = ext + 12;
    for i in 0..num {
        if i != 0 {
            c.s(",");
        }
        if !raw(c, m, q, spi_size) {
            np_trunc(c, 12);
            return Ok(None);
        }
        q += spi_size;
    }
    Ok(Some(q))
}

/// `name[C]:` for an IKEv2 payload with the critical bit.
fn v2_pay(c: &mut Ctx, np_label: &str, critical: u8) {
    c.s(np_label);
    if critical & 0x80 != 0 {
        c.s("[C]");
    }
    c.s(":");
}

fn v2_pay_np(c: &mut Ctx, np: u8, critical: u8) {
    np_name(c, np);
    if critical & 0x80 != 0 {
        c.s("[C]");
    }
    c.s(":");
}

/// CERT, CR, D, TS, CP, EAP: a length and, with -vvv, the data in hex.
fn v2_gen(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, item_len: usize) -> R<Option<usize>> {
    if !m.has(ext, 4) {
        np_trunc(c, np);
        return Ok(None);
    }
    v2_pay_np(c, np, u8_at(m.d, ext + 1)?);
    c.s(" len=");
    c.dec((item_len - 4) as u64);
    if !vvv_body(c, m, np, ext + 4, item_len - 4) {
        return Ok(None);
    }
    Ok(Some(ext + item_len))
}

fn v2_t(c: &mut Ctx, m: &Msg<'_>, tcount: u32, ext: usize, item_len: usize) -> R<Option<usize>> {
    if !m.has(ext, 8) {
        np_trunc(c, 3);
        return Ok(None);
    }
    v2_pay(c, "t", u8_at(m.d, ext + 1)?);
    let t_id = be16(m.d, ext + 6)?;
    let t_type = u8_at(m.d, ext + 4)?;
    let (ids, map): (&[&str], Option<&AttrMap>) = match t_type {
        1 => (&ESP_P, Some(ENCR_T_MAP)),
        2 => (&PRF_P, None),
        3 => (&INTEG_P, None),
        4 => (&DH_P, None),
        5 => (&ESN_P, None),
        _ => (&[], None),
    };
    c.s(" #");
    c.dec(tcount);
    c.s(" type=");
    name(c, &V2_T_TYPES, u32::from(t_type));
    c.s(" id=");
    if (1..=5).contains(&t_type) {
        name(c, ids, u32::from(t_id));
    } else {
        c.dec(t_id);
    }
    c.s(" ");
    let r = attrs(c, m, ext + 8, ext + item_len, map)?;
    if r.is_none() {
        np_trunc(c, 3);
    }
    Ok(r)
}

/// How [`v2_sub`] walks one list of IKEv2 substructures.
struct Sub {
    /// The substructure type the list holds (2 proposals, 3 transforms); others
    /// are only named.
    want: u8,
    /// The payload type its truncation mark names.
    trunc_np: u8,
    /// Indentation of each item.
    depth: usize,
}

/// Walks a list of IKEv2 substructures (the proposals of an SA, the transforms
/// of a proposal) from `cp`, `rest` bytes long by the enclosing length: each
/// item's generic header is checked against `rest` and the capture as tcpdump
/// checks it, and an item of the wanted type is printed by `item(c, start,
/// length, ordinal)`. Returns where the list ends (None when printing stops).
fn v2_sub(
    c: &mut Ctx,
    m: &Msg<'_>,
    mut cp: usize,
    mut rest: usize,
    sub: &Sub,
    mut item: impl FnMut(&mut Ctx, usize, usize, u32) -> R<Option<usize>>,
) -> R<Option<usize>> {
    let mut np = sub.want;
    let mut count = 0u32;
    while np != 0 {
        count += 1;
        let start = cp;
        if rest < 4 {
            np_trunc(c, sub.trunc_np);
            return Ok(Some(cp + rest));
        }
        if !m.has(start, 4) {
            np_trunc(c, sub.trunc_np);
            return Ok(None);
        }
        let item_len = usize::from(be16(m.d, start + 2)?);
        if item_len <= 4 {
            np_trunc(c, sub.trunc_np);
            return Ok(None);
        }
        if rest < item_len {
            np_trunc(c, sub.trunc_np);
            return Ok(Some(cp + rest));
        }
        if !m.has(start, item_len) {
            np_trunc(c, sub.trunc_np);
            return Ok(None);
        }
        indent(c, sub.depth);
        c.s("(");
        if np == sub.want {
            match item(c, start, item_len, count)? {
                Some(next) => cp = next,
                None => return Ok(None),
            }
        } else {
            np_name(c, np);
            cp += item_len;
        }
        c.s(")");
        rest -= item_len;
        np = u8_at(m.d, start)?;
    }
    Ok(Some(cp))
}

/// A proposal and its transforms; `prop_len` is the proposal's length.
fn v2_p(c: &mut Ctx, m: &Msg<'_>, ext: usize, prop_len: usize, depth: usize) -> R<Option<usize>> {
    if !m.has(ext, 8) {
        np_trunc(c, 2);
        return Ok(None);
    }
    v2_pay(c, "p", u8_at(m.d, ext + 1)?);
    // tcpdump counts the rest from 4 bytes in, though the header has 8.
    let mut rest = prop_len - 4;
    proposal_head(c, m, ext)?;
    c.s(" len=");
    c.dec(prop_len as u64);
    let mut cp = ext + 8;
    let spi_size = usize::from(u8_at(m.d, ext + 6)?);
    if spi_size != 0 {
        if rest < spi_size {
            np_trunc(c, 2);
            return Ok(Some(cp + rest));
        }
        c.s(" spi=");
        if !raw(c, m, cp, spi_size) {
            np_trunc(c, 2);
            return Ok(None);
        }
        cp += spi_size;
        rest -= spi_size;
    }
    let sub = Sub {
        want: 3,
        trunc_np: 2,
        depth: depth + 1,
    };
    v2_sub(c, m, cp, rest, &sub, |c, t, item_len, tcount| {
        v2_t(c, m, tcount, t, item_len)
    })
}

fn v2_sa(c: &mut Ctx, m: &Msg<'_>, tpay: u8, ext: usize, w: Walk) -> R<Option<usize>> {
    if !m.has(ext, 4) {
        np_trunc(c, tpay);
        return Ok(None);
    }
    v2_pay(c, "sa", u8_at(m.d, ext + 1)?);
    let osa = usize::from(be16(m.d, ext + 2)?);
    let rest = osa - 4;
    c.s(" len=");
    c.dec(rest as u64);
    let sub = Sub {
        want: 2,
        trunc_np: tpay,
        depth: w.depth + 1,
    };
    v2_sub(c, m, ext + 4, rest, &sub, |c, p, item_len, _| {
        v2_p(c, m, p, item_len, sub.depth)
    })
}

fn v2_ke(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, item_len: usize) -> R<Option<usize>> {
    if !m.has(ext, 8) {
        np_trunc(c, np);
        return Ok(None);
    }
    v2_pay_np(c, np, u8_at(m.d, ext + 1)?);
    if item_len < 8 {
        c.s(" len=");
        c.dec(item_len as u64);
        c.s(" < 8");
        return Ok(Some(ext + item_len));
    }
    let group = be16(m.d, ext + 4)?;
    c.s(" len=");
    c.dec((item_len - 8) as u64);
    c.s(" group=");
    name(c, &DH_P, u32::from(group));
    if !vvv_body(c, m, np, ext + 8, item_len - 8) {
        return Ok(None);
    }
    Ok(Some(ext + item_len))
}

fn v2_id(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, item_len: usize) -> R<Option<usize>> {
    if !m.has(ext, 8) {
        np_trunc(c, np);
        return Ok(None);
    }
    v2_pay_np(c, np, u8_at(m.d, ext + 1)?);
    c.s(" len=");
    c.dec((item_len - 4) as u64);
    if !vvv_body(c, m, np, ext + 4, item_len - 4) {
        return Ok(None);
    }
    let id_len = item_len as i64 - 8;
    let data = ext + 8;
    let (label, text) = match u8_at(m.d, ext + 4)? {
        1 => (" ipv4:", false),
        2 => (" fqdn:", true),
        3 => (" rfc822:", true),
        5 => (" ipv6:", false),
        9 => (" dn:", false),
        10 => (" gn:", false),
        11 => (" keyid:", false),
        _ => return Ok(Some(ext + item_len)),
    };
    c.s(label);
    let ok = if text {
        match usize::try_from(id_len) {
            Ok(l) if m.has(data, l) => {
                ascii(c, &m.d[data..data + l]);
                true
            }
            _ => false,
        }
    } else {
        raw_i(c, m, data, id_len)
    };
    if !ok {
        np_trunc(c, np);
        return Ok(None);
    }
    Ok(Some(ext + item_len))
}

fn v2_auth(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, item_len: usize) -> R<Option<usize>> {
    if !m.has(ext, 8) {
        np_trunc(c, np);
        return Ok(None);
    }
    v2_pay_np(c, np, u8_at(m.d, ext + 1)?);
    let method = u8_at(m.d, ext + 4)?;
    c.s(" len=");
    c.dec((item_len - 4) as u64);
    c.s(" method=");
    name(c, &V2_AUTH, u32::from(method));
    if item_len > 4 {
        let ok = if c.opts.verbose > 1 {
            c.s(" authdata=(");
            let ok = raw_i(c, m, ext + 8, item_len as i64 - 8);
            if ok {
                c.s(") ");
            }
            ok
        } else if c.opts.verbose > 0 {
            somedata(c, m, ext + 8)
        } else {
            true
        };
        if !ok {
            np_trunc(c, np);
            return Ok(None);
        }
    }
    Ok(Some(ext + item_len))
}

fn v2_nonce(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, item_len: usize) -> R<Option<usize>> {
    if !m.has(ext, 4) {
        np_trunc(c, np);
        return Ok(None);
    }
    v2_pay(c, "nonce", u8_at(m.d, ext + 1)?);
    c.s(" len=");
    c.dec((item_len - 4) as u64);
    let ok = if c.opts.verbose > 1 && item_len > 4 {
        c.s(" nonce=(");
        let ok = raw(c, m, ext + 4, item_len - 4);
        if ok {
            c.s(") ");
        }
        ok
    } else if c.opts.verbose > 0 && item_len > 4 {
        somedata(c, m, ext + 4)
    } else {
        true
    };
    if !ok {
        np_trunc(c, np);
        return Ok(None);
    }
    Ok(Some(ext + item_len))
}

/// An IKEv2 notification type's name and whether tcpdump shows its SPI and
/// (some of) its data.
fn v2_notify(ty: u16) -> (&'static str, bool, bool) {
    match ty {
        1 => ("unsupported_critical_payload", false, false),
        4 => ("invalid_ike_spi", true, false),
        5 => ("invalid_major_version", false, false),
        7 => ("invalid_syntax", true, false),
        9 => ("invalid_message_id", true, false),
        11 => ("invalid_spi", true, false),
        14 => ("no_protocol_chosen", true, false),
        17 => ("invalid_ke_payload", true, false),
        24 => ("authentication_failed", true, false),
        34 => ("single_pair_required", true, false),
        35 => ("no_additional_sas", false, false),
        36 => ("internal_address_failure", false, false),
        37 => ("failed:cp_required", false, false),
        39 => ("invalid_selectors", false, false),
        16384 => ("initial_contact", false, false),
        16385 => ("set_window_size", false, false),
        16386 => ("additional_ts_possible", false, false),
        16387 => ("ipcomp_supported", false, false),
        16388 => ("nat_detection_source_ip", true, false),
        16389 => ("nat_detection_destination_ip", true, false),
        16390 => ("cookie", true, true),
        16391 => ("use_transport_mode", false, false),
        16392 => ("http_cert_lookup_supported", false, false),
        16393 => ("rekey_sa", true, false),
        16394 => ("tfc_padding_not_supported", false, false),
        16395 => ("non_first_fragment_also", false, false),
        t if t < 8192 => ("error", true, false),
        t if t < 16384 => ("private-error", true, false),
        t if t < 40960 => ("status", true, false),
        _ => ("private-status", true, false),
    }
}

fn v2_n(c: &mut Ctx, m: &Msg<'_>, ext: usize, item_len: usize) -> R<Option<usize>> {
    if !m.has(ext, 8) {
        np_trunc(c, 11);
        return Ok(None);
    }
    v2_pay(c, "n", u8_at(m.d, ext + 1)?);
    let prot = u8_at(m.d, ext + 4)?;
    c.s(" prot_id=");
    name(c, &PROTO_IDS, u32::from(prot));
    let ty = be16(m.d, ext + 6)?;
    let (nm, showspi, showsome) = v2_notify(ty);
    c.s(" type=");
    c.dec(ty);
    c.s("(");
    c.s(nm);
    c.s(")");
    let spi_size = usize::from(u8_at(m.d, ext + 5)?);
    if showspi && spi_size != 0 {
        c.s(" spi=");
        if !raw(c, m, ext + 8, spi_size) {
            np_trunc(c, 11);
            return Ok(None);
        }
    }
    let cp = ext + 8 + spi_size;
    if cp < m.ep() {
        let ok = if c.opts.verbose > 3 || (showsome && m.ep() - cp < 30) {
            c.s(" data=(");
            let ok = raw(c, m, cp, m.ep() - cp);
            if ok {
                c.s(")");
            }
            ok
        } else if showsome {
            somedata(c, m, cp)
        } else {
            true
        };
        if !ok {
            np_trunc(c, 11);
            return Ok(None);
        }
    }
    Ok(Some(ext + item_len))
}

fn v2_vid(c: &mut Ctx, m: &Msg<'_>, np: u8, ext: usize, item_len: usize) -> R<Option<usize>> {
    if !m.has(ext, 4) {
        np_trunc(c, np);
        return Ok(None);
    }
    v2_pay_np(c, np, u8_at(m.d, ext + 1)?);
    let len = item_len - 4;
    c.s(" len=");
    c.dec(len as u64);
    c.s(" vid=");
    if !m.has(ext + 4, len) {
        np_trunc(c, np);
        return Ok(None);
    }
    ascii(c, &m.d[ext + 4..ext + 4 + len]);
    if c.opts.verbose > 2 && len > 4 {
        c.s(" ");
        if !raw(c, m, ext + 4, len) {
            np_trunc(c, np);
            return Ok(None);
        }
    }
    Ok(Some(ext + item_len))
}

/// The encrypted payload: its length (and hex with -vvv); nothing follows it.
fn v2_e(
    c: &mut Ctx,
    m: &Msg<'_>,
    np: u8,
    ext: usize,
    item_len: usize,
    w: Walk,
) -> R<Option<usize>> {
    if !m.has(ext, 4) {
        np_trunc(c, np);
        return Ok(None);
    }
    v2_pay_np(c, np, u8_at(m.d, ext + 1)?);
    let dlen = item_len - 4;
    c.s(" len=");
    c.dec(dlen as u64);
    if c.opts.verbose > 2 && dlen > 4 {
        c.s(" ");
        if !raw(c, m, ext + 4, dlen) {
            np_trunc(c, np);
            return Ok(None);
        }
    }
    if !m.has(ext + 4, dlen) {
        np_trunc(c, np);
        return Ok(None);
    }
    // -E with this SA's keys: what the payload holds, one level deeper.
    if let Some(secrets) = c.opts.esp.clone() {
        let initiator = u8_at(m.d, 19)? & 0x08 != 0;
        let body = &m.d[ext + 4..ext + 4 + dlen];
        if let Some(pt) = secrets.decrypt_ikev2(initiator, &m.d[..8], &m.d[8..16], body) {
            let inner = Msg { d: &pt };
            let first = u8_at(m.d, ext)?;
            let deeper = Walk {
                depth: w.depth + 1,
                ..w
            };
            sub_print(c, &inner, first, 0, deeper)?;
        }
    }
    Ok(None)
}

/// An ISAKMP message of `length` bytes (captured ones in `d`); `ip` is the
/// IP header it came in (for telling initiator from responder).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    c.proto = "isakmp";
    // tcpdump reads the -E secrets here, truncated or not.
    if let Some(secrets) = &c.opts.esp {
        secrets.warn_once();
    }
    if d.len() < 28 {
        c.trunc_mark();
        return Ok(());
    }
    c.s("isakmp");
    let vers = d[17];
    let (major, minor) = (vers >> 4, vers & 0xf);
    let v = c.opts.verbose;
    if v > 0 {
        c.s(" ");
        c.dec(major);
        c.s(".");
        c.dec(minor);
        c.s(" msgid ");
        for b in &d[20..24] {
            c.o.hexw(u64::from(*b), 2);
        }
    }
    if v > 1 {
        c.s(" cookie ");
        for b in &d[0..8] {
            c.o.hexw(u64::from(*b), 2);
        }
        c.s("->");
        for b in &d[8..16] {
            c.o.hexw(u64::from(*b), 2);
        }
    }
    c.s(":");
    if major != 1 && major != 2 {
        return Ok(());
    }
    let phase = if be32(d, 20)? == 0 { 1 } else { 2 };
    let flags = d[19];
    if major == 1 {
        c.s(if phase == 1 {
            " phase 1"
        } else {
            " phase 2/others"
        });
        let ck = &d[0..8];
        match c.isakmp.find(ck) {
            None => {
                if d[8..16].iter().all(|&b| b == 0) {
                    c.s(" I");
                    c.isakmp.record(ck, ip);
                } else {
                    c.s(" ?");
                }
            }
            Some(i) => {
                if c.isakmp.side(i, ip, true) {
                    c.s(" I");
                } else if c.isakmp.side(i, ip, false) {
                    c.s(" R");
                } else {
                    c.s(" ?");
                }
            }
        }
        c.s(" ");
        name(c, &ETYPES, u32::from(d[18]));
        if flags != 0 {
            c.s("[");
            if flags & 1 != 0 {
                c.s("E");
            }
            if flags & 2 != 0 {
                c.s("C");
            }
            c.s("]");
        }
    } else {
        c.s(if phase == 1 {
            " parent_sa"
        } else {
            " child_sa "
        });
        c.s(" ");
        name(c, &ETYPES, u32::from(d[18]));
        if flags != 0 {
            c.s("[");
            if flags & 0x08 != 0 {
                c.s("I");
            }
            if flags & 0x10 != 0 {
                c.s("V");
            }
            if flags & 0x20 != 0 {
                c.s("R");
            }
            c.s("]");
        }
    }
    if v > 0 {
        c.s(":");
        let np = d[16];
        if flags & 1 != 0 {
            c.s(" [encrypted ");
            np_name(c, np);
            c.s("]");
        } else {
            let m = Msg { d };
            let w = Walk {
                v2: major == 2,
                proto: 0,
                depth: 0,
            };
            sub_print(c, &m, np, 28, w)?;
        }
        let total = be32(d, 24)?;
        if total as usize != length {
            c.s(" (len mismatch: isakmp ");
            c.dec(total);
            c.s("/ip ");
            c.dec(length as u64);
            c.s(")");
        }
    }
    Ok(())
}

/// UDP 4500 (RFC 3948): a NAT keep-alive, IKE behind the non-ESP marker, or ESP.
pub(crate) fn natt(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>) -> R {
    c.proto = "isakmp_rfc3948";
    if length == 1 && u8_at(d, 0)? == 0xff {
        c.s("isakmp-nat-keep-alive");
        return Ok(());
    }
    if length < 4 {
        c.trunc_mark();
        return Ok(());
    }
    if be32(d, 0)? == 0 {
        c.s("NONESP-encap: ");
        return print(c, &d[4..], length - 4, ip);
    }
    c.s("UDP-encap: ");
    super::misc::esp(c, d, length, Some(ip), false)
}
