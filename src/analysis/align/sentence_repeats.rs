//! Which body sentences of a corpus repeat one another: the same words with the same named
//! mentions at the same places. Syndicated news repeats a great many (a wire story run by
//! dozens of outlets), and a sentence's terms depend on nothing else, so each distinct
//! sentence is turned into terms once (only which words point back depends on the sentences
//! before it, and that is decided per occurrence, `given_words`).

use super::sentence_terms::MentionRef;
use crate::text::ByteSpan;
use rustc_hash::FxHashMap as HashMap;

/// A body sentence and the named mentions inside it, in order: all its terms depend on.
pub(super) struct SentenceInput<'a> {
    pub span: ByteSpan,
    pub mentions: Vec<MentionRef<'a>>,
    /// A 128-bit hash of the sentence's text and of its mentions (entity, kind, and place
    /// from the sentence's start).
    fingerprint: u128,
}

impl<'a> SentenceInput<'a> {
    pub(super) fn new(source: &str, span: ByteSpan, mentions: Vec<MentionRef<'a>>) -> Self {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        let text = &source[span.range()];
        hasher.update(&(text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
        for m in &mentions {
            hasher.update(&((m.span.start - span.start) as u64).to_le_bytes());
            hasher.update(&((m.span.end - span.start) as u64).to_le_bytes());
            hasher.update(&m.entity.0.to_le_bytes());
            hasher.update(&[m.kind as u8]);
        }
        SentenceInput {
            span,
            mentions,
            fingerprint: hasher.digest128(),
        }
    }
}

/// The corpus's distinct sentences: each sentence's distinct one, and where each first occurs.
pub(super) struct Repeats {
    /// Per article, per body sentence: the index of its distinct sentence in `firsts`.
    pub of: Vec<Vec<u32>>,
    /// Each distinct sentence's first occurrence (article, sentence), in corpus order.
    pub firsts: Vec<(usize, usize)>,
}

impl Repeats {
    /// `inputs[a]`: article `a`'s body sentences.
    pub(super) fn find(inputs: &[Vec<SentenceInput>]) -> Repeats {
        let total: usize = inputs.iter().map(Vec::len).sum();
        let mut seen: HashMap<u128, u32> = HashMap::default();
        seen.reserve(total / 2);
        let mut firsts = Vec::new();
        let of = inputs
            .iter()
            .enumerate()
            .map(|(a, sentences)| {
                sentences
                    .iter()
                    .enumerate()
                    .map(|(s, input)| {
                        // 128 bits: a chance collision among a million sentences is about as
                        // likely as one in 10^26 corpora.
                        let next = firsts.len() as u32;
                        let distinct = *seen.entry(input.fingerprint).or_insert(next);
                        if distinct == next {
                            firsts.push((a, s));
                        }
                        distinct
                    })
                    .collect()
            })
            .collect();
        Repeats { of, firsts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::EntityId;
    use crate::analysis::entity_kind::EntityKind;

    fn input<'a>(source: &str, sentence: &str, names: &[(&str, u32)]) -> SentenceInput<'a> {
        let start = source.find(sentence).unwrap();
        let span = ByteSpan::new(start, start + sentence.len());
        let mentions = names
            .iter()
            .map(|&(name, entity)| {
                let at = start + sentence.find(name).unwrap();
                MentionRef {
                    span: ByteSpan::new(at, at + name.len()),
                    entity: EntityId(entity),
                    kind: EntityKind::Person,
                    name: "",
                }
            })
            .collect();
        SentenceInput::new(source, span, mentions)
    }

    #[test]
    fn a_sentence_repeats_only_with_the_same_mentions_at_the_same_places() {
        let a = "Intro. Putin met Sharaa in Moscow. Putin met Sharaa in Moscow.";
        let b = "Other words first. Putin met Sharaa in Moscow. Sharaa met Putin in Moscow.";
        let sentence = "Putin met Sharaa in Moscow.";
        let inputs = vec![
            vec![
                input(a, "Intro.", &[]),
                input(a, sentence, &[("Putin", 1), ("Sharaa", 2)]),
                SentenceInput::new(a, ByteSpan::new(a.len() - sentence.len(), a.len()), {
                    let at = a.len() - sentence.len();
                    vec![MentionRef {
                        span: ByteSpan::new(at, at + 5),
                        entity: EntityId(1),
                        kind: EntityKind::Person,
                        name: "",
                    }]
                }),
            ],
            vec![
                input(b, "Other words first.", &[]),
                input(b, sentence, &[("Putin", 1), ("Sharaa", 2)]),
                input(
                    b,
                    "Sharaa met Putin in Moscow.",
                    &[("Putin", 1), ("Sharaa", 2)],
                ),
            ],
        ];
        let repeats = Repeats::find(&inputs);
        // The same sentence at another offset of another article repeats; with a mention
        // missing, or other words, it does not.
        assert_eq!(repeats.of, [vec![0, 1, 2], vec![3, 1, 4]]);
        assert_eq!(repeats.firsts, [(0, 0), (0, 1), (0, 2), (1, 0), (1, 2)]);
    }
}
