// The backend's configuration file (JSON), validated where it enters; secrets may come from the environment
// instead of the file (`SAS_PSC_CLIENT_SECRET`, `SAS_DATABASE_URL`). See backend/API.md "Configuration".
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { startBackend, bearerKeyAuthenticator, type Backend } from './app';
import { storageAccounts } from './identity/storage-accounts';
import { anyOf, certificateSubjectAuthenticator, clientCertificateAuthenticator } from './appointments/publisher-auth';
import { proxiedCertificateAuthenticator } from './appointments/proxied-certificate';
import { loadDirectory } from './directory/index';
import { followStoredDirectory } from './directory/live-directory';
import { createLogger } from '../shared/util/logger';
import { geocoderFor, loadGeoData } from './geo/index';
import { bindServer } from './http/listen';
import { identityFileConfigSchema, identityProviderConfig } from './identity/config';
import { openStorage } from './storage/index';
import { databaseConfigSchema } from './storage/sql-database';
import type { Logger } from '@shared/util/logger';
import { limitsConfigSchema } from './limits/config';
import { observabilityConfigSchema } from './observability/config';
import { lrmConfigSchema } from './lrm/config';
import { agendaConfigSchema } from './agenda/managers';

const pem = z.string().min(1).max(1000);

const backendConfigSchema = z
  .object({
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(8700),
    storage: databaseConfigSchema,
    /**
     * The care-offer directory file (format `sas-console/care-offer`, see resources/training/care-offer.json).
     * Absent: the directory imported into storage (`directory import --config`), followed as new versions come.
     */
    careOffer: z.string().min(1).optional(),
    /** How often a backend on the stored directory checks for a new version. */
    directoryPollSeconds: z.number().int().min(1).max(3600).default(10),
    /** Practitioners in a search's `offer` event (nearest first); the console pages through the rest. */
    offerPageSize: z.number().int().min(10).max(2000).default(300),
    geoDir: z.string().optional(),
    /** Street-level geocoder (the national address service's API), e.g. https://data.geopf.fr/geocodage/search */
    geocoderUrl: z.string().url().optional(),
    identity: identityFileConfigSchema,
    /** Files (PEM) for HTTPS on the backend itself; `ca` verifies publishers' client certificates (V3). */
    tls: z.object({ cert: pem, key: pem, ca: pem.optional() }).strict().optional(),
    publishers: z
      .object({
        timeoutMs: z.number().int().min(100).max(30_000).default(7_000),
        concurrency: z.number().int().min(1).max(256).default(32),
        /**
         * Client certificate subjects (CN and OU) per publisher id, for V3 over mutual TLS: the chain is checked
         * against `tls.ca`, then the subject names the publisher.
         */
        clientCertificateSubjects: z
          .record(
            z.string(),
            z.array(z.object({ cn: z.string().min(1).max(200), ou: z.string().min(1).max(200) }).strict()).min(1),
          )
          .default({}),
        /** Client certificate fingerprints (SHA-256) per publisher id: an option beside the subjects. */
        clientCertificates: z
          .record(z.string(), z.array(z.string().regex(/^[0-9A-Fa-f:]{64,95}$/u)).min(1))
          .default({}),
        /** Bearer keys per publisher id (only where mutual TLS is not possible). */
        keys: z.record(z.string(), z.string().min(32)).default({}),
        /** Mutual TLS ended at a reverse proxy: the header carrying the verified certificate's SHA-256. */
        proxiedCertificates: z
          .object({ header: z.string().min(1).max(100), proxies: z.array(z.string().min(1)).min(1) })
          .strict()
          .optional(),
        /** Files (PEM) for mutual TLS when the backend calls publishers. */
        tls: z.object({ cert: pem, key: pem, ca: pem.optional() }).strict().optional(),
      })
      .strict()
      .default({
        timeoutMs: 7_000,
        concurrency: 32,
        clientCertificateSubjects: {},
        clientCertificates: {},
        keys: {},
      }),
    limits: limitsConfigSchema.prefault({}),
    observability: observabilityConfigSchema.prefault({}),
    /** The LRM link (INT_L02 through the Hub Santé): broker, the platform's client id, LRM origin → SAMU. */
    lrm: lrmConfigSchema.prefault({}),
    /** SAS agenda: structure managers' token hashes and the structures each may fill (backend/API.md). */
    agenda: agendaConfigSchema.prefault({}),
  })
  .strict();

export type BackendConfig = z.infer<typeof backendConfigSchema> & { baseDir: string };

class BackendConfigError extends Error {}

/**
 * `SAS_OIDC_JWKS`: the private JWKS (JSON) signing tokens, first key signs, all verify; `SAS_COOKIE_KEYS`: the
 * cookie keys, comma-separated, first signs, all verify (rotation: backend/identity/README.md).
 */
function identityKeysFromEnvironment(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  if (env.SAS_OIDC_JWKS) {
    try {
      keys.jwks = JSON.parse(env.SAS_OIDC_JWKS);
    } catch {
      throw new BackendConfigError('SAS_OIDC_JWKS : JSON illisible (jeu de clés JWKS privé attendu).');
    }
  }
  if (env.SAS_COOKIE_KEYS) keys.cookieKeys = env.SAS_COOKIE_KEYS.split(',').map((key) => key.trim());
  return keys;
}

export async function loadBackendConfig(file: string, env: NodeJS.ProcessEnv): Promise<BackendConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new BackendConfigError(
      `Configuration illisible (${file}) : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // Secrets from the environment win over the file, so the file can be shared without them.
  const record = (raw ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  if (env.SAS_PSC_CLIENT_SECRET && record.identity?.psc) record.identity.psc.clientSecret = env.SAS_PSC_CLIENT_SECRET;
  if (env.SAS_DATABASE_URL && record.storage) (record.storage as Record<string, unknown>).url = env.SAS_DATABASE_URL;
  // Signing and cookie keys: the same on every instance, so a token or cookie one signs the others accept.
  if (record.identity) Object.assign(record.identity, identityKeysFromEnvironment(env));
  // The broker URL may carry credentials: the environment keeps them out of the file.
  if (env.SAS_LRM_AMQP_URL) {
    const lrm = (record.lrm ??= {}) as Record<string, unknown>;
    lrm.amqpUrl = env.SAS_LRM_AMQP_URL;
  }
  if (env.SAS_METRICS_TOKEN) {
    const observability = (record.observability ??= {}) as Record<string, Record<string, unknown>>;
    observability.metrics = { ...observability.metrics, bearerToken: env.SAS_METRICS_TOKEN };
  }
  const parsed = backendConfigSchema.safeParse(record);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(racine)'} : ${issue.message}`);
    throw new BackendConfigError(`Configuration invalide (${file}) :\n- ${problems.join('\n- ')}`);
  }
  return { ...parsed.data, baseDir: dirname(resolve(file)) };
}

export async function startConfiguredBackend(
  config: BackendConfig,
  log: (level: 'info' | 'warn' | 'error', message: string) => void,
  logger?: Logger,
): Promise<Backend> {
  const path = (p: string) => resolve(config.baseDir, p);
  const read = (p: string) => readFile(path(p));
  const [fromFile, geo, storage] = await Promise.all([
    config.careOffer ? loadDirectory(path(config.careOffer)) : undefined,
    loadGeoData(config.geoDir ? path(config.geoDir) : undefined),
    openStorage(
      config.storage.driver === 'pglite' && config.storage.dataDir
        ? { ...config.storage, dataDir: path(config.storage.dataDir) }
        : config.storage,
    ),
  ]);
  for (const warning of fromFile?.warnings ?? []) log('warn', warning);
  const directory =
    fromFile?.directory ??
    (
      await followStoredDirectory(
        storage.db,
        createLogger((record) =>
          log(
            record.level === 'debug' ? 'info' : record.level,
            `${record.message} ${JSON.stringify(record.fields ?? {})}`,
          ),
        ),
        { pollMs: config.directoryPollSeconds * 1000 },
      )
    ).directory;
  const tls = config.tls && {
    cert: await read(config.tls.cert),
    key: await read(config.tls.key),
    ...(config.tls.ca ? { ca: await read(config.tls.ca) } : {}),
  };
  const outgoingTls = config.publishers.tls && {
    cert: await read(config.publishers.tls.cert),
    key: await read(config.publishers.tls.key),
    ...(config.publishers.tls.ca ? { ca: await read(config.publishers.tls.ca) } : {}),
  };
  const bound = await bindServer(config.host, config.port, tls);
  const {
    issuer: _issuer,
    accounts: _accounts,
    ...identity
  } = identityProviderConfig(config.identity, { accounts: storageAccounts(storage) });
  return startBackend({
    bound,
    storage,
    directory,
    geo,
    geocoder: geocoderFor(geo, config.geocoderUrl, config.limits.geocoderPerSecond),
    offerPageSize: config.offerPageSize,
    identity: { ...identity, issuer: config.identity.issuer },
    publishers: {
      timeoutMs: config.publishers.timeoutMs,
      concurrency: config.publishers.concurrency,
      ...(outgoingTls ? { tls: outgoingTls } : {}),
      authenticate: anyOf(
        certificateSubjectAuthenticator(config.publishers.clientCertificateSubjects),
        clientCertificateAuthenticator(config.publishers.clientCertificates),
        ...(config.publishers.proxiedCertificates
          ? [
              proxiedCertificateAuthenticator({
                ...config.publishers.proxiedCertificates,
                fingerprints: config.publishers.clientCertificates,
              }),
            ]
          : []),
        bearerKeyAuthenticator(config.publishers.keys),
      ),
    },
    log,
    ...(logger ? { logger } : {}),
    limits: config.limits,
    agenda: { managers: config.agenda.managers },
    lrm: { config: config.lrm, resolvePath: path },
    observability: {
      trustedProxies: config.observability.trustedProxies,
      ...(config.observability.metrics
        ? {
            metricsAccess: {
              ...(config.observability.metrics.bearerToken
                ? { bearerToken: config.observability.metrics.bearerToken }
                : {}),
              allowAddresses: config.observability.metrics.allowAddresses,
            },
          }
        : {}),
    },
  });
}
