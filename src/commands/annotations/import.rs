//! `parallax annotations import FILE`: merges W3C Web Annotations into the corpus's annotations,
//! re-anchors them, saves, and reports the counts in one line.

use crate::cli::CorpusArgs;
use parallax::export::{import::merge_imported, w3c};
use parallax::text::display_safe;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path, args: &CorpusArgs) -> ExitCode {
    // File names and items may hold escape sequences: everything printed is display-safe.
    let shown = display_safe(&file.display().to_string()).into_owned();
    let text = if file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(file)
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            eprintln!("parallax: error: {shown}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    let Some((corpus, mut store)) = super::open(args) else {
        return ExitCode::from(2);
    };
    let parsed = match w3c::parse(&corpus, &text) {
        Ok(parsed) => parsed,
        Err(why) => {
            eprintln!("parallax: error: {shown}: {}", display_safe(&why));
            return ExitCode::from(2);
        }
    };
    let mut skipped = parsed.skipped;
    let (merged, report) = merge_imported(
        &corpus,
        store.annotations(),
        parsed.annotations,
        &mut skipped,
    );
    for why in &skipped {
        eprintln!("parallax: warning: {shown}: skipped {}", display_safe(why));
    }
    if let Err(e) = store.save(&merged) {
        eprintln!("parallax: error: {e}");
        return ExitCode::from(1);
    }
    println!("{report} → {}", store.location().description);
    ExitCode::SUCCESS
}
