//! `skillc init`: write a commented skillc.toml, and a marketplace when the
//! folder has none.

use super::new::{MARKETPLACE, marketplace_json, marketplace_name_error, write_new};
use super::{EXIT_CLEAN, fail};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write skillc.toml (and `.claude-plugin/marketplace.json`
    /// when it has none).
    #[arg(default_value_os_t = super::default_path())]
    pub path: PathBuf,
}

pub const TEMPLATE: &str = r#"# skillc configuration. Every key is checked: a typo is an error that names it.
# Editors validate this file with the schema `skillc schema config` prints (taplo, Even Better TOML).

# Paths skillc does not check at all (globs relative to this file; a directory covers everything below it).
exclude = ["target", "node_modules"]

# Files larger than this are reported and skipped (bytes, or "512 KiB", "2 MB").
# Default: 1 MiB for SKILL.md, commands, agents and output styles, 8 MiB for other files.
# max-file-size = "2 MiB"

# What the skills are for: "claude-code" (default) or "agent-skills" (claude.ai
# uploads, the Skills API, skills-ref), where Agent Skills spec rules are errors.
# target = "claude-code"

# Rules off by default: "directory" runs the plugin directory's submission
# checks (README, license, icon, privacy policy: DR001-DR008).
# profile = "directory"

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
    marketplace(&args.path)
}

/// What to do about the marketplace of the folder at `path`.
enum Marketplace {
    /// Write one of this name.
    Write(String),
    /// Leave it: the reason, printed as a note (`None`: say nothing).
    Leave(Option<String>),
}

fn plan(path: &Path) -> Marketplace {
    if path.join(MARKETPLACE).exists() {
        return Marketplace::Leave(None);
    }
    // A plugin at the root is listed by some other marketplace.
    if path.join(".claude-plugin/plugin.json").exists() {
        return Marketplace::Leave(Some(format!(
            "the folder is a plugin (.claude-plugin/plugin.json), so no {MARKETPLACE} was written; `skillc new marketplace NAME` writes one"
        )));
    }
    let folder = path
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .unwrap_or_default();
    let name = crate::text::kebab(&folder);
    match marketplace_name_error(&name) {
        None => Marketplace::Write(name),
        Some(why) => Marketplace::Leave(Some(format!(
            "no {MARKETPLACE} was written: {why} (from the folder's name `{folder}`); `skillc new marketplace NAME` writes one"
        ))),
    }
}

/// Write the folder's marketplace when it has none (named after the folder,
/// kebab-cased), or say why not.
fn marketplace(path: &Path) -> u8 {
    match plan(path) {
        Marketplace::Leave(None) => EXIT_CLEAN,
        Marketplace::Leave(Some(why)) => {
            println!("note: {why}");
            EXIT_CLEAN
        }
        Marketplace::Write(name) => {
            if let Err(e) = write_new(path, MARKETPLACE, &marketplace_json(path, &name)) {
                return fail(e);
            }
            println!(
                "wrote {}: marketplace `{name}` (from the folder's name), listing no plugins yet; replace its placeholder description and owner",
                path.join(MARKETPLACE).display()
            );
            EXIT_CLEAN
        }
    }
}
