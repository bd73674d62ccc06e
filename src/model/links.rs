//! Local links in markdown, taken apart and resolved against the tree:
//! which file (and `#anchor`) a relative link points at.

use crate::model::{Doc, DocKind, Project};
use crate::source;
use crate::source::RelPath;
use std::collections::HashSet;

/// Whether a link destination is a local path (not a URL, mail, or template).
pub fn is_local(dest: &str) -> bool {
    let d = dest.trim();
    if d.is_empty() || d.starts_with("//") {
        return false;
    }
    if crate::regex!(r"^[A-Za-z][A-Za-z0-9+.-]*:").is_match(d) {
        return false;
    }
    !d.contains(['<', '>', '{', '}', '$', '*', '`']) && !d.contains("...")
}

/// A local link, taken apart.
pub struct LocalLink<'a> {
    /// The path as written, without `#anchor` and `?query`.
    pub path_part: &'a str,
    /// `path_part`, percent-decoded.
    pub decoded: String,
    pub anchor: Option<&'a str>,
    /// The root-relative path it points at; `None` when it climbs above the root.
    pub target: Option<String>,
}

/// Take apart a link written in `doc_path`; `None` when it is not local.
pub fn local_link<'a>(doc_path: &str, dest: &'a str) -> Option<LocalLink<'a>> {
    if !is_local(dest) {
        return None;
    }
    let (path_part, anchor) = match dest.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (dest, None),
    };
    let path_part = path_part.split('?').next().unwrap_or("");
    let decoded = percent_decode(path_part);
    let target = if decoded.is_empty() {
        Some(doc_path.to_string())
    } else if let Some(abs) = decoded.strip_prefix('/') {
        source::normalize(abs)
    } else {
        source::join(source::parent(doc_path), &decoded)
    };
    Some(LocalLink {
        path_part,
        decoded,
        anchor,
        target,
    })
}

pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(Ok(v)) = s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// The markdown Claude reads when it uses the plugins: skills, commands,
/// agents and output styles, the other files of a skill directory, and the
/// files these link to, as far as the links go. README, CHANGELOG and
/// similar files are docs for people (read on GitHub), never part of it.
pub fn claude_reads(project: &Project) -> HashSet<RelPath> {
    let mut read: HashSet<RelPath> = HashSet::new();
    let mut todo: Vec<&Doc> = Vec::new();
    for doc in &project.docs {
        let seed = doc.kind != DocKind::Other
            || project.skill_of(&doc.path).is_some()
            || in_output_styles(project, &doc.path);
        if seed && !for_people(&doc.path) && read.insert(doc.path.clone()) {
            todo.push(doc);
        }
    }
    while let Some(doc) = todo.pop() {
        for link in doc.md.links.iter() {
            let Some(target) = local_link(&doc.path, &link.dest).and_then(|l| l.target) else {
                continue;
            };
            if let Some((path, &i)) = project.doc_by_path.get_key_value(target.as_str())
                && !for_people(path)
                && read.insert(path.clone())
            {
                todo.push(&project.docs[i]);
            }
        }
    }
    read
}

/// README, CHANGELOG, CONTRIBUTING, LICENSE and the like: markdown for the
/// people who browse the repository.
pub fn for_people(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    matches!(
        stem.as_str(),
        "README"
            | "CHANGELOG"
            | "CHANGES"
            | "HISTORY"
            | "CONTRIBUTING"
            | "LICENSE"
            | "LICENCE"
            | "NOTICE"
            | "SECURITY"
            | "CODE_OF_CONDUCT"
            | "AUTHORS"
            | "CLAUDE"
            | "AGENTS"
    )
}

/// Whether `path` is in a plugin's `output-styles/` folder.
fn in_output_styles(project: &Project, path: &str) -> bool {
    project
        .plugin_of(path)
        .filter(|p| !p.synthetic)
        .is_some_and(|p| {
            let rest = if p.dir.is_empty() {
                Some(path)
            } else {
                path.strip_prefix(p.dir.as_str())
                    .and_then(|r| r.strip_prefix('/'))
            };
            rest.is_some_and(|r| r.starts_with("output-styles/"))
        })
}
