// What the publisher remembers between requests: its own sessions (after RDV V2 SSO) and the logins in progress
// (state, nonce, PKCE verifier). Both expire and both are bounded, so unauthenticated callers cannot grow them.
import type { NationalId } from '../../../../shared/domain/identifiers';

/** A map whose entries expire, oldest evicted first when full. */
export class ExpiringStore<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly max: number,
    private readonly now: () => number,
  ) {}

  set(key: string, value: V, ttlMs: number): void {
    const now = this.now();
    for (const [k, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(k);
    this.entries.delete(key);
    while (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt: now + ttlMs });
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Returns and removes: single-use values (logins in progress). */
  take(key: string): V | undefined {
    const value = this.get(key);
    this.entries.delete(key);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

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
