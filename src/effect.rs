//! What `update` asks the outside world to do. Effects are data; the app's runner executes
//! them (the only place that touches the disk or the terminal).

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save the reading positions and read marks of this corpus.
    SaveViews,
    /// Save the annotations (the whole list); the result comes back as `Message::Saved`.
    SaveAnnotations,
    /// Recompute entities with the user's corrections; the result replaces the entity table.
    Reanalyse,
    /// Stop the process with SIGTSTP after restoring the terminal; redraw on resume.
    Suspend,
    /// Run the finder's query off the input path; results come back as `Message::Found`.
    Search {
        seq: u64,
        query: String,
        recent: Vec<crate::analysis::finder::Target>,
    },
    /// Articles from index `from` on have arrived: apply their saved reading positions.
    Arrived { from: usize },
    /// Every article has loaded: open the annotations and start the analysis.
    Loaded,
    /// Leave the event loop.
    Quit,
}
