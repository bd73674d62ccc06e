//! Deterministic rendering of SKILL.md and phase scripts from a checked source.

use super::{Anchor, SourceMap};
use crate::model::typed_source::{Input, InputType, Mode, Phase, SkillSource};
use crate::source::FileId;
use indexmap::IndexMap;
use serde_json::Value;
use std::fmt::Write;

/// A phase with its number and its gate number.
pub struct Numbered<'a> {
    pub number: String,
    pub depth: usize,
    pub phase: &'a Phase,
    pub gate: Option<usize>,
    /// Index path into the source (`[2, 0]` is phases[2].phases[0]).
    pub path: Vec<usize>,
}

/// Number phases in document order: 1, 2, 2.1, 2.2, 3 …; gates 1, 2, … in order.
pub fn number(phases: &[Phase]) -> Vec<Numbered<'_>> {
    fn walk<'a>(
        phases: &'a [Phase],
        prefix: &str,
        depth: usize,
        path: &[usize],
        gates: &mut usize,
        out: &mut Vec<Numbered<'a>>,
    ) {
        for (i, p) in phases.iter().enumerate() {
            let number = if prefix.is_empty() {
                (i + 1).to_string()
            } else {
                format!("{prefix}.{}", i + 1)
            };
            let gate = p.gate.map(|_| {
                *gates += 1;
                *gates
            });
            let mut here = path.to_vec();
            here.push(i);
            out.push(Numbered {
                number: number.clone(),
                depth,
                phase: p,
                gate,
                path: here.clone(),
            });
            walk(&p.phases, &number, depth + 1, &here, gates, out);
        }
    }
    let mut out = Vec::new();
    let mut gates = 0;
    walk(phases, "", 0, &[], &mut gates, &mut out);
    out
}

/// The script file name of a phase.
pub fn script_name(n: &Numbered<'_>) -> String {
    format!("phase-{}-{}.sh", n.number, n.phase.id)
}

/// A YAML scalar: plain when unambiguous, double-quoted otherwise.
pub fn yaml_scalar(s: &str) -> String {
    let plain = !s.is_empty()
        && crate::regex!(r"^[A-Za-z][A-Za-z0-9 _./()-]*$").is_match(s)
        && !s.ends_with(' ')
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

fn yaml_value(out: &mut String, key: &str, v: &Value, indent: usize) {
    let pad = " ".repeat(indent);
    match v {
        Value::Null => {
            let _ = writeln!(out, "{pad}{key}: null");
        }
        Value::Bool(b) => {
            let _ = writeln!(out, "{pad}{key}: {b}");
        }
        Value::Number(n) => {
            let _ = writeln!(out, "{pad}{key}: {n}");
        }
        Value::String(s) => {
            let _ = writeln!(out, "{pad}{key}: {}", yaml_scalar(s));
        }
        Value::Array(items) => {
            let _ = writeln!(out, "{pad}{key}:");
            for i in items {
                let text = match i {
                    Value::String(s) => yaml_scalar(s),
                    other => other.to_string(),
                };
                let _ = writeln!(out, "{pad}  - {text}");
            }
        }
        Value::Object(map) => {
            let _ = writeln!(out, "{pad}{key}:");
            for (k, v) in map {
                yaml_value(out, k, v, indent + 2);
            }
        }
    }
}

/// Where a value's lines start in the file that holds it (a block scalar of
/// the source, or a file it reads), for the source map.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    pub file: FileId,
    /// Offset in `file` of each line of the value, and the line as written
    /// there (without its newline).
    pub lines: Vec<(u32, String)>,
}

impl Lines {
    /// The lines of `value`, each at `offsets[i]` of `file` (a line not
    /// found takes the place of the one before it).
    pub fn new(file: FileId, value: &str, offsets: &[Option<u32>], fallback: u32) -> Lines {
        let mut last = fallback;
        let lines = value
            .split('\n')
            .zip(offsets.iter().chain(std::iter::repeat(&None)))
            .map(|(l, o)| {
                let at = o.unwrap_or(last);
                last = at;
                (
                    at,
                    if o.is_some() {
                        l.to_string()
                    } else {
                        String::new()
                    },
                )
            })
            .collect();
        Lines { file, lines }
    }
    /// The lines of `text`, which is `file`'s from offset `base` on.
    pub fn verbatim(file: FileId, text: &str, base: usize) -> Lines {
        let mut off = base;
        let lines = text
            .split('\n')
            .map(|l| {
                let at = off as u32;
                off += l.len() + 1;
                (at, l.to_string())
            })
            .collect();
        Lines { file, lines }
    }
    fn line(&self, i: usize) -> Option<&(u32, String)> {
        self.lines.get(i).or(self.lines.last())
    }
}

/// Where the parts of a skill source are: what the rendered text points back
/// at. Offsets are in `file` unless a [`Lines`] says otherwise.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    pub file: FileId,
    /// The start of the document: for text with no better origin.
    pub doc: u32,
    pub name: u32,
    pub description: u32,
    pub frontmatter: u32,
    pub title: u32,
    pub intro: Option<Lines>,
    /// Each input's key.
    pub inputs: IndexMap<String, u32>,
    /// By phase, in [`number`] order.
    pub phases: Vec<PhaseOrigin>,
    pub prelude: Option<Lines>,
    pub guardrails: Vec<u32>,
    pub references: Vec<u32>,
}

/// Where a phase's parts are.
#[derive(Debug, Clone, Default)]
pub struct PhaseOrigin {
    /// The phase's `id`.
    pub id: u32,
    /// Its `gate`, or its id when it has none.
    pub gate: u32,
    pub prose: Option<Lines>,
    /// Its `script` or `script-file`, or its id.
    pub run: u32,
}

/// Rendered text and its source map, written together.
pub struct Writer {
    pub text: String,
    pub map: SourceMap,
}

impl Default for Writer {
    fn default() -> Self {
        Writer::new()
    }
}

impl Writer {
    pub fn new() -> Writer {
        Writer {
            text: String::new(),
            map: SourceMap::default(),
        }
    }
    /// What follows comes from offset `src` of `file`.
    pub fn at(&mut self, file: FileId, src: u32) -> &mut Self {
        self.map.anchors.push(Anchor {
            at: self.text.len() as u32,
            file,
            src,
            verbatim: false,
        });
        self
    }
    pub fn push(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }
    /// `text`, whose line `i` is line `first + i` of `from`; a line that is
    /// the source's as written maps column for column.
    pub fn lines(&mut self, text: &str, from: &Lines, first: usize) -> &mut Self {
        for (i, line) in text.split_inclusive('\n').enumerate() {
            if let Some((src, written)) = from.line(first + i) {
                let content = line.trim_end_matches('\n');
                let at = self.text.len() as u32;
                let anchor = |at: u32, src: u32, verbatim: bool| Anchor {
                    at,
                    file: from.file,
                    src,
                    verbatim,
                };
                if content == written {
                    self.map.anchors.push(anchor(at, *src, true));
                } else {
                    // A line whose middle changed (a reference resolved):
                    // the same text before and after it maps exactly.
                    let (p, q) = common_ends(content, written);
                    self.map.anchors.push(anchor(at, *src, p > 0));
                    if p > 0 {
                        self.map
                            .anchors
                            .push(anchor(at + p as u32, *src + p as u32, false));
                    }
                    if q > 0 {
                        let rendered = at + (content.len() - q) as u32;
                        let orig = *src + (written.len() - q) as u32;
                        self.map.anchors.push(anchor(rendered, orig, true));
                    }
                }
            }
            self.text.push_str(line);
        }
        self
    }
    pub fn finish(mut self) -> (String, SourceMap) {
        while self.text.ends_with("\n\n") {
            self.text.pop();
        }
        (self.text, self.map)
    }
}

/// The lengths of the longest common prefix and suffix of `a` and `b` (on
/// character boundaries, not overlapping).
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let p = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let (ra, rb) = (&a[p..], &b[p..]);
    let q = ra
        .char_indices()
        .rev()
        .zip(rb.chars().rev())
        .find(|((_, x), y)| x != y)
        .map_or(ra.len().min(rb.len()), |((i, x), _)| {
            ra.len() - i - x.len_utf8()
        });
    (p, q)
}

impl std::fmt::Write for Writer {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.text.push_str(s);
        Ok(())
    }
}

/// What a skill's phases run: the command of each phase with a script, in
/// [`number`] order, as SKILL.md shows it.
pub struct Runs {
    pub commands: Vec<Option<String>>,
}

impl Runs {
    /// The `allowed-tools` grants of the skill's own scripts: one prefix rule
    /// per script, in the form the Run blocks use.
    pub fn grants(&self, phases: &[Numbered<'_>]) -> Vec<String> {
        phases
            .iter()
            .zip(&self.commands)
            .filter(|(_, c)| c.is_some())
            .map(|(n, _)| format!("Bash({}:*)", super::script::invocation(n)))
            .collect()
    }
}

/// `allowed-tools` as written, with the grants of the skill's own scripts
/// added (a list stays a list; a string gets them space-separated).
fn merged_allowed_tools(written: Option<&Value>, grants: &[String]) -> Option<Value> {
    if grants.is_empty() {
        return written.cloned();
    }
    match written {
        Some(Value::Array(items)) => {
            let mut items = items.clone();
            for g in grants {
                if !items.iter().any(|i| i.as_str() == Some(g)) {
                    items.push(Value::String(g.clone()));
                }
            }
            Some(Value::Array(items))
        }
        Some(Value::String(s)) => {
            let mut out = s.trim().to_string();
            for g in grants {
                if !out.contains(g.as_str()) {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(g);
                }
            }
            Some(Value::String(out))
        }
        Some(other) => Some(other.clone()),
        None => Some(Value::String(grants.join(" "))),
    }
}

/// Render the frontmatter block: the author's fields, `allowed-tools` with
/// the grants of the skill's own scripts, and provenance in `metadata`.
pub fn frontmatter(w: &mut Writer, src: &SkillSource, grants: &[String], o: &Origins) {
    w.at(o.file, o.doc).push("---\n");
    w.at(o.file, o.name);
    let _ = writeln!(w, "name: {}", yaml_scalar(&src.name));
    w.at(o.file, o.description);
    let _ = writeln!(
        w,
        "description: {}",
        serde_json::to_string(&src.description.trim()).unwrap_or_default()
    );
    let mut extra: IndexMap<String, Value> = src.frontmatter.clone();
    if let Some(tools) = merged_allowed_tools(extra.get("allowed-tools"), grants) {
        extra.insert("allowed-tools".into(), tools);
    }
    // Provenance lives in metadata, never in the body Claude reads.
    let mut meta = match extra.shift_remove("metadata") {
        Some(Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    meta.insert("generated-by".into(), Value::String("skillc".into()));
    meta.insert("source".into(), Value::String("skill.yaml".into()));
    w.at(o.file, o.frontmatter);
    let mut text = String::new();
    for (k, v) in &extra {
        yaml_value(&mut text, k, v, 0);
    }
    yaml_value(&mut text, "metadata", &Value::Object(meta), 0);
    w.push(&text).push("---\n");
}

/// Render SKILL.md. `prose` holds each phase's resolved prose, by number.
pub fn skill_md(
    src: &SkillSource,
    phases: &[Numbered<'_>],
    intro: &str,
    prose: &IndexMap<String, String>,
    runs: &Runs,
    o: &Origins,
) -> (String, SourceMap) {
    let mut w = Writer::new();
    frontmatter(&mut w, src, &runs.grants(phases), o);
    w.at(o.file, o.title);
    let _ = writeln!(w, "\n# {}\n", src.title.trim());
    if !intro.trim().is_empty() {
        block(&mut w, intro, o.intro.as_ref(), (o.file, o.title));
        w.push("\n");
    }
    inputs_section(&mut w, src, o);
    for (i, n) in phases.iter().enumerate() {
        let origin = o.phases.get(i).cloned().unwrap_or_default();
        phase_section(
            &mut w,
            phases,
            i,
            prose.get(&n.number),
            runs,
            &origin,
            o.file,
        );
        let _ = n;
    }
    guardrails(&mut w, src, o);
    references_table(&mut w, src, o);
    w.finish()
}

/// `text` trimmed, mapped line by line to `lines` when known, else to `fallback`.
fn block(w: &mut Writer, text: &str, lines: Option<&Lines>, fallback: (FileId, u32)) {
    let body = text.trim();
    let lead = text.len() - text.trim_start().len();
    let first = text[..lead].matches('\n').count();
    match lines {
        Some(l) => {
            w.lines(body, l, first);
        }
        None => {
            w.at(fallback.0, fallback.1).push(body);
        }
    }
    w.push("\n");
}

/// How an input's type reads in the inputs table.
fn type_text(i: &Input) -> String {
    match i.kind {
        InputType::Enum => format!(
            "one of {}",
            i.values
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        InputType::IpList => "IPv4 addresses, separated by commas or spaces".into(),
        InputType::Ip => "IPv4 address".into(),
        InputType::Int => "whole number ≥ 0".into(),
        InputType::Bool => "`true` or `false`".into(),
        InputType::KubeContext => "kubeconfig context".into(),
        InputType::Path => "path".into(),
        InputType::String => "text".into(),
    }
}

/// `## Inputs`: how Claude passes them, and a row per input.
fn inputs_section(w: &mut Writer, src: &SkillSource, o: &Origins) {
    if src.inputs.is_empty() {
        return;
    }
    let first = src.inputs.keys().next().map_or("NAME", String::as_str);
    w.at(o.file, o.inputs.get(first).copied().unwrap_or(o.doc));
    let _ = write!(
        w,
        "## Inputs\n\n\
         Bash calls share no variables: each Run block passes its script the inputs it needs as `NAME='<NAME>'`. \
         Put the value in place of `<NAME>`, inside the quotes (write a `'` in a value as `'\\''`); leave an \
         optional input out to use its default. A script checks all its inputs before it runs anything, and exits \
         {code} naming each one that is missing or malformed.\n\n",
        code = super::script::BAD_INPUT
    );
    w.push(
        "| Input | Type | Required | Default | Description |\n| --- | --- | --- | --- | --- |\n",
    );
    for (name, i) in &src.inputs {
        w.at(o.file, o.inputs.get(name).copied().unwrap_or(o.doc));
        let default = i
            .default
            .as_ref()
            .map_or(String::new(), |d| format!("`{d}`"));
        let _ = writeln!(
            w,
            "| `{name}` | {} | {} | {default} | {} |",
            type_text(i),
            if i.required { "yes" } else { "no" },
            i.doc.trim().replace('|', "\\|")
        );
    }
    w.push("\n");
}

/// The phases a stop gate on phase `g` holds back, as an index range: the
/// phase and its sub-phases; then, unless it is a read-only phase that runs
/// something of its own (a review, whose gate comes too early to approve
/// what follows), the phases after it that change something (mutating or
/// local), up to the first read-only phase or the next gate.
pub fn gate_cover(phases: &[Numbered<'_>], g: usize) -> std::ops::Range<usize> {
    let depth = phases[g].depth;
    let mut end = g + 1;
    while end < phases.len() && phases[end].depth > depth {
        end += 1;
    }
    let p = phases[g].phase;
    let review = p.mode == Mode::ReadOnly && (p.script.is_some() || p.script_file.is_some());
    if !review {
        while end < phases.len()
            && phases[end].gate.is_none()
            && phases[end].phase.mode != Mode::ReadOnly
        {
            end += 1;
        }
    }
    g..end
}

/// Whether phase `i` is behind a stop gate (see [`gate_cover`]).
pub fn gated(phases: &[Numbered<'_>], i: usize) -> bool {
    (0..=i).any(|g| phases[g].gate.is_some() && gate_cover(phases, g).contains(&i))
}

/// The Run commands a gate on phase `i` holds back, with their phase numbers.
pub fn gated_runs<'r>(phases: &[Numbered<'_>], i: usize, runs: &'r Runs) -> Vec<(String, &'r str)> {
    gate_cover(phases, i)
        .filter_map(|k| {
            runs.commands
                .get(k)
                .and_then(Option::as_deref)
                .map(|c| (phases[k].number.clone(), c))
        })
        .collect()
}

/// A phase's heading, mode, gate, prose (resolved) and the command that
/// runs its script.
fn phase_section(
    w: &mut Writer,
    phases: &[Numbered<'_>],
    i: usize,
    prose: Option<&String>,
    runs: &Runs,
    o: &PhaseOrigin,
    file: FileId,
) {
    let n = &phases[i];
    let hashes = "#".repeat((n.depth + 2).min(6));
    let gate = n
        .gate
        .map_or(String::new(), |g| format!(" (STOP GATE {g})"));
    w.at(file, o.id);
    let _ = writeln!(
        w,
        "{hashes} Phase {} — {}{gate}\n",
        n.number,
        n.phase.title.trim()
    );
    let mode = match n.phase.mode {
        Mode::ReadOnly => "Mode: read-only.",
        Mode::Local => "Mode: local (changes only this machine).",
        Mode::Mutating => "Mode: **mutating** — changes shared systems; run it only as written.",
    };
    let _ = writeln!(w, "{mode}\n");
    if n.gate.is_some() {
        w.at(file, o.gate);
        gate_text(w, &gated_runs(phases, i, runs));
        w.at(file, o.id);
    }
    if let Some(p) = prose
        && !p.trim().is_empty()
    {
        block(w, p, o.prose.as_ref(), (file, o.id));
        w.push("\n");
    }
    if let Some(cmd) = runs.commands.get(i).and_then(Option::as_deref) {
        w.at(file, o.run);
        let _ = writeln!(w, "Run:\n```bash\n{cmd}\n```\n");
    }
}

/// What a STOP GATE says: stop, show exactly what runs next, wait.
fn gate_text(w: &mut Writer, next: &[(String, &str)]) {
    let Some(((n, c), rest)) = next.split_first() else {
        w.push("**Stop here.** Before you change anything, show the operator each command you will run, exactly as you will run it, and wait for their explicit approval.\n\n");
        return;
    };
    let then = match rest {
        [] => String::new(),
        [(m, _)] => format!(", then phase {m} as its Run block shows"),
        _ => format!(
            ", then phases {}, each as its Run block shows",
            rest.iter()
                .map(|(m, _)| m.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let _ = writeln!(
        w,
        "**Stop here.** Next, phase {n} runs `{c}`{then}. Show the operator the commands with your values in place of the placeholders, say what they change, and wait for explicit approval.\n"
    );
}

/// `## Guardrails`, when there are any.
fn guardrails(w: &mut Writer, src: &SkillSource, o: &Origins) {
    if src.guardrails.is_empty() {
        return;
    }
    w.push("## Guardrails\n\n");
    for (i, g) in src.guardrails.iter().enumerate() {
        w.at(o.file, o.guardrails.get(i).copied().unwrap_or(o.doc));
        let _ = writeln!(w, "- {}", g.trim());
    }
    w.push("\n");
}

/// `## References`: a row per reference file, when there are any.
fn references_table(w: &mut Writer, src: &SkillSource, o: &Origins) {
    if src.references.is_empty() {
        return;
    }
    w.push("## References\n\n| File | What it holds |\n| --- | --- |\n");
    for (i, r) in src.references.iter().enumerate() {
        w.at(o.file, o.references.get(i).copied().unwrap_or(o.doc));
        let _ = writeln!(
            w,
            "| [{}]({}) | {} |",
            r.path,
            r.path,
            r.summary.trim().replace('|', "\\|")
        );
    }
    w.push("\n");
}
