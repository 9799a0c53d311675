// The bench's servers run in child processes (the simulated publishers in one, the backend in another) so the
// client that measures, the backend and the publishers do not share one event loop: on this 2-core machine a
// publisher building its answers in the backend's thread would be counted as backend time. This is the small
// call protocol between the bench and those children, over Node's IPC channel.
import { fork, type ChildProcess } from 'node:child_process';

type ToChild = { kind: 'call'; id: number; method: string; args: unknown };
type FromChild =
  | { kind: 'ready'; info: unknown }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: string };

const TAIL_BYTES = 8_000;

export class ChildService<Info> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly info: Info,
    private readonly tail: () => string,
  ) {
    child.on('message', (message: FromChild) => {
      if (message.kind !== 'reply') return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.value);
      else waiting?.reject(new Error(message.error));
    });
    child.on('exit', (code) => {
      this.exited = true;
      for (const waiting of this.pending.values())
        waiting.reject(new Error(`child process exited (${code}) during a call\n${this.tail()}`));
      this.pending.clear();
    });
  }

  /** Starts `entry` (a .ts file, run through the same tsx loader as the bench) and waits for it to be ready. */
  static async start<Info>(entry: string, startArgs: unknown, readyTimeoutMs = 60_000): Promise<ChildService<Info>> {
    const child = fork(entry, [JSON.stringify(startArgs)], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-TAIL_BYTES);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const tail = () =>
      output
        .split('\n')
        .filter((line) => !/oidc-provider WARNING/u.test(line))
        .join('\n')
        .trim();
    const info = await new Promise<Info>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error(`${entry}: not ready after ${readyTimeoutMs} ms\n${tail()}`));
      }, readyTimeoutMs);
      child.on('message', (message: FromChild) => {
        if (message.kind !== 'ready') return;
        clearTimeout(timer);
        resolve(message.info as Info);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${entry}: exited (${code}) before being ready\n${tail()}`));
      });
    });
    return new ChildService<Info>(child, info, tail);
  }

  call<T>(method: string, args?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`child process has exited\n${this.tail()}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const message: ToChild = { kind: 'call', id, method, args };
      this.child.send(message);
    });
  }

  /** Asks the child to close its servers and exit; kills it if it has not exited within `graceMs`. */
  async close(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await Promise.race([this.call('close').catch(() => undefined), exited]);
    const timer = setTimeout(() => this.child.kill(), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

export type Handlers = Record<string, (args: unknown) => Promise<unknown>>;

/** Child side: the start arguments the bench passed. */
export function startArgs<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** Child side: answers the bench's calls; `close` runs `onClose` then exits the process. */
export function serveCalls(info: unknown, handlers: Handlers, onClose: () => Promise<void>): void {
  const send = (message: FromChild, then?: () => void) => process.send?.(message, undefined, undefined, () => then?.());
  process.on('message', (message: ToChild) => {
    if (message.kind !== 'call') return;
    if (message.method === 'close') {
      void onClose()
        .catch(() => undefined)
        .finally(() => send({ kind: 'reply', id: message.id, ok: true, value: null }, () => process.exit(0)));
      return;
    }
    // Every child reports its CPU time (ms, user + system), to tell where a slow figure's time went.
    const builtIn: Handlers = {
      cpuTime: async () => {
        const usage = process.cpuUsage();
        return (usage.user + usage.system) / 1000;
      },
    };
    const handler = handlers[message.method] ?? builtIn[message.method];
    if (!handler) {
      send({ kind: 'reply', id: message.id, ok: false, error: `unknown method ${message.method}` });
      return;
    }
    handler(message.args).then(
      (value) => send({ kind: 'reply', id: message.id, ok: true, value: value ?? null }),
      (error: unknown) =>
        send({
          kind: 'reply',
          id: message.id,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
  // The bench went away (crash, Ctrl-C): do not outlive it.
  process.on('disconnect', () => {
    void onClose().finally(() => process.exit(0));
  });
  send({ kind: 'ready', info });
}
