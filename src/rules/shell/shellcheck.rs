//! SH010 shellcheck: shellcheck's findings on every shell site, mapped back
//! to the markdown or script position (`skillc check --shellcheck`).

use super::sites;
use crate::declare_rule;
use crate::parse::shell::{Dialect, ShellBlock};
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use rayon::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};

declare_rule! {
    /// A finding of shellcheck, mapped to its place in the file.
    ///
    /// ## What it does
    /// With `skillc check --shellcheck`, runs `shellcheck` (when installed)
    /// on every extracted block, script and hook command, and reports each
    /// finding at its line and column in the markdown or script, with
    /// shellcheck's code (`SC2086`) in the message. Severity follows
    /// shellcheck: error, warning, or info for info and style. shellcheck's
    /// parse errors (`SC1xxx` when it cannot parse the code) repeat
    /// `shell-syntax-error` (SH002): in a block SH002 reports they are
    /// dropped, and elsewhere they are warnings at most.
    ///
    /// ## Why it matters
    /// shellcheck knows hundreds of shell pitfalls; running it on code
    /// fenced inside markdown is otherwise a chore nobody does.
    ///
    /// ## Example
    /// A bash block with `cd $DIR && rm -rf *` gives SC2086 (unquoted
    /// expansion) at the position of `$DIR` in the markdown file.
    ///
    /// ## Use instead
    /// `cd "$DIR" && rm -rf ./*`
    pub static RULE = { id: "SH010", name: "shellcheck", family: Shell, severity: Warning, check: check }
}

/// Whether shellcheck can be run.
pub fn available() -> bool {
    Command::new("shellcheck")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Byte offset in `line` of shellcheck's 1-based column (tabs count to the next multiple of 8).
fn column_to_byte(line: &str, col: usize) -> usize {
    let mut visual = 1;
    for (i, c) in line.char_indices() {
        if visual >= col {
            return i;
        }
        visual = if c == '\t' {
            ((visual - 1) / 8 + 1) * 8 + 1
        } else {
            visual + 1
        };
    }
    line.len()
}

/// Shell-text offset of a 1-based (line, column).
fn offset(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return start + column_to_byte(l.trim_end_matches('\n'), col);
        }
        start += l.len();
    }
    text.len()
}

#[derive(serde::Deserialize)]
struct Report {
    comments: Vec<Finding>,
}

#[derive(serde::Deserialize)]
struct Finding {
    line: usize,
    #[serde(rename = "endLine")]
    end_line: usize,
    column: usize,
    #[serde(rename = "endColumn")]
    end_column: usize,
    level: String,
    code: u32,
    message: String,
}

fn run(block: &ShellBlock) -> Vec<Finding> {
    let shell = match block.dialect {
        Dialect::Sh => "sh",
        _ => "bash",
    };
    let child = Command::new("shellcheck")
        .args(["--format=json1", "--shell", shell, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        return Vec::new();
    };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(block.text().as_bytes());
    }
    let Ok(output) = child.wait_with_output() else {
        return Vec::new();
    };
    serde_json::from_slice::<Report>(&output.stdout)
        .map(|r| r.comments)
        .unwrap_or_default()
}

/// A note of shellcheck's parser (`SC1000`–`SC1999`).
fn is_parser_note(f: &Finding) -> bool {
    (1000..2000).contains(&f.code)
}

/// A parse error: shellcheck could not parse the code.
fn is_parse_error(f: &Finding) -> bool {
    is_parser_note(f) && f.level == "error"
}

/// shellcheck's findings on one block, each with its severity. When
/// shellcheck could not parse the block, its parser's notes repeat
/// `shell-syntax-error`: dropped where that reports the block (`sh002`),
/// warnings at most elsewhere.
fn judge(found: Vec<Finding>, sh002: bool) -> Vec<(Finding, Severity)> {
    let repeats_sh002 = sh002 && found.iter().any(is_parse_error);
    found
        .into_iter()
        .filter(|f| !(repeats_sh002 && is_parser_note(f)))
        .map(|f| {
            let severity = match f.level.as_str() {
                "error" if !is_parser_note(&f) => Severity::Error,
                "error" | "warning" => Severity::Warning,
                _ => Severity::Info,
            };
            (f, severity)
        })
        .collect()
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.shellcheck || !available() {
        return;
    }
    let all = sites(cx.project);
    let found: Vec<Diagnostic> = all
        .par_iter()
        .filter(|s| s.block.dialect != Dialect::Zsh && !s.block.text().trim().is_empty())
        .flat_map_iter(|site| {
            let sh002 = site.block.syntax_error().is_some();
            judge(run(site.block), sh002).into_iter().map(move |(f, severity)| {
                let start = offset(site.block.text(), f.line, f.column);
                let end = offset(site.block.text(), f.end_line, f.end_column).max(start);
                Diagnostic::new(
                    &RULE,
                    site.file,
                    site.block.file_span(start, end),
                    format!("SC{}: {}", f.code, f.message),
                )
                .severity(severity)
                .help(format!("see https://www.shellcheck.net/wiki/SC{}", f.code))
            })
        })
        .collect();
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: u32, level: &str) -> Finding {
        Finding {
            line: 1,
            end_line: 1,
            column: 1,
            end_column: 2,
            level: level.into(),
            code,
            message: String::new(),
        }
    }

    #[test]
    fn parse_errors_repeat_sh002_or_are_warnings() {
        let unparsed = || {
            vec![
                finding(1009, "info"),
                finding(1073, "error"),
                finding(1072, "error"),
            ]
        };
        // SH002 reports the block: shellcheck's parse errors are dropped.
        assert!(judge(unparsed(), true).is_empty());
        // It does not: they stay, as warnings at most.
        let kept: Vec<(u32, Severity)> = judge(unparsed(), false)
            .into_iter()
            .map(|(f, s)| (f.code, s))
            .collect();
        assert_eq!(
            kept,
            [
                (1009, Severity::Info),
                (1073, Severity::Warning),
                (1072, Severity::Warning)
            ]
        );
        // Other errors keep their severity, with or without SH002.
        let other = judge(vec![finding(2148, "error"), finding(2086, "info")], true);
        assert_eq!(other[0].1, Severity::Error);
        assert_eq!(other.len(), 2);
    }

    #[test]
    fn columns_count_tabs_like_shellcheck() {
        assert_eq!(column_to_byte("echo $x", 6), 5);
        assert_eq!(column_to_byte("\techo $x", 14), 6);
        assert_eq!(offset("a\nbb $x\n", 2, 4), 5);
    }
}
