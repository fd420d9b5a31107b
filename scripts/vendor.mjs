// Copies the browser builds of the JavaScript libraries the page loads on demand from
// node_modules (their pinned devDependencies) into www/vendor/ (gitignored; scripts/build runs
// this, scripts/pack ships the folder). No bundler: each is already one ES module.
//
//   www/vendor/fflate.js          fflate's browser ES module (unzipping: .zip, .docx, .odt, .epub)
//   www/vendor/pdf.js             Mozilla pdf.js (pdfjs-dist build/pdf.min.mjs), loaded for a PDF
//   www/vendor/pdf.worker.js      its worker (build/pdf.worker.min.mjs)
//   www/vendor/js-yaml.js         js-yaml's browser ES module (Markdown front matter)
//   www/vendor/d3-dsv.js          d3-dsv's ES module (CSV and TSV files of documents)
//   www/vendor/*-LICENSE.txt      their licences
//
//   node scripts/vendor.mjs [--out DIR]

import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(repo, 'node_modules');

/** [package, file in it, name in www/vendor/]. */
export const FILES = [
  ['fflate', 'esm/browser.js', 'fflate.js'],
  ['fflate', 'LICENSE', 'fflate-LICENSE.txt'],
  ['pdfjs-dist', 'build/pdf.min.mjs', 'pdf.js'],
  ['pdfjs-dist', 'build/pdf.worker.min.mjs', 'pdf.worker.js'],
  ['pdfjs-dist', 'LICENSE', 'pdfjs-LICENSE.txt'],
  ['js-yaml', 'dist/browser/js-yaml.esm.min.mjs', 'js-yaml.js'],
  ['js-yaml', 'LICENSE', 'js-yaml-LICENSE.txt'],
  ['d3-dsv', 'dist/d3-dsv.min.mjs', 'd3-dsv.js'],
  ['d3-dsv', 'LICENSE', 'd3-dsv-LICENSE.txt'],
];

export function writeVendor(out = path.join(repo, 'www', 'vendor')) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const versions = new Set();
  for (const [name, file, to] of FILES) {
    const { version } = JSON.parse(readFileSync(path.join(modules, name, 'package.json'), 'utf8'));
    versions.add(`${name} ${version}`);
    copyFileSync(path.join(modules, name, file), path.join(out, to));
  }
  return [...versions];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const out = args[0] === '--out' ? path.resolve(args[1]) : undefined;
  const versions = writeVendor(out);
  console.log(`vendor: ${versions.join(', ')} in ${path.relative(repo, out ?? path.join(repo, 'www', 'vendor'))}/`);
}
