// The renderer is served from a privileged custom scheme, `app://console/`, not file://: maplibre's worker does not
// load from file://, and a real origin lets the IPC wrapper and the CSP tell the app's pages from anything else.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { RENDERER_CONTENT_TYPES, rendererContentSecurityPolicy } from '../services/content-security';
import { APP_SCHEME, isAppUrl } from './app-origin';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

/** Resolves an app:// URL to a file inside the renderer folder, or undefined when it points anywhere else. */
export function resolveAppFile(requestUrl: string, rendererDir: string): string | undefined {
  if (!isAppUrl(requestUrl)) return undefined;
  const url = new URL(requestUrl);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/u, '');
  const file = normalize(join(rendererDir, relative));
  return file.startsWith(rendererDir + sep) ? file : undefined;
}

/** Headers of every renderer file: its type, the strict CSP (docs/design.md §9) and no MIME sniffing. */
export function appResponseHeaders(file: string, connectSources: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': RENDERER_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
  };
  // Written as an assignment so Electronegativity sees that a CSP is set (it does not read Response headers).
  headers['content-security-policy'] = rendererContentSecurityPolicy(connectSources);
  return headers;
}

export function serveAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rendererDir: string,
  backendOrigins: () => string[],
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Méthode refusée', { status: 405 });
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return new Response('Introuvable', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, { headers: appResponseHeaders(file, backendOrigins()) });
    } catch {
      return new Response('Introuvable', { status: 404 });
    }
  });
}
