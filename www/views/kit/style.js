// The analysis views' stylesheet, joined to the element's adopted one.

import { registerStyles } from '../../styles.js';

// The analysis views' own styles (see styleNode). Colours come from the element's --te-* custom properties, so light and
// dark schemes both hold.
const CSS = `
.analysis .row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem; }
.analysis h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.analysis .exports { display: inline-flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.analysis .export { font-size: .85rem; padding: .2rem .6rem; }
.analysis .export-status { font-size: .85rem; color: var(--te-muted); }
.analysis .muted, .analysis .note, .analysis figcaption { color: var(--te-muted); font-size: .85rem; }
.analysis .note { margin: 0 0 .5rem; }
.analysis .sort-btn { border: 0; background: transparent; padding: .1rem .2rem; font-weight: 600; color: inherit; }
.analysis th[aria-sort] .sort-btn { color: var(--te-accent); }
.analysis .scroll { max-height: 32rem; overflow: auto; }
.analysis .chart { margin: 0 0 .5rem; color: var(--te-fg); }
.analysis .chart svg { display: block; }
/* On a phone a chart keeps a width at which its 11px labels stay 9px or more, and scrolls */
@media (max-width: 40rem) {
  .analysis .chart:not(.cloud-chart) { overflow-x: auto; }
  .analysis .chart:not(.cloud-chart) svg { min-width: 36rem; }
}
.analysis .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.analysis .side {
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 26rem; overflow: auto; padding: .5rem .75rem;
  unicode-bidi: plaintext; text-align: start; /* each paragraph in its own direction, as in the Reader */
  border: 1px solid var(--te-border); border-radius: var(--te-radius); background: var(--te-surface); line-height: 1.6;
}
.analysis mark.shared { background: var(--te-mark); color: var(--te-mark-fg); white-space: pre-wrap; }
.analysis .vocabs { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
.analysis .vocabs .scroll { max-height: 20rem; }
.analysis .keyness-lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
.analysis .count { display: grid; grid-template-columns: 3.5rem 1fr; align-items: center; gap: .4rem; min-width: 7rem; }
.analysis .syntax { margin: 0 0 .75rem; font-size: .9rem; }
.analysis .syntax summary { cursor: pointer; color: var(--te-accent); }
.analysis .syntax dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0 0; }
.analysis .syntax dd { margin: 0; color: var(--te-muted); }
.analysis .cloud-word { cursor: pointer; }
.analysis .cloud-word:hover { text-decoration: underline; }
.analysis .cloud-word:focus-visible { outline: 3px solid var(--te-focus); }
`;

/**
 * The analysis views' styles join the element's adopted stylesheet (registerStyles): a
 * <style> node would be blocked by a host page's CSP of `style-src 'self'`. Returns null,
 * which h() skips, so callers can keep `styleNode()` among a view's children.
 */
export function styleNode() {
  registerStyles(CSS);
  return null;
}
