//! `publish`: a static folder that any static host serves (GitHub Pages, a university's web
//! space): index.html, the widget (`text-explorer/`, the files the npm package holds) and
//! the corpus file, which the widget's `src` opens at once (no tokenising, nothing run on a
//! server).

use std::path::{Path, PathBuf};

use crate::Failure;

/// The corpus file's name in the site.
pub const CORPUS_NAME: &str = "corpus.textexplorer";
/// The widget's folder in the site.
const WIDGET_DIR: &str = "text-explorer";

/// What the page shows.
pub struct Site {
    pub title: String,
    pub view: String,
    pub query: Option<String>,
    pub widget: Option<PathBuf>,
}

/// The widget's files: `--widget`, else $TEXT_EXPLORER_WIDGET, else this source tree's www/
/// (built by scripts/build); it must hold the engine's wasm.
fn widget_dir(given: Option<&Path>) -> Result<PathBuf, Failure> {
    let dir = match given {
        Some(dir) => dir.to_path_buf(),
        None => match std::env::var_os("TEXT_EXPLORER_WIDGET") {
            Some(dir) => PathBuf::from(dir),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("www"),
        },
    };
    if !dir.join("text-explorer.js").is_file()
        || !dir.join("pkg").join("text_explorer_bg.wasm").is_file()
    {
        return Err(Failure(format!(
            "{} is not a built widget (it needs text-explorer.js and pkg/text_explorer_bg.wasm): \
             run scripts/build in the source tree, or give --widget the folder of the text-explorer npm package",
            dir.display()
        )));
    }
    Ok(dir)
}

/// Whether a widget file goes in the site (scripts/pack.mjs's rule: modules, pages, styles,
/// wasm, the stop-word lists and the vendored libraries' licences; not the demo page).
fn wanted(relative: &str) -> bool {
    let name = relative.rsplit('/').next().unwrap_or(relative);
    if ["index.html", ".gitignore", "package.json", "README.md"].contains(&name) {
        return false;
    }
    if relative.starts_with("stopwords/") && name.ends_with(".json") {
        return true;
    }
    if relative.starts_with("vendor/") && name.ends_with("-LICENSE.txt") {
        return true;
    }
    [".js", ".html", ".css", ".svg", ".wasm"]
        .iter()
        .any(|e| name.ends_with(e))
}

/// Text as HTML text or attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page: the widget filling the window, its `src` the corpus file.
pub fn index_html(site: &Site) -> String {
    let query = site
        .query
        .as_deref()
        .map(|q| format!(" query=\"{}\"", escape(q)))
        .unwrap_or_default();
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="text-explorer publish {version}">
<title>{title}</title>
<link rel="icon" href="{widget}/icon.svg">
<style>
  html, body {{ margin: 0; height: 100%; }}
  body {{ display: flex; flex-direction: column; font-family: system-ui, sans-serif; }}
  h1 {{ font-size: 1.25rem; margin: 0.5rem 1rem; }}
  text-explorer {{ flex: 1; min-height: 0; }}
</style>
<script type="module" src="{widget}/text-explorer.js"></script>
</head>
<body>
<h1>{title}</h1>
<text-explorer src="{corpus}" view="{view}"{query}></text-explorer>
</body>
</html>
"#,
        version = env!("CARGO_PKG_VERSION"),
        title = escape(&site.title),
        widget = WIDGET_DIR,
        corpus = CORPUS_NAME,
        view = escape(&site.view),
    )
}

/// Writes the site to `out`; returns how many files it wrote.
pub fn write(out: &Path, corpus: &[u8], site: &Site) -> Result<usize, Failure> {
    let widget = widget_dir(site.widget.as_deref())?;
    let fail =
        |path: &Path, e: std::io::Error| Failure(format!("cannot write {}: {e}", path.display()));
    std::fs::create_dir_all(out).map_err(|e| fail(out, e))?;
    let mut files = 0;
    for entry in walkdir::WalkDir::new(&widget).sort_by_file_name() {
        let entry =
            entry.map_err(|e| format!("cannot read the widget in {}: {e}", widget.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry.path().strip_prefix(&widget).unwrap_or(entry.path());
        let relative_text = relative.to_string_lossy().replace('\\', "/");
        if !wanted(&relative_text) {
            continue;
        }
        let to = out.join(WIDGET_DIR).join(relative);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
        }
        std::fs::copy(entry.path(), &to).map_err(|e| fail(&to, e))?;
        files += 1;
    }
    let corpus_path = out.join(CORPUS_NAME);
    std::fs::write(&corpus_path, corpus).map_err(|e| fail(&corpus_path, e))?;
    let index = out.join("index.html");
    std::fs::write(&index, index_html(site)).map_err(|e| fail(&index, e))?;
    Ok(files + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_escapes_what_it_is_given() {
        let site = Site {
            title: "<b>Mine</b> & \"yours\"".into(),
            view: "kwic".into(),
            query: Some("\"north korea\"".into()),
            widget: None,
        };
        let html = index_html(&site);
        assert!(html.contains("<title>&lt;b&gt;Mine&lt;/b&gt; &amp; &quot;yours&quot;</title>"));
        assert!(html.contains("query=\"&quot;north korea&quot;\""));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn the_widget_files() {
        assert!(wanted("text-explorer.js"));
        assert!(wanted("pkg/text_explorer_bg.wasm"));
        assert!(wanted("stopwords/en.json"));
        assert!(!wanted("index.html"));
        assert!(!wanted("pkg/package.json"));
    }
}
