//! Crash safety of the annotation store: the real binary saves in a loop (a hidden dev
//! subcommand) and is killed with SIGKILL at seeded random moments. After every kill the file
//! must parse and hold every save the process acknowledged, plus at most the one in flight.

use parallax::corpus::store::parse;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small seeded generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Checks the file and returns how many annotations it holds.
fn check(path: &Path) -> usize {
    let bytes = std::fs::read(path).unwrap_or_default();
    if bytes.is_empty() {
        return 0;
    }
    let annotations = parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let n = annotations.len();
    for (k, a) in annotations.iter().enumerate() {
        assert_eq!(
            a.id,
            format!("crash-{k:06}"),
            "annotations are whole and in order"
        );
        let note = if k + 1 < n {
            format!("edited after {}", k + 1)
        } else {
            String::new()
        };
        assert_eq!(a.note, note, "the edit of each save landed with it");
    }
    n
}

#[test]
fn sigkill_during_saves_never_corrupts_and_loses_at_most_the_save_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let mut rng = Rng(0x5eed_2026_0127);
    let started = Instant::now();
    let mut on_disk = 0;
    let mut acknowledged_saves = 0;
    let mut rounds = 0;
    while started.elapsed() < Duration::from_secs(6) && rounds < 40 {
        rounds += 1;
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["annotations", "dev-save-loop"])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the binary runs");
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .filter_map(|l| l.parse::<usize>().ok())
                .collect::<Vec<usize>>()
        });
        std::thread::sleep(Duration::from_millis(5 + rng.below(120)));
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        let acknowledged = reader.join().unwrap();
        acknowledged_saves += acknowledged.len();
        let floor = acknowledged.last().copied().unwrap_or(on_disk);
        let now = check(&path);
        assert!(
            now == floor || now == floor + 1,
            "round {rounds}: {now} on disk, {floor} acknowledged"
        );
        let backup = dir.path().join("annotations.json.bak");
        if backup.exists() {
            let held = parse(&std::fs::read(&backup).unwrap()).expect("the backup parses");
            assert!(held.len() <= now, "the backup is never newer than the file");
        }
        on_disk = now;
    }
    println!("{rounds} kills, {acknowledged_saves} acknowledged saves, {on_disk} annotations");
    assert!(
        rounds >= 10 && acknowledged_saves > rounds,
        "the loop saved enough to mean something"
    );
}
