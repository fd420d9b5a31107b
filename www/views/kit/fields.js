// The analysis views' form fields, and the query syntax shown on demand.

import { h, uid } from '../../dom.js';

/** A labelled number input with bounds; a value out of [min, max] is put back. */
export function numberField(label, { min, max, value, onchange }) {
  const id = uid('num');
  const input = h('input', {
    type: 'number', id, min, max, step: 1, value: String(value), inputmode: 'numeric',
    onchange: () => {
      const n = Number(input.value);
      if (Number.isInteger(n) && n >= min && n <= max) onchange(n);
      else input.value = String(value);
    },
  });
  const field = h('div', { class: 'field small' }, h('label', { class: 'label', for: id }, label), input);
  return {
    el: field,
    input,
    set(n) {
      value = n;
      input.value = String(n);
    },
  };
}

/** A labelled select of [{value, label}]. */
export function selectField(label, options, { value, onchange }) {
  const id = uid('sel');
  const select = h('select', { id, onchange: () => onchange(select.value) },
    options.map((o) => h('option', { value: String(o.value) }, o.label)));
  select.value = String(value);
  return { el: h('div', { class: 'field' }, h('label', { class: 'label', for: id }, label), select), select };
}

/** A checkbox with its label. */
export function checkField(label, { checked, onchange }) {
  const input = h('input', { type: 'checkbox', checked, onchange: () => onchange(input.checked) });
  return { el: h('label', { class: 'check' }, input, label), input };
}

/**
 * A query field bound to the shared query (state.q); typing replaces the history entry.
 * `placeholder` defaults to the query examples of the strings.
 */
export function queryField(ctx, label, { placeholder = ctx.strings.kit.queryHelp } = {}) {
  const id = uid('q');
  const input = h('input', {
    type: 'search', id, autocomplete: 'off', spellcheck: 'false', placeholder,
    oninput: () => ctx.set({ q: input.value }, { replace: true }),
  });
  const el = h('div', { class: 'field grow' }, h('label', { class: 'label', for: id }, label), input);
  return {
    el,
    input,
    sync(q) {
      // Not while the user types in it (the state follows the field then).
      if (input.value !== q && input.getRootNode().activeElement !== input) input.value = q;
    },
  };
}

/** The query syntax, shown on demand (a closed <details>). `t`: the UI strings. */
export function syntaxHelp(t) {
  return h('details', { class: 'syntax' },
    h('summary', {}, t.syntax.title),
    h('dl', {}, t.syntax.rows.map(([code, what]) => [h('dt', {}, h('code', {}, code)), h('dd', {}, what)])));
}
