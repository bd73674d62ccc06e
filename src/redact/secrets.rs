//! Secrets: tokens of a fixed format, AWS secret keys, private key blocks,
//! kubeconfig credentials and assigned credentials with a real-looking value.

use super::*;

/// Token formats with a fixed shape, by label.
pub(super) const FIXED_SECRETS: &[(&str, &str)] = &[
    (
        "aws-access-key",
        r"(?-u:\b)(?:AKIA|ASIA)[A-Z0-9]{16}(?-u:\b)",
    ),
    (
        "github-token",
        r"(?-u:\b)(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}(?-u:\b)|(?-u:\b)github_pat_[A-Za-z0-9_]{22,}(?-u:\b)",
    ),
    ("gitlab-token", r"(?-u:\b)glpat-[A-Za-z0-9_-]{20}(?-u:\b)"),
    (
        "slack-token",
        r"(?-u:\b)xox[abposr]-[A-Za-z0-9-]{10,}(?-u:\b)",
    ),
    (
        "stripe-key",
        r"(?-u:\b)(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}(?-u:\b)",
    ),
    ("google-api-key", r"(?-u:\b)AIza[0-9A-Za-z_-]{35}(?-u:\b)"),
    ("anthropic-key", r"(?-u:\b)sk-ant-[A-Za-z0-9_-]{20,}"),
    (
        "openai-key",
        r"(?-u:\b)sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|(?-u:\b)sk-proj-[A-Za-z0-9_-]{40,}",
    ),
    (
        "age-secret-key",
        r"(?-u:\b)AGE-SECRET-KEY-1[0-9A-Z]{58}(?-u:\b)",
    ),
    (
        "jwt",
        r"(?-u:\b)eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}",
    ),
];

/// The fixed token formats, compiled once.
pub(super) fn fixed_secrets() -> &'static [(&'static str, regex::Regex)] {
    static RES: std::sync::LazyLock<Vec<(&'static str, regex::Regex)>> =
        std::sync::LazyLock::new(|| {
            FIXED_SECRETS
                .iter()
                .filter_map(|(l, p)| Some((*l, regex::Regex::new(p).ok()?)))
                .collect()
        });
    &RES
}

/// Whether any fixed token format occurs in `text`: one pass over the text
/// (their literal openings are searched for together) instead of one each.
pub(super) fn any_fixed_secret(text: &str) -> bool {
    static RE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        let all: Vec<String> = FIXED_SECRETS
            .iter()
            .map(|(_, p)| format!("(?:{p})"))
            .collect();
        regex::Regex::new(&all.join("|")).ok()
    });
    RE.as_ref().is_none_or(|re| re.is_match(text))
}

pub(super) fn secrets(text: &str, hits: &mut Vec<Hit>) {
    fixed_format_secrets(text, hits);
    aws_secret_keys(text, hits);
    private_keys(text, hits);
    kubeconfig_credentials(text, hits);
    assigned_credentials(text, hits);
}

/// Tokens of a fixed format ([`FIXED_SECRETS`]).
pub(super) fn fixed_format_secrets(text: &str, hits: &mut Vec<Hit>) {
    if any_fixed_secret(text) {
        for (label, re) in fixed_secrets() {
            for m in re.find_iter(text) {
                push(hits, Kind::Secret, label, text, m.range());
            }
        }
    }
}

/// AWS secret access keys next to their name, the documentation one included.
pub(super) fn aws_secret_keys(text: &str, hits: &mut Vec<Hit>) {
    for c in
        crate::regex!(r"(?i)aws_?secret_?access_?key[^A-Za-z0-9_]{1,4}([A-Za-z0-9/+]{40})(?-u:\b)")
            .captures_iter(text)
    {
        if let Some(v) = c.get(1) {
            push(hits, Kind::Secret, "aws-secret-key", text, v.range());
        }
    }
}

/// Private key blocks: the whole block.
pub(super) fn private_keys(text: &str, hits: &mut Vec<Hit>) {
    let begin = crate::regex!(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY( BLOCK)?-----");
    for m in begin.find_iter(text) {
        let end = text[m.end()..].find("-----END").map_or(text.len(), |i| {
            let e = m.end() + i;
            text[e + 8..]
                .find("-----")
                .map_or(text.len(), |j| e + 8 + j + 5)
        });
        let body = &text[m.end()..end.min(text.len())];
        if !is_placeholder(body.trim()) && body.trim().len() > 20 {
            push(
                hits,
                Kind::Secret,
                "private-key",
                text,
                m.start()..end.min(text.len()),
            );
        }
    }
}

/// kubeconfig credentials.
pub(super) fn kubeconfig_credentials(text: &str, hits: &mut Vec<Hit>) {
    let kube = crate::regex!(
        r"(?m)(?-u:\b)(client-key-data|client-certificate-data|token)\s*:\s*([A-Za-z0-9+/=._-]{20,})"
    );
    for c in kube.captures_iter(text) {
        let (Some(key), Some(v)) = (c.get(1), c.get(2)) else {
            continue;
        };
        let is_cert = key.as_str() == "client-certificate-data";
        if is_cert || is_placeholder(v.as_str()) || entropy(v.as_str()) < 3.5 {
            continue;
        }
        let label = if key.as_str() == "token" {
            "token"
        } else {
            "kubeconfig-key"
        };
        push(hits, Kind::Secret, label, text, v.range());
    }
}

/// `password=…`, `token: …`, `secret = "…"` with a high-entropy value.
pub(super) fn assigned_credentials(text: &str, hits: &mut Vec<Hit>) {
    // The pattern opens with a character class, so the regex engine cannot
    // skip ahead; a key word followed by `:` or `=` can be searched for
    // fast, and prose that only mentions secrets has none.
    if !crate::regex!(
        r#"(?i)(?:passw(?:or)?d|secret|token|api[_-]?key|access[_-]?key|private[_-]?key)["']?\s*[:=]"#
    )
    .is_match(text)
    {
        return;
    }
    let assign = crate::regex!(
        r#"(?i)(?-u:\b)([A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key))["']?\s*[:=]\s*["']?([^\s"'`,;)}\]]{8,})"#
    );
    for c in assign.captures_iter(text) {
        let (Some(key), Some(v)) = (c.get(1), c.get(2)) else {
            continue;
        };
        if is_credential(key.as_str(), v.as_str()) {
            push(hits, Kind::Secret, "credential", text, v.range());
        }
    }
}

/// Whether `value`, assigned to `key`, looks like a real credential: its
/// key names no file, path, reference or name, and it is no placeholder,
/// path or URL, long and random enough, of letters and digits, not code.
pub(super) fn is_credential(key: &str, value: &str) -> bool {
    let k = key.to_ascii_lowercase();
    if k.ends_with("-file")
        || k.ends_with("_file")
        || k.ends_with("path")
        || k.contains("ref")
        || k.contains("name")
    {
        return false;
    }
    if is_placeholder(value)
        || value.contains("://")
        || value.starts_with('/')
        || value.starts_with('.')
        || entropy(value) < 3.5
        || value.len() < 12
    {
        return false;
    }
    if !value.chars().any(|c| c.is_ascii_digit()) || !value.chars().any(|c| c.is_ascii_alphabetic())
    {
        return false;
    }
    // Code (`token_hex(16)`, `header.substring(7)`) is not a value.
    value
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '_' | '-'))
}
