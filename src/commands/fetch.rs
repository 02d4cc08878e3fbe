//! `parallax fetch URL... --into DIR`: downloads pages and feeds into a corpus folder. One line
//! per article saved or kept (stdout), one line per failure (stderr); exit 1 if any failed.

use parallax::fetch::save::CorpusFolder;
use parallax::fetch::{fetch_all, ArticleOutcome, FetchOptions};
use parallax::text::display_safe;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

pub fn run(urls: &[String], into: &Path, force: bool, timeout: f64, max_mib: u64) -> ExitCode {
    if !(timeout.is_finite() && timeout > 0.0) {
        eprintln!("parallax: error: --timeout must be a positive number of seconds");
        return ExitCode::from(2);
    }
    let mut folder = match CorpusFolder::open(into) {
        Ok(folder) => folder,
        Err(e) => {
            eprintln!("parallax: error: {}", display_safe(&e));
            return ExitCode::from(2);
        }
    };
    let options = FetchOptions {
        timeout: Duration::from_secs_f64(timeout),
        max_bytes: max_mib.saturating_mul(1024 * 1024),
        force,
    };
    let reports = fetch_all(urls, &mut folder, &options);
    let mut failed = false;
    for report in &reports {
        failed |= report.failed();
        let url = display_safe(&report.url);
        match &report.result {
            Err(error) => eprintln!("parallax: error: {url}: {error}"),
            Ok(outcomes) if outcomes.is_empty() => println!("{url}: a feed with no items"),
            Ok(outcomes) => {
                for outcome in outcomes {
                    match outcome {
                        ArticleOutcome::Saved(saved) => println!(
                            "{} {}  {}",
                            if saved.overwritten {
                                "replaced"
                            } else {
                                "saved"
                            },
                            display_safe(&saved.path.to_string_lossy()),
                            display_safe(saved.title.as_deref().unwrap_or(&report.url))
                        ),
                        ArticleOutcome::Kept(path) => println!(
                            "kept {}  (fetched before from {url}; --force replaces it)",
                            display_safe(&path.to_string_lossy())
                        ),
                        ArticleOutcome::Failed { url: item, error } => eprintln!(
                            "parallax: error: {} (item of {url}): {error}",
                            display_safe(item)
                        ),
                    }
                }
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
