// Where a <text-explorer>'s texts come from: inline children (<script type="text/plain"> or
// <template>, with data-title), then the files of its `src` attribute; with neither, the
// engine's built-in articles (and the Texts view of the user's own texts).
//
// The one rule of "brings its own texts" (bringsTexts): an element brings texts when it has
// an inline text child or its `src` names at least one URL. An absent, empty or blank `src`
// (`src=""`, `src="  "`) names none: with no inline text, the widget shows the built-in
// articles, offers the Texts view and reads the user's saved texts.

/** Words in an attribute value, or null when the attribute is absent. */
export function words(value) {
  return value == null ? null : value.split(/\s+/).filter(Boolean);
}

/** The text of an inline text child (`<script type="text/plain">` or `<template>`), else null. */
export function inlineText(child) {
  if (child.localName === 'script' && (child.type || '').toLowerCase() === 'text/plain') return child.textContent;
  if (child.localName === 'template') return child.content.textContent;
  return null;
}

/** Whether the element has an inline text child. */
export function hasInlineTexts(el) {
  return [...el.children].some((child) => inlineText(child) !== null);
}

/** Whether the element brings its own texts (inline ones, or a `src` naming a URL): see above. */
export function bringsTexts(el) {
  return hasInlineTexts(el) || (words(el.getAttribute('src')) ?? []).length > 0;
}

/**
 * The text of an inline <script> or <template> without the indentation of the markup: the
 * first line if blank and trailing white space dropped, then the smallest indentation of the
 * non-blank lines cut from every line.
 */
export function dedent(text) {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim()).map((line) => line.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut)).join('\n');
}

/** A title from a URL: its file name (percent-decoded) without the extension, else the URL. */
export function titleFromUrl(url) {
  const name = url.pathname.split('/').filter(Boolean).pop() ?? url.hostname;
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep the encoded name
  }
  return decoded.replace(/\.[a-z0-9]{1,5}$/i, '') || url.href;
}

/**
 * The element's texts: {items: [{title, text, source}], problems: [message], corpus: {corpus:
 * bytes, source} | null (the first `src` URL ending in .textexplorer)}, or null when it
 * brings none (the built-in articles). Inline texts come first, in document order, then the
 * `src` files (fetched at once; one that fails is named in `problems`, the others kept).
 * `t`: the UI strings; `base`: the URL that relative `src` URLs resolve against.
 */
export async function collectTexts(el, t, base = document.baseURI) {
  if (!bringsTexts(el)) return null;
  const items = [];
  const problems = [];
  let n = 0;
  for (const child of el.children) {
    const text = inlineText(child);
    if (text === null) continue;
    n += 1;
    const title = child.dataset.title?.trim() || `${t.documentN(n)}`;
    // A text's own `lang` (an ISO 639-1 code) is its language; without one it is detected.
    const language = child.getAttribute?.('lang')?.trim() || null;
    items.push({ title, text: dedent(text), source: title, ...(language ? { language } : {}) });
  }
  const urls = [];
  for (const word of words(el.getAttribute('src')) ?? []) {
    try {
      urls.push(new URL(word, base));
    } catch {
      problems.push(t.textFailed(word, t.notAUrl));
    }
  }
  const fetched = await Promise.all(urls.map(async (url) => {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      // A corpus file (made by Save corpus, or by `text-explorer build`/`publish`) is opened
      // in place of the corpus, without tokenising anything again.
      if (isCorpusUrl(url)) return { corpus: new Uint8Array(await response.arrayBuffer()), source: url.href };
      return { title: titleFromUrl(url), text: await response.text(), source: url.href };
    } catch (error) {
      problems.push(t.textFailed(url.href, error.message || t.notLoaded));
      return null;
    }
  }));
  const corpora = fetched.filter((f) => f?.corpus);
  // One corpus at a time: the first corpus file is the corpus, the texts are added to it.
  for (const other of corpora.slice(1)) problems.push(t.textFailed(other.source, t.oneCorpusOnly));
  items.push(...fetched.filter((f) => f && !f.corpus));
  return { items, problems, corpus: corpora[0] ?? null };
}

/** Whether a `src` URL names a corpus file (by its extension, .textexplorer). */
export function isCorpusUrl(url) {
  return url.pathname.toLowerCase().endsWith('.textexplorer');
}
