//! Secrets: tokens of a fixed format, AWS secret keys, private key blocks,
//! kubeconfig keys and assigned credentials with a real-looking value.
//!
//! Labels say how sure a hit is: [`high_confidence`] ones are credentials
//! by their format (a vendor prefix, a key block) or by their randomness;
//! the rest (`jwt`, `stripe-test-key`, `possible-credential`) may be test
//! values or identifiers.

use super::context::{in_bad_example, line_at};
use super::values::{classes, entropy, is_wordlike, looks_generated};
use super::*;

/// Whether a secret with this label is a credential beyond reasonable
/// doubt (the `RD006` error), rather than a likely one (a warning).
pub fn high_confidence(label: &str) -> bool {
    !matches!(label, "jwt" | "stripe-test-key" | "possible-credential")
}

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
        r"(?-u:\b)(?:sk|rk)_live_[A-Za-z0-9]{16,}(?-u:\b)",
    ),
    (
        "stripe-test-key",
        r"(?-u:\b)(?:sk|rk)_test_[A-Za-z0-9]{16,}(?-u:\b)",
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

pub(super) fn secrets(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
    fixed_format_secrets(text, hits);
    aws_secret_keys(text, hits);
    private_keys(text, hits);
    kubeconfig_credentials(text, hits);
    assigned_credentials(text, cfg, hits);
}

/// Tokens of a fixed format ([`FIXED_SECRETS`]) whose random part is not a
/// placeholder (`ghp_xxxx…`, `AKIA…EXAMPLE`, `sk-ant-api03-abcdef…`).
/// AWS's documentation key `AKIAIOSFODNN7EXAMPLE` is not reported: like
/// 192.0.2.0/24 for addresses, it is the value published for
/// documentation, it grants nothing, and secret scanners (gitleaks, GitHub)
/// ignore it too.
pub(super) fn fixed_format_secrets(text: &str, hits: &mut Vec<Hit>) {
    if any_fixed_secret(text) {
        for (label, re) in fixed_secrets() {
            for m in re.find_iter(text) {
                let fake = if *label == "jwt" {
                    example_jwt(m.as_str())
                } else {
                    fake_token(m.as_str())
                };
                if !fake {
                    push(hits, Kind::Secret, label, text, m.range());
                }
            }
        }
    }
}

/// Whether a token's characters are filler: a placeholder word, a
/// keyboard run, one character repeated, or too little entropy for its
/// length (a random 20-character body has over 4 bits per character).
fn fake_token(token: &str) -> bool {
    let body = token
        .rsplit(['_', '-'])
        .next()
        .filter(|b| b.len() >= 12)
        .unwrap_or(token);
    is_placeholder(token) || entropy(body) < 3.0
}

/// The payload of jwt.io's example token (`"sub": "1234567890"`, `"name":
/// "John Doe"`, `"iat": 1516239022`), which tutorials paste.
fn example_jwt(token: &str) -> bool {
    let payload = token.split('.').nth(1).map(base64url).unwrap_or_default();
    let p = String::from_utf8_lossy(&payload);
    ["1234567890", "John Doe", "1516239022", "example"]
        .iter()
        .any(|s| p.contains(s))
        || is_placeholder(token)
}

fn base64url(s: &str) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'-' | b'+' => Some(62),
        b'_' | b'/' => Some(63),
        _ => None,
    };
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for v in s.bytes().map_while(val) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// AWS secret access keys next to their name, unless a placeholder (the
/// documentation key `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` is one).
pub(super) fn aws_secret_keys(text: &str, hits: &mut Vec<Hit>) {
    for c in
        crate::regex!(r"(?i)aws_?secret_?access_?key[^A-Za-z0-9_]{1,4}([A-Za-z0-9/+]{40})(?-u:\b)")
            .captures_iter(text)
    {
        if let Some(v) = c.get(1)
            && !fake_token(v.as_str())
        {
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

/// kubeconfig client keys (`client-key-data:`). Its `token:` is an
/// assignment like any other ([`assigned_credentials`]); a JWT is found by
/// its format.
pub(super) fn kubeconfig_credentials(text: &str, hits: &mut Vec<Hit>) {
    let kube = crate::regex!(r"(?m)(?-u:\b)client-key-data\s*:\s*([A-Za-z0-9+/=]{20,})");
    for c in kube.captures_iter(text) {
        if let Some(v) = c.get(1)
            && !is_placeholder(v.as_str())
            && entropy(v.as_str()) >= 3.5
        {
            push(hits, Kind::Secret, "kubeconfig-key", text, v.range());
        }
    }
}

/// `password=…`, `token: …`, `secret = "…"` with a value that is no
/// placeholder, lookup, instruction or code ([`is_credential`]): a
/// `credential` when it looks generated ([`looks_generated`]) outside a
/// "don't do this" example, else a `possible-credential`.
pub(super) fn assigned_credentials(text: &str, cfg: &RedactConfig, hits: &mut Vec<Hit>) {
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
        let value = v.as_str();
        if !is_credential(key.as_str(), value, cfg.session) || media_url_token(text, key.start()) {
            continue;
        }
        let label = if looks_generated(value) && !in_bad_example(text, key.start()) {
            "credential"
        } else {
            "possible-credential"
        };
        push(hits, Kind::Secret, label, text, v.range());
    }
}

/// Whether `value`, assigned to `key`, may be a credential: its key names
/// no file, path, reference or name; it is no placeholder, path, URL,
/// lookup (`process.env.X`, `os.environ[…]`, `${X}`) or code
/// (`token_hex(16)`), and has letters and digits. Published text asks
/// more: twelve characters, 3.5 bits of entropy per character, and not
/// words (`MySecretPassword123` is a placeholder).
pub(super) fn is_credential(key: &str, value: &str, session: bool) -> bool {
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
        || !value.chars().any(|c| c.is_ascii_digit())
        || !value.chars().any(|c| c.is_ascii_alphabetic())
        // Code and lookups (`header.substring(7)`, `os.environ[…]`) are
        // not values.
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=' | '_' | '-' | '!' | '@' | '#' | '%' | '*'))
    {
        return false;
    }
    session
        || (value.len() >= 12
            && entropy(value) >= 3.5
            && !is_wordlike(value)
            && classes(value) >= 2)
}

/// Whether the assignment at `at` is a query parameter of an image or
/// media URL (`…/photo.jpg?alt=media&token=<uuid>` from Firebase
/// storage): a public download token, not a credential.
fn media_url_token(text: &str, at: usize) -> bool {
    if !(at > 0 && matches!(text.as_bytes()[at - 1], b'?' | b'&')) {
        return false;
    }
    let line = line_at(text, at);
    let start = text[line.start..at]
        .rfind(|c: char| c.is_whitespace() || "\"'`(<[".contains(c))
        .map_or(line.start, |i| line.start + i + 1);
    let url = text[start..at].to_ascii_lowercase();
    let path = url.split('?').next().unwrap_or(&url);
    url.contains("alt=media")
        || [
            ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".avif", ".heic",
            ".mp4", ".mov", ".webm", ".mp3", ".wav", ".ogg", ".m4a", ".pdf",
        ]
        .iter()
        .any(|e| path.ends_with(e))
}
