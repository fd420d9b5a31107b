// Texts: the user's own texts. Paste one with a title, open or drop files (.txt, .md, .html,
// .htm; several at once), or load one from a URL; rename and remove them; hide the embedded
// articles (one click brings them back); "Clear my texts". Texts are kept in this browser's
// IndexedDB (storage.js), stored before they are indexed, and never leave the browser.
//
// Reading files and URLs, decoding, HTML to text, the limits and the storage batches are
// the import pipeline (import/pipeline.js); this view shows it and its messages.

import { h, nextFrame, replaceChildren, sentence } from '../dom.js';
import { openStorage, articlesHidden, setArticlesHidden } from '../storage.js';
import {
  CORPUS_EXTENSION, DECODE_GROUP, FORMATS, MAX_FILE_BYTES, MAX_TOTAL_CHARS, fileMessages, fitItems, isCorpusFile, isPlainFile, isPlainSlot,
  readFiles, readSlots, readUrl, slotItems, stem, storageBatches,
} from '../import/pipeline.js';
import { STEMMED, languageName, languageOptions } from '../languages.js';
import { metadataForm, metadataSummary } from './metadata-editor.js';

/** Rows of the list drawn a frame (see render). */
const ROWS_A_FRAME = 50;

/**
 * Rows of the list shown at first, and added by each Show more: a table of 502 rows drawn 50
 * a frame was laid out whole in every frame (27-50 ms of layout each in a trace of the Brown
 * Corpus's 500 texts), so that the frames of its drawing passed 50 ms.
 */
const LIST_PAGE = 100;

/** ctx: {client, strings, formatNumber, set(patch)}: `set` changes the widget's state (an opened corpus file's folding). */
export function createTextsView(ctx) {
  const { formatNumber } = ctx;
  const { client } = ctx;
  const t = ctx.strings.texts;
  let storage = null;
  let docs = [];
  let busy = false;

  // --- the banner: progress and messages, shown above every view -------------------------
  const bar = h('progress', { max: 1, value: 0, 'aria-label': t.progressLabel });
  const barText = h('span', {});
  // Cancel stops the batch at whatever stage it is (the page's saving, or the worker's job).
  let cancelling = false;
  const cancel = h('button', {
    type: 'button',
    onclick: () => {
      cancelling = true;
      client.cancelIndexing();
    },
  }, t.cancel);
  const progress = h('div', { class: 'progress', hidden: true, role: 'group', 'aria-label': t.indexing }, bar, barText, cancel);
  // The list is hidden while empty (an empty list would be announced in every view); the live
  // region around it stays in place, so that a new message is still read out.
  const messages = h('ul', { class: 'messages', hidden: true });
  const banner = h('div', { class: 'texts-banner' }, progress, h('div', { 'aria-live': 'polite' }, messages));

  // --- the panel -----------------------------------------------------------------------------
  // Each field has a visible label (a placeholder is gone once something is typed).
  const titleInput = h('input', { type: 'text', name: 'title', placeholder: t.title });
  const pasteArea = h('textarea', { name: 'text', rows: 6, placeholder: t.pastePlaceholder });
  const labelled = (text, field) => h('label', { class: 'field' }, h('span', {}, text), field);
  const pasteForm = h('form', {
    class: 'paste',
    onsubmit: (event) => {
      event.preventDefault();
      const text = pasteArea.value;
      if (!text.trim()) {
        say('error', t.pasteEmpty);
        return;
      }
      addItems([{ title: titleInput.value.trim() || t.pastedTitle, text, encoding: null, name: null }]).then((ok) => {
        if (ok) {
          pasteArea.value = '';
          titleInput.value = '';
        }
      });
    },
  }, labelled(t.titleLabel, titleInput), labelled(t.pasteLabel, pasteArea), h('button', { type: 'submit' }, t.addText));

  const fileInput = h('input', {
    type: 'file', multiple: true, accept: `${CORPUS_EXTENSION},.txt,.md,.markdown,.html,.htm,.csv,.tsv,.docx,.odt,.epub,.rtf,.pdf,.zip,text/plain,text/markdown,text/html,text/csv,text/tab-separated-values`,
    'aria-label': t.openFiles,
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
  }, h('p', {}, t.drop.map((part) => (Array.isArray(part) ? h('label', { class: 'file-label' }, part[0], fileInput) : part))));

  const urlInput = h('input', { type: 'url', name: 'url', placeholder: 'https://…' });
  const urlButton = h('button', { type: 'submit' }, t.loadUrl);
  // While a URL loads: what has arrived, and Cancel (a server that never answers times out).
  const urlStatus = h('span', { class: 'url-status', role: 'status' });
  const urlCancel = h('button', { type: 'button', hidden: true, onclick: () => urlLoad?.abort() }, t.cancel);
  let urlLoad = null; // the AbortController of the load in progress
  const urlForm = h('form', {
    class: 'url',
    onsubmit: (event) => {
      event.preventDefault();
      if (urlLoad) return;
      loadUrl(urlInput.value.trim()).then((ok) => { if (ok) urlInput.value = ''; });
    },
  }, labelled(t.urlLabel, urlInput), urlButton, urlCancel, urlStatus);

  const articlesButton = h('button', { type: 'button', onclick: () => toggleArticles() });
  const clearButton = h('button', { type: 'button', onclick: () => clearTexts() }, t.clear);
  const saveButton = h('button', { type: 'button', onclick: () => saveCorpusFile() }, t.saveCorpus);
  const list = h('div', { class: 'scroll doc-list-box' });
  // How many rows the list shows (LIST_PAGE, more after Show more), and the button.
  let listShown = LIST_PAGE;
  const listMore = h('button', { type: 'button', class: 'more', hidden: true, onclick: () => showMoreRows() });

  const el = h('div', { class: 'texts' },
    h('p', { class: 'help' }, t.help(formatNumber(MAX_TOTAL_CHARS / 1e6))),
    h('h2', {}, t.addHeading),
    pasteForm,
    drop,
    urlForm,
    h('h2', {}, t.documentsHeading),
    h('div', { class: 'controls' }, saveButton, articlesButton, clearButton),
    h('p', { class: 'help' }, t.corpusHelp),
    list,
    listMore);

  // --- messages -----------------------------------------------------------------------------
  function tell(messages) {
    for (const { kind, text } of messages) say(kind, text);
  }

  function say(kind, text) {
    // The alert is the message inside the item (a list item may not be an alert itself).
    messages.append(h('li', { class: kind }, h('span', { role: kind === 'error' ? 'alert' : null }, text),
      h('button', {
        type: 'button', class: 'dismiss', 'aria-label': t.dismiss,
        onclick: (e) => {
          // Focus goes to the next message's button (or the previous one's), not the body.
          const item = e.target.closest('li');
          const neighbour = (item.nextElementSibling ?? item.previousElementSibling)?.querySelector('.dismiss');
          item.remove();
          messages.hidden = !messages.childElementCount;
          neighbour?.focus();
        },
      }, '×')));
    messages.hidden = false;
  }

  // --- the document list --------------------------------------------------------------------
  // One refresh at a time; calls during one make one more afterwards. A refresh that finds
  // the list as drawn draws nothing, unless forced (to put back a row being edited): the end
  // of an addition asks twice (the end of busy, and the documents' change), and drawing 502
  // rows twice took main-thread tasks of 53-133 ms (tests/e2e/texts-scale.test.mjs).
  let refreshing = null;
  let again = false;
  let forceAgain = false;
  /** What the drawn list shows (its documents and the UI's language); null while drawing. */
  let drawn = null;
  function refresh(force = false) {
    if (refreshing) {
      again = true;
      forceAgain ||= force;
      return refreshing;
    }
    refreshing = (async () => {
      let forced = force;
      do {
        again = false;
        await render(forced);
        forced = forceAgain;
        forceAgain = false;
      } while (again);
    })().finally(() => { refreshing = null; });
    return refreshing;
  }

  async function render(force) {
    docs = await client.documents();
    const shows = JSON.stringify([ctx.strings.locale, listShown, docs]);
    if (!force && shows === drawn) return;
    drawn = null;
    listMore.hidden = true;
    const hidden = !docs.some((d) => d.source === 'article');
    articlesButton.textContent = hidden ? t.showArticles : t.hideArticles;
    clearButton.disabled = !docs.some((d) => d.source === 'user');
    if (!docs.length) {
      replaceChildren(list, h('p', { class: 'placeholder' }, t.noDocuments));
      drawn = shows;
      return;
    }
    const tbody = h('tbody', {});
    listBody = tbody;
    replaceChildren(list, h('table', { class: 'doc-list' },
      h('caption', { class: 'vh' }, t.documentsCaption),
      h('thead', {}, h('tr', {}, h('th', {}, t.columnTitle), h('th', {}, t.columnSource), h('th', {}, t.columnEncoding),
        h('th', {}, t.columnLanguage), h('th', { class: 'num' }, t.columnWords), h('th', {}, h('span', { class: 'vh' }, t.columnActions)))),
      tbody));
    // ROWS_A_FRAME rows a frame, so that a list of 500 texts does not block the page. Drawn to
    // the end even when a refresh is asked meanwhile: that one then finds the list drawn and
    // draws nothing if nothing changed (stopping here made it draw all 502 rows again).
    await drawRows(tbody, docs.slice(0, listShown));
    drawn = shows;
    showRest();
  }

  let listBody = null;
  /** `rows` (documents) drawn at the end of `tbody`, ROWS_A_FRAME a frame. */
  async function drawRows(tbody, rows) {
    for (let from = 0; from < rows.length; from += ROWS_A_FRAME) {
      if (from) await nextFrame();
      tbody.append(...rows.slice(from, from + ROWS_A_FRAME).map(row));
    }
  }

  /** The Show more button, for the documents the list does not show. */
  function showRest() {
    const rest = docs.length - Math.min(listShown, docs.length);
    listMore.hidden = rest <= 0;
    if (rest > 0) {
      listMore.textContent = rest > LIST_PAGE
        ? ctx.strings.showMore(formatNumber(LIST_PAGE), formatNumber(rest))
        : ctx.strings.showLast(formatNumber(rest));
    }
  }

  /** Show more: the next LIST_PAGE documents, drawn after the others (the rest not drawn again). */
  async function showMoreRows() {
    if (refreshing || !listBody) return;
    const from = listShown;
    listShown += LIST_PAGE;
    const tbody = listBody;
    refreshing = (async () => {
      await drawRows(tbody, docs.slice(from, listShown));
      drawn = JSON.stringify([ctx.strings.locale, listShown, docs]);
      showRest();
      // Focus goes to the first row drawn when the button is gone.
      if (listMore.hidden) tbody.rows[from]?.querySelector('button')?.focus();
    })().finally(() => { refreshing = null; });
    await refreshing;
    if (again) {
      const force = forceAgain;
      forceAgain = false;
      refresh(force);
    }
  }

  function row(doc) {
    const user = doc.source === 'user';
    const summary = metadataSummary(doc.metadata);
    const title = h('td', { class: 'doc-title' }, doc.title, summary && h('small', { class: 'doc-meta', dir: 'auto' }, summary));
    const actions = h('td', { class: 'actions' });
    if (user) {
      actions.append(
        h('button', { type: 'button', 'aria-label': t.renameLabel(doc.title), onclick: () => editTitle(doc, title) }, t.rename),
        h('button', { type: 'button', 'aria-label': t.metaEditLabel(doc.title), 'aria-expanded': 'false', onclick: (e) => editMetadata(doc, e.currentTarget) }, t.metaEdit),
        h('button', { type: 'button', 'aria-label': t.removeLabel(doc.title), onclick: () => removeDoc(doc) }, t.remove));
    }
    return h('tr', { dataset: { id: String(doc.id) } },
      title,
      h('td', {}, user ? t.yourText : t.article),
      h('td', {}, doc.encoding ?? (user ? t.asTyped : t.utf8)),
      languageCell(doc),
      h('td', { class: 'num' }, formatNumber(doc.tokens)),
      actions);
  }

  // The document's language, detected or given, as a button that turns into a select of every
  // language to change it; a note says when it was detected, and when ~word finds only the
  // word itself (no stemmer, or unknown). A button, not a select, until asked: 500 rows of
  // selects take Chromium over 50 ms a hundred rows to draw.
  function languageCell(doc) {
    const locale = ctx.strings.locale ?? 'en';
    const name = doc.language == null ? t.languageUnknown : languageName(doc.language, locale);
    const cell = h('td', { class: 'doc-language' });
    const button = h('button', { type: 'button', class: 'language', 'aria-label': t.languageLabel(doc.title, name), onclick: () => chooseLanguage(doc, cell, locale) }, name);
    const notes = [];
    if (doc.languageDetected && doc.language != null) notes.push(t.languageDetected);
    if (doc.language == null) notes.push(t.unknownWordForms);
    else if (!STEMMED.has(doc.language)) notes.push(t.noWordForms);
    cell.append(button);
    if (notes.length) cell.append(h('small', { class: 'language-note' }, ` ${notes.join('; ')}`));
    return cell;
  }

  function chooseLanguage(doc, cell, locale) {
    const select = h('select', { class: 'language', 'aria-label': t.chooseLanguage(doc.title), onchange: () => changeLanguage(doc, select.value || null) },
      h('option', { value: '' }, t.languageUnknown),
      languageOptions(doc.language, locale).map(({ code, name }) => h('option', { value: code }, name)));
    select.value = doc.language ?? '';
    select.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') refresh(true);
    });
    replaceChildren(cell, select);
    select.focus();
  }

  async function changeLanguage(doc, language) {
    await guard(async () => {
      await client.setLanguage(doc.id, language);
      if (doc.key != null) await persist(storage.setLanguages([{ key: doc.key, language, languageDetected: false }]));
    });
  }

  function editTitle(doc, cell) {
    const input = h('input', { type: 'text', value: doc.title, 'aria-label': t.newTitle(doc.title) });
    const form = h('form', {
      class: 'rename',
      onsubmit: async (event) => {
        event.preventDefault();
        const title = input.value.trim();
        await guard(async () => {
          await client.renameDocument(doc.id, title);
          // Stored as the engine now shows it: a blank title becomes "Document N" there, and
          // that is what a reload must find (not the old title).
          const shown = (await client.documents()).find((d) => d.id === doc.id)?.title ?? title;
          if (doc.key != null) await persist(storage.rename(doc.key, shown));
          // The row again, even when the title is the same (the list may then look unchanged).
          await refresh(true);
        });
      },
      onkeydown: (event) => {
        if (event.key === 'Escape') refresh(true);
      },
    }, input, h('button', { type: 'submit' }, t.save), h('button', { type: 'button', onclick: () => refresh(true) }, t.cancel));
    replaceChildren(cell, form);
    input.focus();
    input.select();
  }

  // The metadata form, in a row of its own under the document's; one open at a time.
  function editMetadata(doc, button) {
    const open = list.querySelector('tr.meta-row');
    const wasOpen = open?.dataset.id === String(doc.id);
    open?.remove();
    for (const b of list.querySelectorAll('[aria-expanded="true"]')) b.setAttribute('aria-expanded', 'false');
    if (wasOpen) return;
    const close = async (saved = false) => {
      tr.remove();
      button.setAttribute('aria-expanded', 'false');
      button.focus();
      if (!saved) return;
      // The save changed the documents, so the list is drawn anew: focus its new button.
      await refresh(true);
      list.querySelector(`tr[data-id="${doc.id}"] button[aria-expanded]`)?.focus();
    };
    const form = metadataForm(doc, t, {
      say,
      close,
      save: async (metadata) => {
        await client.setMetadata(doc.id, metadata);
        // Stored as the engine keeps it (trimmed, blank values left out).
        const shown = (await client.documents()).find((d) => d.id === doc.id)?.metadata ?? metadata;
        if (doc.key != null) await persist(storage.setMetadata(doc.key, shown));
        say('info', t.metaSaved(doc.title));
      },
    });
    const tr = h('tr', { class: 'meta-row', dataset: { id: String(doc.id) } }, h('td', { colspan: 6 }, form.el));
    button.closest('tr').after(tr);
    button.setAttribute('aria-expanded', 'true');
    form.focus();
  }

  async function removeDoc(doc) {
    await guard(async () => {
      await client.removeDocument(doc.id);
      if (doc.key != null) await persist(storage.remove(doc.key));
      say('info', t.removed(doc.title));
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
      say('info', t.cleared(formatNumber(users.length), users.length));
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
      say('error', t.failed(sentence(error.message)));
    }
  }

  // --- adding -------------------------------------------------------------------------------
  // While one drop's parts run (the formats' reading, the texts added in the engine's worker,
  // the files read on the page), the view stays busy from the first to the last.
  let holding = false;
  function setBusy(on) {
    if (!on && holding) return;
    busy = on;
    cancelling = false;
    for (const control of el.querySelectorAll('button, input, textarea')) control.disabled = on;
    progress.hidden = !on;
    if (!on) refresh();
  }

  /**
   * Store, then index, the items [{title, text, encoding, name}] (name: the file's, for
   * messages). Items over the limit are refused by name. Resolves to true when all were added.
   */
  async function addItems(items, { restoring = false } = {}) {
    if (busy && !holding) {
      say('error', t.busy);
      return false;
    }
    setBusy(true);
    try {
      const { fitting, messages } = fitItems(items, docs.reduce((n, d) => n + d.chars, 0), t);
      tell(messages);
      if (!fitting.length) return false;
      // Stored first, so that a crash while indexing loses nothing.
      if (!restoring) {
        barText.textContent = t.saving(formatNumber(fitting.length), fitting.length);
        // In transactions of about a million characters (storageBatches); a cancel between
        // them forgets what was stored.
        for (const batch of storageBatches(fitting)) {
          if (cancelling) break;
          const result = await persist(storage.addMany(batch.map(({ title, text, encoding, metadata }) => ({ title, text, encoding, metadata }))));
          if (!result.ok) break;
          batch.forEach((item, i) => { item.key = result.value[i]; });
        }
      }
      // A cancel before the job was sent (while saving, or at once): nothing is indexed, and
      // what was stored is forgotten.
      const cancelledEarly = async () => {
        if (!cancelling) return false;
        const keys = restoring ? [] : fitting.flatMap((item) => (item.key != null ? [item.key] : []));
        if (keys.length) await persist(storage.removeMany(keys));
        say('info', restoring ? t.restoreCancelled : t.cancelled);
        return true;
      };
      if (await cancelledEarly()) return false;
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
        showProgress(p);
      };
      show({ done: 0, total: fitting.length, chars: 0, totalChars: fitting.reduce((n, i) => n + i.text.length, 0) });
      if (await cancelledEarly()) return false;
      const result = await client.addDocuments(fitting, { onProgress: report });
      if (result.cancelled) {
        if (!restoring) for (const item of fitting) if (item.key != null) await persist(storage.remove(item.key));
        say('info', restoring ? t.restoreCancelled : t.cancelled);
        return false;
      }
      for (const error of result.errors) {
        const item = fitting[error.index];
        if (item.key != null) await persist(storage.remove(item.key));
        say('error', t.notAdded(item.name ?? item.title, error.message));
      }
      const added = result.added.length;
      await keepLanguages(fitting, result);
      if (added && !restoring) {
        const seconds = formatNumber((performance.now() - started) / 1000, 1);
        say('info', added === 1
          ? t.addedOne(fitting.find((_, i) => !result.errors.some((e) => e.index === i)).title, seconds)
          : t.addedMany(formatNumber(added), seconds));
      }
      return result.errors.length === 0;
    } catch (error) {
      say('error', t.addFailed(error.message));
      return false;
    } finally {
      setBusy(false);
    }
  }

  /**
   * Progress as the engine reports it ({stage, done, total, chars, totalChars}): reading
   * files, saving them, or indexing, by characters (within a large text too).
   */
  function showProgress(p) {
    if (p.stage === 'reading') {
      bar.max = Math.max(1, p.total);
      bar.value = p.done;
      barText.textContent = t.reading(formatNumber(Math.min(p.done + 1, p.total)), formatNumber(p.total));
      return;
    }
    if (p.stage === 'saving') {
      bar.removeAttribute('value'); // indeterminate: one transaction
      barText.textContent = t.saving(formatNumber(p.total), p.total);
      return;
    }
    bar.max = Math.max(1, p.totalChars);
    bar.value = p.chars;
    const percent = Math.round((100 * p.chars) / Math.max(1, p.totalChars));
    barText.textContent = p.totalChars >= 1e6
      // The text being indexed (none before the first slice).
      ? t.progressWithin(formatNumber(p.chars > 0 ? Math.min(p.done + 1, p.total) : 0), formatNumber(p.total),
        formatNumber(p.chars / 1e6, 1), formatNumber(p.totalChars / 1e6, 1), percent)
      : t.progress(formatNumber(p.done), formatNumber(p.total), percent);
  }

  /**
   * Plain text files and the texts the formats' worker read, added in the engine's worker
   * (client.addFiles): read, decoded, checked, stored and indexed there, the page getting only
   * what became of each. `files`: slots of readSlots ({data: File | ArrayBuffer, name,
   * title?, encoding?, metadata?}). Resolves to true when all were added, 'cancelled' when
   * the user cancelled.
   */
  async function addInWorker(files) {
    if (busy && !holding) {
      say('error', t.busy);
      return false;
    }
    setBusy(true);
    try {
      const started = performance.now();
      let latest = null;
      const report = (p) => {
        if (p.stage === 'indexing' && p.done === p.total) {
          latest = null;
          showProgress(p); // the last one at once: "n of n" is always shown
          return;
        }
        if (!latest) requestAnimationFrame(() => { if (busy && latest) showProgress(latest); latest = null; });
        latest = p;
      };
      showProgress({ stage: 'reading', done: 0, total: files.length });
      const used = docs.reduce((n, d) => n + d.chars, 0);
      const result = await client.addFiles(files.map((file) => file.data), {
        names: files.map((file) => file.name),
        titles: files.map((file) => file.title ?? stem(file.name)),
        encodings: files.map((file) => file.encoding ?? null),
        metadata: files.map((file) => file.metadata ?? null),
        maxBytes: MAX_FILE_BYTES,
        maxChars: Math.max(0, MAX_TOTAL_CHARS - used),
        store: true,
        how: t.encodingHow,
        onProgress: report,
      });
      if (result.cancelled) {
        say('info', t.cancelled);
        return 'cancelled';
      }
      tell(fileMessages(result.files, t));
      if (result.storageError && !storageWarned) {
        storageWarned = true;
        say('error', result.storageError);
      }
      const added = result.files.filter((file) => file.outcome === 'added');
      if (added.length) {
        const seconds = formatNumber((performance.now() - started) / 1000, 1);
        say('info', added.length === 1 ? t.addedOne(added[0].title, seconds) : t.addedMany(formatNumber(added.length), seconds));
      }
      return added.length === files.length;
    } catch (error) {
      say('error', t.addFailed(error.message));
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** The saved texts, added again in the engine's worker (client.addStored), with progress. */
  async function restoreInWorker() {
    if (busy) return;
    setBusy(true);
    try {
      let latest = null;
      const report = (p) => {
        if (!latest) requestAnimationFrame(() => { if (busy && latest) showProgress(latest); latest = null; });
        latest = p;
      };
      const result = await client.addStored({ onProgress: report });
      if (result.cancelled) say('info', t.restoreCancelled);
      for (const error of result.errors) say('error', t.notAdded(error.title, error.message));
    } catch (error) {
      say('error', t.savedFailed(error.message));
    } finally {
      setBusy(false);
    }
  }

  // The language the engine decided for each stored text just added (given or detected), kept
  // with it, so that a reload restores it without detecting it again.
  async function keepLanguages(fitting, result) {
    const kept = fitting.filter((_, i) => !result.errors.some((e) => e.index === i));
    const stored = result.added.map((id, k) => ({ id, item: kept[k] })).filter(({ item }) => item.key != null && item.languageDetected == null);
    if (!stored.length) return;
    const all = await client.documents();
    const entries = stored.flatMap(({ id, item }) => (all[id] ? [{ key: item.key, language: all[id].language, languageDetected: all[id].languageDetected }] : []));
    await persist(storage.setLanguages(entries));
  }

  // --- the corpus file (views/corpus-file.js, loaded when first used) ------------------------
  const corpusFile = () => import('./corpus-file.js');

  async function saveCorpusFile() {
    if (busy) {
      say('error', t.busy);
      return;
    }
    await guard(async () => {
      const { saveCorpus } = await corpusFile();
      const { name, bytes } = await saveCorpus(client);
      say('info', t.corpusSaved(name, formatNumber(bytes / 1048576, 1)));
    });
  }

  /** Opens a corpus file (a File, or bytes from a URL) in place of the corpus, after a confirm
   * when the user has texts; a bad file gets its message and the corpus stays as it was. */
  async function openCorpusFile(name, file) {
    if (busy) {
      say('error', t.busy);
      return false;
    }
    const own = docs.filter((d) => d.source === 'user').length;
    if (own && !globalThis.confirm(t.openReplaces(name, formatNumber(own), own))) return false;
    setBusy(true);
    barText.textContent = t.corpusOpening(name);
    const started = performance.now();
    try {
      const { openCorpus } = await corpusFile();
      const opened = await openCorpus(client, storage, file, {
        persist,
        adopt: async (o) => {
          setArticlesHidden(o.documents === o.items.length);
          ctx.set({ fold: o.fold });
          for (const list of o.stopWords) await client.setStopWords(list.language, list.words);
        },
      });
      if (opened.problem) say('error', t.failed(sentence(opened.problem)));
      const seconds = formatNumber((performance.now() - started) / 1000, 2);
      say('info', t.corpusOpened(name, formatNumber(opened.documents), opened.documents, formatNumber(opened.tokens), seconds));
      return true;
    } catch (error) {
      say('error', t.corpusNotOpened(name, error.message));
      return false;
    } finally {
      setBusy(false);
    }
  }

  /** Read, check and decode files, then add the good ones; each bad file gets its message. */
  async function addFiles(given) {
    let files = given;
    if (!files.length) return;
    // A corpus file is opened (the first one), the other files added to it.
    const corpus = files.find((f) => isCorpusFile(f.name));
    if (corpus) {
      for (const other of files.filter((f) => f !== corpus && isCorpusFile(f.name))) say('error', t.oneCorpusFile(other.name));
      files = files.filter((f) => !isCorpusFile(f.name));
      if (!await openCorpusFile(corpus.name, corpus) || !files.length) return;
    }
    // Plain text files and the texts of other formats, where the engine's worker can store
    // them, never cross to the page: a format's file is read in the formats' worker, which
    // hands its texts on as bytes. (Up to DECODE_GROUP files given: handing a File over has
    // a synchronous part on the page.)
    const plain = files.filter(isPlainFile);
    if (storage?.available && plain.length <= DECODE_GROUP && files.every((f) => isPlainFile(f) || FORMATS.test(f.name))) {
      if (!files.some((f) => FORMATS.test(f.name))) {
        await addInWorker(files.map((file) => ({ name: file.name, type: file.type, data: file })));
        return;
      }
      if (busy) {
        say('error', t.busy);
        return;
      }
      // Reading shows its progress and can be cancelled (what was read is then dropped); the
      // drop stays busy until its last part is added.
      setBusy(true);
      holding = true;
      try {
        let read;
        try {
          read = await readSlots(files, t, {
            onFile: (i) => showProgress({ stage: 'reading', done: i, total: files.length }),
            stop: () => cancelling,
          });
        } catch (error) {
          say('error', t.readFailed(error.message));
          return;
        }
        tell(read.messages);
        // A file in a ZIP that is HTML, Markdown or a table is read on the page, as such files
        // are, before anything is added: a cancel until then keeps nothing.
        const direct = read.slots.filter(isPlainSlot);
        const rest = read.slots.filter((slot) => !isPlainSlot(slot));
        const messages = [];
        const items = rest.length && !cancelling
          ? await slotItems(client, rest, messages, t, { chooseColumn }).catch((error) => {
            messages.push({ kind: 'error', text: t.readFailed(error.message) });
            return [];
          })
          : [];
        tell(messages);
        if (cancelling) {
          say('info', t.cancelled);
          return;
        }
        // A cancel while the first part is added keeps nothing of the second either.
        if (direct.length && await addInWorker(direct) === 'cancelled') return;
        if (items.length) await addItems(items);
      } finally {
        holding = false;
        setBusy(false);
      }
      return;
    }
    let read;
    try {
      read = await readFiles(client, files, t, { chooseColumn });
    } catch (error) {
      say('error', t.readFailed(error.message));
      return;
    }
    tell(read.messages);
    if (read.items.length) await addItems(read.items);
  }

  /** Which column of a table holds the texts: the user is asked (column-dialog.js). */
  async function chooseColumn(name, columns, guess) {
    const { askColumn } = await import('./column-dialog.js');
    return askColumn(el, name, columns, guess, t);
  }

  /** Fetch and decode a web address, then add it; resolves to true when it was added. */
  async function loadUrl(url) {
    urlLoad = new AbortController();
    urlForm.setAttribute('aria-busy', 'true');
    urlButton.disabled = true;
    urlCancel.hidden = false;
    urlStatus.textContent = t.urlLoading(url, formatNumber(0, 1));
    let read;
    try {
      read = await readUrl(client, url, t, {
        signal: urlLoad.signal,
        chooseColumn,
        onProgress: (bytes) => { urlStatus.textContent = t.urlLoading(url, formatNumber(bytes / 1048576, 1)); },
      });
    } finally {
      urlLoad = null;
      urlForm.removeAttribute('aria-busy');
      urlButton.disabled = false;
      urlCancel.hidden = true;
      urlStatus.textContent = '';
    }
    tell(read.messages);
    if (read.corpusFile) return openCorpusFile(read.name, read.corpusFile);
    return read.items?.length ? addItems(read.items) : false;
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
    // The saved texts are read and indexed in the engine's worker: they never cross to the page.
    if (storage.available) {
      if (await storage.count()) await restoreInWorker();
      return;
    }
    const saved = await storage.list();
    if (saved.length) {
      await addItems(saved.map(({ key, title, text, encoding, language, languageDetected, metadata }) => ({ key, title, text, encoding, language, languageDetected, metadata, name: title })), { restoring: true });
    }
  })().catch((error) => say('error', t.savedFailed(error.message)));

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
