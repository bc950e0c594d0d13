//! Differential tests for the 802.11 link types (802.11, radiotap, Prism, AVS,
//! PPI), OpenBSD pflog and Solaris ipnet: every expression of the corpus (grammar/examples/, valid and rejected)
//! and the 802.11 expressions below, on each of those link types, against
//! libpcap. Wherever libpcap compiles, rfilter must compile and give libpcap's
//! verdicts on the 802.11 corpus (tests/common/wlan_corpus.rs), optimized and not,
//! with a program the kernel accepts; wherever libpcap refuses, rfilter must
//! refuse with a message.

mod common;

use common::corpus::{IPNET, PFLOG, WLAN_LINKTYPES};
use common::link_diff::{
    self, check_all, check_corpus, check_random, env_or, flat_expressions, without_register_init,
};
use common::reference::{libpcap_program, rfilter_options};
use rfilter::filter;
use rfilter::linktype::LinkType;

/// 802.11 expressions: addresses and their qualifiers, frame types, subtypes and
/// directions by name and number, header bytes, radio header bytes, protocols
/// through LLC/SNAP, encapsulations, and libpcap's refusals.
const WLAN_EXPRS: &[&str] = &[
    "wlan host 00:11:22:33:44:55",
    "wlan src 00:11:22:33:44:55",
    "wlan dst 66:77:88:99:aa:bb",
    "wlan src or dst ff:ff:ff:ff:ff:ff",
    "wlan src and dst 00:11:22:33:44:55",
    "wlan dst host ff:ff:ff:ff:ff:ff",
    "ether host 01:00:5e:00:00:01",
    "ether src 02:fc:00:00:00:01",
    "link dst 33:33:00:00:00:01",
    "wlan addr1 00:11:22:33:44:55",
    "wlan address1 ff:ff:ff:ff:ff:ff",
    "wlan addr2 66:77:88:99:aa:bb",
    "wlan address2 00:11:22:33:44:55",
    "wlan addr3 ff:ff:ff:ff:ff:ff",
    "wlan addr3 01:80:c2:00:00:00",
    "wlan addr4 01:00:5e:00:00:01",
    "wlan address4 33:33:00:00:00:01",
    "wlan ra 00:11:22:33:44:55",
    "wlan ta 66:77:88:99:aa:bb",
    "ether ra ff:ff:ff:ff:ff:ff",
    "link ta 00:11:22:33:44:55",
    "wlan addr1 host 00:11:22:33:44:55",
    "wlan host 00:11:22:33:44:55 or 66:77:88:99:aa:bb",
    "type mgt",
    "type ctl",
    "type data",
    "type management",
    "type control",
    "type DATA",
    "type 0",
    "type 4",
    "type 8",
    "type 0xc",
    "type mgt subtype beacon",
    "type mgt subtype probe-req",
    "type mgt subtype proberesp",
    "type mgt subtype deauth",
    "type mgt subtype assoc-req",
    "type mgt subtype disassociation",
    "type management subtype authentication",
    "type ctl subtype ack",
    "type ctl subtype rts",
    "type ctl subtype cts",
    "type ctl subtype ps-poll",
    "type ctl subtype bar",
    "type control subtype cf-end",
    "type data subtype qos-data",
    "type data subtype null",
    "type data subtype data",
    "type data subtype qos",
    "type data subtype data-cf-ack",
    "type data subtype 0x80",
    "type 8 subtype 0x40",
    "type 0 subtype 0x80",
    "type 4 subtype ack",
    "subtype beacon",
    "subtype assoc-req",
    "subtype probe-resp",
    "subtype qos-data",
    "subtype ack",
    "subtype cts",
    "subtype bar",
    "subtype ba",
    "subtype qos",
    "subtype data",
    "subtype null",
    "subtype cf-end-ack",
    "not (type data subtype qos-data) or (subtype cf-end-ack) or (wlan[24:2] = 0xaaaa) or (pppoes 0x1234 and ip6 and tcp) and (ip[6:2] & 0x3fff = 0)",
    "subtype action",
    "dir nods",
    "dir tods",
    "dir fromds",
    "dir dstods",
    "dir 0",
    "dir 3",
    "dir 7",
    "direction tods",
    "wlan dir fromds",
    "wlan type data",
    "wlan subtype beacon",
    "tcp type data",
    "not type mgt",
    "type data and not subtype null and ip",
    "type mgt or type ctl",
    "(type mgt or type ctl) and wlan addr2 66:77:88:99:aa:bb",
    "dir tods and ip dst 10.0.0.2",
    "dir fromds and wlan src 00:11:22:33:44:55",
    "type mgt subtype beacon and wlan addr3 ff:ff:ff:ff:ff:ff",
    "wlan[0] & 0xc = 8",
    "wlan[0] = 0x80",
    "wlan[0] & 0xfc = 0xd4",
    "link[1] & 3 = 3",
    "wlan[1] & 0x40 != 0",
    "wlan[24:2] = 0xaaaa",
    "wlan[26:2] = 0xaaaa",
    "link[len - 1] = 0xef",
    "link[len - 1] = 0",
    "link[4:4] = 0x00112233",
    "radio[0] = 0",
    "radio[2:2] = 0x0800",
    "radio[4:4] & 2 != 0",
    "radio[0:4] = 0x80211001",
    "radio[8] & 0x20 != 0",
    "ip",
    "ip6",
    "arp",
    "rarp",
    "tcp",
    "udp",
    "icmp",
    "icmp6",
    "sctp",
    "tcp port 80",
    "tcp dst port 80",
    "udp port 53",
    "port 53",
    "portrange 1-1024",
    "tcp portrange 79-81",
    "host 10.0.0.1",
    "src host 10.0.0.1",
    "dst host 192.168.1.1",
    "net 192.168.1.0/24",
    "net 10",
    "ip6 host 2001:db8::1",
    "ip6 net ff02::/16",
    "ip host 10.0.0.1 and tcp port 80",
    "arp host 10.0.0.1",
    "tcp[13] & 2 != 0",
    "tcp[tcpflags] & tcp-syn != 0",
    "ip[9] = 6",
    "ip[0] & 0xf > 5",
    "ip6[6] = 17",
    "udp[8:2] = 0x1234",
    "icmp6[0] = 128",
    "icmp[icmptype] = icmp-echo",
    "ip proto 6",
    "ip6 proto 17",
    "proto 17",
    "ether proto 0x800",
    "link proto 0x86dd",
    "ether proto 0x42",
    "vlan",
    "vlan 300",
    "vlan and ip",
    "vlan 10 and tcp port 80",
    "vlan and vlan and ip",
    "mpls",
    "mpls 100",
    "pppoes",
    "pppoes and ip",
    "pppoes 1 and tcp",
    "pppoed",
    "geneve",
    "geneve and ip",
    "protochain 6",
    "ip6 protochain 17",
    "stp",
    "ipx",
    "netbeui",
    "iso",
    "isis",
    "clnp",
    "esis",
    "l1",
    "iih",
    "atalk",
    "aarp",
    "decnet",
    "decnet host 1.2",
    "lat",
    "llc",
    "llc i",
    "llc s",
    "llc u",
    "llc rnr",
    "llc ui",
    "llc xid",
    "llc and ip",
    "broadcast",
    "multicast",
    "wlan broadcast",
    "wlan multicast",
    "ether broadcast",
    "ether multicast",
    "ip broadcast",
    "ip multicast",
    "ip6 multicast",
    "len > 100",
    "greater 60",
    "less 40",
    "byte 0 = 0x88",
    "inbound",
    "outbound",
    "ifindex 2",
    "wlan src 00:11:22:33:44:55 or udp",
    "radio[0] = 0 and tcp",
    "tcp port 80 and radio[4] & 2 != 0",
    "link[0] = 0x88 and ip6",
    "tcp dst port 80 and (ip[2:2] - ((ip[0]&0xf)<<2) - ((tcp[12]&0xf0)>>2)) != 0",
    "gateway foo",
    "wlan host foo",
    "type foo",
    "subtype 8",
    "dir up",
    "type 0x10",
    "type data subtype beacon",
    "wlan addr1 10.0.0.1",
    "ra host 10.0.0.1",
    "tcp ta port 80",
    "radio[0] = 0 and link[0] = 1",
    "ip and inbound",
    "ip6 and outbound",
    "link[1] = 26",
    "on eth0",
    "ifname em0",
    "on a-very-long-if15",
    "on a-very-long-if16x",
    "rset foo",
    "ruleset main/anchor",
    "rset main",
    "rnr 3",
    "rulenum 0",
    "srnr 1",
    "subrulenum 2",
    "reason match",
    "reason 3",
    "reason state-mismatch",
    "reason map-failed",
    "action pass",
    "action block",
    "action nat",
    "action synproxy-drop",
    "action defer",
    "on eth0 and tcp port 80",
    "action drop and ip6",
    "inbound and reason 1",
    "not rnr 2 and ip host 10.0.0.1",
];

/// The first failures and their number.
fn summarize(failures: &[String]) -> String {
    link_diff::summarize(failures, 20)
}

fn wlan_linktypes() -> Vec<LinkType> {
    WLAN_LINKTYPES.iter().map(|&v| LinkType::Other(v)).collect()
}

/// The link types compared with libpcap here: the 802.11 family, pflog, ipnet.
fn filtered_linktypes() -> Vec<LinkType> {
    let mut v = wlan_linktypes();
    v.push(LinkType::Other(PFLOG));
    v.push(LinkType::Other(IPNET));
    v
}

/// Every expression: the corpus's, valid and rejected, and [`WLAN_EXPRS`].
fn all_expressions() -> Vec<String> {
    link_diff::all_expressions(WLAN_EXPRS)
}

#[test]
fn wlan_corpus_has_every_frame_kind_and_truncations() {
    for lt in wlan_linktypes() {
        let kinds = ["mgt beacon", "ctl ack", "qos-data ds3", "nodata", "llc stp"];
        check_corpus(lt, 400, &kinds);
    }
}

#[test]
fn rfilter_matches_libpcap_on_wlan_link_types() {
    let exprs = all_expressions();
    let (t, packets) = check_all(&exprs, &filtered_linktypes());
    println!(
        "802.11, pflog and ipnet differential: {} expressions x {} link types ({packets} packets): \
         {} compiled by both, {} refused by both, {} verdicts compared, {} mismatches",
        exprs.len(),
        filtered_linktypes().len(),
        t.compiled,
        t.refused,
        t.verdicts,
        t.failures.len()
    );
    assert!(t.compiled > 1000 && t.refused > 100);
    assert!(t.failures.is_empty(), "{}", summarize(&t.failures));
}

/// The 802.11 expressions tell frames apart on the corpus: where libpcap can
/// match at all, some full packets match and some do not (nearly always: `dir 7`,
/// `inbound` and radio header bytes some headers lack cannot).
#[test]
fn wlan_corpus_discriminates_the_wlan_expressions() {
    let (considered, flat) = flat_expressions(WLAN_EXPRS, &filtered_linktypes());
    println!("not discriminating ({}):\n{}", flat.len(), flat.join("\n"));
    assert!(considered > 400, "only {considered} pairs");
    assert!(
        flat.len() * 7 <= considered,
        "{} of {considered} pairs never or always match",
        flat.len()
    );
}

/// Random combinations of the expressions libpcap accepts on each 802.11 link
/// type (joined with and/or/not and parentheses): encapsulations (`vlan`,
/// `pppoes`, `geneve`) change the offsets of what follows them, and every
/// primitive may allocate the registers of the run-time lengths, so order and
/// mixture matter. RFILTER_FUZZ_COUNT / RFILTER_FUZZ_SEED change the search.
#[test]
fn rfilter_matches_libpcap_on_random_wlan_expressions() {
    let count = env_or("RFILTER_FUZZ_COUNT", 300) as usize;
    let seed = env_or("RFILTER_FUZZ_SEED", 8021);
    let t = check_random(
        &all_expressions(),
        WLAN_EXPRS,
        &filtered_linktypes(),
        count,
        seed,
    );
    println!(
        "random 802.11, pflog and ipnet expressions: {} compiled by both, {} refused by both, {} verdicts, {} mismatches",
        t.compiled,
        t.refused,
        t.verdicts,
        t.failures.len()
    );
    assert!(t.compiled > count * 5, "only {} compiled", t.compiled);
    assert!(t.failures.is_empty(), "{}", summarize(&t.failures));
}

/// Unoptimized, our programs are libpcap's instruction for instruction (and
/// libpcap does not optimize those that compute the 802.11 header length), except
/// for registers zeroed at entry and the Linux metadata loads (`inbound`,
/// `outbound`, `ifindex`), which rfilter makes absolute where libpcap adds the
/// radio header's length.
#[test]
fn unoptimized_programs_are_libpcaps() {
    let metadata = ["inbound", "outbound", "ifindex"];
    let (mut same, mut skipped) = (0, 0);
    let mut failures = Vec::new();
    for lt in filtered_linktypes() {
        for expr in all_expressions() {
            let Ok(theirs) = libpcap_program(&expr, lt, false) else {
                continue;
            };
            if metadata.iter().any(|m| expr.contains(m)) {
                skipped += 1;
                continue;
            }
            match filter::compile(&expr, &rfilter_options(lt, false)) {
                Ok(ours) if ours == theirs || without_register_init(&ours) == theirs.as_slice() => {
                    same += 1
                }
                Ok(_) => failures.push(format!("`{expr}` on {lt}: listing differs")),
                Err(e) => failures.push(format!("`{expr}` on {lt}: {}", e.message)),
            }
        }
    }
    println!("{same} unoptimized programs identical to libpcap's ({skipped} with metadata loads)");
    assert!(same > 5000, "only {same} programs compared");
    assert!(failures.is_empty(), "{}", summarize(&failures));
}

/// Code generation errors on these link types carry libpcap's message.
#[test]
fn semantic_errors_match_libpcap_messages() {
    let lt = |v: u16| LinkType::Other(v);
    let cases: &[(&str, LinkType)] = &[
        ("type mgt", LinkType::En10mb),
        ("subtype beacon", LinkType::LinuxSll),
        ("dir tods", LinkType::Raw),
        ("type mgt", lt(192)),
        ("dir nods", lt(192)),
        ("type data", lt(117)),
        ("radio[0] = 1", lt(105)),
        ("radio[0] = 1", lt(192)),
        ("radio[0] = 1", lt(117)),
        ("protochain 6", lt(127)),
        ("ip6 protochain 17", lt(105)),
        ("protochain 6", lt(117)),
        ("mpls", lt(105)),
        ("vlan", lt(192)),
        ("vlan", lt(117)),
        ("vlan", lt(226)),
        ("llc", lt(117)),
        ("llc", lt(226)),
        ("ether host 00:11:22:33:44:55", lt(117)),
        ("ether broadcast", lt(226)),
        ("wlan host foo", lt(127)),
        ("on eth0", LinkType::En10mb),
        ("rset foo", lt(127)),
        ("rnr 1", lt(226)),
        ("srnr 1", lt(105)),
        ("reason 1", LinkType::LinuxSll2),
        ("action pass", lt(119)),
        ("on a-very-long-if16x", lt(117)),
        ("rset a-very-long-rule", lt(117)),
        ("wlan addr1 10.0.0.1", lt(127)),
        ("tcp ta port 80", lt(105)),
        ("gateway foo", lt(163)),
    ];
    let mut failures = Vec::new();
    for &(expr, lt) in cases {
        let theirs = libpcap_program(expr, lt, false).map(|_| ());
        let ours = filter::compile(expr, &rfilter_options(lt, false));
        match (theirs, ours) {
            (Err(t), Err(o)) => {
                if t != o.message {
                    failures.push(format!(
                        "`{expr}` on {lt}: libpcap says {t:?}, we say {:?}",
                        o.message
                    ));
                }
                if o.span.is_none() {
                    failures.push(format!("`{expr}`: error without a place"));
                }
            }
            (t, o) => failures.push(format!(
                "`{expr}` on {lt}: libpcap {t:?}, rfilter {:?}",
                o.map(|p| p.len())
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
