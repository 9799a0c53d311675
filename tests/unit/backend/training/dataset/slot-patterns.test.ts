import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_DAYS, slotPatternSchema, slotsForWindow, type SlotPattern } from '@backend/training/dataset/index';
import { fromLocal, isoWithOffset, offsetMinutes, toLocal } from '@shared/util/time-zone';
import { CONSULTATION_MODES, SLOT_TYPES } from '@shared/domain/slot';

const ZONE = 'Europe/Paris';
const time = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const sessionArb = fc
  .tuple(fc.integer({ min: 4 * 60, max: 22 * 60 }), fc.integer({ min: 10, max: 8 * 60 }))
  .map(([start, length]) => ({ start: time(start), end: time(Math.min(start + length, 23 * 60 + 59)) }));

const patternArb: fc.Arbitrary<SlotPattern> = fc.record({
  id: fc.constant('ptest'),
  owner: fc.constant({ kind: 'practitioner' as const, nationalId: '899990000012' }),
  sourceId: fc.constantFrom('agendaplume', 'sas-agenda'),
  timeZone: fc.constant(ZONE),
  weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  sessions: fc.array(sessionArb, { minLength: 1, maxLength: 3 }),
  durationMinutes: fc.constantFrom(10, 15, 20, 30, 45),
  freeRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  typeMix: fc.array(
    fc.record({
      types: fc.uniqueArray(fc.constantFrom(...SLOT_TYPES), { minLength: 1 }),
      weight: fc.integer({ min: 1, max: 50 }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  modeMix: fc.array(
    fc.record({
      modes: fc.uniqueArray(fc.constantFrom(...CONSULTATION_MODES), { minLength: 1 }),
      weight: fc.integer({ min: 1, max: 50 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  withAppointment: fc.boolean(),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
});

// Windows around both DST changes of 2026 and ordinary weeks.
const windowArb = fc
  .tuple(
    fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-20T00:00:00Z') }),
    fc.integer({ min: 0, max: 4 * 86_400_000 }),
  )
  .map(([from, length]) => ({ from: new Date(from), to: new Date(from + length) }));

const minutesOf = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

describe('slotsForWindow', () => {
  it('gives only slots of the window that respect the pattern', () => {
    fc.assert(
      fc.property(patternArb, windowArb, (pattern, { from, to }) => {
        expect(slotPatternSchema.safeParse(pattern).success).toBe(true);
        const slots = slotsForWindow(pattern, from, to);
        const ids = new Set<string>();
        for (const slot of slots) {
          const start = Date.parse(slot.start);
          expect(start).toBeGreaterThanOrEqual(from.getTime());
          expect(start).toBeLessThanOrEqual(to.getTime());
          expect(Date.parse(slot.end) - start).toBe(pattern.durationMinutes * 60_000);
          const local = toLocal(start, ZONE);
          const weekday = ((new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay() + 6) % 7) + 1;
          expect(pattern.weekdays).toContain(weekday);
          const minute = local.hour * 60 + local.minute;
          expect(
            pattern.sessions.some(
              (session) =>
                minute >= minutesOf(session.start) &&
                minute + pattern.durationMinutes <= minutesOf(session.end) &&
                (minute - minutesOf(session.start)) % pattern.durationMinutes === 0,
            ),
          ).toBe(true);
          expect(pattern.typeMix.map((entry) => entry.types)).toContainEqual(slot.types);
          expect(pattern.modeMix.map((entry) => entry.modes)).toContainEqual(slot.modes);
          expect(slot.withAppointment).toBe(pattern.withAppointment);
          // The offset written is the zone's real one at that instant.
          expect(slot.start).toBe(isoWithOffset(start, ZONE));
          expect(slot.id).toMatch(/^[A-Za-z0-9-]{1,64}$/);
          expect(ids.has(slot.id)).toBe(false);
          ids.add(slot.id);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with itself: a sub-window gives exactly the slots of the larger window it contains', () => {
    fc.assert(
      fc.property(
        patternArb,
        windowArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pattern, { from, to }, a, b) => {
          const span = to.getTime() - from.getTime();
          const subFrom = new Date(from.getTime() + Math.floor(Math.min(a, b) * span));
          const subTo = new Date(from.getTime() + Math.floor(Math.max(a, b) * span));
          const inner = slotsForWindow(pattern, subFrom, subTo);
          const outer = slotsForWindow(pattern, from, to).filter(
            (slot) => Date.parse(slot.start) >= subFrom.getTime() && Date.parse(slot.start) <= subTo.getTime(),
          );
          expect(inner).toEqual(outer);
        },
      ),
      { numRuns: 100 },
    );
  });

  const weekdayPattern: SlotPattern = {
    id: 'pfixe',
    owner: { kind: 'practitioner', nationalId: '899990000012' },
    sourceId: 'agendaplume',
    timeZone: ZONE,
    weekdays: [1, 2, 3, 4, 5],
    sessions: [{ start: '08:00', end: '12:00' }],
    durationMinutes: 30,
    freeRatio: 1,
    typeMix: [{ types: ['SNP'], weight: 1 }],
    modeMix: [{ modes: ['cabinet'], weight: 1 }],
    withAppointment: true,
    seed: 7,
  };

  it('writes winter and summer offsets, and skips weekends', () => {
    const winter = slotsForWindow(weekdayPattern, new Date('2026-01-05T00:00:00Z'), new Date('2026-01-05T23:59:59Z'));
    expect(winter.map((slot) => slot.start)).toEqual([
      '2026-01-05T08:00:00+01:00',
      '2026-01-05T08:30:00+01:00',
      '2026-01-05T09:00:00+01:00',
      '2026-01-05T09:30:00+01:00',
      '2026-01-05T10:00:00+01:00',
      '2026-01-05T10:30:00+01:00',
      '2026-01-05T11:00:00+01:00',
      '2026-01-05T11:30:00+01:00',
    ]);
    expect(winter[0]?.id).toBe('pfixe-202601050800');
    const summer = slotsForWindow(weekdayPattern, new Date('2026-07-06T00:00:00Z'), new Date('2026-07-06T23:59:59Z'));
    expect(summer[0]?.start).toBe('2026-07-06T08:00:00+02:00');
    expect(slotsForWindow(weekdayPattern, new Date('2026-07-04T00:00:00Z'), new Date('2026-07-05T21:59:59Z'))).toEqual(
      [],
    );
  });

  it('gives nothing when no slot is free or the window is inverted, and caps long windows', () => {
    expect(
      slotsForWindow(
        { ...weekdayPattern, freeRatio: 0 },
        new Date('2026-01-05T00:00:00Z'),
        new Date('2026-01-09T00:00:00Z'),
      ),
    ).toEqual([]);
    expect(slotsForWindow(weekdayPattern, new Date('2026-01-09T00:00:00Z'), new Date('2026-01-05T00:00:00Z'))).toEqual(
      [],
    );
    expect(slotsForWindow(weekdayPattern, new Date(Number.NaN), new Date('2026-01-05T00:00:00Z'))).toEqual([]);
    const year = slotsForWindow(weekdayPattern, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    const last = Date.parse(year[year.length - 1]!.start);
    expect(last).toBeLessThanOrEqual(Date.parse('2026-01-01T00:00:00Z') + MAX_WINDOW_DAYS * 86_400_000);
  });

  it('rejects patterns with sessions across the night or a daylight-saving change', () => {
    expect(
      slotPatternSchema.safeParse({ ...weekdayPattern, sessions: [{ start: '02:00', end: '05:00' }] }).success,
    ).toBe(false);
    expect(
      slotPatternSchema.safeParse({ ...weekdayPattern, sessions: [{ start: '20:00', end: '08:00' }] }).success,
    ).toBe(false);
  });
});

describe('time zone helpers', () => {
  it('round-trip local wall-clock times outside the night', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2035 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 4 * 60, max: 24 * 60 - 1 }),
        (year, month, day, minute) => {
          const instant = fromLocal({ year, month, day, hour: Math.floor(minute / 60), minute: minute % 60 }, ZONE);
          expect(toLocal(instant, ZONE)).toEqual({
            year,
            month,
            day,
            hour: Math.floor(minute / 60),
            minute: minute % 60,
            second: 0,
          });
          expect([60, 120]).toContain(offsetMinutes(instant, ZONE));
        },
      ),
    );
  });
});
