// FHIR instants, booking URLs and the Europe/Paris calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBookingUrl } from '@shared/fhir/booking-url';
import { formatInstant, parseInstant } from '@shared/fhir/instant';
import { formatOffset, localDate, localDatePlusDays, offsetMinutes } from '@shared/util/time-zone';

describe('parseInstant', () => {
  it.each([
    ['2021-11-05T09:00:00.000+00:00', Date.UTC(2021, 10, 5, 9), 0],
    ['2024-06-12T16:40:00+02:00', Date.UTC(2024, 5, 12, 14, 40), 120],
    ['2024-06-12T16:40:00Z', Date.UTC(2024, 5, 12, 16, 40), 0],
    ['2024-02-29T23:59:59.123456789-03:30', Date.UTC(2024, 2, 1, 3, 29, 59, 123), -210],
    ['2024-06-12T16:40:00+14:00', Date.UTC(2024, 5, 12, 2, 40), 840],
  ])('%s', (text, epochMs, offsetMinutes) => {
    expect(parseInstant(text)).toEqual({ epochMs, offsetMinutes });
  });

  it.each([
    '2021-02-29T10:00:00Z', // not a leap year
    '2021-04-31T10:00:00Z',
    '2021-13-01T10:00:00Z',
    '2021-11-05T24:00:00Z',
    '2021-11-05T10:60:00Z',
    '2021-11-05T10:00Z', // seconds are mandatory
    '2021-11-05T10:00:00', // so is the zone
    '2021-11-05',
    '2021-11-05T10:00:00+14:30',
    '2021-11-05T10:00:00+02:60',
    ' 2021-11-05T10:00:00Z',
    '2021-11-05T10:00:00.Z',
    '',
  ])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('never throws, and reads back what formatInstant writes (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2199, 11, 31) }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }).map((q) => q * 15),
        (junk, epochMs, offset) => {
          expect(() => parseInstant(junk)).not.toThrow();
          const text = formatInstant(epochMs, offset);
          expect(parseInstant(text)).toEqual({ epochMs, offsetMinutes: offset });
          expect(text.endsWith(formatOffset(offset))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('isBookingUrl', () => {
  it.each([
    'https://exemple.com/rdv/com/',
    'http://127.0.0.1:8080/rdv?slot=1&origin=SAS#top',
    'https://www.doctolib.fr/rdv/12345?a=%C3%A9',
    'HTTPS://EDITEUR.EXAMPLE',
    'https://[::1]:3000/x',
  ])('accepts %s', (url) => {
    expect(isBookingUrl(url)).toBe(true);
  });
  it.each([
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'ftp://exemple.com/',
    'https://user:pass@exemple.com/',
    'https://exemple.com/a b',
    'https://exemple.com/\u0000',
    'https://exemple.com:99999/',
    'https://-bad-.com/',
    'https://',
    '//exemple.com/rdv',
    'Appelez le 05 53 00 00 00',
    `https://exemple.com/${'a'.repeat(2000)}`,
  ])('refuses %j', (url) => {
    expect(isBookingUrl(url)).toBe(false);
  });
  it('never throws and never accepts whitespace or another scheme (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const ok = isBookingUrl(s);
        if (ok) expect(s).toMatch(/^https?:\/\/[^\s@]+$/iu);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Europe/Paris calendar', () => {
  it.each([
    ['2024-06-12T21:59:59.999Z', '2024-06-12', 120],
    ['2024-06-12T22:00:00.000Z', '2024-06-13', 120],
    ['2024-01-15T22:59:59.999Z', '2024-01-15', 60],
    ['2024-01-15T23:00:00.000Z', '2024-01-16', 60],
    ['2024-03-31T00:59:59.999Z', '2024-03-31', 60],
    ['2024-03-31T01:00:00.000Z', '2024-03-31', 120],
    ['2024-10-27T00:59:59.999Z', '2024-10-27', 120],
    ['2024-10-27T01:00:00.000Z', '2024-10-27', 60],
  ])('%s is %s in Paris (offset %i min)', (utc, day, offset) => {
    const ms = Date.parse(utc);
    expect(localDate(ms)).toBe(day);
    expect(offsetMinutes(ms)).toBe(offset);
  });

  it('adds calendar days across months and years', () => {
    expect(localDatePlusDays(Date.parse('2024-12-31T12:00:00Z'), 2)).toBe('2025-01-02');
    expect(localDatePlusDays(Date.parse('2024-02-28T12:00:00Z'), 1)).toBe('2024-02-29');
  });

  it('the cached date equals an uncached Intl computation (property)', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Paris',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
        expect(localDate(ms)).toBe(format.format(new Date(ms)));
      }),
      { numRuns: 3000 },
    );
  });
});
