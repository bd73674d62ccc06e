//! Cross-references over the whole tree: links and anchors, mentioned paths,
//! `plugin:skill` mentions, descriptions naming skills, skill-count claims,
//! agents' preloaded skills.

crate::declare_family! {
    broken_link,
    broken_anchor,
    link_leaves_plugin,
    unknown_skill_mention,
    description_misses_skill,
    skill_count_mismatch,
    unresolved_skill_reference,
    missing_mentioned_path,
    data_schema_mismatch,
}

use crate::model::links::{LocalLink, local_link};
use crate::model::value::Present;
use crate::model::{Doc, Project};
use crate::parse::markdown::Link;
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
            && let Some((text, span)) = jf.plugin().and_then(|m| m.description.spanned())
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
    for (mk, m) in project
        .marketplace_files()
        .filter_map(|jf| Some((jf, jf.marketplace()?)))
    {
        if let Some((text, span)) = m.description.spanned() {
            out.push(DescriptionSite {
                file: mk.file,
                span,
                text,
                plugin: None,
                is_marketplace: true,
            });
        }
        let items = m.plugins.val().map_or(&[][..], |l| l.0.as_slice());
        for e in project.entries.iter().filter(|e| e.file == mk.file) {
            if let Some((text, span)) = items
                .get(e.index)
                .and_then(|i| i.ok())
                .and_then(|entry| entry.plugin.description.spanned())
            {
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

/// Every local link of every markdown file, taken apart (the link rules
/// each read what they need of it).
pub fn local_links(project: &Project) -> impl Iterator<Item = (&Doc, &Link, LocalLink<'_>)> {
    project.docs.iter().flat_map(|doc| {
        doc.md
            .links
            .iter()
            .filter_map(move |link| local_link(&doc.path, &link.dest).map(|l| (doc, link, l)))
    })
}
