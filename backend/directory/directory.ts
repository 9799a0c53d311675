// The care offer in memory: lookups by id, and radius queries through spatial indexes (practitioners by each of
// their places, CPTS, SOS Médecins sites).
import type {
  Coding,
  Cpts,
  GeoPoint,
  HealthStructure,
  Place,
  Practitioner,
  SosSite,
} from '../../shared/domain/care-offer';
import type { NationalId } from '../../shared/domain/identifiers';
import { isGeneralMedicine, specialtyMatches } from '../../shared/domain/specialties';
import type { Publisher } from './publishers';
import type { CareOfferData } from './schema';
import { createGridIndex, type SpatialIndex } from './spatial-index';

interface PractitionerInRadius {
  practitioner: Practitioner;
  distanceKm: number;
  /** The practitioner's place nearest to the point. */
  place: Place;
}

interface CptsInRadius {
  cpts: Cpts;
  distanceKm: number;
}

interface SosSiteInRadius {
  site: SosSite;
  distanceKm: number;
}

interface RadiusQuery {
  point: GeoPoint;
  radiusKm: number;
  /**
   * Only practitioners with this specialty (general medicine codes SM54/SM53/SM26 are interchangeable). Absent: every
   * practitioner. Several codings: any of them (« gynécologue » is two specialties). SOS Médecins sites (general
   * practitioners) come only when it is absent or general medicine.
   */
  specialty?: Coding | readonly Coding[];
}

interface RadiusResult {
  /** Nearest first, each practitioner once. */
  practitioners: PractitionerInRadius[];
  /** Nearest first. A CPTS without a located place is placed at its nearest member. */
  cpts: CptsInRadius[];
  sosSites: SosSiteInRadius[];
}

export interface Directory {
  readonly publishers: readonly Publisher[];
  readonly practitioners: readonly Practitioner[];
  readonly cpts: readonly Cpts[];
  /** MSP and centres de santé (imported from FINESS). */
  readonly structures: readonly HealthStructure[];
  readonly sosSites: readonly SosSite[];
  getPublisher(id: string): Publisher | undefined;
  /** Lookup by IDNPS, e.g. the patient's GP named by the LRM. */
  getPractitioner(nationalId: NationalId): Practitioner | undefined;
  getCpts(finess: string): Cpts | undefined;
  getSosSite(id: string): SosSite | undefined;
  /** "Voir tous les professionnels de la CPTS". */
  cptsMembers(finess: string): Practitioner[];
  findWithinRadius(query: RadiusQuery): RadiusResult;
  /** How many practitioners of the specialty within the radius (for radius enlargement). */
  countPractitionersWithin(point: GeoPoint, radiusKm: number, specialty?: Coding | readonly Coding[]): number;
}

const wantedCodings = (specialty: Coding | readonly Coding[]): readonly Coding[] =>
  'code' in specialty ? [specialty] : specialty;

const matches = (practitioner: Practitioner, specialty?: Coding | readonly Coding[]) =>
  specialty === undefined ||
  wantedCodings(specialty).some((wanted) =>
    practitioner.specialties.some((coding) => specialtyMatches(coding, wanted)),
  );

/** Keeps the first (nearest) hit of each key; hits are already sorted. */
function nearestOnce<T, K>(hits: { value: T; distanceKm: number }[], keyOf: (value: T) => K) {
  const seen = new Set<K>();
  return hits.filter((hit) => {
    const key = keyOf(hit.value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function createDirectory(data: CareOfferData): Directory {
  const practitioners = new Map(data.practitioners.map((practitioner) => [practitioner.nationalId, practitioner]));
  const cptsById = new Map(data.cpts.map((cpts) => [cpts.finess, cpts]));
  const sosById = new Map(data.sosSites.map((site) => [site.id, site]));
  const publishers = new Map(data.publishers.map((publisher) => [publisher.id, publisher]));

  const placeIndex: SpatialIndex<{ practitioner: Practitioner; place: Place }> = createGridIndex(
    data.practitioners.flatMap((practitioner) =>
      practitioner.places.flatMap((place) =>
        place.point ? [{ point: place.point, value: { practitioner, place } }] : [],
      ),
    ),
  );
  const cptsIndex: SpatialIndex<Cpts> = createGridIndex(
    data.cpts.flatMap((cpts) => {
      if (cpts.place?.point) return [{ point: cpts.place.point, value: cpts }];
      return cpts.memberIds.flatMap((id) =>
        (practitioners.get(id)?.places ?? []).flatMap((place) =>
          place.point ? [{ point: place.point, value: cpts }] : [],
        ),
      );
    }),
  );
  const sosIndex: SpatialIndex<SosSite> = createGridIndex(
    data.sosSites.flatMap((site) => (site.place.point ? [{ point: site.place.point, value: site }] : [])),
  );

  const practitionersWithin = (
    point: GeoPoint,
    radiusKm: number,
    specialty?: Coding | readonly Coding[],
  ): PractitionerInRadius[] =>
    nearestOnce(
      placeIndex.within(point, radiusKm).filter((hit) => matches(hit.value.practitioner, specialty)),
      (value) => value.practitioner.nationalId,
    ).map((hit) => ({ practitioner: hit.value.practitioner, place: hit.value.place, distanceKm: hit.distanceKm }));

  return {
    publishers: data.publishers,
    practitioners: data.practitioners,
    cpts: data.cpts,
    structures: data.structures ?? [],
    sosSites: data.sosSites,
    getPublisher: (id) => publishers.get(id),
    getPractitioner: (nationalId) => practitioners.get(nationalId.trim()),
    getCpts: (finess) => cptsById.get(finess),
    getSosSite: (id) => sosById.get(id),
    cptsMembers: (finess) =>
      (cptsById.get(finess)?.memberIds ?? []).flatMap((id) => {
        const member = practitioners.get(id);
        return member ? [member] : [];
      }),
    findWithinRadius({ point, radiusKm, specialty }) {
      const wantsGeneralMedicine = specialty === undefined || wantedCodings(specialty).some(isGeneralMedicine);
      return {
        practitioners: practitionersWithin(point, radiusKm, specialty),
        cpts: nearestOnce(cptsIndex.within(point, radiusKm), (cpts) => cpts.finess).map((hit) => ({
          cpts: hit.value,
          distanceKm: hit.distanceKm,
        })),
        sosSites: wantsGeneralMedicine
          ? sosIndex.within(point, radiusKm).map((hit) => ({ site: hit.value, distanceKm: hit.distanceKm }))
          : [],
      };
    },
    countPractitionersWithin: (point, radiusKm, specialty) => practitionersWithin(point, radiusKm, specialty).length,
  };
}
