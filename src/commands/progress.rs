//! Progress on stderr for the long subcommands: a bar while files load (and are analysed),
//! then a spinner naming each later stage. Only when stderr is a terminal, and only once the
//! work has taken long enough to be worth watching: a quick run prints nothing at all, and a
//! pipe or a log file never sees a bar.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// Work shorter than this shows no progress.
const SHOW_AFTER: Duration = Duration::from_millis(300);

pub struct Progress {
    enabled: bool,
    started: Instant,
    bar: Option<ProgressBar>,
}

impl Progress {
    /// Progress for this process: drawn only when stderr is a terminal.
    pub fn on_stderr() -> Progress {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            started: Instant::now(),
            bar: None,
        }
    }

    /// `done` of `total` files loaded.
    pub fn files(&mut self, done: usize, total: usize) {
        if !self.enabled {
            return;
        }
        if self.bar.is_none() {
            if self.started.elapsed() < SHOW_AFTER || done >= total {
                return;
            }
            let style = ProgressStyle::with_template(
                "{msg} [{bar:30}] {human_pos}/{human_len} files · {percent}% · {elapsed}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("█▌ ");
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr())
                    .with_style(style)
                    .with_message("reading and analysing");
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    /// A stage with nothing to count ("clustering entities"): a spinner, shown once the stage
    /// has taken `SHOW_AFTER`.
    pub fn stage(&mut self, what: &str) {
        self.clear();
        if !self.enabled {
            return;
        }
        let style = ProgressStyle::with_template("{spinner} {msg} · {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
            .with_style(style)
            .with_message(what.to_string());
        bar.enable_steady_tick(Duration::from_millis(120));
        let later = bar.clone();
        std::thread::spawn(move || {
            std::thread::sleep(SHOW_AFTER);
            if !later.is_finished() {
                later.set_draw_target(ProgressDrawTarget::stderr());
            }
        });
        self.bar = Some(bar);
    }

    /// Removes whatever is drawn; call before writing to a terminal and at the end.
    pub fn clear(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
