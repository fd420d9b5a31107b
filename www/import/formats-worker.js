// The formats' thread: a dedicated module Worker that reads the files of formats/index.js
// (ZIP, DOCX, ODT, EPUB, RTF, PDF) off the page, started by pipeline.js when the first such
// file arrives. It is given a File and answers with the texts as UTF-8 bytes (ArrayBuffers,
// transferred, not copied), so that a text it read never becomes a string on the page: the
// page hands the bytes on to the engine's worker (client.addFiles), which decodes, stores and
// indexes them.
//
// Request: {id, name, file}. Answer: {id, entries, messages} or {id, error}, each entry
// {name, title, data: ArrayBuffer, encoding?, metadata?}: with `encoding` (the format's label,
// "DOCX") a text this worker read, else a file found in a ZIP, to be decoded as any file.
// Messages are {kind, text: {key, args}}: the page says them in its language (`t[key](...args)`).

import { readFormatAsBytes } from './formats/index.js';

/** The strings' stand-in: each message is its key and arguments, said on the page. */
const t = new Proxy({}, { get: (_, key) => (...args) => ({ key, args }) });

self.onmessage = async ({ data: { id, name, file } }) => {
  try {
    const { entries, messages, buffers } = await readFormatAsBytes(name, new Uint8Array(await file.arrayBuffer()), t);
    self.postMessage({ id, entries, messages }, buffers);
  } catch (thrown) {
    self.postMessage({ id, error: String(thrown?.message ?? thrown) });
  }
};
