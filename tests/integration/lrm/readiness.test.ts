// A backend whose LRM link is off (no broker configured) or cut (broker unreachable) is still ready: /ready says 200
// and names the link's state in French, for the operator; the messages wait in the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lrmConfigSchema } from '@backend/lrm/config';
import { startLrmLink, type LrmLink } from '@backend/lrm/link';
import { bindServer, type BoundServer } from '@backend/http/listen';
import { readinessRoute } from '@backend/http/readiness';
import { createRouter } from '@backend/http/router';
import { openStorage, type Storage } from '@backend/storage/index';
import { backendRoutes } from '@shared/backend-api/routes';
import { testCodec } from './support';

let storage: Storage;
const servers: BoundServer[] = [];
const links: LrmLink[] = [];

beforeAll(async () => {
  storage = await openStorage({ driver: 'pglite' });
});

afterAll(async () => {
  for (const link of links) await link.close();
  for (const server of servers) await server.close();
  await storage.close();
});

async function readyWith(amqpUrl: string | undefined) {
  const link = startLrmLink({
    config: lrmConfigSchema.parse({ ...(amqpUrl ? { amqpUrl } : {}), retry: { firstMs: 50, maxMs: 200 } }),
    db: storage.db,
    appointments: storage.appointments,
    codec: testCodec,
    onAppointmentChanged: () => undefined,
    log: () => undefined,
  });
  links.push(link);
  const bound = await bindServer('127.0.0.1', 0);
  servers.push(bound);
  const route = readinessRoute({
    storage: async () => true,
    directory: () => true,
    keys: () => true,
    accepting: () => true,
    lrm: () => link.status(),
  });
  const router = createRouter([route], [], () => undefined);
  bound.setHandler((request, response) => void router(request, response));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const response = await fetch(`${bound.origin}/ready`);
  return { status: response.status, body: backendRoutes.ready.response.parse(await response.json()) };
}

describe('disponibilité sans liaison LRM', () => {
  it('is ready without a broker configured, and says the link is off', async () => {
    const { status, body } = await readyWith(undefined);
    expect(status).toBe(200);
    expect(body.status).toBe('ready');
    expect(body.lrm).toEqual({ connected: false, label: 'Liaison LRM désactivée : aucun broker configuré.' });
  });

  it('is ready while the broker cannot be reached, and says the link is cut', async () => {
    const { status, body } = await readyWith('amqp://guest:guest@127.0.0.1:1');
    expect(status).toBe(200);
    expect(body.lrm?.connected).toBe(false);
    expect(body.lrm?.label).toContain('Liaison LRM coupée');
  });
});
