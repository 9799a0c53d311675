// The instance-wide cap on publisher requests in flight, against two slow publishers on loopback: never more than
// the cap per publisher and overall, a request that cannot start within its budget comes back `saturated` (the
// search shows the source as skipped, with a French reason) without tripping the circuit breaker; and each request
// carries the console request's id.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEvent, SourceStatus } from '@shared/domain/search';
import { createPublisherSlots, withPublisherSlots } from '@backend/limits/publisher-slots';
import { runWithRequestId } from '@backend/observability/request-context';
import { aggregateSlots, type PublisherSource } from '@backend/search/aggregator';
import { CircuitBreaker } from '@backend/search/circuit-breaker';
import { PublisherClient } from '@backend/search/publisher-client';

interface SlowPublisher {
  url: string;
  server: Server;
  inFlight: number;
  maxInFlight: number;
  requestIds: string[];
}

const publishers: SlowPublisher[] = [];
let overallInFlight = 0;
let overallMax = 0;

async function startSlowPublisher(delayMs: number): Promise<SlowPublisher> {
  const state = { inFlight: 0, maxInFlight: 0, requestIds: [] as string[] } as SlowPublisher;
  state.server = createServer((request: IncomingMessage, response: ServerResponse) => {
    state.inFlight += 1;
    overallInFlight += 1;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    overallMax = Math.max(overallMax, overallInFlight);
    const id = request.headers['x-request-id'];
    if (typeof id === 'string') state.requestIds.push(id);
    // A request is in flight until it is answered or the backend gives it up (its connection closes): the cap is
    // on what the backend holds open, not on the handler's own timer.
    let open = true;
    const done = () => {
      if (!open) return;
      open = false;
      state.inFlight -= 1;
      overallInFlight -= 1;
    };
    response.on('close', done);
    setTimeout(() => {
      done();
      if (response.destroyed) return;
      response.writeHead(200, { 'content-type': 'application/fhir+json' });
      response.end(JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: [] }));
    }, delayMs);
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(state.server.address() as { port: number }).port}/fhir`;
  publishers.push(state);
  return state;
}

let client: PublisherClient;

beforeAll(() => {
  client = new PublisherClient({ timeoutMs: 5_000, maxBodyBytes: 1_000_000 });
});

afterAll(async () => {
  await client.close();
  for (const p of publishers) await new Promise((resolve) => p.server.close(resolve));
});

describe('publisher requests in flight', () => {
  it('never exceeds the cap per publisher and overall; the excess waits within its budget, then is saturated', async () => {
    const [a, b] = [await startSlowPublisher(150), await startSlowPublisher(150)];
    const slots = createPublisherSlots({ overall: 5, perPublisher: 3 });
    const get = withPublisherSlots(slots, (url, signal, timeoutMs) => client.get(url, signal, timeoutMs));
    const signal = new AbortController().signal;
    // 40 requests at once, half to each publisher, each with a 700 ms budget: about 4 rounds of 150 ms fit.
    const results = await runWithRequestId('req-abus-0123456789', () =>
      Promise.all(Array.from({ length: 40 }, (_, i) => get(`${(i % 2 ? a : b)!.url}/Slot?i=${i}`, signal, 700))),
    );
    expect(a!.maxInFlight).toBeLessThanOrEqual(3);
    expect(b!.maxInFlight).toBeLessThanOrEqual(3);
    expect(overallMax).toBeLessThanOrEqual(5);
    const answered = results.filter((r) => r.ok).length;
    const saturated = results.filter((r) => !r.ok && r.kind === 'saturated');
    // At least the first wave (as many as the overall cap); how many more depends on the machine's load.
    expect(answered).toBeGreaterThanOrEqual(5);
    expect(saturated.length).toBeGreaterThan(0);
    // The others got their slot with too little budget left, and timed out like any late publisher.
    for (const r of results) if (!r.ok) expect(['saturated', 'timeout']).toContain(r.kind);
    expect(slots.inFlight().overall).toBe(0);
    // The console request's id went with every publisher request.
    expect(new Set([...a!.requestIds, ...b!.requestIds])).toEqual(new Set(['req-abus-0123456789']));
  });

  it('reports a source that could not be asked as skipped, in French, without tripping the breaker', async () => {
    const slow = await startSlowPublisher(400);
    const slots = createPublisherSlots({ overall: 1, perPublisher: 1 });
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 60_000 });
    const source = (id: string): PublisherSource => ({
      kind: 'publisher',
      info: { id, name: id, kind: 'publisher' },
      flavour: 'ps',
      baseUrl: slow.url,
      cpts: false,
      regulatorAccounts: true,
      ids: ['899990000012'],
    });
    const statuses: SourceStatus[] = [];
    await aggregateSlots(
      [source('premier'), source('second')],
      { start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z' } as never,
      {
        get: withPublisherSlots(slots, (url, signal, timeoutMs) => client.get(url, signal, timeoutMs)),
        buildUrl: (s) => `${s.baseUrl}/Slot`,
        map: () => ({ slots: [], issueCount: 0 }),
        agendaSlots: async () => [],
        breaker,
        concurrency: 8,
        budgetMs: 250,
        now: () => performance.now(),
      },
      (event: SearchEvent) => {
        if (event.type === 'source-status') statuses.push(event.status);
      },
      new AbortController().signal,
    );
    const skipped = statuses.find((s) => s.state === 'skipped');
    expect(skipped?.reason).toMatch(/trop de requêtes en cours vers les éditeurs/u);
    expect(breaker.allows(skipped!.source.id)).toBe(true);
  });
});
