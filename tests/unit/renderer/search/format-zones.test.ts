// Slot times and days read in the patient's zone: a Réunion slot at 09:00+04:00 reads « 09:00 », not Paris's
// « 07:00 »; "today" is the patient's day; the zone label names the zone and its offset.
import { describe, expect, it } from 'vitest';
import { formatDay, formatSlotTime, slotDayIndex, zoneLabel } from '@renderer/search/format';
import { groupSlotsByDay } from '@renderer/search/slot-days';
import type { Slot } from '@shared/domain/slot';

const slot = (start: string): Slot => ({
  id: `s/${start}`,
  start,
  end: start,
  types: ['SNP'],
  modes: ['cabinet'],
  withAppointment: true,
  sourceId: 'editeur-a',
  specialties: [],
});

describe('slot times in the patient’s zone', () => {
  it('Réunion: 09:00+04:00 reads 09:00 there (07:00 in Paris summer time)', () => {
    expect(formatSlotTime('2026-06-02T09:00:00+04:00', 'Indian/Reunion')).toBe('09:00');
    expect(formatSlotTime('2026-06-02T09:00:00+04:00', 'Europe/Paris')).toBe('07:00');
  });

  it('Guadeloupe: 08:30-04:00 reads 08:30 there', () => {
    expect(formatSlotTime('2026-01-10T08:30:00-04:00', 'America/Guadeloupe')).toBe('08:30');
    expect(formatSlotTime('2026-01-10T08:30:00-04:00', 'Europe/Paris')).toBe('13:30');
  });

  it('today, tomorrow and the day after are the patient’s days', () => {
    // 21:00 UTC on 1 June: 2 June 01:00 in Réunion, still 1 June in Paris (23:00) and Guadeloupe (17:00).
    const now = Date.parse('2026-06-01T21:00:00Z');
    expect(slotDayIndex('2026-06-02T09:00:00+04:00', now, 'Indian/Reunion')).toBe(0);
    expect(slotDayIndex('2026-06-02T09:00:00+04:00', now, 'Europe/Paris')).toBe(1);
    expect(slotDayIndex('2026-06-01T20:00:00-04:00', now, 'America/Guadeloupe')).toBe(0);
    expect(slotDayIndex('2026-06-03T23:30:00-04:00', now, 'America/Guadeloupe')).toBe(2);
    expect(slotDayIndex('2026-06-04T00:30:00-04:00', now, 'America/Guadeloupe')).toBeUndefined();
    const days = groupSlotsByDay(
      [slot('2026-06-04T09:00:00+04:00'), slot('2026-06-02T09:00:00+04:00')],
      now,
      'Indian/Reunion',
    );
    expect(days.map((d) => d.index)).toEqual([0, 2]);
    expect(formatDay(Date.parse('2026-06-02T09:00:00+04:00'), 'Indian/Reunion')).toBe('mar. 2 juin');
  });

  it('names the zone with its offset', () => {
    expect(zoneLabel('Indian/Reunion', Date.parse('2026-06-01T00:00:00Z'))).toMatch(/Réunion.*\(UTC\+04:00\)$/u);
    expect(zoneLabel('America/Guadeloupe', Date.parse('2026-06-01T00:00:00Z'))).toMatch(/\(UTC-04:00\)$/u);
  });
});
