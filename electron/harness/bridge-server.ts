// The web harness's bridge: the console API over HTTP on loopback (calls as POST, events as server-sent events),
// serving the built renderer. It lets real Chromium drive the real console services where Electron cannot run.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CONSOLE_EVENT_NAMES } from '../../shared/api/console-api';
import { dispatchCall } from '../services/call-dispatch';
import type { ConsoleCore } from '../services/console-core';
import { RENDERER_CONTENT_TYPES, rendererContentSecurityPolicy } from '../services/content-security';
import { sendJson } from '../../backend/http/json';
import { BodyTooLargeError, readBody } from '../../backend/http/read-body';

export interface BridgeServerOptions {
  core: ConsoleCore;
  /** Built renderer (dist/renderer). */
  rendererDir: string;
  host?: string;
  port?: number;
  /** Hands a launch to the console, as the OS would from the LRM (`POST /api/launch`, token required). */
  launch?: (input: string | readonly string[]) => void;
  /** Called for errors the renderer is not told about (logged by the caller, without patient data). */
  onUnexpected?: (where: string, error: unknown) => void;
}

export interface BridgeServer {
  url: string;
  token: string;
  /** The harness's "open in the system browser": asks every connected page to open the URL in a new page. */
  openExternal: (url: string) => void;
  close: () => Promise<void>;
}

const MAX_CALL_BODY = 256 * 1024;

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  const onUnexpected = options.onUnexpected ?? (() => {});
  let origin = '';

  const send = (response: ServerResponse, event: string, payload: unknown) => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const unsubscribe = CONSOLE_EVENT_NAMES.map((name) =>
    options.core.bus.on(name, (payload) => {
      for (const stream of streams) send(stream, name, payload);
    }),
  );

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      onUnexpected('bridge', error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      // Another site open in the same browser must not drive the console: same origin and the page's token.
      const requestOrigin = request.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin) return void response.writeHead(403).end();
      if (url.pathname === '/api/events' && request.method === 'GET') return openStream(url, response);
      const call = /^\/api\/call\/([A-Za-z]{1,40})$/u.exec(url.pathname);
      if (call?.[1] && request.method === 'POST') return handleCall(call[1], request, response);
      if (url.pathname === '/api/launch' && request.method === 'POST' && options.launch)
        return handleLaunch(request, response);
      return void response.writeHead(404).end();
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405).end();
    return serveStatic(url.pathname, response);
  }

  async function handleCall(name: string, request: IncomingMessage, response: ServerResponse) {
    if (!tokenMatches(request.headers['x-sas-bridge-token'])) return void response.writeHead(401).end();
    if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
      return void response.writeHead(415).end();
    let args: unknown;
    try {
      const body = JSON.parse(await readBody(request, MAX_CALL_BODY)) as { args?: unknown };
      args = body.args;
    } catch (error) {
      const status = error instanceof BodyTooLargeError ? 413 : 400;
      return void response.writeHead(status).end();
    }
    const outcome = await dispatchCall(options.core.calls, name, args, (call, error) =>
      onUnexpected(`call ${call}`, error),
    );
    sendJson(response, 200, outcome);
  }

  async function handleLaunch(request: IncomingMessage, response: ServerResponse) {
    if (!tokenMatches(request.headers['x-sas-bridge-token'])) return void response.writeHead(401).end();
    let input: unknown;
    try {
      input = (JSON.parse(await readBody(request, MAX_CALL_BODY)) as { input?: unknown }).input;
    } catch {
      return void response.writeHead(400).end();
    }
    const valid = typeof input === 'string' || (Array.isArray(input) && input.every((a) => typeof a === 'string'));
    if (!valid) return void response.writeHead(400).end();
    options.launch?.(input as string | string[]);
    response.writeHead(202).end();
  }

  function openStream(url: URL, response: ServerResponse) {
    if (!tokenMatches(url.searchParams.get('token') ?? undefined)) return void response.writeHead(401).end();
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': ouvert\n\n');
    streams.add(response);
    const heartbeat = setInterval(() => response.write(': ping\n\n'), 15_000);
    response.on('close', () => {
      clearInterval(heartbeat);
      streams.delete(response);
    });
  }

  async function serveStatic(pathname: string, response: ServerResponse) {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/u, '');
    const file = normalize(join(options.rendererDir, relative));
    if (!file.startsWith(options.rendererDir + sep)) return void response.writeHead(403).end();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return void response.writeHead(404).end();
    }
    const headers: Record<string, string> = {
      'content-type': RENDERER_CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': rendererContentSecurityPolicy(),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    if (extname(file) === '.html') {
      const html = body
        .toString('utf8')
        .replace('<head>', `<head>\n    <meta name="sas-bridge-token" content="${token}" />`);
      body = Buffer.from(html, 'utf8');
    }
    response.writeHead(200, headers).end(body);
  }

  function tokenMatches(given: string | string[] | undefined): boolean {
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.address}:${address.port}`;

  return {
    url: `${origin}/`,
    token,
    openExternal: (target: string) => {
      for (const stream of streams) send(stream, 'open-external', { url: target });
    },
    close: async () => {
      for (const u of unsubscribe) u();
      for (const stream of streams) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
