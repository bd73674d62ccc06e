//! `skillc new plugin NAME`, `skillc new skill PLUGIN NAME` and `skillc new
//! marketplace NAME`. Their placeholder text is
//! [`crate::text::scaffold`]'s, which GEN012 reports when it is left as is.

use super::{EXIT_CLEAN, fail};
use crate::text::scaffold;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
    /// The marketplace root.
    #[arg(long, default_value_os_t = super::default_path(), global = true)]
    pub root: PathBuf,
}

#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// A plugin source: plugins/NAME/plugin.yaml.
    Plugin { name: String },
    /// A skill source: plugins/PLUGIN/skills/NAME/skill.yaml.
    Skill { plugin: String, name: String },
    /// A marketplace: .claude-plugin/marketplace.json, listing no plugins yet.
    Marketplace { name: String },
}

/// Where a marketplace lives, relative to its root.
pub(super) use crate::rules::manifest::MARKETPLACE;

fn kebab_ok(s: &str) -> bool {
    crate::text::is_kebab(s) && s.len() <= 64
}

/// Where editors find the bundled schemas in a tree without its own
/// `schemas/` copy (written by `skillc new`, refreshed when it differs).
const SCHEMA_DIR: &str = ".skillc/schemas";

/// The `$schema` modeline target for a new source at `rel` (below `root`),
/// which must not exist yet: the repository's own `schemas/FILE` when it has
/// one, else the bundled schema written to `.skillc/schemas/FILE`, so the
/// modeline resolves offline and matches this skillc.
fn schema_ref(root: &Path, rel: &str, file: &str) -> Result<String, String> {
    if root.join(rel).exists() {
        return Err(format!("`{rel}` already exists"));
    }
    let up = "../".repeat(rel.matches('/').count());
    if root.join("schemas").join(file).is_file() {
        return Ok(format!("{up}schemas/{file}"));
    }
    let bundled =
        crate::model::schema::bundled(file).ok_or_else(|| format!("no bundled schema `{file}`"))?;
    let rel = format!("{SCHEMA_DIR}/{file}");
    let target = root.join(&rel);
    if std::fs::read_to_string(&target).ok().as_deref() != Some(bundled.text) {
        let verb = if target.exists() {
            "updated"
        } else {
            "created"
        };
        write_in_tree(root, &rel, bundled.text)?;
        println!(
            "{verb} {rel} (the schema editors read; `skillc schema {}` prints it)",
            bundled.name
        );
    }
    Ok(format!("{up}{rel}"))
}

fn title_case(name: &str) -> String {
    name.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_uppercase().collect::<String>() + c.as_str()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Write `text` to `rel` below `root`, atomically, never over an existing
/// file, through a symlink or outside the tree.
pub(super) fn write_new(root: &Path, rel: &str, text: &str) -> Result<(), String> {
    if root.join(rel).exists() {
        return Err(format!("`{rel}` already exists"));
    }
    write_in_tree(root, rel, text)
}

/// Write `text` to `rel` below `root` (its folders made), atomically, never
/// through a symlink or outside the tree.
fn write_in_tree(root: &Path, rel: &str, text: &str) -> Result<(), String> {
    if let Some(parent) = root.join(rel).parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
    }
    crate::source::fs::safe_target(root, rel).and_then(|t| {
        crate::source::fs::write_atomic(&t, text.as_bytes(), None).map_err(|e| e.to_string())
    })
}

fn create(root: &Path, rel: &str, text: &str, next: &str) -> u8 {
    if let Err(e) = write_new(root, rel, text) {
        return fail(e);
    }
    println!("created {rel}");
    println!("next: {next}");
    EXIT_CLEAN
}

/// Why `name` cannot be a marketplace's name (formats.md §3.5: the errors
/// of the MK name rules, the names reserved for Anthropic and for Claude
/// Desktop, and Desktop's 128 characters), or `None`.
pub(super) fn marketplace_name_error(name: &str) -> Option<String> {
    use crate::rules::manifest::{MarketplaceNameProblem as P, marketplace_name_problem};
    let why = match marketplace_name_problem(name) {
        Some(P::Missing) => "is empty",
        Some(P::BadChars) => "contains a space, `/`, `\\` or `..`",
        Some(P::Impersonates) => {
            "looks like an official Anthropic marketplace, or has characters outside printable ASCII"
        }
        Some(P::SessionReserved) => "is reserved by Claude Code",
        Some(P::Official) => "is reserved for Anthropic's own marketplaces",
        Some(P::InvalidId) => {
            "may use only letters, digits, `.`, `_` and `-`, and must start with a letter or digit"
        }
        None if ["org", "org-provisioned", "unknown"]
            .contains(&name.to_ascii_lowercase().as_str()) =>
        {
            "is reserved by Claude Desktop"
        }
        None if name.len() > 128 => "is longer than 128 characters",
        None => return None,
    };
    Some(format!("marketplace name `{name}` {why}"))
}

/// A marketplace that lists no plugins yet: its name, the placeholder
/// description and owner, and the repository's own schema when it has one
/// (no URL: none is known to resolve).
pub(super) fn marketplace_json(root: &Path, name: &str) -> String {
    use serde_json::{Map, Value};
    let mut m = Map::new();
    if root.join("schemas/marketplace.schema.json").is_file() {
        m.insert(
            "$schema".into(),
            "../schemas/marketplace.schema.json".into(),
        );
    }
    m.insert("name".into(), name.into());
    m.insert(
        "description".into(),
        scaffold::marketplace_description(name).into(),
    );
    let mut owner = Map::new();
    owner.insert("name".into(), scaffold::PERSON.into());
    m.insert("owner".into(), Value::Object(owner));
    m.insert("plugins".into(), Value::Array(Vec::new()));
    serde_json::to_string_pretty(&Value::Object(m)).unwrap_or_default() + "\n"
}

pub fn run(args: Args) -> u8 {
    let root = &args.root;
    match args.what {
        What::Plugin { name } => {
            if !kebab_ok(&name) {
                return fail(format!(
                    "plugin name `{name}` must be kebab-case (a-z, 0-9, single hyphens)"
                ));
            }
            let rel = format!("plugins/{name}/plugin.yaml");
            let schema = match schema_ref(root, &rel, "plugin-source.schema.json") {
                Ok(s) => s,
                Err(e) => return fail(e),
            };
            let text = format!(
                "# yaml-language-server: $schema={schema}\n# The source of plugins/{name}/.claude-plugin/plugin.json and of the plugin's\n# marketplace entry. `{{skills}}` expands to the list of its skills.\nname: {name}\nversion: 0.1.0\ndescription: \"{description}\"\nauthor:\n  name: {person}\nlicense: Apache-2.0\nmarketplace:\n  category: operations\n",
                description = scaffold::plugin_description(&name),
                person = scaffold::PERSON,
            );
            let code = create(
                root,
                &rel,
                &text,
                "edit it, then run `skillc build` and `skillc check`",
            );
            if code == EXIT_CLEAN && !root.join(MARKETPLACE).is_file() {
                println!(
                    "note: there is no {MARKETPLACE} to list it in; `skillc new marketplace NAME` writes one"
                );
            }
            code
        }
        What::Skill { plugin, name } => {
            if !kebab_ok(&name) || !kebab_ok(&plugin) {
                return fail(
                    "plugin and skill names must be kebab-case (a-z, 0-9, single hyphens)",
                );
            }
            if !root.join("plugins").join(&plugin).is_dir() {
                return fail(format!(
                    "there is no plugins/{plugin}/; create it with `skillc new plugin {plugin}`"
                ));
            }
            let rel = format!("plugins/{plugin}/skills/{name}/skill.yaml");
            let schema = match schema_ref(root, &rel, "skill.schema.json") {
                Ok(s) => s,
                Err(e) => return fail(e),
            };
            let text = format!(
                "# yaml-language-server: $schema={schema}\nname: {name}\ndescription: \"{description}\"\ntitle: {title}\ninputs:\n  CTX:\n    type: kube-context\n    doc: The kubeconfig context of the target cluster.\n    required: true\n# prelude: |                  # shell shared by the phases that call it\n#   k() {{ kubectl --context \"$CTX\" \"$@\"; }}\nphases:\n  - id: inspect\n    title: Inspect the current state\n    mode: read-only\n    prose: |\n      {prose}\n    script: |\n      kubectl --context \"$CTX\" get nodes -o wide\n# A phase that changes something stops first: `gate: stop` renders a STOP\n# GATE that shows the command it runs and waits for approval.\n#  - id: apply\n#    title: Apply the change\n#    mode: mutating\n#    gate: stop\n#    script: |\n#      kubectl --context \"$CTX\" apply --filename manifest.yaml\nguardrails:\n  - Ask for explicit approval before any change to the cluster.\n",
                title = title_case(&name),
                description = scaffold::skill_description(&name),
                prose = scaffold::PHASE_PROSE,
            );
            create(
                root,
                &rel,
                &text,
                "edit it, then run `skillc build` and `skillc check`",
            )
        }
        What::Marketplace { name } => {
            if let Some(why) = marketplace_name_error(&name) {
                return fail(why);
            }
            create(
                root,
                MARKETPLACE,
                &marketplace_json(root, &name),
                "add plugins with `skillc new plugin NAME`; `skillc build` lists them here",
            )
        }
    }
}
