// Seeds for the corpus_file fuzz target (see README.md): small corpus files written by the
// engine (the wasm build in www/pkg, so run scripts/build first), each as a whole file
// (a leading even byte) and as its body (a leading odd byte), in fuzz/corpus/corpus_file/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const engine = await import(new URL('www/pkg/text_explorer.js', root));
await engine.default({ module_or_path: readFileSync(new URL('www/pkg/text_explorer_bg.wasm', root)) });
const dir = new URL('fuzz/corpus/corpus_file/', root);
mkdirSync(dir, { recursive: true });
const corpora = [
  [{ title: 'a', text: 'The cat sat.' }],
  [{ title: 'Zürich', text: 'Zürich et l’été à Zurich. 日本語 🦀', language: 'fr', metadata: { date: '2024-06', fields: [{ name: 'paper', value: 'Mint' }] } },
    { title: 'b', text: 'Another text, another day.' }],
];
corpora.forEach((items, i) => {
  for (const fold of [false, true]) {
    const e = new engine.Engine(false);
    e.handle({ op: 'setFolding', args: { fold } });
    e.handle({ op: 'addDocuments', args: { items } });
    if (fold) e.handle({ op: 'setStopWords', args: { language: 'fr', words: ['et', 'à'] } });
    const bytes = e.handle({ op: 'saveCorpus' });
    const name = `seed-${i}-${fold ? 'fold' : 'plain'}`;
    writeFileSync(new URL(`${name}-file`, dir), Buffer.concat([Buffer.from([0]), Buffer.from(bytes)]));
    writeFileSync(new URL(`${name}-body`, dir), Buffer.concat([Buffer.from([1]), Buffer.from(bytes.subarray(24))]));
    e.free();
  }
});
console.log('seeds in', dir.pathname);
