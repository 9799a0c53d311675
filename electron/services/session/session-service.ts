// The console's login to the SAS backend (docs/design.md §6 "Login"): a public native OpenID client (authorization code
// + PKCE S256, state, nonce) with a loopback redirect, the system browser opened through an injected function.
// Tokens never leave this service: the renderer sees only SessionState. This module composes the steps —
// configuration, login flow, token store, refresh — and owns the state the renderer is told about.
import { tokenRevocation } from 'openid-client';
import type { SessionState } from '@shared/api/console-api';
import { type Logger, silentLogger } from '@shared/util/logger';
import type { SecretStore } from '../secret-store';
import { createClientConfiguration, DEFAULT_CLIENT_ID } from './configuration';
import { classifyLoginError } from './failure';
import { type LoginAttempt, startLogin } from './login-flow';
import { sessionMessage, type SessionFailureCode } from './messages';
import { createRefresher, realTimers, requestRefresh, type SessionTimers } from './refresh';
import type { ApiCredential } from './dpop-key';
import {
  createTokenStore,
  loggedInState,
  type PersistedSession,
  type TokenResponse,
  type Tokens,
  tokensFrom,
} from './token-store';

export { DPOP_KEY_SECRET, REFRESH_TOKEN_SECRET } from './token-store';
const DEFAULT_SCOPE = 'openid profile email sas:api';

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
  logger?: Logger;
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
  /** The access token to call the backend with, and the key it is bound to (each call carries a fresh proof). */
  accessToken(): Promise<ApiCredential>;
  /** Refreshes now (also runs on its own before expiry). */
  refresh(): Promise<SessionState>;
  /**
   * At start: resumes a session from a persisted refresh token, if any. Never rejects: when the session cannot be
   * resumed for a reason the regulator should know, the logged-out state carries the message.
   */
  restore(): Promise<SessionState>;
  /** Stops timers and any login in progress; keeps the session. */
  close(): Promise<void>;
}

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const now = deps.now ?? Date.now;
  const timers = deps.timers ?? realTimers;
  const logger = deps.logger ?? silentLogger;
  const configuration = createClientConfiguration({
    issuer: deps.issuer,
    clientId: deps.clientId ?? DEFAULT_CLIENT_ID,
    timeoutSeconds: deps.requestTimeoutSeconds ?? 15,
    now,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const store = createTokenStore(deps.secretStore, logger);
  const refresher = createRefresher({
    configuration,
    store,
    timers,
    now,
    marginMs: deps.refreshMarginMs ?? 60_000,
    logger,
    state: () => state,
    adopt,
    end: endSession,
  });

  let state: SessionState = { status: 'logged-out' };
  const listeners = new Set<(state: SessionState) => void>();
  let attempt: { cancel: LoginAttempt['cancel']; done: Promise<SessionState> } | undefined;

  function setState(next: SessionState): SessionState {
    state = next;
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        logger.warn('session listener failed', { error: String(error) });
      }
    }
    return state;
  }

  async function endSession(code: SessionFailureCode, detail: string): Promise<SessionState> {
    refresher.cancel();
    await store.replace(undefined);
    logger.info('session ended', { code, detail });
    return setState({ status: 'logged-out', message: sessionMessage(code) });
  }

  async function adopt(next: Tokens): Promise<SessionState> {
    await store.replace(next);
    refresher.schedule();
    return setState(loggedInState(next));
  }

  /** Automatic reconnection did not happen for a reason other than an ended session: say so, keep the token. */
  function restoreFailed(code: SessionFailureCode, detail: string): SessionState {
    logger.warn('session not restored', { code, detail });
    return setState({ status: 'logged-out', message: sessionMessage(code) });
  }

  /** What a finished login attempt leaves: the session, or the reason in French (the browser was told already). */
  async function settleLogin(tokens: Promise<Tokens>): Promise<SessionState> {
    let next: Tokens;
    try {
      next = await tokens;
    } catch (err) {
      const failure = classifyLoginError(err);
      logger.warn('login failed', { code: failure.code, detail: failure.detail });
      store.forget();
      return setState({ status: 'logged-out', message: sessionMessage(failure.code, failure.denialReason) });
    }
    logger.info('logged in', { nationalId: next.user.nationalId, idpConnect: next.idpConnect });
    return adopt(next);
  }

  function login(): Promise<SessionState> {
    if (attempt) return attempt.done;
    if (state.status === 'logged-in') return Promise.resolve(state);
    setState({ status: 'logging-in', startedAt: new Date(now()).toISOString() });
    const started = startLogin({
      configuration,
      scope: deps.scope ?? DEFAULT_SCOPE,
      openExternal: deps.openExternal,
      now,
      timers,
      timeoutMs: deps.loginTimeoutMs ?? 5 * 60 * 1000,
    });
    const done = settleLogin(started.tokens).finally(() => {
      attempt = undefined;
    });
    attempt = { cancel: started.cancel, done };
    return done;
  }

  async function stopLogin(): Promise<void> {
    const current = attempt;
    if (!current) return;
    current.cancel('cancelled');
    await current.done;
  }

  async function restore(): Promise<SessionState> {
    if (store.current || attempt) return state;
    let persisted: PersistedSession | undefined;
    try {
      persisted = await store.persistedSession();
    } catch (error) {
      return restoreFailed('restore-unreadable', String(error));
    }
    if (!persisted) return state;
    let response: TokenResponse;
    try {
      response = await requestRefresh(configuration, persisted.refreshToken, persisted.dpopKey);
    } catch (err) {
      const failure = classifyLoginError(err);
      // The stored token stays: the next start may find the backend back.
      if (failure.code === 'backend-unreachable' || failure.code === 'backend-insecure') {
        return restoreFailed('restore-unreachable', failure.detail);
      }
      return endSession('session-ended', failure.detail);
    }
    try {
      const restored = tokensFrom(response, now());
      return await adopt(persisted.dpopKey ? { ...restored, dpopKey: persisted.dpopKey } : restored);
    } catch (err) {
      const failure = classifyLoginError(err);
      return endSession(failure.code, failure.detail);
    }
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

    cancelLogin: stopLogin,

    async logout() {
      await stopLogin();
      const previous = store.current;
      refresher.cancel();
      await store.replace(undefined);
      setState({ status: 'logged-out', message: sessionMessage('logged-out') });
      if (!previous?.refreshToken) return;
      try {
        // Revoking the console's refresh token also ends the provider's browser session (see backend/identity).
        await tokenRevocation(await configuration.get(), previous.refreshToken, { token_type_hint: 'refresh_token' });
      } catch (error) {
        logger.warn('logout: revocation failed', { error: String(error) });
      }
    },

    async accessToken() {
      const tokens = store.current;
      if (tokens && tokens.accessTokenExpiresAt - now() > 10_000) return credentialOf(tokens);
      if (tokens?.refreshToken) await refresher.refresh();
      const fresh = store.current;
      if (fresh && fresh.accessTokenExpiresAt > now()) return credentialOf(fresh);
      throw new Error(
        state.status === 'logged-out' && state.message ? state.message : 'Vous n’êtes pas connecté au SAS.',
      );
    },

    refresh: () => refresher.refresh(),

    restore,

    async close() {
      refresher.cancel();
      await stopLogin();
    },
  };
}

function credentialOf(tokens: Tokens): ApiCredential {
  return tokens.dpopKey ? { token: tokens.accessToken, key: tokens.dpopKey } : tokens.accessToken;
}
