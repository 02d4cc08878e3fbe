//! Shared test setup: the seed corpus with a small hand-made entity table, so screen and flow
//! tests do not depend on the recogniser's output.

#![allow(dead_code)]

use parallax::analysis::entity_kind::EntityKind;
use parallax::corpus::{load_seeds, LoadOptions};
use parallax::keymap::{Key, KeyCode};
use parallax::state::entity_table::{EntityRow, MentionRef};
use parallax::state::{EntityTable, State};
use parallax::text::ByteSpan;
use parallax::update::{update, Message};

/// Names marked wherever they occur, as (surface forms, canonical name, kind).
const NAMES: [(&[&str], &str, EntityKind); 4] = [
    (
        &["Vladimir Putin", "Putin"],
        "Vladimir Putin",
        EntityKind::Person,
    ),
    (&["Moscow"], "Moscow", EntityKind::Place),
    (&["Kremlin"], "Kremlin", EntityKind::Org),
    (&["Wednesday"], "Wednesday", EntityKind::Date),
];

pub fn seed_state(width: u16, height: u16) -> State {
    let corpus = load_seeds(&LoadOptions::default());
    let mut rows: Vec<EntityRow> = NAMES
        .iter()
        .map(|(_, name, kind)| EntityRow {
            name: name.to_string(),
            kind: *kind,
            articles: vec![],
            mentions: 0,
        })
        .collect();
    let mut mentions = Vec::new();
    for (index, article) in corpus.articles.iter().enumerate() {
        let mut found: Vec<MentionRef> = Vec::new();
        for (entity, (forms, _, kind)) in NAMES.iter().enumerate() {
            for form in forms.iter() {
                for (at, _) in article.source.match_indices(form) {
                    let span = ByteSpan::new(at, at + form.len());
                    if !found
                        .iter()
                        .any(|m| m.span.start < span.end && span.start < m.span.end)
                    {
                        found.push(MentionRef {
                            span,
                            kind: *kind,
                            entity,
                        });
                        rows[entity].mentions += 1;
                        if !rows[entity].articles.contains(&index) {
                            rows[entity].articles.push(index);
                        }
                    }
                }
            }
        }
        mentions.push(found);
    }
    let mut state = State::new(corpus, EntityTable::new(rows, mentions));
    update(&mut state, Message::Resize { width, height });
    state
}

/// Sends keys written as in the help: plain characters, or `<Tab>`, `<Esc>`, `<Enter>`,
/// `<C-d>`.
pub fn press(state: &mut State, keys: &str) {
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        let key = if c == '<' && chars.peek().is_some_and(|n| *n != '>') {
            let name: String = chars.by_ref().take_while(|c| *c != '>').collect();
            match name.as_str() {
                "Tab" => Key::code(KeyCode::Tab),
                "S-Tab" => Key::code(KeyCode::BackTab),
                "Esc" => Key::code(KeyCode::Esc),
                "Enter" => Key::code(KeyCode::Enter),
                "Down" => Key::code(KeyCode::Down),
                "Up" => Key::code(KeyCode::Up),
                "PgDn" => Key::code(KeyCode::PageDown),
                other if other.starts_with("C-") => Key::ctrl(other.chars().nth(2).unwrap()),
                other => panic!("unknown key <{other}>"),
            }
        } else {
            Key::plain(c)
        };
        update(state, Message::Key(key));
    }
}

/// The seed state with the real analysis (entities, alignment, story map, coverage, finder).
pub fn analysed_state(width: u16, height: u16) -> State {
    let mut state = seed_state(width, height);
    analyse(&mut state);
    state
}

/// A generated corpus of several stories (30 articles, 3 stories), not analysed yet: the
/// sources list is flat until `analyse` sends the analysis.
pub fn stories_state(width: u16, height: u16) -> State {
    let generated = parallax::generate::generate_corpus(&parallax::generate::GeneratorConfig {
        articles: 30,
        mean_words: 200,
        stories: 3,
        seed: 5,
    });
    let corpus = generated.to_corpus();
    let n = corpus.articles.len();
    let mut state = State::new(corpus, EntityTable::new(vec![], vec![vec![]; n]));
    update(&mut state, Message::Resize { width, height });
    state
}

/// Runs the real analysis on the state's corpus and delivers it as the app does: the analysis
/// with its entity table, then the finder's index.
pub fn analyse(state: &mut State) {
    let analysis = parallax::analysis::CorpusAnalysis::build(&state.corpus, &Default::default());
    let table = EntityTable::from_analysis(&analysis.entities);
    let index = parallax::analysis::finder::FinderIndex::build(
        &state.corpus,
        &analysis.entities.index,
        &state.annotations.list,
    );
    let analysis = std::sync::Arc::new(analysis);
    update(state, Message::Linked(analysis, Box::new(table)));
    update(state, Message::FinderIndexed(std::sync::Arc::new(index)));
}
