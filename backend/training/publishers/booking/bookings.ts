// The publisher's own appointments, in memory for the training run: who booked which slot, for which patient, in
// which state, and whether the SAS platform has acknowledged the last state (RDV V3). The publisher books first and
// reports after: a refusal by the platform never undoes a booking, it leaves a report to send again.
import type { NationalId } from '@shared/domain/identifiers';
import type { Patient } from './patient-form';
import { newAppointmentId } from './tokens';

export type BookingStatus = 'booked' | 'fulfilled' | 'noshow' | 'cancelled';
export type StatusAction = 'cancel' | 'fulfil' | 'noshow';

export const ACTION_STATUS: Record<StatusAction, BookingStatus> = {
  cancel: 'cancelled',
  fulfil: 'fulfilled',
  noshow: 'noshow',
};

/** Where the last report to the SAS platform stands. */
export type ReportState =
  | { state: 'sent'; at: string; httpStatus: number }
  | { state: 'failed'; at: string; message: string; httpStatus?: number };

export interface BookedAppointment {
  /** This publisher's id (`RDV-…`), the V3 identifier value. */
  id: string;
  slotId: string;
  practitionerId: NationalId;
  practitionerName: string;
  start: string;
  end: string;
  /** The regulator who booked (V3 operator extension). */
  operatorId: NationalId;
  status: BookingStatus;
  patient: Patient;
  createdAt: string;
  updatedAt: string;
  /** True once the platform has accepted a report: later changes go as conditional PUT, the first as POST. */
  knownToPlatform: boolean;
  report?: ReportState;
}

export type BookResult = { ok: true; appointment: BookedAppointment } | { ok: false; reason: 'slot-taken' | 'full' };

/**
 * What a regulator may do next. Cancelled is final (the slot is free again). Honoured and not honoured may be
 * corrected into each other, but an appointment that took place (or not) can no longer be cancelled.
 */
export function allowedActions(status: BookingStatus): StatusAction[] {
  switch (status) {
    case 'booked':
      return ['cancel', 'fulfil', 'noshow'];
    case 'fulfilled':
      return ['noshow'];
    case 'noshow':
      return ['fulfil'];
    case 'cancelled':
      return [];
  }
}

export interface BookingStore {
  /** True while a slot has an appointment that is not cancelled (the slot search should stop offering it). */
  isTaken(slotId: string): boolean;
  get(id: string): BookedAppointment | undefined;
  list(): BookedAppointment[];
}

export interface NewBooking {
  slotId: string;
  practitionerId: NationalId;
  practitionerName: string;
  start: string;
  end: string;
  operatorId: NationalId;
  patient: Patient;
}

const MAX_APPOINTMENTS = 10_000;

export class Bookings implements BookingStore {
  private readonly byId = new Map<string, BookedAppointment>();
  /** Slot id → appointment id, for slots currently taken. */
  private readonly taken = new Map<string, string>();

  constructor(
    private readonly now: () => number,
    private readonly newId: () => string = newAppointmentId,
  ) {}

  isTaken(slotId: string): boolean {
    return this.taken.has(slotId);
  }

  get(id: string): BookedAppointment | undefined {
    return this.byId.get(id);
  }

  list(): BookedAppointment[] {
    return [...this.byId.values()];
  }

  book(input: NewBooking): BookResult {
    if (this.taken.has(input.slotId)) return { ok: false, reason: 'slot-taken' };
    if (this.byId.size >= MAX_APPOINTMENTS) return { ok: false, reason: 'full' };
    let id = this.newId();
    while (this.byId.has(id)) id = this.newId();
    const at = new Date(this.now()).toISOString();
    const appointment: BookedAppointment = {
      ...input,
      id,
      status: 'booked',
      createdAt: at,
      updatedAt: at,
      knownToPlatform: false,
    };
    this.byId.set(id, appointment);
    this.taken.set(input.slotId, id);
    return { ok: true, appointment };
  }

  /** Applies an action if allowed; returns false otherwise (nothing changes). */
  apply(appointment: BookedAppointment, action: StatusAction): boolean {
    if (!allowedActions(appointment.status).includes(action)) return false;
    appointment.status = ACTION_STATUS[action];
    appointment.updatedAt = new Date(this.now()).toISOString();
    if (appointment.status === 'cancelled' && this.taken.get(appointment.slotId) === appointment.id)
      this.taken.delete(appointment.slotId);
    return true;
  }

  recordReport(appointment: BookedAppointment, report: ReportState): void {
    appointment.report = report;
    if (report.state === 'sent') appointment.knownToPlatform = true;
  }
}
