//! The `lsp-extensions-invalid` rule (LS003).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An LSP server's `extensionToLanguage` is missing, empty or malformed.
    ///
    /// ## What it does
    /// Reports an LSP server without `extensionToLanguage`, with an empty
    /// one or one that is not an object, a key that is not a `.ext`
    /// extension (a dot and at least one more character), and a language
    /// that is empty or not a string.
    ///
    /// ## Why it matters
    /// `extensionToLanguage` is required: it is how Claude Code knows which
    /// files the server handles. Without a valid one the server is
    /// rejected and skipped.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "go": { "command": "gopls", "extensionToLanguage": { "go": "go" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "go": { "command": "gopls", "extensionToLanguage": { ".go": "go" } } }
    /// ```
    pub static RULE = { id: "LS003", name: "lsp-extensions-invalid", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for l in super::lsp_servers(cx) {
        let help = "map each extension to its language id: `{ \".go\": \"go\" }`";
        let Some(f) = l.server.extension_to_language.as_ref() else {
            out.push(
                Diagnostic::new(
                    &RULE,
                    l.file,
                    l.key,
                    format!("LSP server `{}` has no `extensionToLanguage`", l.name),
                )
                .help(help),
            );
            continue;
        };
        let map = match &f.value {
            Err(k) => {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        l.file,
                        f.span,
                        format!(
                            "the `extensionToLanguage` of LSP server `{}` is {}, not an object",
                            l.name,
                            super::mcp_server_not_object::a(*k)
                        ),
                    )
                    .help(help),
                );
                continue;
            }
            Ok(m) => m,
        };
        if map.is_empty() {
            out.push(
                Diagnostic::new(
                    &RULE,
                    l.file,
                    f.span,
                    format!("the `extensionToLanguage` of LSP server `{}` is empty", l.name),
                )
                .help(help),
            );
        }
        for e in map.iter() {
            if !(e.key.starts_with('.') && e.key.chars().count() >= 2) {
                let fixed = format!(".{}", e.key.trim_start_matches(['*', '.']));
                out.push(
                    Diagnostic::new(
                        &RULE,
                        l.file,
                        e.key_span,
                        format!("`{}` is not a file extension: it must start with `.`", e.key),
                    )
                    .help(format!("write `\"{fixed}\"`")),
                );
            }
            match &e.value {
                Ok(v) if v.trim().is_empty() => out.push(
                    Diagnostic::new(
                        &RULE,
                        l.file,
                        e.span,
                        format!("the language of `{}` is empty", e.key),
                    )
                    .help(help),
                ),
                Ok(_) => {}
                Err(k) => out.push(
                    Diagnostic::new(
                        &RULE,
                        l.file,
                        e.span,
                        format!(
                            "the language of `{}` is {}, not a string",
                            e.key,
                            super::mcp_server_not_object::a(*k)
                        ),
                    )
                    .help(help),
                ),
            }
        }
    }
}
