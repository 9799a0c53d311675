// Client for a street-level geocoder with the national address service's API shape (Géoplateforme
// `https://data.geopf.fr/geocodage/search`, formerly api-adresse.data.gouv.fr):
//   GET <url>?q=<number street city>&citycode=<INSEE>&limit=1  →  GeoJSON FeatureCollection, best match first,
//   each feature with `properties.score` (0..1), `type` (housenumber / street / locality / municipality),
//   `citycode` and `label`.
// Used only when a geocoder URL is configured. It never throws: every failure comes back as a reason the geocoder
// turns into "position approximative" at the commune.
import { z } from 'zod';
import type { GeoPoint } from '../../shared/domain/care-offer';
import type { RateLimiter } from '../limits/token-bucket';

interface AddressMatch {
  point: GeoPoint;
  label: string;
  score: number;
  /** housenumber, street, locality or municipality. */
  type: string;
  citycode?: string;
}

type AddressFailure =
  'no-result' | 'timeout' | 'rate-limited' | 'http-error' | 'invalid-response' | 'network-error' | 'aborted';

type AddressLookup =
  | { ok: true; match: AddressMatch }
  | { ok: false; reason: AddressFailure; /** French, short: goes into the location notice. */ message: string };

interface AddressQuery {
  q: string;
  citycode?: string;
}

export interface AddressServiceClient {
  search(query: AddressQuery, signal?: AbortSignal): Promise<AddressLookup>;
}

export interface AddressServiceOptions {
  /** The search endpoint, e.g. `https://data.geopf.fr/geocodage/search`. */
  url: string;
  /** Per request, body included. */
  timeoutMs?: number;
  /** Longest `Retry-After` worth waiting for; beyond it, the commune is good enough. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** How long an answer (a match or "no result") is reused for the same query; 0: never. */
  cacheTtlMs?: number;
  now?: () => number;
  /** Shared by every search of the instance, so a burst queues below the service's rate instead of getting 429. */
  rateLimiter?: RateLimiter;
  /** Longest wait for the rate limiter before the commune is good enough. */
  maxQueueMs?: number;
}

const DEFAULT_ADDRESS_TIMEOUT_MS = 2500;
const DEFAULT_MAX_RETRY_AFTER_MS = 3000;
/** Wait before the single retry when a 429 names no delay. */
const DEFAULT_RETRY_DELAY_MS = 500;
const MAX_BODY_CHARS = 1_000_000;
const DEFAULT_ADDRESS_CACHE_TTL_MS = 10 * 60_000;
const DEFAULT_MAX_QUEUE_MS = 5_000;
/** Bounded, in memory only: the same patient's address searched again (retry, new tab) costs no request. */
const CACHE_ENTRIES = 500;

const featureSchema = z.object({
  geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) }),
  properties: z.object({
    label: z.string(),
    score: z.number().min(0).max(1),
    type: z.string(),
    citycode: z.string().optional(),
  }),
});
const collectionSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) });

/** `Retry-After` is either seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

export function createAddressServiceClient(options: AddressServiceOptions): AddressServiceClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ADDRESS_TIMEOUT_MS;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const cacheTtlMs = options.cacheTtlMs ?? DEFAULT_ADDRESS_CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; lookup: AddressLookup }>();
  const maxQueueMs = options.maxQueueMs ?? DEFAULT_MAX_QUEUE_MS;
  // The same address asked by several searches at once (a burst of retries) costs one request.
  const pending = new Map<string, Promise<AddressLookup>>();
  const remember = (key: string, lookup: AddressLookup) => {
    // Failures of the service are not answers about the address: only matches and "no result" are kept.
    if (cacheTtlMs <= 0 || (!lookup.ok && lookup.reason !== 'no-result')) return;
    cache.delete(key);
    cache.set(key, { at: now(), lookup });
    if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
  };

  async function attempt(url: URL, signal?: AbortSignal): Promise<AddressLookup | { retryAfterMs: number }> {
    if (options.rateLimiter && !(await options.rateLimiter.take(maxQueueMs, signal))) {
      if (signal?.aborted) return { ok: false, reason: 'aborted', message: 'recherche annulée' };
      return { ok: false, reason: 'rate-limited', message: 'service saturé (trop de requêtes)' };
    }
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    try {
      const response = await doFetch(url, { headers: { accept: 'application/json' }, signal: combined });
      if (response.status === 429) {
        await response.body?.cancel().catch(() => {});
        return { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) ?? DEFAULT_RETRY_DELAY_MS };
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => {});
        return { ok: false, reason: 'http-error', message: `erreur HTTP ${response.status}` };
      }
      const text = await response.text();
      if (text.length > MAX_BODY_CHARS)
        return { ok: false, reason: 'invalid-response', message: 'réponse trop longue' };
      return readCollection(text);
    } catch (error) {
      if (signal?.aborted) return { ok: false, reason: 'aborted', message: 'recherche annulée' };
      if (timeout.aborted) return { ok: false, reason: 'timeout', message: 'délai dépassé' };
      return { ok: false, reason: 'network-error', message: `erreur réseau (${(error as Error).message})` };
    }
  }

  return {
    async search(query, signal) {
      const url = new URL(options.url);
      url.searchParams.set('q', query.q);
      if (query.citycode) url.searchParams.set('citycode', query.citycode);
      url.searchParams.set('limit', '1');
      const key = url.search;
      const cached = cache.get(key);
      if (cached && now() - cached.at < cacheTtlMs) return cached.lookup;
      const inFlight = pending.get(key);
      if (inFlight) return inFlight;
      const lookup = lookUp(url, key, signal);
      pending.set(key, lookup);
      try {
        return await lookup;
      } finally {
        pending.delete(key);
      }
    },
  };

  async function lookUp(url: URL, key: string, signal?: AbortSignal): Promise<AddressLookup> {
    const first = await attempt(url, signal);
    if (!('retryAfterMs' in first)) {
      remember(key, first);
      return first;
    }
    // Rate limited: honour Retry-After once, if it is short enough to be worth it.
    if (first.retryAfterMs > maxRetryAfterMs) {
      return { ok: false, reason: 'rate-limited', message: 'service saturé (trop de requêtes)' };
    }
    try {
      await sleep(first.retryAfterMs, signal);
    } catch {
      return { ok: false, reason: 'aborted', message: 'recherche annulée' };
    }
    const second = await attempt(url, signal);
    if ('retryAfterMs' in second) {
      return { ok: false, reason: 'rate-limited', message: 'service saturé (trop de requêtes)' };
    }
    remember(key, second);
    return second;
  }
}

function readCollection(text: string): AddressLookup {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid-response', message: 'réponse illisible (JSON invalide)' };
  }
  const collection = collectionSchema.safeParse(body);
  if (!collection.success) {
    return { ok: false, reason: 'invalid-response', message: 'réponse inattendue (pas une FeatureCollection)' };
  }
  if (collection.data.features.length === 0) {
    return { ok: false, reason: 'no-result', message: 'adresse introuvable' };
  }
  const feature = featureSchema.safeParse(collection.data.features[0]);
  if (!feature.success) {
    return { ok: false, reason: 'invalid-response', message: 'réponse inattendue (résultat incomplet)' };
  }
  const [lon, lat] = feature.data.geometry.coordinates;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return { ok: false, reason: 'invalid-response', message: 'réponse inattendue (coordonnées invalides)' };
  }
  const { label, score, type, citycode } = feature.data.properties;
  return { ok: true, match: { point: { lat, lon }, label, score, type, ...(citycode ? { citycode } : {}) } };
}
