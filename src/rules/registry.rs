//! The registry: every check and the rules it emits, listed once.

use super::RuleMeta;
use super::{
    build, directory, files, frontmatter, hooks, manifest, phase, redaction, servers, shell, xref,
};
use std::sync::LazyLock;

/// Every check, in a fixed order.
/// Every rule, family by family: each family's `declare_family!` list.
pub static FAMILIES: &[&[&RuleMeta]] = &[
    files::RULES,
    manifest::RULES,
    frontmatter::RULES,
    xref::RULES,
    phase::RULES,
    shell::RULES,
    redaction::RULES,
    build::RULES,
    hooks::RULES,
    servers::RULES,
    directory::RULES,
];

static RULES: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| {
    let mut v: Vec<&'static RuleMeta> = FAMILIES.iter().flat_map(|f| f.iter().copied()).collect();
    v.sort_by(|a, b| sort_key(a.id).cmp(&sort_key(b.id)));
    v
});

/// `XREF004` → ("XREF", 4), so ids sort by family then number.
fn sort_key(id: &str) -> (&str, u32) {
    let split = id.find(|c: char| c.is_ascii_digit()).unwrap_or(id.len());
    (&id[..split], id[split..].parse().unwrap_or(0))
}

/// Every rule, sorted by id.
pub fn rules() -> &'static [&'static RuleMeta] {
    &RULES
}

/// Rules that say more about a defect another rule also reports, as
/// (specific, general): where both report overlapping spans of one file,
/// only the specific finding stands (a literal token in an MCP server's
/// `env` is MC013's, with the `userConfig` fix, not also RD006's).
pub const SUPERSEDES: &[(&str, &str)] = &[("MC013", "RD006")];

/// Drop the general findings a specific one covers ([`SUPERSEDES`]).
pub fn drop_superseded(diags: &mut Vec<super::diag::Diagnostic>) {
    let specific: Vec<_> = diags
        .iter()
        .filter_map(|d| {
            let (_, general) = SUPERSEDES.iter().find(|(s, _)| *s == d.rule.id)?;
            Some((*general, d.file(), d.span()))
        })
        .collect();
    if specific.is_empty() {
        return;
    }
    diags.retain(|d| {
        !specific.iter().any(|(general, file, span)| {
            d.rule.id == *general
                && d.file() == *file
                && d.span().start < span.end
                && span.start < d.span().end
        })
    });
}

/// Find a rule by id (any case) or name.
pub fn find(key: &str) -> Option<&'static RuleMeta> {
    rules()
        .iter()
        .copied()
        .find(|r| r.id.eq_ignore_ascii_case(key) || r.name == key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::testing::{check_listing_for, of_rule, render};
    use std::collections::BTreeSet;

    #[test]
    fn ids_and_names_are_unique() {
        let mut ids = BTreeSet::new();
        let mut names = BTreeSet::new();
        for r in rules() {
            assert!(ids.insert(r.id), "duplicate id {}", r.id);
            assert!(names.insert(r.name), "duplicate name {}", r.name);
            assert!(
                crate::regex!(r"^[A-Z]+[0-9]{3}$").is_match(r.id),
                "bad id {}",
                r.id
            );
            assert!(
                crate::regex!(r"^[a-z0-9]+(-[a-z0-9]+)*$").is_match(r.name),
                "bad name {}",
                r.name
            );
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for r in rules() {
            let docs = r.docs();
            assert!(!r.summary().is_empty(), "{} has no summary", r.id);
            for section in [
                "## What it does",
                "## Why it matters",
                "## Example",
                "## Use instead",
            ] {
                assert!(docs.contains(section), "{} lacks `{section}`", r.id);
            }
        }
    }

    #[test]
    fn rule_table_snapshot() {
        let table: Vec<String> = rules()
            .iter()
            .map(|r| {
                format!(
                    "{:<8} {:<36} {:<12} {}",
                    r.id,
                    r.name,
                    r.family.as_str(),
                    r.severity.as_str()
                )
            })
            .collect();
        insta::assert_snapshot!("rule_table", table.join("\n"));
    }

    /// Each rule's documented Example fires it, its Use instead stays silent,
    /// and the rendered diagnostics are pinned by a snapshot.
    #[test]
    fn doc_examples_fire_and_fixes_are_silent() {
        let mut failures = Vec::new();
        for r in rules() {
            let (Some(example), Some(fixed)) = (
                r.doc_section_code("Example"),
                r.doc_section_code("Use instead"),
            ) else {
                continue;
            };
            // A rule off by default (a profile's) runs as if selected.
            let (_d, loaded, diags) = check_listing_for(r, &example);
            let hits = of_rule(&diags, r);
            if hits.is_empty() {
                failures.push(format!(
                    "{}: Example does not fire; got {:?}",
                    r.id,
                    diags.iter().map(|d| d.rule.id).collect::<Vec<_>>()
                ));
            } else {
                // `skillc rules` says which rules fix: it must agree with
                // what their findings carry.
                if hits.iter().any(|d| d.fixable()) && !r.fixable {
                    failures.push(format!(
                        "{}: its findings carry a fix; declare `fix: true`",
                        r.id
                    ));
                }
                let owned: Vec<_> = hits.into_iter().cloned().collect();
                insta::assert_snapshot!(r.id, render(&loaded, &owned));
            }
            let (_d2, _l2, diags2) = check_listing_for(r, &fixed);
            let hits2 = of_rule(&diags2, r);
            if !hits2.is_empty() {
                failures.push(format!(
                    "{}: Use instead fires: {:?}",
                    r.id,
                    hits2.iter().map(|d| &d.message).collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }

    /// Every rule has a rendered snapshot somewhere under `src/`.
    #[test]
    fn superseded_pairs_name_real_rules() {
        for (specific, general) in super::SUPERSEDES {
            for id in [specific, general] {
                assert!(rules().iter().any(|r| r.id == *id), "{id} is not a rule");
            }
        }
    }

    #[test]
    fn every_rule_has_a_snapshot() {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if let Some(n) = p.file_name().and_then(|n| n.to_str()) {
                    out.push(n.to_string());
                }
            }
        }
        let mut names = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        walk(&root.join("src"), &mut names);
        walk(&root.join("tests/snapshots"), &mut names);
        let missing: Vec<&str> = rules()
            .iter()
            .filter(|r| {
                !names
                    .iter()
                    .any(|n| n.ends_with(&format!("__{}.snap", r.id)))
            })
            .map(|r| r.id)
            .collect();
        assert!(missing.is_empty(), "rules without a snapshot: {missing:?}");
    }

    /// Each rule is declared in a file named after it, in its family's
    /// folder (`broken-link` in `rules/xref/broken_link.rs`).
    #[test]
    fn every_rule_lives_in_a_file_named_after_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut wrong = Vec::new();
        for r in rules() {
            let file = r.name.replace('-', "_");
            let path: Vec<&str> = r.module.split("::").collect();
            let ok = path.len() == 4
                && path[..2] == ["skillc", "rules"]
                && path[3] == file
                && root
                    .join(format!("src/rules/{}/{file}.rs", path[2]))
                    .is_file();
            if !ok {
                wrong.push(format!("{} ({}) is declared in {}", r.id, r.name, r.module));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    /// Every check reports only its own rule: each is run alone over every
    /// fixture tree, this repository's marketplace and every rule's
    /// documented trees. (A check that reported another rule's finding
    /// would show it even with that rule off, and hide it when only its
    /// own rule is off.)
    #[test]
    fn every_check_reports_only_its_own_rule() {
        use crate::engine::testing::{parse_tree, scaffold, write_tree};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut trees: Vec<tempfile::TempDir> = Vec::new();
        for r in rules() {
            for section in ["Example", "Use instead"] {
                if let Some(listing) = r.doc_section_code(section) {
                    let (mut files, scaffold_on) = parse_tree(&listing);
                    if scaffold_on {
                        scaffold(&mut files);
                    }
                    let dir = tempfile::tempdir().unwrap();
                    write_tree(dir.path(), &files);
                    trees.push(dir);
                }
            }
        }
        let mut roots: Vec<std::path::PathBuf> =
            ["clean", "defective", "warnings-only", "bad-config"]
                .iter()
                .map(|f| root.join("tests/fixtures").join(f))
                .collect();
        roots.push(root.join("plugins"));
        roots.extend(trees.iter().map(|t| t.path().to_path_buf()));
        let session = crate::engine::Session::default();
        let mut wrong = BTreeSet::new();
        let mut reported = 0;
        for tree in &roots {
            let loaded = session.load(tree).unwrap();
            let cx = crate::engine::run::context(&session, &loaded);
            let unused = [];
            let late = crate::rules::Late { unused: &unused };
            for r in rules() {
                let mut out = Vec::new();
                match r.check {
                    crate::rules::Check::Model(check) => check(&cx, &mut out),
                    crate::rules::Check::Late(check) => check(&cx, &late, &mut out),
                }
                reported += out.len();
                for d in out.iter().filter(|d| d.rule.id != r.id) {
                    wrong.insert(format!("{}'s check reported {}", r.id, d.rule.id));
                }
            }
        }
        assert!(reported > 0, "the trees exercise no check");
        assert!(
            wrong.is_empty(),
            "\n{}",
            wrong.into_iter().collect::<Vec<_>>().join("\n")
        );
    }

    /// Rules whose examples cannot be written as a tree (encodings, sizes,
    /// symlinks) are tested in their own modules.
    #[test]
    fn rules_without_tree_examples_are_known() {
        let untested: Vec<&str> = rules()
            .iter()
            .filter(|r| r.doc_section_code("Example").is_none())
            .map(|r| r.id)
            .collect();
        assert_eq!(
            untested,
            [
                "AS013", "GEN004", "GEN005", "GEN008", "GEN009", "PJ040", "RD008", "SH010",
                "SK007", "SK019"
            ]
        );
    }
}
