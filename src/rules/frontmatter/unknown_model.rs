//! The `unknown-model` rule (SK014).

use super::mappings;
use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::text::suggest;

declare_rule! {
    /// `model` is not a known alias, `inherit`, or a `claude-*` id.
    ///
    /// ## What it does
    /// Checks `model` in skills, commands and agents against Claude Code's
    /// aliases (sonnet, opus, haiku, fable, best, opusplan, their `[1m]`
    /// variants), `inherit`, and full `claude-…` model ids.
    ///
    /// ## Why it matters
    /// An unknown model makes the invocation fail or fall back silently.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// model: gpt-4
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// model: sonnet
    /// ---
    /// ```
    pub static RULE = { id: "SK014", name: "unknown-model", family: Frontmatter, severity: Warning, check: check }
}

/// Claude Code's model aliases, and `inherit`.
const MODEL_ALIASES: &[&str] = &[
    "sonnet",
    "opus",
    "haiku",
    "fable",
    "best",
    "sonnet[1m]",
    "opus[1m]",
    "fable[1m]",
    "opusplan",
    "inherit",
];

/// A known alias, a full `claude-…` id, or a variable.
fn model_ok(m: &str) -> bool {
    MODEL_ALIASES.contains(&m) || m.starts_with("claude-") || m.starts_with("${")
}

/// Skills, commands and agents alike.
fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        for f in fm.readings() {
            let Some((m, span)) = f.model.spanned() else {
                continue;
            };
            let m = m.text.as_str();
            if model_ok(m) {
                continue;
            }
            let near = suggest(m, MODEL_ALIASES.iter().copied());
            out.push(
                Diagnostic::new(&RULE, d.file, span, format!("unknown model `{m}`"))
                    .help(match near {
                        Some(s) => format!("did you mean `{s}`? Use an alias (sonnet, opus, haiku), `inherit`, or a full claude-… id"),
                        None => "use an alias (sonnet, opus, haiku), `inherit`, or a full claude-… id".to_string(),
                    }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::config::Config;
    use crate::engine::testing::{check_listing, check_with, of_rule, write_listing};

    const AGENT: &str = "==> plugins/demo/agents/reviewer.md <==
---
name: reviewer
description: Reviews a diff for correctness.
model: gpt-4
---
Review the diff.
";

    /// SK014 has its own check on agents: turning every agent rule off does
    /// not silence it (it did while the agent rules' check reported it),
    /// and turning it off does.
    #[test]
    fn agents_are_checked_whichever_agent_rules_are_on() {
        let dir = write_listing(AGENT);
        let agents_off = "[rules]\nAG002 = \"off\"\nAG003 = \"off\"\nAG009 = \"off\"\nAG011 = \"off\"\nAG019 = \"off\"\n";
        let config = Config::parse("skillc.toml", agents_off).unwrap();
        let (_l, diags) = check_with(dir.path(), config);
        let hits = of_rule(&diags, &super::RULE);
        assert_eq!(
            hits.iter().map(|d| d.message.as_str()).collect::<Vec<_>>(),
            ["unknown model `gpt-4`"]
        );
        let all_off = format!("{agents_off}SK014 = \"off\"\n");
        let config = Config::parse("skillc.toml", &all_off).unwrap();
        let (_l, diags) = check_with(dir.path(), config);
        assert!(of_rule(&diags, &super::RULE).is_empty());
    }

    /// A key written twice: each value is checked.
    #[test]
    fn every_value_of_a_repeated_key_is_checked() {
        let (_d, _l, diags) = check_listing(&AGENT.replace("model: gpt-4\n", "model: gpt-4\nmodel: gpt-5\n"));
        assert_eq!(
            of_rule(&diags, &super::RULE)
                .iter()
                .map(|d| d.message.as_str())
                .collect::<Vec<_>>(),
            ["unknown model `gpt-4`", "unknown model `gpt-5`"]
        );
    }
}
