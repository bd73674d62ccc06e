//! AS004 skill-name-missing, AS005 skill-name-format, AS009 skill-name-mismatch,
//! AS010 skill-name-reserved-word.

use crate::declare_rule;
use crate::model::DocKind;
use crate::parse::frontmatter::FrontmatterState;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::Span;

declare_rule! {
    /// A SKILL.md has no `name`.
    ///
    /// ## What it does
    /// Reports skills whose frontmatter has no `name` key.
    ///
    /// ## Why it matters
    /// The Agent Skills spec requires it; skills-ref and claude.ai uploads
    /// reject the skill.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static MISSING = { id: "AS004", name: "skill-name-missing", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A skill `name` breaks the Agent Skills naming rules.
    ///
    /// ## What it does
    /// Checks that `name` is a string of 1–64 characters from `[a-z0-9-]`,
    /// with no leading or trailing `-` and no `--`.
    ///
    /// ## Why it matters
    /// The Agent Skills spec, skills-ref and claude.ai uploads reject other
    /// names, and the command Claude Code derives from it changes.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: Deploy_App
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static FORMAT = { id: "AS005", name: "skill-name-format", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A skill `name` differs from its directory name.
    ///
    /// ## What it does
    /// Compares `name` with the directory that holds SKILL.md, for every skill
    /// in the tree (including `plugins/*/skills/*`).
    ///
    /// ## Why it matters
    /// The Agent Skills spec requires them equal. In Claude Code `name`
    /// renames the command, so `/plugin:dir` mentions in docs stop resolving.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: ship
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static MISMATCH = { id: "AS009", name: "skill-name-mismatch", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A skill `name` contains `anthropic` or `claude`.
    ///
    /// ## What it does
    /// Reports names containing the reserved words.
    ///
    /// ## Why it matters
    /// claude.ai and the Skills API refuse such names.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/claude-deploy/SKILL.md <==
    /// ---
    /// name: claude-deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// ---
    /// ```
    pub static RESERVED = { id: "AS010", name: "skill-name-reserved-word", family: Frontmatter, severity: Warning }
}

/// Why `name` breaks the naming rules, if it does.
pub fn name_problem(name: &str) -> Option<String> {
    let n = name.chars().count();
    if n == 0 {
        return Some("is empty".into());
    }
    if n > 64 {
        return Some(format!("is {n} characters long; the limit is 64"));
    }
    if name.chars().any(|c| c.is_uppercase()) {
        return Some("has uppercase letters".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Some(format!("contains `{c}`; only a-z, 0-9 and - are allowed"));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some("starts or ends with `-`".into());
    }
    if name.contains("--") {
        return Some("contains `--`".into());
    }
    None
}

pub fn suggestion(name: &str) -> String {
    crate::rules::manifest::plugin_name::kebab(name)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.project.plugins {
        for s in &p.skills {
            let d = cx.project.doc(s.doc);
            if d.kind != DocKind::Skill {
                continue;
            }
            let FrontmatterState::Present(fm) = &d.frontmatter else {
                continue;
            };
            let Some(root) = fm.root().filter(|r| r.is_map()) else {
                continue;
            };
            let Some((key, value)) = root.entry("name") else {
                out.push(
                    Diagnostic::new(
                        &MISSING,
                        d.file,
                        fm.span.offset(0).clamp_start(),
                        "skill has no `name`",
                    )
                    .help(format!("add `name: {}` (its directory name)", s.name)),
                );
                continue;
            };
            let _ = key;
            let Some(name) = value.as_str().filter(|_| {
                value.scalar_type() == Some(crate::parse::yaml::ScalarType::Str)
                    || value.scalar_type() == Some(crate::parse::yaml::ScalarType::Int)
            }) else {
                out.push(
                    Diagnostic::new(
                        &FORMAT,
                        d.file,
                        value.span,
                        format!("skill `name` must be a string, not a {}", value.type_name()),
                    )
                    .help(format!("write `name: {}`", s.name)),
                );
                continue;
            };
            if let Some(why) = name_problem(name) {
                out.push(
                    Diagnostic::new(
                        &FORMAT,
                        d.file,
                        value.span,
                        format!("skill name `{name}` {why}"),
                    )
                    .help(format!(
                        "use lowercase letters, digits and single hyphens, e.g. `{}`",
                        suggestion(name)
                    )),
                );
            } else if name != s.name {
                out.push(
                    Diagnostic::new(
                        &MISMATCH,
                        d.file,
                        value.span,
                        format!(
                            "skill name `{name}` differs from its directory `{}`",
                            s.name
                        ),
                    )
                    .help(format!(
                        "rename the directory to `{name}` or set `name: {}`",
                        s.name
                    )),
                );
            }
            let lower = name.to_lowercase();
            if lower.contains("anthropic") || lower.contains("claude") {
                out.push(
                    Diagnostic::new(&RESERVED, d.file, value.span, format!("skill name `{name}` contains a reserved word"))
                        .help("claude.ai and the Skills API reject names containing `anthropic` or `claude`"),
                );
            }
        }
    }
}

trait ClampStart {
    fn clamp_start(self) -> Span;
}
impl ClampStart for Span {
    /// The first three bytes (the opening `---`).
    fn clamp_start(self) -> Span {
        Span::new(
            self.start as usize,
            (self.start as usize + 3).min(self.end as usize),
        )
    }
}
