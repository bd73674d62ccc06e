//! The `agent-field-value-invalid` rule (AG009).

use super::{is_int, mappings};
use crate::declare_rule;
use crate::model::DocKind;
use crate::model::frontmatter::Fields;
use crate::model::value::{Field, Kind, Scalar};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::text::suggest;

declare_rule! {
    /// An agent field has a value outside its allowed set.
    ///
    /// ## What it does
    /// Checks `color` (red, blue, green, yellow, purple, orange, pink, cyan),
    /// `memory` (user, project, local), `isolation` (worktree), `maxTurns`
    /// (a positive integer), `effort` and `background`.
    ///
    /// ## Why it matters
    /// Invalid values are dropped with only a runtime warning.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// color: magenta
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// color: purple
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "AG009", name: "agent-field-value-invalid", family: Frontmatter, severity: Warning, check: check }
}

const COLORS: &[&str] = &[
    "red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan",
];

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Agent {
            continue;
        }
        for f in fm.readings() {
            for (key, v, msg) in problems(f) {
                let near = v
                    .ok()
                    .and_then(|s| suggest(&s.text, COLORS.iter().copied()).filter(|_| key == "color"));
                let diag = Diagnostic::new(&RULE, d.file, v.span, msg);
                out.push(match near {
                    Some(n) => diag.help(format!("did you mean `{n}`?")),
                    None => diag.help("the runtime drops invalid values with only a warning"),
                });
            }
        }
    }
}

/// The text of a scalar value.
fn text(v: &Field<Scalar>) -> Option<&str> {
    v.ok().map(|s| s.text.as_str())
}

/// The fields of one reading with a value outside their set: key, field
/// and why.
fn problems(f: &Fields) -> Vec<(&'static str, &Field<Scalar>, String)> {
    let bad = |v: &Field<Scalar>, allowed: &[&str]| text(v).is_none_or(|s| !allowed.contains(&s));
    let mut out = Vec::new();
    if let Some(v) = f.color.as_deref()
        && bad(v, COLORS)
    {
        out.push(("color", v, format!("`color` must be one of {}", COLORS.join(", "))));
    }
    if let Some(v) = f.memory.as_deref()
        && bad(v, &["user", "project", "local"])
    {
        out.push(("memory", v, "`memory` must be user, project or local".to_string()));
    }
    if let Some(v) = f.isolation.as_deref()
        && bad(v, &["worktree"])
    {
        out.push(("isolation", v, "`isolation` can only be `worktree`".to_string()));
    }
    if let Some(v) = &f.max_turns {
        let ok = text(v)
            .and_then(|s| s.parse::<u64>().ok())
            .is_some_and(|n| n > 0);
        if !ok {
            out.push(("maxTurns", v, "`maxTurns` must be a positive integer".to_string()));
        }
    }
    if let Some(v) = f.effort.as_deref()
        && !v.ok().is_some_and(is_int)
        && bad(v, &["low", "medium", "med", "high", "xhigh", "max"])
    {
        out.push(("effort", v, "`effort` must be low, medium, high, xhigh, max or a number".to_string()));
    }
    if let Some(v) = f.background.as_deref()
        && !v.ok().is_some_and(|s| s.kind == Kind::Bool)
        && bad(v, &["true", "false"])
    {
        out.push(("background", v, "`background` must be true or false".to_string()));
    }
    out
}
