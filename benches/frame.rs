//! Frame cost of the reader: building the whole frame for the seeds at 200×60, one keystroke
//! (update + frame), and one keystroke in a 10,000-article corpus still being analysed.
//! Run: `cargo bench --bench frame`.

#[path = "support/generated.rs"]
mod generated;

use criterion::{criterion_group, criterion_main, Criterion};
use parallax::corpus::{load_seeds, Article, CleanMode, Corpus, LoadOptions};
use parallax::keymap::Key;
use parallax::state::State;
use parallax::state::{Phase, Progress};
use parallax::ui::theme::{Palette, Theme};
use parallax::update::{update, Message};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn frame(c: &mut Criterion) {
    let corpus = load_seeds(&LoadOptions::default());
    let entities = parallax::state::EntityTable::from_analysis(
        &parallax::analysis::CorpusEntities::analyse(&corpus, &[]),
    );
    let mut state = State::new(corpus, entities);
    update(
        &mut state,
        Message::Resize {
            width: 200,
            height: 60,
        },
    );
    let theme = Theme::new(Palette::TrueColor);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    c.bench_function("frame_200x60", |b| {
        b.iter(|| {
            terminal
                .draw(|f| parallax::ui::draw(f, &state, &theme))
                .unwrap()
                .area
        })
    });
    let mut down = true;
    c.bench_function("keystroke_to_frame_200x60", |b| {
        b.iter(|| {
            // Alternate j and k so the view stays put between iterations.
            let key = if down { 'j' } else { 'k' };
            down = !down;
            update(&mut state, Message::Key(Key::plain(key)));
            terminal
                .draw(|f| parallax::ui::draw(f, &state, &theme))
                .unwrap()
                .area
        })
    });
}

/// A keystroke while a 10,000-article corpus is still being analysed: no entities yet, the
/// gauge in the status bar, the source list 5,000 rows down. `J`/`K` alternate, so each
/// keystroke opens another article (its document is laid out afresh).
fn keystroke_while_analysing(c: &mut Criterion) {
    let generated = generated::generated(generated::sized(10_000), 200, 800);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = generated.articles.len().div_ceil(threads);
    let articles: Vec<Article> = std::thread::scope(|scope| {
        let handles: Vec<_> = generated
            .articles
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|a| {
                            let id = a.file_name.trim_end_matches(".txt").to_string();
                            Article::new(id, a.file_name.clone(), a.text.clone(), CleanMode::Clean)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    let total = articles.len();
    let corpus = Corpus {
        articles,
        ..Corpus::default()
    };
    let mut state = State::new(corpus, parallax::state::EntityTable::default());
    update(
        &mut state,
        Message::Resize {
            width: 200,
            height: 60,
        },
    );
    update(
        &mut state,
        Message::Progress(Progress {
            phase: Phase::Recognising,
            done: total / 2,
            total,
            elapsed_ms: 4000,
        }),
    );
    state.current = total / 2;
    state.source_cursor = total / 2;
    let theme = Theme::new(Palette::TrueColor);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut next = true;
    c.bench_function("keystroke_to_frame_10k_analysing", |b| {
        b.iter(|| {
            let key = if next { 'J' } else { 'K' };
            next = !next;
            update(&mut state, Message::Key(Key::plain(key)));
            terminal
                .draw(|f| parallax::ui::draw(f, &state, &theme))
                .unwrap()
                .area
        })
    });
}

criterion_group!(benches, frame, keystroke_while_analysing);
criterion_main!(benches);
