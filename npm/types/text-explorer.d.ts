// Types for the <text-explorer> element (text-explorer.js). Written by hand; the engine's
// operations and answers are in engine.d.ts (generated from src/protocol.rs).

/** A document of the widget's corpus, as the engine lists it (engine.d.ts). */
export type { DocumentInfo as ExplorerDocument } from './engine.js';
import type { DocumentInfo as ExplorerDocument } from './engine.js';

export type ExplorerView =
  | 'summary' | 'terms' | 'kwic' | 'reader'
  | 'collocates' | 'phrases' | 'keyness' | 'dispersion' | 'compare' | 'cloud'
  | 'texts';
export type ExplorerControl = 'doc' | 'sort' | 'window' | 'help' | 'embed';
export type ExplorerSort = 'position' | '1R' | '2R' | '1R,2R,3R' | '1L' | '2L' | '1L,2L,3L';

/** The detail of `text-explorer-query`, and what search() and clear() resolve with. */
export type QueryDetail =
  | { query: string; doc: number | null; total: number; error?: undefined }
  | { query: string; doc: number | null; error: string; total?: undefined };

/** The detail of `text-explorer-ready`. */
export interface ReadyDetail {
  documents: ExplorerDocument[];
  version: string;
}

/** The UI state ({view, q, doc, sort, window, page, stopwords, filter, read, hit, stop, fold}). */
export interface ExplorerState {
  view: ExplorerView;
  q: string;
  doc: number | null;
  sort: ExplorerSort;
  window: number;
  page: number;
  stopwords: boolean;
  filter: string;
  read: number | null;
  hit: number | null;
  /** The edited stop-word lists, as the link writes them ('' = none). */
  stop: string;
  /** Whether diacritics are folded (Zürich = Zurich). */
  fold: boolean;
}

export declare class TextExplorer extends HTMLElement {
  /** The widget's version (equal to the engine crate's). */
  static readonly version: string;
  /**
   * Resolves with the documents once the texts are indexed (again after `src` or `lang` change);
   * rejects, with the sentence the widget shows, when the engine cannot start (no WebAssembly).
   */
  readonly ready: Promise<ExplorerDocument[]>;
  /** The documents, or null while loading. */
  readonly documents: ExplorerDocument[] | null;
  /** A copy of the current UI state. */
  readonly state: ExplorerState;
  /** The view shown (attribute `view`). */
  view: ExplorerView;
  /** The KWIC query (attribute `query`). */
  query: string;
  /** The document filter: a document id, or null for all documents (attribute `doc`). */
  doc: number | null;
  /** KWIC context in words each side, 0–50 (attribute `window`). */
  window: number;
  /** KWIC sort (attribute `sort`). */
  sort: ExplorerSort;
  /** Whether diacritics are folded, Zürich = Zurich (attribute `fold-diacritics`). */
  foldDiacritics: boolean;
  /** URLs of plain-text files, space-separated (attribute `src`); set a string or an array. */
  src: string;
  /** The views offered (attribute `views`). */
  get views(): ExplorerView[];
  set views(value: ExplorerView[] | string | null);
  /** The controls shown (attribute `controls`). */
  get controls(): ExplorerControl[];
  set controls(value: ExplorerControl[] | string | null);
  /** The compact layout (boolean attribute `compact`). */
  compact: boolean;
  /** 'light', 'dark' or 'auto' (attribute `color-scheme`). */
  colorScheme: 'light' | 'dark' | 'auto';
  /** Add a text to this widget's corpus; resolves with its document id. */
  /** `language`: the text's ISO 639-1 code, if known; without one it is detected. */
  addDocument(title: string, text: string, options?: { language?: string | null }): Promise<number>;
  /** Search (shows KWIC if offered); resolves with the query's total or error. */
  search(query: string, options?: { doc?: number | null }): Promise<QueryDetail>;
  /** Clear the search; resolves like search(''). */
  clear(): Promise<QueryDetail>;
  /** The element and iframe snippets that reopen the current view elsewhere. */
  embedSnippets(): { element: string; iframe: string };
}

export declare const CONTROLS: ExplorerControl[];

declare global {
  interface HTMLElementTagNameMap {
    'text-explorer': TextExplorer;
  }
  interface HTMLElementEventMap {
    'text-explorer-ready': CustomEvent<ReadyDetail>;
    'text-explorer-query': CustomEvent<QueryDetail>;
  }
}
