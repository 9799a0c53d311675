// The Electron shell's wiring (docs/design.md §2): single-instance lock, sandbox, app:// protocol, guards on every
// webContents, launches, backend choice (training or connected), the console services behind checked IPC, and the
// window. The services come in through `ShellDeps.createServices`, so tests run this with the electron stub.
import { unavailableServices } from './unavailable-services';
import { randomUUID } from 'node:crypto';
import { app, type BrowserWindow, ipcMain, Menu, protocol, session, shell } from 'electron';
import type { EnvironmentInfo } from '../../shared/api/console-api';
import type { LaunchParseResult } from '../../shared/domain/launch';
import { findLaunchUrl } from '../../shared/launch/parse-launch';
import type { ConsoleServices } from '../services/compose';
import type { SecretStore } from '../services/secret-store';
import { SettingsService, type SettingsStore } from '../services/settings';
import { APP_SCHEME_PRIVILEGES, serveAppProtocol } from './app-protocol';
import { backendUrlProblem, chooseBackend, environmentInfo, type BackendChoice } from './backend-choice';
import { ExternalAllowList } from './external-allow-list';
import { createExternalOpener } from './external-opener';
import { forwardConsoleEvents, registerConsoleIpc } from './ipc';
import { LaunchIntake } from './launch-intake';
import { registerProtocolClient, type ProcessFacts } from './protocol-client';
import { DEFAULT_PHONE_SCHEMES, type PhoneScheme } from './phone-links';
import { guardAllWebContents, lockDownSession } from './web-guards';
import { openMainWindow, revealWindow } from './window';

/** The embedded backend and training environment, on loopback (implemented with the backend). */
export interface TrainingBackend {
  backendUrl: string;
  close(): Promise<void>;
}

/** What the services are built from once the backend is known (see electron/services/compose.ts). */
export interface ServiceContext {
  mode: 'training' | 'connected';
  backendUrl: string;
  environment: EnvironmentInfo;
  settingsStore: SettingsStore;
  secrets: SecretStore;
  /**
   * The system-browser allow-list. The backend (identity provider) is on it already; the publishers' booking
   * origins go in with `allowList.set('publishers', ...)` when the backend's registry is read.
   */
  allowList: ExternalAllowList;
  /** The only way to open the system browser: rejects (French message) a URL whose origin is not allowed. */
  openExternal: (url: string) => Promise<void>;
  log: (line: string) => void;
}

export interface ShellDeps {
  /** `process.argv` of this (first) instance. */
  argv: readonly string[];
  process: ProcessFacts;
  /** `process.env.SAS_BACKEND_URL` (undefined when unset). */
  backendUrlVariable: string | undefined;
  rendererDir: string;
  preloadPath: string;
  /** Opened only once this instance holds the single-instance lock. */
  openSettingsStore: () => SettingsStore;
  openSecretStore: () => SecretStore;
  /** Starts the embedded backend and training environment on loopback (training mode only). */
  startTrainingBackend: () => Promise<TrainingBackend>;
  /** Whether a separate backend is a training one (it then shows « FORMATION » too); absent: not asked. */
  isTrainingBackend?: (backendUrl: string) => Promise<boolean>;
  /** The console's services for a backend. Absent or failing: every call says "indisponible", in French. */
  createServices?: (context: ServiceContext) => ConsoleServices | Promise<ConsoleServices>;
  log: (line: string) => void;
  /** Phone link schemes handed to the workstation's softphone (default `tel:`; `SAS_PHONE_SCHEMES`). */
  phoneSchemes?: readonly PhoneScheme[];
  now?: () => Date;
  newId?: () => string;
}

export interface ConsoleShell {
  allowList: ExternalAllowList;
  /** Settles once the backend is chosen (training started), IPC is registered and the window is open. */
  ready: Promise<void>;
  window(): BrowserWindow | undefined;
  services(): ConsoleServices | undefined;
  environment(): EnvironmentInfo | undefined;
}

/** Starts the shell; undefined when another instance already runs (this one hands its argv over and quits). */
export function startShell(deps: ShellDeps): ConsoleShell | undefined {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  const log = deps.log;
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  // Before ready: every renderer sandboxed, and the app:// scheme privileged (standard, secure, fetch).
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  const allowList = new ExternalAllowList();
  const openExternal = createExternalOpener({ allows: (url) => allowList.allows(url), shell, log });
  guardAllWebContents(app, {
    allowsExternal: (url) => allowList.allows(url),
    openExternal: (url) => void openExternal(url),
    log,
    phoneSchemes: deps.phoneSchemes ?? DEFAULT_PHONE_SCHEMES,
    openPhone: (link) => {
      // Electronegativity asks for a review of every openExternal with a non-constant URL. Reviewed: `link` was
      // rebuilt by phoneLinkToOpen from an allowed phone scheme and a checked number or SIP address.
      shell.openExternal(link).catch(() => log('numéro non transmis au téléphone du poste')); // eng-disable OPEN_EXTERNAL_JS_CHECK
    },
  });
  if (!registerProtocolClient(app, deps.process)) log('enregistrement du protocole sas-console refusé par le système');

  let window: BrowserWindow | undefined;
  let services: ConsoleServices | undefined;
  let environment: EnvironmentInfo | undefined;
  let training: TrainingBackend | undefined;

  const intake = new LaunchIntake({ findLaunchUrl, reveal: () => revealWindow(window) });
  intake.listen(app);
  intake.fromArgv(deps.argv);

  const settingsStore = deps.openSettingsStore();
  const settings = new SettingsService(settingsStore);
  if (settings.loadProblem) log(settings.loadProblem);
  const secrets = deps.openSecretStore();

  const fallback = (env: EnvironmentInfo, message: string) =>
    unavailableServices({ environment: env, settingsStore, message, now, newId });

  const connect = async (
    choice: BackendChoice,
  ): Promise<{ environment: EnvironmentInfo; services: ConsoleServices }> => {
    const facts = { version: app.getVersion(), settingsLabel: settings.get().environmentLabel };
    if (choice.mode === 'misconfigured') {
      log(choice.problem);
      const env = environmentInfo(choice, facts);
      return { environment: env, services: fallback(env, choice.problem) };
    }
    let backendUrl: string;
    if (choice.mode === 'training') {
      try {
        training = await deps.startTrainingBackend();
        const problem = backendUrlProblem(training.backendUrl);
        if (problem) throw new Error(problem);
        backendUrl = training.backendUrl;
      } catch (error) {
        log(`environnement de formation non démarré : ${describeError(error)}`);
        const env = environmentInfo(choice, facts);
        return {
          environment: env,
          services: fallback(
            env,
            'L’environnement de formation n’a pas pu démarrer. Redémarrez la console ; si cela persiste, prévenez le support.',
          ),
        };
      }
    } else {
      backendUrl = choice.backendUrl;
    }
    const trainingServer = choice.mode === 'connected' && (await deps.isTrainingBackend?.(backendUrl)) === true;
    const env = trainingServer
      ? environmentInfo({ mode: 'training' }, { ...facts, trainingBackendUrl: backendUrl })
      : environmentInfo(choice, { ...facts, trainingBackendUrl: backendUrl });
    // The backend is the identity provider the login page is opened on.
    allowList.set('identity-provider', [new URL(backendUrl).origin]);
    if (!deps.createServices)
      return { environment: env, services: fallback(env, 'Services de la console non intégrés à cette version.') };
    try {
      const built = await deps.createServices({
        mode: choice.mode,
        backendUrl,
        environment: env,
        settingsStore,
        secrets,
        allowList,
        openExternal: async (url) => {
          if (!(await openExternal(url)))
            throw new Error('Adresse refusée : son origine n’est pas dans la liste autorisée de la console.');
        },
        log,
      });
      return { environment: env, services: built };
    } catch (error) {
      log(`services de la console non démarrés : ${describeError(error)}`);
      return {
        environment: env,
        services: fallback(
          env,
          'Les services de la console n’ont pas pu démarrer. Redémarrez la console ; si cela persiste, prévenez le support.',
        ),
      };
    }
  };

  const showWindow = () => {
    const opened = openMainWindow({ preloadPath: deps.preloadPath });
    window = opened.window;
    opened.window.on('closed', () => {
      window = undefined;
    });
    opened.loaded.catch(() => log('chargement de la page de la console impossible'));
  };

  const ready = app.whenReady().then(async () => {
    // A production build has no menu: the default one offers DevTools and reload to anyone at the workstation.
    if (app.isPackaged) Menu.setApplicationMenu(null);
    lockDownSession(session.defaultSession, log);
    serveAppProtocol(protocol, deps.rendererDir, () => []);
    const connected = await connect(
      chooseBackend({
        environmentUrl: deps.backendUrlVariable,
        settingsUrl: settings.get().backendUrl,
        settingsUrlDamaged: settings.backendUrlDamaged,
      }),
    );
    environment = connected.environment;
    services = connected.services;
    const { core, launches } = connected.services;
    registerConsoleIpc(ipcMain, core, (where) => log(`erreur inattendue : ${where}`));
    forwardConsoleEvents(core, () => window?.webContents);
    intake.deliverTo((url) => log(`lancement reçu : ${describeLaunch(launches.receive(url).result)}`));
    showWindow();
  });
  ready.catch((error: unknown) => log(`démarrage de la console impossible : ${describeError(error)}`));

  app.on('activate', () => {
    // macOS: a click on the dock icon with no window open brings the console back.
    if (services && !window) showWindow();
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || (!training && !services)) return;
    // The services hold timers and a session; the training backend a database and loopback ports: close them
    // before the process ends, then quit for real.
    closing = true;
    event.preventDefault();
    const running = [services?.close(), training?.close()];
    // allSettled never rejects: every close is awaited, whichever fails, and the app quits in every case.
    void Promise.allSettled(running).then(() => app.quit());
  });

  return {
    allowList,
    ready,
    window: () => window,
    services: () => services,
    environment: () => environment,
  };
}

/** A launch for the log: its outcome and issue codes, never its parameters (they carry the patient's address). */
function describeLaunch(result: LaunchParseResult): string {
  if (result.ok) return `valide (${result.request.via})`;
  return `refusée (${result.errors.map((issue) => issue.code).join(', ')})`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : 'erreur inconnue';
}
