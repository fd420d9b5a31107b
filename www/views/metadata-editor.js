// The Texts view's metadata of a document: a short summary under its title, and the form that
// edits its author, date, source and `name: value` fields (labelled inputs; Add a field,
// Remove, Save, Cancel; Escape cancels). Saving sends the metadata to the engine, which
// checks it (an ISO 8601 date, each field named once): a refusal is said and the form stays
// open with what was typed.

import { h } from '../dom.js';
import { registerStyles } from '../styles.js';

registerStyles(`
.texts .doc-meta { display: block; color: var(--te-muted, #5b6070); font-size: .85em; overflow-wrap: anywhere; }
.texts .meta-form fieldset { display: grid; gap: .5em; max-width: 48em; border: 1px solid var(--te-border, #8a8f9c); border-radius: .4em; }
.texts .meta-form .field { display: grid; gap: .15em; }
.texts .meta-form .field small { color: var(--te-muted, #5b6070); }
.texts .meta-fields { list-style: none; margin: 0; padding: 0; display: grid; gap: .35em; }
.texts .meta-fields li { display: flex; flex-wrap: wrap; gap: .35em; align-items: center; }
.texts .meta-fields .meta-value { flex: 1 1 12em; }
.texts .meta-fields-label { margin: .25em 0 0; }
.texts .meta-form .controls { margin-top: .5em; }
.texts .meta-form fieldset > button { justify-self: start; }
`);

/** The metadata as one line: "author · date · source · name: value · …" ('' for none). */
export function metadataSummary(metadata) {
  if (!metadata) return '';
  const parts = [metadata.author, metadata.date, metadata.source].filter(Boolean);
  for (const { name, value } of metadata.fields ?? []) parts.push(`${name}: ${value}`);
  return parts.join(' · ');
}

/**
 * The editing form of `doc`'s metadata. `save(metadata)` resolves once the engine has taken
 * it (and it is stored), or rejects with the engine's message; `close(saved)` ends editing.
 * `t`: the Texts strings.
 */
export function metadataForm(doc, t, { save, close, say }) {
  const m = doc.metadata ?? {};
  let n = 0;
  const id = (what) => `meta-${doc.id}-${what}-${n++}`;
  const input = (label, value, extra = {}) => {
    const field = h('input', { type: 'text', id: id('in'), value: value ?? '', ...extra });
    return { field, el: h('div', { class: 'field' }, h('label', { for: field.id }, label), field) };
  };
  const author = input(t.metaAuthor, m.author);
  const hint = h('small', { id: id('hint') }, t.metaDateHint);
  const date = input(t.metaDate, m.date, { 'aria-describedby': hint.id });
  date.el.append(hint);
  const source = input(t.metaSource, m.source);
  const rows = h('ul', { class: 'meta-fields' });
  const addRow = (name = '', value = '') => {
    const nameIn = h('input', { type: 'text', value: name, 'aria-label': t.metaFieldName, class: 'meta-name' });
    const valueIn = h('input', { type: 'text', value, 'aria-label': t.metaFieldValue, class: 'meta-value' });
    const li = h('li', {}, nameIn, h('span', { 'aria-hidden': 'true' }, ': '), valueIn,
      h('button', {
        type: 'button',
        'aria-label': t.metaRemoveField(name || t.metaFieldName),
        onclick: () => {
          // Focus to the next field's name, else the Add button: not lost to the body.
          const next = li.nextElementSibling?.querySelector('input') ?? addButton;
          li.remove();
          next.focus();
        },
      }, t.remove));
    rows.append(li);
    return nameIn;
  };
  for (const { name, value } of m.fields ?? []) addRow(name, value);
  const addButton = h('button', { type: 'button', onclick: () => addRow().focus() }, t.metaAddField);
  const form = h('form', {
    class: 'meta-form',
    'aria-label': t.metaFormLabel(doc.title),
    onsubmit: async (event) => {
      event.preventDefault();
      const metadata = {
        author: author.field.value.trim() || null,
        date: date.field.value.trim() || null,
        source: source.field.value.trim() || null,
        fields: [...rows.children].map((li) => ({ name: li.querySelector('.meta-name').value.trim(), value: li.querySelector('.meta-value').value.trim() }))
          .filter((f) => f.name || f.value),
      };
      try {
        await save(metadata);
        close(true);
      } catch (error) {
        say('error', t.metaRefused(doc.title, error.message));
        (/date/i.test(error.message) ? date.field : form.querySelector('input'))?.focus();
      }
    },
    onkeydown: (event) => {
      if (event.key === 'Escape') close();
    },
  },
  h('fieldset', {}, h('legend', {}, t.metaLegend(doc.title)), author.el, date.el, source.el,
    h('p', { class: 'meta-fields-label' }, t.metaFields), rows, addButton),
  h('div', { class: 'controls' }, h('button', { type: 'submit' }, t.save), h('button', { type: 'button', onclick: () => close() }, t.cancel)));
  return { el: form, focus: () => author.field.focus() };
}
