// The "Journal de garde" rows and export name; the action labels on screen are the CSV's, word for word.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalEntry, JournalKind } from '@shared/api/console-api';
import { journalToCsv } from '@services/journal';
import { journalActionLabel, journalFileName, journalRows } from '@renderer/orientations/journal-rows';

const KINDS: JournalKind[] = ['contact', 'booking-opened', 'booking-confirmed', 'booking-changed'];

function entry(
  id: string,
  at: string,
  kind: JournalKind = 'booking-opened',
  extra: Partial<JournalEntry> = {},
): JournalEntry {
  return { id, at, kind, targetId: '899990002299', targetName: 'Dr Paul Lavandevif', ...extra };
}

describe('journal rows', () => {
  it('time (Paris), action, practitioner or structure, detail — newest first', () => {
    const rows = journalRows(
      [
        entry('1', '2025-11-27T08:58:00.000Z', 'booking-opened', { detail: 'AgendaPlume' }),
        entry('2', '2025-11-27T09:01:00.000Z', 'booking-confirmed', { detail: 'Confirmé' }),
        entry('3', '2025-11-27T09:05:00.000Z', 'contact', {
          targetName: 'CPTS Bordeaux Rive Droite',
          targetId: '330000001',
          detail: '05 56 00 00 00',
        }),
      ],
      'Europe/Paris',
    );

    expect(rows.map((r) => [r.time, r.action, r.target, r.detail])).toEqual([
      ['10:05', 'Contact hors créneaux', 'CPTS Bordeaux Rive Droite', '05 56 00 00 00'],
      ['10:01', 'Rendez-vous confirmé', 'Dr Paul Lavandevif', 'Confirmé'],
      ['09:58', 'Réservation ouverte', 'Dr Paul Lavandevif', 'AgendaPlume'],
    ]);
    expect(rows[0]?.iso).toBe('2025-11-27T09:05:00.000Z');
    expect(rows[0]?.at).toBe('jeudi 27 novembre 2025 à 10:05');
  });

  it('keeps the recording order for entries of the same instant, and puts unreadable times last', () => {
    const rows = journalRows(
      [entry('a', '2025-11-27T09:00:00Z'), entry('bad', 'hier'), entry('b', '2025-11-27T09:00:00Z')],
      'Europe/Paris',
    );

    expect(rows.map((r) => [r.id, r.time])).toEqual([
      ['b', '10:00'],
      ['a', '10:00'],
      ['bad', '—'],
    ]);
  });

  it('says each action as the CSV export does', () => {
    const csv = journalToCsv(KINDS.map((kind, i) => entry(String(i), '2025-11-27T09:00:00Z', kind)));
    const actions = csv
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(';')[3]);

    expect(actions).toEqual(KINDS.map(journalActionLabel));
    expect(KINDS.map(journalActionLabel)).toEqual([
      'Contact hors créneaux',
      'Réservation ouverte',
      'Rendez-vous confirmé',
      'Rendez-vous modifié',
    ]);
  });

  it('shows exactly the entries, whatever they are', () => {
    const arbitrary = fc.record({
      id: fc.uuid(),
      at: fc.oneof(
        fc.integer({ min: 0, max: 4_000_000_000_000 }).map((t) => new Date(t).toISOString()),
        fc.string({ maxLength: 20 }),
      ),
      kind: fc.constantFrom(...KINDS),
      targetId: fc.string({ maxLength: 20 }),
      targetName: fc.string({ maxLength: 40 }),
      detail: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbitrary, { selector: (e) => e.id, maxLength: 30 }), (entries) => {
        const rows = journalRows(entries, 'Europe/Paris');
        expect(rows.map((r) => r.id).sort()).toEqual(entries.map((e) => e.id).sort());
        for (const row of rows) {
          const source = entries.find((e) => e.id === row.id);
          expect(row.target).toBe(source?.targetName);
          expect(row.detail).toBe(source?.detail ?? '');
        }
        const times = rows.map((r) => Date.parse(r.iso)).map((t) => (Number.isNaN(t) ? -Infinity : t));
        expect(times).toEqual([...times].sort((a, b) => b - a));
      }),
    );
  });
});

describe('export file name', () => {
  it('is journal-sas-<day of the shift in Paris>.csv', () => {
    expect(journalFileName(Date.parse('2025-11-27T09:00:00Z'), 'Europe/Paris')).toBe('journal-sas-2025-11-27.csv');
    // 23:30 UTC on the 27th is already the 28th in Paris.
    expect(journalFileName(Date.parse('2025-11-27T23:30:00Z'), 'Europe/Paris')).toBe('journal-sas-2025-11-28.csv');
  });

  it('always a plain, safe file name', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (t) => {
        expect(journalFileName(t)).toMatch(/^journal-sas-\d{4}-\d{2}-\d{2}\.csv$/u);
      }),
    );
  });
});
