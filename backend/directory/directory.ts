// The care offer in memory: lookups by id, and radius queries through spatial indexes: practitioners by each of
// their places, one index per specialty class (a search visits only its specialty's points, so a Paris
// general-medicine search never touches the city's other specialists), and CPTS, MSP / centres de santé and SOS
// Médecins sites each in their own index.
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
import { isGeneralMedicine, specialtyCodeSystem } from '../../shared/domain/specialties';
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

interface StructureInRadius {
  structure: HealthStructure;
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
  /** MSP and centres de santé, nearest first. */
  structures: StructureInRadius[];
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
  /** An MSP or centre de santé by FINESS. */
  getStructure(finess: string): HealthStructure | undefined;
  /** "Voir tous les professionnels de la CPTS". */
  cptsMembers(finess: string): Practitioner[];
  findWithinRadius(query: RadiusQuery): RadiusResult;
  /** How many practitioners of the specialty within the radius (for radius enlargement). */
  countPractitionersWithin(point: GeoPoint, radiusKm: number, specialty?: Coding | readonly Coding[]): number;
}

const wantedCodings = (specialty: Coding | readonly Coding[]): readonly Coding[] =>
  'code' in specialty ? [specialty] : specialty;

/** The index a coding belongs to: general medicine codes (SM54/SM53/SM26) share one, as they match each other. */
function specialtyKey(coding: Coding): string {
  if (isGeneralMedicine(coding)) return 'general-medicine';
  return `${specialtyCodeSystem(coding.system) ?? coding.system.trim()}|${coding.code.trim()}`;
}

interface PlaceOf {
  practitioner: Practitioner;
  place: Place;
}

/** An object whose properties are computed on first read, once. */
function lazily<T extends object>(parts: { [K in keyof T]: () => T[K] }): T {
  const result = {} as T;
  for (const key of Object.keys(parts) as (keyof T)[]) {
    let value: T[typeof key] | undefined;
    let done = false;
    Object.defineProperty(result, key, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = parts[key]();
          done = true;
        }
        return value;
      },
    });
  }
  return result;
}

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

  const structuresByFiness = new Map((data.structures ?? []).map((structure) => [structure.finess, structure]));
  const placesByKey = new Map<string, { point: GeoPoint; value: PlaceOf }[]>();
  for (const practitioner of data.practitioners) {
    const keys = new Set(practitioner.specialties.map(specialtyKey));
    for (const place of practitioner.places) {
      if (!place.point) continue;
      for (const key of keys) {
        const list = placesByKey.get(key) ?? [];
        list.push({ point: place.point, value: { practitioner, place } });
        placesByKey.set(key, list);
      }
    }
  }
  const bySpecialty = new Map([...placesByKey].map(([key, entries]) => [key, createGridIndex(entries)]));
  const everyPlace: SpatialIndex<PlaceOf> = createGridIndex(
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
  const structureIndex: SpatialIndex<HealthStructure> = createGridIndex(
    (data.structures ?? []).flatMap((structure) =>
      structure.place?.point ? [{ point: structure.place.point, value: structure }] : [],
    ),
  );

  const hitsWithin = (point: GeoPoint, radiusKm: number, specialty?: Coding | readonly Coding[]) => {
    if (specialty === undefined) return everyPlace.within(point, radiusKm);
    const keys = [...new Set(wantedCodings(specialty).map(specialtyKey))];
    const hits = keys.flatMap((key) => bySpecialty.get(key)?.within(point, radiusKm) ?? []);
    return keys.length > 1 ? hits.sort((a, b) => a.distanceKm - b.distanceKm) : hits;
  };
  // The search locates the patient (counting practitioners, enlarging the radius) and then selects the offer with
  // the same point, radius and specialty: the last answer is kept so that is one radius query, not two.
  let last: { key: string; result: PractitionerInRadius[] } | undefined;
  const practitionersWithin = (
    point: GeoPoint,
    radiusKm: number,
    specialty?: Coding | readonly Coding[],
  ): PractitionerInRadius[] => {
    const key = `${point.lat}|${point.lon}|${radiusKm}|${specialty === undefined ? '*' : wantedCodings(specialty).map(specialtyKey).join(',')}`;
    if (last?.key === key) return last.result;
    const result = nearestOnce(hitsWithin(point, radiusKm, specialty), (value) => value.practitioner.nationalId).map(
      (hit) => ({ practitioner: hit.value.practitioner, place: hit.value.place, distanceKm: hit.distanceKm }),
    );
    last = { key, result };
    return result;
  };

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
    getStructure: (finess) => structuresByFiness.get(finess),
    cptsMembers: (finess) =>
      (cptsById.get(finess)?.memberIds ?? []).flatMap((id) => {
        const member = practitioners.get(id);
        return member ? [member] : [];
      }),
    findWithinRadius({ point, radiusKm, specialty }) {
      const wantsGeneralMedicine = specialty === undefined || wantedCodings(specialty).some(isGeneralMedicine);
      // Each part is computed when read: a caller after the CPTS and SOS sites does not pay for every practitioner
      // of every specialty in the radius (tens of thousands for a department).
      return lazily({
        practitioners: () => practitionersWithin(point, radiusKm, specialty),
        cpts: () =>
          nearestOnce(cptsIndex.within(point, radiusKm), (cpts) => cpts.finess).map((hit) => ({
            cpts: hit.value,
            distanceKm: hit.distanceKm,
          })),
        sosSites: () =>
          wantsGeneralMedicine
            ? sosIndex.within(point, radiusKm).map((hit) => ({ site: hit.value, distanceKm: hit.distanceKm }))
            : [],
        structures: () =>
          structureIndex.within(point, radiusKm).map((hit) => ({ structure: hit.value, distanceKm: hit.distanceKm })),
      });
    },
    countPractitionersWithin: (point, radiusKm, specialty) => practitionersWithin(point, radiusKm, specialty).length,
  };
}
