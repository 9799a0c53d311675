import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '@shared/api/console-api';
import { callChannel, eventChannel } from '@shared/api/console-api';
import { parseLaunch } from '@shared/launch/parse-launch';
import { startShell, type ServiceContext, type ShellDeps, type TrainingBackend } from '@main/shell';
import type { ConsoleServices } from '@services/compose';
import { createConsoleCore } from '@services/console-core';
import { ConsoleEventBus } from '@services/event-bus';
import { Journal, MemoryJournalStore } from '@services/journal';
import { LaunchQueue } from '@services/launch-queue';
import type { SessionPort } from '@services/ports';
import { MemorySecretStore } from '@services/secret-store';
import { MemorySettingsStore, SettingsService } from '@services/settings';
import {
  unavailableAppointments,
  unavailableBooking,
  unavailablePlaces,
  unavailableSearch,
} from '@services/unavailable';
import {
  app,
  BrowserWindow,
  emitReady,
  fakeEvent,
  ipcMain,
  resetElectronStub,
  stub,
  session as electronSession,
} from '@tests/stubs/electron';

const VALID = 'sas-console://recherche?origin=TEST-SAMU000&inseecode=47001&specialty=urn:oid:1.2.250.1.213.2.28%7CSM54';
const BAD = 'sas-console://recherche?origin=TEST-SAMU000&inseecode=4700X';
const TOP = { url: 'app://console/index.html', parent: null };
const EXE = '/opt/SAS Console/sas-console';

/** A session that the test logs in, and services built like compose.ts does, over it. */
function fakeSession() {
  let state: SessionState = { status: 'logged-out' };
  const listeners = new Set<(s: SessionState) => void>();
  const port: SessionPort = {
    getState: () => state,
    login: async () => state,
    cancelLogin: async () => {},
    logout: async () => {},
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const logIn = () => {
    state = {
      status: 'logged-in',
      user: { nationalId: '810000000000', familyName: 'Martin' },
      expiresAt: '2026-01-05T18:00:00Z',
    };
    for (const listener of listeners) listener(state);
  };
  return { port, logIn };
}

function servicesOver(context: ServiceContext, sessionPort: SessionPort): ConsoleServices & { closed: () => boolean } {
  const bus = new ConsoleEventBus();
  let seq = 0;
  const launches = new LaunchQueue({
    parse: (input) => parseLaunch(input),
    now: () => new Date('2026-01-05T10:00:00Z'),
    newId: () => `launch-${++seq}`,
    onReady: (event) => bus.emit('launch', event),
  });
  const core = createConsoleCore({
    environment: { get: () => context.environment },
    session: sessionPort,
    launches,
    search: unavailableSearch,
    places: unavailablePlaces,
    booking: unavailableBooking,
    appointments: unavailableAppointments,
    settings: new SettingsService(context.settingsStore),
    journal: new Journal({
      store: new MemoryJournalStore(),
      now: () => new Date(),
      newId: () => 'j',
      onChange: () => {},
    }),
    bus,
  });
  let closed = false;
  return {
    core,
    launches,
    close: async () => {
      closed = true;
      core.dispose();
    },
    closed: () => closed,
  };
}

function deps(overrides: Partial<ShellDeps> = {}) {
  const lines: string[] = [];
  const training: TrainingBackend & { closed: boolean } = {
    backendUrl: 'http://127.0.0.1:45123/',
    closed: false,
    close: async () => {
      training.closed = true;
    },
  };
  const sessionFake = fakeSession();
  const contexts: ServiceContext[] = [];
  let built: ReturnType<typeof servicesOver> | undefined;
  const startTrainingBackend = vi.fn(async () => training);
  const openSettingsStore = vi.fn(() => new MemorySettingsStore());
  const value: ShellDeps = {
    argv: [EXE],
    process: { defaultApp: false, execPath: EXE, argv: [EXE] },
    backendUrlVariable: undefined,
    rendererDir: '/opt/SAS Console/resources/app.asar/dist/renderer',
    preloadPath: '/opt/SAS Console/resources/app.asar/dist/preload/preload.cjs',
    openSettingsStore,
    openSecretStore: () => new MemorySecretStore(),
    startTrainingBackend,
    createServices: (context) => {
      contexts.push(context);
      built = servicesOver(context, sessionFake.port);
      return built;
    },
    log: (line) => lines.push(line),
    ...overrides,
  };
  return {
    deps: value,
    lines,
    training,
    startTrainingBackend,
    openSettingsStore,
    contexts,
    session: sessionFake,
    built: () => built,
  };
}

const invoke = (name: Parameters<typeof callChannel>[0], args: unknown[] = [], frame: unknown = TOP) =>
  ipcMain.invoke(callChannel(name), frame, args);
const firstWindow = () => BrowserWindow.instances[0];

beforeEach(() => resetElectronStub());

describe('startShell: before ready', () => {
  it('a second instance hands over and quits without touching anything', () => {
    stub.singleInstanceLock = false;
    const d = deps();
    expect(startShell(d.deps)).toBeUndefined();
    expect(stub.quitCalls).toBe(1);
    expect(stub.sandboxEnabled).toBe(false);
    expect(stub.protocolClients).toEqual([]);
    expect(d.openSettingsStore).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('enables the sandbox, privileges app://, registers sas-console and listens for launches', () => {
    startShell(deps().deps);
    expect(stub.sandboxEnabled).toBe(true);
    expect(stub.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(stub.protocolClients).toEqual([{ scheme: 'sas-console', path: expect.any(String), args: ['--'] }]);
    for (const event of ['second-instance', 'open-url', 'web-contents-created'])
      expect(app.listenerCount(event), event).toBe(1);
  });

  it('in development, registers the protocol with Electron and the app path', () => {
    startShell(
      deps({
        process: {
          defaultApp: true,
          execPath: '/usr/lib/electron/electron',
          argv: ['/usr/lib/electron/electron', '.'],
        },
      }).deps,
    );
    expect(stub.protocolClients).toEqual([
      { scheme: 'sas-console', path: '/usr/lib/electron/electron', args: [process.cwd(), '--'] },
    ]);
  });

  it('says so when the settings file was damaged', () => {
    const d = deps({ openSettingsStore: () => new MemorySettingsStore({ backendUrl: 42 }) });
    startShell(d.deps);
    expect(d.lines.join('\n')).toMatch(/Paramètres invalides \(backendUrl[,)]/u);
  });

  for (const [name, store] of [
    ['an invalid stored backendUrl', () => new MemorySettingsStore({ backendUrl: 'pas une url' })],
    ['a settings file that is not an object', () => new MemorySettingsStore('{"backendUrl": "https://sas.ex')],
    [
      'an unreadable settings file',
      () => ({
        read: () => {
          throw new SyntaxError('Unexpected end of JSON input');
        },
        write: () => {},
      }),
    ],
  ] as const) {
    it(`${name}: « console mal configurée », never the training environment`, async () => {
      const d = deps({ openSettingsStore: store });
      const shell = startShell(d.deps)!;
      await emitReady();
      await shell.ready;
      expect(d.startTrainingBackend).not.toHaveBeenCalled();
      expect(d.contexts).toEqual([]);
      expect(shell.environment()).toMatchObject({ mode: 'connected', backendUrl: '' });
      expect(await invoke('getSession')).toMatchObject({
        ok: true,
        value: { status: 'logged-out', message: expect.stringMatching(/^Console mal configurée\./u) },
      });
    });
  }
});

describe('startShell: training mode', () => {
  it('with no backend configured: starts the embedded backend, FORMATION everywhere', async () => {
    const d = deps();
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    expect(d.startTrainingBackend).toHaveBeenCalledTimes(1);
    expect(shell.environment()).toEqual({
      mode: 'training',
      label: 'FORMATION',
      backendUrl: 'http://127.0.0.1:45123/',
      version: '0.1.0-test',
    });
    expect(await invoke('getEnvironment')).toEqual({ ok: true, value: shell.environment() });
    expect(d.contexts[0]).toMatchObject({ mode: 'training', backendUrl: 'http://127.0.0.1:45123/' });
    // The embedded identity provider is the one page login may open outside.
    expect(shell.allowList.allows('http://127.0.0.1:45123/authorize?client_id=console')).toBe(true);
    expect(shell.allowList.allows('http://127.0.0.1:45124/')).toBe(false);
  });

  it('an empty SAS_BACKEND_URL forces training even when the settings name a server', async () => {
    const d = deps({
      backendUrlVariable: '',
      openSettingsStore: () =>
        new MemorySettingsStore({
          backendUrl: 'https://sas.example.fr/',
          environmentLabel: 'PROD',
          bookingOrigin: 'sas',
          ui: { density: 'compact', showMap: true },
        }),
    });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    expect(d.startTrainingBackend).toHaveBeenCalledTimes(1);
    expect(shell.environment()?.label).toBe('FORMATION');
  });

  it('a training backend that fails to start leaves a console that says so, in French', async () => {
    const d = deps({ startTrainingBackend: async () => Promise.reject(new Error('port occupé')) });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    expect(shell.environment()).toMatchObject({ mode: 'training', label: 'FORMATION' });
    expect(d.contexts).toEqual([]);
    expect(await invoke('getSession')).toMatchObject({
      ok: true,
      value: { status: 'logged-out', message: expect.stringMatching(/formation n’a pas pu démarrer/u) },
    });
    expect(d.lines.join('\n')).toMatch(/formation non démarré : port occupé/u);
    expect(firstWindow()).toBeDefined();
  });

  it('refuses a training backend that is not on loopback', async () => {
    const d = deps({
      startTrainingBackend: async () => ({ backendUrl: 'http://192.168.1.10:4000/', close: async () => {} }),
    });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    expect(d.contexts).toEqual([]);
    expect(shell.allowList.origins()).toEqual([]);
  });
});

describe('startShell: connected mode', () => {
  it('SAS_BACKEND_URL names the backend: no training, the backend origin allowed', async () => {
    const d = deps({ backendUrlVariable: 'https://sas.example.fr/api/' });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    expect(d.startTrainingBackend).not.toHaveBeenCalled();
    expect(shell.environment()).toMatchObject({ mode: 'connected', backendUrl: 'https://sas.example.fr/api/' });
    expect(shell.allowList.allows('https://sas.example.fr/authorize')).toBe(true);
    expect(d.contexts[0]?.mode).toBe('connected');
  });

  it('a separate backend that says it is a training one: « FORMATION » in connected mode too', async () => {
    const asked: string[] = [];
    const d = deps({
      backendUrlVariable: 'https://formation.sas.example/sas',
      isTrainingBackend: async (url) => {
        asked.push(url);
        return true;
      },
    });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    expect(asked).toEqual(['https://formation.sas.example/sas/']);
    expect(d.startTrainingBackend).not.toHaveBeenCalled();
    expect(shell.environment()).toMatchObject({ mode: 'training', label: 'FORMATION' });
    expect(d.contexts[0]).toMatchObject({ mode: 'connected', backendUrl: 'https://formation.sas.example/sas/' });
  });

  it('a misconfigured URL is reported, never silently replaced by training', async () => {
    const d = deps({ backendUrlVariable: 'http://sas.example.fr/' });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    expect(d.startTrainingBackend).not.toHaveBeenCalled();
    expect(d.contexts).toEqual([]);
    expect(shell.environment()).toMatchObject({ mode: 'connected', backendUrl: '' });
    const state = await invoke('getSession');
    expect(state).toMatchObject({
      ok: true,
      value: {
        status: 'logged-out',
        message: expect.stringMatching(/Adresse du serveur SAS invalide dans la variable SAS_BACKEND_URL/u),
      },
    });
  });

  it('services that fail to build leave a console that says so', async () => {
    const d = deps({
      backendUrlVariable: 'https://sas.example.fr/',
      createServices: () => {
        throw new Error('boom');
      },
    });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    expect(await invoke('getSession')).toMatchObject({
      ok: true,
      value: { message: expect.stringMatching(/n’ont pas pu démarrer/u) },
    });
  });

  it('gives services an opener that refuses origins off the allow-list', async () => {
    const d = deps({ backendUrlVariable: 'https://sas.example.fr/' });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    const context = d.contexts[0]!;
    await expect(context.openExternal('https://booking.publisher.example/rdv')).rejects.toThrow(/liste autorisée/u);
    context.allowList.set('publishers', ['https://booking.publisher.example']);
    await context.openExternal('https://booking.publisher.example/rdv');
    await expect(context.openExternal('https://booking.publisher.example.attacker.test/rdv')).rejects.toThrow();
    expect(stub.openedExternally).toEqual(['https://booking.publisher.example/rdv']);
  });
});

describe('startShell: window, guards and IPC', () => {
  it('a packaged build has no application menu (no DevTools, no reload); development keeps the default', async () => {
    stub.isPackaged = true;
    const shell = startShell(deps().deps)!;
    await emitReady();
    await shell.ready;
    expect(stub.applicationMenus).toEqual([null]);
    resetElectronStub();
    const dev = startShell(deps().deps)!;
    await emitReady();
    await dev.ready;
    expect(stub.applicationMenus).toEqual([]);
  });

  it('on ready: locks the session down, serves app://, guards and loads the window', async () => {
    const shell = startShell(deps().deps)!;
    await emitReady();
    await shell.ready;
    const permission = electronSession.defaultSession.permissionRequestHandler;
    expect(permission).toBeTypeOf('function');
    expect(
      electronSession.defaultSession.permissionCheckHandler?.(...([null, 'media', 'app://console'] as never[])),
    ).toBe(false);
    expect(stub.protocolHandlers.has('app')).toBe(true);
    const window = firstWindow()!;
    expect(shell.window()).toBe(window);
    expect(window.loadedUrls).toEqual(['app://console/index.html']);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    // The guards came through web-contents-created.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.test/' })).toEqual({ action: 'deny' });
    const navigation = fakeEvent({ url: 'https://evil.test/' });
    window.webContents.emit('will-navigate', navigation);
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('answers only the app top frame', async () => {
    const shell = startShell(deps().deps)!;
    await emitReady();
    await shell.ready;
    expect(await invoke('getSettings')).toMatchObject({ ok: true });
    expect(await invoke('getSettings', [], { url: 'app://console/index.html', parent: TOP })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await invoke('getSettings', [], null)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });
});

describe('startShell: single-instance handoff', () => {
  it('cold-start launch, then a second instance: queued until login, bad launch at once, window focused', async () => {
    const d = deps({ argv: [EXE, VALID] });
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    const window = firstWindow()!;

    // Logged out: the valid cold-start launch waits for the session.
    expect(await invoke('takeLaunches')).toEqual({ ok: true, value: [] });
    expect(shell.services()?.launches.pendingCount()).toBe(1);

    // The LRM launches again, badly; Windows puts flags before the URL.
    app.emit(
      'second-instance',
      fakeEvent(),
      ['C:\\SAS\\SAS Console.exe', '--allow-file-access-from-files', BAD],
      'C:\\',
      {},
    );
    expect(window.calls).toEqual(['show', 'focus']);
    const shown = (await invoke('takeLaunches')) as {
      ok: true;
      value: { result: { ok: boolean; errors?: { parameter?: string }[] } }[];
    };
    expect(shown.value).toHaveLength(1);
    expect(shown.value[0]?.result.ok).toBe(false);
    expect(shown.value[0]?.result.errors?.[0]?.parameter).toBe('inseecode');

    // Login: the waiting launch is announced to the window and can be taken.
    d.session.logIn();
    expect(window.webContents.sent.some((m) => m.channel === eventChannel('launch'))).toBe(true);
    const after = (await invoke('takeLaunches')) as { ok: true; value: { result: { ok: boolean } }[] };
    expect(after.value.map((e) => e.result.ok)).toEqual([true]);
    // The log names outcomes and codes, never the patient's commune.
    expect(d.lines.join('\n')).toMatch(/lancement reçu : refusée \(invalid-insee-code\)/u);
    expect(d.lines.join('\n')).not.toContain('47001');
  });

  it('macOS open-url before ready reaches the queue once the services are up', async () => {
    const d = deps();
    const shell = startShell(d.deps)!;
    const event = fakeEvent();
    app.emit('open-url', event, BAD);
    expect(event.defaultPrevented).toBe(true);
    await emitReady();
    await shell.ready;
    const taken = (await invoke('takeLaunches')) as { ok: true; value: unknown[] };
    expect(taken.value).toHaveLength(1);
  });

  it('a plain second start only brings the window forward', async () => {
    const shell = startShell(deps().deps)!;
    await emitReady();
    await shell.ready;
    const window = firstWindow()!;
    window.minimized = true;
    app.emit('second-instance', fakeEvent(), [EXE], '/', {});
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(await invoke('takeLaunches')).toEqual({ ok: true, value: [] });
    expect(shell.services()?.launches.pendingCount()).toBe(0);
  });
});

describe('startShell: quitting', () => {
  it('closes the services and the training backend before the process ends', async () => {
    const d = deps();
    const shell = startShell(d.deps)!;
    await emitReady();
    await shell.ready;
    app.emit('window-all-closed');
    expect(stub.quitCalls).toBe(1);
    await vi.waitFor(() => expect(stub.quitCalls).toBe(2));
    expect(d.training.closed).toBe(true);
    expect(d.built()?.closed()).toBe(true);
  });
});
