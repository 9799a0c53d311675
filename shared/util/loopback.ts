// Plain HTTP is tolerated only towards this machine (training backend and PSC, RFC 8252 redirects, tests): never
// towards a remote server. Four copies used to disagree on the edge cases (`::1` with or without brackets, octets
// above 255, `127.0.0.1.attacker.test`); this is the one rule.
//
// `shared/` is compiled without DOM or Node types, so `URL` is not a known type here: URLs are taken structurally
// (anything with a `hostname`) and strings are parsed by the runtime's WHATWG parser, which every runtime of the
// project (Node, Electron, Chromium) provides. Parsing by hand would drift from what `fetch` and the browser
// actually connect to.

/** What this module needs from a parsed URL (a WHATWG `URL` fits). */
export interface UrlLike {
  readonly hostname: string;
}

interface UrlParser {
  new (input: string): UrlLike;
}

const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const LOOPBACK_IPV4 = new RegExp(`^127(?:\\.${IPV4_OCTET}){3}$`, 'u');

/**
 * True when `hostname` names this machine: `localhost`, an IPv4 address in 127.0.0.0/8 written in canonical
 * dotted-decimal form (no leading zeros, octets up to 255), or the IPv6 loopback `::1` with or without brackets.
 * Anything else is refused, including `localhost.`, `sub.localhost`, `127.0.0.1.attacker.test` and
 * `::ffff:127.0.0.1`: a WHATWG `URL` already normalises the spellings it accepts (`127.1`, `0:0:0:0:0:0:0:1`).
 */
export function isLoopbackHost(hostname: string): boolean {
  if (typeof hostname !== 'string') return false;
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '::1' || host === '[::1]' || LOOPBACK_IPV4.test(host);
}

/** True when the URL's host is a loopback host (see `isLoopbackHost`); false for anything unparsable. */
export function isLoopbackUrl(url: string | UrlLike): boolean {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  return parsed !== undefined && isLoopbackHost(parsed.hostname);
}

function parseUrl(text: string): UrlLike | undefined {
  const Parser = (globalThis as { URL?: UrlParser }).URL;
  if (Parser === undefined) return undefined;
  try {
    return new Parser(text);
  } catch {
    return undefined;
  }
}
