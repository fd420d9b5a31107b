//! Answers printed as TSV (a header line, then a row a line) or as JSON (the engine's answer
//! as the JavaScript client gets it).

use std::io::Write;

use serde_json::{Map, Value};

use crate::Failure;

/// A value in a TSV cell: text as it is (tab, newline, carriage return and backslash written
/// `\t`, `\n`, `\r`, `\\`), numbers as JSON writes them, nothing for null, lists and objects
/// as compact JSON.
fn cell(value: &Value) -> String {
    let text = match value {
        Value::Null => return String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(_) | Value::Number(_) => value.to_string(),
        _ => value.to_string(),
    };
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The rows of an answer: for each operation, the list a reader of its table wants, each
/// row an object; a document id is followed by its title.
fn rows(titles: &[String], op: &str, value: &Value) -> Vec<Map<String, Value>> {
    let objects = |v: &Value| -> Vec<Map<String, Value>> {
        v.as_array()
            .map(|a| a.iter().filter_map(|r| r.as_object().cloned()).collect())
            .unwrap_or_default()
    };
    let mut rows = match op {
        "kwic" => objects(&value["lines"]),
        "collocates" => objects(&value["collocates"]),
        "keyness" => {
            let mut out = Vec::new();
            for side in ["over", "under"] {
                for row in objects(&value[side]) {
                    let mut r = Map::new();
                    r.insert("side".into(), Value::String(side.into()));
                    r.extend(row);
                    out.push(r);
                }
            }
            out
        }
        "dispersion" => {
            let mut out = Vec::new();
            for query in objects(value) {
                for doc in objects(&query["docs"]) {
                    let mut r = Map::new();
                    for key in ["query", "dp", "dpNorm"] {
                        r.insert(key.into(), query.get(key).cloned().unwrap_or(Value::Null));
                    }
                    r.insert("doc".into(), doc["doc"].clone());
                    r.insert("tokens".into(), doc["tokens"].clone());
                    let hits = doc["positions"].as_array().map_or(0, Vec::len);
                    r.insert("hits".into(), Value::from(hits));
                    out.push(r);
                }
            }
            out
        }
        "trends" => {
            let buckets = objects(&value["buckets"]);
            let mut out = Vec::new();
            for series in objects(&value["series"]) {
                let points = objects(&series["points"]);
                for (i, point) in points.into_iter().enumerate() {
                    let mut r = Map::new();
                    r.insert(
                        "query".into(),
                        series.get("query").cloned().unwrap_or(Value::Null),
                    );
                    if let Some(bucket) = buckets.get(i) {
                        for (k, v) in bucket {
                            r.insert(k.clone(), v.clone());
                        }
                    }
                    r.extend(point);
                    out.push(r);
                }
            }
            out
        }
        _ => match value {
            Value::Array(_) => objects(value),
            Value::Object(o) => {
                // The first list of objects an answer holds, else the answer as one row.
                match o.values().find(|v| {
                    v.as_array()
                        .is_some_and(|a| a.first().is_some_and(Value::is_object))
                }) {
                    Some(list) => objects(list),
                    None => vec![o.clone()],
                }
            }
            other => {
                let mut r = Map::new();
                r.insert("value".into(), other.clone());
                vec![r]
            }
        },
    };
    for row in &mut rows {
        if let Some(id) = row.get("doc").and_then(Value::as_u64) {
            if !row.contains_key("title") {
                let title = titles.get(id as usize).cloned().unwrap_or_default();
                let mut out = Map::new();
                for (k, v) in std::mem::take(row) {
                    let is_doc = k == "doc";
                    out.insert(k, v);
                    if is_doc {
                        out.insert("title".into(), Value::String(title.clone()));
                    }
                }
                *row = out;
            }
        }
    }
    rows
}

/// Prints an answer to stdout.
pub fn print(titles: &[String], op: &str, value: &Value, json: bool) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = if json {
        serde_json::to_writer_pretty(&mut out, value)
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(out))
    } else {
        write_tsv(&mut out, &rows(titles, op, value))
    };
    match result.and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A reader that stopped early (`| head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure(format!("cannot write the answer: {e}"))),
    }
}

fn write_tsv(out: &mut impl Write, rows: &[Map<String, Value>]) -> std::io::Result<()> {
    let mut columns: Vec<String> = Vec::new();
    for row in rows {
        for key in row.keys() {
            if !columns.contains(key) {
                columns.push(key.clone());
            }
        }
    }
    writeln!(out, "{}", columns.join("\t"))?;
    for row in rows {
        let line: Vec<String> = columns
            .iter()
            .map(|c| row.get(c).map(cell).unwrap_or_default())
            .collect();
        writeln!(out, "{}", line.join("\t"))?;
    }
    Ok(())
}
