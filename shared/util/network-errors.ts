// Libraries (undici behind fetch, openid-client) wrap the socket error in generic ones, so "could not reach the
// server" has to be read along the `cause` chain. One list of codes keeps the console and the backend agreeing on
// what counts as unreachable (a message to retry later) rather than as a refusal.
import { errorChain } from './error-chain';

/** System and undici error codes that mean the server could not be reached. */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * Why the server could not be reached, read along the `cause` chain: a network code (`ECONNREFUSED`...), `AbortError`
 * / `TimeoutError` (a deadline), or `fetch failed` (undici's wrapper when it gives no code); undefined otherwise.
 */
export function networkErrorCode(error: unknown): string | undefined {
  const chain = errorChain(error);
  for (const current of chain) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) return code;
    if (current.name === 'AbortError' || current.name === 'TimeoutError') return current.name;
  }
  for (const current of chain)
    if (current instanceof TypeError && current.message === 'fetch failed') return current.message;
  return undefined;
}

/** True when `error` (or one of its causes) means the server could not be reached. */
export function isNetworkError(error: unknown): boolean {
  return networkErrorCode(error) !== undefined;
}
