//! Plugin sources (`plugin.yaml`) compiled into `.claude-plugin/plugin.json`
//! and the plugin's entry in the marketplace's `marketplace.json`.

use super::refs::expand_description;
use super::{EntryChange, Finding, Output, Rendered};
use crate::model::typed_source::PluginSource;
use crate::model::{Project, TypedSource};
use crate::source::{FileId, SourceDb};
use serde_json::{Map, Value};

/// A plugin's marketplace entry: its name, the entry, its source.
type Entry = (String, Map<String, Value>, FileId);

/// Compile every plugin source: its plugin.json, and the marketplace with
/// their entries merged in.
pub(super) fn compile(project: &Project, db: &SourceDb, out: &mut Output) {
    let entries: Vec<Entry> = project
        .plugin_sources
        .iter()
        .filter_map(|s| plugin(project, db, s, out))
        .collect();
    if let Some(marketplace) = marketplace(project, db, entries, &mut out.entries) {
        out.files.push(marketplace);
    }
}

/// One plugin source: plugin.json into `out`, and its marketplace entry.
fn plugin(
    project: &Project,
    db: &SourceDb,
    s: &TypedSource<PluginSource>,
    out: &mut Output,
) -> Option<Entry> {
    let src = parsed(s, db, &mut out.findings)?;
    let skills = skill_names(project, &s.dir);
    let description = expand_description(&src.description, &skills);
    out.files.push(plugin_json(s, src, &description));
    let mut entry = Map::new();
    entry.insert("name".into(), src.name.clone().into());
    entry.insert("source".into(), format!("./{}", s.dir).into());
    entry.insert("description".into(), description.into());
    entry.insert("version".into(), src.version.clone().into());
    for (k, v) in &src.marketplace {
        entry.insert(k.clone(), v.clone());
    }
    Some((src.name.clone(), entry, s.file))
}

/// The typed value of a plugin source, or the findings why there is none.
fn parsed<'a>(
    s: &'a TypedSource<PluginSource>,
    db: &SourceDb,
    findings: &mut Vec<Finding>,
) -> Option<&'a PluginSource> {
    let shape = &crate::model::typed_source::PLUGIN;
    super::read_source(s, db, "plugin.yaml", shape, findings).map(|(_, v)| v)
}

/// The plugin's skills: directories under skills/ with a SKILL.md or a
/// skill.yaml, sorted.
fn skill_names(project: &Project, dir: &str) -> Vec<String> {
    let prefix = if dir.is_empty() {
        "skills/".to_string()
    } else {
        format!("{dir}/skills/")
    };
    let mut skills: Vec<String> = project
        .files
        .starting_with(&prefix)
        .filter_map(|f| {
            let rest = &f[prefix.len()..];
            let (name, file) = rest.split_once('/')?;
            (file == "SKILL.md" || file == "skill.yaml").then(|| name.to_string())
        })
        .collect();
    skills.sort();
    skills.dedup();
    skills
}

/// `.claude-plugin/plugin.json`: name, version, the expanded description,
/// then the source's other fields but `$schema`.
fn plugin_json(s: &TypedSource<PluginSource>, src: &PluginSource, description: &str) -> Rendered {
    let mut pj = Map::new();
    pj.insert("name".into(), src.name.clone().into());
    pj.insert("version".into(), src.version.clone().into());
    pj.insert("description".into(), description.into());
    for (k, v) in &src.rest {
        if k != "$schema" {
            pj.insert(k.clone(), v.clone());
        }
    }
    let text = serde_json::to_string_pretty(&Value::Object(pj)).unwrap_or_default() + "\n";
    Rendered {
        path: crate::source::join(&s.dir, ".claude-plugin/plugin.json")
            .unwrap_or_else(|| ".claude-plugin/plugin.json".into()),
        text,
        executable: false,
        source: s.file,
    }
}

/// The marketplace with `entries` merged in: an entry updates the plugin of
/// its name, or is appended; `changed` gets each entry that this changes.
/// `None` without entries, or without a marketplace that parses and lists
/// plugins.
fn marketplace(
    project: &Project,
    db: &SourceDb,
    entries: Vec<Entry>,
    changed: &mut Vec<EntryChange>,
) -> Option<Rendered> {
    entries.first()?;
    let mk = project.root_marketplace()?;
    let mut root =
        serde_json::from_str::<Value>(db.text(mk.file).trim_start_matches('\u{feff}')).ok()?;
    let plugins = root.get_mut("plugins").and_then(|p| p.as_array_mut())?;
    for (name, entry, source) in entries {
        match plugins
            .iter_mut()
            .find(|p| p.get("name").and_then(|n| n.as_str()) == Some(&name))
        {
            Some(existing) => {
                let before = existing.clone();
                if let Some(obj) = existing.as_object_mut() {
                    for (k, v) in entry {
                        obj.insert(k, v);
                    }
                }
                if *existing != before {
                    changed.push(EntryChange {
                        name,
                        source,
                        missing: false,
                    });
                }
            }
            None => {
                plugins.push(Value::Object(entry));
                changed.push(EntryChange {
                    name,
                    source,
                    missing: true,
                });
            }
        }
    }
    let text = serde_json::to_string_pretty(&root).unwrap_or_default() + "\n";
    Some(Rendered {
        path: db.path(mk.file).to_string(),
        text,
        executable: false,
        source: mk.file,
    })
}
