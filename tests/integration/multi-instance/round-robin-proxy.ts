// A small load balancer on loopback for the multi-instance tests: every request goes to the next backend in turn
// (no stickiness, so each browser step of a login may reach another instance). A backend that refuses the connection
// is skipped, as a load balancer's health check would; a backend that dies mid-response cuts that response.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RoundRobinProxy {
  origin: string;
  setTargets(origins: string[]): void;
  /** The backend origin each request was sent to, in order (path included, to assert the alternation). */
  readonly served: { target: string; method: string; path: string }[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let targets: URL[] = [];
  let next = 0;
  const served: RoundRobinProxy['served'] = [];
  const sockets = new Set<Socket>();

  function forward(request: IncomingMessage, response: ServerResponse, body: Buffer, attemptsLeft: number): void {
    const target = targets[next % targets.length];
    next += 1;
    if (!target) {
      response.writeHead(502).end();
      return;
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        // The Host header is kept: the backends build their URLs from the public origin (the proxy's).
        headers: { ...request.headers, 'content-length': String(body.length) },
      },
      (answer) => {
        served.push({ target: target.origin, method: request.method ?? '', path: request.url ?? '' });
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
        // The backend died mid-answer: the client must see the cut, not a clean end.
        answer.on('aborted', () => response.destroy());
        answer.on('error', () => response.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (response.headersSent) return response.destroy();
      if (error.code === 'ECONNREFUSED' && attemptsLeft > 1) return forward(request, response, body, attemptsLeft - 1);
      response.writeHead(502).end();
    });
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => forward(request, response, Buffer.concat(chunks), targets.length));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    setTargets(origins) {
      targets = origins.map((origin) => new URL(origin));
    },
    served,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
