// What « Mes orientations » adds to each appointment beyond its status: the call it came from and the place (from
// this console's memory), a short reference and creation time (two appointments at the same time with the same
// practitioner stay distinguishable), the status history in local time, the LRM transmission state, and what the
// regulator can do with it. Pure functions.
import type { OpenBookingRequest } from '../../shared/api/console-api';
import { SAS_AGENDA_SOURCE_ID, type Appointment, type LrmTransmission } from '../../shared/domain/appointment';
import { localDate } from '@shared/util/time-zone';
import { fr } from '../i18n/fr';
import { formatClock, formatDay, workstationTimeZone } from '../search/format';
import { callLabel } from './call-context';
import { bookingFor, callFor, type CallMemorySnapshot } from './call-memory';

export type AppointmentAction =
  /** A SAS-agenda appointment still held: it can be cancelled here. */
  | { kind: 'cancel-agenda' }
  /** A publisher's appointment whose booking page this console opened: it can be re-opened there. */
  | { kind: 'reopen'; request: OpenBookingRequest }
  /** A publisher's appointment whose booking page is not known here: the row says why there is no button. */
  | { kind: 'no-page' }
  | { kind: 'none' };

export interface HistoryLine {
  at: string;
  /** "14:31 — Confirmé" (workstation time; the day first when it is not today). */
  text: string;
}

export interface LrmLine {
  state: LrmTransmission['state'];
  text: string;
}

export interface AppointmentDetails {
  /** "Appel LRM TEST-SAMU000 · Agen · Médecine générale · lancé à 14:20", or why it is unknown. */
  call: string;
  callKnown: boolean;
  place?: string;
  /** First characters of the backend id, the same wherever the appointment is named. */
  reference: string;
  /** "créé à 14:31", from the first status of its history. */
  created?: string;
  /** Another appointment has the same practitioner and start: the row shows its reference prominently. */
  twin: boolean;
  history: HistoryLine[];
  lrm?: LrmLine;
  action: AppointmentAction;
}

const REFERENCE_LENGTH = 8;

/** Short reference: the id's first characters, without separators ("3f2a9c01"). */
export function shortReference(id: string): string {
  return id.replace(/[^0-9A-Za-z]/gu, '').slice(0, REFERENCE_LENGTH) || id.slice(0, REFERENCE_LENGTH);
}

/** "14:31" today, "ven. 13 juin 14:31" another day — in the workstation's zone, like the journal. */
export function localMoment(iso: string, nowMs: number, timeZone: string = workstationTimeZone()): string | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const clock = formatClock(ms, timeZone);
  return localDate(ms, timeZone) === localDate(nowMs, timeZone) ? clock : `${formatDay(ms, timeZone)} ${clock}`;
}

/** « Transmis au LRM », « En attente de transmission au LRM », « Refusé par le LRM (raison) »; nothing when absent. */
export function lrmLine(lrm: LrmTransmission | undefined): LrmLine | undefined {
  if (!lrm) return undefined;
  if (lrm.state === 'refused') {
    const why = lrm.reason?.trim() || lrm.code;
    return { state: 'refused', text: why ? fr.orientationActions.lrmRefused(why) : fr.orientationActions.lrm.refused };
  }
  return { state: lrm.state, text: fr.orientationActions.lrm[lrm.state] ?? lrm.state };
}

export function historyLines(
  appointment: Pick<Appointment, 'history'>,
  nowMs: number,
  statusLabel: (status: Appointment['status']) => string,
  timeZone?: string,
): HistoryLine[] {
  return (appointment.history ?? []).map((change) => ({
    at: change.at,
    text: fr.orientationActions.historyItem(localMoment(change.at, nowMs, timeZone) ?? '—', statusLabel(change.status)),
  }));
}

export function appointmentAction(appointment: Appointment, memory: CallMemorySnapshot): AppointmentAction {
  if (appointment.publisherId === SAS_AGENDA_SOURCE_ID)
    return appointment.status === 'cancelled' ? { kind: 'none' } : { kind: 'cancel-agenda' };
  const request = bookingFor(memory, appointment.searchId, appointment.practitionerId)?.request;
  return request ? { kind: 'reopen', request } : { kind: 'no-page' };
}

const twinKey = (a: Pick<Appointment, 'practitionerId' | 'practitionerName' | 'start'>) =>
  `${a.practitionerId ?? a.practitionerName ?? ''}@${Date.parse(a.start)}`;

/** Practitioner and start of each appointment, counted: more than one makes twins. */
export function twinKeys(appointments: readonly Appointment[]): Set<string> {
  const seen = new Map<string, number>();
  for (const a of appointments) {
    const key = twinKey(a);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([key]) => key));
}

export function appointmentDetails(
  appointment: Appointment,
  memory: CallMemorySnapshot,
  twins: ReadonlySet<string>,
  nowMs: number,
  statusLabel: (status: Appointment['status']) => string,
  timeZone?: string,
): AppointmentDetails {
  const call = callFor(memory, appointment.searchId);
  const place = bookingFor(memory, appointment.searchId, appointment.practitionerId)?.place;
  const first = appointment.history?.[0];
  const created = first ? localMoment(first.at, nowMs, timeZone) : undefined;
  const lrm = lrmLine(appointment.lrm);
  return {
    call: call ? callLabel(call, timeZone) : fr.orientationActions.callUnknown,
    callKnown: call !== undefined,
    ...(place ? { place } : {}),
    reference: shortReference(appointment.id),
    ...(created ? { created: fr.orientationActions.createdAt(created) } : {}),
    twin: twins.has(twinKey(appointment)),
    history: historyLines(appointment, nowMs, statusLabel, timeZone),
    ...(lrm ? { lrm } : {}),
    action: appointmentAction(appointment, memory),
  };
}
