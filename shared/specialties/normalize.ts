// How a specialty text is compared: case, accents, punctuation, little words and plurals do not count.
import { foldText } from '@shared/util/text';

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
function foldSpecialty(text: string): string {
  return foldText(text.slice(0, MAX_SPECIALTY_TEXT));
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
  return foldSpecialty(text)
    .split(' ')
    .filter((word) => word !== '' && !LITTLE_WORDS.has(word))
    .map(singular)
    .join(' ');
}
