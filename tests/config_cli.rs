//! The config file and the key table through the real binary, and the README's key table kept
//! equal to the default keymap.

use parallax::config::Config;
use parallax::keymap::Keymap;
use std::fs;
use std::process::{Command, Output};

fn parallax(args: &[&str], config_home: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env_remove("COLORFGBG")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_readme_key_table_is_the_default_keymap() {
    let readme = include_str!("../README.md");
    let start = readme.find("<!-- keys:start -->\n").expect("start marker") + 20;
    let end = readme.find("<!-- keys:end -->").expect("end marker");
    assert_eq!(
        &readme[start..end],
        Keymap::default().markdown_table(),
        "regenerate the README's table with `parallax keys`"
    );
}

#[test]
fn keys_prints_the_defaults_without_a_config_and_the_users_keys_with_one() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(&["keys"], home.path());
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), Keymap::default().markdown_table());
    fs::create_dir_all(home.path().join("parallax")).unwrap();
    fs::write(
        home.path().join("parallax/config.toml"),
        "[keymap]\nline-down = [\"ctrl-n\", \"down\"]\nquit = \"Q\"\n",
    )
    .unwrap();
    let out = parallax(&["keys"], home.path());
    let table = text(&out.stdout);
    assert!(table.contains("| `Ctrl-n` `↓` | `line-down` |"), "{table}");
    assert!(table.contains("| `Q` | `quit` |"), "{table}");
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn config_default_prints_the_commented_defaults() {
    let home = tempfile::tempdir().unwrap();
    let out = parallax(&["config", "--default"], home.path());
    assert!(out.status.success());
    let printed = text(&out.stdout);
    assert_eq!(printed, Config::default_toml());
    let (config, warnings) = Config::parse_with(&printed, "c", None);
    assert!(warnings.is_empty());
    assert_eq!(config, Config::default());
}

#[test]
fn config_check_names_each_bad_line_and_exits_1() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("mine.toml");
    fs::write(
        &file,
        "[reader]\nwrap-width = \"wide\"\n[keymap]\nquit = \"j\"\n",
    )
    .unwrap();
    let out = parallax(&["config", "--config", file.to_str().unwrap()], home.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].contains("mine.toml: line 2: wrap-width must be a number"),
        "{stderr}"
    );
    assert!(
        lines[1].contains("mine.toml: line 4: \"j\" was also line-down's key"),
        "{stderr}"
    );
    let ok = parallax(&["config"], home.path());
    assert!(ok.status.success());
    assert!(text(&ok.stdout).ends_with("parallax/config.toml: ok\n"));
}
