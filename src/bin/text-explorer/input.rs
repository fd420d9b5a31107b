//! Folders, files and archives as documents to add, read as the page's import pipeline reads
//! them (www/import/): plain text in any encoding (the decode crate: BOM, UTF-8, chardetng),
//! Markdown with YAML front matter, HTML with its `<title>` and `<meta>` tags, CSV and TSV
//! with one row per document, DOCX, ODT, EPUB and ZIP archives of any of these. Each file is
//! read on its own core (rayon); the documents come out in the order of the files.

use std::path::PathBuf;

use rayon::prelude::*;
use text_explorer::index::Tokenized;
use text_explorer::metadata::{valid_date, Metadata};
use text_explorer::protocol::NewDocument;
use text_explorer::Field;

use crate::formats::{self, Extracted};

/// The largest file read (the page's MAX_FILE_BYTES), inside an archive too.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// ZIPs inside ZIPs are opened this deep, no deeper (the page's MAX_DEPTH).
const MAX_DEPTH: usize = 4;

/// A document to add, and the file it came from (for messages).
#[derive(Debug)]
pub struct Item {
    pub name: String,
    pub doc: NewDocument,
}

/// What reading a batch gave: the documents in order, and a message for each file refused
/// (by name) or read with something to say.
#[derive(Debug, Default)]
pub struct Batch {
    pub items: Vec<Item>,
    pub errors: Vec<String>,
    pub notes: Vec<String>,
}

impl Batch {
    fn extend(&mut self, other: Batch) {
        self.items.extend(other.items);
        self.errors.extend(other.errors);
        self.notes.extend(other.notes);
    }
    fn error(message: String) -> Batch {
        Batch {
            errors: vec![message],
            ..Batch::default()
        }
    }
}

/// How a batch is read.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The text column of CSV and TSV files (by name); else one named text, content, body…,
    /// else the longest on average.
    pub text_column: Option<String>,
}

/// A file to read: its path on disk and its name in messages and titles (its path relative
/// to the folder given, without the extension, is its title).
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub title: String,
    pub name: String,
}

/// The files of the inputs, in order: a folder's files sorted by path (hidden files and
/// folders left out), a file as itself. A missing input is an error.
pub fn sources(inputs: &[PathBuf]) -> Result<Vec<Source>, String> {
    let mut out = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input)
            .map_err(|e| format!("cannot read {}: {}", input.display(), io_reason(&e)))?;
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(input)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker {
                let entry = entry.map_err(|e| format!("cannot read {}: {e}", input.display()))?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = entry.path().strip_prefix(input).unwrap_or(entry.path());
                let relative = relative.to_string_lossy().replace('\\', "/");
                out.push(Source {
                    path: entry.path().to_path_buf(),
                    title: stem_path(&relative),
                    name: entry.path().display().to_string(),
                });
            }
        } else {
            let file_name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| input.display().to_string());
            out.push(Source {
                path: input.clone(),
                title: stem_path(&file_name),
                name: input.display().to_string(),
            });
        }
    }
    Ok(out)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A path without its extension (a folder's name may hold a dot), or the path itself when
/// that would leave nothing.
pub fn stem_path(path: &str) -> String {
    let file_start = path.rfind('/').map_or(0, |i| i + 1);
    match path[file_start..].rfind('.') {
        Some(dot) if dot > 0 => path[..file_start + dot].to_string(),
        _ => path.to_string(),
    }
}

fn extension(name: &str) -> String {
    let file = name.rsplit('/').next().unwrap_or(name);
    file.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Reads every source on all cores (`tick` is called once a file), and returns the
/// documents in the order of the sources, each file's refusal named.
pub fn read_all(sources: &[Source], options: &Options, tick: &(dyn Fn() + Sync)) -> Batch {
    let batches: Vec<Batch> = sources
        .par_iter()
        .map(|source| {
            let batch = match std::fs::metadata(&source.path) {
                Ok(m) if m.len() > MAX_FILE_BYTES => Batch::error(too_large(&source.name, m.len())),
                Ok(_) => match std::fs::read(&source.path) {
                    Ok(bytes) => read_file(&source.name, &source.title, &bytes, options, 0),
                    Err(e) => Batch::error(format!(
                        "{}: cannot be read: {}",
                        source.name,
                        io_reason(&e)
                    )),
                },
                Err(e) => Batch::error(format!(
                    "{}: cannot be read: {}",
                    source.name,
                    io_reason(&e)
                )),
            };
            tick();
            batch
        })
        .collect();
    let mut out = Batch::default();
    for batch in batches {
        out.extend(batch);
    }
    out
}

fn too_large(name: &str, bytes: u64) -> String {
    format!(
        "{name}: not added: {:.1} MB, over the {} MB a file may have",
        bytes as f64 / 1_048_576.0,
        MAX_FILE_BYTES / 1_048_576
    )
}

/// One file's documents (a table or an archive gives several).
pub fn read_file(name: &str, title: &str, bytes: &[u8], options: &Options, depth: usize) -> Batch {
    let ext = extension(name);
    let refuse = |why: &str| Batch::error(format!("{name}: not added: {why}"));
    match ext.as_str() {
        "textexplorer" => refuse("it is a corpus file (give it to kwic, terms, … instead)"),
        "rtf" | "pdf" => refuse(&format!(
            "{} files are read by the page only (open it in the page's Texts tab)",
            ext.to_uppercase()
        )),
        "docx" | "odt" | "epub" | "zip" => {
            match read_format(name, title, &ext, bytes, options, depth) {
                Ok(batch) => batch,
                Err(why) => refuse(&format!(
                    "this {} file is damaged or not one ({why})",
                    ext.to_uppercase()
                )),
            }
        }
        _ => read_text_file(name, title, &ext, bytes, options),
    }
}

fn read_text_file(name: &str, title: &str, ext: &str, bytes: &[u8], options: &Options) -> Batch {
    let refuse = |why: &str| Batch::error(format!("{name}: not added: {why}"));
    if bytes.is_empty() {
        return refuse("the file is empty");
    }
    if text_explorer_decode::looks_binary(bytes) {
        return refuse("it is not a text file");
    }
    let decoded = text_explorer_decode::decode(bytes);
    let how = match decoded.how {
        "bom" => "from its byte-order mark",
        "utf-8" => "valid UTF-8",
        other => other,
    };
    let encoding = format!("{} ({how})", decoded.encoding);
    let mut batch = Batch::default();
    if decoded.had_errors {
        batch.notes.push(format!(
            "{name}: some bytes are not valid {} and were replaced by �",
            decoded.encoding
        ));
    }
    let mut text = decoded.text;
    let mut title = title.to_string();
    let mut metadata = None;
    if matches!(ext, "html" | "htm" | "xhtml") {
        match formats::html_text(&text) {
            Ok(page) => {
                let read = html_metadata(&page, name);
                text = page.text;
                title = read.0.unwrap_or(title);
                metadata = read.1;
                batch.notes.extend(read.2);
            }
            Err(why) => return refuse(&why),
        }
    } else if matches!(ext, "md" | "markdown" | "mdown" | "mkd" | "mdx") {
        if let Some((rest, read)) = front_matter(&text, name, &mut batch.notes) {
            if !rest.trim().is_empty() {
                text = rest;
                title = read.0.unwrap_or(title);
                metadata = read.1;
            }
        }
    } else if matches!(ext, "csv" | "tsv" | "tab") {
        let delimiter = if ext == "csv" { b',' } else { b'\t' };
        match table_items(&text, name, &title, delimiter, options, &encoding) {
            Ok(Some(table)) => {
                batch.extend(table);
                return batch;
            }
            Ok(None) => {}
            Err(why) => return refuse(&why),
        }
    }
    if text.trim().is_empty() {
        return refuse("the file is empty");
    }
    batch.items.push(Item {
        name: name.to_string(),
        doc: NewDocument {
            title: Some(title),
            text,
            encoding: Some(encoding),
            metadata,
            key: None,
            language: None,
            language_detected: None,
        },
    });
    batch
}

fn read_format(
    name: &str,
    title: &str,
    ext: &str,
    bytes: &[u8],
    options: &Options,
    depth: usize,
) -> Result<Batch, String> {
    let mut archive = formats::open_zip(bytes)?;
    let item = |text: String, entries: Vec<(String, String)>, label: &str| {
        if text.trim().is_empty() {
            return Batch::error(format!("{name}: not added: the file is empty"));
        }
        let mut batch = Batch::default();
        let (_, metadata) = to_metadata(&entries, name, &mut batch.notes);
        batch.items.push(Item {
            name: name.to_string(),
            doc: NewDocument {
                title: Some(title.to_string()),
                text,
                encoding: Some(label.to_string()),
                metadata: has_metadata(&metadata).then_some(metadata),
                key: None,
                language: None,
                language_detected: None,
            },
        });
        batch
    };
    match ext {
        "docx" => {
            let text = formats::docx_text(&formats::xml_entry(
                &mut archive,
                "word/document.xml",
                MAX_FILE_BYTES,
            )?)?;
            let core = formats::xml_entry(&mut archive, "docProps/core.xml", MAX_FILE_BYTES)
                .unwrap_or_default();
            Ok(item(
                text,
                formats::properties(&core, &formats::DOCX_PROPERTIES),
                "DOCX",
            ))
        }
        "odt" => {
            let text = formats::odt_text(&formats::xml_entry(
                &mut archive,
                "content.xml",
                MAX_FILE_BYTES,
            )?)?;
            let meta =
                formats::xml_entry(&mut archive, "meta.xml", MAX_FILE_BYTES).unwrap_or_default();
            Ok(item(
                text,
                formats::properties(&meta, &formats::ODT_PROPERTIES),
                "ODT",
            ))
        }
        "epub" => Ok(item(
            formats::epub_text(&mut archive, MAX_FILE_BYTES)?,
            Vec::new(),
            "EPUB",
        )),
        _ => {
            if depth >= MAX_DEPTH {
                return Ok(Batch::error(format!(
                    "{name}: not added: archives inside archives go {MAX_DEPTH} deep at most"
                )));
            }
            let prefix = if depth > 0 {
                format!("{title}/")
            } else {
                String::new()
            };
            let mut batch = Batch::default();
            for i in 0..archive.len() {
                let mut file = match archive.by_index(i) {
                    Ok(file) => file,
                    Err(e) => {
                        batch
                            .errors
                            .push(format!("{name}: entry {i} is damaged ({e})"));
                        continue;
                    }
                };
                let path = file.name().to_string();
                if file.is_dir() || path.ends_with('/') || hidden_entry(&path) {
                    continue;
                }
                let inner = format!("{name}/{path}");
                if file.size() > MAX_FILE_BYTES {
                    batch.errors.push(too_large(&inner, file.size()));
                    continue;
                }
                let mut data = Vec::with_capacity(file.size() as usize);
                if let Err(e) = std::io::Read::read_to_end(&mut file, &mut data) {
                    batch.errors.push(format!(
                        "{inner}: not added: this ZIP entry is damaged ({e})"
                    ));
                    continue;
                }
                drop(file);
                batch.extend(read_file(
                    &inner,
                    &format!("{prefix}{}", stem_path(&path)),
                    &data,
                    options,
                    depth + 1,
                ));
            }
            Ok(batch)
        }
    }
}

/// The folders and files macOS and other systems add to archives (__MACOSX/, .DS_Store).
fn hidden_entry(path: &str) -> bool {
    path.split('/')
        .any(|part| part == "__MACOSX" || part.starts_with('.'))
}

/// Names that fill the title, author, date and source (compared without case).
const NAMED: [(&str, &[&str]); 4] = [
    ("title", &["title", "name", "headline"]),
    (
        "author",
        &["author", "authors", "creator", "by", "byline", "writer"],
    ),
    (
        "date",
        &["date", "published", "pubdate", "publication date", "year"],
    ),
    (
        "source",
        &["source", "url", "link", "citation", "permalink"],
    ),
];

/// The field a date that is not ISO 8601 goes to.
const DATE_AS_WRITTEN: &str = "date as written";

fn has_metadata(m: &Metadata) -> bool {
    m.author.is_some() || m.date.is_some() || m.source.is_some() || !m.fields.is_empty()
}

/// A record (name → value, in order) as a title and metadata, as www/import/metadata.js's
/// toMetadata: the named fields by their usual names, the rest as fields.
fn to_metadata(
    entries: &[(String, String)],
    what: &str,
    notes: &mut Vec<String>,
) -> (Option<String>, Metadata) {
    let mut metadata = Metadata::default();
    let mut title = None;
    let mut seen: Vec<String> = Vec::new();
    for (raw_name, raw_value) in entries {
        let name = raw_name.trim();
        let value = raw_value.trim();
        if name.is_empty() || value.is_empty() {
            continue;
        }
        let key = name.to_lowercase();
        let named = NAMED
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map(|(n, _)| *n);
        if named == Some("title") && title.is_none() {
            title = Some(value.to_string());
            continue;
        }
        let slot = match named {
            Some("author") => Some(&mut metadata.author),
            Some("date") => Some(&mut metadata.date),
            Some("source") => Some(&mut metadata.source),
            _ => None,
        };
        if let Some(slot) = slot {
            if slot.is_none() {
                if named == Some("date") {
                    match valid_date(value) {
                        Ok(date) => *slot = Some(date),
                        Err(_) => {
                            notes.push(format!(
                                "{what}: the date “{value}” is not ISO 8601 (2024, 2024-06 or 2024-06-03): kept as the field “{DATE_AS_WRITTEN}”"
                            ));
                            metadata.fields.push(Field::new(DATE_AS_WRITTEN, value));
                            seen.push(DATE_AS_WRITTEN.to_string());
                        }
                    }
                } else {
                    *slot = Some(value.to_string());
                }
                continue;
            }
        }
        let mut field =
            if named.is_some() || ["title", "author", "date", "source"].contains(&key.as_str()) {
                format!("{name} (2)")
            } else {
                name.to_string()
            };
        while seen.contains(&field.to_lowercase()) {
            field.push_str(" (2)");
        }
        seen.push(field.to_lowercase());
        let field: String = field.chars().take(100).collect();
        let value: String = value.chars().take(10_000).collect();
        metadata.fields.push(Field::new(field, value));
    }
    (title, metadata)
}

/// HTML `<meta>` names for each named field or field (www/import/metadata.js's HTML_NAMES).
const HTML_NAMES: [(&str, &[&str]); 7] = [
    (
        "author",
        &[
            "author",
            "article:author",
            "dc.creator",
            "dcterms.creator",
            "citation_author",
            "byl",
            "parsely-author",
            "sailthru.author",
        ],
    ),
    (
        "date",
        &[
            "date",
            "article:published_time",
            "dc.date",
            "dcterms.date",
            "dcterms.created",
            "citation_publication_date",
            "citation_date",
            "pubdate",
            "publish-date",
            "og:published_time",
            "datepublished",
            "parsely-pub-date",
            "sailthru.date",
        ],
    ),
    (
        "source",
        &[
            "og:url",
            "canonical",
            "citation_public_url",
            "dc.identifier",
        ],
    ),
    (
        "description",
        &["description", "og:description", "dc.description"],
    ),
    (
        "site",
        &[
            "og:site_name",
            "application-name",
            "citation_journal_title",
            "dc.publisher",
        ],
    ),
    ("keywords", &["keywords", "news_keywords", "article:tag"]),
    ("section", &["article:section"]),
];

type Read = (Option<String>, Option<Metadata>, Vec<String>);
/// A title and metadata that a file gives itself.
type TitleAndMetadata = (Option<String>, Option<Metadata>);

fn html_metadata(page: &Extracted, what: &str) -> Read {
    let mut entries = Vec::new();
    for (field, names) in HTML_NAMES {
        let mut values: Vec<String> = Vec::new();
        for (name, content) in &page.entries {
            let content = content.trim();
            if names.contains(&name.as_str())
                && !content.is_empty()
                && !values.iter().any(|v| v == content)
            {
                values.push(content.to_string());
            }
        }
        if values.is_empty() {
            continue;
        }
        let value = if field == "keywords" || field == "author" {
            values.join(", ")
        } else {
            values[0].clone()
        };
        entries.push((field.to_string(), value));
    }
    let mut notes = Vec::new();
    let (_, metadata) = to_metadata(&entries, what, &mut notes);
    let og = page
        .entries
        .iter()
        .find(|(n, _)| n == "og:title" || n == "citation_title")
        .map(|(_, v)| v.trim().to_string())
        .filter(|v| !v.is_empty());
    let title = page.title.clone().or(og);
    (title, has_metadata(&metadata).then_some(metadata), notes)
}

/// Markdown's front matter (a first line `---`, YAML, a line `---` or `...`): the text
/// without it, and its title and metadata; front matter that is not a YAML mapping stays in
/// the text, with a message.
fn front_matter(
    text: &str,
    what: &str,
    notes: &mut Vec<String>,
) -> Option<(String, TitleAndMetadata)> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = body.find('\n')?;
    if body[..first_end]
        .trim_end_matches('\r')
        .trim_end_matches([' ', '\t'])
        != "---"
    {
        return None;
    }
    let mut at = first_end + 1;
    let mut yaml_end = None;
    while at <= body.len() {
        let line_end = body[at..].find('\n').map_or(body.len(), |i| at + i);
        let line = body[at..line_end]
            .trim_end_matches('\r')
            .trim_end_matches([' ', '\t']);
        if line == "---" || line == "..." {
            yaml_end = Some((at, (line_end + 1).min(body.len())));
            break;
        }
        if line_end == body.len() {
            break;
        }
        at = line_end + 1;
    }
    let (yaml_to, rest_from) = yaml_end?;
    let yaml = &body[first_end + 1..yaml_to];
    let docs = match yaml_rust2::YamlLoader::load_from_str(yaml) {
        Ok(docs) => docs,
        Err(e) => {
            notes.push(format!(
                "{what}: the front matter is not YAML (line {}): it is kept in the text",
                e.marker().line() + 1
            ));
            return None;
        }
    };
    let entries: Vec<(String, String)> = match docs.into_iter().next() {
        None | Some(yaml_rust2::Yaml::Null) => Vec::new(),
        Some(yaml_rust2::Yaml::Hash(hash)) => hash
            .into_iter()
            .map(|(k, v)| (yaml_text(&k), yaml_text(&v)))
            .collect(),
        Some(_) => {
            notes.push(format!(
                "{what}: the front matter is not a YAML mapping: it is kept in the text"
            ));
            return None;
        }
    };
    let (title, metadata) = to_metadata(&entries, what, notes);
    Some((
        body[rest_from..].to_string(),
        (title, has_metadata(&metadata).then_some(metadata)),
    ))
}

/// A YAML value as text: lists joined by ", ", mappings as JSON, nothing for null.
fn yaml_text(value: &yaml_rust2::Yaml) -> String {
    use yaml_rust2::Yaml;
    match value {
        Yaml::String(s) | Yaml::Real(s) => s.trim().to_string(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Array(items) => items
            .iter()
            .map(yaml_text)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Yaml::Hash(hash) => {
            let map: serde_json::Map<String, serde_json::Value> = hash
                .iter()
                .map(|(k, v)| (yaml_text(k), serde_json::Value::String(yaml_text(v))))
                .collect();
            serde_json::Value::Object(map).to_string()
        }
        _ => String::new(),
    }
}

/// The names a text column may have (compared without case).
const TEXT_COLUMNS: [&str; 9] = [
    "text",
    "content",
    "body",
    "texte",
    "inhalt",
    "texto",
    "contenido",
    "full text",
    "fulltext",
];

/// A CSV or TSV file's rows as documents: the text from the text column, the other columns
/// as metadata; `None` when it has no rows or one column only (then it is one text).
fn table_items(
    text: &str,
    name: &str,
    stem: &str,
    delimiter: u8,
    options: &Options,
    encoding: &str,
) -> Result<Option<Batch>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes());
    let mut rows: Vec<Vec<String>> = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("this table cannot be read ({e})"))?;
        let row: Vec<String> = record.iter().map(str::to_string).collect();
        if row.iter().any(|c| !c.trim().is_empty()) {
            rows.push(row);
        }
    }
    if rows.is_empty() {
        return Ok(None);
    }
    let columns: Vec<String> = rows
        .remove(0)
        .into_iter()
        .map(|c| c.trim().to_string())
        .collect();
    let column = match &options.text_column {
        Some(wanted) => Some(
            columns
                .iter()
                .position(|c| c.eq_ignore_ascii_case(wanted))
                .ok_or_else(|| {
                    format!(
                        "it has no column “{wanted}” (its columns: {})",
                        columns.join(", ")
                    )
                })?,
        ),
        None => columns
            .iter()
            .position(|c| TEXT_COLUMNS.contains(&c.to_lowercase().as_str())),
    };
    let column = match column {
        Some(c) => c,
        None if columns.len() > 1 => (0..columns.len())
            .max_by_key(|&i| {
                (
                    rows.iter()
                        .map(|r| r.get(i).map_or(0, String::len))
                        .sum::<usize>(),
                    std::cmp::Reverse(i),
                )
            })
            .unwrap_or(0),
        None => return Ok(None),
    };
    if rows.is_empty() {
        return Ok(None);
    }
    let mut batch = Batch::default();
    let mut empty = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let text = row.get(column).cloned().unwrap_or_default();
        let line = r + 2;
        if text.trim().is_empty() {
            empty.push(line.to_string());
            continue;
        }
        let entries: Vec<(String, String)> = columns
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != column)
            .map(|(i, c)| {
                let name = if c.is_empty() {
                    format!("column {}", i + 1)
                } else {
                    c.clone()
                };
                (name, row.get(i).cloned().unwrap_or_default())
            })
            .collect();
        let (title, metadata) =
            to_metadata(&entries, &format!("{name} ({line})"), &mut batch.notes);
        batch.items.push(Item {
            name: name.to_string(),
            doc: NewDocument {
                title: Some(title.unwrap_or_else(|| format!("{stem} {}", r + 1))),
                text,
                encoding: Some(encoding.to_string()),
                metadata: Some(metadata),
                key: None,
                language: None,
                language_detected: None,
            },
        });
    }
    if !empty.is_empty() {
        batch.notes.push(format!(
            "{name}: rows without text left out: {}",
            empty.join(", ")
        ));
    }
    batch.notes.push(format!(
        "{name}: {} rows read, the text from the column “{}”",
        batch.items.len(),
        columns[column]
    ));
    Ok(Some(batch))
}

/// Each document's language detected (as the engine would, with the `lang` crate) when it
/// gives none, and its words found, on all cores; in order, with the file each came from.
pub fn tokenize(items: Vec<Item>) -> Vec<(String, Tokenized)> {
    items
        .into_par_iter()
        .map(|mut item| {
            crate::words::install();
            if item.doc.language.is_none() && item.doc.language_detected.is_none() {
                item.doc.language = text_explorer_lang::detect(&item.doc.text).map(str::to_string);
                item.doc.language_detected = Some(true);
            }
            (item.name, Tokenized::new(item.doc))
        })
        .collect()
}
