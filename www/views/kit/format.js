// Number formatting of the analysis views' measures.

import { formatNumber } from '../../dom.js';

/** Format a measure for display: fixed decimals, or a dash for a missing value. */
export function fmt(value, decimals = 2) {
  if (value == null || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return formatNumber(value, decimals);
}

/** A p-value as people read it: "< 0.0001" below that. */
export function fmtP(p) {
  if (p < 0.0001) return '< 0.0001';
  return formatNumber(p, 4);
}

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
