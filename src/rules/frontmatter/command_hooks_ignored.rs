//! The `command-hooks-ignored` rule (CM002).

use super::mappings;
use crate::declare_rule;
use crate::model::DocKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A flat command file sets `hooks`.
    ///
    /// ## What it does
    /// Reports `hooks` in `commands/*.md` frontmatter.
    ///
    /// ## Why it matters
    /// Claude Code honours frontmatter hooks only in skill directories; in a
    /// command file they never run.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/commands/deploy.md <==
    /// ---
    /// description: Deploy the app.
    /// hooks:
    ///   Stop:
    ///     - hooks:
    ///         - type: command
    ///           command: echo done
    /// ---
    /// Deploy.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/commands/deploy.md <==
    /// ---
    /// description: Deploy the app.
    /// ---
    /// Deploy.
    /// ```
    pub static RULE = { id: "CM002", name: "command-hooks-ignored", family: Frontmatter, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, fm) in mappings(cx.project) {
        if d.kind != DocKind::Command {
            continue;
        }
        for k in fm.keys.iter().filter(|k| k.name == "hooks") {
            out.push(
                Diagnostic::new(&RULE, d.file, k.span, "`hooks` in a command file never run")
                    .help("move the command into skills/<name>/SKILL.md to use frontmatter hooks"),
            );
        }
    }
}
