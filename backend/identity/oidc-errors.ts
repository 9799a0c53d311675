// Sorts what openid-client throws into the few failure kinds the identity code reacts to differently. Kept apart
// so the PSC client and its tests agree on the kinds.
import { AuthorizationResponseError, ResponseBodyError } from 'openid-client';
import { causeChain } from '@shared/util/error-chain';
import { networkErrorCode } from '@shared/util/network-errors';

type OidcFailureKind =
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

export function classifyOidcError(err: unknown): OidcFailure {
  if (err instanceof ResponseBodyError) {
    return { kind: 'refused', detail: `${err.error}: ${err.error_description ?? ''}`.trim(), oauthError: err.error };
  }
  if (err instanceof AuthorizationResponseError) {
    return { kind: 'authorization-error', detail: err.error, oauthError: err.error };
  }
  const network = networkErrorCode(err);
  if (network) return { kind: 'unreachable', detail: network };
  if (err instanceof Error) return { kind: 'invalid-response', detail: causeChain(err) };
  return { kind: 'invalid-response', detail: String(err) };
}
