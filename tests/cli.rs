//! The command-line tool (`text-explorer`, feature `cli`), run as a user runs it: `build` a
//! corpus file from a small folder, then `kwic`, `terms`, … over it, checked against the
//! engine's own answers over the same texts added in this process, and against counts made
//! here independently; the file is the same whatever the number of threads; formats made by
//! LibreOffice; and every bad input gets a message and a non-zero exit code, never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use text_explorer::engine::Engine;
use text_explorer::protocol::{NewDocument, Request, Response};
use text_explorer::KwicOptions;

const CLI: &str = env!("CARGO_BIN_EXE_text-explorer");

/// A fresh folder under the target directory, for one test.
fn temp(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], threads: Option<&str>) -> Output {
    let mut command = Command::new(CLI);
    command.args(args);
    if let Some(n) = threads {
        command.env("RAYON_NUM_THREADS", n);
    }
    let out = command.output().expect("the tool runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    out
}

fn ok(args: &[&str]) -> String {
    let out = run(args, None);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(&all)).expect("JSON")
}

const TEXTS: [(&str, &str); 3] = [
    (
        "a.txt",
        "The whale, the whale! Call me Ishmael.\n\nA whale-ship was my Yale College.\n",
    ),
    (
        "b.txt",
        "Il était une fois une baleine. The WHALE sang; the sea answered the whale.\n",
    ),
    (
        "sub/c.txt",
        "Nothing here but the sea and the sky, and one last whale.\n",
    ),
];

fn write_texts(dir: &Path) {
    for (name, text) in TEXTS {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// The engine's own corpus of TEXTS, added in this process as the tool adds them (titles the
/// paths without extension, the encoding as the decoder says, languages detected).
fn reference_engine() -> Engine {
    let mut engine = Engine::new();
    for (name, text) in TEXTS {
        engine
            .add(NewDocument {
                title: Some(name.trim_end_matches(".txt").to_string()),
                text: text.to_string(),
                key: None,
                encoding: Some("utf-8 (valid UTF-8)".into()),
                language: None,
                language_detected: None,
                metadata: None,
            })
            .unwrap();
    }
    engine.corpus().prepare();
    engine
}

#[test]
fn build_then_query_agrees_with_the_engine_and_an_independent_count() {
    let dir = temp("agree");
    let texts = dir.join("texts");
    write_texts(&texts);
    let corpus = dir.join("corpus.textexplorer");
    let corpus = corpus.to_str().unwrap();
    let out = run(&["build", texts.to_str().unwrap(), "-o", corpus], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The same bytes as the engine's own corpus file of the same texts.
    let mut engine = reference_engine();
    let bytes = std::fs::read(corpus).unwrap();
    assert_eq!(bytes, text_explorer::corpus_file::write(&engine));

    // KWIC: the engine's answer, as JSON.
    let kwic = json(&["kwic", corpus, "whale", "--limit", "100"]);
    let request = Request::Kwic {
        query: "whale".into(),
        options: KwicOptions {
            limit: 100,
            ..KwicOptions::default()
        },
    };
    let Response::Kwic(page) = engine.handle(request).unwrap() else {
        unreachable!()
    };
    assert_eq!(kwic, serde_json::to_value(&page).unwrap());
    // An independent count: words as runs of letters (whale-ship is two words, as in the
    // engine's rules, Unicode's word boundaries), compared without case.
    let count = |word: &str| -> usize {
        TEXTS
            .iter()
            .flat_map(|(_, t)| t.split(|c: char| !c.is_alphabetic()))
            .filter(|w| w.to_lowercase() == word)
            .count()
    };
    assert_eq!(kwic["total"], count("whale"));
    assert_eq!(kwic["total"], 6);

    // Terms as TSV: a header, then term, count, … per line; counts as counted here.
    let tsv = ok(&["terms", corpus]);
    let mut lines = tsv.lines();
    assert_eq!(lines.next(), Some("term\tcount\trelative\tdocs"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    for word in ["the", "whale", "sea", "ishmael"] {
        let row = rows.iter().find(|r| r[0] == word).unwrap();
        assert_eq!(row[1], count(word).to_string(), "{word}");
    }
    // Stop words are counted by default; --set stopwords=false leaves them out.
    let content = json(&["terms", corpus, "--set", "stopwords=false", "--limit", "1"]);
    assert_eq!(content[0]["term"], "whale");
    assert_eq!(content[0]["count"], count("whale"));
    assert_eq!(rows[0][0], "the");

    // KWIC as TSV: each line names its document and its title, tabs escaped.
    let tsv = ok(&["kwic", corpus, "ishmael"]);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(
        lines[0],
        "doc\ttitle\ttoken\ttokens\tstart\tend\tleft\tkeyword\tright"
    );
    assert_eq!(lines.len(), 2);
    let cells: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!((cells[0], cells[1], cells[7]), ("0", "a", "Ishmael"));

    // Collocates, phrases, keyness and dispersion: the engine's answers.
    for (args, request) in [
        (
            vec!["collocates", corpus, "whale"],
            r#"{"query": "whale", "options": {}}"#,
        ),
        (vec!["phrases", corpus], r#"{"options": {}}"#),
        (
            vec!["keyness", corpus, "--set", "target=[0]"],
            r#"{"options": {"target": [0]}}"#,
        ),
        (
            vec!["dispersion", corpus, "whale", "sea"],
            r#"{"queries": ["whale", "sea"], "options": {}}"#,
        ),
    ] {
        let op = args[0];
        let answer = json(&args);
        let via_call = json(&["call", corpus, op, request]);
        assert_eq!(answer, via_call, "{op}");
        let mut engine = reference_engine();
        let op_js = op;
        let args: serde_json::Map<String, Value> = serde_json::from_str(request).unwrap();
        struct J(serde_json::Map<String, Value>);
        impl text_explorer::protocol::Args for J {
            fn arg<T: serde::de::DeserializeOwned>(
                &mut self,
                name: &str,
            ) -> text_explorer::Result<Option<T>> {
                Ok(self
                    .0
                    .get(name)
                    .map(|v| serde_json::from_value(v.clone()).unwrap()))
            }
        }
        let request = Request::read(op_js, &mut J(args)).unwrap();
        let expected = serde_json::to_value(engine.handle(request).unwrap()).unwrap();
        assert_eq!(answer, expected, "{op}");
    }
    let dispersion = json(&["dispersion", corpus, "whale"]);
    assert_eq!(dispersion[0]["hits"], 6);
}

#[test]
fn the_file_is_the_same_with_one_thread_or_many() {
    let dir = temp("threads");
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    // 120 files in several languages, so that reading and detecting run on every thread.
    let samples = [
        "The quick brown fox jumps over the lazy dog near the river bank today.",
        "Le renard brun rapide saute par-dessus le chien paresseux près de la rivière.",
        "Der schnelle braune Fuchs springt über den faulen Hund am Flussufer heute.",
        "El rápido zorro marrón salta sobre el perro perezoso cerca del río hoy.",
    ];
    for i in 0..120 {
        let text = format!("{} Number {i}. {}\n", samples[i % 4], samples[(i / 4) % 4]);
        std::fs::write(texts.join(format!("t{i:03}.txt")), text).unwrap();
    }
    let mut files = Vec::new();
    for threads in ["1", "2", "4"] {
        let out_path = dir.join(format!("corpus-{threads}.textexplorer"));
        let out = run(
            &[
                "build",
                texts.to_str().unwrap(),
                "-o",
                out_path.to_str().unwrap(),
            ],
            Some(threads),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("({threads} threads)")));
        files.push(std::fs::read(out_path).unwrap());
    }
    assert!(files.windows(2).all(|w| w[0] == w[1]), "identical files");
    let corpus = dir.join("corpus-1.textexplorer");
    let docs = json(&["documents", corpus.to_str().unwrap()]);
    // Each document's language is the one the engine's library detects in its text.
    let library = text_explorer::language::Library::native();
    let mut detected = 0;
    for doc in docs.as_array().unwrap() {
        let text = json(&[
            "call",
            corpus.to_str().unwrap(),
            "text",
            &format!("{{\"id\": {}}}", doc["id"]),
        ]);
        let language = library.detect(text.as_str().unwrap());
        assert_eq!(doc["language"].as_str(), language.as_deref());
        assert_eq!(doc["languageDetected"], true);
        detected += language.is_some() as usize;
    }
    assert!(detected > 60, "most are detected: {detected}");
}

#[test]
fn metadata_encodings_and_tables_as_the_page_reads_them() {
    let dir = temp("formats");
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::write(
        texts.join("note.md"),
        "---\ntitle: A note\nauthor: Ann Smith\ndate: 2024-06-03\ntags: [sea, whale]\nnewspaper: Mint\n---\nThe sea was calm.\n",
    )
    .unwrap();
    std::fs::write(
        texts.join("latin.txt"),
        b"caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu\n",
    )
    .unwrap();
    std::fs::write(
        texts.join("rows.csv"),
        "title,date,newspaper,text\nFirst,2024-06,Mint,\"One text, with a comma.\"\n,,,\nSecond,June 2024,Times,Another text.\n",
    )
    .unwrap();
    std::fs::write(
        texts.join("page.html"),
        "<!doctype html><html><head><title>The page</title><meta name=\"author\" content=\"Bo\"></head>\
         <body><p>First paragraph &amp; more.</p><script>var x = 1 < 2;</script><p>Second.</p></body></html>",
    )
    .unwrap();
    let corpus = dir.join("c.textexplorer");
    let corpus = corpus.to_str().unwrap();
    ok(&["build", texts.to_str().unwrap(), "-o", corpus]);
    let docs = json(&["documents", corpus]);
    let titles: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["latin", "A note", "The page", "First", "Second"]);
    let doc = |title: &str| {
        docs.as_array()
            .unwrap()
            .iter()
            .find(|d| d["title"] == title)
            .unwrap()
            .clone()
    };
    assert_eq!(doc("latin")["encoding"], "windows-1252 (detected)");
    let note = doc("A note");
    assert_eq!(note["metadata"]["author"], "Ann Smith");
    assert_eq!(note["metadata"]["date"], "2024-06-03");
    assert_eq!(
        note["metadata"]["fields"],
        serde_json::json!([{"name": "tags", "value": "sea, whale"}, {"name": "newspaper", "value": "Mint"}])
    );
    assert_eq!(doc("The page")["metadata"]["author"], "Bo");
    assert_eq!(doc("First")["metadata"]["date"], "2024-06");
    // A date that is not ISO 8601 is kept as a field.
    assert_eq!(
        doc("Second")["metadata"]["fields"],
        serde_json::json!([{"name": "date as written", "value": "June 2024"}, {"name": "newspaper", "value": "Times"}])
    );
    let text = |id: u64| json(&["call", corpus, "text", &format!("{{\"id\": {id}}}")]);
    assert_eq!(text(0), "café crème brûlée, déjà vu\n");
    assert_eq!(text(1), "The sea was calm.\n");
    assert_eq!(text(2), "First paragraph & more.\n\nSecond.");
    // A subcorpus by metadata, as the page writes it.
    let kwic = json(&["kwic", corpus, "text", "--scope", "newspaper = Mint"]);
    assert_eq!(kwic["total"], 1);
}

#[test]
fn bad_input_is_named_and_the_batch_goes_on() {
    let dir = temp("bad");
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::write(texts.join("good.txt"), "A good text about whales.\n").unwrap();
    std::fs::write(texts.join("image.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    std::fs::write(texts.join("empty.txt"), "").unwrap();
    std::fs::write(texts.join("broken.docx"), "not a zip at all").unwrap();
    std::fs::write(texts.join("paper.pdf"), "%PDF-1.4 ...").unwrap();
    let corpus = dir.join("c.textexplorer");
    let corpus = corpus.to_str().unwrap();
    let out = run(&["build", texts.to_str().unwrap(), "-o", corpus], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "some files refused: exit 1");
    assert!(
        stderr.contains("image.png: not added: it is not a text file"),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty.txt: not added: the file is empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("broken.docx: not added: this DOCX file is damaged"),
        "{stderr}"
    );
    assert!(
        stderr.contains("paper.pdf: not added: PDF files are read by the page only"),
        "{stderr}"
    );
    // The good one is in the corpus written all the same.
    let docs = json(&["documents", corpus]);
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!(docs[0]["title"], "good");

    // A missing folder; a damaged corpus file; a cut one; an unknown option; a bad query.
    let fails = |args: &[&str], says: &str| {
        let out = run(args, None);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} fails");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    };
    let missing = dir.join("nowhere");
    fails(
        &["build", missing.to_str().unwrap(), "-o", corpus],
        "no such file or folder",
    );
    let damaged = dir.join("damaged.textexplorer");
    let mut bytes = std::fs::read(corpus).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xFF;
    std::fs::write(&damaged, &bytes).unwrap();
    fails(
        &["kwic", damaged.to_str().unwrap(), "whale"],
        "damaged.textexplorer: ",
    );
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).unwrap();
    fails(&["terms", damaged.to_str().unwrap()], "incomplete");
    fails(
        &["kwic", corpus, "whale", "--set", "windw=3"],
        "unknown field `windw`",
    );
    fails(&["kwic", corpus, "/(/"], "");
    fails(
        &["terms", corpus, "--options", "[1]"],
        "--options must be a JSON object",
    );
    fails(&["nonsense"], "unrecognized subcommand");
}

#[test]
fn libreoffice_documents_and_a_zip_of_them() {
    let dir = temp("soffice");
    let source = "Minutes of the harbour committee.\n\nThe committee met on Tuesday; the whale was not discussed.\n";
    std::fs::write(dir.join("minutes.txt"), source).unwrap();
    let status = Command::new("soffice")
        .args([
            "--headless",
            &format!("-env:UserInstallation=file://{}/profile", dir.display()),
            "--convert-to",
            "docx",
            "minutes.txt",
        ])
        .current_dir(&dir)
        .output()
        .expect("soffice is installed (scripts/setup --test installs libreoffice-writer-nogui)");
    assert!(status.status.success(), "soffice converts to docx");
    let status = Command::new("soffice")
        .args([
            "--headless",
            &format!("-env:UserInstallation=file://{}/profile", dir.display()),
            "--convert-to",
            "odt",
            "minutes.txt",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "soffice converts to odt");
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    std::fs::rename(dir.join("minutes.docx"), texts.join("minutes.docx")).unwrap();
    // A ZIP holding the ODT in a folder and a plain text.
    {
        use std::io::Write;
        let file = std::fs::File::create(texts.join("archive.zip")).unwrap();
        let mut zip = zip::ZipWriter::new(file);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("docs/minutes.odt", options).unwrap();
        zip.write_all(&std::fs::read(dir.join("minutes.odt")).unwrap())
            .unwrap();
        zip.start_file("notes.txt", options).unwrap();
        zip.write_all(b"A note in the archive.\n").unwrap();
        zip.start_file("__MACOSX/._notes.txt", options).unwrap();
        zip.write_all(b"\0\0").unwrap();
        zip.finish().unwrap();
    }
    let corpus = dir.join("c.textexplorer");
    let corpus = corpus.to_str().unwrap();
    ok(&["build", texts.to_str().unwrap(), "-o", corpus]);
    let docs = json(&["documents", corpus]);
    let titles: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["docs/minutes", "notes", "minutes"]);
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    for (id, encoding) in [(0, "ODT"), (2, "DOCX")] {
        assert_eq!(docs[id]["encoding"], encoding);
        let text = json(&["call", corpus, "text", &format!("{{\"id\": {id}}}")]);
        assert_eq!(words(text.as_str().unwrap()), words(source), "{encoding}");
    }
}

/// Chinese, Japanese, Thai, Lao, Khmer and Myanmar (the UDHR in each): the tool's words
/// (ICU4X's dictionaries) against the words of Node's `Intl.Segmenter` (ICU4C, what the page
/// asks the browser for): at least 93% of the spans are the same in each language (measured:
/// 93.3% Chinese, 95.1% Japanese, 96.3% Khmer, 96.7% Lao, 98.0% Myanmar, 96.6% Thai; one
/// character a word, as with no splitter, would match a small part).
#[test]
fn dictionary_scripts_split_as_the_browser_mostly_does() {
    let dir = temp("udhr");
    let texts = dir.join("texts");
    std::fs::create_dir_all(&texts).unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/udhr");
    for name in ["cmn_hans", "jpn", "tha", "khm", "lao", "mya"] {
        std::fs::copy(
            fixtures.join(format!("{name}.txt")),
            texts.join(format!("{name}.txt")),
        )
        .unwrap();
    }
    let corpus = dir.join("c.textexplorer");
    let corpus = corpus.to_str().unwrap();
    ok(&["build", texts.to_str().unwrap(), "-o", corpus]);
    let docs = json(&["documents", corpus]);
    for doc in docs.as_array().unwrap() {
        let id = format!("{{\"id\": {}}}", doc["id"]);
        let text = json(&["call", corpus, "text", &id]);
        let tokens = json(&["call", corpus, "tokens", &id]);
        let mine: std::collections::HashSet<(u64, u64)> = tokens
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap()))
            .collect();
        let script = "let s = ''; process.stdin.on('data', (d) => { s += d; }).on('end', () => { \
            const seg = new Intl.Segmenter(undefined, { granularity: 'word' }); \
            console.log(JSON.stringify([...seg.segment(s)].filter((w) => w.isWordLike).map((w) => [w.index, w.index + w.segment.length]))); });";
        let mut node = Command::new("node")
            .args(["-e", script])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("node runs");
        use std::io::Write;
        node.stdin
            .take()
            .unwrap()
            .write_all(text.as_str().unwrap().as_bytes())
            .unwrap();
        let out = node.wait_with_output().unwrap();
        let theirs: Vec<(u64, u64)> = serde_json::from_slice(&out.stdout).unwrap();
        let same = theirs.iter().filter(|s| mine.contains(s)).count();
        let agreement = same as f64 / mine.len().max(theirs.len()) as f64;
        assert!(
            agreement >= 0.93,
            "{}: {agreement:.3} of the spans agree",
            doc["title"]
        );
        // One character a word would agree on the one-character words only.
        let single = theirs.iter().filter(|(a, b)| b - a == 1).count() as f64 / theirs.len() as f64;
        assert!(
            agreement > single + 0.2,
            "{}: {agreement:.3} against {single:.3}",
            doc["title"]
        );
    }
}
