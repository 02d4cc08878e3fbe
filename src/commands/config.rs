//! `parallax config`: checks the config file (one warning per line on stderr, exit 1 if any);
//! `--default` prints the commented default config.

use super::write_stdout;
use parallax::config::Config;
use std::path::Path;
use std::process::ExitCode;

pub fn run(default: bool, explicit: Option<&Path>) -> ExitCode {
    if default {
        return write_stdout(Config::default_toml());
    }
    let path = explicit
        .map(Path::to_path_buf)
        .or_else(Config::default_path);
    let (_, warnings) = Config::load(explicit);
    let shown = path.map_or_else(
        || "no config file (no home folder)".to_string(),
        |p| parallax::text::display_safe(&p.to_string_lossy()).into_owned(),
    );
    for warning in &warnings {
        eprintln!("parallax: warning: {warning}");
    }
    if warnings.is_empty() {
        write_stdout(&format!("{shown}: ok\n"))
    } else {
        ExitCode::from(1)
    }
}
