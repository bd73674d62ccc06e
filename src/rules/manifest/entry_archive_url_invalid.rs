//! The `entry-archive-url-invalid` rule (MK019).

use crate::declare_rule;
use crate::model::manifest::Source;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An archive source URL is not https, or points at a local or metadata host.
    ///
    /// ## What it does
    /// `archive` URLs must be `https://` and must not name loopback,
    /// link-local or cloud-metadata hosts.
    ///
    /// ## Why it matters
    /// Claude Code refuses to download it.
    ///
    /// ## Example
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "zip", "source": { "source": "archive", "url": "http://example.com/p.zip" } }] }
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> .claude-plugin/marketplace.json <==
    /// { "name": "demo-marketplace", "description": "Demo.", "owner": { "name": "O" },
    ///   "plugins": [{ "name": "zip", "source": { "source": "archive", "url": "https://example.com/p.zip" } }] }
    /// ```
    pub static RULE = { id: "MK019", name: "entry-archive-url-invalid", family: Manifest, severity: Error, reach: Tree, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (mf, entries) in super::entries(cx) {
    for (_, entry) in entries {
        if let Some(Source::Object(src)) = entry.and_then(|t| t.entry.source.val())
            && src.kind() == Some("archive")
            && let Some((url, span)) = src.url.spanned()
            && let Some(why) = bad_archive_url(url)
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    mf.file,
                    span,
                    format!("archive URL `{url}` {why}"),
                )
                .help("serve the archive over https from a public host"),
            );
        }
    }
    }
}

/// Why an archive URL is refused: not https, or a loopback, link-local or
/// metadata host.
fn bad_archive_url(url: &str) -> Option<&'static str> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Some("is not https");
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host
        .trim_start_matches('[')
        .split(']')
        .next()
        .unwrap_or(host);
    let host_no_port = if host.contains(':') && !host.contains("::") {
        host.split(':').next().unwrap_or(host)
    } else {
        host
    };
    let h = host_no_port.to_ascii_lowercase();
    let local = h == "localhost"
        || h.ends_with(".localhost")
        || h.starts_with("127.")
        || h == "::1"
        || h == "0.0.0.0"
        || h.starts_with("169.254.")
        || h.starts_with("fe80:")
        || h == "metadata.google.internal"
        || h == "metadata";
    local.then_some("points at a loopback, link-local or metadata host")
}
