// Seeded randomness for the training data set: the same seed gives the same sequence on every machine and Node
// version (no Math.random, no floating-point state beyond 32-bit integer arithmetic).

/** One 32-bit integer from several: a small avalanche mix (xorshift-multiply), order-sensitive. */
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

/** A number in [0, 1) from integers: stateless, for "does this slot exist" decisions. */
export function unitHash(...values: number[]): number {
  return hash32(...values) / 0x1_0000_0000;
}

/** A sequence generator (a 32-bit Weyl sequence fed through the mix): small, fast, good enough for test data. */
export interface Random {
  /** [0, 1) */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
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
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick(items) {
      if (items.length === 0) throw new Error('pick: liste vide');
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
      if (!last) throw new Error('weighted: liste vide');
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
  return random;
}
