// Pieces shared by the SAS resource mappers: identifiers, names, telecoms, addresses, codings.
import type { Coding, GeoPoint, Place } from '../domain/care-offer';
import { IDNPS_SYSTEM, IDNST_SYSTEM, finessFromIdnst, FINESS_PATTERN } from '../domain/identifiers';
import type { IssueSink } from './issues';
import { LIMITS, child, excerpt, isRecord, own, plainText, records, strings, type JsonRecord } from './read';

/** IDNPS values as the console API accepts them (`8`+RPPS, `0`+ADELI, `3`+FINESS+`/`+local id...). */
export const NATIONAL_ID_PATTERN = /^[0-9A-Za-z/]{2,40}$/u;
/** Phone numbers as publishers write them (`+33...`, `05 53 ...`). */
const PHONE_PATTERN = /^\+?[0-9][0-9 .()-]{2,29}$/u;
const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{1,63}$/u;

/** The identifier-type codes of an Identifier (`IDNPS`, `IDNST`, `INTRN`...), whatever the code system. */
export function identifierTypeCodes(identifier: JsonRecord): string[] {
  const type = child(identifier, 'type');
  if (type === undefined) return [];
  return records(type, 'coding')
    .map((c) => own(c, 'code'))
    .filter((c): c is string => typeof c === 'string');
}

/** True when an Identifier denotes a practitioner national id (system IDNPS or type IDNPS). */
export function isIdnpsIdentifier(identifier: JsonRecord): boolean {
  return own(identifier, 'system') === IDNPS_SYSTEM || identifierTypeCodes(identifier).includes('IDNPS');
}

/**
 * True when an Identifier denotes a structure national id: system IDNST, or type code `IDNST` in any of the three
 * code systems the guide uses (fr-v2-0203, fr-core-cs-v2-0203, fr-location-identifier-type) or another one.
 */
function isIdnstIdentifier(identifier: JsonRecord): boolean {
  return own(identifier, 'system') === IDNST_SYSTEM || identifierTypeCodes(identifier).includes('IDNST');
}

/** The IDNPS among identifiers, validated. Issues name `path`. */
export function readNationalId(identifiers: JsonRecord[], sink: IssueSink, path: string): string | undefined {
  const candidates = identifiers.filter(isIdnpsIdentifier);
  if (candidates.length === 0) return undefined;
  for (const identifier of candidates) {
    const value = own(identifier, 'value');
    if (typeof value === 'string' && NATIONAL_ID_PATTERN.test(value.trim())) return value.trim();
  }
  const first = own(candidates[0] ?? {}, 'value');
  sink.add(
    'practitioner-idnps-invalid',
    typeof first === 'string'
      ? `Identifiant national (IDNPS) invalide : « ${excerpt(first)} » (2 à 40 lettres, chiffres ou « / »).`
      : 'Identifiant national (IDNPS) sans valeur.',
    `${path}.value`,
  );
  return undefined;
}

/** The IDNST value among identifiers (first valid one). */
export function readStructureId(identifiers: JsonRecord[]): string | undefined {
  for (const identifier of identifiers) {
    if (!isIdnstIdentifier(identifier)) continue;
    const value = plainText(identifier, 'value', 64);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** FINESS of a structure: from an IDNST `1`+FINESS, or a bare 9-character FINESS value. */
export function readFiness(identifiers: JsonRecord[]): string | undefined {
  const idnst = readStructureId(identifiers);
  if (idnst !== undefined) {
    const finess = finessFromIdnst(idnst);
    if (finess !== undefined) return finess;
  }
  for (const identifier of identifiers) {
    const value = plainText(identifier, 'value', 64);
    if (value !== undefined && FINESS_PATTERN.test(value)) return value;
  }
  return undefined;
}

export interface PersonName {
  familyName?: string;
  givenName?: string;
  prefix?: string;
}

/** The name to show: the `official` one when marked, else `usual`, else the first. */
export function readName(names: JsonRecord[]): PersonName {
  const byUse = (use: string) => names.find((n) => own(n, 'use') === use);
  const name = byUse('official') ?? byUse('usual') ?? names[0];
  if (name === undefined) return {};
  const out: PersonName = {};
  const family = plainText(name, 'family') ?? plainText(name, 'text');
  if (family !== undefined) out.familyName = family;
  const given = strings(name, 'given', 100);
  if (given.length > 0) out.givenName = given.join(' ');
  const prefix = strings(name, 'prefix', 40);
  if (prefix.length > 0) out.prefix = prefix.join(' ');
  return out;
}

/** The first telecom of a system (`phone`, `email`), validated; an invalid one gives an issue and is skipped. */
export function readTelecom(
  resource: JsonRecord,
  system: 'phone' | 'email',
  sink: IssueSink,
  path: string,
): string | undefined {
  const pattern = system === 'phone' ? PHONE_PATTERN : EMAIL_PATTERN;
  const entries = records(resource, 'telecom').filter((t) => own(t, 'system') === system);
  for (const telecom of entries) {
    const value = own(telecom, 'value');
    if (typeof value === 'string' && value.length <= 320 && pattern.test(value.trim())) return value.trim();
    sink.add(
      system === 'phone' ? 'phone-invalid' : 'email-invalid',
      typeof value === 'string'
        ? `${system === 'phone' ? 'Numéro de téléphone' : 'Adresse électronique'} invalide : « ${excerpt(value)} ».`
        : `${path} sans valeur exploitable.`,
      `${path}.value`,
    );
  }
  return undefined;
}

/** Address of a Location/Organization as a domain Place (lines joined with ", "). */
export function readAddress(address: JsonRecord | undefined): Place {
  const place: Place = {};
  if (address === undefined) return place;
  const lines = strings(address, 'line', 200);
  if (lines.length > 0) place.line = lines.join(', ');
  const postalCode = plainText(address, 'postalCode', 20);
  if (postalCode !== undefined) place.postalCode = postalCode;
  const city = plainText(address, 'city', 200);
  if (city !== undefined) place.city = city;
  return place;
}

/** Location.position as a point; out-of-range or non-numeric coordinates give an issue. */
function readPosition(location: JsonRecord, sink: IssueSink, path: string): GeoPoint | undefined {
  const position = own(location, 'position');
  if (position === undefined) return undefined;
  if (isRecord(position)) {
    const lat = own(position, 'latitude');
    const lon = own(position, 'longitude');
    if (
      typeof lat === 'number' &&
      typeof lon === 'number' &&
      Number.isFinite(lat) &&
      Number.isFinite(lon) &&
      Math.abs(lat) <= 90 &&
      Math.abs(lon) <= 180
    ) {
      return { lat, lon };
    }
  }
  sink.add(
    'location-position-invalid',
    'Coordonnées du lieu invalides (latitude/longitude en degrés attendues).',
    path,
  );
  return undefined;
}

/** A Location resource as a Place: address and position. */
export function readLocationPlace(location: JsonRecord, sink: IssueSink, path: string): Place {
  const place = readAddress(child(location, 'address'));
  const point = readPosition(location, sink, `${path}.position`);
  if (point !== undefined) place.point = point;
  return place;
}

/** Codings of CodeableConcepts that have both a system and a code (text-only concepts carry nothing to filter on). */
export function readCodings(concepts: JsonRecord[]): Coding[] {
  const out: Coding[] = [];
  for (const concept of concepts) {
    for (const coding of records(concept, 'coding')) {
      const system = plainText(coding, 'system', 200);
      const code = plainText(coding, 'code', 100);
      if (system === undefined || code === undefined) continue;
      const display = plainText(coding, 'display', 200);
      const value: Coding = { system, code };
      if (display !== undefined) value.display = display;
      if (!out.some((c) => c.system === system && c.code === code)) out.push(value);
    }
  }
  return out;
}

/** The profiles a resource claims (meta.profile), bounded. */
export function profilesOf(resource: JsonRecord): string[] {
  const meta = child(resource, 'meta');
  return meta === undefined ? [] : strings(meta, 'profile', LIMITS.url);
}

/** Same place, field by field (places are small flat records; order of keys does not matter). */
export function samePlace(a: Place, b: Place | undefined): boolean {
  if (b === undefined) return false;
  return (
    a.line === b.line &&
    a.postalCode === b.postalCode &&
    a.city === b.city &&
    a.inseeCode === b.inseeCode &&
    a.point?.lat === b.point?.lat &&
    a.point?.lon === b.point?.lon &&
    a.organizationId === b.organizationId &&
    a.organizationName === b.organizationName
  );
}
