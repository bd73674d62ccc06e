//! Directory-submission checks (formats.md §13.4, §16 "Directory-submission
//! profile"): what Anthropic's plugin directory asks of a plugin before it
//! lists it, as `claude plugin validate --profile directory` checks it.
//! Off by default: `profile = "directory"` in skillc.toml or `--profile
//! directory` turns them on. They apply to plugins only (not to a
//! project's `.claude/` or to loose skills), and read the README, the
//! license and the icon through the model's queries
//! ([`crate::model::listing`]).

use crate::model::manifest::PluginManifest;
use crate::model::value::Present;
use crate::model::{Plugin, PluginKind};
use crate::rules::Context;
use crate::source::{FileId, Span};

crate::declare_family! {
    readme_missing,
    readme_too_short,
    license_missing,
    icon_invalid,
    privacy_policy_missing,
    listing_url_scheme,
    too_many_config_files,
    identifier_not_ascii,
}

/// A plugin the directory would list, with where findings about it go.
pub struct Listed<'a> {
    pub plugin: &'a Plugin,
    /// Its plugin.json, typed, when it has one.
    pub manifest: Option<(FileId, &'a PluginManifest)>,
    /// Where a finding about the plugin as a whole goes: the `name` of its
    /// plugin.json (its opening brace without one), else its marketplace
    /// entry.
    pub file: FileId,
    pub span: Span,
}

/// Every plugin of the tree (not `.claude/` projects or loose skills), once
/// per directory, with a place to report at.
pub fn listed<'a>(cx: &Context<'a>) -> Vec<Listed<'a>> {
    let project = cx.project;
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for p in &project.plugins {
        if p.synthetic || p.kind != PluginKind::Plugin || !seen.insert(p.dir.as_str()) {
            continue;
        }
        let manifest = project
            .manifest(p)
            .and_then(|jf| Some((jf.file, jf.plugin()?)));
        let place = match manifest {
            Some((file, pm)) => Some((
                file,
                pm.name
                    .value_span()
                    .unwrap_or_else(|| crate::rules::manifest::brace(pm.span)),
            )),
            None => p.entry.map(|i| {
                let e = &project.entries[i];
                (e.file, e.name.as_ref().map_or(e.span, |(_, s)| *s))
            }),
        };
        let Some((file, span)) = place else { continue };
        out.push(Listed {
            plugin: p,
            manifest,
            file,
            span,
        });
    }
    out
}

/// `f` in the plugin directory `dir` (`""` for the root).
pub fn in_dir(dir: &str, f: &str) -> String {
    crate::rules::manifest::in_dir(dir, f)
}

/// The README names the directory accepts, in the order it looks.
pub const README_NAMES: &[&str] = &[
    "README.md",
    "readme.md",
    "Readme.md",
    "README.markdown",
    "README",
    "README.txt",
    "docs/README.md",
];

/// The plugin's README: the first accepted name in its directory, else one
/// at the root of the checked tree (the repository's README counts for a
/// plugin in a subfolder).
pub fn readme(cx: &Context<'_>, p: &Plugin) -> Option<String> {
    let find = |dir: &str| {
        README_NAMES
            .iter()
            .map(|n| in_dir(dir, n))
            .find(|f| cx.project.has_file(f))
    };
    find(&p.dir).or_else(|| if p.dir.is_empty() { None } else { find("") })
}

/// Whether `value` is an `http://` or `https://` URL with a host.
pub fn is_http_url(value: &str) -> bool {
    crate::regex!(r"(?i)^https?://[^\s/?#]+[^\s]*$").is_match(value)
}

#[cfg(test)]
mod tests;
