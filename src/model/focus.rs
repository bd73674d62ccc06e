//! Narrowed runs (`--files`, `--since`): which files' findings a report can
//! show, so that load and checks skip work whose findings would be dropped.

use crate::model::Project;
use std::collections::{BTreeMap, HashSet};

/// The changed files of a narrowed run (relative to the checked root).
pub type Focus = HashSet<String>;

/// Whether a path defines names other files mention.
pub fn defines_names(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name == "SKILL.md"
        || name == "plugin.json"
        || name == "marketplace.json"
        || name == "skill.yaml"
        || name == "plugin.yaml"
        || ((path.contains("commands/") || path.contains("agents/")) && name.ends_with(".md"))
}

/// Whether `path` lies below `dir` (everything lies below the root, `""`).
pub fn in_dir(path: &str, dir: &str) -> bool {
    dir.is_empty()
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Whether a cross-file finding in `path` (phase, build, and cross-reference
/// findings when no name-defining file changed) survives narrowing to `focus`:
/// [`Changes::keeps`] reports it when its file changed or its plugin holds a
/// changed file. Checks use this to skip files whose findings would be dropped.
pub fn cross_file_in_focus(project: &Project, focus: &Focus, path: &str) -> bool {
    focus.contains(path)
        || owner(project, path).is_some_and(|dir| focus.iter().any(|f| in_dir(f, dir)))
}

/// Whether the build check of a run narrowed to `focus` compiles the typed
/// source at `source_path`: its findings (on the source, and on the files it
/// generates and reads, all in its directory) can be reported.
pub fn source_in_focus(project: &Project, focus: &Focus, source_path: &str) -> bool {
    let dir = crate::source::parent(source_path);
    cross_file_in_focus(project, focus, source_path) || focus.iter().any(|f| in_dir(f, dir))
}

/// The directory of the innermost plugin holding `path` (a plugin of its
/// own: not synthetic, not the root).
pub fn owner<'a>(project: &'a Project, path: &str) -> Option<&'a str> {
    project
        .plugin_of(path)
        .filter(|p| !p.synthetic && !p.dir.is_empty() && path != p.dir)
        .map(|p| p.dir.as_str())
}

/// With `--since`: the base revision, and the plugin versions it had.
#[derive(Debug, Clone)]
pub struct Base {
    /// What the user gave (`origin/main`).
    pub rev: String,
    /// The merge base it resolved to.
    pub commit: String,
    pub versions: BTreeMap<String, Option<String>>,
}
