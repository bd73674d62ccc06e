//! Phase structure inside skills: `Phase N` / `Phase N.M` headings, mentions
//! of phases, and numbered STOP GATEs.

crate::declare_family! {
    duplicate_phase,
    phase_out_of_order,
    unknown_phase_mention,
    duplicate_stop_gate,
    historical_phase_mention,
    unknown_stop_gate,
}

use crate::model::{Doc, DocKind, Project};
use crate::parse::phase::title_words;
pub use crate::parse::phase::{PhaseHeading, PhaseMention, PhaseNo, show};
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::{FileId, Span};
use std::collections::{HashMap, HashSet};

/// The `Phase N` headings of a doc (not its bold openings), in order.
pub fn phase_headings(doc: &Doc) -> &[PhaseHeading] {
    doc.phases.as_ref().map_or(&[], |f| &f.headings)
}

/// The scope phases and gates are numbered in: the skill directory of
/// `path`, or the file itself outside skills.
pub fn scope<'a>(project: &'a Project, path: &'a str) -> &'a str {
    project.skill_of(path).map_or(path, |(_, s)| s.dir.as_str())
}

/// Docs that phase rules look at: components, and files inside a skill directory.
///
/// A body a narrowed run left unparsed is not one: it lies outside every
/// scope whose findings are reported, and no reported finding looks up its
/// phases (see `load::parse_deferred`).
pub fn phase_docs(project: &Project) -> impl Iterator<Item = &Doc> {
    project
        .docs
        .iter()
        .filter(|d| !d.light && (d.kind != DocKind::Other || project.skill_of(&d.path).is_some()))
}

/// Declared phases per scope (skill directory, or the file outside skills).
fn declared(project: &Project) -> HashMap<&str, Vec<PhaseNo>> {
    let mut map: HashMap<&str, Vec<PhaseNo>> = HashMap::new();
    for doc in phase_docs(project) {
        let entry = map.entry(scope(project, &doc.path)).or_default();
        if let Some(f) = &doc.phases {
            entry.extend(f.declared().map(|h| h.no));
        }
    }
    map
}

/// Plugins whose phase-declaring files share one numbering (a pipeline
/// that a command declares and its agents and skills take parts of): every
/// phase number that two or more scopes declare has titles that share a
/// word. A plugin whose skills number their phases independently declares
/// the same number with unrelated titles (`Phase 8 — Commit`, `Phase 8 —
/// Rollout wait`).
fn shared_numbering<'a>(cx: &Context<'_>, project: &'a Project) -> HashSet<&'a str> {
    type Titles<'a> = Vec<(&'a str, Option<HashSet<String>>)>;
    let mut plugins: HashMap<&str, HashMap<PhaseNo, Titles<'a>>> = HashMap::new();
    for doc in phase_docs(project) {
        let (Some(plugin), Some(f)) = (project.plugin_of(&doc.path), &doc.phases) else {
            continue;
        };
        let own = scope(project, &doc.path);
        let by_no = plugins.entry(plugin.dir.as_str()).or_default();
        let text = cx.text(doc.file);
        for h in f.declared() {
            by_no
                .entry(h.no)
                .or_default()
                .push((own, title_words(text, h.span)));
        }
    }
    plugins
        .into_iter()
        .filter(|(_, by_no)| {
            by_no.values().all(|titles| {
                titles.iter().enumerate().all(|(i, (sa, a))| {
                    titles[i + 1..].iter().all(|(sb, b)| match (a, b) {
                        (Some(a), Some(b)) if sa != sb => !a.is_disjoint(b),
                        _ => true,
                    })
                })
            })
        })
        .map(|(dir, _)| dir)
        .collect()
}

/// What the phase mention rules report, found in one pass over the prose.
pub struct Mentions {
    /// PH003.
    pub unknown: Vec<Diagnostic>,
    /// PH005.
    pub historical: Vec<Diagnostic>,
}

/// Phase mentions in prose checked against the phases each skill declares,
/// once for both mention rules.
fn mentions<'a>(cx: &'a Context<'_>) -> &'a Mentions {
    cx.shared.phase_mentions.get_or_init(|| scan_mentions(cx))
}

fn scan_mentions(cx: &Context<'_>) -> Mentions {
    use rayon::prelude::*;
    let project = cx.project;
    let table = declared(project);
    let by_name = project.skills_by_name();
    let shared = shared_numbering(cx, project);
    let docs: Vec<&Doc> = phase_docs(project)
        .filter(|d| cx.phase_in_focus(&d.path))
        .collect();
    // Docs are independent once the tables are built.
    let found: Vec<(Vec<Diagnostic>, Vec<Diagnostic>)> = docs
        .par_iter()
        .filter_map(|doc| {
            let facts = doc.phases.as_ref()?;
            let own = scope(project, &doc.path);
            if table.get(own).is_none_or(|v| v.is_empty()) {
                return None;
            }
            let historical = facts
                .historic
                .iter()
                .map(|&span| historical(doc, cx.text(doc.file), span))
                .collect();
            let check = MentionCheck {
                cx,
                doc,
                own,
                table: &table,
                by_name: &by_name,
                shared: &shared,
            };
            let unknown = facts
                .mentions
                .iter()
                .filter_map(|m| check.judge(m))
                .collect();
            Some((historical, unknown))
        })
        .collect();
    let (historical, unknown): (Vec<_>, Vec<_>) = found.into_iter().unzip();
    Mentions {
        unknown: unknown.into_iter().flatten().collect(),
        historical: historical.into_iter().flatten().collect(),
    }
}

fn historical(doc: &Doc, text: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &historical_phase_mention::RULE,
        doc.file,
        span,
        format!(
            "`{}` refers to a phase that no longer exists",
            text.get(span.range()).unwrap_or("")
        ),
    )
    .help("describe the current step instead of its history")
}

/// Checks the phase mentions of one doc against the declared phases.
struct MentionCheck<'c, 'a> {
    cx: &'c Context<'a>,
    doc: &'a Doc,
    /// The doc's scope.
    own: &'a str,
    table: &'c HashMap<&'a str, Vec<PhaseNo>>,
    by_name: &'c HashMap<&'a str, &'a str>,
    /// Plugins with one shared phase numbering.
    shared: &'c HashSet<&'a str>,
}

/// Whether `list` declares `no`; "Phase 4" also matches a list with only
/// 4.1, 4.2 …
fn declares(list: &[PhaseNo], no: PhaseNo) -> bool {
    list.contains(&no) || (no.1.is_none() && list.iter().any(|(a, _)| *a == no.0))
}

impl<'a> MentionCheck<'_, 'a> {
    /// The PH003 finding for a mention of a phase its scope lacks, if any.
    fn judge(&self, m: &PhaseMention) -> Option<Diagnostic> {
        let text = self.cx.text(self.doc.file);
        let named: Option<&str> = m
            .named
            .and_then(|s| text.get(s.range()))
            .filter(|n| self.by_name.contains_key(n));
        let target: Option<&str> = named.map(|n| self.by_name[n]);
        let list = self.table.get(target.unwrap_or(self.own))?;
        if list.is_empty() || declares(list, m.no) {
            return None;
        }
        if target.is_none() && self.named_on_line(m) {
            return None;
        }
        let whose = match named {
            Some(n) => format!("skill `{n}`"),
            None if self.cx.project.skill_of(&self.doc.path).is_some() => "this skill".to_string(),
            None => "this file".to_string(),
        };
        if target.is_none()
            && let Some(d) = self.ambiguous(m, &whose)
        {
            return d;
        }
        let near = list
            .iter()
            .filter(|(a, _)| *a == m.no.0)
            .map(|n| show(*n))
            .collect::<Vec<_>>();
        let diag = Diagnostic::new(
            &unknown_phase_mention::RULE,
            self.doc.file,
            m.span,
            format!("Phase {} does not exist in {whose}", show(m.no)),
        );
        Some(if near.is_empty() {
            let all: Vec<String> = list.iter().map(|n| show(*n)).collect();
            diag.help(format!("its phases are {}", all.join(", ")))
        } else {
            diag.help(format!("did you mean Phase {}?", near.join(" or Phase ")))
        })
    }

    /// A skill named elsewhere on the mention's line has this phase
    /// (`Phase 8 of cluster-install`, `` `cluster-install` Phase 4 + Phase 5.5 ``).
    fn named_on_line(&self, m: &PhaseMention) -> bool {
        let file = self.cx.db.get(self.doc.file);
        let line = file.slice(file.line_span(file.line_col(m.at as usize).0));
        self.by_name.iter().any(|(n, dir)| {
            *dir != self.own
                && crate::text::names_word(line, n)
                && self.table.get(*dir).is_some_and(|l| declares(l, m.no))
        })
    }

    /// Declared by another skill or command of the same plugin: the mention
    /// is ambiguous rather than dangling.
    /// `Some(None)` when the plugin shares one numbering, so the mention
    /// resolves to the file that declares it.
    fn ambiguous(&self, m: &PhaseMention, whose: &str) -> Option<Option<Diagnostic>> {
        let plugin = self.cx.project.plugin_of(&self.doc.path)?;
        // Scopes of this doc's plugin start with this ("" for a root plugin).
        let prefix = if plugin.dir.is_empty() {
            String::new()
        } else {
            format!("{}/", plugin.dir)
        };
        let mut names: Vec<&str> = self
            .table
            .iter()
            .filter(|(scope, l)| {
                **scope != self.own && scope.starts_with(prefix.as_str()) && declares(l, m.no)
            })
            .map(|(scope, _)| {
                scope
                    .trim_end_matches("/SKILL.md")
                    .rsplit('/')
                    .next()
                    .unwrap_or(scope)
            })
            .collect();
        if names.is_empty() {
            return None;
        }
        if self.shared.contains(plugin.dir.as_str()) {
            // One pipeline: the mention names its phase.
            return Some(None);
        }
        names.sort();
        Some(Some(
            Diagnostic::new(
                &unknown_phase_mention::RULE,
                self.doc.file,
                m.span,
                format!(
                    "Phase {} is not in {whose}; it is declared by {}",
                    show(m.no),
                    names.join(", ")
                ),
            )
            .severity(Severity::Warning)
            .help(format!(
                "name the owner: `{} Phase {}`",
                names[0].trim_end_matches(".md"),
                show(m.no)
            )),
        ))
    }
}

/// The STOP GATEs each skill declares, and the docs whose gate mentions
/// are checked against them.
pub struct Gates<'a> {
    /// Each doc with its scope (skill directory, or the doc outside skills);
    /// under --files/--since, only scopes with a reportable file.
    pub docs: Vec<(&'a Doc, &'a str)>,
    /// Declarations per scope: number, file, span.
    pub decls: HashMap<&'a str, Vec<(u32, FileId, Span)>>,
}

/// The STOP GATE declarations, found once for both gate rules.
fn gates<'s, 'a>(cx: &'s Context<'a>) -> &'s Gates<'a> {
    cx.shared.stop_gates.get_or_init(|| find_gates(cx))
}

fn find_gates<'a>(cx: &Context<'a>) -> Gates<'a> {
    let project = cx.project;
    // Each doc with its scope (skill directory, or the doc outside skills);
    // under --files/--since, only scopes with a reportable file.
    let mut docs: Vec<(&Doc, &str)> = phase_docs(project)
        .map(|d| (d, scope(project, &d.path)))
        .collect();
    if cx.focus.is_some() {
        let wanted: std::collections::HashSet<&str> = docs
            .iter()
            .filter(|(d, _)| cx.phase_in_focus(&d.path))
            .map(|(_, s)| *s)
            .collect();
        docs.retain(|(_, s)| wanted.contains(s));
    }
    // Declarations per skill.
    let mut decls: HashMap<&str, Vec<(u32, FileId, Span)>> = HashMap::new();
    for (doc, own) in &docs {
        let Some(f) = &doc.phases else { continue };
        if !f.gates.is_empty() {
            let list = decls.entry(own).or_default();
            list.extend(f.gates.iter().map(|g| (g.no, doc.file, g.span)));
        }
    }
    Gates { docs, decls }
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule};

    /// `# PHASE 5 - Final` declares Phase 5 as `## Phase 5` does: a mention
    /// of it is no unknown phase.
    #[test]
    fn declarations_are_read_in_any_case() {
        let skill = |body: &str| {
            format!(
                "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n---\n{body}"
            )
        };
        let unknown = &super::unknown_phase_mention::RULE;
        let count = |body: &str| {
            let (_d, _l, diags) = check_listing(&skill(body));
            of_rule(&diags, unknown).len()
        };
        for body in [
            "## Phase 1 - Plan\n\nThen go to Phase 5.\n\n# PHASE 5 - Final\n\nDone.\n",
            "## Phase 1 - Plan\n\nThen go to PHASE 5.\n\n## phase 5: final\n\nDone.\n",
            "## Phase 1 - Plan\n\nThen Phase 2.\n\n**PHASE 2 — Ship.** Go.\n",
        ] {
            assert_eq!(count(body), 0, "{body}");
        }
        // Upper-case mentions are mentions too.
        assert_eq!(count("## Phase 1 - Plan\n\nThen go to PHASE 7.\n"), 1);
    }

    /// A plugin whose command declares a pipeline that its agents take parts
    /// of (the same number, a title that agrees) has one numbering: an
    /// agent's mention of another part resolves. Skills that number their
    /// phases independently (the same number, unrelated titles) leave a
    /// mention of the other skill's phase ambiguous.
    #[test]
    fn a_shared_pipeline_resolves_mentions_across_files() {
        let unknown = &super::unknown_phase_mention::RULE;
        let count = |listing: &str| {
            let (_d, _l, diags) = check_listing(listing);
            of_rule(&diags, unknown).len()
        };
        let shared = "==> plugins/demo/commands/train.md <==\n---\ndescription: Trains a model.\n---\n## Phase 1: Data Preparation\n\nGo.\n\n## Phase 2: Training\n\nGo.\n\n## Phase 3: Checkpoint Gate\n\nGo.\n==> plugins/demo/agents/trainer.md <==\n---\nname: trainer\ndescription: Trains. Use when training.\n---\n### Phase 2 — Training run\n\nHand the checkpoint to Phase 3.\n\n### Phase 0 Exit Checklist\n\nDone.\n";
        assert_eq!(count(shared), 0);
        let skill = |name: &str, body: &str| {
            format!(
                "==> plugins/demo/skills/{name}/SKILL.md <==\n---\nname: {name}\ndescription: Does {name}. Use when {name} is needed.\n---\n{body}"
            )
        };
        let independent = format!(
            "{}{}",
            skill(
                "install",
                "## Phase 1 — Parse arguments\n\nGo.\n\n## Phase 2 — Apply\n\nGo.\n\n## Phase 3 — Verify\n\nGo.\n"
            ),
            skill(
                "bump",
                "## Phase 1 — Read versions\n\nGo.\n\n## Phase 2 — Commit\n\nThen run Phase 3.\n"
            )
        );
        assert_eq!(count(&independent), 1);
    }
}
