// Publishers authenticated by their client certificate (mutual TLS, as with IGC-Santé in production): the backend
// serves HTTPS with client certificates requested (bindServer + tls), and the V3 receiver knows each publisher by
// the fingerprint of its certificate. Accepted: the registered certificate from the trusted CA. Refused with a 401
// OperationOutcome: no certificate, a self-signed one, and one from the right CA that no publisher registered.
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientCertificateAuthenticator } from '@backend/appointments/publisher-auth';
import { createTestPki, type KeyPair, type TestPki } from './certificates';
import { PUBLISHER_ID, startAppointmentServer, validAppointment, type AppointmentServer } from './appointment-server';

let pki: TestPki;
let server: AppointmentServer;
let registered: KeyPair;
let unregistered: KeyPair;
let selfSigned: KeyPair;
let otherPublisher: KeyPair;

beforeAll(async () => {
  pki = createTestPki();
  registered = pki.client('agendaplume');
  otherPublisher = pki.client('rdv-hirondelle');
  unregistered = pki.client('editeur-inconnu');
  // Self-signed, and yet registered below: its refusal can only come from the chain check against the CA.
  selfSigned = pki.selfSigned('agendaplume-autosigne');
  server = await startAppointmentServer({
    tls: { cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert },
    authenticatePublisher: clientCertificateAuthenticator({
      [PUBLISHER_ID]: [registered.fingerprint256, selfSigned.fingerprint256],
      'rdv-hirondelle': [otherPublisher.fingerprint256.toLowerCase()],
    }),
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  pki?.dispose();
  expect(server.unexpected).toEqual([]);
});

interface Answer {
  status: number;
  body: { resourceType?: string; id?: string; issue?: { code: string; details: { text: string } }[] };
}

/** A V3 POST over TLS, trusting the test CA, with or without a client certificate. */
function post(body: unknown, client?: KeyPair): Promise<Answer> {
  const url = new URL('/fhir/Appointment', server.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        ca: pki.ca.cert,
        ...(client ? { cert: client.cert, key: client.key } : {}),
        headers: { 'content-type': 'application/fhir+json' },
        agent: false,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Answer['body'] }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const stored = (appointment: ReturnType<typeof validAppointment>) =>
  server.storage.appointments.getByPublisherId(PUBLISHER_ID, appointment.identifier?.[0]?.value ?? '');

describe('mutual TLS for publishers (V3)', () => {
  it('serves HTTPS on loopback', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/u);
  });

  it('accepts a publisher presenting its registered certificate: 201, stored under that publisher', async () => {
    const appointment = validAppointment();

    const answer = await post(appointment, registered);

    expect(answer.status).toBe(201);
    expect(answer.body.resourceType).toBe('Appointment');
    expect(await stored(appointment)).toMatchObject({ publisherId: PUBLISHER_ID, status: 'booked' });
  });

  it('tells publishers apart by certificate (fingerprints compared case-insensitively)', async () => {
    const appointment = validAppointment();

    const answer = await post(appointment, otherPublisher);

    expect(answer.status).toBe(201);
    const row = await server.storage.appointments.getByPublisherId(
      'rdv-hirondelle',
      appointment.identifier?.[0]?.value ?? '',
    );
    expect(row?.publisherId).toBe('rdv-hirondelle');
    expect(await stored(appointment)).toBeUndefined();
  });

  it('refuses a publisher without a client certificate: 401 OperationOutcome, nothing stored', async () => {
    const appointment = validAppointment();

    const answer = await post(appointment);

    expect(answer.status).toBe(401);
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expect(answer.body.issue?.[0]?.code).toBe('security');
    expect(answer.body.issue?.[0]?.details.text).toContain('certificat client');
    expect(await stored(appointment)).toBeUndefined();
  });

  it('refuses a self-signed certificate (not issued by the trusted CA), even with a registered fingerprint: 401', async () => {
    const appointment = validAppointment();

    const answer = await post(appointment, selfSigned);

    expect(answer.status).toBe(401);
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expect(await stored(appointment)).toBeUndefined();
  });

  it('refuses a certificate from the trusted CA that no publisher registered: 401', async () => {
    const appointment = validAppointment();

    const answer = await post(appointment, unregistered);

    expect(answer.status).toBe(401);
    expect(answer.body.resourceType).toBe('OperationOutcome');
    expect(await stored(appointment)).toBeUndefined();
  });

  it('a registered certificate does not excuse an invalid appointment: 422 as over plain HTTP', async () => {
    const appointment = { ...validAppointment(), status: 'confirmed' };

    const answer = await post(appointment, registered);

    expect(answer.status).toBe(422);
    expect(answer.body.issue?.[0]?.details.text).toContain('« confirmed »');
  });
});
