// Electron main: the thin entry point (docs/design.md §2). It only gathers what the process gives (argv, environment,
// Electron's stores) and hands it to the shell's wiring in shell.ts.
import { join } from 'node:path';
import { app, ipcMain, safeStorage } from 'electron';
import ElectronStore from 'electron-store';
import { isTrainingBackend } from '../services/backend-environment';
import { BACKEND_URL_VARIABLE } from './backend-choice';
import { parsePhoneSchemes, PHONE_SCHEMES_VARIABLE } from './phone-links';
import { createSafeStorageSecretStore } from './safe-storage';
import { ElectronSettingsStore, electronStoreFactory } from './settings-store';
import { createElectronServices, startEmbeddedTraining } from './services';
import { startShell } from './shell';
import { PRELOAD_PATH, RENDERER_DIR } from './window';

const log = (line: string) => console.error(`[sas-console] ${line}`);

startShell({
  argv: process.argv,
  process: { defaultApp: process.defaultApp === true, execPath: process.execPath, argv: process.argv },
  backendUrlVariable: process.env[BACKEND_URL_VARIABLE],
  rendererDir: RENDERER_DIR,
  preloadPath: PRELOAD_PATH,
  openSettingsStore: () => new ElectronSettingsStore(electronStoreFactory(ElectronStore, ipcMain)),
  openSecretStore: () =>
    createSafeStorageSecretStore({
      safeStorage,
      platform: process.platform,
      filePath: join(app.getPath('userData'), 'secrets.json'),
      whenReady: () => app.whenReady(),
      report: log,
    }),
  startTrainingBackend: () =>
    startEmbeddedTraining(app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'), log),
  phoneSchemes: parsePhoneSchemes(process.env[PHONE_SCHEMES_VARIABLE]),
  isTrainingBackend: (backendUrl) => isTrainingBackend(backendUrl),
  createServices: (context) => createElectronServices(context, app.getPath('userData')),
  log,
});
