//! `parallax generate`: writes a generated corpus and its `stories.json` into a folder.

use parallax::generate::{generate_corpus, GeneratorConfig};
use std::path::Path;
use std::process::ExitCode;

pub fn run(config: &GeneratorConfig, out: &Path) -> ExitCode {
    let corpus = generate_corpus(config);
    let written = std::fs::create_dir_all(out).and_then(|()| {
        for article in &corpus.articles {
            std::fs::write(out.join(&article.file_name), &article.text)?;
        }
        std::fs::write(out.join("stories.json"), corpus.truth.to_json())
    });
    match written {
        Ok(()) => {
            let bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
            eprintln!(
                "parallax: {} articles ({:.1} MiB) in {} stories written to {}",
                corpus.articles.len(),
                bytes as f64 / 1048576.0,
                corpus.truth.stories.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("parallax: error: {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}
