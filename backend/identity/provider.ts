// The backend's OpenID provider (design.md §3 "Login", "Booking"): the console (public native client) and the
// publishers (confidential clients, RDV V2) log in here; users authenticate at Pro Santé Connect, through the PSC
// client, and must be known, active regulators. One session cookie per browser gives publishers silent SSO.
// This module composes the parts — options (provider-options), account lookup, the login interaction, the console's
// hold on sessions — and routes requests under the issuer's path.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import Provider, { type Grant } from 'oidc-provider';
import { type AccessTokenVerification, createAccessTokenVerifier } from './access-token';
import { createFindAccount, grantFor } from './account-lookup';
import { tieSessionsToConsole } from './console-sessions';
import { createIdentityEvents, type IdentityEvents, type IdentityLogger, silentLogger } from './events';
import { requestUrl, sendHtml, sendText } from './http';
import { createInteractionRoutes } from './interactions';
import { generateSigningJwks, type PrivateJwks, publicJwksOf } from './keys';
import { type LoginStateStore, loginStates, memoryLoginStateStore } from './login-state';
import { providerErrorPage } from './pages';
import { providerOptions, type PublisherClientConfig } from './provider-options';
import { createPscClient, type PscClientConfig } from './psc-client';
import type { RegulatorAccounts } from './regulator-accounts';
import { isStorageUnavailable } from '../storage/availability';
import { answerStorageOutagesWith503 } from './storage-outage';
import { DEFAULT_SESSION_POLICY, type SessionPolicy, sessionTtlSeconds } from './session-policy';

const DEFAULT_CONSOLE_CLIENT_ID = 'sas-console';
const PSC_CALLBACK_PATH = '/psc/callback';

export interface IdentityProviderConfig {
  /** Public URL of this provider, mount path included (e.g. `https://sas.example/oidc`). */
  issuer: string;
  /** PSC client settings; `redirectUri` defaults to `{issuer}/psc/callback`. */
  psc: Omit<PscClientConfig, 'redirectUri'> & { redirectUri?: string };
  accounts: RegulatorAccounts;
  console?: {
    clientId?: string;
    /** Default `http://127.0.0.1/callback`: any port is accepted for a native client (RFC 8252 §7.3). */
    redirectUris?: string[];
  };
  publishers?: PublisherClientConfig[];
  /** Resource indicator (audience) of the backend API; default `{issuer origin}/api`. */
  apiResource?: string;
  session?: {
    /** Absolute length of a session, default 12 h (a shift). */
    shiftSeconds?: number;
    /** Idle limit, default 1 h; console refreshes count as activity. */
    idleSeconds?: number;
  };
  /** Lifetime of the console's API access tokens, default 5 min. */
  accessTokenTtlSeconds?: number;
  /** Private signing keys; generated at start when absent (tokens then die with the process). */
  jwks?: PrivateJwks;
  /** Keys signing the cookies; random at start when absent. */
  cookieKeys?: string[];
  /** Behind a TLS-terminating reverse proxy (X-Forwarded-*). */
  trustProxy?: boolean;
  /**
   * oidc-provider storage adapter (class). Default: its in-memory adapter, fine for training and one process;
   * sessions and grants are then lost at restart. Production with several instances needs a shared one.
   */
  adapter?: unknown;
  /**
   * Where PSC logins in progress wait for their callback. Default: in memory (one process). Several instances need
   * the shared one (storage), as they need the shared adapter: each browser step may reach another instance.
   */
  loginStateStore?: LoginStateStore;
  logger?: IdentityLogger;
}

export interface IdentityProvider {
  issuer: string;
  /** Path prefix the handler answers (the issuer's path, e.g. `/oidc`). */
  mountPath: string;
  apiResource: string;
  consoleClientId: string;
  /** Node `http` handler for every request under `mountPath`. */
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  events: IdentityEvents;
  /** Checks a bearer token of the backend API. */
  verifyAccessToken: (token: string | undefined) => Promise<AccessTokenVerification>;
  publicJwks: { keys: JWK[] };
  /** Whether the signing keys came from the configuration (shared by every instance) or were generated at start. */
  keysFromConfiguration: boolean;
  close(): Promise<void>;
}

function epochNow(): number {
  return Math.floor(Date.now() / 1000);
}

export async function createIdentityProvider(config: IdentityProviderConfig): Promise<IdentityProvider> {
  const issuer = config.issuer.replace(/\/+$/u, '');
  const issuerUrl = new URL(issuer);
  const mountPath = issuerUrl.pathname.replace(/\/+$/u, '');
  const logger = config.logger ?? silentLogger;
  const consoleClientId = config.console?.clientId ?? DEFAULT_CONSOLE_CLIENT_ID;
  const apiResource = config.apiResource ?? `${issuerUrl.origin}/api`;
  const policy: SessionPolicy = {
    shiftSeconds: config.session?.shiftSeconds ?? DEFAULT_SESSION_POLICY.shiftSeconds,
    idleSeconds: config.session?.idleSeconds ?? DEFAULT_SESSION_POLICY.idleSeconds,
  };
  const sessionTtl = (session: { loginTs?: number | undefined }) => sessionTtlSeconds(session, epochNow(), policy);
  const jwks = config.jwks ?? (await generateSigningJwks());
  const publicJwks = publicJwksOf(jwks);
  const pscRedirectUri = config.psc.redirectUri ?? `${issuer}${PSC_CALLBACK_PATH}`;
  const events = createIdentityEvents((error) =>
    logger.error('identity event listener failed', { error: String(error) }),
  );

  const provider: Provider = new Provider(
    issuer,
    providerOptions(
      {
        mountPath,
        consoleClientId,
        consoleRedirectUris: config.console?.redirectUris ?? ['http://127.0.0.1/callback'],
        publishers: config.publishers ?? [],
        apiResource,
        accessTokenTtlSeconds: config.accessTokenTtlSeconds ?? 300,
        shiftSeconds: policy.shiftSeconds,
        jwks,
        cookieKeys: config.cookieKeys,
        adapter: config.adapter,
      },
      {
        findAccount: createFindAccount(config.accounts, policy),
        loadExistingGrant: async (ctx): Promise<Grant | undefined> => {
          const { oidc } = ctx;
          const account = oidc.entities.Account;
          if (!oidc.client || !account) return undefined;
          const existingId = oidc.result?.consent?.grantId ?? oidc.session?.grantIdFor(oidc.client.clientId);
          return grantFor(provider, {
            accountId: account.accountId,
            clientId: oidc.client.clientId,
            existingId,
            oidcScopes: [...oidc.requestParamOIDCScopes],
            resourceScopes: {},
          });
        },
        sessionTtl,
      },
    ),
  );
  provider.proxy = config.trustProxy ?? false;
  answerStorageOutagesWith503(provider);
  tieSessionsToConsole(provider, consoleClientId, sessionTtl, logger);
  provider.on('server_error', (_ctx, error) => logger.error('oidc-provider server error', { error: String(error) }));

  const interactions = createInteractionRoutes({
    provider,
    issuer,
    pscRedirectUri,
    psc: createPscClient({ ...config.psc, redirectUri: pscRedirectUri }),
    accounts: config.accounts,
    events,
    logger,
    states: loginStates(config.loginStateStore ?? memoryLoginStateStore()),
    consoleClientId,
  });
  const providerCallback = provider.callback();

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (mountPath && url.pathname !== mountPath && !url.pathname.startsWith(`${mountPath}/`)) {
      return sendText(res, 404, 'Page inconnue.');
    }
    const rest = url.pathname.slice(mountPath.length) || '/';
    try {
      const interaction = /^\/interaction\/([\w-]{1,64})(\/finish)?$/u.exec(rest);
      if (interaction?.[1] && req.method === 'GET') {
        return await (interaction[2]
          ? interactions.finish(req, res, interaction[1])
          : interactions.start(req, res, interaction[1]));
      }
      if (rest === PSC_CALLBACK_PATH && req.method === 'GET') return await interactions.pscCallback(req, res);
      const confirmation = /^\/interaction\/([\w-]{1,64})\/confirm$/u.exec(rest);
      if (confirmation?.[1] && req.method === 'POST') return await interactions.confirm(req, res, confirmation[1]);
      (req as IncomingMessage & { baseUrl?: string }).baseUrl = mountPath;
      req.url = `${rest}${url.search}`;
      await providerCallback(req, res);
    } catch (error) {
      logger.error('identity route failed', { path: rest, error: String(error) });
      if (!res.headersSent)
        sendHtml(
          res,
          isStorageUnavailable(error) ? 503 : 500,
          providerErrorPage(isStorageUnavailable(error) ? 'service momentanément indisponible' : 'erreur interne'),
        );
      else res.end();
    }
  }

  const verify = createAccessTokenVerifier({
    issuer,
    audience: apiResource,
    jwks: publicJwks,
    accounts: config.accounts,
  });

  return {
    issuer,
    mountPath,
    apiResource,
    consoleClientId,
    handler,
    events,
    verifyAccessToken: verify,
    publicJwks,
    keysFromConfiguration: config.jwks !== undefined,
    close: async () => {},
  };
}
