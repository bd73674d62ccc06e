//! The `email-address` rule (RD004).

use crate::declare_rule;
use crate::redact::Kind;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// The email address of a person, not published by the authors.
    ///
    /// ## What it does
    /// Reports email addresses of people. Not reported:
///
/// - addresses the authors publish: in the `author` and `owner` objects of
///   plugin.json and marketplace.json; in a frontmatter's `author`,
///   `authors`, `maintainer`, `maintainers` or `owner` (at the top or in
///   `metadata`, as a string, an object or a list); on bylines outside code
///   fences (`**Author:** Jane <…>`, `Maintainer: …`, `Copyright 2024 …`,
///   the paragraphs under an `## Author(s)` heading). An address published
///   in a manifest or a skill's frontmatter is exempt in the whole tree,
///   one published elsewhere in its own file;
/// - mailboxes of a function, not a person (`support@`, `noreply@`,
///   `security@`, `data-team@`, `mcp-review@`);
/// - placeholders: example and reserved domains, made-up organisations
///   (`company.com`, `acme.io`, `domain.com`, `yourcompany.com`,
///   `mycompany.com`, `foo.com`, `contoso.com`, one-letter domains such as
///   `b.com`) and stand-in people (`someone@`, `jane.doe@`, `first.last@`,
///   `your@`);
/// - `git@host:repo` and `ssh root@host` logins and `https://user:pass@host`
///   URL credentials, which are not emails.
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
    /// Ask dana.whitfield@fastmail.fm for access.
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
    /// `[redaction] exempt-manifest-people = false` checks published authors too.
    pub static RULE = { id: "RD004", name: "email-address", family: Redaction, severity: Warning, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::report(cx, Kind::Email, &RULE, out);
}
