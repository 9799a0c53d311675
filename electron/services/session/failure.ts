// Sorts what openid-client throws into the codes the regulator gets a message for. The decision reads the errors'
// stable parts — the class, openid-client's `code`, the OAuth `error`, the `cause` it carries — never the wording of
// a message, which the library may change in any release.
import * as oidc from 'openid-client';
import { causeChain, errorChain } from '@shared/util/error-chain';
import { isNetworkError } from '@shared/util/network-errors';
import type { SessionFailureCode } from './messages';

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

/** What the caller knows about the exchange that failed, to tell its checks apart. */
export interface LoginExpectations {
  /** The `state` sent with the authorization request. */
  state?: string;
}

/** oauth4webapi's codes (re-exported by openid-client on its ClientError). */
const INVALID_RESPONSE = 'OAUTH_INVALID_RESPONSE';
const JWT_CLAIM_COMPARISON = 'OAUTH_JWT_CLAIM_COMPARISON_FAILED';
const JWT_TIMESTAMP_CHECK = 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED';

type Coded = Error & { code?: unknown; cause?: unknown };

function codeOf(error: Error): string | undefined {
  const code = (error as Coded).code;
  return typeof code === 'string' ? code : undefined;
}

function causeRecord(error: Error): Record<string, unknown> | undefined {
  const cause = (error as Coded).cause;
  return typeof cause === 'object' && cause !== null && !(cause instanceof Error)
    ? (cause as Record<string, unknown>)
    : undefined;
}

/** The failed check, read from the innermost coded error's `cause` (what oauth4webapi compared). */
function checkFailure(err: unknown, expected: LoginExpectations): SessionFailureCode | undefined {
  for (const error of errorChain(err)) {
    const code = codeOf(error);
    const cause = causeRecord(error);
    if (code === JWT_TIMESTAMP_CHECK) return 'token-expired';
    if (code === JWT_CLAIM_COMPARISON && cause?.['claim'] === 'nonce') return 'nonce-mismatch';
    if (code === INVALID_RESPONSE && cause) {
      // A failed signature check hands over what it verified: the signature and its algorithm.
      if ('signature' in cause && 'algorithm' in cause) return 'token-tampered';
      // The authorization response checks hand over its parameters and the value expected; the state is the one
      // the console itself generated (an issuer mismatch expects the issuer instead).
      const parameters = cause['parameters'];
      if (
        parameters instanceof URLSearchParams &&
        expected.state !== undefined &&
        cause['expected'] === expected.state
      ) {
        return 'state-mismatch';
      }
    }
  }
  return undefined;
}

/**
 * The provider answered 502/503/504 (its database down, an instance stopping, a proxy without a backend): openid-client
 * calls that a non-conform response and keeps the Response as `cause`. An outage to wait out, not a refusal.
 */
function isOutageStatus(err: unknown): boolean {
  const cause = (err as { cause?: unknown } | undefined)?.cause;
  return cause instanceof Response && [502, 503, 504].includes(cause.status);
}

/** Sorts what openid-client throws into the codes the regulator gets a message for. */
export function classifyLoginError(err: unknown, expected: LoginExpectations = {}): SessionFailure {
  if (err instanceof SessionFailure) return err;
  if (err instanceof oidc.AuthorizationResponseError) {
    const description = err.error_description ?? undefined;
    return new SessionFailure('denied', `${err.error}: ${description ?? ''}`, description);
  }
  if (err instanceof oidc.ResponseBodyError) {
    if (err.error === 'temporarily_unavailable')
      return new SessionFailure('backend-unreachable', `${err.error}: ${err.error_description ?? ''}`);
    // The console's own proofs are well formed; what the provider can refuse in them is their time (iat).
    if (err.error === 'invalid_dpop_proof')
      return new SessionFailure('proof-refused', `${err.error}: ${err.error_description ?? ''}`);
    return new SessionFailure(
      err.error === 'invalid_grant' ? 'code-refused' : 'invalid-response',
      `${err.error}: ${err.error_description ?? ''}`,
    );
  }
  const detail = causeChain(err);
  if (isNetworkError(err) || isOutageStatus(err)) return new SessionFailure('backend-unreachable', detail);
  return new SessionFailure(checkFailure(err, expected) ?? 'invalid-response', detail);
}
