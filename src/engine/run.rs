//! Run every enabled check over a loaded tree and apply policy: severity
//! overrides, per-file ignores, inline suppressions, deterministic order.

use crate::engine::config::{Level, Target};
use crate::engine::session::Session;
use crate::engine::suppress::Suppressions;
use crate::model::build::Loaded;
use crate::rules::diag::{self, Diagnostic, Severity};
use crate::rules::{Check, Context, Late, RuleMeta, registry};
use rayon::prelude::*;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wall time per check, collected when `SKILLC_TIMING` is set.
#[derive(Default)]
pub struct Timings(Mutex<Vec<(String, Duration)>>);

impl Timings {
    /// One line per check, slowest first: time and the rule ids it emits.
    pub fn report(self) -> String {
        let mut v = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v.iter()
            .map(|(label, d)| format!("{:>9.2}ms  {label}\n", d.as_secs_f64() * 1e3))
            .collect()
    }
    fn push(&self, label: String, d: Duration) {
        if let Ok(mut v) = self.0.lock() {
            v.push((label, d));
        }
    }
}

/// Run all checks whose rules are not all off; return sorted diagnostics,
/// recording each check's wall time into `timings` when given.
pub(crate) fn run(
    session: &Session,
    loaded: &Loaded,
    timings: Option<&Timings>,
) -> Vec<Diagnostic> {
    let config = &session.config;
    let cx = context(session, loaded);
    let on = |r: &RuleMeta| !config.overrides.is_empty() || config.level(r) != Level::Off;
    let raw: Vec<Diagnostic> = tasks(registry::rules().iter().copied().filter(|r| on(r)))
        .par_iter()
        .flat_map_iter(|task| {
            let mut out = Vec::new();
            for r in task {
                let Check::Model(check) = r.check else {
                    continue;
                };
                let start = Instant::now();
                let from = out.len();
                check(&cx, &mut out);
                if let Some(t) = timings {
                    t.push(r.id.to_string(), start.elapsed());
                }
                debug_assert!(
                    out[from..].iter().all(|d| d.rule.id == r.id),
                    "{} reported another rule's finding",
                    r.id
                );
            }
            out
        })
        .collect();
    let mut suppressions = Suppressions::collect(&loaded.project, &loaded.db);
    let configured = |mut d: Diagnostic| -> Option<Diagnostic> {
        let path = loaded.db.path(d.file());
        match config.level_at(d.rule, path) {
            Some(Level::Off) => return None,
            Some(Level::On(sev)) => d.severity = sev,
            // Off by default (a profile's rule): `[[overrides]]` ran it.
            None if config.default_level(d.rule) == Level::Off => return None,
            // Agent Skills spec rules break only the consumers that enforce
            // the spec: for Claude Code they are likely defects.
            None if d.rule.spec
                && config.target == Target::ClaudeCode
                && d.severity == Severity::Error =>
            {
                d.severity = Severity::Warning;
            }
            None => {}
        }
        (!config.is_ignored(d.rule, path)).then_some(d)
    };
    let mut diags: Vec<Diagnostic> = raw
        .into_iter()
        .filter_map(configured)
        .filter(|d| !suppressions.covers(d, &loaded.db))
        .collect();
    registry::drop_superseded(&mut diags);
    // Findings in generated files move to their sources, or fold.
    if let Some(compiled) = crate::rules::build::compiled(&cx) {
        diags = super::sourcemap::remap(diags, compiled, &loaded.project, &loaded.db);
    }
    // Late rules: what the others' findings left (unused suppressions).
    let unused = suppressions.unused(config, session.options.shellcheck, &loaded.db);
    let late = Late { unused: &unused };
    for r in registry::rules().iter().filter(|r| on(r)) {
        if let Check::Late(check) = r.check {
            let mut out = Vec::new();
            check(&cx, &late, &mut out);
            debug_assert!(
                out.iter().all(|d| d.rule.id == r.id),
                "{} reported another rule's finding",
                r.id
            );
            diags.extend(out.into_iter().filter_map(configured));
        }
    }
    diag::sort(&mut diags, &loaded.db);
    diags
}

/// The model checks of `rules` as tasks to run in parallel: one per rule,
/// except that a family sharing a pass ([`crate::rules::Family::shares_a_pass`])
/// is one task, its rules in order.
fn tasks(rules: impl Iterator<Item = &'static RuleMeta>) -> Vec<Vec<&'static RuleMeta>> {
    let mut tasks: Vec<Vec<&RuleMeta>> = Vec::new();
    for r in rules {
        let Check::Model(_) = r.check else { continue };
        let shared = r.family.shares_a_pass();
        match tasks.iter_mut().find(|t| shared && t[0].family == r.family) {
            Some(task) => task.push(r),
            None => tasks.push(vec![r]),
        }
    }
    tasks
}

/// What the rules of `session` see of `loaded`.
pub(crate) fn context<'a>(session: &'a Session, loaded: &'a Loaded) -> Context<'a> {
    Context {
        project: &loaded.project,
        db: &loaded.db,
        shell: &session.config.shell,
        redaction: &session.config.redaction,
        shellcheck: session.options.shellcheck,
        focus: session.options.focus.as_ref(),
        since: session.options.since.as_ref(),
        shared: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_sharing_a_pass_runs_as_one_task() {
        let all = tasks(registry::rules().iter().copied());
        let models = registry::rules()
            .iter()
            .filter(|r| matches!(r.check, Check::Model(_)))
            .count();
        assert_eq!(all.iter().map(Vec::len).sum::<usize>(), models);
        for task in &all {
            let family = task[0].family;
            assert!(task.iter().all(|r| r.family == family));
            if family.shares_a_pass() {
                let whole = registry::rules()
                    .iter()
                    .filter(|r| r.family == family && matches!(r.check, Check::Model(_)))
                    .count();
                assert_eq!(task.len(), whole, "{family:?} is split over tasks");
            } else {
                assert_eq!(task.len(), 1, "{family:?} rules run one per task");
            }
        }
        // The redaction rules, which all read one pass, are one task.
        assert!(
            all.iter()
                .any(|t| t.iter().any(|r| r.id == "RD001") && t.iter().any(|r| r.id == "RD002"))
        );
    }
}
