// Libraries (openid-client, undici) wrap the precise error in a generic one: logs need the whole `cause` chain.

/** The messages (and codes) along an error's `cause` chain, at most five deep. */
export function causeChain(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${code}: ${current.message}` : current.message);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.length ? parts.join(' <- ') : String(err);
}
