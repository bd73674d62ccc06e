//! A narrowed run's second look: the bodies it left unparsed that a
//! reported finding can depend on, parsed once the model says which.

use super::read::{Blocks, Parsed, ReadFile, Reader};
use crate::load::Walked;
use crate::model::*;
use crate::parse::markdown;
use crate::parse::phase::{self, PhaseFacts};
use crate::parse::shell::ShellBlock;
use crate::source::{self, SourceDb};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// Parse the markdown bodies a narrowed run left unparsed (reading the files
/// it left unread) that reported findings can depend on:
/// - the zone: docs whose cross-file findings are reported (the changed
///   files' plugins, [`crate::model::focus::cross_file_in_focus`]);
/// - every doc of a skill with a changed or zone doc, and of the skills the
///   zone names: `deploy Phase 3` is checked against the phase headings of
///   skill `deploy`, wherever it lives;
/// - then the targets of `#anchor` links from any parsed doc, for their
///   headings.
///
/// Every other body holds only findings that narrowing drops, so the report
/// is the same as with every file read and parsed.
pub(super) fn parse_deferred(
    project: &mut Project,
    db: &mut SourceDb,
    focus: &crate::model::focus::Focus,
    reader: &Reader<'_>,
) {
    let zone: Vec<usize> = project
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| crate::model::focus::cross_file_in_focus(project, focus, &d.path))
        .map(|(i, _)| i)
        .collect();
    load_bodies(project, db, &zone, reader);

    let skill_dir = |path: &str| project.skill_of(path).map(|(_, s)| s.dir.as_str());
    let mut skills: BTreeSet<&str> = focus
        .iter()
        .map(String::as_str)
        .chain(zone.iter().map(|&i| &*project.docs[i].path))
        .filter_map(skill_dir)
        .collect();
    // Skill names written anywhere in the zone (as substrings: the phase
    // check's name patterns and word tests match only where these do).
    let by_name = project.skills_by_name();
    let names: Vec<&str> = by_name.keys().copied().collect();
    if let Ok(ac) = aho_corasick::AhoCorasick::new(&names) {
        for &i in &zone {
            for m in ac.find_overlapping_iter(db.text(project.docs[i].file)) {
                skills.insert(by_name[names[m.pattern().as_usize()]]);
            }
        }
    }
    let in_skills: Vec<usize> = project
        .docs
        .iter()
        .enumerate()
        .filter(|(_, d)| d.light && skill_dir(&d.path).is_some_and(|s| skills.contains(s)))
        .map(|(i, _)| i)
        .collect();
    load_bodies(project, db, &in_skills, reader);

    // Scripts of the zone, and those read by a typed source the build check
    // compiles (it compiles only sources in focus), so that it compiles them
    // as a full run does.
    let compiled: Vec<&str> = project
        .skill_sources
        .iter()
        .map(|s| db.path(s.file))
        .filter(|p| crate::model::focus::source_in_focus(project, focus, p))
        .map(source::parent)
        .collect();
    let scripts: Vec<usize> = project
        .scripts
        .iter()
        .enumerate()
        .filter(|(_, s)| {
            s.light
                && (crate::model::focus::cross_file_in_focus(project, focus, &s.path)
                    || compiled
                        .iter()
                        .any(|d| crate::model::focus::in_dir(&s.path, d)))
        })
        .map(|(i, _)| i)
        .collect();
    let parsed: Vec<(usize, ShellBlock)> = scripts
        .par_iter()
        .map(|&i| (i, reader.script(db.shared_text(project.scripts[i].file))))
        .collect();
    for (i, block) in parsed {
        project.scripts[i].shell = block;
        project.scripts[i].light = false;
    }

    let mut targets = BTreeSet::new();
    for d in project.docs.iter().filter(|d| !d.light) {
        for link in &d.md.links {
            let Some(l) = crate::model::links::local_link(&d.path, &link.dest) else {
                continue;
            };
            if l.anchor.is_some_and(|a| !a.is_empty())
                && let Some(&i) = l.target.and_then(|t| project.doc_by_path.get(t.as_str()))
                && project.docs[i].light
            {
                targets.insert(i);
            }
        }
    }
    load_bodies(
        project,
        db,
        &targets.into_iter().collect::<Vec<_>>(),
        reader,
    );
}

/// What [`load_bodies`] did for one doc.
enum Deferred {
    /// Parsed the body of a doc that was read.
    Body(markdown::MdDoc, Option<Box<PhaseFacts>>),
    /// Read and parsed a doc that was not, as a full run does.
    Read(ReadFile),
}

/// Read (when unread) and parse the bodies of the light docs among `which`.
pub(super) fn load_bodies(
    project: &mut Project,
    db: &mut SourceDb,
    which: &[usize],
    reader: &Reader<'_>,
) {
    let found: Vec<(usize, Deferred)> = which
        .par_iter()
        .filter(|&&i| project.docs[i].light)
        .map(|&i| {
            let d = &project.docs[i];
            if !d.unread {
                let text = db.text(d.file);
                let md = markdown::parse(text, d.body_start);
                let phases = phase::facts(&md, text, d.body_start);
                return (i, Deferred::Body(md, phases));
            }
            let w = Walked {
                path: d.path.clone(),
                is_dir: false,
                regular: false,
            };
            (
                i,
                Deferred::Read(reader.read_and_parse(&w, Blocks::None, false)),
            )
        })
        .collect();
    for (i, body) in found {
        let d = &mut project.docs[i];
        match body {
            Deferred::Body(md, phases) => {
                d.md = md;
                d.phases = phases;
            }
            Deferred::Read((sf, parsed, problem)) => {
                db.set_text(d.file, sf.text);
                if let Parsed::Markdown(read) = parsed {
                    // The doc as a full run reads it, in its place in the model.
                    let (file, kind) = (d.file, d.kind);
                    *d = *read;
                    d.file = file;
                    d.kind = kind;
                }
                if let Some(p) = problem {
                    // A full run has no doc for a file it cannot read: no
                    // anchors to look up in it.
                    project.doc_by_path.remove(&d.path);
                    project.problems.push(p.with(d.file));
                }
            }
        }
        let d = &mut project.docs[i];
        d.light = false;
        d.unread = false;
    }
}
