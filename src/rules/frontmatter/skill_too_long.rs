//! The `skill-too-long` rule (SK019).

use crate::declare_rule;
use crate::model::{Doc, DocKind, Project};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

/// The recommended most lines of a SKILL.md body.
const MAX_LINES: usize = 500;
/// The recommended most tokens of a SKILL.md body.
const MAX_TOKENS: usize = 5000;
/// Bytes per token, for the estimate: English prose and code average about
/// four.
const BYTES_PER_TOKEN: usize = 4;

declare_rule! {
    /// A SKILL.md body is over 500 lines or about 5,000 tokens.
    ///
    /// ## What it does
    /// Counts the lines of each SKILL.md body (after the frontmatter) and
    /// estimates its tokens as its bytes divided by four. Reports a body
    /// over 500 lines or over about 5,000 tokens, the limits the Agent
    /// Skills spec and Anthropic's skill guidance recommend (formats.md
    /// §4.3).
    ///
    /// ## Why it matters
    /// The whole body enters Claude's context each time the skill runs, in
    /// every session that uses it. Detail kept in `references/` files is
    /// read only when a step needs it.
    ///
    /// ## Example
    /// A SKILL.md whose body is 700 lines of steps, tables and examples.
    ///
    /// ## Use instead
    /// Keep the steps in SKILL.md and move tables, long examples and
    /// background into `references/` files it links to.
    pub static RULE = { id: "SK019", name: "skill-too-long", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.project.docs.iter().filter(|d| d.kind == DocKind::Skill && !d.unread) {
        let text = cx.text(doc.file);
        let Some(body) = text.get(doc.body_start..) else {
            continue;
        };
        let lines = body.lines().count();
        let tokens = body.len() / BYTES_PER_TOKEN;
        if lines <= MAX_LINES && tokens <= MAX_TOKENS {
            continue;
        }
        let size = match (lines > MAX_LINES, tokens > MAX_TOKENS) {
            (true, true) => format!("{lines} lines and about {tokens} tokens"),
            (true, false) => format!("{lines} lines"),
            _ => format!("about {tokens} tokens"),
        };
        out.push(
            Diagnostic::new(
                &RULE,
                doc.file,
                at_limit(body, doc.body_start, lines > MAX_LINES),
                format!("the SKILL.md body is {size}; keep it under {MAX_LINES} lines and about {MAX_TOKENS} tokens (bytes / {BYTES_PER_TOKEN})"),
            )
            .help(if generated(cx.project, doc) {
                "move detail from skill.yaml into references/ files and link them with {ref:references/…}"
            } else {
                "keep the steps here and move tables, long examples and background into references/ files it links to"
            }),
        );
    }
}

/// Where to point: the first line past the line limit, or the body's start.
fn at_limit(body: &str, base: usize, over_lines: bool) -> Span {
    if over_lines
        && let Some((offset, line)) = body
            .split_inclusive('\n')
            .scan(0, |at, l| {
                let start = *at;
                *at += l.len();
                Some((start, l))
            })
            .nth(MAX_LINES)
    {
        let line = line.trim_end_matches(['\n', '\r']);
        return Span::new(base + offset, base + offset + line.len());
    }
    Span::empty(base)
}

/// Whether SKILL.md is rendered from a skill.yaml beside it.
fn generated(project: &Project, doc: &Doc) -> bool {
    let dir = crate::source::parent(&doc.path);
    project.skill_sources.iter().any(|s| s.dir == dir)
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule, render};

    fn skill(body: &str) -> String {
        format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n{body}"
        )
    }

    #[test]
    fn lines_and_tokens() {
        let rule = &super::RULE;
        let count = |body: &str| {
            let (_d, _l, diags) = check_listing(&skill(body));
            of_rule(&diags, rule).len()
        };
        assert_eq!(count(&"Step.\n".repeat(500)), 0);
        assert_eq!(count(&"Step.\n".repeat(501)), 1);
        // 20,000 bytes is 5,000 tokens; one more line is over.
        assert_eq!(count(&format!("{}\n", "x".repeat(19_999))), 0);
        assert_eq!(count(&format!("{}\n", "x".repeat(20_010))), 1);
        let (_d, loaded, diags) = check_listing(&skill(&format!(
            "# Deploy\n\n{}",
            "1. Run the step and check its output before going on.\n".repeat(520)
        )));
        let hits: Vec<_> = of_rule(&diags, rule).into_iter().cloned().collect();
        insta::assert_snapshot!("SK019", render(&loaded, &hits));
    }
}
