//! A finder query as typed, parsed: the kind its prefix selects, and its terms, folded the way
//! candidate text is folded, each with its case rule and its prefilter needles.

use super::fold::fold_str;
use super::masks::{ByteMasks, NeedlePair, MAX_NEEDLES};
use super::presence::presence_of;
use super::target::Kind;
use memchr::memmem;

/// Queries longer than this are cut (in characters): no one types more, and scoring cost
/// grows with the query's length.
pub const MAX_QUERY_CHARS: usize = 200;

/// Characters a term may contain or leave out at will: "al sharaa", "alsharaa" and
/// "al-sharaa" all find "al-Sharaa". Folding has already turned "’" and "—" into these.
const OPTIONAL: &[char] = &['-', '\''];

#[derive(Debug)]
pub(super) struct Query {
    /// The kind the prefix chose, if any.
    pub prefix_kind: Option<Kind>,
    pub terms: Vec<Term>,
    /// The distinct bytes of the ASCII terms, each in the cases it matches: the bitsets to
    /// build over an ASCII candidate ([`super::masks::ByteMasks`]).
    pub needle_pairs: Vec<NeedlePair>,
    /// The byte presence bits of every term: a candidate lacking one matches no term there.
    pub presence: u64,
}

/// One space-separated part of a query. Every term must match; scores add up.
#[derive(Debug)]
pub(super) struct Term {
    pub text: String,
    pub chars: Vec<char>,
    /// Smart case: a term with an upper-case (ASCII, after folding) letter matches case.
    pub case_sensitive: bool,
    pub ascii: bool,
    /// Every byte an ASCII letter or digit: the chained bound applies
    /// ([`super::score::chain_bound_ascii`]).
    pub alnum: bool,
    /// One per character, for the subsequence prefilter over folded bytes.
    pub needles: Vec<Needle>,
    /// ASCII terms: for each byte, its bitset in [`Query::needle_pairs`]. Empty for a term
    /// matched without bitsets (not ASCII, or too many distinct bytes in the query).
    pub needle_of: Vec<u16>,
}

#[derive(Debug)]
pub(super) enum Needle {
    Byte(u8),
    EitherByte(u8, u8),
    Char(Box<memmem::Finder<'static>>),
}

/// Cuts a query to [`MAX_QUERY_CHARS`].
pub fn clip_query(raw: &str) -> &str {
    match raw.char_indices().nth(MAX_QUERY_CHARS) {
        Some((end, _)) => &raw[..end],
        None => raw,
    }
}

impl Query {
    pub fn parse(raw: &str) -> Query {
        let raw = clip_query(raw);
        let mut chars = raw.chars();
        let prefix_kind = chars.next().and_then(Kind::from_prefix);
        let rest = match prefix_kind {
            Some(_) => chars.as_str(),
            None => raw,
        };
        let folded: String = fold_str(rest)
            .chars()
            .filter(|c| !OPTIONAL.contains(c))
            .collect();
        let mut terms: Vec<Term> = folded.split_whitespace().map(Term::new).collect();
        let mut needle_pairs: Vec<NeedlePair> = Vec::new();
        for term in terms.iter_mut().filter(|t| t.ascii) {
            let pairs: Vec<NeedlePair> = term
                .text
                .bytes()
                .map(|b| match term.case_sensitive || !b.is_ascii_alphabetic() {
                    true => (b, b),
                    false => (b.to_ascii_lowercase(), b.to_ascii_uppercase()),
                })
                .collect();
            let new = pairs.iter().filter(|p| !needle_pairs.contains(p)).count();
            if needle_pairs.len() + new > MAX_NEEDLES {
                // Too many distinct bytes for the bitsets: this term takes the slow path.
                continue;
            }
            term.needle_of = pairs
                .into_iter()
                .map(|pair| {
                    let at = needle_pairs.iter().position(|&p| p == pair);
                    at.unwrap_or_else(|| {
                        needle_pairs.push(pair);
                        needle_pairs.len() - 1
                    }) as u16
                })
                .collect();
        }
        let presence = terms
            .iter()
            .fold(0, |bits, t| bits | presence_of(t.text.as_bytes()));
        Query {
            prefix_kind,
            terms,
            needle_pairs,
            presence,
        }
    }
}

impl Term {
    fn new(text: &str) -> Term {
        let case_sensitive = text.bytes().any(|b| b.is_ascii_uppercase());
        let needles = text
            .chars()
            .map(|c| match c {
                _ if !c.is_ascii() => {
                    let mut buf = [0u8; 4];
                    let bytes = c.encode_utf8(&mut buf).as_bytes().to_vec();
                    Needle::Char(Box::new(memmem::Finder::new(&bytes).into_owned()))
                }
                _ if c.is_ascii_alphabetic() && !case_sensitive => {
                    Needle::EitherByte(c.to_ascii_lowercase() as u8, c.to_ascii_uppercase() as u8)
                }
                _ => Needle::Byte(c as u8),
            })
            .collect();
        Term {
            text: text.to_string(),
            chars: text.chars().collect(),
            case_sensitive,
            ascii: text.is_ascii(),
            alnum: text.bytes().all(|b| b.is_ascii_alphanumeric()),
            needles,
            needle_of: Vec::new(),
        }
    }

    /// The greedy first match of each character in folded text (byte offsets), as skim's
    /// `cheap_matches` finds them, or `false` when the term is not a subsequence of it.
    /// For ASCII text the offsets are character positions too.
    pub fn first_matches(&self, hay: &[u8], out: &mut Vec<u32>) -> bool {
        out.clear();
        let mut at = 0usize;
        for needle in &self.needles {
            let rest = &hay[at..];
            let found = match needle {
                Needle::Byte(b) => memchr::memchr(*b, rest).map(|i| (i, 1)),
                Needle::EitherByte(a, b) => memchr::memchr2(*a, *b, rest).map(|i| (i, 1)),
                Needle::Char(finder) => finder.find(rest).map(|i| (i, finder.needle().len())),
            };
            let Some((offset, len)) = found else {
                return false;
            };
            out.push((at + offset) as u32);
            at += offset + len;
        }
        true
    }
}

impl Term {
    /// Whether the term is matched through bitsets over ASCII text.
    pub fn masked(&self) -> bool {
        !self.needle_of.is_empty()
    }

    /// [`Term::first_matches`] over an ASCII text's bitsets (an ASCII term only).
    pub fn first_in(&self, masks: &ByteMasks, out: &mut Vec<u32>) -> bool {
        masks.first_chain(&self.needle_of, out)
    }

    /// [`Term::last_matches`] over an ASCII text's bitsets (an ASCII term only).
    pub fn last_in(&self, masks: &ByteMasks, len: usize, out: &mut Vec<u32>) -> bool {
        out.clear();
        out.resize(self.needle_of.len(), 0);
        let mut end = len;
        for (i, &needle) in self.needle_of.iter().enumerate().rev() {
            let Some(at) = masks.previous(needle as usize, end) else {
                return false;
            };
            out[i] = at as u32;
            end = at;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(raw: &str) -> Vec<String> {
        Query::parse(raw)
            .terms
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn prefixes_choose_a_kind_and_are_not_searched() {
        assert_eq!(Query::parse("#khmeim").prefix_kind, Some(Kind::Entity));
        assert_eq!(terms("#khmeim"), ["khmeim"]);
        assert_eq!(Query::parse("@nat").prefix_kind, Some(Kind::Source));
        assert_eq!(Query::parse("!claim").prefix_kind, Some(Kind::Annotation));
        assert_eq!(Query::parse("\"putin").prefix_kind, Some(Kind::Sentence));
        assert_eq!(Query::parse("nat #").prefix_kind, None);
    }

    #[test]
    fn hyphens_and_apostrophes_are_dropped_and_diacritics_folded() {
        assert_eq!(terms("al-Šaraa’s  nat"), ["alSharaas", "nat"]);
        assert_eq!(terms(" - ' "), Vec::<String>::new());
    }

    #[test]
    fn smart_case_is_per_term() {
        let q = Query::parse("Putin moscow");
        assert!(q.terms[0].case_sensitive);
        assert!(!q.terms[1].case_sensitive);
    }

    #[test]
    fn first_matches_are_greedy_byte_offsets() {
        let q = Query::parse("nher");
        let mut out = Vec::new();
        assert!(q.terms[0].first_matches(b"National Herald", &mut out));
        assert_eq!(out, [0, 9, 10, 11]);
        assert!(!q.terms[0].first_matches(b"Herald National", &mut out));
        let mut masks = ByteMasks::default();
        let text = b"National Herald hr";
        masks.build(text, &q.needle_pairs);
        assert!(q.terms[0].last_in(&masks, text.len(), &mut out));
        assert_eq!(out, [5, 9, 10, 17]);
        let q = Query::parse("東京");
        assert!(q.terms[0].first_matches("東京で".as_bytes(), &mut out));
        assert_eq!(out, [0, 3]);
    }
}
