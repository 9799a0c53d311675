// Builds the calls half of the console API over any "invoke by name" transport, so preload (IPC) and the web
// harness client (HTTP) expose exactly the same functions.
import type { ConsoleCalls, ConsoleSubscriptions } from './console-api';
import { settleOutcome, type CallOutcome } from './errors';

export type Invoke = (name: keyof ConsoleCalls, args: unknown[]) => Promise<unknown>;

type CallsReturning<R> = { [K in keyof ConsoleCalls]: (...args: Parameters<ConsoleCalls[K]>) => R };

function callsOver<R>(invoke: (name: keyof ConsoleCalls, args: unknown[]) => R): CallsReturning<R> {
  // Each call is listed so the compiler checks names and argument shapes against ConsoleCalls.
  return {
    getEnvironment: () => invoke('getEnvironment', []),
    getSession: () => invoke('getSession', []),
    login: () => invoke('login', []),
    cancelLogin: () => invoke('cancelLogin', []),
    logout: () => invoke('logout', []),
    takeLaunches: () => invoke('takeLaunches', []),
    countWaitingLaunches: () => invoke('countWaitingLaunches', []),
    suggestLocations: (text) => invoke('suggestLocations', [text]),
    startSearch: (query) => invoke('startSearch', [query]),
    cancelSearch: (searchId) => invoke('cancelSearch', [searchId]),
    retrySources: (searchId, sourceIds) => invoke('retrySources', [searchId, sourceIds]),
    loadMoreOffer: (searchId) => invoke('loadMoreOffer', [searchId]),
    openBooking: (request) => invoke('openBooking', [request]),
    listAppointments: () => invoke('listAppointments', []),
    bookAgendaSlot: (request) => invoke('bookAgendaSlot', [request]),
    cancelAgendaAppointment: (appointmentId) => invoke('cancelAgendaAppointment', [appointmentId]),
    recordContact: (contact) => invoke('recordContact', [contact]),
    listJournal: () => invoke('listJournal', []),
    exportJournalCsv: () => invoke('exportJournalCsv', []),
    getSettings: () => invoke('getSettings', []),
    updateSettings: (patch) => invoke('updateSettings', [patch]),
  };
}

/** The console calls over a transport that resolves with each call's value (its result type is the contract's). */
export function makeConsoleCalls(invoke: Invoke): ConsoleCalls {
  return callsOver(invoke) as ConsoleCalls;
}

/** The calls as the preload exposes them: each resolves with its outcome, failures included (see errors.ts). */
export type ConsoleOutcomeCalls = {
  [K in keyof ConsoleCalls]: (
    ...args: Parameters<ConsoleCalls[K]>
  ) => Promise<CallOutcome<Awaited<ReturnType<ConsoleCalls[K]>>>>;
};

/** What the preload puts in the renderer's world as `sasConsole`. */
export type ConsoleBridge = ConsoleOutcomeCalls & ConsoleSubscriptions;

/** The calls over a transport that resolves with each call's outcome (the preload's IPC). */
export function makeOutcomeCalls(
  invoke: (name: keyof ConsoleCalls, args: unknown[]) => Promise<CallOutcome<unknown>>,
): ConsoleOutcomeCalls {
  return callsOver(invoke) as ConsoleOutcomeCalls;
}

/** The console calls over the preload's outcomes: a failed outcome rejects with its ConsoleError. */
export function callsFromOutcomes(bridge: ConsoleOutcomeCalls): ConsoleCalls {
  return makeConsoleCalls(async (name, args) => {
    const run = bridge[name] as (...a: unknown[]) => Promise<unknown>;
    // A rejection here is the bridge itself failing (its message is all that crossed): a transport failure.
    const outcome = await run(...args).catch(() => undefined);
    return settleOutcome(outcome);
  });
}
