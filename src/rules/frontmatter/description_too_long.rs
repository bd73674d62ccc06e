//! The `description-too-long` rule (AS013).

use super::descriptions;
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

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
    pub static RULE = { id: "AS013", name: "description-too-long", family: Frontmatter, severity: Error, spec: true, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, _, text, span) in descriptions(cx.project) {
        let n = text.chars().count();
        if d.kind == DocKind::Skill && n > 1024 {
            out.push(
                Diagnostic::new(
                    &RULE,
                    d.file,
                    span,
                    format!("description is {n} characters; the Agent Skills limit is 1024"),
                )
                .help("shorten it; move detail into the skill body"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule, render};

    fn skill(desc: &str) -> String {
        format!(
            "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: {desc}\n---\n"
        )
    }

    #[test]
    fn length_limit_snapshot() {
        let rule = &super::RULE;
        let (_d, loaded, diags) = check_listing(&skill(&"a".repeat(1100)));
        let hits: Vec<_> = of_rule(&diags, rule).into_iter().cloned().collect();
        assert_eq!(hits.len(), 1);
        insta::assert_snapshot!(rule.id, render(&loaded, &hits));
    }

    #[test]
    fn length_limit() {
        let (_d, _l, diags) = check_listing(&skill(&"a".repeat(1100)));
        assert_eq!(of_rule(&diags, &super::RULE).len(), 1);
        let (_d, _l, diags) = check_listing(&skill(&"a".repeat(1024)));
        assert!(of_rule(&diags, &super::RULE).is_empty());
    }
}
