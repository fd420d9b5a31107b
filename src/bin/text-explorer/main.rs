//! `text-explorer`: the command-line tool of Text Explorer, built from the same core as the
//! page (README "Command line"). `build` makes a corpus file from folders, files and
//! archives, reading on all cores; `publish` writes a static site of the widget and that
//! file; `kwic`, `terms`, `collocates`, … answer the engine's queries over a corpus file as
//! TSV or JSON.

mod formats;
mod input;
mod output;
mod publish;
mod words;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value};
use text_explorer::engine::Engine;
use text_explorer::protocol::{check_fields, Args, Request};

#[derive(Parser)]
#[command(
    name = "text-explorer",
    version,
    about = "Text Explorer on the command line: build a corpus file, publish it as a static site, and query it as TSV or JSON."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build a corpus file from folders and files (.txt, .md with front matter, .html, .csv
    /// and .tsv with one row per document, .docx, .odt, .epub, .zip of any of these).
    Build {
        #[command(flatten)]
        build: BuildArgs,
        /// The corpus file to write (by custom, NAME.textexplorer).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write a static site (index.html, the widget and the corpus file) that opens the
    /// corpus at once from any static host.
    Publish {
        /// Folders and files as for `build`, or one corpus file.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The folder to write the site to (made if missing; its old files are kept).
        #[arg(short, long)]
        output: PathBuf,
        /// The page's title.
        #[arg(long, default_value = "Text Explorer")]
        title: String,
        /// The view the page opens on (kwic, terms, …).
        #[arg(long, default_value = "kwic")]
        view: String,
        /// A query the page opens with.
        #[arg(long)]
        query: Option<String>,
        /// The widget's files: a built www/ folder or an installed `text-explorer` npm
        /// package (default: $TEXT_EXPLORER_WIDGET, else this source tree's www/).
        #[arg(long)]
        widget: Option<PathBuf>,
        /// The text column of CSV and TSV files (default: one named text, content, body…,
        /// else the longest).
        #[arg(long)]
        text_column: Option<String>,
        /// Fold diacritics (Zürich = Zurich).
        #[arg(long)]
        fold: bool,
    },
    /// The concordance of a query (the page's query syntax: words, "phrases", wild*cards,
    /// /regular expressions/, ~stems).
    Kwic {
        #[command(flatten)]
        common: QueryArgs,
        query: String,
    },
    /// The frequency list.
    Terms {
        #[command(flatten)]
        common: QueryArgs,
    },
    /// The collocates of a query, with their association measures.
    Collocates {
        #[command(flatten)]
        common: QueryArgs,
        query: String,
    },
    /// Repeated phrases (n-grams).
    Phrases {
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Keywords of a target subcorpus against a reference (--set targetScope=… --set
    /// referenceScope=…, or --set target=[0,1]).
    Keyness {
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Where queries occur: hits per document and Gries' DP.
    Dispersion {
        #[command(flatten)]
        common: QueryArgs,
        #[arg(required = true)]
        queries: Vec<String>,
    },
    /// The relative frequency of queries across documents or dates.
    Trends {
        #[command(flatten)]
        common: QueryArgs,
        #[arg(required = true)]
        queries: Vec<String>,
    },
    /// The documents: titles, sizes, languages, metadata.
    Documents {
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Summary figures of the corpus (or of --set doc=N).
    Summary {
        #[command(flatten)]
        common: QueryArgs,
    },
    /// Any operation of the engine's protocol by its name, with its arguments as a JSON
    /// object (as the JavaScript client takes them): `call corpus.textexplorer wordTree
    /// '{"query": "the"}'`.
    Call {
        corpus: PathBuf,
        operation: String,
        #[arg(default_value = "{}")]
        arguments: String,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(ClapArgs)]
struct BuildArgs {
    /// Folders and files to read, in order.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The text column of CSV and TSV files (default: one named text, content, body…, else
    /// the longest).
    #[arg(long)]
    text_column: Option<String>,
    /// Fold diacritics (Zürich = Zurich).
    #[arg(long)]
    fold: bool,
}

#[derive(ClapArgs)]
struct QueryArgs {
    /// The corpus file (made by `build`, or by the page's "Save corpus").
    corpus: PathBuf,
    /// tsv: a header line, then one line a row (tabs, newlines and backslashes in values
    /// written \t, \n and \\); json: the engine's answer as the JavaScript client gets it.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    format: Format,
    /// Rows at most (the option `limit`).
    #[arg(long)]
    limit: Option<u64>,
    /// A subcorpus, as the page writes it: `newspaper = Mint`, `date 2024-06`.
    #[arg(long)]
    scope: Option<String>,
    /// Any option by its JavaScript name, NAME=VALUE (VALUE read as JSON when it is JSON,
    /// else as a string): --set window=5 --set sort=1R. Repeatable.
    #[arg(long = "set", value_name = "NAME=VALUE")]
    set: Vec<String>,
    /// The options as one JSON object (the --set and named flags go on top).
    #[arg(long, value_name = "JSON")]
    options: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Tsv,
    Json,
}

/// A failure the user is told of (exit code 1); `Usage` is exit code 2 (clap's own).
pub struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Failure {
        Failure(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Queries are tokenised as the texts were.
    words::install();
    match run(cli.command) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("text-explorer: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Build { build, output } => {
            let (engine, refused) = build_engine(&build.inputs, build.text_column, build.fold)?;
            let started = Instant::now();
            let bytes = text_explorer::corpus_file::write(&engine);
            std::fs::write(&output, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            let tokens: usize = engine
                .corpus()
                .documents()
                .iter()
                .map(|d| d.token_count())
                .sum();
            eprintln!(
                "wrote {}: {} documents, {} tokens, {} bytes (written in {:.2} s)",
                output.display(),
                engine.corpus().documents().len(),
                tokens,
                bytes.len(),
                started.elapsed().as_secs_f64()
            );
            Ok(exit_for(refused))
        }
        Command::Publish {
            inputs,
            output,
            title,
            view,
            query,
            widget,
            text_column,
            fold,
        } => {
            let (bytes, refused) = match inputs.as_slice() {
                [one] if one.extension().is_some_and(|e| e == "textexplorer") => {
                    let bytes = read_corpus_bytes(one)?;
                    text_explorer::corpus_file::read(&bytes)
                        .map_err(|e| format!("{}: {e}", one.display()))?;
                    (bytes, 0)
                }
                _ => {
                    let (engine, refused) = build_engine(&inputs, text_column, fold)?;
                    (text_explorer::corpus_file::write(&engine), refused)
                }
            };
            let site = publish::Site {
                title,
                view,
                query,
                widget,
            };
            let files = publish::write(&output, &bytes, &site)?;
            eprintln!(
                "wrote {}/: index.html, {} and the widget ({files} files); serve the folder from any static host",
                output.display(),
                publish::CORPUS_NAME
            );
            Ok(exit_for(refused))
        }
        Command::Kwic { common, query } => {
            query_command(common, "kwic", vec![("query", Value::String(query))])
        }
        Command::Terms { common } => query_command(common, "terms", vec![]),
        Command::Collocates { common, query } => {
            query_command(common, "collocates", vec![("query", Value::String(query))])
        }
        Command::Phrases { common } => query_command(common, "phrases", vec![]),
        Command::Keyness { common } => query_command(common, "keyness", vec![]),
        Command::Dispersion { common, queries } => {
            query_command(common, "dispersion", vec![("queries", strings(queries))])
        }
        Command::Trends { common, queries } => {
            query_command(common, "trends", vec![("queries", strings(queries))])
        }
        Command::Documents { common } => query_command(common, "documents", vec![]),
        Command::Summary { common } => query_command(common, "summary", vec![]),
        Command::Call {
            corpus,
            operation,
            arguments,
            format,
        } => {
            let args: Value = serde_json::from_str(&arguments)
                .map_err(|e| format!("the arguments are not JSON: {e}"))?;
            let Value::Object(args) = args else {
                return Err(Failure("the arguments must be a JSON object".into()));
            };
            let mut engine = open_corpus(&corpus)?;
            let answer = answer(&mut engine, &operation, args)?;
            output::print(
                &engine_titles(&mut engine)?,
                &operation,
                &answer,
                format == Format::Json,
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Exit code 1 when some files were refused (the corpus was still written), else 0.
fn exit_for(refused: usize) -> ExitCode {
    if refused > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn strings(items: Vec<String>) -> Value {
    Value::Array(items.into_iter().map(Value::String).collect())
}

/// Text tokenised at a time before it is added (bounds the memory of words found ahead).
const CHUNK_BYTES: usize = 64 * 1024 * 1024;

fn bar(len: usize, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} ({elapsed})")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

/// An engine holding the documents of `inputs`, read and their languages detected on all
/// cores, then added in order (each file refused is named on stderr). Returns how many
/// files or documents were refused. Fails when no document could be added.
fn build_engine(
    inputs: &[PathBuf],
    text_column: Option<String>,
    fold: bool,
) -> Result<(Engine, usize), Failure> {
    let started = Instant::now();
    let sources = input::sources(inputs)?;
    if sources.is_empty() {
        return Err(Failure(format!(
            "no files in {}",
            inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let reading = bar(sources.len(), "reading");
    let options = input::Options { text_column };
    let batch = input::read_all(&sources, &options, &|| reading.inc(1));
    reading.finish_and_clear();
    let read_time = started.elapsed();
    let mut engine = Engine::new();
    if fold {
        engine.handle(Request::SetFolding { fold: true })?;
    }
    let mut refused = batch.errors.len();
    for message in &batch.notes {
        eprintln!("{message}");
    }
    for message in &batch.errors {
        eprintln!("{message}");
    }
    // In chunks of about CHUNK_BYTES of text: each text's language detected and its words
    // found on all cores, then the chunk's texts added in order (interning their words).
    let indexing = bar(batch.items.len(), "indexing");
    let mut items = batch.items.into_iter().peekable();
    let mut parallel = std::time::Duration::ZERO;
    while items.peek().is_some() {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while let Some(item) = items.next_if(|_| bytes < CHUNK_BYTES) {
            bytes += item.doc.text.len();
            chunk.push(item);
        }
        let at = Instant::now();
        let tokenized = input::tokenize(chunk);
        parallel += at.elapsed();
        for (name, words) in tokenized {
            if let Err(e) = engine.add_tokenized(words) {
                indexing.suspend(|| eprintln!("{name}: not added: {e}"));
                refused += 1;
            }
            indexing.inc(1);
        }
    }
    engine.corpus().prepare();
    indexing.finish_and_clear();
    let detect_time = parallel;
    let index_time = started.elapsed() - read_time - detect_time;
    if engine.corpus().documents().is_empty() {
        return Err(Failure("no document could be added".into()));
    }
    eprintln!(
        "read {} files in {:.2} s, detected languages and found words in {:.2} s, indexed in {:.2} s ({} threads)",
        sources.len(),
        read_time.as_secs_f64(),
        detect_time.as_secs_f64(),
        index_time.as_secs_f64(),
        rayon::current_num_threads()
    );
    Ok((engine, refused))
}

fn read_corpus_bytes(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            _ => e.to_string(),
        };
        Failure(format!("cannot read {}: {why}", path.display()))
    })
}

fn open_corpus(path: &Path) -> Result<Engine, Failure> {
    let bytes = read_corpus_bytes(path)?;
    text_explorer::corpus_file::read(&bytes)
        .map_err(|e| Failure(format!("{}: {e}", path.display())))
}

/// The arguments of a request, read from a JSON object (as the JavaScript client's).
struct JsonArgs(Map<String, Value>);

impl Args for JsonArgs {
    fn arg<T: serde::de::DeserializeOwned>(
        &mut self,
        name: &str,
    ) -> text_explorer::Result<Option<T>> {
        match self.0.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => serde_json::from_value(value.clone())
                .map(Some)
                .map_err(|e| text_explorer::Error::invalid_option(name, e.to_string())),
        }
    }
}

/// The engine's answer to operation `op` with `args`, as JSON.
fn answer(engine: &mut Engine, op: &str, args: Map<String, Value>) -> Result<Value, Failure> {
    check_fields(op, |param| match param {
        None => args.keys().cloned().collect(),
        Some(name) => match args.get(name) {
            Some(Value::Object(o)) => o.keys().cloned().collect(),
            _ => Vec::new(),
        },
    })?;
    let request = Request::read(op, &mut JsonArgs(args))?;
    let response = engine.handle(request)?;
    Ok(serde_json::to_value(&response)?)
}

fn engine_titles(engine: &mut Engine) -> Result<Vec<String>, Failure> {
    let docs = answer(engine, "documents", Map::new())?;
    Ok(docs
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| d["title"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default())
}

fn query_command(
    common: QueryArgs,
    op: &str,
    args: Vec<(&str, Value)>,
) -> Result<ExitCode, Failure> {
    let mut options = match &common.options {
        Some(json) => match serde_json::from_str::<Value>(json)
            .map_err(|e| format!("--options is not JSON: {e}"))?
        {
            Value::Object(o) => o,
            _ => return Err(Failure("--options must be a JSON object".into())),
        },
        None => Map::new(),
    };
    if let Some(limit) = common.limit {
        options.insert("limit".into(), Value::from(limit));
    }
    if let Some(scope) = &common.scope {
        options.insert("scope".into(), Value::String(scope.clone()));
    }
    for pair in &common.set {
        let (name, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("--set {pair}: expected NAME=VALUE"))?;
        let value =
            serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_string()));
        options.insert(name.trim().to_string(), value);
    }
    let mut map: Map<String, Value> = args.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    if op != "documents" {
        map.insert("options".into(), Value::Object(options));
    } else if !options.is_empty() {
        return Err(Failure("documents takes no options".into()));
    }
    let mut engine = open_corpus(&common.corpus)?;
    let value = answer(&mut engine, op, map)?;
    let titles = engine_titles(&mut engine)?;
    output::print(&titles, op, &value, common.format == Format::Json)?;
    Ok(ExitCode::SUCCESS)
}
