// The console's services for Electron: the same composition as the web harness, with the workstation's stores
// (electron-store settings, safeStorage secrets, the journal file) and the allow-listed system browser.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { startTrainingEnvironment } from '../../backend/training/environment';
import { backendIssuer } from '@shared/util/backend-url';
import { createStderrLogger } from '@shared/util/logger';
import { createConsoleServices, type ConsoleServices } from '../services/compose';
import { FileJournalStore } from '../services/journal-file-store';
import { createSessionService } from '../services/session/session-service';
import type { ServiceContext, TrainingBackend } from './shell';

/** The embedded backend and training environment, on loopback (training mode). */
export async function startEmbeddedTraining(
  resourcesDir: string,
  log: (line: string) => void,
): Promise<TrainingBackend> {
  // The data files are next to the app (extraResources when packaged), not next to the bundled code.
  const env = await startTrainingEnvironment({
    trainingDir: join(resourcesDir, 'training'),
    geoDir: join(resourcesDir, 'geo'),
    log: (level, message) => log(`[${level}] ${message}`),
    // A broker for the simulated LRMs and the LRM link, when the workstation has one; otherwise the link is off.
    ...(process.env.SAS_LRM_AMQP_URL ? { lrmAmqpUrl: process.env.SAS_LRM_AMQP_URL } : {}),
  });
  return { backendUrl: env.backendUrl, close: () => env.close() };
}

export function createElectronServices(context: ServiceContext, userDataDir: string): ConsoleServices {
  const logger = createStderrLogger({ scope: 'console' });
  const session = createSessionService({
    issuer: backendIssuer(context.backendUrl),
    openExternal: context.openExternal,
    secretStore: context.secrets,
    logger: logger.child('session'),
  });
  // restore() logs and shows its own failures; anything else it throws is unexpected.
  void session.restore().catch((error: unknown) => logger.unexpected('session restore', error));
  return createConsoleServices({
    environment: context.environment,
    backendUrl: context.backendUrl,
    settingsStore: context.settingsStore,
    journalStore: new FileJournalStore(join(userDataDir, 'journal', 'orientations.jsonl')),
    session,
    openExternal: context.openExternal,
    newId: () => randomUUID(),
    onPublisherOrigins: (origins) => context.allowList.set('publishers', origins),
    logger,
  });
}
