// The Cite dialog of <text-explorer> (issue 12 §4): a permalink that names the corpus by its
// SHA-256 (permalink.js) with the view's state, the corpus itself inside the link when it
// compresses to 32 KiB or less, and a citation line (title, "Text Explorer <version>", the
// corpus hash, the link, the date of access), each ready to copy. Loaded on first use.

import { h, sentence } from './dom.js';
import { engineCorpus, isoDate, linkCorpusOffPage, permalink } from './permalink.js';
import { VERSION } from './version.js';

/** The citation line (strings' cite.line, with the pieces it names). */
export function citation(t, { title, hash, url, date }) {
  return t.cite.line({ title, version: VERSION, hash, url, date });
}

/**
 * Open the modal Cite dialog in `parent`. `client`: the engine; `page`: the URL the link
 * opens (without its hash); `stateHash`: the view's state as state.js formats it; `title`:
 * the cited document's title, or ''; `id(name)`: element-unique ids; `t`: the UI strings.
 * Resolves with the <dialog> once the link is in it; it removes itself when closed.
 */
export async function openCiteDialog({ t, client, page, stateHash, title, id, parent, formatNumber }) {
  const T = t.cite;
  const status = h('p', { class: 'cite-note', role: 'status' }, T.working);
  const block = (key, label, copyLabel) => {
    const area = h('textarea', { id: id(key), readonly: true, rows: key === 'link' ? 4 : 3, spellcheck: 'false', dir: 'ltr' });
    const result = h('span', { class: 'copied', 'aria-live': 'polite' });
    const copy = h('button', {
      type: 'button', disabled: true, 'aria-label': copyLabel,
      onclick: async () => {
        area.select();
        try {
          await navigator.clipboard.writeText(area.value);
          result.textContent = t.copied;
        } catch {
          result.textContent = t.copyFailed;
        }
      },
    }, t.copy);
    return { area, copy, nodes: [h('label', { class: 'label', for: id(key) }, label), area, h('div', { class: 'row' }, copy, result)] };
  };
  const link = block('link', T.link, T.copyLink);
  const line = block('citation', T.citation, T.copyCitation);
  const dialog = h('dialog', { 'aria-labelledby': id('title'), part: 'cite-dialog', class: 'cite-dialog', onclose: () => dialog.remove() },
    h('h2', { id: id('title') }, T.title),
    h('p', { class: 'cite-note' }, T.intro),
    status,
    ...link.nodes,
    ...line.nodes,
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => dialog.close() }, t.close)));
  parent.append(dialog);
  dialog.showModal();
  try {
    const corpus = await linkCorpusOffPage(await engineCorpus(client));
    const url = permalink(page, stateHash, corpus.hash, corpus.data);
    // The compressed size when the link carries the corpus, else the corpus's own size.
    status.textContent = corpus.data
      ? T.carried(formatNumber(corpus.compressed / 1024, 1))
      : T.notCarried(formatNumber(corpus.bytes / 1024, 0));
    link.area.value = url;
    line.area.value = citation(t, { title, hash: corpus.hash, url, date: isoDate() });
    link.copy.disabled = false;
    line.copy.disabled = false;
    dialog.dataset.hash = corpus.hash;
  } catch (error) {
    status.textContent = T.failed(sentence(error.message));
    status.className = 'cite-note error';
  }
  return dialog;
}
