import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CALL_NAMES } from '@shared/api/console-api-schemas';
import { callChannel, eventChannel } from '@shared/api/console-api';
import { callsFromOutcomes, type ConsoleBridge } from '@shared/api/make-calls';
import { contextBridge, ipcRenderer } from '@tests/stubs/electron';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

let api: ConsoleBridge;
beforeAll(async () => {
  // Importing the preload runs it, as Electron does: it exposes the API through contextBridge.
  await import('@preload/preload');
  api = contextBridge.exposed.get('sasConsole') as ConsoleBridge;
});

describe('the preload', () => {
  it('exposes named console calls and `on`, nothing else (never ipcRenderer)', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['sasConsole']);
    expect(Object.keys(api).sort()).toEqual([...CONSOLE_CALL_NAMES, 'on'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('calls go over their own channel with their arguments; errors keep their code', async () => {
    ipcRenderer.reply = (channel) =>
      channel === callChannel('cancelSearch')
        ? { ok: false, error: { code: 'unknown-search', message: 'Recherche fermée.' } }
        : { ok: true, value: { backendUrl: '' } };
    // The preload hands over the outcome object (contextBridge would strip a thrown error to its message)...
    expect(await api.getSettings()).toEqual({ ok: true, value: { backendUrl: '' } });
    expect(await api.cancelSearch('s-1')).toEqual({
      ok: false,
      error: { code: 'unknown-search', message: 'Recherche fermée.' },
    });
    // ...and the renderer's side rejects with a ConsoleError that keeps the code.
    const calls = callsFromOutcomes(api);
    await expect(calls.cancelSearch('s-1')).rejects.toMatchObject({
      name: 'ConsoleError',
      code: 'unknown-search',
      message: 'Recherche fermée.',
    });
    expect(ipcRenderer.invoked.slice(-3, -1)).toEqual([
      { channel: callChannel('getSettings'), args: [[]] },
      { channel: callChannel('cancelSearch'), args: [['s-1']] },
    ]);
  });

  it('subscribes to known events only, and unsubscribes', () => {
    const seen: unknown[] = [];
    const stop = api.on('session', (state) => seen.push(state));
    ipcRenderer.emit(eventChannel('session'), {}, { status: 'logged-out' });
    stop();
    ipcRenderer.emit(eventChannel('session'), {}, { status: 'logged-out', message: 'x' });
    expect(seen).toEqual([{ status: 'logged-out' }]);
    expect(() => api.on('ipc' as never, () => {})).toThrow(/Événement inconnu/u);
  });
});

describe('the preload bundle', () => {
  it('`vite build --mode preload` gives one CommonJS file that requires nothing but electron', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'sas-preload-'));
    try {
      await build({
        root,
        configFile: join(root, 'vite.config.ts'),
        mode: 'preload',
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      });
      const code = await readFile(join(outDir, 'preload.cjs'), 'utf8');
      const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/gu)].map((m) => m[1]);
      expect(required.length).toBeGreaterThan(0);
      expect(new Set(required)).toEqual(new Set(['electron']));
      expect(code).not.toMatch(/\bimport\s*\(/u);
      expect(code).toContain('exposeInMainWorld');
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
