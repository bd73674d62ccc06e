//! The `email-address` rule (RD004).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// An email address outside the example domains.
    ///
    /// ## What it does
    /// Reports email addresses except at example.com/.org/.net and other reserved
/// domains. The `author` and `owner` objects of plugin.json and
/// marketplace.json are public on purpose and exempt. `git@host:repo` is an
/// SSH address, not an email.
    ///
    /// ## Why it matters
    /// Addresses in skills get scraped and spammed, and often belong to people who never agreed to publication.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// Ask jane.doe@acme.io for access.
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
    /// Ask user@example.com for access.
    /// ```
    /// ````
    ///
    /// ## Configuration
    /// `[redaction] exempt-manifest-people = false` checks manifest authors too.
    pub static RULE = { id: "RD004", name: "email-address", family: Redaction, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::Email, &RULE, out);
}
