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

/// A typed reference that does not resolve.
pub(super) struct Unresolved {
    /// Where it is in the text, braces included.
    pub range: std::ops::Range<usize>,
    pub message: String,
    pub help: String,
    /// The reference to write instead, when it is the only close match.
    pub replace: Option<String>,
}

impl Resolver<'_> {
    /// Expand every reference in `text`; one that does not resolve is kept
    /// as written and passed to `report`.
    pub fn resolve(&self, text: &str, mut report: impl FnMut(Unresolved)) -> String {
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
                    report(self.unresolved(kind.as_str(), arg.as_str(), all.range()));
                    out.push_str(all.as_str());
                }
            }
        }
        out.push_str(&text[last..]);
        out
    }

    /// Why `{kind:arg}` (at `range`) does not resolve, and the nearest
    /// reference that does.
    fn unresolved(&self, kind: &str, arg: &str, range: std::ops::Range<usize>) -> Unresolved {
        let near = self.near(kind, arg);
        let keys = near.candidates.iter().map(|(k, _)| k.as_str());
        let meant = crate::text::suggest(near.typed, keys).and_then(|k| {
            let (_, arg) = near.candidates.iter().find(|(c, _)| c == k)?;
            Some(format!("{{{kind}:{arg}}}"))
        });
        // Only a single close match is a safe replacement.
        let typed = near.typed.to_lowercase();
        let close = near
            .candidates
            .iter()
            .filter(|(c, _)| strsim::levenshtein(&c.to_lowercase(), &typed) <= 2)
            .count();
        let help = match &meant {
            Some(m) => format!("did you mean `{m}`?"),
            None if near.candidates.is_empty() => format!("there are no {} to refer to", near.what),
            None => {
                let all: Vec<String> = near
                    .candidates
                    .iter()
                    .map(|(_, a)| format!("`{{{kind}:{a}}}`"))
                    .collect();
                format!("{}: {}", near.what, listing(&all))
            }
        };
        Unresolved {
            range,
            message: format!("`{{{kind}:{arg}}}` does not resolve: {}", near.why),
            help,
            replace: meant.filter(|_| close == 1),
        }
    }

    /// Why `{kind:arg}` does not resolve, and the references that do.
    fn near<'t>(&self, kind: &str, arg: &'t str) -> Near<'t> {
        let ids = |gated: bool| -> Vec<(String, String)> {
            self.phases
                .iter()
                .filter(|n| !gated || n.gate.is_some())
                .map(|n| (n.phase.id.clone(), n.phase.id.clone()))
                .collect()
        };
        let near = |why: String, what, candidates| Near {
            why,
            what,
            candidates,
            typed: arg,
        };
        match kind {
            "phase" => near(format!("no phase has id `{arg}`"), "phases", ids(false)),
            "gate" if self.phases.iter().any(|n| n.phase.id == arg) => near(
                format!("phase `{arg}` has no `gate: stop`"),
                "gated phases",
                ids(true),
            ),
            "gate" => near(
                format!("no gated phase has id `{arg}`"),
                "gated phases",
                ids(true),
            ),
            "input" => near(
                format!("no input is named `{arg}`"),
                "inputs",
                self.src
                    .inputs
                    .keys()
                    .map(|k| (k.clone(), k.clone()))
                    .collect(),
            ),
            "skill" => self.near_skill(arg),
            _ => self.near_file(arg),
        }
    }

    /// `{skill:…}`: the skills of the tree, as `plugin:name`; a bare name
    /// is compared with the names alone.
    fn near_skill<'t>(&self, arg: &'t str) -> Near<'t> {
        let pairs = self.skill_pairs();
        let (why, candidates) = match arg.split_once(':') {
            None => (
                "name the skill as `{skill:plugin:name}`".to_string(),
                pairs
                    .into_iter()
                    .map(|(p, s)| (s.clone(), format!("{p}:{s}")))
                    .collect(),
            ),
            Some((p, s)) => (
                if self.plugin_known(p) {
                    format!("plugin `{p}` has no skill `{s}`")
                } else {
                    format!("no plugin is named `{p}`")
                },
                pairs
                    .into_iter()
                    .map(|(p, s)| (format!("{p}:{s}"), format!("{p}:{s}")))
                    .collect(),
            ),
        };
        Near {
            why,
            what: "skills",
            candidates,
            typed: arg,
        }
    }

    /// `{ref:path#anchor}`: the files under the skill's references/, or
    /// the anchors of the file it names.
    fn near_file<'t>(&self, arg: &'t str) -> Near<'t> {
        let (path, anchor) = arg
            .split_once('#')
            .map_or((arg, None), |(p, a)| (p, Some(a)));
        if path.contains("..") {
            return Near {
                why: format!("`{path}` leaves the skill directory"),
                what: "files under references/",
                candidates: self
                    .reference_files()
                    .into_iter()
                    .map(|f| (f.clone(), f))
                    .collect(),
                typed: path,
            };
        }
        match anchor {
            Some(a) if self.file_exists(path) => Near {
                why: format!("no heading of `{path}` has the anchor `#{a}`"),
                what: "anchors of that file",
                candidates: self
                    .anchors(path)
                    .into_iter()
                    .map(|x| (x.clone(), format!("{path}#{x}")))
                    .collect(),
                typed: a,
            },
            _ => {
                let suffix = anchor.map_or(String::new(), |a| format!("#{a}"));
                Near {
                    why: format!("the skill has no file `{path}`"),
                    what: "files under references/",
                    candidates: self
                        .reference_files()
                        .into_iter()
                        .map(|f| (f.clone(), format!("{f}{suffix}")))
                        .collect(),
                    typed: path,
                }
            }
        }
    }

    /// Every skill of the tree as `(plugin, name)`: built, or a source; by
    /// the plugin's name. Sorted, without repeats.
    fn skill_pairs(&self) -> Vec<(String, String)> {
        let project = self.project;
        let sources_in = |dir: &str| -> Vec<String> {
            let prefix = crate::source::join(dir, "skills").unwrap_or_default() + "/";
            project
                .skill_sources
                .iter()
                .filter_map(|x| x.dir.strip_prefix(prefix.as_str()))
                .filter(|rest| !rest.contains('/'))
                .map(str::to_string)
                .collect()
        };
        let mut out: Vec<(String, String)> = Vec::new();
        for plugin in project.plugins.iter().filter(|p| !p.synthetic) {
            for s in plugin
                .skills
                .iter()
                .map(|k| k.name.clone())
                .chain(sources_in(&plugin.dir))
            {
                out.push((plugin.name.clone(), s));
            }
        }
        for ps in &project.plugin_sources {
            if let Some(Ok(v)) = &ps.value {
                for s in sources_in(&ps.dir) {
                    out.push((v.name.clone(), s));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Whether a plugin of the tree (built or a source) is named `p`.
    fn plugin_known(&self, p: &str) -> bool {
        self.project.plugin_named(p).is_some()
            || self
                .project
                .plugins
                .iter()
                .any(|x| x.dir.rsplit('/').next() == Some(p))
            || self
                .project
                .plugin_sources
                .iter()
                .any(|ps| matches!(&ps.value, Some(Ok(v)) if v.name == p))
    }

    /// The files under the skill's references/, relative to the skill.
    fn reference_files(&self) -> Vec<String> {
        let prefix = format!("{}/", self.dir);
        let refs = format!("{prefix}references/");
        self.project
            .files
            .starting_with(&refs)
            .filter_map(|f| f.strip_prefix(prefix.as_str()))
            .map(str::to_string)
            .collect()
    }

    /// The anchors of the headings of the skill's file `path`.
    fn anchors(&self, path: &str) -> Vec<String> {
        let full = format!("{}/{path}", self.dir);
        let Some(&d) = self.project.doc_by_path.get(full.as_str()) else {
            return Vec::new();
        };
        let doc = &self.project.docs[d];
        let text = self.db.text(doc.file);
        doc.md
            .headings
            .iter()
            .map(|h| doc.md.anchor(h, text))
            .collect()
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

    /// Whether `path` names a file of the skill.
    fn file_exists(&self, path: &str) -> bool {
        self.project.exists(&format!("{}/{path}", self.dir)) && !path.contains("..")
    }

    /// Whether `path#anchor` names a file of the skill (and a heading in it).
    fn file_ref_ok(&self, arg: &str) -> bool {
        let project = self.project;
        let (path, anchor) = arg
            .split_once('#')
            .map_or((arg, None), |(p, a)| (p, Some(a)));
        let full = format!("{}/{path}", self.dir);
        let file_ok = self.file_exists(path);
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

/// Why a reference does not resolve, and the references that would:
/// `(compared with what was typed, the argument to write)`.
struct Near<'t> {
    why: String,
    /// What the candidates are, for the help ("phases").
    what: &'static str,
    candidates: Vec<(String, String)>,
    /// The part of the argument compared with the candidates.
    typed: &'t str,
}

/// A list for a help line: the first ten, then how many more.
fn listing(items: &[String]) -> String {
    let mut out = items
        .iter()
        .take(10)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > 10 {
        out.push_str(&format!(" and {} more", items.len() - 10));
    }
    out
}

/// `{skills}` and `{skill-count}` in a plugin description.
pub(super) fn expand_description(desc: &str, skills: &[String]) -> String {
    desc.replace("{skills}", &skills.join(", "))
        .replace("{skill-count}", &skills.len().to_string())
}
