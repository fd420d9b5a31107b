// Opening a permalink (issue 12 §4): loaded only when the page's URL names a corpus
// (`corpus=sha256-…`). The corpus in this browser with that hash is shown as it is; else the
// corpus inside the link (`data=`), once its hash is checked; else the user is asked for its
// texts, whose hash is checked too. The user's stored texts are never replaced without asking.

import { h, sentence } from './dom.js';
import { openStorage, setArticlesHidden } from './storage.js';
import { corpusHash, engineCorpus, fromBase64url, inflate, linkCorpusOffPage, parseCorpus, readLink, serializeCorpus } from './permalink.js';
import { parse } from './state.js';

// Serialised and hashed in a worker: a large corpus takes no long task on the page.
const hashOf = async (docs) => (await linkCorpusOffPage(docs)).hash;

/** A modal dialog in `parent`; resolves with the value `buttons` [{label, value}] close it with. */
function ask(parent, id, { title, body, buttons, extra = [] }) {
  return new Promise((resolve) => {
    let value = null;
    const dialog = h('dialog', {
      'aria-labelledby': id('title'), 'aria-describedby': id('body'), part: 'link-dialog', class: 'link-dialog',
      onclose: () => {
        dialog.remove();
        resolve(value);
      },
    },
    h('h2', { id: id('title') }, title),
    h('p', { id: id('body') }, body),
    ...extra,
    h('div', { class: 'actions' }, buttons.map((b) => h('button', {
      type: 'button', autofocus: b.autofocus, onclick: () => { value = b.value; dialog.close(); },
    }, b.label))));
    dialog.ask = (v) => { value = v; dialog.close(); };
    parent.append(dialog);
    dialog.showModal();
    if (ask.onOpen) ask.onOpen(dialog);
  });
}

/**
 * Make `docs` [{title, text, metadata}] the corpus in this browser, in that order: the user's
 * stored texts and the engine's are replaced, the built-in articles kept where the corpus
 * starts with them (as shown now), else hidden. The new texts are stored, so a reload keeps
 * them. When the engine refuses one of them (a hand-made link whose metadata is invalid),
 * nothing changes and the error is thrown.
 */
async function install(client, docs, current) {
  const articles = current.filter((d) => d.source === 'article');
  const first = articles.length && articles.every((a, i) => a.id === i);
  const same = (a, b) => {
    const x = serializeCorpus([a]);
    const y = serializeCorpus([b]);
    return x.length === y.length && x.every((byte, i) => byte === y[i]);
  };
  const keep = first && docs.length >= articles.length && articles.every((a, i) => same(a, docs[i]));
  const storage = await openStorage();
  const oldKeys = (await storage.list()).map((r) => r.key);
  const oldUsers = current.filter((d) => d.source === 'user');
  // The new texts go in first (stored, then indexed after the old ones): if the engine refuses
  // one, they are taken out again and the old corpus is as it was.
  const rest = keep ? docs.slice(articles.length) : docs;
  const records = rest.map(({ title, text, metadata }) => ({ title, text, encoding: null, metadata }));
  const stored = records.length ? await storage.addMany(records) : { ok: true, value: [] };
  const keys = stored.ok ? stored.value : [];
  const items = records.map((r, i) => ({ ...r, ...(stored.ok ? { key: keys[i] } : {}) }));
  const { added, errors } = await client.addDocuments(items);
  if (errors.length) {
    for (const id of [...added].reverse()) await client.removeDocument(id);
    for (const key of keys) await storage.remove(key);
    throw new Error(errors[0].message);
  }
  // Then the old ones go: the user's texts (highest id first), and the articles unless kept.
  for (const doc of oldUsers.reverse()) await client.removeDocument(doc.id);
  for (const key of oldKeys) await storage.remove(key);
  if (!keep && articles.length) await client.setArticles(false);
  setArticlesHidden(!keep);
}

/**
 * Open the permalink of the URL hash `hash` in a widget. `host` (the element's #linkHost):
 * `client` (the engine), `t` (the UI strings), `parent` (where dialogs go), `id(name)`
 * (element-unique ids), `say(text, kind)` (the status line), `texts` (the Texts view: its
 * `started` resolves once the saved texts are back in the engine), `set(state)` (the whole
 * state, in place), `stale()` (the widget has restarted since).
 * Resolves with what happened: 'same', 'opened', 'kept', 'bad' or 'cancelled'.
 */
export async function openLink(hash, { t, client, parent, id, say, texts, set, stale }) {
  const link = readLink(hash);
  // The link's whole view, once the views have rebuilt over its corpus.
  const show = async () => {
    await client.documents();
    await new Promise((resolve) => setTimeout(resolve));
    if (!stale()) set(parse(hash));
  };
  const readFiles = async (files) => (await import('./import/pipeline.js')).readFiles(client, files, t.texts);
  const T = t.cite;
  if (!link.corpus) {
    say(T.badHash, 'error');
    return 'bad';
  }
  say(T.checking);
  await texts?.started;
  if (stale()) return 'cancelled';
  let current = await engineCorpus(client);
  if (await hashOf(current) === link.corpus) {
    say('');
    await show();
    return 'same';
  }
  const users = () => current.filter((d) => d.source === 'user').length;
  const replace = async (docs) => {
    if (users() > 0) {
      const choice = await ask(parent, id, {
        // Focus starts on Keep: Enter at once must not replace the user's texts.
        title: T.replaceTitle, body: T.replace(docs.length, users()),
        buttons: [{ label: T.replaceButton, value: 'replace' }, { label: T.keepButton, value: 'keep', autofocus: true }],
      });
      if (choice !== 'replace') {
        say(T.kept, 'error');
        return 'kept';
      }
    }
    try {
      await install(client, docs, current);
    } catch (error) {
      // A link made by hand, whose hash matches but whose metadata the engine refuses.
      say(T.unreadable(sentence(error.message)), 'error');
      return 'bad';
    }
    // After the views have rebuilt over the new corpus (a rebuild clears the status line).
    await show();
    say(T.opened);
    return 'opened';
  };
  if (link.data) {
    let docs;
    try {
      const bytes = await inflate(fromBase64url(link.data));
      const actual = await corpusHash(bytes);
      if (actual !== link.corpus) {
        say(T.tampered(link.corpus, actual), 'error');
        return 'bad';
      }
      docs = parseCorpus(bytes);
    } catch (error) {
      say(T.unreadable(sentence(error.message)), 'error');
      return 'bad';
    }
    return replace(docs);
  }
  // The link names a corpus that is not here: ask for its texts.
  const note = h('p', { class: 'link-note', role: 'alert' });
  const input = h('input', { type: 'file', multiple: true, id: id('files'), accept: '.txt,.md,.markdown,.html,.htm,.csv,.tsv,.docx,.odt,.epub,.rtf,.pdf,.zip' });
  const picker = h('div', { class: 'field' }, h('label', { class: 'label', for: id('files') }, T.open), input);
  let dialog = null;
  const opening = new Promise((resolve) => {
    input.addEventListener('change', async () => {
      const files = [...input.files];
      input.value = '';
      if (!files.length) return;
      note.textContent = T.checkingFiles;
      try {
        const read = await readFiles(files);
        const docs = read.items.map(({ title, text, metadata }) => ({ title, text, metadata }));
        if (!docs.length) {
          note.textContent = read.messages.map((m) => m.text).join(' ') || T.noTexts;
          return;
        }
        // The corpus may have had the built-in articles before or after its texts.
        current = await engineCorpus(client);
        const articles = current.filter((d) => d.source === 'article');
        const candidates = articles.length ? [docs, [...articles, ...docs], [...docs, ...articles]] : [docs];
        for (const candidate of candidates) {
          if (await hashOf(candidate) === link.corpus) {
            resolve(candidate);
            return;
          }
        }
        note.textContent = T.different(await hashOf(docs));
      } catch (error) {
        note.textContent = T.readFailed(sentence(error.message));
      }
    });
  });
  ask.onOpen = (d) => { dialog = d; };
  const asked = ask(parent, id, {
    title: T.askTitle, body: T.ask(link.corpus), extra: [picker, note],
    buttons: [{ label: T.cancel, value: 'cancelled' }],
  });
  ask.onOpen = null;
  const outcome = await Promise.race([asked, opening.then((docs) => ({ docs }))]);
  if (typeof outcome === 'object' && outcome) {
    dialog?.ask('matched');
    return replace(outcome.docs);
  }
  say(T.notOpened, 'error');
  return 'cancelled';
}
