//! The `parallax` binary: argument parsing and wiring only.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
