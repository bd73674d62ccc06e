//! SH002 shell-syntax-error.

use super::sites;
use crate::declare_rule;
use crate::parse::shell::Dialect;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A shell block or script does not parse.
    ///
    /// ## What it does
    /// Parses each block with a bash grammar (placeholders such as `<CTX>`
    /// count as words) and reports the first syntax error — the class of
    /// error `bash -n` reports, confirmed with `bash -n` when bash is
    /// installed — once per block. An error in scripts and hooks, a warning
    /// in markdown blocks (which are often fragments). A markdown block that
    /// holds commit messages (conventional-commit headers such as
    /// `feat(auth): add login` and prose) is not shell, and one shown as
    /// what not to write (a first comment `# Bad`, `# Wrong`, `# Problem`,
    /// `# ❌ …`, `# Don't …` or a ShellCheck code `# SC2086`, or a line just
    /// before it that opens with such a word) is not reported.
    ///
    /// ## Why it matters
    /// Claude runs the block as written; a stray quote or a missing `fi`
    /// fails before anything useful happens.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// if [ -f app.yaml ]; then
    ///   echo "found"
    /// ```
    /// ````
    ///
    /// ## Use instead
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// if [ -f app.yaml ]; then
    ///   echo "found"
    /// fi
    /// ```
    /// ````
    pub static RULE = { id: "SH002", name: "shell-syntax-error", family: Shell, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        if site.block.dialect == Dialect::Zsh {
            continue;
        }
        if let Some((span, msg)) = site.block.syntax_error() {
            // Markdown blocks only: scripts and hooks are shell whatever they hold.
            if !site.runs_as_written() {
                let text = cx.text(site.file);
                let block = &text[site.block.span.range()];
                if is_commit_messages(block) || is_bad_example(text, site.block.span.start as usize, block) {
                    continue;
                }
            }
            // An empty span widens to the character it stands before.
            let text = cx.text(site.file);
            let at = span.start as usize;
            let span = match text.get(at..).and_then(|t| t.chars().next()) {
                Some(c) if span.is_empty() => crate::source::Span::new(at, at + c.len_utf8()),
                _ => span,
            };
            let d = Diagnostic::new(&RULE, site.file, span, msg)
                .help("fix the shell syntax; `bash -n` reports the same");
            // Markdown blocks are often fragments; scripts and hooks must parse.
            out.push(if site.runs_as_written() {
                d
            } else {
                d.severity(crate::rules::diag::Severity::Warning)
            });
        }
    }
}

/// The lines of a fenced block, fence lines aside.
fn body_lines(block: &str) -> impl Iterator<Item = &str> {
    block.lines().filter(|l| {
        let t = l.trim_start();
        !t.starts_with("```") && !t.starts_with("~~~")
    })
}

/// A block of commit messages tagged `bash`: at least one conventional-commit
/// header (`feat(auth)!: add login`), and every other line a comment or
/// prose with no shell operator (body text, `Closes #12`, `Reviewed-by: …`).
fn is_commit_messages(block: &str) -> bool {
    let header = crate::regex!(
        r"^(?:feat|fix|docs|style|refactor|perf|test|tests|build|ci|chore|revert|deps|security)(?:\([^()\s]*\))?!?: \S"
    );
    let mut headers = 0;
    for line in body_lines(block) {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        if header.is_match(t) {
            headers += 1;
        } else if t.contains(['$', '|', '&', '>', '<', '=', '\\', '{', '}'])
            || t.starts_with(['-', '.', '/', '~'])
        {
            return false;
        }
    }
    headers > 0
}

/// A block shown as what not to write: its first line is a comment such as
/// `# Bad`, `# Wrong`, `# Problem`, `# ❌ …`, `# Don't …` or a ShellCheck
/// code (`# SC2086: …`, a catalogue of the fragments a linter flags), or
/// the line just before it says so (`**Bad:**`, `### ❌ Wrong`, `Don't do
/// this:`).
fn is_bad_example(text: &str, start: usize, block: &str) -> bool {
    let first = body_lines(block).map(str::trim).find(|l| !l.is_empty());
    let first_bad = crate::regex!(
        r"(?i)^#\s*(?:❌|🚫|⛔|✗|bad\b|wrong\b|incorrect\b|problem\b|problematic\b|don'?t\b|do not\b|never\b|anti-?pattern\b|broken\b|SC\d{4}\b)"
    );
    if first.is_some_and(|l| first_bad.is_match(l)) {
        return true;
    }
    let before = text[..start.min(text.len())]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty());
    let lead_bad = crate::regex!(
        r"(?i)^(?:#{1,6}\s*|>\s*)?(?:[-*+]\s+|\d+\.\s+)?(?:\*\*|__|\*|_)?\s*(?:❌|🚫|⛔|✗|bad\b|wrong\b|incorrect\b|problem\b|problematic\b|don'?t\b|do not\b|never\b|anti-?pattern\b|broken\b)"
    );
    before.is_some_and(|l| lead_bad.is_match(l))
}
