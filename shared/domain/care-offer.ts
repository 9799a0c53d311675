// The care offer a search can return: practitioners (PS), CPTS, SOS Médecins sites, and where they practise.
import type { NationalId } from './identifiers';

export interface GeoPoint {
  lat: number;
  lon: number;
}

/** A place of practice or a patient location. Addresses are free text as publishers send them. */
export interface Place {
  /** Street line(s), e.g. "12 rue de la Paix". */
  line?: string;
  postalCode?: string;
  city?: string;
  /** Commune INSEE code (5 characters, 2A/2B for Corsica). */
  inseeCode?: string;
  point?: GeoPoint;
  /** How precise the point is: the address (`street`) or only the commune's centroid (`commune`). */
  precision?: 'street' | 'commune' | 'department';
  /** Structure where the practitioner practises (IDNST), when known. */
  organizationId?: string;
  organizationName?: string;
}

/** A coded value kept with its system, so the UI can show a label and the backend can send the code back. */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}

/** How a practitioner takes part in the SAS (domain.md "Participation of a practitioner"). */
type ParticipationMode = 'individual' | 'cpts' | 'msp';

export interface Participation {
  mode: ParticipationMode;
  /** FINESS of the CPTS (mode `cpts`) or the MSP's structure id (mode `msp`). */
  structureId?: string;
  structureName?: string;
  /** Accepts patients beyond the published slots ("créneaux en sus des disponibilités"). */
  acceptsBeyondSlots: boolean;
}

export interface Practitioner {
  /** IDNPS, e.g. `8` + RPPS. */
  nationalId: NationalId;
  familyName: string;
  givenName?: string;
  /** Civility or title as published ("Dr"). */
  prefix?: string;
  /** Specialties (TRE_R38 SpecialiteOrdinale codes) or professions (TRE_G15). */
  specialties: Coding[];
  places: Place[];
  phone?: string;
  participation?: Participation;
  /** Publisher holding this practitioner's agenda (publisher id), or `sas-agenda`. */
  agendaSource?: string;
}

export interface Cpts {
  /** FINESS (9 characters). */
  finess: string;
  name: string;
  /** Contact for patients beyond slots: the CPTS coordination's number (+33...). */
  phone?: string;
  description?: string;
  place?: Place;
  /** National ids of the practitioners participating through this CPTS. */
  memberIds: NationalId[];
  /** INSEE codes of the communes its territory covers, when the source gives them. */
  territory?: string[];
}

/** A maison de santé pluriprofessionnelle (FINESS category 603) or a centre de santé (124). */
export interface HealthStructure {
  finess: string;
  kind: 'msp' | 'cds';
  name: string;
  phone?: string;
  place?: Place;
}

export interface SosSite {
  /** Structure id (IDNST or FINESS) of the consultation site. */
  id: string;
  /** The association, e.g. "SOS Médecins Agen". */
  associationName: string;
  /**
   * IDNST of the association (`3`+SIRET, Organization.identifier): the key the SOS search is made on. Absent in
   * directories that do not know it; the site's own id is asked instead.
   */
  associationId?: string;
  name: string;
  phone?: string;
  place: Place;
  /** Publisher holding the site's slots (publisher id). */
  agendaSource?: string;
}
