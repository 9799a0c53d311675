// The SAS backend as one server: the console API (search, places, appointments), the publishers' V3 receiver, and
// the OpenID provider under /oidc (docs/design.md §5). Storage, directory and geo data are opened by the caller, so the
// same composition serves the standalone server, the training environment and the tests.
import { withSetAside } from './search/set-aside';
import type { PublicPublisher } from '../shared/backend-api/routes';
import { computeSearchWindow } from '../shared/fhir/build-search';
import { createV1Pusher, type V1Outcome } from './accounts/v1-push';
import { createV1Transport } from './accounts/v1-transport';
import type { ApiCaller, PresentedToken } from './api/auth';
import { createDpopProofVerifier } from './identity/dpop-proof';
import { boundCorrectly } from './identity/token-binding';
import { environmentRoute } from './api/environment-route';
import { apiRoutes } from './api/routes';
import { agendaApi, type AgendaOptions } from './agenda/index';
import { startConfiguredLrmLink, type LrmConfig } from './lrm/backend-link';
import { storageAccounts } from './identity/storage-accounts';
import { storedBookingIntents } from './appointments/booking-intents';
import { AppointmentFeed } from './appointments/feed';
import { appointmentRoutes } from './appointments/routes';
import type { PublisherAuthenticator } from './appointments/v3-receiver';
import type { Directory } from './directory/directory';
import type { GeoData } from './geo/index';
import type { Geocoder } from './geo/geocoder';
import type { LocateOptions } from './geo/locate';
import { bindServer, type BoundServer } from './http/listen';
import { readinessRoute } from './http/readiness';
import { createRouter } from './http/router';
import { storageOidcAdapter } from './identity/oidc-adapter';
import { createIdentityProvider, type IdentityProvider, type IdentityProviderConfig } from './identity/provider';
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
import { storageReachable } from './storage/availability';
import { scheduleExpiryCleanup } from './storage/expiry-cleanup';
import type { Storage } from './storage/index';
import type { Logger } from '@shared/util/logger';
import { silentLogger } from '@shared/util/logger';
import { DEFAULT_LIMITS, type BackendLimits } from './limits/config';
import { createPublisherSlots, withPublisherSlots } from './limits/publisher-slots';
import { applyServerTimeouts } from './limits/server-timeouts';
import { createTokenCaps } from './limits/token-caps';
import { observeLogins, observeV1Push, v3Observer } from './observability/backend-events';
import { observedHandler, type MetricsAccess } from './observability/http-observer';
import { logCallback } from './observability/logger';
import { createBackendMetrics } from './observability/metrics';
import { observeSearches } from './observability/search-observer';
import { createV1PushStateRepository } from './storage/v1-push-state';
import { suggestPlaces } from './geo/place-suggestions';

export interface BackendOptions {
  host?: string;
  port?: number;
  version?: string;
  storage: Storage;
  directory: Directory;
  geo: GeoData;
  geocoder: Geocoder;
  /** A training backend (fictitious data set and identity): it says so to consoles (`GET /api/environment`). */
  training?: boolean;
  /** The departments the directory covers, when it is a partial data set (training): searches elsewhere say so. */
  coverage?: LocateOptions['coverage'];
  /** Practitioners in a search's `offer` event, nearest first (default 300); the console pages through the rest. */
  offerPageSize?: number;
  /** Identity provider settings; the issuer defaults to this server's `/oidc` (set it behind a proxy). */
  identity: Omit<IdentityProviderConfig, 'issuer' | 'accounts'> & { issuer?: string };
  publishers: {
    timeoutMs?: number;
    maxBodyBytes?: number;
    concurrency?: number;
    tls?: PublisherClientOptions['tls'];
    /** Identifies the publisher posting a V3 appointment (training: a bearer key; production: its client certificate). */
    authenticate: PublisherAuthenticator;
    /** Publishers the circuit breaker starts with set aside (training: shows the regulator what that looks like). */
    setAside?: readonly string[];
  };
  /** A server already listening (its URL had to be known first, e.g. to register the PSC callback). */
  bound?: BoundServer;
  /** HTTP client for RDV V1 pushes (default: global fetch). */
  v1Fetch?: typeof fetch;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Structured logs (pino in production, see observability/logger.ts); `log` is written through it when given. */
  logger?: Logger;
  /** Who may read /metrics (absent: not served) and which proxies' `x-request-id` is kept. */
  observability?: { metricsAccess?: MetricsAccess; trustedProxies?: readonly string[] };
  limits?: Partial<BackendLimits>;
  /** SAS agenda: the structure managers who fill it, and who follows its bookings (the LRM link). */
  agenda?: AgendaOptions;
  /** The LRM link (INT_L02 through the Hub Santé); absent: appointments wait in the outbox, /ready says it is off. */
  lrm?: { config: LrmConfig; resolvePath?: (path: string) => string };
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
  /**
   * Graceful stop: no new request, appointment streams end with a `closing` event, searches in progress get their
   * budget to finish (`graceMs`, default the publisher budget plus a second), then the rest is cut.
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

export { bearerKeyAuthenticator, newPublisherKey } from './appointments/publisher-keys';

export const DEFAULT_PUBLISHER_TIMEOUT_MS = 7_000;

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const logger = options.logger ?? silentLogger;
  const log = options.log ?? (options.logger ? logCallback(options.logger) : () => {});
  const now = options.now ?? (() => new Date());
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const bound = options.bound ?? (await bindServer(options.host ?? '127.0.0.1', options.port ?? 0));
  applyServerTimeouts(bound.server, limits);
  const accounts = storageAccounts(options.storage);
  const onStorageError = (error: unknown) =>
    log('warn', `stockage : ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  // Logins, tokens and logins in progress live in storage: any instance sharing the database can answer any step.
  const identity = await createIdentityProvider({
    adapter: storageOidcAdapter(options.storage.oidcPayloads),
    loginStateStore: options.storage.loginStates,
    ...options.identity,
    issuer: options.identity.issuer ?? `${bound.origin}/oidc`,
    accounts,
  });
  const stopCleanup = scheduleExpiryCleanup(options.storage, onStorageError);
  if (options.storage.db.driver === 'postgres' && !identity.keysFromConfiguration)
    log('warn', 'clés de signature générées au démarrage : plusieurs instances doivent partager `identity.jwks`');

  const proofs = createDpopProofVerifier();
  const verifyAccessToken = async (presented: PresentedToken): Promise<ApiCaller | undefined> => {
    const check = await identity.verifyAccessToken(presented.token);
    if (!check.ok) return undefined;
    const bound = await boundCorrectly(presented, check.jkt, proofs);
    if (!bound.ok) {
      log('warn', `jeton d’accès refusé : preuve de possession (DPoP) absente ou invalide (${bound.reason})`);
      return undefined;
    }
    return {
      nationalId: check.regulator.nationalId,
      familyName: check.regulator.familyName,
      givenName: check.regulator.givenName,
    };
  };
  const breaker = new CircuitBreaker({
    failureThreshold: 3,
    coolDownMs: 60_000,
    ...(options.storage.db.driver === 'postgres'
      ? { shared: { repository: options.storage.publisherBreakers, onError: onStorageError } }
      : {}),
  });
  const client = new PublisherClient({
    timeoutMs: options.publishers.timeoutMs ?? DEFAULT_PUBLISHER_TIMEOUT_MS,
    maxBodyBytes: options.publishers.maxBodyBytes ?? 20 * 1024 * 1024,
    ...(options.publishers.tls ? { tls: options.publishers.tls } : {}),
  });
  const caps = createTokenCaps(limits, (kind) => metrics.refusedByLimit.inc({ limit: kind }));
  const metrics = createBackendMetrics({
    breakerStates: () => options.directory.publishers.map((p) => [p.id, !breaker.allows(p.id)] as [string, boolean]),
    openStreams: () => caps.open(),
  });
  const slots = createPublisherSlots({
    overall: limits.publisherRequests,
    perPublisher: limits.publisherRequestsPerPublisher,
  });
  const limitedGet = withPublisherSlots(slots, (url, signal, timeoutMs) => client.get(url, signal, timeoutMs));
  const search: SearchServiceDeps = {
    observe: observeSearches(logger, metrics),
    locations: geoLocations(options.geocoder, options.geo.radii, options.directory, options.coverage),
    directory: directoryOffer(options.directory),
    publishers: publisherRegistry(options.directory.publishers),
    aggregator: {
      get: limitedGet,
      buildUrl: publisherRequestUrl,
      map: mapPublisherAnswer,
      agendaSlots: agendaSlotsFrom(options.storage.agendaSlots, options.directory),
      breaker: withSetAside(breaker, options.publishers.setAside ?? []),
      concurrency: options.publishers.concurrency ?? 64,
      budgetMs: options.publishers.timeoutMs ?? DEFAULT_PUBLISHER_TIMEOUT_MS,
      now: () => performance.now(),
    },
    window: (at, timeZone) => computeSearchWindow(at, 2, timeZone),
    clock: now,
    ...(options.offerPageSize !== undefined ? { offerPageSize: options.offerPageSize } : {}),
  };
  const publicPublishers = (): PublicPublisher[] =>
    options.directory.publishers.map((p) => ({ id: p.id, name: p.name, bookingOrigins: p.bookingOrigins }));
  const onUnexpected = (error: unknown) =>
    log('error', `erreur inattendue : ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  const feed = new AppointmentFeed(onUnexpected);
  // Several instances on one PostgreSQL: a V3 call on one reaches the streams on all.
  if (options.storage.db.notifications) await feed.connect(options.storage.db.notifications);
  const lrmLink = await startConfiguredLrmLink(options.lrm, {
    storage: options.storage,
    feed,
    directory: () => options.directory,
    registry: metrics.registry,
    log,
  });
  const routes = [
    readinessRoute({
      storage: () => storageReachable(options.storage.db),
      directory: () => options.directory.publishers.length > 0,
      keys: () => identity.publicJwks.keys.length > 0,
      accepting: () => !bound.closing,
      lrm: () => lrmLink.status(),
    }),
    ...apiRoutes({
      search,
      verifyAccessToken,
      suggestLocations: async (text) => suggestPlaces(options.geo.communes, text),
      publishers: publicPublishers,
      version: options.version ?? '0.1.0',
      onUnexpected,
    }),
    environmentRoute({ training: options.training ?? false, verifyAccessToken }),
    ...appointmentRoutes({
      appointments: options.storage.appointments,
      feed,
      intents: storedBookingIntents(options.storage.db, () => now().getTime()),
      authenticatePublisher: options.publishers.authenticate,
      regulatorByTechnicalId: async (id) => (await options.storage.regulators.getByTechnicalId(id))?.nationalId,
      verifyAccessToken,
      onUnexpected,
      db: options.storage.db,
    }),
    ...agendaApi(options, { feed, verifyAccessToken, now }),
  ];
  const v1Transport = options.v1Fetch ? undefined : createV1Transport(options.publishers.tls);
  const v1 = createV1Pusher({
    targets: () => options.directory.publishers.filter((p) => p.acceptsV1Accounts),
    state: createV1PushStateRepository(options.storage.db),
    fetch: options.v1Fetch ?? v1Transport!.fetch,
    log,
  });
  const pushes = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    pushes.add(promise);
    void promise.finally(() => pushes.delete(promise));
  };
  const pushed = (active: boolean) => (outcomes: V1Outcome[]) => {
    observeV1Push(outcomes, active, logger, metrics);
    return outcomes;
  };
  identity.events.on('login-succeeded', ({ regulator }) => track(v1.push(regulator).then(pushed(true))));
  observeLogins(identity.events, logger);

  const router = createRouter(routes, [{ prefix: '/oidc', handle: identity.handler }], onUnexpected);
  bound.setHandler(
    observedHandler((request, response) => void router(request, response), {
      logger,
      metrics,
      ...(options.observability?.metricsAccess ? { metricsAccess: options.observability.metricsAccess } : {}),
      trustedProxies: options.observability?.trustedProxies ?? [],
      caps,
      onFinished: v3Observer(options.publishers.authenticate, logger, metrics),
    }),
  );
  log('info', `serveur SAS prêt sur ${bound.origin}`);
  return {
    url: bound.origin,
    identity,
    feed,
    async withdrawRegulator(nationalId) {
      const account = await options.storage.regulators.setActive(nationalId, false);
      if (!account) return [];
      const push = v1.push({ ...account, active: false }).then(pushed(false));
      track(push);
      return push;
    },
    async settled() {
      await Promise.allSettled([...pushes]);
    },
    close: async (closeOptions = {}) => {
      const budgetMs = options.publishers.timeoutMs ?? DEFAULT_PUBLISHER_TIMEOUT_MS;
      const closing = bound.close({ graceMs: closeOptions.graceMs ?? budgetMs + 1_000 });
      await feed.close();
      await lrmLink.close();
      await closing;
      stopCleanup();
      breaker.stop();
      await Promise.allSettled([...pushes]);
      await client.close();
      await v1Transport?.close();
      await identity.close();
    },
  };
}
