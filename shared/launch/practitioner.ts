// `practitioner`: the patient's médecin traitant, as a national id (IDNPS, with or without its URN), a bare RPPS or
// ADELI number, or a name. A value that identifies nobody is a warning: the search runs without the GP.
import type { GpReference } from '../domain/launch';
import { IDNPS_SYSTEM } from '../domain/identifiers';
import type { IssueLog } from './issue-log';
import type { ParameterValue } from './parameters';

/**
 * The IDNPS OID, then `|`. URN scheme and NID are case-insensitive (RFC 8141); the `urn:oid:` prefix may be missing
 * (`1.2.250.1.71.4.2.1|8…`): the OID alone says which identifier it is.
 */
const IDNPS_OID = IDNPS_SYSTEM.replace(/^urn:oid:/u, '').replace(/\./gu, '\\.');
const IDNPS_URN = new RegExp(`^(?:urn:)?(?:oid:)?${IDNPS_OID}\\|(.+)$`, 'iu');
/** IDNPS forms: `8` + RPPS (11 digits), `0` + ADELI (9 digits), `3` + FINESS + `/` + the structure's own number. */
const IDNPS = /^(?:8\d{11}|0\d{9}|3(?:\d{2}|2[AB])\d{7}\/[0-9A-Za-z]{1,30})$/u;
const RPPS = /^\d{11}$/u;
const ADELI = /^\d{9}$/u;
/** What an identifier looks like, as opposed to a name: a URN/OID prefix or a `system|value` bar. */
const IDENTIFIER_LIKE = /^(?:urn|oid):|\|/iu;
const LETTER = /\p{L}/u;

/** The Luhn key of an RPPS number (its 11th digit), as the RPPS directory computes it. */
function rppsKeyIsValid(rpps: string): boolean {
  let sum = 0;
  for (let i = 0; i < rpps.length; i += 1) {
    let digit = Number(rpps[rpps.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

interface NormalizedIdnps {
  /** `8…` (RPPS), `0…` (ADELI) or `3…/…` (FINESS + local number). */
  idnps: string;
  /** A bare 11-digit number read as an RPPS: only then is its Luhn key worth checking (an IDNPS says what it is). */
  bareRpps: boolean;
}

/** The IDNPS a value names, in its normalised form, or undefined. Spaces or dots between digits do not count. */
function normalizeIdnps(value: string): NormalizedIdnps | undefined {
  const text = value.trim();
  const urn = IDNPS_URN.exec(text)?.[1];
  if (urn !== undefined) return IDNPS.test(urn) ? { idnps: urn, bareRpps: false } : undefined;
  if (IDNPS.test(text)) return { idnps: text, bareRpps: false };
  const digits = text.replace(/[\s.]/gu, '');
  if (RPPS.test(digits)) return { idnps: `8${digits}`, bareRpps: true };
  if (ADELI.test(digits)) return { idnps: `0${digits}`, bareRpps: false };
  return undefined;
}

/**
 * The GP reference, or undefined. An identifier that names nobody (another OID, 10 digits) is not read as a name
 * (searching for a "name" made of digits would silently find nobody) but it never costs the regulator the search:
 * it is a warning, shown in the tab. A bare 11-digit number whose Luhn key fails is still looked up, with a warning:
 * the directory is the judge of whether the doctor exists.
 */
export function readPractitioner(value: ParameterValue, log: IssueLog): GpReference | undefined {
  if (value.state === 'invalid') return undefined;
  if (value.state === 'absent') {
    log.warn('missing-practitioner', { parameter: 'practitioner' });
    return undefined;
  }
  const normalized = normalizeIdnps(value.text);
  if (normalized !== undefined) {
    if (normalized.bareRpps && !rppsKeyIsValid(normalized.idnps.slice(1)))
      log.warn('rpps-check-digit', { parameter: 'practitioner' });
    return { kind: 'national-id', nationalId: normalized.idnps };
  }
  if (IDENTIFIER_LIKE.test(value.text) || !LETTER.test(value.text)) {
    log.warn('practitioner-not-identified', { parameter: 'practitioner' });
    return undefined;
  }
  return { kind: 'name', text: value.text };
}
