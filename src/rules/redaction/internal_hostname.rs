//! The `internal-hostname` rule (RD003).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A host name that maps a private network, or a deny-listed domain.
    ///
    /// ## What it does
    /// Reports names ending in `.internal`, `.corp`, `.local`, `.lan`, `.home`,
/// `.intranet`, `.localdomain` or `.private`, and any domain listed in
/// `[redaction] deny-domains`. `cluster.local`, `docker.internal`,
/// `metadata.google.internal`, `example.com/.org/.net`, `*.example`,
/// `.test`, `.invalid`, `localhost` and names under placeholder domains
/// (`domain.local`, `dc1.company.internal`, `yourdomain.lan`) are fine. A
/// single name on the suffix (`statsd.local`, `nas.home`, a cluster domain
/// such as `cozy.local`) names a service, not a network, and is not
/// reported; neither is a name in a "bad"/"don't"/❌ example (its line or
/// the three lines before say so). Deeper names (`db1.prod.internal`) map a
/// network. `skillc redact` replaces single names and bad examples too.
    ///
    /// ## Why it matters
    /// Internal names leak infrastructure layout and are useless to every other reader.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// ssh db1.prod.internal
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
    /// ssh db1.example.com
    /// ```
    /// ````
    ///
    /// ## Configuration
    /// `[redaction] allow-hosts` adds names; `deny-domains` adds domains that must never appear.
    pub static RULE = { id: "RD003", name: "internal-hostname", family: Redaction, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::Host, &RULE, out);
}
