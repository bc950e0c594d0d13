//! Parser: expression text to [`Expr`], implementing libpcap 1.10's grammar.y.
//!
//! The tokenizer (`lexer`) reproduces scanner.l; this module is a hand-written
//! recursive-descent parser over its tokens that accepts exactly grammar.y's
//! language and builds the same meaning, in one left-to-right pass with one token
//! of lookahead and no backtracking (so deep nesting costs linear time).
//! grammar/filter.ebnf describes the grammar implemented here.
//!
//! Two parts of grammar.y need care:
//!
//! * Qualifier inheritance. grammar.y passes qualifiers along with `$<blk>0`: a bare
//!   id (`b` in `host a or b`) takes the qualifiers of whatever stands left of it —
//!   the previous primitive's, through `and`, `or`, `not` and `(`. A parenthesised
//!   expression passes on the qualifiers that were in force before its `(`, and
//!   primitives without qualifiers (`tcp`, `ip[0] = 1`, `less 10`) pass on none, so
//!   a bare id after them is an error. We thread that inherited value (`Inh`)
//!   through the parse and resolve every id on the spot.
//!
//! * What a `(` opens. After `and`/`or` it may be a group of bare ids
//!   (`host a and (b or c)`), a boolean expression, an arithmetic expression
//!   (`(ip[0] & 0xf) = 5`) or a parenthesised number. The parser reads the first
//!   element inside and lets it decide; arithmetic found inside is handed back
//!   unfinished to the enclosing level, which continues it after the `)`.

mod atm;
mod lexer;
mod mtp;
mod p80211;
mod pfvar;
mod values;

use super::ast::{
    AddrQual, Arith, ArithKind, ArithOp, ByteOp, Dir, Expr, Id, LlcKind, Prim, PrimKind, ProtoQual,
    Qualifiers, RelOp, Span,
};
use super::error::FilterError;
use lexer::{Family, Kw, Punct, Tok, Token};

type Result<T> = std::result::Result<T, FilterError>;

/// Qualifiers a bare id would inherit at this point; `None` is grammar.y's `qerr`
/// (nothing to inherit).
type Inh = Option<Qualifiers>;

/// Parses a filter expression. `Ok(None)` for an empty (all-blank) expression.
///
/// Deeply nested input recurses once per nesting level: call this on a thread with
/// a large stack (as [`super::compile`] does) if the input is untrusted.
pub fn parse(text: &str) -> Result<Option<Expr>> {
    let tokens = lexer::tokenize(text);
    if tokens.len() > MAX_TOKENS {
        return Err(FilterError::whole(format!(
            "expression too long: {} tokens, at most {MAX_TOKENS} allowed",
            tokens.len() - 1
        )));
    }
    let mut p = Parser {
        text,
        toks: tokens,
        pos: 0,
        depth: 0,
        after_id: None,
    };
    if p.peek().tok == Tok::End {
        return Ok(None);
    }
    let expr = p.expr_top()?;
    let t = p.peek();
    match &t.tok {
        Tok::End => Ok(Some(expr)),
        Tok::Punct(Punct::RParen) => Err(FilterError::new(
            "unmatched ')': no '(' is open here",
            t.span,
        )),
        _ => Err(p.after_primitive(
            "expected 'and', 'or' or the end of the expression after a complete primitive",
        )),
    }
}

/// Where an element is parsed, which decides what it may be (grammar.y's contexts).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    /// Only a primitive (`term`): start of the expression, inside `(` or after `not`
    /// there.
    Term,
    /// A primitive or a bare id (`expr and term | expr and id`): after `and`/`or`.
    IdOrTerm,
    /// Only an id: after qualifiers (`host …`) and inside an id group.
    Id,
}

/// One parsed element.
enum Item {
    /// An id (or `not id`) resolved with the inherited qualifiers; passes them on.
    Id(Expr),
    /// A parenthesised group of ids: an id, but not allowed to start an id group.
    IdGroup(Expr),
    /// A primitive, and the qualifiers it passes on.
    Term(Expr, Inh),
    /// Arithmetic directly followed by `)`, handed back to the enclosing `(`;
    /// `true` when it is a plain (possibly parenthesised) number, which may still
    /// become an id.
    Arith(Arith, bool),
}

/// What a parenthesis contained.
enum Paren {
    Ids(Expr),
    Expr(Expr),
    Arith(Arith, bool),
}

/// Most nested levels (parentheses, `not`s, unary minuses, `%`/`^` chains) the
/// parser recurses through. The parser and everything after it recurse once per
/// level; this bound keeps that within the compiler thread's stack whatever the
/// input. Far above the 20 000 `not`s real use could conceivably need.
pub const MAX_NESTING: usize = 50_000;

/// Most tokens in an expression; also bounds the depth of the trees built from
/// long `and`/`or` and operator chains (which are left-deep).
pub const MAX_TOKENS: usize = 200_000;

struct Parser<'a> {
    text: &'a str,
    toks: Vec<Token>,
    pos: usize,
    /// Current recursion depth, bounded by [`MAX_NESTING`].
    depth: usize,
    /// Token position right after the last id, for the "join with 'or'" hint.
    after_id: Option<usize>,
}

fn bool_op(tok: &Tok) -> Option<bool> {
    match tok {
        Tok::Kw(Kw::And) | Tok::Punct(Punct::AndAnd) => Some(true),
        Tok::Kw(Kw::Or) | Tok::Punct(Punct::OrOr) => Some(false),
        _ => None,
    }
}

fn combine(and: bool, lhs: Expr, rhs: Expr) -> Expr {
    if and {
        Expr::And(Box::new(lhs), Box::new(rhs))
    } else {
        Expr::Or(Box::new(lhs), Box::new(rhs))
    }
}

fn prim(kind: PrimKind, span: Span) -> Expr {
    Expr::Prim(Prim { kind, span })
}

/// Binding powers of binary arithmetic operators: (left, right, op).
///
/// grammar.y: `%left '|'`, `%left '&'`, `%left LSH RSH`, `%left '+' '-'`,
/// `%left '*' '/'`, `%nonassoc UMINUS`. `%` and `^` have no precedence there, so
/// yacc resolves every conflict involving them by shifting: they bind tighter than
/// anything to their left (left power above all) and their right operand extends
/// over every following operator (right power 0): `a + b % c * d` is
/// `a + (b % (c * d))`.
fn binop(tok: &Tok) -> Option<(u8, u8, ArithOp)> {
    let level = |p: u8, op| Some((2 * p, 2 * p + 1, op));
    match tok {
        Tok::Punct(Punct::Pipe) => level(1, ArithOp::Or),
        Tok::Punct(Punct::Amp) => level(2, ArithOp::And),
        Tok::Punct(Punct::Shl) => level(3, ArithOp::Shl),
        Tok::Punct(Punct::Shr) => level(3, ArithOp::Shr),
        Tok::Punct(Punct::Plus) => level(4, ArithOp::Add),
        Tok::Punct(Punct::Minus) => level(4, ArithOp::Sub),
        Tok::Punct(Punct::Star) => level(5, ArithOp::Mul),
        Tok::Punct(Punct::Slash) => level(5, ArithOp::Div),
        Tok::Punct(Punct::Percent) => Some((SHIFT_ALWAYS, 0, ArithOp::Mod)),
        Tok::Punct(Punct::Caret) => Some((SHIFT_ALWAYS, 0, ArithOp::Xor)),
        _ => None,
    }
}

/// Left binding power of `%` and `^`: above everything, unary minus included.
const SHIFT_ALWAYS: u8 = 200;
/// Minimum binding power of unary minus's operand: it takes a primary, plus any
/// `%`/`^` that follow (yacc shifts those).
const UMINUS: u8 = 100;

fn relop(tok: &Tok) -> Option<RelOp> {
    Some(match tok {
        Tok::Punct(Punct::Eq) => RelOp::Eq,
        Tok::Punct(Punct::Ne) => RelOp::Ne,
        Tok::Punct(Punct::Lt) => RelOp::Lt,
        Tok::Punct(Punct::Le) => RelOp::Le,
        Tok::Punct(Punct::Gt) => RelOp::Gt,
        Tok::Punct(Punct::Ge) => RelOp::Ge,
        _ => return None,
    })
}

fn is_id_token(tok: &Tok) -> bool {
    matches!(
        tok,
        Tok::Id(_) | Tok::Hid(_) | Tok::Hid6(_) | Tok::Eid(_) | Tok::Aid(_)
    )
}

/// What a qualifier list wants as its id, for messages.
fn wanted(q: &Qualifiers) -> &'static str {
    match q.addr {
        Some(AddrQual::Host) | None => "a host name or address",
        Some(AddrQual::Net) => "a network address (e.g. 10.0.0.0/8)",
        Some(AddrQual::Port) => "a port number or service name",
        Some(AddrQual::PortRange) => "a port range (e.g. 6000-6010)",
        Some(AddrQual::Gateway) => "a host name",
        Some(AddrQual::Proto) | Some(AddrQual::ProtoChain) => "a protocol name or number",
    }
}

impl<'a> Parser<'a> {
    // ---- token access -------------------------------------------------------

    fn peek(&self) -> &Token {
        let last = self.toks.len() - 1;
        &self.toks[self.pos.min(last)]
    }

    fn peek_at(&self, ahead: usize) -> &Tok {
        let last = self.toks.len() - 1;
        &self.toks[(self.pos + ahead).min(last)].tok
    }

    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if t.tok != Tok::End {
            self.pos += 1;
        }
        t
    }

    fn span_of(&self, idx: usize) -> Span {
        let last = self.toks.len() - 1;
        self.toks[idx.min(last)].span
    }

    fn text_of(&self, span: Span) -> &'a str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// "'tok'" or "the end of the expression", for messages.
    fn describe(&self, idx: usize) -> String {
        let last = self.toks.len() - 1;
        let t = &self.toks[idx.min(last)];
        match &t.tok {
            Tok::End => "the end of the expression".to_owned(),
            _ => format!("'{}'", self.text_of(t.span)),
        }
    }

    /// The error of a bad token, or `msg` pointing at the current token.
    fn err_here(&self, msg: &str) -> FilterError {
        let t = self.peek();
        match &t.tok {
            Tok::Bad(m) => FilterError::new(m.clone(), t.span),
            _ => FilterError::new(msg, t.span),
        }
    }

    /// An error about the current token: "`what`, found X" (plus a hint for
    /// keywords used as names).
    fn unexpected(&self, what: &str) -> FilterError {
        let mut msg = format!("{what}, found {}", self.describe(self.pos));
        if let Tok::Kw(kw) = self.peek().tok
            && !matches!(kw, Kw::And | Kw::Or | Kw::Not)
            && what.contains("name")
        {
            msg.push_str(&format!(
                " (a keyword; write '\\{}' to use it as a name)",
                self.text_of(self.peek().span)
            ));
        }
        self.err_here(&msg)
    }

    /// The error for a token that cannot follow a complete primitive, with a hint
    /// when it looks like a second value (`port 80 81`).
    fn after_primitive(&self, what: &str) -> FilterError {
        let mut msg = format!("{what}, found {}", self.describe(self.pos));
        let t = &self.peek().tok;
        if (is_id_token(t) || matches!(t, Tok::Num(_))) && self.after_id == Some(self.pos) {
            let prev = self.describe(self.pos.saturating_sub(1));
            let this = self.describe(self.pos);
            msg.push_str(&format!(
                " (to match either value, join them with 'or': {} or {})",
                prev.trim_end_matches('\''),
                this.trim_start_matches('\'')
            ));
        } else if self.pos > 0
            && matches!(self.toks[self.pos - 1].tok, Tok::Kw(Kw::Pname(_)))
            && (is_id_token(t) || matches!(t, Tok::Num(_)))
        {
            let proto = self.text_of(self.toks[self.pos - 1].span);
            let value = self.text_of(self.peek().span);
            let what = if matches!(t, Tok::Num(_)) {
                "port"
            } else {
                "host"
            };
            msg.push_str(&format!(" (did you mean '{proto} {what} {value}'?)"));
        }
        self.err_here(&msg)
    }

    // ---- boolean level ------------------------------------------------------

    /// The whole expression: a term, then `and`/`or` and terms or bare ids.
    fn expr_top(&mut self) -> Result<Expr> {
        match self.item(Mode::Term, None, false)? {
            Item::Term(e, q) => self.expr_rest(e, q),
            // Term mode outside parentheses yields only terms.
            Item::Arith(..) | Item::Id(_) | Item::IdGroup(_) => Err(FilterError::internal(
                "unexpected element at expression start",
            )),
        }
    }

    /// The `and`/`or` chain after a first term that passes on `q`.
    fn expr_rest(&mut self, mut acc: Expr, mut q: Inh) -> Result<Expr> {
        while let Some(and) = bool_op(&self.peek().tok) {
            self.bump();
            match self.item(Mode::IdOrTerm, q, false)? {
                Item::Id(e) | Item::IdGroup(e) => acc = combine(and, acc, e),
                Item::Term(e, q2) => {
                    acc = combine(and, acc, e);
                    q = q2;
                }
                Item::Arith(..) => return Err(FilterError::internal("arithmetic after and/or")),
            }
        }
        Ok(acc)
    }

    /// One element in `mode`, with `q` the qualifiers a bare id would inherit.
    /// `in_paren`: first element right after a `(`, which may hand back unfinished
    /// arithmetic. `head`: start of the qualifiers directly before (for spans).
    fn item(&mut self, mode: Mode, q: Inh, in_paren: bool) -> Result<Item> {
        self.item_with_head(mode, q, in_paren, None)
    }

    fn item_with_head(
        &mut self,
        mode: Mode,
        q: Inh,
        in_paren: bool,
        head: Option<Span>,
    ) -> Result<Item> {
        self.enter()?;
        let r = self.item_inner(mode, q, in_paren, head);
        self.depth -= 1;
        r
    }

    /// One more level of recursion, refused beyond [`MAX_NESTING`].
    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(FilterError::new(
                format!("expression nested too deeply (more than {MAX_NESTING} levels)"),
                self.peek().span,
            ));
        }
        Ok(())
    }

    fn item_inner(
        &mut self,
        mode: Mode,
        q: Inh,
        in_paren: bool,
        head: Option<Span>,
    ) -> Result<Item> {
        let tok = self.peek().tok.clone();
        match tok {
            Tok::Kw(Kw::Not) | Tok::Punct(Punct::Bang) => {
                self.bump();
                Ok(match self.item(mode, q, false)? {
                    Item::Id(e) | Item::IdGroup(e) => Item::Id(Expr::Not(Box::new(e))),
                    Item::Term(e, q2) => Item::Term(Expr::Not(Box::new(e)), q2),
                    Item::Arith(..) => {
                        return Err(FilterError::internal("arithmetic after not"));
                    }
                })
            }
            Tok::Punct(Punct::LParen) => match self.paren(mode, q)? {
                Paren::Ids(e) => Ok(Item::IdGroup(e)),
                Paren::Expr(e) => Ok(Item::Term(e, q)),
                Paren::Arith(a, is_num) => self.after_arith(a, is_num, mode, q, in_paren),
            },
            Tok::Num(n) if mode == Mode::Id => {
                let t = self.bump();
                if in_paren && self.peek().tok == Tok::Punct(Punct::RParen) {
                    return Ok(Item::Arith(
                        Arith {
                            kind: ArithKind::Num(n),
                            span: t.span,
                        },
                        true,
                    ));
                }
                self.id_value(q, Id::Num(n), t.span, head).map(Item::Id)
            }
            _ if mode != Mode::Id && self.at_arith_start() => {
                let is_num = matches!(self.peek().tok, Tok::Num(_));
                let a = self.arith_operand()?;
                self.after_arith(a, is_num, mode, q, in_paren)
            }
            ref t if is_id_token(t) => {
                if mode == Mode::Term {
                    let name = self.describe(self.pos);
                    let bare = name.trim_matches('\'');
                    let lower = bare.to_ascii_lowercase();
                    if lower != bare && lexer::is_keyword(&lower) {
                        return Err(self.err_here(&format!(
                            "{name} is not a keyword: keywords are lower-case (did you mean '{lower}'?)"
                        )));
                    }
                    let id = match &self.peek().tok {
                        Tok::Id(n) => Id::Name(n.clone()),
                        _ => Id::Ipv4 { value: 0, bits: 0 },
                    };
                    return Err(self.err_here(&format!(
                        "{name} needs a qualifier: write e.g. {} (only after 'and'/'or' can a \
                         bare name repeat the previous qualifiers)",
                        suggest(&id, bare)
                    )));
                }
                self.nid(q, head).map(Item::Id)
            }
            _ if mode == Mode::Id => Err(self.unexpected(&self.id_context(q))),
            _ => self.term_keyword(mode),
        }
    }

    /// "'port' wants a port number or service name" for the token before `pos`.
    fn id_context(&self, q: Inh) -> String {
        let prev = self.describe(self.pos.saturating_sub(1));
        let what = q.as_ref().map_or("a host name or address", wanted);
        format!("{prev} wants {what}")
    }

    /// After arithmetic `a`: a comparison makes it a relation; a plain number may
    /// be an id; before `)` directly inside a parenthesis it goes back to it.
    fn after_arith(
        &mut self,
        a: Arith,
        mut is_num: bool,
        mode: Mode,
        q: Inh,
        in_paren: bool,
    ) -> Result<Item> {
        if mode == Mode::Id {
            // Only plain numbers reach here in id context.
            let span = a.span;
            let ArithKind::Num(n) = a.kind else {
                return Err(FilterError::new("expected a number", span));
            };
            if in_paren && self.peek().tok == Tok::Punct(Punct::RParen) {
                return Ok(Item::Arith(a, true));
            }
            return self.id_value(q, Id::Num(n), span, None).map(Item::Id);
        }
        if binop(&self.peek().tok).is_some() {
            is_num = false;
        }
        let a = self.arith_rest(a, 0)?;
        if let Some(op) = relop(&self.peek().tok) {
            self.bump();
            let rhs = self.arith_expr(0)?;
            let span = a.span.to(rhs.span);
            return Ok(Item::Term(
                prim(PrimKind::Relation { op, lhs: a, rhs }, span),
                None,
            ));
        }
        if in_paren && self.peek().tok == Tok::Punct(Punct::RParen) {
            return Ok(Item::Arith(a, is_num));
        }
        if is_num
            && mode == Mode::IdOrTerm
            && let ArithKind::Num(n) = a.kind
        {
            return self.id_value(q, Id::Num(n), a.span, None).map(Item::Id);
        }
        let what = self.text_of(a.span).to_owned();
        Err(self.unexpected(&format!(
            "expected a comparison ('=', '!=', '<', '<=', '>', '>=') after '{what}'"
        )))
    }

    /// `( … )` in `mode` with `q` inherited from before the `(`.
    fn paren(&mut self, mode: Mode, q: Inh) -> Result<Paren> {
        let open = self.bump().span;
        // The content is parsed in the same mode as the parenthesis itself; its
        // first element decides what the parenthesis holds.
        let content = match self.item(mode, q, true)? {
            Item::Term(e, q2) => Paren::Expr(self.expr_rest(e, q2)?),
            Item::Arith(a, is_num) => Paren::Arith(a, is_num),
            // grammar.y's `pid` starts with `nid` or `pnum`, never with `( pid )`.
            Item::IdGroup(_) => {
                return Err(FilterError::new(
                    "a parenthesised group of names cannot start another group: \
                     remove the inner parentheses",
                    Span::new(open.end, self.span_of(self.pos.saturating_sub(1)).end),
                ));
            }
            Item::Id(e) => Paren::Ids(self.id_group_rest(e, q)?),
        };
        self.close(open, &content)?;
        Ok(match content {
            // Arithmetic spans include their parentheses.
            Paren::Arith(mut a, is_num) => {
                a.span = open.to(self.span_of(self.pos.saturating_sub(1)));
                Paren::Arith(a, is_num)
            }
            other => other,
        })
    }

    /// `qid and id …` inside parentheses: the rest of a group of bare ids.
    fn id_group_rest(&mut self, mut acc: Expr, q: Inh) -> Result<Expr> {
        while let Some(and) = bool_op(&self.peek().tok) {
            let op = self.bump().span;
            let next = &self.peek().tok;
            let starts_id = is_id_token(next)
                || matches!(
                    next,
                    Tok::Num(_) | Tok::Punct(Punct::LParen | Punct::Bang) | Tok::Kw(Kw::Not)
                );
            if !starts_id && !matches!(next, Tok::Bad(_)) {
                return Err(self.unexpected(&format!(
                    "inside a parenthesised list of names, '{}' must be followed by another \
                     name or address (close the list with ')' before other primitives)",
                    self.text_of(op)
                )));
            }
            let e = match self.item(Mode::Id, q, false)? {
                Item::Id(e) | Item::IdGroup(e) => e,
                _ => return Err(FilterError::internal("non-id in id group")),
            };
            acc = combine(and, acc, e);
        }
        Ok(acc)
    }

    /// Consumes the `)` closing `open`.
    fn close(&mut self, open: Span, content: &Paren) -> Result<()> {
        let t = self.peek();
        match t.tok {
            Tok::Punct(Punct::RParen) => {
                self.bump();
                Ok(())
            }
            Tok::End => Err(FilterError::new("unclosed '(': no matching ')'", open)),
            _ => {
                let what = match content {
                    Paren::Ids(_) => {
                        "inside a parenthesised group of names, expected 'and', 'or' or ')' \
                         (only names may follow)"
                    }
                    Paren::Expr(_) => {
                        return Err(self.after_primitive("expected 'and', 'or' or ')'"));
                    }
                    Paren::Arith(..) => "expected ')'",
                };
                Err(self.unexpected(what))
            }
        }
    }

    // ---- ids ----------------------------------------------------------------

    /// grammar.y's `nid`: a name or address token (with `/len` or `mask m`).
    fn nid(&mut self, q: Inh, head: Option<Span>) -> Result<Expr> {
        let t = self.bump();
        let span = t.span;
        match t.tok {
            Tok::Id(name) => self.id_value(q, Id::Name(name), span, head),
            // DECnet AREA.NODE: libpcap reads it with __pcap_atodn, not as IPv4, so
            // the node may exceed 255 (`decnet host 63.1023`).
            Tok::Hid(text)
                if q.is_some_and(|q| q.proto == Some(ProtoQual::Decnet))
                    && !matches!(
                        self.peek().tok,
                        Tok::Punct(Punct::Slash) | Tok::Kw(Kw::Mask)
                    ) =>
            {
                self.id_value(q, Id::Num(atodn(&text)), span, head)
            }
            Tok::Hid(text) => {
                let (value, bits) = atoin(&text).ok_or_else(|| {
                    FilterError::new(format!("invalid IPv4 address '{text}'"), span)
                })?;
                if self.peek().tok == Tok::Punct(Punct::Slash) {
                    self.bump();
                    let (prefix, pspan) = self.prefix_len(32)?;
                    self.check_ip_quals(q, span.to(pspan), "IP address and prefix length")?;
                    self.id_value(
                        q,
                        Id::Ipv4Cidr {
                            value,
                            bits,
                            prefix,
                        },
                        span.to(pspan),
                        head,
                    )
                } else if self.peek().tok == Tok::Kw(Kw::Mask) {
                    self.bump();
                    let m = self.bump();
                    let Tok::Hid(mtext) = m.tok else {
                        self.pos -= usize::from(m.tok != Tok::End);
                        return Err(
                            self.unexpected("'mask' wants a dotted netmask (e.g. 255.255.0.0)")
                        );
                    };
                    let (mvalue, mbits) = atoin(&mtext).ok_or_else(|| {
                        FilterError::new(format!("invalid IPv4 netmask '{mtext}'"), m.span)
                    })?;
                    // Promote a short mask as libpcap does: 255.0 is 255.0.0.0.
                    let mask = if mbits >= 32 {
                        mvalue
                    } else {
                        mvalue << (32 - mbits)
                    };
                    self.check_ip_quals(q, span.to(m.span), "IP address and netmask")?;
                    self.id_value(q, Id::Ipv4Mask { value, bits, mask }, span.to(m.span), head)
                } else {
                    self.check_ip_quals(q, span, "IP address")?;
                    self.id_value(q, Id::Ipv4 { value, bits }, span, head)
                }
            }
            Tok::Hid6(addr) => {
                if self.peek().tok == Tok::Punct(Punct::Slash) {
                    self.bump();
                    let (prefix, pspan) = self.prefix_len(128)?;
                    self.check_ip_quals(q, span.to(pspan), "IP address and prefix length")?;
                    self.id_value(q, Id::Ipv6Cidr { addr, prefix }, span.to(pspan), head)
                } else {
                    self.check_ip_quals(q, span, "IP address")?;
                    self.id_value(q, Id::Ipv6(addr), span, head)
                }
            }
            Tok::Eid(mac) => self.id_value(q, Id::Mac(mac), span, head),
            Tok::Aid(a) => self.id_value(q, Id::Arcnet(a), span, head),
            _ => Err(FilterError::internal("nid on a non-id token")),
        }
    }

    /// `/ NUM` after an address; the number must be at most `max`.
    fn prefix_len(&mut self, max: u32) -> Result<(u32, Span)> {
        let t = self.peek().clone();
        match t.tok {
            Tok::Num(n) => {
                self.bump();
                if n > max {
                    return Err(FilterError::new(
                        format!("mask length must be <= {max}, not {n}"),
                        t.span,
                    ));
                }
                Ok((n, t.span))
            }
            _ => Err(self.unexpected("'/' wants a prefix length (a number)")),
        }
    }

    /// grammar.y refuses addresses under `port`, `portrange`, `proto`, `protochain`.
    fn check_ip_quals(&self, q: Inh, span: Span, what: &str) -> Result<()> {
        let word = match q.and_then(|q| q.addr) {
            Some(AddrQual::Port) => "port",
            Some(AddrQual::PortRange) => "portrange",
            Some(AddrQual::Proto) => "proto",
            Some(AddrQual::ProtoChain) => "protochain",
            _ => return Ok(()),
        };
        Err(FilterError::new(
            format!("'{word}' modifier applied to {what}"),
            span,
        ))
    }

    /// A qualified primitive for `id` under the inherited qualifiers.
    fn id_value(&mut self, q: Inh, id: Id, span: Span, head: Option<Span>) -> Result<Expr> {
        let Some(quals) = q else {
            let text = self.text_of(span);
            return Err(FilterError::new(
                format!(
                    "'{text}' has no qualifiers to repeat: the primitive before it has none, \
                     so write e.g. {}",
                    suggest(&id, text)
                ),
                span,
            ));
        };
        let span = head.map_or(span, |h| h.to(span));
        self.after_id = Some(self.pos);
        Ok(prim(PrimKind::Qualified { quals, id }, span))
    }

    // ---- primitives starting with a keyword ---------------------------------

    /// A term that starts with a keyword: qualifiers and their id, a protocol
    /// name, or one of grammar.y's `other` primitives.
    fn term_keyword(&mut self, mode: Mode) -> Result<Item> {
        let start = self.peek().span;
        let tok = self.peek().tok.clone();
        let Tok::Kw(kw) = tok else {
            let ctx = match mode {
                Mode::Term if self.pos == 0 => {
                    "expected a filter primitive (e.g. 'host 10.0.0.1', 'tcp port 80', \
                     'ip[0] & 0xf > 5')"
                        .to_owned()
                }
                _ => format!(
                    "{} must be followed by a filter primitive",
                    self.describe(self.pos.saturating_sub(1))
                ),
            };
            return Err(self.unexpected(&ctx));
        };
        // pqual: an optional protocol name.
        let mut pqual = None;
        if let Kw::Pname(p) = kw {
            self.bump();
            pqual = Some(p);
        }
        let kw_now = match &self.peek().tok {
            Tok::Kw(k) => Some(*k),
            _ => None,
        };
        let quals = |dir, addr| Qualifiers {
            proto: pqual,
            dir,
            addr,
        };
        match kw_now {
            Some(
                Kw::Src | Kw::Dst | Kw::Addr1 | Kw::Addr2 | Kw::Addr3 | Kw::Addr4 | Kw::Ra | Kw::Ta,
            ) => {
                let dir = self.dqual()?;
                let addr = match self.peek().tok {
                    Tok::Kw(Kw::Host) => Some(AddrQual::Host),
                    Tok::Kw(Kw::Net) => Some(AddrQual::Net),
                    Tok::Kw(Kw::Port) => Some(AddrQual::Port),
                    Tok::Kw(Kw::PortRange) => Some(AddrQual::PortRange),
                    _ => None,
                };
                if addr.is_some() {
                    self.bump();
                }
                self.head_id(quals(Some(dir), addr), start)
            }
            Some(
                Kw::Host
                | Kw::Net
                | Kw::Port
                | Kw::PortRange
                | Kw::Proto
                | Kw::ProtoChain
                | Kw::Gateway,
            ) => {
                let addr = match self.bump().tok {
                    Tok::Kw(Kw::Host) => AddrQual::Host,
                    Tok::Kw(Kw::Net) => AddrQual::Net,
                    Tok::Kw(Kw::Port) => AddrQual::Port,
                    Tok::Kw(Kw::PortRange) => AddrQual::PortRange,
                    Tok::Kw(Kw::Proto) => AddrQual::Proto,
                    Tok::Kw(Kw::ProtoChain) => AddrQual::ProtoChain,
                    _ => AddrQual::Gateway,
                };
                self.head_id(quals(None, Some(addr)), start)
            }
            Some(Kw::Broadcast) => {
                let end = self.bump().span;
                Ok(self.other(PrimKind::Broadcast(pqual), start.to(end)))
            }
            Some(Kw::Multicast) => {
                let end = self.bump().span;
                Ok(self.other(PrimKind::Multicast(pqual), start.to(end)))
            }
            Some(Kw::Type | Kw::Subtype | Kw::Dir) => self.p80211(start),
            _ if pqual.is_some() => {
                let p = pqual.unwrap_or(ProtoQual::Link);
                Ok(self.other(PrimKind::ProtoAbbrev(p), start))
            }
            _ => self.other_keyword(kw, start),
        }
    }

    fn other(&self, kind: PrimKind, span: Span) -> Item {
        Item::Term(prim(kind, span), None)
    }

    /// `dqual`: `src`, `dst`, `src or dst`, `src and dst` (either order), `addr1`…`ta`.
    fn dqual(&mut self) -> Result<Dir> {
        let t = self.bump();
        let Tok::Kw(kw) = t.tok else {
            return Err(FilterError::internal("dqual"));
        };
        Ok(match kw {
            Kw::Src | Kw::Dst => {
                let Some(and) = bool_op(&self.peek().tok) else {
                    return Ok(if kw == Kw::Src { Dir::Src } else { Dir::Dst });
                };
                let other = if kw == Kw::Src { Kw::Dst } else { Kw::Src };
                if *self.peek_at(1) != Tok::Kw(other) {
                    let first = self.text_of(t.span);
                    let op = self.text_of(self.peek().span);
                    self.bump();
                    let other_text = if kw == Kw::Src { "dst" } else { "src" };
                    return Err(self.unexpected(&format!(
                        "'{first} {op}' is a direction and must be followed by '{other_text}' \
                         (qualifiers come before their value: '{first} host a {op} …')"
                    )));
                }
                self.bump();
                self.bump();
                if and { Dir::SrcAndDst } else { Dir::SrcOrDst }
            }
            Kw::Addr1 => Dir::Addr1,
            Kw::Addr2 => Dir::Addr2,
            Kw::Addr3 => Dir::Addr3,
            Kw::Addr4 => Dir::Addr4,
            Kw::Ra => Dir::Ra,
            _ => Dir::Ta,
        })
    }

    /// The id after a complete qualifier list starting at `start`.
    fn head_id(&mut self, quals: Qualifiers, start: Span) -> Result<Item> {
        let head = Span::new(start.start, self.span_of(self.pos.saturating_sub(1)).end);
        let item = self.item_with_head(Mode::Id, Some(quals), false, Some(head))?;
        match item {
            Item::Id(e) | Item::IdGroup(e) => Ok(Item::Term(e, Some(quals))),
            _ => Err(FilterError::internal("head without id")),
        }
    }

    /// grammar.y's `other` primitives that start with their own keyword.
    fn other_keyword(&mut self, kw: Kw, start: Span) -> Result<Item> {
        let word = self.text_of(start).to_owned();
        match kw {
            Kw::Less | Kw::Greater | Kw::IfIndex => {
                self.bump();
                let (n, end) = self.plain_num(&format!("'{word}' wants a number"))?;
                let kind = match kw {
                    Kw::Less => PrimKind::Less(n),
                    Kw::Greater => PrimKind::Greater(n),
                    _ => PrimKind::IfIndex(n),
                };
                Ok(self.other(kind, start.to(end)))
            }
            Kw::Byte => {
                self.bump();
                let (idx, _) = self.plain_num("'byte' wants a byte offset (a number)")?;
                let op = match self.peek().tok {
                    Tok::Punct(Punct::Eq) => ByteOp::Eq,
                    Tok::Punct(Punct::Lt) => ByteOp::Lt,
                    Tok::Punct(Punct::Gt) => ByteOp::Gt,
                    Tok::Punct(Punct::Amp) => ByteOp::And,
                    Tok::Punct(Punct::Pipe) => ByteOp::Or,
                    _ => {
                        return Err(
                            self.unexpected("'byte N' wants one of '=', '<', '>', '&', '|' next")
                        );
                    }
                };
                let op_span = self.bump().span;
                let op_text = self.text_of(op_span).to_owned();
                let (val, end) = self.plain_num(&format!("'byte N {op_text}' wants a number"))?;
                Ok(self.other(PrimKind::Byte { idx, op, val }, start.to(end)))
            }
            Kw::Inbound => {
                self.bump();
                Ok(self.other(PrimKind::Inbound, start))
            }
            Kw::Outbound => {
                self.bump();
                Ok(self.other(PrimKind::Outbound, start))
            }
            Kw::Pppoed => {
                self.bump();
                Ok(self.other(PrimKind::Pppoed, start))
            }
            Kw::Vlan | Kw::Mpls | Kw::Pppoes | Kw::Geneve => {
                self.bump();
                let mut span = start;
                let mut n = None;
                if matches!(self.peek().tok, Tok::Num(_) | Tok::Punct(Punct::LParen)) {
                    let (v, s) = self.pnum(&format!("'{word}' wants a number"))?;
                    n = Some(v);
                    span = start.to(s);
                } else if is_id_token(&self.peek().tok) {
                    return Err(self.unexpected(&format!("'{word}' takes an optional number")));
                }
                let kind = match kw {
                    Kw::Vlan => PrimKind::Vlan(n),
                    Kw::Mpls => PrimKind::Mpls(n),
                    Kw::Pppoes => PrimKind::Pppoes(n),
                    _ => PrimKind::Geneve(n),
                };
                Ok(self.other(kind, span))
            }
            Kw::Llc => {
                self.bump();
                let t = self.peek().clone();
                let (kind, span) = match &t.tok {
                    Tok::Kw(Kw::PfRnr) => (Some(LlcKind::SSubtype(LLC_RNR)), start.to(t.span)),
                    Tok::Id(name) => {
                        let kind = llc_kind(name).ok_or_else(|| {
                            FilterError::new(
                                format!(
                                    "unknown LLC type name '{name}' (expected i, s, u, rr, rnr, \
                                     rej, ui, ua, disc, dm, sabme, test, xid or frmr)"
                                ),
                                t.span,
                            )
                        })?;
                        (Some(kind), start.to(t.span))
                    }
                    _ => (None, start),
                };
                if kind.is_some() {
                    self.bump();
                }
                Ok(self.other(PrimKind::Llc(kind), span))
            }
            Kw::LinkSpecific(Family::Pf) | Kw::PfRnr => self.pfvar(start),
            Kw::LinkSpecific(Family::Atm) => self.atm(start),
            Kw::LinkSpecific(Family::Mtp) => self.mtp(start),
            _ => Err(self.unexpected(&if self.pos == 0 {
                "expected a filter primitive (e.g. 'host 10.0.0.1', 'tcp port 80', \
                 'ip[0] & 0xf > 5')"
                    .to_owned()
            } else {
                format!(
                    "{} must be followed by a filter primitive",
                    self.describe(self.pos.saturating_sub(1))
                )
            })),
        }
    }

    /// A NUM token (not parenthesised: `less (10)` is a syntax error in libpcap).
    fn plain_num(&mut self, what: &str) -> Result<(u32, Span)> {
        match self.peek().tok {
            Tok::Num(n) => Ok((n, self.bump().span)),
            Tok::Punct(Punct::LParen) => Err(self.unexpected(&format!(
                "{what} (a plain number: libpcap allows no parentheses here)"
            ))),
            _ => Err(self.unexpected(what)),
        }
    }

    /// grammar.y's `pnum`: NUM or `( pnum )`.
    fn pnum(&mut self, what: &str) -> Result<(u32, Span)> {
        self.enter()?;
        let r = self.pnum_inner(what);
        self.depth -= 1;
        r
    }

    fn pnum_inner(&mut self, what: &str) -> Result<(u32, Span)> {
        match self.peek().tok {
            Tok::Num(n) => Ok((n, self.bump().span)),
            Tok::Punct(Punct::LParen) => {
                let open = self.bump().span;
                let (n, _) = self.pnum(what)?;
                match self.peek().tok {
                    Tok::Punct(Punct::RParen) => Ok((n, open.to(self.bump().span))),
                    Tok::End => Err(FilterError::new("unclosed '(': no matching ')'", open)),
                    _ => Err(self.unexpected("expected ')'")),
                }
            }
            _ => Err(self.unexpected(what)),
        }
    }

    // ---- arithmetic ---------------------------------------------------------

    fn at_arith_start(&self) -> bool {
        match self.peek().tok {
            Tok::Num(_) | Tok::Punct(Punct::Minus) | Tok::Kw(Kw::Len) => true,
            Tok::Kw(Kw::Pname(_)) => *self.peek_at(1) == Tok::Punct(Punct::LBracket),
            _ => false,
        }
    }

    /// Arithmetic with operators of at least `min_bp` binding power.
    fn arith_expr(&mut self, min_bp: u8) -> Result<Arith> {
        self.enter()?;
        let r = self
            .arith_operand()
            .and_then(|lhs| self.arith_rest(lhs, min_bp));
        self.depth -= 1;
        r
    }

    fn arith_rest(&mut self, mut lhs: Arith, min_bp: u8) -> Result<Arith> {
        while let Some((lbp, rbp, op)) = binop(&self.peek().tok) {
            if lbp < min_bp {
                break;
            }
            self.bump();
            let rhs = self.arith_expr(rbp)?;
            let span = lhs.span.to(rhs.span);
            lhs = Arith {
                kind: ArithKind::Binary {
                    op,
                    lhs: Box::new(lhs),
                    rhs: Box::new(rhs),
                },
                span,
            };
        }
        Ok(lhs)
    }

    /// A number, `len`, `proto[…]`, `-operand` or `( arithmetic )`.
    fn arith_operand(&mut self) -> Result<Arith> {
        let t = self.peek().clone();
        match t.tok {
            Tok::Num(n) => {
                self.bump();
                Ok(Arith {
                    kind: ArithKind::Num(n),
                    span: t.span,
                })
            }
            Tok::Kw(Kw::Len) => {
                self.bump();
                Ok(Arith {
                    kind: ArithKind::Len,
                    span: t.span,
                })
            }
            Tok::Punct(Punct::Minus) => {
                self.bump();
                let operand = self.arith_expr(UMINUS)?;
                let span = t.span.to(operand.span);
                Ok(Arith {
                    kind: ArithKind::Neg(Box::new(operand)),
                    span,
                })
            }
            Tok::Kw(Kw::Pname(proto)) if *self.peek_at(1) == Tok::Punct(Punct::LBracket) => {
                self.bump();
                let open = self.bump().span;
                let offset = self.arith_expr(0)?;
                let mut size = 1;
                if self.peek().tok == Tok::Punct(Punct::Colon) {
                    self.bump();
                    let s = self.peek().clone();
                    let Tok::Num(n) = s.tok else {
                        return Err(self.unexpected("':' wants the data size 1, 2 or 4"));
                    };
                    self.bump();
                    if !matches!(n, 1 | 2 | 4) {
                        return Err(FilterError::new(
                            format!("data size must be 1, 2 or 4, not {n}"),
                            s.span,
                        ));
                    }
                    size = n;
                }
                let close = match self.peek().tok {
                    Tok::Punct(Punct::RBracket) => self.bump().span,
                    Tok::End => {
                        return Err(FilterError::new("unclosed '[': no matching ']'", open));
                    }
                    _ => {
                        return Err(self.unexpected(if size == 1 {
                            "expected ':' and a size, or ']'"
                        } else {
                            "expected ']'"
                        }));
                    }
                };
                Ok(Arith {
                    kind: ArithKind::Load {
                        proto,
                        offset: Box::new(offset),
                        size,
                    },
                    span: t.span.to(close),
                })
            }
            Tok::Punct(Punct::LParen) => {
                let open = self.bump().span;
                let mut inner = self.arith_expr(0)?;
                match self.peek().tok {
                    Tok::Punct(Punct::RParen) => {
                        inner.span = open.to(self.bump().span);
                        Ok(inner)
                    }
                    Tok::End => Err(FilterError::new("unclosed '(': no matching ')'", open)),
                    _ => Err(self.unexpected("expected an arithmetic operator or ')'")),
                }
            }
            _ => Err(self.unexpected(&format!(
                "{} wants a number, 'len' or a packet load like 'ip[0]'",
                self.describe(self.pos.saturating_sub(1))
            ))),
        }
    }
}

/// Example qualifiers for an id that has none, for messages.
fn suggest(id: &Id, text: &str) -> String {
    match id {
        Id::Num(_) => format!("'port {text}' or 'host {text}'"),
        Id::Name(_) => format!("'host {text}' or 'port {text}'"),
        _ => format!("'host {text}' or 'net {text}'"),
    }
}

const LLC_RNR: u8 = 0x05;

/// `llc` sub-forms, matched case-insensitively as libpcap does.
fn llc_kind(name: &str) -> Option<LlcKind> {
    let n = name.to_ascii_lowercase();
    Some(match n.as_str() {
        "i" => LlcKind::I,
        "s" => LlcKind::S,
        "u" => LlcKind::U,
        "rr" => LlcKind::SSubtype(0x01),
        "rnr" => LlcKind::SSubtype(LLC_RNR),
        "rej" => LlcKind::SSubtype(0x09),
        "ui" => LlcKind::USubtype(0x03),
        "ua" => LlcKind::USubtype(0x63),
        "disc" => LlcKind::USubtype(0x43),
        "dm" => LlcKind::USubtype(0x0f),
        "sabme" => LlcKind::USubtype(0x6f),
        "test" => LlcKind::USubtype(0xe3),
        "xid" => LlcKind::USubtype(0xaf),
        "frmr" => LlcKind::USubtype(0x87),
        _ => return None,
    })
}

/// libpcap's `__pcap_atoin`: decimal components, each at most 255, packed without
/// shifting (`10.1` is 0x0a01); returns (value, 8 × components).
/// A DECnet address `AREA.NODE` as libpcap's `__pcap_atodn` packs it: 6 bits of
/// area above 10 bits of node (anything after a second dot is ignored, as `sscanf`
/// ignores it there).
fn atodn(text: &str) -> u32 {
    let mut parts = text.split('.').map(|p| {
        p.bytes().filter(u8::is_ascii_digit).fold(0u64, |n, c| {
            (n * 10 + u64::from(c - b'0')).min(u64::from(u32::MAX))
        })
    });
    let area = parts.next().unwrap_or(0);
    let node = parts.next().unwrap_or(0);
    (((area << 10) & 0xfc00) | (node & 0x3ff)) as u32
}

fn atoin(text: &str) -> Option<(u32, u32)> {
    let mut value: u32 = 0;
    let mut bits = 0;
    for part in text.split('.') {
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let n: u32 = part.trim_start_matches('0').parse().unwrap_or(0);
        if part.trim_start_matches('0').len() > 3 || n > 255 {
            return None;
        }
        value = (value << 8) | n;
        bits += 8;
    }
    (bits > 0 && bits <= 32).then_some((value, bits))
}
