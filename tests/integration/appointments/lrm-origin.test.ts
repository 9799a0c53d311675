// An appointment booked from a tab an LRM launched is sent back to that LRM: the booking intent carries the
// launch's origin, the V3 report that matches it takes it over, and each change the publisher reports queues a
// message in the LRM outbox in the same transaction. The console's answer carries the status history and the LRM
// state; an appointment from a tab no LRM launched carries no LRM state and queues nothing.
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentAnswerSchema } from '@shared/backend-api/appointment-schemas';
import {
  ALICE,
  PRACTITIONER,
  PUBLISHER_ID,
  sendV3,
  startAppointmentServer,
  validAppointment,
  type AppointmentServer,
} from './appointment-server';

let server: AppointmentServer;

beforeAll(async () => {
  server = await startAppointmentServer();
}, 60_000);

afterAll(async () => {
  await server.close();
  expect(server.unexpected).toEqual([]);
});

const idOf = (appointment: fhir.Appointment) => appointment.identifier?.[0]?.value ?? '';

async function openBookingPage(body: Record<string, string>) {
  const response = await fetch(`${server.url}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ALICE.token}` },
    body: JSON.stringify({ sourceId: PUBLISHER_ID, practitionerId: PRACTITIONER.nationalId, ...body }),
  });
  expect(response.status).toBe(201);
}

async function listed(appointment: fhir.Appointment) {
  const response = await fetch(`${server.url}/api/appointments`, {
    headers: { authorization: `Bearer ${ALICE.token}` },
  });
  const body = (await response.json()) as { appointments: unknown[] };
  return body.appointments
    .map((a) => appointmentAnswerSchema.parse(a))
    .find((a) => a.publisherAppointmentId === idOf(appointment));
}

async function outbox(appointmentId: string) {
  const result = await server.storage.db.query<{ lrm_origin: string; state: string; appointment: unknown }>(
    `SELECT lrm_origin, state, appointment FROM lrm_outbox WHERE appointment_id = $1 ORDER BY id`,
    [appointmentId],
  );
  return result.rows;
}

describe('rendez-vous V3 renvoyés au LRM qui a lancé la recherche', () => {
  it('takes the LRM origin from the booking intent and queues a message for each change', async () => {
    const start = '2030-05-06T10:00:00+02:00';
    await openBookingPage({ searchId: 'onglet-lrm', origin: 'lrm-samu33', start });
    const booked = validAppointment({ start, end: '2030-05-06T10:20:00+02:00' });
    expect((await sendV3(server, booked)).status).toBe(201);

    const stored = await server.storage.appointments.getByPublisherId(PUBLISHER_ID, idOf(booked));
    expect(stored).toMatchObject({ lrmOrigin: 'lrm-samu33', searchId: 'onglet-lrm', lrm: { state: 'pending' } });
    const first = await outbox(stored!.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ lrm_origin: 'lrm-samu33', state: 'queued' });
    expect(first[0]?.appointment).toMatchObject({ id: stored!.id, status: 'booked', lrmOrigin: 'lrm-samu33' });

    // The publisher sends the same report again: nothing new for the LRM.
    expect((await sendV3(server, booked, { method: 'PUT', identifier: idOf(booked) })).status).toBe(200);
    expect(await outbox(stored!.id)).toHaveLength(1);

    const cancelled = { ...booked, status: 'cancelled' as const };
    expect((await sendV3(server, cancelled, { method: 'PUT', identifier: idOf(booked) })).status).toBe(200);
    const both = await outbox(stored!.id);
    expect(both.map((row) => (row.appointment as { status: string }).status)).toEqual(['booked', 'cancelled']);

    const answer = await listed(booked);
    expect(answer?.history?.map((change) => change.status)).toEqual(['booked', 'cancelled']);
    expect(answer?.lrm).toEqual({ state: 'pending', at: expect.any(String) });
    // The platform's own bookkeeping does not reach the console.
    expect(answer && 'lrmOrigin' in answer).toBe(false);
  });

  it('sends nothing for an appointment whose tab no LRM launched', async () => {
    const start = '2030-05-07T10:00:00+02:00';
    await openBookingPage({ searchId: 'onglet-manuel', start });
    const booked = validAppointment({ start, end: '2030-05-07T10:20:00+02:00' });
    expect((await sendV3(server, booked)).status).toBe(201);

    const stored = await server.storage.appointments.getByPublisherId(PUBLISHER_ID, idOf(booked));
    expect(stored?.searchId).toBe('onglet-manuel');
    expect(stored?.lrmOrigin).toBeUndefined();
    expect(stored?.lrm).toBeUndefined();
    expect(await outbox(stored!.id)).toEqual([]);
    expect((await listed(booked))?.history?.map((change) => change.status)).toEqual(['booked']);
  });
});
