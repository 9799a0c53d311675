// National identifier systems of the French health directory (RPPS / FINESS), as used by the SAS IG.
// Kept in one place: publishers and the IG itself spell them inconsistently, the console never does.

/** OID of practitioner national ids (IDNPS): `8`+RPPS, `0`+ADELI, `3`+FINESS+`/`+local number. */
export const IDNPS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';
/** OID of structure national ids (IDNST): `1`+FINESS, `3`+SIRET, `4`+RPPS rang. */
export const IDNST_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.2';
/** The SAS platform's own OID (meta.source, technical regulator ids). */
export const SAS_PLATFORM_OID = 'urn:oid:1.2.250.1.213.3.6';

/** A practitioner's national id (IDNPS) as a string, e.g. `810002673899`. */
export type NationalId = string;

export type NationalIdKind = 'rpps' | 'adeli' | 'finess-local' | 'other';

export interface ParsedNationalId {
  kind: NationalIdKind;
  /** The id as given (IDNPS form). */
  idnps: NationalId;
  /** The RPPS number (11 digits) when kind is `rpps`. */
  rpps?: string;
  /** The ADELI number (9 digits) when kind is `adeli`. */
  adeli?: string;
}

const RPPS_IDNPS = /^8(\d{11})$/;
const ADELI_IDNPS = /^0(\d{9})$/;
const FINESS_LOCAL_IDNPS = /^3\d{9}\/\S{1,40}$/;

/** Classifies an IDNPS. Never assumes the `8` prefix: regulators without RPPS have other forms. */
export function parseNationalId(idnps: string): ParsedNationalId {
  const rpps = RPPS_IDNPS.exec(idnps);
  if (rpps?.[1]) return { kind: 'rpps', idnps, rpps: rpps[1] };
  const adeli = ADELI_IDNPS.exec(idnps);
  if (adeli?.[1]) return { kind: 'adeli', idnps, adeli: adeli[1] };
  if (FINESS_LOCAL_IDNPS.test(idnps)) return { kind: 'finess-local', idnps };
  return { kind: 'other', idnps };
}

/** FINESS numbers are 9 characters (digits, with 2A/2B for Corsica). */
export const FINESS_PATTERN = /^(\d{2}|2A|2B)\d{7}$/;

/** The IDNST of a structure known by its FINESS: `1` + FINESS. */
export function idnstFromFiness(finess: string): string {
  return `1${finess}`;
}

/** The FINESS inside an IDNST of the form `1`+FINESS, else undefined. */
export function finessFromIdnst(idnst: string): string | undefined {
  if (!idnst.startsWith('1')) return undefined;
  const finess = idnst.slice(1);
  return FINESS_PATTERN.test(finess) ? finess : undefined;
}
