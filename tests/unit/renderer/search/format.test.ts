import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDistance,
  formatPhone,
  formatSlotTime,
  practitionerName,
  slotDayIndex,
  telHref,
} from '@renderer/search/format';

describe('card formats', () => {
  it('gives distances at a precision one can say on the phone', () => {
    expect(formatDistance(0.004)).toBe('10 m');
    expect(formatDistance(0.347)).toBe('350 m');
    expect(formatDistance(1.25)).toMatch(/^1,[23] km$/);
    expect(formatDistance(12.4)).toBe('12 km');
    expect(formatDistance(undefined)).toBeUndefined();
    expect(formatDistance(Number.NaN)).toBeUndefined();
    expect(formatDistance(-1)).toBeUndefined();
  });

  it('writes French numbers in pairs and leaves anything else as published', () => {
    expect(formatPhone('+33140434326')).toBe('01 40 43 43 26');
    expect(formatPhone('0140434326')).toBe('01 40 43 43 26');
    expect(formatPhone('01.40.43.43.26')).toBe('01 40 43 43 26');
    expect(formatPhone('0033553000011')).toBe('05 53 00 00 11');
    expect(formatPhone('+41 22 000 00 00')).toBe('+41 22 000 00 00');
    expect(formatPhone('  ')).toBeUndefined();
    expect(formatPhone(undefined)).toBeUndefined();
  });

  it('never changes the digits of a number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (phone) => {
        const shown = formatPhone(phone);
        if (shown === undefined) return;
        const digits = (s: string) => s.replace(/\D/gu, '');
        const original = digits(phone);
        // +33 / 0033 become a leading 0: the national number itself is unchanged.
        expect([original, original.replace(/^(0033|33)/u, '0')]).toContain(digits(shown));
      }),
    );
  });

  it('builds tel: links only from dialable numbers', () => {
    expect(telHref('+33 1 40 43 43 26')).toBe('tel:+33140434326');
    expect(telHref('appelez le standard')).toBeUndefined();
    expect(telHref(undefined)).toBeUndefined();
  });

  it('names a practitioner with prefix and given name when known', () => {
    expect(practitionerName({ prefix: 'Dr', givenName: 'Jeanne', familyName: 'Martin' })).toBe('Dr Jeanne Martin');
    expect(practitionerName({ familyName: 'Martin' })).toBe('Martin');
    expect(practitionerName({ prefix: ' ', givenName: '', familyName: ' Martin ' })).toBe('Martin');
  });

  it('shows slot times and days in Paris time, whatever the offset the publisher used', () => {
    expect(formatSlotTime('2025-06-13T12:30:00Z')).toBe('14:30');
    expect(formatSlotTime('2025-06-13T14:30:00+02:00')).toBe('14:30');
    expect(formatSlotTime('pas une date')).toBe('—');
    const now = Date.parse('2025-06-13T21:30:00Z'); // 23:30 in Paris, Friday
    expect(slotDayIndex('2025-06-13T21:45:00Z', now)).toBe(0);
    expect(slotDayIndex('2025-06-13T22:15:00Z', now)).toBe(1); // 00:15 on Saturday in Paris
    expect(slotDayIndex('2025-06-15T10:00:00+02:00', now)).toBe(2);
    expect(slotDayIndex('2025-06-16T10:00:00+02:00', now)).toBeUndefined();
    expect(slotDayIndex('2025-06-12T10:00:00+02:00', now)).toBeUndefined();
  });
});
