//! The real binary in a real terminal: a tmux session running an interactive bash (job control
//! for Ctrl-z), in which each run of the reader is a small script, so arguments and file names
//! may hold any byte. The script records the reader's pid and the terminal settings before it
//! started; `wait_for_exit` gives the exit status. Included with `#[path]` by the e2e tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// Printed just before the reader starts, to find its output in a recording.
pub const READER_STARTS: &str = "::reader-starts::";

pub struct Session {
    pub name: String,
    /// Where the scripts, pid and terminal settings go (also XDG_STATE_HOME and XDG_DATA_HOME).
    pub dir: PathBuf,
    runs: AtomicUsize,
}

pub fn tmux(args: &[&str]) -> std::process::Output {
    Command::new("tmux").args(args).output().expect("tmux runs")
}

/// `'text'` for sh, whatever the text holds (any byte but NUL).
pub fn quoted(text: &[u8]) -> Vec<u8> {
    let mut out = b"'".to_vec();
    for &b in text {
        if b == b'\'' {
            out.extend_from_slice(b"'\\''");
        } else {
            out.push(b);
        }
    }
    out.push(b'\'');
    out
}

impl Session {
    /// A shell in a `width`×`height` window; `None` (the test skips) without tmux.
    pub fn start(width: u16, height: u16, dir: &Path) -> Option<Session> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: tmux is not installed (.ci/run installs it)");
            return None;
        }
        static SESSIONS: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "parallax-safe-{}-{}",
            std::process::id(),
            SESSIONS.fetch_add(1, Ordering::SeqCst)
        );
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux(&[
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            &w,
            "-y",
            &h,
            "env",
            "PS1=$ ",
            "TERM=xterm-256color",
            "bash",
            "--norc",
            "--noprofile",
            "-i",
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(Session {
            name,
            dir: dir.to_path_buf(),
            runs: AtomicUsize::new(0),
        })
    }

    /// Starts the reader with `args` (raw bytes each) and extra `env`, in the foreground of the
    /// shell. Returns the run's number (for `wait_for_exit`).
    pub fn run(&self, env: &[(&str, &str)], args: &[&[u8]]) -> usize {
        let run = self.runs.fetch_add(1, Ordering::SeqCst);
        let dir = self.dir.display().to_string();
        let mut script = format!(
            "stty -g > {dir}/stty.before\necho $$ > {dir}/pid\necho {READER_STARTS}\nexec env XDG_STATE_HOME={dir}/state XDG_DATA_HOME={dir}/data COLORTERM= TERM=xterm-256color RUST_BACKTRACE=0"
        )
        .into_bytes();
        for (key, value) in env {
            script.extend_from_slice(format!(" {key}=").as_bytes());
            script.extend(quoted(value.as_bytes()));
        }
        script.push(b' ');
        script.extend(quoted(env!("CARGO_BIN_EXE_parallax").as_bytes()));
        for arg in args {
            script.push(b' ');
            script.extend(quoted(arg));
        }
        script.push(b'\n');
        let path = self.dir.join(format!("run{run}.sh"));
        std::fs::write(&path, script).unwrap();
        let line = format!(
            "clear; sh {}; echo EXITED{run}:$?; stty -g > {dir}/stty.tmp{run} && mv {dir}/stty.tmp{run} {dir}/stty.after{run}",
            path.display()
        );
        self.keys(&[&line, "Enter"]);
        run
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        tmux(&args);
    }

    pub fn screen(&self, escapes: bool) -> String {
        let mut args = vec!["capture-pane", "-p", "-t", &self.name];
        if escapes {
            args.push("-e");
        }
        String::from_utf8_lossy(&tmux(&args).stdout).into_owned()
    }

    /// The screen and everything scrolled off it.
    pub fn history(&self) -> String {
        let out = tmux(&["capture-pane", "-p", "-S", "-", "-t", &self.name]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen contains `text` (up to 15 s: debug builds on busy machines).
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen(false);
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {text:?}; screen:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// Waits for run `run` to end; its exit status.
    pub fn wait_for_exit(&self, run: usize) -> i32 {
        let marker = format!("EXITED{run}:");
        let screen = self.wait_for(&marker);
        let at = screen.find(&marker).unwrap() + marker.len();
        let code: String = screen[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        // The settings are saved just after the marker is printed.
        let after = self.dir.join(format!("stty.after{run}"));
        let start = Instant::now();
        while !after.exists() && start.elapsed() < Duration::from_secs(5) {
            sleep(Duration::from_millis(20));
        }
        code.parse().unwrap()
    }

    /// The pid of the reader of the latest run.
    pub fn reader_pid(&self) -> String {
        std::fs::read_to_string(self.dir.join("pid"))
            .unwrap()
            .trim()
            .to_string()
    }

    /// tmux's view of the terminal modes: `(alternate screen, any mouse mode, cursor shown)`.
    pub fn modes(&self) -> (bool, bool, bool) {
        let out = tmux(&[
            "display-message", "-p", "-t", &self.name,
            "#{alternate_on} #{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}#{mouse_all_flag}#{mouse_sgr_flag} #{cursor_flag}",
        ]);
        let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let parts: Vec<&str> = text.split(' ').collect();
        (
            parts[0] == "1",
            parts[1].contains('1'),
            parts.get(2) == Some(&"1"),
        )
    }

    /// After run `run` ended: the terminal is as the shell had it (settings, screen, mouse,
    /// cursor) and the shell takes commands.
    pub fn assert_restored(&self, run: usize, what: &str) {
        let before = std::fs::read_to_string(self.dir.join("stty.before")).unwrap();
        let after = std::fs::read_to_string(self.dir.join(format!("stty.after{run}"))).unwrap();
        assert_eq!(
            before, after,
            "{what}: terminal settings (raw mode) restored"
        );
        let (alternate, mouse, cursor) = self.modes();
        assert!(!alternate, "{what}: alternate screen left");
        assert!(!mouse, "{what}: mouse capture left on");
        assert!(cursor, "{what}: cursor left hidden");
        let token = format!("READY{run}-{}", 40 + 2);
        self.keys(&[&format!("echo READY{run}-$((40+2))"), "Enter"]);
        self.wait_for(&token);
    }

    pub fn resize(&self, width: u16, height: u16) {
        tmux(&[
            "resize-window",
            "-t",
            &self.name,
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
    }

    /// Every byte written to the terminal from now on is appended to `file`.
    pub fn record_output(&self, file: &Path) {
        let command = format!(
            "cat >> {}",
            String::from_utf8_lossy(&quoted(file.display().to_string().as_bytes()))
        );
        let out = tmux(&["pipe-pane", "-o", "-t", &self.name, &command]);
        assert!(out.status.success());
    }

    pub fn alive(pid: &str) -> bool {
        Command::new("kill")
            .args(["-0", pid])
            .output()
            .unwrap()
            .status
            .success()
    }

    /// Waits (up to 5 s) for `pid` to be gone.
    pub fn wait_gone(pid: &str, what: &str) {
        let start = Instant::now();
        while Session::alive(pid) {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "{what}: the reader is still running"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&["kill-session", "-t", &self.name]);
    }
}
