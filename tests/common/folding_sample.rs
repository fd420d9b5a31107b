// A text whose words fold in every way the diacritic-folding rule has, and their folded
// terms: included by tests/folding.rs (natively) and tests/web.rs (in wasm), which must
// agree.

/// The text (U+0308 after `Zu` is a combining diaeresis).
const FOLDING_SAMPLE: &str = "Zürich Zu\u{308}rich zurich. Déjà københavn Łódź straße 한국어 हिंदी مُحَمَّد שָׁלוֹם Ελληνικά ёж";

/// Its terms, folded.
const FOLDED_SAMPLE: [&str; 13] = [
    "zurich", "zurich", "zurich", "deja", "kobenhavn", "lodz", "straße", "한국어", "हिंदी", "محمد",
    "שלום", "ελληνικα", "еж",
];
