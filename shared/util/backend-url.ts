// The one way to build an address on the SAS backend from its configured base URL. A base may be bare
// (`https://sas.example`), end with a slash, or sit under a path prefix behind a reverse proxy
// (`https://host/sas/`); concatenating strings gave `https://host//oidc`. Platform-free: `URL` is reached
// structurally, as every runtime (Node, Chromium) provides it.

interface UrlLike {
  href: string;
  pathname: string;
  search: string;
  hash: string;
}
type UrlConstructor = new (input: string, base?: string) => UrlLike;
const UrlClass = (globalThis as unknown as { URL: UrlConstructor }).URL;

/** The base URL in its one canonical form: the path prefix kept, always ending with exactly one `/`. */
export function normalizeBackendBase(base: string): string {
  const url = new UrlClass(base.trim());
  if (url.search !== '' || url.hash !== '') throw new TypeError('backend base URL must not carry a query or fragment');
  url.pathname = `${url.pathname.replace(/\/+$/u, '')}/`;
  return url.href;
}

/**
 * An endpoint under the backend base: `backendEndpoint('https://host/sas', '/api/search')` is
 * `https://host/sas/api/search`. `path` is a route path of the contract (it may carry a query); it never climbs
 * above the base.
 */
export function backendEndpoint(base: string, path: string): string {
  const relative = path.replace(/^\/+/u, '');
  const segments = (relative.split(/[?#]/u)[0] ?? '').split('/');
  // `%2e` is a dot to the URL parser: `%2e%2e/` would climb as `../` does.
  if (segments.some((segment) => /^(?:\.|%2e){1,2}$/iu.test(segment)))
    throw new TypeError('backend path must not contain dot segments');
  return new UrlClass(relative, normalizeBackendBase(base)).href;
}

/** The issuer of the backend's identity provider: `{base}/oidc`, without a trailing slash (as the provider says it). */
export function backendIssuer(base: string): string {
  return backendEndpoint(base, 'oidc');
}
