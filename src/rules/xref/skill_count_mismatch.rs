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
    /// CLAUDE.md files and in manifest descriptions. A claim is compared with
    /// the plugin it is about: the plugin named on the same line, the plugin
    /// whose heading the claim sits under, the plugin the file belongs to, or
    /// the whole marketplace.
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
    pub static RULE = { id: "XREF007", name: "skill-count-mismatch", family: Xref, severity: Warning, check: check }
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
        let body = &file.text[doc.body_start..];
        let owner = project
            .plugin_of(&doc.path)
            .filter(|p| !p.synthetic)
            .and_then(|p| project.plugins.iter().position(|q| std::ptr::eq(q, p)));
        for (span, n) in claims(body) {
            let span = span.offset(doc.body_start);
            let (line_no, _) = file.line_col(span.start as usize);
            let line = file.slice(file.line_span(line_no));
            let mut expected: Vec<(String, usize)> =
                plugins_on(project, line).into_iter().map(label).collect();
            if let Some(o) = owner {
                expected.push(label(o));
            } else {
                let heading = doc
                    .md
                    .headings
                    .iter()
                    .filter(|h| h.span.start < span.start)
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
