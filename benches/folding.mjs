// Indexing speed with diacritics folded and not (`node benches/folding.mjs [--runs N]`,
// after scripts/build). Not part of scripts/test: it prints figures and never fails on one.
//
// The wasm build (www/pkg), in Node and in headless Chromium, indexes each text in an engine
// without folding and in one that folds (setFolding before addDocuments), side by side:
// - the Brown Corpus (6 MB, ASCII but for a handful of words: folding costs nothing there);
// - the Brown Corpus with every `e` of every other word written `é` and every `u` of every
//   third word `ü` (non-ASCII words throughout, about 40% of the vocabulary: the cost of
//   folding each new non-ASCII term once, with the platform's String.prototype.normalize);
// - the Arabic UDHR (tests/fixtures/udhr) with its harakat, repeated to 1 MB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brownDocuments } from './brown.mjs';
import { inChromium, inNode } from './wasm.mjs';

const repo = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;

const brown = brownDocuments().map((d) => d.text);
const accented = brown.map((text) => {
  let n = 0;
  return text.replace(/[A-Za-z]+/g, (word) => {
    n += 1;
    let out = word;
    if (n % 2 === 0) out = out.replace(/e/g, 'é');
    if (n % 3 === 0) out = out.replace(/u/g, 'ü');
    return out;
  });
});
const arabic = readFileSync(path.join(repo, 'tests/fixtures/udhr/arb.txt'), 'utf8').trim();
const list = [
  { name: 'Brown', texts: brown },
  { name: 'Brown, accented', texts: accented },
  { name: 'Arabic UDHR ×', texts: [Array(Math.ceil((1 << 20) / Buffer.byteLength(arabic))).fill(arabic).join('\n')] },
].map((t) => ({ ...t, bytes: t.texts.reduce((n, text) => n + Buffer.byteLength(text), 0) }));

/** Times indexing each corpus without and with folding (medians of `runs`, interleaved). */
function measure(Engine, list, runs) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return list.map(({ name, texts, bytes }) => {
    const items = texts.map((text, i) => ({ title: String(i), text, language: 'en' }));
    const times = { off: [], on: [] };
    const types = {};
    for (let i = 0; i < runs; i += 1) {
      for (const fold of [false, true]) {
        const corpus = new Engine(false);
        const start = performance.now();
        if (fold) corpus.handle({ op: 'setFolding', args: { fold } });
        corpus.handle({ op: 'addDocuments', args: { items } });
        times[fold ? 'on' : 'off'].push(performance.now() - start);
        types[fold ? 'on' : 'off'] = corpus.handle({ op: 'summary', args: {} }).types;
        corpus.free();
      }
    }
    return { name, bytes, off: median(times.off), on: median(times.on), types };
  });
}

function print(where, rows) {
  console.log(`\n${where}: indexing (median of ${RUNS} runs)`);
  console.log('corpus              MB   types off → on      off ms    on ms   on/off');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(17)} ${(r.bytes / 1e6).toFixed(2).padStart(5)} ${`${r.types.off} → ${r.types.on}`.padStart(18)}` +
        ` ${r.off.toFixed(0).padStart(9)} ${r.on.toFixed(0).padStart(8)} ${(r.on / r.off).toFixed(3).padStart(8)}`,
    );
  }
}

print(`wasm in Node ${process.version}`, await inNode(measure, list, RUNS));
{
  const { rows, version } = await inChromium(measure, list, RUNS);
  print(`wasm in Chromium ${version}`, rows);
}
