// <text-explorer>: the whole Text Explorer UI as one custom element (Shadow DOM), so the
// page is just one embedding of it.
//
// Attributes (read when the element is connected):
//   state="memory"  keep the UI state in memory instead of the page's URL hash
//                   (for embeddings that must not touch the page URL; default "hash")
//
// The element talks to the engine only through client.js; the views live in views/.

import { h, sentence } from './dom.js';
import { css } from './styles.js';
import { VIEWS, HashStore, MemoryStore } from './state.js';
import { createClient } from './client.js';
import { createSummaryView } from './views/summary.js';
import { createTermsView } from './views/terms.js';
import { createKwicView } from './views/kwic.js';
import { createReaderView } from './views/reader.js';

const TABS = {
  summary: { label: 'Summary', create: createSummaryView },
  terms: { label: 'Terms', create: createTermsView },
  kwic: { label: 'KWIC', title: 'Keyword in context', create: createKwicView },
  reader: { label: 'Reader', create: createReaderView },
};

let instances = 0;

export class TextExplorer extends HTMLElement {
  #root;
  #prefix;
  #store = null;
  #unsubscribe = null;
  #started = false;
  #client = null;
  #docs = null;
  #views = null;
  #shownView = null;
  #tabs = {};
  #panels = {};
  #docSelect;
  #status;

  constructor() {
    super();
    instances += 1;
    this.#prefix = `te${instances}`;
    this.#root = this.attachShadow({ mode: 'open' });
    this.#build();
  }

  connectedCallback() {
    this.#store ??= this.getAttribute('state') === 'memory' ? new MemoryStore() : new HashStore(window);
    this.#unsubscribe = this.#store.subscribe((state) => this.#render(state));
    this.#store.connect();
    if (!this.#started) {
      this.#started = true;
      this.#start();
    } else {
      this.#render(this.#store.get());
    }
  }

  disconnectedCallback() {
    this.#unsubscribe?.();
    this.#store?.disconnect();
  }

  #build() {
    const id = (name) => `${this.#prefix}-${name}`;
    const tablist = h('div', {
      role: 'tablist', 'aria-label': 'Views',
      onkeydown: (event) => this.#onTabKey(event),
    });
    for (const view of VIEWS) {
      const tab = TABS[view];
      this.#tabs[view] = h('button', {
        type: 'button', role: 'tab', id: id(`tab-${view}`), 'aria-controls': id(`panel-${view}`),
        'aria-selected': 'false', tabindex: -1, title: tab.title,
        onclick: () => this.#store.set({ view }),
      }, tab.label);
      this.#panels[view] = h('div', {
        role: 'tabpanel', id: id(`panel-${view}`), 'aria-labelledby': id(`tab-${view}`), hidden: true,
      });
      tablist.append(this.#tabs[view]);
    }
    this.#docSelect = h('select', {
      id: id('doc'), disabled: true,
      onchange: () => {
        const value = this.#docSelect.value;
        this.#store.set({ doc: value === '' ? null : Number(value), page: 1, hit: null, read: null });
      },
    }, h('option', { value: '' }, 'All documents'));
    this.#status = h('p', { class: 'status', role: 'status' }, 'Loading the text engine…');
    this.#root.append(
      h('style', {}, css),
      h('div', { class: 'app' },
        h('div', { class: 'bar' },
          tablist,
          h('div', { class: 'field' }, h('label', { class: 'label', for: id('doc') }, 'Document'), this.#docSelect)),
        this.#status,
        VIEWS.map((view) => this.#panels[view])));
  }

  async #start() {
    try {
      this.#client = await createClient();
      this.#docs = await this.#client.documents();
    } catch (error) {
      this.#status.classList.add('error');
      this.#status.textContent = `The text engine could not start: ${sentence(error.message)}. Reload the page to try again.`;
      return;
    }
    this.#status.textContent = '';
    this.#status.hidden = true;
    const docs = this.#docs;
    const ctx = {
      client: this.#client,
      docs,
      set: (patch, options) => this.#store.set(patch, options),
      state: () => this.#store.get(),
      docNumber: (doc) => docs.findIndex((d) => d.id === doc) + 1,
      docTitle: (doc) => docs.find((d) => d.id === doc)?.title ?? `Document ${doc}`,
      docLabel: (doc) => `${ctx.docNumber(doc)}. ${ctx.docTitle(doc)}`,
      // The Reader shows one document: the filtered one, else the opened hit's, else the first.
      resolveReaderDoc: (state) => state.doc
        ?? (docs.some((d) => d.id === state.read) ? state.read : docs[0]?.id),
    };
    this.#views = {};
    for (const view of VIEWS) {
      this.#views[view] = TABS[view].create(ctx);
      this.#panels[view].append(this.#views[view].el);
    }
    for (const doc of docs) {
      this.#docSelect.append(h('option', { value: String(doc.id) }, ctx.docLabel(doc.id)));
    }
    this.#docSelect.disabled = false;
    this.#render(this.#store.get());
  }

  #render(state) {
    for (const view of VIEWS) {
      const selected = view === state.view;
      this.#tabs[view].setAttribute('aria-selected', String(selected));
      this.#tabs[view].tabIndex = selected ? 0 : -1;
    }
    if (!this.#views) return; // still loading
    if (state.doc != null && !this.#docs.some((d) => d.id === state.doc)) {
      // A link to a document this corpus doesn't have: fall back to all documents.
      this.#store.set({ doc: null }, { replace: true });
      return;
    }
    this.#docSelect.value = state.doc == null ? '' : String(state.doc);
    for (const view of VIEWS) this.#panels[view].hidden = view !== state.view;
    const activated = this.#shownView !== state.view;
    this.#shownView = state.view;
    this.#views[state.view].update(state, { activated });
  }

  // Arrow keys move between tabs and select them (WAI-ARIA tabs, automatic activation).
  #onTabKey(event) {
    const current = VIEWS.indexOf(this.#store.get().view);
    const moves = {
      ArrowRight: current + 1, ArrowDown: current + 1,
      ArrowLeft: current - 1, ArrowUp: current - 1,
      Home: 0, End: VIEWS.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const view = VIEWS[(moves[event.key] + VIEWS.length) % VIEWS.length];
    this.#store.set({ view });
    this.#tabs[view].focus();
  }
}

if (!customElements.get('text-explorer')) customElements.define('text-explorer', TextExplorer);
