// Publishers known by their certificate's subject (CN and OU, as the platform's mTLS specification asks), the chain
// checked against the configured CA: a renewed certificate (new key, same subject) keeps working without touching
// the configuration; a self-signed one with the same subject, or one with the right CN under another OU, does not.
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOf, certificateSubjectAuthenticator } from '@backend/appointments/publisher-auth';
import { createTestPki, type KeyPair, type TestPki } from './certificates';
import { PUBLISHER_ID, startAppointmentServer, validAppointment, type AppointmentServer } from './appointment-server';

const CN = 'rdv.agendaplume.example';
const OU = 'SAS-RDV';
let pki: TestPki;
let server: AppointmentServer;
let first: KeyPair;
let renewed: KeyPair;
let otherOu: KeyPair;
let forged: KeyPair;

beforeAll(async () => {
  pki = createTestPki();
  first = pki.clientWithSubject('agendaplume-1', `/O=Agendaplume/OU=${OU}/CN=${CN}`);
  renewed = pki.clientWithSubject('agendaplume-2', `/O=Agendaplume/OU=${OU}/CN=${CN}`);
  otherOu = pki.clientWithSubject('agendaplume-ou', `/O=Agendaplume/OU=Facturation/CN=${CN}`);
  forged = pki.selfSigned('agendaplume-faux', `/O=Agendaplume/OU=${OU}/CN=${CN}`);
  server = await startAppointmentServer({
    tls: { cert: pki.server.cert, key: pki.server.key, ca: pki.ca.cert },
    authenticatePublisher: anyOf(certificateSubjectAuthenticator({ [PUBLISHER_ID]: [{ cn: CN, ou: OU }] })),
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  pki?.dispose();
  expect(server.unexpected).toEqual([]);
});

function post(body: unknown, client: KeyPair): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL('/fhir/v1/Appointment', server.url),
      {
        method: 'POST',
        ca: pki.ca.cert,
        cert: client.cert,
        key: client.key,
        headers: { 'content-type': 'application/fhir+json' },
        agent: false,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const stored = (appointment: ReturnType<typeof validAppointment>) =>
  server.storage.appointments.getByPublisherId(PUBLISHER_ID, appointment.identifier?.[0]?.value ?? '');

describe('mutual TLS: publishers identified by certificate subject', () => {
  it('accepts the configured CN and OU, and a renewed certificate with the same subject', async () => {
    const a = validAppointment();
    const b = validAppointment();
    expect(await post(a, first)).toBe(201);
    expect(await post(b, renewed)).toBe(201);
    expect((await stored(a))?.publisherId).toBe(PUBLISHER_ID);
    expect((await stored(b))?.publisherId).toBe(PUBLISHER_ID);
  });

  it('refuses the right CN under another OU: 401', async () => {
    const a = validAppointment();
    expect(await post(a, otherOu)).toBe(401);
    expect(await stored(a)).toBeUndefined();
  });

  it('refuses a self-signed certificate with the very same subject (the chain is checked): 401', async () => {
    const a = validAppointment();
    expect(await post(a, forged)).toBe(401);
    expect(await stored(a)).toBeUndefined();
  });
});
