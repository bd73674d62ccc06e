//! A session: the validated configuration and what the command line asked
//! for (shellcheck, narrowing to changed files, the `--since` base), in one
//! place. Loading and checking go through it, so the options a run was
//! given are never state mutated on the configuration.

use crate::engine::config::{Config, Level};
use crate::engine::run::{self, Timings};
use crate::model::build::{self, LoadError, Loaded};
use crate::model::focus::{Base, Focus};
use crate::rules::diag::Diagnostic;
use crate::rules::{Family, registry};
use std::path::Path;

/// What the command line asked of a run, beside the configuration.
#[derive(Debug, Default, Clone)]
pub struct RunOptions {
    /// Run shellcheck on shell sites (`--shellcheck`, when installed).
    pub shellcheck: bool,
    /// With `--files`/`--since`: the changed files (see [`crate::model::focus`]).
    pub focus: Option<Focus>,
    /// With `--since`: the base revision and the plugin versions it had.
    pub since: Option<Base>,
    /// The path the run was pointed at, relative to the root it loads, when
    /// that root is the tree around it.
    pub within: Option<String>,
}

/// One run of skillc over a tree.
#[derive(Debug, Default)]
pub struct Session {
    pub config: Config,
    pub options: RunOptions,
}

impl Session {
    pub fn new(config: Config) -> Session {
        Session {
            config,
            options: RunOptions::default(),
        }
    }

    /// Whether a rule of `family` can report in this run (`[[overrides]]`
    /// may turn any rule on for some paths, so with them every family can).
    pub fn family_on(&self, family: Family) -> bool {
        !self.config.overrides.is_empty()
            || registry::rules()
                .iter()
                .any(|r| r.family == family && self.config.level(r) != Level::Off)
    }

    /// Load the tree at `target`: read and parse what this run's rules and
    /// narrowing need.
    pub fn load(&self, target: &Path) -> Result<Loaded, LoadError> {
        let options = build::Options {
            exclude: self.config.exclude.as_ref(),
            no_default_exclude: self.config.no_default_exclude,
            keep: self.options.within.as_deref(),
            max_file_size: self.config.max_file_size,
            focus: self.options.focus.as_ref(),
            // With every shell rule off, fenced shell is not parsed (blocks
            // with a `skillc:` comment excepted, for their suppressions).
            shell_blocks: self.family_on(Family::Shell),
            warm_redaction: self.family_on(Family::Redaction),
            syntax: &crate::parse::shell::BashN,
        };
        build::load(target, &options)
    }

    /// Run every rule that is on over `loaded`; sorted, configured,
    /// suppressions applied.
    pub fn check(&self, loaded: &Loaded) -> Vec<Diagnostic> {
        run::run(self, loaded, None)
    }

    /// [`Session::check`], recording each check's time into `timings`.
    pub fn check_timed(&self, loaded: &Loaded, timings: &Timings) -> Vec<Diagnostic> {
        run::run(self, loaded, Some(timings))
    }
}
