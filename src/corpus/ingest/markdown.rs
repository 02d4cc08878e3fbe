//! Markdown as reading text (pulldown-cmark): headings, paragraphs, list items and quotes
//! become paragraphs; emphasis, links and code become their plain text; images and raw HTML
//! are dropped. Front matter fills the metadata.

use super::front_matter::split_front_matter;
use super::{compose, one_line, Extracted};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn render_markdown(text: &str) -> Extracted {
    let (meta, body) = split_front_matter(text);
    let mut blocks = blocks_of(body);
    // The front matter's title stands first; a leading heading that repeats it goes.
    let title = match &meta.title {
        Some(title) => {
            if blocks
                .first()
                .is_some_and(|b| one_line(b) == one_line(title))
            {
                blocks.remove(0);
            }
            Some(title.clone())
        }
        None if !blocks.is_empty() => Some(blocks.remove(0)),
        None => None,
    };
    let dek = meta.subtitle.as_deref().filter(|d| {
        blocks
            .first()
            .is_none_or(|first| !one_line(first).starts_with(one_line(d).trim_end_matches('.')))
    });
    let text = compose(
        title.as_deref(),
        dek,
        meta.byline.as_deref(),
        &blocks.join("\n\n"),
    );
    Extracted { text, meta }
}

/// The text of each block, in order.
fn blocks_of(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut image_depth = 0usize;
    let flush = |current: &mut String, blocks: &mut Vec<String>| {
        let block = one_line(current);
        if !block.is_empty() {
            blocks.push(block);
        }
        current.clear();
    };
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut blocks);
                current.push_str("• ");
            }
            Event::Start(
                Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_),
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            )
            | Event::Rule => flush(&mut current, &mut blocks),
            Event::End(TagEnd::TableCell) => current.push_str(" | "),
            Event::Text(text) | Event::Code(text) => current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::FootnoteReference(name) => current.push_str(&format!("[{name}]")),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
        .into_iter()
        .map(|b| b.trim_end_matches(" |").to_string())
        .filter(|b| b != "•")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_plain_reading_text() {
        let md = "# Ships *wait* off the coast\n\nMore than **twenty** ships [waited](https://x.example) on `Monday`.\n![a crane](c.jpg)\n\n## Why\n\n- one\n- two\n\n> A quote\n> on two lines.\n";
        let text = render_markdown(md).text;
        assert_eq!(
            text,
            "Ships wait off the coast\n\nMore than twenty ships waited on Monday.\n\nWhy\n\n• one\n\n• two\n\nA quote on two lines.\n"
        );
    }

    #[test]
    fn front_matter_gives_title_and_byline() {
        let md = "---\ntitle: Ships wait\nauthor: Ann Lee\noutlet: Example News\n---\n# Ships wait\n\nBody text here.\n";
        let extracted = render_markdown(md);
        assert_eq!(
            extracted.text,
            "Ships wait\n\nBy Ann Lee\n\nBody text here.\n"
        );
        assert_eq!(extracted.meta.outlet.as_deref(), Some("Example News"));
    }
}
