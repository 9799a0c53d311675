// The whole contract between the renderer and the console's services (docs/design.md §4).
// Preload implements it over IPC, the web harness over HTTP; the renderer cannot tell them apart.
import type { Appointment } from '../domain/appointment';
import type { LaunchParseResult } from '../domain/launch';
import type { LocationSuggestion } from '../domain/places';
import type { SearchEvent, SearchQuery } from '../domain/search';
import type { ConsoleSettings, ConsoleSettingsPatch } from './console-settings';

export type { LocationSuggestion } from '../domain/places';

export type Unsubscribe = () => void;

export interface SessionUser {
  nationalId: string;
  givenName?: string;
  familyName: string;
  email?: string;
}

export type SessionState =
  | { status: 'logged-out'; message?: string }
  | { status: 'logging-in'; startedAt: string }
  | { status: 'logged-in'; user: SessionUser; expiresAt: string; idpConnect?: string };

export interface EnvironmentInfo {
  /** `training`: the embedded backend and training PSC ("FORMATION"). */
  mode: 'training' | 'connected';
  /** Short label shown in the header badge ("FORMATION", "PRÉPRODUCTION"...). */
  label: string;
  backendUrl: string;
  version: string;
}

/** A launch from the LRM, valid or not, as it reaches the renderer. */
export interface LaunchEvent {
  id: string;
  receivedAt: string;
  result: LaunchParseResult;
}

/** @public Named by the declaration output of preload and the bridge client, which return it. */
export interface SearchHandle {
  searchId: string;
}

export interface SearchStreamEvent {
  searchId: string;
  event: SearchEvent;
}

export interface OpenBookingRequest {
  searchId?: string;
  slotId: string;
  sourceId: string;
  bookingUrl: string;
  /** Lets the backend link the appointment the publisher reports back to this search tab. */
  practitionerId?: string;
  practitionerName?: string;
  start?: string;
  /** LRM origin of the tab's launch: the appointment the publisher reports is sent back to that SAMU's LRM. */
  origin?: string;
}

/** A SAS-agenda slot the regulator confirmed in the console. */
export interface AgendaBookingRequest {
  slotId: string;
  searchId?: string;
  /** LRM origin of the tab's launch: the appointment is sent back to that SAMU's LRM. */
  origin?: string;
}

/** Who was contacted "hors créneaux" (beyond published slots): a practitioner or a CPTS coordination. */
export interface ContactRecord {
  searchId?: string;
  target: 'practitioner' | 'cpts' | 'sos';
  /** IDNPS, FINESS or site id. */
  targetId: string;
  targetName: string;
  phone?: string;
}

export type JournalKind = 'contact' | 'booking-opened' | 'booking-confirmed' | 'booking-changed';

/** One line of the shift's orientation journal. Never patient data. */
export interface JournalEntry {
  id: string;
  at: string;
  kind: JournalKind;
  targetId: string;
  targetName: string;
  searchId?: string;
  /** Status or detail, e.g. "Confirmé", "Annulé", the phone number called. */
  detail?: string;
  /** The regulator logged in when the action was noted (each regulator sees their own entries). */
  regulatorId?: string;
  regulatorName?: string;
  /** The entry could not be written to the workstation's journal file: shown, so it is noted elsewhere. */
  unsaved?: boolean;
}

export type { ConsoleSettings, ConsoleSettingsPatch } from './console-settings';

/** Request/response calls. Every argument is validated by main (see `console-api-schemas.ts`). */
export interface ConsoleCalls {
  getEnvironment(): Promise<EnvironmentInfo>;
  getSession(): Promise<SessionState>;
  login(): Promise<SessionState>;
  cancelLogin(): Promise<void>;
  logout(): Promise<void>;
  /** Launches received so far and not yet taken (pull-first: nothing is lost at cold start). */
  takeLaunches(): Promise<LaunchEvent[]>;
  /** How many valid launches wait for a login (the logged-out screen says so). */
  countWaitingLaunches(): Promise<number>;
  /** Location autocomplete: communes offline, addresses when the backend has a street geocoder. */
  suggestLocations(text: string): Promise<LocationSuggestion[]>;
  startSearch(query: SearchQuery): Promise<SearchHandle>;
  cancelSearch(searchId: string): Promise<void>;
  /** Re-asks only the given sources of a search (those that failed). */
  retrySources(searchId: string, sourceIds: string[]): Promise<void>;
  /**
   * The next practitioners of the search's offer (nearest first), with their slots, on the same search stream.
   * Resolves once they and their slots are sent; nothing happens when every practitioner was sent. Rejects
   * `offer-page-failed` when the page could not be had (the search itself goes on).
   */
  loadMoreOffer(searchId: string): Promise<void>;
  /** Opens the slot's booking page in the system browser; rejects (ConsoleError) when it may not be opened. */
  openBooking(request: OpenBookingRequest): Promise<void>;
  listAppointments(): Promise<Appointment[]>;
  /** Books a SAS-agenda slot; rejects `agenda-slot-taken` when another regulator took it first. */
  bookAgendaSlot(request: AgendaBookingRequest): Promise<Appointment>;
  /** Cancels one of this regulator's SAS-agenda appointments (the slot goes back into searches). */
  cancelAgendaAppointment(appointmentId: string): Promise<Appointment>;
  /** Journal: the regulator called a contact beyond slots ("Adresser un patient hors créneaux"). */
  recordContact(contact: ContactRecord): Promise<JournalEntry>;
  listJournal(): Promise<JournalEntry[]>;
  /** The shift's journal as CSV (semicolon-separated, UTF-8 with BOM for spreadsheet software). */
  exportJournalCsv(): Promise<string>;
  getSettings(): Promise<ConsoleSettings>;
  updateSettings(patch: ConsoleSettingsPatch): Promise<ConsoleSettings>;
}

/**
 * Whether "Mes orientations" follows the backend's appointment stream or waits to reconnect to it. Sent at every
 * (re)connection and at every failed attempt, so a screen that subscribes late learns it within one retry.
 */
export interface AppointmentsLink {
  state: 'live' | 'reconnecting';
}

/** Events pushed from the services to the renderer. */
export interface ConsoleEvents {
  session: SessionState;
  launch: LaunchEvent;
  search: SearchStreamEvent;
  appointments: Appointment[];
  appointmentsLink: AppointmentsLink;
  /** How many valid LRM launches wait for a regulator to log in (they open as tabs after the login). */
  launchesWaiting: number;
  journal: JournalEntry[];
}

export type ConsoleEventName = keyof ConsoleEvents;

export interface ConsoleSubscriptions {
  on<E extends ConsoleEventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): Unsubscribe;
}

/** What the renderer finds as its global `sasConsole` (set by the preload). */
export type ConsoleApi = ConsoleCalls & ConsoleSubscriptions;

export const CONSOLE_EVENT_NAMES = [
  'session',
  'launch',
  'search',
  'appointments',
  'appointmentsLink',
  'launchesWaiting',
  'journal',
] as const satisfies readonly ConsoleEventName[];

/** IPC channel of a call; one place so preload and main cannot disagree. */
export const callChannel = (name: keyof ConsoleCalls): string => `sas:call:${name}`;
/** IPC channel of an event stream. */
export const eventChannel = (name: ConsoleEventName): string => `sas:event:${name}`;
