// The subcorpus box beside the document filter: a scope by metadata ("newspaper = Mint",
// "date 2024-06") that every view reads; the engine parses and resolves it (src/scope.rs). Its
// suggestions are the corpus's own fields and values, and its dates by year and month.

import { h } from './dom.js';

/** The most suggestions listed. */
const MAX_SUGGESTIONS = 200;

/** Scopes the documents' metadata suggests: `name = value` of each field, `date` by year and month. */
export function scopeSuggestions(docs) {
  const out = new Set();
  const dates = new Set();
  for (const { metadata: m } of docs) {
    if (!m) continue;
    if (m.author) out.add(`author = ${m.author}`);
    for (const { name, value } of m.fields ?? []) if (value.length <= 80) out.add(`${name} = ${value}`);
    if (m.date) {
      dates.add(m.date.slice(0, 4));
      if (m.date.length >= 7) dates.add(m.date.slice(0, 7));
    }
  }
  const list = [...out].sort((a, b) => a.localeCompare(b));
  list.push(...[...dates].sort().map((d) => `date ${d}`));
  return list.slice(0, MAX_SUGGESTIONS);
}

/** The input (id `id`) and its datalist; `onchange(scope)` on Enter or leaving the box. */
export function scopeField(t, docs, id, onchange) {
  const list = h('datalist', { id: `${id}-list` }, scopeSuggestions(docs).map((s) => h('option', { value: s })));
  const input = h('input', {
    type: 'text', id, part: 'scope-input', list: list.id, placeholder: t.scopePlaceholder,
    autocomplete: 'off', spellcheck: 'false', size: 16,
    onchange: () => onchange(input.value.trim()),
  });
  return { input, list };
}
