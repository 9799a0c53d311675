// Seeded randomness and hashing: the same seed gives the same sequence on every machine and JavaScript engine
// (32-bit integer arithmetic only, no Math.random). The committed training data set is generated from these, so
// changing an algorithm here changes resources/training (a test compares them).

/** One 32-bit integer from several: an FNV-style step per value then an avalanche mix, order-sensitive. */
export function hash32(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = Math.imul(h ^ (value | 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    h = Math.imul(h, 0x297a2d39);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

/**
 * One 32-bit integer from a text: FNV-1a over UTF-16 code units, then the murmur3 finaliser so that close inputs
 * (`card-1`, `card-2`) give unrelated values. Texts and numbers are hashed apart because the neutral order of
 * search results is keyed on text and must not change with the data set's generator.
 */
export function hashText32(text: string): number {
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

/** A number in [0, 1) from integers: stateless, for "does this slot exist" decisions. */
export function unitHash(...values: number[]): number {
  return hash32(...values) / 0x1_0000_0000;
}

/** A seeded sequence: a 32-bit Weyl sequence fed through `hash32`; small, fast, plenty for test and training data. */
export interface Random {
  /** [0, 1); a plain closure, so `const next = random.next` works. */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly { value: T; weight: number }[]): T;
  shuffle<T>(items: readonly T[]): T[];
  /** A 32-bit seed for a child generator or a slot pattern. */
  seed(): number;
}

export function createRandom(seed: number): Random {
  let state = hash32(seed, 0x5eed);
  const next = () => {
    state = (state + 0x9e3779b9) >>> 0;
    return hash32(state) / 0x1_0000_0000;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick(items) {
      if (items.length === 0) throw new RangeError('pick: liste vide');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(items) {
      const total = items.reduce((sum, item) => sum + item.weight, 0);
      let target = next() * total;
      for (const item of items) {
        target -= item.weight;
        if (target < 0) return item.value;
      }
      const last = items[items.length - 1];
      if (!last) throw new RangeError('weighted: liste vide');
      return last.value;
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    seed: () => hash32(Math.floor(next() * 0x1_0000_0000)),
  };
}
