//! `parallax fetch` against a tiny HTTP server on 127.0.0.1 serving fixture pages: pages, a
//! feed, a redirect, and the failures (404, not HTML, a timeout, a refused connection), each
//! one line while the rest still succeed. No outside network.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::thread;
use std::time::Duration;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Serves the fixture routes on a free port until the test process ends (at most 200
/// connections); returns the base URL.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let feed = format!(
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Port Wire</title>
<item><title>Rotterdam dockers begin 48-hour strike</title><link>{base}/wire/dockers-strike</link>
<content:encoded><![CDATA[<p>Dock workers at the Port of Rotterdam began a 48-hour strike on Monday over automation.</p>]]></content:encoded></item>
<item><title>What we know so far</title><link>{base}/news/lowlands</link></item>
</channel></rss>"#
    );
    thread::spawn(move || {
        for stream in listener.incoming().take(200).flatten() {
            let feed = feed.clone();
            thread::spawn(move || answer(stream, &feed));
        }
    });
    base
}

fn answer(mut stream: TcpStream, feed: &str) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let page = |name: &str| fs::read(Path::new(FIXTURES).join("html").join(name)).unwrap();
    let (status, content_type, body, extra): (&str, &str, Vec<u8>, &str) = match path.as_str() {
        "/news/harbour" => (
            "200 OK",
            "text/html; charset=utf-8",
            page("harbour_gazette.html"),
            "",
        ),
        "/news/north" => ("200 OK", "text/html", page("north_sea_times.html"), ""),
        "/news/lowlands" => ("200 OK", "text/html", page("lowlands_daily.htm"), ""),
        "/old/harbour" => (
            "301 Moved Permanently",
            "text/plain",
            Vec::new(),
            "Location: /news/harbour\r\n",
        ),
        "/feed.rss" => (
            "200 OK",
            "application/rss+xml",
            feed.as_bytes().to_vec(),
            "",
        ),
        "/photo.png" => ("200 OK", "image/png", b"\x89PNG\r\n\x1a\n".to_vec(), ""),
        "/slow" => {
            thread::sleep(Duration::from_secs(4));
            ("200 OK", "text/html", page("north_sea_times.html"), "")
        }
        _ => (
            "404 Not Found",
            "text/html",
            b"<h1>Not found</h1>".to_vec(),
            "",
        ),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CACHE_HOME", std::env::temp_dir())
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn pages_and_a_feed_are_saved_with_their_metadata() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("corpus");
    let out = parallax(&[
        "fetch",
        &format!("{base}/old/harbour"),
        &format!("{base}/feed.rss"),
        "--into",
        into.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(stdout.contains("rotterdam-dock-strike.txt  Dock workers strike shuts Rotterdam"));
    // The page: its slug from the canonical URL, its text extracted, its metadata recorded.
    let saved = fs::read_to_string(into.join("rotterdam-dock-strike.txt")).unwrap();
    assert!(saved.starts_with("Dock workers strike shuts Rotterdam container terminals\n"));
    assert!(!saved.contains("cookies"));
    let manifest = fs::read_to_string(into.join("parallax.toml")).unwrap();
    assert!(
        manifest.contains("[\"rotterdam-dock-strike.txt\"]"),
        "{manifest}"
    );
    assert!(
        manifest.contains("outlet = \"The Harbour Gazette\""),
        "{manifest}"
    );
    // The feed: an item from its content, an item without content from its page.
    assert!(into.join("dockers-strike.txt").is_file());
    assert!(fs::read_to_string(into.join("lowlands.txt"))
        .unwrap()
        .contains("Why are the dockers striking?"));
    // The folder reads as a corpus with the metadata.
    let dump = parallax(&["dump", into.to_str().unwrap(), "--format", "json"]);
    assert!(dump.status.success(), "{}", text(&dump.stderr));
    let json: serde_json::Value = serde_json::from_slice(&dump.stdout).unwrap();
    let articles = json["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 3);
    let harbour = articles
        .iter()
        .find(|a| a["id"] == "rotterdam-dock-strike")
        .unwrap();
    assert_eq!(harbour["outlet"], "The Harbour Gazette");
    assert_eq!(harbour["byline"], "Marieke de Vries");
    assert_eq!(
        harbour["url"],
        "https://harbourgazette.example/news/2026/03/02/rotterdam-dock-strike"
    );
    let wire = articles
        .iter()
        .find(|a| a["id"] == "dockers-strike")
        .unwrap();
    assert_eq!(wire["outlet"], "Port Wire");
}

#[test]
fn each_failure_is_one_line_and_the_rest_still_succeed() {
    let base = serve();
    let closed = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/", listener.local_addr().unwrap())
    };
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("corpus");
    let urls = [
        format!("{base}/missing"),
        format!("{base}/photo.png"),
        format!("{base}/slow"),
        closed.clone(),
        "ftp://example.com/a".to_string(),
        format!("{base}/news/north"),
    ];
    let mut args = vec!["fetch", "--into", into.to_str().unwrap(), "--timeout", "1"];
    args.extend(urls.iter().map(String::as_str));
    let out = parallax(&args);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{stderr}");
    assert_eq!(
        lines[0],
        format!("parallax: error: {base}/missing: HTTP 404 Not Found")
    );
    assert_eq!(
        lines[1],
        format!("parallax: error: {base}/photo.png: not an HTML page or a feed (content type image/png)")
    );
    assert_eq!(
        lines[2],
        format!("parallax: error: {base}/slow: timed out after 1 s")
    );
    assert!(
        lines[3].starts_with(&format!("parallax: error: {closed}: cannot connect")),
        "{}",
        lines[3]
    );
    assert_eq!(
        lines[4],
        "parallax: error: ftp://example.com/a: not an http:// or https:// URL"
    );
    assert!(into
        .join("rotterdam-port-paralysed-dockers-strike.txt")
        .is_file());
    assert_eq!(text(&out.stdout).lines().count(), 1);
}

#[test]
fn an_article_fetched_before_is_kept_unless_forced() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("corpus");
    let url = format!("{base}/news/north");
    let fetch = |force: bool| {
        let mut args = vec!["fetch", url.as_str(), "--into", into.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        parallax(&args)
    };
    assert!(fetch(false).status.success());
    let file = into.join("rotterdam-port-paralysed-dockers-strike.txt");
    fs::write(&file, "my edits").unwrap();
    let again = fetch(false);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).starts_with("kept "),
        "{}",
        text(&again.stdout)
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "my edits");
    let forced = fetch(true);
    assert!(text(&forced.stdout).starts_with("replaced "));
    assert!(fs::read_to_string(&file)
        .unwrap()
        .starts_with("Rotterdam port paralysed"));
    let manifest = fs::read_to_string(into.join("parallax.toml")).unwrap();
    assert_eq!(
        manifest.matches("[\"rotterdam-port-paralysed").count(),
        1,
        "{manifest}"
    );
}
