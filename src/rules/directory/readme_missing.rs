//! The `readme-missing` rule (DR001).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin has no README.
    ///
    /// ## What it does
    /// Looks for a README in the plugin's directory under the names the
    /// plugin directory accepts: `README.md`, `readme.md`, `Readme.md`,
    /// `README.markdown`, `README`, `README.txt` or `docs/README.md`. A
    /// README at the root of the checked tree counts for a plugin in a
    /// subfolder. Off unless the `directory` profile is on.
    ///
    /// ## Why it matters
    /// The directory shows the README as the plugin's listing page. Claude
    /// Code's validator (`claude plugin validate --profile directory`)
    /// reports `README_MISSING` as an error, and a submission with errors
    /// is not accepted.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/LICENSE <==
    /// MIT License
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/LICENSE <==
    /// MIT License
    /// ==> plugins/demo/README.md <==
    /// # demo
    /// ```
    pub static RULE = { id: "DR001", name: "readme-missing", family: Directory, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::listed(cx) {
        if super::readme(cx, l.plugin).is_none() {
            out.push(
                Diagnostic::new(
                    &RULE,
                    l.file,
                    l.span,
                    format!("plugin `{}` has no README", l.plugin.name),
                )
                .help(format!(
                    "add {}: what the plugin does, how to install and use it (at least 40 words)",
                    super::in_dir(&l.plugin.dir, "README.md")
                )),
            );
        }
    }
}
