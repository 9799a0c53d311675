// Sorts what openid-client throws into the few failure kinds the identity code reacts to differently. Kept apart
// so the PSC client and its tests agree on the kinds.
import { AuthorizationResponseError, ResponseBodyError } from 'openid-client';
import { causeChain } from '../../shared/error-chain';
export { causeChain } from '../../shared/error-chain';

export type OidcFailureKind =
  /** The server could not be reached (refused, timeout, DNS...). */
  | 'unreachable'
  /** The server answered the token / userinfo request with an OAuth error (replayed code, PKCE mismatch...). */
  | 'refused'
  /** The authorization response carried an error (user cancelled, access denied). */
  | 'authorization-error'
  /** A check on the response failed: state, nonce, issuer, audience, expiry, signature. */
  | 'invalid-response';

export interface OidcFailure {
  kind: OidcFailureKind;
  /** Short technical detail for logs (never shown as is to a user). */
  detail: string;
  /** OAuth error code when the server sent one. */
  oauthError?: string;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

function networkCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    if (current.name === 'AbortError' || current.name === 'TimeoutError') return current.name;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}


export function classifyOidcError(err: unknown): OidcFailure {
  if (err instanceof ResponseBodyError) {
    return { kind: 'refused', detail: `${err.error}: ${err.error_description ?? ''}`.trim(), oauthError: err.error };
  }
  if (err instanceof AuthorizationResponseError) {
    return { kind: 'authorization-error', detail: err.error, oauthError: err.error };
  }
  const network = networkCode(err);
  if (network) return { kind: 'unreachable', detail: network };
  if (err instanceof TypeError && err.message === 'fetch failed') return { kind: 'unreachable', detail: err.message };
  if (err instanceof Error) return { kind: 'invalid-response', detail: causeChain(err) };
  return { kind: 'invalid-response', detail: String(err) };
}
