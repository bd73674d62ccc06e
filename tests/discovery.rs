#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Discovery from any root: every marketplace at any depth, skills in any
//! layout, `.claude/` beside plugins, existence by the file system, and a
//! file's findings independent of the path a run is given.

mod common;
use common::write;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// (rule, path, line, column, message) of each finding.
type Finding = (String, String, u64, u64, String);

fn findings(path: &Path) -> Vec<Finding> {
    let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(["check", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    let code = o.status.code().unwrap();
    assert!(
        code == 0 || code == 1,
        "{}: exit {code}\n{}",
        path.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(f: &[Finding], rule: &str, path: &str) -> bool {
    f.iter().any(|d| d.0 == rule && d.1 == path)
}

const MARKET: &str = r#"{ "name": "outer", "description": "Outer.", "owner": { "name": "O" },
  "plugins": [{ "name": "alpha", "source": "./plugins/alpha", "description": "Alpha. Skills: greet." }] }"#;

fn plugin(name: &str, skills: &str) -> String {
    format!(
        r#"{{ "name": "{name}", "version": "1.0.0", "description": "{name}. Skills: {skills}.", "author": {{ "name": "A" }} }}"#
    )
}

fn skill(name: &str, body: &str) -> String {
    format!(
        "---\nname: {name}\ndescription: Does {name} things. Use when {name} is asked for.\n---\n{body}\n"
    )
}

/// A repository of several layouts at once.
fn layouts(root: &Path) {
    std::fs::create_dir_all(root.join(".git")).unwrap();
    write(root, ".claude-plugin/marketplace.json", MARKET);
    write(
        root,
        "plugins/alpha/.claude-plugin/plugin.json",
        plugin("alpha", "greet"),
    );
    write(
        root,
        "plugins/alpha/skills/greet/SKILL.md",
        skill(
            "greet",
            "See [notes](references/notes.md) and [gone](references/gone.md).",
        ),
    );
    write(
        root,
        "plugins/alpha/skills/greet/references/notes.md",
        "# Notes\n",
    );
    // A nested marketplace: its sources resolve from its own root.
    write(
        root,
        "vendor/more/.claude-plugin/marketplace.json",
        r#"{ "name": "more", "description": "More.", "owner": { "name": "O" },
  "plugins": [{ "name": "beta", "source": "./plugins/beta", "description": "Beta. Skills: ." },
              { "name": "gamma", "source": "./plugins/gamma", "description": "Gamma." }] }"#,
    );
    write(
        root,
        "vendor/more/plugins/beta/.claude-plugin/plugin.json",
        plugin("beta", ""),
    );
    write(root, "vendor/more/plugins/beta/README.md", "Beta.\n");
    // Skills in a category layout, in no plugin.
    write(
        root,
        "skills/ops/deploy/SKILL.md",
        "---\nname: deploy\n---\nDeploys. See [x](missing.md).\n",
    );
    write(
        root,
        "skills/ops/rollback/SKILL.md",
        skill("rollback", "Use /deploy first."),
    );
    // A project beside the plugins.
    write(
        root,
        ".claude/agents/reviewer.md",
        "---\nname: reviewer\ndescription: Reviews.\nallowedTools: Read\n---\nReview.\n",
    );
    write(
        root,
        "README.md",
        "# Repo\n\nSee [alpha](plugins/alpha/).\n",
    );
}

#[test]
fn every_layout_is_seen_from_the_root() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    layouts(root);
    let f = findings(root);
    // The nested marketplace's missing source, resolved from its own root.
    assert!(
        f.iter().any(|d| d.0 == "MK022"
            && d.1 == "vendor/more/.claude-plugin/marketplace.json"
            && d.4.contains("vendor/more/plugins/gamma")),
        "{f:#?}"
    );
    assert!(
        !f.iter().any(|d| d.0 == "MK022" && d.4.contains("beta")),
        "{f:#?}"
    );
    // The category-layout skill gets the frontmatter and link checks.
    assert!(has(&f, "AS012", "skills/ops/deploy/SKILL.md"), "{f:#?}");
    assert!(has(&f, "XREF001", "skills/ops/deploy/SKILL.md"), "{f:#?}");
    // The project agent is checked although the repository ships plugins.
    assert!(has(&f, "AG019", ".claude/agents/reviewer.md"), "{f:#?}");
}

#[test]
fn a_git_ignored_file_still_exists() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    write(
        root,
        ".claude-plugin/plugin.json",
        r#"{ "name": "p", "version": "1.0.0", "description": "P.", "author": { "name": "A" }, "mcpServers": "./.mcp.json" }"#,
    );
    write(root, ".gitignore", ".mcp.json\n");
    write(root, ".mcp.json", r#"{ "mcpServers": {} }"#);
    let f = findings(root);
    assert!(!f.iter().any(|d| d.0 == "PP003"), "{f:#?}");
    std::fs::remove_file(root.join(".mcp.json")).unwrap();
    let f = findings(root);
    assert!(has(&f, "PP003", ".claude-plugin/plugin.json"), "{f:#?}");
}

/// Every file and folder of `root`, relative.
fn paths_below(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.file_name().is_some_and(|n| n == ".git") {
            continue;
        }
        out.push(
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
        );
        if p.is_dir() {
            paths_below(root, &p, out);
        }
    }
}

/// The property: for every file and folder of a tree, a run pointed at it
/// reports exactly the findings the run at the root reports in it.
fn same_findings_from_any_path(root: &Path) {
    let full = findings(root);
    let mut paths = Vec::new();
    paths_below(root, root, &mut paths);
    paths.sort();
    for rel in paths {
        let want: BTreeSet<&Finding> = full
            .iter()
            .filter(|d| d.1 == rel || d.1.starts_with(&format!("{rel}/")))
            .collect();
        let got = findings(&root.join(&rel));
        let got: BTreeSet<&Finding> = got.iter().collect();
        assert_eq!(got, want, "run on `{rel}`");
    }
}

#[test]
fn findings_do_not_depend_on_the_path_given() {
    let tmp = tempfile::tempdir().unwrap();
    layouts(tmp.path());
    same_findings_from_any_path(tmp.path());
}

#[test]
fn fixture_trees_report_the_same_from_any_path() {
    for name in ["defective", "warnings-only", "clean"] {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join(name);
        common::copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            &root,
        );
        same_findings_from_any_path(&root);
    }
}

#[test]
fn copies_of_plugins_are_left_out_and_noted_once() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    layouts(root);
    let before = findings(root);
    // Two dated copies of the whole plugins folder, and a Claude Code worktree.
    for copy in [
        "backups/2024-05-01",
        "backups/2024-06-01",
        ".claude/worktrees/try",
    ] {
        common::copy_dir(&root.join("plugins"), &root.join(copy).join("plugins"));
    }
    // A plugin whose name reads like a copy is still a plugin.
    write(
        root,
        "plugins/backup/.claude-plugin/plugin.json",
        plugin("backup", ""),
    );
    let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(["check", ".", "--format", "concise"])
        .current_dir(root)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.matches("note: left out").count(), 1, "{err}");
    assert!(
        err.contains("1 folder of copies by default: backups/"),
        "{err}"
    );
    let after = findings(root);
    assert!(
        !after
            .iter()
            .any(|d| d.1.contains("backups/") || d.1.contains("worktrees"))
    );
    assert!(
        has(&after, "MK032", "plugins/backup/.claude-plugin/plugin.json"),
        "{after:#?}"
    );
    assert_eq!(after.len(), before.len() + 1, "{after:#?}");
    // Pointed at, a copy is checked.
    let copy = findings(&root.join("backups/2024-05-01"));
    assert!(
        copy.iter().any(|d| d.1.starts_with("backups/2024-05-01/")),
        "{copy:#?}"
    );
}

#[test]
fn without_a_repository_the_tree_is_found_by_what_it_holds() {
    let tmp = tempfile::tempdir().unwrap();
    layouts(tmp.path());
    std::fs::remove_dir(tmp.path().join(".git")).unwrap();
    same_findings_from_any_path(tmp.path());
}

/// A path with `..` in it is the same path: the tree around it is found
/// from where it really is.
#[test]
fn a_path_through_dot_dot_is_the_same_path() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    layouts(root);
    let direct = findings(&root.join("skills/ops"));
    let o = Command::new(env!("CARGO_BIN_EXE_skillc"))
        .args(["check", "../skills/ops", "--format", "json"])
        .current_dir(root.join("plugins"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), direct.len());
    assert!(!direct.is_empty());
}
