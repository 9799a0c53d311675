// What the publisher remembers between requests: its own sessions (after RDV V2 SSO) and the logins in progress
// (state, nonce, PKCE verifier). Both are kept in an `ExpiringMap` (shared/util): they expire and are bounded.
import type { NationalId } from '@shared/domain/identifiers';

/** The publisher's own session for a regulator let in through the SAS identity provider. */
export interface PublisherSession {
  nationalId: NationalId;
  /** « Alice Martin » */
  displayName: string;
  email?: string;
  /** How the regulator logged in to the platform (ID token `idp_connect`). */
  idpConnect?: string;
  /** Ties this session's forms to it (CSRF). */
  csrfToken: string;
}

/** An OpenID Connect login started by this publisher, kept by `state` until the callback. */
export interface PendingLogin {
  nonce: string;
  codeVerifier: string;
  slotId: string;
  /** The browser that started it (random cookie): a callback from another browser is refused. */
  browserId: string;
}

/** Session length at the publisher: at most a 12-hour shift, never past the platform session's end. */
export const SESSION_MAX_MS = 12 * 3600 * 1000;
export const PENDING_LOGIN_TTL_MS = 10 * 60 * 1000;
