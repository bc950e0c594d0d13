//! Differential tests for the link types libpcap filters on beyond rfilter's
//! core set: SLIP, BSD/OS SLIP, Frame Relay, ARCnet (BSD and Linux), every
//! Juniper pseudo-header, the 802.2 LLC links (Token Ring, FDDI, ATM RFC 1483
//! and CLIP, IP over Fibre Channel), BSD/OS PPP, OpenBSD enc, LocalTalk,
//! Symantec firewall, Apple IP over IEEE 1394, NetBSD HDLC, BACnet MS/TP,
//! netANALYZER, SunATM (with LANE and the ATM keywords) and SS7 over MTP2
//! (bare, with its pseudo-header and in ERF records; the MTP2 and MTP3
//! keywords). Every expression of the corpus (grammar/examples/, valid and
//! rejected) and the expressions below, on each of those link types, against
//! libpcap: wherever libpcap compiles, rfilter must compile and give libpcap's
//! verdicts on the corpus of tests/common/link_corpus.rs, optimized and not, with
//! a program the kernel accepts; wherever libpcap refuses, rfilter must refuse
//! with a message.

mod common;

use common::corpus::links;
use common::link_diff::{
    self, check_all, check_corpus, check_random, env_or, flat_expressions, without_register_init,
};
use common::reference::{libpcap_program, rfilter_options};
use rfilter::filter;
use rfilter::linktype::LinkType;

/// Expressions for these links: protocols through NLPIDs, system codes and
/// the Juniper magic; hosts, nets, ports through the fixed payload offsets;
/// OSI; directions; header bytes; encapsulations and libpcap's refusals.
const LINK_EXPRS: &[&str] = &[
    "ip",
    "ip6",
    "arp",
    "rarp",
    "atalk",
    "aarp",
    "decnet",
    "ipx",
    "stp",
    "netbeui",
    "iso",
    "clnp",
    "esis",
    "isis",
    "l1",
    "l2",
    "iih",
    "lsp",
    "snp",
    "csnp",
    "psnp",
    "tcp",
    "udp",
    "icmp",
    "icmp6",
    "sctp",
    "igmp",
    "pim",
    "vrrp",
    "ah",
    "esp",
    "host 10.0.0.1",
    "src host 10.0.0.1",
    "dst host 192.168.1.1",
    "ip host 10.0.0.1 and tcp port 80",
    "ip6 host 2001:db8::1",
    "ip6 net ff02::/16",
    "net 192.168.1.0/24",
    "net 10",
    "arp host 10.0.0.1",
    "rarp dst host 10.0.0.2",
    "port 53",
    "tcp port 80",
    "udp dst port 53",
    "portrange 1-1024",
    "tcp portrange 79-81",
    "sctp port 9",
    "protochain 6",
    "ip6 protochain 17",
    "ip protochain 1",
    "proto 17",
    "ip proto 6",
    "ip6 proto 58",
    "ether proto 0x800",
    "link proto 0x86dd",
    "slip proto 0x800",
    "ppp proto 0x21",
    "ether proto 0x42",
    "ether proto 0xfe",
    "ip[9] = 6",
    "ip[0] & 0xf > 5",
    "ip6[6] = 17",
    "tcp[13] & 2 != 0",
    "tcp[tcpflags] & tcp-syn != 0",
    "udp[8:2] = 0x1234",
    "icmp[icmptype] = icmp-echo",
    "icmp6[0] = 128",
    "link[0] = 0",
    "link[0] = 1",
    "link[1] = 0x41",
    "link[2:2] = 0x03cc",
    "link[0:4] & 0xffffff00 = 0x4d474300",
    "link[3] & 1 = 1",
    "link[2] = 0xd4",
    "slip[0] = 1",
    "link[len - 1] = 0",
    // ARCnet addresses: libpcap 1.10 compares `0xd0 |` the first digit
    // (see the lexer); on the other links it refuses them.
    "link host $0e",
    "link host $e",
    "link src or dst host $e",
    "link src $8c",
    "link src host $d",
    "link dst $a4",
    "link dst host $A",
    "link src and dst $3",
    "ether host $1",
    "link host $5 or $7",
    "link dst $2 and not src $9",
    "link host $0e and ip",
    "host $1",
    "ip host $1",
    "link net $1",
    "link proto $1",
    "link addr1 $1",
    "wlan ra $1",
    "$1",
    "len > 100",
    "greater 60",
    "less 40",
    "byte 0 = 0x45",
    "inbound",
    "outbound",
    "inbound and ip",
    "outbound and tcp port 80",
    "not inbound",
    "ifindex 2",
    "broadcast",
    "multicast",
    "ether broadcast",
    "ether multicast",
    "ip broadcast",
    "ip multicast",
    "ip6 multicast",
    "ether host 00:11:22:33:44:55",
    "ether src 00:11:22:33:44:55",
    "llc",
    "llc i",
    "vlan",
    "vlan 10",
    "mpls",
    "mpls 100",
    "pppoed",
    "pppoes",
    "pppoes 1 and ip",
    "geneve",
    "geneve and ip",
    "ip and not tcp",
    "ip or ip6 or arp",
    "(ip and udp port 53) or (ip6 and tcp)",
    "iso and not isis",
    "tcp dst port 80 and (ip[2:2] - ((ip[0]&0xf)<<2) - ((tcp[12]&0xf0)>>2)) != 0",
    "type mgt",
    "wlan host 00:11:22:33:44:55",
    "radio[0] = 0",
    "on eth0",
    "lat",
    "sca",
    "mopdl",
    "moprc",
    "decnet host 1.2",
    "lane",
    "lane and ip",
    "lane and tcp port 80",
    "lane and ether host 00:11:22:33:44:55",
    "lane and ether src 66:77:88:99:aa:bb",
    "lane and broadcast",
    "lane and multicast",
    "lane and llc",
    "lane and vlan",
    "lane and vlan 10 and ip",
    "lane and lane",
    "not (lane and lane) and ether proto 0x800",
    "lane and lane and lane and ip",
    "pppoes and lane and ip",
    "lane and pppoes and ip",
    "lane and mpls and ip",
    "lane and geneve and ip",
    "lane and vpi 1",
    "not lane and ip",
    "lane or ip6",
    "vpi 0",
    "vpi 1",
    "vci 5",
    "vci 16",
    "vpi > 1",
    "vpi >= 1",
    "vpi < 2",
    "vpi <= 0",
    "vpi != 0",
    "vpi = 7",
    "vci > 300",
    "vpi (0 or 2)",
    "vci (3 or 4 or 5)",
    "vpi 1 or 2",
    "vpi",
    "vpi 300",
    "oam",
    "oamf4",
    "oamf4sc",
    "oamf4ec",
    "metac",
    "bcc",
    "sc",
    "ilmic",
    "connectmsg",
    "metaconnect",
    "connectmsg and not oam",
    "vpi 0 and vci 5 and ip",
    "fisu",
    "lssu",
    "lsu",
    "msu",
    "hfisu",
    "hlssu",
    "hmsu",
    "sio 0xd2",
    "sio = 0xd2",
    "sio == 0xa5",
    "sio > 0xa1",
    "sio >= 0xa2",
    "sio <= 0xa3",
    "sio < 0xa4",
    "sio != 0xa5",
    "sio (73 or 74 or 75)",
    "sio (0xd2)",
    "sio 256",
    "sio",
    "sio (1 and 2)",
    "sio 1 or 2",
    "dpc 0x31d6",
    "dpc > 0x1273",
    "dpc <= 0x1273",
    "dpc (0x1274 or 0x1275 or 0x1276)",
    "dpc 16384",
    "opc 0x3b35",
    "opc >= 0x607",
    "opc < 0x607",
    "opc (0x608 or 0x609 or 0x60a)",
    "opc 16384",
    "sls 3",
    "sls > 7",
    "sls (1 or 2)",
    "sls 16",
    "hsio 0x41",
    "hsio > 0x80",
    "hdpc 0x0ab5",
    "hopc 0x3aba",
    "hopc < 0x100",
    "hsls 10",
    "hsls 16",
    "msu and (sio 0x83 or dpc 0x31d6)",
    "fisu or lssu",
    "not msu and not hmsu",
    "msu and (opc 0x607 or dpc 0x607) and sls > 3",
    "len > 10 and msu",
];

/// The first failures (all of them with SHOWALL set) and their number.
fn summarize(failures: &[String]) -> String {
    let shown = if std::env::var("SHOWALL").is_ok() {
        100000
    } else {
        20
    };
    link_diff::summarize(failures, shown)
}

/// The link types compared with libpcap here.
fn linktypes() -> Vec<LinkType> {
    links::more_linktypes()
        .into_iter()
        .map(LinkType::Other)
        .collect()
}

/// Every expression: the corpus's, valid and rejected, and [`LINK_EXPRS`].
fn all_expressions() -> Vec<String> {
    link_diff::all_expressions(LINK_EXPRS)
}

#[test]
fn link_corpus_has_every_header_variant_and_truncations() {
    for lt in linktypes() {
        let kinds: &[&str] = match lt {
            LinkType::Other(links::SLIP | links::SLIP_BSDOS) => &["dir 0 ", "dir 1 ", "ipv6"],
            LinkType::Other(links::FRELAY) => &["fr ip ", "fr ip6 ", "fr osi", "fr snap"],
            LinkType::Other(links::ARCNET | links::ARCNET_LINUX) => &[
                "sc 0xd4", "sc 0xf0", "sc 0xd5", "sc 0xf1", "sc 0xc4", "dst 0 ",
            ],
            LinkType::Other(v) if links::JUNIPER_LINKTYPES.contains(&v) => {
                &["juniper MGC", "juniper MGD", "flags 0x1 ", "flags 0x0 "]
            }
            LinkType::Other(v) if links::LLC_LINKTYPES.contains(&v) => &[
                "llc link ipv4",
                "llc link ipv6",
                "llc link llc iso",
                "llc link snap",
            ],
            LinkType::Other(103) => &["0x0021", "0x002d", "0x002f", "0x0057"],
            LinkType::Other(109) => &["af 2 ", "af 10 ", "af 24 "],
            LinkType::Other(165) => &["bacnet 55ff", "bacnet 55fe"],
            LinkType::Other(123) => &["sunatm llc", "lane le 0000", "lane le ff00", "q2931"],
            LinkType::Other(v) if links::MTP2_LINKTYPES.contains(&v) => {
                &["mtp2 li 0 ", "mtp2 li 3 ", "mtp2 hsl li 2 ", "sio 0xd2"]
            }
            _ => &["ipv4", "ipv6"],
        };
        check_corpus(lt, 300, kinds);
    }
}

#[test]
fn rfilter_matches_libpcap_on_more_link_types() {
    let exprs = all_expressions();
    let (t, packets) = check_all(&exprs, &linktypes());
    println!(
        "SLIP, Frame Relay, ARCnet, Juniper, LLC and other links differential: {} expressions x {} link types \
         ({packets} packets): {} compiled by both, {} refused by both, {} verdicts compared, \
         {} mismatches",
        exprs.len(),
        linktypes().len(),
        t.compiled,
        t.refused,
        t.verdicts,
        t.failures.len()
    );
    assert!(t.compiled > 1000 && t.refused > 100);
    assert!(t.failures.is_empty(), "{}", summarize(&t.failures));
}

/// The expressions tell packets apart on each corpus: for most pairs libpcap
/// can match at all, some full packets match and some do not (not on the link
/// types where libpcap has no payload offset; expressions for other links'
/// headers never match).
#[test]
fn link_corpus_discriminates_the_link_expressions() {
    let lts: Vec<LinkType> = linktypes()
        .into_iter()
        .filter(|lt| !matches!(lt, LinkType::Other(v) if links::NO_NETWORK.contains(v)))
        .collect();
    let (considered, flat) = flat_expressions(LINK_EXPRS, &lts);
    println!("not discriminating ({}):\n{}", flat.len(), flat.join("\n"));
    assert!(considered > 500, "only {considered} pairs");
    assert!(
        flat.len() * 5 <= considered,
        "{} of {considered} pairs never or always match",
        flat.len()
    );
}

/// Unoptimized, our programs are libpcap's instruction for instruction, except
/// for registers zeroed at entry and the Linux metadata loads (`inbound`,
/// `outbound`, `ifindex` where the header has no direction), which rfilter
/// makes absolute.
#[test]
fn unoptimized_programs_are_libpcaps() {
    let (mut same, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    for lt in linktypes() {
        for expr in all_expressions() {
            let Ok(theirs) = libpcap_program(&expr, lt, false) else {
                continue;
            };
            let metadata = theirs
                .iter()
                .any(|i| i.code & 0x07 == 0 && i.k >= 0xffff_f000 && i.k < 0xffff_f100);
            if metadata {
                skipped += 1;
                continue;
            }
            match filter::compile(&expr, &rfilter_options(lt, false)) {
                Ok(ours) if ours == theirs || without_register_init(&ours) == theirs.as_slice() => {
                    same += 1
                }
                Ok(ours) => failures.push(format!(
                    "`{expr}` on {lt}: listing differs\n  ours:\n{}  libpcap:\n{}",
                    rfilter::bpf::dump::dump(&ours, 1),
                    rfilter::bpf::dump::dump(&theirs, 1)
                )),
                Err(e) => failures.push(format!("`{expr}` on {lt}: {}", e.message)),
            }
        }
    }
    println!("{same} unoptimized programs identical to libpcap's ({skipped} with metadata loads)");
    assert!(same > 5000, "only {same} programs compared");
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// Savefiles give LINKTYPE values, libpcap reports DLT values: where they
/// differ (ATM RFC 1483 100/11, ATM CLIP 106/19, BSD/OS SLIP 102/15, BSD/OS
/// PPP 103/16), both compile to the same program.
#[test]
fn linktype_and_dlt_values_compile_alike() {
    for (linktype, dlt) in [(100u16, 11u16), (106, 19), (102, 15), (103, 16)] {
        for expr in [
            "ip",
            "tcp port 80",
            "llc",
            "iso",
            "host 10.0.0.1",
            "inbound",
        ] {
            let a = filter::compile(expr, &rfilter_options(LinkType::Other(linktype), true));
            let b = filter::compile(expr, &rfilter_options(LinkType::Other(dlt), true));
            match (a, b) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "`{expr}` on {linktype} and {dlt}"),
                (Err(a), Err(b)) => assert_eq!(a.message, b.message, "`{expr}`"),
                (a, b) => panic!("`{expr}` on {linktype}: {a:?}, on {dlt}: {b:?}"),
            }
        }
    }
}

/// Random combinations of the expressions libpcap accepts on each link type
/// (joined with and/or/not and parentheses): `lane`, `vlan`, `mpls`, `pppoes`
/// and `geneve` change the offsets of what follows them, so order and mixture
/// matter. RFILTER_FUZZ_COUNT / RFILTER_FUZZ_SEED change the search.
#[test]
fn rfilter_matches_libpcap_on_random_link_expressions() {
    let count = env_or("RFILTER_FUZZ_COUNT", 60) as usize;
    let seed = env_or("RFILTER_FUZZ_SEED", 1483);
    let t = check_random(&all_expressions(), LINK_EXPRS, &linktypes(), count, seed);
    println!(
        "random expressions on {} link types: {} compiled by both, {} refused by both, {} verdicts, {} mismatches",
        linktypes().len(),
        t.compiled,
        t.refused,
        t.verdicts,
        t.failures.len()
    );
    assert!(t.compiled > count * 20, "only {} compiled", t.compiled);
    assert!(t.failures.is_empty(), "{}", summarize(&t.failures));
}
