//! The `identifier-not-ascii` rule (DR008).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;
use crate::source::{FileId, Span};

declare_rule! {
    /// A plugin, skill, command or agent name has a character outside ASCII.
    ///
    /// ## What it does
    /// Reads the plugin's name (plugin.json's `name`, else its marketplace
    /// entry's), each skill's folder name and frontmatter `name`, each
    /// command's name (from its file) and each agent's file name and
    /// frontmatter `name`, and reports one with a character outside ASCII
    /// (`café`, `ｄｅｐｌｏｙ`, a zero-width space). Off unless the
    /// `directory` profile is on.
    ///
    /// ## Why it matters
    /// These names become the `/plugin:skill` commands users type and the
    /// identifiers the directory indexes; a letter that looks like an
    /// ASCII one but is not makes a name impossible to type and easy to
    /// impersonate. Claude Code's validator (`claude plugin validate
    /// --profile directory`) reports `IDENTIFIER_NON_ASCII` as an error.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/déploy/SKILL.md <==
    /// ---
    /// name: déploy
    /// description: Deploys the service. Use when the user asks to deploy.
    /// ---
    /// Deploy.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the service. Use when the user asks to deploy.
    /// ---
    /// Deploy.
    /// ```
    pub static RULE = { id: "DR008", name: "identifier-not-ascii", family: Directory, severity: Error, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let project = cx.project;
    let mut report = |file: FileId, span: Span, what: &str, name: &str| {
        if name.is_ascii() {
            return;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                file,
                span,
                format!("{what} `{name}` has characters outside ASCII"),
            )
            .help("use ASCII letters, digits and hyphens: the name is what users type"),
        );
    };
    for l in super::listed(cx) {
        let p = l.plugin;
        match l.manifest.and_then(|(file, pm)| Some((file, pm.name.spanned()?))) {
            Some((file, (name, span))) => report(file, span, "plugin name", name),
            None => report(l.file, l.span, "plugin name", &p.name),
        }
        for s in &p.skills {
            let d = project.doc(s.doc);
            let fm_name = d.fm.as_ref().and_then(|fm| fm.name.spanned());
            // The folder name, unless the frontmatter name says the same.
            if fm_name.is_none_or(|(n, _)| n.text != s.name) {
                report(d.file, Span::empty(0), "skill folder", &s.name);
            }
            if let Some((n, span)) = fm_name {
                report(d.file, span, "skill name", &n.text);
            }
        }
        for c in &p.commands {
            let d = project.doc(c.doc);
            report(d.file, Span::empty(0), "command name", &c.name);
        }
        for a in &p.agents {
            let d = project.doc(a.doc);
            let fm_name = d.fm.as_ref().and_then(|fm| fm.name.spanned());
            if fm_name.is_none_or(|(n, _)| n.text != a.name) {
                report(d.file, Span::empty(0), "agent file name", &a.name);
            }
            if let Some((n, span)) = fm_name {
                report(d.file, span, "agent name", &n.text);
            }
        }
    }
}
