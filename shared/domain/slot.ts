// A free appointment slot, as aggregated from a publisher or the SAS agenda.
import type { Coding, Place } from './care-offer';
import type { NationalId } from './identifiers';

/** TRE_R314 TypeCreneau (Slot.meta.security). */
export const SLOT_TYPES = ['PUBLIC', 'PRO', 'SNP', 'CPTS'] as const;
export type SlotType = (typeof SLOT_TYPES)[number];

/** Consultation mode, from Slot.serviceType in v3 ActCode: AMB (practice), VR (teleconsultation), HH (home). */
export const CONSULTATION_MODES = ['cabinet', 'teleconsultation', 'domicile'] as const;
export type ConsultationMode = (typeof CONSULTATION_MODES)[number];

export interface Slot {
  /** Stable within a search: `<sourceId>/<publisher's slot id>`. */
  id: string;
  /** ISO 8601 with the offset the publisher sent. */
  start: string;
  end: string;
  types: SlotType[];
  modes: ConsultationMode[];
  /** False for walk-in slots ("sans rendez-vous", SOS Médecins). */
  withAppointment: boolean;
  /** The publisher's booking page for this slot (Slot.comment). */
  bookingUrl?: string;
  /**
   * The publisher takes no accounts of SAS regulators (no RDV V1): its booking page would not know the regulator,
   * so the slot is booked by calling the number shown, like a slot without a page.
   */
  regulatorAccountsRefused?: boolean;
  /** Source that returned the slot: a publisher id, or `sas-agenda`. */
  sourceId: string;
  specialties: Coding[];
  /** Practitioner who sees the patient; absent for SOS site slots. */
  practitionerId?: NationalId;
  /** Where the consultation happens, when the publisher says. */
  place?: Place;
  /** FINESS of the CPTS when this is a CPTS slot (serviceType 604 → HealthcareService → Organization). */
  cptsFiness?: string;
  /** Every CPTS the slot is offered through (one HealthcareService reference each), the first being `cptsFiness`. */
  cptsFinesses?: string[];
  /** SOS Médecins site id for SOS slots. */
  sosSiteId?: string;
  /** IDNST of the SOS Médecins association managing the slot's site (Location.managingOrganization). */
  sosAssociationId?: string;
  /** Reasons for the consultation as the publisher words them (Slot.serviceType.text), e.g. « Visite de contrôle ». */
  reasons?: string[];
}
