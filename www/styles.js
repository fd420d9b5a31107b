// The element's styles (inside its shadow root). Colours are custom properties on :host,
// so a page can restyle the widget with `text-explorer { --te-accent: … }` (the list is in
// the README, with the ::part() names).
//
// They are adopted as a constructable stylesheet, not put in a <style> element: a host page
// whose CSP says `style-src 'self'` blocks inline <style> but not adopted sheets. One sheet
// object is shared by every <text-explorer> on the page.
//
// Isolation from the host page: its selectors cannot reach inside the shadow root, but it
// can restyle the <text-explorer> element itself (`* { all: unset }` makes it inline) and
// inherited properties flow in. So everything hangs off `.app`, which starts from
// `all: initial` (custom properties, our theme, survive `all`).

// The dark palette: chosen by color-scheme="dark", or by the system unless color-scheme="light".
const DARK = `
  --te-bg: #15161a; /* embed.css gives its page the same two backgrounds */
  --te-fg: #e5e6ea;
  --te-muted: #a2a6b2;
  --te-border: #3b3e48;
  --te-surface: #1f2127;
  --te-hover: #263045;
  --te-accent: #8cb4ff;
  --te-on-accent: #0d1830;
  --te-focus: #8cb4ff;
  --te-mark: #6a5713;
  --te-mark-fg: #fff6cf;
  --te-current: #d9691c;
  --te-current-fg: #16110b;
  --te-bar: #3d67ad;
  --te-error: #ffb4ab;
`;

export const css = `
:host {
  --te-bg: #ffffff;
  --te-fg: #1b1c20;
  --te-muted: #5b5f6b;
  --te-border: #d5d8df;
  --te-surface: #f3f4f7;
  --te-hover: #e9eefa;
  --te-accent: #1c5bc9;
  --te-on-accent: #ffffff;
  --te-focus: #1c5bc9;
  --te-mark: #ffe483;
  --te-mark-fg: #1b1c20;
  --te-current: #ff9b3d;
  --te-current-fg: #1b1c20;
  --te-bar: #9dbcf2;
  --te-error: #b3261e;
  --te-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --te-radius: 6px;
  display: block;
}
.app {
  all: initial;
  display: block;
  color: var(--te-fg);
  background: var(--te-bg);
  /* Its own size, not the host page's root size (rem): the reader's default (medium), or
     --te-font-size. Every length below is in em, so the widget scales with it. */
  font: var(--te-font-size, medium)/1.5 var(--te-font);
  color-scheme: light;
  text-align: start;
}
:host([color-scheme="dark"]) .app { color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  :host(:not([color-scheme="light"])) .app { color-scheme: dark; }
}
:host([color-scheme="dark"]) {
${DARK}}
@media (prefers-color-scheme: dark) {
  :host(:not([color-scheme="light"])) {
${DARK}  }
}
:host([hidden]) { display: none; }
*, *::before, *::after { box-sizing: border-box; }
:focus-visible { outline: 3px solid var(--te-focus); outline-offset: 2px; }

.vh {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; margin: -1px; padding: 0; border: 0;
}

button, input, select { font: inherit; color: inherit; }
button {
  cursor: pointer; border: 1px solid var(--te-border); background: var(--te-surface);
  border-radius: var(--te-radius); padding: .3em .75em;
}
button:hover:not(:disabled) { background: var(--te-hover); }
button:disabled { cursor: default; opacity: .5; }
input[type="search"], input[type="text"], input[type="url"], input[type="number"], select {
  border: 1px solid var(--te-border); border-radius: var(--te-radius); background: var(--te-bg);
  padding: .3em .5em; min-height: 2.25em; max-width: 100%;
}
input[type="number"] { width: 5.5em; }
/* What is typed reads in its own direction; an empty field follows the UI's */
input[type="search"], input[type="text"], textarea { unicode-bidi: plaintext; }
input[type="url"] { direction: ltr; }
input[type="checkbox"] { width: 1.1em; height: 1.1em; accent-color: var(--te-accent); margin: 0; }
code {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em;
  background: var(--te-surface); border: 1px solid var(--te-border); border-radius: 4px;
  padding: 0 .25em;
}

/* Shell: tabs and the document filter */
.bar {
  display: flex; flex-wrap: wrap; align-items: end; justify-content: space-between;
  gap: .75em 1.5em; border-bottom: 1px solid var(--te-border); margin-bottom: 1em;
}
[role="tablist"] { display: flex; flex-wrap: wrap; gap: .25em; }
[role="tab"] {
  border: 0; border-bottom: 3px solid transparent; border-radius: 6px 6px 0 0;
  background: transparent; padding: .5em .9em; color: var(--te-muted); font-weight: 600;
}
[role="tab"][aria-selected="true"] { color: var(--te-fg); border-bottom-color: var(--te-accent); }
[role="tab"]:hover { color: var(--te-fg); }
[role="tab"]:focus-visible { outline-offset: -3px; }
.bar .field { padding-bottom: .5em; }
.bar select { width: 22em; max-width: 100%; text-overflow: ellipsis; }

.field { display: flex; flex-direction: column; gap: .2em; min-width: 0; }
.field > span, .label { font-size: .85em; color: var(--te-muted); font-weight: 600; }
.check { display: flex; align-items: center; gap: .5em; min-height: 2.25em; align-self: end; }
.controls { display: flex; flex-wrap: wrap; align-items: end; gap: .75em 1em; margin-bottom: .75em; }
.controls .grow { flex: 1 1 16em; }
.controls .grow input { width: 100%; }
.help { margin: 0 0 .75em; color: var(--te-muted); font-size: .9em; }
.help code { margin: 0 .1em; }
.status { margin: 0 0 .5em; min-height: 1.5em; color: var(--te-muted); }
.status:empty { min-height: 0; margin: 0; }
.status.error { color: var(--te-error); font-weight: 600; }
.placeholder { color: var(--te-muted); }
h2 { font-size: 1.15em; margin: 0 0 .75em; line-height: 1.3; }

/* Tables */
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: start; font-weight: 600; padding-bottom: .5em; }
th, td { padding: .35em .6em; border-bottom: 1px solid var(--te-border); vertical-align: baseline; }
thead th { background: var(--te-surface); font-size: .85em; text-align: start; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--te-border); }
tfoot th { text-align: start; }
tbody th { text-align: start; font-weight: 600; }
/* right in an rtl UI too: digits line up */
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead th/* right in an rtl UI too: digits line up */
.num { text-align: right; }

.summary th[scope="row"] { min-width: 14em; }

/* Terms */
.terms { max-width: 48em; }
.term-btn {
  border: 0; background: none; padding: .1em .2em; margin: -.1em -.2em; border-radius: 4px;
  color: var(--te-accent); text-decoration: underline; text-underline-offset: .15em; text-align: start;
}
.term-btn:hover:not(:disabled) { background: var(--te-hover); }
.count { display: grid; grid-template-columns: 3.5em minmax(4em, 1fr); align-items: center; gap: .5em; }
.track { height: .7em; }
.fill { display: block; height: 100%; min-width: 1px; background: var(--te-bar); border-start-end-radius: 3px; border-end-end-radius: 3px; }
.more { margin-top: .75em; }
/* Charts: axes left to right in an rtl UI too; each label in its own direction */
svg { direction: ltr; }
svg text { unicode-bidi: plaintext; }

/* KWIC: left context right-aligned and cut at its start, keyword centred, right context cut at its end */
.kwic { table-layout: auto; }
.kwic td { white-space: nowrap; border-bottom-color: var(--te-surface); padding-top: .25em; padding-bottom: .25em; }
.kwic .ctx { max-width: 0; width: 50%; overflow: hidden; text-overflow: ellipsis; }
/* Each cell is cut at its far end; its span has its line's dir */
.kwic .left { direction: rtl; text-align: right; padding-right: .35em; }
.kwic .right { direction: ltr; text-align: left; padding-left: .35em; }
.kwic .kw { text-align: center; padding: .25em .15em; }
.kwic .docno { color: var(--te-muted); font-size: .85em; width: 1%; }
.kwic .doc-title { display: none; }
.kwic thead .left, .kwic thead .right { direction: inherit; }
.kwic tbody tr { cursor: pointer; }
.kwic tbody tr:hover td { background: var(--te-hover); }
.kwic tbody tr:focus-within td { background: var(--te-hover); }
.kw-btn {
  border: 0; border-radius: 4px; padding: .05em .35em; font-weight: 700;
  background: var(--te-mark); color: var(--te-mark-fg); white-space: nowrap;
}
.kw-btn:hover:not(:disabled) { background: var(--te-current); color: var(--te-current-fg); }
.pager { display: flex; flex-wrap: wrap; align-items: center; gap: .5em 1em; margin: 0 0 .5em; }
.pager[hidden] { display: none; }
.range { font-variant-numeric: tabular-nums; }
[aria-busy="true"] { opacity: .6; }

/* Reader */
/* The head (title, hit buttons) sticks to the top while the text scrolls: "Next hit" stays
   on screen next to the hit it scrolled to. */
.reader-head {
  display: flex; flex-wrap: wrap; align-items: center; gap: .5em 1em; margin-bottom: .5em;
  position: sticky; top: 0; z-index: 1; background: var(--te-bg); padding: .25em 0;
}
.reader-head h2 { margin: 0; flex: 1 1 20em; }
.hitnav { display: flex; align-items: center; gap: .5em; }
.hitnav[hidden] { display: none; }
/* plaintext: each paragraph (line) in its own direction, as dir=auto on each would */
.text {
  white-space: pre-wrap; overflow-wrap: anywhere; max-width: 72ch; line-height: 1.7;
  margin: 0; font-size: 1.02em; unicode-bidi: plaintext; text-align: start;
}
/* The Reader's blocks (a long text is shown a block at a time): each line in its own
   direction too. */
.text > .block { unicode-bidi: plaintext; }
/* The Reader keeps its place itself as blocks fill (views/reader.js). */
.reader .text { overflow-anchor: none; }
mark { background: var(--te-mark); color: var(--te-mark-fg); border-radius: 3px; padding: 0 .05em; scroll-margin: 40vh 0; }
mark.current {
  background: var(--te-current); color: var(--te-current-fg);
  outline: 2px solid var(--te-fg); outline-offset: 1px;
}
mark:focus-visible { outline: 3px solid var(--te-focus); }

/* Shown views and controls (the views, controls and compact attributes) */
.app.one-view [role="tablist"] { display: none; }
.app.no-doc .doc-field, .app.no-sort .sort-field, .app.no-window .window-field,
.app.no-help .help, .app.no-embed .embed-btn, .app.no-cite .cite-btn { display: none; }
.bar .tools { display: flex; flex-wrap: wrap; align-items: end; gap: .5em .75em; padding-bottom: .5em; }
.bar .embed-btn, .bar .cite-btn { white-space: nowrap; }
.bar .tools .field { padding-bottom: 0; }
.app.compact > * { font-size: .9em; }
.app.compact .bar { margin-bottom: .5em; }
.app.compact .bar select { width: 100%; }
.app.compact .bar .tools { flex: 1 1 100%; }
.app.compact .controls { gap: .4em .6em; margin-bottom: .4em; }
.app.compact .kwic .docno { display: none; }
.app.compact th, .app.compact td { padding: .2em .3em; }

/* The Embed dialog */
dialog {
  color: var(--te-fg); background: var(--te-bg); border: 1px solid var(--te-border);
  border-radius: var(--te-radius); padding: 1em 1.25em; width: min(44em, calc(100vw - 2em));
  font: inherit;
}
dialog::backdrop { background: rgb(0 0 0 / .45); }
dialog h2 { margin-bottom: .25em; }
dialog textarea {
  display: block; width: 100%; min-height: 6.5em; resize: vertical; margin: .25em 0 .5em;
  font: .85em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color: inherit; background: var(--te-surface); border: 1px solid var(--te-border);
  border-radius: var(--te-radius); padding: .4em .5em;
}
dialog .row { display: flex; flex-wrap: wrap; align-items: center; gap: .5em 1em; }
dialog .actions { display: flex; justify-content: end; margin-top: .5em; }
dialog .actions { gap: .5em; }
/* The Cite dialog and a permalink's dialogs (cite-dialog.js, permalink-open.js) */
dialog .cite-note.error, dialog .link-note { color: var(--te-error); font-weight: 600; }
dialog .link-note:empty { display: none; }
dialog p { overflow-wrap: anywhere; }
dialog textarea[dir="ltr"] { text-align: left; overflow-wrap: anywhere; }

/* Forced colours (Windows high contrast): the selected tab and the KWIC keywords keep what
   sets them apart, in system colours (the palette's are replaced). */
@media (forced-colors: active) {
  [role="tab"] { border-bottom-color: Canvas; }
  [role="tab"][aria-selected="true"] {
    forced-color-adjust: none; background: Highlight; color: HighlightText; border-bottom-color: CanvasText;
  }
  .kw-btn { border: 1px solid ButtonText; }
  mark.current { outline-color: Highlight; }
}
@media (max-width: 40rem) {
  .app > * { font-size: .95em; }
  [role="tab"] { padding: .45em .6em; }
  .bar { gap: .25em 1em; }
  .bar .field { flex: 1 1 100%; }
  .bar select { width: 100%; }
  /* KWIC lines read as wrapped sentences under the title of their text: no context is cut */
  .kwic thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .kwic, .kwic tbody { display: block; }
  .kwic tbody tr { display: block; padding: .4em 0; border-bottom: 1px solid var(--te-border); }
  .kwic td { display: inline; white-space: normal; padding: 0; border: 0; }
  .kwic .ctx { max-width: none; width: auto; overflow: visible; direction: inherit; text-align: start; }
  .kwic .kw { padding: 0 .2em; }
  .kwic .kw-btn { white-space: normal; }
  .app .kwic td.docno { display: block; width: auto; text-align: start; overflow: hidden; text-overflow: ellipsis; }
  .kwic .doc-title { display: inline; }
  .summary th[scope="row"] { min-width: 9em; }
  .count { grid-template-columns: 2.5em minmax(2.5em, 1fr); }
  th, td { padding: .3em .4em; }
}
/* The workspace (wide screens): the search box across the top, then the panels two by two,
   each a bordered region with its heading and controls; a maximised panel fills the width. */
.workspace-tools { display: none; }
.panel-tools { display: none; }
.app.workspace .workspace-tools { display: flex; flex-wrap: wrap; align-items: end; gap: .5em .75em; flex: 1 1 24em; padding-bottom: .5em; }
.app.workspace .workspace-tools .field.grow { flex: 1 1 12em; }
.app.workspace .bar select { width: 13em; }
.app.workspace .workspace-tools input[type="search"] { width: 100%; font-size: 1.05em; }
.app.workspace [role="tablist"] { display: none; }
.app.workspace .kwic-view .controls > .field.grow { display: none; }
.app.workspace .panels { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1em; align-items: start; }
.app.workspace.maximised .panels { grid-template-columns: minmax(0, 1fr); }
.app.workspace .panel {
  display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; column-gap: .5em;
  /* No padding above: what sticks to the panel's top (the Reader's title) covers the text. */
  border: 1px solid var(--te-border); border-radius: var(--te-radius); padding: 0 .75em .75em;
  /* Two rows of panels fit a screen: the first screen shows the text, the lines and the terms. */
  max-height: max(16em, calc(50vh - 6em)); overflow: auto; min-width: 0;
}
.app.workspace.maximised .panel { max-height: none; }
.app.workspace .panel[hidden], .panel-btn[hidden] { display: none; }
.app.workspace .panel > * { grid-column: 1 / -1; min-width: 0; }
.app.workspace .panel > .panel-title { grid-column: 1; font-size: 1.1em; margin: 0; padding-top: .5em; }
.app.workspace .panel > .panel-tools { grid-column: 2; display: flex; flex-wrap: wrap; gap: .35em; justify-content: end; padding-top: .5em; }
.app.workspace .panel-tools select { width: auto; }
.app.workspace .panel > :nth-child(3) { margin-top: .5em; }
.app.workspace .panel .controls { gap: .25em .75em; margin-bottom: .5em; }
/* A workspace asked for on a phone (layout=workspace): one panel a row. */
@media (max-width: 40rem) {
  .app.workspace .panels { grid-template-columns: minmax(0, 1fr); }
  .app.workspace .panel { max-height: none; }
  .app.workspace .panel > .panel-tools { grid-column: 1 / -1; justify-content: start; }
}
/* Texts: the paste form stacks title, text and button; the drop zone is a dashed box. */
.texts form.paste { display: grid; gap: .5em; max-width: 48em; }
.texts form.paste textarea { width: 100%; box-sizing: border-box; min-height: 8em; font: inherit; }
.texts form.paste button { justify-self: start; }
.texts form.url { display: flex; flex-wrap: wrap; align-items: end; gap: .5em; max-width: 48em; }
.texts form.url .field { flex: 1 1 16em; }
.texts .drop { border: 2px dashed var(--te-border, #8a8f9c); border-radius: .5em; padding: .25em 1em; margin: .75em 0; max-width: 48em; box-sizing: border-box; }
.texts .drop.over { border-style: solid; }
/* The list of texts, where there is room, has fixed columns: a row added (500 texts are drawn
   50 rows a frame) then leaves the other rows' layout as it was. Auto columns change width
   with each new title, and every row is laid out again: with 502 rows, the longest layout
   of a frame was 31-41 ms, against 14-15 ms fixed (traces, tests/e2e/texts-scale). */
.texts .doc-list-box { container-type: inline-size; }
@container (min-width: 40em) {
  .doc-list { table-layout: fixed; }
  .doc-list th:nth-child(1) { width: 32%; }
  .doc-list th:nth-child(2) { width: 11%; }
  .doc-list th:nth-child(3) { width: 13%; }
  .doc-list th:nth-child(4) { width: 14%; }
  .doc-list th:nth-child(5) { width: 7%; }
  .doc-list th:nth-child(6) { width: 23%; }
  .doc-list td { overflow-wrap: break-word; }
}
`;

let shared = null;
const extras = new Set();

/** The element's stylesheet, built once per page and adopted by every shadow root. */
export function sheet() {
  if (!shared) {
    shared = new CSSStyleSheet();
    shared.replaceSync([css, ...extras].join('\n'));
  }
  return shared;
}

/**
 * Add a view's own CSS (a constant, never corpus text) to the shared stylesheet, once. Views
 * use this instead of a <style> node, which a host CSP of `style-src 'self'` blocks.
 */
export function registerStyles(text) {
  if (extras.has(text)) return;
  extras.add(text);
  shared?.replaceSync([css, ...extras].join('\n'));
}
