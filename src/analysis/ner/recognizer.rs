//! The statistical tagger as used at run time: shipped weights decoded once, documents tagged
//! sentence by sentence with document context. Works on token strings; knows nothing of
//! byte offsets, headlines or Parallax kinds (see `document`).

use super::conll::ConllSentence;
use super::context::{DocumentContext, LabelHistory};
use super::evaluation::Evaluation;
use super::features::{FeatureExtractor, SentenceFeatures, WordKey};
use super::model::{Model, ModelError};
use super::sentence_memo::{MemoKey, SentenceMemo};
use super::tag::{tags_to_spans, Tag, TokenSpan, TAG_COUNT};
use std::sync::LazyLock;

static SHIPPED_WEIGHTS: &[u8] = include_bytes!("../../../assets/ner/weights.bin");

static SHARED: LazyLock<Recognizer> = LazyLock::new(|| {
    // A corrupt or missing file must not take the app down: it then recognises nothing
    // statistically, and the rules and gazetteers still work.
    Recognizer::from_bytes(SHIPPED_WEIGHTS).unwrap_or_else(|_| Recognizer::untrained())
});

/// A trained sequence labeller for PER / ORG / LOC / MISC.
pub struct Recognizer {
    model: Model,
    extractor: FeatureExtractor,
    memo: SentenceMemo,
}

impl Recognizer {
    /// The bytes of `assets/ner/weights.bin` as compiled in (the analysis cache hashes them).
    pub fn shipped_weights() -> &'static [u8] {
        SHIPPED_WEIGHTS
    }

    /// The recogniser built from `assets/ner/weights.bin`, decoded on first use.
    pub fn shared() -> &'static Recognizer {
        &SHARED
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Recognizer, ModelError> {
        Ok(Recognizer::from_model(Model::from_bytes(bytes)?))
    }

    pub fn from_model(model: Model) -> Recognizer {
        let extractor = FeatureExtractor::new(model.bits());
        Recognizer {
            model,
            extractor,
            memo: SentenceMemo::default(),
        }
    }

    fn untrained() -> Recognizer {
        let zero = [[0f32; TAG_COUNT]; TAG_COUNT];
        let model = Model::quantise(8, &vec![0.0; 256 * TAG_COUNT], &zero, &[0.0; TAG_COUNT], 0);
        Recognizer::from_model(model)
    }

    /// Tags one sentence on its own, without document context.
    pub fn tag_sentence(&self, words: &[&str]) -> Vec<TokenSpan> {
        self.tag_document(&[words]).pop().unwrap_or_default()
    }

    /// Tags the sentences of one document in order; earlier labels inform later sentences.
    pub fn tag_document(&self, sentences: &[&[&str]]) -> Vec<Vec<TokenSpan>> {
        self.tag_document_with(sentences, Some(&self.memo))
    }

    /// `tag_document`, looking up and recording each sentence's tags in `memo` if given.
    fn tag_document_with(
        &self,
        sentences: &[&[&str]],
        memo: Option<&SentenceMemo>,
    ) -> Vec<Vec<TokenSpan>> {
        let (document, keys) = DocumentContext::of_sentences(sentences);
        let mut history = LabelHistory::default();
        let mut features = SentenceFeatures::default();
        let mut buffer = Vec::new();
        sentences
            .iter()
            .zip(&keys)
            .map(|(words, word_keys)| {
                let keyed = memo.map(|memo| {
                    let key = MemoKey::of(words, word_keys, &document, &history, &mut buffer);
                    (memo, key)
                });
                let remembered = keyed.and_then(|(memo, key)| memo.get(key));
                let tags = remembered.unwrap_or_else(|| {
                    features.set_words(words, word_keys);
                    self.extractor
                        .extract(words, &document, &history, &mut features);
                    let tags = self.model.decode(&features);
                    if let Some((memo, key)) = keyed {
                        memo.insert(key, &tags);
                    }
                    tags
                });
                record_history(&mut history, word_keys, &tags);
                tags_to_spans(&tags)
            })
            .collect()
    }

    /// Exact-span scores against gold CoNLL documents.
    pub fn evaluate(&self, documents: &[Vec<ConllSentence>]) -> Evaluation {
        let mut evaluation = Evaluation::default();
        for document in documents {
            let words: Vec<Vec<&str>> = document
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let slices: Vec<&[&str]> = words.iter().map(Vec::as_slice).collect();
            for (sentence, predicted) in document.iter().zip(self.tag_document(&slices)) {
                evaluation.add(&sentence.spans, &predicted);
            }
        }
        evaluation
    }
}

/// Remembers the label each capitalised word received, for later sentences of the document.
pub fn record_history(history: &mut LabelHistory, keys: &[WordKey], tags: &[Tag]) {
    for (key, tag) in keys.iter().zip(tags) {
        if key.flags.is_capitalized() {
            history.record(key.lower, tag.label());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::conll::parse_conll;
    use std::path::PathBuf;

    /// Dev F1 the shipped weights reached when trained (see assets/ner/README.md); the test
    /// allows only rounding noise below it.
    const SHIPPED_DEV_F1: f64 = 0.9270;

    fn dev_path() -> PathBuf {
        match std::env::var_os("PARALLAX_NER_DEV") {
            Some(path) => PathBuf::from(path),
            None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/ner/eng.testa"),
        }
    }

    #[test]
    fn shipped_weights_keep_their_dev_f1() {
        let path = dev_path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!(
                "SKIPPED: CoNLL dev file {} not found (set PARALLAX_NER_DEV)",
                path.display()
            );
            return;
        };
        let evaluation = Recognizer::shared().evaluate(&parse_conll(&text));
        println!("{evaluation}");
        assert!(
            evaluation.overall().f1() >= SHIPPED_DEV_F1 - 0.0005,
            "dev F1 fell to {:.4}",
            evaluation.overall().f1()
        );
    }

    #[test]
    fn tags_a_simple_sentence() {
        let words = [
            "Russian",
            "President",
            "Vladimir",
            "Putin",
            "met",
            "officials",
            "in",
            "Moscow",
            ".",
        ];
        let spans = Recognizer::shared().tag_sentence(&words);
        let found: Vec<_> = spans
            .iter()
            .map(|s| (words[s.start..s.end].join(" "), s.label))
            .collect();
        assert!(
            found.contains(&(
                "Vladimir Putin".to_string(),
                super::super::tag::NerLabel::Per
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&("Moscow".to_string(), super::super::tag::NerLabel::Loc)),
            "{found:?}"
        );
    }

    /// Sentences whose tags can turn on document context: the same names capitalised or not,
    /// first seen in a heading-like line or in running text, in any order.
    const POOL: [&str; 15] = [
        "Putin met Sharaa in Moscow .",
        "Bill Said The Turkey Was Ready",
        "the bill passed and turkey was served .",
        "Bill Gates met officials from Turkey .",
        "Reading Fans Mark The Day",
        "they mark reading days .",
        "Will Smith said he will attend .",
        "Sharaa said Moscow would keep its bases .",
        "Jordan said the talks went well .",
        "JORDAN SAYS TALKS WENT WELL",
        "Officials in Jordan welcomed the news .",
        "Michael Jordan was not there .",
        "Apple Shares Rise In New York",
        "the apple fell , said Apple .",
        "Hmeimim Air Base Remains Open",
    ];

    proptest::proptest! {
        /// Remembered tags are exactly what tagging the sentence afresh gives: many documents
        /// drawn from a small pool, so sentences repeat under every context, share one memo.
        #[test]
        fn remembered_tags_equal_fresh_tags(
            documents in proptest::collection::vec(
                proptest::collection::vec(0..POOL.len(), 1..8), 1..12)
        ) {
            let recognizer = Recognizer::shared();
            let words: Vec<Vec<&str>> = POOL.iter().map(|s| s.split(' ').collect()).collect();
            for document in documents {
                let sentences: Vec<&[&str]> =
                    document.iter().map(|&i| words[i].as_slice()).collect();
                let remembered = recognizer.tag_document(&sentences);
                let fresh = recognizer.tag_document_with(&sentences, None);
                proptest::prop_assert_eq!(remembered, fresh);
            }
        }
    }

    #[test]
    fn corrupt_weights_are_an_error_not_a_panic() {
        assert!(Recognizer::from_bytes(b"PXNER01\0\x01").is_err());
    }
}
