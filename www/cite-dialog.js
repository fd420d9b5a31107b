// The Cite dialog of <text-explorer> (issue 12 §4): a permalink that names the corpus by its
// SHA-256 (permalink.js) with the view's state, the corpus itself inside the link when it
// compresses to 32 KiB or less, and a citation line (title, "Text Explorer <version>", the
// corpus hash, the link, the date of access), each ready to copy. Loaded on first use.

import { h, numberFormat, sentence } from './dom.js';
import { format } from './state.js';
import { engineCorpus, isoDate, linkCorpusOffPage, permalink } from './permalink.js';
import { VERSION } from './version.js';

/** The citation line (strings' cite.line, with the pieces it names). */
export function citation(t, { title, hash, url, date }) {
  return t.cite.line({ title, version: VERSION, hash, url, date });
}

/**
 * Open the modal Cite dialog of a widget: `host` (the element's #linkHost) gives the engine
 * (`client`), the strings (`t`), the view's `state` and documents (`docs`), the `page` the
 * link opens, element-unique ids (`id(name)`) and the `parent` of the dialog. Returns the
 * <dialog> at once, with `ready`, a Promise settled once the link is in it (or the failure
 * said); it removes itself when closed.
 */
export function openCiteDialog({ t, client, page, state, docs, id, parent }) {
  const T = t.cite;
  const formatNumber = numberFormat(t.locale);
  // The citation's title: the document the view shows, else the corpus's only one.
  const title = docs.find((d) => d.id === state.doc)?.title ?? (docs.length === 1 ? docs[0].title : '');
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
  dialog.ready = (async () => {
    try {
      const corpus = await linkCorpusOffPage(await engineCorpus(client));
      const url = permalink(page, format(state), corpus.hash, corpus.data);
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
  })();
  return dialog;
}
