// RDV V3 as the guide specifies it, against the real routes over PGlite: the regulator may be named by the SAS
// technical id, the endpoint also answers at /fhir/v1/Appointment, a conditional update accepts `?Identifier=`, the
// Location header is absolute, participant.status keeps to the guide's value set, and nothing but what the console
// shows is stored: neither a Patient reference nor a comment reaches any table.
import { randomUUID } from 'node:crypto';
import type * as fhir from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALICE,
  PUBLISHER_ID,
  issueCodes,
  sendV3,
  startAppointmentServer,
  validAppointment,
  type AppointmentServer,
  type FhirAnswer,
} from './appointment-server';

const PUBLISHER_KEY = 'cle-editeur-agendaplume-0123456789abcdef';
let server: AppointmentServer;
let aliceTechnicalId: string;

beforeAll(async () => {
  server = await startAppointmentServer();
  const { account } = await server.storage.regulators.upsert({
    nationalId: ALICE.nationalId,
    familyName: ALICE.familyName,
    givenName: ALICE.givenName,
    active: true,
  });
  aliceTechnicalId = account.technicalId;
}, 60_000);

afterAll(async () => {
  await server.close();
  expect(server.unexpected).toEqual([]);
});

async function send(
  path: string,
  body: unknown,
  method: 'POST' | 'PUT' = 'POST',
): Promise<FhirAnswer & { location: string | null }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${PUBLISHER_KEY}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* kept as text */
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: parsed,
    location: response.headers.get('location'),
  };
}

const idOf = (appointment: fhir.Appointment) => appointment.identifier?.[0]?.value ?? '';

describe('the regulator named by the SAS technical id (urn:oid:1.2.250.1.213.3.6, INTRN, UUID)', () => {
  it('every account has a technical id, a UUID, and keeps it', async () => {
    expect(aliceTechnicalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u);
    expect((await server.storage.regulators.get(ALICE.nationalId))?.technicalId).toBe(aliceTechnicalId);
  });

  it('an appointment naming Alice by her technical id is stored as hers', async () => {
    const appointment = validAppointment({ operatorId: aliceTechnicalId, operatorKind: 'technical' });
    const identifier = appointment.extension?.[0]?.valueReference?.identifier;
    expect(identifier).toMatchObject({ system: 'urn:oid:1.2.250.1.213.3.6', type: { coding: [{ code: 'INTRN' }] } });

    const answer = await sendV3(server, appointment);

    expect(answer.status).toBe(201);
    const stored = await server.storage.appointments.getByPublisherId(PUBLISHER_ID, idOf(appointment));
    expect(stored?.operatorId).toBe(ALICE.nationalId);
  });

  it('an unknown technical id is refused (422), nothing stored', async () => {
    const appointment = validAppointment({ operatorId: randomUUID(), operatorKind: 'technical' });
    const answer = await sendV3(server, appointment);
    expect(answer.status).toBe(422);
    expect(issueCodes(answer)).toEqual(['appointment-operator-unknown']);
    expect(await server.storage.appointments.getByPublisherId(PUBLISHER_ID, idOf(appointment))).toBeUndefined();
  });
});

describe('the endpoint as the guide writes it', () => {
  it('answers at /fhir/v1/Appointment, with an absolute Location', async () => {
    const appointment = validAppointment();
    const answer = await send('/fhir/v1/Appointment', appointment);
    expect(answer.status).toBe(201);
    const id = (answer.body as { id?: string }).id ?? '';
    expect(answer.location).toBe(`${server.url}/fhir/Appointment/${id}`);
    expect(new URL(answer.location ?? '').origin).toBe(server.url);
  });

  it('a conditional update accepts ?Identifier= (the guide’s spelling) as well as ?identifier=', async () => {
    const appointment = validAppointment();
    expect((await send('/fhir/v1/Appointment', appointment)).status).toBe(201);
    const cancelled = { ...appointment, status: 'cancelled' as const };
    const query = encodeURIComponent(`${appointment.identifier?.[0]?.system ?? ''}|${idOf(appointment)}`);

    const answer = await send(`/fhir/v1/Appointment?Identifier=${query}`, cancelled, 'PUT');

    expect(answer.status).toBe(200);
    expect((await server.storage.appointments.getByPublisherId(PUBLISHER_ID, idOf(appointment)))?.status).toBe(
      'cancelled',
    );
  });

  it.each(['declined', 'tentative'])('participant.status %s is outside the guide’s value set: 422', async (status) => {
    const appointment = validAppointment();
    appointment.participant[0]!.status = status as fhir.AppointmentParticipant['status'];
    const answer = await sendV3(server, appointment);
    expect(answer.status).toBe(422);
    expect(issueCodes(answer)).toEqual(['appointment-participant-status-unknown']);
  });
});

describe('only what the console shows is stored', () => {
  it('a Patient reference and a comment sent by the publisher are in no column of any table', async () => {
    const patientReference = `Patient/PAT-${randomUUID()}`;
    const patientName = 'Zoé Lefèvre-Quintard';
    const comment = `Patiente anxieuse, digicode ${randomUUID().slice(0, 8)}`;
    const appointment = validAppointment() as fhir.Appointment & { comment?: string };
    appointment.comment = comment;
    appointment.participant.push({ actor: { reference: patientReference, display: patientName }, status: 'accepted' });

    const answer = await sendV3(server, appointment);
    expect(answer.status).toBe(201);

    const columns = await server.storage.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
    );
    expect(columns.rows.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns.rows) {
      const result = await server.storage.db.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM "${table}" WHERE "${column}"::text LIKE ANY ($1)`,
        [[patientReference, patientName, comment, 'PAT-'].map((v) => `%${v}%`)],
      );
      if (Number(result.rows[0]?.n) > 0) found.push(`${table}.${column}`);
    }
    expect(found).toEqual([]);
    // The appointment itself is stored, though.
    expect(await server.storage.appointments.getByPublisherId(PUBLISHER_ID, idOf(appointment))).toBeDefined();
  });
});
