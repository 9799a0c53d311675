// The web harness bridge on loopback: same contract as IPC; no other page of the browser, no other local process
// and no DNS-rebound site may drive it.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridgeServer, type BridgeServer } from '@harness/bridge-server';
import { createConsoleCore } from '@services/console-core';
import { ConsoleEventBus } from '@services/event-bus';
import { Journal, MemoryJournalStore } from '@services/journal';
import { LaunchQueue } from '@services/launch-queue';
import { MemorySettingsStore, SettingsService } from '@services/settings';
import {
  unavailableAppointments,
  unavailableBooking,
  unavailablePlaces,
  unavailableSearch,
  unavailableSession,
} from '@services/unavailable';
import { parseLaunch } from '@shared/launch/parse-launch';

let bridge: BridgeServer;
let bus: ConsoleEventBus;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'renderer-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  bus = new ConsoleEventBus();
  const launches = new LaunchQueue({
    parse: (i) => parseLaunch(i),
    now: () => new Date(),
    newId: () => 'l1',
    onReady: (e) => bus.emit('launch', e),
  });
  const core = createConsoleCore({
    environment: { get: () => ({ mode: 'training', label: 'FORMATION', backendUrl: '', version: 't' }) },
    session: unavailableSession('hors ligne'),
    launches,
    search: unavailableSearch,
    places: unavailablePlaces,
    booking: unavailableBooking,
    appointments: unavailableAppointments,
    settings: new SettingsService(new MemorySettingsStore()),
    journal: new Journal({
      store: new MemoryJournalStore(),
      now: () => new Date(),
      newId: () => 'j',
      onChange: () => {},
    }),
    bus,
  });
  bridge = await startBridgeServer({ core, rendererDir: dir, launch: (input) => launches.receive(input) });
});

afterAll(async () => {
  await bridge.close();
});

let cookie = '';

/** Opens the keyed address as the browser does: the answer sets the token cookie and leaves the key behind. */
async function openPage(): Promise<string> {
  const response = await fetch(bridge.url, { redirect: 'manual' });
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/');
  const set = response.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/HttpOnly/iu);
  expect(set).toMatch(/SameSite=Strict/iu);
  return set.split(';')[0]!;
}

beforeAll(async () => {
  cookie = await openPage();
});

const call = (name: string, args: unknown[], headers: Record<string, string> = {}) =>
  fetch(`${bridge.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sas-bridge': '1', cookie, ...headers },
    body: JSON.stringify({ args }),
  });

/** A raw request with a chosen Host header (fetch would not send a foreign one). */
function rawGet(path: string, host: string): Promise<number> {
  const { port } = new URL(bridge.origin);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: { host, cookie } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

describe('bridge server', () => {
  it('serves the renderer with a strict CSP to the page opened from the keyed address', async () => {
    const response = await fetch(`${bridge.origin}/`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).not.toContain(bridge.token);
    expect((await fetch(`${bridge.origin}/..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(400);
  });

  it('gives its token to no local client that merely asks: no key, no page and no token', async () => {
    const plain = await fetch(`${bridge.origin}/`);
    expect(plain.status).toBe(401);
    const body = await plain.text();
    expect(body).not.toContain(bridge.token);
    expect(plain.headers.get('set-cookie')).toBeNull();
    const wrongKey = await fetch(`${bridge.origin}/?cle=devine`, { redirect: 'manual' });
    expect(wrongKey.status).toBe(403);
    expect(wrongKey.headers.get('set-cookie')).toBeNull();
    // Without the cookie, or without the page's header, calls and events are refused.
    expect((await call('getSession', [], { cookie: '' })).status).toBe(401);
    expect((await call('getSession', [], { 'x-sas-bridge': '' })).status).toBe(401);
    expect((await fetch(`${bridge.origin}/api/events`)).status).toBe(401);
  });

  it('refuses a request that names it by another host (DNS rebinding)', async () => {
    const { port } = new URL(bridge.origin);
    expect(await rawGet('/', `127.0.0.1:${port}`)).toBe(200);
    expect(await rawGet('/', `localhost:${port}`)).toBe(200);
    expect(await rawGet('/', `evil.example:${port}`)).toBe(421);
    expect(await rawGet('/api/events', `evil.example:${port}`)).toBe(421);
    expect(await rawGet('/', `127.0.0.1:${Number(port) + 1}`)).toBe(421);
    expect(await rawGet('/', '127.0.0.1')).toBe(421);
  });

  it('answers calls with the contract outcome', async () => {
    const response = await call('getEnvironment', []);
    expect(await response.json()).toEqual({
      ok: true,
      value: { mode: 'training', label: 'FORMATION', backendUrl: '', version: 't' },
    });
    expect(await (await call('cancelSearch', [123])).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it('refuses calls with a wrong token, from another origin, or not JSON', async () => {
    expect((await call('getSession', [], { cookie: 'sas_bridge=wrong' })).status).toBe(401);
    expect((await call('getSession', [], { origin: 'https://evil.example' })).status).toBe(403);
    const form = await call('getSession', [], { 'content-type': 'text/plain' });
    expect(form.status).toBe(415);
  });

  it('streams events and takes launches', async () => {
    const controller = new AbortController();
    const response = await fetch(`${bridge.origin}/api/events`, { headers: { cookie }, signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // the opening comment
    const launch = await fetch(`${bridge.origin}/api/launch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sas-bridge-token': bridge.token },
      body: JSON.stringify({ input: 'sas-console://recherche?streetnumber=4' }),
    });
    expect(launch.status).toBe(202);
    const { value } = await reader.read();
    const text = new TextDecoder().decode(value);
    expect(text).toMatch(/^event: launch\ndata: /u);
    expect(text).toContain('"ok":false');
    controller.abort();
    const taken = (await (await call('takeLaunches', [])).json()) as { value: unknown[] };
    expect(taken.value).toHaveLength(1);
  });
});
