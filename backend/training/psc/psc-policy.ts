// The training Pro Santé Connect's session policy: the real service's figures and login methods.

// PSC's figures (domain.md): access token ≈ 2 min, refresh ≈ 30 min, session ≤ 4 h with 30 min idle.
export const ACCESS_TOKEN_TTL = 120;
export const REFRESH_TOKEN_TTL = 30 * 60;
export const SESSION_MAX = 4 * 3600;
export const SESSION_IDLE = 30 * 60;

/** Login methods, kept in the session's `amr` so the ID token can say `authMode`. */
export const CARD_AMR = ['sc', 'pin'];
export const ECPS_AMR = ['swk', 'mfa'];

export function epochNow(): number {
  return Math.floor(Date.now() / 1000);
}
