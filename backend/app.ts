// The SAS backend as one server: the console API (search, places, appointments), the publishers' V3 receiver, and
// the OpenID provider under /oidc (docs/design.md §5). Storage, directory and geo data are opened by the caller, so the
// same composition serves the standalone server, the training environment and the tests.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PublicPublisher } from '../shared/backend-api/routes';
import { computeSearchWindow } from '../shared/fhir/build-search';
import { createV1Pusher, type V1Outcome } from './accounts/v1-push';
import type { ApiCaller } from './api/auth';
import { apiRoutes } from './api/routes';
import { BookingIntents } from './appointments/booking-intents';
import { AppointmentFeed } from './appointments/feed';
import { appointmentRoutes } from './appointments/routes';
import type { PublisherAuthenticator } from './appointments/v3-receiver';
import type { Directory } from './directory/directory';
import type { GeoData } from './geo/index';
import type { Geocoder } from './geo/geocoder';
import type { LocateOptions } from './geo/locate';
import { bindServer, type BoundServer } from './http/listen';
import { createRouter } from './http/router';
import { createIdentityProvider, type IdentityProvider, type IdentityProviderConfig } from './identity/provider';
import type { RegulatorAccounts } from './identity/regulator-accounts';
import {
  agendaSlotsFrom,
  directoryOffer,
  geoLocations,
  mapPublisherAnswer,
  publisherRegistry,
  publisherRequestUrl,
} from './search/adapters';
import { CircuitBreaker } from './search/circuit-breaker';
import { PublisherClient, type PublisherClientOptions } from './search/publisher-client';
import type { SearchServiceDeps } from './search/search-service';
import type { Storage } from './storage/index';
import { suggestPlaces } from './geo/place-suggestions';

export interface BackendOptions {
  host?: string;
  port?: number;
  version?: string;
  storage: Storage;
  directory: Directory;
  geo: GeoData;
  geocoder: Geocoder;
  /** The departments the directory covers, when it is a partial data set (training): searches elsewhere say so. */
  coverage?: LocateOptions['coverage'];
  /** Identity provider settings; the issuer defaults to this server's `/oidc` (set it behind a proxy). */
  identity: Omit<IdentityProviderConfig, 'issuer' | 'accounts'> & { issuer?: string };
  publishers: {
    timeoutMs?: number;
    maxBodyBytes?: number;
    concurrency?: number;
    tls?: PublisherClientOptions['tls'];
    /** Identifies the publisher posting a V3 appointment (training: a bearer key; production: its client certificate). */
    authenticate: PublisherAuthenticator;
  };
  /** A server already listening (its URL had to be known first, e.g. to register the PSC callback). */
  bound?: BoundServer;
  /** HTTP client for RDV V1 pushes (default: global fetch). */
  v1Fetch?: typeof fetch;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  now?: () => Date;
}

export interface Backend {
  url: string;
  identity: IdentityProvider;
  feed: AppointmentFeed;
  /** Withdraws a regulator's access: refused at once by the API, and `active=false` pushed to publishers (V1). */
  withdrawRegulator(nationalId: string): Promise<V1Outcome[]>;
  /** Resolves when the V1 pushes started by logins so far have finished (tests, orderly shutdown). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_PUBLISHER_TIMEOUT_MS = 7_000;

/** Regulator accounts as the identity provider reads them, from storage. */
export function storageAccounts(storage: Storage): RegulatorAccounts {
  return {
    async findByNationalId(nationalId) {
      const account = await storage.regulators.get(nationalId);
      return (
        account && {
          nationalId: account.nationalId,
          familyName: account.familyName,
          givenName: account.givenName,
          email: account.email,
          active: account.active,
        }
      );
    },
  };
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const bound = options.bound ?? (await bindServer(options.host ?? '127.0.0.1', options.port ?? 0));
  const accounts = storageAccounts(options.storage);
  const identity = await createIdentityProvider({
    ...options.identity,
    issuer: options.identity.issuer ?? `${bound.origin}/oidc`,
    accounts,
  });

  const verifyAccessToken = async (token: string): Promise<ApiCaller | undefined> => {
    const check = await identity.verifyAccessToken(token);
    return check.ok
      ? {
          nationalId: check.regulator.nationalId,
          familyName: check.regulator.familyName,
          givenName: check.regulator.givenName,
        }
      : undefined;
  };
  const client = new PublisherClient({
    timeoutMs: options.publishers.timeoutMs ?? DEFAULT_PUBLISHER_TIMEOUT_MS,
    maxBodyBytes: options.publishers.maxBodyBytes ?? 20 * 1024 * 1024,
    ...(options.publishers.tls ? { tls: options.publishers.tls } : {}),
  });
  const search: SearchServiceDeps = {
    locations: geoLocations(options.geocoder, options.geo.radii, options.directory, options.coverage),
    directory: directoryOffer(options.directory),
    publishers: publisherRegistry(options.directory.publishers),
    aggregator: {
      get: (url, signal, timeoutMs) => client.get(url, signal, timeoutMs),
      buildUrl: publisherRequestUrl,
      map: mapPublisherAnswer,
      agendaSlots: agendaSlotsFrom(options.storage.agendaSlots, options.directory),
      breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 60_000 }),
      concurrency: options.publishers.concurrency ?? 64,
      budgetMs: options.publishers.timeoutMs ?? DEFAULT_PUBLISHER_TIMEOUT_MS,
      now: () => performance.now(),
    },
    window: (at, timeZone) => computeSearchWindow(at, 2, timeZone),
    clock: now,
  };
  const publicPublishers = (): PublicPublisher[] =>
    options.directory.publishers.map((p) => ({ id: p.id, name: p.name, bookingOrigins: p.bookingOrigins }));
  const onUnexpected = (error: unknown) =>
    log('error', `erreur inattendue : ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  const feed = new AppointmentFeed(onUnexpected);
  const routes = [
    ...apiRoutes({
      search,
      verifyAccessToken,
      suggestLocations: async (text) => suggestPlaces(options.geo.communes, text),
      publishers: publicPublishers,
      version: options.version ?? '0.1.0',
      onUnexpected,
    }),
    ...appointmentRoutes({
      appointments: options.storage.appointments,
      feed,
      intents: new BookingIntents(),
      authenticatePublisher: options.publishers.authenticate,
      verifyAccessToken,
      onUnexpected,
    }),
  ];
  const v1 = createV1Pusher({
    targets: () => options.directory.publishers.filter((p) => p.acceptsV1Accounts),
    ...(options.v1Fetch ? { fetch: options.v1Fetch } : {}),
    log,
  });
  const pushes = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    pushes.add(promise);
    void promise.finally(() => pushes.delete(promise));
  };
  identity.events.on('login-succeeded', ({ regulator }) => track(v1.push(regulator)));

  const router = createRouter(routes, [{ prefix: '/oidc', handle: identity.handler }], onUnexpected);
  bound.setHandler((request, response) => void router(request, response));
  log('info', `serveur SAS prêt sur ${bound.origin}`);
  return {
    url: bound.origin,
    identity,
    feed,
    async withdrawRegulator(nationalId) {
      const account = await options.storage.regulators.setActive(nationalId, false);
      if (!account) return [];
      const push = v1.push({ ...account, active: false });
      track(push);
      return push;
    },
    async settled() {
      await Promise.allSettled([...pushes]);
    },
    close: async () => {
      await Promise.allSettled([...pushes]);
      await bound.close();
      await client.close();
      await identity.close();
    },
  };
}

/** Training and tests: a publisher proves who it is with a bearer key from the registry. */
export function bearerKeyAuthenticator(keys: Readonly<Record<string, string>>): PublisherAuthenticator {
  const byKey = new Map(Object.entries(keys).map(([publisherId, key]) => [key, publisherId]));
  return (request: IncomingMessage) => {
    const match = /^Bearer (\S{16,200})$/u.exec(request.headers.authorization ?? '');
    return match?.[1] ? byKey.get(match[1]) : undefined;
  };
}

export const newPublisherKey = (): string => `${randomUUID()}${randomUUID()}`.replace(/-/gu, '');
