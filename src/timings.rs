//! An opt-in log of when the reader reached its milestones, for measuring it as a person uses
//! it (`benches/reader_timings.sh`): with `PARALLAX_TIMINGS=FILE` set, the reader appends one
//! line per milestone, "<name> <milliseconds since the process started> <peak resident MiB so
//! far>". Unset, it costs one `Option` check per milestone.

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static LOG: OnceLock<Option<std::path::PathBuf>> = OnceLock::new();

/// Called first thing in `main`: the zero of every later milestone.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Appends "<name> <ms>" to the log, if there is one. Failures are ignored: this is a
/// measuring aid and must never disturb the reader.
pub fn milestone(name: &str) {
    let Some(path) = log_path() else {
        return;
    };
    let elapsed = STARTED.get_or_init(Instant::now).elapsed();
    let line = format!(
        "{name} {:.1} {}\n",
        elapsed.as_secs_f64() * 1000.0,
        peak_mib().map_or_else(|| "?".to_string(), |m| m.to_string())
    );
    append(path, &line);
}

/// Appends "<name> <milliseconds since `then`>", if there is a log: how long something took
/// (a key from being read to its frame being drawn).
pub fn since(name: &str, then: Instant) {
    let Some(path) = log_path() else {
        return;
    };
    append(
        path,
        &format!("{name} {:.2}\n", then.elapsed().as_secs_f64() * 1000.0),
    );
}

fn log_path() -> Option<&'static std::path::PathBuf> {
    LOG.get_or_init(|| std::env::var_os("PARALLAX_TIMINGS").map(Into::into))
        .as_ref()
}

fn append(path: &std::path::Path, line: &str) {
    if let Ok(mut file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = file.write_all(line.as_bytes());
    }
}

/// The process's peak resident set so far (`VmHWM`), on Linux.
fn peak_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}
