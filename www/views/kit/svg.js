// SVG elements for the analysis views' charts, built as nodes (never from markup).

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element (namespaced); attributes set with setAttribute, children appended. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    // Styles through the CSSOM: a strict CSP blocks style attributes set as markup.
    if (name === 'style') el.style.cssText = String(value);
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** The markup of an SVG element as a standalone file (with its namespace). */
export function svgFile(el) {
  const copy = el.cloneNode(true);
  copy.setAttribute('xmlns', SVG_NS);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}
