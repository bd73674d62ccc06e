//! The `lsp-server-shape` rule (LS001).

use crate::declare_rule;
use crate::model::servers::LspServer;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An LSP server is not an object, or has a key Claude Code does not know.
    ///
    /// ## What it does
    /// Reports each server of `.lsp.json` (or inline `lspServers`) that is
    /// not an object, and each key of a server other than `command`,
    /// `args`, `extensionToLanguage`, `transport`, `env`,
    /// `initializationOptions`, `settings`, `workspaceFolder`,
    /// `startupTimeout`, `shutdownTimeout`, `requestTimeout`,
    /// `restartOnCrash`, `maxRestarts` and `diagnostics`, with the nearest
    /// known key.
    ///
    /// ## Why it matters
    /// An LSP server is a strict object: Claude Code rejects one with an
    /// unknown key (`Unrecognized key`) and skips the server at load.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "go": { "command": "gopls", "extensionToLanguage": { ".go": "go" }, "restartOnCrah": true } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "go": { "command": "gopls", "extensionToLanguage": { ".go": "go" }, "restartOnCrash": true } }
    /// ```
    pub static RULE = { id: "LS001", name: "lsp-server-shape", family: Servers, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for m in super::lsp_maps(cx) {
        for e in m.map.iter() {
            let s = match &e.value {
                Ok(s) => s,
                Err(k) => {
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            m.file,
                            e.span,
                            format!(
                                "LSP server `{}` is {}, not an object",
                                e.key,
                                super::mcp_server_not_object::a(*k)
                            ),
                        )
                        .help("write `{ \"command\": …, \"extensionToLanguage\": { \".ext\": \"language\" } }`"),
                    );
                    continue;
                }
            };
            for k in &s.unknown {
                let d = Diagnostic::new(
                    &RULE,
                    m.file,
                    k.span,
                    format!(
                        "LSP server `{}` has unknown key `{}`; Claude Code rejects the server",
                        e.key, k.name
                    ),
                );
                out.push(match crate::text::suggest_among(&k.name, LspServer::KEYS) {
                    Some(n) => d.help(format!("did you mean `{n}`?")),
                    None => d.help(format!("known keys: {}", LspServer::KEYS.join(", "))),
                });
            }
        }
    }
}
