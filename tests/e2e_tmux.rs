//! The real binary in a real terminal (tmux): open, switch sources, see colours, open help,
//! quit, and the terminal is back as it was.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Session {
    name: String,
}

impl Session {
    fn start(width: u16, height: u16, state_dir: &std::path::Path) -> Option<Session> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: tmux is not installed (.ci/run installs it)");
            return None;
        }
        static SESSIONS: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "parallax-e2e-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, Ordering::SeqCst)
        );
        let binary = env!("CARGO_BIN_EXE_parallax");
        // An interactive shell (job control for Ctrl-z) types the command line: a sub-shell
        // writes its pid and becomes the reader, so the pid file names the reader.
        let dir = state_dir.display();
        let status = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                &width.to_string(),
                "-y",
                &height.to_string(),
            ])
            .args(["env", "PS1=$ ", "bash", "--norc", "--noprofile", "-i"])
            .status()
            .expect("tmux runs");
        assert!(status.success());
        let line = format!(
            "sh -c 'echo $$ > {dir}/pid; exec env XDG_STATE_HOME={dir} XDG_DATA_HOME={dir}/data XDG_CACHE_HOME={dir}/cache COLORTERM= TERM=xterm-256color {binary}'; echo EXITED:$?"
        );
        Command::new("tmux")
            .args(["send-keys", "-t", &name, &line, "Enter"])
            .status()
            .unwrap();
        Some(Session { name })
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        Command::new("tmux").args(&args).status().unwrap();
    }

    fn screen(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", &self.name];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&Command::new("tmux").args(&args).output().unwrap().stdout)
            .into_owned()
    }

    /// Waits until the screen contains `text` (up to 5 s).
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(false);
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(5) {
                panic!("timed out waiting for {text:?}; screen:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

#[test]
fn reading_switching_help_and_quitting_in_a_real_terminal() {
    let state_dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::start(160, 48, state_dir.path()) else {
        return;
    };
    session.wait_for("Sources (5)");
    session.wait_for("After Assad’s fall, Russia tries to hold on in Syria");
    // Person mentions in the person colour, once the background analysis is in: yellow on 16
    // colours (tmux reports it as colour 3 of 256), #ffc457 as colour 221 on 256 colours.
    let start = Instant::now();
    loop {
        let coloured = session.screen(true);
        if coloured.contains("\u{1b}[38;5;3mVladimir Putin")
            || coloured.contains("\u{1b}[33mVladimir Putin")
            || coloured.contains("\u{1b}[38;5;221mVladimir Putin")
        {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "entity colours reach the terminal"
        );
        sleep(Duration::from_millis(50));
    }

    session.keys(&["3"]);
    let screen = session.wait_for("3/5 · 002_2b991b88b87f9c05");
    assert!(screen.contains("Putin meets Syria’s new leader in Moscow"));

    session.keys(&["?"]);
    let screen = session.wait_for(" Keys ");
    assert!(screen.contains("Show or hide this help"));
    session.keys(&["Escape"]);
    sleep(Duration::from_millis(200));
    assert!(!session.screen(false).contains(" Keys "));

    session.keys(&["q"]);
    let screen = session.wait_for("EXITED:0");
    assert!(
        !screen.contains("Sources (5)"),
        "the alternate screen is gone after quit"
    );
    // Reading positions were saved for the next start.
    let saved = walk(state_dir.path());
    assert!(
        saved
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "json")),
        "{saved:?}"
    );
}

impl Session {
    /// Starts the reader again in the same shell.
    fn restart(&self, state_dir: &std::path::Path) {
        let binary = env!("CARGO_BIN_EXE_parallax");
        let dir = state_dir.display();
        let line = format!("clear; env XDG_STATE_HOME={dir} XDG_DATA_HOME={dir}/data XDG_CACHE_HOME={dir}/cache COLORTERM= {binary}; echo EXITED:$?");
        self.keys(&[&line, "Enter"]);
    }
}

#[test]
fn an_annotation_made_with_the_keyboard_is_there_after_a_restart() {
    let state_dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::start(140, 40, state_dir.path()) else {
        return;
    };
    session.wait_for("Sources (5)");
    // Second sentence of source 2: select four words, label it a question, write a note.
    session.keys(&["2", ")", ")", "v", "w", "w", "w", "a"]);
    session.wait_for(" Annotate ");
    session.keys(&["?"]);
    session.wait_for("Ctrl-s save");
    session.keys(&["Was the encounter conciliatory?", "C-s"]);
    session.wait_for("annotated as question");
    session.keys(&["q"]);
    session.wait_for("EXITED:0");
    session.restart(state_dir.path());
    session.wait_for("Sources (5)");
    session.keys(&["A"]);
    let screen = session.wait_for("Annotations (1)");
    assert!(screen.contains("question"), "{screen}");
    assert!(screen.contains("The upcoming meeting"), "{screen}");
    session.keys(&["Enter", "Enter"]);
    let screen = session.wait_for("Was the encounter conciliatory?");
    assert!(
        screen.contains("2/5"),
        "the list jumped to source 2: {screen}"
    );
    session.keys(&["Escape", "q"]);
}

#[test]
fn the_finder_jumps_to_a_source_and_ctrl_o_comes_back() {
    let state_dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::start(140, 40, state_dir.path()) else {
        return;
    };
    session.wait_for("1/5 · 000_e177be1acd7e491d");
    session.keys(&["C-p"]);
    session.wait_for(" Find ·");
    session.keys(&["nat her"]);
    session.wait_for("National Herald · 004_34d353");
    session.keys(&["Enter"]);
    session.wait_for("5/5 · 004_34d353faf6834925");
    session.keys(&["C-o"]);
    session.wait_for("1/5 · 000_e177be1acd7e491d");
    session.keys(&["q"]);
    session.wait_for("EXITED:0");
}

#[test]
fn sigterm_and_ctrl_z_leave_the_terminal_usable() {
    let state_dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::start(100, 30, state_dir.path()) else {
        return;
    };
    session.wait_for("Sources (5)");
    // Ctrl-z stops the reader and gives the shell back; fg repaints it.
    session.keys(&["C-z"]);
    let screen = session.wait_for("Stopped");
    assert!(!screen.contains("Sources (5)"));
    session.keys(&["fg", "Enter"]);
    session.wait_for("Sources (5)");
    let pid = reader_pid(state_dir.path());
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let start = Instant::now();
    let alive = || {
        Command::new("kill")
            .args(["-0", &pid])
            .output()
            .unwrap()
            .status
            .success()
    };
    while alive() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the reader exits on SIGTERM"
        );
        sleep(Duration::from_millis(50));
    }
    // The shell takes commands again, on the normal screen.
    session.keys(&["echo READY-$((40+2))", "Enter"]);
    let screen = session.wait_for("READY-42");
    assert!(
        !screen.contains("Sources (5)"),
        "alternate screen left on SIGTERM"
    );
}

/// The pid of the reader started with this state directory.
fn reader_pid(state_dir: &std::path::Path) -> String {
    std::fs::read_to_string(state_dir.join("pid"))
        .unwrap()
        .trim()
        .to_string()
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
