// The training geocoder on loopback: the national geocoder's search protocol (GET /geocodage/search or /search,
// `q`, `citycode`, `postcode`, `limit`, `index=address`; GeoCodeJSON answers; HTTP 429 with Retry-After beyond its
// rate), over the training data set's streets and every commune centroid. The training backend is configured with
// its URL exactly as a deployment is configured with https://data.geopf.fr/geocodage/search.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { searchAddresses, type AddressIndex } from './search';

export interface TrainingGeocoderOptions {
  index: AddressIndex;
  host?: string;
  port?: number;
  /** Requests per second before HTTP 429 (the national service: 50 per second and per address). */
  ratePerSecond?: number;
  /** The `Retry-After` of a 429, in seconds. */
  retryAfterSeconds?: number;
  now?: () => number;
}

export interface TrainingGeocoder {
  /** The search endpoint, to configure the backend with. */
  url: string;
  server: Server;
  /** Requests answered so far, by status (for tests and the environment's log). */
  counts: { ok: number; badRequest: number; rateLimited: number };
  close(): Promise<void>;
}

const DEFAULT_GEOCODER_RATE = 50;

const paramsSchema = z.object({
  q: z
    .string()
    .trim()
    .min(3, 'q must contain between 3 and 200 chars')
    .max(200, 'q must contain between 3 and 200 chars'),
  citycode: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/u, 'citycode must be an INSEE code')
    .optional(),
  postcode: z
    .string()
    .regex(/^\d{5}$/u, 'postcode must contain 5 digits')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  index: z.literal('address').default('address'),
});

/** A token bucket: `rate` requests per second, bursts up to `rate`. */
export function createRateLimiter(rate: number, now: () => number) {
  let tokens = rate;
  let last = now();
  return {
    take(): boolean {
      const at = now();
      tokens = Math.min(rate, tokens + ((at - last) / 1000) * rate);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

function handleGeocoderRequest(
  index: AddressIndex,
  limiter: { take(): boolean },
  retryAfterSeconds: number,
  counts: TrainingGeocoder['counts'],
) {
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || !['/search', '/geocodage/search'].includes(url.pathname)) {
      send(response, 404, { code: 404, message: 'Not found' });
      return;
    }
    if (!limiter.take()) {
      counts.rateLimited += 1;
      send(response, 429, { code: 429, message: 'Too many requests' }, { 'retry-after': String(retryAfterSeconds) });
      return;
    }
    const parsed = paramsSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      counts.badRequest += 1;
      send(response, 400, {
        code: 400,
        message: 'Failed parsing query',
        detail: parsed.error.issues.map((i) => i.message),
      });
      return;
    }
    const { q, citycode, postcode, limit } = parsed.data;
    counts.ok += 1;
    send(
      response,
      200,
      searchAddresses(index, { q, limit, ...(citycode ? { citycode } : {}), ...(postcode ? { postcode } : {}) }),
    );
  };
}

export async function startTrainingGeocoder(options: TrainingGeocoderOptions): Promise<TrainingGeocoder> {
  const counts = { ok: 0, badRequest: 0, rateLimited: 0 };
  const limiter = createRateLimiter(
    options.ratePerSecond ?? DEFAULT_GEOCODER_RATE,
    options.now ?? (() => performance.now()),
  );
  const server = createServer(handleGeocoderRequest(options.index, limiter, options.retryAfterSeconds ?? 1, counts));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/geocodage/search`,
    server,
    counts,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
