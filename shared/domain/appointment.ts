// An appointment reported back by a publisher (RDV V3, FrAppointmentSAS).
import type { NationalId } from './identifiers';

/** V3 statuses; SOS publishers may also send pending and needs-action. */
export const APPOINTMENT_STATUSES = ['booked', 'fulfilled', 'noshow', 'cancelled', 'pending', 'needs-action'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** How a status reads in French, wherever it is shown (console, journal, publishers' training pages). */
export const APPOINTMENT_STATUS_LABELS: Readonly<Record<AppointmentStatus, string>> = {
  booked: 'Confirmé',
  fulfilled: 'Honoré',
  noshow: 'Non honoré',
  cancelled: 'Annulé',
  pending: 'En attente',
  'needs-action': 'À traiter',
};

export interface Appointment {
  /** Backend id. */
  id: string;
  /** Publisher id (registry) and the publisher's own identifier of the appointment. */
  publisherId: string;
  publisherAppointmentId: string;
  status: AppointmentStatus;
  start: string;
  end: string;
  /** Regulator who booked it (FrAppointmentOperator extension). */
  operatorId: NationalId;
  /** Effector practitioner (participant actor). */
  practitionerId?: NationalId;
  practitionerName?: string;
  /** Whether the effector accepted the appointment (participant.status). */
  practitionerStatus?: ParticipantStatus;
  /** Search tab it came from, when the console opened the booking. */
  searchId?: string;
  /**
   * The regulator had not opened this publisher's booking page from the console in the last hours: accepted, but
   * shown as « rendez-vous non initié depuis la console » (a publisher could otherwise attribute any appointment).
   */
  notInitiated?: boolean;
  /** SAS-agenda appointments (publisherId `sas-agenda`): the agenda slot it holds; cancelling frees it. */
  agendaSlotId?: string;
  /** Every status it has had, oldest first, with when the platform learnt it. */
  history?: AppointmentStatusChange[];
  /** Its sending to the LRM of the SAMU that launched the search; absent when the search came from no LRM. */
  lrm?: LrmTransmission;
  updatedAt: string;
}

interface AppointmentStatusChange {
  status: AppointmentStatus;
  at: string;
}

/**
 * pending: in the outbox or sent, no final acknowledgement yet; transmitted: the LRM acknowledged it (RC-DE);
 * refused: the Hub or the LRM answered an error on the `info` queue (code and cause as they sent them).
 */
export const LRM_TRANSMISSION_STATES = ['pending', 'transmitted', 'refused'] as const;
type LrmTransmissionState = (typeof LRM_TRANSMISSION_STATES)[number];

export interface LrmTransmission {
  state: LrmTransmissionState;
  /** When the state was reached. */
  at: string;
  /** refused: the error code (400 expired, 500 dead-lettered, 404 unknown appointment…) and its cause. */
  code?: string;
  reason?: string;
}

/** The SAS agenda's source id (slots entered on the platform, booked in the console). */
export const SAS_AGENDA_SOURCE_ID = 'sas-agenda';

/** Acceptance status of the effector practitioner (Appointment.participant.status, FHIR R4 participationstatus). */
export const PARTICIPANT_STATUSES = ['accepted', 'declined', 'tentative', 'needs-action'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
