// "Mes orientations" rows: French status, Paris day and time, publisher name, link to the open search tab, order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES, type Appointment } from '@shared/domain/appointment';
import {
  appointmentRows,
  appointmentWhen,
  dayLabel,
  practitionerLabel,
  statusLabel,
} from '@renderer/orientations/appointment-rows';
import { EMPTY_TAB_LINKS, type TabLinksSnapshot } from '@renderer/orientations/tab-links';

/** Thursday 27 November 2025, 10:00 in Paris (UTC+1). */
const NOW = Date.parse('2025-11-27T09:00:00Z');

function appointment(id: string, extra: Partial<Appointment> = {}): Appointment {
  return {
    id,
    publisherId: 'agendaplume',
    publisherAppointmentId: `RDV-${id}`,
    status: 'booked',
    start: '2025-11-27T14:30:00+01:00',
    end: '2025-11-27T14:50:00+01:00',
    operatorId: '899999000005',
    practitionerId: '899990002299',
    practitionerName: 'Dr Paul Lavandevif',
    updatedAt: '2025-11-27T09:00:00.000Z',
    ...extra,
  };
}

const LINKS: TabLinksSnapshot = {
  tabs: [{ tabId: 'onglet-1', searchId: 'recherche-1', title: 'LRM TEST-SAMU000 à 09:58' }],
  publisherNames: { agendaplume: 'AgendaPlume' },
};

describe('status labels', () => {
  it('says each status in French, as the publishers’ pages and the journal do', () => {
    expect(APPOINTMENT_STATUSES.map(statusLabel)).toEqual([
      'Confirmé',
      'Honoré',
      'Non honoré',
      'Annulé',
      'En attente',
      'À traiter',
    ]);
  });
});

describe('day and time, in Paris', () => {
  it('names today, tomorrow and yesterday, else the date', () => {
    expect(dayLabel(Date.parse('2025-11-27T22:30:00Z'), NOW)).toBe('Aujourd’hui');
    // 23:30 UTC is already the 28th in Paris.
    expect(dayLabel(Date.parse('2025-11-27T23:30:00Z'), NOW)).toBe('Demain');
    expect(dayLabel(Date.parse('2025-11-26T08:00:00Z'), NOW)).toBe('Hier');
    expect(dayLabel(Date.parse('2025-11-29T08:00:00Z'), NOW)).toBe('sam. 29 nov.');
  });

  it('shows start and end in Paris time, whatever offset the publisher wrote', () => {
    expect(appointmentWhen({ start: '2025-11-27T13:30:00Z', end: '2025-11-27T13:50:00Z' }, NOW)).toBe(
      'Aujourd’hui, 14:30 – 14:50',
    );
    expect(appointmentWhen({ start: '2025-11-28T08:00:00+01:00', end: '2025-11-28T08:20:00+01:00' }, NOW)).toBe(
      'Demain, 08:00 – 08:20',
    );
  });

  it('never throws on an unreadable time', () => {
    expect(appointmentWhen({ start: 'demain', end: 'plus tard' }, NOW)).toBe('—');
  });
});

describe('appointment rows', () => {
  it('reads practitioner, time, status, publisher, update time and the open tab it came from', () => {
    const [row] = appointmentRows(
      [appointment('a', { searchId: 'recherche-1', updatedAt: '2025-11-27T09:02:00Z' })],
      LINKS,
      NOW,
    );

    // The call, place, reference, history and actions are asserted in orientations-actions.test.ts.
    expect(row).toMatchObject({
      id: 'a',
      practitioner: 'Dr Paul Lavandevif',
      when: 'Aujourd’hui, 14:30 – 14:50',
      status: 'booked',
      statusLabel: 'Confirmé',
      publisher: 'AgendaPlume',
      updated: 'mis à jour à 10:02',
      link: { kind: 'open', tabId: 'onglet-1', title: 'LRM TEST-SAMU000 à 09:58' },
      notInitiated: false,
    });
  });

  it('flags an appointment the console did not start (« rendez-vous non initié depuis la console »)', () => {
    const rows = appointmentRows([appointment('a', { notInitiated: true }), appointment('b')], LINKS, NOW);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.notInitiated]))).toEqual({ a: true, b: false });
  });

  it('tells a closed tab from no tab at all', () => {
    const rows = appointmentRows(
      [
        appointment('closed', { searchId: 'recherche-fermee' }),
        appointment('none', { updatedAt: '2025-11-27T08:00:00Z' }),
      ],
      LINKS,
      NOW,
    );

    expect(rows.map((r) => r.link)).toEqual([{ kind: 'closed' }, { kind: 'none' }]);
  });

  it('falls back to the publisher id, the IDNPS, or says the practitioner is not given', () => {
    const rows = appointmentRows(
      [
        appointment('a', { publisherId: 'inconnu', practitionerName: undefined }),
        appointment('b', { practitionerName: '  ', practitionerId: undefined, updatedAt: '2025-11-27T08:00:00Z' }),
      ],
      EMPTY_TAB_LINKS,
      NOW,
    );

    expect(rows.map((r) => [r.practitioner, r.publisher])).toEqual([
      ['IDNPS 899990002299', 'inconnu'],
      ['Praticien non précisé', 'agendaplume'],
    ]);
    expect(practitionerLabel({ practitionerName: ' Dr Anne Nom ' })).toBe('Dr Anne Nom');
  });

  it('puts the latest activity first: a status change brings its appointment to the top', () => {
    const rows = appointmentRows(
      [
        appointment('old', { updatedAt: '2025-11-27T08:00:00Z', start: '2025-11-28T08:00:00Z' }),
        appointment('changed', { updatedAt: '2025-11-27T09:30:00Z', status: 'cancelled' }),
        appointment('mid', { updatedAt: '2025-11-27T09:00:00Z' }),
      ],
      LINKS,
      NOW,
    );

    expect(rows.map((r) => r.id)).toEqual(['changed', 'mid', 'old']);
    expect(rows[0]?.statusLabel).toBe('Annulé');
  });

  it('whatever the appointments, one row each, ordered by update time, without throwing', () => {
    const text = fc.string({ maxLength: 30 });
    const instant = fc.oneof(
      fc
        .integer({ min: Date.parse('2020-01-01'), max: Date.parse('2035-01-01') })
        .map((t) => new Date(t).toISOString()),
      text,
    );
    const arbitraryAppointment = fc.record({
      id: fc.uuid(),
      publisherId: text,
      publisherAppointmentId: text,
      status: fc.constantFrom(...APPOINTMENT_STATUSES),
      start: instant,
      end: instant,
      operatorId: text,
      practitionerName: fc.option(text, { nil: undefined }),
      searchId: fc.option(fc.constantFrom('recherche-1', 'autre'), { nil: undefined }),
      updatedAt: instant,
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryAppointment, { selector: (a) => a.id, maxLength: 20 }), (list) => {
        const rows = appointmentRows(list as Appointment[], LINKS, NOW);
        expect(rows.map((r) => r.id).sort()).toEqual(list.map((a) => a.id).sort());
        const times = rows.map((r) => Date.parse(list.find((a) => a.id === r.id)?.updatedAt ?? ''));
        const known = times.map((t) => (Number.isNaN(t) ? -Infinity : t));
        expect(known).toEqual([...known].sort((a, b) => b - a));
        for (const row of rows) expect(row.statusLabel).not.toBe('');
      }),
    );
  });
});
