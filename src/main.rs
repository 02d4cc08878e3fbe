//! The `parallax` binary: argument parsing and wiring only.

mod cli;
mod commands;

fn main() -> std::process::ExitCode {
    cli::run()
}
