// Queries that the views build for KWIC from a term or phrase they show.

/** The query that finds exactly this phrase or term in KWIC (quoted when it has spaces or operators). */
export function phraseQuery(text) {
  return /[\s"*|]/.test(text) && !text.includes('"') ? `"${text}"` : text;
}
