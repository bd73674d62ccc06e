//! The scripts hooks run: every file a hook names through
//! `${CLAUDE_PLUGIN_ROOT}` that is a script is marked, wherever it lies in
//! its plugin, and one whose name does not say so (`hooks/check`) is read
//! and parsed here when its `#!` line names a shell.

use super::Options;
use super::read::{Parsed, Reader, is_script};
use crate::model::hooks::{command_strings, handlers_in, plugin_root_paths};
use crate::model::manifest::PathOr;
use crate::model::value::{OneOrMany, Present};
use crate::model::*;
use crate::source::{RelPath, SourceDb};
use rayon::prelude::*;
use std::collections::BTreeSet;

pub(super) fn hook_scripts(
    project: &mut Project,
    db: &mut SourceDb,
    reader: &Reader<'_>,
    options: &Options<'_>,
    light: bool,
) {
    if let Some(focus) = options.focus.filter(|_| light) {
        read_frontmatter_hooks(project, db, reader, focus);
    }
    let run = run_by_hooks(project, db);
    if run.is_empty() {
        return;
    }
    let mut unread: Vec<RelPath> = Vec::new();
    for path in run {
        if let Some(s) = project.scripts.iter_mut().find(|s| *s.path == *path) {
            s.hook = true;
        } else if let Some(p) = project.files.get(&path)
            // `*.sh` and `*.bash` files are scripts already; others with a
            // suffix (`.py`, `.js`) are not shell.
            && !path.rsplit('/').next().unwrap_or("").contains('.')
        {
            unread.push(p.clone());
        }
    }
    let read: Vec<_> = unread
        .par_iter()
        .filter_map(|p| reader.hook_script(p, light && !options.in_focus(p)))
        .collect();
    for (sf, parsed, _) in read {
        let path = sf.path.clone();
        let file = db.add(sf);
        if let Parsed::Script(block, light) = parsed {
            project.scripts.push(Script {
                file,
                path,
                shell: *block,
                light,
                hook: true,
            });
        }
    }
}

/// A narrowed run leaves commands and agents outside its changes unread,
/// frontmatter included: when a changed file may be a script that only a
/// hook makes checked (a script, or a file without a suffix), the unread
/// docs of its plugin are read as a full run reads them, for their `hooks:`.
fn read_frontmatter_hooks(
    project: &mut Project,
    db: &mut SourceDb,
    reader: &Reader<'_>,
    focus: &crate::model::focus::Focus,
) {
    let dirs: Vec<String> = focus
        .iter()
        .filter(|p| is_script(p) || !p.rsplit('/').next().unwrap_or("").contains('.'))
        .filter_map(|p| project.plugin_of(p))
        .filter(|p| !p.synthetic)
        .map(|p| p.dir.clone())
        .collect();
    if dirs.is_empty() {
        return;
    }
    let unread: Vec<usize> = project
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.unread
                && dirs
                    .iter()
                    .any(|dir| crate::model::focus::in_dir(&d.path, dir))
        })
        .map(|(i, _)| i)
        .collect();
    if !unread.is_empty() {
        super::deferred::load_bodies(project, db, &unread, reader);
    }
}

/// The files (relative to the root) the hooks of the tree's plugins name
/// through `${CLAUDE_PLUGIN_ROOT}`.
fn run_by_hooks(project: &Project, db: &SourceDb) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add =
        |project: &Project, at: &str, handlers: &mut dyn Iterator<Item = &hooks::Handler>| {
            let Some(plugin) = project.plugin_of(at).filter(|p| !p.synthetic) else {
                return;
            };
            for h in handlers {
                for (text, _) in command_strings(h) {
                    for (_, path) in plugin_root_paths(text) {
                        out.insert(if plugin.dir.is_empty() {
                            path.to_string()
                        } else {
                            format!("{}/{path}", plugin.dir)
                        });
                    }
                }
            }
        };
    for jf in &project.json {
        let at = db.path(jf.file);
        match &jf.typed {
            Typed::Hooks(h) => {
                if let Some(m) = h.hooks.val() {
                    add(project, at, &mut handlers_in(m.iter()));
                }
            }
            Typed::Plugin(pm) => {
                let inline: Vec<_> = match pm.hooks.val() {
                    Some(OneOrMany::One(PathOr::Inline(m))) => vec![m],
                    Some(OneOrMany::Many(l)) => l
                        .oks()
                        .filter_map(|(v, _)| match v {
                            PathOr::Inline(m) => Some(m),
                            PathOr::Path(_) => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                for m in inline {
                    add(project, at, &mut handlers_in(m.iter()));
                }
            }
            _ => {}
        }
    }
    for d in &project.docs {
        if let Some(m) = d.fm.as_deref().and_then(|fm| fm.hooks.val()) {
            add(project, &d.path, &mut handlers_in(m.iter()));
        }
    }
    out
}
