//! The `hook-url-invalid` rule (HK007).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An `http` hook whose `url` is not an http(s) URL.
    ///
    /// ## What it does
    /// Reports the `url` of an `http` handler that is not an absolute URL
    /// (no scheme, a space, no host) or whose scheme is not `http` or
    /// `https`. A URL holding a `${VAR}` placeholder is left alone.
    ///
    /// ## Why it matters
    /// Claude Code POSTs the event to `url`. Its hooks schema requires a
    /// URL: the validator reports `url: Invalid URL` and the loader drops
    /// the handler, so the hook never runs. A URL of another scheme
    /// (`ftp:`, `file:`) loads but cannot be posted to.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "Stop": [ { "hooks": [ { "type": "http", "url": "localhost:8080/stop" } ] } ] } }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/hooks/hooks.json <==
    /// { "hooks": { "Stop": [ { "hooks": [ { "type": "http", "url": "http://localhost:8080/stop" } ] } ] } }
    /// ```
    pub static RULE = { id: "HK007", name: "hook-url-invalid", family: Hooks, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for h in super::handlers(cx) {
        if h.handler.handler_type.val().map(String::as_str) != Some("http") {
            continue;
        }
        let Some((url, span)) = h.handler.url.spanned() else {
            continue;
        };
        let Some(problem) = url_problem(url) else {
            continue;
        };
        out.push(
            Diagnostic::new(&RULE, h.file, span, format!("hook `url` {problem}"))
                .help("write an absolute URL: `https://host/path` (or `http://localhost:PORT/path`)"),
        );
    }
}

/// What keeps `url` from being an http(s) URL Claude Code can post to.
pub fn url_problem(url: &str) -> Option<String> {
    if url.contains("${") || url.contains("$(") {
        return None;
    }
    let re = crate::regex!(r"^([A-Za-z][A-Za-z0-9+.-]*):(.*)$");
    let Some(c) = re.captures(url) else {
        return Some(format!("`{url}` is not a URL (no scheme)"));
    };
    let (scheme, rest) = (&c[1], &c[2]);
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        // `localhost:8080/x` reads as scheme `localhost`.
        if rest.starts_with(|ch: char| ch.is_ascii_digit()) {
            return Some(format!("`{url}` is not a URL (no scheme)"));
        }
        return Some(format!("`{url}` is not http or https"));
    }
    let host = rest
        .strip_prefix("//")
        .map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(h) if !h.is_empty() && !h.contains(char::is_whitespace) && !url.contains(' ') => None,
        _ => Some(format!("`{url}` is not a valid URL")),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn urls() {
        let p = super::url_problem;
        assert!(p("https://example.com/hook").is_none());
        assert!(p("http://localhost:8080/x").is_none());
        assert!(p("http://localhost:${PORT}/x").is_none());
        assert!(p("localhost:8080/x").unwrap().contains("no scheme"));
        assert!(p("example.com/hook").unwrap().contains("no scheme"));
        assert!(p("ftp://example.com/x").unwrap().contains("not http"));
        assert!(p("https:///x").unwrap().contains("not a valid"));
        assert!(p("https://exa mple.com").unwrap().contains("not a valid"));
    }
}
