// The V1 pusher against a real publisher endpoint on loopback that misbehaves on purpose.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createV1Pusher } from '@backend/accounts/v1-push';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A publisher answering each request with the next status of `script`, recording method and URL. */
async function scriptedPublisher(script: number[]) {
  const seen: { method: string; url: string; body: unknown }[] = [];
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', body: JSON.parse(text || 'null') });
      const status = script.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'application/fhir+json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}/fhir`, seen };
}

const account = {
  nationalId: '899999000005',
  familyName: 'Plumevert',
  givenName: 'Alice',
  email: 'alice@formation-sas.test',
  active: true,
};

describe('RDV V1 pusher', () => {
  it('creates with POST, and switches to a conditional PUT when the publisher already has the account', async () => {
    const publisher = await scriptedPublisher([409, 200]);
    const logs: string[] = [];
    const pusher = createV1Pusher({
      targets: () => [{ id: 'p', name: 'P', fhirBaseUrl: publisher.base }],
      log: (_l, m) => logs.push(m),
      backoffMs: 1,
    });
    const [outcome] = await pusher.push(account);
    expect(outcome).toMatchObject({ ok: true, method: 'PUT', status: 200 });
    expect(publisher.seen.map((r) => r.method)).toEqual(['POST', 'PUT']);
    expect(decodeURIComponent(publisher.seen[1]!.url)).toBe(
      '/fhir/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|899999000005',
    );
    expect(publisher.seen[0]!.body).toMatchObject({
      resourceType: 'Practitioner',
      active: true,
      identifier: [{ value: '899999000005' }],
    });
    expect(logs.join('\n')).not.toContain('899999000005');
  });

  it('retries server errors with backoff, then succeeds; the next push is an update', async () => {
    const publisher = await scriptedPublisher([503, 500, 201, 200]);
    const pusher = createV1Pusher({
      targets: () => [{ id: 'p', name: 'P', fhirBaseUrl: publisher.base }],
      log: () => {},
      backoffMs: 1,
    });
    expect((await pusher.push(account))[0]).toMatchObject({ ok: true, method: 'POST', attempts: 3 });
    expect((await pusher.push({ ...account, active: false }))[0]).toMatchObject({ ok: true, method: 'PUT' });
    expect(publisher.seen.at(-1)?.body).toMatchObject({ active: false });
  });

  it('does not retry a refusal (4xx) and reports it without throwing', async () => {
    const publisher = await scriptedPublisher([422]);
    const logs: string[] = [];
    const pusher = createV1Pusher({
      targets: () => [{ id: 'p', name: 'P', fhirBaseUrl: publisher.base }],
      log: (_l, m) => logs.push(m),
      backoffMs: 1,
    });
    expect((await pusher.push(account))[0]).toMatchObject({ ok: false, status: 422, attempts: 1 });
    expect(publisher.seen).toHaveLength(1);
    expect(logs[0]).toMatch(/échec de l’envoi du compte à p/u);
  });

  it('gives up on an unreachable publisher after its attempts', async () => {
    const pusher = createV1Pusher({
      targets: () => [{ id: 'gone', name: 'G', fhirBaseUrl: 'http://127.0.0.1:9/fhir' }],
      log: () => {},
      backoffMs: 1,
      attempts: 2,
    });
    expect((await pusher.push(account))[0]).toMatchObject({ ok: false, attempts: 2 });
  });
});
