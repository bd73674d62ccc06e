//! The `listing-url-scheme` rule (DR006).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A link the directory's listing shows is not an `http(s)://` URL.
    ///
    /// ## What it does
    /// Reads plugin.json's `homepage`, `privacyPolicyUrl` and `author.url`,
    /// and `icon` when it is a URL, and reports a value that is not an
    /// `http://` or `https://` URL with a host (`ftp://…`, `file:…`,
    /// `data:…`, `mailto:…`, a bare `example.com`). A `homepage` that is no
    /// URL at all is PJ014's. Off unless the `directory` profile is on.
    ///
    /// ## Why it matters
    /// The listing turns these fields into links and images a browser
    /// opens; it accepts web addresses only. Claude Code's validator
    /// (`claude plugin validate --profile directory`) reports
    /// `LISTING_URL_SCHEME` as a warning.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "homepage": "ftp://example.com/demo" }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/.claude-plugin/plugin.json <==
    /// { "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" }, "homepage": "https://example.com/demo" }
    /// ```
    pub static RULE = { id: "DR006", name: "listing-url-scheme", family: Directory, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let has_scheme = |v: &str| crate::regex!(r"^[A-Za-z][A-Za-z0-9+.-]*:").is_match(v);
    for l in super::listed(cx) {
        let Some((file, pm)) = l.manifest else {
            continue;
        };
        let author_url = pm.author.val().and_then(|a| a.url.spanned());
        let fields = [
            ("homepage", pm.homepage.spanned()),
            ("privacyPolicyUrl", pm.privacy_policy_url.spanned()),
            ("author.url", author_url),
            ("icon", pm.icon.spanned()),
        ];
        for (key, value) in fields {
            let Some((v, span)) = value else { continue };
            if super::is_http_url(v) {
                continue;
            }
            // PJ014 reports a homepage that is no URL; an icon without a
            // scheme is a path (DR004's).
            let skip = match key {
                "homepage" => !crate::rules::manifest::is_url(v),
                "icon" => !has_scheme(v),
                _ => false,
            };
            if skip {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &RULE,
                    file,
                    span,
                    format!("`{key}` `{v}` is not an http(s) URL"),
                )
                .help("the directory's listing links web addresses only: write an https:// URL"),
            );
        }
    }
}
