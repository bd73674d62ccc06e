//! `skillc completions bash|zsh|fish`.

use super::{Cli, EXIT_CLEAN};
use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to generate completions for.
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args) -> u8 {
    let mut cmd = Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "skillc", &mut std::io::stdout());
    EXIT_CLEAN
}
