//! Exact-span scoring as conlleval does it: an entity counts only if its start, end and type
//! all match. Reports precision, recall and F1 per type and overall.

use super::tag::{NerLabel, TokenSpan};
use std::fmt;

/// Counts for one type (or all types).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanCounts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl SpanCounts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Accumulated scores over many sentences.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    per_label: [SpanCounts; 4],
}

impl Evaluation {
    pub fn add(&mut self, gold: &[TokenSpan], predicted: &[TokenSpan]) {
        for span in gold {
            self.per_label[span.label.index()].gold += 1;
        }
        for span in predicted {
            let counts = &mut self.per_label[span.label.index()];
            counts.predicted += 1;
            if gold.contains(span) {
                counts.correct += 1;
            }
        }
    }

    pub fn label(&self, label: NerLabel) -> SpanCounts {
        self.per_label[label.index()]
    }

    pub fn overall(&self) -> SpanCounts {
        self.per_label
            .iter()
            .fold(SpanCounts::default(), |sum, c| SpanCounts {
                correct: sum.correct + c.correct,
                predicted: sum.predicted + c.predicted,
                gold: sum.gold + c.gold,
            })
    }
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>9} {:>9} {:>9} {:>7}",
            "type", "precision", "recall", "F1", "gold"
        )?;
        let rows = NerLabel::ALL.iter().map(|&l| (l.as_str(), self.label(l)));
        for (name, counts) in rows.chain([("overall", self.overall())]) {
            writeln!(
                f,
                "{:<8} {:>9.4} {:>9.4} {:>9.4} {:>7}",
                name,
                counts.precision(),
                counts.recall(),
                counts.f1(),
                counts.gold
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_exact_spans_count() {
        let gold = [TokenSpan {
            start: 0,
            end: 2,
            label: NerLabel::Per,
        }];
        let partial = [TokenSpan {
            start: 1,
            end: 2,
            label: NerLabel::Per,
        }];
        let mut evaluation = Evaluation::default();
        evaluation.add(&gold, &partial);
        assert_eq!(evaluation.overall().correct, 0);
        evaluation.add(&gold, &gold);
        let overall = evaluation.overall();
        assert_eq!(
            (overall.correct, overall.predicted, overall.gold),
            (1, 2, 2)
        );
        assert!((overall.f1() - 0.5).abs() < 1e-9);
    }
}
