//! Hostile text through the reader itself, in tmux, with every byte it writes to the terminal
//! recorded (`tmux pipe-pane`): articles, titles, file names and imported notes full of escape
//! sequences never make it write anything but plain text and CSI sequences — no OSC (title,
//! clipboard, hyperlinks), DCS, APC, PM, SOS, BEL or C1 control — and the screen shows the
//! placeholders instead.

#[path = "support/tmux.rs"]
mod tmux;

use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;
use tmux::{Session, READER_STARTS};

/// The escape-laden note of the imported annotation: a title change, colours, a C1 CSI, a bell.
const NOTE: &str = "note \u{1b}]0;pwned-note\u{7} \u{1b}[31mred\u{1b}[0m \u{9b}2J \u{7} end";

fn hostile_corpus(dir: &Path) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
    }
    // File names with escape sequences: ESC, BEL and a C1 CSI in the id and the path.
    let named = |name: &[u8], text: &str| {
        let name = std::ffi::OsStr::from_bytes(name);
        std::fs::write(dir.join(name), text).unwrap();
    };
    named(
        b"esc\x1b]0;pwned-name\x07name.txt",
        "Named \u{1b}]0;pwned-head\u{7}Headline\n\nA body sentence with \u{1b}[2J a clear, officials said.\n",
    );
    named(
        b"c1\xc2\x9b31mname.txt",
        "C1 Named Headline\n\nAnother body sentence here, \u{9b}31m officials said.\n",
    );
}

/// A W3C file whose note, label and ids hold escape sequences; one item repeats an id and one
/// names a missing source, so the warnings carry file content too.
fn w3c_file(path: &Path) {
    let item = |id: &str, source: &str| {
        serde_json::json!({
            "id": id,
            "type": "Annotation",
            "body": [
                {"type": "TextualBody", "purpose": "tagging", "value": "tag\u{1b}[5m"},
                {"type": "TextualBody", "purpose": "commenting", "value": NOTE}
            ],
            "target": {"source": source, "selector": [
                {"type": "TextQuoteSelector", "exact": "The body has an OSC 52"}
            ]}
        })
    };
    let json = serde_json::json!([
        item("urn:x:\u{1b}]0;pwned-id\u{7}", "escapes.txt"),
        item("urn:x:\u{1b}]0;pwned-id\u{7}", "escapes.txt"),
        item("urn:x:other", "missing\u{1b}]0;pwned-source\u{7}.txt"),
    ]);
    std::fs::write(path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();
}

fn parallax(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

/// No character a terminal would act on, but newlines.
fn assert_inert_text(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect();
    assert!(
        bad.is_empty(),
        "{what}: control characters {bad:?} in:\n{text}"
    );
}

/// What the reader wrote: text and CSI sequences only. Returns the number of CSI sequences.
fn assert_only_text_and_csi(bytes: &[u8]) -> usize {
    let context = |at: usize| {
        String::from_utf8_lossy(&bytes[at.saturating_sub(40)..(at + 40).min(bytes.len())])
            .into_owned()
    };
    let mut csi = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0x1b => {
                assert_eq!(
                    bytes.get(i + 1),
                    Some(&b'['),
                    "ESC not starting a CSI: {:?}",
                    context(i)
                );
                i += 2;
                // Parameters and intermediates, then one final byte.
                while i < bytes.len() && (0x20..=0x3f).contains(&bytes[i]) {
                    i += 1;
                }
                assert!(
                    i < bytes.len() && (0x40..=0x7e).contains(&bytes[i]),
                    "malformed CSI: {:?}",
                    context(i)
                );
                csi += 1;
            }
            0xc2 if bytes.get(i + 1).is_some_and(|b| (0x80..=0x9f).contains(b)) => {
                panic!("C1 control written: {:?}", context(i))
            }
            b'\r' | b'\n' => {}
            b if b < 0x20 || b == 0x7f => panic!("control byte {b:#04x} written: {:?}", context(i)),
            _ => {}
        }
        i += 1;
    }
    csi
}

#[test]
fn the_reader_writes_only_text_and_csi_whatever_the_articles_names_and_notes_hold() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    hostile_corpus(&corpus);

    // Import notes with escape sequences, then list them as text: nothing active on stdout
    // or stderr.
    let w3c = dir.path().join("notes.jsonld");
    w3c_file(&w3c);
    let out = parallax(&[
        "annotations".as_ref(),
        "import".as_ref(),
        w3c.as_os_str(),
        corpus.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_inert_text(&out.stdout, "import stdout");
    assert_inert_text(&out.stderr, "import stderr");
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 imported"));
    let out = parallax(&[
        "annotations".as_ref(),
        "list".as_ref(),
        "--format".as_ref(),
        "text".as_ref(),
        corpus.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_inert_text(&out.stdout, "list stdout");
    assert_inert_text(&out.stderr, "list stderr");
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("␛]0;pwned-note␇"), "{listed}");

    let state = dir.path().join("session");
    std::fs::create_dir(&state).unwrap();
    let Some(session) = Session::start(140, 40, &state) else {
        return;
    };
    let recording = dir.path().join("terminal.bytes");
    session.record_output(&recording);
    let run = session.run(&[], &[corpus.as_os_str().as_bytes()]);
    session.wait_for("Sources (");
    let mut screens = String::new();
    // Every source, with hidden boilerplate shown and hidden, the entities pane, the help,
    // and the annotation list and note.
    for keys in [&["B"][..], &["e"], &["?"], &["Escape"], &["e"]] {
        session.keys(keys);
        sleep(Duration::from_millis(150));
    }
    for _ in 0..12 {
        session.keys(&["J"]);
        sleep(Duration::from_millis(150));
        screens.push_str(&session.screen(false));
        screens.push_str(&session.screen(true));
    }
    session.keys(&["A"]);
    screens.push_str(&session.wait_for("Annotations (1)"));
    session.keys(&["Enter"]);
    sleep(Duration::from_millis(300));
    screens.push_str(&session.screen(false));
    session.keys(&["Escape", "Escape", "q"]);
    assert_eq!(session.wait_for_exit(run), 0);
    sleep(Duration::from_millis(200));

    // The placeholders are on screen; the sequences were not acted on.
    for shown in [
        "␛]0;pwned title␇",
        "␛[31mred",
        "pwned-note",
        "esc␛]0;pwned-name␇name",
        "c1",
    ] {
        assert!(screens.contains(shown), "{shown:?} not shown:\n{screens}");
    }
    let title = tmux::tmux(&[
        "display-message",
        "-p",
        "-t",
        &session.name,
        "#{pane_title}",
    ]);
    assert!(
        !String::from_utf8_lossy(&title.stdout).contains("pwned"),
        "the title changed"
    );

    let bytes = std::fs::read(&recording).unwrap();
    let marker = READER_STARTS.as_bytes();
    let start = bytes
        .windows(marker.len())
        .position(|w| w == marker)
        .expect("the recording holds the reader's start")
        + marker.len();
    let exited = format!("EXITED{run}:");
    let end = bytes[start..]
        .windows(exited.len())
        .position(|w| w == exited.as_bytes())
        .map_or(bytes.len(), |at| start + at);
    let written = &bytes[start..end];
    let csi = assert_only_text_and_csi(written);
    assert!(
        written.len() > 10_000 && csi > 100,
        "the recording is the reader's output ({} bytes)",
        written.len()
    );
}
