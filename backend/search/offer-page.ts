// The offer a search sends is bounded: the nearest practitioners (a page), the total, and the GP when further;
// the console asks for the rest page by page as the regulator scrolls or filters. A department-wide search
// (20,000 practitioners) would otherwise be a 10 MB event line, and a publisher fan-out to every one of them.
import type { SpecialtyReference } from '../../shared/domain/launch';
import type { GeoPoint } from '../../shared/domain/care-offer';
import type { OfferPageRange, OfferPractitioner } from '../../shared/domain/search';
import type { OfferDirectory } from './ports';

/** Practitioners in the `offer` event unless configured otherwise. */
export const DEFAULT_OFFER_PAGE_SIZE = 300;

/** The nearest `size` (the list is nearest first), plus the patient's GP when it is further. */
export function firstOfferPage(
  practitioners: readonly OfferPractitioner[],
  size: number,
): { shown: OfferPractitioner[]; total: number } {
  const shown = practitioners.slice(0, size);
  const gp = practitioners.slice(size).find((entry) => entry.isGp);
  return { shown: gp ? [...shown, gp] : shown, total: practitioners.length };
}

/**
 * The page a search request asks for: the first (the nearest `size`, the GP added when further) or a further one
 * from `offset`, without the GP (the first page always carried it).
 */
export function requestedOfferPage(
  practitioners: readonly OfferPractitioner[],
  size: number,
  further?: { offset: number; limit: number },
): { shown: OfferPractitioner[]; total: number; range: OfferPageRange } {
  if (!further) {
    const first = firstOfferPage(practitioners, size);
    return { ...first, range: { offset: 0, end: Math.min(size, practitioners.length) } };
  }
  const offset = Math.min(further.offset, practitioners.length);
  const end = Math.min(offset + further.limit, practitioners.length);
  return {
    shown: practitioners.slice(offset, end).filter((entry) => !entry.isGp),
    total: practitioners.length,
    range: { offset, end },
  };
}

interface OfferPageRequest {
  point: GeoPoint;
  radiusKm: number;
  specialty: SpecialtyReference;
  offset: number;
  limit: number;
}

/** Practitioners `offset`… of the same radius query as the search's (same order: nearest first). */
export function offerPage(
  directory: OfferDirectory,
  request: OfferPageRequest,
): { practitioners: OfferPractitioner[]; total: number } {
  const all = directory.practitionersWithin(request.point, request.radiusKm, request.specialty);
  return {
    practitioners: all.slice(request.offset, request.offset + request.limit).map(({ item, distanceKm }) => ({
      practitioner: item,
      distanceKm,
      isGp: false,
    })),
    total: all.length,
  };
}
