// The <text-explorer> element's class: its lifecycle, attributes, properties and methods,
// and the shell it draws (tabs, document filter, status) around the views. The whole Text
// Explorer UI is this one custom element (Shadow DOM), so the page is just one embedding of
// it; text-explorer.js defines it. The README ("Embedding") documents this public surface:
//
// Attributes (and the matching properties); changing one after load updates the widget:
//   view       which view is shown: one of VIEWS (state.js), e.g. summary | terms | kwic
//   query      the KWIC query (property `query`)
//   doc        the document filter: a document id (0 = the first text); absent = all
//   scope      a subcorpus by metadata every view reads: "newspaper = Mint", "date 2024-06"
//   window     KWIC context, 0–50 words each side
//   sort       KWIC sort: position, 1R, 2R, "1R,2R,3R", 1L, 2L, "1L,2L,3L"
//   src        URLs of plain-text files to explore, separated by spaces (several allowed)
//   views      the views offered, e.g. "kwic" or "kwic reader"; absent = all
//   controls   the controls shown, from: doc sort window help embed cite ("all" = every
//              one); absent = every one but embed and cite
//   compact    (boolean) a tighter layout for a sidebar
//   color-scheme  light | dark; absent = follow the reader's system setting
//   lang       the language of the UI strings (see strings/); absent = the first of the
//              browser's languages that has a translation; English when none has
//   state      memory (default: the state lives in the element) | hash (in the page's URL
//              hash, with Back/Forward; for a page that is the explorer). Read on connect.
//   layout     workspace (panels side by side) | tabs (one view at a time); absent = by the
//              widget's own width: the workspace from WORKSPACE_WIDTH px, tabs below it, in
//              a compact widget and when one view is offered
//   panels     the workspace's panels, e.g. "kwic,reader,terms,dispersion" (the default)
// Texts: <script type="text/plain" data-title="…"> or <template data-title="…"> children,
// then the `src` files; with none (an empty `src` names none), the two built-in articles
// (text-source.js).
// Events (bubbling, composed CustomEvents): text-explorer-ready {documents, version},
//   text-explorer-query {query, doc, total} or {query, doc, error}, text-explorer-link
//   {result} once a permalink of the URL was opened (state="hash"; permalink-open.js).
// Methods: addDocument(title, text) → id, search(query, {doc}) → query detail,
//   clear() → query detail; property `ready` is a Promise of the documents (rejected, with
//   the status line's sentence, when the engine cannot start; search() then rejects too).
//
// The element talks to the engine only through client.js; the views live in views/, the
// texts it brings are read by text-source.js, the Embed dialog is embed-dialog.js, the Cite
// dialog cite-dialog.js and the opening of a permalink permalink-open.js (both loaded on use).

import { h, actOnChoice, rovingMove, sentence, numberFormat } from './dom.js';
import { sheet } from './styles.js';
import { VIEWS, DEFAULTS, HashStore, MemoryStore, normalize, panelList } from './state.js';
import { createClient } from './client.js';
import { loadStrings, pickLanguage, stringsRevision } from './strings/index.js';
import { VERSION } from './version.js';
import { articlesHidden, openStorage } from './storage.js';
import { bringsTexts, collectTexts, hasInlineTexts, words } from './text-source.js';
import { embedAttributes, embedSnippets, openEmbedDialog } from './embed-dialog.js';
import { latest } from './views/kit/latest.js';
import { scopeField } from './scope-field.js';

/** Documents listed in the document filter at once; a longer list fills it on first use. */
const DOC_OPTIONS_AT_ONCE = 100;
/** The events that are a select's first use. */
const FIRST_USE = ['focus', 'pointerdown', 'mousedown', 'keydown'];

// The views' modules load on demand, so that the engine starts as soon as this module and its
// few imports have loaded: the first view shown is loaded alongside the engine, the others
// after the first render. Each import() names its file literally, for scripts/pack.
const LOAD_VIEW = {
  summary: () => import('./views/summary.js').then((m) => m.createSummaryView),
  terms: () => import('./views/terms.js').then((m) => m.createTermsView),
  kwic: () => import('./views/kwic.js').then((m) => m.createKwicView),
  reader: () => import('./views/reader.js').then((m) => m.createReaderView),
  collocates: () => import('./views/collocates.js').then((m) => m.createCollocatesView),
  phrases: () => import('./views/phrases.js').then((m) => m.createPhrasesView),
  keyness: () => import('./views/keyness.js').then((m) => m.createKeynessView),
  dispersion: () => import('./views/dispersion.js').then((m) => m.createDispersionView),
  trends: () => import('./views/trends.js').then((m) => m.createTrendsView),
  compare: () => import('./views/compare.js').then((m) => m.createCompareView),
  cloud: () => import('./views/cloud.js').then((m) => m.createCloudView),
  texts: () => import('./views/texts.js').then((m) => m.createTextsView),
  wordtree: () => import('./views/wordtree.js').then((m) => m.createWordTreeView),
  network: () => import('./views/network.js').then((m) => m.createNetworkView),
};

/** The views' create functions, by view, once loaded (shared by every widget on the page). */
const CREATE = {};
const loadingViews = {};

/** Load a view's module; resolves with its create function. A failed load is tried again next time. */
function loadView(view) {
  loadingViews[view] ??= LOAD_VIEW[view]().then((create) => {
    CREATE[view] = create;
    return create;
  }, (error) => {
    delete loadingViews[view];
    throw error;
  });
  return loadingViews[view];
}

/**
 * Attributes that set a part of the state, and the state key each sets. `fold-diacritics`
 * is a boolean attribute: present (and not "false") folds diacritics.
 */
const STATE_ATTRIBUTES = { view: 'view', query: 'q', doc: 'doc', scope: 'scope', window: 'window', sort: 'sort', 'fold-diacritics': 'fold', layout: 'layout', panels: 'panels' };

/** The widget's width (CSS px) from which it opens on the workspace when no layout is asked for. */
export const WORKSPACE_WIDTH = 1000;

/** What a query's hits depend on: the query, the document filter and the scope. */
const queryKey = (q, doc, scope) => JSON.stringify([q, doc ?? null, scope || '']);

/** The controls that the `controls` attribute can show. */
export const CONTROLS = ['doc', 'sort', 'window', 'help', 'embed', 'cite'];
const DEFAULT_CONTROLS = ['doc', 'sort', 'window', 'help'];

let instances = 0;

/** A <select>'s options replaced (only when they differ, so that a screen reader's place stays). */
function replaceOptions(select, options) {
  const same = options.length === select.options.length
    && options.every((o, i) => o.value === select.options[i].value && o.textContent === select.options[i].textContent);
  if (!same) select.replaceChildren(...options);
}

export class TextExplorer extends HTMLElement {
  static get observedAttributes() {
    return [...Object.keys(STATE_ATTRIBUTES), 'src', 'views', 'controls', 'compact', 'color-scheme', 'lang'];
  }

  /** The version of the widget (equal to the engine crate's). */
  static version = VERSION;

  #root;
  #prefix;
  #store = null;
  #unsubscribe = null;
  #started = false;
  #generation = 0; // bumped on every (re)start and teardown, so stale async work stops
  #client = null;
  #strings = null;
  #langRevision = 0; // stringsRevision() of the language #strings were loaded for
  #docs = null;
  #problems = [];
  #added = false; // texts were added by addDocument: an embed snippet cannot carry them
  #views = null; // the views made so far, by name (#view)
  #ctx = null; // what the views are made with (#mount)
  #sharedQuery = null; // {key, total}: the KWIC view's latest request, for the query event
  #rendered = Promise.resolve(); // the latest view update
  #focusFor = null; // the view that takes focus from a panel hidden under it (#rescueFocus)
  #tabs = {};
  #panels = {};
  #app;
  #docSelect = null;
  #scopeInput = null;
  #status;
  #dialog = null;
  #lastQuery = null;
  #announced = latest(); // the text-explorer-query event: the latest query's answer only
  #queryAnswer = null;
  #ready;
  #resolveReady;
  #rejectReady;
  #texts = null; // the Texts view (the user's own texts): made once per client, kept across #mount
  #attachingTexts = null; // while the Texts view's module loads after the first render
  #stopApplied = ''; // state.stop as the client has it
  #stopEditor = null; // the open stop-word editor; #stopRemount: views to redraw on its close
  #stopRemount = false;
  #foldApplied = false; // state.fold as the client has it
  #settings = null; // IndexedDB (storage.js), where the explorer of the articles keeps them
  #keepsSettings = false;
  #wide = false; // the widget is WORKSPACE_WIDTH wide or more (#resize)
  #resize = null; // its ResizeObserver
  #shown = new Set(); // the views drawn by the latest render (so a newly shown one is activated)
  #panelHeads = {}; // each view's panel controls: {heading, swap, max, close}
  #workspaceBar = null; // the workspace's search box and Add menu
  #topSearch = null;
  #addSelect = null;
  #searchTimer = null;
  #focused = false; // the page's search box was focused once (the first render)
  #link = null; // the URL hash that named a corpus (`corpus=`), until it is opened (#openLink)

  constructor() {
    super();
    instances += 1;
    this.#prefix = `te${instances}`;
    this.#root = this.attachShadow({ mode: 'open' });
    // An adopted sheet, not a <style>: allowed by a host CSP of style-src 'self'.
    this.#root.adoptedStyleSheets = [sheet()];
    this.#status = h('p', { class: 'status', role: 'status', part: 'status' });
    this.#app = h('div', { class: 'app', part: 'app' }, this.#status);
    this.#root.append(this.#app);
    this.#newReady();
  }

  // --- lifecycle ----------------------------------------------------------------------------

  connectedCallback() {
    if (!this.#store) {
      this.#store = this.getAttribute('state') === 'hash' ? new HashStore(window) : new MemoryStore();
      // A permalink (`corpus=sha256-…`) is checked once the saved texts are back (#openLink).
      if (this.#store instanceof HashStore && /[#&]corpus=/.test(window.location.hash)) this.#link = window.location.hash;
      // Attributes give the initial state; in hash mode a hash in the URL wins over them.
      if (!(this.#store instanceof HashStore && window.location.hash.length > 1)) {
        this.#store.state = normalize({ ...this.#store.get(), ...this.#attributeState() });
      }
    }
    this.#unsubscribe?.();
    this.#unsubscribe = this.#store.subscribe((state, { source }) => {
      // A permalink pasted into the address bar of the open page (a hashchange).
      if (source === 'history' && this.#views && this.#texts && /[#&]corpus=/.test(window.location.hash)) {
        this.#link = window.location.hash;
        const generation = this.#generation;
        this.#openLink(() => generation !== this.#generation).catch((error) => this.#setStatus(sentence(error.message), 'error'));
      }
      this.#onState(state);
    });
    this.#store.connect();
    this.#observeWidth();
    this.#applyChrome();
    if (!this.#started) {
      this.#started = true;
      this.#start();
    } else if (this.#views) {
      this.#render(this.#store.get());
    }
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
    this.#resize = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#store?.disconnect();
    // Moving the element (remove, then insert in the same task) must not lose its corpus:
    // free the engine's memory only if it is still out of the document after this task.
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  attributeChangedCallback(name, oldValue, value) {
    if (!this.#store) return; // initial values are read on connect
    // A state attribute set again to the same value still applies: the user may have moved on;
    // so does `lang` after registerStrings gave its language new strings.
    const renewed = name === 'lang' && this.#langRevision !== stringsRevision(this.#uiLang());
    if (oldValue === value && !(name in STATE_ATTRIBUTES) && !renewed) return;
    if (name in STATE_ATTRIBUTES) {
      this.#applyStateAttribute(name);
    } else if (name === 'src' || name === 'lang') {
      if (this.#started && this.isConnected) this.#restart();
    } else {
      this.#applyChrome();
      if (this.#views) this.#render(this.#store.get());
    }
  }

  #teardown() {
    this.#generation += 1;
    this.#stopApplied = '';
    this.#stopRemount = false;
    this.#foldApplied = false;
    this.#attachingTexts = null;
    this.#started = false;
    this.#views = null;
    this.#docs = null;
    this.#texts = null;
    const client = this.#client;
    this.#client = null;
    client?.close();
    this.#dialog?.close?.();
    this.#newReady();
  }

  #restart() {
    this.#teardown();
    this.#started = true;
    this.#start();
  }

  #newReady() {
    this.#ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    // Nobody may be waiting: a rejection (the engine could not start) is not reported as
    // unhandled; whoever awaits ready, or search(), still gets it.
    this.#ready.catch(() => {});
  }

  // --- public properties and methods ---------------------------------------------------------

  /** A Promise of the documents ([{id, title, chars, tokens, types, sentences}]) once loaded. */
  get ready() {
    return this.#ready;
  }

  /** The documents, or null while loading. */
  get documents() {
    return this.#docs ? this.#docs.map((d) => ({ ...d })) : null;
  }

  /** A copy of the current UI state ({view, q, doc, sort, window, page, …}). */
  get state() {
    return { ...(this.#store?.get() ?? normalize(this.#attributeState())) };
  }

  // The state properties read the current state (the user may have moved on from the
  // attribute) and set the attribute, which applies at once, even to an unchanged value.
  get view() { return this.state.view; }
  set view(value) { this.#setStateAttribute('view', value); }
  get query() { return this.state.q; }
  set query(value) { this.#setStateAttribute('query', value ?? ''); }
  get doc() { return this.state.doc; }
  set doc(value) { this.#setStateAttribute('doc', value); }
  get scope() { return this.state.scope; }
  set scope(value) { this.#setStateAttribute('scope', value); }
  get window() { return this.state.window; }
  set window(value) { this.#setStateAttribute('window', value); }
  get sort() { return this.state.sort; }
  set sort(value) { this.#setStateAttribute('sort', value); }
  get foldDiacritics() { return this.state.fold; }
  set foldDiacritics(value) { this.#setStateAttribute('fold-diacritics', value ? '' : null); }
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { if (value) this.setAttribute('src', Array.isArray(value) ? value.join(' ') : value); else this.removeAttribute('src'); }
  get views() { return this.#visibleViews(); }
  set views(value) { this.#setList('views', value); }
  get controls() { return this.#controls(); }
  set controls(value) { this.#setList('controls', value); }
  get compact() { return this.hasAttribute('compact'); }
  set compact(value) { this.toggleAttribute('compact', Boolean(value)); }
  get colorScheme() { return this.getAttribute('color-scheme') ?? 'auto'; }
  set colorScheme(value) { if (value === 'light' || value === 'dark') this.setAttribute('color-scheme', value); else this.removeAttribute('color-scheme'); }

  /**
   * Add a text to this widget's corpus; resolves with its document id. `language`: its ISO
   * 639-1 code, if known (else it is detected).
   */
  async addDocument(title, text, { language = null } = {}) {
    await this.#ready;
    const generation = this.#generation;
    const client = this.#client;
    if (!client) throw new Error('the widget is not in the page');
    const id = await client.addDocument(String(title ?? ''), String(text ?? ''), { language });
    const docs = await client.documents();
    if (generation !== this.#generation) return id;
    this.#added = true;
    this.#docs = docs;
    this.#mount(); // the views rebuild over the new corpus
    this.#lastQuery = null;
    this.#onState(this.#store.get());
    return id;
  }

  /**
   * Search (KWIC): shows the KWIC view if it is offered and resolves with the same detail as
   * the text-explorer-query event: {query, doc, total} or {query, doc, error}.
   */
  async search(query, { doc } = {}) {
    await this.#ready;
    const patch = { q: String(query ?? '') };
    if (doc !== undefined) patch.doc = doc;
    if (this.#visibleViews().includes('kwic')) patch.view = 'kwic';
    this.#store.set(patch);
    return this.#queryAnswer ?? this.#announce(this.#store.get());
  }

  /** Clear the search (the query, the Terms filter, the page); resolves like search(''). */
  async clear() {
    return this.search('', {});
  }

  // --- loading ------------------------------------------------------------------------------

  async #start() {
    const generation = ++this.#generation;
    const stale = () => generation !== this.#generation;
    // All that loads starts at once: the modules of the first view shown and of the Texts
    // view, and the engine, whose worker, wasm and index of the articles take longest. The
    // user's texts (the Texts view) belong to the explorer of the built-in articles, not to an
    // embedding that brings its own texts.
    const articles = !bringsTexts(this);
    const starting = createClient({ articles });
    // Read once the engine has started: a page's first read of localStorage can block this
    // thread for tens of milliseconds while the browser is busy starting the page.
    const hidden = articles && articlesHidden();
    // The Texts view (its import pipeline included) loads after the first render, unless it
    // is what is shown first, or the articles are hidden (then it brings the only texts).
    // The workspace's first screen is its panels (KWIC, Reader, Terms, Dispersion by default).
    const first = this.#layout(this.#store.get()) === 'workspace' ? this.#shownPanels(this.#store.get()) : [this.#firstView()];
    const eagerTexts = articles && (hidden || first.includes('texts'));
    const views = Promise.all([...first.filter((v) => v !== 'texts'), ...(eagerTexts ? ['texts'] : [])].map(loadView));
    views.catch(() => {}); // awaited below
    const abandon = () => starting.then((client) => client.close(), () => {});
    starting.catch(() => {}); // awaited below, or abandoned
    // The widget's `lang` if it has one, else the reader's browser languages.
    this.#langRevision = stringsRevision(this.#uiLang());
    this.#strings = await loadStrings(this.#uiLang());
    if (stale()) return abandon();
    const t = this.#strings;
    // The UI's language and direction (Arabic is mirrored); texts set their own (kwic, .text).
    this.#app.lang = t.locale;
    this.#app.dir = t.dir;
    this.#app.replaceChildren(this.#status);
    this.#setStatus(t.loading);
    let client;
    try {
      const texts = await collectTexts(this, t);
      if (stale()) return abandon();
      client = await starting;
      if (stale()) {
        client.close();
        return;
      }
      this.#client = client;
      // A panic in the engine: the client starts a new one from the texts it held.
      client.onRestart(({ phase, message }) => {
        if (client !== this.#client) return;
        if (phase === 'restarting') this.#setStatus(t.engineRestarting, 'error');
        else if (phase === 'failed') this.#setStatus(t.engineRestartFailed(sentence(message)), 'error');
        else {
          this.#setStatus('');
          // The Texts view's listener refreshes the explorer of the built-in articles.
          if (texts !== null) this.#documentsChanged(client, {});
        }
      });
      if (hidden) await client.setArticles(false);
      this.#problems = [...(texts?.problems ?? [])];
      if (texts?.corpus) {
        try {
          await client.openCorpus(texts.corpus.corpus);
        } catch (error) {
          this.#problems.push(t.textFailed(texts.corpus.source, error.message));
        }
      }
      for (const { title, text, source, language } of texts?.items ?? []) {
        try {
          await client.addDocument(title, text, { language });
        } catch (error) {
          this.#problems.push(t.textFailed(source, error.message));
        }
      }
      this.#keepsSettings = articles;
      if (this.#store.get().stop) await this.#applyStop(this.#store.get().stop, { mount: false });
      if (this.#store.get().fold) await this.#applyFold(true, { mount: false });
      this.#docs = await client.documents();
      await views;
      if (texts === null) {
        if (eagerTexts) this.#texts = CREATE.texts({ client, strings: t, formatNumber: numberFormat(t.locale), set: (patch) => this.#store.set(patch) });
        client.onDocuments((change) => this.#documentsChanged(client, change));
      }
    } catch (error) {
      if (stale()) return;
      if (!client) abandon();
      const message = t.engineFailed(sentence(error.message));
      this.#setStatus(message, 'error');
      // A host's `await el.ready` (or el.search()) fails with what the status line says.
      this.#rejectReady(new Error(message));
      return;
    }
    if (stale()) return;
    this.#added = false;
    this.#mount();
    // Once the first view has rendered (its update from #mount): the Texts view's start
    // (opening IndexedDB, restoring the user's saved texts) and the other views' modules,
    // which would delay that render.
    this.#rendered.catch(() => {}).then(async () => {
      if (stale()) return;
      if (articles && !this.#texts) await this.#attachTexts().catch(() => {});
      if (stale()) return;
      this.#texts?.start();
      for (const view of this.#visibleViews()) loadView(view).catch(() => {});
      if (articles) this.#restoreStop(stale).catch(() => {});
      if (articles) this.#restoreFold(stale).catch(() => {});
      if (articles && this.#link) this.#openLink(stale).catch((error) => this.#setStatus(sentence(error.message), 'error'));
    });
    this.#lastQuery = null;
    this.#onState(this.#store.get());
    const documents = this.documents;
    this.#resolveReady(documents);
    this.dispatchEvent(new CustomEvent('text-explorer-ready', {
      bubbles: true, composed: true, detail: { documents, version: VERSION },
    }));
  }

  /** The language asked for: the widget's `lang` if it has one, else the browser's. */
  #uiLang() {
    return this.lang || pickLanguage(navigator.languages);
  }

  /** The view that the first render will show (#render falls back to the first one offered). */
  #firstView() {
    const views = this.#visibleViews();
    const { view } = this.#store.get();
    return views.includes(view) ? view : views[0];
  }

  // --- the UI -------------------------------------------------------------------------------

  #mount() {
    const t = this.#strings;
    const docs = this.#docs;
    const id = (name) => `${this.#prefix}-${name}`;
    this.#views = null;
    this.#shown = new Set();
    this.#tabs = {};
    this.#panels = {};
    this.#panelHeads = {};
    const tablist = h('div', {
      role: 'tablist', 'aria-label': t.views, part: 'tabs',
      onkeydown: (event) => this.#onTabKey(event),
    });
    for (const view of VIEWS) {
      const tab = t.tabs[view] ?? { label: view };
      this.#tabs[view] = h('button', {
        type: 'button', role: 'tab', id: id(`tab-${view}`), 'aria-controls': id(`panel-${view}`),
        'aria-selected': 'false', tabindex: -1, title: tab.title, part: 'tab',
        onclick: () => this.#store.set({ view }),
      }, tab.label);
      // Each panel opens with its view's name as a heading (for screen readers, which list
      // headings): the views' own h3s then follow an h2, not the page's h1 (WCAG 1.3.1). In
      // the workspace the heading shows, and the panel's controls follow it (#panelTools).
      const head = this.#panelTools(view, tab.label, id);
      this.#panels[view] = h('div', {
        role: 'tabpanel', id: id(`panel-${view}`), 'aria-labelledby': id(`tab-${view}`), hidden: true, part: 'panel',
        class: 'panel',
      }, head.heading, head.tools);
      tablist.append(this.#tabs[view]);
    }
    const ctx = {
      client: this.#client,
      shareQuery: (q, doc, answer, scope = '') => {
        this.#sharedQuery = { key: queryKey(q, doc, scope), total: answer.then((a) => a.total) };
        // Not this promise's rejection to report (the view reports it); the event's own copy does.
        this.#sharedQuery.total.catch(() => {});
        return answer;
      },
      docs,
      strings: t,
      // Numbers as the UI's language writes them: views take formatNumber from here.
      formatNumber: numberFormat(t.locale),
      set: (patch, options) => this.#store.set(patch, options),
      state: () => this.#store.get(),
      docNumber: (doc) => docs.findIndex((d) => d.id === doc) + 1,
      docTitle: (doc) => docs.find((d) => d.id === doc)?.title ?? t.documentN(doc),
      docLabel: (doc) => `${ctx.docNumber(doc)}. ${ctx.docTitle(doc)}`,
      // The Reader shows one document: the filtered one, else the opened hit's, else the first.
      editStopWords: () => this.#openStopEditor(),
      // The page's storage (storage.js) where the explorer keeps settings, else null.
      settings: () => (this.#keepsSettings ? this.#settingsStore() : null),
      resolveReaderDoc: (state) => state.doc
        ?? (docs.some((d) => d.id === state.read) ? state.read : docs[0]?.id),
    };
    const options = (list) => [h('option', { value: '' }, t.allDocuments), ...list.map((doc) => h('option', { value: String(doc.id) }, ctx.docLabel(doc.id)))];
    // A long list of documents gets its options when the select is first used (focused,
    // pressed, a key), the chosen one at once: Chromium lays out a select by measuring every
    // option, 15-34 ms for 502 (80 in a trace), which with the views' drawing after indexing
    // made tasks over 50 ms (tests/e2e/texts-scale.test.mjs); a frame later only moved them.
    const chosen = this.#store?.get().doc;
    const later = docs.length > DOC_OPTIONS_AT_ONCE;
    const select = h('select', {
      id: id('doc'), part: 'doc-select',
      onchange: () => {
        const value = select.value;
        this.#store.set({ doc: value === '' ? null : Number(value) });
      },
    }, options(later ? docs.filter((doc) => doc.id === chosen) : docs));
    this.#docSelect = select;
    if (later) {
      const fill = () => {
        for (const type of FIRST_USE) select.removeEventListener(type, fill, true);
        const { value } = select;
        select.replaceChildren(...options(docs));
        select.value = value;
      };
      for (const type of FIRST_USE) select.addEventListener(type, fill, true);
    }
    const scope = scopeField(t, docs, id('scope'), (value) => this.#store.set({ scope: value }));
    this.#scopeInput = scope.input;
    const embed = h('button', {
      type: 'button', class: 'embed-btn', part: 'embed-button', 'aria-haspopup': 'dialog',
      onclick: () => this.#openEmbed(),
    }, t.embed);
    const cite = h('button', {
      type: 'button', class: 'cite-btn', part: 'cite-button', 'aria-haspopup': 'dialog',
      onclick: () => this.#openCite(),
    }, t.cite.button);
    this.#dialog = null;
    this.#workspaceBar = this.#workspaceTools(id);
    this.#app.replaceChildren(
      h('div', { class: 'bar', part: 'bar' },
        tablist,
        this.#workspaceBar,
        h('div', { class: 'tools' },
          h('div', { class: 'field doc-field' }, h('label', { class: 'label', for: id('doc') }, t.document), this.#docSelect),
          h('div', { class: 'field doc-field scope-field' }, h('label', { class: 'label', for: id('scope') }, t.scope), scope.input, scope.list),
          embed, cite)),
      this.#status,
      ...(this.#texts ? [this.#texts.banner] : []),
      h('div', { class: 'panels', part: 'panels' }, VIEWS.map((view) => this.#panels[view])));
    if (!docs.length && !this.#texts) {
      this.#setStatus([t.noTexts, ...this.#problemText()].join(' '), 'error');
      this.#app.querySelector('.bar').hidden = true;
      return;
    }
    if (this.#problems.length) this.#setStatus(this.#problemText().join(' '), 'error');
    else this.#setStatus('');
    // The views are made on first show (#view): most visits use one or two of them.
    this.#ctx = ctx;
    this.#views = {};
    if (this.#texts) {
      this.#views.texts = this.#texts;
      this.#panels.texts.append(this.#texts.el);
    }
    this.#applyChrome();
    this.#render(this.#store.get());
  }

  #problemText() {
    return this.#problems.length ? [this.#strings.textsFailed(this.#problems.join('; '))] : [];
  }

  #setStatus(text, kind = '') {
    this.#status.className = `status ${kind}`.trim();
    this.#status.textContent = text;
    this.#status.hidden = text === '';
  }

  #visibleViews() {
    // Texts (the user's own, kept in this browser) only where the widget shows the built-in
    // articles, not in an embedding that brings its own texts.
    const offered = bringsTexts(this) ? VIEWS.filter((v) => v !== 'texts') : VIEWS;
    const listed = words(this.getAttribute('views'))?.filter((v) => offered.includes(v));
    return listed?.length ? offered.filter((v) => listed.includes(v)) : [...offered];
  }

  /** After texts were added, removed, renamed or hidden: rebuild the views over the new list. */
  async #documentsChanged(client, change) {
    const docs = await client.documents();
    if (client !== this.#client || !this.#views) return;
    // Ids after a removed document move down by one: keep the filter on the same document.
    const removed = [change.removed, ...(change.removedMany ?? [])].filter((id) => id != null);
    let { doc } = this.#store.get();
    for (const id of removed.sort((a, b) => b - a)) {
      if (doc === id) doc = null;
      else if (doc != null && doc > id) doc -= 1;
    }
    // A corpus file opened in place of the corpus: its documents are others.
    if (change.opened) doc = null;
    this.#docs = docs;
    this.#mount();
    this.#lastQuery = null;
    if (removed.length || change.opened) this.#store.set({ doc }, { replace: true, restart: true });
    this.#onState(this.#store.get());
  }

  #controls() {
    const listed = words(this.getAttribute('controls'));
    if (listed === null) return [...DEFAULT_CONTROLS];
    return listed.includes('all') ? [...CONTROLS] : CONTROLS.filter((c) => listed.includes(c));
  }

  #setStateAttribute(name, value) {
    const text = value == null || (value === '' && name === 'doc') ? null : String(value);
    if (text === this.getAttribute(name)) {
      if (this.#store) this.#applyStateAttribute(name);
    } else if (text === null) this.removeAttribute(name);
    else this.setAttribute(name, text);
  }

  #applyStateAttribute(name) {
    const key = STATE_ATTRIBUTES[name];
    const patch = { [key]: normalize({})[key], ...this.#attributeState([name]) };
    this.#store.set(patch);
  }

  #setList(name, value) {
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, Array.isArray(value) ? value.join(' ') : String(value));
  }

  /** The state that the state attributes give (only those named, or all). */
  #attributeState(names = Object.keys(STATE_ATTRIBUTES)) {
    const patch = {};
    for (const name of names) {
      const value = this.getAttribute(name);
      if (value == null) continue;
      if (name === 'fold-diacritics') patch.fold = value.trim().toLowerCase() !== 'false';
      else patch[STATE_ATTRIBUTES[name]] = name === 'doc' || name === 'window' ? (value.trim() === '' ? null : Number(value)) : value;
    }
    // Invalid values fall back to the defaults, as a bad link does.
    const valid = normalize(patch);
    const out = {};
    for (const key of Object.keys(patch)) out[key] = valid[key];
    return out;
  }

  /** Show the views and controls that the attributes ask for. */
  #applyChrome() {
    const views = this.#visibleViews();
    const controls = this.#controls();
    const classes = ['app'];
    if (views.length === 1) classes.push('one-view');
    for (const control of CONTROLS) if (!controls.includes(control)) classes.push(`no-${control}`);
    if (this.hasAttribute('compact')) classes.push('compact');
    if (this.#layout(this.#store?.get() ?? normalize(this.#attributeState())) === 'workspace') classes.push('workspace');
    this.#app.className = classes.join(' ');
    for (const view of VIEWS) {
      if (this.#tabs[view]) this.#tabs[view].hidden = !views.includes(view);
    }
  }

  #onState(state) {
    if (this.#views && state.stop !== this.#stopApplied) {
      this.#applyStop(state.stop).catch((error) => this.#setStatus(sentence(error.message), 'error'));
    }
    if (this.#views && state.fold !== this.#foldApplied) {
      this.#applyFold(state.fold).catch((error) => this.#setStatus(sentence(error.message), 'error'));
    }
    this.#render(state);
    const key = JSON.stringify([state.q.trim(), state.doc, state.scope]);
    if (this.#views && key !== this.#lastQuery) {
      this.#lastQuery = key;
      this.#announce(state);
    }
  }

  #render(state) {
    const views = this.#visibleViews();
    if (!views.includes(state.view)) {
      // A view that this widget does not offer: show the first one it does.
      this.#store.set({ view: views[0] }, { replace: true });
      return;
    }
    for (const view of VIEWS) {
      const tab = this.#tabs[view];
      if (!tab) continue;
      const selected = view === state.view;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
    const workspace = this.#layout(state) === 'workspace';
    this.#app.classList.toggle('workspace', workspace);
    if (!this.#views) return; // still loading
    if (state.doc != null && !this.#docs.some((d) => d.id === state.doc)) {
      // A link to a document this corpus doesn't have: fall back to all documents.
      this.#store.set({ doc: null }, { replace: true });
      return;
    }
    this.#docSelect.value = state.doc == null ? '' : String(state.doc);
    if (this.#root.activeElement !== this.#scopeInput) this.#scopeInput.value = state.scope;
    if (workspace) {
      // A link or a click that names a view no panel shows (view=network, say) adds its
      // panel; the default view (summary) is what a bare link names, and adds nothing.
      const list = this.#panelList(state);
      if (state.view !== DEFAULTS.view && !list.includes(state.view)) {
        this.#store.set({ panels: [...list, state.view].join(','), max: '' }, { replace: true });
        return;
      }
      this.#renderWorkspace(state);
      return;
    }
    this.#panelsAs('tabs', [state.view]);
    // Focus in a panel that is about to hide (a term, a Cloud word that opens KWIC) is moved
    // to the new view once it has drawn (#rescueFocus), even if its module loads first.
    const from = this.#root.activeElement?.closest('[role="tabpanel"]');
    if (from && from !== this.#panels[state.view]) this.#focusFor = state.view;
    for (const view of VIEWS) this.#panels[view].hidden = view !== state.view;
    const view = this.#view(state.view);
    if (!view) return; // its module is loading: rendered once it has loaded
    const activated = !this.#shown.has(state.view) || this.#shown.size !== 1;
    this.#shown = new Set([state.view]);
    this.#rendered = Promise.resolve(view.update(state, { activated }));
    if (this.#focusFor === state.view) this.#rescueFocus(state.view);
    this.#focusFor = null;
  }

  // --- the workspace: panels side by side ------------------------------------------------------

  /** The layout: the state's (a link, the `layout` attribute), else by the widget's width. */
  #layout(state) {
    if (this.#visibleViews().length === 1) return 'tabs';
    if (state.layout) return state.layout;
    return this.#wide && !this.hasAttribute('compact') ? 'workspace' : 'tabs';
  }

  /** The workspace's panels, in order: the maximised one alone. */
  #shownPanels(state) {
    const offered = this.#visibleViews();
    const list = panelList(state.panels).filter((v) => offered.includes(v));
    if (!list.length) list.push(offered[0]);
    return list.includes(state.max) ? [state.max] : list;
  }

  /** The panels' list of the state (without the maximised one's rule), offered views only. */
  #panelList(state = this.#store.get()) {
    const offered = this.#visibleViews();
    const list = panelList(state.panels).filter((v) => offered.includes(v));
    return list.length ? list : [offered[0]];
  }

  /** Follow the widget's width: it chooses the layout when neither the state nor an attribute does. */
  #observeWidth() {
    if (this.#resize || typeof ResizeObserver === 'undefined') return;
    this.#wide = this.getBoundingClientRect().width >= WORKSPACE_WIDTH;
    // The observer's own measure (no layout forced): it also fires as the height changes.
    this.#resize = new ResizeObserver((entries) => {
      const entry = entries.at(-1);
      const width = entry.borderBoxSize?.[0]?.inlineSize ?? entry.contentRect.width;
      if ((width >= WORKSPACE_WIDTH) === this.#wide) return;
      this.#wide = width >= WORKSPACE_WIDTH;
      this.#applyChrome();
      this.#render(this.#store.get());
    });
    this.#resize.observe(this);
  }

  /** A panel's heading and its workspace controls: swap its view, maximise it, close it. */
  #panelTools(view, label, id) {
    const W = this.#strings.workspace;
    const heading = h('h2', { class: 'vh', id: id(`heading-${view}`) }, label);
    const swap = h('select', { 'aria-label': W.swapLabel(label), class: 'panel-swap' },
      this.#visibleViews().map((v) => h('option', { value: v }, this.#strings.tabs[v]?.label ?? v)));
    actOnChoice(swap, (to) => this.#swapPanel(view, to), () => view);
    const max = h('button', { type: 'button', class: 'panel-btn', onclick: () => this.#maximise(view) }, W.maximise);
    const close = h('button', { type: 'button', class: 'panel-btn', 'aria-label': W.closeLabel(label), onclick: () => this.#closePanel(view) }, W.close);
    const tools = h('div', { class: 'panel-tools', role: 'group', 'aria-label': W.panelTools(label) }, swap, max, close);
    this.#panelHeads[view] = { heading, swap, max, close, label };
    return { heading, tools };
  }

  /** The workspace's own bar: the search box across the top, and Add a panel. */
  #workspaceTools(id) {
    const t = this.#strings;
    const W = t.workspace;
    const commit = () => {
      clearTimeout(this.#searchTimer);
      this.#searchTimer = null;
      // Typing rewrites the current history entry, as in KWIC.
      this.#store.set({ q: this.#topSearch.value }, { replace: true });
    };
    this.#topSearch = h('input', {
      type: 'search', id: id('search'), autocomplete: 'off', spellcheck: 'false', part: 'workspace-search',
      placeholder: t.searchPlaceholder,
      oninput: () => {
        clearTimeout(this.#searchTimer);
        this.#searchTimer = setTimeout(commit, 100);
      },
      onkeydown: (event) => { if (event.key === 'Enter') commit(); },
    });
    this.#addSelect = h('select', { id: id('add') });
    actOnChoice(this.#addSelect, (view) => this.#addPanel(view), () => '');
    return h('div', { class: 'workspace-tools' },
      h('div', { class: 'field grow' }, h('label', { class: 'label', for: id('search') }, t.search), this.#topSearch),
      h('div', { class: 'field add-field' }, h('label', { class: 'label', for: id('add') }, W.add), this.#addSelect));
  }

  #renderWorkspace(state) {
    const W = this.#strings.workspace;
    const shown = this.#shownPanels(state);
    const list = this.#panelList(state);
    this.#panelsAs('workspace', shown);
    for (const view of VIEWS) this.#panels[view].hidden = !shown.includes(view);
    for (const view of shown) {
      const head = this.#panelHeads[view];
      head.swap.value = view;
      const maxed = state.max === view;
      head.max.textContent = maxed ? W.restore : W.maximise;
      head.max.setAttribute('aria-label', (maxed ? W.restoreLabel : W.maximiseLabel)(head.label));
      head.max.setAttribute('aria-pressed', String(maxed));
      // The last panel stays: the workspace is never empty.
      head.close.hidden = list.length === 1;
    }
    this.#app.classList.toggle('maximised', Boolean(state.max) && shown.length === 1);
    const absent = this.#visibleViews().filter((v) => !list.includes(v));
    replaceOptions(this.#addSelect, [h('option', { value: '' }, W.addChoose),
      ...absent.map((v) => h('option', { value: v }, this.#strings.tabs[v]?.label ?? v))]);
    this.#addSelect.value = '';
    this.#addSelect.disabled = absent.length === 0;
    if (this.#searchTimer === null && this.#topSearch.value !== state.q) this.#topSearch.value = state.q;
    const updates = [];
    const drawn = new Set();
    for (const name of shown) {
      const view = this.#view(name);
      if (!view) continue; // its module is loading: rendered once it has loaded
      drawn.add(name);
      updates.push(view.update(state, { activated: !this.#shown.has(name) }));
    }
    this.#shown = drawn;
    this.#rendered = Promise.all(updates);
    // The page that is the explorer opens with its search box focused (once).
    if (!this.#focused && this.getAttribute('state') === 'hash') {
      this.#focused = true;
      const outside = this.getRootNode().activeElement;
      if (!outside || outside === document.body) this.#topSearch.focus();
    }
  }

  /**
   * Make the panels tab panels (tabs) or labelled regions (workspace), and put the shown ones
   * first in their order: the reading and Tab order is the panels' order. Focus in a moved
   * panel stays where it was.
   */
  #panelsAs(layout, shown) {
    const tabs = layout === 'tabs';
    for (const view of VIEWS) {
      const panel = this.#panels[view];
      // Set only what changes: a render sets these on every panel, and an attribute set
      // again (even to its value) makes the style of the panel's whole subtree recalculate,
      // such as the Texts table's 500 rows after indexing.
      const role = tabs ? 'tabpanel' : 'region';
      const label = tabs ? this.#tabs[view].id : this.#panelHeads[view].heading.id;
      const heading = this.#panelHeads[view].heading;
      if (panel.getAttribute('role') !== role) panel.setAttribute('role', role);
      if (panel.getAttribute('aria-labelledby') !== label) panel.setAttribute('aria-labelledby', label);
      if (heading.className !== (tabs ? 'vh' : 'panel-title')) heading.className = tabs ? 'vh' : 'panel-title';
    }
    const box = this.#panels[VIEWS[0]].parentNode;
    const order = tabs ? VIEWS : [...shown, ...VIEWS.filter((v) => !shown.includes(v))];
    const now = [...box.children];
    if (order.every((v, i) => now[i] === this.#panels[v])) return;
    const active = this.#root.activeElement;
    box.append(...order.map((v) => this.#panels[v]));
    if (active && active !== this.#root.activeElement && active.isConnected) active.focus({ preventScroll: true });
  }

  #swapPanel(view, to) {
    const state = this.#store.get();
    const list = this.#panelList(state);
    if (to === view || !this.#visibleViews().includes(to)) return;
    const at = list.indexOf(view);
    const other = list.indexOf(to);
    // A view shown in another panel already changes places with this one: one panel a view.
    if (other >= 0) list[other] = view;
    list[at] = to;
    this.#store.set({
      panels: list.join(','), max: state.max === view ? to : state.max,
      view: state.view === view ? to : state.view,
    });
    this.#panelHeads[to].swap.focus();
  }

  #maximise(view) {
    const { max } = this.#store.get();
    this.#store.set({ max: max === view ? '' : view });
    this.#panelHeads[view].max.focus();
  }

  #closePanel(view) {
    const state = this.#store.get();
    const list = this.#panelList(state);
    if (list.length === 1) return;
    const at = list.indexOf(view);
    const rest = list.filter((v) => v !== view);
    // The state's view moves off the closed panel (else a render would bring it back).
    this.#store.set({
      panels: rest.join(','), max: state.max === view ? '' : state.max,
      view: state.view === view ? rest[Math.min(at, rest.length - 1)] : state.view,
    });
    // Focus goes to the panel that took its place (the next one, else the one before).
    const next = this.#shownPanels(this.#store.get());
    const to = next[Math.min(at, next.length - 1)] ?? next[0];
    this.#panelHeads[to].swap.focus();
  }

  #addPanel(view) {
    if (!view) return;
    const list = this.#panelList();
    if (!list.includes(view)) list.push(view);
    this.#store.set({ panels: list.join(','), max: '' });
    this.#panelHeads[view].swap.focus();
  }

  /**
   * A control that opened another view (a term, a Cloud word, a KWIC line) was hidden with its
   * panel, and focus would fall to the page's body: move it to the new view's own start (its
   * `focus()`, the search box in KWIC), else to its tab. Focus that the view took itself, or
   * that the reader moved elsewhere meanwhile, is left alone.
   */
  #rescueFocus(view) {
    const active = this.#root.activeElement;
    const outside = this.getRootNode().activeElement;
    const lost = active ? active.closest('[hidden]') : !outside || outside === document.body;
    if (!lost) return;
    if (this.#views[view]?.focus) this.#views[view].focus();
    else this.#tabs[view].focus();
  }

  /** Loads and places the Texts view (after the first render): its banner and its panel. */
  #attachTexts() {
    const client = this.#client;
    if (this.#attachingTexts?.client !== client) {
      const loading = loadView('texts').then((create) => {
        if (client !== this.#client || this.#texts) return;
      this.#texts = create({
        client, strings: this.#strings, formatNumber: numberFormat(this.#strings.locale), set: (patch) => this.#store.set(patch),
      });
      this.#status.after(this.#texts.banner);
        if (this.#views) {
          this.#views.texts = this.#texts;
          this.#panels.texts.append(this.#texts.el);
        }
      });
      // A failed load is tried again next time.
      loading.catch(() => { if (this.#attachingTexts?.loading === loading) this.#attachingTexts = null; });
      this.#attachingTexts = { client, loading };
    }
    return this.#attachingTexts.loading;
  }

  /** The view `name`, made on first show; null while its module loads (then it renders). */
  #view(name) {
    if (this.#views[name]) return this.#views[name];
    if (name === 'texts') {
      // Shown before it was attached: attach it now, then draw.
      const views = this.#views;
      this.#attachTexts().then(() => {
        if (this.#views === views) this.#render(this.#store.get());
      }, (error) => {
        if (this.#views === views) this.#setStatus(sentence(error.message), 'error');
      });
      return null;
    }
    if (!CREATE[name]) {
      const views = this.#views;
      loadView(name).then(() => {
        if (this.#views === views) this.#render(this.#store.get());
      }, (error) => {
        if (this.#views === views) this.#setStatus(sentence(error.message), 'error');
      });
      return null;
    }
    this.#views[name] = CREATE[name](this.#ctx);
    this.#panels[name].append(this.#views[name].el);
    return this.#views[name];
  }

  /**
   * Fire text-explorer-query for the state's query and document; resolves with its detail.
   * The event fires for the latest query only (#announced drops the others' answers); an
   * earlier call still resolves, with its own total or error.
   */
  #announce(state) {
    const query = state.q.trim();
    const { doc, scope } = state;
    // The KWIC view's own request for this query, when it made one (it renders first), gives
    // the total: the query is computed once, not once for the view and once for the event.
    const key = queryKey(query, doc, scope);
    const take = () => {
      const shared = this.#sharedQuery;
      if (shared?.key !== key) return null;
      this.#sharedQuery = null;
      return shared.total;
    };
    const own = () => this.#client.kwic(query, { doc: doc ?? undefined, scope: scope || undefined, limit: 0 }).then((answer) => answer.total);
    const total = query
      ? (take() ?? new Promise((resolve) => setTimeout(resolve)).then(() => take() ?? own()))
      : Promise.resolve(0);
    const detail = total.then((n) => ({ query, doc, total: n }), (error) => ({ query, doc, error: error.message }));
    const fire = () => detail.then((d) => {
      this.#queryAnswer = null;
      this.dispatchEvent(new CustomEvent('text-explorer-query', { bubbles: true, composed: true, detail: d }));
    });
    this.#announced(() => total, fire, fire);
    this.#queryAnswer = detail;
    return detail;
  }

  // Arrow keys move between tabs and select them (WAI-ARIA tabs, automatic activation).
  #onTabKey(event) {
    const views = this.#visibleViews();
    const to = rovingMove(event.key, views.indexOf(this.#store.get().view), views.length);
    if (to === null) return;
    event.preventDefault();
    const view = views[to];
    this.#store.set({ view });
    this.#tabs[view].focus();
  }

  // --- stop words (stopwords.js; the editor, stopwords-editor.js) --------------------------

  async #applyStop(text, { mount = true } = {}) {
    this.#stopApplied = text;
    const client = this.#client;
    await client.setStopEdits((await import('./stopwords.js')).decodeEdits(text));
    if (client !== this.#client || this.#stopApplied !== text) return;
    if (this.#keepsSettings) this.#settingsStore().then((s) => s.saveSetting('stop', text)).catch(() => {});
    // Every view asks again (once the editor is closed).
    if (mount && this.#views) {
      if (this.#stopEditor) this.#stopRemount = true;
      else this.#mount();
    }
  }

  #settingsStore() {
    this.#settings ??= openStorage();
    return this.#settings;
  }

  /** The edits kept in IndexedDB, unless the link names its own. */
  async #restoreStop(stale) {
    const saved = await (await this.#settingsStore()).setting('stop');
    if (!stale() && saved && !this.#store.get().stop) this.#store.set({ stop: saved }, { replace: true });
  }

  // --- diacritic folding (the engine's setFolding) -------------------------------------------

  // The request goes out before the views' next ones (the engine answers in order); once it
  // is answered, every view asks again, and the documents' types have changed.
  async #applyFold(fold, { mount = true } = {}) {
    this.#foldApplied = fold;
    const client = this.#client;
    await client.setFolding(fold);
    if (client !== this.#client || this.#foldApplied !== fold) return;
    if (this.#keepsSettings) this.#settingsStore().then((s) => s.saveSetting('fold', fold ? '1' : '')).catch(() => {});
    if (!mount || !this.#views) return;
    const docs = await client.documents();
    if (client !== this.#client || this.#foldApplied !== fold || !this.#views) return;
    this.#docs = docs;
    // The user ticked the box: it stays focused in the view made again.
    const focused = this.#root.activeElement?.matches('[data-fold]');
    this.#mount();
    if (focused) this.#root.querySelector('[data-fold]')?.focus();
  }

  /** The setting kept in IndexedDB, unless the link folds already. */
  async #restoreFold(stale) {
    const saved = await (await this.#settingsStore()).setting('fold');
    if (!stale() && saved === '1' && !this.#store.get().fold) this.#store.set({ fold: true }, { replace: true });
  }

  async #openStopEditor() {
    if (this.#stopEditor) return;
    this.#stopEditor = import('./stopwords-editor.js').then((m) => m.openStopEditor(this.#app, {
      client: this.#client, strings: this.#strings, state: () => this.#store.get(),
      set: (patch) => this.#store.set(patch), languages: (this.#docs ?? []).map((d) => d.language ?? 'en'),
    }, {
      onClose: () => {
        this.#stopEditor = null;
        if (!this.#stopRemount) return;
        this.#stopRemount = false;
        this.#mount();
        this.#tabs[this.#store.get().view]?.focus();
      },
    })).catch((error) => {
      this.#stopEditor = null;
      this.#setStatus(sentence(error.message), 'error');
    });
  }

  // --- the Embed dialog (embed-dialog.js) ----------------------------------------------

  /** The two snippets for the current view: {element, iframe}. */
  embedSnippets() {
    return embedSnippets(embedAttributes(this, this.#store.get(), this.#controls(), DEFAULT_CONTROLS));
  }

  #openEmbed() {
    // Texts that a URL cannot carry: inline ones, added by script, or the user's own (Texts).
    const note = this.#added || this.#docs?.some((d) => d.source === 'user') || hasInlineTexts(this);
    this.#dialog?.remove();
    this.#dialog = openEmbedDialog({
      t: this.#strings, snippets: this.embedSnippets(), note,
      id: (name) => `${this.#prefix}-embed-${name}`, parent: this.#app,
    });
  }

  // --- permalinks: the Cite dialog (cite-dialog.js) and opening a link (permalink-open.js) ---

  /** What the permalink modules work with: the engine, the strings, where dialogs go, the status line. */
  #linkHost(kind, stale = () => false) {
    const client = this.#client;
    return {
      client, t: this.#strings, parent: this.#app, texts: this.#texts, state: this.#store.get(), docs: this.#docs ?? [],
      id: (name) => `${this.#prefix}-${kind}-${name}`,
      // This page in hash mode, else the explorer's page beside this script.
      page: this.#store instanceof HashStore ? window.location.href : new URL('./', import.meta.url).href,
      stale: () => stale() || client !== this.#client,
      say: (text, kind = '') => { if (!stale()) this.#setStatus(text, kind); },
      set: (state) => this.#store.set(state, { replace: true }),
    };
  }

  #openCite() {
    this.#dialog?.remove();
    import('./cite-dialog.js').then((m) => { this.#dialog = m.openCiteDialog(this.#linkHost('cite')); })
      .catch((error) => this.#setStatus(sentence(error.message), 'error'));
  }

  /** The permalink of the URL this page opened with: its corpus checked, then its view shown. */
  async #openLink(stale) {
    const hash = this.#link;
    this.#link = null;
    const result = await (await import('./permalink-open.js')).openLink(hash, this.#linkHost('link', stale));
    if (!stale()) this.dispatchEvent(new CustomEvent('text-explorer-link', { bubbles: true, composed: true, detail: { result } }));
  }
}
