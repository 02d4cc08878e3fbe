//! A hidden test aid for the crash test: opens the store at FILE and, forever, adds one
//! annotation, edits the previous one and saves, printing the number of annotations after
//! each save that returned. The test kills it with SIGKILL at random moments.

use parallax::corpus::annotation::Quote;
use parallax::corpus::{Annotation, AnnotationStore, StoreLocation};
use parallax::text::now_rfc3339;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(file: &Path) -> ExitCode {
    let location = StoreLocation {
        path: file.to_path_buf(),
        description: "dev-save-loop".to_string(),
    };
    let mut store = AnnotationStore::open(location);
    if let Some(why) = store.read_only() {
        eprintln!("parallax: error: {why}");
        return ExitCode::from(2);
    }
    let mut list = store.annotations().to_vec();
    let mut stdout = std::io::stdout();
    loop {
        let n = list.len();
        if let Some(last) = list
            .iter_mut()
            .find(|a| a.id == format!("crash-{:06}", n.wrapping_sub(1)))
        {
            last.note = format!("edited after {n}");
            last.modified = now_rfc3339();
        }
        list.push(annotation(n));
        list = match store.save(&list) {
            Ok(saved) => saved,
            Err(e) => {
                eprintln!("parallax: error: {e}");
                return ExitCode::from(1);
            }
        };
        if writeln!(stdout, "{}", list.len())
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::SUCCESS;
        }
    }
}

fn annotation(n: usize) -> Annotation {
    let now = now_rfc3339();
    Annotation {
        id: format!("crash-{n:06}"),
        article: "crash".to_string(),
        source_hash: String::new(),
        start: n,
        end: n + 10,
        quote: Quote {
            exact: format!("quote {n} “with” unicode é 日本"),
            prefix: "p".repeat(32),
            suffix: "s".repeat(32),
        },
        label: "claim".to_string(),
        note: String::new(),
        correction: None,
        created: now.clone(),
        modified: now,
    }
}
