//! The CLI's progress bar: drawn on stderr when it is a terminal and the work is long, cleared
//! when done, and never written to a pipe or a file.

#[path = "support/tmux.rs"]
mod tmux;

use std::path::Path;
use std::process::Command;

fn parallax(args: &[&str], cache: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("the binary runs")
}

/// A generated corpus big enough that analysing it (debug build, no cache) takes seconds.
fn corpus(dir: &Path) -> String {
    let out = dir.join("corpus");
    let out_arg = out.to_str().unwrap();
    let args = [
        "generate",
        "--articles",
        "400",
        "--words",
        "300",
        "--stories",
        "4",
        "--seed",
        "7",
        "--out",
        out_arg,
    ];
    let run = parallax(&args, &dir.join("cache"));
    assert!(run.status.success());
    out_arg.to_string()
}

#[test]
fn progress_shows_on_a_terminal_and_never_in_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus(dir.path());
    let cache = dir.path().join("cache");

    // stderr is a pipe: warnings only, no bar, no carriage returns or escapes.
    let piped = parallax(&["dump", &corpus, "--format", "json", "--no-cache"], &cache);
    assert!(piped.status.success());
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert!(!stderr.contains("files ·"), "{stderr}");
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "{stderr}"
    );

    // stderr is the terminal (stdout to a file): the bar is drawn while the files are
    // analysed, and gone from the screen when the command ends.
    let Some(session) = tmux::Session::start(120, 20, dir.path()) else {
        return;
    };
    let line = format!(
        "XDG_CACHE_HOME={} {} dump {corpus} --format json --no-cache > {}/out.json; echo DONE:$?",
        cache.display(),
        env!("CARGO_BIN_EXE_parallax"),
        dir.path().display()
    );
    session.keys(&[&line, "Enter"]);
    let screen = session.wait_for("/400 files ·");
    assert!(screen.contains("reading and analysing ["), "{screen}");
    let screen = session.wait_for("DONE:0");
    assert!(!screen.contains("files ·"), "the bar is cleared:\n{screen}");
    let json = std::fs::read_to_string(dir.path().join("out.json")).unwrap();
    assert!(json.starts_with('{') && !json.contains("files ·"));
}
