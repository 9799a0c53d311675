// RDV V3 at the backend, against the real routes on a loopback server over PGlite: a publisher's FrAppointmentSAS
// is stored once (201 then 200, idempotent on its identifier), updated by conditional PUT, and anything wrong is
// answered 400/422 with an OperationOutcome naming the problem — and nothing is stored.
import fc from 'fast-check';
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  IDENTIFIER_SYSTEM,
  PUBLISHER_ID,
  issueCodes,
  outcomeIssues,
  sendV3,
  startAppointmentServer,
  validAppointment,
  type AppointmentServer,
} from './appointment-server';

let server: AppointmentServer;

beforeAll(async () => {
  server = await startAppointmentServer();
});

afterAll(async () => {
  await server.close();
  expect(server.unexpected).toEqual([]);
});

const stored = (publisherAppointmentId: string) =>
  server.storage.appointments.getByPublisherId(PUBLISHER_ID, publisherAppointmentId);
const idOf = (appointment: Pick<fhir.Appointment, 'identifier'>) => appointment.identifier?.[0]?.value ?? '';

describe('V3 receiver: invalid appointments are refused with an OperationOutcome naming the problem', () => {
  it('missing operator extension (the regulator who booked it) → 422', async () => {
    const appointment = validAppointment();
    delete appointment.extension;

    const answer = await sendV3(server, appointment);

    expect(answer.status).toBe(422);
    expect(answer.contentType).toMatch(/^application\/fhir\+json/u);
    expect(issueCodes(answer)).toEqual(['appointment-operator-missing']);
    const [issue] = outcomeIssues(answer);
    expect(issue?.severity).toBe('error');
    expect(issue?.details.text).toContain('FrAppointmentOperator');
    expect(issue?.details.text).toContain('régulateur');
    expect(issue?.expression).toEqual(['Appointment.extension']);
    expect(await stored(idOf(appointment))).toBeUndefined();
  });

  it('an operator extension without an IDNPS → 422 naming the regulator’s identifier', async () => {
    const appointment = validAppointment();
    appointment.extension = [
      {
        url: 'http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator',
        valueReference: { display: 'Alice' },
      },
    ];

    const answer = await sendV3(server, appointment);

    expect(answer.status).toBe(422);
    expect(issueCodes(answer)).toEqual(['appointment-operator-invalid']);
    expect(outcomeIssues(answer)[0]?.expression).toEqual(['Appointment.extension.valueReference.identifier']);
  });

  it('bad identifier: without value, two of them, or none → 422 on Appointment.identifier', async () => {
    const noValue = validAppointment();
    noValue.identifier = [{ system: IDENTIFIER_SYSTEM }];
    const two = validAppointment();
    two.identifier = [
      { system: IDENTIFIER_SYSTEM, value: 'RDV-A' },
      { system: IDENTIFIER_SYSTEM, value: 'RDV-B' },
    ];
    const none = validAppointment();
    delete none.identifier;

    const answers = await Promise.all([noValue, two, none].map((a) => sendV3(server, a)));

    expect(answers.map((a) => a.status)).toEqual([422, 422, 422]);
    expect(answers.map((a) => issueCodes(a))).toEqual([
      ['appointment-identifier-invalid'],
      ['appointment-identifier-invalid'],
      ['appointment-identifier-missing'],
    ]);
    for (const answer of answers) {
      expect(outcomeIssues(answer)[0]?.expression).toEqual(['Appointment.identifier']);
      expect(outcomeIssues(answer)[0]?.details.text).toMatch(/[Ii]dentifiant/u);
    }
    expect(await stored('RDV-A')).toBeUndefined();
  });

  it('unknown status → 422 quoting the status received and listing the expected ones', async () => {
    const appointment = { ...validAppointment(), status: 'confirmed' };

    const answer = await sendV3(server, appointment);

    expect(answer.status).toBe(422);
    expect(issueCodes(answer)).toEqual(['appointment-status-unknown']);
    const text = outcomeIssues(answer)[0]?.details.text ?? '';
    expect(text).toContain('« confirmed »');
    expect(text).toContain('booked, fulfilled, noshow, cancelled');
    expect(outcomeIssues(answer)[0]?.expression).toEqual(['Appointment.status']);
    expect(await stored(idOf(appointment))).toBeUndefined();
  });

  it('end before (or at) start → 422 on Appointment.end, quoting both times', async () => {
    const before = validAppointment({ start: '2030-03-14T09:00:00+01:00', end: '2030-03-14T08:40:00+01:00' });
    const same = validAppointment({ start: '2030-03-14T09:00:00+01:00', end: '2030-03-14T08:00:00Z' });

    const answers = await Promise.all([before, same].map((a) => sendV3(server, a)));

    for (const answer of answers) {
      expect(answer.status).toBe(422);
      expect(issueCodes(answer)).toEqual(['appointment-end-before-start']);
      expect(outcomeIssues(answer)[0]?.expression).toEqual(['Appointment.end']);
    }
    expect(outcomeIssues(answers[0]!)[0]?.details.text).toContain('2030-03-14T08:40:00+01:00');
    expect(outcomeIssues(answers[0]!)[0]?.details.text).toContain('2030-03-14T09:00:00+01:00');
    expect(await stored(idOf(before))).toBeUndefined();
  });

  it('several problems at once are all named', async () => {
    const appointment = { ...validAppointment(), status: 'done', start: 'demain matin' } as Record<string, unknown>;
    delete appointment.extension;

    const answer = await sendV3(server, appointment);

    expect(answer.status).toBe(422);
    expect(issueCodes(answer)).toEqual(
      expect.arrayContaining([
        'appointment-operator-missing',
        'appointment-status-unknown',
        'appointment-start-invalid',
      ]),
    );
  });

  it('a body that is not an Appointment → 400 (unreadable JSON, another resource, an array)', async () => {
    const answers = await Promise.all([
      sendV3(server, '{"resourceType": "Appointment",'),
      sendV3(server, { resourceType: 'Patient', name: [{ family: 'Lefèvre' }] }),
      sendV3(server, [validAppointment()]),
    ]);

    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(issueCodes(answers[0]!)).toEqual(['structure']);
    expect(outcomeIssues(answers[0]!)[0]?.details.text).toBe('Corps JSON illisible.');
    expect(issueCodes(answers[1]!)).toEqual(['appointment-wrong-resource-type']);
    expect(outcomeIssues(answers[1]!)[0]?.details.text).toContain('Patient');
    expect(issueCodes(answers[2]!)).toEqual(['appointment-not-an-object']);
  });

  it('a body that is not FHIR JSON → 415', async () => {
    const answer = await sendV3(server, JSON.stringify(validAppointment()), { contentType: 'text/plain' });

    expect(answer.status).toBe(415);
    expect(issueCodes(answer)).toEqual(['not-supported']);
  });
});

describe('V3 receiver: publisher authentication', () => {
  it('an unauthenticated publisher → 401 with an OperationOutcome, nothing stored (no key, unknown key)', async () => {
    const appointment = validAppointment();

    const answers = await Promise.all([
      sendV3(server, appointment, { key: null }),
      sendV3(server, appointment, { key: 'cle-inconnue-0000000000000000' }),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(outcomeIssues(answer)[0]?.code).toBe('security');
      expect(outcomeIssues(answer)[0]?.details.text).toContain('Éditeur non authentifié');
    }
    expect(await stored(idOf(appointment))).toBeUndefined();
  });

  it('refuses before reading the body: even a malformed body from an unknown publisher is a 401', async () => {
    const answer = await sendV3(server, 'pas du JSON', { key: null });

    expect(answer.status).toBe(401);
  });
});

describe('V3 receiver: idempotence and conditional updates', () => {
  it('a repeated POST does not duplicate: 201, then 200 with the same backend id, one stored row', async () => {
    const appointment = validAppointment();
    const before = await server.storage.appointments.listByOperator(ALICE.nationalId, { limit: 1000 });

    const first = await sendV3(server, appointment);
    const second = await sendV3(server, appointment);

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const firstId = (first.body as { id?: string }).id;
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/u);
    expect((second.body as { id?: string }).id).toBe(firstId);
    const after = await server.storage.appointments.listByOperator(ALICE.nationalId, { limit: 1000 });
    expect(after.length).toBe(before.length + 1);
    expect(after.filter((a) => a.publisherAppointmentId === idOf(appointment))).toHaveLength(1);
    const row = await stored(idOf(appointment));
    expect(row).toMatchObject({
      id: firstId,
      publisherId: PUBLISHER_ID,
      status: 'booked',
      operatorId: ALICE.nationalId,
    });
  });

  it('a conditional PUT on the identifier updates the status of the same row', async () => {
    const appointment = validAppointment();
    const created = await sendV3(server, appointment);
    const identifier = `${IDENTIFIER_SYSTEM}|${idOf(appointment)}`;

    const cancelled = await sendV3(server, { ...appointment, status: 'cancelled' }, { method: 'PUT', identifier });

    expect(created.status).toBe(201);
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as { id?: string }).id).toBe((created.body as { id?: string }).id);
    expect((await stored(idOf(appointment)))?.status).toBe('cancelled');
  });

  it('a conditional PUT for an appointment the backend never saw creates it (201)', async () => {
    const appointment = validAppointment({ status: 'fulfilled' });

    const answer = await sendV3(server, appointment, {
      method: 'PUT',
      identifier: `${IDENTIFIER_SYSTEM}|${idOf(appointment)}`,
    });

    expect(answer.status).toBe(201);
    expect((await stored(idOf(appointment)))?.status).toBe('fulfilled');
  });

  it('a conditional PUT whose identifier differs from the appointment’s → 422, the stored row untouched', async () => {
    const appointment = validAppointment();
    await sendV3(server, appointment);

    const answer = await sendV3(
      server,
      { ...appointment, status: 'cancelled' },
      { method: 'PUT', identifier: `${IDENTIFIER_SYSTEM}|RDV-AUTRE` },
    );

    expect(answer.status).toBe(422);
    expect(issueCodes(answer)).toEqual(['identifier-mismatch']);
    expect(outcomeIssues(answer)[0]?.details.text).toContain('RDV-AUTRE');
    expect(outcomeIssues(answer)[0]?.expression).toEqual(['Appointment.identifier']);
    expect((await stored(idOf(appointment)))?.status).toBe('booked');
    expect(await stored('RDV-AUTRE')).toBeUndefined();
  });

  it('a conditional PUT without the identifier parameter → 400', async () => {
    const appointment = validAppointment();

    const answer = await sendV3(server, appointment, { method: 'PUT' });

    expect(answer.status).toBe(400);
    expect(outcomeIssues(answer)[0]?.details.text).toContain('identifier');
    expect(await stored(idOf(appointment))).toBeUndefined();
  });
});

describe('V3 receiver: whatever a publisher sends', () => {
  // One field of a valid appointment replaced by arbitrary JSON, or removed: the answer is a success or a 400/422
  // OperationOutcome with French texts, never a server error; a refusal stores nothing.
  const fields = [
    'resourceType',
    'extension',
    'identifier',
    'status',
    'start',
    'end',
    'created',
    'participant',
  ] as const;
  const mutation = fc.record({
    field: fc.constantFrom(...fields),
    value: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
  });

  it('answers 2xx, or 400/422 with an OperationOutcome, and stores nothing it refused', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async ({ field, value }) => {
        const appointment = validAppointment() as unknown as Record<string, unknown>;
        if (value === undefined) delete appointment[field];
        else appointment[field] = value;

        const answer = await sendV3(server, appointment);

        if (answer.status === 200 || answer.status === 201) return;
        expect([400, 422]).toContain(answer.status);
        const issues = outcomeIssues(answer);
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.details.text.length).toBeGreaterThan(10);
        // Each sample has a fresh identifier: if it survived the mutation, it must not be in storage.
        const ids = appointment.identifier;
        const first: unknown = Array.isArray(ids) ? (ids[0] as { value?: unknown } | undefined)?.value : undefined;
        if (typeof first === 'string') expect(await stored(first)).toBeUndefined();
      }),
      { numRuns: 80 },
    );
    expect(server.unexpected).toEqual([]);
  });
});
