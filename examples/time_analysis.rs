//! Times the reader's background analysis (`app::analyse`) on a corpus folder, and its stages:
//! `cargo run --release --example time_analysis -- /tmp/gen10k`. Set `XDG_CACHE_HOME` to an
//! empty folder for a cold run, run it again for a run from the cache.

use parallax::analysis::align::CorpusTerms;
use parallax::analysis::stories::Stories;
use parallax::analysis::story_map::StoryMap;
use parallax::corpus::{load_paths, LoadOptions};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let started = Instant::now();
    let corpus = load_paths(&paths, &LoadOptions::default()).expect("corpus loads");
    println!(
        "load: {} articles in {:.2?}",
        corpus.articles.len(),
        started.elapsed()
    );
    let started = Instant::now();
    let cache = parallax::corpus::AnalysisCache::open_default();
    let recognised = std::sync::OnceLock::new();
    let report = |p: parallax::state::Progress| {
        if p.phase == parallax::state::Phase::Linking {
            recognised.get_or_init(|| started.elapsed());
        }
    };
    let (analysis, unsaved) =
        parallax::app::analyse_unsaved(&corpus, &Default::default(), 0, &cache, report);
    println!("analyse (all of it): {:.2?}", started.elapsed());
    if let Some(recognised) = recognised.get() {
        println!("  of which recognition: {recognised:.2?}");
    }
    if let Some(key) = unsaved {
        let started = Instant::now();
        cache.put_corpus(key, &analysis.to_cached());
        println!("  into the cache: {:.2?}", started.elapsed());
    }
    if std::env::var_os("STAGES").is_none() {
        return;
    }
    let entities = &analysis.entities;
    let t = Instant::now();
    let again = parallax::analysis::CorpusEntities::from_mentions(
        &corpus,
        entities.mentions.clone(),
        &Default::default(),
    );
    println!("  entities (cluster the mentions): {:.2?}", t.elapsed());
    drop(again);
    let t = Instant::now();
    let terms = CorpusTerms::build(&corpus, entities);
    println!(
        "  sentence terms: {:.2?}, {} terms, {} sentences",
        t.elapsed(),
        terms.vocabulary_len(),
        terms.sentence_count()
    );
    let t = Instant::now();
    let stories = Stories::group(&corpus, entities);
    println!(
        "  stories: {:.2?}, {} stories",
        t.elapsed(),
        stories.stories.len()
    );
    let groups: Vec<Vec<usize>> = stories.stories.iter().map(|s| s.articles.clone()).collect();
    let t = Instant::now();
    let found = parallax::analysis::near_duplicates::near_duplicates(&terms, &groups);
    let flagged = found.iter().filter(|d| d.is_some()).count();
    println!(
        "  near-duplicates: {:.2?}, {flagged} articles flagged",
        t.elapsed()
    );
    let t = Instant::now();
    let map = analysis.story_map(0);
    println!(
        "  story map of the largest story ({} articles): {:.2?}, {} facts",
        stories.stories.first().map_or(0, |s| s.articles.len()),
        t.elapsed(),
        map.facts.len()
    );
    let t = Instant::now();
    let _ = analysis.coverage(0);
    println!("  coverage of the largest story: {:.2?}", t.elapsed());
    if std::env::var_os("ALL_MAPS").is_some() {
        let t = Instant::now();
        let facts: usize = (0..stories.stories.len())
            .map(|s| {
                StoryMap::build_for(&terms, &stories.stories[s].articles)
                    .facts
                    .len()
            })
            .sum();
        println!("  every story's map: {:.2?}, {facts} facts", t.elapsed());
    }
}
