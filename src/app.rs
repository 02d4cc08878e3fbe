//! The event loop: terminal and signal events become messages, `update` changes the state,
//! effects run here, and the screen is drawn only after something happened. The terminal is
//! restored on quit, on error, on panic (ratatui's hook, plus mouse capture) and on SIGTERM
//! and SIGHUP.

use crate::analysis::{CorpusAnalysis, EntityCorrections};
use crate::corpus::store::AnnotationStore;
use crate::corpus::{AnalysisCache, Corpus, StreamingLoad};
use crate::effect::Effect;
use crate::keymap::{Key, KeyCode};
use crate::state::State;
use crate::ui::theme::{Palette, Theme};
use crate::update::Saved;
use crate::update::{update, Message};
use crate::view_store::ViewStore;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, KeyModifiers, KeyboardEnhancementFlags, MouseButton, MouseEventKind,
    PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::execute;
use std::io::stdout;
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;

/// The longest the screen goes without a frame while events keep arriving.
const FRAME_GAP: std::time::Duration = std::time::Duration::from_millis(50);
/// The background analysis reports its progress at most this often (milliseconds).
const PROGRESS_GAP_MS: u64 = 40;

/// How long the keys must pause before changed reading positions are written.
const VIEWS_SAVE_PAUSE: std::time::Duration = std::time::Duration::from_millis(700);

enum AppEvent {
    /// An input event and when the input thread read it.
    Terminal(Event, std::time::Instant),
    /// A message from a worker (finder results).
    Message(Message),
    /// SIGTERM or SIGHUP: leave cleanly.
    Terminate,
}

/// Runs the reader until the user quits. With `loader`, `state` holds the head of the corpus
/// and the rest streams in from worker threads; annotations open and the analysis starts once
/// every article has arrived.
pub fn run(
    mut state: State,
    theme: Theme,
    annotations: Option<&std::path::Path>,
    loader: Option<StreamingLoad>,
) -> std::io::Result<()> {
    state.no_color = theme.palette == Palette::NoColor;
    // The analysis reads and writes the same cache the loader read (none with --no-cache).
    let cache = loader
        .as_ref()
        .map_or_else(AnalysisCache::open_default, |l| l.cache().clone());
    let loader = loader.filter(|l| l.remaining() > 0);
    state.loading = loader.is_some();
    let mut store = match &loader {
        Some(loader) => ViewStore::for_paths(loader.files()),
        None => ViewStore::for_corpus(&state.corpus),
    };
    if let Err(notice) = store.load_into(&mut state) {
        state.notice(notice);
    }
    let mut annotation_store = match state.loading {
        true => None,
        false => Some(open_annotations(&mut state, annotations)),
    };
    // Entities, alignment and the story map come from a worker; the reader is usable at once.
    let mut terminal = ratatui::try_init()?;
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave_modes();
        ratatui_hook(info);
    }));
    enter_modes()?;

    let (tx, rx) = mpsc::channel();
    let input = tx.clone();
    thread::spawn(move || {
        while let Ok(event) = event::read() {
            let read_at = std::time::Instant::now();
            if input.send(AppEvent::Terminal(event, read_at)).is_err() {
                break;
            }
        }
    });
    let analysis_events = tx.clone();
    let searches = spawn_search_thread(tx.clone());
    if loader.is_none() {
        spawn_analysis(&state, &cache, tx.clone());
    }
    let batches = tx.clone();
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ]) {
        thread::spawn(move || {
            if signals.forever().next().is_some() {
                let _ = tx.send(AppEvent::Terminate);
            }
        });
    }

    let size = terminal.size()?;
    update(
        &mut state,
        Message::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut fault = RenderFault::from_env();
    // Reading positions are written once the keys pause (and on the way out, whatever the
    // way), not on every key: the file holds every article's position, which at 10,000
    // articles takes longer to write than a frame has.
    let mut views_dirty = false;
    let result = (|| -> std::io::Result<()> {
        draw(&mut terminal, &state, &theme, &mut fault)?;
        crate::timings::milestone("first-frame");
        if !state.loading {
            crate::timings::milestone("loaded");
        }
        // The rest of the corpus loads once the first frame is out, so its workers do not
        // compete with it for the cores.
        if let Some(loader) = loader {
            thread::spawn(move || {
                crate::parallel::lower_priority();
                loader.rest(|batch| {
                    let _ = batches.send(AppEvent::Message(Message::Loaded(batch)));
                })
            });
        }
        // When the key being handled was read, for the timings log.
        let mut key_read_at = None;
        // An event taken from the queue to see whether the frame could wait.
        let mut queued: Option<AppEvent> = None;
        let mut last_draw = std::time::Instant::now();
        // A change is not on screen yet: drawn once no event is waiting.
        let mut frame_owed = false;
        loop {
            if frame_owed && queued.is_none() {
                // Every event that was already waiting is handled (or a frame is due): the
                // frame goes out before waiting for more.
                draw(&mut terminal, &state, &theme, &mut fault)?;
                frame_owed = false;
                last_draw = std::time::Instant::now();
                if let Some(read_at) = key_read_at.take() {
                    crate::timings::since("key-to-frame", read_at);
                }
            }
            let event = match (queued.take(), views_dirty) {
                (Some(event), _) => Ok(event),
                (None, false) => rx.recv().map_err(|_| ()),
                (None, true) => match rx.recv_timeout(VIEWS_SAVE_PAUSE) {
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        views_dirty = false;
                        if let Err(notice) = store.save(&state) {
                            state.notice(notice);
                            frame_owed = true;
                        }
                        continue;
                    }
                    other => other.map_err(|_| ()),
                },
            };
            let Ok(event) = event else { break };
            let message = match event {
                AppEvent::Terminate => {
                    let _ = store.save(&state);
                    break;
                }
                AppEvent::Terminal(event, read_at) => match to_message(event) {
                    Some(message) => {
                        if matches!(message, Message::Key(_)) {
                            key_read_at = key_read_at.or(Some(read_at));
                        }
                        message
                    }
                    None => continue,
                },
                AppEvent::Message(message) => message,
            };
            match &message {
                Message::Progress(p) if p.phase == crate::state::Phase::Linking => {
                    crate::timings::milestone("recognised")
                }
                Message::Linked(..) => crate::timings::milestone("analysed"),
                Message::FinderIndexed(..) => crate::timings::milestone("finder-indexed"),
                _ => {}
            }
            if let (Some(f), Message::Key(_)) = (fault.as_mut(), &message) {
                f.armed = true;
            }
            let mut quit = false;
            for effect in update(&mut state, message) {
                match effect {
                    Effect::SaveViews => views_dirty = true,
                    Effect::Suspend => {
                        if std::mem::take(&mut views_dirty) {
                            let _ = store.save(&state);
                        }
                        suspend()?;
                        // A fresh terminal has empty buffers, so the next draw repaints all.
                        // (`Terminal::clear` would ask for the cursor position, and the input
                        // thread owns stdin.)
                        terminal = ratatui::Terminal::new(
                            ratatui::backend::CrosstermBackend::new(stdout()),
                        )?;
                    }
                    Effect::Quit => quit = true,
                    Effect::Search { seq, query, recent } => {
                        if let Some(index) = state.finder_index.clone() {
                            let _ = searches.send(SearchRequest {
                                seq,
                                query,
                                recent,
                                index,
                            });
                        }
                    }
                    Effect::SaveAnnotations => {
                        let saved = match annotation_store.as_mut() {
                            Some(store) => save_annotations(store, &state),
                            None => Saved::Failed("annotations are not open yet".into()),
                        };
                        update(&mut state, Message::Saved(saved));
                    }
                    Effect::Reanalyse => spawn_analysis(&state, &cache, analysis_events.clone()),
                    Effect::Arrived { from } => store.apply_arrived(&mut state, from),
                    Effect::Loaded => {
                        crate::timings::milestone("loaded");
                        annotation_store = Some(open_annotations(&mut state, annotations));
                        spawn_analysis(&state, &cache, analysis_events.clone());
                    }
                }
            }
            if quit || state.quit {
                break;
            }
            // Events already waiting are handled before the next frame: a burst of progress
            // messages or resizes costs one frame, and a key behind them does not wait for
            // frames nobody would see. A frame still goes out at least every `FRAME_GAP`.
            frame_owed = true;
            if last_draw.elapsed() < FRAME_GAP {
                queued = rx.try_recv().ok();
            }
        }
        Ok(())
    })();
    if views_dirty {
        let _ = store.save(&state);
    }
    leave_modes();
    ratatui::restore();
    result
}

fn draw(
    terminal: &mut ratatui::DefaultTerminal,
    state: &State,
    theme: &Theme,
    fault: &mut Option<RenderFault>,
) -> std::io::Result<()> {
    let strike = fault.as_ref().is_some_and(|f| f.armed);
    if strike && fault.as_ref().is_some_and(|f| !f.panic) {
        return Err(std::io::Error::other("test-only failure in render"));
    }
    let panic_now = strike;
    terminal.draw(|frame| {
        assert!(!panic_now, "test-only panic in render");
        crate::ui::draw(frame, state, theme)
    })?;
    Ok(())
}

/// A test aid for the end-to-end tests of terminal restoring: `PARALLAX_TEST_PANIC_IN_RENDER=1`
/// panics inside the drawing of the first frame after a key (frames the background analysis
/// asks for do not count), `=error` makes that frame fail with an I/O error. Read once at
/// start; unset, it costs one `Option` check a frame.
struct RenderFault {
    panic: bool,
    /// A key arrived: the next frame fails.
    armed: bool,
}

impl RenderFault {
    fn from_env() -> Option<RenderFault> {
        let value = std::env::var("PARALLAX_TEST_PANIC_IN_RENDER").ok()?;
        Some(RenderFault {
            panic: value != "error",
            armed: false,
        })
    }
}

/// Mouse, bracketed paste, and (where the terminal offers it) the keyboard protocol that tells
/// Ctrl-i from Tab.
/// The terminal is asked once, at start: later the input thread owns stdin.
fn enter_modes() -> std::io::Result<()> {
    static ENHANCED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    execute!(stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    let enhanced = *ENHANCED.get_or_init(|| {
        matches!(
            crossterm::terminal::supports_keyboard_enhancement(),
            Ok(true)
        )
    });
    if enhanced {
        execute!(
            stdout(),
            PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
        )?;
    }
    Ok(())
}

/// Undoes `enter_modes`; safe to call more than once, and from the panic hook.
fn leave_modes() {
    let _ = execute!(
        stdout(),
        PopKeyboardEnhancementFlags,
        DisableMouseCapture,
        DisableBracketedPaste
    );
}

/// Analyses the corpus on worker threads (the article on screen first), with the user's entity
/// corrections, reporting progress and then the whole analysis as messages. Mentions come from
/// the on-disk cache when it has them.
fn spawn_analysis(state: &State, cache: &AnalysisCache, events: mpsc::Sender<AppEvent>) {
    let cache = cache.clone();
    let corpus = Arc::clone(&state.corpus);
    let corrections = EntityCorrections::from_annotations(&state.annotations.list);
    let annotations = state.annotations.list.clone();
    let first = state.current;
    thread::spawn(move || {
        crate::parallel::lower_priority();
        let report = |progress| {
            let _ = events.send(AppEvent::Message(Message::Progress(progress)));
        };
        let (analysis, unsaved) = analyse_unsaved(&corpus, &corrections, first, &cache, report);
        let analysis = Arc::new(analysis);
        let table = crate::state::EntityTable::from_analysis(&analysis.entities);
        let message = Message::Linked(Arc::clone(&analysis), Box::new(table));
        if events.send(AppEvent::Message(message)).is_err() {
            return;
        }
        // Side by side: the open article's story map and coverage, so `m` and `C` open at
        // once (other stories' are built when first opened), the analysis into the cache
        // (after the reader has it), and the finder's index over every sentence, which is not
        // built on the UI thread either.
        let index = thread::scope(|scope| {
            scope.spawn(|| {
                if let Some(story) = analysis.story_of(first) {
                    analysis.story_map(story);
                    analysis.coverage(story);
                }
                if let Some(key) = unsaved {
                    cache.put_corpus(key, &analysis.to_cached());
                }
            });
            crate::analysis::finder::FinderIndex::build(
                &corpus,
                &analysis.entities.index,
                &annotations,
            )
        });
        let message = Message::FinderIndexed(Arc::new(index));
        let _ = events.send(AppEvent::Message(message));
    });
}

/// Recognises every article (cached, on all cores, `first` first), then clusters, aligns and
/// maps; the whole analysis comes from the cache when it has it, else goes into it. `report`
/// hears about progress at most every `PROGRESS_GAP_MS` (and when recognition is done).
pub fn analyse(
    corpus: &Corpus,
    corrections: &EntityCorrections,
    first: usize,
    cache: &AnalysisCache,
    report: impl Fn(crate::state::Progress) + Sync,
) -> CorpusAnalysis {
    let (analysis, unsaved) = analyse_unsaved(corpus, corrections, first, cache, report);
    if let Some(key) = unsaved {
        cache.put_corpus(key, &analysis.to_cached());
    }
    analysis
}

/// `analyse`, leaving the whole analysis for the caller to store (`put_corpus` under the key
/// given back, `None` when it came from the cache or cannot be keyed), so whoever is waiting
/// for it need not wait for the write too.
pub fn analyse_unsaved(
    corpus: &Corpus,
    corrections: &EntityCorrections,
    first: usize,
    cache: &AnalysisCache,
    report: impl Fn(crate::state::Progress) + Sync,
) -> (CorpusAnalysis, Option<crate::corpus::CorpusKey>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total = corpus.articles.len();
    let started = std::time::Instant::now();
    // Opening a corpus again reads its whole analysis back instead of redoing it.
    let key = crate::corpus::CorpusKey::of(corpus, &format!("{corrections:?}"));
    let cached = key
        .and_then(|k| cache.get_corpus(k))
        .and_then(|c| CorpusAnalysis::from_cached(c, total));
    if let Some(analysis) = cached {
        report(crate::state::Progress {
            phase: crate::state::Phase::Linking,
            done: total,
            total,
            elapsed_ms: started.elapsed().as_millis() as u64,
        });
        return (analysis, None);
    }
    let mut order: Vec<usize> = (0..total).collect();
    if first < total {
        order.swap(0, first);
    }
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let reported_at = std::sync::atomic::AtomicU64::new(0);
    let slots: Vec<std::sync::Mutex<Vec<crate::analysis::ner::RawMention>>> =
        (0..total).map(|_| Default::default()).collect();
    let threads = thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(total.max(1));
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&article) = order.get(i) else { break };
                let found = crate::corpus::mentions_cached(
                    cache,
                    &corpus.articles[article],
                    crate::corpus::CleanMode::Clean,
                );
                if let Ok(mut slot) = slots[article].lock() {
                    *slot = found;
                }
                let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                let elapsed_ms = started.elapsed().as_millis() as u64;
                // Each report costs the reader a frame: a few dozen a second move the gauge
                // as smoothly as hundreds would.
                let last = reported_at.load(Ordering::Relaxed);
                let due = elapsed_ms >= last + PROGRESS_GAP_MS
                    && reported_at
                        .compare_exchange(last, elapsed_ms, Ordering::Relaxed, Ordering::Relaxed)
                        .is_ok();
                if due || finished == total {
                    report(crate::state::Progress {
                        phase: crate::state::Phase::Recognising,
                        done: finished,
                        total,
                        elapsed_ms,
                    });
                }
            });
        }
    });
    report(crate::state::Progress {
        phase: crate::state::Phase::Linking,
        done: total,
        total,
        elapsed_ms: started.elapsed().as_millis() as u64,
    });
    let mentions = slots
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_default())
        .collect();
    let entities = crate::analysis::CorpusEntities::from_mentions(corpus, mentions, corrections);
    (CorpusAnalysis::from_entities(corpus, entities), key)
}

/// Saves the whole list; a read-only store or a failed write comes back as `Saved::Failed`.
fn save_annotations(store: &mut AnnotationStore, state: &State) -> Saved {
    if let Some(why) = store.read_only() {
        return Saved::Failed(format!("annotations are read-only ({why})"));
    }
    match store.save(&state.annotations.list) {
        Ok(merged) => Saved::Ok(merged),
        Err(e) => Saved::Failed(e.to_string()),
    }
}

/// Opens the corpus's annotation store and loads it into the state.
pub fn open_annotations(state: &mut State, explicit: Option<&std::path::Path>) -> AnnotationStore {
    let location = AnnotationStore::locate(&state.corpus, explicit);
    let description = location.description.clone();
    let store = AnnotationStore::open(location);
    let corpus = &state.corpus;
    state
        .annotations
        .replace(store.annotations().to_vec(), corpus);
    state.annotations.location = description;
    if let Some(why) = store.read_only() {
        state.annotations.read_only = Some(why.to_string());
        state.notice(format!("annotations read-only: {why}"));
    }
    store
}

/// One finder query for the search thread.
struct SearchRequest {
    seq: u64,
    query: String,
    recent: Vec<crate::analysis::finder::Target>,
    index: Arc<crate::analysis::finder::FinderIndex>,
}

/// Runs finder queries off the input path. Only the newest waiting query is run; the previous
/// results are kept so a narrowing query re-ranks only their survivors.
fn spawn_search_thread(events: mpsc::Sender<AppEvent>) -> mpsc::Sender<SearchRequest> {
    let (tx, rx) = mpsc::channel::<SearchRequest>();
    thread::spawn(move || {
        let mut previous: Option<crate::analysis::finder::Results> = None;
        while let Ok(mut request) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                request = newer;
            }
            let options = crate::analysis::finder::SearchOptions {
                recent: crate::analysis::finder::Recent::new(request.recent),
                ..Default::default()
            };
            let results = request
                .index
                .search(&request.query, &options, previous.as_ref());
            previous = Some(results.clone());
            let message = Message::Found {
                seq: request.seq,
                results,
            };
            if events.send(AppEvent::Message(message)).is_err() {
                break;
            }
        }
    });
    tx
}

/// Ctrl-z: give the terminal back, stop, and take it again on `fg`.
fn suspend() -> std::io::Result<()> {
    leave_modes();
    ratatui::restore();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    crossterm::terminal::enable_raw_mode()?;
    execute!(
        stdout(),
        crossterm::terminal::EnterAlternateScreen,
        EnableMouseCapture
    )?;
    Ok(())
}

/// Terminal events Parallax acts on; mouse motion and key releases are ignored.
fn to_message(event: Event) -> Option<Message> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
            let code = match key.code {
                event::KeyCode::Char(c) => KeyCode::Char(c),
                event::KeyCode::Up => KeyCode::Up,
                event::KeyCode::Down => KeyCode::Down,
                event::KeyCode::Left => KeyCode::Left,
                event::KeyCode::Right => KeyCode::Right,
                event::KeyCode::PageUp => KeyCode::PageUp,
                event::KeyCode::PageDown => KeyCode::PageDown,
                event::KeyCode::Home => KeyCode::Home,
                event::KeyCode::End => KeyCode::End,
                event::KeyCode::Enter => KeyCode::Enter,
                event::KeyCode::Esc => KeyCode::Esc,
                event::KeyCode::Tab => KeyCode::Tab,
                event::KeyCode::BackTab => KeyCode::BackTab,
                event::KeyCode::Backspace => KeyCode::Backspace,
                event::KeyCode::Delete => KeyCode::Delete,
                _ => return None,
            };
            Some(Message::Key(Key { code, ctrl }))
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Message::Click {
                x: mouse.column,
                y: mouse.row,
            }),
            MouseEventKind::ScrollDown => Some(Message::Wheel {
                x: mouse.column,
                y: mouse.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Message::Wheel {
                x: mouse.column,
                y: mouse.row,
                down: false,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Message::Resize { width, height }),
        Event::Paste(text) => Some(Message::Paste(text)),
        _ => None,
    }
}
