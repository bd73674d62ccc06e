//! The `ipv6-address` rule (RD002).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An IPv6 address outside 2001:db8::/32.
    ///
    /// ## What it does
    /// Reports IPv6 literals other than the documentation prefix 2001:db8::/32,
/// loopback and unspecified.
    ///
    /// ## Why it matters
    /// A real prefix identifies the network and often the provider account.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// curl http://[2a01:4f8:c2c:1234::1]:8080/healthz
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
    /// curl http://[2001:db8::10]:8080/healthz
    /// ```
    /// ````
    pub static RULE = { id: "RD002", name: "ipv6-address", family: Redaction, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::Ipv6, &RULE, out);
}
