// Stopping an instance (SIGTERM → Backend.close): a search in progress still gets its last answers and `done`, the
// appointment stream gets its final `closing` event, and new requests are not accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendRoutes } from '@shared/backend-api/routes';
import { loadTrainingDataset } from '@backend/training/dataset/files';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';
import { BORDEAUX, consoleApi, consoleSearch } from './support';

let env: TrainingEnvironment;
let alice: LoggedIn;

beforeAll(async () => {
  const dataset = await loadTrainingDataset();
  const slowIds = dataset.careOffer.publishers.filter((p) => p.kind !== 'sos').map((p) => p.id);
  env = await startTrainingEnvironment({
    latency: { minMs: 10, maxMs: 30 },
    // Every publisher answers after a second: the stop comes while they are all still being asked.
    publishers: Object.fromEntries(slowIds.map((id) => [id, { latency: { minMs: 1_000, maxMs: 1_000 } }])),
    publisherTimeoutMs: 3_000,
  });
  alice = await loginToTraining(env, ALICE);
}, 120_000);

afterAll(async () => {
  await alice?.session.close();
  await env?.close();
});

describe('graceful shutdown', () => {
  it('lets the running search finish with `done`, ends streams with `closing`, refuses new requests', async () => {
    const token = await alice.session.accessToken();
    const api = consoleApi(env.backendUrl, () => Promise.resolve(token));
    const stream = await api.openStream(backendRoutes.appointmentEvents, new AbortController().signal);
    const streamEvents = (async () => {
      const types: string[] = [];
      for await (const event of stream) types.push(event.type);
      return types;
    })();

    let closing: Promise<void> | undefined;
    const events = await consoleSearch(
      env.backendUrl,
      () => Promise.resolve(token),
      BORDEAUX,
      (event) => {
        if (event.type === 'offer') closing = env.backend.close();
      },
    );
    expect(closing).toBeDefined();
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    expect(events.some((e) => e.type === 'slots')).toBe(true);
    expect(events.at(-1)?.type).toBe('done');
    expect((await streamEvents).at(-1)).toBe('closing');
    await closing;
    await expect(fetch(`${env.backendUrl}/health`)).rejects.toThrow();
  }, 60_000);
});
