import { beforeEach, describe, expect, it, vi } from 'vitest';
import { callChannel, eventChannel } from '@shared/api/console-api';
import { CONSOLE_CALL_NAMES } from '@shared/api/console-api-schemas';
import { forwardConsoleEvents, isTrustedFrame, registerConsoleIpc } from '@main/ipc';
import type { ConsoleCore } from '@services/console-core';
import { ConsoleEventBus } from '@services/event-bus';
import { FakeIpcMain, FakeWebContents } from '@tests/stubs/electron';

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

const top: FakeFrame = { url: 'app://console/index.html', parent: null };
const subframe: FakeFrame = { url: 'app://console/index.html', parent: top };
const foreign: FakeFrame = { url: 'https://evil.test/', parent: null };
const lookAlike: FakeFrame = { url: 'app://console.evil/index.html', parent: null };

function spyCore() {
  const bus = new ConsoleEventBus();
  const calls = {
    getSettings: vi.fn(async () => ({ backendUrl: '' })),
    cancelSearch: vi.fn(async () => undefined),
    login: vi.fn(async () => {
      throw new Error('12 rue de la Paix');
    }),
  };
  const core = { calls, bus, dispose: () => {} } as unknown as ConsoleCore;
  return { core, calls, bus };
}

let ipcMain: FakeIpcMain;
beforeEach(() => {
  ipcMain = new FakeIpcMain();
});

describe('IPC sender check', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedFrame(top as never)).toBe(true);
    expect(isTrustedFrame(subframe as never)).toBe(false);
    expect(isTrustedFrame(foreign as never)).toBe(false);
    expect(isTrustedFrame(lookAlike as never)).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
    expect(isTrustedFrame(undefined)).toBe(false);
  });

  it('registers one handler per console call, and removes them all', () => {
    const { core } = spyCore();
    const unregister = registerConsoleIpc(ipcMain, core, () => {});
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CONSOLE_CALL_NAMES.map((name) => callChannel(name)).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('answers the app top frame', async () => {
    const { core, calls } = spyCore();
    registerConsoleIpc(ipcMain, core, () => {});
    expect(await ipcMain.invoke(callChannel('getSettings'), top, [])).toEqual({ ok: true, value: { backendUrl: '' } });
    expect(await ipcMain.invoke(callChannel('cancelSearch'), top, ['search-1'])).toEqual({
      ok: true,
      value: undefined,
    });
    expect(calls.cancelSearch).toHaveBeenCalledWith('search-1');
  });

  it.each([
    ['a subframe', subframe],
    ['another origin', foreign],
    ['a look-alike origin', lookAlike],
    ['a null frame (gone)', null],
  ])('refuses %s with forbidden-sender, without running the call', async (_name, frame) => {
    const { core, calls } = spyCore();
    registerConsoleIpc(ipcMain, core, () => {});
    const outcome = await ipcMain.invoke(callChannel('cancelSearch'), frame, ['search-1']);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect((outcome as { error: { message: string } }).error.message).toMatch(/refusé/u);
    expect(calls.cancelSearch).not.toHaveBeenCalled();
  });

  it('refuses a bad payload with invalid-arguments, before the service sees it', async () => {
    const { core, calls } = spyCore();
    registerConsoleIpc(ipcMain, core, () => {});
    for (const args of [[42], 'search-1', [{ id: 'x' }], ['a'.repeat(500)], undefined]) {
      expect(await ipcMain.invoke(callChannel('cancelSearch'), top, args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
    expect(
      await ipcMain.invoke(callChannel('updateSettings'), top, [{ backendUrl: 'file:///etc/passwd', extra: 1 }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    expect(calls.cancelSearch).not.toHaveBeenCalled();
  });

  it('hides unexpected errors from the renderer and reports them to main', async () => {
    const { core } = spyCore();
    const unexpected: string[] = [];
    registerConsoleIpc(ipcMain, core, (where) => unexpected.push(where));
    const outcome = await ipcMain.invoke(callChannel('login'), top, []);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(outcome)).not.toContain('Paix');
    expect(unexpected).toEqual(['ipc login']);
  });
});

describe('events to the window', () => {
  it('are sent to the console window only while it lives', () => {
    const { core, bus } = spyCore();
    const contents = new FakeWebContents();
    let target: FakeWebContents | undefined = contents;
    const stop = forwardConsoleEvents(core, () => target as never);
    bus.emit('session', { status: 'logged-out' });
    contents.destroyed = true;
    bus.emit('session', { status: 'logged-out', message: 'x' });
    target = undefined;
    bus.emit('session', { status: 'logged-out', message: 'y' });
    stop();
    contents.destroyed = false;
    bus.emit('session', { status: 'logged-out', message: 'z' });
    expect(contents.sent).toEqual([{ channel: eventChannel('session'), payload: { status: 'logged-out' } }]);
  });
});
