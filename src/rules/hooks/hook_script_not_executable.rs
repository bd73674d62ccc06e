//! The `hook-script-not-executable` rule (PP015).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A hook runs a plugin script that is not executable.
    ///
    /// ## What it does
    /// Reports a hook `command` whose program (its first word, or the whole
    /// `command` in exec form with `args`) is a plugin file written after
    /// `${CLAUDE_PLUGIN_ROOT}` (`"${CLAUDE_PLUGIN_ROOT}"/hooks/check.sh`,
    /// `"${CLAUDE_PLUGIN_ROOT}/hooks/check.sh" --strict`) when that file has
    /// no execute bit. A command that names an interpreter first (`bash …`,
    /// `sh …`, `python3 …`, `node …`) is fine: the interpreter reads the
    /// script. skillc reads the mode of the checked-out file; git records
    /// its own (`git ls-files -s` shows `100755` for executable files), and
    /// a plugin installed from git gets git's. On systems without file modes
    /// (Windows) the rule stays silent.
    ///
    /// ## Why it matters
    /// Claude Code runs the command as written; the shell refuses to run a
    /// file without the execute bit (`Permission denied`, exit 126) and the
    /// hook fails every time it fires: a guard blocks nothing, a setup step
    /// never happens.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}\"/hooks/start.sh" } ] } ] } }
    /// ==> plugins/demo/hooks/start.sh <==
    /// #!/bin/sh
    /// echo hi
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "SessionStart": [ { "hooks": [ { "type": "command", "command": "sh \"${CLAUDE_PLUGIN_ROOT}\"/hooks/start.sh" } ] } ] } }
    /// ==> plugins/demo/hooks/start.sh <==
    /// #!/bin/sh
    /// echo hi
    /// ```
    ///
    /// Or keep the command and make the script executable: `chmod +x
    /// hooks/start.sh`, and `git update-index --chmod=+x hooks/start.sh`
    /// so that git records it.
    pub static RULE = { id: "PP015", name: "hook-script-not-executable", family: Hooks, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        let Some(p) = h.plugin else { continue };
        if h.handler.handler_type.val().map(String::as_str) != Some("command")
            || h.handler.shell.val().is_some_and(|s| s == "powershell")
        {
            continue;
        }
        let Some((cmd, span)) = h.handler.command.spanned() else {
            continue;
        };
        let exec = h.handler.args.is_some();
        let Some((range, path)) = program_path(cmd, exec) else {
            continue;
        };
        let full = crate::rules::manifest::in_dir(&p.dir, path);
        if cx.project.is_executable(&full) != Some(false) {
            continue;
        }
        let at = super::span_in(cx, h.file, span, cmd, range);
        let interpreter = match path.rsplit_once('.').map(|(_, ext)| ext) {
            Some("sh") => "sh",
            Some("bash") => "bash",
            Some("py") => "python3",
            Some("js" | "mjs" | "cjs") => "node",
            _ => "the interpreter",
        };
        out.push(
            Diagnostic::new(
                &RULE,
                h.file,
                at,
                format!("hook runs `{path}`, which is not executable"),
            )
            .help(format!(
                "`chmod +x {full}` (and `git update-index --chmod=+x {full}`), or start the command with {}",
                if interpreter == "the interpreter" {
                    "the interpreter that runs it".to_string()
                } else {
                    format!("`{interpreter}`")
                }
            )),
        );
    }
}

/// The plugin file a hook command runs as its program: the first word of a
/// shell-form command, or an exec-form command (`exec`) as a whole, when it
/// is a path after `${CLAUDE_PLUGIN_ROOT}`: the path's byte range and the
/// path.
pub fn program_path(cmd: &str, exec: bool) -> Option<(std::ops::Range<usize>, &str)> {
    let (range, path) = super::plugin_root_paths(cmd).into_iter().next()?;
    // Before the path: the placeholder, quoted or not, and nothing else.
    let before = cmd[..range.start].trim_start().strip_suffix('/')?;
    let before = before.strip_prefix('"').unwrap_or(before);
    let before = before.strip_suffix('"').unwrap_or(before);
    if !matches!(before, "${CLAUDE_PLUGIN_ROOT}" | "$CLAUDE_PLUGIN_ROOT") {
        return None;
    }
    // After it: the end of the word.
    let after = &cmd[range.end..];
    let after = after.strip_prefix('"').unwrap_or(after);
    let ends = if exec {
        after.trim().is_empty()
    } else {
        after.is_empty() || after.starts_with(|c: char| c.is_whitespace() || matches!(c, ';' | '&' | '|' | ')'))
    };
    ends.then_some((range, path))
}

#[cfg(test)]
mod tests {
    use super::program_path;
    use crate::engine::testing::{check_listing, of_rule, write_listing};

    #[test]
    fn the_program_is_the_first_word() {
        let program = |c: &str, exec: bool| program_path(c, exec).map(|(_, p)| p.to_string());
        assert_eq!(program("\"${CLAUDE_PLUGIN_ROOT}\"/hooks/x.sh", false).as_deref(), Some("hooks/x.sh"));
        assert_eq!(program("\"${CLAUDE_PLUGIN_ROOT}/hooks/x.sh\" --a", false).as_deref(), Some("hooks/x.sh"));
        assert_eq!(program("$CLAUDE_PLUGIN_ROOT/bin/run; echo", false).as_deref(), Some("bin/run"));
        assert_eq!(program("${CLAUDE_PLUGIN_ROOT}/hooks/x.sh", true).as_deref(), Some("hooks/x.sh"));
        assert_eq!(program("bash \"${CLAUDE_PLUGIN_ROOT}/hooks/x.sh\"", false), None);
        assert_eq!(program("python3 ${CLAUDE_PLUGIN_ROOT}/hooks/x.py", false), None);
        assert_eq!(program("cd x && \"${CLAUDE_PLUGIN_ROOT}\"/hooks/x.sh", false), None);
        assert_eq!(program("echo", false), None);
    }

    const LISTING: &str = "==> plugins/demo/hooks/hooks.json <==\n{ \"hooks\": { \"SessionStart\": [ { \"hooks\": [ { \"type\": \"command\", \"command\": \"COMMAND\" } ] } ] } }\n==> plugins/demo/hooks/start.sh <==\n#!/bin/sh\necho hi\n";

    fn found(command: &str, mode: u32) -> Vec<String> {
        let dir = write_listing(&LISTING.replace("COMMAND", command));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let script = dir.path().join("plugins/demo/hooks/start.sh");
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        let (loaded, diags) =
            crate::engine::testing::check_with(dir.path(), crate::engine::config::Config::default());
        of_rule(&diags, &super::RULE)
            .iter()
            .map(|d| {
                let text = loaded.db.text(d.file());
                format!("{} `{}`", d.message, &text[d.span().range()])
            })
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn a_script_without_the_execute_bit_is_reported() {
        let plain = "\\\"${CLAUDE_PLUGIN_ROOT}\\\"/hooks/start.sh";
        assert_eq!(
            found(plain, 0o644),
            ["hook runs `hooks/start.sh`, which is not executable `hooks/start.sh`"]
        );
        assert!(found(plain, 0o755).is_empty());
        assert!(found(&format!("bash {plain}"), 0o644).is_empty());
        assert!(found(&format!("sh {plain} --x"), 0o644).is_empty());
        // A missing script is PP014's.
        assert!(found("\\\"${CLAUDE_PLUGIN_ROOT}\\\"/hooks/other.sh", 0o644).is_empty());
    }

    #[test]
    fn the_listing_writes_plain_files() {
        let listing = LISTING.replace("COMMAND", "\\\"${CLAUDE_PLUGIN_ROOT}\\\"/hooks/start.sh");
        let (_d, _l, diags) = check_listing(&listing);
        let expected = usize::from(cfg!(unix));
        assert_eq!(of_rule(&diags, &super::RULE).len(), expected);
    }
}
