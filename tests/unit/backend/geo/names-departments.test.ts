import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departmentOfInsee, normalizeDepartmentCode } from '@backend/geo/departments';
import { normalizeName } from '@backend/geo/names';

describe('normalizeName', () => {
  it('ignores case, accents, hyphens, apostrophes and St/Ste abbreviations', () => {
    expect(normalizeName('Saint-Étienne')).toBe('saint etienne');
    expect(normalizeName('  ST ETIENNE ')).toBe('saint etienne');
    expect(normalizeName("L'Haÿ-les-Roses")).toBe('l hay les roses');
    expect(normalizeName('Ste-Colombe')).toBe(normalizeName('Sainte Colombe'));
    expect(normalizeName('Cœuvres-et-Valsery')).toBe('coeuvres et valsery');
  });

  it('is idempotent, case-insensitive and never leaves separators at the ends', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const once = normalizeName(text);
        expect(normalizeName(once)).toBe(once);
        expect(normalizeName(text.toUpperCase())).toBe(normalizeName(text.toLowerCase()));
        expect(once).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
      }),
    );
  });
});

describe('department codes', () => {
  it('normalises every spelling the sources use', () => {
    expect(normalizeDepartmentCode('4')).toBe('04');
    expect(normalizeDepartmentCode('04')).toBe('04');
    expect(normalizeDepartmentCode('20A')).toBe('2A');
    expect(normalizeDepartmentCode('2b')).toBe('2B');
    expect(normalizeDepartmentCode('971')).toBe('971');
    expect(normalizeDepartmentCode('47')).toBe('47');
    for (const bad of ['', '0', '20', '96', '977', 'AB', '2C', '4 7'])
      expect(normalizeDepartmentCode(bad)).toBeUndefined();
  });

  it('only ever answers a valid INSEE department code', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (text) => {
        const code = normalizeDepartmentCode(text);
        if (code !== undefined) {
          expect(code).toMatch(/^(0[1-9]|1\d|2[AB]|2[1-9]|[3-8]\d|9[0-5]|97[1-6])$/);
          expect(normalizeDepartmentCode(code)).toBe(code);
        }
      }),
    );
  });

  it('finds the department of a commune code', () => {
    expect(departmentOfInsee('47001')).toBe('47');
    expect(departmentOfInsee('2A004')).toBe('2A');
    expect(departmentOfInsee('97411')).toBe('974');
    expect(departmentOfInsee('4700')).toBeUndefined();
    expect(departmentOfInsee('2C004')).toBeUndefined();
  });
});
