//! The `unquoted-list-value` rule (SH005).

use crate::declare_rule;
use super::sites;
use crate::parse::shell::WordKind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A list-valued variable is passed unquoted as a flag's value.
    ///
    /// ## What it does
    /// Reports `--flag $NODES`, `--flag=$IPS` and the like: an unquoted
    /// variable whose name says it holds a list of nodes, hosts, addresses
    /// or endpoints (`…IPS`, `…NODES`, `…HOSTS`, `…_LIST`), used as the value
    /// of an option.
    ///
    /// ## Why it matters
    /// The shell splits it: `--nodes $IPS` with two addresses passes the
    /// second one as a separate argument, which the tool reads as something
    /// else entirely.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// talosctl --talosconfig ./talosconfig --nodes $NODE_IPS health
    /// ```
    /// ````
    ///
    /// ## Use instead
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// talosctl --talosconfig ./talosconfig --nodes "$NODE_IPS" health
    /// ```
    /// ````
    pub static RULE = { id: "SH005", name: "unquoted-list-value", family: Shell, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        for c in site.block.commands() {
            // --flag $LIST
            let args = c.args();
            for (i, a) in args.iter().enumerate() {
                // Address and node lists: tools that take them want one
                // comma-joined argument (`--nodes a,b`), never several.
                let list_var = a.unquoted_vars().find(|v| {
                    crate::regex!(r"(?i)(IPS|NODES|HOSTS|ENDPOINTS|ADDRESSES|SERVERS|_LIST)$")
                        .is_match(v)
                });
                let Some(var) = list_var else { continue };
                let prev = i.checked_sub(1).and_then(|p| args.get(p)).map(|p| p.raw());
                let after_flag = prev.is_some_and(|p| p.starts_with("--") && !p.contains('='))
                    && a.kind() == WordKind::Unquoted;
                let inline = a.kind() == WordKind::Mixed
                    && a.raw().starts_with("--")
                    && a.raw().contains('=');
                if after_flag || inline {
                    out.push(
                        Diagnostic::new(&RULE, site.file, a.span(), format!("`${var}` is split into several arguments here"))
                            .help(format!("quote it (\"${var}\"), or join the items the way the tool expects (commas)")),
                    );
                }
            }
        }
    }
}
