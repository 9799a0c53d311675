// Reads the query's pairs into one cleaned value per known parameter, reporting everything odd on the way:
// unknown names, duplicates, bad encoding, over-long values, odd characters, empty values.
import { LAUNCH_LIMITS } from './codes';
import type { IssueLog } from './issue-log';
import { decodeComponent, type RawParameter } from './query-string';
import { cleanText } from './text-value';

/** The platform's LRM parameters (domain.md), the `speciality` misspelling, and the plain-search `text`/`loc`. */
const LAUNCH_PARAMETERS = [
  'origin',
  'practitioner',
  'specialty',
  'speciality',
  'inseecode',
  'city',
  'streetname',
  'streetnumber',
  'text',
  'loc',
] as const;

type LaunchParameter = (typeof LAUNCH_PARAMETERS)[number];

/**
 * One known parameter after reading: `absent` (not sent, or empty), `invalid` (sent, but its value was refused;
 * the error is logged, and rules must not add a second error for the same cause), or its clean text.
 */
export type ParameterValue = { state: 'absent' } | { state: 'invalid' } | { state: 'present'; text: string };

export type LaunchParameters = Readonly<Record<LaunchParameter, ParameterValue>>;

const KNOWN: ReadonlySet<string> = new Set(LAUNCH_PARAMETERS);
const ASCII_LETTERS = /^[A-Za-z]+$/;

/**
 * The canonical name of a parameter name as sent, and whether its case differed. Case is folded for ASCII names
 * only: `toLowerCase` maps some non-ASCII letters (the Kelvin sign) onto ASCII ones, which would let a look-alike
 * name through.
 */
function canonicalName(name: string): { name: LaunchParameter; caseDiffers: boolean } | undefined {
  if (KNOWN.has(name)) return { name: name as LaunchParameter, caseDiffers: false };
  if (!ASCII_LETTERS.test(name)) return undefined;
  const lower = name.toLowerCase();
  return KNOWN.has(lower) ? { name: lower as LaunchParameter, caseDiffers: true } : undefined;
}

/** Decodes and cleans the value of one known parameter. */
function readValue(name: LaunchParameter, rawValue: string, log: IssueLog): ParameterValue {
  const decoded = decodeComponent(rawValue);
  if (decoded === undefined) {
    log.error('bad-percent-encoding', { parameter: name });
    return { state: 'invalid' };
  }
  const clean = cleanText(decoded);
  if (!clean.ok) {
    log.error(clean.problem, { parameter: name });
    return { state: 'invalid' };
  }
  if (clean.invisibleRemoved) log.warn('invisible-character-removed', { parameter: name });
  if (clean.text === '') {
    log.warn('empty-value', { parameter: name });
    return { state: 'absent' };
  }
  // Measured on the clean text: that is what is stored, shown and sent on; NFC may lengthen a little.
  const length = [...clean.text].length;
  if (length > LAUNCH_LIMITS.maxValueLength) {
    log.error('value-too-long', { parameter: name, count: length, limit: LAUNCH_LIMITS.maxValueLength });
    return { state: 'invalid' };
  }
  return { state: 'present', text: clean.text };
}

/** A value as it will be read, to tell a harmless repetition from a conflicting one. */
function comparable(rawValue: string): string {
  const decoded = decodeComponent(rawValue);
  if (decoded === undefined) return rawValue;
  const clean = cleanText(decoded);
  return clean.ok ? clean.text : decoded;
}

/**
 * Reads the known parameters from the query's pairs. A parameter repeated with the same value is a harmless LRM
 * template quirk (warning). Repeated with different values it is ambiguous: readers disagree on which copy counts
 * (URLSearchParams takes the first, PHP the last), so the console and the platform could search different places;
 * it is refused rather than guessed.
 */
export function readParameters(pairs: readonly RawParameter[], log: IssueLog): LaunchParameters {
  const rawValues = new Map<LaunchParameter, string[]>();
  const unknownSeen = new Set<string>();

  for (const [index, { rawName, rawValue }] of pairs.entries()) {
    const decodedName = decodeComponent(rawName);
    const canonical = decodedName === undefined ? undefined : canonicalName(decodedName);
    if (!canonical) {
      // An unknown name is named by its position, never repeated: a damaged query (`streetname:…`, a lost `=` or
      // `&`) puts the patient's address into "names", and no rule can tell such a name from a harmless one.
      const seenKey = decodedName ?? rawName;
      if (!unknownSeen.has(seenKey)) {
        unknownSeen.add(seenKey);
        log.warn('unknown-parameter', { parameter: `#${index + 1}`, count: index + 1 });
      }
      continue;
    }
    if (canonical.caseDiffers && decodedName !== undefined) {
      log.warn('parameter-name-case', { parameter: decodedName, other: canonical.name });
    }
    const list = rawValues.get(canonical.name);
    if (list) list.push(rawValue);
    else rawValues.set(canonical.name, [rawValue]);
  }

  const values = {} as Record<LaunchParameter, ParameterValue>;
  for (const name of LAUNCH_PARAMETERS) {
    const raws = rawValues.get(name) ?? [];
    const [first] = raws;
    if (first === undefined) {
      values[name] = { state: 'absent' };
      continue;
    }
    if (raws.length > 1) {
      const reference = comparable(first);
      if (raws.some((raw) => comparable(raw) !== reference)) {
        log.error('conflicting-parameter', { parameter: name, count: raws.length });
        values[name] = { state: 'invalid' };
        continue;
      }
      log.warn('duplicate-parameter', { parameter: name, count: raws.length });
    }
    values[name] = readValue(name, first, log);
  }
  return values;
}
