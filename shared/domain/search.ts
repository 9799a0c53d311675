// A search of care offer around a patient, and the events its stream carries.
import type { Cpts, GeoPoint, HealthStructure, Practitioner, SosSite } from './care-offer';
import type { GpReference, LaunchLocation, SpecialtyReference } from './launch';
import type { Slot } from './slot';

export interface SearchQuery {
  /** Absent: general medicine (TRE_R38 SM54). */
  specialty?: SpecialtyReference;
  location: LaunchLocation;
  gp?: GpReference;
  /** LRM origin, when the search comes from a launch. */
  origin?: string;
}

/** How the patient's location was resolved. `commune` = commune centroid, a "position approximative". */
export type GeocodePrecision = 'street' | 'commune' | 'department';

export interface ResolvedLocation {
  point: GeoPoint;
  precision: GeocodePrecision;
  /** Human label, e.g. "12 Rue Paul Vidal, 47000 Agen" or "Agen (47)". */
  label: string;
  inseeCode?: string;
  department?: string;
  /** Search radius in km and how many times it was enlarged. */
  radiusKm: number;
  enlargements: number;
  /** French, when the position is less precise than asked (street not found, geocoder down) or a homonym was chosen. */
  notice?: string;
  /** The address service's score (0–1) of the street it found; below `LOW_ADDRESS_SCORE` the console says so. */
  addressScore?: number;
  /** The location lies outside the data the backend holds (the training data set's departments). */
  outsideCoverage?: { scope: 'formation'; departments: { code: string; name: string }[] };
}

/** An address found with a score below this is shown with a plain notice: the regulator checks it with the caller. */
export const LOW_ADDRESS_SCORE = 0.8;

type SourceKind = 'publisher' | 'sas-agenda';

/** One place slots come from: a publisher, or the SAS agenda. */
export interface SourceInfo {
  id: string;
  name: string;
  kind: SourceKind;
}

type SourceState = 'pending' | 'answered' | 'timeout' | 'error' | 'skipped';

export interface SourceStatus {
  source: SourceInfo;
  state: SourceState;
  /** French, for the status strip: "délai dépassé", "réponse invalide"... */
  reason?: string;
  durationMs?: number;
  /** Slots received from this source. */
  slotCount?: number;
  /** Entries of the answer left out because they were invalid (the rest of the answer is kept). */
  ignoredEntries?: number;
}

/** A practitioner in the search's offer, with its distance to the patient. */
export interface OfferPractitioner {
  practitioner: Practitioner;
  distanceKm?: number;
  /** This is the patient's GP named by the LRM. */
  isGp: boolean;
}

export interface OfferCpts {
  cpts: Cpts;
  distanceKm?: number;
  /**
   * Every practitioner participating in the SAS via this CPTS (« Voir tous les professionnels de la CPTS »), those
   * beyond the search radius or of another specialty included and marked so.
   */
  members?: OfferCptsMember[];
}

export interface OfferCptsMember {
  practitioner: Practitioner;
  distanceKm?: number;
  /** Beyond the search radius (or no known place). */
  outsideRadius: boolean;
  /** Not of the specialty searched. */
  otherSpecialty: boolean;
}

export interface OfferSosSite {
  site: SosSite;
  distanceKm?: number;
}

/** An MSP or centre de santé around the patient: its phone is a second intention (no slots of its own). */
export interface OfferStructure {
  structure: HealthStructure;
  distanceKm?: number;
}

/** A slice of the radius's practitioners, nearest first: `offset` up to `end` (excluded). */
export interface OfferPageRange {
  offset: number;
  end: number;
}

export interface CareOffer {
  practitioners: OfferPractitioner[];
  cpts: OfferCpts[];
  sosSites: OfferSosSite[];
  sources: SourceInfo[];
  /**
   * Practitioners within the radius, of which `practitioners` holds the nearest (the offer's first page, the GP
   * added when further): the console asks for the rest page by page. Absent: `practitioners` is all of them.
   */
  practitionerTotal?: number;
  /**
   * Which slice of the radius's practitioners (nearest first) `practitioners` holds: `offset` up to `end` (excluded),
   * the GP added when further. A page with `offset` > 0 adds to the practitioners the search already sent.
   */
  page?: OfferPageRange;
  /** MSP and centres de santé within the radius, nearest first. */
  structures?: OfferStructure[];
}

/** What the GP lookup gave: absent from the launch, found in the offer, or not found. */
export type GpLookup =
  { state: 'not-provided' } | { state: 'found'; nationalId: string } | { state: 'not-found'; reference: GpReference };

/** The stream of one search. Order: location, offer, then slots/source-status per source, then done. */
export type SearchEvent =
  | { type: 'location'; location: ResolvedLocation }
  | { type: 'offer'; offer: CareOffer; gp: GpLookup }
  | { type: 'slots'; sourceId: string; slots: Slot[] }
  | { type: 'source-status'; status: SourceStatus }
  | { type: 'error'; code: string; message: string }
  | { type: 'done'; durationMs: number };
