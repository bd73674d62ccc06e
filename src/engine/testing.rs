#![cfg(test)]
//! Test support: build a tree on disk from `(path, text)` pairs, load it, run
//! the checks, render diagnostics. Examples in rule docs are trees written as
//! `==> path <==` sections; a minimal valid marketplace is added around them.

use crate::engine::config::Config;
use crate::model::build::Loaded;
use crate::report::{self, Format, HumanOptions};
use crate::rules::RuleMeta;
use crate::rules::diag::{Diagnostic, Summary};
use std::collections::BTreeSet;
use std::path::Path;

/// Split a `==> path <==` listing into files. A `==> (no scaffold) <==`
/// line turns off the generated manifests.
pub fn parse_tree(listing: &str) -> (Vec<(String, String)>, bool) {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut scaffold = true;
    for line in listing.split_inclusive('\n') {
        let t = line.trim_end();
        if let Some(path) = t.strip_prefix("==> ").and_then(|r| r.strip_suffix(" <==")) {
            if path == "(no scaffold)" {
                scaffold = false;
            } else {
                files.push((path.to_string(), String::new()));
            }
        } else if let Some((_, text)) = files.last_mut() {
            text.push_str(line);
        }
    }
    (files, scaffold)
}

/// Add a marketplace.json and plugin.json files where the tree lacks them.
pub fn scaffold(files: &mut Vec<(String, String)>) {
    let has = |files: &Vec<(String, String)>, p: &str| files.iter().any(|(f, _)| f == p);
    let mut plugins: BTreeSet<String> = BTreeSet::new();
    for (f, _) in files.iter() {
        if let Some(rest) = f.strip_prefix("plugins/")
            && let Some((name, _)) = rest.split_once('/')
        {
            plugins.insert(name.to_string());
        }
    }
    let skills_of = |files: &Vec<(String, String)>, p: &str| -> Vec<String> {
        let prefix = format!("plugins/{p}/skills/");
        let mut v: Vec<String> = files
            .iter()
            .filter_map(|(f, _)| {
                f.strip_prefix(&prefix)?
                    .strip_suffix("/SKILL.md")
                    .map(str::to_string)
            })
            .collect();
        v.sort();
        v
    };
    for p in &plugins {
        let path = format!("plugins/{p}/.claude-plugin/plugin.json");
        if !has(files, &path) {
            let skills = skills_of(files, p);
            let desc = format!("The {p} plugin. Skills: {}.", skills.join(", "));
            files.push((
                path,
                format!(
                    "{{\n  \"name\": \"{p}\",\n  \"version\": \"1.0.0\",\n  \"description\": \"{desc}\",\n  \"author\": {{ \"name\": \"Example Author\" }}\n}}\n"
                ),
            ));
        }
    }
    if !has(files, ".claude-plugin/marketplace.json") && !plugins.is_empty() {
        let entries: Vec<String> = plugins
            .iter()
            .map(|p| {
                let skills = skills_of(files, p);
                format!(
                    "    {{\n      \"name\": \"{p}\",\n      \"source\": \"./plugins/{p}\",\n      \"description\": \"The {p} plugin. Skills: {}.\"\n    }}",
                    skills.join(", ")
                )
            })
            .collect();
        files.push((
            ".claude-plugin/marketplace.json".into(),
            format!(
                "{{\n  \"name\": \"demo-marketplace\",\n  \"description\": \"A demo marketplace.\",\n  \"owner\": {{ \"name\": \"Example Owner\" }},\n  \"plugins\": [\n{}\n  ]\n}}\n",
                entries.join(",\n")
            ),
        ));
    }
}

/// Write `files` under `dir`.
pub fn write_tree(dir: &Path, files: &[(String, String)]) {
    for (path, text) in files {
        let p = dir.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, text).unwrap();
    }
}

/// Write a listing (scaffolded) to a new temporary directory.
pub fn write_listing(listing: &str) -> tempfile::TempDir {
    let (mut files, scaffold_on) = parse_tree(listing);
    if scaffold_on {
        scaffold(&mut files);
    }
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path(), &files);
    dir
}

/// Load a listing (scaffolded) and run every check.
pub fn check_listing(listing: &str) -> (tempfile::TempDir, Loaded, Vec<Diagnostic>) {
    check_dir(write_listing(listing))
}

/// Load a listing (scaffolded) and run every check, with `rule` on even
/// when it is off by default (a profile's rule).
pub fn check_listing_for(
    rule: &RuleMeta,
    listing: &str,
) -> (tempfile::TempDir, Loaded, Vec<Diagnostic>) {
    match rule.family.profile() {
        Some(p) => check_listing_profile(listing, p),
        None => check_listing(listing),
    }
}

/// Load a listing (scaffolded) and run every check with `profile` on.
pub fn check_listing_profile(
    listing: &str,
    profile: crate::rules::Profile,
) -> (tempfile::TempDir, Loaded, Vec<Diagnostic>) {
    let mut config = Config::default();
    config.shell.context = crate::parse::shell::policy::ContextPolicy::Strict;
    config.profile = Some(profile);
    let dir = write_listing(listing);
    let (loaded, diags) = check_with(dir.path(), config);
    (dir, loaded, diags)
}

pub fn check_files(files: &[(String, String)]) -> (tempfile::TempDir, Loaded, Vec<Diagnostic>) {
    let dir = tempfile::tempdir().unwrap();
    write_tree(dir.path(), files);
    check_dir(dir)
}

/// Load the tree in `dir` and run every check, with the default config
/// but the strict context policy: a test tree is too small to learn the
/// house policy from, and the rules' detection is what these tests check
/// (the policy has tests of its own).
fn check_dir(dir: tempfile::TempDir) -> (tempfile::TempDir, Loaded, Vec<Diagnostic>) {
    let mut config = Config::default();
    config.shell.context = crate::parse::shell::policy::ContextPolicy::Strict;
    let (loaded, diags) = check_with(dir.path(), config);
    (dir, loaded, diags)
}

/// Load the tree at `root` and run every check with `config`.
pub fn check_with(root: &Path, config: Config) -> (Loaded, Vec<Diagnostic>) {
    let session = crate::engine::Session::new(config);
    let loaded = session.load(root).unwrap();
    let diags = session.check(&loaded);
    (loaded, diags)
}

/// Diagnostics of one rule only.
pub fn of_rule<'a>(diags: &'a [Diagnostic], rule: &RuleMeta) -> Vec<&'a Diagnostic> {
    diags.iter().filter(|d| d.rule.id == rule.id).collect()
}

/// Render diagnostics graphically (no colour, fixed width) and concisely.
pub fn render(loaded: &Loaded, diags: &[Diagnostic]) -> String {
    let owned: Vec<Diagnostic> = diags.to_vec();
    let summary = Summary::of(&owned, loaded.db.len());
    let opts = HumanOptions {
        color: false,
        width: 100,
    };
    let paths = report::Paths::as_loaded();
    let human = report::render(Format::Human, &owned, &loaded.db, summary, opts, &paths);
    let concise = report::render(Format::Concise, &owned, &loaded.db, summary, opts, &paths);
    format!("{human}\n{concise}")
}
