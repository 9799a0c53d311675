// « Voir tous les professionnels de la CPTS »: every practitioner participating in the SAS via a CPTS, not only
// those the search found. The ones beyond the radius or of another specialty are listed too, marked so, with their
// distance, so the regulator can still reach them through the CPTS.
import type { Coding, Cpts, GeoPoint, Practitioner } from '../../shared/domain/care-offer';
import type { OfferCptsMember } from '../../shared/domain/search';
import { distanceKm } from '../geo/distance';

function nearest(practitioner: Practitioner, point: GeoPoint): number | undefined {
  const distances = practitioner.places.flatMap((place) => (place.point ? [distanceKm(place.point, point)] : []));
  return distances.length > 0 ? Math.min(...distances) : undefined;
}

function hasSpecialty(practitioner: Practitioner, codings: readonly Coding[]): boolean {
  return practitioner.specialties.some((s) => codings.some((c) => c.system === s.system && c.code === s.code));
}

/** Members of a CPTS participating via it, nearest first (unknown distances last). */
export function cptsMembers(
  cpts: Cpts,
  lookUp: (nationalId: string) => Practitioner | undefined,
  search: { point: GeoPoint; radiusKm: number; codings: readonly Coding[] },
): OfferCptsMember[] {
  const members: OfferCptsMember[] = [];
  for (const id of new Set(cpts.memberIds)) {
    const practitioner = lookUp(id);
    if (practitioner === undefined) continue;
    const participation = practitioner.participation;
    // A directory listing a member who declares another participation: the declaration wins.
    if (participation !== undefined && (participation.mode !== 'cpts' || participation.structureId !== cpts.finess))
      continue;
    const distance = nearest(practitioner, search.point);
    const member: OfferCptsMember = {
      practitioner,
      outsideRadius: distance === undefined || distance > search.radiusKm,
      otherSpecialty: !hasSpecialty(practitioner, search.codings),
    };
    if (distance !== undefined) member.distanceKm = Math.round(distance * 10) / 10;
    members.push(member);
  }
  return members.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
}
