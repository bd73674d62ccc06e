//! Shell safety: word-splitting loops, unquoted lists, credential hygiene,
//! `curl | sh`.

use super::sites;
use crate::declare_rule;
use crate::parse::shell::{Command, WordKind};
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A `for` loop splits a command's output or a variable on whitespace.
    ///
    /// ## What it does
    /// Reports `for x in $(…)` and `for x in $VAR` (unquoted).
    ///
    /// ## Why it matters
    /// Word splitting breaks on names with spaces and globs `*` in the
    /// output; an empty result silently skips the loop.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// for f in $(ls manifests); do echo "$f"; done
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
    /// for f in manifests/*; do echo "$f"; done
    /// ```
    /// ````
    pub static SPLIT_LOOP = { id: "SH004", name: "word-splitting-loop", family: Shell, severity: Warning }
}

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
    pub static UNQUOTED_LIST = { id: "SH005", name: "unquoted-list-value", family: Shell, severity: Warning }
}

declare_rule! {
    /// A command prints a secret to the terminal.
    ///
    /// ## What it does
    /// Reports `pass show`, `pass NAME`, `gopass show`, `op read`,
    /// `vault kv get`, `vault read` and `security find-generic-password -w`
    /// when their output is neither captured (`$(…)`), piped nor redirected.
    ///
    /// ## Why it matters
    /// The secret lands in the transcript: in Claude's context, in logs and
    /// in any report the session produces.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// pass show infra/api-token
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
    /// curl -fsS -H "Authorization: Bearer $(pass show infra/api-token)" https://api.example.com/v1/status
    /// ```
    /// ````
    pub static SECRET_PRINTED = { id: "SH006", name: "secret-printed", family: Shell, severity: Error }
}

declare_rule! {
    /// Verbose or traced output in the presence of credentials.
    ///
    /// ## What it does
    /// Reports `curl -v`/`--verbose`/`--trace` when the command carries an
    /// `Authorization` header, `-u`/`--user`, or a secret-named variable, and
    /// `set -x` in a block or script that handles secrets.
    ///
    /// ## Why it matters
    /// Verbose curl prints request headers, tokens included; `set -x` echoes
    /// every expanded command line, secrets included.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// curl -v -H "Authorization: Bearer $API_TOKEN" https://api.example.com/v1/status
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
    /// curl -fsS -H "Authorization: Bearer $API_TOKEN" https://api.example.com/v1/status
    /// ```
    /// ````
    pub static VERBOSE_SECRET = { id: "SH007", name: "verbose-with-credentials", family: Shell, severity: Error }
}

declare_rule! {
    /// A secret variable is echoed to the terminal.
    ///
    /// ## What it does
    /// Reports `echo`/`printf` of a variable named like a secret (`TOKEN`,
    /// `SECRET`, `PASSWORD`, `API_KEY`, …) whose output is not piped or redirected.
    ///
    /// ## Why it matters
    /// The value lands in the transcript and in Claude's context.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// echo "token: $API_TOKEN"
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
    /// [ -n "$API_TOKEN" ] && echo "token is set"
    /// ```
    /// ````
    pub static SECRET_ECHOED = { id: "SH008", name: "secret-echoed", family: Shell, severity: Warning }
}

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
    pub static PIPE_TO_SHELL = { id: "SH009", name: "pipe-to-shell", family: Shell, severity: Warning }
}

pub fn is_secret_name(var: &str) -> bool {
    crate::regex!(r"(?i)token|secret|passw|api_?key|private_?key|credential|auth").is_match(var)
}

const PASS_SUBCOMMANDS: &[&str] = &[
    "ls", "list", "find", "search", "grep", "insert", "add", "edit", "generate", "rm", "remove",
    "delete", "mv", "rename", "cp", "copy", "git", "init", "otp", "help", "version", "--help",
    "-h",
];

/// Whether a command prints a secret when run on its own.
fn prints_secret(c: &Command) -> bool {
    let first = c.args.first().map(|a| a.raw.as_str());
    let has = |f: &str| c.args.iter().any(|a| a.raw == f);
    match c.name.as_str() {
        "pass" => match first {
            Some("show") => !has("-c") && !has("--clip") && !has("--qrcode"),
            Some(s) => !PASS_SUBCOMMANDS.contains(&s) && !s.starts_with('-'),
            None => false,
        },
        "gopass" => first == Some("show") && !has("-c") && !has("--clip"),
        "op" => first == Some("read"),
        "vault" => {
            matches!(first, Some("read"))
                || (first == Some("kv") && c.args.get(1).is_some_and(|a| a.raw == "get"))
        }
        "security" => {
            first.is_some_and(|f| f.starts_with("find-") && f.ends_with("-password")) && has("-w")
        }
        _ => false,
    }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for site in sites(cx.project) {
        let block = site.block;
        for l in &block.split_loops {
            let first = l
                .what
                .lines()
                .next()
                .unwrap_or("")
                .trim_end_matches('\\')
                .trim_end();
            let shown: String =
                if first.chars().count() > 40 || first.len() < l.what.trim_end().len() {
                    format!("{}…", first.chars().take(40).collect::<String>())
                } else {
                    first.to_string()
                };
            out.push(
                Diagnostic::new(&SPLIT_LOOP, site.file, l.span, format!("`for … in {shown}` splits on whitespace and expands globs"))
                    .help("read lines with `while IFS= read -r x; do …; done < <(cmd)`, or loop over a quoted array"),
            );
        }
        let mut secrets_in_block = false;
        for c in &block.commands {
            if prints_secret(c) {
                secrets_in_block = true;
                if !c.captured && !c.piped && !c.redirected {
                    out.push(
                        Diagnostic::new(&SECRET_PRINTED, site.file, c.name_span, format!("`{} {}` prints the secret", c.name, c.args.first().map_or("", |a| a.raw.as_str())))
                            .help("use it inline where it is needed: `$(pass show …)` inside the command that needs it"),
                    );
                }
            }
            if c.args
                .iter()
                .any(|a| a.var_names().any(is_secret_name) || a.raw.contains("Authorization"))
            {
                secrets_in_block = true;
            }
            // --flag $LIST
            for (i, a) in c.args.iter().enumerate() {
                // Address and node lists: tools that take them want one
                // comma-joined argument (`--nodes a,b`), never several.
                let list_var = a.unquoted_vars().find(|v| {
                    crate::regex!(r"(?i)(IPS|NODES|HOSTS|ENDPOINTS|ADDRESSES|SERVERS|_LIST)$")
                        .is_match(v)
                });
                let Some(var) = list_var else { continue };
                let after_flag = i > 0
                    && c.args[i - 1].raw.starts_with("--")
                    && !c.args[i - 1].raw.contains('=')
                    && a.kind == WordKind::Unquoted;
                let inline =
                    a.kind == WordKind::Mixed && a.raw.starts_with("--") && a.raw.contains('=');
                if after_flag || inline {
                    out.push(
                        Diagnostic::new(&UNQUOTED_LIST, site.file, a.span, format!("`${var}` is split into several arguments here"))
                            .help(format!("quote it (\"${var}\"), or join the items the way the tool expects (commas)")),
                    );
                }
            }
            // curl -v with credentials
            if c.name == "curl" {
                let verbose = c.args.iter().any(|a| {
                    let r = a.raw.as_str();
                    r == "--verbose"
                        || r.starts_with("--trace")
                        || (r.starts_with('-') && !r.starts_with("--") && r.contains('v'))
                });
                let creds = c.args.iter().any(|a| {
                    a.raw.contains("Authorization")
                        || a.raw == "-u"
                        || a.raw == "--user"
                        || a.var_names().any(is_secret_name)
                        || a.raw.contains("pass show")
                });
                if verbose && creds {
                    out.push(
                        Diagnostic::new(
                            &VERBOSE_SECRET,
                            site.file,
                            c.name_span,
                            "verbose curl prints the credentials it sends",
                        )
                        .help("drop -v/--verbose/--trace; use -fsS and print only the status"),
                    );
                }
            }
            // echo "$TOKEN"
            if matches!(c.name.as_str(), "echo" | "printf")
                && !c.piped
                && !c.redirected
                && !c.captured
                && let Some(v) = c
                    .args
                    .iter()
                    .flat_map(|a| a.var_names())
                    .find(|v| is_secret_name(v))
            {
                out.push(
                    Diagnostic::new(
                        &SECRET_ECHOED,
                        site.file,
                        c.span,
                        format!("`{}` prints `${v}`", c.name),
                    )
                    .help("check that it is set instead: [ -n \"$VAR\" ] && echo set"),
                );
            }
        }
        if secrets_in_block {
            for x in &block.xtrace {
                out.push(
                    Diagnostic::new(&VERBOSE_SECRET, site.file, *x, "`set -x` traces command lines that carry secrets")
                        .help("remove `set -x`, or turn it off (`set +x`) around the lines that use secrets"),
                );
            }
        }
        for p in &block.pipelines {
            let cmds: Vec<&Command> = p.iter().filter_map(|i| block.commands.get(*i)).collect();
            let download = cmds
                .iter()
                .position(|c| c.name == "curl" || c.name == "wget");
            let shell = cmds
                .iter()
                .rposition(|c| matches!(c.name.as_str(), "sh" | "bash" | "zsh"));
            if let (Some(d), Some(s)) = (download, shell)
                && d < s
            {
                out.push(
                    Diagnostic::new(
                        &PIPE_TO_SHELL,
                        site.file,
                        cmds[s].name_span,
                        format!("the output of `{}` runs as a shell script", cmds[d].name),
                    )
                    .label(site.file, cmds[d].name_span, "downloaded here")
                    .help("download to a file, review it (or check its checksum), then run it"),
                );
            }
        }
    }
}
