//! Redaction: nothing private leaves in public plugin content. Every rule
//! here is one detector of `crate::redact`, the same code `skillc redact` uses.

use crate::declare_rule;
use crate::model::Project;
use crate::parse::json::JsonNode;
use crate::redact::{Hit, Kind, detect};
use crate::rules::diag::Diagnostic;
use crate::rules::{Context, RuleMeta};
use crate::source::FileId;
use std::ops::Range;

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
    pub static IPV4 = { id: "RD001", name: "ipv4-address", family: Redaction, severity: Error }
}

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
    pub static IPV6 = { id: "RD002", name: "ipv6-address", family: Redaction, severity: Error }
}

declare_rule! {
    /// A hostname on a private suffix, or a deny-listed domain.
    ///
    /// ## What it does
    /// Reports names ending in `.internal`, `.corp`, `.local`, `.lan`, `.home`,
/// `.intranet`, `.localdomain` or `.private`, and any domain listed in
/// `[redaction] deny-domains`. `cluster.local`, `docker.internal`,
/// `metadata.google.internal`, `example.com/.org/.net`, `*.example`,
/// `.test`, `.invalid` and `localhost` are fine. A single name on the
/// suffix (`statsd.local`) is a warning; deeper names (`db1.prod.internal`)
/// map a network and are errors.
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
    pub static HOST = { id: "RD003", name: "internal-hostname", family: Redaction, severity: Error }
}

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
    pub static EMAIL = { id: "RD004", name: "email-address", family: Redaction, severity: Warning }
}

declare_rule! {
    /// A cloud account or resource identifier.
    ///
    /// ## What it does
    /// Reports OCI OCIDs, AWS ARNs with a 12-digit account (the documentation
/// accounts 123456789012 and 111122223333 are fine), GCP `projects/<id>/…`
/// paths and Azure subscription GUIDs in resource ids.
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
    /// aws iam get-role --role-name x # arn:aws:iam::210987654321:role/x
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
    pub static CLOUD = { id: "RD005", name: "cloud-identifier", family: Redaction, severity: Error }
}

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
    pub static SECRET = { id: "RD006", name: "secret", family: Redaction, severity: Error }
}

declare_rule! {
    /// A home directory path with a real user name.
    ///
    /// ## What it does
    /// Reports `/home/<name>/`, `/Users/<name>/` and `C:\\Users\\<name>\\` when the
/// name looks real (not `$USER`, `<user>`, `you`, `me`, `user`, `ubuntu`, …).
    ///
    /// ## Why it matters
    /// User names identify people and hint at account names on their machines.
    ///
    /// ## Example
    /// ````text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```bash
    /// Edit /home/akozlov/.kube/config first.
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
    /// Edit ~/.kube/config first.
    /// ```
    /// ````
    pub static PATH = { id: "RD007", name: "personal-path", family: Redaction, severity: Warning }
}

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
    pub static DENIED = { id: "RD008", name: "denied-name", family: Redaction, severity: Error }
}

pub static LEGACY_RULES: &[&RuleMeta] =
    &[&IPV4, &IPV6, &HOST, &EMAIL, &CLOUD, &SECRET, &PATH, &DENIED];

fn rule(kind: Kind) -> &'static RuleMeta {
    match kind {
        Kind::Ipv4 => &IPV4,
        Kind::Ipv6 => &IPV6,
        Kind::Host => &HOST,
        Kind::Email => &EMAIL,
        Kind::Cloud => &CLOUD,
        Kind::Secret => &SECRET,
        Kind::PersonalPath => &PATH,
        Kind::DeniedName => &DENIED,
    }
}

/// Byte ranges of `author`/`owner` objects in a manifest (public on purpose).
pub fn manifest_people(root: &JsonNode) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for key in ["author", "owner"] {
        if let Some(n) = root.get(key) {
            out.push(n.span.range());
        }
    }
    for e in root.get("plugins").map(|p| p.items()).unwrap_or(&[]) {
        if let Some(n) = e.get("author") {
            out.push(n.span.range());
        }
    }
    out
}

fn message(hit: &Hit) -> (String, String) {
    let v = &hit.value;
    match hit.kind {
        Kind::Ipv4 => (format!("IPv4 address `{v}`"), "use a documentation address (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), e.g. 192.0.2.10".into()),
        Kind::Ipv6 => (format!("IPv6 address `{v}`"), "use the documentation prefix, e.g. 2001:db8::10".into()),
        Kind::Host if hit.label == "denied-domain" => (format!("deny-listed domain `{v}`"), "use host1.example.com".into()),
        Kind::Host => (format!("internal hostname `{v}`"), "use a name under example.com, e.g. db1.example.com".into()),
        Kind::Email => (format!("email address `{v}`"), "use user@example.com".into()),
        Kind::Cloud => (format!("cloud identifier ({}) `{v}`", hit.label), "replace it with a placeholder such as <account-id>, or the provider's documentation value".into()),
        Kind::Secret => {
            let shown: String = v.chars().take(4).collect();
            (format!("{} `{shown}…` ({} characters)", hit.label, v.chars().count()), "remove it and rotate it; reference it instead, e.g. \"$(pass show path/to/secret)\" or <token>".into())
        }
        Kind::PersonalPath => (format!("home directory of user `{v}`"), "use ~ or $HOME, or /home/user".into()),
        Kind::DeniedName => (format!("deny-listed name `{v}`"), "replace it with a neutral placeholder".into()),
    }
}

/// Files the redaction rules read: every markdown, manifest and script that
/// `keep` keeps.
fn files(project: &Project, keep: impl Fn(FileId) -> bool) -> Vec<(FileId, Vec<Range<usize>>)> {
    let mut out: Vec<(FileId, Vec<Range<usize>>)> = project
        .docs
        .iter()
        .filter(|d| keep(d.file))
        .map(|d| (d.file, Vec::new()))
        .collect();
    for j in project.json.iter().filter(|j| keep(j.file)) {
        out.push((j.file, j.root().map(manifest_people).unwrap_or_default()));
    }
    out.extend(
        project
            .scripts
            .iter()
            .filter(|s| keep(s.file))
            .map(|s| (s.file, Vec::new())),
    );
    out
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    use rayon::prelude::*;
    let cfg = cx.redaction;
    // Files are independent: scan them in parallel (this is the one check
    // that reads every byte of every file).
    let found: Vec<Diagnostic> = files(cx.project, |file| cx.in_focus(cx.db.path(file)))
        .into_par_iter()
        .flat_map_iter(|(file, people)| {
            let text = cx.text(file);
            detect(text, cfg).into_iter().filter_map(move |hit| {
                let generic = hit.label == "generic-internal-host";
                if hit.kind == Kind::Email
                    && cfg.exempt_manifest_people
                    && people
                        .iter()
                        .any(|r| r.start <= hit.range.start && hit.range.end <= r.end)
                {
                    return None;
                }
                let (msg, help) = message(&hit);
                let d = Diagnostic::new(rule(hit.kind), file, hit.range.clone().into(), msg)
                    .help(format!("{help}; `skillc redact` does it for you"));
                // `statsd.local`: a generic name rather than a map of a network.
                Some(if generic {
                    d.severity(crate::rules::diag::Severity::Warning)
                } else {
                    d
                })
            })
        })
        .collect();
    out.extend(found);
}

/// Checks of several rules of this family, not yet split into a check per
/// rule (see `crate::rules::Check::Legacy`).
/// The rules of this family with a check of their own (none yet).
pub static RULES: &[&crate::rules::RuleMeta] = &[];

pub static LEGACY: &[crate::rules::LegacyCheck] = &[crate::rules::LegacyCheck {
    rules: LEGACY_RULES,
    run: check,
}];

#[cfg(test)]
mod tests {
    use crate::engine::config::Config;
    use crate::engine::testing::{of_rule, render, scaffold, write_tree};

    fn run(
        files: &[(&str, &str)],
        config: Config,
    ) -> (
        tempfile::TempDir,
        crate::model::build::Loaded,
        Vec<crate::rules::diag::Diagnostic>,
    ) {
        let mut files: Vec<(String, String)> = files
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        scaffold(&mut files);
        let dir = tempfile::tempdir().unwrap();
        write_tree(dir.path(), &files);
        let (loaded, diags) = crate::engine::testing::check_with(dir.path(), config);
        (dir, loaded, diags)
    }

    const SKILL: &str = "---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\nDeploy to the Acme cluster, not to acmes.\n";

    #[test]
    fn deny_list_from_config() {
        let mut config = Config::default();
        config.redaction.deny_names.push("acme".into());
        let (_d, loaded, diags) = run(&[("plugins/demo/skills/deploy/SKILL.md", SKILL)], config);
        let hits: Vec<_> = of_rule(&diags, &super::DENIED)
            .into_iter()
            .cloned()
            .collect();
        assert_eq!(hits.len(), 1);
        insta::assert_snapshot!("RD008", render(&loaded, &hits));
        let (_d, _l, diags) = run(
            &[("plugins/demo/skills/deploy/SKILL.md", SKILL)],
            Config::default(),
        );
        assert!(of_rule(&diags, &super::DENIED).is_empty());
    }

    #[test]
    fn manifest_authors_are_exempt_unless_configured() {
        let pj = "{ \"name\": \"demo\", \"version\": \"1.0.0\", \"description\": \"The demo plugin. Skills: deploy.\", \"author\": { \"name\": \"Jane\", \"email\": \"jane@acme.io\" } }\n";
        let files = [
            ("plugins/demo/.claude-plugin/plugin.json", pj),
            (
                "plugins/demo/skills/deploy/SKILL.md",
                "---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n",
            ),
        ];
        let (_d, _l, diags) = run(&files, Config::default());
        assert!(of_rule(&diags, &super::EMAIL).is_empty());
        let mut config = Config::default();
        config.redaction.exempt_manifest_people = false;
        let (_d, _l, diags) = run(&files, config);
        assert_eq!(of_rule(&diags, &super::EMAIL).len(), 1);
    }

    #[test]
    fn secrets_are_not_printed_in_messages() {
        let skill = "---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\nexport GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n";
        let (_d, _l, diags) = run(
            &[("plugins/demo/skills/deploy/SKILL.md", skill)],
            Config::default(),
        );
        let hits = of_rule(&diags, &super::SECRET);
        assert_eq!(hits.len(), 1);
        assert!(
            !hits[0].message.contains("abcdefghij"),
            "{}",
            hits[0].message
        );
    }
}
