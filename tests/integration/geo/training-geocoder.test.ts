// Street-level positions in the training environment: the backend is configured with the training geocoder (the
// national protocol on loopback) exactly as with the real one. An Agen address is placed on its street and the
// list is ordered by distance, SOS Médecins included; a commune alone keeps the seeded neutral order; a commune
// outside the data set's departments says so.
import { authorizationHeaders } from '@services/session/dpop-key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedLocation, SearchEvent } from '@shared/domain/search';
import { collectSearchEvents, rankResults } from '@shared/ranking/results';
import { seededKey } from '@shared/ranking/seeded-order';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { readNdjson } from '@services/ndjson';
import { loginToTraining, type LoggedIn } from '../support/training-session';

let env: TrainingEnvironment;
let session: LoggedIn;

beforeAll(async () => {
  env = await startTrainingEnvironment({ latency: { minMs: 5, maxMs: 30 } });
  session = await loginToTraining(env);
}, 60_000);

afterAll(async () => {
  await session?.session.close();
  await env?.close();
});

async function search(location: Record<string, string>): Promise<SearchEvent[]> {
  const token = await session.session.accessToken();
  const response = await fetch(`${env.backendUrl}/api/search`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/search`)),
    },
    body: JSON.stringify({ query: { location } }),
  });
  expect(response.status).toBe(200);
  const events: SearchEvent[] = [];
  for await (const event of readNdjson(response.body!)) events.push(event as SearchEvent);
  return events;
}

const locationOf = (events: SearchEvent[]): ResolvedLocation => {
  const event = events.find((e) => e.type === 'location');
  if (event?.type !== 'location') throw new Error(`no location event: ${JSON.stringify(events.slice(0, 2))}`);
  return event.location;
};

// A street of the training data set in Agen (a general practitioner practises at number 101).
const AGEN_STREET = { inseeCode: '47001', city: 'Agen', streetNumber: '101', streetName: 'boulevard des Lilas' };

describe('street-level positions in training', () => {
  it('an Agen street address: street precision, on the street, results by distance with the SOS site in its place', async () => {
    const events = await search(AGEN_STREET);
    const location = locationOf(events);
    expect(location.precision).toBe('street');
    expect(location.label).toBe('101 Boulevard des Lilas 47000 Agen');
    expect(location.addressScore).toBe(1);
    expect(location.notice).toBeUndefined();
    // The data set's practitioner at that number is at 0 km.
    const offer = events.find((e) => e.type === 'offer');
    if (offer?.type !== 'offer') throw new Error('no offer');
    expect(Math.min(...offer.offer.practitioners.map((p) => p.distanceKm ?? Infinity))).toBeLessThan(0.01);

    const results = rankResults(collectSearchEvents(events), { seed: 'search-agen', now: Date.now() });
    expect(results.ordering).toBe('distance');
    const list = results.firstIntentionWithSos;
    expect(list.length).toBeGreaterThan(5);
    const distances = list.map((c) => c.distanceKm ?? Infinity);
    for (let i = 1; i < distances.length; i += 1) expect(distances[i]!).toBeGreaterThanOrEqual(distances[i - 1]!);
    // SOS Médecins Agen (about 0.9 km away) sits among the practitioners, by its distance, not at the end.
    const sosIndex = list.findIndex((c) => c.kind === 'sos');
    expect(sosIndex).toBeGreaterThanOrEqual(0);
    const sos = list[sosIndex]!;
    expect(sos.distanceKm!).toBeLessThan(2);
    expect(sosIndex).toBe(list.filter((c) => (c.distanceKm ?? Infinity) < sos.distanceKm!).length);
    expect(sosIndex).toBeLessThan(list.length - 1);
  });

  it('a typo’d street gets the best match, with its score; a poor match is said plainly', async () => {
    const typo = locationOf(await search({ ...AGEN_STREET, streetName: 'boulevard des Lilaz' }));
    expect(typo.precision).toBe('street');
    expect(typo.label).toBe('101 Boulevard des Lilas 47000 Agen');
    expect(typo.addressScore).toBeGreaterThanOrEqual(0.8);
    expect(typo.addressScore).toBeLessThan(1);

    const poor = locationOf(await search({ ...AGEN_STREET, streetName: 'boulvard lila' }));
    expect(poor.precision).toBe('street');
    expect(poor.label).toBe('101 Boulevard des Lilas 47000 Agen');
    expect(poor.addressScore).toBeGreaterThanOrEqual(0.5);
    expect(poor.addressScore).toBeLessThan(0.8);

    const unknown = locationOf(await search({ ...AGEN_STREET, streetName: 'rue Inexistante Quelconque' }));
    expect(unknown.precision).toBe('commune');
    expect(unknown.notice).toMatch(/position approximative, centre d'Agen\.$/u);
  });

  it('a launch with only the city stays in the seeded neutral order', async () => {
    const events = await search({ city: 'Agen' });
    expect(locationOf(events).precision).toBe('commune');
    const seed = 'search-city';
    const results = rankResults(collectSearchEvents(events), { seed, now: Date.now() });
    expect(results.ordering).toBe('seeded');
    expect(results.firstIntention.length).toBeGreaterThan(2);
    const ids = results.firstIntention.map((c) => c.practitioner.nationalId);
    expect(ids).toEqual([...ids].sort((a, b) => seededKey(seed, a) - seededKey(seed, b)));
    expect(results.firstIntentionWithSos.map((c) => c.key)).toEqual(
      [...results.firstIntention, ...results.sosSites].map((c) => c.key),
    );
  });

  it('a commune outside the training departments says so, without enlarging in vain', async () => {
    const events = await search({ inseeCode: '75056', city: 'Paris' });
    const location = locationOf(events);
    expect(location.enlargements).toBe(0);
    expect(location.outsideCoverage).toEqual({
      scope: 'formation',
      departments: [
        { code: '33', name: 'Gironde' },
        { code: '47', name: 'Lot-et-Garonne' },
      ],
    });
    const offer = events.find((e) => e.type === 'offer');
    expect(offer?.type === 'offer' && offer.offer.practitioners).toEqual([]);
  });
});
