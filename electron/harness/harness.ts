// The web harness: the console's services, a bridge server and the built renderer in one Node process.
// Tests start it in-process; `npm run start:web` runs it for a person.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { EnvironmentInfo } from '../../shared/api/console-api';
import { parseLaunch } from '../../shared/launch/parse-launch';
import { createConsoleCore, type ConsoleCore } from '../services/console-core';
import { ConsoleEventBus } from '../services/event-bus';
import { Journal, MemoryJournalStore } from '../services/journal';
import { LaunchQueue } from '../services/launch-queue';
import { MemorySettingsStore, SettingsService } from '../services/settings';
import { unavailableAppointments, unavailableBooking, unavailablePlaces, unavailableSearch, unavailableSession } from '../services/unavailable';
import { startBridgeServer, type BridgeServer } from './bridge-server';

export interface HarnessOptions {
  port?: number;
  rendererDir?: string;
  log?: (line: string) => void;
}

export interface Harness {
  url: string;
  bridge: BridgeServer;
  core: ConsoleCore;
  /** Delivers a launch as the OS would when the LRM opens the console's URL. */
  launch: (input: string | readonly string[]) => void;
  close: () => Promise<void>;
}

const defaultRendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const log = options.log ?? (() => {});
  const bus = new ConsoleEventBus();
  const launches = new LaunchQueue({
    parse: (input) => parseLaunch(input),
    now: () => new Date(),
    newId: () => randomUUID(),
    onReady: (event) => bus.emit('launch', event),
  });
  const environment: EnvironmentInfo = { mode: 'training', label: 'FORMATION', backendUrl: '', version: '0.1.0' };
  const core = createConsoleCore({
    environment: { get: () => environment },
    session: unavailableSession('Environnement de formation en cours de préparation.'),
    launches,
    search: unavailableSearch,
    places: unavailablePlaces,
    booking: unavailableBooking,
    appointments: unavailableAppointments,
    settings: new SettingsService(new MemorySettingsStore()),
    journal: new Journal({ store: new MemoryJournalStore(), now: () => new Date(), newId: () => randomUUID(), onChange: (entries) => bus.emit('journal', entries) }),
    bus,
  });
  const bridge = await startBridgeServer({
    core,
    rendererDir: options.rendererDir ?? defaultRendererDir,
    port: options.port,
    launch: (input) => launches.receive(input),
    onUnexpected: (where, error) => log(`erreur inattendue (${where}) : ${error instanceof Error ? error.name : 'inconnue'}`),
  });
  return {
    url: bridge.url,
    bridge,
    core,
    launch: (input) => {
      launches.receive(input);
    },
    close: async () => {
      await bridge.close();
      core.dispose();
    },
  };
}
