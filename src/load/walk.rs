//! Walk the tree once (gitignore-aware, hidden directories included because
//! `.claude-plugin/` is hidden), read what skillc parses, and record problems.

use crate::source::rel_path;
use globset::GlobSet;
use std::path::{Path, PathBuf};

/// The largest non-markdown file read when `max-file-size` is not set.
/// One walked path.
#[derive(Debug, Clone)]
pub struct Walked {
    /// Relative, `/`-separated.
    pub path: crate::source::RelPath,
    pub is_dir: bool,
    /// A regular file (behind any symlink), as the walk saw it.
    pub regular: bool,
}

/// Something wrong with a path itself (not its content).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WalkProblem {
    /// A symlink whose target lies outside the checked tree.
    Escapes { path: String, target: String },
    /// A symlink loop, a dangling link, or an unreadable directory.
    Broken { path: String, reason: String },
}

impl WalkProblem {
    fn sort_key(&self) -> (&str, &str) {
        match self {
            WalkProblem::Escapes { path, target } => (path, target),
            WalkProblem::Broken { path, reason } => (path, reason),
        }
    }
}

/// What a walk found: the entries, the problems, and the excluded paths
/// (the top-most of each excluded subtree, which is not entered).
pub struct WalkResult {
    pub entries: Vec<Walked>,
    pub problems: Vec<WalkProblem>,
    pub excluded: Vec<String>,
    /// Folders of copies left out by default (see [`default_exclude`]).
    pub copies: Vec<String>,
}

/// What a walk leaves out.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions<'a> {
    /// Subtrees not walked (`exclude` in skillc.toml).
    pub exclude: Option<&'a Exclude>,
    /// Keep the folders [`default_exclude`] leaves out (`default-exclude =
    /// false`).
    pub no_default_exclude: bool,
    /// The path a run was pointed at (relative): never left out, nor any
    /// folder above it.
    pub keep: Option<&'a str>,
}

/// Why a folder is left out by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefaultExclude {
    /// A copy of plugins or skills kept aside (`backups/`, `archive/`,
    /// `x.bak/`): checking it reports every finding once per copy. Reported
    /// once, as a note.
    Copy,
    /// Tool state: dependencies, virtual environments, Claude Code's own
    /// worktrees (each a whole copy of the repository).
    Tool,
}

/// Whether the folder `rel` (at `abs`) is left out by default. A folder
/// that is itself a plugin or a skill, or a command or agent namespace, is
/// never a copy, whatever its name.
pub fn default_exclude(rel: &str, abs: &Path) -> Option<DefaultExclude> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let parent = crate::source::parent(rel);
    let parent_name = parent.rsplit('/').next().unwrap_or(parent);
    if matches!(name, "node_modules" | ".venv" | "__pycache__" | ".tox")
        || (name == "worktrees" && parent_name == ".claude")
    {
        return Some(DefaultExclude::Tool);
    }
    let n = name.to_ascii_lowercase();
    let copy_name = matches!(
        n.trim_start_matches(['.', '_']),
        "backup" | "backups" | "archive" | "archives" | "archived"
    ) || [".bak", ".orig", ".old", "-backup", "_backup", "-backups"]
        .iter()
        .any(|s| n.ends_with(s))
        || n.starts_with("backup-")
        || n.starts_with("backup_");
    let namespace = matches!(parent_name, "commands" | "agents" | "skills");
    (copy_name
        && !namespace
        && !abs.join(".claude-plugin").is_dir()
        && !abs.join("SKILL.md").is_file())
    .then_some(DefaultExclude::Copy)
}

impl WalkOptions<'_> {
    fn is_excluded(&self, path: &str) -> bool {
        self.exclude.is_some_and(|e| e.covers(path))
    }
}

/// Walk `start` (at or below `root`; paths are relative to `root`).
pub fn walk(root: &Path, start: &Path, options: WalkOptions<'_>) -> WalkResult {
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // Excluded subtrees are pruned, not walked (a vendored `node_modules` can
    // hold more files than the marketplace), and remembered: a link into one
    // cannot be checked, which is not the same as dangling.
    let excluded = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let copies = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let prune = {
        let exclude = options.exclude.cloned();
        let root = root.to_path_buf();
        let excluded = std::sync::Arc::clone(&excluded);
        let copies = std::sync::Arc::clone(&copies);
        let defaults = !options.no_default_exclude;
        let keep = options.keep.map(str::to_string);
        move |e: &ignore::DirEntry| {
            if e.depth() == 0 {
                return true;
            }
            let rel = rel_path(&root, e.path());
            let kept = keep
                .as_deref()
                .is_some_and(|k| k == rel || k.starts_with(&format!("{rel}/")));
            let by_config = exclude.as_ref().is_some_and(|x| x.covers(&rel));
            let by_default = (defaults && !kept && e.file_type().is_some_and(|t| t.is_dir()))
                .then(|| default_exclude(&rel, e.path()))
                .flatten();
            if !by_config && by_default.is_none() {
                return true;
            }
            if by_default == Some(DefaultExclude::Copy)
                && !by_config
                && let Ok(mut v) = copies.lock()
            {
                v.push(rel.clone());
            }
            if let Ok(mut v) = excluded.lock() {
                v.push(rel);
            }
            false
        }
    };
    let walker = ignore::WalkBuilder::new(start)
        .hidden(false)
        .parents(false)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(false)
        .require_git(false)
        .follow_links(true)
        .filter_entry(move |e| e.file_name() != ".git" && prune(e))
        // As many threads as cores (ignore's default). Asking rayon for its
        // count would start its pool now, and its idle workers would spin
        // on the cores the walk needs.
        .build_parallel();
    // Directories are read on several threads; the results are sorted below,
    // so the order the threads found them in does not matter.
    let found: std::sync::Mutex<(Vec<Walked>, Vec<WalkProblem>)> = Default::default();
    walker.run(|| {
        let found = &found;
        let canon_root = &canon_root;
        Box::new(move |entry| {
            let seen = visit(entry, root, start, canon_root, options);
            if let (Some(seen), Ok(mut found)) = (seen, found.lock()) {
                match seen {
                    Ok(w) => found.0.push(w),
                    Err(p) => found.1.push(p),
                }
            }
            ignore::WalkState::Continue
        })
    });
    let (mut out, mut problems) = found.into_inner().unwrap_or_else(|e| e.into_inner());
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.sort_by(|a, b| a.path.cmp(&b.path));
    let mut excluded: Vec<String> = match std::sync::Arc::try_unwrap(excluded) {
        Ok(m) => m.into_inner().unwrap_or_else(|e| e.into_inner()),
        Err(shared) => shared.lock().map(|v| v.clone()).unwrap_or_default(),
    };
    excluded.sort();
    let mut copies: Vec<String> = copies.lock().map(|v| v.clone()).unwrap_or_default();
    copies.sort();
    WalkResult {
        entries: out,
        problems,
        excluded,
        copies,
    }
}

/// One walked entry: what it is, a problem with it, or nothing to record.
fn visit(
    entry: Result<ignore::DirEntry, ignore::Error>,
    root: &Path,
    start: &Path,
    canon_root: &Path,
    options: WalkOptions<'_>,
) -> Option<Result<Walked, WalkProblem>> {
    let entry = match entry {
        Ok(e) => e,
        Err(err) => {
            let path = error_path(&err)
                .map(|p| rel_path(root, &p))
                .unwrap_or_default();
            let reason = if is_loop(&err) {
                "symlink loop".to_string()
            } else {
                err.to_string()
            };
            return Some(Err(WalkProblem::Broken { path, reason }));
        }
    };
    if entry.depth() == 0 && start == root {
        return None;
    }
    let abs = entry.path().to_path_buf();
    let path = rel_path(root, &abs);
    // Below the start, excluded entries were pruned before they got here.
    if entry.depth() == 0 && options.is_excluded(&path) {
        return None;
    }
    if entry.path_is_symlink() {
        match abs.canonicalize() {
            Ok(target) if !target.starts_with(canon_root) => {
                return Some(Err(WalkProblem::Escapes {
                    path,
                    target: target.display().to_string(),
                }));
            }
            Ok(_) => {}
            Err(e) => {
                return Some(Err(WalkProblem::Broken {
                    path,
                    reason: format!("dangling symlink: {e}"),
                }));
            }
        }
    }
    let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
    let regular = entry.file_type().is_some_and(|t| t.is_file());
    Some(Ok(Walked {
        path: path.into(),
        is_dir,
        regular,
    }))
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

/// `exclude`, placed for one run: its globs are relative to the config
/// file, so a path of the run is matched as `base` + path; patterns that
/// cover the checked root itself are waived (a path the user asked for is
/// checked).
#[derive(Debug, Clone)]
pub struct Exclude {
    globs: GlobSet,
    base: String,
    waived: Vec<usize>,
}

impl Exclude {
    /// Exclusions from `globs`, relative to the checked root until
    /// [`Exclude::place`] says where that root lies.
    pub fn new(globs: GlobSet) -> Exclude {
        Exclude {
            globs,
            base: String::new(),
            waived: Vec::new(),
        }
    }

    /// Whether `path` (relative to the checked root) is excluded.
    pub fn covers(&self, path: &str) -> bool {
        let path = crate::source::prefixed(&self.base, path);
        if self.waived.is_empty() {
            self.globs.is_match(&*path)
        } else {
            self.globs
                .matches(&*path)
                .iter()
                .any(|i| !self.waived.contains(i))
        }
    }

    /// Place the checked root `base` below the directory the globs are
    /// relative to, and waive the patterns that cover the root itself.
    pub fn place(&mut self, base: &str) {
        // A pattern is waived when it covers the root or everything below
        // it (`plugins/x/**`), which a probe name no file has tells.
        self.waived = match base.strip_suffix('/') {
            Some(root) => {
                let mut waived = self.globs.matches(root);
                waived.extend(self.globs.matches(format!("{root}/\u{FFFF}")));
                waived.sort_unstable();
                waived.dedup();
                waived
            }
            None => Vec::new(),
        };
        self.base = base.to_string();
    }

    /// Waive the patterns that cover `path` (relative to the checked root),
    /// a folder above it, or everything below it: what a run is pointed at
    /// is checked even where `exclude` would leave it out.
    pub fn waive(&mut self, path: &str) {
        let mut probes: Vec<String> = Vec::new();
        let mut at = path;
        loop {
            probes.push(crate::source::prefixed(&self.base, at).into_owned());
            match at.rfind('/') {
                Some(i) => at = &at[..i],
                None => break,
            }
        }
        probes.push(format!(
            "{}/\u{FFFF}",
            crate::source::prefixed(&self.base, path)
        ));
        for p in probes {
            self.waived.extend(self.globs.matches(p));
        }
        self.waived.sort_unstable();
        self.waived.dedup();
    }
}
