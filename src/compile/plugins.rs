//! Plugin sources (`plugin.yaml`) compiled into `.claude-plugin/plugin.json`
//! and the plugin's entry in the marketplace's `marketplace.json`.

use super::refs::expand_description;
use super::{Anchor, EntryChange, Finding, Output, Rendered, SourceMap};
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
    let mut map = SourceMap::default();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(key) = json_key(line, 2).or((at == 0).then_some("name")) {
            map.anchors.push(Anchor {
                at: at as u32,
                file: s.file,
                src: source_key(s, key),
                verbatim: false,
            });
        }
        at += line.len();
    }
    Rendered {
        path: crate::source::join(&s.dir, ".claude-plugin/plugin.json")
            .unwrap_or_else(|| ".claude-plugin/plugin.json".into()),
        text,
        executable: false,
        source: s.file,
        map,
    }
}

/// The key a pretty-printed JSON line opens at `indent` spaces.
fn json_key(line: &str, indent: usize) -> Option<&str> {
    let rest = line.strip_prefix(&" ".repeat(indent))?.strip_prefix('"')?;
    let end = rest.find("\": ")?;
    Some(&rest[..end])
}

/// Where plugin.json's (or the marketplace entry's) `key` comes from in the
/// plugin source: its key, the `marketplace` field for an entry's own keys,
/// else the document's start.
fn source_key(s: &TypedSource<PluginSource>, key: &str) -> u32 {
    let Some(root) = s.root() else {
        return 0;
    };
    root.entry(key)
        .map(|(k, _)| k.span.start)
        .or_else(|| {
            let m = root.get("marketplace")?;
            Some(m.entry(key).map_or(m.span.start, |(k, _)| k.span.start))
        })
        .unwrap_or(root.span.start)
}

/// The marketplace's source map: its own lines map to themselves, the lines
/// of each entry a plugin source renders to that source.
fn marketplace_map(
    project: &Project,
    text: &str,
    own: FileId,
    generated: &[(String, FileId)],
) -> SourceMap {
    let mut map = SourceMap::default();
    let mut at = 0;
    let mut entry: Option<FileId> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "    {" {
            // The entry's name is among its keys; find it before mapping.
            let name = text[at..]
                .split_inclusive('\n')
                .take_while(|l| !l.starts_with("    }"))
                .find_map(|l| {
                    (json_key(l, 6) == Some("name"))
                        .then(|| l.split("\": ").nth(1))
                        .flatten()
                        .map(|v| v.trim().trim_end_matches(',').trim_matches('"').to_string())
                });
            entry = name.and_then(|n| generated.iter().find(|(g, _)| *g == n).map(|(_, f)| *f));
            start = at;
        }
        let source = entry.and_then(|f| project.plugin_sources.iter().find(|s| s.file == f));
        match source {
            Some(s) => {
                let key = json_key(line, 6).or((at == start).then_some("name"));
                if let Some(key) = key {
                    map.anchors.push(Anchor {
                        at: at as u32,
                        file: s.file,
                        src: source_key(s, key),
                        verbatim: false,
                    });
                }
            }
            None => map.anchors.push(Anchor {
                at: at as u32,
                file: own,
                src: at as u32,
                verbatim: true,
            }),
        }
        if trimmed.starts_with("    }") {
            entry = None;
        }
        at += line.len();
    }
    map
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
    let generated: Vec<(String, FileId)> =
        entries.iter().map(|(n, _, f)| (n.clone(), *f)).collect();
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
    let map = marketplace_map(project, &text, mk.file, &generated);
    Some(Rendered {
        path: db.path(mk.file).to_string(),
        text,
        executable: false,
        source: mk.file,
        map,
    })
}
