//! The `mcp-package-unpinned` rule (MC011).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An MCP server runs a package through `npx`/`uvx` without a version.
    ///
    /// ## What it does
    /// Reports a stdio server whose `command` is a package runner (`npx`,
    /// `bunx`, `pnpx`, `uvx`) and whose package is named without a
    /// version (`npx search-server`, `uvx search-server`). Packages pinned
    /// to a version (`search-server@1.4.0`, `search-server==1.4.0`) or to
    /// a dist-tag on purpose (`@latest`), and git or path sources, are not
    /// reported.
    ///
    /// ## Why it matters
    /// Each user runs whichever version the runner finds first: one already
    /// in their cache, or the newest published one. Users of one plugin
    /// version get different servers, and a compromised or broken release
    /// of the package reaches every user the next time Claude Code starts
    /// the server.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "npx", "args": ["-y", "search-server"] } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.mcp.json <==
    /// { "mcpServers": { "search": { "command": "npx", "args": ["-y", "search-server@1.4.0"] } } }
    /// ```
    pub static RULE = { id: "MC011", name: "mcp-package-unpinned", family: Servers, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::mcp_servers(cx).into_iter().filter(|m| m.is_stdio()) {
        let Some(command) = m.server.command.val() else {
            continue;
        };
        let runner = command.rsplit('/').next().unwrap_or(command);
        let Some(args) = m.server.args.val() else {
            continue;
        };
        let args: Vec<_> = args.oks().collect();
        let Some((package, span)) = package(runner, &args) else {
            continue;
        };
        if pinned(runner, package) {
            continue;
        }
        let example = if runner == "uvx" {
            format!("{package}==1.2.3")
        } else {
            format!("{package}@1.2.3")
        };
        out.push(
            Diagnostic::new(
                &RULE,
                m.file,
                span,
                format!(
                    "MCP server `{}` runs `{runner} {package}` without a version",
                    m.name
                ),
            )
            .help(format!(
                "pin the version the plugin was tested with: `{example}`"
            )),
        );
    }
}

/// The package a runner's arguments name, with its span: `--package`/`-p`
/// (npx), `--from` (uvx), else the first argument that is not an option.
fn package<'a>(
    runner: &str,
    args: &[(&'a String, crate::source::Span)],
) -> Option<(&'a str, crate::source::Span)> {
    let npm = matches!(runner, "npx" | "bunx" | "pnpx");
    if !npm && runner != "uvx" {
        return None;
    }
    let named = if npm {
        ["--package", "-p"]
    } else {
        ["--from", "--from"]
    };
    let mut it = args.iter();
    while let Some((a, span)) = it.next() {
        let a = a.as_str();
        if let Some(v) = named.iter().find_map(|n| a.strip_prefix(&format!("{n}="))) {
            return Some((v, *span));
        }
        if named.contains(&a) {
            return it.next().map(|(v, s)| (v.as_str(), *s));
        }
        if a.starts_with('-') {
            // Options that take a value (uvx `--with x`, `--python 3.12`).
            if !npm && matches!(a, "--with" | "--python" | "-p" | "--index" | "--index-url") {
                it.next();
            }
            continue;
        }
        return Some((a, *span));
    }
    None
}

/// Whether a package spec names a version, a tag, or a source that is not
/// the registry (git, a URL, a path, a placeholder).
fn pinned(runner: &str, spec: &str) -> bool {
    if spec.contains("${")
        || spec.contains(':')
        || spec.starts_with('.')
        || spec.starts_with('/')
        || spec.starts_with('~')
    {
        return true;
    }
    if runner == "uvx" {
        return spec.contains("==") || spec.contains('@') || spec.contains(">=");
    }
    // `@scope/name@1.2.3`: a version after the name.
    let name = spec.strip_prefix('@').unwrap_or(spec);
    name.contains('@') || (spec.starts_with('@') && !spec.contains('/'))
}

#[cfg(test)]
mod tests {
    use super::pinned;

    #[test]
    fn pins() {
        assert!(!pinned("npx", "search-server"));
        assert!(!pinned("npx", "@acme/search"));
        assert!(pinned("npx", "@acme/search@1.2.3"));
        assert!(pinned("npx", "search-server@latest"));
        assert!(pinned("npx", "github:acme/search"));
        assert!(!pinned("uvx", "mcp-server-fetch"));
        assert!(pinned("uvx", "mcp-server-fetch==2025.1.1"));
        assert!(pinned("uvx", "git+https://github.com/acme/search"));
    }
}
