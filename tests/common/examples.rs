//! The expression corpus in grammar/examples/: one expression a line, `#` comments,
//! and a header line `# linktypes: EN10MB LINUX_SLL …` (or `all`) saying which link
//! types the file's expressions are valid for.

use rfilter::linktype::LinkType;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
pub struct Example {
    /// File name and line number, for reports.
    pub origin: String,
    pub expr: String,
    pub linktypes: Vec<LinkType>,
    /// False for expressions that cannot tell packets apart (constants, Linux
    /// metadata offline, libpcap quirks that never match): set by a
    /// `# discriminating: no` line, reset by `# discriminating: yes`.
    pub discriminating: bool,
}

pub fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("grammar")
        .join("examples")
}

fn parse_linktypes(spec: &str, file: &str) -> Vec<LinkType> {
    let spec = spec.trim();
    if spec.eq_ignore_ascii_case("all") {
        return LinkType::ALL.to_vec();
    }
    spec.split_whitespace()
        .map(|name| name.parse().unwrap_or_else(|e| panic!("{file}: {e}")))
        .collect()
}

/// Reads one example file.
pub fn load_file(path: &Path) -> Vec<Example> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut linktypes: Option<Vec<LinkType>> = None;
    let mut discriminating = true;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(spec) = line.strip_prefix("# linktypes:") {
            linktypes = Some(parse_linktypes(spec, &name));
            continue;
        }
        if let Some(flag) = line.strip_prefix("# discriminating:") {
            discriminating = match flag.trim() {
                "yes" => true,
                "no" => false,
                other => panic!(
                    "{name}:{}: discriminating must be yes or no, not {other}",
                    n + 1
                ),
            };
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let lts = linktypes
            .clone()
            .unwrap_or_else(|| panic!("{name}: no `# linktypes:` line before line {}", n + 1));
        out.push(Example {
            origin: format!("{name}:{}", n + 1),
            expr: line.to_string(),
            linktypes: lts,
            discriminating,
        });
    }
    out
}

/// Every valid expression: all files but rejected.txt.
pub fn valid() -> Vec<Example> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("grammar/examples/ is missing")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter(|p| p.file_name().is_some_and(|n| n != "rejected.txt"))
        .collect();
    files.sort();
    files.iter().flat_map(|p| load_file(p)).collect()
}

/// Expressions libpcap refuses (and rfilter must refuse).
pub fn rejected() -> Vec<Example> {
    load_file(&examples_dir().join("rejected.txt"))
}
