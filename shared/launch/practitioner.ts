// `practitioner`: the patient's médecin traitant, as the IDNPS URN of an RPPS doctor or as a name.
import type { GpReference } from '../domain/launch';
import type { IssueLog } from './issue-log';
import type { ParameterValue } from './parameters';

/** `urn:oid:1.2.250.1.71.4.2.1|8` + 11-digit RPPS. URN scheme and NID are case-insensitive (RFC 8141). */
const IDNPS_URN = /^urn:oid:1\.2\.250\.1\.71\.4\.2\.1\|(8\d{11})$/i;
/** What an identifier looks like, as opposed to a name: a URN/OID prefix or a `system|value` bar. */
const IDENTIFIER_LIKE = /^(?:urn|oid):|\|/i;
const LETTER = /\p{L}/u;

/**
 * The GP reference, or undefined. An identifier that is not an RPPS IDNPS (another OID, an ADELI, a bare RPPS)
 * is refused rather than read as a name: searching for a "name" made of digits would silently find nobody, and
 * the platform itself says "le médecin traitant n'a pas pu être identifié". A name needs at least one letter.
 */
export function readPractitioner(value: ParameterValue, log: IssueLog): GpReference | undefined {
  if (value.state === 'invalid') return undefined;
  if (value.state === 'absent') {
    log.warn('missing-practitioner', { parameter: 'practitioner' });
    return undefined;
  }
  const urn = IDNPS_URN.exec(value.text);
  if (urn?.[1]) return { kind: 'national-id', nationalId: urn[1] };
  if (IDENTIFIER_LIKE.test(value.text) || !LETTER.test(value.text)) {
    log.error('practitioner-not-identified', { parameter: 'practitioner' });
    return undefined;
  }
  return { kind: 'name', text: value.text };
}
