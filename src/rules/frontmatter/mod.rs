//! Frontmatter of SKILL.md, commands/*.md and agents/*.md: presence, YAML
//! that strict loaders reject, names, descriptions, fields, tool rules.
//! The presence and YAML rules read the parse (`Doc::frontmatter`); the
//! others read the typed mapping (`Doc::fm`).

use crate::model::frontmatter::Frontmatter;
use crate::model::tools::{BUILTIN, LEGACY_ALIASES};
use crate::model::value::{Entry, Field, FromTree, Kind, Opaque, Present, Scalar};
use crate::model::{Doc, DocKind, Project, Skill};
use crate::parse::frontmatter::FrontmatterState;
use crate::rules::diag::{Diagnostic, Severity};
use crate::rules::{Context, RuleMeta};
use crate::source::{FileId, Span};
use crate::text::suggest;

crate::declare_family! {
    missing_frontmatter,
    unclosed_frontmatter,
    frontmatter_not_at_start,
    yaml_invalid,
    yaml_lenient_only,
    frontmatter_not_mapping,
    duplicate_frontmatter_key,
    skill_name_missing,
    skill_name_format,
    skill_name_mismatch,
    skill_name_reserved_word,
    description_missing,
    description_not_string,
    description_too_long,
    description_listing_cut,
    description_angle_brackets,
    field_not_string_list,
    field_value_invalid,
    fork_only_field,
    unknown_model,
    unknown_frontmatter_key,
    skill_too_long,
    nested_reference,
    compatibility_invalid,
    command_hooks_ignored,
    frontmatter_hooks_invalid,
    metadata_not_strings,
    agent_field_missing,
    agent_name_invalid,
    agent_field_value_invalid,
    agent_field_ignored,
    agent_unknown_key,
    output_style_description_missing,
    output_style_flag_not_boolean,
    output_style_unknown_key,
    tool_rule_malformed,
    tool_name_lowercase,
    unknown_tool,
    legacy_tool_alias,
    bash_prefix_rule_invalid,
    tool_specifier_invalid,
    wildcard_tool_name,
}

/// A plugin's output styles (`output-styles/*.md`), read (a narrowed run
/// may leave one unread).
pub fn output_styles(project: &Project) -> impl Iterator<Item = &Doc> {
    project.docs.iter().filter(move |d| {
        !d.unread
            && d.kind == DocKind::Other
            && project.plugin_of(&d.path).is_some_and(|p| {
                !p.synthetic
                    && p.kind == crate::model::PluginKind::Plugin
                    && d.path
                        .strip_prefix(&p.dir)
                        .map(|r| r.trim_start_matches('/'))
                        .and_then(|r| r.strip_prefix("output-styles/"))
                        .is_some_and(|f| !f.contains('/') && f.ends_with(".md"))
            })
    })
}

/// Docs that are skills, commands or agents.
pub fn components(project: &Project) -> impl Iterator<Item = &Doc> {
    project.docs.iter().filter(|d| d.kind != DocKind::Other)
}

/// Component docs whose frontmatter parsed to a mapping, with the mapping
/// typed.
pub fn mappings(project: &Project) -> impl Iterator<Item = (&Doc, &Frontmatter)> {
    components(project).filter_map(|d| d.fm.as_deref().map(|fm| (d, fm)))
}

/// The key an unknown frontmatter key most likely means, among `known`:
/// first a known alias (`aliases`: what people write for a key of another
/// kind of file, as `tools` for a skill's `allowed-tools`), then the same
/// key with case, `-` and `_` ignored (`allowedTools`, `argument_hint`),
/// then the nearest spelling.
pub fn meant_key(
    key: &str,
    known: &[&'static str],
    aliases: &[(&str, &'static str)],
) -> Option<&'static str> {
    let fold = |k: &str| -> String {
        k.chars()
            .filter(|c| *c != '-' && *c != '_')
            .flat_map(char::to_lowercase)
            .collect()
    };
    let folded = fold(key);
    aliases
        .iter()
        .find(|(alias, _)| fold(alias) == folded)
        .map(|(_, meant)| *meant)
        .or_else(|| known.iter().copied().find(|k| fold(k) == folded))
        .or_else(|| suggest(key, known.iter().copied()))
}

pub fn kind_name(kind: DocKind) -> &'static str {
    match kind {
        DocKind::Skill => "skill",
        DocKind::Command => "command",
        DocKind::Agent => "agent",
        DocKind::Other => "file",
    }
}

/// What a value of `kind` is called in messages, in YAML's words (`list`,
/// `mapping`).
fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Array => "list",
        Kind::Object => "mapping",
        k => k.name(),
    }
}

/// The kind of a field's value: the scalar's, or the one it has instead.
fn kind_of(field: &Field<Scalar>) -> Kind {
    match &field.value {
        Ok(s) => s.kind,
        Err(k) => *k,
    }
}

/// Whether a scalar is an integer under the YAML 1.2 core schema (decimal,
/// `0x…`, `0o…`), as the parser resolves it; other numbers are floats.
fn is_int(s: &Scalar) -> bool {
    if s.kind != Kind::Number {
        return false;
    }
    let t = s.text.as_str();
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let digits = |d: &str, ok: fn(&u8) -> bool| !d.is_empty() && d.bytes().all(|b| ok(&b));
    digits(body, u8::is_ascii_digit)
        || t.strip_prefix("0x")
            .is_some_and(|h| digits(h, u8::is_ascii_hexdigit))
        || t.strip_prefix("0o")
            .is_some_and(|o| digits(o, |b| (b'0'..=b'7').contains(b)))
}

/// Where a missing key is reported: the mapping's first key (the start of
/// the file for an empty one).
fn first_key(d: &Doc, fm: &Frontmatter) -> Span {
    let written = fm.keys.first().map(|k| k.span);
    let complex = complex_entries::<Opaque>(d, fm.span)
        .first()
        .map(|e| e.key_span);
    match (written, complex) {
        (Some(k), Some(c)) if c.start < k.start => c,
        (k, c) => k.or(c).unwrap_or(Span::empty(0)),
    }
}

/// The entries of a mapping of `d`'s frontmatter (the frontmatter itself,
/// or the value of one of its keys, found by its span `at`) whose key is
/// not a scalar (`? [a, b]`), each read as `T`, with an empty `key`.
///
/// The one raw YAML lookup of this family, because the typed model cannot
/// serve: it reads mappings through `Tree::members`, which skips such keys,
/// while the first key (AS012, AG002) and the entries of `metadata` (AS015)
/// and `hooks` (SK017) have always counted them.
fn complex_entries<T: FromTree>(d: &Doc, at: Span) -> Vec<Entry<T>> {
    let FrontmatterState::Present(block) = &d.frontmatter else {
        return Vec::new();
    };
    let Some(root) = block.root() else {
        return Vec::new();
    };
    let map = if root.span == at {
        Some(root)
    } else {
        root.entries().iter().map(|(_, v)| v).find(|v| v.span == at)
    };
    map.into_iter()
        .flat_map(|m| m.entries())
        .filter(|(k, _)| k.as_str().is_none())
        .map(|(k, v)| Entry {
            key: String::new(),
            key_span: k.span,
            span: v.span,
            value: T::from_tree(v),
        })
        .collect()
}

/// The skills of every plugin whose SKILL.md frontmatter is a mapping: the
/// doc, the skill and the mapping.
fn skills(project: &Project) -> impl Iterator<Item = (&Doc, &Skill, &Frontmatter)> {
    project
        .plugins
        .iter()
        .flat_map(|p| &p.skills)
        .filter_map(|s| {
            let d = project.doc(s.doc);
            if d.kind != DocKind::Skill {
                return None;
            }
            d.fm.as_deref().map(|fm| (d, s, fm))
        })
}

/// A skill's `name` when it can be a name: a string or an integer
/// (`name: 123`). The naming rules (AS005) report other values.
fn skill_name(name: &Field<Scalar>) -> Option<&str> {
    name.ok()
        .filter(|s| s.kind == Kind::String || is_int(s))
        .map(|s| s.text.as_str())
}

/// Why a skill `name` breaks the naming rules, if it does.
fn name_problem(name: &str) -> Option<String> {
    let n = name.chars().count();
    if n == 0 {
        return Some("is empty".into());
    }
    if n > 64 {
        return Some(format!("is {n} characters long; the limit is 64"));
    }
    if name.chars().any(|c| c.is_uppercase()) {
        return Some("has uppercase letters".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Some(format!("contains `{c}`; only a-z, 0-9 and - are allowed"));
    }
    if name.starts_with('-') || name.ends_with('-') {
        return Some("starts or ends with `-`".into());
    }
    if name.contains("--") {
        return Some("contains `--`".into());
    }
    None
}

/// Skills and commands with a description that is non-empty text: the doc,
/// the mapping, the text and its span.
fn descriptions(project: &Project) -> impl Iterator<Item = (&Doc, &Frontmatter, &str, Span)> {
    mappings(project)
        .filter(|(d, _)| d.kind != DocKind::Agent)
        .filter_map(|(d, fm)| {
            let (s, span) = fm.description.spanned()?;
            (!s.text.trim().is_empty()).then_some((d, fm, s.text.as_str(), span))
        })
}

// Tool rules in `allowed-tools`, `disallowed-tools`, `tools` and
// `disallowedTools`: syntax, names, specifiers (Claude Code permission
// rules). Each rule written is checked once, for all the TL rules: the
// first problem found is its finding, reported by that problem's rule.

const FILE_TOOLS: &[&str] = &[
    "Read",
    "Edit",
    "Write",
    "Glob",
    "NotebookEdit",
    "MultiEdit",
    "Grep",
    "NotebookRead",
    "LS",
];

/// Split a rule list on commas and whitespace outside `()` and `{}`.
pub fn split_rules(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, None::<usize>);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '{' => depth += 1,
            ')' | '}' => depth -= 1,
            _ => {}
        }
        let sep = depth <= 0 && (c == ',' || c.is_whitespace());
        match (sep, start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// A finding for one tool rule: the rule, the message, the help.
type Problem = (&'static RuleMeta, String, Option<String>);

/// What is wrong with one rule, if anything.
fn problem(rule: &str, allow: bool) -> Option<Problem> {
    let (name, spec) = match rule.find('(') {
        Some(i) => (&rule[..i], Some(&rule[i + 1..])),
        None => (rule, None),
    };
    if let Some(p) = parens_problem(rule, name, spec) {
        return Some(p);
    }
    let spec = spec.map(|s| &s[..s.len() - 1]);
    if name.contains('*') {
        return wildcard_problem(name, allow);
    }
    if name.starts_with("mcp__") {
        return spec.is_some().then(|| {
            (
                &tool_specifier_invalid::RULE as &RuleMeta,
                format!("MCP rule `{rule}` cannot take parentheses"),
                Some(format!("write `{name}`")),
            )
        });
    }
    tool_name_problem(name).or_else(|| spec_problem(rule, name, spec?))
}

/// Mismatched or empty parentheses. `spec` is what follows the first `(`.
fn parens_problem(rule: &str, name: &str, spec: Option<&str>) -> Option<Problem> {
    let opens = rule.matches('(').count() - rule.matches("\\(").count();
    let closes = rule.matches(')').count() - rule.matches("\\)").count();
    if opens != closes || (spec.is_some() && !rule.ends_with(')')) {
        return Some((
            &tool_rule_malformed::RULE,
            format!("tool rule `{rule}` has mismatched parentheses"),
            Some("close the specifier: `Tool(specifier)`".into()),
        ));
    }
    (spec == Some(")")).then(|| {
        (
            &tool_rule_malformed::RULE as &RuleMeta,
            format!("tool rule `{rule}` has empty parentheses"),
            Some(format!("write `{name}` to allow every use")),
        )
    })
}

/// A wildcard tool name: only `mcp__<server>__*` may stand in `tools`.
fn wildcard_problem(name: &str, allow: bool) -> Option<Problem> {
    let after_server = name
        .strip_prefix("mcp__")
        .and_then(|r| r.split_once("__"))
        .is_some_and(|(srv, _)| !srv.is_empty() && !srv.contains('*'));
    (allow && !after_server).then(|| {
        (
            &wildcard_tool_name::RULE as &RuleMeta,
            format!("wildcard tool name `{name}` is not allowed here"),
            Some("name the tools, or use `mcp__<server>__*` for one MCP server".into()),
        )
    })
}

/// A tool name Claude Code does not know, or knows by another spelling.
fn tool_name_problem(name: &str) -> Option<Problem> {
    if name.chars().next().is_some_and(|c| c.is_lowercase()) && !name.contains('_') {
        let upper = BUILTIN.iter().find(|b| b.eq_ignore_ascii_case(name));
        return Some((
            &tool_name_lowercase::RULE,
            format!("tool name `{name}` must start with an uppercase letter"),
            upper.map(|u| format!("write `{u}`")),
        ));
    }
    if let Some((_, new)) = LEGACY_ALIASES.iter().find(|(old, _)| *old == name) {
        return Some((
            &legacy_tool_alias::RULE,
            format!("`{name}` is a legacy name for `{new}`"),
            Some(format!("write `{new}`")),
        ));
    }
    if !BUILTIN.contains(&name) && !name.contains('_') {
        let near = suggest(name, BUILTIN.iter().copied());
        return Some((
            &unknown_tool::RULE,
            format!("unknown tool `{name}`"),
            near.map(|n| format!("did you mean `{n}`?")),
        ));
    }
    None
}

/// A specifier the tool does not take in that form.
fn spec_problem(rule: &str, name: &str, spec: &str) -> Option<Problem> {
    match name {
        "Bash" | "PowerShell" => {
            let i = spec.find(":*")?;
            if i + 2 != spec.len() {
                return Some((
                    &bash_prefix_rule_invalid::RULE,
                    format!("`:*` must end the rule in `{rule}`"),
                    Some("write `Bash(prefix:*)`, or `Bash(prefix *)` for a glob".into()),
                ));
            }
            (i == 0).then(|| {
                (
                    &bash_prefix_rule_invalid::RULE as &RuleMeta,
                    format!("empty prefix before `:*` in `{rule}`"),
                    Some("write `Bash` to allow every command".into()),
                )
            })
        }
        "WebFetch" if !spec.starts_with("domain:") || spec.contains("://") => Some((
            &tool_specifier_invalid::RULE,
            format!("`{rule}` must use `domain:host`"),
            Some("write `WebFetch(domain:example.com)`".into()),
        )),
        "WebSearch" if spec.contains(['*', '?']) => Some((
            &tool_specifier_invalid::RULE,
            format!("`{rule}` uses a wildcard; WebSearch does not support them"),
            None,
        )),
        n if FILE_TOOLS.contains(&n) && spec.contains(":*") => Some((
            &tool_specifier_invalid::RULE,
            format!("`:*` is only for Bash prefix rules, not `{n}`"),
            Some(format!("use a path glob: `{n}(src/**)`")),
        )),
        _ => None,
    }
}

/// Expand the first `{a,b}` group: `{Edit,Write}` → `Edit`, `Write`.
fn expand_braces(rule: &str) -> Vec<String> {
    if let (Some(open), Some(close)) = (rule.find('{'), rule.find('}'))
        && open < close
        && !rule[..open].contains('(')
    {
        let (pre, alts, post) = (&rule[..open], &rule[open + 1..close], &rule[close + 1..]);
        return alts
            .split(',')
            .map(|a| format!("{pre}{}{post}", a.trim()))
            .collect();
    }
    vec![rule.to_string()]
}

/// The findings of every tool rule in the tree's frontmatter (the first
/// value of each tool field), checked once, by whichever TL rule runs first.
fn tool_findings<'a>(cx: &'a Context<'_>) -> &'a [Diagnostic] {
    cx.shared.tool_rules.get_or_init(|| {
        let mut out = Vec::new();
        for (d, fm) in mappings(cx.project) {
            let fields = if d.kind == DocKind::Agent {
                vec![(&fm.tools, true), (&fm.disallowed_tools_camel, false)]
            } else {
                vec![
                    (&fm.allowed_tools, true),
                    (&fm.disallowed_tools, false),
                    (&fm.disallowed_tools_camel, false),
                ]
            };
            for (field, allow) in fields {
                let Some((value, span)) = field.spanned() else {
                    continue;
                };
                for (s, span) in value.values(span) {
                    check_tool_value(cx, &mut out, d.file, &s.text, span, allow);
                }
            }
        }
        out
    })
}

/// The tool-rule findings of `rule` (one of the TL rules).
fn report_tools(cx: &Context<'_>, rule: &'static RuleMeta, out: &mut Vec<Diagnostic>) {
    out.extend(
        tool_findings(cx)
            .iter()
            .filter(|d| d.rule.id == rule.id)
            .cloned(),
    );
}

fn check_tool_value(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    file: FileId,
    s: &str,
    span: Span,
    allow: bool,
) {
    let raw = cx.text(file).get(span.range()).unwrap_or("");
    for (_, rule) in split_rules(s) {
        let Some((meta, msg, help)) = expand_braces(rule).iter().find_map(|r| problem(r, allow))
        else {
            continue;
        };
        let at = raw.find(rule).map_or(span, |i| {
            Span::new(
                span.start as usize + i,
                span.start as usize + i + rule.len(),
            )
        });
        let mut diag = Diagnostic::new(meta, file, at, msg);
        if let Some(h) = help {
            diag = diag.help(h);
        }
        if meta.id == legacy_tool_alias::RULE.id {
            diag = diag.severity(Severity::Info);
        }
        out.push(diag);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key meant: a known alias before the nearest spelling.
    #[test]
    fn unknown_keys_suggest_what_was_meant() {
        use crate::engine::testing::{check_listing, of_rule};
        let helps = |kind: &str, fm: &str| -> Vec<(String, String)> {
            let listing = match kind {
                "skill" => format!(
                    "==> plugins/demo/skills/deploy/SKILL.md <==\n---\nname: deploy\ndescription: Deploys the demo app. Use when shipping a release.\n{fm}\n---\nBody.\n"
                ),
                _ => format!(
                    "==> plugins/demo/agents/reviewer.md <==\n---\nname: reviewer\ndescription: Reviews a diff.\n{fm}\n---\nReview the diff.\n"
                ),
            };
            let rule = if kind == "skill" {
                &unknown_frontmatter_key::RULE
            } else {
                &agent_unknown_key::RULE
            };
            let (_d, _l, diags) = check_listing(&listing);
            of_rule(&diags, rule)
                .into_iter()
                .map(|d| (d.message.clone(), d.help.clone().unwrap_or_default()))
                .collect()
        };
        for (fm, meant) in [
            ("tools: Read, Grep", "allowed-tools"),
            ("allowedTools: Read", "allowed-tools"),
            ("allowed_tools: Read", "allowed-tools"),
            ("argument_hint: \"[file]\"", "argument-hint"),
            ("whenToUse: always", "when_to_use"),
            ("hoks: {}", "hooks"),
        ] {
            let h = helps("skill", fm);
            assert_eq!(h.len(), 1, "{fm}: {h:?}");
            assert_eq!(h[0].1, format!("did you mean `{meant}`?"), "{fm}");
        }
        // An agent's allowed-tools restricts nothing: it gets every tool.
        for fm in ["allowed-tools: Read", "allowedTools: [Read]"] {
            let h = helps("agent", fm);
            assert_eq!(h.len(), 1, "{fm}: {h:?}");
            assert!(h[0].0.contains("the agent gets every tool"), "{h:?}");
            assert!(h[0].1.contains("rename it to `tools`"), "{h:?}");
        }
        // With `tools` written, it only is an ignored key.
        let h = helps("agent", "tools: Read\nallowed-tools: Read");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(!h[0].0.contains("every tool"), "{h:?}");
        assert_eq!(h[0].1, "did you mean `tools`?");
        let h = helps("agent", "max-turns: 3");
        assert_eq!(h[0].1, "did you mean `maxTurns`?");
    }

    #[test]
    fn splits_outside_parens() {
        let r: Vec<&str> = split_rules("Bash(git add:*), Bash(git status:*) Read,{Edit,Write}")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(
            r,
            [
                "Bash(git add:*)",
                "Bash(git status:*)",
                "Read",
                "{Edit,Write}"
            ]
        );
    }

    #[test]
    fn accepts_documented_forms() {
        for ok in [
            "Bash",
            "Bash(git add *)",
            "Bash(npm run test:*)",
            "Read(./src/**)",
            "WebFetch(domain:example.com)",
            "mcp__srv__tool",
            "mcp__srv",
            "mcp__srv__*",
            "Skill(deploy)",
            "Agent(Explore)",
        ] {
            assert!(problem(ok, true).is_none(), "{ok}");
        }
    }

    #[test]
    fn rejects_broken_forms() {
        for (bad, id) in [
            ("Bash(", "TL002"),
            ("Read()", "TL002"),
            ("read", "TL004"),
            ("Reed", "TL005"),
            ("Task", "TL006"),
            ("Bash(:*)", "TL007"),
            ("Read(src:*)", "TL008"),
            ("mcp__s(x)", "TL008"),
            ("WebSearch(a*)", "TL008"),
            ("Bash*", "TL012"),
        ] {
            assert_eq!(problem(bad, true).map(|p| p.0.id), Some(id), "{bad}");
        }
    }

    #[test]
    fn integers_are_told_from_floats() {
        let n = |t: &str| Scalar {
            text: t.into(),
            kind: Kind::Number,
        };
        for int in ["1", "-12", "+3", "0x1F", "0o17"] {
            assert!(is_int(&n(int)), "{int}");
        }
        for float in ["1.5", "1e3", ".inf", "-.inf", ".nan", "0x", "0o8"] {
            assert!(!is_int(&n(float)), "{float}");
        }
        let s = Scalar {
            text: "12".into(),
            kind: Kind::String,
        };
        assert!(!is_int(&s));
    }
}
