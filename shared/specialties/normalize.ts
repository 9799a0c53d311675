// How a specialty text is compared: case, accents, punctuation, little words and plurals do not count.

/** Words that never tell two specialties apart (« Psychiatrie de l'enfant et de l'adolescent »). */
const LITTLE_WORDS = new Set([
  'de',
  'du',
  'des',
  'd',
  'la',
  'le',
  'les',
  'l',
  'en',
  'et',
  'a',
  'au',
  'aux',
  'un',
  'une',
  'pour',
]);

/** Bound on what is compared: a specialty is a few words; anything longer is cut, never scanned in full. */
const MAX_SPECIALTY_TEXT = 200;

/** Lower case, no accents or ligatures, punctuation as spaces, single spaces. */
function foldText(text: string): string {
  return text
    .slice(0, MAX_SPECIALTY_TEXT)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The singular of a French word as far as specialty names need: « cardiologues », « sages », « médicaux ». */
function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('aux')) return `${word.slice(0, -3)}al`;
  if (word.endsWith('s') || word.endsWith('x')) return word.slice(0, -1);
  return word;
}

/** The key two texts are compared on: folded, little words dropped, each word in the singular. */
export function specialtyKey(text: string): string {
  return foldText(text)
    .split(' ')
    .filter((word) => word !== '' && !LITTLE_WORDS.has(word))
    .map(singular)
    .join(' ');
}

/**
 * Optimal string alignment distance (Levenshtein plus the swap of two neighbours, « opthalmo »), or `max + 1` as
 * soon as it exceeds `max`: only close misspellings are ever wanted.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length] ?? max + 1, max + 1);
}
