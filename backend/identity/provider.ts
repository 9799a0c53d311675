// The backend's OpenID provider (design.md §3 "Login", "Booking"): the console (public native client) and the
// publishers (confidential clients, RDV V2) log in here; users authenticate at Pro Santé Connect, through the PSC
// client, and must be known, active regulators. One session cookie per browser gives publishers silent SSO.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import Provider, { errors as oidcErrors, type KoaContextWithOIDC, type ClientModel, type GrantModel, type TokenModel } from 'oidc-provider';
import { type AccessTokenVerification, createAccessTokenVerifier } from './access-token';
import {
  createIdentityEvents,
  type IdentityEvents,
  type IdentityLogger,
  type LoginRefusalReason,
  silentLogger,
} from './events';
import { redirect, requestUrl, sendHtml, sendText } from './http';
import { generateSigningJwks, type PrivateJwks, publicJwksOf, randomCookieKeys } from './keys';
import {
  expiredInteractionPage,
  logoutConfirmPage,
  logoutDonePage,
  providerErrorPage,
  refusalPage,
  unexpectedPscResponsePage,
} from './pages';
import { amrFor, type IdpConnect, idpConnectFromAmr } from './psc-claims';
import { createPscClient, type PendingPscLogin, type PscClientConfig, type PscFailureReason } from './psc-client';
import type { RegulatorAccount, RegulatorAccounts } from './regulator-accounts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy, sessionTtlSeconds, shiftEndsAt } from './session-policy';

export const DEFAULT_CONSOLE_CLIENT_ID = 'sas-console';
/** Scope of the console's access tokens on the backend API. */
export const API_SCOPE = 'sas:api';
export const PSC_CALLBACK_PATH = '/psc/callback';

export interface PublisherClientConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  name?: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

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
  close(): Promise<void>;
}

type LoginOutcome =
  | { ok: true; regulator: RegulatorAccount; idpConnect: IdpConnect; acr?: string }
  | { ok: false; reason: LoginRefusalReason; nationalId?: string };

/** A small map whose entries expire; bounded so unauthenticated callers cannot grow it without limit. */
class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
  ) {}
  set(key: string, value: V): void {
    const now = Date.now();
    for (const [k, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(k);
    while (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
  }
  /** Returns and removes the entry: every value is single-use. */
  take(key: string): V | undefined {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.value : undefined;
  }
  clear(): void {
    this.entries.clear();
  }
}

const PENDING_TTL_MS = 15 * 60 * 1000;
const PENDING_MAX = 10_000;

function epochNow(): number {
  return Math.floor(Date.now() / 1000);
}

function pscReasonToRefusal(reason: PscFailureReason): LoginRefusalReason {
  if (reason === 'psc-unreachable') return 'psc_unreachable';
  if (reason === 'psc-cancelled') return 'psc_cancelled';
  return 'psc_failed';
}

function scopesOf(value: unknown): string[] {
  return typeof value === 'string' ? value.split(' ').filter(Boolean) : [];
}

export async function createIdentityProvider(config: IdentityProviderConfig): Promise<IdentityProvider> {
  const issuer = config.issuer.replace(/\/+$/u, '');
  const issuerUrl = new URL(issuer);
  const mountPath = issuerUrl.pathname.replace(/\/+$/u, '');
  const logger = config.logger ?? silentLogger;
  const consoleClientId = config.console?.clientId ?? DEFAULT_CONSOLE_CLIENT_ID;
  const apiResource = config.apiResource ?? `${issuerUrl.origin}/api`;
  const shiftSeconds = config.session?.shiftSeconds ?? DEFAULT_SESSION_POLICY.shiftSeconds;
  const idleSeconds = config.session?.idleSeconds ?? DEFAULT_SESSION_POLICY.idleSeconds;
  const accessTokenTtl = config.accessTokenTtlSeconds ?? 300;
  const jwks = config.jwks ?? (await generateSigningJwks());
  const publicJwks = publicJwksOf(jwks);
  const pscRedirectUri = config.psc.redirectUri ?? `${issuer}${PSC_CALLBACK_PATH}`;
  const psc = createPscClient({ ...config.psc, redirectUri: pscRedirectUri });
  const events = createIdentityEvents((error) => logger.error('identity event listener failed', { error: String(error) }));

  /** PSC logins in progress, by PSC `state`. */
  const pending = new ExpiringMap<{ uid: string; login: PendingPscLogin }>(PENDING_TTL_MS, PENDING_MAX);
  /** Results of PSC callbacks waiting for the browser to come back to its interaction, by interaction uid. */
  const outcomes = new ExpiringMap<LoginOutcome>(PENDING_TTL_MS, PENDING_MAX);

  const policy: SessionPolicy = { shiftSeconds, idleSeconds };
  const sessionTtl = (session: { loginTs?: number }) => sessionTtlSeconds(session, epochNow(), policy);

  async function activeRegulator(nationalId: string): Promise<RegulatorAccount | undefined> {
    const account = await config.accounts.findByNationalId(nationalId);
    return account?.active ? account : undefined;
  }

  /** Grants what a registered (first-party) client asked for: the SAS asks regulators no consent. */
  async function grantFor(
    provider: Provider,
    accountId: string,
    clientId: string,
    existingId: string | undefined,
    oidcScopes: string[],
    resourceScopes: Record<string, string[]>,
  ): Promise<GrantModel> {
    const existing = existingId ? await provider.Grant.find(existingId) : undefined;
    const grant = existing ?? new provider.Grant({ accountId, clientId });
    if (oidcScopes.length) grant.addOIDCScope(oidcScopes.join(' '));
    for (const [resource, scopes] of Object.entries(resourceScopes)) {
      if (scopes.length) grant.addResourceScope(resource, scopes.join(' '));
    }
    await grant.save();
    return grant;
  }

  const provider: Provider = new Provider(issuer, {
    ...(config.adapter ? { adapter: config.adapter } : {}),
    clients: [
      {
        client_id: consoleClientId,
        client_name: 'Console SAS',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: config.console?.redirectUris ?? ['http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      ...(config.publishers ?? []).map((publisher) => ({
        client_id: publisher.clientId,
        client_secret: publisher.clientSecret,
        client_name: publisher.name ?? publisher.clientId,
        application_type: 'web' as const,
        token_endpoint_auth_method: publisher.tokenEndpointAuthMethod ?? 'client_secret_basic',
        redirect_uris: publisher.redirectUris,
        post_logout_redirect_uris: publisher.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      })),
    ],
    jwks: jwks as unknown as { keys: Record<string, unknown>[] },
    cookies: {
      keys: config.cookieKeys ?? randomCookieKeys(),
      names: { session: 'sas_session', interaction: 'sas_interaction', resume: 'sas_interaction_resume' },
    },
    scopes: ['openid', 'profile', 'email'],
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub', 'national_id', 'idp_connect', 'session_exp'],
      profile: ['family_name', 'given_name', 'name'],
      email: ['email'],
    },
    // Publishers read the regulator's identity and idp_connect from the ID token (RDV V2), not from userinfo.
    conformIdTokenClaims: false,
    acrValues: ['eidas1', 'eidas2', 'eidas3'],
    responseTypes: ['code'],
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: {
        enabled: true,
        // A client revokes its own tokens only; anything else is ignored (200, nothing revoked), per RFC 7009.
        allowedPolicy: (_ctx: KoaContextWithOIDC, client: ClientModel, token: TokenModel) => token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutConfirmPage(form);
        },
        postLogoutSuccessSource: (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = logoutDonePage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: (_ctx: KoaContextWithOIDC, client: ClientModel, oneOf?: string[]) =>
          oneOf ?? (client.clientId === consoleClientId ? apiResource : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: KoaContextWithOIDC, resource: string, client: ClientModel) => {
          if (resource !== apiResource || client.clientId !== consoleClientId) throw new oidcErrors.InvalidTarget();
          return {
            scope: API_SCOPE,
            audience: apiResource,
            accessTokenTTL: accessTokenTtl,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // Console refresh tokens rotate (public client) and die with the browser session (not offline_access).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 600,
      RefreshToken: shiftSeconds,
      Interaction: 15 * 60,
      Grant: shiftSeconds,
      Session: (_ctx: KoaContextWithOIDC, session: { loginTs?: number }) => sessionTtl(session),
    },
    loadExistingGrant: async (ctx): Promise<GrantModel | undefined> => {
      const { oidc } = ctx;
      const account = oidc.entities['Account'] as { accountId: string } | undefined;
      if (!oidc.client || !account) return undefined;
      const existingId =
        oidc.result?.consent?.grantId ??
        (oidc.session as unknown as { grantIdFor(id: string): string | undefined } | undefined)?.grantIdFor(oidc.client.clientId);
      return grantFor(provider, account.accountId, oidc.client.clientId, existingId, [...oidc.requestParamOIDCScopes], {});
    },
    findAccount: async (ctx, sub, token?: TokenModel) => {
      const regulator = await activeRegulator(sub);
      if (!regulator) return undefined;
      const session = ctx.oidc.session;
      const amr = token?.amr ?? session?.amr;
      const authTime = token?.authTime ?? session?.loginTs;
      return {
        accountId: sub,
        claims: () => {
          const claims: Record<string, unknown> = {
            sub,
            national_id: regulator.nationalId,
            family_name: regulator.familyName,
            name: [regulator.givenName, regulator.familyName].filter(Boolean).join(' '),
          };
          if (regulator.givenName) claims['given_name'] = regulator.givenName;
          if (regulator.email) claims['email'] = regulator.email;
          const idp = idpConnectFromAmr(amr);
          if (idp) claims['idp_connect'] = idp;
          if (authTime) claims['session_exp'] = shiftEndsAt(authTime, policy);
          return { sub, ...claims };
        },
      };
    },
    renderError: (ctx: KoaContextWithOIDC, out: Record<string, unknown>) => {
      ctx.type = 'html';
      ctx.body = providerErrorPage(String(out['error'] ?? 'erreur'));
    },
  });
  provider.proxy = config.trustProxy ?? false;

  // Sessions: console refreshes count as activity (the console open is the shift going on), and a console logout
  // (revocation of its refresh token) ends the browser session it came from, so publishers' SSO ends with it.
  provider.use(async (ctx, next) => {
    await next();
    const { route, entities } = ctx.oidc ?? { route: '', entities: {} };
    if (ctx.status !== 200) return;
    const refreshToken = entities['RefreshToken'] as TokenModel | undefined;
    // Only the console acting on its own refresh token (revocation sets the entity before its policy check).
    if (!refreshToken?.sessionUid || refreshToken.clientId !== consoleClientId || ctx.oidc?.client?.clientId !== consoleClientId) return;
    const session = await provider.Session.findByUid(refreshToken.sessionUid);
    if (!session) return;
    if (route === 'token') await session.save(sessionTtl(session));
    if (route === 'revocation') {
      await session.destroy();
      logger.info('session ended by console logout', { accountId: session.accountId });
    }
  });
  provider.on('server_error', (_ctx, error) => logger.error('oidc-provider server error', { error: String(error) }));

  const providerCallback = provider.callback();

  async function refuse(req: IncomingMessage, res: ServerResponse, reason: LoginRefusalReason, nationalId?: string): Promise<void> {
    // The console learns the outcome from the authorization response (ASCII reason code, it words it itself).
    const returnTo = await provider
      .interactionResult(req, res, { error: 'access_denied', error_description: reason }, { mergeWithLastSubmission: false })
      .catch(() => undefined);
    sendHtml(res, 403, refusalPage(reason, returnTo, nationalId));
  }

  async function loadInteraction(req: IncomingMessage, res: ServerResponse, uid: string) {
    try {
      const details = await provider.interactionDetails(req, res);
      return details.uid === uid ? details : undefined;
    } catch {
      return undefined;
    }
  }

  async function startInteraction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await loadInteraction(req, res, uid);
    if (!details) return sendHtml(res, 400, expiredInteractionPage());
    if (details.prompt.name === 'login') {
      const start = await psc.beginLogin();
      if (!start.ok) {
        logger.warn('PSC login could not start', { reason: start.reason, detail: start.detail });
        const reason = pscReasonToRefusal(start.reason);
        events.emit('login-refused', { reason, detail: start.detail, at: new Date() });
        return refuse(req, res, reason);
      }
      pending.set(start.pending.state, { uid, login: start.pending });
      return redirect(res, start.url);
    }
    if (details.prompt.name === 'consent') {
      const accountId = details.session?.accountId;
      const clientId = typeof details.params['client_id'] === 'string' ? details.params['client_id'] : undefined;
      if (!accountId || !clientId) return sendHtml(res, 400, expiredInteractionPage());
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      const grant = await grantFor(
        provider,
        accountId,
        clientId,
        details.grantId,
        missing.missingOIDCScope ?? scopesOf(details.params['scope']).filter((s) => s !== API_SCOPE),
        missing.missingResourceScopes ?? {},
      );
      return provider.interactionFinished(req, res, { consent: { grantId: grant.jti } }, { mergeWithLastSubmission: true });
    }
    return sendHtml(res, 400, expiredInteractionPage());
  }

  async function pscCallback(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The whole callback URL goes to the token exchange (PSC adds `iss`), rebuilt on the registered redirect URI.
    const callbackUrl = new URL(pscRedirectUri);
    callbackUrl.search = requestUrl(req).search;
    const state = callbackUrl.searchParams.get('state') ?? '';
    const entry = state ? pending.take(state) : undefined;
    if (!entry) {
      logger.warn('PSC callback with unknown state');
      events.emit('login-refused', { reason: 'psc_failed', detail: 'unknown state', at: new Date() });
      return sendHtml(res, 400, unexpectedPscResponsePage());
    }
    const result = await psc.completeLogin(callbackUrl, entry.login);
    let outcome: LoginOutcome;
    if (!result.ok) {
      logger.warn('PSC login failed', { reason: result.reason, detail: result.detail });
      outcome = { ok: false, reason: pscReasonToRefusal(result.reason) };
      events.emit('login-refused', { reason: outcome.reason, detail: `${result.reason}: ${result.detail}`, at: new Date() });
    } else {
      const { nationalId } = result.identity;
      const account = await config.accounts.findByNationalId(nationalId);
      if (!account || !account.active) {
        const reason = account ? 'regulator_inactive' : 'regulator_unknown';
        outcome = { ok: false, reason, nationalId };
        logger.warn('login refused', { reason, nationalId });
        events.emit('login-refused', { reason, nationalId, detail: reason, at: new Date() });
      } else {
        outcome = { ok: true, regulator: account, idpConnect: result.identity.idpConnect };
        if (result.identity.acr) outcome.acr = result.identity.acr;
      }
    }
    outcomes.set(entry.uid, outcome);
    // Back under the interaction's path, where its cookie binds the result to the browser that started it.
    return redirect(res, `${issuer}/interaction/${entry.uid}/finish`);
  }

  async function finishInteraction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await loadInteraction(req, res, uid);
    const outcome = details ? outcomes.take(uid) : undefined;
    if (!details || !outcome) return sendHtml(res, 400, expiredInteractionPage());
    if (!outcome.ok) return refuse(req, res, outcome.reason, outcome.nationalId);
    events.emit('login-succeeded', { regulator: outcome.regulator, idpConnect: outcome.idpConnect, acr: outcome.acr, at: new Date() });
    logger.info('regulator logged in', { nationalId: outcome.regulator.nationalId, idpConnect: outcome.idpConnect });
    const login: { accountId: string; amr: string[]; remember: boolean; acr?: string } = {
      accountId: outcome.regulator.nationalId,
      amr: amrFor(outcome.idpConnect),
      // A browser-session cookie: the server decides the session's life (shift, idle), the cookie never outlives it.
      remember: false,
    };
    if (outcome.acr) login.acr = outcome.acr;
    return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
  }

  async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (mountPath && url.pathname !== mountPath && !url.pathname.startsWith(`${mountPath}/`)) {
      return sendText(res, 404, 'Page inconnue.');
    }
    const rest = url.pathname.slice(mountPath.length) || '/';
    try {
      const interaction = /^\/interaction\/([\w-]{1,64})(\/finish)?$/u.exec(rest);
      if (interaction?.[1] && req.method === 'GET') {
        return await (interaction[2] ? finishInteraction(req, res, interaction[1]) : startInteraction(req, res, interaction[1]));
      }
      if (rest === PSC_CALLBACK_PATH && req.method === 'GET') return await pscCallback(req, res);
      (req as IncomingMessage & { baseUrl?: string }).baseUrl = mountPath;
      req.url = `${rest}${url.search}`;
      providerCallback(req, res);
    } catch (error) {
      logger.error('identity route failed', { path: rest, error: String(error) });
      if (!res.headersSent) sendHtml(res, 500, providerErrorPage('erreur interne'));
      else res.end();
    }
  }

  const verify = createAccessTokenVerifier({ issuer, audience: apiResource, jwks: publicJwks, accounts: config.accounts });

  return {
    issuer,
    mountPath,
    apiResource,
    consoleClientId,
    handler,
    events,
    verifyAccessToken: verify,
    publicJwks,
    close: async () => {
      pending.clear();
      outcomes.clear();
    },
  };
}
