// Abusive clients on loopback against the training backend with small limits: a slowloris dripping headers, 50
// concurrent searches and 20 live streams on one token. Each loop is bounded and stops by itself.
import { type ApiCredential, authorizationHeaders } from '@services/session/dpop-key';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrainingEnvironment, type TrainingEnvironment } from '@backend/training/environment';
import { ALICE, loginToTraining, type LoggedIn } from '../support/training-session';

const CAP = 3;
const HEADERS_TIMEOUT_MS = 1_000;
let env: TrainingEnvironment;
let console_: LoggedIn;
let token: ApiCredential;

beforeAll(async () => {
  env = await startTrainingEnvironment({
    // Searches last at least 400 ms: the 50 below overlap.
    latency: { minMs: 400, maxMs: 600 },
    backend: {
      limits: { searchesPerToken: CAP, streamsPerToken: CAP, headersTimeoutMs: HEADERS_TIMEOUT_MS },
    },
  });
  console_ = await loginToTraining(env, ALICE);
  token = await console_.session.accessToken();
}, 90_000);

afterAll(async () => {
  await console_?.session.close();
  await env?.close();
});

const search = async (signal?: AbortSignal) =>
  fetch(`${env.backendUrl}/api/search`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(await authorizationHeaders(token, 'POST', `${env.backendUrl}/api/search`)),
    },
    body: JSON.stringify({ query: { location: { inseeCode: '33063', city: 'Bordeaux' } } }),
    ...(signal ? { signal } : {}),
  });

describe('limits under abuse', () => {
  it('closes connections that drip their headers (slowloris) and keeps serving others', async () => {
    const { port } = new URL(env.backendUrl);
    const started = performance.now();
    const drips = Array.from({ length: 20 }, async () => {
      const socket: Socket = connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now() - started)));
      socket.on('error', () => undefined);
      socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // One header line every 200 ms, never the blank line that ends them; at most 40 (8 s).
      for (let i = 0; i < 40 && !socket.destroyed; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        if (!socket.destroyed) socket.write(`X-Goutte-${i}: a\r\n`);
      }
      socket.destroy();
      return closed;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const healthy = await fetch(`${env.backendUrl}/health`);
    expect(healthy.status).toBe(200);
    const closedAfter = await Promise.all(drips);
    // Closed by the server near the headers deadline, long before the client would have given up (8 s).
    for (const ms of closedAfter) expect(ms).toBeLessThan(HEADERS_TIMEOUT_MS + 2_500);
  });

  it('answers 429 with a French message and Retry-After beyond the searches allowed per token', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => search()));
    const admitted = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 429);
    expect(admitted.length).toBeGreaterThanOrEqual(1);
    expect(admitted.length).toBeLessThanOrEqual(CAP);
    expect(admitted.length + refused.length).toBe(50);
    const body = (await refused[0]!.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('too-many-requests');
    expect(body.error.message).toMatch(/Trop de recherches en cours/u);
    expect(Number(refused[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
    await Promise.all(refused.slice(1).map((r) => r.body?.cancel()));
    await Promise.all(admitted.map((r) => r.text()));
    // Once they are done, the same token searches again.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await search();
    expect(next.status).toBe(200);
    await next.text();
  });

  it('answers 429 beyond the live streams allowed per token, and frees them when they close', async () => {
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    const responses = await Promise.all(
      controllers.map(async (controller) =>
        fetch(`${env.backendUrl}/api/appointments/events`, {
          headers: await authorizationHeaders(token, 'GET', `${env.backendUrl}/api/appointments/events`),
          signal: controller.signal,
        }),
      ),
    );
    const open = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status === 429);
    expect(open.length).toBe(CAP);
    expect(refused.length).toBe(20 - CAP);
    expect(((await refused[0]!.json()) as { error: { message: string } }).error.message).toMatch(/flux/u);
    for (const controller of controllers) controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = new AbortController();
    const reopened = await fetch(`${env.backendUrl}/api/appointments/events`, {
      headers: await authorizationHeaders(token, 'GET', `${env.backendUrl}/api/appointments/events`),
      signal: again.signal,
    });
    expect(reopened.status).toBe(200);
    again.abort();
  });
});
