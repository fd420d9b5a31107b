// Every string the <text-explorer> UI shows, in English. A translation is a copy of this
// file with the values translated (keep the keys), registered in ./index.js; a key missing
// from a translation falls back to this file. Functions build the strings that hold
// numbers or names; `n(…)` is the number already formatted for the language.

export default {
  locale: 'en',

  // The element's shell
  views: 'Views',
  tabs: {
    summary: { label: 'Summary' },
    terms: { label: 'Terms' },
    kwic: { label: 'KWIC', title: 'Keyword in context' },
    reader: { label: 'Reader' },
    collocates: { label: 'Collocates', title: 'Words near the query, with association measures' },
    phrases: { label: 'Phrases', title: 'Repeated sequences of 2 to 6 words' },
    keyness: { label: 'Keyness', title: 'Distinctive words of a document against the rest' },
    dispersion: { label: 'Dispersion', title: 'Where the query occurs, and how evenly' },
    compare: { label: 'Compare' },
    cloud: { label: 'Cloud', title: 'Word cloud of the most frequent terms' },
    texts: { label: 'Texts', title: 'Your own texts' },
  },
  document: 'Document',
  allDocuments: 'All documents',
  documentN: (id) => `Document ${id}`,
  loading: 'Loading the text engine…',
  engineFailed: (message) => `The text engine could not start: ${message}. Reload the page to try again.`,
  textsFailed: (list) => `Some texts could not be loaded: ${list}.`,
  textFailed: (url, why) => `${url} (${why})`,
  noTexts: 'There are no texts to explore: every text was empty or could not be loaded.',

  // The Embed dialog
  embed: 'Embed',
  embedTitle: 'Embed this view in another site',
  embedElement: 'As an element (two lines of HTML)',
  embedIframe: 'As an iframe (for sites that strip scripts)',
  embedNote: 'Texts added inline or from a script are not part of the snippets: they open the texts given by src, or the built-in articles.',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Select the text and copy it',
  close: 'Close',

  // Summary
  summaryTable: 'Summary table',
  summaryCaptionOne: 'Figures for one document and the whole corpus',
  summaryCaptionMany: 'Figures per document and for the whole corpus',
  columns: {
    chars: 'Characters',
    tokens: 'Tokens',
    types: 'Types',
    ttr: 'Type/token ratio',
    sentences: 'Sentences',
    meanSentenceLength: 'Mean sentence length (tokens)',
  },
  corpusRow: (n, count) => `Corpus (${n} document${count === 1 ? '' : 's'})`,

  // Terms
  hideStopwords: 'Hide stop words',
  filterTerms: 'Filter terms',
  filterPlaceholder: 'e.g. kor',
  termsTable: 'Term frequencies table',
  termsCaption: 'Term frequencies',
  termCount: (n, count) => `${n} term${count === 1 ? '' : 's'}`,
  termsContain: (shown, total, needle) => `${shown} of ${total} contain “${needle}”`,
  term: 'Term',
  count: 'Count',
  perTenThousand: 'Per 10k tokens',
  documents: 'Documents',
  showInContext: (term) => `Show “${term}” in context`,
  showMore: (step, rest) => `Show ${step} more (${rest} not shown)`,
  showLast: (rest) => `Show the last ${rest}`,

  // KWIC
  search: 'Search',
  searchPlaceholder: 'putin, sanction*, "north korea"',
  sortBy: 'Sort by',
  sorts: { position: 'Position' },
  context: 'Context (words)',
  help: ['Search for a word ', ['putin'], ', a prefix ', ['sanction*'], ', a phrase ', ['"north korea"'],
    ' or either of two ', ['kim|putin'], '. Case is ignored.'],
  previous: 'Previous',
  next: 'Next',
  pages: 'Concordance pages',
  typeToSearch: 'Type a word or pattern to see every place it occurs.',
  noHits: (q) => `No hits for ${q}`,
  hits: (n, count) => `${n} hit${count === 1 ? '' : 's'}`,
  range: (from, to, total) => `${from}–${to} of ${total}`,
  concordanceCaption: 'Concordance lines: activate a keyword to read it in its document',
  docAbbr: 'Doc',
  left: 'Left',
  right: 'Right',
  contextSuffix: ' context',
  keyword: 'Keyword',

  // Reader
  previousHit: 'Previous hit',
  nextHit: 'Next hit',
  hitsGroup: 'Hits',
  noHitsInDoc: (q) => `No hits for ${q} in this document`,
  hitsInDoc: (n, count, q) => `${n} hit${count === 1 ? '' : 's'} for ${q} in this document`,
  firstMarked: (n) => ` (the first ${n} are marked)`,
  hitOf: (i, total) => `Hit ${i} of ${total}`,
  hitNoneOf: (total) => `Hit – of ${total}`,
};
