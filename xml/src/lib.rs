//! The text of the XML inside DOCX, ODT and EPUB files, and of HTML pages, read with
//! `quick-xml` (a streaming reader that resolves namespaces), compiled to a wasm of its own
//! (`www/pkg-xml/`) that the page's formats worker (`www/import/formats-worker.js`) loads when
//! such a file is opened, and linked natively by the command-line tool (which reads HTML
//! files with it too), so that both read the same text. The
//! browser's one XML parser, `DOMParser`, exists on the page's thread only, where reading a
//! large document blocked the page. Each function keeps the rules of the page's readers
//! before it (`www/import/formats/index.js`, `www/import/html.js`): the same text, in one
//! pass, without building a tree.
//!
//! ```
//! let xml = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
//!   <w:body><w:p><w:r><w:t>Dear</w:t><w:tab/><w:t>Margot</w:t></w:r></w:p></w:body></w:document>"#;
//! assert_eq!(text_explorer_xml::docx_text(xml).unwrap(), "Dear\tMargot\n");
//! ```

#![deny(missing_docs)]
#![forbid(unsafe_code)]

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::NsReader;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

/// Why a part could not be read: a message for the user (in English, as the page's other
/// reasons for a damaged file are).
pub type Error = String;

/// One element's start (or an empty element), as the readers see it: its namespace (empty
/// when none) and local name.
struct Name<'a> {
    ns: &'a str,
    local: &'a str,
}

/// The events of `xml` with each element's resolved name, given to `each` until the end;
/// `Err` when the XML is not well-formed, naming `what`. `lenient` (an EPUB's chapter, which
/// the page's HTML parser used to read, and never refused) reads on past what XML forbids: an
/// end tag that does not match, a bare `&`, an unknown entity (kept as written); otherwise an
/// element left open at the end is an error too.
fn read(xml: &str, what: &str, lenient: bool, mut each: impl FnMut(Step<'_>)) -> Result<(), Error> {
    let mut reader = NsReader::from_str(xml);
    if lenient {
        let config = reader.config_mut();
        config.check_end_names = false;
        config.allow_unmatched_ends = true;
        config.allow_dangling_amp = true;
    }
    let bad = |e: &dyn std::fmt::Display| format!("{what} is not well-formed XML ({e})");
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| bad(&e))?;
        match event {
            Event::Start(e) => {
                depth += 1;
                let (ns, local) = reader.resolver().resolve_element(e.name());
                each(Step::Start(name(&ns, local.as_ref()), &e));
            }
            Event::Empty(e) => {
                let (ns, local) = reader.resolver().resolve_element(e.name());
                each(Step::Start(name(&ns, local.as_ref()), &e));
                each(Step::End(local.as_ref()));
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                each(Step::End(e.local_name().as_ref()));
            }
            Event::Text(e) => each(Step::Text(&e.xml10_content())),
            Event::CData(e) => each(Step::Text(&e.xml10_content())),
            Event::GeneralRef(e) => match reference(&e) {
                Some(text) => each(Step::Text(&text)),
                None if lenient => each(Step::Text(&format!("&{};", &*e))),
                None => return Err(bad(&format!("unknown entity &{};", &*e))),
            },
            Event::Eof if depth > 0 && !lenient => {
                return Err(bad(&"an element is not closed"));
            }
            Event::Eof => return Ok(()),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

/// An event as the readers take it (an end, with the element's local name).
enum Step<'a> {
    Start(Name<'a>, &'a BytesStart<'a>),
    End(&'a str),
    Text(&'a str),
}

fn name<'a>(ns: &ResolveResult<'a>, local: &'a str) -> Name<'a> {
    let ns = match ns {
        ResolveResult::Bound(Namespace(ns)) => ns,
        _ => "",
    };
    Name { ns, local }
}

/// The text of an entity reference: a character reference, one of XML's five, or (for the
/// XHTML of older EPUBs, which may use HTML's names) an HTML named character reference.
fn reference(r: &BytesRef<'_>) -> Option<String> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten().map(String::from);
    }
    quick_xml::escape::resolve_html5_entity(r).map(String::from)
}

/// An attribute's value by its local name (any namespace), entities resolved.
fn attribute(e: &BytesStart<'_>, local: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local).then(|| {
            let html = |name: &str| quick_xml::escape::resolve_html5_entity(name);
            match a.normalized_value_with(quick_xml::XmlVersion::Implicit1_0, 4, html) {
                Ok(value) => value.into_owned(),
                Err(_) => a.value.as_ref().to_string(),
            }
        })
    })
}

/// The text of a DOCX's `word/document.xml`: paragraphs (`w:p`) end with a line break, `w:t`
/// text, `w:tab` a tab, `w:br` and `w:cr` a line break, `w:noBreakHyphen` U+2011; deleted
/// text, field codes, properties and a drawing's fallback copy (`mc:Fallback`) are left out.
/// Only the body (`w:body`) is read; `Err` when there is none.
pub fn docx_text(xml: &str) -> Result<String, Error> {
    #[derive(PartialEq)]
    enum Open {
        Body,
        Paragraph,
        Text,
        Other,
    }
    let mut out = String::new();
    let mut open: Vec<Open> = Vec::new();
    let mut body = false;
    let mut skip = 0usize; // the depth inside a skipped element, 0 when reading
    let mut in_text = 0usize;
    read(xml, "word/document.xml", false, |step| match step {
        Step::Start(n, _) => {
            if skip > 0 {
                skip += 1;
                return;
            }
            let inside = open.contains(&Open::Body);
            if !inside {
                let is_body = n.ns == W && n.local == "body" && !body;
                body |= is_body;
                open.push(if is_body { Open::Body } else { Open::Other });
                return;
            }
            if n.ns == MC && n.local == "Fallback" {
                skip = 1;
                return;
            }
            let kind = match (n.ns == W).then_some(n.local) {
                Some("t") => Open::Text,
                Some("p") => Open::Paragraph,
                Some("tab") => {
                    out.push('\t');
                    Open::Other
                }
                Some("br" | "cr") => {
                    out.push('\n');
                    Open::Other
                }
                Some("noBreakHyphen") => {
                    out.push('\u{2011}');
                    Open::Other
                }
                Some("delText" | "instrText" | "pPr" | "rPr" | "sectPr") => {
                    skip = 1;
                    return;
                }
                _ => Open::Other,
            };
            if kind == Open::Text {
                in_text += 1;
            }
            open.push(kind);
        }
        Step::End(_) => {
            if skip > 0 {
                skip -= 1;
                return;
            }
            match open.pop() {
                Some(Open::Paragraph) => out.push('\n'),
                Some(Open::Text) => in_text -= 1,
                _ => {}
            }
        }
        Step::Text(text) => {
            if skip == 0 && in_text > 0 {
                out.push_str(text);
            }
        }
    })?;
    if !body {
        return Err("no document body".into());
    }
    Ok(out)
}

/// The text of an ODT's `content.xml`: `text:p` and `text:h` end with a line break,
/// `text:s` writes its `text:c` spaces (at most 1,000), `text:tab` a tab, `text:line-break`
/// a line break; runs of XML white space in the text are one space (ODF's rule); notes,
/// tracked changes, the sequence declarations and comments (`office:annotation`) are left
/// out. Only the body (`office:text`) is read; `Err` when there is none.
pub fn odt_text(xml: &str) -> Result<String, Error> {
    let mut out = String::new();
    let mut pending = String::new(); // the text node being read (runs collapse within one)
    let mut open: Vec<bool> = Vec::new(); // per open element: does it end a line?
    let mut depth_in_body = 0usize; // 0: outside; else 1 + the depth inside office:text
    let mut found = false;
    let mut skip = 0usize;
    // ODF collapses runs of XML white space (text:s writes the spaces that count).
    let flush = |pending: &mut String, out: &mut String| {
        collapse(pending, |c| matches!(c, ' ' | '\t' | '\r' | '\n'), out);
        pending.clear();
    };
    read(xml, "content.xml", false, |step| match step {
        Step::Start(n, e) => {
            if skip > 0 {
                skip += 1;
                return;
            }
            if depth_in_body == 0 {
                if n.ns == OFFICE && n.local == "text" && !found {
                    found = true;
                    depth_in_body = 1;
                }
                return;
            }
            flush(&mut pending, &mut out);
            if n.ns == OFFICE && n.local == "annotation" {
                skip = 1;
                return;
            }
            let mut line = false;
            if n.ns == TEXT {
                match n.local {
                    "s" => {
                        let c = attribute(e, "c").and_then(|c| c.trim().parse::<f64>().ok());
                        let c = c.filter(|c| *c >= 1.0).unwrap_or(1.0).min(1000.0) as usize;
                        out.extend(std::iter::repeat_n(' ', c));
                    }
                    "tab" => out.push('\t'),
                    "line-break" => out.push('\n'),
                    "p" | "h" => line = true,
                    "note" | "tracked-changes" | "sequence-decls" => {
                        skip = 1;
                        return;
                    }
                    _ => {}
                }
            }
            depth_in_body += 1;
            open.push(line);
        }
        Step::End(_) => {
            if skip > 0 {
                skip -= 1;
                return;
            }
            if depth_in_body == 0 {
                return;
            }
            flush(&mut pending, &mut out);
            depth_in_body -= 1;
            if depth_in_body > 0 && open.pop() == Some(true) {
                out.push('\n');
            }
        }
        Step::Text(text) => {
            if skip == 0 && depth_in_body > 0 {
                pending.push_str(text);
            }
        }
    })?;
    flush(&mut pending, &mut out);
    if !found {
        return Err("no office:text body".into());
    }
    Ok(out)
}

/// Elements whose content is never visible text (as `www/import/html.js`).
const HIDDEN: [&str; 9] = [
    "script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas",
];
/// Elements that start a new line of text (as `www/import/html.js`).
const BLOCKS: [&str; 34] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Whether JavaScript's `\s` matches `c` (Unicode white space but U+0085, and U+FEFF), as the
/// HTML reader's `replace(/\s+/g, ' ')` collapsed it.
fn js_space(c: char) -> bool {
    (c.is_whitespace() && c != '\u{85}') || c == '\u{feff}'
}

/// Elements that have no end tag in HTML (a page or a chapter may write `<br>` so).
const VOID: [&str; 13] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// `text` added to `out` with each run of `space` characters as one space.
fn collapse(text: &str, space: impl Fn(char) -> bool, out: &mut String) {
    let mut run = false;
    for c in text.chars() {
        if space(c) {
            run = true;
        } else {
            if run {
                out.push(' ');
                run = false;
            }
            out.push(c);
        }
    }
    if run {
        out.push(' ');
    }
}

/// HTML with the content of its raw-text elements (`<script>`, `<style>`) taken out: it
/// ends only at the element's end tag, whatever `<` it holds (HTML's rule), which an XML
/// reader would read as markup. The elements themselves stay, empty.
fn without_raw_text(html: &str) -> std::borrow::Cow<'_, str> {
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<script") && !lower.contains("<style") {
        return html.into();
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some((start, tag)) = ["<script", "<style"]
        .iter()
        .filter_map(|tag| lower[at..].find(tag).map(|i| (at + i, &tag[1..])))
        .min()
    {
        let after = start + 1 + tag.len();
        // `<scripts>` or `<styles>` are other elements.
        if !lower[after..].starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace()) {
            out.push_str(&html[at..after]);
            at = after;
            continue;
        }
        let Some(open_end) = lower[after..].find('>').map(|i| after + i + 1) else {
            break;
        };
        out.push_str(&html[at..open_end]);
        // `<script/>` has no content to take out.
        if lower[..open_end].ends_with("/>") {
            at = open_end;
            continue;
        }
        match lower[open_end..].find(&format!("</{tag}")) {
            Some(i) => at = open_end + i,
            None => {
                at = html.len();
                break;
            }
        }
    }
    out.push_str(&html[at..]);
    out.into()
}

/// An HTML page (or an EPUB's XHTML chapter) as the HTML reader (`www/import/html.js`) reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The visible text.
    pub text: String,
    /// The first `<title>`, its white space collapsed; `None` when there is none or it is blank.
    pub title: Option<String>,
    /// The `<meta>` tags with a `content`, as `[name, content]` (the name from `name`,
    /// `property` or `itemprop`, trimmed and lowercased in ASCII: Unicode's case tables cost
    /// the wasm 8.5 KB gzipped, for names that are ASCII), in order; then `canonical` for the
    /// canonical link and `pubdate` for the first `<time datetime>` marked `pubdate` or in an
    /// `<article>`.
    pub metas: Vec<(String, String)>,
}

/// The visible text of an HTML page or an XHTML document (an EPUB's chapter), its title and
/// its `<meta>` tags, by the rules of the HTML reader (`www/import/html.js`): scripts, styles,
/// the head and elements marked `hidden` left out, block elements on their own lines, runs of
/// white space one space (kept inside `pre`), spaces trimmed at the ends of lines, blank lines
/// at most one, the whole trimmed. Read leniently, as the HTML parser read it: a void element
/// (`<br>`) needs no end, an end tag closes the elements left open inside it, and one that
/// closes nothing is ignored; a bare `&` and an unknown entity are kept as written.
pub fn html_text(html: &str, what: &str) -> Result<Page, Error> {
    let html = without_raw_text(html);
    let mut parts = String::new();
    let mut pending = String::new(); // the text node being read, added at the next tag
    let mut open: Vec<(String, bool)> = Vec::new(); // per open element: (local name, block)
    let mut pre = 0usize;
    let mut hidden: Option<(String, usize)> = None; // a hidden element's name, and its depth
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut metas = Vec::new();
    let mut canonical = None;
    let mut pubdate = None;
    read(&html, what, true, |step| match step {
        Step::Start(n, e) => {
            let local = n.local.to_ascii_lowercase();
            let void = VOID.contains(&local.as_str());
            // What the head says, wherever it is.
            match local.as_str() {
                "title" if title.is_none() => {
                    title = Some(String::new());
                    in_title = true;
                }
                "meta" => {
                    let name = ["name", "property", "itemprop"]
                        .iter()
                        .find_map(|key| attribute(e, key));
                    if let (Some(name), Some(content)) = (name, attribute(e, "content")) {
                        metas.push((name.trim().to_ascii_lowercase(), content));
                    }
                }
                "link" if canonical.is_none() => {
                    let rel = attribute(e, "rel").unwrap_or_default();
                    if rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                    {
                        canonical = attribute(e, "href");
                    }
                }
                "time" if pubdate.is_none() => {
                    let dated = attribute(e, "pubdate").is_some()
                        || open.iter().any(|(o, _)| o == "article");
                    if dated {
                        pubdate = attribute(e, "datetime");
                    }
                }
                _ => {}
            }
            if let Some((name, depth)) = &mut hidden {
                if *name == local && !void {
                    *depth += 1;
                }
                return;
            }
            collapse_pending(&mut pending, pre > 0, &mut parts);
            if HIDDEN.contains(&local.as_str()) || attribute(e, "hidden").is_some() {
                if !void {
                    hidden = Some((local, 1));
                }
                return;
            }
            let block = BLOCKS.contains(&local.as_str());
            if block {
                parts.push('\n');
            }
            if void {
                // No content: its end at once.
                if block {
                    parts.push('\n');
                }
                return;
            }
            pre += usize::from(local == "pre");
            open.push((local, block));
        }
        Step::End(local) => {
            let local = local.to_ascii_lowercase();
            if local == "title" {
                in_title = false;
            }
            if let Some((name, depth)) = &mut hidden {
                if *name == local {
                    *depth -= 1;
                    if *depth == 0 {
                        hidden = None;
                    }
                }
                return;
            }
            if VOID.contains(&local.as_str()) {
                return; // its start ended it
            }
            collapse_pending(&mut pending, pre > 0, &mut parts);
            if let Some(at) = open.iter().rposition(|(name, _)| *name == local) {
                for (name, block) in open.drain(at..).rev() {
                    pre -= usize::from(name == "pre");
                    if block {
                        parts.push('\n');
                    }
                }
            }
        }
        Step::Text(text) => {
            if in_title {
                if let Some(title) = title.as_mut() {
                    title.push_str(text);
                }
            }
            if hidden.is_none() && !open.is_empty() {
                pending.push_str(text);
            }
        }
    })?;
    collapse_pending(&mut pending, pre > 0, &mut parts);
    metas.extend(canonical.map(|href| ("canonical".to_string(), href)));
    metas.extend(pubdate.map(|date| ("pubdate".to_string(), date)));
    let title = title
        .map(|t| {
            t.split(js_space)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|t| !t.is_empty());
    Ok(Page {
        text: lines(&parts),
        title,
        metas,
    })
}

/// A text node's text added as the HTML reader adds it (see [`collapse`]), unless in `pre`.
fn collapse_pending(pending: &mut String, pre: bool, out: &mut String) {
    match pre {
        true => out.push_str(pending),
        false => collapse(pending, js_space, out),
    }
    pending.clear();
}

/// Lines trimmed of spaces at both ends, at most one blank line, the whole trimmed (the HTML
/// reader's last step).
fn lines(parts: &str) -> String {
    let mut text = String::with_capacity(parts.len());
    let mut newlines = 0usize;
    for line in parts.split('\n') {
        let line = line.trim_matches(' ');
        if line.is_empty() {
            newlines += 1;
            continue;
        }
        if !text.is_empty() {
            text.extend(std::iter::repeat_n('\n', newlines.clamp(1, 2)));
        }
        newlines = 1;
        text.push_str(line);
    }
    text.trim_matches(js_space).to_string()
}

/// The visible text of an EPUB's XHTML chapter `what`: [`html_text`]'s.
pub fn xhtml_text(xml: &str, what: &str) -> Result<String, Error> {
    html_text(xml, what).map(|page| page.text)
}

/// The path of an EPUB's package file: the `full-path` of the first `rootfile` of
/// `META-INF/container.xml`.
pub fn epub_package(xml: &str) -> Result<String, Error> {
    let mut path = None;
    read(xml, "META-INF/container.xml", false, |step| {
        if let Step::Start(n, e) = step {
            if n.local == "rootfile" && path.is_none() {
                path = Some(attribute(e, "full-path").unwrap_or_default());
            }
        }
    })?;
    path.filter(|p| !p.is_empty())
        .ok_or_else(|| "no package file in META-INF/container.xml".into())
}

/// The chapters of an EPUB's package file (its `.opf`), in the order of its spine: the
/// `href` of each `itemref`'s manifest item whose media type is HTML (XHTML), as written.
pub fn epub_chapters(xml: &str, what: &str) -> Result<Vec<String>, Error> {
    let mut manifest = std::collections::HashMap::new();
    let mut spine = Vec::new();
    read(xml, what, false, |step| {
        if let Step::Start(n, e) = step {
            match n.local {
                "item" => {
                    let id = attribute(e, "id").unwrap_or_default();
                    let href = attribute(e, "href").unwrap_or_default();
                    let kind = attribute(e, "media-type").unwrap_or_default();
                    manifest.insert(id, (href, kind));
                }
                "itemref" => spine.push(attribute(e, "idref").unwrap_or_default()),
                _ => {}
            }
        }
    })?;
    Ok(spine
        .iter()
        .filter_map(|id| manifest.get(id))
        .filter(|(_, kind)| kind.to_ascii_lowercase().contains("html"))
        .map(|(href, _)| href.clone())
        .collect())
}

/// A document's properties: for each element (any namespace, any depth) whose local name is
/// a key of `names`, its field and its text (all the text inside it, trimmed) when that is
/// not blank, in document order. DOCX's `docProps/core.xml` and ODT's `meta.xml` hold them;
/// a part that is not well-formed gives none.
pub fn properties(xml: &str, names: &[(&str, &str)]) -> Vec<(String, String)> {
    // Open elements: the index in `found` of each one collecting, or None.
    let mut open: Vec<Option<usize>> = Vec::new();
    let mut found: Vec<(String, String)> = Vec::new();
    let read = read(xml, "properties", false, |step| match step {
        Step::Start(n, _) => {
            let field = names.iter().find(|(local, _)| *local == n.local);
            open.push(field.map(|(_, field)| {
                found.push(((*field).to_string(), String::new()));
                found.len() - 1
            }));
        }
        Step::End(_) => {
            open.pop();
        }
        Step::Text(text) => {
            for i in open.iter().flatten() {
                found[*i].1.push_str(text);
            }
        }
    });
    if read.is_err() {
        return Vec::new();
    }
    found
        .into_iter()
        .filter_map(|(field, value)| {
            let value = value.trim_matches(js_space);
            (!value.is_empty()).then(|| (field, value.to_string()))
        })
        .collect()
}

#[cfg(target_arch = "wasm32")]
mod wasm {
    use wasm_bindgen::prelude::*;

    /// The XML readers of this crate take UTF-8 bytes (as the page's `TextDecoder` read
    /// them: invalid bytes become U+FFFD) and throw their message as a string.
    fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(bytes)
    }

    /// The text of a DOCX's `word/document.xml` ([`crate::docx_text`]).
    #[wasm_bindgen(js_name = docxText)]
    pub fn docx_text(bytes: &[u8]) -> Result<String, JsValue> {
        crate::docx_text(&utf8(bytes)).map_err(JsValue::from)
    }

    /// The text of an ODT's `content.xml` ([`crate::odt_text`]).
    #[wasm_bindgen(js_name = odtText)]
    pub fn odt_text(bytes: &[u8]) -> Result<String, JsValue> {
        crate::odt_text(&utf8(bytes)).map_err(JsValue::from)
    }

    /// The visible text of an EPUB's XHTML chapter `what` ([`crate::xhtml_text`]).
    #[wasm_bindgen(js_name = xhtmlText)]
    pub fn xhtml_text(bytes: &[u8], what: &str) -> Result<String, JsValue> {
        crate::xhtml_text(&utf8(bytes), what).map_err(JsValue::from)
    }

    /// The package file's path in `META-INF/container.xml` ([`crate::epub_package`]).
    #[wasm_bindgen(js_name = epubPackage)]
    pub fn epub_package(bytes: &[u8]) -> Result<String, JsValue> {
        crate::epub_package(&utf8(bytes)).map_err(JsValue::from)
    }

    /// The chapters of the package file `what`, in spine order ([`crate::epub_chapters`]).
    #[wasm_bindgen(js_name = epubChapters)]
    pub fn epub_chapters(bytes: &[u8], what: &str) -> Result<Vec<String>, JsValue> {
        crate::epub_chapters(&utf8(bytes), what).map_err(JsValue::from)
    }

    /// A document's properties ([`crate::properties`]): `names` is flat, `[localName,
    /// field, …]`, and so is the answer, `[field, value, …]`.
    #[wasm_bindgen]
    pub fn properties(bytes: &[u8], names: Vec<String>) -> Vec<String> {
        let pairs: Vec<(&str, &str)> = names
            .chunks_exact(2)
            .map(|pair| (pair[0].as_str(), pair[1].as_str()))
            .collect();
        crate::properties(&utf8(bytes), &pairs)
            .into_iter()
            .flat_map(|(field, value)| [field, value])
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="{MC}" xmlns:wps="http://example.com/wps"><w:body>{body}</w:body></w:document>"#
        )
    }

    #[test]
    fn docx_paragraphs_runs_tabs_breaks_and_what_is_left_out() {
        let xml = docx(concat!(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr>"#,
            r#"<w:r><w:t xml:space="preserve">Yours </w:t><w:tab/><w:t>sincerely,</w:t><w:br/><w:t>Émile &amp; co</w:t></w:r></w:p>"#,
            r#"<w:p><w:r><w:delText>gone</w:delText><w:instrText>PAGE</w:instrText><w:t>well</w:t><w:noBreakHyphen/><w:t>known</w:t></w:r></w:p>"#,
            r#"<w:p><mc:AlternateContent><mc:Choice><w:t>box</w:t></mc:Choice><mc:Fallback><w:t>box</w:t></mc:Fallback></mc:AlternateContent></w:p>"#,
            r#"<w:sectPr><w:t>no</w:t></w:sectPr>"#,
        ));
        assert_eq!(
            docx_text(&xml).unwrap(),
            "Yours \tsincerely,\nÉmile & co\nwell\u{2011}known\nbox\n"
        );
    }

    #[test]
    fn docx_by_namespace_not_by_prefix() {
        let xml = format!(
            r#"<doc xmlns="{W}"><body><p><r><t>plain</t></r></p></body><t>outside</t></doc>"#
        );
        assert_eq!(docx_text(&xml).unwrap(), "plain\n");
        // The right names in another namespace are no DOCX.
        assert_eq!(
            docx_text(r#"<w:document xmlns:w="urn:other"><w:body/></w:document>"#),
            Err("no document body".to_string())
        );
    }

    #[test]
    fn broken_xml_is_refused_with_what_was_read() {
        let error = docx_text(&docx("<w:p><w:t>a</w:p>")).unwrap_err();
        assert!(
            error.starts_with("word/document.xml is not well-formed XML"),
            "{error}"
        );
        assert!(odt_text("<a>&nosuch;</a>")
            .unwrap_err()
            .contains("&nosuch;"));
    }

    #[test]
    fn odt_spaces_tabs_lines_and_what_is_left_out() {
        let xml = format!(
            r#"<office:document-content xmlns:office="{OFFICE}" xmlns:text="{TEXT}"><office:body><office:text>
<text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls>
<text:h>Minutes   of the
meeting</text:h><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d<text:s/>e</text:p><text:p>note<text:note><text:note-body><text:p>ignored</text:p></text:note-body></text:note>
<office:annotation><text:p>comment</text:p></office:annotation>d</text:p><text:p>naïve &amp; café<text:s text:c="5000"/>|</text:p></office:text></office:body></office:document-content>"#
        );
        let text = odt_text(&xml).unwrap();
        let expected = format!(
            "  Minutes of the meeting\na   b\tc\nd e\nnote d\nnaïve & café{}|\n",
            " ".repeat(1000)
        );
        assert_eq!(text, expected);
        assert_eq!(odt_text("<a/>"), Err("no office:text body".to_string()));
    }

    #[test]
    fn xhtml_as_the_html_reader_reads_it() {
        let xml = r#"<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Not text</title><style>p{}</style></head>
<body><h1>Chapter   One</h1>
  <p>The pelican counted&#160;seventeen <em>herrings</em>&nbsp;on the <b>pier</b>.</p>
  <script>var x = 1;</script><div hidden="hidden">secret</div>
  <pre>  kept
    as is</pre>
  <p>The gulls
  disagreed.</p></body></html>"#;
        assert_eq!(
            xhtml_text(xml, "ch1.xhtml").unwrap(),
            "Chapter One\n\nThe pelican counted seventeen herrings on the pier.\n\nkept\nas is\n\nThe gulls disagreed."
        );
    }

    #[test]
    fn a_chapter_that_is_not_well_formed_is_read_as_the_html_parser_read_it() {
        // HTML's habits in an EPUB's chapter: an unclosed <meta> and <br>, a bare &, an
        // unknown entity, an end tag that closes what was left open, one that closes nothing.
        let html = concat!(
            r#"<html><head><meta charset="utf-8"><title>T</title></head><body>"#,
            "<p>AT&T &amp; co &bogus; here<br>next line</p></span>",
            "<div><p>open paragraph<b>bold</div><p>after</p></body></html>"
        );
        assert_eq!(
            xhtml_text(html, "ch.html").unwrap(),
            "AT&T & co &bogus; here\n\nnext line\n\nopen paragraphbold\n\nafter"
        );
    }

    #[test]
    fn an_html_page_its_title_metas_blocks_and_what_is_hidden() {
        let page = concat!(
            r#"<!DOCTYPE html><html><head><title>The  page</title><meta name="Author" content="Ann">"#,
            r#"<meta property="og:title" content="OG"><meta charset="utf-8"><link rel="stylesheet canonical" href="https://x.test/a">"#,
            "<style>p { content: '</p>' }</style><script src=\"a.js\"/></head>",
            "<body><p>One &amp; two</p><script>if (a < b && c) x()</script><div>three<br>four</div>",
            r#"<article><time datetime="2024-06-03">3 June</time></article><noscript>no</noscript></body></html>"#
        );
        let read = html_text(page, "page.html").unwrap();
        assert_eq!(read.title.as_deref(), Some("The page"));
        let metas: Vec<(&str, &str)> = read
            .metas
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(
            metas,
            [
                ("author", "Ann"),
                ("og:title", "OG"),
                ("canonical", "https://x.test/a"),
                ("pubdate", "2024-06-03")
            ]
        );
        // <br> is a block, as in html.js: a line break before and after it.
        assert_eq!(read.text, "One & two\n\nthree\n\nfour\n\n3 June");
    }

    #[test]
    fn white_space_collapses_across_an_entity_as_in_one_text_node() {
        let xml = "<html><body><p>a \n&#160;\n b</p><pre> x &amp;  y </pre></body></html>";
        assert_eq!(xhtml_text(xml, "c").unwrap(), "a b\n\nx &  y");
        // U+0085 is not white space to JavaScript's \s.
        assert_eq!(xhtml_text("<p>a\u{85}b</p>", "c").unwrap(), "a\u{85}b");
    }

    #[test]
    fn strict_parts_refuse_an_element_left_open() {
        let error = docx_text(&format!(
            r#"<w:document xmlns:w="{W}"><w:body><w:p><w:t>cut"#
        ))
        .unwrap_err();
        assert!(error.contains("an element is not closed"), "{error}");
    }

    #[test]
    fn epub_package_and_spine_order() {
        let container = r#"<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;
        assert_eq!(epub_package(container).unwrap(), "OEBPS/content.opf");
        assert!(epub_package("<container/>").is_err());
        let opf = r#"<package xmlns="http://www.idpf.org/2007/opf"><manifest>
<item id="c2" href="two%20b.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="s.css" media-type="text/css"/>
<item id="c1" href="one.xhtml" media-type="application/xhtml+xml"/>
</manifest><spine><itemref idref="c1"/><itemref idref="css"/><itemref idref="missing"/><itemref idref="c2"/></spine></package>"#;
        assert_eq!(
            epub_chapters(opf, "content.opf").unwrap(),
            ["one.xhtml", "two%20b.xhtml"]
        );
    }

    #[test]
    fn properties_in_document_order_blank_ones_left_out() {
        let core = r#"<cp:coreProperties xmlns:cp="urn:cp" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>T</dc:title><dc:creator> Ada  Lovelace </dc:creator><dc:subject/><cp:keywords>otters, harbours</cp:keywords>
<dcterms:created>2024-06-03T10:00:00Z</dcterms:created></cp:coreProperties>"#;
        let names = [
            ("creator", "author"),
            ("created", "date"),
            ("subject", "subject"),
            ("keywords", "keywords"),
        ];
        let got = properties(core, &names);
        let want = [
            ("author", "Ada  Lovelace"),
            ("keywords", "otters, harbours"),
            ("date", "2024-06-03T10:00:00Z"),
        ];
        assert_eq!(
            got,
            want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
        );
        assert!(properties("<a><creator>x</a>", &names).is_empty());
    }
}
