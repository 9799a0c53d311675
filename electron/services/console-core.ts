// The console's services behind one object implementing the console API's calls (docs/design.md §4).
// Transports (Electron IPC, the web harness) validate arguments, then call this; events go out on the bus.
import type { ConsoleCalls, ConsoleSettingsPatch } from '../../shared/api/console-api';
import { ConsoleError } from '../../shared/api/errors';
import type { SearchQuery } from '../../shared/domain/search';
import { type ConsoleEventBus } from './event-bus';
import type { Journal } from './journal';
import type { LaunchQueue } from './launch-queue';
import type {
  AgendaPort,
  AppointmentsPort,
  BookingPort,
  EnvironmentPort,
  PlacesPort,
  SearchPort,
  SessionPort,
} from './ports';
import type { SettingsService } from './settings';

export interface ConsoleCoreDeps {
  environment: EnvironmentPort;
  session: SessionPort;
  launches: LaunchQueue;
  search: SearchPort;
  places: PlacesPort;
  booking: BookingPort;
  appointments: AppointmentsPort;
  /** The SAS agenda booked in the console; absent (e.g. a core built for one test), its calls say it is unavailable. */
  agenda?: AgendaPort;
  settings: SettingsService;
  journal: Journal;
  bus: ConsoleEventBus;
}

export interface ConsoleCore {
  calls: ConsoleCalls;
  bus: ConsoleEventBus;
  dispose(): void;
}

export function createConsoleCore(deps: ConsoleCoreDeps): ConsoleCore {
  const { bus, agenda } = deps;
  const unavailable = () => Promise.reject(new ConsoleError('internal', 'Agenda SAS indisponible.'));
  const subscriptions = [
    deps.session.onChange((state) => {
      deps.launches.setLoggedIn(state.status === 'logged-in');
      bus.emit('session', state);
    }),
    deps.appointments.onChange((list) => bus.emit('appointments', list)),
    deps.appointments.onLinkChange((link) => bus.emit('appointmentsLink', link)),
  ];
  deps.launches.setLoggedIn(deps.session.getState().status === 'logged-in');

  const calls: ConsoleCalls = {
    getEnvironment: () => Promise.resolve(deps.environment.get()),
    getSession: () => Promise.resolve(deps.session.getState()),
    login: () => deps.session.login(),
    cancelLogin: () => deps.session.cancelLogin(),
    logout: () => deps.session.logout(),
    takeLaunches: () => Promise.resolve(deps.launches.take()),
    countWaitingLaunches: () => Promise.resolve(deps.launches.pendingCount()),
    suggestLocations: (text: string) => deps.places.suggest(text),
    startSearch: async (query: SearchQuery) => ({
      searchId: await deps.search.start(query, (event) => bus.emit('search', event)),
    }),
    cancelSearch: (searchId: string) => deps.search.cancel(searchId),
    retrySources: (searchId: string, sourceIds: string[]) => deps.search.retry(searchId, sourceIds),
    loadMoreOffer: (searchId: string) => deps.search.loadMore(searchId),
    openBooking: (request) => deps.booking.open(request),
    listAppointments: () => deps.appointments.list(),
    bookAgendaSlot: (request) => agenda?.book(request) ?? unavailable(),
    cancelAgendaAppointment: (appointmentId) => agenda?.cancel(appointmentId) ?? unavailable(),
    recordContact: (contact) => deps.journal.recordContact(contact),
    listJournal: () => deps.journal.list(),
    exportJournalCsv: () => deps.journal.exportCsv(),
    getSettings: () => Promise.resolve(deps.settings.get()),
    updateSettings: (patch: ConsoleSettingsPatch) => Promise.resolve(deps.settings.update(patch)),
  };

  return {
    calls,
    bus,
    dispose: () => {
      for (const unsubscribe of subscriptions) unsubscribe();
    },
  };
}
