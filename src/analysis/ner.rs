//! Named-entity recognition for news articles: a statistical tagger (averaged perceptron over
//! hashed features, BILOU tags, Viterbi decoding) trained on CoNLL-2003, plus date rules,
//! hand-written gazetteers and document-level consistency. Pure functions over text: no I/O,
//! no terminal types.

pub mod conll;
pub mod context;
pub mod evaluation;
pub mod feature_hash;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod recognizer;
pub mod shape;
pub mod tag;
pub mod token;
pub mod trainer;
pub mod viterbi;

pub use recognizer::Recognizer;
