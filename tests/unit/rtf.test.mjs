// The RTF reader (www/import/formats/rtf.js): on a file LibreOffice writes from a plain text,
// and on the escapes and skipped groups other writers use (Word, WordPad, TextEdit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRtf, rtfText } from '../../www/import/formats/rtf.js';

const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const rtf = (text) => new Uint8Array(Buffer.from(text, 'latin1'));

test('a file LibreOffice writes has the words of its source, accents, quotes and CJK included', { skip: !hasSoffice && 'soffice is not installed (scripts/setup --test)' }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rtf-'));
  try {
    const source = 'Memo to the crew\n\nThe puffins nest near the café on the cliff.\n\nZoë says naïve “quotes”, 日本語 and Ελληνικά too.';
    writeFileSync(path.join(dir, 'memo.txt'), source);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'rtf', 'memo.txt'], { cwd: dir, stdio: 'ignore', timeout: 120_000 });
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'memo.rtf')));
    assert.ok(isRtf(bytes));
    assert.equal(rtfText(bytes).trim(), source);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("\\'hh in the document's code page, \\uN with its fallback skipped, \\* and tables of no text left out", () => {
  const doc = String.raw`{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Arial;}}{\colortbl;\red0\green0\blue0;}`
    + String.raw`{\*\generator Riched20;}{\info{\title Secret}{\author Nobody}}`
    + String.raw`\pard \'cf\'f0\'e8\'e2\'e5\'f2 world\par`
    + String.raw`\uc1\u8364?5 and \u-4064?\tab tab\line next\par`
    + String.raw`{\*\unknowndest hidden}{\field{\*\fldinst HYPERLINK "x"}{\fldrslt shown}}\~end\-less \{braces\}}`;
  assert.equal(rtfText(rtf(doc)), 'Привет world\n€5 and \uf020\ttab\nnext\nshown\u00a0endless {braces}');
});

test('a file that does not start with {\\rtf is not RTF', () => {
  assert.equal(isRtf(rtf('hello')), false);
  assert.equal(isRtf(rtf('{\\rtf1 x}')), true);
});
