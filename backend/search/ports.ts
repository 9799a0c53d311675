// What a search needs from the rest of the backend, as narrow interfaces: the directory, geocoding, the publisher
// registry and the SAS agenda are each implemented in their own module and adapted to these.
import type { Cpts, GeoPoint, HealthStructure, Practitioner, SosSite } from '../../shared/domain/care-offer';
import type { LaunchLocation, SpecialtyReference } from '../../shared/domain/launch';
import type { ResolvedLocation } from '../../shared/domain/search';

/** Geocodes the patient's location and chooses the search radius (enlarged while too few practitioners). */
type LocateOutcome = { ok: true; location: ResolvedLocation } | { ok: false; code: string; message: string };

export interface LocationResolver {
  locate(location: LaunchLocation, specialty: SpecialtyReference, signal: AbortSignal): Promise<LocateOutcome>;
}

export interface Within<T> {
  item: T;
  distanceKm: number;
}

export interface OfferDirectory {
  practitionersWithin(point: GeoPoint, radiusKm: number, specialty: SpecialtyReference): Within<Practitioner>[];
  cptsWithin(point: GeoPoint, radiusKm: number): Within<Cpts>[];
  sosSitesWithin(point: GeoPoint, radiusKm: number): Within<SosSite>[];
  /** MSP and centres de santé (their phone, in second intention). */
  structuresWithin?(point: GeoPoint, radiusKm: number): Within<HealthStructure>[];
  practitionerById(nationalId: string): Practitioner | undefined;
  cptsByFiness(finess: string): Cpts | undefined;
}

export interface PublisherEntry {
  id: string;
  name: string;
  flavour: 'ps' | 'sos';
  fhirBaseUrl: string;
  /** Publisher also returns CPTS slots: ask for the CPTS includes. */
  cpts: boolean;
  /** The publisher takes regulators' accounts (RDV V1): its booking pages can be used from the console. */
  regulatorAccounts: boolean;
}

export interface PublisherRegistry {
  get(id: string): PublisherEntry | undefined;
  all(): PublisherEntry[];
}
