//! The `secret` rule (RD006).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A credential: key, token or private key.
    ///
    /// ## What it does
    /// Reports AWS access key ids (`AKIA…`/`ASIA…`, the documentation key
/// included: it teaches readers to paste keys) and secret keys; GitHub,
/// GitLab, Slack, Stripe, Google API, Anthropic and OpenAI tokens; private
/// key blocks; age secret keys; JWTs; kubeconfig `client-key-data` and
/// `token:` values; and `password=`/`token:` assignments whose value looks
/// random. Placeholders (`<token>`, `${TOKEN}`, `changeme`, `…EXAMPLE…`
/// values other than AWS keys) are not findings.
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
    /// export GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789
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
