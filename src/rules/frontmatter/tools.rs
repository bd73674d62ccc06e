//! Tool rules in `allowed-tools`, `disallowed-tools`, `tools` and
//! `disallowedTools`: syntax, names, specifiers (Claude Code permission rules).

use super::raw_mappings as mappings;
use crate::declare_rule;
use crate::model::DocKind;
use crate::parse::yaml::YamlNode;
use crate::rules::Context;
use crate::rules::diag::{Diagnostic, Severity};
use crate::source::{FileId, Span};
use crate::text::suggest;

declare_rule! {
    /// A tool rule is malformed: unbalanced or empty parentheses.
    ///
    /// ## What it does
    /// Parses each rule as `Tool` or `Tool(specifier)`.
    ///
    /// ## Why it matters
    /// Claude Code rejects the rule (`Mismatched parentheses`, `Empty
    /// parentheses`); the tool is not pre-approved.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl apply:* Read
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl apply:*) Read
    /// ---
    /// ```
    pub static MALFORMED = { id: "TL002", name: "tool-rule-malformed", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A tool name starts with a lowercase letter.
    ///
    /// ## What it does
    /// Built-in tool names are capitalised (`Bash`, `Read`); only MCP names
    /// (which contain `_`) may start lowercase.
    ///
    /// ## Why it matters
    /// Claude Code rejects the rule: `Tool names must start with uppercase`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: bash read
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash Read
    /// ---
    /// ```
    pub static LOWERCASE = { id: "TL004", name: "tool-name-lowercase", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A tool name is not a Claude Code tool.
    ///
    /// ## What it does
    /// Compares each tool name with Claude Code's built-in tools, legacy
    /// aliases and the `mcp__server__tool` form.
    ///
    /// ## Why it matters
    /// A misspelt tool pre-approves nothing; the user is prompted on every call.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash Reed
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash Read
    /// ---
    /// ```
    pub static UNKNOWN = { id: "TL005", name: "unknown-tool", family: Frontmatter, severity: Warning }
}

declare_rule! {
    /// A tool is named by a legacy alias.
    ///
    /// ## What it does
    /// Reports `Task`, `KillShell`, `BashOutput` and other renamed tools.
    ///
    /// ## Why it matters
    /// They still work, but docs and newer rules use the current names.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// tools: Read, Task
    /// ---
    /// Review the diff.
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/agents/reviewer.md <==
    /// ---
    /// name: reviewer
    /// description: Reviews a diff for correctness.
    /// tools: Read, Agent
    /// ---
    /// Review the diff.
    /// ```
    pub static LEGACY = { id: "TL006", name: "legacy-tool-alias", family: Frontmatter, severity: Info }
}

declare_rule! {
    /// A Bash prefix rule puts `:*` somewhere other than the end.
    ///
    /// ## What it does
    /// In `Bash(prefix:*)`, `:*` must end the rule and follow a non-empty prefix.
    ///
    /// ## Why it matters
    /// Claude Code rejects the rule (`The :* pattern must be at the end`).
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl:* apply)
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: Bash(kubectl apply:*)
    /// ---
    /// ```
    pub static BASH_PREFIX = { id: "TL007", name: "bash-prefix-rule-invalid", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A tool specifier is not valid for that tool.
    ///
    /// ## What it does
    /// Reports `:*` in file-tool rules (`Read(src:*)`), `WebFetch` rules
    /// without `domain:` or with a URL, `WebSearch` rules with wildcards, and
    /// MCP rules with parentheses.
    ///
    /// ## Why it matters
    /// Claude Code rejects the rule.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: WebFetch(https://example.com/docs)
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: WebFetch(domain:example.com)
    /// ---
    /// ```
    pub static SPECIFIER = { id: "TL008", name: "tool-specifier-invalid", family: Frontmatter, severity: Error }
}

declare_rule! {
    /// A wildcard tool name in an allow list.
    ///
    /// ## What it does
    /// In `allowed-tools` and agent `tools`, a `*` in the tool name is allowed
    /// only after a literal `mcp__server__` prefix.
    ///
    /// ## Why it matters
    /// Claude Code rejects it: `Wildcard tool name is not supported in allow rules`.
    ///
    /// ## Example
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: mcp__*
    /// ---
    /// ```
    ///
    /// ## Use instead
    /// ```text
    /// ==> plugins/demo/skills/deploy/SKILL.md <==
    /// ---
    /// name: deploy
    /// description: Deploys the demo app. Use when shipping a release.
    /// allowed-tools: mcp__kubernetes__*
    /// ---
    /// ```
    pub static WILDCARD = { id: "TL012", name: "wildcard-tool-name", family: Frontmatter, severity: Error }
}

const BUILTIN: &[&str] = &[
    "Agent",
    "Artifact",
    "AskUserQuestion",
    "Bash",
    "ClaudeDesign",
    "CronCreate",
    "CronDelete",
    "CronList",
    "Edit",
    "EndConversation",
    "EnterPlanMode",
    "EnterWorktree",
    "ExitPlanMode",
    "ExitWorktree",
    "Glob",
    "Grep",
    "ListAgents",
    "ListMcpResourcesTool",
    "LSP",
    "Monitor",
    "NotebookEdit",
    "OfferChromeSetup",
    "PowerShell",
    "Projects",
    "propose_skills",
    "PushNotification",
    "Read",
    "ReadMcpResourceDirTool",
    "ReadMcpResourceTool",
    "ReadNotifications",
    "RemoteTrigger",
    "ReportFindings",
    "ScheduleWakeup",
    "SendFeedback",
    "SendMessage",
    "SendUserFile",
    "SendUserMessage",
    "SetGoal",
    "ShareOnboardingGuide",
    "ShowOnboardingRolePicker",
    "Skill",
    "SubagentHandback",
    "TaskCreate",
    "TaskGet",
    "TaskList",
    "TaskStop",
    "TaskUpdate",
    "TaskOutput",
    "TodoWrite",
    "ToolSearch",
    "WaitForMcpServers",
    "WebFetch",
    "WebSearch",
    "Workflow",
    "Write",
    "MultiEdit",
    "NotebookRead",
    "LS",
    "Cd",
];
const LEGACY_ALIASES: &[(&str, &str)] = &[
    ("Task", "Agent"),
    ("KillShell", "TaskStop"),
    ("KillBash", "TaskStop"),
    ("BashOutput", "TaskOutput"),
    ("AgentOutput", "TaskOutput"),
    ("AgentOutputTool", "TaskOutput"),
    ("BashOutputTool", "TaskOutput"),
    ("ListPeers", "ListAgents"),
    ("Brief", "SendUserMessage"),
    ("ListMcpResources", "ListMcpResourcesTool"),
    ("ReadMcpResource", "ReadMcpResourceTool"),
    ("ProposeGoal", "SetGoal"),
];
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

/// What is wrong with one rule, if anything.
fn problem(
    rule: &str,
    allow: bool,
) -> Option<(&'static crate::rules::RuleMeta, String, Option<String>)> {
    let open = rule.find('(');
    let (name, spec) = match open {
        Some(i) => (&rule[..i], Some(&rule[i + 1..])),
        None => (rule, None),
    };
    let opens = rule.matches('(').count() - rule.matches("\\(").count();
    let closes = rule.matches(')').count() - rule.matches("\\)").count();
    if opens != closes || (spec.is_some() && !rule.ends_with(')')) {
        return Some((
            &MALFORMED,
            format!("tool rule `{rule}` has mismatched parentheses"),
            Some("close the specifier: `Tool(specifier)`".into()),
        ));
    }
    let spec = spec.map(|s| &s[..s.len() - 1]);
    if spec == Some("") {
        return Some((
            &MALFORMED,
            format!("tool rule `{rule}` has empty parentheses"),
            Some(format!("write `{name}` to allow every use")),
        ));
    }
    let is_mcp = name.starts_with("mcp__");
    if name.contains('*') {
        let after_server = name
            .strip_prefix("mcp__")
            .and_then(|r| r.split_once("__"))
            .is_some_and(|(srv, _)| !srv.is_empty() && !srv.contains('*'));
        if allow && !after_server {
            return Some((
                &WILDCARD,
                format!("wildcard tool name `{name}` is not allowed here"),
                Some("name the tools, or use `mcp__<server>__*` for one MCP server".into()),
            ));
        }
        return None;
    }
    if is_mcp {
        if spec.is_some() {
            return Some((
                &SPECIFIER,
                format!("MCP rule `{rule}` cannot take parentheses"),
                Some(format!("write `{name}`")),
            ));
        }
        return None;
    }
    if name.chars().next().is_some_and(|c| c.is_lowercase()) && !name.contains('_') {
        let upper = BUILTIN.iter().find(|b| b.eq_ignore_ascii_case(name));
        return Some((
            &LOWERCASE,
            format!("tool name `{name}` must start with an uppercase letter"),
            upper.map(|u| format!("write `{u}`")),
        ));
    }
    if let Some((_, new)) = LEGACY_ALIASES.iter().find(|(old, _)| *old == name) {
        return Some((
            &LEGACY,
            format!("`{name}` is a legacy name for `{new}`"),
            Some(format!("write `{new}`")),
        ));
    }
    if !BUILTIN.contains(&name) && !name.contains('_') {
        let near = suggest(name, BUILTIN.iter().copied());
        return Some((
            &UNKNOWN,
            format!("unknown tool `{name}`"),
            near.map(|n| format!("did you mean `{n}`?")),
        ));
    }
    let spec = spec?;
    match name {
        "Bash" | "PowerShell" => {
            if let Some(i) = spec.find(":*") {
                if i + 2 != spec.len() {
                    return Some((
                        &BASH_PREFIX,
                        format!("`:*` must end the rule in `{rule}`"),
                        Some("write `Bash(prefix:*)`, or `Bash(prefix *)` for a glob".into()),
                    ));
                }
                if i == 0 {
                    return Some((
                        &BASH_PREFIX,
                        format!("empty prefix before `:*` in `{rule}`"),
                        Some("write `Bash` to allow every command".into()),
                    ));
                }
            }
        }
        "WebFetch" if !spec.starts_with("domain:") || spec.contains("://") => {
            return Some((
                &SPECIFIER,
                format!("`{rule}` must use `domain:host`"),
                Some("write `WebFetch(domain:example.com)`".into()),
            ));
        }
        "WebSearch" if spec.contains(['*', '?']) => {
            return Some((
                &SPECIFIER,
                format!("`{rule}` uses a wildcard; WebSearch does not support them"),
                None,
            ));
        }
        n if FILE_TOOLS.contains(&n) && spec.contains(":*") => {
            return Some((
                &SPECIFIER,
                format!("`:*` is only for Bash prefix rules, not `{n}`"),
                Some(format!("use a path glob: `{n}(src/**)`")),
            ));
        }
        _ => {}
    }
    None
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (d, root) in mappings(cx.project) {
        let fields: &[(&str, bool)] = if d.kind == DocKind::Agent {
            &[("tools", true), ("disallowedTools", false)]
        } else {
            &[
                ("allowed-tools", true),
                ("disallowed-tools", false),
                ("disallowedTools", false),
            ]
        };
        for (key, allow) in fields {
            let Some(v) = root.get(key) else { continue };
            for (s, span) in v.string_items() {
                check_value(cx, out, d.file, s, span, *allow, v);
            }
        }
    }
}

fn check_value(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    file: FileId,
    s: &str,
    span: Span,
    allow: bool,
    _node: &YamlNode,
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
        if meta.id == LEGACY.id {
            diag = diag.severity(Severity::Info);
        }
        out.push(diag);
    }
}

/// Expand the first `{a,b}` group: `{Edit,Write}` → `Edit`, `Write`.
pub fn expand_braces(rule: &str) -> Vec<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
