//! The `version-not-bumped` rule (PJ040).

use crate::declare_rule;
use crate::model::value::Present;
use crate::rules::Context;
use crate::rules::diag::Diagnostic;

declare_rule! {
    /// A plugin changed since the base revision but its version did not go up.
    ///
    /// ## What it does
    /// Runs only under `skillc check --since REF`. For every plugin that has a
    /// file changed, added or deleted since the merge base of `REF` and `HEAD`,
    /// compares the version it has now (plugin.json `version`, else its
    /// marketplace entry's) with the version it had at the merge base, as
    /// semver. A version that is equal, lower, or removed is a finding. Plugins
    /// that did not exist at the base, or had no version there, are skipped.
    ///
    /// ## Why it matters
    /// Claude Code updates an installed plugin only when its version changes:
    /// a merged fix without a bump never reaches the users who already
    /// installed the plugin, and nothing tells anyone.
    ///
    /// ## Example
    /// On a branch that edits `plugins/ops/skills/deploy/SKILL.md` while
    /// `plugins/ops/.claude-plugin/plugin.json` keeps `"version": "1.4.0"`,
    /// `skillc check --since origin/main` reports the unchanged version.
    ///
    /// ## Use instead
    /// Bump the version in the same change: `1.4.1` for a fix, `1.5.0` for a new
    /// skill or command, `2.0.0` for a rename or removal users must adapt to.
    /// With a typed source, bump `version` in `plugin.yaml` and run
    /// `skillc build`.
    pub static RULE = { id: "PJ040", name: "version-not-bumped", family: Manifest, severity: Error, reach: Change, check: check }
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(base) = cx.since else {
        return;
    };
    let project = cx.project;
    for p in project.plugins.iter().filter(|p| !p.synthetic) {
        let Some(Some(before)) = base.versions.get(&p.dir) else {
            continue;
        };
        let manifest = project.manifest(p);
        let from_manifest =
            manifest.and_then(|m| Some((m.plugin()?.version.spanned()?, m.file)));
        let entry = p.entry.and_then(|i| {
            let (mf, mk) = super::marketplace_of(project, &project.entries[i])?;
            Some((mf.file, mk.entry(project.entries[i].index)?))
        });
        let now = from_manifest
            .map(|((v, span), file)| (Some(v.as_str()), file, span))
            .or_else(|| {
                entry.map(|(file, item)| {
                    match item.ok().and_then(|e| e.plugin.version.spanned()) {
                        Some((v, span)) => (Some(v.as_str()), file, span),
                        None => (None, file, item.span),
                    }
                })
            })
            .or_else(|| manifest.and_then(|m| Some((None, m.file, m.plugin()?.span))));
        let Some((now, file, span)) = now else {
            continue;
        };
        let help = if crate::source::join(&p.dir, "plugin.yaml")
            .is_some_and(|f| project.files.contains(&f))
        {
            "raise `version` in plugin.yaml (patch for a fix, minor for an addition, major for a break) and run `skillc build`"
        } else {
            "raise `version` (patch for a fix, minor for an addition, major for a break)"
        };
        let message = match now {
            None => format!(
                "plugin `{}` changed since `{}` and lost its version (was `{before}`)",
                p.name, base.rev
            ),
            Some(now) => {
                let (Ok(a), Ok(b)) = (semver::Version::parse(before), semver::Version::parse(now))
                else {
                    continue; // PJ009 reports versions that are not semver
                };
                if b > a {
                    continue;
                }
                if b == a {
                    format!(
                        "plugin `{}` changed since `{}` but its version is still `{now}`",
                        p.name, base.rev
                    )
                } else {
                    format!(
                        "plugin `{}` changed since `{}` but its version went down from `{before}` to `{now}`",
                        p.name, base.rev
                    )
                }
            }
        };
        out.push(Diagnostic::new(&RULE, file, span, message).help(help));
    }
}
