// Phone numbers as the directory stores them: international form with spaces, "+33 5 90 87 57 49", the form the
// training data set and publishers' bundles use and the console dials. The overseas departments have their own
// country codes, so a Saint-Martin number 0590 87 57 49 becomes "+590 590 87 57 49".

/** National prefixes (the first 4 digits of the 10-digit form) of the overseas departments, with their code. */
const OVERSEAS: readonly [RegExp, string][] = [
  [/^0(590|690|691)/, '590'], // Guadeloupe, Saint-Martin, Saint-Barthélemy
  [/^0(594|694)/, '594'], // Guyane
  [/^0(596|696|697)/, '596'], // Martinique
  [/^0(262|263|692|693)/, '262'], // La Réunion
  [/^0(269|639)/, '262'], // Mayotte (its numbers use the Réunion country code)
  [/^0(508)/, '508'], // Saint-Pierre-et-Miquelon
];

const pairs = (digits: string) => digits.match(/\d{2}/g)?.join(' ') ?? digits;

/**
 * A French number written any way the RPPS and FINESS files write it ("0590875749", "05 90 87 57 49",
 * "+33590875749", "0033 5 90 ..."), or undefined when it is not a 10-digit French number.
 */
export function normalizePhone(raw: string): string | undefined {
  let digits = raw.replace(/[\s.\-/()]/g, '');
  if (digits.startsWith('+33')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0033')) digits = `0${digits.slice(4)}`;
  if (!/^0[1-9]\d{8}$/.test(digits)) return undefined;
  for (const [prefix, country] of OVERSEAS) {
    if (prefix.test(digits)) return `+${country} ${digits.slice(1, 4)} ${pairs(digits.slice(4))}`;
  }
  return `+33 ${digits.slice(1, 2)} ${pairs(digits.slice(2))}`;
}
