//! Typed cross-references in a skill's prose (`{phase:ID}`, `{gate:ID}`,
//! `{skill:PLUGIN:NAME}`, `{ref:PATH#ANCHOR}`, `{input:NAME}`) and the
//! placeholders of a plugin description (`{skills}`, `{skill-count}`).

use super::render::Numbered;
use crate::model::Project;
use crate::model::typed_source::SkillSource;
use crate::source::SourceDb;

/// What the references of one skill resolve against.
pub(super) struct Resolver<'a> {
    pub project: &'a Project,
    pub db: &'a SourceDb,
    pub src: &'a SkillSource,
    pub phases: &'a [Numbered<'a>],
    /// The skill's directory.
    pub dir: &'a str,
}

impl Resolver<'_> {
    /// Expand every reference in `text`; one that does not resolve is kept
    /// as written and passed to `report`.
    pub fn resolve(&self, text: &str, mut report: impl FnMut(String)) -> String {
        let re = crate::regex!(r"\{(phase|gate|skill|ref|input):([^{}\s]+)\}");
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for c in re.captures_iter(text) {
            let (Some(all), Some(kind), Some(arg)) = (c.get(0), c.get(1), c.get(2)) else {
                continue;
            };
            out.push_str(&text[last..all.start()]);
            last = all.end();
            match self.expand(kind.as_str(), arg.as_str()) {
                Some(r) => out.push_str(&r),
                None => {
                    report(format!("`{}` does not resolve", all.as_str()));
                    out.push_str(all.as_str());
                }
            }
        }
        out.push_str(&text[last..]);
        out
    }

    /// The text of `{kind:arg}`, or `None` when it does not resolve.
    fn expand(&self, kind: &str, arg: &str) -> Option<String> {
        match kind {
            "phase" => self
                .phases
                .iter()
                .find(|n| n.phase.id == arg)
                .map(|n| format!("Phase {}", n.number)),
            "gate" => self
                .phases
                .iter()
                .find(|n| n.phase.id == arg)
                .and_then(|n| n.gate)
                .map(|g| format!("STOP GATE {g}")),
            "input" => self
                .src
                .inputs
                .contains_key(arg)
                .then(|| format!("`{arg}`")),
            "skill" => arg
                .split_once(':')
                .filter(|(p, s)| self.skill_exists(p, s))
                .map(|(p, s)| format!("`/{p}:{s}`")),
            "ref" => self.file_ref_ok(arg).then(|| format!("[{arg}]({arg})")),
            _ => None,
        }
    }

    /// Whether plugin `p` (by name or directory) has skill `s`, built or as a
    /// source.
    fn skill_exists(&self, p: &str, s: &str) -> bool {
        let project = self.project;
        let has_source = |dir: &str| {
            let want = crate::source::join(dir, &format!("skills/{s}"));
            project
                .skill_sources
                .iter()
                .any(|x| Some(x.dir.as_str()) == want.as_deref())
        };
        let by_plugin = project
            .plugin_named(p)
            .or_else(|| {
                project
                    .plugins
                    .iter()
                    .find(|x| x.dir.rsplit('/').next() == Some(p))
            })
            .is_some_and(|plugin| {
                plugin.skills.iter().any(|k| k.name == s) || has_source(&plugin.dir)
            });
        // A plugin not built yet is known by its plugin.yaml.
        let by_source = project
            .plugin_sources
            .iter()
            .any(|ps| matches!(&ps.value, Some(Ok(v)) if v.name == p) && has_source(&ps.dir));
        by_plugin || by_source
    }

    /// Whether `path#anchor` names a file of the skill (and a heading in it).
    fn file_ref_ok(&self, arg: &str) -> bool {
        let project = self.project;
        let (path, anchor) = arg
            .split_once('#')
            .map_or((arg, None), |(p, a)| (p, Some(a)));
        let full = format!("{}/{path}", self.dir);
        let file_ok = project.exists(&full) && !path.contains("..");
        let anchor_ok = anchor.is_none_or(|a| {
            project.doc_by_path.get(full.as_str()).is_none_or(|&d| {
                project.docs[d]
                    .md
                    .has_anchor(a, self.db.text(project.docs[d].file))
            })
        });
        file_ok && anchor_ok
    }
}

/// `{skills}` and `{skill-count}` in a plugin description.
pub(super) fn expand_description(desc: &str, skills: &[String]) -> String {
    desc.replace("{skills}", &skills.join(", "))
        .replace("{skill-count}", &skills.len().to_string())
}
