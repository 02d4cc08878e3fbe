//! The fuzz targets without nightly: every committed input under `fuzz/corpus/<target>/` goes
//! through the same harness the cargo-fuzz targets call, then a short seeded mutation pass
//! (byte flips, cuts, splices; bounded in time) runs over them, so a regression of anything the
//! long fuzz runs found is caught by `cargo test`. The long runs: `fuzz/run_all.sh MINUTES`.

#[path = "../fuzz/src/harness.rs"]
mod harness;

use std::path::Path;
use std::time::{Duration, Instant};

/// Time for the mutation pass of each target (the replay itself always runs whole).
const MUTATION_BUDGET: Duration = Duration::from_secs(3);

fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    inputs.sort();
    inputs
}

/// A small seeded generator (xorshift), so a failing mutation can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Bytes a terminal, UTF-8 or the harnesses' 0xFF separator care about.
const INTERESTING: &[u8] = &[
    0x00, 0x1b, 0x07, 0x0a, 0x0d, 0x20, 0x2e, 0x22, 0x7f, 0x80, 0xc2, 0xe2, 0xff,
];

fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, INTERESTING[rng.below(INTERESTING.len())]),
            2 => out.truncate(at),
            3 if !out.is_empty() => {
                let end = (at + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            _ => {
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(64)).min(other.len());
                out.splice(at..at, other[from..to].iter().copied());
            }
        }
    }
    out
}

#[test]
fn every_fuzz_target_passes_its_committed_corpus_and_a_short_mutation_pass() {
    let mut report = Vec::new();
    for &(target, run) in harness::TARGETS {
        let inputs = corpus(target);
        assert!(!inputs.is_empty(), "fuzz/corpus/{target}/ is empty");
        for (name, bytes) in &inputs {
            let result = std::panic::catch_unwind(|| run(bytes));
            assert!(result.is_ok(), "fuzz/corpus/{target}/{name} fails");
        }
        let mut rng = Rng(0x00c0_ffee ^ target.len() as u64);
        let started = Instant::now();
        let mut mutations = 0;
        while started.elapsed() < MUTATION_BUDGET {
            let (name, input) = &inputs[rng.below(inputs.len())];
            let other = &inputs[rng.below(inputs.len())].1;
            let mutated = mutate(&mut rng, input, other);
            if std::panic::catch_unwind(|| run(&mutated)).is_err() {
                panic!("{target}: a mutation of {name} fails; input bytes: {mutated:?}");
            }
            mutations += 1;
        }
        report.push(format!(
            "{target}: {} inputs, {mutations} mutations",
            inputs.len()
        ));
    }
    println!("{}", report.join("\n"));
}
