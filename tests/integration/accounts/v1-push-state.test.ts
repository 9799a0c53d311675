// RDV V1 volume: an unchanged account is sent once per publisher, not at every login, and not again after a restart
// (state in storage, PGlite on disk here); withdrawal and changes are sent at once.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createV1Pusher } from '@backend/accounts/v1-push';
import { openStorage, type Storage } from '@backend/storage/index';
import { createV1PushStateRepository } from '@backend/storage/v1-push-state';

let server: Server;
let base: string;
let dataDir: string;
const calls: { method: string; url: string; body: Record<string, unknown> }[] = [];
let redirectNext = false;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sas-v1-state-'));
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      calls.push({ method: request.method ?? '', url: request.url ?? '', body: JSON.parse(text) as never });
      if (redirectNext) {
        response.writeHead(307, { location: 'http://127.0.0.1:1/ailleurs' }).end();
        return;
      }
      response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/fhir+json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
}, 30_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

const alice = { nationalId: '899999000005', familyName: 'Plumevert', givenName: 'Alice', active: true };

function pusherOn(storage: Storage) {
  return createV1Pusher({
    targets: () => [{ id: 'editeur', name: 'Éditeur', fhirBaseUrl: base }],
    state: createV1PushStateRepository(storage.db),
    log: () => {},
    backoffMs: 1,
  });
}

describe('RDV V1 push state', () => {
  it('three logins of the same unchanged regulator: one call, then none; after a restart: none', async () => {
    let storage = await openStorage({ driver: 'pglite', dataDir });
    let pusher = pusherOn(storage);
    const counts: number[] = [];
    for (let login = 0; login < 3; login += 1) {
      const before = calls.length;
      await pusher.push(alice);
      counts.push(calls.length - before);
    }
    expect(counts).toEqual([1, 0, 0]);
    expect(calls[0]?.method).toBe('POST');
    await storage.close();

    storage = await openStorage({ driver: 'pglite', dataDir });
    pusher = pusherOn(storage);
    const before = calls.length;
    expect(await pusher.push(alice)).toEqual([]);
    expect(calls.length - before).toBe(0);

    // A change (e-mail added) is sent as an update, and withdrawal at once.
    await pusher.push({ ...alice, email: 'alice@formation-sas.test' });
    expect(calls.at(-1)?.method).toBe('PUT');
    const [withdrawn] = await pusher.push({ ...alice, email: 'alice@formation-sas.test', active: false });
    expect(withdrawn).toMatchObject({ ok: true, method: 'PUT' });
    expect(calls.at(-1)?.body).toMatchObject({ active: false });
    expect(calls.length - before).toBe(2);
    await storage.close();
  }, 60_000);

  it('concurrent logins of a new regulator send one POST, not two', async () => {
    const storage = await openStorage({ driver: 'pglite' });
    const pusher = pusherOn(storage);
    const before = calls.length;
    const bruno = { nationalId: '899999000013', familyName: 'Martin', givenName: 'Bruno', active: true };
    await Promise.all([pusher.push(bruno), pusher.push(bruno), pusher.push(bruno)]);
    expect(calls.slice(before).map((c) => c.method)).toEqual(['POST']);
    await storage.close();
  }, 30_000);

  it('an id that is not a national id is sent as the SAS technical id; absent given name and e-mail are left out', async () => {
    const pusher = createV1Pusher({
      targets: () => [{ id: 'editeur', name: 'Éditeur', fhirBaseUrl: base }],
      log: () => {},
    });
    const before = calls.length;
    await pusher.push({ nationalId: 'sas-42', familyName: 'Sansprénom', active: true });
    const sent = calls[before]!;
    expect(sent.body.identifier).toEqual([
      {
        type: { coding: [{ system: 'http://interopsante.org/fhir/CodeSystem/fr-v2-0203', code: 'INTRN' }] },
        system: 'urn:oid:1.2.250.1.213.3.6',
        value: 'sas-42',
      },
    ]);
    expect(sent.body.name).toEqual([{ family: 'Sansprénom' }]);
    expect(sent.body).not.toHaveProperty('telecom');
    await pusher.push({ nationalId: 'sas-42', familyName: 'Sansprénom', active: false });
    expect(decodeURIComponent(calls.at(-1)!.url)).toBe(
      '/fhir/Practitioner?identifier=urn:oid:1.2.250.1.213.3.6|sas-42',
    );
  });

  it('refuses a redirect: the account is not sent elsewhere, and is not taken as acknowledged', async () => {
    const pusher = createV1Pusher({
      targets: () => [{ id: 'editeur', name: 'Éditeur', fhirBaseUrl: base }],
      log: () => {},
      backoffMs: 1,
    });
    redirectNext = true;
    try {
      const before = calls.length;
      const [outcome] = await pusher.push({ ...alice, nationalId: '899999000021' });
      expect(outcome).toMatchObject({ ok: false, status: 307, reason: 'redirection refusée' });
      expect(calls.length - before).toBe(1);
    } finally {
      redirectNext = false;
    }
    const [retried] = await pusher.push({ ...alice, nationalId: '899999000021' });
    expect(retried).toMatchObject({ ok: true, method: 'POST' });
  });
});
