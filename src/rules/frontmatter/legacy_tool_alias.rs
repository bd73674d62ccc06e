//! The `legacy-tool-alias` rule (TL006).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A tool is named by a legacy alias.
    ///
    /// ## What it does
    /// Reports `Task`, `KillShell`, `BashOutput` and other renamed tools.
    ///
    /// ## Why it matters
    /// They still work, but docs and newer rules use the current names.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// tools: Read, Task
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
    /// tools: Read, Agent
    /// ---
    /// Review the diff.
    /// ```
    pub static RULE = { id: "TL006", name: "legacy-tool-alias", family: Frontmatter, severity: Info, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report_tools(cx, &RULE, out);
}
