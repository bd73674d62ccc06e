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
    /// shellcheck: error, warning, or info for info and style.
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

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !cx.shellcheck || !available() {
        return;
    }
    let all = sites(cx.project);
    let found: Vec<Diagnostic> = all
        .par_iter()
        .filter(|s| s.block.dialect != Dialect::Zsh && !s.block.text().trim().is_empty())
        .flat_map_iter(|site| {
            run(site.block).into_iter().map(move |f| {
                let start = offset(site.block.text(), f.line, f.column);
                let end = offset(site.block.text(), f.end_line, f.end_column).max(start);
                let severity = match f.level.as_str() {
                    "error" => Severity::Error,
                    "warning" => Severity::Warning,
                    _ => Severity::Info,
                };
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

    #[test]
    fn columns_count_tabs_like_shellcheck() {
        assert_eq!(column_to_byte("echo $x", 6), 5);
        assert_eq!(column_to_byte("\techo $x", 14), 6);
        assert_eq!(offset("a\nbb $x\n", 2, 4), 5);
    }
}
