// Patients overseas live on their own clocks: the department → zone table, and the three-day search window ending
// at 23:59:59 local time on day+2 in the patient's zone (Réunion, Guadeloupe), offsets checked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSearchWindow } from '@shared/fhir/build-search';
import { parseInstant } from '@shared/fhir/instant';
import { timeZoneOfDepartment, timeZoneOfPlace, toLocal } from '@shared/util/time-zone';

describe('department → time zone', () => {
  it.each([
    ['971', 'America/Guadeloupe'],
    ['972', 'America/Martinique'],
    ['973', 'America/Cayenne'],
    ['974', 'Indian/Reunion'],
    ['975', 'America/Miquelon'],
    ['976', 'Indian/Mayotte'],
    ['977', 'America/St_Barthelemy'],
    ['978', 'America/Marigot'],
    ['986', 'Pacific/Wallis'],
    ['987', 'Pacific/Tahiti'],
    ['988', 'Pacific/Noumea'],
    ['33', 'Europe/Paris'],
    ['47', 'Europe/Paris'],
    ['2A', 'Europe/Paris'],
    ['2B', 'Europe/Paris'],
    [undefined, 'Europe/Paris'],
  ])('%s → %s', (department, zone) => {
    expect(timeZoneOfDepartment(department)).toBe(zone);
  });

  it('reads the zone from an overseas INSEE code when the department is not given', () => {
    expect(timeZoneOfPlace({ inseeCode: '97411' })).toBe('Indian/Reunion');
    expect(timeZoneOfPlace({ inseeCode: '97105' })).toBe('America/Guadeloupe');
    expect(timeZoneOfPlace({ inseeCode: '47001' })).toBe('Europe/Paris');
    expect(timeZoneOfPlace({ department: '974', inseeCode: '47001' })).toBe('Indian/Reunion');
  });
});

describe('computeSearchWindow in the patient’s zone', () => {
  it.each([
    // Réunion is UTC+04:00 all year: 21:30 UTC on 1 June is already 2 June there.
    ['Indian/Reunion', '2026-06-01T21:30:00.000Z', '2026-06-02T01:30:00.000+04:00', '2026-06-04T23:59:59.999+04:00'],
    ['Indian/Reunion', '2026-12-30T08:00:00.000Z', '2026-12-30T12:00:00.000+04:00', '2027-01-01T23:59:59.999+04:00'],
    // Guadeloupe is UTC-04:00: 02:00 UTC on 2 June is still 1 June there.
    [
      'America/Guadeloupe',
      '2026-06-02T02:00:00.000Z',
      '2026-06-01T22:00:00.000-04:00',
      '2026-06-03T23:59:59.999-04:00',
    ],
    [
      'America/Guadeloupe',
      '2026-03-29T12:00:00.000Z',
      '2026-03-29T08:00:00.000-04:00',
      '2026-03-31T23:59:59.999-04:00',
    ],
    // Paris unchanged (default).
    ['Europe/Paris', '2024-06-12T14:20:00.000Z', '2024-06-12T16:20:00.000+02:00', '2024-06-14T23:59:59.999+02:00'],
  ])('%s at %s: %s → %s', (zone, now, start, end) => {
    const window = computeSearchWindow(new Date(now), 2, zone);
    expect(window.start).toBe(start);
    expect(window.end).toBe(end);
    expect(parseInstant(window.end)?.epochMs).toBe(window.endMs);
  });

  it('always ends at 23:59:59.999 local on day+2 in Réunion and Guadeloupe (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom('Indian/Reunion', 'America/Guadeloupe', 'Pacific/Noumea', 'America/Miquelon'),
        (now, zone) => {
          const window = computeSearchWindow(now, 2, zone);
          const end = toLocal(window.endMs, zone);
          expect([end.hour, end.minute, end.second, window.endMs % 1000]).toEqual([23, 59, 59, 999]);
          const start = toLocal(now, zone);
          const days = Math.round(
            (Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) /
              86_400_000,
          );
          expect(days).toBe(2);
        },
      ),
      { numRuns: 500 },
    );
  });
});
