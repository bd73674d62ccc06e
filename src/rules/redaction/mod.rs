//! Redaction: nothing private leaves in public plugin content. Every rule
//! here is one detector of `crate::redact`, the same code `skillc redact` uses.

use crate::model::value::Present;
use crate::model::{Project, Typed};
use crate::redact::{Hit, Kind, detect};
use crate::rules::diag::Diagnostic;
use crate::rules::{Context, RuleMeta};
use crate::source::FileId;
use std::ops::Range;

crate::declare_family! {
    ipv4_address,
    ipv6_address,
    internal_hostname,
    email_address,
    cloud_identifier,
    secret,
    personal_path,
    denied_name,
}

/// Byte ranges of `author`/`owner` objects in a manifest (public on purpose).
pub fn manifest_people(typed: &Typed) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if let Typed::Marketplace(m) = typed {
        out.extend(m.owner.value_span().map(|s| s.range()));
        for e in m.plugins.val().into_iter().flat_map(|l| l.iter()) {
            out.extend(
                e.ok()
                    .and_then(|e| e.plugin.author.value_span())
                    .map(|s| s.range()),
            );
        }
    }
    if let Typed::Plugin(p) = typed {
        out.extend(p.author.value_span().map(|s| s.range()));
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
        out.push((j.file, manifest_people(&j.typed)));
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

/// One finding of the detectors, in a file.
pub struct Found {
    pub file: FileId,
    pub hit: Hit,
}

/// Every hit of the detectors in the files in focus (manifest people's
/// emails exempted when configured so), found once for all the redaction
/// rules: the detectors resolve overlaps between kinds (the longer, then the
/// earlier, hit wins), so they run together.
fn found<'a>(cx: &'a Context<'_>) -> &'a [Found] {
    cx.shared.redaction.get_or_init(|| {
        use rayon::prelude::*;
        let cfg = cx.redaction;
        // Files are independent: scan them in parallel (the detectors read
        // every byte of every file).
        files(cx.project, |file| cx.in_focus(cx.db.path(file)))
            .into_par_iter()
            .flat_map_iter(|(file, people)| {
                let text = cx.text(file);
                detect(text, cfg).into_iter().filter_map(move |hit| {
                    let exempt = hit.kind == Kind::Email
                        && cfg.exempt_manifest_people
                        && people
                            .iter()
                            .any(|r| r.start <= hit.range.start && hit.range.end <= r.end);
                    (!exempt).then_some(Found { file, hit })
                })
            })
            .collect()
    })
}

/// Report the hits of `kind` under `rule`.
fn report(cx: &Context<'_>, kind: Kind, rule: &'static RuleMeta, out: &mut Vec<Diagnostic>) {
    for Found { file, hit } in found(cx).iter().filter(|f| f.hit.kind == kind) {
        let (msg, help) = message(hit);
        let d = Diagnostic::new(rule, *file, hit.range.clone().into(), msg)
            .help(format!("{help}; `skillc redact` does it for you"));
        // `statsd.local`: a generic name rather than a map of a network.
        out.push(if hit.label == "generic-internal-host" {
            d.severity(crate::rules::diag::Severity::Warning)
        } else {
            d
        });
    }
}

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
        let hits: Vec<_> = of_rule(&diags, &super::denied_name::RULE)
            .into_iter()
            .cloned()
            .collect();
        assert_eq!(hits.len(), 1);
        insta::assert_snapshot!("RD008", render(&loaded, &hits));
        let (_d, _l, diags) = run(
            &[("plugins/demo/skills/deploy/SKILL.md", SKILL)],
            Config::default(),
        );
        assert!(of_rule(&diags, &super::denied_name::RULE).is_empty());
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
        assert!(of_rule(&diags, &super::email_address::RULE).is_empty());
        let mut config = Config::default();
        config.redaction.exempt_manifest_people = false;
        let (_d, _l, diags) = run(&files, config);
        assert_eq!(of_rule(&diags, &super::email_address::RULE).len(), 1);
    }

    #[test]
    fn secrets_are_not_printed_in_messages() {
        let skill = "---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\nexport GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n";
        let (_d, _l, diags) = run(
            &[("plugins/demo/skills/deploy/SKILL.md", skill)],
            Config::default(),
        );
        let hits = of_rule(&diags, &super::secret::RULE);
        assert_eq!(hits.len(), 1);
        assert!(
            !hits[0].message.contains("abcdefghij"),
            "{}",
            hits[0].message
        );
    }
}
