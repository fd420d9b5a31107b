// KWIC's tools for linguists (CQPweb, Sketch Engine, LancsBox): a filter by a word at a
// position (`1L=the`, `W=war`), a reproducible random sample (size and seed), and tags: the
// user names categories, gives them to lines, and they are counted, kept (IndexedDB, by
// document and hit offset, so they survive a reload) and exported. Loaded after the first
// lines (kwic.js), like the export.

import { h, uid } from '../dom.js';
import { SAMPLE_MAX } from '../state.js';

const TAGS = 'kwic-tags';

/** A new seed: 32 random bits. */
export function newSeed() {
  return globalThis.crypto.getRandomValues(new Uint32Array(1))[0];
}

/** The tag names typed in a field: apart by commas (Latin, Arabic or CJK), trimmed, each once. */
export function tagNames(text) {
  return [...new Set(String(text).split(/[,،、，]/).map((s) => s.trim()).filter(Boolean))].slice(0, 20);
}

/**
 * The tools: {el, update(state), decorate(table, lines), tagOf(line)}. `ctx.settings()`
 * resolves to the page's storage (storage.js), or is null where the explorer keeps nothing
 * (tags then last as long as the page).
 */
export function kwicTools(ctx) {
  const t = ctx.strings;
  const T = t.kwicTools;
  const ids = { where: uid('where'), whereHelp: uid('wh'), sample: uid('sample'), seed: uid('seed'), tags: uid('tags') };
  let state = null;
  // {names: [..], lines: {key: name}}
  let tags = { names: [], lines: {} };
  let shown = null; // {table, lines}: the page's table, to redraw its tag column
  const store = ctx.settings?.() ?? null;
  const loaded = Promise.resolve(store?.then((s) => s.setting(TAGS)))
    .then((saved) => {
      // Tags named before the saved ones arrived (a slow IndexedDB) are the user's: kept.
      if (saved && Array.isArray(saved.names) && saved.lines && typeof saved.lines === 'object' && !tags.names.length) tags = saved;
    }, () => {})
    .then(() => {
      // Nor is what the user is typing in the field overwritten.
      if (tagField.getRootNode().activeElement !== tagField) tagField.value = tags.names.join(', ');
      if (tags.names.length) el.open = true;
      showCounts();
      if (shown) decorate(shown.table, shown.lines);
    });
  const save = () => {
    if (store) store.then((s) => s.saveSetting(TAGS, { names: tags.names, lines: tags.lines })).catch(() => {});
  };

  const docKey = (doc) => {
    const d = ctx.docs.find((x) => x.id === doc);
    return d?.source === 'user' && d.key != null ? `u${d.key}` : `a${d?.title ?? doc}`;
  };
  const lineKey = (line) => `${docKey(line.doc)}@${line.start}`;
  const tagOf = (line) => tags.lines[lineKey(line)] ?? '';

  const where = h('input', {
    type: 'text', id: ids.where, autocomplete: 'off', spellcheck: 'false', placeholder: T.wherePlaceholder,
    'aria-describedby': ids.whereHelp, class: 'where',
    onchange: () => ctx.set({ where: where.value.trim() }),
    onkeydown: (event) => {
      if (event.key === 'Enter') ctx.set({ where: where.value.trim() });
    },
  });
  // Text fields with a numeric keyboard: the view's one number field stays its window.
  const size = h('input', {
    type: 'text', id: ids.sample, inputmode: 'numeric', pattern: '[0-9]*', autocomplete: 'off', class: 'sample-size',
    onchange: () => {
      const n = size.value.trim() === '' ? 0 : Number(size.value);
      if (Number.isInteger(n) && n >= 0 && n <= SAMPLE_MAX) ctx.set({ sample: n });
      else size.value = String(state.sample);
    },
  });
  const seed = h('input', {
    type: 'text', id: ids.seed, inputmode: 'numeric', pattern: '[0-9]*', autocomplete: 'off', class: 'seed',
    onchange: () => {
      const n = Number(seed.value);
      if (Number.isInteger(n) && n >= 0 && n <= 0xffffffff) ctx.set({ seed: n });
      else seed.value = String(state.seed);
    },
  });
  const reseed = h('button', {
    type: 'button', class: 'new-seed',
    onclick: () => ctx.set({ seed: newSeed(), sample: state.sample || 20 }),
  }, T.newSeed);
  const tagField = h('input', {
    type: 'text', id: ids.tags, autocomplete: 'off', placeholder: T.tagsPlaceholder, class: 'tag-names',
    onchange: () => {
      tags = { ...tags, names: tagNames(tagField.value) };
      tagField.value = tags.names.join(', ');
      save();
      showCounts();
      if (shown) decorate(shown.table, shown.lines);
    },
  });
  const counts = h('p', { class: 'tag-counts muted', 'aria-live': 'polite' });

  function showCounts() {
    const n = {};
    for (const name of Object.values(tags.lines)) n[name] = (n[name] ?? 0) + 1;
    const parts = tags.names.map((name) => T.tagCount(name, ctx.formatNumber(n[name] ?? 0)));
    counts.textContent = parts.length ? `${T.tagged}: ${parts.join(' · ')}` : T.noTags;
  }

  /** Adds a Tag column to the page's table (a select a line) when there are tag names. */
  function decorate(table, lines) {
    shown = { table, lines };
    for (const cell of table.querySelectorAll('.tag-cell')) cell.remove();
    if (!tags.names.length) return;
    table.querySelector('thead tr')?.append(h('th', { scope: 'col', class: 'tag-cell' }, T.tag));
    for (const tr of table.querySelectorAll('tbody tr')) {
      const line = lines[Number(tr.dataset.i)];
      const value = tagOf(line);
      const select = h('select', {
        class: 'tag-select', 'aria-label': T.tagFor(line.keyword.trim(), Number(tr.dataset.i) + 1),
        onchange: () => {
          if (select.value) tags.lines[lineKey(line)] = select.value;
          else delete tags.lines[lineKey(line)];
          save();
          showCounts();
        },
      }, h('option', { value: '' }, T.noTag),
      // A tag given before its name was removed from the list stays visible.
      [...new Set([...tags.names, value].filter(Boolean))].map((name) => h('option', { value: name }, name)));
      select.value = value;
      tr.append(h('td', { class: 'tag-cell' }, select));
    }
  }

  // Folded until used (a filter or a sample in the state, tag names), so that KWIC's lines
  // come first on a phone and in a workspace panel.
  const el = h('details', { class: 'kwic-tools' },
    h('summary', {}, T.toolsSummary),
    h('div', { class: 'controls' },
      h('div', { class: 'field grow' }, h('label', { class: 'label', for: ids.where }, T.where), where),
      h('div', { class: 'field small' }, h('label', { class: 'label', for: ids.sample }, T.sample), size),
      h('div', { class: 'field small' }, h('label', { class: 'label', for: ids.seed }, T.seed), seed),
      reseed,
      h('div', { class: 'field grow' }, h('label', { class: 'label', for: ids.tags }, T.tags), tagField)),
    h('p', { class: 'muted where-help', id: ids.whereHelp }, T.whereHelp),
    counts);

  function update(next) {
    state = next;
    if (next.where || next.sample) el.open = true;
    if (where.getRootNode().activeElement !== where && where.value !== next.where) where.value = next.where;
    if (size.value !== String(next.sample)) size.value = String(next.sample);
    if (seed.value !== String(next.seed)) seed.value = String(next.seed);
  }

  showCounts();
  // Whether lines can carry tags (the CSV then has a tag column).
  const tagging = () => tags.names.length > 0 || Object.keys(tags.lines).length > 0;
  return { el, update, decorate, tagOf, tagging, loaded };
}
