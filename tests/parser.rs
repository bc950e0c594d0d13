//! Filter-language parser tests: trees (inheritance, precedence, numbers,
//! addresses), differential acceptance against libpcap, the invalid-expression
//! catalogue (grammar/invalid.txt), and deep-nesting robustness.
//!
//! Run: `cargo test --test parser`.

use rfilter::filter::FilterError;
mod common;

use rfilter::filter::ast::*;
use rfilter::filter::parser::parse;
use std::sync::Mutex;

// ---- helpers ----------------------------------------------------------------

/// Parses on a thread with a big stack, as `filter::compile` does, and drops the
/// tree there too (dropping a deep tree recurses as deeply as building it).
/// Returns the tree's debug text (`None` for a blank expression).
fn parse_big(text: &str) -> Result<Option<String>, FilterError> {
    let owned = text.to_owned();
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || {
            parse(&owned).map(|t| {
                t.map(|e| {
                    let mut s = format!("{e:?}");
                    s.truncate(300);
                    s
                })
            })
        })
        .expect("spawn parser thread")
        .join()
        .expect("parser thread panicked")
}

fn tree(text: &str) -> Expr {
    match parse(text) {
        Ok(Some(e)) => e,
        Ok(None) => panic!("{text:?}: parsed as empty"),
        Err(e) => panic!("{text:?}: unexpected error:\n{}", e.render(text)),
    }
}

fn err(text: &str) -> FilterError {
    match parse(text) {
        Ok(t) => panic!("{text:?}: expected an error, parsed {t:?}"),
        Err(e) => e,
    }
}

fn q(proto: Option<ProtoQual>, dir: Option<Dir>, addr: Option<AddrQual>) -> Qualifiers {
    Qualifiers { proto, dir, addr }
}

/// The (qualifiers, id) of a qualified primitive.
fn qual(e: &Expr) -> (Qualifiers, Id) {
    match e {
        Expr::Prim(Prim {
            kind: PrimKind::Qualified { quals, id },
            ..
        }) => (*quals, id.clone()),
        other => panic!("not a qualified primitive: {other:?}"),
    }
}

fn name(s: &str) -> Id {
    Id::Name(s.to_owned())
}

/// Flattens a tree to a compact string: `(a & b)`, `(a | b)`, `!a`, and primitives
/// shown through `show_prim`.
fn shape(e: &Expr) -> String {
    match e {
        Expr::And(a, b) => format!("({} & {})", shape(a), shape(b)),
        Expr::Or(a, b) => format!("({} | {})", shape(a), shape(b)),
        Expr::Not(a) => format!("!{}", shape(a)),
        Expr::Prim(p) => show_prim(&p.kind),
    }
}

fn show_prim(k: &PrimKind) -> String {
    match k {
        PrimKind::Qualified { quals, id } => {
            let mut s = String::new();
            if let Some(p) = quals.proto {
                s.push_str(&format!("{p:?} ").to_lowercase());
            }
            if let Some(d) = quals.dir {
                s.push_str(&format!("{d:?} ").to_lowercase());
            }
            if let Some(a) = quals.addr {
                s.push_str(&format!("{a:?} ").to_lowercase());
            }
            match id {
                Id::Name(n) => s.push_str(n),
                Id::Num(n) => s.push_str(&n.to_string()),
                other => s.push_str(&format!("{other:?}")),
            }
            s
        }
        PrimKind::ProtoAbbrev(p) => format!("{p:?}").to_lowercase(),
        PrimKind::Relation { op, lhs, rhs } => {
            format!("{} {op:?} {}", arith(lhs), arith(rhs))
        }
        other => format!("{other:?}"),
    }
}

fn arith(a: &Arith) -> String {
    match &a.kind {
        ArithKind::Num(n) => n.to_string(),
        ArithKind::Len => "len".into(),
        ArithKind::Load {
            proto,
            offset,
            size,
        } => format!(
            "{}[{}:{size}]",
            format!("{proto:?}").to_lowercase(),
            arith(offset)
        ),
        ArithKind::Binary { op, lhs, rhs } => {
            let o = match op {
                ArithOp::Add => "+",
                ArithOp::Sub => "-",
                ArithOp::Mul => "*",
                ArithOp::Div => "/",
                ArithOp::Mod => "%",
                ArithOp::And => "&",
                ArithOp::Or => "|",
                ArithOp::Xor => "^",
                ArithOp::Shl => "<<",
                ArithOp::Shr => ">>",
            };
            format!("({} {o} {})", arith(lhs), arith(rhs))
        }
        ArithKind::Neg(x) => format!("-{}", arith(x)),
    }
}

fn shape_of(text: &str) -> String {
    shape(&tree(text))
}

// ---- trees: qualifier inheritance --------------------------------------------

#[test]
fn inheritance_through_and_or() {
    assert_eq!(shape_of("host a or b"), "(host a | host b)");
    assert_eq!(
        shape_of("tcp port 80 or 443"),
        "(tcp port 80 | tcp port 443)"
    );
    assert_eq!(
        shape_of("src host a and b or c"),
        "((src host a & src host b) | src host c)"
    );
    assert_eq!(
        shape_of("host a and port 80 or 81"),
        "((host a & port 80) | port 81)"
    );
    assert_eq!(shape_of("ip6 src a || b"), "(ip6 src a | ip6 src b)");
    assert_eq!(
        shape_of("ether src or dst a and b"),
        "(link srcordst a & link srcordst b)"
    );
}

#[test]
fn inheritance_through_not_and_groups() {
    assert_eq!(shape_of("host a and not b"), "(host a & !host b)");
    assert_eq!(shape_of("host a and ! ! b"), "(host a & !!host b)");
    assert_eq!(
        shape_of("host a or (b or c)"),
        "(host a | (host b | host c))"
    );
    assert_eq!(
        shape_of("udp port (53 or 5353)"),
        "(udp port 53 | udp port 5353)"
    );
    assert_eq!(shape_of("port ((80) or 90)"), "(port 80 | port 90)");
    assert_eq!(
        shape_of("host a and (not b or c)"),
        "(host a & (!host b | host c))"
    );
    assert_eq!(shape_of("host not a"), "!host a");
    // A group inside a group passes on the qualifiers from before the outer `(`.
    assert_eq!(
        shape_of("host x and (b or (c))"),
        "(host x & (host b | host c))"
    );
}

#[test]
fn parenthesised_expression_passes_on_what_preceded_it() {
    // grammar.y: `paren expr ')'` yields the qualifiers from before the `(`.
    assert_eq!(
        shape_of("host a and (port 80) or b"),
        "((host a & port 80) | host b)"
    );
    assert_eq!(
        shape_of("net 10.0.0.0/8 and (tcp or udp) and 11.0.0.1"),
        format!(
            "((net {:?} & (tcp | udp)) & net {:?})",
            Id::Ipv4Cidr {
                value: 0x0a00_0000,
                bits: 32,
                prefix: 8
            },
            Id::Ipv4 {
                value: 0x0b00_0001,
                bits: 32
            }
        )
    );
    // Inside the parenthesis, ids inherit from the primitive before them there.
    assert_eq!(
        shape_of("tcp and (port 80 or 443)"),
        "(tcp & (port 80 | port 443))"
    );
}

#[test]
fn bare_ids_without_qualifiers_to_inherit_are_errors() {
    for (text, at) in [
        ("ip and foo", "foo"),
        ("(host a) or b", "b"),
        ("tcp or 80", "80"),
        ("ip[0] = 1 and 10.0.0.1", "10.0.0.1"),
        ("udp and (port 53) or 54", "54"),
        ("not tcp or ::1", "::1"),
    ] {
        let e = err(text);
        let span = e.span.expect("span");
        assert_eq!(&text[span.start..span.end], at, "{text}: {}", e.message);
        assert!(e.message.contains("qualifiers"), "{text}: {}", e.message);
    }
    let e = err("foo");
    assert!(e.message.contains("needs a qualifier"), "{}", e.message);
}

#[test]
fn qualifier_forms() {
    let (qs, id) = qual(&tree("ip6 dst net ::/0"));
    assert_eq!(
        qs,
        q(Some(ProtoQual::Ip6), Some(Dir::Dst), Some(AddrQual::Net))
    );
    assert_eq!(
        id,
        Id::Ipv6Cidr {
            addr: [0; 16],
            prefix: 0
        }
    );
    assert_eq!(
        qual(&tree("src and dst a")).0,
        q(None, Some(Dir::SrcAndDst), None)
    );
    assert_eq!(
        qual(&tree("dst or src port 1")).0,
        q(None, Some(Dir::SrcOrDst), Some(AddrQual::Port))
    );
    assert_eq!(
        qual(&tree("ether proto \\ip")),
        (
            q(Some(ProtoQual::Link), None, Some(AddrQual::Proto)),
            name("ip")
        )
    );
    assert_eq!(
        qual(&tree("ip protochain 6")),
        (
            q(Some(ProtoQual::Ip), None, Some(AddrQual::ProtoChain)),
            Id::Num(6)
        )
    );
    assert_eq!(
        qual(&tree("gateway router")),
        (q(None, None, Some(AddrQual::Gateway)), name("router"))
    );
    assert_eq!(
        qual(&tree("tcp portrange 6000-6010")),
        (
            q(Some(ProtoQual::Tcp), None, Some(AddrQual::PortRange)),
            name("6000-6010")
        )
    );
    assert_eq!(qual(&tree("addr2 a")).0, q(None, Some(Dir::Addr2), None));
    assert_eq!(
        qual(&tree("wlan ra a")).0,
        q(Some(ProtoQual::Link), Some(Dir::Ra), None)
    );
}

// ---- trees: precedence ---------------------------------------------------------

#[test]
fn and_or_equal_precedence_left_assoc() {
    assert_eq!(shape_of("tcp or udp and icmp"), "((tcp | udp) & icmp)");
    assert_eq!(shape_of("tcp and udp or icmp"), "((tcp & udp) | icmp)");
    assert_eq!(
        shape_of("not tcp and not udp or arp"),
        "((!tcp & !udp) | arp)"
    );
    assert_eq!(shape_of("not (tcp or udp)"), "!(tcp | udp)");
    assert_eq!(shape_of("tcp && udp || arp"), "((tcp & udp) | arp)");
}

#[test]
fn arithmetic_precedence_as_grammar_y() {
    let rel = |t: &str| match tree(t) {
        Expr::Prim(Prim {
            kind: PrimKind::Relation { lhs, .. },
            ..
        }) => arith(&lhs),
        other => panic!("{other:?}"),
    };
    assert_eq!(rel("1 + 2 * 3 = 0"), "(1 + (2 * 3))");
    assert_eq!(rel("1 - 2 - 3 = 0"), "((1 - 2) - 3)");
    assert_eq!(rel("1 | 2 & 3 = 0"), "(1 | (2 & 3))");
    assert_eq!(rel("1 & 2 << 3 = 0"), "(1 & (2 << 3))");
    assert_eq!(rel("1 << 2 + 3 = 0"), "(1 << (2 + 3))");
    assert_eq!(rel("8 / 2 / 2 = 0"), "((8 / 2) / 2)");
    assert_eq!(rel("-1 + 2 = 0"), "(-1 + 2)");
    assert_eq!(rel("-1 * 2 = 0"), "(-1 * 2)");
    assert_eq!(rel("- -1 = 0"), "--1");
    // `%` and `^` have no precedence in grammar.y: yacc always shifts them.
    assert_eq!(rel("1 + 2 % 3 = 0"), "(1 + (2 % 3))");
    assert_eq!(rel("1 % 2 + 3 = 0"), "(1 % (2 + 3))");
    assert_eq!(rel("1 * 2 ^ 3 | 4 = 0"), "(1 * (2 ^ (3 | 4)))");
    assert_eq!(rel("-1 % 2 = 0"), "-(1 % 2)");
    assert_eq!(rel("(1 + 2) * 3 = 0"), "((1 + 2) * 3)");
    assert_eq!(rel("ip[2:2] - len = 0"), "(ip[2:2] - len)");
    assert_eq!(
        rel("tcp[tcpflags] & (tcp-syn|tcp-ack) = 0"),
        "(tcp[13:1] & (2 | 16))"
    );
    assert_eq!(rel("ip[ip[0] & 0xf] = 0"), "ip[(ip[0:1] & 15):1]");
}

#[test]
fn parentheses_open_boolean_or_arithmetic() {
    assert_eq!(shape_of("(ip[0] = 1)"), "ip[0:1] Eq 1");
    assert_eq!(shape_of("(ip[0]) = 1"), "ip[0:1] Eq 1");
    assert_eq!(shape_of("(1+2) = 3"), "(1 + 2) Eq 3");
    assert_eq!(shape_of("((1)) = ((1))"), "1 Eq 1");
    assert_eq!(shape_of("not (1) = 1"), "!1 Eq 1");
    assert_eq!(shape_of("((tcp) and (udp))"), "(tcp & udp)");
    assert_eq!(
        shape_of("host a and ((80)) + 1 = 2"),
        "(host a & (80 + 1) Eq 2)"
    );
    assert_eq!(
        shape_of("ip[0] != 1 and len <= 100"),
        "(ip[0:1] Ne 1 & len Le 100)"
    );
    assert_eq!(
        shape_of("len < 1 or len > 2 or len >= 3"),
        "((len Lt 1 | len Gt 2) | len Ge 3)"
    );
    assert_eq!(shape_of("len == 1"), "len Eq 1");
}

// ---- trees: other primitives -----------------------------------------------------

#[test]
fn other_primitives() {
    let k = |t: &str| match tree(t) {
        Expr::Prim(p) => p.kind,
        other => panic!("{other:?}"),
    };
    assert_eq!(k("less 100"), PrimKind::Less(100));
    assert_eq!(k("greater 0x10"), PrimKind::Greater(16));
    assert_eq!(
        k("byte 2 & 7"),
        PrimKind::Byte {
            idx: 2,
            op: ByteOp::And,
            val: 7
        }
    );
    assert_eq!(
        k("byte 2 == 7"),
        PrimKind::Byte {
            idx: 2,
            op: ByteOp::Eq,
            val: 7
        }
    );
    assert_eq!(k("vlan"), PrimKind::Vlan(None));
    assert_eq!(k("vlan ((100))"), PrimKind::Vlan(Some(100)));
    assert_eq!(k("mpls 3"), PrimKind::Mpls(Some(3)));
    assert_eq!(k("pppoes 0x12"), PrimKind::Pppoes(Some(0x12)));
    assert_eq!(k("pppoed"), PrimKind::Pppoed);
    assert_eq!(k("geneve 7"), PrimKind::Geneve(Some(7)));
    assert_eq!(k("inbound"), PrimKind::Inbound);
    assert_eq!(k("outbound"), PrimKind::Outbound);
    assert_eq!(k("ifindex 3"), PrimKind::IfIndex(3));
    assert_eq!(k("llc"), PrimKind::Llc(None));
    assert_eq!(k("llc i"), PrimKind::Llc(Some(LlcKind::I)));
    assert_eq!(k("llc rnr"), PrimKind::Llc(Some(LlcKind::SSubtype(5))));
    assert_eq!(k("llc UI"), PrimKind::Llc(Some(LlcKind::USubtype(3))));
    assert_eq!(k("broadcast"), PrimKind::Broadcast(None));
    assert_eq!(k("ip multicast"), PrimKind::Multicast(Some(ProtoQual::Ip)));
    assert_eq!(
        k("ether broadcast"),
        PrimKind::Broadcast(Some(ProtoQual::Link))
    );
    assert_eq!(k("es-is"), PrimKind::ProtoAbbrev(ProtoQual::Esis));
    assert_eq!(k("l1"), PrimKind::ProtoAbbrev(ProtoQual::L1));
    assert_eq!(k("ppp"), PrimKind::ProtoAbbrev(ProtoQual::Link));
    assert_eq!(k("carp"), PrimKind::ProtoAbbrev(ProtoQual::Carp));
}

// ---- trees: numbers and addresses ------------------------------------------------

#[test]
fn numbers() {
    let n = |t: &str| qual(&tree(&format!("port {t}"))).1;
    assert_eq!(n("80"), Id::Num(80));
    assert_eq!(n("0x50"), Id::Num(80));
    assert_eq!(n("0X50"), Id::Num(80));
    assert_eq!(n("0120"), Id::Num(80));
    assert_eq!(n("0"), Id::Num(0));
    assert_eq!(n("4294967295"), Id::Num(u32::MAX));
    assert_eq!(n("icmp-echo"), Id::Num(8));
    assert_eq!(n("icmp6-echoreply"), Id::Num(129));
    assert_eq!(n("tcp-cwr"), Id::Num(0x80));
    // Longer words are names, not numbers or keywords.
    assert_eq!(n("80x"), name("80x"));
    assert_eq!(n("tcp-synx"), name("tcp-synx"));
    assert_eq!(n("\\port"), name("port"));
    assert!(err("port 4294967296").message.contains("overflows"));
    assert!(err("port 0x100000000").message.contains("overflows"));
    assert!(err("port 08").message.contains("non-octal"));
}

#[test]
fn addresses() {
    let id = |t: &str| qual(&tree(&format!("host {t}"))).1;
    assert_eq!(
        id("10.1.2.3"),
        Id::Ipv4 {
            value: 0x0a01_0203,
            bits: 32
        }
    );
    assert_eq!(
        id("10.1"),
        Id::Ipv4 {
            value: 0x0a01,
            bits: 16
        }
    );
    assert_eq!(
        id("010.1.2"),
        Id::Ipv4 {
            value: 0x0a_0102,
            bits: 24
        }
    );
    assert_eq!(id("10"), Id::Num(10));
    assert_eq!(id("10.1.2.3."), name("10.1.2.3."));
    assert_eq!(id("a-b_c.d"), name("a-b_c.d"));
    assert_eq!(
        qual(&tree("net 192.168/16")).1,
        Id::Ipv4Cidr {
            value: 0xc0a8,
            bits: 16,
            prefix: 16
        }
    );
    assert_eq!(
        qual(&tree("net 10.0.0.0 mask 255.255.0.0")).1,
        Id::Ipv4Mask {
            value: 0x0a00_0000,
            bits: 32,
            mask: 0xffff_0000
        }
    );
    let mut v6 = [0u8; 16];
    v6[0] = 0xfe;
    v6[1] = 0x80;
    v6[15] = 1;
    assert_eq!(id("fe80::1"), Id::Ipv6(v6));
    let mut mapped = [0u8; 16];
    mapped[10] = 0xff;
    mapped[11] = 0xff;
    mapped[12..].copy_from_slice(&[1, 2, 3, 4]);
    assert_eq!(id("::ffff:1.2.3.4"), Id::Ipv6(mapped));
    assert_eq!(
        qual(&tree("net 2001:db8::/32")).1,
        Id::Ipv6Cidr {
            addr: {
                let mut a = [0u8; 16];
                a[..4].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
                a
            },
            prefix: 32
        }
    );
    let mac = Id::Mac([0x00, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f]);
    assert_eq!(id("00:1b:2c:3d:4e:5f"), mac);
    assert_eq!(id("0:1b:2c:3d:4e:5f"), mac);
    assert_eq!(id("00-1b-2c-3d-4e-5f"), mac);
    assert_eq!(id("00.1b.2c.3d.4e.5f"), mac);
    assert_eq!(id("001b.2c3d.4e5f"), mac);
    assert_eq!(id("001b2c3d4e5f"), mac);
    assert!(err("host 1:2:3").message.contains("bogus Ethernet address"));
    assert!(
        err("host 1.2.3.256")
            .message
            .contains("invalid IPv4 address")
    );
    assert!(err("host ::ffff:01.2.3.4").message.contains("bogus IPv6"));
    assert!(err("net 10.0.0.0/33").message.contains("<= 32"));
    assert!(err("port 10.0.0.1").message.contains("'port' modifier"));
}

// ---- spans ----------------------------------------------------------------------

#[test]
fn spans_cover_source_text() {
    let text = "tcp port 80 or 443 and ip[0] & 0xf > 5";
    let e = tree(text);
    let mut prims = Vec::new();
    fn walk<'a>(e: &'a Expr, out: &mut Vec<&'a Prim>) {
        match e {
            Expr::And(a, b) | Expr::Or(a, b) => {
                walk(a, out);
                walk(b, out);
            }
            Expr::Not(a) => walk(a, out),
            Expr::Prim(p) => out.push(p),
        }
    }
    walk(&e, &mut prims);
    let texts: Vec<&str> = prims
        .iter()
        .map(|p| &text[p.span.start..p.span.end])
        .collect();
    assert_eq!(texts, ["tcp port 80", "443", "ip[0] & 0xf > 5"]);
    let text2 = "(ip[0] + 1) * 2 = 4 or not (len) = 1";
    let t = tree(text2);
    let rel_texts: Vec<String> = {
        let mut prims = Vec::new();
        walk(&t, &mut prims);
        prims
            .iter()
            .map(|p| match &p.kind {
                PrimKind::Relation { lhs, .. } => text2[lhs.span.start..lhs.span.end].to_owned(),
                other => panic!("{other:?}"),
            })
            .collect()
    };
    assert_eq!(rel_texts, ["(ip[0] + 1) * 2", "(len)"]);
    if let PrimKind::Relation { lhs, rhs, .. } = &prims[2].kind {
        assert_eq!(&text[lhs.span.start..lhs.span.end], "ip[0] & 0xf");
        assert_eq!(&text[rhs.span.start..rhs.span.end], "5");
    } else {
        panic!("not a relation");
    }
}

#[test]
fn errors_point_at_the_offending_token() {
    let cases = [
        (
            "tcp port and 80",
            "and",
            "'port' wants a port number or service name, found 'and'",
        ),
        ("(tcp or udp", "(", "unclosed '('"),
        ("tcp or udp)", ")", "unmatched ')'"),
        ("ip[1:3] = 1", "3", "data size must be 1, 2 or 4"),
        ("host a b", "b", "expected 'and', 'or'"),
        ("len = 0x", "0x", "wants a number"),
        ("host tcp", "tcp", "write '\\tcp'"),
    ];
    for (text, at, msg) in cases {
        let e = err(text);
        let span = e.span.unwrap_or_else(|| panic!("{text}: no span"));
        assert_eq!(&text[span.start..span.end], at, "{text}: {}", e.message);
        assert!(e.message.contains(msg), "{text}: {}", e.message);
    }
    let shown = err("tcp port and 80").render("tcp port and 80");
    assert_eq!(
        shown,
        "'port' wants a port number or service name, found 'and' (at character 10 of the expression: 'and')"
    );
}

#[test]
fn blank_is_empty() {
    assert_eq!(parse("").unwrap(), None);
    assert_eq!(parse(" \t\r\n ").unwrap(), None);
    // Other white space is no white space in libpcap's scanner.
    assert!(parse("\u{b}").is_err());
}

// ---- invalid.txt ----------------------------------------------------------------

#[test]
fn invalid_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/invalid.txt");
    let text = std::fs::read_to_string(path).expect("grammar/invalid.txt");
    let mut count = 0;
    let mut failures = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [expr, want, under] = cols[..] else {
            panic!(
                "invalid.txt:{}: want 3 TAB-separated columns: {line:?}",
                n + 1
            );
        };
        count += 1;
        match parse_big(expr) {
            Ok(t) => failures.push(format!("{expr:?}: parsed, expected error {want:?}: {t:?}")),
            Err(e) => {
                if !e.message.contains(want) {
                    failures.push(format!("{expr:?}: message {:?} lacks {want:?}", e.message));
                }
                match e.span {
                    Some(s) if s.start <= s.end && s.end <= expr.len() => {
                        let shown = if s.start == s.end && s.end == expr.len() {
                            "<end>"
                        } else {
                            expr.get(s.start..s.end)
                                .unwrap_or("<not on char boundaries>")
                        };
                        if shown != under {
                            failures.push(format!(
                                "{expr:?}: error points at {shown:?}, expected {under:?}"
                            ));
                        }
                    }
                    other => failures.push(format!("{expr:?}: bad span {other:?}")),
                }
            }
        }
    }
    assert!(count >= 60, "only {count} cases in invalid.txt");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---- deep nesting -----------------------------------------------------------------

#[test]
fn deep_parentheses() {
    let n = 5000;
    let text = format!("{}tcp{}", "(".repeat(n), ")".repeat(n));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
    let text = format!("{}ip[0]{} = 1", "(".repeat(n), ")".repeat(n));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
    let text = format!("port {}80{}", "(".repeat(n), ")".repeat(n));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
    let text = format!("{}tcp", "(".repeat(n));
    let e = parse_big(&text).unwrap_err();
    assert!(e.message.contains("unclosed"), "{}", e.message);
    let text = format!("ip[{}0{}] = 1", "(".repeat(n), ")".repeat(n));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
}

#[test]
fn many_nots() {
    let text = format!("{}tcp", "not ".repeat(20000));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
    let text = format!("host a and {}b", "! ".repeat(20000));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
    let text = "-".repeat(20000) + "1 = 1";
    assert!(matches!(parse_big(&text), Ok(Some(_))));
}

#[test]
fn long_chains() {
    let terms: Vec<String> = (0..3000).map(|i| format!("host h{i}")).collect();
    let text = terms.join(" or ");
    assert!(matches!(parse_big(&text), Ok(Some(_))));
    let ids: Vec<String> = (0..3000)
        .map(|i| format!("10.0.{}.{}", i / 256, i % 256))
        .collect();
    let text = format!("host {}", ids.join(" or "));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
    let text = format!("1{} = 0", " + 1".repeat(20000));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
    let text = format!("1{} = 0", " % 1".repeat(20000));
    assert!(matches!(parse_big(&text), Ok(Some(_))));
}

#[test]
fn nesting_beyond_the_limit_is_refused_not_overflowed() {
    use rfilter::filter::parser::{MAX_NESTING, MAX_TOKENS};
    let n = MAX_NESTING + 10;
    for text in [
        format!("{}tcp{}", "(".repeat(n), ")".repeat(n)),
        format!("{}tcp", "! ".repeat(n)),
        format!("{}1 = 1", "-".repeat(n)),
        format!("vlan {}1{}", "(".repeat(n), ")".repeat(n)),
        format!("1{} = 1", " ^ 1".repeat(n)),
    ] {
        let e = parse_big(&text).unwrap_err();
        assert!(e.message.contains("nested too deeply"), "{}", e.message);
    }
    let text = "tcp or ".repeat(MAX_TOKENS / 2) + "tcp";
    let e = parse_big(&text).unwrap_err();
    assert!(e.message.contains("too long"), "{}", e.message);
}

#[test]
fn arbitrary_input_never_panics_and_errors_point_inside_the_text() {
    fn check(s: &str) {
        if let Err(e) = parse(s) {
            assert!(!e.message.contains("internal"), "{s:?}: {}", e.message);
            if let Some(sp) = e.span {
                assert!(
                    sp.start <= sp.end
                        && sp.end <= s.len()
                        && s.is_char_boundary(sp.start)
                        && s.is_char_boundary(sp.end),
                    "{s:?}: span {sp:?}"
                );
            }
            let shown = e.render(s);
            let message: String = e
                .message
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            assert!(shown.starts_with(&message), "{s:?}: {shown}");
            assert_eq!(shown.lines().count(), 1, "{s:?}: {shown}");
        }
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let alphabet: Vec<char> = "ab01x:.-/\\$()[]!&|<>=+*%^ \t\né\u{0}\u{b}~#"
        .chars()
        .collect();
    for _ in 0..20000 {
        let len = rng.below(12);
        let s: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        check(&s);
    }
    // Token soup, glued or spaced.
    for _ in 0..20000 {
        let mut s = String::new();
        for _ in 0..1 + rng.below(10) {
            s.push_str(VOCAB[rng.below(VOCAB.len())]);
            if rng.below(4) != 0 {
                s.push(' ');
            }
        }
        check(&s);
    }
}

// ---- differential acceptance against libpcap ----------------------------------

/// libpcap's compile is not thread-safe in old versions.
static PCAP: Mutex<()> = Mutex::new(());

/// libpcap's verdict: Ok, or its error text.
fn libpcap(expr: &str) -> Result<(), String> {
    let _guard = PCAP.lock().unwrap_or_else(|p| p.into_inner());
    let cap = pcap::Capture::dead(pcap::Linktype(1)).expect("pcap dead capture");
    cap.compile(expr, false)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Hand-picked expressions covering every construct, valid and invalid.
const CORPUS: &[&str] = &[
    "",
    "tcp",
    "udp",
    "icmp",
    "ip",
    "ip6",
    "arp",
    "rarp",
    "sctp",
    "igmp",
    "igrp",
    "pim",
    "vrrp",
    "carp",
    "ah",
    "esp",
    "icmp6",
    "atalk",
    "aarp",
    "decnet",
    "lat",
    "sca",
    "moprc",
    "mopdl",
    "iso",
    "esis",
    "es-is",
    "isis",
    "is-is",
    "l1",
    "l2",
    "iih",
    "lsp",
    "snp",
    "csnp",
    "psnp",
    "clnp",
    "stp",
    "ipx",
    "netbeui",
    "radio",
    "link",
    "ether",
    "ppp",
    "slip",
    "fddi",
    "tr",
    "wlan",
    "host 10.0.0.1",
    "src host 10.0.0.1",
    "dst host 10.0.0.1",
    "src or dst host 10.0.0.1",
    "src and dst host 10.0.0.1",
    "dst or src 10.0.0.1",
    "dst and src 10.0.0.1",
    "host localhost",
    "ip host localhost",
    "ip6 host ::1",
    "host ::1",
    "arp host 10.0.0.1",
    "rarp src 10.0.0.1",
    "ether host 00:11:22:33:44:55",
    "ether src 00-11-22-33-44-55",
    "ether dst 0011.2233.4455",
    "ether host 001122334455",
    "ether host 0:1:2:3:4:5",
    "ether host 00.11.22.33.44.55",
    "host 00:11:22:33:44:55",
    "fddi host 1:2:3:4:5:6",
    "net 10",
    "net 10.0",
    "net 10.0.0",
    "net 10.0.0.0",
    "net 10.0.0.0/8",
    "net 10/8",
    "net 10.0.0.0 mask 255.0.0.0",
    "net 10.0.0.0 mask 255",
    "net 10 mask 255.0.0.0",
    "src net 192.168.0.0/16",
    "dst net 192.168",
    "net ::/0",
    "net fe80::/10",
    "ip6 net 2001:db8::/32",
    "port 80",
    "port http",
    "port domain",
    "tcp port 80",
    "udp port 53",
    "sctp port 1",
    "tcp src port 80",
    "udp dst port 53",
    "tcp port 80 or 443",
    "port 80 and 443",
    "portrange 1-1024",
    "tcp portrange 6000-6010",
    "src portrange 1-2",
    "portrange 1024",
    "proto 6",
    "ip proto 6",
    "ip proto \\tcp",
    "ip6 proto \\udp",
    "ether proto \\ip",
    "ether proto \\arp",
    "ether proto 0x800",
    "proto \\icmp",
    "ip protochain 6",
    "ip6 protochain 17",
    "protochain 6",
    "gateway localhost",
    "ip gateway localhost",
    "broadcast",
    "multicast",
    "ether broadcast",
    "ether multicast",
    "ip broadcast",
    "ip multicast",
    "ip6 multicast",
    "link broadcast",
    "tcp broadcast",
    "less 100",
    "greater 100",
    "less 0x64",
    "less (10)",
    "greater",
    "less",
    "len < 100",
    "len <= 100",
    "len > 100",
    "len >= 100",
    "len = 100",
    "len == 100",
    "len != 100",
    "length > 1",
    "byte 1 = 2",
    "byte 1 == 2",
    "byte 1 < 2",
    "byte 1 > 2",
    "byte 1 & 2",
    "byte 1 | 2",
    "byte 1 != 2",
    "byte 1 <= 2",
    "byte (1) = 2",
    "byte 1 = (2)",
    "inbound",
    "outbound",
    "ifindex 1",
    "ifindex",
    "ifindex (1)",
    "vlan",
    "vlan 10",
    "vlan (10)",
    "vlan ((10))",
    "vlan 10 and vlan 20",
    "vlan and tcp",
    "mpls",
    "mpls 100",
    "mpls (1)",
    "pppoed",
    "pppoes",
    "pppoes 10",
    "pppoes (1)",
    "pppoed 1",
    "geneve",
    "geneve 10",
    "geneve (1)",
    "llc",
    "llc i",
    "llc s",
    "llc u",
    "llc rr",
    "llc rnr",
    "llc rej",
    "llc ui",
    "llc ua",
    "llc disc",
    "llc dm",
    "llc sabme",
    "llc test",
    "llc xid",
    "llc frmr",
    "llc UI",
    "llc bogus",
    "llc 1",
    "ip[0] = 0x45",
    "ip[0] & 0xf = 5",
    "ip[0:1] = 1",
    "ip[0:2] = 1",
    "ip[0:4] = 1",
    "ip[0:3] = 1",
    "ip[0:0] = 1",
    "ip[0:(1)] = 1",
    "tcp[13] = 2",
    "tcp[tcpflags] = tcp-syn",
    "tcp[tcpflags] & (tcp-syn|tcp-ack) != 0",
    "icmp[icmptype] = icmp-echo",
    "icmp[icmpcode] = 0",
    "icmp6[icmp6type] = icmp6-echo",
    "ip6[40] = 1",
    "ether[0] & 1 != 0",
    "ether[12:2] = 0x800",
    "link[0] = 1",
    "arp[6:2] = 1",
    "udp[8:4] = 0",
    "ip[ip[0]] = 1",
    "ip[1+1] = 1",
    "ip[len - 1] = 1",
    "tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420",
    "1 = 1",
    "1 + 1 = 2",
    "1 - 1 = 0",
    "2 * 3 = 6",
    "6 / 3 = 2",
    "7 % 3 = 1",
    "1 & 1 = 1",
    "1 | 2 = 3",
    "1 ^ 3 = 2",
    "1 << 2 = 4",
    "8 >> 2 = 2",
    "-1 = 0xffffffff",
    "- 1 = 1",
    "--1 = 1",
    "-(1) = 1",
    "(1) = 1",
    "((1)) = 1",
    "(1 + 2) = 3",
    "(ip[0]) = 1",
    "(ip[0] = 1)",
    "((ip[0] = 1))",
    "(ip[0]) + 1 = 1",
    "(1) + (2) = 3",
    "1 + (2 * 3) = 7",
    "len - 1 > 0",
    "1 = 1 = 1",
    "1 =",
    "= 1",
    "1 + = 1",
    "ip[0]",
    "ip[0] +",
    "ip[] = 1",
    "ip[0 = 1",
    "ip[0]] = 1",
    "ip 0] = 1",
    "len",
    "len + 1",
    "(len) = 1",
    "1 < 2",
    "1 > 2",
    "1 <= 2",
    "1 >= 2",
    "1 != 2",
    "1 == 2",
    "1 === 2",
    "1 =! 2",
    "1 <> 2",
    "not tcp",
    "! tcp",
    "not not tcp",
    "!!tcp",
    "not (tcp)",
    "tcp and udp",
    "tcp && udp",
    "tcp or udp",
    "tcp || udp",
    "tcp and not udp",
    "tcp or not udp",
    "not tcp and udp",
    "(tcp)",
    "((tcp))",
    "(tcp and udp)",
    "(tcp) and (udp)",
    "tcp and (udp or icmp)",
    "(tcp or udp) and icmp",
    "tcp and",
    "and tcp",
    "or",
    "and",
    "not",
    "tcp or",
    "tcp not udp",
    "tcp udp",
    "(",
    ")",
    "()",
    "(tcp",
    "tcp)",
    "((tcp)",
    "(tcp))",
    "port a or b",
    "host 1.1.1.1 or 2.2.2.2",
    "host 1.1.1.1 and not 2.2.2.2",
    "host 1.1.1.1 or (2.2.2.2 or 3.3.3.3)",
    "host 1.1.1.1 or (2.2.2.2 and not 3.3.3.3)",
    "host (1.1.1.1 or 2.2.2.2)",
    "host ((1.1.1.1))",
    "host ((1.1.1.1) or 2.2.2.2)",
    "host (1.1.1.1 or (2.2.2.2))",
    "host 3.3.3.3 and ((1.1.1.1))",
    "host not 1.1.1.1",
    "host ! 1.1.1.1",
    "host (not 1.1.1.1 or 2.2.2.2)",
    "host (1.1.1.1 or port 80)",
    "host 1.1.1.1 and (2.2.2.2 or port 80)",
    "(host 1.1.1.1) or 2.2.2.2",
    "host 1.1.1.1 and (tcp) or 2.2.2.2",
    "host 1.1.1.1 and (port 80) or 2.2.2.2",
    "(tcp) or 1.1.1.1",
    "ip and 1.1.1.1",
    "ip and 80",
    "tcp or 80",
    "len = 1 and 1.1.1.1",
    "port 80 or 81",
    "port 80 and not 81",
    "port (80 or 81)",
    "port ((80) or 81)",
    "port (80 or (81))",
    "port ((80))",
    "port (((80)))",
    "udp and (port 53) or 54",
    "tcp port (80)",
    "host 1.1.1.1 and (80)",
    "host 1.1.1.1 and ((80))",
    "host 1.1.1.1 and ((80)) + 1 = 2",
    "host 1.1.1.1 and (80) = 1",
    "(not 1) = 1",
    "not (1) = 1",
    "not 1 = 1",
    "not ip[0] = 1",
    "host 1.1.1.1 and not 80 = 1",
    "port 80 80",
    "host",
    "port",
    "net",
    "src",
    "dst",
    "src host",
    "src or",
    "src or host a",
    "src or 1.1.1.1",
    "src and",
    "src dst 1.1.1.1",
    "host host",
    "port port",
    "tcp tcp",
    "tcp port",
    "tcp port and 80",
    "ip proto",
    "proto",
    "gateway",
    "ether proto",
    "net 10.0.0.0 mask",
    "net 10.0.0.0/",
    "net 10.0.0.0 /",
    "net 10.0.0.0 / 8",
    "host 10.0.0.1/32",
    "port 1.1.1.1",
    "proto 1.1.1.1",
    "portrange 1.1.1.1",
    "port ::1",
    "port 1:2:3:4:5:6",
    "port 1.2.3.4.5",
    "port 10.1.2.3.",
    "host 1.2.3.256",
    "host 0x1.2.3.4",
    "host 010.1.1.1",
    "host ::ffff:1.2.3.4",
    "host ::ffff:01.2.3.4",
    "host 1:2:3:4:5:6:7:8",
    "host 1:2:3:4:5:6:7::",
    "host ::",
    "host 1::",
    "host 12345::1",
    "host 1::2::3",
    "host 1:2",
    "host 1:2:3",
    "port a:b:",
    "host $1",
    "host $ab",
    "ip6 and ::1",
    "port \\tcp",
    "port \\and",
    "port a\\b",
    "port !a",
    "port foo!bar",
    "port a-b",
    "port a_b",
    "port a.b.c",
    "port a-",
    "port -a",
    "port _a",
    "port a..b",
    "port 1a",
    "port 0x",
    "port 0xg",
    "port 09",
    "port 0x1g",
    "TCP",
    "Tcp port 80",
    "tcp PORT 80",
    "icmp-echo",
    "tcpflags = 13",
    "icmptype = 0",
    "tcp-syn = 2",
    "port 4294967295",
    "port 4294967296",
    "port 0xffffffff",
    "port 0x100000000",
    "port 010",
    "port 08",
    "port 0x",
    "port 0X1A",
    "vxlan",
    "vxlan 1",
    "type mgt",
    "subtype beacon",
    "dir nods",
    "type data subtype data",
    "wlan type mgt",
    "on eth0",
    "ifname eth0",
    "rnr 1",
    "rulenum 1",
    "srnr 1",
    "reason match",
    "action pass",
    "rset x",
    "lane",
    "metac",
    "bcc",
    "oam",
    "oamf4",
    "oamf4ec",
    "oamf4sc",
    "sc",
    "ilmic",
    "connectmsg",
    "metaconnect",
    "vpi 1",
    "vci 1",
    "vpi > 1",
    "vci (1 or 2)",
    "fisu",
    "lssu",
    "lsu",
    "msu",
    "hfisu",
    "hlssu",
    "hmsu",
    "sio 1",
    "opc 1",
    "dpc 1",
    "sls 1",
    "hsio 1",
    "hopc 1",
    "hdpc 1",
    "hsls 1",
    "sio > 1",
    "opc (1 or 2)",
    "addr1 00:11:22:33:44:55",
    "addr2 1:2:3:4:5:6",
    "address3 1:2:3:4:5:6",
    "addr4 1:2:3:4:5:6",
    "ra 1:2:3:4:5:6",
    "ta 1:2:3:4:5:6",
    "wlan addr1 1:2:3:4:5:6",
    "wlan ra 1.1.1.1",
    "ether ra 1:2:3:4:5:6",
    "tcp[0] = 1 and $1",
    "tcp port 80 and host 10.0.0.1 or udp port 53 and not host 10.0.0.2",
    "(tcp port 80 or tcp port 443) and not src net 10.0.0.0/8",
    "ip and not (udp and port 53) and len > 100",
    "ether[0] & 1 = 0 and ip[16] >= 224",
    "vlan 100 and vlan 200 and ip",
    "mpls and mpls and ip",
    "pppoes 1 and ip",
    "geneve and ip",
    "ip[2:2] - ((ip[0]&0xf)<<2) > 0",
    "tcp[tcpflags] & tcp-push != 0",
    "icmp6 and ip6[40] = 128",
    "a",
    "1",
    "1.1.1.1",
    "::1",
    "00:11:22:33:44:55",
    "\\host",
    "$1",
    "port a b",
    "port a or",
    "port a or or b",
    "port a and and b",
    "tcp or and udp",
    "not and tcp",
    "not or",
    "not (",
    "not )",
    "host (",
    "host ()",
    "port ( 80",
    "ip[",
    "ip[0",
    "ip[0:",
    "ip[0:1",
    "ip[0:1]",
    "ip[0:1] =",
    "[0] = 1",
    "ip[0]:1 = 1",
    "ip[-1] = 1",
    "ip[0:-1] = 1",
    "ip[0:x] = 1",
    "x[0] = 1",
    "host[0] = 1",
    "len[0] = 1",
    "1 + 2",
    "(1 + 2)",
    "(1 + 2) and tcp",
    "tcp and (1 + 2)",
    "tcp and 1 + 2 = 3",
    "tcp and (1 + 2) = 3",
    "tcp and ((1 + 2) = 3)",
    "(1 + 2 = 3) and tcp",
    "1 + (2 = 3)",
    "ip[0] = 1 or ip[1] = 2 and ip[2] = 3",
    "(ip[0] = 1 or ip[1] = 2)",
    "host 1.1.1.1 and ip[0] = 1",
    "host 1.1.1.1 and (ip[0] = 1 or 2.2.2.2)",
    "host 1.1.1.1 and (2.2.2.2 or ip[0] = 1)",
    "host 1.1.1.1 or 80 + 1 = 81",
    "port 80 or (81) + 1 = 82",
    "port 80 or -1 = 1",
    "port 80 or len = 1",
    "tcp port 80 or \\443",
    "port a\tor\nb",
    "port a\ror b",
    "port a\u{b}or b",
    "less 1 and greater 2",
    "less 1 greater 2",
    "byte",
    "byte 1",
    "byte 1 =",
    "byte 1 + 2",
    "byte x = 1",
    "less x",
    "vlan x",
    "vlan 1 2",
    "mpls (1",
    "vlan (1))",
    "ifindex x",
    "inbound 1",
    "outbound x",
    "llc i u",
    "llc (i)",
    "broadcast 1",
    "ip broadcast or 1.1.1.1",
    "multicast and 1.1.1.1",
    "src host 10.0.0.1 and dst port 80 or 443",
    "ether src 1:2:3:4:5:6 or 7:8:9:a:b:c",
    "ip6 src ::1 or ::2",
    "net 10.0.0.0/8 or 11.0.0.0/8",
    "net 10.0.0.0 mask 255.0.0.0 or 11.0.0.0 mask 255.0.0.0",
    "ip host 1.1.1.1 or ip6 host ::1",
    "tcp port 80 or udp or 53",
];

/// Words for the random token sequences.
const VOCAB: &[&str] = &[
    "host",
    "net",
    "port",
    "portrange",
    "proto",
    "protochain",
    "gateway",
    "src",
    "dst",
    "and",
    "or",
    "not",
    "!",
    "&&",
    "||",
    "(",
    ")",
    "(",
    ")",
    "tcp",
    "udp",
    "ip",
    "ip6",
    "ether",
    "icmp",
    "arp",
    "broadcast",
    "multicast",
    "less",
    "greater",
    "byte",
    "len",
    "vlan",
    "mpls",
    "pppoes",
    "pppoed",
    "geneve",
    "llc",
    "inbound",
    "outbound",
    "ifindex",
    "10.0.0.1",
    "10.1",
    "/",
    "8",
    "mask",
    "255.0.0.0",
    "::1",
    "fe80::1",
    "1:2:3:4:5:6",
    "80",
    "0x10",
    "1",
    "2",
    "4",
    "localhost",
    "[",
    "]",
    ":",
    "=",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "+",
    "-",
    "*",
    "%",
    "^",
    "&",
    "|",
    "<<",
    ">>",
    "icmp-echo",
    "tcpflags",
    "rnr",
    "addr1",
    "ra",
    "type",
    "vpi",
    "fisu",
    "on",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Structured combinations: primitives joined by operators, negated, grouped.
fn combinations() -> Vec<String> {
    let prims = [
        "tcp",
        "host 10.0.0.1",
        "port 80",
        "10.0.0.2",
        "81",
        "ip[0] = 1",
        "(udp)",
        "(10.0.0.3)",
        "(82)",
        "not 10.0.0.4",
        "len > 1",
        "vlan",
        "src 10.0.0.5",
        "(port 83 or 84)",
        "(10.0.0.6 or 10.0.0.7)",
        "(1) + 1 = 2",
        "ip broadcast",
    ];
    let ops = ["and", "or", "&&", "||"];
    let mut out = Vec::new();
    for a in prims {
        for b in prims {
            for (i, op) in ops.iter().enumerate().take(2) {
                out.push(format!("{a} {op} {b}"));
                if i == 0 {
                    out.push(format!("{a} {op} not {b}"));
                    out.push(format!("({a}) {op} {b}"));
                    out.push(format!("{a} {op} ({b})"));
                }
            }
        }
    }
    for a in prims {
        for b in prims {
            for c in prims {
                if (a.len() + b.len() + c.len()) % 5 == 0 {
                    out.push(format!("{a} and {b} or {c}"));
                    out.push(format!("{a} and ({b} or {c})"));
                }
            }
        }
    }
    out
}

fn random_sequences(count: usize) -> Vec<String> {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    (0..count)
        .map(|_| {
            let len = 1 + rng.below(6);
            (0..len)
                .map(|_| VOCAB[rng.below(VOCAB.len())])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Random expressions drawn from grammar.y's productions (depth-limited), so that
/// most are valid; `mutate` then breaks some of them a little.
struct Gen {
    rng: Rng,
}

impl Gen {
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.rng.below(xs.len())]
    }

    fn expr(&mut self, depth: u32, out: &mut Vec<String>) {
        self.term(depth, out);
        let n = self.rng.below(3);
        for _ in 0..n {
            out.push(self.pick(&["and", "or", "&&", "||"]).into());
            if self.rng.below(3) == 0 {
                self.id(depth, out);
            } else {
                self.term(depth, out);
            }
        }
    }

    fn term(&mut self, depth: u32, out: &mut Vec<String>) {
        let choice = if depth == 0 {
            2 + self.rng.below(4)
        } else {
            self.rng.below(7)
        };
        match choice {
            0 => {
                out.push(self.pick(&["not", "!"]).into());
                self.term(depth - 1, out);
            }
            1 => {
                out.push("(".into());
                self.expr(depth - 1, out);
                out.push(")".into());
            }
            2 => {
                self.head(out);
                self.id(depth.saturating_sub(1), out);
            }
            3 => out.push(
                self.pick(&[
                    "tcp", "udp", "ip", "ip6", "arp", "icmp", "ether", "sctp", "igmp",
                ])
                .into(),
            ),
            4 => {
                self.arith(depth.saturating_sub(1), out);
                out.push(self.pick(&["=", "==", "!=", "<", "<=", ">", ">="]).into());
                self.arith(depth.saturating_sub(1), out);
            }
            _ => {
                let other = self.pick(&[
                    "less 100",
                    "greater 10",
                    "byte 1 = 2",
                    "byte 0 & 1",
                    "vlan",
                    "vlan 10",
                    "vlan (10)",
                    "mpls",
                    "mpls 3",
                    "pppoed",
                    "pppoes",
                    "pppoes 1",
                    "geneve",
                    "geneve 5",
                    "inbound",
                    "outbound",
                    "ifindex 2",
                    "broadcast",
                    "ether multicast",
                    "ip6 multicast",
                    "llc",
                    "llc i",
                    "llc rnr",
                    "ip broadcast",
                ]);
                out.extend(other.split(' ').map(String::from));
            }
        }
    }

    fn head(&mut self, out: &mut Vec<String>) {
        if self.rng.below(2) == 0 {
            out.push(
                self.pick(&["ip", "ip6", "tcp", "udp", "ether", "arp"])
                    .into(),
            );
        }
        match self.rng.below(4) {
            0 => {
                let d = self.pick(&["src", "dst", "src or dst", "dst and src"]);
                out.extend(d.split(' ').map(String::from));
                if self.rng.below(2) == 0 {
                    out.push(self.pick(&["host", "net", "port"]).into());
                }
            }
            1 => out.push(self.pick(&["host", "net", "port", "portrange"]).into()),
            2 => out.push(self.pick(&["proto", "protochain", "gateway"]).into()),
            _ => out.push("host".into()),
        }
    }

    fn id(&mut self, depth: u32, out: &mut Vec<String>) {
        let choice = if depth == 0 {
            self.rng.below(2)
        } else {
            self.rng.below(4)
        };
        match choice {
            0 => {
                let id = self.pick(&[
                    "10.0.0.1",
                    "10.1",
                    "10.0.0.0/8",
                    "10.0.0.0 mask 255.0.0.0",
                    "::1",
                    "fe80::/10",
                    "0:1:2:3:4:5",
                    "localhost",
                    "80",
                    "6",
                ]);
                out.extend(id.split(' ').map(String::from));
            }
            1 => {
                out.push("(".into());
                out.push(self.pick(&["80", "6"]).into());
                out.push(")".into());
            }
            2 => {
                out.push(self.pick(&["not", "!"]).into());
                self.id(depth - 1, out);
            }
            _ => {
                out.push("(".into());
                if self.rng.below(2) == 0 {
                    out.push(self.pick(&["10.0.0.2", "443", "localhost"]).into());
                } else {
                    out.push(self.pick(&["not", "!"]).into());
                    out.push("10.0.0.3".into());
                }
                for _ in 0..self.rng.below(3) {
                    out.push(self.pick(&["and", "or"]).into());
                    self.id(depth - 1, out);
                }
                out.push(")".into());
            }
        }
    }

    fn arith(&mut self, depth: u32, out: &mut Vec<String>) {
        let choice = if depth == 0 {
            self.rng.below(3)
        } else {
            self.rng.below(7)
        };
        match choice {
            0 => out.push(
                self.pick(&["0", "1", "0x10", "tcpflags", "tcp-syn", "4"])
                    .into(),
            ),
            1 => out.push("len".into()),
            2 => {
                out.push(self.pick(&["ip", "tcp", "ether", "udp", "ip6"]).into());
                out.push("[".into());
                out.push(self.pick(&["0", "2", "tcpflags"]).into());
                if self.rng.below(2) == 0 {
                    out.push(":".into());
                    out.push(self.pick(&["1", "2", "4"]).into());
                }
                out.push("]".into());
            }
            3 | 4 => {
                self.arith(depth - 1, out);
                out.push(
                    self.pick(&["+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"])
                        .into(),
                );
                self.arith(depth - 1, out);
            }
            5 => {
                out.push("-".into());
                self.arith(depth - 1, out);
            }
            _ => {
                out.push("(".into());
                self.arith(depth - 1, out);
                out.push(")".into());
            }
        }
    }

    /// Deletes, duplicates or replaces one token.
    fn mutate(&mut self, toks: &mut Vec<String>) {
        if toks.is_empty() {
            return;
        }
        let i = self.rng.below(toks.len());
        match self.rng.below(3) {
            0 => {
                toks.remove(i);
            }
            1 => {
                let t = toks[i].clone();
                toks.insert(i, t);
            }
            _ => toks[i] = VOCAB[self.rng.below(VOCAB.len())].to_string(),
        }
    }
}

fn generated(count: usize, seed: u64) -> Vec<String> {
    let mut g = Gen { rng: Rng(seed) };
    (0..count)
        .map(|i| {
            let mut toks = Vec::new();
            let depth = 1 + g.rng.below(3) as u32;
            g.expr(depth, &mut toks);
            if i % 3 == 2 {
                g.mutate(&mut toks);
            }
            toks.join(" ")
        })
        .collect()
}

/// Compares acceptance: libpcap syntax error ⇒ we fail; libpcap success ⇒ we succeed.
fn differential(exprs: &[String]) -> (usize, usize, Vec<String>) {
    let mut agreed_ok = 0;
    let mut agreed_syntax = 0;
    let mut mismatches = Vec::new();
    for e in exprs {
        let ours = parse(e).map(|t| t.map(|e| format!("{e:?}")));
        match libpcap(e) {
            Ok(()) => match ours {
                Ok(_) => agreed_ok += 1,
                Err(err) => mismatches.push(format!(
                    "{e:?}: libpcap accepts, we reject: {}",
                    err.render(e)
                )),
            },
            Err(msg) if msg.contains("syntax error") => match ours {
                Err(_) => agreed_syntax += 1,
                Ok(t) => mismatches.push(format!("{e:?}: libpcap says {msg:?}, we accept: {t:?}")),
            },
            Err(_) => {}
        }
    }
    (agreed_ok, agreed_syntax, mismatches)
}

fn run_differential(exprs: Vec<String>, min_ok: usize, min_syntax: usize) {
    let (ok, syntax, mismatches) = differential(&exprs);
    assert!(
        mismatches.is_empty(),
        "{} disagreements with libpcap:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    eprintln!(
        "{} expressions: {ok} accepted by both, {syntax} syntax errors in both",
        exprs.len()
    );
    assert!(ok >= min_ok, "only {ok} accepted expressions compared");
    assert!(syntax >= min_syntax, "only {syntax} syntax errors compared");
}

#[test]
fn libpcap_agrees_on_corpus() {
    run_differential(CORPUS.iter().map(|s| s.to_string()).collect(), 250, 140);
}

#[test]
fn libpcap_agrees_on_combinations() {
    run_differential(combinations(), 300, 100);
}

#[test]
fn libpcap_agrees_on_random_token_sequences() {
    run_differential(random_sequences(6000), 100, 2000);
}

#[test]
fn libpcap_agrees_on_generated_expressions() {
    run_differential(generated(8000, 0x5eed_0001), 2000, 500);
}

/// Random lexemes in contexts where every token class can be valid (`port`:
/// numbers; `net`: addresses and prefixes; `ether host`: MAC addresses), to check
/// that tokens split exactly where scanner.l splits them. No host-name contexts:
/// those would query DNS.
fn random_lexemes(count: usize) -> Vec<String> {
    let mut rng = Rng(0xfeed_beef_0bad_cafe);
    let chars: Vec<char> = "0123456789abcdefx:.-_/$\\ABFXg".chars().collect();
    let contexts = ["port ", "net ", "ether host ", "ip6 net ", "len = "];
    let hex: Vec<char> = "0123456789abcdefABCDEF".chars().collect();
    let seps = [":", ":", "::", ".", ".", "-", "/", ""];
    (0..count)
        .map(|i| {
            let ctx = contexts[rng.below(contexts.len())];
            let lexeme: String = if i % 2 == 0 {
                let len = 1 + rng.below(14);
                (0..len).map(|_| chars[rng.below(chars.len())]).collect()
            } else {
                // Address-like: groups of hex digits joined by separators.
                let mut out = String::new();
                let groups = 1 + rng.below(8);
                let sep = seps[rng.below(seps.len())];
                for g in 0..groups {
                    if g > 0 {
                        out.push_str(if rng.below(6) == 0 {
                            seps[rng.below(seps.len())]
                        } else {
                            sep
                        });
                    }
                    let digits = 1 + rng.below(4);
                    let decimal = rng.below(2) == 0;
                    for _ in 0..digits {
                        let c = if decimal {
                            char::from(b'0' + rng.below(10) as u8)
                        } else {
                            hex[rng.below(hex.len())]
                        };
                        out.push(c);
                    }
                }
                out
            };
            format!("{ctx}{lexeme}")
        })
        .collect()
}

#[test]
fn libpcap_agrees_on_random_lexemes() {
    run_differential(random_lexemes(6000), 200, 1500);
}

#[test]
fn libpcap_agrees_on_invalid_catalogue() {
    // Every catalogued invalid expression that libpcap also rejects as a syntax
    // error, and none that libpcap accepts.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/invalid.txt");
    let text = std::fs::read_to_string(path).expect("grammar/invalid.txt");
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let expr = line.split('\t').next().unwrap_or("");
        assert!(
            libpcap(expr).is_err(),
            "{expr:?} is in invalid.txt but libpcap compiles it"
        );
    }
}

// ---- meaning: verdicts against libpcap's ---------------------------------------

/// Where libpcap compiles an expression, the program compiled from our tree gives
/// libpcap's verdict on every packet of the shared Ethernet corpus: the tree means
/// what libpcap's parse meant (precedence, the `%`/`^` quirks, qualifier
/// inheritance, numbers, addresses). Uses the code generator, so a failure here
/// may also be a code-generation bug: the report shows both programs.
#[test]
fn trees_mean_what_libpcap_means() {
    use common::compare::{Reference, compare};
    use common::reference::{REFERENCE_NETMASK, REFERENCE_SNAPLEN, libpcap_program};
    use rfilter::linktype::LinkType;

    let lt = LinkType::En10mb;
    let samples = common::corpus::samples(lt);
    let opts = rfilter::filter::CompileOptions {
        linktype: lt,
        optimize: false,
        snaplen: REFERENCE_SNAPLEN,
        netmask: REFERENCE_NETMASK,
        for_kernel: false,
        ..Default::default()
    };
    let mut exprs: Vec<String> = CORPUS.iter().map(|s| s.to_string()).collect();
    exprs.extend(combinations());
    exprs.extend(generated(3000, 0x5eed_0002));
    let mut compared = 0;
    let mut reports = Vec::new();
    for e in &exprs {
        let Ok(unopt) = libpcap_program(e, lt, false) else {
            continue;
        };
        let opt = libpcap_program(e, lt, true).ok();
        let reference = Reference::new(opt, unopt, &samples);
        compared += 1;
        match rfilter::filter::compile(e, &opts) {
            Ok(ours) => {
                if let Err(r) = compare(e, lt, "rfilter -O", &ours, &reference, &samples) {
                    reports.push(r);
                }
            }
            Err(m) => reports.push(format!("{e:?}: libpcap compiles it, we say {}", m.message)),
        }
    }
    eprintln!(
        "{compared} expressions compared on {} packets",
        samples.len()
    );
    assert!(compared >= 1500, "only {compared} expressions compared");
    assert!(
        reports.is_empty(),
        "{} of {compared} differ:\n{}",
        reports.len(),
        reports
            .iter()
            .take(10)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
