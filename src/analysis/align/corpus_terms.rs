//! The terms of every body sentence of a corpus, interned, with IDF weights computed over all
//! sentences: a term that few sentences use says more than one that most do.

use super::figures::Figure;
use super::given_words::resolve_given;
use super::lexicon::{Lexicon, CONCEPT_PREFIX};
use super::pair_score::SPECIFIC_IDF;
use super::sentence_terms::{
    clause_starts, sentence_raw_terms, MentionRef, NamedMention, RawTerm, SentenceTerms, TermClass,
    TermId,
};
use crate::analysis::entity_kind::EntityKind;
use crate::analysis::CorpusEntities;
use crate::corpus::{Article, Corpus};
use crate::text::{display_safe, ByteSpan};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// One vocabulary entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Term {
    /// Unique key: a stem ("withdraw"), a name key ("qamishli"), `n:15`, `d:2024`.
    pub key: String,
    pub class: TermClass,
    /// The first surface form seen, display-safe: what a person is shown as the shared term.
    pub display: String,
}

/// Every article's sentences as terms, and the corpus-wide weights.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct CorpusTerms {
    vocabulary: Vec<Term>,
    idf: Vec<f32>,
    /// Per term, the paraphrase concept its word belongs to.
    concept_of: Vec<Option<TermId>>,
    /// Per article, per body sentence (same indices as `Article::sentences`).
    pub articles: Vec<Vec<SentenceTerms>>,
    /// Article ids, for display.
    pub article_ids: Vec<String>,
}

impl CorpusTerms {
    /// Terms of every body sentence; `entities` gives the canonical entity of each mention
    /// (`CorpusEntities::default()` treats names as plain words).
    pub fn build(corpus: &Corpus, entities: &CorpusEntities) -> CorpusTerms {
        // Tokenising and stemming, the bulk of the work, on all cores; interning, which
        // hands out ids in corpus order, on this thread.
        let indices: Vec<usize> = (0..corpus.articles.len()).collect();
        let raw_articles = crate::parallel::map_in_parallel(&indices, |&a| {
            raw_article(&corpus.articles[a], a, entities)
        });
        let mut lookup: HashMap<String, TermId> = HashMap::default();
        let mut vocabulary: Vec<Term> = Vec::new();
        let mut articles = Vec::with_capacity(corpus.articles.len());
        for raw_sentences in raw_articles {
            let mut sentences = Vec::with_capacity(raw_sentences.len());
            for RawSentence {
                span,
                raw,
                figures,
                names,
                starts,
            } in raw_sentences
            {
                let mut intern = |key: String, class: TermClass, surface: &str| -> TermId {
                    // Most keys are already known: look up before cloning one.
                    if let Some(&id) = lookup.get(&key) {
                        return id;
                    }
                    let id = vocabulary.len() as TermId;
                    let display = display_name(&key, class, surface);
                    lookup.insert(key.clone(), id);
                    vocabulary.push(Term {
                        key,
                        class,
                        display,
                    });
                    id
                };
                let mut clauses: Vec<Vec<TermId>> = vec![Vec::new(); starts.len()];
                let mut terms: Vec<TermId> = Vec::with_capacity(raw.len());
                let (mut given, mut told) = (Vec::new(), Vec::new());
                for t in raw {
                    let clause = starts.partition_point(|&s| s <= t.at).saturating_sub(1);
                    let pointed_back = t.given;
                    let id = intern(t.key, t.class, t.surface);
                    clauses[clause].push(id);
                    terms.push(id);
                    if pointed_back {
                        given.push(id);
                    } else {
                        told.push(id);
                    }
                }
                // A term the sentence also states outright ("the withdrawal" beside "withdrew")
                // is not merely pointed back at.
                given.sort_unstable();
                given.dedup();
                given.retain(|t| !told.contains(t));
                let clauses = merge_small_clauses(clauses);
                let names = names
                    .into_iter()
                    .map(|(named, key)| {
                        let name = &entities.index.entity(named.entity).name;
                        NamedMention {
                            key: intern(key, TermClass::Name, name),
                            ..named
                        }
                    })
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                sentences.push(SentenceTerms {
                    span,
                    terms,
                    figures,
                    names,
                    clauses,
                    given,
                    weight: 0.0,
                    norm: 0.0,
                });
            }
            articles.push(sentences);
        }
        let mut idf = inverse_document_frequencies(&articles, vocabulary.len());
        // A concept's words were listed as specific paraphrases: however common the concept is
        // in a story about it, sharing it counts like sharing a specific word.
        for (w, term) in idf.iter_mut().zip(&vocabulary) {
            if term.class == TermClass::Concept {
                *w = w.max(SPECIFIC_IDF);
            }
        }
        let lexicon = Lexicon::get();
        let concept_of = vocabulary
            .iter()
            .map(|term| match term.class {
                TermClass::Word | TermClass::TimeSpan => lexicon
                    .concept_key(&term.key)
                    .and_then(|c| lookup.get(c).copied()),
                _ => None,
            })
            .collect();
        for sentence in articles.iter_mut().flatten() {
            let weights = sentence.terms.iter().map(|&t| idf[t as usize]);
            // Summed in f64, exactly, so that the weights do not depend on the order terms were
            // interned in (the corpus order): aligning b with a mirrors a with b to the last bit.
            sentence.weight = weights.clone().map(f64::from).sum::<f64>() as f32;
            sentence.norm = weights
                .map(|w| f64::from(w) * f64::from(w))
                .sum::<f64>()
                .sqrt() as f32;
        }
        CorpusTerms {
            vocabulary,
            idf,
            concept_of,
            articles,
            article_ids: corpus.articles.iter().map(|a| a.id.clone()).collect(),
        }
    }

    pub fn term(&self, id: TermId) -> &Term {
        &self.vocabulary[id as usize]
    }

    /// The IDF weight of a term: ln((N + 1) / df) over the N body sentences of the corpus,
    /// scaled to `REFERENCE_MAX_IDF / ln(N + 1)`.
    pub fn idf(&self, id: TermId) -> f32 {
        self.idf[id as usize]
    }

    /// The paraphrase concept a word term belongs to, if any.
    pub fn concept_of(&self, id: TermId) -> Option<TermId> {
        self.concept_of[id as usize]
    }

    pub fn sentence(&self, article: usize, sentence: usize) -> &SentenceTerms {
        &self.articles[article][sentence]
    }

    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.len()
    }

    /// Body sentences in the corpus.
    pub fn sentence_count(&self) -> usize {
        self.articles.iter().map(Vec::len).sum()
    }
}

/// A sentence's terms before interning.
struct RawSentence<'a> {
    span: ByteSpan,
    raw: Vec<RawTerm<'a>>,
    figures: Vec<Figure>,
    names: Vec<(NamedMention, String)>,
    starts: Vec<usize>,
}

/// Article `a`'s sentences as raw terms, names resolved to their canonical entities.
fn raw_article<'a>(
    article: &'a Article,
    a: usize,
    entities: &'a CorpusEntities,
) -> Vec<RawSentence<'a>> {
    let mentions: Vec<MentionRef> = if a < entities.mentions.len() {
        entities
            .resolved(a)
            .filter(|(m, _)| m.kind != EntityKind::Date)
            .map(|(m, id)| MentionRef {
                span: ByteSpan::from(m.span.clone()),
                entity: id,
                kind: m.kind,
                name: &entities.index.entity(id).name,
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut sentences: Vec<RawSentence> = article
        .sentences
        .iter()
        .map(|&span| {
            let inside: Vec<MentionRef> = mentions
                .iter()
                .filter(|m| span.contains(m.span))
                .copied()
                .collect();
            let (raw, figures, names) = sentence_raw_terms(&article.source, span, &inside);
            RawSentence {
                span,
                raw,
                figures,
                names,
                starts: clause_starts(&article.source, span),
            }
        })
        .collect();
    let mut raws: Vec<&mut Vec<RawTerm>> = sentences.iter_mut().map(|s| &mut s.raw).collect();
    resolve_given(&mut raws);
    sentences
}

/// The weight of a term used by one sentence only, whatever the corpus size (ln 85: the seeds).
pub const REFERENCE_MAX_IDF: f32 = 4.4427;

fn inverse_document_frequencies(articles: &[Vec<SentenceTerms>], terms: usize) -> Vec<f32> {
    let mut df = vec![0u32; terms];
    let mut n = 0usize;
    for sentence in articles.iter().flatten() {
        n += 1;
        for &t in &sentence.terms {
            df[t as usize] += 1;
        }
    }
    // Scaled so that a term of one sentence weighs the same in a corpus of two short articles
    // as in a hundred long ones: the thresholds are about relative rarity.
    let scale = REFERENCE_MAX_IDF / (n as f32 + 1.0).ln().max(f32::EPSILON);
    df.into_iter()
        .map(|d| ((n as f32 + 1.0) / d.max(1) as f32).ln() * scale)
        .collect()
}

/// Clauses of fewer than three terms join the clause before them (or after, for the first):
/// "At the time," is no fact of its own. Each clause's terms come out sorted and unique.
fn merge_small_clauses(clauses: Vec<Vec<TermId>>) -> Vec<Vec<TermId>> {
    const MIN_TERMS: usize = 3;
    let mut merged: Vec<Vec<TermId>> = Vec::new();
    let mut pending: Vec<TermId> = Vec::new();
    for clause in clauses.into_iter().filter(|c| !c.is_empty()) {
        pending.extend(clause);
        if pending.len() >= MIN_TERMS {
            merged.push(std::mem::take(&mut pending));
        }
    }
    match merged.last_mut() {
        Some(last) => last.extend(pending),
        None if !pending.is_empty() => merged.push(pending),
        None => {}
    }
    for clause in &mut merged {
        clause.sort_unstable();
        clause.dedup();
    }
    merged
}

/// What a person is shown for a term: the word as first written, the entity's canonical name,
/// for a name that stands for another ("Kremlin" for Russia) the head in title case, or a
/// concept's name.
fn display_name(key: &str, class: TermClass, surface: &str) -> String {
    if class == TermClass::Concept {
        return key.trim_start_matches(CONCEPT_PREFIX).to_string();
    }
    let grouped = class == TermClass::Name
        && super::lexicon::normalise_name(surface) != key
        && !key.contains(':');
    if !grouped {
        return display_safe(surface).into_owned();
    }
    key.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
