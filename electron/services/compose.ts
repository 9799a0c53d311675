// Builds the console's services around one backend URL: the same composition under Electron main and in the web
// harness; only the stores and the "open in the system browser" function differ.
import type { EnvironmentInfo } from '../../shared/api/console-api';
import { type Logger, silentLogger } from '@shared/util/logger';
import { parseLaunch } from '../../shared/launch/parse-launch';
import { createAgendaService } from './agenda-service';
import { createAppointmentsService } from './appointments-service';
import { createBackendApi } from './backend-api';
import { createBookingService } from './booking-service';
import { createConsoleCore, type ConsoleCore } from './console-core';
import { ConsoleEventBus } from './event-bus';
import { Journal, type JournalStore } from './journal';
import { LaunchQueue } from './launch-queue';
import { createPlacesService } from './places-service';
import type { SessionPort } from './ports';
import { createBackendSearch } from './search-service';
import { SettingsService, type SettingsStore } from './settings';
import type { ApiCredential } from './session/dpop-key';

/** The session as the other services need it: its state, and a fresh access token for backend calls. */
export interface ConsoleSession extends SessionPort {
  accessToken(): Promise<ApiCredential>;
  close?(): Promise<void>;
}

export interface ConsoleServicesOptions {
  environment: EnvironmentInfo;
  backendUrl: string;
  settingsStore: SettingsStore;
  journalStore: JournalStore;
  session: ConsoleSession;
  openExternal: (url: string) => Promise<void>;
  fetch?: typeof fetch;
  now?: () => Date;
  newId: () => string;
  knownOrigins?: readonly string[];
  /** The publishers' booking origins, for an external allow-list (Electron main). */
  onPublisherOrigins?: (origins: string[]) => void;
  /** Where the services log (main: JSON lines on stderr); silent when absent. */
  logger?: Logger;
}

export interface ConsoleServices {
  core: ConsoleCore;
  launches: LaunchQueue;
  close(): Promise<void>;
}

export function createConsoleServices(options: ConsoleServicesOptions): ConsoleServices {
  const logger = options.logger ?? silentLogger;
  const bus = new ConsoleEventBus((error, event) => logger.unexpected(`event ${String(event)}`, error));
  const now = options.now ?? (() => new Date());
  const fetchImpl = options.fetch ?? fetch;
  const settings = new SettingsService(options.settingsStore);
  const api = createBackendApi({
    backendUrl: () => options.backendUrl,
    accessToken: () => options.session.accessToken(),
    fetch: fetchImpl,
  });
  const journal = new Journal({
    store: options.journalStore,
    now,
    newId: options.newId,
    onChange: (entries) => bus.emit('journal', entries),
    logger,
    regulator: () => {
      const state = options.session.getState();
      if (state.status !== 'logged-in') return undefined;
      const { user } = state;
      return { nationalId: user.nationalId, name: [user.givenName, user.familyName].filter(Boolean).join(' ') };
    },
  });
  const launches = new LaunchQueue({
    parse: (input) => parseLaunch(input, options.knownOrigins ? { knownOrigins: options.knownOrigins } : undefined),
    now,
    newId: options.newId,
    onReady: (event) => bus.emit('launch', event),
    onWaitingChange: (count) => bus.emit('launchesWaiting', count),
  });
  const appointments = createAppointmentsService({ api, journal, logger });
  const booking = createBookingService({
    api,
    journal,
    openExternal: options.openExternal,
    bookingOrigin: () => settings.get().bookingOrigin,
    logger,
    ...(options.onPublisherOrigins ? { onPublisherOrigins: options.onPublisherOrigins } : {}),
  });
  const search = createBackendSearch({
    backendUrl: () => options.backendUrl,
    accessToken: () => options.session.accessToken(),
    fetch: fetchImpl,
    newId: options.newId,
    logger,
  });
  const core = createConsoleCore({
    environment: { get: () => options.environment },
    session: options.session,
    launches,
    search,
    places: createPlacesService(api),
    booking,
    appointments,
    agenda: createAgendaService(api),
    settings,
    journal,
    bus,
  });
  const followSession = options.session.onChange((state) => {
    if (state.status !== 'logging-in') journal.regulatorChanged();
    if (state.status === 'logged-in') {
      appointments.start();
      void booking.preload();
    } else if (state.status === 'logged-out') {
      appointments.stop();
      booking.forget();
    }
  });
  if (options.session.getState().status === 'logged-in') appointments.start();

  return {
    core,
    launches,
    close: async () => {
      followSession();
      appointments.stop();
      core.dispose();
      await options.session.close?.();
    },
  };
}
