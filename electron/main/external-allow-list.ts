// What the console may open in the system browser: only pages on origins it knows — the backend's identity
// provider (login) and the publishers' booking origins (from the backend's publisher registry). An origin is
// compared whole (scheme, host and port), never by prefix or suffix: `https://booking.publisher.example.attacker.test`
// is not `https://booking.publisher.example`. Pure: no Electron import.
import { isLoopbackHost } from '@shared/util/loopback';

/** Longest URL handed to the system browser; booking URLs are short, anything bigger is not ours. */
const MAX_EXTERNAL_URL_LENGTH = 8192;

function parseWebUrl(text: string): URL | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_EXTERNAL_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  // Userinfo is how look-alike links hide their real host (`https://booking.example@evil.test/`).
  if (url.username !== '' || url.password !== '') return undefined;
  if (url.hostname === '') return undefined;
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return undefined;
  return url;
}

/**
 * The origin (`scheme://host[:port]`) of a URL the console would open outside, or undefined when the URL is not
 * acceptable at all: not http(s), http to a non-loopback host, userinfo, unparsable or oversized.
 */
export function externalOrigin(url: string): string | undefined {
  return parseWebUrl(url)?.origin;
}

/**
 * Reads one allow-list entry. Entries are origins, written with or without a trailing slash; an entry carrying a
 * path, query, fragment or userinfo is refused rather than widened to its origin, so a registry typo cannot open
 * more than intended.
 */
export function normalizeAllowedOrigin(entry: string): string | undefined {
  const url = parseWebUrl(typeof entry === 'string' ? entry.trim() : '');
  if (!url) return undefined;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return undefined;
  return url.origin;
}

/** Whether `url` may be opened in the system browser given the allowed origins. */
export function isAllowedExternal(url: string, allowList: Iterable<string>): boolean {
  const origin = externalOrigin(url);
  if (origin === undefined) return false;
  for (const entry of allowList) {
    if (normalizeAllowedOrigin(entry) === origin) return true;
  }
  return false;
}

/** Where allowed origins come from; each source is replaced as a whole when it changes. */
export type AllowListSource = 'identity-provider' | 'publishers';

/**
 * The live allow-list of main: the identity provider's origin is set when the backend is known, the publishers'
 * booking origins when the backend's registry is read. Entries that are not plain origins are dropped and reported.
 */
export class ExternalAllowList {
  private readonly sources = new Map<AllowListSource, ReadonlySet<string>>();

  /** Replaces one source's origins; returns the entries that were refused (not plain http(s) origins). */
  set(source: AllowListSource, entries: readonly string[]): string[] {
    const accepted = new Set<string>();
    const refused: string[] = [];
    for (const entry of entries) {
      const origin = normalizeAllowedOrigin(entry);
      if (origin === undefined) refused.push(entry);
      else accepted.add(origin);
    }
    this.sources.set(source, accepted);
    return refused;
  }

  origins(): string[] {
    const all = new Set<string>();
    for (const set of this.sources.values()) for (const origin of set) all.add(origin);
    return [...all];
  }

  allows(url: string): boolean {
    const origin = externalOrigin(url);
    if (origin === undefined) return false;
    for (const set of this.sources.values()) if (set.has(origin)) return true;
    return false;
  }
}
