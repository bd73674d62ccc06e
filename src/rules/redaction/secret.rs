//! The `secret` rule (RD006).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A credential: key, token or private key.
    ///
    /// ## What it does
    /// Reports credentials. Errors, beyond reasonable doubt:
///
/// - tokens with a vendor format: AWS access key ids (`AKIA…`/`ASIA…`) and
///   secret keys, GitHub (`ghp_`, `gho_`, `github_pat_`, …), GitLab
///   (`glpat-`), Slack (`xoxb-`, …), Stripe live keys, Google API keys,
///   Anthropic (`sk-ant-`) and OpenAI keys; private key blocks (PEM,
///   OpenSSH, PGP); age secret keys; kubeconfig `client-key-data`;
/// - `password=`, `token:`, `secret =`, `api_key:` … assignments whose value
///   looks generated: 16 characters or more, 3.5 bits of Shannon entropy per
///   character or more, three character classes or more (lower, upper,
///   digits, symbols other than `-_.`), no words and no keyboard runs.
///
/// Warnings, likely but not certain: JWTs, Stripe test keys, and
/// assignments with 12 characters or more, 3.5 bits per character, letters
/// and digits, that miss the bar above (hex strings, UUIDs) or stand in a
/// "bad"/"don't"/❌ example.
///
/// Never reported: placeholders (`<token>`, `your-…-here`, `xxxx`,
/// `changeme`, values with `example`, `sample`, `dummy`, a keyboard run
/// of five or more such as `1234567890abcdef`, one character repeated,
/// values under 12 characters such as `abc123`);
/// passwords made of words (`MySecretPassword123`, `SuperSecret!`,
/// `password123`); instructions (`generate-with-openssl-rand-base64-32`);
/// lookups (`process.env.X`, `os.environ[…]`, `os.getenv(…)`, `${X}`,
/// `$X`, `ENV[…]`); the download token of an image or media URL
/// (`…/photo.jpg?alt=media&token=…`); tokens of a vendor format whose
/// random part is filler (`ghp_xxxx…`, `ghp_abcdef…`); jwt.io's example
/// token; Stripe publishable keys (`pk_…`, public by design); and AWS's
/// documentation key `AKIAIOSFODNN7EXAMPLE`, which, like 192.0.2.0/24, is
/// the value published for documentation, grants nothing, and is ignored by
/// secret scanners too.
    ///
    /// ## Why it matters
    /// A published credential is a compromised credential.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// export GITHUB_TOKEN=ghp_R8kq2ZtW5vN1xLm9PcY3hJd7TgB4sF6eUo0a
    /// ```
    /// ````
    ///
    /// ## Use instead
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// export GITHUB_TOKEN="$(pass show github/token)"
    /// ```
    /// ````
    pub static RULE = { id: "RD006", name: "secret", family: Redaction, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::Secret, &RULE, out);
}
