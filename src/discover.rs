//! Walk the tree once (gitignore-aware, hidden directories included because
//! `.claude-plugin/` is hidden), read what skillc parses, and record problems.

use crate::config::Config;
use crate::source::rel_path;
use std::path::{Path, PathBuf};

/// The largest non-markdown file read when `max-file-size` is not set.
pub const MAX_READ: u64 = 8 * 1024 * 1024;

/// One walked path.
#[derive(Debug, Clone)]
pub struct Walked {
    /// Relative, `/`-separated.
    pub path: String,
    pub abs: PathBuf,
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
}

/// Walk `start` (inside `root`), returning sorted entries and problems.
pub fn walk(root: &Path, start: &Path, config: &Config) -> WalkResult {
    let canon_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // Excluded subtrees are pruned, not walked (a vendored `node_modules` can
    // hold more files than the marketplace), and remembered: a link into one
    // cannot be checked, which is not the same as dangling.
    let excluded = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let prune = {
        let exclude = config.exclude.clone();
        let root = root.to_path_buf();
        let excluded = std::sync::Arc::clone(&excluded);
        move |e: &ignore::DirEntry| {
            if e.depth() == 0 {
                return true;
            }
            let Some(exclude) = &exclude else { return true };
            let rel = rel_path(&root, e.path());
            if !exclude.covers(&rel) {
                return true;
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
            let seen = visit(entry, root, start, canon_root, config);
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
    WalkResult {
        entries: out,
        problems,
        excluded,
    }
}

/// One walked entry: what it is, a problem with it, or nothing to record.
fn visit(
    entry: Result<ignore::DirEntry, ignore::Error>,
    root: &Path,
    start: &Path,
    canon_root: &Path,
    config: &Config,
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
    if entry.depth() == 0 && config.is_excluded(&path) {
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
        path,
        abs,
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

/// Result of reading one file.
pub enum Read {
    Text(String),
    NotUtf8 { valid_up_to: usize },
    TooLarge(u64),
    Failed(String),
}

/// Read a file with the size cap; never panics. `regular`: the walk saw a
/// regular file there, so it need not be looked at before opening.
///
/// FIFOs, sockets and devices are never opened on purpose: one the walk did
/// not see is looked at first. The open does not block either, so one
/// swapped in since is opened without waiting for a writer, and the
/// handle's metadata turns it away before any read.
pub fn read(abs: &Path, cap: u64, regular: bool) -> Read {
    if !regular {
        match std::fs::metadata(abs) {
            Ok(m) if !m.is_file() => return Read::Failed("not a regular file".into()),
            Ok(_) => {}
            Err(e) => return Read::Failed(e.to_string()),
        }
    }
    // One handle for the checks and the read: reading stops one byte past
    // the cap however large the file has grown since.
    let file = match open_nonblocking(abs) {
        Ok(f) => f,
        Err(e) => return Read::Failed(e.to_string()),
    };
    let len = match file.metadata() {
        // FIFOs, sockets and devices would block or never end.
        Ok(m) if !m.is_file() => return Read::Failed("not a regular file".into()),
        Ok(m) if m.len() > cap => return Read::TooLarge(m.len()),
        Ok(m) => m.len(),
        Err(e) => return Read::Failed(e.to_string()),
    };
    // Sized from the metadata: the text is kept for the whole run, so no
    // slack from a growing buffer (the extra byte sees a file that grew).
    read_capped(file, cap, usize::try_from(len).unwrap_or(0))
}

/// Open `abs` for reading without waiting: opening a FIFO blocks until a
/// writer comes, unless the open does not block. On a regular file the flag
/// changes nothing.
fn open_nonblocking(abs: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(abs)
}

/// Read at most `cap` bytes of text from `from` (`expected`: the size to
/// allocate for): too large is told before not UTF-8.
pub fn read_capped(from: impl std::io::Read, cap: u64, expected: usize) -> Read {
    use std::io::Read as _;
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    if let Err(e) = from.take(cap + 1).read_to_end(&mut bytes) {
        return Read::Failed(e.to_string());
    }
    if bytes.len() as u64 > cap {
        return Read::TooLarge(bytes.len() as u64);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Read::Text(s),
        Err(e) => Read::NotUtf8 {
            valid_up_to: e.utf8_error().valid_up_to(),
        },
    }
}
