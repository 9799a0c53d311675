// The web harness: the console's services, a bridge server and the built renderer in one Node process. By default
// on the training environment (training PSC, simulated publishers, SAS backend — real servers on loopback), started
// in-process; with a backend URL (`SAS_BACKEND_URL`), against that separate backend, as a workstation runs. Tests
// start it in-process; `npm run start:web` runs it for a person. "Open in the system browser" opens a page of the
// same browser, through the bridge.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { EnvironmentInfo } from '../../shared/api/console-api';
import {
  startTrainingEnvironment,
  type TrainingEnvironment,
  type TrainingEnvironmentOptions,
} from '../../backend/training/environment';
import { backendIssuer, normalizeBackendBase } from '@shared/util/backend-url';
import type { Logger } from '@shared/util/logger';
import { isTrainingBackend } from '../services/backend-environment';
import { createConsoleServices, type ConsoleServices } from '../services/compose';
import { MemoryJournalStore, type JournalStore } from '../services/journal';
import { MemorySecretStore } from '../services/secret-store';
import { createSessionService } from '../services/session/session-service';
import { MemorySettingsStore } from '../services/settings';
import { startBridgeServer, type BridgeServer } from './bridge-server';

export interface HarnessOptions {
  port?: number;
  rendererDir?: string;
  training?: TrainingEnvironmentOptions;
  journalStore?: JournalStore;
  log?: (line: string) => void;
  /** Where the console's services log; silent when absent (tests). */
  logger?: Logger;
}

interface ConsoleHarness {
  /** The address to open in the browser: it carries the one-time key that hands the page its bridge token. */
  url: string;
  bridge: BridgeServer;
  services: ConsoleServices;
  /** The console's session service (tests end or refresh the session as the backend would). */
  session: ReturnType<typeof createSessionService>;
  /** Delivers a launch as the OS would when the LRM opens the console's URL. */
  launch: (input: string | readonly string[]) => void;
  close: () => Promise<void>;
}

export interface Harness extends ConsoleHarness {
  training: TrainingEnvironment;
}

export type ConnectedHarness = ConsoleHarness;

const defaultRendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const VERSION = '0.1.0';

/** The console on the built-in training environment. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const log = options.log ?? (() => {});
  const training = await startTrainingEnvironment({
    ...options.training,
    log: options.training?.log ?? ((level, message) => log(`[${level}] ${message}`)),
  });
  try {
    const environment: EnvironmentInfo = {
      mode: 'training',
      label: 'FORMATION',
      backendUrl: training.backendUrl,
      version: VERSION,
    };
    const console = await startConsole(options, training.backendUrl, environment);
    return { ...console, training, close: () => console.close().finally(() => training.close()) };
  } catch (error) {
    await training.close();
    throw error;
  }
}

/** The console against a backend that runs as its own process (a path prefix is accepted). */
export async function startConnectedHarness(
  backendUrl: string,
  options: Omit<HarnessOptions, 'training'> & { environmentLabel?: string } = {},
): Promise<ConnectedHarness> {
  const base = normalizeBackendBase(backendUrl);
  const training = await isTrainingBackend(base);
  const environment: EnvironmentInfo = training
    ? { mode: 'training', label: 'FORMATION', backendUrl: base, version: VERSION }
    : { mode: 'connected', label: options.environmentLabel ?? '', backendUrl: base, version: VERSION };
  return startConsole(options, base, environment);
}

async function startConsole(
  options: HarnessOptions,
  backendUrl: string,
  environment: EnvironmentInfo,
): Promise<ConsoleHarness> {
  const log = options.log ?? (() => {});
  let bridge: BridgeServer | undefined;
  const openExternal = async (url: string) => {
    if (!bridge) throw new Error('bridge not started');
    // Electronegativity asks for a review of every openExternal with a non-constant URL. Reviewed: this is the web
    // harness (no Electron): the bridge asks the test browser to open a page; the booking service and the session
    // service have checked the URL before calling.
    bridge.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  };
  const session = createSessionService({
    issuer: backendIssuer(backendUrl),
    openExternal,
    secretStore: new MemorySecretStore(),
  });
  const services = createConsoleServices({
    environment,
    backendUrl,
    settingsStore: new MemorySettingsStore(),
    journalStore: options.journalStore ?? new MemoryJournalStore(),
    session,
    openExternal,
    newId: () => randomUUID(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  try {
    bridge = await startBridgeServer({
      core: services.core,
      rendererDir: options.rendererDir ?? defaultRendererDir,
      port: options.port,
      launch: (input) => services.launches.receive(input),
      onUnexpected: (where, error) =>
        log(
          `erreur inattendue (${where}) : ${error instanceof Error ? `${error.name}: ${error.message}` : 'inconnue'}`,
        ),
    });
  } catch (error) {
    await services.close();
    throw error;
  }
  const started = bridge;
  return {
    url: started.url,
    bridge: started,
    services,
    session,
    launch: (input) => {
      services.launches.receive(input);
    },
    close: async () => {
      await started.close();
      await services.close();
    },
  };
}
