// Neutral, reproducible order: each card gets a pseudo-random key from (seed, card id), and cards are sorted by key.
// Why a keyed hash rather than shuffling a list: the order of two cards does not depend on which other cards are
// present or in which order they arrived, so cards streaming in from slow publishers never reshuffle the ones
// already shown, and the same search (same seed) always shows the same order.

/** 32-bit FNV-1a over UTF-16 code units, then the murmur3 finaliser so that close inputs give unrelated keys. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The sort key of a card for a seed; the separator keeps ("ab","c") and ("a","bc") apart. */
export function seededKey(seed: string, id: string): number {
  return hash32(`${seed}\u0000${id}`);
}
