// A concordance line's direction (views/kwic.js): the side its preceding context goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineDirection } from '../../www/views/kwic.js';

const cases = [
  ['english', 'In a historic move, Vladimir Putin has pledged', 'ltr'],
  ['arabic', 'الإعلان العالمي لحقوق الإنسان الديباجة', 'rtl'],
  ['hebrew', 'הכרזה לכל באי עולם בדבר זכויות האדם', 'rtl'],
  ['persian', 'اعلامیه جهانی حقوق بشر مقدمه', 'rtl'],
  ['a latin name in an arabic line', 'قال UNESCO إن الإعلان العالمي', 'rtl'],
  ['an arabic word in an english line', 'the word حقوق means rights here', 'ltr'],
  ['a tie goes to the first letter', 'ab جد', 'ltr'],
  ['a tie goes to the first letter, rtl', 'جد ab', 'rtl'],
  ['digits and punctuation only', '1948, 10 — 12.', 'ltr'],
  ['empty', '', 'ltr'],
];
for (const [name, text, expected] of cases) {
  test(`lineDirection: ${name}`, () => assert.equal(lineDirection(text), expected));
}
