// The "Médecin traitant" field of the search bar: what the regulator types (a name, an RPPS, an IDNPS or the
// LRM's IDNPS URN) read into a GP reference, or a French message saying what is wrong. Never throws.
import type { GpReference } from '../../shared/domain/launch';
import { IDNPS_SYSTEM, parseNationalId } from '../../shared/domain/identifiers';
import { fr } from '../i18n/fr';

export const GP_FIELD_MAX = 120;

export type GpFieldResult = { ok: true; reference?: GpReference } | { ok: false; message: string };

const URN = /^urn:oid:1\.2\.250\.1\.71\.4\.2\.1\|([0-9A-Za-z/]{1,40})$/iu;
const RPPS_LABELLED = /^rpps\s*:?\s*(\d{11})$/iu;
const RPPS = /^\d{11}$/u;
const IDNPS_RPPS = /^8\d{11}$/u;
const IDENTIFIER_LIKE = /^(?:urn|oid):|\|/iu;
const LETTER = /\p{L}/u;
// Control characters have no place in a name and would reach the backend's logs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

export function parseGpField(input: string): GpFieldResult {
  const text = input.trim().replace(/\s+/gu, ' ');
  if (text === '') return { ok: true };
  if (text.length > GP_FIELD_MAX) return { ok: false, message: fr.search.gpTooLong(GP_FIELD_MAX) };
  if (CONTROL.test(text)) return { ok: false, message: fr.search.gpInvalidCharacters };
  const urn = URN.exec(text)?.[1];
  if (urn) return { ok: true, reference: { kind: 'national-id', nationalId: urn } };
  const labelled = RPPS_LABELLED.exec(text)?.[1];
  if (labelled) return { ok: true, reference: { kind: 'national-id', nationalId: `8${labelled}` } };
  if (RPPS.test(text)) return { ok: true, reference: { kind: 'national-id', nationalId: `8${text}` } };
  if (IDNPS_RPPS.test(text)) return { ok: true, reference: { kind: 'national-id', nationalId: text } };
  if (IDENTIFIER_LIKE.test(text) || !LETTER.test(text)) return { ok: false, message: fr.search.gpNotIdentified };
  return { ok: true, reference: { kind: 'name', text } };
}

/** What the field shows for a reference: "RPPS 10002673899" for RPPS doctors, the IDNPS URN for other ids. */
export function formatGpReference(reference: GpReference): string {
  if (reference.kind === 'name') return reference.text;
  const parsed = parseNationalId(reference.nationalId);
  return parsed.kind === 'rpps' && parsed.rpps ? `RPPS ${parsed.rpps}` : `${IDNPS_SYSTEM}|${reference.nationalId}`;
}
