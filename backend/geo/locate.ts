// A search's location, complete: geocoded, with its radius (enlarged while too few practitioners are in it).
import type { GeoPoint } from '../../shared/domain/care-offer';
import type { LaunchLocation } from '../../shared/domain/launch';
import type { ResolvedLocation } from '../../shared/domain/search';
import type { GeocodeErrorCode, Geocoder } from './geocoder';
import { cityRadius, countyArea } from './radius';
import type { RadiusTable } from './radius-table';

export interface LocateOptions {
  geocoder: Geocoder;
  radii: RadiusTable;
  /** Practitioners of the searched specialty within `radiusKm` of `point` (the directory's radius query). */
  countPractitionersWithin: (point: GeoPoint, radiusKm: number) => number | Promise<number>;
  minimumPractitioners?: number;
  maxEnlargements?: number;
  signal?: AbortSignal;
  /** The departments the directory covers (training: the data set's); elsewhere the search says so, unenlarged. */
  coverage?: { scope: 'formation'; departments: { code: string; name: string }[] };
}

export type LocateResult =
  { ok: true; location: ResolvedLocation } | { ok: false; code: GeocodeErrorCode; message: string };

export async function locateSearch(location: LaunchLocation, options: LocateOptions): Promise<LocateResult> {
  const geocoded = await options.geocoder.geocode(location, options.signal ? { signal: options.signal } : {});
  if (!geocoded.ok) return geocoded;
  const { location: found } = geocoded;
  const row = options.radii.radiusFor(found.department ?? '');
  const coverage = options.coverage;
  if (coverage && !coverage.departments.some((d) => d.code === found.department)) {
    // Enlarging cannot find anybody where the data set has nobody: say why the list is empty instead.
    const radiusKm = found.precision === 'department' ? row.countyRadiusKm : row.cityDefaultRadiusKm;
    return { ok: true, location: { ...found, radiusKm, enlargements: 0, outsideCoverage: coverage } };
  }
  if (found.precision === 'department') {
    const area = countyArea(row);
    return { ok: true, location: { ...found, radiusKm: area?.radiusKm ?? row.countyRadiusKm, enlargements: 0 } };
  }
  const choice = await cityRadius(row, (radiusKm) => options.countPractitionersWithin(found.point, radiusKm), {
    ...(options.minimumPractitioners !== undefined ? { minimum: options.minimumPractitioners } : {}),
    ...(options.maxEnlargements !== undefined ? { maxEnlargements: options.maxEnlargements } : {}),
  });
  return { ok: true, location: { ...found, radiusKm: choice.radiusKm, enlargements: choice.enlargements } };
}
