// The database goes away under a running backend (a TCP relay in front of PostgreSQL is cut): the API answers 503
// « Service momentanément indisponible », never 401; `/ready` says not ready while `/health` still says alive; the
// console's client says so in French and keeps its session; when the database is back, the same token works again.
import { authorizationHeaders } from '@services/session/dpop-key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendRoutes } from '@shared/backend-api/routes';
import { ConsoleError } from '@shared/api/errors';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';
import { consoleApi, consoleSearch, BORDEAUX, startCluster, testPostgresUrl, type Cluster } from './support';
import { startTcpCut, type TcpCut } from './tcp-cut';

let relay: TcpCut;
let cluster: Cluster;
let alice: LoggedIn;

beforeAll(async () => {
  const pg = new URL(testPostgresUrl());
  relay = await startTcpCut(pg.hostname, Number(pg.port));
  const viaRelay = new URL(pg.href);
  viaRelay.port = String(relay.port);
  cluster = await startCluster({ count: 1, pgUrl: viaRelay.href, latency: { minMs: 10, maxMs: 40 } });
  alice = await loginToTraining(cluster.env, ALICE);
}, 90_000);

afterAll(async () => {
  await relay?.restore().catch(() => {});
  await alice?.session.close();
  await cluster?.close();
  await relay?.close();
});

const origin = () => cluster.proxy.origin;

describe('storage down', () => {
  it('is ready with the database, and says why not without it; /health stays alive', async () => {
    const ready = await fetch(`${origin()}/ready`);
    expect(ready.status).toBe(200);
    expect(backendRoutes.ready.response.parse(await ready.json())).toMatchObject({ status: 'ready' });

    await relay.cut();
    try {
      const notReady = await fetch(`${origin()}/ready`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({
        status: 'not-ready',
        checks: { storage: false, directory: true, keys: true, accepting: true },
        // Said, but no reason to take the instance out: appointments wait in the outbox.
        lrm: { connected: false, label: 'Liaison LRM désactivée : aucun broker configuré.' },
      });
      expect((await fetch(`${origin()}/health`)).status).toBe(200);
    } finally {
      await relay.restore();
    }
  }, 30_000);

  it('answers 503 « Service momentanément indisponible », never 401, and the console keeps its session', async () => {
    const token = await alice.session.accessToken();
    await relay.cut();
    try {
      const url = `${origin()}/api/appointments`;
      const raw = await fetch(url, { headers: await authorizationHeaders(token, 'GET', url) });
      expect(raw.status).toBe(503);
      expect(raw.headers.get('retry-after')).toBe('2');
      const body = (await raw.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('service-unavailable');
      expect(body.error.message).toMatch(/^Service momentanément indisponible/u);

      const api = consoleApi(origin(), () => alice.session.accessToken());
      const error = await api.get(backendRoutes.appointments).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConsoleError);
      expect(error).toMatchObject({ code: 'backend-unavailable' });
      expect((error as ConsoleError).message).toMatch(/momentanément indisponible/u);

      const search = await consoleSearch(origin(), () => alice.session.accessToken(), BORDEAUX);
      expect(search.find((e) => e.type === 'error')).toMatchObject({ code: 'backend-unavailable' });
      expect(alice.session.getState().status).toBe('logged-in');
    } finally {
      await relay.restore();
    }
    // Back: the same token works, no new login.
    const api = consoleApi(origin(), () => Promise.resolve(token));
    await expect
      .poll(async () => (await api.get(backendRoutes.appointments).catch(() => undefined)) !== undefined, {
        timeout: 10_000,
      })
      .toBe(true);
  }, 60_000);

  it('keeps the console logged in when a refresh meets the outage, then refreshes once the database is back', async () => {
    await relay.cut();
    try {
      const token = await fetch(`${origin()}/oidc/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=refresh_token&refresh_token=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG&client_id=sas-console',
      });
      expect(token.status).toBe(503);
      expect(await token.json()).toMatchObject({ error: 'temporarily_unavailable' });
      const state = await alice.session.refresh();
      expect(state.status).toBe('logged-in');
    } finally {
      await relay.restore();
    }
    await expect.poll(async () => (await alice.session.refresh()).status, { timeout: 15_000 }).toBe('logged-in');
  }, 60_000);
});
