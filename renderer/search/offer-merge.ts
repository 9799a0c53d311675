// A search's care offer grows: a further page of practitioners, or a retry's offer (the first page again), joins
// what the tab already holds. Nothing held is lost and nothing is listed twice (a practitioner by national id, a
// CPTS by FINESS, a SOS site or structure by id); the radius total is the latest the backend said.
import type { CareOffer, OfferPageRange } from '../../shared/domain/search';

function unionBy<T>(known: readonly T[], more: readonly T[], key: (item: T) => string): T[] {
  const keys = new Set(known.map(key));
  const added: T[] = [];
  for (const item of more) {
    const k = key(item);
    if (keys.has(k)) continue;
    keys.add(k);
    added.push(item);
  }
  return added.length === 0 ? [...known] : [...known, ...added];
}

/** The practitioners held cover the radius's first `end` once every page up to it arrived. */
function mergedRange(known: OfferPageRange | undefined, more: OfferPageRange | undefined): OfferPageRange | undefined {
  if (!known) return more;
  if (!more) return known;
  // A page that does not follow what is held leaves a gap: the range held stays where it was.
  const end = more.offset <= known.end ? Math.max(known.end, more.end) : known.end;
  return { offset: Math.min(known.offset, more.offset), end };
}

export function mergeOffer(known: CareOffer, more: CareOffer): CareOffer {
  const page = mergedRange(known.page, more.page);
  const structures = unionBy(known.structures ?? [], more.structures ?? [], (s) => s.structure.finess);
  const total = more.practitionerTotal ?? known.practitionerTotal;
  return {
    practitioners: unionBy(known.practitioners, more.practitioners, (p) => p.practitioner.nationalId),
    cpts: unionBy(known.cpts, more.cpts, (c) => c.cpts.finess),
    sosSites: unionBy(known.sosSites, more.sosSites, (s) => s.site.id),
    sources: unionBy(known.sources, more.sources, (s) => s.id),
    ...(total !== undefined ? { practitionerTotal: total } : {}),
    ...(page ? { page } : {}),
    ...(structures.length > 0 ? { structures } : {}),
  };
}

/** Practitioners of the radius not sent yet (0 when the offer holds them all, or says nothing of a total). */
export function practitionersLeft(offer: CareOffer | undefined): number {
  if (!offer?.page || offer.practitionerTotal === undefined) return 0;
  return Math.max(0, offer.practitionerTotal - offer.page.end);
}
