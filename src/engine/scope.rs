//! Narrowing a check to what changed: `check --files F…` (pre-commit) and
//! `check --since REF` (pull requests).
//!
//! Names resolve against the whole tree, and the report is a full run's
//! narrowed to the changes (`load` reads and parses only what that report can
//! depend on). A finding is kept when
//! - its file, or a file it points at, changed; or
//! - it comes from a cross-file rule (manifest, cross-reference, phase,
//!   build) and its plugin holds a changed or deleted file; or
//! - it is a cross-reference finding and a file that defines names changed
//!   (SKILL.md, a command or agent, a manifest or typed source): a rename
//!   there can break mentions anywhere in the tree.

use crate::model::Project;
use crate::model::focus::{Base, defines_names, in_dir, owner};
use crate::rules::diag::Diagnostic;
use crate::rules::{Family, Reach};
use crate::source::SourceDb;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

/// What changed, as paths relative to the checked root (`/`-separated).
#[derive(Debug, Default, Clone)]
pub struct Changes {
    pub files: BTreeSet<String>,
    /// With `--since`: the base commit and, per plugin directory that existed
    /// there, the version it had (`None`: no version).
    pub base: Option<Base>,
}

impl Changes {
    /// Root-relative paths of `files` (given relative to the working directory).
    /// A directory stands for every file below it (`.git` aside; symlinks are
    /// not followed). Files outside the root are dropped: they cannot affect it.
    pub fn from_files(root: &Path, files: &[std::path::PathBuf]) -> Changes {
        let mut expanded = Vec::new();
        for f in files {
            files_below(f, 0, &mut expanded);
        }
        Changes {
            files: expanded
                .iter()
                .filter_map(|f| crate::source::fs::path_in_tree(root, f))
                .collect(),
            base: None,
        }
    }

    /// Files the index changes against `HEAD` (what a commit would record):
    /// added, modified, deleted and both sides of a rename, relative to
    /// `root`. Before the first commit, every staged file.
    pub fn staged(root: &Path) -> Result<BTreeSet<String>, String> {
        let out = git(
            root,
            &[
                "diff",
                "--cached",
                "--name-only",
                "--no-renames",
                "-z",
                "--relative",
            ],
        )
        .map_err(|e| format!("--staged reads the index with git: {e}"))?;
        Ok(nul_separated(&out).collect())
    }

    /// Files changed between the merge base of `rev` and `HEAD` and the
    /// working tree (staged, unstaged and untracked): (merge base, files).
    pub fn changed_since(root: &Path, rev: &str) -> Result<(String, BTreeSet<String>), String> {
        let base = git(root, &["merge-base", rev, "HEAD"]).map_err(|e| {
            let shallow = git(root, &["rev-parse", "--is-shallow-repository"])
                .is_ok_and(|o| o.starts_with(b"true"));
            let known = git(
                root,
                &[
                    "rev-parse",
                    "--verify",
                    "--quiet",
                    &format!("{rev}^{{commit}}"),
                ],
            )
            .is_ok();
            let (what, fetch, or) = if shallow || known {
                let clone = if shallow {
                    " (this is a shallow clone)"
                } else {
                    ""
                };
                (
                    format!("the history between `{rev}` and HEAD is not here{clone}"),
                    "`git fetch --unshallow` or `git fetch origin`",
                    "",
                )
            } else {
                (
                    format!("`{rev}` is not a revision here"),
                    "`git fetch origin`",
                    " or name another",
                )
            };
            let hint = format!(
                "{what}; fetch it (GitHub Actions: `actions/checkout` with \
                 `fetch-depth: 0`; elsewhere: {fetch}){or}"
            );
            format!("--since {rev}: no merge base with HEAD: {e}\n  help: {hint}")
        })?;
        let commit = String::from_utf8_lossy(&base).trim().to_string();
        let mut files = BTreeSet::new();
        for args in [
            &[
                "diff",
                "--name-only",
                "--no-renames",
                "-z",
                "--relative",
                &commit,
            ][..],
            &["ls-files", "--others", "--exclude-standard", "-z"][..],
        ] {
            files.extend(nul_separated(&git(root, args)?));
        }
        Ok((commit, files))
    }

    /// The change set of `--since`, with plugin versions at the merge base.
    pub fn since(
        root: &Path,
        rev: &str,
        commit: String,
        files: BTreeSet<String>,
        project: &Project,
    ) -> Changes {
        let mut versions = BTreeMap::new();
        let entry_versions: BTreeMap<String, String> = git(
            root,
            &[
                "show",
                &format!("{commit}:./.claude-plugin/marketplace.json"),
            ],
        )
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .and_then(|v| v.get("plugins")?.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|e| {
            Some((
                e.get("name")?.as_str()?.to_string(),
                e.get("version")?.as_str()?.to_string(),
            ))
        })
        .collect();
        for p in project.plugins.iter().filter(|p| !p.synthetic) {
            if !files.iter().any(|f| in_dir(f, &p.dir)) {
                continue;
            }
            let manifest = crate::source::join(&p.dir, ".claude-plugin/plugin.json")
                .unwrap_or_else(|| ".claude-plugin/plugin.json".into());
            let Ok(bytes) = git(root, &["show", &format!("{commit}:./{manifest}")]) else {
                continue; // new plugin: nothing to bump from
            };
            let pj = serde_json::from_slice::<serde_json::Value>(&bytes).ok();
            let name = pj
                .as_ref()
                .and_then(|v| v.get("name")?.as_str().map(str::to_string))
                .unwrap_or_else(|| p.name.clone());
            let version = pj
                .as_ref()
                .and_then(|v| v.get("version")?.as_str().map(str::to_string))
                .or_else(|| entry_versions.get(&name).cloned());
            versions.insert(p.dir.clone(), version);
        }
        Changes {
            files,
            base: Some(Base {
                rev: rev.to_string(),
                commit,
                versions,
            }),
        }
    }

    /// Whether `d` is reported under this change set.
    pub fn keeps(&self, d: &Diagnostic, db: &SourceDb, project: &Project) -> bool {
        if d.rule.reach == Reach::Change
            || d.labels
                .iter()
                .any(|l| self.files.contains(db.path(l.file)))
        {
            return true;
        }
        // A finding about its own file only is kept when that file changed.
        if d.rule.reach == Reach::File {
            return false;
        }
        if d.rule.family == Family::Xref && self.files.iter().any(|f| defines_names(f)) {
            return true;
        }
        let path = db.path(d.file());
        let dir = owner(project, path).or_else(|| {
            // In marketplace.json: the plugin of the entry the finding is in.
            let at = d.span();
            project
                .entries
                .iter()
                .find(|e| e.file == d.file() && e.span.start <= at.start && at.end <= e.span.end)?
                .dir
                .as_deref()
        });
        dir.is_some_and(|dir| self.files.iter().any(|f| in_dir(f, dir)))
    }
}

/// The paths in git's `-z` output.
fn nul_separated(out: &[u8]) -> impl Iterator<Item = String> + '_ {
    out.split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
}

/// `path`, or the files below it when it is a directory.
fn files_below(path: &Path, depth: usize, out: &mut Vec<std::path::PathBuf>) {
    let is_dir = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    if !is_dir {
        out.push(path.to_path_buf());
        return;
    }
    if depth > 64 || path.file_name().is_some_and(|n| n == ".git") {
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    let mut children: Vec<std::path::PathBuf> = entries.flatten().map(|e| e.path()).collect();
    children.sort();
    for c in children {
        files_below(&c, depth + 1, out);
    }
}

/// Run git in `root`; its stdout, or what went wrong.
fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| format!("--since needs git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`git {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

/// For tests of narrowing: what `--files PATH` reports on the tree at `root`,
/// and what the full run (`full`, which found `all`) reports narrowed to the
/// same change, each as one line per finding. They must be equal.
#[doc(hidden)]
pub fn narrowed_and_full(
    root: &Path,
    full: &crate::model::build::Loaded,
    all: &[Diagnostic],
    path: &str,
) -> Result<(Vec<String>, Vec<String>), crate::model::build::LoadError> {
    let render = |l: &crate::model::build::Loaded, ds: &mut dyn Iterator<Item = &Diagnostic>| {
        ds.map(|d| {
            format!(
                "{} {} {:?} {}",
                d.rule.id,
                l.db.path(d.file()),
                d.span(),
                d.message
            )
        })
        .collect::<Vec<String>>()
    };
    let changes = Changes {
        files: [path.to_string()].into_iter().collect(),
        base: None,
    };
    let mut session = crate::engine::Session::default();
    session.options.focus = Some([path.to_string()].into_iter().collect());
    let narrowed = session.load(root)?;
    let got = session.check(&narrowed);
    Ok((
        render(
            &narrowed,
            &mut got
                .iter()
                .filter(|d| changes.keeps(d, &narrowed.db, &narrowed.project)),
        ),
        render(
            full,
            &mut all
                .iter()
                .filter(|d| changes.keeps(d, &full.db, &full.project)),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirs_and_names() {
        assert!(in_dir("plugins/a/x.md", "plugins/a"));
        assert!(!in_dir("plugins/ab/x.md", "plugins/a"));
        assert!(in_dir("x.md", ""));
        assert!(defines_names("plugins/a/skills/s/SKILL.md"));
        assert!(defines_names("plugins/a/commands/go.md"));
        assert!(!defines_names("plugins/a/skills/s/references/x.md"));
    }

    /// Skipping file-local work outside the changed files (`focus`) reports
    /// exactly what a full run narrowed to those files reports.
    #[test]
    fn focus_changes_nothing_reported() {
        use crate::engine::testing::scaffold;
        let skill = |name: &str, body: &str| {
            (
                format!("plugins/demo/skills/{name}/SKILL.md"),
                format!(
                    "---\nname: {name}\ndescription: Works on {name}. Use when {name} is needed.\n---\n# {name}\n\n{body}"
                ),
            )
        };
        let mut files = vec![
            skill(
                "deploy",
                "```bash\nkubectl apply -f app.yaml\n```\n\nHost 10.1.2.3 and [gone](references/gone.md), then /demo:rolback.\n",
            ),
            skill(
                "rollback",
                "```bash\nhelm rollback app\nfor f in $(ls); do echo $f; done\n```\n\nPhase 3 is next. See [x](references/x.md#nope).\n",
            ),
            (
                "plugins/demo/skills/rollback/references/x.md".into(),
                "# X\n\nssh admin@db.corp.internal\n".into(),
            ),
            // A reference (its body is parsed only in a narrowed run that
            // changes it or its plugin) whose findings depend on another
            // plugin's bodies: an anchor there, and that skill's phases.
            (
                "plugins/demo/skills/deploy/references/steps.md".into(),
                "# Steps\n\n## Phase 1 — Prepare\n\nRead [the guide](../../../../other/GUIDE.md#setup), not [this](../../../../other/GUIDE.md#nothing).\n\nAs in upgrade Phase 9, stop.\n".into(),
            ),
            (
                "plugins/other/GUIDE.md".into(),
                "# Guide\n\n## Setup\n\nInstall it.\n".into(),
            ),
            // A phase finding in another plugin: skipped, not just dropped,
            // when nothing there changed.
            (
                "plugins/other/skills/upgrade/SKILL.md".into(),
                "---\nname: upgrade\ndescription: Upgrades. Use when upgrading.\n---\n# upgrade\n\n## Phase 1 — Start\n\nThen go to Phase 4.\n\n## Phase 1 — Again\n\n## STOP GATE 1 — approve\n\nWait at STOP GATE 2.\n".into(),
            ),
            (
                "plugins/other/skills/upgrade/references/notes.md".into(),
                "# Notes\n\nAfter Phase 7, stop.\n".into(),
            ),
        ];
        scaffold(&mut files);
        let all = narrowing_changes_nothing(&files);
        assert!(
            all.len() >= 6,
            "{:?}",
            all.iter().map(|d| d.rule.id).collect::<Vec<_>>()
        );
        assert_eq!(all.iter().filter(|d| d.rule.id == "PH003").count(), 3);
        assert!(
            all.iter()
                .any(|d| d.rule.id == "PH003" && d.message.contains("skill `upgrade`"))
        );
        assert_eq!(
            all.iter()
                .filter(|d| d.rule.id == "XREF002" && d.message.contains("GUIDE.md"))
                .count(),
            1
        );
        let phase_rules: std::collections::BTreeSet<&str> = all
            .iter()
            .filter(|d| d.rule.id.starts_with("PH"))
            .map(|d| d.rule.id)
            .collect();
        assert!(phase_rules.len() >= 3, "{phase_rules:?}");
    }

    /// For each file of the tree `files` as the only change: a narrowed run
    /// reports exactly what the full run narrowed to that change reports.
    /// Returns the full run's findings.
    fn narrowing_changes_nothing(files: &[(String, String)]) -> Vec<Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        crate::engine::testing::write_tree(dir.path(), files);
        let session = crate::engine::Session::default();
        let full = session.load(dir.path()).unwrap();
        let all = session.check(&full);
        for (path, _) in files {
            let (narrowed, expected) = narrowed_and_full(dir.path(), &full, &all, path).unwrap();
            assert_eq!(narrowed, expected, "{path}");
        }
        all
    }

    /// Hook commands (frontmatter ones included) and the scripts hooks run,
    /// wherever they lie: a narrowed run reports what the full run does.
    #[test]
    fn focus_on_hooks_and_the_scripts_they_run() {
        let (files, _) = crate::engine::testing::parse_tree(
            r##"==> .claude-plugin/marketplace.json <==
{ "name": "m", "owner": { "name": "A" }, "plugins": [ { "name": "demo", "source": "./plugins/demo", "description": "The demo plugin." } ] }
==> plugins/demo/.claude-plugin/plugin.json <==
{ "name": "demo", "version": "1.0.0", "description": "The demo plugin.", "author": { "name": "A" } }
==> plugins/demo/hooks/hooks.json <==
{ "hooks": { "Stop": [ { "hooks": [ { "type": "command", "command": "echo \"\u00e9\"; kubectl apply -f x" }, { "type": "command", "command": "\"${CLAUDE_PLUGIN_ROOT}\"/tools/check" } ] } ] } }
==> plugins/demo/tools/check <==
#!/bin/bash
kubectl delete ns x
==> plugins/demo/tools/x.sh <==
#!/bin/sh
helm uninstall x
==> plugins/demo/agents/a.md <==
---
name: a
description: Does a. Use when a is needed.
hooks:
  Stop:
    - hooks:
        - type: command
          command: sh "${CLAUDE_PLUGIN_ROOT}/tools/x.sh"
---
Body.
==> plugins/demo/skills/s/SKILL.md <==
---
name: s
description: Does s. Use when s is needed.
hooks:
  Stop:
    - hooks:
        - type: command
          command: "echo \"\u00e9\" ; kubectl apply -f quoted"
---
Body.
"##,
        );
        let all = narrowing_changes_nothing(&files);
        let sh001: Vec<&str> = all
            .iter()
            .filter(|d| d.rule.id == "SH001")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(sh001.len(), 4, "{sh001:?}");
    }

    /// A plugin at the root of the tree: the changed file's own skill is
    /// read in full even though no plugin directory holds the change.
    #[test]
    fn focus_in_a_root_plugin() {
        let files: Vec<(String, String)> = vec![
            (
                ".claude-plugin/plugin.json".into(),
                r#"{"name": "solo", "description": "The solo plugin. Skills: deploy."}"#.into(),
            ),
            (
                "skills/deploy/SKILL.md".into(),
                "---\nname: deploy\ndescription: Deploys. Use when deploying.\n---\n# deploy\n\n## Phase 1 — Plan\n\n## STOP GATE 1 — approve\n\n```text\nSTOP GATE 2\n```\n".into(),
            ),
            (
                "skills/deploy/references/steps.md".into(),
                "# Steps\n\nAfter Phase 1 comes Phase 4. Wait at STOP GATE 2.\n".into(),
            ),
        ];
        let all = narrowing_changes_nothing(&files);
        let ids: Vec<&str> = all.iter().map(|d| d.rule.id).collect();
        assert!(ids.contains(&"PH003") && ids.contains(&"PH006"), "{ids:?}");
    }
}
