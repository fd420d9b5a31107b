// Types for client.js: the async door to the engine that the element's views use. Each
// client owns one corpus (in the engine's worker); close() frees it. Its methods are the
// engine's operations (engine.d.ts, generated from src/protocol.rs), so they cannot drift
// from it; this file adds only what the client itself does.

import type { AddFilesOptions, Added, AddedFiles, Decoded, Metadata, NewDocument, Opened, Operations, Progress } from './engine.js';

/** What onDocuments listeners hear: the ids added or removed, or a restart after a panic. */
export interface DocumentsChange {
  added?: number[];
  removed?: number;
  removedMany?: number[];
  restarted?: boolean;
}

/** What onRestart listeners hear while the engine is started again after a panic. */
export interface Restart {
  phase: 'restarting' | 'restarted' | 'failed';
  message: string;
}

/**
 * The page's edit of one language's stop-word list: the words added to and removed from its
 * base list, `nltk` (English's default, NLTK's 179 words) or `iso` (stopwords-iso's list;
 * the default of every other language).
 */
export interface StopEdit {
  base?: 'nltk' | 'iso';
  add?: string[];
  remove?: string[];
}

/**
 * Every operation of the engine, as a method, except where the client takes more: a query
 * overtaken by a newer one with the same options rejects with an Error whose `superseded`
 * is true.
 */
export interface Client extends Omit<Operations, 'addDocuments' | 'addFiles' | 'addStored' | 'decode' | 'setArticles' | 'removeDocument' | 'renameDocument' | 'setStopWords' | 'setFolding' | 'openCorpus' | 'setKeys'> {
  /**
   * A language's stop words, applied at once: an explicit list, `'iso'` (the stopwords-iso
   * list of the language, fetched on first need) or `null` (the default: NLTK's list for
   * English, stopwords-iso's for another language; none for a language it lacks).
   */
  setStopWords(language: string, words?: string[] | 'iso' | null): Promise<void>;
  /** The stop words of a language now in use, with the page's edits (normalised, sorted). */
  stopWords(language: string): Promise<string[]>;
  /** The page's edits by language (the stop-word editor's); applied when a view next needs them. */
  setStopEdits(edits: Record<string, StopEdit>): Promise<void>;
  /** The words of a base list of a language, unedited. */
  stopBase(language: string, base: 'nltk' | 'iso'): Promise<string[]>;
  /** Adds texts in order; `onProgress` hears each text done. */
  addDocuments(items: NewDocument[], options?: { onProgress?: (progress: Progress) => void }): Promise<Added>;
  /**
   * Files read, decoded, stored (with `store`) and indexed in the engine's worker, so that
   * their text never crosses to the page; an ArrayBuffer is transferred. `names` and `titles`
   * give each file's (a File's own name by default); `encodings` and `metadata`, one each or
   * null, mark a text of UTF-8 bytes that a format's reader made: its label ("DOCX") is kept as
   * its encoding, and its metadata with it.
   */
  addFiles(files: (Blob | ArrayBuffer)[], options?: AddFilesOptions & { names?: string[]; titles?: (string | null)[]; encodings?: (string | null)[]; metadata?: (Metadata | null)[]; onProgress?: (progress: Progress) => void }): Promise<AddedFiles>;
  /** The texts kept in the page's storage, added again in the engine's worker (on a reload). */
  addStored(options?: { onProgress?: (progress: Progress) => void }): Promise<Added>;
  /** Stops the running addDocuments, addFiles or addStored, at any stage: it then resolves with `cancelled: true`, having added (and kept) nothing. */
  cancelIndexing(): void;
  /** Adds one text; resolves to its id, or rejects with the engine's reason. */
  /** `language`: the text's ISO 639-1 code, if known; without one it is detected. */
  addDocument(title: string, text: string, options?: { language?: string | null }): Promise<number>;
  /** Removes a document: the documents after it move down by one id. */
  removeDocument(id: number): Promise<void>;
  /** Renames a document; a blank title becomes "Document N". */
  renameDocument(id: number, title: string): Promise<void>;
  /** Hides the embedded articles, or brings them back. */
  setArticles(shown: boolean): Promise<void>;
  /**
   * Folds diacritics (`true`: `Zürich` and `Zurich` are one term, `zurich`, in every count
   * and query) or not (`false`, the default); kept for a restarted engine.
   */
  setFolding(fold: boolean): Promise<void>;
  /**
   * Opens a corpus file in place of the corpus (a bad file rejects with its reason, and the
   * corpus is untouched); also resolves to `items`, the user's texts as opened, for the page
   * to store, with their document ids.
   */
  openCorpus(bytes: Uint8Array | ArrayBuffer | Blob): Promise<Opened & { items: (NewDocument & { id: number })[] }>;
  /** Each document's storage key, in id order (`null` for none); kept for a restarted engine. */
  setKeys(keys: (number | null)[]): Promise<void>;
  /** Files or ArrayBuffers (transferred) to text, in the engine's thread. */
  decode(inputs: (Blob | ArrayBuffer)[], maxBytes?: number): Promise<Decoded[]>;
  onDocuments(listener: (change: DocumentsChange) => void): () => boolean;
  onRestart(listener: (restart: Restart) => void): () => boolean;
  close(): Promise<void>;
}

/** The message a page shows while the engine restarts after a panic. */
export declare const RESTARTING: string;

/** A client over the built-in articles, or over an empty corpus with `{articles: false}`. */
export declare function createClient(options?: { articles?: boolean }): Promise<Client>;
