// The renderer is served from a privileged custom scheme, `app://console/`, not file://: maplibre's worker does not
// load from file://, and a real origin lets the IPC wrapper and the CSP tell the app's pages from anything else.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Protocol } from 'electron';
import { rendererContentSecurityPolicy } from '../services/content-security';
import { APP_ORIGIN } from './ipc';

export const APP_SCHEME = 'app';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Resolves an app:// URL to a file inside the renderer folder, or undefined when it points anywhere else. */
export function resolveAppFile(requestUrl: string, rendererDir: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/u, '');
  const file = normalize(join(rendererDir, relative));
  return file.startsWith(rendererDir + sep) ? file : undefined;
}

export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string, backendOrigins: () => string[]): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return new Response('Introuvable', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': rendererContentSecurityPolicy(backendOrigins()),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Introuvable', { status: 404 });
    }
  });
}
