// Serves the built renderer on loopback the way the web harness's bridge does (same content types and
// Content-Security-Policy), without the bridge: the renderer rows drive a scripted `window.sasConsole`.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { RENDERER_CONTENT_TYPES, rendererContentSecurityPolicy } from '@services/content-security';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveRenderer(dir: string): Promise<StaticServer> {
  const root = resolve(dir);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/u, '');
      const file = normalize(join(root, relative));
      if (!file.startsWith(root + sep)) return void response.writeHead(403).end();
      try {
        const body = await readFile(file);
        response
          .writeHead(200, {
            'content-type': RENDERER_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            'content-security-policy': rendererContentSecurityPolicy(),
            'cache-control': 'no-store',
          })
          .end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
