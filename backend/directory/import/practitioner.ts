// One professional's activities (consecutive RPPS lines with the same national id) → a directory practitioner,
// before positions are resolved: the searchable activities only, one place per distinct site.
import type { Coding, Place, Practitioner } from '@shared/domain/care-offer';
import { exclusionOf, specialtyOf, type ActivityExclusion } from './premier-recours';
import { normalizePhone } from './phone';
import type { RppsActivity } from './rpps';

/** A place still to be positioned, with what the cascade needs. */
export interface PendingPlace {
  place: Place;
  finessSite?: string;
}

export interface BuiltPractitioner {
  practitioner: Practitioner;
  pending: PendingPlace[];
}

export type BuildResult =
  | { kept: true; built: BuiltPractitioner; excluded: ActivityExclusion[] }
  | { kept: false; excluded: ActivityExclusion[] };

const PREFIXES: Readonly<Record<string, string>> = { DR: 'Dr', PR: 'Pr' };

function siteKey(activity: RppsActivity): string {
  return [activity.finessSite, activity.structureId, activity.street, activity.postalCode, activity.inseeCode].join(
    '|',
  );
}

function placeOf(activity: RppsActivity): Place {
  const organizationId = activity.structureId ?? (activity.finessSite ? `1${activity.finessSite}` : undefined);
  return {
    ...(activity.street ? { line: activity.street } : {}),
    ...(activity.postalCode ? { postalCode: activity.postalCode } : {}),
    ...(activity.city ? { city: activity.city } : {}),
    // Paris/Lyon/Marseille arrondissements stay as published: comparisons go through canonicalInsee.
    ...(activity.inseeCode ? { inseeCode: activity.inseeCode } : {}),
    ...(organizationId ? { organizationId } : {}),
    ...(activity.siteName ? { organizationName: activity.siteName } : {}),
  };
}

export function buildPractitioner(activities: readonly RppsActivity[]): BuildResult {
  const excluded: ActivityExclusion[] = [];
  const kept: RppsActivity[] = [];
  for (const activity of activities) {
    const reason = exclusionOf(activity);
    if (reason) excluded.push(reason);
    else kept.push(activity);
  }
  const first = kept[0];
  if (!first) return { kept: false, excluded };
  const specialties: Coding[] = [];
  const pending: PendingPlace[] = [];
  const sites = new Set<string>();
  let phone: string | undefined;
  for (const activity of kept) {
    const specialty = specialtyOf(activity);
    if (!specialties.some((coding) => coding.code === specialty.code && coding.system === specialty.system)) {
      specialties.push(specialty);
    }
    phone ??= activity.phone ? normalizePhone(activity.phone) : undefined;
    const key = siteKey(activity);
    if (sites.has(key)) continue;
    sites.add(key);
    pending.push({ place: placeOf(activity), ...(activity.finessSite ? { finessSite: activity.finessSite } : {}) });
  }
  const prefix = first.civilityCode ? PREFIXES[first.civilityCode] : undefined;
  return {
    kept: true,
    excluded,
    built: {
      practitioner: {
        nationalId: first.nationalId,
        familyName: first.familyName,
        ...(first.givenName ? { givenName: first.givenName } : {}),
        ...(prefix ? { prefix } : {}),
        specialties,
        places: pending.map((entry) => entry.place),
        ...(phone ? { phone } : {}),
      },
      pending,
    },
  };
}

/** A practitioner whose lines were not contiguous in the file: the second group's places and specialties added. */
export function mergePractitioners(into: Practitioner, other: Practitioner): Practitioner {
  const specialties = [...into.specialties];
  for (const coding of other.specialties) {
    if (!specialties.some((known) => known.code === coding.code && known.system === coding.system))
      specialties.push(coding);
  }
  return { ...into, specialties, places: [...into.places, ...other.places], phone: into.phone ?? other.phone };
}
