// The training stack (backend, stand-in PSC, simulated publishers) held to the guide on the points where the SAS
// itself must be right: the SOS Médecins search is made on the associations' IDNST and keeps every site of them;
// participation decides where a CPTS slot shows and the CPTS lists all its members; RDV V3 takes the SAS technical id
// at /fhir/v1/Appointment, answers an absolute Location, stores no patient data, and flags an appointment the
// console did not start. The SOS publisher's IG answer is built here (an association-keyed Schedule search).
import { authorizationHeaders } from '@services/session/dpop-key';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import { appointmentAnswerSchema } from '@shared/backend-api/appointment-schemas';
import { buildAppointment } from '@shared/fhir/build-v1-v3';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { readNdjson } from '@services/ndjson';
import { sosBundle } from '@tests/support/sos-bundle';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';

const ASSOCIATION = '3334173748400020';
const OTHER_ASSOCIATION = '3390000000000011';
const SOS_PUBLISHER = 'sos-planning';

let env: TrainingEnvironment;
let console_: LoggedIn;
let dir: string;
const sosSiteIds: string[] = [];
const sosRequests: string[] = [];

function inTwoHours(offsetMinutes = 0): string {
  const date = new Date(Date.now() + (2 * 60 + offsetMinutes) * 60_000);
  return `${date.toISOString().slice(0, 19)}Z`.replace('Z', '+00:00');
}

beforeAll(async () => {
  // The training data set, its Bordeaux SOS sites given their association's IDNST (3+SIRET).
  dir = await mkdtemp(path.join(tmpdir(), 'sas-training-ig-'));
  await cp(path.resolve('resources/training'), dir, { recursive: true });
  const offerFile = path.join(dir, 'care-offer.json');
  const offer = JSON.parse(await readFile(offerFile, 'utf8')) as {
    sosSites: { id: string; associationName: string; associationId?: string }[];
  };
  for (const site of offer.sosSites)
    if (site.associationName.includes('Bordeaux')) {
      site.associationId = ASSOCIATION;
      sosSiteIds.push(site.id);
    }
  await writeFile(offerFile, JSON.stringify(offer));

  env = await startTrainingEnvironment({
    trainingDir: dir,
    latency: { minMs: 5, maxMs: 20 },
    // The SOS publisher answers the guide's association-keyed Schedule search; the others keep their own answers.
    publisherRoutes: (context) => async (request: IncomingMessage, response: ServerResponse, url: URL) => {
      if (context.publisher.id !== SOS_PUBLISHER || !url.pathname.startsWith('/fhir/Schedule')) return false;
      sosRequests.push(request.url ?? '');
      const asked = decodeURIComponent(request.url ?? '').includes(`|${ASSOCIATION}`);
      const base = `${context.origin}/fhir`;
      const body = asked
        ? sosBundle(
            base,
            [
              ...sosSiteIds.map((siteId, i) => ({
                siteId,
                associationId: ASSOCIATION,
                name: `Site ${i + 1}`,
                starts: [inTwoHours(i * 20)],
              })),
              { siteId: 'SITE-AUTRE', associationId: OTHER_ASSOCIATION, name: 'Autre', starts: [inTwoHours(60)] },
            ],
            { practitionerSlot: { nationalId: '810002673899', start: inTwoHours(80) } },
          )
        : sosBundle(base, []);
      response.writeHead(200, { 'content-type': 'application/fhir+json' });
      response.end(JSON.stringify(body));
      return true;
    },
  });
  console_ = await loginToTraining(env);
}, 120_000);

afterAll(async () => {
  await console_?.session.close();
  await env?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function search(): Promise<SearchEvent[]> {
  const token = await console_.session.accessToken();
  const response = await fetch(`${env.backendUrl}/api/search`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/search`)),
    },
    body: JSON.stringify({
      query: {
        location: { inseeCode: '33063', city: 'Bordeaux', streetName: 'cours de l’Intendance', streetNumber: '10' },
      },
    }),
  });
  expect(response.status).toBe(200);
  const events: SearchEvent[] = [];
  for await (const event of readNdjson(response.body!)) events.push(event as SearchEvent);
  return events;
}

describe('training stack: search', () => {
  let events: SearchEvent[] = [];
  beforeAll(async () => {
    events = await search();
  }, 60_000);

  it('asks the SOS publisher by association and keeps every site of it, nothing else', () => {
    expect(sosRequests.length).toBeGreaterThan(0);
    expect(sosRequests[0]).toContain(
      `actor:Location.organization.identifier=urn:oid:1.2.250.1.71.4.2.2%7C${ASSOCIATION}`,
    );
    for (const id of sosSiteIds) expect(sosRequests[0]).not.toContain(id);
    const sos = events.flatMap((e) => (e.type === 'slots' && e.sourceId === SOS_PUBLISHER ? e.slots : []));
    expect([...new Set(sos.map((s) => s.sosSiteId))].sort()).toEqual([...sosSiteIds].sort());
    expect(sos.every((s) => s.practitionerId === undefined && s.sosAssociationId === ASSOCIATION)).toBe(true);
  });

  it('a CPTS slot shows only for a practitioner participating via that CPTS', () => {
    const offer = events.find((e): e is Extract<SearchEvent, { type: 'offer' }> => e.type === 'offer')?.offer;
    const participation = new Map(
      offer?.practitioners.map((p) => [p.practitioner.nationalId, p.practitioner.participation]),
    );
    const slots = events.flatMap((e) => (e.type === 'slots' ? e.slots : []));
    const cptsSlots = slots.filter((s) => s.types.includes('CPTS') && s.practitionerId !== undefined);
    expect(cptsSlots.length).toBeGreaterThan(0);
    for (const slot of cptsSlots) {
      const p = participation.get(slot.practitionerId!);
      expect(p?.mode).toBe('cpts');
      expect(slot.cptsFiness).toBe(p?.structureId);
    }
  });

  it('each CPTS of the offer lists its members, those beyond the radius or of another specialty marked', () => {
    const offer = events.find((e): e is Extract<SearchEvent, { type: 'offer' }> => e.type === 'offer')?.offer;
    const cpts = offer?.cpts ?? [];
    expect(cpts.length).toBeGreaterThan(0);
    const members = cpts.flatMap((c) => c.members ?? []);
    expect(members.length).toBeGreaterThan(0);
    for (const c of cpts)
      for (const m of c.members ?? []) {
        expect(m.practitioner.participation?.structureId ?? c.cpts.finess).toBe(c.cpts.finess);
        if (
          m.distanceKm !== undefined &&
          m.distanceKm >
            (events.find((e) => e.type === 'location') as Extract<SearchEvent, { type: 'location' }>).location.radiusKm
        )
          expect(m.outsideRadius).toBe(true);
      }
    // Members of another specialty are listed too: a general medicine search still shows a CPTS's specialists.
    expect(members.some((m) => m.otherSpecialty) || members.some((m) => m.outsideRadius)).toBe(true);
  });
});

describe('training stack: RDV V3', () => {
  const publisher = 'agendaplume';
  const key = () => env.publishers.get(publisher)!.publisherKey;
  const send = (body: unknown, pathName = '/fhir/v1/Appointment', method = 'POST') =>
    fetch(`${env.backendUrl}${pathName}`, {
      method,
      headers: { 'content-type': 'application/fhir+json', authorization: `Bearer ${key()}` },
      body: JSON.stringify(body),
    });
  const report = (operatorId: string, extra: Record<string, unknown> = {}) => ({
    profile: 'ps' as const,
    publisherAppointmentId: `RDV-${randomUUID()}`,
    identifierSystem: `urn:sas-console:training:${publisher}:appointment`,
    status: 'booked' as const,
    start: inTwoHours(),
    end: inTwoHours(20),
    operatorId,
    practitionerId: '810002673899',
    ...extra,
  });
  const listed = async () => {
    const token = await console_.session.accessToken();
    const response = await fetch(`${env.backendUrl}/api/appointments`, {
      headers: { ...(await authorizationHeaders(token, 'GET', `${env.backendUrl}/api/appointments`)) },
    });
    return ((await response.json()) as { appointments: unknown[] }).appointments.map((a) =>
      appointmentAnswerSchema.parse(a),
    );
  };

  it('takes the regulator’s SAS technical id at /fhir/v1/Appointment, absolute Location, flagged when not initiated', async () => {
    const technicalId = (await env.storage.regulators.get(ALICE))?.technicalId ?? '';
    const sent = report(technicalId, { operatorKind: 'technical' });
    const response = await send(buildAppointment(sent));
    expect(response.status).toBe(201);
    const location = response.headers.get('location') ?? '';
    expect(location.startsWith(`${env.backendUrl}/fhir/Appointment/`)).toBe(true);
    const mine = (await listed()).find((a) => a.publisherAppointmentId === sent.publisherAppointmentId);
    expect(mine).toMatchObject({ operatorId: ALICE, notInitiated: true });
  });

  it('is not flagged after the console opened that publisher’s booking page', async () => {
    const token = await console_.session.accessToken();
    const opened = await fetch(`${env.backendUrl}/api/bookings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/bookings`)),
      },
      body: JSON.stringify({ searchId: 'onglet-formation', sourceId: publisher }),
    });
    expect(opened.status).toBe(201);
    const sent = report(ALICE);
    expect((await send(buildAppointment(sent))).status).toBe(201);
    const mine = (await listed()).find((a) => a.publisherAppointmentId === sent.publisherAppointmentId);
    expect(mine?.notInitiated).toBeUndefined();
    expect(mine?.searchId).toBe('onglet-formation');
  });

  it('stores neither a Patient reference nor a comment, in any table', async () => {
    const patient = `Patient/PAT-${randomUUID()}`;
    const comment = `code porte ${randomUUID().slice(0, 8)}`;
    const appointment = { ...buildAppointment(report(ALICE)), comment } as ReturnType<typeof buildAppointment>;
    appointment.participant.push({ actor: { reference: patient }, status: 'accepted' });
    expect((await send(appointment)).status).toBe(201);
    const columns = await env.storage.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    const found: string[] = [];
    for (const { table_name: t, column_name: c } of columns.rows) {
      const result = await env.storage.db.query<{ n: number | string }>(
        `SELECT count(*) AS n FROM "${t}" WHERE "${c}"::text LIKE ANY ($1)`,
        [[`%${patient}%`, `%${comment}%`]],
      );
      if (Number(result.rows[0]?.n) > 0) found.push(`${t}.${c}`);
    }
    expect(found).toEqual([]);
  });

  it('refuses to move an appointment to another regulator', async () => {
    const sent = report(ALICE);
    expect((await send(buildAppointment(sent))).status).toBe(201);
    const moved = buildAppointment({ ...sent, operatorId: '899999000013', status: 'cancelled' });
    const response = await send(
      moved,
      `/fhir/v1/Appointment?Identifier=${encodeURIComponent(`${sent.identifierSystem}|${sent.publisherAppointmentId}`)}`,
      'PUT',
    );
    expect(response.status).toBe(422);
    const mine = (await listed()).find((a) => a.publisherAppointmentId === sent.publisherAppointmentId);
    expect(mine).toMatchObject({ operatorId: ALICE, status: 'booked' });
  });
});
