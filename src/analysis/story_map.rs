//! The story map: sentences of every source grouped into facts. Candidate pairs come from an
//! inverted index over the specific terms (every link shares at least one), so the cost grows
//! with real overlaps, not with all pairs of sentences. A fact is seeded by its strongest link;
//! its core is the terms that link shares, and a sentence joins when it links to a member and
//! carries most of the core. A sentence that packs several facts belongs to several; what a
//! sentence says beyond its shared facts is a single-source fact of its own. Pure: no I/O.

use crate::analysis::align::{
    score_pair, CorpusTerms, PairScore, TermId, MIN_SPECIFIC_WEIGHT, SPECIFIC_IDF,
};
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
    /// Only part of the representative sentence is this fact: the rest of it is in shared
    /// facts, and `terms` name what it adds.
    pub beyond_shared: bool,
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

    /// For the rest of a sentence that shared facts also hold, what only it adds ("fall,
    /// dealt"), as shown before the sentence; `None` for a fact its sentence is all of.
    pub fn what_it_adds(&self) -> Option<String> {
        self.beyond_shared.then(|| self.terms.join(", "))
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
    /// A single-source fact for what a sentence says beyond the shared facts it is also in.
    beyond_shared: bool,
}

impl StoryMap {
    /// The story map of the whole corpus.
    pub fn build(terms: &CorpusTerms) -> StoryMap {
        let all: Vec<usize> = (0..terms.articles.len()).collect();
        StoryMap::build_for(terms, &all)
    }

    /// The story map of some articles (indexes into `terms.articles`, ascending): one story
    /// of a corpus that mixes several. Term weights stay those of the whole corpus.
    pub fn build_for(terms: &CorpusTerms, articles: &[usize]) -> StoryMap {
        let refs: Vec<SentenceRef> = articles
            .iter()
            .filter(|&&article| article < terms.articles.len())
            .flat_map(|&article| {
                (0..terms.articles[article].len())
                    .map(move |sentence| SentenceRef { article, sentence })
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
                    beyond_shared: false,
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

/// Links between sentences of different articles, strongest first. Candidates come from an
/// inverted index with prefix filtering: each sentence is indexed, and probes, by its rarest
/// specific terms only, just enough of them that the rest weigh less than a link needs. Two
/// sentences that can link share their rarest common term inside both prefixes, so no link is
/// lost, and the common terms of a big corpus, whose postings would be long, are never walked.
fn cross_source_links(terms: &CorpusTerms, refs: &[SentenceRef]) -> Vec<(usize, usize, PairScore)> {
    let prefixes: Vec<Vec<TermId>> = refs
        .iter()
        .map(|r| link_prefix(terms, &terms.articles[r.article][r.sentence].terms))
        .collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); terms.vocabulary_len()];
    for (g, prefix) in prefixes.iter().enumerate() {
        for &t in prefix {
            postings[t as usize].push(g as u32);
        }
    }
    let mut links = Vec::new();
    let mut seen: Vec<u32> = vec![u32::MAX; refs.len()];
    for (g, r) in refs.iter().enumerate() {
        let a = &terms.articles[r.article][r.sentence];
        for &t in &prefixes[g] {
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

/// A sentence's specific terms, rarest first, up to where the remaining ones weigh less than
/// `MIN_SPECIFIC_WEIGHT`; empty when all of them together weigh less (it cannot link).
fn link_prefix(terms: &CorpusTerms, sentence_terms: &[TermId]) -> Vec<TermId> {
    let mut specific: Vec<TermId> = sentence_terms
        .iter()
        .copied()
        .filter(|&t| terms.idf(t) >= SPECIFIC_IDF)
        .collect();
    specific.sort_by(|&x, &y| terms.idf(y).total_cmp(&terms.idf(x)).then(x.cmp(&y)));
    let mut remaining: f32 = specific.iter().map(|&t| terms.idf(t)).sum();
    let mut prefix = Vec::new();
    for t in specific {
        if remaining < MIN_SPECIFIC_WEIGHT {
            break;
        }
        prefix.push(t);
        remaining -= terms.idf(t);
    }
    prefix
}

/// Two facts with a member in common whose cores mostly agree are one fact seen through
/// different pairs of sentences. Facts are taken heaviest core first; each joins the first
/// earlier fact (a leader) it agrees with, compared with the leader's own core, so that merges
/// never chain from one fact to an unrelated one through a run of small overlaps.
fn merge_overlapping_facts(
    terms: &CorpusTerms,
    facts: Vec<Building>,
    sentences: usize,
) -> (Vec<Building>, Vec<Vec<usize>>) {
    let weight = |ids: &[TermId]| ids.iter().map(|&t| terms.idf(t)).sum::<f32>();
    let mut order: Vec<usize> = (0..facts.len()).collect();
    order.sort_by(|&a, &b| {
        facts[b]
            .core_weight
            .total_cmp(&facts[a].core_weight)
            .then(a.cmp(&b))
    });
    let mut facts: Vec<Option<Building>> = facts.into_iter().map(Some).collect();
    let mut leaders: Vec<Building> = Vec::new();
    let mut leaders_of: Vec<Vec<usize>> = vec![Vec::new(); sentences];
    for f in order {
        let Some(fact) = facts[f].take() else {
            continue;
        };
        let mut candidates: Vec<usize> = fact
            .members
            .iter()
            .flat_map(|&g| leaders_of[g].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let agreeing = candidates.into_iter().find(|&l| {
            let common = weight(&sorted_shared(&fact.core, &leaders[l].core));
            common >= MERGE_CORE_SHARE * fact.core_weight.min(leaders[l].core_weight)
        });
        let l = match agreeing {
            Some(l) => {
                leaders[l].members.extend(fact.members.iter().copied());
                l
            }
            None => {
                leaders.push(Building {
                    members: fact.members.clone(),
                    core: fact.core,
                    core_weight: fact.core_weight,
                    beyond_shared: false,
                });
                leaders.len() - 1
            }
        };
        for g in fact.members {
            if !leaders_of[g].contains(&l) {
                leaders_of[g].push(l);
            }
        }
    }
    for leader in &mut leaders {
        leader.members.sort_unstable();
        leader.members.dedup();
    }
    (leaders, leaders_of)
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
                beyond_shared: !alone,
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
        beyond_shared: b.beyond_shared,
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
