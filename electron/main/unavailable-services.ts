// The console with no backend behind it (misconfigured, or the training environment failed to start): launches,
// settings and the journal still work; every backend call says why not, in French.
import type { EnvironmentInfo } from '../../shared/api/console-api';
import { parseLaunch } from '../../shared/launch/parse-launch';
import type { ConsoleServices } from '../services/compose';
import { createConsoleCore } from '../services/console-core';
import { ConsoleEventBus } from '../services/event-bus';
import { Journal, MemoryJournalStore } from '../services/journal';
import { LaunchQueue } from '../services/launch-queue';
import { SettingsService, type SettingsStore } from '../services/settings';
import {
  unavailableAppointments,
  unavailableBooking,
  unavailablePlaces,
  unavailableSearch,
  unavailableSession,
} from '../services/unavailable';

export interface FallbackOptions {
  environment: EnvironmentInfo;
  settingsStore: SettingsStore;
  message: string;
  now: () => Date;
  newId: () => string;
}

/** A console with no backend behind it: launches, settings and the journal work; every backend call says why not. */
export function unavailableServices(options: FallbackOptions): ConsoleServices {
  const bus = new ConsoleEventBus();
  const launches = new LaunchQueue({
    parse: (input) => parseLaunch(input),
    now: options.now,
    newId: options.newId,
    onReady: (event) => bus.emit('launch', event),
  });
  const core = createConsoleCore({
    environment: { get: () => options.environment },
    session: unavailableSession(options.message),
    launches,
    search: unavailableSearch,
    places: unavailablePlaces,
    booking: unavailableBooking,
    appointments: unavailableAppointments,
    settings: new SettingsService(options.settingsStore),
    journal: new Journal({
      store: new MemoryJournalStore(),
      now: options.now,
      newId: options.newId,
      onChange: (entries) => bus.emit('journal', entries),
    }),
    bus,
  });
  return { core, launches, close: async () => core.dispose() };
}
