// How well an address query matches a street or a commune name, from 0 to 1: normalized tokens (no accents, no
// case, usual abbreviations expanded) compared with a typo-tolerant similarity, so "rue du Lavoire" still finds
// "rue du Lavoir" with a slightly lower score, as the national geocoder does.

/** Street-type abbreviations as addresses are typed in France. */
import { editDistance, foldWords } from '@shared/util/text';
const ABBREVIATIONS: Record<string, string> = {
  r: 'rue',
  av: 'avenue',
  ave: 'avenue',
  bd: 'boulevard',
  bld: 'boulevard',
  bvd: 'boulevard',
  pl: 'place',
  all: 'allee',
  ch: 'chemin',
  che: 'chemin',
  chem: 'chemin',
  imp: 'impasse',
  crs: 'cours',
  rte: 'route',
  st: 'saint',
  ste: 'sainte',
};

/** Articles and prepositions: they carry little of a street's identity. */
const LIGHT_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'a', 'au', 'aux', 'et', 'en', 'sur']);

export function addressTokens(text: string): string[] {
  return foldWords(text).map((word) => ABBREVIATIONS[word] ?? word);
}

function tokenSimilarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

const weight = (token: string) => (LIGHT_WORDS.has(token) ? 0.25 : 1);

/** The best similarity of each wanted token among the offered ones, weighted; 0 when nothing is wanted. */
function coverage(wanted: readonly string[], offered: readonly string[]): number {
  if (wanted.length === 0 || offered.length === 0) return 0;
  let total = 0;
  let matched = 0;
  for (const token of wanted) {
    const w = weight(token);
    total += w;
    let best = 0;
    for (const other of offered) best = Math.max(best, tokenSimilarity(token, other));
    // A token less than half alike is no match at all, not half a match.
    matched += w * (best >= 0.5 ? best : 0);
  }
  return total === 0 ? 0 : matched / total;
}

export interface ParsedQuery {
  /** The house number written first ("12", "12 bis"), when there is one. */
  housenumber?: string;
  postcode?: string;
  /** Every other token (street words and city words together). */
  words: string[];
}

export function parseQuery(q: string): ParsedQuery {
  const tokens = addressTokens(q);
  const parsed: ParsedQuery = { words: [] };
  tokens.forEach((token, index) => {
    if (/^\d{5}$/.test(token) && parsed.postcode === undefined) parsed.postcode = token;
    else if (/^\d{1,4}$/.test(token) && parsed.housenumber === undefined && index === 0) parsed.housenumber = token;
    else if (/^(bis|ter|quater)$/.test(token) && parsed.housenumber !== undefined && index === 1)
      parsed.housenumber += ` ${token}`;
    else parsed.words.push(token);
  });
  return parsed;
}

/**
 * The score of a street of a commune for a query: how much of the street's name the query holds, lowered by the
 * query's words that belong neither to the street nor to the commune's name (a different street, noise).
 */
export function streetScore(query: ParsedQuery, streetWords: readonly string[], cityWords: readonly string[]): number {
  const words = query.words.filter((word) => !cityWords.some((city) => tokenSimilarity(word, city) >= 0.8));
  if (words.length === 0) return 0;
  const held = coverage(streetWords, words);
  const strays = words.filter(
    (word) => weight(word) === 1 && !streetWords.some((s) => tokenSimilarity(word, s) >= 0.6),
  ).length;
  return round(Math.max(0, held - 0.1 * strays));
}

/** The score of a commune itself: its name in the query, lowered when the query names a street too. */
export function communeScore(query: ParsedQuery, cityWords: readonly string[]): number {
  const named = coverage(cityWords, query.words);
  const others = query.words.filter(
    (word) => weight(word) === 1 && !cityWords.some((c) => tokenSimilarity(word, c) >= 0.8),
  );
  return round(others.length === 0 ? named : named * 0.4);
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;
