//! The tagger's label set: four CoNLL entity labels, each in BILOU positions, plus `O`.
//! Owns the encoding of tags as small integers and which tag may follow which.

/// A CoNLL-2003 entity label, as the statistical tagger predicts it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerLabel {
    Per,
    Org,
    Loc,
    Misc,
}

impl NerLabel {
    pub const ALL: [NerLabel; 4] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc, NerLabel::Misc];

    /// The CoNLL name: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
            NerLabel::Misc => "MISC",
        }
    }

    /// Parses a CoNLL type name (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn from_conll(name: &str) -> Option<NerLabel> {
        match name {
            "PER" => Some(NerLabel::Per),
            "ORG" => Some(NerLabel::Org),
            "LOC" => Some(NerLabel::Loc),
            "MISC" => Some(NerLabel::Misc),
            _ => None,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Where a token sits inside an entity.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Position {
    Begin,
    Inside,
    Last,
    Unit,
}

/// Number of tags: `O` plus four positions for each of the four labels.
pub const TAG_COUNT: usize = 1 + 4 * 4;

/// A BILOU tag encoded as `0` (`O`) or `1 + 4 * label + position`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tag(pub u8);

impl Tag {
    pub const OUTSIDE: Tag = Tag(0);

    pub fn new(label: NerLabel, position: Position) -> Tag {
        let position = match position {
            Position::Begin => 0,
            Position::Inside => 1,
            Position::Last => 2,
            Position::Unit => 3,
        };
        Tag(1 + 4 * label as u8 + position)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn label(self) -> Option<NerLabel> {
        match self.0 {
            0 => None,
            n => Some(NerLabel::ALL[((n - 1) / 4) as usize]),
        }
    }

    pub fn position(self) -> Option<Position> {
        match self.0 {
            0 => None,
            n => Some(match (n - 1) % 4 {
                0 => Position::Begin,
                1 => Position::Inside,
                2 => Position::Last,
                _ => Position::Unit,
            }),
        }
    }

    /// True when an entity is open after this tag (B or I), so the next tag must continue it.
    pub fn is_open(self) -> bool {
        matches!(self.position(), Some(Position::Begin | Position::Inside))
    }

    /// Whether `next` may follow `self` in a well-formed BILOU sequence.
    pub fn may_precede(self, next: Tag) -> bool {
        if self.is_open() {
            next.label() == self.label()
                && matches!(next.position(), Some(Position::Inside | Position::Last))
        } else {
            !next.is_continuation()
        }
    }

    /// True for I and L tags, which need an open entity before them.
    pub fn is_continuation(self) -> bool {
        matches!(self.position(), Some(Position::Inside | Position::Last))
    }
}

/// A tagged entity over token indices `start..end` of one sentence.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TokenSpan {
    pub start: usize,
    pub end: usize,
    pub label: NerLabel,
}

/// Encodes entity spans of a sentence of `len` tokens as BILOU tags.
pub fn spans_to_tags(spans: &[TokenSpan], len: usize) -> Vec<Tag> {
    let mut tags = vec![Tag::OUTSIDE; len];
    for span in spans.iter().filter(|s| s.start < s.end && s.end <= len) {
        if span.end - span.start == 1 {
            tags[span.start] = Tag::new(span.label, Position::Unit);
            continue;
        }
        tags[span.start] = Tag::new(span.label, Position::Begin);
        for tag in &mut tags[span.start + 1..span.end - 1] {
            *tag = Tag::new(span.label, Position::Inside);
        }
        tags[span.end - 1] = Tag::new(span.label, Position::Last);
    }
    tags
}

/// Decodes BILOU tags into spans, tolerating ill-formed sequences (an unclosed entity ends
/// where the next one starts or at an `O`).
pub fn tags_to_spans(tags: &[Tag]) -> Vec<TokenSpan> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (index, tag) in tags.iter().enumerate() {
        let label = tag.label();
        if let Some((start, open_label)) = open {
            if !(tag.is_continuation() && label == Some(open_label)) {
                spans.push(TokenSpan {
                    start,
                    end: index,
                    label: open_label,
                });
                open = None;
            }
        }
        match (label, tag.position()) {
            (Some(label), Some(Position::Unit)) => {
                spans.push(TokenSpan {
                    start: index,
                    end: index + 1,
                    label,
                });
            }
            (Some(label), Some(Position::Begin)) => open = Some((index, label)),
            (Some(label), Some(Position::Inside)) if open.is_none() => open = Some((index, label)),
            (Some(label), Some(Position::Last)) => {
                let start = open.map_or(index, |(start, _)| start);
                spans.push(TokenSpan {
                    start,
                    end: index + 1,
                    label,
                });
                open = None;
            }
            _ => {}
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
    fn spans_round_trip_through_bilou_tags() {
        let spans = vec![
            TokenSpan {
                start: 0,
                end: 1,
                label: NerLabel::Per,
            },
            TokenSpan {
                start: 2,
                end: 5,
                label: NerLabel::Org,
            },
            TokenSpan {
                start: 5,
                end: 7,
                label: NerLabel::Org,
            },
        ];
        let tags = spans_to_tags(&spans, 8);
        assert_eq!(tags_to_spans(&tags), spans);
    }

    #[test]
    fn only_well_formed_transitions_are_allowed() {
        let begin = Tag::new(NerLabel::Loc, Position::Begin);
        let last = Tag::new(NerLabel::Loc, Position::Last);
        let other_last = Tag::new(NerLabel::Per, Position::Last);
        assert!(begin.may_precede(last));
        assert!(!begin.may_precede(other_last));
        assert!(!begin.may_precede(Tag::OUTSIDE));
        assert!(!Tag::OUTSIDE.may_precede(last));
        assert!(last.may_precede(Tag::new(NerLabel::Per, Position::Unit)));
    }
}
