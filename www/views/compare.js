// Compare two documents: the passages they share word for word, highlighted in both texts
// side by side; a sentence alignment (each sentence of A with its most similar sentence of
// B, cosine over content words); and the vocabulary they share and their own.

import { h, replaceChildren, sentence } from '../dom.js';
import { measureFormats } from './kit/format.js';
import { sortableTable, nextFrame } from './kit/table.js';
import { tableExport } from './kit/export.js';
import { numberField, selectField } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { phraseQuery } from './kit/query.js';
import { styleNode } from './kit/style.js';
import { registerStyles } from '../styles.js';

const TOP = 200; // terms per vocabulary list
// Rows drawn at a time, a few a frame (kit/table.js): the layout of the alignment and the
// three vocabulary lists, 500 rows at once, took 67-69 ms in one task on the 50 MB text, and
// a panel shown again is laid out whole (100 rows a table: 78-80 ms).
const ROWS = 50;
// The vocabulary lists, below the fold and in boxes of 20em, draw fewer.
const TERMS = 20;

// A document longer than this (UTF-16 units) is shown, and its passages and sentences
// compared, from its start to here, with a note: a 50 MB text is not sent to the page or
// drawn (the Reader shows a text of any length), and the engine aligns its first sentences
// only (the whole 50 MB text against an article took 14.5 s, and its 470,000 sentences one
// 0.9 s task to receive). The vocabulary lists are of the whole documents.
export const EXCERPT = 200_000;
// The text of a side is drawn in blocks of about this many characters (cut after a line
// break, else a space), each laid out only near the screen (content-visibility): the two
// articles, drawn in one piece, took 58 ms of layout each time the view was shown again.
const BLOCK = 1500;

const CSS = `
/* unicode-bidi is not inherited: each block's lines in their own direction, as the side's (and the Reader's blocks). */
.analysis .side .block { content-visibility: auto; contain-intrinsic-size: auto 12em; unicode-bidi: plaintext; }
.analysis.compare .vocab, .analysis.compare .alignment { content-visibility: auto; contain-intrinsic-size: auto 22em; }
`;

/** Where to cut `text` into blocks of about `size` characters: each block's [start, end). */
export function blocks(text, size = BLOCK) {
  const out = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(text.length, at + size);
    if (end < text.length) {
      const line = text.indexOf('\n', end);
      const space = text.indexOf(' ', end);
      const cut = line >= 0 && line < end + size ? line : space >= 0 && space < end + size ? space : -1;
      if (cut >= 0) end = cut + 1;
    }
    out.push([at, end]);
    at = end;
  }
  return out;
}

/**
 * The text of a document with the given [start, end) spans wrapped in <mark>s, in blocks of
 * about BLOCK characters (as nodes: a <div class="block"> each; a span across two blocks is
 * marked in both). Spans past the text's end (an excerpt's) are cut at it.
 */
export function marked(text, spans, { cls = 'shared', titleFor, size = BLOCK } = {}) {
  // Merge overlapping spans so each character is marked at most once.
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const s of sorted) {
    if (s.start >= text.length) break;
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.min(text.length, Math.max(last.end, s.end));
    else merged.push({ ...s, end: Math.min(text.length, s.end) });
  }
  let next = 0; // the first merged span that may reach into the block
  return blocks(text, size).map(([from, to]) => {
    const out = [];
    let at = from;
    while (next < merged.length && merged[next].end <= from) next += 1;
    for (let i = next; i < merged.length && merged[i].start < to; i += 1) {
      const s = merged[i];
      const start = Math.max(s.start, from);
      const end = Math.min(s.end, to);
      if (start > at) out.push(text.slice(at, start));
      out.push(h('mark', { class: cls, title: titleFor?.(s) ?? null }, text.slice(start, end)));
      at = end;
    }
    if (at < to) out.push(text.slice(at, to));
    return h('div', { class: 'block' }, out);
  });
}

export function createCompareView(ctx) {
  registerStyles(CSS);
  const { formatNumber } = ctx;
  const { fmt } = measureFormats(formatNumber);
  const t = ctx.strings;
  const S = t.compare;
  const ids = ctx.docs.map((d) => d.id);
  const opts = { a: ids[0] ?? 0, b: ids[1] ?? ids[0] ?? 0, minRun: 4 };
  const run = latest();
  let state = null;
  const rerun = () => state && update(state, { force: true });
  const choices = ctx.docs.map((d) => ({ value: d.id, label: ctx.docLabel(d.id) }));
  const a = selectField(S.documentA, choices, { value: opts.a, onchange: (v) => { opts.a = Number(v); rerun(); } });
  const b = selectField(S.documentB, choices, { value: opts.b, onchange: (v) => { opts.b = Number(v); rerun(); } });
  const minRun = numberField(S.minRun, { min: 1, max: 50, value: opts.minRun, onchange: (n) => { opts.minRun = n; rerun(); } });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const sideA = h('div', { class: 'side', tabindex: 0, role: 'region', 'aria-label': S.sideA });
  const sideB = h('div', { class: 'side', tabindex: 0, role: 'region', 'aria-label': S.sideB });
  const titleA = h('h3', {});
  const titleB = h('h3', {});
  let texts = ['', ''];
  const alignColumns = [
    { key: 'i', label: S.a, num: true, sort: 'asc', value: (r) => r.i + 1 },
    { key: 'a', label: S.sentenceA, sort: 'asc', value: (r) => r.aText },
    { key: 'similarity', label: S.similarity, num: true, value: (r) => r.similarity,
      render: (r) => h('span', { class: 'count' },
        h('span', { class: 'num' }, fmt(r.similarity, 2)),
        h('span', { class: 'track', 'aria-hidden': 'true' }, h('span', { class: 'fill', style: { width: `${100 * r.similarity}%` } }))) },
    { key: 'j', label: S.b, num: true, value: (r) => (r.j == null ? '' : r.j + 1) },
    { key: 'b', label: S.bestB, sort: 'asc', value: (r) => r.bText },
  ];
  const align = sortableTable(t, { caption: S.alignCaption, columns: alignColumns, initial: { key: 'i', descending: false }, page: ROWS, inFrames: true });
  const vocabColumns = (which) => [
    {
      key: 'term', label: S.term, sort: 'asc', value: (r) => r.term,
      render: (r) => h('button', {
        type: 'button', class: 'term-btn', title: t.showInContext(r.term),
        onclick: () => ctx.set({ view: 'kwic', q: phraseQuery(r.term), doc: null }),
      }, r.term),
    },
    ...(which !== 'b' ? [{ key: 'a', label: S.a, num: true, value: (r) => r.a }] : []),
    ...(which !== 'a' ? [{ key: 'b', label: S.b, num: true, value: (r) => r.b }] : []),
  ];
  const shared = sortableTable(t, { caption: S.sharedCaption, columns: vocabColumns('both'), page: TERMS, inFrames: true });
  const onlyA = sortableTable(t, { caption: S.onlyACaption, columns: vocabColumns('a'), page: TERMS, inFrames: true });
  const onlyB = sortableTable(t, { caption: S.onlyBCaption, columns: vocabColumns('b'), page: TERMS, inFrames: true });
  const section = (title, table, columns, file) => h('section', { class: 'vocab' },
    h('div', { class: 'row' }, h('h3', {}, title), tableExport(t, () => `compare-${opts.a}-${opts.b}-${file}`, () => ({ columns, rows: table.rows() }))),
    table.el);
  const el = h('div', { class: 'analysis compare' }, styleNode(),
    h('div', { class: 'controls' }, a.el, b.el, minRun.el),
    status,
    h('div', { class: 'sides' }, h('section', {}, titleA, sideA), h('section', {}, titleB, sideB)),
    h('div', { class: 'row' }, h('h3', {}, S.alignTitle),
      tableExport(t, () => `compare-${opts.a}-${opts.b}-alignment`, () => ({ columns: alignColumns, rows: align.rows() }))),
    h('div', { class: 'alignment' }, align.el),
    h('div', { class: 'vocabs' },
      section(S.shared, shared, vocabColumns('both'), 'shared'),
      section(S.onlyA, onlyA, vocabColumns('a'), 'only-a'),
      section(S.onlyB, onlyB, vocabColumns('b'), 'only-b')));

  // A document's text, or its first EXCERPT UTF-16 units when it is longer (what the engine
  // compares): {text, long}. Its characters are at most its units and at least half of them
  // (outside the Basic Multilingual Plane, as emoji, a character is two), so only a text of
  // EXCERPT / 2 to EXCERPT characters is fetched whole to tell.
  const textOf = async (id) => {
    const chars = ctx.docs.find((d) => d.id === id)?.chars ?? 0;
    if (chars > EXCERPT) return { text: await ctx.client.textSlice(id, 0, EXCERPT), long: true };
    const text = await ctx.client.text(id);
    if (text.length <= EXCERPT) return { text, long: false };
    // Not between the two halves of a character.
    const end = /[\uD800-\uDBFF]/.test(text[EXCERPT - 1]) ? EXCERPT - 1 : EXCERPT;
    return { text: text.slice(0, end), long: true };
  };

  let key = null;
  let drawing = 0; // bumped by each answer drawn
  function update(next, { force = false } = {}) {
    state = next;
    const nextKey = JSON.stringify(opts);
    if (!force && nextKey === key) return;
    key = nextKey;
    el.setAttribute('aria-busy', 'true');
    run(async () => {
      const [cmp, textA, textB] = await Promise.all([
        ctx.client.compare(opts.a, opts.b, { minRun: opts.minRun, limit: TOP, excerpt: EXCERPT }),
        textOf(opts.a),
        textOf(opts.b),
      ]);
      return { cmp, textA: textA.text, textB: textB.text, cut: [textA, textB].map((x) => x.long) };
    }, async ({ cmp, textA, textB, cut: long }) => {
      // Drawn a part a frame (each part's style and layout is its own task); a newer answer
      // stops an older drawing.
      const mine = (drawing += 1);
      const later = async () => {
        await nextFrame();
        return mine === drawing;
      };
      texts = [textA, textB];
      const words = cmp.runs.reduce((n, r) => n + r.tokens, 0);
      const paired = cmp.sentencesA.filter((s) => s.best != null);
      const mean = paired.length ? paired.reduce((n, s) => n + s.similarity, 0) / paired.length : 0;
      status.classList.remove('error');
      const cut = [opts.a, opts.b].filter((_, k) => long[k]).map((id) => S.excerpt(ctx.docLabel(id), formatNumber(EXCERPT)));
      status.textContent = [S.status({
        runs: formatNumber(cmp.runs.length), runCount: cmp.runs.length, minRun: opts.minRun, words: formatNumber(words),
        sharedTypes: formatNumber(cmp.sharedTypes), paired: formatNumber(paired.length),
        sentences: formatNumber(cmp.sentencesA.length), mean: fmt(mean, 2),
      }), ...cut].join(' ');
      titleA.textContent = S.titleA(ctx.docLabel(opts.a));
      titleB.textContent = S.titleB(ctx.docLabel(opts.b));
      const title = (s) => S.wordsShared(formatNumber(s.tokens));
      replaceChildren(sideA, marked(textA, cmp.runs.map((r) => ({ ...r.a, tokens: r.tokens })), { titleFor: title }));
      if (!(await later())) return;
      replaceChildren(sideB, marked(textB, cmp.runs.map((r) => ({ ...r.b, tokens: r.tokens })), { titleFor: title }));
      if (!(await later())) return;
      // The engine compares the sentences within the texts as shown (`excerpt`).
      align.set(cmp.sentencesA.map((s, i) => {
        const best = s.best == null ? null : cmp.sentencesB[s.best];
        return {
          i, j: s.best, similarity: s.similarity,
          aText: texts[0].slice(s.start, s.end).replace(/\s+/g, ' '),
          bText: best ? texts[1].slice(best.start, best.end).replace(/\s+/g, ' ') : '',
        };
      }));
      for (const [table, rows] of [[shared, cmp.shared], [onlyA, cmp.onlyA], [onlyB, cmp.onlyB]]) {
        if (!(await later())) return;
        table.set(rows);
      }
      el.removeAttribute('aria-busy');
    }, (error) => {
      drawing += 1;
      el.removeAttribute('aria-busy');
      key = null;
      status.classList.add('error');
      status.textContent = sentence(error.message);
      replaceChildren(sideA);
      replaceChildren(sideB);
      align.set([]);
      shared.set([]);
      onlyA.set([]);
      onlyB.set([]);
    });
  }
  return { el, update };
}
