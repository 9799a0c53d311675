// A small seeded generator for the fuzzers: the same seed gives the same inputs, so a crash found in a long run is
// reproduced from its seed and index alone.

/** The fuzzers' generator is the project's one seeded generator. */
export { createRandom as createRng, type Random as Rng } from '@shared/util/random';

/** The seed of input number `index` of a run: independent streams, so input k never depends on inputs before it. */
export function inputSeed(runSeed: number, index: number): number {
  return (Math.imul(runSeed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}
