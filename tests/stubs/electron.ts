// Stand-in for the `electron` module in unit tests (vitest aliases `electron` here: the binary cannot be
// downloaded on these machines). It does nothing Electron does; it records what main and preload ask of it and
// lets a test drive the events (ready, second-instance, open-url, web-contents-created...).
// Call `resetElectronStub()` in `beforeEach`: the exported objects keep their identity, their state is renewed.
import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent } from 'electron';

type Listener = (...args: never[]) => unknown;

/** A minimal Electron `Event`: preventDefault and defaultPrevented, plus any details (url...). */
export function fakeEvent<T extends object>(
  details: T = {} as T,
): T & { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    ...details,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

interface StubState {
  singleInstanceLock: boolean;
  ready: Deferred;
  isReady: boolean;
  quitCalls: number;
  sandboxEnabled: boolean;
  protocolClients: { scheme: string; path?: string; args?: string[] }[];
  protocolClientAccepted: boolean;
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, (request: Request) => Promise<Response> | Response>;
  openedExternally: string[];
  version: string;
  userData: string;
  isPackaged: boolean;
  /** Every `Menu.setApplicationMenu` call (null: no menu). */
  applicationMenus: unknown[];
}

function freshState(): StubState {
  return {
    singleInstanceLock: true,
    ready: deferred(),
    isReady: false,
    quitCalls: 0,
    sandboxEnabled: false,
    protocolClients: [],
    protocolClientAccepted: true,
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    openedExternally: [],
    version: '0.1.0-test',
    userData: '/tmp/sas-console-stub',
    isPackaged: false,
    applicationMenus: [],
  };
}

/** What the stub recorded; tests read and tune it. */
export let stub: StubState = freshState();

class FakeApp extends EventEmitter {
  get isPackaged(): boolean {
    return stub.isPackaged;
  }
  requestSingleInstanceLock(): boolean {
    return stub.singleInstanceLock;
  }
  quit(): void {
    stub.quitCalls += 1;
    // Electron emits will-quit on the way out; a listener may prevent it (to close services first).
    this.emit('will-quit', fakeEvent());
  }
  enableSandbox(): void {
    stub.sandboxEnabled = true;
  }
  setAsDefaultProtocolClient(scheme: string, path?: string, args?: string[]): boolean {
    stub.protocolClients.push({
      scheme,
      ...(path !== undefined ? { path } : {}),
      ...(args !== undefined ? { args } : {}),
    });
    return stub.protocolClientAccepted;
  }
  whenReady(): Promise<void> {
    return stub.ready.promise;
  }
  isReady(): boolean {
    return stub.isReady;
  }
  getVersion(): string {
    return stub.version;
  }
  getPath(_name: string): string {
    return stub.userData;
  }
}

export const app = new FakeApp();

/** Makes the app ready, as Electron does once: `whenReady` resolves and `ready` is emitted. */
export function emitReady(): Promise<void> {
  stub.isReady = true;
  stub.ready.resolve();
  app.emit('ready', fakeEvent(), {});
  return stub.ready.promise;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Electron's own signature for invoke handlers
type InvokeHandler = (event: IpcMainInvokeEvent, ...args: any[]) => unknown;

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls a handler as `ipcRenderer.invoke` would, with the given sender frame. */
  async invoke(channel: string, senderFrame: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame, sender: undefined } as unknown as IpcMainInvokeEvent, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    stub.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    stub.protocolHandlers.set(scheme, handler);
  },
};

export const Menu = {
  setApplicationMenu(menu: unknown): void {
    stub.applicationMenus.push(menu);
  },
};

export const shell = {
  async openExternal(url: string): Promise<void> {
    stub.openedExternally.push(url);
  },
};

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  setPermissionRequestHandler(handler: Listener | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Listener | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Listener | null): void {
    this.devicePermissionHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  readonly calls: string[] = [];
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    BrowserWindow.instances.push(this);
    // Electron creates the window's webContents, and emits web-contents-created for it.
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
}

interface SafeStorageState {
  backend: string;
  asyncAvailable: boolean;
  shouldReEncrypt: boolean;
}

/** A reversible fake of safeStorage: "encryption" is a marker plus reversed bytes, enough to tell it happened. */
export const safeStorage = {
  state: { backend: 'gnome_libsecret', asyncAvailable: true, shouldReEncrypt: false } as SafeStorageState,
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return safeStorage.state.asyncAvailable;
  },
  getSelectedStorageBackend(): string {
    return safeStorage.state.backend;
  },
  async encryptStringAsync(plain: string): Promise<Buffer> {
    if (!safeStorage.state.asyncAvailable) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('enc:'), Buffer.from(plain, 'utf8').reverse()]);
  },
  async decryptStringAsync(data: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (!data.subarray(0, 4).equals(Buffer.from('enc:')))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return {
      result: Buffer.from(data.subarray(4)).reverse().toString('utf8'),
      shouldReEncrypt: safeStorage.state.shouldReEncrypt,
    };
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};

export class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  reply: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: undefined });
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.reply(channel, ...args);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

/** Renews every recorded state; the exported objects stay the same (modules under test hold them). */
export function resetElectronStub(): void {
  stub = freshState();
  app.removeAllListeners();
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  session.defaultSession = new FakeSession();
  BrowserWindow.instances.length = 0;
  safeStorage.state = { backend: 'gnome_libsecret', asyncAvailable: true, shouldReEncrypt: false };
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
  ipcRenderer.reply = () => ({ ok: true, value: undefined });
}

export default { app, Menu, ipcMain, protocol, shell, session, BrowserWindow, safeStorage, contextBridge, ipcRenderer };
