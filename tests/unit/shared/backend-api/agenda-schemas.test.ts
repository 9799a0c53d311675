// The SAS agenda's availabilities as managers send them: what is accepted, and every refusal naming its field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityInputSchema, availabilityPutSchema } from '@shared/backend-api/agenda-schemas';
import { backendRoutes } from '@shared/backend-api/routes';
import { CONSULTATION_MODES, SLOT_TYPES } from '@shared/domain/slot';

const valid = {
  sosSiteId: '1339900128',
  start: '2026-05-04T09:00:00+02:00',
  end: '2026-05-04T09:20:00+02:00',
  types: ['SNP'],
  modes: ['cabinet'],
};

const fieldsRefused = (input: unknown) => {
  const parsed = availabilityInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

const ownerArb = fc.stringMatching(/^[\w.:-]{1,64}$/u).filter((s) => s.trim() === s);

describe('an availability of the SAS agenda', () => {
  it('is accepted for a practitioner, a CPTS, a SOS site, or several of them together', () => {
    fc.assert(
      fc.property(
        fc
          .record({ practitionerId: ownerArb, cptsFiness: ownerArb, sosSiteId: ownerArb }, { requiredKeys: [] })
          .filter((owners) => Object.keys(owners).length > 0),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 12 * 60 }),
        fc.uniqueArray(fc.constantFrom(...SLOT_TYPES), { minLength: 1 }),
        fc.uniqueArray(fc.constantFrom(...CONSULTATION_MODES), { minLength: 1 }),
        (owners, start, minutes, types, modes) => {
          const input = {
            ...owners,
            start: start.toISOString(),
            end: new Date(start.getTime() + minutes * 60_000).toISOString(),
            types,
            modes,
          };
          expect(availabilityInputSchema.safeParse(input).success).toBe(true);
        },
      ),
    );
  });

  it('names the field it refuses', () => {
    expect(fieldsRefused({ ...valid, sosSiteId: undefined })).toEqual(['practitionerId']);
    expect(fieldsRefused({ ...valid, end: valid.start })).toEqual(['end']);
    expect(fieldsRefused({ ...valid, end: '2026-05-05T09:20:00+02:00' })).toEqual(['end']);
    // A start without its offset is refused (the end may be too, when the start read as a local time follows it).
    expect(fieldsRefused({ ...valid, start: '2026-05-04 09:00' })).toContain('start');
    expect(fieldsRefused({ ...valid, start: '2026-05-04T09:00:00' })).toContain('start');
    expect(fieldsRefused({ ...valid, types: [] })).toEqual(['types']);
    expect(fieldsRefused({ ...valid, modes: ['visio'] })).toEqual(['modes.0']);
    expect(fieldsRefused({ ...valid, bookingUrl: 'javascript:alert(1)' })).toEqual(['bookingUrl']);
    expect(fieldsRefused({ ...valid, sosSiteId: 'site 1; DROP' })).toEqual(['sosSiteId']);
    expect(fieldsRefused({ ...valid, patient: 'Dupont' })).toEqual(['']);
    expect(availabilityPutSchema.safeParse({ availabilities: [] }).success).toBe(false);
    expect(availabilityPutSchema.safeParse({ availabilities: new Array(501).fill(valid) }).success).toBe(false);
  });

  it('never throws on arbitrary input, whatever the route schema', () => {
    const schemas = [
      availabilityInputSchema,
      availabilityPutSchema,
      backendRoutes.agendaAvailabilitiesDelete.query,
      backendRoutes.agendaBook.body,
      backendRoutes.agendaCancel.body,
    ];
    fc.assert(
      fc.property(fc.anything(), (value) => {
        for (const schema of schemas) expect(() => schema.safeParse(value)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        fc.record({ ...Object.fromEntries(Object.keys(valid).map((k) => [k, fc.anything()])) }, { requiredKeys: [] }),
        (value) => {
          expect(() => availabilityInputSchema.safeParse({ ...valid, ...value })).not.toThrow();
        },
      ),
    );
  });

  it('books a slot only with an id, and an LRM origin only in its own alphabet', () => {
    expect(backendRoutes.agendaBook.body.safeParse({ slotId: 'sas-agenda/x', origin: 'lrm.samu33' }).success).toBe(
      true,
    );
    expect(backendRoutes.agendaBook.body.safeParse({ slotId: '' }).success).toBe(false);
    expect(backendRoutes.agendaBook.body.safeParse({ slotId: 'x', origin: 'samu 33' }).success).toBe(false);
    expect(backendRoutes.agendaAvailabilitiesPut).toMatchObject({ method: 'PUT', auth: 'manager' });
    expect(backendRoutes.agendaAvailabilitiesDelete).toMatchObject({ method: 'DELETE', auth: 'manager' });
  });
});
