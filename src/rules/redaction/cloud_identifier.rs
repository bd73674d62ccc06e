//! The `cloud-identifier` rule (RD005).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A cloud account or resource identifier.
    ///
    /// ## What it does
    /// Reports OCI OCIDs, AWS ARNs with a 12-digit account, GCP
/// `projects/<id>/…` paths and Azure subscription GUIDs in resource ids.
/// Made-up values are not reported: accounts of one digit repeated
/// (000000000000, 111111111111), counting (123456789012) or repeated blocks
/// (111122223333, 444455556666, the documentation's); project ids made of
/// descriptive words only (`staging`, `production`, `my-project`,
/// `your-project`, `prod-analytics`) or placeholders (`PROJECT_ID`,
/// `example-…`); public image projects (`debian-cloud`); zero or counting
/// GUIDs and OCIDs.
    ///
    /// ## Why it matters
    /// Account ids are the first half of every cloud attack and identify the operator.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// aws iam get-role --role-name x # arn:aws:iam::493817265012:role/x
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
    /// aws iam get-role --role-name x # arn:aws:iam::123456789012:role/x
    /// ```
    /// ````
    pub static RULE = { id: "RD005", name: "cloud-identifier", family: Redaction, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::Cloud, &RULE, out);
}
