// The booking page's patient form: a parser of untrusted input that names each wrong field in French.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBirthDate, PATIENT_FIELDS, readPatientForm } from '@backend/training/publishers/booking/patient-form';

const TODAY = '2026-03-10';
const form = (values: Partial<Record<keyof typeof PATIENT_FIELDS, string>>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    params.set(PATIENT_FIELDS[key as keyof typeof PATIENT_FIELDS], value);
  return params;
};
const VALID = { familyName: 'Le Goff-d’Arc', givenName: 'Zoé', birthDate: '1984-05-17', phone: '06 12 34 56 78' };

describe('readPatientForm', () => {
  it('reads a valid form, phone normalised', () => {
    expect(readPatientForm(form(VALID), TODAY)).toEqual({
      ok: true,
      patient: { familyName: 'Le Goff-d’Arc', givenName: 'Zoé', birthDate: '1984-05-17', phone: '0612345678' },
    });
    expect(readPatientForm(form({ ...VALID, phone: '+33 6 12 34 56 78' }), TODAY)).toMatchObject({
      ok: true,
      patient: { phone: '+33612345678' },
    });
    expect(readPatientForm(form({ ...VALID, birthDate: TODAY }), TODAY).ok).toBe(true);
  });

  it.each([
    ['familyName', '', 'Nom du patient obligatoire.'],
    ['familyName', '<script>', 'Nom du patient invalide'],
    ['givenName', '   ', 'Prénom du patient obligatoire.'],
    ['givenName', '1234', 'Prénom du patient invalide'],
    ['birthDate', '', 'Date de naissance obligatoire.'],
    ['birthDate', '17/05/1984', 'Date de naissance invalide'],
    ['birthDate', '2023-02-29', 'Date de naissance invalide'],
    ['birthDate', '2026-03-11', 'Date de naissance invalide'],
    ['birthDate', '1899-12-31', 'Date de naissance invalide'],
    ['phone', '', 'Téléphone obligatoire.'],
    ['phone', '0012345678', 'Téléphone invalide'],
    ['phone', '06123', 'Téléphone invalide'],
  ] as const)('%s = %j → « %s », that field only', (field, value, message) => {
    const result = readPatientForm(form({ ...VALID, [field]: value }), TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors)).toEqual([field]);
    expect(result.errors[field]).toContain(message);
    // What was typed comes back to refill the form (trimmed).
    expect(result.values[field]).toBe(value.trim());
  });

  it('names every missing field of an empty form', () => {
    const result = readPatientForm(new URLSearchParams(), TODAY);
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual([
      'birthDate',
      'familyName',
      'givenName',
      'phone',
    ]);
  });

  it('never throws; accepts only well-formed values; bounds what it echoes back', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/u),
      fc.stringMatching(/^0\d{9}$/u),
    );
    fc.assert(
      fc.property(fc.record({ familyName: value, givenName: value, birthDate: value, phone: value }), (values) => {
        const result = readPatientForm(form(values), TODAY);
        if (result.ok) {
          expect(result.patient.familyName).toMatch(/^\p{L}/u);
          expect(isBirthDate(result.patient.birthDate, TODAY)).toBe(true);
          expect(result.patient.phone).toMatch(/^(0\d{9}|\+\d{8,15})$/u);
        } else {
          expect(Object.keys(result.errors).length).toBeGreaterThan(0);
          for (const echoed of Object.values(result.values)) expect(echoed.length).toBeLessThanOrEqual(200);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('isBirthDate', () => {
  it('is true exactly for real calendar dates from 1900 to today', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1850-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(isBirthDate(iso, TODAY)).toBe(iso >= '1900-01-01' && iso <= TODAY);
        },
      ),
    );
    expect(isBirthDate('2024-02-29', TODAY)).toBe(true);
    expect(isBirthDate('2025-02-29', TODAY)).toBe(false);
    expect(isBirthDate('2025-13-01', TODAY)).toBe(false);
  });
});
