// The Slot of a slot search answer, read on its own: times, types (TRE_R314), consultation modes, booking URL and
// the references (Schedule, CPTS HealthcareService) the caller follows. A slot that cannot be offered (not free,
// times missing or inverted) maps to nothing, with the reason as an issue.
import type { Coding } from '../domain/care-offer';
import type { ConsultationMode, SlotType } from '../domain/slot';
import { SLOT_TYPES } from '../domain/slot';
import { isBookingUrl } from './booking-url';
import {
  ACT_CODE_OID,
  ACT_CODE_SYSTEM,
  APPOINTMENT_REASON_SYSTEM,
  CPTS_CATEGORY_CODE,
  SLOT_SERVICE_TYPE_EXTENSION,
  isNosSystem,
} from './codes';
import { parseInstant } from './instant';
import type { IssueSink } from './issues';
import { readCodings } from './map-common';
import { LIMITS, child, describe, excerpt, own, records, text, type JsonRecord } from './read';
import { referenceString, resourceIdOf } from './references';

const MODE_BY_ACT_CODE = new Map<string, ConsultationMode>([
  ['AMB', 'cabinet'],
  ['VR', 'teleconsultation'],
  ['HH', 'domicile'],
]);

/** What a Slot says by itself, before its Schedule and CPTS service are followed. */
export interface SlotCore {
  fhirId?: string;
  start: string;
  end: string;
  startMs: number;
  types: SlotType[];
  modes: ConsultationMode[];
  withAppointment: boolean;
  bookingUrl?: string;
  specialties: Coding[];
  scheduleReference?: string;
  /** References to CPTS HealthcareServices (serviceType `604` + R5 extension). */
  cptsServiceReferences: string[];
  /** Reasons for the consultation: the text of the serviceType entries that are neither a mode nor a CPTS. */
  reasons: string[];
}

function isActCode(system: string | undefined): boolean {
  return system === ACT_CODE_SYSTEM || system === ACT_CODE_OID;
}

/** Maps a Slot's own fields. Undefined when the slot is unusable (not free, times missing or wrong). */
export function mapSlotCore(slot: JsonRecord, sink: IssueSink): SlotCore | undefined {
  const fhirId = resourceIdOf(slot);
  if (fhirId === undefined) sink.add('slot-id-missing', 'Créneau sans identifiant (Slot.id) valide.', 'Slot.id');

  const status = own(slot, 'status');
  if (status !== 'free') {
    sink.add(
      status === undefined ? 'slot-status-missing' : 'slot-status-not-free',
      status === undefined
        ? 'Créneau sans statut (Slot.status = free attendu) : ignoré.'
        : `Créneau au statut « ${typeof status === 'string' ? excerpt(status, 20) : '?'} » (free attendu) : ignoré.`,
      'Slot.status',
    );
    return undefined;
  }

  const start = readInstant(slot, 'start', sink);
  const end = readInstant(slot, 'end', sink);
  if (start === undefined || end === undefined) return undefined;
  if (end.epochMs <= start.epochMs) {
    sink.add(
      'slot-end-before-start',
      `Créneau dont la fin (${end.text}) n'est pas après le début (${start.text}) : ignoré.`,
      'Slot.end',
    );
    return undefined;
  }

  const core: SlotCore = {
    start: start.text,
    end: end.text,
    startMs: start.epochMs,
    types: readSlotTypes(slot, sink),
    modes: [],
    withAppointment: true,
    specialties: readCodings(records(slot, 'specialty')),
    cptsServiceReferences: [],
    reasons: [],
  };
  if (fhirId !== undefined) core.fhirId = fhirId;
  readServiceTypes(slot, core, sink);

  const appointmentType = child(slot, 'appointmentType');
  if (appointmentType !== undefined) {
    const walkIn = records(appointmentType, 'coding').some((c) => {
      const system = own(c, 'system');
      return own(c, 'code') === 'WALKIN' && (system === undefined || system === APPOINTMENT_REASON_SYSTEM);
    });
    core.withAppointment = !walkIn;
  }

  const comment = text(slot, 'comment', sink, 'Slot.comment', LIMITS.url);
  if (comment !== undefined) {
    if (isBookingUrl(comment)) core.bookingUrl = comment;
    else
      sink.add(
        'slot-booking-url-invalid',
        `Slot.comment doit porter l'URL http(s) de la page de réservation ; reçu « ${excerpt(comment)} ».`,
        'Slot.comment',
      );
  }

  const schedule = referenceString(slot, 'schedule');
  if (schedule === undefined) {
    sink.add('slot-schedule-missing', 'Créneau sans référence à son agenda (Slot.schedule).', 'Slot.schedule');
  } else {
    core.scheduleReference = schedule;
  }
  return core;
}

function readInstant(
  slot: JsonRecord,
  key: 'start' | 'end',
  sink: IssueSink,
): { text: string; epochMs: number } | undefined {
  const path = `Slot.${key}`;
  const label = key === 'start' ? 'début' : 'fin';
  const value = own(slot, key);
  if (value === undefined || value === null || value === '') {
    sink.add(`slot-${key}-missing`, `Créneau sans date de ${label} (${path}) : ignoré.`, path);
    return undefined;
  }
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (typeof value !== 'string' || parsed === undefined) {
    sink.add(
      `slot-${key}-invalid`,
      `Date de ${label} invalide${typeof value === 'string' ? ` « ${excerpt(value, 40)} »` : ` (${describe(value)})`} : un instant FHIR avec secondes et fuseau est attendu (ex. 2024-06-12T16:40:00+02:00) ; créneau ignoré.`,
      path,
    );
    return undefined;
  }
  return { text: value, epochMs: parsed.epochMs };
}

function readSlotTypes(slot: JsonRecord, sink: IssueSink): SlotType[] {
  const meta = child(slot, 'meta');
  const types: SlotType[] = [];
  const security = meta === undefined ? [] : records(meta, 'security');
  for (const coding of security) {
    const system = own(coding, 'system');
    // Other security labels (confidentiality...) may be present: only TRE_R314 codes (or unsystemed ones) count.
    if (typeof system === 'string' && !isNosSystem(system, 'TRE_R314')) continue;
    const code = own(coding, 'code');
    const known = SLOT_TYPES.find((t) => t === code);
    if (known !== undefined) {
      if (!types.includes(known)) types.push(known);
    } else if (typeof system === 'string') {
      sink.add(
        'slot-type-unknown',
        `Type de créneau inconnu « ${typeof code === 'string' ? excerpt(code, 20) : '?'} » (PUBLIC, PRO, SNP ou CPTS attendu).`,
        'Slot.meta.security',
      );
    }
  }
  if (types.length === 0)
    sink.add(
      'slot-type-missing',
      'Créneau sans type (Slot.meta.security TRE_R314 : PUBLIC, PRO, SNP ou CPTS).',
      'Slot.meta.security',
    );
  return types;
}

/** At most this many reasons per slot, each bounded: they are shown on a slot button. */
const MAX_REASONS = 5;
const REASON_LENGTH = 200;

function readServiceTypes(slot: JsonRecord, core: SlotCore, sink: IssueSink): void {
  for (const concept of records(slot, 'serviceType')) {
    let isCpts = false;
    let isMode = false;
    for (const coding of records(concept, 'coding')) {
      const system = own(coding, 'system');
      const code = own(coding, 'code');
      if (isActCode(typeof system === 'string' ? system : undefined)) {
        isMode = true;
        const mode = typeof code === 'string' ? MODE_BY_ACT_CODE.get(code) : undefined;
        if (mode === undefined) {
          sink.add(
            'slot-mode-unknown',
            `Type de consultation inconnu « ${typeof code === 'string' ? excerpt(code, 20) : '?'} » (AMB, VR ou HH attendu).`,
            'Slot.serviceType',
          );
        } else if (!core.modes.includes(mode)) {
          core.modes.push(mode);
        }
      } else if (
        code === CPTS_CATEGORY_CODE &&
        (system === undefined || (typeof system === 'string' && isNosSystem(system, 'TRE_R66')))
      ) {
        isCpts = true;
      }
    }
    if (!isCpts) {
      // The guide writes the reason as a text-only serviceType (« Visite de contrôle »); a mode's text is its label.
      if (!isMode) addReason(concept, core, sink);
      continue;
    }
    const extension = records(concept, 'extension').find((e) => own(e, 'url') === SLOT_SERVICE_TYPE_EXTENSION);
    const reference = extension === undefined ? undefined : referenceString(extension, 'valueReference');
    if (reference === undefined) {
      sink.add(
        'slot-cpts-reference-missing',
        `Créneau CPTS (serviceType 604) sans extension ${SLOT_SERVICE_TYPE_EXTENSION} vers le HealthcareService de la CPTS.`,
        'Slot.serviceType.extension',
      );
    } else if (!core.cptsServiceReferences.includes(reference)) {
      core.cptsServiceReferences.push(reference);
    }
  }
}

function addReason(concept: JsonRecord, core: SlotCore, sink: IssueSink): void {
  const reason = text(concept, 'text', sink, 'Slot.serviceType.text', REASON_LENGTH)?.trim();
  if (reason === undefined || reason.length === 0 || core.reasons.includes(reason)) return;
  if (core.reasons.length < MAX_REASONS) core.reasons.push(reason);
}
