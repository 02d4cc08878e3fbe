//! The `parallax` binary: argument parsing and wiring only.

mod cli;
mod commands;

fn main() -> std::process::ExitCode {
    parallax::timings::mark_start();
    cli::run()
}
