// Reader: one document's text with every hit of the current query marked. Opened from a
// KWIC line, it scrolls to that hit, marks it as current and focuses it.
//
// A text of any length stays interactive: the engine cuts it into blocks of about 16 KB
// (textBlocks), and only the blocks on screen, and a margin around them, are filled with
// their text (textSlice) and their hits (hitSpans); the others are empty boxes of the
// height the text would take (estimated until measured), so that the scroll bar is right.
// Finding works through the engine too: "Next hit" asks it for the next hit anywhere in the
// text, and fills the block that holds it.

import { h, replaceChildren, sentence } from '../dom.js';
import { latest } from './kit/latest.js';

// Filled blocks kept at most (those on screen are never emptied).
const KEEP = 24;
// Blocks this far off screen are filled before they scroll in.
const MARGIN = '1200px 0px';
// Pixels per UTF-16 unit before a block is measured: 72ch lines at 1.7 line height.
const FIRST_GUESS = 0.4;
// Boxes made in one task.
const BATCH = 300;
// Blocks a part (about 8 MB of text, some 3.5 million pixels at 72 characters a line).
const PART = 512;

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
  // A text longer than PART blocks is read a part at a time (a browser scrolls a page of at
  // most about 16.7 million pixels): these open the part before or after.
  const partButton = (delta) => h('button', { type: 'button', class: 'more', hidden: true, onclick: () => openPart(delta) });
  const previousPart = partButton(-1);
  const nextPart = partButton(1);
  const el = h('div', { class: 'reader' },
    h('div', { class: 'reader-head' }, title, hitnav), status, previousPart, text, nextPart);

  let key = null;
  const run = latest();
  // The shown document: {doc, sig, q, cuts (block starts, then the end), boxes (one element
  // a block), filled (index → {body, marks: [{start, end, el, index}]}), order (filled,
  // oldest first), pending (index → promise), total (hits), ratio (px per unit), visible
  // (the blocks near the screen)}.
  let shown = null;
  let observer = null;
  let current = null; // {start, index, el} of the current hit
  let shownHit; // the hit last scrolled to, so re-renders don't jump
  let stepping = false;
  let selecting = 0; // the latest select()
  let target = null; // the index "Next hit" last went to, while its answer is awaited

  async function update(state, { activated = false } = {}) {
    const doc = ctx.resolveReaderDoc(state);
    const q = state.q.trim();
    const nextKey = JSON.stringify([doc, q]);
    if (nextKey !== key) {
      key = nextKey;
      // The same text with another query: only the marks of the filled blocks change.
      const same = shown?.doc === doc && shown.sig === signature(doc) && shown.doc != null;
      const filled = same ? [...shown.filled.keys()] : [];
      const done = await run(async () => {
        const cuts = same ? shown.cuts : await ctx.client.textBlocks(doc);
        let found = null;
        let problem = null;
        if (q) {
          const range = filled.length
            ? { start: cuts[Math.min(...filled)], end: cuts[Math.max(...filled) + 1], limit: 100000 }
            : { limit: 1 };
          try {
            found = await ctx.client.hitSpans(q, doc, range);
          } catch (error) {
            if (error?.superseded) throw error; // stale: dropped by run
            problem = error; // the text is shown, with the query's error
          }
        }
        return { cuts, found, problem };
      }, ({ cuts, found, problem }) => {
        title.textContent = ctx.docLabel(doc);
        const total = found?.total ?? 0;
        if (same && shown.doc === doc) remark(shown, problem ? '' : q, total, filled.length ? found : null);
        else build(doc, problem ? '' : q, cuts, total);
        if (problem) setStatus(sentence(problem.message), 'error');
        else if (!q) setStatus('');
        else if (total === 0) setStatus(t.noHitsInDoc(q));
        else setStatus(t.hitsInDoc(formatNumber(total), total, q));
        shownHit = undefined;
        return true;
      }, (error) => {
        key = null;
        title.textContent = '';
        setStatus(sentence(error.message), 'error');
        build(null, '', [0, 0], 0);
        return false;
      });
      if (done === undefined) return; // overtaken by a newer update, which selects
    }
    if (key === nextKey) await select(state.hit, activated);
  }

  // What identifies a document's text beyond its id (ids move down when one is removed).
  function signature(doc) {
    const info = ctx.docs.find((d) => d.id === doc);
    return info ? `${info.chars}|${info.tokens}` : '';
  }

  // A new query over the shown text: the filled blocks marked again from `found` (the hits
  // of the range they cover), the others when they are filled.
  function remark(s, q, total, found) {
    if (current?.el) unstyle(current.el);
    current = null;
    target = null;
    s.q = q;
    s.total = total;
    for (const [i, block] of s.filled) {
      const spans = [];
      let first = null;
      const all = found?.spans ?? [];
      for (let k = 0; k < all.length; k += 2) {
        if (all[k] < s.cuts[i] || all[k] >= s.cuts[i + 1]) continue;
        first ??= found.first + k / 2;
        spans.push(all[k], all[k + 1]);
      }
      draw(s, i, block.body, spans, first ?? 0);
    }
    updateNav(-1);
  }

  function setStatus(message, kind = '') {
    status.className = `status ${kind}`.trim();
    status.textContent = message;
  }

  // Empty boxes for the blocks; the observer fills those that come near the screen. A long
  // text has thousands: they are made BATCH at a time, a task each, with one box of the
  // estimated height of the rest after them meanwhile (`built` resolves when all are made).
  function build(doc, q, cuts, total, part = 0) {
    observer?.disconnect();
    current = null;
    target = null;
    const ratio = shown?.doc === doc ? shown.ratio : FIRST_GUESS;
    const blocks = Math.max(0, cuts.length - 1);
    const parts = Math.max(1, Math.ceil(blocks / PART));
    const n = Math.min(blocks, (part + 1) * PART);
    const s = {
      doc, sig: signature(doc), q, cuts, boxes: new Array(blocks), filled: new Map(), order: [], pending: new Map(), total, ratio,
      measured: false, visible: new Set(), built: null, part, made: part * PART,
    };
    previousPart.hidden = part === 0;
    nextPart.hidden = part + 1 >= parts;
    previousPart.textContent = t.previousPart(formatNumber(part), formatNumber(parts));
    nextPart.textContent = t.nextPart(formatNumber(part + 2), formatNumber(parts));
    shown = s;
    const rest = h('div', { class: 'block' });
    replaceChildren(text, rest);
    updateNav(-1);
    const index = new Map();
    observer = doc == null ? null : new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const i = index.get(entry.target);
        if (entry.isIntersecting) {
          s.visible.add(i);
          fill(s, i).catch(() => {});
        } else s.visible.delete(i);
      }
    }, { rootMargin: MARGIN });
    const mine = observer;
    let made = part * PART;
    s.built = new Promise((resolve) => {
      const batch = () => {
        if (s !== shown) return resolve();
        const boxes = [];
        for (const end = Math.min(n, made + BATCH); made < end; made += 1) {
          const box = h('div', { class: 'block', style: { height: `${Math.ceil((cuts[made + 1] - cuts[made]) * s.ratio)}px` } });
          s.boxes[made] = box;
          index.set(box, made);
          boxes.push(box);
        }
        rest.before(...boxes);
        s.made = made;
        for (const box of boxes) mine?.observe(box);
        if (made < n) {
          rest.style.height = `${Math.ceil((cuts[n] - cuts[made]) * s.ratio)}px`;
          setTimeout(batch, 0);
        } else {
          rest.remove();
          resolve();
        }
      };
      batch();
    });
    // The part's first block at once, on screen or not (a short text is one block: it is all
    // there, as a panel below the fold on a phone expects); the others as they come near.
    if (doc != null && n > part * PART) fill(s, part * PART).catch(() => {});
  }

  // Opens the part before (-1) or after (1) the shown one, at its start.
  function openPart(delta) {
    const s = shown;
    build(s.doc, s.q, s.cuts, s.total, s.part + delta);
    text.scrollIntoView({ block: 'start' });
  }

  // The block of UTF-16 offset `at`.
  function blockOf(s, at) {
    let lo = 0;
    let hi = s.boxes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s.cuts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  // Fills block i with its text and marks (once; a second call waits for the first).
  function fill(s, i) {
    if (s.filled.has(i)) return Promise.resolve(s.filled.get(i));
    if (s.pending.has(i)) return s.pending.get(i);
    const start = s.cuts[i];
    const end = s.cuts[i + 1];
    const { q, total } = s;
    const promise = Promise.all([
      ctx.client.textSlice(s.doc, start, end),
      q && total ? ctx.client.hitSpans(q, s.doc, { start, end, limit: 100000 }) : null,
    ]).then(([body, found]) => {
      s.pending.delete(i);
      if (s !== shown) throw new Error('stale');
      if (s.q !== q) return fill(s, i); // the query changed meanwhile
      const box = s.boxes[i];
      const place = anchor(s);
      const block = draw(s, i, body, found?.spans ?? [], found?.first ?? 0);
      s.order.push(i);
      if (!s.measured && end > start) {
        // The first block measured sets the estimate of the others.
        s.measured = true;
        s.ratio = box.offsetHeight / (end - start);
        for (let j = 0; j < s.boxes.length; j += 1) {
          if (s.filled.has(j) || !s.boxes[j]) continue;
          s.boxes[j].style.height = `${Math.ceil((s.cuts[j + 1] - s.cuts[j]) * s.ratio)}px`;
        }
      }
      restore(place);
      evict(s);
      return block;
    }, (error) => {
      s.pending.delete(i);
      throw error;
    });
    s.pending.set(i, promise);
    return promise;
  }

  // What stays in place on screen as blocks fill (the browser's own scroll anchoring is off
  // for the text: it may anchor to a block that grows and let the rest move): the current
  // hit, else the block at the top of the screen. anchor() notes where it is, restore()
  // scrolls by as much as it moved (after the browser's own clamping, if any).
  function anchor(s) {
    const scroller = scrollerOf(text);
    let el = current?.el?.isConnected ? current.el : null;
    if (!el) {
      const top = scroller === document.scrollingElement ? 0 : scroller.getBoundingClientRect().top;
      let lo = s.part * PART;
      let hi = s.made - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (s.boxes[mid].getBoundingClientRect().bottom <= top) lo = mid + 1;
        else hi = mid;
      }
      el = s.boxes[lo];
    }
    return el ? { el, top: el.getBoundingClientRect().top, scroller } : null;
  }

  function restore(place) {
    if (!place) return;
    const delta = place.el.getBoundingClientRect().top - place.top;
    if (delta) place.scroller.scrollTop += delta;
  }

  // Block i's text, with a mark for each hit of `spans` (UTF-16 starts and ends, flat; the
  // first is hit number `first`); a hit that runs on into the next block is marked up to
  // this block's end.
  function draw(s, i, body, spans, first) {
    const start = s.cuts[i];
    const nodes = [];
    const marks = [];
    let pos = 0;
    for (let k = 0; k < spans.length; k += 2) {
      const from = spans[k] - start;
      const to = Math.min(spans[k + 1] - start, body.length);
      if (from < pos || to <= from) continue; // overlapping or empty
      if (from > pos) nodes.push(body.slice(pos, from));
      const mark = h('mark', { part: 'mark' }, body.slice(from, to));
      marks.push({ start: spans[k], end: spans[k + 1], el: mark, index: first + k / 2 });
      nodes.push(mark);
      pos = to;
    }
    if (pos < body.length) nodes.push(body.slice(pos));
    const box = s.boxes[i];
    box.style.height = '';
    replaceChildren(box, nodes);
    const block = { body, marks };
    s.filled.set(i, block);
    // The current hit's block filled again (it was emptied off screen): its mark is current.
    const again = current && marks.find((m) => m.start === current.start);
    if (again) {
      current.el = again.el;
      styleCurrent(again.el);
    }
    return block;
  }

  // Empties the oldest filled blocks off screen beyond KEEP, keeping their measured height.
  function evict(s) {
    for (let k = 0; s.order.length > KEEP && k < s.order.length;) {
      const i = s.order[k];
      const holdsCurrent = current && blockOf(s, current.start) === i;
      if (s.visible.has(i) || holdsCurrent) {
        k += 1;
        continue;
      }
      const box = s.boxes[i];
      box.style.height = `${box.offsetHeight}px`;
      replaceChildren(box);
      s.filled.delete(i);
      s.order.splice(k, 1);
    }
  }

  function styleCurrent(mark) {
    mark.classList.add('current');
    mark.setAttribute('aria-current', 'true');
    mark.setAttribute('tabindex', '-1');
  }

  function unstyle(mark) {
    mark.classList.remove('current');
    mark.removeAttribute('aria-current');
    mark.removeAttribute('tabindex');
    mark.removeAttribute('aria-label');
  }

  function updateNav(index) {
    const total = shown?.total ?? 0;
    hitnav.hidden = total === 0;
    prev.disabled = total === 0 || index === 0;
    next.disabled = total === 0 || index === total - 1;
    position.textContent = index >= 0
      ? t.hitOf(formatNumber(index + 1), formatNumber(total))
      : t.hitNoneOf(formatNumber(total));
  }

  async function select(hit, activated) {
    const focus = !stepping;
    const me = ++selecting;
    const s = shown;
    if (current?.el) unstyle(current.el);
    current = null;
    if (hit == null || !s || s.doc == null || !s.total) {
      updateNav(-1);
      return;
    }
    let block;
    try {
      const b = blockOf(s, hit);
      // A hit in another part: that part is shown.
      if (Math.floor(b / PART) !== s.part) build(s.doc, s.q, s.cuts, s.total, Math.floor(b / PART));
      await shown.built;
      if (me !== selecting) return;
      block = await fill(shown, b);
    } catch {
      return; // stale, or the engine's error (shown by update)
    }
    if (me !== selecting) return;
    const mark = block.marks.find((m) => m.start === hit);
    if (target === mark?.index) target = null;
    if (!mark) {
      updateNav(-1);
      return;
    }
    current = { start: hit, index: mark.index, el: mark.el };
    styleCurrent(mark.el);
    updateNav(mark.index);
    if (activated || shownHit !== hit) {
      shownHit = hit;
      mark.el.scrollIntoView({ block: 'center' });
      // Focus follows the hit for screen readers, except while stepping with the hit
      // buttons, where the live region announces the position and focus stays put.
      if (focus) mark.el.focus({ preventScroll: true });
    }
  }

  // The start of hit `index`: from a filled block if it holds it, else from the engine.
  async function startOf(s, index) {
    for (const block of s.filled.values()) {
      const mark = block.marks.find((m) => m.index === index);
      if (mark) return mark.start;
    }
    const { spans } = await ctx.client.hitSpans(s.q, s.doc, { index, limit: 1 });
    return spans[0];
  }

  async function step(delta) {
    const s = shown;
    if (!s?.total) return;
    const from = target ?? current?.index;
    const index = Math.max(0, Math.min(s.total - 1, from == null ? (delta > 0 ? 0 : s.total - 1) : from + delta));
    target = index;
    let start;
    try {
      start = await startOf(s, index);
    } catch (error) {
      setStatus(sentence(error.message), 'error');
      return;
    }
    if (s !== shown || target !== index || start == null) return;
    stepping = true;
    try {
      ctx.set({ hit: start, read: ctx.resolveReaderDoc(ctx.state()) }, { replace: true });
    } finally {
      stepping = false;
    }
  }

  return { el, update };
}

// The element that scrolls `node`: the nearest ancestor (across shadow roots) that scrolls
// vertically, else the document's.
function scrollerOf(node) {
  for (let el = node.parentElement ?? node.getRootNode().host; el; el = el.parentElement ?? el.getRootNode().host) {
    const { overflowY } = getComputedStyle(el);
    if ((overflowY === 'auto' || overflowY === 'scroll') && el.scrollHeight > el.clientHeight) return el;
  }
  return document.scrollingElement;
}
