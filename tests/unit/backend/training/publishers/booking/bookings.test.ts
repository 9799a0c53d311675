// The publisher's appointments: one booking per slot, the status transitions a regulator may make, reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUS,
  allowedActions,
  Bookings,
  type StatusAction,
} from '@backend/training/publishers/booking/bookings';

const PATIENT = { familyName: 'Lefèvre', givenName: 'Zoé', birthDate: '1984-05-17', phone: '0612345678' };
const booking = (slotId: string) => ({
  slotId,
  practitionerId: '810001234567',
  practitionerName: 'Dr Jeanne Dupont',
  start: '2026-03-11T09:00:00+01:00',
  end: '2026-03-11T09:30:00+01:00',
  operatorId: '810002673899',
  patient: PATIENT,
});

describe('Bookings', () => {
  it('books a free slot once; the slot is taken until the appointment is cancelled', () => {
    let clock = Date.parse('2026-03-10T08:00:00Z');
    const store = new Bookings(() => clock);
    const first = store.book(booking('s1'));
    expect(first).toMatchObject({
      ok: true,
      appointment: { status: 'booked', knownToPlatform: false, createdAt: '2026-03-10T08:00:00.000Z' },
    });
    expect(store.isTaken('s1')).toBe(true);
    expect(store.book(booking('s1'))).toEqual({ ok: false, reason: 'slot-taken' });
    if (!first.ok) return;
    clock += 60_000;
    expect(store.apply(first.appointment, 'cancel')).toBe(true);
    expect(first.appointment).toMatchObject({ status: 'cancelled', updatedAt: '2026-03-10T08:01:00.000Z' });
    expect(store.isTaken('s1')).toBe(false);
    // Booked again by someone else: the old cancelled appointment does not free it a second time.
    const second = store.book(booking('s1'));
    expect(second.ok).toBe(true);
    expect(store.apply(first.appointment, 'cancel')).toBe(false);
    expect(store.isTaken('s1')).toBe(true);
    expect(store.list()).toHaveLength(2);
  });

  it('records reports; the first accepted one makes later changes updates', () => {
    const store = new Bookings(() => 0);
    const result = store.book(booking('s1'));
    if (!result.ok) throw new Error('not booked');
    store.recordReport(result.appointment, { state: 'failed', at: 'x', message: 'refusé' });
    expect(result.appointment.knownToPlatform).toBe(false);
    store.recordReport(result.appointment, { state: 'sent', at: 'y', httpStatus: 201 });
    expect(result.appointment).toMatchObject({ knownToPlatform: true, report: { state: 'sent', httpStatus: 201 } });
  });

  it('allows exactly the documented transitions, whatever the sequence of actions', () => {
    expect(allowedActions('booked')).toEqual(['cancel', 'fulfil', 'noshow']);
    expect(allowedActions('fulfilled')).toEqual(['noshow']);
    expect(allowedActions('noshow')).toEqual(['fulfil']);
    expect(allowedActions('cancelled')).toEqual([]);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<StatusAction>('cancel', 'fulfil', 'noshow'), { maxLength: 8 }),
        (actions) => {
          const store = new Bookings(() => 0);
          const result = store.book(booking('s'));
          if (!result.ok) throw new Error('not booked');
          const a = result.appointment;
          for (const action of actions) {
            const before = a.status;
            const allowed = allowedActions(before).includes(action);
            expect(store.apply(a, action)).toBe(allowed);
            expect(a.status).toBe(allowed ? ACTION_STATUS[action] : before);
            expect(store.isTaken('s')).toBe(a.status !== 'cancelled');
          }
        },
      ),
    );
  });

  it('gives every appointment its own id even when the generator repeats', () => {
    const ids = ['RDV-000000000001', 'RDV-000000000001', 'RDV-000000000002'];
    const store = new Bookings(
      () => 0,
      () => ids.shift() ?? 'RDV-FFFFFFFFFFFF',
    );
    const a = store.book(booking('a'));
    const b = store.book(booking('b'));
    expect(a.ok && b.ok && a.appointment.id !== b.appointment.id).toBe(true);
  });
});
