//! The trained weights: a hashed emission table (i16, only its non-zero rows kept) and tag
//! transitions, with the compact sparse file format shipped in `assets/ner/weights.bin`.

use super::emission_rows::EmissionRows;
use super::features::SentenceFeatures;
use super::tag::{Tag, TAG_COUNT};
use super::viterbi::{best_tags, TagScores, Transitions};
use thiserror::Error;

const MAGIC: &[u8; 8] = b"PXNER01\0";

/// Why a weights file could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a Parallax NER weights file")]
    BadMagic,
    #[error("weights file is truncated or corrupt")]
    Truncated,
    #[error("weights file was made for {found} tags and 2^{bits} buckets; expected {TAG_COUNT}")]
    Shape { found: usize, bits: u32 },
}

/// Averaged, quantised perceptron weights.
pub struct Model {
    bits: u32,
    emissions: EmissionRows,
    transitions: [[i32; TAG_COUNT]; TAG_COUNT],
    start: [i32; TAG_COUNT],
}

impl Model {
    /// Builds a model from float weights, quantised to i16 with one shared scale; emission
    /// weights whose quantised magnitude is below `prune` are dropped (set to zero).
    pub fn quantise(
        bits: u32,
        emissions: &[f32],
        transitions: &[[f32; TAG_COUNT]; TAG_COUNT],
        start: &[f32; TAG_COUNT],
        prune: i16,
    ) -> Model {
        let largest = emissions.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let scale = i16::MAX as f32 / largest;
        let emissions: Vec<i16> = emissions
            .iter()
            .map(|w| (w * scale).round() as i16)
            .map(|q| {
                if q.unsigned_abs() < prune.unsigned_abs() {
                    0
                } else {
                    q
                }
            })
            .collect();
        let round = |w: f32| (w * scale).round() as i32;
        Model {
            bits,
            emissions: EmissionRows::from_dense(&emissions),
            transitions: transitions.map(|row| row.map(round)),
            start: start.map(round),
        }
    }

    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Best tag sequence for a sentence whose features were hashed with this model's bits.
    pub fn decode(&self, features: &SentenceFeatures) -> Vec<Tag> {
        let emissions = self.emission_scores(features);
        best_tags(
            &emissions,
            &Transitions {
                between: &self.transitions,
                start: &self.start,
            },
        )
    }

    fn emission_scores(&self, features: &SentenceFeatures) -> Vec<TagScores> {
        (0..features.len())
            .map(|index| {
                let mut scores = [0i32; TAG_COUNT];
                for &bucket in features.token(index) {
                    if let Some(row) = self.emissions.row(bucket as usize) {
                        for (score, &weight) in scores.iter_mut().zip(row) {
                            *score += weight as i32;
                        }
                    }
                }
                scores
            })
            .collect()
    }

    /// Serialises: header, transitions, then non-zero rows as varint deltas and zigzag values.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(TAG_COUNT as u32).to_le_bytes());
        for value in self.transitions.iter().flatten().chain(&self.start) {
            out.extend_from_slice(&value.to_le_bytes());
        }
        let mut previous = 0usize;
        for (bucket, row) in self.emissions.rows() {
            let mask = row
                .iter()
                .enumerate()
                .fold(0u64, |m, (t, &w)| m | ((w != 0) as u64) << t);
            write_varint(&mut out, (bucket - previous) as u64);
            previous = bucket;
            write_varint(&mut out, mask);
            for &weight in row.iter().filter(|&&w| w != 0) {
                write_varint(&mut out, zigzag(weight as i64));
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let bits = reader.u32()?;
        let tags = reader.u32()? as usize;
        if tags != TAG_COUNT || !(8..=28).contains(&bits) {
            return Err(ModelError::Shape { found: tags, bits });
        }
        let mut transitions = [[0i32; TAG_COUNT]; TAG_COUNT];
        for value in transitions.iter_mut().flatten() {
            *value = reader.u32()? as i32;
        }
        let mut start = [0i32; TAG_COUNT];
        for value in &mut start {
            *value = reader.u32()? as i32;
        }
        let buckets = 1usize << bits;
        let mut emissions = vec![0i16; buckets * TAG_COUNT];
        let mut bucket = 0usize;
        while reader.at < bytes.len() {
            bucket += reader.varint()? as usize;
            let mask = reader.varint()?;
            if bucket >= buckets || mask >> TAG_COUNT != 0 {
                return Err(ModelError::Truncated);
            }
            for tag in (0..TAG_COUNT).filter(|t| mask & (1 << t) != 0) {
                let value = unzigzag(reader.varint()?);
                emissions[bucket * TAG_COUNT + tag] =
                    i16::try_from(value).map_err(|_| ModelError::Truncated)?;
            }
        }
        Ok(Model {
            bits,
            emissions: EmissionRows::from_dense(&emissions),
            transitions,
            start,
        })
    }
}

fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

fn unzigzag(value: u64) -> i64 {
    (value >> 1) as i64 ^ -((value & 1) as i64)
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Result<&'a [u8], ModelError> {
        let slice = self
            .bytes
            .get(self.at..self.at + count)
            .ok_or(ModelError::Truncated)?;
        self.at += count;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        let bytes = self.take(4)?;
        Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= ((byte & 0x7f) as u64) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        Err(ModelError::Truncated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_survive_a_round_trip_through_bytes() {
        let bits = 8;
        let mut emissions = vec![0f32; (1 << bits) * TAG_COUNT];
        emissions[5] = 2.5;
        emissions[300] = -1.0;
        emissions[4000] = 0.001;
        let transitions = [[0.5f32; TAG_COUNT]; TAG_COUNT];
        let model = Model::quantise(bits, &emissions, &transitions, &[0.25; TAG_COUNT], 0);
        let decoded = Model::from_bytes(&model.to_bytes()).expect("decodes");
        assert_eq!(decoded.emissions, model.emissions);
        assert_eq!(decoded.transitions, model.transitions);
        assert_eq!(decoded.start, model.start);
    }

    #[test]
    fn garbage_is_rejected_without_panicking() {
        assert_eq!(
            Model::from_bytes(b"nonsense").err(),
            Some(ModelError::BadMagic)
        );
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&12u32.to_le_bytes());
        assert_eq!(Model::from_bytes(&bytes).err(), Some(ModelError::Truncated));
    }
}
