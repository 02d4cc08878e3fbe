//! `parallax keys`: the keys in effect, the defaults merged with the config's, as a Markdown
//! table (the README's key table is this output for the defaults).

use super::write_stdout;
use parallax::config::Config;
use std::path::Path;
use std::process::ExitCode;

pub fn run(explicit: Option<&Path>) -> ExitCode {
    let (config, warnings) = Config::load(explicit);
    for warning in &warnings {
        eprintln!("parallax: warning: {warning}");
    }
    write_stdout(&config.keymap.markdown_table())
}
