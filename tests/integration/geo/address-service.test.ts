// The street-level geocoder against a real HTTP server on loopback that speaks the national address service's API
// shape. Each test scripts the server's answers and checks what the geocoder asked and what it concluded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createAddressServiceClient,
  createGeocoder,
  loadGeoData,
  parseRetryAfter,
  type GeoData,
  type Geocoder,
} from '@backend/geo/index';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handlers: Handler[] = [];
let requests: URL[] = [];
let geo: GeoData;

function feature(
  overrides: { score?: number; type?: string; citycode?: string; label?: string; coordinates?: number[] } = {},
) {
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: overrides.coordinates ?? [0.6205, 44.2041] },
    properties: {
      label: overrides.label ?? '12 Rue Paul Vidal 47000 Agen',
      score: overrides.score ?? 0.93,
      type: overrides.type ?? 'housenumber',
      citycode: overrides.citycode ?? '47001',
    },
  };
}

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
const collection = (...features: unknown[]) => json({ type: 'FeatureCollection', features });

beforeAll(async () => {
  geo = await loadGeoData();
  server = createServer((request, response) => {
    requests.push(new URL(request.url ?? '/', 'http://127.0.0.1'));
    const handler = handlers.shift();
    if (handler) handler(request, response);
    else json({ error: 'unexpected request' }, 500)(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/geocodage/search`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  handlers = [];
  requests = [];
});

function geocoder(options: { timeoutMs?: number; maxRetryAfterMs?: number } = {}): Geocoder {
  return createGeocoder({
    communes: geo.communes,
    radii: geo.radii,
    addressService: createAddressServiceClient({ url: baseUrl, timeoutMs: options.timeoutMs ?? 2000, ...options }),
  });
}

const AGEN_STREET = { inseeCode: '47001', streetName: 'rue Paul Vidal', streetNumber: '12' };

describe('street-level geocoding through the address service', () => {
  it('asks q, citycode and limit=1, and trusts a good street match', async () => {
    handlers.push(collection(feature()));
    const result = await geocoder().geocode(AGEN_STREET);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.pathname).toBe('/geocodage/search');
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      q: '12 rue Paul Vidal Agen',
      citycode: '47001',
      limit: '1',
    });
    expect(result).toEqual({
      ok: true,
      location: {
        point: { lat: 44.2041, lon: 0.6205 },
        precision: 'street',
        label: '12 Rue Paul Vidal 47000 Agen',
        inseeCode: '47001',
        department: '47',
        addressScore: 0.93,
      },
    });
  });

  it('answers the same address again from its cache, without a second request', async () => {
    handlers.push(collection(feature()), collection(feature({ score: 0.2 })));
    const same = geocoder();
    const first = await same.geocode(AGEN_STREET);
    expect(await same.geocode(AGEN_STREET)).toEqual(first);
    expect(requests).toHaveLength(1);
    // A new client (no cache) asks again and gets the server's new answer.
    expect((await geocoder().geocode(AGEN_STREET)).ok && requests.length).toBe(2);
  });

  it('falls back to the commune, saying so, on a low score', async () => {
    handlers.push(collection(feature({ score: 0.31 })));
    const result = await geocoder().geocode(AGEN_STREET);
    expect(result).toMatchObject({
      ok: true,
      location: { precision: 'commune', point: { lat: 44.20284, lon: 0.62575 } },
    });
    expect(result.ok && result.location.notice).toBe(
      "Adresse reconnue sans certitude (score 0,31) : position approximative, centre d'Agen.",
    );
  });

  it('does not take a municipality-level answer or a match in another commune for a street', async () => {
    handlers.push(collection(feature({ type: 'municipality' })));
    const municipality = await geocoder().geocode(AGEN_STREET);
    expect(municipality.ok && municipality.location.notice).toMatch(/^Rue introuvable/);
    handlers.push(collection(feature({ citycode: '47157' })));
    const elsewhere = await geocoder().geocode(AGEN_STREET);
    expect(elsewhere.ok && elsewhere.location).toMatchObject({ precision: 'commune', inseeCode: '47001' });
    expect(elsewhere.ok && elsewhere.location.notice).toMatch(/pas dans la commune demandée/);
  });

  it('says when the address is not found', async () => {
    handlers.push(collection());
    const result = await geocoder().geocode(AGEN_STREET);
    expect(result.ok && result.location.notice).toBe("Adresse introuvable : position approximative, centre d'Agen.");
  });

  it('honours Retry-After once on HTTP 429, then uses the answer', async () => {
    handlers.push(json({ message: 'trop de requêtes' }, 429, { 'retry-after': '1' }), collection(feature()));
    const result = await geocoder().geocode(AGEN_STREET);
    expect(requests).toHaveLength(2);
    expect(result.ok && result.location.precision).toBe('street');
  });

  it('gives up after a second 429, or at once when Retry-After is too long', async () => {
    handlers.push(json({}, 429, { 'retry-after': '0' }), json({}, 429, { 'retry-after': '0' }));
    const twice = await geocoder().geocode(AGEN_STREET);
    expect(requests).toHaveLength(2);
    expect(twice.ok && twice.location.notice).toMatch(/^Service d'adresses indisponible \(service saturé/);

    requests = [];
    handlers.push(json({}, 429, { 'retry-after': '120' }));
    const tooLong = await geocoder({ maxRetryAfterMs: 2000 }).geocode(AGEN_STREET);
    expect(requests).toHaveLength(1);
    expect(tooLong.ok && tooLong.location.precision).toBe('commune');
  });

  it('falls back on a server that does not answer in time', async () => {
    handlers.push(() => {
      // Never answers: the client's timeout must end the wait.
    });
    const result = await geocoder({ timeoutMs: 300 }).geocode(AGEN_STREET);
    expect(result.ok && result.location).toMatchObject({ precision: 'commune' });
    expect(result.ok && result.location.notice).toBe(
      "Service d'adresses indisponible (délai dépassé) : position approximative, centre d'Agen.",
    );
  });

  it('falls back on server errors and malformed answers', async () => {
    handlers.push(json({ error: 'boom' }, 500));
    const error = await geocoder().geocode(AGEN_STREET);
    expect(error.ok && error.location.notice).toMatch(/erreur HTTP 500/);
    handlers.push(json('{"type":"FeatureCollection","features":[{'));
    const malformed = await geocoder().geocode(AGEN_STREET);
    expect(malformed.ok && malformed.location.notice).toMatch(/JSON invalide/);
    handlers.push(collection({ type: 'Feature', properties: { label: 'sans géométrie' } }));
    const incomplete = await geocoder().geocode(AGEN_STREET);
    expect(incomplete.ok && incomplete.location.notice).toMatch(/résultat incomplet/);
  });

  it("keeps an arrondissement code for the query and accepts the arrondissement's answer", async () => {
    handlers.push(
      collection(feature({ citycode: '75115', label: '3 Rue de Vaugirard 75015 Paris', coordinates: [2.29, 48.84] })),
    );
    const result = await geocoder().geocode({ inseeCode: '75115', streetName: 'rue de Vaugirard', streetNumber: '3' });
    expect(requests[0]!.searchParams.get('citycode')).toBe('75115');
    expect(result).toMatchObject({ ok: true, location: { precision: 'street', inseeCode: '75056' } });

    requests = [];
    handlers.push(collection(feature({ citycode: '75115', coordinates: [2.29, 48.84] })));
    await geocoder().geocode({ inseeCode: '75056', streetName: 'rue de Vaugirard' });
    // Paris's own code would filter out every address (filed under arrondissements): no citycode then.
    expect(requests[0]!.searchParams.has('citycode')).toBe(false);
  });

  it('stops when the caller aborts', async () => {
    handlers.push(() => {});
    const controller = new AbortController();
    const client = createAddressServiceClient({ url: baseUrl, timeoutMs: 5000 });
    const pending = client.search({ q: 'rue quelconque' }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, reason: 'aborted' });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('Wed, 01 Apr 2026 10:00:05 GMT', Date.parse('2026-04-01T10:00:00Z'))).toBe(5000);
    expect(parseRetryAfter('bientôt')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
