//! Trains the named-entity tagger on CoNLL-2003 and writes the shipped weights.
//!
//! ```text
//! cargo run --release --example train_ner -- \
//!     --train /work/shared/ner/eng.train --dev /work/shared/ner/eng.testa \
//!     --out assets/ner/weights.bin
//! cargo run --release --example train_ner -- --eval /work/shared/ner/eng.testa
//! ```
//!
//! Training prints the dev score after every epoch and the final exact-span precision, recall
//! and F1 per type. `--eval FILE` only scores the weights compiled into the library.
//! Options: `--epochs N` (default 12), `--bits B` (hash table of 2^B rows, default 19),
//! `--prune Q` (drop quantised weights below Q, default 2), `--seed S`.

use anyhow::{bail, Context, Result};
use parallax::analysis::ner::conll::{parse_conll, ConllSentence};
use parallax::analysis::ner::tag::spans_to_tags;
use parallax::analysis::ner::trainer::{PerceptronTrainer, Shuffler, TrainingSentence};
use parallax::analysis::ner::Recognizer;
use std::time::Instant;

struct Options {
    train: Option<String>,
    dev: Option<String>,
    out: Option<String>,
    eval: Option<String>,
    epochs: usize,
    bits: u32,
    prune: i16,
    seed: u64,
}

fn parse_options() -> Result<Options> {
    let mut options = Options {
        train: None,
        dev: None,
        out: None,
        eval: None,
        epochs: 12,
        bits: 19,
        prune: 2,
        seed: 2003,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().with_context(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--train" => options.train = Some(value()?),
            "--dev" => options.dev = Some(value()?),
            "--out" => options.out = Some(value()?),
            "--eval" => options.eval = Some(value()?),
            "--epochs" => options.epochs = value()?.parse()?,
            "--bits" => options.bits = value()?.parse()?,
            "--prune" => options.prune = value()?.parse()?,
            "--seed" => options.seed = value()?.parse()?,
            other => bail!("unknown argument {other}"),
        }
    }
    Ok(options)
}

fn read_documents(path: &str) -> Result<Vec<Vec<ConllSentence>>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    Ok(parse_conll(&text))
}

fn main() -> Result<()> {
    let options = parse_options()?;
    if let Some(path) = &options.eval {
        let started = Instant::now();
        let evaluation = Recognizer::shared().evaluate(&read_documents(path)?);
        println!(
            "shipped weights on {path} ({:.1?}):\n{evaluation}",
            started.elapsed()
        );
        return Ok(());
    }
    let (Some(train), Some(out)) = (&options.train, &options.out) else {
        bail!("usage: train_ner --train FILE [--dev FILE] --out FILE | --eval FILE");
    };
    let dev = options.dev.as_deref().map(read_documents).transpose()?;
    let mut documents: Vec<Vec<TrainingSentence>> = read_documents(train)?
        .into_iter()
        .map(|document| {
            document
                .into_iter()
                .map(|s| TrainingSentence {
                    tags: spans_to_tags(&s.spans, s.words.len()),
                    words: s.words,
                })
                .collect()
        })
        .collect();
    let started = Instant::now();
    let mut trainer = PerceptronTrainer::new(options.bits);
    let mut shuffler = Shuffler::new(options.seed);
    for epoch in 1..=options.epochs {
        shuffler.shuffle(&mut documents);
        let mistakes: usize = documents.iter().map(|d| trainer.train_document(d)).sum();
        let mut line = format!("epoch {epoch:>2}: {mistakes:>5} sentences wrong");
        if let Some(dev) = &dev {
            let recognizer = Recognizer::from_model(trainer.averaged_model(options.prune));
            let overall = recognizer.evaluate(dev).overall();
            line += &format!(", dev F1 {:.4}", overall.f1());
        }
        println!("{line} ({:.1?})", started.elapsed());
    }
    let model = trainer.averaged_model(options.prune);
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("writing {out}"))?;
    println!(
        "wrote {out}: {} bytes in {:.1?}",
        bytes.len(),
        started.elapsed()
    );
    if let Some(dev) = &dev {
        let recognizer = Recognizer::from_model(model);
        println!("final dev score:\n{}", recognizer.evaluate(dev));
    }
    Ok(())
}
