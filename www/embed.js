// The iframe embed (embed.html): builds one <text-explorer> from the page's URL parameters
// and, when the URL names the parent's origin (`origin=https://host.example`), talks to the
// parent with postMessage:
//
//   parent → embed  {type: 'text-explorer:search', id?, query, doc?}
//                   {type: 'text-explorer:clear', id?}
//                   {type: 'text-explorer:addDocument', id?, title, text}
//                   {type: 'text-explorer:set', id?, attributes: {view: 'kwic', query: 'kim', …}}
//   embed → parent  {type: 'text-explorer:ready', documents, version}
//                   {type: 'text-explorer:query', detail: {query, doc, total} | {query, doc, error}}
//                   {type: 'text-explorer:result', id, ok: true, value} | {…, ok: false, error}
//
// A message is obeyed only if it comes from the parent window AND from that origin; the embed
// posts only to that origin, so texts and queries never go to another site. Without
// `origin`, the embed neither listens nor posts.

import './text-explorer.js';

const ATTRIBUTES = ['view', 'query', 'doc', 'window', 'sort', 'views', 'controls', 'color-scheme', 'lang', 'layout', 'panels'];

const params = new URLSearchParams(window.location.search);
const widget = document.createElement('text-explorer');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) widget.setAttribute(name, value);
}
// `src` may repeat; the attribute separates URLs by spaces, so spaces inside one are escaped.
const src = params.getAll('src').map((url) => url.trim().replace(/\s/g, encodeURIComponent)).filter(Boolean);
if (src.length) widget.setAttribute('src', src.join(' '));
if (params.has('compact') && params.get('compact') !== 'false') widget.setAttribute('compact', '');
if (params.has('fold-diacritics') && params.get('fold-diacritics') !== 'false') widget.setAttribute('fold-diacritics', '');
if (params.has('lang')) document.documentElement.lang = params.get('lang');
// The page around the widget follows its scheme (embed.css).
const scheme = params.get('color-scheme');
if (scheme === 'light' || scheme === 'dark') document.documentElement.dataset.colorScheme = scheme;
document.body.prepend(widget);

/** The one origin allowed to drive this embed, or null (postMessage off). */
function parentOrigin() {
  const value = params.get('origin');
  if (!value || window.parent === window) return null;
  let origin;
  try {
    ({ origin } = new URL(value));
  } catch {
    return null;
  }
  // Where the browser tells who the parent is (Chromium, Safari), a mismatch means no API at
  // all: nothing is posted that the browser would drop (and log) anyway.
  const parent = window.location.ancestorOrigins?.[0];
  if (origin === 'null' || (parent !== undefined && parent !== origin)) return null;
  return origin;
}

const allowed = parentOrigin();

if (allowed) {
  const post = (message) => window.parent.postMessage(message, allowed);
  widget.addEventListener('text-explorer-ready', (event) => post({ type: 'text-explorer:ready', ...event.detail }));
  widget.addEventListener('text-explorer-query', (event) => post({ type: 'text-explorer:query', detail: event.detail }));

  const COMMANDS = {
    'text-explorer:search': (data) => widget.search(data.query, data.doc === undefined ? {} : { doc: data.doc }),
    'text-explorer:clear': () => widget.clear(),
    'text-explorer:addDocument': (data) => widget.addDocument(data.title, data.text),
    'text-explorer:set': (data) => {
      for (const [name, value] of Object.entries(data.attributes ?? {})) {
        if (!ATTRIBUTES.includes(name) && !['src', 'compact', 'fold-diacritics'].includes(name)) throw new Error(`unknown attribute ${name}`);
        if (value === null || value === false) widget.removeAttribute(name);
        else widget.setAttribute(name, value === true ? '' : String(value));
      }
      return widget.state;
    },
  };

  window.addEventListener('message', async (event) => {
    // Only the parent page, and only from the origin it was given: anything else is ignored.
    if (event.source !== window.parent || event.origin !== allowed) return;
    const data = event.data;
    const command = data && typeof data === 'object' ? COMMANDS[data.type] : undefined;
    if (!command) return;
    try {
      const value = await command(data);
      if (data.id !== undefined) post({ type: 'text-explorer:result', id: data.id, ok: true, value });
    } catch (error) {
      if (data.id !== undefined) post({ type: 'text-explorer:result', id: data.id, ok: false, error: String(error?.message ?? error) });
    }
  });
}
