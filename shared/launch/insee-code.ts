// Commune INSEE codes as LRMs send them: 5 characters, Corsica as 2A/2B, and the municipal arrondissements of
// Paris, Lyon and Marseille, which the directory and the radius table know only as their city.

export interface NormalizedInseeCode {
  /** The commune's code; for an arrondissement, its city's. */
  inseeCode: string;
  /** The arrondissement's own code, when one was given. */
  arrondissementInseeCode?: string;
}

const INSEE_CODE = /^(?:\d{5}|2[AB]\d{3})$/;

/** Arrondissement code ranges and the city code they belong to (INSEE's official geography). */
const ARRONDISSEMENTS: readonly { first: number; last: number; city: string }[] = [
  { first: 75101, last: 75120, city: '75056' }, // Paris
  { first: 69381, last: 69389, city: '69123' }, // Lyon
  { first: 13201, last: 13216, city: '13055' }, // Marseille
];

/** Format check only: whether the commune exists is the geocoder's business, with its up-to-date table. */
export function normalizeInseeCode(text: string): NormalizedInseeCode | undefined {
  const code = text.toUpperCase(); // `2a001` is a Corsican code typed in lower case, not a different one
  if (!INSEE_CODE.test(code)) return undefined;
  const numeric = Number(code);
  const arrondissement = ARRONDISSEMENTS.find((range) => numeric >= range.first && numeric <= range.last);
  return arrondissement ? { inseeCode: arrondissement.city, arrondissementInseeCode: code } : { inseeCode: code };
}
