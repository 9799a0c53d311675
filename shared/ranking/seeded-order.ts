// Neutral, reproducible order: each card gets a pseudo-random key from (seed, card id), and cards are sorted by key.
// Why a keyed hash rather than shuffling a list: the order of two cards does not depend on which other cards are
// present or in which order they arrived, so cards streaming in from slow publishers never reshuffle the ones
// already shown, and the same search (same seed) always shows the same order.
import { hashText32 } from '../util/random';

/** The sort key of a card for a seed; the separator keeps ("ab","c") and ("a","bc") apart. */
export function seededKey(seed: string, id: string): number {
  return hashText32(`${seed}\u0000${id}`);
}
