// Who started an appointment: one the regulator booked after opening this publisher's page from the console is
// linked to its search tab; one for a regulator who opened no page of that publisher lately is accepted but flagged
// « non initié depuis la console »; and a publisher cannot hand an appointment over to another regulator (refused,
// 422 OperationOutcome, the appointment stays with the regulator who booked it).
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentAnswerSchema } from '@shared/backend-api/appointment-schemas';
import {
  ALICE,
  BRUNO,
  PRACTITIONER,
  PUBLISHER_ID,
  issueCodes,
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
const stored = (appointment: fhir.Appointment) =>
  server.storage.appointments.getByPublisherId(PUBLISHER_ID, idOf(appointment));

async function openBookingPage(token: string, body: Record<string, string>) {
  const response = await fetch(`${server.url}/api/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

async function listed(token: string) {
  const response = await fetch(`${server.url}/api/appointments`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { appointments: unknown[] };
  return body.appointments.map((a) => appointmentAnswerSchema.parse(a));
}

describe('appointments the console did not start', () => {
  it('is accepted but flagged when the regulator never opened this publisher’s booking page', async () => {
    const appointment = validAppointment({ operatorId: BRUNO.nationalId });

    const answer = await sendV3(server, appointment);

    expect(answer.status).toBe(201);
    expect((await stored(appointment))?.notInitiated).toBe(true);
    const mine = (await listed(BRUNO.token)).find((a) => a.publisherAppointmentId === idOf(appointment));
    expect(mine?.notInitiated).toBe(true);
  });

  it('is not flagged, and is linked to its tab, after the regulator opened the page from the console', async () => {
    const start = '2030-03-15T10:00:00+01:00';
    await openBookingPage(ALICE.token, {
      searchId: 'onglet-42',
      sourceId: PUBLISHER_ID,
      practitionerId: PRACTITIONER.nationalId,
      start,
    });
    const appointment = validAppointment({ start, end: '2030-03-15T10:20:00+01:00' });

    expect((await sendV3(server, appointment)).status).toBe(201);

    const row = await stored(appointment);
    expect(row?.notInitiated).toBeUndefined();
    expect(row?.searchId).toBe('onglet-42');
  });

  it('a page opened at another publisher does not vouch for this one', async () => {
    await openBookingPage(BRUNO.token, { searchId: 'onglet-7', sourceId: 'rdv-hirondelle' });
    const appointment = validAppointment({ operatorId: BRUNO.nationalId });
    expect((await sendV3(server, appointment)).status).toBe(201);
    expect((await stored(appointment))?.notInitiated).toBe(true);
  });
});

describe('an appointment stays with the regulator who booked it', () => {
  it('an update naming another regulator is refused (422) and changes nothing', async () => {
    const appointment = validAppointment();
    expect((await sendV3(server, appointment)).status).toBe(201);
    const movedToBruno = validAppointment({
      operatorId: BRUNO.nationalId,
      status: 'cancelled',
    });
    movedToBruno.identifier = appointment.identifier;

    const answer = await sendV3(server, movedToBruno, {
      method: 'PUT',
      identifier: `${appointment.identifier?.[0]?.system ?? ''}|${idOf(appointment)}`,
    });

    expect(answer.status).toBe(422);
    expect(issueCodes(answer)).toEqual(['appointment-operator-changed']);
    expect(await stored(appointment)).toMatchObject({ operatorId: ALICE.nationalId, status: 'booked' });
    expect((await listed(BRUNO.token)).some((a) => a.publisherAppointmentId === idOf(appointment))).toBe(false);
  });
});
