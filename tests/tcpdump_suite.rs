//! tcpdump's own regression suite, run against the installed tcpdump.
//!
//! `.ci/install-deps` fetches the tcpdump source release that matches the
//! installed binary from the Debian archive and unpacks it under
//! `target/tcpdump-src/`. Its `tests/` directory holds several hundred real and
//! crafted captures, each listed with the flags to print it with (TESTLIST and
//! the `*.tests` files). Every one is printed by tcpdump and by rfilter with
//! `-# -n -r CAPTURE FLAGS`, and standard output must be the same byte for byte,
//! and both must succeed or both fail.
//!
//! The reference is the installed tcpdump, not the `.out` files of the release:
//! those come from a tcpdump built with other options.
//!
//! Tests rfilter is known to print differently are named, each with its reason,
//! in `tests/data/tcpdump_suite_known_diffs.txt`. A named test that now prints
//! identically fails the run too, so that the list only ever shrinks.

mod savefile_support;

use savefile_support::{RFILTER, require};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The directory with tcpdump's test captures; a clear failure if it was not
/// fetched.
fn suite_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/tcpdump-src/tests");
    assert!(
        dir.join("TESTLIST").is_file(),
        "{} is missing: run `bash .ci/install-deps`, which fetches tcpdump's test captures",
        dir.display()
    );
    dir
}

/// One test of the suite: its name, capture and flags.
struct Case {
    name: String,
    input: String,
    args: Vec<String>,
}

/// Splits a flag string as the shell would (blanks, single and double quotes,
/// backslash), which is all TESTLIST and the `*.tests` files use.
fn shell_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    let mut chars = s.chars();
    while let Some(ch) = chars.next() {
        match (quote, ch) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(ch);
                in_word = true;
            }
            (None, '\\') => {
                cur.extend(chars.next());
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            (None, c) => {
                cur.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// TESTLIST: `name capture expected-output flags...`, `#` comments.
fn testlist(dir: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("TESTLIST")).unwrap();
    let mut cases = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let words = shell_words(line);
        assert!(
            words.len() >= 3,
            "TESTLIST line without output file: {line}"
        );
        cases.push(Case {
            name: words[0].clone(),
            input: words[1].clone(),
            args: words[3..].to_vec(),
        });
    }
    cases
}

/// The `*.tests` files: Perl lists of `{ name => '..', input => '..', args => '..' }`.
fn perl_tests(dir: &Path) -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tests"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for block in text.split('{').skip(1) {
            let block = block.split('}').next().unwrap_or("");
            let fields = perl_fields(block);
            let (Some(name), Some(input)) = (fields.get("name"), fields.get("input")) else {
                continue;
            };
            let args = fields.get("args").map(|a| a.replace("@TESTDIR@", "."));
            cases.push(Case {
                name: name.clone(),
                input: input.clone(),
                args: shell_words(args.as_deref().unwrap_or("")),
            });
        }
    }
    cases
}

/// `key => 'value'` pairs of one Perl hash (values may hold commas).
fn perl_fields(block: &str) -> BTreeMap<String, String> {
    let mut fields = BTreeMap::new();
    let mut rest = block;
    while let Some(arrow) = rest.find("=>") {
        let key = rest[..arrow]
            .trim_end()
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("")
            .to_string();
        let after = rest[arrow + 2..].trim_start();
        let Some(quoted) = after.strip_prefix('\'') else {
            rest = &rest[arrow + 2..];
            continue;
        };
        let Some(close) = quoted.find('\'') else {
            break;
        };
        fields.insert(key, quoted[..close].to_string());
        rest = &quoted[close + 1..];
    }
    fields
}

/// The known differences: `name  reason`, `#` comments.
fn known_diffs() -> BTreeMap<String, String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tcpdump_suite_known_diffs.txt");
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (name, reason) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (name.to_string(), reason.trim().to_string())
        })
        .collect()
}

/// How one tool printed one test: standard output and whether it succeeded.
fn run(dir: &Path, program: &str, case: &Case) -> (Vec<u8>, bool) {
    let out = Command::new(program)
        .current_dir(dir)
        .env("TZ", "GMT0")
        .args(["-#", "-n", "-r", &case.input])
        .args(&case.args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    (out.stdout, out.status.success())
}

/// The first line where two outputs part, for the failure message.
fn first_difference(ours: &[u8], theirs: &[u8]) -> String {
    let ours = String::from_utf8_lossy(ours);
    let theirs = String::from_utf8_lossy(theirs);
    let mut a = ours.lines();
    let mut b = theirs.lines();
    for n in 1.. {
        match (a.next(), b.next()) {
            (None, None) => return "same lines, different bytes".into(),
            (x, y) if x == y => continue,
            (x, y) => {
                return format!(
                    "line {n}:\n      tcpdump: {}\n      rfilter: {}",
                    y.unwrap_or("<end>"),
                    x.unwrap_or("<end>")
                );
            }
        }
    }
    unreachable!()
}

#[test]
fn tcpdump_test_captures_print_as_tcpdump() {
    require("tcpdump");
    let dir = suite_dir();
    let mut cases = testlist(&dir);
    cases.extend(perl_tests(&dir));
    let known = known_diffs();

    let mut same = 0;
    let mut lines = 0;
    let mut unexpected = Vec::new();
    let mut fixed = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for case in &cases {
        assert!(
            seen.insert(case.name.clone()),
            "test {} listed twice",
            case.name
        );
        let theirs = run(&dir, "tcpdump", case);
        let ours = run(&dir, RFILTER, case);
        let identical = ours == theirs;
        match (identical, known.contains_key(&case.name)) {
            (true, false) => {
                same += 1;
                lines += theirs.0.split(|&b| b == b'\n').count() - 1;
            }
            (true, true) => fixed.push(case.name.clone()),
            (false, false) => unexpected.push(format!(
                "  {} ({} {}; exit ok: tcpdump {}, rfilter {}): {}",
                case.name,
                case.input,
                case.args.join(" "),
                theirs.1,
                ours.1,
                first_difference(&ours.0, &theirs.0)
            )),
            (false, true) => {}
        }
    }
    let unknown: Vec<&String> = known.keys().filter(|k| !seen.contains(*k)).collect();
    println!(
        "tcpdump's suite: {} tests, {same} identical ({lines} lines), {} known differences",
        cases.len(),
        known.len()
    );
    assert!(
        unknown.is_empty(),
        "known-diffs list names tests the suite lacks: {unknown:?}"
    );
    assert!(
        unexpected.is_empty(),
        "{} tests print differently from tcpdump:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(
        fixed.is_empty(),
        "now identical, remove from tests/data/tcpdump_suite_known_diffs.txt: {fixed:?}"
    );
}

#[test]
fn shell_words_split_as_the_shell_does() {
    assert_eq!(
        shell_words(r#"-v "geneve && tcp""#),
        ["-v", "geneve && tcp"]
    );
    assert_eq!(shell_words(" -E 'a b' x\\ y "), ["-E", "a b", "x y"]);
    assert_eq!(shell_words(r#"-T """#), ["-T", ""]);
}

/// The suite's capture files (pcap and pcapng), sorted.
fn capture_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".pcap") || n.ends_with(".pcapng"))
        .collect();
    names.sort();
    names
}

/// Every capture of the suite with nanosecond times (`--nano -tt`): a
/// microsecond file's fraction is scaled up by libpcap in 32 bits, so the
/// damaged ones (a fraction past a second) print wrapped, as tcpdump prints
/// them.
#[test]
fn every_capture_with_nanosecond_times() {
    require("tcpdump");
    let dir = suite_dir();
    let names = capture_names(&dir);
    let mut differ = Vec::new();
    for name in &names {
        let case = Case {
            name: name.clone(),
            input: name.clone(),
            args: vec!["--nano".into(), "-tt".into()],
        };
        let (ours, theirs) = (run(&dir, RFILTER, &case), run(&dir, "tcpdump", &case));
        if ours != theirs {
            differ.push(format!(
                "  {name}: {}",
                first_difference(&ours.0, &theirs.0)
            ));
        }
    }
    println!("--nano -tt: {} captures", names.len());
    assert!(names.len() > 600, "only {} captures", names.len());
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Every capture of the suite copied with `-w`: the copy is tcpdump's byte
/// for byte (libpcap's header: the input's snapshot length, its link type as
/// a LINKTYPE value, and the upper bits of its link-type field kept).
#[test]
fn every_capture_copied_as_tcpdump_copies_it() {
    require("tcpdump");
    let dir = suite_dir();
    let out = std::env::temp_dir().join(format!("rfilter-suite-copy-{}", std::process::id()));
    std::fs::create_dir_all(&out).unwrap();
    let names = capture_names(&dir);
    let mut differ = Vec::new();
    for name in &names {
        let copy = |program: &str, to: &Path| {
            let _ = std::fs::remove_file(to);
            let ok = Command::new(program)
                .current_dir(&dir)
                .args(["-r", name, "-w"])
                .arg(to)
                .output()
                .unwrap_or_else(|e| panic!("{program}: {e}"))
                .status
                .success();
            (ok, std::fs::read(to).unwrap_or_default())
        };
        let ours = copy(RFILTER, &out.join("ours.pcap"));
        let theirs = copy("tcpdump", &out.join("theirs.pcap"));
        if ours != theirs {
            differ.push(format!("  {name}"));
        }
    }
    let _ = std::fs::remove_dir_all(&out);
    println!("-w copies: {} captures", names.len());
    assert!(names.len() > 600, "only {} captures", names.len());
    assert!(differ.is_empty(), "copies differ:\n{}", differ.join("\n"));
}
