//! Clustering a large synthetic corpus: blocking keeps it fast, and the rules still hold.

use super::*;
use EntityKind::{Date, Org, Person, Place};

/// A synthetic corpus: `n` articles, each naming five of thousands of people (full name, then
/// the surname), eight places, an organisation with its acronym defined, and a year.
fn synthetic_corpus(n: usize) -> Vec<(String, Vec<MentionInput>)> {
    const FIRST: [&str; 12] = [
        "Ahmad", "Ahmed", "Bashar", "Hafez", "Vladimir", "Dmitry", "Donald", "Samuel", "Maria",
        "Olga", "Yusuf", "Leila",
    ];
    const SYLLABLES: [&str; 16] = [
        "sha", "raa", "kov", "min", "tar", "tous", "kha", "lid", "ber", "gan", "mou", "sa", "zel",
        "ens", "ky", "ri",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let word = |i: usize| {
        let mut w = String::new();
        for k in 0..3 {
            w.push_str(SYLLABLES[(i >> (4 * k)) % 16]);
        }
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    (0..n)
        .map(|_| {
            let mut text = String::new();
            let mut mentions = Vec::new();
            let mut push = |text: &mut String, s: &str, kind: EntityKind| {
                let start = text.len();
                text.push_str(s);
                mentions.push(MentionInput {
                    span: ByteSpan::new(start, text.len()),
                    kind,
                });
                text.push_str(" said that ");
            };
            for _ in 0..5 {
                let surname = word(next(4096));
                let full = format!("{} al-{surname}", FIRST[next(FIRST.len())]);
                push(&mut text, &full, Person);
                push(&mut text, &surname, Person);
            }
            for _ in 0..8 {
                let place = word(next(2048));
                push(&mut text, &place, Place);
            }
            let org = format!("{} {} Council", word(next(256)), word(next(256)));
            let acronym: String = org.split(' ').filter_map(|w| w.chars().next()).collect();
            push(&mut text, &org, Org);
            text.truncate(text.len() - " said that ".len());
            text.push_str(&format!(" ({acronym}) said that "));
            push(&mut text, &acronym, Org);
            push(&mut text, &format!("{}", 1990 + next(35)), Date);
            (text, mentions)
        })
        .collect()
}

#[test]
fn a_large_corpus_clusters_without_comparing_all_pairs() {
    let corpus = synthetic_corpus(10_000);
    let articles: Vec<ArticleMentions> = corpus
        .iter()
        .map(|(text, mentions)| ArticleMentions {
            text,
            mentions: mentions.clone(),
        })
        .collect();
    let started = std::time::Instant::now();
    let index = cluster_entities(&articles, &[]);
    let elapsed = started.elapsed();
    eprintln!(
        "10,000 articles, {} entities in {elapsed:?}",
        index.entities.len()
    );
    assert_eq!(index.assignments.len(), 10_000);
    assert!(index.assignments.iter().flatten().all(Option::is_some));
    // Every acronym joined its long form; each person's surname joined the full name.
    for (article, assigned) in articles.iter().zip(&index.assignments) {
        assert_eq!(assigned[0], assigned[1], "{}", article.text);
        assert_eq!(assigned[18], assigned[19], "{}", article.text);
    }
}
