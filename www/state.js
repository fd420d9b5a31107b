// The explorer's state and where it lives.
//
// The whole UI state is one small object, serialised into the URL hash so that a link
// reopens the same view and Back/Forward step through it:
//
//   #view=kwic&q=putin&doc=1&sort=1R&window=5&page=2
//   #view=reader&q=putin&read=0&hit=1234
//   #view=terms&stopwords=show&filter=kor
//   #view=terms&stop=en*iso.said-not_fr.ça      (the edited stop-word lists, stopwords.js)
//   #view=terms&fold=1                          (diacritics folded: Zürich = Zurich)
//   #view=trends&q=markets,cricket&trend=month  (Trends by month)
//   #view=kwic&q=war&where=1L%3Dthe&sample=20&seed=7   (KWIC's filter and seeded sample)
//   #view=wordtree&q=putin&side=left
//   #view=network&q=putin&net=president,russia  (the Network view's expanded nodes)
//   #layout=workspace&panels=kwic,reader,cloud&max=reader   (the workspace's panels)
//
// Keys at their default value are left out, so the bare page URL is the default state.

/** The views, in tab order. */
export const VIEWS = [
  'summary', 'terms', 'kwic', 'reader',
  'collocates', 'phrases', 'keyness', 'dispersion', 'trends', 'compare', 'cloud',
  'texts', 'wordtree', 'network',
];

/** The Trends view's groupings: by document (corpus order), by year, by month. */
export const TREND_GROUPINGS = ['document', 'year', 'month'];

/** The sides a Word Tree grows on (the engine's `side`). */
export const SIDES = ['right', 'left'];
/** The layouts: '' (the default) chooses by the widget's width (text-explorer-element.js). */
export const LAYOUTS = ['workspace', 'tabs'];

/** The workspace's panels when the state names none, in reading order. */
export const DEFAULT_PANELS = ['kwic', 'reader', 'terms', 'dispersion'];

/**
 * The panels of a `panels` value: views of VIEWS, each once, in the order given; the
 * default ones for an empty or invalid list.
 */
export function panelList(text) {
  const list = [...new Set(String(text ?? '').split(',').map((v) => v.trim()))].filter((v) => VIEWS.includes(v));
  return list.length ? list : [...DEFAULT_PANELS];
}

/** KWIC sort orders: values go to the engine unchanged (AntConc-style keys). */
export const SORTS = [
  { value: 'position', label: 'Position' },
  { value: '1R', label: '1R' },
  { value: '2R', label: '2R' },
  { value: '1R,2R,3R', label: '1R, 2R, 3R' },
  { value: '1L', label: '1L' },
  { value: '2L', label: '2L' },
  { value: '1L,2L,3L', label: '1L, 2L, 3L' },
];

/** Context window in tokens on each side of a KWIC keyword: the engine accepts 0 to 50. */
export const WINDOW_MIN = 0;
export const WINDOW_MAX = 50;

/** Concordance lines per page. */
export const PAGE_SIZE = 100;

/**
 * The highest page a URL may ask for: its offset must fit the engine's 32-bit offsets. A
 * higher one (page=999999999) becomes this one, past the last page, which the KWIC view then
 * turns into the last page, as it does any page past the end.
 */
export const MAX_PAGE = Math.floor(0xffffffff / PAGE_SIZE);

/**
 * The default state.
 * - view: one of VIEWS
 * - q: the KWIC query as typed ('' = no search)
 * - doc: the document filter, a document id, or null for all documents
 * - scope: a subcorpus by metadata that every view reads ('newspaper = Mint', 'date 2024-06';
 *   the engine parses it: src/scope.rs), with doc their intersection; '' for none
 * - sort: one of SORTS' values
 * - window: WINDOW_MIN..WINDOW_MAX
 * - page: 1-based KWIC page
 * - stopwords: true shows stop words in Terms (the engine's flag), false hides them
 * - filter: the Terms substring filter
 * - read: the Reader's document when doc is null (the document of the opened hit)
 * - hit: the Reader's current hit, the UTF-16 start offset of its keyword in that document
 * - stop: the user's edits of the stop-word lists, as stopwords.js encodes them ('' = none)
 * - fold: true folds diacritics in every count and query (the engine's setFolding)
 * - trend: the Trends view's grouping, one of TREND_GROUPINGS
 * - where: KWIC's filter as typed (`1L=the W=war`; parseWhere reads it)
 * - sample: KWIC's random sample size, 0 for every line
 * - seed: the sample's seed (0 to 2^32 − 1)
 * - side: the Word Tree's side, one of SIDES
 * - net: the Network view's expanded nodes, terms separated by commas ('' = none; at most
 *   MAX_NET, each of them a term of the query's graph)
 * - layout: one of LAYOUTS, or '' to choose by the widget's width (workspace from about
 *   1,000 px)
 * - panels: the workspace's panels, views separated by commas (panelList)
 * - max: the workspace's maximised panel, a view of panels, or '' for none
 */
export const DEFAULTS = Object.freeze({
  view: 'summary',
  q: '',
  doc: null,
  scope: '',
  sort: 'position',
  window: 5,
  page: 1,
  stopwords: false,
  filter: '',
  read: null,
  hit: null,
  stop: '',
  fold: false,
  trend: 'document',
  where: '',
  sample: 0,
  seed: 0,
  side: 'right',
  net: '',
  layout: '',
  panels: DEFAULT_PANELS.join(','),
  max: '',
});

/** The engine's filter and sample options of a state (undefined where there are none). */
export function kwicTools(state) {
  const filter = parseWhere(state.where);
  return {
    filter: filter.length ? filter : undefined,
    sample: state.sample ? { size: state.sample, seed: state.seed } : undefined,
  };
}

/** The largest KWIC sample (the engine's largest page). */
export const SAMPLE_MAX = 100_000;

/**
 * KWIC's filter as typed, as the engine's list: `1L=the 2R=war` (position = word, apart by
 * spaces), a bare word for anywhere in the window (`W=war`). The engine checks the
 * positions and words.
 */
export function parseWhere(text) {
  const filter = [];
  for (const [, position, word, bare] of String(text ?? '').matchAll(/([^\s=]+)\s*=\s*([^\s=]+)|([^\s=]+)/g)) {
    filter.push(bare ? { position: 'window', word: bare } : { position, word });
  }
  return filter;
}

/** The most expanded nodes of the Network view (the engine's limit, src/analyses/network.rs). */
export const MAX_NET = 12;

/** The Network view's expanded terms: the `net` key split at commas, trimmed, without repeats. */
export function netTerms(net) {
  return [...new Set(String(net ?? '').split(',').map((t) => t.trim()).filter(Boolean))].slice(0, MAX_NET);
}

const KEYS = Object.keys(DEFAULTS);

function nonNegativeInt(text) {
  return text != null && /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** Parse a URL hash ('#a=b&…' or '') into a complete, valid state; bad values fall back to defaults. */
export function parse(hash) {
  const p = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const state = { ...DEFAULTS };
  const view = p.get('view');
  if (VIEWS.includes(view)) state.view = view;
  state.q = p.get('q') ?? '';
  state.doc = nonNegativeInt(p.get('doc'));
  state.scope = (p.get('scope') ?? '').trim().slice(0, 10_200);
  const sort = p.get('sort');
  if (SORTS.some((s) => s.value === sort)) state.sort = sort;
  const win = nonNegativeInt(p.get('window'));
  if (win != null) state.window = Math.min(WINDOW_MAX, Math.max(WINDOW_MIN, win));
  const page = nonNegativeInt(p.get('page'));
  if (page != null && page >= 1) state.page = Math.min(page, MAX_PAGE);
  state.stopwords = p.get('stopwords') === 'show';
  state.filter = p.get('filter') ?? '';
  state.read = nonNegativeInt(p.get('read'));
  state.hit = nonNegativeInt(p.get('hit'));
  state.stop = p.get('stop') ?? '';
  state.fold = p.get('fold') === '1';
  const trend = p.get('trend');
  if (TREND_GROUPINGS.includes(trend)) state.trend = trend;
  state.where = (p.get('where') ?? '').trim().slice(0, 1000);
  const sample = nonNegativeInt(p.get('sample'));
  if (sample != null) state.sample = Math.min(sample, SAMPLE_MAX);
  const seed = p.get('seed');
  if (seed != null && /^\d{1,10}$/.test(seed) && Number(seed) <= 0xffffffff) state.seed = Number(seed);
  if (SIDES.includes(p.get('side'))) state.side = p.get('side');
  state.net = netTerms(p.get('net')).join(',');
  const layout = p.get('layout');
  if (LAYOUTS.includes(layout)) state.layout = layout;
  state.panels = panelList(p.get('panels')).join(',');
  const max = p.get('max');
  if (state.panels.split(',').includes(max)) state.max = max;
  return state;
}

/** Serialise a state into a hash ('#…'), or '' when every key has its default value. */
export function format(state) {
  const p = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (value === DEFAULTS[key] || value == null) continue;
    if (key === 'stopwords') p.set(key, value ? 'show' : 'hide');
    else if (key === 'fold') p.set(key, '1');
    else p.set(key, String(value));
  }
  const text = p.toString();
  return text ? `#${text}` : '';
}

/** A complete, valid state from a partial one (via the same rules as a hash). */
export function normalize(state) {
  return parse(format({ ...DEFAULTS, ...state }));
}

/**
 * The state after a patch, normalised, with the rules that tie keys together:
 * - a new query (q), document filter (doc) or scope starts over: page 1, no hit, no Reader
 *   position
 *   (the old ones belong to other results); a new query expands no Network node (net);
 * - a new KWIC sort or window, or folding diacritics or not (the hits change), goes back to
 *   page 1;
 * - `restart: true` (the corpus changed, so document ids and offsets moved) starts over too.
 * A key that the patch sets itself keeps the patch's value. Only user steps go through this
 * (Store.set); a link or Back/Forward restores a whole state as it was.
 */
export function applyPatch(state, patch, { restart = false } = {}) {
  const next = normalize({ ...state, ...patch });
  const keep = (key) => Object.hasOwn(patch, key);
  const reset = (keys) => {
    for (const key of keys) if (!keep(key)) next[key] = DEFAULTS[key];
  };
  if (restart || next.q !== state.q || next.doc !== state.doc || next.scope !== state.scope) reset(['page', 'hit', 'read']);
  else if (next.sort !== state.sort || next.window !== state.window || next.fold !== state.fold
    || next.where !== state.where || next.sample !== state.sample || next.seed !== state.seed) reset(['page']);
  // The expanded nodes belong to the query's graph.
  if (next.q !== state.q) reset(['net']);
  else if (next.sort !== state.sort || next.window !== state.window || next.fold !== state.fold) reset(['page']);
  return next;
}

class Store {
  #listeners = new Set();
  state = { ...DEFAULTS };

  /** The current state (do not mutate). */
  get() {
    return this.state;
  }

  /** Call fn(state, {source}) after every change; returns a function that unsubscribes. */
  subscribe(fn) {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /**
   * Merge a patch into the state. `replace: true` rewrites the current history entry
   * (typing), otherwise a new entry is pushed (a discrete step the user may go Back from).
   * The rules of applyPatch apply (a new query or document resets the page, the hit and the
   * Reader position; `restart: true` resets them whatever changed). Returns false when
   * nothing changed.
   */
  set(patch, { replace = false, restart = false } = {}) {
    const next = applyPatch(this.state, patch, { restart });
    if (format(next) === format(this.state)) return false;
    this.state = next;
    this.commit(next, replace);
    this.emit('user');
    return true;
  }

  emit(source) {
    for (const fn of [...this.#listeners]) fn(this.state, { source });
  }

  commit() {}
  connect() {}
  disconnect() {}
}

/** State kept in memory only: for an embedding that must not touch the page's URL. */
export class MemoryStore extends Store {
  constructor(initial = {}) {
    super();
    this.state = normalize(initial);
  }
}

/** State kept in the URL hash of a window, with history entries for Back/Forward. */
export class HashStore extends Store {
  #win;
  #onNavigate = () => this.#sync();

  constructor(win = window) {
    super();
    this.#win = win;
    this.state = parse(win.location.hash);
  }

  connect() {
    // Back/Forward between pushState entries fires popstate (and hashchange when the
    // fragment differs); editing the hash by hand fires hashchange. #sync ignores repeats.
    this.#win.addEventListener('popstate', this.#onNavigate);
    this.#win.addEventListener('hashchange', this.#onNavigate);
    this.#sync();
  }

  disconnect() {
    this.#win.removeEventListener('popstate', this.#onNavigate);
    this.#win.removeEventListener('hashchange', this.#onNavigate);
  }

  commit(state, replace) {
    const { pathname, search } = this.#win.location;
    const url = `${pathname}${search}${format(state)}`;
    const { history } = this.#win;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(null, '', url);
  }

  #sync() {
    const next = parse(this.#win.location.hash);
    if (format(next) === format(this.state)) return;
    this.state = next;
    this.emit('history');
  }
}
