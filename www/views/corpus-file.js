// Save and open the corpus file (src/corpus_file/; README, "The corpus file"): one file with
// the texts exactly as given, their metadata, the settings and the built index. Loaded by the
// Texts view when first used (import()), so the first render does not carry it.

import { storageBatches } from '../import/pipeline.js';

/** A file name for a corpus saved today: corpus-2026-12-03.textexplorer. */
export function corpusFileName(date = new Date()) {
  return `corpus-${date.toISOString().slice(0, 10)}.textexplorer`;
}

/** Asks the engine for the corpus file and downloads it; resolves to {name, bytes}. */
export async function saveCorpus(client, name = corpusFileName()) {
  const bytes = await client.saveCorpus();
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Revoked later: the download reads it after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, bytes: bytes.byteLength };
}

/**
 * Opens a corpus file (a Blob or bytes) in place of the corpus, then keeps its texts in
 * this browser's storage in place of the stored ones, so that a reload keeps them. The
 * engine checks the file first: a bad one throws with its message, and nothing changed.
 * `persist(pending)` reports a storage failure; `adopt(opened)` applies the file's settings.
 * Resolves to the engine's answer, with `problem` if keeping its texts or settings failed.
 */
export async function openCorpus(client, storage, file, { persist, adopt }) {
  const opened = await client.openCorpus(file);
  // The corpus is open from here: what fails now is said, not a refusal of the file.
  try {
    await adopt(opened);
    const keys = new Array(opened.documents).fill(null);
    const cleared = storage ? await persist(storage.clear()) : { ok: false };
    if (cleared.ok) {
      for (const batch of storageBatches(opened.items)) {
        const records = batch.map(({ title, text, encoding, language, languageDetected, metadata }) => ({
          title, text, encoding, language, languageDetected, metadata,
        }));
        const result = await persist(storage.addMany(records));
        if (!result.ok) break;
        batch.forEach((item, i) => { keys[item.id] = result.value[i]; });
      }
    }
    await client.setKeys(keys);
  } catch (error) {
    opened.problem = error.message;
  }
  return opened;
}
