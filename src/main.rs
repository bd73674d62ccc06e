fn main() -> std::process::ExitCode {
    let exit = skillc::cli::main();
    // What a check loaded is left for the operating system to reclaim:
    // freeing a large tree's model piece by piece takes longer than the
    // output it produced (about 6 % of a run on a 1,000-file marketplace,
    // measured with scripts/bench.sh). The only drop skillc skips.
    std::mem::forget(exit.loaded);
    exit.code
}
