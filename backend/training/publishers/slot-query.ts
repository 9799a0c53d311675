// Reads a slot search the way a publisher's FHIR server would (SAS-GestionnaireAgenda-PsIndiv / CPTS / SOS), and
// checks it against the IG's rules, so the training publishers can both answer and report a non-conforming caller.
import { IDNPS_SYSTEM } from '@shared/domain/identifiers';

export interface SlotQuery {
  resource: 'Slot' | 'Schedule';
  /** IDNPS asked for (Slot) or site ids asked for (Schedule). */
  ids: string[];
  start?: Date;
  end?: Date;
  includes: string[];
  revIncludes: string[];
  status?: string;
  count?: number;
  /** The request URL as received (Bundle.link self). */
  url?: string;
}

export interface QueryCheck {
  query: SlotQuery;
  /** Departures from the IG's request shape (empty when conforming). */
  violations: string[];
}

const MAX_IDS = 25;

export function readSlotQuery(
  resource: 'Slot' | 'Schedule',
  search: URLSearchParams,
  accept: string | undefined,
): QueryCheck {
  const violations: string[] = [];
  const includes = search.getAll('_include').concat(search.getAll('_include:iterate').map((v) => `iterate:${v}`));
  const revIncludes = search.getAll('_revinclude');
  const ids: string[] = [];
  // Slot searches name practitioners; SOS Schedule searches name sites through whichever identifier chain the
  // caller uses, so any `...identifier` parameter is read there.
  const rawIds =
    resource === 'Slot'
      ? search.getAll('schedule.actor:Practitioner.identifier').flatMap((v) => v.split(','))
      : [...search.entries()].filter(([key]) => key.endsWith('identifier')).flatMap(([, v]) => v.split(','));
  for (const raw of rawIds) {
    const bar = raw.indexOf('|');
    const system = bar >= 0 ? raw.slice(0, bar) : '';
    const value = bar >= 0 ? raw.slice(bar + 1) : raw;
    if (resource === 'Slot' && system !== IDNPS_SYSTEM)
      violations.push(`identifiant sans le système IDNPS : ${raw.slice(0, 80)}`);
    if (value) ids.push(value);
  }
  if (resource === 'Slot' && (ids.length < 1 || ids.length > MAX_IDS))
    violations.push(`${ids.length} identifiant(s) demandés (1 à ${MAX_IDS} attendus)`);
  let start: Date | undefined;
  let end: Date | undefined;
  for (const raw of search.getAll('start')) {
    // The IG writes offsets' `+` unencoded; form decoding turns it into a space, which a date never contains.
    const value = raw.replace(/ /gu, '+');
    const date = new Date(value.slice(2));
    if (value.startsWith('ge') && !Number.isNaN(date.getTime())) start = date;
    else if (value.startsWith('le') && !Number.isNaN(date.getTime())) end = date;
    else violations.push(`paramètre start invalide : ${value.slice(0, 60)}`);
  }
  if (resource === 'Slot') {
    if (!start || !end) violations.push('fenêtre start=ge…&start=le… incomplète');
    if (search.get('status') !== 'free') violations.push('status=free absent');
    if (!includes.includes('Slot:schedule')) violations.push('_include=Slot:schedule absent');
    if (!includes.includes('iterate:Schedule:actor')) violations.push('_include:iterate=Schedule:actor absent');
  } else if (!revIncludes.includes('Slot:schedule')) {
    violations.push('_revinclude=Slot:schedule absent');
  }
  if (!accept || !/application\/(json\+fhir|fhir\+json)/u.test(accept))
    violations.push(`en-tête Accept inattendu : ${accept ?? '(absent)'}`);
  const count = search.get('_count');
  return {
    query: {
      resource,
      ids,
      start,
      end,
      includes,
      revIncludes,
      status: search.get('status') ?? undefined,
      count: count ? Number(count) : undefined,
    },
    violations,
  };
}
