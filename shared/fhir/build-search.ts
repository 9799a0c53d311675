// The requests the platform sends to publishers (SAS IG "consommateur"), and the search window (three days).
//
// Slot search (PS individual; CPTS adds two includes), exactly as the guide's Bundle-ExampleBundlePSIndiv link.url:
//   [base]/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&status=free&start=ge<t1>&start=le<t2>
//     &schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1%7C<IDNPS>,...&_count=1000
//     [&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization]
// Only `|` is percent-encoded (`%7C`); `:` and the `+` of the offsets are written raw, as in the guide. A server that
// decodes queries as HTML forms turns that `+` into a space: parseSlotSearchUrl (for our simulated publishers) reads
// the raw URL, and accepts `%2B` too.
import { IDNPS_SYSTEM, IDNST_SYSTEM } from '../domain/identifiers';
import { formatInstant, parseInstant } from './instant';
import type { MappingIssue } from './issues';
import { NATIONAL_ID_PATTERN } from './map-common';
import { excerpt } from './read';
import { offsetMinutes, toLocal, fromLocal, PARIS_TIME_ZONE } from '../util/time-zone';

/** At most 25 practitioners per call (platform batches). */
const MAX_IDS_PER_SEARCH = 25;
const SEARCH_COUNT = 1000;

export interface SlotSearch {
  /** IDNPS of the practitioners, 1 to 25. */
  nationalIds: readonly string[];
  /** FHIR instants with offsets (see computeSearchWindow). */
  start: string;
  end: string;
  /** Ask for CPTS slots' HealthcareService and Organization too. */
  cpts?: boolean;
}

export interface SosScheduleSearch {
  /** IDNST of the SOS Médecins associations (Organization.identifier), 1 to 25. */
  organizationIds: readonly string[];
  start: string;
  end: string;
}

function trimBase(base: string): string {
  return base.replace(/\/+$/u, '');
}

function checkWindow(start: string, end: string): void {
  const s = parseInstant(start);
  const e = parseInstant(end);
  if (s === undefined)
    throw new RangeError(`Début de fenêtre invalide « ${excerpt(start, 40)} » : instant FHIR attendu.`);
  if (e === undefined) throw new RangeError(`Fin de fenêtre invalide « ${excerpt(end, 40)} » : instant FHIR attendu.`);
  if (e.epochMs <= s.epochMs) throw new RangeError('La fin de la fenêtre de recherche doit suivre son début.');
}

function checkIds(ids: readonly string[], label: string, pattern: RegExp): void {
  if (ids.length < 1 || ids.length > MAX_IDS_PER_SEARCH)
    throw new RangeError(`${label} : entre 1 et ${MAX_IDS_PER_SEARCH} identifiants par requête (reçu ${ids.length}).`);
  for (const id of ids)
    if (!pattern.test(id)) throw new RangeError(`${label} : identifiant invalide « ${excerpt(id, 40)} ».`);
}

/**
 * The slot search URL for 1..25 practitioners. Throws RangeError on arguments the caller should never pass
 * (no id, more than 25, an id with `,` or `|`, a window that is not two FHIR instants in order).
 */
export function buildSlotSearchUrl(base: string, search: SlotSearch): string {
  checkIds(search.nationalIds, 'Recherche de créneaux', NATIONAL_ID_PATTERN);
  checkWindow(search.start, search.end);
  const ids = search.nationalIds.map((id) => `${IDNPS_SYSTEM}%7C${id}`).join(',');
  let url =
    `${trimBase(base)}/Slot?_include=Slot:schedule&_include:iterate=Schedule:actor&status=free` +
    `&start=ge${search.start}&start=le${search.end}` +
    `&schedule.actor:Practitioner.identifier=${ids}&_count=${SEARCH_COUNT}`;
  if (search.cpts === true)
    url += '&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization';
  return url;
}

const IDNST_PATTERN = /^[0-9A-Za-z]{2,40}$/u;

/**
 * The SOS Médecins search: Schedules of the associations' consultation sites (Location actors), with their free
 * slots in the window (`_has` reverse chaining), the Locations, the Organizations and the Slots (`_revinclude`),
 * using only the search capabilities of the guide's SAS-GestionnaireAgenda-SOS CapabilityStatement.
 */
export function buildSosScheduleSearchUrl(base: string, search: SosScheduleSearch): string {
  checkIds(search.organizationIds, 'Recherche SOS Médecins', IDNST_PATTERN);
  checkWindow(search.start, search.end);
  const ids = search.organizationIds.map((id) => `${IDNST_SYSTEM}%7C${id}`).join(',');
  return (
    `${trimBase(base)}/Schedule?_has:Slot:schedule:status=free` +
    `&_has:Slot:schedule:start=ge${search.start}&_has:Slot:schedule:start=le${search.end}` +
    `&actor:Location.organization.identifier=${ids}` +
    `&_include=Schedule:actor:Location&_include:iterate=Location:organization&_revinclude=Slot:schedule` +
    `&_count=${SEARCH_COUNT}`
  );
}

export interface SearchWindow {
  /** Now, in the patient's local time with its offset, e.g. `2024-06-12T16:20:00.000+02:00`. */
  start: string;
  /** 23:59:59.999 local time, `days` calendar days later, with the offset in force then. */
  end: string;
  startMs: number;
  endMs: number;
}

/**
 * The search window: from now to 23:59:59.999 two calendar days later (today, tomorrow, the day after) in the
 * patient's time zone (Paris by default; Réunion, Guadeloupe… for an overseas patient, whose days are not Paris
 * days). Both ends are written in that local time with the offset in force at each (a window spanning a DST change
 * has two different offsets), milliseconds always present.
 */
export function computeSearchWindow(now: Date | number, days = 2, timeZone: string = PARIS_TIME_ZONE): SearchWindow {
  const startMs = typeof now === 'number' ? now : now.getTime();
  const today = toLocal(startMs, timeZone);
  const endMs = fromLocal(
    { year: today.year, month: today.month, day: today.day + days, hour: 23, minute: 59, second: 59, millisecond: 999 },
    timeZone,
  );
  return {
    start: formatInstant(startMs, offsetMinutes(startMs, timeZone)),
    end: formatInstant(endMs, offsetMinutes(endMs, timeZone)),
    startMs,
    endMs,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading a slot search (simulated publishers)

interface ParsedSlotSearch {
  nationalIds: string[];
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  cpts: boolean;
  count?: number;
}

export type SlotSearchParse =
  { ok: true; search: ParsedSlotSearch; warnings: MappingIssue[] } | { ok: false; issues: MappingIssue[] };

const KNOWN_INCLUDES = new Set([
  '_include=Slot:schedule',
  '_include:iterate=Schedule:actor',
  '_include=Slot:service-type-reference',
  '_include:iterate=HealthcareService:organization',
]);

/**
 * Reads a slot search URL (or its query string) as a publisher receives it. Never throws; each problem is an issue
 * naming the parameter. Unknown parameters are warnings (a server ignores what it does not support).
 */
export function parseSlotSearchUrl(url: string): SlotSearchParse {
  const issues: MappingIssue[] = [];
  const warnings: MappingIssue[] = [];
  if (url.length > 20_000)
    return { ok: false, issues: [{ code: 'search-too-long', message: 'Requête de recherche trop longue.' }] };
  const q = url.indexOf('?');
  const query = q >= 0 ? url.slice(q + 1) : url;
  const starts: string[] = [];
  const ends: string[] = [];
  let ids: string[] | undefined;
  let status: string | undefined;
  let count: number | undefined;
  let cptsService = false;
  for (const part of query.split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const rawName = eq >= 0 ? part.slice(0, eq) : part;
    const rawValue = eq >= 0 ? part.slice(eq + 1) : '';
    const name = decode(rawName);
    const value = decode(rawValue);
    if (name === undefined || value === undefined) {
      issues.push({
        code: 'search-encoding-invalid',
        message: `Encodage invalide dans « ${excerpt(part, 60)} ».`,
        path: excerpt(rawName, 60),
      });
      continue;
    }
    if (name === '_include' || name === '_include:iterate') {
      const key = `${name}=${value}`;
      if (key === '_include=Slot:service-type-reference') cptsService = true;
      if (!KNOWN_INCLUDES.has(key))
        warnings.push({
          code: 'search-include-unknown',
          message: `Inclusion non prévue par le guide : ${excerpt(key, 80)}.`,
          path: name,
        });
    } else if (name === 'status') {
      status = value;
    } else if (name === 'start') {
      if (value.startsWith('ge')) starts.push(value.slice(2));
      else if (value.startsWith('le')) ends.push(value.slice(2));
      else
        issues.push({
          code: 'search-start-invalid',
          message: 'Le paramètre start doit être préfixé par ge ou le.',
          path: 'start',
        });
    } else if (name === 'schedule.actor:Practitioner.identifier') {
      ids = [];
      for (const token of value.split(',')) {
        const bar = token.indexOf('|');
        const system = bar >= 0 ? token.slice(0, bar) : undefined;
        const id = bar >= 0 ? token.slice(bar + 1) : token;
        if ((system !== undefined && system !== IDNPS_SYSTEM) || !NATIONAL_ID_PATTERN.test(id)) {
          issues.push({
            code: 'search-identifier-invalid',
            message: `Identifiant de praticien invalide « ${excerpt(token, 60)} » (${IDNPS_SYSTEM}|<IDNPS> attendu).`,
            path: name,
          });
        } else ids.push(id);
      }
    } else if (name === '_count') {
      const n = /^\d{1,6}$/u.test(value) ? Number(value) : NaN;
      if (Number.isNaN(n) || n < 1)
        issues.push({ code: 'search-count-invalid', message: '_count doit être un entier positif.', path: '_count' });
      else count = n;
    } else {
      warnings.push({
        code: 'search-parameter-unknown',
        message: `Paramètre non prévu par le guide : ${excerpt(name, 60)}.`,
        path: excerpt(name, 60),
      });
    }
  }
  if (status !== 'free')
    issues.push({
      code: 'search-status-invalid',
      message: 'status=free est attendu (créneaux libres).',
      path: 'status',
    });
  const start = readBound(starts, 'ge', issues);
  const end = readBound(ends, 'le', issues);
  if (start !== undefined && end !== undefined && end.epochMs <= start.epochMs)
    issues.push({
      code: 'search-window-invalid',
      message: 'La borne start=le doit suivre la borne start=ge.',
      path: 'start',
    });
  if (ids === undefined || ids.length === 0)
    issues.push({
      code: 'search-identifier-missing',
      message: 'schedule.actor:Practitioner.identifier (1 à 25 IDNPS) est obligatoire.',
      path: 'schedule.actor:Practitioner.identifier',
    });
  else if (ids.length > MAX_IDS_PER_SEARCH)
    issues.push({
      code: 'search-too-many-identifiers',
      message: `Au plus ${MAX_IDS_PER_SEARCH} praticiens par requête (reçu ${ids.length}).`,
      path: 'schedule.actor:Practitioner.identifier',
    });
  if (issues.length > 0 || start === undefined || end === undefined || ids === undefined) return { ok: false, issues };
  const search: ParsedSlotSearch = {
    nationalIds: ids,
    start: start.text,
    end: end.text,
    startMs: start.epochMs,
    endMs: end.epochMs,
    // The guide's own CPTS example omits the Organization include; the HealthcareService one is what asks for CPTS.
    cpts: cptsService,
  };
  if (count !== undefined) search.count = count;
  return { ok: true, search, warnings };
}

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

function readBound(
  values: string[],
  prefix: 'ge' | 'le',
  issues: MappingIssue[],
): { text: string; epochMs: number } | undefined {
  const [value] = values;
  if (values.length !== 1 || value === undefined) {
    issues.push({
      code: 'search-window-missing',
      message: `Une et une seule borne start=${prefix} est attendue (reçu ${values.length}).`,
      path: 'start',
    });
    return undefined;
  }
  const parsed = parseInstant(value);
  if (parsed === undefined) {
    issues.push({
      code: 'search-start-invalid',
      message: `Borne start=${prefix} invalide « ${excerpt(value, 40)} » : instant FHIR avec fuseau attendu.`,
      path: 'start',
    });
    return undefined;
  }
  return { text: value, epochMs: parsed.epochMs };
}
