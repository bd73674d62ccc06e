//! AS012 description-missing, SK006 description-not-string, AS013
//! description-too-long, SK007 description-listing-cut, AS011 angle-brackets.

use super::{kind_name, mappings};
use crate::declare_rule;
use crate::model::DocKind;
use crate::parse::yaml::YamlKind;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::Span;

declare_rule! {
    /// A skill or command has no `description`.
    ///
    /// ## What it does
    /// Reports skills (error: the Agent Skills spec requires it) and commands
    /// (warning) without a non-empty `description`.
    ///
    /// ## Why it matters
    /// Claude picks skills by their description; without one it falls back to
    /// the first paragraph, which rarely says when to use the skill.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static MISSING = { id: "AS012", name: "description-missing", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// `description` is a list or a mapping, not text.
    ///
    /// ## What it does
    /// Reports descriptions that are not scalars.
    ///
    /// ## Why it matters
    /// Claude Code drops the value at runtime: `description must be a string`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description:
    ///   - Deploys the demo app.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static NOT_STRING = { id: "SK006", name: "description-not-string", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A skill description is longer than 1024 characters.
    ///
    /// ## What it does
    /// Counts the characters of a skill's `description`.
    ///
    /// ## Why it matters
    /// The Agent Skills spec caps it at 1024; skills-ref and claude.ai uploads
    /// reject longer ones.
    ///
    /// ## Example
    /// A description of 1100 characters.
    ///
    /// ## Use instead
    /// Keep the description to what the skill does and when to use it; move
    /// detail into the body.
    pub static TOO_LONG = { id: "AS013", name: "description-too-long", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// `description` plus `when_to_use` is cut in the skill listing.
    ///
    /// ## What it does
    /// Reports skills and commands whose `description` and `when_to_use`
    /// together exceed 1,536 characters.
    ///
    /// ## Why it matters
    /// Claude Code truncates the listing entry at 1,536 characters: the end of
    /// the text, often the "use when" part, never reaches the model.
    ///
    /// ## Example
    /// A command whose description is 1,600 characters long.
    ///
    /// ## Use instead
    /// A description under 1,536 characters.
    pub static LISTING_CUT = { id: "SK007", name: "description-listing-cut", family: Frontmatter, severity: Warning }
}

declare_rule! {
    /// A skill's `name` or `description` contains `<` or `>`.
    ///
    /// ## What it does
    /// Reports angle brackets (XML-like tags) in skill metadata.
    ///
    /// ## Why it matters
    /// claude.ai and the Skills API reject them; they can also smuggle
    /// prompt structure into the skill listing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys <app> to the cluster. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys an app to the cluster. Use when shipping a release.
    /// ---
    /// ```
    pub static ANGLE_BRACKETS = { id: "AS011", name: "description-angle-brackets", family: Frontmatter, severity: Warning }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, root) in mappings(cx.project) {
        if d.kind == DocKind::Agent {
            continue;
        }
        let what = kind_name(d.kind);
        let sev = if d.kind == DocKind::Skill {
            Severity::Error
        } else {
            Severity::Warning
        };
        let Some(value) = root.get("description") else {
            let key_span = root
                .entries()
                .first()
                .map_or(Span::empty(0), |(k, _)| k.span);
            out.push(
                Diagnostic::new(
                    &MISSING,
                    d.file,
                    key_span,
                    format!("this {what} has no description"),
                )
                .severity(sev)
                .help("add `description:` saying what it does and when to use it"),
            );
            continue;
        };
        let text = match &value.kind {
            YamlKind::Scalar { value: v, .. } => v.as_str(),
            _ => {
                out.push(
                    Diagnostic::new(
                        &NOT_STRING,
                        d.file,
                        value.span,
                        format!("description is a {}, not text", value.type_name()),
                    )
                    .help("write the description as one string; Claude Code drops other types"),
                );
                continue;
            }
        };
        if text.trim().is_empty() {
            out.push(
                Diagnostic::new(
                    &MISSING,
                    d.file,
                    value.span,
                    format!("this {what}'s description is empty"),
                )
                .severity(sev)
                .help("say what it does and when to use it"),
            );
            continue;
        }
        let n = text.chars().count();
        if d.kind == DocKind::Skill && n > 1024 {
            out.push(
                Diagnostic::new(
                    &TOO_LONG,
                    d.file,
                    value.span,
                    format!("description is {n} characters; the Agent Skills limit is 1024"),
                )
                .help("shorten it; move detail into the skill body"),
            );
        }
        let when = root
            .get("when_to_use")
            .and_then(|w| w.as_str())
            .map_or(0, |w| w.chars().count());
        if n + when > 1536 {
            out.push(
                Diagnostic::new(&LISTING_CUT, d.file, value.span, format!("description and when_to_use are {} characters; the skill listing cuts at 1536", n + when))
                    .help("shorten them; the cut text never reaches the model"),
            );
        }
        if d.kind == DocKind::Skill && (text.contains('<') || text.contains('>')) {
            out.push(
                Diagnostic::new(
                    &ANGLE_BRACKETS,
                    d.file,
                    value.span,
                    "description contains `<` or `>`",
                )
                .help("claude.ai and the Skills API reject angle brackets; write the words out"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule};

    fn skill(desc: &str) -> String {
        format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: {desc}\n---\n"
        )
    }

    #[test]
    fn length_limit_snapshots() {
        for (rule, len) in [(&super::TOO_LONG, 1100), (&super::LISTING_CUT, 1600)] {
            let (_d, loaded, diags) = check_listing(&skill(&"a".repeat(len)));
            let hits: Vec<_> = of_rule(&diags, rule).into_iter().cloned().collect();
            assert_eq!(hits.len(), 1);
            insta::assert_snapshot!(rule.id, crate::engine::testing::render(&loaded, &hits));
        }
    }

    #[test]
    fn length_limits() {
        let (_d, _l, diags) = check_listing(&skill(&"a".repeat(1100)));
        assert_eq!(of_rule(&diags, &super::TOO_LONG).len(), 1);
        assert!(of_rule(&diags, &super::LISTING_CUT).is_empty());
        let (_d, _l, diags) = check_listing(&skill(&"a".repeat(1600)));
        assert_eq!(of_rule(&diags, &super::LISTING_CUT).len(), 1);
        let (_d, _l, diags) = check_listing(&skill(&"a".repeat(1024)));
        assert!(of_rule(&diags, &super::TOO_LONG).is_empty());
    }
}
