//! The `denied-name` rule (RD008).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A name from the deny-list.
    ///
    /// ## What it does
    /// Reports whole-word, case-insensitive occurrences of the names in
/// `[redaction] deny` and in the `SKILLC_DENY` environment variable
/// (comma-separated): customers, clusters, projects that must not appear.
    ///
    /// ## Why it matters
    /// Some names are confidential by contract; a deny-list is the only reliable guard.
    ///
    /// ## Example
    /// With `SKILLC_DENY=acme`: "Deploy to the acme cluster."
    ///
    /// ## Use instead
    /// "Deploy to the customer's cluster."
    ///
    /// ## Configuration
    /// `[redaction] deny = ["acme", "prod-eu-7"]` or `SKILLC_DENY=acme,prod-eu-7`.
    pub static RULE = { id: "RD008", name: "denied-name", family: Redaction, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::DeniedName, &RULE, out);
}
