// `specialty` (alias `speciality`, plain-search fallback `text`): a coded specialty or profession, or free text.
import type { SpecialtyReference } from '../domain/launch';
import type { IssueLog } from './issue-log';
import type { LaunchParameters } from './parameters';

/**
 * `urn:oid:<oid>|<code>`: any OID (TRE_R38 specialties, TRE_G15 professions...), the code as the terminology
 * spells it. Which OIDs are supported is the directory's business, not the parser's.
 */
const SPECIALTY_URN = /^urn:oid:((?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))+)\|([A-Za-z0-9._-]{1,40})$/i;
const IDENTIFIER_LIKE = /^(?:urn|oid):|\|/i;
const LETTER = /\p{L}/u;

function interpret(text: string, parameter: string, log: IssueLog): SpecialtyReference | undefined {
  const urn = SPECIALTY_URN.exec(text);
  if (urn?.[1] && urn[2]) return { kind: 'coded', coding: { system: `urn:oid:${urn[1]}`, code: urn[2] } };
  // Free text needs a letter: "40" alone is a profession code without its system, not a specialty name.
  if (IDENTIFIER_LIKE.test(text) || !LETTER.test(text)) {
    log.error('invalid-specialty', { parameter });
    return undefined;
  }
  return { kind: 'text', text };
}

/**
 * The specialty sought, or undefined (the caller then searches general medicine). `specialty` wins over its
 * misspelling `speciality`; both win over the plain-search `text`, which is used only as a last resort.
 */
export function readSpecialty(params: LaunchParameters, log: IssueLog): SpecialtyReference | undefined {
  const { specialty, speciality, text } = params;
  if (specialty.state !== 'absent' && speciality.state !== 'absent') {
    log.warn('specialty-alias-conflict', { parameter: 'speciality', other: 'specialty' });
  }
  const [chosen, name] =
    specialty.state !== 'absent'
      ? [specialty, 'specialty']
      : speciality.state !== 'absent'
        ? [speciality, 'speciality']
        : [text, 'text'];
  if (name !== 'text' && text.state !== 'absent') {
    log.warn('plain-search-ignored', { parameter: 'text', other: name });
  }
  if (chosen.state !== 'present') return undefined;
  if (name === 'text') log.warn('plain-search-fallback', { parameter: 'text', other: 'specialty' });
  return interpret(chosen.text, name, log);
}
