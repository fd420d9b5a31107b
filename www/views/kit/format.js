// Number formatting of the analysis views' measures.

import { formatNumber } from '../../dom.js';

/**
 * fmt and fmtP over a widget's formatNumber (ctx.formatNumber, in the UI's language):
 * fmt(value, decimals = 2) a measure with fixed decimals, or a dash for a missing value;
 * fmtP(p) a p-value as people read it, "< 0.0001" below that.
 */
export function measureFormats(format) {
  return {
    fmt: (value, decimals = 2) => {
      if (value == null || Number.isNaN(value)) return '–';
      if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
      return format(value, decimals);
    },
    fmtP: (p) => (p < 0.0001 ? `< ${format(0.0001, 4)}` : format(p, 4)),
  };
}

/** fmt and fmtP in English. */
export const { fmt, fmtP } = measureFormats(formatNumber);

/** Significance stars for a p-value (*** p < 0.001, ** < 0.01, * < 0.05). */
export function stars(p) {
  if (p < 0.001) return '***';
  if (p < 0.01) return '**';
  if (p < 0.05) return '*';
  return '';
}

/** A file name part from user text: letters and digits kept, every other run one `_`. */
export function fileSafe(text) {
  return String(text ?? '').trim().replace(/[^\p{L}\p{N}]+/gu, '_');
}
