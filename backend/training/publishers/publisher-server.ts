// A simulated publisher (éditeur) of the training environment: a real FHIR server on loopback that answers the
// IG's slot searches for its practitioners, records every request for conformance checks, and can be told to
// misbehave. Its booking pages and RDV V1 receiver are mounted on the same server by their own modules.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRandom } from '@shared/util/random';
import { sendJson } from '../../http/json';
import type { LatencyProfile, PublisherFault } from './faults';
import { readSlotQuery, type QueryCheck, type SlotQuery } from './slot-query';

interface RecordedRequest {
  at: Date;
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  check?: QueryCheck;
}

interface PublisherRoutes {
  /** Extra routes (booking pages, V1 accounts); return true when handled. */
  handle?: (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    publisher: SimulatedPublisher,
  ) => Promise<boolean>;
}

export interface SimulatedPublisherOptions extends PublisherRoutes {
  id: string;
  name: string;
  /** Answers a slot or schedule search with a FHIR searchset Bundle. */
  answer: (query: SlotQuery) => unknown;
  latency?: LatencyProfile;
  fault?: PublisherFault;
  seed?: number;
  host?: string;
  port?: number;
}

export interface SimulatedPublisher {
  id: string;
  name: string;
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  /** FHIR base, e.g. http://127.0.0.1:41234/fhir */
  fhirBaseUrl: string;
  requests: RecordedRequest[];
  setFault(fault: PublisherFault): void;
  setLatency(latency: LatencyProfile): void;
  close(): Promise<void>;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const FHIR_HEADERS = { 'content-type': FHIR_JSON };
const MAX_RECORDED = 500;

export async function startSimulatedPublisher(options: SimulatedPublisherOptions): Promise<SimulatedPublisher> {
  let fault: PublisherFault = options.fault ?? { kind: 'none' };
  let latency: LatencyProfile = options.latency ?? { minMs: 0, maxMs: 0 };
  const random = createRandom(options.seed ?? 1).next;
  const requests: RecordedRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        resolve();
      }, ms);
      pendingTimers.add(timer);
    });

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });

  // eslint-disable-next-line prefer-const
  let publisher: SimulatedPublisher;

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', publisher.origin);
    const record: RecordedRequest = {
      at: new Date(),
      method: request.method ?? 'GET',
      url: url.toString(),
      headers: { ...request.headers },
    };
    requests.push(record);
    if (requests.length > MAX_RECORDED) requests.shift();
    if (options.handle && (await options.handle(request, response, url, publisher))) return;
    const search = /^\/fhir\/(Slot|Schedule)\/?$/u.exec(url.pathname);
    if (!search?.[1] || request.method !== 'GET') {
      sendJson(
        response,
        404,
        { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] },
        FHIR_HEADERS,
      );
      return;
    }
    const check = readSlotQuery(search[1] as 'Slot' | 'Schedule', url.searchParams, request.headers.accept);
    check.query.url = url.toString();
    record.check = check;
    await wait(latency.minMs + random() * Math.max(0, latency.maxMs - latency.minMs));
    await respond(response, check.query);
  }

  async function respond(response: ServerResponse, query: SlotQuery) {
    switch (fault.kind) {
      case 'hang':
        // Never answers; the connection is dropped when the publisher closes.
        return;
      case 'status':
        sendJson(
          response,
          fault.status,
          {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'exception', diagnostics: 'Erreur simulée' }],
          },
          FHIR_HEADERS,
        );
        return;
      case 'malformed-json':
        response.writeHead(200, { 'content-type': FHIR_JSON });
        response.end('{"resourceType":"Bundle","entry":[{');
        return;
      case 'wrong-content-type':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end('<html><body>Maintenance</body></html>');
        return;
      case 'redirect':
        response.writeHead(302, { location: fault.location });
        response.end();
        return;
      case 'huge-body': {
        response.writeHead(200, { 'content-type': FHIR_JSON });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        response.write('{"resourceType":"Bundle","type":"searchset","entry":[],"padding":"');
        while (sent < fault.bytes && !response.destroyed) {
          if (!response.write(chunk)) await new Promise<void>((resolve) => response.once('drain', resolve));
          sent += chunk.length;
        }
        response.end('"}');
        return;
      }
      case 'slow-drip': {
        const body = Buffer.from(JSON.stringify(options.answer(query)));
        response.writeHead(200, { 'content-type': FHIR_JSON });
        for (let i = 0; i < body.length && !response.destroyed; i += 1) {
          response.write(body.subarray(i, i + 1));
          await wait(fault.intervalMs);
        }
        response.end();
        return;
      }
      case 'none': {
        sendJson(response, 200, options.answer(query), FHIR_HEADERS);
        return;
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.address}:${address.port}`;
  publisher = {
    id: options.id,
    name: options.name,
    origin,
    fhirBaseUrl: `${origin}/fhir`,
    requests,
    setFault: (next) => {
      fault = next;
    },
    setLatency: (next) => {
      latency = next;
    },
    close: async () => {
      for (const timer of pendingTimers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return publisher;
}
