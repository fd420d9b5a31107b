// Texts: the user's own texts. Paste one with a title, open or drop files (.txt, .md, .html,
// .htm; several at once), or load one from a URL; rename and remove them; hide the embedded
// articles (one click brings them back); "Clear my texts". Texts are kept in this browser's
// IndexedDB (storage.js), stored before they are indexed, and never leave the browser.
//
// Decoding happens in the engine's worker (BOM, else UTF-8, else Firefox's detector and
// decoder, encoding_rs + chardetng); HTML is reduced to its visible text here, with the
// browser's own parser (DOMParser is not available in workers).

import { h, replaceChildren, formatNumber, sentence } from '../dom.js';
import { openStorage, articlesHidden, setArticlesHidden } from '../storage.js';

/**
 * The most text the explorer takes, in characters (UTF-16 code units), over all texts. The
 * index costs about 28 bytes per word (term id, start and end offsets, one posting of
 * document and position, and the slack of growing arrays; measured on the Brown Corpus),
 * about 5 bytes per character of English, on top of the text itself (1 byte per character
 * in the engine, 2 in JavaScript while it is handed over): 64 million characters take about
 * 0.5 GB at the peak, which a desktop browser tab holds; much more risks the tab being
 * killed for memory, without warning.
 */
export const MAX_TOTAL_CHARS = 64_000_000;

/** The largest file read, in bytes (the same bound: a file larger cannot fit). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const HTML = /\.(html?|xhtml)$/i;

/** Elements whose content is never visible text. */
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS']);
/** Elements that start a new line of text. */
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/**
 * The visible text of an HTML document and its <title>: scripts, styles and the head left
 * out, block elements on their own lines, runs of spaces collapsed (kept inside <pre>).
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = (doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const parts = [];
  const walk = (node, pre) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        parts.push(pre ? child.data : child.data.replace(/\s+/g, ' '));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (HIDDEN.has(tag) || child.hidden) continue;
        const block = BLOCKS.has(tag);
        if (block) parts.push('\n');
        walk(child, pre || tag === 'PRE');
        if (block) parts.push('\n');
      }
    }
  };
  if (doc.body) walk(doc.body, false);
  const text = parts.join('')
    .split('\n').map((line) => line.replace(/^ +| +$/g, '')).join('\n')
    .replace(/\n{3,}/g, '\n\n').trim();
  return { title, text };
}

const stem = (name) => name.replace(/\.[^.]*$/, '') || name;
const ENCODING_HOW = { bom: 'from its byte-order mark', 'utf-8': 'valid UTF-8', detected: 'detected' };

export function createTextsView(ctx) {
  const { client } = ctx;
  let storage = null;
  let docs = [];
  let busy = false;

  // --- the banner: progress and messages, shown above every view -------------------------
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Indexing progress' });
  const barText = h('span', {});
  const cancel = h('button', { type: 'button', onclick: () => client.cancelIndexing() }, 'Cancel');
  const progress = h('div', { class: 'progress', hidden: true, role: 'group', 'aria-label': 'Indexing' }, bar, barText, cancel);
  const messages = h('ul', { class: 'messages', 'aria-live': 'polite' });
  const banner = h('div', { class: 'texts-banner' }, progress, messages);

  // --- the panel -----------------------------------------------------------------------------
  const titleInput = h('input', { type: 'text', name: 'title', placeholder: 'Title', 'aria-label': 'Title of the pasted text' });
  const pasteArea = h('textarea', { name: 'text', rows: 6, placeholder: 'Paste or type a text here', 'aria-label': 'Text to add' });
  const pasteForm = h('form', {
    class: 'paste',
    onsubmit: (event) => {
      event.preventDefault();
      const text = pasteArea.value;
      if (!text.trim()) {
        say('error', 'The text is empty: paste or type some text to add.');
        return;
      }
      addItems([{ title: titleInput.value.trim() || 'Pasted text', text, encoding: null, name: null }]).then((ok) => {
        if (ok) {
          pasteArea.value = '';
          titleInput.value = '';
        }
      });
    },
  }, titleInput, pasteArea, h('button', { type: 'submit' }, 'Add text'));

  const fileInput = h('input', {
    type: 'file', multiple: true, accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html',
    'aria-label': 'Open files',
    onchange: () => {
      const files = [...fileInput.files];
      fileInput.value = '';
      addFiles(files);
    },
  });
  const drop = h('div', {
    class: 'drop', tabindex: -1,
    ondragover: (event) => {
      event.preventDefault();
      drop.classList.add('over');
    },
    ondragleave: () => drop.classList.remove('over'),
    ondrop: (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      addFiles([...(event.dataTransfer?.files ?? [])]);
    },
  }, h('p', {}, 'Drop .txt, .md or .html files here, or ', h('label', { class: 'file-label' }, 'open files', fileInput), '.'));

  const urlInput = h('input', { type: 'url', name: 'url', placeholder: 'https://…', 'aria-label': 'URL of a text' });
  const urlForm = h('form', {
    class: 'url',
    onsubmit: (event) => {
      event.preventDefault();
      loadUrl(urlInput.value.trim()).then((ok) => { if (ok) urlInput.value = ''; });
    },
  }, urlInput, h('button', { type: 'submit' }, 'Load from URL'));

  const articlesButton = h('button', { type: 'button', onclick: () => toggleArticles() });
  const clearButton = h('button', { type: 'button', onclick: () => clearTexts() }, 'Clear my texts');
  const list = h('div', { class: 'scroll' });

  const el = h('div', { class: 'texts' },
    h('p', { class: 'help' }, 'Your texts stay in this browser: they are kept in its storage for this page and never sent anywhere. ',
      `At most ${formatNumber(MAX_TOTAL_CHARS / 1e6)} million characters in all (about 10 million words): more does not fit in the memory of a browser tab.`),
    h('h2', {}, 'Add a text'),
    pasteForm,
    drop,
    urlForm,
    h('h2', {}, 'Documents'),
    h('div', { class: 'controls' }, articlesButton, clearButton),
    list);

  // --- messages -----------------------------------------------------------------------------
  function say(kind, text) {
    messages.append(h('li', { class: kind, role: kind === 'error' ? 'alert' : null }, text,
      h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss', onclick: (e) => e.target.closest('li').remove() }, '×')));
  }

  // --- the document list --------------------------------------------------------------------
  // One refresh at a time; calls during one make one more afterwards.
  let refreshing = null;
  let again = false;
  function refresh() {
    if (refreshing) {
      again = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        again = false;
        await render();
      } while (again);
    })().finally(() => { refreshing = null; });
    return refreshing;
  }

  async function render() {
    docs = await client.documents();
    const hidden = !docs.some((d) => d.source === 'article');
    articlesButton.textContent = hidden ? 'Show the embedded articles' : 'Hide the embedded articles';
    clearButton.disabled = !docs.some((d) => d.source === 'user');
    if (!docs.length) {
      replaceChildren(list, h('p', { class: 'placeholder' }, 'No documents: add a text above, or show the embedded articles.'));
      return;
    }
    const tbody = h('tbody', {});
    replaceChildren(list, h('table', { class: 'doc-list' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Title'), h('th', {}, 'Source'), h('th', {}, 'Encoding'),
        h('th', { class: 'num' }, 'Words'), h('th', {}, h('span', { class: 'vh' }, 'Actions')))),
      tbody));
    // A hundred rows a task, so that a list of 500 texts does not block the page.
    for (let from = 0; from < docs.length; from += 100) {
      if (from) await new Promise((resolve) => setTimeout(resolve, 0));
      if (again) return;
      tbody.append(...docs.slice(from, from + 100).map(row));
    }
  }

  function row(doc) {
    const user = doc.source === 'user';
    const title = h('td', { class: 'doc-title' }, doc.title);
    const actions = h('td', { class: 'actions' });
    if (user) {
      actions.append(
        h('button', { type: 'button', 'aria-label': `Rename ${doc.title}`, onclick: () => editTitle(doc, title) }, 'Rename'),
        h('button', { type: 'button', 'aria-label': `Remove ${doc.title}`, onclick: () => removeDoc(doc) }, 'Remove'));
    }
    return h('tr', { dataset: { id: String(doc.id) } },
      title,
      h('td', {}, user ? 'Your text' : 'Embedded article'),
      h('td', {}, doc.encoding ?? (user ? 'text as typed' : 'UTF-8')),
      h('td', { class: 'num' }, formatNumber(doc.tokens)),
      actions);
  }

  function editTitle(doc, cell) {
    const input = h('input', { type: 'text', value: doc.title, 'aria-label': `New title for ${doc.title}` });
    const form = h('form', {
      class: 'rename',
      onsubmit: async (event) => {
        event.preventDefault();
        const title = input.value.trim();
        await guard(async () => {
          await client.renameDocument(doc.id, title);
          if (doc.key != null) await persist(storage.rename(doc.key, title || doc.title));
        });
      },
      onkeydown: (event) => {
        if (event.key === 'Escape') refresh();
      },
    }, input, h('button', { type: 'submit' }, 'Save'), h('button', { type: 'button', onclick: () => refresh() }, 'Cancel'));
    replaceChildren(cell, form);
    input.focus();
    input.select();
  }

  async function removeDoc(doc) {
    await guard(async () => {
      await client.removeDocument(doc.id);
      if (doc.key != null) await persist(storage.remove(doc.key));
      say('info', `Removed “${doc.title}”.`);
    });
  }

  async function toggleArticles() {
    const shown = !docs.some((d) => d.source === 'article');
    await guard(async () => {
      await client.setArticles(shown);
      setArticlesHidden(!shown);
    });
  }

  async function clearTexts() {
    await guard(async () => {
      const result = await storage.clear();
      if (!result.ok && storage.available) say('error', result.message);
      const users = (await client.documents()).filter((d) => d.source === 'user').map((d) => d.id);
      for (const id of users.reverse()) await client.removeDocument(id);
      say('info', `Removed your ${users.length === 1 ? 'text' : `${formatNumber(users.length)} texts`} from the explorer and from this browser’s storage.`);
    });
  }

  // Storage results: a failure is said once per kind, and the session goes on.
  let storageWarned = false;
  async function persist(pending) {
    const result = await pending;
    if (!result.ok && !storageWarned) {
      storageWarned = true;
      say('error', result.message);
    }
    return result;
  }

  async function guard(fn) {
    try {
      await fn();
    } catch (error) {
      say('error', `${sentence(error.message)}.`);
    }
  }

  // --- adding -------------------------------------------------------------------------------
  function setBusy(on) {
    busy = on;
    for (const control of el.querySelectorAll('button, input, textarea')) control.disabled = on;
    progress.hidden = !on;
    if (!on) refresh();
  }

  /**
   * Store, then index, the items [{title, text, encoding, name}] (name: the file's, for
   * messages). Items over the limit are refused by name. Resolves to true when all were added.
   */
  async function addItems(items, { restoring = false } = {}) {
    if (busy) {
      say('error', 'Another batch of texts is being indexed: wait for it, or cancel it.');
      return false;
    }
    setBusy(true);
    try {
      let used = docs.reduce((n, d) => n + d.chars, 0);
      const fitting = [];
      for (const item of items) {
        if (used + item.text.length > MAX_TOTAL_CHARS) {
          say('error', `“${item.name ?? item.title}” was not added: it would take the texts over the limit of ${formatNumber(MAX_TOTAL_CHARS)} characters (it has ${formatNumber(item.text.length)}; ${formatNumber(Math.max(0, MAX_TOTAL_CHARS - used))} are left). Remove some texts first.`);
        } else {
          used += item.text.length;
          fitting.push(item);
        }
      }
      if (!fitting.length) return false;
      // Stored first, so that a crash while indexing loses nothing.
      if (!restoring) {
        barText.textContent = `Saving ${formatNumber(fitting.length)} ${fitting.length === 1 ? 'text' : 'texts'}…`;
        // In transactions of about a million characters: IndexedDB copies the values on this
        // thread, and one transaction of the whole Brown Corpus would block it for ~50 ms.
        for (let from = 0; from < fitting.length;) {
          let to = from;
          for (let size = 0; to < fitting.length && (to === from || size < 1e6); to += 1) size += fitting[to].text.length;
          const chunk = fitting.slice(from, to);
          const result = await persist(storage.addMany(chunk.map(({ title, text, encoding }) => ({ title, text, encoding }))));
          if (!result.ok) break;
          chunk.forEach((item, i) => { item.key = result.value[i]; });
          from = to;
        }
      }
      const started = performance.now();
      // At most once a frame: the worker reports every document.
      let latest = null;
      const report = (p) => {
        if (p.done === p.total) {
          show(p); // the last one at once: "n of n" is always shown
          return;
        }
        if (!latest) requestAnimationFrame(() => { show(latest); latest = null; });
        latest = p;
      };
      const show = (p) => {
        if (!p || !busy) return;
        bar.max = Math.max(1, p.totalChars);
        bar.value = p.chars;
        barText.textContent = `Indexing ${formatNumber(p.done)} of ${formatNumber(p.total)} (${Math.round((100 * p.chars) / Math.max(1, p.totalChars))}%)`;
      };
      show({ done: 0, total: fitting.length, chars: 0, totalChars: fitting.reduce((n, i) => n + i.text.length, 0) });
      const result = await client.addDocuments(fitting, { onProgress: report });
      if (result.cancelled) {
        if (!restoring) for (const item of fitting) if (item.key != null) await persist(storage.remove(item.key));
        say('info', restoring
          ? 'Loading your saved texts was cancelled: they are still saved, and load again when the page is reloaded.'
          : 'Indexing was cancelled: nothing from that batch was added.');
        return false;
      }
      for (const error of result.errors) {
        const item = fitting[error.index];
        if (item.key != null) await persist(storage.remove(item.key));
        say('error', `“${item.name ?? item.title}” was not added: ${error.message}.`);
      }
      const added = result.added.length;
      if (added && !restoring) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        say('info', added === 1
          ? `Added “${fitting.find((_, i) => !result.errors.some((e) => e.index === i)).title}” (indexed in ${seconds} s).`
          : `Added ${formatNumber(added)} texts (indexed in ${seconds} s).`);
      }
      return result.errors.length === 0;
    } catch (error) {
      say('error', `The texts could not be added: ${error.message}.`);
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Read, check and decode files, then add the good ones; each bad file gets its message. */
  async function addFiles(files) {
    if (!files.length) return;
    // In groups: handing a File read from disk to the worker costs a synchronous look at the
    // file in Chromium (under a millisecond), too much for 500 files in one task.
    const decoded = [];
    try {
      for (let from = 0; from < files.length; from += 20) {
        decoded.push(...await client.decode(files.slice(from, from + 20), MAX_FILE_BYTES));
      }
    } catch (error) {
      say('error', `The files could not be read: ${error.message}.`);
      return;
    }
    const items = files.map((file, i) => toItem(file.name, decoded[i], file.type)).filter(Boolean);
    if (items.length) await addItems(items);
  }

  /** A decoded file as an item to add, or null after saying what is wrong with it. */
  function toItem(name, decoded, type = '') {
    if (decoded.error) {
      say('error', `“${name}” could not be read: ${decoded.error}.`);
      return null;
    }
    if (decoded.bytes === 0) {
      say('error', `“${name}” is empty: there is no text to add.`);
      return null;
    }
    if (decoded.bytes > MAX_FILE_BYTES) {
      say('error', `“${name}” is too large (${formatNumber(decoded.bytes / 1048576, 1)} MB): the limit is ${formatNumber(MAX_FILE_BYTES / 1048576)} MB.`);
      return null;
    }
    if (decoded.binary) {
      say('error', `“${name}” is not a text file (it looks like an image, a PDF, an archive or another binary file): open .txt, .md or .html files.`);
      return null;
    }
    let { text } = decoded;
    let title = stem(name);
    if (HTML.test(name) || /html/i.test(type)) {
      const page = htmlToText(text);
      text = page.text;
      title = page.title || title;
    }
    if (!text.trim()) {
      say('error', `“${name}” is empty: there is no text to add.`);
      return null;
    }
    if (decoded.hadErrors) {
      say('info', `“${name}” had bytes that are not valid ${decoded.encoding}; they show as �.`);
    }
    return { title, text, encoding: `${decoded.encoding} (${ENCODING_HOW[decoded.how] ?? decoded.how})`, name };
  }

  async function loadUrl(url) {
    let parsed;
    try {
      parsed = new URL(url);
      if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http');
    } catch {
      say('error', `“${url}” is not a web address: give one that starts with https:// or http://.`);
      return false;
    }
    let response;
    try {
      response = await fetch(parsed, { mode: 'cors', credentials: 'omit' });
    } catch {
      say('error', `${parsed.href} could not be read: its server does not allow other sites to read it (no CORS permission), or it could not be reached. Download the file and drop it here instead.`);
      return false;
    }
    if (!response.ok) {
      say('error', `${parsed.href} could not be loaded: the server answered ${response.status} ${response.statusText}.`);
      return false;
    }
    const bytes = await response.arrayBuffer();
    let name = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
    try {
      name = decodeURIComponent(name);
    } catch {
      // keep the name as written
    }
    const [decoded] = await client.decode([bytes], MAX_FILE_BYTES);
    const item = toItem(name || parsed.hostname, decoded, response.headers.get('content-type') ?? '');
    return item ? addItems([item]) : false;
  }

  // --- start: the saved texts, and the articles' visibility -----------------------------------
  // On start(), which the element calls once its first view has rendered: opening IndexedDB
  // and restoring the saved texts would delay that render of the articles.
  let start;
  const starting = new Promise((resolve) => {
    start = resolve;
  });
  const started = (async () => {
    await starting;
    storage = await openStorage();
    if (!storage.available) say('error', storage.message);
    if (articlesHidden()) await client.setArticles(false);
    await refresh();
    const saved = await storage.list();
    if (saved.length) {
      await addItems(saved.map(({ key, title, text, encoding }) => ({ key, title, text, encoding, name: title })), { restoring: true });
    }
  })().catch((error) => say('error', `Your saved texts could not be loaded: ${error.message}.`));

  client.onDocuments(() => refresh());

  return {
    el,
    banner,
    start,
    started,
    update() {},
    documentsChanged() {},
  };
}
