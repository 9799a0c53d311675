// Libraries (openid-client, undici) wrap the precise error in a generic one: logs and error classification need the
// whole `cause` chain, read to a bounded depth so a cyclic chain cannot loop.

/** How deep the `cause` chain is read; libraries wrap two or three times. */
const MAX_CAUSE_DEPTH = 5;

/** The errors along `error`'s `cause` chain, outermost first, at most `MAX_CAUSE_DEPTH`. */
export function errorChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (chain.length < MAX_CAUSE_DEPTH && current instanceof Error) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The messages (and codes) along an error's `cause` chain, for logs: `ECONNREFUSED: connect… <- fetch failed`. */
export function causeChain(error: unknown): string {
  const parts = errorChain(error).map((current) => {
    const code = (current as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${current.message}` : current.message;
  });
  return parts.length ? parts.join(' <- ') : String(error);
}
