//! `skillc explain ID|NAME`.

use super::{EXIT_CLEAN, fail};
use crate::engine::config::lookup_rule;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Rule id (`XREF004`) or name (`unknown-skill-mention`).
    pub rule: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

#[derive(Serialize)]
struct Explanation<'a> {
    id: &'a str,
    name: &'a str,
    family: &'a str,
    severity: &'a str,
    /// An Agent Skills spec rule: a warning for target claude-code.
    spec: bool,
    fixable: bool,
    summary: String,
    docs: String,
}

pub fn run(args: Args) -> u8 {
    let rule = match lookup_rule(&args.rule) {
        Ok(r) => r,
        Err(help) => {
            let hint = help.map(|h| format!("; {h}")).unwrap_or_default();
            return fail(format!(
                "unknown rule `{}`{hint} (see `skillc rules`)",
                args.rule
            ));
        }
    };
    match args.format {
        ExplainFormat::Json => {
            let e = Explanation {
                id: rule.id,
                name: rule.name,
                family: rule.family.as_str(),
                severity: rule.severity.as_str(),
                spec: rule.spec,
                fixable: rule.fixable,
                summary: rule.summary(),
                docs: rule.docs(),
            };
            println!("{}", serde_json::to_string_pretty(&e).unwrap_or_default());
        }
        ExplainFormat::Text => {
            let docs = rule.docs();
            let body = docs
                .split_once('\n')
                .map_or("", |(_, rest)| rest.trim_start());
            println!("# {} ({})\n", rule.id, rule.name);
            println!("{}\n", rule.summary());
            println!(
                "Family: {}. Default severity: {} ({}).{}\n",
                rule.family.as_str(),
                rule.severity_text(),
                rule.severity_meaning(),
                if rule.fixable {
                    " `--fix` fixes it."
                } else {
                    ""
                }
            );
            println!("{body}\n");
            println!(
                "## Configuration\nIn skillc.toml:\n\n```toml\n[rules]\n{} = \"off\"   # or \"info\", \"warn\", \"error\"\n```",
                rule.id
            );
        }
    }
    EXIT_CLEAN
}
