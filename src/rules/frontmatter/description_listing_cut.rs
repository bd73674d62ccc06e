//! The `description-listing-cut` rule (SK007).

use super::descriptions;
use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

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
    pub static RULE = { id: "SK007", name: "description-listing-cut", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm, text, span) in descriptions(cx.project) {
        let n = text.chars().count();
        let when = fm.when_to_use.val().map_or(0, |w| w.text.chars().count());
        if n + when > 1536 {
            out.push(
                Diagnostic::new(&RULE, d.file, span, format!("description and when_to_use are {} characters; the skill listing cuts at 1536", n + when))
                    .help("shorten them; the cut text never reaches the model"),
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
        let (_d, loaded, diags) = check_listing(&skill(&"a".repeat(1600)));
        let hits: Vec<_> = of_rule(&diags, rule).into_iter().cloned().collect();
        assert_eq!(hits.len(), 1);
        insta::assert_snapshot!(rule.id, render(&loaded, &hits));
    }

    #[test]
    fn length_limit() {
        let (_d, _l, diags) = check_listing(&skill(&"a".repeat(1100)));
        assert!(of_rule(&diags, &super::RULE).is_empty());
        let (_d, _l, diags) = check_listing(&skill(&"a".repeat(1600)));
        assert_eq!(of_rule(&diags, &super::RULE).len(), 1);
    }
}
