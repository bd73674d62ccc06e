//! The `generated-file-drift` rule (BLD007).

use crate::declare_rule;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};
use std::collections::BTreeMap;

declare_rule! {
    /// A generated file differs from what its source renders.
    ///
    /// ## What it does
    /// Renders every source and compares SKILL.md, the phase scripts,
    /// plugin.json and the marketplace's plugin entries with the files on
    /// disk. One finding per source (a skill.yaml, a plugin.yaml) lists every
    /// file of it that differs, is missing, or is a stale
    /// `scripts/phase-*.sh` no phase renders any more; a plugin's
    /// marketplace entry is listed with its plugin.yaml. A marketplace.json
    /// whose plugin entries are current but whose text is not (formatting,
    /// key order) is a finding of its own. `--fix` runs the build.
    ///
    /// ## Why it matters
    /// Someone edited the generated file, or changed the source without
    /// rebuilding: the two disagree and the next build silently reverts one.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/skill.yaml <==
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// title: Deploy
    /// phases:
    ///   - id: check
    ///     title: Check
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// # Deploy (edited by hand)
    /// ```
    ///
    /// ## Use instead
    /// Run `skillc build` (or `skillc check --fix`) after changing a source,
    /// and commit what it writes. Change the source, never a generated file.
    pub static RULE = { id: "BLD007", name: "generated-file-drift", family: Build, severity: Error, fix: true, check: check }
}

/// What is wrong with one generated file.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum State {
    Differs,
    Missing,
    Stale,
}

impl State {
    fn as_str(self) -> &'static str {
        match self {
            State::Differs => "differs",
            State::Missing => "missing",
            State::Stale => "stale",
        }
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(compiled) = super::compiled(cx) else {
        return;
    };
    // By source: what of it is out of date.
    let mut by_source: BTreeMap<FileId, Vec<(String, State)>> = BTreeMap::new();
    let mut note = |source: FileId, path: &str, state: State| {
        // Under the source's directory: relative to it.
        let dir = crate::source::parent(cx.db.path(source));
        let shown = path
            .strip_prefix(dir)
            .and_then(|p| p.strip_prefix('/'))
            .filter(|_| !dir.is_empty())
            .unwrap_or(path);
        by_source
            .entry(source)
            .or_default()
            .push((shown.to_string(), state));
    };
    for r in &compiled.files {
        let current = cx.db.find(&r.path).map(|id| cx.db.text(id));
        if current == Some(r.text.as_str()) {
            continue;
        }
        let state = if current.is_none() {
            State::Missing
        } else {
            State::Differs
        };
        // The marketplace: its entries go with their plugin.yaml.
        let marketplace = cx.db.path(r.source) == r.path;
        if marketplace && !compiled.entries.is_empty() {
            for e in &compiled.entries {
                let state = if e.missing {
                    State::Missing
                } else {
                    State::Differs
                };
                let entry = format!("marketplace entry `{}`", e.name);
                note(e.source, &entry, state);
            }
        } else {
            note(r.source, &r.path, state);
        }
    }
    for (path, source) in &compiled.stale {
        note(*source, path, State::Stale);
    }
    for (source, mut items) in by_source {
        items.sort();
        items.dedup();
        let n = items.len();
        let list: Vec<String> = items
            .iter()
            .map(|(p, s)| format!("{p} ({})", s.as_str()))
            .collect();
        let path = cx.db.path(source);
        let name = path.rsplit('/').next().unwrap_or(path);
        let help = if name.ends_with(".yaml") {
            format!("run `skillc build` and commit the result; change {name}, not the files it generates")
        } else {
            format!("run `skillc build` and commit the result; it rewrites the plugin entries of {name} from the plugin.yaml files")
        };
        let (s, verb) = if n == 1 { ("", "is") } else { ("s", "are") };
        out.push(
            Diagnostic::new(
                &RULE,
                source,
                start_of(cx, source),
                format!("{n} generated file{s} {verb} out of date: {}", list.join(", ")),
            )
            .help(help),
        );
    }
}

/// Where a drift finding points: the first key of a source, the start of
/// any other file.
fn start_of(cx: &Context<'_>, file: FileId) -> Span {
    let p = cx.project;
    let root = p
        .skill_sources
        .iter()
        .find(|s| s.file == file)
        .and_then(|s| s.root())
        .or_else(|| {
            p.plugin_sources
                .iter()
                .find(|s| s.file == file)
                .and_then(|s| s.root())
        });
    let at = root.map_or(0, |r| r.span.start as usize);
    Span::empty(at)
}
