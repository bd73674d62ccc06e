//! The `file-too-large` rule (GEN004).

use crate::declare_rule;
use crate::model::build::MAX_MARKDOWN;
use crate::model::{DocKind, Problem, Project};
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::{FileId, Span};

declare_rule! {
    /// A file Claude Code loads is over its 1 MiB limit.
    ///
    /// ## What it does
    /// Reports SKILL.md, command, agent and output-style files over 1 MiB
    /// (1048576 bytes), the size above which Claude Code's loader skips
    /// them (an error). Reference files and other markdown that no loader
    /// reads are not held to that limit: skillc reads them up to 8 MiB
    /// like any file. A file over skillc's own read cap (8 MiB, or
    /// `max-file-size`) is not checked; that is said as info.
    ///
    /// ## Why it matters
    /// The runtime drops the file with only a debug log: the skill, command
    /// or agent silently disappears.
    ///
    /// ## Example
    /// A SKILL.md of 1.5 MiB.
    ///
    /// ## Use instead
    /// Move detail into `references/` files that the skill links to.
    pub static RULE = { id: "GEN004", name: "file-too-large", family: Files, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    for p in &project.problems {
        if let Problem::TooLarge { file, size, limit } = p {
            let path = &*cx.db.get(*file).path;
            match loaded_as(project, path) {
                Some(what) if *size > MAX_MARKDOWN => out.push(over_limit(*file, *size, what)),
                _ => out.push(
                    Diagnostic::new(
                        &RULE,
                        *file,
                        Span::empty(0),
                        format!("the file is {size} bytes, over skillc's {limit}-byte read cap; skillc did not check it"),
                    )
                    .severity(Severity::Info)
                    .help("raise `max-file-size` in skillc.toml to check it, or exclude it"),
                ),
            }
        }
    }
    // Read under a cap of their own (a command file a manifest lists
    // outside `commands/`): held to the loader's limit all the same.
    for doc in &project.docs {
        let size = cx.text(doc.file).len() as u64;
        if size > MAX_MARKDOWN
            && let Some(what) = loaded_as(project, &doc.path)
        {
            out.push(over_limit(doc.file, size, what));
        }
    }
}

fn over_limit(file: FileId, size: u64, what: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        file,
        Span::empty(0),
        format!("the file is {size} bytes; Claude Code skips files over 1 MiB ({MAX_MARKDOWN} bytes), so the {what} does not load"),
    )
    .help("move detail into references/ files the skill links to, and keep this file under 1 MiB")
}

/// What Claude Code's loader loads `path` as, if it does: a skill, a
/// command, an agent or an output style (formats.md §1).
fn loaded_as(project: &Project, path: &str) -> Option<&'static str> {
    if let Some(&i) = project.doc_by_path.get(path) {
        match project.docs[i].kind {
            DocKind::Skill => return Some("skill"),
            DocKind::Command => return Some("command"),
            DocKind::Agent => return Some("agent"),
            DocKind::Other => {}
        }
    }
    if !path.to_ascii_lowercase().ends_with(".md") {
        return None;
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    if name.eq_ignore_ascii_case("SKILL.md") {
        return Some("skill");
    }
    // The default folders of a plugin, or of a project's `.claude/`.
    let within = |dir: &str| {
        let rest = if dir.is_empty() {
            Some(path)
        } else {
            path.strip_prefix(dir).and_then(|r| r.strip_prefix('/'))
        };
        rest.and_then(|r| r.split('/').next())
    };
    let segments: Vec<&str> = path.split('/').collect();
    let in_dot_claude = segments
        .iter()
        .position(|s| *s == ".claude")
        .and_then(|i| segments.get(i + 1).copied());
    let top = project
        .plugin_of(path)
        .filter(|p| !p.synthetic)
        .and_then(|p| within(&p.dir))
        .or(in_dot_claude);
    match top {
        Some("commands") => Some("command"),
        Some("agents") => Some("agent"),
        Some("output-styles") => Some("output style"),
        _ => None,
    }
}
