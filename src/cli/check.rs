//! `skillc check [PATH]`.

use super::{Color, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, fail, load_config};
use crate::report::{self, Format, HumanOptions};
use crate::rules::diag::{Severity, Summary};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Marketplace root, plugin directory, skills folder or SKILL.md.
    #[arg(default_value_os_t = super::default_path())]
    pub path: PathBuf,
    /// Output format (default: human on a terminal, concise otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Config file (default: the nearest skillc.toml at or above PATH, within
    /// the repository).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Print nothing when there are no findings.
    #[arg(long, short)]
    pub quiet: bool,
    /// Also run shellcheck (when installed) on every shell block, script and hook.
    #[arg(long)]
    pub shellcheck: bool,
    /// Report only findings these files affect (pre-commit passes the staged
    /// files; a directory stands for the files below it); names still resolve
    /// against the whole tree.
    #[arg(long, num_args = 1.., value_name = "FILE")]
    pub files: Option<Vec<PathBuf>>,
    /// Report only findings in what changed since the merge base of REF and
    /// HEAD (plus uncommitted and untracked files), and require a version
    /// bump of every changed plugin (PJ040).
    #[arg(long, value_name = "REF", conflicts_with = "files")]
    pub since: Option<String>,
    /// Hide the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in FILE (inside the checked tree) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Apply safe fixes (quote frontmatter values strict YAML rejects, replace a
    /// mention by its only close match, regenerate drifted build outputs), then
    /// report what is left.
    #[arg(long, conflicts_with = "write_baseline")]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff and write nothing
    /// (exit 1 when anything would change).
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
}

/// A note on stderr when a run on a terminal takes longer than a blink;
/// erased when the run ends (dropped), never shown in pipes or CI logs.
struct Progress {
    state: Option<std::sync::Arc<std::sync::Mutex<u8>>>,
}

impl Progress {
    fn start(enabled: bool) -> Progress {
        if !enabled {
            return Progress { state: None };
        }
        let state = std::sync::Arc::new(std::sync::Mutex::new(0u8));
        let s = state.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(300));
            // 0 running → 1 shown; if the run ended first (2), stay silent.
            if let Ok(mut g) = s.lock()
                && *g == 0
            {
                eprint!("skillc: checking…");
                *g = 1;
            }
        });
        Progress { state: Some(state) }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(s) = &self.state
            && let Ok(mut g) = s.lock()
        {
            if *g == 1 {
                eprint!("\r\x1b[K");
            }
            *g = 2;
        }
    }
}

/// `--fix`: apply the safe fixes of `diags`; `Some(code)` when done.
fn run_fixes(
    args: &Args,
    loaded: &crate::model::build::Loaded,
    diags: &[crate::rules::diag::Diagnostic],
) -> Option<u8> {
    let (edits, fixes) = crate::engine::fix::apply(diags, &loaded.db);
    // Drifted build outputs are fixed by building (or, dry, by its diff).
    let rebuild = || {
        let drift = diags.iter().any(|d| d.rule.id == crate::compile::DRIFT.id);
        drift.then(|| {
            super::build::run(super::build::Args {
                path: loaded.root.clone(),
                check: false,
                diff: args.dry_run,
                config: args.config.clone(),
            })
        })
    };
    if args.dry_run {
        let mut out = std::io::stdout().lock();
        for (file, new) in &edits {
            let diff = super::unified_diff(loaded.db.path(*file), loaded.db.text(*file), new);
            let _ = write!(out, "{diff}");
        }
        drop(out);
        let code = if edits.is_empty() {
            EXIT_CLEAN
        } else {
            EXIT_FINDINGS
        };
        let code = code.max(rebuild().unwrap_or(EXIT_CLEAN));
        eprintln!(
            "{fixes} fixes would change {} files; nothing was written",
            edits.len()
        );
        return Some(code);
    }
    let mut written = 0;
    for (file, new) in &edits {
        let path = loaded.db.path(*file);
        let target = match crate::source::fs::safe_target(&loaded.root, path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("skipped `{path}`: {e}");
                continue;
            }
        };
        // Never clobber an edit made since the file was read.
        if std::fs::read_to_string(&target).ok().as_deref() != Some(loaded.db.text(*file)) {
            eprintln!("skipped `{path}`: it changed while skillc ran");
            continue;
        }
        if let Err(e) = crate::source::fs::write_atomic(&target, new.as_bytes(), None) {
            return Some(fail(format!("cannot write `{path}`: {e}")));
        }
        written += 1;
    }
    if rebuild() == Some(EXIT_ERROR) {
        return Some(EXIT_ERROR);
    }
    if !args.quiet {
        eprintln!("applied {fixes} fixes to {written} files");
    }
    None
}

/// Write a baseline, refusing a target outside the checked tree.
fn write_baseline(target: &Path, root: &Path, text: &str) -> Result<(), String> {
    let rel = crate::source::fs::path_in_tree(root, target).ok_or_else(|| {
        format!(
            "`{}` is not inside the checked tree `{}`; skillc writes only there",
            target.display(),
            root.display()
        )
    })?;
    let abs = crate::source::fs::safe_target(root, &rel)?;
    if abs.is_dir() {
        return Err(format!("`{}` is a directory", target.display()));
    }
    crate::source::fs::write_atomic(&abs, text.as_bytes(), None)
        .map_err(|e| format!("cannot write `{}`: {e}", target.display()))
}

pub fn run(args: Args) -> u8 {
    if !args.path.exists() {
        return fail(format!("`{}` does not exist", args.path.display()));
    }
    let root = match crate::model::build::root_of(&args.path) {
        Ok(r) => r,
        Err(e) => return fail(e.0),
    };
    let mut config = match load_config(args.config.as_deref(), &root) {
        Ok(c) => c,
        Err(code) => return code,
    };
    config.redaction = std::mem::take(&mut config.redaction).with_env();
    if args.shellcheck {
        if crate::rules::shell::shellcheck::available() {
            config.run_shellcheck = true;
        } else {
            eprintln!(
                "note: shellcheck is not installed; --shellcheck was skipped (install it from your package manager)"
            );
        }
    }
    let progress = Progress::start(!args.quiet && std::io::stderr().is_terminal());
    // What changed is known before loading, so unchanged files skip the
    // file-local work (shell parsing, redaction) whose findings are not shown.
    let mut changes = None;
    let mut since = None;
    if let Some(files) = &args.files {
        changes = Some(crate::engine::scope::Changes::from_files(&root, files));
    }
    if let Some(rev) = &args.since {
        match crate::engine::scope::Changes::changed_since(&root, rev) {
            Ok((commit, files)) => {
                changes = Some(crate::engine::scope::Changes { files, base: None });
                since = Some((root, rev, commit));
            }
            Err(e) => return fail(e),
        }
    }
    config.focus = changes.as_ref().map(|c| c.files.iter().cloned().collect());
    // `SKILLC_TIMING=1`: where the time goes (load, then each check).
    let timings = std::env::var_os("SKILLC_TIMING").map(|_| crate::engine::run::Timings::default());
    let start = std::time::Instant::now();
    let loaded = match crate::model::build::load(&args.path, &config) {
        Ok(l) => l,
        Err(e) => return fail(e.0),
    };
    let load_time = start.elapsed();
    if let Some((root, rev, commit)) = since {
        let files = changes.take().map(|c| c.files).unwrap_or_default();
        changes = Some(crate::engine::scope::Changes::since(
            &root,
            rev,
            commit,
            files,
            &loaded.project,
        ));
    }
    config.since = changes.as_ref().and_then(|c| c.base.clone());
    let checks_start = std::time::Instant::now();
    let mut diags = crate::engine::run::run_timed(&loaded, &config, timings.as_ref());
    let checks_time = checks_start.elapsed();
    if let Some(t) = timings {
        let phases: String = loaded
            .phases
            .iter()
            .map(|(name, d)| format!("{:>9.2}ms    {name}\n", d.as_secs_f64() * 1e3))
            .collect();
        eprint!(
            "{:>9.2}ms  load:\n{phases}{:>9.2}ms  checks, in parallel:\n{}",
            load_time.as_secs_f64() * 1e3,
            checks_time.as_secs_f64() * 1e3,
            t.report()
        );
    }
    if let Some(changes) = &changes {
        diags.retain(|d| changes.keeps(d, &loaded.db, &loaded.project));
    }
    if let Some(target) = &args.write_baseline {
        let baseline = crate::engine::baseline::Baseline::of(&diags, &loaded.db);
        if let Err(e) = write_baseline(target, &loaded.root, &baseline.to_json()) {
            return fail(e);
        }
        if !args.quiet {
            eprintln!("wrote {} findings to `{}`", diags.len(), target.display());
        }
        return EXIT_CLEAN;
    }
    if let Some(path) = &args.baseline {
        let baseline = match std::fs::read_to_string(path)
            .map_err(|e| e.to_string())
            .and_then(|t| crate::engine::baseline::Baseline::parse(&t))
        {
            Ok(b) => b,
            Err(e) => return fail(format!("cannot use baseline `{}`: {e}", path.display())),
        };
        let fixed = baseline.filter(&mut diags, &loaded.db);
        if fixed > 0 && !args.quiet {
            eprintln!(
                "note: {fixed} findings in the baseline are gone; run with --write-baseline to shrink it"
            );
        }
    }
    drop(progress);
    if args.fix {
        if let Some(code) = run_fixes(&args, &loaded, &diags) {
            return code;
        }
        // Report what is left, from the files as they are now.
        return run(Args { fix: false, ..args });
    }
    let summary = Summary::of(&diags, loaded.db.len());
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Human
    } else {
        Format::Concise
    });
    let text = report::render(
        format,
        &diags,
        &loaded.db,
        summary,
        HumanOptions {
            color: super::use_color(args.color),
            width: super::width(),
        },
    );
    let quiet_clean = args.quiet && diags.is_empty();
    if !quiet_clean {
        let mut out = std::io::stdout().lock();
        let body = if text.is_empty() && matches!(format, Format::Human | Format::Concise) {
            format!("No problems found in {} files.\n", summary.files)
        } else {
            text
        };
        if out
            .write_all(body.as_bytes())
            .and_then(|_| out.flush())
            .is_err()
        {
            return EXIT_ERROR;
        }
    }
    let failing = diags.iter().any(|d| {
        d.severity == Severity::Error || (args.deny_warnings && d.severity == Severity::Warning)
    });
    // The process ends here: freeing the model one allocation at a time
    // would only delay the exit (tens of milliseconds on large trees).
    std::mem::forget(loaded);
    if failing { EXIT_FINDINGS } else { EXIT_CLEAN }
}
