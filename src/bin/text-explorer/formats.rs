//! The formats that are not plain text, read as the page reads them (www/import/formats/):
//! DOCX, ODT and EPUB with `zip` and the XML readers of `xml/` (text-explorer-xml, which the
//! page's formats worker runs in wasm), HTML by the same walk as www/import/html.js, and ZIP
//! archives of any supported files. RTF and PDF are
//! read by the page only (its own RTF reader and Mozilla's pdf.js): natively they are refused
//! by name, and the batch goes on.

use std::io::{Cursor, Read};

use text_explorer_xml as xml;

/// A file's text, its title (when the file says) and its metadata entries (name, value), in
/// order, for `metadata::entries_to_metadata`.
#[derive(Debug, Default)]
pub struct Extracted {
    pub text: String,
    pub title: Option<String>,
    pub entries: Vec<(String, String)>,
}

/// Blank lines at most one between paragraphs, spaces at the ends of lines trimmed.
pub fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_end_matches([' ', '\u{a0}']))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in lines {
        if line.is_empty() {
            blank += 1;
            if blank <= 1 {
                out.push('\n');
            }
            continue;
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_string()
}

/// The text of a DOCX's word/document.xml, as the page reads it (the decoder's
/// [`xml::docx_text`], which the page's worker runs too), tidied.
pub fn docx_text(xml: &str) -> Result<String, String> {
    xml::docx_text(xml).map(|text| tidy(&text))
}

/// The text of an ODT's content.xml, as the page reads it ([`xml::odt_text`]), tidied.
pub fn odt_text(xml: &str) -> Result<String, String> {
    xml::odt_text(xml).map(|text| tidy(&text))
}

/// The visible text of an HTML (or XHTML) page, its `<title>` and its `<meta>` tags, as the
/// page reads them ([`xml::html_text`], by www/import/html.js's rules, read leniently).
pub fn html_text(html: &str) -> Result<Extracted, String> {
    let page = xml::html_text(html, "the HTML")?;
    Ok(Extracted {
        text: page.text,
        title: page.title,
        entries: page.metas,
    })
}

/// A document's properties (DOCX docProps/core.xml, ODT meta.xml) as metadata entries, by
/// the field each element fills ([`xml::properties`], as the page reads them).
pub fn properties(xml: &str, names: &[(&str, &str)]) -> Vec<(String, String)> {
    xml::properties(xml, names)
}

/// DOCX core properties (Dublin Core) and ODT meta.xml elements, by the field each fills.
pub const DOCX_PROPERTIES: [(&str, &str); 5] = [
    ("creator", "author"),
    ("created", "date"),
    ("subject", "subject"),
    ("keywords", "keywords"),
    ("description", "description"),
];
pub const ODT_PROPERTIES: [(&str, &str); 5] = [
    ("initial-creator", "author"),
    ("creation-date", "date"),
    ("subject", "subject"),
    ("keyword", "keywords"),
    ("description", "description"),
];

/// A ZIP archive opened from bytes.
pub type Archive<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

pub fn open_zip(bytes: &[u8]) -> Result<Archive<'_>, String> {
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())
}

/// One entry's bytes, or None when the archive has no such entry.
pub fn entry(archive: &mut Archive<'_>, name: &str, max: u64) -> Result<Option<Vec<u8>>, String> {
    let mut file = match archive.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    if file.size() > max {
        return Err(format!("{name} is larger than {} MB", max / 1_048_576));
    }
    let mut out = Vec::with_capacity(file.size() as usize);
    file.read_to_end(&mut out).map_err(|e| e.to_string())?;
    Ok(Some(out))
}

/// An entry as UTF-8 XML, or an error naming it when it is missing.
pub fn xml_entry(archive: &mut Archive<'_>, name: &str, max: u64) -> Result<String, String> {
    let bytes = entry(archive, name, max)?.ok_or_else(|| format!("no {name}"))?;
    String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))
}

/// A path inside an archive, relative to the file `from` in it (percent-escapes decoded).
fn resolve_path(from: &str, href: &str) -> String {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in href.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    percent_decode(&parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            // By bytes: a multi-byte character after `%` is no escape (and no char boundary).
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((high * 16 + low) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// An EPUB's text: its chapters in the order of the package's spine, each read as the
/// page's worker reads it ([`xml::epub_package`], [`xml::epub_chapters`], [`xml::xhtml_text`]).
pub fn epub_text(archive: &mut Archive<'_>, max: u64) -> Result<String, String> {
    let opf_path = xml::epub_package(&xml_entry(archive, "META-INF/container.xml", max)?)?;
    let opf = xml_entry(archive, &opf_path, max)?;
    let mut chapters = Vec::new();
    for href in xml::epub_chapters(&opf, &opf_path)? {
        let path = resolve_path(&opf_path, &href);
        let Some(bytes) = entry(archive, &path, max)? else {
            continue;
        };
        chapters.push(xml::xhtml_text(&String::from_utf8_lossy(&bytes), &path)?);
    }
    if chapters.is_empty() {
        return Err("no chapters in the spine".into());
    }
    Ok(tidy(&chapters.join("\n\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_blocks_and_hidden() {
        let page = "<html><head><title>The  page</title><meta name=\"author\" content=\"Ann\"><style>p{}</style></head>\
            <body><p>One &amp; two</p><script>if (a < b) x()</script><div>three<br>four</div></body></html>";
        let read = html_text(page).unwrap();
        assert_eq!(read.title.as_deref(), Some("The page"));
        assert_eq!(read.entries, [("author".to_string(), "Ann".to_string())]);
        assert!(read.text.starts_with("One & two"), "{:?}", read.text);
        // <br> is a block, as in html.js: a line break before and after it.
        assert!(read.text.contains("three\n\nfour"), "{:?}", read.text);
        assert!(!read.text.contains("x()"));
    }

    #[test]
    fn percent_escapes_by_bytes() {
        // A `%` before a multi-byte character is kept (slicing the string there panicked).
        assert_eq!(percent_decode("a%é%41%2"), "a%éA%2");
        assert_eq!(
            resolve_path("OEBPS/content.opf", "text/ch%201.xhtml#top"),
            "OEBPS/text/ch 1.xhtml"
        );
    }

    #[test]
    fn tidy_lines() {
        assert_eq!(tidy("a  \n\n\n\nb\n"), "a\n\nb");
    }
}
