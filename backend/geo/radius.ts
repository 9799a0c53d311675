// Choosing the search radius around a point: start at the department's `cityDefaultRadius`, widen by its
// `enlargementValue` while fewer than 5 practitioners are found, a bounded number of times.
import type { GeoPoint } from '../../shared/domain/care-offer';
import type { DepartmentRadius } from './radius-table';

/** The platform's target: enough practitioners for five cards. */
const MINIMUM_PRACTITIONERS = 5;
/** Bound on enlargements, so a search in an empty area stops (Paris: 5 → 20 km, Lozère: 50 → 175 km). */
export const MAX_ENLARGEMENTS = 5;

export interface RadiusChoice {
  radiusKm: number;
  enlargements: number;
  /** Practitioners found within the chosen radius (as the callback counted them). */
  practitionerCount: number;
}

export interface ExpandRadiusOptions {
  initialKm: number;
  stepKm: number;
  /** How many practitioners (of the searched specialty) lie within this radius of the patient. */
  countWithin: (radiusKm: number) => number | Promise<number>;
  minimum?: number;
  maxEnlargements?: number;
}

export async function expandRadius(options: ExpandRadiusOptions): Promise<RadiusChoice> {
  const minimum = options.minimum ?? MINIMUM_PRACTITIONERS;
  const maxEnlargements = options.stepKm > 0 ? Math.max(0, Math.trunc(options.maxEnlargements ?? MAX_ENLARGEMENTS)) : 0;
  let radiusKm = options.initialKm;
  let enlargements = 0;
  let practitionerCount = await options.countWithin(radiusKm);
  while (practitionerCount < minimum && enlargements < maxEnlargements) {
    radiusKm += options.stepKm;
    enlargements += 1;
    practitionerCount = await options.countWithin(radiusKm);
  }
  return { radiusKm, enlargements, practitionerCount };
}

/** The radius around a geocoded point of this department. */
export function cityRadius(
  row: DepartmentRadius,
  countWithin: ExpandRadiusOptions['countWithin'],
  options: Pick<ExpandRadiusOptions, 'minimum' | 'maxEnlargements'> = {},
): Promise<RadiusChoice> {
  return expandRadius({ initialKm: row.cityDefaultRadiusKm, stepKm: row.enlargementValueKm, countWithin, ...options });
}

/** The whole department: its barycentre and `countyRadius`, never enlarged. */
export function countyArea(row: DepartmentRadius): { point: GeoPoint; radiusKm: number } | undefined {
  return row.barycentre ? { point: row.barycentre, radiusKm: row.countyRadiusKm } : undefined;
}
