//! The `ipv4-address` rule (RD001).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An IPv4 address outside the documentation ranges.
    ///
    /// ## What it does
    /// Reports IPv4 literals other than the documentation ranges (192.0.2.0/24,
/// 198.51.100.0/24, 203.0.113.0/24), loopback, unspecified, netmasks and a
/// few well-known public resolvers — private (RFC 1918, CGNAT) and public
/// addresses alike. CIDR notations of well-known networks (`10.0.0.0/8`,
/// `0.0.0.0/0`) and addresses in the default Kubernetes pod and service
/// ranges (10.244.0.0/16, 10.96.0.0/12, 10.42.0.0/16, 10.43.0.0/16) are fine.
/// Version numbers (`v1.2.3.4`, `image:1.2.3.4`, `1.2.3.4-rc1`) are not
/// addresses. A network in CIDR notation is reported only when it is private
/// (a public provider range is public knowledge).
    ///
    /// ## Why it matters
    /// Addresses pasted from a real session map someone's network; published plugins carry them everywhere.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// ssh admin@10.20.30.40
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
    /// ssh admin@192.0.2.10
    /// ```
    /// ````
    ///
    /// ## Configuration
    /// `[redaction] allow-networks = ["10.50.0.0/16"]` allows more networks;
/// `allow-cidrs` more CIDR notations.
    pub static RULE = { id: "RD001", name: "ipv4-address", family: Redaction, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::Ipv4, &RULE, out);
}
