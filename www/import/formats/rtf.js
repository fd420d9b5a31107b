// RTF to text: the document's text, paragraphs on lines, with the characters RTF escapes
// (\'hh in the document's code page, \uN Unicode with its \ucN fallback skipped). Groups that
// hold no text of the document are skipped: the font, colour and style tables, the document's
// information, pictures, objects, headers, footers and footnotes, field instructions (a
// field's shown result is kept) and every group marked \* (ignorable when not understood).

/** Destinations whose content is not the document's text. */
const SKIPPED = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl',
  'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'footnote', 'fldinst', 'listtable',
  'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'datastore',
  'latentstyles', 'pgdsctbl', 'revtbl', 'filetbl', 'annotation', 'atnid', 'atnauthor', 'bkmkstart', 'bkmkend',
  'nonshppict', 'shppict', 'shpinst', 'mmathPr', 'template', 'userprops', 'xe', 'tc', 'txe', 'private']);

/** Control words that stand for a character or a break. */
const CHARACTERS = {
  par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', cell: '\t', tab: '\t', emdash: '\u2014',
  endash: '\u2013', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c', rdblquote: '\u201d',
  bullet: '\u2022', emspace: '\u2003', enspace: '\u2002', qmspace: '\u2005',
};

/** A Windows code page's encoding name for TextDecoder (the single-byte ones are windows-N). */
function codePageDecoder(page) {
  const names = { 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5', 10000: 'macintosh', 65001: 'utf-8' };
  try {
    return new TextDecoder(names[page] ?? `windows-${page}`);
  } catch {
    return new TextDecoder('windows-1252');
  }
}

/** Whether bytes look like RTF: they start with {\rtf. */
export const isRtf = (bytes) => String.fromCharCode(...bytes.subarray(0, 5)) === '{\\rtf';

/** The text of an RTF document (bytes). */
export function rtfText(bytes) {
  const source = new TextDecoder('latin1').decode(bytes);
  let decoder = codePageDecoder(1252);
  const out = [];
  let pending = []; // bytes of \'hh escapes, decoded together (a code page may use two per character)
  const flush = () => {
    if (pending.length) out.push(decoder.decode(new Uint8Array(pending)));
    pending = [];
  };
  let state = { skip: false, uc: 1 };
  const stack = [];
  let toSkip = 0; // fallback characters still to skip after a \uN
  let groupStart = false; // just after '{': a \* or a destination word decides the group
  const emit = (text) => {
    if (toSkip > 0) {
      toSkip -= 1;
      return;
    }
    if (!state.skip) {
      flush();
      out.push(text);
    }
  };
  for (let i = 0; i < source.length;) {
    const c = source[i];
    if (c === '{') {
      stack.push(state);
      state = { ...state };
      groupStart = true;
      i += 1;
      continue;
    }
    if (c === '}') {
      state = stack.pop() ?? state;
      groupStart = false;
      toSkip = 0;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i += 1;
      continue;
    }
    if (c !== '\\') {
      emit(c);
      groupStart = false;
      i += 1;
      continue;
    }
    const next = source[i + 1] ?? '';
    if (next === '*') {
      if (groupStart) state.skip = true;
      i += 2;
      continue;
    }
    if (next === "'") {
      const byte = Number.parseInt(source.slice(i + 2, i + 4), 16);
      i += 4;
      if (toSkip > 0) toSkip -= 1;
      else if (!state.skip && Number.isFinite(byte)) pending.push(byte);
      groupStart = false;
      continue;
    }
    const word = /^[a-zA-Z]{1,32}/.exec(source.slice(i + 1, i + 33));
    if (!word) {
      // A control symbol: \\ \{ \} are literal, \~ a no-break space, \_ a no-break hyphen,
      // \- an optional hyphen (not text), a backslash before a line end a paragraph.
      const symbols = { '\\': '\\', '{': '{', '}': '}', '~': '\u00a0', _: '\u2011', '\n': '\n', '\r': '\n' };
      if (next in symbols) emit(symbols[next]);
      groupStart = false;
      i += 2;
      continue;
    }
    const name = word[0];
    i += 1 + name.length;
    const number = /^-?\d{1,10}/.exec(source.slice(i, i + 11));
    const param = number ? Number(number[0]) : null;
    if (number) i += number[0].length;
    if (source[i] === ' ') i += 1;
    if (groupStart && SKIPPED.has(name)) state.skip = true;
    groupStart = false;
    if (name === 'ansicpg' && param != null) {
      flush();
      decoder = codePageDecoder(param);
    } else if (name === 'uc' && param != null) {
      state.uc = param;
    } else if (name === 'u' && param != null) {
      const code = param < 0 ? param + 65536 : param;
      if (!state.skip) {
        flush();
        out.push(String.fromCharCode(code));
      }
      toSkip = state.uc;
    } else if (name in CHARACTERS) {
      emit(CHARACTERS[name]);
    } else if (name === 'bin' && param != null) {
      i += param; // binary data, not text
    }
  }
  flush();
  return out.join('');
}
