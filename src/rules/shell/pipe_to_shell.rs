//! The `pipe-to-shell` rule (SH009).

use crate::declare_rule;
use super::sites;
use crate::parse::shell::Command;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A download is piped straight into a shell.
    ///
    /// ## What it does
    /// Reports pipelines where `curl` or `wget` feeds `sh`, `bash` or `zsh`
    /// (with or without `sudo`).
    ///
    /// ## Why it matters
    /// Whatever the server returns runs with the user's rights, unreviewed; a
    /// truncated download runs half a script.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// curl -fsSL https://example.com/install.sh | sh
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
    /// curl -fsSLo install.sh https://example.com/install.sh
    /// less install.sh && sh install.sh
    /// ```
    /// ````
    pub static RULE = { id: "SH009", name: "pipe-to-shell", family: Shell, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        let block = site.block;
        for p in block.pipelines() {
            let cmds: Vec<Command<'_>> = p
                .iter()
                .filter_map(|i| block.command(*i as usize))
                .collect();
            let download = cmds
                .iter()
                .position(|c| c.name() == "curl" || c.name() == "wget");
            let shell = cmds
                .iter()
                .rposition(|c| matches!(c.name(), "sh" | "bash" | "zsh"));
            if let (Some(d), Some(s)) = (download, shell)
                && d < s
            {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        site.file,
                        cmds[s].name_span(),
                        format!("the output of `{}` runs as a shell script", cmds[d].name()),
                    )
                    .label(site.file, cmds[d].name_span(), "downloaded here")
                    .help("download to a file, review it (or check its checksum), then run it"),
                );
            }
        }
    }
}
