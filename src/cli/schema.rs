//! `skillc schema [NAME]`: the JSON Schemas inside the binary, for editors
//! and offline validation.

use super::{EXIT_CLEAN, EXIT_ERROR};
use crate::model::schema::{BUNDLED, bundled};
use std::io::Write;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The schema to print (`plugin`, `marketplace`, `skill`,
    /// `plugin-source`, `config`); without it, the list.
    pub name: Option<String>,
}

pub fn run(args: Args) -> u8 {
    let text = match args.name.as_deref() {
        None => {
            let mut out = String::new();
            for b in BUNDLED {
                out += &format!("{:<14} {:<26} {}\n", b.name, b.file, b.about);
            }
            out
        }
        Some(name) => match bundled(name) {
            Some(b) => b.text.to_string(),
            None => {
                let names: Vec<&str> = BUNDLED.iter().map(|b| b.name).collect();
                eprintln!("error: no schema called `{name}`");
                match crate::text::suggest(name, names.iter().copied()) {
                    Some(s) => eprintln!("  help: did you mean `{s}`?"),
                    None => eprintln!("  help: one of {}", names.join(", ")),
                }
                return EXIT_ERROR;
            }
        },
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => EXIT_CLEAN,
        Err(e) => super::write_failed(&e),
    }
}
