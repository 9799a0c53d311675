// How long the provider's browser session lives: a shift (absolute, from login) and an idle limit, the smaller
// wins. Every use of the session (a browser visit, a console refresh) saves it again with a fresh lifetime.

export interface SessionPolicy {
  /** Absolute length from login; default 12 h. */
  shiftSeconds: number;
  /** Longest gap between two uses; default 1 h. */
  idleSeconds: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { shiftSeconds: 12 * 3600, idleSeconds: 3600 };

/**
 * Seconds the session may live from `nowSeconds`. A session without a login (before PSC) gets the idle limit.
 * Never below 1 (oidc-provider needs a positive TTL; a session at its end then lasts one more second at most).
 */
export function sessionTtlSeconds(session: { loginTs?: number }, nowSeconds: number, policy: SessionPolicy): number {
  const untilShiftEnd =
    session.loginTs !== undefined ? session.loginTs + policy.shiftSeconds - nowSeconds : policy.idleSeconds;
  return Math.max(1, Math.min(policy.idleSeconds, Math.floor(untilShiftEnd)));
}

/** End of the shift that a login at `loginTs` opened (epoch seconds). */
export function shiftEndsAt(loginTs: number, policy: SessionPolicy): number {
  return loginTs + policy.shiftSeconds;
}
