// The analysis views' stylesheet, joined to the element's adopted one.

import { registerStyles } from '../../styles.js';

// The analysis views' own styles (see styleNode). Colours come from the element's --te-* custom properties, so light and
// dark schemes both hold.
const CSS = `
.analysis .row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5em 1em; }
.analysis h3 { font-size: 1em; margin: 1em 0 .4em; }
.analysis .exports { display: inline-flex; flex-wrap: wrap; gap: .4em; align-items: center; }
.analysis .export { font-size: .85em; padding: .2em .6em; }
.analysis .export-status { font-size: .85em; color: var(--te-muted); }
.analysis .muted, .analysis .note, .analysis figcaption { color: var(--te-muted); font-size: .85em; }
.analysis .note { margin: 0 0 .5em; }
.analysis .sort-btn { border: 0; background: transparent; padding: .1em .2em; font-weight: 600; color: inherit; }
.analysis th[aria-sort] .sort-btn { color: var(--te-accent); }
.analysis .scroll { max-height: 32em; overflow: auto; }
.analysis .chart { margin: 0 0 .5em; color: var(--te-fg); max-width: 48em; }
.analysis .chart svg { display: block; }
/* On a phone a chart keeps a width at which its 11px labels stay 9px or more, and scrolls */
@media (max-width: 40rem) {
  .analysis .chart:not(.cloud-chart) { overflow-x: auto; }
  .analysis .chart:not(.cloud-chart) svg { min-width: 576px; }
}
.analysis .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(18em, 1fr)); gap: 1em; }
.analysis .side {
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 26em; overflow: auto; padding: .5em .75em;
  unicode-bidi: plaintext; text-align: start; /* each paragraph in its own direction, as in the Reader */
  border: 1px solid var(--te-border); border-radius: var(--te-radius); background: var(--te-surface); line-height: 1.6;
}
.analysis mark.shared { background: var(--te-mark); color: var(--te-mark-fg); white-space: pre-wrap; }
.analysis .vocabs { display: grid; grid-template-columns: repeat(auto-fit, minmax(14em, 1fr)); gap: 1em; }
.analysis .vocabs .scroll { max-height: 20em; }
.analysis .keyness-lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(22em, 1fr)); gap: 1em; }
.analysis .count { display: grid; grid-template-columns: 3.5em 1fr; align-items: center; gap: .4em; min-width: 7em; }
.analysis .syntax { margin: 0 0 .75em; font-size: .9em; }
.analysis .syntax summary { cursor: pointer; color: var(--te-accent); }
.kwic-tools > summary { cursor: pointer; color: var(--te-accent); padding: .35em 0; min-height: 24px; margin-bottom: .25em; }
.analysis .syntax dl { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: .5em 0 0; }
.analysis .syntax dd { margin: 0; color: var(--te-muted); }
.analysis .cloud-word { cursor: pointer; }
.analysis .cloud-word:hover { text-decoration: underline; }
.analysis .cloud-word:focus-visible { outline: 3px solid var(--te-focus); }
/* Forced colours: the words take the theme's text colour, not their hues (an inline fill,
   which forced colours leave alone, could vanish on a high-contrast background) */
@media (forced-colors: active) {
  .analysis .cloud-word { fill: CanvasText !important; }
}
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
