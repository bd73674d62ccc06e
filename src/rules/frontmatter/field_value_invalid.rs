//! The `field-value-invalid` rule (SK010).

use super::{is_int, mappings, type_name};
use crate::declare_rule;
use crate::model::DocKind;
use crate::model::value::{Field, Kind, Scalar};
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::FileId;
use crate::text::suggest;

declare_rule! {
    /// A frontmatter field has a value outside its allowed set.
    ///
    /// ## What it does
    /// Checks `shell` (bash, powershell), `context` (inline, fork), `effort`
    /// (low, medium, high, xhigh, max or a number), the booleans
    /// `disable-model-invocation`, `user-invocable` and `background`, and that
    /// `metadata` is a mapping.
    ///
    /// ## Why it matters
    /// Claude Code rejects a bad `shell` or `context` and ignores the others,
    /// so the setting silently does nothing.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// shell: zsh
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// shell: bash
    /// ---
    /// ```
    pub static RULE = { id: "SK010", name: "field-value-invalid", family: Frontmatter, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind == DocKind::Agent {
            continue;
        }
        for f in fm.readings() {
            if let Some(v) = &f.shell {
                enum_value(out, d.file, "shell", v, &["bash", "powershell"], true);
            }
            if let Some(v) = &f.context {
                enum_value(out, d.file, "context", v, &["inline", "fork"], false);
            }
            if let Some(v) = &f.effort
                && !v.ok().is_some_and(is_int)
            {
                enum_value(
                    out,
                    d.file,
                    "effort",
                    v,
                    &["low", "medium", "med", "high", "xhigh", "max"],
                    false,
                );
            }
            for (key, field) in [
                ("disable-model-invocation", &f.disable_model_invocation),
                ("user-invocable", &f.user_invocable),
                ("background", &f.background),
            ] {
                if let Some(v) = field
                    && !is_bool(v)
                {
                    out.push(
                        Diagnostic::new(&RULE, d.file, v.span, format!("`{key}` must be true or false"))
                            .severity(Severity::Warning)
                            .help("yes/no/on/off work only in Claude Code 2.1.218 and later; write true or false"),
                    );
                }
            }
            if let Some(v) = &f.metadata
                && let Err(kind) = v.value
                && kind != Kind::Null
            {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        d.file,
                        v.span,
                        format!("`metadata` must be a mapping, not a {}", type_name(kind)),
                    )
                    .severity(Severity::Warning)
                    .help("write metadata as key: value pairs; Claude Code drops other types"),
                );
            }
        }
    }
}

/// A boolean, or the string `true` or `false`.
fn is_bool(v: &Field<Scalar>) -> bool {
    v.ok()
        .is_some_and(|s| s.kind == Kind::Bool || matches!(s.text.as_str(), "true" | "false"))
}

fn enum_value(
    out: &mut Vec<Diagnostic>,
    file: FileId,
    key: &str,
    v: &Field<Scalar>,
    allowed: &[&str],
    case_insensitive: bool,
) {
    let Some(s) = v.ok().map(|s| s.text.as_str()) else {
        out.push(Diagnostic::new(
            &RULE,
            file,
            v.span,
            format!("`{key}` must be one of {}", allowed.join(", ")),
        ));
        return;
    };
    let norm = if case_insensitive {
        s.trim().to_ascii_lowercase()
    } else {
        s.to_string()
    };
    if !allowed.contains(&norm.as_str()) {
        let near = suggest(s, allowed.iter().copied());
        out.push(
            Diagnostic::new(
                &RULE,
                file,
                v.span,
                format!("`{key}: {s}` is not one of {}", allowed.join(", ")),
            )
            .help(near.map_or_else(
                || format!("use one of {}", allowed.join(", ")),
                |n| format!("did you mean `{n}`?"),
            )),
        );
    }
}
