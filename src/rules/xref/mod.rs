//! Cross-references over the whole tree: links and anchors, mentioned paths,
//! `plugin:skill` mentions, descriptions naming skills, skill-count claims,
//! agents' preloaded skills.

pub mod agent_skills;
pub mod counts;
pub mod data;
pub mod descriptions;
pub mod links;
pub mod mentions;
pub mod paths;

use crate::model::Project;
use crate::source::{FileId, Span};

/// A description string in a manifest: where it is and whose it is.
pub struct DescriptionSite<'a> {
    pub file: FileId,
    pub span: Span,
    pub text: &'a str,
    /// The plugin it describes (`None` for the marketplace's own description
    /// and for entries whose plugin is not in this tree).
    pub plugin: Option<usize>,
    /// The marketplace's own description.
    pub is_marketplace: bool,
}

/// Every description in plugin.json files and in marketplace.json.
pub fn description_sites(project: &Project) -> Vec<DescriptionSite<'_>> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, p) in project.plugins.iter().enumerate() {
        if p.synthetic {
            continue;
        }
        if let Some(jf) = project.manifest(p)
            && let Some((text, span)) = jf.root().and_then(|r| r.str_at("description"))
            && seen.insert((jf.file, span))
        {
            out.push(DescriptionSite {
                file: jf.file,
                span,
                text,
                plugin: Some(i),
                is_marketplace: false,
            });
        }
    }
    if let Some(mk) = project.marketplace()
        && let Some(root) = mk.root()
    {
        if let Some((text, span)) = root.str_at("description") {
            out.push(DescriptionSite {
                file: mk.file,
                span,
                text,
                plugin: None,
                is_marketplace: true,
            });
        }
        let items = root.get("plugins").map(|p| p.items()).unwrap_or(&[]);
        for e in &project.entries {
            if let Some((text, span)) = items.get(e.index).and_then(|n| n.str_at("description")) {
                out.push(DescriptionSite {
                    file: mk.file,
                    span,
                    text,
                    plugin: e.plugin,
                    is_marketplace: false,
                });
            }
        }
    }
    out
}

/// Checks of several rules of this family, not yet split into a check per
/// rule (see `crate::rules::Check::Legacy`).
/// The rules of this family with a check of their own (none yet).
pub static RULES: &[&crate::rules::RuleMeta] = &[];

pub static LEGACY: &[crate::rules::LegacyCheck] = &[
    crate::rules::LegacyCheck {
        rules: &[&links::BROKEN_LINK, &links::BROKEN_ANCHOR, &links::LEAVES],
        run: links::check,
    },
    crate::rules::LegacyCheck {
        rules: &[&paths::MISSING],
        run: paths::check,
    },
    crate::rules::LegacyCheck {
        rules: &[&mentions::UNKNOWN],
        run: mentions::check,
    },
    crate::rules::LegacyCheck {
        rules: &[&descriptions::MISSES_SKILL],
        run: descriptions::check,
    },
    crate::rules::LegacyCheck {
        rules: &[&counts::MISMATCH],
        run: counts::check,
    },
    crate::rules::LegacyCheck {
        rules: &[&data::MISMATCH],
        run: data::check,
    },
    crate::rules::LegacyCheck {
        rules: &[&agent_skills::UNRESOLVED],
        run: agent_skills::check,
    },
];
