// Asks which column of a CSV or TSV file holds the texts, when none is named text, content or
// body: a modal <dialog> (focus moves into it and back; Escape cancels) with a labelled select,
// the likeliest column chosen. Resolves to the column's index, or null to add the file as
// one text.

import { h } from '../dom.js';

/** Ask in `host` (an element the dialog is appended to); `t`: the Texts strings. */
export function askColumn(host, name, columns, guess, t) {
  return new Promise((resolve) => {
    const returnTo = host.getRootNode().activeElement ?? null;
    const select = h('select', { id: `column-${Date.now()}` },
      columns.map((column, i) => h('option', { value: String(i) }, column || t.columnN(i + 1))));
    select.value = String(guess);
    let answer = null;
    const dialog = h('dialog', { class: 'column-dialog', 'aria-labelledby': `${select.id}-title` },
      h('form', {
        method: 'dialog',
        onsubmit: () => { answer = Number(select.value); },
      },
      h('h2', { id: `${select.id}-title` }, t.columnQuestion(name)),
      h('label', { for: select.id }, t.columnLabel), ' ', select,
      h('div', { class: 'controls' },
        h('button', { type: 'submit' }, t.columnUse),
        h('button', { type: 'button', onclick: () => dialog.close() }, t.columnWhole))));
    dialog.addEventListener('close', () => {
      dialog.remove();
      returnTo?.focus?.();
      resolve(answer);
    });
    host.append(dialog);
    dialog.showModal();
    select.focus();
  });
}
