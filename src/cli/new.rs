//! `skillc new plugin NAME` and `skillc new skill PLUGIN NAME`.

use super::{EXIT_CLEAN, fail};
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
}

fn kebab_ok(s: &str) -> bool {
    crate::text::is_kebab(s) && s.len() <= 64
}

/// The `$schema` modeline target: the repo's own copy when it has one.
fn schema_ref(root: &Path, depth: usize, file: &str) -> String {
    if root.join("schemas").join(file).is_file() {
        format!("{}schemas/{file}", "../".repeat(depth))
    } else {
        format!("https://skillc.dev/schemas/{file}")
    }
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

fn create(root: &Path, rel: &str, text: &str) -> u8 {
    let target = root.join(rel);
    if target.exists() {
        return fail(format!("`{rel}` already exists"));
    }
    if let Some(parent) = target.parent()
        && let Err(e) = std::fs::create_dir_all(parent)
    {
        return fail(format!("cannot create `{}`: {e}", parent.display()));
    }
    if let Err(e) = crate::source::fs::safe_target(root, rel).and_then(|t| {
        crate::source::fs::write_atomic(&t, text.as_bytes(), None).map_err(|e| e.to_string())
    }) {
        return fail(e);
    }
    println!("created {rel}");
    println!("next: edit it, then run `skillc build` and `skillc check`");
    EXIT_CLEAN
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
            let text = format!(
                "# yaml-language-server: $schema={}\n# The source of plugins/{name}/.claude-plugin/plugin.json and of the plugin's\n# marketplace entry. `{{skills}}` expands to the list of its skills.\nname: {name}\nversion: 0.1.0\ndescription: \"What {name} is for. Skills: {{skills}}.\"\nauthor:\n  name: Your Name\nlicense: Apache-2.0\nmarketplace:\n  category: operations\n",
                schema_ref(root, 2, "plugin-source.schema.json")
            );
            create(root, &format!("plugins/{name}/plugin.yaml"), &text)
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
            let text = format!(
                "# yaml-language-server: $schema={schema}\nname: {name}\ndescription: \"What {name} does, in one or two sentences. Use when …\"\ntitle: {title}\ninputs:\n  CTX:\n    type: kube-context\n    doc: The kubeconfig context of the target cluster.\n    required: true\n# prelude: |                  # shell shared by the phases that call it\n#   k() {{ kubectl --context \"$CTX\" \"$@\"; }}\nphases:\n  - id: inspect\n    title: Inspect the current state\n    mode: read-only\n    prose: |\n      Say what to look at and what a healthy result looks like.\n    script: |\n      kubectl --context \"$CTX\" get nodes -o wide\nguardrails:\n  - Ask for explicit approval before any change to the cluster.\n",
                schema = schema_ref(root, 4, "skill.schema.json"),
                title = title_case(&name),
            );
            create(
                root,
                &format!("plugins/{plugin}/skills/{name}/skill.yaml"),
                &text,
            )
        }
    }
}
