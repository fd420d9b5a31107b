// Indexing speed with the platform's dictionary (`node benches/dictionary.mjs [--runs N]`,
// after scripts/build). Not part of scripts/test: it prints figures and never fails on one.
//
// Chinese (and Japanese and Thai) text of at least 1 MB, split into dictionary words by
// Intl.Segmenter, against English text of the same size in bytes (the Brown Corpus, plain
// ASCII, which never reaches the dictionary), indexed by the wasm build (www/pkg) in Node and
// in headless Chromium. The non-English texts are the UDHR paragraphs of tests/fixtures/udhr
// repeated, so their vocabularies are small; the splitting, which is the cost in question,
// is per character all the same. Beside them, the time Intl.Segmenter alone takes to segment
// the same text a line at a time (what the platform costs us).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownDocuments } from './brown.mjs';
import { inChromium, inNode } from './wasm.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const BYTES = 1 << 20; // 1 MiB of UTF-8 at least

/** `text` repeated (a line between copies) until it has at least BYTES bytes of UTF-8. */
function repeated(text) {
  const copies = Math.ceil(BYTES / Buffer.byteLength(text));
  return Array(copies).fill(text.trim()).join('\n');
}

const fixture = (name) => readFileSync(path.join(repo, 'tests/fixtures/udhr', `${name}.txt`), 'utf8');
const texts = {
  Chinese: { lang: 'zh', text: repeated(fixture('cmn_hans')) },
  Japanese: { lang: 'ja', text: repeated(fixture('jpn')) },
  Thai: { lang: 'th', text: repeated(fixture('tha')) },
};
{
  // English: the Brown Corpus from its start, cut at a line end once it has as many bytes as
  // the Chinese text.
  const brown = brownDocuments().map((d) => d.text).join('\n\n');
  const want = Buffer.byteLength(texts.Chinese.text);
  let cut = brown.indexOf('\n', want);
  if (cut < 0) cut = brown.length;
  texts.English = { lang: 'en', text: brown.slice(0, cut) };
}
const list = Object.entries(texts).map(([name, { lang, text }]) => ({ name, lang, text, bytes: Buffer.byteLength(text) }));

/** Times indexing each text (median of `runs`) and Intl.Segmenter alone; runs in Node or the page. */
function measure(Engine, list, runs) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (fn) => {
    const times = [];
    let out;
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      out = fn();
      times.push(performance.now() - start);
    }
    return [median(times), out];
  };
  return list.map(({ name, lang, text, bytes }) => {
    const [index, tokens] = time(() => {
      const corpus = new Engine(false);
      corpus.handle({ op: 'addDocuments', args: { items: [{ title: name, text }] } });
      const n = corpus.handle({ op: 'documents' })[0].tokens;
      corpus.free();
      return n;
    });
    const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    // A line at a time: V8 copies the whole input into every segment object, so one call
    // over 1 MB would take quadratic time (src/wasm/segmenter.rs batches for the same reason).
    const lines = text.split('\n');
    const [icu] = time(() => {
      let words = 0;
      for (const line of lines) for (const s of segmenter.segment(line)) words += s.isWordLike ? 1 : 0;
      return words;
    });
    return { name, bytes, tokens, index, icu };
  });
}

function print(where, rows) {
  const english = rows.find((r) => r.name === 'English');
  console.log(`\n${where}: indexing one text (median of ${RUNS} runs)`);
  console.log('text       MB     words   index ms   MB/s   × English   Intl.Segmenter alone ms');
  for (const r of rows) {
    const mb = r.bytes / 1e6;
    console.log(
      `${r.name.padEnd(9)} ${mb.toFixed(2).padStart(5)} ${String(r.tokens).padStart(9)} ${r.index.toFixed(0).padStart(10)}` +
        ` ${(mb / (r.index / 1000)).toFixed(1).padStart(6)} ${(r.index / english.index).toFixed(1).padStart(11)}` +
        ` ${r.icu.toFixed(0).padStart(25)}`,
    );
  }
}

print(`wasm in Node ${process.version}`, await inNode(measure, list, RUNS));
{
  const { rows, version } = await inChromium(measure, list, RUNS);
  print(`wasm in Chromium ${version}`, rows);
}
