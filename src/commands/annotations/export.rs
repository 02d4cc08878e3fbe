//! `parallax annotations export`: W3C JSON-LD, brat, CSV or Markdown, to stdout, a file, or
//! (brat) a folder.

use super::super::write_stdout;
use crate::cli::{CorpusArgs, ExportFormat};
use parallax::export::{brat, csv, markdown, w3c};
use std::fs;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, format: ExportFormat, out: Option<&Path>) -> ExitCode {
    if format == ExportFormat::Brat && out.is_none() {
        eprintln!("parallax: error: brat export writes one .ann and one .txt per article: give a folder with --out DIR");
        return ExitCode::from(2);
    }
    let Some((corpus, store)) = super::open(args) else {
        return ExitCode::from(2);
    };
    let annotations = store.annotations();
    let (text, file_name) = match format {
        ExportFormat::W3c => (w3c::export(&corpus, annotations), "annotations.jsonld"),
        ExportFormat::Csv => (csv::export(&corpus, annotations), "annotations.csv"),
        ExportFormat::Markdown => (markdown::export(&corpus, annotations), "annotations.md"),
        ExportFormat::Brat => {
            let Some(folder) = out else {
                return ExitCode::from(2);
            };
            return write_brat(folder, brat::export(&corpus, annotations));
        }
    };
    match out {
        None => write_stdout(&text),
        Some(path) => {
            let path = if path.is_dir() {
                path.join(file_name)
            } else {
                path.to_path_buf()
            };
            match fs::write(&path, text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("parallax: error: {}: cannot write: {e}", path.display());
                    ExitCode::from(1)
                }
            }
        }
    }
}

fn write_brat(folder: &Path, export: brat::BratExport) -> ExitCode {
    if folder.exists() && !folder.is_dir() {
        eprintln!(
            "parallax: error: {}: not a folder (brat export needs one)",
            folder.display()
        );
        return ExitCode::from(2);
    }
    let written = fs::create_dir_all(folder).and_then(|()| {
        export
            .files
            .iter()
            .try_for_each(|file| fs::write(folder.join(&file.name), &file.contents))
    });
    if let Err(e) = written {
        eprintln!("parallax: error: {}: cannot write: {e}", folder.display());
        return ExitCode::from(1);
    }
    if export.orphaned > 0 {
        eprintln!(
            "parallax: warning: {} orphaned annotation(s) left out: their text is no longer found",
            export.orphaned
        );
    }
    ExitCode::SUCCESS
}
