import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fictitiousFiness,
  isFictitiousRpps,
  isLuhnValid,
  luhnCheckDigit,
  practitionerRpps,
  regulatorRpps,
} from '@backend/training/dataset/identifiers';
import { FINESS_PATTERN, parseNationalId } from '@shared/domain/identifiers';

describe('Luhn', () => {
  it('matches the textbook example', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
  });

  it('accepts any payload with its check digit and catches any single-digit change', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 15 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (payload, position, delta) => {
          const valid = `${payload}${luhnCheckDigit(payload)}`;
          expect(isLuhnValid(valid)).toBe(true);
          const index = position % valid.length;
          const changed = `${valid.slice(0, index)}${(Number(valid[index]) + delta) % 10}${valid.slice(index + 1)}`;
          expect(isLuhnValid(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('fictitious identifiers', () => {
  it('gives well-formed RPPS numbers in the 9999 range, practitioners and regulators apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 899_999 }), fc.integer({ min: 1, max: 100_000 }), (n, m) => {
        const rpps = practitionerRpps(n);
        expect(isFictitiousRpps(rpps)).toBe(true);
        expect(parseNationalId(`8${rpps}`).kind).toBe('rpps');
        expect(Number(rpps.slice(4, 10))).toBeLessThan(900_000);
        expect(Number(regulatorRpps(m).slice(4, 10))).toBeGreaterThanOrEqual(900_000);
      }),
    );
    expect(() => practitionerRpps(900_000)).toThrow(RangeError);
    expect(isFictitiousRpps('10002673899')).toBe(false);
  });

  it('gives FINESS numbers of the department with a check digit', () => {
    const finess = fictitiousFiness('47', 12);
    expect(finess).toMatch(FINESS_PATTERN);
    expect(finess.startsWith('4799')).toBe(true);
    expect(isLuhnValid(finess)).toBe(true);
    expect(() => fictitiousFiness('2A', 1)).toThrow(RangeError);
  });
});
