// Whole-path observability on loopback: a login, a search around a patient's street address and a V3 appointment
// carrying patient details, with the backend's real pino logger captured. Every line is JSON, the search line has
// its counts and request id, and no line holds the address, the street or anything about the patient.
import { authorizationHeaders } from '@services/session/dpop-key';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import { buildAppointment } from '@shared/fhir/build-v1-v3';
import { createBackendLogger } from '@backend/observability/logger';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { readNdjson } from '@services/ndjson';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';

const lines: string[] = [];
let env: TrainingEnvironment;
let console_: LoggedIn;

const STREET = 'cours de l’Intendance';
const PATIENT = { family: 'Quenouillard', given: 'Héloïse', birthDate: '1987-06-21', phone: '0611223344' };
const PATIENT_LINE = '7 impasse des Glycines-Tardives';
const PROXY_REQUEST_ID = 'proxy-req-0123456789';

beforeAll(async () => {
  env = await startTrainingEnvironment({
    latency: { minMs: 20, maxMs: 120 },
    backend: {
      logger: createBackendLogger({ level: 'debug', destination: { write: (line: string) => lines.push(line) } }),
      // The test plays the reverse proxy on loopback: its request id is kept.
      observability: { metricsAccess: { allowAddresses: ['127.0.0.1'] }, trustedProxies: ['127.0.0.1'] },
    },
  });
  console_ = await loginToTraining(env, ALICE);
}, 90_000);

afterAll(async () => {
  await console_?.session.close();
  await env?.close();
});

const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('logs and metrics of a whole path', () => {
  it('logs the login, the search (counts, request id), the V3 appointment and the V1 push; never the patient', async () => {
    const token = await console_.session.accessToken();
    const response = await fetch(`${env.backendUrl}/api/search`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/search`)),
        'x-request-id': PROXY_REQUEST_ID,
      },
      body: JSON.stringify({
        query: { location: { inseeCode: '33063', city: 'Bordeaux', streetName: STREET, streetNumber: '10' } },
      }),
    });
    expect(response.headers.get('x-request-id')).toBe(PROXY_REQUEST_ID);
    const events: SearchEvent[] = [];
    for await (const event of readNdjson(response.body!)) events.push(event as SearchEvent);
    const location = events.find((e) => e.type === 'location');
    // The street went to the geocoder and its answer (a street label) came back to the console: logs echo neither.
    expect(location?.type === 'location' && location.location.precision).toBe('street');
    const answeredLabel = location?.type === 'location' ? location.location.label : '';
    const answeredStreet = answeredLabel.replace(/^\d+\s+/u, '').replace(/\s+\d{5}.*$/u, '');
    expect(answeredStreet.length).toBeGreaterThan(4);

    const publisher = [...env.publishers.values()].find((p) => p.entry.kind !== 'sos')!;
    const appointment = {
      ...buildAppointment({
        profile: 'ps',
        publisherAppointmentId: 'RDV-LOGS-0001',
        identifierSystem: `urn:sas-console:training:${publisher.entry.id}:appointment`,
        status: 'booked',
        start: '2030-03-14T09:00:00+01:00',
        end: '2030-03-14T09:20:00+01:00',
        operatorId: ALICE,
      }),
      contained: [
        {
          resourceType: 'Patient',
          id: 'p1',
          name: [{ family: PATIENT.family, given: [PATIENT.given] }],
          birthDate: PATIENT.birthDate,
          telecom: [{ system: 'phone', value: PATIENT.phone }],
          address: [{ line: [PATIENT_LINE], city: 'Bordeaux', postalCode: '33000' }],
        },
      ],
      comment: `Patient ${PATIENT.given} ${PATIENT.family}, ${PATIENT_LINE}`,
    };
    const v3 = await fetch(`${env.backendUrl}/fhir/Appointment`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${publisher.publisherKey}` },
      body: JSON.stringify(appointment),
    });
    expect(v3.status).toBe(201);
    await env.backend.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const records = parsed();
    for (const record of records) expect(record).toMatchObject({ service: 'sas-backend', time: expect.any(String) });
    const done = records.find((r) => r.message === 'recherche terminée');
    expect(done).toMatchObject({ requestId: PROXY_REQUEST_ID, scope: 'search' });
    expect(done?.sourcesAsked).toBeGreaterThan(1);
    expect((done?.sourcesAnswered as number) + (done?.sourcesFailed as number)).toBeLessThanOrEqual(
      done?.sourcesAsked as number,
    );
    expect(done?.durationMs).toEqual(expect.any(Number));
    expect(records.find((r) => r.message === 'connexion réussie')).toMatchObject({ regulator: ALICE });
    expect(records.find((r) => r.message === 'rendez-vous V3 reçu')).toMatchObject({
      publisher: publisher.entry.id,
      status: 201,
    });
    if (env.directory.publishers.some((p) => p.acceptsV1Accounts))
      expect(records.some((r) => r.message === 'compte RDV V1 envoyé')).toBe(true);

    const text = lines.join('\n');
    for (const secret of [
      answeredLabel,
      answeredStreet,
      'Intendance',
      PATIENT.family,
      PATIENT.given,
      PATIENT.birthDate,
      PATIENT.phone,
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Glycines/iu);
    expect(text).not.toMatch(/"(streetName|streetNumber|address|patient|birthDate|label)"/u);
  });

  it('serves Prometheus metrics after the search', async () => {
    const response = await fetch(`${env.backendUrl}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    if (process.env.SAS_METRICS_DUMP) await writeFile(process.env.SAS_METRICS_DUMP, text);
    expect(text).toMatch(/^sas_searches_total\{outcome="done"\} 1$/mu);
    expect(text).toMatch(/^sas_search_duration_seconds_count 1$/mu);
    expect(text).toMatch(/^sas_publisher_duration_seconds_count\{publisher="[^"]+"\} [1-9]/mu);
    expect(text).toMatch(/^sas_publisher_outcomes_total\{publisher="[^"]+",outcome="answered"\} [1-9]/mu);
    expect(text).toMatch(/^sas_circuit_breaker_open\{publisher="[^"]+"\} 0$/mu);
    expect(text).toMatch(/^sas_v3_appointments_received_total\{outcome="created"\} 1$/mu);
    expect(text).toMatch(/^sas_open_streams\{kind="search"\} 0$/mu);
  });
});
