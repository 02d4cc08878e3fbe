//! Finding an article by what a person types: its id, a unique prefix of it, or its path.

use super::Corpus;
use std::path::Path;

/// Why a typed article name matched no article, or more than one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    #[error("no article `{query}`; articles: {}", .candidates.join(", "))]
    Unknown {
        query: String,
        candidates: Vec<String>,
    },
    #[error("ambiguous article `{query}`: matches {}", .candidates.join(", "))]
    Ambiguous {
        query: String,
        candidates: Vec<String>,
    },
}

/// The index of the article `query` names: an exact id, then an exact path (as given or
/// canonical), then a unique id prefix.
pub fn find_article(corpus: &Corpus, query: &str) -> Result<usize, LookupError> {
    let ids = || corpus.articles.iter().map(|a| a.id.clone()).collect();
    if let Some(i) = corpus.articles.iter().position(|a| a.id == query) {
        return Ok(i);
    }
    let canonical = |p: &str| Path::new(p).canonicalize().ok();
    let wanted = canonical(query);
    if let Some(i) = corpus
        .articles
        .iter()
        .position(|a| a.path == query || (wanted.is_some() && canonical(&a.path) == wanted))
    {
        return Ok(i);
    }
    let matches: Vec<usize> = (0..corpus.articles.len())
        .filter(|&i| corpus.articles[i].id.starts_with(query))
        .collect();
    match matches.as_slice() {
        [i] => Ok(*i),
        [] => Err(LookupError::Unknown {
            query: query.to_string(),
            candidates: ids(),
        }),
        many => Err(LookupError::Ambiguous {
            query: query.to_string(),
            candidates: many
                .iter()
                .map(|&i| corpus.articles[i].id.clone())
                .collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load_seeds, LoadOptions};

    #[test]
    fn ids_prefixes_and_ambiguity() {
        let corpus = load_seeds(&LoadOptions::default());
        assert_eq!(find_article(&corpus, "000_e177be1acd7e491d"), Ok(0));
        assert_eq!(find_article(&corpus, "003"), Ok(3));
        assert_eq!(
            find_article(&corpus, "seeds/004_34d353faf6834925.txt"),
            Ok(4)
        );
        assert!(matches!(
            find_article(&corpus, "00"),
            Err(LookupError::Ambiguous { candidates, .. }) if candidates.len() == 5
        ));
        assert!(matches!(
            find_article(&corpus, "zzz"),
            Err(LookupError::Unknown { .. })
        ));
    }
}
