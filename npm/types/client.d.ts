// Types for client.js: the async door to the engine that the element's views use. Each
// client owns one corpus (in the engine's worker); close() frees it.

import type { ExplorerDocument } from './text-explorer.js';

export interface Summary {
  documents: number;
  chars: number;
  tokens: number;
  types: number;
  ttr: number;
  sentences: number;
  meanSentenceLength: number;
}

export interface Term {
  term: string;
  count: number;
  /** Per 10,000 tokens of the scope. */
  relative: number;
  docs: number;
}

export interface KwicLine {
  doc: number;
  token: number;
  /** UTF-16 offsets into text(doc): text.slice(start, end) === keyword. */
  start: number;
  end: number;
  left: string;
  keyword: string;
  right: string;
}

export interface Client {
  documents(): Promise<ExplorerDocument[]>;
  summary(options?: { doc?: number }): Promise<Summary>;
  text(id: number): Promise<string>;
  terms(options?: { doc?: number; stopwords?: boolean; minCount?: number; limit?: number }): Promise<Term[]>;
  kwic(query: string, options?: { doc?: number; window?: number; sort?: string; offset?: number; limit?: number }): Promise<{ total: number; lines: KwicLine[] }>;
  tokens(id: number): Promise<{ start: number; end: number; term: string }[]>;
  addDocument(title: string, text: string): Promise<number>;
  close(): Promise<void>;
}

/** A client over the built-in articles, or over an empty corpus with `{articles: false}`. */
export declare function createClient(options?: { articles?: boolean }): Promise<Client>;
