// The training environment with publishers that can be made hostile, for the hostile-publisher tests and figures:
// - every simulated publisher's built-in faults (hang, status, malformed JSON, wrong type, huge body, drip, redirect);
// - one publisher whose answers can be switched to "entries referencing missing resources" (a route mounted in front
//   of its slot search, answering the real bundle with broken references);
// - one publisher registered at an HTTPS address whose certificate the backend does not trust (self-signed), through
//   a copy of the training data set where its FHIR base URL is that address instead of a placeholder;
// - a decoy server on another loopback host, the target of the redirect fault: it must never be called.
// The clock is frozen so that every search asks the same window and the same slots: runs compare exactly.
import { authorizationHeaders } from '@services/session/dpop-key';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TRAINING_DIR } from '@backend/training/dataset/files';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { answerSlotQuery } from '@backend/training/publishers/training-answer';
import { trainingPublisherRoutes } from '@backend/training/publishers/training-routes';
import { readSlotQuery } from '@backend/training/publishers/slot-query';
import type { SearchEvent, SearchQuery } from '@shared/domain/search';
import { readNdjson } from '@services/ndjson';
import { loginToTraining, type LoggedIn } from '../support/training-session';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface HostileStackOptions {
  /** Publisher answering with broken references when `missingReferences.on` is set. */
  brokenReferencesPublisher: string;
  /** Publisher registered at the untrusted HTTPS address. */
  tlsPublisher: string;
  publisherTimeoutMs: number;
}

export interface TimedSearch {
  events: SearchEvent[];
  /** From the request to the `done` event (the whole search, as the console waits for it). */
  durationMs: number;
}

export interface HostileStack {
  env: TrainingEnvironment;
  console: LoggedIn;
  /** Switches the broken-references answer on or off. */
  missingReferences: { on: boolean; brokenSlots: Set<string> };
  /** Handshakes attempted on the untrusted HTTPS publisher, and requests it ever read (must stay 0). */
  tls: { handshakeErrors: number; requests: number };
  /** Requests the redirect target received (must stay 0). */
  decoy: { origin: string; requests: number };
  search(query: SearchQuery, sources?: readonly string[]): Promise<TimedSearch>;
  close(): Promise<void>;
}

/** What both node:http and node:https servers offer. */
interface LoopbackServer {
  once(event: 'error', listener: (error: Error) => void): unknown;
  listen(port: number, host: string, callback: () => void): unknown;
  address(): AddressInfo | string | null;
  closeAllConnections(): void;
  close(callback: () => void): unknown;
}

function listen(server: LoopbackServer, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve(`${host}:${port}`);
    });
  });
}

function close(server: LoopbackServer): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startHostileStack(options: HostileStackOptions): Promise<HostileStack> {
  const tls = { handshakeErrors: 0, requests: 0 };
  const https = createHttpsServer(
    {
      key: await readFile(join(FIXTURES, 'self-signed-publisher.key')),
      cert: await readFile(join(FIXTURES, 'self-signed-publisher.crt')),
    },
    (_request, response) => {
      tls.requests += 1;
      response.writeHead(500).end();
    },
  );
  https.on('tlsClientError', () => {
    tls.handshakeErrors += 1;
  });
  const tlsAuthority = await listen(https, '127.0.0.1');

  // Another host than the publishers' 127.0.0.1: the whole 127/8 block is loopback on Linux.
  const decoy = { origin: '', requests: 0 };
  const decoyServer = createHttpServer((_request, response) => {
    decoy.requests += 1;
    response
      .writeHead(200, { 'content-type': 'application/fhir+json' })
      .end('{"resourceType":"Bundle","type":"searchset","entry":[]}');
  });
  decoy.origin = `http://${await listen(decoyServer, '127.0.0.2')}`;

  // The data set, with the TLS publisher's FHIR base at the untrusted address (not a placeholder: kept as is).
  const trainingDir = await mkdtemp(join(tmpdir(), 'sas-hostile-'));
  await cp(DEFAULT_TRAINING_DIR, trainingDir, { recursive: true });
  const careOfferFile = join(trainingDir, 'care-offer.json');
  const careOffer = JSON.parse(await readFile(careOfferFile, 'utf8')) as {
    publishers: { id: string; fhirBaseUrl: string }[];
  };
  const tlsEntry = careOffer.publishers.find((p) => p.id === options.tlsPublisher);
  if (!tlsEntry) throw new Error(`publisher ${options.tlsPublisher} not in the training data set`);
  tlsEntry.fhirBaseUrl = `https://${tlsAuthority}/fhir`;
  await writeFile(careOfferFile, JSON.stringify(careOffer), 'utf8');

  const missingReferences = { on: false, brokenSlots: new Set<string>() };
  const frozen = new Date();
  const env = await startTrainingEnvironment({
    trainingDir,
    latency: { minMs: 20, maxMs: 80 },
    publisherTimeoutMs: options.publisherTimeoutMs,
    now: () => frozen,
    publisherRoutes: (context) => {
      const training = trainingPublisherRoutes(context, () => frozen).handle;
      if (context.publisher.id !== options.brokenReferencesPublisher) return training;
      return async (request, response, url) => {
        if (!missingReferences.on || url.pathname !== '/fhir/Slot') return training(request, response, url);
        const { query } = readSlotQuery('Slot', url.searchParams, request.headers.accept);
        const bundle = answerSlotQuery(
          query,
          context.catalogue,
          context.directory,
          `${context.origin}/fhir`,
          url.href,
        ) as {
          entry?: { resource?: { resourceType?: string; id?: string; schedule?: { reference?: string } } }[];
        };
        // Every other slot points at a schedule that is not in the bundle.
        let n = 0;
        for (const entry of bundle.entry ?? []) {
          const resource = entry.resource;
          if (resource?.resourceType !== 'Slot' || n++ % 2 === 1) continue;
          resource.schedule = { reference: `Schedule/absent-${n}` };
          if (resource.id) missingReferences.brokenSlots.add(`${context.publisher.id}/${resource.id}`);
        }
        response.writeHead(200, { 'content-type': 'application/fhir+json; charset=utf-8' });
        response.end(JSON.stringify(bundle));
        return true;
      };
    },
  });
  const loggedIn = await loginToTraining(env);

  return {
    env,
    console: loggedIn,
    missingReferences,
    tls,
    decoy,
    async search(query, sources) {
      const token = await loggedIn.session.accessToken();
      const started = performance.now();
      const response = await fetch(`${env.backendUrl}/api/search`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/search`)),
        },
        body: JSON.stringify({ query, ...(sources ? { sources } : {}) }),
      });
      if (response.status !== 200 || !response.body) throw new Error(`search answered ${response.status}`);
      const events: SearchEvent[] = [];
      for await (const event of readNdjson(response.body)) events.push(event as SearchEvent);
      return { events, durationMs: performance.now() - started };
    },
    async close() {
      await loggedIn.session.close();
      await env.close();
      await close(https);
      await close(decoyServer);
      await rm(trainingDir, { recursive: true, force: true });
    },
  };
}
