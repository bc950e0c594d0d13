//! The man page and shell completions are generated from the clap definition in
//! `src/cli.rs`; this test regenerates them and fails if the committed copies drifted.
//! Regenerate with `RFILTER_REGEN_DOCS=1 cargo test --test docs_drift`.

use clap_complete::Shell;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Bash completion for `-i`: interface names, which clap cannot know.
const BASH_INTERFACES: &str = r#"
# Added by rfilter: complete interface names after -i/--interface, else clap's completion.
_rfilter_interfaces() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ "$prev" == "-i" || "$prev" == "--interface" ]]; then
        local ifaces
        ifaces="any $(ls /sys/class/net 2>/dev/null)"
        COMPREPLY=( $(compgen -W "$ifaces" -- "$cur") )
        return 0
    fi
    _rfilter "$@"
}
complete -F _rfilter_interfaces -o nosort -o bashdefault -o default rfilter
"#;

/// A tcpdump-style synopsis, `[-c COUNT]` for each option, from the clap definition
/// (clap_mangen's own omits the value names).
fn synopsis() -> String {
    let cmd = rfilter::cli::command();
    let mut out = String::from(".SH SYNOPSIS\n.B rfilter\n");
    for arg in cmd.get_arguments() {
        let id = arg.get_id().as_str();
        if id == "help" || id == "version" {
            continue;
        }
        let value = Some(arg)
            .filter(|a| a.get_action().takes_values())
            .and_then(|a| a.get_value_names())
            .and_then(|names| names.first())
            .map(|name| format!(" \\fI{name}\\fR"))
            .unwrap_or_default();
        if arg.is_positional() {
            out.push_str(&format!(
                "[\\fI{}\\fR ...]\n",
                value
                    .trim()
                    .trim_start_matches("\\fI")
                    .trim_end_matches("\\fR")
            ));
            continue;
        }
        let name = match (arg.get_short(), arg.get_long()) {
            (Some(c), _) => format!("\\-{c}"),
            (None, Some(long)) => format!("\\-\\-{}", long.replace('-', "\\-")),
            (None, None) => continue,
        };
        out.push_str(&format!("[\\fB{name}\\fR{value}]\n"));
    }
    out
}

fn man_page() -> Vec<u8> {
    let man = clap_mangen::Man::new(rfilter::cli::command()).section("1");
    let mut out = Vec::new();
    man.render_title(&mut out).unwrap();
    man.render_name_section(&mut out).unwrap();
    out.extend_from_slice(synopsis().as_bytes());
    man.render_description_section(&mut out).unwrap();
    man.render_options_section(&mut out).unwrap();
    let extra = std::fs::read(root().join("man/sections.roff")).expect("man/sections.roff");
    out.extend_from_slice(&extra);
    man.render_version_section(&mut out).unwrap();
    out
}

fn completion(shell: Shell) -> (String, Vec<u8>) {
    let mut cmd = rfilter::cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "rfilter", &mut out);
    let name = match shell {
        Shell::Bash => {
            out.extend_from_slice(BASH_INTERFACES.as_bytes());
            "rfilter.bash"
        }
        Shell::Zsh => "_rfilter",
        Shell::Fish => "rfilter.fish",
        Shell::Elvish => "rfilter.elv",
        Shell::PowerShell => "_rfilter.ps1",
        _ => unreachable!("only the shells listed below are generated"),
    };
    (format!("completions/{name}"), out)
}

fn generated() -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("man/rfilter.1".to_string(), man_page())];
    for shell in [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::Elvish,
        Shell::PowerShell,
    ] {
        files.push(completion(shell));
    }
    files
}

#[test]
fn man_page_and_completions_match_the_cli() {
    let regen = std::env::var_os("RFILTER_REGEN_DOCS").is_some();
    let mut drifted = Vec::new();
    for (rel, content) in generated() {
        let path = root().join(&rel);
        if regen {
            // Written beside it and renamed into place: the rendering test may be
            // reading the man page at the same moment.
            let mut tmp = path.clone().into_os_string();
            tmp.push(".regen");
            std::fs::write(&tmp, &content).unwrap();
            std::fs::rename(&tmp, &path).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        if committed != content {
            drifted.push(rel);
        }
    }
    assert!(
        drifted.is_empty(),
        "out of date with src/cli.rs: {drifted:?}; run RFILTER_REGEN_DOCS=1 cargo test --test docs_drift"
    );
}

#[test]
fn man_page_renders_without_warnings() {
    let out = std::process::Command::new("groff")
        .args(["-man", "-ww", "-z"])
        .arg(root().join("man/rfilter.1"))
        .output()
        .expect("groff must be installed (bash .ci/install-deps)");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "groff: {stderr}");
}

#[test]
fn bash_completion_offers_options_and_interfaces() {
    let script = root().join("completions/rfilter.bash");
    let complete = |line: &str| -> String {
        let words: Vec<&str> = line.split(' ').collect();
        let prog = format!(
            "source {}; COMP_WORDS=({}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}; \
             _rfilter_interfaces rfilter; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            words
                .iter()
                .map(|w| format!("'{w}'"))
                .collect::<Vec<_>>()
                .join(" "),
            words.len() - 1
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &prog])
            .output()
            .expect("bash");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let opts = complete("rfilter --inter");
    assert!(opts.lines().any(|l| l == "--interface"), "got {opts:?}");
    let ifaces = complete("rfilter -i ");
    assert!(ifaces.lines().any(|l| l == "lo"), "got {ifaces:?}");
    assert!(ifaces.lines().any(|l| l == "any"), "got {ifaces:?}");
}

#[test]
fn readme_test_command_is_what_ci_runs() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    let ci_cmd = ci
        .lines()
        .find(|l| l.starts_with("cargo test"))
        .expect(".ci/run runs cargo test")
        .split(" 2>&1")
        .next()
        .unwrap()
        .trim()
        .to_string();
    let readme_cmd = readme
        .lines()
        .find(|l| l.contains("bash .ci/install-deps &&"))
        .expect("README.md gives the test command");
    assert!(
        readme_cmd.trim().ends_with(&format!("&& {ci_cmd}")),
        "README test command {readme_cmd:?} does not end with what .ci/run runs ({ci_cmd:?})"
    );
    assert!(Path::new(&root().join("tests/data/sample.pcap")).exists());
}
