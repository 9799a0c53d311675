// The backend's end-to-end check on loopback: the training backend and its simulated publishers, a general
// medicine search around an address in the urban department, streamed as NDJSON.
import { authorizationHeaders } from '@services/session/dpop-key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEvent } from '@shared/domain/search';
import type { Slot } from '@shared/domain/slot';
import { parseSlotSearchUrl } from '@shared/fhir/build-search';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { readNdjson } from '@services/ndjson';
import { loginToTraining, type LoggedIn } from '../support/training-session';

const TIMEOUT_MS = 1_500;
let env: TrainingEnvironment;
let console_: LoggedIn;
let hanging: string;

beforeAll(async () => {
  // The data set's publishers, one of them hanging; the others answer within 50-300 ms.
  const probe = await startTrainingEnvironment();
  const publisherIds = probe.dataset.careOffer.publishers.filter((p) => p.kind !== 'sos').map((p) => p.id);
  await probe.close();
  hanging = publisherIds[0]!;
  env = await startTrainingEnvironment({
    latency: { minMs: 50, maxMs: 300 },
    publishers: { [hanging]: { fault: { kind: 'hang' } } },
    publisherTimeoutMs: TIMEOUT_MS,
  });
  console_ = await loginToTraining(env);
}, 60_000);

afterAll(async () => {
  await console_?.session.close();
  await env?.close();
});

interface Timed {
  at: number;
  event: SearchEvent;
}

async function search(body: unknown): Promise<Timed[]> {
  const token = await console_.session.accessToken();
  const started = performance.now();
  const response = await fetch(`${env.backendUrl}/api/search`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/search`)),
    },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/u);
  const events: Timed[] = [];
  for await (const event of readNdjson(response.body!))
    events.push({ at: performance.now() - started, event: event as SearchEvent });
  return events;
}

// Bordeaux (33063), an address: the urban training department.
const BORDEAUX = {
  location: { inseeCode: '33063', city: 'Bordeaux', streetName: 'cours de l’Intendance', streetNumber: '10' },
};

describe('training search (backend + simulated publishers)', () => {
  it('streams location, offer, then slots per publisher; the hanging one times out at the budget', async () => {
    const events = await search({ query: BORDEAUX });
    const types = events.map((e) => e.event.type);
    expect(types[0]).toBe('location');
    expect(types[1]).toBe('offer');
    expect(types.at(-1)).toBe('done');
    const location = events[0]!.event as Extract<SearchEvent, { type: 'location' }>;
    expect(location.location.inseeCode).toBe('33063');
    expect(location.location.radiusKm).toBeGreaterThan(0);

    const offer = (events[1]!.event as Extract<SearchEvent, { type: 'offer' }>).offer;
    expect(offer.practitioners.length).toBeGreaterThanOrEqual(5);
    expect(offer.sources.map((s) => s.id)).toContain(hanging);

    const statuses = events
      .filter((e) => e.event.type === 'source-status')
      .map((e) => ({ at: e.at, status: (e.event as Extract<SearchEvent, { type: 'source-status' }>).status }));
    const late = statuses.find((s) => s.status.source.id === hanging);
    expect(late?.status.state).toBe('timeout');
    expect(late?.status.reason).toBe('délai dépassé');
    // Given up at the search's budget (which runs from the request), not before and not after.
    // The budget runs from the request: the source is given up when the budget is spent as the client counts it,
    // however long locating and the directory took before the source was asked.
    expect(late!.at).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(late!.status.durationMs).toBeLessThanOrEqual(TIMEOUT_MS);
    const done = events.at(-1)!;
    expect(done.at).toBeLessThan(TIMEOUT_MS + 100);
    // Every other publisher answered, and its slots were on the stream before the hanging one gave up.
    const answered = statuses.filter((s) => s.status.source.id !== hanging);
    expect(answered.length).toBeGreaterThan(0);
    for (const s of answered) expect(s.status.state).toBe('answered');
    const slotEvents = events.filter((e) => e.event.type === 'slots');
    expect(slotEvents.length).toBeGreaterThan(0);
    expect(Math.min(...slotEvents.map((e) => e.at))).toBeLessThan(late!.at);
  });

  it('delivers exactly the slots the simulated publishers hold for the offer', async () => {
    const events = await search({ query: BORDEAUX });
    const offer = (events.find((e) => e.event.type === 'offer')!.event as Extract<SearchEvent, { type: 'offer' }>)
      .offer;
    const received = events.flatMap((e) => (e.event.type === 'slots' ? e.event.slots : [])) as Slot[];
    let compared = 0;
    for (const [id, publisher] of env.publishers) {
      if (id === hanging || publisher.entry.kind === 'sos') continue;
      const request = publisher.server.requests.at(-1);
      if (!request?.check) continue;
      const asked = parseSlotSearchUrl(request.url);
      expect(asked.ok).toBe(true);
      if (!asked.ok) continue;
      const expected = asked.search.nationalIds
        .flatMap((nid) =>
          publisher.catalogue.slotsOf(nid, new Date(asked.search.startMs), new Date(asked.search.endMs)),
        )
        // The IG's rule the publishers follow: CPTS slots only to a CPTS search, and only for the next 48 hours.
        .filter(
          (s) =>
            !s.types.includes('CPTS') ||
            (asked.search.cpts === true && Date.parse(s.start) < publisher.catalogue.now().getTime() + 48 * 3_600_000),
        )
        .map((s) => s.id)
        .sort();
      const got = received
        .filter((s) => s.sourceId === id)
        .map((s) => s.id.replace(/^.*\//u, ''))
        .sort();
      expect(got).toEqual(expected);
      compared += got.length;
      // And the practitioners asked are those of the offer held by this publisher.
      const offered = offer.practitioners
        .filter((p) => p.practitioner.agendaSource === id)
        .map((p) => p.practitioner.nationalId);
      expect(
        new Set(
          publisher.server.requests
            .filter((r) => r.check)
            .slice(-Math.ceil(offered.length / 25))
            .flatMap((r) => r.check!.query.ids),
        ),
      ).toEqual(new Set(offered));
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('asks publishers exactly as the IG says (≤ 25 ids, window, includes, Accept header)', () => {
    let checked = 0;
    for (const publisher of env.publishers.values()) {
      for (const request of publisher.server.requests) {
        if (!request.check || request.check.query.resource !== 'Slot') continue;
        checked += 1;
        expect(request.check.violations).toEqual([]);
        expect(request.check.query.ids.length).toBeLessThanOrEqual(25);
        expect(request.headers.accept).toBe('application/json+fhir');
        const parsed = parseSlotSearchUrl(request.url);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) continue;
        // Window: from now to 23:59:59.999 two Paris days later.
        expect(parsed.search.end).toMatch(/T23:59:59\.999\+0[12]:00$/u);
        expect(parsed.search.endMs - parsed.search.startMs).toBeLessThanOrEqual(3 * 24 * 3600 * 1000);
        expect(request.url).toContain('_include=Slot:schedule');
        expect(request.url).toContain('_include:iterate=Schedule:actor');
        if (publisher.entry.kind === 'cpts') expect(request.url).toContain('_include=Slot:service-type-reference');
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('re-asks only the given sources on retry', async () => {
    const before = new Map([...env.publishers].map(([id, p]) => [id, p.server.requests.length]));
    const events = await search({ query: BORDEAUX, sources: [hanging] });
    const statuses = events.filter((e) => e.event.type === 'source-status');
    expect(statuses.map((e) => (e.event as Extract<SearchEvent, { type: 'source-status' }>).status.source.id)).toEqual([
      hanging,
    ]);
    for (const [id, p] of env.publishers) if (id !== hanging) expect(p.server.requests.length).toBe(before.get(id));
  });

  it('refuses a search without a valid token, and a malformed one with a French message', async () => {
    const anonymous = await fetch(`${env.backendUrl}/api/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: BORDEAUX }),
    });
    expect(anonymous.status).toBe(401);
    const token = await console_.session.accessToken();
    const bad = await fetch(`${env.backendUrl}/api/search`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/search`)),
      },
      body: JSON.stringify({ query: { location: { streetNumber: '12' } } }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^Recherche invalide/u);
  });
});

describe('specialties', () => {
  it('a dentist search offers dentists only, and no SOS Médecins site', async () => {
    const events = await search({
      query: {
        ...BORDEAUX,
        specialty: { kind: 'coded', coding: { system: 'urn:oid:1.2.250.1.71.1.2.7', code: '40' } },
      },
    });
    const offer = (events.find((e) => e.event.type === 'offer')!.event as Extract<SearchEvent, { type: 'offer' }>)
      .offer;
    expect(offer.sosSites).toEqual([]);
    expect(offer.practitioners.length).toBeGreaterThan(0);
    for (const { practitioner } of offer.practitioners)
      expect(practitioner.specialties.some((c) => c.code === '40')).toBe(true);
  });

  it('an unknown free-text specialty is said plainly, in French, once the patient is located', async () => {
    const events = await search({ query: { ...BORDEAUX, specialty: { kind: 'text', text: 'astrologie' } } });
    expect(events.map((e) => e.event.type)).toEqual(['location', 'error', 'done']);
    expect((events[1]!.event as Extract<SearchEvent, { type: 'error' }>).message).toMatch(
      /^Spécialité non reconnue : « astrologie »/u,
    );
  });

  it('a usual name (« gynécologue ») searches both gynecologies', async () => {
    const events = await search({ query: { ...BORDEAUX, specialty: { kind: 'text', text: 'gynécologue' } } });
    const offer = (events.find((e) => e.event.type === 'offer')!.event as Extract<SearchEvent, { type: 'offer' }>)
      .offer;
    const codes = new Set(offer.practitioners.flatMap((p) => p.practitioner.specialties.map((c) => c.code)));
    expect(offer.practitioners.length).toBeGreaterThan(0);
    expect([...codes].every((code) => code === 'SM19' || code === 'SM20')).toBe(true);
    expect(offer.sosSites).toEqual([]);
  });

  it('general medicine brings the SOS Médecins sites of the area', async () => {
    const events = await search({ query: BORDEAUX });
    const offer = (events.find((e) => e.event.type === 'offer')!.event as Extract<SearchEvent, { type: 'offer' }>)
      .offer;
    expect(offer.sosSites.length).toBeGreaterThan(0);
  });
});
