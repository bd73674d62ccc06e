//! The `broken-link` rule (XREF001).

use crate::declare_rule;
use crate::model::Project;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source;

declare_rule! {
    /// A relative link points to a file that does not exist.
    ///
    /// ## What it does
    /// Resolves every relative link and image in every markdown file against
    /// the file's directory. A link that resolves only from the skill
    /// directory (how Claude reads it) is a warning. Extensionless targets
    /// that are not well-known files (`thumbnail_url`) and files under a
    /// `templates/` folder are treated as placeholders, and so are links on
    /// a line of template text (one holding `${NAME}` or `{{ name }}`
    /// placeholders other than Claude Code's `${CLAUDE_…}`). Email autolinks
    /// (`<a@example.com>`) link to `mailto:`, not to a file.
    ///
    /// The severity says who reads the link. In what Claude reads (skills,
    /// commands, agents, output styles, the files of a skill directory and
    /// the files they link to) a broken link is an error. In README,
    /// CHANGELOG and other docs that no loader reads, it is a warning: it
    /// breaks only for people browsing the repository.
    ///
    /// ## Why it matters
    /// Claude follows these links to load references; a dead link silently
    /// drops the knowledge the skill depends on.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// Read [the runbook](references/runbok.md) first.
    /// ==> plugins/demo/skills/deploy/references/runbook.md <==
    /// # Runbook
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// Read [the runbook](references/runbook.md) first.
    /// ==> plugins/demo/skills/deploy/references/runbook.md <==
    /// # Runbook
    /// ```
    pub static RULE = { id: "XREF001", name: "broken-link", family: Xref, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    let read = &project.read_by_claude;
    for (doc, link, l) in super::local_links(project) {
        let Some(target) = &l.target else {
            continue;
        };
        if project.exists(target) {
            continue;
        }
        let path_part = l.path_part;
        if looks_like_placeholder(path_part)
            || in_template_dir(&doc.path)
            || is_template_line(cx.text(doc.file), link.dest_span.start as usize)
        {
            continue;
        }
        let dir = source::parent(&doc.path);
        // Claude resolves paths from the skill directory; GitHub from the file.
        if let Some((_, skill)) = project.skill_of(&doc.path)
            && let Some(alt) = source::join(&skill.dir, &l.decoded).filter(|t| project.exists(t))
        {
            out.push(
                Diagnostic::new(&RULE, doc.file, link.dest_span, format!("link `{path_part}` resolves only from the skill directory, not from this file"))
                    .severity(Severity::Warning)
                    .help(format!("write `{}` so the link works when rendered too", relative_to(dir, &alt))),
            );
            continue;
        }
        let near = nearest_file(project, target);
        let diag = Diagnostic::new(
            &RULE,
            doc.file,
            link.dest_span,
            format!("link target `{}` does not exist", path_part),
        );
        let diag = match near {
            Some(n) => diag.help(format!("did you mean `{}`?", relative_to(dir, &n))),
            None => diag.help("fix the path or restore the file"),
        };
        out.push(if read.contains(&*doc.path) {
            diag
        } else {
            diag.severity(Severity::Warning)
        });
    }
}

/// Extensionless names that are not well-known files (`thumbnail_url`,
/// `internal-wiki/page`) are template placeholders more often than paths.
fn looks_like_placeholder(path: &str) -> bool {
    const KNOWN: &[&str] = &[
        "LICENSE",
        "LICENCE",
        "COPYING",
        "NOTICE",
        "README",
        "CHANGELOG",
        "AUTHORS",
        "CODEOWNERS",
        "Makefile",
        "Dockerfile",
        "CONTRIBUTING",
    ];
    if path.ends_with('/') || path.starts_with("./") || path.starts_with("../") {
        return false;
    }
    let last = path.rsplit('/').next().unwrap_or(path);
    !last.contains('.') && !KNOWN.iter().any(|k| last.eq_ignore_ascii_case(k))
}

/// Whether the line holding `at` is template text: it holds `${NAME}` or
/// `{{ name }}` placeholders (`licensed under ${LICENSE} - see
/// [LICENSE](LICENSE)`), so its links point into the project the template
/// is filled in for. Claude Code's own variables (`${CLAUDE_SKILL_DIR}`)
/// are not placeholders: they are expanded where the file is.
pub fn is_template_line(text: &str, at: usize) -> bool {
    let start = text[..at.min(text.len())].rfind('\n').map_or(0, |p| p + 1);
    let end = text[start..].find('\n').map_or(text.len(), |p| start + p);
    let line = &text[start..end];
    if !line.contains("${") && !line.contains("{{") {
        return false;
    }
    crate::regex!(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|(?:^|[^$])\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}")
        .captures_iter(line)
        .any(|c| c.get(1).is_none_or(|v| !v.as_str().starts_with("CLAUDE_")))
}

/// Files under a `templates/` folder are instantiated elsewhere; their links
/// point at files that exist only after that.
fn in_template_dir(path: &str) -> bool {
    path.split('/')
        .any(|seg| seg == "templates" || seg == "template")
}

/// The closest existing file in the same directory.
fn nearest_file(project: &Project, target: &str) -> Option<String> {
    let dir = source::parent(target);
    let name = target.rsplit('/').next().unwrap_or(target);
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    let siblings: Vec<&str> = project
        .files
        .starting_with(&prefix)
        .filter(|f| !f[prefix.len()..].contains('/'))
        .collect();
    let best = crate::text::suggest(name, siblings.iter().map(|f| &f[prefix.len()..]))?;
    Some(format!("{prefix}{best}"))
}

/// `to` written relative to directory `from`.
pub fn relative_to(from: &str, to: &str) -> String {
    let f: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let t: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = f.iter().zip(&t).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; f.len() - common];
    parts.extend(&t[common..]);
    parts.join("/")
}
