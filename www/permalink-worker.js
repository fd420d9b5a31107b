// The permalink's worker: serialises a corpus, hashes it and compresses it (permalink.js's
// linkCorpus) off the page's thread. One message {docs} in, {value} or {error} out.
import { linkCorpus } from './permalink.js';

self.onmessage = async ({ data }) => {
  try {
    self.postMessage({ value: await linkCorpus(data.docs) });
  } catch (error) {
    self.postMessage({ error: error.message || String(error) });
  }
};
