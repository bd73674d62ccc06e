//! `skillc build [PATH]`.

use super::{EXIT_CLEAN, EXIT_FINDINGS, fail};
use crate::report::{self, Format, HumanOptions};
use crate::rules::diag::Summary;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The marketplace (or plugin) to build.
    #[arg(default_value_os_t = super::default_path())]
    pub path: PathBuf,
    /// Write nothing; exit 1 and list the files that would change.
    #[arg(long)]
    pub check: bool,
    /// Write nothing; print a unified diff of what would change (exit 1 when anything would).
    #[arg(long)]
    pub diff: bool,
    /// Config file (default: the nearest skillc.toml at or above PATH, within
    /// the repository).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    if !args.path.is_dir() {
        return fail(format!("`{}` is not a directory", args.path.display()));
    }
    let config = match super::load_config(args.config.as_deref(), &args.path) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let session = crate::engine::Session::new(config);
    let loaded = match session.load(&args.path) {
        Ok(l) => l,
        Err(e) => return fail(e.0),
    };
    let plan = session.plan_build(&loaded);
    if !plan.errors.is_empty() {
        let format = if std::io::stderr().is_terminal() {
            Format::Human
        } else {
            Format::Concise
        };
        let text = report::render(
            format,
            &plan.errors,
            &loaded.db,
            Summary::of(&plan.errors, loaded.db.len()),
            HumanOptions {
                color: false,
                width: super::width(),
            },
            &format.paths(&loaded.root),
        );
        eprint!("{text}");
        eprintln!("build: the sources have errors; nothing was written");
        return EXIT_FINDINGS;
    }
    let mut stdout = std::io::stdout().lock();
    if args.check || args.diff {
        for c in &plan.changes {
            if args.diff {
                let old = c.old.as_deref().unwrap_or("");
                let _ = write!(stdout, "{}", super::unified_diff(&c.path, old, &c.new));
            } else {
                let verb = if c.old.is_some() {
                    "would update"
                } else {
                    "would create"
                };
                let _ = writeln!(stdout, "{verb} {}", c.path);
            }
        }
        for path in &plan.stale {
            let _ = writeln!(stdout, "would remove {path}");
        }
        if plan.up_to_date() {
            if args.check {
                let _ = writeln!(
                    stdout,
                    "build: up to date ({} generated files)",
                    plan.generated
                );
            }
            return EXIT_CLEAN;
        }
        return EXIT_FINDINGS;
    }
    // What was done is reported even when a later write failed.
    let (done, failure) = crate::engine::build::write(&loaded.root, &plan);
    for d in &done {
        let _ = match d {
            crate::engine::build::Done::Wrote(p) => writeln!(stdout, "wrote {p}"),
            crate::engine::build::Done::Removed(p) => writeln!(stdout, "removed {p}"),
        };
    }
    if let Some(e) = failure {
        return fail(e);
    }
    if plan.up_to_date() {
        let _ = writeln!(
            stdout,
            "build: up to date ({} generated files)",
            plan.generated
        );
    }
    EXIT_CLEAN
}
