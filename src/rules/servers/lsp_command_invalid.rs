//! The `lsp-command-invalid` rule (LS002).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An LSP server's `command` is missing, empty, or holds its arguments.
    ///
    /// ## What it does
    /// Reports an LSP server with no `command`, an empty one, one that is
    /// not a string, or one with a space that does not start with `/`.
    ///
    /// ## Why it matters
    /// Claude Code rejects the server (`Command should not contain spaces.
    /// Use args array for arguments.`) and skips it: the language gets no
    /// server.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "python": { "command": "pyright-langserver --stdio", "extensionToLanguage": { ".py": "python" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "python": { "command": "pyright-langserver", "args": ["--stdio"], "extensionToLanguage": { ".py": "python" } } }
    /// ```
    pub static RULE = { id: "LS002", name: "lsp-command-invalid", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::lsp_servers(cx) {
        let (span, message, help) = match l.server.command.as_ref() {
            None => (
                l.key,
                format!("LSP server `{}` has no `command`", l.name),
                "give the language server's program as `command`".to_string(),
            ),
            Some(f) => match &f.value {
                Ok(c) if c.trim().is_empty() => (
                    f.span,
                    format!("LSP server `{}` has an empty `command`", l.name),
                    "give the language server's program as `command`".to_string(),
                ),
                Ok(c) if c.contains(' ') && !c.starts_with('/') => {
                    let mut words = c.split_whitespace();
                    let program = words.next().unwrap_or("");
                    let rest: Vec<String> = words.map(|w| format!("\"{w}\"")).collect();
                    (
                        f.span,
                        format!("the `command` of LSP server `{}` contains a space", l.name),
                        format!(
                            "put the arguments in `args`: `\"command\": \"{program}\", \"args\": [{}]`",
                            rest.join(", ")
                        ),
                    )
                }
                Ok(_) => continue,
                Err(k) => (
                    f.span,
                    format!(
                        "the `command` of LSP server `{}` is {}, not a string",
                        l.name,
                        super::mcp_server_not_object::a(*k)
                    ),
                    "give the program as a string and its arguments in `args`".to_string(),
                ),
            },
        };
        out.push(Diagnostic::new(&RULE, l.file, span, message).help(help));
    }
}
