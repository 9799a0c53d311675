// What the console core needs from the services behind it. Each is implemented in its own module and injected,
// so the core runs the same under Electron main, the web harness and the tests.
import type {
  AgendaBookingRequest,
  AppointmentsLink,
  EnvironmentInfo,
  LocationSuggestion,
  OpenBookingRequest,
  SearchStreamEvent,
  SessionState,
  Unsubscribe,
} from '../../shared/api/console-api';
import type { Appointment } from '../../shared/domain/appointment';
import type { SearchQuery } from '../../shared/domain/search';

export interface SessionPort {
  getState(): SessionState;
  login(): Promise<SessionState>;
  cancelLogin(): Promise<void>;
  logout(): Promise<void>;
  onChange(listener: (state: SessionState) => void): Unsubscribe;
}

export interface PlacesPort {
  suggest(text: string): Promise<LocationSuggestion[]>;
}

export interface SearchPort {
  start(query: SearchQuery, emit: (event: SearchStreamEvent) => void): Promise<string>;
  cancel(searchId: string): Promise<void>;
  retry(searchId: string, sourceIds: readonly string[]): Promise<void>;
  /** Asks for the next practitioners of the search's offer and their slots; resolves once all are sent. */
  loadMore(searchId: string): Promise<void>;
}

export interface BookingPort {
  /** Rejects with a ConsoleError when the page may not be opened. */
  open(request: OpenBookingRequest): Promise<void>;
}

/** The SAS agenda booked in the console (electron/services/agenda-service.ts). */
export interface AgendaPort {
  /** Rejects `agenda-slot-taken` when another regulator took the slot first, `agenda-slot-unknown` when it is gone. */
  book(request: AgendaBookingRequest): Promise<Appointment>;
  /** Rejects `agenda-cancel-refused` when the appointment is not this regulator's. */
  cancel(appointmentId: string): Promise<Appointment>;
}

export interface AppointmentsPort {
  list(): Promise<Appointment[]>;
  onChange(listener: (appointments: Appointment[]) => void): Unsubscribe;
  /** The stream's state, when it changes or a reconnection attempt fails. */
  onLinkChange(listener: (link: AppointmentsLink) => void): Unsubscribe;
}

export interface EnvironmentPort {
  get(): EnvironmentInfo;
}
