// The Embed dialog of <text-explorer>: the two snippets (an element, an iframe) that reopen
// the current view in another site, ready to copy.

import { h } from './dom.js';
import { normalize } from './state.js';
import { versioned } from './version.js';
import { words } from './text-source.js';

/** Quote a value for an HTML attribute in a snippet that the user copies. */
export function attr(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The attributes that reopen the current view elsewhere: [name, value] pairs. `el`: the
 * element (its src, views, color-scheme, lang, compact); `state`: its state; `controls`:
 * the controls it shows; `defaultControls`: those shown when `controls` is absent.
 */
export function embedAttributes(el, state, controls, defaultControls) {
  const defaults = normalize({});
  const out = [];
  if (state.view !== defaults.view) out.push(['view', state.view]);
  if (state.q) out.push(['query', state.q]);
  if (state.doc != null) out.push(['doc', String(state.doc)]);
  if (state.scope) out.push(['scope', state.scope]);
  if (state.sort !== defaults.sort) out.push(['sort', state.sort]);
  if (state.window !== defaults.window) out.push(['window', String(state.window)]);
  if (state.fold) out.push(['fold-diacritics', '']);
  const src = words(el.getAttribute('src'));
  if (src?.length) out.push(['src', src.map((u) => new URL(u, document.baseURI).href).join(' ')]);
  for (const name of ['views', 'color-scheme', 'lang']) {
    const value = el.getAttribute(name);
    if (value != null) out.push([name, value]);
  }
  // The page's own Embed button is not wanted on the copies.
  const shown = controls.filter((c) => c !== 'embed');
  if (shown.join(' ') !== defaultControls.join(' ')) out.push(['controls', shown.join(' ')]);
  if (el.hasAttribute('compact')) out.push(['compact', '']);
  // The workspace's layout as chosen (absent: by the copy's own width) and its panels.
  if (state.layout) out.push(['layout', state.layout]);
  if (state.panels !== defaults.panels) out.push(['panels', state.panels]);
  return out;
}

/**
 * The two snippets for attribute pairs: {element, iframe}. The URLs are those of this
 * folder's text-explorer.js and embed.html, with the release's ?v=.
 */
export function embedSnippets(pairs) {
  const script = versioned('./text-explorer.js', import.meta.url).href;
  const tag = pairs.map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${attr(value)}"`)).join('');
  const element = `<script type="module" src="${attr(script)}"></script>\n<text-explorer${tag}></text-explorer>`;
  const page = versioned('./embed.html', import.meta.url);
  for (const [name, value] of pairs) {
    if (name === 'src') for (const url of words(value)) page.searchParams.append('src', url);
    else page.searchParams.set(name, value);
  }
  const iframe = `<iframe src="${attr(page.href)}" title="Text Explorer" width="100%" height="640" loading="lazy"></iframe>`;
  return { element, iframe };
}

/**
 * Open the modal Embed dialog in `parent`: the snippets, each with a Copy button, and a
 * note when the widget holds texts that a snippet cannot carry (`note`). `id(name)` makes
 * the element-unique ids. Returns the <dialog>; it removes itself when closed.
 */
export function openEmbedDialog({ t, snippets, note, id, parent }) {
  const block = (key, label, text) => {
    const area = h('textarea', { id: id(key), readonly: true, rows: key === 'element' ? 3 : 4, spellcheck: 'false', value: text });
    const result = h('span', { class: 'copied', 'aria-live': 'polite' });
    const copy = h('button', {
      type: 'button',
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
    return [h('label', { class: 'label', for: id(key) }, label), area, h('div', { class: 'row' }, copy, result)];
  };
  const dialog = h('dialog', { 'aria-labelledby': id('title'), part: 'embed-dialog', onclose: () => dialog.remove() },
    h('h2', { id: id('title') }, t.embedTitle),
    note && h('p', { class: 'help' }, t.embedNote),
    block('element', t.embedElement, snippets.element),
    block('iframe', t.embedIframe, snippets.iframe),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => dialog.close() }, t.close)));
  parent.append(dialog);
  dialog.showModal();
  return dialog;
}
