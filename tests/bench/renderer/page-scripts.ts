// Code that runs inside the renderer's page (passed to Playwright's addInitScript / evaluate, so each function is
// self-contained: no imports, no outer variables). The bench process never shares objects with the page.
import type { LaunchEvent } from '@shared/api/console-api';
import type { SearchEvent } from '@shared/domain/search';

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps inner functions in `__name(fn, "name")` calls: the
 * page needs that helper too, before any of the functions below run there.
 */
export const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((fn) => fn);';

interface BenchPage {
  searchId?: string;
  events: SearchEvent[];
  load(events: SearchEvent[]): void;
  /** Emits the loaded events [from, to) of the search at once (default: all not played yet); returns when it started. */
  play(from?: number, to?: number): number;
}

interface MapLike {
  panBy(offset: [number, number], options?: { duration?: number; animate?: boolean }): unknown;
}

/**
 * A console API (window.sasConsole) that serves one LRM launch and, for its search, whatever stream the bench
 * loads then plays. Like the scripted console of tests/e2e/ui-workspace.spec.ts: the renderer cannot tell.
 */
export function installBenchConsole(launch: LaunchEvent): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const emit = (name: string, payload: unknown) => listeners.get(name)?.forEach((listener) => listener(payload));
  let launches = [launch];
  let played = 0;
  const bench: BenchPage = {
    events: [],
    load(events) {
      bench.events = events;
    },
    play(from = played, to = bench.events.length) {
      const started = performance.now();
      performance.mark('bench-play');
      for (const event of bench.events.slice(from, to)) emit('search', { searchId: bench.searchId, event });
      played = Math.max(played, to);
      return started;
    },
  };
  const settings = {
    backendUrl: '',
    environmentLabel: 'FORMATION',
    bookingOrigin: 'SAS',
    ui: { density: 'comfortable', showMap: true },
  };
  const target = window as unknown as { __bench: BenchPage; sasConsole: unknown };
  target.__bench = bench;
  const scripted: Record<string, unknown> = {
    getEnvironment: async () => ({ mode: 'training', label: 'FORMATION', backendUrl: '', version: 'bench' }),
    getSession: async () => ({
      status: 'logged-in',
      user: { nationalId: '899900000001', givenName: 'Camille', familyName: 'Régulatrice' },
      expiresAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
    }),
    login: async () => ({ status: 'logged-out' }),
    cancelLogin: async () => undefined,
    logout: async () => undefined,
    takeLaunches: async () => {
      const taken = launches;
      launches = [];
      return taken;
    },
    suggestLocations: async () => [],
    startSearch: async () => {
      bench.searchId = 'recherche-bench';
      return { searchId: bench.searchId };
    },
    cancelSearch: async () => undefined,
    retrySources: async () => undefined,
    loadMoreOffer: async () => undefined,
    openBooking: async () => undefined,
    listAppointments: async () => [],
    recordContact: async () => ({
      id: 'j1',
      at: new Date().toISOString(),
      kind: 'contact',
      targetId: 'x',
      targetName: 'x',
    }),
    listJournal: async () => [],
    exportJournalCsv: async () => '',
    getSettings: async () => settings,
    updateSettings: async () => settings,
    on: (name: string, listener: Listener) => {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  // The preload's shape: each call resolves with its outcome.
  for (const [name, call] of Object.entries(scripted)) {
    if (name !== 'on')
      scripted[name] = async (...args: never[]) => ({
        ok: true,
        value: await (call as (...a: never[]) => Promise<unknown>)(...args),
      });
  }
  target.sasConsole = scripted;
}

/**
 * Stands in for the React developer tools: React (production builds too) hands every committed fiber tree to
 * `__REACT_DEVTOOLS_GLOBAL_HOOK__`. The bench walks those trees to find the map component's ref holding the
 * maplibre Map, so it can drive `map.panBy` itself. Read-only; nothing in the app changes.
 */
export function installFiberHook(): void {
  interface Fiber {
    child: Fiber | null;
    sibling: Fiber | null;
    memoizedState: unknown;
  }
  const roots = new Set<{ current: Fiber }>();
  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => roots.add(root),
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    checkDCE: () => undefined,
  };
  (window as unknown as { __benchFindMap: () => MapLike | undefined }).__benchFindMap = () => {
    const stack: Fiber[] = [...roots].map((root) => root.current);
    while (stack.length > 0) {
      const fiber = stack.pop();
      if (!fiber) break;
      // A function component's hooks: a linked list of { memoizedState, next }; a ref's state is { current }.
      let hook = fiber.memoizedState as { memoizedState?: unknown; next?: unknown } | null;
      for (let i = 0; hook && typeof hook === 'object' && 'next' in hook && i < 200; i += 1) {
        const state = hook.memoizedState as { current?: { panBy?: unknown } } | null;
        if (state && typeof state === 'object' && state.current && typeof state.current.panBy === 'function')
          return state.current as MapLike;
        hook = hook.next as typeof hook;
      }
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
    return undefined;
  };
}

export interface RenderTiming {
  /** From the stream played to the first frame painted after the list holds every result. */
  listMs: number;
  /** Rows in the list then. */
  rows: number;
  /** From the stream played to the map drawing all the markers (idle). */
  mapMs: number;
  /** Scroll to the end of the list, until the last row is on screen and painted. */
  lastCardMs: number;
}

/** Plays the loaded stream and times the list and the map catching up with it (page side). */
export async function playAndTimeRender(expectedRows: number): Promise<RenderTiming> {
  const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
  const bench = (window as unknown as { __bench: BenchPage }).__bench;
  const list = () => document.querySelector<HTMLElement>('[data-testid="result-list"]');
  const map = () => document.querySelector<HTMLElement>('[data-testid="result-map"]');
  const started = bench.play();
  let listMs = Number.NaN;
  let rows = 0;
  let mapMs = Number.NaN;
  const deadline = started + 60_000;
  while (performance.now() < deadline && (Number.isNaN(listMs) || Number.isNaN(mapMs))) {
    await nextFrame();
    const element = list();
    rows = Number(element?.dataset.rowCount ?? 0);
    if (Number.isNaN(listMs) && rows >= expectedRows && element?.querySelector('article.card')) {
      // This frame's DOM is complete; the next frame starts once it has been produced.
      listMs = (await nextFrame()) - started;
    }
    const m = map();
    if (Number.isNaN(mapMs) && m && Number(m.dataset.renderedMarkers ?? 0) > 0 && m.dataset.idle === 'true')
      mapMs = performance.now() - started;
  }
  const element = list();
  let lastCardMs = Number.NaN;
  if (element) {
    const scrolled = performance.now();
    const last = rows - 1;
    for (let i = 0; i < 600; i += 1) {
      element.scrollTo({ top: element.scrollHeight });
      await nextFrame();
      if (element.querySelector(`[role="listitem"][data-index="${last}"]`)) {
        lastCardMs = (await nextFrame()) - scrolled;
        break;
      }
    }
  }
  return { listMs, rows, mapMs, lastCardMs };
}

/**
 * Pans the map with `map.panBy` once per frame, half the frames one way and half back (the view ends where it
 * started), and returns the frame-to-frame times (page side).
 */
export async function panAndTimeFrames(args: { frames: number; stepPx: number }): Promise<number[]> {
  const findMap = (window as unknown as { __benchFindMap?: () => MapLike | undefined }).__benchFindMap;
  const map = findMap?.();
  if (!map) throw new Error('maplibre map not found in the React tree');
  const deltas: number[] = [];
  await new Promise<void>((resolve) => {
    let previous: number | undefined;
    let frame = 0;
    const tick = (now: number) => {
      if (previous !== undefined) deltas.push(now - previous);
      previous = now;
      if (frame >= args.frames) return resolve();
      // Back and forth so the view stays over the markers.
      const direction = frame < args.frames / 2 ? 1 : -1;
      map.panBy([direction * args.stepPx, (direction * args.stepPx) / 2], { duration: 0 });
      frame += 1;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return deltas;
}
