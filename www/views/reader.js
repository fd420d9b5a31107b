// Reader: one document's full text with every hit of the current query marked. Opened
// from a KWIC line, it scrolls to that hit, marks it as current and focuses it.

import { h, replaceChildren, sentence } from '../dom.js';
import { latest } from './kit/latest.js';

const MAX_HITS = 100000; // the engine's largest page

export function createReaderView(ctx) {
  const { formatNumber } = ctx;
  const t = ctx.strings;
  const title = h('h2', {});
  const prev = h('button', { type: 'button', onclick: () => step(-1) }, t.previousHit);
  const next = h('button', { type: 'button', onclick: () => step(1) }, t.nextHit);
  const position = h('span', { class: 'range', 'aria-live': 'polite' });
  const hitnav = h('div', { class: 'hitnav', role: 'group', 'aria-label': t.hitsGroup, hidden: true }, prev, position, next);
  const status = h('p', { class: 'status', 'aria-live': 'polite' });
  const text = h('div', { class: 'text', part: 'text' });
  const el = h('div', { class: 'reader' },
    h('div', { class: 'reader-head' }, title, hitnav), status, text);

  const texts = new Map(); // document id -> full text
  let key = null;
  const run = latest();
  let marks = []; // [{start, end, el}] in text order
  let currentIndex = -1;
  let shownHit; // the hit last scrolled to, so re-renders don't jump
  let stepping = false;

  async function update(state, { activated = false } = {}) {
    const doc = ctx.resolveReaderDoc(state);
    const q = state.q.trim();
    const nextKey = JSON.stringify([doc, q]);
    if (nextKey !== key) {
      key = nextKey;
      const shown = await run(async () => {
        const body = await loadText(doc);
        let lines = [];
        let total = 0;
        let problem = null;
        if (q) {
          try {
            ({ lines, total } = await ctx.client.kwic(q, { doc, window: 0, limit: MAX_HITS }));
          } catch (error) {
            if (error?.superseded) throw error; // stale: dropped by run
            problem = error; // the text is shown, with the query's error
          }
        }
        return { body, lines, total, problem };
      }, ({ body, lines, total, problem }) => {
        title.textContent = ctx.docLabel(doc);
        render(body, lines);
        if (problem) setStatus(sentence(problem.message), 'error');
        else if (!q) setStatus('');
        else if (total === 0) setStatus(t.noHitsInDoc(q));
        else setStatus(t.hitsInDoc(formatNumber(total), total, q)
          + (total > lines.length ? t.firstMarked(formatNumber(lines.length)) : ''));
        shownHit = undefined;
        return true;
      }, (error) => {
        key = null;
        title.textContent = '';
        setStatus(sentence(error.message), 'error');
        replaceChildren(text);
        marks = [];
        return false;
      });
      if (shown === undefined) return; // overtaken by a newer update, which selects
    }
    if (key === nextKey) select(state.hit, activated);
  }

  async function loadText(doc) {
    if (!texts.has(doc)) texts.set(doc, await ctx.client.text(doc));
    return texts.get(doc);
  }

  function setStatus(message, kind = '') {
    status.className = `status ${kind}`.trim();
    status.textContent = message;
  }

  // Text nodes between created <mark>s: offsets are UTF-16, exactly what slice() takes.
  function render(body, lines) {
    const hits = [...lines].sort((a, b) => a.start - b.start);
    const nodes = [];
    marks = [];
    let pos = 0;
    for (const line of hits) {
      if (line.start < pos || line.end <= line.start) continue; // overlapping or empty
      if (line.start > pos) nodes.push(body.slice(pos, line.start));
      const mark = h('mark', { part: 'mark' }, body.slice(line.start, line.end));
      marks.push({ start: line.start, end: line.end, el: mark });
      nodes.push(mark);
      pos = line.end;
    }
    if (pos < body.length) nodes.push(body.slice(pos));
    replaceChildren(text, nodes);
    currentIndex = -1;
  }

  function select(hit, activated) {
    const index = hit == null ? -1 : marks.findIndex((m) => m.start === hit);
    if (currentIndex >= 0 && marks[currentIndex]) {
      const old = marks[currentIndex].el;
      old.classList.remove('current');
      old.removeAttribute('aria-current');
      old.removeAttribute('tabindex');
      old.removeAttribute('aria-label');
    }
    currentIndex = index;
    hitnav.hidden = marks.length === 0;
    prev.disabled = marks.length === 0 || index === 0;
    next.disabled = marks.length === 0 || index === marks.length - 1;
    position.textContent = index >= 0
      ? t.hitOf(formatNumber(index + 1), formatNumber(marks.length))
      : t.hitNoneOf(formatNumber(marks.length));
    if (index < 0) return;
    const mark = marks[index].el;
    mark.classList.add('current');
    mark.setAttribute('aria-current', 'true');
    mark.setAttribute('tabindex', '-1');
    if (activated || shownHit !== hit) {
      shownHit = hit;
      mark.scrollIntoView({ block: 'center' });
      // Focus follows the hit for screen readers, except while stepping with the hit
      // buttons, where the live region announces the position and focus stays put.
      if (!stepping) mark.focus({ preventScroll: true });
    }
  }

  function step(delta) {
    if (!marks.length) return;
    const index = currentIndex < 0 ? (delta > 0 ? 0 : marks.length - 1) : currentIndex + delta;
    const target = marks[Math.max(0, Math.min(marks.length - 1, index))];
    stepping = true;
    try {
      ctx.set({ hit: target.start, read: ctx.resolveReaderDoc(ctx.state()) }, { replace: true });
    } finally {
      stepping = false;
    }
  }

  return { el, update };
}
