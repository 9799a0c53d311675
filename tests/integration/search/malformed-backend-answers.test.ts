// The console's backend client against a real HTTP server on loopback that answers out of contract: a malformed
// search event and a malformed appointments answer must become a named French error, never a crash or an empty
// (silently wrong) screen.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchStreamEvent } from '@shared/api/console-api';
import { ConsoleError } from '@shared/api/errors';
import { backendRoutes } from '@shared/backend-api/routes';
import type { LogFields } from '@shared/util/logger';
import { createAppointmentsService } from '@services/appointments-service';
import { createBackendApi } from '@services/backend-api';
import { Journal, MemoryJournalStore } from '@services/journal';
import { createBackendSearch } from '@services/search-service';

const location = {
  type: 'location',
  location: {
    point: { lat: 44.2, lon: 0.62 },
    precision: 'commune',
    label: 'Agen (47)',
    radiusKm: 10,
    enlargements: 0,
  },
};

let server: Server;
let backendUrl = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    const ndjson = { 'content-type': 'application/x-ndjson; charset=utf-8' };
    if (request.url === '/api/search') {
      response.writeHead(200, ndjson);
      response.write(`${JSON.stringify(location)}\n`);
      // A slot whose start is a number: the screen would sort and print garbage.
      response.write(
        `${JSON.stringify({ type: 'slots', sourceId: 'agendaplume', slots: [{ id: 'x', start: 42 }] })}\n`,
      );
      response.end(`${JSON.stringify({ type: 'done', durationMs: 5 })}\n`);
    } else if (request.url === '/api/appointments') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ appointments: [{ id: 7, status: 'peut-être' }] }));
    } else if (request.url === '/api/appointments/events') {
      response.writeHead(200, ndjson);
      response.write(`${JSON.stringify({ type: 'ready' })}\n`);
    } else if (request.url === '/api/publishers') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"publishers": [');
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const deps = () => ({ backendUrl: () => backendUrl, accessToken: async () => 'jeton-de-test-0123456789', fetch });

describe('a backend answering out of contract', () => {
  it('a malformed search event ends the search as failed, named, after the valid events', async () => {
    const warnings: LogFields[] = [];
    const logger = { warn: (_m: string, f?: LogFields) => warnings.push(f ?? {}), child: () => logger } as never;
    const search = createBackendSearch({ ...deps(), newId: () => 'recherche-1', logger });
    const events: SearchStreamEvent[] = [];
    const finished = new Promise<void>((resolve) => {
      void search.start({ location: { inseeCode: '47001' } }, (event) => {
        events.push(event);
        if (event.event.type === 'done') resolve();
      });
    });
    await finished;
    expect(events.map((e) => e.event.type)).toEqual(['location', 'error', 'done']);
    expect(events[1]?.event).toEqual({
      type: 'error',
      code: 'backend-invalid-answer',
      message: 'Réponse inattendue du serveur SAS (recherche).',
    });
    // The done event is the console's own (duration 0), not the backend's after the malformed line.
    expect(events[2]?.event).toEqual({ type: 'done', durationMs: 0 });
    // What exactly was wrong is kept for the logs.
    expect(JSON.stringify(warnings)).toMatch(/\/api\/search: slots\.0\.start/u);
  });

  it('a malformed appointments answer is a named error with the detail for logs', async () => {
    const api = createBackendApi(deps());
    const failure = await api.get(backendRoutes.appointments).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConsoleError);
    expect(failure).toMatchObject({
      code: 'backend-invalid-answer',
      message: 'Réponse inattendue du serveur SAS (rendez-vous).',
    });
    expect((failure as ConsoleError).detail).toMatch(/^\/api\/appointments: appointments\.0\.id/u);
  });

  it('an answer that is not JSON at all is named the same way', async () => {
    const api = createBackendApi(deps());
    await expect(api.get(backendRoutes.publishers)).rejects.toMatchObject({
      code: 'backend-invalid-answer',
      message: 'Réponse inattendue du serveur SAS (éditeurs).',
    });
  });

  it('the appointments service survives it: nothing shown, the failure logged, retried', async () => {
    const warnings: string[] = [];
    const logger = {
      warn: (message: string) => warnings.push(message),
      child: () => logger,
      unexpected: () => undefined,
    } as never;
    const journal = new Journal({
      store: new MemoryJournalStore(),
      now: () => new Date(),
      newId: () => 'j',
      onChange: () => {},
    });
    const service = createAppointmentsService({ api: createBackendApi(deps()), journal, retryDelayMs: 20, logger });
    service.start();
    await expect.poll(() => warnings.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    service.stop();
    expect(await service.list()).toEqual([]);
    expect(warnings[0]).toBe('appointments stream interrupted');
  });
});
