//! `skillc init`: write a commented skillc.toml.

use super::{EXIT_CLEAN, fail};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write skillc.toml.
    #[arg(default_value_os_t = super::default_path())]
    pub path: PathBuf,
}

pub const TEMPLATE: &str = r#"# skillc configuration. Every key is checked: a typo is an error that names it.
# Editors validate this file with schemas/skillc.schema.json (taplo, Even Better TOML).

# Paths skillc does not check at all (globs relative to this file; a directory covers everything below it).
exclude = ["target", "node_modules"]

# Files larger than this are reported and skipped (bytes, or "512 KiB", "2 MB").
# Default: 1 MiB for SKILL.md, commands, agents and output styles, 8 MiB for other files.
# max-file-size = "2 MiB"

# What the skills are for: "claude-code" (default) or "agent-skills" (claude.ai
# uploads, the Skills API, skills-ref), where Agent Skills spec rules are errors.
# target = "claude-code"

# Folders of copies (backups/, archive/, *.bak), node_modules and Claude Code
# worktrees are left out by default; false checks them too.
# default-exclude = true

[rules]
# Severity per rule, by id or name: "off", "info", "warn" or "error".
# description-misses-skill = "error"
# skill-count-mismatch = "off"

[per-file-ignores]
# Rules ignored under a glob:
# "plugins/legacy/**" = ["broken-link"]

# Severities for some paths only; later tables win.
# [[overrides]]
# paths = ["plugins/experimental/**"]
# rules = { missing-context-flag = "warn" }

[shell]
# The oldest bash that scripts must run on (macOS ships 3.2).
bash-version = "3.2"
# Must every kubectl/helm call name its cluster ("strict"), only those that
# change it ("mutating"), or as the tree's own skills mostly do ("auto")?
# context-policy = "auto"

# Tools that must name their cluster; kubectl, helm, flux, cilium and virtctl are built in.
# [shell.context.talosctl]
# flags = ["--talosconfig", "--context"]
# value-flags = ["-n", "--nodes", "-e", "--endpoints"]
# local = ["gen", "completion", "version --client", "config"]

[redaction]
# allow-networks = ["10.50.0.0/16"]   # every address inside is fine to publish
# allow-hosts = ["lab.example.net"]
# deny = ["customer-name"]             # also SKILLC_DENY=a,b in the environment
# deny-domains = ["corp.example.net"]
"#;

pub fn run(args: Args) -> u8 {
    let target = args.path.join(crate::engine::config::FILE_NAME);
    if target.exists() {
        return fail(format!("`{}` already exists", target.display()));
    }
    if let Err(e) = crate::engine::config::Config::parse("skillc.toml", TEMPLATE) {
        return fail(format!("the built-in template is invalid: {}", e.message));
    }
    if let Err(e) = crate::source::fs::write_atomic(&target, TEMPLATE.as_bytes(), None) {
        return fail(format!("cannot write `{}`: {e}", target.display()));
    }
    println!("wrote {}", target.display());
    EXIT_CLEAN
}
