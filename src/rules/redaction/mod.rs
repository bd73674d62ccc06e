//! Redaction: nothing private leaves in public plugin content. Every rule
//! here is one detector of `crate::redact`, the same code `skillc redact` uses.

use crate::model::frontmatter::Frontmatter;
use crate::model::value::Present;
use crate::model::{DocKind, Project, Typed};
use crate::redact::{Hit, Kind, bylines, detect, email_ranges, high_confidence};
use crate::rules::diag::{Diagnostic, Severity};
use crate::rules::{Context, RuleMeta};
use crate::source::FileId;
use std::collections::HashSet;
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

/// Keys that name the people who publish a document.
const PEOPLE_KEYS: &[&str] = &["author", "authors", "maintainer", "maintainers", "owner"];

/// Byte ranges of the values of `author`/`maintainer` (and plural, and
/// `owner`) keys of a frontmatter, at its top and in `metadata`, whatever
/// their shape (`Jane <jane@…>`, `{name, email}`, a list).
pub fn frontmatter_people(fm: &Frontmatter) -> Vec<Range<usize>> {
    let person = |k: &str| PEOPLE_KEYS.contains(&k.to_ascii_lowercase().as_str());
    let mut out: Vec<Range<usize>> = fm
        .keys
        .iter()
        .filter(|k| person(&k.name))
        .map(|k| k.value.range())
        .collect();
    for reading in fm.readings() {
        for meta in reading.metadata.val().into_iter() {
            out.extend(
                meta.iter()
                    .filter(|e| person(&e.key))
                    .map(|e| e.span.range()),
            );
        }
    }
    out
}

/// The ranges of a file where people publish themselves: a manifest's
/// authors and owner, a markdown file's frontmatter authors and bylines, a
/// script's bylines.
fn people_ranges(
    project: &Project,
    index: &FileIndex,
    file: FileId,
    text: &str,
) -> Vec<Range<usize>> {
    if let Some(&Holder::Json(i)) = index.get(&file) {
        return manifest_people(&project.json[i].typed);
    }
    let Some(&Holder::Doc(i)) = index.get(&file) else {
        // A script: its header's `# Author:` lines.
        return bylines(text);
    };
    let d = &project.docs[i];
    let mut out = d.fm.as_deref().map(frontmatter_people).unwrap_or_default();
    out.extend(bylines(text));
    out
}

/// What holds a file in the model: a JSON file or a markdown document.
#[derive(Clone, Copy)]
enum Holder {
    Json(usize),
    Doc(usize),
}

/// The model's JSON files and documents by file, looked up once per file
/// (a scan of the model per file made the pass quadratic).
type FileIndex = std::collections::HashMap<FileId, Holder>;

fn file_index(project: &Project) -> FileIndex {
    let mut index: FileIndex = project
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file, Holder::Doc(i)))
        .collect();
    index.extend(
        project
            .json
            .iter()
            .enumerate()
            .map(|(i, j)| (j.file, Holder::Json(i))),
    );
    index
}

/// The addresses written in `ranges` of `text`, lower case.
fn emails_in(text: &str, ranges: &[Range<usize>]) -> HashSet<String> {
    if ranges.is_empty() {
        return HashSet::new();
    }
    email_ranges(text)
        .into_iter()
        .filter(|e| ranges.iter().any(|r| r.start <= e.start && e.end <= r.end))
        .map(|e| text[e].to_ascii_lowercase())
        .collect()
}

/// The addresses a tree publishes as its authors': in manifests' `author`
/// and `owner`, and in skills' frontmatter authors and bylines. (Other
/// files exempt their own: a narrowed run does not read them all.)
fn published_emails(cx: &Context<'_>, index: &FileIndex) -> HashSet<String> {
    let p = cx.project;
    let files = p.json.iter().map(|j| j.file).chain(
        p.docs
            .iter()
            .filter(|d| d.kind == DocKind::Skill && !d.unread)
            .map(|d| d.file),
    );
    files
        .flat_map(|f| {
            let text = cx.text(f);
            // No `@`, no address: skip the scan for bylines.
            if text.contains('@') {
                emails_in(text, &people_ranges(p, index, f, text))
            } else {
                HashSet::new()
            }
        })
        .collect()
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
fn files(project: &Project, keep: impl Fn(FileId) -> bool) -> Vec<FileId> {
    let docs = project.docs.iter().map(|d| d.file);
    let json = project.json.iter().map(|j| j.file);
    let scripts = project.scripts.iter().map(|s| s.file);
    docs.chain(json)
        .chain(scripts)
        .filter(|f| keep(*f))
        .collect()
}

/// One finding of the detectors, in a file.
pub struct Found {
    pub file: FileId,
    pub hit: Hit,
}

/// Every hit of the detectors in the files in focus, found once for all
/// the redaction rules: the detectors resolve overlaps between kinds (the
/// longer, then the earlier, hit wins), so they run together. Unless
/// configured otherwise, an email is exempt inside a file's people ranges
/// ([`people_ranges`]), and wherever it is one the tree or the file
/// publishes as an author's.
fn found<'a>(cx: &'a Context<'_>) -> &'a [Found] {
    cx.shared.redaction.get_or_init(|| {
        use rayon::prelude::*;
        let cfg = cx.redaction;
        let exempt = cfg.exempt_manifest_people;
        let index = file_index(cx.project);
        let tree = if exempt {
            published_emails(cx, &index)
        } else {
            HashSet::new()
        };
        // Files are independent: scan them in parallel (the detectors read
        // every byte of every file).
        files(cx.project, |file| cx.in_focus(cx.db.path(file)))
            .into_par_iter()
            .flat_map_iter(|file| {
                let text = cx.text(file);
                let hits = detect(text, cfg);
                let people = if exempt && hits.iter().any(|h| h.kind == Kind::Email) {
                    people_ranges(cx.project, &index, file, text)
                } else {
                    Vec::new()
                };
                let own = emails_in(text, &people);
                let tree = &tree;
                hits.into_iter().filter_map(move |hit| {
                    let published = hit.kind == Kind::Email
                        && exempt
                        && (people
                            .iter()
                            .any(|r| r.start <= hit.range.start && hit.range.end <= r.end)
                            || own.contains(&hit.value.to_ascii_lowercase())
                            || tree.contains(&hit.value.to_ascii_lowercase()));
                    (!published).then_some(Found { file, hit })
                })
            })
            .collect()
    })
}

/// Report the hits of `kind` under `rule`. A secret is an error only when
/// it is one beyond doubt ([`high_confidence`]).
fn report(cx: &Context<'_>, kind: Kind, rule: &'static RuleMeta, out: &mut Vec<Diagnostic>) {
    for Found { file, hit } in found(cx).iter().filter(|f| f.hit.kind == kind) {
        let (msg, help) = message(hit);
        let d = Diagnostic::new(rule, *file, hit.range.clone().into(), msg)
            .help(format!("{help}; `skillc redact` does it for you"));
        out.push(if kind == Kind::Secret && !high_confidence(hit.label) {
            d.severity(Severity::Warning)
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

    fn emails_of(files: &[(&str, &str)], config: Config) -> Vec<String> {
        let (_d, loaded, diags) = run(files, config);
        of_rule(&diags, &super::email_address::RULE)
            .into_iter()
            .map(|d| {
                let text = loaded.db.text(d.file());
                format!("{}:{}", loaded.db.path(d.file()), &text[d.span().range()])
            })
            .collect()
    }

    const DESC: &str = "description: Deploys the demo app. Use when shipping a release.";

    #[test]
    fn manifest_authors_are_exempt_in_the_tree_unless_configured() {
        let pj = "{ \"name\": \"demo\", \"version\": \"1.0.0\", \"description\": \"The demo plugin. Skills: deploy.\", \"author\": { \"name\": \"Ivo\", \"email\": \"ivo@brandt-ops.de\" } }\n";
        let skill = format!(
            "---\nname: deploy\n{DESC}\n---\nQuestions: ivo@brandt-ops.de. Ask dana.whitfield@fastmail.fm too.\n"
        );
        let files = [
            ("plugins/demo/.claude-plugin/plugin.json", pj),
            ("plugins/demo/skills/deploy/SKILL.md", skill.as_str()),
        ];
        // The manifest's author, in the manifest and in the skill, is
        // published; the other address is not.
        assert_eq!(
            emails_of(&files, Config::default()),
            ["plugins/demo/skills/deploy/SKILL.md:dana.whitfield@fastmail.fm"]
        );
        let mut config = Config::default();
        config.redaction.exempt_manifest_people = false;
        assert_eq!(emails_of(&files, config).len(), 3);
    }

    #[test]
    fn frontmatter_authors_and_bylines_are_exempt() {
        let skill = format!(
            "---\nname: deploy\n{DESC}\nauthor: Ivo Brandt <ivo@brandt-ops.de>\nmetadata:\n  maintainer:\n    name: Kim\n    email: kim@oyelaran.dev\n---\nMail ivo@brandt-ops.de or kim@oyelaran.dev.\n"
        );
        let agent = "---\nname: helper\ndescription: Helps. Use when help is needed.\nauthors:\n  - Eli Brandt <eli@brandt-ops.de>\n---\nMail eli@brandt-ops.de.\n\n**Author:** Ada Brandt <ada@brandt-ops.de>\n\n```\nAuthor: Bob Smith <bob.smith@brandt-ops.de>\n```\n\n## Maintainers\n\nLea (lea@brandt-ops.de)\n\n## Usage\n\nPing ada@brandt-ops.de, not dana.whitfield@fastmail.fm.\n";
        let files = [
            ("plugins/demo/skills/deploy/SKILL.md", skill.as_str()),
            ("plugins/demo/agents/helper.md", agent),
        ];
        // Git log output in a fence is no byline; an agent's byline
        // exempts its address in that file only.
        assert_eq!(
            emails_of(&files, Config::default()),
            [
                "plugins/demo/agents/helper.md:bob.smith@brandt-ops.de",
                "plugins/demo/agents/helper.md:dana.whitfield@fastmail.fm",
            ]
        );
    }

    #[test]
    fn secret_severity_follows_confidence() {
        let skill = format!(
            "---\nname: deploy\n{DESC}\n---\nexport GITHUB_TOKEN={}\nexport API_TOKEN=8d41bed440e50454f31af3176813e02e\n",
            concat!("ghp_", "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d")
        );
        let (_d, _l, diags) = run(
            &[("plugins/demo/skills/deploy/SKILL.md", skill.as_str())],
            Config::default(),
        );
        let hits = of_rule(&diags, &super::secret::RULE);
        let severities: Vec<_> = hits.iter().map(|d| d.severity).collect();
        use crate::rules::diag::Severity;
        assert_eq!(severities, [Severity::Error, Severity::Warning]);
        for d in hits {
            assert!(!d.message.contains("u8jzPde0"), "{}", d.message);
            assert!(!d.message.contains("bed440e5"), "{}", d.message);
        }
    }
}
