//! XREF009 missing-mentioned-path: `references/…`, `scripts/…`, `assets/…`
//! written in a skill's prose or inline code must exist.

use crate::declare_rule;
use crate::parse::mentions::PathBase;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source;

declare_rule! {
    /// A `references/`, `scripts/` or `assets/` path named in a skill does not exist.
    ///
    /// ## What it does
    /// Finds paths under `references/`, `scripts/` and `assets/` in the prose
    /// and inline code of a skill's files (links are checked by `broken-link`)
    /// and resolves them against the skill directory; `${CLAUDE_SKILL_DIR}/…`
    /// and `${CLAUDE_PLUGIN_ROOT}/…` are resolved too. `references/…` is
    /// always checked; `scripts/…` and `assets/…` only when the skill has that
    /// folder, since skills often name files of the repository they work on.
    /// Paths shown as examples (a paragraph or list, or the line leading into
    /// it, that says "example", "e.g.", "such as", "for instance" or "would be
    /// helpful") are not checked. A path missing here but present in a
    /// sibling skill of the same plugin that the list item or paragraph
    /// names ("`a`'s `references/x.md`") is that skill's file. A skill with
    /// no `references/` folder that says its files live in a clone or
    /// checkout of another repository, or whose paragraph also lists
    /// `scripts/` or `assets/` paths it lacks, describes that other checkout.
    ///
    /// A warning, not an error: a path in prose may name a file the skill
    /// creates or one of the repository it works on; a broken link is the
    /// error (`broken-link`).
    ///
    /// ## Why it matters
    /// Claude reads the file when the skill tells it to; a deleted or renamed
    /// reference fails at the worst moment, mid-task.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// On failure, read `references/known-failures.md`.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// On failure, read `references/known-failures.md`.
    /// ==> plugins/demo/skills/deploy/references/known-failures.md <==
    /// # Known failures
    /// ```
    pub static RULE = { id: "XREF009", name: "missing-mentioned-path", family: Xref, severity: Warning, check: check }
}

/// Whether the paragraph or list holding `at` (or the line leading into it)
/// presents paths as examples rather than as files of this skill.
pub fn is_example(text: &str, at: usize) -> bool {
    let line_start = |i: usize| text[..i].rfind('\n').map_or(0, |p| p + 1);
    let mut start = line_start(at);
    let mut end = text[at..].find("\n\n").map_or(text.len(), |p| at + p);
    // Walk up to the blank line that opens the block, then take one more
    // paragraph line as the lead-in.
    let mut lead_in = false;
    while start > 0 {
        let prev_start = line_start(start - 1);
        let prev = text[prev_start..start].trim();
        if prev.is_empty() {
            if lead_in {
                break;
            }
            lead_in = true;
        }
        start = prev_start;
    }
    end = end.min(text.len());
    let block = text[start..end].to_lowercase();
    let markers = [
        "example",
        "e.g.",
        "for instance",
        "such as",
        "would be helpful",
        "hypothetical",
        "references/:",
        "scripts/:",
        "assets/:",
    ];
    markers.iter().any(|m| block.contains(m))
}

/// The paragraph holding `at`: byte range between the blank lines around it.
fn paragraph(text: &str, at: usize) -> (usize, usize) {
    let line_start = |i: usize| text[..i].rfind('\n').map_or(0, |p| p + 1);
    let mut start = line_start(at);
    while start > 0 {
        let prev = line_start(start - 1);
        if text[prev..start].trim().is_empty() {
            break;
        }
        start = prev;
    }
    let mut end = at;
    while end < text.len() {
        let next = text[end..].find('\n').map_or(text.len(), |p| end + p + 1);
        if text[end..next].trim().is_empty() && end > at {
            break;
        }
        end = next;
    }
    (start, end.min(text.len()))
}

/// Whether `line` opens a list item (`- `, `* `, `+ `, `1. `, `1) `).
fn list_marker(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") {
        return true;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
}

/// The list item holding `at`, or its paragraph when it is in no list item.
fn item_or_paragraph(text: &str, at: usize) -> &str {
    let (p_start, p_end) = paragraph(text, at);
    let block = &text[p_start..p_end];
    let rel = at - p_start;
    // Line starts in the paragraph.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(block.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < block.len())
        .collect();
    let line_of = |i: usize| {
        let end = block[i..].find('\n').map_or(block.len(), |p| i + p);
        &block[i..end]
    };
    let here = starts.iter().rposition(|&s| s <= rel).unwrap_or(0);
    let Some(open) = (0..=here).rev().find(|&k| list_marker(line_of(starts[k]))) else {
        return block;
    };
    let indent = |l: &str| l.len() - l.trim_start().len();
    let depth = indent(line_of(starts[open]));
    let close = starts[here + 1..]
        .iter()
        .find(|&&s| {
            let l = line_of(s);
            list_marker(l) && indent(l) <= depth
        })
        .copied()
        .unwrap_or(block.len());
    &block[starts[open]..close]
}

/// Whether `name` appears in `text` as a whole word (not inside a longer
/// name: `a` is not found in `a-b` or `ab`).
fn names(text: &str, name: &str) -> bool {
    let part = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    text.match_indices(name).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(part)
            && !text[i + name.len()..].chars().next().is_some_and(part)
    })
}

/// Whether `path`, missing in skill `s`, is a file of a sibling skill of the
/// same plugin that the list item, paragraph or line mentioning it names
/// ("the `a` skill's `references/x.md`").
fn in_named_sibling(
    project: &crate::model::Project,
    plugin: &crate::model::Plugin,
    s: &crate::model::Skill,
    path: &str,
    text: &str,
    at: usize,
) -> bool {
    let unit = item_or_paragraph(text, at);
    plugin.skills.iter().any(|o| {
        o.dir != s.dir
            && !o.name.is_empty()
            && names(unit, &o.name)
            && source::join(&o.dir, path).is_some_and(|t| project.exists(&t))
    })
}

/// Whether the skill describes the files of another checkout: it has no
/// `references/` folder, and its text says its files live in a clone or
/// checkout of another repository, or the paragraph mentioning `path` also
/// lists `scripts/` or `assets/` paths the skill does not have either.
fn in_other_checkout(
    project: &crate::model::Project,
    s: &crate::model::Skill,
    paths: &[crate::parse::mentions::PathMention],
    path: &str,
    text: &str,
    at: usize,
) -> bool {
    if !path.starts_with("references/") || project.is_dir(&format!("{}/references", s.dir)) {
        return false;
    }
    let (start, end) = paragraph(text, at);
    let lists_absent = paths.iter().any(|o| {
        let i = o.span.start as usize;
        (start..end).contains(&i)
            && o.base == PathBase::Here
            && ["scripts/", "assets/"].iter().any(|f| {
                o.path.starts_with(f)
                    && !project.is_dir(&format!("{}/{}", s.dir, f.trim_end_matches('/')))
            })
    });
    lists_absent || says_other_checkout(text)
}

/// Whether a sentence of `text` says the skill's files live in a clone or
/// checkout of another repository ("the scripts live in a local clone of …").
fn says_other_checkout(text: &str) -> bool {
    let lower = text.to_lowercase();
    if !["clone", "checkout", "checked out", "repository"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return false;
    }
    let place = [
        "clone of",
        "cloned",
        "checkout of",
        "checked out",
        "another repository",
        "other repository",
        "separate repository",
    ];
    let what = ["scripts", "files", "references", "live in", "lives in", "run from"];
    lower
        .split(['.', '\n'])
        .any(|sentence| {
            place.iter().any(|p| sentence.contains(p)) && what.iter().any(|w| sentence.contains(w))
        })
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    for doc in &project.docs {
        // Mentions count where they instruct: SKILL.md, commands and agents.
        // Reference files often show other skills' layouts as examples.
        if doc.kind == crate::model::DocKind::Other {
            continue;
        }
        let skill = project.skill_of(&doc.path);
        let plugin = project.plugin_of(&doc.path).filter(|p| !p.synthetic);
        for m in &doc.md.paths {
            let path = m.path.trim_end_matches('/');
            let bases: Vec<&str> = match m.base {
                PathBase::PluginRoot => plugin.map(|p| p.dir.as_str()).into_iter().collect(),
                PathBase::SkillDir => skill.map(|(_, s)| s.dir.as_str()).into_iter().collect(),
                PathBase::Here => match skill {
                    // `scripts/` and `assets/` often name files of the repo the
                    // skill works on; check them only when the skill has that folder.
                    Some((_, s))
                        if path.starts_with("references/")
                            || project.is_dir(&format!(
                                "{}/{}",
                                s.dir,
                                path.split('/').next().unwrap_or("")
                            )) =>
                    {
                        vec![s.dir.as_str(), source::parent(&doc.path)]
                    }
                    _ => continue,
                },
            };
            if bases.is_empty() {
                continue;
            }
            let found = bases
                .iter()
                .any(|b| source::join(b, path).is_some_and(|t| project.exists(&t)));
            // Without an extension (`scripts/tools`) a path is usually prose,
            // unless a file of that stem exists (`scripts/check.py`).
            let last = path.rsplit('/').next().unwrap_or(path);
            let stem_exists = || {
                bases.iter().any(|b| {
                    source::join(b, path).is_some_and(|t| {
                        let prefix = format!("{t}.");
                        project.files.starting_with(&prefix).next().is_some()
                    })
                })
            };
            let text = cx.text(doc.file);
            let at = m.span.start as usize;
            if !found
                && (last.contains('.') || stem_exists())
                && !is_example(text, at)
                && !(m.base == PathBase::Here
                    && skill.is_some_and(|(p, s)| {
                        in_named_sibling(project, p, s, path, text, at)
                            || in_other_checkout(project, s, &doc.md.paths, path, text, at)
                    }))
            {
                let base = bases[0];
                let shown = if base.is_empty() {
                    path.to_string()
                } else {
                    format!("{base}/{path}")
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        doc.file,
                        m.span,
                        format!("`{path}` does not exist (looked for `{shown}`)"),
                    )
                    .help("fix the path, or add the file to the skill"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::testing::{check_listing, of_rule};

    fn skill(name: &str, body: &str) -> String {
        format!(
            "==> plugins/demo/skills/{name}/SKILL.md <==\n---\nname: {name}\ndescription: Does {name}. Use when {name} is needed.\n---\n{body}"
        )
    }

    /// The lines of the findings, in order.
    fn lines(listing: &str) -> Vec<usize> {
        let (_d, loaded, diags) = check_listing(listing);
        of_rule(&diags, &super::RULE)
            .iter()
            .map(|d| loaded.db.get(d.file()).line_col(d.span().start as usize).0)
            .collect()
    }

    #[test]
    fn a_path_of_a_named_sibling_skill_exists() {
        let tree = |body: &str| {
            format!(
                "{}{}==> plugins/demo/skills/build/references/other.md <==\n# Other\n==> plugins/demo/skills/tune/references/catalog.md <==\n# Catalog\n",
                skill("build", body),
                skill("tune", "Body.\n")
            )
        };
        // The paragraph or list item names `tune`, where the file is.
        assert_eq!(
            lines(&tree(
                "Read `references/other.md`.\n\nThe models are listed in the\n`tune` skill's `references/catalog.md`.\n\n- `tune` keeps\n  `references/catalog.md` current.\n"
            )),
            Vec::<usize>::new()
        );
        // Not named: missing here. Named, but the file is not there either.
        assert_eq!(
            lines(&tree(
                "Read `references/other.md`.\n\nThe models are in `references/catalog.md`.\n\n- `tune` keeps a list.\n- Read `references/catalog.md`.\n\nSee `tune`'s `references/gone.md`.\n"
            )),
            [7, 10, 12]
        );
    }

    #[test]
    fn files_of_another_checkout_are_not_this_skills() {
        // Only SKILL.md: the text says the files live in a clone.
        let clone = skill(
            "flash",
            "The scripts live in a local clone of the firmware repository.\n\nStep 2 reads `references/chips.md`.\n",
        );
        assert_eq!(lines(&clone), Vec::<usize>::new());
        // Only SKILL.md: the list of files names scripts it does not have.
        let listed = skill(
            "flash",
            "## Files\n\n- `scripts/run.py`: the entry point\n- `references/chips.md`: chip ids\n",
        );
        assert_eq!(lines(&listed), Vec::<usize>::new());
        // Nothing says so: the deleted reference is reported.
        let gone = skill("flash", "Step 2 reads `references/chips.md`.\n");
        assert_eq!(lines(&gone), [5]);
        // The references folder exists and lacks the file: reported even
        // with a clone sentence and a list of absent scripts.
        let lacks = format!(
            "{}==> plugins/demo/skills/flash/references/other.md <==\n# Other\n",
            skill(
                "flash",
                "The scripts live in a local clone of the firmware repository.\n\n- `scripts/run.py`: the entry point\n- `references/chips.md`: chip ids\n- `references/other.md`\n",
            )
        );
        assert_eq!(lines(&lacks), [8]);
    }
}
