// The release version: equal to the crate's version in Cargo.toml (scripts/pack refuses to
// pack when they differ, and tests/e2e/embed-package.test.mjs checks it). It is put in the
// URLs the widget requests at run time (the wasm, the embed page), so a page running a new
// script never gets an old cached wasm; scripts/pack puts it in every import as well.

export const VERSION = '0.1.0';

/** `url` (relative to `base`) with `?v=VERSION`, for a cache that keys on the URL. */
export function versioned(url, base) {
  const out = new URL(url, base);
  out.searchParams.set('v', VERSION);
  return out;
}
