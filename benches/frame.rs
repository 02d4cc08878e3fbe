//! Frame cost of the reader: building the whole frame for the seeds at 200×60, and one
//! keystroke (update + frame). Run: `cargo bench --bench frame`.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax::corpus::{load_seeds, LoadOptions};
use parallax::keymap::Key;
use parallax::state::State;
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

criterion_group!(benches, frame);
criterion_main!(benches);
