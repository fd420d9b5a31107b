// The plain-JavaScript peer of the benchmark, written as a web developer would: a Unicode
// regex tokeniser, a Map of counts, token arrays per document, and a scan for KWIC.

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export class PlainCorpus {
  docs = [];
  counts = new Map();
  tokenCount = 0;

  add(text) {
    const terms = [];
    const starts = [];
    const ends = [];
    for (const match of text.matchAll(WORD)) {
      const term = match[0].toLowerCase();
      terms.push(term);
      starts.push(match.index);
      ends.push(match.index + match[0].length);
      this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
    }
    this.tokenCount += terms.length;
    this.docs.push({ text, terms, starts, ends });
  }

  top(n) {
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, n);
  }

  kwic(word, { sort = 'position', limit = 100, window = 5 } = {}) {
    const query = word.toLowerCase();
    const hits = [];
    this.docs.forEach((doc, d) => {
      for (let i = 0; i < doc.terms.length; i += 1) if (doc.terms[i] === query) hits.push([d, i]);
    });
    if (sort === '1R') {
      const next = ([d, i]) => this.docs[d].terms[i + 1] ?? '';
      hits.sort((a, b) => {
        const x = next(a);
        const y = next(b);
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    const lines = hits.slice(0, limit).map(([d, i]) => {
      const doc = this.docs[d];
      const from = doc.starts[Math.max(0, i - window)];
      const to = doc.ends[Math.min(doc.terms.length - 1, i + window)];
      return {
        doc: d,
        left: doc.text.slice(from, doc.starts[i]),
        keyword: doc.text.slice(doc.starts[i], doc.ends[i]),
        right: doc.text.slice(doc.ends[i], to),
      };
    });
    return { total: hits.length, lines };
  }
}
