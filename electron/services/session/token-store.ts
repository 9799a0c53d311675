// The session's tokens: what a token response becomes (the regulator's identity from the ID token, the expiries),
// held in memory, with the refresh token persisted only when the secret store is backed by the OS key store.
import type * as oidc from 'openid-client';
import type { SessionState, SessionUser } from '@shared/api/console-api';
import type { SecretStore } from '../secret-store';
import { SessionFailure } from './failure';
import type { Logger } from '@shared/util/logger';
import type { JWK } from 'jose';
import { type DpopKey, exportDpopKey, importDpopKey } from './dpop-key';

export const REFRESH_TOKEN_SECRET = 'session.refresh-token';
/** The private key the refresh token is bound to (DPoP), as a JWK: useless without the token, and the token without it. */
export const DPOP_KEY_SECRET = 'session.dpop-key';

export interface Tokens {
  accessToken: string;
  accessTokenExpiresAt: number;
  refreshToken?: string;
  user: SessionUser;
  idpConnect?: string;
  /** End of the provider session (shift), ms. */
  sessionEndsAt?: number;
  /** The key the tokens are bound to (DPoP): every refresh and every backend call proves possession of it. */
  dpopKey?: DpopKey;
}

/** A session an earlier run left: its refresh token and the key it is bound to. */
export interface PersistedSession {
  refreshToken: string;
  dpopKey?: DpopKey;
}

export type TokenResponse = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

/** Reads a token response; a refresh without an ID token keeps the identity of `previous`. */
export function tokensFrom(response: TokenResponse, now: number, previous?: Tokens): Tokens {
  const claims = response.claims();
  if (!claims && !previous) throw new SessionFailure('identity-missing', 'no id_token');
  let user = previous?.user;
  let idpConnect = previous?.idpConnect;
  let sessionEndsAt = previous?.sessionEndsAt;
  if (claims) {
    const nationalId = typeof claims['national_id'] === 'string' ? claims['national_id'] : claims.sub;
    const familyName = typeof claims['family_name'] === 'string' ? claims['family_name'] : undefined;
    if (!familyName) throw new SessionFailure('identity-missing', 'no family_name');
    if (previous && previous.user.nationalId !== nationalId)
      throw new SessionFailure('invalid-response', 'subject changed on refresh');
    user = { nationalId, familyName };
    if (typeof claims['given_name'] === 'string') user.givenName = claims['given_name'];
    if (typeof claims['email'] === 'string') user.email = claims['email'];
    idpConnect = typeof claims['idp_connect'] === 'string' ? claims['idp_connect'] : undefined;
    sessionEndsAt = typeof claims['session_exp'] === 'number' ? claims['session_exp'] * 1000 : undefined;
  }
  if (!user) throw new SessionFailure('identity-missing', 'no user');
  const next: Tokens = {
    accessToken: response.access_token,
    accessTokenExpiresAt: now + (response.expiresIn() ?? 60) * 1000,
    user,
  };
  const refreshToken = response.refresh_token ?? previous?.refreshToken;
  if (refreshToken) next.refreshToken = refreshToken;
  if (idpConnect) next.idpConnect = idpConnect;
  if (sessionEndsAt) next.sessionEndsAt = sessionEndsAt;
  if (previous?.dpopKey) next.dpopKey = previous.dpopKey;
  return next;
}

/** What the renderer sees of the tokens: who, until when, how. Never a token. */
export function loggedInState(tokens: Tokens): SessionState {
  const expiresAt = new Date(tokens.sessionEndsAt ?? tokens.accessTokenExpiresAt).toISOString();
  const state: SessionState = { status: 'logged-in', user: tokens.user, expiresAt };
  if (tokens.idpConnect) state.idpConnect = tokens.idpConnect;
  return state;
}

export interface TokenStore {
  readonly current: Tokens | undefined;
  /** Holds `tokens` (undefined: forgets them) and persists or removes the refresh token accordingly. */
  replace(tokens: Tokens | undefined): Promise<void>;
  /** Forgets the tokens in memory only (a failed login leaves the stored refresh token to `replace`). */
  forget(): void;
  /** The session persisted by an earlier run; undefined when none or when the store is memory-only. Rejects
   * when the key store cannot be read. */
  persistedSession(): Promise<PersistedSession | undefined>;
}

export function createTokenStore(secretStore: SecretStore, logger: Logger): TokenStore {
  let current: Tokens | undefined;
  let persistent: boolean | undefined;

  async function isPersistent(): Promise<boolean> {
    if (persistent === undefined) {
      try {
        persistent = await secretStore.isPersistent();
      } catch (error) {
        logger.warn('secret store unavailable, refresh token kept in memory', { error: String(error) });
        persistent = false;
      }
    }
    return persistent;
  }

  async function save(tokens: Tokens | undefined): Promise<void> {
    if (!(await isPersistent())) return;
    try {
      if (tokens?.refreshToken) {
        await secretStore.set(REFRESH_TOKEN_SECRET, tokens.refreshToken);
        if (tokens.dpopKey) await secretStore.set(DPOP_KEY_SECRET, JSON.stringify(await exportDpopKey(tokens.dpopKey)));
        else await secretStore.delete(DPOP_KEY_SECRET);
      } else {
        await secretStore.delete(REFRESH_TOKEN_SECRET);
        await secretStore.delete(DPOP_KEY_SECRET);
      }
    } catch (error) {
      logger.warn('refresh token not persisted', { error: String(error) });
    }
  }

  return {
    get current() {
      return current;
    },
    async replace(tokens) {
      current = tokens;
      await save(tokens);
    },
    forget() {
      current = undefined;
    },
    async persistedSession() {
      if (!(await isPersistent())) return undefined;
      const refreshToken = await secretStore.get(REFRESH_TOKEN_SECRET);
      if (refreshToken === undefined) return undefined;
      const dpopKey = await readKey(await secretStore.get(DPOP_KEY_SECRET));
      return dpopKey ? { refreshToken, dpopKey } : { refreshToken };
    },
  };
}

/**
 * A key that is absent (an earlier version stored none) or does not import leaves the refresh token unbound: the
 * provider refuses it and a login follows — never a crash at start.
 */
async function readKey(stored: string | undefined): Promise<DpopKey | undefined> {
  if (stored === undefined) return undefined;
  try {
    return await importDpopKey(JSON.parse(stored) as JWK);
  } catch {
    return undefined;
  }
}
