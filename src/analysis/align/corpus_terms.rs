//! The terms of every body sentence of a corpus, interned, with IDF weights computed over all
//! sentences: a term that few sentences use says more than one that most do.

use super::figures::Figure;
use super::given_words::{given_terms, TermUse};
use super::lexicon::{Lexicon, CONCEPT_PREFIX};
use super::pair_score::SPECIFIC_IDF;
use super::sentence_repeats::{Repeats, SentenceInput};
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
        let indices: Vec<usize> = (0..corpus.articles.len()).collect();
        let inputs = crate::parallel::map_in_parallel(&indices, |&a| {
            sentence_inputs(&corpus.articles[a], a, entities)
        });
        let sources: Vec<&str> = corpus.articles.iter().map(|a| a.source.as_str()).collect();
        let repeats = Repeats::find(&inputs);
        // Tokenising and stemming, the bulk of the work, once per distinct sentence on all
        // cores; interning, which hands out ids in corpus order, on this thread. A repeat
        // brings no new term, so its terms are interned where it first occurs.
        let tasks: Vec<&[(usize, usize)]> = repeats.firsts.chunks(DISTINCT_PER_TASK).collect();
        let raws = crate::parallel::map_in_parallel(&tasks, |task| {
            let raw = |&(a, s): &(usize, usize)| raw_sentence(sources[a], &inputs[a][s]);
            task.iter().map(raw).collect::<Vec<_>>()
        });
        let mut vocabulary = Vocabulary::default();
        let distinct: Vec<Distinct> = raws
            .into_iter()
            .flatten()
            .map(|raw| vocabulary.intern_sentence(raw, entities))
            .collect();
        let mut articles = crate::parallel::map_in_parallel(&indices, |&a| {
            occurrences(&inputs[a], &repeats.of[a], &distinct)
        });
        let Vocabulary { lookup, vocabulary } = vocabulary;
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

/// How many distinct sentences a worker takes at a time.
const DISTINCT_PER_TASK: usize = 256;

/// A sentence's terms before interning.
struct RawSentence<'a> {
    span: ByteSpan,
    raw: Vec<RawTerm<'a>>,
    figures: Vec<Figure>,
    names: Vec<(NamedMention, String)>,
    starts: Vec<usize>,
}

/// A distinct sentence's terms, interned, as its first occurrence found them.
struct Distinct {
    /// Where that occurrence starts: spans below are moved from it to each occurrence's start.
    start: usize,
    terms: Vec<TermId>,
    clauses: Vec<Vec<TermId>>,
    figures: Vec<Figure>,
    names: Vec<NamedMention>,
    /// Its terms in order, for deciding in each occurrence which only point back.
    uses: Vec<TermUse>,
}

/// The terms seen so far, and their ids.
#[derive(Default)]
struct Vocabulary {
    lookup: HashMap<String, TermId>,
    vocabulary: Vec<Term>,
}

impl Vocabulary {
    fn intern(&mut self, key: String, class: TermClass, surface: &str) -> TermId {
        // Most keys are already known: look up before cloning one.
        if let Some(&id) = self.lookup.get(&key) {
            return id;
        }
        let id = self.vocabulary.len() as TermId;
        let display = display_name(&key, class, surface);
        self.lookup.insert(key.clone(), id);
        self.vocabulary.push(Term {
            key,
            class,
            display,
        });
        id
    }

    fn intern_sentence(&mut self, sentence: RawSentence, entities: &CorpusEntities) -> Distinct {
        let RawSentence {
            span,
            raw,
            figures,
            names,
            starts,
        } = sentence;
        let mut clauses: Vec<Vec<TermId>> = vec![Vec::new(); starts.len()];
        let mut uses = Vec::with_capacity(raw.len());
        for t in raw {
            let clause = starts.partition_point(|&s| s <= t.at).saturating_sub(1);
            let (definite, word) = (
                t.definite,
                matches!(t.class, TermClass::Word | TermClass::Concept),
            );
            let id = self.intern(t.key, t.class, t.surface);
            clauses[clause].push(id);
            uses.push(TermUse { id, definite, word });
        }
        let names = names
            .into_iter()
            .map(|(named, key)| {
                let name = &entities.index.entity(named.entity).name;
                NamedMention {
                    key: self.intern(key, TermClass::Name, name),
                    ..named
                }
            })
            .collect();
        let mut terms: Vec<TermId> = uses.iter().map(|u| u.id).collect();
        terms.sort_unstable();
        terms.dedup();
        Distinct {
            start: span.start,
            terms,
            clauses: merge_small_clauses(clauses),
            figures,
            names,
            uses,
        }
    }
}

/// Article `a`'s body sentences with the non-date mentions inside each, resolved to their
/// canonical entities.
fn sentence_inputs<'a>(
    article: &'a Article,
    a: usize,
    entities: &'a CorpusEntities,
) -> Vec<SentenceInput<'a>> {
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
    article
        .sentences
        .iter()
        .map(|&span| {
            let inside: Vec<MentionRef> = mentions
                .iter()
                .filter(|m| span.contains(m.span))
                .copied()
                .collect();
            SentenceInput::new(&article.source, span, inside)
        })
        .collect()
}

fn raw_sentence<'a>(source: &'a str, input: &SentenceInput<'a>) -> RawSentence<'a> {
    let (raw, figures, names) = sentence_raw_terms(source, input.span, &input.mentions);
    RawSentence {
        span: input.span,
        raw,
        figures,
        names,
        starts: clause_starts(source, input.span),
    }
}

/// An article's sentences (`inputs`, each of them the distinct sentence `of` says), each with
/// its distinct sentence's terms at its own place, and the terms it only points back at.
fn occurrences(inputs: &[SentenceInput], of: &[u32], distinct: &[Distinct]) -> Vec<SentenceTerms> {
    let uses: Vec<&[TermUse]> = of
        .iter()
        .map(|&d| distinct[d as usize].uses.as_slice())
        .collect();
    inputs
        .iter()
        .zip(of)
        .enumerate()
        .map(|(i, (input, &d))| {
            let d = &distinct[d as usize];
            let to = input.span.start;
            let moved =
                |span: ByteSpan| ByteSpan::new(span.start - d.start + to, span.end - d.start + to);
            SentenceTerms {
                span: input.span,
                terms: d.terms.clone(),
                figures: d
                    .figures
                    .iter()
                    .map(|f| Figure {
                        span: moved(f.span),
                        ..f.clone()
                    })
                    .collect(),
                names: d
                    .names
                    .iter()
                    .map(|n| NamedMention {
                        span: moved(n.span),
                        ..*n
                    })
                    .collect(),
                clauses: d.clauses.clone(),
                given: given_terms(&uses, i),
                weight: 0.0,
                norm: 0.0,
            }
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::CleanMode;
    use crate::generate::{generate_corpus, GeneratorConfig};

    /// The id of a term key, which the built vocabulary must have.
    fn id_of(terms: &CorpusTerms, key: &str) -> TermId {
        let id = (0..terms.vocabulary_len()).find(|&i| terms.term(i as TermId).key == key);
        id.expect("every raw term is interned") as TermId
    }

    /// Each occurrence of a sentence, repeated or not, has the terms, clauses, figures and
    /// names its own text and mentions give, at its own place in its own article.
    #[test]
    fn every_occurrence_has_the_terms_its_own_text_gives() {
        let corpus = generate_corpus(&GeneratorConfig {
            articles: 24,
            mean_words: 300,
            stories: 2,
            seed: 5,
        })
        .to_corpus();
        let entities = CorpusEntities::analyse(&corpus, &[]);
        let terms = CorpusTerms::build(&corpus, &entities);
        let mut seen = std::collections::HashSet::new();
        let mut repeats = 0;
        for (a, article) in corpus.articles.iter().enumerate() {
            for (s, input) in sentence_inputs(article, a, &entities).iter().enumerate() {
                let source = &article.source;
                let (raw, figures, names) = sentence_raw_terms(source, input.span, &input.mentions);
                let built = &terms.articles[a][s];
                assert_eq!(built.span, input.span);
                let mut expected: Vec<TermId> = raw.iter().map(|t| id_of(&terms, &t.key)).collect();
                let starts = clause_starts(source, input.span);
                let mut clauses = vec![Vec::new(); starts.len()];
                for (t, &id) in raw.iter().zip(&expected) {
                    clauses[starts.partition_point(|&s| s <= t.at) - 1].push(id);
                }
                assert_eq!(built.clauses, merge_small_clauses(clauses), "{a}/{s}");
                expected.sort_unstable();
                expected.dedup();
                assert_eq!(built.terms, expected, "{a}/{s}");
                assert_eq!(built.figures, figures, "{a}/{s}");
                let names: Vec<(ByteSpan, TermId)> = names
                    .iter()
                    .map(|(n, key)| (n.span, id_of(&terms, key)))
                    .collect();
                let built_names: Vec<(ByteSpan, TermId)> =
                    built.names.iter().map(|n| (n.span, n.key)).collect();
                assert_eq!(built_names, names, "{a}/{s}");
                repeats += usize::from(!seen.insert(&source[input.span.range()]));
            }
        }
        assert!(repeats > 50, "the generator repeats sentences: {repeats}");
    }

    /// Whether a repeated sentence's definite word points back depends on what its own
    /// article told just before.
    #[test]
    fn a_repeated_sentence_points_back_only_where_its_article_told_it() {
        let repeated = "The withdrawal took 3 days, officials said.";
        let mut corpus = Corpus::default();
        let told = "Troops withdrew from the town, residents said.";
        let new = "Heavy rain fell on the town, residents said.";
        for (id, first) in [("told", told), ("new", new)] {
            let text = format!("Heading For The Story Here\nBy Jane Doe\n\n{first}\n{repeated}\n");
            let path = format!("{id}.txt");
            corpus
                .articles
                .push(Article::new(id.into(), path, text, CleanMode::Clean));
        }
        let terms = CorpusTerms::build(&corpus, &CorpusEntities::default());
        let given = |a: usize| -> Vec<&str> {
            let sentence = terms.articles[a].last().expect("two sentences");
            let keys = sentence.given.iter().map(|&id| terms.term(id).key.as_str());
            keys.collect()
        };
        assert_eq!(given(0), ["withdraw"]);
        assert_eq!(given(1), Vec::<&str>::new());
        for (a, article) in corpus.articles.iter().enumerate() {
            let figure = &terms.articles[a].last().unwrap().figures[0];
            assert_eq!(&article.source[figure.span.range()], "3 days");
        }
    }
}
