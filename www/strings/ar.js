// The <text-explorer> UI in Arabic (Modern Standard Arabic): en.js with the values
// translated (same keys; see tests/unit/translations.test.mjs). The UI is mirrored
// (dir: 'rtl'). The vocabulary is that of Arabic corpus linguistics: الكشاف السياقي
// (concordance), المتلازمات (collocates), المفتاحية (keyness), التشتت (dispersion), الوحدات
// والأنماط (tokens and types). Counted nouns follow Intl.PluralRules('ar'): one and two
// have their own forms (نتيجة واحدة، نتيجتان), 3–10 the plural, 11 and more the singular.
// Names and queries from the user are isolated (U+2068…U+2069, FSI…PDI), and formulas set
// left to right (U+2066…U+2069, LRI…PDI), so that Latin text inside a sentence keeps its
// order.

let rules = null;
const category = (count) => (rules ??= new Intl.PluralRules('ar')).select(count);
/**
 * A counted noun: `forms` = [one, two, plural (3–10), accusative singular (11–99), genitive
 * singular (0, 100 and more)]; the last defaults to the fourth.
 */
const counted = (n, count, [one, two, few, many, other = many]) => {
  switch (category(count)) {
    case 'one': return one;
    case 'two': return two;
    case 'few': return `${n} ${few}`;
    case 'many': return `${n} ${many}`;
    default: return `${n} ${other}`;
  }
};
/** User text (a title, a query, a URL) inside an Arabic sentence. */
const iso = (text) => `\u2068${text}\u2069`;
/** A formula or code, left to right. */
const ltr = (text) => `\u2066${text}\u2069`;

const HITS = ['نتيجة واحدة', 'نتيجتان', 'نتائج', 'نتيجة'];
const DOCUMENTS = ['مستند واحد', 'مستندان', 'مستندات', 'مستندًا', 'مستند'];
const WORDS = ['كلمة واحدة', 'كلمتان', 'كلمات', 'كلمة'];
const ROWS = ['صف واحد', 'صفان', 'صفوف', 'صفًا', 'صف'];
const PHRASES = ['عبارة واحدة', 'عبارتان', 'عبارات', 'عبارة'];
const PASSAGES = ['مقطع مشترك واحد', 'مقطعان مشتركان', 'مقاطع مشتركة', 'مقطعًا مشتركًا', 'مقطع مشترك'];
const TEXTS = ['نص واحد', 'نصان', 'نصوص', 'نصًا', 'نص'];

export default {
  locale: 'ar',
  dir: 'rtl',

  // The element's shell
  views: 'طرق العرض',
  tabs: {
    summary: { label: 'ملخص' },
    terms: { label: 'المفردات' },
    kwic: { label: 'KWIC', title: 'الكشاف السياقي: الكلمة المفتاحية في سياقها' },
    reader: { label: 'القراءة' },
    collocates: { label: 'المتلازمات', title: 'الكلمات القريبة من الاستعلام، مع مقاييس الترابط' },
    phrases: { label: 'العبارات', title: 'تتابعات متكررة من كلمتين إلى ست كلمات' },
    keyness: { label: 'المفتاحية', title: 'الكلمات المميِّزة لمستند مقارنةً ببقية المستندات' },
    dispersion: { label: 'التشتت', title: 'أين يرد الاستعلام، ومدى انتظام توزعه' },
    compare: { label: 'المقارنة' },
    cloud: { label: 'السحابة', title: 'سحابة الكلمات الأكثر تكرارًا' },
    texts: { label: 'النصوص', title: 'نصوصك الخاصة' },
  },
  document: 'المستند',
  allDocuments: 'كل المستندات',
  documentN: (id) => `المستند ${id}`,
  loading: 'جارٍ تحميل محرك النصوص…',
  engineRestarting: 'توقف المحرك: جارٍ إعادة تحميل نصوصك…',
  engineRestartFailed: (message) => `توقف المحرك وتعذّرت إعادة تشغيله: ${iso(message)}. أعد تحميل الصفحة لتحاول مجددًا.`,
  engineFailed: (message) => `تعذّر تشغيل محرك النصوص: ${iso(message)}. أعد تحميل الصفحة لتحاول مجددًا.`,
  textsFailed: (list) => `تعذّر تحميل بعض النصوص: ${list}.`,
  textFailed: (url, why) => `${iso(url)} (${why})`,
  notAUrl: 'ليس عنوان URL',
  notLoaded: 'لم يُحمَّل',
  noTexts: 'لا توجد نصوص للاستكشاف: كل النصوص كانت فارغة أو تعذّر تحميلها.',

  // The Embed dialog
  embed: 'تضمين',
  embedTitle: 'تضمين طريقة العرض هذه في موقع آخر',
  embedElement: 'كعنصر (سطران من HTML)',
  embedIframe: 'كإطار iframe (للمواقع التي تحذف البرامج النصية)',
  embedNote: 'النصوص المضافة داخل الصفحة أو من برنامج نصي ليست جزءًا من المقتطفات: فهي تفتح النصوص المحددة في src، أو المقالات المضمّنة.',
  copy: 'نسخ',
  copied: 'تم النسخ',
  copyFailed: 'حدّد النص وانسخه',
  close: 'إغلاق',

  stopEditor: {
    button: 'كلمات التوقف…',
    title: 'كلمات التوقف',
    intro: 'طرق العرض التي تُخفي كلمات التوقف تحذف هذه الكلمات من كل نص بحسب لغته. تُحفظ قوائمك في هذا المتصفح مع نصوصك، وتُذكر في رابط الصفحة.',
    language: 'اللغة',
    inUse: 'لغات نصوصك',
    otherLanguages: 'لغات أخرى',
    base: 'البدء من',
    bases: { nltk: 'NLTK (179 كلمة)', iso: 'stopwords-iso' },
    word: 'الكلمة',
    add: 'إضافة',
    remove: 'حذف',
    list: 'القائمة، كلمة في كل سطر (الصق قائمة هنا)',
    count: (n) => counted(n, n, WORDS),
    apply: 'تطبيق القائمة',
    applied: 'طُبّقت القائمة.',
    added: (words) => `أُضيفت: ${iso(words)}.`,
    removed: (words) => `حُذفت: ${iso(words)}.`,
    load: 'تحميل ملف…',
    loaded: (name) => `حُمّل ${iso(name)}.`,
    loadFailed: (message) => `تعذّرت قراءة الملف: ${message}`,
    reset: 'إعادة كل القوائم إلى أصلها',
    resetDone: 'عادت كل القوائم إلى قيمها الافتراضية.',
    fileFormat: 'ملف القائمة نص عادي فيه كلمة في كل سطر؛ وتبدأ علامة # تعليقًا يمتد إلى نهاية السطر.',
  },

  // Summary
  summaryTable: 'جدول الملخص',
  summaryCaptionOne: 'أرقام مستند واحد والمدونة كلها',
  summaryCaptionMany: 'أرقام كل مستند والمدونة كلها',
  summaryLanguage: 'اللغة',
  summaryLanguageUnknown: 'غير معروفة',
  columns: {
    chars: 'الحروف',
    tokens: 'الوحدات',
    types: 'الأنماط',
    ttr: 'نسبة الأنماط إلى الوحدات',
    sentences: 'الجمل',
    meanSentenceLength: 'متوسط طول الجملة (بالوحدات)',
  },
  corpusRow: (n, count) => `المدونة (${counted(n, count, DOCUMENTS)})`,

  // Terms
  hideStopwords: 'إخفاء كلمات التوقف',
  foldDiacritics: 'تجاهل علامات التشكيل (Zürich = Zurich)',
  foldDiacriticsHint: 'عدّ الكلمات والبحث عنها دون النبرات والحركات وسائر العلامات: مُحَمَّد = محمد، déjà = deja. ينطبق على كل العروض.',
  filterTerms: 'تصفية المفردات',
  filterPlaceholder: 'مثلًا: كور',
  termsTable: 'جدول تكرار المفردات',
  termsCaption: 'تكرار المفردات',
  termCount: (n, count) => counted(n, count, WORDS),
  termsContain: (shown, total, needle) => `${shown} من ${total} تحتوي على «${iso(needle)}»`,
  term: 'المفردة',
  count: 'التكرار',
  perTenThousand: 'لكل 10 آلاف وحدة',
  documents: 'المستندات',
  showInContext: (term) => `عرض «${iso(term)}» في سياقها`,
  showMore: (step, rest) => `عرض ${step} أخرى (${rest} غير معروضة)`,
  showLast: (rest) => `عرض آخر ${rest}`,

  // KWIC
  search: 'بحث',
  searchPlaceholder: 'putin, sanction*, "north korea"',
  sortBy: 'الترتيب حسب',
  sorts: { position: 'الموضع' },
  context: 'السياق (بالكلمات)',
  help: ['ابحث عن كلمة ', ['putin'], '، أو بداية كلمة ', ['sanction*'], '، أو عبارة ', ['"north korea"'],
    '، أو إحدى كلمتين ', ['kim|putin'], '. لا يُفرَّق بين الأحرف الكبيرة والصغيرة.'],
  previous: 'السابق',
  next: 'التالي',
  pages: 'صفحات الكشاف',
  typeToSearch: 'اكتب كلمة أو نمطًا لترى كل موضع يرد فيه.',
  noHits: (q) => `لا نتائج لـ ${iso(q)}`,
  hits: (n, count) => counted(n, count, HITS),
  range: (from, to, total) => `${from}–${to} من ${total}`,
  concordanceCaption: 'أسطر الكشاف: فعّل كلمة مفتاحية لتقرأها في مستندها',
  docAbbr: 'مستند',
  left: 'الأيسر',
  right: 'الأيمن',
  contextSuffix: ' (السياق)',
  keyword: 'الكلمة المفتاحية',

  // Reader
  previousHit: 'النتيجة السابقة',
  nextHit: 'النتيجة التالية',
  hitsGroup: 'النتائج',
  noHitsInDoc: (q) => `لا نتائج لـ ${iso(q)} في هذا المستند`,
  hitsInDoc: (n, count, q) => `${counted(n, count, HITS)} لـ ${iso(q)} في هذا المستند`,
  firstMarked: (n) => ` (أول ${n} مُعلَّمة)`,
  hitOf: (i, total) => `النتيجة ${i} من ${total}`,
  hitNoneOf: (total) => `النتيجة – من ${total}`,

  // The analysis views' kit: fields, sortable tables, exports
  kit: {
    query: 'الاستعلام',
    queryHelp: `كلمة، أو ${ltr('sanction*')}، أو ${ltr('"north korea"')}، أو ${ltr('kim|putin')}`,
    // The window's sides, in reading order: the words before the query and after it.
    left: 'قبلها',
    right: 'بعدها',
    minCount: 'أدنى تكرار',
    measure: 'الترتيب حسب',
    stopwords: 'تضمين كلمات التوقف',
    matchCase: 'مطابقة حالة الأحرف',
    downloadCsv: 'تنزيل CSV',
    copyTsv: 'نسخ TSV',
    downloadSvg: 'تنزيل SVG',
    copied: 'تم النسخ',
    copyFailed: 'تعذّر النسخ: حدّد الجدول وانسخه',
    rows: (n, count) => counted(n, count, ROWS),
    sortBy: (label) => `الترتيب حسب ${label}`,
  },
  // The query syntax, shown on demand in KWIC and the analysis views: [code, what it finds]
  syntax: {
    title: 'صيغة الاستعلام',
    rows: [
      ['putin', 'الكلمة، بأي حالة أحرف، مع صيغة الملكية'],
      ['sanction*', 'الكلمات التي تبدأ بـ sanction (يمكن وضع * في أي موضع من الكلمة)'],
      ['"north korea"', 'العبارة'],
      ['kim|putin', 'إحداهما'],
      ['/sanction(s|ed)?/', `تعبير نمطي على كلمة واحدة: ${ltr('. [a-z] [^…] \\d \\w ( ) | ? * +')}`],
      ['~sanction', 'صيغ الكلمة التي تشترك في الجذع الإنجليزي نفسه'],
      ['putin NEAR/5 kim', 'putin مع kim على بُعد 5 كلمات على الأكثر'],
    ],
  },

  // Collocates
  collocates: {
    noQuery: 'اكتب استعلامًا لترى متلازماته.',
    measures: {
      logDice: 'logDice',
      logLikelihood: 'نسبة الأرجحية اللوغاريتمية (G²)',
      mi: 'المعلومات المتبادلة (MI)',
      tScore: 'قيمة t',
      count: 'التكرار المرصود',
    },
    counting: 'النوافذ',
    countings: {
      union: 'اتحاد النوافذ (Evert)',
      perHit: 'نافذة كل نتيجة على حدة (AntConc وNLTK)',
    },
    positiveOnly: 'الارتباطات الموجبة فقط',
    positiveOnlyTitle: 'الكلمات التي تظهر قرب الاستعلام أكثر من المتوقع فقط (O > E)',
    collocate: 'المتلازمة',
    observed: 'المرصود',
    expected: 'المتوقع',
    frequency: 'التكرار',
    mi: 'MI',
    logLikelihood: 'G²',
    tScore: 'قيمة t',
    logDice: 'logDice',
    caption: 'متلازمات الاستعلام',
    showNear: (term) => `عرض الاستعلام وبقربه «${iso(term)}» في سياقه`,
    status: (hits, tokens, rows) => `${hits} نتيجة، و${tokens} وحدة في نوافذها، ${rows}`,
  },

  // Phrases
  phrases: {
    minLength: 'أدنى عدد كلمات',
    maxLength: 'أقصى عدد كلمات',
    trimStopwords: 'بلا كلمة توقف في الطرفين',
    longestOnly: 'الأطول فقط',
    crossSentences: 'عبر نهايات الجمل',
    phrase: 'العبارة',
    words: 'الكلمات',
    count: 'التكرار',
    documents: 'المستندات',
    caption: 'العبارات المتكررة',
    mostFrequent: (n) => `العبارات الـ${n} الأكثر تكرارًا`,
    phraseCount: (n, count) => counted(n, count, PHRASES),
  },

  // Keyness
  keyness: {
    target: 'الهدف',
    reference: 'المرجع: بقية المستندات',
    significantOnly: `الدالة إحصائيًا فقط (${ltr('p < 0.05')})`,
    term: 'المفردة',
    targetCount: 'الهدف',
    referenceCount: 'المرجع',
    logLikelihood: 'G²',
    p: 'p',
    logRatio: 'Log Ratio',
    overCaption: 'المفرطة الاستعمال في الهدف',
    underCaption: 'القليلة الاستعمال في الهدف',
    over: 'مفرطة الاستعمال',
    under: 'قليلة الاستعمال',
    note: `${ltr('G²')}: نسبة الأرجحية اللوغاريتمية (${ltr('*** p < 0.001, ** p < 0.01, * p < 0.05')})؛ ${ltr('Log Ratio')}: لوغاريتم نسبة التكرارين النسبيين للأساس 2 (${ltr('+1')} = ضعف التكرار).`,
    status: (target, reference, over, under) => `الهدف ${target} وحدة، والمرجع ${reference} وحدة: ${over} مفردة مفرطة الاستعمال و${under} قليلة الاستعمال`,
  },

  // Dispersion
  dispersion: {
    queries: 'الاستعلامات (افصل بينها بفواصل)',
    placeholder: 'putin, kim',
    noQuery: 'اكتب استعلامًا أو أكثر (تفصل بينها فواصل) لترى أين ترد.',
    segments: 'الأجزاء',
    query: 'الاستعلام',
    hits: 'النتائج',
    dp: 'DP',
    dpNorm: 'DPnorm',
    parts: 'الأقسام',
    document: 'المستند',
    dpCaption: 'التشتت لكل استعلام (مقياس DP لغريز)',
    segmentsCaption: 'النتائج لكل 10 آلاف وحدة في كل جزء',
    whereTitle: 'مواضع النتائج',
    trendTitle: 'التكرار النسبي لكل جزء',
    dpTitle: 'التشتت',
    segmentsTitle: 'الأجزاء',
    barcodeLabel: (list) => `مخطط شريطي: كل علامة نتيجة، موضوعة بحسب موضعها في المستند (${list})`,
    barcodeCaption: 'كل علامة نتيجة، موضوعة بحسب موضعها في المستند، من البداية (يسارًا) إلى النهاية.',
    start: 'البداية',
    end: 'النهاية',
    token: (query, n, total) => `${iso(query)}: الوحدة ${n} من ${total}`,
    trendLabel: (segments, title) => `النتائج لكل 10 آلاف وحدة في ${segments} جزءًا من ${iso(title)}؛ الأرقام في جدول الأجزاء`,
    segmentOf: (title) => `جزء من ${iso(title)}`,
    point: (query, k, relative, hits, tokens) => `${iso(query)}، الجزء ${k}: ${relative} لكل 10 آلاف (${hits} من ${tokens} وحدة)`,
    queryHits: (query, n, count) => `${iso(query)}: ${counted(n, count, HITS)}`,
  },

  // Compare
  compare: {
    documentA: 'المستند أ',
    documentB: 'المستند ب',
    minRun: 'مقطع مشترك، أدنى عدد كلمات',
    sideA: 'المستند أ، مع تعليم المقاطع المشتركة',
    sideB: 'المستند ب، مع تعليم المقاطع المشتركة',
    a: 'أ',
    b: 'ب',
    sentenceA: 'جملة من أ',
    similarity: 'التشابه',
    bestB: 'أشبه جملة في ب',
    alignCaption: 'محاذاة الجمل',
    alignTitle: 'محاذاة الجمل (جيب التمام على كلمات المحتوى)',
    term: 'المفردة',
    sharedCaption: 'مفردات مشتركة',
    onlyACaption: 'مفردات في أ فقط',
    onlyBCaption: 'مفردات في ب فقط',
    shared: 'في كليهما',
    onlyA: 'في أ فقط',
    onlyB: 'في ب فقط',
    titleA: (label) => `أ: ${iso(label)}`,
    titleB: (label) => `ب: ${iso(label)}`,
    wordsShared: (n) => `${n} كلمة مشتركة`,
    status: ({ runs, runCount, minRun, words, sharedTypes, paired, sentences, mean }) => `${counted(runs, runCount, PASSAGES)} من ${minRun} كلمات فأكثر (${words} كلمة)، `
      + `و${sharedTypes} من كلمات المحتوى المشتركة؛ ${paired} من ${sentences} جملة في أ لها جملة مشابهة في ب (متوسط التشابه ${mean}).`,
  },

  // Cloud
  cloud: {
    words: 'الكلمات',
    term: 'المفردة',
    count: 'التكرار',
    label: (n) => `سحابة الكلمات الـ${n} الأكثر تكرارًا، بأحجام تتبع تكرارها`,
    word: (term, count) => `${iso(term)}، ${count}: عرض في السياق`,
    status: (n, stopwords) => `الكلمات الـ${n} الأكثر تكرارًا، بأحجام تتبع تكرارها${stopwords ? '' : ' (دون كلمات التوقف)'}`,
  },

  // Texts: the user's own texts (views/texts.js) and their import (import/)
  texts: {
    progressLabel: 'تقدّم الفهرسة',
    indexing: 'جارٍ الفهرسة',
    cancel: 'إلغاء',
    title: 'العنوان',
    titleLabel: 'عنوان النص الملصق',
    pastePlaceholder: 'الصق نصًا هنا أو اكتبه',
    pasteLabel: 'النص المراد إضافته',
    pasteEmpty: 'النص فارغ: الصق نصًا أو اكتبه لإضافته.',
    pastedTitle: 'نص ملصق',
    addText: 'إضافة النص',
    openFiles: 'فتح ملفات',
    drop: [`أفلت هنا ملفات ${ltr('.txt')} أو ${ltr('.md')} أو ${ltr('.html')} أو ${ltr('.docx')} أو ${ltr('.odt')} أو ${ltr('.epub')} أو ${ltr('.rtf')} أو ${ltr('.pdf')} أو ${ltr('.zip')}، أو `, ['افتح ملفات'], '.'],
    urlLabel: 'عنوان URL لنص',
    loadUrl: 'تحميل من عنوان URL',
    clear: 'مسح نصوصي',
    help: (millions) => 'تبقى نصوصك في هذا المتصفح: تُحفظ في مساحة تخزينه لهذه الصفحة ولا تُرسل إلى أي مكان. '
      + `الحد الأقصى ${millions} مليون حرف إجمالًا (نحو 10 ملايين كلمة): ما يزيد على ذلك لا تتسع له ذاكرة علامة تبويب في المتصفح.`,
    addHeading: 'إضافة نص',
    documentsHeading: 'المستندات',
    documentsCaption: 'النصوص المستكشفة، مع مصدرها وترميزها ولغتها وعدد كلماتها',
    dismiss: 'إغلاق',
    showArticles: 'إظهار المقالات المضمّنة',
    hideArticles: 'إخفاء المقالات المضمّنة',
    noDocuments: 'لا توجد مستندات: أضف نصًا أعلاه، أو أظهر المقالات المضمّنة.',
    columnTitle: 'العنوان',
    columnSource: 'المصدر',
    columnEncoding: 'الترميز',
    columnLanguage: 'اللغة',
    languageLabel: (title, language) => `لغة ${iso(title)}: ${language} (تغيير)`,
    chooseLanguage: (title) => `لغة ${iso(title)}`,
    languageUnknown: 'غير معروفة',
    languageDetected: 'مكتشفة تلقائيًا',
    noWordForms: `${ltr('~word')} لا يجد إلا الكلمة نفسها (لا توجد أداة تجذيع لهذه اللغة)`,
    unknownWordForms: `${ltr('~word')} لا يجد إلا الكلمة نفسها (اللغة غير معروفة)`,
    columnWords: 'الكلمات',
    columnActions: 'الإجراءات',
    rename: 'إعادة تسمية',
    renameLabel: (title) => `إعادة تسمية ${iso(title)}`,
    remove: 'إزالة',
    removeLabel: (title) => `إزالة ${iso(title)}`,
    yourText: 'نصك',
    article: 'مقالة مضمّنة',
    asTyped: 'النص كما كُتب',
    utf8: 'UTF-8',
    newTitle: (title) => `عنوان جديد لـ ${iso(title)}`,
    save: 'حفظ',
    removed: (title) => `أُزيل «${iso(title)}».`,
    cleared: (n, count) => `${category(count) === 'one' ? 'أُزيل نصك' : `أُزيلت نصوصك (${counted(n, count, TEXTS)})`} من المستكشف ومن مساحة تخزين هذا المتصفح.`,
    failed: (message) => `${message}.`,
    busy: 'تجري فهرسة دفعة أخرى من النصوص: انتظر انتهاءها، أو ألغها.',
    overLimit: (name, limit, chars, left) => `لم يُضف «${iso(name)}»: ستتجاوز النصوص الحد البالغ ${limit} حرف (فيه ${chars}؛ والمتبقي ${left}). أزل بعض النصوص أولًا.`,
    saving: (n, count) => `جارٍ حفظ ${counted(n, count, ['نص واحد', 'نصين', 'نصوص', 'نصًا', 'نص'])}…`,
    progress: (done, total, percent) => `جارٍ الفهرسة: ${done} من ${total} (${percent}٪)`,
    restoreCancelled: 'أُلغي تحميل نصوصك المحفوظة: ما زالت محفوظة، وستُحمَّل من جديد عند إعادة تحميل الصفحة.',
    cancelled: 'أُلغيت الفهرسة: لم يُضف شيء من تلك الدفعة.',
    notAdded: (name, message) => `لم يُضف «${iso(name)}»: ${message}.`,
    addedOne: (title, seconds) => `أُضيف «${iso(title)}» (فُهرس في ${seconds} ث).`,
    addedMany: (n, seconds) => `أُضيفت ${n} نصوص (فُهرست في ${seconds} ث).`,
    addFailed: (message) => `تعذّرت إضافة النصوص: ${message}.`,
    readFailed: (message) => `تعذّرت قراءة الملفات: ${message}.`,
    unreadable: (name, message) => `تعذّرت قراءة «${iso(name)}»: ${message}.`,
    empty: (name) => `«${iso(name)}» فارغ: لا يوجد نص لإضافته.`,
    tooLarge: (name, mb, limit) => `«${iso(name)}» كبير جدًا (${mb} ميغابايت): الحد ${limit} ميغابايت.`,
    binary: (name) => `«${iso(name)}» ليس ملفًا نصيًا (يبدو صورة أو ملفًا ثنائيًا آخر): افتح ملفات ${ltr('.txt')} أو ${ltr('.md')} أو ${ltr('.html')} أو ${ltr('.docx')} أو ${ltr('.odt')} أو ${ltr('.epub')} أو ${ltr('.rtf')} أو ${ltr('.pdf')} أو ${ltr('.zip')}.`,
    brokenFile: (name, kind, why) => `تعذّرت قراءة «${iso(name)}» كملف ${ltr(kind)} (إنه تالف أو ليس من هذا النوع): ${iso(why)}.`,
    noTextLayer: (name) => `«${iso(name)}»: ليس في ملف PDF هذا طبقة نص (صورة ممسوحة ضوئيًا؟)، فلا نص لإضافته؛ مرّره أولًا على برنامج للتعرف الضوئي على الحروف.`,
    pdfLocked: (name) => `«${iso(name)}» ملف PDF محمي بكلمة مرور: احفظ نسخة غير محمية لإضافته.`,
    tooDeep: (name) => `«${iso(name)}» أرشيف داخل عدد كبير جدًا من الأرشيفات: لم يُفتح.`,
    invalidBytes: (name, encoding) => `في «${iso(name)}» بايتات ليست ${encoding} صالحًا؛ وهي تظهر بالشكل �.`,
    encodingHow: { bom: 'من علامة ترتيب البايتات فيه', 'utf-8': 'UTF-8 صالح', detected: 'مُكتشَف تلقائيًا' },
    notWebAddress: (url) => `«${iso(url)}» ليس عنوان ويب: أدخل عنوانًا يبدأ بـ https:// أو http://.`,
    noCors: (url) => `تعذّرت قراءة ${iso(url)}: خادمه لا يسمح للمواقع الأخرى بقراءته (لا إذن CORS)، أو تعذّر الوصول إليه. نزّل الملف وأفلته هنا بدلًا من ذلك.`,
    httpError: (url, status, text) => `تعذّر تحميل ${iso(url)}: ردّ الخادم بـ ${status} ${text}.`,
    urlLoading: (url, mb) => `جارٍ تحميل ${iso(url)}… ${mb} ميغابايت حتى الآن`,
    urlCancelled: (url) => `أُلغي تحميل ${iso(url)}.`,
    urlTimeout: (url, seconds) => `تعذّر تحميل ${iso(url)}: لم يرسل خادمه شيئًا طوال ${seconds} ثانية. أعد المحاولة لاحقًا، أو نزّل الملف وأفلته هنا.`,
    savedFailed: (message) => `تعذّر تحميل نصوصك المحفوظة: ${message}.`,
  },
};
