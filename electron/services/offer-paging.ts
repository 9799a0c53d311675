// Where a search stands in its offer's pages, as the console's search service follows it: which practitioners
// the stream sent so far (nearest first), how many the radius holds, and what a further page's stream may pass on
// to the renderer. Pure, so the rules are tested without a backend.
import type { OfferPageRange, ResolvedLocation, SearchEvent } from '../../shared/domain/search';

export interface OfferPaging {
  /** The practitioners sent so far are the radius's first `end` (nearest first). */
  end: number;
  total: number;
  /** Practitioners per page, as the backend chose for the first one. */
  size: number;
  /** Where the search looked: a page is of the same radius around the same point, or it is not the same list. */
  point: { lat: number; lon: number };
  radiusKm: number;
}

/** Practitioners per further page: the backend's first page size, within the route's bounds. */
const MAX_PAGE = 1_000;

/** The paging a search's first offer opens (none when the offer holds every practitioner, or says no range). */
export function pagingOf(
  location: ResolvedLocation | undefined,
  range: OfferPageRange | undefined,
  total: number | undefined,
): OfferPaging | undefined {
  if (!location || !range || total === undefined || range.offset !== 0) return undefined;
  return {
    end: range.end,
    total,
    size: Math.min(Math.max(range.end - range.offset, 1), MAX_PAGE),
    point: location.point,
    radiusKm: location.radiusKm,
  };
}

/** The next page to ask for, or none when everything was sent. */
export function nextPage(paging: OfferPaging | undefined): { offset: number; limit: number } | undefined {
  if (!paging || paging.end >= paging.total) return undefined;
  return { offset: paging.end, limit: paging.size };
}

/**
 * The further pages sent so far, as ranges a request may ask for: a retry of a source asks them again, since the
 * tab dropped that source's slots for every practitioner, not only the first page's.
 */
export function pagesSent(paging: OfferPaging | undefined): { offset: number; limit: number }[] {
  const pages: { offset: number; limit: number }[] = [];
  if (!paging) return pages;
  for (let offset = paging.size; offset < paging.end; offset += MAX_PAGE)
    pages.push({ offset, limit: Math.min(MAX_PAGE, paging.end - offset) });
  return pages;
}

/** A page arrived: the practitioners sent now reach its end (pages never move backwards). */
export function advance(paging: OfferPaging, range: OfferPageRange, total: number): OfferPaging {
  return { ...paging, end: Math.max(paging.end, range.end), total };
}

/** Whether a page's stream looked at the same place as the search (the geocoder may answer differently later). */
export function samePlace(paging: OfferPaging, location: ResolvedLocation): boolean {
  return (
    Math.abs(paging.point.lat - location.point.lat) < 1e-9 &&
    Math.abs(paging.point.lon - location.point.lon) < 1e-9 &&
    paging.radiusKm === location.radiusKm
  );
}

/**
 * What a further page's stream passes on to the search's tab: its offer (the page's practitioners), their slots
 * and sources' statuses, and its end. Its location was the search's already (checked by the caller); its errors
 * are the page's, said as such.
 */
export function pageEventForTab(event: SearchEvent): SearchEvent | undefined {
  switch (event.type) {
    case 'location':
      return undefined;
    case 'error':
      return { type: 'error', code: 'offer-page-failed', message: pageFailureMessage(event.message) };
    default:
      return event;
  }
}

export function pageFailureMessage(reason: string): string {
  return `La suite de la liste des praticiens n’a pas pu être chargée : ${reason}`;
}
