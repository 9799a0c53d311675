// The web harness bridge on loopback: same contract as IPC, and no other page of the browser may drive it.
import { mkdtemp, writeFile } from 'node:fs/promises';
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

const call = (name: string, args: unknown[], headers: Record<string, string> = {}) =>
  fetch(`${bridge.url}api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sas-bridge-token': bridge.token, ...headers },
    body: JSON.stringify({ args }),
  });

describe('bridge server', () => {
  it('serves the renderer with its token and a strict CSP', async () => {
    const response = await fetch(bridge.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain(`<meta name="sas-bridge-token" content="${bridge.token}" />`);
    expect((await fetch(`${bridge.url}..%2f..%2fetc%2fpasswd`)).status).toBeGreaterThanOrEqual(400);
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

  it('refuses calls without the token, from another origin, or not JSON', async () => {
    expect((await call('getSession', [], { 'x-sas-bridge-token': 'wrong' })).status).toBe(401);
    expect((await call('getSession', [], { origin: 'https://evil.example' })).status).toBe(403);
    const form = await fetch(`${bridge.url}api/call/getSession`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-sas-bridge-token': bridge.token },
      body: '{}',
    });
    expect(form.status).toBe(415);
    expect((await fetch(`${bridge.url}api/events?token=nope`)).status).toBe(401);
  });

  it('streams events and takes launches', async () => {
    const controller = new AbortController();
    const response = await fetch(`${bridge.url}api/events?token=${bridge.token}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // the opening comment
    const launch = await fetch(`${bridge.url}api/launch`, {
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
