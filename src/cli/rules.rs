//! `skillc rules`.

use super::EXIT_CLEAN;
use crate::rules::registry;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
    /// Markdown tables by family (the README's rules section).
    Markdown,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    pub format: RulesFormat,
}

#[derive(Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub name: &'static str,
    pub family: &'static str,
    pub severity: &'static str,
    /// An Agent Skills spec rule: `severity` holds for target agent-skills;
    /// for claude-code it is a warning.
    pub spec: bool,
    /// `--fix` fixes some of its findings.
    pub fixable: bool,
    /// The profile that turns it on, when it is off by default
    /// (`directory`); `severity` holds once it is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<&'static str>,
    pub summary: String,
}

pub fn infos() -> Vec<RuleInfo> {
    registry::rules()
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            name: r.name,
            family: r.family.as_str(),
            severity: r.severity.as_str(),
            spec: r.spec,
            fixable: r.fixable,
            profile: r.family.profile().map(|p| p.as_str()),
            summary: r.summary(),
        })
        .collect()
}

/// The rules as markdown tables, one per family.
pub fn markdown() -> String {
    let mut out = String::new();
    let infos = infos();
    let mut families: Vec<&str> = Vec::new();
    for r in &infos {
        if !families.contains(&r.family) {
            families.push(r.family);
        }
    }
    for f in families {
        out.push_str(&format!(
            "### {f}\n\n| ID | Name | Default | Fix | What it checks |\n| --- | --- | --- | --- | --- |\n"
        ));
        for r in infos.iter().filter(|r| r.family == f) {
            let severity = match r.profile {
                Some(p) => format!("off; {} with profile {p}", r.severity),
                None if r.spec => "warning; error for agent-skills".into(),
                None => r.severity.to_string(),
            };
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} |\n",
                r.id,
                r.name,
                severity,
                if r.fixable { "yes" } else { "" },
                r.summary.replace('|', "\\|")
            ));
        }
        out.push('\n');
    }
    out
}

pub fn run(args: Args) -> u8 {
    match args.format {
        RulesFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&infos()).unwrap_or_default()
            );
        }
        RulesFormat::Markdown => print!("{}", markdown()),
        RulesFormat::Table => {
            println!(
                "{:<8} {:<36} {:<12} {:<11} {:<3} SUMMARY",
                "ID", "NAME", "FAMILY", "SEVERITY", "FIX"
            );
            for r in infos() {
                let severity = match r.profile {
                    Some(_) => format!("off:{}", r.severity),
                    None if r.spec => "warning*".into(),
                    None => r.severity.to_string(),
                };
                let fix = if r.fixable { "[*]" } else { "" };
                println!(
                    "{:<8} {:<36} {:<12} {:<11} {fix:<3} {}",
                    r.id, r.name, r.family, severity, r.summary
                );
            }
            println!(
                "\n* an Agent Skills spec rule: an error with --target agent-skills. [*] --fix fixes it.\noff:SEVERITY: off unless `profile = \"directory\"` in skillc.toml or --profile directory; SEVERITY when on."
            );
        }
    }
    EXIT_CLEAN
}
