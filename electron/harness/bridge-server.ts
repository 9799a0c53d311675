// The web harness's bridge: the console API over HTTP on loopback (calls as POST, events as server-sent events),
// serving the built renderer. It lets real Chromium drive the real console services where Electron cannot run.
// Who may drive it: the page opened from the address printed at start. That address carries a key; the page load
// with the key sets the bridge token in an HttpOnly, SameSite=Strict cookie and nothing ever returns the token in a
// body, so a local process asking `GET /` learns nothing. Every request must name this server by its loopback
// address and port in `Host`: a DNS-rebound site reaches it under a foreign name and is refused.
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
  /** The address to open: it carries the key that sets the page's token cookie (the person who started it has it). */
  url: string;
  /** The server's origin, without the key. */
  origin: string;
  token: string;
  /** The harness's "open in the system browser": asks every connected page to open the URL in a new page. */
  openExternal: (url: string) => void;
  close: () => Promise<void>;
}

const MAX_CALL_BODY = 256 * 1024;
const TOKEN_COOKIE = 'sas_bridge';
const KEY_PARAMETER = 'cle';

/** The token from a `Cookie` header, if it carries the bridge's. */
function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

const NOT_OPENED_PAGE =
  '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Console SAS</title>' +
  '<p>Ouvrez l’adresse complète affichée au démarrage du banc web (elle contient sa clé).</p></html>';

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = randomBytes(24).toString('base64url');
  const key = randomBytes(24).toString('base64url');
  let allowedHosts = new Set<string>();
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
    if (!allowedHosts.has((request.headers.host ?? '').toLowerCase())) return void response.writeHead(421).end();
    const url = new URL(request.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      // Another site open in the same browser must not drive the console: same origin and the page's token.
      const requestOrigin = request.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== `http://${request.headers.host ?? ''}`)
        return void response.writeHead(403).end();
      if (url.pathname === '/api/events' && request.method === 'GET') return openStream(request, response);
      const call = /^\/api\/call\/([A-Za-z]{1,40})$/u.exec(url.pathname);
      if (call?.[1] && request.method === 'POST') return handleCall(call[1], request, response);
      if (url.pathname === '/api/launch' && request.method === 'POST' && options.launch)
        return handleLaunch(request, response);
      return void response.writeHead(404).end();
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405).end();
    if (url.searchParams.has(KEY_PARAMETER)) return openPage(url, response);
    return serveStatic(url.pathname, request, response);
  }

  /** The address with the key: the token goes into the page's cookie, and the key leaves the address bar. */
  function openPage(url: URL, response: ServerResponse) {
    if (!secretMatches(url.searchParams.get(KEY_PARAMETER) ?? undefined, key))
      return void response.writeHead(403, { 'content-type': 'text/html; charset=utf-8' }).end(NOT_OPENED_PAGE);
    response
      .writeHead(303, {
        location: url.pathname,
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      })
      .end();
  }

  /** The page's cookie, and the header only script of a same-origin page can add (no form, no simple request). */
  function fromPage(request: IncomingMessage): boolean {
    return request.headers['x-sas-bridge'] === '1' && secretMatches(cookieToken(request.headers.cookie), token);
  }

  async function handleCall(name: string, request: IncomingMessage, response: ServerResponse) {
    if (!fromPage(request)) return void response.writeHead(401).end();
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
    // The LRM stand-in (a test, a curl by the person who started the harness) holds the token itself.
    if (!secretMatches(request.headers['x-sas-bridge-token'], token)) return void response.writeHead(401).end();
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

  function openStream(request: IncomingMessage, response: ServerResponse) {
    // EventSource sends the cookie but cannot add headers; SameSite=Strict keeps other sites' pages out.
    if (!secretMatches(cookieToken(request.headers.cookie), token)) return void response.writeHead(401).end();
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

  async function serveStatic(pathname: string, request: IncomingMessage, response: ServerResponse) {
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
    // The page itself only for the browser that opened the keyed address: elsewhere it could not work anyway.
    if (extname(file) === '.html' && !secretMatches(cookieToken(request.headers.cookie), token))
      return void response.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(NOT_OPENED_PAGE);
    response.writeHead(200, headers).end(body);
  }

  function secretMatches(given: string | string[] | undefined, secret: string): boolean {
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.address}:${address.port}`;
  // Only this machine's own names for this port: a rebound DNS name (evil.example → 127.0.0.1) is refused.
  allowedHosts = new Set([`${address.address}:${address.port}`, `localhost:${address.port}`]);

  return {
    url: `${origin}/?${KEY_PARAMETER}=${key}`,
    origin,
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
