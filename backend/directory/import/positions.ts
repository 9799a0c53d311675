// The position cascade of a practitioner's place: the FINESS site's coordinates when the activity names a geolocated
// site, else the national geocoder (batched) when one is configured, else the commune's centroid.
import type { Place } from '@shared/domain/care-offer';
import type { CommuneTable } from '../../geo/communes';
import type { FinessPosition } from './finess';
import type { BatchGeocoder } from './geocoder-csv';
import type { PendingPlace } from './practitioner';

export interface PositionCounts {
  finess: number;
  geocoder: number;
  commune: number;
  none: number;
}

export interface PositionResolver {
  /** Positions what it can now; returns the places left for the geocoder. */
  resolveLocally(pending: readonly PendingPlace[]): PendingPlace[];
  /** Geocodes a batch, the commune centroid for what it cannot place. */
  resolveBatch(pending: readonly PendingPlace[]): Promise<void>;
  readonly counts: PositionCounts;
}

export function atCommuneCentroid(place: Place, communes: CommuneTable): boolean {
  const commune = place.inseeCode ? communes.byInsee(place.inseeCode) : undefined;
  if (!commune) return false;
  place.point = commune.point;
  place.precision = 'commune';
  return true;
}

export function createPositionResolver(options: {
  finess: ReadonlyMap<string, FinessPosition>;
  communes: CommuneTable;
  geocoder?: BatchGeocoder;
}): PositionResolver {
  const counts: PositionCounts = { finess: 0, geocoder: 0, commune: 0, none: 0 };
  const fallback = (place: Place) => {
    if (atCommuneCentroid(place, options.communes)) counts.commune += 1;
    else counts.none += 1;
  };
  return {
    counts,
    resolveLocally(pending) {
      const left: PendingPlace[] = [];
      for (const entry of pending) {
        const site = entry.finessSite ? options.finess.get(entry.finessSite) : undefined;
        if (site) {
          entry.place.point = site.point;
          entry.place.precision = 'street';
          counts.finess += 1;
        } else if (options.geocoder && entry.place.line) left.push(entry);
        else fallback(entry.place);
      }
      return left;
    },
    async resolveBatch(pending) {
      if (pending.length === 0) return;
      let answers: Awaited<ReturnType<BatchGeocoder['geocode']>> = [];
      try {
        answers =
          (await options.geocoder?.geocode(
            pending.map(({ place }) => ({
              street: place.line ?? '',
              ...(place.postalCode ? { postalCode: place.postalCode } : {}),
              ...(place.city ? { city: place.city } : {}),
              ...(place.inseeCode ? { inseeCode: place.inseeCode } : {}),
            })),
          )) ?? [];
      } catch {
        // An unavailable geocoder degrades the batch to commune centroids; the summary's counts show it.
        answers = [];
      }
      pending.forEach((entry, index) => {
        const answer = answers[index];
        if (answer) {
          entry.place.point = answer.point;
          entry.place.precision = answer.precision;
          counts.geocoder += 1;
        } else fallback(entry.place);
      });
    },
  };
}
