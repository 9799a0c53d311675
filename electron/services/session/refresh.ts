// Keeping the session alive: the refresh token is exchanged shortly before the access token expires, one exchange
// at a time, and the end of the shift is announced when it comes rather than at the next failed refresh.
import * as oidc from 'openid-client';
import type { SessionState } from '@shared/api/console-api';
import type { ClientConfiguration } from './configuration';
import { type DpopKey, dpopHandle } from './dpop-key';
import { classifyLoginError } from './failure';
import type { Logger } from '@shared/util/logger';
import type { SessionFailureCode } from './messages';
import { type TokenResponse, type Tokens, tokensFrom, type TokenStore } from './token-store';

export interface SessionTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: SessionTimers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** When the backend cannot be reached, the session is kept and the refresh tried again after this. */
const UNREACHABLE_RETRY_MS = 30_000;

/**
 * Asks the provider for new tokens against a refresh token, proving possession of the key it is bound to (rejects
 * with openid-client's errors).
 */
export async function requestRefresh(
  configuration: ClientConfiguration,
  refreshToken: string,
  key: DpopKey | undefined,
): Promise<TokenResponse> {
  const config = await configuration.get();
  return oidc.refreshTokenGrant(config, refreshToken, undefined, key ? { DPoP: dpopHandle(config, key) } : undefined);
}

export interface RefreshDeps {
  configuration: ClientConfiguration;
  store: TokenStore;
  timers: SessionTimers;
  now: () => number;
  /** Refresh this long before the access token expires. */
  marginMs: number;
  logger: Logger;
  /** The session's current state, returned when nothing changes. */
  state(): SessionState;
  /** Takes the refreshed tokens (and schedules the next refresh). */
  adopt(tokens: Tokens): Promise<SessionState>;
  /** Ends the session with this reason. */
  end(code: SessionFailureCode, detail: string): Promise<SessionState>;
}

export interface Refresher {
  /** Refreshes now; concurrent calls share one exchange. */
  refresh(): Promise<SessionState>;
  /** Plans the next refresh (default: `marginMs` before the access token expires), replacing any planned one. */
  schedule(delayMs?: number): void;
  cancel(): void;
}

export function createRefresher(deps: RefreshDeps): Refresher {
  const { store, timers, now } = deps;
  let timer: unknown;
  let inFlight: Promise<SessionState> | undefined;

  function cancel(): void {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  }

  function shiftOver(tokens: Tokens | undefined): boolean {
    return tokens?.sessionEndsAt !== undefined && now() >= tokens.sessionEndsAt;
  }

  function schedule(delayMs?: number): void {
    cancel();
    const tokens = store.current;
    if (!tokens?.refreshToken) return;
    let delay = delayMs ?? Math.max(1000, tokens.accessTokenExpiresAt - deps.marginMs - now());
    // The end of the shift is known: say it at that moment rather than at the next failed refresh.
    if (tokens.sessionEndsAt !== undefined) delay = Math.min(delay, Math.max(0, tokens.sessionEndsAt - now()));
    timer = timers.set(() => {
      timer = undefined;
      if (shiftOver(store.current)) void deps.end('shift-ended', 'end of shift');
      else void refresh();
    }, delay);
  }

  async function run(refreshToken: string): Promise<SessionState> {
    let response: TokenResponse;
    try {
      response = await requestRefresh(deps.configuration, refreshToken, store.current?.dpopKey);
    } catch (err) {
      const failure = classifyLoginError(err);
      if (failure.code === 'backend-unreachable') {
        // Keep the session: the backend may come back before the shift ends. Retry soon.
        deps.logger.warn('refresh failed, backend unreachable', { detail: failure.detail });
        if (store.current) schedule(UNREACHABLE_RETRY_MS);
        return deps.state();
      }
      return deps.end(shiftOver(store.current) ? 'shift-ended' : 'session-ended', failure.detail);
    }
    let next: Tokens;
    try {
      next = tokensFrom(response, now(), store.current);
    } catch (err) {
      // The answer itself is wrong (identity missing, subject changed): that is the reason to give.
      const failure = classifyLoginError(err);
      return deps.end(failure.code, failure.detail);
    }
    return deps.adopt(next);
  }

  function refresh(): Promise<SessionState> {
    if (inFlight) return inFlight;
    const refreshToken = store.current?.refreshToken;
    if (!refreshToken) return Promise.resolve(deps.state());
    inFlight = run(refreshToken).finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return { refresh, schedule, cancel };
}
