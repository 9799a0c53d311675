// A burst of 200 street-level searches against an address service that answers 429 beyond 50 requests per second
// (as the national one does): with the instance's shared rate limiter every position stays at the street; without
// it, most fall back to the commune centre. The address cache then answers repeats without any request.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressServiceClient } from '@backend/geo/address-service';
import { createGeocoder } from '@backend/geo/geocoder';
import { loadGeoData, type GeoData } from '@backend/geo/index';
import { createTokenBucket } from '@backend/limits/token-bucket';

let server: Server;
let url: string;
let geo: GeoData;
const stats = { served: 0, refused: 0 };
let windowStart = 0;
let inWindow = 0;

beforeAll(async () => {
  geo = await loadGeoData();
  server = createServer((request, response) => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      inWindow = 0;
    }
    inWindow += 1;
    if (inWindow > 50) {
      stats.refused += 1;
      response.writeHead(429, { 'retry-after': '1' }).end();
      return;
    }
    stats.served += 1;
    const q = new URL(request.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [-0.5792, 44.8378] },
            properties: { label: `${q} 33000 Bordeaux`, score: 0.93, type: 'housenumber', citycode: '33063' },
          },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/search`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const burst = (geocoder: ReturnType<typeof createGeocoder>, offset: number) =>
  Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      geocoder.geocode({
        inseeCode: '33063',
        city: 'Bordeaux',
        streetNumber: String(offset + i),
        streetName: 'rue Sainte-Catherine',
      }),
    ),
  );

const atStreet = (results: Awaited<ReturnType<typeof burst>>) =>
  results.filter((r) => r.ok && r.location.precision === 'street').length;

describe('a burst of address searches', () => {
  it('stays at street precision behind the shared rate limiter, and repeats come from the cache', async () => {
    stats.served = 0;
    stats.refused = 0;
    const addressService = createAddressServiceClient({
      url,
      // The instance's default (geo/index.ts): 40/s with a burst of 5, below the service's 50 in any second.
      rateLimiter: createTokenBucket({ ratePerSecond: 40, burst: 5 }),
      maxQueueMs: 6_000,
    });
    const geocoder = createGeocoder({ communes: geo.communes, radii: geo.radii, addressService });
    const first = await burst(geocoder, 1);
    expect(atStreet(first)).toBe(200);
    expect(stats.served).toBe(200);
    // A loaded machine fires delayed timers together, so a few 429 may slip through (each is retried once);
    // without the limiter (below) the service refuses most of the burst.
    expect(stats.refused).toBeLessThanOrEqual(20);
    const requestsBefore = stats.served + stats.refused;
    const again = await burst(geocoder, 1);
    expect(atStreet(again)).toBe(200);
    expect(stats.served + stats.refused).toBe(requestsBefore);
  }, 30_000);

  it('without the limiter, the same burst degrades most positions to the commune centre', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const addressService = createAddressServiceClient({ url });
    const geocoder = createGeocoder({ communes: geo.communes, radii: geo.radii, addressService });
    stats.refused = 0;
    const results = await burst(geocoder, 1000);
    expect(atStreet(results)).toBeLessThan(150);
    expect(stats.refused).toBeGreaterThan(100);
  }, 30_000);
});
