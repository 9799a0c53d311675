// The console's login to the SAS backend (design.md §3 "Login"): a public native OpenID client (authorization code
// + PKCE S256, state, nonce) with a loopback redirect, the system browser opened through an injected function.
// Tokens never leave this module: the renderer sees only SessionState. The refresh token is persisted only when the
// injected secret store is backed by the OS key store.
import * as oidc from 'openid-client';
import type { SessionState, SessionUser } from '../../../shared/api/console-api';
import type { SecretStore } from '../secret-store';
import { startLoopbackCallback, type LoopbackCallback, type ReceivedCallback } from './loopback-callback';
import { sessionMessage, type SessionFailureCode } from './messages';
import { causeChain } from '../../../shared/error-chain';

export const DEFAULT_CLIENT_ID = 'sas-console';
export const DEFAULT_SCOPE = 'openid profile email sas:api';
export const REFRESH_TOKEN_SECRET = 'session.refresh-token';

export interface SessionTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SessionLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface SessionServiceDeps {
  /** Issuer of the backend's identity provider, e.g. `http://127.0.0.1:8080/oidc`. */
  issuer: string;
  clientId?: string;
  scope?: string;
  /** Opens a URL in the system browser (Electron's shell.openExternal in main). */
  openExternal: (url: string) => Promise<void> | void;
  secretStore: SecretStore;
  fetch?: typeof fetch;
  /** Clock in ms; also used for the token checks (default Date.now). */
  now?: () => number;
  timers?: SessionTimers;
  /** How long the browser step may take; default 5 min. */
  loginTimeoutMs?: number;
  /** Refresh this long before the access token expires; default 60 s. */
  refreshMarginMs?: number;
  /** Per-request timeout to the backend, default 15 s. */
  requestTimeoutSeconds?: number;
  logger?: SessionLogger;
}

export interface SessionService {
  getState(): SessionState;
  onChange(listener: (state: SessionState) => void): () => void;
  /** Runs a whole login; resolves with the resulting state (logged-in, or logged-out with a French message). */
  login(): Promise<SessionState>;
  cancelLogin(): Promise<void>;
  /** Ends the session at the provider (refresh token revoked, which closes the browser session) and locally. */
  logout(): Promise<void>;
  /** A valid access token for the backend API, refreshed when needed; rejects (French message) when logged out. */
  accessToken(): Promise<string>;
  /** Refreshes now (also runs on its own before expiry). */
  refresh(): Promise<SessionState>;
  /** At start: resumes a session from a persisted refresh token, if any. */
  restore(): Promise<SessionState>;
  /** Stops timers and any login in progress; keeps the session. */
  close(): Promise<void>;
}

/** A failure that ends a login or a session, with its stable code. */
export class SessionFailure extends Error {
  constructor(
    readonly code: SessionFailureCode,
    readonly detail: string,
    readonly denialReason?: string,
  ) {
    super(detail);
  }
}

interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken?: string;
  user: SessionUser;
  idpConnect?: string;
  /** End of the provider session (shift), ms. */
  sessionEndsAt?: number;
}

interface LoginAttempt {
  cancel(code: SessionFailureCode): void;
  done: Promise<SessionState>;
}

const realTimers: SessionTimers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/gu, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/u.test(host);
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

function isNetworkError(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (current.name === 'AbortError' || current.name === 'TimeoutError') return true;
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}


/** Sorts what openid-client throws into the codes the regulator gets a message for. */
export function classifyLoginError(err: unknown): SessionFailure {
  if (err instanceof SessionFailure) return err;
  if (err instanceof oidc.AuthorizationResponseError) {
    const description = err.error_description ?? undefined;
    return new SessionFailure('denied', `${err.error}: ${description ?? ''}`, description);
  }
  if (err instanceof oidc.ResponseBodyError) {
    return new SessionFailure(err.error === 'invalid_grant' ? 'code-refused' : 'invalid-response', `${err.error}: ${err.error_description ?? ''}`);
  }
  const detail = causeChain(err);
  if (isNetworkError(err)) return new SessionFailure('backend-unreachable', detail);
  if (detail.includes('"state"')) return new SessionFailure('state-mismatch', detail);
  if (detail.includes('"nonce"')) return new SessionFailure('nonce-mismatch', detail);
  if (detail.includes('OAUTH_JWT_TIMESTAMP_CHECK_FAILED')) return new SessionFailure('token-expired', detail);
  if (/signature verification failed/iu.test(detail)) return new SessionFailure('token-tampered', detail);
  return new SessionFailure('invalid-response', detail);
}

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const issuerUrl = new URL(deps.issuer);
  const clientId = deps.clientId ?? DEFAULT_CLIENT_ID;
  const scope = deps.scope ?? DEFAULT_SCOPE;
  const now = deps.now ?? Date.now;
  const timers = deps.timers ?? realTimers;
  const loginTimeoutMs = deps.loginTimeoutMs ?? 5 * 60 * 1000;
  const refreshMarginMs = deps.refreshMarginMs ?? 60_000;
  const timeout = deps.requestTimeoutSeconds ?? 15;
  const insecure = issuerUrl.protocol === 'http:' && isLoopback(issuerUrl);
  const fetchImpl: oidc.CustomFetch | undefined = deps.fetch
    ? (url, options) => (deps.fetch as typeof fetch)(url, options as RequestInit)
    : undefined;

  let state: SessionState = { status: 'logged-out' };
  const listeners = new Set<(state: SessionState) => void>();
  let tokens: Tokens | undefined;
  let attempt: LoginAttempt | undefined;
  let refreshTimer: unknown;
  let refreshing: Promise<SessionState> | undefined;
  let metadata: oidc.ServerMetadata | undefined;
  /** Refresh token kept here when the secret store cannot persist it. */
  let persistent: boolean | undefined;

  function setState(next: SessionState): void {
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        deps.logger?.warn('session listener failed', { error: String(error) });
      }
    }
  }

  function loggedInState(current: Tokens): SessionState {
    const expiresAt = new Date(current.sessionEndsAt ?? current.accessTokenExpiresAt).toISOString();
    const next: SessionState = { status: 'logged-in', user: current.user, expiresAt };
    if (current.idpConnect) next.idpConnect = current.idpConnect;
    return next;
  }

  async function serverMetadata(): Promise<oidc.ServerMetadata> {
    if (metadata) return metadata;
    if (issuerUrl.protocol !== 'https:' && !insecure) throw new SessionFailure('backend-insecure', issuerUrl.href);
    const options: oidc.DiscoveryRequestOptions = { timeout };
    if (insecure) options.execute = [oidc.allowInsecureRequests];
    if (fetchImpl) options[oidc.customFetch] = fetchImpl;
    const discovered = await oidc.discovery(issuerUrl, clientId, undefined, oidc.None(), options);
    metadata = discovered.serverMetadata();
    return metadata;
  }

  // A fresh Configuration per operation: it carries the skew of the injected clock.
  async function configuration(): Promise<oidc.Configuration> {
    const cfg = new oidc.Configuration(
      await serverMetadata(),
      clientId,
      { token_endpoint_auth_method: 'none', [oidc.clockSkew]: Math.round((now() - Date.now()) / 1000) },
      oidc.None(),
    );
    cfg.timeout = timeout;
    if (fetchImpl) cfg[oidc.customFetch] = fetchImpl;
    if (insecure) oidc.allowInsecureRequests(cfg);
    // Loopback has no TLS to vouch for the token endpoint: ID token signatures are always checked.
    oidc.enableNonRepudiationChecks(cfg);
    return cfg;
  }

  function tokensFrom(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers, previous?: Tokens): Tokens {
    const claims = response.claims();
    if (!claims && !previous) throw new SessionFailure('identity-missing', 'no id_token');
    let user = previous?.user;
    let idpConnect = previous?.idpConnect;
    let sessionEndsAt = previous?.sessionEndsAt;
    if (claims) {
      const nationalId = typeof claims['national_id'] === 'string' ? claims['national_id'] : claims.sub;
      const familyName = typeof claims['family_name'] === 'string' ? claims['family_name'] : undefined;
      if (!familyName) throw new SessionFailure('identity-missing', 'no family_name');
      if (previous && previous.user.nationalId !== nationalId) throw new SessionFailure('invalid-response', 'subject changed on refresh');
      user = { nationalId, familyName };
      if (typeof claims['given_name'] === 'string') user.givenName = claims['given_name'];
      if (typeof claims['email'] === 'string') user.email = claims['email'];
      idpConnect = typeof claims['idp_connect'] === 'string' ? claims['idp_connect'] : undefined;
      sessionEndsAt = typeof claims['session_exp'] === 'number' ? claims['session_exp'] * 1000 : undefined;
    }
    if (!user) throw new SessionFailure('identity-missing', 'no user');
    const next: Tokens = {
      accessToken: response.access_token,
      accessTokenExpiresAt: now() + (response.expiresIn() ?? 60) * 1000,
      user,
    };
    const refreshToken = response.refresh_token ?? previous?.refreshToken;
    if (refreshToken) next.refreshToken = refreshToken;
    if (idpConnect) next.idpConnect = idpConnect;
    if (sessionEndsAt) next.sessionEndsAt = sessionEndsAt;
    return next;
  }

  async function isPersistent(): Promise<boolean> {
    persistent ??= await deps.secretStore.isPersistent().catch(() => false);
    return persistent;
  }

  async function saveRefreshToken(value: string | undefined): Promise<void> {
    if (!(await isPersistent())) return;
    try {
      if (value) await deps.secretStore.set(REFRESH_TOKEN_SECRET, value);
      else await deps.secretStore.delete(REFRESH_TOKEN_SECRET);
    } catch (error) {
      deps.logger?.warn('refresh token not persisted', { error: String(error) });
    }
  }

  function clearRefreshTimer(): void {
    if (refreshTimer !== undefined) timers.clear(refreshTimer);
    refreshTimer = undefined;
  }

  function scheduleRefresh(delayMs?: number): void {
    clearRefreshTimer();
    if (!tokens?.refreshToken) return;
    let delay = delayMs ?? Math.max(1000, tokens.accessTokenExpiresAt - refreshMarginMs - now());
    // The end of the shift is known: say it at that moment rather than at the next failed refresh.
    if (tokens.sessionEndsAt !== undefined) delay = Math.min(delay, Math.max(0, tokens.sessionEndsAt - now()));
    refreshTimer = timers.set(() => {
      refreshTimer = undefined;
      if (tokens?.sessionEndsAt !== undefined && now() >= tokens.sessionEndsAt) void endSession('shift-ended', 'end of shift');
      else void refresh();
    }, delay);
  }

  async function endSession(code: SessionFailureCode, detail: string): Promise<SessionState> {
    clearRefreshTimer();
    tokens = undefined;
    await saveRefreshToken(undefined);
    deps.logger?.info('session ended', { code, detail });
    setState({ status: 'logged-out', message: sessionMessage(code) });
    return state;
  }

  async function adopt(next: Tokens): Promise<SessionState> {
    tokens = next;
    await saveRefreshToken(next.refreshToken);
    scheduleRefresh();
    setState(loggedInState(next));
    return state;
  }

  async function runRefresh(refreshToken: string): Promise<SessionState> {
    let response;
    try {
      response = await oidc.refreshTokenGrant(await configuration(), refreshToken);
    } catch (err) {
      const failure = classifyLoginError(err);
      if (failure.code === 'backend-unreachable') {
        // Keep the session: the backend may come back before the shift ends. Retry soon.
        deps.logger?.warn('refresh failed, backend unreachable', { detail: failure.detail });
        if (tokens) scheduleRefresh(30_000);
        return state;
      }
      const shiftOver = tokens?.sessionEndsAt !== undefined && now() >= tokens.sessionEndsAt;
      return endSession(shiftOver ? 'shift-ended' : 'session-ended', failure.detail);
    }
    try {
      return await adopt(tokensFrom(response, tokens));
    } catch (err) {
      const failure = classifyLoginError(err);
      return endSession(failure.code, failure.detail);
    }
  }

  function refresh(): Promise<SessionState> {
    if (refreshing) return refreshing;
    const refreshToken = tokens?.refreshToken;
    if (!refreshToken) return Promise.resolve(state);
    refreshing = runRefresh(refreshToken).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function runLogin(signal: { failure?: SessionFailure; wake?: () => void }): Promise<SessionState> {
    let listener: LoopbackCallback | undefined;
    let received: ReceivedCallback | undefined;
    // Cancel and timeout interrupt whichever step is waiting.
    const interrupted = new Promise<never>((_resolve, reject) => {
      signal.wake = () => reject(signal.failure ?? new SessionFailure('cancelled', 'interrupted'));
    });
    interrupted.catch(() => undefined);
    try {
      const cfg = await Promise.race([configuration(), interrupted]);
      listener = await startLoopbackCallback();
      if (signal.failure) throw signal.failure;
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const expectedState = oidc.randomState();
      const expectedNonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: listener.redirectUri,
        response_type: 'code',
        scope,
        state: expectedState,
        nonce: expectedNonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      try {
        // Electronegativity asks for a review of every openExternal with a non-constant URL. Reviewed: the URL is the
        // backend provider's authorize endpoint from its discovery document; the injected opener is allow-listed.
        await deps.openExternal(url.href); // eng-disable OPEN_EXTERNAL_JS_CHECK
      } catch (error) {
        throw new SessionFailure('browser-unavailable', String(error));
      }
      if (signal.failure) throw signal.failure;
      received = await Promise.race([listener.received, interrupted]);
      const response = await Promise.race([
        oidc.authorizationCodeGrant(cfg, received.url, {
          pkceCodeVerifier: codeVerifier,
          expectedState,
          expectedNonce,
          idTokenExpected: true,
        }),
        interrupted,
      ]);
      const next = tokensFrom(response);
      if (signal.failure) throw signal.failure;
      received.answer({ ok: true });
      deps.logger?.info('logged in', { nationalId: next.user.nationalId, idpConnect: next.idpConnect });
      return await adopt(next);
    } catch (err) {
      const failure = classifyLoginError(err);
      const message = sessionMessage(failure.code, failure.denialReason);
      received?.answer({ ok: false, message });
      deps.logger?.warn('login failed', { code: failure.code, detail: failure.detail });
      tokens = undefined;
      setState({ status: 'logged-out', message });
      return state;
    } finally {
      listener?.close();
    }
  }

  function login(): Promise<SessionState> {
    if (attempt) return attempt.done;
    if (state.status === 'logged-in') return Promise.resolve(state);
    const signal: { failure?: SessionFailure; wake?: () => void } = {};
    const cancel = (code: SessionFailureCode) => {
      if (signal.failure) return;
      signal.failure = new SessionFailure(code, code);
      signal.wake?.();
    };
    setState({ status: 'logging-in', startedAt: new Date(now()).toISOString() });
    const timeoutHandle = timers.set(() => cancel('timeout'), loginTimeoutMs);
    const done = runLogin(signal).finally(() => {
      timers.clear(timeoutHandle);
      attempt = undefined;
    });
    attempt = { cancel, done };
    return done;
  }

  return {
    getState: () => state,

    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    login,

    async cancelLogin() {
      const current = attempt;
      if (!current) return;
      current.cancel('cancelled');
      await current.done;
    },

    async logout() {
      if (attempt) {
        attempt.cancel('cancelled');
        await attempt.done;
      }
      const previous = tokens;
      clearRefreshTimer();
      tokens = undefined;
      await saveRefreshToken(undefined);
      setState({ status: 'logged-out', message: sessionMessage('logged-out') });
      if (!previous?.refreshToken) return;
      try {
        // Revoking the console's refresh token also ends the provider's browser session (see backend/identity).
        await oidc.tokenRevocation(await configuration(), previous.refreshToken, { token_type_hint: 'refresh_token' });
      } catch (error) {
        deps.logger?.warn('logout: revocation failed', { error: String(error) });
      }
    },

    async accessToken() {
      if (tokens && tokens.accessTokenExpiresAt - now() > 10_000) return tokens.accessToken;
      if (tokens?.refreshToken) await refresh();
      if (tokens && tokens.accessTokenExpiresAt > now()) return tokens.accessToken;
      throw new Error(state.status === 'logged-out' && state.message ? state.message : 'Vous n’êtes pas connecté au SAS.');
    },

    refresh,

    async restore() {
      if (tokens || attempt) return state;
      if (!(await isPersistent())) return state;
      let refreshToken: string | undefined;
      try {
        refreshToken = await deps.secretStore.get(REFRESH_TOKEN_SECRET);
      } catch (error) {
        deps.logger?.warn('refresh token unreadable', { error: String(error) });
      }
      if (!refreshToken) return state;
      let response;
      try {
        response = await oidc.refreshTokenGrant(await configuration(), refreshToken);
      } catch (err) {
        const failure = classifyLoginError(err);
        if (failure.code === 'backend-unreachable') return state;
        return endSession('session-ended', failure.detail);
      }
      try {
        return await adopt(tokensFrom(response));
      } catch (err) {
        const failure = classifyLoginError(err);
        return endSession(failure.code, failure.detail);
      }
    },

    async close() {
      clearRefreshTimer();
      if (attempt) {
        attempt.cancel('cancelled');
        await attempt.done;
      }
    },
  };
}
