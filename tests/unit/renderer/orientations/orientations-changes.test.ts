// What the live region says when "Mes orientations" changes: new appointments and status changes, never the
// history that arrives when the console connects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, type Appointment } from '@shared/domain/appointment';
import { announceChanges, appointmentChanges } from '@renderer/orientations/appointment-changes';

const NOW = Date.parse('2025-11-27T09:00:00Z');
const SINCE = NOW - 60_000;

function appointment(id: string, extra: Partial<Appointment> = {}): Appointment {
  return {
    id,
    publisherId: 'agendaplume',
    publisherAppointmentId: `RDV-${id}`,
    status: 'booked',
    start: '2025-11-27T14:30:00+01:00',
    end: '2025-11-27T14:50:00+01:00',
    operatorId: '899999000005',
    practitionerName: `Dr ${id}`,
    updatedAt: new Date(NOW).toISOString(),
    ...extra,
  };
}

describe('appointment changes', () => {
  it('a new appointment and a status change are reported; an unchanged one is not', () => {
    const before = [appointment('a'), appointment('b')];
    const after = [appointment('a'), appointment('b', { status: 'cancelled' }), appointment('c')];

    expect(appointmentChanges(before, after, SINCE)).toEqual([
      { id: 'b', kind: 'changed' },
      { id: 'c', kind: 'new' },
    ]);
  });

  it('a new time is a change too', () => {
    const after = [appointment('a', { start: '2025-11-27T15:00:00+01:00', end: '2025-11-27T15:20:00+01:00' })];

    expect(appointmentChanges([appointment('a')], after, SINCE)).toEqual([{ id: 'a', kind: 'changed' }]);
  });

  it('history arriving at connection is not news: an appointment last changed before the session is not "new"', () => {
    const history = [
      appointment('old', { updatedAt: '2025-11-26T18:00:00Z' }),
      appointment('unreadable', { updatedAt: 'hier' }),
    ];

    expect(appointmentChanges([], history, SINCE)).toEqual([]);
  });

  it('a list compared with itself has no change', () => {
    const arbitrary = fc.record({
      id: fc.uuid(),
      status: fc.constantFrom(...APPOINTMENT_STATUSES),
      start: fc.string({ maxLength: 25 }),
      updatedAt: fc.integer({ min: 0, max: 2_000_000_000_000 }).map((t) => new Date(t).toISOString()),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitrary, { selector: (a) => a.id, maxLength: 15 }), (partials) => {
        const list = partials.map((p) => appointment(p.id, p));
        expect(
          appointmentChanges(
            list,
            list.map((a) => ({ ...a })),
            0,
          ),
        ).toEqual([]);
      }),
    );
  });
});

describe('announcements', () => {
  it('says who, when and the new status, in French', () => {
    const after = [appointment('Paul Lavandevif', { status: 'cancelled' }), appointment('Anne Nom')];
    const text = announceChanges(
      [
        { id: 'Paul Lavandevif', kind: 'changed' },
        { id: 'Anne Nom', kind: 'new' },
      ],
      after,
      NOW,
    );

    expect(text).toBe(
      'Rendez-vous de Dr Paul Lavandevif, Aujourd’hui, 14:30 – 14:50 : Annulé. Nouveau rendez-vous : Dr Anne Nom, Aujourd’hui, 14:30 – 14:50 — Confirmé.',
    );
  });

  it('says three changes at most, then how many more', () => {
    const list = ['a', 'b', 'c', 'd', 'e'].map((id) => appointment(id));
    const text = announceChanges(
      list.map((a) => ({ id: a.id, kind: 'new' as const })),
      list,
      NOW,
    );

    expect(text.match(/Nouveau rendez-vous/gu)).toHaveLength(3);
    expect(text.endsWith('Et 2 autres changements.')).toBe(true);
  });

  it('says nothing when nothing changed', () => {
    expect(announceChanges([], [appointment('a')], NOW)).toBe('');
  });
});
