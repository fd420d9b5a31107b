// HTML to text, for an opened or fetched .html file: the visible text only, read with the
// browser's own parser (DOMParser, which workers lack, so this runs on the page).

/** Elements whose content is never visible text. */
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS']);
/** Elements that start a new line of text. */
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

/**
 * The visible text of an HTML document, its <title> and its <meta> tags ([[name, content]],
 * the name from name, property or itemprop, lowercased; `canonical` for the canonical link):
 * scripts, styles and the head left out, block elements on their own lines, runs of spaces
 * collapsed (kept inside <pre>).
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const title = (doc.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const metas = [...doc.querySelectorAll('meta[content]')].flatMap((meta) => {
    const name = meta.getAttribute('name') ?? meta.getAttribute('property') ?? meta.getAttribute('itemprop');
    return name ? [[name.trim().toLowerCase(), meta.getAttribute('content')]] : [];
  });
  const canonical = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  if (canonical) metas.push(['canonical', canonical]);
  const time = doc.querySelector('time[datetime][pubdate], article time[datetime]')?.getAttribute('datetime');
  if (time) metas.push(['pubdate', time]);
  const parts = [];
  const walk = (node, pre) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        parts.push(pre ? child.data : child.data.replace(/\s+/g, ' '));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (HIDDEN.has(tag) || child.hidden) continue;
        const block = BLOCKS.has(tag);
        if (block) parts.push('\n');
        walk(child, pre || tag === 'PRE');
        if (block) parts.push('\n');
      }
    }
  };
  if (doc.body) walk(doc.body, false);
  const text = parts.join('')
    .split('\n').map((line) => line.replace(/^ +| +$/g, '')).join('\n')
    .replace(/\n{3,}/g, '\n\n').trim();
  return { title, text, metas };
}
