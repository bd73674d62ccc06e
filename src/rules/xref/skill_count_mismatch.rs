//! XREF007 skill-count-mismatch: "nine skills", "10 skills", "(9 skills)" in
//! READMEs, CLAUDE.md files and descriptions match what ships.

use super::description_sites;
use crate::text::names_word;
use crate::declare_rule;
use crate::model::Project;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};

declare_rule! {
    /// A count of skills in prose disagrees with the tree.
    ///
    /// ## What it does
    /// Finds "N skills" (digits or the words one to twenty) in README.md and
    /// CLAUDE.md files and in manifest descriptions, and compares the ones
    /// that state how many skills ship: "This plugin has N skills", "N
    /// skills:" opening the list, a line naming the plugin ("cozystack (9
    /// skills)"), a sentence of the intro that opens with the count, and
    /// manifest descriptions. Section subtotals ("### Advanced (6 skills)"),
    /// changelog and history lines ("added 3 skills", "18 skills
    /// optimized", anything under a changelog or release heading), shares
    /// ("3 skills each", "up to 5 skills") and "skill" used as a modifier
    /// ("one skill source") are not compared. A claim is compared with the
    /// plugin it is about: the plugin named on the same line, the plugin
    /// whose heading the claim sits under, the plugin the file belongs to,
    /// or the whole marketplace.
    ///
    /// Info: a stale count misleads readers, but nothing fails to load.
    ///
    /// ## Why it matters
    /// Counts are written once and never updated; a README promising nine
    /// skills when ten ship (or eleven when one was removed) misleads users
    /// and reviewers alike.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/README.md <==
    /// # demo
    ///
    /// Three skills for shipping the demo app.
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ==> plugins/demo/skills/debug/SKILL.md <==
    /// ---
    /// name: debug
    /// description: Investigates failed deployments. Use when a deploy fails.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/README.md <==
    /// # demo
    ///
    /// Two skills for shipping the demo app.
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ==> plugins/demo/skills/debug/SKILL.md <==
    /// ---
    /// name: debug
    /// description: Investigates failed deployments. Use when a deploy fails.
    /// ---
    /// ```
    pub static RULE = { id: "XREF007", name: "skill-count-mismatch", family: Xref, severity: Info, check: check }
}

const WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

fn number(s: &str) -> Option<usize> {
    s.parse()
        .ok()
        .or_else(|| WORDS.iter().position(|w| w.eq_ignore_ascii_case(s)))
}

/// `(offset in text, claimed number)` for each "N skills" in `text`.
fn claims(text: &str) -> Vec<(Span, usize)> {
    let re = crate::regex!(
        r"(?i)(?-u:\b)([0-9]{1,3}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+skills?(?-u:\b)"
    );
    let b = text.as_bytes();
    re.captures_iter(text)
        .filter_map(|c| {
            let all = c.get(0)?;
            // `3,000 skills`, `1.5 skills`: the tail of a larger number.
            let at = all.start();
            if at >= 2 && matches!(b[at - 1], b',' | b'.') && b[at - 2].is_ascii_digit() {
                return None;
            }
            Some((
                Span::new(all.start(), all.end()),
                number(c.get(1)?.as_str())?,
            ))
        })
        .collect()
}

fn plugins_on(project: &Project, line: &str) -> Vec<usize> {
    project
        .plugins
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.synthetic && names_word(line, &p.name))
        .map(|(i, _)| i)
        .collect()
}

fn report(
    out: &mut Vec<Diagnostic>,
    file: FileId,
    span: Span,
    n: usize,
    expected: &[(String, usize)],
) {
    if expected.iter().any(|(_, c)| *c == n) {
        return;
    }
    let Some((what, count)) = expected.first() else {
        return;
    };
    out.push(
        Diagnostic::new(
            &RULE,
            file,
            span,
            format!(
                "claims {n} skill{}, but {what} ships {count}",
                if n == 1 { "" } else { "s" }
            ),
        )
        .help(format!(
            "update the count to {count}, or drop the number so it cannot go stale"
        )),
    );
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    let real: Vec<usize> = project
        .plugins
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.synthetic)
        .map(|(i, _)| i)
        .collect();
    if real.is_empty() {
        return;
    }
    let total: usize = real.iter().map(|&i| project.plugins[i].skills.len()).sum();
    let label = |i: usize| {
        (
            format!("plugin `{}`", project.plugins[i].name),
            project.plugins[i].skills.len(),
        )
    };
    for doc in &project.docs {
        let fname = doc.path.rsplit('/').next().unwrap_or(&doc.path);
        if !(fname.eq_ignore_ascii_case("README.md") || fname.eq_ignore_ascii_case("CLAUDE.md")) {
            continue;
        }
        let file = cx.db.get(doc.file);
        let owner = project
            .plugin_of(&doc.path)
            .filter(|p| !p.synthetic)
            .and_then(|p| project.plugins.iter().position(|q| std::ptr::eq(q, p)));
        let sections = Sections::of(doc);
        for (span, n) in claims(&file.text[doc.body_start..]) {
            let span = span.offset(doc.body_start);
            let (line_no, _) = file.line_col(span.start as usize);
            let line = file.slice(file.line_span(line_no));
            let named = plugins_on(project, line);
            if !sections.counts(&file.text, span, !named.is_empty()) {
                continue;
            }
            let mut expected: Vec<(String, usize)> = named.into_iter().map(label).collect();
            if let Some(o) = owner {
                expected.push(label(o));
            } else {
                let heading = sections
                    .above(span)
                    .filter_map(|h| plugins_on(project, doc.md.heading_text(h, &file.text)).first().copied())
                    .next_back();
                expected.extend(heading.map(label));
                expected.push(("the marketplace".to_string(), total));
            }
            report(out, doc.file, span, n, &expected);
        }
    }
    for site in description_sites(project) {
        if site.plugin.is_none() && !site.is_marketplace {
            continue;
        }
        let raw = cx.text(site.file).get(site.span.range()).unwrap_or("");
        for (span, n) in claims(raw) {
            if !reads_as_total(raw, span, true) {
                continue;
            }
            let span = span.offset(site.span.start as usize);
            let mut expected: Vec<(String, usize)> = Vec::new();
            match site.plugin {
                Some(i) => expected.push(label(i)),
                None => {
                    expected.extend(plugins_on(project, raw).into_iter().map(label));
                    expected.push(("the marketplace".to_string(), total));
                }
            }
            report(out, site.file, span, n, &expected);
        }
    }
}

/// The headings of a document, and which claims under them state a total.
struct Sections<'a> {
    doc: &'a crate::model::Doc,
    /// Where the first heading below the title starts: the intro ends there.
    intro_end: u32,
}

impl<'a> Sections<'a> {
    fn of(doc: &'a crate::model::Doc) -> Sections<'a> {
        let first_section = doc.md.headings.iter().find(|h| h.level >= 2);
        Sections {
            doc,
            intro_end: first_section.map_or(u32::MAX, |h| h.span.start),
        }
    }

    /// The headings before `span`, in order.
    fn above(&self, span: Span) -> impl DoubleEndedIterator<Item = &'a crate::parse::markdown::Heading> {
        self.doc.md.headings.iter().filter(move |h| h.span.start < span.start)
    }

    /// Whether the claim at `span` states a total worth comparing: not a
    /// section's subtotal (a sub-heading that names no plugin), nothing
    /// under a changelog or release-notes heading, and a total by its
    /// wording (see [`reads_as_total`]), by naming a plugin on its line, or
    /// by opening a sentence of the intro or the title.
    fn counts(&self, text: &str, span: Span, names_plugin: bool) -> bool {
        let md = &self.doc.md;
        let mut open: Vec<&crate::parse::markdown::Heading> = Vec::new();
        for h in self.above(span) {
            while open.last().is_some_and(|o| o.level >= h.level) {
                open.pop();
            }
            open.push(h);
        }
        let history = crate::regex!(
            r"(?i)change\s*log|changes|history|release|what'?s\s+new|updates|migrat|roadmap|(?-u:\b)v?\d+\.\d+(?:\.\d+)?(?-u:\b)"
        );
        if open.iter().any(|h| history.is_match(md.heading_text(h, text))) {
            return false;
        }
        let in_heading = open.last().filter(|h| span.end <= h.span.end);
        match in_heading {
            Some(h) if h.level >= 2 => names_plugin && reads_as_total(text, span, true),
            Some(_) => reads_as_total(text, span, true),
            None => {
                let opens = span.start < self.intro_end && opens_sentence(text, span);
                reads_as_total(text, span, names_plugin || opens)
            }
        }
    }
}

/// Whether nothing but markup stands between the start of the line or
/// sentence and the claim at `span` (`- **Three skills** …`).
fn opens_sentence(text: &str, span: Span) -> bool {
    let before = &text[..span.start as usize];
    let line = before.rsplit('\n').next().unwrap_or(before);
    let sentence = line.rsplit(['.', '!', '?', ';']).next().unwrap_or(line);
    sentence
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '_' | '>' | '#' | '|' | '+' | '(' | '['))
}

/// How the claim at `span` of `text` reads: a count of the skills that
/// ship, or something else. Never a total: history ("added 3 skills",
/// "18 skills optimized"), a share ("3 skills each", "up to 5 skills"),
/// or "skill" used as a modifier ("one skill source"). A total by its
/// wording: "has / ships / contains / includes / gives you … N skills",
/// "N skills:" opening a list, "N skills in total"; otherwise it counts
/// as one when `default` says so.
fn reads_as_total(text: &str, span: Span, default: bool) -> bool {
    let (start, end) = (span.start as usize, span.end as usize);
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..start];
    let sentence = before.rsplit(['.', '!', '?', ';']).next().unwrap_or(before);
    let after = text[end..].split('\n').next().unwrap_or("");
    let singular = !text[..end].ends_with('s');
    let history_before = crate::regex!(
        r"(?i)(?-u:\b)(?:add(?:ed|s|ing)?|remov(?:ed|es|ing)|delet(?:ed|es)|dropped|renamed|merged|migrated|moved|converted|consolidated|optimi[sz]ed|another|additional|extra|other|remaining|first|last|top|these|those|each|every|per|over|than|least|most|up\s+to|about|around|some)[\s*_]*$"
    );
    let history_after = crate::regex!(
        r"(?i)^[\s*_]*(?:(?:were|was|have\s+been|has\s+been|are\s+now|got)\s+)?(?:added|removed|deleted|dropped|renamed|updated|optimi[sz]ed|improved|refactored|rewritten|fixed|migrated|moved|deprecated|converted|changed|created|enhanced|reworked|revised|merged|split|consolidated|archived|retired|each|per|apiece|out\s+of|of\s+the|of\s+its|can|could|may|might|must|should|would|will)(?-u:\b)"
    );
    if history_before.is_match(sentence) || history_after.is_match(after) {
        return false;
    }
    // `one skill source`, `a skill directory`: a modifier, not a count.
    let next_word = after
        .trim_start_matches([' ', '\t', '*', '_'])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let connects = matches!(
        next_word.to_ascii_lowercase().as_str(),
        "" | "for" | "that" | "which" | "to" | "in" | "is" | "are" | "ship" | "ships" | "and" | "or"
            | "with" | "called" | "named" | "total" | "covering" | "invoked" | "available"
            | "included" | "shipped" | "bundled" | "here" | "plus"
    );
    if after.starts_with([' ', '\t']) && !connects && (singular || is_noun(next_word)) {
        return false;
    }
    let wording_before = crate::regex!(
        r"(?i)(?-u:\b)(?:ha[sv]e?|ships?|contains?|includes?|provides?|offers?|bundles?|packs?|exposes?|gives?\s+you|comes\s+with|with|totals?|totaling|all|of)(?-u:\b)"
    );
    let wording_after = crate::regex!(r"(?i)^(?:\*\*|__)?\s*(?::|\(|in\s+total|total|in\s+all)");
    wording_before.is_match(sentence) || wording_after.is_match(after) || default
}

/// Nouns that make a following "skills" a modifier (`two skills folders`).
fn is_noun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "directory" | "directories" | "dir" | "dirs" | "folder" | "folders" | "file" | "files"
            | "source" | "sources" | "index" | "list" | "registry" | "repo" | "page" | "pages"
            | "marketplace" | "catalog" | "section"
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn claims_are_whole_numbers() {
        let found: Vec<usize> = super::claims(
            "Ships 3 skills; the largest has 3,000 skills and 1.5 skills on average; Four skills.",
        )
        .into_iter()
        .map(|(_, n)| n)
        .collect();
        assert_eq!(found, vec![3, 4]);
    }
}
