// The training environment (environnement de formation): a stand-in Pro Santé Connect, one simulated publisher per
// registry entry answering the IG's slot searches, and the SAS backend on the training data set — all real HTTP
// servers on loopback. The console's training mode, the web harness, `npm run backend` and the tests start it.
import { trainingCoverage } from './coverage';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerKeyAuthenticator, newPublisherKey, startBackend, type Backend, type BackendOptions } from '../app';
import { createDirectory, type Directory } from '../directory/directory';
import { bindPublisherEndpoints, type Publisher } from '../directory/publishers';
import { geocoderFor, loadGeoData } from '../geo/index';
import { bindServer, type BoundServer } from '../http/listen';
import { generateSigningJwks, randomCookieKeys } from '../identity/keys';
import { createAgendaSlotRepository } from '../storage/agenda-slots';
import { openStorage, type Storage } from '../storage/index';
import type { DatabaseConfig } from '../storage/sql-database';
import { loadTrainingDataset, type LoadedTrainingDataset } from './dataset/files';
import { sasAgendaSlotInputs } from './dataset/sas-agenda';
import { trainingAgendaManager } from './agenda-manager';
import type { LatencyProfile, PublisherFault } from './publishers/faults';
import { startSimulatedPublisher, type SimulatedPublisher } from './publishers/publisher-server';
import { answerSlotQuery, createTrainingCatalogue, type TrainingCatalogue } from './publishers/training-answer';
import { trainingPublisherRoutes, type TrainingRoutes } from './publishers/training-routes';
import { trainingAddressIndex } from './geocoder/index';
import { startTrainingGeocoder, type TrainingGeocoder } from './geocoder/server';
import { trainingPscIdentitiesFrom } from './psc/identities';
import { startTrainingPsc, type TrainingPsc } from './psc/training-psc';
import { startTrainingLrm, type TrainingLrm } from './lrm/training-link';

export interface TrainingEnvironmentOptions {
  host?: string;
  /** Port of the backend (0: any free port). */
  backendPort?: number;
  /** Fixed ports for a person to use (`npm run backend`); tests leave them out (free ports). */
  pscPort?: number;
  /** The simulated publishers listen on this port and the following ones, in registry order. */
  publisherPortBase?: number;
  trainingDir?: string;
  geoDir?: string;
  storage?: DatabaseConfig;
  /** Default answer time of the simulated publishers. */
  latency?: LatencyProfile;
  /** Per publisher id: its answer time and misbehaviour. */
  publishers?: Readonly<Record<string, { latency?: LatencyProfile; fault?: PublisherFault }>>;
  publisherTimeoutMs?: number;
  /** Publishers the backend's circuit breaker keeps set aside for the whole run (as after repeated failures). */
  setAsidePublishers?: readonly string[];
  /** Street-level geocoder URL (the national address service's API shape); absent: the training geocoder. */
  geocoderUrl?: string;
  /** The training geocoder on loopback (default: on, at the national service's rate); `false`: communes only. */
  streetGeocoder?: false | { ratePerSecond?: number; retryAfterSeconds?: number; port?: number };
  /** Routes mounted on every simulated publisher; default: its V1 receiver and booking pages. */
  publisherRoutes?: (
    context: PublisherRouteContext,
  ) => ((request: IncomingMessage, response: ServerResponse, url: URL) => Promise<boolean>) | undefined;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Structured logs, limits and /metrics access of the backend (tests of observability and abuse). */
  backend?: Pick<BackendOptions, 'logger' | 'limits' | 'observability' | 'agenda' | 'offerPageSize'>;
  now?: () => Date;
  /**
   * Several backend instances on one database (use a PostgreSQL `storage`), behind a load balancer whose URL is
   * `frontOrigin`: PSC, publishers and the issuer use that URL; the instances share keys and configuration.
   */
  instances?: { count: number; frontOrigin: string };
  /** Token of the training's structure manager (SAS-agenda availabilities); absent: a new one each start. */
  agendaManagerToken?: string;
  /** Broker of the simulated LRMs and of the backend's LRM link (amqp://…); absent or not answering: link off. */
  lrmAmqpUrl?: string;
}

export interface PublisherRouteContext {
  publisher: Publisher;
  origin: string;
  catalogue: TrainingCatalogue;
  directory: Directory;
  /** The backend's OpenID provider (RDV V2) and this publisher's client there. */
  oidc: { issuer: string; clientId: string; clientSecret: string };
  /** The backend's V3 receiver and this publisher's key for it. */
  appointmentsUrl: string;
  publisherKey: string;
}

interface TrainingPublisher {
  entry: Publisher;
  server: SimulatedPublisher;
  catalogue: TrainingCatalogue;
  /** Its V1 receiver and booking pages (absent when the caller mounted its own routes). */
  routes?: TrainingRoutes;
  /** Its key for the backend's V3 receiver (`Authorization: Bearer <key>`). */
  publisherKey: string;
}

export interface TrainingEnvironment {
  backend: Backend;
  /** Every backend instance (one unless `instances` was given); `backend` is the first. */
  instances: { backend: Backend; bound: BoundServer }[];
  backendUrl: string;
  psc: TrainingPsc;
  publishers: Map<string, TrainingPublisher>;
  directory: Directory;
  dataset: LoadedTrainingDataset;
  storage: Storage;
  /** The training geocoder, unless a geocoder URL was given or it was turned off. */
  geocoder?: TrainingGeocoder;
  /** Bearer token of the training's structure manager: PUT/DELETE /api/agenda/availabilities for any structure. */
  agendaManagerToken: string;
  /** The simulated LRMs (when a broker answered): their « DRM à rattacher » page. */
  lrm?: TrainingLrm;
  close(): Promise<void>;
}

const DEFAULT_LATENCY: LatencyProfile = { minMs: 40, maxMs: 400 };
const secret = () => randomBytes(24).toString('base64url');

export async function startTrainingEnvironment(options: TrainingEnvironmentOptions = {}): Promise<TrainingEnvironment> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const [dataset, geo] = await Promise.all([loadTrainingDataset(options.trainingDir), loadGeoData(options.geoDir)]);
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => {});
  };

  try {
    // The backend's address must be known first: PSC registers its callback, publishers their SSO client.
    const bound = await bindServer(host, options.backendPort ?? 0);
    closers.push(() => bound.close());
    const front = options.instances?.frontOrigin ?? bound.origin;
    const issuer = `${front}/oidc`;
    const placeholderDirectory = createDirectory(dataset.careOffer);

    // Simulated publishers: their ports decide the registry's real addresses.
    const publishers = new Map<string, TrainingPublisher>();
    const keys: Record<string, string> = {};
    const clients: { clientId: string; clientSecret: string; redirectUris: string[]; name: string }[] = [];
    const routeContexts = new Map<string, PublisherRouteContext>();
    for (const [index, entry] of dataset.careOffer.publishers.entries()) {
      const custom = options.publishers?.[entry.id];
      // Filled in once the server's address is known (the catalogue's booking URLs and the routes need it).
      const late: {
        catalogue?: TrainingCatalogue;
        routes?: ReturnType<NonNullable<TrainingEnvironmentOptions['publisherRoutes']>>;
      } = {};
      const server: SimulatedPublisher = await startSimulatedPublisher({
        id: entry.id,
        name: entry.name,
        host,
        ...(options.publisherPortBase ? { port: options.publisherPortBase + index } : {}),
        latency: custom?.latency ?? options.latency ?? DEFAULT_LATENCY,
        fault: custom?.fault ?? { kind: 'none' },
        seed: [...entry.id].reduce((sum, c) => sum + c.charCodeAt(0), 7),
        answer: (query) => {
          if (!late.catalogue) throw new Error('publisher not ready');
          return answerSlotQuery(
            query,
            late.catalogue,
            placeholderDirectory,
            server.fhirBaseUrl,
            `${server.fhirBaseUrl}/${query.resource}`,
          );
        },
        handle: async (request, response, url) => (late.routes ? late.routes(request, response, url) : false),
      });
      closers.push(() => server.close());
      const catalogue = createTrainingCatalogue({
        publisherId: entry.id,
        bookingOrigin: server.origin,
        directory: placeholderDirectory,
        patterns: dataset.patterns,
        now,
      });
      keys[entry.id] = newPublisherKey();
      const client = {
        clientId: `editeur-${entry.id}`,
        clientSecret: secret(),
        redirectUris: [`${server.origin}/rdv/callback`],
        name: entry.name,
      };
      clients.push(client);
      const context: PublisherRouteContext = {
        publisher: entry,
        origin: server.origin,
        catalogue,
        directory: placeholderDirectory,
        oidc: { issuer, clientId: client.clientId, clientSecret: client.clientSecret },
        appointmentsUrl: `${front}/fhir/Appointment`,
        publisherKey: keys[entry.id]!,
      };
      routeContexts.set(entry.id, context);
      late.catalogue = catalogue;
      const routes = options.publisherRoutes ? undefined : trainingPublisherRoutes(context, now);
      late.routes = options.publisherRoutes ? options.publisherRoutes(context) : routes?.handle;
      publishers.set(entry.id, {
        entry,
        server,
        catalogue,
        publisherKey: context.publisherKey,
        ...(routes ? { routes } : {}),
      });
    }
    const endpoints = Object.fromEntries(
      [...publishers.values()].map((p) => [
        p.entry.id,
        { fhirBaseUrl: p.server.fhirBaseUrl, bookingOrigin: p.server.origin },
      ]),
    );
    const boundPublishers = bindPublisherEndpoints(dataset.careOffer.publishers, endpoints);
    const directory = createDirectory({ ...dataset.careOffer, publishers: boundPublishers });
    for (const p of publishers.values()) p.entry = boundPublishers.find((b) => b.id === p.entry.id) ?? p.entry;

    // Storage: the training regulators, and the SAS agenda slots of the coming days.
    const storage = await openStorage(options.storage ?? { driver: 'pglite' });
    closers.push(() => storage.close());
    for (const regulator of dataset.regulators) {
      await storage.regulators.upsert({
        nationalId: regulator.nationalId,
        familyName: regulator.familyName,
        givenName: regulator.givenName,
        ...(regulator.email ? { email: regulator.email } : {}),
        active: regulator.active,
      });
    }
    const from = now();
    const agenda = sasAgendaSlotInputs(dataset.patterns, from, new Date(from.getTime() + 3 * 24 * 3600 * 1000));
    await storage.db.transaction(async (tx) => {
      const repository = createAgendaSlotRepository(tx);
      for (const slot of agenda) await repository.put(slot);
    });

    // Pro Santé Connect stand-in, with the backend as its (confidential) client.
    const pscClient = { clientId: 'sas-backend-formation', clientSecret: secret() };
    const psc = await startTrainingPsc({
      host,
      ...(options.pscPort ? { port: options.pscPort } : {}),
      identities: trainingPscIdentitiesFrom(dataset.regulators),
      clients: [{ ...pscClient, redirectUris: [`${issuer}/psc/callback`] }],
    });
    closers.push(() => psc.close());

    // Street-level positions: the training geocoder over the data set's streets, configured like the real one.
    let geocoder: TrainingGeocoder | undefined;
    if (!options.geocoderUrl && options.streetGeocoder !== false) {
      const settings = options.streetGeocoder ?? {};
      geocoder = await startTrainingGeocoder({
        index: trainingAddressIndex(dataset.careOffer, geo.communes),
        host,
        ...(settings.port ? { port: settings.port } : {}),
        ...(settings.ratePerSecond ? { ratePerSecond: settings.ratePerSecond } : {}),
        ...(settings.retryAfterSeconds !== undefined ? { retryAfterSeconds: settings.retryAfterSeconds } : {}),
      });
      const started = geocoder;
      closers.push(() => started.close());
    }

    const agendaManagerToken = options.agendaManagerToken ?? secret();
    const lrm = await startTrainingLrm(options.lrmAmqpUrl, log);
    if (lrm) closers.push(() => lrm.simulated.stop());
    const backendOptions: BackendOptions = {
      storage,
      directory,
      geo,
      geocoder: geocoderFor(geo, options.geocoderUrl ?? geocoder?.url),
      coverage: trainingCoverage(dataset, geo),
      training: true,
      identity: {
        psc: { issuer: psc.issuer, ...pscClient },
        publishers: clients,
        ...(options.instances ? { issuer, jwks: await generateSigningJwks(), cookieKeys: randomCookieKeys() } : {}),
      },
      publishers: {
        authenticate: bearerKeyAuthenticator(keys),
        ...(options.publisherTimeoutMs ? { timeoutMs: options.publisherTimeoutMs } : {}),
        ...(options.setAsidePublishers ? { setAside: options.setAsidePublishers } : {}),
      },
      log,
      now,
      agenda: { managers: [trainingAgendaManager(agendaManagerToken)] },
      ...(lrm ? { lrm: { config: lrm.config } } : {}),
      ...options.backend,
    };
    const backend = await startBackend({ ...backendOptions, bound });
    const instances = [{ backend, bound }];
    // The backend now owns the bound server, and closes first (in-flight searches, then storage).
    closers.splice(0, 1);
    closers.push(() => backend.close());
    for (let index = 1; index < (options.instances?.count ?? 1); index += 1) {
      const other = await bindServer(host, 0);
      const instance = await startBackend({ ...backendOptions, bound: other });
      instances.push({ backend: instance, bound: other });
      closers.push(() => instance.close({ graceMs: 0 }));
    }
    log(
      'info',
      `environnement de FORMATION prêt : serveur SAS ${backend.url}, PSC ${psc.issuer}, ${publishers.size} éditeurs simulés`,
    );

    return {
      backend,
      instances,
      backendUrl: options.instances?.frontOrigin ?? backend.url,
      psc,
      publishers,
      directory,
      dataset,
      storage,
      ...(geocoder ? { geocoder } : {}),
      agendaManagerToken,
      ...(lrm ? { lrm } : {}),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
