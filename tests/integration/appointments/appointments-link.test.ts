// "Mes orientations" learns when the backend's appointment stream drops and when it is back: the services say
// « reconnecting » at every failed attempt (a screen that subscribes late learns it too) and « live » once the list
// is loaded again. A loopback backend whose stream the test cuts and refuses, then serves again.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentsLink } from '@shared/api/console-api';
import { createAppointmentsService } from '@services/appointments-service';
import { createBackendApi } from '@services/backend-api';
import { Journal, MemoryJournalStore } from '@services/journal';

let server: Server;
let backendUrl = '';
/** While false the backend refuses the stream (as a backend being restarted would). */
let available = true;
const streams = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    if (!available) return void response.writeHead(503).end();
    if (request.url === '/api/appointments') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ appointments: [] }));
    } else if (request.url === '/api/appointments/events') {
      response.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' });
      response.write(`${JSON.stringify({ type: 'ready' })}\n`);
      streams.add(response);
      response.on('close', () => streams.delete(response));
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

describe('the appointment stream’s state', () => {
  it('is live once loaded, reconnecting while the backend is gone, live again when it is back', async () => {
    const journal = new Journal({
      store: new MemoryJournalStore(),
      now: () => new Date(),
      newId: () => 'j',
      onChange: () => {},
    });
    const api = createBackendApi({
      backendUrl: () => backendUrl,
      accessToken: async () => 'jeton-de-test-0123456789',
      fetch,
    });
    const service = createAppointmentsService({ api, journal, retryDelayMs: 20 });
    const links: AppointmentsLink['state'][] = [];
    service.onLinkChange((link) => links.push(link.state));
    service.start();
    await expect.poll(() => links, { timeout: 5_000 }).toEqual(['live']);

    // The backend goes away: the open stream ends, the next attempts are refused.
    available = false;
    for (const stream of streams) stream.destroy();
    await expect.poll(() => links.filter((s) => s === 'reconnecting').length, { timeout: 5_000 }).toBeGreaterThan(1);
    expect(links.at(-1)).toBe('reconnecting');

    // Back: the service reconnects by itself and says so.
    available = true;
    await expect.poll(() => links.at(-1), { timeout: 5_000 }).toBe('live');
    service.stop();
    const count = links.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Stopped at logout: no more attempts, no state to report.
    expect(links).toHaveLength(count);
  });
});
