// The console's side of the appointments: the list of this regulator's appointments, the live NDJSON stream a V3
// report reaches at once (only the regulator who booked it, never another), and the booking intent that links an
// appointment back to the search tab it came from.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '@shared/domain/appointment';
import { readNdjson } from '@services/ndjson';
import {
  ALICE,
  BRUNO,
  PRACTITIONER,
  PUBLISHER_ID,
  sendV3,
  startAppointmentServer,
  validAppointment,
  type AppointmentServer,
} from './appointment-server';

let server: AppointmentServer;
const open: AbortController[] = [];

beforeAll(async () => {
  server = await startAppointmentServer();
});

afterEach(() => {
  for (const controller of open.splice(0)) controller.abort();
});

afterAll(async () => {
  await server.close();
  expect(server.unexpected).toEqual([]);
});

interface StreamMessage {
  type: string;
  appointment?: Appointment;
}

/** Subscribes as a regulator and waits for the stream's `ready`; `next()` gives the following non-heartbeat message. */
async function subscribe(token: string) {
  const controller = new AbortController();
  open.push(controller);
  const response = await fetch(`${server.url}/api/appointments/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/u);
  if (!response.body) throw new Error('no stream body');
  const messages = readNdjson(response.body) as AsyncGenerator<StreamMessage>;
  const next = async (): Promise<StreamMessage> => {
    for (;;) {
      const { value, done } = await messages.next();
      if (done) throw new Error('stream ended');
      if (value.type !== 'heartbeat') return value;
    }
  };
  expect(await next()).toEqual({ type: 'ready' });
  return { next };
}

async function listAs(token: string): Promise<{ status: number; appointments: Appointment[] }> {
  const response = await fetch(`${server.url}/api/appointments`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { appointments?: Appointment[] };
  return { status: response.status, appointments: body.appointments ?? [] };
}

describe('the regulator’s live appointment stream', () => {
  it('a V3 POST reaches the stream of the regulator who booked it, and no other regulator’s stream', async () => {
    const alice = await subscribe(ALICE.token);
    const bruno = await subscribe(BRUNO.token);
    const forAlice = validAppointment({ operatorId: ALICE.nationalId });
    const forBruno = validAppointment({ operatorId: BRUNO.nationalId });

    expect((await sendV3(server, forAlice)).status).toBe(201);
    expect((await sendV3(server, forBruno)).status).toBe(201);

    const aliceMessage = await alice.next();
    expect(aliceMessage.type).toBe('appointment');
    expect(aliceMessage.appointment).toMatchObject({
      publisherId: PUBLISHER_ID,
      publisherAppointmentId: forAlice.identifier?.[0]?.value,
      operatorId: ALICE.nationalId,
      status: 'booked',
      practitionerId: PRACTITIONER.nationalId,
      practitionerName: PRACTITIONER.name,
    });
    // The feed delivers in order: had Bruno's stream received Alice's appointment, it would come before his own.
    const brunoMessage = await bruno.next();
    expect(brunoMessage.appointment?.operatorId).toBe(BRUNO.nationalId);
    expect(brunoMessage.appointment?.publisherAppointmentId).toBe(forBruno.identifier?.[0]?.value);
  });

  it('each change (conditional PUT) is pushed as it happens, with the same backend id', async () => {
    const alice = await subscribe(ALICE.token);
    const appointment = validAppointment();
    const identifier = `${appointment.identifier?.[0]?.system}|${appointment.identifier?.[0]?.value}`;

    await sendV3(server, appointment);
    const booked = await alice.next();
    await sendV3(server, { ...appointment, status: 'cancelled' }, { method: 'PUT', identifier });
    const cancelled = await alice.next();

    expect(booked.appointment?.status).toBe('booked');
    expect(cancelled.appointment?.status).toBe('cancelled');
    expect(cancelled.appointment?.id).toBe(booked.appointment?.id);
  });

  it('a refused report reaches no stream', async () => {
    const alice = await subscribe(ALICE.token);
    const refused = { ...validAppointment(), status: 'confirmed' };
    const accepted = validAppointment();

    expect((await sendV3(server, refused)).status).toBe(422);
    expect((await sendV3(server, accepted)).status).toBe(201);

    expect((await alice.next()).appointment?.publisherAppointmentId).toBe(accepted.identifier?.[0]?.value);
  });

  it('what the stream carries holds no FHIR body and no patient data, only the console’s fields', async () => {
    const alice = await subscribe(ALICE.token);
    await sendV3(server, validAppointment());

    const message = await alice.next();

    expect(Object.keys(message.appointment ?? {}).sort()).toEqual(
      [
        'end',
        // Its statuses and when the platform learnt them; never the LRM origin the platform keeps for itself.
        'history',
        'id',
        // No booking page was opened from the console for it: the console shows the flag.
        'notInitiated',
        'operatorId',
        'practitionerId',
        'practitionerName',
        'practitionerStatus',
        'publisherAppointmentId',
        'publisherId',
        'start',
        'status',
        'updatedAt',
      ].sort(),
    );
  });

  it('refuses a stream without a valid console token (401)', async () => {
    const none = await fetch(`${server.url}/api/appointments/events`);
    const wrong = await fetch(`${server.url}/api/appointments/events`, {
      headers: { authorization: 'Bearer jeton-inconnu-000000000' },
    });

    expect(none.status).toBe(401);
    expect(wrong.status).toBe(401);
  });
});

describe('the regulator’s appointment list and the link to the search tab', () => {
  it('lists only the caller’s own appointments', async () => {
    const mine = validAppointment({ operatorId: BRUNO.nationalId });
    await sendV3(server, mine);
    await sendV3(server, validAppointment({ operatorId: ALICE.nationalId }));

    const bruno = await listAs(BRUNO.token);
    const anonymous = await fetch(`${server.url}/api/appointments`);

    expect(bruno.status).toBe(200);
    expect(bruno.appointments.length).toBeGreaterThan(0);
    expect(bruno.appointments.every((a) => a.operatorId === BRUNO.nationalId)).toBe(true);
    expect(bruno.appointments.map((a) => a.publisherAppointmentId)).toContain(mine.identifier?.[0]?.value);
    expect(anonymous.status).toBe(401);
  });

  it('an appointment booked from a search tab comes back with that tab’s search id (booking intent)', async () => {
    const start = '2030-04-02T10:40:00+02:00';
    const intent = await fetch(`${server.url}/api/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ALICE.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        searchId: 'recherche-123',
        sourceId: PUBLISHER_ID,
        practitionerId: PRACTITIONER.nationalId,
        start: '2030-04-02T08:40:00Z',
      }),
    });
    expect(intent.status).toBe(201);
    const alice = await subscribe(ALICE.token);

    await sendV3(server, validAppointment({ start, end: '2030-04-02T11:00:00+02:00' }));
    // Same publisher, another regulator: not linked to Alice's tab.
    await sendV3(server, validAppointment({ operatorId: BRUNO.nationalId, start, end: '2030-04-02T11:00:00+02:00' }));

    expect((await alice.next()).appointment?.searchId).toBe('recherche-123');
    const bruno = await listAs(BRUNO.token);
    expect(bruno.appointments.find((a) => a.start.startsWith('2030-04-02'))?.searchId).toBeUndefined();
  });

  it('refuses an invalid booking intent (400) and an anonymous one (401)', async () => {
    const invalid = await fetch(`${server.url}/api/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ALICE.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sourceId: PUBLISHER_ID }),
    });
    const anonymous = await fetch(`${server.url}/api/bookings`, { method: 'POST', body: '{}' });

    expect(invalid.status).toBe(400);
    expect(anonymous.status).toBe(401);
  });
});
