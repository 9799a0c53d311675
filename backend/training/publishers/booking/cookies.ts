// The publisher's own cookies. Browsers keep cookies per host, not per port: on loopback every simulated publisher
// (and the backend, and the training PSC) shares one jar, so each publisher's cookie names carry its id.

const MAX_COOKIE_HEADER = 8 * 1024;
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/u;

/** Cookie names of one publisher: its session, and the browser binding of logins in progress. */
export function cookieNames(publisherId: string): { session: string; browser: string } {
  const safe = publisherId.replace(/[^A-Za-z0-9]/gu, '_').slice(0, 40) || 'editeur';
  return { session: `rdv_${safe}_session`, browser: `rdv_${safe}_browser` };
}

/**
 * The value of one cookie from a `Cookie` header, only when it looks like one of our random tokens: anything
 * else (absent, oversized header, odd characters) is treated as no cookie. Never throws.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (typeof header !== 'string' || header.length > MAX_COOKIE_HEADER) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    if (TOKEN.test(value)) return value;
  }
  return undefined;
}

export interface CookieOptions {
  /** Seconds; absent: a browser-session cookie. 0 deletes it. */
  maxAgeSeconds?: number;
  secure?: boolean;
}

/** A `Set-Cookie` value: HttpOnly, SameSite=Lax (the SSO callback is a top-level GET from the provider), path /rdv. */
export function setCookie(name: string, value: string, options: CookieOptions = {}): string {
  let cookie = `${name}=${value}; Path=/rdv; HttpOnly; SameSite=Lax`;
  if (options.maxAgeSeconds !== undefined) cookie += `; Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`;
  if (options.secure) cookie += '; Secure';
  return cookie;
}

export function clearCookie(name: string, options: Pick<CookieOptions, 'secure'> = {}): string {
  return setCookie(name, '', { ...options, maxAgeSeconds: 0 });
}
