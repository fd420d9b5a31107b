// Word cloud: the most frequent terms (stop words left out by default), each sized by its
// count, laid out on an Archimedean spiral with rectangle collision tests, so no two words
// overlap. Each word is a keyboard-focusable button that opens it in KWIC; the chart
// downloads as SVG and the counts as a table.

import { h, replaceChildren, rovingMove, sentence } from '../dom.js';
import { svg } from './kit/svg.js';
import { svgExport, tableExport } from './kit/export.js';
import { numberField, checkField } from './kit/fields.js';
import { latest } from './kit/latest.js';
import { phraseQuery } from './kit/query.js';
import { styleNode } from './kit/style.js';

const WIDTH = 720;
const HEIGHT = 420;
const MIN_SIZE = 12;
const MAX_SIZE = 56;
// A figure narrower than NARROW_BELOW (a phone) gets a tall frame NARROW wide, and smaller
// large words: on a phone the 12px words of a 720-wide frame would shrink under 6 CSS px.
const NARROW_BELOW = 600;
const NARROW = 400;
const NARROW_MAX_SIZE = 36;

let canvas = null;
/** The width of `text` at `size` px in the widget's font (bold). */
function measure(text, size) {
  canvas ??= document.createElement('canvas');
  const g = canvas.getContext('2d');
  g.font = `600 ${size}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  return g.measureText(text).width;
}

/**
 * Place words ({term, count}, most frequent first) without overlap: each starts at the
 * centre and walks out along a spiral until its box (with a small gap) meets no placed box.
 * Words that find no room inside the frame are left out. Returns [{term, count, size, x, y, w, h}]
 * with (x, y) the baseline start.
 */
export function layout(words, width = WIDTH, height = HEIGHT, maxSize = MAX_SIZE) {
  if (!words.length) return [];
  const max = words[0].count;
  const min = words[words.length - 1].count;
  const placed = [];
  const gap = 2;
  for (const word of words) {
    const t = max === min ? 1 : Math.sqrt((word.count - min) / (max - min));
    const size = Math.round(MIN_SIZE + t * (maxSize - MIN_SIZE));
    const w = measure(word.term, size) + gap * 2;
    const hgt = size * 1.15 + gap * 2;
    let spot = null;
    for (let step = 0; step < 4000 && !spot; step += 1) {
      const angle = step * 0.35;
      const radius = 2.2 * angle;
      const cx = width / 2 + radius * Math.cos(angle) * (width / height);
      const cy = height / 2 + radius * Math.sin(angle);
      const box = { x: cx - w / 2, y: cy - hgt / 2, w, h: hgt };
      if (box.x < 0 || box.y < 0 || box.x + w > width || box.y + hgt > height) continue;
      if (placed.every((p) => box.x + box.w <= p.box.x || p.box.x + p.box.w <= box.x
        || box.y + box.h <= p.box.y || p.box.y + p.box.h <= box.y)) spot = box;
    }
    if (spot) placed.push({ ...word, size, box: spot, x: spot.x + gap, y: spot.y + gap + size * 0.9 });
  }
  return placed;
}

export function createCloudView(ctx) {
  const { formatNumber } = ctx;
  const t = ctx.strings;
  const S = t.cloud;
  const opts = { limit: 80, stopwords: false };
  const run = latest();
  let state = null;
  let chart = null;
  let rows = [];
  const rerun = () => state && update(state, { force: true });
  const limit = numberField(S.words, { min: 5, max: 200, value: opts.limit, onchange: (n) => { opts.limit = n; rerun(); } });
  const stop = checkField(t.kit.stopwords, { checked: opts.stopwords, onchange: (c) => { opts.stopwords = c; rerun(); } });
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const figure = h('figure', { class: 'chart cloud-chart' });
  const columns = [
    { label: S.term, value: (r) => r.term },
    { label: S.count, value: (r) => r.count },
  ];
  const el = h('div', { class: 'analysis cloud' }, styleNode(),
    h('div', { class: 'controls' }, limit.el, stop.el),
    h('div', { class: 'row' }, status, h('span', { class: 'exports' },
      svgExport(t, () => 'word-cloud', () => chart), tableExport(t, () => 'word-cloud', () => ({ columns, rows })))),
    figure);

  function draw(words) {
    const shown = figure.clientWidth;
    const narrow = shown > 0 && shown < NARROW_BELOW;
    const [width, height] = narrow ? [NARROW, Math.round(NARROW * 1.5)] : [WIDTH, HEIGHT];
    const placed = layout(words, width, height, narrow ? NARROW_MAX_SIZE : MAX_SIZE);
    const open = (term) => ctx.set({ view: 'kwic', q: phraseQuery(term) });
    chart = svg('svg', {
      viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'group',
      'aria-label': S.label(placed.length),
      style: 'font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-weight: 600',
    },
    placed.map((p, i) => {
      const word = svg('text', {
        x: p.x.toFixed(1), y: p.y.toFixed(1), 'font-size': p.size, class: 'cloud-word',
        // Hues mixed with the text colour: readable on light and dark backgrounds alike.
        style: `fill: color-mix(in srgb, hsl(${(i * 47) % 360} 70% 45%) 60%, currentColor)`,
        tabindex: i === 0 ? 0 : -1, role: 'button', 'aria-label': S.word(p.term, p.count),
      }, svg('title', {}, `${p.term}: ${p.count}`), p.term);
      word.addEventListener('click', () => open(p.term));
      word.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open(p.term);
        }
      });
      return word;
    }));
    // One tab stop for the whole cloud (a roving tabindex): the arrow keys move between its
    // words, most frequent first, as in the tab list.
    chart.addEventListener('keydown', (event) => {
      const words = [...chart.querySelectorAll('.cloud-word')];
      const at = words.indexOf(event.target);
      const to = rovingMove(event.key, at, words.length);
      if (at < 0 || to === null) return;
      event.preventDefault();
      words[at].setAttribute('tabindex', '-1');
      words[to].setAttribute('tabindex', '0');
      words[to].focus();
    });
    replaceChildren(figure, chart);
    return placed.length;
  }

  let key = null;
  function update(next, { force = false } = {}) {
    state = next;
    const nextKey = JSON.stringify([next.doc, next.scope, opts]);
    if (!force && nextKey === key) return;
    key = nextKey;
    run(() => ctx.client.terms({ doc: next.doc ?? undefined, scope: next.scope || undefined, stopwords: opts.stopwords, limit: opts.limit }),
      (terms) => {
        rows = terms.map(({ term, count }) => ({ term, count }));
        const shown = draw(rows);
        status.classList.remove('error');
        status.textContent = S.status(formatNumber(shown), opts.stopwords);
      },
      (error) => {
        key = null;
        status.classList.add('error');
        status.textContent = sentence(error.message);
        replaceChildren(figure);
        chart = null;
      });
  }
  return { el, update };
}
