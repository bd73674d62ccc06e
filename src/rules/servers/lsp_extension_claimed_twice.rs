//! The `lsp-extension-claimed-twice` rule (LS005).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use std::collections::HashMap;

declare_rule! {
    /// Two LSP servers of a plugin claim the same extension.
    ///
    /// ## What it does
    /// Reports an extension of `extensionToLanguage` that an earlier LSP
    /// server of the same plugin (`.lsp.json` and inline `lspServers`
    /// together) already claims.
    ///
    /// ## Why it matters
    /// Claude Code sends a file to the first server that claims its
    /// extension: the later server never gets those files.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "pyright": { "command": "pyright-langserver", "args": ["--stdio"], "extensionToLanguage": { ".py": "python" } },
    ///   "pylsp": { "command": "pylsp", "extensionToLanguage": { ".py": "python" } } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.lsp.json <==
    /// { "pyright": { "command": "pyright-langserver", "args": ["--stdio"], "extensionToLanguage": { ".py": "python" } } }
    /// ```
    pub static RULE = { id: "LS005", name: "lsp-extension-claimed-twice", family: Servers, severity: Warning, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // Plugin directory → extension → the server that claimed it first.
    let mut claimed: HashMap<Option<&str>, HashMap<&str, &str>> = HashMap::new();
    for l in super::lsp_servers(cx) {
        let plugin = cx
            .project
            .plugin_of(cx.db.path(l.file))
            .map(|p| p.dir.as_str());
        let Some(map) = l
            .server
            .extension_to_language
            .as_deref()
            .and_then(|f| f.ok())
        else {
            continue;
        };
        let seen = claimed.entry(plugin).or_default();
        for e in map.iter() {
            match seen.get(e.key.as_str()) {
                Some(first) if *first != l.name => out.push(
                    Diagnostic::new(
                        &RULE,
                        l.file,
                        e.key_span,
                        format!(
                            "LSP server `{}` claims `{}`, which server `{first}` already claims: it never gets those files",
                            l.name, e.key
                        ),
                    )
                    .help("keep one server per extension"),
                ),
                Some(_) => {}
                None => {
                    seen.insert(&e.key, l.name);
                }
            }
        }
    }
}
