//! The story map: sentences of every source grouped into facts. Candidate pairs come from an
//! inverted index over the specific terms (every link shares at least one), so the cost grows
//! with real overlaps, not with all pairs of sentences. A fact is seeded by its strongest link;
//! its core is the terms that link shares, and a sentence joins when it links to a member and
//! carries most of the core. A sentence that packs several facts belongs to several; what a
//! sentence says beyond its shared facts is a single-source fact of its own. Pure: no I/O.

use crate::analysis::align::{score_pair, CorpusTerms, PairScore, TermId, SPECIFIC_IDF};
use serde::Serialize;

/// One sentence of the corpus.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SentenceRef {
    /// Article index in the corpus.
    pub article: usize,
    /// Body sentence index in that article.
    pub sentence: usize,
}

/// Sentences of one or more sources that report the same thing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact {
    /// Sorted by article, then sentence.
    pub members: Vec<SentenceRef>,
    /// The member that carries most of the fact's core: what to show for it.
    pub representative: SentenceRef,
    /// The terms the fact is about, heaviest first, as shown to a person.
    pub terms: Vec<String>,
}

impl Fact {
    /// Distinct articles among the members.
    pub fn sources(&self) -> Vec<usize> {
        let mut articles: Vec<usize> = self.members.iter().map(|m| m.article).collect();
        articles.dedup();
        articles
    }

    pub fn has(&self, article: usize, sentence: usize) -> bool {
        self.members.contains(&SentenceRef { article, sentence })
    }
}

/// Every fact of the corpus, most widely reported first.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StoryMap {
    pub facts: Vec<Fact>,
}

/// A sentence joins a fact when it carries at least this share of the fact's core weight.
const JOIN_CORE_SHARE: f32 = 0.5;
/// A link extends a fact when at least this share of its shared weight is in the fact's core.
const LINK_IN_CORE_SHARE: f32 = 0.5;
/// Two facts sharing a member merge when this share of the smaller core is common to both.
const MERGE_CORE_SHARE: f32 = 0.5;
/// What a sentence says beyond its shared facts is a fact of its own when its uncovered
/// specific terms weigh this much…
const RESIDUAL_WEIGHT: f32 = 6.0;
/// …and make up this share of its specific weight.
const RESIDUAL_SHARE: f32 = 0.4;

struct Building {
    members: Vec<usize>,
    /// Sorted term ids of the seed link's specific shared terms.
    core: Vec<TermId>,
    core_weight: f32,
}

impl StoryMap {
    pub fn build(terms: &CorpusTerms) -> StoryMap {
        let refs: Vec<SentenceRef> = terms
            .articles
            .iter()
            .enumerate()
            .flat_map(|(article, sentences)| {
                (0..sentences.len()).map(move |sentence| SentenceRef { article, sentence })
            })
            .collect();
        let links = cross_source_links(terms, &refs);
        let sentence_terms = |g: usize| &terms.articles[refs[g].article][refs[g].sentence].terms;
        let weight_of = |ids: &[TermId]| ids.iter().map(|&t| terms.idf(t)).sum::<f32>();
        let mut facts: Vec<Building> = Vec::new();
        let mut facts_of: Vec<Vec<usize>> = vec![Vec::new(); refs.len()];
        for (g, h, pair) in &links {
            let shared_weight = weight_of(&pair.shared);
            let mut placed = false;
            let candidates: Vec<usize> =
                facts_of[*g].iter().chain(&facts_of[*h]).copied().collect();
            for f in candidates {
                if facts[f].members.contains(g) && facts[f].members.contains(h) {
                    placed = true;
                    continue;
                }
                let in_core = weight_of(&shared_of(&pair.shared, &facts[f].core));
                if in_core < LINK_IN_CORE_SHARE * shared_weight {
                    continue;
                }
                let newcomer = if facts[f].members.contains(g) { *h } else { *g };
                let carried = weight_of(&sorted_shared(sentence_terms(newcomer), &facts[f].core));
                if carried >= JOIN_CORE_SHARE * facts[f].core_weight {
                    facts[f].members.push(newcomer);
                    facts_of[newcomer].push(f);
                    placed = true;
                }
            }
            if !placed {
                let mut core: Vec<TermId> = pair
                    .shared
                    .iter()
                    .copied()
                    .filter(|&t| terms.idf(t) >= SPECIFIC_IDF)
                    .collect();
                core.sort_unstable();
                let f = facts.len();
                facts.push(Building {
                    core_weight: weight_of(&core),
                    core,
                    members: vec![*g, *h],
                });
                facts_of[*g].push(f);
                facts_of[*h].push(f);
            }
        }
        let (mut facts, facts_of) = merge_overlapping_facts(terms, facts, refs.len());
        add_single_source_facts(terms, &refs, &mut facts, &facts_of);
        let mut out: Vec<Fact> = facts
            .into_iter()
            .map(|b| finish_fact(terms, &refs, b))
            .collect();
        out.sort_by(|a, b| {
            b.sources()
                .len()
                .cmp(&a.sources().len())
                .then(b.members.len().cmp(&a.members.len()))
                .then(a.representative.cmp(&b.representative))
        });
        out.dedup_by(|a, b| a.members == b.members);
        StoryMap { facts: out }
    }

    /// The facts a sentence belongs to, by index into `facts`.
    pub fn facts_of(&self, article: usize, sentence: usize) -> Vec<usize> {
        (0..self.facts.len())
            .filter(|&f| self.facts[f].has(article, sentence))
            .collect()
    }
}

/// Links between sentences of different articles, strongest first. Candidates are the pairs
/// that share a specific term, found through postings of those terms only.
fn cross_source_links(terms: &CorpusTerms, refs: &[SentenceRef]) -> Vec<(usize, usize, PairScore)> {
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); terms.vocabulary_len()];
    for (g, r) in refs.iter().enumerate() {
        for &t in &terms.articles[r.article][r.sentence].terms {
            if terms.idf(t) >= SPECIFIC_IDF {
                postings[t as usize].push(g as u32);
            }
        }
    }
    let mut links = Vec::new();
    let mut seen: Vec<u32> = vec![u32::MAX; refs.len()];
    for (g, r) in refs.iter().enumerate() {
        let a = &terms.articles[r.article][r.sentence];
        for &t in &a.terms {
            for &h in &postings[t as usize] {
                let h = h as usize;
                // Each unordered pair once (h > g), across articles only.
                if h <= g || refs[h].article == r.article || seen[h] == g as u32 {
                    continue;
                }
                seen[h] = g as u32;
                let b = &terms.articles[refs[h].article][refs[h].sentence];
                if let Some(pair) = score_pair(terms, a, b) {
                    links.push((g, h, pair));
                }
            }
        }
    }
    links.sort_by(|x, y| {
        y.2.score
            .total_cmp(&x.2.score)
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    links
}

/// Two facts with a member in common whose cores mostly agree are one fact seen through
/// different pairs of sentences: they merge (members and cores united).
fn merge_overlapping_facts(
    terms: &CorpusTerms,
    facts: Vec<Building>,
    sentences: usize,
) -> (Vec<Building>, Vec<Vec<usize>>) {
    let mut facts_of: Vec<Vec<usize>> = vec![Vec::new(); sentences];
    for (f, fact) in facts.iter().enumerate() {
        for &g in &fact.members {
            facts_of[g].push(f);
        }
    }
    let mut parent: Vec<usize> = (0..facts.len()).collect();
    fn root(parent: &mut [usize], mut f: usize) -> usize {
        while parent[f] != f {
            parent[f] = parent[parent[f]];
            f = parent[f];
        }
        f
    }
    let weight = |ids: &[TermId]| ids.iter().map(|&t| terms.idf(t)).sum::<f32>();
    for list in &facts_of {
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                let common = weight(&sorted_shared(&facts[a].core, &facts[b].core));
                let smaller = facts[a].core_weight.min(facts[b].core_weight);
                if common >= MERGE_CORE_SHARE * smaller {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
    }
    let mut merged: Vec<Building> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; facts.len()];
    for (f, fact) in facts.into_iter().enumerate() {
        let r = root(&mut parent, f);
        match slot[r] {
            Some(m) => {
                let target = &mut merged[m];
                target.members.extend(fact.members);
                target.core.extend(fact.core);
            }
            None => {
                slot[r] = Some(merged.len());
                merged.push(fact);
            }
        }
    }
    let mut facts_of: Vec<Vec<usize>> = vec![Vec::new(); sentences];
    for (f, fact) in merged.iter_mut().enumerate() {
        fact.members.sort_unstable();
        fact.members.dedup();
        fact.core.sort_unstable();
        fact.core.dedup();
        fact.core_weight = weight(&fact.core);
        for &g in &fact.members {
            facts_of[g].push(f);
        }
    }
    (merged, facts_of)
}

/// Every sentence in no fact is a fact of its own; so is the uncovered part of a sentence whose
/// shared facts leave much of it unsaid.
fn add_single_source_facts(
    terms: &CorpusTerms,
    refs: &[SentenceRef],
    facts: &mut Vec<Building>,
    facts_of: &[Vec<usize>],
) {
    for (g, r) in refs.iter().enumerate() {
        let own = &terms.articles[r.article][r.sentence].terms;
        let specific: Vec<TermId> = own
            .iter()
            .copied()
            .filter(|&t| terms.idf(t) >= SPECIFIC_IDF)
            .collect();
        let weight = |ids: &[TermId]| ids.iter().map(|&t| terms.idf(t)).sum::<f32>();
        let uncovered: Vec<TermId> = specific
            .iter()
            .copied()
            .filter(|t| {
                !facts_of[g]
                    .iter()
                    .any(|&f| facts[f].core.binary_search(t).is_ok())
            })
            .collect();
        let residual = weight(&uncovered);
        let alone = facts_of[g].is_empty();
        let says_more =
            residual >= RESIDUAL_WEIGHT && residual >= RESIDUAL_SHARE * weight(&specific);
        if alone || says_more {
            facts.push(Building {
                members: vec![g],
                core_weight: residual,
                core: uncovered,
            });
        }
    }
}

fn finish_fact(terms: &CorpusTerms, refs: &[SentenceRef], b: Building) -> Fact {
    let mut members: Vec<SentenceRef> = b.members.iter().map(|&g| refs[g]).collect();
    members.sort_unstable();
    members.dedup();
    let carried = |m: &SentenceRef| -> f32 {
        let own = &terms.articles[m.article][m.sentence].terms;
        sorted_shared(own, &b.core)
            .iter()
            .map(|&t| terms.idf(t))
            .sum()
    };
    let representative = members
        .iter()
        .copied()
        .max_by(|x, y| carried(x).total_cmp(&carried(y)).then(y.cmp(x)))
        .unwrap_or(SentenceRef {
            article: 0,
            sentence: 0,
        });
    let mut core = b.core;
    core.sort_by(|&x, &y| terms.idf(y).total_cmp(&terms.idf(x)).then(x.cmp(&y)));
    Fact {
        members,
        representative,
        terms: core
            .iter()
            .map(|&t| terms.term(t).display.clone())
            .collect(),
    }
}

fn shared_of(shared_sorted_by_weight: &[TermId], core_sorted: &[TermId]) -> Vec<TermId> {
    shared_sorted_by_weight
        .iter()
        .copied()
        .filter(|t| core_sorted.binary_search(t).is_ok())
        .collect()
}

fn sorted_shared(a: &[TermId], b: &[TermId]) -> Vec<TermId> {
    crate::analysis::align::shared_terms(a, b)
}
