//! Reader for CoNLL-2003 files (`token POS chunk NER`, IOB1 tags, CRLF, `-DOCSTART-`
//! separators). Used by training and evaluation only; the data itself is never shipped.

use super::tag::{NerLabel, TokenSpan};

/// One sentence with its gold entities.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConllSentence {
    pub words: Vec<String>,
    pub spans: Vec<TokenSpan>,
}

/// Parses a CoNLL file into documents of sentences.
pub fn parse_conll(text: &str) -> Vec<Vec<ConllSentence>> {
    let mut documents: Vec<Vec<ConllSentence>> = vec![Vec::new()];
    let mut words = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let flush = |words: &mut Vec<String>, tags: &mut Vec<String>, docs: &mut Vec<Vec<_>>| {
        if !words.is_empty() {
            let spans = iob1_spans(tags);
            if let Some(document) = docs.last_mut() {
                document.push(ConllSentence {
                    words: std::mem::take(words),
                    spans,
                });
            }
            tags.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let mut columns = line.split_whitespace();
        let Some(word) = columns.next() else {
            flush(&mut words, &mut tags, &mut documents);
            continue;
        };
        if word == "-DOCSTART-" {
            flush(&mut words, &mut tags, &mut documents);
            if documents.last().is_some_and(|d| !d.is_empty()) {
                documents.push(Vec::new());
            }
            continue;
        }
        words.push(word.to_string());
        tags.push(columns.last().unwrap_or("O").to_string());
    }
    flush(&mut words, &mut tags, &mut documents);
    documents.retain(|d| !d.is_empty());
    documents
}

/// Entity spans from IOB1 tags, as conlleval reads them: an entity starts at `B-X`, or at
/// `I-X` when the previous tag is not of type X.
pub fn iob1_spans(tags: &[String]) -> Vec<TokenSpan> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (index, tag) in tags.iter().enumerate() {
        let (prefix, label) = match tag.split_once('-') {
            Some((prefix, name)) => (prefix, NerLabel::from_conll(name)),
            None => ("O", None),
        };
        let continues = prefix == "I" && label.is_some() && open.map(|(_, l)| l) == label;
        if !continues {
            if let Some((start, label)) = open.take() {
                spans.push(TokenSpan {
                    start,
                    end: index,
                    label,
                });
            }
            open = label.map(|label| (index, label));
        }
    }
    if let Some((start, label)) = open {
        spans.push(TokenSpan {
            start,
            end: tags.len(),
            label,
        });
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_tags_become_spans() {
        let tags: Vec<String> = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-MISC"]
            .map(String::from)
            .to_vec();
        let spans = iob1_spans(&tags);
        let found: Vec<_> = spans.iter().map(|s| (s.start, s.end, s.label)).collect();
        assert_eq!(
            found,
            [
                (0, 2, NerLabel::Per),
                (3, 4, NerLabel::Loc),
                (4, 5, NerLabel::Loc),
                (5, 6, NerLabel::Misc)
            ]
        );
    }

    #[test]
    fn documents_split_at_docstart_and_crlf_is_ignored() {
        let text = "-DOCSTART- -X- -X- O\r\n\r\nEU NNP I-NP I-ORG\r\nrejects VBZ I-VP O\r\n\r\n\
                    -DOCSTART- -X- -X- O\r\n\r\nPeter NNP I-NP I-PER\r\n";
        let documents = parse_conll(text);
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0][0].words, ["EU", "rejects"]);
        assert_eq!(documents[1][0].spans[0].label, NerLabel::Per);
    }
}
