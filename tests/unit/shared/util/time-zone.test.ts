import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatOffset,
  fromLocal,
  isoWithOffset,
  localDate,
  localDatePlusDays,
  offsetMinutes,
  toLocal,
} from '@shared/util/time-zone';

const INSTANT = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2080, 0, 1) });
const ZONES = ['Europe/Paris', 'America/Cayenne', 'Indian/Reunion', 'Pacific/Noumea', 'Asia/Kolkata', 'UTC'];

describe('time zone', () => {
  it('defaults to Paris: winter and summer offsets', () => {
    expect(offsetMinutes(Date.parse('2026-01-15T12:00:00Z'))).toBe(60);
    expect(offsetMinutes(Date.parse('2026-07-15T12:00:00Z'))).toBe(120);
    expect(isoWithOffset(Date.parse('2026-04-01T07:00:00Z'))).toBe('2026-04-01T09:00:00+02:00');
    expect(toLocal(Date.parse('2026-03-29T00:59:59Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 1,
      minute: 59,
      second: 59,
    });
    expect(toLocal(Date.parse('2026-03-29T01:00:00Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 3,
      minute: 0,
      second: 0,
    });
  });

  it('takes other zones', () => {
    expect(offsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'Indian/Reunion')).toBe(240);
    expect(offsetMinutes(Date.parse('2026-01-15T12:00:00Z'), 'America/Cayenne')).toBe(-180);
    expect(isoWithOffset(Date.parse('2026-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-15T17:30:00+05:30');
    expect(localDate(Date.parse('2026-01-15T22:30:00Z'), 'Pacific/Noumea')).toBe('2026-01-16');
    expect(localDate(Date.parse('2026-01-15T22:30:00Z'))).toBe('2026-01-15');
  });

  it('writes offsets as the IG does', () => {
    expect(formatOffset(0)).toBe('+00:00');
    expect(formatOffset(-210)).toBe('-03:30');
    expect(formatOffset(120)).toBe('+02:00');
  });

  it('round-trips instants through local time in any zone (property)', () => {
    fc.assert(
      fc.property(INSTANT, fc.constantFrom(...ZONES), (instant, zone) => {
        const whole = Math.floor(instant / 1000) * 1000;
        const local = toLocal(whole, zone);
        const back = fromLocal(local, zone);
        // A wall time repeated in autumn maps back to one of its two instants.
        expect([whole, whole - 3_600_000, whole + 3_600_000]).toContain(back);
        expect(toLocal(back, zone)).toEqual(local);
      }),
    );
  });

  it('keeps milliseconds and normalises day overflow when going back to an instant', () => {
    const end = fromLocal({ year: 2026, month: 1, day: 32, hour: 23, minute: 59, second: 59, millisecond: 999 });
    expect(new Date(end).toISOString()).toBe('2026-02-01T22:59:59.999Z');
  });

  it('gives the local date, cached or not, as Intl does (property)', () => {
    fc.assert(
      fc.property(INSTANT, fc.constantFrom(...ZONES), (instant, zone) => {
        const format = new Intl.DateTimeFormat('en-CA', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        });
        expect(localDate(instant, zone)).toBe(format.format(new Date(instant)));
      }),
    );
    expect(localDatePlusDays(Date.parse('2024-12-31T12:00:00Z'), 2)).toBe('2025-01-02');
    expect(localDatePlusDays(Date.parse('2024-03-01T12:00:00Z'), -1)).toBe('2024-02-29');
  });
});
