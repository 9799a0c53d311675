import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appointmentEventSchemas } from '@shared/backend-api/appointment-schemas';
import { backendRoutes } from '@shared/backend-api/routes';
import { searchEventSchema, searchEventSchemas } from '@shared/backend-api/search-event-schemas';

const appointment = {
  id: 'a-1',
  publisherId: 'agendaplume',
  publisherAppointmentId: 'rdv-1',
  status: 'booked',
  start: '2026-03-02T09:00:00+01:00',
  end: '2026-03-02T09:15:00+01:00',
  operatorId: '899900000001',
  updatedAt: '2026-03-01T10:00:00Z',
};

const slot = {
  id: 'agendaplume/1',
  start: '2026-03-02T09:00:00+01:00',
  end: '2026-03-02T09:15:00+01:00',
  types: ['PUBLIC'],
  modes: ['cabinet'],
  withAppointment: true,
  sourceId: 'agendaplume',
  specialties: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_R38', code: 'SM54' }],
};

describe('the console ⇄ backend route table', () => {
  it('names each route once, by method and path', () => {
    const keys = Object.values(backendRoutes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(backendRoutes.search).toMatchObject({ method: 'POST', path: '/api/search', auth: 'bearer' });
    expect(backendRoutes.health.auth).toBe('none');
  });

  it('accepts what the backend sends and refuses a wrong shape', () => {
    expect(searchEventSchema.safeParse({ type: 'slots', sourceId: 'agendaplume', slots: [slot] }).success).toBe(true);
    expect(searchEventSchema.safeParse({ type: 'done', durationMs: 12 }).success).toBe(true);
    expect(
      searchEventSchema.safeParse({ type: 'slots', sourceId: 'agendaplume', slots: [{ ...slot, start: 42 }] }).success,
    ).toBe(false);
    expect(
      searchEventSchema.safeParse({ type: 'slots', sourceId: 'agendaplume', slots: [{ ...slot, types: ['VIP'] }] })
        .success,
    ).toBe(false);
    expect(searchEventSchema.safeParse({ type: 'surprise' }).success).toBe(false);
    expect(backendRoutes.appointments.response.safeParse({ appointments: [appointment] }).success).toBe(true);
    expect(
      backendRoutes.appointments.response.safeParse({ appointments: [{ ...appointment, status: 'maybe' }] }).success,
    ).toBe(false);
    expect(backendRoutes.appointments.response.safeParse({ appointment: [] }).success).toBe(false);
    expect(appointmentEventSchemas.appointment.safeParse({ type: 'appointment', appointment }).success).toBe(true);
    expect(backendRoutes.appointmentEvents.event.safeParse({ type: 'appointment' }).success).toBe(false);
    expect(
      backendRoutes.publishers.response.safeParse({ publishers: [{ id: 'x', name: 'X', bookingOrigins: 'https://x' }] })
        .success,
    ).toBe(false);
  });

  it('reads requests as the backend did: places text defaults to empty and is bounded, a search needs a commune', () => {
    expect(backendRoutes.places.query.parse({})).toEqual({ q: '' });
    expect(backendRoutes.places.query.safeParse({ q: 'a'.repeat(201) }).success).toBe(false);
    expect(backendRoutes.search.body.safeParse({ query: { location: { inseeCode: '47001' } } }).success).toBe(true);
    expect(backendRoutes.search.body.safeParse({ query: { location: {} } }).success).toBe(false);
    expect(backendRoutes.bookings.body.safeParse({ searchId: 's', sourceId: '' }).success).toBe(false);
  });

  it('every schema of the table returns a failure on arbitrary input, never throws', () => {
    const schemas = [
      ...Object.values(backendRoutes).flatMap((route) => [
        'response' in route ? route.response : undefined,
        'event' in route ? route.event : undefined,
        'body' in route ? route.body : undefined,
        'query' in route ? route.query : undefined,
      ]),
      ...Object.values(searchEventSchemas),
      ...Object.values(appointmentEventSchemas),
    ].filter((s) => s !== undefined);
    expect(schemas.length).toBeGreaterThan(15);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.jsonValue(),
          fc.record({ type: fc.constantFrom(...Object.keys(searchEventSchemas), 'appointment', 'ready') }),
        ),
        (input) => {
          for (const schema of schemas) expect(typeof schema.safeParse(input).success).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});
