//! `skillc check [PATH]`.

use super::{Color, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, fail};
use crate::engine::check::{Failure, Outcome, Request};
use crate::report::progress::Progress;
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
    #[arg(long, num_args = 0.., value_name = "FILE")]
    pub files: Option<Vec<PathBuf>>,
    /// Report only findings what git's index changes affects: staged edits,
    /// additions, deletions and both sides of renames (with --files, those
    /// files too). For pre-commit: a commit that only deletes a referenced
    /// file is still checked.
    #[arg(long, conflicts_with = "since")]
    pub staged: bool,
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
    /// Apply safe fixes (quote the values strict YAML rejects in frontmatter
    /// and sources, replace a mention, a typed reference or a source's key or
    /// value by its only close match, regenerate drifted build outputs), then
    /// report what is left.
    #[arg(long, conflicts_with = "write_baseline")]
    pub fix: bool,
    /// With --fix: print the changes as a unified diff and write nothing
    /// (exit 1 when anything would change).
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// The consumer the skills are written for: Agent Skills spec rules
    /// (name = folder, name format, description limits, strict YAML) are
    /// errors for agent-skills (claude.ai uploads, the Skills API,
    /// skills-ref) and warnings for claude-code, which loads such skills.
    /// Overrides `target` in skillc.toml.
    #[arg(long, value_enum)]
    pub target: Option<TargetArg>,
    /// Turn on a profile's rules, off by default: `directory` runs the
    /// plugin directory's submission checks (DR001–DR008). Overrides
    /// `profile` in skillc.toml.
    #[arg(long, value_enum)]
    pub profile: Option<ProfileArg>,
    /// Only these rules: ids, id prefixes (`RD`, `XREF00`), names, or ALL.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Option<Vec<String>>,
    /// These rules too, on top of the configuration (turns on rules that
    /// are off).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub extend_select: Vec<String>,
    /// Not these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Print how many findings each rule made instead of the findings.
    #[arg(long, conflicts_with = "fix")]
    pub statistics: bool,
}

/// `--target`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TargetArg {
    ClaudeCode,
    AgentSkills,
}

/// `--profile`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ProfileArg {
    Directory,
}

impl Args {
    fn request(&self) -> Request {
        Request {
            path: self.path.clone(),
            config: self.config.clone(),
            shellcheck: self.shellcheck,
            files: self.files.clone(),
            since: self.since.clone(),
            staged: self.staged,
            baseline: self.baseline.clone(),
            write_baseline: self.write_baseline.clone(),
            // `SKILLC_TIMING=1`: where the time goes (load, then each check).
            timings: std::env::var_os("SKILLC_TIMING").is_some(),
            target: self.target.map(|t| match t {
                TargetArg::ClaudeCode => crate::engine::config::Target::ClaudeCode,
                TargetArg::AgentSkills => crate::engine::config::Target::AgentSkills,
            }),
            profile: self.profile.map(|p| match p {
                ProfileArg::Directory => crate::rules::Profile::Directory,
            }),
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
        }
    }
}

fn failed(f: Failure) -> u8 {
    match f {
        Failure::Other(m) => fail(m),
        Failure::Config(e) => {
            eprint!("{}", crate::report::config_error(&e, super::width()));
            EXIT_ERROR
        }
    }
}

/// Run a check; its exit code, and what it loaded (see [`super::Exit`]).
pub fn run(args: Args) -> (u8, Option<Outcome>) {
    let progress = Progress::start(!args.quiet && std::io::stderr().is_terminal());
    let outcome = match crate::engine::check::check(&args.request()) {
        Ok(o) => o,
        Err(f) => return (failed(f), None),
    };
    drop(progress);
    if outcome.shellcheck_missing {
        eprintln!(
            "note: shellcheck is not installed; --shellcheck was skipped (install it from your package manager)"
        );
    }
    if let Some(t) = &outcome.timings {
        eprint!("{t}");
    }
    if let Some(n) = outcome.baseline_written {
        if !args.quiet {
            eprintln!(
                "wrote {n} findings to `{}`",
                args.write_baseline
                    .as_deref()
                    .unwrap_or(Path::new(""))
                    .display()
            );
        }
        return (EXIT_CLEAN, Some(outcome));
    }
    if args.fix {
        if let Some(code) = fix(&args, &outcome) {
            return (code, Some(outcome));
        }
        // Report what is left, from the files as they are now.
        return run(Args { fix: false, ..args });
    }
    (report(&args, &outcome), Some(outcome))
}

/// `--fix`: apply (or, dry, show) the safe fixes and the rebuild they call
/// for; `Some(code)` when done. Every file written (or, dry, shown) is
/// counted, and what was held back is said with why.
fn fix(args: &Args, outcome: &Outcome) -> Option<u8> {
    use crate::text::counted;
    let fixed = match crate::engine::check::apply_fixes(outcome, args.dry_run) {
        Ok(f) => f,
        Err(f) => return Some(failed(f)),
    };
    let mut notes = Vec::new();
    if fixed.overlapping > 0 {
        let one = fixed.overlapping == 1;
        notes.push(format!(
            "{} held back: {} the same text as another fix; run `--fix` again to apply {}",
            counted(fixed.overlapping, "fix"),
            if one { "it edits" } else { "they edit" },
            if one { "it" } else { "them" },
        ));
    }
    for (path, why) in &fixed.skipped {
        notes.push(format!("left `{path}` alone: {why}"));
    }
    // Drifted build outputs are fixed by building (or, dry, by its diff).
    let mut rebuilt = (0, 0); // (written, removed)
    let mut code = EXIT_CLEAN;
    let root = &outcome.loaded.root;
    let mut out = std::io::stdout().lock();
    if args.dry_run {
        for (path, (old, new)) in &fixed.edits {
            if let Err(e) = write!(out, "{}", super::unified_diff(path, old, new)) {
                return Some(super::write_failed(&e));
            }
        }
    }
    if fixed.rebuild {
        match super::build::prepare(root, args.config.as_deref()) {
            Ok((_, plan)) if args.dry_run => {
                for c in &plan.changes {
                    let old = c.old.as_deref().unwrap_or("");
                    if let Err(e) = write!(out, "{}", super::unified_diff(&c.path, old, &c.new)) {
                        return Some(super::write_failed(&e));
                    }
                }
                rebuilt = (plan.changes.len(), plan.stale.len());
                if fixed.edits_sources {
                    notes.push(
                        "the rebuild shown is from the sources as they are now; --fix rebuilds from the fixed sources"
                            .to_string(),
                    );
                }
            }
            Ok((_, plan)) => {
                let (done, failure) = crate::engine::build::write(root, &plan);
                for d in &done {
                    match d {
                        crate::engine::build::Done::Wrote(_) => rebuilt.0 += 1,
                        crate::engine::build::Done::Removed(_) => rebuilt.1 += 1,
                    }
                }
                if let Some(e) = failure {
                    eprintln!("error: {e}");
                    code = EXIT_ERROR;
                }
            }
            Err(c) => {
                if !args.dry_run {
                    notes.push("generated files were not rebuilt: the sources have errors".into());
                }
                code = c;
            }
        }
    }
    drop(out);
    let files = if args.dry_run {
        fixed.edits.len()
    } else {
        fixed.written
    };
    if args.dry_run && files + rebuilt.0 + rebuilt.1 > 0 {
        code = code.max(EXIT_FINDINGS);
    }
    if args.dry_run || !args.quiet || code != EXIT_CLEAN {
        eprintln!("{}", fix_summary(args.dry_run, fixed.fixes, files, rebuilt));
        for n in notes {
            eprintln!("note: {n}");
        }
    }
    if args.dry_run {
        Some(code)
    } else {
        (code == EXIT_ERROR).then_some(code)
    }
}

/// What `--fix` did (or, `dry`, would do): `applied 2 fixes to 1 file and
/// rebuilt 3 generated files (4 files written)`.
fn fix_summary(
    dry: bool,
    fixes: usize,
    files: usize,
    (rebuilt, removed): (usize, usize),
) -> String {
    use crate::text::counted;
    let verb = |now: &'static str, past: &'static str| if dry { now } else { past };
    let mut line = format!(
        "{} {} to {}",
        verb("would apply", "applied"),
        counted(fixes, "fix"),
        counted(files, "file")
    );
    if rebuilt > 0 {
        line += &format!(
            " and {} {}",
            verb("rebuild", "rebuilt"),
            counted(rebuilt, "generated file")
        );
    }
    if removed > 0 {
        line += &format!(
            " and {} {}",
            verb("remove", "removed"),
            counted(removed, "stale generated file")
        );
    }
    if dry {
        line += "; nothing was written";
    } else if files > 0 && rebuilt > 0 {
        line += &format!(" ({} written)", counted(files + rebuilt, "file"));
    }
    line
}

/// Print the findings; the exit code.
fn report(args: &Args, outcome: &Outcome) -> u8 {
    let (diags, loaded) = (&outcome.diags, &outcome.loaded);
    // A full run over a tree with nothing Claude Code loads is a wrong path
    // (a typo in CI's `path:`), not a clean one.
    let full = args.files.is_none() && args.since.is_none() && !args.staged;
    if full && diags.is_empty() && !loaded.project.has_anything_to_check() {
        eprintln!(
            "error: nothing to check in `{}`: no marketplace, plugin, skill, command, agent or component file was found",
            args.path.display()
        );
        eprintln!("  help: point skillc at a marketplace or plugin folder (or a folder of skills)");
        return EXIT_ERROR;
    }
    let summary = Summary::of(diags, outcome.checked_files);
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Human
    } else {
        Format::Concise
    });
    let text = if args.statistics {
        match format {
            Format::Json => report::statistics::render_json(diags),
            _ => report::statistics::render(diags),
        }
    } else {
        report::render(
            format,
            diags,
            &loaded.db,
            summary,
            HumanOptions {
                color: super::use_color(args.color),
                width: super::width(),
            },
            &format.paths(&loaded.root),
        )
    };
    let quiet_clean = args.quiet && diags.is_empty();
    if !quiet_clean {
        let mut out = std::io::stdout().lock();
        let body = if text.is_empty() && matches!(format, Format::Human | Format::Concise) {
            let files = summary.files;
            format!(
                "No problems found in {files} file{}.\n",
                if files == 1 { "" } else { "s" }
            )
        } else {
            text
        };
        if let Err(e) = out.write_all(body.as_bytes()).and_then(|_| out.flush()) {
            return super::write_failed(&e);
        }
    }
    let copies = &loaded.project.copies;
    if !copies.is_empty() && !args.quiet && matches!(format, Format::Human | Format::Concise) {
        let paths = format.paths(&loaded.root);
        let shown: Vec<String> = copies
            .iter()
            .take(3)
            .map(|c| format!("{}/", paths.show(c)))
            .collect();
        let more = copies.len().saturating_sub(3);
        eprintln!(
            "note: left out {} folder{} of copies by default: {}{} (point skillc at one to check it, or set `default-exclude = false`)",
            copies.len(),
            if copies.len() == 1 { "" } else { "s" },
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
    let plural = crate::text::counted;
    if let Some(hidden) = outcome.baseline_hidden
        && !args.quiet
        && (hidden > 0 || outcome.baseline_gone > 0)
    {
        let file = args.baseline.as_deref().unwrap_or(Path::new("")).display();
        let mut note = format!(
            "note: the baseline `{file}` hid {}",
            plural(hidden, "finding")
        );
        if outcome.baseline_gone > 0 {
            note += &format!(
                "; {} it records {} gone (run with --write-baseline to shrink it)",
                plural(outcome.baseline_gone, "finding"),
                if outcome.baseline_gone == 1 {
                    "is"
                } else {
                    "are"
                }
            );
        }
        eprintln!("{note}");
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if errors == 0 && warnings > 0 && args.deny_warnings {
        eprintln!(
            "error: failing on {} because of --deny-warnings",
            plural(warnings, "warning")
        );
    }
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}
