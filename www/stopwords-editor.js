// The stop-word editor: a modal dialog to add or remove words, paste a list or load a file
// (one word a line, `#` comments) for one language at a time, and to reset every list. The
// edits live in the state (`stop`, see stopwords.js for its form): the element applies them
// to the engine, keeps them in IndexedDB and names them in the link. Loaded on first use.

import { h, sentence, uid } from './dom.js';
import { applyEdit, BASES, decodeEdits, defaultBase, diffList, encodeEdits, fold, parseList } from './stopwords.js';

/**
 * Open the editor in `parent`. ctx: {client, strings, state(), set(patch), languages}, with
 * `languages` the codes of the documents' languages (English for an unknown one). Returns the
 * <dialog>; it removes itself when closed, then calls onClose.
 */
export async function openStopEditor(parent, ctx, { onClose } = {}) {
  const S = ctx.strings.stopEditor;
  const close = ctx.strings.close;
  const { client } = ctx;
  const { languages: all } = await import('./stopwords.js').then((m) => m.collection());
  const used = [...new Set(ctx.languages.length ? ctx.languages : ['en'])];
  const others = all.filter((l) => !used.includes(l));
  let names = null;
  try {
    names = new Intl.DisplayNames([ctx.strings.locale ?? 'en'], { type: 'language' });
  } catch {
    // Without Intl.DisplayNames the codes are shown alone.
  }
  const label = (code) => `${names?.of(code) ?? code} (${code})`;
  const ids = { language: uid('stop-lang'), base: uid('stop-base'), word: uid('stop-word'), list: uid('stop-list'), title: uid('stop-title') };

  const language = h('select', { id: ids.language, onchange: () => show() },
    h('optgroup', { label: S.inUse }, used.map((code) => h('option', { value: code }, label(code)))),
    others.length ? h('optgroup', { label: S.otherLanguages }, others.map((code) => h('option', { value: code }, label(code)))) : null);
  const base = h('select', { id: ids.base, onchange: () => showList(true) });
  const baseField = h('div', { class: 'field' }, h('label', { class: 'label', for: ids.base }, S.base), base);
  const word = h('input', { type: 'text', id: ids.word, autocomplete: 'off', spellcheck: 'false' });
  const list = h('textarea', { id: ids.list, rows: 10, spellcheck: 'false' });
  const count = h('span', { class: 'muted' });
  const status = h('p', { class: 'status', role: 'status' });
  const file = h('input', { type: 'file', accept: '.txt,text/plain', hidden: true, onchange: () => load() });

  const say = (text, kind = '') => {
    status.className = `status ${kind}`.trim();
    status.textContent = text;
  };
  const edits = () => decodeEdits(ctx.state().stop);
  const baseWords = (code, name) => client.stopBase(code, name);
  const words = () => parseList(list.value);
  const setCount = () => { count.textContent = S.count(words().length); };

  // The list of the chosen language as it is now: its base with the edits applied.
  async function showList(baseChanged = false) {
    const code = language.value;
    const edit = baseChanged ? { base: base.value } : edits()[code];
    const name = edit?.base ?? defaultBase(code);
    base.value = name;
    try {
      list.value = applyEdit(await baseWords(code, name), edit).join('\n');
      setCount();
      if (baseChanged) await apply();
    } catch (error) {
      say(sentence(error.message), 'error');
    }
  }

  function show() {
    const code = language.value;
    const bases = BASES[code] ?? ['iso'];
    base.replaceChildren(...bases.map((b) => h('option', { value: b }, S.bases[b])));
    baseField.hidden = bases.length < 2;
    say('');
    return showList();
  }

  // Keeps the textarea's list as the chosen language's edit (in the state, so everywhere).
  async function apply(message = S.applied) {
    const code = language.value;
    try {
      const from = await baseWords(code, base.value);
      const next = edits();
      const edit = diffList(code, base.value, from, words());
      if (edit) next[code] = edit;
      else delete next[code];
      ctx.set({ stop: encodeEdits(next) });
      setCount();
      say(message);
    } catch (error) {
      say(sentence(error.message), 'error');
    }
  }

  function change(add) {
    const typed = parseList(word.value);
    if (!typed.length) return;
    const now = words().map(fold);
    const folded = typed.map(fold);
    const out = add ? [...new Set([...now, ...folded])] : now.filter((x) => !folded.includes(x));
    list.value = out.join('\n');
    word.value = '';
    apply(add ? S.added(typed.join(', ')) : S.removed(typed.join(', ')));
  }

  async function load() {
    const chosen = file.files?.[0];
    file.value = '';
    if (!chosen) return;
    try {
      list.value = parseList(await chosen.text()).join('\n');
      await apply(S.loaded(chosen.name));
    } catch (error) {
      say(S.loadFailed(sentence(error.message)), 'error');
    }
  }

  const dialog = h('dialog', {
    'aria-labelledby': ids.title, class: 'stop-editor',
    onclose: () => { dialog.remove(); onClose?.(); },
  },
  h('h2', { id: ids.title }, S.title),
  h('p', { class: 'muted' }, S.intro),
  h('div', { class: 'row' },
    h('div', { class: 'field' }, h('label', { class: 'label', for: ids.language }, S.language), language),
    baseField),
  h('div', { class: 'row' },
    h('div', { class: 'field' }, h('label', { class: 'label', for: ids.word }, S.word), word),
    h('button', { type: 'button', onclick: () => change(true) }, S.add),
    h('button', { type: 'button', onclick: () => change(false) }, S.remove)),
  h('label', { class: 'label', for: ids.list }, S.list), list,
  h('div', { class: 'row' },
    count,
    h('button', { type: 'button', onclick: () => apply() }, S.apply),
    h('button', { type: 'button', onclick: () => file.click() }, S.load), file,
    h('button', {
      type: 'button',
      onclick: () => { ctx.set({ stop: '' }); showList().then(() => say(S.resetDone)); },
    }, S.reset)),
  h('p', { class: 'muted' }, S.fileFormat),
  status,
  h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => dialog.close() }, close)));
  word.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      change(true);
    }
  });
  list.addEventListener('input', setCount);
  parent.append(dialog);
  dialog.showModal();
  await show();
  return dialog;
}
