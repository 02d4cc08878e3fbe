//! Articles arriving from the loader while the reader is already open: the corpus, the
//! per-article views and read marks grow; the last batch ends the loading.

use crate::corpus::LoadBatch;
use crate::effect::Effect;
use crate::state::{ArticleView, Phase, Progress, State};

pub fn arrived(state: &mut State, batch: LoadBatch) -> Vec<Effect> {
    let from = state.corpus.articles.len();
    let last = batch.is_last();
    let (done, total, elapsed_ms) = (batch.files_done, batch.files_total, batch.elapsed_ms);
    let corpus = std::sync::Arc::make_mut(&mut state.corpus);
    corpus.articles.extend(batch.articles);
    corpus.warnings.extend(batch.warnings);
    let count = corpus.articles.len();
    state.views.resize(count, ArticleView::default());
    state.read.resize(count, false);
    let mut effects = Vec::new();
    if count > from {
        effects.push(Effect::Arrived { from });
    }
    if last {
        state.loading = false;
        state.progress = None;
        let notices = crate::corpus::load::summarise_warnings(&state.corpus.warnings, 5);
        if !notices.is_empty() {
            state.notices.extend(notices);
            state.notice_visible = true;
        }
        effects.push(Effect::Loaded);
    } else {
        state.progress = Some(Progress {
            phase: Phase::Loading,
            done,
            total,
            elapsed_ms,
        });
    }
    effects
}

/// Annotation keys while articles are still arriving.
pub fn refuse_annotations(state: &mut State) {
    let (done, total) = state.progress.map_or((0, 0), |p| (p.done, p.total));
    state.notice(format!(
        "annotations open once every file has loaded ({done}/{total})"
    ));
}
