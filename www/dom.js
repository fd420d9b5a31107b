// A tiny DOM builder. It only ever creates elements and text nodes and sets attributes,
// properties from a short allow-list, and listeners: there is no path from a string to
// markup, so corpus text and queries can be passed in as children safely.

// Properties that must be set as properties (after the children exist, so that a
// <select>'s value can pick one of its options).
const PROPS = new Set(['value', 'checked', 'selected', 'disabled', 'indeterminate']);

/**
 * Create an element.
 *
 *   h('button', { type: 'button', class: 'tab', onclick: fn }, 'Summary')
 *
 * attrs: `class`, `style` (an object of CSS properties, custom properties allowed),
 * `dataset` (object), `on<event>` (function), any name in PROPS (set as a property),
 * anything else (set as an attribute; `true` means present, `null`/`false` means absent).
 * children: strings and numbers (become text nodes), Nodes, arrays of those; null,
 * undefined and false are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  const props = [];
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (name === 'style') {
      setStyle(el, value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (PROPS.has(name)) {
      props.push([name, value]);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  for (const [name, value] of props) el[name] = value;
  return el;
}

/** Append children (see h) to a node; returns the node. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replace all children of a node (see h for what a child may be). */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** Set inline styles from an object; `--name` keys set custom properties. */
export function setStyle(el, styles) {
  for (const [prop, value] of Object.entries(styles)) {
    if (prop.startsWith('--')) el.style.setProperty(prop, value);
    else el.style[prop] = value;
  }
}

let nextId = 0;
/** A document-unique id for label/aria wiring inside a shadow root. */
export function uid(prefix = 'te') {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** Collapse runs of whitespace (including newlines) to one space, for one-line display. */
export function oneLine(text) {
  return text.replace(/\s+/g, ' ');
}

/** The first character upper-cased: engine messages are lower-case by convention. */
export function sentence(message) {
  const text = String(message || 'Something went wrong').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * formatNumber for a UI language (strings' `locale`): English's is formatNumber itself; another
 * groups and marks decimals as that language does, with Latin digits (1 234,5 in French).
 */
export function numberFormat(locale) {
  if (!locale || locale === 'en') return formatNumber;
  const formats = new Map();
  return (value, decimals = 0) => {
    if (!formats.has(decimals)) {
      formats.set(decimals, new Intl.NumberFormat(`${locale}-u-nu-latn`, decimals
        ? { minimumFractionDigits: decimals, maximumFractionDigits: decimals } : {}));
    }
    return formats.get(decimals).format(value);
  };
}

let integer = null;
const fixed = new Map();
/** Format a number for display with a fixed number of decimals (0 by default). */
export function formatNumber(value, decimals = 0) {
  // Integers, nearly every number shown, are grouped here as Intl groups them in English: a
  // page's first Intl.NumberFormat costs 20-30 ms (ICU's data), which would delay the first
  // render of the counts. (-0 is left to Intl, which shows its sign.)
  if (decimals === 0 && Number.isSafeInteger(value) && !Object.is(value, -0)) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  integer ??= new Intl.NumberFormat('en');
  if (decimals === 0) return integer.format(value);
  // One format per number of decimals: making one costs far more than formatting (a table
  // of 500 rows of four measures spent 79 ms making them).
  let format = fixed.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    fixed.set(decimals, format);
  }
  return format.format(value);
}

/**
 * The index that a key moves to in a list of `n` items from `at` (a roving tabindex): the
 * arrows step (wrapping), Home and End jump; null for any other key.
 */
export function rovingMove(key, at, n) {
  const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: n - 1 };
  if (!(key in moves) || n === 0) return null;
  return (moves[key] + n) % n;
}

// Keys that step a closed select's value (Chromium and Firefox fire `change` at each step).
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

/**
 * Makes `select` a menu that acts on a choice (`apply(value)`) without acting under a keyboard
 * user's fingers (WCAG 3.2.2): a mouse choice, or one made in the open list, applies at once;
 * while the arrow keys (or typed letters) step through the closed menu, nothing happens until
 * Enter applies the choice, and Escape or leaving the menu puts back `current()`.
 */
export function actOnChoice(select, apply, current) {
  let stepping = false;
  const revert = () => {
    stepping = false;
    select.value = current();
  };
  select.addEventListener('keydown', (event) => {
    // Alt+arrows, F4 and Space open the list, whose Enter is a choice of its own.
    if (event.altKey || event.key === 'F4' || event.key === ' ') stepping = false;
    else if (STEP_KEYS.has(event.key) || (event.key.length === 1 && !event.ctrlKey && !event.metaKey)) stepping = true;
    else if (event.key === 'Enter' && stepping) {
      event.preventDefault();
      stepping = false;
      if (select.value !== current()) apply(select.value);
    } else if (event.key === 'Escape' && stepping) {
      event.preventDefault();
      revert();
    }
  });
  select.addEventListener('change', () => {
    if (!stepping) apply(select.value);
  });
  select.addEventListener('blur', () => {
    if (stepping) revert();
  });
}
