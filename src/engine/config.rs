//! `skillc.toml`: strict, span-aware configuration.
//!
//! Every key is known; an unknown key or rule id is an error that names it and
//! suggests the nearest valid spelling.

use crate::parse::shell::policy::{ShellPolicy, ToolPolicy};
use crate::redact::RedactConfig;
use crate::rules::diag::Severity;
use crate::rules::{Profile, RuleMeta, registry};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::HashMap;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

pub const FILE_NAME: &str = "skillc.toml";

/// What a rule is set to in config.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Off,
    On(Severity),
}

/// Which consumer the skills are written for (`target`, `--target`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Target {
    /// Claude Code, which loads what the Agent Skills spec rejects (a name
    /// that differs from its folder, lenient YAML): spec rules warn.
    #[default]
    ClaudeCode,
    /// claude.ai uploads, the Skills API and skills-ref, which reject it:
    /// spec rules are errors.
    AgentSkills,
}

impl Target {
    pub fn parse(s: &str) -> Option<Target> {
        match s {
            "claude-code" => Some(Target::ClaudeCode),
            "agent-skills" => Some(Target::AgentSkills),
            _ => None,
        }
    }
}

/// The validated configuration.
#[derive(Debug, Default)]
pub struct Config {
    /// Per-rule severity overrides, keyed by rule id.
    pub rules: HashMap<&'static str, Level>,
    /// Paths that are not checked at all.
    pub exclude: Option<crate::load::Exclude>,
    /// Paths under which some rules are ignored.
    pub per_file_ignores: Vec<(GlobSet, Vec<&'static str>)>,
    /// Per-path severities (`[[overrides]]`), later entries win.
    pub overrides: Vec<(GlobSet, HashMap<&'static str, Level>)>,
    /// The config file's text, for error reports.
    pub source: Option<(String, String)>,
    /// Shell rules: context policy and bash target.
    pub shell: ShellPolicy,
    /// Redaction detectors' allow- and deny-lists.
    pub redaction: RedactConfig,
    /// `max-file-size`: files larger than this are reported (GEN) and skipped.
    /// `None`: 1 MiB for SKILL.md, command, agent and output-style files,
    /// 8 MiB for other files.
    pub max_file_size: Option<u64>,
    /// The consumer the skills are written for.
    pub target: Target,
    /// `profile`, `--profile`: turns on a family of rules that is off by
    /// default (the directory-submission rules).
    pub profile: Option<Profile>,
    /// `default-exclude = false`: check the folders left out by default
    /// (copies such as `backups/`, dependencies, Claude Code worktrees).
    pub no_default_exclude: bool,
    /// Where the checked root lies below the config file's directory
    /// (`plugins/x/`, or empty): path globs are written relative to the
    /// config file, paths in a run relative to the checked root.
    pub base: String,
}

pub use crate::load::MAX_FILE_SIZE_CEILING;

/// A configuration problem: exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    pub source: String,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Config {
    /// The effective level of a rule: config override or its default.
    pub fn level(&self, rule: &RuleMeta) -> Level {
        self.rules
            .get(rule.id)
            .copied()
            .unwrap_or_else(|| self.default_level(rule))
    }

    /// A rule's level when nothing configures it: its severity, or off for
    /// a rule of a profile that is not on.
    pub fn default_level(&self, rule: &RuleMeta) -> Level {
        match rule.family.profile() {
            Some(p) if self.profile != Some(p) => Level::Off,
            _ => Level::On(rule.severity),
        }
    }

    pub fn is_excluded(&self, path: &str) -> bool {
        self.exclude.as_ref().is_some_and(|e| e.covers(path))
    }

    /// Place the checked root `base` (see the field) below the config file's
    /// directory, and waive the `exclude` patterns that cover it.
    pub fn set_base(&mut self, base: String) {
        if let Some(e) = &mut self.exclude {
            e.place(&base);
        }
        self.base = base;
    }

    /// Apply the command line's rule selection: `select` (only these rules,
    /// by id, id prefix, name or `ALL`), then `extend_select` (these too),
    /// then `ignore` (not these). A selected rule the configuration turned
    /// off runs at its default severity. An unknown selector is an error.
    pub fn select(
        &mut self,
        select: Option<&[String]>,
        extend_select: &[String],
        ignore: &[String],
    ) -> Result<(), String> {
        let rules = crate::rules::registry::rules();
        let matching = |sel: &str| -> Result<Vec<&'static RuleMeta>, String> {
            let up = sel.to_ascii_uppercase();
            let found: Vec<&'static RuleMeta> = rules
                .iter()
                .copied()
                .filter(|r| up == "ALL" || r.id.starts_with(&up) || r.name == sel)
                .collect();
            if found.is_empty() {
                let hint = crate::text::suggest(&up, rules.iter().map(|r| r.id))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err(format!(
                    "unknown rule or prefix `{sel}`{hint} (see `skillc rules`)"
                ));
            }
            Ok(found)
        };
        let enable = |cfg: &mut Config, r: &'static RuleMeta| {
            if cfg.level(r) == Level::Off {
                cfg.rules.insert(r.id, Level::On(r.severity));
            }
        };
        if let Some(select) = select {
            let mut chosen = std::collections::HashSet::new();
            for sel in select {
                for r in matching(sel)? {
                    chosen.insert(r.id);
                    enable(self, r);
                }
            }
            for r in rules.iter().filter(|r| !chosen.contains(r.id)) {
                self.rules.insert(r.id, Level::Off);
                for (_, levels) in &mut self.overrides {
                    levels.remove(r.id);
                }
            }
        }
        for sel in extend_select {
            for r in matching(sel)? {
                enable(self, r);
            }
        }
        for sel in ignore {
            for r in matching(sel)? {
                self.rules.insert(r.id, Level::Off);
                for (_, levels) in &mut self.overrides {
                    levels.remove(r.id);
                }
            }
        }
        Ok(())
    }

    /// Check `path` (relative to the checked root) even where `exclude`
    /// covers it: a run was pointed at it.
    pub fn waive_exclude(&mut self, path: &str) {
        if let Some(e) = &mut self.exclude {
            e.waive(path);
        }
    }

    /// The level for `rule` at `path`, from `[[overrides]]`, then `[rules]`.
    pub fn level_at(&self, rule: &RuleMeta, path: &str) -> Option<Level> {
        let path = &*crate::source::prefixed(&self.base, path);
        self.overrides
            .iter()
            .rev()
            .find_map(|(g, levels)| {
                if g.is_match(path) {
                    levels.get(rule.id).copied()
                } else {
                    None
                }
            })
            .or_else(|| self.rules.get(rule.id).copied())
    }

    pub fn is_ignored(&self, rule: &RuleMeta, path: &str) -> bool {
        let path = &*crate::source::prefixed(&self.base, path);
        self.per_file_ignores
            .iter()
            .any(|(g, ids)| ids.contains(&rule.id) && g.is_match(path))
    }

    /// Parse and validate `text`, read from `path`.
    pub fn parse(path: &str, text: &str) -> Result<Config, ConfigError> {
        let err = |span: Range<usize>, message: String, help: Option<String>| ConfigError {
            path: path.to_string(),
            source: text.to_string(),
            span,
            message,
            help,
        };
        let table = DeTable::parse(text).map_err(|e| {
            err(
                e.span().unwrap_or(0..0),
                format!("invalid TOML: {}", e.message().trim()),
                None,
            )
        })?;
        let mut config = Config {
            source: Some((path.to_string(), text.to_string())),
            ..Config::default()
        };
        for (key, value) in table.get_ref() {
            let k = key.get_ref().as_ref();
            match k {
                "rules" => config.rules.extend(rule_levels(value, &err)?),
                "exclude" => {
                    config.exclude = Some(crate::load::Exclude::new(globs(value, &err)?));
                }
                "target" => match value.get_ref() {
                    DeValue::String(s) if Target::parse(s).is_some() => {
                        config.target = Target::parse(s).unwrap_or_default();
                    }
                    _ => {
                        return Err(err(
                            value.span(),
                            "`target` is \"claude-code\" or \"agent-skills\"".into(),
                            None,
                        ));
                    }
                },
                "profile" => match value.get_ref() {
                    DeValue::String(s) if Profile::parse(s).is_some() => {
                        config.profile = Profile::parse(s);
                    }
                    DeValue::String(s) => {
                        return Err(err(
                            value.span(),
                            format!("unknown profile `{s}`"),
                            Some(
                                "the only profile is \"directory\" (the plugin directory's submission checks, DR001–DR008)"
                                    .into(),
                            ),
                        ));
                    }
                    _ => {
                        return Err(err(
                            value.span(),
                            "`profile` is a string: \"directory\"".into(),
                            None,
                        ));
                    }
                },
                "default-exclude" => match value.get_ref() {
                    DeValue::Boolean(b) => config.no_default_exclude = !*b,
                    _ => {
                        return Err(err(
                            value.span(),
                            "`default-exclude` must be true or false".into(),
                            None,
                        ));
                    }
                },
                "max-file-size" => {
                    config.max_file_size = Some(byte_size(value, &err)?);
                }
                "overrides" => {
                    let DeValue::Array(items) = value.get_ref() else {
                        return Err(err(
                            value.span(),
                            "`overrides` is a list of [[overrides]] tables".into(),
                            None,
                        ));
                    };
                    for item in items.iter() {
                        let t = as_table(
                            item,
                            "each override is a table with `paths` and `rules`",
                            &err,
                        )?;
                        let mut globs_set = None;
                        let mut levels = HashMap::new();
                        for (k, v) in t {
                            match k.get_ref().as_ref() {
                                "paths" => globs_set = Some(globs(v, &err)?),
                                "rules" => levels = rule_levels(v, &err)?,
                                other => {
                                    return Err(unknown_key(
                                        &err,
                                        k.span(),
                                        other,
                                        "[[overrides]]",
                                        &["paths", "rules"],
                                    ));
                                }
                            }
                        }
                        let Some(g) = globs_set else {
                            return Err(err(item.span(), "an override needs `paths`".into(), None));
                        };
                        config.overrides.push((g, levels));
                    }
                }
                "per-file-ignores" => {
                    let t = as_table(
                        value,
                        "`per-file-ignores` must be a table of glob = [rule, …]",
                        &err,
                    )?;
                    for (glob, ids) in t {
                        let set = build_globset(&[(glob.get_ref().as_ref(), glob.span())], &err)?;
                        let mut rules = Vec::new();
                        for (id, span) in strings(ids, &err)? {
                            rules.push(rule_id(&id, span, &err)?);
                        }
                        config.per_file_ignores.push((set, rules));
                    }
                }
                "redaction" => {
                    let t = as_table(value, "`redaction` must be a table", &err)?;
                    parse_redaction(t, &mut config.redaction, &err)?;
                }
                "shell" => {
                    let t = as_table(value, "`shell` must be a table", &err)?;
                    parse_shell(t, &mut config.shell, &err)?;
                }
                other => {
                    return Err(unknown_key(&err, key.span(), other, "", TOP_KEYS));
                }
            }
        }
        Ok(config)
    }
}

const TOP_KEYS: &[&str] = &[
    "rules",
    "target",
    "profile",
    "default-exclude",
    "exclude",
    "max-file-size",
    "per-file-ignores",
    "overrides",
    "shell",
    "redaction",
];

fn parse_level(level: &toml::Spanned<DeValue<'_>>, err: &ErrFn<'_>) -> Result<Level, ConfigError> {
    let DeValue::String(s) = level.get_ref() else {
        return Err(err(
            level.span(),
            "a rule level is a string".into(),
            Some(LEVEL_HELP.into()),
        ));
    };
    Ok(match s.as_ref() {
        "off" => Level::Off,
        "info" => Level::On(Severity::Info),
        "warn" | "warning" => Level::On(Severity::Warning),
        "error" => Level::On(Severity::Error),
        other => {
            return Err(err(
                level.span(),
                format!("unknown level `{other}`"),
                Some(LEVEL_HELP.into()),
            ));
        }
    })
}

/// A list of strings, without their spans.
fn string_list(
    value: &toml::Spanned<DeValue<'_>>,
    err: &ErrFn<'_>,
) -> Result<Vec<String>, ConfigError> {
    Ok(strings(value, err)?.into_iter().map(|(s, _)| s).collect())
}

/// A rule named by id or name, as its id.
fn rule_id(name: &str, span: Range<usize>, err: &ErrFn<'_>) -> Result<&'static str, ConfigError> {
    lookup_rule(name)
        .map(|r| r.id)
        .map_err(|help| err(span, format!("unknown rule `{name}`"), help))
}

/// A `rule = "level"` table (`[rules]`, and `rules` in `[[overrides]]`).
fn rule_levels(
    value: &toml::Spanned<DeValue<'_>>,
    err: &ErrFn<'_>,
) -> Result<HashMap<&'static str, Level>, ConfigError> {
    let mut levels = HashMap::new();
    for (id, level) in as_table(value, "`rules` must be a table", err)? {
        let rule = rule_id(id.get_ref().as_ref(), id.span(), err)?;
        levels.insert(rule, parse_level(level, err)?);
    }
    Ok(levels)
}

/// `value` as a table, or the error `message` at it.
fn as_table<'a, 'de>(
    value: &'a toml::Spanned<DeValue<'de>>,
    message: &str,
    err: &ErrFn<'_>,
) -> Result<&'a DeTable<'de>, ConfigError> {
    match value.get_ref() {
        DeValue::Table(t) => Ok(t),
        _ => Err(err(value.span(), message.into(), None)),
    }
}

const REDACTION_KEYS: &[&str] = &[
    "allow-cidrs",
    "allow-networks",
    "allow-hosts",
    "deny",
    "deny-domains",
    "exempt-manifest-people",
];

fn parse_redaction(
    t: &DeTable<'_>,
    cfg: &mut RedactConfig,
    err: &ErrFn<'_>,
) -> Result<(), ConfigError> {
    for (key, value) in t {
        let list = || string_list(value, err);
        match key.get_ref().as_ref() {
            k @ ("allow-cidrs" | "allow-networks") => {
                for (n, span) in strings(value, err)? {
                    let ok = n.split_once('/').is_some_and(|(a, p)| {
                        a.parse::<std::net::Ipv4Addr>().is_ok()
                            && p.parse::<u8>().is_ok_and(|p| p <= 32)
                    });
                    if !ok {
                        return Err(err(
                            span,
                            format!("`{n}` is not an IPv4 CIDR"),
                            Some("write it like \"10.50.0.0/16\"".into()),
                        ));
                    }
                    if k == "allow-cidrs" {
                        cfg.allow_cidrs.push(n);
                    } else {
                        cfg.allow_networks.push(n);
                    }
                }
            }
            "allow-hosts" => cfg.allow_hosts.extend(list()?),
            "deny" => cfg.deny_names.extend(list()?),
            "deny-domains" => cfg.deny_domains.extend(list()?),
            "exempt-manifest-people" => {
                cfg.exempt_manifest_people = boolean(value, "exempt-manifest-people", err)?;
            }
            other => {
                return Err(unknown_key(
                    &err,
                    key.span(),
                    other,
                    "[redaction]",
                    REDACTION_KEYS,
                ));
            }
        }
    }
    Ok(())
}
const SHELL_KEYS: &[&str] = &["bash-version", "context-policy", "context"];
const TOOL_KEYS: &[&str] = &["flags", "env", "value-flags", "local", "cluster", "enabled"];

fn parse_shell(
    t: &DeTable<'_>,
    policy: &mut ShellPolicy,
    err: &ErrFn<'_>,
) -> Result<(), ConfigError> {
    for (key, value) in t {
        match key.get_ref().as_ref() {
            "bash-version" => {
                let DeValue::String(s) = value.get_ref() else {
                    return Err(err(
                        value.span(),
                        "`bash-version` is a string such as \"3.2\"".into(),
                        None,
                    ));
                };
                let parsed = s
                    .split_once('.')
                    .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
                policy.bash_target = parsed.ok_or_else(|| {
                    err(
                        value.span(),
                        format!("invalid bash version `{s}`"),
                        Some("write MAJOR.MINOR, for example \"3.2\" or \"5.1\"".into()),
                    )
                })?;
            }
            "context-policy" => {
                use crate::parse::shell::policy::ContextPolicy;
                policy.context = match value.get_ref() {
                    DeValue::String(s) if s == "auto" => ContextPolicy::Auto,
                    DeValue::String(s) if s == "strict" => ContextPolicy::Strict,
                    DeValue::String(s) if s == "mutating" => ContextPolicy::Mutating,
                    _ => {
                        return Err(err(
                            value.span(),
                            "`context-policy` is \"auto\", \"strict\" or \"mutating\"".into(),
                            None,
                        ));
                    }
                };
            }
            "context" => {
                let tools = as_table(value, "`shell.context` must be a table of tools", err)?;
                for (tool, spec) in tools {
                    let name = tool.get_ref().to_string();
                    let spec = as_table(
                        spec,
                        &format!("`shell.context.{name}` must be a table"),
                        err,
                    )?;
                    let mut p = policy.tool(&name).cloned().unwrap_or(ToolPolicy {
                        tool: name.clone(),
                        flags: Vec::new(),
                        env: Vec::new(),
                        value_flags: Vec::new(),
                        local: Vec::new(),
                        cluster: None,
                    });
                    let mut enabled = true;
                    for (k, v) in spec {
                        let list = || string_list(v, err);
                        match k.get_ref().as_ref() {
                            "flags" => p.flags = list()?,
                            "env" => p.env = list()?,
                            "value-flags" => p.value_flags = list()?,
                            "local" => p.local = list()?,
                            "cluster" => p.cluster = Some(list()?),
                            "enabled" => {
                                enabled = boolean(v, "enabled", err)?;
                            }
                            other => {
                                return Err(unknown_key(
                                    &err,
                                    k.span(),
                                    other,
                                    &format!("shell.context.{name}"),
                                    TOOL_KEYS,
                                ));
                            }
                        }
                    }
                    policy.tools.retain(|t| t.tool != name);
                    if enabled {
                        if p.flags.is_empty() {
                            return Err(err(
                                tool.span(),
                                format!("`shell.context.{name}` needs `flags`"),
                                Some("list the flags that name the target, e.g. flags = [\"--context\"]".into()),
                            ));
                        }
                        policy.tools.push(p);
                    }
                }
            }
            other => {
                return Err(unknown_key(&err, key.span(), other, "[shell]", SHELL_KEYS));
            }
        }
    }
    Ok(())
}
const LEVEL_HELP: &str = "use one of \"off\", \"info\", \"warn\", \"error\"";

/// Find a rule by id (any case) or kebab name; on failure, a "did you mean".
pub fn lookup_rule(key: &str) -> Result<&'static RuleMeta, Option<String>> {
    if let Some(r) = registry::find(key) {
        return Ok(r);
    }
    let candidates = registry::rules().iter().flat_map(|r| [r.id, r.name]);
    Err(crate::text::suggest(key, candidates).map(|s| format!("did you mean `{s}`?")))
}

/// The rule id or name nearest to `key`, when one is close enough.
pub fn nearest_rule(key: &str) -> Option<&'static str> {
    let candidates = registry::rules().iter().flat_map(|r| [r.id, r.name]);
    crate::text::suggest(key, candidates)
}

type ErrFn<'e> = dyn Fn(Range<usize>, String, Option<String>) -> ConfigError + 'e;

/// A size in bytes: an integer, or a string with a unit (`"512 KiB"`,
/// `"2 MB"`), more than 0 and at most [`MAX_FILE_SIZE_CEILING`].
fn byte_size(value: &toml::Spanned<DeValue<'_>>, err: &ErrFn<'_>) -> Result<u64, ConfigError> {
    const HELP: &str = "a number of bytes, or a size such as \"512 KiB\" or \"2 MB\"";
    let n = match value.get_ref() {
        DeValue::Integer(i) => i.as_str().parse::<u64>().ok().filter(|_| i.radix() == 10),
        DeValue::String(s) => {
            let s = s.trim();
            let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            let (num, unit) = s.split_at(split);
            let scale = match unit.trim() {
                "" | "B" => Some(1),
                "KB" | "kB" => Some(1_000),
                "MB" => Some(1_000_000),
                "KiB" => Some(1 << 10),
                "MiB" => Some(1 << 20),
                _ => None,
            };
            num.parse::<u64>()
                .ok()
                .zip(scale)
                .and_then(|(n, k)| n.checked_mul(k))
        }
        _ => None,
    };
    let Some(n) = n else {
        return Err(err(
            value.span(),
            "`max-file-size` must be a size".into(),
            Some(HELP.into()),
        ));
    };
    if n == 0 || n > MAX_FILE_SIZE_CEILING {
        return Err(err(
            value.span(),
            format!("`max-file-size` must be between 1 byte and 256 MiB, not {n} bytes"),
            Some(HELP.into()),
        ));
    }
    Ok(n)
}

/// An unknown key in `place` (`""` for the top level), with the nearest known one.
fn unknown_key(
    err: &ErrFn<'_>,
    span: Range<usize>,
    key: &str,
    place: &str,
    known: &[&str],
) -> ConfigError {
    let message = if place.is_empty() {
        format!("unknown key `{key}`")
    } else {
        format!("unknown key `{key}` in {place}")
    };
    let help =
        crate::text::suggest(key, known.iter().copied()).map(|s| format!("did you mean `{s}`?"));
    err(span, message, help)
}

/// A `true`/`false` value of key `name`.
fn boolean(
    value: &toml::Spanned<DeValue<'_>>,
    name: &str,
    err: &ErrFn<'_>,
) -> Result<bool, ConfigError> {
    match value.get_ref() {
        DeValue::Boolean(b) => Ok(*b),
        _ => Err(err(
            value.span(),
            format!("`{name}` is true or false"),
            None,
        )),
    }
}

fn strings(
    value: &toml::Spanned<DeValue<'_>>,
    err: &ErrFn<'_>,
) -> Result<Vec<(String, Range<usize>)>, ConfigError> {
    let DeValue::Array(items) = value.get_ref() else {
        return Err(err(
            value.span(),
            "expected an array of strings".into(),
            None,
        ));
    };
    let mut out = Vec::new();
    for item in items.iter() {
        let DeValue::String(s) = item.get_ref() else {
            return Err(err(item.span(), "expected a string".into(), None));
        };
        out.push((s.to_string(), item.span()));
    }
    Ok(out)
}

fn globs(value: &toml::Spanned<DeValue<'_>>, err: &ErrFn<'_>) -> Result<GlobSet, ConfigError> {
    let items = strings(value, err)?;
    let refs: Vec<(&str, Range<usize>)> =
        items.iter().map(|(s, r)| (s.as_str(), r.clone())).collect();
    build_globset(&refs, err)
}

fn build_globset(items: &[(&str, Range<usize>)], err: &ErrFn<'_>) -> Result<GlobSet, ConfigError> {
    let mut b = GlobSetBuilder::new();
    for (pat, span) in items {
        let g =
            Glob::new(pat).map_err(|e| err(span.clone(), format!("invalid glob: {e}"), None))?;
        b.add(g);
        // `dir` also matches everything below it.
        if !pat.contains('*')
            && let Ok(g) = Glob::new(&format!("{}/**", pat.trim_end_matches('/')))
        {
            b.add(g);
        }
    }
    b.build()
        .map_err(|e| err(0..0, format!("invalid glob set: {e}"), None))
}

/// Why the configuration of a run could not be had.
#[derive(Debug)]
pub enum DiscoverError {
    /// The file could not be read.
    Read(String),
    /// The file is not a valid configuration.
    Invalid(ConfigError),
}

/// The configuration of a run whose paths are relative to `root`:
/// `explicit`, else the nearest `skillc.toml` in `root` or a directory above
/// it, up to the enclosing repository's root, else the defaults.
/// Globs in the file are relative to its directory.
pub fn discover(
    explicit: Option<&std::path::Path>,
    root: &std::path::Path,
) -> Result<Config, DiscoverError> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match find_config(root) {
            Some(p) => p,
            None => return Ok(Config::default()),
        },
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            return Err(DiscoverError::Read(format!(
                "cannot read config `{}`: {e}",
                path.display()
            )));
        }
    };
    let mut config =
        Config::parse(&path.display().to_string(), &text).map_err(DiscoverError::Invalid)?;
    config.set_base(config_base(&path, root));
    Ok(config)
}

/// The nearest `skillc.toml` in `from` or above it. The search stops at the
/// first directory that holds `.git`: a config outside the repository is not
/// this tree's. A marketplace in a subdirectory of a repository gets the
/// repository's config when it has none of its own.
fn find_config(from: &std::path::Path) -> Option<std::path::PathBuf> {
    let from = from.canonicalize().ok()?;
    for dir in from.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            // Shown in errors as the user would write it.
            let cwd = std::env::current_dir().and_then(|d| d.canonicalize());
            return Some(match cwd.map(|d| candidate.strip_prefix(d)) {
                Ok(Ok(rel)) => rel.to_path_buf(),
                _ => candidate,
            });
        }
        if dir.join(".git").exists() {
            return None;
        }
    }
    None
}

/// Where `root` lies below the directory of the config file `config`
/// (`plugins/x/`), or empty when it is that directory or not below it.
fn config_base(config: &std::path::Path, root: &std::path::Path) -> String {
    let dir = config
        .canonicalize()
        .ok()
        .and_then(|c| c.parent().map(std::path::Path::to_path_buf));
    match (dir, root.canonicalize()) {
        (Some(dir), Ok(root)) if root != dir && root.starts_with(&dir) => {
            format!("{}/", crate::source::rel_path(&dir, &root))
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_top_key_suggests() {
        let e = Config::parse("skillc.toml", "[rulez]\n").unwrap_err();
        assert_eq!(e.message, "unknown key `rulez`");
        assert_eq!(e.help.as_deref(), Some("did you mean `rules`?"));
        assert_eq!(e.span, 1..6);
    }

    #[test]
    fn globs_are_relative_to_the_config_and_spare_the_checked_root() {
        let text = "exclude = [\"vendor\", \"**/node_modules\", \"plugins/**\"]\n[per-file-ignores]\n\"plugins/x/skills/**\" = [\"XREF001\"]\n";
        let mut c = Config::parse("skillc.toml", text).unwrap();
        let xref = lookup_rule("XREF001").unwrap();
        assert!(c.is_excluded("plugins/x/a.md"));
        assert!(!c.is_ignored(xref, "skills/s/SKILL.md"));
        c.set_base("plugins/x/".into());
        // `plugins/**` covers the root and is waived; the others hold.
        assert!(!c.is_excluded("skills/s/SKILL.md"));
        assert!(c.is_excluded("node_modules"));
        assert!(c.is_excluded("skills/s/node_modules"));
        assert!(c.is_ignored(xref, "skills/s/SKILL.md"));
        c.set_base("vendor/lib/".into());
        assert!(!c.is_excluded("a.md"));
        assert!(c.is_excluded("node_modules"));
    }

    #[test]
    fn rule_by_id_or_name() {
        let c = Config::parse(
            "skillc.toml",
            "[rules]\nXREF004 = \"off\"\nbroken-link = \"warn\"\n",
        )
        .unwrap();
        assert_eq!(c.rules.get("XREF004"), Some(&Level::Off));
        assert_eq!(c.rules.get("XREF001"), Some(&Level::On(Severity::Warning)));
    }

    #[test]
    fn unknown_rule_suggests() {
        let e = Config::parse("skillc.toml", "[rules]\nXREF04 = \"off\"\n").unwrap_err();
        assert_eq!(e.message, "unknown rule `XREF04`");
        assert!(e.help.unwrap().contains("XREF00"));
    }

    #[test]
    fn shell_policy_is_configurable() {
        let c = Config::parse(
            "skillc.toml",
            "[shell]\nbash-version = \"4.4\"\n[shell.context.talosctl]\nflags = [\"--talosconfig\"]\nlocal = [\"gen\"]\n[shell.context.flux]\nenabled = false\n",
        )
        .unwrap();
        assert_eq!(c.shell.bash_target, (4, 4));
        assert!(c.shell.tool("talosctl").is_some());
        assert!(c.shell.tool("flux").is_none());
        assert!(c.shell.tool("kubectl").is_some());
        let e = Config::parse(
            "skillc.toml",
            "[shell.context.talosctl]\nflag = [\"--talosconfig\"]\n",
        )
        .unwrap_err();
        assert_eq!(e.help.as_deref(), Some("did you mean `flags`?"));
    }

    #[test]
    fn overrides_by_path() {
        let c = Config::parse("skillc.toml", "[rules]\nXREF001 = \"warn\"\n[[overrides]]\npaths = [\"plugins/old\"]\nrules = { broken-link = \"off\" }\n").unwrap();
        let r = registry::find("XREF001").unwrap();
        assert_eq!(c.level_at(r, "plugins/old/a.md"), Some(Level::Off));
        assert_eq!(
            c.level_at(r, "plugins/new/a.md"),
            Some(Level::On(Severity::Warning))
        );
        assert!(Config::parse("skillc.toml", crate::cli::INIT_TEMPLATE).is_ok());
    }

    /// The directory rules are off unless the profile is on; `[rules]`
    /// and `--select` can turn one on without it.
    #[test]
    fn the_directory_profile_turns_its_rules_on() {
        let dr = registry::find("DR001").unwrap();
        let other = registry::find("XREF001").unwrap();
        let c = Config::default();
        assert_eq!(c.level(dr), Level::Off);
        assert_eq!(c.level(other), Level::On(other.severity));
        let c = Config::parse("skillc.toml", "profile = \"directory\"\n").unwrap();
        assert_eq!(c.profile, Some(Profile::Directory));
        assert_eq!(c.level(dr), Level::On(Severity::Error));
        let c = Config::parse("skillc.toml", "[rules]\nDR001 = \"warn\"\n").unwrap();
        assert_eq!(c.level(dr), Level::On(Severity::Warning));
        let mut c = Config::default();
        c.select(Some(&["DR001".to_string()]), &[], &[]).unwrap();
        assert_eq!(c.level(dr), Level::On(Severity::Error));
        assert_eq!(c.level(other), Level::Off);
        let mut c = Config::parse("skillc.toml", "profile = \"directory\"\n").unwrap();
        c.select(None, &[], &["DR".to_string()]).unwrap();
        assert_eq!(c.level(dr), Level::Off);
    }

    #[test]
    fn per_file_ignores_match_dirs() {
        let c = Config::parse(
            "skillc.toml",
            "[per-file-ignores]\n\"plugins/old\" = [\"XREF001\"]\n",
        )
        .unwrap();
        let r = registry::find("XREF001").unwrap();
        assert!(c.is_ignored(r, "plugins/old/skills/a/SKILL.md"));
        assert!(!c.is_ignored(r, "plugins/new/skills/a/SKILL.md"));
    }

    /// Every configuration error: rejected with a message that names the
    /// problem (and a span inside the file), never a panic.
    #[test]
    fn every_config_error_is_reported() {
        let cases: &[(&str, &str)] = &[
            ("not toml = = 1", "TOML"),
            ("rulez = {}", "unknown key `rulez`"),
            ("profile = \"dir\"", "unknown profile `dir`"),
            ("profile = 1", "`profile` is a string"),
            ("rules = 1", "`rules` must be a table"),
            ("[rules]\nXREF001 = 1", "a rule level is a string"),
            ("[rules]\nXREF001 = \"loud\"", "unknown level `loud`"),
            ("[rules]\nXREF999 = \"off\"", "XREF999"),
            ("exclude = 1", "expected an array of strings"),
            ("exclude = [1]", "expected a string"),
            ("exclude = [\"a[\"]", "glob"),
            ("overrides = 1", "`overrides` is a list"),
            ("overrides = [1]", "each override is a table"),
            ("[[overrides]]\nrules = {}", "an override needs `paths`"),
            (
                "[[overrides]]\npaths = [\"a\"]\nrules = 1",
                "`rules` must be a table",
            ),
            (
                "[[overrides]]\npaths = [\"a\"]\nlevel = 1",
                "unknown key `level` in [[overrides]]",
            ),
            (
                "[[overrides]]\npaths = [\"a\"]\nrules = { XREF001 = \"x\" }",
                "unknown level `x`",
            ),
            ("per-file-ignores = 1", "`per-file-ignores` must be a table"),
            ("[per-file-ignores]\n\"a\" = [\"NOPE001\"]", "NOPE001"),
            ("redaction = 1", "`redaction` must be a table"),
            (
                "[redaction]\nallow-cidrs = [\"10.0.0.0/99\"]",
                "not an IPv4 CIDR",
            ),
            (
                "[redaction]\nexempt-manifest-people = \"yes\"",
                "true or false",
            ),
            (
                "[redaction]\nallow = []",
                "unknown key `allow` in [redaction]",
            ),
            ("shell = 1", "`shell` must be a table"),
            ("[shell]\nbash-version = 3", "`bash-version` is a string"),
            ("[shell]\nbash-version = \"three\"", "invalid bash version"),
            (
                "[shell]\ncontext = 1",
                "`shell.context` must be a table of tools",
            ),
            (
                "[shell.context]\ntalosctl = 1",
                "`shell.context.talosctl` must be a table",
            ),
            (
                "[shell.context.talosctl]\nflags = [\"-c\"]\nenabled = 1",
                "`enabled` is true or false",
            ),
            (
                "[shell.context.talosctl]\nflag = [\"-c\"]",
                "unknown key `flag` in shell.context.talosctl",
            ),
            (
                "[shell.context.talosctl]\nlocal = [\"gen\"]",
                "needs `flags`",
            ),
            ("[shell]\nbash = \"3.2\"", "unknown key `bash` in [shell]"),
        ];
        let mut failures = Vec::new();
        for (text, want) in cases {
            match Config::parse("skillc.toml", text) {
                Ok(_) => failures.push(format!("{text:?}: accepted")),
                Err(e) => {
                    if !e.message.contains(want) && !e.help.as_deref().unwrap_or("").contains(want)
                    {
                        failures.push(format!("{text:?}: `{}` lacks `{want}`", e.message));
                    }
                    if e.span.end > text.len() {
                        failures.push(format!("{text:?}: span {:?} outside the text", e.span));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
