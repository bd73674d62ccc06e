//! Run every enabled check over a loaded tree and apply policy: severity
//! overrides, per-file ignores, inline suppressions, deterministic order.

use crate::config::{Config, Level};
use crate::diag::{self, Diagnostic};
use crate::load::Loaded;
use crate::rules::{Context, registry};
use crate::suppress::Suppressions;
use rayon::prelude::*;

/// Run all checks whose rules are not all off; return sorted diagnostics.
pub fn run(loaded: &Loaded, config: &Config) -> Vec<Diagnostic> {
    let cx = Context {
        project: &loaded.project,
        db: &loaded.db,
        config,
    };
    let raw: Vec<Diagnostic> = registry::CHECKS
        .par_iter()
        .filter(|c| {
            c.rules
                .iter()
                .any(|r| config.level(r) != Level::Off || !config.overrides.is_empty())
        })
        .flat_map_iter(|c| {
            let mut out = Vec::new();
            (c.run)(&cx, &mut out);
            out
        })
        .collect();
    let mut suppressions = Suppressions::collect(&loaded.project, &loaded.db);
    let configured = |mut d: Diagnostic| -> Option<Diagnostic> {
        let path = loaded.db.path(d.file());
        match config.level_at(d.rule, path) {
            Some(Level::Off) => return None,
            Some(Level::On(sev)) => d.severity = sev,
            None => {}
        }
        (!config.is_ignored(d.rule, path)).then_some(d)
    };
    let mut diags: Vec<Diagnostic> = raw
        .into_iter()
        .filter_map(configured)
        .filter(|d| !suppressions.covers(d, &loaded.db))
        .collect();
    diags.extend(
        suppressions
            .unused(config, &loaded.db)
            .into_iter()
            .filter_map(configured),
    );
    diag::sort(&mut diags, &loaded.db);
    diags
}
