//! The terminal is given back as it was on every way out of the reader — `q`, `Ctrl-c`, an
//! error, a panic while drawing, SIGTERM, the terminal closing (SIGHUP) — and survives a storm
//! of resizes. Checked in tmux: terminal settings (`stty -g`), alternate screen, mouse modes,
//! cursor, and a shell that takes commands again. (`Ctrl-z` + `fg`: `e2e_tmux.rs`.)

#[path = "support/tmux.rs"]
mod tmux;

use std::thread::sleep;
use std::time::{Duration, Instant};
use tmux::Session;

/// How each exit is triggered, and the exit status it should end with.
enum Exit {
    Keys(&'static [&'static str]),
    Signal(&'static str),
}

#[test]
fn every_exit_path_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::start(100, 30, dir.path()) else {
        return;
    };
    type Env = &'static [(&'static str, &'static str)];
    let paths: [(&str, Env, Exit, i32); 6] = [
        ("q", &[], Exit::Keys(&["q"]), 0),
        ("Ctrl-c", &[], Exit::Keys(&["C-c"]), 0),
        ("SIGTERM", &[], Exit::Signal("-TERM"), 0),
        ("SIGHUP", &[], Exit::Signal("-HUP"), 0),
        (
            "an error while drawing",
            &[("PARALLAX_TEST_PANIC_IN_RENDER", "error")],
            Exit::Keys(&["j"]),
            1,
        ),
        (
            "a panic while drawing",
            &[("PARALLAX_TEST_PANIC_IN_RENDER", "1")],
            Exit::Keys(&["j"]),
            101,
        ),
    ];
    for (what, env, exit, status) in paths {
        let run = session.run(env, &[]);
        session.wait_for("Sources (5)");
        let (alternate, mouse, _) = session.modes();
        assert!(
            alternate && mouse,
            "{what}: the reader has the alternate screen and the mouse"
        );
        match exit {
            Exit::Keys(keys) => session.keys(keys),
            Exit::Signal(signal) => {
                let pid = session.reader_pid();
                std::process::Command::new("kill")
                    .args([signal, &pid])
                    .status()
                    .unwrap();
            }
        }
        assert_eq!(session.wait_for_exit(run), status, "{what}: exit status");
        session.assert_restored(run, what);
        if status == 101 {
            let screen = session.history();
            assert!(screen.contains("test-only panic in render"), "{screen}");
        }
    }
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    let dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::start(100, 30, dir.path()) else {
        return;
    };
    session.run(&[], &[]);
    session.wait_for("Sources (5)");
    let pid = session.reader_pid();
    assert!(Session::alive(&pid));
    // The window goes away with the shell in it: the kernel hangs up the terminal.
    tmux::tmux(&["kill-session", "-t", &session.name]);
    Session::wait_gone(&pid, "after the terminal closed");
}

/// The screen with its colours, once it has settled: a second after the last change, the
/// background analysis done (its gauge can stand still for a while), three captures 300 ms
/// apart agree.
fn settled(session: &Session) -> String {
    sleep(Duration::from_secs(1));
    let mut seen = vec![session.screen(true)];
    let start = Instant::now();
    let busy = |screen: &String| {
        ["linking…", "analysing", "loading"]
            .iter()
            .any(|w| screen.contains(w))
    };
    while seen.len() < 3
        || busy(&seen[seen.len() - 1])
        || seen[seen.len() - 3..]
            .iter()
            .any(|s| s != &seen[seen.len() - 1])
    {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the screen never settled"
        );
        sleep(Duration::from_millis(300));
        seen.push(session.screen(true));
    }
    seen.pop().unwrap()
}

#[test]
fn five_hundred_resizes_with_keys_never_panic_and_settle_to_a_fresh_render() {
    let dir = tempfile::tempdir().unwrap();
    let Some(session) = Session::start(120, 40, dir.path()) else {
        return;
    };
    session.run(&[], &[]);
    session.wait_for("Sources (5)");
    let pid = session.reader_pid();
    // Keys that move around and come back: the state at the end is the state at the start (but
    // for where the cursor lands; see below).
    let round_trips: [&[&str]; 6] = [
        &["j", "k"],
        &["Tab", "BTab"],
        &["e", "e"],
        &["?", "Escape"],
        &["C-d", "C-u"],
        &["B", "B"],
    ];
    let mut seed: u64 = 0x2026_0127;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for i in 0..500 {
        let (w, h) = (10 + next(200) as u16, 3 + next(60) as u16);
        session.resize(w, h);
        if i % 5 == 0 {
            session.keys(round_trips[(i / 5) % round_trips.len()]);
        }
    }
    session.resize(120, 40);
    // A key and the resize around it reach the reader on different paths (stdin, SIGWINCH), so a
    // motion counted in screen lines (`j`, `Ctrl-d`) may run at the size before or after it and
    // its way back at another: the cursor can end a few words off. `gg` puts it where no size
    // decides, here and in the fresh reader alike.
    session.keys(&["g", "g"]);
    let after_storm = settled(&session);
    assert!(Session::alive(&pid), "the reader survived:\n{after_storm}");
    assert!(!after_storm.contains("panicked"), "{after_storm}");

    // A fresh reader at the same size, in the same state.
    let fresh_dir = tempfile::tempdir().unwrap();
    let fresh = Session::start(120, 40, fresh_dir.path()).unwrap();
    fresh.run(&[], &[]);
    fresh.wait_for("Sources (5)");
    fresh.keys(&["g", "g"]);
    let fresh_screen = settled(&fresh);
    assert_eq!(
        after_storm, fresh_screen,
        "after the resizes settle, the screen is what a fresh start draws"
    );
    session.keys(&["q"]);
    fresh.keys(&["q"]);
}
