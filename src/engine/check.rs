//! `skillc check` as a whole: a session opened on a path, narrowed to what
//! changed when asked, the rules run, a baseline applied or written, safe
//! fixes applied. The CLI only turns the outcome into output.

use crate::engine::config::{DiscoverError, discover};
use crate::engine::scope::Changes;
use crate::engine::{Session, baseline, fix, run::Timings};
use crate::model::build::Loaded;
use crate::rules::diag::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a check was asked to do.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Marketplace root, plugin directory, skills folder or SKILL.md.
    pub path: PathBuf,
    /// A config file given on the command line.
    pub config: Option<PathBuf>,
    /// Run shellcheck too, when it is installed.
    pub shellcheck: bool,
    /// Narrow the report to what these files affect.
    pub files: Option<Vec<PathBuf>>,
    /// Narrow the report to what changed since this revision.
    pub since: Option<String>,
    /// Narrow the report to what the index changes (deletions and renames
    /// included), on top of [`Request::files`].
    pub staged: bool,
    /// Hide the findings recorded in this baseline.
    pub baseline: Option<PathBuf>,
    /// Record the findings in this baseline instead of reporting them.
    pub write_baseline: Option<PathBuf>,
    /// Time each check (`SKILLC_TIMING`).
    pub timings: bool,
    /// `--target`: the consumer the skills are written for.
    pub target: Option<crate::engine::config::Target>,
    /// `--profile`: turn on the rules of a profile (overrides `profile` in
    /// skillc.toml).
    pub profile: Option<crate::rules::Profile>,
    /// `--select`: only these rules (ids, id prefixes, names, `ALL`).
    pub select: Option<Vec<String>>,
    /// `--extend-select`: these rules too.
    pub extend_select: Vec<String>,
    /// `--ignore`: not these rules.
    pub ignore: Vec<String>,
}

/// Why a check could not run (exit 2).
#[derive(Debug)]
pub enum Failure {
    /// The configuration file is not valid (printed with its excerpt).
    Config(crate::engine::config::ConfigError),
    /// Anything else: a path, git, a read or a write.
    Other(String),
}

impl From<String> for Failure {
    fn from(s: String) -> Failure {
        Failure::Other(s)
    }
}

/// What a check found.
pub struct Outcome {
    pub session: Session,
    pub loaded: Loaded,
    /// Findings left to report, sorted.
    pub diags: Vec<Diagnostic>,
    /// How many files the report covers (those in the path checked).
    pub checked_files: usize,
    /// The path checked, relative to the loaded root, when the run loaded
    /// the tree around it for context.
    pub within: Option<String>,
    /// `--shellcheck` was asked for, but shellcheck is not installed.
    pub shellcheck_missing: bool,
    /// Findings the baseline records that are gone (it can shrink).
    pub baseline_gone: usize,
    /// Findings the baseline hid (`None`: no baseline).
    pub baseline_hidden: Option<usize>,
    /// With [`Request::timings`]: the time of each load phase and check.
    pub timings: Option<String>,
    /// With [`Request::write_baseline`]: how many findings were recorded.
    pub baseline_written: Option<usize>,
}

/// Open a session for `req`: the root its path resolves to and the
/// configuration that applies there.
pub fn session(req: &Request) -> Result<Session, Failure> {
    session_at(req, &req.path)
}

/// A session for `req` loading the tree at `path` (its context).
fn session_at(req: &Request, path: &Path) -> Result<Session, Failure> {
    if !req.path.exists() {
        return Err(Failure::Other(format!(
            "`{}` does not exist",
            req.path.display()
        )));
    }
    let root = crate::model::build::root_of(path).map_err(|e| Failure::Other(e.0))?;
    let mut config = discover(req.config.as_deref(), &root).map_err(|e| match e {
        DiscoverError::Read(m) => Failure::Other(m),
        DiscoverError::Invalid(e) => Failure::Config(e),
    })?;
    config.redaction = std::mem::take(&mut config.redaction).with_env();
    if let Some(t) = req.target {
        config.target = t;
    }
    if let Some(p) = req.profile {
        config.profile = Some(p);
    }
    config
        .select(req.select.as_deref(), &req.extend_select, &req.ignore)
        .map_err(Failure::Other)?;
    Ok(Session::new(config))
}

/// Run the check `req` asks for.
pub fn check(req: &Request) -> Result<Outcome, Failure> {
    // The tree around the path gives it its context; only what lies in the
    // path is reported (see `build::context_of`).
    // The path as it really is (`plugins/../skills` is `skills`).
    let target = req.path.canonicalize().unwrap_or_else(|_| req.path.clone());
    let context = context_of(req, &target)?;
    let load_path = context.clone().unwrap_or_else(|| req.path.clone());
    let mut session = session_at(req, &load_path)?;
    let shellcheck_missing = req.shellcheck && !crate::rules::shell::shellcheck::available();
    session.options.shellcheck = req.shellcheck && !shellcheck_missing;
    let root = crate::model::build::root_of(&load_path).map_err(|e| Failure::Other(e.0))?;
    let within = context
        .and_then(|_| crate::source::fs::path_in_tree(&root, &target))
        .filter(|w| !w.is_empty());
    if let Some(w) = &within {
        session.config.waive_exclude(w);
    }
    session.options.within = within.clone();
    // What changed is known before loading, so unchanged files skip the
    // file-local work (shell parsing, redaction) whose findings are not shown.
    let mut changes = req
        .files
        .as_ref()
        .map(|files| Changes::from_files(&root, files));
    if req.staged {
        let staged = Changes::staged(&root).map_err(Failure::Other)?;
        let c = changes.get_or_insert_with(Changes::default);
        c.files.extend(staged);
    }
    let mut since = None;
    if let Some(rev) = &req.since {
        let (commit, files) = Changes::changed_since(&root, rev)?;
        changes = Some(Changes {
            files: files.clone(),
            base: None,
        });
        since = Some((rev, commit, files));
    }
    session.options.focus = match (&changes, &within) {
        (Some(c), _) => Some(c.files.iter().cloned().collect()),
        (None, Some(_)) => Some(
            Changes::from_files(&root, std::slice::from_ref(&target))
                .files
                .into_iter()
                .collect(),
        ),
        (None, None) => None,
    };
    let timings = req.timings.then(Timings::default);
    let start = std::time::Instant::now();
    let loaded = session.load(&load_path).map_err(|e| Failure::Other(e.0))?;
    let load_time = start.elapsed();
    if let Some((rev, commit, files)) = since {
        changes = Some(Changes::since(&root, rev, commit, files, &loaded.project));
    }
    session.options.since = changes.as_ref().and_then(|c| c.base.clone());
    let checks_start = std::time::Instant::now();
    let mut diags = match &timings {
        Some(t) => session.check_timed(&loaded, t),
        None => session.check(&loaded),
    };
    let checks_time = checks_start.elapsed();
    let timings = timings.map(|t| {
        let phases: String = loaded
            .phases
            .iter()
            .map(|(name, d)| format!("{:>9.2}ms    {name}\n", d.as_secs_f64() * 1e3))
            .collect();
        format!(
            "{:>9.2}ms  load:\n{phases}{:>9.2}ms  checks, in parallel:\n{}",
            load_time.as_secs_f64() * 1e3,
            checks_time.as_secs_f64() * 1e3,
            t.report()
        )
    });
    if let Some(changes) = &changes {
        diags.retain(|d| changes.keeps(d, &loaded.db, &loaded.project));
    }
    if let Some(w) = &within {
        diags.retain(|d| in_scope(loaded.db.path(d.file()), w));
    }
    let checked_files = match &within {
        Some(w) => (0..loaded.db.len())
            .filter(|&i| in_scope(loaded.db.path(crate::source::FileId(i as u32)), w))
            .count(),
        None => loaded.db.len(),
    };
    let mut baseline_written = None;
    let mut baseline_gone = 0;
    let mut baseline_hidden = None;
    if let Some(target) = &req.write_baseline {
        let recorded = baseline::Baseline::of(&diags, &loaded.db);
        baseline::write(target, &loaded.root, &recorded.to_json())?;
        baseline_written = Some(diags.len());
    } else if let Some(path) = &req.baseline {
        let before = diags.len();
        baseline_gone = baseline::read(path)?.filter(&mut diags, &loaded.db);
        baseline_hidden = Some(before - diags.len());
    }
    Ok(Outcome {
        session,
        loaded,
        diags,
        checked_files,
        within,
        shellcheck_missing,
        baseline_gone,
        baseline_hidden,
        timings,
        baseline_written,
    })
}

/// What `--fix` did or would do.
#[derive(Debug, Default)]
pub struct Fixed {
    /// With `--dry-run`: the new text of each file that would change, by path.
    pub edits: BTreeMap<String, (String, String)>,
    /// How many fixes were applied (or would be).
    pub fixes: usize,
    /// Files written.
    pub written: usize,
    /// Files left alone, with why.
    pub skipped: Vec<(String, String)>,
    /// A generated file drifted: the build must run (dry: show its diff).
    pub rebuild: bool,
    /// A fix edits a typed source (what the build renders changes).
    pub edits_sources: bool,
    /// Fixes not taken: their edits overlap a fix taken first.
    pub overlapping: usize,
}

/// Apply the safe fixes of `outcome` (with `dry_run`, only compute them).
/// The caller checks again afterwards to report what is left.
pub fn apply_fixes(outcome: &Outcome, dry_run: bool) -> Result<Fixed, Failure> {
    let db = &outcome.loaded.db;
    let (edits, taken) = fix::apply(&outcome.diags, db);
    let fixes = taken.len();
    let overlapping = outcome
        .diags
        .iter()
        .filter(|d| d.fix.is_some())
        .count()
        .saturating_sub(fixes);
    // A generated file drifted, or a fix edits a typed source: what it
    // renders changes, so the build runs after the fixes.
    let sources: std::collections::BTreeSet<crate::source::FileId> = outcome
        .loaded
        .project
        .skill_sources
        .iter()
        .map(|s| s.file)
        .chain(outcome.loaded.project.plugin_sources.iter().map(|s| s.file))
        .collect();
    let edits_sources = edits.keys().any(|f| sources.contains(f));
    let rebuild = edits_sources
        || outcome
            .diags
            .iter()
            .any(|d| d.rule.id == crate::rules::build::generated_file_drift::RULE.id);
    if dry_run {
        return Ok(Fixed {
            edits: edits
                .iter()
                .map(|(f, new)| {
                    (
                        db.path(*f).to_string(),
                        (db.text(*f).to_string(), new.clone()),
                    )
                })
                .collect(),
            fixes,
            rebuild,
            edits_sources,
            overlapping,
            ..Fixed::default()
        });
    }
    let written = fix::write(&outcome.loaded.root, &edits, db)?;
    // A fix counts when every file it edits was written.
    let fixes = taken
        .iter()
        .filter(|files| files.is_disjoint(&written.skipped_ids))
        .count();
    Ok(Fixed {
        fixes,
        written: written.files,
        skipped: written.skipped,
        rebuild,
        edits_sources,
        overlapping,
        ..Fixed::default()
    })
}

/// The root `path` resolves to (for a build run after fixes).
pub fn root(path: &Path) -> Result<PathBuf, Failure> {
    crate::model::build::root_of(path).map_err(|e| Failure::Other(e.0))
}

/// Whether `path` is `within` or lies below it.
fn in_scope(path: &str, within: &str) -> bool {
    path == within || crate::model::focus::in_dir(path, within)
}

/// The directory whose tree gives `req.path` its context: a file's findings
/// must not depend on the path a run is given, so a check of a SKILL.md, a
/// skill folder or a plugin loads the tree around it and reports only what
/// lies in the path. Inside a repository (`skillc.toml` or `.git`) that is
/// the repository; a path its configuration excludes (a test fixture, a
/// vendored tree) is a tree of its own, found by what it holds, as is a path
/// in no repository. `None` when the path is its own context.
fn context_of(req: &Request, target: &Path) -> Result<Option<PathBuf>, Failure> {
    use crate::model::build::{context_within, enclosing_root};
    let Some(repo) = enclosing_root(target) else {
        return Ok(context_within(target, None));
    };
    let Some(rel) = crate::source::fs::path_in_tree(&repo, target) else {
        return Ok(None);
    };
    let config = discover(req.config.as_deref(), &repo).map_err(|e| match e {
        DiscoverError::Read(m) => Failure::Other(m),
        DiscoverError::Invalid(e) => Failure::Config(e),
    })?;
    // The top-most folder of the path that `exclude` covers.
    let mut excluded = None;
    let mut at = 0;
    for seg in rel.split('/') {
        at += seg.len();
        if config.is_excluded(&rel[..at]) {
            excluded = Some(repo.join(&rel[..at]));
            break;
        }
        at += 1;
    }
    Ok(match excluded {
        Some(top) => context_within(target, Some(&top)),
        None => Some(repo),
    })
}
