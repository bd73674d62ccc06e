//! `skillc rules`.

use super::EXIT_CLEAN;
use crate::rules::registry;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
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
            summary: r.summary(),
        })
        .collect()
}

pub fn run(args: Args) -> u8 {
    match args.format {
        RulesFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&infos()).unwrap_or_default()
            );
        }
        RulesFormat::Table => {
            println!(
                "{:<8} {:<36} {:<12} {:<8} SUMMARY",
                "ID", "NAME", "FAMILY", "SEVERITY"
            );
            for r in infos() {
                println!(
                    "{:<8} {:<36} {:<12} {:<8} {}",
                    r.id, r.name, r.family, r.severity, r.summary
                );
            }
        }
    }
    EXIT_CLEAN
}
